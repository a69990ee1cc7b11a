"""derive.parse.direct builds the tree latex2sympy2_extended builds, for the plain subset, and declines the rest.

The reader is only sound if it agrees with the library token for token: the tables pin what it reads and what it
leaves to the library, and the differential tests compare the two trees (``srepr``, so order and grouping count)
on random fragments of the subset and on every fragment the real corpus handed to the parser.
"""

import json
import random
from pathlib import Path

import pytest
import sympy as sp

from derive.parse import adapter, direct

p, q, x, a, b = sp.symbols("p q x a b")
D0 = sp.Symbol("derive0")


def _mul(*args: sp.Basic) -> sp.Basic:
    return sp.Mul(*args, evaluate=False)


def _add(*args: sp.Basic) -> sp.Basic:
    return sp.Add(*args, evaluate=False)


def _inv(e: sp.Basic) -> sp.Basic:
    return sp.Pow(e, -1, evaluate=False)


READS = [  # (text, the library's tree)
    ("p", p),
    (r" (\text{derive0}) ", D0),
    ("1 - p", _add(1, _mul(-1, p))),
    ("a - 2", _add(a, -2)),  # a number subtracted is negated, not multiplied by -1
    (r"-p \ln (q)", _mul(-1, p, sp.log(q, sp.E, evaluate=False))),
    (r"\frac {p}{q}", _mul(p, _inv(q))),
    (r"\frac{1}{2}", sp.Rational(1, 2)),
    ("a/b", _mul(a, _inv(b))),
    ("6/4", sp.Rational(3, 2)),
    (r"\log (x)", sp.log(x, 10, evaluate=False)),  # the library's base ten: the adapter decides what log means
    (r"\log_2 (x)", sp.log(x, 2, evaluate=False)),
    (r"\exp (x)", sp.exp(x, evaluate=False)),
    ("(x)^{2}", sp.Pow(x, 2, evaluate=False)),
    ("x^2", sp.Pow(x, 2, evaluate=False)),
    ("p [a - b]", _mul(p, _add(a, _mul(-1, b)))),  # a sum in brackets is never a call's argument
    ("p (-x)", _mul(p, -1, x)),
    (r"a \cdot b \times x", _mul(a, b, x)),
    ("a b / x", _mul(_mul(a, b), _inv(x))),  # juxtaposition binds tighter than /
    (r"2 \frac{1}{2}", sp.Rational(5, 2)),  # the library's mixed number, kept: the notation layer avoids it
    ("x!", sp.factorial(x, evaluate=False)),
    (r"2 \pi", _mul(2, sp.pi)),
    (r"\alpha + \sigma", _add(sp.Symbol("alpha"), sp.Symbol("sigma"))),
]


def tree(expr: sp.Basic) -> object:
    """``expr`` as nested tuples in the order of its arguments (``srepr`` sorts a product's factors)."""
    return (type(expr).__name__, tuple(map(tree, expr.args))) if expr.args else expr


@pytest.mark.parametrize("text, expected", READS)
def test_reads(text: str, expected: sp.Basic) -> None:
    assert tree(direct.read(text)) == tree(expected)


OUTSIDE = [  # the library reads these, its own way: the direct reader declines
    "e^{x}",  # e is Euler's number there, substituted after the tree is built
    "p(x)",  # a letter before brackets around one symbol or number is a call there
    "q [a]",
    "p (x^2)",
    r"x^{2} (\text{derive1})",
    r"\text{derive0} (x)",
    "p (x y)",  # a product there: declined all the same
    "x_1",
    r"\ln (x)^2",
    "x^23",  # the library's x^{23}, TeX's x^2 3
    "a^b^c",
    "2.5",
    "1,000",
    r"\sqrt {x}",
    r"\log_a (x)",
    r"\ln x",
    "a = b",
    r"\gamma",  # a constant there
    "d",
    "I",
    "",
    "(a",
    "a)",
    r"\frac{a}",
]


@pytest.mark.parametrize("text", OUTSIDE)
def test_declines(text: str) -> None:
    assert direct.read(text) is None


def test_a_long_product_is_left_to_the_library() -> None:
    assert direct.read("a " * 5000) is None  # the library reports it as too long


def _library(text: str) -> sp.Basic:
    parse = adapter._parser()
    try:
        return parse(text, True)
    except adapter.SyntaxFailure:
        return parse(text, False)


_ATOMS = ["p", "q", "x", "a", r"\sigma", r" (\text{derive0}) ", r"(\text{derive1})", "1", "2", "10", r"\pi"]


def _fragment(rng: random.Random, depth: int = 0) -> str:
    """A random text of the subset (and a little past it), spaced at random."""
    if depth > 3 or rng.random() < 0.3:
        return rng.choice(_ATOMS)
    sub = lambda: _fragment(rng, depth + 1)  # noqa: E731
    forms = [
        lambda: f"{sub()} + {sub()}", lambda: f"{sub()} - {sub()}", lambda: f"-{sub()}", lambda: f"+ {sub()}",
        lambda: f"{sub()} \\cdot {sub()}", lambda: f"{sub()}/{sub()}", lambda: f"{sub()} {sub()}",
        lambda: f"({sub()})", lambda: f"[{sub()}]", lambda: f"{{{sub()}}}", lambda: f"\\frac{{{sub()}}}{{{sub()}}}",
        lambda: f"\\ln ({sub()})", lambda: f"\\log_2({sub()})", lambda: f"\\exp ({sub()})",
        lambda: f"({sub()})^{{{sub()}}}", lambda: f"({sub()})^2", lambda: f"{rng.choice('pqx')}^{{{sub()}}}",
        lambda: f"({sub()})!", lambda: f"{sub()} \\times {sub()}",
    ]
    return rng.choice(forms)()


@pytest.mark.parametrize("seed", range(4))
def test_agrees_with_the_library_on_random_fragments(seed: int) -> None:
    rng = random.Random(seed)
    compared = 0
    for _ in range(60):
        text = _fragment(rng)
        mine = direct.read(text)
        if mine is None:
            continue
        compared += 1
        assert tree(mine) == tree(_library(text)), text
    assert compared >= 40  # the generator stays mostly inside the subset


FRAGMENTS = Path(__file__).parent / "fixtures" / "fragments.json"


@pytest.mark.slow
def test_agrees_with_the_library_on_the_corpus_fragments() -> None:
    """Every text the real corpus (tests/check/real) hands to the parser (fixtures/collect_fragments.py)."""
    texts = json.loads(FRAGMENTS.read_text(encoding="utf-8"))
    read = [(t, e) for t in texts if (e := direct.read(t)) is not None]
    assert len(read) >= 0.7 * len(texts)  # the subset is most of what real text reduces to
    for text, mine in read:
        assert tree(mine) == tree(_library(text)), text
