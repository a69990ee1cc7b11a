"""derive.entropy / cross_entropy / kl: closed forms as SymPy expressions, with a warning when infinite."""

from __future__ import annotations

import warnings

import pytest
import sympy as sp

import derive
from derive.derivations import kl_cross_entropy
from derive.distributions.semantics import denote

p, q = sp.symbols("p q")


def test_coin_closed_forms_match_the_derivation():
    P, Q = derive.Bernoulli(p), derive.Bernoulli(q, name="Q")
    d = kl_cross_entropy(P, Q)
    assert sp.expand(derive.kl(P, Q) - denote(derive.KL(P, Q))) == 0
    kl_chain = d.chains[0]
    assert derive.check_equal(derive.kl(P, Q), kl_chain.steps[2].after, d.domain).proved
    assert derive.check_equal(derive.cross_entropy(P, Q), derive.kl(P, Q) + derive.entropy(P), d.domain).proved


def test_categorical_with_a_zero_in_q_is_infinite_and_says_why():
    P = derive.Categorical([sp.Rational(1, 2), sp.Rational(1, 2), 0])
    Q = derive.Categorical([sp.Rational(1, 2), 0, sp.Rational(1, 2)], name="Q")
    with pytest.warns(derive.DeriveWarning, match="Q gives probability 0 to the outcome 2"):
        assert derive.kl(P, Q) == sp.oo
    with pytest.warns(derive.DeriveWarning):
        assert derive.cross_entropy(P, Q) == sp.oo


def test_zero_in_p_contributes_nothing():
    P = derive.Categorical([sp.Rational(1, 2), sp.Rational(1, 2), 0])
    Q = derive.Categorical([sp.Rational(1, 2), sp.Rational(1, 4), sp.Rational(1, 4)], name="Q")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert sp.simplify(derive.kl(P, Q) - sp.log(2) / 2) == 0
        assert sp.simplify(derive.entropy(P) - sp.log(2)) == 0


def test_uniform_outside_support_is_infinite_with_reason():
    with pytest.warns(derive.DeriveWarning, match="not inside"):
        assert derive.kl(derive.Uniform(0, 2), derive.Uniform(0, 1, name="Q")) == sp.oo


def test_bits():
    P, Q = derive.Bernoulli(sp.Rational(1, 2)), derive.Bernoulli(sp.Rational(1, 4), name="Q")
    assert sp.simplify(derive.entropy(P, units="bits") - 1) == 0


def test_symbolic_n_entropy_is_the_sum():
    P = derive.Categorical(n=sp.Symbol("n"))
    assert isinstance(derive.entropy(P), sp.Sum)
