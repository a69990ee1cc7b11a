"""Rules of plain algebra: distribute, regroup, cancel, rearrange an equation."""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp

from derive.core import Rewrite, Rule
from derive.core.domain import Domain
from derive.core.group import Group
from derive.core.terms import add, factors_of, is_negative_term, mul, neg, quotient, terms_of
from derive.distributions.semantics import denote, plain
from derive.verify.signs import is_positive

Selector = Callable[[sp.Basic], bool]


def _distribute(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    if not isinstance(expr, sp.Mul):
        return None
    k = len(expr.args) - 1
    while k > 0 and isinstance(expr.args[k], sp.Pow) and expr.args[k].exp.is_negative:
        k -= 1  # a bracket followed by divisions: a*(b + c)/d
    if not isinstance(expr.args[k], sp.Add):
        return None
    head, tail = expr.args[:k], expr.args[k + 1:]
    return Rewrite(add(*(mul(*head, t, *tail) for t in terms_of(expr.args[k]))))


distribute = Rule(
    "distribute",
    "a*(b + c) -> a*b + a*c;  a*(b + c)/d -> a*b/d + a*c/d",
    _distribute,
    prose="Multiply out each bracket.",
)


def regroup(*groups: tuple[str, Selector]) -> Rule:
    """Gather the terms of a sum into labelled groups, in the order given.

    Each term goes to the first group whose selector accepts it; the rule does
    not match when a term fits no group or a group would be empty.
    """

    def apply(expr: sp.Basic, domain: Domain) -> Rewrite | None:
        if not isinstance(expr, sp.Add) or not groups:
            return None
        buckets: list[list[sp.Basic]] = [[] for _ in groups]
        for term in terms_of(expr):
            index = next((k for k, (_, accepts) in enumerate(groups) if accepts(term)), None)
            if index is None:
                return None
            buckets[index].append(term)
        if not all(buckets):
            return None
        return Rewrite(add(*(Group(add(*b), label) for b, (label, _) in zip(buckets, groups))))

    return Rule(
        "regroup",
        "a + b + c + d -> [a + c] + [b + d]",
        apply,
        scope="root",
        prose="Rearrange the terms into groups.",
    )


def _cancel(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    if not isinstance(expr, sp.Add):
        return None
    totals: dict[object, list] = {}
    keys = _Keys()
    for term in terms_of(expr):
        coeff, key = keys.of(term)
        if key in totals:
            totals[key][0] += coeff
            if totals[key][2] == 0:  # the first term is worth 0: this one stands for the key (no 1/0 below)
                totals[key][1:] = [term, coeff]
        else:
            totals[key] = [coeff, term, coeff]
    if len(totals) == len(expr.args):
        return None
    kept = [first if total == own else mul(total / own, first)
            for key, (total, first, own) in totals.items() if total != 0]
    return Rewrite(add(*kept))


class _Keys:
    """:func:`_coefficient_and_key` shared by terms of one shape (``p_j*log(p_j)`` for every ``j``).

    A term's shape is its tree with each symbol replaced by a slot numbered by first appearance; the
    coefficient and key of the first term of a shape are kept with the key's symbols as slots, and filled
    in with the symbols of every later term of that shape.  The shape records each symbol's assumptions
    and the order SymPy sorts them in, so what is filled in is what SymPy computes for that term.  Keys are
    compared as these filled-in trees (equal trees, equal expressions).
    """

    def __init__(self) -> None:
        self._templates: dict[tuple, tuple | None] = {}
        self._symbols: dict[sp.Symbol, tuple] = {}

    def of(self, term: sp.Basic) -> tuple[sp.Number, object]:
        slots: dict[sp.Symbol, int] = {}
        shape = _shape(term, slots)
        symbols = tuple(slots)
        known = [self._symbol(s) for s in symbols]
        order = tuple(sorted(range(len(symbols)), key=lambda i: known[i][0]))
        key = (shape, tuple(k for _, k in known), order)
        if key not in self._templates:
            coeff, value = _coefficient_and_key(term)
            try:
                self._templates[key] = (coeff, _shape(value, dict(slots), frozen=True))
            except KeyError:  # the key has a symbol the term does not: no template
                self._templates[key] = None
        template = self._templates[key]
        if template is None:
            coeff, value = _coefficient_and_key(term)
            return coeff, _shape(value, None)
        coeff, value = template
        return coeff, _fill(value, symbols)

    def _symbol(self, s: sp.Symbol) -> tuple:
        found = self._symbols.get(s)
        if found is None:
            found = self._symbols[s] = (sp.default_sort_key(s), (type(s), frozenset(s.assumptions0.items())))
        return found


def _shape(expr: sp.Basic, slots: dict | None, frozen: bool = False):
    """``expr`` as nested tuples with symbols replaced by ``slots`` (new slots numbered on first appearance;
    with ``slots=None`` symbols stand for themselves)."""
    if isinstance(expr, sp.Symbol):
        if slots is None:
            return expr
        slot = slots.get(expr)
        if slot is None:
            if frozen:
                raise KeyError(expr)
            slot = slots[expr] = len(slots)
        return slot
    if not expr.args or getattr(expr, "is_distribution", False):
        return ("a", expr)
    return (type(expr), *(_shape(a, slots, frozen) for a in expr.args))


def _fill(key, symbols: tuple[sp.Symbol, ...]):
    if type(key) is int:
        return symbols[key]
    if key[0] == "a":
        return key
    return (key[0], *(_fill(k, symbols) for k in key[1:]))


def _coefficient_and_key(term: sp.Basic) -> tuple[sp.Number, sp.Basic]:
    value = sp.expand(plain(term))
    coeff, key = value.as_content_primitive()
    if isinstance(key, sp.Number):
        return coeff * key, sp.Integer(1)
    if key.could_extract_minus_sign():
        return -coeff, -key
    return coeff, key


cancel = Rule(
    "cancel",
    "a*x + b*x -> (a + b)*x;  x - x -> 0",
    _cancel,
    scope="root",
    prose="Cancel the terms that appear with opposite signs.",
)


def _rearrange(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    if not isinstance(expr, sp.Equality) or not isinstance(expr.rhs, sp.Add) or len(expr.rhs.args) != 2:
        return None
    b, minus_c = expr.rhs.args
    return Rewrite(sp.Eq(b, add(expr.lhs, neg(minus_c)), evaluate=False))


rearrange = Rule(
    "rearrange",
    "a = b - c -> b = a + c",
    _rearrange,
    scope="root",
    prose="Move a term to the other side of the equation.",
)

def _common_denominator(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    if not isinstance(expr, sp.Add):
        return None
    dens: list[sp.Basic] = []
    for term in terms_of(expr):
        dens.extend(f.base for f in factors_of(neg(term) if is_negative_term(term) else term)
                    if isinstance(f, sp.Pow) and f.exp == -1 and f.base not in dens)
    if not dens:
        return None
    kept: list[sp.Basic] = []
    for d in dens:  # the least common multiple, keeping the factors as written
        if any(_divides(d, k) for k in kept):
            continue
        kept = [k for k in kept if not _divides(k, d)] + [d]
    den = mul(*kept)
    num = sp.expand(sp.cancel(plain(expr) * plain(den)))
    if num.has(sp.Pow) and any(f.exp.is_negative for f in num.atoms(sp.Pow)):
        return None
    return Rewrite(quotient(num, den))


def _divides(d: sp.Basic, k: sp.Basic) -> bool:
    """``d`` divides ``k`` as polynomials (``sigma`` divides ``sigma^3``); a constant only itself."""
    if plain(d).is_number or plain(k).is_number:
        return plain(d) == plain(k)
    num, den = sp.fraction(sp.cancel(plain(k) / plain(d)))
    return den.is_number


common_denominator = Rule(
    "common-denominator",
    "a/b + c/d -> (a*d + c*b)/(b*d)   (the numerator multiplied out)",
    _common_denominator,
    scope="root",
    prose="Put the terms over a common denominator and multiply the numerator out.",
)


def _cancel_fraction(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    if not isinstance(expr, sp.Mul):
        return None
    factors = list(factors_of(expr))
    for k, f in enumerate(factors):
        if not (isinstance(f, sp.Mul) or (isinstance(f, sp.Pow) and f.exp == -1)):
            continue
        inner = list(factors_of(f))
        for m, a in enumerate(factors):
            inverse = sp.Pow(a, -1, evaluate=False)
            if m != k and inverse in inner and is_positive(denote(a), domain):
                rest = [g for n, g in enumerate(factors) if n not in (m, k)]  # by position: a may appear twice
                drop = inner.index(inverse)
                kept = [g for n, g in enumerate(inner) if n != drop]
                return Rewrite(mul(*rest, *kept), (sp.Ne(a, 0, evaluate=False),))
    return None


cancel_fraction = Rule(
    "cancel-fraction",
    "a * (b/a) -> b  if a != 0",
    _cancel_fraction,
    requires=("a != 0",),
    prose="Cancel the common factor.",
)

RULES = (distribute, regroup(), cancel, rearrange, common_denominator, cancel_fraction)
