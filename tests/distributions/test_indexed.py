"""derive.distributions.indexed: a categorical with a symbolic number of outcomes (its size, the name of its
probabilities, its domain, sums and rebuilding).

``tests/distributions/test_categorical.py`` reaches it through ``Categorical(n=...)``; the rows here call it
directly.
"""

from __future__ import annotations

import re

import pytest
import sympy as sp
from sympy.core.symbol import Str

from derive.core.constraints import IndexedSimplex, Size
from derive.distributions.bernoulli import Bernoulli
from derive.distributions.indexed import SymbolicCategorical
from derive.errors import InvalidParameter

n, m = sp.symbols("n m")
N = sp.Symbol("n", integer=True, positive=True)
I = sp.Symbol("i", integer=True, positive=True)


@pytest.mark.parametrize("size", [n, sp.Symbol("n", integer=True), sp.Symbol("n", positive=True), N],
                         ids=["plain", "integer", "positive", "positive-integer"])
def test_the_size_is_a_positive_integer_symbol(size):
    assert SymbolicCategorical(size).n == N


@pytest.mark.parametrize("name, probs, base", [
    ("P", None, "p"),
    ("Q", None, "q"),
    ("Q2", None, "q2"),
    ("P", "r", "r"),
    ("P", sp.IndexedBase("w"), "w"),
    ("P", sp.Symbol("theta"), "theta"),
], ids=["default", "lower-case-name", "name-with-digit", "text", "indexed-base", "symbol"])
def test_the_probabilities_are_named(name, probs, base):
    d = SymbolicCategorical(n, name=name, probs=probs)
    assert d.name == name and d.base == sp.IndexedBase(base)
    assert d.params == (N, sp.IndexedBase(base))
    assert d.pmf(I) == sp.IndexedBase(base)[I]


@pytest.mark.parametrize("make, message", [
    (lambda: SymbolicCategorical(3), "n must be a SymPy symbol (use an explicit Categorical for a number), got 3"),
    (lambda: SymbolicCategorical(sp.Integer(3)), "n must be a SymPy symbol"),
    (lambda: SymbolicCategorical("n"), "got 'n'"),
    (lambda: SymbolicCategorical(n + 1), "got n + 1"),
    (lambda: SymbolicCategorical(sp.Symbol("n", integer=False)), "n = n is declared with assumptions"),
    (lambda: SymbolicCategorical(sp.Symbol("n", nonpositive=True)), "make it no positive integer"),
    (lambda: SymbolicCategorical(n, name="1P"), "distribution name"),
    (lambda: SymbolicCategorical(n, probs="p_"), "distribution name"),
    (lambda: SymbolicCategorical(n, probs=""), "distribution name"),
], ids=["int", "sympy-integer", "text", "expression", "non-integer", "nonpositive", "bad-name", "bad-probs",
        "empty-probs"])
def test_refused(make, message):
    with pytest.raises(InvalidParameter, match=re.escape(message)):
        make()


def test_domain_sums_and_variable():
    d = SymbolicCategorical(n, name="Q")
    q = sp.IndexedBase("q")
    assert d.domain.constraints == (Size(N), IndexedSimplex(q, N))
    assert d.variable == I
    assert d.sum_over(d.pmf(I), I) == sp.Sum(q[I], (I, 1, N))
    assert d.outcomes == () and d.free_symbols == {N}
    assert (d.family, SymbolicCategorical.family) == ("categorical-n", "categorical-n")


def test_pmf_refuses_a_named_outcome():
    with pytest.raises(KeyError):
        SymbolicCategorical(n).pmf(Str("H"))


@pytest.mark.parametrize("other, same", [
    (SymbolicCategorical(n, name="Q"), True),
    (SymbolicCategorical(sp.Symbol("n", integer=True), name="Q", probs="w"), True),
    (SymbolicCategorical(m, name="Q"), False),
    (Bernoulli(sp.Symbol("p")), False),
], ids=["same-size", "same-size-other-probabilities", "other-size", "coin"])
def test_same_outcomes_means_the_same_size(other, same):
    assert SymbolicCategorical(n).same_outcomes(other) is same


@pytest.mark.parametrize("d", [SymbolicCategorical(n), SymbolicCategorical(n, name="R", probs="w")],
                         ids=["default", "named"])
def test_rebuilt_from_its_args_and_from_a_proof_file(d):
    assert d.func(*d.args) == d
    assert SymbolicCategorical.from_parameters(d.params, d.name, ()) == d
    assert d.xreplace({N: sp.Symbol("k", integer=True, positive=True)}).n.name == "k"
