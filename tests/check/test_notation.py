"""The notation derive check adds to the parser: expectations, sums without limits, P(x_i), integrals over a support."""

from __future__ import annotations

import pytest
import sympy as sp
from sympy.core.symbol import Str

from derive import Bernoulli, Exponential, Normal, Prob, Status
from derive.distributions.indexed import SymbolicCategorical
from derive.distributions.measures import KL, OutcomeSum
from derive.distributions.semantics import plain
from derive.parse import ParseError, parse_latex
from derive.verify import check_equal

p, q, k = sp.symbols("p q k")
mu_1, mu_2, sigma_1, sigma_2 = sp.symbols("mu_1 mu_2 sigma_1 sigma_2")
COINS = (Bernoulli(p), Bernoulli(q, name="Q"))
CATEGORICALS = (SymbolicCategorical(k, name="P"), SymbolicCategorical(k, name="Q"))
NORMALS = (Normal(mu_1, sigma_1), Normal(mu_2, sigma_2, name="Q"))
EXPONENTIALS = (Exponential(sp.Symbol("lambda_1")), Exponential(sp.Symbol("lambda_2"), name="Q"))
X = NORMALS[0].variable  # the densities' own x (real)
I = COINS[0].variable  # the coins' index i
K = CATEGORICALS[0].variable  # the categoricals' index i (a positive integer)
N = CATEGORICALS[0].n
pk, qk = CATEGORICALS[0].base, CATEGORICALS[1].base
LINE = (X, -sp.oo, sp.oo)
HT = (Str("H"), Str("T"))
log = sp.log


def _prob(dists: tuple, j: int, at: sp.Basic) -> Prob:
    return Prob(dists[j], at)


GOOD = [
    # expectations: the distribution's sum or integral of P(x) times the body
    (r"\mathbb{E}_{P}\left[(x - \mu_1)^2\right]", NORMALS,
     sp.Integral(_prob(NORMALS, 0, X) * (X - mu_1) ** 2, LINE)),
    (r"\mathbb{E}_{X \sim P}[X]", NORMALS, sp.Integral(_prob(NORMALS, 0, X) * X, LINE)),
    (r"\mathbb{E}_{x \sim Q}\left[\log Q(x)\right]", NORMALS,
     sp.Integral(_prob(NORMALS, 1, X) * log(_prob(NORMALS, 1, X)), LINE)),
    (r"\mathrm{E}_P(x)", NORMALS, sp.Integral(_prob(NORMALS, 0, X) * X, LINE)),
    (r"2 \mathbb{E}_{P}[x] + 1", NORMALS, 2 * sp.Integral(_prob(NORMALS, 0, X) * X, LINE) + 1),
    (r"\mathbb{E}_{i \sim P}\left[\log p_i - \log q_i\right]", CATEGORICALS,
     sp.Sum(_prob(CATEGORICALS, 0, K) * (log(pk[K]) - log(qk[K])), (K, 1, N))),
    (r"\mathbb{E}_{P}[\log P(i)]", COINS, OutcomeSum(_prob(COINS, 0, I) * log(_prob(COINS, 0, I)), I, HT)),
    # sums without limits: over the outcomes of the first distribution
    (r"\sum_i P(i) \log P(i)", COINS, OutcomeSum(_prob(COINS, 0, I) * log(_prob(COINS, 0, I)), I, HT)),
    (r"\sum_{x} P(x) \log Q(x) + 1", COINS, OutcomeSum(_prob(COINS, 0, I) * log(_prob(COINS, 1, I)), I, HT) + 1),
    (r"-\sum_{i} p_i \log q_i", CATEGORICALS, -sp.Sum(pk[K] * log(qk[K]), (K, 1, N))),
    # P(x_i) inside a sum over i
    (r"\sum_{i=1}^{k} P(x_i) \log Q(x_{i})", CATEGORICALS,
     sp.Sum(_prob(CATEGORICALS, 0, K) * log(_prob(CATEGORICALS, 1, K)), (K, 1, N))),
    # an integral without limits over the support of the density it holds
    (r"\int P(x) \log Q(x) \, dx", NORMALS, sp.Integral(_prob(NORMALS, 0, X) * log(_prob(NORMALS, 1, X)), LINE)),
    (r"\int Q(x) x \, dx", EXPONENTIALS, sp.Integral(_prob(EXPONENTIALS, 1, X) * X, (X, 0, sp.oo))),
    # a free x is the densities' own (real) variable
    (r"(x - \mu_1)^2", NORMALS, (X - mu_1) ** 2),
]

BAD = [
    (r"\mathbb{E}[x]", NORMALS, "must name its distribution"),
    (r"\mathbb{E}_{P} x", NORMALS, "must be written"),
    (r"\mathbb{E}_{x \sim P \sim Q}[x]", NORMALS, "must be written"),
    (r"\mathbb{E}_{R}[x]", NORMALS, "unknown distribution name 'R'"),
    (r"x \sim P", NORMALS, r"only understood in \mathbb{E}"),
    (r"\mathbb{R}", NORMALS, r"unknown command '\mathbb{R}'"),
    (r"\sum_x P(x)", NORMALS, "is over a density's values"),
    (r"\int_0 x \, dx", NORMALS, "with both limits"),  # one limit: no range (none: the real line)
    (r"P(x_i)", CATEGORICALS, "nor a summation index"),
]


@pytest.mark.parametrize(("tex", "dists", "expected"), GOOD, ids=[g[0] for g in GOOD])
def test_reads(tex: str, dists: tuple, expected: sp.Basic) -> None:
    assert plain(parse_latex(tex, dists)) == plain(expected)


@pytest.mark.parametrize(("tex", "dists", "fragment"), BAD, ids=[b[0] for b in BAD])
def test_refuses(tex: str, dists: tuple, fragment: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_latex(tex, dists)
    assert fragment in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize(("tex", "dists"), [
    (r"\mathbb{E}_{x \sim P}\left[\log P(x) - \log Q(x)\right]", NORMALS),
    (r"\mathbb{E}_{i \sim P}\left[\log \frac{p_i}{q_i}\right]", CATEGORICALS),
    (r"\sum_i P(i) \log \frac{P(i)}{Q(i)}", COINS),
])
def test_the_new_forms_mean_the_kl_divergence(tex: str, dists: tuple) -> None:
    domain = dists[0].domain.merge(dists[1].domain)
    assert check_equal(KL(*dists), parse_latex(tex, dists), domain).status is Status.PROVED
