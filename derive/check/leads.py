r"""What the prose just before a span (its lead) makes of the span's statements.

**Suppositions.**  A statement is *supposed* (a hypothesis, not a claim) when
the prose just before its span (:attr:`derive.check.document.Span.lead`)
ends with one of :data:`SUPPOSING` (``Suppose``, ``Assume``, ``If``, ``Let``,
``Set``, ``Given``, ``Whenever``, ``... such that``; a colon or comma may
follow), or is a sentence that opens with one of :data:`SUPPOSING_OPENINGS`
(``At a minimum``, ``At the optimum``, ...) and ends with a colon or a comma
(the display finishes it).  Only the span's first statement is supposed
(:func:`suppose_first`); the words of :data:`SPECIALISING` (``at``, ``for``,
``with``, ...) suppose it only when it gives one name a value (``p = 1/2``).

**Equations set to zero.**  Prose that sets the display after it to zero
("Setting the derivative to zero:") or solves it ("the stationarity
condition reads") makes its ``= 0`` an equation to solve, :data:`SET`
(:func:`set_to_zero`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from derive.check.statements import SET, Statement

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
_MARKUP = re.compile(r"\\[A-Za-z]+\*?|[{}`*_]|\$")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_CLAUSE_END = re.compile(r"[.!?;](?:\s|$)")
#: Words that open a conditional clause: inline math right after its comma restates its condition.
_CLAUSE_OPENINGS = frozenset({"if", "when", "whenever", "suppose"})
_RESTATING = re.compile(r"\b(?:if|suppose|assume|assuming|given|let)\b[^.!?]*?\b((?:if|suppose|assume|assuming|"
                        r"given|let))\b[^.!?]*?(?:,\s*)?(?:i\.\s?e\.|e\.\s?g\.|namely|that is)$")
_GIVEN_NAME = re.compile(r"\s*(?:\\[A-Za-z]+|[A-Za-z])(?:_\{?[A-Za-z0-9]+\}?)?\s*")
#: Prose that sets the display after it to zero ("Setting the derivative to zero:", "equate it to 0", "requiring
#: it to vanish").
#: A derivative first (``\frac{dl}{d\sigma} = ... = 0``): the first-order condition of an optimum, solved.
_DERIVATIVE = re.compile(r"\s*(?:\\[dt]?frac\s*\{\s*(?:\\partial|d|\\mathrm\{d\}|\\text\{d\})|\\nabla|[A-Za-z]'+\()")
_SETS_TO_ZERO = re.compile(r"\b(?:set|sets|setting|equat\w*|requir\w*|forc\w*|impos\w*)\b[^.!?]*?"
                           r"(?:\bzero\b|\b0\b|\bvanish)[^.!?]*$|\bto (?:zero|vanish)\W*$", re.I)
#: Prose that solves the equation after it ("by solving", "the stationarity condition reads"): one ``E = 0``.
_SOLVING = re.compile(r"\b(?:solv\w*|stationar\w*|first[- ]order\s+conditions?|critical\s+points?|optimality)\b"
                      r"[^.!?]*$", re.I)
#: A name a solution is written for (``p``, ``\hat{\lambda}``, ``\theta^*``, ``\hat p_{\text{MLE}}``).
_SOLUTION = re.compile(r"\s*(?:\\(?:hat|bar|tilde|widehat)\s*\{?\s*)?(?!\\(?:sum|prod|int|frac|dfrac|log|ln|exp)\b)"
                       r"(?:\\[A-Za-z]+|[A-Za-z])\s*\}?(?:_(?:\{(?:[^{}]|\{[^{}]*\})*\}|\\?[A-Za-z0-9]+))?"
                       r"(?:\^\{?\s*\*\s*\}?)?\s*")


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


def suppose_first(found: Sequence[Statement], lead: str, display: bool) -> list[Statement]:
    """The statements of a span, the first one supposed when ``lead``, the prose before the span, supposes it
    (:func:`supposing`); a specialising word ("at", "for", ...) only when that statement gives a name a value."""
    out = list(found)
    word = supposing(lead, display)
    if word in SPECIALISING and not (out and _gives_a_value(out[0])):
        word = ""  # "we arrive at $$...$$": no value given, no supposition
    if out and word and not out[0].supposed and not out[0].problem:
        out[0] = replace(out[0], supposed=word)
    return out


def _gives_a_value(statement: Statement) -> bool:
    r"""``p = 1/2``, ``\sigma_1 = 1``: one name given a value (what "at", "for", "with" specialise to)."""
    return statement.relations == ("=",) and len(statement.pieces) == 2 and \
        _GIVEN_NAME.fullmatch(statement.pieces[0].tex) is not None and \
        not re.search(r"[A-Za-z]{2,}|\\(?!frac|dfrac|tfrac|sqrt|pi)", statement.pieces[1].tex.replace(r"\,", ""))


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
