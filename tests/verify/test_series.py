"""Infinite series written the way people shift them, and hyperbolic functions: proved, refuted, evaluated."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Domain, Status, check_equal
from derive.verify.quadrature import aggregate, reciprocal_gammas

lam = sp.Symbol("lambda")
x, t = sp.Symbol("x", integer=True), sp.Symbol("t", integer=True)
r = sp.Symbol("r", real=True)
POSITIVE = Domain(((lam, sp.Interval.open(0, sp.oo)),))
MASS = sp.exp(-lam) * lam**x / sp.factorial(x)
SHIFTED = sp.exp(-lam) * lam ** (x - 1) / sp.factorial(x - 1)  # its x = 0 term is 0: 1/(-1)! = 1/Gamma(0) = 0
oo = sp.oo

#: (left, right, domain, verdict)
SERIES = [
    (sp.Sum(MASS, (x, 0, oo)), sp.Integer(1), POSITIVE, Status.PROVED),
    (sp.Sum(x * MASS, (x, 0, oo)), lam, POSITIVE, Status.PROVED),
    (sp.Sum(lam * SHIFTED, (x, 0, oo)), lam, POSITIVE, Status.PROVED),
    (sp.Sum(SHIFTED, (x, 0, oo)), sp.Sum(MASS.xreplace({x: t}), (t, 0, oo)), POSITIVE, Status.PROVED),
    (sp.Sum(SHIFTED, (x, 0, oo)), sp.Integer(2), POSITIVE, Status.REFUTED),  # the sum is 1
    (sp.Sum(x * MASS, (x, 0, oo)), lam + 1, POSITIVE, Status.REFUTED),
    (sp.tanh(r), (sp.exp(r) - sp.exp(-r)) / (sp.exp(r) + sp.exp(-r)), Domain(), Status.PROVED),
    (sp.tanh(r), 2 / (1 + sp.exp(-2 * r)) - 1, Domain(), Status.PROVED),
    (sp.cosh(r) ** 2 - sp.sinh(r) ** 2, sp.Integer(1), Domain(), Status.PROVED),
    (sp.cosh(r) ** 2 + sp.sinh(r) ** 2, sp.Integer(1), Domain(), Status.REFUTED),
    (sp.tanh(lam), 1 - sp.exp(-lam), POSITIVE, Status.REFUTED),
]


@pytest.mark.parametrize(("left", "right", "domain", "verdict"), SERIES, ids=[str(i) for i in range(len(SERIES))])
def test_series_and_hyperbolic_functions(left: sp.Expr, right: sp.Expr, domain: Domain, verdict: Status) -> None:
    found = check_equal(left, right, domain)
    assert found.status is verdict, found


#: (a sum's body in k, the value of the sum over k = 0, 1, ...)
BODIES = [
    (1 / sp.factorial(x - 1), sp.E),  # the k = 0 term is 0
    (2 / sp.factorial(x - 2), 2 * sp.E),  # the k = 0, 1 terms are 0
    (1 / sp.gamma(x), sp.E),
    (1 / sp.factorial(x), sp.E),
]


@pytest.mark.parametrize(("body", "value"), BODIES, ids=[str(b) for b, _ in BODIES])
def test_reciprocal_factorials_vanish_at_their_poles(body: sp.Expr, value: sp.Expr) -> None:
    found = aggregate(sp.Sum(body, (x, 0, oo)))
    assert found is not None and abs(found[0] - value.evalf(30)) <= found[1] + sp.Float(1e-25)


def test_only_reciprocals_of_factorials_are_rewritten() -> None:
    assert reciprocal_gammas(sp.factorial(x)) == sp.factorial(x)  # a factorial itself keeps its poles
    assert reciprocal_gammas(x / sp.factorial(x - 1)).has(sp.Function("rgamma"))
