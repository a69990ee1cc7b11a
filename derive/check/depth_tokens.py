r"""The tokens of a math span's LaTeX, each with its bracket depth.

A token is a command (``\frac``, ``\{``), a run of letters, or one other
character; spaces are dropped.  Brackets, braces and environments
(:data:`OPEN`, :data:`CLOSE`) change the depth: the rows, statements and
relations of a span are found at depth 0 (:mod:`derive.check.rows`), the
ones deeper are nested (:mod:`derive.check.nesting`).  The helpers here cut a
range of tokens at depth-0 separators and read brace groups.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

#: Tokens that open a bracket, a brace or an environment: one level deeper after them.
OPEN = frozenset({"(", "[", "{", r"\{", r"\lbrace", r"\langle", r"\begin", r"\lceil", r"\lfloor"})
#: Tokens that close one: one level shallower from them on.
CLOSE = frozenset({")", "]", "}", r"\}", r"\rbrace", r"\rangle", r"\end", r"\rceil", r"\rfloor"})
#: Tokens that end a row.
ROW_BREAKS = frozenset({"\\\\", r"\cr", r"\newline"})
#: Commands whose argument is text (``\text{and}``).
TEXT = frozenset({r"\text", r"\textrm", r"\mbox", r"\textnormal", r"\mathrm"})
#: Alignment and spacing a row may start with.
LAYOUT = frozenset({"&", r"\quad", r"\qquad", r"\,", r"\;", r"\:", r"\!", r"\ ", r"\hspace", r"\phantom"})
#: Spacing commands a piece may start with, or end with before the punctuation it drops.
SPACES = frozenset({"\\ ", r"\,", r"\;", r"\:", r"\!", r"\quad", r"\qquad", "~"})
_TOKEN = re.compile(r"\\(?:[A-Za-z]+|.)|\s+|[A-Za-z]+|.", re.S)


@dataclass(frozen=True)
class Tok:
    """One token: its text, its offset in the LaTeX, and the bracket depth before it."""

    text: str
    start: int
    depth: int  # bracket depth before the token


def tokens(tex: str) -> tuple[list[Tok], int]:
    """The tokens of ``tex`` (spaces dropped) with their depth, and the deepest depth reached."""
    out, depth, deepest = [], 0, 0
    for match in _TOKEN.finditer(tex):
        text = match.group()
        if text.isspace():
            continue
        if text in CLOSE:
            depth = max(0, depth - 1)
        out.append(Tok(text, match.start(), depth))
        if text in OPEN:
            depth += 1
            deepest = max(deepest, depth)
    return out, deepest


def with_spaces(tex: str, start: int, end: int) -> Iterable[Tok]:
    """The tokens of ``tex[start:end]``, spaces kept (their depth is not tracked: 0)."""
    for match in _TOKEN.finditer(tex, start, end):
        yield Tok(match.group(), match.start(), 0)


def split(toks: Sequence[Tok], lo: int, hi: int, at: Callable[[int], int]) -> list[tuple[int, int]]:
    """Token ranges of ``lo:hi`` between depth-0 separators; ``at(k)`` is the token after a separator at ``k``, or 0."""
    parts, start, k = [], lo, lo
    while k < hi:
        after = at(k) if toks[k].depth == 0 else 0
        if after:
            parts.append((start, k))
            start = k = min(after, hi)
        else:
            k += 1
    parts.append((start, hi))
    return parts


def group_text(toks: list[Tok], k: int) -> str:
    """The text of the brace group starting at token ``k`` (empty if there is none)."""
    if k >= len(toks) or toks[k].text != "{":
        return ""
    end = group_end(toks, k)
    return "".join(t.text for t in toks[k + 1:end])


def group_end(toks: list[Tok], k: int) -> int:
    """The index of the token closing the group opened at ``k``."""
    depth = toks[k].depth
    for j in range(k + 1, len(toks)):
        if toks[j].text in CLOSE and toks[j].depth == depth:
            return j
    return len(toks) - 1
