r"""Notation a reader could take for something else: each form is read one way, or refused as ambiguous.

``\frac{d}{dx}`` is a derivative (never d/(d x)), ``f(x)`` a function applied unless ``f``
is declared a number, ``\log x^2`` is log(x^2), ``2 3`` is no number, and no symbol the
parser makes has a sign of its own.  Each table is read through :func:`derive.parse.parse_latex`;
the end-to-end tests go through :func:`derive.testing.assert_identity` and ``derive check``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp

from derive import Bernoulli, Laplace, Normal
from derive.check import check_text
from derive.distributions.indexed import SymbolicCategorical
from derive.distributions.measures import Prob
from derive.distributions.measures import KL
from derive.distributions.moments import Expect
from derive.parse import ParseError, parse_latex
from derive.parse.aggregates import sample_ranges
from derive.parse.calculus import LAGRANGE
from derive.testing import assert_identity

from tests.parse.readings import assert_reads, assert_refuses

p, q, x, y, t, z, n, i, w = sp.symbols("p q x y t z n i w")
k_ = sp.Symbol("k")
COINS = (Bernoulli(p), Bernoulli(q, name="Q"))
mu, b = sp.Symbol("mu"), sp.Symbol("b", positive=True)
NORMALS = (Normal(mu, b, name="P"), Normal(0, 1, name="Q"))
LAPLACES = (Laplace(mu, b, name="X"), Normal(0, 1, name="P"))
DENSITIES = (Laplace(mu, b, name="p"), Normal(0, 1, name="q"))  # declared lower-case, as densities


def _expected(dist, body) -> sp.Basic:
    """``E[body(v)]`` under ``dist``, as the reader writes it: the integral of the density times the body."""
    v = dist.variable
    return sp.Integral(body(v) * Prob(dist, v), (v, -sp.oo, sp.oo))
CATEGORICALS = (SymbolicCategorical(n, name="P"), SymbolicCategorical(n, name="Q"))
K, PK, N = CATEGORICALS[0].variable, CATEGORICALS[0].base, CATEGORICALS[0].n
f, g, h = sp.Function("f"), sp.Function("g"), sp.Function("h")
d = sp.Derivative
log = sp.log


def derivative(expr: sp.Basic, variable: sp.Symbol, order: int = 1) -> sp.Derivative:
    return d(expr, (variable, order), evaluate=False)


X_ = sp.Symbol("X")
X_R, Y_R, Z_ = sp.symbols("x y z", real=True)  # integration variables are real
A, b_ = sp.symbols("a b")

#: (LaTeX, distributions, symbols declared, what it reads as).
READS = [
    # function application, unless the name is a number
    (r"f(x)", (), (), f(x)),
    (r"g(x+1)", (), (), g(x + 1)),
    (r"h(x, y)", (), (), h(x, y)),
    (r"f_1(x) + f_{2}(x)", (), (), sp.Function("f_1")(x) + sp.Function("f_2")(x)),
    (r"\phi(x)", (), (), sp.Function("phi")(x)),
    (r"f(x)^{2}", (), (), f(x) ** 2),
    (r"f\left(f(x)\right)", (), (), f(f(x))),
    (r"p(1 - p)", COINS, (), p * (1 - p)),  # a distribution's parameter
    (r"q (1 - q) + p(x)", COINS, (), q * (1 - q) + p * x),
    (r"x(1 - x)", (), (x,), x * (1 - x)),  # a symbol declared (an assumption bounds it)
    (r"e(1 - x) + \pi(1 - x)", (), (), sp.E * (1 - x) + sp.pi * (1 - x)),
    (r"\sum_{i=1}^{n} p_{i} (1 - p_{i})", CATEGORICALS, (), sp.Sum(PK[K] * (1 - PK[K]), (K, 1, N))),
    (r"\sum_{k=1}^{n} k(k + 1)", (), (), sp.Sum(sp.Symbol("k") * (sp.Symbol("k") + 1), (sp.Symbol("k"), 1, n))),
    # a logarithm without brackets takes the product that follows; a power on \log is a power of the logarithm
    (r"\log x^2", (), (), log(x**2)),
    (r"\ln x^{2}", (), (), log(x**2)),
    (r"\log x^2 y", (), (), log(x**2 * y)),
    (r"\log x y", (), (), log(x * y)),
    (r"\log 2 \pi e \sigma^{2}", (), (), log(2 * sp.pi * sp.E * sp.Symbol("sigma") ** 2)),
    (r"\log^2 x", (), (), log(x) ** 2),
    (r"\log^{2} x y", (), (), log(x * y) ** 2),
    (r"\log^{2}(x)", (), (), log(x) ** 2),
    (r"\log(x)^{2}", (), (), log(x) ** 2),
    (r"\log(x) y", (), (), y * log(x)),
    (r"\log [x] y", (), (), y * log(x)),
    (r"\log x \log y", (), (), log(x) * log(y)),
    (r"\log \log x", (), (), log(log(x))),
    (r"\log x^2 + 1", (), (), log(x**2) + 1),
    (r"\frac{\log x^{2}}{y}", (), (), log(x**2) / y),
    (r"\log_2 x^2", (), (), log(x**2) / log(2)),
    (r"\log \frac{p}{q}", COINS, (), log(p / q)),
    (r"\log k!", (), (), log(sp.factorial(sp.Symbol("k")))),
    (r"\log |x|", (), (), log(sp.Abs(x))),
    # numbers
    (r"23", (), (), sp.Integer(23)),
    (r"2 \cdot 3", (), (), sp.Integer(6)),
    (r"2 \times 3", (), (), sp.Integer(6)),
    (r"2(3)", (), (), sp.Integer(6)),
    (r"2 (3)^{2}", (), (), sp.Integer(18)),
    (r"x^2 3", (), (), 3 * x**2),  # an exponent, then a factor
    (r"2 \frac{1}{2}", (), (), sp.Integer(1)),
    # a name alone only inside its own argument is a value: x(1 - x), \sigma(1 - \sigma), p_j(1 - p_j) are products
    (r"x(1-x) + \sigma(1 - \sigma) + p_j(1-p_j)", (), (),
     x * (1 - x) + sp.Symbol("sigma") * (1 - sp.Symbol("sigma")) + sp.Symbol("p_j") * (1 - sp.Symbol("p_j"))),
    # parameters after a semicolon or a bar are more arguments, of a function other than the joint f(x, mu)
    (r"s(\theta;X) + f(x; \mu, \sigma)", (), (), sp.Function("s|1")(sp.Symbol("theta"), X_)
     + sp.Function("f|1")(x, sp.Symbol("mu"), sp.Symbol("sigma"))),
    (r"f(x \mid \mu, \sigma^2) - f(x | \mu, \sigma^2) + g(x, y | z)", (), (),
     sp.Function("g|2")(x, sp.Symbol("y"), sp.Symbol("z"))),
    (r"f(x \mid \mu) - f(x, \mu)", (), (), sp.Function("f|1")(x, sp.Symbol("mu")) - f(x, sp.Symbol("mu"))),
    (r"f(|x|) + g(|x| + |y|)", (), (), f(sp.Abs(x)) + g(sp.Abs(x) + sp.Abs(sp.Symbol("y")))),  # bars of |x|
    # the differential first, as physicists write: the integrand is the rest of the term
    (r"\int_0^1 \mathrm dz\, z^2 + 1", (), (), sp.Integral(Z_**2, (Z_, 0, 1)) + 1),
    (r"\int dx \int dy\, f(x, y)", (), (), sp.Integral(f(X_R, Y_R), (X_R, -sp.oo, sp.oo), (Y_R, -sp.oo, sp.oo))),
    (r"\int_0^1 dx = 1", (), (), sp.Eq(sp.Integral(1, (X_R, 0, 1)), 1)),
    # \log of a fraction written without braces: the product that follows
    (r"\log \frac{x}{y} t", (), (), log(x * t / y)),
    # the evaluation bar on any expression
    (r"\left. x^2 + 1 \right|_{x=2}", (), (), sp.Subs(x**2 + 1, x, 2)),
    (r"\left. y + \frac{d}{dx} x^2\right|_{x=1}", (), (), sp.Subs(y + derivative(x**2, x), x, 1)),
    # a density at the i-th value of the data, never at i
    (r"\sum_{i=1}^{n} \log P(x_i)", NORMALS, (),
     sp.Sum(log(Prob(NORMALS[0], sp.IndexedBase("x")[i])), (i, 1, n))),
    # an expectation under a declared density, with brackets, parentheses or bars
    (r"E_p(x)", DENSITIES, (), _expected(DENSITIES[0], lambda v: v)),
    (r"E_{x \sim p}\left( x^2 \right)", DENSITIES, (), _expected(DENSITIES[0], lambda v: v**2)),
    (r"E_p|x - \mu|", DENSITIES, (), _expected(DENSITIES[0], lambda v: sp.Abs(v - mu))),
    (r"E_r(x)", DENSITIES, (), sp.Function("E_r")(sp.Symbol("x", real=True))),  # r names nothing: a function
    (r"D(P || Q)", DENSITIES, (), KL(*DENSITIES)),  # P, Q of the densities p, q the text declares
    # functions named by words, upright or typed plainly: one function, never a product of letters
    (r"\mathrm{MSE}(w)", (), (), sp.Function("MSE")(w)),
    (r"\operatorname{softmax}(z)", (), (), sp.Function("softmax")(z)),
    (r"\text{pdf}(x) + cdf(x)", (), (), sp.Function("pdf")(x) + sp.Function("cdf")(x)),
    (r"softmax^2(z)", (), (), sp.Function("softmax")(z) ** 2),
    (r"\operatorname{ReLU}(x) + relu(-x)", (), (), sp.Max(0, x) + sp.Max(0, -x)),
    (r"\mathrm{softplus}(z)", (), (), sp.log(1 + sp.exp(z))),
    # a function applied to a lower-case name: H(p), F(x) (H(P) names a distribution)
    (r"H(p)", (), (), sp.Function("H")(p)),
    (r"\mathcal{L}", (), (), sp.Symbol("Lcal")),
    (r"\mathrm{ELBO} - \operatorname{MSE}", (), (), sp.Symbol("ELBO") - sp.Symbol("MSE")),  # upright names
    (r"x + \mathrm{const}", (), (), x + sp.Symbol("const")),
    # sums over a sample: without limits, i runs from 1 to the formula's N (else n); x_i is the i-th x
    (r"\sum x_i", (), (), sp.Sum(sp.IndexedBase("x")[i], (i, 1, n))),
    (r"\sum_i (x_i - p)", (), (), sp.Sum(sp.IndexedBase("x")[i] - p, (i, 1, n))),
    (r"\sum_{i=1}^{N} k_i - \sum k_i", (), (), sp.Integer(0)),
    # products: the body runs to the end of the term, as a sum's does; without limits over the sample
    (r"\prod_{i=1}^{n} p^{x_i} (1 - p)^{1 - x_i} + 1", (), (),
     sp.Product(p ** sp.IndexedBase("x")[i] * (1 - p) ** (1 - sp.IndexedBase("x")[i]), (i, 1, n)) + 1),
    (r"\prod_i x_i", (), (), sp.Product(sp.IndexedBase("x")[i], (i, 1, n))),
    # every term but one; a name the formula sums over by its subscript is a number elsewhere (y_k, not y_k(...))
    (r"\sum_{i \neq k} x_i", (), (), sp.Sum(sp.IndexedBase("x")[i], (i, 1, n)) - sp.IndexedBase("x")[sp.Symbol("k")]),
    (r"y_k (1 - p) + \sum_i y_i", (), (), sp.Symbol("y_k") * (1 - p) + sp.Sum(sp.IndexedBase("y")[i], (i, 1, n))),
    (r"\log \prod_{i=1}^{n} x_i", (), (), log(sp.Product(sp.IndexedBase("x")[i], (i, 1, n)))),
    (r"D(P||Q)", COINS, (), KL(*COINS)),  # KL written other ways
    (r"KL(P, Q)", COINS, (), KL(*COINS)),
    (r"\mathrm{KL}[P \| Q]", COINS, (), KL(*COINS)),
    (r"D_\text{KL}(P \| Q)", COINS, (), KL(*COINS)),
    (r"D(x)", (), (), sp.Function("D")(x)),  # no two distributions: a function
    (r"|x - 1| + 3", (), (), sp.Abs(x - 1) + 3),  # an absolute value is one factor, whatever signs it holds
    (r"|x| - |y|", (), (), sp.Abs(x) - sp.Abs(y)),
    # a one-letter exponent is one token, so p^k (1-p) is a product, never k applied
    (r"x^k (1 - x)", (), (), x**k_ * (1 - x)),
    # p names P (its density) where no p is declared; Bernoulli(p)'s p stays the parameter
    (r"p(x) - q(x)", NORMALS, (), Prob(NORMALS[0], NORMALS[0].variable) - Prob(NORMALS[1], NORMALS[1].variable)),
    (r"D(p \| q)", NORMALS, (), KL(*NORMALS)),
    (r"\mathbb{E}_p[x] - E_{q}[x]", NORMALS, (),
     _expected(NORMALS[0], lambda v: v) - _expected(NORMALS[1], lambda v: v)),
    (r"p (1 - p)", COINS, (), p * (1 - p)),
    # among several distributions, an expectation without a subscript is of the one named inside
    (r"E[|X - \mu|]", LAPLACES, (), _expected(LAPLACES[0], lambda v: sp.Abs(v - mu))),
    (r"\mathbb{E}[P^2]", LAPLACES, (), _expected(LAPLACES[1], lambda v: v**2)),
    (r"\int x^2 P(x) dx - E(x^2)", NORMALS, (), sp.Integer(0)),  # under the one applied: the same integral
    (r"\int P(X) dx", NORMALS, (), _expected(NORMALS[0], lambda v: 1)),  # X, P's random variable: its value x
    (r"\sum_{x \in \mathcal{X}} P(x) - P(X = H) - P(X=T)", COINS, (),  # over every outcome; P(X = H) is P(H)
     parse_latex(r"\sum_{x \in \{H, T\}} P(x) - P(H) - P(T)", COINS)),
    (r"P(y = H) + P(y=T)", COINS, (), parse_latex(r"P(H) + P(T)", COINS)),  # a label's letter set: y = H
    # evaluation bars and brackets between limits: F(b) - F(a), an infinite end as a limit
    (r"\left. x^2 \right|_{0}^{1}", (), (), sp.Subs(x**2, x, 1) - sp.Subs(x**2, x, 0)),
    (r"\left. x^2 y \right|_{x=0}^{1}", (), (), sp.Subs(x**2 * y, x, 1) - sp.Subs(x**2 * y, x, 0)),
    (r"\left[ -e^{-x} \right]_{0}^{\infty}", (), (),
     sp.Limit(-sp.exp(-x), x, sp.oo, "-") - sp.Subs(-sp.exp(-x), x, 0)),
    # a function indexed by a parameter; entries with two indices
    (r"h_\theta(x) + q_{\phi}(z)", (), (), sp.Function(r"h_{\theta}")(x) + sp.Function(r"q_{\phi}")(z)),
    (r"\sum_{i=1}^{n} x_{ij}", (), (), sp.Sum(sp.IndexedBase("x")[i, sp.Symbol("j")], (i, 1, n))),
    (r"\sum_{i=1}^{n} x_{i,j} y_i", (), (),
     sp.Sum(sp.IndexedBase("x")[i, sp.Symbol("j")] * sp.IndexedBase("y")[i], (i, 1, n))),
    (r"\sum_{i=1}^{n} x_{ML}", (), (), sp.Sum(sp.Symbol("x_{ML}"), (i, 1, n))),  # no index in it: a symbol
    # expectations and variances of a variable no one declares: for every distribution of it
    (r"E(X^2)-E^2(X)", (), (), Expect(X_**2) - Expect(X_)**2),
    (r"\mathbb{E}[(X - E(X))^2]", (), (), Expect((X_ - Expect(X_))**2)),
    (r"Var(X)", (), (), Expect(X_**2) - Expect(X_)**2),
    (r"\text{Var}(X)", (), (), Expect(X_**2) - Expect(X_)**2),
    (r"E(x)", (), (), sp.Function("E")(x)),  # no capital letter inside: a function
    (r"E_p\left(X^2\right) + \mathbb{E}_{\theta}[X]", (), (), Expect(X_**2) + Expect(X_)),  # of a parameter
    # \pi applied to one name (or given a bar) is a prior or posterior density; pi times a bracket otherwise
    (r"\pi(\theta)", (), (), sp.Function("pi")(sp.Symbol("theta"))),
    (r"2\pi(x - 1)", (), (), 2 * sp.pi * (x - 1)),
    # a bold E is the expectation
    (r"\mathbf{E}[X_1 + 2]", (), (), Expect(sp.Symbol("X_1") + 2)),
    # no capital letter marks a variable: every name inside may vary (no mean stated, mu may be random); the
    # counts of sums do not; E(w) with round brackets may as well be a function E of w
    (r"E[\mu^2]", (), (), Expect(sp.Symbol("mu")**2, sp.Tuple(sp.Symbol("mu")))),
    (r"\mathbb{E}(\hat{f} \varepsilon)", (), (),
     Expect(sp.Symbol("fhat") * sp.Symbol("varepsilon"), sp.Tuple(sp.Symbol("fhat"), sp.Symbol("varepsilon")))),
    (r"\mathbb{E}[\sum_{l=1}^{k} e_l]", (), (),
     Expect(sp.Sum(sp.IndexedBase("e")[sp.Symbol("l")], (sp.Symbol("l"), 1, sp.Symbol("k"))), sp.Tuple(sp.Symbol("e")))),
    (r"E(w)", (), (), sp.Function("E")(sp.Symbol("w"))),
    (r"\mathrm{Var}(\varepsilon)", (), (), Expect(sp.Symbol("varepsilon")**2, sp.Tuple(sp.Symbol("varepsilon")))
     - Expect(sp.Symbol("varepsilon"), sp.Tuple(sp.Symbol("varepsilon")))**2),
    (r"V(s)", (), (), sp.Function("V")(sp.Symbol("s"))),  # a value function as much as a variance
    # capitals decorated or with a subscript are random variables; E of a stated constant is no parse error
    (r"E[\overline{X}]", (), (), Expect(sp.Symbol("Xbar"))),
    (r"E[X_1 + 2]", (), (), Expect(sp.Symbol("X_1") + 2)),
    # an integral with only its own variable below runs over all of it
    (r"\int_{\boldsymbol{x}} e^{-x^2} \mathrm{d} x", (), (), sp.Integral(sp.exp(-X_R**2), (X_R, -sp.oo, sp.oo))),
    # limits written top first, right before the body; braces over or under a group with their labels
    (r"\int^\infty_{-\infty}xe^{-x^2}dx", (), (), sp.Integral(X_R * sp.exp(-X_R**2), (X_R, -sp.oo, sp.oo))),
    (r"\overbrace{a + b}^{c} + 1", (), (), A + b_ + 1),
    (r"\overbrace{a}^{\text{the first}} \underbrace{b}_{\text{the second}}", (), (), A * b_),
    # every term of a range but one
    (r"\sum_{j\neq i}^K x_j", (), (), sp.Sum(sp.IndexedBase("x")[sp.Symbol("j")], (sp.Symbol("j"), 1, sp.Symbol("K")))
     - sp.IndexedBase("x")[sp.Symbol("i")]),
    # a region below the integral sign bounds its variable
    (r"\int_{x \geq 0} e^{-x} dx", (), (), sp.Integral(sp.exp(-X_R), (X_R, 0, sp.oo))),
    (r"\int_{x < 2} e^{x} dx", (), (), sp.Integral(sp.exp(X_R), (X_R, -sp.oo, 2))),
    (r"\int_{0 \le x \le 1} x \, dx + \int_{1 > x > 0} x \, dx", (), (), 2 * sp.Integral(X_R, (X_R, 0, 1))),
    (r"\int_{a < x} e^{-x} dx", (), (), sp.Integral(sp.exp(-X_R), (X_R, A, sp.oo))),
    # a product's body is the whole term after it
    (r"\prod_{i=1}^n (1 + x_i) y_i", (), (), sp.Product((1 + sp.IndexedBase("x")[sp.Symbol("i")])
                                                     * sp.IndexedBase("y")[sp.Symbol("i")], (sp.Symbol("i"), 1, n))),
]

#: (LaTeX, distributions, symbols declared, what the one-line error starts with or contains).
INDICATOR = (Bernoulli(sp.Symbol("p"), name="X", outcomes=("1", "0")),)

REFUSES = [
    # under X's distribution, another variable is neither a number nor X
    (r"\mathbb{E}[Y]", INDICATOR, (), "whose variable is not Y"),
    (r"\mathrm{Var}(Y)", INDICATOR, (), "Y is not the variable of X"),
    (r"\mathrm{Var}(X + Y)", INDICATOR, (), "read of X's variable or a function of it only"),
    (r"\mathrm{Var}(\ell'(p))", INDICATOR, (), "read of X's variable or a function of it only"),  # of X? no saying
    (r"\int_{y} x \, dx", (), (), "with both limits"),  # below it, another variable: what runs where?
    (r"\int_{\infty}^{\infty} x \, dx", (), (), r"runs from \infty to \infty, which is 0"),  # -\infty meant?
    (r"\frac{1}{\prod_{i=1}^n (x_i) \cdot n \ln \theta}", (), (), "ambiguous product"),  # n ln theta once or n times?
    (r"2{3} + x", (), (), "ambiguous number '2{3'"),  # TeX shows 23: never 2 + 3
    (r"\int_{y \ge 0} x \, dx", (), (), "with both limits"),  # a region of another variable
    (r"\left\{ x, y \right\}", (), (), "is not an expression"),  # a bracket, around no one expression
    (r"P\left\{ x + y = 3 \right\}", (), (), "is not an expression"),  # an event: no value to apply P to
    (r"\mathbb{E}[X + P]", LAPLACES, (), "must name its distribution"),  # two named inside: which?
    (r"\mathbb{E}[y]", LAPLACES, (), "must name its distribution"),
    (r"E_p[x^2]", (), (), "unknown distribution name 'p'"),  # no capital letter: p names the law, undeclared
    (r"\mathbb{E}_{q}[X]", INDICATOR, (), "unknown distribution name 'q'"),  # q: none of X's parameters
    (r"\log(x)^{1/2}", (), (), "ambiguous power '1/2' after the \\log(...)"),
    (r"\sum x_i y_j", (), (), "has no limits and no one index"),
    (r"\prod x_i y_j", (), (), "the product at offset 0 has no limits and no one index"),
    (r"\mathrm{Var} + 1", (), (), "unsupported command"),  # an operator's name is no quantity
    (r"\prod_{i=1} x_i", (), (), r"must be written \prod_{i=a}^{b}"),
    (r"\left. x y \right|_{0}^{1}", (), (), "must name its variable"),  # x or y?
    (r"2 3", (), (), "ambiguous number '2 3' at offset 0"),
    (r"2\,3", (), (), r"ambiguous number '2\,3'"),
    (r"2~3", (), (), "ambiguous number '2~3'"),
    (r"x + 12 345", (), (), "ambiguous number '12 345' at offset 4"),
    (r"2.5 3", (), (), "ambiguous number '2.5 3'"),
    (r"1{,}000", (), (), "ambiguous number '1{,}000'"),
    (r"1,000", (), (), "ambiguous number '1,000'"),
    (r"p(1 - p) + p", (), (), "ambiguous p(1 - p) at offset 0"),  # p alone outside its argument: p(x) + p?
    (r"f(x) + f", (), (), "ambiguous f(x) at offset 0"),
    (r"f()", (), (), "has an empty argument"),
    (r"\int_0^1 t \, de^{t}", (), (), "has no differential"),  # d(e^t): of an expression, not the variable e
    (r"\log x \cdot y", (), (), r"ambiguous \log x \cdot y at offset 0"),
    (r"\log x / y", (), (), "ambiguous"),
    (r"\log^{-1} x", (), (), r"ambiguous \log^{-1} x at offset 0: a power or the inverse function?"),
    (r"\log", (), (), "has no argument"),
]


@pytest.mark.parametrize(("tex", "dists", "symbols", "expected"), READS, ids=[r[0] for r in READS])
def test_reads(tex: str, dists: tuple, symbols: tuple, expected: sp.Basic) -> None:
    assert_reads(tex, dists, symbols, expected)


@pytest.mark.parametrize(("tex", "dists", "symbols", "fragment"), REFUSES, ids=[r[0] for r in REFUSES])
def test_refuses(tex: str, dists: tuple, symbols: tuple, fragment: str) -> None:
    assert_refuses(tex, dists, symbols, fragment)


# -- no symbol is signed unless a domain says so ----------------------------------------------
@pytest.mark.parametrize("tex", [r"x + y", r"\lambda", r"\lambda (q - 1)", r"\int_{0}^{1} t \, dt + b",
                                 r"\sum_{k=1}^{n} k", r"\frac{d}{dx} x^2", r"f(x)", r"\log_{b}(x)"])
def test_no_symbol_is_signed(tex: str) -> None:
    parsed = parse_latex(tex)
    assert parsed.free_symbols, tex
    assert all(s.is_positive is None and s.is_nonnegative is None for s in parsed.free_symbols), parsed.free_symbols


def test_the_lagrange_multiplier_is_real_and_its_sign_is_a_domain() -> None:
    from derive.api import Options, derivations

    assert LAGRANGE.is_real and LAGRANGE.is_positive is None
    found = [dv for dv in derivations("minimization", "categorical", Options()) if LAGRANGE in dv.domain.symbol_set]
    assert found and all(dict(dv.domain.intervals)[LAGRANGE] == sp.Interval.open(0, sp.oo) for dv in found)


# -- end to end: derive.testing and derive check --------------------------------------------------
def test_assert_identity_reads_derivatives() -> None:
    assert_identity(r"\frac{d}{dx} x^2", "2x")
    assert_identity(r"\frac{\mathrm{d}}{\mathrm{d}x} x^{3}", r"3 x^{2}")
    assert_identity(r"\left.\frac{d}{dx} x^2\right|_{x=3}", "6")
    with pytest.raises(AssertionError, match="refuted"):
        assert_identity(r"\frac{d}{dx} x^2", "x")


def test_assert_identity_reads_applications_and_products() -> None:
    assert_identity(r"p(1 - p)", r"p - p^{2}", define=["P(H) = p"])
    assert_identity(r"x(1 - x)", r"x - x^{2}", assume=["0 < x < 1"])
    assert_identity(r"x(1 - x)", r"x - x^{2}")  # x alone inside its own argument: a value, so a product
    with pytest.raises(ParseError, match=r"^ambiguous f\(x\)"):
        assert_identity(r"f(x) + f", r"2 f")


def test_assert_identity_reads_logarithms_and_numbers() -> None:
    assert_identity(r"\log x^2", r"2 \log x", assume=["x > 0"])
    with pytest.raises(AssertionError, match="refuted"):
        assert_identity(r"\log^2 x", r"2 \log x", assume=["x > 0"])
    with pytest.raises(ParseError, match="^ambiguous number '2 3'"):
        assert_identity("2 3", "6")


#: A document of claims, and what derive check says of each line: (line, status, start of the reason).
DOCUMENT = "\n\n".join([
    r"$$\frac{d}{dx} x^2 = 2x$$",                              # 1
    r"$$\frac{d}{dx} x^2 = x$$",                               # 3
    r"$$\frac{d^2}{dx^2} x^3 = 6x$$",                          # 5
    r"$$\left.\frac{\mathrm{d}}{\mathrm{d}x} x^2\right|_{x=3} = 6$$",  # 7
    r"$$f(t) + f = 2f$$",                                      # 9
    r"$$2 3 = 6$$",                                            # 11
    r"$$\log^2 y = \log(y)^2$$",                               # 13
    r"$$\frac{dy}{dx} = 0$$",                                  # 15
]) + "\n"
EXPECTED = [(1, "proved", ""), (3, "refuted", ""), (5, "proved", ""), (7, "proved", ""),
            (9, "not parsed", "ambiguous f(t)"), (11, "not parsed", "ambiguous number '2 3'"), (13, "proved", ""),
            (15, "unknown", "")]
BOUNDED = "Let $0 < t < 1$ and $y > 0$.\n\n" + "\n\n".join([
    r"$$t(1-t) = t - t^2$$",                                   # 3
    r"$$\log y^2 = 2 \log y$$",                                # 5
    r"$$\log^2 y = 2 \log y$$",                                # 7
]) + "\n"
BOUNDED_EXPECTED = [(3, "proved", ""), (5, "proved", ""), (7, "refuted", "")]


@pytest.mark.parametrize(("document", "expected"), [(DOCUMENT, EXPECTED), (BOUNDED, BOUNDED_EXPECTED)],
                         ids=["undeclared", "bounded"])
def test_derive_check_reads_the_notation(document: str, expected: list) -> None:
    result = check_text(document, "n.md")
    claims = [(e.line, e.status, e.reason) for e in result.entries if e.kind == "claim"]
    assert [(line, status) for line, status, _ in claims] == [(line, status) for line, status, _ in expected], \
        result.text()
    for (_, _, reason), (_, _, start) in zip(claims, expected):
        assert reason.startswith(start), reason


def test_a_declared_d_makes_the_derivative_ambiguous() -> None:
    result = check_text("Let $0 < d < 1$.\n\n$$\\frac{d}{dx} x^2 = 2x$$\n\n$$\\frac{\\mathrm{d}}{\\mathrm{d}x} x^2 = 2x$$\n",
                        "d.md")
    claims = [(e.status, e.reason) for e in result.entries if e.kind == "claim"]
    assert [s for s, _ in claims] == ["not parsed", "proved"], result.text()
    assert claims[0][1].startswith(r"ambiguous \frac{d}{dx}"), claims[0][1]


def test_the_command_line_reports_what_it_cannot_read(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(DOCUMENT, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "derive.cli", "check", str(path)], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 1, run.stdout + run.stderr  # line 3 is refuted
    lines = run.stdout.splitlines()
    assert f"{path}:1: proved" in lines
    assert f"{path}:9: not parsed: ambiguous f(t) at offset 0: a function f or a product? " \
           "f also stands alone in this formula; write f \\cdot (...) for a product, or declare f a number " \
           "(an assumption such as 0 < f < 1)" in lines, run.stdout
    assert any(line.startswith(f"{path}:11: not parsed: ambiguous number '2 3'") for line in lines), run.stdout


# -- a sum over the entries of a finite family; e declared a symbol ----------------------------------------------
def test_p_i_in_a_sum_over_a_categorical_of_symbols_is_each_entry():
    from derive import Categorical
    from derive.parse import parse_latex

    P = Categorical(sp.symbols("p_1 p_2 p_3", positive=True), name="P")
    p1, p2, p3 = P.params
    read = parse_latex(r"\sum_{i=1}^{3} p_i \log p_i", (P,))
    assert read.doit() == p1 * sp.log(p1) + p2 * sp.log(p2) + p3 * sp.log(p3)
    assert parse_latex(r"p_i", (P,)) == sp.Symbol("p_i")  # outside a sum over i: a symbol of its own


@pytest.mark.parametrize("text, expected", [
    ("e^2", sp.Symbol("e") ** 2), ("2e", 2 * sp.Symbol("e")), ("e_1", sp.Symbol("e_1")),
])
def test_e_declared_a_symbol_is_never_eulers_number(text, expected):
    from derive.parse import parse_latex

    assert parse_latex(text, symbols=[sp.Symbol("e")]) == expected
    assert parse_latex("e^2") == sp.exp(2)


# -- layout that says nothing, decorations that make new symbols, function names written as words ------------------
_X, _Y = sp.symbols("x y")


@pytest.mark.parametrize("text, expected", [
    (r"\text{log}(x)", sp.log(_X)), (r"\operatorname{log}(x)", sp.log(_X)), (r"\mathrm{ln}\, x", sp.log(_X)),
    (r"\operatorname{exp}(x)", sp.exp(_X)),
    (r"\frac12", sp.Rational(1, 2)), (r"\frac12 x", _X / 2), (r"\dfrac{1}{2}", sp.Rational(1, 2)),
    (r"\boxed{x + 1}", _X + 1), (r"2 \boxed{x + 1}", 2 * (_X + 1)), (r"{\color{red} x + 1} \cdot 2", 2 * (_X + 1)),
    (r"\textcolor{blue}{x} + 1", _X + 1), (r"x + 1 \tag{3}", _X + 1), (r"x + 1 \tag*{(a)}", _X + 1),
    (r"x + 1 \nonumber", _X + 1), (r"\Large x", _X), (r"x \notag", _X),
    (r"\hat\sigma^2", sp.Symbol("sigmahat") ** 2), (r"\hat{\sigma}_1", sp.Symbol("sigmahat_1")),
    (r"\bar x + x", sp.Symbol("xbar") + _X), (r"\overline{x}", sp.Symbol("xbar")), (r"\tilde{x}", sp.Symbol("xtilde")),
    (r"\widehat{y}", sp.Symbol("yhat")), (r"\boldsymbol{\theta}", sp.Symbol("thetabm")), (r"\ell", sp.Symbol("ell")),
    (r"\log \hat y", sp.log(sp.Symbol("yhat"))),
    (r"\hat{y} (1 - \hat{y})", sp.Symbol("yhat") * (1 - sp.Symbol("yhat"))),  # an estimate is a number: a product
    (r"\hat{t}_{\text{ML}}", sp.Symbol("that_{ML}")), (r"a \hspace{1em} + b", sp.Symbol("a") + sp.Symbol("b")),
])
def test_layout_decorations_and_word_functions(text, expected):
    from derive.parse import parse_latex

    read = parse_latex(text)
    assert sp.simplify(read - expected) == 0 and read.free_symbols == expected.free_symbols, read


@pytest.mark.parametrize("text, fragment", [
    (r"\hat{xy}", "decorates one letter"), (r"\hat{}", "decorates one letter"), (r"\tag 3", "must be followed by"),
])
def test_decorations_and_layout_refused(text, fragment):
    from derive.parse import ParseError, parse_latex

    with pytest.raises(ParseError, match=fragment):
        parse_latex(text)


def test_a_decorated_symbol_in_a_document_is_its_own_symbol():
    doc = ("Let $0 < \\hat y < 1$.\n\n$$\n\\begin{aligned}\n\\text{log}(\\hat y^2) &= 2 \\log \\hat y \\tag{1} \\\\\n"
           "\\frac12 \\hat{\\sigma}^2 &= \\frac{\\hat\\sigma^2}{2} \\nonumber\n\\end{aligned}\n$$\n"
           "\n$$\n\\log(y^2) = 2 \\log y\n$$\n")
    result = check_text(doc, "d.md")
    assert [e.status for e in result.entries if e.kind == "claim"] == ["proved", "proved", "unknown"], result.text()


def test_a_sum_without_limits_runs_as_the_text_s_own_sums_do() -> None:
    ranges = sample_ranges([r"\sum_{j=1}^{N} x_j = 1", r"\sum_{k=1}^{k=m} y_k", r"\sum_{i=0}^n z_i"])
    assert ranges == {"j": "N", "": "N", "k": "m"}  # a sum from 0 counts n + 1 terms: no sample size
    N, m = sp.Symbol("N"), sp.Symbol("m")
    assert parse_latex(r"\sum_j x_j", ranges=ranges) == sp.Sum(sp.IndexedBase("x")[sp.Symbol("j")], (sp.Symbol("j"), 1, N))
    assert parse_latex(r"\sum_k y_k", ranges=ranges).limits == ((sp.Symbol("k"), 1, m),)
    assert parse_latex(r"\sum_i x_i", ranges=ranges).limits == ((i, 1, N),)
    assert parse_latex(r"\sum_i x_i").limits == ((i, 1, n),)  # none written: n


@pytest.mark.parametrize("rate", [r"\frac{\delta y}{\delta x}", r"\frac{\delta{y}}{\delta{x}}", r"\dfrac{\delta y}{\delta x}"])
def test_a_rate_written_with_deltas_reads_as_the_partial_derivative(rate: str) -> None:
    assert parse_latex(rate) == parse_latex(r"\frac{\partial y}{\partial x}")
    assert parse_latex(rate) != parse_latex("y / x")  # the delta never cancels
