"""Location-scale families and their logarithms (PyTorch and TFP parametrisations): Cauchy, Gumbel, HalfNormal,
LogNormal, Moyal.

Each states the moment facts its closed forms need; ``tests/distributions/test_families.py`` proves each one
(by SymPy integration, after a change of variables where SymPy needs one) and checks it against SciPy.

Two facts take free constants, matched against a log-density term by :meth:`expect`:

* Cauchy: ``E[log((X - a)^2 + b^2)] = log((loc - a)^2 + (scale + b)^2)`` for real ``a`` and ``b >= 0``;
* Gumbel, Moyal: ``E[exp(c X)]`` for real ``c``: a Gamma function of ``c * scale`` where it converges, ``oo``
  elsewhere (a ``Piecewise`` that the closed forms decide on the parameters' domain).

>>> import sympy as sp
>>> Gumbel(0, 1).pmf(sp.Symbol("x"))
exp(-x - exp(-x))
"""

from __future__ import annotations

import sympy as sp

from derive.distributions.parametric import POSITIVE, REAL, C, X, Fact, Parametric, positional

Expectations = tuple[tuple[str, sp.Expr, sp.Expr], ...]

#: The free constants of the Cauchy's fact: a shift ``a`` and a width ``b``.
A = sp.Symbol("a", real=True)
B = sp.Symbol("b", positive=True)


class _LocationScale(Parametric):
    """``loc`` and ``scale`` as the first and second parameters."""

    loc = positional(0)
    scale = positional(1)

    def fact(self, name: str) -> Fact:
        """The fact called ``name``."""
        return next(f for f in self.moments if f.name == name)


class Cauchy(_LocationScale):
    """Location ``loc``, scale ``scale``: density ``scale / (pi ((x - loc)^2 + scale^2))`` on the reals.

    It has no mean: its facts are the expected logarithms of shifted squares, ``E[log((X - a)^2 + b^2)]``.
    """

    family = "cauchy"
    notation = r"\mathrm{Cauchy}"
    description = "a Cauchy distribution"
    parameters = (("loc", "Cauchy location", REAL), ("scale", "Cauchy scale", POSITIVE))
    letters = {"loc": "mu", "scale": "gamma"}

    @property
    def support(self) -> sp.Set:
        return sp.Interval(-sp.oo, sp.oo)

    def density(self, x: sp.Expr) -> sp.Expr:
        return self.scale / (sp.pi * ((x - self.loc) ** 2 + self.scale ** 2))

    def expectations(self) -> Expectations:
        loc, scale = self.loc, self.scale
        return (("mean log of a shifted square", sp.log(X ** 2 - 2 * A * X + A ** 2 + B ** 2),
                 sp.log((loc - A) ** 2 + (scale + B) ** 2)),)

    def expect(self, g: sp.Expr) -> tuple[sp.Expr, Fact] | None:
        """``E[log((X - a)^2 + b^2)]`` for any monic quadratic ``(X - a)^2 + b^2`` (``b`` taken non-negative)."""
        shift = shifted_square(g)
        if shift is None:
            return super().expect(g)
        fact = self.fact("mean log of a shifted square")
        return fact.rhs.xreplace({A: shift[0], B: shift[1]}), fact


def shifted_square(g: sp.Expr) -> tuple[sp.Expr, sp.Expr] | None:
    """``(a, b)`` with ``g = log((x - a)^2 + b^2)`` and ``b`` a non-negative square root; ``None`` otherwise.

    ``b`` is ``sqrt(b^2)`` with powers of symbols taken out (a scale parameter is positive), its sign made
    non-negative: ``g`` depends on ``b^2`` only, so either root gives the same expectation.
    """
    if not isinstance(g, sp.log) or not g.args[0].has(X):
        return None
    poly = sp.Poly(g.args[0], X)
    if poly.degree() != 2 or poly.LC() != 1 or any(c.has(X) for c in poly.all_coeffs()):
        return None
    _, c1, c0 = poly.all_coeffs()
    a = -c1 / 2
    b = sp.powdenest(sp.sqrt(sp.factor(sp.expand(c0 - a ** 2))), force=True)
    if b.could_extract_minus_sign():
        b = -b
    if b.is_extended_real is False or b.is_negative or b.has(sp.I):
        return None
    return sp.expand(a), b


class Gumbel(_LocationScale):
    """Max-Gumbel, location ``loc``, scale ``scale``: density ``exp(-(z + exp(-z))) / scale``, ``z = (x - loc)/scale``.

    ``exp(-Z)`` is Exponential(1), so ``E[exp(c X)] = exp(c loc) Gamma(1 - c scale)`` for ``c scale < 1``.
    """

    family = "gumbel"
    notation = r"\mathrm{Gumbel}"
    description = "a Gumbel distribution"
    parameters = (("loc", "Gumbel location", REAL), ("scale", "Gumbel scale", POSITIVE))
    letters = {"loc": "mu", "scale": "beta"}

    @property
    def support(self) -> sp.Set:
        return sp.Interval(-sp.oo, sp.oo)

    def density(self, x: sp.Expr) -> sp.Expr:
        z = (x - self.loc) / self.scale
        return sp.exp(-z - sp.exp(-z)) / self.scale

    def expectations(self) -> Expectations:
        loc, scale = self.loc, self.scale
        mean = loc + sp.EulerGamma * scale
        return (("mean", X, mean),
                ("second moment", X ** 2, mean ** 2 + sp.pi ** 2 * scale ** 2 / 6),
                ("exponential moment", sp.exp(C * X),
                 sp.Piecewise((sp.exp(C * loc) * sp.gamma(1 - C * scale), C * scale < 1), (sp.oo, True))))


