"""Sums over data written by linearity (derive/check/sums.py): what is rewritten, and what is left as it is."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.check.sums import has_data_sums, linear, products_as_sums

i, j, n, p = sp.symbols("i j n p")
S1, S2 = sp.symbols("S1 S2")
x, y = sp.IndexedBase("x"), sp.IndexedBase("y")

#: (expression, what it is with the atoms named S1, S2, ... in the order met).
REWRITES = [
    (sp.Sum(x[i] - p, (i, 1, n)), S1 - n * p),
    (sp.Sum(x[i] / n + 2, (i, 1, n)), S1 / n + 2 * n),
    (sp.Sum(x[i] * sp.log(p) + (1 - x[i]) * sp.log(1 - p), (i, 1, n)),
     S1 * sp.log(p) - S1 * sp.log(1 - p) + n * sp.log(1 - p)),
    (sp.Sum(x[i], (i, 1, n)) - sp.Sum(x[j], (j, 1, n)), sp.Integer(0)),  # one atom, whatever the index is called
    (sp.Sum(x[i] ** 2, (i, 0, n - 1)) + sp.Sum(y[i], (i, 0, n - 1)), S1 + S2),
]
#: Sums left as they are: a numeric range, a range that depends on another sum's index, two limits.
KEPT = [
    sp.Sum(x[i], (i, 1, 5)),
    sp.Sum(x[i] * sp.Sum(y[j], (j, 1, i)), (i, 1, n)),
    sp.Sum(x[i] * y[j], (i, 1, n), (j, 1, n)),
    sp.Sum(x[i], (i, 1, n**2)),
]


@pytest.mark.parametrize(("expr", "expected"), REWRITES, ids=[str(e) for e, _ in REWRITES])
def test_rewrites(expr: sp.Basic, expected: sp.Basic) -> None:
    atoms: dict = {}
    out = linear(expr, atoms)
    named = {atom: sp.Symbol(f"S{k}") for k, atom in enumerate(atoms.values(), 1)}
    assert sp.expand(out.xreplace(named) - expected) == 0
    assert not out.has(sp.Sum)


@pytest.mark.parametrize("expr", KEPT, ids=[str(e) for e in KEPT])
def test_kept(expr: sp.Basic) -> None:
    atoms: dict = {}
    assert linear(expr, atoms).has(sp.Sum)


def test_has_data_sums() -> None:
    assert has_data_sums(sp.Sum(x[i], (i, 1, n)))
    assert not has_data_sums(sp.Sum(x[i], (i, 1, 5)))


lam, k = sp.Symbol("lambda", real=True), sp.IndexedBase("k")
#: (expression, positive bases, what it is): a product of positive factors through the sum of their logarithms.
PRODUCTS = [
    (sp.log(sp.Product(p ** x[i] * (1 - p) ** (1 - x[i]), (i, 1, n))), {p, 1 - p},
     sp.Sum(x[i] * sp.log(p) + (1 - x[i]) * sp.log(1 - p), (i, 1, n))),
    (sp.Product(lam ** k[i] * sp.exp(-lam) / sp.factorial(k[i]), (i, 1, n)), {lam},
     sp.exp(sp.Sum(k[i] * sp.log(lam) - lam - sp.log(sp.factorial(k[i])), (i, 1, n)))),
]
#: Products left as they are: a base not known positive (log(x_1 x_2) is not log x_1 + log x_2 for negative
#: x's), a numeric range.
PRODUCTS_KEPT = [
    (sp.log(sp.Product(x[i], (i, 1, n))), set()),
    (sp.log(sp.Product(p ** x[i] * (1 - p) ** (1 - x[i]), (i, 1, n))), {p}),
    (sp.Product(lam ** k[i], (i, 1, 5)), {lam}),
]


@pytest.mark.parametrize(("expr", "positive", "expected"), PRODUCTS, ids=[str(e) for e, _, _ in PRODUCTS])
def test_products_as_sums(expr: sp.Basic, positive: set, expected: sp.Basic) -> None:
    out = products_as_sums(expr, lambda base: base in positive)
    assert not out.has(sp.Product)
    assert sp.simplify(out.doit() - expected.doit()) == 0 if not out.has(sp.Sum) else \
        sp.expand(linear(out, atoms := {}) - linear(expected, atoms)) == 0


@pytest.mark.parametrize(("expr", "positive"), PRODUCTS_KEPT, ids=[str(e) for e, _ in PRODUCTS_KEPT])
def test_products_kept(expr: sp.Basic, positive: set) -> None:
    assert products_as_sums(expr, lambda base: base in positive).has(sp.Product)
