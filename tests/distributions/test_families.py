"""Parametric families: parameters and domains, densities against SciPy, and every moment fact proved twice.

Each fact ``E[g(X)] = value`` is proved symbolically (SymPy integrates or sums
``pmf * g`` with the parameters re-written through positive symbols) and
checked numerically against ``scipy.stats`` at random parameters.
"""

from __future__ import annotations

import math
import pickle

import numpy as np
import pytest
import sympy as sp

from derive import DeriveError
from derive.distributions.families import (FAMILIES, Beta, Binomial, Exponential, Fact, Gamma, Geometric, Laplace,
                                           Normal, Parametric, Poisson, Uniform)
from derive.core.constraints import Ordered
from derive.distributions.parametric import C
from derive.distributions.registry import family
from derive.errors import InvalidParameter

from derive.distributions.bounded import ContinuousBernoulli, VonMises
from tests.distributions.bounded_proofs import SPECIAL_PROOFS as BOUNDED_PROOFS
from derive.distributions.positive import Chi, Chi2, InverseGamma, Pareto, Weibull
from tests.distributions.scipy_families import SCIPY, parameter_points
from tests.distributions.positive_proofs import POSITIVE_PROOFS
from derive.distributions.location_scale import Cauchy, Gumbel, HalfNormal, LogNormal, Moyal
from tests.distributions.location_scale_proofs import LOCATION_SCALE_PROOFS

mu, sigma, a, b, r, p, lo, hi = sp.symbols("mu sigma a b r p lo hi")

#: One symbolic member of each family.
SYMBOLIC: dict[type[Parametric], Parametric] = {
    Normal: Normal(mu, sigma), Exponential: Exponential(r), Laplace: Laplace(mu, b), Uniform: Uniform(lo, hi),
    Gamma: Gamma(a, r), Beta: Beta(a, b), Poisson: Poisson(r), Geometric: Geometric(p), Binomial: Binomial(7, p),
    Chi2: Chi2(a), Chi: Chi(a), InverseGamma: InverseGamma(a, r), Pareto: Pareto(b, a), Weibull: Weibull(b, a),
    ContinuousBernoulli: ContinuousBernoulli(p), VonMises: VonMises(mu, b),
    Cauchy: Cauchy(mu, sigma), Gumbel: Gumbel(mu, sigma), HalfNormal: HalfNormal(sigma),
    LogNormal: LogNormal(mu, sigma), Moyal: Moyal(mu, sigma),
}
IDS = [cls.family for cls in FAMILIES]


# -- construction -------------------------------------------------------------------------------------

def test_every_family_is_registered():
    for cls in FAMILIES:
        assert family(cls.family) is cls


@pytest.mark.parametrize("cls", FAMILIES, ids=IDS)
def test_members_are_sympy_values(cls):
    d = SYMBOLIC[cls]
    assert d.name == "P" and d.family == cls.family == cls.family.lower()
    assert d == cls(*d.params) and hash(d) == hash(cls(*d.params))
    assert d != cls(*d.params, name="Q")
    assert cls.from_parameters(d.params, "P", ()) == d
    assert pickle.loads(pickle.dumps(d)) == d
    assert sp.sstr(d) == "P"


def test_parameters_by_name():
    assert (Normal(mu, sigma).mu, Normal(mu, sigma).sigma) == (mu, sigma)
    assert (Laplace(mu, b).loc, Laplace(mu, b).scale) == (mu, b)
    assert (Uniform(lo, hi).low, Uniform(lo, hi).high) == (lo, hi)
    assert (Gamma(a, r).concentration, Gamma(a, r).rate) == (a, r)
    assert (Beta(a, b).a, Beta(a, b).b) == (a, b)
    assert Exponential(r).rate == Poisson(r).rate == r and Geometric(p).p == p
    assert (Binomial(7, p).n, Binomial(7, p).p) == (7, p)


def test_substitution_rebuilds_the_distribution():
    d = Normal(mu, sigma, name="Q")
    assert d.func(*d.args) == d
    assert d.xreplace({sigma: sp.Integer(2)}) == Normal(mu, 2, name="Q")
    assert d.subs(sigma, 2 * r) == Normal(mu, 2 * r, name="Q")
    assert Normal(mu, 2 * r).domain.intervals == ((mu, sp.Interval.open(-sp.oo, sp.oo)),)
    assert Binomial(7, p).subs(p, sp.Rational(1, 3)) == Binomial(7, sp.Rational(1, 3))
    with pytest.raises(DeriveError, match="scale sigma"):
        d.xreplace({sigma: sp.Integer(-1)})


