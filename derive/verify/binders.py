r"""Sums and integrals made safe to reason about: bound variables, empty sums, and what a range covers.

Three conventions hold on every path of the verifier (exact and numeric alike):

1. **A bound variable ranges over exactly its range.**  Whatever SymPy
   assumptions the author gave it (``x = Symbol("x", positive=True)``
   integrated over ``(-oo, oo)``), :func:`canonical` renames it to a fresh
   variable that carries none but ``real`` (integrals) or ``integer`` (sums
   from an integer), so no simplification can use a sign the range does not
   give.  When a proof needs a sign, it substitutes a :func:`cover` of the
   range: ``lo + t`` with ``t > 0`` on ``(lo, oo)``, ``hi - t`` on ``(-oo, hi)``,
   ``lo + (hi - lo) t/(1 + t)`` on ``(lo, hi)`` — and only when ``lo <= hi`` is
   proved on the domain; a reversed range (``hi < lo``) is flipped first, and
   a range of unknown order has no cover.
2. **An empty sum is 0** (an empty product 1).  ``sum_{i=a}^{b} f(i)`` with ``b < a`` has no terms.
   (SymPy's own ``Sum.doit`` follows Karr's convention, where
   ``sum_{i=1}^{-3} f(i) = -f(-2) - f(-1) - f(0)``; the two agree exactly when
   ``b >= a - 1``.)  So SymPy may evaluate a sum only where :func:`ordered`
   proves ``b >= a - 1``; ``sum_{i=1}^{n} 1 = n`` is then proved only where
   ``n >= 0`` is known, and refuted at ``n = -2`` otherwise.
3. **Several limits are several binders**: ``Integral(f, (x, ...), (y, ...))``
   is the integral over ``y`` of the integral over ``x``.
4. **An aggregate a finite sum's terms share as a factor is taken out of it** (``sum_k S f(k) = S sum_k f(k)``,
   ``S = \sum_j e^{o_j}`` free of ``k``): it then reads the same inside and outside sums, where the nesting
   would give its bound variable another name.
"""

from __future__ import annotations

import sympy as sp

from derive.core.constraints import Member
from derive.core.domain import Domain
from derive.verify import signs

Aggregate = sp.Integral | sp.Sum | sp.Product


def canonical(expr: sp.Basic, domain: Domain) -> sp.Basic:
    """``expr`` with every sum and integral in canonical form (see the module docstring), inside out.

    Integrals whose limits are proved reversed are flipped (``int_1^0 f = -int_0^1 f``);
    sums proved empty become 0; Kronecker-delta conditions the domain decides are resolved.
    """
    if not expr.has(sp.Sum, sp.Integral, sp.Product, sp.Piecewise):
        return expr

    def visit(e: sp.Basic, depth: int) -> sp.Basic:
        if not e.args or isinstance(e, (sp.Symbol, sp.Number)):
            return e
        if isinstance(e, (sp.Sum, sp.Integral, sp.Product)):
            return _one(e, domain, visit, depth)
        out = e.func(*(visit(a, depth) for a in e.args))
        return _decided(out, domain) if isinstance(out, sp.Piecewise) else out

    return visit(expr, 0)


def _one(e: Aggregate, domain: Domain, visit, depth: int) -> sp.Basic:
    limits = list(e.limits)
    shared = _shared_factors(e)
    if shared is not None:
        return visit(shared, depth) * _one(sp.Sum(e.function / shared, *limits), domain, visit, depth)
    body = visit(e.function, depth + len(limits))
    if body == (1 if isinstance(e, sp.Product) else 0):
        return body  # nothing to add, integrate or multiply, over any range
    for limit in limits:
        if len(limit) != 3:  # an indefinite integral or sum: left as it is (no path proves with it)
            return e.func(body, *limits)
    for level, (var, lo, hi) in enumerate(limits):
        lo, hi = visit(lo, depth), visit(hi, depth)
        fresh = _fresh(var, lo, e, depth + len(limits) - 1 - level)
        body = body.xreplace({var: fresh})
        if isinstance(e, sp.Integral):
            if reversed_(lo, hi, domain):
                body, lo, hi = -body, hi, lo
            body = sp.Integral(body, (fresh, lo, hi))
        else:
            if empty(lo, hi, domain):
                return sp.Integer(1 if isinstance(e, sp.Product) else 0)
            body = e.func(body, (fresh, lo, hi))
    return body


def _shared_factors(e: Aggregate) -> sp.Basic | None:
    """The factors of a finite sum's body that are free of its bound variables and hold a sum or an integral
    themselves (``None`` without any): linearity takes them out (an empty sum is 0 either way)."""
    if not isinstance(e, sp.Sum) or not isinstance(e.function, sp.Mul) or \
            any(len(limit) != 3 or limit[1].is_infinite or limit[2].is_infinite for limit in e.limits):
        return None
    bound = set(e.variables)
    shared = [f for f in e.function.args if not f.free_symbols & bound and f.has(sp.Sum, sp.Integral)]
    return sp.Mul(*shared) if shared else None


