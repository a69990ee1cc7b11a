"""Continuous families (PyTorch parametrisations): Normal, Exponential, Laplace, Uniform, Gamma, Beta.

>>> import sympy as sp
>>> Normal(0, 1).pmf(sp.Symbol("x"))
sqrt(2)*exp(-x**2/2)/(2*sqrt(pi))
"""

from __future__ import annotations

import sympy as sp

from derive.core.constraints import Ordered
from derive.core.domain import Domain
from derive.distributions.parametric import C, POSITIVE, REAL, UNIT, X, Parametric, positional
from derive.errors import InvalidParameter

Expectations = tuple[tuple[str, sp.Expr, sp.Expr], ...]


class Normal(Parametric):
    """``N(mu, sigma^2)``: density ``exp(-(x - mu)^2 / (2 sigma^2)) / (sigma sqrt(2 pi))`` on the reals."""

    family = "normal"
    notation = r"\mathcal{N}"
    description = "a normal distribution"
    parameters = (("mu", "Normal mean mu", REAL), ("sigma", "Normal scale sigma", POSITIVE))


    @property
    def shown_params(self) -> tuple[sp.Expr, ...]:
        """As people write it: mean and variance."""
        return (self.mu, self.sigma ** 2)

    mu = positional(0)
    sigma = positional(1)

    @property
    def support(self) -> sp.Set:
        return sp.Interval(-sp.oo, sp.oo)

    def density(self, x: sp.Expr) -> sp.Expr:
        return sp.exp(-(x - self.mu) ** 2 / (2 * self.sigma ** 2)) / (self.sigma * sp.sqrt(2 * sp.pi))

    def expectations(self) -> Expectations:
        mu, sigma = self.mu, self.sigma
        return (("mean", X, mu),
                ("second moment", X ** 2, sigma ** 2 + mu ** 2),
                ("mean distance to c", sp.Abs(X - C),
                 (mu - C) * sp.erf((mu - C) / (sp.sqrt(2) * sigma))
                 + sigma * sp.sqrt(2 / sp.pi) * sp.exp(-(mu - C) ** 2 / (2 * sigma ** 2))),
                ("exponential moment", sp.exp(C * X), sp.exp(C * mu + C ** 2 * sigma ** 2 / 2)))


class Exponential(Parametric):
    """Rate ``rate``: density ``rate * exp(-rate x)`` on ``[0, oo)``."""

    family = "exponential"
    notation = r"\mathrm{Exp}"
    description = "an exponential distribution"
    parameters = (("rate", "Exponential rate", POSITIVE),)
    letters = {"rate": "lambda"}

    rate = positional(0)

    @property
    def support(self) -> sp.Set:
        return sp.Interval(0, sp.oo)

    def density(self, x: sp.Expr) -> sp.Expr:
        return self.rate * sp.exp(-self.rate * x)

    def expectations(self) -> Expectations:
        rate = self.rate
        return (("mean", X, 1 / rate),
                ("second moment", X ** 2, 2 / rate ** 2),
                ("mean log", sp.log(X), -sp.EulerGamma - sp.log(rate)),
                ("moment of order c", X ** C, sp.Piecewise((sp.gamma(1 + C) / rate ** C, C > -1), (sp.oo, True))))


class Laplace(Parametric):
    """Location ``loc``, scale ``scale``: density ``exp(-|x - loc| / scale) / (2 scale)`` on the reals."""

    family = "laplace"
    notation = r"\mathrm{Laplace}"
    description = "a Laplace distribution"
    parameters = (("loc", "Laplace location", REAL), ("scale", "Laplace scale", POSITIVE))
    letters = {"loc": "mu", "scale": "b"}

    loc = positional(0)
    scale = positional(1)

    @property
    def support(self) -> sp.Set:
        return sp.Interval(-sp.oo, sp.oo)

    def density(self, x: sp.Expr) -> sp.Expr:
        return sp.exp(-sp.Abs(x - self.loc) / self.scale) / (2 * self.scale)

    def expectations(self) -> Expectations:
        loc, scale = self.loc, self.scale
        return (("mean", X, loc),
                ("second moment", X ** 2, loc ** 2 + 2 * scale ** 2),
                ("mean absolute deviation", sp.Abs(X - loc), scale),
                ("mean distance to c", sp.Abs(X - C), sp.Abs(C - loc) + scale * sp.exp(-sp.Abs(C - loc) / scale)))


