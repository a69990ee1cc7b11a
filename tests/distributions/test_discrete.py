"""derive.distributions.discrete: the three masses at chosen counts, their logarithms, their facts in numbers,
the binomial's number of trials (a positive integer number, or a symbol taken as one), and refusals.

``tests/distributions/test_families.py`` checks the masses against SciPy and proves each fact; the rows here
are exact values and refusals it does not list.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
import sympy as sp

from derive.distributions.discrete import DISCRETE, Binomial, Geometric, Poisson
from derive.distributions.parametric import K
from derive.errors import InvalidParameter

p, r, n = sp.symbols("p r n")
half, third = sp.Rational(1, 2), sp.Rational(1, 3)
N = sp.Symbol("n", integer=True, positive=True)


def test_the_discrete_families_in_order():
    assert DISCRETE == (Poisson, Geometric, Binomial)
    assert [c.family for c in DISCRETE] == ["poisson", "geometric", "binomial"]
    assert all(c.discrete and c.symbolic(1).variable == K for c in DISCRETE)


@pytest.mark.parametrize("member, count, mass", [
    (Poisson(2), 0, sp.exp(-2)),
    (Poisson(2), 3, 4 * sp.exp(-2) / 3),
    (Poisson(r), 1, r * sp.exp(-r)),
    (Geometric(half), 0, half),
    (Geometric(third), 2, sp.Rational(4, 27)),
    (Geometric(p), 1, p * (1 - p)),
    (Geometric(p), -1, sp.Integer(0)),
    (Binomial(4, half), 2, sp.Rational(3, 8)),
    (Binomial(3, p), 0, (1 - p) ** 3),
    (Binomial(3, p), 3, p ** 3),
    (Binomial(3, p), -1, sp.Integer(0)),
    (Binomial(3, p), 4, sp.Integer(0)),
    (Binomial(n, p), 0, (1 - p) ** N),
], ids=["poisson-zero", "poisson-three", "poisson-symbol", "geometric-zero", "geometric-docstring",
        "geometric-symbol", "geometric-negative", "binomial-half", "binomial-none", "binomial-all",
        "binomial-below", "binomial-above", "binomial-symbolic-trials"])
def test_mass_at_a_count(member, count, mass):
    assert sp.simplify(member.pmf(count) - mass) == 0


@pytest.mark.parametrize("member, log_mass", [
    (Poisson(r), K * sp.log(r) - r - sp.log(sp.factorial(K))),
    (Geometric(p), sp.log(p) + K * sp.log(1 - p)),
    (Binomial(3, p), sp.log(sp.binomial(3, K)) + K * sp.log(p) + (3 - K) * sp.log(1 - p)),
], ids=["poisson", "geometric", "binomial"])
def test_log_mass_is_a_sum_of_simple_terms(member, log_mass):
    got = member.log_pmf(K)
    assert isinstance(got, sp.Add)
    assert sp.expand(got - log_mass) == 0


@pytest.mark.parametrize("member, g, value", [
    (Poisson(3), K, sp.Integer(3)),
    (Poisson(3), K ** 2, sp.Integer(12)),
    (Geometric(sp.Rational(1, 4)), K ** 2, sp.Integer(21)),
    (Geometric(half), K, sp.Integer(1)),
    (Binomial(10, sp.Rational(1, 5)), K, sp.Integer(2)),
    (Binomial(10, sp.Rational(1, 5)), K ** 2, sp.Rational(28, 5)),
    (Binomial(n, p), K, N * p),
], ids=["poisson-mean", "poisson-second", "geometric-second", "geometric-mean", "binomial-mean", "binomial-second",
        "binomial-symbolic-trials"])
def test_facts_in_numbers(member, g, value):
    got, fact = member.expect(g)
    assert sp.simplify(got - value) == 0
    assert fact.name == ("mean" if g == K else "second moment")


@pytest.mark.parametrize("trials, expected", [
    (3, sp.Integer(3)),
    (sp.Integer(1), sp.Integer(1)),
    (np.int64(4), sp.Integer(4)),
    (n, N),
    (sp.Symbol("n", integer=True), N),
    (sp.Symbol("n", positive=True), N),
], ids=["int", "sympy-one", "numpy-int", "plain-symbol", "integer-symbol", "positive-symbol"])
def test_the_number_of_trials(trials, expected):
    member = Binomial(trials, p)
    assert member.n == expected and type(member.n) is type(expected)
    assert member.support == sp.Range(0, expected + 1)


def test_a_symbolic_number_of_trials_gets_a_domain():
    assert Binomial(n, p).domain.intervals == ((N, sp.Interval.open(0, sp.oo)), (p, sp.Interval.open(0, 1)))
    assert Binomial(n, p).func(*Binomial(n, p).args) == Binomial(n, p)


@pytest.mark.parametrize("make, message", [
    (lambda: Binomial(-2, half), "Binomial number of trials must be a positive integer number or a symbol, got -2"),
    (lambda: Binomial(3.0, half), "got 3.0"),
    (lambda: Binomial(sp.Float(3), half), "must be a positive integer number or a symbol"),
    (lambda: Binomial(sp.Rational(5, 2), half), "got 5/2"),
    (lambda: Binomial("3", half), "got '3'"),
    (lambda: Binomial(2 * n, half), "got 2*n"),
    (lambda: Binomial(sp.Symbol("n", nonpositive=True), half), "make it no positive integer"),
    (lambda: Binomial(sp.Symbol("n", zero=True), half), "make it no positive integer"),
    (lambda: Binomial(3, 0), "Binomial success probability must lie in (0, 1), got 0"),
    (lambda: Binomial(3, p, name="3"), "distribution name"),
    (lambda: Poisson(-1), "Poisson rate must lie in (0, oo), got -1"),
    (lambda: Poisson(sp.oo), "Poisson rate must be a SymPy symbol or a number, got oo"),
    (lambda: Geometric(-0.5), "Geometric success probability must lie in (0, 1), got -0.5"),
    (lambda: Geometric(sp.Symbol("q", negative=True)), "declared with assumptions that put it outside"),
    (lambda: Geometric(K), "cannot use k"),
], ids=["negative", "float", "sympy-float", "fraction", "text", "expression", "nonpositive-symbol", "zero-symbol",
        "probability-zero", "bad-name", "negative-rate", "infinite-rate", "negative-probability",
        "negative-symbol", "bound-variable"])
def test_refused(make, message):
    with pytest.raises(InvalidParameter, match=re.escape(message)):
        make()
