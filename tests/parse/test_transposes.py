r"""derive.parse.transposes: ``^T`` is a power where the text uses ``T`` as a number (or the base is a number);
any other transpose is refused."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.parse import ParseError
from derive.parse.transposes import t_as_power, transposes, uses_t

from tests.parse.readings import assert_reads, assert_refuses

p_, H_, T_ = sp.symbols("p H T")


@pytest.mark.parametrize(("tex", "expected"), [
    (r"p^H (1-p)^T + T", True), (r"N - T", True), (r"P(T)", True),
    (r"x^T", False), (r"x^{T}", False), (r"w^T x", False), (r"e^T", False),  # only as a superscript
])
def test_uses_t(tex: str, expected: bool) -> None:
    assert uses_t(tex) is expected


@pytest.mark.parametrize(("tex", "expected"), [
    (r"p^T", r"p^{(T)}"), (r"p^{T} + p^{ T }", r"p^{(T)} + p^{(T)}"),
    (r"x^\top", r"x^\top"),  # \top is never the letter T
])
def test_t_as_power(tex: str, expected: str) -> None:
    assert t_as_power(tex) == expected


@pytest.mark.parametrize(("tex", "expected"), [
    (r"e^{T}", r"e^{(T)}"), (r"2^T", r"2^{(T)}"), (r"\pi^T", r"\pi^{(T)}"),  # a number is never transposed
    (r"p^H (1-p)^T + T", r"p^H (1-p)^{(T)} + T"),  # T a number the formula uses
    (r"x + 1", r"x + 1"),
])
def test_transposes_as_powers(tex: str, expected: str) -> None:
    assert transposes(tex) == expected


@pytest.mark.parametrize(("tex", "offset"), [(r"X^T Y", 1), (r"N - T + X^\top", 9), (r"x^{\mathrm{T}}", 1)])
def test_transposes_refused(tex: str, offset: int) -> None:
    with pytest.raises(ParseError, match=rf"^a transpose at offset {offset}: derive reads numbers"):
        transposes(tex)


#: (LaTeX, distributions, symbols declared, what it reads as).
READS = [
    # T used as a number in the formula: ^T is a power (a count of tails); a number is never transposed
    (r"p^H (1-p)^T + T", (), (), p_**H_ * (1 - p_)**T_ + T_),
    (r"e^{T}", (), (), sp.exp(T_)),
    (r"2^T", (), (), 2**T_),
]


@pytest.mark.parametrize(("tex", "dists", "symbols", "expected"), READS, ids=[r[0] for r in READS])
def test_reads(tex: str, dists: tuple, symbols: tuple, expected: sp.Basic) -> None:
    assert_reads(tex, dists, symbols, expected)


#: (LaTeX, distributions, symbols declared, what the one-line error contains).
REFUSES = [
    # a transpose is matrix algebra, which read as numbers proves false things (X^T Y = Y^T X)
    (r"X^T Y", (), (), "a transpose at offset 1"),
    (r"w^Tx_i", (), (), "a transpose"),
    (r"(1-p)^{T}", (), (), "a transpose"),  # no T beside it: which is it?
    (r"X^\top Y", (), (), "a transpose"),
    (r"x^{\intercal} y", (), (), "a transpose"),
    (r"x^\mathsf{T} y", (), (), "a transpose"),
    (r"X^{\mathrm{T}} y", (), (), "a transpose"),
    (r"N - T + X^\top", (), (), "a transpose"),  # \top is never a power
]


@pytest.mark.parametrize(("tex", "dists", "symbols", "fragment"), REFUSES, ids=[r[0] for r in REFUSES])
def test_refuses(tex: str, dists: tuple, symbols: tuple, fragment: str) -> None:
    assert_refuses(tex, dists, symbols, fragment)
