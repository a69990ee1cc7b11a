"""Rules of plain algebra: distribute, regroup, cancel, rearrange an equation."""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp

from derive.core import Rewrite, Rule
from derive.domain import Domain
from derive.group import Group
from derive.semantics import plain
from derive.terms import add, mul, neg, terms_of

Selector = Callable[[sp.Basic], bool]


def _distribute(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    if not isinstance(expr, sp.Mul) or not isinstance(expr.args[-1], sp.Add):
        return None
    head = expr.args[:-1]
    return Rewrite(add(*(mul(*head, t) for t in terms_of(expr.args[-1]))))


distribute = Rule(
    "distribute",
    "a*(b + c) -> a*b + a*c",
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
    totals: dict[sp.Basic, list] = {}
    for term in terms_of(expr):
        coeff, key = _coefficient_and_key(term)
        if key in totals:
            totals[key][0] += coeff
        else:
            totals[key] = [coeff, term, coeff]
    if len(totals) == len(expr.args):
        return None
    kept = [first if total == own else mul(total / own, first)
            for key, (total, first, own) in totals.items() if total != 0]
    return Rewrite(add(*kept))


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

RULES = (distribute, regroup(), cancel, rearrange)
