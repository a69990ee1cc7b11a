"""derive.check.data: the counts of a claim's sums, and what varies with its data."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.check.data import barred_subjects, counted, counts_of, free_indices, sample_means
from derive.core.constraints import Count, Member
from derive.core.domain import Domain

n, m, i, k, x = sp.symbols("n m i k x")
X, Y = sp.IndexedBase("x"), sp.IndexedBase("y")

#: (stated intervals, the sum, the counts expected)
COUNTS = [
    ((), sp.Sum(X[i], (i, 1, n)), (Count(n, 1),)),  # nothing places n: it counts from the start
    ((), sp.Sum(X[i], (i, 0, n)), (Count(n, 0),)),
    (((n, sp.Interval(1, sp.oo)),), sp.Sum(X[i], (i, 1, n)), (Count(n, 1),)),  # n >= 1 stated: still a count
    (((n, sp.Interval(2, sp.oo)),), sp.Sum(X[i], (i, 1, n)), (Count(n, 2),)),  # from the stated bound
    (((n, sp.Interval.open(sp.Rational(3, 2), sp.oo)),), sp.Sum(X[i], (i, 1, n)), (Count(n, 2),)),
    (((n, sp.Interval(1, 10)),), sp.Sum(X[i], (i, 1, n)), ()),  # bounded above: left as stated
    ((), sp.Sum(X[i], (i, 1, sp.Symbol("N", positive=True))), ()),  # a symbol with assumptions of its own
    ((), sp.Sum(X[n], (n, 1, n)), ()),  # \sum_n over n itself
]


@pytest.mark.parametrize(("intervals", "expr", "expected"), COUNTS, ids=[str(c[1]) + str(c[0]) for c in COUNTS])
def test_counts_of(intervals: tuple, expr: sp.Basic, expected: tuple) -> None:
    assert counts_of(Domain(intervals), expr) == expected


def test_counted_puts_the_count_in_place_of_the_stated_interval() -> None:
    domain = counted(Domain(((n, sp.Interval(2, sp.oo)), (m, sp.Interval(0, 1)))), (Count(n, 2),))
    assert dict(domain.intervals) == {m: sp.Interval(0, 1)} and Count(n, 2) in domain.constraints
    assert all(p[n].is_Integer and p[n] >= 2 for p in domain.sample_points(4))


#: (stated intervals, the claim's sides, the free indices expected): ``i`` of ``y_i`` beside ``\sum_{k=1}^{n} y_k``
#: names one of the ``n`` entries; never where the families it indexes run over other ranges, or none.
INDICES = [
    ((), (Y[i], sp.Sum(Y[k], (k, 1, n))), (Member(i, n),)),
    ((), (Y[i] * X[i], sp.Sum(Y[k] + X[k], (k, 1, n))), (Member(i, n),)),
    ((), (Y[i], sp.Sum(Y[k], (k, 1, n)) + sp.Sum(Y[k], (k, 1, m))), ()),  # two ranges: which?
    ((), (X[i], sp.Sum(Y[k], (k, 1, n))), ()),  # x is summed nowhere
    ((), (Y[i], sp.Sum(Y[k], (k, 0, n))), ()),  # from 0: not one of 1..n
    ((), (sp.Sum(Y[i], (i, 1, n)), Y[k] * 0 + 1), ()),  # i bound, and free nowhere
    ((), (Y[i] + sp.Sum(Y[i], (i, 1, n)),), (Member(i, n),)),  # free beside the sum that binds its name
    (((i, sp.Interval(0, 1)),), (Y[i], sp.Sum(Y[k], (k, 1, n))), ()),  # stated otherwise
    ((), (Y[n], sp.Sum(Y[k], (k, 1, n))), ()),  # the count itself
]


@pytest.mark.parametrize(("intervals", "sides", "expected"), INDICES, ids=[str(c[1]) for c in INDICES])
def test_free_indices(intervals: tuple, sides: tuple, expected: tuple) -> None:
    domain = Domain(intervals)
    assert free_indices(domain, counts_of(domain, *sides), *sides) == expected


_x, _y = sp.IndexedBase("x"), sp.IndexedBase("y")
_i, _n, _m = sp.symbols("i n m")
_XBAR, _YBAR = sp.Symbol("xbar"), sp.Symbol("ybar")


@pytest.mark.parametrize("sides, barred", [
    ((sp.Sum(_x[_i], (_i, 1, _n)), _n * _XBAR), {_XBAR: _n}),  # \sum_{i=1}^n x_i = n \bar{x}
    ((sp.Product(_x[_i] ** 2, (_i, 1, _n)), _XBAR), {_XBAR: _n}),
    ((sp.Sum(_x[_i], (_i, 1, _n)), _n * _YBAR), {}),  # no sample y beside \bar{y}
    ((sp.Sum(_x[_i], (_i, 0, _n)), _n * _XBAR), {}),  # a sample counted from 0 is not x_1, ..., x_n
    ((sp.Sum(_x[_i], (_i, 1, _n)) + sp.Sum(_x[_i], (_i, 1, _m)), _XBAR), {}),  # two lengths: which mean?
    ((_XBAR, sp.Symbol("x")), {}),
])
def test_sample_means(sides: tuple, barred: dict) -> None:
    means = sample_means(*sides)
    assert set(means) == set(barred)
    for bar, mean in means.items():  # (x_1 + ... + x_n) / n
        (total,) = mean.atoms(sp.Sum)
        assert total.function.base == _x and total.limits[0][1:] == (1, barred[bar]) and mean == total / barred[bar]


def test_a_barred_name_the_text_says_what_it_is_is_no_mean_by_convention() -> None:
    said = barred_subjects([r"\bar{x}", r"\overline y", r"\bar x_1", "L"])
    assert said == {"xbar", "ybar"}
    assert sample_means(sp.Sum(_x[_i], (_i, 1, _n)), _XBAR, said=said) == {}


def _refuted_at(*entries: sp.Indexed):
    from derive.core import Status, Verdict

    return Verdict(Status.REFUTED, "1 != 2", tuple((e, sp.Integer(1)) for e in entries) + ((n, sp.Integer(2)),))


#: (the data a refutation chose, whether it stands): families whose names differ in case only may be one sample
CHOSEN = [
    ((X[1], X[2]), True),
    ((X[1], sp.IndexedBase("X")[1]), False),  # x_i beside X_i
    ((X[1], Y[1]), True),  # two samples
]


@pytest.mark.parametrize(("entries", "stands"), CHOSEN, ids=[str(c[0]) for c in CHOSEN])
def test_a_refutation_at_chosen_data_stands_only_for_distinct_samples(entries: tuple, stands: bool) -> None:
    from derive.check.data import on_chosen_data

    p = sp.Symbol("p")
    a, b = sp.Sum(X[i], (i, 1, n)) * p + sp.Sum(Y[i], (i, 1, n)), sp.Sum(sp.IndexedBase("X")[i], (i, 1, n))
    domain = Domain(((p, sp.Interval.open(0, 1)),), (Count(n, 1),))
    verdict = on_chosen_data(_refuted_at(*entries), a, b, domain, frozenset())
    assert (verdict.status.value == "refuted") == stands, verdict.reason
