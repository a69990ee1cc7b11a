"""derive.verify.witness: a point where the hypotheses hold exactly and a claim fails refutes an implication."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Domain, Status
from derive.core.constraints import Simplex
from derive.verify.implications import equations
from derive.verify.witness import witness

p, a, b = sp.Symbol("p"), sp.Symbol("a", positive=True), sp.Symbol("b", positive=True)
t = sp.Symbol("t", real=True)
n = sp.Symbol("n", integer=True, positive=True)
i = sp.Symbol("i", integer=True)
x = sp.IndexedBase("x")
S, S2 = sp.Sum(x[i], (i, 1, n)), sp.Sum(x[i] ** 2, (i, 1, n))
COIN = Domain(((p, sp.Interval.open(0, 1)),))
FREE = Domain()

#: (hypotheses, claims, domain, unknowns, refuted?): each ``f = 0`` assumed, each ``g = 0`` claimed
CASES = [
    # the binomial MLE solved as a Bernoulli one: p = S/n where p = S/(5n) was claimed
    ([S / p - (n - S) / (1 - p)], [p - S / (5 * n)], COIN, [p], True),
    ([a * b - b], [a - 2], FREE, [a], True),
    # the same hypothesis written twice, once negated: both hold at each root
    ([S / p - (n - S) / (1 - p), (n - S) / (1 - p) - S / p], [p - 2 * S / n], COIN, [p], True),
    # must refuse: the claim holds wherever the hypothesis does
    ([a * b - b], [a - 1], FREE, [a], False),
    ([S / p - (n - S) / (1 - p)], [p - S / n], COIN, [p], False),
    # must refuse: no root inside the domain for data of 0s and 1s (p = S/(2S - n) is never in (0, 1)), so the
    # implication is vacuous for a Bernoulli sample, whatever other data do
    ([(n - S) / (1 - p) + S / p], [p - S / n], COIN, [p], False),
    # must refuse: true of data of 0s and 1s (x_i^2 = x_i), false of others
    ([p * (S2 - S) + p * n - S], [p - S / n], COIN, [p], False),
    ([t ** 2 + 1], [t - 5], FREE, [t], False),  # no real root: vacuous
    ([p - 2], [p - 3], COIN, [p], False),  # the root leaves the domain: vacuous
    ([sp.log(a) - 1], [a - 3], FREE, [a], False),  # not a rational function: not looked at
    ([(t - 1) / (t - 1)], [t - 7], FREE, [t], False),  # the root makes the denominator 0: no point
]


@pytest.mark.parametrize(("hypotheses", "claims", "domain", "unknowns", "refuted"), CASES,
                         ids=[f"{c[0]} => {c[1]}" for c in CASES])
def test_witness(hypotheses: list, claims: list, domain: Domain, unknowns: list, refuted: bool) -> None:
    found = witness(hypotheses, claims, domain, unknowns)
    assert (found is not None) == refuted, found
    if found is not None:
        point = dict(found.counterexample)
        assert found.status is Status.REFUTED
        assert all(sp.simplify(h.xreplace({k: v for k, v in point.items() if not isinstance(k, sp.Indexed)})
                               .doit().xreplace(point)) == 0 for h in hypotheses)


def test_an_unknown_a_joint_constraint_ties_is_not_moved() -> None:
    q1, q2 = sp.symbols("q1 q2")
    simplex = Domain(constraints=(Simplex((q1, q2)),))
    assert witness([q1 - 2 * q2], [q1 - 1], simplex, [q1]) is None


def test_an_implication_not_solved_for_every_value_is_refuted_at_a_witness() -> None:
    m = sp.Symbol("m", integer=True)  # perhaps 0: p = S/m is no solution for every m
    total = sp.Sum(x[i], (i, 1, m))
    verdict = equations(sp.Eq(total / p - (m - total) / (1 - p), 0), sp.Eq(p, total / (5 * m)), "implies", COIN)
    assert verdict.status is Status.REFUTED and "the hypothesis holds at" in verdict.reason
