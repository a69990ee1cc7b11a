"""The positive families (Chi2, Chi, InverseGamma, Pareto, Weibull): parameters refused, densities against SciPy,
and entropies and KL divergences (same family and across families) against SciPy quadrature of the densities."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
import sympy as sp
from scipy import integrate, stats

from derive.closed_forms import entropy_form, kl_form
from derive.distributions.continuous import Exponential, Gamma
from derive.distributions.positive import POSITIVE_FAMILIES, Chi, Chi2, InverseGamma, Pareto, Weibull
from derive.errors import DeriveWarning, InvalidParameter

RTOL = 1e-7
SEED = 16

#: SciPy's twin of each family, written here from derive's (PyTorch) parameters.
TWIN = {
    Chi2: lambda df: stats.chi2(df),
    Chi: lambda df: stats.chi(df),
    InverseGamma: lambda a, rate: stats.invgamma(a, scale=rate),
    Pareto: lambda scale, alpha: stats.pareto(alpha, scale=scale),
    Weibull: lambda scale, k: stats.weibull_min(k, scale=scale),
    Exponential: lambda rate: stats.expon(scale=1 / rate),
    Gamma: lambda a, rate: stats.gamma(a, scale=1 / rate),
}


def _draw(cls: type, rng: np.random.Generator) -> tuple[float, ...]:
    """Random parameters, away from the edges where quadrature loses digits."""
    def u(lo: float, hi: float) -> float:  # 3 decimals: SymPy's exact rational powers stay small
        return round(rng.uniform(lo, hi), 3)

    return {Chi2: lambda: (u(1, 9),), Chi: lambda: (u(1, 9),), InverseGamma: lambda: (u(1.5, 6), u(0.3, 4)),
            Pareto: lambda: (u(0.3, 3), u(0.5, 6)), Weibull: lambda: (u(0.3, 3), u(0.7, 4)),
            Exponential: lambda: (u(0.2, 4),), Gamma: lambda: (u(0.8, 6), u(0.2, 4))}[cls]()


def _exact(params: tuple[float, ...]) -> tuple[sp.Rational, ...]:
    return tuple(sp.Rational(repr(v)) for v in params)


def _pieces(p) -> list[tuple[float, float]]:
    """P's support cut where P has most of its mass; the last piece runs to infinity (heavy tails)."""
    lo = max(float(p.support()[0]), float(p.ppf(1e-17)))
    cuts = sorted({lo, *(float(p.ppf(c)) for c in (0.05, 0.5, 0.95, 0.999))})
    return list(zip(cuts, cuts[1:])) + [(cuts[-1], math.inf)]


def _quad(p, weight) -> float:
    """``int p(x) weight(log p(x), x)`` over P's support by quadrature (``0 log 0 = 0``)."""

    def integrand(x: float) -> float:
        lp = p.logpdf(x)
        return 0.0 if lp == -math.inf else math.exp(lp) * weight(lp, x)

    return sum(integrate.quad(integrand, a, b, epsabs=1e-14, epsrel=1e-12, limit=500)[0] for a, b in _pieces(p))


def quad_kl(p, q) -> float:
    """``KL(P || Q) = int p (log p - log q)`` by quadrature."""
    return _quad(p, lambda lp, x: lp - q.logpdf(x))


def quad_entropy(p) -> float:
    """``H(P) = -int p log p`` by quadrature."""
    return _quad(p, lambda lp, x: -lp)


