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

:func:`reduce` uses the lemmas inside an expression: each integral is split
by linearity into terms ``c * g(x)`` (``c`` free of the variable), and each
``int g`` with a lemma is replaced by its value.  Splitting by linearity is
sound because every piece it uses is a convergent integral (its lemma is a
finite value), so what is left of an integral converges whenever the
integral does.  Pieces with no lemma are kept as integrals
(:mod:`derive.verify.exact` must then cancel them pointwise).  A sum is
evaluated only where its range is proved in order (``hi >= lo - 1``), where
SymPy's summation and the empty-sum convention agree.

Assumptions this path needs: SymPy's ``integrate``/``summation`` give the
right value when they attach no condition (each value is also compared with
quadrature at :data:`CHECKS` points, a guard, not a proof).  Dropping the
order check would accept ``sum_{i=1}^{n} 1 = n`` for a negative ``n``
(tests/verify/test_lemmas.py).

**Inequality lemmas** (:data:`INEQUALITIES`) are the bounds the relation
checker may trade a logarithm for; each states its side conditions, and a
use must prove them on the domain (``log_b x <= (x - 1)/log b`` needs
``b > 1``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import sympy as sp

from derive.verify.binders import ordered_on_cover
from derive.verify.defined import pole_inside
from derive.verify.limits import simplify
from derive.verify.numeric import DIGITS, QUAD_SAFETY, UNRELIABLE, estimate

#: Sample points at which a lemma's value is compared with quadrature.
CHECKS = 2


@dataclass(frozen=True)
class Lemma:
    """``integral = value``: ``integral`` is ``Integral(g, (var, lo, hi))`` or a ``Sum``, proved for every value of the
    positive or real symbols in ``g`` (the re-parametrised parameters)."""

    integral: sp.Basic
    value: sp.Expr


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
    if kind is sp.Integral and pole_inside(g, var, lo, hi):
        return None  # SymPy would integrate straight through the pole (int_{-1}^{1} dt/t)
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
    if kind is sp.Sum and not ordered_on_cover(lo, hi, slack=1):
        return None  # SymPy's summation follows Karr's convention, which differs from ours on reversed ranges
    if kind is sp.Sum and (value := _series(body, var, lo, hi)) is not None:
        return value
    try:
        if kind is sp.Sum:
            value = _summation(body, var, lo, hi)
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
    except (NotImplementedError, ValueError, TypeError, ZeroDivisionError, RecursionError, AttributeError,
            IndexError, KeyError):
        return None
    if value.has(sp.Integral, sp.Sum, sp.Piecewise, sp.oo, -sp.oo, sp.zoo, sp.nan, sp.meijerg, sp.hyper):
        return None
    return value


def _summation(body: sp.Expr, var: sp.Symbol, lo: sp.Basic, hi: sp.Basic) -> sp.Basic:
    """SymPy's sum; where it leaves the sum, again with every symbol stripped of its assumptions (its summation
    finds ``sum (lambda e^t)^x / x! = exp(lambda e^t)`` only so); a value for every complex symbol holds for
    every real one, and a condition it attaches is refused by the caller."""
    value = sp.summation(body, (var, lo, hi))
    if not value.has(sp.Sum):
        return value
    plain = {s: sp.Dummy(s.name) for s in (body.free_symbols | lo.free_symbols | hi.free_symbols) - {var}
             if isinstance(s, sp.Symbol)}
    k = sp.Dummy(var.name)
    again = sp.summation(body.xreplace({**plain, var: k}), (k, lo.xreplace(plain), hi.xreplace(plain)))
    return again.xreplace({d: s for s, d in plain.items()})


def _series(body: sp.Expr, var: sp.Symbol, lo: sp.Basic, hi: sp.Basic) -> sp.Expr | None:
    """Two series by their generating functions, where ``body`` is ``k^m s r^k`` times a kernel (the rest's ratio
    from ``k`` to ``k + 1`` free of ``k``, so it is ``s r^k`` at every integer ``k`` by induction):
    ``sum_{k=0}^{n} C(n, k) k^m s r^k = s (r d/dr)^m (1 + r)^n`` for a count ``n`` (a non-negative integer),
    the binomial theorem; ``sum_{k=0}^{oo} k^m s r^k / k! = s (r d/dr)^m e^r``, the exponential series, which
    converges for every ``r``.  From ``k = 1`` where ``m >= 1`` (the term at 0 is 0)."""
    k = var
    if hi == sp.oo and body.has(sp.factorial(k)):
        kernel, generating = sp.factorial(k), sp.exp
    elif hi.is_integer and hi.is_nonnegative and body.has(sp.binomial(hi, k)):
        kernel, generating = 1 / sp.binomial(hi, k), lambda r: (1 + r) ** hi
    else:
        return None
    rest = sp.powsimp(sp.expand_power_exp(body * kernel), combine="exp")
    degree, geometric = 0, sp.Integer(1)
    for factor in sp.Mul.make_args(rest):
        if factor == k or (isinstance(factor, sp.Pow) and factor.base == k and factor.exp.is_Integer
                           and factor.exp > 0):
            degree += 1 if factor == k else int(factor.exp)
        else:
            geometric *= factor
    if lo != 0 and not (lo == 1 and degree >= 1):
        return None
    r = simplify(geometric.xreplace({k: k + 1}) / geometric)
    if k in r.free_symbols or r.has(sp.binomial, sp.factorial, sp.gamma):
        return None
    R = sp.Dummy("r")
    value = generating(R)
    for _ in range(degree):
        value = R * sp.diff(value, R)
    return sp.factor(geometric.xreplace({k: 0}) * value.xreplace({R: r}))


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
    symbols = sorted(integral.free_symbols | value.free_symbols, key=str)
    checked = 0
    for k in range(CHECKS + 3):
        point = {s: _sample(s, k + j) for j, s in enumerate(symbols)}
        if any(v is None for v in point.values()):
            return False
        left, right = estimate(integral.xreplace(point)), estimate(value.xreplace(point))
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
        return sp.Integer(k % 5 + (1 if s.is_positive else 0)) if s.is_nonnegative else None
    if s.is_positive:
        return u
    if s.is_real or s.is_real is None:  # a name with no assumptions, real wherever derive reads it
        return u - sp.Rational(3, 2)
    return None


@dataclass(frozen=True)
class Inequality:
    """A proved bound ``small(x) <= big(x)`` for ``x > 0``, with equality only at ``x = 1``.

    A use of it at ``u`` must prove ``u > 0`` on the domain; a use scaled by a
    factor (a logarithm's base, ``1/log b``) must prove that factor positive,
    or the bound turns round.  Each is proved in tests/verify/test_lemmas.py
    (the derivative of ``big - small`` changes sign only at 1, where both are equal).
    """

    name: str
    statement: str
    small: sp.Lambda
    big: sp.Lambda


_x = sp.Dummy("x", positive=True)
#: The inequalities the relation checker knows.
INEQUALITIES = (
    Inequality("log-le-linear", "log(x) <= x - 1 for x > 0, equality only at x = 1",
               sp.Lambda(_x, sp.log(_x)), sp.Lambda(_x, _x - 1)),
    Inequality("log-ge-reciprocal", "log(x) >= 1 - 1/x for x > 0, equality only at x = 1",
               sp.Lambda(_x, 1 - 1 / _x), sp.Lambda(_x, sp.log(_x))),
)
