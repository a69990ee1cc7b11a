"""derive.parse.densities: a registered family's density at a point, as written (N(x; mu, sigma^2))."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.parse import parse_latex
from derive.parse.densities import densities_at

x, z, k = sp.symbols("x z k")
mu, lam = sp.symbols("mu lambda")
sigma = sp.Symbol("sigma", positive=True)
normal = sp.exp(-(x - mu) ** 2 / (2 * sigma**2)) / sp.sqrt(2 * sp.pi * sigma**2)

#: (LaTeX, the density it reads as)
READS = [
    (r"\mathcal{N}(x; \mu, \sigma^2)", normal),
    (r"\mathcal{N}(x \mid \mu, \sigma^2)", normal),
    (r"\mathcal{N}\left(x | \mu, \sigma^2\right)", normal),
    (r"\mathcal{N}(z; 0, 1)", sp.exp(-z**2 / 2) / sp.sqrt(2 * sp.pi)),
    (r"\mathcal{N}(x; \mu, 4)", sp.exp(-(x - mu) ** 2 / 8) / sp.sqrt(8 * sp.pi)),  # the variance, as written
    (r"\mathrm{Poisson}(k; \lambda)", lam**k * sp.exp(-lam) / sp.factorial(k)),
    (r"\mathrm{Exp}(x; \lambda)", lam * sp.exp(-lam * x)),
]


@pytest.mark.parametrize(("tex", "density"), READS, ids=[r[0] for r in READS])
def test_a_family_at_a_point_is_its_density(tex: str, density: sp.Expr) -> None:
    read = parse_latex(tex)
    read = read.xreplace({s: sp.Symbol(s.name) for s in read.free_symbols}).subs(sp.Symbol("sigma"), sigma)
    assert sp.simplify(read - density) == 0, read


#: Written forms that are left as written: a law's name (a declaration reads it), or a multivariate law.
KEPT = [
    r"\mathcal{N}(\mu, \sigma^2)",  # no point: the law itself
    r"\mathcal{N}(z; 0, I)",  # the identity matrix
    r"\mathcal{N}(\mathbf{z}; \mu, \sigma^2)",  # a vector
    r"\mathcal{N}(x; \mu, \Sigma)",  # a covariance matrix
    r"\mathcal{N}(x; \mu)",  # a parameter missing
]


@pytest.mark.parametrize("tex", KEPT)
def test_other_forms_are_left_as_written(tex: str) -> None:
    assert densities_at(tex) == tex


def test_the_integral_of_a_density_at_a_point_is_one() -> None:
    assert parse_latex(r"\int_{-\infty}^{\infty} \mathcal{N}(x; 0, 1) \, dx").doit() == 1
