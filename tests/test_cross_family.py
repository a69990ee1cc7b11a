"""KL divergences between different families (the pairs PyTorch or TFP register) through ``derive.kl``.

Each finite pair is evaluated at 3 seeded random parameter points and compared with SciPy alone (quadrature of
``p log(p / q)`` over P's support, or the sum over it) at relative error 1e-7, and its symbolic form is checked
to be closed.  Pairs where P has mass outside Q's support are infinite with a :class:`DeriveWarning` saying so;
pairs with an expectation no fact gives stay open (an unevaluated sum, which ``sp.N`` still evaluates).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable

import numpy as np
import pytest
import sympy as sp
from scipy import integrate

import derive
from derive import Bernoulli, DeriveError, DeriveWarning
from derive.distributions.bounded import ContinuousBernoulli
from derive.distributions.families import (Beta, Binomial, Exponential, Gamma, Geometric, Laplace, Normal, Parametric,
                                           Poisson, Uniform)

from tests.distributions.scipy_families import SCIPY, draw

RTOL = 1e-7
Draw = Callable[[np.random.Generator], tuple[tuple, tuple]]


def _pair(p_cls: type[Parametric], q_cls: type[Parametric]) -> Draw:
    """Independent random parameters for P and Q."""
    return lambda rng: (draw(p_cls, rng), draw(q_cls, rng))


def _around_unit(p_cls: type[Parametric]) -> Draw:
    """P on [0, 1] (or inside it), Q a Uniform that contains [0, 1]."""
    return lambda rng: (draw(p_cls, rng), (-rng.uniform(0, 1), 1 + rng.uniform(0, 1)))


def _inside_unit(rng: np.random.Generator, q_cls: type[Parametric] = Beta) -> tuple[tuple, tuple]:
    """P a Uniform inside (0, 1) (one end at 0 or 1 some of the time), Q a Beta (or ``q_cls``)."""
    low, high = sorted(rng.uniform(0.02, 0.98, size=2))
    ends = [(low, high), (0, high), (low, 1)][int(rng.integers(0, 3))]
    return ends, draw(q_cls, rng)


def _binomial_poisson(rng: np.random.Generator) -> tuple[tuple, tuple]:
    return (int(rng.integers(1, 15)), rng.uniform(0.05, 0.95)), draw(Poisson, rng)


#: ``(P's family, Q's family, parameter draw)`` for the finite pairs with a closed form.
FINITE = [
    (Exponential, Gamma, _pair(Exponential, Gamma)),
    (Gamma, Exponential, _pair(Gamma, Exponential)),
    (Uniform, Normal, _pair(Uniform, Normal)),
    (Normal, Laplace, _pair(Normal, Laplace)),
    (Laplace, Normal, _pair(Laplace, Normal)),
    (Beta, Normal, _pair(Beta, Normal)),
    (Beta, Uniform, _around_unit(Beta)),
    (Uniform, Beta, _inside_unit),
    (Exponential, Normal, _pair(Exponential, Normal)),
    (Gamma, Normal, _pair(Gamma, Normal)),
    (Binomial, Poisson, _binomial_poisson),
    (ContinuousBernoulli, Normal, _pair(ContinuousBernoulli, Normal)),
    (ContinuousBernoulli, Exponential, _pair(ContinuousBernoulli, Exponential)),
    (ContinuousBernoulli, Uniform, _around_unit(ContinuousBernoulli)),
    (Beta, ContinuousBernoulli, _pair(Beta, ContinuousBernoulli)),
    (Uniform, ContinuousBernoulli, lambda rng: _inside_unit(rng, ContinuousBernoulli)),
]
IDS = [f"{p.family}-{q.family}" for p, q, _ in FINITE]


def reference(P: Parametric, Q: Parametric, p_params: tuple, q_params: tuple) -> float:
    """KL(P || Q) from SciPy's densities alone: a sum over P's support, or quadrature split where it bends."""
    p, q = SCIPY[type(P)](*p_params), SCIPY[type(Q)](*q_params)
    if P.discrete:
        last = min(p.support()[1], p.mean() + 40 * p.std() + 50)
        return float(sum(p.pmf(k) * (p.logpmf(k) - q.logpmf(k)) for k in range(int(last) + 1) if p.pmf(k) > 0))
    lo, hi = max(p.support()[0], p.ppf(1e-17)), min(p.support()[1], p.isf(1e-17))
    kinks = [p.mean(), p.ppf(0.05), p.ppf(0.95), *(v for v in q_params if isinstance(Q, Laplace))]
    cuts = sorted({float(lo), float(hi), *(float(c) for c in kinks if lo < c < hi)})

    def integrand(x: float) -> float:
        lp = p.logpdf(x)
        return 0.0 if lp == -math.inf else math.exp(lp) * (lp - q.logpdf(x))

    return sum(integrate.quad(integrand, a, b, epsabs=1e-14, epsrel=1e-12, limit=500)[0]
               for a, b in zip(cuts, cuts[1:]))


def _kl(P: Parametric, Q: Parametric) -> tuple[sp.Expr, list[str]]:
    """``derive.kl(P, Q)`` and the DeriveWarnings it gave."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = derive.kl(P, Q)
    return value, [str(w.message) for w in caught if issubclass(w.category, DeriveWarning)]


