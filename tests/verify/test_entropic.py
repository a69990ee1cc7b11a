"""derive.verify.entropic: identities and bounds between information measures, for every joint distribution."""

from __future__ import annotations

import pytest

from derive.core.domain import Domain
from derive.parse import parse_latex
from derive.verify import check_equal, check_relation
from derive.verify.entropic import INDEPENDENT


def read(tex: str):
    return parse_latex(tex, masses=True)


#: (claim, status): identities of the textbooks, and the slips people make in deriving them.
EQUALITIES = [
    (r"H(X, Y) = H(X) + H(Y \mid X)", "proved"),
    (r"I(X; Y) = H(X) - H(X \mid Y)", "proved"),
    (r"I(X; Y) = H(X) + H(Y) - H(X, Y)", "proved"),
    (r"I(X; Y \mid Z) = H(X \mid Z) - H(X \mid Y, Z)", "proved"),
    (r"H(X, Y, Z) = H(X) + H(Y \mid X) + H(Z \mid X, Y)", "proved"),
    (r"H(X) = - \sum_{x} p(x) \log p(x)", "proved"),
    (r"H(Y \mid X) = - \sum_{x, y} p(x, y) \log p(y \mid x)", "proved"),
    (r"I(X; Y) = \sum_{x, y} p(x, y) \log \frac{p(x, y)}{p(x) p(y)}", "proved"),
    (r"\sum_{y} p(x, y) = p(x)", "proved"),
    (r"\sum_{x, y} p(x, y) \log p(x) = H(X)", "refuted"),  # a sign slip
    (r"H(X, Y) = H(X) + H(Y)", "refuted"),  # only for independent variables
    (r"H(Y \mid X) = H(X \mid Y)", "refuted"),
    (r"I(X; Y) = H(X) + H(Y \mid X)", "refuted"),
    (r"\sum_{x} p(x) = 2", "refuted"),  # false for every distribution
    (r"\sum_{y} \frac{p(x, y)}{p(y)} = 1", "unknown"),  # a side with no pmf: it may be of one distribution
    (r"H(X, Y) = 2", "unknown"),  # of the distribution the text has in mind: not every one
    (r"H(X) = c H(X)", "unknown"),  # c is no variable's value: never given a number here
    # densities: integrals over the values are sums over them for identities (a pmf spread over unit bins)
    (r"\log p(x) = \log \int p(x, z) dz", "proved"),
    (r"\int q(z) \log \frac{q(z)}{p(z \mid x)} dz = \log p(x) - \mathbb{E}_{z \sim q}[\log \frac{p(x, z)}{q(z)}]",
     "proved"),  # the gap of the ELBO
    (r"\int q(z) \log \frac{q(z)}{p(z \mid x)} dz = \log p(x) + \mathbb{E}_{z \sim q}[\log \frac{p(x, z)}{q(z)}]",
     "refuted"),
    (r"\int\int p(x, y) \log p(x, y) dx dy = \int p(x) \log p(x) dx", "refuted"),
]


@pytest.mark.parametrize(("tex", "status"), EQUALITIES, ids=[t for t, _ in EQUALITIES])
def test_equalities(tex: str, status: str) -> None:
    claim = read(tex)
    verdict = check_equal(claim.lhs, claim.rhs, Domain())
    assert verdict.status.value == status, verdict.reason


#: (small, relation, big, status).
BOUNDS = [
    ("0", "<=", r"I(X; Y)", "proved"),
    (r"H(X \mid Y)", "<=", r"H(X)", "proved"),
    (r"H(X)", "<=", r"H(X, Y)", "proved"),
    (r"I(X; Y)", "<=", r"H(X)", "proved"),
    (r"H(X \mid Y, Z)", "<=", r"H(X \mid Z)", "proved"),
    (r"- \sum_x p(x) \log p(x)", "<=", r"- \sum_x p(x) \log q(x)", "proved"),  # Gibbs
    ("0", "<=", "p(x)", "proved"),
    ("0", "<=", r"D(p(x) \| q(x))", "proved"),  # Gibbs, written as a divergence
    (r"I(X; Y)", "<=", r"D(p(x, y) \| p(x) p(y))", "proved"),  # equal, so at most
    ("p(x)", "<=", "1", "proved"),
    (r"H(X)", "<=", r"H(X \mid Y)", "refuted"),
    (r"H(X) + H(Y)", "<=", r"H(X, Y)", "refuted"),
    (r"I(X; Y)", "<=", r"I(X; Y \mid Z)", "refuted"),  # conditioning can lower it
    ("0", "<", r"I(X; Y)", "unknown"),  # zero for independent variables: strictness is not Shannon's
    (r"H(X)", "<=", "1", "unknown"),  # about one distribution
    # Gibbs' inequality with a second distribution that is a conditional, or over a density
    ("0", "<=", r"\sum_z q(z) \log \frac{q(z)}{p(z \mid x)}", "proved"),
    # Gibbs' side condition: the second distribution must sum to 1 (twice a pmf does not; the gap may be negative)
    ("0", "<=", r"\sum_z q(z) \log \frac{q(z)}{2 p(z \mid x)}", "unknown"),
    ("0", "<=", r"\sum_z q(z) \log \frac{q(z)}{p(x, z) + p(z)}", "unknown"),
    (r"\mathbb{E}_{z \sim q}[\log \frac{p(x, z)}{q(z)}]", "<=", r"\log p(x)", "proved"),  # the ELBO bound
    ("0", "<=", r"\int\int p(x, y) \log \frac{p(x, y)}{p(x) p(y)} dx dy", "proved"),  # I(X; Y) of densities
    # what holds for pmfs only: a differential entropy may be negative, a density exceed 1
    ("0", "<=", r"- \int p(z) \log p(z) dz", "unknown"),
    ("0", "<=", r"- \int p(y \mid x) \log p(y \mid x) dy", "unknown"),
    (r"\int p(x, y) dy", "<=", "1", "unknown"),
    ("0", "<=", r"- \sum_z p(z) \log p(z)", "proved"),  # of a pmf it is Shannon's
]


@pytest.mark.parametrize(("small", "relation", "big", "status"), BOUNDS, ids=[f"{a} {r} {b}" for a, r, b, _ in BOUNDS])
def test_bounds(small: str, relation: str, big: str, status: str) -> None:
    verdict = check_relation(read(small), read(big), relation, Domain())
    assert verdict.status.value == status, verdict.reason


def test_independence_stated_proves_and_refutes_within_it() -> None:
    token = INDEPENDENT.set((frozenset({"X"}), frozenset({"Y"})))
    try:
        claim = read(r"H(X, Y) = H(X) + H(Y)")
        assert check_equal(claim.lhs, claim.rhs, Domain()).proved
        claim = read(r"- \sum_{x, y} p(x) p(y) \log \left(p(x) p(y)\right) = H(X) - H(Y)")
        assert check_equal(claim.lhs, claim.rhs, Domain()).status.value == "refuted"
        assert check_relation(read("I(X; Y)"), read("0"), "<=", Domain()).proved
    finally:
        INDEPENDENT.reset(token)
    claim = read(r"H(X, Y) = H(X) + H(Y)")
    assert check_equal(claim.lhs, claim.rhs, Domain()).status.value == "refuted"  # the context is gone


def test_a_refutation_names_the_distribution() -> None:
    claim = read(r"\sum_{x, y} p(x, y) \log p(x) = H(X)")
    verdict = check_equal(claim.lhs, claim.rhs, Domain())
    assert "X, Y over 2 values" in verdict.reason and "left =" in verdict.reason
