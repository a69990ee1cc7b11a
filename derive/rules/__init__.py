"""Every rule derive ships, in one ordered table (name -> rule)."""

from __future__ import annotations

from derive.core import Rule
from derive.rules import (algebra, calculus, definitions, inequalities, integrals, logistic, logs, shaping,
                          solving, substitution, sums)
from derive.rules.algebra import cancel, cancel_fraction, common_denominator, distribute, rearrange, regroup
from derive.rules.calculus import (derivative_constant_factor, derivative_of_constant, derivative_of_entry,
                                   derivative_of_log, derivative_of_rational, derivative_of_sigmoid, derivative_of_sum,
                                   derivative_twice, derivative_under_sum, sum_of_delta)
from derive.rules.inequalities import log_le_linear, positive_terms
from derive.rules.logistic import absorb_into_max, log_sigmoid, stable_softplus
from derive.rules.solving import solve_for, substitute_solution, zero_quotient
from derive.rules.definitions import fold_definition, recognise_definition, unfold_definition
from derive.rules.integrals import (collect_terms, expand_power, known_moment, log_density, pull_constant,
                                    split_integral)
from derive.rules.logs import (absorb_constant, combine_logs, flip_log_quotient, log_of_one, log_quotient_split,
                              quotient_of_equals)
from derive.rules.shaping import combine_fractions, complete_the_square, order_terms
from derive.rules.substitution import substitute, use_result
from derive.rules.sums import combine_sums, expand_finite_sum, split_sum, sum_of_zero, total_probability

_SHIPPED = (definitions.RULES + sums.RULES + substitution.RULES + logs.RULES + algebra.RULES + integrals.RULES
            + shaping.RULES + calculus.RULES + solving.RULES + inequalities.RULES + logistic.RULES)
_PIPELINE = ("unfold-definition", "expand-finite-sum", "substitute", "log-quotient-split", "log-density",
             "expand-power", "distribute", "split-sum", "split-integral", "pull-constant", "known-moment",
             "regroup", "recognise-definition", "fold-definition", "combine-sums", "cancel", "sum-of-zero",
             "collect-terms", "combine-fractions", "combine-logs", "complete-the-square", "absorb-constant",
             "order-terms", "rearrange",
             # the minimization derivations: gradients, stationary points, bounds
             "use-result", "derivative-twice", "derivative-of-sum", "derivative-under-sum",
             "derivative-constant-factor", "derivative-of-constant", "derivative-of-log", "derivative-of-entry",
             "sum-of-delta", "derivative-of-sigmoid", "derivative-of-rational", "common-denominator",
             "cancel-fraction", "total-probability", "zero-quotient", "solve-for", "substitute-solution",
             "flip-log-quotient", "log-le-linear", "positive-terms", "quotient-of-equals", "log-of-one",
             "log-sigmoid", "stable-softplus", "absorb-into-max")
#: Every shipped rule, in the order the article's pipeline uses them.
ALL: tuple[Rule, ...] = tuple(sorted(_SHIPPED, key=lambda r: _PIPELINE.index(r.name)))
BY_NAME: dict[str, Rule] = {r.name: r for r in ALL}

__all__ = [
    "ALL", "BY_NAME", "absorb_constant", "absorb_into_max", "cancel", "cancel_fraction", "collect_terms",
    "combine_fractions", "combine_logs", "combine_sums", "common_denominator", "complete_the_square",
    "derivative_constant_factor", "derivative_of_constant", "derivative_of_entry", "derivative_of_log",
    "derivative_of_rational", "derivative_of_sigmoid", "derivative_of_sum", "derivative_twice",
    "derivative_under_sum", "distribute", "expand_finite_sum", "expand_power", "flip_log_quotient",
    "fold_definition", "known_moment", "log_density", "log_le_linear", "log_of_one", "log_quotient_split",
    "log_sigmoid", "order_terms", "stable_softplus",
    "positive_terms", "pull_constant", "quotient_of_equals", "rearrange", "recognise_definition", "regroup",
    "solve_for", "split_integral", "split_sum", "substitute", "substitute_solution", "sum_of_delta", "sum_of_zero",
    "total_probability", "unfold_definition", "use_result", "zero_quotient",
]
