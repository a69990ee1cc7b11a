"""expand-finite-sum: a sum over named outcomes written out, one term per outcome, in outcome order."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Bernoulli, Group
from derive.measures import CrossEntropy, Entropy, OutcomeSum, Prob
from derive.rules import expand_finite_sum
from derive.terms import add, mul, neg
from tests.helpers import I, P, Q, assert_no_match, assert_rewrites, p

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
    assert_rewrites(expand_finite_sum, before, after)


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
