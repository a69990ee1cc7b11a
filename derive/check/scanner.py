r"""The one linear scan that finds a document's math: each span (:class:`Span`) with its line, its delimiter
and its lead, the prose just before it (the rules are :mod:`derive.check.document`'s)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from derive.check.delimiters import (BLANK_LINE, doubled_close, find_unescaped, inline_stops, intertexts,
                                     lone_dollars, own_paragraph, run_length)
from derive.check.layout import clean, unwrap

#: Environments whose content is display math.
MATH_ENVIRONMENTS = frozenset(
    f"{name}{star}" for name in ("equation", "align", "gather", "multline", "flalign", "alignat", "eqnarray",
                                 "displaymath", "math") for star in ("", "*"))
_ESCAPED_BRACE = re.compile(r"\\(\\[{}])")  # \\{ of Markdown: the brace \{
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})", re.M)
_BEGIN = re.compile(r"\\begin\{([A-Za-z]+\*?)\}")
_VERBATIM = re.compile(r"\\begin\{(verbatim\*?|lstlisting|minted)\}")
#: Longest inline math span looked for (a lone ``$`` never makes the scan quadratic).
MAX_INLINE = 2000
#: Most characters of prose kept as a span's lead.
MAX_LEAD = 300


@dataclass(frozen=True)
class Span:
    """One piece of math: its LaTeX, the line its first character is on, and how it was written."""

    tex: str
    line: int
    display: bool
    delimiter: str  # "$", "$$", "\\[", "\\(", or an environment's name
    lead: str = ""  # the prose just before it (see :mod:`derive.check.document`)
    joined: bool = False  # the lead is all the prose since the math before it, in that math's paragraph
    paragraph: bool = False  # inline math that is a paragraph of its own, read as a display (``$= \mu$``)

    def line_at(self, offset: int) -> int:
        """The line of the character at ``offset`` in :attr:`tex`."""
        return self.line + self.tex.count("\n", 0, offset)


class Scanner:
    """One pass over a document; each position is looked at a bounded number of times."""

    def __init__(self, text: str, kind: str) -> None:
        self.text, self.kind = text, kind
        self.lines = _LineIndex(text)
        self.absent: dict[str, int] = {}
        self.stops: list[int] | None = None
        self.paragraphs: list[int] = []
        self.last_end = 0  # where the math before the next span ended
        self.seen = False  # whether a span was found yet

    def scan(self, i: int) -> list[Span]:
        """Every span from offset ``i`` on, in order."""
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

    def _span(self, start: int, end: int, display: bool, delimiter: str, opened: int | None = None,
              closed: int | None = None) -> list[Span]:
        """The span of ``text[start:end]`` (its delimiters from ``opened`` to ``closed``); a display with
        ``\\intertext`` in it gives several, the inline math of each intertext between them."""
        opened = start if opened is None else opened
        lead, joined = self._lead(opened, display)
        out: list[Span] = []
        if display:
            for piece_start, piece_end, prose, prose_at in intertexts(self.text, start, end):
                out.append(Span(clean(self.text[piece_start:piece_end]), self.lines.line(piece_start), True,
                                delimiter, lead, joined))
                if prose_at >= 0:
                    out.extend(self._inline_in(prose, prose_at))
                    lead, joined = _last_paragraph(prose), False
        else:
            out.append(Span(unwrap(self.text[start:end]), self.lines.line(start), False, delimiter, lead, joined))
        self.last_end = end if closed is None else closed
        self.seen = True
        return out

    def _lead(self, opened: int, display: bool) -> tuple[str, bool]:
        """The prose before the math opened at ``opened`` (the last paragraph since the math before it), and
        whether it is all of that prose and in the paragraph of that math (a display may follow a blank line)."""
        start = max(self.last_end, opened - 4 * MAX_LEAD)
        before = self.text[start:opened]
        joined = self.seen and start == self.last_end
        if not display:  # inline math: only its own paragraph
            blank = list(BLANK_LINE.finditer(before))
            if blank and _BULLET.fullmatch(before[blank[-1].end():]):  # "Where:" then "- $x = ...$": the item
                intro = _last_paragraph(before[:blank[-1].start()])  # of a list the paragraph before opens
                if intro.endswith(":"):
                    return f"{intro} {before[blank[-1].end():].strip()}", False
            before = before[blank[-1].end():] if blank else before
            joined = joined and not blank
        lead = _last_paragraph(before)
        parts = BLANK_LINE.split(before)
        prose = [k for k, part in enumerate(parts) if part.strip()]
        return lead, joined and prose in ([], [0]) and len(" ".join(before.split())) <= MAX_LEAD

    def _inline_in(self, prose: str, at: int) -> list[Span]:
        """The inline math (``$...$``, ``\\(...\\)``) of an intertext starting at offset ``at``."""
        out = []
        for match in re.finditer(r"(?<!\\)\$([^$]+?)(?<!\\)\$|\\\((.+?)\\\)", prose, re.S):
            group = 1 if match.group(1) is not None else 2
            begin = at + match.start(group)
            before = prose[:match.start()]
            out.append(Span(unwrap(match.group(group)), self.lines.line(begin), False, "$" if group == 1 else "\\(",
                            _last_paragraph(before)))
        return out

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
        run = run_length(text, i, "`")
        end = self._find("`" * run, i + run)
        return i + run if end < 0 else end + run

    def _find(self, needle: str, start: int) -> int:
        """``text.find(needle, start)``, remembering a needle that is absent from some point on."""
        if start >= self.absent.get(needle, len(self.text) + 1):
            return -1
        k = find_unescaped(self.text, needle, start) if needle[0] in "$\\" else self.text.find(needle, start)
        if k < 0:
            self.absent[needle] = min(start, self.absent.get(needle, start))
        return k

    def _backslash(self, i: int, out: list[Span]) -> int:
        text = self.text
        two = text[i:i + 2]
        if self.kind == "md" and text[i:i + 3] in ("\\\\(", "\\\\["):  # \\(x\\): Markdown's escaped \(x\)
            close = "\\\\)" if text[i + 2] == "(" else "\\\\]"
            end = self._find(close, i + 3)
            if end >= 0:
                found = self._span(i + 3, end, text[i + 2] == "[", "\\" + text[i + 2], i, end + 3)
                out.extend(replace(span, tex=_ESCAPED_BRACE.sub(r"\1", span.tex)) for span in found)
                return end + 3
        if two in ("\\$", "\\\\", "\\`", "\\%"):
            return i + 2
        if two in ("\\[", "\\("):
            close = "\\]" if two == "\\[" else "\\)"
            end = self._find(close, i + 2)
            if end < 0:
                return i + 2
            out.extend(self._span(i + 2, end, two == "\\[", two, i, end + 2))
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
            out.extend(self._span(begin.end(), end, True, begin.group(1), i, end + len(closing)))
            return end + len(closing)
        return i + 1

    def _dollar(self, i: int, out: list[Span]) -> int:
        text = self.text
        if text.startswith("$$", i):
            end = self._find("$$", i + 2)
            if end < 0:
                return i + 2
            out.extend(self._span(i + 2, end, True, "$$", i, end + 2))
            return end + 2
        if i + 1 >= len(text):
            return i + 1
        if (end := lone_dollars(text, i)) > 0:  # $ on a line of its own, the math, $ on a line of its own
            out.extend(self._span(i + 1, end, True, "$", i, end + 1))
            return end + 1
        end = self._inline_end(i + 1)
        past = end + 1
        if end < 0 and (end := doubled_close(text, i)) > 0:  # $E(X) = \int x f(x) dx$$: a doubled closing $
            past = end + 2
        if end < 0:
            return i + 1
        if text[i + 1].isspace():  # $ x = 1 $ (MathJax and KaTeX read it), but $ 5 and $ 10 is money
            inside = text[i + 1:end].strip(" \t")
            if not inside or inside[0] == "\n" or inside.startswith("\\begin") or \
                    inside[0].isdigit() and not re.search(r"[=<>\\^_]", inside):  # $ \begin{align}: its own
                return i + 1
        if self.kind == "md" and own_paragraph(text, i, end + 1):  # LaTeX's $...$ is always inline
            lead, joined = self._lead(i, False)  # its prose is its own paragraph's, as any inline math's
            out.extend(replace(span, paragraph=True, lead=lead, joined=joined)
                       for span in self._span(i + 1, end, True, "$", i, end + 1))
        else:
            out.extend(self._span(i + 1, end, False, "$", i, end + 1))
        return past

    def _inline_end(self, i: int) -> int:
        """The ``$`` that closes inline math opened just before ``i``, or -1.

        The first ``$`` after ``i`` that can close (a non-space before it, no
        digit after it) or that opens a display (``$$``) decides, unless a
        blank line or :data:`MAX_INLINE` characters come first; both lists are
        built once, so every opening costs a binary search.
        """
        if self.stops is None:
            self.stops, self.paragraphs = inline_stops(self.text)
        k = bisect.bisect_left(self.stops, i)
        if k == len(self.stops):
            return -1
        end = self.stops[k]
        p = bisect.bisect_left(self.paragraphs, i)
        limit = min(i + MAX_INLINE, self.paragraphs[p] if p < len(self.paragraphs) else len(self.text))
        return end if end < limit and self.text[end + 1:end + 2] != "$" else -1


#: A list item's bullet, alone before its math.
_BULLET = re.compile(r"\s*[-*+]\s*")


def _last_paragraph(text: str) -> str:
    """The last non-empty paragraph of ``text``, on one line, at most :data:`MAX_LEAD` characters (its end)."""
    for part in reversed(BLANK_LINE.split(text)):
        if part.strip():
            return " ".join(part.split())[-MAX_LEAD:]
    return ""


class _LineIndex:
    """Line numbers of offsets, from a sorted list of newline offsets."""

    def __init__(self, text: str) -> None:
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        return bisect.bisect_left(self.newlines, offset) + 1
