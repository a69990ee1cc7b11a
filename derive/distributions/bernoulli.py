"""The coin: P(H) = p, P(T) = 1 - p."""

from __future__ import annotations

import sympy as sp
from sympy.core.symbol import Str

from derive.core.domain import Domain
from derive.core.terms import add, neg
from derive.distributions.base import Distribution, as_parameter, check_name, check_outcomes

UNIT = sp.Interval.open(0, 1)


class Bernoulli(Distribution):
    """A coin with probability ``p`` of its first outcome.

    >>> p = sp.Symbol("p"); P = Bernoulli(p); P.pmf(P.outcomes[1])
    1 - p
    """

    description = "a coin (Bernoulli distribution)"
    family = "bernoulli"

    def __new__(cls, p: object, name: str = "P", outcomes: tuple[str, str] = ("H", "T")) -> "Bernoulli":
        return super().__new__(cls, as_parameter(p, "Bernoulli parameter", UNIT), check_name(name),
                               sp.Tuple(*check_outcomes(outcomes, 2)))

    @property
    def p(self) -> sp.Expr:
        return self.args[0]

    @property
    def params(self) -> tuple[sp.Expr, ...]:
        return (self.p,)

    @property
    def outcomes(self) -> tuple[Str, ...]:
        return tuple(self.args[2])

    @property
    def domain(self) -> Domain:
        return Domain(((self.p, UNIT),)) if isinstance(self.p, sp.Symbol) else Domain()

    def pmf(self, outcome: Str) -> sp.Expr:
        first, second = self.outcomes
        if outcome == first:
            return self.p
        if outcome == second:
            return add(sp.Integer(1), neg(self.p)) if isinstance(self.p, sp.Symbol) else 1 - self.p
        raise KeyError(outcome)
