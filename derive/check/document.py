r"""Math in a document: every ``$...$``, ``$$...$$``, ``\[...\]``, ``\(...\)`` and math environment, with its line.

Markdown (the default) and LaTeX (``.tex``, ``.latex``, ``.ltx``) are read by
one linear scan.  Markdown skips front matter, fenced code and inline code;
LaTeX skips ``%`` comments and ``verbatim``.  ``$`` opens inline math
unless a digit (after spaces, ``$ 5``) or a line end follows it, and closes it after a non-space and before
anything but a digit, or after a space and before a space, punctuation or
the end (so ``$5 and $10`` is prose); inline math never crosses a blank
line.  ``\$`` is a dollar sign.

Inside a display, wrappers such as ``\begin{aligned}`` and labels, tags and
``\nonumber`` are blanked out (replaced by spaces, so offsets and lines stay
true); the rows and relations are found by :mod:`derive.check.chains`.  An
``\intertext{...}`` (``\shortintertext``) cuts its display in two: its inline
math is read as inline math, and its prose is the lead of the rows after it.

Each span carries its **lead**: the prose just before it (for a display, the
last paragraph between the math before it and its opening delimiter; for
inline math, the text before it in its paragraph), at most :data:`MAX_LEAD`
characters, and whether that lead is *joined* to the math before it (it is all
the prose in between: nothing of it was cut).  :mod:`derive.check.chains`
reads "Suppose", "If", ... there, and :mod:`derive.check.prose` follows a
sentence from one span to the next.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

#: Environments whose content is display math.
MATH_ENVIRONMENTS = frozenset(
    f"{name}{star}" for name in ("equation", "align", "gather", "multline", "flalign", "alignat", "eqnarray",
                                 "displaymath", "math") for star in ("", "*"))
#: Wrappers inside a display that only lay it out; blanked out, their rows kept.
_WRAPPERS = re.compile(r"\\(?:begin|end)\{(?:aligned|alignedat|gathered|split|multlined|align|equation|gather|"
                       r"multline|flalign|alignat|eqnarray|array)\*?\}(?:\{[\d\w]+\})?"
                       r"|\\(?:nonumber|notag|displaystyle)\b"
                       r"|\\(?:label|tag\*?|require)\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}")  # \tag*{\small{x}}
#: An equation's label before it, set apart by space (blanked with the space): ``\text{(A)}\;\;`` anywhere,
#: ``(B1)\qquad`` or ``(\star)\quad`` at the start of a row or after a ``\qquad``.
_SPACE_AFTER = r"(?:\s*\\(?:[;,:! ]|q?quad)(?![A-Za-z]))+"
_EQUATION_LABEL = re.compile(r"\\text(?:rm|bf)?\s*\{\s*\(\s*(?=[A-Za-z\d])[A-Za-z]?\d*'?\s*\)\s*\}" + _SPACE_AFTER +
                             r"|(?:^|(?<=\n)|(?<=\\\\)|(?<=&)|(?<=\\quad)|(?<=\\qquad))\s*"
                             r"\((?:[A-Z]\d*'?|\d+|\\star|\\ast|\*|\\dagger)\)" + _SPACE_AFTER)
#: A row break with the space after it (``\\[1em]``, ``\\[-2pt]``): the space is layout.
_ROW_SPACE = re.compile(r"(\\\\)\s*\[\s*-?\d*\.?\d+\s*(?:em|ex|pt|mm|cm|in|mu|bp|pc)\s*\]")
#: A row that ends with its relation (``a = \\`` then ``b`` on the next row): the break is layout, the right side
#: the next row's.
_RELATION_BREAK = re.compile(r"(?<!\\)(=|\\(?:le|ge|leq|geq|approx|neq|propto|equiv)(?![A-Za-z]))(\s*&?\s*)"
                             r"\\\\(?!\s*\[)")
#: ``\because ...`` to the end of a row the next row goes on from: the reason for the step, beside the chain,
#: not a link of it (the next row's relation is the chain's, not the reason's); one in brackets is its own claim.
_BECAUSE = re.compile(r"(\(\s*)?\\because(?![A-Za-z])(?:[^\\&]|\\(?!\\)[A-Za-z]*|\\[^\\A-Za-z])*(?=\\\\)")
#: ``\resizebox{w}{h}{$`` and ``\scalebox{f}{$``: a box around math, blanked with the ``$}`` that closes it.
_BOX = re.compile(r"\\(?:resizebox\s*\{[^{}]*\}\s*\{[^{}]*\}|scalebox\s*\{[^{}]*\}(?:\[[^\]]*\])?)\s*\{\s*\$")
_INTERTEXT = re.compile(r"\\(?:short)?intertext\s*\{")
_ESCAPED_BRACE = re.compile(r"\\(\\[{}])")  # \\{ of Markdown: the brace \{
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})", re.M)
_BEGIN = re.compile(r"\\begin\{([A-Za-z]+\*?)\}")
_VERBATIM = re.compile(r"\\begin\{(verbatim\*?|lstlisting|minted)\}")
_TEX_SUFFIXES = (".tex", ".latex", ".ltx")
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
    lead: str = ""  # the prose just before it (see the module docstring)
    joined: bool = False  # the lead is all the prose since the math before it, in that math's paragraph
    paragraph: bool = False  # inline math that is a paragraph of its own, read as a display (``$= \mu$``)

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
        text = _HTML_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)  # <!-- ... -->: not shown
        text = _MATHJAX_SCRIPT.sub(_delimited, text)  # <script type="math/tex; mode=display">: $$...$$
    return tuple(_Scanner(text, kind).scan(start))


_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
#: MathJax's own script tags, as older blogs (Jekyll with kramdown) publish math: display or inline.
_MATHJAX_SCRIPT = re.compile(r"<script\s+type\s*=\s*[\"']math/tex(\s*;\s*mode\s*=\s*display)?[\"']\s*>(.*?)</script>",
                             re.S | re.I)


def _delimited(match: re.Match) -> str:
    """A MathJax script tag as the dollars that mean the same (its lines kept)."""
    dollars = "$$" if match.group(1) else "$"
    return f"{dollars}{match.group(2)}{dollars}"


#: Commands whose one argument is shown as it is, boxed, underlined or in another font: blanked with their braces,
#: so that the relations inside are found (``\boxed{\hat p = \bar x}``, ``\eqalign{a &= b \cr ...}``).
_SHOWN = re.compile(r"\\(?:eqalign(?:no)?|displaylines|boxed|underline|sf|mathsf|mathnormal|fbox|large|Large|"
                    r"LARGE|huge|Huge|small|normalsize)\s*\{")


def _unwrap(tex: str) -> str:
    """``tex`` with each :data:`_SHOWN` command and the braces of its argument blanked, and a tilde written as
    text made ``\\sim`` (offsets kept); a font command's one letter written without braces is braced first
    (``\\mathcal N`` is ``\\mathcal{N}``, as TeX reads it)."""
    tex = _FONT_LETTER.sub(r"\\\1{\2}", tex)
    at = 0
    while (found := _SHOWN.search(tex, at)) is not None:
        depth, k = 0, found.end() - 1
        while k < len(tex):
            depth += {"{": 1, "}": -1}.get(tex[k], 0) if tex[k - 1] != "\\" else 0
            if depth == 0:
                break
            k += 1
        if k >= len(tex):
            break
        tex = tex[:found.start()] + " " * (found.end() - found.start()) + tex[found.end():k] + " " + tex[k + 1:]
        at = found.start()
    tex = _COLOR.sub(lambda m: " " * len(m.group()), tex)
    return _tilde(_open_groups(tex))


def continued(found: tuple[Span, ...]) -> tuple[Span, ...]:
    """The spans with each display that goes on from the display right before it joined to that display: one that
    starts with ``+`` or ``-``, holds no relation of its own, and follows with no prose between (a long formula
    split over two displays, its ``dx`` in the second).  The lines are kept."""
    out: list[Span] = []
    for span in found:
        before = out[-1] if out else None
        if before is not None and before.display and span.display and not span.paragraph and span.joined and \
                not span.lead.strip() and \
                _GOES_ON.match(span.tex) and not _RELATION.search(_outside_groups(span.tex)):
            gap = "\n" * max(1, span.line - before.line - before.tex.count("\n"))
            out[-1] = replace(before, tex=before.tex + gap + span.tex)
        else:
            out.append(span)
    return tuple(out)


#: A display that goes on from the one before: its first sign is a plus or a minus.
_GOES_ON = re.compile(r"\s*(?:\\[,;:! ]|\\q?quad\s*)*[+-]")


def _outside_groups(tex: str) -> str:
    """``tex`` without what its braces hold (``\\sum_{i=1}`` keeps no ``=``)."""
    out, depth = [], 0
    for k, char in enumerate(tex):
        escaped = tex[k - 1:k] == "\\"
        depth += (char == "{" and not escaped) - (char == "}" and not escaped and depth > 0)
        out.append(char if depth == 0 and char != "}" else " ")
    return "".join(out)


#: A font command and the one letter it applies to, written without braces: ``\mathcal N``, ``\mathbb E``.
_FONT_LETTER = re.compile(r"\\(mathcal|mathbb|mathrm|mathbf|boldsymbol|mathit|mathsf|mathscr|mathfrak|bm)\s+([A-Za-z])")


#: A colour switch with its colour (``\color{blue}``, ``\textcolor{red}``): blanked, its group read as written.
_COLOR = re.compile(r"\\(?:color|textcolor)\s*\{[^{}]*\}")
#: A relation, as the groups :func:`_open_groups` opens hold one.
_RELATION = re.compile(r"=|<|>|\\(?:le|ge|leq|geq|neq|ne|approx|propto|sim|equiv)(?![A-Za-z])")


def _open_groups(tex: str) -> str:
    """``tex`` with the braces blanked of each group that only groups (after no command, script or other group)
    and holds a relation of its own (``{ H(X,Y) = H(Y|X) + H(X) }``, what was ``\\color{blue}{...}``).  One pass:
    each open group notes whether a relation stands at its own depth."""
    chars = list(tex)
    stack: list[list] = []  # [offset of the brace, whether a relation stands directly inside]
    for k, char in enumerate(tex):
        escaped = tex[k - 1:k] == "\\"
        if char == "{" and not escaped:
            stack.append([k, False])
        elif char == "}" and not escaped and stack:
            start, related = stack.pop()
            before = tex[max(0, start - 40):start].rstrip()
            if related and not before.endswith(("_", "^", "}", "]")) and not re.search(r"\\[A-Za-z]+$", before):
                chars[start] = chars[k] = " "
        elif stack and not stack[-1][1] and char in "=<>\\" and _RELATION.match(tex, k):
            stack[-1][1] = True
    return "".join(chars)


#: A tilde written as text (``X \texttt{~} Poisson(\lambda)``): the relation ``\sim``.
_TEXT_TILDE = re.compile(r"\\(?:texttt|text|mathtt|textrm|mathrm)\s*\{\s*(?:~|\\sim|\\textasciitilde)\s*\}")


def _tilde(tex: str) -> str:
    """``tex`` with each tilde written as text made ``\\sim`` (padded, so offsets are kept), and each underscore
    escaped for Markdown (``x\\_i``, which the page shows as ``x_i``) a subscript."""
    return _ESCAPED_SCRIPT.sub(" _", _TEXT_TILDE.sub(lambda m: r"\sim" + " " * (len(m.group()) - 4), tex))


#: An underscore escaped so that Markdown leaves it to the math: ``\hat{y}\_i``.
_ESCAPED_SCRIPT = re.compile(r"(?<!\\)\\_")


def _blank_comments(text: str) -> str:
    """LaTeX with every ``%`` comment replaced by spaces (``\\%`` is a percent sign)."""
    return re.sub(r"(?<!\\)%[^\n]*", lambda m: " " * len(m.group()), text)


def clean(tex: str) -> str:
    """A display's LaTeX with ``%`` comments (KaTeX and MathJax skip them too), layout-only wrappers, labels, tags,
    an equation's written label (``\\text{(A)}``) and ``\\resizebox{..}{..}{$...$}`` blanked out."""
    tex = _WRAPPERS.sub(lambda m: " " * len(m.group()), _blank_comments(tex))
    tex = _EQUATION_LABEL.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), tex)  # its lines kept
    tex = _ROW_SPACE.sub(lambda m: m.group(1) + " " * (len(m.group()) - 2), tex)  # \\[1em]: a row break
    tex = _RELATION_BREAK.sub(lambda m: m.group(1) + m.group(2) + "  ", tex)  # a = \\ b: one relation
    tex = _BECAUSE.sub(lambda m: m.group() if m.group(1) else " " * len(m.group()), tex)  # a reason beside a row
    tex = _unwrap(tex)
    at = 0
    while (box := _BOX.search(tex, at)) is not None:
        close = re.compile(r"(?<!\\)\$\s*\}").search(tex, box.end())
        if close is None:
            break
        tex = (tex[:box.start()] + " " * (box.end() - box.start()) + tex[box.end():close.start()]
               + " " * (close.end() - close.start()) + tex[close.end():])
        at = close.end()
    return tex


