"""Is ``lhs == rhs`` everywhere on the domain?  Proved, refuted, or unknown.

The order of work, and why each stage may say what it says:

1. **Meaning.**  Both sides are unfolded to plain SymPy
   (:func:`derive.distributions.semantics.denote`) and their sums and integrals put in
   canonical form (:func:`derive.verify.binders.canonical`: bound variables
   range over exactly their range, an empty sum is 0).  Symbols the domain
   does not mention are placed by their own SymPy assumptions
   (:func:`derive.verify.numeric.place`).
2. **Size.**  When expanding a side could make more than
   :data:`derive.verify.limits.MAX_TERMS` terms (``(a+b+c+d+f)^60``), no
   expanding proof path runs: the numbers decide alone (refuted, or unknown).
3. **Numbers** (:mod:`derive.verify.numeric`): a sample point inside the
   domain or on a closed face where the sides differ refutes the claim.
4. **Proof on the interior**, by the first path that succeeds, and only where
   both sides are proved defined everywhere on the domain
   (:mod:`derive.verify.defined`: an identity of rational functions holds
   only where both sides have a value; a hole such as ``(x^2 - 1)/(x - 1)``
   at ``x = 1`` is tried as a sample point, and refutes there):
   *by shape* (:mod:`derive.verify.shape`), *by re-parametrisation*, *by sums
   and integrals*, *by lemmas*, *by evaluation*, *by cases*
   (:mod:`derive.verify.exact`).  Each module states its argument.
5. **Proof on each closed face** (``p = 0`` when the domain says ``0 <= p``):
   the claim with the end put in is checked again, on the rest of the domain.

A claim that survives the numbers but is not proved is UNKNOWN, never PROVED.
"""

from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from derive.core import Status, Verdict
from derive.core.domain import Domain
from derive.core.terms import as_expr
from derive.distributions import moments, randomvars
from derive.distributions.semantics import denote, with_moments
from derive.verify import entropic, exact, numeric
from derive.verify.binders import canonical
from derive.verify.defined import danger, defined, holes
from derive.verify.limits import too_large
from derive.verify.shape import expands_to_zero, normal_forms, split_bounded_logs


def equal(lhs: sp.Basic, rhs: sp.Basic, domain: Domain) -> Verdict:
    """Decide ``lhs == rhs`` for every point of ``domain`` (closed ends included); what is left unknown is tried
    again with each expectation under a family replaced by the family's moment facts (``semantics.py``)."""
    verdict = _equal(lhs, rhs, domain)
    if verdict.status is not Status.UNKNOWN or not isinstance(lhs, sp.Basic) or not isinstance(rhs, sp.Basic):
        return verdict
    a, b = with_moments(lhs), with_moments(rhs)
    if (a, b) == (lhs, rhs):
        return verdict
    again = _equal(a, b, domain)
    return Verdict(Status.PROVED, f"{again.reason}, by the family's moments") if again.proved else verdict


def _equal(lhs: sp.Basic, rhs: sp.Basic, domain: Domain) -> Verdict:
    lhs, rhs = as_expr(lhs), as_expr(rhs)
    refused = _not_expressions(lhs, rhs)
    if refused is not None:
        return refused
    if randomvars.involved(lhs, rhs):  # H(X), p(x, y): for every joint distribution (entropic.py)
        return entropic.equal(denote(lhs), denote(rhs))
    if moments.involved(lhs, rhs):  # E(X^2) - E^2(X) of an X no one declares: by linearity (moments.py)
        return _by_moments(lhs, rhs, domain)
    large = too_large(lhs, rhs)
    fast = None if large else normal_forms(domain).equal(lhs, rhs)
    if fast and not domain.faces():  # every term's template is defined on the whole domain (shape.py)
        return Verdict(Status.PROVED, "identical once definitions are unfolded" if lhs == rhs
                       else "the difference cancels on the domain")
    try:
        a, b = canonical(denote(lhs), domain), canonical(denote(rhs), domain)
    except (ValueError, KeyError) as exc:
        return Verdict(Status.UNKNOWN, f"cannot give the expression a value: {exc}")
    if a.has(sp.nan, sp.zoo) or b.has(sp.nan, sp.zoo):
        return Verdict(Status.UNKNOWN, "a side is undefined (0/0 or a division by zero) as written")
    placed, loose = numeric.place(domain, a, b)
    everywhere = all(defined(side, placed) for side in (lhs, rhs, a, b))  # as written, and as valued
    if a == b and not domain.faces() and (everywhere or lhs == rhs):  # written alike: undefined together, if at all
        return Verdict(Status.PROVED, "identical once definitions are unfolded")
    unknown = _undefined_rate(a) or _undefined_rate(b)
    if unknown is not None:  # no value at any point: nothing to sample, and no rule of derive's knows it
        return Verdict(Status.UNKNOWN, f"depends on {unknown}, the derivative of a function not defined")
    large = large or too_large(a, b)
    aggregates = a.has(sp.Integral, sp.Sum) or b.has(sp.Integral, sp.Sum)
    quick = not large and (fast or expands_to_zero(split_bounded_logs(a - b, placed)))
    # A fast proof of plain expressions is only confirmed by the numbers, at fewer points.
    refuted = numeric.refute_equal(a, b, placed, loose, numeric.CONFIRM_POINTS if quick and not aggregates else None,
                                   frozenset(lhs.free_symbols | rhs.free_symbols))
    if refuted is not None and not (refuted.status is Status.UNKNOWN and _generic(a, b, placed, quick)):
        return refuted
    if large:
        return Verdict(Status.UNKNOWN, "equal at every sample point, but too large to expand for a proof")
    written = (lhs, rhs) if not notation(lhs, rhs) else (a, b)
    hole = None if everywhere else numeric.refute_at(written, placed, danger(lhs) + danger(rhs) + danger(a) + danger(b))
    if hole is not None:
        return hole
    if not (quick or a == b or exact.exactly_zero(a - b, placed) or exact.by_logarithms(a, b, placed)):
        return Verdict(Status.UNKNOWN, f"equal at {numeric.POINTS} sample points, but not proved symbolically")
    if not everywhere and not _same_holes(lhs, rhs):
        return Verdict(Status.UNKNOWN, "equal wherever both sides are defined, but a side is not proved defined "
                                       "everywhere on the domain (a division by zero, a logarithm of 0?)")
    verdict = _on_faces(a, b, placed)
    if verdict.proved and not everywhere:
        return Verdict(Status.PROVED, "equal wherever defined, and both sides are undefined at the same points")
    return verdict


