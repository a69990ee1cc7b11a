"""The step checker: is ``before == after`` on the domain?  Proved, refuted, or unknown.

It trusts neither the rule that made a step nor the script that chose it.
First the fast proof (:mod:`derive.normal`): every logarithm whose factors the
domain's interval bounds prove positive is split, the logarithms left are taken
as independent unknowns, and the two sides, expanded term by term, must agree
monomial by monomial; expansions are shared between terms of the same shape, so
a sum of a thousand ``p_j*log(p_j/q_j)`` costs one SymPy expansion.  A proof
found so is exact and needs no numbers.  Otherwise both sides are unfolded to
plain SymPy (:func:`derive.semantics.denote`), then

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

import math
from functools import lru_cache

import mpmath
import sympy as sp

from derive import lemmas, normal
from derive.allocation import fewer_collections
from derive.cases import sign_cases
from derive.congruence import differences
from derive.core import Chain, Derivation, Report, Status, Step, Verdict, relation_of
from derive.domain import Domain
from derive.relations import check_relation
from derive.semantics import denote
from derive.terms import as_expr, is_leaf

DIGITS = 50
POINTS = 6
CONFIRM_POINTS = 2  # numeric confirmation of a step already proved symbolically
AGGREGATE_POINTS = 3  # points judged when a side has an integral or infinite sum (of at most POINTS tried)
QUAD_DIGITS = 30  # working digits of quadrature and summation (their error estimates set the tolerance)
QUAD_SAFETY = 10  # a difference must exceed the quadrature error bounds this many times over to refute (_aggregate)
UNRELIABLE = sp.Float(10) ** -6  # a point whose error bounds exceed this (relative) is skipped, not judged
FAST_DIGITS = 20  # digits of the second quick quadrature, compared with a double-precision one
FAST_AGREEMENT = 1e-10  # the two quick quadratures must agree this well (relative) to be used
MAX_TERMS = 20000  # terms of a sum evaluated before giving up
LOCAL_ABOVE = 400  # nodes in a step above which its rewritten parts are checked one by one
SIMPLIFY_LIMIT = 400  # count_ops above which simplify is not attempted
EXACT_LIMIT = 5000  # count_ops above which the exact (re-parametrised) proof is not attempted


def check_equal(lhs: sp.Basic, rhs: sp.Basic, domain: Domain) -> Verdict:
    """Decide ``lhs == rhs`` for every point of ``domain``."""
    lhs, rhs = as_expr(lhs), as_expr(rhs)
    # The fast proof, term by term with expansions shared by shape (derive.normal); None: not applicable.
    fast = domain.normal_forms.equal(lhs, rhs)
    if fast and lhs == rhs:
        return Verdict(Status.PROVED, "identical once definitions are unfolded")
    if fast:
        return Verdict(Status.PROVED, "the difference cancels on the domain")
    try:
        a, b = denote(lhs), denote(rhs)
    except (ValueError, KeyError) as exc:
        return Verdict(Status.UNKNOWN, f"cannot give the expression a value: {exc}")
    difference = a - b
    if difference == 0:
        return Verdict(Status.PROVED, "identical once definitions are unfolded")
    domain, loose = _with_free_symbols(domain, sp.Tuple(a, b))  # not a + b: a symbol may cancel there
    fast = _expands_to_zero(_split_bounded_logs(difference, domain))
    aggregates = difference.has(sp.Integral, sp.Sum)
    # A fast proof of plain expressions is only confirmed by the numbers, at fewer points.
    refuted = _refute(a, b, domain, loose, CONFIRM_POINTS if fast and not aggregates else None)
    if refuted is not None:
        return refuted
    if fast or _exactly_zero(difference, domain):
        return Verdict(Status.PROVED, "the difference cancels on the domain")
    return Verdict(Status.UNKNOWN, f"equal at {POINTS} sample points, but not proved symbolically")


def check_step(step: Step, domain: Domain) -> Verdict:
    """A rewriting step holds when ``before == after``; an equation step when its result holds.

    The fast proof of :func:`check_equal` (:mod:`derive.normal`) is tried on the
    whole step first.  Failing that, a large step is checked part by part
    (:func:`derive.congruence.differences`: the places where the two trees
    differ, found without asking the rule); if every part is proved, so is the
    step.  Otherwise the whole is checked.
    """
    if step.relation != "=":
        return check_relation(step.before, step.after, step.relation, domain)
    if isinstance(step.after, sp.Equality):
        return check_equal(step.after.lhs, step.after.rhs, domain)
    if isinstance(step.after, sp.Rel):  # a bound stated as a result: lhs R rhs
        return check_relation(step.after.lhs, step.after.rhs, relation_of(step.after) or "?", domain)
    if domain.normal_forms.equal(step.before, step.after):  # the fast proof of check_equal, on the whole step
        return Verdict(Status.PROVED, "the difference cancels on the domain")
    if _larger(LOCAL_ABOVE, step.before, step.after):
        parts = differences(step.before, step.after)
        if parts and all(check_equal(x, y, domain).proved for x, y in parts):
            return Verdict(Status.PROVED, f"each of the {len(parts)} rewritten parts is proved")
    return check_equal(step.before, step.after, domain)


def _size(expr: sp.Basic) -> int:
    """Nodes of ``expr``, distributions counted as one."""
    return 1 if is_leaf(expr) else 1 + sum(_size(a) for a in expr.args)


def _larger(limit: int, *exprs: sp.Basic) -> bool:
    """``sum(_size(e) for e in exprs) > limit``, counting no further than needed."""
    budget = limit
    stack = list(exprs)
    while stack:
        e = stack.pop()
        budget -= 1
        if budget < 0:
            return True
        if not is_leaf(e):
            stack.extend(e.args)
    return False


def verify_derivation(derivation: Derivation) -> Report:
    """Check every step, each chain's starting point, and the stated identity."""
    domain = derivation.domain
    results: list[tuple[Step, Verdict]] = []
    with fewer_collections():
        for chain in derivation.chains:
            link = _link(chain)
            if link is not None:
                results.append((link, check_step(link, domain)))
            results.extend((s, check_step(s, domain)) for s in chain.steps)
        if derivation.statement is not None:
            claim = Step("statement", derivation.statement, derivation.statement,
                         "the identity the derivation establishes")
            results.append((claim, check_step(claim, domain)))
    return Report(tuple(results))


