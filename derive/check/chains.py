r"""From math spans to chains of equalities and their links.

A span is cut into **rows** at ``\\`` (outside brackets and environments such
as ``cases``), a row into **statements** at ``\quad``, ``\qquad``, ``;``,
``\text{and}`` and at commas between relations, and a statement into
**pieces** at its relations (``=``, ``:=``, ``\approx``, ``\propto``, ``<``,
``\le``, ...), all at bracket depth 0.  ``&`` is dropped, and so is a trailing
``.``, ``,`` or ``;``; a part of a row with no relation in it (``\quad
\text{(by Jensen)}``) is an annotation and is dropped.  A row break does not
end a statement when the row after it has no relation and starts with an
operator (``\\ &\quad - d``: one long expression), or starts with a
relation under a row that is an expression alone (``&f(x) \\ &= g(x)``).

Statements become **chains**: ``a = b = c`` is one chain with links
``a = b`` and ``b = c``.  A statement whose left side is empty (``&= d``)
continues the chain before it, and a display statement whose left side is
written like the subject of the chain of the display statement before it
(``KL(P || Q) = ...`` in two consecutive ``$$`` blocks) continues that chain
too: its right side is linked to the chain's last expression.  Inline math
never continues a display chain and never interrupts one.

**Suppositions.**  A statement is *supposed* (a hypothesis, not a claim) when
the prose just before its span (:attr:`derive.check.document.Span.lead`)
ends with one of :data:`SUPPOSING` (``Suppose``, ``Assume``, ``If``, ``Let``,
``Set``, ``Given``, ``Whenever``, ``... such that``; a colon or comma may
follow), or is a sentence that opens with one of :data:`SUPPOSING_OPENINGS`
(``At a minimum``, ``At the optimum``, ...) and ends with a colon or a comma
(the display finishes it), or when ``\text{if}`` (``\text{suppose}``, ...)
comes just before it in its row.  Only the span's first statement is
supposed.  A supposition starts a chain of its own, of kind
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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from derive.check.document import Span

#: Deepest bracket nesting a statement may have; deeper spans are reported, not split.
MAX_DEPTH = 200
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
#: Kinds of chain.
EQUALITY, SUPPOSITION, IMPLICATION, SYSTEM = "equality", "supposition", "implication", "system"
#: Last words of the prose before a span that make its first statement a supposition (a colon or comma may follow).
#: Those of them that specialise the claim that follows ("at $p = 1/2$, ..."): what follows is that claim, never a
#: further supposition.
SPECIALISING = ("at", "for", "with", "when", "setting", "substituting", "plugging in", "evaluated at",
                "evaluating at", "evaluate at")
SUPPOSING = ("suppose", "assume", "if", "let", "set", "define", "given", "whenever", "suppose that", "assume that",
             "such that", "provided that", "provided", "should") + SPECIALISING  # "Should $p(x_i) = 0$ hold, ..."
#: Openings of a sentence that, ending with a colon or comma just before a display, make it a supposition.
SUPPOSING_OPENINGS = ("at a minimum", "at the minimum", "at a maximum", "at the maximum", "at an optimum",
                      "at the optimum", "at a stationary point", "at the stationary point", "at a critical point",
                      "at an extremum")
#: An equation set to be solved (``\overset{\text{set}}{=} 0``, ``\stackrel{!}{=}``, "setting it to zero"): what
#: follows is checked as its consequence, not as an identity.
SET = "=!"
#: Relations a chain of equalities is made of; the rest are reported as skipped.
EQUALITIES = frozenset({"=", ":=", SET})
#: Relations of an assumption such as ``0 < p < 1``.
ORDER = frozenset({"<", ">", "<=", ">=", "∈"})
_OPEN = frozenset({"(", "[", "{", r"\{", r"\lbrace", r"\langle", r"\begin", r"\lceil", r"\lfloor"})
_CLOSE = frozenset({")", "]", "}", r"\}", r"\rbrace", r"\rangle", r"\end", r"\rceil", r"\rfloor"})
_ROW_BREAKS = frozenset({"\\\\", r"\cr", r"\newline"})
_BREAKS = frozenset({r"\quad", r"\qquad", ";", r"\hfill"})
_JOINING_WORDS = frozenset({"and", "or", "where", "for", "with", "since", "so", "hence", "thus", "then", "if",
                            "i.e.", "i.e.,", "andso", "whichgives", "sothat", "suppose", "assume", "let",
                            "given", "whenever", "if:", "suppose:", "forall", "forevery", "foreach", "forany",
                            "when", "provided", "providedthat", "assuming"})  # written without spaces
#: Joining words after which a statement is supposed (``\text{if } x = 1``).
_SUPPOSING_WORDS = frozenset({"if", "suppose", "assume", "let", "given", "whenever", "if:", "suppose:"})
#: Joining words after which an order statement is a condition (``f(x) = 1 \quad \text{for } x > 0``): it is
#: supposed, and the statement before it in its row conditional.
_CONDITION_WORDS = frozenset({"where", "for", "with", "forall", "forevery", "foreach", "forany", "when",
                              "provided", "providedthat", "assuming"})
#: Joining words as written without spaces -> as said.
_SPACED = {"forall": "for all", "forevery": "for every", "foreach": "for each", "forany": "for any",
           "providedthat": "provided that", "andso": "and so", "whichgives": "which gives", "sothat": "so that",
           "if:": "if", "suppose:": "suppose", "i.e.,": "i.e."}
_OPERATORS = frozenset({"+", "-", r"\cdot", r"\times", r"\pm", r"\mp"})
_LAYOUT = frozenset({"&", r"\quad", r"\qquad", r"\,", r"\;", r"\:", r"\!", r"\ ", r"\hspace", r"\phantom"})
_SIZED = frozenset({r"\hspace", r"\phantom"})  # layout with an argument: {0.5in}
_MARKUP = re.compile(r"\\[A-Za-z]+\*?|[{}`*_]|\$")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_CLAUSE_END = re.compile(r"[.!?;](?:\s|$)")
#: Words that open a conditional clause: inline math right after its comma restates its condition.
_CLAUSE_OPENINGS = frozenset({"if", "when", "whenever", "suppose"})
_TEXT = frozenset({r"\text", r"\textrm", r"\mbox", r"\textnormal", r"\mathrm"})
_OVERSET = frozenset({r"\stackrel", r"\overset", r"\underset"})
_DEFINING_LABELS = re.compile(r"def|\\Delta|:|\\triangle", re.I)
_SETTING_LABELS = re.compile(r"(?:\\(?:text|mathrm|textrm|mbox|operatorname)\{)?\s*(?:set|!|want|\?|setto0)\s*\}?",
                             re.I)
#: Prose that sets the display after it to zero ("Setting the derivative to zero:", "equate it to 0", "requiring
#: it to vanish").
#: A derivative first (``\frac{dl}{d\sigma} = ... = 0``): the first-order condition of an optimum, solved.
_DERIVATIVE = re.compile(r"\s*(?:\\[dt]?frac\s*\{\s*(?:\\partial|d|\\mathrm\{d\}|\\text\{d\})|\\nabla|[A-Za-z]'+\()")
_SETS_TO_ZERO = re.compile(r"\b(?:set|sets|setting|equat\w*|requir\w*|forc\w*|impos\w*)\b[^.!?]*?"
                           r"(?:\bzero\b|\b0\b|\bvanish)[^.!?]*$|\bto (?:zero|vanish)\W*$", re.I)
#: Prose that solves the equation after it ("by solving", "the stationarity condition reads"): one ``E = 0``.
_SOLVING = re.compile(r"\b(?:solv\w*|stationar\w*|first[- ]order\s+conditions?|critical\s+points?|optimality)\b"
                      r"[^.!?]*$", re.I)
_TOKEN = re.compile(r"\\(?:[A-Za-z]+|.)|\s+|[A-Za-z]+|.", re.S)
_SIZING = re.compile(r"\\(?:left|right|big|Big|bigg|Bigg)[lr]?\b\.?|\\[,;:! ]|\\(?:quad|qquad)\b|\s+")


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
    (the expressions are propositions, the relations :data:`CONNECTIVES`) or
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
    rows = _split(toks, 0, len(toks), lambda k: k + 1 if toks[k].text in _ROW_BREAKS else 0)
    joined = _continued_rows(toks, rows)
    if joined:  # a long expression broken over rows (``\\ &\quad - ...``): its row breaks are blanked
        tex = "".join(" " if k in joined else char for k, char in enumerate(tex))
        span = replace(span, tex=tex)
        toks, _ = tokens(tex)
        rows = _split(toks, 0, len(toks), lambda k: k + 1 if toks[k].text in _ROW_BREAKS else 0)
    out: list[Statement] = []
    for row in rows:
        out.extend(_row_statements(span, toks, *row))
    if not out and (hidden := _hidden_relations(toks)):  # never silent about what it cannot see: one for each
        return [Statement((Piece(tex.strip()[:60], span.line_at(at)),), (), span.display,
                          f"relations inside {command} are not read: {_why_hidden(command)}")
                for command, at in hidden]
    word = supposing(span.lead, span.display)
    if word in SPECIALISING and not (out and _gives_a_value(out[0])):
        word = ""  # "we arrive at $$...$$": no value given, no supposition
    if out and word and not out[0].supposed and not out[0].problem:
        out[0] = replace(out[0], supposed=word)
    return out


def _hidden_relations(toks: list[_Tok]) -> list[tuple[str, int]]:
    r"""Each relation inside a command's braced argument or a group, when no relation stands outside any
    (``\argmax{x \in A}{f(x) = 0}``): the command (or group) holding it and its offset; none in scripts and
    text."""
    return [found for k in range(len(toks)) if (found := _hidden(toks, k)) is not None]


def _hidden(toks: list[_Tok], k: int) -> tuple[str, int] | None:
    """The command or group holding the relation at token ``k``, and its offset; ``None`` when it is no relation
    inside one (or one in a script or text)."""
    tok = toks[k]
    if tok.text not in RELATIONS or not tok.depth:
        return None
    outer, opener = tok.depth - 1, _opener(toks, k)
    if toks[opener].text in (r"\lbrace", r"\{") and any(t.text in _ROW_BREAKS for t in toks[opener:]):
        return toks[opener].text + "...", tok.start  # Repeat \{ \newline \theta := ... \newline \}: a block
    applied = opener > 0 and re.match(r"[A-Za-z0-9}]|\\[A-Za-z]+\Z", toks[opener - 1].text)
    if toks[opener].text == "(" and not applied:
        return "(...)", tok.start  # (y_1 = x_1 x_2), (y_2 = x_3): relations in brackets, no application's
    j = next((i for i in range(k - 1, -1, -1) if toks[i].text == "{" and toks[i].depth == outer), None)
    while j is not None and j >= 1 and toks[j - 1].text == "}":  # \cmd{...}{...}: back to \cmd
        j = next((i for i in range(j - 2, -1, -1) if toks[i].text == "{" and toks[i].depth == outer), None)
    command = toks[j - 1].text if j else ""
    if command[1:].isalpha() and command.startswith("\\") and command not in _TEXT | _KNOWN_ARGUMENTS:
        return command, tok.start
    return None


def _opener(toks: list[_Tok], k: int) -> int:
    """The index of the bracket, brace or environment the token at ``k`` stands in (0 when there is none)."""
    return next((i for i in range(k - 1, -1, -1) if toks[i].text in _OPEN and toks[i].depth == toks[k].depth - 1), 0)


#: Sizing before a bracket (``\\left(``, ``\\bigl\\{``): the bracket's, not an application's.
_SIZES = frozenset({r"\left", r"\bigl", r"\Bigl", r"\biggl", r"\Biggl", r"\big", r"\Big", r"\bigg", r"\Bigg"})


def nested_relations(piece: Piece) -> tuple[int, ...]:
    r"""The lines of the relations written inside a group of ``piece`` that is no argument: an environment
    (``\begin{matrix} a = b \end{matrix}``), a brace or a bracket not applied (``\{ e^x, x \ge 0``,
    ``(y_1 = x_1)``), or a bracket never closed or that rows run through (a ``\left(`` a comment left open): claims
    of their own, never read when the piece is not.  Relations in scripts, command arguments and applications
    (``\sum_{i=1}``, ``P(X = 0)``, ``\Pr\{X = 1\}``) are none."""
    toks, _ = tokens(piece.tex)
    lines = []
    for k, tok in enumerate(toks):
        if tok.text not in RELATIONS or not tok.depth or tok.text == "=" and k and toks[k - 1].text in "<>:!" and \
                toks[k - 1].start == tok.start - 1:
            continue
        opener = _opener(toks, k)
        before = next((t.text for t in reversed(toks[:opener]) if t.text not in _SIZES), "")
        applied = re.match(r"[A-Za-z0-9}|]|\\[A-Za-z]+\Z", before) is not None
        broken = any(t.text in _ROW_BREAKS for t in toks[opener:k]) or \
            not any(t.text in _CLOSE and t.depth == toks[opener].depth for t in toks[k:])  # never closed
        if toks[opener].text == r"\begin" or broken or \
                toks[opener].text in ("(", "[", r"\{", r"\lbrace") and not applied:
            lines.append(piece.line + piece.tex.count("\n", 0, tok.start))
    return tuple(lines)


def _why_hidden(command: str) -> str:
    """Why relations inside ``command``'s group (a braced block of rows, a bracket, a command) are not read."""
    if command.endswith("..."):
        return "a braced block of rows is no formula"
    if command == "(...)":
        return "a bracketed relation is no formula (write it on its own)"
    return "derive does not know this command (define it with \\newcommand in the document)"


#: Commands whose arguments are read (or are no place for a claim): a relation inside one is no hidden claim.
_KNOWN_ARGUMENTS = frozenset({r"\frac", r"\dfrac", r"\tfrac", r"\sqrt", r"\begin", r"\end", r"\operatorname",
                              r"\substack", r"\overset", r"\underset", r"\stackrel", r"\underbrace", r"\overbrace",
                              r"\label", r"\tag", r"\color", r"\textcolor", r"\mathbb", r"\mathcal"})


_RESTATING = re.compile(r"\b(?:if|suppose|assume|assuming|given|let)\b[^.!?]*?\b((?:if|suppose|assume|assuming|"
                        r"given|let))\b[^.!?]*?(?:,\s*)?(?:i\.\s?e\.|e\.\s?g\.|namely|that is)$")
_GIVEN_NAME = re.compile(r"\s*(?:\\[A-Za-z]+|[A-Za-z])(?:_\{?[A-Za-z0-9]+\}?)?\s*")


def _gives_a_value(statement: Statement) -> bool:
    r"""``p = 1/2``, ``\sigma_1 = 1``: one name given a value (what "at", "for", "with" specialise to)."""
    return statement.relations == ("=",) and len(statement.pieces) == 2 and \
        _GIVEN_NAME.fullmatch(statement.pieces[0].tex) is not None and \
        not re.search(r"[A-Za-z]{2,}|\\(?!frac|dfrac|tfrac|sqrt|pi)", statement.pieces[1].tex.replace(r"\,", ""))


def _continued_rows(toks: list[_Tok], rows: list[tuple[int, int]]) -> set[int]:
    """Offsets of the row breaks (and the ``&\\quad`` after them) that do not end a statement.

    A row with no relation whose first token, past the layout, is an
    operator continues the row above (``\\\\ &\\quad - ...``); a row that
    starts with a relation continues a row above that is an expression alone
    (its subject: ``&\\frac{d}{dq} f \\\\ &= ...``).
    """
    out: set[int] = set()
    above = ""  # "relation": the row above has one (or continues one that has); "expression": it has none
    for lo, hi in rows:
        first = _first_content(toks, lo, hi)
        found = _relations(toks, lo, hi)
        operator = first < hi and toks[first].text in _OPERATORS and not found
        relation = first < hi and bool(found) and found[0][0] == first and RELATIONS[found[0][2]] not in CONNECTIVES
        if lo > 0 and ((above == "relation" and operator) or (above == "expression" and relation)):
            for tok in toks[lo - 1:first]:
                out.update(range(tok.start, tok.start + len(tok.text)))
            above = "relation"
        else:
            alone = first < hi and toks[first].text not in _TEXT and not _is_system(toks, lo, hi)
            above = "relation" if found else ("expression" if alone else "")
    return out


def _first_content(toks: list[_Tok], lo: int, hi: int) -> int:
    """The first token of ``lo:hi`` past alignment and spacing (``& \\hspace{0.5in} -``: the ``-``), else ``hi``."""
    k = lo
    while k < hi and toks[k].text in _LAYOUT:
        k = _group_end(toks, k + 1) + 1 if toks[k].text in _SIZED and k + 1 < hi and toks[k + 1].text == "{" else k + 1
    return min(k, hi)


def supposing(lead: str, display: bool = True) -> str:
    """The supposing word (or opening) that ``lead``, the prose before a span, ends with; empty if none.

    For inline math only :data:`SUPPOSING` counts; a display may also finish
    a sentence that opens with one of :data:`SUPPOSING_OPENINGS`.
    """
    text = " ".join(_MARKUP.sub(" ", lead).split()).lower()
    stripped = text.rstrip(" :,")
    restated = _RESTATING.search(stripped)  # "If we assume a unit Gaussian, i.e. $\mu = 0$": assumed, said again
    if restated is not None:
        stripped = restated.group(1)
    for word in SUPPOSING:
        if stripped == word or stripped.endswith(" " + word) or stripped.endswith("(" + word):
            return word
    if display and text != stripped:  # ends with a colon or a comma
        sentence = _SENTENCE_END.split(stripped)[-1].strip()
        for opening in SUPPOSING_OPENINGS:
            if sentence.startswith(opening):
                return opening
    if not display and text.endswith(","):  # "If the two coins coincide, $Q = P$, ...": the condition, restated
        clause = _CLAUSE_END.split(stripped)[-1].strip()
        word = clause.split(" ", 1)[0]
        if word in _CLAUSE_OPENINGS and " then " not in f" {clause} ":
            return word
    return ""


def _row_statements(span: Span, toks: list[_Tok], lo: int, hi: int) -> list[Statement]:
    """A row's statements; a part of the row with no relation (an annotation) is dropped.

    A part that is a ``cases`` system alone is kept (a proposition); the
    statement after ``\\text{if}`` (``\\text{suppose}``, ...) is supposed, and
    the statement before it conditional.
    """
    items: list[Statement | str] = []
    for a, b in _split(toks, lo, hi, lambda k: _break_end(toks, k)):
        found = _relations(toks, a, b)
        if not found:
            if _is_system(toks, a, b):
                items.append(Statement((_piece(span, toks, a, b, last=True),), (), span.display, propositions=True))
            elif (word := _text_word(toks, a, b)):
                items.append(word)
        elif all(RELATIONS[r] in ORDER for _, _, r in found) and not _bounds_listed(toks, found, b):
            items.append(_statement(span, toks, a, b))  # "0 < p, q < 1" keeps its comma
        elif any(RELATIONS[r] in CONNECTIVES for _, _, r in found):  # a proposition keeps its commas
            items.extend(_inner_claims(span, toks, found, a, b))  # A = B = 0 \implies ...: A = B is claimed too
            items.append(_statement(span, toks, a, b))
        else:
            items.extend(_statement(span, toks, *c) for c in _comma_parts(toks, a, b))
        if (word := _joining_word(toks, b)):
            items.append(word)
    out: list[Statement] = []
    word, after_statement, follows = "", False, False
    for item in items:
        if isinstance(item, str):
            word, follows = item, after_statement
            if after_statement and word in _SUPPOSING_WORDS and word not in ("let", "given"):
                out[-1] = replace(out[-1], conditional=True)
            after_statement = False
            continue
        said = _SPACED.get(word, word)
        if word in _SUPPOSING_WORDS or (word in _CONDITION_WORDS and item.is_order):
            if follows and word in _CONDITION_WORDS:
                out[-1] = replace(out[-1], conditional=True)
            item = replace(item, supposed=said)
        if word:
            item = replace(item, joined=said)
        word, after_statement, follows = "", True, False
        out.append(item)
    return _argument_domains(_cases_first(out))


#: ``f(x; \theta)``, ``p_\lambda(k)``: a function applied to its arguments, as a definition's left side writes it.
_APPLIED = re.compile(r"\s*\\?[A-Za-z]+(?:_\{?[^{}()]*\}?)?\s*(?:\\left)?\((?P<args>[^()]*)(?:\\right)?\)\s*")
#: A bound's side: a number (``0``, ``-1``, ``\infty``) or one name (``x``, ``\theta``, ``\sigma_1``).
_BOUND_SIDE = re.compile(r"\s*(?:-?\s*(?:\d+(?:\.\d+)?|\\infty)|(?P<name>\\?[A-Za-z]+(?:_\{?\w+\}?)?))\s*")


def _argument_domains(found: list[Statement]) -> list[Statement]:
    r"""``f(x; \theta) = \frac{1}{\theta} e^{-x/\theta}, \quad x \ge 0, \theta > 0``: bounds that follow an
    equation in its row, with no word between, on arguments of the function its left side applies, say where
    that function is meant (as "where $x \ge 0$"): they are assumptions, not claims."""
    out = list(found)
    for k, equation in enumerate(found):
        applied = _APPLIED.fullmatch(equation.pieces[0].tex) if equation.pieces and \
            equation.relations and equation.relations[0] in ("=", ":=") and not equation.problem else None
        if applied is None:
            continue
        arguments = set(re.findall(r"\\?[A-Za-z]+(?:_\{?\w+\}?)?", applied.group("args")))
        for n in range(k + 1, len(out)):
            bound = out[n]
            sides = [_BOUND_SIDE.fullmatch(part) for piece in bound.pieces for part in piece.tex.split(",")]
            if not bound.is_order or bound.supposed or bound.joined or bound.problem or "∈" in bound.relations or \
                    not all(sides) or not any(m.group("name") for m in sides) or \
                    any(m.group("name") and m.group("name") not in arguments for m in sides):
                break
            out[n] = replace(bound, supposed="where")
    return out


#: An index, as a case condition names it: ``i``, ``j``, ``k_1``.
_INDEX = re.compile(r"\s*[a-z](?:_\{?\w\}?)?\s*")


def _cases_first(found: list[Statement]) -> list[Statement]:
    """``\\frac{\\partial p_j}{\\partial o_i} = p_i (1 - p_i), \\quad i = j``: a claim followed in its row by
    a condition between two indices (``i = j``, ``i \\neq j``) holds under it, as "If $i = j$, then ..."."""
    out = list(found)
    for k in range(len(out) - 1):
        claim, case = out[k], out[k + 1]
        if claim.relations and not claim.supposed and not claim.problem and not case.supposed and \
                not case.problem and case.relations in (("=",), ("!=",)) and not case.joined and \
                all(_INDEX.fullmatch(piece.tex) for piece in case.pieces):
            out[k], out[k + 1] = replace(case, supposed="if"), replace(claim, joined=claim.joined or "then")
    return out


def _inner_claims(span: Span, toks: list[_Tok], found: list[tuple[int, int, str]], a: int,
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
            statement = _statement(span, toks, lo, hi)
            if ending:
                statement = replace(statement, relations=(*statement.relations[:-1], SET))
            out.append(statement)
    return out


def _is_number(toks: list[_Tok], lo: int, hi: int) -> bool:
    """Tokens ``lo:hi`` are a lone number, 0 or another (layout aside)."""
    return re.fullmatch(r"-?\d+(?:\.\d+)?", "".join(t.text for t in toks[lo:hi] if t.text not in _LAYOUT)) is not None


def _text_word(toks: list[_Tok], lo: int, hi: int) -> str:
    """The joining word of a part that is ``\\text{word}`` alone (lower case), or empty."""
    k = next((k for k in range(lo, hi) if toks[k].text not in _LAYOUT), hi)
    if k < hi and toks[k].text in _TEXT and _group_end(toks, k + 1) == hi - 1:
        word = _group_text(toks, k + 1).lower()
        return word if word in _JOINING_WORDS else ""
    return ""


def _joining_word(toks: list[_Tok], k: int) -> str:
    """The joining word of a ``\\text{...}`` (or ``\\forall``) break at token ``k`` (lower case), or empty."""
    if k < len(toks) and toks[k].text == r"\forall":
        return "forall"
    if k < len(toks) and toks[k].text in _TEXT:
        word = _group_text(toks, k + 1).lower()
        return word if word in _JOINING_WORDS else ""
    return ""


def _is_system(toks: list[_Tok], lo: int, hi: int) -> bool:
    """Tokens ``lo:hi`` are one ``\\begin{cases} ... \\end{cases}`` (a trailing ``.`` or ``,`` aside)."""
    while hi > lo and toks[hi - 1].text in (".", ",", ";") and toks[hi - 1].depth == 0:
        hi -= 1
    while lo < hi and toks[lo].text in _LAYOUT:
        lo += 1
    if hi - lo < 8 or toks[lo].text != r"\begin" or _group_text(toks, lo + 1) != "cases":
        return False
    return toks[hi - 4].text == r"\end" and _group_text(toks, hi - 3) == "cases" and \
        all(t.depth > 0 for t in toks[lo + 1:hi - 4])


def _bounds_listed(toks: list[_Tok], found: list[tuple[int, int, str]], hi: int) -> bool:
    r"""``x > 0,\, a > 0``: bounds listed, each comma right after the number that ends one (never ``0 < p, q < 1``,
    whose names share the bounds)."""
    commas = 0
    for (_, after, _), (before, _, _) in zip(found, [*found[1:], (hi, hi, "")]):
        words = [t.text for t in toks[after:before] if t.depth == 0 and t.text.strip() and t.text not in _SPACES]
        if "," not in words:
            continue
        commas += 1
        end = words[:words.index(",")]
        if not end or not all(w.isdigit() or w == "." for w in end):
            return False
    return commas > 0


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
    connectives = [f for f in found if RELATIONS[f[2]] in CONNECTIVES]
    if connectives:  # propositions: each kept whole, with its own relations
        pieces, relations, start = [], [], lo
        for a, b, written in connectives:
            pieces.append(_piece(span, toks, start, a, last=True))
            relations.append(RELATIONS[written])
            start = b
        pieces.append(_piece(span, toks, start, hi, last=True))
        return Statement(tuple(pieces), tuple(relations), span.display, propositions=True)
    pieces, relations, start = [], [], lo
    for a, b, written in found:
        pieces.append(_piece(span, toks, start, a))
        relations.append(RELATIONS[written])
        start = b
    pieces.append(_piece(span, toks, start, hi, last=True))
    return Statement(tuple(pieces), tuple(relations), span.display)


#: Spacing commands a piece may start with, or end with before the punctuation it drops.
_SPACES = frozenset({"\\ ", r"\,", r"\;", r"\:", r"\!", r"\quad", r"\qquad", "~"})


def _piece(span: Span, toks: list[_Tok], lo: int, hi: int, last: bool = False) -> Piece:
    """Tokens ``lo:hi`` as a piece of the source; ``&`` blanked, a trailing ``.``/``,``/``;`` dropped."""
    if last:  # past spacing too: "P(X=1)=.45,\ \ \text{and} ..."
        dots = hi
        while dots > lo and toks[dots - 1].text == ".":
            dots -= 1
        if hi - dots >= 3:  # p + 2p^2 + ...: an ellipsis, kept (the link is elided, never read without it)
            return _piece(span, toks, lo, hi)
        while hi > lo and (toks[hi - 1].text in (".", ",", ";") and toks[hi - 1].depth == 0 or
                           toks[hi - 1].text in _SPACES):
            hi -= 1
    while lo < hi and (toks[lo].text in _SPACES or toks[lo].text == "&"):  # "=&" then the right side's own row
        lo += 1
    if lo >= hi:
        at = toks[lo].start if lo < len(toks) else (toks[-1].start if toks else 0)
        return Piece("", span.line_at(at))
    start = toks[lo].start
    end = toks[hi - 1].start + len(toks[hi - 1].text)
    tex = "".join(t.text for t in _with_spaces(span.tex, start, end))
    return Piece(_blank_alignment(tex).strip(), span.line_at(start))


_CASES_BLOCK = re.compile(r"(\\begin\s*\{\s*cases\s*\}.*?\\end\s*\{\s*cases\s*\})", re.S)


def outside_cases(tex: str, change: Callable[[str], str]) -> str:
    """``tex`` with ``change`` made to every part outside a ``cases`` environment (where ``&`` parts a value from
    its condition, and ``& \\text{otherwise}`` is no comment)."""
    return "".join(part if k % 2 else change(part) for k, part in enumerate(_CASES_BLOCK.split(tex)))


def _blank_alignment(tex: str) -> str:
    """``&`` blanked, except inside a ``cases`` environment."""
    return outside_cases(tex, lambda part: part.replace("&", " "))


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
    r"""The token after a statement break at ``k`` (``\quad``, ``;``, ``\ \ \ ``, ``\text{and}``), or 0 if there is
    none."""
    text = toks[k].text
    if text in _BREAKS and not _beside_connective(toks, k) or text == r"\forall":  # \forall: "for all"
        return k + 1
    if text == "\\ " and all(j < len(toks) and toks[j].text == "\\ " for j in (k + 1, k + 2)):  # \ \ \ : a break
        while k < len(toks) and toks[k].text == "\\ ":
            k += 1
        return k
    if text in _TEXT and _group_text(toks, k + 1).lower() in _JOINING_WORDS:
        return _group_end(toks, k + 1) + 1
    return 0


def _beside_connective(toks: list[_Tok], k: int) -> bool:
    r"""The space at ``k`` pads a connective (``a = b \quad \Rightarrow \quad c = d``): it joins, never breaks."""
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(toks) and (toks[j].text.isspace() or toks[j].text in _BREAKS and toks[j].text != ";"):
            j += step
        if 0 <= j < len(toks) and RELATIONS.get(toks[j].text) in CONNECTIVES:
            return True
    return False


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
    relation = SET if inner == "=" and _SETTING_LABELS.fullmatch(label) else relation
    return k, end + 1, relation


#: A name a solution is written for (``p``, ``\hat{\lambda}``, ``\theta^*``, ``\hat p_{\text{MLE}}``).
_SOLUTION = re.compile(r"\s*(?:\\(?:hat|bar|tilde|widehat)\s*\{?\s*)?(?!\\(?:sum|prod|int|frac|dfrac|log|ln|exp)\b)"
                       r"(?:\\[A-Za-z]+|[A-Za-z])\s*\}?(?:_(?:\{(?:[^{}]|\{[^{}]*\})*\}|\\?[A-Za-z0-9]+))?"
                       r"(?:\^\{?\s*\*\s*\}?)?\s*")


def set_to_zero(statement: Statement, lead: str, immediate: str = "") -> Statement:
    """The statement with its ``= 0`` (or ``0 =``) made :data:`SET` when ``lead``, the prose before it, sets it to
    zero ("Setting the derivative to zero gives"), or when a derivative heads a chain of at least two links that
    ends in ``= 0`` (``\\frac{dl}{dp} = \\frac{k}{p} - \\frac{n - k}{1 - p} = 0``); an equation with no 0 written
    right after such prose (``immediate``, its own lead) is the one set, rearranged; else unchanged."""
    if not statement.relations:
        return statement
    derivative = _DERIVATIVE.match(statement.pieces[0].tex) is not None and len(statement.pieces) > 2
    said = " ".join(_MARKUP.sub(" ", lead).split())
    solving = _SOLVING.search(said) is not None and (len(statement.pieces) == 2 or derivative)
    if not derivative and not solving and not _SETS_TO_ZERO.search(said):
        return statement
    relations, pieces = list(statement.relations), statement.pieces
    if relations[-1] == "=" and pieces[-1].tex.strip() == "0":
        relations[-1] = SET
    elif relations[0] == "=" and pieces[0].tex.strip() == "0" and not derivative:
        relations[0] = SET
    elif relations[0] == "=" and len(pieces) > 2 and pieces[1].tex.strip() == "0" and \
            _DERIVATIVE.match(pieces[0].tex) is not None:  # \frac{dM}{dp} = 0 = ...: the derivative is set to 0
        relations[0] = SET
    elif relations == ["="] and _SETS_TO_ZERO.search(" ".join(_MARKUP.sub(" ", immediate).split())) and \
            not _SOLUTION.fullmatch(pieces[0].tex):
        relations[0] = SET  # "Set the derivative equal to zero: $$\frac{a}{p} = \frac{b}{1 - p}$$", rearranged
    else:
        return statement
    return replace(statement, relations=tuple(relations))


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
