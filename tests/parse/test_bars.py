r"""derive.parse.bars: an evaluation bar written without ``\left.`` given one, and the ``\right|`` that closes a
``\left.``."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.parse.bars import bare_bars, right_bar

from tests.parse.readings import assert_reads

x, y = sp.symbols("x y")

#: (LaTeX, the same with each bare evaluation bar opened by a \left. at the start of its term).
BARE_BARS = [
    (r"F \Big|_{a}^{b}", r"\left. F \right|_{a}^{b}"),
    (r"x^2 |_{x=2}", r"\left. x^2 \right|_{x=2}"),
    (r"y + x^2 \Big|_{0}^{1}", r"y +\left.  x^2 \right|_{0}^{1}"),  # back to the sign
    (r"a = b |_{x=1}", r"a =\left.  b \right|_{x=1}"),  # back to the relation
    (r"(x e^{-x}\Big|_{0}^{1} - 1)", r"(\left. x e^{-x}\right|_{0}^{1} - 1)"),  # back to the bracket
    (r"|x| + |y|_{0}^{1}", r"|x| + |y|_{0}^{1}"),  # the closing bar of an absolute value
    (r"\frac{d}{dx} x^2 \Big|_{x=3}", r"\frac{d}{dx} x^2 \Big|_{x=3}"),  # a derivative reads its own bar
    (r"\left. x \right|_{0}^{1}", r"\left. x \right|_{0}^{1}"),  # already opened
    (r"|x|", r"|x|"),
    (r"x|_{a}", r"x|_{a}"),  # no = and no upper limit: no evaluation
]


@pytest.mark.parametrize(("tex", "expected"), BARE_BARS, ids=[r[0] for r in BARE_BARS])
def test_bare_bars(tex: str, expected: str) -> None:
    assert bare_bars(tex) == expected


#: (LaTeX, where its \left. ends, the offset of the \right that closes it as an evaluation bar, or None).
RIGHT_BARS = [
    (r"\left. x \right|_{x=1}", 6, 9),
    (r"\left. \left( x \right) y \right\vert_{0}", 6, 26),  # a \left ... \right inside is skipped
    (r"\left. x \right)", 6, None),  # no bar
    (r"\left. x \right|^{1}", 6, None),  # no subscript: no evaluation
    (r"\left. x", 6, None),  # never closed
]


@pytest.mark.parametrize(("tex", "start", "expected"), RIGHT_BARS, ids=[r[0] for r in RIGHT_BARS])
def test_right_bar(tex: str, start: int, expected: int | None) -> None:
    assert right_bar(tex, start) == expected


#: (LaTeX, distributions, symbols declared, what it reads as).
READS = [
    (r"y + x^2 \Big|_{0}^{1}", (), (), y + sp.Subs(x**2, x, 1) - sp.Subs(x**2, x, 0)),  # the term before the bar
    (r"(x e^{-x^2}\Big|_{-\infty}^{+\infty} - 1)", (), (),
     sp.Limit(x * sp.exp(-x**2), x, sp.oo, "-") - sp.Limit(x * sp.exp(-x**2), x, -sp.oo, "+") - 1),
    (r"x^2 |_{x=2}", (), (), sp.Subs(x**2, x, 2)),
]


@pytest.mark.parametrize(("tex", "dists", "symbols", "expected"), READS, ids=[r[0] for r in READS])
def test_reads(tex: str, dists: tuple, symbols: tuple, expected: sp.Basic) -> None:
    assert_reads(tex, dists, symbols, expected)
