r"""Leibniz's notation for the chain rule: ``\frac{\partial L}{\partial w} = \frac{\partial L}{\partial z}
\frac{\partial z}{\partial w}``, ``\frac{\partial}{\partial \theta} \sigma(z) = \sigma(z)(1 - \sigma(z))
\frac{\partial z}{\partial \theta}``.

Such a chain differentiates a name it also writes alone or differentiates by: each name differentiated alone
(``z`` in ``\frac{\partial z}{\partial w}``) is a function of what the chain differentiates it by, through the
nearest only (``L`` of ``z``, ``z`` of ``w``: ``L`` depends on ``w`` through ``z``).  Read so, every derivative
is taken by the chain rule, each derivative left and each value of those functions becomes a number of its
own, and the two sides are compared.  An identity that holds for every such function holds for the one the
text means, so it is proved; one that fails for some function is never refuted (the text's may be one for
which it holds).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

import sympy as sp
from sympy.core.function import AppliedUndef

from derive.core.functions import Sigmoid

#: What a name depends on: the names it is differentiated by, nearest first.
Edges = Mapping[sp.Symbol, frozenset[sp.Symbol]]


def dependence(sides: Collection[sp.Basic], fixed: Collection[sp.Basic]) -> dict[sp.Symbol, frozenset] | None:
    """Each name differentiated alone in ``sides`` (not in ``fixed``: a parameter, a defined name) and the names it
    depends on directly (an edge implied by a longer path is dropped); ``None`` when there is none, when the
    dependence is circular, or when such a name is also a variable of a sum or an integral."""
    edges: dict[sp.Symbol, set[sp.Symbol]] = {}
    for side in sides:
        for d in side.atoms(sp.Derivative):
            if isinstance(d.expr, sp.Symbol) and d.expr not in fixed and \
                    all(isinstance(v, sp.Symbol) and v != d.expr for v in d.variables):
                edges.setdefault(d.expr, set()).update(d.variables)
    bound = {v for side in sides for e in side.atoms(sp.Sum, sp.Product, sp.Integral) for v in e.variables}
    if not edges or bound & (set(edges) | {v for t in edges.values() for v in t}):
        return None
    reach: dict[sp.Symbol, set[sp.Symbol]] = {}

    def reached(a: sp.Symbol, path: frozenset) -> set[sp.Symbol] | None:
        if a in path:
            return None
        if a not in reach:
            found = set()
            for t in edges.get(a, ()):
                further = reached(t, path | {a})
                if further is None:
                    return None
                found |= {t} | further
            reach[a] = found
        return reach[a]

    if any(reached(a, frozenset()) is None for a in edges):
        return None
    return {a: frozenset(t for t in targets if not any(t in reach.get(u, ()) for u in targets if u != t))
            for a, targets in edges.items()}


def functions_of(edges: Edges) -> dict[sp.Symbol, sp.Basic]:
    """Each name of ``edges`` as the function it is: ``L`` as ``L(z(w))``."""
    values: dict[sp.Symbol, sp.Basic] = {}

    def value(a: sp.Symbol) -> sp.Basic:
        if a not in values:
            values[a] = sp.Function(a.name)(*(value(t) for t in sorted(edges[a], key=str))) if a in edges else a
        return values[a]

    for a in edges:
        value(a)
    return {a: v for a, v in values.items() if v != a}


def taken(expr: sp.Basic, values: Mapping[sp.Symbol, sp.Basic]) -> sp.Basic:
    """``expr`` with each name the function it is and every derivative taken (by the chain rule; the logistic
    function, which SymPy does not differentiate, as its quotient).  A derivative of what does not hold its
    variable is left as written: it is 0 only if the names in it are numbers, which the claim's own check
    decides (never 0 for a name nothing states)."""
    def take(d: sp.Derivative) -> sp.Basic:
        if not all(d.expr.has(v) for v in d.variables):
            return d
        inner = d.expr.xreplace({s: s.rewrite(sp.exp) for s in d.expr.atoms(Sigmoid)})
        return d.func(inner, *d.variable_count).doit(deep=False)

    return expr.xreplace(dict(values)).replace(lambda e: isinstance(e, sp.Derivative), take)


def held(sides: tuple[sp.Basic, ...], values: Mapping[sp.Symbol, sp.Basic]) -> tuple[sp.Basic, ...]:
    """``sides`` with each derivative of the functions left and each of their values a symbol of its own, the same
    on every side: what an identity must hold for, whatever the functions are."""
    functions = {v.func for v in values.values()}
    rates = sorted({d for s in sides for d in s.atoms(sp.Derivative, sp.Subs)
                    if any(f.func in functions for f in d.atoms(AppliedUndef))}, key=sp.default_sort_key)
    numbers = {d: sp.Dummy(_rate_name(d), real=True) for d in rates}
    names = {v: a for a, v in values.items()}
    return tuple(s.xreplace(numbers).xreplace(names) for s in sides)


def _rate_name(d: sp.Basic) -> str:
    r"""How a derivative left is written in a reason: ``\frac{\partial L}{\partial z}``."""
    if not isinstance(d, sp.Derivative):
        return sp.latex(d)

    def name(e: sp.Basic) -> str:
        return sp.latex(sp.Symbol(e.func.__name__)) if isinstance(e, AppliedUndef) else sp.latex(e)

    order = sum(n for _, n in d.variable_count)
    top = r"\partial" if order == 1 else rf"\partial^{{{order}}}"
    below = " ".join(rf"\partial {name(v)}" + (f"^{{{n}}}" if n > 1 else "") for v, n in d.variable_count)
    return rf"\frac{{{top} {name(d.expr)}}}{{{below}}}"


def named(values: Mapping[sp.Symbol, sp.Basic]) -> str:
    """The functions as the text's names: ``L(z), z(w)``."""
    def argument(x: sp.Basic) -> str:
        return sp.latex(sp.Symbol(x.func.__name__)) if isinstance(x, AppliedUndef) else sp.latex(x)

    return ", ".join(f"{sp.latex(a)}({', '.join(argument(x) for x in v.args)})"
                     for a, v in sorted(values.items(), key=str))
