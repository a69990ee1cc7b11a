"""Derivation scripts: each returns a :class:`derive.Derivation`."""

from __future__ import annotations

from derive.derivations import article
from derive.derivations.families import kl_closed_form
from derive.distributions.base import Distribution
from derive.distributions.parametric import Parametric


def kl_cross_entropy(P: Distribution, Q: Distribution, units: str = "nats"):
    """``H(P, Q) = KL(P || Q) + H(P)`` derived step by step.

    Finite distributions (coins, categorical) replay the article with sums;
    parametric families (Normal, Gamma, Poisson, ...) replay it with integrals
    or infinite sums and go on to the closed forms (:func:`kl_closed_form`).
    """
    if isinstance(P, Parametric):
        return kl_closed_form(P, Q, units)
    return article.kl_cross_entropy(P, Q, units)


def minimize(P: Distribution, Q: Distribution, units: str = "nats"):
    """Minimising ``H(P, Q)`` over ``Q``: the same gradient as KL, the stationary point ``Q = P``, a minimum.

    A coin gets a second derivative, a categorical a Lagrange multiplier for its
    constraint, a parametric family (the Normal) the gradient of its closed form.
    """
    from derive.derivations import minimization as m  # the module (this package's function is minimize)

    if isinstance(P, Parametric):
        return m.parametric(P, Q, units)
    if P.family == "bernoulli":
        return m.coin(P, Q, units)
    return m.categorical(P, Q, units)


def gibbs(P: Distribution, Q: Distribution, units: str = "nats"):
    """Gibbs' inequality ``KL(P || Q) >= 0``, equality only at ``Q = P`` (coins and categoricals)."""
    from derive.derivations import minimization as m  # the module (this package's function is minimize)

    return m.gibbs(P, Q, units)


def logistic(P: Distribution, units: str = "nats"):
    """The binary cross-entropy of a logistic model ``q = sigma(z)``: its gradient and a stable form."""
    from derive.derivations import minimization as m  # the module (this package's function is minimize)

    return m.logistic(P, units=units)


__all__ = ["gibbs", "kl_closed_form", "kl_cross_entropy", "logistic", "minimize"]
