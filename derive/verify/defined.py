"""Where an expression has a value: no division by zero, no logarithm of 0, no pole inside a range.

An identity is claimed for every point of its domain, so a proof that the two
sides agree *wherever both are defined* (an identity of rational functions,
``(x^2 - 1)/(x - 1) = x + 1``) proves the claim only where both sides are
defined everywhere on the domain, as written (``x/x`` built unevaluated is
undefined at 0, though SymPy's value of it is 1).  :func:`defined` proves that: a power with
a negative exponent needs its base proved non-zero, a logarithm its argument
non-zero, ``gamma``-like functions a positive argument; functions with no pole
(``exp``, ``sin``, ``|.|``, ``max``, ...) need only their arguments defined.
Anything else is *not known* to be defined, and the claim stays unproved.
Sums and integrals are taken as the values the exact paths compute for them
(those paths refuse divergent ones); only their limits are checked here.

:func:`danger` lists the places where a side may have no value: the zeros
of denominators and of logarithms' arguments, in one symbol; the numbers try
them as sample points (a hole at ``x = 1`` is a counterexample there).

:func:`pole_inside` is the guard of SymPy's integration: SymPy integrates
``1/t`` from ``a`` to ``1`` as ``-log(a)`` for every ``a``, though for ``a < 0``
the integral runs through the pole at 0.  An integral whose integrand may
have a pole strictly inside its range is never evaluated by SymPy.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from derive.core.domain import Domain
from derive.core.functions import Log
from derive.core.group import Group
from derive.distributions.measures import Measure, OutcomeSum, Prob
from derive.distributions.semantics import denote
from derive.verify import signs

#: Functions with a value wherever their arguments have one.
ENTIRE = (sp.exp, sp.sin, sp.cos, sp.sinh, sp.cosh, sp.tanh, sp.atan, sp.Abs, sp.sign, sp.Max, sp.Min, sp.Heaviside,
          sp.erf, sp.erfc, sp.floor, sp.ceiling, sp.re, sp.im, sp.conjugate, sp.KroneckerDelta, sp.asin, sp.acos,
          sp.asinh, sp.binomial, sp.besseli)
#: Functions with poles at the non-positive integers (or at 0): defined where their argument is positive.
POSITIVE_ARGUMENT = (sp.gamma, sp.loggamma, sp.digamma, sp.factorial, sp.lowergamma, sp.uppergamma, sp.beta)


def defined(expr: sp.Basic, domain: Domain) -> bool:
    """``expr`` is proved to have a finite value at every point of ``domain`` (closed ends included)."""
    return _defined(expr, domain)


@lru_cache(maxsize=20_000)
def _defined(e: sp.Basic, domain: Domain) -> bool:
    if isinstance(e, (Prob, Measure)):
        return True  # a probability, or a measure of distributions on their domain (possibly infinite)
    if isinstance(e, Group):
        return _defined(e.content, domain)
    if isinstance(e, OutcomeSum):
        return _defined(e.body, domain)
    if isinstance(e, Log):  # log(x)/log(b): x non-zero, b positive and not 1
        base = e.base
        return _defined(e.args[0], domain) and _nonzero(e.args[0], domain) and signs.is_positive(base, domain) \
            and _nonzero(sp.log(base), domain)
    if (type(e).__module__ or "").startswith("derive.") and not isinstance(e, sp.Symbol):
        try:  # other notation (a logarithm in base b, the sigmoid): defined where its value is
            return _defined(denote(e), domain)
        except (ValueError, KeyError):
            return False
    if e.is_Atom or isinstance(e, (sp.Indexed, sp.IndexedBase)):
        return not e.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or e in (sp.oo, -sp.oo)
    if isinstance(e, (sp.Sum, sp.Integral, sp.Product)):  # and what the body takes from outside: 1/y in exp(-t^2)/y
        bound = frozenset(limit[0] for limit in e.limits)
        return all(_defined(end, domain) for limit in e.limits for end in limit[1:]) and \
            all(_defined(part, domain) for part in _outside_parts(e.function, bound))
    if isinstance(e, sp.Derivative):
        return _defined(e.expr, domain)
    if isinstance(e, sp.Limit):  # the body need not be defined at the point: the limit has its value, if any
        value = denote(e)
        return not value.has(sp.Limit) and _defined(value, domain)
    if isinstance(e, sp.Subs):  # f'(x) at x = a: defined where f is (for every x, hence at a)
        return _defined(e.expr, domain) and all(_defined(v, domain) for v in e.point)
    if isinstance(e, sp.Piecewise):
        return all(_defined(branch, domain) for branch, _ in e.args)
    if isinstance(e, (sp.Add, sp.Mul)) or isinstance(e, ENTIRE) or isinstance(e, sp.core.function.AppliedUndef):
        return all(_defined(a, domain) for a in e.args)
    if isinstance(e, sp.Pow):
        if not (_defined(e.base, domain) and _defined(e.exp, domain)):
            return False
        if e.exp.is_nonnegative or (e.exp.is_Rational and e.exp > 0):
            return True
        return _nonzero(e.base, domain)
    if isinstance(e, sp.log):
        return _defined(e.args[0], domain) and _nonzero(e.args[0], domain)
    if isinstance(e, POSITIVE_ARGUMENT):
        return all(_defined(a, domain) for a in e.args) and all(
            signs.is_positive(_plain(a, domain), domain) or (isinstance(e, sp.factorial) and a.is_integer and
                                                             signs.is_nonnegative(_plain(a, domain), domain)) for a in e.args)
    if isinstance(e, sp.polygamma):
        return _defined(e.args[1], domain) and signs.is_positive(_plain(e.args[1], domain), domain)
    return False


def _nonzero(e: sp.Basic, domain: Domain) -> bool:
    e = _plain(e, domain)
    return signs.is_positive(e, domain) or signs.is_positive(-e, domain)


def _plain(e: sp.Basic, domain: Domain) -> sp.Basic:
    """``e`` in plain SymPy: each probability ``P(i)`` that is positive at every outcome a fresh positive symbol,
    other notation (a measure) replaced by its value."""
    found = _notation(e)
    if not found:
        return e
    probabilities = {f: _positive_symbol(f) for f in found if isinstance(f, Prob) and _positive_probability(f, domain)}
    e = e.xreplace(probabilities) if probabilities else e
    if len(probabilities) < len(found):
        try:
            return denote(e)
        except (ValueError, KeyError):
            return sp.nan  # an index no sum binds: nothing is proved about it
    return e


def _notation(e: sp.Basic) -> list[sp.Basic]:
    """derive's notation in ``e`` (outermost nodes only: a probability's distribution is not entered)."""
    if (type(e).__module__ or "").startswith("derive.") and not isinstance(e, sp.Symbol):
        return [e]
    return [f for a in e.args for f in _notation(a)]


@lru_cache(maxsize=4096)
def _positive_symbol(f: Prob) -> sp.Dummy:
    """A positive symbol standing for one probability (each its own: their differences keep their sign unknown)."""
    return sp.Dummy("P", positive=True)


def _positive_probability(f: Prob, domain: Domain) -> bool:
    """``P(x)`` is positive on the domain: at its outcome, or at every outcome for an index."""
    positive = _positive_outcomes(f.dist, domain)
    return f.outcome in positive if not isinstance(f.outcome, sp.Symbol) else len(positive) == len(f.dist.outcomes) > 0


@lru_cache(maxsize=1024)
def _positive_outcomes(dist: sp.Basic, domain: Domain) -> frozenset:
    """The outcomes to which ``dist`` gives a probability proved positive on ``domain``."""
    out = set()
    for o in dist.outcomes:
        try:
            if signs.is_positive(denote(dist.pmf(o)), domain):
                out.add(o)
        except (ValueError, KeyError, NotImplementedError):
            continue
    return frozenset(out)


def holes(expr: sp.Basic) -> frozenset | None:
    """Where ``expr`` as written has no real value: the factors of its denominators (each up to its sign: they must
    not be 0), the arguments of its logarithms and the bases of its roots (each as written: their real domains
    differ with their sign); ``None`` when anything else may leave it without one (a power to an exponent of
    unknown sign, a special function, a sum, notation).  Two sides with the same holes are undefined at the same
    points: equal wherever defined, they are equal as the functions they write."""
    out: set[tuple[str, sp.Basic]] = set()
    for e in sp.preorder_traversal(expr):
        if isinstance(e, sp.Pow):
            if not (e.exp.is_Rational or (e.base.is_number and e.base.is_positive)):
                return None
            if e.exp.is_Rational and not e.exp.is_integer:
                out.add(("root", sp.expand(e.base)))
            if e.exp.is_Rational and e.exp < 0:
                out |= {("zero", f) for f in _factors(e.base)}
        elif isinstance(e, sp.log):
            out.add(("log", sp.expand(e.args[0])))
        elif not (e.is_Atom or isinstance(e, (sp.Add, sp.Mul, sp.Indexed, sp.Tuple)) or isinstance(e, ENTIRE)) or \
                isinstance(e, POSITIVE_ARGUMENT) or (type(e).__module__ or "").startswith("derive."):
            return None
    return frozenset(out)


def _factors(base: sp.Basic) -> set[sp.Basic]:
    """The factors of ``base`` that are not numbers, each as the one of ``f``, ``-f`` that sorts first."""
    try:
        _, found = sp.factor_list(base)
        parts = [f for f, _ in found]
    except (sp.PolynomialError, NotImplementedError, ValueError, TypeError):
        parts = [base]
    return {min(sp.expand(f), sp.expand(-f), key=sp.default_sort_key) for f in parts if not f.is_number}


def danger(expr: sp.Basic) -> list[tuple[sp.Symbol, sp.Basic]]:
    """``(symbol, value)`` pairs where a denominator or a logarithm's argument of ``expr`` vanishes (one symbol each)."""
    out: list[tuple[sp.Symbol, sp.Basic]] = []
    for node in sp.preorder_traversal(expr):
        if isinstance(node, (sp.Sum, sp.Integral, sp.Product)):
            continue
        if isinstance(node, sp.Pow) and node.exp.is_negative:
            base = node.base
        elif isinstance(node, sp.log):
            base = node.args[0]
        else:
            continue
        symbols = [s for s in base.free_symbols if isinstance(s, sp.Symbol)]
        if len(symbols) != 1:
            continue
        out.extend((symbols[0], r) for r in _real_zeros(base, symbols[0]))
    return list(dict.fromkeys(out))[:12]


