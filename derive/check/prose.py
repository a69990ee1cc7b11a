r"""Hypotheses and claims: what the prose around a bound (``0 < p < 1``) makes of it.

A bound, an order statement between numbers and symbols only (``<``,
``\le``, ``>``, ``\ge``, ``\in``: :func:`derive.check.assume.is_bound`), is a
**claim**, checked like any other, unless the prose makes it a
**hypothesis** (an assumption):

1. the prose just before it ends with a hypothesis word of :data:`HYPOTHESES`
   ("where", "with", "for", "for all", "let", "assume", "suppose", "given",
   "if", "when", "whenever", "such that", "provided", ...), optionally
   followed by words of :data:`FILLERS` ("that", "all", "every", "real",
   ...), a colon or a comma: "where $0 < p < 1$", "for every real $x > 0$";
2. it is in a clause opened by one of :data:`OPENERS` ("Let", "Suppose",
   "Assume", "Given", "If", "When", "Fix", "Take", ...), which runs on through
   other words ("Let $P$ be a coin whose bias satisfies $0 < p < 1$",
   "Assume for contradiction that $x < 0$") until a word of :data:`CLAIMS`
   ("then", "so", "since", "we have", ...), a sentence end, a comma or
   semicolon after such other words, or a display that goes on deriving
   (``\iff ...``, ``&= ...``);
3. it follows a hypothesis with nothing but ``,``, ``;``, "and" or a list
   bullet between them ("with $n \ge 1$, $p_i > 0$ and $\sum_i p_i = 1$"),
   also as a list item that opens with "and" after the item of the
   hypothesis ("* and $x > 0$."); or it follows ``\text{for}``,
   ``\text{where}``, ... in a display row (:mod:`derive.check.chains`).

Any other word ends what "where", "with" or "for" govern ("For the coin
above, the bias satisfies $0 < p < 1$" is a claim).  Bounds joined by "or"
are alternatives (marked ``or``): none is assumed, none checked.  A
hypothesis after "if", "when", "whenever", "for" or "provided"
(:data:`LOCAL`) is a condition, which holds to the end of its sentence; any
other holds to the end of the document.

Sentences are followed from one math span to the next while the prose between
them is all there is (:attr:`derive.check.document.Span.joined`); a ``.``,
``!`` or ``?`` in the prose, or at the end of a display, ends one.  Nothing
here reads mathematics: only the words around it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from derive.check.assume import is_bound
from derive.check.leads import SPECIALISING, SUPPOSING, set_to_zero
from derive.check.statements import EQUALITIES, Statement
from derive.check.document import Span

#: Words (and phrases) after which an order statement is a hypothesis.
HYPOTHESES = frozenset({"where", "with", "for", "for all", "for every", "for each", "for any", "let", "suppose",
                        "assume", "assuming", "given", "if", "when", "whenever", "such that", "provided", "fix",
                        "take", "set", "on", "over", "should"})
#: Hypothesis words that open a clause running on through other words ("Let $P$ be a coin with bias ...").
OPENERS = frozenset({"let", "suppose", "assume", "assuming", "given", "if", "when", "whenever", "fix", "take", "set"})
#: Hypothesis words whose hypothesis holds to the end of its sentence only (a condition, not a standing assumption).
LOCAL = frozenset({"if", "when", "whenever", "for", "for all", "for every", "for each", "for any", "provided",
                   "provided that", "on", "over", "should"})
#: Words that make what follows a claim: a consequence or a justification.
CLAIMS = frozenset({"then", "so", "hence", "thus", "therefore", "since", "because", "as", "have", "get", "obtain",
                    "find", "gives", "give", "yields", "implies", "imply", "shows", "show", "follows", "means",
                    "ie", "holds", "hold", "note", "clearly", "obviously", "conclude", "deduce", "see", "know",
                    "valid", "proves", "prove"})
#: Last words of the prose before a display that draw it from the statement before ("simplifying gives").
_DRAWING = frozenset({"gives", "give", "giving", "yields", "yield", "get", "gets", "obtain", "so", "hence", "thus",
                      "therefore", "then", "implies", "means"})
#: Words that keep a hypothesis word governing ("for all real $x > 0$", "assume that $n \ge 1$").
FILLERS = frozenset({"that", "all", "every", "each", "any", "some", "the", "a", "an", "real", "positive",
                     "integer", "integers", "number", "numbers", "values", "also"})
#: Words that, right after a claim in its sentence, restrict it: "$\ln x \le x - 1$ for every $x > 0$",
#: "$g(x) > 0$ on $(0, 1)$".  Those of :data:`HEDGES` restrict it even with no math after them ("if X is constant").
TRAILING = LOCAL | {"unless", "except"}
HEDGES = frozenset({"if", "when", "whenever", "provided", "provided that", "unless", "except"})
#: Words that may stand between such a word and the condition's math ("for every real", "on the open interval").
_CONDITION_FILLERS = FILLERS | {"interval", "intervals", "set", "domain", "region", "range", "whole", "open",
                                "closed", "half", "in", "of"}
#: Tokens that continue a list of statements.
CONNECTORS = frozenset({",", ";", ":", "and", "*", "+", "-", "&"})
#: What may stand between two supposed equations for the second to be supposed too ("and that", ", and").
_LISTING = frozenset({",", "and", "that", "also"})
_PHRASES = frozenset({"for all", "for every", "for each", "for any", "such that", "provided that", "in general"})
#: Words that end the conditions before them, as a sentence end does: what follows holds in general
#: ("If $y > 0$ then ..., and in general $$...$$"; "...; for every real $y$, however, $$...$$").
SCOPE_ENDS = frozenset({"in general", "however", "otherwise", "regardless", "always", "for all", "for every",
                        "for each", "for any"})
_ENDS = frozenset({".", "!", "?"})
_ABBREVIATIONS = re.compile(r"\b(i\.\s?e|e\.\s?g|cf|etc|resp|vs)\.", re.I)
_MARKUP = re.compile(r"\\[A-Za-z]+\*?|[{}`_$]")
_TOKEN = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|[.!?](?=\s|$)|[,;:&]|[*+\-](?=\s|$)")


@dataclass
class _Reader:
    """The state carried from one span to the next: the sentence, its open clause and the word governing it."""

    sentence: int = 0
    clause: str = ""  # the opener of the clause being read ("let"), or empty
    word: str = ""  # the hypothesis word that governs what comes next, or empty
    fresh: bool = False  # only connectors and fillers since the word, or since the last math
    ended: bool = True  # the last span ended its sentence

    def new_sentence(self) -> None:
        self.sentence += 1
        self.clause, self.word, self.fresh = "", "", False

    def read(self, lead: str) -> bool:
        """Read the prose before a span; whether it only joins the span to the one before with "or"."""
        tokens = tokens_of(lead)
        alternative = bool(tokens) and set(tokens) <= CONNECTORS | {"or"} and "or" in tokens
        k = 0
        while k < len(tokens):
            token, pair = tokens[k], " ".join(tokens[k:k + 2])
            if pair in _PHRASES:
                token, k = pair, k + 1
            k += 1
            if token in SCOPE_ENDS and k > 1 or token == ";":  # a condition of this sentence stops here ("if
                self.sentence += 1  # L > 1, ...; if L < 1, ...": a semicolon ends a clause and its conditions)
            if token in _ENDS:
                if tokens[k:k + 1] and tokens[k] in ("*", "+", "-") and tokens[k + 1:k + 2] == ["and"]:
                    continue  # "... with $0 < q < 1$.\n* and $x > 0$.": a list item that carries on
                self.new_sentence()
            elif token in HYPOTHESES:
                self.clause = token if token in OPENERS else self.clause
                self.word, self.fresh = token, True
            elif token in CLAIMS:
                self.clause = self.word = ""
            elif token in (",", ";") and self.clause and not self.fresh:
                self.clause = self.word = ""  # "Given the data, ...": the clause is over
            elif token in CONNECTORS or token == "or" or token in FILLERS:
                continue
            else:  # another word: "where", "with", "for" govern no further; an opener's clause runs on
                self.word, self.fresh = self.clause, False
        return alternative


def tokens_of(lead: str) -> list[str]:
    """The words (lower case) and the punctuation that matters of a lead."""
    text = _ABBREVIATIONS.sub(lambda m: m.group(1).replace(".", "").replace(" ", ""), lead)
    return [t.lower() for t in _TOKEN.findall(_MARKUP.sub(" ", text))]


def hypotheses(found: Sequence[tuple[Span, Sequence[Statement]]]) -> list[list[Statement]]:
    """The statements of each span, each bound (:func:`derive.check.assume.is_bound`) marked ``supposed`` with its
    hypothesis word (or ``or`` for alternatives) when the prose makes it a hypothesis, and every statement
    numbered by its sentence."""
    reader = _Reader()
    out: list[list[Statement]] = []
    last: list[int] = []  # the spans of the hypotheses the next "or" would join
    supposing = ""  # the word of the supposed equation just before, while only "and" or a comma follows it
    said = ""  # the sentence so far, inline math included ("set the result to $0$:")
    for span, statements in found:
        before, ended = reader.sentence, reader.ended
        if reader.ended or not span.joined:
            reader.new_sentence()
        alternative = reader.read(span.lead)
        condition, trailing = ("", False) if not out or not span.joined or ended else \
            _condition(tokens_of(span.lead), span)
        if condition:  # "$A$ for every $x \ge 1$": the claims of the span before hold under it
            out[-1] = [replace(s, restricted=condition) if s.relations and not s.supposed and not s.problem else s
                       for s in out[-1]]
        said = (said + " " if reader.sentence == before and span.joined else "") + span.lead
        listing = tokens_of(span.lead)  # "and", ", and that": never nothing (two displays: the second follows)
        if reader.sentence != before or not span.joined or not listing or not set(listing) <= _LISTING or \
                span.display and "and" not in listing:  # "If $i = k$, $$...$$": the display is what follows
            supposing = ""
        marked: list[Statement] = []
        word = reader.word
        for k, statement in enumerate(statements):
            if k == 0:
                statement = set_to_zero(statement, said, span.lead)
            if statement.propositions and span.display and _drawn(listing) and \
                    not any(s.propositions for s in statements[:k]):
                statement = replace(statement, follows=True)
            if k and statement.joined:
                word = statement.supposed or ("" if statement.joined in CLAIMS else word)
                supposing = statement.supposed
            elif statement.supposed:
                word = statement.supposed
            if is_bound(statement):
                statement = replace(statement, supposed="or" if alternative else statement.supposed or word)
            elif supposing and not statement.supposed and not alternative and _equation(statement) and \
                    not statement.pieces[0].empty:  # "\\implies ...", "&= ...": the derivation goes on
                statement = replace(statement, supposed=supposing)  # "Suppose $x + y = 2$ and $x - y = 0$"
            supposing = statement.supposed if statement.supposed in SUPPOSING and \
                statement.supposed not in SPECIALISING and _equation(statement) else ""
            marked.append(replace(statement, sentence=reader.sentence, trailing=trailing))
            if k and statement.joined == "then" and statements[k - 1].supposed == "if" and \
                    statements[k - 1].line == statement.line and span.display:
                reader.new_sentence()  # "claim, \quad i = j": the case holds for its own row only
        if alternative and any(is_bound(s) for s in marked):
            for n in last:
                out[n] = [replace(s, supposed="or") if is_bound(s) else s for s in out[n]]
        out.append(marked)
        said += "" if span.display else f" ${span.tex}$ "
        last = [len(out) - 1] if any(is_bound(s) for s in marked) else []
        reader.fresh = True
        reader.ended = span.tex.rstrip().endswith((".", "!", "?"))
        if any(s.pieces and s.pieces[0].empty for s in statements):
            reader.clause = reader.word = ""  # "&= ...", "\iff ...": the derivation goes on
    return out


def _condition(tokens: list[str], span: Span) -> tuple[str, bool]:
    """The condition that the prose before ``span`` (``tokens``) puts on the claims just before it, as written, and
    whether it is the math of ``span`` ("for every $x \\ge 1$") rather than words ("if X is constant"); or
    ``("", False)``."""
    if tokens[:1] == [";"]:  # "...; if $x < 1$, ...": a clause of its own, no condition on the one before
        return "", False
    words = [t for t in tokens if t != ","] if tokens[:1] == [","] else tokens
    pair = " ".join(words[:2])
    word = pair if pair in _PHRASES else words[0] if words else ""
    rest = words[len(word.split()):]
    if word in TRAILING and set(rest) <= _CONDITION_FILLERS:
        return f"{span.lead.strip()} ${span.tex.strip()}$", True
    if word in HEDGES:
        end = next((k for k, t in enumerate(words) if t in _ENDS), len(words))
        return " ".join(words[:end]), False
    return "", False


def _drawn(tokens: list[str]) -> bool:
    """The prose before a display ends by drawing it from what came before ("and expanding gives")."""
    return bool(tokens) and tokens[-1].rstrip(":") in _DRAWING


def _equation(statement: Statement) -> bool:
    """An equation (or a chain of them) that reads: what "Suppose $a = b$ and ..." may go on supposing."""
    return bool(statement.relations) and set(statement.relations) <= EQUALITIES and not statement.problem and \
        bool(statement.pieces)


def is_local(word: str) -> bool:
    """A hypothesis after ``word`` holds to the end of its sentence only."""
    return word in LOCAL
