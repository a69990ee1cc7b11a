"""derive.check.variables: is a text about random variables, and which does it declare independent?"""

from __future__ import annotations

import pytest

from derive.check.variables import (family_bounds, given_data, given_sample, independent_blocks, prose_declarations,
                                   speaks_of_variables, value_sets)

SPEAKS = [
    (r"H(X, Y) = H(X) + H(Y|X)", True),
    (r"I(X;Y) \geq 0", True),
    (r"\sum_{x \in \mathcal{X}} p(x) = 1", True),
    (r"p(y \mid x)", True),
    (r"\mathbb{P}[X = a]", True),
    (r"H(p) = -p \log p - (1 - p) \log (1 - p)", False),  # the binary entropy function of a number
    (r"f(x) = x^2", False),
    (r"\sum_{i=1}^{n} x_i", False),
    (r"\int p(x) \log \frac{p(x)}{q(x)} dx", True),  # a divergence of densities no one names
    (r"\int p(x) \cdot \ln p(x) \, dx", True),
    (r"\int f(x) \log x \, dx", False),  # f is no density's name
    (r"p(x) \log p(x)", False),  # no integral: p may be a function of a number
    (r"p(\theta \mid D) = \frac{p(D \mid \theta) p(\theta)}{p(D)}", True),  # a value written as a Greek letter
    (r"\int q(\theta) \log \frac{q(\theta)}{p(\theta \mid D)} d\theta", True),
    (r"\int q(\pi) \log q(\pi) d\pi", False),  # pi is a number
    (r"p(\lambda) = \lambda^2", False),  # a function of a parameter, no variable's mass
]


@pytest.mark.parametrize(("tex", "expected"), SPEAKS, ids=[t for t, _ in SPEAKS])
def test_speaks_of_variables(tex: str, expected: bool) -> None:
    assert speaks_of_variables([tex]) is expected


INDEPENDENT = [
    ("Take two independent discrete random variables $X$ and $Y$ and compute $H(X,Y)$.", ["X", "Y"]),
    ("Here $X$ and $Y$ are independent and unbiased, and $Z$ is their sum.", ["X", "Y"]),  # not Z
    ("$X_1$, $X_2$ and $X_3$ are mutually independent.", ["X_1", "X_2", "X_3"]),
    ("If $X$ and $Y$ are independent, then $I(X;Y) = 0$.", []),  # a condition, not a declaration
    ("Equality holds when $X$ and $Y$ are independent.", []),
    ("$X$ and $Y$ are conditionally independent given $Z$.", []),
    ("$X$ and $Y$ are not independent.", []),
    ("The variables are independent.", []),  # none named
]


@pytest.mark.parametrize(("text", "names"), INDEPENDENT, ids=[t[:40] for t, _ in INDEPENDENT])
def test_independent_blocks(text: str, names: list[str]) -> None:
    assert independent_blocks(text) == tuple(frozenset({n}) for n in names)


VALUE_SETS = [
    ("Take random variables $X$ and $Y$ with values in the sets $A$ and $B$.", {"A": "X", "B": "Y"}),
    ("Let $X$ take values in $\\mathcal{S}$.", {"S": "X"}),
    ("Write $I$ for the set of all $x$ with $p(x)$ non-zero.", {}),  # a subset: not said to be all values
    ("$X$ and $Y$ with values in $A$.", {}),  # two variables, one set: not paired
    ("Consider a random variable $X$ with values in a discrete set $A$, whose law is $P$.", {"A": "X"}),
    ("Let $X$ take values in the finite alphabet $\\mathcal{A}$.", {"A": "X"}),
    ("Let $X$ be a random variable with values in $A$.", {"A": "X"}),
]


@pytest.mark.parametrize(("text", "expected"), VALUE_SETS, ids=[t[:40] for t, _ in VALUE_SETS])
def test_value_sets(text: str, expected: dict[str, str]) -> None:
    assert value_sets(text) == expected