@pytest.mark.parametrize("p_cls, q_cls, make", FINITE, ids=IDS)
def test_cross_family_kl_matches_scipy(p_cls, q_cls, make):
    rng = np.random.default_rng([20261208, IDS.index(f"{p_cls.family}-{q_cls.family}")])
    for _ in range(3):
        p_params, q_params = make(rng)
        P, Q = p_cls(*p_params), q_cls(*q_params, name="Q")
        value, warned = _kl(P, Q)
        assert warned == [] and not value.has(sp.Integral, sp.Sum), (value, warned)
        want = reference(P, Q, p_params, q_params)
        assert float(sp.N(value, 30)) == pytest.approx(want, rel=RTOL), (p_params, q_params)


@pytest.mark.parametrize("p_cls, q_cls", [(p, q) for p, q, _ in FINITE if p is not Uniform and q is not Uniform],
                         ids=[i for i, (p, q, _) in zip(IDS, FINITE) if Uniform not in (p, q)])
def test_symbolic_pairs_are_closed(p_cls, q_cls):
    P, Q = p_cls.symbolic(1), q_cls.symbolic(2, name="Q")
    if p_cls is Binomial:
        P = Binomial(7, sp.Symbol("p_1"))
    value, warned = _kl(P, Q)
    assert warned == [] and not value.has(sp.Integral, sp.Sum), (value, warned)


@pytest.mark.parametrize("P, Q, says", [
    (Laplace(1, 2), Exponential(sp.Rational(3, 2), name="Q"), "Interval(-oo, oo) is not inside Interval(0, oo)"),
    (Poisson(sp.Rational(3, 2)), Binomial(10, sp.Rational(1, 3), name="Q"),
     "Range(0, oo, 1) is not inside Range(0, 11, 1)"),
    (Normal(0, 1), ContinuousBernoulli(sp.Rational(1, 3), name="Q"), "is not inside Interval(0, 1)"),
    (Uniform(-1, 1), Beta(2, 3, name="Q"), "Interval(-1, 1) is not inside Interval.open(0, 1)"),
    (Beta(2, 3), Uniform(0, sp.Rational(1, 2), name="Q"), "is not inside Interval(0, 1/2)"),
], ids=["laplace-exponential", "poisson-binomial", "normal-continuousbernoulli", "uniform-beta", "beta-uniform"])
def test_uncovered_support_is_infinite_and_says_why(P, Q, says):
    value, warned = _kl(P, Q)
    assert value == sp.oo
    assert len(warned) == 1 and "Q gives zero" in warned[0] and says in warned[0], warned


def test_uniform_against_beta_with_symbolic_ends():
    """``Uniform(a, 1)``, ``a > 0``: closed; ``Uniform(a, b)`` with ends of unknown sign: the logarithms' facts do
    not apply (they need real logarithms) and the result is infinite off ``0 <= a, b <= 1``, open on it."""
    a, b = sp.Symbol("a", positive=True), sp.Symbol("b")
    value, warned = _kl(Uniform(a, 1), Beta(2, 3, name="Q"))
    assert warned == [] and not value.has(sp.Integral)
    want = reference(Uniform(0.5, 1), Beta(2, 3, name="Q"), (0.5, 1), (2, 3))
    assert float(value.xreplace({a: sp.Rational(1, 2)})) == pytest.approx(want, rel=RTOL)
    value, warned = _kl(Uniform(b, 1), Beta(2, 3, name="Q"))
    assert isinstance(value, sp.Piecewise) and value.has(sp.Integral) and "infinite unless 0 <= b" in warned[0]
    assert value.xreplace({b: -1}) == sp.oo


