"""Substitution of each probability by the distribution's value for it."""

from __future__ import annotations

import sympy as sp
from derive.core import Rewrite, Rule
from derive.core.domain import Domain
from derive.distributions.measures import Prob


def _substitute(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    if not isinstance(expr, Prob):
        return None
    try:
        return Rewrite(expr.dist.pmf(expr.outcome))
    except KeyError:
        return None


substitute = Rule(
    "substitute",
    "P(x) -> pmf_P(x)   (P(H) -> p, P(T) -> 1 - p, P(i) -> p_i)",
    _substitute,
    prose="Substitute each probability by its value.",
)

RULES = (substitute,)


def use_result(*pairs: tuple[sp.Basic, sp.Basic] | sp.Basic) -> Rule:
    """Replace each earlier result's left side by its right: ``use_result(a, b)`` or ``use_result((a, b), (c, d))``.

    The results were derived earlier; the checker re-proves every step that uses them.
    """
    found = dict(pairs if all(isinstance(x, tuple) for x in pairs) else [tuple(pairs)])

    def apply(expr: sp.Basic, domain: Domain) -> Rewrite | None:
        return Rewrite(found[expr]) if expr in found else None

    return Rule(
        "use-result",
        "a -> b  where a = b was derived earlier",
        apply,
        prose="Use the result derived earlier.",
    )


RULES = RULES + (use_result(sp.Dummy("a"), sp.Dummy("b")),)
