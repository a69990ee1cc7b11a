r"""derive.parse.braces: braces that group a function's argument, or a sum's terms, read as brackets; braces that
hold elements or an event stay braces."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.parse.braces import grouping_braces

from tests.parse.readings import assert_reads, assert_refuses

x, y, n = sp.symbols("x y n")

#: (LaTeX, the same with each brace that groups written as a bracket).
GROUPING = [
    (r"\exp\{x\}", r"\exp(x)"),
    (r"\ln\{a\}", r"\ln(a)"),
    (r"\exp\left\{ -x \right\}", r"\exp\left( -x \right)"),  # sized: sized brackets
    (r"\text{exp} \Big\{ x + 1 \Big\}", r"\text{exp}\Big( x + 1 )"),
    (r"\log\{ f(x, y) \}", r"\log( f(x, y) )"),  # a comma inside brackets separates nothing
    # elements of a set, an event, a set of its own, a brace never closed: left alone
    (r"\exp\{x, y\}", r"\exp\{x, y\}"),
    (r"\exp\{x\mid y\}", r"\exp\{x\mid y\}"),
    (r"\left\{ x = 1 \right\}", r"\left\{ x = 1 \right\}"),
    (r"\left\{ x \right\}", r"\left\{ x \right\}"),  # no sum inside
    (r"\{ a + b \}", r"\{ a + b \}"),  # not sized
    (r"\exp\{x", r"\exp\{x"),
]


@pytest.mark.parametrize(("tex", "expected"), GROUPING, ids=[r[0] for r in GROUPING])
def test_grouping_braces(tex: str, expected: str) -> None:
    assert grouping_braces(tex) == expected


@pytest.mark.parametrize(("tex", "start"), [
    (r"\frac{1}{n}\left\{ n x^2 - x \right\}", r"\frac{1}{n}\left( n x^2 - x "),
    (r"\Big\{ x - y \Big\}^2", r"\Big( x - y "),
])
def test_sized_braces_around_a_sum_group_its_terms(tex: str, start: str) -> None:
    grouped = grouping_braces(tex)
    assert grouped.startswith(start) and r"\{" not in grouped and r"\}" not in grouped, grouped


#: (LaTeX, distributions, symbols declared, what it reads as).
READS = [
    # braces that group a function's argument, old and handwritten forms
    (r"\exp\left\{ -\frac{x^2}{2} \right\}", (), (), sp.exp(-x**2 / 2)),
    (r"\exp\{x\}", (), (), sp.exp(x)),
    (r"\text{exp} \Big\{ x + 1 \Big\}", (), (), sp.exp(x + 1)),
    (r"\log\{ f(x, y) \}", (), (), sp.log(sp.Function("f")(x, y))),  # a comma inside brackets separates nothing
    # sized braces around a sum (and nothing that separates or relates elements) group its terms
    (r"\frac{1}{n}\left\{ n x^2 - x \right\}", (), (), (n * x**2 - x) / n),
    (r"\Big\{ x - y \Big\}^2", (), (), (x - y)**2),
]


@pytest.mark.parametrize(("tex", "dists", "symbols", "expected"), READS, ids=[r[0] for r in READS])
def test_reads(tex: str, dists: tuple, symbols: tuple, expected: sp.Basic) -> None:
    assert_reads(tex, dists, symbols, expected)


#: (LaTeX, distributions, symbols declared, what the one-line error contains).
REFUSES = [
    (r"\exp\{x, y\}", (), (), r"\{ at offset"),  # elements of a set: never a group
]


@pytest.mark.parametrize(("tex", "dists", "symbols", "fragment"), REFUSES, ids=[r[0] for r in REFUSES])
def test_refuses(tex: str, dists: tuple, symbols: tuple, fragment: str) -> None:
    assert_refuses(tex, dists, symbols, fragment)
