"""derive.moments: expectations of a variable no one declares, reduced by linearity alone."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Domain, Status
from derive.moments import Expect, involved, moments, variables
from derive.verify import check_equal, check_relation

X, Y = sp.symbols("X Y")
a, c, p = sp.symbols("a c p")
M1, M2 = sp.Symbol("E[X]", real=True), sp.Symbol("E[X**2]", real=True)

#: (expression, its reduced form)
REDUCED = [
    (Expect(X), M1),
    (Expect(2 * X + 3), 2 * M1 + 3),
    (Expect(c * X**2 - a), c * M2 - a),  # what is free of the variables comes out
    (Expect((X - Expect(X))**2), M2 - M1**2),  # innermost first: E(X) is a number outside
    (Expect(Expect(X)**2), M1**2),  # the expectation of a constant is itself
    (Expect(X * Y), sp.Symbol("E[X*Y]", real=True)),  # no independence assumed
    (Expect(sp.log(X)), sp.Symbol("E[log(X)]", real=True)),
]


@pytest.mark.parametrize(("expr", "reduced"), REDUCED, ids=[str(r[0]) for r in REDUCED])
def test_moments(expr: sp.Basic, reduced: sp.Basic) -> None:
    assert sp.expand(moments(expr) - reduced) == 0


def test_variables_are_capital_letters() -> None:
    assert variables(X * p + Y) == {X, Y} and variables(p * a) == set()
    assert involved(Expect(X) + 1) and not involved(X + 1)


#: (lhs, rhs, status): proved for every distribution, else unknown; never refuted (the moments of one law are no
#: independent numbers, and a text may mean a law it only describes).
CLAIMS = [
    (Expect(X**2) - Expect(X)**2, Expect((X - Expect(X))**2), Status.PROVED),
    (Expect(2 * X + 3), 2 * Expect(X) + 3, Status.PROVED),
    (Expect(X**2) + Expect(X)**2, Expect((X - Expect(X))**2), Status.UNKNOWN),  # false: never proved
    (Expect(X * Y), Expect(X) * Expect(Y), Status.UNKNOWN),  # only for uncorrelated X, Y
    (Expect(X**2), Expect(X)**2, Status.UNKNOWN),
    (Expect(sp.log(X)), sp.log(Expect(X)), Status.UNKNOWN),
    (Expect(X), p / (1 - p), Status.UNKNOWN),  # true of the law the text describes, perhaps: never refuted
]


@pytest.mark.parametrize(("lhs", "rhs", "status"), CLAIMS, ids=[f"{c[0]} = {c[1]}" for c in CLAIMS])
def test_claims(lhs: sp.Basic, rhs: sp.Basic, status: Status) -> None:
    assert check_equal(lhs, rhs, Domain()).status is status


def test_a_bound_on_expectations_is_not_checked() -> None:
    verdict = check_relation(Expect(X**2), Expect(X)**2, ">=", Domain())
    assert verdict.status is Status.UNKNOWN and "not checked" in verdict.reason
