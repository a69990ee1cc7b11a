"""Rules on sums: over named outcomes (expanded), and over a symbolic range (never expanded)."""

from __future__ import annotations

import sympy as sp

from derive.core import Rewrite, Rule
from derive.domain import Domain
from derive.measures import OutcomeSum, expand_outcome_sum
from derive.terms import add, factors_of, mul, terms_of


def _expand(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    return Rewrite(expand_outcome_sum(expr)) if isinstance(expr, OutcomeSum) else None


expand_finite_sum = Rule(
    "expand-finite-sum",
    "sum_{i in {x1, ..., xn}} f(i) -> f(x1) + ... + f(xn)",
    _expand,
    prose="Write the sum out, one term per outcome.",
)

def _split(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    if not isinstance(expr, sp.Sum) or not isinstance(expr.function, sp.Add):
        return None
    return Rewrite(add(*(sp.Sum(t, *expr.limits) for t in terms_of(expr.function))))


split_sum = Rule(
    "split-sum",
    "sum_i (a_i + b_i) -> sum_i a_i + sum_i b_i",
    _split,
    prose="A sum of sums is the sum of each.",
)


def _combine(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    if not isinstance(expr, sp.Add):
        return None
    merged: dict[tuple, list[sp.Basic]] = {}
    sources: dict[tuple, int] = {}
    order: list[sp.Basic | tuple] = []
    for term in terms_of(expr):
        found = _scaled_sum(term)
        if found is None:
            order.append(term)
            continue
        coeff, s = found
        if s.limits not in merged:
            merged[s.limits], sources[s.limits] = [], 0
            order.append(s.limits)
        merged[s.limits].extend(mul(coeff, t) for t in terms_of(s.function))
        sources[s.limits] += 1
    if all(n == 1 for n in sources.values()):
        return None
    return Rewrite(add(*(sp.Sum(add(*merged[x]), *x) if isinstance(x, tuple) else x for x in order)))


def _scaled_sum(term: sp.Basic) -> tuple[sp.Basic, sp.Sum] | None:
    """``(c, S)`` when ``term`` is ``c * S`` with ``S`` a sum and ``c`` a number."""
    factors = factors_of(term)
    sums = [f for f in factors if isinstance(f, sp.Sum)]
    if len(sums) != 1 or any(not isinstance(f, sp.Number) for f in factors if f is not sums[0]):
        return None
    return mul(*(f for f in factors if f is not sums[0])), sums[0]


combine_sums = Rule(
    "combine-sums",
    "sum_i a_i + c*sum_i b_i -> sum_i (a_i + c*b_i)",
    _combine,
    scope="root",
    prose="Sums over the same range combine into one.",
)


def _zero(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    return Rewrite(sp.Integer(0)) if isinstance(expr, sp.Sum) and expr.function == 0 else None


sum_of_zero = Rule(
    "sum-of-zero",
    "sum_i 0 -> 0",
    _zero,
    prose="A sum of zeros is zero.",
)

RULES = (expand_finite_sum, split_sum, combine_sums, sum_of_zero)
