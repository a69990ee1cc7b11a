"""Families on a bounded support (PyTorch parametrisations): ContinuousBernoulli on [0, 1], VonMises on [-pi, pi).

The continuous Bernoulli's normaliser ``C(lambda) = 2 atanh(1 - 2 lambda) / (1 - 2 lambda)`` has a removable
singularity at ``lambda = 1/2`` (its limit there is 2); it and every fact built on it are written as a
``Piecewise`` with the limit as the branch at 1/2, so a closed form is exact at 1/2 and next to it.

>>> import sympy as sp
>>> ContinuousBernoulli(sp.Rational(1, 2)).pmf(sp.Rational(1, 3))
1
>>> VonMises(0, 1).pmf(0)
E/(2*pi*besseli(0, 1))
"""

from __future__ import annotations

import sympy as sp

from derive.distributions.parametric import C, POSITIVE, REAL, UNIT, X, Parametric, positional

Expectations = tuple[tuple[str, sp.Expr, sp.Expr], ...]

HALF = sp.Rational(1, 2)


def at_half(probs: sp.Expr, value: sp.Expr, general: sp.Expr) -> sp.Expr:
    """``value`` where ``probs = 1/2`` (the limit of ``general`` there), ``general`` elsewhere."""
    return sp.Piecewise((value, sp.Eq(probs, HALF)), (general, True))


def normalizer(probs: sp.Expr) -> sp.Expr:
    """``C(lambda) = 2 atanh(1 - 2 lambda) / (1 - 2 lambda)``, and its limit 2 at ``lambda = 1/2``."""
    return at_half(probs, sp.Integer(2), 2 * sp.atanh(1 - 2 * probs) / (1 - 2 * probs))


class ContinuousBernoulli(Parametric):
    """Probability ``probs`` (``lambda``): density ``C(lambda) lambda^x (1 - lambda)^(1 - x)`` on ``[0, 1]``.

    With ``eta = log(lambda / (1 - lambda)) = -2 atanh(1 - 2 lambda)`` the density is
    ``eta e^(eta x) / (e^eta - 1)``, an exponential density cut to [0, 1] (uniform at ``lambda = 1/2``).
    """

    family = "continuousbernoulli"
    notation = r"\mathcal{CB}"
    description = "a continuous Bernoulli distribution"
    parameters = (("probs", "ContinuousBernoulli probability", UNIT),)
    letters = {"probs": "lambda"}

    probs = positional(0)

    @property
    def support(self) -> sp.Set:
        return sp.Interval(0, 1)

    def density(self, x: sp.Expr) -> sp.Expr:
        lam = self.probs
        return normalizer(lam) * lam ** x * (1 - lam) ** (1 - x)

    def expectations(self) -> Expectations:
        lam = self.probs
        inverse = 1 / sp.atanh(1 - 2 * lam)  # -2 / eta
        ratio = lam / (2 * lam - 1)  # e^eta / (e^eta - 1)
        return (("mean", X, at_half(lam, HALF, ratio + inverse / 2)),
                ("second moment", X ** 2, at_half(lam, sp.Rational(1, 3), ratio * (1 + inverse) + inverse ** 2 / 2)))


class VonMises(Parametric):
    """Location ``loc``, concentration ``concentration`` (``kappa``):
    density ``exp(kappa cos(x - loc)) / (2 pi I_0(kappa))`` on ``[-pi, pi)``."""

    family = "vonmises"
    notation = r"\mathrm{VM}"
    description = "a von Mises distribution"
    parameters = (("loc", "VonMises location", REAL), ("concentration", "VonMises concentration", POSITIVE))
    letters = {"loc": "mu", "concentration": "kappa"}

    loc = positional(0)
    concentration = positional(1)

    @property
    def support(self) -> sp.Set:
        return sp.Interval.Ropen(-sp.pi, sp.pi)

    def density(self, x: sp.Expr) -> sp.Expr:
        kappa = self.concentration
        return sp.exp(kappa * sp.cos(x - self.loc)) / (2 * sp.pi * sp.besseli(0, kappa))

    def expectations(self) -> Expectations:
        loc, kappa = self.loc, self.concentration
        resultant = sp.besseli(1, kappa) / sp.besseli(0, kappa)  # A(kappa) = I_1(kappa) / I_0(kappa)
        return (("mean cosine about the location", sp.cos(X - loc), resultant),
                ("mean sine about the location", sp.sin(X - loc), sp.Integer(0)),
                ("mean cosine about c", sp.cos(X - C), sp.cos(C - loc) * resultant))


BOUNDED: tuple[type[Parametric], ...] = (ContinuousBernoulli, VonMises)
