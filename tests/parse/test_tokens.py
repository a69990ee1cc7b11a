"""The shared bracket helpers of derive.parse.tokens: one matcher for every pair of brackets."""

import pytest

from derive.parse import ParseError
from derive.parse.tokens import brace_end, closing

CLOSING = [  # (source, start, pair, the offset of the closer or None)
    ("{a}", 0, "{}", 2),
    ("x{a{b}c}y", 1, "{}", 7),
    (r"{a\}b}", 0, "{}", 5),  # an escaped brace is text, not a bracket
    ("(a (b) c) d", 0, "()", 8),
    (r"(\because a = (b)) + c", 0, "()", 17),
    ("(a (b)", 0, "()", None),  # never closed
    ("{a", 0, "{}", None),
]


@pytest.mark.parametrize("source, start, pair, expected", CLOSING)
def test_closing(source: str, start: int, pair: str, expected: int | None) -> None:
    assert closing(source, start, pair) == expected


def test_brace_end_is_just_after_the_closer() -> None:
    assert brace_end("{a{b}}c", 0) == 6


@pytest.mark.parametrize("source, pair, message", [
    ("{" * 300 + "}" * 300, "{}", "nested deeper"),
    ("(" * 300, "()", "nested deeper"),
])
def test_closing_refuses_deep_nesting(source: str, pair: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        closing(source, 0, pair)


def test_brace_end_refuses_an_unclosed_brace() -> None:
    with pytest.raises(ParseError, match="never closed"):
        brace_end("{a", 0)
