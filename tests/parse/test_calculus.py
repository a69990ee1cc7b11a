r"""derive.parse.calculus: the sigmoid, the Kronecker delta, max/min, limits, logarithms in the arbitrary base, the
Lagrange multiplier, declared symbols and order relations, read through :func:`derive.parse.parse_latex`."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Normal
from derive.core.functions import Log, Sigmoid
from derive.distributions.measures import ANY_BASE
from derive.distributions.semantics import plain
from derive.parse import parse_latex
from derive.parse.calculus import EXTRA_COMMANDS, LAGRANGE, ORDER

from tests.parse.readings import assert_reads, assert_refuses

a, b, c, i, j, p, x, z = sp.symbols("a b c i j p x z")
mu = sp.Symbol("mu")
NORMALS = (Normal(mu, sp.Symbol("b", positive=True), name="P"), Normal(0, 1, name="Q"))

#: (LaTeX, distributions, symbols declared, what it reads as).
READS = [
    (r"\lambda(\mu - x)", (), (), LAGRANGE * (sp.Symbol("mu") - x)),  # derive's Lagrange multiplier
    (r"\sigma(z)", (), (), Sigmoid(z)),  # derive's notation keeps its meaning
    (r"\sigma(z)", (), (sp.Symbol("sigma"),), sp.Symbol("sigma") * z),  # sigma a declared number: a product
    (r"p (1 - p)", NORMALS, (p,), p * (1 - p)),  # p a number the text declares: not P's density
    (r"\max(a, b, c)", (), (), sp.Max(a, b, c)),
    (r"\min\left(x, 1\right)", (), (), sp.Min(x, 1)),
    (r"\delta_{i j}", (), (), sp.KroneckerDelta(i, j)),
    (r"\delta_{1}", (), (), sp.Symbol("delta_1")),  # one index: a plain symbol
    (r"\frac{\delta_{ij}}{2}", (), (), sp.KroneckerDelta(sp.Symbol("i"), sp.Symbol("j")) / 2),
    # limits: of the rest of the term, from one side with a^+ or a^-
    (r"\lim_{x \to \infty} x e^{-x}", (), (), sp.Limit(x * sp.exp(-x), x, sp.oo, "-")),
    (r"\lim\limits_{x \rightarrow 0^+} x \log x", (), (), sp.Limit(x * sp.log(x), x, 0, "+")),
    (r"\lim_{x \to 0^{-}} \frac{1}{x} + 1", (), (), sp.Limit(1 / x, x, 0, "-") + 1),
    (r"1 + \lim_{x \to 1} \frac{x^2 - 1}{x - 1}", (), (), 1 + sp.Limit((x**2 - 1) / (x - 1), x, 1, "+-")),
    (r"\lim_{x \to -\infty} e^{x}", (), (), sp.Limit(sp.exp(x), x, -sp.oo, "+")),
    # order relations, at the top only; a chain of two is their And
    (r"a \ge b", (), (), sp.Ge(a, b, evaluate=False)),
    (r"a \lt b", (), (), sp.Lt(a, b, evaluate=False)),
    (r"a \neq b", (), (), sp.Ne(a, b, evaluate=False)),
    (r"a < b < c", (), (), sp.And(sp.Lt(a, b, evaluate=False), sp.Lt(b, c, evaluate=False), evaluate=False)),
]


@pytest.mark.parametrize(("tex", "dists", "symbols", "expected"), READS, ids=[f"{r[0]}-{len(r[2])}" for r in READS])
def test_reads(tex: str, dists: tuple, symbols: tuple, expected: sp.Basic) -> None:
    assert_reads(tex, dists, symbols, expected)


#: (LaTeX, distributions, symbols declared, what the one-line error contains).
REFUSES = [
    (r"\lim_{x} x", (), (), "must be written"),
    (r"\lim_{x + y \to 0} x", (), (), "must name one variable"),
    (r"\lim x", (), (), r"the limit at offset 0 must be written \lim_{x \to a} f"),
    (r"\max x", (), (), r"\max at offset 0 must be followed by (a, b, ...)"),
    (r"\sigma()", (), (), "takes one argument"),
    (r"a < b < c < d", (), (), "more than two relations in a row at offset 10"),
    (r"a = b \geq c", (), (), "'=' at offset 2 in an inequality is not understood"),
    (r"(a < b)", (), (), "is not an expression or an equation"),  # a relation inside brackets
    (r"z", (), ("z",), "symbols must be SymPy symbols, got str"),
]


@pytest.mark.parametrize(("tex", "dists", "symbols", "fragment"), REFUSES, ids=[r[0] for r in REFUSES])
def test_refuses(tex: str, dists: tuple, symbols: tuple, fragment: str) -> None:
    assert_refuses(tex, dists, symbols, fragment)


def test_declared_symbols_keep_their_assumptions() -> None:
    assert parse_latex("z", symbols=[sp.Symbol("z", positive=True)]) == sp.Symbol("z", positive=True)
    assert parse_latex(r"x_{1}", symbols=[sp.Symbol("x_1", real=True)]) == sp.Symbol("x_1", real=True)


@pytest.mark.parametrize(("units", "expected"), [
    ("any", Log(x, ANY_BASE)),  # b is the arbitrary base
    ("nats", sp.log(x) / sp.log(sp.Symbol("b"))),  # b is a number like any other
])
def test_log_in_the_arbitrary_base(units: str, expected: sp.Basic) -> None:
    assert plain(parse_latex(r"\log_{b}(x)", units=units)) == plain(expected)


def test_the_tables() -> None:
    assert {r"\partial", r"\max", r"\min"} == EXTRA_COMMANDS
    assert ORDER[r"\geq"] is sp.GreaterThan and ORDER["<"] is sp.StrictLessThan and ORDER[r"\ne"] is sp.Unequality
    assert LAGRANGE.is_real and LAGRANGE.is_positive is None
