"""The coin: parameters (symbols and exact numbers), names, outcomes, probabilities, domain."""

from __future__ import annotations

import pickle
from fractions import Fraction

import pytest
import sympy as sp

from derive import Bernoulli, DeriveError, Domain
from derive.core.terms import add, mul
from derive.distributions.measures import Entropy
from derive.errors import InvalidParameter

p = sp.Symbol("p")
UNIT = sp.Interval.open(0, 1)


# -- parameters ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    (p, p),
    (sp.Symbol("p", positive=True), sp.Symbol("p", positive=True)),
    (0.3, sp.Rational(3, 10)),
    (0.25, sp.Rational(1, 4)),
    (sp.Float(0.25), sp.Rational(1, 4)),
    (Fraction(1, 3), sp.Rational(1, 3)),
    (sp.Rational(2, 7), sp.Rational(2, 7)),
    (0, sp.Integer(0)),
    (1, sp.Integer(1)),
    (sp.Integer(1), sp.Integer(1)),
    (0.0, sp.Integer(0)),
], ids=["symbol", "positive-symbol", "float-0.3", "float-0.25", "sympy-float", "fraction", "rational", "zero",
        "one", "sympy-one", "float-zero"])
def test_parameter_accepted(value, expected):
    coin = Bernoulli(value)
    assert coin.p == expected
    assert coin.params == (expected,)
    assert type(coin.p) is type(expected), "numbers become exact SymPy rationals"


@pytest.mark.parametrize("value, message", [
    (1.5, "[0, 1]"),
    (-0.1, "[0, 1]"),
    (sp.Rational(4, 3), "[0, 1]"),
    (2, "[0, 1]"),
    (Fraction(-1, 2), "[0, 1]"),
    ("0.3", "str"),
    ("p", "str"),
    (True, "bool"),
    (None, "NoneType"),
    (sp.Symbol("p", negative=True), "outside"),
    (sp.Symbol("p", nonpositive=True), "outside"),
    (sp.Symbol("p", real=False), "outside"),
    (sp.Symbol("p", positive=True) + 1, "outside"),
    (-sp.Symbol("p", positive=True), "outside"),
    (sp.sqrt(2) / 2, "symbol or a number"),
    (sp.I, "symbol or a number"),
    (sp.oo, "number"),
    (sp.nan, "number"),
    (float("nan"), "nan"),
    (float("inf"), "inf"),
], ids=["1.5", "-0.1", "4/3", "two", "negative-fraction", "numeric-string", "symbol-string", "bool", "none",
        "negative-symbol", "nonpositive-symbol", "non-real-symbol", "expression-above-one",
        "negative-expression", "irrational", "imaginary",
        "sympy-infinity", "sympy-nan", "float-nan", "float-inf"])
def test_parameter_refused_with_a_derive_error(value, message):
    with pytest.raises(DeriveError) as info:
        Bernoulli(value)
    assert isinstance(info.value, InvalidParameter)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_an_expression_parameter_is_kept_but_only_a_plain_symbol_gets_a_domain():
    """What SymPy builds when it substitutes into a coin (``p -> p/2``) is accepted, with no interval of its own."""
    coin = Bernoulli(p / 2)
    assert coin.p == p / 2
    assert coin.domain == Domain()


# -- names and outcomes -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["P", "Q", "P2", "Coin", "q"], ids=["P", "Q", "P2", "Coin", "lowercase"])
def test_name_accepted(name):
    assert Bernoulli(p, name=name).name == name


@pytest.mark.parametrize("name", ["", "1P", "P Q", "P_1", "P-Q", "\\alpha", 3, None],
                         ids=["empty", "digit-first", "space", "underscore", "dash", "backslash", "int", "none"])
def test_name_refused(name):
    with pytest.raises(InvalidParameter, match="name"):
        Bernoulli(p, name=name)


@pytest.mark.parametrize("outcomes", [("H", "T"), ["Heads", "Tails"], ("T", "H"), ("x1", "x2")],
                         ids=["default", "list", "reversed", "with-digits"])
