r"""A math span cut into rows, and each row into statements.

A span is cut into **rows** at ``\\`` (outside brackets and environments such
as ``cases``), a row into **statements** at ``\quad``, ``\qquad``, ``;``,
``\text{and}`` and at commas between relations, and a statement into
**pieces** at its relations (:mod:`derive.check.pieces`), all at bracket
depth 0.  ``&`` is dropped, and so is a trailing ``.``, ``,`` or ``;``; a
part of a row with no relation in it (``\quad \text{(by Jensen)}``) is an
annotation and is dropped.  A row break does not end a statement when the
row after it has no relation and starts with an operator (``\\ &\quad -
d``: one long expression), or starts with a relation under a row that is an
expression alone (``&f(x) \\ &= g(x)``).

A statement after ``\text{if}`` (``\text{suppose}``, ...) in its row is
supposed, and the statement before it conditional; an order statement after
``\text{for}``, ``\text{where}``, ... is a condition on the one before it.
A ``\begin{cases}`` system alone is a statement of one proposition.  The
prose before the span may suppose its first statement
(:mod:`derive.check.leads`); a span whose relations all stand inside groups
is reported (:mod:`derive.check.nesting`), and so is one nested deeper than
:data:`MAX_DEPTH`.
"""

from __future__ import annotations

from dataclasses import replace

from derive.check.document import Span
from derive.check.leads import suppose_first
from derive.check.nesting import hidden_relations, why_hidden
from derive.check.pieces import inner_claims, piece_at, statement_at
from derive.check.statements import CONNECTIVES, ORDER, RELATIONS, Piece, Statement, relations_at
from derive.check.row_conditions import argument_domains, cases_first
from derive.check.depth_tokens import LAYOUT, ROW_BREAKS, SPACES, TEXT, Tok, group_end, group_text, split, tokens

#: Deepest bracket nesting a statement may have; deeper spans are reported, not split.
MAX_DEPTH = 200
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
_SIZED = frozenset({r"\hspace", r"\phantom"})  # layout with an argument: {0.5in}


def statements(span: Span) -> list[Statement]:
    """The statements of one span, in order."""
    tex = span.tex
    toks, deepest = tokens(tex)
    if deepest > MAX_DEPTH:
        first = next((t.start for t in toks), 0)
        return [Statement((Piece(tex.strip()[:60], span.line_at(first)),), (), span.display,
                          f"brackets nested {deepest} deep (at most {MAX_DEPTH})")]
    rows = split(toks, 0, len(toks), lambda k: k + 1 if toks[k].text in ROW_BREAKS else 0)
    joined = _continued_rows(toks, rows)
    if joined:  # a long expression broken over rows (``\\ &\quad - ...``): its row breaks are blanked
        tex = "".join(" " if k in joined else char for k, char in enumerate(tex))
        span = replace(span, tex=tex)
        toks, _ = tokens(tex)
        rows = split(toks, 0, len(toks), lambda k: k + 1 if toks[k].text in ROW_BREAKS else 0)
    out: list[Statement] = []
    for row in rows:
        out.extend(_row_statements(span, toks, *row))
    if not out and (hidden := hidden_relations(toks)):  # never silent about what it cannot see: one for each
        return [Statement((Piece(tex.strip()[:60], span.line_at(at)),), (), span.display,
                          f"relations inside {command} are not read: {why_hidden(command)}")
                for command, at in hidden]
    return suppose_first(out, span.lead, span.display)


def _continued_rows(toks: list[Tok], rows: list[tuple[int, int]]) -> set[int]:
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
        found = relations_at(toks, lo, hi)
        operator = first < hi and toks[first].text in _OPERATORS and not found
        relation = first < hi and bool(found) and found[0][0] == first and RELATIONS[found[0][2]] not in CONNECTIVES
        if lo > 0 and ((above == "relation" and operator) or (above == "expression" and relation)):
            for tok in toks[lo - 1:first]:
                out.update(range(tok.start, tok.start + len(tok.text)))
            above = "relation"
        else:
            alone = first < hi and toks[first].text not in TEXT and not _is_system(toks, lo, hi)
            above = "relation" if found else ("expression" if alone else "")
    return out


def _first_content(toks: list[Tok], lo: int, hi: int) -> int:
    """The first token of ``lo:hi`` past alignment and spacing (``& \\hspace{0.5in} -``: the ``-``), else ``hi``."""
    k = lo
    while k < hi and toks[k].text in LAYOUT:
        k = group_end(toks, k + 1) + 1 if toks[k].text in _SIZED and k + 1 < hi and toks[k + 1].text == "{" else k + 1
    return min(k, hi)


def _row_statements(span: Span, toks: list[Tok], lo: int, hi: int) -> list[Statement]:
    """A row's statements; a part of the row with no relation (an annotation) is dropped.

    A part that is a ``cases`` system alone is kept (a proposition); the
    statement after ``\\text{if}`` (``\\text{suppose}``, ...) is supposed, and
    the statement before it conditional.
    """
    return argument_domains(cases_first(_with_words(_row_items(span, toks, lo, hi))))


