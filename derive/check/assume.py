r"""Assumptions such as ``0 < p < 1``: a small language of bounds, read without evaluating anything.

An assumption is a chain of ``<``, ``<=``, ``>``, ``>=`` (also ``\lt``,
``\le``, ``\leq``, ``\gt``, ``\ge``, ``\geq``, ``≤``, ``≥``) between numbers and
symbols, all pointing the same way, or ``x \in (a, b)`` / ``x \in \mathbb{R}``.
A side may list several symbols: ``0 < p, q < 1``.  Numbers are integers,
decimals, ``\frac{a}{b}``, ``a/b`` and ``\infty``; symbols are what derive's
parser reads as one symbol (``p``, ``\sigma_1``, ``x_{10}``).  Each part is
read by :func:`derive.parse.parse_latex` and must come back as a single number
or symbol; nothing is ever evaluated as code.

A bound written with ``<=`` (or a closed end, ``x \in [0, 1]``) includes its
endpoint: a claim is proved only if it also holds there.  Decimals are read
exactly (``0.1`` is ``1/10``).  SymPy relations (``p > 0``, ``sp.And(p > 0,
p < 1)``) are accepted by :func:`from_relations`.
"""

from __future__ import annotations

import re

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

import sympy as sp

from derive.check.statements import Piece, Statement
from derive.check.rows import statements
from derive.check.document import Span
from derive.check.errors import CheckError
from derive.core.domain import Domain
from derive.errors import DeriveError
from derive.parse.tokens import bare_name

#: A decimal number as written in an assumption (read exactly, never through a float).
_DECIMAL = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)")
#: Longest assumption accepted.
MAX_LENGTH = 1000
_REALS = frozenset({r"\mathbb{R}", r"\mathbf{R}", r"\R", "ℝ"})
#: Sets of integers from a least one on (``\mathbb{N}`` counts from 1: a claim must then hold from 1 on).
_INTEGERS = {r"\mathbb{N}": 1, r"\mathbb{N}^+": 1, r"\mathbb{N}^{+}": 1, r"\mathbb{N}^*": 1, r"\mathbb{N}_{>0}": 1,
             r"\mathbb{N}_{\geq1}": 1, r"\mathbb{N}_{\ge1}": 1, r"\mathbb{Z}^+": 1, r"\mathbb{Z}^{+}": 1,
             r"\mathbb{Z}_+": 1, r"\mathbb{Z}_{+}": 1, r"\mathbb{Z}_{>0}": 1, r"\mathbb{N}_0": 0, r"\mathbb{N}_{0}": 0,
             r"\mathbb{Z}_{\geq0}": 0, r"\mathbb{Z}_{\ge0}": 0}
#: ``\{1, 2, 3, \dots\}``: consecutive integers, then dots.
_LISTED = re.compile(r"\\\{(\d+(?:,\d+)+),?(?:\\dots|\\ldots|\\cdots|…|\.\.\.)\\\}")
_POSITIVE_REALS = frozenset({r"\mathbb{R}_{>0}", r"\mathbb{R}^{+}", r"\mathbb{R}^+", r"\mathbb{R}_{+}",
                             r"\mathbb{R}_+", r"(0,\infty)"})


class Contradiction(CheckError):
    """Assumptions that no value satisfies (``0 < x < 0``; ``x > 1`` then ``x < 0``): an error, never a domain on
    which every claim would hold vacuously."""


@dataclass(frozen=True)
class Bound:
    """``low < symbol < high`` (``<=`` at an end marked closed); either end may be infinite."""

    symbol: sp.Symbol
    low: sp.Expr = -sp.oo
    high: sp.Expr = sp.oo
    low_closed: bool = False
    high_closed: bool = False
    integer: bool = False  # the symbol counts: an integer (low is then finite and closed, high infinite)

    @property
    def interval(self) -> sp.Interval:
        return sp.Interval(self.low, self.high, not self.low_closed, not self.high_closed)

    def text(self) -> str:
        name = sp.latex(self.symbol)
        below, above = ("\\le" if self.low_closed else "<"), ("\\le" if self.high_closed else "<")
        at_least = "\\ge" if self.low_closed else ">"
        if self.low.is_infinite:
            return f"{name} {above} {self.high}"
        if self.integer:
            return f"{name} \\in \\{{{self.low}, {self.low + 1}, \\dots\\}}"
        if self.high.is_infinite:
            return f"{name} {at_least} {self.low}"
        return f"{self.low} {below} {name} {above} {self.high}"


