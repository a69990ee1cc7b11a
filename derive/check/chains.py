r"""From math spans to chains of equalities and their links.

A span is cut into **rows** at ``\\`` (outside brackets and environments such
as ``cases``), a row into **statements** at ``\quad``, ``\qquad``, ``;``,
``\text{and}`` and at commas between relations, and a statement into
**pieces** at its relations (``=``, ``:=``, ``\approx``, ``\propto``, ``<``,
``\le``, ...), all at bracket depth 0.  ``&`` is dropped, and so is a trailing
``.``, ``,`` or ``;``; a part of a row with no relation in it (``\quad
\text{(by Jensen)}``) is an annotation and is dropped.

Statements become **chains**: ``a = b = c`` is one chain with links
``a = b`` and ``b = c``.  A statement whose left side is empty (``&= d``)
continues the chain before it, and a display statement whose left side is
written like the subject of the chain of the display statement before it
(``KL(P || Q) = ...`` in two consecutive ``$$`` blocks) continues that chain
too: its right side is linked to the chain's last expression.  Inline math
never continues a display chain and never interrupts one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from derive.check.document import Span

#: Deepest bracket nesting a statement may have; deeper spans are reported, not split.
MAX_DEPTH = 200
#: Relations between the pieces of a statement, as written -> a normal form.
RELATIONS = {
    "=": "=", ":=": ":=", "=:": "=", "<": "<", ">": ">", "<=": "<=", ">=": ">=", "!=": "!=",
    r"\le": "<=", r"\leq": "<=", r"\leqslant": "<=", r"\ge": ">=", r"\geq": ">=", r"\geqslant": ">=",
    r"\lt": "<", r"\gt": ">", r"\ne": "!=", r"\neq": "!=", r"\approx": "≈", r"\simeq": "≈", r"\cong": "≈",
    r"\propto": "∝", r"\sim": "~", r"\equiv": "≡", r"\coloneqq": ":=", r"\coloneq": ":=", r"\triangleq": ":=",
    r"\eqqcolon": "=", r"\doteq": ":=", r"\defeq": ":=", r"\in": "∈", r"\to": "→", r"\rightarrow": "→",
    r"\Rightarrow": "⇒", r"\implies": "⇒", r"\iff": "⇔", r"\ll": "≪", r"\gg": "≫",
    "≤": "<=", "≥": ">=", "≠": "!=", "≈": "≈", "∝": "∝", "≡": "≡", "∈": "∈", "→": "→", "≔": ":=",
}
#: Relations a chain of equalities is made of; the rest are reported as skipped.
EQUALITIES = frozenset({"=", ":="})
#: Relations of an assumption such as ``0 < p < 1``.
ORDER = frozenset({"<", ">", "<=", ">=", "∈"})
_OPEN = frozenset({"(", "[", "{", r"\{", r"\lbrace", r"\langle", r"\begin", r"\lceil", r"\lfloor"})
_CLOSE = frozenset({")", "]", "}", r"\}", r"\rbrace", r"\rangle", r"\end", r"\rceil", r"\rfloor"})
_ROW_BREAKS = frozenset({"\\\\", r"\cr", r"\newline"})
_BREAKS = frozenset({r"\quad", r"\qquad", ";", r"\hfill"})
_JOINING_WORDS = frozenset({"and", "or", "where", "for", "with", "since", "so", "hence", "thus", "then", "if",
                            "i.e.", "i.e.,", "andso", "whichgives", "sothat"})  # written without spaces
_TEXT = frozenset({r"\text", r"\textrm", r"\mbox", r"\textnormal", r"\mathrm"})
_OVERSET = frozenset({r"\stackrel", r"\overset", r"\underset"})
_DEFINING_LABELS = re.compile(r"def|\\Delta|:|\\triangle", re.I)
_TOKEN = re.compile(r"\\(?:[A-Za-z]+|.)|\s+|[A-Za-z]+|.", re.S)
_SIZING = re.compile(r"\\(?:left|right|big|Big|bigg|Bigg)[lr]?\b\.?|\\[,;:! ]|\\(?:quad|qquad)\b|\s+")


@dataclass(frozen=True)
class Piece:
    """One side of a relation: its LaTeX as written and the line it starts on."""

    tex: str
    line: int

    @property
    def empty(self) -> bool:
        return not self.tex.strip()


@dataclass(frozen=True)
class Statement:
    """``a REL b REL c ...`` from one row of one span; ``problem`` says why it cannot be split."""

    pieces: tuple[Piece, ...]
    relations: tuple[str, ...]
    display: bool
    problem: str = ""

    @property
    def line(self) -> int:
        return self.pieces[-1].line if self.pieces else 0

    @property
    def is_order(self) -> bool:
        """Only ``<``, ``<=``, ``>``, ``>=``, ``\\in``: an assumption, or an inequality."""
        return bool(self.relations) and all(r in ORDER for r in self.relations)


@dataclass(frozen=True)
class Link:
    """``lhs REL rhs``, the ``position``-th link of chain number ``chain`` (1 for the first)."""

    lhs: Piece
    rhs: Piece
    relation: str
    chain: int
    position: int

    @property
    def line(self) -> int:
        return self.rhs.line


@dataclass(frozen=True)
class Chain:
    """``subject = e_1 = e_2 = ...``: the expressions (subject first) and the relations between them."""

    expressions: tuple[Piece, ...]
    relations: tuple[str, ...]
    display: bool

    @property
    def subject(self) -> Piece:
        return self.expressions[0]

    def links(self, number: int) -> tuple[Link, ...]:
        return tuple(Link(self.expressions[k - 1], self.expressions[k], self.relations[k - 1], number, k)
                     for k in range(1, len(self.expressions)))


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    depth: int  # bracket depth before the token


def tokens(tex: str) -> tuple[list[_Tok], int]:
    """The tokens of ``tex`` (spaces dropped) with their depth, and the deepest depth reached."""
    out, depth, deepest = [], 0, 0
    for match in _TOKEN.finditer(tex):
        text = match.group()
        if text.isspace():
            continue
        if text in _CLOSE:
            depth = max(0, depth - 1)
        out.append(_Tok(text, match.start(), depth))
        if text in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
    return out, deepest


def statements(span: Span) -> list[Statement]:
    """The statements of one span, in order."""
    tex = span.tex
    toks, deepest = tokens(tex)
    if deepest > MAX_DEPTH:
        first = next((t.start for t in toks), 0)
        return [Statement((Piece(tex.strip()[:60], span.line_at(first)),), (), span.display,
                          f"brackets nested {deepest} deep (at most {MAX_DEPTH})")]
    out: list[Statement] = []
    for row in _split(toks, 0, len(toks), lambda k: k + 1 if toks[k].text in _ROW_BREAKS else 0):
        out.extend(_row_statements(span, toks, *row))
    return out


def _row_statements(span: Span, toks: list[_Tok], lo: int, hi: int) -> list[Statement]:
    """A row's statements; a part of the row with no relation (an annotation) is dropped."""
    out = []
    for a, b in _split(toks, lo, hi, lambda k: _break_end(toks, k)):
        found = _relations(toks, a, b)
        if not found:
            continue
        if all(RELATIONS[r] in ORDER for _, _, r in found):  # "0 < p, q < 1" keeps its comma
            out.append(_statement(span, toks, a, b))
        else:
            out.extend(_statement(span, toks, *c) for c in _comma_parts(toks, a, b))
    return out


