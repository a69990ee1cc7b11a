r"""derive.parse.rewrites: the source rewritten before it is tokenized (``\partial_x``, ``x^{(i)}``, ``f^{(2)}``,
``g'(0)``, a sum's braced body)."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.parse.rewrites import (examples, polygammas, powered_functions, primed_at, subscripted_partials,
                                   unbraced_bodies)

from tests.parse.readings import assert_reads

x, y, n, i = sp.symbols("x y n i")
f, g = sp.Function("f"), sp.Function("g")
VARSIGMA = sp.Symbol("varsigma")  # the variable of a derivative taken at a point, g'(0)


def derivative(expr: sp.Basic, variable: sp.Symbol, order: int = 1) -> sp.Derivative:
    return sp.Derivative(expr, (variable, order), evaluate=False)


@pytest.mark.parametrize(("tex", "expected"), [
    (r"\partial_x f", r"\frac{\partial}{\partial x} f"),
    (r"\partial_{\mu} f", r"\frac{\partial}{\partial \mu} f"),
    (r"\nabla_\theta J", r"\frac{\partial}{\partial \theta} J"),
    (r"\partial x", r"\partial x"),  # no subscript: left alone
])
def test_subscripted_partials(tex: str, expected: str) -> None:
    assert subscripted_partials(tex) == expected


@pytest.mark.parametrize(("tex", "expected"), [
    (r"x^{(i)}", r"x_{i}"),
    (r"x^{( i )}", r"x_{i}"),
    (r"x_j^{(i)}", r"x_{i j}"),  # the j-th entry of the i-th example
    (r"\sigma_j^{(i)2}", r"\sigma_{i j}^{2}"),  # what follows the label is a power
    (r"f^{(2)}(x)", r"f''(x)"),  # the second derivative
    (r"f^{(4)}(x)", r"f^{(4)}(x)"),  # up to the third only
    (r"f^{(n)}(x)", r"f^{(n)}(x)"),
    (r"x^{(i)}(y)", r"x^{(i)}(y)"),  # applied: left alone
    (r"x^2", r"x^2"),
])
def test_examples(tex: str, expected: str) -> None:
    assert examples(tex) == expected


@pytest.mark.parametrize(("tex", "expected"), [
    (r"g'(0)", r"\left.\frac{d}{d\varsigma} g(\varsigma)\right|_{\varsigma=0}"),
    (r"f''(2x)", r"\left.\frac{d^{2}}{d\varsigma^{2}} f(\varsigma)\right|_{\varsigma=2x}"),
    (r"g'(a + b)", r"\left.\frac{d}{d\varsigma} g(\varsigma)\right|_{\varsigma=a + b}"),
    (r"f'(x)", r"f'(x)"),  # at one variable: read as it is
    (r"f'(\theta)", r"f'(\theta)"),
    (r"g'(\varsigma + 1)", r"g'(\varsigma + 1)"),  # already rewritten
    (r"x'", r"x'"),
])
def test_primed_at(tex: str, expected: str) -> None:
    assert primed_at(tex) == expected


@pytest.mark.parametrize(("tex", "expected"), [
    (r"\psi^{(1)}(a)", r"\operatorname{polygamma}(1, a)"),
    (r"\psi^{ ( 2 ) }\left(a + 1\right)", r"\operatorname{polygamma}\left(2, a + 1\right)"),
    (r"\psi^{(m)}(x)", r"\operatorname{polygamma}(m, x)"),
    (r"\psi(a)", r"\psi(a)"),  # the digamma function: read by its letter
    (r"\psi^{(1)}", r"\psi^{(1)}"),  # not applied: left alone
    (r"\psi^{2}(a)", r"\psi^{2}(a)"),  # a power, not an order
    (r"\Psi^{(1)}(a)", r"\Psi^{(1)}(a)"),
])
def test_polygammas(tex: str, expected: str) -> None:
    assert polygammas(tex) == expected


@pytest.mark.parametrize(("tex", "value"), [
    (r"\psi^{(1)}(a)", sp.polygamma(1, sp.Symbol("a"))),
    (r"\psi^{(2)}\left(\alpha_{1}\right)", sp.polygamma(2, sp.Symbol("alpha_1"))),
    (r"\operatorname{polygamma}(0, a)", sp.polygamma(0, sp.Symbol("a"))),
], ids=["order-1", "left-right", "named"])
def test_polygammas_read_as_the_function(tex: str, value: sp.Basic) -> None:
    from derive.parse import parse_latex

    assert parse_latex(tex) == value


@pytest.mark.parametrize(("tex", "expected"), [
    (r"\Gamma^2(a)", r"\left(\Gamma(a)\right)^{2}"),
    (r"\psi^{2}\left(a\right) + 1", r"\left(\psi\left(a\right)\right)^{2} + 1"),
    (r"\Gamma^{n}(a (b)) c", r"\left(\Gamma(a (b))\right)^{n} c"),  # the bracket that closes the argument
    (r"\Gamma^2(a", r"\Gamma^2(a"),  # never closed: left for the reader to refuse
    (r"\Gamma^2 x", r"\Gamma^2 x"),  # not applied
    (r"\psi^{(1)}(a)", r"\psi^{(1)}(a)"),  # an order, not a power (polygammas)
    (r"\gamma^2(a)", r"\gamma^2(a)"),  # the lower-case letter is a name
])
def test_powered_functions(tex: str, expected: str) -> None:
    assert powered_functions(tex) == expected


@pytest.mark.parametrize(("tex", "value"), [
    (r"\Gamma^2(1/2)", sp.pi),
    (r"\psi^2(a)", sp.polygamma(0, sp.Symbol("a")) ** 2),
], ids=["gamma-squared", "digamma-squared"])
def test_a_power_of_a_special_function_is_a_power_of_its_value(tex: str, value: sp.Basic) -> None:
    from derive.parse import parse_latex

    assert parse_latex(tex) == value


#: (LaTeX, the same with the braces around each sum's body blanked).
UNBRACED = [
    (r"\sum_x{A - \sum_y{B}}", r"\sum_x A - \sum_y B  "),
    (r"\sum_{i=1}^{n}{x_i}", r"\sum_{i=1}^{n} x_i "),
    (r"\sum\limits_{i}{x}", r"\sum\limits_{i} x "),
    (r"\prod_i {x_i}", r"\prod_i  x_i "),
    (r"\sum_\alpha{x}", r"\sum_\alpha x "),
    (r"{a} + \sum^n {b}", r"{a} + \sum^n  b "),  # only the body's braces
    (r"\sum_i x_i", r"\sum_i x_i"),
    (r"\summary{x}", r"\summary{x}"),  # another command
]


@pytest.mark.parametrize(("tex", "expected"), UNBRACED, ids=[r[0] for r in UNBRACED])
def test_unbraced_bodies(tex: str, expected: str) -> None:
    assert unbraced_bodies(tex) == expected
    assert len(unbraced_bodies(tex)) == len(tex)  # offsets stay where they were


#: (LaTeX, distributions, symbols declared, what it reads as).
READS = [
    # a label in brackets up top is no power: the i-th example, then its power; f^{(2)}(x) is f''(x)
    (r"\sigma_j^{(i)2} + x^{(2)}", (), (), sp.Symbol("sigma_{ij}") ** 2 + sp.Symbol("x_2")),
    (r"f^{(2)}(x)", (), (), derivative(f(x), x, 2)),
    # f'(c) at a point that is not one variable: the derivative there
    (r"g'(0) + f''(2x)", (), (), sp.Subs(derivative(g(VARSIGMA), VARSIGMA), VARSIGMA, 0)
     + sp.Subs(derivative(f(VARSIGMA), VARSIGMA, 2), VARSIGMA, 2 * x)),
    # the i-th example x^{(i)}
    (r"\sum_{i=1}^{n} y^{(i)} x^{(i)}_j", (), (),
     sp.Sum(sp.IndexedBase("y")[i] * sp.IndexedBase("x")[i, sp.Symbol("j")], (i, 1, n))),
    # a derivative written with a subscript: \partial_x f
    (r"\partial_x (x^2 y)", (), (), derivative(x**2 * y, x)),
    # a sum's body in braces is the body
    (r"\sum_{i=1}^{n}{x_i} + 1", (), (), sp.Sum(sp.IndexedBase("x")[i], (i, 1, n)) + 1),
]


@pytest.mark.parametrize(("tex", "dists", "symbols", "expected"), READS, ids=[r[0] for r in READS])
def test_reads(tex: str, dists: tuple, symbols: tuple, expected: sp.Basic) -> None:
    assert_reads(tex, dists, symbols, expected)
