r"""A finite sum written out with an ellipsis, ``x_1 + x_2 + \cdots + x_n``, read as the sum it stands for.

The terms on either side of the dots are compared token by token: where the term before the dots writes an
integer (``2``) and the term after them writes something else (``n``, ``{K-1}``), that place is the index.
The terms before are matched against the same template at the integers counting down (``x_1``), and the run
becomes ``\sum_{k=1}^{n} \left(x_k\right)`` with an index letter the formula does not use.  All terms must
share one sign.  Anything else (dots between factors, in an argument list, with no last term, two in one
run, terms that differ elsewhere) is left as written, for the caller to skip.
"""

from __future__ import annotations

import re
from itertools import combinations
from typing import NamedTuple

#: The ways an ellipsis is typed.
DOTS = frozenset({r"\ldots", r"\cdots", r"\dots", r"\dotsb", r"\dotsc", "..."})
_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|\d+(?:\.\d+)?|\.\.\.|\S")
_OPEN, _CLOSE = frozenset("([{"), frozenset(")]}")
#: What ends an additive run: a relation, a column, a row break, a separator.
_STOP = frozenset({"=", "<", ">", "&", ",", ";", r"\\", r"\le", r"\leq", r"\ge", r"\geq", r"\approx", r"\ne",
                   r"\neq", r"\propto", r"\equiv", r"\sim", r"\mid", "|", r"\quad", r"\qquad", r"\Rightarrow",
                   r"\implies", r"\to", r"\iff"})
_INDEX_LETTERS = "kjmlrst"
_MOST_SPOTS = 6  # places one digit may hold in a term


class _Token(NamedTuple):
    text: str
    start: int
    end: int


class _Term(NamedTuple):
    sign: str
    body: list[_Token]
    start: int  # token index of its sign (or of its first token, unsigned)
    end: int


def as_sums(tex: str, scalars: frozenset[str] = frozenset()) -> str:
    """``tex`` with each written-out finite sum a ``\\sum``; as it was unless every ellipsis reads as one.

    ``scalars`` are names the text uses as one number (``p`` with ``0 < p < 1``): ``p_1 + \\dots + p_n`` beside
    them may mean ``p`` each time, not entries of their own, and is left as written."""
    for _ in range(tex.count("\\") + tex.count("...") + 1):  # one ellipsis at a time, each time one fewer
        tokens = [_Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(tex)]
        dots = next((k for k, t in enumerate(tokens) if t.text in DOTS), None)
        if dots is None:
            return tex
        summed = _summed(tex, tokens, dots, scalars)
        if summed is None:
            return tex
        tex = summed
    return tex


def _summed(tex: str, tokens: list[_Token], dots: int, scalars: frozenset[str]) -> str | None:
    """``tex`` with the run around the ellipsis at token ``dots`` a sum, or ``None``."""
    terms = _terms(tokens, *_run(tokens, dots))
    at = next((k for k, term in enumerate(terms) if [t.text for t in term.body] == [tokens[dots].text]), None)
    if at is None or at == 0 or at + 1 >= len(terms):
        return None
    sign = terms[at].sign
    if terms[at + 1].sign != sign or terms[at - 1].sign != sign:
        return None
    found = _template(terms[at - 1].body, terms[at + 1].body)
    if found is None:
        return None
    places, value, upper = found
    before, first = terms[at - 1].body, at - 1
    if _indexed_letters(before, places) & scalars:
        return None
    while first > 0 and terms[first - 1].sign == sign and value > 0 and \
            _texts(terms[first - 1].body) == _texts(_filled(before, places, str(value - 1))):
        first, value = first - 1, value - 1
    used = {c for t in tokens for c in t.text if c.isalpha() and not t.text.startswith("\\")}
    letter = next((c for c in _INDEX_LETTERS if c not in used), None)
    if letter is None:
        return None
    written_sign = first > 0 or tokens[terms[first].start].text in ("+", "-")
    body = _written(tex, before, places, letter)
    start, end = tokens[terms[first].start].start, tokens[terms[at + 1].end - 1].end
    lead = f"{sign} " if written_sign else ("- " if sign == "-" else "")
    return f"{tex[:start]}{lead}\\sum_{{{letter}={value}}}^{{{upper}}} \\left({body}\\right){tex[end:]}"


def _run(tokens: list[_Token], k: int) -> tuple[int, int]:
    """The token bounds of the additive run around token ``k``: to the brackets that hold it, or a relation."""
    return _edge(tokens, k, -1), _edge(tokens, k, 1) + 1


