"""Closed bounds: a claim on a closed set is proved only if it also holds at the ends, and refuted there if not."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Domain, Status
from derive.verify import check_equal, check_relation

x = sp.Symbol("x")
y = sp.Symbol("y")
UNIT = Domain(((x, sp.Interval(0, 1)),))
HALF_LINE = Domain(((x, sp.Interval(0, sp.oo)),))
OPEN_HALF_LINE = Domain(((x, sp.Interval.open(0, sp.oo)),))
SQUARE = Domain(((x, sp.Interval(0, 1)), (y, sp.Interval(0, 1))))


@pytest.mark.parametrize("lhs, relation, rhs, domain, status, at", [
    (x * (1 - x), ">", 0, UNIT, Status.REFUTED, 0),
    (x * (1 - x), ">=", 0, UNIT, Status.PROVED, None),
    (x ** 2, "<=", x, UNIT, Status.PROVED, None),
    (x ** 2, "<", x, UNIT, Status.REFUTED, 0),
    (sp.log(1 + x), "<", x, HALF_LINE, Status.REFUTED, 0),
    (sp.log(1 + x), "<=", x, HALF_LINE, Status.PROVED, None),
    (x + y, ">", 0, SQUARE, Status.REFUTED, 0),
    (x + y + 1, ">", 0, SQUARE, Status.PROVED, None),
], ids=["x(1-x)>0", "x(1-x)>=0", "x^2<=x", "x^2<x", "log(1+x)<x", "log(1+x)<=x", "x+y>0 square", "x+y+1>0"])
def test_bounds_on_closed_sets(lhs, relation, rhs, domain, status, at):
    verdict = check_relation(sp.sympify(lhs), sp.sympify(rhs), relation, domain)
    if status is Status.PROVED:
        assert verdict.proved, verdict
        return
    assert verdict.status is Status.REFUTED, verdict
    assert dict(verdict.counterexample)[x] == at


@pytest.mark.parametrize("lhs, rhs, domain, status", [
    ((x ** 2 - x) / x, x - 1, OPEN_HALF_LINE, Status.PROVED),
    (sp.Mul(x - x ** 2, 1 / x, evaluate=False), 1 - x, HALF_LINE, Status.REFUTED),  # undefined at x = 0
    (sp.sqrt(x ** 2), x, HALF_LINE, Status.PROVED),
    (sp.Abs(x - 1), 1 - x, UNIT, Status.PROVED),
    (sp.Abs(x - 1), x - 1, UNIT, Status.REFUTED),
], ids=["x>0 rational", "x>=0 undefined at 0", "sqrt(x^2) x>=0", "|x-1| on [0,1]", "|x-1| wrong sign"])
def test_identities_on_closed_sets(lhs, rhs, domain, status):
    verdict = check_equal(lhs, rhs, domain)
    if status is Status.PROVED:
        assert verdict.proved, verdict
    else:
        assert verdict.status is status, verdict
