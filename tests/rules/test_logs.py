"""log-quotient-split: log(a/b) -> log(a) - log(b), only when a > 0 and b > 0 are proved on the domain."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Domain, Rewrite
from derive.core.strategies import everywhere
from derive.core.terms import add, mul, neg, quotient, sub
from derive.rules import absorb_constant, combine_logs, log_quotient_split
from tests.helpers import DOMAIN, assert_no_match, assert_refuses, assert_rewrites, one_minus, p, q

x, y = sp.symbols("x y", real=True)
u, v = sp.symbols("u v", positive=True)
s = sp.Symbol("s")
HALF_LINE = Domain.of(s=sp.Interval.open(0, sp.oo))


def gt0(e):
    return sp.StrictGreaterThan(e, 0, evaluate=False)


@pytest.mark.parametrize("before, after, conditions, domain", [
    (sp.log(quotient(p, q)), sub(sp.log(p), sp.log(q)), (gt0(p), gt0(q)), DOMAIN),
    (sp.log(quotient(one_minus(p), one_minus(q))), sub(sp.log(one_minus(p)), sp.log(one_minus(q))),
     (gt0(one_minus(p)), gt0(one_minus(q))), DOMAIN),
    (sp.log(quotient(q, p)), sub(sp.log(q), sp.log(p)), (gt0(q), gt0(p)), DOMAIN),
    (sp.log(quotient(mul(p, q), one_minus(p))), sub(sp.log(mul(p, q)), sp.log(one_minus(p))),
     (gt0(mul(p, q)), gt0(one_minus(p))), DOMAIN),
    (sp.log(quotient(sp.Rational(1, 3), q)), sub(sp.log(sp.Rational(1, 3), evaluate=False), sp.log(q)),
     (gt0(sp.Rational(1, 3)), gt0(q)), DOMAIN),
    (sp.log(quotient(u, v)), sub(sp.log(u), sp.log(v)), (gt0(u), gt0(v)), Domain()),
    (sp.log(quotient(s, add(s, 1))), sub(sp.log(s), sp.log(add(s, 1))), (gt0(s), gt0(add(s, 1))), HALF_LINE),
    (sp.log(p / q), sub(sp.log(p), sp.log(q)), (gt0(p), gt0(q)), DOMAIN),
], ids=["p/q", "(1-p)/(1-q)", "q/p", "pq/(1-p)", "number/q", "positive-symbols", "s/(s+1)-on-half-line",
        "sympy-built-quotient"])
def test_log_quotient_split_matches(before, after, conditions, domain):
    outcome = assert_rewrites(log_quotient_split, before, after, domain)
    assert outcome.conditions == conditions


@pytest.mark.parametrize("before, mentions, domain", [
    (sp.log(quotient(x, y)), ("x > 0",), DOMAIN),
    (sp.log(quotient(p, y)), ("y > 0",), DOMAIN),
    (sp.log(quotient(add(p, -1), q)), ("p - 1 > 0",), DOMAIN),
    (sp.log(quotient(p, add(q, -1))), ("q - 1 > 0",), DOMAIN),
    (sp.log(quotient(add(p, neg(q)), one_minus(q))), ("p - q > 0",), DOMAIN),
    (sp.log(quotient(sp.log(p), q)), ("log(p) > 0",), DOMAIN),
    (sp.log(quotient(p, q)), ("p > 0",), Domain()),
    (sp.log(quotient(sp.Symbol("p", positive=True), q)), ("q > 0",), Domain()),
    (sp.log(quotient(add(s, -1), s)), ("s - 1 > 0",), HALF_LINE),
], ids=["free-real-x/y", "free-denominator", "(p-1)/q", "p/(q-1)", "(p-q)/(1-q)", "log(p)/q", "no-domain",
        "only-numerator-positive", "(s-1)/s-on-half-line"])
def test_log_quotient_split_refuses(before, mentions, domain):
    assert_refuses(log_quotient_split, before, domain, *mentions)


def test_refusal_names_the_domain():
    refusal = assert_refuses(log_quotient_split, sp.log(quotient(add(p, -1), q)), DOMAIN)
    assert "p < 1" in refusal.reason and "q < 1" in refusal.reason
    assert "no assumptions" in assert_refuses(log_quotient_split, sp.log(quotient(x, y)), Domain()).reason


@pytest.mark.parametrize("before", [
    sp.log(p),
    sp.log(mul(p, q)),
    sp.log(sp.Pow(q, -1, evaluate=False)),
    sp.log(mul(p, sp.Pow(q, -1, evaluate=False), sp.Pow(one_minus(q), -1, evaluate=False))),
    sp.log(mul(p, sp.Pow(q, -2, evaluate=False))),
    quotient(p, q),
    add(sp.log(quotient(p, q)), p),
    sp.exp(quotient(p, q)),
], ids=["log-of-symbol", "log-of-product", "log-of-reciprocal", "two-denominators", "squared-denominator",
        "quotient-without-log", "sum-at-root", "exp"])
def test_log_quotient_split_does_not_match(before):
    assert_no_match(log_quotient_split, before)


def test_everywhere_collects_the_conditions_of_every_split_once():
    expr = add(mul(p, sp.log(quotient(p, q))), mul(one_minus(p), sp.log(quotient(one_minus(p), one_minus(q)))),
               sp.log(quotient(p, q)))
    outcome = everywhere(log_quotient_split, expr, DOMAIN)
    assert isinstance(outcome, Rewrite)
    assert outcome.conditions == (gt0(p), gt0(q), gt0(one_minus(p)), gt0(one_minus(q)))


# -- log-of-one, quotient-of-equals, flip-log-quotient ------------------------------------------------------------

from derive.core.functions import Log  # noqa: E402
from derive.rules import flip_log_quotient, log_of_one, quotient_of_equals  # noqa: E402


@pytest.mark.parametrize("rule, before, after", [
    (log_of_one, sp.log(1, evaluate=False), sp.Integer(0)),
    (log_of_one, Log(sp.Integer(1), 2), sp.Integer(0)),
    (quotient_of_equals, sp.log(quotient(p, p), evaluate=False), sp.log(1, evaluate=False)),
    (quotient_of_equals, Log(quotient(one_minus(p), one_minus(p)), 2), Log(sp.Integer(1), 2)),
    (flip_log_quotient, sp.log(quotient(p, q)), neg(sp.log(quotient(q, p)))),
    (flip_log_quotient, Log(quotient(p, q), 2), neg(Log(quotient(q, p), 2))),
], ids=["log-1", "log2-1", "p/p", "(1-p)/(1-p)-base-2", "flip", "flip-base-2"])
def test_more_log_rules(rule, before, after):
    assert_rewrites(rule, before, after, DOMAIN)


@pytest.mark.parametrize("rule, before", [
    (log_of_one, sp.log(p)),
    (quotient_of_equals, sp.log(quotient(p, q))),
    (flip_log_quotient, sp.log(p)),
], ids=["log-p", "different", "no-quotient"])
def test_more_log_rules_do_not_match(rule, before):
    assert_no_match(rule, before, DOMAIN)


def test_quotient_of_equals_refuses_a_zero_divided_by_itself():
    x = sp.Symbol("x", real=True)
    assert_refuses(quotient_of_equals, sp.log(quotient(x, x), evaluate=False), DOMAIN, "x")


# Found by tests/rules/test_properties.py: log(z) = -log(1/z) fails for negative z (log(-2) = log 2 + i pi).
@pytest.mark.parametrize("before, mentions", [
    (sp.log(quotient(sp.Symbol("x", real=True), q)), ("x > 0",)),
    (Log(quotient(p, add(q, -1)), 2), ("q - 1 > 0",)),
], ids=["numerator-of-any-sign", "negative-denominator-base-2"])
def test_flip_log_quotient_refuses_a_side_that_may_not_be_positive(before, mentions):
    assert_refuses(flip_log_quotient, before, DOMAIN, *mentions)


# -- combine-logs and absorb-constant ---------------------------------------------------------------------------


s1, s2, l1, l2 = sp.symbols("sigma_1 sigma_2 lambda_1 lambda_2")
SCALES = Domain.of(sigma_1=sp.Interval.open(0, sp.oo), sigma_2=sp.Interval.open(0, sp.oo),
                   lambda_1=sp.Interval.open(0, sp.oo), lambda_2=sp.Interval.open(0, sp.oo))
ROOT = sp.Pow(mul(2, sp.pi), sp.Rational(1, 2), evaluate=False)


@pytest.mark.parametrize("before, after, conditions", [
    (add(sp.log(l1), sp.Integer(-1), neg(sp.log(l2))), add(sp.log(quotient(l1, l2)), sp.Integer(-1)),
     (gt0(l1), gt0(l2))),
    # the normal KL: the common factor sqrt(2 pi) cancels, the difference takes the first logarithm's place
    (add(neg(sp.log(mul(s1, ROOT))), sp.Rational(-1, 2), sp.log(mul(s2, ROOT))),
     add(sp.log(quotient(s2, s1)), sp.Rational(-1, 2)), (gt0(mul(s1, ROOT)), gt0(mul(s2, ROOT)))),
    # a common coefficient (the Poisson KL) and one over a denominator (the geometric KL)
    (add(neg(l1), mul(l1, sp.log(l1)), l2, neg(mul(l1, sp.log(l2)))),
     add(neg(l1), mul(l1, sp.log(quotient(l1, l2))), l2), (gt0(l1), gt0(l2))),
    (add(mul(one_minus(p), sp.log(one_minus(p)), sp.Pow(p, -1, evaluate=False)),
         neg(mul(one_minus(p), sp.log(one_minus(q)), sp.Pow(p, -1, evaluate=False)))),
     mul(one_minus(p), sp.log(quotient(one_minus(p), one_minus(q))), sp.Pow(p, -1, evaluate=False)),
     (gt0(one_minus(p)), gt0(one_minus(q)))),
], ids=["exponential-kl", "normal-kl", "poisson-kl", "geometric-kl"])
def test_combine_logs_matches(before, after, conditions):
    domain = SCALES.merge(DOMAIN)
    outcome = assert_rewrites(combine_logs, before, after, domain)
    assert outcome.conditions == conditions


@pytest.mark.parametrize("before, mentions, domain", [
    (sub(sp.log(x), sp.log(y)), ("x > 0",), DOMAIN),
    (sub(sp.log(p), sp.log(add(q, -1))), ("q - 1 > 0",), DOMAIN),
    (sub(sp.log(p), sp.log(q)), ("p > 0",), Domain()),
], ids=["free-reals", "negative-side", "positivity-not-known"])
def test_combine_logs_refuses(before, mentions, domain):
    assert_refuses(combine_logs, before, domain, *mentions)


@pytest.mark.parametrize("before", [
    add(sp.log(p), sp.log(q)),                           # a sum, not a difference
    sub(sp.log(p), mul(2, sp.log(q))),                   # different coefficients
    sub(sp.log(p), sp.Symbol("c")),                      # one logarithm
    sp.log(quotient(p, q)),                              # no sum
], ids=["sum-of-logs", "different-coefficients", "one-log", "no-sum"])
def test_combine_logs_does_not_match(before):
    assert_no_match(combine_logs, before, DOMAIN)


@pytest.mark.parametrize("before, after", [
    (add(sp.log(mul(s1, ROOT)), sp.Rational(1, 2)),
     sp.log(mul(s1, sp.Pow(mul(2, sp.pi, sp.E), sp.Rational(1, 2), evaluate=False)))),
    (add(sp.log(mul(2, s1)), sp.Integer(1)), sp.log(mul(2, s1, sp.E))),
    (add(sp.log(s1), sp.Integer(3)), sp.log(mul(s1, sp.Pow(sp.E, 3, evaluate=False)))),
], ids=["normal-entropy", "laplace-entropy", "power-of-e"])
def test_absorb_constant_matches(before, after):
    assert_rewrites(absorb_constant, before, after, SCALES)


def test_absorb_constant_refuses_where_the_logarithm_may_be_of_a_negative():
    assert_refuses(absorb_constant, add(sp.log(x), sp.Integer(1)), Domain(), "x > 0")


@pytest.mark.parametrize("before", [
    add(neg(sp.log(l1)), sp.Integer(1)),                 # minus a logarithm: 1 - log(lambda) stays
    add(sp.log(l1), l2),                                 # no constant
    add(sp.log(l1), sp.log(l2), sp.Integer(1)),          # two logarithms
    add(sp.log(l1), sp.sqrt(2)),                         # not a rational constant
], ids=["minus-log", "no-constant", "two-logs", "irrational-constant"])
def test_absorb_constant_does_not_match(before):
    assert_no_match(absorb_constant, before, SCALES)