def _generic(a: sp.Basic, b: sp.Basic, domain: Domain, quick: bool) -> bool:
    """``a == b`` holds whatever values the functions no one defines take (``\\int (x - \\mu) f(x) dx + \\mu \\int f(x)
    dx = \\int x f(x) dx``): proved with each application an unknown of its own, never evaluated."""
    if not (a.has(AppliedUndef) or b.has(AppliedUndef)) or too_large(a, b):
        return False
    difference = domain.reparametrize(a - b)  # only the cheap proofs: nothing to integrate, no simplify
    return quick or exact.rationally_zero(difference) or exact.by_bodies(difference)


def _same_holes(lhs: sp.Basic, rhs: sp.Basic) -> bool:
    """The two sides as written lack a value at the same points (:func:`~derive.verify.defined.holes`)."""
    found = holes(lhs)
    return found is not None and found == holes(rhs)


def _by_moments(lhs: sp.Basic, rhs: sp.Basic, domain: Domain) -> Verdict:
    """Proved when linearity of expectation gives both sides one form; never refuted (the moments of one
    distribution are no independent numbers, and the text may mean a law it only describes)."""
    a, b = moments.moments(lhs), moments.moments(rhs)
    if not moments.involved(a, b) and equal(a, b, domain).proved:
        return Verdict(Status.PROVED, "for every distribution, by linearity of expectation")
    return Verdict(Status.UNKNOWN, "not one form by linearity of expectation, for a variable whose distribution "
                                   "the text does not declare")


def _on_faces(a: sp.Basic, b: sp.Basic, domain: Domain) -> Verdict:
    """The claim, proved inside, proved again on each closed face of the domain (with the end put in)."""
    for symbol, end, rest in domain.faces():
        verdict = equal(a.xreplace({symbol: end}), b.xreplace({symbol: end}), rest)
        if verdict.status is Status.REFUTED:
            return Verdict(Status.REFUTED, f"at {symbol} = {end}: {verdict.reason}",
                           ((symbol, end),) + verdict.counterexample)
        if not verdict.proved:
            return Verdict(Status.UNKNOWN, f"proved inside the domain, but at its end {symbol} = {end}: "
                                           f"{verdict.reason}")
    return Verdict(Status.PROVED, "the difference cancels on the domain"
                   + (", its closed ends included" if domain.faces() else ""))


def notation(*sides: sp.Basic) -> bool:
    """A side holds derive's notation (measures, ``P(H)``, groups), which only its value can be evaluated through."""
    return any((type(e).__module__ or "").startswith("derive.") for side in sides for e in sp.preorder_traversal(side))


def _not_expressions(*sides: sp.Basic) -> Verdict | None:
    """An equation, inequality or truth value is not a side of an identity."""
    for side in sides:
        if not isinstance(side, sp.Expr):  # (a Symbol is an Expr and a Boolean; a relation is no Expr)
            return Verdict(Status.UNKNOWN, f"{sp.sstr(side)} is not an expression (a relation or a truth value), "
                                           "so it cannot be a side of an identity")
    return None


def _undefined_rate(expr: sp.Basic) -> str | None:
    """A derivative (or its value at a point) of a function nothing defines, as text; ``None`` if there is none."""
    for e in sp.preorder_traversal(expr):
        if isinstance(e, (sp.Derivative, sp.Subs)) and e.has(AppliedUndef):
            return sp.sstr(e)
    return None
