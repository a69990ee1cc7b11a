"""derive.verify.numeric: sample points, and data chosen for sums over a sample of symbolic size."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Domain, Status
from derive.core.constraints import Count
from derive.verify import numeric

n, theta = sp.Symbol("n"), sp.Symbol("theta", positive=True)
i = sp.Symbol("i", integer=True)
x = sp.IndexedBase("x")
SAMPLE = Domain(constraints=(Count(n, 1),))


def total(body: sp.Expr) -> sp.Sum:
    return sp.Sum(body, (i, 1, n))


#: (left, right, refuted?) over a sample x_1..x_n of n >= 1 data that derive chooses
DATA = [
    (total(x[i] + 1), total(x[i]) + 2 * n, True),  # wrong whatever the data
    (sp.diff(-n * sp.log(theta) - total(x[i]) / theta, theta), -n / theta - total(x[i]) / theta**2, True),
    (total(x[i] ** 2), total(x[i]), False),  # true of 0/1 data (a Bernoulli sample): never refuted
    (total(sp.log(1 - x[i])), sp.log(sp.Product(1 - x[i], (i, 1, n))), False),  # data leaving a side undefined
    (total(2 * x[i]), 2 * total(x[i]), False),  # an identity
]


@pytest.mark.parametrize(("left", "right", "refuted"), DATA, ids=[sp.sstr(row[0])[:40] for row in DATA])
def test_data_are_chosen_of_two_kinds_and_refute_only_where_both_fail(left, right, refuted: bool) -> None:
    placed, loose = numeric.place(SAMPLE, left, right)
    found = numeric.refute_equal(left, right, placed, loose)
    if refuted:
        assert found is not None and found.status is Status.REFUTED, found
        shown = dict(found.counterexample)
        assert shown[n].is_Integer and all(shown[x[k]] in (0, 1) for k in range(1, int(shown[n]) + 1)), shown
    else:
        assert found is None or found.status is not Status.REFUTED, found


def test_without_data_there_is_nothing_to_choose() -> None:
    point = {theta: sp.Integer(2)}
    assert numeric.with_data(point, (theta + 1, theta), 0) == (point, None, (theta + 1, theta))


def test_chosen_data_follow_the_written_out_sums() -> None:
    point, binary, sides = numeric.with_data({n: sp.Integer(3)}, (total(x[i]), sp.Integer(1)), 1)
    assert binary is False and set(point) == {n, x[1], x[2], x[3]} and sides == (x[1] + x[2] + x[3], 1)
    assert all(v.is_Rational and v > 0 for k, v in point.items() if k != n)


@pytest.mark.parametrize(("expr", "real"), [
    (sp.sqrt(sp.Symbol("p")), True),
    (sp.log(sp.Symbol("p")) + sp.sqrt(2), True),
    (sp.sqrt(1 / sp.Symbol("p") - 1), False),  # at p = 4/3: the root of a negative
    (sp.log(1 - sp.Symbol("p")), False),
    (sp.Symbol("p") ** 2 - 5, True),  # negative, but real as written
])
def test_a_value_is_real_throughout_only_without_roots_or_logs_of_negatives(expr: sp.Expr, real: bool) -> None:
    assert numeric._real_throughout(expr, {sp.Symbol("p"): sp.Rational(4, 3)}) is real


def test_a_real_value_reached_through_complex_parts_refutes_nothing() -> None:
    p = sp.Symbol("p")
    left = p * sp.sqrt(1 / p - 1) + (1 - p) * sp.sqrt(1 / (1 - p) - 1)  # 0 at p = 4/3, through roots of negatives
    right = 2 * sp.sqrt(p * (1 - p))  # not real there
    verdict = numeric.refute_equal(left, right, Domain(), (p,))
    assert verdict is None or verdict.status is not Status.REFUTED


@pytest.mark.parametrize(("a", "b", "refuted"), [
    (-sp.Float(0.5) * sp.log(sp.Float(0.5)), sp.log(2) / 2, False),  # equal to a float's precision: no refutation
    (sp.Float(0.35), sp.log(2) / 2, True),  # differs in the digits a float does carry
    (sp.Rational(1, 3) + sp.Integer(10) ** -30, sp.Rational(1, 3), True),  # exact numbers: to 40 digits
])
def test_a_float_refutes_only_beyond_its_precision(a: sp.Expr, b: sp.Expr, refuted: bool) -> None:
    found = numeric.refute_equal(a, b, Domain())
    assert (found is not None and found.status is Status.REFUTED) == refuted


#: (left, right): false claims about data that 0/1 data leave undefined; the other kind of data refutes them alone
UNDEFINED_AT_BITS = [
    (sp.Product(1 / (x[i] * sp.log(theta)), (i, 1, n)), 1 / (sp.Product(x[i], (i, 1, n)) * n * sp.log(theta))),
    (total(1 / x[i]), n / total(x[i])),
]


@pytest.mark.parametrize(("left", "right"), UNDEFINED_AT_BITS, ids=[sp.sstr(r[0])[:40] for r in UNDEFINED_AT_BITS])
def test_a_claim_undefined_at_0_1_data_is_refuted_by_the_other_kind(left, right) -> None:
    placed, loose = numeric.place(SAMPLE, left, right)
    found = numeric.refute_equal(left, right, placed, loose)
    assert found is not None and found.status is Status.REFUTED, found
    shown = dict(found.counterexample)
    assert any(shown[x[k]] not in (0, 1) for k in range(1, int(shown[n]) + 1)), shown


def test_the_label_of_data_is_never_given_a_value() -> None:
    point = {sp.Symbol("x"): sp.Integer(2), x[1]: sp.Integer(3), x[2]: sp.Integer(4)}
    total = sp.Sum(x[i], (i, 1, 2))
    assert numeric.at(total, numeric.restrict(point, numeric.needed(total, total))) == 7  # never 2[1] + 2[2]
