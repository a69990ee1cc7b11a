"""Small pieces of mathematics the derivations' prose names (``q = p``, ``0 < q < 1``, ``1 - p``), built as written.

The scripts pass these to :func:`~derive.core.prose.say`, so the renderers set them in math mode; they are
unevaluated, so ``1 - p`` stays ``1 - p`` and ``Q = P`` stays an equation.
"""

from __future__ import annotations

import sympy as sp

from derive.core.terms import add, neg
from derive.distributions.base import Distribution


def eq(a: sp.Basic, b: sp.Basic) -> sp.Basic:
    """``a = b``, unevaluated."""
    return sp.Eq(a, b, evaluate=False)


def minus(a: sp.Basic | int, b: sp.Basic) -> sp.Basic:
    """``a - b`` as written."""
    return add(sp.Integer(a) if isinstance(a, int) else a, neg(b))


def unit_interval(x: sp.Basic) -> sp.Basic:
    """``0 < x < 1``."""
    return sp.And(sp.StrictLessThan(0, x, evaluate=False), sp.StrictLessThan(x, 1, evaluate=False), evaluate=False)


def positive(x: sp.Basic) -> sp.Basic:
    """``x > 0``."""
    return sp.StrictGreaterThan(x, 0, evaluate=False)


def names_equal(Q: Distribution, P: Distribution) -> sp.Basic:
    """``Q = P``, of the distributions' names."""
    return eq(sp.Symbol(Q.name), sp.Symbol(P.name))


def in_bits(units: str) -> str:
    """The sentence a derivation in bits ends its introduction with."""
    return " Every logarithm is in base 2: the measures are in bits." if units == "bits" else ""
