"""derive.verify.defined: where an expression as written has no value, and two sides that lack one together."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Domain, Status, check_equal
from derive.verify.defined import defined, holes

x, y, s = sp.symbols("x y sigma")
REALS = Domain(((x, sp.Interval(-sp.oo, sp.oo)),))


def mul(*args: sp.Basic) -> sp.Mul:
    return sp.Mul(*args, evaluate=False)


@pytest.mark.parametrize("expr, expected", [
    (x ** 2 + 1, True),
    (mul(x, 1 / x), False),  # x/x built unevaluated has no value at 0
    (sp.exp(x) / (1 + x ** 2), True),
    (sp.log(x), False),
])
def test_defined(expr: sp.Basic, expected: bool) -> None:
    assert defined(expr, REALS) is expected


@pytest.mark.parametrize("left, right, same", [
    (y / s - (1 - y) / (1 - s), (y - s) / (s * (1 - s)), True),  # the same denominators, factored or not
    (mul(x ** 2 - 1, 1 / (x - 1)), mul(x + 1, x - 1, 1 / (x - 1)), True),
    (mul(x ** 2 - 1, 1 / (x - 1)), x + 1, False),  # a hole on one side only
    (sp.log(x ** 2), 2 * sp.log(x), False),  # real domains differ: a logarithm's argument is taken whole
    (sp.log(x) - sp.log(y), sp.log(x) + sp.log(1 / y), False),
    (sp.sqrt(x) / x, sp.Pow(x, sp.Rational(-1, 2)), True),
    (1 / (1 - x), -1 / (x - 1), True),  # a factor up to its sign
])
def test_holes(left: sp.Basic, right: sp.Basic, same: bool) -> None:
    assert (holes(left) == holes(right)) is same


def test_holes_of_what_it_cannot_place() -> None:
    assert holes(sp.gamma(x)) is None
    assert holes(x ** y) is None  # an exponent of unknown sign
    assert holes(sp.Sum(1 / x, (y, 1, 3))) is None


@pytest.mark.parametrize("left, right, status", [
    (y / s - (1 - y) / (1 - s), (y - s) / (s * (1 - s)), Status.PROVED),  # undefined at the same points
    (mul(x ** 2 - 1, 1 / (x - 1)), x + 1, Status.UNKNOWN),  # not at x = 1
    (mul(x, 1 / x), sp.Integer(1), Status.UNKNOWN),
    (y / s - (1 - y) / (1 - s), (y + s) / (s * (1 - s)), Status.REFUTED),
])
def test_equal_where_both_lack_a_value_together(left: sp.Basic, right: sp.Basic, status: Status) -> None:
    verdict = check_equal(left, right, Domain())
    assert verdict.status is status, verdict
