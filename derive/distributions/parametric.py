"""Parametric families: a density (or mass) in a bound variable, a support, and a table of moment facts.

A family states its parameters as ``(attribute, description, open interval)``;
the constructor checks each value (a SymPy symbol whose assumptions do not
contradict the interval, or an exact number strictly inside it).  ``pmf(x)``
is the density (continuous families) or mass (discrete ones) on the support;
measures sum or integrate it over the support only (:meth:`sum_over`).

Facts (:class:`Fact`) are expectations the closed forms rely on, such as
``E[X^2] = sigma^2 + mu^2``; the tests prove each one independently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

import sympy as sp
from sympy.core.symbol import Str

from derive.core.domain import Domain
from derive.distributions.base import Distribution, as_parameter, check_name
from derive.errors import InvalidParameter

REAL = sp.Interval.open(-sp.oo, sp.oo)
POSITIVE = sp.Interval.open(0, sp.oo)
UNIT = sp.Interval.open(0, 1)

#: Bound variables: ``x`` for densities, ``k`` for masses on the integers.
X = sp.Symbol("x", real=True)
K = sp.Symbol("k", integer=True, nonnegative=True)
#: The free constant of facts such as ``E[|X - c|]`` (any real ``c``).
C = sp.Symbol("c", real=True)


def positional(index: int) -> property:
    """A family's parameter by name (``mu = positional(0)``): the member's ``index``-th argument."""
    return property(lambda self: self.args[index], doc=f"The parameter at position {index}.")


@dataclass(frozen=True)
class Fact:
    """``lhs = rhs`` under ``conditions``; ``lhs`` is an expectation ``E[g(X)]`` as an unevaluated integral or sum.

    ``body`` is ``g(x)``; ``free`` lists symbols other than the parameters
    (``c`` in ``E[|X - c|]``) that a use of the fact may replace by any value.
    """

    name: str
    lhs: sp.Expr
    rhs: sp.Expr
    conditions: tuple[sp.Basic, ...]
    body: sp.Expr
    free: tuple[sp.Symbol, ...] = ()


class Parametric(Distribution):
    """A named member of a parametric family; ``args`` are the parameters then the name.

    A parameter is a symbol (which gets its interval as its domain), an exact
    number strictly inside the interval, or an expression in symbols (what
    SymPy builds when it substitutes into a distribution; it gets no domain).
    """

    family: ClassVar[str] = "parametric"
    description: ClassVar[str] = "a parametric distribution"
    discrete: ClassVar[bool] = False
    #: ``(attribute, description, interval)`` for each positional parameter.
    parameters: ClassVar[tuple[tuple[str, str, sp.Interval], ...]] = ()
    #: The letter a parameter is written with where it differs from its attribute (``{"rate": "lambda"}``).
    letters: ClassVar[dict[str, str]] = {}

    def __new__(cls, *params: object, name: str = "P", outcomes: Sequence[str] = ()) -> "Parametric":
        if outcomes:
            raise InvalidParameter(f"{cls.__name__} has no named outcomes, got {list(outcomes)}")
        if params and isinstance(params[-1], Str):  # rebuilt from args (subs, xreplace, pickle)
            name, params = params[-1].name, params[:-1]
        if len(params) != len(cls.parameters):
            names = ", ".join(a for a, _, _ in cls.parameters)
            count = len(cls.parameters)
            raise InvalidParameter(f"{cls.__name__} takes {count} parameters ({names}), got {len(params)}")
        values = tuple(cls._convert(v, attribute, what, interval)
                       for v, (attribute, what, interval) in zip(params, cls.parameters))
        symbols = [v for v in values if isinstance(v, sp.Symbol)]
        if len(set(symbols)) != len(symbols):
            raise InvalidParameter(f"{cls.__name__} parameters must be distinct symbols, got {list(values)}")
        bound = K if cls.discrete else X
        if any(v.has(bound) for v in values):
            raise InvalidParameter(f"{cls.__name__} parameters cannot use {bound}, the variable of its density")
        cls._check_joint(values)
        return super().__new__(cls, *values, check_name(name))

    @classmethod
    def _convert(cls, value: object, attribute: str, what: str, interval: sp.Interval) -> sp.Expr:
        """One parameter checked against its interval (a family may be stricter)."""
        return parameter(value, what, interval)

    @classmethod
    def _check_joint(cls, values: tuple[sp.Expr, ...]) -> None:
        """Constraints between parameters (``low < high``); none by default."""

    @classmethod
    def symbolic(cls, index: int, name: str = "P") -> "Parametric":
        """A member with symbolic parameters numbered ``index``: ``Normal.symbolic(1)`` is ``N(mu_1, sigma_1^2)``."""
        return cls(*(sp.Symbol(f"{cls.letters.get(a, a)}_{index}") for a, _, _ in cls.parameters), name=name)

    @classmethod
    def from_parameters(cls, params: Sequence[sp.Basic], name: str, outcomes: Sequence[str] = ()) -> "Parametric":
        return cls(*params, name=name, outcomes=outcomes)

    #: The family's name in formulas (``\\mathcal{N}``); ``P = notation(shown_params)`` declares a member.
    notation = ""

    @property
    def shown_params(self) -> tuple[sp.Expr, ...]:
        """The parameters as people write them after the family's name (the Normal's variance, not its scale)."""
        return self.params

    @property
    def params(self) -> tuple[sp.Expr, ...]:
        return tuple(self.args[:-1])

    @property
    def outcomes(self) -> tuple[Str, ...]:
        """None named: measures sum or integrate over :attr:`support` instead."""
        return ()

    @property
    def domain(self) -> Domain:
        return Domain(tuple((v, interval) for v, (_, _, interval) in zip(self.params, self.parameters)
                            if isinstance(v, sp.Symbol)))

    @property
    def support(self) -> sp.Set:
        """Where the density (or mass) is positive: an ``Interval``, or a ``Range`` of integers."""
        raise NotImplementedError

    @property
    def bounds(self) -> tuple[sp.Expr, sp.Expr]:
        """The first and last point of the support (possibly infinite)."""
        s = self.support
        return (s.inf, s.sup)

    @property
    def variable(self) -> sp.Symbol:
        return K if self.discrete else X

    def sum_over(self, body: sp.Expr, var: sp.Symbol) -> sp.Expr:
        """``Integral(body, (var, lo, hi))`` over the support, or ``Sum`` for a discrete family."""
        lo, hi = self.bounds
        return (sp.Sum if self.discrete else sp.Integral)(body, (var, lo, hi))

    def same_outcomes(self, other: Distribution) -> bool:
        """Same kind (discrete or continuous) and the same support."""
        return isinstance(other, Parametric) and other.discrete == self.discrete and other.support == self.support

    def pmf(self, x: sp.Basic) -> sp.Expr:
        """The density (or mass) at ``x``: an expression in ``x`` valid on the support; zero at numbers outside it."""
        if isinstance(x, (int, float)) and not isinstance(x, bool):
            x = sp.Integer(x) if isinstance(x, int) else sp.Float(x)
        if isinstance(x, Str) or not isinstance(x, sp.Expr):
            raise KeyError(x)
        if x.is_number and self.support.contains(x) is sp.false:
            return sp.Integer(0)
        return self.density(x)

    def density(self, x: sp.Expr) -> sp.Expr:
        """The density (or mass) formula in ``x``, without regard to the support."""
        raise NotImplementedError

    def log_pmf(self, x: sp.Expr) -> sp.Expr:
        """``log pmf(x)`` expanded into a sum of simple terms.

        Splitting with ``force=True`` is sound here: every density is a product
        of factors that are positive on the support and the parameter domain
        (``tests/distributions/test_families.py`` checks ``exp(log_pmf) = pmf``).
        """
        return sp.expand(sp.expand_log(sp.log(self.density(x)), force=True))

    def expectation(self, body: sp.Expr) -> sp.Expr:
        """``E[body(X)]``, unevaluated: the integral (or sum) of ``pmf * body`` over the support."""
        v = self.variable
        return self.sum_over(self.density(v) * body, v)

    def expectations(self) -> tuple[tuple[str, sp.Expr, sp.Expr], ...]:
        """``(name, g(variable), E[g(X)])`` for each fact of the family."""
        raise NotImplementedError

    @property
    def moments(self) -> tuple[Fact, ...]:
        """The family's facts, each ``E[g(X)] = value`` with the domain as conditions."""
        conditions = self.domain.conditions()
        facts = []
        for name, body, rhs in self.expectations():
            free = tuple(sorted(body.free_symbols - {self.variable} - self.free_symbols, key=str))
            extra = tuple(sp.Contains(s, sp.Reals, evaluate=False) for s in free)
            facts.append(Fact(name, self.expectation(body), rhs, conditions + extra, body, free))
        return tuple(facts)

    def expect(self, g: sp.Expr) -> tuple[sp.Expr, Fact] | None:
        """``E[g(X)]`` from the first fact whose body matches ``g``, with the fact used; ``None`` if none does."""
        for fact in self.moments:
            binding = _match(g, fact.body, fact.free)
            if binding is not None:
                return fact.rhs.xreplace(binding), fact
        return None


