"""Closed forms of entropy, cross-entropy and KL divergence for the parametric families.

The public values are :func:`entropy`, :func:`cross_entropy` and :func:`kl` (``derive.kl(P, Q)``): a SymPy
expression, with a :class:`derive.errors.DeriveWarning` when it is infinite or has no closed form.  The
``*_form`` functions give the full record (:class:`ClosedForm`: the value, whether it is closed, and why not).

Nothing here is a typed-in formula for a measure.  Each result is derived:

1. the integrand (``-log p``, ``-log q`` or ``log p - log q``) is written from
   the densities and expanded into terms ``c * g(x)`` with ``c`` free of ``x``;
2. ``E_P[c * g(X)] = c * E_P[g(X)]`` and ``E_P[g(X)]`` is taken from P's table
   of facts (``E[X^2] = sigma^2 + mu^2``, ``E[log X] = digamma(a) - log(rate)``,
   ...; each proved in the tests by SymPy integration or summation and
   numerically);
3. an expectation with no fact stays an unevaluated ``Integral``/``Sum`` (a
   short finite sum is written out instead, see :data:`FINITE_TERMS`), and the
   result says so (``closed=False``);
4. when P has mass where Q has none (``Uniform(0, 2)`` against
   ``Uniform(0, 1)``), cross-entropy and KL are ``oo``, with the reason; when
   that depends on symbols, the value is ``Piecewise((finite, condition), (oo, True))``.

>>> import sympy as sp
>>> from derive.distributions.families import Exponential
>>> r, s = sp.symbols("r s")
>>> kl_form(Exponential(r), Exponential(s, name="Q")).value
log(r) - log(s) - 1 + s/r
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp

from derive.core.domain import Domain
from derive.distributions.base import Distribution
from derive.distributions.measures import KL, UNITS, CrossEntropy, Entropy, Measure
from derive.distributions.parametric import Parametric
from derive.errors import DeriveError, DeriveWarning, InvalidParameter
from derive.verify.signs import is_nonnegative, is_positive

#: Finite sums (Binomial) with at most this many terms are written out: numbers once the
#: parameters are numbers, polynomials in them otherwise (which grow quickly, hence the lower limit).
FINITE_TERMS = 200
SYMBOLIC_FINITE_TERMS = 16


@dataclass(frozen=True)
class ClosedForm:
    """The value of a measure.

    ``value`` is a SymPy expression in the parameters: finite, ``oo``, or a
    ``Piecewise`` that is ``oo`` off a condition on the parameters.  ``closed``
    is False when ``value`` keeps an unevaluated ``Sum`` or ``Integral`` (an
    expectation with no closed form, such as ``E[log K!]`` under a Poisson);
    ``sp.N(value)`` still evaluates it.  ``reason`` explains an infinite or
    open result; ``facts`` names the expectations the derivation used.
    """

    value: sp.Expr
    reason: str = ""
    closed: bool = True
    facts: tuple[str, ...] = ()

    @property
    def infinite(self) -> bool:
        return self.value == sp.oo


def entropy_form(P: Distribution, units: str = "nats") -> ClosedForm:
    """``H(P) = E_P[-log p(X)]``."""
    if not isinstance(P, Parametric):
        return _finite(Entropy(P, base=_base(units)))
    _check(P)
    x = P.variable
    return _in_units(_settled(_expected(P, -P.log_pmf(x)), P.domain), units)


def cross_entropy_form(P: Distribution, Q: Distribution, units: str = "nats") -> ClosedForm:
    """``H(P, Q) = E_P[-log q(X)]``; ``oo`` where P has mass outside Q's support."""
    if not isinstance(P, Parametric):
        return _finite(CrossEntropy(P, Q, base=_base(units)))
    _check(P, Q)
    x = P.variable
    return _in_units(_guard(P, Q, lambda: _expected(P, -Q.log_pmf(x))), units)


def kl_form(P: Distribution, Q: Distribution, units: str = "nats") -> ClosedForm:
    """``KL(P || Q) = E_P[log p(X) - log q(X)]``; ``oo`` where P has mass outside Q's support."""
    if not isinstance(P, Parametric):
        return _finite(KL(P, Q, base=_base(units)))
    _check(P, Q)
    x = P.variable
    return _in_units(_guard(P, Q, lambda: _expected(P, P.log_pmf(x) - Q.log_pmf(x))), units)


def closed_form(measure: Measure) -> ClosedForm:
    """The closed form of an ``Entropy``, ``CrossEntropy`` or ``KL`` object, in its own units."""
    units = next(name for name, base in UNITS.items() if base == measure.base)
    if isinstance(measure, Entropy):
        return entropy_form(*measure.dists, units=units)
    if isinstance(measure, CrossEntropy):
        return cross_entropy_form(*measure.dists, units=units)
    if isinstance(measure, KL):
        return kl_form(*measure.dists, units=units)
    raise DeriveError(f"no closed form for {type(measure).__name__}")


