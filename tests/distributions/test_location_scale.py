"""Cauchy, Gumbel, HalfNormal, LogNormal, Moyal: parameters, densities, and closed forms against SciPy quadrature.

The references here use SciPy's densities (or, for the Moyal, its log-density written out) and ``quad``;
nothing comes from derive's own densities.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
import sympy as sp
from scipy import integrate, stats

from derive.closed_forms import entropy_form, kl_form
from derive.distributions.continuous import Exponential, Gamma, Normal
from derive.distributions.location_scale import (LOCATION_SCALE, Cauchy, Gumbel, HalfNormal, LogNormal, Moyal,
                                                 shifted_square)
from derive.distributions.parametric import X
from derive.errors import InvalidParameter

RTOL = 1e-7
SEED = 16

#: The same law in SciPy, from derive's (PyTorch) parameters.
TWIN = {
    Cauchy: lambda loc, scale: stats.cauchy(loc, scale),
    Gumbel: lambda loc, scale: stats.gumbel_r(loc, scale),
    HalfNormal: lambda scale: stats.halfnorm(scale=scale),
    LogNormal: lambda loc, scale: stats.lognorm(scale, scale=math.exp(loc)),
    Moyal: lambda loc, scale: stats.moyal(loc, scale),
    Normal: lambda mu, sigma: stats.norm(mu, sigma),
    Exponential: lambda rate: stats.expon(scale=1 / rate),
    Gamma: lambda a, rate: stats.gamma(a, scale=1 / rate),
}


def _draw(cls: type, rng: np.random.Generator) -> tuple[float, ...]:
    if cls is HalfNormal:
        return (rng.uniform(0.3, 3),)
    if cls is LogNormal:
        return (rng.uniform(-1, 1), rng.uniform(0.2, 1.2))
    return (rng.uniform(-2, 2), rng.uniform(0.3, 3))


def _log_density(dist: object, params: tuple, moyal: bool) -> object:
    """SciPy's log-density; the Moyal's written out (SciPy takes ``log(pdf)``, ``-inf`` where pdf underflows)."""
    if not moyal:
        return dist.logpdf
    loc, scale = params

    def log_moyal(x: float) -> float:
        z = (x - loc) / scale
        return -math.inf if -z > 700 else -(z + math.exp(-z)) / 2 - math.log(scale * math.sqrt(2 * math.pi))
    return log_moyal


def quad_measure(p: tuple[type, tuple], q: tuple[type, tuple] | None) -> float:
    """``KL(P || Q)`` (or ``H(P)`` when ``q`` is None) by quadrature of SciPy's densities over P's support."""
    (pc, pp), (qc, qp) = p, q or p
    P, Q = TWIN[pc](*pp), TWIN[qc](*qp)
    log_p, log_q = _log_density(P, pp, pc is Moyal), _log_density(Q, qp, qc is Moyal)

    def integrand(x: float) -> float:
        lp = log_p(x)
        density = 0.0 if lp == -math.inf else math.exp(lp)
        if density == 0.0:
            return 0.0
        return density * (-lp if q is None else lp - log_q(x))

    lo, hi = P.support()
    cuts = {float(P.ppf(v)) for v in (1e-9, 0.01, 0.5, 0.99)} | {float(P.isf(1e-9)), float(lo), float(hi)}
    if pc is Cauchy:  # heavy tails: cuts spread out geometrically
        cuts |= {pp[0] + sign * pp[1] * 10.0 ** k for k in range(12) for sign in (-1, 1)}
    cuts = sorted(c for c in cuts if lo <= c <= hi)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sum(integrate.quad(integrand, a, b, epsabs=1e-14, epsrel=1e-12, limit=500)[0]
                   for a, b in zip(cuts, cuts[1:]))


# -- parameters ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("make, message", [
    (lambda: Cauchy(0, 0), "Cauchy scale must lie in (0, oo), got 0"),
    (lambda: Cauchy(sp.oo, 1), "Cauchy location"),
    (lambda: Gumbel(0, -1), "Gumbel scale"),
    (lambda: HalfNormal(0), "HalfNormal scale"),
    (lambda: HalfNormal(1, 2), "takes 1 parameters (scale), got 2"),
    (lambda: LogNormal(0, -0.5), "LogNormal scale"),
    (lambda: Moyal(0, 0), "Moyal scale"),
    (lambda: Moyal(sp.Symbol("m"), sp.Symbol("s", negative=True)), "outside"),
    (lambda: Gumbel(sp.Symbol("s"), sp.Symbol("s")), "distinct symbols"),
    (lambda: Cauchy(X, 1), "cannot use x"),
])
def test_invalid_parameters_are_refused(make, message):
    with pytest.raises(InvalidParameter) as err:
        make()
    assert message in str(err.value)


@pytest.mark.parametrize("cls, letters, support", [
    (Cauchy, "mu_1 gamma_1", sp.Reals), (Gumbel, "mu_1 beta_1", sp.Reals),
    (HalfNormal, "sigma_1", sp.Interval(0, sp.oo)),
    (LogNormal, "mu_1 sigma_1", sp.Interval.open(0, sp.oo)), (Moyal, "mu_1 sigma_1", sp.Reals),
])
def test_symbolic_members_and_supports(cls, letters, support):
    d = cls.symbolic(1)
    assert [str(v) for v in d.params] == letters.split() and d.support == support
    assert cls in LOCATION_SCALE and d.notation.startswith(r"\mathrm{")


def test_lognormal_is_written_with_its_variance():
    m, s = sp.symbols("m s")
    assert LogNormal(m, s).shown_params == (m, s ** 2)


# -- densities -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("cls, params, points", [
    (Cauchy, (0.5, 2), (-30, -1, 0.5, 4)),
    (Gumbel, (-1, 0.7), (-3, -1, 0, 5)),
    (HalfNormal, (1.5,), (0, 0.2, 1, 6)),
    (LogNormal, (0.3, 0.8), (0.01, 0.5, 1, 9)),
    (Moyal, (1, 2), (-2, 0, 1, 20)),
])
def test_density_matches_scipy(cls, params, points):
    d, ref = cls(*params), TWIN[cls](*params)
    for x in points:
        assert float(d.pmf(sp.Float(x, 30))) == pytest.approx(ref.pdf(x), rel=1e-12), x


@pytest.mark.parametrize("d, x", [(HalfNormal(1), -1), (LogNormal(0, 1), 0), (LogNormal(0, 1), -2)])
def test_density_is_zero_off_the_support(d, x):
    assert d.pmf(x) == 0


# -- closed forms: same family ---------------------------------------------------------------------------

CASES = [(cls, k) for cls in LOCATION_SCALE for k in range(3)]


@pytest.mark.parametrize("cls, k", CASES, ids=[f"{c.family}-{k}" for c, k in CASES])
def test_entropy_and_kl_match_quadrature(cls, k):
    rng = np.random.default_rng([SEED, LOCATION_SCALE.index(cls), k])
    pp, qp = _draw(cls, rng), _draw(cls, rng)
    P, Q = cls(*(sp.nsimplify(v) for v in pp)), cls(*(sp.nsimplify(v) for v in qp), name="Q")
    h, d = entropy_form(P), kl_form(P, Q)
    assert h.closed and d.closed, (h.reason, d.reason)
    assert float(sp.N(h.value, 30)) == pytest.approx(quad_measure((cls, pp), None), rel=RTOL)
    assert float(sp.N(d.value, 30)) == pytest.approx(quad_measure((cls, pp), (cls, qp)), rel=RTOL)


@pytest.mark.parametrize("cls, facts", [
    (Cauchy, {"cauchy: mean log of a shifted square"}),
    (Gumbel, {"gumbel: mean", "gumbel: exponential moment"}),
    (HalfNormal, {"halfnormal: second moment"}),
    (LogNormal, {"lognormal: mean log", "lognormal: mean squared log"}),
    (Moyal, {"moyal: mean", "moyal: exponential moment"}),
])
def test_same_family_kl_names_its_facts(cls, facts):
    result = kl_form(cls.symbolic(1), cls.symbolic(2, name="Q"))
    assert result.closed and set(result.facts) == facts and not result.value.has(sp.Piecewise)


def test_cauchy_kl_is_the_textbook_formula():
    (m1, g1), (m2, g2) = Cauchy.symbolic(1).params, Cauchy.symbolic(2).params
    value = kl_form(Cauchy.symbolic(1), Cauchy.symbolic(2, name="Q")).value
    textbook = sp.log((g1 + g2) ** 2 + (m1 - m2) ** 2) - sp.log(4 * g1 * g2)
    positive = {g1: sp.Symbol("g1", positive=True), g2: sp.Symbol("g2", positive=True)}
    assert sp.simplify(sp.expand_log((value - textbook).xreplace(positive), force=True)) == 0


# -- closed forms: pairs of families ---------------------------------------------------------------------

PAIRS = [
    ((Gumbel, (0.5, 1.5)), (Normal, (-0.3, 2.0))),
    ((Normal, (0.2, 0.8)), (Gumbel, (-0.5, 1.3))),
    ((HalfNormal, (1.3,)), (Exponential, (0.7,))),
    ((Moyal, (0.4, 0.9)), (Normal, (1.0, 2.5))),
    ((Normal, (0.4, 0.9)), (Moyal, (1.0, 1.7))),
    ((Gumbel, (0.4, 0.9)), (Moyal, (-1.0, 1.7))),
    ((LogNormal, (0.1, 0.6)), (Gamma, (2.0, 1.5))),
    ((HalfNormal, (0.8,)), (Gamma, (1.5, 2.0))),
]


@pytest.mark.parametrize("p, q", PAIRS, ids=[f"{p[0].family}-{q[0].family}" for p, q in PAIRS])
def test_cross_family_kl_matches_quadrature(p, q):
    result = kl_form(p[0](*(sp.nsimplify(v) for v in p[1])), q[0](*(sp.nsimplify(v) for v in q[1]), name="Q"))
    assert result.closed, result.reason
    assert float(sp.N(result.value, 30)) == pytest.approx(quad_measure(p, q), rel=RTOL)


def test_normal_against_cauchy_has_no_closed_form_and_says_so():
    result = kl_form(Normal(0, 1), Cauchy(1, 2, name="Q"))
    assert not result.closed and result.value.has(sp.Integral)
    assert "E[log(x**2 - 2*x + 5)] under normal P" in result.reason


def test_cauchy_against_normal_is_left_open():
    """E[X] and E[X^2] do not exist under a Cauchy: derive has no fact for them, so the integral stays."""
    result = kl_form(Cauchy(0, 1), Normal(0, 1, name="Q"))
    assert not result.closed and "E[x**2]" in result.reason


def test_a_half_line_does_not_cover_the_reals():
    result = kl_form(Cauchy(0, 1), HalfNormal(1, name="Q"))
    assert result.infinite and "zero density" in result.reason


# -- the facts' free constants -------------------------------------------------------------------------

@pytest.mark.parametrize("g, expected", [
    (sp.log(X ** 2 + 9), (0, 3)),
    (sp.log(X ** 2 - 2 * X + 5), (1, 2)),
    (sp.log(sp.expand((X - sp.Symbol("l")) ** 2 + sp.Symbol("s") ** 2)), (sp.Symbol("l"), sp.Symbol("s"))),
    (sp.log(X ** 2 - 4), None),
    (sp.log(2 * X ** 2 + 1), None),
    (sp.log(X ** 3 + 1), None),
    (X ** 2 + 1, None),
    (sp.log(sp.Integer(3)), None),
])
def test_shifted_square(g, expected):
    assert shifted_square(g) == expected


@pytest.mark.parametrize("d, g, expected", [
    (Gumbel(0, 1), sp.exp(-X), 1),
    (Gumbel(0, 1), sp.exp(X / 2), sp.sqrt(sp.pi)),
    (Gumbel(0, 1), sp.exp(2 * X), sp.oo),
    (Moyal(0, 1), sp.exp(-X), 1),
    (Moyal(0, 1), sp.exp(X), sp.oo),
    (Cauchy(0, 1), sp.log(X ** 2 + 1), 2 * sp.log(2)),
])
def test_exponential_moments_and_where_they_diverge(d, g, expected):
    value, _ = d.expect(g)
    assert value == expected or sp.simplify(value - expected) == 0
