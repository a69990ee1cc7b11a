"""derive.check.data: the counts of a claim's sums, and what varies with its data."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.check.data import counted, counts_of
from derive.domain import Count, Domain

n, m, i, x = sp.symbols("n m i x")
X = sp.IndexedBase("x")

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
