"""derive.rules.ALL: every shipped rule is named, stated in one line, and constructed through Rule's checks."""

from __future__ import annotations

import re

import pytest

from derive import DeriveError, Rule
from derive.rules import ALL, BY_NAME

KEBAB = re.compile(r"[a-z]+(-[a-z]+)*\Z")


def nothing(expr, domain):
    return None


def test_all_is_not_empty_and_holds_rules():
    assert ALL and all(isinstance(rule, Rule) for rule in ALL)


@pytest.mark.parametrize("rule", ALL, ids=[r.name for r in ALL])
def test_rule_name_is_kebab_case(rule):
    assert KEBAB.match(rule.name), rule.name


def test_rule_names_are_unique():
    names = [rule.name for rule in ALL]
    assert len(names) == len(set(names)), names
    assert list(BY_NAME) == names and all(BY_NAME[r.name] is r for r in ALL)


@pytest.mark.parametrize("rule", ALL, ids=[r.name for r in ALL])
def test_identity_is_one_line_with_an_arrow(rule):
    assert "->" in rule.identity
    assert "\n" not in rule.identity and "\r" not in rule.identity
    assert rule.identity.split("->")[0].strip(), "the identity needs a left side"


@pytest.mark.parametrize("rule", ALL, ids=[r.name for r in ALL])
def test_rule_is_described(rule):
    assert rule.prose.strip()
    assert rule.scope in ("everywhere", "root")
    assert callable(rule.apply)


@pytest.mark.parametrize("rule", ALL, ids=[r.name for r in ALL])
def test_side_conditions_use_only_letters_bound_on_the_left(rule):
    lhs = rule.identity.split("->")[0]
    for condition in rule.requires:
        for letter in re.findall(r"\b[a-z]\b", condition):
            assert re.search(rf"\b{letter}\b", lhs), (rule.name, condition)


def test_the_core_rules_are_shipped():
    for name in ("unfold-definition", "expand-finite-sum", "substitute", "log-quotient-split", "distribute",
                 "regroup", "cancel", "rearrange", "recognise-definition", "fold-definition"):
        assert name in BY_NAME, name


@pytest.mark.parametrize("name", ["Cancel", "log_split", "log split", "log--split", "-split", "split-", "", "split2",
                                  "CamelCase"],
                         ids=["capital", "snake", "space", "double-dash", "leading-dash", "trailing-dash", "empty",
                              "digit", "camel"])
def test_rule_refuses_a_name_that_is_not_kebab_case(name):
    with pytest.raises(DeriveError, match="kebab"):
        Rule(name, "x -> x", nothing)


@pytest.mark.parametrize("identity", ["x = x", "", "x <- x"], ids=["equals", "empty", "left-arrow"])
def test_rule_refuses_an_identity_without_an_arrow(identity):
    with pytest.raises(DeriveError, match="->"):
        Rule("some-rule", identity, nothing)


@pytest.mark.parametrize("identity, requires", [
    ("log(a/b) -> log(a) - log(b)", ("c > 0",)),
    ("log(a/b) -> log(a) - log(b)", ("a > 0", "x > 0")),
    ("log(a) -> log(b)", ("b > 0",)),
    ("abs(a) -> a", ("b >= 0",)),
], ids=["unbound-c", "second-condition-unbound", "bound-only-on-the-right", "letter-inside-a-word-is-not-bound"])
def test_rule_refuses_a_condition_on_a_letter_the_left_side_does_not_bind(identity, requires):
    with pytest.raises(DeriveError, match="does not bind"):
        Rule("some-rule", identity, nothing, requires=requires)


@pytest.mark.parametrize("identity, requires", [
    ("log(a/b) -> log(a) - log(b)", ("a > 0", "b > 0")),
    ("log(a*b) -> log(a) + log(b)", ("a > 0",)),
    ("x -> x", ()),
], ids=["both-bound", "one-bound", "no-conditions"])
def test_rule_accepts_conditions_on_bound_letters(identity, requires):
    rule = Rule("some-rule", identity, nothing, requires=requires)
    assert rule.requires == requires
