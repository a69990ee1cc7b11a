"""Differentiation rules: linearity, constants, the logarithm, rational functions, entries, deltas, sigmoid."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Domain
from derive.core.constraints import IndexedSimplex, Member, Size
from derive.core.functions import Log, Sigmoid
from derive.distributions.measures import CrossEntropy, Entropy
from derive.rules import (derivative_constant_factor, derivative_of_constant, derivative_of_entry, derivative_of_log,
                          derivative_of_rational, derivative_of_sigmoid, derivative_of_sum, derivative_twice,
                          derivative_under_sum, sum_of_delta)
from derive.core.terms import add, mul, neg, quotient
from derive.rules.calculus import d
from tests.helpers import DOMAIN, P, Q, assert_no_match, assert_refuses, assert_rewrites, one_minus, p, q

z = sp.Symbol("z", real=True)
n = sp.Symbol("n", integer=True, positive=True)
i, j = sp.symbols("i j", integer=True, positive=True)
qb, pb = sp.IndexedBase("q"), sp.IndexedBase("p")
VECTOR = Domain(constraints=(Size(n), IndexedSimplex(pb, n), Member(j, n)))
LINE = Domain.of(z=sp.Interval.open(-sp.oo, sp.oo))
log = sp.log


@pytest.mark.parametrize("rule, before, after, domain", [
    (derivative_of_sum, d(add(log(q), q), q), add(d(log(q), q), d(q, q)), DOMAIN),
    (derivative_of_sum, d(add(CrossEntropy(P, Q), Entropy(P)), q), add(d(CrossEntropy(P, Q), q), d(Entropy(P), q)),
     DOMAIN),
    (derivative_constant_factor, d(mul(p, log(q)), q), mul(p, d(log(q), q)), DOMAIN),
    (derivative_constant_factor, d(neg(mul(one_minus(p), log(one_minus(q)))), q),
     mul(-1, one_minus(p), d(log(one_minus(q)), q)), DOMAIN),
    (derivative_of_constant, d(Entropy(P), q), sp.Integer(0), DOMAIN),
    (derivative_of_constant, d(mul(p, log(p)), q), sp.Integer(0), DOMAIN),
    (derivative_of_log, d(log(q), q), quotient(d(q, q), q), DOMAIN),
    (derivative_of_log, d(log(one_minus(q)), q), quotient(d(one_minus(q), q), one_minus(q)), DOMAIN),
    (derivative_of_log, d(Log(q, 2), q), mul(quotient(d(q, q), q), sp.Pow(log(2, evaluate=False), -1, evaluate=False)),
     DOMAIN),
    (derivative_of_rational, d(q, q), sp.Integer(1), DOMAIN),
    (derivative_of_rational, d(one_minus(q), q), sp.Integer(-1), DOMAIN),
    (derivative_of_rational, d(quotient(1, q), q), neg(quotient(1, q ** 2)), DOMAIN),
    (derivative_of_rational, d(quotient(p, one_minus(q)), q), quotient(p, (1 - q) ** 2), DOMAIN),
    (derivative_under_sum, d(sp.Sum(qb[i], (i, 1, n)), qb[j]), sp.Sum(d(qb[i], qb[j]), (i, 1, n)), VECTOR),
    (derivative_of_entry, d(qb[i], qb[j]), sp.KroneckerDelta(i, j, evaluate=False), VECTOR),
    (sum_of_delta, sp.Sum(mul(pb[i], sp.KroneckerDelta(i, j, evaluate=False)), (i, 1, n)), pb[j], VECTOR),
    (derivative_of_sigmoid, d(Sigmoid(z), z), mul(Sigmoid(z), add(1, neg(Sigmoid(z)))), LINE),
    (derivative_twice(add(neg(quotient(p, q)), quotient(one_minus(p), one_minus(q)))),
     sp.Derivative(CrossEntropy(P, Q), (q, 2)), d(add(neg(quotient(p, q)), quotient(one_minus(p), one_minus(q))), q),
     DOMAIN),
], ids=["sum", "sum-of-measures", "constant-factor", "constant-bracket", "entropy-is-constant-in-q",
        "expression-without-q", "log", "log-of-complement", "log-base-2", "d-q", "d-(1-q)", "d-1/q",
        "d-p/(1-q)", "under-sum", "entry", "delta", "sigmoid", "twice"])
def test_rewrites(rule, before, after, domain):
    assert_rewrites(rule, before, after, domain)


@pytest.mark.parametrize("rule, before, domain", [
    (derivative_of_sum, d(mul(p, q), q), DOMAIN),
    (derivative_of_sum, add(p, q), DOMAIN),
    (derivative_constant_factor, d(mul(q, log(q)), q), DOMAIN),  # every factor depends on q
    (derivative_constant_factor, d(log(q), q), DOMAIN),
    (derivative_of_constant, d(CrossEntropy(P, Q), q), DOMAIN),  # H(P, Q) depends on q
    (derivative_of_constant, d(sp.Sum(qb[i], (i, 1, n)), qb[j]), VECTOR),  # q_j is one of the q_i
    (derivative_of_log, d(sp.exp(q), q), DOMAIN),
    (derivative_of_rational, d(log(q), q), DOMAIN),
    (derivative_of_rational, d(sp.sqrt(q), q), DOMAIN),
    (derivative_of_rational, d(p, q), DOMAIN),  # a constant: derivative-of-constant's job
    (derivative_under_sum, d(sp.Sum(qb[i], (i, 1, q)), q), DOMAIN),  # the range moves with q
    (derivative_of_entry, d(qb[j], qb[j]), VECTOR),
    (derivative_of_entry, d(pb[i], qb[j]), VECTOR),
    (sum_of_delta, sp.Sum(pb[i], (i, 1, n)), VECTOR),
    (derivative_of_sigmoid, d(Sigmoid(2 * z), z), LINE),  # the chain rule is not this rule's
    (derivative_twice(q), d(q, q), DOMAIN),
], ids=["product-is-no-sum", "no-derivative", "all-factors-vary", "single-factor", "cross-entropy-varies",
        "sum-contains-the-entry", "exp", "log-is-not-rational", "sqrt", "constant", "moving-range", "same-entry",
        "other-vector", "no-delta", "sigmoid-of-2z", "first-order"])
def test_does_not_match(rule, before, domain):
    assert_no_match(rule, before, domain)


def test_sum_of_delta_refuses_an_index_not_known_to_be_in_range():
    unknown = Domain(constraints=(Size(n), IndexedSimplex(pb, n)))
    assert_refuses(sum_of_delta, sp.Sum(mul(pb[i], sp.KroneckerDelta(i, j, evaluate=False)), (i, 1, n)), unknown,
                   "j")


def test_sum_of_delta_records_its_condition():
    outcome = assert_rewrites(sum_of_delta, sp.Sum(mul(pb[i], sp.KroneckerDelta(i, j, evaluate=False)), (i, 1, n)),
                              pb[j], VECTOR)
    assert outcome.conditions == (sp.LessThan(j, n, evaluate=False),)
