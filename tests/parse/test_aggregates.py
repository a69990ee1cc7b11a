"""derive.parse.aggregates: sums as written, and the terms after a sum that are in it."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.parse import parse_latex

N, n, i, k, p = sp.symbols("N n i k p")
x, a, b = sp.IndexedBase("x"), sp.IndexedBase("a"), sp.IndexedBase("b")


#: (LaTeX, what it reads as): a term after a sum that uses its index is in the sum; one that does not stays out.
SCOPES = [
    (r"\sum_{n=1}^N x_n \log{p} + (1 - x_n) \log{(1 - p)}",
     sp.Sum(x[n] * sp.log(p) + (1 - x[n]) * sp.log(1 - p), (n, 1, N))),
    (r"\sum_{i=1}^{n} x_i + n \log p", sp.Sum(x[i], (i, 1, n)) + n * sp.log(p)),  # n is the count, not the index
    (r"\sum_{k=0}^{n} k + k^2", sp.Sum(k + k**2, (k, 0, n))),
    (r"\sum_{i=1}^{n} a_i + \sum_{i=1}^{n} b_i", sp.Sum(a[i], (i, 1, n)) + sp.Sum(b[i], (i, 1, n))),
    (r"p + \sum_{i=1}^{n} x_i", p + sp.Sum(x[i], (i, 1, n))),
]


@pytest.mark.parametrize(("tex", "expected"), SCOPES, ids=[t for t, _ in SCOPES])
def test_terms_after_a_sum_that_use_its_index_are_in_it(tex: str, expected: sp.Basic) -> None:
    got = parse_latex(tex)
    values = {N: 4, n: 3, p: sp.Rational(1, 3)}
    entries = {x[j]: j + 1 for j in range(6)} | {a[j]: 2 * j for j in range(6)} | {b[j]: j ** 2 for j in range(6)}

    def valued(e: sp.Basic) -> sp.Basic:
        return e.subs(values).doit().subs(entries)

    assert sp.simplify(valued(got) - valued(expected)) == 0
    assert len([t for t in sp.Add.make_args(got) if isinstance(t, sp.Sum)]) == \
        len([t for t in sp.Add.make_args(expected) if isinstance(t, sp.Sum)])
