"""What an expression means: every notation unfolded into plain SymPy in the parameters.

This is the single place where ``H(P)``, ``P(H)``, sums over outcomes and
labelled groups are given their value.  The verifier compares these values;
it never looks at which rule produced a step.
"""

from __future__ import annotations

from functools import lru_cache
import sympy as sp
from sympy.functions.elementary.hyperbolic import HyperbolicFunction

from derive.core.functions import Log, Sigmoid
from derive.core.group import Group
from derive.core.terms import bottom_up, is_leaf
from derive.distributions.measures import Measure, OutcomeSum, Prob, expand_outcome_sum


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
    if isinstance(value, (sp.Sum, sp.Integral)) and value.function == 0:  # nothing to add up
        return sp.Integer(0)
    return _resolve_deltas(value) if isinstance(value, sp.Sum) else value


def with_moments(expr: sp.Basic) -> sp.Basic:
    """``expr`` with each expectation under a family written out replaced by :func:`known_moments` where it
    can be (innermost first)."""
    def replace(e: sp.Basic) -> sp.Basic:
        known = known_moments(e) if isinstance(e, (sp.Sum, sp.Integral)) else None
        return e if known is None else known

    return bottom_up(expr, replace) if expr.has(Prob) else expr


def known_moments(aggregate: sp.Sum | sp.Integral) -> sp.Basic | None:
    """An expectation under a family written out (the sum or integral of ``P(k) g(k)`` over ``P``'s support) with
    each term whose ``g`` is one of the family's moment facts replaced by its value (``\\sum_k k P(k) = n p``
    for a binomial with a symbolic ``n``, which SymPy sums only under conditions), and the total mass by 1;
    ``None`` when no term is one.  The facts are identities of the family (tests/distributions)."""
    from derive.distributions.parametric import Parametric

    probs = {e for e in aggregate.function.atoms(Prob) if isinstance(e.dist, Parametric)}
    if len(aggregate.limits) != 1 or len(probs) != 1:
        return None
    (prob,), (var, *ends) = probs, aggregate.limits[0]
    dist = prob.dist
    if prob.outcome != var or dist.sum_over(sp.Integer(1), var).limits != aggregate.limits:
        return None
    terms = sp.Add.make_args(sp.expand(aggregate.function, power_exp=False, log=False))
    if terms == (0,):  # P(x) \cdot 0, \log(1) P(x): nothing to add up
        return sp.Integer(0)
    known, rest = sp.Integer(0), []
    for term in terms:
        coeff, g = term.as_independent(var, as_Add=False)
        g = g / prob if g.has(prob) else None
        found = (sp.Integer(1), None) if g == 1 else dist.expect(g) if g is not None and not g.has(Prob) else None
        if found is None:
            rest.append(term)
        else:
            known += coeff * found[0]
    if len(rest) == len(terms):
        return None
    return known + (aggregate.func(sp.Add(*rest), aggregate.limits[0]) if rest else 0)


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
