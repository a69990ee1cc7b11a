"""Rules for integrals and infinite sums over a parametric family's support, ending in closed forms.

``log-density`` writes ``log P(x)`` out from the family's density, term by term; ``expand-power`` multiplies out
``(x - mu)^2``; ``split-integral`` and ``pull-constant`` are linearity; ``known-moment`` replaces ``int P(x) g(x) dx``
(or ``sum_k P(k) g(k)``) by a named fact of P's family (``E[X^2] = sigma^2 + mu^2``) or by the total probability 1;
``collect-terms`` multiplies out and collects.  The verifier proves each step without looking at which fact was used.
"""

from __future__ import annotations

from math import comb

import sympy as sp

from derive.core import Refusal, Rewrite, Rule
from derive.core.domain import Domain
from derive.core.functions import base_of
from derive.core.terms import add, factors_of, is_leaf, mul, neg, rebuild, terms_of
from derive.distributions.measures import Measure, Prob
from derive.distributions.parametric import Parametric
from derive.distributions.semantics import plain

Aggregate = (sp.Integral, sp.Sum)


# -- linearity ----------------------------------------------------------------------------------------

def _split_integral(expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
    var = _bound_variable(expr)
    if var is None or not isinstance(expr, sp.Integral) or not isinstance(expr.function, sp.Add):
        return None
    terms = terms_of(expr.function)
    diverging = unsplittable(expr, terms)
    if diverging is not None:
        return diverging
    return Rewrite(add(*(sp.Integral(t, *expr.limits) for t in terms)))


def unsplittable(expr: sp.Integral | sp.Sum, terms: tuple[sp.Basic, ...]) -> Refusal | None:
    """A refusal naming a term whose own integral (or sum) may diverge; ``None`` when each is known to converge.

    Linearity ``int (a + b) = int a + int b`` holds when ``int a`` and ``int b`` converge; otherwise the
    split may turn a finite value into ``oo - oo`` (``int (x - x) dx`` over the line).  A term is known to
    converge (:func:`converges`) when it is a density of a family times a factor of at most polynomial
    growth, or, on a finite range, a polynomial; a sum over finitely many indices always splits.
    """
    var, lo, hi = expr.limits[0]
    infinite = bool(lo.is_infinite or hi.is_infinite)
    if isinstance(expr, sp.Sum) and not infinite:
        return None
    noun = _noun(expr)
    for t in terms:
        if var not in t.free_symbols and t != 0 and infinite:
            return Refusal(f"the {noun} of {sp.sstr(t)} over ({sp.sstr(lo)}, {sp.sstr(hi)}) diverges, "
                           f"so the {noun} cannot be split there")
        if not converges(t, expr.limits[0]):
            return Refusal(f"the {noun} of {sp.sstr(t)} over ({sp.sstr(lo)}, {sp.sstr(hi)}) is not known to "
                           f"converge, so the {noun} cannot be split there")
    return None


def converges(term: sp.Basic, limits: tuple) -> bool:
    """True when ``term`` is known to be absolutely integrable (summable) over ``limits``.

    Either ``P(x) * g(x)``, ``P`` a family on the range, ``g`` of at most polynomial growth (:func:`_tame`; only
    logarithms if a fact of P says ``E[X^m] = oo``), or, on a finite range, a polynomial in ``x`` (or a constant).
    """
    var, lo, hi = limits
    infinite = bool(lo.is_infinite or hi.is_infinite)
    if var not in term.free_symbols:
        return not infinite or term == 0
    factors = factors_of(term)
    weights = [f for f in factors if isinstance(f, Prob) and f.outcome == var and isinstance(f.dist, Parametric)]
    if len(weights) == 1:
        bounds = tuple(weights[0].dist.bounds)
        rest = [f for f in factors if f is not weights[0]]
        heavy = any(f.rhs.has(sp.oo) and not f.free and f.body.is_polynomial(var) for f in weights[0].dist.moments)
        return bounds == (lo, hi) and all(_tame(f, var, bounds) and (not heavy or var not in f.free_symbols
                                                                      or base_of(f) is not None) for f in rest)
    return not infinite and not weights and plain(term).is_polynomial(var)


def _tame(f: sp.Basic, var: sp.Symbol, bounds: tuple) -> bool:
    """``f`` grows at most like a polynomial in ``var`` and has at most logarithmic singularities."""
    if var not in f.free_symbols or f == var:
        return True
    if isinstance(f, (sp.Add, sp.Mul)):
        return all(_tame(a, var, bounds) for a in f.args)
    if isinstance(f, sp.Pow):
        return bool(f.exp.is_Integer and f.exp >= 0) and _tame(f.base, var, bounds)
    if isinstance(f, sp.Abs):
        return _tame(f.args[0], var, bounds)
    if base_of(f) is not None:
        arg = f.args[0]
        return (_tame(arg, var, bounds) or (isinstance(arg, sp.factorial) and arg.args[0] == var)
                or (isinstance(arg, Prob) and arg.outcome == var and isinstance(arg.dist, Parametric)
                    and tuple(arg.dist.bounds) == bounds))
    return False


split_integral = Rule(
    "split-integral",
    "int (a(x) + b(x)) dx -> int a(x) dx + int b(x) dx",
    _split_integral,
    prose="The integral of a sum is the sum of the integrals.",
)


def _bound_variable(expr: sp.Basic) -> sp.Symbol | None:
    if not isinstance(expr, Aggregate) or len(expr.limits) != 1 or len(expr.limits[0]) != 3:
        return None
    return expr.limits[0][0]


def _pull_constant(expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
    var = _bound_variable(expr)
    if var is None:
        return None
    factors = factors_of(expr.function)
    constant = [f for f in factors if var not in f.free_symbols]
    varying = [f for f in factors if var in f.free_symbols]
    if not constant:
        return None
    if not varying:
        _, lo, hi = expr.limits[0]
        if not (lo.is_infinite or hi.is_infinite):
            return None
        return Refusal(f"{sp.sstr(expr.function)} does not depend on {var}: its {_noun(expr)} over "
                       f"({sp.sstr(lo)}, {sp.sstr(hi)}) diverges")
    return Rewrite(mul(*_fraction(constant), expr.func(mul(*varying), *expr.limits)))


def _noun(expr: sp.Basic) -> str:
    return "sum" if isinstance(expr, sp.Sum) else "integral"


def _fraction(factors: list[sp.Basic]) -> tuple[sp.Basic, ...]:
    """Constant factors as one fraction: a rational coefficient, ``1/denominator``, then the other factors as written.

    Numbers in the denominator are cancelled against the coefficient, so ``2*mu/(2*sigma^2)`` comes out as
    ``mu/sigma^2``; every other factor (a logarithm, a bracket) is kept exactly as it was written.
    """
    coeff = sp.Integer(1)
    num: list[sp.Basic] = []
    den: list[sp.Basic] = []
    for f in factors:
        if f.is_Number:
            coeff *= f
        elif isinstance(f, sp.Pow) and f.exp.is_Number and f.exp < 0:
            base = f.base if f.exp == -1 else sp.Pow(f.base, -f.exp)
            c, rest = base.as_coeff_Mul()
            coeff /= c
            den.extend(factors_of(rest) if rest != 1 else ())
        else:
            num.append(f)
    coeff = sp.Rational(coeff)
    out: list[sp.Basic] = [sp.Integer(coeff.p)]
    if coeff.q != 1 or den:
        out.append(sp.Pow(mul(sp.Integer(coeff.q), *den), -1, evaluate=False))
    return tuple(out) + tuple(num)


pull_constant = Rule(
    "pull-constant",
    "int c*f(x) dx -> c * int f(x) dx  (c free of x; likewise sum_k c*f(k) -> c * sum_k f(k))",
    _pull_constant,
    prose="Take the factors that do not depend on the variable out of the integral.",
)


# -- the log-density ------------------------------------------------------------------------------------

def _log_density(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    base = base_of(expr)
    if base is None or not isinstance(expr.args[0], Prob):
        return None
    prob = expr.args[0]
    dist, x = prob.dist, prob.outcome
    if not isinstance(dist, Parametric) or x != dist.variable:
        return None
    written = log_density_terms(dist, x)
    if base == sp.E:
        return Rewrite(written)
    return Rewrite(mul(sp.Pow(sp.log(base), -1, evaluate=False), written))


def log_density_terms(dist: Parametric, x: sp.Symbol) -> sp.Expr:
    """``log p(x; theta)`` written term by term from the family's density.

    For a normal density: ``-log(sigma sqrt(2 pi)) - (x - mu)^2/(2 sigma^2)``.

    Factors free of ``x`` that are neither exponentials nor powers with a
    symbolic exponent are gathered into one logarithm; an exponential gives
    its exponent, a power ``b^e`` gives ``e log(b)`` (split over the terms of
    ``e`` when ``e`` depends on ``x``).  The result agrees with the family's
    :meth:`~derive.distributions.parametric.Parametric.log_pmf`; if the
    layout ever failed to, the family's expanded form is used instead.
    """
    density = dist.density(x)
    front: list[sp.Basic] = []
    varying: list[sp.Basic] = []
    plain_factors: list[sp.Basic] = []
    for f in sp.Mul.make_args(density):
        target = varying if x in f.free_symbols else front
        if isinstance(f, sp.exp):
            target.append(_readable(f.args[0], x))
        elif isinstance(f, sp.Pow) and not f.exp.is_Number:
            for t in (sp.Add.make_args(f.exp) if x in f.exp.free_symbols else (f.exp,)):
                target.append(_times_log(t, f.base, x))
        elif isinstance(f, sp.Pow) and f.exp.is_Number and x in f.base.free_symbols and not isinstance(f.base, sp.Pow):
            target.append(_times_log(f.exp, f.base, x))
        elif x in f.free_symbols:
            varying.append(sp.log(f, evaluate=False))
        else:
            plain_factors.append(f)
    constant = _log_of_constant(sp.Mul(*plain_factors))
    terms = [t for t in (constant, *front, *varying) if t != 0]
    written = add(*terms)
    if sp.expand(sp.expand_log(plain(written), force=True) - dist.log_pmf(x)) != 0:
        return dist.log_pmf(x)
    return written


def _times_log(coefficient: sp.Expr, base: sp.Expr, x: sp.Symbol) -> sp.Expr:
    """``coefficient * log(base)``, a negative coefficient written as a leading minus sign."""
    log = sp.log(_readable(base, x), evaluate=False)
    if coefficient == 1:
        return log
    if coefficient == -1:
        return neg(log)
    c = _readable(coefficient, x)
    if isinstance(c, sp.Add) and all(t.could_extract_minus_sign() for t in c.args):
        return neg(mul(_readable(-coefficient, x), log))
    return mul(c, log)


def _log_of_constant(c: sp.Expr) -> sp.Expr:
    """``log(c)``, or ``-log(1/c)`` when ``c`` is a reciprocal (``-log(sigma sqrt(2 pi))``)."""
    if c == 1:
        return sp.Integer(0)
    num, den = sp.fraction(sp.together(c))
    inverse = sp.fraction(sp.together(1 / c))
    if inverse[1] == 1 and den != 1:
        return neg(sp.log(_product(inverse[0]), evaluate=False))
    if den == 1:
        return sp.log(_product(num), evaluate=False)
    return add(sp.log(_product(num), evaluate=False), neg(sp.log(_product(den), evaluate=False)))


def _product(e: sp.Expr) -> sp.Expr:
    """A product written as people do: symbols first, then one square root of the numbers (``sigma sqrt(2 pi)``)."""
    factors = sp.Mul.make_args(e)
    numbers = [f for f in factors if f.is_number]
    others = [f for f in factors if not f.is_number]
    if not numbers:
        return mul(*others)
    value = sp.Mul(*numbers)
    square = sp.expand(value ** 2)
    roots = any(isinstance(f, sp.Pow) and f.exp == sp.Rational(1, 2) for f in numbers)
    if roots and isinstance(square, (sp.Integer, sp.Mul)) and not any(
            isinstance(f, sp.Pow) for f in sp.Mul.make_args(square)):
        root = sp.Pow(mul(*sp.Mul.make_args(square)), sp.Rational(1, 2), evaluate=False)
        return mul(*others, root)
    return mul(*others, value) if others else value


def _readable(e: sp.Expr, x: sp.Symbol) -> sp.Expr:
    """``e`` laid out for reading: sums with the ``x`` terms first, one fraction with the sign in front."""
    if x not in e.free_symbols and not isinstance(e, (sp.Add, sp.Mul)):
        return e
    if isinstance(e, sp.Add):
        terms = sorted(e.args, key=lambda t: (t.could_extract_minus_sign(), x not in t.free_symbols))
        return add(*(_readable(t, x) for t in terms))
    if isinstance(e, sp.Pow):
        return sp.Pow(_readable(e.base, x), e.exp, evaluate=False)
    if isinstance(e, sp.Abs):
        return sp.Abs(_readable(e.args[0], x), evaluate=False)
    if isinstance(e, sp.Mul):
        num, den = sp.fraction(e)
        sign = 1
        if num.could_extract_minus_sign():
            sign, num = -1, -num
        top = mul(*(_readable(f, x) for f in _ordered(sp.Mul.make_args(num), x)))
        if den == 1:
            return mul(sign, top) if sign == -1 else top
        bottom = mul(*(_readable(f, x) for f in _ordered(sp.Mul.make_args(den), x)))
        return mul(sign, sp.Pow(bottom, -1, evaluate=False), top)
    return e


def _ordered(factors: tuple[sp.Basic, ...], x: sp.Symbol) -> list[sp.Basic]:
    """Numbers, then constants, then factors in ``x`` (a bracket last, so ``distribute`` applies)."""
    return sorted(factors, key=lambda f: (not f.is_number, x in f.free_symbols, isinstance(f, sp.Add)))


log_density = Rule(
    "log-density",
    "log P(x) -> log p(x; theta)  (the family's density, written out term by term)",
    _log_density,
    prose="Write the logarithm of the density out, term by term.",
)


# -- expanding a power of a sum -----------------------------------------------------------------------------

def _expand_power(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    if not isinstance(expr, sp.Pow) or not isinstance(expr.base, sp.Add) or not expr.exp.is_Integer or expr.exp < 2:
        return None
    n = int(expr.exp)
    terms = terms_of(expr.base)
    if len(terms) != 2:
        return Rewrite(add(*sp.Add.make_args(sp.expand(expr))))
    a, b = terms
    out = []
    for k in range(n + 1):
        out.append(mul(sp.Integer(comb(n, k)), _power(b, k), _power(a, n - k)))
    return Rewrite(add(*out))


def _power(e: sp.Expr, k: int) -> sp.Expr:
    if k == 0:
        return sp.Integer(1)
    if k == 1:
        return e
    sign, body = (-1, neg(e)) if isinstance(e, sp.Mul) and e.args[0] == -1 else (1, e)
    return mul(sp.Integer(sign) ** k, sp.Pow(body, k))


expand_power = Rule(
    "expand-power",
    "(a + b)^2 -> a^2 + 2*a*b + b^2  (any integer power n >= 2, by the binomial theorem)",
    _expand_power,
    prose="Multiply out the square.",
)


# -- known moments -------------------------------------------------------------------------------------------

#: The name of the fact ``int P(x) dx = 1`` (every family has it; it is not in the families' tables).
TOTAL = "total probability"


def moment(expr: sp.Basic) -> tuple[sp.Expr, str, Parametric, sp.Expr] | Refusal | None:
    """``(value, fact name, P, g)`` when ``expr`` is ``int P(x) g(x) dx`` over P's support and P knows ``E[g(X)]``.

    A :class:`Refusal` when it is such an integral over another range (the facts do not apply there).
    """
    var = _bound_variable(expr)
    if var is None:
        return None
    factors = factors_of(expr.function)
    probs = [f for f in factors if isinstance(f, Prob) and f.outcome == var]
    if len(probs) != 1 or not isinstance(probs[0].dist, Parametric):
        return None
    dist = probs[0].dist
    _, lo, hi = expr.limits[0]
    if dist.variable != var or isinstance(expr, sp.Sum) != dist.discrete:
        return None
    if (lo, hi) != tuple(dist.bounds):
        return Refusal(f"the {_noun(expr)} runs over ({sp.sstr(lo)}, {sp.sstr(hi)}), not over the support of "
                       f"{dist.name}, ({sp.sstr(dist.bounds[0])}, {sp.sstr(dist.bounds[1])}): "
                       "the facts of its family do not apply")
    rest = [f for f in factors if f is not probs[0]]
    if any(f.has(Prob, Measure) for f in rest):
        return None
    g = plain(mul(*rest))
    if g == 1:
        return sp.Integer(1), TOTAL, dist, g
    found = dist.expect(g)
    if found is None:
        return None
    value, fact = found
    return value, fact.name, dist, g


def _known_moment(expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
    """Every known expectation in ``expr`` replaced by its value; a product it sat in written as one product
    (``mu_1 * E[X]`` as ``mu_1^2``, not ``mu_1 mu_1``; ``log(lambda_2) * E[K]`` as ``lambda_1 log(lambda_2)``)."""
    conditions: dict[sp.Basic, None] = {}

    def visit(node: sp.Basic) -> sp.Basic:
        found = moment(node)
        if isinstance(found, Refusal):
            raise _Refused(found)
        if found is not None:
            conditions[sp.Eq(node, found[0], evaluate=False)] = None
            return found[0]
        if is_leaf(node):
            return node
        args = [visit(a) for a in node.args]
        if isinstance(node, sp.Mul) and any(new is not old and isinstance(moment(old), tuple)
                                            for new, old in zip(args, node.args)):
            return _one_product(args)
        return rebuild(node, args)

    try:
        result = visit(expr)
    except _Refused as refused:
        return refused.refusal
    return Rewrite(result, tuple(conditions)) if conditions else None


class _Refused(Exception):
    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.reason)
        self.refusal = refusal


def _one_product(factors: list[sp.Basic]) -> sp.Basic:
    """``factors`` as one product the way it is written by hand: equal factors as a power (``mu mu`` as ``mu^2``),
    the number first, then symbols and their powers in order, then the rest as written, logarithms last."""
    flat = [f for factor in factors for f in factors_of(factor)]
    powers: dict[sp.Basic, sp.Basic] = {}
    rest: list[sp.Basic] = []
    for f in flat:
        base, exp = (f.base, f.exp) if isinstance(f, sp.Pow) else (f, sp.Integer(1))
        if isinstance(base, sp.Symbol) and exp.is_Integer and exp > 0:
            powers[base] = powers.get(base, sp.Integer(0)) + exp
        else:
            rest.append(f)
    ordered = sorted(powers.items(), key=lambda be: sp.default_sort_key(be[0]))
    symbols = [b if e == 1 else sp.Pow(b, e) for b, e in ordered]
    return mul(*(f for f in rest if f.is_Number), *symbols, *sorted((f for f in rest if not f.is_Number),
                                                                    key=lambda f: base_of(f) is not None))


known_moment = Rule(
    "known-moment",
    "int P(x) g(x) dx -> E_P[g(X)]  (a named fact of P's family: E[X], E[X^2], E[log X], E|X - c|, ...; "
    "int P(x) dx = 1)",
    _known_moment,
    scope="root",
    prose="Replace each expectation by the value its family is known to have.",
)


def facts_used(expr: sp.Basic) -> list[tuple[str, Parametric, sp.Expr, sp.Expr]]:
    """``(fact name, P, g, value)`` for each integral ``known-moment`` would replace in ``expr``, in order, once."""
    seen: dict[sp.Basic, tuple] = {}
    for node in sp.preorder_traversal(expr):
        found = moment(node)
        if isinstance(found, tuple) and node not in seen:
            value, name, dist, g = found
            seen[node] = (name, dist, g, value)
    return list(seen.values())


# -- the last algebra ---------------------------------------------------------------------------------------------

def _collect_terms(expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
    if isinstance(expr, sp.Equality) or expr.has(Measure):
        return None
    if any(isinstance(node, Aggregate) and isinstance(moment(node), tuple) for node in sp.preorder_traversal(expr)):
        return None
    value = layout(tidy(plain(expr)))
    if value == expr:
        return None
    return Rewrite(value)


def tidy(value: sp.Expr) -> sp.Expr:
    """Expanded, then collected by logarithm and digamma (as :mod:`derive.closed_forms` does, without taking
    common factors out of the whole sum, which would leave a fraction of fractions)."""
    value = sp.expand(value)
    keys = sorted(value.atoms(sp.log, sp.polygamma), key=sp.default_sort_key)
    return sp.collect(value, keys)


def layout(e: sp.Expr) -> sp.Expr:
    """``e`` laid out for reading: each product as one fraction with its sign in front (``-mu_1 mu_2 / sigma_2^2``)."""
    if isinstance(e, sp.Add):
        return add(*(layout(t) for t in e.args))
    if isinstance(e, sp.Mul):
        num, den = sp.fraction(e)
        sign = 1
        if num.could_extract_minus_sign():
            sign, num = -1, -num
        top = [layout(f) for f in _by_kind(sp.Mul.make_args(num))]
        if den == 1:
            return mul(sp.Integer(sign), *top)
        bottom = mul(*(layout(f) for f in _by_kind(sp.Mul.make_args(den))))
        return mul(sp.Integer(sign), sp.Pow(bottom, -1, evaluate=False), *top)
    return e


def _by_kind(factors: tuple[sp.Basic, ...]) -> list[sp.Basic]:
    """Numbers, then powers of symbols, then functions and brackets."""
    return sorted(factors, key=lambda f: (not f.is_number, not isinstance(f, (sp.Symbol, sp.Pow))))


collect_terms = Rule(
    "collect-terms",
    "a*L + b*L + c -> (a + b)*L + c  (expand, then collect each logarithm and digamma)",
    _collect_terms,
    scope="root",
    prose="Multiply out and collect like terms.",
)

RULES = (log_density, expand_power, split_integral, pull_constant, known_moment, collect_terms)
