r"""Notation a reader could take for something else: each form is read one way, or refused as ambiguous.

``\log x^2`` is log(x^2), ``2 3`` is no number, and no symbol the parser makes has a sign
of its own.  Each table is read through :func:`derive.parse.parse_latex`; the end-to-end
tests go through :func:`derive.testing.assert_identity`.
"""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Bernoulli
from derive.parse import ParseError, parse_latex
from derive.parse.calculus import LAGRANGE
from derive.semantics import plain
from derive.testing import assert_identity

p, q, x, y = sp.symbols("p q x y")
COINS = (Bernoulli(p), Bernoulli(q, name="Q"))
log = sp.log


#: (LaTeX, distributions, symbols declared, what it reads as).
READS = [
    # a logarithm without brackets takes the product that follows; a power on \log is a power of the logarithm
    (r"\log x^2", (), (), log(x**2)),
    (r"\ln x^{2}", (), (), log(x**2)),
    (r"\log x^2 y", (), (), log(x**2 * y)),
    (r"\log x y", (), (), log(x * y)),
    (r"\log 2 \pi e \sigma^{2}", (), (), log(2 * sp.pi * sp.E * sp.Symbol("sigma") ** 2)),
    (r"\log^2 x", (), (), log(x) ** 2),
    (r"\log^{2} x y", (), (), log(x * y) ** 2),
    (r"\log^{2}(x)", (), (), log(x) ** 2),
    (r"\log(x)^{2}", (), (), log(x) ** 2),
    (r"\log(x) y", (), (), y * log(x)),
    (r"\log [x] y", (), (), y * log(x)),
    (r"\log x \log y", (), (), log(x) * log(y)),
    (r"\log \log x", (), (), log(log(x))),
    (r"\log x^2 + 1", (), (), log(x**2) + 1),
    (r"\frac{\log x^{2}}{y}", (), (), log(x**2) / y),
    (r"\log_2 x^2", (), (), log(x**2) / log(2)),
    (r"\log \frac{p}{q}", COINS, (), log(p / q)),
    (r"\log k!", (), (), log(sp.factorial(sp.Symbol("k")))),
    (r"\log |x|", (), (), log(sp.Abs(x))),
    # numbers
    (r"23", (), (), sp.Integer(23)),
    (r"2 \cdot 3", (), (), sp.Integer(6)),
    (r"2 \times 3", (), (), sp.Integer(6)),
    (r"2(3)", (), (), sp.Integer(6)),
    (r"2 (3)^{2}", (), (), sp.Integer(18)),
    (r"x^2 3", (), (), 3 * x**2),  # an exponent, then a factor
    (r"2 \frac{1}{2}", (), (), sp.Integer(1)),
]

#: (LaTeX, distributions, symbols declared, what the one-line error starts with or contains).
REFUSES = [
    (r"2 3", (), (), "ambiguous number '2 3' at offset 0"),
    (r"2\,3", (), (), r"ambiguous number '2\,3'"),
    (r"2~3", (), (), "ambiguous number '2~3'"),
    (r"x + 12 345", (), (), "ambiguous number '12 345' at offset 4"),
    (r"2.5 3", (), (), "ambiguous number '2.5 3'"),
    (r"1{,}000", (), (), "ambiguous number '1{,}000'"),
    (r"1,000", (), (), "ambiguous number '1,000'"),
    (r"\log x \cdot y", (), (), r"ambiguous \log x \cdot y at offset 0"),
    (r"\log x / y", (), (), "ambiguous"),
    (r"\log^{-1} x", (), (), r"ambiguous \log^{-1} x at offset 0: a power or the inverse function?"),
    (r"\log", (), (), "has no argument"),
]


@pytest.mark.parametrize(("tex", "dists", "symbols", "expected"), READS, ids=[r[0] for r in READS])
def test_reads(tex: str, dists: tuple, symbols: tuple, expected: sp.Basic) -> None:
    parsed = parse_latex(tex, dists, symbols=symbols)
    assert plain(parsed) == plain(expected), f"{tex!r} read as {sp.srepr(parsed)}"


@pytest.mark.parametrize(("tex", "dists", "symbols", "fragment"), REFUSES, ids=[r[0] for r in REFUSES])
def test_refuses(tex: str, dists: tuple, symbols: tuple, fragment: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_latex(tex, dists, symbols=symbols)
    message = str(caught.value)
    assert fragment in message and "\n" not in message, message
    if fragment.startswith("ambiguous"):
        assert message.startswith(fragment), message


# -- no symbol is signed unless a domain says so ----------------------------------------------
@pytest.mark.parametrize("tex", [r"x + y", r"\lambda", r"\lambda (q - 1)", r"\int_{0}^{1} t \, dt + b",
                                 r"\sum_{k=1}^{n} k", r"\frac{d}{dx} x^2", r"f(x)", r"\log_{b}(x)"])
def test_no_symbol_is_signed(tex: str) -> None:
    parsed = parse_latex(tex)
    assert parsed.free_symbols, tex
    assert all(s.is_positive is None and s.is_nonnegative is None for s in parsed.free_symbols), parsed.free_symbols


def test_the_lagrange_multiplier_is_real_and_its_sign_is_a_domain() -> None:
    from derive.api import Options, derivations

    assert LAGRANGE.is_real and LAGRANGE.is_positive is None
    found = [dv for dv in derivations("minimization", "categorical", Options()) if LAGRANGE in dv.domain.symbol_set]
    assert found and all(dict(dv.domain.intervals)[LAGRANGE] == sp.Interval.open(0, sp.oo) for dv in found)


# -- end to end: derive.testing and derive check --------------------------------------------------
def test_assert_identity_reads_logarithms_and_numbers() -> None:
    assert_identity(r"\log x^2", r"2 \log x", assume=["x > 0"])
    with pytest.raises(AssertionError, match="refuted"):
        assert_identity(r"\log^2 x", r"2 \log x", assume=["x > 0"])
    with pytest.raises(ParseError, match="^ambiguous number '2 3'"):
        assert_identity("2 3", "6")
