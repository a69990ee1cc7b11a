"""Distributions derive knows, and the protocol new families implement."""

from derive.distributions.base import Distribution
from derive.distributions.bernoulli import Bernoulli
from derive.distributions.families import (Beta, Binomial, Exponential, Gamma, Geometric, Laplace, Normal, Parametric,
                                           Poisson, Uniform)

__all__ = ["Bernoulli", "Beta", "Binomial", "Distribution", "Exponential", "Gamma", "Geometric", "Laplace", "Normal",
           "Parametric", "Poisson", "Uniform"]
