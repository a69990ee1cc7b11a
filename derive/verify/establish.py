r"""When does a proved fact establish a statement?  Formally, never by meaning.

A chain of proved steps shows a fact ``a R b`` (``R`` one of ``=``, ``<=``,
``>=``, ``<``, ``>``).  A statement part ``l S r`` follows from it when

    l - r  ==  c * (a - b)

as polynomials with rational coefficients for some rational ``c != 0``, where
everything that is not a sum, a product, a rational number or a small
non-negative integer power is an **opaque atom**: measures (``H``, ``KL``,
cross-entropy), derivatives, logarithms, sums, integrals, functions, symbols.
Two atoms are the same only when they are the same expression.  Nothing is
unfolded, so two true identities about different things never match (unfolding
would make every true identity "follow" from every other).

The relation must survive the factor: an equality statement needs an equality
fact; ``l >= r`` follows from an equality, or from ``a >= b`` or ``a > b`` with
``c > 0`` (``a <= b``, ``a < b`` with ``c < 0``); a strict statement needs a
strict fact.  A fact or statement whose two sides are formally the same
(``H(P) = H(P)``, ``1 = 1``) says nothing and establishes nothing.

>>> import sympy as sp
>>> x, y = sp.symbols("x y")
>>> follows(sp.Eq(y, x + 1), sp.Eq(x - y + 1, 0))
True
>>> follows(sp.Gt(x, 0), sp.Ge(x, 0))  # a strict statement needs a strict fact
False
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

import sympy as sp

from derive.core.group import Group
from derive.core.system import System

#: Monomials a form may hold, and pairs of terms a product may multiply, before it is too large to compare.
MAX_TERMS = 2000
MAX_PRODUCT = 200_000
#: Integer powers expanded; a larger (or negative, or symbolic) power is an atom.
MAX_POWER = 64

Monomial = frozenset  # of (atom, exponent) pairs
Form = dict  # Monomial -> Fraction, no zero coefficients

#: A statement part as ``difference rel 0``: ``=``, ``>=`` or ``>``.
_ORIENTED = {sp.Eq: (1, "="), sp.Ge: (1, ">="), sp.Gt: (1, ">"), sp.Le: (-1, ">="), sp.Lt: (-1, ">")}


class NotFormal(ValueError):
    """An expression has no polynomial form here: infinite or undefined numbers, or too many terms."""


@dataclass(frozen=True)
class Claim:
    """A relation ``difference rel 0`` in polynomial form (``rel`` is ``=``, ``>=`` or ``>``)."""

    difference: frozenset  # the items (monomial, coefficient) of a Form
    relation: str

    @property
    def trivial(self) -> bool:
        """The two sides are formally the same: the claim says nothing."""
        return not self.difference


def parts(statement: sp.Basic) -> tuple[sp.Basic, ...]:
    """The relations a statement asserts: one, the equations of a system, the links of ``a <= b <= c``."""
    if isinstance(statement, System):
        return statement.equations
    if isinstance(statement, sp.And):
        return tuple(p for arg in statement.args for p in parts(arg))
    return (statement,)


def is_relation(part: sp.Basic) -> bool:
    """``part`` is one of the five relations a fact or a statement part may be (not ``!=``)."""
    return type(part) in _ORIENTED


def claim(part: sp.Basic) -> Claim:
    """``part`` (an ``Eq``, ``Ge``, ``Gt``, ``Le`` or ``Lt``) as a :class:`Claim`; raises :class:`NotFormal`."""
    if type(part) not in _ORIENTED:
        raise NotFormal(f"not a relation of two expressions: {sp.sstr(part)}")
    sign, relation = _ORIENTED[type(part)]
    difference = _sum(form(part.lhs), _scale(form(part.rhs), Fraction(-1)))
    difference = _scale(difference, Fraction(sign))
    return Claim(frozenset(difference.items()), relation)


def follows(part: sp.Basic, fact: sp.Basic) -> bool:
    """Does the relation ``part`` follow formally from the relation ``fact``?  (See the module.)"""
    try:
        return implies(claim(fact), claim(part))
    except NotFormal:
        return False


def implies(fact: Claim, part: Claim) -> bool:
    """``part`` is ``c`` times ``fact`` for a rational ``c != 0`` whose sign keeps the relation."""
    if fact.trivial or part.trivial:
        return False
    c = ratio(fact, part)
    if c is None:
        return False
    if fact.relation == "=":
        return part.relation in ("=", ">=")  # an equality gives itself and both non-strict bounds, never a strict one
    if part.relation == "=":
        return False
    return c > 0 and (part.relation == ">=" or fact.relation == ">")


def ratio(fact: Claim, part: Claim) -> Fraction | None:
    """The rational ``c != 0`` with ``part.difference == c * fact.difference``, or ``None``."""
    if fact.trivial or len(fact.difference) != len(part.difference):
        return None
    (monomial, coefficient), theirs = next(iter(fact.difference)), dict(part.difference)
    if monomial not in theirs:
        return None
    c = theirs[monomial] / coefficient
    if all(theirs.get(m) == c * k for m, k in fact.difference):
        return c
    return None


def form(expr: sp.Basic) -> Form:
    """``expr`` as a polynomial in opaque atoms with rational coefficients; raises :class:`NotFormal`."""
    if isinstance(expr, Group):
        return form(expr.content)  # a labelled bracket means exactly its content
    if isinstance(expr, sp.Rational):
        return {frozenset(): Fraction(int(expr.p), int(expr.q))} if expr != 0 else {}
    if isinstance(expr, sp.Number) and not expr.is_finite:
        raise NotFormal(f"{expr} is not a finite number")
    if expr in (sp.zoo, sp.nan, sp.oo, -sp.oo):
        raise NotFormal(f"{expr} is not a finite number")
    if isinstance(expr, sp.Pow) and expr.base == 0 and not expr.exp.is_positive:
        raise NotFormal(f"{sp.sstr(expr)[:40]} is not a finite number")
    if isinstance(expr, sp.Add):
        return _sum(*(form(a) for a in expr.args))
    if isinstance(expr, sp.Mul):
        return _product(form(a) for a in expr.args)
    if isinstance(expr, sp.Pow) and isinstance(expr.exp, sp.Integer) and abs(expr.exp) <= MAX_POWER:
        if isinstance(expr.base, sp.Rational) and expr.base != 0:
            return form(sp.Rational(expr.base) ** int(expr.exp))
        if expr.exp >= 0:
            return _product([form(expr.base)] * int(expr.exp))
    if not isinstance(expr, sp.Expr) or expr.has(sp.zoo, sp.nan):
        raise NotFormal(f"not a finite expression: {sp.sstr(expr)[:80]}")
    return {frozenset({(expr, 1)}): Fraction(1)}


def _sum(*forms: Form) -> Form:
    out: Form = {}
    for f in forms:
        for m, k in f.items():
            total = out.get(m, 0) + k
            if total:
                out[m] = total
            else:
                out.pop(m, None)
    if len(out) > MAX_TERMS:
        raise NotFormal(f"more than {MAX_TERMS} terms")
    return out


def _scale(f: Form, c: Fraction) -> Form:
    return {m: k * c for m, k in f.items()} if c else {}


def _product(forms: Iterable[Form]) -> Form:
    out: Form = {frozenset(): Fraction(1)}
    for f in forms:
        if len(out) * len(f) > MAX_PRODUCT:
            raise NotFormal(f"a product of more than {MAX_PRODUCT} terms")
        out = _sum(*({_times(m, n): k * l} for m, k in out.items() for n, l in f.items()))
    return out


def _times(m: Monomial, n: Monomial) -> Monomial:
    powers = dict(m)
    for atom, e in n:
        powers[atom] = powers.get(atom, 0) + e
    return frozenset(powers.items())

