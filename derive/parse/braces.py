r"""Braces that group, read as brackets: ``\exp\{-\frac{x^2}{2}\}`` is ``\exp(-\frac{x^2}{2})`` and
``\left\{ a + b \right\}`` around a sum is ``\left( a + b \right)``; braces that hold elements of a set (a comma, a
bar, a colon) or an event (a relation) stay braces."""

from __future__ import annotations

import re

#: A function whose argument people often put in braces: ``\exp\{-\frac{x^2}{2}\}``, ``\exp\left\{...\right\}``.
_BRACED_FUNCTION = re.compile(r"(\\(?:exp|log|ln)(?:_\{?[0-9]+\}?)?|\\(?:text|mathrm|operatorname)\{\s*exp\s*\})\s*"
                              r"(\\(?:left|[Bb]igg?l?)\s*)?\\\{")
_BRACE_OR_SEPARATOR = re.compile(r"\\[{}]|\\mid(?![A-Za-z])|[,|:;]")
#: Sized braces that may group a sum: ``\frac{1}{n}\left\{ \sum x_i^2 - n \bar{x}^2 \right\}``.
_SIZED_BRACE = re.compile(r"(\\(?:left|[Bb]igg?l?)\s*)\\\{")
#: What makes braces a set or an event, never a group: a relation.
_RELATION_INSIDE = re.compile(r"[=<>]|\\(?:in|le|ge|leq|geq|ne|neq|subset|subseteq|to)(?![A-Za-z])")


def grouping_braces(tex: str) -> str:
    r"""``tex`` with each ``\{...\}`` that holds the argument of ``\exp`` (``\log``, ``\ln``) written ``(...)``: a
    group, not a set, when nothing in it separates elements (a comma, a bar, a colon)."""
    out, at = [], 0
    for match in _BRACED_FUNCTION.finditer(tex):
        if match.start() < at:
            continue
        close = _closing_brace(tex, match.end())
        if close is None:
            continue
        sizing = match.group(2) or ""
        closer = re.search(r"(\\(?:right|[Bb]igg?r?)\s*)?\\\}\Z", tex[:close + 2])
        out += [tex[at:match.start()], match.group(1), sizing, "(", tex[match.end():closer.start()],
                r"\right)" if sizing.startswith(r"\left") else ")"]
        at = close + 2
    tex = "".join(out) + tex[at:] if out else tex
    return _grouped_sums(tex) if r"\{" in tex else tex


def _grouped_sums(tex: str) -> str:
    r"""``tex`` with each sized ``\left\{...\right\}`` that holds a sum and nothing that separates elements or
    relates them written ``\left(...\right)``: a group of terms, as older texts bracket them."""
    out, at = [], 0
    for match in _SIZED_BRACE.finditer(tex):
        if match.start() < at or (close := _closing_brace(tex, match.end())) is None:
            continue
        inside = tex[match.end():close]
        closer = re.search(r"(\\(?:right|[Bb]igg?r?)\s*)?\\\}\Z", tex[:close + 2])
        if not _top_level_sum(inside) or _RELATION_INSIDE.search(inside) or not closer.group(1):
            continue
        out += [tex[at:match.start()], match.group(1), "(", inside, closer.group(1), ")"]
        at = close + 2
    return "".join(out) + tex[at:] if out else tex


def _top_level_sum(text: str) -> bool:
    """``text`` has a plus or minus between terms outside every bracket."""
    depth = 0
    for k, char in enumerate(text):
        depth += char in "([{" and 1 or char in ")]}" and -1 or 0
        if char in "+-" and depth == 0 and text[:k].strip():
            return True
    return False


def _closing_brace(tex: str, start: int) -> int | None:
    r"""The offset of the ``\}`` that closes a ``\{`` ending at ``start``, if nothing at depth 0 separates elements."""
    depth = 0
    for match in _BRACE_OR_SEPARATOR.finditer(tex, start):
        text = match.group()
        if text == r"\{":
            depth += 1
        elif text == r"\}":
            if depth == 0:
                return match.start()
            depth -= 1
        elif depth == 0 and _balanced(tex[start:match.start()]):
            return None  # \exp\{a, b\}: elements of a set
    return None


def _balanced(text: str) -> bool:
    """Every bracket ``text`` opens it closes: a separator after it is not inside one."""
    return all(text.count(a) == text.count(b) for a, b in ("{}", "()", "[]"))
