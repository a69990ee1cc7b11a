"""Bound rules: log x <= x - 1, and a sum of positive terms is positive.  The checker proves each use."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Domain, Rewrite
from derive.core.functions import Log
from derive.core.terms import add, mul, neg, quotient
from derive.render.printer import to_latex
from derive.rules import log_le_linear, positive_terms
from derive.verify import check_relation
from tests.helpers import DOMAIN, assert_no_match, assert_refuses, one_minus, p, q


@pytest.mark.parametrize("rule, relation, before, after", [
    (log_le_linear, "<=", sp.log(quotient(q, p)), add(quotient(q, p), -1)),
    (log_le_linear, "<=", sp.log(one_minus(q)), add(one_minus(q), -1)),
    (log_le_linear, "<=", Log(q, 2), quotient(add(q, -1), sp.log(2, evaluate=False))),
    (positive_terms, ">", add(quotient(p, q ** 2), quotient(one_minus(p), one_minus(q) ** 2)), sp.Integer(0)),
    (positive_terms, ">", quotient(1, q ** 2), sp.Integer(0)),
], ids=["log-of-ratio", "log-of-complement", "log-base-2", "two-positive-terms", "one-positive-term"])
def test_bounds(rule, relation, before, after):
    outcome = rule.apply(before, DOMAIN)
    assert isinstance(outcome, Rewrite)
    assert to_latex(outcome.expr) == to_latex(after)
    assert rule.relation == ("<=" if rule is log_le_linear else ">")
    assert check_relation(before, outcome.expr, relation, DOMAIN).proved


@pytest.mark.parametrize("rule, before", [
    (log_le_linear, sp.exp(q)),
    (log_le_linear, q),
    (positive_terms, sp.Integer(3)),
    (positive_terms, sp.Eq(q, p)),
], ids=["exp", "symbol", "number", "equation"])
def test_does_not_match(rule, before):
    assert_no_match(rule, before, DOMAIN)


@pytest.mark.parametrize("rule, before, mentions", [
    (log_le_linear, sp.log(add(q, -1)), "q - 1"),  # q - 1 < 0 on the domain
    (log_le_linear, sp.log(sp.Symbol("x", real=True)), "x"),
    (positive_terms, add(q, neg(p)), "p"),  # q - p has no sign
    (positive_terms, add(quotient(p, q), -1), "-1"),
], ids=["negative-argument", "unsigned-argument", "unsigned-term", "negative-term"])
def test_refuses(rule, before, mentions):
    assert_refuses(rule, before, DOMAIN, mentions)


def test_the_bound_is_refuted_the_wrong_way_round():
    before, after = sp.log(quotient(q, p)), add(quotient(q, p), -1)
    verdict = check_relation(before, after, ">=", DOMAIN)
    assert verdict.status.value == "refuted" and verdict.counterexample


def test_a_bound_must_say_its_direction_in_a_chain():
    from derive.core import Chain
    from derive.errors import RuleError

    with pytest.raises(RuleError, match="bound"):
        Chain(sp.log(quotient(q, p)), domain=DOMAIN).then(log_le_linear)
