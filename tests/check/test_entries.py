"""Entries of indexed families: ``o_k`` read as ``o[k]`` beside sums over ``o``, the members of a family a text
defines by one member (``p_i = ...``), and sums of Kronecker deltas."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.check import check_text
from derive.check.entries import ENTRY, entries_read, families_of, family_entries, member_value, members_of

i, j, k, n = sp.symbols("i j k n")
o, p, A = sp.IndexedBase("o"), sp.IndexedBase("p"), sp.IndexedBase("A")
o_i, o_k, p_i, p_k = sp.symbols("o_i o_k p_i p_k")
SOFTMAX = sp.exp(o_i) / sp.Sum(sp.exp(o[j]), (j, 1, n))  # p_i = e^{o_i} / \sum_j e^{o_j}
VALUES = {p_i: SOFTMAX, sp.Symbol("x"): sp.Integer(1)}


@pytest.mark.parametrize(("name", "entry"), [
    ("y_k", ("y", "k")),
    ("x_{i}", ("x", "i")),
    ("x_1", None),  # a number: no index
    ("x_K", None),
    ("x_ij", None),
    ("xy_k", None),  # one letter names the family
    ("sigma_k", None),
    ("x", None),
])
def test_an_entry_is_one_letter_subscripted_by_one_letter(name: str, entry: tuple[str, str] | None) -> None:
    found = ENTRY.fullmatch(name)
    assert (found.groups() if found else None) == entry


@pytest.mark.parametrize(("sides", "expected"), [
    # o_k beside a sum over entries of o is the entry o[k]; a derivative by it is taken, the sum's k-th term
    ((sp.Derivative(sp.Sum(sp.exp(o[j]), (j, 1, n)), o_k), sp.exp(o_k)), (sp.exp(o[k]), sp.exp(o[k]))),
    ((o_k + 1, sp.Sum(o[j], (j, 1, n))), (o[k] + 1, sp.Sum(o[j], (j, 1, n)))),
    # a sum of Kronecker deltas picks its term at the entry's index
    ((sp.Sum(sp.KroneckerDelta(j, k) * j**2, (j, 1, n)) + o_k, sp.Sum(o[j], (j, 1, n))),
     (k**2 + o[k], sp.Sum(o[j], (j, 1, n)))),
    # no sum over the family, another family's name, or no entry written: the sides as they are
    ((o_k + 1, sp.Integer(2)), (o_k + 1, sp.Integer(2))),
    ((sp.Symbol("q_k") + 1, sp.Sum(o[j], (j, 1, n))), (sp.Symbol("q_k") + 1, sp.Sum(o[j], (j, 1, n)))),
    ((sp.Sum(sp.KroneckerDelta(j, k) * j, (j, 1, n)), sp.Sum(o[j], (j, 1, n))),
     (sp.Sum(sp.KroneckerDelta(j, k) * j, (j, 1, n)), sp.Sum(o[j], (j, 1, n)))),
], ids=["derivative", "entry", "delta", "no-sum", "other-family", "no-entry"])
def test_entries_read(sides: tuple[sp.Basic, ...], expected: tuple[sp.Basic, ...]) -> None:
    assert entries_read(*sides) == expected


@pytest.mark.parametrize(("values", "expected"), [
    (VALUES, {"p": ("i", p_i)}),
    ({sp.Symbol("q_{k}"): 2, p_i: 1}, {"q": ("k", sp.Symbol("q_{k}")), "p": ("i", p_i)}),
    ({sp.Symbol("x"): 1, sp.Symbol("p_1"): 2, sp.Function("f"): 3}, {}),  # no member at a letter
    ({}, {}),
])
def test_families_of_a_text_s_values(values: dict, expected: dict) -> None:
    assert families_of(values) == expected


@pytest.mark.parametrize(("value", "index", "other", "expected"), [
    (SOFTMAX, "i", "k", sp.exp(o_k) / sp.Sum(sp.exp(o[j]), (j, 1, n))),
    (o_i * i + sp.Symbol("o_j"), "i", "k", o_k * k + sp.Symbol("o_j")),  # only names subscripted by the index
    (sp.Sum(A[i, j], (j, 1, n)), "i", "k", sp.Sum(A[k, j], (j, 1, n))),
    (sp.Integer(3), "i", "k", sp.Integer(3)),
])
def test_member_value_moves_a_definition_to_another_index(value: sp.Basic, index: str, other: str,
                                                          expected: sp.Basic) -> None:
    assert member_value(value, index, other) == expected


def test_member_value_keeps_what_a_name_is_assumed() -> None:
    moved = member_value(sp.Symbol("o_i", positive=True), "i", "k")
    assert moved == sp.Symbol("o_k", positive=True) and moved.is_positive


def test_member_value_at_an_index_the_definition_sums_over() -> None:
    moved = member_value(sp.Sum(A[i, j], (j, 1, n)), "i", "j")
    assert moved.subs(n, 2).doit() == A[j, 1] + A[j, 2]


@pytest.mark.parametrize(("sides", "added"), [
    ((p_k + p_i,), {p_k: sp.exp(o_k) / sp.Sum(sp.exp(o[j]), (j, 1, n))}),
    ((sp.Symbol("r_k") + p_i,), {}),  # no family r
    ((sp.Integer(1),), {}),
])
def test_members_of_a_family_the_sides_use(sides: tuple[sp.Basic, ...], added: dict) -> None:
    assert members_of(VALUES, *sides) == {**VALUES, **added}


def test_members_of_values_without_a_family_are_those_values() -> None:
    values = {sp.Symbol("x"): 1}
    assert members_of(values, p_k) is values


@pytest.mark.parametrize(("expr", "values", "expected"), [
    # an entry inside a sum over its index gets the family's definition there
    (sp.Sum(p[i], (i, 1, n)), VALUES, sp.Sum(SOFTMAX, (i, 1, n))),
    (sp.Sum(p[i] * p[i, j], (i, 1, n)), VALUES, sp.Sum(SOFTMAX * p[i, j], (i, 1, n))),  # two indices: as written
    # a derivative in the family's own entry is taken first, the definition put in after
    (sp.Derivative(sp.log(p[i]), p[i]), VALUES, 1 / SOFTMAX),
    (sp.Derivative(sp.Function("f")(p[i]), p[i]), VALUES, sp.Derivative(sp.Function("f")(p[i]), p[i])),
    # nothing indexed, or no family defined: the expression as it is
    (sp.Symbol("y"), VALUES, sp.Symbol("y")),
    (sp.Sum(p[i], (i, 1, n)), {sp.Symbol("x"): 1}, sp.Sum(p[i], (i, 1, n))),
], ids=["entry", "two-indices", "own-derivative", "undefined-function", "no-entry", "no-family"])
def test_family_entries(expr: sp.Basic, values: dict, expected: sp.Basic) -> None:
    assert sp.simplify(family_entries(expr, values) - expected) == 0


#: (document, status of its last entry, words of its reason): entries and the softmax family, through check_text.
SOFTMAX_TEX = "$$p_i = \\frac{\\exp(o_i)}{\\sum_j \\exp(o_j)}$$\n\n"
DOCUMENTS = [
    ("$$\\frac{\\partial}{\\partial o_k} \\sum_j e^{o_j} = e^{o_k}$$\n", "proved", ""),
    ("$$\\frac{\\partial}{\\partial o_k} \\sum_{j=1}^{n} o_j^2 = 2 o_k$$\n", "proved", ""),
    ("$$\\frac{\\partial}{\\partial o_k} \\sum_j e^{o_j} = 2 e^{o_k}$$\n", "unknown", "false for some data (k = "),
    (SOFTMAX_TEX + "$$\\frac{\\partial}{\\partial o_k} \\frac{\\exp(o_k)}{\\sum_j \\exp(o_j)} = p_k (1 - p_k)$$\n",
     "proved", ""),
    (SOFTMAX_TEX + "$$\\sum_i p_i = 1$$\n", "proved", ""),
    (SOFTMAX_TEX + "$$\\sum_i p_i = 2$$\n", "refuted", ""),
    ("Let $y_i = 2 i$.\n\n$$y_k + 1 = 2 k + 1$$\n", "proved", ""),  # y_k: the member k of y_i
    ("Let $y_i = 2 i$.\n\n$$y_k + 1 = 2 k$$\n", "refuted", ""),
    ("Let $y_i = i^2$.\n\n$$y_j = 14$$\n", "unknown", "not for every value of j"),
]


@pytest.mark.parametrize(("document", "status", "reason"), DOCUMENTS)
def test_a_family_s_entries_in_a_document(document: str, status: str, reason: str) -> None:
    entry = check_text(document).entries[-1]
    assert entry.status == status and reason in entry.reason, entry


def test_the_member_of_a_family_at_an_index_its_definition_sums_over() -> None:
    document = "Let $y_i = \\sum_{j=1}^{3} j i$.\n\n$$y_j = 14$$\n"
    assert check_text(document).entries[-1].status != "proved"
