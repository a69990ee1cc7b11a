"""Closed forms of H(P), H(P, Q) and KL(P || Q) against SciPy quadrature, direct sums and textbook formulas.

For each family, the closed form is derived once with symbolic parameters and
then evaluated at 5 random parameter points (fixed seed); the reference is
computed independently from SciPy's own densities: ``quad`` of ``-p log p``,
``-p log q`` and ``p log(p/q)`` over the support (continuous families) or
the sum over the support (discrete ones).  KL is also compared with a table of
textbook formulas written here.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache

import pytest
import sympy as sp
from scipy import integrate, special

from derive import Bernoulli, DeriveError
from derive.closed_forms import ClosedForm, closed_form
from derive.closed_forms import cross_entropy_form as cross_entropy, entropy_form as entropy, kl_form as kl
from derive.distributions.families import (FAMILIES, Beta, Binomial, Exponential, Gamma, Geometric, Laplace, Normal,
                                           Parametric, Poisson, Uniform)
from derive.distributions.bounded import ContinuousBernoulli, VonMises
from derive.distributions.measures import KL, CrossEntropy, Entropy
from derive.distributions.positive import Chi, Chi2, InverseGamma, Pareto, Weibull
from derive.distributions.location_scale import Cauchy, Gumbel, HalfNormal, LogNormal, Moyal
from derive.verify import check_equal

from tests.distributions.scipy_families import SCIPY, parameter_points

RTOL = 1e-7
IDS = [cls.family for cls in FAMILIES]
MEASURES = ("entropy", "cross_entropy", "kl")


def _symbols(cls: type[Parametric], suffix: str) -> tuple[sp.Symbol, ...]:
    return tuple(sp.Symbol(f"{attribute}{suffix}") for attribute, _, _ in cls.parameters)


@cache
def symbolic_pair(cls: type[Parametric]) -> tuple[Parametric, Parametric]:
    """P and Q of the family with symbolic parameters (Binomial: n = 12 for both)."""
    if cls is Binomial:
        return Binomial(12, sp.Symbol("p1")), Binomial(12, sp.Symbol("p2"), name="Q")
    return cls(*_symbols(cls, "1")), cls(*_symbols(cls, "2"), name="Q")


@cache
def symbolic_closed_forms(cls: type[Parametric]) -> dict[str, ClosedForm]:
    P, Q = symbolic_pair(cls)
    return {"entropy": entropy(P), "cross_entropy": cross_entropy(P, Q), "kl": kl(P, Q)}


def parameter_pairs(cls: type[Parametric]) -> list[tuple[tuple, tuple]]:
    """5 pairs of parameters (P, Q); Q's support contains P's (Uniform), the same n (Binomial)."""
    ps, qs = parameter_points(cls, salt=10), parameter_points(cls, salt=11)
    if cls is Uniform:
        qs = [(low - abs(q[0]) / 3, high + (q[1] - q[0]) / 2) for (low, high), q in zip(ps, qs)]
    if cls is Pareto:  # Q's support [scale_Q, oo) holds P's
        qs = [(round(p[0] * q[0] / 3, 3), q[1]) for p, q in zip(ps, qs)]
    if cls is Binomial:
        ps = [(12, p[1]) for p in ps]
        qs = [(12, q[1]) for q in qs]
    return list(zip(ps, qs))


def at(value: sp.Expr, dists: tuple[Parametric, ...], params: tuple[tuple, ...]) -> float:
    """``value`` with each distribution's symbols replaced by numbers, evaluated (sums included)."""
    point = {s: sp.nsimplify(v) for d, vs in zip(dists, params) for s, v in zip(d.params, vs)
             if isinstance(s, sp.Symbol)}
    return float(sp.N(value.xreplace(point), 30))


# -- independent references ----------------------------------------------------------------------------

