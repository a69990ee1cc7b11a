"""Categorical distributions over k named outcomes (a symbolic number of outcomes lives apart)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

import sympy as sp
from sympy.core.symbol import Str

from derive.core.constraints import Defined, Simplex
from derive.core.domain import Domain
from derive.core.terms import add, neg
from derive.distributions.base import Distribution, as_parameter, check_name, check_outcomes
from derive.errors import InvalidParameter

UNIT = sp.Interval.open(0, 1)
MAX_OUTCOMES = 10_000  # each outcome costs about a millisecond to check, KL of two such takes ~15 s


class Categorical(Distribution):
    """``P(x_j) = p_j`` for outcomes ``x_1, ..., x_k`` (named ``1, ..., k`` unless given).

    The probabilities are all numbers (non-negative, summing to 1), all symbols
    (the last is then fixed by the others: ``p_k = 1 - p_1 - ... - p_{k-1}``), or
    ``k - 1`` symbols followed by ``1`` minus their sum.  ``Categorical(n=n)``
    with a symbol ``n`` gives a categorical with a symbolic number of outcomes.
    """

    description = "a categorical distribution"
    family = "categorical"

    def __new__(cls, probs: Sequence[object] | None = None, name: str = "P",
                outcomes: Sequence[str] | None = None, n: object = None) -> Distribution:
        if n is not None:
            if probs is not None:
                raise InvalidParameter("give either the probabilities or n, not both")
            from derive.distributions.indexed import SymbolicCategorical
            return SymbolicCategorical(n, name=name)
        if isinstance(probs, sp.Tuple):
            probs = tuple(probs)
        if isinstance(probs, (str, bytes)) or not isinstance(probs, Sequence) or len(probs) < 2:
            raise InvalidParameter(f"Categorical needs a list of at least two probabilities, got {probs!r}")
        if len(probs) > MAX_OUTCOMES:
            raise InvalidParameter(f"Categorical with {len(probs)} explicit outcomes is more than the limit of "
                                   f"{MAX_OUTCOMES}; use Categorical(n=...) for a symbolic number of outcomes")
        values = _probabilities(probs)
        labels = check_outcomes(list(outcomes) if outcomes is not None else [str(j) for j in range(1, len(values) + 1)],
                                len(values))
        return super().__new__(cls, sp.Tuple(*values), check_name(name), sp.Tuple(*labels))

    @classmethod
    def from_parameters(cls, params: Sequence[sp.Basic], name: str, outcomes: Sequence[str]) -> "Categorical":
        return cls(list(params), name=name, outcomes=outcomes)

    @property
    def probs(self) -> tuple[sp.Expr, ...]:
        return tuple(self.args[0])

    @property
    def params(self) -> tuple[sp.Expr, ...]:
        return self.probs

    @property
    def outcomes(self) -> tuple[Str, ...]:
        return tuple(self.args[2])

    @property
    def domain(self) -> Domain:
        symbols = [x for x in self.probs if isinstance(x, sp.Symbol)]
        if not symbols:
            return Domain()
        free = tuple(symbols[:len(self.probs) - 1])
        if len(symbols) == len(self.probs):
            return Domain(constraints=(Simplex(free), Defined(symbols[-1], add(sp.Integer(1), *map(neg, free)))))
        return Domain(constraints=(Simplex(free),))

    def pmf(self, outcome: Str) -> sp.Expr:
        return self._table[outcome]

    @cached_property
    def _table(self) -> dict[Str, sp.Expr]:
        return dict(zip(self.args[2], self.args[0]))


def _probabilities(probs: Sequence[object]) -> list[sp.Expr]:
    *head, last = probs
    if all(isinstance(x, sp.Symbol) for x in probs):
        symbols = [as_parameter(x, "probability", UNIT) for x in probs]
        _distinct(symbols)
        return symbols
    if all(isinstance(x, sp.Symbol) for x in head) and isinstance(last, sp.Expr):
        _distinct(head)
        rest = add(sp.Integer(1), *(neg(x) for x in head))
        if sp.expand(last - (1 - sp.Add(*head))) == 0:
            return [as_parameter(x, "probability", UNIT) for x in head] + [rest]
        raise InvalidParameter(f"the last probability must be 1 minus the others, got {last}")
    if any(isinstance(x, sp.Basic) and x.free_symbols for x in probs):
        raise InvalidParameter("categorical probabilities must be all numbers, all symbols, "
                               "or symbols followed by 1 minus their sum")
    numbers = [as_parameter(x, f"probability {j}", UNIT) for j, x in enumerate(probs, 1)]
    total = sp.Add(*numbers)
    if total != 1:
        raise InvalidParameter(f"categorical probabilities must sum to 1, they sum to {total}")
    return numbers


def _distinct(symbols: Sequence[sp.Symbol]) -> None:
    if len(set(symbols)) != len(symbols):
        raise InvalidParameter(f"categorical probabilities must be distinct symbols, got {list(symbols)}")
