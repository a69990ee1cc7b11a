"""What an expression means: every notation unfolded into plain SymPy in the parameters.

This is the single place where ``H(P)``, ``P(H)``, sums over outcomes and
labelled groups are given their value.  The verifier compares these values;
it never looks at which rule produced a step.
"""

from __future__ import annotations

import sympy as sp

from derive.functions import Log
from derive.group import Group
from derive.measures import Measure, OutcomeSum, Prob, expand_outcome_sum


def denote(expr: sp.Basic) -> sp.Basic:
    """``expr`` with measures, sums, probabilities and groups replaced by their values, evaluated."""
    if isinstance(expr, Group):
        return denote(expr.content)
    if isinstance(expr, Measure):
        return denote(expr.definition())
    if isinstance(expr, OutcomeSum):
        return denote(expand_outcome_sum(expr))
    if isinstance(expr, Log):
        return sp.log(denote(expr.args[0])) / sp.log(expr.base)
    if isinstance(expr, Prob):
        if isinstance(expr.outcome, sp.Symbol):
            raise ValueError(f"{expr} has an unbound outcome index")
        return expr.dist.pmf(expr.outcome)
    if not expr.args or isinstance(expr, sp.Symbol):
        return expr
    return expr.func(*(denote(a) for a in expr.args))


def plain(expr: sp.Basic) -> sp.Basic:
    """``expr`` evaluated by SymPy with groups removed, notation (``H(P)``, ``P(H)``) kept."""
    if isinstance(expr, Group):
        return plain(expr.content)
    if not expr.args or isinstance(expr, (sp.Symbol, Measure, Prob)):
        return expr
    return expr.func(*(plain(a) for a in expr.args))


def same_value(a: sp.Basic, b: sp.Basic) -> bool:
    """A cheap, sound recognition test: equal after unfolding and polynomial expansion."""
    return sp.expand(denote(a) - denote(b)) == 0