def reference(cls: type[Parametric], measure: str, p_params: tuple, q_params: tuple) -> float:
    """The measure from SciPy's densities alone: quadrature over the support, or a sum."""
    P, Q = SCIPY[cls](*p_params), SCIPY[cls](*q_params)
    weight = {
        "entropy": lambda lp, lq: -lp,
        "cross_entropy": lambda lp, lq: -lq,
        "kl": lambda lp, lq: lp - lq,
    }[measure]

    def integrand(lp: float, lq: float) -> float:
        density = 0.0 if lp == -math.inf else math.exp(lp)  # 0 log 0 = 0 far in the tails
        return 0.0 if density == 0.0 else density * weight(lp, lq)

    lo, hi = P.support()
    if P.dist.name in ("poisson", "geom", "binom"):
        last = min(hi, P.mean() + 40 * P.std() + 50)  # the mass beyond is below 1e-20
        return float(sum(integrand(P.logpmf(k), Q.logpmf(k)) for k in range(int(lo), int(last) + 1)))
    # Beyond the 1e-17 quantiles the integrand is negligible (and SciPy's log-densities may underflow there).
    lo, hi = max(lo, P.ppf(1e-17)), min(hi, P.isf(1e-17))
    cuts = sorted({float(lo), float(hi), *_breakpoints(cls, p_params, q_params)})
    cuts = [c for c in cuts if lo <= c <= hi]
    total = 0.0
    for a, b in zip(cuts, cuts[1:]):
        log_p, log_q = _log_density(cls, P, p_params), _log_density(cls, Q, q_params)
        value, _ = integrate.quad(lambda x: integrand(log_p(x), log_q(x)), a, b,
                                  epsabs=1e-14, epsrel=1e-12, limit=500)
        total += value
    return total


def _log_density(cls: type[Parametric], dist: object, params: tuple) -> Callable[[float], float]:
    """SciPy's log-density; Moyal's written out, since SciPy's is ``log(pdf)``, ``-inf`` where pdf underflows."""
    if cls is not Moyal:
        return dist.logpdf
    loc, scale = params

    def log_moyal(x: float) -> float:
        z = (x - loc) / scale
        return -math.inf if -z > 700 else -(z + math.exp(-z)) / 2 - math.log(scale * math.sqrt(2 * math.pi))
    return log_moyal


def _breakpoints(cls: type[Parametric], p_params: tuple, q_params: tuple) -> list[float]:
    """Where the integrand has a kink (Laplace) or most of its mass (everywhere else)."""
    P = SCIPY[cls](*p_params)
    points = [P.mean(), P.ppf(0.05), P.ppf(0.95)]
    if cls is Laplace:
        points += [p_params[0], q_params[0]]
    if cls in (InverseGamma, Pareto):  # heavy tails: cut the tail at decades of its mass
        points += [P.isf(10.0 ** -k) for k in range(3, 17)]
    if cls is Cauchy:  # no mean; heavy tails: cuts spread out geometrically
        loc, scale = p_params
        points += [q_params[0]] + [loc + sign * scale * 10.0 ** k for k in range(17) for sign in (-1, 1)]
    return [x for x in points if math.isfinite(x)]  # (a Cauchy has no mean: nan would scramble the sorted cuts)


