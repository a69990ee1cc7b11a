"""Rules that solve equations: each step is an equivalence (``iff``) the checker verifies both ways."""

from __future__ import annotations

import sympy as sp

from derive.core import Refusal, Rewrite, Rule
from derive.domain import Domain
from derive.semantics import denote
from derive.system import System
from derive.terms import factors_of, mul


def _zero_quotient(expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
    if not isinstance(expr, sp.Equality) or expr.rhs != 0 or not isinstance(expr.lhs, sp.Mul):
        return None
    den = [f.base for f in factors_of(expr.lhs) if isinstance(f, sp.Pow) and f.exp == -1]
    num = [f for f in factors_of(expr.lhs) if not (isinstance(f, sp.Pow) and f.exp == -1)]
    if not den or not num:
        return None
    b = mul(*den)
    if not (domain.is_positive(denote(b)) or domain.is_positive(-denote(b))):
        return Refusal(f"cannot prove {sp.sstr(b)} != 0 on the domain")
    return Rewrite(sp.Eq(mul(*num), 0, evaluate=False), (sp.Ne(b, 0, evaluate=False),))


zero_quotient = Rule(
    "zero-quotient",
    "a/b = 0 -> a = 0  if b != 0",
    _zero_quotient,
    requires=("b != 0",),
    scope="root",
    prose="A fraction is zero exactly when its numerator is, since its denominator never vanishes here.",
    relation="iff",
)


def solve_for(*unknowns: sp.Basic) -> Rule:
    """Solve each equation (of a system, in order) for the unknown that appears in it, when its solution is unique."""

    def solve_one(eq: sp.Equality) -> sp.Equality | None:
        from derive.relations import solve

        for x in unknowns:
            if eq.lhs == x or not denote(eq.lhs - eq.rhs).has(x):
                continue
            solutions = solve(denote(eq.lhs) - denote(eq.rhs), x)
            if solutions is not None and len(solutions) == 1:
                return sp.Eq(x, solutions[0], evaluate=False)
        return None

    def apply(expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
        if isinstance(expr, sp.Equality):
            solved = solve_one(expr)
            return Rewrite(solved) if solved is not None else None
        if isinstance(expr, System):
            solved = [solve_one(e) for e in expr.equations]
            if all(s is None for s in solved):
                return None
            return Rewrite(System(*(s if s is not None else e for s, e in zip(solved, expr.equations))))
        return None

    return Rule(
        "solve-for",
        "f(x) = 0 -> x = s  if s is the only solution",
        apply,
        scope="root",
        prose="Solve for the unknown; the solution is unique.",
        relation="iff",
    )


def substitute_solution(symbol: sp.Basic) -> Rule:
    """In a system containing ``symbol = value``, put the value into the other equations."""

    def apply(expr: sp.Basic, domain: Domain) -> Rewrite | None:
        if not isinstance(expr, System):
            return None
        known = next((e for e in expr.equations if e.lhs == symbol), None)
        if known is None:
            return None
        value = known.rhs
        out = [e if e is known else _put(e, symbol, value) for e in expr.equations]
        return None if out == list(expr.equations) else Rewrite(System(*out))

    return Rule(
        "substitute-solution",
        "x = s and f(x) = 0 -> x = s and f(s) = 0",
        apply,
        scope="root",
        prose="Put the solution into the other equation.",
        relation="iff",
    )


def _put(eq: sp.Equality, symbol: sp.Basic, value: sp.Basic) -> sp.Equality:
    """``eq`` with ``symbol`` replaced by ``value``; an entry ``q_j`` stands for every ``q_i``."""
    if isinstance(symbol, sp.Indexed):
        j = symbol.indices[0]
        return eq.replace(lambda e: isinstance(e, sp.Indexed) and e.base == symbol.base,
                          lambda e: value.xreplace({j: e.indices[0]}))
    return eq.xreplace({symbol: value})


RULES = (zero_quotient, solve_for(), substitute_solution(sp.Dummy()))
