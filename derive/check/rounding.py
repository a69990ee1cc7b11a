"""Numbers written to a few decimals: a side that is a rounded (or cut) decimal, and decimals rounded inside
expressions (``0.5 \\cdot \\log(0.556) = 0.5 \\cdot (-0.5878)``, where 0.556 stands for 5/9)."""

from __future__ import annotations

import re
from collections.abc import Callable

import sympy as sp

from derive.check.chains import Link
from derive.check.report import CLAIM, PROVED, REFUTED, UNKNOWN, Entry
from derive.check.shared import UNIT_WORD, Failed, link_entry

_DECIMAL = re.compile(r"\s*-?\s*\d*\.(\d+)\s*")
#: The reason of a link proved only as far as the decimals rounded in it allow.
ROUNDED_INSIDE = "to the rounding of the decimals written in it"


def rounding_of(values: list, link: Link) -> tuple[bool | None, int] | None:
    r"""A number written as a decimal beside an exact one (``\log_2 7 = 2.807``, ``\approx 0.0014``): whether
    they agree to the decimals written (rounded: True; only cut, as ``0.63`` for ``0.639``: None, which is no
    proof, for a reader takes the digits as rounded, nor an error, for some authors cut), and how many; ``None``
    when it is not that."""
    k = link.position
    left, right = values[k - 1], values[k]
    if isinstance(left, Failed) or isinstance(right, Failed):
        return None
    for written, value, other in ((link.rhs.tex, right, left), (link.lhs.tex, left, right)):
        match = _DECIMAL.fullmatch(UNIT_WORD.sub("", written).strip())
        if match is None or not isinstance(other, sp.Expr) or not other.is_number:
            continue
        digits = len(match.group(1))
        try:
            exact = sp.N(other, 30)
        except (TypeError, ValueError):
            return None
        if not exact.is_real:
            return None
        scaled, shown = abs(exact) * 10 ** digits, abs(value) * 10 ** digits  # shown: an integer
        if sp.sign(exact) != sp.sign(value):
            return False, digits
        if shown == sp.floor(scaled + sp.Rational(1, 2)):
            return True, digits
        return (None if shown == sp.floor(scaled) else False), digits
    return None


def rounded_entry(origin: str, link: Link, rounded: tuple[bool | None, int]) -> tuple[Entry, bool]:
    agrees, digits = rounded
    if agrees:
        return link_entry(origin, link, CLAIM, PROVED, f"to the {digits} decimals written"), True
    if agrees is None:
        return link_entry(origin, link, CLAIM, UNKNOWN, f"agrees with the value cut to the {digits} decimals written, "
                                                        "not rounded to them"), True
    return Entry(origin, link.line, CLAIM, REFUTED, link.lhs.tex, link.rhs.tex,
                 f"differs in the {digits} decimals written", relation=link.relation), False


#: A decimal as written (not part of a longer number or a name).
_WRITTEN = re.compile(r"(?<![\w.])\d*\.\d+(?![\d.])")
#: Fewest significant digits of a decimal taken as rounded: 0.5, 0.9, 0.25 are the exact numbers of a worked
#: example (a fair coin's 0.5), 0.556, 0.5878, 1.609 are rounded values of 5/9, log(5/9), log 5.
ROUNDED_DIGITS = 3
#: The difference two sides may have beyond what the roundings allow at first order (the next order is far smaller).
_SLACK = sp.Rational(3, 2)


def rounded_decimals(texts: tuple[str, ...]) -> dict[str, sp.Rational]:
    """Each decimal of ``texts`` written to at least :data:`ROUNDED_DIGITS` significant digits, with half a unit
    of its last decimal: how far it may be from the number it rounds."""
    out = {}
    for text in texts:
        for written in _WRITTEN.findall(text):
            decimals = len(written.split(".")[1])
            significant = written.replace(".", "").lstrip("0")
            if len(significant) >= ROUNDED_DIGITS:
                out[written] = sp.Rational(5, 10 ** (decimals + 1))
    return out


def within_rounding(texts: tuple[str, str], read: Callable[[str], object]) -> bool | None:
    """Whether the two sides ``texts`` (read by ``read``) are numbers that differ by no more than the roundings
    of their decimals allow (to first order, with a margin); None when neither has a rounded decimal or a side
    cannot be read as a number.

    Each rounded decimal is moved by half a unit of its last digit, as the number it stands for may be, and the
    sides read again: the difference may change by the sum of those changes.
    """
    rounded = rounded_decimals(texts)
    if not rounded:
        return None
    gap = _difference(texts, read)
    if gap is None:
        return None
    allowed = 0
    for written, half in rounded.items():
        moved = tuple(re.sub(rf"(?<![\w.]){re.escape(written)}(?![\d.])", _decimal(sp.Rational(written) + half), t)
                      for t in texts)
        shifted = _difference(moved, read)
        if shifted is None:
            return None
        allowed += abs(shifted - gap)
    return bool(abs(gap) <= _SLACK * allowed)


def _difference(texts: tuple[str, str], read: Callable[[str], object]) -> sp.Float | None:
    """The left side less the right, to 30 digits, or None when either is no number."""
    left, right = (read(t) for t in texts)
    if not all(isinstance(e, sp.Expr) and e.is_number for e in (left, right)):
        return None
    try:
        value = sp.N(left - right, 30)
    except (TypeError, ValueError, ArithmeticError):
        return None
    return value if value.is_real else None


def _decimal(value: sp.Rational) -> str:
    """``value``, a finite decimal, written out in full."""
    text = str(sp.N(value, 40)).rstrip("0")
    return text + "0" if text.endswith(".") else text