def _link(chain: Chain) -> Step | None:
    if chain.start is None or chain.hypothesis:
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
    free = {s for s in expr.free_symbols if isinstance(s, sp.Symbol)} - labels - domain.symbol_set
    if not free:
        return domain, ()
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


def _refute(a: sp.Basic, b: sp.Basic, domain: Domain, loose: tuple[sp.Symbol, ...] = (),
            points: int | None = None) -> Verdict | None:
    """A counterexample: a sample point where the two sides differ by more than the evaluation could err.

    Plain expressions are evaluated with ``DIGITS`` digits and must agree to
    ``10**(10 - DIGITS)`` relative to their size.  Integrals and infinite sums
    are evaluated numerically (:func:`_estimate`) with a bound on their error;
    the sides must then also differ by more than ``QUAD_SAFETY`` times the sum
    of the two bounds, and a point where the bounds exceed ``UNRELIABLE``
    (relative) is skipped, since there the numbers cannot tell a true identity
    from a false one.  A skipped point never refutes and never counts.
    """
    evaluated = 0
    extra = Domain(tuple((s, sp.Interval.open(0, sp.oo)) for s in loose))
    aggregates = a.has(sp.Integral, sp.Sum) or b.has(sp.Integral, sp.Sum)
    wanted = points or (AGGREGATE_POINTS if aggregates else POINTS)
    tried = max(wanted, POINTS) if aggregates else wanted  # skipped (unreliable) points make room for others
    needed = _needed(a, b)
    for point, more in zip(domain.sample_points(tried), extra.sample_points(tried)):
        if evaluated == wanted:
            break
        point = _restrict(point, needed) | more
        estimates = [_estimate(_at(side, point)) for side in (a, b)]
        if estimates[0] is None or estimates[1] is None:
            unreal = _not_real((a, b), estimates, point)
            if unreal is not None:
                return unreal
            continue
        (x, dx), (y, dy) = estimates
        scale = max(1, abs(x), abs(y))
        if dx + dy > UNRELIABLE * scale:
            continue
        evaluated += 1
        if abs(x - y) > sp.Float(10) ** (10 - DIGITS) * scale + QUAD_SAFETY * (dx + dy):
            where = ", ".join(f"{s} = {v}" for s, v in point.items())
            return Verdict(Status.REFUTED, f"{_short(x)} != {_short(y)} at {where}", tuple(point.items()))
    if evaluated == 0:
        return Verdict(Status.UNKNOWN, "could not evaluate either side at any sample point")
    return None


