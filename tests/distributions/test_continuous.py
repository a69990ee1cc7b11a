"""derive.distributions.continuous: the six densities at chosen points (the ends of their supports included),
their logarithms, their facts in numbers, and parameters they refuse.

``tests/distributions/test_families.py`` checks the densities against SciPy at random points and proves each
fact; the rows here are exact values a reader can check by hand, and refusals it does not list.
"""

from __future__ import annotations

import re

import pytest
import sympy as sp

from derive.distributions.continuous import CONTINUOUS, Beta, Exponential, Gamma, Laplace, Normal, Uniform
from derive.distributions.parametric import X
from derive.errors import InvalidParameter

half = sp.Rational(1, 2)


def test_the_continuous_families_in_order():
    assert CONTINUOUS == (Normal, Exponential, Laplace, Uniform, Gamma, Beta)
    assert [c.family for c in CONTINUOUS] == ["normal", "exponential", "laplace", "uniform", "gamma", "beta"]
    assert all(not c.discrete and c.symbolic(1).variable == X for c in CONTINUOUS)
    assert len({c.notation for c in CONTINUOUS}) == len(CONTINUOUS) and all(c.notation for c in CONTINUOUS)


@pytest.mark.parametrize("member, point, value", [
    (Normal(0, 1), 0, 1 / sp.sqrt(2 * sp.pi)),
    (Normal(1, 2), 1, 1 / (2 * sp.sqrt(2 * sp.pi))),
    (Normal(0, 1), sp.Symbol("x"), sp.sqrt(2) * sp.exp(-sp.Symbol("x") ** 2 / 2) / (2 * sp.sqrt(sp.pi))),
    (Exponential(2), 0, sp.Integer(2)),
    (Exponential(2), half, 2 * sp.exp(-1)),
    (Laplace(1, 2), 1, sp.Rational(1, 4)),
    (Laplace(0, 1), -1, sp.exp(-1) / 2),
    (Laplace(0, 1), 1, sp.exp(-1) / 2),
    (Uniform(0, 4), 0, sp.Rational(1, 4)),
    (Uniform(0, 4), 4, sp.Rational(1, 4)),
    (Uniform(0, 4), 5, sp.Integer(0)),
    (Uniform(-1, 1), 0, half),
    (Gamma(2, 1), 0, sp.Integer(0)),
    (Gamma(2, 1), 1, sp.exp(-1)),
    (Gamma(1, 3), 0.5, 3 * sp.exp(-sp.Rational(3, 2))),
    (Beta(2, 2), 0, sp.Integer(0)),
    (Beta(2, 2), 1, sp.Integer(0)),
    (Beta(2, 2), half, sp.Rational(3, 2)),
    (Beta(1, 1), sp.Rational(1, 3), sp.Integer(1)),
], ids=["normal-mode", "normal-shifted", "normal-docstring", "exponential-closed-end", "exponential-half",
        "laplace-peak", "laplace-left", "laplace-right", "uniform-low-end", "uniform-high-end", "uniform-outside",
        "uniform-symmetric", "gamma-open-end", "gamma-one", "gamma-float", "beta-open-low", "beta-open-high",
        "beta-middle", "beta-flat"])
def test_density_at_a_point(member, point, value):
    got = member.pmf(point)
    if isinstance(point, float):  # the density at a float is a float
        assert float(got) == pytest.approx(float(value), rel=1e-12)
    else:
        assert sp.simplify(got - value) == 0


lo, hi, mu, b, r, a = sp.symbols("lo hi mu b r a")


@pytest.mark.parametrize("member, log_density", [
    (Exponential(r), sp.log(r) - r * X),
    (Laplace(mu, b), -sp.log(2) - sp.log(b) - sp.Abs(X - mu) / b),
    (Uniform(lo, hi), -sp.log(hi - lo)),
    (Gamma(a, r), a * sp.log(r) + (a - 1) * sp.log(X) - r * X - sp.log(sp.gamma(a))),
    (Normal(mu, b), -(X - mu) ** 2 / (2 * b ** 2) - sp.log(b) - sp.log(2 * sp.pi) / 2),
], ids=["exponential", "laplace", "uniform", "gamma", "normal"])
def test_log_density_is_a_sum_of_simple_terms(member, log_density):
    got = member.log_pmf(X)
    assert not got.has(sp.exp), "the logarithm of each factor is taken"
    assert sp.expand(sp.expand_log(got - log_density, force=True)) == 0


