"""Rules that solve equations: each step is an equivalence (``iff``) the checker verifies both ways."""

from __future__ import annotations

import sympy as sp

from derive.core import Refusal, Rewrite, Rule
from derive.core.domain import Domain
from derive.core.system import System
from derive.core.terms import factors_of, mul
from derive.distributions.semantics import denote
from derive.verify.signs import is_positive


def _zero_quotient(expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
    if isinstance(expr, System):
        done = [_zero_quotient(e, domain) for e in expr.equations]
        refused = next((r for r in done if isinstance(r, Refusal)), None)
        if refused is not None:
            return refused
        if all(r is None for r in done):
            return None
        return Rewrite(System(*(r.expr if r is not None else e for r, e in zip(done, expr.equations))),
                       tuple(c for r in done if r is not None for c in r.conditions))
    if not isinstance(expr, sp.Equality) or expr.rhs != 0 or not isinstance(expr.lhs, sp.Mul):
        return None
    den = [f.base for f in factors_of(expr.lhs) if isinstance(f, sp.Pow) and f.exp == -1]
    num = [f for f in factors_of(expr.lhs) if not (isinstance(f, sp.Pow) and f.exp == -1)]
    if not den or not num:
        return None
    b = mul(*den)
    if not (is_positive(denote(b), domain) or is_positive(-denote(b), domain)):
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
    """Solve equations for the unknowns, each unknown once, in order; an equation already solved
    (a lone symbol on its left) is left as it is.  Only a unique solution is taken."""

    def solve_one(eq: sp.Equality, free: list[sp.Basic], domain: Domain) -> sp.Equality | None:
        from derive.verify.implications import solve

        if isinstance(eq.lhs, (sp.Symbol, sp.Indexed)):
            return None
        for x in free:
            if not denote(eq.lhs - eq.rhs).has(x):
                continue
            solutions = solve(denote(eq.lhs) - denote(eq.rhs), x, domain)
            if solutions is not None and len(solutions) == 1:
                free.remove(x)
                return sp.Eq(x, solutions[0], evaluate=False)
        return None

    def apply(expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
        free = list(unknowns)
        if isinstance(expr, sp.Equality):
            solved = solve_one(expr, free, domain)
            return Rewrite(solved) if solved is not None else None
        if isinstance(expr, System):
            solved = [solve_one(e, free, domain) for e in expr.equations]
            if all(s is None for s in solved):
                return None
            return Rewrite(System(*(s if s is not None else e for s, e in zip(solved, expr.equations))))
        return None

    return Rule(
        "solve-for",
        "f(x) = 0 -> x = s  if s is the only solution in the domain",
        apply,
        scope="root",
        prose="Solve for the unknown; the solution is unique.",
        relation="iff",
    )


def substitute_solution(*symbols: sp.Basic) -> Rule:
    """In a system containing ``x = value`` for each given ``x``, put the values into the other equations."""

    def apply(expr: sp.Basic, domain: Domain) -> Rewrite | None:
        if not isinstance(expr, System):
            return None
        known = [e for e in expr.equations if e.lhs in symbols]
        out = list(expr.equations)
        for eq in known:
            out = [e if e.lhs == eq.lhs else _put(e, eq.lhs, eq.rhs) for e in out]
        return None if out == list(expr.equations) else Rewrite(System(*out))

    return Rule(
        "substitute-solution",
        "x = s and f(x) = 0 -> x = s and f(s) = 0",
        apply,
        scope="root",
        prose="Put the solution into the other equations.",
        relation="iff",
    )


def _put(eq: sp.Equality, symbol: sp.Basic, value: sp.Basic) -> sp.Equality:
    """``eq`` with ``symbol`` replaced by ``value``; an entry ``q_j`` stands for every ``q_i``."""
    if isinstance(symbol, sp.Indexed):
        j = symbol.indices[0]
        sides = [side.replace(lambda e: isinstance(e, sp.Indexed) and e.base == symbol.base,
                              lambda e: value.xreplace({j: e.indices[0]})) for side in eq.args]
    else:
        sides = [side.xreplace({symbol: value}) for side in eq.args]
    return sp.Eq(*sides, evaluate=False)  # kept an equation even when it becomes b = b


RULES = (zero_quotient, solve_for(), substitute_solution(sp.Dummy()))
