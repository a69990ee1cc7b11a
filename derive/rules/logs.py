"""Rules on logarithms, each guarded by the positivity it needs."""

from __future__ import annotations

import sympy as sp

from derive.core import Refusal, Rewrite, Rule
from derive.domain import Domain
from derive.functions import base_of, log_in
from derive.semantics import denote
from derive.terms import factors_of, mul, sub


def _split_quotient(expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
    base = base_of(expr)
    if base is None or not isinstance(expr.args[0], sp.Mul):
        return None
    factors = factors_of(expr.args[0])
    den = [f.base for f in factors if isinstance(f, sp.Pow) and f.exp == -1]
    if len(den) != 1:
        return None
    num = mul(*(f for f in factors if not (isinstance(f, sp.Pow) and f.exp == -1)))
    conditions = []
    for side in (num, den[0]):
        if not domain.is_positive(denote(side)):
            return Refusal(f"cannot prove {sp.sstr(side)} > 0 on the domain {_show(domain)}")
        conditions.append(sp.StrictGreaterThan(side, 0, evaluate=False))
    return Rewrite(sub(log_in(num, base), log_in(den[0], base)), tuple(conditions))


def _show(domain: Domain) -> str:
    return ", ".join(sp.sstr(c) for c in domain.conditions()) or "(no assumptions)"


log_quotient_split = Rule(
    "log-quotient-split",
    "log(a/b) -> log(a) - log(b)  if a>0, b>0  (in any base)",
    _split_quotient,
    requires=("a > 0", "b > 0"),
    prose="Split the logarithm of each quotient into a difference of logarithms.",
)

RULES = (log_quotient_split,)
