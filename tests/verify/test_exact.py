"""derive.verify.exact: each exact path proves what holds on the domain's interior, and nothing its assumptions forbid."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Domain
from derive.verify.exact import (by_bodies, by_logarithms, evaluate, exactly_zero, may_vanish, merge_aggregates,
                                 rationally_zero, split_logs)

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


_a, _b = sp.symbols("a b")
_ar, _br = sp.symbols("a b", real=True)
_x, _n = sp.Symbol("x", positive=True), sp.Symbol("n", integer=True)

#: (expression, whether simplify could still make it 0)
MAY_VANISH = [
    (sp.log(_a / _b) - sp.log(_a) + sp.log(_b), False),  # complex a, b: not 0, simplify is spared
    (sp.log(_ar / _br) - sp.log(_ar) + sp.log(_br), False),  # reals of both signs
    (sp.sqrt(_a**2) - _a, False),
    (sp.log(_x**2) - 2 * sp.log(_x), True),  # 0 for every positive x
    (sp.sin(_a) ** 2 + sp.cos(_a) ** 2 - 1, True),
    (sp.log(4) - 2 * sp.log(2), True),  # no symbol: left to simplify
    ((_a**2 - 1) / (_a - 1) - _a - 1, True),
    (sp.factorial(_n + 1) / sp.factorial(_n) - _n - 1, True),
    (sp.Piecewise((_a, _a > 0), (0, True)) - sp.Max(_a, 0), True),  # not evaluated: may vanish
]


@pytest.mark.parametrize(("expr", "expected"), MAY_VANISH, ids=[str(e) for e, _ in MAY_VANISH])
def test_simplify_is_spared_only_where_it_cannot_reach_zero(expr: sp.Expr, expected: bool) -> None:
    assert may_vanish(expr) is expected


def test_an_identity_is_still_proved_by_simplify() -> None:
    assert exactly_zero(sp.sin(_a) ** 2 + sp.cos(_a) ** 2 - 1, Domain())
    assert not exactly_zero(sp.log(_a / _b) - sp.log(_a) + sp.log(_b), Domain())


_c, _s = sp.Symbol("c", positive=True), sp.Symbol("s", real=True)
_n, _r = sp.Symbol("n", positive=True, integer=True), sp.Symbol("r", real=True)
#: (a, b, whether a == b is proved through the logarithms of the positive sides)
BY_LOGARITHMS = [
    (sp.exp(_n * sp.log(_c) + _s), _c**_n * sp.exp(_s), True),
    (sp.exp(-_n * sp.log(2 * sp.pi * _c**2) / 2 + _s), sp.exp(_s) / (2 * sp.pi * _c**2)**(_n / 2), True),
    (sp.sqrt(_c**2), _c, True),
    (2 * sp.exp(_s), sp.exp(_s), False),  # not equal
    (sp.sqrt(_r**2), _r, False),  # r may be negative: not proved positive
    (sp.exp(_r) * _r, _r * sp.exp(_r), False),  # not proved positive (though equal: left to the other paths)
]


@pytest.mark.parametrize(("a", "b", "proved"), BY_LOGARITHMS, ids=[f"{r[0]} = {r[1]}" for r in BY_LOGARITHMS])
def test_by_logarithms(a, b, proved):
    assert by_logarithms(a, b, Domain()) is proved