def _edge(tokens: list[_Token], k: int, step: int) -> int:
    """The last token of the run from ``k`` going ``step`` (-1: left, 1: right)."""
    inner, outer, sized = (_CLOSE, _OPEN, r"\left") if step < 0 else (_OPEN, _CLOSE, r"\right")
    depth = 0
    while 0 <= k + step < len(tokens):
        t = tokens[k + step].text
        if t in inner:
            depth += 1
        elif t in outer:
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and (t in _STOP or t == sized):
            break
        k += step
    return k


def _terms(tokens: list[_Token], lo: int, hi: int) -> list[_Term]:
    """The signed terms of ``tokens[lo:hi]``, split at each ``+`` and ``-`` outside brackets and scripts."""
    out: list[_Term] = []
    depth, start, sign, body_at = 0, lo, "+", lo
    for k in range(lo, hi + 1):
        t = tokens[k].text if k < hi else None
        if t in _OPEN:
            depth += 1
        elif t in _CLOSE:
            depth -= 1
        if k == body_at and t in ("+", "-"):
            sign, body_at = t, k + 1
        elif t is None or depth == 0 and t in ("+", "-") and tokens[k - 1].text not in ("^", "_"):
            if k > body_at:
                out.append(_Term(sign, tokens[body_at:k], start, k))
            start, sign, body_at = k, t or "+", k + 1
    return out


def _template(before: list[_Token], last: list[_Token]) -> tuple[set[int], int, str] | None:
    """Where ``before`` writes the index (token positions), the integer it writes there, and what ``last``
    writes there (braces off): the places holding one digit that, each replaced by the same tokens, give
    ``last``."""
    a, a_from = _braced(before)
    b, _ = _braced(last)
    for digit in sorted({t for t in a if t.isdigit() and len(t) == 1}):
        spots = [k for k, t in enumerate(a) if t == digit]
        for size in range(len(spots), 0, -1) if len(spots) <= _MOST_SPOTS else ():
            if (len(b) - len(a)) % size:
                continue
            width = (len(b) - len(a)) // size + 1
            for chosen in combinations(spots, size):
                upper = b[chosen[0]:chosen[0] + width]
                if width < 1 or upper == [digit] or _put(a, chosen, upper) != b:
                    continue
                places = {a_from[k] for k in chosen}
                written = " ".join(upper[1:-1] if upper[0] == "{" and upper[-1] == "}" else upper)
                if None in places or not written or any(c in written for c in "{}") or \
                        written.isdigit() and int(written) <= int(digit):
                    return None
                return places, int(digit), written
    return None


def _put(a: list[str], chosen: tuple[int, ...], upper: list[str]) -> list[str]:
    out, at = [], 0
    for k in chosen:
        out += a[at:k] + upper
        at = k + 1
    return out + a[at:]


def _braced(tokens: list[_Token]) -> tuple[list[str], list[int | None]]:
    """The texts with a one-token script in braces (``x _ 1`` as ``x _ { 1 }``), and for each the position of the
    token it is (``None`` for a brace added)."""
    texts: list[str] = []
    origin: list[int | None] = []
    for k, t in enumerate(tokens):
        if k and tokens[k - 1].text in ("_", "^") and t.text != "{":
            texts += ["{", t.text, "}"]
            origin += [None, k, None]
        else:
            texts.append(t.text)
            origin.append(k)
    return texts, origin


def _indexed_letters(term: list[_Token], places: set[int]) -> set[str]:
    """The names whose subscript holds the index (``p`` of ``p_2``, ``\\sigma`` of ``\\sigma_{2}``), backslash off."""
    texts = [t.text for t in term]
    out = set()
    for k in places:
        under = k - 2 if k >= 2 and texts[k - 1] == "{" else k - 1
        if under >= 1 and texts[under] == "_":
            out.add(texts[under - 1].lstrip("\\"))
    return out


def _filled(term: list[_Token], places: set[int], value: str) -> list[_Token]:
    return [t._replace(text=value) if k in places else t for k, t in enumerate(term)]


def _texts(term: list[_Token]) -> list[str]:
    return _braced(term)[0]


def _written(tex: str, term: list[_Token], places: set[int], letter: str) -> str:
    """The term as written, with ``letter`` at the index."""
    out, at = [], term[0].start
    for k in sorted(places):
        out += [tex[at:term[k].start], letter]
        at = term[k].end
    return "".join(out) + tex[at:term[-1].end]