def parse_assumption(text: str) -> tuple[Bound, ...]:
    """The bounds ``text`` states; :class:`CheckError` saying what is wrong otherwise."""
    if not isinstance(text, str):
        raise CheckError(f"an assumption must be a string or a SymPy relation, got {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise CheckError(f"assumption of {len(text)} characters is longer than the limit of {MAX_LENGTH}")
    found = statements(Span(text, 1, False, "assume"))
    if len(found) != 1 or not found[0].is_order or found[0].problem:
        raise CheckError(f"assumption {_quote(text)} is not a chain of <, <=, >, >= between numbers and "
                         "symbols (like 0 < p < 1)")
    return bounds_of(found[0], text)


def is_bound(statement: Statement) -> bool:
    """An order statement between numbers and symbols only: an assumption (``0 < p < 1``, ``p, q > 0``,
    ``1 \\le j \\le n``, ``x \\in (0, 1)``).  Any other order statement (``KL(P \\| Q) \\ge 0``,
    ``\\frac{p}{q^2} > 0``, ``p_1 + p_2 < 1``) is a claim, checked by :mod:`derive.check.run`."""
    if not statement.is_order or statement.problem:
        return False
    if "∈" in statement.relations:
        return True
    try:
        for piece in statement.pieces:
            for item in _items(piece):
                _value(item, item)
    except Exception:  # noqa: BLE001 (anything unreadable is not a bound: the claim path reports it)
        return False
    return True


def bounds_of(statement: Statement, text: str) -> tuple[Bound, ...]:
    """The bounds of an order statement (``0 < p < 1``, ``p, q > 0``, ``x \\in (0, 1)``)."""
    relations = statement.relations
    if "∈" in relations:
        if relations != ("∈",):
            raise CheckError(f"assumption {_quote(text)}: write x \\in (a, b) on its own")
        symbols = [_symbol(item, text) for item in _items(statement.pieces[0])]
        least = _least_integer(statement.pieces[1].tex)
        if least is not None:
            return _merge(Bound(s, sp.Integer(least), sp.oo, True, False, integer=True) for s in symbols)
        low, high, low_closed, high_closed = _interval(statement.pieces[1].tex, text)
        return _merge(Bound(s, low, high, low_closed, high_closed) for s in symbols)
    rising = {r in ("<", "<=") for r in relations}
    if len(rising) != 1:
        raise CheckError(f"assumption {_quote(text)} mixes < and >; write each chain one way")
    sides = [[_value(item, text) for item in _items(piece)] for piece in statement.pieces]
    closed = [r in ("<=", ">=") for r in relations]
    if not rising.pop():
        sides.reverse()
        closed.reverse()
    out: list[Bound] = []
    for below, above, is_closed in zip(sides, sides[1:], closed):
        out.extend(_pair(below, above, text, is_closed))
    return _merge(out)


def _pair(below: list[sp.Expr], above: list[sp.Expr], text: str, closed: bool = False) -> list[Bound]:
    """Bounds from ``below < above`` (``<=`` when ``closed``): one side numbers, the other symbols."""
    if all(isinstance(x, sp.Symbol) for x in above) and all(_is_number(x) for x in below):
        return [Bound(s, low=max(below), low_closed=closed) for s in above] if len(below) == 1 else _too_many(text)
    if all(isinstance(x, sp.Symbol) for x in below) and all(_is_number(x) for x in above):
        return [Bound(s, high=min(above), high_closed=closed) for s in below] if len(above) == 1 else _too_many(text)
    if all(_is_number(x) for x in below + above):
        if max(below) > min(above) or (max(below) == min(above) and not closed):
            raise Contradiction(f"assumption {_quote(text)} is false: {max(below)} is not below {min(above)}")
        return []
    raise CheckError(f"assumption {_quote(text)} relates two symbols or mixes symbols and numbers on one side; "
                     "only bounds by numbers are supported (0 < p < 1)")


def _too_many(text: str) -> list[Bound]:
    raise CheckError(f"assumption {_quote(text)}: a bound must be one number")


def _items(piece: Piece) -> list[str]:
    """The comma-separated parts of one side."""
    parts, depth, start, tex = [], 0, 0, piece.tex
    for k, char in enumerate(tex):
        depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(tex[start:k])
            start = k + 1
    parts.append(tex[start:])
    return [p.strip() for p in parts]


def _value(item: str, text: str) -> sp.Expr:
    """A number (as an exact rational, or infinity) or a symbol."""
    from derive.parse import ParseError, parse_latex

    if not item:
        raise CheckError(f"assumption {_quote(text)} has an empty side")
    if _DECIMAL.fullmatch(item.strip()):
        exact = Fraction(item.strip())  # exactly as written, however many digits
        return sp.Rational(exact.numerator, exact.denominator)
    try:
        value = parse_latex(item)
    except ParseError as exc:
        raise CheckError(f"assumption {_quote(text)}: {exc}") from None
    if isinstance(value, sp.Float):
        raise CheckError(f"assumption {_quote(text)}: write the number {_quote(item)} as a decimal or a fraction")
    if isinstance(value, sp.Symbol) or (value.is_number and (value.is_Rational or value.is_infinite)):
        return value
    raise CheckError(f"assumption {_quote(text)}: {_quote(item)} is neither a number nor a symbol")


def parse_assumption_item(item: str) -> sp.Expr:
    """One side of an assumption: an exact number or a symbol (:class:`CheckError` otherwise)."""
    return _value(item, item)


def _symbol(item: str, text: str) -> sp.Symbol:
    value = _value(item, text)
    if not isinstance(value, sp.Symbol):
        raise CheckError(f"assumption {_quote(text)}: {_quote(item)} is not a symbol")
    return value


def _interval(tex: str, text: str) -> tuple[sp.Expr, sp.Expr, bool, bool]:
    """``(a, b)``, ``[a, b]``, ``(a, b]``, ``\\mathbb{R}``, ``\\mathbb{R}_{>0}``: the ends and whether each is closed."""
    compact = "".join(tex.replace(r"\left", "").replace(r"\right", "").split())
    if compact in _REALS:
        return -sp.oo, sp.oo, False, False
    if compact in _POSITIVE_REALS:
        return sp.Integer(0), sp.oo, False, False
    if len(compact) > 2 and compact[0] in "([]" and compact[-1] in ")][":
        ends = _items(Piece(compact[1:-1], 1))
        if len(ends) == 2:
            low, high = (_value(e, text) for e in ends)
            if _is_number(low) and _is_number(high) and low < high:
                return low, high, compact[0] == "[" and low.is_finite, compact[-1] == "]" and high.is_finite
    raise CheckError(f"assumption {_quote(text)}: {_quote(tex)} is not an interval like (0, 1), [0, 1] or "
                     "\\mathbb{{R}}")


def _least_integer(tex: str) -> int | None:
    """The least member of a set of all integers from some one on (``\\mathbb{N}``, ``\\{1, 2, 3, \\dots\\}``), or
    ``None`` for any other set."""
    compact = "".join(tex.replace(r"\left", "").replace(r"\right", "").split())
    if compact in _INTEGERS:
        return _INTEGERS[compact]
    listed = _LISTED.fullmatch(compact)
    numbers = [int(x) for x in listed.group(1).split(",")] if listed is not None else []
    return numbers[0] if numbers and numbers == list(range(numbers[0], numbers[0] + len(numbers))) else None


def _is_number(x: sp.Expr) -> bool:
    return not isinstance(x, sp.Symbol) and bool(x.is_number)


def _merge(bounds: Iterable[Bound]) -> tuple[Bound, ...]:
    """One bound per symbol (the intersection), in the order the symbols first appear."""
    merged: dict[sp.Symbol, Bound] = {}
    for b in bounds:
        old = merged.get(b.symbol)
        both = b.interval if old is None else old.interval.intersect(b.interval)
        if isinstance(both, sp.FiniteSet):
            raise CheckError(f"the assumptions on {b.symbol} leave it one value, {both.args[0]}: define it instead")
        if not isinstance(both, sp.Interval):
            stated = f"both {old.text()} and {b.text()}" if old is not None else b.text()
            raise Contradiction(f"no value of {b.symbol} satisfies {stated}")
        merged[b.symbol] = _of_interval(b.symbol, both, b.integer and (old is None or old.integer))
    return tuple(merged.values())


def _of_interval(symbol: sp.Symbol, interval: sp.Interval, integer: bool = False) -> Bound:
    return Bound(symbol, interval.start, interval.end, not interval.left_open, not interval.right_open, integer)


def from_relations(relations: Sequence[object]) -> tuple[Bound, ...]:
    """Bounds from strings (:func:`parse_assumption`) or SymPy relations (``p > 0``, ``sp.And(...)``)."""
    out: list[Bound] = []
    for relation in relations:
        if isinstance(relation, str):
            out.extend(parse_assumption(relation))
        elif isinstance(relation, sp.And):
            out.extend(from_relations(relation.args))
        elif relation is True or relation is sp.true:
            continue  # SymPy decided it from the symbols' own assumptions (x > 0 for a positive x)
        elif relation is False or relation is sp.false:
            raise Contradiction("an assumption is False: SymPy decided it from the symbols' own assumptions "
                                "(like z < 0 for a z declared positive)")
        elif isinstance(relation, (sp.StrictLessThan, sp.LessThan, sp.StrictGreaterThan, sp.GreaterThan)):
            low, high = (relation.lhs, relation.rhs) if relation.rel_op in ("<", "<=") else (relation.rhs, relation.lhs)
            out.extend(_pair([low], [high], str(relation), relation.rel_op in ("<=", ">=")))
        else:
            raise CheckError(f"an assumption must be a string or a SymPy relation such as p > 0, got "
                             f"{type(relation).__name__} {_quote(repr(relation), 40)}")
    return _merge(out)


def restrict(domain: Domain, bounds: Sequence[Bound]) -> Domain:
    """``domain`` with each bound applied: intersected with a parameter's interval, or added for a new symbol.

    A bound names its symbol by name, so ``sigma_1 > 0`` applies to a
    distribution's ``sigma_1`` whatever assumptions that symbol carries.
    """
    from derive.core.constraints import Count

    intervals = dict(domain.intervals)
    by_name = {s.name: s for s in intervals}
    joint = {s.name for c in domain.constraints for s in c.symbols if isinstance(s, sp.Symbol)}
    counted = ({b.symbol.name for b in bounds if b.integer} - {b.symbol.name for b in bounds if not b.integer}
               - set(by_name) - joint)  # a set of integers alone on a new symbol: a count, sampled at integers
    counts: dict[str, Count] = {}
    for b in bounds:
        if b.symbol.name in counted:  # two sets of integers: the smaller
            earlier = counts.get(b.symbol.name)
            counts[b.symbol.name] = Count(b.symbol, max(int(b.low), earlier.low if earlier else int(b.low)))
            continue
        if b.symbol.name in joint:
            raise CheckError(f"{b.symbol} is constrained jointly with other parameters by its distribution; "
                             "an assumption cannot bound it alone")
        symbol = by_name.get(b.symbol.name, b.symbol)
        current = intervals.get(symbol, sp.Interval.open(-sp.oo, sp.oo))
        new = current.intersect(b.interval)
        if isinstance(new, sp.FiniteSet):
            raise CheckError(f"the assumption {b.text()} leaves {b.symbol} one value, {new.args[0]}: define it instead")
        if not isinstance(new, sp.Interval):
            raise Contradiction(f"the assumption {b.text()} leaves no value for {b.symbol} "
                                f"(it was already {_shown(symbol, current)})")
        intervals[symbol] = new
        by_name[b.symbol.name] = symbol
    try:
        return Domain(tuple(intervals.items()), domain.constraints + tuple(counts.values()))
    except DeriveError as exc:
        raise Contradiction(f"assumptions: {exc}") from None


def _shown(symbol: sp.Symbol, interval: sp.Interval) -> str:
    """``0 < p < 1``: an interval as a bound on ``symbol``."""
    return _of_interval(symbol, interval).text()


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return "'" + (text if len(text) <= limit else text[:limit - 3] + "...") + "'"


def named_intervals(statements: Sequence[Statement]) -> dict[str, str]:
    r"""Names the text gives an interval and uses as a set: ``I = (0, 1)`` with ``x \in I`` somewhere, or in a
    condition after a claim (``g(x) > 0`` on ``J = (0, 1)``): ``{"I": "(0,1)"}``, so that ``x \in I`` bounds ``x``
    (and ``I`` is no distribution)."""
    members = {s.pieces[1].tex.strip() for s in statements if s.relations == ("∈",) and len(s.pieces) == 2}
    out: dict[str, str] = {}
    for statement in statements:
        if statement.relations not in (("=",), (":=",)) or len(statement.pieces) != 2:
            continue
        name, written = (piece.tex.strip() for piece in statement.pieces)
        if (name in members or statement.trailing) and name not in out:
            try:
                _interval(written, written)
            except CheckError:
                continue
            out[name] = written
    return out


#: A function written with its parameters after a bar or a semicolon: ``f_X(x \mid \theta)``, ``p(x; \mu, \sigma)``.
_PARAMETERISED = re.compile(r"\s*(?:\\[A-Za-z]+\s*\{\s*[A-Za-z]+\s*\}|\\?[A-Za-z]+)(?:_\{?[^(){}]*\}?)?\s*"
                            r"(?:\\left)?\((?P<variables>[^()|;]*)(?:\||\\mid|;)"
                            r"(?P<parameters>[^()]*?)(?:\\right)?\)\s*")


def parameters_written(subject: str) -> frozenset[str]:
    """The names of the parameters ``subject`` writes after a bar or a semicolon (``f_X(x \\mid \\theta)``:
    ``theta``), as symbol names; empty when it writes none."""
    match = _PARAMETERISED.fullmatch(subject)
    if match is None:
        return frozenset()
    names = (bare_name(part) for part in match.group("parameters").split(","))
    return frozenset(name for name in names if name)
