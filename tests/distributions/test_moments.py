"""derive.distributions.moments: expectations of a variable no one declares, reduced by linearity alone."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Domain, Status
from derive.distributions.moments import Expect, constant, involved, moments, stated, variables
from derive.verify import check_equal, check_relation

X, Y = sp.symbols("X Y")
a, c, p = sp.symbols("a c p")
k, n = sp.symbols("k n")
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
    (Expect(sp.exp(c * X)), sp.Function("E[exp(X*c)]", real=True)(c)),  # a function of the names it holds
    (Expect(sp.Derivative(X * sp.log(p) + (1 - X) * sp.log(1 - p), p)), M1 / p - (1 - M1) / (1 - p)),  # the body's
    (Expect(a**(1 - X) * a**(X - 1) * X), M1),  # powers of one base, one power
    # no capital letter: the names listed are random, only numbers come out
    (Expect(2 * a * c + 3, sp.Tuple(a, c)), 2 * sp.Symbol("E[a*c]", real=True) + 3),
    (Expect(a * Expect(a, sp.Tuple(a)), sp.Tuple(a)), sp.Symbol("E[a]", real=True)**2),  # the inner one is a number
    (Expect(sp.Sum(sp.IndexedBase("e")[k], (k, 1, n)), sp.Tuple(sp.Symbol("e"))),  # through a sum, n no variable
     sp.Sum(sp.Symbol("E[e[k]]", real=True), (k, 1, n))),  # the entries of one sample: copies
]


Xs, i, n, mu, s2 = sp.IndexedBase("X"), sp.Symbol("i"), sp.Symbol("n"), sp.Symbol("mu"), sp.Symbol("s2")
#: (expression, its reduced form) when the text states E[X] = mu and Var(X) = s2
STATED = [
    (Expect(sp.Sum(Xs[i], (i, 1, n)) / n), sp.Sum(mu, (i, 1, n)) / n),  # through a sum over the sample
    (Expect(Xs[i]**2 - 2 * mu * Xs[i]), s2 + mu**2 - 2 * mu**2),  # each entry has the stated moments
    (Expect(X**2), s2 + mu**2),
    (Expect(X**3), sp.Symbol("E[X**3]", real=True)),  # not stated: unknown
    (Expect(Xs[i] * Xs[sp.Symbol("j")]), sp.Function("E[X[i]*X[j]]", real=True)(i, sp.Symbol("j"))),  # i = j?
    (Expect(Y), sp.Symbol("E[Y]", real=True)),  # another variable
    (Expect(sp.Sum(Xs[i], (i, 1, X))), sp.Symbol("E[Sum(X[i], (i, 1, X))]", real=True)),  # a random range
    (Expect(sp.Symbol("X_1") + 2 * sp.Symbol("X_2")**2), mu + 2 * (s2 + mu**2)),  # entries written X_1, X_2
    (Expect(sp.Symbol("Xbar")), sp.Symbol("E[Xbar]", real=True)),  # a statistic: no stated moment of its own
]


@pytest.mark.parametrize(("expr", "reduced"), STATED, ids=[str(r[0]) for r in STATED])
def test_stated_moments(expr: sp.Basic, reduced: sp.Basic) -> None:
    with stated({"X": (mu, s2)}):
        assert sp.expand(moments(expr) - reduced) == 0
    assert moments(Expect(X)) == M1  # only within the block


@pytest.mark.parametrize(("expr", "reduced"), REDUCED, ids=[str(r[0]) for r in REDUCED])
def test_moments(expr: sp.Basic, reduced: sp.Basic) -> None:
    assert sp.expand(moments(expr) - reduced) == 0


def test_variables_are_capital_letters() -> None:
    assert variables(X * p + Y) == {X, Y} and variables(p * a) == set()
    assert involved(Expect(X) + 1) and not involved(X + 1)


@pytest.mark.parametrize(("name", "random"), [
    ("X_1", True), ("X_{12}", True), ("Xbar", True), ("Xhat_n", True), ("Xtilde", True),
    ("x_1", False), ("XY", False), ("Xbar_", False), ("mu", False), ("Loss", False),
])
def test_variables_are_decorated_or_subscripted_capitals(name: str, random: bool) -> None:
    assert variables(sp.Symbol(name) + p) == ({sp.Symbol(name)} if random else set())


def test_a_constant_is_made_of_stated_moments() -> None:
    with stated({"X": (mu, s2)}):
        assert constant(mu**2) and constant(mu + s2) and not constant(mu * X) and not constant(p)
    assert not constant(mu**2)  # nothing stated: mu may be anything


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
    (Expect((a - Expect(a, sp.Tuple(a)))**2, sp.Tuple(a)), Expect(a**2, sp.Tuple(a)) - Expect(a, sp.Tuple(a))**2,
     Status.PROVED),
    (Expect(c * a, sp.Tuple(a, c)), c * Expect(a, sp.Tuple(a)), Status.UNKNOWN),  # c may vary too
    # E[e^{tX}] is a function of t: its derivative is no 0 (it was, when the moment was a constant symbol)
    (sp.Derivative(Expect(sp.exp(c * X)), c), sp.Integer(0), Status.UNKNOWN),
    (sp.Derivative(Expect(c * X**2), c), Expect(X**2), Status.PROVED),
    (Expect(a**2, sp.Tuple(a)), Expect(a, sp.Tuple(a))**2, Status.UNKNOWN),
]


@pytest.mark.parametrize(("lhs", "rhs", "status"), CLAIMS, ids=[f"{c[0]} = {c[1]}" for c in CLAIMS])
def test_claims(lhs: sp.Basic, rhs: sp.Basic, status: Status) -> None:
    assert check_equal(lhs, rhs, Domain()).status is status


def test_a_bound_on_expectations_is_not_checked() -> None:
    verdict = check_relation(Expect(X**2), Expect(X)**2, ">=", Domain())
    assert verdict.status is Status.UNKNOWN and "not checked" in verdict.reason
