"""Rules on logarithms, each guarded by the positivity it needs: split a quotient, combine a difference, ..."""

from __future__ import annotations

import sympy as sp

from derive.core import Refusal, Rewrite, Rule
from derive.core.domain import Domain
from derive.core.functions import base_of, log_in
from derive.core.terms import add, factors_of, is_negative_term, mul, neg, quotient, sub, terms_of
from derive.distributions.semantics import denote, plain
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


# -- combine-logs ------------------------------------------------------------------------------------------

def _log_term(term: sp.Basic) -> tuple[int, list[sp.Basic], sp.Basic] | None:
    """``(sign, other factors, logarithm)`` of a term with exactly one logarithm among its factors."""
    sign, body = (-1, neg(term)) if is_negative_term(term) else (1, term)
    factors = factors_of(body)
    logs = [f for f in factors if base_of(f) is not None]
    if len(logs) != 1:
        return None
    return sign, [f for f in factors if f is not logs[0]], logs[0]


def _cancel_common(top: list[sp.Basic], bottom: list[sp.Basic]) -> tuple[list[sp.Basic], list[sp.Basic]]:
    """The factors of ``top`` and ``bottom`` less those they share (``sigma_2 sqrt(2 pi) / (sigma_1 sqrt(2 pi))``)."""
    top, bottom = list(top), list(bottom)
    for f in list(bottom):
        if f in top:
            top.remove(f)
            bottom.remove(f)
    return top, bottom


def _combine_logs(expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
    if not isinstance(expr, sp.Add):
        return None
    terms = terms_of(expr)
    groups: dict[tuple, list[int]] = {}
    found = {k: t for k, t in ((k, _log_term(term)) for k, term in enumerate(terms)) if t is not None}
    for k, (_, rest, log) in found.items():
        groups.setdefault((plain(mul(*rest)), base_of(log)), []).append(k)
    out: dict[int, sp.Basic] = {}
    dropped: set[int] = set()
    conditions: list[sp.Basic] = []
    for (_, base), members in groups.items():
        if len({found[k][0] for k in members}) != 2:
            continue  # a difference is needed: log(a) - log(b)
        for k in members:
            arg = found[k][2].args[0]
            if not is_positive(denote(arg), domain):
                return Refusal(f"cannot prove {sp.sstr(arg)} > 0 on the domain {_show(domain)}")
            conditions.append(sp.StrictGreaterThan(arg, 0, evaluate=False))
        top, bottom = _cancel_common(*([f for k in members if found[k][0] == s for f in factors_of(found[k][2].args[0])]
                                       for s in (1, -1)))
        if not top and not bottom:
            continue
        argument = quotient(mul(*top), mul(*bottom)) if bottom else mul(*top)
        rest = found[members[0]][1]
        out[members[0]] = mul(*(f for f in rest if not _denominator(f)), log_in(argument, base),
                              *(f for f in rest if _denominator(f)))
        dropped.update(members[1:])
    if not out:
        return None
    kept = [out.get(k, term) for k, term in enumerate(terms) if k not in dropped]
    return Rewrite(add(*kept), tuple(dict.fromkeys(conditions)))


def _denominator(f: sp.Basic) -> bool:
    return isinstance(f, sp.Pow) and f.exp.is_Number and f.exp < 0


combine_logs = Rule(
    "combine-logs",
    "log(a) - log(b) -> log(a/b)  if a>0, b>0  (with the same coefficient; common factors of a and b cancelled)",
    _combine_logs,
    requires=("a > 0", "b > 0"),
    prose="Combine the difference of logarithms into the logarithm of a quotient.",
)


# -- absorb-constant -----------------------------------------------------------------------------------------

def _absorb_constant(expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
    if not isinstance(expr, sp.Add):
        return None
    terms = terms_of(expr)
    logs = [(k, _log_term(t)) for k, t in enumerate(terms) if t.free_symbols]
    constants = [t for t in terms if not t.free_symbols]
    if len(logs) != 1 or logs[0][1] is None or not constants:
        return None
    k, (sign, rest, log) = logs[0]
    c = sp.Add(*(plain(t) for t in constants)) / plain(mul(*rest))
    if sign != 1 or not c.is_Rational or any(f.free_symbols for f in rest):
        return None
    a = log.args[0]
    if not is_positive(denote(a), domain):
        return Refusal(f"cannot prove {sp.sstr(a)} > 0 on the domain {_show(domain)}")
    absorbed = mul(*(_with_e(factors_of(a), c)))
    term = mul(*(f for f in rest if not _denominator(f)), log_in(absorbed, base_of(log)),
               *(f for f in rest if _denominator(f)))
    return Rewrite(term, (sp.StrictGreaterThan(a, 0, evaluate=False),))


def _with_e(factors: tuple[sp.Basic, ...], c: sp.Rational) -> list[sp.Basic]:
    """``factors`` times ``e^c``: inside a square root of numbers when ``c = 1/2`` (``sqrt(2 pi e)``), else last."""
    roots = [i for i, f in enumerate(factors) if isinstance(f, sp.Pow) and f.exp == sp.Rational(1, 2)
             and not f.base.free_symbols]
    if c == sp.Rational(1, 2) and roots:
        i = roots[0]
        merged = sp.Pow(mul(*factors_of(factors[i].base), sp.E), sp.Rational(1, 2), evaluate=False)
        return [*factors[:i], merged, *factors[i + 1:]]
    return [*factors, sp.E if c == 1 else sp.Pow(sp.E, c, evaluate=False)]


absorb_constant = Rule(
    "absorb-constant",
    "log(a) + c -> log(a*e^c)  if a>0  (c a number)",
    _absorb_constant,
    requires=("a > 0",),
    scope="root",
    prose="Write the constant as a logarithm and combine: c = log(e^c).",
)

RULES = (log_quotient_split, log_of_one, quotient_of_equals, flip_log_quotient, combine_logs, absorb_constant)