def _fresh(var: sp.Symbol, lo: sp.Basic, e: Aggregate, depth: int) -> sp.Dummy:
    """A bound variable with only the assumptions its kind of range gives.

    The same name, kind and nesting depth give the same variable (so equal
    expressions stay equal, and memoised work is shared); binders nested in
    one another always get different variables.
    """
    if isinstance(e, sp.Integral):
        return sp.Dummy(var.name, real=True, dummy_index=_index(var, "r", depth))
    if lo.is_integer:
        return sp.Dummy(var.name, integer=True, dummy_index=_index(var, "i", depth))
    return sp.Dummy(var.name, dummy_index=_index(var, "n", depth))


def _index(var: sp.Symbol, kind: str, depth: int) -> int:
    return abs(hash(("derive.bound", var.name, kind, depth))) % (10 ** 12) + 10 ** 12


def ordered(lo: sp.Basic, hi: sp.Basic, domain: Domain, slack: int = 0) -> bool:
    """``hi >= lo - slack`` proved on ``domain`` (``slack=1``: a sum from ``lo`` to ``hi`` is not reversed)."""
    if lo == -sp.oo or hi == sp.oo:
        return True
    if lo.is_infinite or hi.is_infinite:
        return False
    if _member_order(lo, hi, domain):
        return True
    difference = hi - lo + slack
    return bool(difference.is_nonnegative) or signs.is_nonnegative(difference, domain)


def reversed_(lo: sp.Basic, hi: sp.Basic, domain: Domain) -> bool:
    """``hi < lo`` proved on ``domain`` (``int_0^{-oo}``, ``int_1^0``)."""
    if hi == -sp.oo and lo != -sp.oo or lo == sp.oo and hi != sp.oo:
        return True
    if lo.is_infinite or hi.is_infinite:
        return False
    return bool((lo - hi).is_positive) or signs.is_positive(lo - hi, domain)


def empty(lo: sp.Basic, hi: sp.Basic, domain: Domain) -> bool:
    """A sum from ``lo`` to ``hi`` has no terms: ``hi < lo`` proved."""
    return reversed_(lo, hi, domain)


def evaluable(e: Aggregate, domain: Domain) -> bool:
    """SymPy may evaluate ``e``: an integral always; a sum (or product) only where its limits are proved in order
    (``hi >= lo - 1``), where SymPy's Karr convention and the empty-sum convention agree."""
    if isinstance(e, sp.Integral):
        return all(len(limit) == 3 for limit in e.limits)
    return all(len(limit) == 3 and ordered(limit[1], limit[2], domain, slack=1) for limit in e.limits)


def ordered_on_cover(lo: sp.Basic, hi: sp.Basic, slack: int = 0) -> bool:
    """``hi >= lo - slack`` decided by SymPy's assumptions alone (on re-parametrised expressions, where every
    parameter is a cover symbol whose assumptions say exactly where it lives)."""
    if lo == -sp.oo or hi == sp.oo:
        return True
    if lo.is_infinite or hi.is_infinite:
        return False
    return (hi - lo + slack).is_nonnegative is True


def cover(var: sp.Symbol, lo: sp.Basic, hi: sp.Basic, e: Aggregate, domain: Domain | None,
          k: int = 0) -> sp.Basic | None:
    """An expression in fresh positive (or integer) symbols whose values are exactly the range of ``var``.

    Integrals: the open interval between ``lo`` and ``hi`` (its ends have measure
    0).  Sums: ``lo + m`` with ``m`` a non-negative integer (every term of the
    sum, and more beyond ``hi``; a claim proved for all of them holds for each
    term).  ``None`` when the order of the limits is not proved (with no domain:
    by the limits' own assumptions), since then no half-line is known to hold
    the range.
    """
    known = ordered(lo, hi, domain) if domain is not None else ordered_on_cover(lo, hi)
    if isinstance(e, sp.Sum):
        if not lo.is_integer:
            return None
        return lo + sp.Dummy(f"m{k}", integer=True, nonnegative=True)
    if not known:
        return None
    if lo == -sp.oo and hi == sp.oo:
        return sp.Dummy(f"x{k}", real=True)
    t = sp.Dummy(f"t{k}", positive=True)
    if hi == sp.oo:
        return lo + t
    if lo == -sp.oo:
        return hi - t
    return lo + (hi - lo) * t / (1 + t)


def _member_order(lo: sp.Basic, hi: sp.Basic, domain: Domain) -> bool:
    """``lo <= hi`` from an index constraint ``1 <= j <= n``: ``(1, j)``, ``(j, n)``, ``(1, n)``."""
    for c in domain.constraints:
        if isinstance(c, Member) and (lo, hi) in ((sp.Integer(1), c.j), (c.j, c.n), (sp.Integer(1), c.n)):
            return True
    return False


def _decided(e: sp.Piecewise, domain: Domain) -> sp.Basic:
    """A piecewise expression whose first condition the domain proves: its first branch (``j <= n`` for an index)."""
    expr, cond = e.args[0]
    parts = cond.args if isinstance(cond, sp.And) else (cond,)
    if all(isinstance(c, (sp.LessThan, sp.GreaterThan)) and _holds(c, domain) for c in parts):
        return expr
    return e


def _holds(c: sp.Rel, domain: Domain) -> bool:
    small, big = (c.lhs, c.rhs) if isinstance(c, sp.LessThan) else (c.rhs, c.lhs)
    return ordered(small, big, domain)
