"""Lemmas: integrals (and sums) the verifier evaluates once, proves, and then uses wherever they occur.

A lemma is a pair ``(integral of g over a range, value)``.  Its value comes
from SymPy's ``integrate`` (or ``summation``) on the re-parametrised domain,
where every parameter is a symbol that SymPy knows to be positive or real (an
absolute value is first rewritten piecewise, so that the range is split at
its kink).  The value is accepted only when SymPy attaches no convergence
condition it cannot prove on that domain, it is finite and free of
unevaluated integrals, and it agrees with quadrature at sample points of the
parameters, every one of which must give the integral a finite value (a
guard against mistakes in symbolic integration).  Each lemma is proved once
per process and memoised.

:func:`proves_zero` uses the lemmas to decide that an expression with
integrals vanishes: each integral is split by linearity into terms
``c * g(x)`` (``c`` free of the variable), each ``int g`` is replaced by its
lemma, and what is left must cancel, case by case where absolute values,
minima or maxima of real parameters remain (``mu_1 > mu_2``, ``mu_1 < mu_2``,
``mu_1 = mu_2``).  Splitting by linearity is sound because every piece it
uses is a convergent integral (its lemma is a finite value), so what is left
of an integral converges whenever the integral does.  Pieces with no lemma
are kept as integrals, gathered over their common range, and must cancel
pointwise (``E[log K!]`` of a Poisson, on both sides of a step).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import sympy as sp

#: Sample points at which a lemma's value is compared with quadrature.
CHECKS = 2
#: At most this many case splits on the order of real parameters.
MAX_CASES = 3


@dataclass(frozen=True)
class Lemma:
    """``integral = value``: ``integral`` is ``Integral(g, (var, lo, hi))`` or a ``Sum``, proved for every value of the
    positive or real symbols in ``g`` (the re-parametrised parameters)."""

    integral: sp.Basic
    value: sp.Expr


def proves_zero(expr: sp.Basic) -> bool | None:
    """True when ``expr`` (re-parametrised, with integrals or sums) is proved to vanish; ``None`` when not proved."""
    reduced = reduce(expr)
    if reduced is None:
        return None
    return True if _zero_by_cases(reduced, MAX_CASES) else None


def reduce(expr: sp.Basic) -> sp.Basic | None:
    """``expr`` with every integral or sum replaced, piece by piece, by proved lemmas; ``None`` if nothing changed."""
    changed = False

    def visit(e: sp.Basic) -> sp.Basic:
        nonlocal changed
        if not e.args:
            return e
        e = e.func(*(visit(a) for a in e.args)) if not isinstance(e, (sp.Integral, sp.Sum)) else e
        if isinstance(e, (sp.Integral, sp.Sum)) and not e.function.has(sp.Integral, sp.Sum):
            out = _reduce_aggregate(e)
            if out is not None:
                changed = True
                return out
        return e

    result = visit(expr)
    return result if changed else None


def _reduce_aggregate(e: sp.Integral | sp.Sum) -> sp.Basic | None:
    if len(e.limits) != 1 or len(e.limits[0]) != 3:
        return None
    var, lo, hi = e.limits[0]
    pieces: dict[sp.Basic, sp.Basic] = {}
    body = sp.expand(e.function, power_exp=False, log=False)
    for term in sp.Add.make_args(body):
        coeff, g = term.as_independent(var, as_Add=False)
        pieces[g] = pieces.get(g, sp.Integer(0)) + coeff
    total, kept = sp.Integer(0), []
    for g, coeff in pieces.items():
        lemma = prove(type(e), g, var, lo, hi)
        if lemma is None:
            kept.append(coeff * g)
        else:
            total += coeff * lemma.value
    if len(kept) == len(pieces):
        return None
    return total + (e.func(sp.Add(*kept), (var, lo, hi)) if kept else 0)


@lru_cache(maxsize=2048)
def prove(kind: type, g: sp.Expr, var: sp.Symbol, lo: sp.Basic, hi: sp.Basic) -> Lemma | None:
    """The lemma ``int_lo^hi g = value`` (or the sum), proved by SymPy and checked numerically, or ``None``."""
    value = None
    if kind is sp.Integral:
        value = _by_parameter(g, var, lo, hi)
    if value is None:
        value = _evaluate(kind, g, var, lo, hi)
    if value is None:
        return None
    integral = kind(g, (var, lo, hi))
    if not _agrees(integral, value):
        return None
    return Lemma(integral, value)


def _evaluate(kind: type, g: sp.Expr, var: sp.Symbol, lo: sp.Basic, hi: sp.Basic) -> sp.Expr | None:
    """SymPy's value of the integral (or sum), or ``None`` when it is not a finite closed form.

    An absolute value is rewritten piecewise first (the range is then split at its kink).  A power of the
    variable with a symbolic exponent (``x^(a-1) (1-x)^(b-1)``) goes to the Meijer G method and
    hyperexpansion, which give the Beta and Gamma functions at once where the general method is slow.
    """
    body = g.rewrite(sp.Piecewise) if g.has(sp.Abs, sp.Min, sp.Max, sp.sign) else g
    try:
        if kind is sp.Sum:
            value = sp.summation(body, (var, lo, hi))
        elif any(isinstance(f, sp.Pow) and var in f.base.free_symbols and not f.exp.is_Number
                 for f in sp.preorder_traversal(body)):
            value = sp.integrate(body, (var, lo, hi), meijerg=True, conds="separate")
        else:
            value = sp.integrate(body, (var, lo, hi), conds="separate")
        if isinstance(value, tuple):
            value, condition = value
            if condition is not sp.true:  # converges only under a condition SymPy cannot prove on the domain
                return None
        value = sp.hyperexpand(value)
    except (NotImplementedError, ValueError, TypeError, ZeroDivisionError, RecursionError, AttributeError):
        return None
    if value.has(sp.Integral, sp.Sum, sp.Piecewise, sp.oo, -sp.oo, sp.zoo, sp.nan, sp.meijerg, sp.hyper):
        return None
    return value


def _by_parameter(g: sp.Expr, var: sp.Symbol, lo: sp.Basic, hi: sp.Basic) -> sp.Expr | None:
    """``int r(x) log(u)^m dx`` as the m-th derivative in ``E`` of ``int r(x) u^(E-1) dx``.

    This is differentiation under the integral sign.

    ``u`` is a factor of ``r`` raised to a symbolic power ``e`` (``x^(a-1)``, ``(1-x)^(b-1)``), replaced by ``u^(E-1)``
    and evaluated at ``E = e + 1``; or ``u`` is the variable itself and ``E = 1``.  Differentiating under the
    integral holds here because the integrals converge for every ``E`` near that point (a neighbourhood of a
    positive exponent); the value, like every lemma's, must still agree with quadrature.
    """
    factors = sp.Mul.make_args(g)
    logs = [(f, 1) if isinstance(f, sp.log) else (f.base, int(f.exp)) for f in factors
            if (isinstance(f, sp.log) or (isinstance(f, sp.Pow) and isinstance(f.base, sp.log) and f.exp.is_Integer
                                          and f.exp > 0)) and var in f.free_symbols]
    if len(logs) != 1:
        return None
    (log, m), = logs
    u = log.args[0]
    rest = sp.Mul(*(f for f in factors if not (f == log or (isinstance(f, sp.Pow) and f.base == log))))
    E = sp.Dummy("E", positive=True)
    powers = [f for f in sp.Mul.make_args(rest) if isinstance(f, sp.Pow) and f.base == u and not f.exp.is_Number
              and var not in f.exp.free_symbols]
    if powers:
        at = powers[0].exp + 1
        weighted = rest.xreplace({powers[0]: u ** (E - 1)})
    elif u == var:
        at = sp.Integer(1)
        weighted = rest * u ** (E - 1)
    else:
        return None
    value = _evaluate(sp.Integral, weighted, var, lo, hi)
    if value is None:
        return None
    return sp.diff(value, E, m).xreplace({E: at})


def _agrees(integral: sp.Basic, value: sp.Expr) -> bool:
    """The value matches quadrature (or summation) at ``CHECKS`` points of the symbols' ranges."""
    from derive.verify import DIGITS, QUAD_SAFETY, UNRELIABLE, _estimate

    symbols = sorted(integral.free_symbols | value.free_symbols, key=str)
    checked = 0
    for k in range(CHECKS + 3):
        point = {s: _sample(s, k + j) for j, s in enumerate(symbols)}
        if any(v is None for v in point.values()):
            return False
        left, right = _estimate(integral.xreplace(point)), _estimate(value.xreplace(point))
        if left is None or right is None:
            return False  # no finite value here (the integral may diverge at these parameters)
        (x, dx), (y, dy) = left, right
        scale = max(1, abs(x), abs(y))
        if dx + dy > UNRELIABLE * scale:
            continue
        if abs(x - y) > sp.Float(10) ** (10 - DIGITS) * scale + QUAD_SAFETY * (dx + dy):
            return False
        checked += 1
        if checked == CHECKS:
            return True
    return False