FAMILIES = [
    ("The distributions $p, q$ are Poisson with parameters $\\lambda_p, \\lambda_q$ respectively.",
     ["0 < \\lambda_p", "0 < \\lambda_q"]),
    ("Each draw is Bernoulli($\\theta$).", ["0 < \\theta < 1"]),
    ("Each draw is Bernoulli $(\\theta)$.", ["0 < \\theta < 1"]),
    ("Waiting times are exponential with rate $\\lambda$.", ["0 < \\lambda"]),
    ("A Laplace distribution with parameters $\\mu, b$.", ["0 < b"]),  # the location is any real
    ("The exponential of $x$ is positive.", []),  # a function, not a family: x is not bounded
    ("Poisson regression uses $\\log \\mu$.", []),
    # the family applied to its parameter after "distribution": the arguments, not the name, nor a formula's letters
    ("A sample from the Poisson distribution $P(\\theta)$ with parameter $\\theta$.", ["0 < \\theta"]),
    ("A sample from the Laplace distribution $L(\\mu, b)$.", ["0 < b"]),
    ("The Gamma distribution $\\beta^\\alpha x e^{-x}$ is used.", []),
    # the letter a family's parameter is written with, where the prose names the family
    ("With $N$ counts $k_i$ from a Poisson distribution: $$L(\\lambda) = \\lambda^{k}$$", ["0 < \\lambda"]),
    ("Two Poisson laws, $\\lambda_1$ and $\\lambda_2$.", ["0 < \\lambda_1", "0 < \\lambda_2"]),
    ("A Bernoulli sample with $p(x) = p^x (1 - p)^{1 - x}$.", ["0 < p < 1"]),  # p( is the pmf, p the parameter
    ("Waiting times follow an exponential distribution: $f(x) = \\lambda e^{-\\lambda x}$.", ["0 < \\lambda"]),
    ("The exponential of $\\lambda$ is positive.", []),  # the function, not the family
    ("A binomial count and a Poisson count with $p$ and $\\lambda$.", ["0 < \\lambda", "0 < p < 1"]),
    # a Gaussian's sigma is not bounded by the word alone: sigma_a = sigma_b = 1, a case the text considers, would be
    # refuted as a claim about two parameters
    ("Gaussian noise with $\\sigma^2$, and $\\sigma_1$.", []),
]


@pytest.mark.parametrize(("text", "expected"), FAMILIES, ids=[t[:40] for t, _ in FAMILIES])
def test_family_bounds(text: str, expected: list[str]) -> None:
    assert family_bounds(text) == expected


