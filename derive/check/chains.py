r"""Chains of relations: a document's statements joined into chains, and the links of each.

The statements of each span (:mod:`derive.check.rows`) become **chains**:
``a = b = c`` is one chain with links ``a = b`` and ``b = c``.  A statement
whose left side is empty (``&= d``) continues the chain before it, and a
display statement whose left side is written like the subject of the chain of
the display statement before it (``KL(P || Q) = ...`` in two consecutive
``$$`` blocks) continues that chain too: its right side is linked to the
chain's last expression.  Inline math never continues a display chain and
never interrupts one.

**Suppositions.**  A supposed statement (:mod:`derive.check.leads`, or after
``\text{if}`` in its row) starts a chain of its own, of kind
:data:`SUPPOSITION`, that nothing continues by its left side.

**Implications.**  ``\iff``, ``\Leftrightarrow``, ``\implies``,
``\Rightarrow``, ``\therefore`` (and ``\impliedby``, ``\Leftarrow``) join
*propositions*: equations, or a ``\begin{cases}`` system, each kept whole.
A statement that begins with one of them relates what it shows to the
proposition before it (the last display's: a supposition, the last
proposition of an implication, a system, or ``subject = last expression`` of
an equality chain); consecutive ones make one chain of kind
:data:`IMPLICATION`.  A ``cases`` system on its own is a chain of kind
:data:`SYSTEM`, with no link.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from derive.check.statements import EQUALITIES, Piece, Statement

#: Kinds of chain.
EQUALITY, SUPPOSITION, IMPLICATION, SYSTEM = "equality", "supposition", "implication", "system"
_SIZING = re.compile(r"\\(?:left|right|big|Big|bigg|Bigg)[lr]?\b\.?|\\[,;:! ]|\\(?:quad|qquad)\b|\s+")


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
    """``subject = e_1 = e_2 = ...``: the expressions (subject first) and the relations between them.

    ``kind`` is :data:`EQUALITY` (claims, possibly with inequalities),
    :data:`SUPPOSITION` (``supposed`` names the word), :data:`IMPLICATION`
    (the expressions are propositions, the relations
    :data:`~derive.check.statements.CONNECTIVES`) or
    :data:`SYSTEM` (one ``cases`` system shown on its own).
    """

    expressions: tuple[Piece, ...]
    relations: tuple[str, ...]
    display: bool
    kind: str = EQUALITY
    supposed: str = ""
    conditional: bool = False
    restated: tuple[int, ...] = ()  # links that start a later display writing the subject again

    @property
    def subject(self) -> Piece:
        return self.expressions[0]

    def links(self, number: int) -> tuple[Link, ...]:
        return tuple(Link(self.expressions[k - 1], self.expressions[k], self.relations[k - 1], number, k)
                     for k in range(1, len(self.expressions)))


def ranked(found: Sequence[Statement], first: int = 1) -> list[Statement]:
    """The statements with each piece's :attr:`Piece.rank` set to its statement's position, from ``first``."""
    return [replace(s, pieces=tuple(replace(p, rank=k) for p in s.pieces)) for k, s in enumerate(found, first)]


def chains(found: Sequence[Statement], assumption: Callable[[Statement], bool] | None = None,
           headings: Sequence[int] = ()) -> list[Chain]:
    """Chains of the statements (not bounds, not reported problems), in order.

    ``assumption`` says which order statements are bounds (``0 < p < 1``:
    assumptions or claims checked on their own, :mod:`derive.check.run`);
    by default all are.  The others are chains of inequalities.  No chain
    goes on past a section heading (at a line of ``headings``).
    """
    is_assumption = assumption or (lambda s: s.is_order)
    growing: list[_Growing] = []
    last_display: int | None = None
    last: int | None = None  # the chain of the statement just before: a display restating a subject continues
    displayed: list[tuple[int, int]] = []  # (line, chain) of each display statement so far
    line = 0
    for statement in found:  # only the display right before it (a definition or supposition between ends it)
        start = statement.pieces[0].line if statement.pieces else statement.line
        if any(line < h < start for h in headings):
            last = last_display = None
        line = statement.line
        if statement.problem or (statement.is_order and is_assumption(statement)):
            last = None
            continue
        source = last_display if statement.display else (len(growing) - 1 if growing else None)
        if statement.follows:  # drawn from the display before this row, not from a claim inside this row
            source = next((t for line, t in reversed(displayed) if line < statement.pieces[0].line), None)
        if statement.propositions:
            target = _propositions(growing, statement, source)
        elif statement.supposed:
            growing.append(_Growing(list(statement.pieces), list(statement.relations), statement.display,
                                    SUPPOSITION, statement.supposed))
            target = len(growing) - 1
        else:
            target = _equalities(growing, statement, source, last_display if last == last_display else None)
        if statement.display:
            last_display = target
            displayed.append((statement.line, target))
        last = target
    return [Chain(tuple(g.pieces), tuple(g.relations), g.display, g.kind, g.supposed, g.conditional,
                  tuple(g.restated)) for g in growing]


@dataclass
class _Growing:
    pieces: list[Piece]
    relations: list[str]
    display: bool
    kind: str = EQUALITY
    supposed: str = ""
    conditional: bool = False
    restated: list[int] = field(default_factory=list)


def _equalities(growing: list[_Growing], statement: Statement, source: int | None, last_display: int | None) -> int:
    """Add an equality (or inequality) statement: it continues a chain, or starts one; the chain's index."""
    head, *rest = statement.pieces
    target = None
    if head.empty and source is not None and growing[source].kind in (EQUALITY, SUPPOSITION):
        target = source
    elif statement.display and last_display is not None and growing[last_display].kind == EQUALITY \
            and same_text(growing[last_display].pieces[0].tex, head.tex):
        target = last_display
    if target is None or statement.conditional:
        growing.append(_Growing(list(statement.pieces), list(statement.relations), statement.display,
                                conditional=statement.conditional))
        return len(growing) - 1
    if not head.empty:  # a display that writes the chain's subject again: its links claim subject R right side
        growing[target].restated.append(len(growing[target].pieces))
    pieces = growing[target].pieces
    if head.empty and len(pieces) > 1 and pieces[-1].empty and rest and not rest[0].empty:
        # "$$= a =$$ ... $$= b$$": the relation left open at the end is closed by the next display's expression,
        # on its own line; that display's "= b" then says it again
        pieces[-1] = Piece(rest[0].tex, pieces[-1].line, rest[0].rank)
    growing[target].pieces.extend(rest)
    growing[target].relations.extend(statement.relations)
    return target


