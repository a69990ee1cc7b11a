r"""derive.parse.names, through :func:`derive.parse.parse_latex`: symbols with subscripts, entries in a sum, functions
applied unless the name is a number, names used alone and applied refused, integer fractions kept exact.

``tests/parse/test_readings.py`` holds the first table of these readings; this one holds others.
"""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Bernoulli, Normal
from derive.distributions.measures import Prob
from derive.parse import ParseError, parse_latex
from derive.parse.names import BAR, written_name

from tests.parse.readings import assert_reads

p, q, x, y, z, n, i, j, theta = sp.symbols("p q x y z n i j theta")
COINS = (Bernoulli(p), Bernoulli(q, name="Q"))
NORMAL = Normal(sp.Symbol("mu"), sp.Symbol("s", positive=True), name="P")
g, F = sp.Function("g"), sp.Function("F")


@pytest.mark.parametrize(("function", "name"), [
    (sp.Function("f"), "f"), (sp.Function(f"f{BAR}1"), "f"), (sp.Function(f"g{BAR}2")(x, y, z), "g"),
    (sp.Function("f_1"), "f_1"), ("h", "h"),
], ids=["plain", "bar", "applied", "subscript", "text"])
def test_written_name(function: object, name: str) -> None:
    assert written_name(function) == name


#: (LaTeX, distributions, symbols declared, what it reads as)
READS = [
    # a letter with a subscript is one symbol
    (r"x_{12}", (), (), sp.Symbol("x_{12}")),
    (r"\alpha_{3} + \beta_k", (), (), sp.Symbol("alpha_3") + sp.Symbol("beta_k")),
    (r"x_{a,b}", (), (), sp.Symbol("x_{a,b}")),
    (r"p_{i}", COINS, (), sp.Symbol("p_i")),  # outside a sum over i
    # inside a sum over i, the i-th entry; two letters with a bound one, an entry of two indices
    (r"\sum_{i=1}^{n} y_i x_{ij}", (), (),
     sp.Sum(sp.IndexedBase("y")[i] * sp.IndexedBase("x")[i, j], (i, 1, n))),
    (r"\sum_{j=1}^{n} x_{2j}", (), (), sp.Sum(sp.IndexedBase("x")[2, j], (j, 1, n))),
    # an undeclared name before a bracket is a function applied, to any number of arguments
    (r"g(x) + g(y)", (), (), g(x) + g(y)),
    (r"F(x, y, z)", (), (), F(x, y, z)),
    (r"f_2(x) + f_{ab}(x)", (), (), sp.Function("f_2")(x) + sp.Function("f_{ab}")(x)),
    (r"g(x; \theta) - g(x | \theta)", (), (), sp.Integer(0)),  # the same function of x and its parameter
    (r"\pi(\theta \mid x)", (), (), sp.Function(f"pi{BAR}1")(theta, x)),  # a posterior density
    (r"J(p) + p(x)", (), (), sp.Function("J")(p) + sp.Function("p")(x)),  # p handed to J is a function too
    # a name that is a number: a product
    (r"e(x+1)", (), (), sp.E * (x + 1)),
    (r"\pi(x - 1)", (), (), sp.pi * (x - 1)),
    (r"y(x + 1)", (), (y,), y * (x + 1)),  # declared a symbol
    (r"p(1 - p) + q", COINS, (), p * (1 - p) + q),  # a distribution's parameter
    (r"p(x)", (NORMAL,), (), Prob(NORMAL, NORMAL.variable)),  # p names P's density
    (r"\hat{y}(x)", (), (), sp.Symbol("yhat") * x),  # an estimate is a number
    (r"\sum_i y_i + y_k(x)", (), (), sp.Symbol("y_k") * x + sp.Sum(sp.IndexedBase("y")[i], (i, 1, n))),
    # \frac of two integers is that rational: after a number, a product, never a mixed number
    (r"3 \frac{1}{4}", (), (), sp.Rational(3, 4)),
    (r"\frac{10}{20} x", (), (), x / 2),
]


@pytest.mark.parametrize(("tex", "dists", "symbols", "expected"), READS, ids=[r[0] for r in READS])
def test_reads(tex: str, dists: tuple, symbols: tuple, expected: sp.Basic) -> None:
    assert_reads(tex, dists, symbols, expected)


#: (LaTeX, the start of the one-line error)
REFUSES = [
    (r"g(x) - g", "ambiguous g(x) at offset 0: a function g or a product? g also stands alone in this formula"),
    (r"y + h_1(x) h_1", "ambiguous h_1(x) at offset 4: a function h_1 or a product?"),
    (r"g(,x)", "'g(,x)' at offset 0 has an empty argument"),
    (r"x + g(x,)", "'g(x,)' at offset 4 has an empty argument"),
]


@pytest.mark.parametrize(("tex", "message"), REFUSES, ids=[r[0] for r in REFUSES])
def test_refuses(tex: str, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_latex(tex)
    assert str(caught.value).startswith(message), caught.value


def test_a_bar_makes_another_function_than_a_comma() -> None:
    """``f(x | y)`` (a density given y) is not ``f(x, y)`` (a joint density), and it keeps where the bar stood."""
    given, joint = parse_latex(r"f(x | y)"), parse_latex(r"f(x, y)")
    assert given != joint and given.args == joint.args == (x, y)
    assert written_name(given.func) == written_name(joint.func) == "f"
    assert parse_latex(r"g(x, y \mid z)").func.__name__ == f"g{BAR}2"
