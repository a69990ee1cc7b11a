r"""A proof file's assumptions: ``z \in \mathbb{R}``, ``x > 0``, ``x \geq 0``, ``b > 1``, ``y \leq 1``,
``0 < y < 1``, ``0 \leq y \leq 1``, ``1 \leq j \leq n``, ``\forall j \in \{1, \ldots, n\}``.

They are read by :func:`read_assumption`, a small pattern reader of exactly these
forms: a bound gives a real symbol and an interval (closed at ``\leq``, ``\geq``),
never a positive symbol.  Nothing here evaluates text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

import sympy as sp

from derive.parse.adapter import ParseError

_SYMBOL = r"(?P<{0}>(?:[A-Za-z]|\\[A-Za-z]+)(?:_(?:[A-Za-z0-9]|\{{[A-Za-z0-9]+\}}))?)"
_NUMBER = r"(?P<{0}>-?\d+(?:\.\d+)?)"
_BELOW = r"(?P<{0}><|\\leq?\b)"  # < (open) or \le, \leq (closed)
_ABOVE = r"(?P<{0}>>|\\geq?\b)"  # > (open) or \ge, \geq (closed)
_FORMS = (
    ("real", re.compile(rf"\s*{_SYMBOL.format('s')}\s*\\in\s*\\mathbb\s*\{{\s*R\s*\}}\s*\Z")),
    ("index", re.compile(rf"\s*1\s*\\leq?\s*{_SYMBOL.format('s')}\s*\\leq?\s*{_SYMBOL.format('n')}\s*\Z")),
    ("above", re.compile(rf"\s*{_SYMBOL.format('s')}\s*{_ABOVE.format('r')}\s*{_NUMBER.format('a')}\s*\Z")),
    ("below", re.compile(rf"\s*{_SYMBOL.format('s')}\s*{_BELOW.format('r')}\s*{_NUMBER.format('b')}\s*\Z")),
    ("between", re.compile(rf"\s*{_NUMBER.format('a')}\s*{_BELOW.format('r')}\s*{_SYMBOL.format('s')}\s*"
                           rf"{_BELOW.format('t')}\s*{_NUMBER.format('b')}\s*\Z")),
    ("every", re.compile(rf"\s*\\forall\s*{_SYMBOL.format('s')}\s*\\in\s*\\{{\s*1\s*,\s*\\ldots\s*,\s*"
                         rf"{_SYMBOL.format('n')}\s*\\}}\s*\Z")),
)
#: The forms :func:`read_assumption` reads, for messages.
ASSUMPTION_FORMS = (r"z \in \mathbb{R}, x > 0, x \geq 0, y < 1, 0 < y \leq 1, 1 \leq j \leq n, "
                    r"\forall j \in \{1, \ldots, n\}")


@dataclass(frozen=True)
class Assumption:
    """A condition on a symbol that is not a distribution's parameter: an interval, or ``1 <= j <= n``."""

    symbol: sp.Symbol
    interval: sp.Interval | None = None
    size: str | None = None  # the name of n in 1 <= j <= n (the proof checker finds the distribution's n)
    every: bool = False  # "for every j": hypotheses about entry j hold for each entry


def read_assumption(tex: str) -> Assumption:
    r"""``z \in \mathbb{R}``, ``x > 0``, ``x \geq 0``, ``y < 1``, ``0 < y \leq 1`` or ``1 \leq j \leq n``.

    A bound makes a real symbol, with no sign of its own: the interval carries
    it (``>``, ``<`` an open end; ``\geq``, ``\leq`` a closed one).  ``1 \leq j
    \leq n`` makes a positive integer index (the condition states ``j >= 1``).
    Raises :class:`ParseError` for anything else.
    """
    if not isinstance(tex, str) or len(tex) > 200:
        raise ParseError(f"expected a short LaTeX condition ({ASSUMPTION_FORMS})")
    for kind, pattern in _FORMS:
        match = pattern.match(tex)
        if match is None:
            continue
        symbol = sp.Symbol(_symbol_name(match.group("s")), real=True)
        if kind == "real":
            return Assumption(symbol, sp.Interval.open(-sp.oo, sp.oo))
        if kind in ("index", "every"):
            return Assumption(sp.Symbol(symbol.name, integer=True, positive=True),
                              size=_symbol_name(match.group("n")), every=kind == "every")
        closed = [not match.group(g).startswith(("<", ">")) for g in ("r", "t") if g in match.groupdict()]
        low = _number(match.group("a")) if kind != "below" else -sp.oo
        high = _number(match.group("b")) if kind != "above" else sp.oo
        low_closed = kind in ("above", "between") and closed[0]
        high_closed = (kind == "below" and closed[0]) or (kind == "between" and closed[1])
        if not low < high:
            raise ParseError(f"{tex!r} is an empty interval")
        return Assumption(symbol, sp.Interval(low, high, not low_closed, not high_closed))
    raise ParseError(f"cannot read the condition {tex!r}; the forms understood are {ASSUMPTION_FORMS}")


def _symbol_name(text: str) -> str:
    """``x``, ``\\lambda`` -> ``lambda``, ``x_{1}`` -> ``x_1``, ``x_{10}`` -> ``x_{10}``: as the parser names them."""
    base, _, sub = text.partition("_")
    sub = sub.strip("{}")
    name = base.lstrip("\\")
    return name if not sub else f"{name}_{sub}" if len(sub) == 1 else f"{name}_{{{sub}}}"


def _number(text: str) -> sp.Rational:
    value = Fraction(text)
    return sp.Rational(value.numerator, value.denominator)
