r"""derive.parse.lexicon: the words of the notation layer are consistent with one another, and each means what the
reader makes of it (a decoration a new symbol, a context-only command refused alone, a chain cut at its limit)."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.parse import ParseError, parse_latex
from derive.parse.lexicon import (BIG_OPERATORS, BRACES, CLOSERS, CONTEXT_ONLY, DECORATIONS, EXPECTATIONS, GREEK,
                                  KL_SEPARATORS, MAX_CHAIN, NAME, OPAQUE, OPENERS, PROSE, RELATIONS, TENDS_TO,
                                  TERM_STOPS, VARIANCES)


@pytest.mark.parametrize(("text", "is_name"), [
    ("x", True), ("P", True), ("x1", True), ("Loss", True), ("x_1", True), ("x_a", True), ("x_{10}", True),
    ("x_{ML}", True), (r"\alpha", True), (r"\Gamma", True),
    ("1x", False), ("x_12", False), ("x_{}", False), ("x__1", False), ("x_{a,b}", False), (r"\alpha_1", False),
    ("x y", False), ("", False), ("_x", False),
], ids=lambda v: repr(v) if isinstance(v, str) else None)
def test_name(text: str, is_name: bool) -> None:
    assert (NAME.fullmatch(text) is not None) is is_name


def test_brackets_pair_up() -> None:
    assert CLOSERS == frozenset(OPENERS.values())
    assert not CLOSERS & OPENERS.keys()


def test_every_separator_and_head_is_known_where_it_is_used() -> None:
    assert KL_SEPARATORS <= CONTEXT_ONLY.keys()  # refused outside a divergence
    assert PROSE <= OPAQUE
    assert RELATIONS <= TERM_STOPS and {"+", "-", "=", ","} <= TERM_STOPS
    assert BIG_OPERATORS == {r"\sum", r"\prod", r"\lim"}
    assert r"\to" in TENDS_TO and set(BRACES.values()) == {"_", "^"}
    assert r"\mathbb{E}" in EXPECTATIONS and r"\mathrm{Var}" in VARIANCES
    assert {r"\alpha", r"\varepsilon", r"\Omega"} <= GREEK and r"\ell" not in GREEK and r"\Alpha" not in GREEK


@pytest.mark.parametrize("command", sorted(set(DECORATIONS) - {r"\prime"}))
def test_a_decoration_makes_a_new_symbol(command: str) -> None:
    suffix = DECORATIONS[command]
    assert parse_latex(rf"{command}{{x}}") == sp.Symbol(f"x{suffix}")
    assert parse_latex(rf"{command}{{\theta}}") == sp.Symbol(f"theta{suffix}")


@pytest.mark.parametrize("command", sorted(k for k in CONTEXT_ONLY if k not in (r"\{", r"\}")))
def test_a_context_only_command_alone_is_refused(command: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_latex(f"x {command} y")
    assert str(caught.value) == f"{command} at offset 2 is only understood in {CONTEXT_ONLY[command]}"


@pytest.mark.parametrize(("count", "refused"), [(MAX_CHAIN, False), (MAX_CHAIN + 1, True)],
                         ids=["at-the-limit", "past-it"])
def test_a_chain_of_logarithms_is_cut_at_max_chain(count: int, refused: bool) -> None:
    tex = r"\log " * count + "x"
    if refused:
        with pytest.raises(ParseError, match=f"more than {MAX_CHAIN} signs or logarithms in a row"):
            parse_latex(tex)
    else:
        expected = sp.Symbol("x")
        for _ in range(count):
            expected = sp.log(expected)
        assert parse_latex(tex) == expected


@pytest.mark.parametrize("command", sorted(PROSE))
def test_prose_is_refused(command: str) -> None:
    with pytest.raises(ParseError, match="is prose, not part of an expression"):
        parse_latex(rf"x + {command}{{words}}")
