"""Rules on sums over outcomes."""

from __future__ import annotations

import sympy as sp

from derive.core import Rewrite, Rule
from derive.domain import Domain
from derive.measures import OutcomeSum, expand_outcome_sum


def _expand(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    return Rewrite(expand_outcome_sum(expr)) if isinstance(expr, OutcomeSum) else None


expand_finite_sum = Rule(
    "expand-finite-sum",
    "sum_{i in {x1, ..., xn}} f(i) -> f(x1) + ... + f(xn)",
    _expand,
    prose="Write the sum out, one term per outcome.",
)

RULES = (expand_finite_sum,)
