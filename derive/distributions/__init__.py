"""Distributions derive knows, and the protocol new families implement."""

from derive.distributions.base import Distribution
from derive.distributions.bernoulli import Bernoulli
from derive.distributions.families import (Beta, Binomial, Exponential, Gamma, Geometric, Laplace, Normal, Parametric,
                                           Poisson, Uniform)
from derive.distributions.bounded import ContinuousBernoulli, VonMises
from derive.distributions.location_scale import Cauchy, Gumbel, HalfNormal, LogNormal, Moyal
from derive.distributions.positive import Chi, Chi2, InverseGamma, Pareto, Weibull

__all__ = ["Bernoulli", "Beta", "Binomial", "Distribution", "Exponential", "Gamma", "Geometric", "Laplace", "Normal",
           "Parametric", "Poisson", "Uniform",
           "Chi", "Chi2", "InverseGamma", "Pareto", "Weibull",
           "ContinuousBernoulli", "VonMises",
           "Cauchy", "Gumbel", "HalfNormal", "LogNormal", "Moyal"]
