r"""derive.parse.handwritten: what people write by hand, rewritten as it is meant before the source is tokenized.

``FORMS`` gives the rewritten text of each form; ``READS`` reads them end to end through
:func:`derive.parse.parse_latex`.
"""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Bernoulli
from derive.distributions.measures import KL
from derive.parse.handwritten import handwritten

from tests.parse.readings import assert_reads

p, q, x, y, t, n, i, w = sp.symbols("p q x y t n i w")
COINS = (Bernoulli(p), Bernoulli(q, name="Q"))
X_R = sp.Symbol("x", real=True)  # integration variables are real
A, b_ = sp.symbols("a b")
f = sp.Function("f")
log = sp.log


def derivative(expr: sp.Basic, variable: sp.Symbol, order: int = 1) -> sp.Derivative:
    return sp.Derivative(expr, (variable, order), evaluate=False)


#: (LaTeX as written by hand, as it is meant).
FORMS = [
    (r"{\rm d}x", r"\mathrm{d}x"),  # plain TeX's font switch
    (r"\mathbb{P}(X = 1)", "P(X = 1)"),
    (r"\Pr(A)", "P(A)"),
    (r"\mathbb{D}_{KL}", "D_{KL}"),
    (r"1\{k = i\}", r"\delta_{k i}"),  # the indicator that two indices are equal
    (r"\sum_{x}^{} y", r"\sum_{x} y"),  # an empty script
    (r"\ell '(\theta)", r"\ell'(\theta)"),  # a spaced prime
    (r"\sin^{-1}(x)", r"\sin^{-1}{(x)}"),  # the inverse function
    (r"\mathop{\mathbb{E}}", r" \mathbb{E} "),
    (r"y_ilog(z_i)", r"y_{i} \log (z_i)"),
    (r"2{(3)}", r"2 \cdot {(3)}"),
    (r"\nabla_\theta f", r"\frac{\partial}{\partial \theta}  f"),
    (r"\nabla^2_{w} f", r"\frac{\partial^{2}}{\partial {w}^{2}}  f"),
    (r"\nabla l(\theta)", r"\frac{\partial}{\partial \theta} l(\theta)"),
    (r"\int_{\mathbb{R}} f", r"\int_{-\infty}^{\infty} f"),
    (r"\frac{\delta E}{\delta o}", r"\frac{\partial E}{\partial o}"),
    (r"\frac{\partial}{o_k}", r"\frac{\partial}{\partial o_k}"),
    (r"a \ast b", r"a  \cdot  b"),
    (r"\mathbb{x}", r"\mathbf{x}"),
    (r"\mathbb{\hat{y}_i}", r"\hat{y}_i"),
    (r"\operatorname { Beta }", r"\operatorname{Beta}"),
    (r"f^{\prime\prime}(y)", "f''(y)"),
    (r"\mu^2_1", r"\mu_{1}^{2}"),  # the subscript names the symbol
    (r"\sum_{k=0}^{k=n}", r"\sum_{k=0}^{n}"),
    (r"\sum_j^C", r"\sum_{j=1}^C"),
    (r"e^-x", r"e^{-x}"),
    (r"k \cdot -b", r"k \cdot (-1) \cdot b"),
    (r"(x)^2/2\sigma^2", r"(x)^2/{2\sigma^2}"),
    (r"1/32 \log 2", r"\frac{1}{32} \log 2"),
    (r"\pi{\sigma}^2", r"\pi \cdot {\sigma}^2"),
    (r"a {+} b", r"a  +  b"),
    (r"\lg x", r"\log_2  x"),
    (r"{\cal H}", r"\mathcal{H}"),
    (r"\hat y_i", r"\hat{y}_i"),
    (r"\hat{y_i}", r"\hat{y}_i"),
    (r"u_1'", r"u'_1"),
    ("Loss", r"\mathrm{Loss}"),
    (r"\exp\{x\}", r"\exp(x)"),  # braces that group an argument
    # left as written
    (r"\text{Loss}", r"\text{Loss}"), (r"\theta_{MLE}", r"\theta_{MLE}"), ("Cost(h)", "Cost(h)"),
    (r"\mathbb{E}", r"\mathbb{E}"), ("x; y", "x; y"), ("x + y", "x + y"),
]