def _real_zeros(e: sp.Basic, s: sp.Symbol) -> list[sp.Basic]:
    try:
        poly = sp.Poly(sp.numer(sp.together(e)), s)
        if poly.degree() < 1 or poly.degree() > 6:
            return []
        return [r for r in sp.real_roots(poly) if r.is_Rational or r.is_algebraic]
    except (sp.PolynomialError, NotImplementedError, ValueError, TypeError):
        return []


def pole_inside(g: sp.Basic, var: sp.Symbol, lo: sp.Basic, hi: sp.Basic) -> bool:
    """The integrand ``g`` may have a pole strictly between ``lo`` and ``hi`` (``True`` when that cannot be ruled out).

    Decided by SymPy's assumptions on the limits (the expressions here are
    re-parametrised: every parameter is a cover symbol that says where it lives).
    """
    for root in _poles(g, var):
        if root is None:
            return True
        if not (_at_most(root, lo) or _at_most(hi, root)):
            return True
    return False


def _at_most(a: sp.Basic, b: sp.Basic) -> bool:
    if a == -sp.oo or b == sp.oo:
        return True
    if a.is_infinite or b.is_infinite:
        return False
    return (b - a).is_nonnegative is True


def _poles(g: sp.Basic, var: sp.Symbol) -> list[sp.Basic | None]:
    """Where a denominator or a logarithm's argument in ``g`` vanishes, as functions of the other symbols;
    ``None`` stands for "somewhere not known"."""
    out: list[sp.Basic | None] = []
    for node in sp.preorder_traversal(g):
        if isinstance(node, sp.Pow) and (node.exp.is_negative or not node.exp.is_nonnegative) and node.base.has(var):
            base = node.base
        elif isinstance(node, sp.log) and node.args[0].has(var):
            base = node.args[0]
        elif isinstance(node, POSITIVE_ARGUMENT + (sp.tan, sp.cot, sp.sec, sp.csc)) and node.has(var):
            return [None]
        else:
            continue
        if base.is_positive:  # exp(-x^2), 1 + x^2: never zero
            continue
        try:
            poly = sp.Poly(sp.numer(sp.together(base)), var)
        except (sp.PolynomialError, NotImplementedError, ValueError, TypeError):
            return [None]
        if poly.degree() > 2 or poly.degree() < 1:
            if poly.degree() < 1:
                continue
            return [None]
        roots = sp.roots(poly, var)
        if sum(roots.values()) != poly.degree() or any(not r.is_real for r in roots):
            if any(r.is_real is False for r in roots) and all(r.is_real is not None for r in roots):
                continue  # complex roots only: no pole on the real line
            return [None]
        out.extend(roots)
    return out


def _outside_parts(body: sp.Basic, bound: frozenset) -> list[sp.Basic]:
    """The largest parts of ``body`` free of the bound variables (an aggregate's body has no value at any
    point of its range where one of them has none)."""
    if isinstance(body, (Prob, Measure)) or not isinstance(body, sp.Expr):
        return []  # a probability has a value; a distribution, a range or a label is no value
    if not body.free_symbols & bound:
        return [body] if body.free_symbols else []
    return [part for a in body.args for part in _outside_parts(a, bound)]
