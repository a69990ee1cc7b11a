r"""derive.parse.lexer: LaTeX to tokens, each kind of command and character read by its own method.

The tables give the tokens (spaces left out) of a source, its bracket pairs, and the sources the lexer refuses;
``READS`` are read end to end through :func:`derive.parse.parse_latex`.
"""

from __future__ import annotations

import pytest
import sympy as sp

from derive.core.functions import Sigmoid
from derive.parse import ParseError, parse_latex
from derive.parse.lexer import COMMAND, name_tokens, tokenize
from derive.parse.lexicon import MAX_DEPTH

from tests.parse.readings import assert_reads, assert_refuses

x, y, z, t, p, n, i = sp.symbols("x y z t p n i")
k_, mu = sp.Symbol("k"), sp.Symbol("mu")
A, b_ = sp.symbols("a b")
log = sp.log

#: (LaTeX, its tokens without the spaces).
TOKENS = [
    ("x + 1", ["x", "+", "1"]),
    # fractions: braced, one character each side (TeX reads the next token), or a braced top then one character
    (r"\frac{a}{b}", [r"\frac", "{", "a", "}", "{", "b", "}"]),
    (r"\frac12", [r"\frac", "{", "1", "}", "{", "2", "}"]),
    (r"\frac 1 2", [r"\frac", "{", "1", "}", "{", "2", "}"]),
    (r"\frac1{n}", [r"\frac", "{", "1", "}", "{", "n", "}"]),
    (r"\frac{\bar x}5", [r"\frac", "{", r"\bar{x}", "}", "{", "5", "}"]),
    (r"\dfrac{a}{b}", [r"\frac", "{", "a", "}", "{", "b", "}"]),  # an alias
    (r"\frac", [r"\frac"]),  # no parts: left for the reader to refuse
    (r"\sqrt 2", [r"\sqrt", "{", "2", "}"]),
    # \over and \choose: the group's parts; at the top, the whole input is the group
    (r"{a \over b}", [r"\frac", "{", "a", "}", "{", "b", "}"]),
    (r"a \over b", [r"\frac", "{", "a", "}", "{", "b", "}"]),
    (r"{n \choose k}", [r"\binom", "{", "n", "}", "{", "k", "}"]),
    # sizing: dropped; a sized curly brace is a bracket, except a set after \in
    (r"\left( x \right)", ["(", "x", ")"]),
    (r"\left\{ a \right\}", ["(", "a", ")"]),
    (r"x \in \left\{ H, T \right\}", ["x", r"\in", r"\{", "H", ",", "T", r"\}"]),
    (r"\left. x^2 \right|_{x=1}", ["(", "x", "^", "2", ")", "|", "_", "{", "x", "=", "1", "}"]),  # the bar's group
    (r"\lbrace a \rbrace", [r"\{", "a", r"\}"]),
    (r"a \mid b", ["a", "|", "b"]),
    # spacing and layout say nothing; a boxed or coloured group is a bracket
    (r"a\,b \quad c", ["a", "b", "c"]),
    (r"\boxed{a+b}", ["(", "a", "+", "b", ")"]),
    (r"\color{red} x", ["x"]),
    (r"{\color{red} a + b}", ["(", "a", "+", "b", ")"]),
    (r"\textcolor{red}{a+b}", ["(", "a", "+", "b", ")"]),
    (r"x \tag{3}", ["x"]),
    (r"x \tag*{a}", ["x"]),
    (r"\Large x \nonumber", ["x"]),
    # a relation under a label; decorations make one token
    (r"a \overset{\text{def}}{=} b", ["a", "=", "b"]),
    (r"a \stackrel{?}{\le} b", ["a", r"\le", "b"]),
    (r"\hat\sigma + \bar{x}", [r"\hat{\sigma}", "+", r"\bar{x}"]),
    (r"\hat θ", [r"\hat{\theta}"]),
    # upright words and letters: a function's word, Euler's e, an opaque name
    (r"\text{log}(x)", [r"\log", "(", "x", ")"]),
    (r"\mathrm{e}", ["e"]),
    (r"\mathbb{E}", [r"\mathbb{E}"]),
    (r"\operatorname{KL}", [r"\mathrm{KL}"]),
    # words typed without a backslash: functions (some only before a bracket), never products of letters
    ("ln(x)", [r"\ln", "(", "x", ")"]),
    ("Var(X)", [r"\mathrm{Var}", "(", "X", ")"]),
    ("softmax(z)", [r"\operatorname{softmax}", "(", "z", ")"]),
    ("tanh x", ["t", "a", "n", "h", "x"]),  # no bracket: letters
    ("xln(x)", ["x", "l", "n", "(", "x", ")"]),  # inside a word: letters
    # characters typed for commands
    ("μ", [r"\mu"]),
    ("σ²", [r"\sigma", "^", "{", "2", "}"]),
    ("2 − 1", ["2", "-", "1"]),
    ("a · b", ["a", r"\cdot", "b"]),
    # primes: a derivative on a letter before a bracket, a symbol of its own without one, a group's derivative
    ("f'(x)", [r"\frac", "{", "d", "}", "{", "d", "x", "}", "f", "(", "x", ")"]),
    ("f''(x)", [r"\frac", "{", "d", "^", "{", "2", "}", "}", "{", "d", "x", "^", "{", "2", "}", "}", "f", "(", "x",
                ")"]),
    ("x'", [r"\prime{x}"]),
    ("(u)'", [r"\operatorname{primed}", "(", "u", ")"]),
    # braces after \log group as a bracket; the differential after an integrand moves behind it
    (r"\log{x}", [r"\log", "(", "x", ")"]),
    (r"\int dx\, f(x)", [r"\int", "f", "(", "x", ")", "d", "x"]),
]


