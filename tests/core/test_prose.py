"""Prose: words and expressions in reading order, set by each renderer in its own markup."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.core.prose import Prose, joined, say, spell

p, q = sp.symbols("p q")


def dollars(e: sp.Basic) -> str:
    return f"${sp.latex(e)}$"


SAY = [  # parts -> (the type made, plain text, what a renderer with $...$ math writes)
    (("Plain words.",), str, "Plain words.", "Plain words."),
    (("a", "b", ""), str, "ab", "ab"),
    (("Put in ", sp.Eq(p, q, evaluate=False), "."), Prose, "Put in Eq(p, q).", "Put in $p = q$."),
    ((say("x is ", p), " and ", q), Prose, "x is p and q", "x is $p$ and $q$"),
    ((sp.Integer(-1), " comes out"), Prose, "-1 comes out", "$-1$ comes out"),
]


@pytest.mark.parametrize("parts, kind, plain, written", SAY)
def test_say_keeps_words_and_expressions_in_order(parts: tuple, kind: type, plain: str, written: str) -> None:
    text = say(*parts)
    assert type(text) is kind and str(text) == plain
    assert spell(text, str, dollars) == written


@pytest.mark.parametrize("bad", [3, 2.5, None, ["a"]])
def test_say_refuses_what_is_neither_words_nor_an_expression(bad: object) -> None:
    with pytest.raises(TypeError, match="text and SymPy expressions"):
        say("a", bad)  # type: ignore[arg-type]


def test_words_go_through_the_renderer_s_escaping_and_expressions_do_not() -> None:
    text = say("50% of ", p)
    assert spell(text, lambda w: w.replace("%", r"\%"), dollars) == r"50\% of $p$"


@pytest.mark.parametrize("items, written", [
    ([], ""),
    ([p], "$p$"),
    ([p, q], "$p$ and $q$"),
    ([p, "words", q], "$p$, words and $q$"),
])
def test_joined_lists_items_with_commas_and_a_last_and(items: list, written: str) -> None:
    assert spell(joined(items), str, dollars) == written


def test_empty_prose_is_false() -> None:
    assert not Prose(()) and Prose(("a",))
