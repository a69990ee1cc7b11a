"""An evaluator independent of derive's: the value of a plain SymPy expression at a point, to 40 digits.

It shares no code with :mod:`derive.verify`: sums are added term by term with
the empty-sum convention (no terms when the upper limit is below the lower),
integrals by mpmath's quadrature on the integrand, everything else by SymPy's
``evalf``.  ``None`` means "no finite real value here"; :data:`UNDECIDED`, that
this evaluator cannot tell (an infinite sum, too many terms, a quadrature that
does not settle): such a point is no evidence either way.
"""

from __future__ import annotations

import mpmath
import sympy as sp

DIGITS = 40
MAX_TERMS = 2000
UNDECIDED = object()


class _Undecided(Exception):
    """This evaluator cannot tell the value (which says nothing about whether there is one)."""


def value(expr: sp.Basic, point: dict) -> mpmath.mpf | None | object:
    """``expr`` at ``point`` as a real number, ``None`` (undefined, infinite, not real), or :data:`UNDECIDED`."""
    try:
        with mpmath.workdps(DIGITS):
            found = _value(expr.xreplace(point))
    except (_Undecided, KeyError, NameError, AttributeError):  # lambdify cannot print zoo (1/0): no evidence
        return UNDECIDED
    except (ArithmeticError, ValueError, TypeError, ZeroDivisionError, OverflowError, RecursionError):
        return None
    if found is None or not mpmath.isfinite(found):
        return None
    return found


def _value(e: sp.Basic):
    if isinstance(e, sp.Sum):
        return _sum(e)
    if isinstance(e, sp.Integral):
        return _integral(e)
    if e.has(sp.Sum, sp.Integral):
        parts = {a: _value(a) for a in e.atoms(sp.Sum, sp.Integral) if not _inside_other(a, e)}
        if any(v is None for v in parts.values()):
            return None
        e = e.xreplace({a: sp.Float(v, DIGITS) for a, v in parts.items()})
    n = sp.N(e, DIGITS)
    if n.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or not n.is_number or n.free_symbols:
        return None
    re, im = n.as_real_imag()
    if abs(im) > sp.Float(10) ** (5 - DIGITS) * max(1, abs(re)):
        return None
    return mpmath.mpf(str(sp.Float(re, DIGITS)))


def _inside_other(a: sp.Basic, e: sp.Basic) -> bool:
    return any(a is not b and b.has(a) for b in e.atoms(sp.Sum, sp.Integral))


def _sum(e: sp.Sum):
    """Karr-free: a sum with several limits is nested, the first limit innermost; an empty range is 0."""
    *inner, (var, lo, hi) = e.limits
    body = sp.Sum(e.function, *inner) if inner else e.function
    if not (lo.is_Integer and (hi.is_Integer or hi == sp.oo)):
        return None
    if hi == sp.oo:
        raise _Undecided("an infinite sum")
    if hi < lo:
        return mpmath.mpf(0)
    if hi - lo > MAX_TERMS:
        raise _Undecided("too many terms")
    total = mpmath.mpf(0)
    for k in range(int(lo), int(hi) + 1):
        term = _value(_put(body, var, sp.Integer(k)))
        if term is None:
            return None
        total += term
    return total


def _integral(e: sp.Integral):
    if len(e.limits) != 1 or len(e.limits[0]) != 3:
        raise _Undecided("a multiple or indefinite integral")
    (var, lo, hi), = e.limits
    ends = []
    for end in (lo, hi):
        v = mpmath.inf if end == sp.oo else -mpmath.inf if end == -sp.oo else _value(end)
        if v is None:
            return None
        ends.append(v)
    f = sp.lambdify(var, e.function, modules="mpmath")

    def real(t):
        v = f(t)
        if isinstance(v, mpmath.mpc):
            if abs(v.imag) > mpmath.mpf(10) ** -20:
                raise ValueError("complex integrand")
            return v.real
        return v

    result, error = mpmath.quad(real, ends, error=True)
    if error > mpmath.mpf(10) ** -12 * max(1, abs(result)):
        raise _Undecided("the quadrature does not settle")
    return result


def _put(body: sp.Basic, var: sp.Symbol, value: sp.Basic) -> sp.Basic:
    """``var`` replaced by ``value`` where it is free: an inner sum or integral that binds ``var`` again keeps it."""
    if isinstance(body, (sp.Sum, sp.Integral)) and var in body.variables:
        limits = [(v, *(_put(b, var, value) for b in bounds)) for v, *bounds in body.limits]
        return body.func(body.function, *limits)
    if not body.args:
        return value if body == var else body
    return body.func(*(_put(a, var, value) for a in body.args))