def textbook_kl(cls: type[Parametric], p: tuple, q: tuple) -> float:
    """KL(P || Q) from the formulas in the literature, written out here by hand."""
    psi, lgam, log = special.digamma, special.gammaln, math.log
    if cls is Normal:
        (m1, s1), (m2, s2) = p, q
        return log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - 0.5
    if cls is Exponential:
        (r1,), (r2,) = p, q
        return log(r1 / r2) + r2 / r1 - 1
    if cls is Laplace:
        (m1, b1), (m2, b2) = p, q
        d = abs(m1 - m2)
        return log(b2 / b1) + d / b2 + b1 / b2 * math.exp(-d / b1) - 1
    if cls is Uniform:
        (l1, h1), (l2, h2) = p, q
        return log((h2 - l2) / (h1 - l1))
    if cls is Gamma:
        (a1, r1), (a2, r2) = p, q
        return (a1 - a2) * psi(a1) - lgam(a1) + lgam(a2) + a2 * (log(r1) - log(r2)) + a1 * (r2 - r1) / r1
    if cls is Beta:
        (a1, b1), (a2, b2) = p, q
        lbeta = lambda a, b: lgam(a) + lgam(b) - lgam(a + b)  # noqa: E731
        return (lbeta(a2, b2) - lbeta(a1, b1) + (a1 - a2) * psi(a1) + (b1 - b2) * psi(b1)
                + (a2 - a1 + b2 - b1) * psi(a1 + b1))
    if cls is Poisson:
        (r1,), (r2,) = p, q
        return r1 * log(r1 / r2) + r2 - r1
    if cls is Geometric:
        (p1,), (p2,) = p, q
        return log(p1 / p2) + (1 - p1) / p1 * log((1 - p1) / (1 - p2))
    if cls is Binomial:
        (n, p1), (_, p2) = p, q
        return n * (p1 * log(p1 / p2) + (1 - p1) * log((1 - p1) / (1 - p2)))
    if cls in (Chi2, Chi):  # both: the gamma KL with concentrations df/2 and equal rates (x -> x^2 keeps KL)
        (k1,), (k2,) = p, q
        return (k1 - k2) / 2 * psi(k1 / 2) - lgam(k1 / 2) + lgam(k2 / 2)
    if cls is InverseGamma:  # the gamma KL of the reciprocals
        return textbook_kl(Gamma, p, q)
    if cls is Pareto:  # PyTorch's _kl_pareto_pareto
        (s1, a1), (s2, a2) = p, q
        return a2 * log(s1 / s2) - log(a2 / a1) + a2 / a1 - 1
    if cls is Weibull:  # TFP's _kl_weibull_weibull
        (l1, k1), (l2, k2) = p, q
        return (log(k1) - k1 * log(l1) - log(k2) + k2 * log(l2) + (k1 - k2) * (log(l1) - 0.5772156649015329 / k1)
                + (l1 / l2) ** k2 * math.gamma(k2 / k1 + 1) - 1)
    if cls is ContinuousBernoulli:  # PyTorch's _kl_continuous_bernoulli_continuous_bernoulli
        (l1,), (l2,) = p, q
        logit = lambda l: log(l) - math.log1p(-l)  # noqa: E731
        log_norm = lambda l: log(2 * math.atanh(1 - 2 * l) / (1 - 2 * l)) if l != 0.5 else log(2)  # noqa: E731
        mean = l1 / (2 * l1 - 1) + 1 / (2 * math.atanh(1 - 2 * l1)) if l1 != 0.5 else 0.5
        return mean * (logit(l1) - logit(l2)) + log_norm(l1) + math.log1p(-l1) - log_norm(l2) - math.log1p(-l2)
    if cls is VonMises:  # TFP's _kl_von_mises_von_mises; log I_0(k) = log(ive(0, k)) + k
        (m1, k1), (m2, k2) = p, q
        log_i0 = lambda k: log(special.ive(0, k)) + k  # noqa: E731
        return log_i0(k2) - log_i0(k1) + special.ive(1, k1) / special.ive(0, k1) * (k1 - k2 * math.cos(m1 - m2))
    return textbook_kl_location_scale(cls, p, q)


def textbook_kl_location_scale(cls: type[Parametric], p: tuple, q: tuple) -> float:
    """KL for the location-scale families (PyTorch's and TFP's formulas; Moyal's written out by hand)."""
    log, euler = math.log, 0.5772156649015329
    if cls in (HalfNormal, LogNormal):  # PyTorch: the Normal KL (of |X| with loc 0, of log X)
        return textbook_kl(Normal, (0, *p) if cls is HalfNormal else p, (0, *q) if cls is HalfNormal else q)
    (l1, s1), (l2, s2) = p, q
    if cls is Cauchy:  # PyTorch's _kl_cauchy_cauchy
        return log((s1 + s2) ** 2 + (l1 - l2) ** 2) - log(4 * s1 * s2)
    if cls is Gumbel:  # TFP's _kl_gumbel_gumbel
        return (log(s2 / s1) + euler * (s1 / s2 - 1) + math.expm1((l2 - l1) / s2 + math.lgamma(s1 / s2 + 1))
                + (l1 - l2) / s2)
    if cls is Moyal:  # -H(P) + E_P[(X - l2)/(2 s2) + exp(-(X - l2)/s2)/2] + log s2 + log(2 pi)/2
        mean_z = (l1 + s1 * (euler + log(2)) - l2) / s2
        tilt = math.exp((l2 - l1) / s2 + (s1 / s2) * log(2) + math.lgamma(s1 / s2 + 0.5)) / math.sqrt(math.pi)
        return log(s2 / s1) + mean_z / 2 + tilt / 2 - (euler + log(2)) / 2 - 0.5
    raise KeyError(cls)


# -- the closed forms against the references -------------------------------------------------------------

