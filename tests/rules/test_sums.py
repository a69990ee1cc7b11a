"""expand-finite-sum: a sum over named outcomes written out, one term per outcome, in outcome order."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Bernoulli, Group
from derive.core.terms import add, mul, neg
from derive.distributions.families import Poisson
from derive.distributions.measures import CrossEntropy, Entropy, OutcomeSum, Prob
from derive.rules import expand_finite_sum, split_sum
from tests.helpers import DOMAIN, I, P, Q, assert_no_match, assert_refuses, assert_rewrites, p

i = I
H, T = P.outcomes
C = Bernoulli(sp.Symbol("c"), name="C", outcomes=("Heads", "Tails"))
Heads, Tails = C.outcomes


def minus_p_log(d, e, o):
    return mul(-1, Prob(d, o), sp.log(Prob(e, o)))


@pytest.mark.parametrize("before, after", [
    (Entropy(P).definition(), add(minus_p_log(P, P, H), minus_p_log(P, P, T))),
    (CrossEntropy(P, Q).definition(), add(minus_p_log(P, Q, H), minus_p_log(P, Q, T))),
    (OutcomeSum(Prob(P, i), i, P.outcomes), add(Prob(P, H), Prob(P, T))),
    (OutcomeSum(Prob(P, i), i, (T, H)), add(Prob(P, T), Prob(P, H))),
    (OutcomeSum(mul(Prob(Q, i), Prob(P, i)), i, P.outcomes),
     add(mul(Prob(Q, H), Prob(P, H)), mul(Prob(Q, T), Prob(P, T)))),
    (OutcomeSum(add(Prob(P, i), neg(Prob(Q, i))), i, P.outcomes),
     add(Prob(P, H), neg(Prob(Q, H)), Prob(P, T), neg(Prob(Q, T)))),
    (Entropy(C).definition(), add(minus_p_log(C, C, Heads), minus_p_log(C, C, Tails))),
    (OutcomeSum(p, i, P.outcomes), add(p, p)),
], ids=["H(P)", "H(P,Q)", "sum-of-probabilities", "outcome-order-kept", "factor-order-kept", "body-is-a-sum",
        "named-outcomes", "body-without-index"])
def test_expand_finite_sum_matches(before, after):
    assert_rewrites(expand_finite_sum, before, after, DOMAIN.merge(C.domain))  # log C(Heads) needs 0 < c < 1


@pytest.mark.parametrize("before", [
    Entropy(P),
    add(Prob(P, H), Prob(P, T)),
    Prob(P, H),
    p,
    Group(Entropy(P).definition(), "Term"),
    mul(2, Entropy(P).definition()),
], ids=["measure", "written-out", "probability", "symbol", "group-around-a-sum", "product-with-a-sum"])
def test_expand_finite_sum_does_not_match_at_the_root(before):
    assert_no_match(expand_finite_sum, before)


# -- split-sum: only into sums that converge ----------------------------------------------------------------------

PO = Poisson(sp.Symbol("lambda"))
k = PO.variable
N0 = (k, 0, sp.oo)


@pytest.mark.parametrize("before, after", [
    (sp.Sum(add(Prob(PO, k), mul(k, Prob(PO, k))), N0), add(sp.Sum(Prob(PO, k), N0), sp.Sum(mul(k, Prob(PO, k)), N0))),
    (sp.Sum(add(mul(sp.log(sp.factorial(k)), Prob(PO, k)), neg(mul(sp.log(sp.factorial(k)), Prob(PO, k)))), N0),
     add(sp.Sum(mul(sp.log(sp.factorial(k)), Prob(PO, k)), N0), sp.Sum(neg(mul(sp.log(sp.factorial(k)), Prob(PO, k))), N0))),
    (sp.Sum(add(i, neg(i), p), (i, 1, sp.Symbol("n", integer=True, positive=True))),
     add(sp.Sum(i, (i, 1, sp.Symbol("n", integer=True, positive=True))),
         sp.Sum(neg(i), (i, 1, sp.Symbol("n", integer=True, positive=True))),
         sp.Sum(p, (i, 1, sp.Symbol("n", integer=True, positive=True))))),
], ids=["mass-and-mean", "log-factorial-moments", "finite-range-splits-anything"])
def test_split_sum_matches(before, after):
    assert_rewrites(split_sum, before, after, PO.domain.merge(DOMAIN))


@pytest.mark.parametrize("before, mentions", [
    (sp.Sum(add(Prob(PO, k), Prob(PO, k), sp.Integer(-1), sp.Integer(1)), N0), ("sum of -1 over (0, oo) diverges",)),
    (sp.Sum(add(k, neg(k), sp.Rational(1, 2) ** k), N0), ("sum of k over (0, oo) is not known to converge",)),
    (sp.Sum(add(mul(sp.factorial(k), Prob(PO, k)), Prob(PO, k)), N0), ("not known to converge",)),
], ids=["one-minus-one", "k-minus-k", "factorial-growth"])  # found by tests/rules/test_properties.py (oo - oo)
def test_split_sum_refuses_a_term_whose_sum_may_diverge(before, mentions):
    assert_refuses(split_sum, before, PO.domain, *mentions)


# -- total-probability, sums and integrals of zero --------------------------------------------------------------

from derive import Categorical, Domain  # noqa: E402
from derive.core.constraints import IndexedSimplex, Size  # noqa: E402
from derive.rules import sum_of_zero, total_probability  # noqa: E402

_n = sp.Symbol("n", integer=True, positive=True)
_i = sp.Symbol("i", integer=True, positive=True)
_p = sp.IndexedBase("p")
_VECTOR = Domain(constraints=(Size(_n), IndexedSimplex(_p, _n)))
_p1, _p2, _p3 = sp.symbols("p_1 p_2 p_3")
_CAT = Categorical([_p1, _p2, _p3]).domain


@pytest.mark.parametrize("before, after, domain", [
    (sp.Sum(_p[_i], (_i, 1, _n)), sp.Integer(1), _VECTOR),
    (sp.Sum(mul(-1, _p[_i]), (_i, 1, _n)), sp.Integer(-1), _VECTOR),
    (add(_p1, _p2, _p3), sp.Integer(1), _CAT),
    (add(mul(-1, _p1), p, mul(-1, _p2), mul(-1, _p3)), add(-1, p), _CAT),
], ids=["indexed", "indexed-negated", "explicit", "explicit-negated-among-others"])
def test_total_probability(before, after, domain):
    assert_rewrites(total_probability, before, after, domain)


@pytest.mark.parametrize("before, domain", [
    (sp.Sum(_p[_i], (_i, 2, _n)), _VECTOR),  # not every outcome
    (sp.Sum(sp.IndexedBase("q")[_i], (_i, 1, _n)), _VECTOR),  # not a probability vector of the domain
    (add(_p1, _p2), _CAT),  # one missing
], ids=["partial-range", "unknown-vector", "missing-entry"])
def test_total_probability_does_not_match(before, domain):
    assert_no_match(total_probability, before, domain)


def test_integral_of_zero():
    x = sp.Symbol("x")
    assert_rewrites(sum_of_zero, sp.Integral(0, (x, -sp.oo, sp.oo)), sp.Integer(0), DOMAIN)
