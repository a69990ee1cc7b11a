"""ContinuousBernoulli and VonMises: parameters refused, densities against SciPy, same-family KL and entropy
against SciPy quadrature at seeded random points, and the continuous Bernoulli at and next to 1/2."""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
import sympy as sp
from scipy import integrate

import derive
from derive.closed_forms import entropy_form, kl_form
from derive.distributions.bounded import BOUNDED, ContinuousBernoulli, VonMises, normalizer
from derive.distributions.parametric import C, Fact
from derive.errors import InvalidParameter

from tests.distributions.bounded_proofs import SPECIAL_PROOFS
from tests.distributions.scipy_families import SCIPY, draw

RTOL = 1e-7
HALF = sp.Rational(1, 2)


@pytest.mark.parametrize("make, message", [
    (lambda: ContinuousBernoulli(0), "ContinuousBernoulli probability must lie in (0, 1), got 0"),
    (lambda: ContinuousBernoulli(1), "ContinuousBernoulli probability"),
    (lambda: ContinuousBernoulli(1.5), "ContinuousBernoulli probability"),
    (lambda: ContinuousBernoulli(-0.25), "ContinuousBernoulli probability"),
    (lambda: ContinuousBernoulli(sp.Symbol("l", negative=True)), "outside"),
    (lambda: ContinuousBernoulli(0.5, 0.5), "takes 1 parameters"),
    (lambda: VonMises(0, 0), "VonMises concentration must lie in (0, oo), got 0"),
    (lambda: VonMises(0, -1), "VonMises concentration"),
    (lambda: VonMises(sp.oo, 1), "VonMises location"),
    (lambda: VonMises(sp.Symbol("m", real=False), 1), "outside"),
    (lambda: VonMises(sp.Symbol("x", real=True), 1), "cannot use x"),
    (lambda: VonMises(1), "takes 2 parameters (loc, concentration), got 1"),
])
def test_invalid_parameters_are_refused(make, message):
    with pytest.raises(InvalidParameter) as err:
        make()
    assert message in str(err.value)


def test_registered_and_exported():
    assert BOUNDED == (ContinuousBernoulli, VonMises)
    assert derive.ContinuousBernoulli is ContinuousBernoulli and derive.VonMises is VonMises
    assert ContinuousBernoulli.symbolic(1).params == (sp.Symbol("lambda_1"),)
    assert VonMises.symbolic(2).params == (sp.Symbol("mu_2"), sp.Symbol("kappa_2"))
    assert ContinuousBernoulli(0.25).support == sp.Interval(0, 1)
    assert VonMises(0, 1).support == sp.Interval.Ropen(-sp.pi, sp.pi)


@pytest.mark.parametrize("params, points", [
    ((0.3,), (0.0, 0.2, 0.5, 0.9, 1.0)),
    ((0.8,), (0.0, 0.4, 1.0)),
    ((0.5,), (0.0, 0.3, 1.0)),
    ((0.5 + 1e-6,), (0.1, 0.7)),
    ((1.0, 2.0), (-3.0, -1.0, 0.0, 1.0, 3.1)),
    ((-2.5, 0.4), (-3.1, 0.0, 2.0)),
    ((5.0, 3.0), (-2.0, 0.0, 1.0)),  # a location outside [-pi, pi): the density is periodic
])
def test_density_matches_scipy(params, points):
    cls = ContinuousBernoulli if len(params) == 1 else VonMises
    d, ref = cls(*params), SCIPY[cls](*params)
    for x in points:
        assert float(d.pmf(sp.Float(x, 30))) == pytest.approx(float(ref.pdf(x)), rel=1e-9), x


def test_density_is_zero_off_the_support():
    assert ContinuousBernoulli(0.3).pmf(sp.Rational(3, 2)) == 0 and ContinuousBernoulli(0.3).pmf(-1) == 0
    assert VonMises(0, 1).pmf(sp.pi) == 0 and VonMises(0, 1).pmf(4) == 0 and VonMises(0, 1).pmf(-sp.pi) != 0


def reference(cls: type, measure: str, p_params: tuple, q_params: tuple) -> float:
    """KL or entropy from SciPy's densities alone, by quadrature over the support."""
    p, q = SCIPY[cls](*p_params), SCIPY[cls](*q_params)
    lo, hi = p.support()

    def integrand(x: float) -> float:
        lp = p.logpdf(x)
        return math.exp(lp) * (lp - q.logpdf(x) if measure == "kl" else -lp)

    cuts = sorted({lo, hi, *(v for v in (*p_params[:1], *q_params[:1]) if cls is VonMises and lo < v < hi)})
    return sum(integrate.quad(integrand, a, b, epsabs=1e-14, epsrel=1e-12, limit=500)[0]
               for a, b in zip(cuts, cuts[1:]))


@pytest.mark.parametrize("cls", BOUNDED, ids=[c.family for c in BOUNDED])
@pytest.mark.parametrize("measure", ["kl", "entropy"])
def test_same_family_measures_match_scipy(cls, measure):
    P, Q = cls.symbolic(1), cls.symbolic(2, name="Q")
    form = kl_form(P, Q) if measure == "kl" else entropy_form(P)
    assert form.closed and form.reason == "" and not form.value.has(sp.Integral)
    rng = np.random.default_rng([16, BOUNDED.index(cls)])
    for _ in range(3):
        p_params, q_params = draw(cls, rng), draw(cls, rng)
        point = {s: sp.nsimplify(v) for d, vs in ((P, p_params), (Q, q_params)) for s, v in zip(d.params, vs)}
        got = float(sp.N(form.value.xreplace(point), 30))
        assert got == pytest.approx(reference(cls, measure, p_params, q_params), rel=RTOL, abs=1e-12)


