"""The minimization argument: same gradient, a unique minimum at Q = P, Gibbs' inequality, the logistic loss."""

from __future__ import annotations

from dataclasses import replace

import pytest
import sympy as sp

from derive import Status
from derive.api import MINIMIZATION_DISTS, Options, derivations
from derive.core import Derivation, Section
from derive.core.functions import Sigmoid
from derive.core.system import System
from derive.core.terms import add, neg
from derive.derivations import minimization as m
from derive.errors import DeriveError
from derive.render.printer import to_latex
from derive.verify import verify_derivation
from tests.helpers import P, Q, p, q

#: Its tests share a module fixture: one worker runs them all (pytest-xdist, --dist loadgroup).
pytestmark = pytest.mark.xdist_group("minimization")

CASES = [(dist, units) for dist in MINIMIZATION_DISTS for units in ("nats", "bits")]


@pytest.fixture(scope="module")
def built() -> dict[tuple[str, str], tuple[Derivation, ...]]:
    return {(dist, units): derivations("minimization", dist, Options(units=units)) for dist, units in CASES}


@pytest.mark.parametrize("dist, units", CASES, ids=[f"{d}-{u}" for d, u in CASES])
def test_every_step_is_proved(built, dist, units):
    for d in built[dist, units]:
        report = d.verify()
        assert report.ok, (d.slug, [(s.rule, v.reason) for s, v in report.results if not v.proved])
        assert d.slug.endswith("" if units == "nats" else "-bits")


def test_the_coin_gradient_and_its_zero():
    d = m.coin(P, Q)
    (same,) = d.sections[0].chains
    assert to_latex(same.current) == r"\frac{\partial}{\partial q} \mathrm{KL}(P \Vert Q)"
    (gradient,) = d.sections[1].chains
    assert sp.simplify(gradient.current - (q - p) / (q * (1 - q))) == 0
    (stationary,) = d.sections[2].chains
    assert stationary.hypothesis and stationary.current == sp.Eq(q, p)
    assert [s.relation for s in stationary.steps] == ["iff"] * 3
    (second,) = d.sections[3].chains
    assert second.relation == ">" and second.current == 0


@pytest.mark.parametrize("dist, solved", [
    ("categorical", "q_{1} = p_{1}"), ("categorical-n", "q_{j} = p_{j}"), ("normal", r"\sigma_{2} = \sigma_{1}"),
])
def test_the_only_stationary_point_is_q_equal_p(built, dist, solved):
    d = built[dist, "nats"][0]
    stationary = next(c for s in d.sections for c in s.chains if c.hypothesis)
    assert isinstance(stationary.current, System)
    assert solved in to_latex(stationary.current)


@pytest.mark.parametrize("dist", ["coin", "categorical", "categorical-n"])
def test_gibbs_ends_at_zero_through_a_bound(built, dist):
    gibbs = next(d for d in built[dist, "nats"] if d.slug.startswith("gibbs"))
    chain = gibbs.sections[1].chains[0]
    assert chain.relation == ">=" and chain.current == 0
    assert [s.rule for s in chain.steps if s.relation != "="] == ["log-le-linear"]
    assert gibbs.statement == sp.GreaterThan(gibbs.statement.lhs, 0, evaluate=False)


def _with_step(d: Derivation, section: int, chain: int, k: int, **changes) -> Derivation:
    c = d.sections[section].chains[chain]
    steps = c.steps[:k] + (replace(c.steps[k], **changes),) + c.steps[k + 1:]
    chains = tuple(replace(c, steps=steps) if j == chain else x for j, x in enumerate(d.sections[section].chains))
    sections = tuple(replace(s, chains=chains) if j == section else s for j, s in enumerate(d.sections))
    return replace(d, sections=sections)


def test_a_reversed_inequality_is_refuted():
    d = m.gibbs(P, Q)
    chain = d.sections[1].chains[0]
    k = next(k for k, s in enumerate(chain.steps) if s.relation == ">=")
    report = verify_derivation(_with_step(d, 1, 0, k, relation="<="))
    bad = [(s, v) for s, v in report.results if not v.proved]
    assert len(bad) == 1 and bad[0][1].status is Status.REFUTED and bad[0][1].counterexample


def test_a_wrong_second_derivative_sign_is_refuted():
    d = m.coin(P, Q)
    report = verify_derivation(_with_step(d, 3, 0, 4, relation="<"))
    assert [v.status for _, v in report.results if not v.proved] == [Status.REFUTED]


def test_a_wrong_stationary_point_is_refuted():
    d = m.coin(P, Q)
    stationary = d.sections[2].chains[0]
    wrong = sp.Eq(q, add(1, neg(p)), evaluate=False)
    report = verify_derivation(_with_step(d, 2, 0, len(stationary.steps) - 1, after=wrong))
    bad = [v for _, v in report.results if not v.proved]
    assert len(bad) == 1 and bad[0].status is Status.REFUTED


def test_the_logistic_gradient_is_prediction_minus_target():
    z = sp.Symbol("z", real=True)
    d = m.logistic(P, z)
    assert d.verify().ok
    assert sp.simplify(d.sections[1].chains[0].current - (Sigmoid(z) - p)) == 0
    stable = d.sections[2].chains[0].current
    assert stable.has(sp.Max, sp.Abs) and to_latex(stable).startswith(r"\max\left(0, z\right)")


def test_the_relation_holds_in_any_base():
    from derive.api import article_coins, categoricals_n
    from derive.derivations import kl_cross_entropy

    for pair in (article_coins(), categoricals_n()):
        d = kl_cross_entropy(*pair, units="any")
        assert d.verify().ok and d.slug.endswith("-any-base")
        assert r"\log_{b}" in to_latex(d.chains[0].steps[-1].after)


def test_minimization_refuses_what_it_cannot_do():
    with pytest.raises(DeriveError, match="units"):
        m.coin(P, Q, units="any")
    with pytest.raises(DeriveError, match="topic"):
        derivations("nope", "coin")
    with pytest.raises(DeriveError, match="exponential"):
        derivations("minimization", "exponential")
