"""Definitions that declare distributions: which equations do, and what they make."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Bernoulli, Normal
from derive.check.definitions import Declaration, declaration, declare, mass_cases, outcome_labels, size_symbol
from derive.distributions.categorical import Categorical
from derive.distributions.indexed import SymbolicCategorical

#: (lhs, relation, rhs, (name, outcome, index, family, arguments) or None)
DECLARATIONS = [
    ("P(H)", "=", "p", ("P", "H", None, None, ())),
    ("Q(T)", "=", "1 - q", ("Q", "T", None, None, ())),
    (r"P\left(H\right)", ":=", "p", ("P", "H", None, None, ())),
    ("P(x_i)", "=", "p_i", ("P", None, "i", None, ())),
    ("P(x_{j})", "=", "p_{j}", ("P", None, "j", None, ())),
    ("P(i)", "=", "p_i", ("P", None, "i", None, ())),
    ("P", "=", r"\mathcal{N}(\mu_1, \sigma_1^2)", ("P", None, None, "normal", (r"\mu_1", r"\sigma_1^2"))),
    ("Q", "~", r"\mathcal{N}(x; \mu_2, \sigma_2^2)", ("Q", None, None, "normal", (r"\mu_2", r"\sigma_2^2"))),
    ("P", "=", r"\mathrm{Bernoulli}(p)", ("P", None, None, "bernoulli", ("p",))),
    ("Q", "=", r"\operatorname{Exp}(\lambda)", ("Q", None, None, "exponential", (r"\lambda",))),
    ("P", "=", r"(p_1, \ldots, p_k)", ("P", None, None, "vector", ("p_1", r"\ldots", "p_k"))),
    ("H(P)", "=", "x", None),  # H is the entropy
    ("E(X)", "=", r"\mu", None),  # E is the expectation
    ("P(x_i)", "=", "q_j", None),  # the index does not match
    ("L(1)", "=", r"\exp(-6.6)", None),  # a likelihood at a candidate value: a function's value
    ("P(1)", "=", r"\frac{1}{6}", ("P", "1", None, None, ())),  # P at the outcome 1 of a die
    ("P(y=1)", "=", "0.7", ("P", "1", None, None, ())),  # P at the label's value 1 (y = 1)
    ("Q(y = 0)", "=", "0.4", ("Q", "0", None, None, ())),
    ("P(X=1)", "=", "0.7", None),  # of a random variable X: a pmf given in full (tables.py), not P's outcome
    ("P(H)", "<", "p", None),
    ("P", "=", "Q", None),
    ("f(x)", "=", "x", None),
    (r"P: \; X", "~", r"\mathrm{Bern}(p_1)", ("P", None, None, "bernoulli", ("p_1",))),  # P names X's distribution
    (r"P: X", "=", r"\mathrm{Bern}(p_1)", None),  # only "P: X \sim ..."
    (r"p(x)", "~", r"\text{Laplace}(\mu_1, b_1)", ("p", None, None, "laplace", (r"\mu_1", "b_1"))),  # a density
    (r"q", "~", r"\mathrm{Poisson}(\lambda)", ("q", None, None, "poisson", (r"\lambda",))),
    (r"x", "~", r"\mathcal{N}(0, 1)", ("X", None, None, "normal", ("0", "1"))),  # the variable X, by its value
    # (not in a text about random variables no one declares: there it is one value drawn, checker.py)
    (r"e", "~", r"\mathcal{N}(0, 1)", None),  # E and H name expectations and entropies, never a variable
]


@pytest.mark.parametrize(("lhs", "relation", "rhs", "expected"), DECLARATIONS,
                         ids=[f"{d[0]} {d[1]} {d[2]}" for d in DECLARATIONS])
def test_declaration(lhs: str, relation: str, rhs: str, expected: tuple | None) -> None:
    found = declaration(lhs, relation, rhs, key=0)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert (found.name, found.outcome, found.index, found.family, found.arguments) == expected


def _declared(*equations: str, texts: tuple[str, ...] = ()):
    found = []
    for k, equation in enumerate(equations):
        lhs, rhs = equation.split(" = ")
        d = declaration(lhs, "=", rhs, k)
        assert d is not None, equation
        found.append(d)
    return declare(found, list(texts) + list(equations))


p, q = sp.symbols("p q")


#: (equations, extra math, the distributions made, keys that set them)
BUILDS = [
    (("P(H) = p", "P(T) = 1 - p", "Q(H) = q"), (),
     (Bernoulli(p), Bernoulli(q, name="Q")), {0, 2}),
    (("P(H) = p",), (), (Bernoulli(p),), {0}),
    (("P(1) = p",), (), (Bernoulli(p, outcomes=("1", "0")),), {0}),
    (("P(a) = p",), (r"\sum_{i \in \{a, b\}} P(i)",), (Bernoulli(p, outcomes=("a", "b")),), {0}),
    (("P(a) = x", "P(b) = y", "P(c) = 1 - x - y"), (),
     (Categorical([sp.Symbol("x"), sp.Symbol("y"), 1 - sp.Symbol("x") - sp.Symbol("y")], outcomes=("a", "b", "c")),),
     {0, 1, 2}),
    (("P(x_i) = p_i",), (r"\sum_{i=1}^{k} p_i",), (SymbolicCategorical(sp.Symbol("k"), name="P"),), {0}),
    (("P = (p_1, \\ldots, p_m)",), (), (SymbolicCategorical(sp.Symbol("m"), name="P"),), {0}),
    (("P = (a, b, c)",), (), (Categorical(list(sp.symbols("a b c"))),), {0}),
    ((r"P = \mathcal{N}(\mu_1, \sigma_1^2)",), (), (Normal(*sp.symbols("mu_1 sigma_1")),), {0}),
    ((r"P = \mathcal{N}(0, 4)",), (), (Normal(0, 2),), {0}),
    # a bare sigma is a standard deviation by its name (the variance is written squared)
    ((r"P = \mathcal{N}(\mu, \sigma)",), (), (Normal(*sp.symbols("mu sigma")),), {0}),
    ((r"P = \mathcal{N}(\mu_1, \sigma_1)",), (), (Normal(*sp.symbols("mu_1 sigma_1")),), {0}),
    # a pmf by cases over its outcomes: the outcome whose value is a plain symbol gives the parameter
    ((r"p(x) = \begin{cases} 1-r & x=0 \\ r & x=1 \end{cases}",), (),
     (Bernoulli(sp.Symbol("r"), name="p", outcomes=("1", "0")),), {0}),
    ((r"P(k) = \begin{cases} a & \text{if } k=1 \\ b & \text{if } k=2 \\ 1 - a - b & \text{if } k=3 \end{cases}",),
     (),
     (Categorical([sp.Symbol("a"), sp.Symbol("b"), 1 - sp.Symbol("a") - sp.Symbol("b")], outcomes=("1", "2", "3")),),
     {0}),
]


@pytest.mark.parametrize(("equations", "texts", "expected", "setting"), BUILDS, ids=[str(b[0]) for b in BUILDS])
def test_declare(equations: tuple, texts: tuple, expected: tuple, setting: set) -> None:
    declared = _declared(*equations, texts=texts)
    assert not declared.problems
    assert declared.distributions == expected
    assert set(declared.made) == setting


@pytest.mark.parametrize(("equations", "fragment"), [
    (("P(a) = p",), "has only the outcome a"),
    (("P(a) = x", "P(c) = z", "Q(b) = y"), "the probabilities of Q at a, c are not given"),
    ((r"P = \mathcal{N}(\mu, v)",), "must be written as a square"),  # v: a variance or a scale?
    ((r"P = \mathcal{N}(\mu, -1)",), "must be written as a square"),
    ((r"P = \mathrm{Bernoulli}(p, q)",), "takes one parameter"),
    ((r"p(x) = \begin{cases} r & x=0 \\ r & x=1 \end{cases}",), "do not add up to 1"),
])
def test_declare_reports_problems_per_declaration(equations: tuple, fragment: str) -> None:
    declared = _declared(*equations)
    assert any(fragment in message for message in declared.problems.values()), declared.problems


#: (right side, the variable, the outcomes and values read): every row must set the variable to its own label
MASS_CASES = [
    (r"\begin{cases} 1-r & x=0 \\ r & x=1 \end{cases}", "x", (("0", "1-r"), ("1", "r"))),
    (r"\begin{cases} p & \text{if } x = 1, \\ 1 - p & \text{if } x = 0. \end{cases}", "x", (("1", "p"), ("0", "1-p"))),
    (r"\begin{cases} p & x = H \\ 1 - p & x = T \end{cases}", "x", (("H", "p"), ("T", "1-p"))),
    (r"\begin{cases} 1-r & x=0 \\ r & \text{otherwise} \end{cases}", "x", ()),  # the support left open
    (r"\begin{cases} 1-r & y=0 \\ r & y=1 \end{cases}", "x", ()),  # another variable's cases
    (r"\begin{cases} 1-r & x=0 \\ r & x=0 \end{cases}", "x", ()),  # one outcome twice
    (r"\begin{cases} 1 & x=0 \end{cases}", "x", ()),  # one outcome
    (r"\begin{cases} e^{-x} & x \ge 0 \\ 0 & x < 0 \end{cases}", "x", ()),  # a density's pieces
]


@pytest.mark.parametrize(("right", "variable", "expected"), MASS_CASES, ids=[m[0][:40] for m in MASS_CASES])
def test_mass_cases(right: str, variable: str, expected: tuple) -> None:
    assert mass_cases(right, variable) == expected


def test_outcomes_and_size_come_from_the_document() -> None:
    decls = [Declaration("P", "p", 0, outcome="T")]
    assert outcome_labels(decls, [r"\sum_{i \in \{H, T\}} P(i)"]) == ("T", "H")
    assert outcome_labels([], [r"\sum_{x \in \left\lbrace 0,1 \right\rbrace} p(x)"]) == ("0", "1")
    assert size_symbol([r"x", r"\sum_{j=1}^{K} p_j"]) == "K"
    assert size_symbol(["no sums"]) == "n"


def test_a_mass_given_by_its_formula_declares_no_outcome_unless_a_family_does() -> None:
    from derive.check.definitions import formulas

    formula = declaration("P(x)", "=", "(1-p)^{x-1} p", 1)
    assert formula is not None and formula.outcome == "x"
    assert formulas([formula]) == []  # a function of x, defined as any other
    family = declaration("P", "=", "\\mathrm{Poisson}(\\lambda)", 2)
    mass = declaration("P(k)", "=", "\\frac{\\lambda^k e^{-\\lambda}}{k!}", 3)
    assert formulas([family, mass]) == [family, mass]  # checked against the family's own mass
