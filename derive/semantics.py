"""What an expression means: every notation unfolded into plain SymPy in the parameters.

This is the single place where ``H(P)``, ``P(H)``, sums over outcomes and
labelled groups are given their value.  The verifier compares these values;
it never looks at which rule produced a step.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import sympy as sp

from derive.functions import Log
from derive.group import Group
from derive.measures import Measure, OutcomeSum, Prob, expand_outcome_sum
from derive.terms import is_leaf

if TYPE_CHECKING:
    from derive.domain import Domain


#: Above this many terms, recognition does not expand products (SymPy's own term collection must do).
EXPAND_LIMIT = 400


@lru_cache(maxsize=200_000)
def denote(expr: sp.Basic) -> sp.Basic:
    """``expr`` with measures, sums, probabilities and groups replaced by their values, evaluated.

    Memoised: consecutive steps of a derivation share most of their subterms.
    """
    if isinstance(expr, Group):
        return denote(expr.content)
    if isinstance(expr, Measure):
        return denote(expr.definition())
    if isinstance(expr, OutcomeSum):
        return denote(expand_outcome_sum(expr))
    if isinstance(expr, Log):
        return sp.log(denote(expr.args[0])) / sp.log(expr.base)
    if isinstance(expr, Prob):
        try:
            return expr.dist.pmf(expr.outcome)
        except KeyError:
            raise ValueError(f"the outcome {expr.outcome} of {expr.dist.name} is unbound or unknown") from None
    if is_leaf(expr) or isinstance(expr, sp.Symbol):
        return expr
    return expr.func(*(denote(a) for a in expr.args))


def plain(expr: sp.Basic) -> sp.Basic:
    """``expr`` evaluated by SymPy with groups removed, notation (``H(P)``, ``P(H)``) kept."""
    if isinstance(expr, Group):
        return plain(expr.content)
    if is_leaf(expr) or isinstance(expr, (sp.Symbol, Measure, Prob)):
        return expr
    return expr.func(*(plain(a) for a in expr.args))


def same_value(a: sp.Basic, b: sp.Basic, domain: "Domain | None" = None) -> bool:
    """Recognition: equal after unfolding and expansion, or (for sums and integrals) proved on ``domain``."""
    difference = denote(a) - denote(b)  # SymPy collects identical terms on its own
    if difference == 0:
        return True
    if len(difference.args) > EXPAND_LIMIT:
        return False
    difference = sp.expand(difference)
    if difference == 0:
        return True
    if domain is None or not difference.has(sp.Sum, sp.Integral):
        return False
    from derive.verify import check_equal

    return check_equal(a, b, domain).proved
