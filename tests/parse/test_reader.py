r"""derive.parse.reader: the reader's own machinery, through :func:`derive.parse.parse_latex`.

Its forms are tried in the order of :attr:`Reader.FORMS` and the first that reads a token wins; an equation or a
relation is read only at the top; a long sum is read summand by summand; decimals are exact; every error names
the offset in the source where it happened, whatever placeholders the parser was handed.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest
import sympy as sp

from derive import Bernoulli, Normal
from derive.core.system import System
from derive.distributions.measures import Entropy, Prob
from derive.distributions.semantics import plain
from derive.parse import ParseError, parse_latex
from derive.parse.reader import Reader

p, q, x, y, z = sp.symbols("p q x y z")
COINS = (Bernoulli(p), Bernoulli(q, name="Q"))
P = COINS[0]
H = P.outcomes[0]
STANDARD_X = (Normal(0, 1, name="X"),)


def test_forms_name_methods_of_the_reader() -> None:
    names = [name for name, _ in Reader.FORMS]
    assert len(names) == len(set(names))
    assert all(callable(getattr(Reader, method, None)) for _, method in Reader.FORMS)
    assert names[-1] == "unknown-distribution"  # it only refuses: a form after it would never be reached


def _moved_first(name: str) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(Reader.FORMS, key=lambda form: form[0] != name))


@pytest.mark.parametrize(("tex", "read"), [
    ("P(H)", Prob(P, H)),
    ("H(P)", Entropy(P)),
], ids=["probability", "entropy"])
def test_the_order_of_the_forms_decides(monkeypatch: pytest.MonkeyPatch, tex: str, read: sp.Basic) -> None:
    """Read in order, ``P(H)`` is a probability and ``H(P)`` an entropy; with the refusal of unknown names tried
    first, both are refused."""
    assert parse_latex(tex, COINS) == read
    monkeypatch.setattr(Reader, "FORMS", _moved_first("unknown-distribution"))
    with pytest.raises(ParseError, match="unknown distribution name"):
        parse_latex(tex, COINS)


def test_the_first_form_that_reads_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    def first_form(self: Reader, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        return (sp.Symbol("first"), i + 1) if self.tokens[i].text == "z" else None

    monkeypatch.setattr(Reader, "first_form", first_form, raising=False)
    monkeypatch.setattr(Reader, "FORMS", (("first", "first_form"), *Reader.FORMS))
    assert parse_latex("z + y") == sp.Symbol("first") + y
    assert parse_latex("x + y") == x + y


@pytest.mark.parametrize(("dists", "message"), [
    ((P, Bernoulli(q)), "two different distributions are named P"),
    (("P",), "distributions must be Distribution objects, got str"),
    ((P, 1), "distributions must be Distribution objects, got int"),
], ids=["same-name", "a-string", "a-number"])
def test_the_distributions_are_checked(dists: tuple, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_latex("x", dists)
    assert str(caught.value) == message


#: (LaTeX, distributions, the start of the one-line error)
ERRORS = [
    ("x + * y", (), "cannot read the LaTeX at offset 4 (near '* y')"),
    ("P(H) + * 2", COINS, "cannot read the LaTeX at offset 7 (near '* 2')"),  # a placeholder moves no offset
    ("(x + 1) * ", (), "cannot read the LaTeX at the end of the input"),
    ("x = ", (), "an expression is missing at offset 3"),
    ("= x", (), "an expression is missing at offset 0"),
    ("f(x = 1)", (), "'x = 1' at offset 2 is not an expression (it reads as Equality)"),
    ("x | _2", (), "the evaluation bar at offset 2 is only understood right after a derivative"),
    (r"\operatorname{Var} x", (), r"unsupported command '\mathrm{Var}' at offset 0"),
    ("y + R(X_1)", (), "unknown distribution name 'R' in 'R(X_1)' at offset 4"),
]


@pytest.mark.parametrize(("tex", "dists", "message"), ERRORS, ids=[r[0] for r in ERRORS])
def test_errors_name_their_offset(tex: str, dists: tuple, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_latex(tex, dists)
    text = str(caught.value)
    assert text.startswith(message) and "\n" not in text, text


def test_an_error_of_the_parser_names_the_fragment_it_was_reading() -> None:
    with pytest.raises(ParseError, match=r"\(in '.*x\^\{10\^\{10\}\}' at offset \d+\)$"):
        parse_latex("y + x^{10^{10}}")


def test_an_error_never_shows_a_placeholder() -> None:
    with pytest.raises(ParseError) as caught:
        parse_latex("H(P) ^", COINS)
    text = str(caught.value)
    assert text.startswith("cannot read the LaTeX at the end of the input") and " ... ^" in text, text
    assert "derive0" not in text and r"\text" not in text


@pytest.mark.parametrize(("tex", "symbols", "expected"), [
    ("x = y = 0", (), System(sp.Eq(x, y, evaluate=False), sp.Eq(y, 0, evaluate=False))),
    ("x < y < z", (), sp.And(x < y, y < z, evaluate=False)),
    ("x \\geq 2y", (), sp.GreaterThan(x, 2 * y, evaluate=False)),
    ("x + y = y + x", (), sp.Eq(x + y, y + x, evaluate=False)),
], ids=["two-equals", "two-relations", "relation", "equation"])
def test_the_top_may_be_an_equation_or_a_relation(tex: str, symbols: tuple, expected: sp.Basic) -> None:
    read = parse_latex(tex, symbols=symbols)
    assert type(read) is type(expected) and plain(read) == plain(expected), sp.srepr(read)


def test_a_long_sum_is_read_summand_by_summand() -> None:
    """Six hundred summands: more than the parser's recursion would take in one piece."""
    read = parse_latex(" + ".join(f"x_{{{k}}}" for k in range(600)))
    assert isinstance(read, sp.Add) and len(read.args) == 600
    assert read.free_symbols == {sp.Symbol(f"x_{k}" if k < 10 else f"x_{{{k}}}") for k in range(600)}


@pytest.mark.parametrize(("tex", "expected"), [
    ("0.25 + .5", sp.Rational(3, 4)),
    ("1.50 x", sp.Rational(3, 2) * x),
    (".5x", x / 2),
    (r"2 \cdot 0.1", sp.Rational(1, 5)),
    (r"10^{-3} + 0.001", sp.Rational(1, 500)),
], ids=["two", "trailing-zero", "no-leading-digit", "tenth", "thousandth"])
def test_decimals_are_exact(tex: str, expected: sp.Basic) -> None:
    read = parse_latex(tex)
    assert plain(read) == expected and not read.atoms(sp.Float), sp.srepr(read)


@pytest.mark.parametrize(("tex", "dists", "expected"), [
    ("H(x) + H(X)", STANDARD_X, 2 * Entropy(STANDARD_X[0])),  # x is X's value: X's entropy
    ("H(x)", (), sp.Function("H")(x)),  # no X declared: a function
    ("R(x)", (), sp.Function("R")(x)),  # a value: a function R applied, not a distribution
], ids=["declared-variable", "undeclared", "lower-case-argument"])
def test_entropy_and_unknown_names(tex: str, dists: tuple, expected: sp.Basic) -> None:
    assert plain(parse_latex(tex, dists)) == plain(expected)
