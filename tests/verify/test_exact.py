"""derive.verify.exact: each exact path proves what holds on the domain's interior, and nothing its assumptions forbid."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Domain
from derive.verify.exact import by_bodies, evaluate, exactly_zero, merge_aggregates, rationally_zero, split_logs

x = sp.Symbol("x", real=True)
p = sp.Symbol("p")
POSITIVE = Domain(((x, sp.Interval.open(0, sp.oo)),))
REALS = Domain(((x, sp.Interval(-sp.oo, sp.oo)),))
UNIT = Domain(((p, sp.Interval.open(0, 1)),))


@pytest.mark.parametrize("difference, domain, proved", [
    (sp.log(x ** 2) - 2 * sp.log(x), POSITIVE, True),
    (sp.log(x ** 2) - 2 * sp.log(x), REALS, False),  # with force=True this would be "proved" for x < 0 too
    (sp.log(p * (1 - p)) - sp.log(p) - sp.log(1 - p), UNIT, True),  # 1 - p > 0 is known only on the cover
    (sp.sqrt(x ** 2) - x, POSITIVE, True),
    (sp.sqrt(x ** 2) - x, REALS, False),
    (sp.Abs(x) - sp.Max(x, -x), REALS, True),  # by cases at x = 0
    (sp.Abs(x) - x, REALS, False),
], ids=["log(x^2) x>0", "log(x^2) real", "coin logs", "sqrt(x^2) x>0", "sqrt(x^2) real", "|x| by cases",
        "|x| = x"])
def test_exactly_zero(difference, domain, proved):
    assert exactly_zero(difference, domain) is proved


def test_split_logs_never_forces():
    y = sp.Symbol("y")
    assert split_logs(sp.log(x * y)) == sp.log(x * y)


def test_rationally_zero_takes_logs_as_unknowns():
    assert rationally_zero(sp.log(x) * (x + 1) / (x + 1) - sp.log(x))
    assert not rationally_zero(sp.log(x) - sp.log(x + 1))


def test_merged_bodies_use_a_cover_of_the_range():
    t = sp.Dummy("t", real=True)
    # |t| = t on the range (0, 1): zero as a body only because the cover is positive there
    e = sp.Integral(sp.Abs(t), (t, 0, 1)) - sp.Integral(t, (t, 0, 1))
    assert by_bodies(e)
    # on (-1, 1) the same bodies differ
    assert not by_bodies(sp.Integral(sp.Abs(t), (t, -1, 1)) - sp.Integral(t, (t, -1, 1)))


def test_a_range_of_unknown_order_has_no_cover():
    t, a = sp.Dummy("t", real=True), sp.Dummy("a", real=True)
    _, bodies = merge_aggregates(sp.Integral(sp.Abs(t), (t, a, 1)) - sp.Integral(t, (t, a, 1)))
    assert bodies == [None]


def test_evaluation_leaves_sums_whose_range_may_be_reversed():
    i, n = sp.Dummy("i", integer=True), sp.Dummy("n", integer=True)
    m = sp.Dummy("m", integer=True, nonnegative=True)
    assert evaluate(sp.Sum(1, (i, 1, n))) == sp.Sum(1, (i, 1, n))
    assert evaluate(sp.Sum(1, (i, 1, m))) == m