def _not_real(sides: tuple[sp.Basic, sp.Basic], estimates: list, point: dict) -> Verdict | None:
    """A refutation when one side is a real number at ``point`` and the other a number that is not real
    (``log(-p - 1)`` on ``0 < p < 1``): no real number equals it.  ``None`` otherwise."""
    for k in (0, 1):
        if estimates[k] is None or estimates[1 - k] is not None:
            continue
        # SymPy's own evaluation, which allows complex values (derive's quadrature does not); for integrals
        # and sums the imaginary part must be far above what their quadrature could get wrong
        aggregates = sides[1 - k].has(sp.Integral, sp.Sum)
        value = _evaluated(_at(sides[1 - k], point))
        if value is None or value.free_symbols or value.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or not value.is_number:
            return None
        tolerance = UNRELIABLE if aggregates else sp.Float(10) ** (10 - DIGITS)
        if abs(sp.im(value)) > tolerance * max(1, abs(value)):
            where = ", ".join(f"{s} = {v}" for s, v in point.items())
            real, other = _short(estimates[k][0]), _short(value)
            shown = f"{real} != {other}" if k == 0 else f"{other} != {real}"
            return Verdict(Status.REFUTED, f"{shown} (not a real number) at {where}", tuple(point.items()))
    return None


def _needed(a: sp.Basic, b: sp.Basic) -> tuple[set[sp.Basic], set[sp.Basic]]:
    """The symbols the two sides mention, and the labels of their indexed parameters."""
    labels = {ix.base.label for side in (a, b) for ix in side.atoms(sp.Indexed)}
    return a.free_symbols | b.free_symbols, labels


def _restrict(point: dict[sp.Basic, sp.Basic], needed: tuple[set[sp.Basic], set[sp.Basic]]) -> dict:
    """The part of a sample point the sides use (so a counterexample names only what matters)."""
    symbols, labels = needed
    out = {s: point[s] for s in symbols if s in point}
    if labels:
        out.update({k: v for k, v in point.items() if isinstance(k, sp.Indexed) and k.base.label in labels})
        n_values = {k: v for k, v in point.items() if isinstance(k, sp.Symbol) and k.is_integer}
        out.update(n_values)
    return out


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
    """``expr`` (free of symbols) as a real number, or ``None`` when it has no finite real value."""
    found = _estimate(expr)
    return None if found is None else found[0]


