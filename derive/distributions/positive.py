"""Families on the positive half-line (PyTorch and TFP parametrisations): Chi2, Chi, InverseGamma, Pareto, Weibull.

Each states the moment facts its entropy, its same-family KL divergence and the
usual cross-family pairs need.  A fact that holds only for some parameters says
so in its value: ``E[X]`` under a Pareto is ``oo`` unless ``alpha > 1``, and
``E[X^c]`` under a Weibull (any real ``c``, the free constant ``C``) is ``oo``
unless ``c > -k``: a ``Piecewise`` true for every value of its symbols.

>>> import sympy as sp
>>> Pareto(1, 3).pmf(sp.Integer(2))
3/16
"""

from __future__ import annotations

import sympy as sp

from derive.distributions.parametric import C, POSITIVE, X, Parametric, positional

Expectations = tuple[tuple[str, sp.Expr, sp.Expr], ...]


def diverges_unless(value: sp.Expr, condition: sp.Basic) -> sp.Expr:
    """``value`` where ``condition`` holds and ``oo`` elsewhere: the expectation of a positive variable."""
    return sp.Piecewise((value, condition), (sp.oo, True))


class Chi2(Parametric):
    """Degrees of freedom ``df``: density ``x^(df/2-1) exp(-x/2) / (2^(df/2) Gamma(df/2))`` on ``(0, oo)``.

    PyTorch's ``Chi2(df)``: the gamma distribution with concentration ``df/2`` and rate ``1/2``.
    """

    family = "chi2"
    notation = r"\chi^2"
    description = "a chi-squared distribution"
    parameters = (("df", "Chi2 degrees of freedom", POSITIVE),)
    letters = {"df": "nu"}

    df = positional(0)

    @property
    def support(self) -> sp.Set:
        return sp.Interval.open(0, sp.oo)

    def density(self, x: sp.Expr) -> sp.Expr:
        half = self.df / 2
        return x ** (half - 1) * sp.exp(-x / 2) / (2 ** half * sp.gamma(half))

    def expectations(self) -> Expectations:
        df = self.df
        return (("mean", X, df),
                ("second moment", X ** 2, df * (df + 2)),
                ("mean log", sp.log(X), sp.digamma(df / 2) + sp.log(2)),
                ("moment of order c", X ** C, diverges_unless(2 ** C * sp.gamma(df / 2 + C) / sp.gamma(df / 2),
                                                              C > -df / 2)))


class Chi(Parametric):
    """Degrees of freedom ``df``: density ``x^(df-1) exp(-x^2/2) / (2^(df/2-1) Gamma(df/2))`` on ``[0, oo)``.

    TensorFlow Probability's ``Chi(df)``: the square root of a ``Chi2(df)`` variable.
    """

    family = "chi"
    notation = r"\chi"
    description = "a chi distribution"
    parameters = (("df", "Chi degrees of freedom", POSITIVE),)
    letters = {"df": "nu"}

    df = positional(0)

    @property
    def support(self) -> sp.Set:
        return sp.Interval(0, sp.oo)

    def density(self, x: sp.Expr) -> sp.Expr:
        df = self.df
        return x ** (df - 1) * sp.exp(-x ** 2 / 2) / (2 ** (df / 2 - 1) * sp.gamma(df / 2))

    def expectations(self) -> Expectations:
        df = self.df
        return (("mean", X, sp.sqrt(2) * sp.gamma((df + 1) / 2) / sp.gamma(df / 2)),
                ("second moment", X ** 2, df),
                ("mean log", sp.log(X), (sp.digamma(df / 2) + sp.log(2)) / 2),
                ("moment of order c", X ** C, diverges_unless(2 ** (C / 2) * sp.gamma((df + C) / 2) / sp.gamma(df / 2),
                                                              C > -df)))


