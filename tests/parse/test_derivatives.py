r"""derive.parse.derivatives: ``\frac{d}{dx}``, ``\frac{\partial}{\partial x}`` and ``\frac{dy}{dx}`` read as
derivatives (never fractions), a name differentiated alone as a function of the variable, and Euler's ``D(f)``
(a primed bracket ``(f)'``) in the formula's one variable."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Bernoulli
from derive.parse import ParseError, parse_latex
from derive.parse.derivatives import implicit_function, in_leibniz, is_implicit, leibniz, operator_derivatives

from tests.parse.readings import assert_reads, assert_refuses

p, q, x, y, t, z, w, a, sigma = sp.symbols("p q x y t z w a sigma")
COINS = (Bernoulli(p), Bernoulli(q, name="Q"))
f = sp.Function("f")
log = sp.log
D_NUMBER = (sp.Symbol("d"),)  # d declared a number (as --assume "0 < d < 1" does)


def derivative(expr: sp.Basic, variable: sp.Symbol, order: int = 1) -> sp.Derivative:
    return sp.Derivative(expr, (variable, order), evaluate=False)


#: (LaTeX, distributions, symbols declared, what it reads as).
READS = [
    # derivatives with d: of the factor (or bracket) that follows, or of what is written on top
    (r"\frac{d}{dx} x^2", (), (), derivative(x**2, x)),
    (r"\frac{d}{d x} x^{2}", (), (), derivative(x**2, x)),
    (r"\frac{\mathrm{d}}{\mathrm{d}x} x^3", (), (), derivative(x**3, x)),
    (r"\frac{\mathrm{d}}{\mathrm{d} x} x", (), (), derivative(x, x)),
    (r"\frac{\text{d}}{\text{d}x} x^3", (), (), derivative(x**3, x)),  # an upright d however it is set
    (r"\frac{\operatorname{d} f}{\operatorname{d} x}", (), (), derivative(implicit_function("f")(x), x)),
    (r"\dfrac{d}{dx} f(x)", (), (), derivative(f(x), x)),
    (r"\frac{d}{dx} f", (), (), derivative(implicit_function("f")(x), x)),  # undeclared: a function of x, never 0
    (r"\frac{d}{dx} p", COINS, (), derivative(p, x)),  # a parameter: a constant
    (r"\frac{d^2}{dx^2} x^3", (), (), derivative(x**3, x, 2)),
    (r"\frac{d^{2}}{d x^{2}} x^3", (), (), derivative(x**3, x, 2)),
    (r"\frac{d}{dx}\left( x^2 + 1 \right)", (), (), derivative(x**2 + 1, x)),
    (r"\frac{d}{dx} (x^2 + 1)^{2}", (), (), derivative((x**2 + 1) ** 2, x)),
    (r"\frac{d}{dx} x^2 + 1", (), (), derivative(x**2, x) + 1),
    (r"2 \frac{d}{dx} x^2 - x", (), (), 2 * derivative(x**2, x) - x),
    (r"\frac{d}{dx} \log x", (), (), derivative(log(x), x)),
    (r"\frac{d}{dx} -x", (), (), derivative(-x, x)),
    (r"\frac{dy}{dx}", (), (), derivative(implicit_function("y")(x), x)),
    (r"\frac{d x^2}{dx} - 1", (), (), derivative(x**2, x) - 1),
    (r"\frac{d}{dt} \frac{d}{dt} t^3", (), (), derivative(derivative(t**3, t), t)),
    (r"\left.\frac{d}{dx} x^2\right|_{x=1}", (), (), sp.Subs(derivative(x**2, x), x, 1)),
    (r"\frac{d}{dx} x^2 \Big|_{x=3} + 1", (), (), sp.Subs(derivative(x**2, x), x, 3) + 1),
    (r"\frac{\mathrm{d}}{\mathrm{d}x} x^2", (), D_NUMBER, derivative(x**2, x)),  # upright d: never a number
    (r"\frac{d}{x}", (), (), sp.Symbol("d") / x),  # a fraction: no d below
    (r"\frac{d}{2}", (), (), sp.Symbol("d") / 2),
    (r"\frac{d}{dx}({-x})", (), (), derivative(-x, x)),
    # with respect to a square: the chain rule, 1/(2 sigma) times the derivative in sigma
    (r"\frac{\partial}{\partial \sigma^2} \sigma^4", (), (),
     sp.Mul(derivative(sigma**4, sigma), sp.Pow(2 * sigma, -1), evaluate=False)),
    # a name differentiated alone depends on the variable, braced or not
    (r"\frac{\partial L}{\partial z}", (), (), derivative(implicit_function("L")(z), z)),  # never 0: L depends on z
    (r"\frac{\partial{L}}{\partial{z}}", (), (), derivative(implicit_function("L")(z), z)),  # braces group, never a set
    (r"\frac{d{y}}{d{x}}", (), (), derivative(implicit_function("y")(x), x)),
    (r"\frac{\partial}{\partial{w}} w^2", (), (), derivative(w**2, w)),
    (r"\frac{\partial {w^2}}{\partial w}", (), (), derivative(w**2, w)),
    # a prime on a bracket, and Euler's D in the checker: the derivative in the formula's one variable
    (r"\left(\frac{1}{x}\right)'", (), (), derivative(1 / x, x)),
    (r"{(1+e^{-x})^{-1}}' + 2(x^3)'", (), (), derivative(1 / (1 + sp.exp(-x)), x) + 2 * derivative(x**3, x)),
    (r"(x^2)''", (), (), derivative(x**2, x, 2)),
    (r"(y x)' = y", (), (y,), sp.Eq(derivative(y * x, x), y)),  # y a declared number: x is the variable
    (r"(3)'", (), (), derivative(sp.Integer(3), x)),
]


@pytest.mark.parametrize(("tex", "dists", "symbols", "expected"), READS, ids=[r[0] for r in READS])
def test_reads(tex: str, dists: tuple, symbols: tuple, expected: sp.Basic) -> None:
    assert_reads(tex, dists, symbols, expected)


#: (LaTeX, distributions, symbols declared, what the one-line error starts with or contains).
REFUSES = [
    (r"(a x)'", (), (), "is in which variable? the formula has a, x"),
    (r"\frac{d}{dx} x^2", (), D_NUMBER, r"ambiguous \frac{d}{dx} at offset 0: d is a number here"),
    (r"\frac{d}{dx} 3x", (), (), r"ambiguous \frac{d}{dx} 3x at offset 0"),
    (r"\frac{d}{dx} x \log x", (), (), "ambiguous"),
    (r"\frac{\partial}{\partial x} 3x", (), (), "ambiguous"),
    (r"\frac{d}{dx} x \cdot 2", (), (), "ambiguous"),
    (r"\frac{d^2}{dx} x", (), (), "different orders above and below"),
    (r"\frac{d}{dx} f + f", (), (), r"ambiguous \frac{d}{dx} f at offset 0: f is differentiated as a function"),
    (r"\frac{d}{d \log x} x", (), (), "not a symbol"),
    (r"\frac{d}{dx} x^2 \Big|_{y=1}", (), (), "evaluated at y = 1"),
    (r"\frac{d}{dx} x^2 \Big|_{1}", (), (), "must be written"),
    (r"\frac{\partial}{\partial q}", (), (), "has nothing to differentiate"),
    (r"\frac{\partial}{\partial 2} q", (), (), "is with respect to 2, not a symbol"),
    (r"\partial q", (), (), r"\partial at offset 0 is only understood in \frac{\partial}{\partial x} f"),
    (r"\frac{\partial}{q + r} q", (), (), r"must be written \frac{\partial}{\partial x} f"),
    (r"\frac{d^{0}}{dx^{0}} x", (), (), r"must be written \frac{\partial^{2}}{\partial x^{2}}"),  # no order 0
]


@pytest.mark.parametrize(("tex", "dists", "symbols", "fragment"), REFUSES, ids=[r[0] for r in REFUSES])
def test_refuses(tex: str, dists: tuple, symbols: tuple, fragment: str) -> None:
    assert_refuses(tex, dists, symbols, fragment)


D, DD = sp.Function("D"), sp.Function("DD")

#: (expression, the operator's name, the numbers, the expression with each operator a derivative).
OPERATORS = [
    (D(x**2), "D", (), derivative(x**2, x)),
    (DD(x**3), "D", (), derivative(x**3, x, 2)),  # the name twice: the second derivative
    (D(sp.Integer(1)), "D", (), derivative(sp.Integer(1), x)),  # a constant: in x, the variable of none
    (D(a * x), "D", (a,), derivative(a * x, x)),  # a a number: x is the one variable
    (D(y), "D", (), derivative(y, y)),
    (D(x, y), "D", (), D(x, y)),  # two arguments: not the operator
    (x + 1, "D", (), x + 1),
]


@pytest.mark.parametrize(("expr", "name", "numbers", "expected"), OPERATORS, ids=[str(r[0]) for r in OPERATORS])
def test_operator_derivatives(expr: sp.Basic, name: str, numbers: tuple, expected: sp.Basic) -> None:
    assert operator_derivatives(expr, name, numbers) == expected


def test_operator_derivatives_refuses_two_variables() -> None:
    with pytest.raises(ParseError, match=r"the derivative D\(a\*x\) is in which variable\? the formula has a, x"):
        operator_derivatives(D(a * x), "D")


def test_within_leibniz_a_name_differentiated_alone_stays_a_symbol() -> None:
    assert not in_leibniz()
    with leibniz():
        assert in_leibniz()
        assert parse_latex(r"\frac{dy}{dx}") == derivative(y, x)
        with leibniz(False):
            assert not in_leibniz()
        assert in_leibniz()
    assert not in_leibniz()
    assert parse_latex(r"\frac{dy}{dx}") == derivative(implicit_function("y")(x), x)


def test_an_implicit_function_is_marked_apart() -> None:
    assert is_implicit(implicit_function("h"))
    assert not is_implicit(sp.Function("h")) and not is_implicit(sp.sin) and not is_implicit(3)
    assert implicit_function("h") != sp.Function("h")
