"""derive.core.intervals: an interval admitted for a symbol, its interior covered, and sample points inside it."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.core.intervals import admit, integer_inside, interval_cover, parity_of, point_inside, unit_sample
from derive.errors import InvalidParameter

x = sp.Symbol("x")
oo = sp.oo

#: (symbol, interval, what is admitted).
ADMITTED = [
    (x, sp.Interval.open(0, 1), sp.Interval.open(0, 1)),
    (x, sp.Interval(0, 1), sp.Interval(0, 1)),
    (x, sp.Interval(-oo, oo), sp.Interval(-oo, oo)),
    (sp.Symbol("z", positive=True), sp.Interval.open(-1, 1), sp.Interval.open(0, 1)),
    (sp.Symbol("z", nonnegative=True), sp.Interval.open(-1, 1), sp.Interval.Ropen(0, 1)),
    (sp.Symbol("z", negative=True), sp.Interval(-2, 3), sp.Interval.Ropen(-2, 0)),
    (sp.Symbol("n", integer=True), sp.Interval.open(0, 2), sp.Interval.open(0, 2)),
]


@pytest.mark.parametrize(("symbol", "interval", "admitted"), ADMITTED, ids=[
    "open", "closed", "reals", "positive", "nonnegative", "negative", "integer"])
def test_an_interval_is_cut_to_the_symbols_own_assumptions(symbol, interval, admitted) -> None:
    assert admit(symbol, interval) == admitted


@pytest.mark.parametrize(("symbol", "interval", "message"), [
    (x, sp.S.EmptySet, "the interval is empty"),
    (x, sp.FiniteSet(1, 2), "must be an interval"),
    (x + 1, sp.Interval(0, 1), "a domain bounds symbols"),
    (x, sp.Interval(0, sp.Symbol("a")), "the end a is not a real number"),
    (sp.Symbol("w", imaginary=True), sp.Interval(0, 1), "declared non-real"),
    (sp.Symbol("z", positive=True), sp.Interval(-1, 0), "and its own assumptions"),
    (sp.Symbol("n", integer=True), sp.Interval.open(0, 1), "no integer value of n"),
    (sp.Symbol("n", odd=True), sp.Interval.Ropen(2, 3), "no integer value of n (of its parity)"),
    (sp.Symbol("z", nonpositive=True), sp.Interval(0, 3), "no value of z satisfies its domain"),  # only z = 0
], ids=["empty", "not-an-interval", "not-a-symbol", "symbolic-end", "imaginary", "positive-at-most-zero",
        "no-integer", "no-odd-integer", "a-single-point"])
def test_an_interval_that_leaves_nothing_is_refused(symbol, interval, message) -> None:
    with pytest.raises(InvalidParameter, match=message.replace("(", r"\(").replace(")", r"\)")):
        admit(symbol, interval)


@pytest.mark.parametrize(("interval", "low", "high"), [
    (sp.Interval.open(0, 1), 0, 1), (sp.Interval.open(2, 5), 2, 5), (sp.Interval.open(3, oo), 3, oo),
    (sp.Interval.open(-oo, 0), -oo, 0),
], ids=["(0,1)", "(2,5)", "(3,oo)", "(-oo,0)"])
def test_a_cover_runs_from_one_end_to_the_other(interval: sp.Interval, low, high) -> None:
    cover = interval_cover(x, interval)
    (t,) = cover.free_symbols
    assert t.is_positive and isinstance(t, sp.Dummy)
    assert {sp.limit(cover, t, 0), sp.limit(cover, t, oo)} == {low, high}


def test_the_whole_line_is_covered_by_a_real_symbol() -> None:
    cover = interval_cover(x, sp.Interval(-oo, oo))
    assert isinstance(cover, sp.Dummy) and cover.is_real and cover.is_positive is None


@pytest.mark.parametrize(("interval", "u", "point"), [
    (sp.Interval.open(0, 1), sp.Rational(1, 3), sp.Rational(1, 3)),
    (sp.Interval.open(2, 5), sp.Rational(1, 3), 3),
    (sp.Interval.open(1, oo), sp.Rational(1, 2), 3),
    (sp.Interval.open(-oo, 1), sp.Rational(1, 2), -1),
    (sp.Interval(-oo, oo), sp.Rational(3, 4), 1),
], ids=["unit", "bounded", "above", "below", "reals"])
def test_a_unit_value_is_mapped_inside(interval: sp.Interval, u, point) -> None:
    assert point_inside(interval, u) == point and point in interval


def test_unit_samples_cycle_through_eight_values_in_the_unit_interval() -> None:
    values = [unit_sample(k) for k in range(16)]
    assert values[:8] == values[8:] and len(set(values[:8])) == 8
    assert all(isinstance(v, sp.Rational) and 0 < v < 1 for v in values)


@pytest.mark.parametrize(("interval", "parity"), [
    (sp.Interval(0, oo), None), (sp.Interval.open(-3, 2), None), (sp.Interval(-oo, oo), 1),
    (sp.Interval(10, 20), 0), (sp.Interval.Lopen(sp.Rational(1, 2), sp.Rational(7, 2)), None),
], ids=["naturals", "(-3,2)", "odd", "even-in-[10,20]", "(1/2,7/2]"])
def test_integer_samples_lie_inside_and_keep_their_parity(interval: sp.Interval, parity: int | None) -> None:
    values = [integer_inside(interval, k, parity) for k in range(8)]
    assert all(v.is_Integer and v in interval for v in values)
    assert parity is None or all(v % 2 == parity for v in values)
    assert len(set(values)) > 1


@pytest.mark.parametrize(("symbol", "parity"), [
    (sp.Symbol("k", odd=True), 1), (sp.Symbol("k", even=True), 0), (sp.Symbol("k", integer=True), None), (x, None),
], ids=["odd", "even", "integer", "plain"])
def test_parity_of(symbol: sp.Symbol, parity: int | None) -> None:
    assert parity_of(symbol) == parity
