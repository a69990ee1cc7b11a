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
inline math, the text before it in its paragraph), at most :data:`~derive.check.scanner.MAX_LEAD`
characters, and whether that lead is *joined* to the math before it (it is all
the prose in between: nothing of it was cut).  :mod:`derive.check.chains`
reads "Suppose", "If", ... there, and :mod:`derive.check.prose` follows a
sentence from one span to the next.
"""

from __future__ import annotations

import re
from dataclasses import replace

from derive.check.layout import RELATION, blank_comments
from derive.check.scanner import Scanner, Span

__all__ = ["Span", "continued", "front_matter", "kind_of", "spans"]


_TEX_SUFFIXES = (".tex", ".latex", ".ltx")


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
        text = blank_comments(text)
        start = 0
    else:
        start = front_matter(text)[1]
        text = _HTML_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)  # <!-- ... -->: not shown
        text = _MATHJAX_SCRIPT.sub(_delimited, text)  # <script type="math/tex; mode=display">: $$...$$
    return tuple(Scanner(text, kind).scan(start))


_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
#: MathJax's own script tags, as older blogs (Jekyll with kramdown) publish math: display or inline.
_MATHJAX_SCRIPT = re.compile(r"<script\s+type\s*=\s*[\"']math/tex(\s*;\s*mode\s*=\s*display)?[\"']\s*>(.*?)</script>",
                             re.S | re.I)


def _delimited(match: re.Match) -> str:
    """A MathJax script tag as the dollars that mean the same (its lines kept)."""
    dollars = "$$" if match.group(1) else "$"
    return f"{dollars}{match.group(2)}{dollars}"


def continued(found: tuple[Span, ...]) -> tuple[Span, ...]:
    """The spans with each display that goes on from the display right before it joined to that display: one that
    starts with ``+`` or ``-``, holds no relation of its own, and follows with no prose between (a long formula
    split over two displays, its ``dx`` in the second).  The lines are kept."""
    out: list[Span] = []
    for span in found:
        before = out[-1] if out else None
        if before is not None and before.display and span.display and not span.paragraph and span.joined and \
                not span.lead.strip() and \
                _GOES_ON.match(span.tex) and not RELATION.search(_outside_groups(span.tex)):
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
