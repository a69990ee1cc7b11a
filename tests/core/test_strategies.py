"""derive.core.strategies: a rule at the root, or once at every node; refusals and non-matches become errors."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Chain, Refusal, Rewrite, Rule
from derive.core.strategies import apply_rule, at_root, everywhere
from derive.core.terms import add, mul, quotient
from derive.distributions.measures import Prob
from derive.errors import RuleError
from derive.rules import log_quotient_split, substitute
from tests.helpers import DOMAIN, P, one_minus, p, q

x, y, z = sp.symbols("x y z")
H, T = P.outcomes


def Prob_(outcome):
    return Prob(P, outcome)


def recording_rule(seen: list, rewrite=None, name="recording") -> Rule:
    """A rule that records every node it is shown and rewrites by ``rewrite(node)`` (None: no match)."""

    def apply(expr, domain):
        seen.append(expr)
        new = rewrite(expr) if rewrite else None
        return None if new is None else Rewrite(new)

    return Rule(name, "x -> f(x)", apply)


def double_symbols(node):
    return mul(2, node) if isinstance(node, sp.Symbol) else None


def test_everywhere_visits_each_node_once_children_first():
    seen: list = []
    expr = add(mul(x, y), sp.log(z))
    assert everywhere(recording_rule(seen), expr, DOMAIN) is None
    assert seen == [x, y, mul(x, y), z, sp.log(z), expr]


def test_everywhere_applies_once_per_node_and_never_to_its_own_output():
    seen: list = []
    outcome = everywhere(recording_rule(seen, double_symbols), add(x, y), DOMAIN)
    assert outcome.expr == add(mul(2, x), mul(2, y))
    assert seen.count(x) == 1 and seen.count(y) == 1
    assert mul(2, x) not in seen[:2], "the rewritten child must not be shown to the rule as a child again"


def test_everywhere_shows_the_parent_its_rewritten_children():
    seen: list = []
    everywhere(recording_rule(seen, double_symbols), mul(x, y), DOMAIN)
    assert sp.expand(seen[-1]) == 4 * x * y, "the parent must be rebuilt from its rewritten children"


def test_everywhere_rewrites_at_every_matching_node():
    expr = add(mul(Prob_(H), sp.log(Prob_(H))), Prob_(T))
    outcome = everywhere(substitute, expr, DOMAIN)
    assert outcome.expr == add(mul(p, sp.log(p)), one_minus(p))


def test_a_refusal_anywhere_refuses_the_whole_pass():
    a, b = sp.symbols("a b", real=True)
    expr = add(sp.log(quotient(p, q)), mul(x, sp.log(quotient(a, b))))
    outcome = everywhere(log_quotient_split, expr, DOMAIN)
    assert isinstance(outcome, Refusal)
    assert "a > 0" in outcome.reason


def test_a_refusal_after_a_match_still_refuses_and_stops_the_pass():
    seen: list = []

    def apply(expr, domain):
        seen.append(expr)
        if expr == x:
            return Refusal("x is not allowed")
        return Rewrite(mul(2, expr)) if expr == y else None

    outcome = everywhere(Rule("picky", "y -> 2*y", apply), add(y, x, z), DOMAIN)
    assert outcome == Refusal("x is not allowed")
    assert z not in seen, "the pass stops at the first refusal"


def test_everywhere_without_any_match_is_none():
    assert everywhere(substitute, add(p, sp.log(q)), DOMAIN) is None


def test_a_rewrite_to_the_same_expression_with_conditions_still_counts():
    cond = sp.StrictGreaterThan(p, 0, evaluate=False)
    rule = Rule("noop", "x -> x", lambda e, d: Rewrite(e, (cond,)) if e == p else None)
    outcome = everywhere(rule, add(p, q), DOMAIN)
    assert outcome == Rewrite(add(p, q), (cond,))


def test_at_root_looks_only_at_the_root():
    expr = add(Prob_(H), Prob_(T))
    assert at_root(substitute, expr, DOMAIN) is None
    assert at_root(substitute, Prob_(H), DOMAIN) == Rewrite(p)


@pytest.mark.parametrize("scope, expr, expected", [
    ("everywhere", add(Prob_(H), Prob_(T)), add(p, one_minus(p))),
    ("root", Prob_(T), one_minus(p)),
], ids=["everywhere", "root"])
def test_apply_rule_returns_the_rewrite(scope, expr, expected):
    assert apply_rule(substitute, expr, DOMAIN, scope).expr == expected


@pytest.mark.parametrize("rule, expr, scope, message", [
    (substitute, add(p, q), "everywhere", "does not match"),
    (substitute, add(Prob_(H), Prob_(T)), "root", "does not match"),
    (log_quotient_split, sp.log(quotient(add(p, -1), q)), "everywhere", "refused: cannot prove p - 1 > 0"),
    (log_quotient_split, sp.log(quotient(add(p, -1), q)), "root", "refused"),
], ids=["no-match-everywhere", "no-match-at-root", "refusal-everywhere", "refusal-at-root"])
def test_apply_rule_raises_rule_error(rule, expr, scope, message):
    with pytest.raises(RuleError, match=message) as info:
        apply_rule(rule, expr, DOMAIN, scope)
    assert rule.name in str(info.value)


def test_chain_then_records_the_step_and_its_conditions():
    chain = Chain(sp.log(quotient(p, q)), domain=DOMAIN).then(log_quotient_split, "split")
    (step,) = chain.steps
    assert step.rule == "log-quotient-split" and step.note == "split"
    assert step.before == sp.log(quotient(p, q))
    assert step.after == chain.current == add(sp.log(p), mul(-1, sp.log(q)))
    assert step.conditions == (sp.StrictGreaterThan(p, 0, evaluate=False), sp.StrictGreaterThan(q, 0, evaluate=False))


def test_chain_then_raises_when_the_rule_does_not_apply():
    with pytest.raises(RuleError):
        Chain(add(p, q), domain=DOMAIN).then(substitute)
