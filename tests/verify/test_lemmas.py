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


_k = S("k", integer=True, nonnegative=True)
_n = S("n", integer=True, nonnegative=True)
_p, _q, _lam = S("p", positive=True), S("q", positive=True), S("lambda", positive=True)
_t = S("t", real=True)

#: (body of the sum over k, lo, hi, its value or None where the series lemma must refuse)
SERIES = [
    (sp.binomial(_n, _k) * _p**_k * _q**(_n - _k), 0, _n, (_p + _q)**_n),  # the binomial theorem
    (_k * sp.binomial(_n, _k) * _p**_k * (1 - _p)**(_n - _k), 0, _n, _n * _p),  # the binomial mean
    (_k**2 * sp.binomial(_n, _k) * _p**_k * (1 - _p)**(_n - _k), 1, _n, _n * _p * (_n * _p - _p + 1)),  # from 1
    (sp.exp(_t * _k) * sp.binomial(_n, _k) * _p**_k * _q**(_n - _k), 0, _n, (_p * sp.exp(_t) + _q)**_n),
    (_lam**_k * sp.exp(_t * _k) / sp.factorial(_k), 0, sp.oo, sp.exp(_lam * sp.exp(_t))),  # the exponential series
    (_k * _lam**_k * sp.exp(-_lam) / sp.factorial(_k), 1, sp.oo, _lam),  # the Poisson mean, from k = 1
    (sp.binomial(_n, _k) * _p**_k, 1, _n, None),  # from 1 with no power of k: the term at 0 is missing
    (sp.binomial(_n, _k) * _p**_k, 0, _n - 1, None),  # not up to the n of the binomial
    (sp.binomial(_n, _k)**2 * _p**_k, 0, _n, None),  # another kernel
    (_p**_k / sp.factorial(_k), 0, _n, None),  # the exponential series only to infinity
    (_p**(_k**2) / sp.factorial(_k), 0, sp.oo, None),  # no one ratio from k to k + 1
]


@pytest.mark.parametrize("body, lo, hi, value", SERIES, ids=[str(row[0]) for row in SERIES])
def test_binomial_and_exponential_series(body, lo, hi, value):
    got = lemmas._series(body, _k, sp.Integer(lo), hi)
    if value is None:
        assert got is None
    else:
        assert got is not None and sp.simplify(got - value) == 0
        assert lemmas.prove(sp.Sum, body, _k, sp.Integer(lo), hi) is not None  # and quadrature agrees


def test_summation_is_tried_again_without_assumptions():
    """SymPy leaves sum (lambda e^t)^k / k! unevaluated when lambda is positive; without assumptions it sums it."""
    body = (_lam * sp.exp(_t))**_k / sp.factorial(_k)
    assert lemmas._summation(body, _k, sp.Integer(0), sp.oo) == sp.exp(_lam * sp.exp(_t))