_SAMPLES = (sp.Rational(3, 4), sp.Rational(7, 3), sp.Rational(5, 2), sp.Rational(2, 7), sp.Rational(9, 5))


def _sample(s: sp.Symbol, k: int) -> sp.Rational | None:
    u = _SAMPLES[k % len(_SAMPLES)]
    if s.is_integer:
        return None
    if s.is_positive:
        return u
    if s.is_real:
        return u - sp.Rational(3, 2)
    return None


def _zero_by_cases(expr: sp.Basic, depth: int) -> bool:
    """``expr`` vanishes: proved directly, or case by case on the sign of what an ``|u|``, ``min`` or ``max`` holds."""
    from derive.verify import _merge_aggregates, _rationally_zero, _split_logs

    expr = _split_logs(expr)
    if _rationally_zero(expr):
        return True
    if expr.has(sp.Integral, sp.Sum):
        rest, bodies = _merge_aggregates(expr)
        if bodies and _rationally_zero(_split_logs(rest)) and all(_rationally_zero(_split_logs(b)) for b in bodies):
            return True
    if depth == 0:
        return False
    split = _case_split(expr)
    if split is None:
        return False
    symbol, at = split
    t = sp.Dummy("t", positive=True)
    return all(_zero_by_cases(expr.xreplace({symbol: value}), depth - 1) for value in (at + t, at - t, at))


def _case_split(expr: sp.Basic) -> tuple[sp.Symbol, sp.Expr] | None:
    """A real symbol and the value at which an ``|u|``, ``min`` or ``max`` in ``expr`` changes form."""
    for node in sp.preorder_traversal(expr):
        if isinstance(node, sp.Abs):
            differences = [node.args[0]]
        elif isinstance(node, (sp.Min, sp.Max)):
            differences = [a - b for a, b in zip(node.args, node.args[1:])]
        else:
            continue
        for u in differences:
            for s in sorted(u.free_symbols, key=str):
                if not isinstance(s, sp.Symbol) or not s.is_real or s.is_positive or s.is_negative:
                    continue
                if sp.diff(u, s, 2) != 0 or sp.diff(u, s).free_symbols:
                    continue
                slope = sp.diff(u, s)
                if slope == 0:
                    continue
                return s, sp.expand(s - u / slope)
    return None
