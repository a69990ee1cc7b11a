"""derive.core.functions: the entry p_i of a family of symbols p_1, ..., p_k."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.core.functions import entry_family, entry_of

p1, p2, p3 = sp.symbols("p_1 p_2 p_3", positive=True)
i = sp.Symbol("i", integer=True)
ENTRY = entry_of("p", {1: p1, 2: p2, 3: p3})


@pytest.mark.parametrize("index, expected", [
    (sp.Integer(1), p1), (sp.Integer(3), p3),
])
def test_an_entry_at_a_member_is_that_member(index, expected):
    assert ENTRY(index) == expected


@pytest.mark.parametrize("index", [sp.Integer(0), sp.Integer(4), i, sp.Symbol("n")])
def test_an_entry_elsewhere_stays_unevaluated(index):
    entry = ENTRY(index)
    assert entry_family(entry) == "p" and not entry.is_number


def test_a_sum_of_entries_written_out_gives_the_members():
    total = sp.Sum(ENTRY(i) * sp.log(ENTRY(i)), (i, 1, 3))
    assert total.doit() == p1 * sp.log(p1) + p2 * sp.log(p2) + p3 * sp.log(p3)
    assert sp.latex(ENTRY(i)) == "p_{i}"


def test_a_value_given_to_a_member_reaches_the_entry():
    assert ENTRY(i).xreplace({p2: sp.Rational(1, 2)}).xreplace({i: 2}) == sp.Rational(1, 2)


def test_two_readings_compare_equal_and_gaps_make_no_family():
    assert entry_of("p", {1: p1, 2: p2, 3: p3})(i) == ENTRY(i)
    assert entry_of("p", {1: p1, 3: p3}) is None
    assert entry_family(sp.Function("p")(i)) is None
