"""Where math opens and closes in a document's raw text (:mod:`derive.check.delimiters`)."""

from __future__ import annotations

import pytest

from derive.check.delimiters import (BLANK_LINE, doubled_close, find_unescaped, inline_stops, intertexts,
                                     lone_dollars, own_paragraph, run_length)


@pytest.mark.parametrize(("text", "pieces"), [
    ("a = b", [(0, 5, "", -1)]),  # no intertext: one piece
    ("a \\intertext{b} c", [(0, 2, "b", 13), (15, 17, "", -1)]),
    ("a \\shortintertext{so $x$} c", [(0, 2, "so $x$", 18), (25, 27, "", -1)]),
    ("a \\intertext{{b} \\}} c", [(0, 2, "{b} \\}", 13), (20, 22, "", -1)]),  # nested and escaped braces
    ("a \\intertext{b", [(0, 2, "b", 13), (14, 14, "", -1)]),  # never closed: to the end
])
def test_intertexts(text: str, pieces: list[tuple[int, int, str, int]]) -> None:
    assert intertexts(text, 0, len(text)) == pieces


@pytest.mark.parametrize(("text", "opened", "closed"), [
    ("$\nx = 1\n$", 0, 8),
    ("a\n$\nx = 1\n$\nb", 2, 10),
    ("$\nx\n\nb\n$", 0, -1),  # a blank line between: no display
    ("a $x$", 2, -1),  # not alone on its line
    ("$\nx = 1", 0, -1),  # never closed
])
def test_lone_dollars(text: str, opened: int, closed: int) -> None:
    assert lone_dollars(text, opened) == closed


@pytest.mark.parametrize(("text", "opened", "closed"), [
    ("a $E(X) = b$$\n$y = 1$ c", 2, 11),  # a slip for $ at the end of its line
    ("a $x = 1$$\ny = 2$$ c", 2, -1),  # a later $$ in the paragraph: it opens a display
    ("a $x$ b", 2, -1),  # closed by one $
    ("$x$$ y", 0, -1),  # not at the end of its line
])
def test_doubled_close(text: str, opened: int, closed: int) -> None:
    assert doubled_close(text, opened) == closed


@pytest.mark.parametrize(("text", "opened", "closed", "own"), [
    ("a\n\n$x$.\n\nb", 3, 6, True),  # a punctuation mark after it at most
    ("$x$", 0, 3, True),
    ("a\n\n$x$ is one\n\nb", 3, 6, False),
    ("a\n$x$\n\nb", 2, 5, False),  # prose on the line above
])
def test_own_paragraph(text: str, opened: int, closed: int, own: bool) -> None:
    assert own_paragraph(text, opened, closed) is own


def test_inline_stops_are_dollars_that_can_close_and_blank_lines() -> None:
    text = " $x$ and $5 or $$y$$\n\nz"
    stops, blanks = inline_stops(text)
    assert stops == [3, 15, 16, 18, 19]  # never the $ before 5, nor one after a space before a letter
    assert blanks == [20]


@pytest.mark.parametrize(("text", "needle", "start", "stop", "found"), [
    ("a\\$b$", "$", 0, None, 4),  # past the escaped one
    ("$x", "$", 0, None, 0),
    ("\\$", "$", 0, None, -1),
    ("ab$", "$", 0, 2, -1),  # before stop only
    ("x \\] y \\]", "\\]", 1, None, 2),
])
def test_find_unescaped(text: str, needle: str, start: int, stop: int | None, found: int) -> None:
    assert find_unescaped(text, needle, start, stop) == found


@pytest.mark.parametrize(("text", "start", "length"), [("```x", 0, 3), ("a`", 0, 0), ("x``", 1, 2), ("`", 1, 0)])
def test_run_length(text: str, start: int, length: int) -> None:
    assert run_length(text, start, "`") == length


@pytest.mark.parametrize(("text", "blank"), [("a\n\nb", True), ("a\n \t\nb", True), ("a\nb", False)])
def test_blank_line(text: str, blank: bool) -> None:
    assert (BLANK_LINE.search(text) is not None) is blank
