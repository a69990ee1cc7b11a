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


__all__ = ["kl_closed_form", "kl_cross_entropy"]
