"""The step checker: is ``before == after`` on the domain?  Proved, refuted, or unknown.

It trusts neither the rule that made a step nor the script that chose it.
Both sides are unfolded to plain SymPy (:func:`derive.semantics.denote`), then

1. evaluated at rational points of the domain with 50-digit arithmetic; a
   difference there refutes the step and the point is the counterexample;
2. proved symbolically: each parameter is re-written through a positive symbol
   that covers its interval exactly (``p = t/(1+t)`` on ``(0, 1)``), so SymPy
   may split logarithms without ``force=True``; logarithms are then treated as
   independent unknowns and the difference must cancel as a rational function.
   Only for small expressions is ``simplify`` tried as a last resort.

A step that survives the numbers but is not proved is UNKNOWN, never PROVED.
"""

from __future__ import annotations

import sympy as sp

from derive import bounds
from derive.core import Chain, Derivation, Report, Status, Step, Verdict
from derive.domain import Domain
from derive.semantics import denote
from derive.terms import as_expr

DIGITS = 50
POINTS = 6
SIMPLIFY_LIMIT = 400  # count_ops above which simplify is not attempted
EXACT_LIMIT = 5000  # count_ops above which the exact (re-parametrised) proof is not attempted


def check_equal(lhs: sp.Basic, rhs: sp.Basic, domain: Domain) -> Verdict:
    """Decide ``lhs == rhs`` for every point of ``domain``."""
    try:
        a, b = denote(as_expr(lhs)), denote(as_expr(rhs))
    except (ValueError, KeyError) as exc:
        return Verdict(Status.UNKNOWN, f"cannot give the expression a value: {exc}")
    difference = a - b
    if difference == 0:
        return Verdict(Status.PROVED, "identical once definitions are unfolded")
    domain, loose = _with_free_symbols(domain, a + b)
    refuted = _refute(a, b, domain, loose)
    if refuted is not None:
        return refuted
    if _is_zero(difference, domain):
        return Verdict(Status.PROVED, "the difference cancels on the domain")
    return Verdict(Status.UNKNOWN, f"equal at {POINTS} sample points, but not proved symbolically")


def check_step(step: Step, domain: Domain) -> Verdict:
    """A rewriting step holds when ``before == after``; an equation step when its result holds."""
    if isinstance(step.after, sp.Equality):
        return check_equal(step.after.lhs, step.after.rhs, domain)
    return check_equal(step.before, step.after, domain)


def verify_derivation(derivation: Derivation) -> Report:
    """Check every step, each chain's starting point, and the stated identity."""
    domain = derivation.domain
    results: list[tuple[Step, Verdict]] = []
    for chain in derivation.chains:
        link = _link(chain)
        if link is not None:
            results.append((link, check_step(link, domain)))
        results.extend((s, check_step(s, domain)) for s in chain.steps)
    if derivation.statement is not None:
        claim = Step("statement", derivation.statement, derivation.statement, "the identity the derivation establishes")
        results.append((claim, check_step(claim, domain)))
    return Report(tuple(results))


def _link(chain: Chain) -> Step | None:
    if chain.start is None:
        return None
    if chain.subject is None:
        return Step("given", chain.start, chain.start, "the equation this chain starts from")
    return Step("given", chain.subject, chain.start, "the chain starts from an earlier result")


def _with_free_symbols(domain: Domain, expr: sp.Basic) -> tuple[Domain, tuple[sp.Symbol, ...]]:
    """The domain extended by symbols it does not mention, and the symbols no assumption places.

    A symbol declared positive, negative or real gets that interval.  A symbol
    with no assumptions is a complex number to SymPy: the proof leaves it
    alone (no logarithm of it is split), and it is only sampled, at positive
    points, to look for counterexamples.
    """
    labels = {ix.base.label for ix in expr.atoms(sp.Indexed)}
    free = {s for s in expr.free_symbols if isinstance(s, sp.Symbol)} - labels - set(domain.symbols)
    placed, loose = [], []
    for s in sorted(free, key=str):
        interval = _interval_of(s)
        (placed.append((s, interval)) if interval is not None else loose.append(s))
    return domain.merge(Domain(tuple(placed))), tuple(loose)


def _interval_of(s: sp.Symbol) -> sp.Interval | None:
    if s.is_positive:
        return sp.Interval.open(0, sp.oo)
    if s.is_negative:
        return sp.Interval.open(-sp.oo, 0)
    if s.is_real:
        return sp.Interval.open(-sp.oo, sp.oo)
    return None


def _refute(a: sp.Basic, b: sp.Basic, domain: Domain, loose: tuple[sp.Symbol, ...] = ()) -> Verdict | None:
    evaluated = 0
    extra = Domain(tuple((s, sp.Interval.open(0, sp.oo)) for s in loose))
    for point, more in zip(domain.sample_points(POINTS), extra.sample_points(POINTS)):
        point = point | more
        x, y = (_number(_at(side, point)) for side in (a, b))
        if x is None or y is None:
            continue
        evaluated += 1
        scale = max(1, abs(x), abs(y))
        if abs(x - y) > sp.Float(10) ** (10 - DIGITS) * scale:
            where = ", ".join(f"{s} = {v}" for s, v in point.items())
            return Verdict(Status.REFUTED, f"{_short(x)} != {_short(y)} at {where}", tuple(point.items()))
    if evaluated == 0:
        return Verdict(Status.UNKNOWN, "could not evaluate either side at any sample point")
    return None


