"""Rules for the logistic function ``sigma(z) = 1/(1 + e^-z)``: its logarithms, and a form safe to compute."""

from __future__ import annotations

import sympy as sp

from derive.core import Refusal, Rewrite, Rule
from derive.core.domain import Domain
from derive.core.functions import Sigmoid
from derive.core.terms import MINUS_ONE, add, mul
from derive.distributions.semantics import denote


def _softplus(x: sp.Basic) -> sp.Basic:
    """``log(1 + e^x)``, unevaluated."""
    return sp.log(add(sp.Integer(1), sp.exp(x, evaluate=False)), evaluate=False)


def _real(x: sp.Basic, domain: Domain) -> bool:
    """``x`` is proved real on the domain (the identities below fail off the real line: log(-1) = i pi)."""
    return domain.reparametrize(denote(x)).is_real is True


def _log_sigmoid(expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
    if not isinstance(expr, sp.log):
        return None
    arg = expr.args[0]
    if isinstance(arg, Sigmoid):
        z = arg.args[0]
        if not _real(z, domain):
            return Refusal(f"cannot prove {sp.sstr(z)} is real on the domain")
        return Rewrite(mul(MINUS_ONE, _softplus(mul(MINUS_ONE, z))))
    if isinstance(arg, sp.Add) and len(arg.args) == 2 and arg.args[0] == 1 and isinstance(-arg.args[1], Sigmoid):
        z = (-arg.args[1]).args[0]
        if not _real(z, domain):
            return Refusal(f"cannot prove {sp.sstr(z)} is real on the domain")
        return Rewrite(add(mul(MINUS_ONE, z), mul(MINUS_ONE, _softplus(mul(MINUS_ONE, z)))))
    return None


log_sigmoid = Rule(
    "log-sigmoid",
    "log(sigma(z)) -> -log(1 + e^(-z));  log(1 - sigma(z)) -> -z - log(1 + e^(-z))",
    _log_sigmoid,
    prose="Write the logarithms of the logistic function through log(1 + e^(-z)).",
)


def _stable(expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
    if not isinstance(expr, sp.log) or not isinstance(expr.args[0], sp.Add) or len(expr.args[0].args) != 2:
        return None
    one, e = expr.args[0].args
    if one != 1 or not isinstance(e, sp.exp):
        return None
    x = e.args[0]
    if isinstance(-x, sp.Abs) or x.is_nonpositive:  # already stable: the exponent is never positive
        return None
    if not _real(x, domain):  # max(x, 0) and |x| need a real x
        return Refusal(f"cannot prove {sp.sstr(x)} is real on the domain")
    return Rewrite(add(sp.Max(x, 0), _softplus(mul(MINUS_ONE, sp.Abs(x)))))


stable_softplus = Rule(
    "stable-softplus",
    "log(1 + e^x) -> max(x, 0) + log(1 + e^(-|x|))   (no overflow for large |x|)",
    _stable,
    prose="Rewrite log(1 + e^x) so that the exponential never exceeds 1, whatever the sign of x.",
)

def _absorb(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    if not isinstance(expr, sp.Add):
        return None
    terms = list(expr.args)
    for k, m in enumerate(terms):
        if not (isinstance(m, sp.Max) and len(m.args) == 2 and 0 in m.args):
            continue
        inside = next(a for a in m.args if a != 0)
        if -inside in terms:
            j = terms.index(-inside)
            out = [sp.Max(-inside, 0, evaluate=False) if i == min(j, k) else t
                   for i, t in enumerate(terms) if i not in (j, k) or i == min(j, k)]
            return Rewrite(add(*out))
    return None


absorb_into_max = Rule(
    "absorb-into-max",
    "x + max(-x, 0) -> max(x, 0)",
    _absorb,
    scope="root",
    prose="x + max(-x, 0) is max(x, 0).",
)

RULES = (log_sigmoid, stable_softplus, absorb_into_max)
