"""derive.verify.binders: a bound variable covers exactly its range; an empty sum is 0; SymPy sums only in order."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Domain, Status
from derive.verify import check_equal, check_relation
from derive.verify.binders import canonical, cover, empty, evaluable, ordered, reversed_

x_pos = sp.Symbol("x", positive=True)
x = sp.Symbol("x", real=True)
a = sp.Symbol("a", real=True)
n = sp.Symbol("n", integer=True)
i = sp.Symbol("i", integer=True)
k, j = sp.symbols("k j", integer=True)
Y = sp.IndexedBase("y", real=True)
NONE = Domain()
N_POSITIVE = Domain(((n, sp.Interval(1, sp.oo)),))


def test_a_bound_variable_loses_assumptions_its_range_does_not_give():
    e = canonical(sp.Integral(x_pos, (x_pos, -1, 1)), NONE)
    (var, lo, hi), = e.limits
    assert var.is_real and var.is_positive is None and (lo, hi) == (-1, 1)


def test_reversed_limits_are_flipped():
    e = canonical(sp.Integral(sp.exp(-x), (x, 0, -sp.oo)), NONE)
    (var, lo, hi), = e.limits
    assert (lo, hi) == (-sp.oo, 0) and e.function == -sp.exp(-var)


@pytest.mark.parametrize("lo, hi, domain, is_empty", [
    (1, 0, NONE, True), (1, -3, NONE, True), (1, n, NONE, False), (1, n, N_POSITIVE, False), (3, 1, NONE, True),
], ids=["1..0", "1..-3", "1..n", "1..n n>=1", "3..1"])
def test_empty_sums_are_zero(lo, hi, domain, is_empty):
    e = canonical(sp.Sum(i, (i, lo, hi)), domain)
    assert (e == 0) is is_empty


@pytest.mark.parametrize("lo, hi, domain, expected", [
    (1, n, NONE, False), (1, n, N_POSITIVE, True), (1, n, Domain(((n, sp.Interval(0, sp.oo)),)), True),
    (2, n, Domain(((n, sp.Interval(0, sp.oo)),)), False), (0, sp.oo, NONE, True),
], ids=["n any sign", "n>=1", "n>=0", "from 2, n>=0", "0..oo"])
def test_sympy_evaluates_a_sum_only_where_its_range_is_in_order(lo, hi, domain, expected):
    assert evaluable(sp.Sum(i, (i, lo, hi)), domain) is expected


@pytest.mark.parametrize("lo, hi, domain, order, rev", [
    (0, sp.oo, NONE, True, False), (0, -sp.oo, NONE, False, True), (a, sp.oo, NONE, True, False),
    (a, 1, NONE, False, False), (1, 0, NONE, False, True), (a, a + 1, NONE, True, False),
], ids=["0..oo", "0..-oo", "a..oo", "a..1", "1..0", "a..a+1"])
def test_order_of_limits(lo, hi, domain, order, rev):
    assert ordered(sp.sympify(lo), sp.sympify(hi), domain) is order
    assert reversed_(sp.sympify(lo), sp.sympify(hi), domain) is rev
    assert empty(sp.sympify(lo), sp.sympify(hi), domain) is rev


def test_a_cover_exists_only_for_a_range_in_order():
    integral = sp.Integral(x, (x, a, 1))
    assert cover(x, a, sp.Integer(1), integral, NONE) is None
    found = cover(x, sp.Integer(0), sp.oo, sp.Integral(x, (x, 0, sp.oo)), NONE)
    (t,) = found.free_symbols
    assert t.is_positive and found == t


# False claims each path would accept if a bound variable could take a sign its range does not give, or if
# SymPy's Karr convention were used for a reversed sum; true ones beside them.
CLAIMS = [
    (sp.Integral(sp.log(x_pos ** 2), (x_pos, -1, 1)), 2 * sp.Integral(sp.log(x_pos), (x_pos, -1, 1)), NONE,
     Status.REFUTED),  # log(x^2) = 2 log(x) only where x > 0, and x runs over (-1, 1)
    (sp.Integral(sp.log(x_pos ** 2), (x_pos, 0, 1)), 2 * sp.Integral(sp.log(x_pos), (x_pos, 0, 1)), NONE,
     Status.PROVED),
    (sp.Integral(sp.exp(-x), (x, 0, -sp.oo)), sp.Integer(1), NONE, Status.REFUTED),
    (sp.Integral(sp.exp(-x), (x, 0, -sp.oo)), sp.Integer(-1), NONE, Status.REFUTED),  # diverges
    (sp.Integral(1, (x, 1, 0)), sp.Integer(-1), NONE, Status.PROVED),
    (sp.Integral(sp.exp(-x), (x, a, sp.oo)), sp.exp(-a), NONE, Status.PROVED),
    (sp.Integral(sp.exp(-sp.Abs(x)), (x, a, sp.oo)), sp.exp(-a), NONE, Status.REFUTED),
    (sp.Sum(1, (i, 1, n)), n, NONE, Status.REFUTED),
    (sp.Sum(1, (i, 1, n)), n, Domain(((n, sp.Interval(0, sp.oo)),)), Status.PROVED),
    (sp.Sum(i, (i, 1, n)), n * (n + 1) / 2, NONE, Status.REFUTED),
    (sp.Sum(i, (i, 1, n)), n * (n + 1) / 2, N_POSITIVE, Status.PROVED),
    (sp.Sum(i, (i, 1, -3)), sp.Integer(0), NONE, Status.PROVED),
    (sp.Sum(i, (i, 1, -3)), sp.Integer(-3), NONE, Status.REFUTED),  # Karr: -(-2 - 1 + 0)
    # a factor the terms share comes out of a finite sum, and reads alike inside and outside other sums
    (sp.Sum(Y[k] * Y[i] / sp.Sum(sp.exp(Y[j]), (j, 1, n)), (k, 1, n)),
     Y[i] * sp.Sum(Y[k], (k, 1, n)) / sp.Sum(sp.exp(Y[j]), (j, 1, n)), N_POSITIVE, Status.PROVED),
    (sp.Sum(Y[k] * Y[i] / sp.Sum(sp.exp(Y[j]), (j, 1, n)), (k, 1, n)),
     Y[k] * sp.Sum(Y[k], (k, 1, n)) / sp.Sum(sp.exp(Y[j]), (j, 1, n)), N_POSITIVE, Status.REFUTED),  # k is bound
    (sp.Sum(i * Y[k], (k, 1, n)), i * sp.Sum(Y[k], (k, 1, n)) + 1, N_POSITIVE, Status.REFUTED),
    (sp.Sum(Y[k] * i, (k, 1, -3)), sp.Integer(0), NONE, Status.PROVED),  # empty: 0 with the factor out too
]


@pytest.mark.parametrize("lhs, rhs, domain, status", CLAIMS, ids=[f"claim-{k}" for k in range(len(CLAIMS))])
def test_claims_about_ranges(lhs, rhs, domain, status):
    verdict = check_equal(lhs, rhs, domain)
    if status is Status.PROVED:
        assert verdict.proved, verdict
    else:
        assert verdict.status in (status, Status.UNKNOWN), verdict
        assert not verdict.proved


def test_a_sum_of_non_negative_terms_is_non_negative_but_not_positive_when_it_may_be_empty():
    body = sp.Sum(i ** 2, (i, 1, n))
    assert check_relation(body, sp.Integer(0), ">=", NONE).proved
    assert not check_relation(body, sp.Integer(0), ">", NONE).proved
    assert check_relation(body, sp.Integer(0), ">", N_POSITIVE).proved
