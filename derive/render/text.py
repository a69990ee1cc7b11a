"""Shared wording for renderers: how a step, a distribution and a verdict are described.

Only words live here; every formula is printed by :mod:`derive.render.printer`.
"""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp

from derive.core import Chain, Derivation, Report, Step, relate
from derive.distributions.base import Distribution
from derive.distributions.measures import Prob

Math = Callable[[sp.Basic], str]


def display_lines(d: Derivation) -> list[tuple[int, int, sp.Basic | None, Step]]:
    """``(section, chain, subject, step)`` for every step, in order."""
    out = []
    for s, section in enumerate(d.sections):
        for c, chain in enumerate(section.chains):
            out.extend((s, c, chain.subject, step) for step in chain.steps)
    return out


def equation(subject: sp.Basic | None, step: Step, relation: str = "=") -> sp.Basic:
    """What a step displays: ``subject R after`` (``R`` the chain's relation so far), or the equation ``after``."""
    return step.after if subject is None else relate(subject, step.after, relation)


def chain_of(d: Derivation, s: int, c: int) -> Chain:
    return d.sections[s].chains[c]


def rule_clause(step: Step, math: Math, code: Callable[[str], str]) -> str:
    """``rule `x`; valid since a > 0, b > 0`` in the renderer's own markup."""
    clause = f"rule {code(step.rule)}"
    if step.conditions:
        clause += "; valid since " + ", ".join(math(c) for c in step.conditions)
    return clause


def describe(dist: Distribution, math: Math) -> str:
    """``P(H) = p, P(T) = 1 - p, with 0 < p < 1`` for a distribution."""
    if dist.outcomes:
        values = ", ".join(math(sp.Eq(Prob(dist, o), dist.pmf(o), evaluate=False)) for o in dist.outcomes)
    else:
        i = dist.variable
        values = f"{math(sp.Eq(Prob(dist, i), dist.pmf(i), evaluate=False))} for every outcome {math(i)}"
        notation = getattr(dist, "notation", "")
        if notation:
            shown = ", ".join(math(v)[1:-1] for v in dist.shown_params)
            values = f"${dist.name} = {notation}({shown})$, that is {values}"
    where = ", ".join(math(c) for c in dist.domain.conditions())
    return f"{values}" + (f", with {where}" if where else "")


def family_name(dist: Distribution) -> str:
    return dist.description


def verification_sentence(report: Report) -> str:
    verdict = "every step is proved" if report.ok else "some steps are not proved"
    return f"derive checked each step independently of the rules that produced it: {report.summary()}; {verdict}."
