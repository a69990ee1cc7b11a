r"""derive.parse.cases: ``\begin{cases} ... \end{cases}`` as a system of equations or a function by cases."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.core.system import System
from derive.parse import ParseError, parse_latex
from derive.parse.cases import by_cases, piecewise_of, split_cases, system_of

from tests.parse.readings import assert_reads, assert_refuses

a, b, c, d, x, y, t = sp.symbols("a b c d x y t")

#: (LaTeX, its rows, or None when it is no cases environment).
SPLITS = [
    (r"\begin{cases} a = b \\ c = d \end{cases}", ["a = b", "c = d"]),
    (r"\begin{cases} a = b \\ c = d \\ \end{cases}", ["a = b", "c = d"]),  # a trailing \\ ends the last row
    (r" \begin {cases} a = 1 \end {cases} ", ["a = 1"]),
    (r"\begin{cases} x & x > 0 \\ 0 & \text{otherwise} \end{cases}", ["x & x > 0", r"0 & \text{otherwise}"]),
    (r"\begin{cases} a_{\\} = 1 \\ b = 2 \end{cases}", [r"a_{\\} = 1", "b = 2"]),  # \\ inside braces: no row
    (r"\begin{cases} \{a\} = 1 \\ b = 2\end{cases}", [r"\{a\} = 1", "b = 2"]),
    (r"x + 1", None),
]


@pytest.mark.parametrize(("tex", "rows"), SPLITS, ids=[r[0] for r in SPLITS])
def test_split_cases(tex: str, rows: list[str] | None) -> None:
    assert split_cases(tex) == rows


@pytest.mark.parametrize(("tex", "fragment"), [
    (r"\begin{matrix} a \end{matrix}", r"only \begin{cases}"),
    (r"x = \begin{cases} a = 1 \\ b = 2 \end{cases}", r"only \begin{cases}"),  # around part of a statement
    (r"\begin{cases} \begin{cases} a \end{cases} \end{cases}", "cannot be nested"),
])
def test_split_cases_refuses(tex: str, fragment: str) -> None:
    with pytest.raises(ParseError, match=fragment.replace("\\", "\\\\")):
        split_cases(tex)


@pytest.mark.parametrize(("rows", "expected"), [
    (["x & x > 0", r"0 & \text{otherwise}"], True),
    (["x &= 1", "y &= 2"], False),  # equations aligned at &=
    (["a &\\le b", "c & d > 0"], False),
    (["x & x > 0", "0"], False),  # a row without its condition
])
def test_by_cases(rows: list[str], expected: bool) -> None:
    assert by_cases(rows) is expected


def test_system_of_reads_each_row() -> None:
    assert system_of(["a = b", "c = d"], parse_latex) == System(sp.Eq(a, b), sp.Eq(c, d))


@pytest.mark.parametrize(("rows", "fragment"), [
    (["a = b"], "needs at least two equations"),
    (["a", "c = d"], "row 1 of the cases environment is not an equation"),
    (["", "a = b"], "row 1 of the cases environment is empty"),
    (["a = b", "H(R) = 0"], "row 2 of the cases environment: unknown distribution name 'R'"),
])
def test_system_of_refuses(rows: list[str], fragment: str) -> None:
    with pytest.raises(ParseError, match=fragment):
        system_of(rows, parse_latex)


@pytest.mark.parametrize(("rows", "expected"), [
    (["x & x > 0", r"0 & \text{otherwise}"], sp.Piecewise((x, x > 0), (0, True))),
    ([r"x & \text{if } x > 0", r"-x & \text{for } x \le 0."], sp.Piecewise((x, x > 0), (-x, x <= 0))),
    ([r"1 & \mathrm{when}\, x > 0", r"0 & \text{else}"], sp.Piecewise((1, x > 0), (0, True))),
])
def test_piecewise_of(rows: list[str], expected: sp.Piecewise) -> None:
    assert piecewise_of(rows, parse_latex) == expected


@pytest.mark.parametrize(("rows", "fragment"), [
    (["x & ", "0 & otherwise"], "row 1 of the cases environment needs a value & a condition"),
    ([" & x > 0"], "row 1 of the cases environment needs a value & a condition"),
    (["x & y", "0 & otherwise"], "row 1 of the cases environment: the condition is no relation"),
])
def test_piecewise_of_refuses(rows: list[str], fragment: str) -> None:
    with pytest.raises(ParseError, match=fragment):
        piecewise_of(rows, parse_latex)


#: (LaTeX, distributions, symbols declared, what it reads as).
READS = [
    # a function by cases: a value & its condition; "otherwise" is every other point; &= aligns equations
    (r"\begin{cases} \frac{1}{t} e^{-x/t} & x \ge 0 \\ 0 & \text{otherwise} \end{cases}", (), (),
     sp.Piecewise((sp.exp(-x / t) / t, x >= 0), (0, True))),
    (r"\begin{cases} x & \text{if } x > 0 \\ 0 & \text{for } x \le 0 \end{cases}", (), (),
     sp.Piecewise((x, x > 0), (0, x <= 0))),
    (r"\begin{cases} x &= 1 \\ y &= 2 \end{cases}", (), (), System(sp.Eq(x, 1), sp.Eq(y, 2))),
]


@pytest.mark.parametrize(("tex", "dists", "symbols", "expected"), READS, ids=[r[0] for r in READS])
def test_reads(tex: str, dists: tuple, symbols: tuple, expected: sp.Basic) -> None:
    assert_reads(tex, dists, symbols, expected)


#: (LaTeX, distributions, symbols declared, what the one-line error contains).
REFUSES = [
    (r"\begin{cases} x & \\ 0 & \text{otherwise} \end{cases}", (), (), "needs a value & a condition"),
    (r"\begin{cases} x & y \\ 0 & \text{otherwise} \end{cases}", (), (), "the condition is no relation"),
]


@pytest.mark.parametrize(("tex", "dists", "symbols", "fragment"), REFUSES, ids=[r[0] for r in REFUSES])
def test_refuses(tex: str, dists: tuple, symbols: tuple, fragment: str) -> None:
    assert_refuses(tex, dists, symbols, fragment)
