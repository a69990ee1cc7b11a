r"""Expectations of random variables no one declares: ``E(X)``, ``\mathbb{E}[X^2]``, ``\mathrm{Var}(X)``.

A text may write ``Var(X) = E(X^2) - E^2(X)`` or expand ``E((X - E(X))^2)`` by linearity without saying
what ``X`` is.  Such a step holds for *every* distribution of ``X`` (with the moments it uses), and is read
so: :class:`Expect` is the expectation of its argument, and :func:`moments` reduces an expression by
linearity alone (``E(a f + b g) = a E(f) + b E(g)`` for ``a, b`` free of the variables, ``E(c) = c``), each
remaining ``E(f)`` one unknown real number (``E[X**2]``).  Two sides with the same reduced form are equal for
every distribution; different reduced forms prove nothing (the moments of one distribution are not
independent numbers, and the text may mean one law it describes in words).

A random variable is a single capital letter (``X``, ``Y``) written inside the expectation, or an entry of
one (``X_i``, a sample).  An expectation written with no capital letter inside (``\mathbb{E}[\hat f
\varepsilon]``) names no variable apart from a constant, so every name in it is taken as random (its second
argument): only numbers come out, ``E[f \varepsilon]`` stays one moment, and an expectation inside is a number.
The expectation of a sum over a sample is the sum of the expectations, and the moments a text states ("drawn
from a distribution with mean $\mu$ and variance $\sigma^2$", :func:`stated`) replace the unknowns ``E[X]``,
``E[X_i]``, ``E[X^2]`` and ``E[X_i^2]``.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Mapping
from contextvars import ContextVar

import sympy as sp

from derive.core.terms import count_symbols

#: The mean and variance (or None) a text states for each random variable's letter, while it is checked.
_STATED: ContextVar[Mapping[str, tuple[sp.Expr, sp.Expr | None]]] = ContextVar("stated moments", default={})


class Expect(sp.Function):
    """The expectation of its argument, a function of random variables no one declares: its capital letters, or
    the names its second argument lists (all of a body written with none)."""

    nargs = (1, 2)

    def _latex(self, printer) -> str:
        return rf"\mathbb{{E}}\left[{printer._print(self.args[0])}\right]"


#: A random variable's name: a capital letter, decorated (``\bar{X}``, a statistic) or with a subscript (``X_1``).
_VARIABLE = re.compile(r"[A-Z](?:bar|hat|tilde)?(?:_\{?[A-Za-z0-9]+\}?)?")


def variables(expr: sp.Basic) -> set[sp.Symbol]:
    """The random variables of ``expr``: its capital letters, alone (``X``), decorated (``\bar{X}``, a statistic)
    or with a subscript (``X_1``, one of a sample)."""
    return {s for s in expr.free_symbols if isinstance(s, sp.Symbol) and _VARIABLE.fullmatch(s.name)}


def _letter(name: str) -> str:
    """The variable a sample's entry is a copy of (``X_1``: ``X``); a statistic (``\bar{X}``) is none."""
    head = name.split("_", 1)[0]
    return head if len(head) == 1 else name


def constant(expr: sp.Basic) -> bool:
    """``expr`` is a number or made of the moments the text states (``\\mu^2`` beside "with mean $\\mu$"): its
    expectation is itself."""
    names = {x for mean, variance in _STATED.get().values() for x in (mean, variance) if x is not None}
    return not variables(expr) and expr.free_symbols <= {s for x in names for s in x.free_symbols}


def involved(*exprs: sp.Basic) -> bool:
    """Some expression holds an expectation of a variable no one declares."""
    return any(isinstance(e, sp.Basic) and e.has(Expect) for e in exprs)


def moments(expr: sp.Basic) -> sp.Basic:
    """``expr`` with every expectation reduced by linearity to numbers and unknown moments (innermost first)."""
    return expr.replace(lambda e: isinstance(e, Expect),
                        lambda e: _linear(e.args[0], frozenset(e.args[1]) if len(e.args) > 1 else frozenset()))


def unmarked(body: sp.Basic) -> tuple[sp.Symbol, ...]:
    """The names of ``body`` taken as random where no capital letter marks a variable: all but the counts and
    indices of its sums (``k`` of ``\\sum_{l=1}^{k}``) and integers."""
    counts = count_symbols(body)
    return tuple(sorted((x for x in body.free_symbols if isinstance(x, sp.Symbol) and not x.is_integer
                         and x not in counts), key=str))


@contextlib.contextmanager
def stated(known: Mapping[str, tuple[sp.Expr, sp.Expr | None]]) -> Iterator[None]:
    """Within the block, the moments ``known`` gives each letter (its mean, its variance or None) are used."""
    token = _STATED.set(known)
    try:
        yield
    finally:
        _STATED.reset(token)


def _linear(arg: sp.Basic, random: frozenset = frozenset()) -> sp.Basic:
    """``E(arg)`` by linearity: each term's factor free of the variables (and of the names ``random`` lists)
    comes out, a constant is its own expectation, a sum over a sample is the sum of the expectations, and what
    is left of each term is one moment: stated, or unknown."""
    out = sp.Integer(0)
    arg = arg.replace(lambda e: isinstance(e, sp.Derivative), lambda e: e.doit())  # the body's own value first
    for term in sp.Add.make_args(sp.expand(arg)):
        free, bound = sp.Integer(1), sp.Integer(1)
        for factor in sp.Mul.make_args(sp.powsimp(term, combine="exp")):  # a^(1-X) a^(X-1) = 1
            if variables(factor) or factor.free_symbols & random:
                bound *= factor
            else:
                free *= factor
        out += free * _moment(bound, random)
    return out


def _moment(bound: sp.Basic, random: frozenset) -> sp.Basic:
    if bound == 1:
        return bound
    if isinstance(bound, sp.Sum) and not any(variables(end) or end.free_symbols & random
                                             for limit in bound.limits for end in limit[1:]):
        return sp.Sum(_linear(bound.function, random), *bound.limits)
    base, power = (bound.base, bound.exp) if isinstance(bound, sp.Pow) else (bound, sp.Integer(1))
    letter = base.base.label if isinstance(base, sp.Indexed) else base
    mean, variance = _STATED.get().get(_letter(getattr(letter, "name", "")), (None, None))
    if mean is not None and power == 1:
        return mean
    if mean is not None and variance is not None and power == 2:
        return variance + mean**2
    name = f"E[{sp.sstr(bound)}]"
    # E[e^{tX}] is a function of t, never a constant in it (d/dt of it is no 0), and E[X_i X_j] one of i and j (is
    # i = j?); the entries of one sample, X_i alone, are copies of one variable: E[X_i^2] is the same for every i
    entries = {ix for e in bound.atoms(sp.Indexed) for ix in e.indices if isinstance(ix, sp.Symbol)}
    copies = entries if len(entries) == 1 else set()
    fixed = sorted((s for s in bound.free_symbols - variables(bound) - random - copies if isinstance(s, sp.Symbol)),
                   key=str)
    return sp.Function(name, real=True)(*fixed) if fixed else sp.Symbol(name, real=True)
