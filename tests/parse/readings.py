"""The two checks every table of readings runs: a reading and a refusal (one line, the fragment in it); and the
brackets of hand-made tokens, for tests that call the tokenizer's parts without the tokenizer."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.distributions.semantics import plain
from derive.parse import ParseError, parse_latex
from derive.parse.lexicon import CLOSERS, OPENERS
from derive.parse.tokens import Token


def assert_reads(tex: str, dists: tuple, symbols: tuple, expected: sp.Basic) -> None:
    """``tex`` reads as ``expected`` (compared unfolded to plain SymPy)."""
    parsed = parse_latex(tex, dists, symbols=symbols)
    assert plain(parsed) == plain(expected), f"{tex!r} read as {sp.srepr(parsed)}"


def assert_refuses(tex: str, dists: tuple, symbols: tuple, fragment: str) -> None:
    """``tex`` is refused with a one-line error holding ``fragment`` (at its start, for an ambiguity)."""
    with pytest.raises(ParseError) as caught:
        parse_latex(tex, dists, symbols=symbols)
    message = str(caught.value)
    assert fragment in message and "\n" not in message, message
    if fragment.startswith("ambiguous"):
        assert message.startswith(fragment), message


def partners(tokens: list[Token]) -> dict[int, int]:
    """Each opening bracket's index mapped to its closer's (the tokens' brackets balanced)."""
    partner: dict[int, int] = {}
    stack: list[int] = []
    for k, token in enumerate(tokens):
        if token.text in OPENERS:
            stack.append(k)
        elif token.text in CLOSERS:
            partner[stack.pop()] = k
    return partner
