"""The pieces of mathematics the derivations' prose names stay as written, and print as a reader expects."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Bernoulli
from derive.derivations.phrases import eq, in_bits, minus, names_equal, positive, unit_interval
from derive.render.printer import to_latex

p, q = sp.symbols("p q")

PHRASES = [
    (eq(q, p), "q = p"),
    (eq(p, p), "p = p"),  # not evaluated to True
    (minus(1, p), "1 - p"),
    (minus(q, -p), "q + p"),
    (unit_interval(q), "0 < q < 1"),
    (positive(sp.Symbol("x")), "x > 0"),
    (names_equal(Bernoulli(q, name="Q"), Bernoulli(p)), "Q = P"),
]


@pytest.mark.parametrize("expr, tex", PHRASES, ids=[t for _, t in PHRASES])
def test_a_phrase_prints_as_written(expr: sp.Basic, tex: str) -> None:
    assert to_latex(expr) == tex


@pytest.mark.parametrize("units, sentence", [("bits", " Every logarithm is in base 2: the measures are in bits."),
                                             ("nats", ""), ("any", "")])
def test_only_bits_add_a_sentence(units: str, sentence: str) -> None:
    assert in_bits(units) == sentence