def _row_items(span: Span, toks: list[Tok], lo: int, hi: int) -> list[Statement | str]:
    """A row's statements and the joining words between them, in order."""
    items: list[Statement | str] = []
    for a, b in split(toks, lo, hi, lambda k: _break_end(toks, k)):
        found = relations_at(toks, a, b)
        if not found:
            if _is_system(toks, a, b):
                items.append(Statement((piece_at(span, toks, a, b, last=True),), (), span.display, propositions=True))
            elif (word := _text_word(toks, a, b)):
                items.append(word)
        elif all(RELATIONS[r] in ORDER for _, _, r in found) and not _bounds_listed(toks, found, b):
            items.append(statement_at(span, toks, a, b))  # "0 < p, q < 1" keeps its comma
        elif any(RELATIONS[r] in CONNECTIVES for _, _, r in found):  # a proposition keeps its commas
            items.extend(inner_claims(span, toks, found, a, b))  # A = B = 0 \implies ...: A = B is claimed too
            items.append(statement_at(span, toks, a, b))
        else:
            items.extend(statement_at(span, toks, *c) for c in _comma_parts(toks, a, b))
        if (word := _joining_word(toks, b)):
            items.append(word)
    return items


def _with_words(items: list[Statement | str]) -> list[Statement]:
    """The statements of a row, each supposed, conditional or joined as the joining words around it say."""
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
    return out


def _break_end(toks: list[Tok], k: int) -> int:
    r"""The token after a statement break at ``k`` (``\quad``, ``;``, ``\ \ \ ``, ``\text{and}``), or 0 if there is
    none."""
    text = toks[k].text
    if text in _BREAKS and not _beside_connective(toks, k) or text == r"\forall":  # \forall: "for all"
        return k + 1
    if text == "\\ " and all(j < len(toks) and toks[j].text == "\\ " for j in (k + 1, k + 2)):  # \ \ \ : a break
        while k < len(toks) and toks[k].text == "\\ ":
            k += 1
        return k
    if text in TEXT and group_text(toks, k + 1).lower() in _JOINING_WORDS:
        return group_end(toks, k + 1) + 1
    return 0


def _beside_connective(toks: list[Tok], k: int) -> bool:
    r"""The space at ``k`` pads a connective (``a = b \quad \Rightarrow \quad c = d``): it joins, never breaks."""
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(toks) and (toks[j].text.isspace() or toks[j].text in _BREAKS and toks[j].text != ";"):
            j += step
        if 0 <= j < len(toks) and RELATIONS.get(toks[j].text) in CONNECTIVES:
            return True
    return False


def _text_word(toks: list[Tok], lo: int, hi: int) -> str:
    """The joining word of a part that is ``\\text{word}`` alone (lower case), or empty."""
    k = next((k for k in range(lo, hi) if toks[k].text not in LAYOUT), hi)
    if k < hi and toks[k].text in TEXT and group_end(toks, k + 1) == hi - 1:
        word = group_text(toks, k + 1).lower()
        return word if word in _JOINING_WORDS else ""
    return ""


def _joining_word(toks: list[Tok], k: int) -> str:
    """The joining word of a ``\\text{...}`` (or ``\\forall``) break at token ``k`` (lower case), or empty."""
    if k < len(toks) and toks[k].text == r"\forall":
        return "forall"
    if k < len(toks) and toks[k].text in TEXT:
        word = group_text(toks, k + 1).lower()
        return word if word in _JOINING_WORDS else ""
    return ""


def _is_system(toks: list[Tok], lo: int, hi: int) -> bool:
    """Tokens ``lo:hi`` are one ``\\begin{cases} ... \\end{cases}`` (a trailing ``.`` or ``,`` aside)."""
    while hi > lo and toks[hi - 1].text in (".", ",", ";") and toks[hi - 1].depth == 0:
        hi -= 1
    while lo < hi and toks[lo].text in LAYOUT:
        lo += 1
    if hi - lo < 8 or toks[lo].text != r"\begin" or group_text(toks, lo + 1) != "cases":
        return False
    return toks[hi - 4].text == r"\end" and group_text(toks, hi - 3) == "cases" and \
        all(t.depth > 0 for t in toks[lo + 1:hi - 4])


def _bounds_listed(toks: list[Tok], found: list[tuple[int, int, str]], hi: int) -> bool:
    r"""``x > 0,\, a > 0``: bounds listed, each comma right after the number that ends one (never ``0 < p, q < 1``,
    whose names share the bounds)."""
    commas = 0
    for (_, after, _), (before, _, _) in zip(found, [*found[1:], (hi, hi, "")]):
        words = [t.text for t in toks[after:before] if t.depth == 0 and t.text.strip() and t.text not in SPACES]
        if "," not in words:
            continue
        commas += 1
        end = words[:words.index(",")]
        if not end or not all(w.isdigit() or w == "." for w in end):
            return False
    return commas > 0


def _comma_parts(toks: list[Tok], lo: int, hi: int) -> list[tuple[int, int]]:
    """``a = b, c = d`` as two parts; a comma part without a relation stays with the part before it."""
    parts: list[tuple[int, int]] = []
    for a, b in split(toks, lo, hi, lambda k: k + 1 if toks[k].text == "," else 0):
        if parts and not relations_at(toks, a, b):
            parts[-1] = (parts[-1][0], b)
        else:
            parts.append((a, b))
    return parts
