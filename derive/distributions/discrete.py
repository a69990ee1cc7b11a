"""Discrete families on the integers (PyTorch parametrisations): Poisson, Geometric, Binomial.

>>> import sympy as sp
>>> Geometric(sp.Rational(1, 3)).pmf(2)
4/27
"""

from __future__ import annotations

from numbers import Integral

import sympy as sp

from derive.distributions.parametric import POSITIVE, UNIT, K, Parametric, positional
from derive.errors import InvalidParameter

Expectations = tuple[tuple[str, sp.Expr, sp.Expr], ...]


class Poisson(Parametric):
    """Rate ``rate``: mass ``rate^k exp(-rate) / k!`` for ``k = 0, 1, 2, ...``."""

    family = "poisson"
    notation = r"\mathrm{Poisson}"
    description = "a Poisson distribution"
    discrete = True
    parameters = (("rate", "Poisson rate", POSITIVE),)
    letters = {"rate": "lambda"}

    rate = positional(0)

    @property
    def support(self) -> sp.Set:
        return sp.Range(0, sp.oo)

    def density(self, k: sp.Expr) -> sp.Expr:
        return self.rate ** k * sp.exp(-self.rate) / sp.factorial(k)

    def expectations(self) -> Expectations:
        rate = self.rate
        return (("mean", K, rate),
                ("second moment", K ** 2, rate + rate ** 2))


class Geometric(Parametric):
    """Success probability ``p``; ``k`` failures before the first success: mass ``p (1 - p)^k``, ``k = 0, 1, ...``."""

    family = "geometric"
    notation = r"\mathrm{Geom}"
    description = "a geometric distribution"
    discrete = True
    parameters = (("p", "Geometric success probability", UNIT),)

    p = positional(0)

    @property
    def support(self) -> sp.Set:
        return sp.Range(0, sp.oo)

    def density(self, k: sp.Expr) -> sp.Expr:
        return self.p * (1 - self.p) ** k

    def expectations(self) -> Expectations:
        p = self.p
        return (("mean", K, (1 - p) / p),
                ("second moment", K ** 2, (1 - p) * (2 - p) / p ** 2))


class Binomial(Parametric):
    """``n`` trials (a positive integer number, or a symbol taken as one), success probability ``p``:
    mass ``C(n, k) p^k (1 - p)^(n - k)`` for ``k = 0, ..., n``."""

    family = "binomial"
    notation = r"\mathrm{Bin}"
    description = "a binomial distribution"
    discrete = True
    parameters = (("n", "Binomial number of trials", POSITIVE), ("p", "Binomial success probability", UNIT))

    @classmethod
    def _convert(cls, value: object, attribute: str, what: str, interval: sp.Interval) -> sp.Expr:
        if attribute != "n":
            return super()._convert(value, attribute, what, interval)
        if isinstance(value, sp.Symbol):  # a symbolic number of trials: a positive integer
            if value.is_integer is False or value.is_positive is False:
                raise InvalidParameter(f"{what} {value} is declared with assumptions that make it no positive integer")
            return sp.Symbol(value.name, integer=True, positive=True)
        if isinstance(value, bool) or not isinstance(value, (Integral, sp.Integer)) or int(value) < 1:
            raise InvalidParameter(f"{what} must be a positive integer number or a symbol, got {value!r}")
        return sp.Integer(int(value))

    @property
    def n(self) -> sp.Integer:
        return self.args[0]

    p = positional(1)

    @property
    def support(self) -> sp.Set:
        return sp.Range(0, self.n + 1)

    def density(self, k: sp.Expr) -> sp.Expr:
        return sp.binomial(self.n, k) * self.p ** k * (1 - self.p) ** (self.n - k)

    def expectations(self) -> Expectations:
        n, p = self.n, self.p
        return (("mean", K, n * p),
                ("second moment", K ** 2, n * p * (1 - p) + n ** 2 * p ** 2))


DISCRETE: tuple[type[Parametric], ...] = (Poisson, Geometric, Binomial)
