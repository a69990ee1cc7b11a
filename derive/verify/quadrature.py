"""Numbers for integrals and sums: quadrature and summation with a bound on their error.

An integral is split at its kinks and evaluated by tanh-sinh twice, at two
precisions, and its error taken as the larger of mpmath's estimate and the
change between the two runs (mpmath's own estimate alone cannot be trusted
near an endpoint singularity).  A finite sum is added term by term; an
infinite one until its terms shrink geometrically, the tail bounded by the
geometric series.  A sum whose upper limit is below its lower limit has no
terms and is 0 (the convention of every path of the verifier, see
:mod:`derive.verify.binders`), never SymPy's Karr convention.

These numbers only ever *refute* (:mod:`derive.verify.numeric`); no
verdict PROVED rests on them.
"""

from __future__ import annotations

import math
import warnings
from functools import lru_cache

import mpmath

import sympy as sp

from derive.verify.cases import root_of_linear, switches

QUAD_DIGITS = 30  # working digits of quadrature and summation (their error estimates set the tolerance)
FAST_DIGITS = 20  # digits of the second quick quadrature, compared with a double-precision one
FAST_AGREEMENT = 1e-10  # the two quick quadratures must agree this well (relative) to be used
MAX_TERMS = 20000  # terms of a sum evaluated before giving up


@lru_cache(maxsize=4096)
def aggregate(e: sp.Integral | sp.Sum) -> tuple[sp.Float, sp.Float] | None:
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
            ends = [lo, *sorted(c for c in kinks(body, var) if (lo < c) is sp.true and (c < hi) is sp.true), hi]
            found = _fast_quadrature(body, var, ends) or _precise_quadrature(body, var, ends)
        else:
            f = _lambdify(var, reciprocal_gammas(e.function), modules=[{"rgamma": mpmath.rgamma}, "mpmath"])
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
        f = _lambdify(var, body, modules=[_FP, "mpmath"])
        a, da = mpmath.fp.quad(lambda t: _real(f(t)), [float(_mp(c)) for c in ends], error=True)
        g = _lambdify(var, body, modules="mpmath")
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
    f = _lambdify(var, body, modules="mpmath")
    results = []
    for digits in (QUAD_DIGITS, QUAD_DIGITS + 10):
        with mpmath.workdps(digits):
            value, error = mpmath.quad(lambda t: _real(f(t)), [_mp(c) for c in ends], error=True, maxdegree=8)
        results.append((value, abs(error)))
    (first, _), (value, error) = results
    return value, max(error, abs(first - value)), QUAD_DIGITS + 10


#: mpmath's double-precision functions under the names SymPy's mpmath printer uses.
_FP = {name: getattr(mpmath.fp, name) for name in dir(mpmath.fp) if not name.startswith("_")} | {"mpf": float}


def kinks(body: sp.Basic, var: sp.Symbol) -> set[sp.Basic]:
    """Where an ``|u|``, ``sign(u)``, ``Heaviside(u)``, ``max`` or ``min`` with ``u`` linear in ``var`` changes form."""
    points = (root_of_linear(u, var) for u in switches(body))
    return {p for p in points if p is not None and p.is_number and p.is_real}


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


_RGAMMA = sp.Function("rgamma")


def reciprocal_gammas(body: sp.Basic) -> sp.Basic:
    """``1/(k-1)!`` as ``rgamma(k)``: 0 at ``k = 0, -1, ...``, as in every series written ``sum_{k>=0}
    lambda^(k-1)/(k-1)!`` (``1/Gamma`` is entire); the factorial itself has a pole there."""
    return body.replace(lambda e: isinstance(e, sp.Pow) and isinstance(e.base, (sp.factorial, sp.gamma))
                        and e.exp.is_negative,
                        lambda e: _RGAMMA(e.base.args[0] + (1 if isinstance(e.base, sp.factorial) else 0)) ** -e.exp)


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


def _lambdify(*args: object, **kwargs: object):
    """``sp.lambdify``, quiet: code generated for an indexed entry at a number (``x[1]`` of a sequence given as a
    number) compiles with a SyntaxWarning before it fails, which is reported as a failed evaluation instead."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        return sp.lambdify(*args, **kwargs)