FACT_NAMES = [
    (Normal, ["mean", "second moment", "mean distance to c", "exponential moment"]),
    (Exponential, ["mean", "second moment", "mean log", "moment of order c"]),
    (Laplace, ["mean", "second moment", "mean absolute deviation", "mean distance to c"]),
    (Uniform, ["mean", "second moment"]),
    (Gamma, ["mean", "second moment", "mean log", "moment of order c"]),
    (Beta, ["mean", "second moment", "mean log", "mean log of complement"]),
]


@pytest.mark.parametrize("cls, names", FACT_NAMES, ids=[c.family for c, _ in FACT_NAMES])
def test_each_family_states_its_facts(cls, names):
    assert [fact.name for fact in cls.symbolic(1).moments] == names


@pytest.mark.parametrize("member, g, value", [
    (Uniform(0, 2), X, sp.Integer(1)),
    (Uniform(0, 3), X ** 2, sp.Integer(3)),
    (Gamma(3, 2), X, sp.Rational(3, 2)),
    (Gamma(1, 1), sp.log(X), -sp.EulerGamma),
    (Beta(2, 3), X, sp.Rational(2, 5)),
    (Beta(1, 1), X ** 2, sp.Rational(1, 3)),
    (Laplace(1, 2), X ** 2, sp.Integer(9)),
    (Laplace(0, 1), sp.Abs(X), sp.Integer(1)),
    (Exponential(half), X ** 2, sp.Integer(8)),
    (Normal(3, 2), X ** 2, sp.Integer(13)),
], ids=["uniform-mean", "uniform-second", "gamma-mean", "gamma-log", "beta-mean", "beta-second", "laplace-second",
        "laplace-deviation", "exponential-second", "normal-second"])
def test_facts_in_numbers(member, g, value):
    got, _ = member.expect(g)
    assert sp.simplify(got - value) == 0


@pytest.mark.parametrize("make, message", [
    (lambda: Normal(0, sp.oo), "Normal scale sigma must be a SymPy symbol or a number, got oo"),
    (lambda: Laplace(sp.nan, 1), "Laplace location must be a SymPy symbol or a number, got nan"),
    (lambda: Gamma(sp.Symbol("a", negative=True), 1), "Gamma concentration a is declared with assumptions"),
    (lambda: Beta(0.0, 1), "Beta concentration a must lie in (0, oo), got 0.0"),
    (lambda: Beta(1, -1), "Beta concentration b must lie in (0, oo), got -1"),
    (lambda: Exponential(1, name="P Q"), "distribution name"),
    (lambda: Uniform(lo, lo), "Uniform parameters must be distinct symbols"),
    (lambda: Uniform(half, 0.5), "Uniform needs low < high, got low = 1/2, high = 1/2"),
    (lambda: Uniform(0, sp.oo), "Uniform upper end must be a SymPy symbol or a number, got oo"),
    (lambda: Uniform(0, sp.Symbol("v", nonpositive=True)), "Uniform end v is declared with assumptions outside"),
    (lambda: Uniform(sp.Symbol("u", nonnegative=True), 0), "Uniform end u is declared with assumptions outside"),
], ids=["infinite-scale", "nan-location", "negative-concentration", "zero-float", "negative-b", "bad-name",
        "same-ends", "equal-numbers", "infinite-end", "nonpositive-high", "nonnegative-low"])
def test_refused(make, message):
    with pytest.raises(InvalidParameter, match=re.escape(message)):
        make()


def test_a_uniform_with_an_expression_end_has_no_interval_of_its_own():
    assert Uniform(lo, lo + 1).domain.intervals == () and Uniform(lo, lo + 1).domain.constraints == ()
    assert Uniform(lo, lo + 1).support == sp.Interval(lo, lo + 1)