class _Scanner:
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
            for piece_start, piece_end, prose, prose_at in _intertexts(self.text, start, end):
                out.append(Span(clean(self.text[piece_start:piece_end]), self.lines.line(piece_start), True,
                                delimiter, lead, joined))
                if prose_at >= 0:
                    out.extend(self._inline_in(prose, prose_at))
                    lead, joined = _last_paragraph(prose), False
        else:
            out.append(Span(_unwrap(self.text[start:end]), self.lines.line(start), False, delimiter, lead, joined))
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
            blank = list(_BLANK_LINE.finditer(before))
            if blank and _BULLET.fullmatch(before[blank[-1].end():]):  # "Where:" then "- $x = ...$": the item
                intro = _last_paragraph(before[:blank[-1].start()])  # of a list the paragraph before opens
                if intro.endswith(":"):
                    return f"{intro} {before[blank[-1].end():].strip()}", False
            before = before[blank[-1].end():] if blank else before
            joined = joined and not blank
        lead = _last_paragraph(before)
        parts = _BLANK_LINE.split(before)
        prose = [k for k, part in enumerate(parts) if part.strip()]
        return lead, joined and prose in ([], [0]) and len(" ".join(before.split())) <= MAX_LEAD

    def _inline_in(self, prose: str, at: int) -> list[Span]:
        """The inline math (``$...$``, ``\\(...\\)``) of an intertext starting at offset ``at``."""
        out = []
        for match in re.finditer(r"(?<!\\)\$([^$]+?)(?<!\\)\$|\\\((.+?)\\\)", prose, re.S):
            group = 1 if match.group(1) is not None else 2
            begin = at + match.start(group)
            before = prose[:match.start()]
            out.append(Span(_unwrap(match.group(group)), self.lines.line(begin), False, "$" if group == 1 else "\\(",
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
        if (end := _lone_dollars(text, i)) > 0:  # $ on a line of its own, the math, $ on a line of its own
            out.extend(self._span(i + 1, end, True, "$", i, end + 1))
            return end + 1
        end = self._inline_end(i + 1)
        past = end + 1
        if end < 0 and (end := _doubled_close(text, i)) > 0:  # $E(X) = \int x f(x) dx$$: a doubled closing $
            past = end + 2
        if end < 0:
            return i + 1
        if text[i + 1].isspace():  # $ x = 1 $ (MathJax and KaTeX read it), but $ 5 and $ 10 is money
            inside = text[i + 1:end].strip(" \t")
            if not inside or inside[0] == "\n" or inside.startswith("\\begin") or \
                    inside[0].isdigit() and not re.search(r"[=<>\\^_]", inside):  # $ \begin{align}: its own
                return i + 1
        if self.kind == "md" and _own_paragraph(text, i, end + 1):  # LaTeX's $...$ is always inline
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
            self.stops, self.paragraphs = _inline_stops(self.text)
        k = bisect.bisect_left(self.stops, i)
        if k == len(self.stops):
            return -1
        end = self.stops[k]
        p = bisect.bisect_left(self.paragraphs, i)
        limit = min(i + MAX_INLINE, self.paragraphs[p] if p < len(self.paragraphs) else len(self.text))
        return end if end < limit and self.text[end + 1:end + 2] != "$" else -1


def _intertexts(text: str, start: int, end: int) -> list[tuple[int, int, str, int]]:
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


#: A list item's bullet, alone before its math.
_BULLET = re.compile(r"\s*[-*+]\s*")


def _last_paragraph(text: str) -> str:
    """The last non-empty paragraph of ``text``, on one line, at most :data:`MAX_LEAD` characters (its end)."""
    for part in reversed(_BLANK_LINE.split(text)):
        if part.strip():
            return " ".join(part.split())[-MAX_LEAD:]
    return ""


_LONE_DOLLAR = re.compile(r"^[ \t]*\$[ \t]*$", re.M)


def _own_paragraph(text: str, opened: int, closed: int) -> bool:
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


def _lone_dollars(text: str, i: int) -> int:
    """For a ``$`` alone on its line at ``i``: the ``$`` alone on a later line of the same paragraph that closes the
    math between them (a display, as Markdown editors render it), or -1."""
    start = text.rfind("\n", 0, i) + 1
    if not _LONE_DOLLAR.match(text, start):
        return -1
    close = _LONE_DOLLAR.search(text, text.find("\n", i) + 1) if "\n" in text[i:] else None
    if close is None or _BLANK_LINE.search(text, i, close.start()):
        return -1
    return text.index("$", close.start())


def _doubled_close(text: str, i: int) -> int:
    """For inline math opened by the ``$`` at ``i``: a ``$$`` that ends its line and closes it, as a typo for
    ``$`` (no ``$`` between, and no later ``$$`` in the paragraph that it could open a display for), or -1."""
    eol = text.find("\n", i)
    eol = len(text) if eol < 0 else eol
    k = text.find("$", i + 1, eol)
    if k < 0 or not text.startswith("$$", k) or text[k + 2:eol].strip() or not text[k - 1:k].strip():
        return -1
    blank = _BLANK_LINE.search(text, eol)
    if "$$" in text[eol:blank.start() if blank else len(text)]:
        return -1
    return k


def _inline_stops(text: str) -> tuple[list[int], list[int]]:
    """Offsets of every unescaped ``$`` that can close inline math or starts ``$$``, and of every blank line."""
    stops = []
    for match in re.finditer(r"(?<!\\)\$", text):
        k = match.start()
        after = text[k + 1:k + 2]
        if after == "$" or (not text[k - 1].isspace() and not after.isdigit()) or \
                (text[k - 1] in " \t" and (not after or not (after.isalnum() or after in "\\{($"))):  # $x = 1 $.
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
