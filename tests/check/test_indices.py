"""derive.check.indices: two free indices of one vector's entries, case by case."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.check import indices

t_i, t_j, t_k, u_i, i, j, k = sp.symbols("t_i t_j t_k u_i i j k")


@pytest.mark.parametrize(("exprs", "pair"), [
    ((sp.exp(t_i), t_j), (i, j)),  # two entries of t
    ((sp.KroneckerDelta(j, i) * t_i,), (i, j)),  # a delta names the pair
    ((t_i + u_i,), None),  # one index
    ((t_i + t_j + t_k,), None),  # three indices: more than one pair
    ((sp.Symbol("x_1") + sp.Symbol("x_2"),), None),  # numbers, not free indices
    ((sp.Symbol("lambda_p") + sp.Symbol("lambda_q"),), None),  # labels of two laws, not indices
    ((sp.Derivative(sp.exp(t_i), t_j),), (i, j)),  # the variable of a derivative counts
    ((sp.Sum(sp.KroneckerDelta(i, j) * sp.Indexed("p", i), (i, 1, 3)),), None),  # i is the sum's, not free
])
def test_index_pair(exprs: tuple, pair: tuple | None) -> None:
    assert indices.index_pair(*exprs) == pair


@pytest.mark.parametrize(("expr", "expected"), [
    (t_j + u_i, t_i + u_i),
    (sp.KroneckerDelta(i, j) * t_j, t_i),
    (j * t_j, i * t_i),
    (sp.Derivative(sp.exp(t_i), t_j), sp.Derivative(sp.exp(t_i), t_i)),
])
def test_same_index(expr: sp.Expr, expected: sp.Expr) -> None:
    assert indices.same_index(expr, i, j) == expected


@pytest.mark.parametrize(("expr", "expected"), [
    (sp.KroneckerDelta(i, j) * t_i + t_j, t_j),
    (sp.KroneckerDelta(i, k) + t_j, sp.KroneckerDelta(i, k) + t_j),  # another pair: left alone
])
def test_distinct_indices(expr: sp.Expr, expected: sp.Expr) -> None:
    assert indices.distinct_indices(expr, i, j) == expected


@pytest.mark.parametrize(("expr", "plain"), [
    (sp.Derivative(sp.exp(t_i) * sp.log(t_i), t_j), True),
    (sp.Derivative(sp.Function("sigma")(t_i), t_j), False),  # a softmax written sigma(t_i) may hold every entry
    (t_i, True),
])
def test_plain_rates(expr: sp.Expr, plain: bool) -> None:
    assert indices.plain_rates(expr) is plain


def test_siblings() -> None:
    assert indices.siblings(t_i + u_i, t_j) == frozenset({t_i, t_j})
