"""Intervals of one parameter: admitting one for a symbol, covering its interior, and sampling inside it.

:func:`admit` cuts an interval to what a symbol's SymPy assumptions allow (and
refuses an empty one); :func:`interval_cover` writes the interval's interior
through one positive (or real) symbol, a bijection (``p = t/(1+t)`` on
``(0, 1)``); :func:`point_inside` and :func:`integer_inside` give rational and
integer sample points, built from :func:`unit_sample`'s values in ``(0, 1)``.
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from derive.errors import InvalidParameter

__all__ = ["admit", "integer_inside", "interval_cover", "parity_of", "point_inside", "unit_sample"]

#: Sample values in (0, 1) used to build numeric test points; small denominators
#: keep counterexamples readable (``p = 1/3``).
_UNIT_SAMPLES = (Fraction(1, 3), Fraction(1, 5), Fraction(3, 4), Fraction(2, 7),
                 Fraction(5, 9), Fraction(7, 8), Fraction(1, 11), Fraction(3, 5))

_REALS = sp.Interval(-sp.oo, sp.oo)


def unit_sample(k: int) -> sp.Rational:
    """The ``k``-th sample value in ``(0, 1)`` (cycling through eight with small denominators)."""
    u = _UNIT_SAMPLES[k % len(_UNIT_SAMPLES)]
    return sp.Rational(u.numerator, u.denominator)


def interval_cover(symbol: sp.Symbol, interval: sp.Interval) -> sp.Expr:
    """``symbol`` written through a new positive (or, on the whole line, real) symbol that covers the interior of
    ``interval`` exactly."""
    lo, hi = interval.start, interval.end
    if lo.is_infinite and hi.is_infinite:
        return sp.Dummy(f"{symbol.name}_r", real=True)
    t = sp.Dummy(f"{symbol.name}_t", positive=True)
    if hi.is_infinite:
        return lo + t
    if lo.is_infinite:
        return hi - t
    return lo + (hi - lo) * t / (1 + t)


def point_inside(interval: sp.Interval, u: sp.Rational) -> sp.Rational:
    """Map ``u`` in (0, 1) into ``interval``."""
    lo, hi = interval.start, interval.end
    if lo.is_infinite and hi.is_infinite:
        return 4 * u - 2
    if hi.is_infinite:
        return lo + 4 * u
    if lo.is_infinite:
        return hi - 4 * u
    return lo + (hi - lo) * u


def admit(symbol: sp.Symbol, interval: sp.Interval) -> sp.Interval:
    """``interval`` cut to what ``symbol``'s SymPy assumptions allow; :class:`InvalidParameter` if nothing is left.

    A symbol declared ``positive`` with an interval ``(-1, 1)`` lives in
    ``(0, 1)``: SymPy will use ``symbol > 0`` in every simplification, so the
    domain must say the same.  Endpoints must be real numbers (or infinite).
    """
    if not isinstance(symbol, sp.Symbol):
        raise InvalidParameter(f"a domain bounds symbols, got {symbol!r}")
    if interval is sp.S.EmptySet:
        raise InvalidParameter(f"no value of {symbol} satisfies its domain: the interval is empty")
    if not isinstance(interval, sp.Interval):
        raise InvalidParameter(f"domain of {symbol} must be an interval, got {interval}")
    for end in (interval.start, interval.end):
        if not (end.is_number and (end.is_real or end.is_infinite)):
            raise InvalidParameter(f"domain of {symbol}: the end {end} is not a real number")
    if symbol.is_real is False:
        raise InvalidParameter(f"{symbol} is declared non-real, so no interval of real numbers can hold it")
    out = _intersect(interval, _own_set(symbol))
    if out is None:
        raise InvalidParameter(f"no value of {symbol} satisfies its domain {_show(interval)}"
                               + (" and its own assumptions" if _own_set(symbol) != sp.Reals else ""))
    if symbol.is_integer and not [v for v in _integers_in(out, 24) if parity_of(symbol) in (None, v % 2)]:
        raise InvalidParameter(f"no integer value of {symbol} (of its parity) lies in {_show(out)}")
    return out


def _intersect(a: sp.Interval, b: sp.Interval) -> sp.Interval | None:
    """The intersection of two intervals with real (or infinite) ends, or ``None`` when it has no interior point
    and is no single closed point (SymPy's general set intersection is slow)."""
    if b == _REALS:
        return a
    lo, lo_open = max((a.start, bool(a.left_open)), (b.start, bool(b.left_open)), key=lambda e: (e[0], e[1]))
    hi, hi_open = min((a.end, bool(a.right_open)), (b.end, bool(b.right_open)), key=lambda e: (e[0], not e[1]))
    if lo > hi or (lo == hi and (lo_open or hi_open)):
        return None
    out = sp.Interval(lo, hi, lo_open, hi_open)
    return out if isinstance(out, sp.Interval) else None


def _own_set(symbol: sp.Symbol) -> sp.Interval:
    """The interval a symbol's SymPy sign assumptions give it (all reals when it has none)."""
    if symbol.is_positive:
        return sp.Interval.open(0, sp.oo)
    if symbol.is_nonnegative:
        return sp.Interval(0, sp.oo)
    if symbol.is_negative:
        return sp.Interval.open(-sp.oo, 0)
    if symbol.is_nonpositive:
        return sp.Interval(-sp.oo, 0)
    return sp.Interval(-sp.oo, sp.oo)


def _show(interval: sp.Interval) -> str:
    return sp.sstr(interval)


def _integers_in(interval: sp.Interval, count: int) -> list[sp.Integer]:
    """Up to ``count`` integers of ``interval``, the ones near 0 and its ends first."""
    lo, hi = interval.start, interval.end
    first = sp.floor(lo) + 1 if lo.is_finite and (interval.left_open or not lo.is_integer) else lo
    last = sp.ceiling(hi) - 1 if hi.is_finite and (interval.right_open or not hi.is_integer) else hi
    candidates = [sp.Integer(v) for v in (2, -1, 3, 0, 1, -2, 4, 5, -3, 7, 6, -5, 9, -7, 11, 8)]
    if first.is_finite:
        candidates += [first + k for k in range(16)]
    if last.is_finite:
        candidates += [last - k for k in range(16)]
    out: list[sp.Integer] = []
    for v in candidates:
        if (first.is_infinite or v >= first) and (last.is_infinite or v <= last) and v not in out:
            out.append(v)
        if len(out) == count:
            break
    return out


def integer_inside(interval: sp.Interval, k: int, parity: int | None = None) -> sp.Integer:
    """The ``k``-th sample integer of ``interval`` (cycling through a few near 0 and the ends), odd or even as
    ``parity`` (1, 0) asks."""
    found = [v for v in _integers_in(interval, 24) if parity is None or v % 2 == parity][:8]
    return found[k % len(found)]


def parity_of(symbol: sp.Symbol) -> int | None:
    """1 for a symbol declared odd, 0 for one declared even, else ``None``."""
    return 1 if symbol.is_odd else 0 if symbol.is_even else None
