"""derive.parse.token_kinds: the tables of commands, words and characters the lexer tells apart."""

from __future__ import annotations

import itertools

import pytest

from derive.parse.lexicon import DECORATIONS, OPAQUE
from derive.parse.token_kinds import (ALIASES, CHARS, CURLY, LAYOUT, LAYOUT_WITH_ARGUMENT, PLAIN_NAMED, PLAIN_WORD,
                                      SECOND_ARGUMENT, SIZING, SPACING, SUPERSCRIPTS, UNICODE, UPRIGHT, WORD_FUNCTIONS)

#: The kinds of command the lexer reads each by its own method: a command of two kinds would be read by one only.
KINDS = {"sizing": SIZING, "spacing": SPACING, "layout": LAYOUT, "layout with an argument": LAYOUT_WITH_ARGUMENT,
         "decoration": set(DECORATIONS) - {r"\prime"}, "opaque": OPAQUE,
         "labelled relation": {r"\overset", r"\stackrel", r"\underset"}, "over": {r"\over", r"\choose"},
         "fraction": {r"\frac", r"\dfrac", r"\tfrac"}, "root": {r"\sqrt"}}


@pytest.mark.parametrize(("first", "second"), list(itertools.combinations(KINDS, 2)))
def test_the_kinds_of_command_share_no_command(first: str, second: str) -> None:
    assert not KINDS[first] & KINDS[second]


def test_the_second_argument_commands_are_layout_with_an_argument() -> None:
    assert SECOND_ARGUMENT <= LAYOUT_WITH_ARGUMENT


def test_an_alias_is_never_a_command_of_another_kind() -> None:
    assert not set(ALIASES) & set().union(*KINDS.values()) - {r"\dfrac", r"\tfrac"}


#: (text, the word PLAIN_WORD reads at its start, or None).
PLAIN_WORDS = [
    ("ln(x)", "ln"), ("ln x", "ln"), ("log", "log"), ("sigmoid(z)", "sigmoid"),
    ("lnx", None),  # part of a longer word
    ("tan(x)", "tan"), ("tan^2(x)", "tan"), ("max (a)", "max"), ("sinh(x)", "sinh"),
    ("tan x", None),  # the later words only before a bracket
]


@pytest.mark.parametrize(("text", "expected"), PLAIN_WORDS, ids=[r[0] for r in PLAIN_WORDS])
def test_plain_words(text: str, expected: str | None) -> None:
    match = PLAIN_WORD.match(text)
    assert (match.group(match.lastindex) if match else None) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("softmax(z)", "softmax"), ("ReLU(x)", "ReLU"), ("pdf (x)", "pdf"), ("sgn^2(x)", "sgn"), ("pdf x", None),
])
def test_plain_named_functions(text: str, expected: str | None) -> None:
    match = PLAIN_NAMED.match(text)
    assert (match.group(1) if match else None) == expected


@pytest.mark.parametrize(("char", "command"), [
    ("α", r"\alpha"), ("λ", r"\lambda"), ("ω", r"\omega"), ("Ω", r"\Omega"), ("ε", r"\varepsilon"), ("−", "-"),
    ("·", r"\cdot"), ("∞", r"\infty"), ("≤", r"\le"), ("ο", None), ("ς", None),  # omicron, final sigma: none
])
def test_unicode_characters_are_commands(char: str, command: str | None) -> None:
    assert UNICODE.get(char) == command


@pytest.mark.parametrize(("text", "matches"), [
    (r"\{", True), (r"\}", True), (r"\lbrace", True), (r"\rbrace x", True), (r"\lbracex", False), ("(", False),
])
def test_curly_braces_a_sizing_command_may_size(text: str, matches: bool) -> None:
    assert bool(CURLY.match(text)) is matches


def test_words_and_characters() -> None:
    assert WORD_FUNCTIONS["sigmoid"] == r"\sigma" and UPRIGHT["var"] == r"\mathrm{Var}"
    assert SUPERSCRIPTS["²"] == "2"
    assert "{" in CHARS and "\\" not in CHARS and "~" not in CHARS and " " not in CHARS
