r"""Searches in a document's raw text that find where its math opens and closes: an escaped needle, a ``$``
that can close inline math, ``$`` alone on a line, a doubled ``$$`` closing inline math, inline math that is a
paragraph of its own, ``\intertext{...}`` groups, a run of backticks."""

from __future__ import annotations

import re

#: A blank line, which ends a paragraph (and inline math never crosses).
BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_INTERTEXT = re.compile(r"\\(?:short)?intertext\s*\{")


def intertexts(text: str, start: int, end: int) -> list[tuple[int, int, str, int]]:
    """``text[start:end]`` cut at each ``\\intertext{...}``: (piece start, piece end, the intertext after it, its
    offset), the last piece with no intertext (offset -1)."""
    out, at = [], start
    while True:
        match = _INTERTEXT.search(text, at, end)
        if match is None:
            out.append((at, end, "", -1))
            return out
        close = _closing_brace(text, match.end(), end)
        out.append((at, match.start(), text[match.end():close], match.end()))
        at = min(close + 1, end)


def _closing_brace(text: str, i: int, end: int) -> int:
    """The offset of the ``}`` closing a group whose content starts at ``i`` (or ``end``)."""
    depth = 1
    while i < end:
        char = text[i]
        if char == "\\":
            i += 2
            continue
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0:
            return i
        i += 1
    return end


_LONE_DOLLAR = re.compile(r"^[ \t]*\$[ \t]*$", re.M)


def own_paragraph(text: str, opened: int, closed: int) -> bool:
    """The inline math from ``opened`` to ``closed`` is a paragraph of its own, a punctuation mark at most after
    it (``$= 0 + \\mu = \\mu$`` between blank lines): a display, as its author lays it out."""
    start = text.rfind("\n", 0, opened) + 1
    end = text.find("\n", closed)
    end = len(text) if end < 0 else end
    if text[start:opened].strip() or text[closed:end].strip(" \t.,;:"):
        return False
    above = text[:max(start - 1, 0)].rpartition("\n")[2] if start else ""
    below = text[end + 1:].partition("\n")[0]
    return not above.strip() and not below.strip()


def lone_dollars(text: str, i: int) -> int:
    """For a ``$`` alone on its line at ``i``: the ``$`` alone on a later line of the same paragraph that closes the
    math between them (a display, as Markdown editors render it), or -1."""
    start = text.rfind("\n", 0, i) + 1
    if not _LONE_DOLLAR.match(text, start):
        return -1
    close = _LONE_DOLLAR.search(text, text.find("\n", i) + 1) if "\n" in text[i:] else None
    if close is None or BLANK_LINE.search(text, i, close.start()):
        return -1
    return text.index("$", close.start())


def doubled_close(text: str, i: int) -> int:
    """For inline math opened by the ``$`` at ``i``: a ``$$`` that ends its line and closes it, as a typo for
    ``$`` (no ``$`` between, and no later ``$$`` in the paragraph that it could open a display for), or -1."""
    eol = text.find("\n", i)
    eol = len(text) if eol < 0 else eol
    k = text.find("$", i + 1, eol)
    if k < 0 or not text.startswith("$$", k) or text[k + 2:eol].strip() or not text[k - 1:k].strip():
        return -1
    blank = BLANK_LINE.search(text, eol)
    if "$$" in text[eol:blank.start() if blank else len(text)]:
        return -1
    return k


def inline_stops(text: str) -> tuple[list[int], list[int]]:
    """Offsets of every unescaped ``$`` that can close inline math or starts ``$$``, and of every blank line."""
    stops = []
    for match in re.finditer(r"(?<!\\)\$", text):
        k = match.start()
        after = text[k + 1:k + 2]
        if after == "$" or (not text[k - 1].isspace() and not after.isdigit()) or \
                (text[k - 1] in " \t" and (not after or not (after.isalnum() or after in "\\{($"))):  # $x = 1 $.
            stops.append(k)
    return stops, [m.start() for m in re.finditer("\n[ \t]*\n", text)]


def find_unescaped(text: str, needle: str, start: int, stop: int | None = None) -> int:
    """The first ``needle`` at or after ``start`` (before ``stop``) not preceded by a backslash, or -1."""
    stop = len(text) if stop is None else stop
    while True:
        k = text.find(needle, start, stop)
        if k <= 0 or text[k - 1] != "\\":
            return k
        start = k + 1


def run_length(text: str, i: int, char: str) -> int:
    k = i
    while k < len(text) and text[k] == char:
        k += 1
    return k - i
