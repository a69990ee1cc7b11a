"""derive.core.rule: what a rule is (its checked name, identity, conditions and relation) and what applying it gives.

``tests/rules/test_catalogue.py`` checks every shipped rule and the plainest refusals (snake or camel case
names, an identity with ``=``, a condition on a letter bound only on the right); the rows here are others.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
import sympy as sp

from derive.core.domain import Domain
from derive.core.rule import RELATIONS, Refusal, Rewrite, Rule
from derive.errors import DeriveError

x = sp.Symbol("x")


def nothing(expr: sp.Basic, domain: Domain) -> None:
    return None


def double(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    return Rewrite(2 * expr) if expr == x else None


@pytest.mark.parametrize("name", ["a", "cancel", "log-quotient-split", "a-b-c-d"])
def test_a_kebab_case_name_is_accepted(name):
    assert Rule(name, "x -> x", nothing).name == name


@pytest.mark.parametrize("name", ["cancel\n", "cancel ", " cancel", "log-Split", "élan", "log—split", "a.b", "-"],
                         ids=["trailing-newline", "trailing-space", "leading-space", "capital-inside", "accent",
                              "em-dash", "dot", "dash-alone"])
def test_a_name_that_is_not_kebab_case_is_refused(name):
    with pytest.raises(DeriveError, match=re.escape(f"rule name {name!r} is not kebab-case")):
        Rule(name, "x -> x", nothing)


@pytest.mark.parametrize("identity", ["x->x", "a -> b -> c", "-> x", "x ->", "log(a*b) -> log(a) + log(b)"],
                         ids=["no-spaces", "two-arrows", "empty-left", "empty-right", "typical"])
def test_an_identity_with_an_arrow_is_accepted(identity):
    assert Rule("some-rule", identity, nothing).identity == identity


@pytest.mark.parametrize("identity", ["x => x", "x → x", "x - > x", "x >- x", "x = y"],
                         ids=["fat-arrow", "unicode-arrow", "split-arrow", "reversed", "equation"])
def test_an_identity_without_the_ascii_arrow_is_refused(identity):
    with pytest.raises(DeriveError, match=re.escape(f"rule some-rule: identity {identity!r} has no '->'")):
        Rule("some-rule", identity, nothing)


@pytest.mark.parametrize("identity, requires", [
    ("sqrt(x^2) -> x", ("x >= 0",)),
    ("a + b -> b + a", ("a*b > 0", "a+b != 0")),
    ("log(b) -> log(b)", ("log(b) > 0",)),
    ("x -> x", ("N > 0",)),
    ("x -> x", ("x_1 > 0",)),
    ("exp(x) -> e^x", ("exp(x) > 0",)),
], ids=["bound", "letters-next-to-operators", "function-name-is-not-a-letter", "capitals-are-not-checked",
        "subscripted-names-are-not-letters", "repeated-word"])
def test_conditions_on_letters_the_left_side_binds_are_accepted(identity, requires):
    assert Rule("some-rule", identity, nothing, requires=requires).requires == requires


@pytest.mark.parametrize("identity, requires, letter", [
    ("abs(x) -> x", ("a > 0",), "a"),
    ("a1 -> a1", ("a > 0",), "a"),
    ("p_1 -> p_1", ("p > 0",), "p"),
    ("x -> y -> z", ("y > 0",), "y"),
    ("exp(x) -> e^x", ("e > 0",), "e"),
    ("x -> x", ("x > 0", "0 < t < 1"), "t"),
], ids=["letter-inside-a-function-name", "letter-before-a-digit", "subscripted-on-the-left",
        "bound-after-the-first-arrow", "bound-only-on-the-right", "second-condition"])
def test_a_condition_on_a_letter_the_left_side_does_not_bind_is_refused(identity, requires, letter):
    with pytest.raises(DeriveError, match=re.escape(f"uses {letter!r}, which the pattern does not bind")):
        Rule("some-rule", identity, nothing, requires=requires)


@pytest.mark.parametrize("relation", RELATIONS)
def test_every_relation_is_accepted(relation):
    assert Rule("some-rule", "x -> x", nothing, relation=relation).relation == relation


@pytest.mark.parametrize("relation", ["==", "!=", "", "≤", "equals", "=>", "iff "])
def test_an_unknown_relation_is_refused(relation):
    with pytest.raises(DeriveError, match=re.escape(f"rule some-rule: relation {relation!r} is not one of")):
        Rule("some-rule", "x -> x", nothing, relation=relation)


def test_the_relations_are_the_documented_ones():
    assert RELATIONS == ("=", "<=", ">=", "<", ">", "iff", "implies")


def test_the_relation_is_checked_before_the_name():
    with pytest.raises(DeriveError, match="relation"):
        Rule("Not Kebab", "x -> x", nothing, relation="~")


def test_defaults():
    rule = Rule("some-rule", "x -> x", nothing)
    assert (rule.requires, rule.scope, rule.prose, rule.relation) == ((), "everywhere", "", "=")


def test_rules_compare_and_print_without_their_function():
    assert Rule("some-rule", "x -> 2 x", double) == Rule("some-rule", "x -> 2 x", nothing)
    assert Rule("some-rule", "x -> 2 x", double) != Rule("some-rule", "x -> 2 x", double, scope="root")
    assert "double" not in repr(Rule("some-rule", "x -> 2 x", double))
    with pytest.raises(dataclasses.FrozenInstanceError):
        Rule("some-rule", "x -> x", nothing).name = "other"  # type: ignore[misc]


@pytest.mark.parametrize("expr, outcome", [
    (x, Rewrite(2 * x)),
    (x + 1, None),
], ids=["match", "no-match"])
def test_apply_gives_a_rewrite_or_none(expr, outcome):
    assert Rule("double", "x -> 2 x", double).apply(expr, Domain()) == outcome


def test_rewrite_and_refusal_are_values():
    assert Rewrite(x).conditions == ()
    assert Rewrite(x, (x > 0,)) == Rewrite(x, (x > 0,)) != Rewrite(x)
    assert Refusal("x may be negative").reason == "x may be negative"
    with pytest.raises(dataclasses.FrozenInstanceError):
        Refusal("why").reason = "other"  # type: ignore[misc]
