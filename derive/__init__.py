"""derive: step-by-step derivations of information-theory identities, every step proved.

>>> import sympy as sp, derive
>>> P, Q = derive.Bernoulli(sp.Symbol("p")), derive.Bernoulli(sp.Symbol("q"), name="Q")
>>> derive.derivations.kl_cross_entropy(P, Q).verify().ok
True
"""

from derive import derivations
from derive.core import Chain, Derivation, Refusal, Report, Rewrite, Rule, Section, Status, Step, Verdict
from derive.distributions import (Bernoulli, Beta, Binomial, Distribution, Exponential, Gamma, Geometric, Laplace,
                                  Normal, Poisson, Uniform)
from derive.distributions.categorical import Categorical
from derive.distributions.registry import register
from derive.domain import Domain
from derive.errors import DeriveError, DeriveWarning
from derive.group import Group
from derive.measures import KL, CrossEntropy, Entropy, Prob
from derive.values import cross_entropy, entropy, kl
from derive.verify import check_equal

__all__ = [
    "KL", "Bernoulli", "Beta", "Binomial", "Categorical", "Chain", "CrossEntropy", "Derivation", "DeriveError",
    "DeriveWarning", "Distribution", "Domain", "Entropy", "Exponential", "Gamma", "Geometric", "Group", "Laplace",
    "Normal", "Poisson", "Prob", "Refusal", "Report", "Rewrite", "Rule", "Section", "Status", "Step", "Uniform",
    "Verdict", "check_equal", "cross_entropy", "derivations", "entropy", "kl", "register",
]
__version__ = "0.1.0"
