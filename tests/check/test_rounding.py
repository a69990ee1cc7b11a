"""derive.check.rounding: decimals written rounded, beside exact numbers and inside expressions."""

import pytest
import sympy as sp

from derive.check.rounding import rounded_decimals, within_rounding
from derive.parse import parse_latex


def _read(tex: str) -> sp.Basic:
    return parse_latex(tex, [])


@pytest.mark.parametrize("text, expected", [
    (r"0.5 \cdot \log(0.556)", {"0.556": sp.Rational(5, 10_000)}),  # 0.5: one digit, the exact number of a coin
    ("1.609 + 0.25", {"1.609": sp.Rational(5, 10_000)}),
    ("0.0014", {}),  # two significant digits
    ("0.125", {"0.125": sp.Rational(5, 10_000)}),
    ("x_1.5", {}),
])
def test_rounded_decimals(text: str, expected: dict) -> None:
    assert rounded_decimals((text,)) == expected


WITHIN = [  # (left, right, verdict): within what the roundings allow, beyond it, or not a case of rounding
    (r"0.5 \cdot \log(0.556)", r"0.5 \cdot (-0.5878)", True),  # 0.556 stands for 5/9; log(5/9) = -0.58779
    (r"0.5 \cdot \log(5)", r"0.5 \cdot 1.609", True),
    (r"0.5 \cdot \log(5)", r"0.5 \cdot 1.709", False),  # an error far past the rounding
    (r"0.5 \cdot 1.609", "0.85", False),  # 0.5 is exact: it lends no slack
    (r"\log(2.718)", "1", True),
    (r"\log(2.718)", "1.01", False),
    (r"0.5 \cdot \log(5)", r"0.5 \cdot 2", None),  # no rounded decimal
    (r"p \cdot 1.609", r"p \cdot 1.6", None),  # not numbers
]


@pytest.mark.parametrize("left, right, expected", WITHIN)
def test_within_rounding(left: str, right: str, expected: bool | None) -> None:
    assert within_rounding((left, right), _read) is expected


#: (document, verdict): a decimal beside an exact number, rounded to its digits, cut to them, or neither.
WRITTEN = [
    ("$$\\frac{2}{3} = 0.67$$\n", "proved"),
    ("$$\\frac{2}{3} = 0.66$$\n", "unknown"),  # cut, not rounded: no proof, and not the author's error either
    ("$$\\frac{2}{3} = 0.65$$\n", "refuted"),
    ("$$\\frac{2}{3} = -0.67$$\n", "refuted"),
    ("$$\\frac{1}{4} = 0.25$$\n", "proved"),
]


@pytest.mark.parametrize(("document", "verdict"), WRITTEN, ids=[d for d, _ in WRITTEN])
def test_a_decimal_beside_an_exact_number(document: str, verdict: str) -> None:
    from derive.check import check_text

    assert [e.status for e in check_text(document, "r.md").entries] == [verdict]