def _estimate(expr: sp.Basic) -> tuple[sp.Float, sp.Float] | None:
    """``(value, error)``: ``expr`` evaluated, with a bound on the error its integrals and sums may carry.

    Integrals and sums whose bodies are free of other aggregates are
    evaluated by :func:`_aggregate` (quadrature split at kinks, or summation
    with a tail bound); their errors are carried to the result by evaluating
    the rest of ``expr`` once more with each aggregate moved by its error.
    Everything else is evaluated by SymPy with ``DIGITS`` digits (error 0).
    """
    aggregates = [e for e in sp.preorder_traversal(expr) if isinstance(e, (sp.Integral, sp.Sum))]
    innermost = [e for e in dict.fromkeys(aggregates) if not e.function.has(sp.Integral, sp.Sum)]
    values: dict[sp.Basic, tuple[sp.Float, sp.Float]] = {}
    if len(innermost) == len(set(aggregates)):
        for e in innermost:
            found = _by_terms(e) if isinstance(e, sp.Integral) else _aggregate(e)
            if found is None:
                break
            values[e] = found
        else:
            value = _plain_number(expr.xreplace({e: v for e, (v, _) in values.items()}))
            if value is None:
                return None
            error = sp.Float(0)
            for e, (v, dv) in values.items():
                if dv == 0:
                    continue
                moved = _plain_number(expr.xreplace({f: (w + dv if f == e else w) for f, (w, _) in values.items()}))
                if moved is None:
                    return None
                error += abs(moved - value)
            return value, error
    value = _plain_number(expr)
    return None if value is None else (value, sp.Float(0))


def _plain_number(expr: sp.Basic) -> sp.Float | None:
    value = _evaluated(expr)
    if value is None or value.free_symbols or value.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or not value.is_number:
        return None
    real, imag = value.as_real_imag()
    return None if abs(imag) > sp.Float(10) ** (10 - DIGITS) else real


@lru_cache(maxsize=4096)
def _evaluated(expr: sp.Basic) -> sp.Basic | None:
    """``expr`` evaluated by SymPy with ``DIGITS`` digits (memoised: a value that is not real is asked for twice)."""
    try:
        return sp.N(expr, DIGITS)
    except (TypeError, ValueError, ZeroDivisionError, ArithmeticError, NotImplementedError):
        return None


def _by_terms(e: sp.Integral) -> tuple[sp.Float, sp.Float] | None:
    """An integral as the sum of the integrals of its terms ``c * g(x)``, each ``g`` evaluated once (memoised).

    Steps of a derivation rearrange the same few integrands (a density times
    ``x``, ``x^2``, ``log x``, ...), so at one sample point most integrals
    share their pieces.  The errors add up, each scaled by ``|c|``.  When a
    piece cannot be evaluated (it may diverge on its own), the whole integral
    is evaluated instead.
    """
    if len(e.limits) != 1 or len(e.limits[0]) != 3:
        return _aggregate(e)
    var, lo, hi = e.limits[0]
    try:
        body = sp.expand(sp.expand_log(e.function), power_exp=False, log=False)
    except (TypeError, ValueError, ArithmeticError):
        return _aggregate(e)
    pieces: dict[sp.Basic, sp.Basic] = {}
    for term in sp.Add.make_args(body):
        coeff, g = term.as_independent(var, as_Add=False)
        pieces[g] = pieces.get(g, sp.Integer(0)) + coeff
    if len(pieces) == 1 and next(iter(pieces.values())) == 1:
        return _aggregate(e)
    value, error = sp.Float(0), sp.Float(0)
    for g, coeff in pieces.items():
        c = _plain_number(coeff)
        found = _aggregate(sp.Integral(g, (var, lo, hi))) if c is not None else None
        if found is None:
            return _aggregate(e)
        value += c * found[0]
        error += abs(c) * found[1]
    return value, error


