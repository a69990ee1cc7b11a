"""A categorical distribution with a symbolic number of outcomes: ``P(i) = p_i`` for ``i = 1, ..., n``."""

from __future__ import annotations

import sympy as sp
from sympy.core.symbol import Str

from derive.core.constraints import IndexedSimplex, Size
from derive.core.domain import Domain
from derive.distributions.base import Distribution, check_name
from derive.errors import InvalidParameter


class SymbolicCategorical(Distribution):
    """``n`` outcomes, probabilities ``p_i`` (an ``IndexedBase`` named after the distribution, lower case).

    Its measures are ``Sum``s over ``i = 1, ..., n`` that derive never expands,
    so every identity is proved for all ``n`` at once.
    """

    description = "a categorical distribution on n outcomes"
    family = "categorical-n"

    def __new__(cls, n: object, name: str = "P", probs: str | sp.IndexedBase | None = None) -> "SymbolicCategorical":
        if not isinstance(n, sp.Symbol):
            raise InvalidParameter(f"n must be a SymPy symbol (use an explicit Categorical for a number), got {n!r}")
        if n.is_integer is False or n.is_positive is False:
            raise InvalidParameter(f"n = {n} is declared with assumptions that make it no positive integer")
        name = check_name(name)
        if isinstance(probs, (sp.IndexedBase, sp.Symbol)):
            probs = str(probs.label) if isinstance(probs, sp.IndexedBase) else probs.name
        label = check_name(probs if probs is not None else name.name.lower())
        return super().__new__(cls, sp.Symbol(n.name, integer=True, positive=True), name, sp.IndexedBase(label.name))

    @classmethod
    def from_parameters(cls, params, name: str, outcomes) -> "SymbolicCategorical":
        n, base = params
        return cls(n, name=name, probs=base)

    @property
    def n(self) -> sp.Symbol:
        return self.args[0]

    @property
    def base(self) -> sp.IndexedBase:
        return self.args[2]

    @property
    def params(self) -> tuple[sp.Basic, ...]:
        return (self.n, self.base)

    @property
    def outcomes(self) -> tuple[Str, ...]:
        return ()

    @property
    def variable(self) -> sp.Symbol:
        return sp.Symbol("i", integer=True, positive=True)

    @property
    def domain(self) -> Domain:
        return Domain(constraints=(Size(self.n), IndexedSimplex(self.base, self.n)))

    def same_outcomes(self, other: Distribution) -> bool:
        return isinstance(other, SymbolicCategorical) and other.n == self.n

    def pmf(self, outcome: sp.Basic) -> sp.Expr:
        if isinstance(outcome, Str):
            raise KeyError(outcome)
        return self.base[outcome]

    def sum_over(self, body: sp.Expr, var: sp.Symbol) -> sp.Expr:
        return sp.Sum(body, (var, 1, self.n))

    @property
    def free_symbols(self) -> set[sp.Basic]:
        return {self.n}
