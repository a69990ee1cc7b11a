"""A statement made of a range of tokens: its pieces, its propositions, the claims inside them."""

from __future__ import annotations

import pytest

from derive.check.document import Span
from derive.check.pieces import inner_claims, outside_cases, piece_at, statement_at
from derive.check.statements import relations_at
from derive.check.depth_tokens import tokens


def _span(tex: str) -> Span:
    return Span(tex, 1, True, "$$")


#: (LaTeX, (pieces), (relations), propositions)
STATEMENTS = [
    ("a = b = c", ("a", "b", "c"), ("=", "="), False),
    (r"a &\le b.", ("a", "b"), ("<=",), False),  # & and the trailing . dropped
    (r"a = b,\ \ ", ("a", "b"), ("=",), False),  # the trailing comma and spacing dropped
    ("a = p + p^2 + ...", ("a", "p + p^2 + ..."), ("=",), False),  # an ellipsis kept
    ("= b", ("", "b"), ("=",), False),  # an empty left side
    (r"a = 0 \iff b = 0, c = 1", ("a = 0", "b = 0, c = 1"), ("⇔",), True),  # propositions kept whole
    (r"\implies q = p", ("", "q = p"), ("⇒",), True),
    ("no relation", ("no relation",), (), False),
]


@pytest.mark.parametrize(("tex", "pieces", "relations", "propositions"), STATEMENTS, ids=[s[0] for s in STATEMENTS])
def test_statement_at(tex: str, pieces: tuple[str, ...], relations: tuple[str, ...], propositions: bool) -> None:
    toks, _ = tokens(tex)
    found = statement_at(_span(tex), toks, 0, len(toks))
    assert tuple(p.tex for p in found.pieces) == pieces
    assert (found.relations, found.propositions, found.display) == (relations, propositions, True)


#: (LaTeX, the piece of all its tokens as the last one, its line)
PIECES = [
    ("\\quad x + y;", "x + y", 1),
    ("&\n\\frac{a}{b} ,", "\\frac{a}{b}", 2),  # starts on the second line
    (r"\begin{cases} 1 & x > 0 \end{cases}", r"\begin{cases} 1 & x > 0 \end{cases}", 1),  # & kept in cases
    (r"\,", "", 1),  # spacing only: an empty piece
]


@pytest.mark.parametrize(("tex", "piece", "line"), PIECES, ids=[p[0] for p in PIECES])
def test_piece_at(tex: str, piece: str, line: int) -> None:
    toks, _ = tokens(tex)
    found = piece_at(_span(tex), toks, 0, len(toks), last=True)
    assert (found.tex, found.line) == (piece, line)


def test_only_the_last_piece_drops_its_punctuation() -> None:
    toks, _ = tokens("a,")
    assert piece_at(_span("a,"), toks, 0, len(toks)).tex == "a,"
    assert piece_at(_span("a,"), toks, 0, len(toks), last=True).tex == "a"


@pytest.mark.parametrize(("tex", "changed"), [
    ("a & b", "A & B"),
    (r"a & \begin{cases} x & y \end{cases} & b", r"A & \begin{cases} x & y \end{cases} & B"),
    ("", ""),
])
def test_outside_cases(tex: str, changed: str) -> None:
    assert outside_cases(tex, str.upper) == changed


#: (an implication, the claims inside its propositions: (pieces, relations))
INNER = [
    (r"A = B = 0 \implies p = \frac{1}{2} = 0.5",
     [(("A", "B", "0"), ("=", "=!")), ((r"\frac{1}{2}", "0.5"), ("=",))]),
    (r"A = B = C \implies p = q", [(("A", "B", "C"), ("=", "="))]),
    (r"a = 0 \iff b = 0", []),  # one equation each: nothing inside
    (r"q = p, \lambda = 1 \implies a = b = c", [(("b", "c"), ("=",))]),  # a system claims nothing
    (r"a \le b \implies c = d", []),  # no equality
]


@pytest.mark.parametrize(("tex", "claims"), INNER, ids=[i[0] for i in INNER])
def test_inner_claims(tex: str, claims: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> None:
    toks, _ = tokens(tex)
    found = inner_claims(_span(tex), toks, relations_at(toks, 0, len(toks)), 0, len(toks))
    assert [(tuple(p.tex for p in s.pieces), s.relations) for s in found] == claims
