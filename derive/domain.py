"""Parameter domains: where each symbol lives, and what that lets us prove.

A domain maps each free parameter to an open interval.  Positivity is proved by
re-parametrising every parameter through a positive symbol (``p = t/(1+t)`` on
``(0, 1)``), so that SymPy's own assumptions see ``1 - p = 1/(1+t) > 0``.  The map
is a bijection onto the interval, hence every conclusion is sound for the
original parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property

import sympy as sp

from derive.errors import InvalidParameter
from derive.terms import as_expr

#: Sample values in (0, 1) used to build numeric test points; small denominators
#: keep counterexamples readable (``p = 1/3``).
_UNIT_SAMPLES = (Fraction(1, 3), Fraction(1, 5), Fraction(3, 4), Fraction(2, 7),
                 Fraction(5, 9), Fraction(7, 8), Fraction(1, 11), Fraction(3, 5))


@dataclass(frozen=True)
class Domain:
    """Open intervals for free parameters: ``((p, Interval.open(0, 1)), ...)``."""

    intervals: tuple[tuple[sp.Symbol, sp.Interval], ...] = ()

    def __post_init__(self) -> None:
        for symbol, interval in self.intervals:
            if not isinstance(interval, sp.Interval) or interval.left_open is False or interval.right_open is False:
                raise InvalidParameter(f"domain of {symbol} must be an open interval, got {interval}")

    @classmethod
    def of(cls, **intervals: sp.Interval) -> "Domain":
        """Shorthand used in tests: ``Domain.of(p=Interval.open(0, 1))``."""
        return cls(tuple((sp.Symbol(k), v) for k, v in intervals.items()))

    def merge(self, *others: "Domain") -> "Domain":
        """The product of domains; a symbol given two different intervals is an error."""
        seen = dict(self.intervals)
        for other in others:
            for symbol, interval in other.intervals:
                if symbol in seen and seen[symbol] != interval:
                    raise InvalidParameter(f"parameter {symbol} has two domains: {seen[symbol]} and {interval}")
                seen[symbol] = interval
        return Domain(tuple(seen.items()))

    @property
    def symbols(self) -> tuple[sp.Symbol, ...]:
        return tuple(s for s, _ in self.intervals)

    def conditions(self) -> tuple[sp.Basic, ...]:
        """The domain as relations, for display (``0 < p < 1``)."""
        return tuple(interval.as_relational(symbol) for symbol, interval in self.intervals)

    @cached_property
    def reparametrization(self) -> dict[sp.Symbol, sp.Expr]:
        """Each parameter written through a positive (or real) symbol that covers its interval."""
        return {symbol: _cover(symbol, interval) for symbol, interval in self.intervals}

    def is_positive(self, expr: sp.Expr) -> bool:
        """True only when ``expr > 0`` is proved everywhere on the domain."""
        return _decide(as_expr(expr).xreplace(self.reparametrization), "is_positive")

    def is_nonnegative(self, expr: sp.Expr) -> bool:
        """True only when ``expr >= 0`` is proved everywhere on the domain."""
        return _decide(as_expr(expr).xreplace(self.reparametrization), "is_nonnegative")

    def sample_points(self, count: int) -> list[dict[sp.Symbol, sp.Rational]]:
        """``count`` rational points inside the domain, deterministic, varied per parameter."""
        points = []
        for k in range(count):
            point = {}
            for j, (symbol, interval) in enumerate(self.intervals):
                u = _UNIT_SAMPLES[(k + 3 * j) % len(_UNIT_SAMPLES)]
                point[symbol] = _inside(interval, sp.Rational(u.numerator, u.denominator))
            points.append(point)
        return points


def _cover(symbol: sp.Symbol, interval: sp.Interval) -> sp.Expr:
    lo, hi = interval.start, interval.end
    if lo.is_infinite and hi.is_infinite:
        return sp.Symbol(f"{symbol.name}__r", real=True)
    t = sp.Symbol(f"{symbol.name}__t", positive=True)
    if hi.is_infinite:
        return lo + t
    if lo.is_infinite:
        return hi - t
    return lo + (hi - lo) * t / (1 + t)


def _inside(interval: sp.Interval, u: sp.Rational) -> sp.Rational:
    """Map ``u`` in (0, 1) into ``interval``."""
    lo, hi = interval.start, interval.end
    if lo.is_infinite and hi.is_infinite:
        return 4 * u - 2
    if hi.is_infinite:
        return lo + 4 * u
    if lo.is_infinite:
        return hi - 4 * u
    return lo + (hi - lo) * u


def _decide(expr: sp.Expr, predicate: str) -> bool:
    for form in (expr, sp.together(expr), sp.factor(expr)):
        if getattr(form, predicate) is True:
            return True
    return False
