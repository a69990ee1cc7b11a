"""The checker of bounds and implications: proved, refuted with a counterexample, or unknown."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import DeriveError, Domain, Status
from derive.core import Step
from derive.core.system import System
from derive.core.terms import add, mul, neg, quotient
from derive.distributions.measures import KL
from derive.verify import check_relation
from derive.verify import check_step
from derive.verify.lemmas import INEQUALITIES as LEMMAS
from derive.verify.relations import order as check_order
from tests.helpers import DOMAIN, P, Q, one_minus, p, q

x = sp.Symbol("x", positive=True)
lam = sp.Symbol("lambda", positive=True)


def eq(a, b):
    return sp.Eq(a, b, evaluate=False)


@pytest.mark.parametrize("before, relation, after, status", [
    (KL(P, Q), ">=", sp.Integer(0), Status.PROVED),  # Gibbs, by trading each log for its tangent-line bound
    (sp.Integer(0), "<=", KL(P, Q), Status.PROVED),
    (KL(P, Q), "<=", sp.Integer(0), Status.REFUTED),
    (sp.log(quotient(q, p)), "<=", add(quotient(q, p), -1), Status.PROVED),
    (sp.log(quotient(q, p)), ">=", add(quotient(q, p), -1), Status.REFUTED),
    (sp.log(quotient(q, p)), "<", add(quotient(q, p), -1), Status.UNKNOWN),  # equal where q = p: never proved
    (neg(mul(p, sp.log(quotient(q, p)))), ">", neg(mul(p, add(quotient(q, p), -1))), Status.UNKNOWN),
    (neg(mul(p, sp.log(quotient(q, p)))), ">=", neg(mul(p, add(quotient(q, p), -1))), Status.PROVED),
    (add(quotient(p, q ** 2), quotient(one_minus(p), one_minus(q) ** 2)), ">", sp.Integer(0), Status.PROVED),
    (add(quotient(p, q ** 2), quotient(one_minus(p), one_minus(q) ** 2)), "<", sp.Integer(0), Status.REFUTED),
    (q, "<=", q, Status.PROVED),  # equality is a bound
    (q, "<", q, Status.REFUTED),  # but not a strict one: equal at every point
    (sp.sin(10 * q) ** 2, "<=", 1, Status.UNKNOWN),  # true, beyond the checker
    (eq(quotient(add(q, neg(p)), mul(q, one_minus(q))), 0), "iff", eq(q, p), Status.PROVED),
    (eq(add(q, neg(p)), 0), "iff", eq(q, one_minus(p)), Status.REFUTED),
    (eq(q, p), "implies", eq(q ** 2, p ** 2), Status.PROVED),
    (eq(q ** 2, p ** 2), "iff", eq(q, p), Status.PROVED),  # -p lies outside 0 < q < 1
    (System(eq(add(neg(quotient(p, q)), lam), 0), eq(add(q, one_minus(q)), 1)), "iff",
     System(eq(q, p / lam), eq(add(q, one_minus(q)), 1)), Status.PROVED),
], ids=["gibbs", "gibbs-from-below", "gibbs-reversed", "tangent-line", "tangent-line-reversed",
        "tangent-line-is-not-strict", "not-strict-under-minus",
        "tangent-line-under-minus", "positive-second-derivative", "negative-claimed", "equal", "strict-equal",
        "beyond-the-checker", "stationary-point", "wrong-solution", "implies", "positive-root", "lagrange-system"])
def test_check_relation(before, relation, after, status):
    verdict = check_relation(before, after, relation, DOMAIN)
    assert verdict.status is status, verdict
    assert (verdict.counterexample != ()) == (status is Status.REFUTED)


def test_a_step_carries_its_relation_to_the_verifier():
    step = Step("log-le-linear", sp.log(quotient(q, p)), add(quotient(q, p), -1), relation=">=")
    verdict = check_step(step, DOMAIN)
    assert verdict.status is Status.REFUTED
    assert "p = " in verdict.reason and "q = " in verdict.reason


def test_refutation_names_a_point_where_the_bound_fails():
    verdict = check_order(KL(P, Q), sp.Integer(0), DOMAIN)
    point = dict(verdict.counterexample)
    value = KL(P, Q).definition()
    from derive.distributions.semantics import denote

    assert float(denote(value).subs(point)) > 0


@pytest.mark.parametrize("lemma", LEMMAS, ids=[lemma.name for lemma in LEMMAS])
def test_each_lemma_is_true(lemma):
    """g = big - small vanishes at 1, falls before 1 and rises after it: so g >= 0, with equality only at 1."""
    g = lemma.big(x) - lemma.small(x)
    assert sp.simplify(g.subs(x, 1)) == 0
    slope = sp.diff(g, x)
    assert sp.solveset(sp.together(slope), x, sp.Interval.open(0, sp.oo)) == sp.FiniteSet(1)
    assert sp.factor(slope * (x - 1)).is_nonnegative  # the slope has the sign of x - 1


def test_a_relation_the_checker_does_not_know_is_an_error():
    with pytest.raises(DeriveError, match="bound"):
        check_relation(q, p, "~", Domain())


# -- sums over the entries of distributions of any size ----------------------------------------------------------
def _categoricals():
    from derive.distributions.indexed import SymbolicCategorical

    n = sp.Symbol("n", integer=True, positive=True)
    left, right = SymbolicCategorical(n, name="P"), SymbolicCategorical(n, name="Q")
    i = sp.Symbol("i", integer=True)
    return left, right, left.base[i], right.base[i], i, n


def _sum(body, i, n):
    return sp.Sum(body, (i, 1, n))


@pytest.mark.parametrize("case", ["gibbs", "gibbs-split", "jensen", "entropy-below-cross-entropy", "reversed"])
def test_gibbs_over_any_number_of_entries(case: str) -> None:
    from derive.distributions.measures import CrossEntropy, Entropy

    left, right, p_i, q_i, i, n = _categoricals()
    domain = Domain().merge(left.domain, right.domain)
    small, big, status = {
        "gibbs": (_sum(p_i * sp.log(q_i / p_i), i, n), sp.Integer(0), Status.PROVED),
        "gibbs-split": (-_sum(p_i * sp.log(p_i), i, n), -_sum(p_i * sp.log(q_i), i, n), Status.PROVED),
        "jensen": (_sum(p_i * sp.log(q_i / p_i), i, n), sp.log(_sum(p_i * q_i / p_i, i, n)), Status.PROVED),
        "entropy-below-cross-entropy": (Entropy(left), CrossEntropy(left, right), Status.PROVED),
        "reversed": (sp.Integer(0), _sum(p_i * sp.log(q_i / p_i), i, n), Status.REFUTED),
    }[case]
    verdict = check_relation(small, big, "<=", domain)
    assert verdict.status is status, verdict


def test_gathered_sums_merge_one_range_and_sum_a_simplex_to_one() -> None:
    from derive.verify.relations import gathered, merged_logs

    left, right, p_i, q_i, i, n = _categoricals()
    domain = Domain().merge(left.domain, right.domain)
    j = sp.Symbol("j", integer=True)
    merged = gathered(-_sum(p_i * sp.log(p_i), i, n) + 2 * sp.Sum(left.base[j], (j, 1, n)) * 0 + _sum(q_i, i, n),
                      domain)
    assert merged == 1 + _sum(-p_i * sp.log(p_i), i, n)
    assert merged_logs(p * sp.log(q) - p * sp.log(p)) == p * sp.log(q / p)
    assert merged_logs(p * sp.log(q) - q * sp.log(p)) == p * sp.log(q) - q * sp.log(p)  # two coefficients


def test_gathered_sums_never_capture_a_free_index() -> None:
    from derive.verify.relations import gathered

    i, j, n = sp.symbols("i j n", integer=True)
    f, g = sp.Function("f"), sp.Function("g")
    expr = sp.Sum(f(i), (i, 1, n)) + sp.Sum(g(j, i), (j, 1, n))  # i is free in the second sum
    assert gathered(expr, Domain()) == expr
    assert gathered(sp.Sum(f(i), (i, 1, n)) + sp.Sum(g(j), (j, 1, n)), Domain()) == sp.Sum(f(i) + g(i), (i, 1, n))
