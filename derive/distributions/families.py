"""The parametric families derive knows, continuous and discrete, in one place."""

from __future__ import annotations

from derive.distributions.bounded import BOUNDED, ContinuousBernoulli, VonMises
from derive.distributions.continuous import CONTINUOUS, Beta, Exponential, Gamma, Laplace, Normal, Uniform
from derive.distributions.discrete import DISCRETE, Binomial, Geometric, Poisson
from derive.distributions.location_scale import LOCATION_SCALE, Cauchy, Gumbel, HalfNormal, LogNormal, Moyal
from derive.distributions.parametric import Fact, Parametric
from derive.distributions.positive import POSITIVE_FAMILIES, Chi, Chi2, InverseGamma, Pareto, Weibull

#: Every parametric family, continuous first.
FAMILIES: tuple[type[Parametric], ...] = CONTINUOUS + DISCRETE + POSITIVE_FAMILIES + BOUNDED + LOCATION_SCALE

__all__ = ["FAMILIES", "Beta", "Binomial", "Exponential", "Fact", "Gamma", "Geometric", "Laplace", "Normal",
           "Parametric", "Poisson", "Uniform",
           "Chi", "Chi2", "InverseGamma", "Pareto", "Weibull",
           "ContinuousBernoulli", "VonMises",
           "Cauchy", "Gumbel", "HalfNormal", "LogNormal", "Moyal"]