# -- the continuous Bernoulli at lambda = 1/2 and next to it -------------------------------------------------

def _general(expr: sp.Expr) -> sp.Expr:
    return expr.replace(lambda e: isinstance(e, sp.Piecewise), lambda e: e.args[-1].expr)


def test_the_branch_at_one_half_is_the_limit():
    lam = sp.Symbol("lambda")
    d = ContinuousBernoulli(lam)
    for expr in (normalizer(lam), *(rhs for _, _, rhs in d.expectations())):
        assert isinstance(expr, sp.Piecewise)
        assert sp.limit(_general(expr), lam, HALF) == expr.xreplace({lam: HALF})


def _mp_kl(l1: mpmath.mpf, l2: mpmath.mpf) -> mpmath.mpf:
    """KL between continuous Bernoullis at 50 digits from ``eta e^(eta x) / expm1(eta)`` (not derive's formula)."""
    def log_density(lam: mpmath.mpf, x: mpmath.mpf) -> mpmath.mpf:
        eta = mpmath.log(lam) - mpmath.log(1 - lam)
        return mpmath.mpf(0) if eta == 0 else mpmath.log(eta / mpmath.expm1(eta)) + eta * x

    return mpmath.quad(lambda x: mpmath.exp(log_density(l1, x)) * (log_density(l1, x) - log_density(l2, x)), [0, 1])


@pytest.mark.parametrize("l1, l2", [
    (HALF, HALF), (HALF, sp.Rational(3, 10)), (sp.Rational(3, 10), HALF),
    (HALF + sp.Rational(1, 10 ** 6), HALF), (HALF - sp.Rational(1, 10 ** 9), sp.Rational(7, 10)),
    (HALF + sp.Rational(1, 10 ** 12), HALF - sp.Rational(1, 10 ** 12)),
])
def test_kl_at_and_next_to_one_half(l1, l2):
    P, Q = ContinuousBernoulli(sp.Symbol("l1")), ContinuousBernoulli(sp.Symbol("l2"), name="Q")
    symbolic = kl_form(P, Q).value.xreplace({sp.Symbol("l1"): l1, sp.Symbol("l2"): l2})
    direct = kl_form(ContinuousBernoulli(l1), ContinuousBernoulli(l2, name="Q")).value
    with mpmath.workdps(50):
        want = _mp_kl(mpmath.mpf(l1.p) / l1.q, mpmath.mpf(l2.p) / l2.q)
    for value in (symbolic, direct):
        assert not value.has(sp.nan, sp.zoo)
        assert float(sp.N(value, 40)) == pytest.approx(float(want), rel=RTOL, abs=1e-30)


@pytest.mark.parametrize("lam, want", [(HALF, 0.0), (HALF + sp.Rational(1, 10 ** 8), 0.0)])
def test_entropy_at_one_half_is_that_of_the_uniform(lam, want):
    value = entropy_form(ContinuousBernoulli(lam)).value
    assert float(sp.N(value, 40)) == pytest.approx(want, abs=1e-14)


# -- von Mises ------------------------------------------------------------------------------------------------

def test_von_mises_kl_is_periodic_in_the_locations():
    P, Q = VonMises.symbolic(1), VonMises.symbolic(2, name="Q")
    value = kl_form(P, Q).value
    (m1, k1), (m2, k2) = P.params, Q.params
    kappas = {k1: sp.Rational(3, 2), k2: sp.Rational(1, 2)}
    near = value.xreplace({**kappas, m1: 1, m2: -2})
    far = value.xreplace({**kappas, m1: 1 + 2 * sp.pi, m2: -2 - 4 * sp.pi})
    assert float(near) == pytest.approx(float(far), rel=1e-12)
    assert float(near) == pytest.approx(reference(VonMises, "kl", (1, 1.5), (-2, 0.5)), rel=RTOL)


def test_von_mises_facts_match_cosines_either_way_round():
    mu, kappa, m2 = sp.symbols("mu kappa m2")
    d = VonMises(mu, kappa)
    x = d.variable
    for g in (sp.cos(x - m2), sp.cos(m2 - x)):
        value, fact = d.expect(g)
        assert fact.name == "mean cosine about c" and sp.simplify(value - fact.rhs.xreplace({C: m2})) == 0
    assert d.expect(sp.cos(x - mu))[1].name == "mean cosine about the location"
    assert d.expect(sp.cos(2 * x - m2)) is None


@pytest.mark.parametrize("key", sorted(SPECIAL_PROOFS, key=lambda k: (k[0].family, k[1])),
                         ids=lambda k: f"{k[0].family}-{k[1].replace(' ', '-')}")
def test_proofs_reject_a_wrong_value(key):
    cls, name = key
    d = cls.symbolic(1)
    fact = None if name == "total mass" else next(f for f in d.moments if f.name == name)
    SPECIAL_PROOFS[key](d, fact)
    if fact is not None:
        wrong = Fact(fact.name, fact.lhs, fact.rhs + sp.Rational(1, 7), fact.conditions, fact.body, fact.free)
        with pytest.raises(AssertionError):
            SPECIAL_PROOFS[key](d, wrong)
