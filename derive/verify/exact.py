"""Exact proof that a difference vanishes on the interior of a domain: re-parametrisation, aggregates, lemmas, cases.

**By re-parametrisation** (:func:`exactly_zero`).  Every parameter is
written through symbols that cover the interior of its set exactly
(:attr:`derive.core.domain.Domain.reparametrization`: ``p = t/(1+t)`` with ``t > 0``
on ``(0, 1)``).  The map is a bijection onto the interior, so the difference
vanishes on the interior iff it vanishes for every positive ``t``; and now
SymPy's own assumptions know what the domain says (``1 - p = 1/(1+t) > 0``),
so logarithms of positive products split without ``force``.  Then each
logarithm (and every other function) is an independent unknown, and the
difference must cancel as a rational function (:func:`rationally_zero`): an
identity of rational functions holds wherever both sides are defined.
Assumption: SymPy's ``expand_log`` splits only logarithms of factors its
assumptions prove positive (it does, without ``force=True``).  With
``force=True``, ``log(x^2) = 2 log(x)`` would be proved for real ``x``
(tests/verify/test_exact.py).

**By sums and integrals** (:func:`by_bodies`).  Terms ``c * Sum(f, range)``
over the same range are merged by linearity, and the merged body is proved
zero pointwise after the bound variable is replaced by a :func:`cover` of the
range (:mod:`derive.verify.binders`); a body zero on the whole range makes the
aggregate zero (an empty sum is 0).  Assumption: linearity holds (both
aggregates exist); a cover reaches only the range.  Without covers, a bound
variable declared positive and integrated over ``(-1, 1)`` would let
``int |x| dx = int x dx`` through.

**By lemmas** (:mod:`derive.verify.lemmas`): integrals replaced by values
SymPy computes and quadrature confirms; then the rest must cancel.

**By logarithms** (:func:`by_logarithms`): two sides SymPy proves positive are equal when their
logarithms, split only where the assumptions allow, cancel (the logarithm is one-to-one on the positives):
a likelihood's product, written through the sum of its logarithms, against its closed form.

**By evaluation**: SymPy evaluates the integrals with no pole inside their
range (:func:`derive.verify.defined.pole_inside`), and the sums whose range
is proved in order (``hi >= lo - 1``: SymPy's Karr convention then agrees
with the empty-sum convention), and the difference must cancel.

**By cases** (:mod:`derive.verify.cases`): a kink ``|u|``, ``max``, ``min``
split where it changes form; each case proved by the paths above.

Faces of a closed domain are not this module's business: the caller proves
the claim again on each face (:mod:`derive.verify.equality`).
"""

from __future__ import annotations

import sympy as sp

from derive.core.domain import Domain
from derive.verify import cases, lemmas
from derive.verify.binders import cover, ordered_on_cover
from derive.verify.defined import pole_inside
from derive.verify.limits import simplify, too_large

SIMPLIFY_LIMIT = 400  # count_ops above which simplify is not attempted
MAX_CASES = 3  # case splits in a row


def exactly_zero(difference: sp.Basic, domain: Domain) -> bool:
    """A sound proof that ``difference`` vanishes on the interior of ``domain`` (False: not proved)."""
    if too_large(difference):
        return False
    return _zero(split_logs(domain.reparametrize(difference)), MAX_CASES)


def _zero(expr: sp.Basic, depth: int) -> bool:
    if rationally_zero(expr):
        return True
    if expr.has(sp.Sum, sp.Integral, sp.Product):
        if by_bodies(expr):
            return True
        reduced = lemmas.reduce(expr)
        if reduced is not None and _zero(split_logs(reduced), depth):
            return True
        evaluated = evaluate(expr)
        if evaluated != expr and not too_large(evaluated) and rationally_zero(split_logs(evaluated)):
            return True
    found = cases.split(expr) if depth else None
    if found is not None:
        return all(_zero(split_logs(case), depth - 1) for case in found)
    # simplify evaluates sums by Karr's convention, so never on an expression that still has one
    return not expr.has(sp.Sum, sp.Product) and sp.count_ops(expr) <= SIMPLIFY_LIMIT and may_vanish(expr) and \
        simplify(expr) == 0


def _trial(s: sp.Symbol, j: int, k: int) -> sp.Expr:
    """The ``k``-th value :func:`may_vanish` tries for the ``j``-th symbol ``s``, by what SymPy knows of it: each
    symbol its own value (``a/b`` is not 1), reals of both signs, complex numbers off the real line."""
    size = sp.Rational(7331, 10000) + sp.Rational(29, 100) * j + sp.Rational(11, 10) * k
    sign = -1 if (j + k) % 2 == 0 else 1
    if s.is_integer:
        return sp.Integer(3 + 2 * j + 4 * k) * (1 if s.is_nonnegative else sign)
    if s.is_nonnegative:
        return size
    if s.is_nonpositive:
        return -size
    if s.is_real:
        return sign * size
    return size * (sp.Rational(-61, 100) + sp.Rational(79, 100) * sp.I) ** (j + k + 1)


