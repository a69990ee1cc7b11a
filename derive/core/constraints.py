"""Joint constraints on a domain's parameters, and the symbolic sizes and indices of its distributions.

Each constraint names the symbols it fixes (``symbols``), covers them by
positive (or real) symbols given the cover of the parameters before it
(``cover``), samples them given the values before it (``sample``), and states
itself as relations for display (``conditions``): a simplex (``p_1, ..., p_m >
0`` with ``p_1 + ... + p_m < 1``), an ordering (``low < high``), a symbol
defined by others (``p_k = 1 - p_1 - ...``), a symbolic number of outcomes, a
count, an index among ``n`` outcomes, and the entries of a symbolic simplex.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from derive.core.intervals import unit_sample

__all__ = ["Constraint", "Count", "Defined", "EveryIndex", "IndexedSimplex", "Member", "Ordered", "Simplex", "Size"]


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
        weights = [unit_sample(k + 2 * j) + j // 4 for j in range(len(self.symbols) + 1)]
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
        low = 4 * unit_sample(k) - 2
        return {self.low: low, self.high: low + 4 * unit_sample(k + 3)}

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
        weights = [unit_sample(k + j) for j in range(int(before[self.n]))]
        total = sum(weights)
        return {self.base[j + 1]: w / total for j, w in enumerate(weights)}

    def conditions(self) -> tuple[sp.Basic, ...]:
        i = sp.Symbol("i", integer=True, positive=True)
        return (sp.StrictGreaterThan(self.base[i], 0, evaluate=False),
                sp.Eq(sp.Sum(self.base[i], (i, 1, self.n)), 1, evaluate=False))


Constraint = Simplex | Ordered | Defined | Size | Count | Member | IndexedSimplex


def _cover_base(base: sp.IndexedBase) -> sp.Dummy:
    """The label of the positive entries that cover ``base``'s probabilities: one per base, so entries cancel."""
    found = _COVER_BASES.get(base)
    if found is None:
        found = _COVER_BASES[base] = sp.Dummy(f"{base.label}_t")
    return found


_COVER_BASES: dict[sp.IndexedBase, sp.Dummy] = {}
