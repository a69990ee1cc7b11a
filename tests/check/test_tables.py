"""derive.check.tables: distributions a text gives in full, and the numbers they fix."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.check.tables import given_tables, giving, number, table_values, with_tables
from derive.distributions import randomvars

R = sp.Rational

#: (LaTeX, the number it writes)
NUMBERS = [
    (r"\frac{3}{8}", R(3, 8)), (r"\frac12", R(1, 2)), (r"\dfrac{1}{7}", R(1, 7)), ("3/8", R(3, 8)),
    (".175", R(7, 40)), ("0.45", R(9, 20)), ("1", R(1)), (r"\frac{1}{0}", None), ("p", None), ("1/2 + q", None),
]


@pytest.mark.parametrize(("tex", "value"), NUMBERS, ids=[t for t, _ in NUMBERS])
def test_number(tex: str, value: sp.Rational | None) -> None:
    assert number(tex) == value


#: (first links, the tables they give)
TABLES = [
    ([("P(X=0)", "1/4"), ("P(X=1)", "3/4")], {("X",): {("0",): R(1, 4), ("1",): R(3, 4)}}),
    ([(r"\Pr(X = a)", ".5"), (r"p(X=b)", r"\frac12")], {("X",): {("a",): R(1, 2), ("b",): R(1, 2)}}),
    ([("P(Y=1, X=0)", "1/2"), ("P(X=1,Y=0)", "1/2")], {("X", "Y"): {("0", "1"): R(1, 2), ("1", "0"): R(1, 2)}}),
    ([("P(X=0)", "1/4"), ("P(X=1)", "1/2")], {}),  # adds up to 3/4: not given in full
    ([("P(X=0)", "1/4"), ("P(X=1)", "3/4"), ("P(X=0)", "1/2")], {}),  # given twice, otherwise
    ([("P(X=0)", "p"), ("P(X=1)", "1 - p")], {}),  # not numbers
    ([("P(X=0)", "0"), ("P(X=1)", "1")], {}),  # a value 0: no table (log 0 is no entropy term)
    ([("P(H)", "1/2"), ("P(T)", "1/2")], {}),  # outcomes of a distribution P, not values of a variable
    ([("P(y=1)", "0.7"), ("P(y = 0)", "0.3")], {("Y",): {("1",): R(7, 10), ("0",): R(3, 10)}}),  # y's letter
    ([("P(y=1, X=0)", "1/2"), ("P(x=1, Y=0)", "1/2")], {("X", "Y"): {("0", "1"): R(1, 2), ("1", "0"): R(1, 2)}}),
]


@pytest.mark.parametrize(("links", "tables"), TABLES, ids=[str(i) for i in range(len(TABLES))])
def test_given_tables(links: list, tables: dict) -> None:
    assert given_tables(links) == tables


def test_the_links_that_give_a_table() -> None:
    links = [("P(X=0)", "1/4"), ("P(X=1)", "3/4"), ("P(Y=0)", "1/3")]
    assert giving(links, given_tables(links)) == {("P(X=0)", "1/4"), ("P(X=1)", "3/4")}


def test_table_values_give_masses_marginals_and_entropies() -> None:
    values = table_values({("X", "Y"): {("0", "0"): R(1, 2), ("1", "1"): R(1, 2)}})
    x, y = randomvars.mass("p", {"X": sp.Integer(0)}), randomvars.mass("p", {"X": sp.Integer(0), "Y": sp.Integer(0)})
    assert values[x] == R(1, 2) and values[y] == R(1, 2)
    assert values[randomvars.entropy(["X"])] == sp.log(2) == values[randomvars.entropy(["X", "Y"])]


def test_sides_get_numbers_only_when_nothing_of_the_variables_is_left() -> None:
    values = table_values({("X",): {("0",): R(1, 4), ("1",): R(3, 4)}})
    h = randomvars.entropy(["X"])
    assert with_tables((h, sp.log(2)), values) == (values[h], sp.log(2))
    k = sp.Symbol("k")
    general = sp.Sum(randomvars.mass("p", {"X": k}), (k, 1, randomvars.support("X")))
    assert with_tables((general, sp.Integer(1)), values) is None  # a claim for every distribution stays one
    assert with_tables((sp.Integer(1), sp.Integer(1)), values) is None  # nothing to put in
