"""derive.distributions.parametric: symbolic members (``symbolic(index, name)`` and the families' ``letters``),
the parameter check, and what every family answers through the base class (pmf at numbers, bounds, facts).

``tests/distributions/test_families.py`` checks each family's parameters, densities and facts; the rows here
are the shared machinery.
"""

from __future__ import annotations

import re

import pytest
import sympy as sp
from sympy.core.symbol import Str

from derive.distributions.bernoulli import Bernoulli
from derive.distributions.families import (FAMILIES, Beta, Binomial, Exponential, Gamma, Geometric, Laplace, Normal,
                                           Poisson, Uniform)
from derive.distributions.parametric import C, POSITIVE, REAL, UNIT, K, Parametric, X, parameter
from derive.errors import InvalidParameter

r, mu, sigma = sp.symbols("r mu sigma")


# -- symbolic members and letters ------------------------------------------------------------------------

#: (family, index, name, the parameters' names)
SYMBOLIC = [
    (Normal, 1, "P", ("mu_1", "sigma_1")),
    (Exponential, 2, "Q", ("lambda_2",)),
    (Laplace, 1, "P", ("mu_1", "b_1")),
    (Uniform, 3, "R", ("a_3", "b_3")),
    (Gamma, 1, "P", ("alpha_1", "lambda_1")),
    (Beta, 2, "Q", ("a_2", "b_2")),
    (Poisson, 1, "P", ("lambda_1",)),
    (Geometric, 0, "P", ("p_0",)),
    (Binomial, 2, "Q2", ("n_2", "p_2")),
]


@pytest.mark.parametrize("cls, index, name, letters", SYMBOLIC, ids=[c.family for c, *_ in SYMBOLIC])
def test_symbolic_numbers_the_family_letters(cls, index, name, letters):
    member = cls.symbolic(index, name)
    assert isinstance(member, cls) and member.name == name
    assert tuple(str(v) for v in member.params) == letters
    assert all(isinstance(v, sp.Symbol) for v in member.params)
    assert member == cls(*(sp.Symbol(s) for s in letters), name=name)


def test_symbolic_is_named_p_by_default():
    assert Normal.symbolic(1) == Normal(sp.Symbol("mu_1"), sp.Symbol("sigma_1"), name="P")


def test_symbolic_members_with_other_indices_share_no_parameter():
    for cls in FAMILIES:
        first, second = cls.symbolic(1), cls.symbolic(2, "Q")
        assert not set(first.params) & set(second.params), cls.family
        assert first.domain.merge(second.domain).symbols  # one domain for the pair, no clash


def test_a_symbolic_binomial_counts_its_trials_with_a_positive_integer():
    n = Binomial.symbolic(1).n
    assert n.is_integer and n.is_positive


@pytest.mark.parametrize("name", ["1P", "P_1", ""], ids=["digit-first", "underscore", "empty"])
def test_symbolic_refuses_a_bad_name(name):
    with pytest.raises(InvalidParameter, match="distribution name"):
        Normal.symbolic(1, name)


LETTERS = [
    (Normal, {}), (Exponential, {"rate": "lambda"}), (Laplace, {"loc": "mu", "scale": "b"}),
    (Uniform, {"low": "a", "high": "b"}), (Gamma, {"concentration": "alpha", "rate": "lambda"}), (Beta, {}),
    (Poisson, {"rate": "lambda"}), (Geometric, {}), (Binomial, {}),
]


@pytest.mark.parametrize("cls, letters", LETTERS, ids=[c.family for c, _ in LETTERS])
def test_letters_rename_only_attributes_the_family_has(cls, letters):
    assert cls.letters == letters
    attributes = [a for a, _, _ in cls.parameters]
    assert set(cls.letters) <= set(attributes)
    assert all(getattr(cls.symbolic(1), a) == sp.Symbol(f"{cls.letters.get(a, a)}_1") for a in attributes
               if cls is not Binomial)


# -- the parameter check -----------------------------------------------------------------------------------

