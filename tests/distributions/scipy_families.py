"""Independent references for the parametric families: SciPy's distributions and random parameters.

Nothing here uses derive's densities: tests compare derive against these.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import stats

from derive.distributions.families import (Beta, Binomial, Exponential, Gamma, Geometric, Laplace, Normal, Parametric,
                                           Poisson, Uniform)

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
    if cls is Gamma:
        return (u(0.8, 6), u(0.2, 4))
    if cls is Beta:
        return (u(0.8, 6), u(0.8, 6))
    if cls is Poisson:
        return (u(0.2, 12),)
    if cls is Geometric:
        return (u(0.05, 0.95),)
    if cls is Binomial:
        return (int(rng.integers(1, 40)), u(0.05, 0.95))
    raise KeyError(cls)


def parameter_points(cls: type[Parametric], count: int = POINTS, salt: int = 0) -> list[tuple[float | int, ...]]:
    """``count`` parameter tuples for ``cls``, the same on every run."""
    rng = np.random.default_rng([SEED, salt, sorted(SCIPY, key=lambda c: c.family).index(cls)])
    return [draw(cls, rng) for _ in range(count)]
