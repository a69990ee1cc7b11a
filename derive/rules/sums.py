"""Rules on sums: over named outcomes (expanded), and over a symbolic range (never expanded)."""

from __future__ import annotations

import sympy as sp

from derive.core import Refusal, Rewrite, Rule
from derive.core.constraints import Defined, IndexedSimplex, Simplex
from derive.core.domain import Domain
from derive.core.terms import add, factors_of, mul, terms_of
from derive.distributions.measures import OutcomeSum, expand_outcome_sum
from derive.rules.integrals import unsplittable


def _expand(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    return Rewrite(expand_outcome_sum(expr)) if isinstance(expr, OutcomeSum) else None


expand_finite_sum = Rule(
    "expand-finite-sum",
    "sum_{i in {x1, ..., xn}} f(i) -> f(x1) + ... + f(xn)",
    _expand,
    prose="Write the sum out, one term per outcome.",
)

def _split(expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
    if not isinstance(expr, sp.Sum) or not isinstance(expr.function, sp.Add):
        return None
    if len(expr.limits) == 1 and len(expr.limits[0]) == 3:  # an infinite sum splits only into convergent sums
        diverging = unsplittable(expr, terms_of(expr.function))
        if diverging is not None:
            return diverging
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
    return Rewrite(sp.Integer(0)) if isinstance(expr, (sp.Sum, sp.Integral)) and expr.function == 0 else None


sum_of_zero = Rule(
    "sum-of-zero",
    "sum_i 0 -> 0;  int 0 dx -> 0",
    _zero,
    prose="A sum of zeros is zero.",
)

def _total(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    if isinstance(expr, sp.Sum):
        return _total_of_sum(expr, domain)
    if isinstance(expr, sp.Add):
        return _total_of_terms(expr, domain)
    return None


def _total_of_sum(expr: sp.Sum, domain: Domain) -> Rewrite | None:
    """``sum_{i=1}^n p_i -> 1`` (and ``sum_i -p_i -> -1``) for an indexed probability vector."""
    body, sign = expr.function, sp.Integer(1)
    if isinstance(body, sp.Mul) and body.args[0] == -1 and len(body.args) == 2:
        body, sign = body.args[1], sp.Integer(-1)
    if len(expr.limits) != 1 or not isinstance(body, sp.Indexed):
        return None
    i, lo, hi = expr.limits[0]
    if lo != 1 or body.indices != (i,) or IndexedSimplex(body.base, hi) not in domain.constraints:
        return None
    return Rewrite(sign)


def _total_of_terms(expr: sp.Add, domain: Domain) -> Rewrite | None:
    """``p_1 + p_2 + p_3 -> 1`` inside a sum of terms, for each explicit probability vector (or all negated)."""
    terms, changed = list(terms_of(expr)), False
    for vector in _vectors(domain):
        for sign in (1, -1):
            wanted = [sign * v for v in vector]
            if all(w in terms for w in wanted):
                first = min(terms.index(w) for w in wanted)
                terms = [sp.Integer(sign) if k == first else t for k, t in enumerate(terms)
                         if k == first or t not in wanted]
                changed = True
    return Rewrite(add(*terms)) if changed else None


def _vectors(domain: Domain) -> list[tuple[sp.Symbol, ...]]:
    """The explicit probability vectors of the domain: a simplex's symbols and the one defined by them."""
    out = []
    for c in domain.constraints:
        if isinstance(c, Simplex):
            last = next((d.symbol for d in domain.constraints
                         if isinstance(d, Defined) and sp.expand(d.value - 1 + sp.Add(*c.symbols)) == 0), None)
            if last is not None:
                out.append(c.symbols + (last,))
    return out


total_probability = Rule(
    "total-probability",
    "sum_{i=1}^n p_i -> 1;  p_1 + ... + p_k -> 1  (p a probability vector)",
    _total,
    prose="Probabilities sum to 1.",
)

RULES = (expand_finite_sum, split_sum, combine_sums, sum_of_zero, total_probability)