#: (prose, the (name, family) pairs it declares)
DECLARED = [
    (r"with $P$ a $\text{Laplace}(\mu, b_{1})$ and $Q$ a $\text{Laplace}(\mu, b_{2})$ distribution.",
     [("P", r"\text{Laplace}(\mu, b_{1})"), ("Q", r"\text{Laplace}(\mu, b_{2})")]),
    (r"Let $Q$ be Poisson($\lambda_2$).", [("Q", r"Poisson(\lambda_2)")]),
    (r"$X$ follows $\mathrm{Exp}(\lambda)$.", [("X", r"\mathrm{Exp}(\lambda)")]),
    (r"Suppose $P$ is distributed as $\mathcal{N}(\mu, \sigma^2)$.", [("P", r"\mathcal{N}(\mu, \sigma^2)")]),
    (r"$P$ is not a $\mathcal{N}(0, 1)$.", []),  # a negation declares nothing
    (r"Is $P$ a $\mathcal{N}(0, 1)$?", []),  # nor does a question
    (r"$x$ is $\mathcal{N}(0, 1)$.", []),  # a lower-case letter is a value, not a distribution
    (r"$E$ is $\mathcal{N}(0, 1)$.", []),  # E is an expectation
    (r"$P$ and, much later in a long aside about something else, $\mathcal{N}(0, 1)$.", []),  # not joined
    (r"The mean of $P$ is $(1, 2)$.", []),  # no family
    # lists, paired in order ("respectively"); lower-case p, q, r name densities
    (r"The two distributions $p, q$ are Poisson with parameters $\lambda_p, \lambda_q$ respectively.",
     [("p", r"Poisson(\lambda_p)"), ("q", r"Poisson(\lambda_q)")]),
    (r"Suppose $P$, $Q$ are exponential distributions with rates $\lambda_1$ and $\lambda_2$.",
     [("P", r"exponential(\lambda_1)"), ("Q", r"exponential(\lambda_2)")]),
    (r"Let $P$ and $Q$ be $\mathcal{N}(\mu_1, \sigma_1^2)$ and $\mathcal{N}(\mu_2, \sigma_2^2)$ respectively.",
     [("P", r"\mathcal{N}(\mu_1, \sigma_1^2)"), ("Q", r"\mathcal{N}(\mu_2, \sigma_2^2)")]),
    (r"Let $p$ be Poisson($\lambda$).", [("p", r"Poisson(\lambda)")]),
    (r"$P$ and $Q$ are Gaussians with means $\mu_1, \mu_2$.", []),  # a Gaussian needs two parameters
    (r"$P, Q$ are Poisson with parameters $a, b, c$.", []),  # three parameters for two names
    (r"$p$ and $q$ are probabilities $a$ and $b$.", []),  # no family
    (r"$x, y$ are Poisson with parameters $a, b$.", []),  # x, y are values
    # a distribution put on a number of elements, its entries written p_n: a categorical of that size
    (r"Take a discrete distribution \(P\) on \(N\) elements, $\sum_n p_n = 1$, and any other distribution "
     r"\(Q\), with $q_n$.", [("P", r"(p_1, \ldots, p_N)"), ("Q", r"(q_1, \ldots, q_N)")]),
    (r"Let $P$ be a distribution on $k$ outcomes with probabilities $p_i$.", [("P", r"(p_1, \ldots, p_k)")]),
    (r"Let $P$ be a distribution on $k$ outcomes.", []),  # no entries written: nothing to name them
    (r"Is $P$ a distribution on $k$ outcomes with probabilities $p_i$?", []),  # a question declares nothing
    (r"Take a distribution $P$ on $N$ elements. It is never worse than any other distribution $Q$, with $p_n, q_n$.",
     [("P", r"(p_1, \ldots, p_N)"), ("Q", r"(q_1, \ldots, q_N)")]),  # "never" here negates no declaration
    (r"Take any other distribution $Q$ with $q_i$.", []),  # other than none: no size
    # a family word, then its parameters in one math
    (r"Here $X$ is a Poisson random variable with parameter $\lambda$.", [("X", r"Poisson(\lambda)")]),
    (r"Let $X$ be an exponential random variable with rate $\lambda$.", [("X", r"exponential(\lambda)")]),
    (r"$X$ has a Poisson distribution with mean $\mu$.", [("X", r"Poisson(\mu)")]),
    (r"$X$ is a fine variable with parameter $p$.", []),  # no family of that name
    (r"$X$ is not a Poisson variable with parameter $\mu$.", []),
    # distributions named with no family, applied to an outcome: categoricals on a number of outcomes N
    (r"Take two distributions $$p$$ and $$q$$. Then $$H(p, q) = -\sum_x p(x) \log q(x)$$",
     [("p", r"(p_1, \ldots, p_N)"), ("q", r"(q_1, \ldots, q_N)")]),
    (r"Here $p(x)$ is a probability distribution, so $\sum_x p(x) = 1$ over its $K$ bins.",
     [("p", r"(p_1, \ldots, p_N)")]),
    (r"Let $P$ and $Q$ be pmfs on $N$ points: $D(P \| Q) = \sum_x P(x) \log \frac{P(x)}{Q(x)}$.",
     [("P", r"(p_1, \ldots, p_K)"), ("Q", r"(q_1, \ldots, q_K)")]),  # N is taken: another name
    (r"Let $p$ be a distribution with $p(x)$ and $1 - p$.", []),  # p is a number too
    (r"Let $p$ be a distribution with $p(H) = 1/2$.", []),  # applied to an outcome's name, not a variable
    (r"Let $P$ and $Q$ be probability distributions.", []),  # never applied: nothing to read
    (r"Take two distributions $p$ and $q$: $h = -\int p(x) \log q(x) dx$.", []),  # densities: not categoricals
    (r"Let $p$ and $q$ be distributions with $p(x) = q(x)$, $N$ and $K$ and $M$ trials.", []),  # no name left
]