# -- parameters --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("make, message", [
    (lambda: Chi2(0), "Chi2 degrees of freedom must lie in (0, oo), got 0"),
    (lambda: Chi2(-1.5), "Chi2 degrees of freedom"),
    (lambda: Chi(0), "Chi degrees of freedom"),
    (lambda: InverseGamma(0, 1), "InverseGamma concentration"),
    (lambda: InverseGamma(1, -1), "InverseGamma rate"),
    (lambda: Pareto(0, 1), "Pareto scale"),
    (lambda: Pareto(1, -2), "Pareto shape alpha"),
    (lambda: Weibull(-1, 1), "Weibull scale"),
    (lambda: Weibull(1, 0), "Weibull concentration"),
    (lambda: Weibull(1, sp.oo), "Weibull concentration"),
    (lambda: Pareto(sp.Symbol("s", negative=True), 1), "outside"),
    (lambda: Chi2(1, 2), "takes 1 parameters (df), got 2"),
    (lambda: Weibull(sp.Symbol("x", real=True), 1), "cannot use x"),
])
def test_invalid_parameters_are_refused(make, message):
    with pytest.raises(InvalidParameter) as err:
        make()
    assert message in str(err.value)


@pytest.mark.parametrize("cls, letters", [
    (Chi2, ("nu_1",)), (Chi, ("nu_1",)), (InverseGamma, ("alpha_1", "beta_1")), (Pareto, ("s_1", "alpha_1")),
    (Weibull, ("lambda_1", "k_1")),
])
def test_symbolic_members_and_supports(cls, letters):
    d = cls.symbolic(1)
    assert tuple(map(str, d.params)) == letters
    assert d.domain.intervals == tuple((s, sp.Interval.open(0, sp.oo)) for s in d.params)
    assert d.bounds == ((d.params[0], sp.oo) if cls is Pareto else (0, sp.oo))
    assert cls in POSITIVE_FAMILIES


# -- densities ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("cls, params, points", [
    (Chi2, (3,), (0.2, 1.0, 4.5)),
    (Chi2, (0.5,), (0.01, 1.0, 3.0)),
    (Chi, (2.5,), (0.3, 1.0, 2.7)),
    (InverseGamma, (2, 3), (0.5, 1.5, 6.0)),
    (Pareto, (2, 1.5), (2.0, 2.5, 10.0)),
    (Weibull, (1.5, 0.8), (0.1, 1.0, 4.0)),
    (Weibull, (2, 3), (0.5, 2.0, 3.0)),
])
def test_density_matches_scipy(cls, params, points):
    d, ref = cls(*params), TWIN[cls](*params)
    for x in points:
        assert float(d.pmf(sp.Float(x, 30))) == pytest.approx(ref.pdf(x), rel=1e-12), x


def test_density_is_zero_below_the_pareto_scale():
    assert Pareto(2, 3).pmf(1) == 0 and Pareto(2, 3).pmf(2) == sp.Rational(3, 2)
    assert Weibull(1, 2).pmf(-1) == 0 == InverseGamma(2, 1).pmf(-3)


# -- same family: entropy and KL against quadrature -------------------------------------------------------------

@pytest.mark.parametrize("cls", POSITIVE_FAMILIES, ids=[c.family for c in POSITIVE_FAMILIES])
def test_same_family_kl_and_entropy_match_quadrature(cls):
    P, Q = cls.symbolic(1), cls.symbolic(2, name="Q")
    kl, h = kl_form(P, Q), entropy_form(P)
    assert kl.closed and h.closed and not kl.value.has(sp.Integral)
    rng = np.random.default_rng([SEED, POSITIVE_FAMILIES.index(cls)])
    for _ in range(3):
        p, q = _draw(cls, rng), _draw(cls, rng)
        if cls is Pareto:
            q = (round(p[0] * q[0] / 3, 3), q[1])  # Q's support [scale_Q, oo) holds P's
        point = dict(zip(P.params + Q.params, _exact(p) + _exact(q)))
        got = float(sp.N(kl.value.xreplace(point), 30))
        assert got == pytest.approx(quad_kl(TWIN[cls](*p), TWIN[cls](*q)), rel=RTOL), (p, q)
        got = float(sp.N(h.value.xreplace(point), 30))
        assert got == pytest.approx(quad_entropy(TWIN[cls](*p)), rel=RTOL), p


