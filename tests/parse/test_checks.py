r"""derive.parse.checks: what the tokenizer refuses before anything is read (unknown commands, prose, digits that
read as no one number, scripts TeX sets otherwise than a reader means), and how integrals find their differential.

The functions take tokens; :func:`lex` below makes them for the plain inputs of these tables (one token per
character or command, a word command with its braces as one), so the tests do not depend on the lexer.
"""

from __future__ import annotations

import re

import pytest

from derive.parse import ParseError
from derive.parse.checks import (check_numbers, check_scripts, check_words, derivative_ds, differentials_first,
                                 match_integrals)
from derive.parse.lexicon import MAX_CHAIN, OPENERS
from derive.parse.tokens import Token

from tests.parse.readings import partners

_PIECE = re.compile(r"\\(?:mathrm|text|operatorname|mathbb)\{[^{}]*\}|\\[A-Za-z]+|\\.|.", re.S)
_SPACING = frozenset({r"\,", r"\;", r"\!", "~"})


def lex(source: str) -> tuple[list[Token], dict[int, int]]:
    """Tokens of ``source`` (spacing as ``" "``) and each opening bracket's closer."""
    tokens = [Token(" " if m.group().isspace() or m.group() in _SPACING else m.group(), m.start())
              for m in _PIECE.finditer(source)]
    return tokens, partners(tokens)


@pytest.mark.parametrize(("source", "expected"), [
    (r"\frac{\mathrm{d}}{\mathrm{d}x} x", [r"\mathrm{d}", r"\mathrm{d}"]),
    (r"\frac{d}{dx} x^2", ["d", "d"]),
    (r"\frac{d^2}{dx^2} x", ["d", "d"]),
    (r"\frac {d} {dx}", ["d", "d"]),
    (r"\frac{d}{x}", []),  # a fraction: no d below
    (r"\frac{a}{dx}", []),
    (r"x + d", []),
], ids=["upright", "italic", "second-order", "spaced", "d-over-x", "a-over-dx", "no-fraction"])
def test_derivative_ds(source: str, expected: list[str]) -> None:
    tokens, partner = lex(source)
    found = derivative_ds(tokens, partner)
    assert sorted(tokens[k].text for k in found) == expected
    assert all(tokens[k].pos < tokens[k + 1].pos for k in found)  # each is a token of its own, not the variable


@pytest.mark.parametrize(("source", "moved", "after"), [
    (r"\int dz\, z^2 + 1", True, r"\int   z^2 dz+ 1"),
    (r"\int_0^1 \mathrm{d}z\, z^2 = 1", True, r"\int_0^1   z^2 \mathrm{d}z= 1"),
    (r"\int dx (x + 1)", True, r"\int  (x + 1)dx"),
    (r"\int_0^1 x \, dx", False, r"\int_0^1 x   dx"),  # already last
    (r"\int dx", False, r"\int dx"),  # nothing after it to integrate
], ids=["then-sign", "upright-then-relation", "bracket", "differential-last", "alone"])
def test_differentials_first(source: str, moved: bool, after: str) -> None:
    tokens, partner = lex(source)
    assert differentials_first(tokens, partner) is moved
    assert "".join(t.text for t in tokens) == after
    assert all(tokens[o].text in OPENERS and OPENERS[tokens[o].text] == tokens[c].text for o, c in partner.items())


@pytest.mark.parametrize(("source", "expected"), [
    (r"\int_0^1 x \, dx", {r"\int@0": ("d", "x@15")}),
    (r"\int_{0}^{1} x \mathrm{d} x", {r"\int@0": (r"\mathrm{d}", "x@26")}),
    (r"\int \int f \, dx \, dy", {r"\int@0": ("d", "y@22"), r"\int@5": ("d", "x@16")}),  # innermost first
    (r"\int f(x) dx + \int g(y) dy", {r"\int@0": ("d", "x@11"), r"\int@15": ("d", "y@26")}),
    (r"\int_{\int x dx}^{1} y dy", {r"\int@0": ("d", "y@24"), r"\int@6": ("d", "x@14")}),  # one in a limit
    (r"\int x", {}),
    (r"\int_0^1 t \, de^{t}", {}),  # the differential of a power, not of a variable
    (r"\int x = dx", {}),  # an integral never closes across a relation
    (r"(\int x) dx", {}),  # nor across a closing bracket
    (r"\int x^d x", {}),  # a one-token script is never a differential
    (r"\int x \, d2", {}),
], ids=["plain", "upright", "nested", "two", "in-a-limit", "none", "of-a-power", "relation", "bracket", "script",
        "digit"])
def test_match_integrals(source: str, expected: dict) -> None:
    tokens, partner = lex(source)

    def at(k: int) -> str:
        return f"{tokens[k].text}@{tokens[k].pos}"

    found = {at(i): (tokens[d].text, at(v)) for i, (d, v) in match_integrals(tokens, partner).items()}
    assert found == expected