def _at(expr: sp.Basic, point: dict[sp.Basic, sp.Basic]) -> sp.Basic:
    """``expr`` at a sample point: scalars first, then finite sums written out, then indexed entries."""
    scalars = {k: v for k, v in point.items() if not isinstance(k, sp.Indexed)}
    entries = {k: v for k, v in point.items() if isinstance(k, sp.Indexed)}
    expr = expr.xreplace(scalars)
    if entries:
        expr = expr.replace(lambda e: isinstance(e, sp.Sum) and all(lim.is_Integer for lim in e.limits[0][1:]),
                            lambda e: e.doit())
        expr = expr.xreplace(entries)
    return expr


def _number(expr: sp.Basic) -> sp.Float | sp.Expr | None:
    try:
        value = sp.N(expr, DIGITS)
    except (TypeError, ValueError, ZeroDivisionError, ArithmeticError):
        return None
    if value.free_symbols or value.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or not value.is_number:
        return None
    real, imag = value.as_real_imag()
    return None if abs(imag) > sp.Float(10) ** (10 - DIGITS) else real


def _short(x: sp.Basic) -> str:
    return sp.sstr(sp.N(x, 8))


def _is_zero(difference: sp.Basic, domain: Domain) -> bool:
    """A sound proof that ``difference`` vanishes on the domain (False means: not proved).

    The fast path splits logarithms of products whose factors interval bounds
    prove positive, then expands; the exact path re-parametrises first.
    """
    if _expands_to_zero(_split_bounded_logs(difference, domain)):
        return True
    if sp.count_ops(difference) > EXACT_LIMIT:
        return False
    expr = _split_logs(domain.reparametrize(difference))
    if _rationally_zero(expr):
        return True
    if expr.has(sp.Sum, sp.Integral):
        rest, bodies = _merge_aggregates(expr)
        if bodies and _rationally_zero(rest) and all(_rationally_zero(_split_logs(b)) for b in bodies):
            return True
        evaluated = _split_logs(expr.doit())
        if _rationally_zero(evaluated):
            return True
        expr = evaluated
    return sp.count_ops(expr) <= SIMPLIFY_LIMIT and sp.simplify(expr) == 0


def _split_bounded_logs(expr: sp.Basic, domain: Domain) -> sp.Basic:
    """``log(a*b/c) -> log(a) + log(b) - log(c)`` wherever every factor is provably positive."""

    def split(arg: sp.Basic) -> sp.Basic:
        factors = sp.Mul.make_args(arg)
        if len(factors) == 1 and not isinstance(arg, sp.Pow):
            return sp.log(arg)
        pieces = []
        for f in factors:
            base, exp = f.as_base_exp()
            if not exp.is_Integer or not bounds.is_positive(base, domain):
                return sp.log(arg)
            pieces.append(exp * split(base) if base != f else sp.log(base))
        return sp.Add(*pieces)

    return expr.replace(sp.log, split)


def _expands_to_zero(expr: sp.Basic) -> bool:
    """Zero after expansion, logarithms taken as independent unknowns (cheap: no rational simplification)."""
    logs = sorted(expr.atoms(sp.log), key=sp.default_sort_key)
    return sp.expand(expr.xreplace({lg: sp.Dummy(f"L{k}") for k, lg in enumerate(logs)})) == 0


def _split_logs(expr: sp.Basic) -> sp.Basic:
    """Logarithms of products of positive factors split (no ``force``: positivity comes from the cover)."""
    expr = expr.replace(sp.log, lambda arg: sp.log(sp.factor(sp.together(arg))))
    return sp.expand_log(expr)


def _rationally_zero(expr: sp.Basic) -> bool:
    """Zero as a rational function, each logarithm (and any other function) an independent unknown."""
    logs = sorted(expr.atoms(sp.log), key=sp.default_sort_key)
    unknowns = {lg: sp.Dummy(f"L{k}") for k, lg in enumerate(logs)}
    return sp.cancel(sp.together(expr.xreplace(unknowns))) == 0


def _merge_aggregates(expr: sp.Basic) -> tuple[sp.Basic, list[sp.Basic]]:
    """Linearity: terms ``c * Sum(f, (i, a, b))`` (or integrals) over the same range merged into one body.

    Each body has its bound variable replaced by a symbol that covers the range
    (positive on ``(0, oo)``, an integer for sums), so that proving the body
    zero pointwise proves the aggregate zero.  Returns the other terms and the bodies.
    """
    rest: list[sp.Basic] = []
    bodies: dict[tuple, list[sp.Basic]] = {}
    for term in sp.Add.make_args(sp.expand(expr, deep=False, log=False, multinomial=False, power_exp=False)):
        factors = sp.Mul.make_args(term)
        aggregates = [f for f in factors if isinstance(f, (sp.Sum, sp.Integral))]
        if len(aggregates) != 1 or len(aggregates[0].limits) != 1 or len(aggregates[0].limits[0]) != 3:
            rest.append(term)
            continue
        (agg,) = aggregates
        var, lo, hi = agg.limits[0]
        key = (type(agg), lo, hi)
        coeff = sp.Mul(*(f for f in factors if f is not agg))
        bodies.setdefault(key, []).append(coeff * agg.function.xreplace({var: _cover_variable(key, len(bodies))}))
    return sp.Add(*rest), [sp.Add(*b) for b in bodies.values()]


def _cover_variable(key: tuple, k: int) -> sp.Basic:
    kind, lo, hi = key
    if kind is sp.Sum:
        return sp.Symbol(f"_k{k}", integer=True, nonnegative=bool(lo.is_nonnegative), positive=bool(lo.is_positive) or None)
    t = sp.Symbol(f"_t{k}", positive=True)
    if lo.is_infinite and hi.is_infinite:
        return sp.Symbol(f"_x{k}", real=True)
    if hi.is_infinite:
        return lo + t
    if lo.is_infinite:
        return hi - t
    return lo + (hi - lo) * t / (1 + t)
