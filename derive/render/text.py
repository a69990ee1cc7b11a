"""Shared wording for renderers: how a step, a distribution and a verdict are described.

Only words live here; every formula is printed by :mod:`derive.render.printer`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import sympy as sp

from derive.core import Chain, Derivation, Report, Step, relate
from derive.core.prose import Text, spell
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


def conditions_sentence(step: Step, math: Math) -> str:
    """``Valid since $a > 0$, $b > 0$.`` for a step with side conditions; empty for one without."""
    if not step.conditions:
        return ""
    return "Valid since " + ", ".join(math(c) for c in step.conditions) + "."


def step_prose(step: Step, voice: Callable[[Text], str], math: Math) -> str:
    """What a document says before a step's display: its note (through ``voice``, see :func:`voice`), then the
    side conditions as a sentence of their own.  The rule's name is not here: renderers put it once, as a tag at
    the right of the display."""
    return " ".join(part for part in (voice(step.note), conditions_sentence(step, math)) if part)


def voice(d: Derivation, words: Callable[[str], str], math: Math) -> Callable[[Text], str]:
    """How a renderer writes the derivation's prose: runs of words through ``words`` (its escaping), expressions
    through ``math``, and so are the distributions' names where they stand as words (``P is the true one``;
    names that begin in lower case could be English words, and are left alone)."""
    names = sorted({dist.name for dist in d.distributions if dist.name[:1].isupper()}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w'])(" + "|".join(map(re.escape, names)) + r")(?![\w(])") if names else None

    def run(text: str) -> str:
        if pattern is None:
            return words(text)
        pieces = pattern.split(text)
        return "".join(math(sp.Symbol(piece)) if k % 2 else words(piece) for k, piece in enumerate(pieces))

    return lambda text: spell(text, run, math)


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
    return (f"Each step was checked by derive, independently of the rule that produced it: {report.summary()}; "
            f"{verdict}.")


def report_table(report: Report) -> str:
    """The verification as Markdown: the summary sentence, then a row per step (its reason when not proved)."""
    rows = [f"| {k} | `{step.rule}` | {v.status.value} | {'' if v.proved else _cell(v.reason)} |"
            for k, (step, v) in enumerate(report.results, 1)]
    return "\n".join([verification_sentence(report), "", "| # | rule | verdict | why not |", "|---|---|---|---|",
                      *rows]) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
