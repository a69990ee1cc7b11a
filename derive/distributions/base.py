"""The distribution protocol: a named SymPy object with parameters, a domain and outcomes."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from fractions import Fraction
from numbers import Integral, Real

import sympy as sp
from sympy.core.symbol import Str

from derive.core.domain import Domain
from derive.errors import InvalidParameter

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*\Z")
_LABEL = re.compile(r"[A-Za-z0-9]+\Z")


class OutcomeSum(sp.Expr):
    """``sum_{i in {H, T}} body``: a finite sum over a distribution's named outcomes."""

    is_commutative = True

    def __new__(cls, body: sp.Expr, index: sp.Symbol, outcomes: tuple[Str, ...]) -> "OutcomeSum":
        return super().__new__(cls, body, index, sp.Tuple(*outcomes))

    @property
    def body(self) -> sp.Expr:
        return self.args[0]

    @property
    def index(self) -> sp.Symbol:
        return self.args[1]

    @property
    def outcomes(self) -> tuple[Str, ...]:
        return tuple(self.args[2])

    @property
    def free_symbols(self) -> set[sp.Basic]:
        return self.body.free_symbols - {self.index}

    def _sympystr(self, printer) -> str:
        """``Sum(P(i)*log(Q(i)), (i, {H, T}))``, in the manner of SymPy's ``Sum``."""
        outcomes = ", ".join(printer._print(o) for o in self.outcomes)
        return f"Sum({printer._print(self.body)}, ({printer._print(self.index)}, {{{outcomes}}}))"


class Distribution(sp.Basic):
    """A probability distribution that can stand inside SymPy expressions.

    Subclasses store their arguments in the order their constructor takes
    them, so that SymPy can rebuild them (``func(*args)``) when it substitutes
    a parameter; the name is their one ``Str`` argument.  They answer
    :meth:`pmf` for each outcome.
    """

    family: str = "distribution"
    description: str = "a distribution"
    is_distribution = True  # traversals treat distributions as leaves (see derive.core.terms.is_leaf)

    @property
    def name(self) -> str:
        return next(a for a in self.args if isinstance(a, Str)).name

    @property
    def params(self) -> tuple[sp.Expr, ...]:
        raise NotImplementedError

    @property
    def outcomes(self) -> tuple[Str, ...]:
        raise NotImplementedError

    @property
    def domain(self) -> Domain:
        raise NotImplementedError

    def pmf(self, outcome: Str) -> sp.Expr:
        """The probability (or density) at ``outcome``; ``KeyError`` for an outcome it cannot value."""
        raise NotImplementedError

    def same_outcomes(self, other: "Distribution") -> bool:
        """True when both distributions live on the same outcomes (a measure of the pair makes sense)."""
        return self.outcomes == other.outcomes

    @property
    def variable(self) -> sp.Symbol:
        """The bound variable of the sums (or integrals) that define measures of this distribution."""
        return sp.Symbol("i")

    def sum_over(self, body: sp.Expr, var: sp.Symbol) -> sp.Expr:
        """``body`` summed (or integrated) over every outcome, with ``var`` bound."""
        return OutcomeSum(body, var, self.outcomes)

    @classmethod
    def from_parameters(cls, params: Sequence[sp.Basic], name: str, outcomes: Sequence[str]) -> "Distribution":
        """Rebuild a distribution from what a proof file records."""
        return cls(*params, name=name, outcomes=outcomes)

    def _sympystr(self, printer: object) -> str:
        return self.name


def check_name(name: object) -> Str:
    """A distribution's name: a short identifier such as ``P`` or ``Q``."""
    if isinstance(name, Str):
        name = name.name
    if not isinstance(name, str) or not _NAME.match(name):
        raise InvalidParameter(f"distribution name must be a letter followed by letters or digits, got {name!r}")
    return Str(name)


def check_outcomes(outcomes: object, count: int) -> tuple[Str, ...]:
    """``count`` distinct outcome labels, each a short identifier."""
    if isinstance(outcomes, (tuple, list, sp.Tuple)):
        outcomes = [o.name if isinstance(o, Str) else o for o in outcomes]
    if not isinstance(outcomes, list) or len(outcomes) != count:
        raise InvalidParameter(f"outcomes must be a sequence of {count} names, got {outcomes!r}")
    for o in outcomes:
        if not isinstance(o, str) or not _LABEL.match(o):
            raise InvalidParameter(f"an outcome is named by letters or digits, got {o!r}")
    labels = tuple(Str(o) for o in outcomes)
    if len(set(labels)) != count:
        raise InvalidParameter(f"outcomes must be distinct, got {outcomes!r}")
    return labels


_NO_ASSUMPTIONS = sp.Symbol("x").assumptions0


def as_parameter(value: object, what: str, interval: sp.Interval) -> sp.Expr:
    """A parameter as a SymPy symbol or exact number inside ``interval`` (closure allowed for numbers).

    An expression in symbols (what SymPy builds when it substitutes into a
    distribution) is accepted unless its assumptions put it outside; only a
    plain symbol gets the interval as its domain.  Strings are refused: derive
    never turns text into expressions here.
    """
    if isinstance(value, sp.Symbol) and value.assumptions0 == _NO_ASSUMPTIONS:
        return value  # nothing is known of it, so nothing puts it outside (SymPy's set check is slow)
    if isinstance(value, sp.Expr) and value.free_symbols:
        if interval.contains(value) is sp.false:
            raise InvalidParameter(f"{what} {value} is declared with assumptions that put it outside {interval}")
        return value
    number = _as_number(value, what)
    if number not in sp.Interval(interval.start, interval.end):
        raise InvalidParameter(f"{what} must lie in {_closed(interval)}, got {value}")
    return number


def _as_number(value: object, what: str) -> sp.Rational:
    if isinstance(value, bool) or not isinstance(value, (Real, sp.Number)):
        raise InvalidParameter(f"{what} must be a SymPy symbol or a number, got {type(value).__name__} {value!r}")
    if isinstance(value, sp.Rational):
        return value
    if isinstance(value, Integral):
        return sp.Integer(int(value))
    if isinstance(value, Fraction):
        return sp.Rational(value.numerator, value.denominator)
    if isinstance(value, (sp.Float, float)):
        if not math.isfinite(float(value)):
            raise InvalidParameter(f"{what} must be a finite number, got {value}")
        f = Fraction(str(float(value)))
        return sp.Rational(f.numerator, f.denominator)
    raise InvalidParameter(f"{what} must be a SymPy symbol or a number, got {value!r}")


def _closed(interval: sp.Interval) -> str:
    return f"[{interval.start}, {interval.end}]"
