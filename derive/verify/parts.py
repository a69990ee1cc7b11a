"""Where two expressions differ: the parts a step rewrote, so the verifier can check them alone.

If ``a`` and ``b`` have the same shape except at some places, and the parts
at each place are equal, then ``a == b`` (equals replaced by equals).  This is
how the verifier keeps each check the size of the rewrite rather than the size
of the whole expression.  Nothing here trusts the rule that made the step: the
differences are found by comparing the two trees.

Sums are compared as multisets of their terms, read through labelled groups
(``[x + y]_{Term 1}`` counts as ``x`` and ``y``), so regrouping and reordering
leave nothing to check.  Sums, integrals and other binders are compared whole:
their bodies have a bound variable that a part on its own would leave free.
"""

from __future__ import annotations

from collections import Counter

import sympy as sp

from derive.core.group import Group
from derive.core.terms import add, neg, terms_of
from derive.distributions.measures import OutcomeSum

Pair = tuple[sp.Basic, sp.Basic]

_BINDERS = (sp.Sum, sp.Integral, OutcomeSum, sp.Lambda)


def differences(a: sp.Basic, b: sp.Basic) -> list[Pair]:
    """Pairs ``(x, y)`` such that ``x == y`` for every pair implies ``a == b``."""
    a, b = _ungroup(a), _ungroup(b)
    if a == b:
        return []
    if isinstance(a, sp.Add) or isinstance(b, sp.Add):
        return _sum_differences(a, b)
    if (type(a) is type(b) and a.args and len(a.args) == len(b.args) and not isinstance(a, _BINDERS)
            and not getattr(a, "is_distribution", False) and not isinstance(a, (sp.Equality, sp.Rel))):
        return [pair for x, y in zip(a.args, b.args) for pair in differences(x, y)]
    return [(a, b)]


def _sum_differences(a: sp.Basic, b: sp.Basic) -> list[Pair]:
    """Terms common to both sums cancel; the rest pair up in order when their counts agree."""
    left, right = _flat_terms(a), _flat_terms(b)
    common = Counter(left) & Counter(right)
    left, right = _without(left, common), _without(right, common)
    if not left and not right:
        return []
    if len(left) == len(right):
        return [pair for x, y in zip(left, right) for pair in differences(x, y)]
    chunks = _chunks(left, right)
    if chunks is None:
        return [(add(*left), add(*right))]
    return [(x, add(*chunk)) for x, chunk in zip(left, chunks)]


def _chunks(left: list[sp.Basic], right: list[sp.Basic]) -> list[list[sp.Basic]] | None:
    """Consecutive runs of ``right`` for each term of ``left``, when each left term is a product
    whose last factor is a sum of as many terms as its run (the shape ``a*(b + c)`` leaves after
    being multiplied out); ``None`` when the counts do not fit."""
    if len(left) < 2:
        return None
    sizes = [len(t.args[-1].args) if isinstance(t, sp.Mul) and isinstance(t.args[-1], sp.Add) else 1 for t in left]
    if sum(sizes) != len(right):
        return None
    out, k = [], 0
    for size in sizes:
        out.append(right[k:k + size])
        k += size
    return out


def _flat_terms(e: sp.Basic) -> list[sp.Basic]:
    """The summands of ``e``, opening labelled groups (a negated group gives negated terms)."""
    out: list[sp.Basic] = []
    for t in terms_of(_ungroup(e)):
        if isinstance(t, Group):
            out.extend(_flat_terms(t.content))
        elif _negated_group(t):
            out.extend(neg(x) for x in _flat_terms(neg(t).content))
        else:
            out.append(t)
    return out


def _negated_group(t: sp.Basic) -> bool:
    """``is_negative_term(t) and isinstance(neg(t), Group)``, without building ``neg(t)`` for every term."""
    if isinstance(t, sp.Mul):
        return len(t.args) == 2 and isinstance(t.args[1], Group) and t.args[0] == -1
    return False


def _without(terms: list[sp.Basic], common: Counter) -> list[sp.Basic]:
    left = Counter(common)
    out = []
    for t in terms:
        if left[t] > 0:
            left[t] -= 1
        else:
            out.append(t)
    return out


def _ungroup(e: sp.Basic) -> sp.Basic:
    while isinstance(e, Group):
        e = e.content
    return e
