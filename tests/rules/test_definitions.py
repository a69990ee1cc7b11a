"""unfold-definition, recognise-definition and fold-definition."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Bernoulli, Group
from derive.core.strategies import everywhere
from derive.core.terms import add, mul, neg, neg_terms, quotient
from derive.distributions.measures import KL, CrossEntropy, Entropy, OutcomeSum, Prob
from derive.rules import fold_definition, recognise_definition, unfold_definition
from tests.helpers import DOMAIN, I, P, Q, assert_no_match, assert_rewrites, one_minus, p, q

i = I
HT = P.outcomes
ce, h, kl, hq = CrossEntropy(P, Q), Entropy(P), KL(P, Q), Entropy(Q)

#: The written-out values, in the order the coin derivation produces them.
CE_TERMS = add(neg(mul(p, sp.log(q))), neg(mul(one_minus(p), sp.log(one_minus(q)))))       # = H(P, Q)
H_TERMS = add(neg(mul(p, sp.log(p))), neg(mul(one_minus(p), sp.log(one_minus(p)))))        # = H(P)
MINUS_H_TERMS = add(mul(p, sp.log(p)), mul(one_minus(p), sp.log(one_minus(p))))           # = -H(P)
MINUS_CE_TERMS = add(mul(p, sp.log(q)), mul(one_minus(p), sp.log(one_minus(q))))          # = -H(P, Q)
CE_TERMS_REORDERED = add(neg(mul(one_minus(p), sp.log(one_minus(q)))), neg(mul(sp.log(q), p)))
NEITHER = add(mul(p, sp.log(q)), mul(one_minus(p), sp.log(one_minus(p))))                 # mixed: neither


def entropy_sum(d):
    return OutcomeSum(mul(-1, Prob(d, i), sp.log(Prob(d, i))), i, d.outcomes)


def cross_entropy_sum(d, e):
    return OutcomeSum(mul(-1, Prob(d, i), sp.log(Prob(e, i))), i, d.outcomes)


def kl_sum(d, e):
    return OutcomeSum(mul(Prob(d, i), sp.log(quotient(Prob(d, i), Prob(e, i)))), i, d.outcomes)


# -- unfold-definition ------------------------------------------------------------------------------

@pytest.mark.parametrize("rule, before, after", [
    (unfold_definition(), h, entropy_sum(P)),
    (unfold_definition(), hq, entropy_sum(Q)),
    (unfold_definition(), ce, cross_entropy_sum(P, Q)),
    (unfold_definition(), CrossEntropy(Q, P), cross_entropy_sum(Q, P)),
    (unfold_definition(), kl, kl_sum(P, Q)),
    (unfold_definition(KL), kl, kl_sum(P, Q)),
    (unfold_definition(Entropy, CrossEntropy), ce, cross_entropy_sum(P, Q)),
    (unfold_definition(h), h, entropy_sum(P)),
    (unfold_definition(), Entropy(Bernoulli(sp.Rational(1, 3))), entropy_sum(Bernoulli(sp.Rational(1, 3)))),
], ids=["H(P)", "H(Q)", "H(P,Q)", "H(Q,P)", "KL", "only-KL-on-KL", "only-H-classes-on-CE", "only-H(P)-on-H(P)",
        "numeric-coin"])
def test_unfold_definition_matches(rule, before, after):
    assert_rewrites(rule, before, after)


@pytest.mark.parametrize("rule, before", [
    (unfold_definition(), p),
    (unfold_definition(), add(h, kl)),
    (unfold_definition(), entropy_sum(P)),
    (unfold_definition(), Prob(P, HT[0])),
    (unfold_definition(), Group(H_TERMS, "Term")),
    (unfold_definition(KL), h),
    (unfold_definition(KL), ce),
    (unfold_definition(Entropy), kl),
    (unfold_definition(hq), h),
    (unfold_definition(CrossEntropy(Q, P)), ce),
], ids=["symbol", "sum-at-root", "already-unfolded", "probability", "group", "only-KL-on-H", "only-KL-on-CE",
        "only-H-on-KL", "only-H(Q)-on-H(P)", "only-H(Q,P)-on-H(P,Q)"])
def test_unfold_definition_does_not_match(rule, before):
    assert_no_match(rule, before)


def test_unfold_definition_with_a_filter_leaves_the_other_measures_alone():
    outcome = everywhere(unfold_definition(KL), add(kl, neg(ce), h), DOMAIN)
    assert outcome.expr == add(kl_sum(P, Q), neg(ce), h)


def test_unfold_definition_without_a_filter_unfolds_every_measure():
    outcome = everywhere(unfold_definition(), add(kl, neg(ce), h), DOMAIN)
    assert outcome.expr == add(kl_sum(P, Q), neg(cross_entropy_sum(P, Q)), entropy_sum(P))


# -- recognise-definition ---------------------------------------------------------------------------

@pytest.mark.parametrize("measures, before, after", [
    ((ce, h), Group(CE_TERMS, "Term 1"), Group(CE_TERMS, ce)),
    ((ce, h), Group(H_TERMS, "Term 2"), Group(H_TERMS, h)),
    ((ce, h), Group(MINUS_H_TERMS, "Term 2"), neg(Group(H_TERMS, h))),
    ((h, ce), Group(MINUS_CE_TERMS, "Term 1"), neg(Group(CE_TERMS, ce))),
    ((h, ce), Group(CE_TERMS_REORDERED, "T"), Group(CE_TERMS_REORDERED, ce)),
], ids=["H(P,Q)", "H(P)", "minus-H(P)", "minus-H(P,Q)", "reordered-H(P,Q)"])
def test_recognise_definition_matches(measures, before, after):
    assert_rewrites(recognise_definition(*measures), before, after)


def test_recognise_definition_keeps_the_written_order_when_it_takes_out_a_minus_sign():
    outcome = recognise_definition(ce, h).apply(Group(MINUS_H_TERMS, "Term 2"), DOMAIN)
    inner = outcome.expr.args[1]
    assert inner.content == neg_terms(MINUS_H_TERMS)


@pytest.mark.parametrize("measures, before", [
    ((ce, h), Group(NEITHER, "Term 3")),
    ((ce, h), Group(add(p, q), "Term 3")),
    ((ce, h), CE_TERMS),
    ((ce, h), Group(CE_TERMS, ce)),
    ((ce, h), neg(Group(H_TERMS, h))),
    ((), Group(CE_TERMS, "Term 1")),
    ((h,), Group(CE_TERMS, "Term 1")),
    ((CrossEntropy(Q, P),), Group(CE_TERMS, "Term 1")),
    ((ce, h), ce),
], ids=["neither", "unrelated", "not-a-group", "already-labelled", "already-labelled-negative", "no-measures",
        "other-measure", "swapped-arguments", "measure-itself"])
def test_recognise_definition_does_not_match(measures, before):
    assert_no_match(recognise_definition(*measures), before)


# -- fold-definition --------------------------------------------------------------------------------

@pytest.mark.parametrize("measures, before, after", [
    ((ce, h), Group(CE_TERMS, "Term 1"), ce),
    ((ce, h), Group(CE_TERMS, ce), ce),
    ((ce, h), Group(H_TERMS, h), h),
    ((ce, h), Group(MINUS_H_TERMS, "Term 2"), mul(-1, h)),
    ((ce, h), Group(MINUS_CE_TERMS, "Term 1"), mul(-1, ce)),
    ((h, ce), Group(CE_TERMS_REORDERED, "T"), ce),
    ((kl,), Group(add(mul(p, sp.log(quotient(p, q))), mul(one_minus(p), sp.log(quotient(one_minus(p), one_minus(q))))),
                  "KL"), kl),
], ids=["H(P,Q)", "labelled-H(P,Q)", "labelled-H(P)", "minus-H(P)", "minus-H(P,Q)", "reordered", "KL"])
def test_fold_definition_matches(measures, before, after):
    assert_rewrites(fold_definition(*measures), before, after)


@pytest.mark.parametrize("measures, before", [
    ((ce, h), Group(NEITHER, "Term 3")),
    ((ce, h), Group(add(p, q), "Term 3")),
    ((ce, h), CE_TERMS),
    ((ce, h), ce),
    ((), Group(CE_TERMS, "Term 1")),
    ((h,), Group(CE_TERMS, "Term 1")),
], ids=["neither", "unrelated", "not-a-group", "measure-itself", "no-measures", "other-measure"])
def test_fold_definition_does_not_match(measures, before):
    assert_no_match(fold_definition(*measures), before)


def test_recognise_then_fold_on_the_grouped_kl():
    grouped = add(Group(CE_TERMS, "Term 1"), Group(MINUS_H_TERMS, "Term 2"))
    recognised = everywhere(recognise_definition(ce, h), grouped, DOMAIN).expr
    assert recognised == add(Group(CE_TERMS, ce), neg(Group(H_TERMS, h)))
    folded = everywhere(fold_definition(ce, h), recognised, DOMAIN).expr
    assert folded == add(ce, neg(h))


def test_fold_definition_folds_a_definition_written_out_exactly():
    h = Entropy(P)
    assert_rewrites(fold_definition(h), CrossEntropy(P, P).definition(), h, DOMAIN)
    assert_no_match(fold_definition(h), CrossEntropy(P, Q).definition(), DOMAIN)
