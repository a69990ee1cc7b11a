"""The step checker: is ``before == after`` on the domain?  Proved, refuted, or unknown.

It trusts neither the rule that made a step nor the script that chose it.
Both sides are unfolded to plain SymPy (:func:`derive.semantics.denote`), then

1. evaluated at rational points of the domain with 50-digit arithmetic; a
   difference there refutes the step and the point is the counterexample;
2. proved symbolically: each parameter is re-written through a positive symbol
   that covers its interval exactly (``p = t/(1+t)`` on ``(0, 1)``), so SymPy
   may split logarithms without ``force=True``; logarithms are then treated as
   independent unknowns and the difference must cancel as a rational function.
   Only for small expressions is ``simplify`` tried as a last resort.

A step that survives the numbers but is not proved is UNKNOWN, never PROVED.
"""

from __future__ import annotations

import sympy as sp

from derive.core import Chain, Derivation, Report, Status, Step, Verdict
from derive.domain import Domain
from derive.semantics import denote
from derive.terms import as_expr

DIGITS = 50
POINTS = 6
SIMPLIFY_LIMIT = 400  # count_ops above which simplify is not attempted


def check_equal(lhs: sp.Basic, rhs: sp.Basic, domain: Domain) -> Verdict:
    """Decide ``lhs == rhs`` for every point of ``domain``."""
    try:
        a, b = denote(as_expr(lhs)), denote(as_expr(rhs))
    except (ValueError, KeyError) as exc:
        return Verdict(Status.UNKNOWN, f"cannot give the expression a value: {exc}")
    difference = a - b
    if difference == 0:
        return Verdict(Status.PROVED, "identical once definitions are unfolded")
    domain = _with_free_symbols(domain, difference)
    refuted = _refute(a, b, domain)
    if refuted is not None:
        return refuted
    if _is_zero(difference, domain):
        return Verdict(Status.PROVED, "the difference cancels on the domain")
    return Verdict(Status.UNKNOWN, f"equal at {POINTS} sample points, but not proved symbolically")


def check_step(step: Step, domain: Domain) -> Verdict:
    """A rewriting step holds when ``before == after``; an equation step when its result holds."""
    if isinstance(step.after, sp.Equality):
        return check_equal(step.after.lhs, step.after.rhs, domain)
    return check_equal(step.before, step.after, domain)


def verify_derivation(derivation: Derivation) -> Report:
    """Check every step, each chain's starting point, and the stated identity."""
    domain = derivation.domain
    results: list[tuple[Step, Verdict]] = []
    for chain in derivation.chains:
        link = _link(chain)
        if link is not None:
            results.append((link, check_step(link, domain)))
        results.extend((s, check_step(s, domain)) for s in chain.steps)
    if derivation.statement is not None:
        claim = Step("statement", derivation.statement, derivation.statement, "the identity the derivation establishes")
        results.append((claim, check_step(claim, domain)))
    return Report(tuple(results))


def _link(chain: Chain) -> Step | None:
    if chain.start is None:
        return None
    if chain.subject is None:
        return Step("given", chain.start, chain.start, "the equation this chain starts from")
    return Step("given", chain.subject, chain.start, "the chain starts from an earlier result")


def _with_free_symbols(domain: Domain, expr: sp.Basic) -> Domain:
    """Symbols with no declared domain are taken as positive reals for sampling and proof."""
    extra = sorted(expr.free_symbols - set(domain.symbols), key=str)
    return domain.merge(Domain(tuple((s, sp.Interval.open(0, sp.oo)) for s in extra)))


def _refute(a: sp.Basic, b: sp.Basic, domain: Domain) -> Verdict | None:
    evaluated = 0
    for point in domain.sample_points(POINTS):
        x, y = (_number(side.xreplace(point)) for side in (a, b))
        if x is None or y is None:
            continue
        evaluated += 1
        scale = max(1, abs(x), abs(y))
        if abs(x - y) > sp.Float(10) ** (10 - DIGITS) * scale:
            where = ", ".join(f"{s} = {v}" for s, v in point.items())
            return Verdict(Status.REFUTED, f"{_short(x)} != {_short(y)} at {where}", tuple(point.items()))
    if evaluated == 0:
        return Verdict(Status.UNKNOWN, "could not evaluate either side at any sample point")
    return None


def _number(expr: sp.Basic) -> sp.Float | sp.Expr | None:
    value = sp.N(expr, DIGITS)
    if value.free_symbols or value.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or not value.is_number:
        return None
    real, imag = value.as_real_imag()
    return None if abs(imag) > sp.Float(10) ** (10 - DIGITS) else real


def _short(x: sp.Basic) -> str:
    return sp.sstr(sp.N(x, 8))


def _is_zero(difference: sp.Basic, domain: Domain) -> bool:
    expr = difference.xreplace(domain.reparametrization)
    expr = expr.replace(sp.log, lambda arg: sp.log(sp.factor(sp.together(arg))))
    expr = sp.expand_log(expr)
    logs = sorted(expr.atoms(sp.log), key=sp.default_sort_key)
    unknowns = {lg: sp.Dummy(f"L{k}") for k, lg in enumerate(logs)}
    if sp.cancel(sp.together(expr.xreplace(unknowns))) == 0:
        return True
    return sp.count_ops(expr) <= SIMPLIFY_LIMIT and sp.simplify(expr) == 0
