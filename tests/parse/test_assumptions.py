r"""derive.parse.assumptions: a proof file's assumptions (``x > 0``, ``0 \le y < 1``, ``1 \le j \le n``) read by
pattern, a bound giving a real symbol and the interval that carries its sign."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.parse import ParseError
from derive.parse.assumptions import ASSUMPTION_FORMS, Assumption, read_assumption

REAL = {"real": True}
INDEX = {"integer": True, "positive": True}

#: (LaTeX, the assumption it reads as).
READS = [
    (r"z \in \mathbb{R}", Assumption(sp.Symbol("z", **REAL), sp.Interval.open(-sp.oo, sp.oo))),
    (r"x > 0", Assumption(sp.Symbol("x", **REAL), sp.Interval.open(0, sp.oo))),
    (r"x \geq 0", Assumption(sp.Symbol("x", **REAL), sp.Interval(0, sp.oo))),  # closed at \geq
    (r"y \le -1.5", Assumption(sp.Symbol("y", **REAL), sp.Interval(-sp.oo, sp.Rational(-3, 2)))),  # exact
    (r"0 \le y < 1", Assumption(sp.Symbol("y", **REAL), sp.Interval.Ropen(0, 1))),
    (r"x_{1} > 0", Assumption(sp.Symbol("x_1", **REAL), sp.Interval.open(0, sp.oo))),  # named as the parser does
    (r"x_{10} > 0", Assumption(sp.Symbol("x_{10}", **REAL), sp.Interval.open(0, sp.oo))),
    (r"\sigma > 0", Assumption(sp.Symbol("sigma", **REAL), sp.Interval.open(0, sp.oo))),
    (r"1 \leq j \leq n", Assumption(sp.Symbol("j", **INDEX), size="n")),
    (r"\forall j \in \{1, \ldots, n\}", Assumption(sp.Symbol("j", **INDEX), size="n", every=True)),
]


@pytest.mark.parametrize(("tex", "expected"), READS, ids=[r[0] for r in READS])
def test_read_assumption(tex: str, expected: Assumption) -> None:
    read = read_assumption(tex)
    assert read == expected
    assert read.symbol.assumptions0 == expected.symbol.assumptions0  # the same assumptions, not only the name


#: (what is given, what the error says).
REFUSED = [
    (r"1 < x < 1", "is an empty interval"),
    (r"x > y", "cannot read the condition 'x > y'"),
    (r"z \in \mathbb{C}", "cannot read the condition"),
    (3, "expected a short LaTeX condition"),
    (r"x > 0" + " " * 300, "expected a short LaTeX condition"),
]


@pytest.mark.parametrize(("tex", "fragment"), REFUSED, ids=[str(r[0])[:20] for r in REFUSED])
def test_read_assumption_refuses(tex: object, fragment: str) -> None:
    with pytest.raises(ParseError) as caught:
        read_assumption(tex)
    assert fragment in str(caught.value)


def test_the_error_names_the_forms_understood() -> None:
    with pytest.raises(ParseError) as caught:
        read_assumption("x ~ y")
    assert str(caught.value).endswith(ASSUMPTION_FORMS)