@pytest.mark.parametrize("source", [
    r"\underbrace{x}_{\text{the label}}", "- " * MAX_CHAIN + "x", r"\log \log x", r"\alpha + \Gamma",
    r"\operatorname{softmax}(z)", r"\mathrm{KL}", r"\mathbb{E}", r"\mathrm{Var}", r"\ell", r"\frac{1}{2} \cdot 3",
], ids=["brace-label", "longest-chain", "log-log", "greek", "named-function", "kl", "expectation", "variance", "ell",
        "frac-cdot"])
def test_check_words_accepts(source: str) -> None:
    tokens, partner = lex(source)
    assert check_words(tokens, partner) is None


@pytest.mark.parametrize(("source", "message"), [
    (r"x \vee y", r"unknown command \vee at offset 2"),
    (r"\mathrm{d}", r"unknown command '\mathrm{d}' at offset 0: a differential is only understood closing an integral"),
    (r"x + \text{where}", r"text '\text{where}' at offset 4 is prose, not part of an expression"),
    (r"\textbf{x}", r"text '\textbf' at offset 0 is prose"),
    (r"\ln " * (MAX_CHAIN + 1) + "x", f"more than {MAX_CHAIN} signs or logarithms in a row at offset 32"),
    (r"\mathbb{Z}", r"unknown command '\mathbb{Z}' at offset 0"),
], ids=["unknown", "differential", "prose", "prose-command", "chain", "blackboard"])
def test_check_words_refuses(source: str, message: str) -> None:
    tokens, partner = lex(source)
    with pytest.raises(ParseError) as caught:
        check_words(tokens, partner)
    assert str(caught.value).startswith(message), caught.value


def test_check_words_accepts_a_differential_it_is_told_of() -> None:
    tokens, partner = lex(r"\mathrm{d} x")
    assert check_words(tokens, partner, {0}) is None


@pytest.mark.parametrize("source", [
    "12", r"2 \cdot 3", "f(1, 2)", "(1,2)", "1,00", "1,0000", "x_1 2", "x^2 3", "x^{2}3", r"\frac 1 2", r"\sqrt 4 9",
    r"\binom 5 2", r"\frac{1}{2}{3}",
], ids=["digits", "cdot", "arguments", "pair", "two-after-comma", "four-after-comma", "subscript", "superscript",
        "braced-power", "frac", "sqrt", "binom", "frac-then-group"])
def test_check_numbers_accepts(source: str) -> None:
    tokens, _ = lex(source)
    assert check_numbers(source, tokens) is None


@pytest.mark.parametrize(("source", "message"), [
    ("7 8", "ambiguous number '7 8' at offset 0: one number is written without a space"),
    ("x = 10 000", "ambiguous number '10 000' at offset 4"),
    ("0.5 2", "ambiguous number '0.5 2' at offset 0"),
    ("1{,}5", "ambiguous number '1{,}5' at offset 0: a thousands separator or a decimal comma?"),
    ("3,141", "ambiguous number '3,141' at offset 0: a thousands separator or a decimal comma?"),
    ("4{2}", "ambiguous number '4{2' at offset 0: a brace after a number shows the digits together"),
], ids=["spaced", "thousands", "decimal-spaced", "braced-comma", "grouped", "glued"])
def test_check_numbers_refuses(source: str, message: str) -> None:
    tokens, _ = lex(source)
    with pytest.raises(ParseError) as caught:
        check_numbers(source, tokens)
    assert str(caught.value).startswith(message), caught.value


@pytest.mark.parametrize("source", [
    "x^{23}", "x^2 3", r"\exp(x)^2", r"\exp{x}^2", r"\exp [x]^2", r"\exp \left(x\right)^2", r"\exp x", "3!", "3! !",
], ids=["braced", "spaced", "exp-bracket", "exp-brace", "exp-square", "exp-left", "exp-plain", "factorial",
        "spaced-factorials"])
def test_check_scripts_accepts(source: str) -> None:
    tokens, _ = lex(source)
    assert check_scripts(source, tokens) is None


@pytest.mark.parametrize(("source", "message"), [
    ("y + x^23", "ambiguous power at offset 5: TeX raises to 2 only; write ^{23} for the whole number"),
    (r"\exp x^2", r"ambiguous \exp at offset 0: the exponential of a power, or a power of the exponential?"),
    ("n!!", "ambiguous '!!' at offset 1: a double factorial, or the factorial of a factorial?"),
], ids=["two-digit-power", "exp-power", "double-factorial"])
def test_check_scripts_refuses(source: str, message: str) -> None:
    tokens, _ = lex(source)
    with pytest.raises(ParseError) as caught:
        check_scripts(source, tokens)
    assert str(caught.value).startswith(message), caught.value
