"""derive.distributions.randomvars: the normal form of information measures over undeclared random variables, and their values."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.distributions import randomvars as rv

X, Y, Z = "X", "Y", "Z"
x, y, z = sp.symbols("x y z")
N_X, N_Y = rv.support(X), rv.support(Y)
pxy = rv.mass("p", {X: x, Y: y})
px, py = rv.mass("p", {X: x}), rv.mass("p", {Y: y})
H = rv.entropy


def over(body: sp.Expr, *pairs: tuple[sp.Symbol, str]) -> sp.Sum:
    return sp.Sum(body, *((v, 1, rv.support(name)) for v, name in reversed(pairs)))


#: (expression, its normal form): each reduction an identity for every joint pmf.
REDUCED = [
    (-over(px * sp.log(px), (x, X)), H({X})),
    (-over(pxy * sp.log(pxy), (x, X), (y, Y)), H({X, Y})),
    (over(pxy * sp.log(px), (x, X), (y, Y)), -H({X})),  # marginalised over y
    (over(pxy, (y, Y)), px),  # the law of total probability, x free
    (over(pxy / px, (y, Y)), sp.Integer(1)),  # a conditional pmf sums to one
    (-over(px * over(rv.conditional("p", {Y: y}, {X: x}) * sp.log(rv.conditional("p", {Y: y}, {X: x})), (y, Y)),
           (x, X)), H({X, Y}) - H({X})),
    (over(sp.Integer(1), (x, X)), N_X),  # a sum of ones counts the values
    (over(px * sp.log(py), (x, X)), sp.log(py)),  # y free: log p(y) comes out of the sum over x
    (-over(px * sp.log(rv.mass("q", {X: x})), (x, X)), rv.cross_entropy({X})),
    (rv.conditional_entropy({Y}, {X}), H({X, Y}) - H({X})),
    (rv.mutual_information({X}, {Y}, {Z}), H({X, Z}) + H({Y, Z}) - H({X, Y, Z}) - H({Z})),
]


@pytest.mark.parametrize(("expr", "expected"), REDUCED, ids=[sp.sstr(e)[:50] for e, _ in REDUCED])
def test_reduces(expr: sp.Expr, expected: sp.Expr) -> None:
    assert sp.expand(rv.reduce(expr) - expected) == 0
    for seed in (1, 2):  # the normal form has the value the expression has
        values = {x: 1, y: 2}
        sizes = {n: 2 for n in rv.variables_of(expr, expected)}
        a = rv.evaluate(expr, sizes, seed, values).evalf(30)
        b = rv.evaluate(expected, sizes, seed, values).evalf(30)
        assert abs(a - b) < 1e-25


#: Reductions that must not happen: each pair differs for some joint pmf (and the normal forms say so).
KEPT_APART = [
    (over(pxy * sp.log(px), (x, X), (y, Y)), H({X})),  # the sign slip of a real derivation
    (H({X, Y}), H({X}) + H({Y})),  # only for independent variables
    (over(px * sp.log(px), (x, X), (y, Y)), -H({X})),  # the summand does not depend on y: N[Y] copies
    (over(pxy * sp.log(pxy) ** 2, (x, X), (y, Y)), -H({X, Y})),  # not p log p
    (over(pxy / py, (y, Y)), sp.Integer(1)),  # p(x | y) summed over the condition: not 1
]


@pytest.mark.parametrize(("a", "b"), KEPT_APART, ids=[sp.sstr(e)[:50] for e, _ in KEPT_APART])
def test_keeps_apart(a: sp.Expr, b: sp.Expr) -> None:
    assert sp.expand(rv.reduce(a) - rv.reduce(b)) != 0
    sizes = {n: 2 for n in rv.variables_of(a, b)}
    values = {x: 1, y: 1}
    assert abs(rv.evaluate(a, sizes, 1, values).evalf(30) - rv.evaluate(b, sizes, 1, values).evalf(30)) > 1e-6


def test_independence_factorises_masses_and_entropies() -> None:
    blocks = (frozenset({X}), frozenset({Y}))
    assert rv.independent(pxy, blocks) == px * py
    assert rv.independent(H({X, Y}), blocks) == H({X}) + H({Y})
    assert rv.independent(H({X, Z}), blocks) == H({X, Z})  # Z is in no block: nothing said of it
    assert rv.independent(pxy, ()) == pxy


def test_evaluate_draws_a_distribution() -> None:
    sizes = {X: 2, Y: 3}
    total = rv.evaluate(over(pxy, (x, X), (y, Y)), sizes, 4, {})
    assert total == 1
    assert rv.evaluate(over(pxy, (y, Y)), sizes, 4, {x: 1}) == rv.evaluate(px, sizes, 4, {x: 1})
    blocks = (frozenset({X}), frozenset({Y}))
    assert rv.evaluate(pxy - px * py, sizes, 4, {x: 2, y: 3}, blocks) == 0  # independent blocks kept so
    assert rv.evaluate(pxy - px * py, sizes, 4, {x: 2, y: 3}) != 0
    with pytest.raises(ValueError, match="outside the support"):
        rv.evaluate(px, sizes, 4, {x: 5})


@pytest.mark.parametrize("bad", [(), ("X Y",), ("X", "$")])
def test_refuses_names_that_are_not_variables(bad: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="random variables must be plain names"):
        rv.mass("p", {name: x for name in bad}) if bad else rv.mass("p", {})


def test_knows_its_own_objects() -> None:
    assert rv.involved(px) and rv.involved(H({X})) and rv.involved(N_X) and not rv.involved(x + sp.log(y))
    assert rv.variables_of(pxy + H({Z})) == (X, Y, Z)
    assert rv.owners(pxy / px) == {x: X, y: Y}
    assert rv.measure_of(H({X, Y})) == ("H", (X, Y)) and rv.measure_of(rv.cross_entropy({X})) == ("C", (X,))
