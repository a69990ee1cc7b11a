r"""Evaluation bars in the source: ``F \Big|_{a}^{b}`` given the ``\left.`` it implies (:func:`bare_bars`), and the
``\right|`` that closes a ``\left.`` (:func:`right_bar`)."""

from __future__ import annotations

import re


_LEFT_RIGHT = re.compile(r"\\(left|right)(?![A-Za-z])")
#: An evaluation bar written without ``\left.``: ``F \Big|_{a}^{b}``, ``F |_{x=a}``.
_BARE_BAR = re.compile(r"(?<!\\right)(?<!\\right )(?:\\(?:big|Big|bigg|Bigg)r?\s*)?\|"
                       r"(?=\s*_\s*(?:\{[^{}]*=|[^{}]\s*\^|\{[^{}]*\}\s*\^))")
_TERM_BREAKS = frozenset("+-=,&")
_DERIVATIVE_TOP = re.compile(r"\\frac\s*\{\s*(?:d|\\mathrm\s*\{\s*d|\\text\s*\{\s*d|\\partial)")


def bare_bars(source: str) -> str:
    r"""``F \Big|_{a}^{b}`` (``F|_{x=a}``) written as ``\left. F \right|_{a}^{b}``: the bar evaluates the term
    before it, back to a sign, a relation or the bracket that holds it. A bar that closes an absolute value
    (an odd number of bars before it in the term) is left alone."""
    for match in reversed(list(_BARE_BAR.finditer(source))):
        start = _term_start(source, match.start())
        term = source[start:match.start()] if start is not None else ""
        if start is None or term.count("|") % 2 or _DERIVATIVE_TOP.search(term):
            continue  # an absolute value's closing bar; a derivative's bar, which the derivative reads
        source = source[:start] + r"\left. " + source[start:match.start()] + r"\right|" + source[match.end():]
    return source


def _term_start(source: str, end: int) -> int | None:
    """Where the term that ends at ``end`` starts (after a sign, a relation, a comma or an open bracket)."""
    depth, k = 0, end
    while k > 0:
        char = source[k - 1]
        if char in ")]}":
            depth += 1
        elif char in "([{":
            if depth == 0:
                return k
            depth -= 1
        elif depth == 0 and char in _TERM_BREAKS and not source[:k - 1].endswith("\\"):
            return k
        k -= 1
    return 0 if source[:end].strip() else None


def right_bar(source: str, start: int) -> int | None:
    """The offset of the ``\\right`` that closes a ``\\left.`` ending at ``start``, when it is an evaluation bar
    (``\\right|_{...}``, ``\\right\\vert_``); else ``None``."""
    depth = 0
    for match in _LEFT_RIGHT.finditer(source, start):
        depth += 1 if match.group(1) == "left" else -1
        if depth < 0:
            rest = source[match.end():].lstrip()
            bar = rest[1:] if rest.startswith("|") else rest[5:] if rest.startswith(r"\vert") else None
            return match.start() if bar is not None and bar.lstrip().startswith("_") else None
    return None
