"""The one scan that finds a document's math (:mod:`derive.check.scanner`): spans, their lines and leads."""

from __future__ import annotations

import pytest

from derive.check.scanner import MATH_ENVIRONMENTS, MAX_LEAD, Scanner, Span


def test_span_is_a_value() -> None:
    assert Span("x", 1, False, "$") == Span("x", 1, False, "$")


def test_line_of_an_offset_inside_a_span() -> None:
    (span,) = Scanner("intro\n$$\na = b\n  = c\n$$\n", "md").scan(0)
    assert span.line == 2
    assert span.line_at(span.tex.index("b")) == 3 and span.line_at(span.tex.index("c")) == 4


#: (text, kind, offset the scan starts at, [(tex, line, display, delimiter, lead, joined)]).
SCANS = [
    ("one\n$$\nx = 1\n$$ and $y$", "md", 0,
     [("\nx = 1\n", 2, True, "$$", "one", False), ("y", 4, False, "$", "and", True)]),
    ("$a$ then $b$", "md", 3, [("b", 1, False, "$", "$a$ then", False)]),  # from an offset: what is before is prose
    ("\\begin{align*}\na &= b\n\\end{align*}", "tex", 0, [("\na &= b\n", 1, True, "align*", "", False)]),
    ("\\[ x \\] and \\( y \\)", "md", 0, [(" x ", 1, True, "\\[", "", False), (" y ", 1, False, "\\(", "and", True)]),
    ("```\n$x$\n```\n$y$", "md", 0, [("y", 4, False, "$", "``` $x$ ```", False)]),  # fenced code skipped
    ("```\n$x$\n```\n$y$", "tex", 0, [("x", 2, False, "$", "```", False), ("y", 4, False, "$", "```", True)]),
    ("costs $5 and $10", "md", 0, []),
    ("\\begin{itemize} $x$ \\end{itemize}", "md", 0, [("x", 1, False, "$", "\\begin{itemize}", False)]),
]


@pytest.mark.parametrize(("text", "kind", "start", "expected"), SCANS, ids=[s[0][:30] for s in SCANS])
def test_scan(text: str, kind: str, start: int, expected: list[tuple]) -> None:
    found = Scanner(text, kind).scan(start)
    assert [(s.tex, s.line, s.display, s.delimiter, s.lead, s.joined) for s in found] == expected


def test_a_lead_is_at_most_max_lead_characters_its_end() -> None:
    prose = "word " * 100
    (span,) = Scanner(prose + "$y$", "md").scan(0)
    assert len(span.lead) == MAX_LEAD and prose.strip().endswith(span.lead)


@pytest.mark.parametrize(("name", "math"), [("align", True), ("align*", True), ("equation*", True),
                                            ("displaymath", True), ("itemize", False), ("aligned", False)])
def test_math_environments(name: str, math: bool) -> None:
    assert (name in MATH_ENVIRONMENTS) is math
