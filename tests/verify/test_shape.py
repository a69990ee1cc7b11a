"""derive.verify.shape: the zero test by shape says True only for identities, False for a difference that does not
cancel, None for anything outside sums, products, powers and logarithms of the domain's symbols."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from derive import Domain
from derive.core.group import Group
from derive.distributions.measures import KL, Entropy, Prob
from derive.verify.shape import NormalForms, Unsupported, expands_to_zero, normal_forms, split_bounded_logs
from tests.helpers import DOMAIN, P, Q, p, q

H, T = P.outcomes
x, y, z = sp.symbols("x y z")
log = sp.log
POSITIVE = Domain(((x, sp.Interval.open(0, sp.oo)), (y, sp.Interval.open(0, sp.oo))))
OPEN_UNIT = Domain(((x, sp.Interval.open(0, 1)),))
CLOSED_UNIT = Domain(((x, sp.Interval(0, 1)),))
REALS = Domain(((x, sp.Interval(-sp.oo, sp.oo)),))
#: x/x as written (SymPy would cancel it to 1 before the test sees it).
X_OVER_X = sp.Mul(x, sp.Pow(x, -1, evaluate=False), evaluate=False)

#: (domain, a, b, what NormalForms.equal says)
EQUALS = [
    (DOMAIN, p * log(p / q), p * log(p) - p * log(q), True),
    (DOMAIN, (1 - p) * log((1 - p) / (1 - q)), (1 - p) * log(1 - p) - (1 - p) * log(1 - q), True),
    (DOMAIN, p * log(p / q), p * log(p) + p * log(q), False),
    (DOMAIN, (p + q) ** 2, p**2 + 2 * p * q + q**2, True),
    (DOMAIN, (p + q) ** 2, p**2 + q**2, False),
    (DOMAIN, log(p * q), log(p) + log(q), True),
    (DOMAIN, log(p + q), log(p) + log(q), False),  # a sum is no product: the logarithm stays whole
    (DOMAIN, KL(P, Q), p * log(p / q) + (1 - p) * log((1 - p) / (1 - q)), True),  # a measure, by its definition
    (DOMAIN, Entropy(P), -p * log(p) - (1 - p) * log(1 - p), True),
    (DOMAIN, Prob(P, H) + Prob(P, T), sp.Integer(1), True),  # probabilities by their values
    (DOMAIN, Group(p + q, "Term 1"), q + p, True),  # a labelled group by its content
    (DOMAIN, sp.pi * p, p * sp.pi, True),
    (DOMAIN, sp.Float(0.5) * p, p / 2, None),  # floats, other functions, unknown symbols, binders: not by shape
    (DOMAIN, sp.sin(p), sp.sin(p), None),
    (DOMAIN, sp.exp(p), sp.exp(p), None),
    (DOMAIN, z, z, None),
    (DOMAIN, sp.Integral(p, (x, 0, 1)), p, None),
    (OPEN_UNIT, sp.Indexed("a", z), sp.Indexed("a", z), None),
    (POSITIVE, log(x**2), 2 * log(x), True),
    (POSITIVE, log(x / y), log(x) - log(y), True),
    (POSITIVE, (x + y) ** 3, x**3 + 3 * x**2 * y + 3 * x * y**2 + y**3, True),
    (REALS, log(x**2), 2 * log(x), None),  # x may be negative: never split
    (OPEN_UNIT, X_OVER_X, sp.Integer(1), True),
    (CLOSED_UNIT, X_OVER_X, sp.Integer(1), None),  # x may be 0: undefined there, left to the general path
    (CLOSED_UNIT, log(x), log(x), None),
]


@pytest.mark.parametrize(("domain", "a", "b", "expected"), EQUALS, ids=[f"{k}:{sp.sstr(a)}" for k, (_, a, _, _)
                                                                       in enumerate(EQUALS)])
def test_equal(domain: Domain, a: sp.Basic, b: sp.Basic, expected: bool | None) -> None:
    assert normal_forms(domain).equal(a, b) is expected


def test_a_template_is_never_shared_across_bounds() -> None:
    """``log(x^2) = 2 log(x)`` holds for x > 0; the same shape in a negative y must not reuse its expansion."""
    t = sp.Symbol("t")
    forms = normal_forms(Domain(((x, sp.Interval.open(0, 1)), (t, sp.Interval.open(-1, 0)))))
    assert forms.equal(log(x**2), 2 * log(x)) is True
    assert forms.equal(log(t**2), 2 * log(t)) is not True


def test_equal_domains_share_one_table() -> None:
    assert normal_forms(DOMAIN) is normal_forms(P.domain.merge(Q.domain))
    assert normal_forms(DOMAIN) is NormalForms.of(DOMAIN)
    assert normal_forms(DOMAIN) is not normal_forms(POSITIVE)


@pytest.mark.parametrize(("expr", "expected"), [
    (sp.Integer(0), {}),
    (p / 2 + q / 3, {frozenset({(p, ("n", 1, 1))}): Fraction(1, 2), frozenset({(q, ("n", 1, 1))}): Fraction(1, 3)}),
    (sp.Rational(1, 2) * (p + q), {frozenset({(p, ("n", 1, 1))}): Fraction(1, 2),
                                   frozenset({(q, ("n", 1, 1))}): Fraction(1, 2)}),
    (p * log(p / q), {frozenset({(p, ("n", 1, 1)), (("log", p), ("n", 1, 1))}): 1,
                      frozenset({(p, ("n", 1, 1)), (("log", q), ("n", 1, 1))}): -1}),
], ids=["zero", "rational-coefficients", "scaled-sum", "split-log"])
def test_form(expr: sp.Basic, expected: dict) -> None:
    forms = normal_forms(DOMAIN)
    assert forms.form(expr) == expected
    assert forms.form(expr) is forms.form(expr)  # memoised per expression


@pytest.mark.parametrize("expr", [sp.sin(p), p * sp.Symbol("w"), sp.Float(1.5) * p], ids=["sin", "foreign", "float"])
def test_form_raises_unsupported(expr: sp.Basic) -> None:
    with pytest.raises(Unsupported):
        normal_forms(DOMAIN).form(expr)


@pytest.mark.parametrize(("expr", "expected"), [
    (log(p * q), log(p) + log(q)),
    (log(p / q), log(p) - log(q)),
    (log(p**2 * q), 2 * log(p) + log(q)),
    (log(2 * p), log(2) + log(p)),
    (p * log(p / (1 - p)), p * (log(p) - log(1 - p))),
    (log(p + q), log(p + q)),  # a sum: nothing to split
    (log(p * x), log(p * x)),  # x is not in the domain: not known positive
    (log(p), log(p)),
], ids=["pq", "p/q", "p^2 q", "2p", "logit", "sum", "unbounded-factor", "one-factor"])
def test_split_bounded_logs(expr: sp.Basic, expected: sp.Basic) -> None:
    assert split_bounded_logs(expr, DOMAIN) == expected


@pytest.mark.parametrize(("expr", "expected"), [
    (sp.Integer(0), True),
    ((x + 1) ** 2 - x**2 - 2 * x - 1, True),
    (log(x) ** 2 - log(x) * log(x), True),
    (log(x) * (y + 1) - y * log(x) - log(x), True),
    (log(x * y) - log(x) - log(y), False),  # logarithms are unknowns: never split here
    ((x**2 - 1) / (x - 1) - x - 1, False),  # no rational simplification
    (x - y, False),
], ids=["zero", "square", "log-square", "log-times-sum", "log-product", "rational", "x-y"])
def test_expands_to_zero(expr: sp.Basic, expected: bool) -> None:
    assert expands_to_zero(expr) is expected
