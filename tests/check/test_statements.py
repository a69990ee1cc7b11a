"""Relations as written and in normal form, found at depth 0; statements and their pieces."""

from __future__ import annotations

import pytest

from derive.check.statements import RELATIONS, SET, Piece, Statement, relations_at
from derive.check.depth_tokens import tokens

#: (LaTeX, [(relation as written, its normal form)])
FOUND = [
    ("a = b", [("=", "=")]),
    ("a := b =: c", [(":=", ":="), ("=:", "=")]),
    (r"a \le b \geq c", [(r"\le", "<="), (r"\geq", ">=")]),
    ("a <= b != c", [("<=", "<="), ("!=", "!=")]),
    ("a ≤ b ≈ c", [("≤", "<="), ("≈", "≈")]),
    (r"p \in (0, 1)", [(r"\in", "∈")]),
    (r"a = 0 \iff b = 0", [("=", "="), (r"\iff", "⇔"), ("=", "=")]),
    (r"a \stackrel{\text{def}}{=} b", [(":=", ":=")]),
    (r"a \overset{(1)}{=} b", [("=", "=")]),
    (r"a \overset{\text{set}}{=} 0", [(SET, SET)]),
    (r"a \stackrel{!}{=} 0", [(SET, SET)]),
    (r"a \overset{x}{+} b", []),  # no relation set over: none
    ("P(X = 0) + f_{i=1}", []),  # inside brackets: none at depth 0
    ("a < b", [("<", "<")]),
    ("a : = b", [("=", "=")]),  # apart: only the =
]


@pytest.mark.parametrize(("tex", "expected"), FOUND, ids=[f[0] for f in FOUND])
def test_relations_at_depth_0(tex: str, expected: list[tuple[str, str]]) -> None:
    toks, _ = tokens(tex)
    found = relations_at(toks, 0, len(toks))
    assert [(written, RELATIONS[written]) for _, _, written in found] == expected
    assert all(0 <= first < after <= len(toks) for first, after, _ in found)


def test_relations_only_in_the_range() -> None:
    toks, _ = tokens("a = b < c")
    assert [r for _, _, r in relations_at(toks, 2, len(toks))] == ["<"]


#: (relations, is the statement an order statement)
ORDERS = [
    (("<", "<"), True),
    (("∈",), True),
    ((">=",), True),
    (("=",), False),
    (("<", "="), False),
    ((), False),
]


@pytest.mark.parametrize(("relations", "order"), ORDERS, ids=[str(o[0]) for o in ORDERS])
def test_statement_is_order(relations: tuple[str, ...], order: bool) -> None:
    pieces = tuple(Piece(name, 1) for name in "abc"[:len(relations) + 1])
    assert Statement(pieces, relations, True).is_order is order


@pytest.mark.parametrize(("tex", "empty"), [("", True), ("  ", True), ("x", False)])
def test_piece_empty(tex: str, empty: bool) -> None:
    assert Piece(tex, 1).empty is empty


def test_statement_line_is_its_last_piece() -> None:
    assert Statement((Piece("a", 2), Piece("b", 4)), ("=",), True).line == 4
    assert Statement((), (), True).line == 0