def _base(units: str) -> sp.Basic:
    if units not in UNITS:
        raise DeriveError(f"units must be one of {', '.join(UNITS)}, got {units!r}")
    return UNITS[units]


def _finite(measure: Measure) -> ClosedForm:
    """A measure of distributions on listed outcomes (or ``n`` symbolic ones): the definition, summed.

    Outcomes P gives probability 0 contribute 0 (``0 log 0 = 0``); an outcome
    P can produce and Q cannot makes cross-entropy and KL infinite.
    """
    from derive.distributions.semantics import denote

    P = measure.dists[0]
    if not P.outcomes:
        return ClosedForm(denote(measure.definition()))
    Q = measure.dists[-1]
    for o in P.outcomes:
        if P.pmf(o) != 0 and Q.pmf(o) == 0 and not isinstance(measure, Entropy):
            return ClosedForm(sp.oo, f"{Q.name} gives probability 0 to the outcome {o.name}, "
                                     f"which {P.name} produces with probability {P.pmf(o)}")
    terms = [measure.summand(o) for o in P.outcomes if P.pmf(o) != 0]
    return ClosedForm(sp.Add(*(denote(t) for t in terms)))


def _check(*dists: Distribution) -> None:
    for d in dists:
        if not isinstance(d, Parametric):
            raise DeriveError(f"closed forms are for the parametric families, got {type(d).__name__} {d}")
    if len({d.discrete for d in dists}) > 1:
        raise DeriveError(f"{dists[0].name} and {dists[1].name} must both be discrete or both continuous")


def _expected(P: Parametric, integrand: sp.Expr) -> ClosedForm:
    """``E_P[integrand]`` by linearity and P's facts; open expectations kept unevaluated."""
    x = P.variable
    grouped: dict[sp.Expr, sp.Expr] = {}
    for term in sp.Add.make_args(sp.expand(integrand)):
        coeff, g = term.as_independent(x, as_Add=False)
        grouped[g] = grouped.get(g, sp.Integer(0)) + coeff
    value, facts, open_terms = sp.Integer(0), [], []
    for g, coeff in grouped.items():
        if coeff == 0:
            continue
        if g == 1:
            value += coeff
            continue
        found = P.expect(g)
        if found is not None:
            expectation, fact = found
            facts.append(f"{P.family}: {fact.name}")
        else:
            expectation = _written_out(P, P.expectation(g))
            if expectation.has(sp.Sum, sp.Integral):
                open_terms.append(g)
        value += coeff * expectation
    reason = ""
    if open_terms:
        listed = ", ".join(f"E[{sp.sstr(g)}]" for g in open_terms)
        reason = f"no closed form known for {listed} under {P.family} {P.name}; kept as an unevaluated {_aggregate(P)}"
    return ClosedForm(_tidy(value), reason, not open_terms, tuple(dict.fromkeys(facts)))


def _written_out(P: Parametric, expectation: sp.Expr) -> sp.Expr:
    """A sum over few enough integers written out (see :data:`FINITE_TERMS`); anything else as is."""
    lo, hi = P.bounds
    limit = SYMBOLIC_FINITE_TERMS if P.free_symbols else FINITE_TERMS
    if P.discrete and lo.is_Integer and hi.is_Integer and hi - lo < limit:
        return expectation.doit()
    return expectation


def _guard(P: Parametric, Q: Parametric, finite: Callable[[], ClosedForm]) -> ClosedForm:
    """``oo`` when P has mass outside Q's support; ``Piecewise`` when that depends on the parameters."""
    inside = _within(P, Q)
    where = f"{Q.name} gives zero {_kind(Q)} where {P.name} has {_kind(P)}"
    if inside is sp.false:
        return ClosedForm(sp.oo, f"{where}: the support {P.support} is not inside {Q.support}")
    result = _settled(finite(), _merged(P, Q))
    if inside is sp.true:
        return result
    value = sp.Piecewise((result.value, inside), (sp.oo, True))
    reason = f"infinite unless {sp.sstr(inside)} (otherwise {where})"
    return ClosedForm(value, "; ".join(r for r in (reason, result.reason) if r), result.closed, result.facts)


def _within(P: Parametric, Q: Parametric) -> sp.Basic:
    """``support(P) inside support(Q)`` as True, False, or a condition on the parameters."""
    (lo_p, hi_p), (lo_q, hi_q) = P.bounds, Q.bounds
    domain = _merged(P, Q)
    return sp.And(_at_most(lo_q, lo_p, domain), _at_most(hi_p, hi_q, domain))


def _merged(P: Parametric, Q: Parametric) -> Domain:
    """Both domains, or none when they conflict."""
    try:
        return P.domain.merge(Q.domain)
    except InvalidParameter:
        return Domain()


