"""What an expression means: every notation unfolded into plain SymPy in the parameters.

This is the single place where ``H(P)``, ``P(H)``, sums over outcomes and
labelled groups are given their value.  The verifier compares these values;
it never looks at which rule produced a step.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import sympy as sp

from derive.functions import Log, Sigmoid
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
    if isinstance(expr, Sigmoid):
        return 1 / (1 + sp.exp(-denote(expr.args[0])))
    if isinstance(expr, sp.Derivative):
        return _resolve_deltas(sp.diff(denote(expr.expr), *expr.variable_count))
    if isinstance(expr, Prob):
        try:
            return denote(expr.dist.pmf(expr.outcome))
        except KeyError:
            raise ValueError(f"the outcome {expr.outcome} of {expr.dist.name} is unbound or unknown") from None
    if is_leaf(expr) or isinstance(expr, sp.Symbol):
        return expr
    value = expr.func(*(denote(a) for a in expr.args))
    return _resolve_deltas(value) if isinstance(value, sp.Sum) else value


def _resolve_deltas(expr: sp.Basic) -> sp.Basic:
    """Sums of Kronecker deltas evaluated: ``sum_{i=1}^n d_ij f_i = f_j``.

    The index ``j`` of a derivative ``d/dq_j`` names one of the ``n`` entries,
    so SymPy's ``Piecewise((f_j, j <= n), (0, True))`` is ``f_j`` (a domain's
    :class:`~derive.domain.Member` constraint states ``1 <= j <= n``).
    """
    if not expr.has(sp.KroneckerDelta):
        return expr
    expr = expr.replace(lambda e: isinstance(e, sp.Sum) and e.has(sp.KroneckerDelta), lambda e: e.doit())
    return expr.replace(lambda e: isinstance(e, sp.Piecewise) and _within_range(e.args[0].cond),
                        lambda e: e.args[0].expr)


def _within_range(cond: sp.Basic) -> bool:
    """``j <= n`` (with ``j`` a positive integer): the condition a member index always meets."""
    parts = cond.args if isinstance(cond, sp.And) else (cond,)
    return all(isinstance(c, sp.LessThan) and all(s.is_integer and s.is_positive for s in c.free_symbols)
               for c in parts)


def plain(expr: sp.Basic) -> sp.Basic:
    """``expr`` evaluated by SymPy with groups removed, notation (``H(P)``, ``P(H)``) kept."""
    if isinstance(expr, Group):
        return plain(expr.content)
    if is_leaf(expr) or isinstance(expr, (sp.Symbol, Measure, Prob)):
        return expr
    return expr.func(*(plain(a) for a in expr.args))


def same_value(a: sp.Basic, b: sp.Basic, domain: "Domain | None" = None) -> bool:
    """Recognition: equal after unfolding and expansion, or (for sums and integrals) proved on ``domain``."""
    if domain is not None:
        # Expansion term by term, shared by shape (derive.normal); it decides whenever it applies.
        verdict = domain.normal_forms.equal(a, b)
        if verdict is not None:
            return verdict
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