@pytest.mark.parametrize("value, interval, expected", [
    (sp.Rational(1, 2), UNIT, sp.Rational(1, 2)),
    (0.5, UNIT, sp.Rational(1, 2)),
    (3, POSITIVE, sp.Integer(3)),
    (-3, REAL, sp.Integer(-3)),
    (sp.Symbol("t"), UNIT, sp.Symbol("t")),
    (2 * sp.Symbol("t", positive=True), POSITIVE, 2 * sp.Symbol("t", positive=True)),
    (sp.Symbol("t") + 1, UNIT, sp.Symbol("t") + 1),
], ids=["rational", "float", "integer", "negative-real", "symbol", "positive-expression", "expression"])
def test_parameter_accepts(value, interval, expected):
    assert parameter(value, "the value", interval) == expected


@pytest.mark.parametrize("value, interval, message", [
    (0, UNIT, "the value must lie in (0, 1), got 0"),
    (1, UNIT, "the value must lie in (0, 1), got 1"),
    (0, POSITIVE, "the value must lie in (0, oo), got 0"),
    (0.0, POSITIVE, "must lie in (0, oo)"),
    (sp.oo, REAL, "must be a SymPy symbol or a number, got oo"),
    (float("nan"), REAL, "must be a finite number"),
    (sp.Symbol("t", negative=True), POSITIVE, "is declared with assumptions that put it outside"),
    (-sp.Symbol("t", positive=True), UNIT, "is declared with assumptions that put it outside"),
    ("1/2", UNIT, "got str"),
    (None, REAL, "got NoneType"),
], ids=["zero-in-unit", "one-in-unit", "zero-in-positive", "float-zero", "infinity", "nan", "negative-symbol",
        "negative-expression", "string", "none"])
def test_parameter_refuses_numbers_on_the_ends_and_outside(value, interval, message):
    with pytest.raises(InvalidParameter, match=re.escape(message)):
        parameter(value, "the value", interval)


# -- what every family answers through the base class ---------------------------------------------------------

@pytest.mark.parametrize("member, point, value", [
    (Exponential(1), 0, sp.Integer(1)),
    (Exponential(1), -1, sp.Integer(0)),
    (Exponential(1), -1.5, sp.Integer(0)),
    (Exponential(2), sp.Rational(1, 2), 2 * sp.exp(-1)),
    (Exponential(1), sp.Symbol("y"), sp.exp(-sp.Symbol("y"))),
    (Exponential(1), -sp.Symbol("y", positive=True), sp.exp(sp.Symbol("y", positive=True))),
    (Poisson(2), 1.5, sp.Integer(0)),
    (Poisson(2), -1, sp.Integer(0)),
], ids=["int-on-the-closed-end", "int-outside", "float-outside", "rational", "symbol-no-support-check",
        "expression-no-support-check", "float-between-integers", "negative-count"])
def test_pmf_at_a_point(member, point, value):
    assert member.pmf(point) == value


@pytest.mark.parametrize("point", [True, "1", Str("1"), None, [1]], ids=["bool", "text", "str-node", "none", "list"])
def test_pmf_refuses_what_is_no_point_with_a_key_error(point):
    with pytest.raises(KeyError):
        Exponential(1).pmf(point)


@pytest.mark.parametrize("member, bounds", [
    (Normal(mu, sigma), (-sp.oo, sp.oo)),
    (Exponential(r), (0, sp.oo)),
    (Uniform(-1, 3), (-1, 3)),
    (Beta(2, 3), (0, 1)),
    (Poisson(r), (0, sp.oo)),
    (Binomial(5, sp.Rational(1, 2)), (0, 5)),
    (Binomial.symbolic(1), (0, sp.Symbol("n_1", integer=True, positive=True))),
], ids=["normal", "exponential", "uniform", "beta", "poisson", "binomial", "symbolic-binomial"])
def test_bounds_are_the_first_and_last_points_of_the_support(member, bounds):
    assert member.bounds == bounds


@pytest.mark.parametrize("member, shown", [
    (Normal(mu, sigma), (mu, sigma ** 2)),
    (Normal(1, 3), (1, 9)),
    (Laplace(mu, sigma), (mu, sigma)),
    (Binomial(4, sp.Rational(1, 3)), (4, sp.Rational(1, 3))),
], ids=["normal-variance", "normal-numbers", "laplace-as-stored", "binomial-as-stored"])
def test_shown_params(member, shown):
    assert member.shown_params == shown