class Uniform(Parametric):
    """Uniform on ``[low, high]``, ``low < high``: density ``1 / (high - low)``."""

    family = "uniform"
    notation = r"\mathcal{U}"
    description = "a uniform distribution"
    parameters = (("low", "Uniform lower end", REAL), ("high", "Uniform upper end", REAL))
    letters = {"low": "a", "high": "b"}

    @classmethod
    def _check_joint(cls, values: tuple[sp.Expr, ...]) -> None:
        low, high = values
        if low.is_number and high.is_number and not low < high:
            raise InvalidParameter(f"Uniform needs low < high, got low = {low}, high = {high}")
        for symbol, interval in _ends(low, high):
            if interval.contains(symbol) is sp.false:
                raise InvalidParameter(f"Uniform end {symbol} is declared with assumptions outside {interval}")

    low = positional(0)
    high = positional(1)

    @property
    def domain(self) -> Domain:
        low, high = self.low, self.high
        if isinstance(low, sp.Symbol) and isinstance(high, sp.Symbol):
            return Domain(constraints=(Ordered(low, high),))
        return Domain(_ends(low, high))

    @property
    def support(self) -> sp.Set:
        return sp.Interval(self.low, self.high)

    def density(self, x: sp.Expr) -> sp.Expr:
        return 1 / (self.high - self.low)

    def expectations(self) -> Expectations:
        low, high = self.low, self.high
        moments = (("mean", X, (low + high) / 2),
                   ("second moment", X ** 2, (low ** 2 + low * high + high ** 2) / 3))
        return moments + _log_facts(low, high)


def _log_facts(low: sp.Expr, high: sp.Expr) -> Expectations:
    """``E[log X]`` when ``low >= 0`` and ``E[log(1 - X)]`` when ``high <= 1`` are sure (real logarithms);
    ``[x log x - x]`` between the ends, over ``high - low``, with ``0 log 0 = 0``."""
    facts: Expectations = ()
    if low == 0 or low.is_positive:
        facts += (("mean log", sp.log(X), (_xlogx(high) - _xlogx(low)) / (high - low) - 1),)
    if high == 1 or (1 - high).is_positive:
        facts += (("mean log of complement", sp.log(1 - X),
                   (_xlogx(1 - low) - _xlogx(1 - high)) / (high - low) - 1),)
    return facts


def _xlogx(v: sp.Expr) -> sp.Expr:
    """``v log v``, and 0 at ``v = 0`` (its limit)."""
    return sp.Integer(0) if v == 0 else v * sp.log(v)


def _ends(low: sp.Expr, high: sp.Expr) -> tuple[tuple[sp.Symbol, sp.Interval], ...]:
    """The interval of a symbolic end when the other end is a number."""
    if isinstance(low, sp.Symbol) and high.is_number:
        return ((low, sp.Interval.open(-sp.oo, high)),)
    if isinstance(high, sp.Symbol) and low.is_number:
        return ((high, sp.Interval.open(low, sp.oo)),)
    return ()


class Gamma(Parametric):
    """Shape ``concentration``, rate ``rate``: density ``rate^a x^(a-1) exp(-rate x) / Gamma(a)`` on ``(0, oo)``."""

    family = "gamma"
    notation = r"\mathrm{Gamma}"
    description = "a gamma distribution"
    parameters = (("concentration", "Gamma concentration", POSITIVE), ("rate", "Gamma rate", POSITIVE))
    letters = {"concentration": "alpha", "rate": "lambda"}

    concentration = positional(0)
    rate = positional(1)

    @property
    def support(self) -> sp.Set:
        return sp.Interval.open(0, sp.oo)

    def density(self, x: sp.Expr) -> sp.Expr:
        a, rate = self.concentration, self.rate
        return rate ** a * x ** (a - 1) * sp.exp(-rate * x) / sp.gamma(a)

    def expectations(self) -> Expectations:
        a, rate = self.concentration, self.rate
        return (("mean", X, a / rate),
                ("second moment", X ** 2, a * (a + 1) / rate ** 2),
                ("mean log", sp.log(X), sp.digamma(a) - sp.log(rate)),
                ("moment of order c", X ** C,
                 sp.Piecewise((sp.gamma(a + C) / (sp.gamma(a) * rate ** C), C > -a), (sp.oo, True))))


class Beta(Parametric):
    """Concentrations ``a`` (``concentration1``) and ``b`` (``concentration0``):
    density ``x^(a-1) (1-x)^(b-1) Gamma(a+b) / (Gamma(a) Gamma(b))`` on ``(0, 1)``."""

    family = "beta"
    notation = r"\mathrm{Beta}"
    description = "a beta distribution"
    parameters = (("a", "Beta concentration a", POSITIVE), ("b", "Beta concentration b", POSITIVE))

    a = positional(0)
    b = positional(1)

    @property
    def support(self) -> sp.Set:
        return UNIT

    def density(self, x: sp.Expr) -> sp.Expr:
        a, b = self.a, self.b
        return x ** (a - 1) * (1 - x) ** (b - 1) * sp.gamma(a + b) / (sp.gamma(a) * sp.gamma(b))

    def expectations(self) -> Expectations:
        a, b = self.a, self.b
        return (("mean", X, a / (a + b)),
                ("second moment", X ** 2, a * (a + 1) / ((a + b) * (a + b + 1))),
                ("mean log", sp.log(X), sp.digamma(a) - sp.digamma(a + b)),
                ("mean log of complement", sp.log(1 - X), sp.digamma(b) - sp.digamma(a + b)))


CONTINUOUS: tuple[type[Parametric], ...] = (Normal, Exponential, Laplace, Uniform, Gamma, Beta)
