"""Rules that unfold a measure into its definition, or recognise and fold it back."""

from __future__ import annotations

import sympy as sp

from derive.core import Rewrite, Rule
from derive.core.domain import Domain
from derive.core.group import Group
from derive.core.terms import mul, neg, neg_terms
from derive.distributions.measures import Measure
from derive.rules.recognition import agree


def unfold_definition(*only: Measure | type[Measure]) -> Rule:
    """``H(P) -> sum_i -P(i) log P(i)`` and likewise for each measure (or only those given)."""

    def apply(expr: sp.Basic, domain: Domain) -> Rewrite | None:
        if not isinstance(expr, Measure) or (only and not _selected(expr, only)):
            return None
        return Rewrite(expr.definition())

    return Rule(
        "unfold-definition",
        "H(P) -> sum_i -P(i) log P(i);  H(P, Q) -> sum_i -P(i) log Q(i);  KL(P||Q) -> sum_i P(i) log(P(i)/Q(i))",
        apply,
        prose="Write the measure out from its definition.",
    )


def recognise_definition(*measures: Measure) -> Rule:
    """Label a group with the measure it equals; a group equal to ``-M`` becomes ``-[...]_M``.

    The match is a proposal (:mod:`derive.rules.recognition`: numbers agree); the verifier proves it.
    """

    def apply(expr: sp.Basic, domain: Domain) -> Rewrite | None:
        if not isinstance(expr, Group):
            return None
        for m in measures:
            if expr.label != m and agree(expr.content, m, domain):
                return Rewrite(Group(expr.content, m))
            if agree(expr.content, neg(m), domain):
                return Rewrite(neg(Group(neg_terms(expr.content), m)))
        return None

    return Rule(
        "recognise-definition",
        "[e] -> [e]_M  if e = def(M);  [e] -> -[-e]_M  if e = -def(M)",
        apply,
        prose="Recognise each group as a measure written out.",
    )


def fold_definition(*measures: Measure) -> Rule:
    """Replace a group that equals a measure (or its negative) by the measure itself."""

    definitions: dict[sp.Basic, Measure] = {}  # each definition built once (it has one term per outcome)

    def apply(expr: sp.Basic, domain: Domain) -> Rewrite | None:
        if not definitions:
            definitions.update((m.definition(), m) for m in reversed(measures))  # the first measure wins
        exact = definitions.get(expr)
        if exact is not None:
            return Rewrite(exact)
        if not isinstance(expr, Group):
            return None
        for m in measures:
            if agree(expr.content, m, domain):
                return Rewrite(m)
            if agree(expr.content, neg(m), domain):
                return Rewrite(mul(sp.Integer(-1), m))
        return None

    return Rule(
        "fold-definition",
        "[e] -> M  if e = def(M);  [e] -> -M  if e = -def(M);  def(M) -> M",
        apply,
        prose="Fold each group back into the measure it defines.",
    )


def _selected(m: Measure, only: tuple[Measure | type[Measure], ...]) -> bool:
    return any(m == o if isinstance(o, Measure) else isinstance(m, o) for o in only)


RULES = (unfold_definition(), recognise_definition(), fold_definition())