@lru_cache(maxsize=4096)
def _aggregate(e: sp.Integral | sp.Sum) -> tuple[sp.Float, sp.Float] | None:
    """A numeric integral or sum with a bound on its error, or ``None`` when it cannot be evaluated.

    Integrals are split at every kink ``|u(x)|`` with ``u`` linear (Laplace
    densities), since a kink inside an interval ruins both the value and the
    error estimate of any quadrature rule; then

    1. by tanh-sinh in double precision and with ``FAST_DIGITS`` digits: when
       the two agree to ``FAST_AGREEMENT`` (relative), the second value is
       kept, its error bound the larger of their difference and mpmath's
       estimates (floored at double precision);
    2. otherwise (endpoint singularities: Beta densities with a concentration
       below 1), by tanh-sinh with ``QUAD_DIGITS`` and ``QUAD_DIGITS + 10``
       digits, the second value kept, its error the larger of mpmath's
       estimate and the change between the two precisions.

    mpmath's own estimate (the change between the last two levels of one
    run) cannot be trusted alone: next to a finite end point the nodes lose
    digits, and at 30 digits the true error of
    ``int x^(-1/4) (1-x)^(4/3) log x dx`` was 2e-24 against an estimate of
    1e-47.  The change between two working precisions exposes exactly that
    loss (it over-states the second value's error, often by orders of
    magnitude, which only makes refutation more cautious).

    Sums: finite ones term by term; infinite ones until the terms shrink
    geometrically, the tail bounded by the geometric series.
    """
    if len(e.limits) != 1 or len(e.limits[0]) != 3:
        return None
    var, lo, hi = e.limits[0]
    if e.function.free_symbols - {var} or not (lo.is_number and hi.is_number):
        return None
    try:
        if isinstance(e, sp.Integral):
            # log(c * exp(u)) -> log(c) + u where SymPy knows the factors positive: the same function, but one
            # that does not underflow to log(0) far out in the tails.
            body = sp.expand_log(e.function)
            ends = [lo, *sorted(c for c in _kinks(body, var) if (lo < c) is sp.true and (c < hi) is sp.true), hi]
            found = _fast_quadrature(body, var, ends) or _precise_quadrature(body, var, ends)
        else:
            f = sp.lambdify(var, e.function, modules="mpmath")
            with mpmath.workdps(QUAD_DIGITS + 10):
                found = _summation(f, lo, hi)
    except (TypeError, ValueError, ZeroDivisionError, ArithmeticError, NameError, OverflowError):
        return None
    if found is None:
        return None
    value, error, digits = found
    if not (mpmath.isfinite(value) and mpmath.isfinite(error)):
        return None
    # An estimate below the working precision means nothing: floor it at the rounding of that precision.
    error = max(abs(error), mpmath.mpf(10) ** (3 - digits) * max(1, abs(value)))
    return sp.Float(value, digits), sp.Float(error, 5)


def _fast_quadrature(body: sp.Basic, var: sp.Symbol, ends: list[sp.Basic]):
    """Tanh-sinh in double precision and with ``FAST_DIGITS`` digits; ``None`` unless the two agree."""
    try:
        f = sp.lambdify(var, body, modules=[_FP, "mpmath"])
        a, da = mpmath.fp.quad(lambda t: _real(f(t)), [float(_mp(c)) for c in ends], error=True)
        g = sp.lambdify(var, body, modules="mpmath")
        with mpmath.workdps(FAST_DIGITS):
            b, db = mpmath.quad(lambda t: _real(g(t)), [_mp(c) for c in ends], error=True)
    except (TypeError, ValueError, ZeroDivisionError, ArithmeticError, NameError, OverflowError):
        return None
    if isinstance(a, complex) or not (math.isfinite(a) and mpmath.isfinite(b)):
        return None
    difference = abs(a - b)
    if difference > FAST_AGREEMENT * max(1.0, abs(b)):
        return None
    return b, max(difference, abs(da), abs(db)), 15


def _precise_quadrature(body: sp.Basic, var: sp.Symbol, ends: list[sp.Basic]):
    f = sp.lambdify(var, body, modules="mpmath")
    results = []
    for digits in (QUAD_DIGITS, QUAD_DIGITS + 10):
        with mpmath.workdps(digits):
            value, error = mpmath.quad(lambda t: _real(f(t)), [_mp(c) for c in ends], error=True, maxdegree=8)
        results.append((value, abs(error)))
    (first, _), (value, error) = results
    return value, max(error, abs(first - value)), QUAD_DIGITS + 10


#: mpmath's double-precision functions under the names SymPy's mpmath printer uses.
_FP = {name: getattr(mpmath.fp, name) for name in dir(mpmath.fp) if not name.startswith("_")} | {"mpf": float}


