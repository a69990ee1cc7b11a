"""Recognising a measure in an expression: a proposal, decided by numbers, never a proof.

``recognise-definition`` and ``fold-definition`` must decide whether a group
of terms *is* a measure written out.  They decide it here, by a procedure of
their own: the two values agree at a few sample points of the domain, in
double precision (the verifier uses numbers only to refute, and at 50
digits).  The verifier then proves the step on its own, by its exact paths.
So a wrong recognition (two expressions that agree at the sample points but
differ elsewhere) is not proved by the procedure that made it: the step is
refuted where they differ, or left unknown (tests/rules/test_recognition.py).
"""

from __future__ import annotations

import math
from functools import lru_cache

import sympy as sp

from derive.core.domain import Domain
from derive.core.functions import Log
from derive.core.group import Group
from derive.distributions.measures import Measure, OutcomeSum, Prob
from derive.distributions.semantics import denote
from derive.verify import numeric
from derive.verify.binders import canonical

#: Points at which the two values must agree, and how closely (relative; double precision).
POINTS = 1
TOLERANCE = 1e-9

_FUNCTIONS = {sp.log: math.log, sp.exp: math.exp, sp.sin: math.sin, sp.cos: math.cos, sp.Abs: abs}


def agree(a: sp.Basic, b: sp.Basic, domain: Domain) -> bool:
    """``a`` and ``b`` have the same value at :data:`POINTS` sample points of ``domain``.

    Evaluated in double precision by a small tree walk that reads derive's
    notation directly (:func:`_float`); what it cannot read (sums, integrals,
    special functions, symbols the domain does not place) through the values
    of :mod:`derive.verify.numeric`.
    """
    if a == b:
        return True
    u, v = _walked(a, domain), _walked(b, domain)
    if u is None or v is None:
        return _agree_by_values(a, b, domain)
    return all(_close(x, y) for x, y in zip(u, v))


@lru_cache(maxsize=256)
def _walked(e: sp.Basic, domain: Domain) -> tuple[float, ...] | None:
    """``e`` at the first :data:`POINTS` sample points by the tree walk, or ``None`` when the walk cannot read it
    (memoised: a group is compared with several measures, a measure with several groups)."""
    try:
        return tuple(_float(e, {k: float(v) for k, v in point.items()}, {}, {})
                     for point in domain.sample_points(POINTS))
    except (_NoFloat, ValueError, OverflowError, ZeroDivisionError, TypeError):
        return None


def _close(u: float, v: float) -> bool:
    return abs(u - v) <= TOLERANCE * max(1.0, abs(u), abs(v))


def _agree_by_values(a: sp.Basic, b: sp.Basic, domain: Domain) -> bool:
    """:func:`agree` through plain SymPy values (50 digits, quadrature for integrals and sums)."""
    try:
        x, y = canonical(denote(a), domain), canonical(denote(b), domain)
    except (ValueError, KeyError):
        return False
    placed, loose = numeric.place(domain, x, y)
    compared = 0
    for point, _ in numeric.points(placed, loose, POINTS):
        if compared == POINTS:
            break
        point = numeric.restrict(point, numeric.needed(x, y))
        u, v = numeric.estimate(numeric.at(x, point)), numeric.estimate(numeric.at(y, point))
        if u is None or v is None or not _close(float(u[0]), float(v[0])):
            return False
        compared += 1
    return compared > 0


class _NoFloat(Exception):
    """A node the tree walk does not evaluate."""


def _float(e: sp.Basic, values: dict, seen: dict, bound: dict) -> float:
    """``e`` in double precision at ``values``; ``bound`` maps the index of a sum over outcomes to its outcome.
    Shared subtrees outside such sums are evaluated once."""
    if not bound:
        found = seen.get(e)
        if found is not None:
            return found
    if e in values:
        out = values[e]
    elif e.is_Number or e.is_NumberSymbol:
        out = float(e)
    elif isinstance(e, sp.Add):
        out = math.fsum(_float(a, values, seen, bound) for a in e.args)
    elif isinstance(e, sp.Mul):
        out = math.prod(_float(a, values, seen, bound) for a in e.args)
    elif isinstance(e, sp.Pow):
        out = _float(e.base, values, seen, bound) ** _float(e.exp, values, seen, bound)
        if isinstance(out, complex):
            raise _NoFloat
    elif type(e) in _FUNCTIONS:
        out = _FUNCTIONS[type(e)](_float(e.args[0], values, seen, bound))
    elif isinstance(e, Log):
        out = math.log(_float(e.args[0], values, seen, bound)) / math.log(_float(e.base, values, seen, bound))
    elif isinstance(e, Group):
        out = _float(e.content, values, seen, bound)
    elif isinstance(e, Measure):
        out = _float(_definition(e), values, seen, bound)
    elif isinstance(e, OutcomeSum):
        out = math.fsum(_float(e.body, values, seen, {**bound, e.index: o}) for o in e.outcomes)
    elif isinstance(e, Prob):
        outcome = bound.get(e.outcome, e.outcome)
        key = (e.dist, outcome)
        out = seen.get(key)
        if out is None:
            out = seen[key] = _float(e.dist.pmf(outcome), values, seen, {})
    else:
        raise _NoFloat
    if not bound:
        seen[e] = out
    return out


@lru_cache(maxsize=512)
def _definition(m: Measure) -> sp.Basic:
    return m.definition()