def _propositions(growing: list[_Growing], statement: Statement, source: int | None) -> int:
    """Add a statement of propositions: a supposed or lone system, or an implication; the chain's index."""
    head, *rest = statement.pieces
    if not head.empty and (statement.supposed or not rest):
        kind = SUPPOSITION if statement.supposed else SYSTEM
        growing.append(_Growing([head], [], statement.display, kind, statement.supposed))
        if not rest:
            return len(growing) - 1
    if statement.follows and not head.empty and source is not None and growing[source].kind == IMPLICATION:
        head, rest = Piece("", head.line), [head, *rest]  # "... \implies B", "expanding gives $$C \implies D$$"
        statement = replace(statement, relations=("⇒", *statement.relations))
    if head.empty and source is not None and growing[source].kind == IMPLICATION:
        growing[source].pieces.extend(rest)
        growing[source].relations.extend(statement.relations)
        return source
    if head.empty:
        before = proposition(growing[source]) if source is not None else None
        head = before if before is not None else Piece("", head.line)
    growing.append(_Growing([head, *rest], list(statement.relations), statement.display, IMPLICATION))
    return len(growing) - 1


def proposition(chain: Chain | _Growing) -> Piece | None:
    """What a chain states as one proposition: the last of an implication, a system, or ``subject = last``."""
    pieces = chain.pieces if isinstance(chain, _Growing) else chain.expressions
    relations = chain.relations
    if chain.kind == IMPLICATION or len(pieces) == 1:
        return pieces[-1]
    if tuple(relations) == ("~",) and not pieces[0].empty:  # x \sim \mathrm{Gam}(a, b) \Rightarrow ...: a law
        return Piece(f"{pieces[0].tex} \\sim {pieces[1].tex}", pieces[0].line, pieces[0].rank)
    if not all(r in EQUALITIES for r in relations) or pieces[0].empty or pieces[-1].empty:
        return None
    return Piece(f"{pieces[0].tex} = {pieces[-1].tex}", pieces[-1].line, pieces[-1].rank)


def same_text(a: str, b: str) -> bool:
    """Two pieces of LaTeX written alike, up to spacing and sizing commands."""
    return _normal(a) == _normal(b)


def _normal(tex: str) -> str:
    return _SIZING.sub("", tex).replace(r"\Vert", "||").replace(r"\|", "||").replace(r"\parallel", "||")
