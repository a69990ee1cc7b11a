r"""derive.parse.named: a word in upright type before a bracket is one function applied (with its meaning where every
reader knows it), never a product of letters; the words of derive's own notation never name a function."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.distributions.semantics import plain
from derive.parse import ParseError, parse_latex
from derive.parse.named import COMMANDS, MEANINGS, NOT_NAMED, named_call, named_word
from derive.parse.tokens import Token

from tests.parse.readings import partners

x, y, z, p = sp.symbols("x y z p")


@pytest.mark.parametrize(("text", "word"), [
    (r"\operatorname{pdf}", "pdf"), (r"\mathrm{MSE}", "MSE"), (r"\text{softmax}", "softmax"),
    (r"\textrm{ReLU}", "ReLU"), (r"\mathrm{ab}", "ab"),
    (r"\mathrm{x}", None),  # one letter: a symbol, not a word
    (r"\operatorname{pdf2}", None),  # letters only
    (r"\mathbb{E}", None), ("pdf", None), (r"\textbf{pdf}", None),
    (r"\mathrm{KL}", None), (r"\operatorname{Var}", None), (r"\mathrm{Cov}", None), (r"\text{JSD}", None),
], ids=lambda v: v if isinstance(v, str) else None)
def test_named_word(text: str, word: str | None) -> None:
    assert named_word(text) == word


@pytest.mark.parametrize("word", sorted(NOT_NAMED))
def test_no_word_of_derives_notation_names_a_function(word: str) -> None:
    assert named_word(rf"\operatorname{{{word}}}") is None
    assert named_word(rf"\mathrm{{{word.upper()}}}") is None


def _tokens(*texts: str) -> tuple[list[Token], dict[int, int]]:
    """Tokens with these texts, one after the other, and each opening bracket's closer."""
    tokens, at = [], 0
    for text in texts:
        tokens.append(Token(text, at))
        at += len(text)
    return tokens, partners(tokens)


def _after(tokens: list[Token], i: int) -> int:
    while i < len(tokens) and tokens[i].text == " ":
        i += 1
    return i


@pytest.mark.parametrize(("texts", "called"), [
    ((r"\operatorname{pdf}", "(", "x", ")"), True),
    ((r"\mathrm{MSE}", " ", "(", "w", ")"), True),
    ((r"\mathrm{softmax}", "^", "{", "2", "}", "(", "z", ")"), True),  # a power between name and bracket
    ((r"\mathrm{softmax}", "^", "2", " ", "(", "z", ")"), True),
    ((r"\mathrm{pdf}", " ", "x"), False),  # no bracket
    ((r"\mathrm{pdf}", "[", "x", "]"), False),
    ((r"\mathrm{pdf}", "^", "2"), False),
    ((r"\mathrm{pdf}",), False),
    ((r"\mathrm{KL}", "(", "P", ")"), False),  # derive's notation
    (("f", "(", "x", ")"), False),  # a letter, not a word
], ids=["plain", "spaced", "braced-power", "power", "no-bracket", "square", "power-only", "alone", "kl", "letter"])
def test_named_call(texts: tuple[str, ...], called: bool) -> None:
    tokens, partner = _tokens(*texts)
    assert named_call(tokens, partner, 0, _after) is called


#: (LaTeX, what it reads as)
READS = [
    (r"\mathrm{logit}(p)", sp.log(p / (1 - p))),
    (r"\operatorname{sign}(x)", sp.sign(x)),
    (r"\mathrm{sgn}(x - 1)", sp.sign(x - 1)),
    (r"\text{Softplus}(x)", sp.log(1 + sp.exp(x))),  # a meaning by its lower-case spelling
    (r"\mathrm{RELU}(x)", sp.Max(0, x)),
    (r"\mathrm{relu}(x, y)", sp.Function("relu")(x, y)),  # a meaning takes one argument: with two, a function
    (r"\operatorname{pdf}(x, y)", sp.Function("pdf")(x, y)),
    (r"\mathrm{ab}(x)", sp.Function("ab")(x)),
    (r"\operatorname{pdf}^2 (x)", sp.Function("pdf")(x) ** 2),
    (r"\mathrm{softmax}^{3}(z) + 1", sp.Function("softmax")(z) ** 3 + 1),
    (r"\cosh^2(x) - \sinh^2(x)", sp.cosh(x) ** 2 - sp.sinh(x) ** 2),
    (r"\cos^{2}(x) + \tan(x)", sp.cos(x) ** 2 + sp.tan(x)),
]


@pytest.mark.parametrize(("tex", "expected"), READS, ids=[r[0] for r in READS])
def test_reads(tex: str, expected: sp.Basic) -> None:
    parsed = parse_latex(tex)
    assert plain(parsed) == plain(expected), f"{tex!r} read as {sp.srepr(parsed)}"


@pytest.mark.parametrize(("tex", "message"), [
    (r"\mathrm{pdf} x", r"unknown command '\mathrm{pdf}' at offset 0"),  # a word with no bracket names nothing
    (r"\mathrm{Cov}(x, y)", r"unknown command '\mathrm{Cov}' at offset 0"),  # derive's word: never a function
    (r"\mathrm{MSE}[w]", r"unsupported command '\mathrm{MSE}' at offset 0"),
], ids=["no-bracket", "notation-word", "square-bracket"])
def test_refuses(tex: str, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_latex(tex)
    assert str(caught.value).startswith(message), caught.value


@pytest.mark.parametrize(("word", "value"), [
    ("relu", sp.Max(0, x)), ("softplus", sp.log(1 + sp.exp(x))), ("logit", sp.log(x / (1 - x))), ("sign", sp.sign(x)),
    ("sgn", sp.sign(x)),
])
def test_meanings(word: str, value: sp.Basic) -> None:
    assert MEANINGS[word](x) == value
    assert parse_latex(rf"\operatorname{{{word}}}(x)") == value


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_command_with_a_power_before_its_bracket(command: str) -> None:
    assert parse_latex(rf"{command}^{{2}}(x)") == COMMANDS[command](x) ** 2