class Moyal(_LocationScale):
    """Location ``loc``, scale ``scale`` (TFP): density ``exp(-(z + exp(-z))/2) / (scale sqrt(2 pi))``,
    ``z = (x - loc)/scale``.

    ``exp(-Z)`` is chi-squared with one degree of freedom, so
    ``E[exp(c X)] = exp(c loc) 2^(-c scale) Gamma(1/2 - c scale) / sqrt(pi)`` for ``c scale < 1/2``.
    """

    family = "moyal"
    notation = r"\mathrm{Moyal}"
    description = "a Moyal distribution"
    parameters = (("loc", "Moyal location", REAL), ("scale", "Moyal scale", POSITIVE))
    letters = {"loc": "mu", "scale": "sigma"}

    @property
    def support(self) -> sp.Set:
        return sp.Interval(-sp.oo, sp.oo)

    def density(self, x: sp.Expr) -> sp.Expr:
        z = (x - self.loc) / self.scale
        return sp.exp(-(z + sp.exp(-z)) / 2) / (self.scale * sp.sqrt(2 * sp.pi))

    def expectations(self) -> Expectations:
        loc, scale = self.loc, self.scale
        mean = loc + scale * (sp.EulerGamma + sp.log(2))
        tilt = sp.exp(C * loc) * 2 ** (-C * scale) * sp.gamma(sp.Rational(1, 2) - C * scale) / sp.sqrt(sp.pi)
        return (("mean", X, mean),
                ("second moment", X ** 2, mean ** 2 + sp.pi ** 2 * scale ** 2 / 2),
                ("exponential moment", sp.exp(C * X),
                 sp.Piecewise((tilt, C * scale < sp.Rational(1, 2)), (sp.oo, True))))


class HalfNormal(Parametric):
    """Scale ``scale``: density ``sqrt(2 / pi) / scale * exp(-x^2 / (2 scale^2))`` on ``[0, oo)``."""

    family = "halfnormal"
    notation = r"\mathrm{HalfNormal}"
    description = "a half-normal distribution"
    parameters = (("scale", "HalfNormal scale", POSITIVE),)
    letters = {"scale": "sigma"}

    scale = positional(0)

    @property
    def support(self) -> sp.Set:
        return sp.Interval(0, sp.oo)

    def density(self, x: sp.Expr) -> sp.Expr:
        return sp.sqrt(2) / (self.scale * sp.sqrt(sp.pi)) * sp.exp(-x ** 2 / (2 * self.scale ** 2))

    def expectations(self) -> Expectations:
        scale = self.scale
        return (("mean", X, scale * sp.sqrt(2) / sp.sqrt(sp.pi)),
                ("second moment", X ** 2, scale ** 2),
                ("mean log", sp.log(X), sp.log(scale) - (sp.EulerGamma + sp.log(2)) / 2))


class LogNormal(_LocationScale):
    """``log X ~ N(loc, scale^2)``: density ``exp(-(log x - loc)^2 / (2 scale^2)) / (x scale sqrt(2 pi))`` on
    ``(0, oo)``; written ``LogNormal(mu, sigma^2)``."""

    family = "lognormal"
    notation = r"\mathrm{LogNormal}"
    description = "a log-normal distribution"
    parameters = (("loc", "LogNormal location", REAL), ("scale", "LogNormal scale", POSITIVE))
    letters = {"loc": "mu", "scale": "sigma"}

    @property
    def shown_params(self) -> tuple[sp.Expr, ...]:
        """As people write it: the mean and variance of ``log X``."""
        return (self.loc, self.scale ** 2)

    @property
    def support(self) -> sp.Set:
        return sp.Interval.open(0, sp.oo)

    def density(self, x: sp.Expr) -> sp.Expr:
        loc, scale = self.loc, self.scale
        return sp.exp(-(sp.log(x) - loc) ** 2 / (2 * scale ** 2)) / (x * scale * sp.sqrt(2 * sp.pi))

    def expectations(self) -> Expectations:
        loc, scale = self.loc, self.scale
        return (("mean log", sp.log(X), loc),
                ("mean squared log", sp.log(X) ** 2, loc ** 2 + scale ** 2),
                ("mean", X, sp.exp(loc + scale ** 2 / 2)),
                ("second moment", X ** 2, sp.exp(2 * loc + 2 * scale ** 2)))


LOCATION_SCALE: tuple[type[Parametric], ...] = (Cauchy, Gumbel, HalfNormal, LogNormal, Moyal)
