r"""derive.parse.primes: ``f'(x)`` is the derivative of ``f`` at ``x``, ``x'`` a symbol of its own, and a prime on
a bracketed group the group's derivative."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.parse import ParseError
from derive.parse.lexer import tokenize
from derive.parse.primes import primed, primed_group
from derive.parse.tokens import Token

from tests.parse.readings import assert_reads, assert_refuses

x = sp.Symbol("x")
f = sp.Function("f")


def derivative(expr: sp.Basic, variable: sp.Symbol, order: int = 1) -> sp.Derivative:
    return sp.Derivative(expr, (variable, order), evaluate=False)


#: (LaTeX just read, the token that opens the group a prime after it differentiates, or None).
GROUPS = [
    ("(u/v)", 0),
    ("{(1+x)}", 0),
    ("2(x^3)", 1),  # after a number: a product, then the group
    ("a + (x)", 4),  # after an operator (the spaces are tokens too)
    ("f(x)", None),  # an argument
    (r"\frac{1}{x}", None),  # a command's group
    ("x", None),  # no group
]


@pytest.mark.parametrize(("tex", "expected"), GROUPS, ids=[r[0] for r in GROUPS])
def test_primed_group(tex: str, expected: int | None) -> None:
    tokens, partner = tokenize(tex)[:2]
    assert primed_group(tokens, partner) == expected


def test_primed_group_of_nothing_is_none() -> None:
    assert primed_group([], {}) is None


#: (source, the letter before the primes, where the primes start, the tokens that replace the letter, the offset
#: after what was read).
PRIMED = [
    ("f'(x)", "f", 1, [r"\frac", "{", "d", "}", "{", "d", "x", "}", "f"], 2),
    ("f''(x)", "f", 1, [r"\frac", "{", "d", "^", "{", "2", "}", "}", "{", "d", "x", "^", "{", "2", "}", "}", "f"], 3),
    (r"f^{\prime}(t)", "f", 1, [r"\frac", "{", "d", "}", "{", "d", "t", "}", "f"], 10),
    ("x' + 1", "x", 1, [r"\prime{x}"], 2),  # no argument: a symbol of its own
    (r"\ell'(\theta)", r"\ell", 4, [r"\frac", "{", "d", "}", "{", "d", r"\theta", "}", r"\ell"], 5),
]


@pytest.mark.parametrize(("source", "letter", "start", "expected", "end"), PRIMED, ids=[r[0] for r in PRIMED])
def test_primed(source: str, letter: str, start: int, expected: list[str], end: int) -> None:
    tokens = [Token(letter, 0)]
    assert primed(source, start, tokens, tokens.append) == end
    assert [token.text for token in tokens] == expected


@pytest.mark.parametrize(("source", "tokens", "fragment"), [
    ("f'(x, y)", ["f"], "is read on one variable"),
    ("f'(2)", ["f"], "is read on one variable"),
    ("2'", ["2"], "must follow a letter"),
    ("'", [], "must follow a letter"),
    ("x''", ["x"], "2 primes on x"),
])
def test_primed_refuses(source: str, tokens: list[str], fragment: str) -> None:
    read = [Token(text, 0) for text in tokens]
    with pytest.raises(ParseError, match=fragment):
        primed(source, len(tokens), read, read.append)


#: (LaTeX, distributions, symbols declared, what it reads as).
READS = [
    # f'(x) is the derivative of f at x; a bare x' is a symbol of its own
    (r"f'(x)", (), (), derivative(f(x), x)),
    (r"f''(x)", (), (), derivative(f(x), x, 2)),
    (r"f’(x)", (), (), derivative(f(x), x)),
    (r"x' + x", (), (), sp.Symbol("xprime") + x),
]


@pytest.mark.parametrize(("tex", "dists", "symbols", "expected"), READS, ids=[r[0] for r in READS])
def test_reads(tex: str, dists: tuple, symbols: tuple, expected: sp.Basic) -> None:
    assert_reads(tex, dists, symbols, expected)


#: (LaTeX, distributions, symbols declared, what the one-line error contains).
REFUSES = [
    (r"f(x)'", (), (), "must follow a letter"),  # f(x)': the argument is no bracket to differentiate
    (r"y_{i}' + \hat{y}'", (), (), "must follow a letter"),
    (r"x''", (), (), "2 primes on x"),
]


@pytest.mark.parametrize(("tex", "dists", "symbols", "fragment"), REFUSES, ids=[r[0] for r in REFUSES])
def test_refuses(tex: str, dists: tuple, symbols: tuple, fragment: str) -> None:
    assert_refuses(tex, dists, symbols, fragment)
