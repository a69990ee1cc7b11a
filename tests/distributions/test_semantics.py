"""derive.distributions.semantics.known_moments: expectations under a family, by the family's moment facts."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Binomial, Normal, Poisson
from derive.distributions.measures import Prob
from derive.distributions.semantics import known_moments, with_moments

n, p, lam, mu, s = sp.symbols("n p lambda mu s")
BIN = Binomial(n, p)
K, N, PB = BIN.variable, BIN.n, BIN.p
POI = Poisson(lam, name="Q")
NORM = Normal(mu, s, name="R")


def test_a_symbolic_number_of_trials_is_a_positive_integer() -> None:
    assert N.is_integer and N.is_positive and BIN.support == sp.Range(0, N + 1)


#: (aggregate, its value by the facts)
KNOWN = [
    (BIN.sum_over(K * Prob(BIN, K), K), N * PB),
    (BIN.sum_over(Prob(BIN, K), K), 1),  # the total mass
    (BIN.sum_over((K - N * PB) ** 2 * Prob(BIN, K), K), N * PB * (1 - PB)),
    (POI.sum_over(3 * POI.variable ** 2 * Prob(POI, POI.variable), POI.variable), 3 * (POI.rate + POI.rate ** 2)),
    (NORM.sum_over(NORM.variable * Prob(NORM, NORM.variable), NORM.variable), NORM.mu),
    (NORM.sum_over(sp.Mul(0, Prob(NORM, NORM.variable), evaluate=False), NORM.variable), 0),  # nothing to add
]


@pytest.mark.parametrize(("aggregate", "value"), KNOWN, ids=[str(k[0]) for k in KNOWN])
def test_known_moments(aggregate: sp.Basic, value: sp.Basic) -> None:
    found = known_moments(aggregate)
    assert found is not None and sp.expand(found - value) == 0


def test_terms_without_a_fact_stay_an_aggregate() -> None:
    found = known_moments(BIN.sum_over((K + K ** 3) * Prob(BIN, K), K))
    assert sp.expand(found - N * PB - sp.Sum(K ** 3 * Prob(BIN, K), (K, 0, N))) == 0


REFUSED = [
    sp.Sum(K * Prob(BIN, K), (K, 1, N)),  # not over the support
    BIN.sum_over(K ** 3 * Prob(BIN, K), K),  # no fact for the body
    BIN.sum_over(K * Prob(BIN, K) * Prob(BIN, K), K),  # a square of the mass
    BIN.sum_over(K * Prob(POI, K), K),  # another distribution's mass over this support
    sp.Sum(K * Prob(BIN, N), (K, 0, N)),  # the mass at another point
]


@pytest.mark.parametrize("aggregate", REFUSED, ids=[str(r) for r in REFUSED])
def test_refused(aggregate: sp.Basic) -> None:
    assert known_moments(aggregate) is None


def test_with_moments_replaces_each_expectation_it_knows() -> None:
    mean = BIN.sum_over(K * Prob(BIN, K), K)
    other = BIN.sum_over(K ** 3 * Prob(BIN, K), K)
    assert sp.expand(with_moments(2 * mean + other) - 2 * N * PB - other) == 0
    assert with_moments(N + 1) == N + 1
