r"""derive.parse.measure_forms, through :func:`derive.parse.parse_latex`: entropies, KL divergences, expectations,
variances and probabilities of declared distributions, and evaluation bars; every misnamed distribution refused.

``tests/parse/test_readings.py`` and ``tests/parse/test_adapter.py`` hold the first tables of these readings;
this one holds others.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import sympy as sp

from derive import Bernoulli, Categorical, Normal
from derive.core.terms import mul
from derive.distributions.base import Distribution
from derive.distributions.measures import KL, CrossEntropy, Entropy, Prob
from derive.distributions.semantics import plain
from derive.parse import ParseError, parse_latex
from derive.parse.measure_forms import outcomes_of

p, q, x, y = sp.symbols("p q x y")
a, b, s, t = sp.symbols("a b s t")
mu, s = sp.Symbol("mu"), sp.Symbol("s", positive=True)
COINS = (Bernoulli(p), Bernoulli(q, name="Q"))
P, Q = COINS
H, T = P.outcomes
NORMALS = (Normal(mu, s, name="P"), Normal(0, 1, name="Q"))
NP, NQ = NORMALS
#: A variable X declared with its law: outcomes 1 and 0.
INDICATOR = (Bernoulli(p, name="X", outcomes=("1", "0")),)
X_ = INDICATOR[0]
CATEGORICAL = (Categorical(sp.symbols("p_1 p_2 p_3", positive=True), name="P"),)


def expected(dist: Distribution, body: Callable[[sp.Basic], sp.Basic]) -> sp.Basic:
    """``E[body(v)]`` under ``dist``: the sum or integral of its mass or density times the body."""
    v = dist.variable
    return dist.sum_over(mul(Prob(dist, v), body(v)), v)


def variance(dist: Distribution, body: Callable[[sp.Basic], sp.Basic]) -> sp.Basic:
    return expected(dist, lambda v: body(v) ** 2) - expected(dist, body) ** 2


#: (LaTeX, distributions, what it reads as)
READS = [
    # entropies: of one distribution, cross-entropy of two; h for a differential entropy
    (r"H(Q)", COINS, Entropy(Q)),
    (r"H(Q) + H(P, P)", COINS, Entropy(Q) + CrossEntropy(P, P)),
    (r"\mathrm{h}(P)", NORMALS, Entropy(NP)),
    (r"h(Q)", NORMALS, Entropy(NQ)),
    (r"h(R)", NORMALS, sp.Function("h")(sp.Symbol("R"))),  # R is no distribution: a function h
    # divergences with every separator and head
    (r"KL(P \parallel Q)", COINS, KL(P, Q)),
    (r"D_{KL}(Q \Vert P)", COINS, KL(Q, P)),
    (r"\operatorname{KL}(P \| Q)", COINS, KL(P, Q)),
    (r"\mathrm{KL}(P(x) \| Q(x))", NORMALS, KL(NP, NQ)),  # each density at its variable: the distributions
    (r"D(P \| Q)", NORMALS, KL(NP, NQ)),
    # expectations: the sum or integral of the mass or density times the body
    (r"\mathbb{E}_{x \sim P}\left[x\right]", NORMALS, expected(NP, lambda v: v)),
    (r"\mathbb{E}_{X \sim Q}[X^2]", NORMALS, expected(NQ, lambda v: v**2)),
    (r"\mathbb{E}_P|x|", NORMALS, expected(NP, lambda v: sp.Abs(v))),
    (r"\mathbb{E}[X]", INDICATOR, expected(X_, lambda v: v)),  # the one distribution declared
    # only the law named below: its variable as the text writes it, X or x (a coin's outcomes 1, 0 included)
    (r"\mathbb{E}_P[X]", NORMALS, expected(NP, lambda v: v)),
    (r"\mathbb{E}_{P}[x^2]", NORMALS, expected(NP, lambda v: v**2)),
    (r"\mathbb{E}_P[X]", (Bernoulli(p, name="P", outcomes=("1", "0")),),
     expected(Bernoulli(p, name="P", outcomes=("1", "0")), lambda v: v)),
    (r"E[X^2] - E[X]^2", INDICATOR, expected(X_, lambda v: v**2) - expected(X_, lambda v: v) ** 2),
    # variances under the one distribution declared
    (r"\mathrm{Var}(X)", INDICATOR, variance(X_, lambda v: v)),
    (r"\mathrm{Var}(2X + 1)", NORMALS[:1], variance(NP, lambda v: 2 * v + 1)),
    (r"\operatorname{Var}[X]", NORMALS[:1], variance(NP, lambda v: v)),
    (r"V(x)", NORMALS[:1], variance(NP, lambda v: v)),
    (r"\mathbb{V}(X)", NORMALS[:1], variance(NP, lambda v: v)),
    # probabilities: at an outcome, a named event, a value, a number, a bound index
    (r"P(T) + Q(H)", COINS, Prob(P, T) + Prob(Q, H)),
    (r"Q(y=T)", COINS, Prob(Q, T)),
    (r"X(1) + P(X = 0)", INDICATOR, Prob(X_, X_.outcomes[0]) + Prob(X_, X_.outcomes[1])),
    (r"P(2)", NORMALS, Prob(NP, sp.Integer(2))),
    (r"Q(x)", NORMALS, Prob(NQ, NQ.variable)),
    (r"P(y)", NORMALS, Prob(NP, y)),  # a letter of no one's: the density at that point
    (r"\sum_{i=1}^{3} P(x_i)", CATEGORICAL,  # numbered outcomes: the i-th outcome's probability
     sp.Sum(Prob(CATEGORICAL[0], sp.Symbol("i")), (sp.Symbol("i"), 1, 3))),
    # evaluation bars and brackets between limits
    (r"\left. x^3 \right|_{x=-1}", (), sp.Subs(x**3, x, -1)),
    (r"\left[ x^2 \right]_{1}^{2}", (), sp.Subs(x**2, x, 2) - sp.Subs(x**2, x, 1)),
    (r"\left. e^{-x} \right|_{0}^{\infty}", (), sp.Limit(sp.exp(-x), x, sp.oo, "-") - sp.Subs(sp.exp(-x), x, 0)),
    # a bracket that does not name its variable: the one symbol not in its limits, else the one integrated
    (r"\left[ x \ln(b - a) \right]_a^b", (), sp.Subs(x * sp.log(b - a), x, b) - sp.Subs(x * sp.log(b - a), x, a)),
]


@pytest.mark.parametrize(("tex", "dists", "expected_"), READS, ids=[r[0] for r in READS])
def test_reads(tex: str, dists: tuple, expected_: sp.Basic) -> None:
    parsed = parse_latex(tex, dists)
    assert plain(parsed) == plain(expected_), f"{tex!r} read as {sp.srepr(parsed)}"


@pytest.mark.parametrize("head, reads", [("p", True), ("f", True), ("q", False), ("g", False)])
def test_the_mass_of_a_declared_variable_names_its_law_under_an_expectation(head: str, reads: bool) -> None:
    from derive.distributions.families import Binomial

    n, p_ = sp.Symbol("n", integer=True, positive=True), sp.Symbol("p")
    X = Binomial(n, p_, name="X")
    tex = rf"\mathbb{{E}}_{{{head}(x)}}[x]"  # X \sim Bin(n, p): p(x), f(x) are its mass
    if reads:
        read = parse_latex(tex, (X,))
        assert read.has(sp.Sum) and {e.dist for e in read.atoms(Prob)} == {X}  # a sum of x against X's mass
    else:  # q(x) is another law's, g(x) no law's
        with pytest.raises(ParseError, match="unknown distribution name"):
            parse_latex(tex, (X,))


def test_a_bracket_s_variable_is_the_one_its_formula_integrates_over() -> None:
    read = parse_latex(r"\left[ t s \right]_{0}^{1} + \int_0^1 s \, dt")  # t, not s: the formula has dt
    assert sp.sstr(read.doit()) == "2*s"  # (s as the reader makes it: a symbol of the formula)


def test_a_sum_over_an_index_reads_p_of_x_i_by_the_outcomes() -> None:
    """Over numbered outcomes ``P(x_i)`` is the i-th outcome's probability; over a density, its value at datum i."""
    numbered = parse_latex(r"\sum_{i=1}^{3} P(x_i)", CATEGORICAL)
    data = parse_latex(r"\sum_{i=1}^{3} P(x_i)", NORMALS)
    assert not numbered.has(sp.Indexed) and data.has(sp.Indexed)


