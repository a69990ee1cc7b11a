r"""A statement made of a range of a row's tokens, cut into pieces at its relations.

:func:`statement_at` cuts tokens ``lo:hi`` at their depth-0 relations
(:func:`derive.check.statements.relations_at`) into :class:`Piece` sides, as
written in the source; a piece drops its ``&`` (outside a ``cases``
environment), its surrounding spacing, and, for the last one, a trailing
``.``, ``,`` or ``;``.  A statement joined by :data:`CONNECTIVES` (``\iff``,
``\implies``, ...) is one of *propositions*: each kept whole, an equation or
a ``cases`` system.  The equalities written inside the propositions of an
implication are claims of their own (:func:`inner_claims`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from derive.check.document import Span
from derive.check.statements import CONNECTIVES, EQUALITIES, RELATIONS, SET, Piece, Statement, relations_at
from derive.check.depth_tokens import LAYOUT, SPACES, Tok, with_spaces

_CASES_BLOCK = re.compile(r"(\\begin\s*\{\s*cases\s*\}.*?\\end\s*\{\s*cases\s*\})", re.S)


def statement_at(span: Span, toks: list[Tok], lo: int, hi: int) -> Statement:
    """Tokens ``lo:hi`` of ``span`` as one statement: its pieces between its relations (or its propositions)."""
    found = relations_at(toks, lo, hi)
    connectives = [f for f in found if RELATIONS[f[2]] in CONNECTIVES]
    if connectives:  # propositions: each kept whole, with its own relations
        pieces, relations, start = [], [], lo
        for a, b, written in connectives:
            pieces.append(piece_at(span, toks, start, a, last=True))
            relations.append(RELATIONS[written])
            start = b
        pieces.append(piece_at(span, toks, start, hi, last=True))
        return Statement(tuple(pieces), tuple(relations), span.display, propositions=True)
    pieces, relations, start = [], [], lo
    for a, b, written in found:
        pieces.append(piece_at(span, toks, start, a))
        relations.append(RELATIONS[written])
        start = b
    pieces.append(piece_at(span, toks, start, hi, last=True))
    return Statement(tuple(pieces), tuple(relations), span.display)


def piece_at(span: Span, toks: list[Tok], lo: int, hi: int, last: bool = False) -> Piece:
    """Tokens ``lo:hi`` as a piece of the source; ``&`` blanked, a trailing ``.``/``,``/``;`` dropped."""
    if last:  # past spacing too: "P(X=1)=.45,\ \ \text{and} ..."
        dots = hi
        while dots > lo and toks[dots - 1].text == ".":
            dots -= 1
        if hi - dots >= 3:  # p + 2p^2 + ...: an ellipsis, kept (the link is elided, never read without it)
            return piece_at(span, toks, lo, hi)
        while hi > lo and (toks[hi - 1].text in (".", ",", ";") and toks[hi - 1].depth == 0 or
                           toks[hi - 1].text in SPACES):
            hi -= 1
    while lo < hi and (toks[lo].text in SPACES or toks[lo].text == "&"):  # "=&" then the right side's own row
        lo += 1
    if lo >= hi:
        at = toks[lo].start if lo < len(toks) else (toks[-1].start if toks else 0)
        return Piece("", span.line_at(at))
    start = toks[lo].start
    end = toks[hi - 1].start + len(toks[hi - 1].text)
    tex = "".join(t.text for t in with_spaces(span.tex, start, end))
    return Piece(_blank_alignment(tex).strip(), span.line_at(start))


def outside_cases(tex: str, change: Callable[[str], str]) -> str:
    """``tex`` with ``change`` made to every part outside a ``cases`` environment (where ``&`` parts a value from
    its condition, and ``& \\text{otherwise}`` is no comment)."""
    return "".join(part if k % 2 else change(part) for k, part in enumerate(_CASES_BLOCK.split(tex)))


def _blank_alignment(tex: str) -> str:
    """``&`` blanked, except inside a ``cases`` environment."""
    return outside_cases(tex, lambda part: part.replace("&", " "))


def inner_claims(span: Span, toks: list[Tok], found: list[tuple[int, int, str]], a: int,
                 b: int) -> list[Statement]:
    r"""The equalities inside the propositions of an implication, as claims of their own: ``A = B = 0 \implies
    p = \frac{1}{2} = 0.5`` claims ``A = B`` and ``\frac{1}{2} = 0.5`` and sets ``B = 0``; the implication relates
    ``B = 0`` (the equation the premise ends with) and ``p = \frac{1}{2}`` (the one its conclusion starts with).
    A premise ``A = B = C`` that ends in no number claims ``B = C`` as well."""
    connectives = [(k, e) for k, e, r in found if RELATIONS[r] in CONNECTIVES]
    out = []
    for (_, start), (stop, _) in zip([(a, a)] + connectives, connectives + [(b, b)]):
        inside = [(k, e, RELATIONS[r]) for k, e, r in found if start <= k < stop]
        if not inside or not {r for _, _, r in inside} <= EQUALITIES or \
                any(t.text == "," and t.depth == toks[start].depth for t in toks[start:stop]):
            continue  # q = p, \lambda = 1: a system, not a chain
        lo = inside[0][1] if start != a else start  # past the equation the conclusion starts with
        ending = start == a and stop != b and len(inside) > 1 and _is_number(toks, inside[-1][1], stop)  # A = B = 0
        # a premise A = B = C claims A = B and B = C, and implies from B = C; A = B = 0 (or 2) sets B = 0
        hi = stop if ending or inside[-1][2] == SET or len(inside) > 1 else inside[-1][0] if start == a else stop
        if any(lo <= k < hi for k, _, _ in inside) and not (start == a and stop == b) and \
                (len(inside) > 1 or ending or inside[-1][2] == SET):
            statement = statement_at(span, toks, lo, hi)
            if ending:
                statement = replace(statement, relations=(*statement.relations[:-1], SET))
            out.append(statement)
    return out


def _is_number(toks: list[Tok], lo: int, hi: int) -> bool:
    """Tokens ``lo:hi`` are a lone number, 0 or another (layout aside)."""
    return re.fullmatch(r"-?\d+(?:\.\d+)?", "".join(t.text for t in toks[lo:hi] if t.text not in LAYOUT)) is not None
