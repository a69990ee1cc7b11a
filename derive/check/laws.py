r"""Laws a text supposes for one implication: ``x \sim \mathrm{Gam}(a, b) \Rightarrow \langle x \rangle = a/b``.

A reference states what a family gives (its mean, the mean of its logarithm) as an implication whose premise
names the law of a variable.  That law is no declaration of the document: it holds for the implication's
conclusion, to the end of its sentence, and nowhere else; the variable it names (``x`` or ``X``) is the one
the expectations written there without a subscript are over.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from derive.check.chains import IMPLICATION, Chain
from derive.check.definitions import Declaration, declare, family_of
from derive.distributions.base import Distribution

#: A premise that names a law: one letter, ``\sim``, a family applied to its parameters.
_PREMISE = re.compile(r"\s*([A-Za-z])\s*\\sim\s*(.+?)\s*")


@dataclass(frozen=True)
class Law:
    """The law the implication at ``rank`` supposes, in force to the end of sentence ``last``."""

    rank: int
    last: int
    distribution: Distribution
    premise: str  # as written


def premise_law(tex: str, texts: Sequence[str]) -> Distribution | None:
    """The distribution ``tex`` (``x \\sim \\mathrm{Gam}(a, b)``) names for its letter (as a capital), or None."""
    match = _PREMISE.fullmatch(tex)
    found = family_of(match.group(2)) if match is not None else None
    if found is None:
        return None
    name = match.group(1).upper()
    if name in "EH":  # the expectation and the entropy are no law's name
        return None
    declared = declare([Declaration(name, match.group(2), "law", family=found[0], arguments=found[1])], texts)
    return declared.distributions[0] if declared.distributions else None


def laws(found: Sequence[Chain], texts: Sequence[str], last_of) -> list[Law]:
    """The laws the implications among ``found`` suppose; ``last_of(rank)`` is the last sentence of a rank's."""
    out = []
    for chain in found:
        if chain.kind != IMPLICATION or (dist := premise_law(chain.subject.tex, texts)) is None:
            continue
        rank = chain.subject.rank
        out.append(Law(rank, last_of(rank), dist, chain.subject.tex.strip()))
    return out
