"""Bounds: rules whose result is not equal to what they rewrite, but above or below it.

A bound rule states its identity as ``lhs <= rhs`` (relation ``<=``); where a
derivation uses it, the script says which way the whole expression moves
(under a minus sign a ``<=`` bound makes the expression larger, ``>=``), and
the checker (:mod:`derive.verify.relations`) verifies that direction independently.
"""

from __future__ import annotations

import sympy as sp

from derive.core import Refusal, Rewrite, Rule
from derive.core.domain import Domain
from derive.core.functions import Log
from derive.core.terms import add, quotient, terms_of
from derive.distributions.semantics import denote
from derive.verify.signs import is_positive


def _log_linear(expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
    if not isinstance(expr, (sp.log, Log)):
        return None
    u = expr.args[0]
    if not is_positive(denote(u), domain):
        return Refusal(f"cannot prove {sp.sstr(u)} > 0 on the domain")
    bound = add(u, sp.Integer(-1))
    if isinstance(expr, Log):
        bound = quotient(bound, sp.log(expr.base, evaluate=False))
    return Rewrite(bound, (sp.StrictGreaterThan(u, 0, evaluate=False),))


log_le_linear = Rule(
    "log-le-linear",
    "log(x) -> x - 1  (log(x) <= x - 1, equality only at x = 1)  if x > 0",
    _log_linear,
    requires=("x > 0",),
    prose="Bound each logarithm by its tangent line at 1: log x <= x - 1.",
    relation="<=",
)


def _positive_terms(expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
    if isinstance(expr, (sp.Rel, sp.Number)):
        return None
    for term in terms_of(expr):
        if not is_positive(denote(term), domain):
            return Refusal(f"cannot prove {sp.sstr(term)} > 0 on the domain")
    return Rewrite(sp.Integer(0), tuple(sp.StrictGreaterThan(t, 0, evaluate=False) for t in terms_of(expr)))


positive_terms = Rule(
    "positive-terms",
    "a + b -> 0  (a + b > 0)  if a > 0, b > 0  (one term: a -> 0 if a > 0)",
    _positive_terms,
    requires=("a > 0", "b > 0"),
    scope="root",
    prose="Every term is positive on the domain, so the sum is.",
    relation=">",
)

RULES = (log_le_linear, positive_terms)