def test_numbers_become_exact():
    d = Normal(0.5, 2)
    assert d.params == (sp.Rational(1, 2), sp.Integer(2)) and d.domain.intervals == ()
    assert Binomial(sp.Integer(3), 0.25).params == (3, sp.Rational(1, 4))


def test_domains():
    positive, real, unit = sp.Interval.open(0, sp.oo), sp.Interval.open(-sp.oo, sp.oo), sp.Interval.open(0, 1)
    assert Normal(mu, sigma).domain.intervals == ((mu, real), (sigma, positive))
    assert Laplace(mu, b).domain.intervals == ((mu, real), (b, positive))
    assert Gamma(a, r).domain.intervals == ((a, positive), (r, positive))
    assert Geometric(p).domain.intervals == ((p, unit),)
    assert Binomial(7, p).domain.intervals == ((p, unit),)
    assert Uniform(lo, hi).domain.constraints == (Ordered(lo, hi),)
    assert Uniform(0, hi).domain.intervals == ((hi, positive),)
    assert Uniform(lo, 1).domain.intervals == ((lo, sp.Interval.open(-sp.oo, 1)),)
    assert Normal(0, sigma).domain.intervals == ((sigma, positive),)


def test_supports_and_sums():
    x, k = sp.Symbol("x", real=True), sp.Symbol("k", integer=True, nonnegative=True)
    assert Normal(mu, sigma).support == sp.Reals and Exponential(r).support == sp.Interval(0, sp.oo)
    assert Beta(a, b).support == sp.Interval.open(0, 1) and Uniform(lo, hi).support == sp.Interval(lo, hi)
    assert Poisson(r).support == sp.Range(0, sp.oo) and Binomial(7, p).support == sp.Range(0, 8)
    assert Gamma(a, r).variable == x and Geometric(p).variable == k
    assert Exponential(r).sum_over(x, x) == sp.Integral(x, (x, 0, sp.oo))
    assert Poisson(r).sum_over(k, k) == sp.Sum(k, (k, 0, sp.oo))
    assert Binomial(7, p).sum_over(k, k) == sp.Sum(k, (k, 0, 7))
    assert Uniform(lo, hi).sum_over(x, x) == sp.Integral(x, (x, lo, hi))


def test_same_outcomes_means_same_support():
    assert Normal(mu, sigma).same_outcomes(Normal(0, 1, name="Q"))
    assert Normal(mu, sigma).same_outcomes(Laplace(0, 1, name="Q"))
    assert not Normal(mu, sigma).same_outcomes(Exponential(1, name="Q"))
    assert not Poisson(r).same_outcomes(Binomial(3, p, name="Q"))
    assert not Uniform(0, 1).same_outcomes(Uniform(0, 2, name="Q"))


@pytest.mark.parametrize("make, message", [
    (lambda: Normal(0, -1), "Normal scale sigma must lie in (0, oo), got -1"),
    (lambda: Normal(0, 0), "Normal scale sigma"),
    (lambda: Normal(sp.oo, 1), "Normal mean mu"),
    (lambda: Exponential(0), "Exponential rate must lie in"),
    (lambda: Exponential(-2.5), "Exponential rate"),
    (lambda: Laplace(0, 0), "Laplace scale"),
    (lambda: Gamma(0, 1), "Gamma concentration"),
    (lambda: Gamma(1, -1), "Gamma rate"),
    (lambda: Beta(1, 0), "Beta concentration b"),
    (lambda: Poisson(0), "Poisson rate"),
    (lambda: Geometric(0), "Geometric success probability"),
    (lambda: Geometric(1), "Geometric success probability"),
    (lambda: Geometric(1.5), "Geometric success probability"),
    (lambda: Binomial(2.5, 0.5), "positive integer number or a symbol, got 2.5"),
    (lambda: Binomial(0, 0.5), "positive integer number or a symbol, got 0"),
    (lambda: Binomial(True, 0.5), "positive integer number"),
    (lambda: Binomial(sp.Symbol("n", integer=False), 0.5), "no positive integer"),
    (lambda: Binomial(sp.Symbol("n", negative=True), 0.5), "no positive integer"),
    (lambda: Binomial(3, 1), "Binomial success probability"),
    (lambda: Uniform(1, 1), "low < high, got low = 1, high = 1"),
    (lambda: Uniform(2, 1), "low < high"),
    (lambda: Uniform(sp.Symbol("u", positive=True), -1), "outside Interval.open(-oo, -1)"),
    (lambda: Uniform(1, sp.Symbol("v", negative=True)), "outside Interval.open(1, oo)"),
    (lambda: Normal(mu, sp.Symbol("s", negative=True)), "outside"),
    (lambda: Normal(sp.Symbol("m", real=False), 1), "outside"),
    (lambda: Poisson(sp.Symbol("r", nonpositive=True)), "outside"),
    (lambda: Normal("0", 1), "str"),
    (lambda: Normal(mu, mu), "distinct symbols"),
    (lambda: Normal(sp.Symbol("x", real=True), 1), "cannot use x"),
    (lambda: Poisson(sp.Symbol("k", integer=True, nonnegative=True)), "cannot use k"),
    (lambda: Normal(mu), "takes 2 parameters (mu, sigma), got 1"),
    (lambda: Normal(mu, sigma, name="1P"), "name"),
    (lambda: Normal.from_parameters((mu, sigma), "P", ("H", "T")), "no named outcomes"),
])
def test_invalid_parameters_are_refused(make, message):
    with pytest.raises(DeriveError) as err:
        make()
    assert isinstance(err.value, InvalidParameter)
    assert message in str(err.value)


