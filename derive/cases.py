"""Proof by cases: an expression with ``|z|`` or ``max(z, 0)`` is split at the sign of the real symbol ``z``."""

from __future__ import annotations

import sympy as sp


def sign_cases(expr: sp.Basic) -> list[sp.Basic] | None:
    """``expr`` at ``z = t``, ``z = -t`` (``t > 0``) and ``z = 0``, for the one real symbol inside ``|.|``, max, min.

    Together the three cases cover every real ``z``; in each, SymPy evaluates
    the kinks away (``|t| = t``, ``max(-t, 0) = 0``).  ``None`` when there is
    no kink, or the kinks involve more than one symbol of unknown sign.
    """
    kinks = expr.atoms(sp.Abs, sp.Max, sp.Min, sp.sign, sp.Heaviside)
    if not kinks:
        return None
    unsigned = {s for k in kinks for s in k.free_symbols & expr.free_symbols  # not a bound variable
                if isinstance(s, sp.Symbol) and s.is_real and s.is_positive is None and s.is_negative is None}
    if len(unsigned) != 1:
        return None
    (z,) = unsigned
    t = sp.Dummy(f"{z.name}_abs", positive=True)
    return [expr.subs(z, t), expr.subs(z, -t), expr.subs(z, 0)]