def _comma_parts(toks: list[_Tok], lo: int, hi: int) -> list[tuple[int, int]]:
    """``a = b, c = d`` as two parts; a comma part without a relation stays with the part before it."""
    parts: list[tuple[int, int]] = []
    for a, b in _split(toks, lo, hi, lambda k: k + 1 if toks[k].text == "," else 0):
        if parts and not _relations(toks, a, b):
            parts[-1] = (parts[-1][0], b)
        else:
            parts.append((a, b))
    return parts


def _statement(span: Span, toks: list[_Tok], lo: int, hi: int) -> Statement:
    found = _relations(toks, lo, hi)
    pieces, relations, start = [], [], lo
    for a, b, written in found:
        pieces.append(_piece(span, toks, start, a))
        relations.append(RELATIONS[written])
        start = b
    pieces.append(_piece(span, toks, start, hi, last=True))
    return Statement(tuple(pieces), tuple(relations), span.display)


def _piece(span: Span, toks: list[_Tok], lo: int, hi: int, last: bool = False) -> Piece:
    """Tokens ``lo:hi`` as a piece of the source; ``&`` blanked, a trailing ``.``/``,``/``;`` dropped."""
    if last:
        while hi > lo and toks[hi - 1].text in (".", ",", ";") and toks[hi - 1].depth == 0:
            hi -= 1
    if lo >= hi:
        at = toks[lo].start if lo < len(toks) else (toks[-1].start if toks else 0)
        return Piece("", span.line_at(at))
    start = toks[lo].start
    end = toks[hi - 1].start + len(toks[hi - 1].text)
    tex = "".join(" " if t.text == "&" else t.text for t in _with_spaces(span.tex, start, end))
    return Piece(tex.strip(), span.line_at(start))