def test_no_named_outcomes():
    assert Normal(mu, sigma).outcomes == () == Poisson(r).outcomes
    assert Normal(mu, sigma, outcomes=()) == Normal(mu, sigma)
    with pytest.raises(InvalidParameter, match="no named outcomes"):
        Poisson(r, outcomes=("H",))


# -- densities ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("cls", FAMILIES, ids=IDS)
def test_density_matches_scipy(cls):
    for params in parameter_points(cls, salt=1):
        d, ref = cls(*params), SCIPY[cls](*params)
        lo_, hi_ = ref.ppf(0.01), ref.ppf(0.99)
        if d.discrete:
            points = range(int(lo_), int(hi_) + 1)
            expected = [ref.pmf(k) for k in points]
        else:
            points = np.linspace(lo_, hi_, 7)
            expected = [ref.pdf(x) for x in points]
        for x, want in zip(points, expected):
            got = float(d.pmf(sp.Integer(x) if d.discrete else sp.Float(x, 30)))
            assert got == pytest.approx(want, rel=1e-10), (params, x)


@pytest.mark.parametrize("cls", FAMILIES, ids=IDS)
def test_log_pmf_is_the_log_of_the_density(cls):
    d = SYMBOLIC[cls]
    v = d.variable
    params = parameter_points(cls, count=1, salt=2)[0]
    point = dict(zip(d.params, (sp.nsimplify(x) for x in params)))
    ref = SCIPY[cls](*params)
    for q in (0.1, 0.5, 0.9):
        x = sp.Integer(int(ref.ppf(q))) if d.discrete else sp.Float(ref.ppf(q), 30)
        got = d.log_pmf(v).xreplace(point).xreplace({v: x})
        want = sp.log(d.pmf(v).xreplace(point).xreplace({v: x}))
        assert abs(float(got - want)) < 1e-12


def test_density_is_zero_off_the_support():
    assert Exponential(r).pmf(-1) == 0
    assert Beta(a, b).pmf(sp.Rational(3, 2)) == 0
    assert Uniform(0, 1).pmf(2) == 0
    assert Binomial(5, p).pmf(6) == 0 and Poisson(r).pmf(sp.Rational(1, 2)) == 0
    assert Binomial(5, p).pmf(2) == 10 * p ** 2 * (1 - p) ** 3
    assert Geometric(sp.Rational(1, 3)).pmf(2) == sp.Rational(4, 27)
    with pytest.raises(KeyError):
        Normal(mu, sigma).pmf(sp.core.symbol.Str("H"))


@pytest.mark.parametrize("cls", FAMILIES, ids=IDS)
def test_density_sums_to_one(cls):
    d = SYMBOLIC[cls]
    special = SPECIAL_PROOFS.get((cls, "total mass"))
    if special is not None:
        special(d, None)
        return
    total = _evaluate(d, d.expectation(sp.Integer(1)).xreplace(d.domain.reparametrization))
    assert sp.simplify(sp.hyperexpand(total)) == 1


