"""derive.distributions.base: names, outcome labels and parameters as they are checked, sums over named outcomes,
and what every distribution answers by default (shown through the coin, which keeps the defaults).

``tests/distributions/test_bernoulli.py`` checks the coin's own parameters, names and outcomes; the rows here
call the checks directly with other inputs and intervals.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import pytest
import sympy as sp
from sympy.core.symbol import Str

from derive.distributions.base import Distribution, OutcomeSum, as_parameter, check_name, check_outcomes
from derive.distributions.bernoulli import Bernoulli
from derive.errors import InvalidParameter

i, p, q = sp.symbols("i p q")
POSITIVE = sp.Interval.open(0, sp.oo)
HT = (Str("H"), Str("T"))


# -- names ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("P", Str("P")), ("aB9", Str("aB9")), ("Theta", Str("Theta")), (Str("R"), Str("R")),
], ids=["letter", "mixed", "word", "str-node"])
def test_check_name_accepts(name, expected):
    assert check_name(name) == expected


@pytest.mark.parametrize("name", ["P\n", "P ", "é", "1", Str("1P"), Str(""), b"P", ["P"]],
                         ids=["newline", "trailing-space", "accent", "digit", "bad-str-node", "empty-str-node",
                              "bytes", "list"])
def test_check_name_refuses(name):
    with pytest.raises(InvalidParameter, match="distribution name must be a letter followed by letters or digits"):
        check_name(name)


# -- outcomes ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("outcomes, count, labels", [
    (("a", "b", "c"), 3, ("a", "b", "c")),
    (sp.Tuple(Str("H"), Str("T")), 2, ("H", "T")),
    ((Str("H"), "T"), 2, ("H", "T")),
    (["1", "0"], 2, ("1", "0")),
    ((), 0, ()),
], ids=["three", "sympy-tuple", "mixed-str-nodes", "digits", "none"])
def test_check_outcomes_accepts(outcomes, count, labels):
    assert check_outcomes(outcomes, count) == tuple(Str(o) for o in labels)


@pytest.mark.parametrize("outcomes, count, message", [
    (("H", "T"), 3, "outcomes must be a sequence of 3 names"),
    ({"H", "T"}, 2, "outcomes must be a sequence of 2 names"),
    (iter(["H", "T"]), 2, "outcomes must be a sequence of 2 names"),
    ((Str("H"), "H"), 2, "outcomes must be distinct"),
    (("a", "b", "a"), 3, "outcomes must be distinct"),
    (("H", "T-1"), 2, "an outcome is named by letters or digits, got 'T-1'"),
    (("H", None), 2, "an outcome is named by letters or digits, got None"),
], ids=["count", "set", "iterator", "str-node-repeats-text", "repeated", "dash", "none"])
def test_check_outcomes_refuses(outcomes, count, message):
    with pytest.raises(InvalidParameter, match=re.escape(message)):
        check_outcomes(outcomes, count)


# -- parameters -------------------------------------------------------------------------------------------

t_real, t_positive = sp.Symbol("t", real=True), sp.Symbol("t", positive=True)


@pytest.mark.parametrize("value, expected", [
    (5, sp.Integer(5)),
    (0, sp.Integer(0)),
    (0.1, sp.Rational(1, 10)),
    (Fraction(3, 2), sp.Rational(3, 2)),
    (sp.Float(2.5), sp.Rational(5, 2)),
    (t_positive, t_positive),
    (t_real, t_real),
    (t_positive + 1, t_positive + 1),
    (sp.Symbol("t") - 1, sp.Symbol("t") - 1),
], ids=["integer", "closed-end", "float", "fraction", "sympy-float", "positive-symbol", "real-symbol",
        "expression-inside", "expression-unknown"])
def test_as_parameter_accepts(value, expected):
    got = as_parameter(value, "rate", POSITIVE)
    assert got == expected and type(got) is type(expected)


@pytest.mark.parametrize("value, message", [
    (-1, "rate must lie in [0, oo], got -1"),
    (sp.Rational(-1, 2), "rate must lie in [0, oo], got -1/2"),
    (sp.Symbol("t", negative=True), "rate t is declared with assumptions that put it outside"),
    (-t_positive, "rate -t is declared with assumptions that put it outside"),
    (sp.pi, "rate must be a SymPy symbol or a number, got Pi pi"),
    (Decimal("0.5"), "got Decimal"),
    (1 + 2j, "got complex"),
    (float("-inf"), "rate must be a finite number"),
    (sp.oo, "rate must be a SymPy symbol or a number, got oo"),
], ids=["negative", "negative-rational", "negative-symbol", "negative-expression", "pi", "decimal", "complex",
        "minus-infinity", "sympy-infinity"])
def test_as_parameter_refuses(value, message):
    with pytest.raises(InvalidParameter, match=re.escape(message)):
        as_parameter(value, "rate", POSITIVE)


# -- sums over named outcomes -----------------------------------------------------------------------------

def test_an_outcome_sum_binds_its_index():
    total = OutcomeSum(i * p, i, HT)
    assert (total.body, total.index, total.outcomes) == (i * p, i, HT)
    assert total.free_symbols == {p}
    assert total.func(*total.args) == total
    assert total.subs(p, 2) == OutcomeSum(2 * i, i, HT)
    assert OutcomeSum(i * p, i, HT) != OutcomeSum(i * p, i, (Str("T"), Str("H"))), "the outcomes' order counts"


# -- what a distribution answers by default ------------------------------------------------------------------

@pytest.mark.parametrize("member", ["params", "outcomes", "domain"])
def test_the_protocol_leaves_members_to_subclasses(member):
    with pytest.raises(NotImplementedError):
        getattr(Distribution(), member)


def test_the_protocol_leaves_the_pmf_to_subclasses():
    with pytest.raises(NotImplementedError):
        Distribution().pmf(Str("H"))


def test_class_defaults():
    assert (Distribution.family, Distribution.description, Distribution.is_distribution) == \
        ("distribution", "a distribution", True)


def test_the_default_variable_and_sum():
    coin = Bernoulli(p)
    assert coin.variable == sp.Symbol("i")
    assert coin.sum_over(i * p, i) == OutcomeSum(i * p, i, HT)
    assert Bernoulli(p, outcomes=("U", "D")).sum_over(i, i).outcomes == (Str("U"), Str("D"))


@pytest.mark.parametrize("other, same", [
    (Bernoulli(q, name="Q"), True),
    (Bernoulli(sp.Rational(1, 3)), True),
    (Bernoulli(p, outcomes=("T", "H")), False),
    (Bernoulli(p, outcomes=("U", "D")), False),
], ids=["other-parameter", "number", "reversed", "other-labels"])
def test_same_outcomes_compares_the_labels_in_order(other, same):
    assert Bernoulli(p).same_outcomes(other) is same


@pytest.mark.parametrize("params, name, outcomes", [
    ((p,), "Q", ("U", "D")),
    ((sp.Rational(1, 4),), "P", ("H", "T")),
], ids=["symbol", "number"])
def test_from_parameters_rebuilds_what_a_proof_file_records(params, name, outcomes):
    coin = Bernoulli.from_parameters(params, name, outcomes)
    assert coin == Bernoulli(*params, name=name, outcomes=outcomes)
    assert (coin.name, coin.params, tuple(o.name for o in coin.outcomes)) == (name, params, outcomes)


def test_a_distribution_prints_as_its_name_inside_expressions():
    assert sp.sstr(sp.Tuple(Bernoulli(p, name="Q2"), p)) == "(Q2, p)"
