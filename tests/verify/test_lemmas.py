"""derive.verify.lemmas: integrals proved once and used; sums only over ranges in order; inequality lemmas."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Domain
from derive.verify import lemmas
from derive.verify.exact import exactly_zero

S = sp.Symbol
X = sp.Symbol("x", real=True)


def test_a_wrong_lemma_is_never_used_to_prove():
    """The lemmas evaluate integrals; an identity that does not hold stays unproved."""
    t = S("t", positive=True)
    x = S("x", real=True)
    wrong = sp.Integral(t * sp.exp(-t * x) * x, (x, 0, sp.oo)) - 2 / t
    assert not exactly_zero(wrong, Domain())
    right = sp.Integral(t * sp.exp(-t * x) * x, (x, 0, sp.oo)) - 1 / t
    assert exactly_zero(right, Domain())


def test_a_lemma_that_needs_a_condition_is_not_proved():
    """int_0^oo x^(a-2) e^(-b x) dx converges only for a > 1; on a > 0 it is no lemma, and nothing is proved by it."""
    a, b = S("a", positive=True), S("b", positive=True)
    x = S("x", real=True)
    g = x ** (a - 2) * sp.exp(-b * x)
    assert lemmas.prove(sp.Integral, g, x, sp.Integer(0), sp.oo) is None
    assert not exactly_zero(sp.Integral(g, (x, 0, sp.oo)) - b ** (1 - a) * sp.gamma(a - 1), Domain())


def test_beta_lemma_by_differentiating_under_the_integral():
    a, b = S("a", positive=True), S("b", positive=True)
    g = X ** (a - 1) * (1 - X) ** (b - 1) * sp.log(X)
    lemma = lemmas.prove(sp.Integral, g, X, sp.Integer(0), sp.Integer(1))
    assert lemma is not None
    expected = sp.gamma(a) * sp.gamma(b) / sp.gamma(a + b) * (sp.digamma(a) - sp.digamma(a + b))
    assert sp.simplify(lemma.value - expected) == 0


@pytest.mark.parametrize("lo, hi, proved", [
    (1, S("n", integer=True, positive=True), True),
    (1, S("n", integer=True, nonnegative=True), True),
    (1, S("n", integer=True), False),  # n = -2: no terms, 0, but Karr's convention gives -2
    (3, S("n", integer=True, positive=True), False),  # n = 1: no terms
], ids=["n>0", "n>=0", "n-any-sign", "from-3"])
def test_a_sum_is_evaluated_only_over_a_range_in_order(lo, hi, proved):
    """Dropping the order check would accept sum_{i=1}^{n} 1 = n for a negative n (the empty-sum convention)."""
    i = S("i", integer=True)
    expected = hi - lo + 1
    assert exactly_zero(sp.Sum(1, (i, lo, hi)) - expected, Domain()) is proved


@pytest.mark.parametrize("lemma", lemmas.INEQUALITIES, ids=[lemma.name for lemma in lemmas.INEQUALITIES])
def test_each_inequality_lemma_holds(lemma):
    """big - small is 0 at x = 1 and its derivative changes sign only there (a minimum): big >= small for x > 0."""
    x = S("x", positive=True)
    gap = lemma.big(x) - lemma.small(x)
    assert gap.subs(x, 1) == 0
    slope = sp.together(sp.diff(gap, x))
    assert sp.solve(slope, x) == [1]
    assert sp.diff(gap, x, 2).subs(x, 1) > 0