@pytest.mark.parametrize("measure", MEASURES)
@pytest.mark.parametrize("cls", FAMILIES, ids=IDS)
def test_closed_form_matches_scipy(cls, measure):
    P, Q = symbolic_pair(cls)
    result = symbolic_closed_forms(cls)[measure]
    for p_params, q_params in parameter_pairs(cls):
        got = at(result.value, (P, Q), (p_params, q_params))
        want = reference(cls, measure, p_params, q_params)
        assert got == pytest.approx(want, rel=RTOL, abs=1e-12), (p_params, q_params)


@pytest.mark.parametrize("cls", FAMILIES, ids=IDS)
def test_kl_matches_the_textbook(cls):
    P, Q = symbolic_pair(cls)
    value = symbolic_closed_forms(cls)["kl"].value
    for p_params, q_params in parameter_pairs(cls):
        assert at(value, (P, Q), (p_params, q_params)) == pytest.approx(textbook_kl(cls, p_params, q_params), rel=RTOL)


@pytest.mark.parametrize("cls", FAMILIES, ids=IDS)
def test_entropy_matches_scipy_entropy(cls):
    P, _ = symbolic_pair(cls)
    value = symbolic_closed_forms(cls)["entropy"].value
    for p_params, _ in parameter_pairs(cls):
        want = float(SCIPY[cls](*p_params).entropy())
        assert at(value, (P,), (p_params,)) == pytest.approx(want, rel=1e-6)


@pytest.mark.parametrize("cls", FAMILIES, ids=IDS)
def test_numeric_parameters_give_the_same_numbers(cls):
    (p_params, q_params), = parameter_pairs(cls)[:1]
    P, Q = cls(*p_params), cls(*q_params, name="Q")
    for measure, fn in (("entropy", lambda: entropy(P)), ("cross_entropy", lambda: cross_entropy(P, Q)),
                        ("kl", lambda: kl(P, Q))):
        result = fn()
        assert not result.value.free_symbols, result.value
        assert float(sp.N(result.value, 30)) == pytest.approx(reference(cls, measure, p_params, q_params), rel=RTOL)


@pytest.mark.parametrize("cls", FAMILIES, ids=IDS)
def test_kl_of_a_distribution_with_itself_is_zero(cls):
    P, _ = symbolic_pair(cls)
    Q = P.func(*P.params, name="Q")
    result = kl(P, Q)
    assert result.value == 0 and result.closed and result.reason == ""


@pytest.mark.parametrize("cls", FAMILIES, ids=IDS)
def test_cross_entropy_is_kl_plus_entropy(cls):
    forms = symbolic_closed_forms(cls)
    ce, kl_, h = (_finite_part(forms[m].value) for m in ("cross_entropy", "kl", "entropy"))
    assert sp.expand(ce - kl_ - h) == 0


def _finite_part(value: sp.Expr) -> sp.Expr:
    return value.args[0].expr if isinstance(value, sp.Piecewise) else value


# -- what the results say about themselves --------------------------------------------------------------

def test_closed_forms_name_the_facts_they_used():
    forms = symbolic_closed_forms(Normal)
    assert set(forms["kl"].facts) == {"normal: mean", "normal: second moment"}
    assert "gamma: mean log" in symbolic_closed_forms(Gamma)["kl"].facts
    assert "laplace: mean distance to c" in symbolic_closed_forms(Laplace)["kl"].facts