@pytest.mark.parametrize(("tex", "expected"), FORMS, ids=[r[0] for r in FORMS])
def test_handwritten(tex: str, expected: str) -> None:
    assert handwritten(tex) == expected


#: (LaTeX, distributions, symbols declared, what it reads as).
READS = [
    # primes typed as commands, or set apart from their letter
    (r"f^{\prime}(x)", (), (), derivative(f(x), x)),
    (r"f '(x)", (), (), derivative(f(x), x)),  # a space before the prime, as some editors set it
    (r"f^{\prime}(x) + g^\prime(x)", (), (),
     sp.Derivative(sp.Function("f")(x), x) + sp.Derivative(sp.Function("g")(x), x)),
    (r"\sin^{-1}(x)", (), (), sp.asin(x)),  # the inverse function, with brackets as without
    (r"\tanh^{-1}\left(x\right)", (), (), sp.atanh(x)),
    (r"\sin^{2}(x)", (), (), sp.sin(x)**2),  # a power of the value
    (r"\mathop{x} + 1", (), (), x + 1),  # \mathop only spaces its argument as an operator
    (r"\mathbb{D}_{\mathrm{KL}}(P \| Q)", COINS, (), KL(*COINS)),  # the divergence's letter in a blackboard font
    (r"\mathfrak{D}_\text{KL}(P \| Q)", COINS, (), KL(*COINS)),  # or in Fraktur
    # the indicator that two indices are equal: the Kronecker delta
    (r"1\{k = i\} + \mathbb{1}_{j=i} + \mathbf{1}\left\{ a = b \right\}", (), (),
     sp.KroneckerDelta(sp.Symbol("k"), sp.Symbol("i")) + sp.KroneckerDelta(sp.Symbol("j"), sp.Symbol("i"))
     + sp.KroneckerDelta(sp.Symbol("a"), sp.Symbol("b"))),
    (r"\frac{\partial}{w} w^2", (), (), derivative(w**2, w)),  # \partial left out below: still in w
    # a superscript of a lone minus (e^-x, as TeX sets it) is meant with the token after it
    (r"e^-x + 10^-3 + e^-\lambda", (), (),
     sp.exp(-x) + sp.Rational(1, 1000) + sp.exp(-sp.Symbol("lambda", real=True))),
    # a/2 sigma^2 ending a term is over 2 sigma^2 (as a/2b is); 1/32 before a log is the number; times minus
    (r"(x-\mu)^2/2\sigma^2 + 1/32\log(1/32) + k \cdot -\frac{1}{k}", (), (),
     (x - sp.Symbol("mu")) ** 2 / (2 * sp.Symbol("sigma") ** 2) - sp.log(32) / 32 - 1),
    # an operator set in braces is the operator; a group after pi is a factor
    (r"\ln(y){+}\ln(x) - 2\pi{\sigma_{2}}^{2}", (), (),
     log(sp.Symbol("y")) + log(x) - 2 * sp.pi * sp.Symbol("sigma_2") ** 2),
    # an index with a top and no bottom runs from 1; scripts in either order
    (r"\sum_j^C x_j + \prod_{i}^{n} x_i - \sum^{m}_{k} x_k", (), (),
     sp.Sum(sp.Indexed("x", sp.Symbol("j")), (sp.Symbol("j"), 1, sp.Symbol("C")))
     + sp.Product(sp.Indexed("x", sp.Symbol("i")), (sp.Symbol("i"), 1, sp.Symbol("n")))
     - sp.Sum(sp.Indexed("x", sp.Symbol("k")), (sp.Symbol("k"), 1, sp.Symbol("m")))),
    (r"\mu^2_1", (), (), sp.Symbol("mu_1") ** 2),
    (r"\sum_{k=0}^{k=n} k", (), (), sp.Sum(sp.Symbol("k"), (sp.Symbol("k"), 0, n))),  # the top names its index
    (r"\prod_{i=1}^{i = n} x_i", (), (), sp.Product(sp.IndexedBase("x")[i], (i, 1, n))),
    # the binary logarithm; plain TeX's calligraphic letter
    (r"\lg 8", (), (), sp.log(8) / sp.log(2)),
    (r"\lg\left(\frac{4}{3}\right)", (), (), sp.log(sp.Rational(4, 3)) / sp.log(2)),
    (r"{\cal H}", (), (), sp.Symbol("Hcal")),  # as \mathcal{H} is read
    # a decoration on the letter, the index on the decorated name
    (r"\hat y_i", (), (), sp.Symbol("yhat_i")),
    (r"\bar x_{k} + 1", (), (), sp.Symbol("xbar_k") + 1),
    (r"\hat{y_i} - \bar{x_{k}}", (), (), sp.Symbol("yhat_i") - sp.Symbol("xbar_k")),  # the index inside the braces
    (r"u_1' + m_{2}^{'}", (), (), sp.Symbol("uprime_1") + sp.Symbol("mprime_2")),  # primed names with an index
    # a word in italics names one quantity; a subscript word and a product of three letters stay as they are
    (r"Loss + 1", (), (), sp.Symbol("Loss") + 1),
    (r"2 NLL", (), (), 2 * sp.Symbol("NLL")),
    (r"x y z", (), (), x * y * sp.Symbol("z")),
    # \ast between factors is times
    (r"\frac{1}{n} \ast n", (), (), sp.Integer(1)),
    (r"a\ast b", (), (), A * b_),
    # blackboard bold on a lower-case letter is a vector's bold; on a decorated one, the letter as decorated
    (r"\mathbb{x} + \mathbb{\theta}", (), (), sp.Symbol("xbm") + sp.Symbol("thetabm")),
    (r"\mathbb{\hat{y}_i} + 1", (), (), sp.Symbol("yhat_i") + 1),
    # an empty script sets nothing
    (r"a^{} + b_{}", (), (), A + b_),
    # blackboard R below an integral is the whole line
    (r"\int_{\mathbb{R}} e^{-x^2} dx + \int_{x \in \mathbb R} e^{-x^2} dx", (), (),
     2 * sp.Integral(sp.exp(-X_R**2), (X_R, -sp.oo, sp.oo))),
    # a rate written with deltas is the derivative, never a fraction whose delta cancels
    (r"\frac{\delta}{\delta x} x^2", (), (), derivative(x**2, x)),
    # plain TeX's font switches are LaTeX's fonts
    (r"\int_0^1 x \, {\rm d}x + {\rm e}^{x} + {\bf x}", (), (),
     sp.Integral(X_R, (X_R, 0, 1)) + sp.exp(x) + sp.Symbol("xbm")),
    # a one-character subscript, then a function's word without its backslash
    (r"y_ilog(x) + y_1ln(x)", (), (), sp.Symbol("y_i") * log(x) + sp.Symbol("y_1") * log(x)),
    # a number before a group multiplies it, as TeX shows it (a reader might add it, as a mixed number)
    (r"2{(3)} + 2 {\left(x\right)} + \frac{x}{2 {(1)}}", (), (), 6 + 2 * x + x / 2),
    # a gradient in one variable (a Hessian under \nabla^2) is its derivative
    (r"\nabla_{t} t^3", (), (), derivative(t**3, t)),
    (r"\nabla_\theta \theta^2 + \nabla_{w} w^3 + \nabla^2_{x} x^3", (), (),
     derivative(sp.Symbol("theta")**2, sp.Symbol("theta")) + derivative(w**3, w) + derivative(x**3, x, 2)),
    (r"\nabla l(x)", (), (), derivative(sp.Function("l")(x), x)),
]


@pytest.mark.parametrize(("tex", "dists", "symbols", "expected"), READS, ids=[r[0] for r in READS])
def test_reads(tex: str, dists: tuple, symbols: tuple, expected: sp.Basic) -> None:
    assert_reads(tex, dists, symbols, expected)