def parameter(value: object, what: str, interval: sp.Interval) -> sp.Expr:
    """A symbol (or expression) allowed in ``interval``, or an exact number strictly inside it."""
    if isinstance(value, sp.Expr) and value.free_symbols:
        return as_parameter(value, what, interval)
    number = as_parameter(value, what, REAL)
    if not interval.contains(number):
        raise InvalidParameter(f"{what} must lie in {_show(interval)}, got {value}")
    return number


def _show(interval: sp.Interval) -> str:
    """``(0, oo)``, ``(0, 1)``: an open interval as people write it."""
    return f"({interval.start}, {interval.end})"


def _match(g: sp.Expr, body: sp.Expr, free: tuple[sp.Symbol, ...]) -> dict[sp.Symbol, sp.Expr] | None:
    """A binding of ``free`` under which ``body`` is ``g`` (``|u|`` and ``cos(u)`` match up to the sign of ``u``)."""
    if not free:
        return {} if sp.expand(g - body) == 0 else None
    wilds = {s: sp.Wild(f"w_{s.name}", exclude=[X, K]) for s in free}
    pattern = body.xreplace(wilds)
    candidates = [(g, pattern)]
    if type(g) is type(pattern) and isinstance(g, (sp.Abs, sp.cos)):  # even: f(-u) = f(u)
        inner = pattern.args[0]
        candidates = [(sp.expand(sign * g.args[0]), inner) for sign in (1, -1)]
    for expr, pat in candidates:
        found = expr.match(pat)
        if found is not None and set(found) == set(wilds.values()):
            return {s: found[w] for s, w in wilds.items()}
    return None
