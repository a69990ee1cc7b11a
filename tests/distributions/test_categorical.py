"""Categorical distributions: explicit probabilities, and a symbolic number of outcomes."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp
from sympy.core.symbol import Str

from derive import DeriveError
from derive.distributions.categorical import Categorical
from derive.distributions.indexed import SymbolicCategorical
from derive.render.printer import to_latex

p1, p2, p3 = sp.symbols("p_1 p_2 p_3")


@pytest.mark.parametrize("probs, shown, domain", [
    ([p1, p2, p3], ["p_{1}", "p_{2}", "p_{3}"],
     ["p_{1} > 0", "p_{2} > 0", "p_{1} + p_{2} < 1", "p_{3} = 1 - p_{1} - p_{2}"]),
    ([p1, p2, 1 - p1 - p2], ["p_{1}", "p_{2}", "1 - p_{1} - p_{2}"], ["p_{1} > 0", "p_{2} > 0", "p_{1} + p_{2} < 1"]),
    ([0.2, 0.3, 0.5], [r"\frac{1}{5}", r"\frac{3}{10}", r"\frac{1}{2}"], []),
    ([Fraction(1, 2), sp.Rational(1, 4), sp.Rational(1, 4)], [r"\frac{1}{2}", r"\frac{1}{4}", r"\frac{1}{4}"], []),
    ([1, 0], ["1", "0"], []),
], ids=["symbols", "last-is-the-rest", "floats", "fractions", "degenerate"])
def test_probabilities_and_domain(probs, shown, domain):
    P = Categorical(probs)
    assert [to_latex(P.pmf(o)) for o in P.outcomes] == shown
    assert [to_latex(c) for c in P.domain.conditions()] == domain
    assert [o.name for o in P.outcomes] == [str(j) for j in range(1, len(probs) + 1)]


@pytest.mark.parametrize("probs, message", [
    ([0.2, 0.3], "sum to 1, they sum to 1/2"),
    ([-0.5, 1.5], "must lie in [0, 1]"),
    ([1.5, -0.5], "must lie in [0, 1]"),
    ([p1, 0.5], "all numbers, all symbols"),
    ([p1, p1], "distinct symbols"),
    ([p1, p2, 1 - p1], "1 minus the others"),
    ([0.5], "at least two"),
    ("ab", "at least two"),
    ([float("nan"), 0.5], "finite"),
    ([sp.Symbol("x", negative=True), p2], "outside"),
], ids=["not-normalised", "negative-first", "negative-last", "mixed", "repeated", "wrong-rest", "one", "string",
        "nan", "impossible-assumption"])
def test_bad_probabilities_are_refused(probs, message):
    with pytest.raises(DeriveError, match=message.replace("[", r"\[").replace("]", r"\]")):
        Categorical(probs)


def test_named_outcomes_and_rebuild():
    P = Categorical([p1, p2, p3], name="R", outcomes=("a", "b", "c"))
    assert P.name == "R" and P.pmf(Str("b")) == p2
    assert P.func(*P.args) == P
    with pytest.raises(KeyError):
        P.pmf(Str("d"))


def test_a_million_explicit_outcomes_are_refused_quickly():
    with pytest.raises(DeriveError, match="limit"):
        Categorical([sp.Rational(1, 200_000)] * 200_000)


def test_symbolic_size():
    n = sp.Symbol("n")
    P = Categorical(n=n, name="P")
    assert isinstance(P, SymbolicCategorical)
    assert P.n.is_integer and P.n.is_positive
    i = P.variable
    assert to_latex(P.pmf(i)) == "p_{i}"
    assert to_latex(P.sum_over(P.pmf(i), i)) == r"\sum_{i=1}^{n} p_{i}"
    assert P.func(*P.args) == P


@pytest.mark.parametrize("kwargs, message", [
    ({"n": 3}, "must be a SymPy symbol"),
    ({"n": sp.Symbol("m", negative=True)}, "no positive integer"),
    ({"n": sp.Symbol("n"), "probs": [p1, p2]}, "not both"),
])
def test_bad_symbolic_size(kwargs, message):
    with pytest.raises(DeriveError, match=message):
        Categorical(**kwargs)
