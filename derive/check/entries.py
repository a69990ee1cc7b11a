"""Entries of indexed families: ``o_k`` read as ``o[k]`` beside sums over ``o``, members of families a
text defines by one member (``p_i = ...``), and sums of Kronecker deltas."""

from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef


#: A name written as one entry of a family: ``y_k``, ``x_{i}``.
ENTRY = re.compile(r"([A-Za-z])_\{?([a-z])\}?")


def entries_read(*sides: sp.Basic) -> tuple[sp.Basic, ...]:
    r"""The sides with ``o_k`` read as the entry ``o[k]`` where they also sum over entries of ``o``
    (``\frac{\partial}{\partial o_k} \sum_j e^{o_j}``), and derivatives with respect to an entry taken: a sum
    of ``\delta_{jk} f(j)`` over ``j`` is ``f(k)``, ``k`` being one of the indices of ``o`` (it names an entry)."""
    bases = {ix.base.label.name: ix.base for side in sides for ix in side.atoms(sp.Indexed)
             if isinstance(ix.base.label, sp.Symbol)}
    if not bases:
        return sides
    found = {}
    for side in sides:
        for symbol in side.atoms(sp.Symbol):  # \partial o_k: a derivative's variable is no free symbol
            if (m := ENTRY.fullmatch(symbol.name)) and m.group(1) in bases:
                found[symbol] = bases[m.group(1)][sp.Symbol(m.group(2))]
    if not found:
        return sides
    out = []
    for side in sides:
        side = side.xreplace(found)
        side = side.replace(lambda e: isinstance(e, sp.Derivative) and not e.has(AppliedUndef) and
                            any(isinstance(v, sp.Indexed) for v in e.variables), lambda e: e.doit())
        out.append(side.replace(lambda e: isinstance(e, sp.Sum) and e.has(sp.KroneckerDelta), _delta_sum))
    return tuple(out)


def families_of(values: dict) -> dict[str, tuple[str, sp.Symbol]]:
    """Each family ``values`` defines by one member (``p_i = ...``): ``p -> (i, p_i)``."""
    return {m.group(1): (m.group(2), symbol) for symbol in values if isinstance(symbol, sp.Symbol)
            and (m := ENTRY.fullmatch(symbol.name))}


def member_value(value: sp.Basic, index: str, other: str) -> sp.Basic:
    """A family's definition at ``index`` made the member at ``other``: every name subscripted ``index`` (and
    ``index`` itself) subscripted ``other``."""
    renamed = {s: sp.Symbol(f"{n.group(1)}_{other}", **s.assumptions0) for s in value.free_symbols
               if isinstance(s, sp.Symbol) and (n := ENTRY.fullmatch(s.name)) and n.group(2) == index}
    value = bound_apart(value, {other, *(s.name for s in renamed.values())})
    return value.xreplace({**renamed, sp.Symbol(index): sp.Symbol(other)})


def bound_apart(value: sp.Basic, names: set[str]) -> sp.Basic:
    """``value`` with each variable a sum, product or integral binds under one of ``names`` renamed apart, so a
    substitution that brings in a free name of the same spelling is not captured (``sum_j A[i, j]`` at ``i = j``
    stays a sum over its own index)."""
    for node in sorted(value.atoms(sp.Sum, sp.Product, sp.Integral), key=sp.count_ops, reverse=True):
        clash = {v: sp.Dummy(v.name, **v.assumptions0) for v in node.variables if v.name in names}
        if clash and node in value.atoms(type(node)):
            value = value.xreplace({node: node.xreplace(clash)})
    return value


def members_of(values: dict, *sides: sp.Basic) -> dict:
    r"""``values`` with each member of a family defined by one of them: after ``p_i = e^{o_i} / \sum_j e^{o_j}``,
    ``p_k`` is ``e^{o_k} / \sum_j e^{o_j}``."""
    families = families_of(values)
    if not families:
        return values
    out = dict(values)
    for side in sides:
        for symbol in side.free_symbols:
            m = ENTRY.fullmatch(symbol.name) if isinstance(symbol, sp.Symbol) else None
            if m is not None and symbol not in values and m.group(1) in families:
                index, defined = families[m.group(1)]
                out[symbol] = member_value(values[defined], index, m.group(2))
    return out


def family_entries(expr: sp.Basic, values: dict) -> sp.Basic:
    r"""``expr`` with each entry ``p[i]`` of a family defined as ``p_j = ...`` (read ``p[i]`` inside a sum over
    ``i``) given that definition with ``j`` made ``i``.  A derivative in the family's own entries
    (``\frac{\partial \log p_i}{\partial p_i}``, the chain rule's first factor) takes ``p`` as a variable: it
    is taken first, and the definition goes in after; one that cannot be taken keeps ``p`` as written inside it."""
    if not expr.has(sp.Indexed):
        return expr
    families = families_of(values)
    if not families:
        return expr

    def own(e: sp.Basic) -> bool:
        return isinstance(e, sp.Derivative) and any(isinstance(v, sp.Indexed) and str(v.base.label) in families
                                                    for v in e.variables)

    def member(e: sp.Indexed) -> sp.Basic:
        name = str(e.base.label)
        if name not in families or len(e.indices) != 1 or not isinstance(e.indices[0], sp.Symbol):
            return e
        index, defined = families[name]
        return member_value(values[defined], index, e.indices[0].name)

    expr = expr.replace(lambda e: own(e) and not e.has(AppliedUndef), lambda e: e.doit())
    held = {d: sp.Dummy("held") for d in expr.atoms(sp.Derivative) if own(d)}
    expr = expr.xreplace(held).replace(lambda e: isinstance(e, sp.Indexed), member)
    return expr.xreplace({dummy: d for d, dummy in held.items()})


def _delta_sum(e: sp.Sum) -> sp.Basic:
    """``Sum(f(j) * KroneckerDelta(j, k), (j, lo, hi))`` as ``f(k)``; any other sum as it is."""
    if len(e.limits) != 1:
        return e
    j = e.limits[0][0]
    for factor in sp.Mul.make_args(e.function):
        if isinstance(factor, sp.KroneckerDelta) and j in factor.args:
            k = factor.args[1] if factor.args[0] == j else factor.args[0]
            if j not in k.free_symbols:
                return (e.function / factor).xreplace({j: k})
    return e
