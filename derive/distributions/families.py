"""The parametric families derive knows, continuous and discrete, in one place."""

from __future__ import annotations

from derive.distributions.continuous import CONTINUOUS, Beta, Exponential, Gamma, Laplace, Normal, Uniform
from derive.distributions.discrete import DISCRETE, Binomial, Geometric, Poisson
from derive.distributions.parametric import Fact, Parametric

#: Every parametric family, continuous first.
FAMILIES: tuple[type[Parametric], ...] = CONTINUOUS + DISCRETE

__all__ = ["FAMILIES", "Beta", "Binomial", "Exponential", "Fact", "Gamma", "Geometric", "Laplace", "Normal",
           "Parametric", "Poisson", "Uniform"]