def test_symbolic_kl_equals_the_textbook_formula():
    (m1, s1), (m2, s2) = (d.params for d in symbolic_pair(Normal))
    (r1,), (r2,) = (d.params for d in symbolic_pair(Exponential))
    (l1,), (l2,) = (d.params for d in symbolic_pair(Poisson))
    (p1,), (p2,) = (d.params for d in symbolic_pair(Geometric))
    textbook = {
        Normal: sp.log(s2) - sp.log(s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - sp.Rational(1, 2),
        Exponential: sp.log(r1) - sp.log(r2) + r2 / r1 - 1,
        Poisson: l1 * (sp.log(l1) - sp.log(l2)) + l2 - l1,
        Geometric: sp.log(p1) - sp.log(p2) + (1 - p1) / p1 * (sp.log(1 - p1) - sp.log(1 - p2)),
    }
    for cls, formula in textbook.items():
        assert sp.simplify(symbolic_closed_forms(cls)["kl"].value - formula) == 0, cls


@pytest.mark.parametrize("measure", ["entropy", "cross_entropy"])
def test_poisson_entropy_has_no_closed_form_and_says_so(measure):
    result = symbolic_closed_forms(Poisson)[measure]
    assert not result.closed and result.value.has(sp.Sum)
    assert "log(factorial(k))" in result.reason and "unevaluated sum" in result.reason
    assert symbolic_closed_forms(Poisson)["kl"].closed, "log k! cancels in KL"


def test_binomial_sums_are_written_out_below_the_limit_and_kept_above():
    assert entropy(Binomial(12, sp.Symbol("p"))).closed
    assert entropy(Binomial(150, sp.Rational(1, 3))).closed
    for big in (entropy(Binomial(40, sp.Symbol("p"))), entropy(Binomial(500, sp.Rational(1, 3)))):
        assert not big.closed and big.value.has(sp.Sum) and "binomial" in big.reason
    assert kl(Binomial(500, sp.Symbol("p")), Binomial(500, sp.Symbol("q"), name="Q")).closed


# -- infinite and undefined cases ----------------------------------------------------------------------

def test_uniform_against_a_narrower_uniform_is_infinite():
    P, Q = Uniform(0, 2), Uniform(0, 1, name="Q")
    for result in (kl(P, Q), cross_entropy(P, Q)):
        assert result.infinite and result.value == sp.oo
        assert "Q gives zero density where P has density" in result.reason
        assert "Interval(0, 2)" in result.reason
    assert kl(Q.func(0, 1), Uniform(0, 2, name="Q")).value == sp.log(2)
    assert entropy(P).value == sp.log(2)


def test_symbolic_uniforms_give_a_piecewise_that_is_infinite_off_containment():
    P, Q = symbolic_pair(Uniform)
    result = symbolic_closed_forms(Uniform)["kl"]
    assert isinstance(result.value, sp.Piecewise) and "infinite unless" in result.reason
    (l1, h1), (l2, h2) = P.params, Q.params
    inside = {l1: 0, h1: 1, l2: -1, h2: 3}
    outside = {l1: 0, h1: 2, l2: 0, h2: 1}
    assert result.value.xreplace(inside) == sp.log(4)
    assert result.value.xreplace(outside) == sp.oo
    h = sp.Symbol("h")
    narrow = kl(Uniform(0, h), Uniform(0, 1, name="Q"))
    assert narrow.value.xreplace({h: sp.Rational(1, 2)}) == sp.log(2)
    assert narrow.value.xreplace({h: 2}) == sp.oo


def test_a_wider_support_proved_on_the_domain_needs_no_condition():
    a, b = sp.symbols("a b")
    result = kl(Uniform(a, b), Uniform(a, b, name="Q"))
    assert result.value == 0


def test_binomial_with_more_trials_than_the_model_is_infinite():
    p, q = sp.symbols("p q")
    result = kl(Binomial(5, p), Binomial(3, q, name="Q"))
    assert result.infinite and "zero mass" in result.reason and "Range(0, 6, 1)" in result.reason
    fewer = kl(Binomial(3, sp.Rational(1, 3)), Binomial(5, sp.Rational(1, 2), name="Q"))
    assert fewer.closed
    assert float(fewer.value) == pytest.approx(reference_binomial(3, 1 / 3, 5, 1 / 2), rel=RTOL)


def reference_binomial(n1: int, p1: float, n2: int, p2: float) -> float:
    from scipy import stats
    P, Q = stats.binom(n1, p1), stats.binom(n2, p2)
    return float(sum(P.pmf(k) * (P.logpmf(k) - Q.logpmf(k)) for k in range(n1 + 1)))


def test_a_real_line_against_a_half_line_is_infinite():
    result = kl(Normal(0, 1), Exponential(1, name="Q"))
    assert result.infinite and "zero density" in result.reason


# -- pairs of different families ------------------------------------------------------------------------

@pytest.mark.parametrize("P, Q", [
    (Exponential(sp.Rational(3, 2)), Gamma(sp.Rational(5, 2), sp.Rational(1, 2), name="Q")),
    (Gamma(sp.Rational(5, 2), sp.Rational(1, 2)), Exponential(sp.Rational(3, 2), name="Q")),
    (Exponential(sp.Rational(3, 2)), Normal(1, 2, name="Q")),
    (Laplace(1, 2), Normal(-1, 3, name="Q")),
    (Beta(2, 3), Uniform(0, 1, name="Q")),
], ids=["exponential-gamma", "gamma-exponential", "exponential-normal", "laplace-normal", "beta-uniform"])
def test_different_families_on_compatible_supports(P, Q):
    from scipy import stats
    ref = {Exponential: lambda d: stats.expon(scale=1 / float(d.rate)),
           Gamma: lambda d: stats.gamma(float(d.concentration), scale=1 / float(d.rate)),
           Normal: lambda d: stats.norm(float(d.mu), float(d.sigma)),
           Laplace: lambda d: stats.laplace(float(d.loc), float(d.scale)),
           Uniform: lambda d: stats.uniform(float(d.low), float(d.high - d.low)),
           Beta: lambda d: stats.beta(float(d.a), float(d.b))}
    p, q = ref[type(P)](P), ref[type(Q)](Q)
    lo, hi = max(float(P.bounds[0]), p.ppf(1e-17)), min(float(P.bounds[1]), p.isf(1e-17))
    mid = float(p.mean())

    def integrand(x: float) -> float:
        lp = p.logpdf(x)
        return 0.0 if lp == -math.inf else math.exp(lp) * (lp - q.logpdf(x))

    want = sum(integrate.quad(integrand, a, b, epsabs=1e-14, epsrel=1e-12, limit=500)[0]
               for a, b in ((lo, mid), (mid, hi)))
    result = kl(P, Q)
    assert result.closed, result.reason
    assert float(sp.N(result.value, 30)) == pytest.approx(want, rel=RTOL)


def test_a_missing_fact_leaves_an_integral_and_says_so():
    result = kl(Uniform(0, 1), Laplace(1, 2, name="Q"))
    assert not result.closed and result.value.has(sp.Integral)
    assert "E[Abs(x - 1)] under uniform P" in result.reason and "unevaluated integral" in result.reason
    from scipy import stats
    p, q = stats.uniform(0, 1), stats.laplace(1, 2)
    want = integrate.quad(lambda x: p.pdf(x) * (p.logpdf(x) - q.logpdf(x)), 0, 1, epsabs=1e-14, epsrel=1e-12)[0]
    assert float(sp.N(result.value, 30)) == pytest.approx(want, rel=RTOL), "sp.N evaluates what is left open"


# -- units, measures, errors -----------------------------------------------------------------------------

def test_bits():
    P, Q = Normal(0, 1), Normal(1, 2, name="Q")
    assert sp.simplify(kl(P, Q, units="bits").value - kl(P, Q).value / sp.log(2)) == 0
    assert kl(Uniform(0, 2), Uniform(0, 1, name="Q"), units="bits").value == sp.oo
    piecewise = kl(*symbolic_pair(Uniform), units="bits").value
    assert isinstance(piecewise, sp.Piecewise) and piecewise.args[-1].expr == sp.oo


def test_closed_form_of_a_measure_object():
    P, Q = Normal(0, 1), Normal(1, 2, name="Q")
    assert closed_form(KL(P, Q)) == kl(P, Q)
    assert closed_form(CrossEntropy(P, Q, base=sp.Integer(2))) == cross_entropy(P, Q, units="bits")
    assert closed_form(Entropy(P)) == entropy(P)


@pytest.mark.parametrize("call, message", [
    (lambda: kl(Bernoulli(sp.Symbol("p")), Normal(0, 1, name="Q")), "different outcomes"),
    (lambda: kl(Normal(0, 1), Poisson(1, name="Q")), "both be discrete or both continuous"),
    (lambda: kl(Normal(0, 1), Normal(0, 2, name="Q"), units="bans"), "units"),
])
def test_errors(call, message):
    with pytest.raises(DeriveError, match=message):
        call()


# -- the engine's verifier agrees with the closed forms ---------------------------------------------------

@pytest.mark.parametrize("measure, closed", [
    (lambda P, Q: KL(P, Q), lambda P, Q: kl(P, Q)),
    (lambda P, Q: Entropy(P), lambda P, Q: entropy(P)),
], ids=["kl", "entropy"])
def test_verifier_proves_the_exponential_closed_forms(measure, closed):
    from derive import Status
    P, Q = symbolic_pair(Exponential)
    verdict = check_equal(measure(P, Q), closed(P, Q).value, P.domain.merge(Q.domain))
    assert verdict.status is Status.PROVED, verdict.reason
