r"""derive.parse.notation: :func:`parse_latex`, the entry to the notation layer: its arguments checked, the text's
bounds, the units of measures, special functions and exact decimals."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Bernoulli
from derive.core.system import System
from derive.distributions.measures import ANY_BASE, Entropy
from derive.parse import ParseError, parse_latex
from derive.parse.notation import MAX_LENGTH, special_functions

from tests.parse.readings import assert_reads

p, q, x, y, a, n = sp.symbols("p q x y a n")
A, b_ = sp.symbols("a b")
COINS = (Bernoulli(p), Bernoulli(q, name="Q"))
log = sp.log

#: (LaTeX, distributions, symbols declared, what it reads as).
READS = [
    # a decimal is the exact number written, also after a minus sign
    (r"1 - 0.3", (), (), sp.Rational(7, 10)),
    (r"- 0.5 \log 0.5", (), (), sp.log(2) / 2),
    (r"x^{0.25}", (), (), x**sp.Rational(1, 4)),
    # \Gamma and \psi applied to one argument are the gamma and digamma functions
    (r"\frac{\Gamma(a + b)}{\Gamma(a) \Gamma(b)}", (), (), sp.gamma(A + b_) / (sp.gamma(A) * sp.gamma(b_))),
    (r"\psi(a) - \ln(b)", (), (), sp.digamma(A) - log(b_)),
    (r"\log \Gamma\left(\frac{n}{2}\right)", (), (), log(sp.gamma(n / 2))),
    # an equation; a chain of equations is a system
    (r"x = y", (), (), sp.Eq(x, y)),
    (r"x = y = 0", (), (), System(sp.Eq(x, y), sp.Eq(y, 0))),
]


@pytest.mark.parametrize(("tex", "dists", "symbols", "expected"), READS, ids=[r[0] for r in READS])
def test_reads(tex: str, dists: tuple, symbols: tuple, expected: sp.Basic) -> None:
    assert_reads(tex, dists, symbols, expected)


#: (what is given, keyword arguments, what the one-line error says).
REFUSES = [
    ("x", {"units": "furlongs"}, "units must be one of nats, bits, any, got 'furlongs'"),
    (3, {}, "expected a LaTeX string, got int"),
    ("x" * (MAX_LENGTH + 1), {}, f"input of {MAX_LENGTH + 1} characters is longer than the limit of {MAX_LENGTH}"),
    ("   ", {}, "empty input"),
    ("(" * 150 + "x" + ")" * 150, {}, "brackets nested 150 deep"),
]


@pytest.mark.parametrize(("tex", "options", "fragment"), REFUSES, ids=[repr(r[0])[:20] for r in REFUSES])
def test_refuses(tex: object, options: dict, fragment: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_latex(tex, **options)
    message = str(caught.value)
    assert fragment in message and "\n" not in message, message


@pytest.mark.parametrize(("units", "base"), [("nats", sp.E), ("bits", sp.Integer(2)), ("any", ANY_BASE)])
def test_measures_take_the_units_base(units: str, base: sp.Basic) -> None:
    assert parse_latex("H(P)", COINS, units=units) == Entropy(COINS[0], base=base)


def test_special_functions_can_be_left_as_functions() -> None:
    assert parse_latex(r"\Gamma(a)") == sp.gamma(a)
    assert parse_latex(r"\Gamma(a)", special=False) == sp.Function("Gamma")(a)


def test_special_functions_of_one_argument() -> None:
    gamma, psi, f = sp.Function("Gamma"), sp.Function("psi"), sp.Function("f")
    assert special_functions(gamma(a) + psi(a) + gamma(a, a) + f(a)) == sp.gamma(a) + sp.digamma(a) + gamma(a, a) + f(a)
    assert special_functions(x + 1) == x + 1
