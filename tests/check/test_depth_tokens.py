"""LaTeX tokens with their bracket depth, cut at depth-0 separators."""

from __future__ import annotations

import pytest

from derive.check.depth_tokens import group_end, group_text, split, tokens, with_spaces

#: (LaTeX, [(token, depth)], deepest)
TOKENS = [
    ("a = b", [("a", 0), ("=", 0), ("b", 0)], 0),
    (r"f(x) \le 1", [("f", 0), ("(", 0), ("x", 1), (")", 0), (r"\le", 0), ("1", 0)], 1),
    (r"\frac{a}{b}", [(r"\frac", 0), ("{", 0), ("a", 1), ("}", 0), ("{", 0), ("b", 1), ("}", 0)], 1),
    (r"\{[x]\}", [(r"\{", 0), ("[", 1), ("x", 2), ("]", 1), (r"\}", 0)], 2),
    (r"\begin{cases} 1 \end{cases}", [(r"\begin", 0), ("{", 1), ("cases", 2), ("}", 1), ("1", 1), (r"\end", 0),
                                      ("{", 0), ("cases", 1), ("}", 0)], 2),
    (")) x", [(")", 0), (")", 0), ("x", 0)], 0),  # never below 0
    ("abc12", [("abc", 0), ("1", 0), ("2", 0)], 0),  # a run of letters is one token, digits one each
    ("", [], 0),
]


@pytest.mark.parametrize(("tex", "expected", "deepest"), TOKENS, ids=[t[0] or "empty" for t in TOKENS])
def test_tokens_and_their_depth(tex: str, expected: list[tuple[str, int]], deepest: int) -> None:
    toks, deep = tokens(tex)
    assert [(t.text, t.depth) for t in toks] == expected
    assert deep == deepest
    assert all(tex[t.start:t.start + len(t.text)] == t.text for t in toks)


def test_with_spaces_keeps_the_spaces() -> None:
    assert [t.text for t in with_spaces("a  + b", 0, 6)] == ["a", "  ", "+", " ", "b"]
    assert [t.text for t in with_spaces("a  + b", 3, 6)] == ["+", " ", "b"]


#: (LaTeX, the parts between depth-0 commas)
SPLITS = [
    ("a, b, c", ["a", "b", "c"]),
    ("f(a, b), c", ["f(a,b)", "c"]),  # a comma inside brackets does not split
    ("a", ["a"]),
    ("a,", ["a", ""]),
]


@pytest.mark.parametrize(("tex", "parts"), SPLITS, ids=[s[0] for s in SPLITS])
def test_split_at_depth_0_separators(tex: str, parts: list[str]) -> None:
    toks, _ = tokens(tex)
    ranges = split(toks, 0, len(toks), lambda k: k + 1 if toks[k].text == "," else 0)
    assert ["".join(t.text for t in toks[a:b]) for a, b in ranges] == parts


#: (LaTeX, the index of a token opening a group, its text, the index closing it)
GROUPS = [
    (r"\text{and} x", 1, "and", 3),
    (r"\frac{a{b}}{c}", 1, "a{b}", 6),
    (r"\text x", 1, "", None),  # no brace: no group
    (r"\text{open", 1, "", 2),  # never closed: it ends at the last token, its text short of it
]


@pytest.mark.parametrize(("tex", "k", "text", "end"), GROUPS, ids=[g[0] for g in GROUPS])
def test_groups(tex: str, k: int, text: str, end: int | None) -> None:
    toks, _ = tokens(tex)
    assert group_text(toks, k) == text
    if end is not None:
        assert group_end(toks, k) == end


def test_no_group_past_the_end() -> None:
    toks, _ = tokens(r"\text")
    assert group_text(toks, 1) == ""