@pytest.mark.parametrize("member, other, same", [
    (Exponential(r), Poisson(r, name="Q"), False),
    (Exponential(r), Gamma(1, r, name="Q"), False),
    (Exponential(r), Exponential(2, name="Q"), True),
    (Poisson(r), Geometric(sp.Rational(1, 2), name="Q"), True),
    (Normal(mu, sigma), Bernoulli(sp.Symbol("p")), False),
], ids=["continuous-and-discrete", "closed-and-open-at-zero", "same-family", "same-integers", "not-parametric"])
def test_same_outcomes_needs_the_same_kind_and_support(member, other, same):
    assert member.same_outcomes(other) is same


@pytest.mark.parametrize("member, body, aggregate", [
    (Exponential(r), X, sp.Integral(r * sp.exp(-r * X) * X, (X, 0, sp.oo))),
    (Geometric(sp.Rational(1, 2)), K, sp.Sum(sp.Rational(1, 2) * sp.Rational(1, 2) ** K * K, (K, 0, sp.oo))),
    (Uniform(0, 2), sp.Integer(1), sp.Integral(sp.Rational(1, 2), (X, 0, 2))),
], ids=["integral", "sum", "constant"])
def test_expectation_is_left_unevaluated(member, body, aggregate):
    assert member.expectation(body) == aggregate


@pytest.mark.parametrize("member, g, value", [
    (Normal(mu, sigma), X, mu),
    (Normal(mu, sigma), X ** 2, sigma ** 2 + mu ** 2),
    (Normal(mu, sigma), X ** 3, None),
    (Normal(mu, sigma), 2 * X, None),
    (Exponential(r), sp.log(X), -sp.EulerGamma - sp.log(r)),
    (Gamma(2, r), X, 2 / r),
    (Poisson(r), K ** 2, r + r ** 2),
    (Poisson(r), X, None),
    (Geometric(sp.Rational(1, 4)), K, sp.Integer(3)),
], ids=["normal-mean", "normal-second", "third-moment-unknown", "no-linearity", "exponential-log", "gamma-mean",
        "poisson-second", "other-variable", "geometric-number"])
def test_expect_answers_from_a_fact_or_none(member, g, value):
    found = member.expect(g)
    if value is None:
        assert found is None
        return
    got, fact = found
    assert sp.simplify(got - value) == 0 and fact.rhs == got and fact in member.moments


@pytest.mark.parametrize("member, conditions", [
    (Normal(0, 1), [(), ()] + [(sp.Contains(C, sp.Reals, evaluate=False),)] * 2),
    (Exponential(r), [(POSITIVE.as_relational(r),)] * 3
     + [(POSITIVE.as_relational(r), sp.Contains(C, sp.Reals, evaluate=False))]),
    (Laplace(0, 1), [(), (), (), (sp.Contains(C, sp.Reals, evaluate=False),)]),
], ids=["numbers-need-nothing", "symbol", "free-constant"])
def test_the_conditions_of_the_facts(member, conditions):
    assert [fact.conditions for fact in member.moments] == conditions


@pytest.mark.parametrize("member", ["support", "bounds", "moments"])
def test_the_base_class_leaves_the_family_to_subclasses(member):
    assert Parametric().params == () and Parametric().domain.intervals == ()
    with pytest.raises(NotImplementedError):
        getattr(Parametric(), member)


def test_the_density_is_left_to_subclasses():
    with pytest.raises(NotImplementedError):
        Parametric().density(X)


@pytest.mark.parametrize("member, name, value", [
    (Normal(mu, sigma), "mu", mu), (Normal(mu, sigma), "sigma", sigma), (Exponential(r), "rate", r),
    (Laplace(0, 1), "scale", 1),
], ids=["normal-mu", "normal-sigma", "exponential-rate", "laplace-scale"])
def test_a_parameter_is_read_by_its_name(member, name: str, value) -> None:
    from derive.distributions.parametric import positional

    assert getattr(member, name) == value
    assert isinstance(type(member).__dict__.get(name), property)  # a positional() property, not state
    assert positional(1).fget(member) == member.args[1]
