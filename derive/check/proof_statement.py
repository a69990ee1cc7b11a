"""The statement of a proof file, concluded from the facts its chains show.

The statement (an equation, an inequality, a system or a chain of inequalities)
is proved when each of its parts follows *formally* from an unconditional fact
(:mod:`derive.verify.establish`): ``lhs - rhs`` is a nonzero rational multiple
of the fact's difference, measures and derivatives being opaque atoms, with a
sign and strictness that keep the relation.  When it is not, one line says why,
the most telling reason first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sympy as sp

from derive.check.proof_steps import Fact
from derive.core.domain import Domain
from derive.verify import establish
from derive.verify.defined import defined

__all__ = ["Conclusion", "conclude"]


@dataclass(frozen=True)
class Conclusion:
    """Whether the statement is proved, why not (one line), and by which steps."""

    proved: bool
    reason: str
    steps: str = ""


def conclude(statement: sp.Basic, facts: Sequence[Fact], domain: Domain | None = None) -> Conclusion:
    """Is each part of ``statement`` formally one of the facts of the chains whose steps are all proved, and (with a
    domain) defined everywhere on it as written (``0 \\cdot \\log(p - q)`` has no value where ``p = q``)?"""
    used: list[str] = []
    for part in establish.parts(statement):
        if domain is not None and not all(defined(side, domain) for side in (part.lhs, part.rhs)):
            return Conclusion(False, f"{_show(part)} is not proved defined everywhere on the domain "
                                     "(a division by zero, a logarithm of 0?)")
        support = next((f for f in facts if not f.failed and f.hypothesis is None and _gives(f, part)), None)
        if support is None:
            return Conclusion(False, _why_not(part, facts))
        used.append(support.where)
    return Conclusion(True, "", ", ".join(dict.fromkeys(used)))


def _gives(fact: Fact, part: sp.Basic) -> bool:
    return any(establish.follows(part, p) for p in establish.parts(fact.claim) if establish.is_relation(p))


def _why_not(part: sp.Basic, facts: Sequence[Fact]) -> str:
    """Why no fact gives ``part``, the most telling reason first."""
    shown = _show(part)
    try:
        if establish.claim(part).trivial:
            return f"{shown} is trivially true (its sides are the same once expanded); it says nothing the chains show"
    except establish.NotFormal as exc:
        return f"{shown} cannot be compared with what the chains show ({exc})"
    for fact in facts:
        if fact.hypothesis is None and fact.failed and _gives(fact, part):
            return f"{shown} rests on {fact.where}, and {fact.failed}"
    for fact in facts:
        if fact.hypothesis is not None and _gives(fact, part):
            return f"{shown} is shown only under the hypothesis supposed in {fact.where}, not unconditionally"
    for fact in facts:
        if fact.hypothesis is None and _related(fact, part):
            verb = "shows" if len(fact.steps) == 1 else "show"
            return f"{fact.where} {verb} only {fact.shown}, which does not give {shown}"
    return f"no chain shows {shown}: the statement must be, side for side, a multiple of what a chain shows"


def _related(fact: Fact, part: sp.Basic) -> bool:
    """Some part of ``fact`` is a multiple of ``part`` whatever the relations (a weaker or reversed fact)."""
    try:
        target = establish.claim(part)
        return any(establish.ratio(establish.claim(p), target) is not None
                   for p in establish.parts(fact.claim) if establish.is_relation(p))
    except establish.NotFormal:
        return False


def _show(expr: sp.Basic) -> str:
    from derive.render.printer import to_latex

    try:
        text = to_latex(expr)
    except Exception:  # a message must never fail
        text = sp.sstr(expr)
    return text if len(text) <= 120 else text[:117] + "..."
