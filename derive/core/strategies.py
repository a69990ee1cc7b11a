"""How rules are traversed: at the root, or once at every node (children first)."""

from __future__ import annotations

import sympy as sp

from derive.core.allocation import fewer_collections
from derive.core.domain import Domain
from derive.core.rule import Refusal, Rewrite, Rule, Scope
from derive.core.terms import is_leaf, rebuild
from derive.errors import RuleError


def at_root(rule: Rule, expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
    """The rule applied to the whole expression only."""
    return rule.apply(expr, domain)


def everywhere(rule: Rule, expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
    """The rule applied once at every node, children first; one refusal refuses the whole pass."""
    conditions: dict[sp.Basic, None] = {}  # ordered, de-duplicated

    def visit(node: sp.Basic) -> sp.Basic:
        if not is_leaf(node):
            node = rebuild(node, [visit(a) for a in node.args])
        outcome = rule.apply(node, domain)
        if isinstance(outcome, Refusal):
            raise _Refused(outcome)
        if outcome is None:
            return node
        conditions.update(dict.fromkeys(outcome.conditions))
        return outcome.expr

    try:
        result = visit(expr)
    except _Refused as refused:
        return refused.refusal
    return None if result == expr and not conditions else Rewrite(result, tuple(conditions))


TRAVERSALS = {"root": at_root, "everywhere": everywhere}


def apply_rule(rule: Rule, expr: sp.Basic, domain: Domain, scope: Scope) -> Rewrite:
    """Apply ``rule`` or raise :class:`RuleError` saying why it could not be applied."""
    with fewer_collections():
        outcome = TRAVERSALS[scope](rule, expr, domain)
    if outcome is None:
        raise RuleError(f"rule {rule.name} does not match {sp.sstr(expr)}")
    if isinstance(outcome, Refusal):
        raise RuleError(f"rule {rule.name} refused: {outcome.reason}")
    return outcome


class _Refused(Exception):
    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.reason)
        self.refusal = refusal
