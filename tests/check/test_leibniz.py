"""Leibniz's notation for the chain rule (derive/check/leibniz.py): which names depend on which, the functions
they are read as, the derivatives taken, and the verdicts on chains that write them."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.check import check_text
from derive.check.leibniz import dependence, functions_of, held, named, taken
from derive.core.functions import Sigmoid

L, z, w, y, s, t, i, n = sp.symbols("L z w y sigma theta i n")


def d(f: sp.Basic, *v: sp.Basic) -> sp.Derivative:
    return sp.Derivative(f, *v, evaluate=False)


#: (sides, fixed names, what each name depends on directly, or None when there is no reading).
DEPENDENCE = [
    ((d(L, w), d(L, z) * d(z, w)), (), {L: {z}, z: {w}}),  # L depends on w through z only
    ((d(L, z) * d(z, w),), (), {L: {z}, z: {w}}),
    ((d(Sigmoid(z), t), Sigmoid(z) * d(z, t)), (), {z: {t}}),  # a compound operand names no dependence
    ((d(s, w) * y,), (), {s: {w}}),
    ((d(L, z) * d(z, L),), (), None),  # circular
    ((d(L, z),), (L,), None),  # a parameter (or a defined name) is no function
    ((d(y * s, w),), (), None),  # nothing differentiated alone
    ((sp.Sum(d(L, z) * d(z, i), (i, 1, n)),), (), None),  # a name that is a sum's variable
]


@pytest.mark.parametrize(("sides", "fixed", "expected"), DEPENDENCE)
def test_dependence(sides: tuple, fixed: tuple, expected: dict | None) -> None:
    found = dependence(sides, set(fixed))
    assert found == (None if expected is None else {k: frozenset(v) for k, v in expected.items()})


def test_each_name_is_a_function_of_the_nearest() -> None:
    values = functions_of({L: frozenset({z}), z: frozenset({w})})
    zw = sp.Function("z")(w)
    assert values == {z: zw, L: sp.Function("L")(zw)}
    assert named(values) == "L(z), z(w)"


#: (left, right, whether they agree for every function the names stand for).
AGREE = [
    (d(L, w), d(L, z) * d(z, w), True),  # the chain rule
    (d(L, w), d(L, z) + d(z, w), False),
    (d(L, w), d(L, z) * d(w, z), False),  # inverted
    (d(Sigmoid(z), t), Sigmoid(z) * (1 - Sigmoid(z)) * d(z, t), True),
    (d(Sigmoid(z), t), Sigmoid(z) * d(z, t), False),
    (d(sp.log(s), w), d(s, w) / s, True),
    (d(y * sp.log(s), w), y * d(sp.log(s), w), True),  # y is no function: only s is differentiated alone
]


@pytest.mark.parametrize(("left", "right", "agree"), AGREE)
def test_taken_and_held(left: sp.Basic, right: sp.Basic, agree: bool) -> None:
    extra = (d(s, w),) if left.has(s) else ()
    values = functions_of(dependence((left, right, *extra), set()))
    a, b = held(tuple(taken(side, values) for side in (left, right)), values)
    assert not a.atoms(sp.Derivative) and not b.atoms(sp.Derivative)
    difference = sp.simplify((a - b).rewrite(sp.exp))
    assert (difference == 0) is agree


#: (document, [(line, status)]): proved for every function the names stand for, never refuted.
DOCUMENTS = [
    ("$$\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial z} \\cdot "
     "\\frac{\\partial z}{\\partial w}$$\n", [(1, "proved")]),
    ("$$\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial z} + \\frac{\\partial z}{\\partial w}$$\n",
     [(1, "unknown")]),  # false for some functions: never refuted, never proved
    ("$$\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial z} \\frac{\\partial w}{\\partial z}$$\n",
     [(1, "unknown")]),
    ("$$\\frac{\\partial}{\\partial\\theta} \\sigma(z) = \\sigma(z) (1 - \\sigma(z)) "
     "\\frac{\\partial}{\\partial\\theta} z$$\n", [(1, "proved")]),
    ("$$\\frac{\\partial}{\\partial\\theta} \\sigma(z) = \\sigma(z) \\frac{\\partial}{\\partial\\theta} z$$\n",
     [(1, "unknown")]),
    ("$$\\frac{\\partial J}{\\partial z} = \\frac{\\partial J}{\\partial p} \\times \\frac{\\partial p}{\\partial z}"
     " = \\frac{\\partial J}{\\partial p} \\cdot p \\cdot (1 - p)$$\n", [(1, "proved"), (1, "unknown")]),
    # a name the text gives a value is no function of anything: the chain is not read so
    ("Let $z = 3$.\n\n$$\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial z} "
     "\\frac{\\partial z}{\\partial w}$$\n", [(1, "definition"), (3, "not parsed")]),
]


@pytest.mark.parametrize(("document", "expected"), DOCUMENTS, ids=[doc[:50] for doc, _ in DOCUMENTS])
def test_each_chain_has_its_verdict(document: str, expected: list[tuple[int, str]]) -> None:
    result = check_text(document, "w.md")
    got = [(e.line, e.status) for e in result.entries if e.kind != "assumption"]
    assert got == expected, result.text()


def test_a_false_chain_names_the_functions_it_fails_for() -> None:
    result = check_text("$$\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial z} + "
                        "\\frac{\\partial z}{\\partial w}$$\n", "w.md")
    assert result.entries[0].reason.startswith("false for some functions L(z), z(w)")
