"""derive.distributions.registry: families by name (shipped and user-registered), and what it refuses.

The registry is global per process: the family this module registers has a name no other test uses, and is
not parametric, so the pairs derive writes (``derive.api.pairs``) and the densities it reads do not change.
"""

from __future__ import annotations

import re

import pytest
import sympy as sp

from derive.distributions.base import Distribution
from derive.distributions.bernoulli import Bernoulli
from derive.distributions.categorical import Categorical
from derive.distributions.families import FAMILIES, Normal
from derive.distributions.indexed import SymbolicCategorical
from derive.distributions.registry import families, family, register
from derive.errors import DeriveError

SHIPPED = ["bernoulli", "beta", "binomial", "categorical", "categorical-n", "exponential", "gamma", "geometric",
           "laplace", "normal", "poisson", "uniform"]


@pytest.mark.parametrize("name, cls", [
    ("bernoulli", Bernoulli), ("categorical", Categorical), ("categorical-n", SymbolicCategorical),
    *((c.family, c) for c in FAMILIES),
])
def test_every_shipped_family_is_known_by_name(name, cls):
    assert family(name) is cls


def test_families_are_sorted_and_hold_the_shipped_ones():
    names = families()
    assert isinstance(names, tuple) and list(names) == sorted(names)
    assert set(SHIPPED) <= set(names)


@pytest.mark.parametrize("name", ["Normal", "gaussian", "", "normal ", "categorical_n"],
                         ids=["capitalised", "unknown", "empty", "trailing-space", "underscore"])
def test_an_unknown_name_is_refused_naming_the_known_ones(name):
    with pytest.raises(DeriveError) as caught:
        family(name)
    message = str(caught.value)
    assert message.startswith(f"unknown distribution family {name!r}; known: ")
    assert message.endswith(", ".join(families()))
    assert caught.value.__cause__ is None and caught.value.__suppress_context__, "no KeyError chained"


@pytest.mark.parametrize("value", [Normal(0, 1), 5, "normal", int, sp.Symbol, None],
                         ids=["instance", "number", "name", "other-class", "sympy-class", "none"])
def test_register_refuses_what_is_not_a_distribution_class(value):
    before = families()
    with pytest.raises(DeriveError, match=re.escape(f"only Distribution subclasses can be registered, got {value!r}")):
        register(value)
    assert families() == before


def test_a_registered_family_is_known_and_listed():
    @register
    class Coin(Bernoulli):
        family = "test-registry-coin-7f3a"

    assert Coin.__name__ == "Coin", "register returns the class, so it works as a decorator"
    assert family("test-registry-coin-7f3a") is Coin and issubclass(Coin, Distribution)
    assert "test-registry-coin-7f3a" in families() and list(families()) == sorted(families())
    assert family("bernoulli") is Bernoulli, "a subclass registered under its own name replaces nothing"
