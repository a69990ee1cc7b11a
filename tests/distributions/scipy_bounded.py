"""SciPy twins of the bounded families, built from SciPy's own distributions (nothing here uses derive).

SciPy has no continuous Bernoulli: with ``eta = logit(lambda)`` its density ``eta e^(eta x) / (e^eta - 1)`` on
[0, 1] is SciPy's ``truncexpon`` with ``b = |eta|``, ``scale = 1/|eta|`` (mirrored, ``x -> 1 - x``, when
``eta > 0``; uniform when ``eta = 0``).  SciPy's ``vonmises`` with a location lives on ``[loc - pi, loc + pi]``;
the twin here lives on ``[-pi, pi)`` as PyTorch's does, with SciPy's density at ``x - loc`` wrapped into
``[-pi, pi)`` (the density is 2 pi periodic).
"""

from __future__ import annotations

import math

import numpy as np
from scipy import integrate, stats


def _logit(lam: float) -> float:
    return math.log(lam) - math.log1p(-lam)


def _cb_pdf(x: float, lam: float) -> float:
    eta = _logit(lam)
    if eta == 0:
        return 1.0
    e = abs(eta)
    return float(stats.truncexpon.pdf(1 - x if eta > 0 else x, e, scale=1 / e))


def _cb_cdf(x: float, lam: float) -> float:
    eta = _logit(lam)
    if eta == 0:
        return float(x)
    e = abs(eta)
    if eta > 0:
        return 1.0 - float(stats.truncexpon.cdf(1 - x, e, scale=1 / e))
    return float(stats.truncexpon.cdf(x, e, scale=1 / e))


class ContinuousBernoulliTwin(stats.rv_continuous):
    """The continuous Bernoulli on [0, 1] from SciPy's truncated exponential."""

    def _argcheck(self, lam: np.ndarray) -> np.ndarray:
        return (lam > 0) & (lam < 1)

    def _pdf(self, x: np.ndarray, lam: np.ndarray) -> np.ndarray:
        return np.vectorize(_cb_pdf, otypes=[float])(x, lam)

    def _cdf(self, x: np.ndarray, lam: np.ndarray) -> np.ndarray:
        return np.vectorize(_cb_cdf, otypes=[float])(x, lam)


def _wrap(u: np.ndarray) -> np.ndarray:
    return (u + np.pi) % (2 * np.pi) - np.pi


class VonMisesTwin(stats.rv_continuous):
    """The von Mises distribution on [-pi, pi) with location ``mu`` and concentration ``kappa``."""

    def _argcheck(self, mu: np.ndarray, kappa: np.ndarray) -> np.ndarray:
        return np.isfinite(mu) & (kappa > 0)

    def _pdf(self, x: np.ndarray, mu: np.ndarray, kappa: np.ndarray) -> np.ndarray:
        return stats.vonmises.pdf(_wrap(x - mu), kappa)

    def _logpdf(self, x: np.ndarray, mu: np.ndarray, kappa: np.ndarray) -> np.ndarray:
        return stats.vonmises.logpdf(_wrap(x - mu), kappa)

    def _cdf(self, x: np.ndarray, mu: np.ndarray, kappa: np.ndarray) -> np.ndarray:
        """The mass from -pi to x: SciPy's cdf between the wrapped ends, taken mod 1 (the window is one turn)."""
        ends = stats.vonmises.cdf(_wrap(x - mu), kappa) - stats.vonmises.cdf(_wrap(-np.pi - mu), kappa)
        return np.where(x >= np.pi, 1.0, np.mod(ends, 1.0))

    def _stats(self, mu: np.ndarray, kappa: np.ndarray) -> tuple[np.ndarray, np.ndarray, None, None]:
        """Mean and variance on [-pi, pi) by quadrature (SciPy's generic moments are slow here)."""
        mean, second = (np.vectorize(_moment, otypes=[float])(n, mu, kappa) for n in (1, 2))
        return mean, second - mean ** 2, None, None


def _moment(n: int, mu: float, kappa: float) -> float:
    """``E[X^n]`` of the von Mises twin on [-pi, pi)."""
    density = stats.vonmises(kappa)
    return integrate.quad(lambda x: x ** n * density.pdf(_wrap(x - mu)), -np.pi, np.pi, limit=200)[0]


continuous_bernoulli = ContinuousBernoulliTwin(a=0.0, b=1.0, name="continuous_bernoulli", shapes="lam")
von_mises = VonMisesTwin(a=-np.pi, b=np.pi, name="von_mises_wrapped", shapes="mu, kappa")