def may_vanish(expr: sp.Expr) -> bool:
    """Whether ``simplify(expr)`` could be 0: ``False`` once ``expr`` has a clearly non-zero value at a point its
    symbols' own assumptions allow (a plain symbol is complex), where ``simplify``, which keeps the value, cannot
    reach 0.  It only spares a hopeless call (``log(a/b) - log(a) + log(b)`` for complex ``a, b``); anything it
    cannot evaluate may vanish."""
    symbols = sorted(expr.free_symbols, key=sp.default_sort_key)
    if not symbols or expr.has(sp.Piecewise, sp.Derivative, sp.Subs, sp.Integral) or \
            any(not isinstance(s, sp.Symbol) for s in symbols):
        return True
    for k in range(2):
        point = {s: _trial(s, j, k) for j, s in enumerate(symbols)}
        try:
            value = sp.N(expr.xreplace(point), 30)
        except (TypeError, ValueError, ZeroDivisionError, ArithmeticError, NotImplementedError, RecursionError):
            return True
        if not value.is_number or value.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or value.free_symbols:
            return True
        if abs(value) > sp.Float(10) ** -12:
            return False
    return True


def split_logs(expr: sp.Basic) -> sp.Basic:
    """Logarithms of products of positive factors split (no ``force``: positivity comes from the cover)."""
    expr = expr.replace(sp.log, lambda arg: sp.log(sp.factor(sp.together(arg))))
    return sp.expand_log(expr)


def by_logarithms(a: sp.Basic, b: sp.Basic, domain: Domain) -> bool:
    """``a == b`` for sides SymPy proves positive on the domain, by their logarithms (the logarithm is one-to-one
    there): ``exp(n log c + S) = c^n exp(S)``, a product over a sample written through the sum of its logarithms
    against the closed form.  Logarithms split only where the assumptions allow it (no ``force``)."""
    a, b = domain.reparametrize(a), domain.reparametrize(b)
    if too_large(a, b) or not (a.is_positive and b.is_positive):
        return False
    difference = sp.expand_log(sp.log(a)) - sp.expand_log(sp.log(b))
    return rationally_zero(sp.expand(difference))


def rationally_zero(expr: sp.Basic) -> bool:
    """Zero as a rational function, each logarithm (and any other function) an independent unknown."""
    if expr.has(sp.nan, sp.zoo) or too_large(expr):
        return False
    logs = sorted(expr.atoms(sp.log), key=sp.default_sort_key)
    unknowns = {lg: sp.Dummy(f"L{k}") for k, lg in enumerate(logs)}
    return sp.cancel(sp.together(expr.xreplace(unknowns))) == 0


def by_bodies(expr: sp.Basic) -> bool:
    """Linearity: aggregates over the same range merged, each merged body zero on a cover of its range."""
    rest, bodies = merge_aggregates(expr)
    return bool(bodies) and rationally_zero(split_logs(rest)) and all(
        body is not None and rationally_zero(split_logs(body)) for body in bodies)


def merge_aggregates(expr: sp.Basic) -> tuple[sp.Basic, list[sp.Basic | None]]:
    """Terms ``c * Sum(f, (i, a, b))`` (or integrals) over the same range merged into one body.

    Each body has its bound variable replaced by a cover of its range
    (:func:`derive.verify.binders.cover`), so that proving the body zero
    pointwise proves the aggregate zero; a body whose range has no cover (its
    order is not known) is ``None``.  Returns the other terms and the bodies.
    """
    rest: list[sp.Basic] = []
    bodies: dict[tuple, list[sp.Basic]] = {}
    covers: dict[tuple, sp.Basic | None] = {}
    for term in sp.Add.make_args(sp.expand(expr, deep=False, log=False, multinomial=False, power_exp=False)):
        factors = sp.Mul.make_args(term)
        aggregates = [f for f in factors if isinstance(f, (sp.Sum, sp.Integral))]
        if len(aggregates) != 1 or len(aggregates[0].limits) != 1 or len(aggregates[0].limits[0]) != 3:
            rest.append(term)
            continue
        (agg,) = aggregates
        var, lo, hi = agg.limits[0]
        key = (type(agg), lo, hi)
        if key not in covers:
            covers[key] = cover(var, lo, hi, agg, None, len(covers))
        coeff = sp.Mul(*(f for f in factors if f is not agg))
        value = covers[key]
        bodies.setdefault(key, []).append(None if value is None else coeff * agg.function.xreplace({var: value}))
    merged = [None if any(b is None for b in group) else sp.Add(*group) for group in bodies.values()]
    return sp.Add(*rest), merged


def evaluate(expr: sp.Basic) -> sp.Basic:
    """``expr`` with its definite integrals, and its sums over a range proved in order, evaluated by SymPy."""

    def safe(e: sp.Basic) -> bool:
        if isinstance(e, sp.Integral):
            return all(len(limit) == 3 for limit in e.limits) and not any(
                pole_inside(e.function, *limit) for limit in e.limits)
        return isinstance(e, (sp.Sum, sp.Product)) and all(
            len(limit) == 3 and ordered_on_cover(limit[1], limit[2], slack=1) for limit in e.limits)

    try:
        return expr.replace(safe, lambda e: e.doit())
    except (NotImplementedError, ValueError, TypeError, ZeroDivisionError, AttributeError, IndexError):
        return expr
