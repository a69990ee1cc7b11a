"""derive.core.group: a labelled group means exactly its content, keeps its label, and rebuilds like any SymPy node."""

from __future__ import annotations

import pickle

import pytest
import sympy as sp
from sympy.core.symbol import Str

from derive.core.group import Group
from derive.distributions import Bernoulli
from derive.distributions.measures import Entropy

x, y, p = sp.symbols("x y p")
H = Entropy(Bernoulli(p))


@pytest.mark.parametrize("label, stored", [
    ("Term 1", Str("Term 1")),
    (Str("Term 1"), Str("Term 1")),
    ("", Str("")),
    (H, H),
], ids=["text", "str-node", "empty-text", "measure"])
def test_the_label_is_kept(label, stored):
    group = Group(x + y, label)
    assert group.label == stored and group.content == x + y
    assert group.args == (x + y, stored)


@pytest.mark.parametrize("label", ["Term 1", H], ids=["text", "measure"])
def test_free_symbols_are_the_contents_only(label):
    assert Group(x * sp.log(y), label).free_symbols == {x, y}
    assert Group(sp.Integer(2), label).free_symbols == set()


@pytest.mark.parametrize("first, second, equal", [
    (Group(x + y, "T"), Group(x + y, Str("T")), True),
    (Group(x + y, "T"), Group(y + x, "T"), True),
    (Group(x + y, "T"), Group(x + y, "U"), False),
    (Group(x + y, "T"), Group(x - y, "T"), False),
    (Group(x + y, "T"), x + y, False),
], ids=["str-or-node", "same-sum", "other-label", "other-content", "ungrouped"])
def test_equality_needs_the_same_content_and_label(first, second, equal):
    assert (first == second) is equal


@pytest.mark.parametrize("rebuild, expected", [
    (lambda g: g.func(*g.args), Group(x + y, "T")),
    (lambda g: g.subs(x, 1), Group(y + 1, "T")),
    (lambda g: g.xreplace({y: 2 * x}), Group(3 * x, "T")),
    (lambda g: pickle.loads(pickle.dumps(g)), Group(x + y, "T")),
], ids=["func-args", "subs", "xreplace", "pickle"])
def test_a_group_rebuilds_with_its_label(rebuild, expected):
    assert rebuild(Group(x + y, "T")) == expected


def test_a_group_is_a_commutative_expression_that_sympy_keeps():
    group = Group(x + y, "T")
    assert isinstance(group, sp.Expr) and group.is_commutative
    assert (2 * group).args == (2, group), "SymPy does not flatten the group into the product"
    assert (group + x).has(group)


def test_a_group_prints_as_its_bracketed_content() -> None:
    p, q = sp.symbols("p q")
    assert str(Group(p + q, "Term 1")) == "[p + q]"
