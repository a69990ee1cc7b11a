"""Proof by cases: an expression with ``|u|``, ``max`` or ``min`` is split where ``u`` changes sign.

Soundness.  For a real symbol ``s`` and a value ``c``, every real ``s`` is
``c + t``, ``c - t`` (``t > 0``) or ``c``: the three cases cover the real line,
so an expression proved zero in each case is zero for every real ``s`` (a
superset of any range the domain gives ``s``).  ``c`` is where a kink ``|u|``
with ``u`` linear in ``s`` changes form; in each case SymPy evaluates the kink
away (``|t| = t``).  Only symbols SymPy knows to be real and of unknown sign
are split: on re-parametrised expressions, every parameter is such a symbol
or a positive one.
"""

from __future__ import annotations

import sympy as sp

#: Kinds of kink a case split removes.
KINKS = (sp.Abs, sp.Max, sp.Min, sp.sign, sp.Heaviside)


def split(expr: sp.Basic) -> list[sp.Basic] | None:
    """``expr`` at ``s = c + t``, ``s = c - t`` (``t > 0``) and ``s = c``, for the first kink found; else ``None``."""
    found = _kink(expr)
    if found is None:
        return None
    symbol, at = found
    t = sp.Dummy(f"{symbol.name}_d", positive=True)
    return [expr.xreplace({symbol: value}) for value in (at + t, at - t, at)]


def _kink(expr: sp.Basic) -> tuple[sp.Symbol, sp.Expr] | None:
    """A real symbol of unknown sign and the value at which an ``|u|``, ``max`` or ``min`` of ``expr`` changes form."""
    bound = {v for node in sp.preorder_traversal(expr) if isinstance(node, (sp.Integral, sp.Sum))
             for v in node.variables}
    for u in switches(expr):
        for s in sorted(u.free_symbols - bound, key=str):
            if not isinstance(s, sp.Symbol) or not s.is_real or s.is_positive or s.is_negative:
                continue
            at = root_of_linear(u, s)
            if at is not None:
                return s, at
    return None


def switches(expr: sp.Basic) -> list[sp.Basic]:
    """The expressions whose sign switches a kink of ``expr``: ``u`` of ``|u|``, ``sign(u)``, ``Heaviside(u)``,
    ``a - b`` of ``max(a, b)`` and ``min(a, b)``."""
    out: list[sp.Basic] = []
    for node in sp.preorder_traversal(expr):
        if isinstance(node, (sp.Abs, sp.sign, sp.Heaviside)):
            out.append(node.args[0])
        elif isinstance(node, (sp.Min, sp.Max)):
            out.extend(a - b for a, b in zip(node.args, node.args[1:]))
    return out


def root_of_linear(u: sp.Basic, s: sp.Symbol) -> sp.Expr | None:
    """Where ``u``, linear in ``s`` with a constant non-zero slope, is zero; ``None`` otherwise."""
    u = sp.expand(u)
    if not u.has(s) or sp.diff(u, s, 2) != 0:
        return None
    slope = sp.diff(u, s)
    if slope == 0 or slope.free_symbols:
        return None
    return sp.expand(s - u / slope)
