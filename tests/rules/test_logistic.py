"""The logistic function's logarithms, the stable softplus, and folding z + max(-z, 0)."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Domain
from derive.core.functions import Sigmoid
from derive.core.terms import add, mul, neg
from derive.rules import absorb_into_max, log_sigmoid, stable_softplus
from tests.helpers import assert_no_match, assert_rewrites

z = sp.Symbol("z", real=True)
LINE = Domain.of(z=sp.Interval.open(-sp.oo, sp.oo))


def softplus(x):
    return sp.log(add(1, sp.exp(x, evaluate=False)), evaluate=False)


@pytest.mark.parametrize("rule, before, after", [
    (log_sigmoid, sp.log(Sigmoid(z)), neg(softplus(neg(z)))),
    (log_sigmoid, sp.log(add(1, neg(Sigmoid(z)))), add(neg(z), neg(softplus(neg(z))))),
    (stable_softplus, softplus(neg(z)), add(sp.Max(neg(z), 0), softplus(neg(sp.Abs(neg(z)))))),
    (stable_softplus, softplus(z), add(sp.Max(z, 0), softplus(neg(sp.Abs(z))))),
    (absorb_into_max, add(z, sp.Max(-z, 0)), sp.Max(z, 0, evaluate=False)),
], ids=["log-sigma", "log-one-minus-sigma", "softplus-of-minus-z", "softplus-of-z", "absorb"])
def test_rewrites(rule, before, after):
    assert_rewrites(rule, before, after, LINE)


@pytest.mark.parametrize("rule, before", [
    (log_sigmoid, sp.log(z)),
    (log_sigmoid, Sigmoid(z)),
    (stable_softplus, sp.log(add(2, sp.exp(z)))),
    (stable_softplus, softplus(neg(sp.Abs(z)))),  # already stable
    (absorb_into_max, add(z, sp.Max(z, 0))),
    (absorb_into_max, add(z, sp.Max(-z, 1))),
], ids=["log-z", "no-log", "log(2+e^z)", "already-stable", "same-sign", "max-with-1"])
def test_does_not_match(rule, before):
    assert_no_match(rule, before, LINE)


# Found by tests/rules/test_properties.py: off the real line these identities fail (log(-1) = i pi), and
# max(x, 0) of a non-real x raised a ValueError from inside the rule.
@pytest.mark.parametrize("rule, before, mentions", [
    (log_sigmoid, sp.log(Sigmoid(sp.log(neg(sp.Symbol("a", positive=True))))), "is real"),
    (log_sigmoid, sp.log(add(1, neg(Sigmoid(sp.I * z)))), "is real"),
    (stable_softplus, softplus(sp.log(sp.Integer(-3), evaluate=False)), "log(-3)"),
], ids=["log-sigma-of-a-complex-number", "log-one-minus-sigma-imaginary", "softplus-of-log-of-a-negative"])
def test_refuses_an_argument_that_may_not_be_real(rule, before, mentions):
    from tests.helpers import assert_refuses

    assert_refuses(rule, before, LINE, mentions)
