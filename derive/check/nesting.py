r"""Relations nested inside brackets, braces, environments and command arguments.

Rows, statements and pieces are cut at bracket depth 0 only
(:mod:`derive.check.rows`); a relation deeper than that is read as part of
its side.  Two cases are claims of their own all the same:

* a span with no relation at depth 0 whose relations all stand inside a
  group: an unknown command's argument (``\argmax{x \in A}{f(x) = 0}``), a
  braced block of rows, a bracket not applied (``(y_1 = x_1)``).  They are
  never silently dropped: :func:`hidden_relations` finds each one, and
  :func:`why_hidden` says why it is not read;
* a relation inside a side's environment (``\begin{matrix}``), bracket not
  applied, or bracket never closed: :func:`nested_relations` gives their lines.

Relations in scripts, text, the arguments of known commands and applications
(``\sum_{i=1}``, ``P(X = 0)``, ``\Pr\{X = 1\}``) are neither.
"""

from __future__ import annotations

import re

from derive.check.statements import RELATIONS, Piece
from derive.check.depth_tokens import CLOSE, OPEN, ROW_BREAKS, TEXT, Tok, tokens

#: Sizing before a bracket (``\\left(``, ``\\bigl\\{``): the bracket's, not an application's.
_SIZES = frozenset({r"\left", r"\bigl", r"\Bigl", r"\biggl", r"\Biggl", r"\big", r"\Big", r"\bigg", r"\Bigg"})
#: Commands whose arguments are read (or are no place for a claim): a relation inside one is no hidden claim.
_KNOWN_ARGUMENTS = frozenset({r"\frac", r"\dfrac", r"\tfrac", r"\sqrt", r"\begin", r"\end", r"\operatorname",
                              r"\substack", r"\overset", r"\underset", r"\stackrel", r"\underbrace", r"\overbrace",
                              r"\label", r"\tag", r"\color", r"\textcolor", r"\mathbb", r"\mathcal"})


def hidden_relations(toks: list[Tok]) -> list[tuple[str, int]]:
    r"""Each relation inside a command's braced argument or a group, when no relation stands outside any
    (``\argmax{x \in A}{f(x) = 0}``): the command (or group) holding it and its offset; none in scripts and
    text."""
    return [found for k in range(len(toks)) if (found := _hidden(toks, k)) is not None]


def _hidden(toks: list[Tok], k: int) -> tuple[str, int] | None:
    """The command or group holding the relation at token ``k``, and its offset; ``None`` when it is no relation
    inside one (or one in a script or text)."""
    tok = toks[k]
    if tok.text not in RELATIONS or not tok.depth:
        return None
    outer, opener = tok.depth - 1, _opener(toks, k)
    if toks[opener].text in (r"\lbrace", r"\{") and any(t.text in ROW_BREAKS for t in toks[opener:]):
        return toks[opener].text + "...", tok.start  # Repeat \{ \newline \theta := ... \newline \}: a block
    applied = opener > 0 and re.match(r"[A-Za-z0-9}]|\\[A-Za-z]+\Z", toks[opener - 1].text)
    if toks[opener].text == "(" and not applied:
        return "(...)", tok.start  # (y_1 = x_1 x_2), (y_2 = x_3): relations in brackets, no application's
    j = next((i for i in range(k - 1, -1, -1) if toks[i].text == "{" and toks[i].depth == outer), None)
    while j is not None and j >= 1 and toks[j - 1].text == "}":  # \cmd{...}{...}: back to \cmd
        j = next((i for i in range(j - 2, -1, -1) if toks[i].text == "{" and toks[i].depth == outer), None)
    command = toks[j - 1].text if j else ""
    if command[1:].isalpha() and command.startswith("\\") and command not in TEXT | _KNOWN_ARGUMENTS:
        return command, tok.start
    return None


def why_hidden(command: str) -> str:
    """Why relations inside ``command``'s group (a braced block of rows, a bracket, a command) are not read."""
    if command.endswith("..."):
        return "a braced block of rows is no formula"
    if command == "(...)":
        return "a bracketed relation is no formula (write it on its own)"
    return "derive does not know this command (define it with \\newcommand in the document)"


def _opener(toks: list[Tok], k: int) -> int:
    """The index of the bracket, brace or environment the token at ``k`` stands in (0 when there is none)."""
    return next((i for i in range(k - 1, -1, -1) if toks[i].text in OPEN and toks[i].depth == toks[k].depth - 1), 0)


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
        broken = any(t.text in ROW_BREAKS for t in toks[opener:k]) or \
            not any(t.text in CLOSE and t.depth == toks[opener].depth for t in toks[k:])  # never closed
        if toks[opener].text == r"\begin" or broken or \
                toks[opener].text in ("(", "[", r"\{", r"\lbrace") and not applied:
            lines.append(piece.line + piece.tex.count("\n", 0, tok.start))
    return tuple(lines)