def _settled(result: ClosedForm, domain: Domain) -> ClosedForm:
    """Each ``Piecewise`` condition of a fact (``E[X^c]`` is ``oo`` unless ``c > -k``) decided on the domain."""
    value = result.value.replace(lambda e: isinstance(e, sp.Piecewise),
                                 lambda e: sp.Piecewise(*((v, _decided(c, domain)) for v, c in e.args)))
    value = value if value == result.value else _tidy(value)
    reason = result.reason or ("an expectation it needs is infinite (a moment the distribution does not have)"
                               if value == sp.oo else "")
    return ClosedForm(value, reason, result.closed, result.facts)


def _decided(condition: sp.Basic, domain: Domain) -> sp.Basic:
    """``a > b`` (or ``a >= b``) as ``true`` or ``false`` when proved so on the domain; otherwise as it is."""
    if not isinstance(condition, (sp.StrictGreaterThan, sp.StrictLessThan, sp.GreaterThan, sp.LessThan)):
        return condition
    gap = condition.gts - condition.lts
    strict = isinstance(condition, (sp.StrictGreaterThan, sp.StrictLessThan))
    if (is_positive if strict else is_nonnegative)(gap, domain):
        return sp.true
    if (is_nonnegative if strict else is_positive)(-gap, domain):
        return sp.false
    return condition


def _at_most(a: sp.Expr, b: sp.Expr, domain: Domain) -> sp.Basic:
    """``a <= b``: decided by the numbers, or proved on the domain, or left as a condition."""
    if a == b or a == -sp.oo or b == sp.oo:
        return sp.true
    if a == sp.oo or b == -sp.oo:
        return sp.false
    if a.is_number and b.is_number:
        return sp.true if a <= b else sp.false
    if is_nonnegative(b - a, domain):
        return sp.true
    if is_positive(a - b, domain):
        return sp.false
    return sp.Le(a, b)


def _in_units(result: ClosedForm, units: str) -> ClosedForm:
    if units not in UNITS:
        raise DeriveError(f"units must be one of {', '.join(UNITS)}, got {units!r}")
    base = UNITS[units]
    if base == sp.E or result.value == sp.oo:
        return result
    value = result.value
    if isinstance(value, sp.Piecewise):
        value = sp.Piecewise(*((v if v == sp.oo else v / sp.log(base), c) for v, c in value.args))
    else:
        value = value / sp.log(base)
    return ClosedForm(value, result.reason, result.closed, result.facts)


def _kind(d: Parametric) -> str:
    return "mass" if d.discrete else "density"


def _aggregate(P: Parametric) -> str:
    return "sum" if P.discrete else "integral"


def _tidy(value: sp.Expr) -> sp.Expr:
    """A readable form: terms collected by logarithm and digamma, common factors taken out."""
    value = sp.expand(value)
    keys = sorted(value.atoms(sp.log, sp.polygamma), key=sp.default_sort_key)
    return sp.factor_terms(sp.collect(value, keys))


# The public values (``derive.entropy``, ``derive.cross_entropy``, ``derive.kl``).
#
# Each returns a SymPy expression in the parameters.  An infinite result
# (``oo``: Q gives no probability where P has some) or one with no closed form
# (an unevaluated sum kept) comes with a :class:`derive.errors.DeriveWarning`
# saying why; the ``*_form`` functions above give the full record.
#
# Boundary values are accepted: a coin may have ``p = 0`` or ``p = 1`` and a
# categorical may give an outcome probability 0.  Such an outcome contributes
# nothing to ``H(P)``, ``H(P, Q)`` or ``KL(P || Q)`` (the convention
# ``0 log 0 = 0``, the limit of ``x log x`` as ``x -> 0``, silently); an outcome
# that ``P`` produces and ``Q`` gives probability 0 makes ``H(P, Q)`` and
# ``KL(P || Q)`` infinite (``oo``, with the warning).  Derivations need every
# probability strictly between 0 and 1 and refuse boundary values.


def entropy(P: Distribution, units: str = "nats") -> sp.Expr:
    """``H(P)`` in closed form."""
    return _value(entropy_form(P, units), f"H({P.name})")


def cross_entropy(P: Distribution, Q: Distribution, units: str = "nats") -> sp.Expr:
    """``H(P, Q)`` in closed form; ``oo`` (with a warning) where Q misses outcomes of P."""
    return _value(cross_entropy_form(P, Q, units), f"H({P.name}, {Q.name})")


def kl(P: Distribution, Q: Distribution, units: str = "nats") -> sp.Expr:
    """``KL(P || Q)`` in closed form; ``oo`` (with a warning) where Q misses outcomes of P."""
    return _value(kl_form(P, Q, units), f"KL({P.name} || {Q.name})")


def _value(result: ClosedForm, what: str) -> sp.Expr:
    if result.reason:
        warnings.warn(f"{what}: {result.reason}", DeriveWarning, stacklevel=3)
    elif not result.closed:
        warnings.warn(f"{what} has no closed form; the unevaluated expression is kept", DeriveWarning, stacklevel=3)
    return result.value
