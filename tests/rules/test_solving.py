"""Equation solving: each rewrite is an equivalence, which the checker proves both ways."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Domain, Rewrite
from derive.core.system import System
from derive.core.terms import add, mul, neg, quotient
from derive.render.printer import to_latex
from derive.rules import solve_for, substitute_solution, zero_quotient
from derive.verify import check_relation
from tests.helpers import DOMAIN, assert_no_match, assert_refuses, one_minus, p, q

lam = sp.Symbol("lambda", positive=True)
s1, s2, m1, m2 = sp.symbols("sigma_1 sigma_2 mu_1 mu_2")
GAUSS = Domain.of(sigma_1=sp.Interval.open(0, sp.oo), sigma_2=sp.Interval.open(0, sp.oo),
                  mu_1=sp.Interval.open(-sp.oo, sp.oo), mu_2=sp.Interval.open(-sp.oo, sp.oo))


def eq(a, b):
    return sp.Eq(a, b, evaluate=False)


def assert_equivalent_rewrite(rule, before, after, domain):
    outcome = rule.apply(before, domain)
    assert isinstance(outcome, Rewrite), f"{rule.name} should rewrite {before}, got {outcome!r}"
    assert to_latex(outcome.expr) == to_latex(after)
    verdict = check_relation(before, outcome.expr, "iff", domain)
    assert verdict.proved, verdict
    return outcome


@pytest.mark.parametrize("rule, before, after, domain", [
    (zero_quotient, eq(quotient(add(q, neg(p)), mul(q, one_minus(q))), 0), eq(add(q, neg(p)), 0), DOMAIN),
    (zero_quotient, System(eq(quotient(add(m2, neg(m1)), s2 ** 2), 0), eq(s2, s1)),
     System(eq(add(m2, neg(m1)), 0), eq(s2, s1)), GAUSS),
    (solve_for(q), eq(add(q, neg(p)), 0), eq(q, p), DOMAIN),
    (solve_for(q), eq(add(neg(quotient(p, q)), lam), 0), eq(q, p / lam), DOMAIN),
    (solve_for(s2), eq(s2 ** 2 - s1 ** 2, 0), eq(s2, s1), GAUSS),  # the negative root lies outside s2 > 0
    (solve_for(m2, s2), System(eq(m2 - m1, 0), eq(s2 ** 2 - s1 ** 2, 0)), System(eq(m2, m1), eq(s2, s1)), GAUSS),
    (substitute_solution(m2), System(eq(m2, m1), eq(s2 ** 2 - s1 ** 2 - (m1 - m2) ** 2, 0)),
     System(eq(m2, m1), eq(s2 ** 2 - s1 ** 2, 0)), GAUSS),
    # found by test_properties.py: the substituted equation became True, and System refused it
    (substitute_solution(m2), System(eq(m2, m1), eq(m1, m2)), System(eq(m2, m1), eq(m1, m1)), GAUSS),
], ids=["quotient", "system", "linear", "lagrange", "positive-root", "system-in-order", "substitute",
        "substitute-into-its-own-equation"])
def test_equivalences(rule, before, after, domain):
    assert_equivalent_rewrite(rule, before, after, domain)


@pytest.mark.parametrize("rule, before, domain", [
    (zero_quotient, eq(add(q, neg(p)), 0), DOMAIN),  # no denominator
    (zero_quotient, eq(quotient(q, p), 1), DOMAIN),  # not "= 0"
    (solve_for(q), eq(q, p), DOMAIN),  # already solved
    (solve_for(q), eq(q ** 2 - p, 0), Domain()),  # two roots and nothing to choose between them
    (solve_for(lam), eq(add(q, neg(p)), 0), DOMAIN),  # the unknown does not occur
    (substitute_solution(q), eq(q, p), DOMAIN),  # not a system
], ids=["no-denominator", "not-zero", "already-solved", "two-roots", "absent-unknown", "no-system"])
def test_does_not_match(rule, before, domain):
    assert_no_match(rule, before, domain)


def test_zero_quotient_refuses_a_denominator_that_may_vanish():
    x = sp.Symbol("x", real=True)
    assert_refuses(zero_quotient, eq(quotient(p, x), 0), DOMAIN, "x")


def test_a_wrong_solution_is_refuted_by_the_checker():
    verdict = check_relation(eq(add(q, neg(p)), 0), eq(q, one_minus(p)), "iff", DOMAIN)
    assert verdict.status.value == "refuted" and verdict.counterexample
