"""derive.errors: the exception family (what each class is a kind of) and one-line messages from every layer."""

from __future__ import annotations

import warnings

import pytest
import sympy as sp

import derive
from derive.core.derivation import Chain, combine, relate
from derive.core.domain import Domain
from derive.core.rule import Rule
from derive.core.system import System
from derive.distributions.families import Binomial, Normal, Uniform
from derive.distributions.registry import family, register
from derive.errors import DeriveError, DeriveWarning, InvalidParameter, OutputError, RenderError, RuleError

x = sp.Symbol("x")


KINDS = [
    (DeriveError, (Exception,), (ValueError, Warning)),
    (InvalidParameter, (DeriveError, ValueError), (Warning,)),
    (RuleError, (DeriveError,), (ValueError,)),
    (RenderError, (DeriveError,), (ValueError,)),
    (OutputError, (DeriveError,), (ValueError, OSError)),
    (DeriveWarning, (UserWarning,), (DeriveError,)),
]


@pytest.mark.parametrize("cls, kinds, not_kinds", KINDS, ids=[c.__name__ for c, _, _ in KINDS])
def test_each_class_is_a_kind_of(cls, kinds, not_kinds):
    assert all(issubclass(cls, k) for k in kinds)
    assert not any(issubclass(cls, k) for k in not_kinds)


@pytest.mark.parametrize("cls", [InvalidParameter, RuleError, RenderError, OutputError])
def test_one_except_clause_catches_every_deliberate_error(cls):
    with pytest.raises(DeriveError, match="one line"):
        raise cls("one line")


def test_a_bad_parameter_is_also_a_value_error():
    with pytest.raises(ValueError, match="Normal scale sigma"):
        Normal(0, -1)


def test_the_warning_is_a_user_warning_not_an_error():
    with pytest.warns(UserWarning, match="infinite"):
        warnings.warn("the measure is infinite", DeriveWarning)


def test_the_package_face_exports_the_same_classes():
    assert derive.DeriveError is DeriveError and derive.DeriveWarning is DeriveWarning


def _never(expr: sp.Basic, domain: Domain) -> None:
    return None


#: (call, the class it raises) in each layer this module's classes serve
RAISED = [
    (lambda: relate(x, x, "iff"), DeriveError),
    (lambda: combine("<=", ">="), DeriveError),
    (lambda: Chain(x).then(Rule("never", "x -> x", _never)), RuleError),
    (lambda: Rule("Not kebab", "x -> x", _never), DeriveError),
    (lambda: System(sp.Eq(x, 1)), DeriveError),
    (lambda: Domain(((x, sp.Interval.open(2, 1)),)), InvalidParameter),
    (lambda: Normal(0, 0), InvalidParameter),
    (lambda: Uniform(2, 1), InvalidParameter),
    (lambda: Binomial(2.5, 0.5), InvalidParameter),
    (lambda: family("nope"), DeriveError),
    (lambda: register(5), DeriveError),
]


@pytest.mark.parametrize("call, cls", RAISED, ids=[str(k) for k in range(len(RAISED))])
def test_messages_are_one_line(call, cls):
    with pytest.raises(cls) as caught:
        call()
    message = str(caught.value)
    assert message and "\n" not in message and message == message.strip()
