"""Each proof path of the verifier, fed a true claim it proves and the false claim it would accept without its assumption.

The table in README.md ("How a claim is proved") lists the same paths and assumptions.
"""

from __future__ import annotations

import sympy as sp

from derive import Domain, Status
from derive.core.functions import Log
from derive.verify import check_equal, check_relation
from derive.verify.exact import evaluate, exactly_zero
from derive.verify.lemmas import prove
from derive.verify.shape import normal_forms

x = sp.Symbol("x", real=True)
y = sp.Symbol("y", real=True)
b = sp.Symbol("b", real=True)
a = sp.Symbol("a", real=True)
n = sp.Symbol("n", integer=True)
i = sp.Symbol("i", integer=True)
REALS = Domain(((x, sp.Interval(-sp.oo, sp.oo)),))
POSITIVE = Domain(((x, sp.Interval.open(0, sp.oo)),))


def _not_proved(verdict) -> bool:
    return verdict.status is not Status.PROVED


def test_by_shape_splits_a_logarithm_only_where_its_factors_are_positive():
    assert normal_forms(POSITIVE).equal(sp.log(x ** 2), 2 * sp.log(x)) is True
    assert normal_forms(REALS).equal(sp.log(x ** 2), 2 * sp.log(x)) is not True


def test_by_reparametrisation_never_forces_a_logarithm_apart():
    assert exactly_zero(sp.log(x * y) - sp.log(x) - sp.log(y), Domain(((x, sp.Interval.open(0, 1)),
                                                                        (y, sp.Interval.open(0, 1)))))
    assert not exactly_zero(sp.log(x * y) - sp.log(x) - sp.log(y), Domain(((x, sp.Interval(-sp.oo, sp.oo)),
                                                                            (y, sp.Interval(-sp.oo, sp.oo)))))


def test_by_sums_and_integrals_covers_exactly_the_range():
    t = sp.Dummy("t", real=True)
    assert exactly_zero(sp.Integral(sp.Abs(t), (t, 0, 1)) - sp.Integral(t, (t, 0, 1)), Domain())
    assert not exactly_zero(sp.Integral(sp.Abs(t), (t, a, 1)) - sp.Integral(t, (t, a, 1)), Domain())


def test_by_lemmas_sums_only_over_a_range_in_order_and_integrals_never_through_a_pole():
    m = sp.Symbol("m", integer=True, nonnegative=True)
    assert prove(sp.Sum, sp.Integer(1), i, sp.Integer(1), m) is not None
    assert prove(sp.Sum, sp.Integer(1), i, sp.Integer(1), n) is None
    t = sp.Dummy("t", real=True)
    c = sp.Symbol("c", positive=True)
    assert prove(sp.Integral, 1 / t, t, c, c + 1) is not None
    assert prove(sp.Integral, 1 / t, t, a, sp.Integer(1)) is None  # a may be negative: the pole at 0 inside


def test_by_evaluation_leaves_what_sympy_would_get_wrong():
    t = sp.Dummy("t", real=True)
    through_pole = sp.Integral(1 / t, (t, -1, 1))
    assert evaluate(through_pole) == through_pole
    assert evaluate(sp.Sum(1, (i, 1, n))) == sp.Sum(1, (i, 1, n))


def test_by_cases_splits_only_a_real_symbol():
    assert exactly_zero(sp.Abs(x) - sp.Max(x, -x), REALS)
    c = sp.Symbol("c")
    assert not exactly_zero(sp.Abs(c) - sp.Max(c, -c), Domain())  # |c| is a modulus when c may be complex


def test_by_signs_never_for_a_value_that_may_be_non_real():
    t = sp.Symbol("t", real=True)
    reals = Domain(((t, sp.Interval(-sp.oo, sp.oo)),))
    assert check_relation(sp.exp(t), sp.Integer(0), ">", reals).proved
    assert _not_proved(check_relation(sp.exp(sp.I * t), sp.Integer(0), ">", reals))


def test_lemma_trades_need_their_scale_positive():
    """log_b(x) <= (x - 1)/log(b) holds for b > 1 and fails for 0 < b < 1."""
    u = sp.Symbol("u", positive=True)
    above_one = Domain(((u, sp.Interval.open(0, sp.oo)), (b, sp.Interval.open(1, sp.oo))))
    below_one = Domain(((u, sp.Interval.open(0, sp.oo)), (b, sp.Interval.open(0, 1))))
    claim = (Log(u, b), (u - 1) / sp.log(b))
    assert check_relation(*claim, "<=", above_one).proved
    assert _not_proved(check_relation(*claim, "<=", below_one))


def test_monotonicity_compares_bodies_only_over_a_range_in_order():
    t = sp.Symbol("t", real=True)
    ordered = Domain(((a, sp.Interval.open(-sp.oo, 0)),))
    small, big = sp.Integral(t ** 2, (t, a, 0)), sp.Integral(t ** 2 + 1, (t, a, 0))
    assert check_relation(small, big, "<=", ordered).proved
    reversed_range = Domain(((a, sp.Interval.open(0, sp.oo)),))  # int_a^0 with a > 0 runs backwards
    assert _not_proved(check_relation(small, big, "<=", reversed_range))


def test_by_solving_only_through_solutions_valid_for_every_value_of_the_others():
    both = Domain(((x, sp.Interval(-sp.oo, sp.oo)), (y, sp.Interval(-sp.oo, sp.oo))))
    assert check_relation(sp.Eq(2 * x, 4), sp.Eq(x, 2), "iff", both).proved
    assert _not_proved(check_relation(sp.Eq(x * y, 0), sp.Eq(x, 0), "implies", both))


def test_on_faces_a_closed_end_is_checked():
    unit = Domain(((x, sp.Interval(0, 1)),))
    assert check_relation(x * (1 - x), sp.Integer(0), ">=", unit).proved
    assert check_relation(x * (1 - x), sp.Integer(0), ">", unit).status is Status.REFUTED


def test_definedness_a_hole_refutes_at_the_hole():
    hole = Domain(((x, sp.Interval.open(0, 2)),))
    no_hole = Domain(((x, sp.Interval.open(1, 2)),))
    lhs = (x ** 2 - 1) / (x - 1)
    assert check_equal(lhs, x + 1, no_hole).proved
    verdict = check_equal(lhs, x + 1, hole)
    assert verdict.status is Status.REFUTED and dict(verdict.counterexample)[x] == 1