@pytest.mark.parametrize("cls", POSITIVE_FAMILIES, ids=[c.family for c in POSITIVE_FAMILIES])
def test_kl_of_a_member_with_itself_is_zero(cls):
    P = cls.symbolic(1)
    assert kl_form(P, P.func(*P.params, name="Q")).value == 0


def test_symbolic_forms_carry_no_condition_the_domain_decides():
    weibull = kl_form(Weibull.symbolic(1), Weibull.symbolic(2, name="Q"))
    assert not weibull.value.has(sp.Piecewise) and "weibull: moment of order c" in weibull.facts
    pareto = kl_form(Pareto.symbolic(1), Pareto.symbolic(2, name="Q"))
    (s1, a1), (s2, a2) = Pareto.symbolic(1).params, Pareto.symbolic(2).params
    assert isinstance(pareto.value, sp.Piecewise) and "infinite unless s_2 <= s_1" in pareto.reason
    assert pareto.value.xreplace({s1: 1, s2: 2, a1: 1, a2: 1}) == sp.oo
    assert pareto.value.xreplace({s1: 2, s2: 1, a1: 1, a2: 1}) == sp.log(2)


# -- across families ----------------------------------------------------------------------------------------------

CROSS = [(Pareto, Exponential), (Weibull, Gamma), (Weibull, Exponential), (Exponential, Weibull), (Gamma, Weibull),
         (Chi2, Gamma), (Gamma, Chi2), (Chi2, Exponential), (InverseGamma, Exponential), (Pareto, Gamma),
         (Chi, Weibull), (Weibull, Chi)]


@pytest.mark.parametrize("P_cls, Q_cls", CROSS, ids=[f"{p.family}-{q.family}" for p, q in CROSS])
def test_cross_family_kl_matches_quadrature(P_cls, Q_cls):
    P, Q = P_cls.symbolic(1), Q_cls.symbolic(2, name="Q")
    result = kl_form(P, Q)
    assert result.closed and not result.value.has(sp.Integral), result.reason
    rng = np.random.default_rng([SEED, CROSS.index((P_cls, Q_cls))])
    for _ in range(3):
        p, q = _draw(P_cls, rng), _draw(Q_cls, rng)
        if P_cls is Pareto:
            p = (p[0], p[1] + 1.5)  # alpha > 1: the mean is finite
        point = dict(zip(P.params + Q.params, _exact(p) + _exact(q)))
        got = float(sp.N(result.value.xreplace(point), 30))
        assert got == pytest.approx(quad_kl(TWIN[P_cls](*p), TWIN[Q_cls](*q)), rel=RTOL), (p, q)


@pytest.mark.parametrize("P, Q, reason", [
    (Pareto(1, sp.Rational(1, 2)), Exponential(1, name="Q"), "infinite"),
    (InverseGamma(sp.Rational(1, 2), 1), Gamma(2, 1, name="Q"), "infinite"),
    (Pareto(1, 2), Pareto(2, 2, name="Q"), "Q gives zero density where P has density"),
    (Exponential(1), Pareto(1, 2, name="Q"), "not inside"),
    (Weibull(1, sp.Rational(1, 2)), InverseGamma(2, 1, name="Q"), "infinite"),
])
def test_a_missing_moment_or_support_makes_kl_infinite_with_a_reason(P, Q, reason):
    result = kl_form(P, Q)
    assert result.value == sp.oo and reason in result.reason
    with pytest.warns(DeriveWarning, match=reason):
        import derive
        derive.kl(P, Q)


def test_a_moment_with_a_parameter_condition_stays_piecewise():
    s, alpha, rate = sp.symbols("s alpha lambda")
    result = kl_form(Pareto(s, alpha), Exponential(rate, name="Q"))
    assert result.value.has(sp.Piecewise)
    assert result.value.xreplace({s: 1, alpha: sp.Rational(1, 2), rate: 1}) == sp.oo
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value = result.value.xreplace({s: 1, alpha: 3, rate: 2})
    assert float(value) == pytest.approx(quad_kl(stats.pareto(3, scale=1), stats.expon(scale=0.5)), rel=RTOL)
