r"""Math in a document: every ``$...$``, ``$$...$$``, ``\[...\]``, ``\(...\)`` and math environment, with its line.

Markdown (the default) and LaTeX (``.tex``, ``.latex``, ``.ltx``) are read by
one linear scan.  Markdown skips front matter, fenced code and inline code;
LaTeX skips ``%`` comments and ``verbatim``.  ``$`` opens inline math only
when a non-space follows it, and closes it only after a non-space and before
anything but a digit (so ``$5 and $10`` is prose); inline math never crosses
a blank line.  ``\$`` is a dollar sign.

Inside a display, wrappers such as ``\begin{aligned}`` and labels, tags and
``\nonumber`` are blanked out (replaced by spaces, so offsets and lines stay
true); the rows and relations are found by :mod:`derive.check.chains`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

#: Environments whose content is display math.
MATH_ENVIRONMENTS = frozenset(
    f"{name}{star}" for name in ("equation", "align", "gather", "multline", "flalign", "alignat", "eqnarray",
                                 "displaymath", "math") for star in ("", "*"))
#: Wrappers inside a display that only lay it out; blanked out, their rows kept.
_WRAPPERS = re.compile(r"\\(?:begin|end)\{(?:aligned|alignedat|gathered|split|multlined)\}(?:\{\d+\})?"
                       r"|\\(?:nonumber|notag|displaystyle)\b|\\(?:label|tag\*?)\{[^{}]*\}")
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})", re.M)
_BEGIN = re.compile(r"\\begin\{([A-Za-z]+\*?)\}")
_VERBATIM = re.compile(r"\\begin\{(verbatim\*?|lstlisting|minted)\}")
_TEX_SUFFIXES = (".tex", ".latex", ".ltx")
#: Longest inline math span looked for (a lone ``$`` never makes the scan quadratic).
MAX_INLINE = 2000


@dataclass(frozen=True)
class Span:
    """One piece of math: its LaTeX, the line its first character is on, and how it was written."""

    tex: str
    line: int
    display: bool
    delimiter: str  # "$", "$$", "\\[", "\\(", or an environment's name

    def line_at(self, offset: int) -> int:
        """The line of the character at ``offset`` in :attr:`tex`."""
        return self.line + self.tex.count("\n", 0, offset)


def kind_of(name: str) -> str:
    """``tex`` for a LaTeX file name, else ``md``."""
    return "tex" if name.lower().endswith(_TEX_SUFFIXES) else "md"


def front_matter(text: str) -> tuple[str, int]:
    """The front matter block of a Markdown document (between ``---`` lines at the top) and its end offset."""
    if not text.startswith("---\n") and not text.startswith("---\r\n"):
        return "", 0
    match = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M).search(text, 4)
    if match is None:
        return "", 0
    return text[4:match.start()], match.end()


def spans(text: str, kind: str = "md") -> tuple[Span, ...]:
    """Every math span of ``text``, in order."""
    if kind == "tex":
        text = _blank_comments(text)
        start = 0
    else:
        start = front_matter(text)[1]
    return tuple(_Scanner(text, kind).scan(start))


def _blank_comments(text: str) -> str:
    """LaTeX with every ``%`` comment replaced by spaces (``\\%`` is a percent sign)."""
    return re.sub(r"(?<!\\)%[^\n]*", lambda m: " " * len(m.group()), text)


def clean(tex: str) -> str:
    """A display's LaTeX with layout-only wrappers, labels and tags blanked out."""
    return _WRAPPERS.sub(lambda m: " " * len(m.group()), tex)