@pytest.mark.parametrize("p, rate", [(sp.Rational(1, 3), sp.Rational(3, 2)), (sp.Rational(3, 4), 5)])
def test_geometric_against_poisson_stays_open_and_evaluates(p, rate):
    """``E[log K!]`` under a Geometric has no closed form: the sum is kept, and ``sp.N`` evaluates it."""
    P, Q = Geometric(p), Poisson(rate, name="Q")
    value, warned = _kl(P, Q)
    assert value.has(sp.Sum) and "E[log(factorial(k))] under geometric P" in warned[0]
    assert float(sp.N(value, 30)) == pytest.approx(reference(P, Q, (float(p),), (float(rate),)), rel=RTOL)


def test_bernoulli_against_poisson_needs_the_bernoulli_on_0_and_1():
    """A Bernoulli has the named outcomes H and T, so it is refused against a Poisson; ``Binomial(1, p)`` is the
    Bernoulli on {0, 1}, and its KL is PyTorch's ``_kl_bernoulli_poisson``: ``-H(P) - (p log(rate) - rate)``."""
    with pytest.raises(DeriveError, match="different outcomes"):
        derive.kl(Bernoulli(sp.Rational(1, 3)), Poisson(2, name="Q"))
    rng = np.random.default_rng(17)
    for _ in range(3):
        p, rate = rng.uniform(0.05, 0.95), rng.uniform(0.2, 12)
        value, warned = _kl(Binomial(1, p), Poisson(rate, name="Q"))
        assert warned == []
        torch_formula = p * math.log(p) + (1 - p) * math.log1p(-p) - (p * math.log(rate) - rate)
        assert float(value) == pytest.approx(torch_formula, rel=RTOL)
        assert float(value) == pytest.approx(reference(Binomial(1, p), Poisson(rate), (1, p), (rate,)), rel=RTOL)


# -- the facts these pairs need, proved --------------------------------------------------------------------

@pytest.mark.parametrize("name, body", [("mean log", lambda x: sp.log(x)),
                                        ("mean log of complement", lambda x: sp.log(1 - x))])
def test_uniform_log_facts_proved(name, body):
    """``E[log X]`` under ``Uniform(s, s + w)`` (``s, w > 0``): SymPy integrates the logarithm.  ``1 - X`` under
    ``Uniform(1 - v, 1 - w)`` is ``Uniform(w, v)``, so ``E[log(1 - X)]`` there is ``E[log X]`` under
    ``Uniform(w, v)`` (checked).  SciPy agrees at random ends inside (0, 1)."""
    s, v, w = sp.symbols("s v w", positive=True)
    x = Uniform(s, s + w).variable
    mean_log = next(f for f in Uniform(s, s + w).moments if f.name == "mean log")
    value = sp.integrate(sp.log(x) / w, (x, s, s + w), conds="none")
    assert sp.simplify(value - mean_log.rhs) == 0
    if name == "mean log of complement":
        fact = next(f for f in Uniform(1 - v, 1 - w).moments if f.name == name)
        reflected = next(f for f in Uniform(w, v).moments if f.name == "mean log")
        assert sp.simplify(fact.rhs - reflected.rhs) == 0
    rng = np.random.default_rng(18)
    for _ in range(3):
        ends, _beta = _inside_unit(rng)
        numeric = next(f for f in Uniform(*ends).moments if f.name == name)
        g = sp.lambdify(x, body(x), modules="math")
        want = integrate.quad(lambda t: g(t) / (ends[1] - ends[0]), *ends, epsabs=0, epsrel=1e-12)[0]
        assert float(numeric.rhs) == pytest.approx(want, rel=1e-9), ends


@pytest.mark.parametrize("low, high, names", [
    (sp.Rational(1, 4), sp.Rational(3, 4), {"mean log", "mean log of complement"}),
    (0, 1, {"mean log", "mean log of complement"}),
    (-1, sp.Rational(1, 2), {"mean log of complement"}),
    (sp.Rational(1, 2), 2, {"mean log"}),
    (-1, 2, set()),
    (sp.Symbol("a"), sp.Symbol("b"), set()),
])
def test_uniform_log_facts_only_where_the_logarithm_is_real(low, high, names):
    logs = {f.name for f in Uniform(low, high).moments if "log" in f.name}
    assert logs == names