@pytest.mark.parametrize(("tex", "expected"), TOKENS, ids=[r[0] for r in TOKENS])
def test_tokens(tex: str, expected: list[str]) -> None:
    tokens = tokenize(tex)[0]
    assert [token.text for token in tokens if token.text != " "] == expected


#: (LaTeX, each opening bracket's token and the token that closes it).
PARTNERS = [
    (r"\frac{a}{b}", {1: 3, 4: 6}),
    (r"\frac12", {1: 3, 4: 6}),
    (r"{a \over b}", {1: 4, 5: 8}),
    ("(x + (y))", {0: 8, 5: 7}),
    (r"\left. x^2 \right|_{x=1}", {0: 6, 9: 13}),
    ("(u)'", {1: 3}),  # the operator inserted before the group moves its pair
    ("x", {}),
]


@pytest.mark.parametrize(("tex", "expected"), PARTNERS, ids=[r[0] for r in PARTNERS])
def test_partners(tex: str, expected: dict[int, int]) -> None:
    assert tokenize(tex)[1] == expected


def test_integrals_pair_each_int_with_its_differential() -> None:
    tokens, _, integrals, _ = tokenize(r"\int_0^1 x \, dx")
    assert list(integrals) == [0]
    d, variable = integrals[0]
    assert (tokens[d].text, tokens[variable].text) == ("d", "x")


def test_a_left_dot_that_no_bar_closes_is_marked() -> None:
    tokens, _, _, left_dots = tokenize(r"\left. x")
    assert [tokens[k].text for k in left_dots] == ["x"]
    assert tokenize(r"\left. x^2 \right|_{x=1}")[3] == frozenset()  # closed by its bar: a group instead


def test_tokens_keep_their_offsets_in_the_source() -> None:
    tokens = tokenize(r"a + \beta")[0]
    assert [(token.text, token.pos) for token in tokens] == [("a", 0), (" ", 1), ("+", 2), (" ", 3), (r"\beta", 4)]


#: (LaTeX, what the error says).
REFUSED = [
    ("\\", "lone backslash at offset 0"),
    ("x @ y", "unexpected character '@' at offset 2"),
    ("(x", "'(' at offset 0 is never closed"),
    ("x)", "')' at offset 1 closes nothing"),
    ("(x]", "'(' at offset 0 is closed by ']' at offset 2"),
    ("(" * (MAX_DEPTH + 1) + ")" * (MAX_DEPTH + 1), f"brackets nested deeper than {MAX_DEPTH}"),
    (r"\tag 3", r"\tag at offset 0 must be followed by {...}"),
    (r"\hat{xy}", "decorates one letter or greek letter, not 'xy'"),
    (r"\hat{}", "decorates one letter or greek letter, not 'nothing'"),
    (r"\mathrm", r"\mathrm at offset 0 must be followed by {...}"),
    (r"\overset{a}", r"\overset at offset 0 must be followed by {label}{relation}"),
    (r"\overset{a}{+}", "is read over a relation"),
    (r"{a \over b \over c}", r"\over at offset 11: two in one group"),
    (r"(a \over b)", r"must be inside {...}"),
    ("x''", "2 primes on x at offset 1 without an argument"),
    ("f(x)'", "a prime at offset 4 must follow a letter"),
    ("f'(x, y)", "is read on one variable"),
    ("2 3", "ambiguous number '2 3'"),  # the checks run on the tokens
]


@pytest.mark.parametrize(("tex", "fragment"), REFUSED, ids=[r[0][:40] for r in REFUSED])
def test_refused(tex: str, fragment: str) -> None:
    with pytest.raises(ParseError) as caught:
        tokenize(tex)
    assert fragment in str(caught.value), str(caught.value)


@pytest.mark.parametrize(("tex", "expected"), [
    (r"\mu_{1}", (r"\mu", "_", "{", "1", "}")), ("P", ("P",)), (r"p \, q", ("p", "q")),
])
def test_name_tokens(tex: str, expected: tuple[str, ...]) -> None:
    assert name_tokens(tex) == expected