def _with_spaces(tex: str, start: int, end: int) -> Iterable[_Tok]:
    for match in _TOKEN.finditer(tex, start, end):
        yield _Tok(match.group(), match.start(), 0)


def _split(toks: Sequence[_Tok], lo: int, hi: int, at) -> list[tuple[int, int]]:
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


def _break_end(toks: list[_Tok], k: int) -> int:
    r"""The token after a statement break at ``k`` (``\quad``, ``;``, ``\text{and}``), or 0 if there is none."""
    text = toks[k].text
    if text in _BREAKS:
        return k + 1
    if text in _TEXT and _group_text(toks, k + 1).lower() in _JOINING_WORDS:
        return _group_end(toks, k + 1) + 1
    return 0


def _group_text(toks: list[_Tok], k: int) -> str:
    """The text of the brace group starting at token ``k`` (empty if there is none)."""
    if k >= len(toks) or toks[k].text != "{":
        return ""
    end = _group_end(toks, k)
    return "".join(t.text for t in toks[k + 1:end])


def _group_end(toks: list[_Tok], k: int) -> int:
    """The index of the token closing the group opened at ``k``."""
    depth = toks[k].depth
    for j in range(k + 1, len(toks)):
        if toks[j].text in _CLOSE and toks[j].depth == depth:
            return j
    return len(toks) - 1


def _relations(toks: list[_Tok], lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The depth-0 relations in ``lo:hi``: (first token, token after, the relation as written)."""
    out, k = [], lo
    while k < hi:
        tok = toks[k]
        if tok.depth != 0:
            k += 1
            continue
        pair = tok.text + toks[k + 1].text if k + 1 < hi and toks[k + 1].start == tok.start + 1 else ""
        if pair in (":=", "=:", "<=", ">=", "!="):
            out.append((k, k + 2, pair))
            k += 2
        elif tok.text in _OVERSET and (found := _overset(toks, k, hi)) is not None:
            out.append(found)
            k = found[1]
        elif tok.text in RELATIONS and tok.text != "=:":
            out.append((k, k + 1, tok.text))
            k += 1
        else:
            k += 1
    return out


def _overset(toks: list[_Tok], k: int, hi: int) -> tuple[int, int, str] | None:
    r"""``\stackrel{label}{=}``: an equality (``:=`` when the label says it is a definition)."""
    first = k + 1
    if first >= hi or toks[first].text != "{":
        return None
    second = _group_end(toks, first) + 1
    if second >= hi or toks[second].text != "{":
        return None
    end = _group_end(toks, second)
    inner = "".join(t.text for t in toks[second + 1:end])
    if inner not in RELATIONS:
        return None
    label = "".join(t.text for t in toks[first + 1:second - 1])
    relation = ":=" if inner == "=" and _DEFINING_LABELS.search(label) else inner
    return k, end + 1, relation


def chains(found: Sequence[Statement]) -> list[Chain]:
    """Chains of the equation-like statements (not assumptions, not reported problems), in order."""
    growing: list[tuple[list[Piece], list[str], bool]] = []
    last_display: int | None = None
    for statement in found:
        if statement.problem or statement.is_order:
            continue
        head, *rest = statement.pieces
        target = None
        if head.empty and growing:
            target = last_display if statement.display and last_display is not None else len(growing) - 1
        elif statement.display and last_display is not None and same_text(growing[last_display][0][0].tex, head.tex):
            target = last_display
        if target is None:
            growing.append((list(statement.pieces), list(statement.relations), statement.display))
            target = len(growing) - 1
        else:
            growing[target][0].extend(rest)
            growing[target][1].extend(statement.relations)
        if statement.display:
            last_display = target
    return [Chain(tuple(pieces), tuple(relations), display) for pieces, relations, display in growing]


def same_text(a: str, b: str) -> bool:
    """Two pieces of LaTeX written alike, up to spacing and sizing commands."""
    return _normal(a) == _normal(b)


def _normal(tex: str) -> str:
    return _SIZING.sub("", tex).replace(r"\Vert", "||").replace(r"\|", "||").replace(r"\parallel", "||")
