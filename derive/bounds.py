"""Interval bounds of expressions on a domain: a fast, sound way to prove positivity.

``bound(expr, domain)`` returns an interval that contains every value of
``expr`` on the domain, or ``None`` when it cannot tell.  It knows each
parameter's interval, that a probability in a simplex lies in (0, 1), and that
``1 - p_1 - ... - p_j`` is positive when the ``p``'s belong to one simplex.
Used before (and instead of) SymPy's slower rational simplification.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from derive.domain import Defined, Domain, IndexedSimplex, Simplex, Size

oo = sp.oo


@dataclass(frozen=True)
class Bound:
    """``lo <(=) value <(=) hi``; ``lo_open`` means ``lo < value``."""

    lo: sp.Basic
    hi: sp.Basic
    lo_open: bool = True
    hi_open: bool = True

    @property
    def positive(self) -> bool:
        return bool(self.lo > 0) or (self.lo == 0 and self.lo_open)

    @property
    def nonnegative(self) -> bool:
        return bool(self.lo >= 0)


UNIT = Bound(sp.Integer(0), sp.Integer(1))


def is_positive(expr: sp.Basic, domain: Domain) -> bool:
    b = bound(expr, domain)
    return b is not None and b.positive


def is_nonnegative(expr: sp.Basic, domain: Domain) -> bool:
    b = bound(expr, domain)
    return b is not None and b.nonnegative


def bound(expr: sp.Basic, domain: Domain) -> Bound | None:
    """An interval holding every value of ``expr`` on ``domain``, or ``None``."""
    return domain.bounder.of(expr)


class Bounder:
    def __init__(self, domain: Domain) -> None:
        self.symbols: dict[sp.Basic, Bound] = {
            s: Bound(i.start, i.end, bool(i.left_open), bool(i.right_open)) for s, i in domain.intervals}
        self.simplex: dict[sp.Symbol, int] = {}
        self.defined: dict[sp.Symbol, sp.Basic] = {}
        self.indexed: set[sp.IndexedBase] = set()
        for k, c in enumerate(domain.constraints):
            if isinstance(c, Simplex):
                for s in c.symbols:
                    self.symbols[s] = UNIT
                    self.simplex[s] = k
            elif isinstance(c, Defined):
                self.defined[c.symbol] = c.value
            elif isinstance(c, IndexedSimplex):
                self.indexed.add(c.base)
            elif isinstance(c, Size):
                self.symbols[c.n] = Bound(sp.Integer(1), oo, False, True)

    def of(self, e: sp.Basic) -> Bound | None:
        if isinstance(e, sp.Number):
            return Bound(e, e, False, False) if e.is_finite else None
        if e in self.symbols:
            return self.symbols[e]
        if e in self.defined:
            return self.of(self.defined[e])
        if isinstance(e, sp.Indexed) and e.base in self.indexed:
            return UNIT
        if isinstance(e, sp.Add):
            return self._add(e)
        if isinstance(e, sp.Mul):
            return self._mul([self.of(a) for a in e.args])
        if isinstance(e, sp.Pow):
            return self._pow(e)
        if isinstance(e, sp.exp):
            return Bound(sp.Integer(0), oo)
        if isinstance(e, sp.log):
            inner = self.of(e.args[0])
            if inner is not None and inner.positive:
                lo = sp.log(inner.lo) if inner.lo != 0 else -oo
                return Bound(lo, sp.log(inner.hi) if inner.hi != oo else oo, inner.lo_open, inner.hi_open)
        return None

    def _add(self, e: sp.Add) -> Bound | None:
        terms = list(e.args)
        parts: list[Bound] = []
        rest = self._simplex_remainders(terms, parts)
        for t in rest:
            b = self.of(t)
            if b is None:
                return None
            parts.append(b)
        lo = sp.Add(*(b.lo for b in parts))
        hi = sp.Add(*(b.hi for b in parts))
        if lo is sp.nan or hi is sp.nan:
            return None
        return Bound(lo, hi, any(b.lo_open for b in parts), any(b.hi_open for b in parts))

    def _simplex_remainders(self, terms: list[sp.Basic], parts: list[Bound]) -> list[sp.Basic]:
        """Pull out ``1 - s_1 - ... - s_j`` (the s's from one simplex): it lies in (0, 1)."""
        one = next((t for t in terms if t == 1), None)
        negated = [t for t in terms if isinstance(t, sp.Mul) and len(t.args) == 2 and t.args[0] == -1
                   and t.args[1] in self.simplex]
        groups = {self.simplex[t.args[1]] for t in negated}
        if one is None or len(groups) != 1:
            return terms
        parts.append(UNIT)
        taken = {id(one)} | {id(t) for t in negated}
        return [t for t in terms if id(t) not in taken]

    @staticmethod
    def _mul(bounds: list[Bound | None]) -> Bound | None:
        """Products of factors of known strict sign (magnitudes multiply), or of non-negative factors."""
        if any(b is None for b in bounds):
            return None
        if all(b.nonnegative for b in bounds) and not all(b.positive for b in bounds):
            return Bound(sp.Integer(0), sp.Mul(*(b.hi for b in bounds)), False, False)
        sign, magnitudes = 1, []
        for b in bounds:
            if b.positive:
                magnitudes.append(b)
            elif bool(b.hi < 0) or (b.hi == 0 and b.hi_open):
                sign = -sign
                magnitudes.append(Bound(-b.hi, -b.lo, b.hi_open, b.lo_open))
            else:
                return None
        lo, hi = sp.Mul(*(m.lo for m in magnitudes)), sp.Mul(*(m.hi for m in magnitudes))
        if lo is sp.nan or hi is sp.nan:
            return None
        out = Bound(lo, hi, any(m.lo_open for m in magnitudes), any(m.hi_open for m in magnitudes))
        return out if sign > 0 else Bound(-out.hi, -out.lo, out.hi_open, out.lo_open)

    def _pow(self, e: sp.Pow) -> Bound | None:
        base = self.of(e.base)
        if base is None or not e.exp.is_Integer:
            return Bound(sp.Integer(0), oo) if base is not None and base.positive and e.exp.is_real else None
        n = int(e.exp)
        if base.positive:
            if n >= 0:
                return Bound(base.lo ** n, base.hi ** n, base.lo_open, base.hi_open)
            lo = base.hi ** n if base.hi != oo else sp.Integer(0)
            hi = base.lo ** n if base.lo != 0 else oo
            return Bound(lo, hi, True, True)
        if n % 2 == 0 and n > 0:
            return Bound(sp.Integer(0), oo, False, True)
        return None
