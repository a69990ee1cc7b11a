"""Rules on logarithms, each guarded by the positivity it needs."""

from __future__ import annotations

import sympy as sp

from derive.core import Refusal, Rewrite, Rule
from derive.core.domain import Domain
from derive.core.functions import base_of, log_in
from derive.core.terms import factors_of, mul, quotient, sub
from derive.distributions.semantics import denote
from derive.verify.signs import is_positive


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
        if not is_positive(denote(side), domain):
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

def _log_of_one(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    return Rewrite(sp.Integer(0)) if base_of(expr) is not None and expr.args[0] == 1 else None


log_of_one = Rule(
    "log-of-one",
    "log(1) -> 0  (in any base)",
    _log_of_one,
    prose="The logarithm of 1 is 0.",
)


def _quotient_of_equals(expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
    if base_of(expr) is None or not isinstance(expr.args[0], sp.Mul):
        return None
    factors = factors_of(expr.args[0])
    if len(factors) != 2 or not (isinstance(factors[1], sp.Pow) and factors[1].exp == -1):
        return None
    a, b = factors[0], factors[1].base
    if a != b:
        return None
    if not is_positive(denote(a), domain):
        return Refusal(f"cannot prove {sp.sstr(a)} != 0 on the domain")
    return Rewrite(log_in(sp.Integer(1), base_of(expr)), (sp.Ne(a, 0, evaluate=False),))


quotient_of_equals = Rule(
    "quotient-of-equals",
    "log(a/a) -> log(1)  if a != 0",
    _quotient_of_equals,
    requires=("a != 0",),
    prose="A probability divided by itself is 1.",
)


def _flip_quotient(expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
    base = base_of(expr)
    if base is None or not isinstance(expr.args[0], sp.Mul):
        return None
    factors = factors_of(expr.args[0])
    den = [f.base for f in factors if isinstance(f, sp.Pow) and f.exp == -1]
    num = [f for f in factors if not (isinstance(f, sp.Pow) and f.exp == -1)]
    if len(den) != 1 or not num:
        return None
    conditions = []
    for side in (mul(*num), den[0]):  # log(z) = -log(1/z) fails where z is negative (log(-1) = i pi)
        if not is_positive(denote(side), domain):
            return Refusal(f"cannot prove {sp.sstr(side)} > 0 on the domain {_show(domain)}")
        conditions.append(sp.StrictGreaterThan(side, 0, evaluate=False))
    return Rewrite(mul(sp.Integer(-1), log_in(quotient(den[0], mul(*num)), base)), tuple(conditions))


flip_log_quotient = Rule(
    "flip-log-quotient",
    "log(a/b) -> -log(b/a)  if a>0, b>0",
    _flip_quotient,
    requires=("a > 0", "b > 0"),
    prose="Turn each quotient upside down, which flips the sign of its logarithm.",
)

RULES = (log_quotient_split, log_of_one, quotient_of_equals, flip_log_quotient)
