"""Independent references for the parametric families: SciPy's distributions and random parameters.

Nothing here uses derive's densities: tests compare derive against these.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import stats

from derive.distributions.families import (Beta, Binomial, Exponential, Gamma, Geometric, Laplace, Normal, Parametric,
                                           Poisson, Uniform)
from derive.distributions.positive import Chi, Chi2, InverseGamma, Pareto, Weibull
from derive.distributions.bounded import ContinuousBernoulli, VonMises
from derive.distributions.location_scale import Cauchy, Gumbel, HalfNormal, LogNormal, Moyal

from tests.distributions.scipy_bounded import continuous_bernoulli, von_mises

SEED = 20240604
POINTS = 5

#: The same distribution in SciPy, from derive's (PyTorch) parameters.
SCIPY: dict[type[Parametric], Callable[..., object]] = {
    Normal: lambda mu, sigma: stats.norm(mu, sigma),
    Exponential: lambda rate: stats.expon(scale=1 / rate),
    Laplace: lambda loc, scale: stats.laplace(loc, scale),
    Uniform: lambda low, high: stats.uniform(low, high - low),
    Gamma: lambda a, rate: stats.gamma(a, scale=1 / rate),
    Beta: lambda a, b: stats.beta(a, b),
    Poisson: lambda rate: stats.poisson(rate),
    Geometric: lambda p: stats.geom(p, loc=-1),  # SciPy counts trials; derive counts failures
    Binomial: lambda n, p: stats.binom(n, p),
    Chi2: lambda df: stats.chi2(df),
    Chi: lambda df: stats.chi(df),
    InverseGamma: lambda a, rate: stats.invgamma(a, scale=rate),
    Pareto: lambda scale, alpha: stats.pareto(alpha, scale=scale),
    Weibull: lambda scale, k: stats.weibull_min(k, scale=scale),
    ContinuousBernoulli: lambda probs: continuous_bernoulli(probs),
    VonMises: lambda loc, kappa: von_mises(loc, kappa),
    Cauchy: lambda loc, scale: stats.cauchy(loc, scale),
    Gumbel: lambda loc, scale: stats.gumbel_r(loc, scale),
    HalfNormal: lambda scale: stats.halfnorm(scale=scale),
    LogNormal: lambda loc, scale: stats.lognorm(scale, scale=np.exp(loc)),
    Moyal: lambda loc, scale: stats.moyal(loc, scale),
}


def draw(cls: type[Parametric], rng: np.random.Generator) -> tuple[float | int, ...]:
    """Random parameters of ``cls``, away from the edges where quadrature loses digits."""
    u = rng.uniform
    if cls is Normal:
        return (u(-2, 2), u(0.3, 3))
    if cls is Exponential:
        return (u(0.2, 5),)
    if cls is Laplace:
        return (u(-2, 2), u(0.3, 3))
    if cls is Uniform:
        low = u(-3, 2)
        return (low, low + u(0.2, 4))
    if cls is Gamma:  # 3 decimals: SymPy's exact rate ** concentration stays small (long ones hang in factoring)
        return (round(u(0.8, 6), 3), round(u(0.2, 4), 3))
    if cls is Beta:
        return (u(0.8, 6), u(0.8, 6))
    if cls is Poisson:
        return (u(0.2, 12),)
    if cls is Geometric:
        return (u(0.05, 0.95),)
    if cls is Binomial:
        return (int(rng.integers(1, 40)), u(0.05, 0.95))
    if cls in (Chi2, Chi, InverseGamma, Pareto, Weibull):  # 3 decimals: SymPy's exact rational powers stay small
        return tuple(round(v, 3) for v in _positive(cls, u))
    if cls is ContinuousBernoulli:
        return (u(0.05, 0.95),)
    if cls is VonMises:
        return (u(-3, 3), u(0.3, 8))
    if cls in (Cauchy, Gumbel, Moyal):
        return (u(-2, 2), u(0.3, 3))
    if cls is HalfNormal:
        return (u(0.3, 3),)
    if cls is LogNormal:
        return (u(-1, 1), u(0.2, 1.2))
    raise KeyError(cls)


def _positive(cls: type[Parametric], u: Callable[[float, float], float]) -> tuple[float, ...]:
    """Chi2, Chi: df; InverseGamma: a > 1 (a finite mean); Pareto: alpha > 2 (finite mean and second moment)."""
    if cls in (Chi2, Chi):
        return (u(1, 10),)
    if cls is InverseGamma:
        return (u(1.5, 6), u(0.3, 4))
    if cls is Pareto:
        return (u(0.3, 3), u(2.5, 6))
    return (u(0.3, 3), u(0.7, 4))


def parameter_points(cls: type[Parametric], count: int = POINTS, salt: int = 0) -> list[tuple[float | int, ...]]:
    """``count`` parameter tuples for ``cls``, the same on every run."""
    rng = np.random.default_rng([SEED, salt, sorted(SCIPY, key=lambda c: c.family).index(cls)])
    return [draw(cls, rng) for _ in range(count)]
