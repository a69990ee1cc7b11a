r"""Relations as written, and the statements they make.

:data:`RELATIONS` maps each relation derive reads (``=``, ``:=``,
``\approx``, ``\propto``, ``<``, ``\le``, ``\iff``, ...) to a normal form;
the sets below it group the normal forms (equalities, order relations,
connectives between propositions).  ``\stackrel{label}{=}`` is an equality,
a definition (``:=``) when its label says so, or an equation set to be
solved (:data:`SET`) when its label is ``set`` or ``!``.

A :class:`Statement` is ``a REL b REL c ...``: its :class:`Piece` sides and
the relations between them; :func:`relations_at` finds those relations at
bracket depth 0 among a row's tokens (:mod:`derive.check.depth_tokens`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from derive.check.depth_tokens import Tok, group_end

#: Relations between the pieces of a statement, as written -> a normal form.
RELATIONS = {
    "=": "=", ":=": ":=", "=:": "=", "<": "<", ">": ">", "<=": "<=", ">=": ">=", "!=": "!=",
    r"\le": "<=", r"\leq": "<=", r"\leqslant": "<=", r"\ge": ">=", r"\geq": ">=", r"\geqslant": ">=",
    r"\lt": "<", r"\gt": ">", r"\ne": "!=", r"\neq": "!=", r"\approx": "≈", r"\simeq": "≈", r"\cong": "≈",
    r"\propto": "∝", r"\sim": "~", r"\equiv": "≡", r"\coloneqq": ":=", r"\coloneq": ":=", r"\triangleq": ":=",
    r"\eqqcolon": "=", r"\doteq": ":=", r"\defeq": ":=", r"\isdef": ":=", r"\eqdef": ":=", r"\defas": ":=",
    r"\in": "∈", r"\to": "→", r"\rightarrow": "→",
    r"\Rightarrow": "⇒", r"\implies": "⇒", r"\iff": "⇔", r"\ll": "≪", r"\gg": "≫",
    r"\Longrightarrow": "⇒", r"\therefore": "⇒", r"\Leftrightarrow": "⇔", r"\Longleftrightarrow": "⇔",
    r"\Leftarrow": "⇐", r"\Longleftarrow": "⇐", r"\impliedby": "⇐", r"\perp": "⊥", r"\perp\!\!\!\perp": "⊥",
    r"\indep": "⊥", r"\independent": "⊥", "⊥": "⊥",
    "≤": "<=", "≥": ">=", "≠": "!=", "≈": "≈", "∝": "∝", "≡": "≡", "∈": "∈", "→": "→", "≔": ":=",
    "⇒": "⇒", "⇔": "⇔", "⇐": "⇐", "∴": "⇒", "≜": ":=", "≝": ":=",
}
RELATIONS["=!"] = "=!"  # an equation set to be solved (SET): made only by \overset{set}{=} and by prose
#: Relations between propositions (equations or systems), not between expressions.
CONNECTIVES = frozenset({"⇔", "⇒", "⇐"})
#: Order relations a chain's link may have; checked as bounds.
INEQUALITIES = frozenset({"<", ">", "<=", ">="})
#: An equation set to be solved (``\overset{\text{set}}{=} 0``, ``\stackrel{!}{=}``, "setting it to zero"): what
#: follows is checked as its consequence, not as an identity.
SET = "=!"
#: Relations a chain of equalities is made of; the rest are reported as skipped.
EQUALITIES = frozenset({"=", ":=", SET})
#: Relations of an assumption such as ``0 < p < 1``.
ORDER = frozenset({"<", ">", "<=", ">=", "∈"})
_OVERSET = frozenset({r"\stackrel", r"\overset", r"\underset"})
_DEFINING_LABELS = re.compile(r"def|\\Delta|:|\\triangle", re.I)
_SETTING_LABELS = re.compile(r"(?:\\(?:text|mathrm|textrm|mbox|operatorname)\{)?\s*(?:set|!|want|\?|setto0)\s*\}?",
                             re.I)


@dataclass(frozen=True)
class Piece:
    """One side of a relation: its LaTeX as written, the line it starts on, and the position in the document of
    the statement it belongs to (``rank``, from 1; 0 outside a document): what is assumed before it applies."""

    tex: str
    line: int
    rank: int = 0

    @property
    def empty(self) -> bool:
        return not self.tex.strip()


@dataclass(frozen=True)
class Statement:
    """``a REL b REL c ...`` from one row of one span; ``problem`` says why it cannot be split.

    With ``propositions`` its pieces are equations or systems, joined by
    :data:`CONNECTIVES` (``\\iff q = p``: an empty piece, then ``q = p``);
    ``supposed`` is the supposing word before it (``suppose``), or empty;
    ``conditional`` says a ``\\text{if}`` condition follows it in its row;
    ``joined`` is the joining word before it in its row (``\\text{then}``:
    ``then``), or empty; ``sentence`` numbers the sentence of the document it
    is in (:mod:`derive.check.prose`; 0 until that is known); ``follows`` says
    the prose before it draws it from what came before ("expanding gives");
    ``restricted`` is the condition the prose puts after it ("for every
    $x \\ge 1$"), and ``trailing`` marks the statements of such a condition.
    """

    pieces: tuple[Piece, ...]
    relations: tuple[str, ...]
    display: bool
    problem: str = ""
    propositions: bool = False
    supposed: str = ""
    conditional: bool = False
    joined: str = ""
    sentence: int = 0
    follows: bool = False
    restricted: str = ""
    trailing: bool = False

    @property
    def line(self) -> int:
        return self.pieces[-1].line if self.pieces else 0

    @property
    def is_order(self) -> bool:
        """Only ``<``, ``<=``, ``>``, ``>=``, ``\\in``: an assumption, or an inequality."""
        return bool(self.relations) and all(r in ORDER for r in self.relations)


def relations_at(toks: list[Tok], lo: int, hi: int) -> list[tuple[int, int, str]]:
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


def _overset(toks: list[Tok], k: int, hi: int) -> tuple[int, int, str] | None:
    r"""``\stackrel{label}{=}``: an equality (``:=`` when the label says it is a definition)."""
    first = k + 1
    if first >= hi or toks[first].text != "{":
        return None
    second = group_end(toks, first) + 1
    if second >= hi or toks[second].text != "{":
        return None
    end = group_end(toks, second)
    inner = "".join(t.text for t in toks[second + 1:end])
    if inner not in RELATIONS:
        return None
    label = "".join(t.text for t in toks[first + 1:second - 1])
    relation = ":=" if inner == "=" and _DEFINING_LABELS.search(label) else inner
    relation = SET if inner == "=" and _SETTING_LABELS.fullmatch(label) else relation
    return k, end + 1, relation
