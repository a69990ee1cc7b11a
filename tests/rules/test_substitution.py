"""substitute: each probability P(x) replaced by the distribution's value for outcome x."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from derive import Bernoulli, Domain
from derive.core.strategies import everywhere
from derive.core.terms import add, mul, neg
from derive.distributions.measures import Entropy, Prob
from derive.rules import substitute
from tests.helpers import DOMAIN, I, P, Q, assert_no_match, assert_rewrites, one_minus, p, q

H, T = P.outcomes
THIRD = Bernoulli(sp.Rational(1, 3), name="R")
FAIR = Bernoulli(Fraction(1, 2), name="F")
C = Bernoulli(sp.Symbol("c"), name="C", outcomes=("Heads", "Tails"))
NUMERIC = Domain()


@pytest.mark.parametrize("before, after, domain", [
    (Prob(P, H), p, DOMAIN),
    (Prob(P, T), one_minus(p), DOMAIN),
    (Prob(Q, H), q, DOMAIN),
    (Prob(Q, T), one_minus(q), DOMAIN),
    (Prob(THIRD, H), sp.Rational(1, 3), NUMERIC),
    (Prob(THIRD, T), sp.Rational(2, 3), NUMERIC),
    (Prob(FAIR, T), sp.Rational(1, 2), NUMERIC),
    (Prob(C, C.outcomes[1]), one_minus(sp.Symbol("c")), C.domain),
], ids=["P(H)", "P(T)", "Q(H)", "Q(T)", "third-H", "third-T", "fair-T", "named-outcome"])
def test_substitute_matches(before, after, domain):
    assert_rewrites(substitute, before, after, domain)


def test_substitute_writes_one_minus_p_in_that_order():
    outcome = substitute.apply(Prob(P, T), DOMAIN)
    assert outcome.expr.args == (sp.Integer(1), mul(-1, p))


@pytest.mark.parametrize("before", [
    Prob(P, I),
    p,
    Entropy(P),
    sp.log(Prob(P, H)),
    add(Prob(P, H), Prob(P, T)),
    mul(Prob(P, H), Prob(Q, H)),
], ids=["unbound-index", "symbol", "measure", "inside-log", "inside-sum", "inside-product"])
def test_substitute_does_not_match_at_the_root(before):
    assert_no_match(substitute, before)


@pytest.mark.parametrize("before, after, domain", [
    (add(neg(mul(Prob(P, H), sp.log(Prob(Q, H)))), neg(mul(Prob(P, T), sp.log(Prob(Q, T))))),
     add(neg(mul(p, sp.log(q))), neg(mul(one_minus(p), sp.log(one_minus(q))))), DOMAIN),
    (add(neg(mul(Prob(THIRD, H), sp.log(Prob(THIRD, H)))), neg(mul(Prob(THIRD, T), sp.log(Prob(THIRD, T))))),
     add(neg(mul(sp.Rational(1, 3), sp.log(sp.Rational(1, 3), evaluate=False))),
         neg(mul(sp.Rational(2, 3), sp.log(sp.Rational(2, 3), evaluate=False)))),
     NUMERIC),
], ids=["cross-entropy-terms", "numeric-entropy-terms"])
def test_substitute_everywhere(before, after, domain):
    outcome = everywhere(substitute, before, domain)
    assert outcome.expr == after


def test_use_result_replaces_the_earlier_result_and_nothing_else():
    from derive.distributions.measures import CrossEntropy, KL
    from derive.rules import use_result

    ce, kl, h = CrossEntropy(P, Q), KL(P, Q), Entropy(P)
    rule = use_result(ce, add(kl, h))
    assert_rewrites(rule, ce, add(kl, h), DOMAIN)
    assert_no_match(rule, kl, DOMAIN)
