"""Equations that hold together: ``q_j = p_j / lambda`` and ``lambda = 1``, in the author's order."""

from __future__ import annotations

import sympy as sp

from derive.errors import DeriveError


class System(sp.Basic):
    """A conjunction of equations that keeps its order (SymPy's ``And`` sorts its arguments).

    It is a statement, not a value: the checker relates systems by implication
    (:mod:`derive.verify.implications`), renderers join the equations with "and".
    """

    def __new__(cls, *equations: sp.Equality) -> "System":
        for e in equations:
            if not isinstance(e, sp.Equality) and not (e is sp.true and len(equations) > 1):
                raise DeriveError(f"a system holds equations, got {sp.sstr(e)}")
        if any(e is sp.true for e in equations) and len(equations) > 1:  # x = 1/2 and 1/2 = 0.5, once values are in
            kept = [e for e in equations if e is not sp.true]
            return kept[0] if len(kept) == 1 else cls(*kept) if kept else sp.true
        if len(equations) < 2:
            raise DeriveError("a system needs at least two equations")
        return super().__new__(cls, *equations)

    @property
    def equations(self) -> tuple[sp.Equality, ...]:
        return tuple(self.args)


def equations_of(statement: sp.Basic) -> tuple[sp.Equality, ...] | None:
    """The equations a statement asserts (one for an equation), or ``None`` for anything else."""
    if isinstance(statement, System):
        return statement.equations
    if isinstance(statement, sp.Equality):
        return (statement,)
    return None
