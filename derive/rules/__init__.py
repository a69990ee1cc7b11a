"""Every rule derive ships, in one ordered table (name -> rule)."""

from __future__ import annotations

from derive.core import Rule
from derive.rules import algebra, definitions, logs, substitution, sums
from derive.rules.algebra import cancel, distribute, rearrange, regroup
from derive.rules.definitions import fold_definition, recognise_definition, unfold_definition
from derive.rules.logs import log_quotient_split
from derive.rules.substitution import substitute
from derive.rules.sums import combine_sums, expand_finite_sum, split_sum, sum_of_zero

_SHIPPED = definitions.RULES + sums.RULES + substitution.RULES + logs.RULES + algebra.RULES
_PIPELINE = ("unfold-definition", "expand-finite-sum", "substitute", "log-quotient-split", "distribute", "split-sum",
             "regroup", "recognise-definition", "fold-definition", "combine-sums", "cancel", "sum-of-zero", "rearrange")
#: Every shipped rule, in the order the article's pipeline uses them.
ALL: tuple[Rule, ...] = tuple(sorted(_SHIPPED, key=lambda r: _PIPELINE.index(r.name)))
BY_NAME: dict[str, Rule] = {r.name: r for r in ALL}

__all__ = [
    "ALL", "BY_NAME", "cancel", "combine_sums", "distribute", "expand_finite_sum", "fold_definition",
    "log_quotient_split", "rearrange", "recognise_definition", "regroup", "split_sum", "substitute",
    "sum_of_zero", "unfold_definition",
]
