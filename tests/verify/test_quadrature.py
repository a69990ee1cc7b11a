"""derive.verify.quadrature: integrals and sums as numbers with an error bound that covers the true error, ``None``
for what cannot be evaluated; the kinks a quadrature splits at; reciprocal factorials as entire functions."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.verify.quadrature import MAX_TERMS, aggregate, kinks, reciprocal_gammas

x = sp.Symbol("x", real=True)
k = sp.Symbol("k", integer=True)
y = sp.Symbol("y")
oo = sp.oo
RGAMMA = sp.Function("rgamma")
HALF, THIRD = sp.Rational(1, 2), sp.Rational(1, 3)
#: The integral the module's docstring names: its true error was far above mpmath's own estimate.
BETA_LOG = sp.Integral(x ** sp.Rational(-1, 4) * (1 - x) ** sp.Rational(4, 3) * sp.log(x), (x, 0, 1))
BETA_LOG_VALUE = sp.beta(sp.Rational(3, 4), sp.Rational(7, 3)) * (
    sp.digamma(sp.Rational(3, 4)) - sp.digamma(sp.Rational(3, 4) + sp.Rational(7, 3)))

#: (integral or sum, its exact value)
VALUES = [
    (sp.Integral(x**2, (x, 0, 1)), THIRD),
    (sp.Integral(sp.exp(-x**2), (x, -oo, oo)), sp.sqrt(sp.pi)),
    (sp.Integral(sp.Abs(x - THIRD), (x, 0, 1)), sp.Rational(5, 18)),  # a kink inside: split there
    (sp.Integral(sp.Max(x, 1 - x), (x, 0, 1)), sp.Rational(3, 4)),
    (sp.Integral(sp.Heaviside(x - HALF), (x, 0, 1)), HALF),
    (sp.Integral(x ** -HALF, (x, 0, 1)), sp.Integer(2)),  # an endpoint singularity: the precise path
    (sp.Integral(sp.log(x), (x, 0, 1)), sp.Integer(-1)),
    (BETA_LOG, BETA_LOG_VALUE),
    (sp.Sum(k, (k, 1, 10)), sp.Integer(55)),
    (sp.Sum(1 / sp.factorial(k), (k, 0, oo)), sp.E),
    (sp.Sum(HALF**k, (k, 0, oo)), sp.Integer(2)),
    (sp.Sum(k**2 / 2**k, (k, 1, oo)), sp.Integer(6)),  # a polynomial times a geometric mass
    (sp.Sum(k, (k, 5, 1)), sp.Integer(0)),  # no terms: 0, never Karr's -(2 + 3 + 4)
]


@pytest.mark.parametrize(("aggregate_", "exact"), VALUES, ids=[sp.sstr(a) for a, _ in VALUES])
def test_aggregate_bounds_its_true_error(aggregate_: sp.Basic, exact: sp.Basic) -> None:
    found = aggregate(aggregate_)
    assert found is not None, aggregate_
    value, error = found
    assert value.is_Number and isinstance(error, sp.Float)
    assert 0 < error < 1e-9 * max(1, abs(value)), found  # floored above 0, yet tight
    assert abs(value - exact.evalf(50)) <= error, (found, exact.evalf(30))


#: Integrals and sums that are no one number, or that cannot be evaluated safely.
UNEVALUATED = [
    sp.Integral(x * y, (x, 0, 1)),  # a free symbol in the body
    sp.Integral(x, (x, 0, y)),  # a symbolic limit
    sp.Integral(x, x),  # no limits
    sp.Integral(x * k, (x, 0, 1), (k, 0, 1)),  # two variables
    sp.Integral(sp.sqrt(x - 2), (x, 0, 1)),  # complex values
    sp.Integral(1 / x, (x, -1, 1)),  # a pole inside
    sp.Sum(1 / k, (k, 1, oo)),  # divergent: its terms never shrink geometrically
    sp.Sum(k, (k, HALF, 3)),  # a lower limit that is no integer
    sp.Sum(k, (k, 0, MAX_TERMS + 10)),  # more terms than evaluated
    sp.Sum(k, (k, 1, y)),
    sp.Sum(k, (k, -oo, 0)),
]


@pytest.mark.parametrize("aggregate_", UNEVALUATED, ids=[sp.sstr(a) for a in UNEVALUATED])
def test_aggregate_answers_none(aggregate_: sp.Basic) -> None:
    assert aggregate(aggregate_) is None


@pytest.mark.parametrize(("body", "expected"), [
    (sp.Abs(x - 1) + sp.Abs(2 * x + 1), {sp.Integer(1), -HALF}),
    (sp.sign(x - 3) * sp.Heaviside(x), {sp.Integer(0), sp.Integer(3)}),
    (sp.Max(x, 2) + sp.Min(x, 5), {sp.Integer(2), sp.Integer(5)}),
    (sp.Abs(x**2 - 1), set()),  # not linear in x
    (sp.Abs(y - x), set()),  # the switch point is no number
    (sp.Abs(x - sp.I), set()),  # nor real
    (x**2 + sp.exp(x), set()),
], ids=["abs", "sign-heaviside", "max-min", "quadratic", "symbolic", "complex", "smooth"])
def test_kinks(body: sp.Expr, expected: set) -> None:
    assert kinks(body, x) == expected


@pytest.mark.parametrize(("body", "expected"), [
    (1 / sp.gamma(k), RGAMMA(k)),
    (1 / sp.factorial(k + 1), RGAMMA(k + 2)),  # 1/n! = 1/Gamma(n + 1)
    (sp.factorial(k) ** -2, RGAMMA(k + 1) ** 2),
    (sp.gamma(k), sp.gamma(k)),  # the gamma function itself keeps its poles
    (1 / k, 1 / k),
], ids=["1/gamma", "1/(k+1)!", "1/k!^2", "gamma", "1/k"])
def test_reciprocal_gammas(body: sp.Expr, expected: sp.Expr) -> None:
    assert reciprocal_gammas(body) == expected