def test_outcomes_accepted(outcomes):
    coin = Bernoulli(p, outcomes=outcomes)
    assert [o.name for o in coin.outcomes] == list(outcomes)


@pytest.mark.parametrize("outcomes", [("H", "H"), ("H",), ("H", "T", "X"), "HT", ("H", 1), ("H", ""), ("H", "T T"),
                                      ("H", "{T}"), None],
                         ids=["repeated", "one", "three", "string", "non-string", "empty-label", "space",
                              "latex-braces", "none"])
def test_outcomes_refused(outcomes):
    with pytest.raises(InvalidParameter):
        Bernoulli(p, outcomes=outcomes)


# -- probabilities and domain -------------------------------------------------------------------------

def test_pmf_of_a_symbolic_coin():
    coin = Bernoulli(p)
    heads, tails = coin.outcomes
    assert coin.pmf(heads) == p
    assert coin.pmf(tails) == add(sp.Integer(1), mul(-1, p))
    assert coin.pmf(tails).args == (sp.Integer(1), mul(-1, p)), "written 1 - p, in that order"


@pytest.mark.parametrize("value, heads, tails", [
    (sp.Rational(1, 3), sp.Rational(1, 3), sp.Rational(2, 3)),
    (0.3, sp.Rational(3, 10), sp.Rational(7, 10)),
    (0, sp.Integer(0), sp.Integer(1)),
    (1, sp.Integer(1), sp.Integer(0)),
], ids=["third", "0.3", "zero", "one"])
def test_pmf_of_a_numeric_coin(value, heads, tails):
    coin = Bernoulli(value)
    assert [coin.pmf(o) for o in coin.outcomes] == [heads, tails]


def test_pmf_sums_to_one():
    coin = Bernoulli(p, outcomes=("Up", "Down"))
    assert sp.expand(sum(coin.pmf(o) for o in coin.outcomes)) == 1


def test_pmf_of_an_unknown_outcome_raises():
    coin = Bernoulli(p)
    with pytest.raises(KeyError):
        coin.pmf(Bernoulli(p, outcomes=("X", "Y")).outcomes[0])


def test_domain_of_a_symbolic_coin_is_the_open_unit_interval():
    assert Bernoulli(p).domain == Domain(((p, UNIT),))


@pytest.mark.parametrize("value", [sp.Rational(1, 3), 0, 1], ids=["third", "zero", "one"])
def test_a_numeric_coin_has_no_parameters_to_constrain(value):
    assert Bernoulli(value).domain == Domain()
    assert Bernoulli(value).free_symbols == set()


def test_equality_depends_on_parameter_name_and_outcomes():
    assert Bernoulli(p) == Bernoulli(p)
    assert Bernoulli(p) != Bernoulli(p, name="Q")
    assert Bernoulli(p) != Bernoulli(sp.Symbol("q"))
    assert Bernoulli(p) != Bernoulli(p, outcomes=("T", "H"))
    assert Bernoulli(0.5) == Bernoulli(Fraction(1, 2))


def test_prints_as_its_name():
    assert sp.sstr(Bernoulli(p, name="Q")) == "Q"


# -- a SymPy object like any other ----------------------------------------------------------------------

def test_rebuilding_from_args_gives_the_same_coin():
    """SymPy's invariant ``e.func(*e.args) == e``: subs, xreplace and pickling all rely on it."""
    coin = Bernoulli(p, name="Q", outcomes=("Up", "Down"))
    assert coin.func(*coin.args) == coin


def test_substituting_the_parameter_gives_the_numeric_coin():
    assert Entropy(Bernoulli(p)).subs(p, sp.Rational(1, 3)) == Entropy(Bernoulli(sp.Rational(1, 3)))
    assert Bernoulli(p).xreplace({p: sp.Symbol("r")}) == Bernoulli(sp.Symbol("r"))


def test_pickle_round_trip():
    coin = Bernoulli(p, name="Q")
    assert pickle.loads(pickle.dumps(coin)) == coin
