"""Labelled groups: ``[ ... ]`` with an underbrace label, transparent to mathematics."""

from __future__ import annotations

import sympy as sp
from sympy.core.symbol import Str


class Group(sp.Expr):
    """A bracketed sum with a label (``Str("Term 1")`` or a measure it was recognised as).

    The group means exactly its content; it exists so renderers can show the
    author's grouping, which SymPy would otherwise flatten away.
    """

    is_commutative = True

    def __new__(cls, content: sp.Expr, label: sp.Basic | str) -> "Group":
        return super().__new__(cls, content, Str(label) if isinstance(label, str) else label)

    @property
    def content(self) -> sp.Expr:
        return self.args[0]

    @property
    def label(self) -> sp.Basic:
        return self.args[1]

    @property
    def free_symbols(self) -> set[sp.Basic]:
        return self.content.free_symbols

    def _sympystr(self, printer) -> str:
        """``[p*log(q) + ...]`` (the label is for display, not part of the value)."""
        return f"[{printer._print(self.content)}]"
