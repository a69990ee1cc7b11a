"""derive.verify.signs: positivity proved on a domain, closed ends included, never for a value that may be non-real."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Domain
from derive.verify.signs import bound, is_nonnegative, is_positive, is_real
from tests.helpers import DOMAIN, p, q

x = sp.Symbol("x")
t = sp.Symbol("t", real=True)
REALS = Domain(((t, sp.Interval(-sp.oo, sp.oo)),))


@pytest.mark.parametrize("expr", [
    1 - p, p, 1 - q, p * (1 - q), p / (1 - q), (1 - p) / (1 - q), 1 - p * q, 2 - p - q, -sp.log(p),
    sp.log(1 + p), sp.Rational(1, 3), sp.Symbol("y", positive=True), sp.exp(p), sp.pi - p, sp.sqrt(p),
], ids=["1-p", "p", "1-q", "p(1-q)", "p/(1-q)", "(1-p)/(1-q)", "1-pq", "2-p-q", "-log(p)", "log(1+p)", "1/3",
        "positive-symbol", "exp(p)", "pi-p", "sqrt(p)"])
def test_is_positive_proves(expr):
    assert is_positive(expr, DOMAIN) is True


@pytest.mark.parametrize("expr", [
    p - 1, p - q, q - p, p + q - 1, sp.log(p), sp.Integer(0), p - p, -p, x, sp.Symbol("y", real=True),
    sp.Rational(-1, 3), sp.I, sp.exp(sp.I * p), sp.exp(sp.I * p) + 2, sp.sqrt(p - 1), sp.log(p - 1) ** 2,
    sp.exp(x), (p - 1) ** sp.Rational(1, 3),
], ids=["p-1", "p-q", "q-p", "p+q-1", "log(p)", "zero", "p-p", "-p", "free-symbol", "real-symbol", "-1/3", "I",
        "exp(I p)", "exp(I p)+2", "sqrt(p-1)", "log(p-1)^2", "exp(free)", "cbrt(p-1)"])
def test_is_positive_does_not_claim(expr):
    assert is_positive(expr, DOMAIN) is False


@pytest.mark.parametrize("expr, expected", [
    (sp.Integer(0), True), (p - p, True), (1 - p, True), (p - 1, False), (p - q, False), (sp.exp(sp.I * p), False),
    (sp.Abs(sp.exp(sp.I * p)), True),
], ids=["zero", "p-p", "1-p", "p-1", "p-q", "exp(I p)", "|exp(I p)|"])
def test_is_nonnegative(expr, expected):
    assert is_nonnegative(expr, DOMAIN) is expected


@pytest.mark.parametrize("interval, inside, outside", [
    (sp.Interval.open(2, 5), x - 2, x - 3),
    (sp.Interval.open(0, sp.oo), x, x - 1),
    (sp.Interval.open(-sp.oo, 0), -x, x + 1),
    (sp.Interval.open(-sp.oo, sp.oo), x**2 + 1, x),
], ids=["(2,5)", "(0,oo)", "(-oo,0)", "reals"])
def test_is_positive_on_other_intervals(interval, inside, outside):
    domain = Domain(((x, interval),))
    assert is_positive(inside, domain) is True
    assert is_positive(outside, domain) is False


@pytest.mark.parametrize("interval, expr, positive, nonnegative", [
    (sp.Interval(0, 1), x, False, True),
    (sp.Interval(0, 1), x * (1 - x), False, True),
    (sp.Interval(0, 1), x + 1, True, True),
    (sp.Interval.Lopen(0, 1), x, True, True),
    (sp.Interval.Lopen(0, 1), 1 - x, False, True),
    (sp.Interval(0, sp.oo), sp.log(1 + x), False, True),
    (sp.Interval(0, sp.oo), x**2 + x + 1, True, True),
], ids=["x on [0,1]", "x(1-x) on [0,1]", "x+1 on [0,1]", "x on (0,1]", "1-x on (0,1]", "log(1+x) on [0,oo)",
        "x^2+x+1 on [0,oo)"])
def test_closed_ends_count(interval, expr, positive, nonnegative):
    """On a closed interval the end is a value like any other: x > 0 is not proved on [0, 1]."""
    domain = Domain(((x, interval),))
    assert is_positive(expr, domain) is positive
    assert is_nonnegative(expr, domain) is nonnegative


@pytest.mark.parametrize("expr, real", [
    (sp.exp(t), True), (sp.exp(sp.I * t), False), (sp.log(t), False), (sp.log(t**2 + 1), True),
    (sp.sqrt(t), False), (sp.cos(t), True), (t ** sp.Rational(1, 3), False),
], ids=["exp(t)", "exp(I t)", "log(t)", "log(t^2+1)", "sqrt(t)", "cos(t)", "cbrt(t)"])
def test_reality_is_proved_only_where_it_holds(expr, real):
    assert is_real(expr, REALS) is real


def test_a_bound_is_real_or_absent():
    """A bound says 'every value lies in [lo, hi]', so it exists only for expressions proved real."""
    assert bound(sp.exp(sp.I * t), REALS) is None
    found = bound(sp.exp(t), REALS)
    assert found is not None and found.positive
