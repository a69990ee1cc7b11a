"""Checking the steps of a derivation: each rewrite, each chain's starting point, and the stated identity.

**By parts.**  A large step is first checked part by part
(:func:`derive.verify.parts.differences`: the places where the two trees
differ, found by comparing them, without asking the rule that made the step).
Soundness: if ``before`` and ``after`` have the same shape except at some
places, and the parts at each place are equal on the domain, then
``before == after`` (equals replaced by equals).  Binders (sums, integrals)
are compared whole, since a part of their body would leave its bound variable
free.  Assumption: the shape outside the places is identical (the function
compares it node by node).  If every part is proved, so is the step;
otherwise the whole is checked.
"""

from __future__ import annotations

import sympy as sp

from derive.core import Chain, Derivation, Report, Status, Step, Verdict, relation_of
from derive.core.allocation import fewer_collections
from derive.core.domain import Domain
from derive.core.terms import is_leaf
from derive.verify.equality import equal
from derive.verify.parts import differences
from derive.verify.relations import relation
from derive.verify.shape import normal_forms

LOCAL_ABOVE = 400  # nodes in a step above which its rewritten parts are checked one by one


def step_holds(step: Step, domain: Domain) -> Verdict:
    """A rewriting step holds when ``before R after``; an equation step when its result holds."""
    if step.relation != "=":
        return relation(step.before, step.after, step.relation, domain)
    if isinstance(step.after, sp.Equality):
        return equal(step.after.lhs, step.after.rhs, domain)
    if isinstance(step.after, sp.Rel):  # a bound stated as a result: lhs R rhs
        return relation(step.after.lhs, step.after.rhs, relation_of(step.after) or "?", domain)
    if not domain.faces() and normal_forms(domain).equal(step.before, step.after):  # proof by shape, whole step
        return Verdict(Status.PROVED, "the difference cancels on the domain")
    if _larger(LOCAL_ABOVE, step.before, step.after):
        parts = differences(step.before, step.after)
        if parts and all(equal(x, y, domain).proved for x, y in parts):
            return Verdict(Status.PROVED, f"each of the {len(parts)} rewritten parts is proved")
    return equal(step.before, step.after, domain)


def _larger(limit: int, *exprs: sp.Basic) -> bool:
    """More than ``limit`` nodes in ``exprs`` (distributions counted as one), counting no further than needed."""
    budget = limit
    stack = list(exprs)
    while stack:
        e = stack.pop()
        budget -= 1
        if budget < 0:
            return True
        if not is_leaf(e):
            stack.extend(e.args)
    return False


def steps_of(derivation: Derivation) -> list[Step]:
    """Everything a derivation claims, in order: each chain's start, its steps, then the stated identity."""
    out: list[Step] = []
    for chain in derivation.chains:
        link = _link(chain)
        if link is not None:
            out.append(link)
        out.extend(chain.steps)
    if derivation.statement is not None:
        out.append(Step("statement", derivation.statement, derivation.statement,
                        "the identity the derivation establishes"))
    return out


def _link(chain: Chain) -> Step | None:
    if chain.start is None or chain.hypothesis:
        return None
    if chain.subject is None:
        return Step("given", chain.start, chain.start, "the equation this chain starts from")
    return Step("given", chain.subject, chain.start, "the chain starts from an earlier result")


def report(results: list[tuple[Step, Verdict]]) -> Report:
    return Report(tuple(results))


__all__ = ["fewer_collections", "report", "step_holds", "steps_of"]
