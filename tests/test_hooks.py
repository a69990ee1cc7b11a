"""derive.hooks: the slots the package face fills, and what the core does through them (or says when empty)."""

from __future__ import annotations

import pytest
import sympy as sp

import derive
from derive import hooks
from derive.core.derivation import Chain, Derivation, Report, Section, Step
from derive.distributions.bernoulli import Bernoulli
from derive.errors import DeriveError

p = sp.Symbol("p")
DERIVATION = Derivation("t", (Section("s", (Chain(p * (1 - p), steps=(Step("r", p * (1 - p), p - p ** 2),)),)),),
                        (Bernoulli(p),))

#: (slot, what the derivation calls, the name in the message)
SLOTS = [
    ("verify", lambda d: d.verify(), "verify"),
    ("markdown", lambda d: d._repr_markdown_(), "markdown"),
    ("latex", lambda d: d._repr_latex_(), "latex"),
]
IDS = [s for s, _, _ in SLOTS]


@pytest.mark.parametrize("slot", IDS)
def test_importing_derive_fills_every_slot(slot):
    filled = getattr(hooks, slot)
    assert callable(filled) and filled.__module__ == derive.__name__, "the package face fills it"


@pytest.mark.parametrize("slot, use, name", SLOTS, ids=IDS)
def test_an_empty_slot_is_an_error_naming_it(monkeypatch, slot, use, name):
    monkeypatch.setattr(hooks, slot, None)
    with pytest.raises(DeriveError, match=f"^derive.hooks.{name} is not set: import derive first$"):
        use(DERIVATION)


@pytest.mark.parametrize("slot, use, name", SLOTS, ids=IDS)
def test_the_derivation_calls_through_its_slot(monkeypatch, slot, use, name):
    seen = []
    monkeypatch.setattr(hooks, slot, lambda d: seen.append(d) or f"{slot} answer")
    assert use(DERIVATION) == f"{slot} answer"
    assert seen == [DERIVATION]


@pytest.mark.parametrize("slot, value", [(None, 1), (None, None)], ids=["a-value", "none"])
def test_call_refuses_an_empty_slot_whatever_the_value(slot, value):
    with pytest.raises(DeriveError, match="derive.hooks.anything is not set"):
        hooks.call(slot, "anything", value)


@pytest.mark.parametrize("slot, value, expected", [
    (len, "abc", 3),
    (lambda v: v, None, None),
    (str.upper, "latex", "LATEX"),
], ids=["builtin", "identity-of-none", "method"])
def test_call_returns_what_the_slot_returns(slot, value, expected):
    assert hooks.call(slot, "anything", value) == expected


def test_the_filled_slots_verify_and_render():
    report = hooks.verify(DERIVATION)
    assert isinstance(report, Report) and report.ok
    assert "p - p^{2}" in hooks.markdown(DERIVATION)
    latex = hooks.latex(DERIVATION)
    assert latex.startswith("$$\n") and latex.endswith("\n$$") and r"\begin{aligned}" in latex