@pytest.mark.parametrize(("text", "expected"), DECLARED, ids=[t[:40] for t, _ in DECLARED])
def test_prose_declarations(text: str, expected: list[tuple[str, str]]) -> None:
    assert prose_declarations(text) == expected


#: (text, the sample it gives whole)
SAMPLES = [
    (r"Let $x_1 = 1.1, x_2 = 2.2$ and $x_3 = 3.3$ be three observed values.", ("x", ("1.1", "2.2", "3.3"))),
    (r"A sample of size 2: $y_1 = 0$, $y_{2} = 1$.", ("y", ("0", "1"))),
    (r"Let $x_1 = 1$ and $x_2 = 2$.", None),  # how many the sample holds is not said: perhaps more
    (r"Three observed values: $x_1 = 1$ and $x_3 = 2$.", None),  # not every index from 1
    (r"Three observed values: $x_1 = 1$ and $x_2 = 2$.", None),  # three said, two given
]


@pytest.mark.parametrize(("text", "expected"), SAMPLES, ids=[t[:40] for t, _ in SAMPLES])
def test_given_sample(text: str, expected: tuple | None) -> None:
    assert given_sample(text) == expected


def test_given_data_by_label_and_index() -> None:
    text = r"Let $x_1 = 1.1, x_2 = -2$ and $y_{3} = 0.5$; the model is $$z_1 = 4$$ and $x_1 = 9$ later, $w_a = 1$."
    assert given_data(text) == {"x": {1: "1.1", 2: "-2"}, "y": {3: "0.5"}, "z": {1: "4"}}


@pytest.mark.parametrize(("text", "sample"), [
    ("The observations 3 7 5 3 2 are geometric. $$\\sum_{i=1}^5 \\ln P(x_i)$$", ("x", ("3", "7", "5", "3", "2"))),
    ("The data are 1.5, 2 and 4. $$\\prod_{j=1}^{3} f(y_j)$$", ("y", ("1.5", "2", "4"))),
    ("The data are 1.5, 2 and 4. $$\\prod_{j=1}^{n} f(y_j)$$", ("y", ("1.5", "2", "4"))),
    ("The data are 1.5, 2 and 4. $$\\sum_{j=1}^{5} y_j$$", None),  # five terms, three values: not this sample
    ("The data are 1.5, 2 and 4. $$\\sum_{j=1}^{3} y_j + z_j$$", None),  # two labels: whose values?
    ("There are 3 apples. $$\\sum_{i=1}^{3} x_i$$", None),  # no list of data
])
def test_data_listed_in_prose_are_the_sample_of_the_one_label_summed(text: str, sample: object) -> None:
    assert given_sample(text) == sample



@pytest.mark.parametrize(("text", "found"), [
    ("Let $X$ be 1 with probability $p$ and 0 with probability $q = 1-p$.", [("X", "\\mathrm{Bernoulli}(p)")]),
    ("Here \\( Y \\) equals 1 with probability \\( \\theta \\), else 0.", [("Y", "\\mathrm{Bernoulli}(\\theta)")]),
    ("$X$ is not 1 with probability $p$.", []),
    ("$X$ is 2 with probability $p$.", []),
])
def test_a_variable_that_is_1_with_probability_p_is_bernoulli(text: str, found: list) -> None:
    from derive.check.variables import indicator_declarations

    assert indicator_declarations(text) == found


@pytest.mark.parametrize(("tex", "expected"), [
    (r"q(z \mid x)", True),  # a latent value, given the data
    (r"p(x|z)", True),
    (r"q_\phi(\boldsymbol{z}|\boldsymbol{x})", True),
    (r"p(x, y) = p(x) p(y)", False),  # a joint density: no model's latent value
    (r"p(y | x)", False),  # of other letters
    (r"\log p(z) + z_1", False),
])
def test_conditioned(tex: str, expected: bool) -> None:
    from derive.check.variables import conditioned

    assert conditioned("z", [tex]) is expected