class _Scanner:
    """One pass over a document; each position is looked at a bounded number of times."""

    def __init__(self, text: str, kind: str) -> None:
        self.text, self.kind = text, kind
        self.lines = _LineIndex(text)
        self.absent: dict[str, int] = {}
        self.stops: list[int] | None = None
        self.paragraphs: list[int] = []

    def scan(self, i: int) -> list[Span]:
        text, out = self.text, []
        n = len(text)
        while i < n:
            char = text[i]
            if self.kind == "md" and char in "`~":
                i = self._skip_code(i)
            elif char == "\\":
                i = self._backslash(i, out)
            elif char == "$":
                i = self._dollar(i, out)
            else:
                i += 1
        return out

    def _span(self, start: int, end: int, display: bool, delimiter: str) -> Span:
        tex = self.text[start:end]
        return Span(clean(tex) if display else tex, self.lines.line(start), display, delimiter)

    def _skip_code(self, i: int) -> int:
        """Past a fenced block (at a line start) or an inline code span; a lone backtick run is skipped."""
        text = self.text
        back = text.rfind("\n", max(0, i - 4), i)
        line_start = back + 1 if back >= 0 else (0 if i < 4 else -1)
        fence = _FENCE.match(text, line_start) if line_start >= 0 and not text[line_start:i].strip() else None
        if fence is not None:
            marker = fence.group(1)
            close = re.compile(rf"^[ \t]{{0,3}}{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$", re.M)
            next_line = text.find("\n", i)
            found = close.search(text, next_line + 1) if next_line >= 0 else None
            return found.end() if found else len(text)
        if text[i] == "~":
            return i + 1
        run = _run_length(text, i, "`")
        end = self._find("`" * run, i + run)
        return i + run if end < 0 else end + run

    def _find(self, needle: str, start: int) -> int:
        """``text.find(needle, start)``, remembering a needle that is absent from some point on."""
        if start >= self.absent.get(needle, len(self.text) + 1):
            return -1
        k = _find_unescaped(self.text, needle, start) if needle[0] in "$\\" else self.text.find(needle, start)
        if k < 0:
            self.absent[needle] = min(start, self.absent.get(needle, start))
        return k

    def _backslash(self, i: int, out: list[Span]) -> int:
        text = self.text
        two = text[i:i + 2]
        if two in ("\\$", "\\\\", "\\`", "\\%"):
            return i + 2
        if two in ("\\[", "\\("):
            close = "\\]" if two == "\\[" else "\\)"
            end = self._find(close, i + 2)
            if end < 0:
                return i + 2
            out.append(self._span(i + 2, end, two == "\\[", two))
            return end + 2
        if self.kind == "tex" and (verbatim := _VERBATIM.match(text, i)):
            end = self._find(f"\\end{{{verbatim.group(1)}}}", verbatim.end())
            return len(text) if end < 0 else end
        begin = _BEGIN.match(text, i)
        if begin is not None and begin.group(1) in MATH_ENVIRONMENTS:
            closing = f"\\end{{{begin.group(1)}}}"
            end = self._find(closing, begin.end())
            if end < 0:
                return begin.end()
            out.append(self._span(begin.end(), end, True, begin.group(1)))
            return end + len(closing)
        return i + 1

    def _dollar(self, i: int, out: list[Span]) -> int:
        text = self.text
        if text.startswith("$$", i):
            end = self._find("$$", i + 2)
            if end < 0:
                return i + 2
            out.append(self._span(i + 2, end, True, "$$"))
            return end + 2
        if i + 1 >= len(text) or text[i + 1].isspace():
            return i + 1
        end = self._inline_end(i + 1)
        if end < 0:
            return i + 1
        out.append(self._span(i + 1, end, False, "$"))
        return end + 1

    def _inline_end(self, i: int) -> int:
        """The ``$`` that closes inline math opened just before ``i``, or -1.

        The first ``$`` after ``i`` that can close (a non-space before it, no
        digit after it) or that opens a display (``$$``) decides, unless a
        blank line or :data:`MAX_INLINE` characters come first; both lists are
        built once, so every opening costs a binary search.
        """
        if self.stops is None:
            self.stops, self.paragraphs = _inline_stops(self.text)
        k = bisect.bisect_left(self.stops, i)
        if k == len(self.stops):
            return -1
        end = self.stops[k]
        p = bisect.bisect_left(self.paragraphs, i)
        limit = min(i + MAX_INLINE, self.paragraphs[p] if p < len(self.paragraphs) else len(self.text))
        return end if end < limit and self.text[end + 1:end + 2] != "$" else -1


def _inline_stops(text: str) -> tuple[list[int], list[int]]:
    """Offsets of every unescaped ``$`` that can close inline math or starts ``$$``, and of every blank line."""
    stops = []
    for match in re.finditer(r"(?<!\\)\$", text):
        k = match.start()
        after = text[k + 1:k + 2]
        if after == "$" or (not text[k - 1].isspace() and not after.isdigit()):
            stops.append(k)
    return stops, [m.start() for m in re.finditer("\n[ \t]*\n", text)]


def _find_unescaped(text: str, needle: str, start: int, stop: int | None = None) -> int:
    """The first ``needle`` at or after ``start`` (before ``stop``) not preceded by a backslash, or -1."""
    stop = len(text) if stop is None else stop
    while True:
        k = text.find(needle, start, stop)
        if k <= 0 or text[k - 1] != "\\":
            return k
        start = k + 1


def _run_length(text: str, i: int, char: str) -> int:
    k = i
    while k < len(text) and text[k] == char:
        k += 1
    return k - i


class _LineIndex:
    """Line numbers of offsets, from a sorted list of newline offsets."""

    def __init__(self, text: str) -> None:
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        return bisect.bisect_left(self.newlines, offset) + 1
