"""The core layer: expressions, rules, steps and derivations, and the parameter domains rules check against.

Every other layer builds on these and none of them imports upward: :mod:`~derive.core.terms`
(sums and products kept in the author's order), :mod:`~derive.core.group` (labelled groups),
:mod:`~derive.core.functions` (logarithms in a fixed base, the sigmoid), :mod:`~derive.core.domain`
(parameter domains), :mod:`~derive.core.constraints` (their joint constraints), :mod:`~derive.core.intervals`
(intervals: what assumptions admit, covers, sample points), :mod:`~derive.core.system` (systems of equations), :mod:`~derive.core.rule`
(what a rule is), :mod:`~derive.core.strategies` (where a rule applies),
:mod:`~derive.core.allocation` (fewer garbage collections) and :mod:`~derive.core.derivation`
(steps, chains, sections, derivations, verdicts).  The types most code needs are re-exported here.
"""

from derive.core.derivation import (Chain, Derivation, Report, Section, Status, Step, Verdict, combine, relate,
                                    relation_of)
from derive.core.rule import RELATIONS, Refusal, Rewrite, Rule, Scope

__all__ = ["RELATIONS", "Chain", "Derivation", "Refusal", "Report", "Rewrite", "Rule", "Scope", "Section", "Status",
           "Step", "Verdict", "combine", "relate", "relation_of"]
