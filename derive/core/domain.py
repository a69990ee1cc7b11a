"""Parameter domains: where each symbol lives, and what that lets us prove.

A domain maps each free parameter to an interval (:mod:`derive.core.intervals`),
and may add joint constraints (:mod:`derive.core.constraints`): a simplex
(``p_1, ..., p_m > 0`` with ``p_1 + ... + p_m < 1``), an ordering (``low <
high``), or a symbol defined by others (``p_k = 1 - p_1 - ...``).  A domain
holds facts only: where each parameter lives, how to cover that set by
positive symbols (``p = t/(1+t)`` on ``(0, 1)``, so that SymPy's own
assumptions see ``1 - p = 1/(1+t) > 0``; each map is a bijection onto the
interior of its set, hence every conclusion drawn on the cover is sound for
the original parameters there), its closed faces, and sample points.  What
the facts prove is the verifier's business (:mod:`derive.verify.signs`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import sympy as sp

from derive.core.constraints import Constraint, IndexedSimplex
from derive.core.intervals import admit, integer_inside, interval_cover, parity_of, point_inside, unit_sample
from derive.core.terms import as_expr
from derive.errors import InvalidParameter

__all__ = ["Domain"]


@dataclass(frozen=True)
class Domain:
    """Intervals for free parameters, ``((p, Interval.open(0, 1)), ...)``, and joint constraints.

    An interval may be open, closed or half-open: ``Interval(0, 1)`` says
    ``0 <= p <= 1``, and a claim on it must hold at ``p = 0`` and ``p = 1`` too
    (the verifier checks each closed end as a face of the domain, :meth:`faces`).
    Each interval is intersected with what the symbol's own SymPy assumptions
    say (a ``positive`` symbol lives in ``(0, oo)``); an empty result, or an
    integer symbol with no integer in its interval, is an
    :class:`~derive.errors.InvalidParameter` error, never a domain on which
    everything is vacuously true.
    """

    intervals: tuple[tuple[sp.Symbol, sp.Interval], ...] = ()
    constraints: tuple[Constraint, ...] = ()

    def __post_init__(self) -> None:
        admitted, seen = [], set()
        for symbol, interval in self.intervals:
            if symbol in seen:
                raise InvalidParameter(f"parameter {symbol} is given two intervals")
            seen.add(symbol)
            admitted.append((symbol, admit(symbol, interval)))
        object.__setattr__(self, "intervals", tuple(admitted))

    @classmethod
    def of(cls, **intervals: sp.Interval) -> "Domain":
        """Shorthand used in tests: ``Domain.of(p=Interval.open(0, 1))``."""
        return cls(tuple((sp.Symbol(k), v) for k, v in intervals.items()))

    def merge(self, *others: "Domain") -> "Domain":
        """The product of domains; a symbol constrained twice in different ways is an error."""
        seen = dict(self.intervals)
        constraints = list(self.constraints)
        for other in others:
            for symbol, interval in other.intervals:
                if symbol in seen and seen[symbol] != interval:
                    raise InvalidParameter(f"parameter {symbol} has two domains: {seen[symbol]} and {interval}")
                seen[symbol] = interval
            constraints.extend(c for c in other.constraints if c not in constraints)
        taken = set(seen)
        for c in constraints:
            clash = taken & set(c.symbols)
            if clash:
                raise InvalidParameter(f"parameter {sorted(clash, key=str)[0]} is constrained twice")
            taken |= set(c.symbols)
        return Domain(tuple(seen.items()), tuple(constraints))

    @property
    def symbols(self) -> tuple[sp.Symbol, ...]:
        return self._symbols

    @cached_property
    def _symbols(self) -> tuple[sp.Symbol, ...]:
        return tuple(s for s, _ in self.intervals) + tuple(s for c in self.constraints for s in c.symbols)

    def __hash__(self) -> int:
        return self._hash

    @cached_property
    def _hash(self) -> int:
        """Computed once: domains key the verifier's tables, and hashing their intervals anew each time is slow."""
        return hash((self.intervals, self.constraints))

    @cached_property
    def symbol_set(self) -> frozenset[sp.Symbol]:
        return frozenset(self._symbols)

    def conditions(self) -> tuple[sp.Basic, ...]:
        """The domain as relations, for display (``0 < p < 1``)."""
        box = tuple(interval.as_relational(symbol) for symbol, interval in self.intervals)
        return box + tuple(r for c in self.constraints for r in c.conditions())

    @cached_property
    def interior(self) -> "Domain":
        """The same domain with every interval opened (what the covers of :attr:`reparametrization` reach)."""
        if all(i.left_open and i.right_open for _, i in self.intervals):
            return self
        opened = tuple((s, sp.Interval.open(i.start, i.end)) for s, i in self.intervals)
        return Domain(opened, self.constraints)

    def faces(self) -> tuple[tuple[sp.Symbol, sp.Basic, "Domain"], ...]:
        """Each closed end of an interval: ``(symbol, endpoint, the rest of the domain)``.

        A claim holds on the domain when it holds on the interior and, for every
        face, with ``symbol = endpoint`` on the rest (which may have faces of its
        own: the corners).
        """
        out = []
        for k, (symbol, interval) in enumerate(self.intervals):
            rest = Domain(self.intervals[:k] + self.intervals[k + 1:], self.constraints)
            for end, is_open in ((interval.start, interval.left_open), (interval.end, interval.right_open)):
                if not is_open and end.is_finite:
                    out.append((symbol, end, rest))
        return tuple(dict.fromkeys(out))

    @cached_property
    def reparametrization(self) -> dict[sp.Symbol, sp.Expr]:
        """Each parameter written through positive (or real) symbols that cover the interior of its set exactly.

        The cover symbols are :class:`sympy.Dummy` symbols, so no symbol of an
        expression can be confused with them.
        """
        cover = {symbol: interval_cover(symbol, interval) for symbol, interval in self.intervals}
        for c in self.constraints:
            cover.update(c.cover(cover))
        return cover

    def reparametrize(self, expr: sp.Basic) -> sp.Basic:
        """``expr`` with every parameter (and indexed probability) written through its cover."""
        expr = as_expr(expr).xreplace(self.reparametrization)
        for c in self.constraints:
            if isinstance(c, IndexedSimplex) and expr.has(c.base):
                expr = c.total(expr)
                expr = expr.replace(lambda e, c=c: isinstance(e, sp.Indexed) and e.base == c.base,
                                    lambda e, c=c: c.cover_entry(e.indices[0]))
        return expr

    def sample_points(self, count: int) -> list[dict[sp.Symbol, sp.Rational]]:
        """``count`` rational points inside the domain, deterministic, varied per parameter.

        Memoised per domain: callers must not modify the dictionaries.
        """
        if count not in self._points:
            self._points[count] = self._sample(count)
        return self._points[count]

    @cached_property
    def _points(self) -> dict[int, list[dict[sp.Symbol, sp.Rational]]]:
        return {}

    def _sample(self, count: int) -> list[dict[sp.Symbol, sp.Rational]]:
        points = []
        for k in range(count):
            point = {}
            for j, (symbol, interval) in enumerate(self.intervals):
                point[symbol] = (integer_inside(interval, k + 3 * j, parity_of(symbol)) if symbol.is_integer
                                 else point_inside(interval, unit_sample(k + 3 * j)))
            for j, c in enumerate(self.constraints):
                point.update(c.sample(k + 5 * j, point))
            points.append(point)
        return points
