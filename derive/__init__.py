"""derive: step-by-step derivations of information-theory identities, every step proved.

>>> import sympy as sp, derive
>>> P, Q = derive.Bernoulli(sp.Symbol("p")), derive.Bernoulli(sp.Symbol("q"), name="Q")
>>> derive.derivations.kl_cross_entropy(P, Q).verify().ok
True
"""

from derive import derivations
from derive.core import Chain, Derivation, Refusal, Report, Rewrite, Rule, Section, Status, Step, Verdict
from derive.distributions import Bernoulli, Distribution
from derive.domain import Domain
from derive.errors import DeriveError
from derive.group import Group
from derive.measures import KL, CrossEntropy, Entropy, Prob
from derive.verify import check_equal

__all__ = [
    "KL", "Bernoulli", "Chain", "CrossEntropy", "Derivation", "DeriveError", "Distribution", "Domain",
    "Entropy", "Group", "Prob", "Refusal", "Report", "Rewrite", "Rule", "Section", "Status", "Step",
    "Verdict", "check_equal", "derivations",
]
__version__ = "0.1.0"
