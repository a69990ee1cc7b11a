"""Substitution of each probability by the distribution's value for it."""

from __future__ import annotations

import sympy as sp
from sympy.core.symbol import Str

from derive.core import Rewrite, Rule
from derive.domain import Domain
from derive.measures import Prob


def _substitute(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    if isinstance(expr, Prob) and isinstance(expr.outcome, Str):
        return Rewrite(expr.dist.pmf(expr.outcome))
    return None


substitute = Rule(
    "substitute",
    "P(x) -> pmf_P(x)   (P(H) -> p, P(T) -> 1 - p)",
    _substitute,
    prose="Substitute each probability by its value.",
)

RULES = (substitute,)