@pytest.mark.parametrize(("tex", "expected"), [(r"\alpha x", r"\alpha"), (r"\, x", r"\,"), ("\\", None)])
def test_command(tex: str, expected: str | None) -> None:
    match = COMMAND.match(tex)
    assert (match.group() if match else None) == expected


#: (LaTeX, distributions, symbols declared, what it reads as): the lexer's forms, read end to end.
READS = [
    (r"2t – t", (), (), t),  # dashes and the minus sign typed as characters
    (r"a · b", (), (), sp.Symbol("a") * sp.Symbol("b")),
    # \frac with one character on top and the bottom braced or one character (TeX reads the next token)
    (r"\frac1{1+x} + \frac 1 2 + \frac ab", (), (), 1 / (1 + x) + sp.Rational(1, 2) + sp.Symbol("a") / sp.Symbol("b")),
    # \over, braces that only group
    (r"{1 \over 2} + {x \over y+1}", (), (), sp.Rational(1, 2) + x / (y + 1)),
    (r"\log{x^2}", (), (), log(x**2)),
    (r"\log{x \over y} t", (), (), t * log(x / y)),  # the braces are the argument, as with \frac inside them
    # \overset over a relation, plain-letter function words
    (r"x \overset{\text{set}}{=} 0", (), (), sp.Eq(x, 0)),
    (r"ln(x) + exp(y)", (), (), log(x) + sp.exp(y)),
    (r"sigmoid(z)", (), (), Sigmoid(z)),
    (r"tanh(x) + \tanh^2(x)", (), (), sp.tanh(x) + sp.tanh(x) ** 2),
    (r"\sin^{2}(x) + cos(x)", (), (), sp.sin(x) ** 2 + sp.cos(x)),
    (r"max(0, x) + \mathrm{min}(x, 1)", (), (), sp.Max(0, x) + sp.Min(x, 1)),
    # binomial coefficients
    (r"\binom{n}{k} p^k (1-p)^{n-k}", (), (), sp.binomial(n, k_) * p**k_ * (1 - p)**(n - k_)),
    (r"{n \choose k} p^k", (), (), sp.binomial(n, k_) * p**k_),
    (r"\dbinom{n}{2} + \tbinom{n}{1}", (), (), sp.binomial(n, 2) + n),
    (r"x \space + \enspace y \thinspace", (), (), x + y),  # spacing commands of plain TeX and MathJax
    # letters, operators and powers typed as Unicode characters read as their commands
    ("μ + σ²", (), (), mu + sp.Symbol("sigma")**2),
    ("∑_{i=1}^n x_i³", (), (), sp.Sum(sp.IndexedBase("x")[i]**3, (i, 1, n))),
    ("e^{-λ} λ^x", (), (), parse_latex(r"e^{-\lambda} \lambda^x")),
    ("Γ(z) ≤ ∞", (), (), parse_latex(r"\Gamma(z) \le \infty")),
    # a command's one-character argument without braces, as TeX takes it
    (r"\sqrt 2 + \sqrt x", (), (), sp.sqrt(2) + sp.sqrt(x)),
    (r"H_{\mathrm b}(p)", (), (), sp.Function("H_b")(p)),
    (r"H_{\mathrm{b}}(p)", (), (), sp.Function("H_b")(p)),
    # upright letters: Euler's e; \hat on a greek letter typed as a character
    (r"\mathrm{e}^{x}", (), (), sp.exp(x)),
    (r"\hat θ", (), (), sp.Symbol("thetahat")),
    # a term struck through to show that it cancels is still there
    (r"\cancel{x} - \cancel{x} + y", (), (), y),
    (r"\cancelto{0}{a} + b", (), (), A + b_),  # the struck term as written; what it cancels to is a remark
    (r"\require{cancel} a + b", (), (), A + b_),
    # curly braces sized by \left and \right group as brackets
    (r"2\left\{ a + b \right\} + \left\lbrace a \right\rbrace", (), (), 3 * A + 2 * b_),
    # Fraktur is a letter of its own
    (r"\mathfrak{X} + 1", (), (), sp.Symbol("Xfrak") + 1),
]


@pytest.mark.parametrize(("tex", "dists", "symbols", "expected"), READS, ids=[r[0] for r in READS])
def test_reads(tex: str, dists: tuple, symbols: tuple, expected: sp.Basic) -> None:
    assert_reads(tex, dists, symbols, expected)


#: (LaTeX, distributions, symbols declared, what the one-line error contains).
REFUSES = [
    (r"{a \over b \over c}", (), (), "two in one group"),
    (r"{n \choose k \choose j}", (), (), "two in one group"),
    (r"(a \over b)", (), (), r"must be inside {...}"),
    (r"x \overset{a}{+} y", (), (), "is read over a relation"),
]


@pytest.mark.parametrize(("tex", "dists", "symbols", "fragment"), REFUSES, ids=[r[0] for r in REFUSES])
def test_refuses(tex: str, dists: tuple, symbols: tuple, fragment: str) -> None:
    assert_refuses(tex, dists, symbols, fragment)