#: (LaTeX, distributions, the start of the one-line error)
REFUSES = [
    (r"H(Q, P, Q)", COINS, "H(...) at offset 0 takes one or two distributions, got 3"),
    (r"KL(P)", COINS, r"'KL(P)' at offset 0: KL needs two distribution names separated by \Vert, \| or ||"),
    (r"KL(P \| Q \| P)", COINS, "'KL(P \\| Q \\| P)' at offset 0: KL needs two distribution names"),
    (r"KL(P \| P + Q)", COINS, "'KL(P \\| P + Q)' at offset 0: KL needs two distribution names"),
    (r"KL(P \| x)", COINS, "unknown distribution name 'x' at offset 8 (known: P, Q)"),
    (r"\mathbb{E}_{R}[x]", COINS, "unknown distribution name 'R' at offset 12 (known: P, Q)"),
    (r"\mathbb{E}[x]", COINS, "the expectation at offset 0 must name its distribution"),
    (r"\mathbb{E}_{P}x", COINS, "the expectation at offset 0 must be written"),
    (r"\mathbb{E}_{x \sim P \sim Q}[x]", NORMALS, "the expectation at offset 0 must be written"),
    (r"\mathbb{E}_{xy \sim P}[x]", NORMALS, "the expectation at offset 0 must be written"),
    (r"\mathbb{E}_{P}[Y]", NORMALS, "the expectation at offset 0 is under P, whose variable is not Y"),
    (r"\mathrm{Var}(Y)", NORMALS[:1], "the variance of Y at offset 0: Y is not the variable of P"),
    (r"P(X = 2)", INDICATOR, "'2' at offset 2 is not an outcome of X (1, 0)"),
    (r"P(Z)", COINS, "'Z' at offset 2 is not an outcome of P (H, T) nor a summation index"),
    (r"\left. x y \right|_{x+y=1}", (), "the evaluation bar at offset 17 must name one variable, not x + y"),
    (r"\left. x \right|_{x=1=2}", (), "the evaluation bar at offset 15 must be written"),
    (r"\left[ t s \right]_{0}^{1}", (), "the evaluation bar at offset 17 must name its variable"),  # t or s?
]


@pytest.mark.parametrize(("tex", "dists", "message"), REFUSES, ids=[r[0] for r in REFUSES])
def test_refuses(tex: str, dists: tuple, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_latex(tex, dists)
    assert str(caught.value).startswith(message), caught.value
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(("dist", "expected"), [
    (COINS[0], (H, T)),
    (INDICATOR[0], INDICATOR[0].outcomes),
    (CATEGORICAL[0], CATEGORICAL[0].outcomes),
    (NORMALS[0], ()),  # a density has no named outcomes
], ids=["coin", "indicator", "categorical", "normal"])
def test_outcomes_of(dist: Distribution, expected: tuple) -> None:
    assert outcomes_of(dist) == tuple(expected)


def test_p_of_i_of_a_categorical_on_n_outcomes_is_its_i_th_probability() -> None:
    from derive.distributions.indexed import SymbolicCategorical

    n = sp.Symbol("n", integer=True, positive=True)
    P = SymbolicCategorical(n, "P", "p")
    assert parse_latex("P(i)", (P,)) == Prob(P, P.variable)  # the generic outcome: p_i
    with pytest.raises(ParseError, match="'j' at offset 2 is not an outcome of P"):
        parse_latex("P(j)", (P,))  # another letter is no outcome the text names
