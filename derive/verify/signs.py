"""Signs on a domain: interval bounds of expressions, and positivity proved on the closure of the domain.

``bound(expr, domain)`` returns an interval that contains every value of
``expr`` on the domain, or ``None`` when it cannot tell.  It knows each
parameter's interval (open or closed ends), that a probability in a simplex
lies in (0, 1), and that ``1 - p_1 - ... - p_j`` is positive when the ``p``'s
belong to one simplex.

Soundness.  Every :class:`Bound` it returns is a *real* interval: a bound is
only built from parts that are themselves bounded (domain symbols, real
numbers), and each operation keeps values real (``exp`` of a bounded
argument, ``log`` of a positive one, a power with a positive base and a
bounded exponent).  So an expression that may be non-real on the domain
(``exp(I t)``, ``log(x)`` with ``x`` of unknown sign, ``sqrt(-p)``) never gets
a bound, and is never called positive.  Interval arithmetic over-approximates:
``lo``/``hi`` may be loose, never wrong.

:func:`is_positive` and :func:`is_nonnegative` try the bounds first, then
SymPy's own sign assumptions on the re-parametrised interior (every
parameter written through a positive symbol that covers its interval), then
the same question on each closed face of the domain (``p = 0`` on ``[0, 1]``).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import sympy as sp

from derive.core.constraints import Count, Defined, IndexedSimplex, Simplex, Size
from derive.core.domain import Domain
from derive.core.terms import as_expr

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
        return self.lo.is_positive is True or (self.lo.is_zero is True and self.lo_open)

    @property
    def nonnegative(self) -> bool:
        return self.lo.is_nonnegative is True


UNIT = Bound(sp.Integer(0), sp.Integer(1))
#: The bound a symbol's own sign assumptions give it: (positive, nonnegative, negative, nonpositive) -> bound.
_OWN = {(True, True, False, False): Bound(sp.Integer(0), oo), (False, True, False, True): Bound(sp.Integer(0), oo, False),
        (None, True, False, None): Bound(sp.Integer(0), oo, False), (False, False, True, True): Bound(-oo, sp.Integer(0)),
        (False, None, None, True): Bound(-oo, sp.Integer(0), True, False)}


def is_positive(expr: sp.Basic, domain: Domain) -> bool:
    """True only when ``expr > 0`` is proved everywhere on ``domain``, closed ends included."""
    expr = as_expr(expr)
    b = bound(expr, domain)
    return (b is not None and b.positive) or _on_closure(expr, domain, "is_positive")


def is_nonnegative(expr: sp.Basic, domain: Domain) -> bool:
    """True only when ``expr >= 0`` is proved everywhere on ``domain``, closed ends included."""
    expr = as_expr(expr)
    b = bound(expr, domain)
    return (b is not None and b.nonnegative) or _on_closure(expr, domain, "is_nonnegative")


def is_real(expr: sp.Basic, domain: Domain) -> bool:
    """True only when ``expr`` is proved real everywhere on ``domain``."""
    expr = as_expr(expr)
    return bound(expr, domain) is not None or _on_closure(expr, domain, "is_extended_real") and not _has_infinity(expr)


def bound(expr: sp.Basic, domain: Domain) -> Bound | None:
    """An interval holding every value of ``expr`` on ``domain``, or ``None``."""
    return bounder(domain).of(expr)


def bounder(domain: Domain) -> "Bounder":
    """The interval bounds of ``domain`` (built once per domain object, dropped with it)."""
    entry = _BOUNDERS.get(id(domain))
    if entry is not None and entry[0]() is domain:
        return entry[1]
    found = Bounder(domain)
    _BOUNDERS[id(domain)] = (weakref.ref(domain), found)
    weakref.finalize(domain, _BOUNDERS.pop, id(domain), None)
    return found


def _on_closure(expr: sp.Basic, domain: Domain, predicate: str) -> bool:
    """SymPy's ``predicate`` decided on the re-parametrised interior, then on each closed face."""
    if not _decide(domain.reparametrize(expr), predicate):
        return False
    return all(_on_closure(expr.xreplace({symbol: end}), rest, predicate) for symbol, end, rest in domain.faces())


def _decide(expr: sp.Basic, predicate: str) -> bool:
    for form in (expr, sp.together(expr), sp.factor(expr)):
        if getattr(form, predicate) is True:
            return True
    return False


def _has_infinity(expr: sp.Basic) -> bool:
    return expr.has(sp.oo, -sp.oo, sp.zoo, sp.nan)


#: Bounders by the identity of their domain (a lookup by equality would compare intervals, which is slow).
_BOUNDERS: dict[int, tuple[weakref.ref, "Bounder"]] = {}


class Bounder:
    """Interval arithmetic over one domain's symbols (see the module docstring for why it is sound)."""

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
                self.symbols[c.n] = Bound(sp.Integer(2), oo, False, True)
            elif isinstance(c, Count):
                self.symbols[c.n] = Bound(sp.Integer(c.low), oo, False, True)

    def of(self, e: sp.Basic) -> Bound | None:
        """A real interval holding every value of ``e``, or ``None`` (``e`` may then be non-real)."""
        if isinstance(e, sp.Number):
            return Bound(e, e, False, False) if e.is_finite and e.is_real else None
        if isinstance(e, sp.NumberSymbol):  # pi, E, EulerGamma: real constants
            return Bound(e, e, False, False)
        if e in self.symbols:
            return self.symbols[e]
        if isinstance(e, sp.Symbol) and e.is_extended_real:  # a symbol the domain does not place: its own sign
            own = _OWN.get((e.is_positive, e.is_nonnegative, e.is_negative, e.is_nonpositive))
            if own is not None:
                return own
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
            inner = self.of(e.args[0])  # exp of a real argument only: exp(I t) is not positive
            if inner is None:
                return None
            return Bound(sp.exp(inner.lo) if inner.lo != -oo else sp.Integer(0),
                         sp.exp(inner.hi) if inner.hi != oo else oo, inner.lo_open, inner.hi_open)
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
            elif b.hi.is_negative is True or (b.hi.is_zero is True and b.hi_open):
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
            real_exponent = e.exp.is_Rational or self.of(e.exp) is not None
            return Bound(sp.Integer(0), oo) if base is not None and base.positive and real_exponent else None
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
