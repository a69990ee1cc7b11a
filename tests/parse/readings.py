"""The two checks every table of readings runs: a reading and a refusal (one line, the fragment in it)."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.distributions.semantics import plain
from derive.parse import ParseError, parse_latex


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
