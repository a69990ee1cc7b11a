"""Entropy, cross-entropy and KL divergence as unevaluated SymPy objects.

Each measure knows its definition as a sum over the outcomes of its first
distribution, written with probabilities ``P(i)`` that are themselves symbolic
(:class:`Prob`), so a derivation can show the definition before substituting.
"""

from __future__ import annotations

import sympy as sp
from sympy.core.symbol import Str

from derive.core.functions import log_in
from derive.core.terms import MINUS_ONE, add, bottom_up, mul, quotient, replace
from derive.distributions.base import Distribution, OutcomeSum  # OutcomeSum: re-exported with the measures
from derive.errors import DeriveError

#: Logarithm bases by unit name.
UNITS = {"nats": sp.E, "bits": sp.Integer(2)}
#: An arbitrary base ``b > 1`` (``derive article --units any``): what holds for it holds in every base.
ANY_BASE = sp.Symbol("b", real=True)  # its domain, (1, oo), says b > 1

class Prob(sp.Expr):
    """``P(x)``: the probability the distribution ``P`` gives to outcome ``x`` (or index ``i``)."""

    is_commutative = True

    def __new__(cls, dist: Distribution, outcome: Str | sp.Symbol) -> "Prob":
        return super().__new__(cls, dist, outcome)

    @property
    def dist(self) -> Distribution:
        return self.args[0]

    @property
    def outcome(self) -> Str | sp.Symbol:
        return self.args[1]

    @property
    def free_symbols(self) -> set[sp.Basic]:
        index = set() if isinstance(self.outcome, Str) else self.outcome.free_symbols  # P(2): none; P(x_i): x, i
        return self.dist.free_symbols | index

    def _sympystr(self, printer) -> str:
        return f"{self.dist.name}({printer._print(self.outcome)})"

    def _eval_derivative(self, s: sp.Symbol) -> sp.Expr:
        """``d/ds P(x)`` is the derivative of the value ``P`` gives to ``x``."""
        return sp.diff(self.dist.pmf(self.outcome), s)


class Measure(sp.Expr):
    """An information measure of one or two distributions; subclasses give the definition."""

    is_commutative = True
    symbol = "?"
    title = "measure"
    separator = ", "

    def __new__(cls, *dists: Distribution, base: sp.Basic = sp.E) -> "Measure":
        for d in dists:
            if not isinstance(d, Distribution):
                raise DeriveError(f"{cls.__name__} takes distributions, got {type(d).__name__}")
        if len(dists) == 2 and not dists[0].same_outcomes(dists[1]):
            raise DeriveError(f"{cls.__name__}({dists[0].name}, {dists[1].name}): the distributions have different outcomes")
        if base not in UNITS.values() and base != ANY_BASE:
            raise DeriveError(f"{cls.__name__}: logarithm base must be e (nats), 2 (bits) or the symbol b, got {base}")
        return super().__new__(cls, *dists, base)

    @property
    def dists(self) -> tuple[Distribution, ...]:
        return tuple(self.args[:-1])

    @property
    def base(self) -> sp.Basic:
        return self.args[-1]

    def log(self, x: sp.Basic) -> sp.Basic:
        """The logarithm in this measure's base."""
        return log_in(x, self.base)

    @property
    def free_symbols(self) -> set[sp.Basic]:
        return set().union(*(d.free_symbols for d in self.dists))

    def summand(self, i: sp.Symbol) -> sp.Expr:
        raise NotImplementedError

    def _sympystr(self, printer) -> str:
        """``H(P, Q)``, ``KL(P || Q)``; a base other than e as a subscript (``H_2(P)``, ``KL_b(P || Q)``)."""
        unit = "" if self.base == sp.E else f"_{printer._print(self.base)}"
        return f"{self.symbol}{unit}({self.separator.join(d.name for d in self.dists)})"

    def definition(self) -> sp.Expr:
        """The measure as a sum (or integral) over the outcomes of its first distribution."""
        first = self.dists[0]
        return first.sum_over(self.summand(first.variable), first.variable)


class Entropy(Measure):
    """``H(P) = sum_i -P(i) log P(i)``."""

    symbol = "H"
    title = "Entropy"

    def __new__(cls, p: Distribution, base: sp.Basic = sp.E) -> "Entropy":
        return super().__new__(cls, p, base=base)

    def summand(self, i: sp.Symbol) -> sp.Expr:
        (p,) = self.dists
        return mul(MINUS_ONE, Prob(p, i), self.log(Prob(p, i)))


class CrossEntropy(Measure):
    """``H(P, Q) = sum_i -P(i) log Q(i)``."""

    symbol = "H"
    title = "Cross-entropy"

    def __new__(cls, p: Distribution, q: Distribution, base: sp.Basic = sp.E) -> "CrossEntropy":
        return super().__new__(cls, p, q, base=base)

    def summand(self, i: sp.Symbol) -> sp.Expr:
        p, q = self.dists
        return mul(MINUS_ONE, Prob(p, i), self.log(Prob(q, i)))


class KL(Measure):
    """``KL(P || Q) = sum_i P(i) log(P(i) / Q(i))``."""

    symbol = "KL"
    title = "KL divergence"
    separator = " || "

    def __new__(cls, p: Distribution, q: Distribution, base: sp.Basic = sp.E) -> "KL":
        return super().__new__(cls, p, q, base=base)

    def summand(self, i: sp.Symbol) -> sp.Expr:
        p, q = self.dists
        return mul(Prob(p, i), self.log(quotient(Prob(p, i), Prob(q, i))))


def expand_outcome_sum(s: OutcomeSum) -> sp.Expr:
    """The sum written out term by term, in outcome order.  An outcome named by a number (``1``, ``0`` of
    ``X \\sim \\mathrm{Bernoulli}(p)``) is that number where the body uses it as a value (``x P(x)``)."""
    def term(o: Str) -> sp.Expr:
        named = bottom_up(s.body, lambda e: Prob(e.dist, o) if isinstance(e, Prob) and e.outcome == s.index else e)
        value = _number_named(o)
        if isinstance(value, Str) and named.has(s.index):
            raise DeriveError(f"the outcome {o.name} is no number: a sum that uses the outcomes as values (an "
                              "expectation) needs outcomes that are numbers")
        return replace(named, {s.index: value})

    return add(*(term(o) for o in s.outcomes))


def _number_named(outcome: Str) -> sp.Basic:
    """The number an outcome's name writes (``1``, ``-2``, ``0.5``), or the outcome itself."""
    try:
        return sp.Rational(outcome.name)
    except (TypeError, ValueError):
        return outcome