class InverseGamma(Parametric):
    """Shape ``concentration``, ``rate``: density ``rate^a x^(-a-1) exp(-rate/x) / Gamma(a)`` on ``(0, oo)``.

    PyTorch's ``InverseGamma(concentration, rate)``: ``1/X`` for ``X ~ Gamma(concentration, rate)``.
    """

    family = "inversegamma"
    notation = r"\mathrm{InvGamma}"
    description = "an inverse gamma distribution"
    parameters = (("concentration", "InverseGamma concentration", POSITIVE), ("rate", "InverseGamma rate", POSITIVE))
    letters = {"concentration": "alpha", "rate": "beta"}

    concentration = positional(0)
    rate = positional(1)

    @property
    def support(self) -> sp.Set:
        return sp.Interval.open(0, sp.oo)

    def density(self, x: sp.Expr) -> sp.Expr:
        a, rate = self.concentration, self.rate
        return rate ** a * x ** (-a - 1) * sp.exp(-rate / x) / sp.gamma(a)

    def expectations(self) -> Expectations:
        a, rate = self.concentration, self.rate
        return (("mean reciprocal", 1 / X, a / rate),
                ("mean log", sp.log(X), sp.log(rate) - sp.digamma(a)),
                ("mean", X, diverges_unless(rate / (a - 1), a > 1)))


class Pareto(Parametric):
    """Scale ``scale``, shape ``alpha``: density ``alpha scale^alpha / x^(alpha+1)`` on ``[scale, oo)``.

    The support depends on ``scale``: ``KL(P || Q)`` is ``oo`` unless Q's scale is at most P's.
    """

    family = "pareto"
    notation = r"\mathrm{Pareto}"
    description = "a Pareto distribution"
    parameters = (("scale", "Pareto scale", POSITIVE), ("alpha", "Pareto shape alpha", POSITIVE))
    letters = {"scale": "s"}

    scale = positional(0)
    alpha = positional(1)

    @property
    def support(self) -> sp.Set:
        return sp.Interval(self.scale, sp.oo)

    def density(self, x: sp.Expr) -> sp.Expr:
        alpha, scale = self.alpha, self.scale
        return alpha * scale ** alpha * x ** (-alpha - 1)

    def expectations(self) -> Expectations:
        alpha, scale = self.alpha, self.scale
        return (("mean log", sp.log(X), sp.log(scale) + 1 / alpha),
                ("mean", X, diverges_unless(alpha * scale / (alpha - 1), alpha > 1)),
                ("second moment", X ** 2, diverges_unless(alpha * scale ** 2 / (alpha - 2), alpha > 2)))


class Weibull(Parametric):
    """Scale ``scale``, shape ``concentration``: density ``(k/scale) (x/scale)^(k-1) exp(-(x/scale)^k)`` on
    ``[0, oo)``, ``k`` the concentration (PyTorch's ``Weibull(scale, concentration)``)."""

    family = "weibull"
    notation = r"\mathrm{Weibull}"
    description = "a Weibull distribution"
    parameters = (("scale", "Weibull scale", POSITIVE), ("concentration", "Weibull concentration", POSITIVE))
    letters = {"scale": "lambda", "concentration": "k"}

    scale = positional(0)
    concentration = positional(1)

    @property
    def support(self) -> sp.Set:
        return sp.Interval(0, sp.oo)

    def density(self, x: sp.Expr) -> sp.Expr:
        scale, k = self.scale, self.concentration
        return k / scale ** k * x ** (k - 1) * sp.exp(-x ** k / scale ** k)

    def expectations(self) -> Expectations:
        scale, k = self.scale, self.concentration
        return (("mean", X, scale * sp.gamma(1 + 1 / k)),
                ("second moment", X ** 2, scale ** 2 * sp.gamma(1 + 2 / k)),
                ("mean of the power k", X ** k, scale ** k),
                ("mean log", sp.log(X), sp.log(scale) - sp.EulerGamma / k),
                ("moment of order c", X ** C, diverges_unless(scale ** C * sp.gamma(1 + C / k), C > -k)))


#: The positive families, in the order ``FAMILIES`` lists them.
POSITIVE_FAMILIES: tuple[type[Parametric], ...] = (Chi2, Chi, InverseGamma, Pareto, Weibull)
