"""What an expression means: every notation unfolded into plain SymPy in the parameters.

This is the single place where ``H(P)``, ``P(H)``, sums over outcomes and
labelled groups are given their value.  The verifier compares these values;
it never looks at which rule produced a step.
"""

from __future__ import annotations

from functools import lru_cache
import sympy as sp
from sympy.functions.elementary.hyperbolic import HyperbolicFunction

from derive.functions import Log, Sigmoid
from derive.group import Group
from derive.measures import Measure, OutcomeSum, Prob, expand_outcome_sum
from derive.terms import is_leaf


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
    if isinstance(expr, HyperbolicFunction):  # tanh x = (e^x - e^-x)/(e^x + e^-x): one form for the verifier
        return expr.func(denote(expr.args[0])).rewrite(sp.exp)
    if isinstance(expr, sp.Derivative):
        return _resolve_deltas(sp.diff(denote(expr.expr), *expr.variable_count))
    if isinstance(expr, sp.Subs):  # F at a point (an evaluation bar): the value there
        return sp.Subs(denote(expr.expr), expr.variables, tuple(denote(v) for v in expr.point)).doit()
    if isinstance(expr, sp.Limit):
        return _limit(denote(expr.args[0]), *expr.args[1:])
    if isinstance(expr, Prob):
        try:
            return denote(expr.dist.pmf(expr.outcome))
        except KeyError:
            raise ValueError(f"the outcome {expr.outcome} of {expr.dist.name} is unbound or unknown") from None
    if is_leaf(expr) or isinstance(expr, sp.Symbol):
        return expr
    value = expr.func(*(denote(a) for a in expr.args))
    return _resolve_deltas(value) if isinstance(value, sp.Sum) else value


def _limit(body: sp.Expr, variable: sp.Symbol, point: sp.Expr, side: sp.Basic) -> sp.Basic:
    """The limit's value where SymPy computes one, else the limit itself (nothing is claimed of it)."""
    try:
        value = sp.limit(body, variable, point, str(side))
    except (NotImplementedError, ValueError, TypeError, RecursionError):
        return sp.Limit(body, variable, point, str(side))
    bad = value.has(sp.Limit, sp.AccumBounds, sp.nan, sp.zoo) or not isinstance(value, sp.Expr)
    return sp.Limit(body, variable, point, str(side)) if bad else value


def _resolve_deltas(expr: sp.Basic) -> sp.Basic:
    """Sums of Kronecker deltas evaluated: ``sum_{i=1}^n d_ij f_i = Piecewise((f_j, 1 <= j <= n), (0, True))``.

    Which branch holds is the domain's business: the verifier resolves the
    condition where the domain proves it (:func:`derive.verify.binders.canonical`,
    an index constraint ``1 <= j <= n``).
    """
    if not expr.has(sp.KroneckerDelta):
        return expr
    return expr.replace(lambda e: isinstance(e, sp.Sum) and e.has(sp.KroneckerDelta), lambda e: e.doit())


def plain(expr: sp.Basic) -> sp.Basic:
    """``expr`` evaluated by SymPy with groups removed, notation (``H(P)``, ``P(H)``) kept."""
    if isinstance(expr, Group):
        return plain(expr.content)
    if is_leaf(expr) or isinstance(expr, (sp.Symbol, Measure, Prob)):
        return expr
    return expr.func(*(plain(a) for a in expr.args))
