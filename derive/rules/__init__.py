"""Every rule derive ships, in one ordered table (name -> rule)."""

from __future__ import annotations

from derive.core import Rule
from derive.rules import algebra, definitions, integrals, logs, substitution, sums
from derive.rules.algebra import cancel, distribute, rearrange, regroup
from derive.rules.definitions import fold_definition, recognise_definition, unfold_definition
from derive.rules.integrals import (collect_terms, expand_power, known_moment, log_density, pull_constant,
                                    split_integral)
from derive.rules.logs import log_quotient_split
from derive.rules.substitution import substitute
from derive.rules.sums import combine_sums, expand_finite_sum, split_sum, sum_of_zero

_SHIPPED = definitions.RULES + sums.RULES + substitution.RULES + logs.RULES + algebra.RULES + integrals.RULES
_PIPELINE = ("unfold-definition", "expand-finite-sum", "substitute", "log-quotient-split", "log-density",
             "expand-power", "distribute", "split-sum", "split-integral", "pull-constant", "known-moment",
             "regroup", "recognise-definition", "fold-definition", "combine-sums", "cancel", "sum-of-zero",
             "collect-terms", "rearrange")
#: Every shipped rule, in the order the article's pipeline uses them.
ALL: tuple[Rule, ...] = tuple(sorted(_SHIPPED, key=lambda r: _PIPELINE.index(r.name)))
BY_NAME: dict[str, Rule] = {r.name: r for r in ALL}

__all__ = [
    "ALL", "BY_NAME", "cancel", "collect_terms", "combine_sums", "distribute", "expand_finite_sum", "expand_power",
    "fold_definition", "known_moment", "log_density", "log_quotient_split", "pull_constant", "rearrange",
    "recognise_definition", "regroup", "split_integral", "split_sum", "substitute", "sum_of_zero",
    "unfold_definition",
]