# -- facts ----------------------------------------------------------------------------------------------

def test_facts_are_frozen_and_carry_their_conditions():
    fact = Normal(mu, sigma).moments[1]
    assert isinstance(fact, Fact) and fact.name == "second moment"
    x = Normal(mu, sigma).variable
    assert fact.rhs == sigma ** 2 + mu ** 2 and fact.body == x ** 2
    assert fact.lhs == Normal(mu, sigma).expectation(x ** 2)
    assert sp.Lt(0, sigma) in [c for cond in fact.conditions for c in sp.And.make_args(cond)]
    with pytest.raises(AttributeError):
        fact.rhs = 0  # type: ignore[misc]
    general = [f for f in Laplace(mu, b).moments if f.free]
    assert [f.free for f in general] == [(C,)]


FACTS = [(cls, fact.name) for cls in FAMILIES for fact in SYMBOLIC[cls].moments]


@pytest.mark.parametrize("cls, name", FACTS, ids=[f"{c.family}-{n.replace(' ', '-')}" for c, n in FACTS])
def test_fact_proved_symbolically(cls, name):
    d = SYMBOLIC[cls]
    fact = next(f for f in d.moments if f.name == name)
    special = SPECIAL_PROOFS.get((cls, name))
    if special is not None:
        special(d, fact)
        return
    cover = d.domain.reparametrization
    value = _evaluate(d, fact.lhs.xreplace(cover))
    assert not value.has(sp.Integral, sp.Sum), f"SymPy could not evaluate {fact.lhs}"
    assert sp.simplify(value - fact.rhs.xreplace(cover)) == 0


@pytest.mark.parametrize("cls, name", FACTS, ids=[f"{c.family}-{n.replace(' ', '-')}" for c, n in FACTS])
def test_fact_checked_numerically_with_scipy(cls, name):
    rng = np.random.default_rng(7)
    for params in parameter_points(cls, salt=3):
        d = cls(*params)
        fact = next(f for f in d.moments if f.name == name)
        binding = {s: sp.Float(rng.uniform(0.2, 3) if s.is_positive else rng.uniform(-4, 4), 30) for s in fact.free}
        if fact.rhs.xreplace(binding) == sp.oo:  # E[X^c] diverges there (proved symbolically): -c converges
            binding = {**binding, C: -binding[C]}
        g = sp.lambdify(d.variable, fact.body.xreplace(binding), modules=[{"exp": _capped_exp}, "math"])
        want = SCIPY[cls](*params).expect(g, epsabs=0, epsrel=1e-12, limit=200) if not d.discrete else \
            SCIPY[cls](*params).expect(g)
        got = float(fact.rhs.xreplace(binding))
        assert got == pytest.approx(want, rel=1e-8, abs=1e-12), (params, binding)


def _capped_exp(v: float) -> float:
    """``exp`` that does not overflow where quadrature probes far tails (the density is 0 there)."""
    return math.exp(min(v, 700.0))


def _evaluate(d: Parametric, aggregate: sp.Expr) -> sp.Expr:
    """SymPy's own value of an expectation: ``integrate`` (no convergence side conditions) or ``summation``."""
    (v, lo_, hi_), = aggregate.limits
    if isinstance(aggregate, sp.Sum):
        return sp.summation(aggregate.function, (v, lo_, hi_))
    return sp.integrate(aggregate.function, (v, lo_, hi_), conds="none")


# SymPy cannot integrate these directly; each proof below is still SymPy's, by a route it can take.

def _laplace_distance(d: Laplace, fact: Fact) -> None:
    """``E|X - c|`` for ``c = loc + s`` and ``c = loc - s`` (``s > 0``): the integral split where ``|.|`` turns."""
    x = d.variable
    m, scale, s = sp.Symbol("m", real=True), sp.Symbol("scale", positive=True), sp.Symbol("s", positive=True)
    density = d.density(x).xreplace({d.loc: m, d.scale: scale})
    left, right = sp.exp((x - m) / scale) / (2 * scale), sp.exp(-(x - m) / scale) / (2 * scale)
    assert sp.simplify(density.subs(x, m - s) - left.subs(x, m - s)) == 0
    assert sp.simplify(density.subs(x, m + s) - right.subs(x, m + s)) == 0
    cases = {  # c: pieces (from, to, density, x - c or c - x)
        m + s: ((-sp.oo, m, left, m + s - x), (m, m + s, right, m + s - x), (m + s, sp.oo, right, x - m - s)),
        m - s: ((-sp.oo, m - s, left, m - s - x), (m - s, m, left, x - m + s), (m, sp.oo, right, x - m + s)),
    }
    for c, pieces in cases.items():
        total = sum(sp.integrate(dens * distance, (x, a_, b_)) for a_, b_, dens, distance in pieces)
        assert sp.simplify(total - fact.rhs.xreplace({d.loc: m, d.scale: scale, C: c})) == 0, c


