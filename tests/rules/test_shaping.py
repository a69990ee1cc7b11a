"""combine-fractions, complete-the-square and order-terms: the last steps that write a closed form as references do."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Domain
from derive.core.terms import add, mul, neg, quotient
from derive.rules import combine_fractions, complete_the_square, order_terms
from tests.helpers import assert_no_match, assert_rewrites

m1, m2, s1, s2, l1, l2 = sp.symbols("mu_1 mu_2 sigma_1 sigma_2 lambda_1 lambda_2")
DOMAIN = Domain.of(sigma_1=sp.Interval.open(0, sp.oo), sigma_2=sp.Interval.open(0, sp.oo),
                   lambda_1=sp.Interval.open(0, sp.oo), lambda_2=sp.Interval.open(0, sp.oo))
LOG = sp.log(mul(s2, sp.Pow(mul(2, sp.pi), sp.Rational(1, 2), evaluate=False)), evaluate=False)


def over(num: sp.Basic, den: sp.Basic) -> sp.Basic:
    return quotient(num, den)


@pytest.mark.parametrize("before, after", [
    # the normal cross-entropy: three fractions over sigma_2^2 (one with coefficient 1), the log left alone
    (add(LOG, over(add(m1 ** 2, s1 ** 2), 2 * s2 ** 2), neg(over(m1 * m2, s2 ** 2)), over(m2 ** 2, 2 * s2 ** 2)),
     add(LOG, over(add(m1 ** 2, s1 ** 2, -2 * m1 * m2, m2 ** 2), 2 * s2 ** 2))),
    # like terms of the numerator add up, and a numerator that is a multiple of the denominator reduces
    (add(over(add(m1 ** 2, s1 ** 2), 2 * s1 ** 2), neg(over(m1 ** 2, s1 ** 2)), over(m1 ** 2, 2 * s1 ** 2)),
     sp.Rational(1, 2)),
    (add(neg(over(add(m1 ** 2, s1 ** 2), 2 * s1 ** 2)), over(m1 ** 2, s1 ** 2), neg(over(m1 ** 2, 2 * s1 ** 2))),
     sp.Rational(-1, 2)),
    # two groups, each in the place of its first member
    (add(over(m1, s1), over(m2, s2), over(m2, s1), over(m1, s2)),
     add(over(add(m1, m2), s1), over(add(m2, m1), s2))),
], ids=["normal-cross-entropy", "reduces-to-one-half", "reduces-to-minus-one-half", "two-denominators"])
def test_combine_fractions_matches(before, after):
    assert_rewrites(combine_fractions, before, after, DOMAIN)


@pytest.mark.parametrize("before", [
    add(over(m1, s1), over(m2, s2)),                                   # different denominators
    add(over(l2, l1), sp.Integer(-1), sp.log(l1)),                       # one fraction only
    add(over(mul(m1, sp.log(l1)), s1), over(mul(m2, sp.log(l2)), s1)),   # logarithms: combine-logs' business
    over(m1, s1),                                                        # no sum
], ids=["different-denominators", "one-fraction", "logarithms", "no-sum"])
def test_combine_fractions_does_not_match(before):
    assert_no_match(combine_fractions, before, DOMAIN)


@pytest.mark.parametrize("before, after", [
    (add(m1 ** 2, s1 ** 2, -2 * m1 * m2, m2 ** 2), add(s1 ** 2, sp.Pow(add(m1, neg(m2)), 2, evaluate=False))),
    (add(m1 ** 2, 2 * m1 * m2, m2 ** 2), sp.Pow(add(m1, m2), 2, evaluate=False)),
    (add(m2 ** 2, -2 * m1 * m2, m1 ** 2, l1), add(sp.Pow(add(m2, neg(m1)), 2, evaluate=False), l1)),
], ids=["with-a-rest", "plus", "rest-after"])
def test_complete_the_square_matches(before, after):
    assert_rewrites(complete_the_square, before, after, DOMAIN)


@pytest.mark.parametrize("before", [
    add(m1 ** 2, -3 * m1 * m2, m2 ** 2),   # not twice the product
    add(m1 ** 2, -2 * m1 * m2, l1),        # b^2 missing
    add(m1 ** 2, m2 ** 2),                 # two terms
    add(m1 ** 2, -2 * m1 * l1, m2 ** 2),   # the cross term of other letters
], ids=["wrong-cross-term", "no-b-squared", "two-terms", "unrelated-cross-term"])
def test_complete_the_square_does_not_match(before):
    assert_no_match(complete_the_square, before, DOMAIN)


@pytest.mark.parametrize("before, after", [
    (add(sp.Rational(-1, 2), sp.log(l1), over(l2, l1)), add(sp.log(l1), over(l2, l1), sp.Rational(-1, 2))),
    (add(neg(l1), mul(l1, sp.log(l1)), l2), add(mul(l1, sp.log(l1)), l2, neg(l1))),
    (add(sp.log(l1), sp.Integer(-1), over(l2, l1)), add(sp.log(l1), over(l2, l1), sp.Integer(-1))),
], ids=["constant-first", "log-in-the-middle", "constant-in-the-middle"])
def test_order_terms_matches(before, after):
    assert_rewrites(order_terms, before, after, DOMAIN)


@pytest.mark.parametrize("before", [
    add(sp.log(l1), over(l2, l1), sp.Integer(-1)),
    add(neg(sp.log(l1)), sp.Integer(1)),
    sp.log(l1),
], ids=["already-in-order", "minus-log-then-one", "no-sum"])
def test_order_terms_does_not_match(before):
    assert_no_match(order_terms, before, DOMAIN)
