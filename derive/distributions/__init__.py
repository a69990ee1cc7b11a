"""Distributions derive knows, and the protocol new families implement."""

from derive.distributions.base import Distribution
from derive.distributions.bernoulli import Bernoulli

__all__ = ["Bernoulli", "Distribution"]