def _normal_distance(d: Normal, fact: Fact) -> None:
    """``E|X - c|`` under a Normal: the integral split at ``c``, where ``|x - c|`` turns."""
    x = d.variable
    m, c, s = sp.Symbol("m", real=True), sp.Symbol("c_", real=True), sp.Symbol("s", positive=True)
    density = d.density(x).xreplace({d.mu: m, d.sigma: s})
    total = sp.integrate(density * (c - x), (x, -sp.oo, c)) + sp.integrate(density * (x - c), (x, c, sp.oo))
    assert sp.simplify(total - fact.rhs.xreplace({d.mu: m, d.sigma: s, C: c})) == 0


def _beta_mellin(d: Beta, fact: Fact) -> None:
    """Beta expectations from SymPy's Mellin transform ``M_b(s)`` of ``(1 - x)^(b-1)`` on (0, 1).

    The density is ``x^(a-1) (1-x)^(b-1) / M_b(a)`` (checked), so ``E[X^m] = M_b(a + m) / M_b(a)``
    and ``E[log X] = M_b'(a) / M_b(a)`` (differentiation under the integral sign).  Under
    Beta(a, b), ``E[log(1 - X)]`` is ``E[log X]`` under Beta(b, a): the density of Beta(a, b) at
    ``1 - x`` is that of Beta(b, a) at ``x`` (checked).
    """
    x, s = d.variable, sp.Symbol("s", positive=True)
    a_, b_ = sp.symbols("a_ b_", positive=True)
    positive = {d.a: a_, d.b: b_}

    def mellin(second: sp.Expr) -> sp.Expr:
        return sp.mellin_transform((1 - x) ** (second - 1) * sp.Heaviside(1 - x), x, s, noconds=True)

    kernel = x ** (a_ - 1) * (1 - x) ** (b_ - 1)
    assert sp.simplify(d.density(x).xreplace(positive) * mellin(b_).subs(s, a_) / kernel) == 1
    if fact.name == "mean log of complement":
        assert sp.simplify(d.density(1 - x).xreplace(positive) - Beta(b_, a_).density(x)) == 0
        first, m = b_, mellin(a_)
        value = m.diff(s).subs(s, first) / m.subs(s, first)
    elif fact.body == sp.log(x):
        first, m = a_, mellin(b_)
        value = m.diff(s).subs(s, first) / m.subs(s, first)
    else:
        m = mellin(b_)
        value = m.subs(s, a_ + sp.degree(fact.body, x)) / m.subs(s, a_)
    assert sp.simplify(value - fact.rhs.xreplace(positive)) == 0


SPECIAL_PROOFS = {
    (Laplace, "mean distance to c"): _laplace_distance,
    (Normal, "mean distance to c"): _normal_distance,
    (Beta, "mean"): _beta_mellin,
    (Beta, "second moment"): _beta_mellin,
    (Beta, "mean log"): _beta_mellin,
    (Beta, "mean log of complement"): _beta_mellin,
    **BOUNDED_PROOFS,
    **POSITIVE_PROOFS,
    **LOCATION_SCALE_PROOFS,
}


def test_expect_matches_facts_up_to_the_sign_inside_absolute_values():
    d = Laplace(mu, b)
    x = d.variable
    m2 = sp.Symbol("m2")
    value, fact = d.expect(sp.Abs(m2 - x))
    assert fact.name == "mean distance to c" and value == fact.rhs.xreplace({C: m2})
    value, fact = d.expect(sp.Abs(x))
    assert value == fact.rhs.xreplace({C: 0})
    assert d.expect(sp.Abs(x - mu))[0] == b
    assert d.expect(sp.Abs(2 * x - mu)) is None
    assert d.expect(x ** 3) is None
    assert math.isclose(float(Laplace(1, 2).expect(sp.Abs(x - 3))[0]), 2 + 2 * math.exp(-1))
