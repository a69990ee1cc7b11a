r"""Cases of two free indices: a claim in ``t_i`` and ``t_j`` (or ``\delta_{ij}``) holds for every pair of
indices when it holds with ``i = j`` and with ``i \neq j``.

Texts that differentiate a softmax or a sum of entries write ``\frac{\partial e^{t_i}}{\partial t_j} =
\delta_{ij} e^{t_i}`` for every ``i`` and ``j``: the entries of one vector are coordinates of their own, so with
``i \neq j`` the symbols ``t_i`` and ``t_j`` are two independent variables, and with ``i = j`` they are one.
"""

from __future__ import annotations

import re

import sympy as sp

#: A symbol that is an entry of a vector at an index letter: ``t_j`` (base ``t``, index ``j``); ``\lambda_p`` and
#: ``\lambda_q`` are two names, labelled by their laws, not entries at indices.
_ENTRY = re.compile(r"(?P<base>[A-Za-z]+)_(?P<index>[i-m])\Z")


def entry_of(symbol: sp.Basic) -> tuple[str, str] | None:
    """``(base, index)`` of an entry ``t_j``; ``None`` for any other symbol."""
    found = _ENTRY.fullmatch(symbol.name) if isinstance(symbol, sp.Symbol) else None
    return (found.group("base"), found.group("index")) if found else None


def index_pair(*exprs: sp.Basic) -> tuple[sp.Symbol, sp.Symbol] | None:
    """The one pair of letter indices the expressions take two entries of one vector at (``t_i``, ``t_j``), or a
    Kronecker delta of (``\\delta_{ij}``), in alphabetical order; ``None`` for none, or for more than one pair."""
    pairs: set[tuple[str, str]] = set()
    entries: dict[str, set[str]] = {}
    for expr in exprs:
        for s in expr.atoms(sp.Symbol):
            if (found := entry_of(s)) is not None:
                entries.setdefault(found[0], set()).add(found[1])
        for delta in expr.atoms(sp.KroneckerDelta):
            if all(isinstance(x, sp.Symbol) and len(x.name) == 1 and "i" <= x.name <= "m" for x in delta.args):
                pairs.add(tuple(sorted(x.name for x in delta.args)))
    for indices in entries.values():
        ordered = sorted(indices)
        pairs.update((a, b) for k, a in enumerate(ordered) for b in ordered[k + 1:])
    bound = {v.name for expr in exprs for e in expr.atoms(sp.Sum, sp.Product, sp.Integral) for v in e.variables}
    pairs = {pair for pair in pairs if not set(pair) & bound}  # \sum_i \delta_{ij}: i is a sum's, not free
    if len(pairs) != 1:
        return None
    (a, b), = pairs
    return sp.Symbol(a), sp.Symbol(b)


def same_index(expr: sp.Basic, keep: sp.Symbol, gone: sp.Symbol) -> sp.Basic:
    """``expr`` with the index ``gone`` equal to ``keep``: ``t_j`` is ``t_i``, ``j`` is ``i``, ``\\delta_{ij} = 1``."""
    renamed = {s: sp.Symbol(f"{found[0]}_{keep.name}", **s.assumptions0) for s in expr.atoms(sp.Symbol)
               if (found := entry_of(s)) is not None and found[1] == gone.name}
    out = expr.xreplace(renamed)
    plain = [s for s in out.atoms(sp.Symbol) if s.name == gone.name]
    return out.xreplace({s: sp.Symbol(keep.name, **s.assumptions0) for s in plain}).replace(
        lambda e: isinstance(e, sp.KroneckerDelta), lambda e: e.func(*e.args))


def distinct_indices(expr: sp.Basic, a: sp.Symbol, b: sp.Symbol) -> sp.Basic:
    """``expr`` with the indices ``a`` and ``b`` different: ``\\delta_{ab} = 0``."""
    names = {a.name, b.name}
    return expr.replace(lambda e: isinstance(e, sp.KroneckerDelta) and {str(x) for x in e.args} == names,
                        lambda e: sp.Integer(0))


def plain_rates(*exprs: sp.Basic) -> bool:
    """Every derivative in ``exprs`` is of an expression built of sums, products, powers, ``exp`` and ``log``: no
    function a text may mean of the whole vector (its ``\\sigma(z_j)``, a softmax, is a function of every entry)."""
    return all(f.func in (sp.exp, sp.log) for expr in exprs for d in expr.atoms(sp.Derivative)
               for f in d.expr.atoms(sp.Function))


def siblings(expr: sp.Basic, *others: sp.Basic) -> frozenset[sp.Symbol]:
    """The entries of ``expr`` and ``others`` that share a base with another entry at a different index: with the
    indices distinct, each is a coordinate of its own, which no other entry depends on."""
    by_base: dict[str, set[sp.Symbol]] = {}
    for e in (expr, *others):
        for s in e.atoms(sp.Symbol):
            if (found := entry_of(s)) is not None:
                by_base.setdefault(found[0], set()).add(s)
    return frozenset(s for group in by_base.values() if len(group) > 1 for s in group)
