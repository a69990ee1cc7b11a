"""derive.parse.randomvars: the notation of information theory over undeclared random variables, read."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.distributions import randomvars as rv
from derive.parse import ParseError, parse_latex

x, y, a, b = sp.symbols("x y a b")
xr, yr = sp.symbols("x y", real=True)  # the variable of an integral is real
theta, d, thetar = sp.Symbol("theta"), sp.Symbol("d"), sp.Symbol("theta", real=True)
p = {name: rv.mass("p", {name: value}) for name, value in (("X", x), ("Y", y))}
pxy = rv.mass("p", {"X": x, "Y": y})
H, N = rv.entropy, rv.support


def total(body: sp.Expr, *pairs: tuple[sp.Symbol, str]) -> sp.Sum:
    return sp.Sum(body, *((v, 1, N(name)) for v, name in reversed(pairs)))


#: (LaTeX, the expression it reads as), in a text about random variables.
READINGS = [
    (r"H(X)", H({"X"})),
    (r"\mathrm{H}(X, Y)", H({"X", "Y"})),
    (r"H(Y \mid X)", H({"X", "Y"}) - H({"X"})),
    (r"H(Y | X)", H({"X", "Y"}) - H({"X"})),
    (r"I(X; Y)", rv.mutual_information({"X"}, {"Y"})),
    (r"I(X; Y \mid Z)", rv.mutual_information({"X"}, {"Y"}, {"Z"})),
    (r"I(X, Y; Z)", rv.mutual_information({"X", "Y"}, {"Z"})),
    (r"I(X, Y)", rv.mutual_information({"X"}, {"Y"})),  # a comma for the semicolon
    (r"p(x, y)", pxy),
    (r"p(y, x)", pxy),  # the order written is not the variables' order
    (r"P(x)", p["X"]),
    (r"p(X, Y)", pxy),  # capitals for the values, as some texts write
    (r"p(y \mid x)", pxy / p["X"]),
    (r"p(Y = y | X = x)", pxy / p["X"]),
    (r"\mathbb{P}[X = a, Y = b]", rv.mass("p", {"X": a, "Y": b})),
    (r"P(y = 1)", rv.mass("p", {"Y": sp.Integer(1)})),  # the value's letter set: Y at 1
    (r"P(y=1, x=0)", rv.mass("p", {"X": sp.Integer(0), "Y": sp.Integer(1)})),
    (r"\Pr(X = a)", rv.mass("p", {"X": a})),
    (r"q(x)", rv.mass("q", {"X": x})),
    (r"\sum_{x \in \mathcal{X}} p(x)", total(p["X"], (x, "X"))),
    (r"\sum_{x \in D(X)} p(x)", total(p["X"], (x, "X"))),
    (r"\sum_{x, y} p(x, y)", total(pxy, (x, "X"), (y, "Y"))),
    (r"\sum_{x \in X, y \in Y} p(x, y)", total(pxy, (x, "X"), (y, "Y"))),
    (r"\sum_x \sum_y p(x, y)", total(pxy, (x, "X"), (y, "Y"))),
    (r"\sum\limits_{x}{\sum\limits_{y}{p(x, y)}} - 1", total(pxy, (x, "X"), (y, "Y")) - 1),
    (r"\sum_x{p(x) - \sum_y{p(y)}}", total(p["X"], (x, "X")) - total(p["Y"], (y, "Y"))),  # braces invisible
    (r"D(p(x, y) || p(x) p(y))", total(pxy * sp.log(pxy / (p["X"] * p["Y"])), (x, "X"), (y, "Y"))),
    (r"D_{KL}(p(x) \| q(x))", total(p["X"] * sp.log(p["X"] / rv.mass("q", {"X": x})), (x, "X"))),
    # a model's pmf or density: its parameter under the head names no other distribution
    (r"p_{\theta}(x, y)", pxy),
    (r"p_\theta(y \mid x)", pxy / p["X"]),
    (r"q_{\phi}(x)", rv.mass("q", {"X": x})),
    # integrals and expectations over the values a pmf (or density) is of
    (r"\int p(x, y) dy", sp.Integral(rv.mass("p", {"X": x, "Y": yr}), (yr, -sp.oo, sp.oo))),
    (r"\mathbb{E}_{x \sim q_\phi}[\log p(x)]",
     sp.Integral(rv.mass("q", {"X": xr}) * sp.log(rv.mass("p", {"X": xr})), (xr, -sp.oo, sp.oo))),
    (r"E_{p(y \mid x)}[y]", sp.Integral(rv.mass("p", {"X": x, "Y": yr}) / p["X"] * yr, (yr, -sp.oo, sp.oo))),
    # a value written as a Greek letter is the value of the variable named after it: theta of Theta
    (r"p(\theta \mid D)", rv.mass("p", {"Theta": theta, "D": d}) / rv.mass("p", {"D": d})),
    (r"p(D, \theta_1)", rv.mass("p", {"Theta_1": sp.Symbol("theta_1"), "D": d})),
    (r"\mathbb{E}_{q(\theta)}[\log q(\theta)]",
     sp.Integral(rv.mass("q", {"Theta": thetar}) * sp.log(rv.mass("q", {"Theta": thetar})), (thetar, -sp.oo, sp.oo))),
    (r"\mathbb{E}_{\theta \sim q}[\log p(\theta)]",
     sp.Integral(rv.mass("q", {"Theta": thetar}) * sp.log(rv.mass("p", {"Theta": thetar})), (thetar, -sp.oo, sp.oo))),
    (r"\mathrm{KL}(q(\theta) \| p(\theta \mid D))",
     total(rv.mass("q", {"Theta": theta}) * sp.log(rv.mass("q", {"Theta": theta}) * rv.mass("p", {"D": d})
                                                    / rv.mass("p", {"Theta": theta, "D": d})), (theta, "Theta"))),
]


@pytest.mark.parametrize(("tex", "expected"), READINGS, ids=[t for t, _ in READINGS])
def test_reads(tex: str, expected: sp.Expr) -> None:
    assert sp.expand(parse_latex(tex, masses=True) - expected) == 0  # the reader keeps some sums unevaluated


@pytest.mark.parametrize(("tex", "greek", "expected"), [
    (r"q(z \mid \theta)", frozenset(), rv.mass("q", {"Z": sp.Symbol("z")})),  # theta a model's parameter
    (r"q(z \mid \theta)", frozenset({"theta"}),  # theta a variable: the text writes p(theta)
     rv.mass("q", {"Z": sp.Symbol("z"), "Theta": theta}) / rv.mass("q", {"Theta": theta})),
])
def test_a_greek_letter_is_a_value_only_where_the_text_writes_it_so(tex: str, greek: frozenset,
                                                                     expected: sp.Expr) -> None:
    assert sp.simplify(parse_latex(tex, masses=True, greek=greek) - expected) == 0


def test_a_sum_over_a_set_the_text_gives_as_the_values() -> None:
    tex = r"\sum_{a \in A} \mathbb{P}[X = a]"
    assert parse_latex(tex, masses=True, supports={"A": "X"}) == total(rv.mass("p", {"X": a}), (a, "X"))
    some = parse_latex(tex, masses=True)  # A may be some of X's values only: never their whole support
    assert some.limits[0][2] != N("X") and rv.reduce(some) != 1


def test_bits_divide_the_measures() -> None:
    assert parse_latex(r"H(X)", units="bits", masses=True) == H({"X"}) / sp.log(2)


def test_conditional_entropy_at_a_value() -> None:
    read = parse_latex(r"H(Y \mid X = x)", masses=True)
    assert isinstance(read, sp.Mul) and read.has(sp.Sum) and rv.owners(read)[x] == "X"


def test_without_masses_the_forms_are_not_read() -> None:
    assert parse_latex(r"p(x)") == sp.Function("p")(x)
    with pytest.raises(ParseError, match="unknown distribution name 'X'"):
        parse_latex(r"H(X)")
    with pytest.raises(ParseError):
        parse_latex(r"\mathbb{P}[X = a]")


#: Forms that are no random variables' notation, even in such a text: read otherwise or refused.
NOT_THESE = [
    r"H(x)",  # lower case: a function H of x
    r"I(X)",  # I without ';'
    r"I(X, Y, Z)",  # three variables, no ';': which two are measured?
    r"p(x, x)",  # one variable twice
    r"p(x \mid x)",  # conditioned on itself
    r"p(\pi)",  # pi is a number, never a value of a variable
]


@pytest.mark.parametrize("tex", NOT_THESE)
def test_not_these(tex: str) -> None:
    try:
        read = parse_latex(tex, masses=True)
    except ParseError:
        return
    assert not rv.involved(read)


#: A sum written without its index, in a text about random variables: over the values its joint mass is at.
BARE_SUMS = [
    (r"\sum p(x) \log p(x)", total(p["X"] * sp.log(p["X"]), (x, "X"))),
    (r"-\sum p(x, y) \log p(x)", -total(pxy * sp.log(p["X"]), (x, "X"), (y, "Y"))),
    (r"\sum p(x, y) \log \frac{p(x|y)}{p(x)}",
     total(pxy * sp.log(pxy / p["Y"] / p["X"]), (x, "X"), (y, "Y"))),
]


@pytest.mark.parametrize("tex, expected", BARE_SUMS, ids=["one-variable", "joint", "conditional-inside"])
def test_a_bare_sum_runs_over_the_values_of_its_joint_mass(tex: str, expected: sp.Expr) -> None:
    assert sp.expand(parse_latex(tex, masses=True) - expected) == 0


@pytest.mark.parametrize("tex", [
    r"\sum p(y \mid x) \log p(y \mid x)",  # H(Y | X = x): is x summed too? the text does not say
    r"\sum p(x) \log p(y)",  # y is in no mass that weighs the term
    r"\sum \log p(x)",  # no weight at all
])
def test_a_bare_sum_that_leaves_its_range_unsaid_is_refused(tex: str) -> None:
    with pytest.raises(ParseError, match="no limits"):
        parse_latex(tex, masses=True)
