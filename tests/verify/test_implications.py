"""derive.verify.implications: equations implying equations, by solving; a hypothesis about one entry stays there."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Categorical, Domain, Status
from derive.core.constraints import Member
from derive.core.system import System
from derive.verify import check_relation

n = sp.Symbol("n", integer=True, positive=True)
P, Q = Categorical(n=n, name="P"), Categorical(n=n, name="Q")
p, q = P.base, Q.base
j = sp.Symbol("j", integer=True, positive=True)
x = sp.Symbol("x", real=True)
y = sp.IndexedBase("y")
i = sp.Symbol("i", integer=True)
lam = sp.Symbol("lambda", positive=True)
REALS = Domain(((x, sp.Interval(-sp.oo, sp.oo)),))


def eq(a, b):
    return sp.Eq(a, b, evaluate=False)


def _domain(every: bool) -> Domain:
    return P.domain.merge(Q.domain, Domain(constraints=(Member(j, n, every),)))


def test_a_hypothesis_about_one_entry_says_nothing_of_the_others():
    """q_j = p_j for the index j: q_1 = p_1 does not follow (j need not be 1)."""
    verdict = check_relation(eq(q[j], p[j]), eq(q[1], p[1]), "implies", _domain(every=False))
    assert not verdict.proved, verdict


def test_the_same_entry_follows():
    verdict = check_relation(eq(q[j], p[j]), eq(q[j] - p[j], 0), "implies", _domain(every=False))
    assert verdict.proved, verdict


def test_a_hypothesis_declared_for_every_index_gives_every_entry():
    verdict = check_relation(eq(q[j], p[j]), eq(q[1], p[1]), "implies", _domain(every=True))
    assert verdict.proved, verdict


def test_a_sum_over_entries_needs_the_hypothesis_for_every_entry():
    i = sp.Symbol("i", integer=True, positive=True)
    lam = sp.Symbol("lambda", positive=True)
    hypothesis = System(eq(q[j], p[j] / lam), eq(sp.Sum(q[i], (i, 1, n)), 1))
    claim = eq(lam, 1)
    assert not check_relation(hypothesis, claim, "implies", _domain(every=False)).proved
    assert check_relation(hypothesis, claim, "implies", _domain(every=True)).proved


@pytest.mark.parametrize("before, after, relation, status", [
    (eq(x ** 2, 1), eq(x, 1), "implies", Status.REFUTED),
    (eq(x, 1), eq(x ** 2, 1), "implies", Status.PROVED),
    (eq(x, 1), eq(x ** 2, 1), "iff", Status.REFUTED),
    (eq(2 * x, 4), eq(x, 2), "iff", Status.PROVED),
    (eq(x ** 3, 8), eq(x, 2), "implies", Status.UNKNOWN),  # two complex roots too: not a unique solution
    # a conclusion that holds everywhere, or restates a hypothesis, needs no solving
    (System(eq(x ** 5 + x, 3), eq(sp.exp(x) + x, 2)), eq((x + 1) ** 2, x ** 2 + 2 * x + 1), "implies", Status.PROVED),
    (System(eq(x ** 5 + x, 3), eq(sp.exp(x) + x, 2)), eq(3 - x, x ** 5), "implies", Status.PROVED),
    (System(eq(x ** 5 + x, 3), eq(sp.exp(x) + x, 2)), eq(3 - x, x ** 4), "implies", Status.UNKNOWN),
    # solving one hypothesis may be enough; the one left unsolved only narrows where they hold
    (System(eq(2 * x, 4), eq(sp.exp(x) + x ** 5, 3)), eq(x ** 2, 4), "implies", Status.PROVED),
    (System(eq(2 * x, 4), eq(sp.exp(x) + x ** 5, 3)), eq(x ** 2, 5), "implies", Status.UNKNOWN),  # no refutation
    # an unknown inside a sum over the sample comes out of it by linearity
    (eq(sp.Sum(y[i] / lam - 1, (i, 1, n)), 0), eq(lam, sp.Sum(y[i], (i, 1, n)) / n), "implies", Status.PROVED),
    (eq(sp.Sum(y[i] - x, (i, 1, n)), 0), eq(x, sp.Sum(y[i], (i, 1, n)) / (n + 1)), "implies", Status.REFUTED),
], ids=["x^2=1 => x=1", "x=1 => x^2=1", "x=1 <=> x^2=1", "2x=4 <=> x=2", "x^3=8 => x=2", "identity", "restated",
        "not restated", "partly solved", "partly solved, false", "sum", "sum, false"])
def test_implications_between_equations(before, after, relation, status):
    verdict = check_relation(before, after, relation, REALS)
    if status is Status.PROVED:
        assert verdict.proved, verdict
    else:
        assert not verdict.proved, verdict
    if status is Status.UNKNOWN:
        assert verdict.status is Status.UNKNOWN, verdict


sigma = sp.Symbol("sigma", positive=True)
mu = sp.Symbol("mu", real=True)
S = sp.Sum((y[i] - mu) ** 2, (i, 1, n))
T = sp.Sum(y[i], (i, 1, n))
pr = sp.Symbol("p", real=True)
UNIT = Domain(((pr, sp.Interval.open(0, 1)),))


@pytest.mark.parametrize("before, after, domain, status", [
    # a conclusion that is the hypothesis times a factor never 0 (the score's equation cleared of denominators)
    (eq(-n / sigma + S / sigma ** 3, 0), eq(sigma ** 2, S / n), REALS, Status.PROVED),
    (eq(T / pr - (n - T) / (1 - pr), 0), eq(T * (1 - pr) - (n - T) * pr, 0), UNIT, Status.PROVED),
    (eq(T / pr - (n - T) / (1 - pr), 0), eq(pr, T / n), UNIT, Status.PROVED),
    (eq(T / pr - (n - T) / (1 - pr), 0), eq(T * (1 - pr) + (n - T) * pr, 0), UNIT, Status.UNKNOWN),  # a sign
    (eq(-n / sigma + S / sigma ** 3, 0), eq(sigma ** 2, S / n + 1), REALS, Status.UNKNOWN),
    (eq(x * (x - 1), 0), eq(x - 1, 0), REALS, Status.UNKNOWN),  # the factor x may be 0
], ids=["sigma^2", "cleared", "p-hat", "cleared, sign slip", "sigma^2, off by one", "factor may be 0"])
def test_a_multiple_of_the_hypothesis_follows(before, after, domain, status):
    verdict = check_relation(before, after, "implies", domain)
    assert verdict.proved is (status is Status.PROVED), verdict
