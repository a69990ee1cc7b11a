"""Recognising a measure in an expression: a proposal, decided by numbers, never a proof.

``recognise-definition`` and ``fold-definition`` must decide whether a group
of terms *is* a measure written out.  They decide it here, by a procedure of
their own: the two values agree at a few sample points of the domain
(:mod:`derive.verify.numeric`'s evaluation, which the verifier uses only to
refute).  The verifier then proves the step on its own, by its exact paths.
So a wrong recognition (two expressions that agree at the sample points but
differ elsewhere) is not proved by the procedure that made it: the step is
refuted where they differ, or left unknown (tests/rules/test_recognition.py).
"""

from __future__ import annotations

import sympy as sp

from derive.domain import Domain
from derive.semantics import denote
from derive.verify import numeric
from derive.verify.binders import canonical

#: Points at which the two values must agree.
POINTS = 3


def agree(a: sp.Basic, b: sp.Basic, domain: Domain) -> bool:
    """``a`` and ``b`` have the same value at :data:`POINTS` sample points of ``domain`` (and at least one)."""
    try:
        x, y = canonical(denote(a), domain), canonical(denote(b), domain)
    except (ValueError, KeyError):
        return False
    if x == y:
        return True
    placed, loose = numeric.place(domain, x, y)
    needed = numeric._needed(x, y)
    compared = 0
    for point, _ in numeric.points(placed, loose, POINTS):
        if compared == POINTS:
            break
        point = numeric.restrict(point, needed)
        left, right = numeric.estimate(numeric.at(x, point)), numeric.estimate(numeric.at(y, point))
        if left is None or right is None:
            return False
        (u, du), (v, dv) = left, right
        if abs(u - v) > sp.Float(10) ** -20 * max(1, abs(u), abs(v)) + numeric.QUAD_SAFETY * (du + dv):
            return False
        compared += 1
    return compared > 0
