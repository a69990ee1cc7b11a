"""Parameter domains: where each symbol lives, and what that lets us prove.

A domain maps each free parameter to an open interval, and may add joint
constraints: a simplex (``p_1, ..., p_m > 0`` with ``p_1 + ... + p_m < 1``), an
ordering (``low < high``), or a symbol defined by others (``p_k = 1 - p_1 - ...``).
A domain holds facts only: where each parameter lives, how to cover that
set by positive symbols (``p = t/(1+t)`` on ``(0, 1)``, so that SymPy's own
assumptions see ``1 - p = 1/(1+t) > 0``; each map is a bijection onto the
interior of its set, hence every conclusion drawn on the cover is sound for
the original parameters there), its closed faces, and sample points.  What
the facts prove is the verifier's business (:mod:`derive.verify.signs`).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
import sympy as sp

from derive.core.terms import as_expr
from derive.errors import InvalidParameter

#: Sample values in (0, 1) used to build numeric test points; small denominators
#: keep counterexamples readable (``p = 1/3``).
_UNIT_SAMPLES = (Fraction(1, 3), Fraction(1, 5), Fraction(3, 4), Fraction(2, 7),
                 Fraction(5, 9), Fraction(7, 8), Fraction(1, 11), Fraction(3, 5))


@dataclass(frozen=True)
class Simplex:
    """``s_1, ..., s_m > 0`` and ``s_1 + ... + s_m < 1`` (the free part of a probability vector)."""

    symbols: tuple[sp.Symbol, ...]

    def cover(self, _: dict[sp.Symbol, sp.Expr]) -> dict[sp.Symbol, sp.Expr]:
        ts = [sp.Dummy(f"{s.name}_t", positive=True) for s in self.symbols]
        total = 1 + sp.Add(*ts)
        return {s: t / total for s, t in zip(self.symbols, ts)}

    def sample(self, k: int, _: dict[sp.Symbol, sp.Rational]) -> dict[sp.Symbol, sp.Rational]:
        # Distinct weights: the samples repeat every four j, so each block of four gets its own integer part
        # (equal probabilities at every point would hide a step that swaps them).
        weights = [_unit(k + 2 * j) + j // 4 for j in range(len(self.symbols) + 1)]
        total = sum(weights)
        return {s: w / total for s, w in zip(self.symbols, weights)}

    def conditions(self) -> tuple[sp.Basic, ...]:
        positive = tuple(sp.StrictGreaterThan(s, 0, evaluate=False) for s in self.symbols)
        return positive + (sp.StrictLessThan(sp.Add(*self.symbols, evaluate=False), 1, evaluate=False),)


@dataclass(frozen=True)
class Ordered:
    """``low < high``, both real: ``high = low + t`` with ``t > 0``."""

    low: sp.Symbol
    high: sp.Symbol

    @property
    def symbols(self) -> tuple[sp.Symbol, ...]:
        return (self.low, self.high)

    def cover(self, _: dict[sp.Symbol, sp.Expr]) -> dict[sp.Symbol, sp.Expr]:
        r = sp.Dummy(f"{self.low.name}_r", real=True)
        return {self.low: r, self.high: r + sp.Dummy(f"{self.high.name}_t", positive=True)}

    def sample(self, k: int, _: dict[sp.Symbol, sp.Rational]) -> dict[sp.Symbol, sp.Rational]:
        low = 4 * _unit(k) - 2
        return {self.low: low, self.high: low + 4 * _unit(k + 3)}

    def conditions(self) -> tuple[sp.Basic, ...]:
        return (sp.StrictLessThan(self.low, self.high, evaluate=False),)


@dataclass(frozen=True)
class Defined:
    """A parameter that is a function of the others (``p_k = 1 - p_1 - ... - p_{k-1}``)."""

    symbol: sp.Symbol
    value: sp.Expr

    @property
    def symbols(self) -> tuple[sp.Symbol, ...]:
        return (self.symbol,)

    def cover(self, before: dict[sp.Symbol, sp.Expr]) -> dict[sp.Symbol, sp.Expr]:
        return {self.symbol: self.value.xreplace(before)}

    def sample(self, k: int, before: dict[sp.Symbol, sp.Rational]) -> dict[sp.Symbol, sp.Rational]:
        return {self.symbol: self.value.xreplace(before)}

    def conditions(self) -> tuple[sp.Basic, ...]:
        return (sp.Eq(self.symbol, self.value, evaluate=False),)


@dataclass(frozen=True)
class Size:
    """A symbolic number of outcomes ``n >= 2`` (sampled as 2, 3, 4, ...).

    With one outcome a categorical distribution is the point mass ``p_1 = 1``:
    nothing varies, and its probabilities would not lie in ``(0, 1)`` as
    :class:`IndexedSimplex` states; so ``n`` counts at least two outcomes.
    """

    n: sp.Symbol

    @property
    def symbols(self) -> tuple[sp.Symbol, ...]:
        return (self.n,)

    def cover(self, _: dict[sp.Symbol, sp.Expr]) -> dict[sp.Symbol, sp.Expr]:
        return {}

    def sample(self, k: int, _: dict[sp.Symbol, sp.Rational]) -> dict[sp.Basic, sp.Rational]:
        return {self.n: sp.Integer((3, 2, 4, 5, 3, 2, 4, 6)[k % 8])}

    def conditions(self) -> tuple[sp.Basic, ...]:
        return (sp.GreaterThan(self.n, 2, evaluate=False),)


@dataclass(frozen=True)
class Count:
    """An integer ``n >= low`` that counts terms (``\\sum_{i=1}^{n}``: ``n >= 1``), sampled as small integers.

    Its cover is ``low + m`` for a nonnegative integer ``m``, so a proof holds for every count.
    """

    n: sp.Symbol
    low: int = 1

    @property
    def symbols(self) -> tuple[sp.Symbol, ...]:
        return (self.n,)

    def cover(self, _: dict[sp.Symbol, sp.Expr]) -> dict[sp.Symbol, sp.Expr]:
        return {self.n: self.low + sp.Dummy(f"{self.n.name}_m", integer=True, nonnegative=True)}

    def sample(self, k: int, _: dict[sp.Symbol, sp.Rational]) -> dict[sp.Basic, sp.Rational]:
        return {self.n: sp.Integer(self.low + (2, 1, 3, 4, 2, 0, 3, 5)[k % 8])}

    def conditions(self) -> tuple[sp.Basic, ...]:
        return (sp.GreaterThan(self.n, self.low, evaluate=False),)


@dataclass(frozen=True)
class Member:
    """An index ``j`` naming one of ``n`` outcomes: ``1 <= j <= n`` (sampled inside that range).

    A claim proved for ``j`` holds for every index.  A *hypothesis* about ``q_j``
    says nothing about the other entries, unless ``every`` is set: then the
    hypotheses of the derivation hold for every ``j`` ("at a minimum, every
    partial derivative vanishes"), and a solution for ``q_j`` gives every ``q_i``.
    """

    j: sp.Symbol
    n: sp.Symbol
    every: bool = False

    @property
    def symbols(self) -> tuple[sp.Symbol, ...]:
        return (self.j,)

    def cover(self, _: dict[sp.Symbol, sp.Expr]) -> dict[sp.Symbol, sp.Expr]:
        return {}

    def sample(self, k: int, before: dict[sp.Basic, sp.Rational]) -> dict[sp.Basic, sp.Rational]:
        return {self.j: sp.Integer(1 + k % int(before[self.n]))}

    def conditions(self) -> tuple[sp.Basic, ...]:
        if self.every:
            return (EveryIndex(self.j, self.n),)
        return (sp.And(sp.LessThan(1, self.j, evaluate=False), sp.LessThan(self.j, self.n, evaluate=False),
                       evaluate=False),)


class EveryIndex(sp.Basic):
    """The statement "for every j in 1, ..., n" (written ``\\forall j \\in \\{1, \\ldots, n\\}``): a domain's
    hypotheses about entry ``j`` hold for each entry (:class:`Member` with ``every``)."""

    def __new__(cls, j: sp.Symbol, n: sp.Symbol) -> "EveryIndex":
        return super().__new__(cls, j, n)

    @property
    def j(self) -> sp.Symbol:
        return self.args[0]

    @property
    def n(self) -> sp.Symbol:
        return self.args[1]


@dataclass(frozen=True)
class IndexedSimplex:
    """``p_i > 0`` for ``i = 1, ..., n`` and ``p_1 + ... + p_n = 1``, for a symbolic ``n >= 2`` (:class:`Size`).

    Proofs use ``0 < p_i < 1`` (true because ``n >= 2``) and replace ``sum_i p_i`` by 1 (:meth:`total`);
    sample points honour the sum, so counterexamples are genuine.
    """

    base: sp.IndexedBase
    n: sp.Symbol

    @property
    def symbols(self) -> tuple[sp.Symbol, ...]:
        return ()

    def cover(self, _: dict[sp.Symbol, sp.Expr]) -> dict[sp.Symbol, sp.Expr]:
        return {}

    def total(self, expr: sp.Basic) -> sp.Basic:
        """``expr`` with each ``sum_{i=1}^n p_i`` (constant factors taken out of sums first) replaced by 1."""
        if not expr.has(sp.Sum):
            return expr
        expr = expr.replace(lambda e: isinstance(e, sp.Sum), lambda e: sp.factor_terms(e))
        return expr.replace(lambda e: isinstance(e, sp.Sum) and len(e.limits) == 1 and e.limits[0][1:] == (1, self.n)
                            and e.function == self.base[e.limits[0][0]], lambda e: sp.Integer(1))

    def cover_entry(self, index: sp.Basic) -> sp.Expr:
        t = sp.IndexedBase(_cover_base(self.base), positive=True)[index]
        return t / (1 + t)

    def sample(self, k: int, before: dict[sp.Basic, sp.Rational]) -> dict[sp.Basic, sp.Rational]:
        weights = [_unit(k + j) for j in range(int(before[self.n]))]
        total = sum(weights)
        return {self.base[j + 1]: w / total for j, w in enumerate(weights)}

    def conditions(self) -> tuple[sp.Basic, ...]:
        i = sp.Symbol("i", integer=True, positive=True)
        return (sp.StrictGreaterThan(self.base[i], 0, evaluate=False),
                sp.Eq(sp.Sum(self.base[i], (i, 1, self.n)), 1, evaluate=False))


Constraint = Simplex | Ordered | Defined | Size | Count | Member | IndexedSimplex


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
        cover = {symbol: _cover(symbol, interval) for symbol, interval in self.intervals}
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
                point[symbol] = (_integer_inside(interval, k + 3 * j, _parity(symbol)) if symbol.is_integer
                                 else _inside(interval, _unit(k + 3 * j)))
            for j, c in enumerate(self.constraints):
                point.update(c.sample(k + 5 * j, point))
            points.append(point)
        return points


def _cover_base(base: sp.IndexedBase) -> sp.Dummy:
    """The label of the positive entries that cover ``base``'s probabilities: one per base, so entries cancel."""
    found = _COVER_BASES.get(base)
    if found is None:
        found = _COVER_BASES[base] = sp.Dummy(f"{base.label}_t")
    return found


_COVER_BASES: dict[sp.IndexedBase, sp.Dummy] = {}


def _unit(k: int) -> sp.Rational:
    u = _UNIT_SAMPLES[k % len(_UNIT_SAMPLES)]
    return sp.Rational(u.numerator, u.denominator)


def _cover(symbol: sp.Symbol, interval: sp.Interval) -> sp.Expr:
    lo, hi = interval.start, interval.end
    if lo.is_infinite and hi.is_infinite:
        return sp.Dummy(f"{symbol.name}_r", real=True)
    t = sp.Dummy(f"{symbol.name}_t", positive=True)
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
    if symbol.is_integer and not [v for v in _integers_in(out, 24) if _parity(symbol) in (None, v % 2)]:
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


_REALS = sp.Interval(-sp.oo, sp.oo)


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


def _integer_inside(interval: sp.Interval, k: int, parity: int | None = None) -> sp.Integer:
    """The ``k``-th sample integer of ``interval`` (cycling through a few near 0 and the ends), odd or even as
    ``parity`` (1, 0) asks."""
    found = [v for v in _integers_in(interval, 24) if parity is None or v % 2 == parity][:8]
    return found[k % len(found)]


def _parity(symbol: sp.Symbol) -> int | None:
    return 1 if symbol.is_odd else 0 if symbol.is_even else None