def _kinks(body: sp.Basic, var: sp.Symbol) -> set[sp.Basic]:
    """Where an ``|u|``, ``sign(u)``, ``Heaviside(u)``, ``max`` or ``min`` with ``u`` linear in ``var`` changes form."""
    points = set()
    for node in sp.preorder_traversal(body):
        if isinstance(node, (sp.Abs, sp.sign, sp.Heaviside)):
            args = [node.args[0]]
        elif isinstance(node, (sp.Min, sp.Max)):
            args = [a - b for a, b in zip(node.args, node.args[1:])]
        else:
            continue
        for u in args:
            u = sp.expand(u)
            if u.has(var) and sp.diff(u, var, 2) == 0:
                slope = sp.diff(u, var)
                if slope.is_number and slope != 0:
                    point = -u.subs(var, 0) / slope
                    if point.is_number and point.is_real:
                        points.add(point)
    return points


def _summation(f, lo: sp.Basic, hi: sp.Basic):
    """``sum f(k)`` for ``k = lo..hi``; an infinite tail is bounded once the terms shrink by a fixed ratio."""
    if not lo.is_Integer:
        return None
    if hi.is_Integer:
        if hi - lo > MAX_TERMS:
            return None
        return mpmath.fsum(_real(f(mpmath.mpf(k))) for k in range(int(lo), int(hi) + 1)), mpmath.mpf(0), QUAD_DIGITS + 10
    if hi != sp.oo:
        return None
    total, previous, shrinking = mpmath.mpf(0), None, 0
    eps = mpmath.mpf(10) ** (-QUAD_DIGITS - 10)
    for k in range(int(lo), int(lo) + MAX_TERMS):
        term = _real(f(mpmath.mpf(k)))
        total += term
        if previous is not None and previous != 0:
            ratio = abs(term / previous)
            shrinking = shrinking + 1 if ratio < mpmath.mpf(1) - mpmath.mpf(1) / 64 else 0
            if shrinking >= 8 and abs(term) <= eps * max(1, abs(total)):
                # Terms now shrink by a ratio r < 1; assume they keep doing so (true of every family's masses times
                # polynomials and logarithms this far out) and bound the tail by the geometric series.
                return total, abs(term) * ratio / (1 - ratio), QUAD_DIGITS + 10
        previous = term
    return None


def _real(value):
    """A real value of an integrand; a complex one with a non-negligible imaginary part is an error."""
    if isinstance(value, (mpmath.mpc, complex)):
        if abs(value.imag) > 1e-12 * max(1, abs(value.real)):
            raise ValueError("complex value")
        return value.real
    return value


def _mp(x: sp.Basic):
    if x == sp.oo:
        return mpmath.inf
    if x == -sp.oo:
        return -mpmath.inf
    return mpmath.mpf(sp.Float(x, QUAD_DIGITS + 5))


def _short(x: sp.Basic) -> str:
    return sp.sstr(sp.N(x, 8))


def _exactly_zero(difference: sp.Basic, domain: Domain) -> bool:
    """A sound proof that ``difference`` vanishes on the domain (False means: not proved).

    This is the exact path, tried after the fast one (logarithms split where
    interval bounds prove positivity, then expansion) has failed: every
    parameter is re-parametrised first, then sums and integrals are merged,
    lemmas used, and SymPy's integration tried.
    """
    if sp.count_ops(difference) > EXACT_LIMIT:
        return False
    cases = sign_cases(difference)
    if cases is not None:
        return all(_exactly_zero(case, domain) for case in cases)
    expr = _split_logs(domain.reparametrize(difference))
    if _rationally_zero(expr):
        return True
    if expr.has(sp.Sum, sp.Integral):
        rest, bodies = _merge_aggregates(expr)
        if bodies and _rationally_zero(rest) and all(_rationally_zero(_split_logs(b)) for b in bodies):
            return True
        if lemmas.proves_zero(expr):
            return True
        evaluated = _split_logs(expr.doit())
        if _rationally_zero(evaluated):
            return True
        expr = evaluated
    return sp.count_ops(expr) <= SIMPLIFY_LIMIT and sp.simplify(expr) == 0


_split_bounded_logs = normal.split_bounded_logs
_expands_to_zero = normal.expands_to_zero


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
