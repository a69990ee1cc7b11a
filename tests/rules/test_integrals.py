"""Rules on integrals and infinite sums.

log-density, expand-power, split-integral, pull-constant, known-moment and collect-terms.

Every rewrite is checked by ``assert_rewrites``: the exact tree and printed form, and the
verifier's proof that the value did not change (integrals included).
"""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Bernoulli, Domain, Rewrite, Status, check_equal
from derive.core.functions import Log
from derive.core.strategies import everywhere
from derive.core.terms import add, mul, neg
from derive.distributions.families import Beta, Exponential, Gamma, Geometric, Laplace, Normal, Poisson
from derive.distributions.measures import CrossEntropy, Entropy, Prob
from derive.render.printer import to_latex
from derive.rules import collect_terms, expand_power, known_moment, log_density, pull_constant, split_integral
from derive.rules.integrals import layout, log_density_terms, tidy
from tests.helpers import assert_no_match, assert_refuses, assert_rewrites

mu1, mu2, s1, s2 = sp.symbols("mu1 mu2 sigma1 sigma2")
l1, l2, a1, b1, m1 = sp.symbols("lambda1 lambda2 a1 b1 m1")
a, b, c, p, q = sp.symbols("a b c p q")
N1, N2 = Normal(mu1, s1), Normal(mu2, s2, name="Q")
E1, E2 = Exponential(l1), Exponential(l2, name="Q")
L1 = Laplace(m1, b1)
G1 = Gamma(a1, b1)
B1 = Beta(a1, b1)
PO1 = Poisson(l1)
GE1 = Geometric(p)
x, k = N1.variable, PO1.variable
NORMAL = N1.domain.merge(N2.domain)
EXPONENTIAL = E1.domain.merge(E2.domain)
LAPLACE = L1.domain.merge(Domain(((mu2, sp.Interval.open(-sp.oo, sp.oo)),)))
#: Gamma and Beta log-densities need x inside the support to split log(x^(a-1)).
GAMMA = G1.domain.merge(Domain(((x, sp.Interval.open(0, sp.oo)),)))
BETA = B1.domain.merge(Domain(((x, sp.Interval.open(0, 1)),)))
POISSON = PO1.domain
GEOMETRIC = GE1.domain
R = (x, -sp.oo, sp.oo)
HALF = (x, 0, sp.oo)
N0 = (k, 0, sp.oo)


def P(d=N1, v=None):
    return Prob(d, d.variable if v is None else v)


def over(body, limits=R):
    return sp.Integral(body, limits)


def recip(e):
    return sp.Pow(e, -1, evaluate=False)


def square(e):
    return sp.Pow(e, 2, evaluate=False)


def log(e):
    return sp.log(e, evaluate=False)


def sqrt_2pi():
    return sp.Pow(mul(2, sp.pi), sp.Rational(1, 2), evaluate=False)


# -- log-density ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("before, after, domain", [
    (sp.log(P(N2)), add(neg(log(mul(s2, sqrt_2pi()))), mul(-1, recip(mul(2, sp.Pow(s2, 2))), square(add(x, neg(mu2))))),
     NORMAL),
    (sp.log(P(E1)), add(log(l1), mul(-1, l1, x)), EXPONENTIAL),
    (sp.log(P(L1)), add(neg(log(mul(2, b1))), mul(-1, recip(b1), sp.Abs(add(m1, neg(x)), evaluate=False))), LAPLACE),
    (sp.log(P(G1)), add(neg(log(sp.gamma(a1))), mul(a1, log(b1)), mul(add(a1, -1), log(x)), mul(-1, b1, x)), GAMMA),
    (sp.log(P(B1)), add(log(sp.gamma(a1 + b1)), neg(log(sp.gamma(a1) * sp.gamma(b1))), mul(add(a1, -1), log(x)),
                        mul(add(b1, -1), log(add(1, neg(x))))), BETA),
    (Log(P(E1), 2), mul(recip(sp.log(2)), add(log(l1), mul(-1, l1, x))), EXPONENTIAL),
], ids=["normal", "exponential", "laplace", "gamma", "beta", "exponential-bits"])
def test_log_density_matches(before, after, domain):
    assert_rewrites(log_density, before, after, domain)


@pytest.mark.parametrize("d, after, domain", [
    (PO1, add(neg(l1), mul(k, log(l1)), neg(log(sp.factorial(k)))), POISSON),
    (GE1, add(log(p), mul(k, log(add(1, neg(p))))), GEOMETRIC),
], ids=["poisson", "geometric"])
def test_log_density_of_a_mass_function_inside_its_sum(d, after, domain):
    """Alone, ``k`` would be sampled as any real; inside the sum over the support it is a non-negative integer."""
    before = sp.Sum(mul(P(d), sp.log(P(d))), N0)
    outcome = everywhere(log_density, before, domain)
    assert isinstance(outcome, Rewrite) and outcome.expr == sp.Sum(mul(P(d), after), N0)
    assert to_latex(outcome.expr) == to_latex(sp.Sum(mul(P(d), after), N0))
    assert check_equal(before, outcome.expr, domain).status is Status.PROVED


@pytest.mark.parametrize("d", [N1, E1, L1, G1, B1, PO1, GE1], ids=lambda d: d.family)
def test_log_density_agrees_with_the_family_log_pmf(d):
    written = log_density_terms(d, d.variable)
    assert sp.expand(sp.expand_log(written, force=True) - d.log_pmf(d.variable)) == 0


@pytest.mark.parametrize("before", [
    sp.log(Prob(Bernoulli(p), Bernoulli(p).outcomes[0])),
    sp.log(Prob(N1, sp.Integer(3))),
    sp.log(Prob(N1, sp.Symbol("y", real=True))),
    P(N1),
    sp.log(mul(2, P(N1))),
    sp.log(x),
    sp.exp(P(N1)),
], ids=["coin", "at-a-number", "at-another-variable", "no-log", "log-of-a-product", "log-of-the-variable", "exp"])
def test_log_density_does_not_match(before):
    assert_no_match(log_density, before, NORMAL)


# -- expand-power -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("before, after", [
    (square(add(x, neg(mu2))), add(sp.Pow(x, 2), mul(-2, mu2, x), sp.Pow(mu2, 2))),
    (square(add(x, mu2)), add(sp.Pow(x, 2), mul(2, mu2, x), sp.Pow(mu2, 2))),
    (sp.Pow(add(x, 1), 3, evaluate=False), add(sp.Pow(x, 3), mul(3, sp.Pow(x, 2)), mul(3, x), sp.Integer(1))),
    (sp.Pow(add(x, neg(mu1)), 3, evaluate=False),
     add(sp.Pow(x, 3), mul(-3, mu1, sp.Pow(x, 2)), mul(3, sp.Pow(mu1, 2), x), mul(-1, sp.Pow(mu1, 3)))),
    ((x - mu1) ** 2, add(sp.Pow(x, 2), mul(-2, mu1, x), sp.Pow(mu1, 2))),
    (square(add(a, b, c)), add(*sp.Add.make_args(sp.expand((a + b + c) ** 2)))),
], ids=["(x-mu)^2", "(x+mu)^2", "(x+1)^3", "(x-mu)^3", "sympy-built-square", "three-terms"])
def test_expand_power_matches(before, after):
    assert_rewrites(expand_power, before, after, NORMAL)


@pytest.mark.parametrize("before", [
    sp.Pow(x, 2),
    sp.Pow(add(x, neg(mu1)), sp.Rational(1, 2), evaluate=False),
    sp.Pow(add(x, neg(mu1)), -2, evaluate=False),
    sp.Pow(add(x, neg(mu1)), a, evaluate=False),
    sp.Pow(add(x, neg(mu1)), 1, evaluate=False),
    mul(add(x, 1), add(x, 2)),
], ids=["power-of-a-symbol", "square-root", "negative-power", "symbolic-power", "first-power", "product"])
def test_expand_power_does_not_match(before):
    assert_no_match(expand_power, before, NORMAL)


# -- split-integral ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("before, after, domain", [
    (over(add(mul(P(N1), sp.log(P(N1))), neg(mul(P(N1), sp.log(P(N2)))))),
     add(over(mul(P(N1), sp.log(P(N1)))), over(neg(mul(P(N1), sp.log(P(N2)))))), NORMAL),
    (over(add(mul(P(N1), sp.Pow(x, 2)), mul(-2, mu2, P(N1), x), mul(sp.Pow(mu2, 2), P(N1)))),
     add(over(mul(P(N1), sp.Pow(x, 2))), over(mul(-2, mu2, P(N1), x)), over(mul(sp.Pow(mu2, 2), P(N1)))), NORMAL),
    (over(add(mul(l2, P(E1), x), neg(mul(P(E1), log(l2)))), HALF),
     add(over(mul(l2, P(E1), x), HALF), over(neg(mul(P(E1), log(l2))), HALF)), EXPONENTIAL),
    (sp.Integral(add(x, 1), (x, 0, 1)), add(sp.Integral(x, (x, 0, 1)), sp.Integral(1, (x, 0, 1))), Domain()),
    (over(add(mul(P(N1), x), P(N1))), add(over(mul(P(N1), x)), over(P(N1))), NORMAL),
], ids=["KL-integrand", "three-moments", "exponential-half-line", "constant-on-a-finite-range", "order-kept"])
def test_split_integral_matches(before, after, domain):
    assert_rewrites(split_integral, before, after, domain)


@pytest.mark.parametrize("before", [
    sp.Sum(add(mul(P(PO1), k), P(PO1)), N0),
    over(mul(P(N1), x)),
    add(over(P(N1)), over(mul(P(N1), x))),
    sp.Integral(add(x, 1), x),
    sp.Integral(add(x, sp.Symbol("y")), (x, 0, 1), (sp.Symbol("y"), 0, 1)),
], ids=["sum-is-split-sum's", "one-term", "already-split", "indefinite", "double-integral"])
def test_split_integral_does_not_match(before):
    assert_no_match(split_integral, before, NORMAL)


@pytest.mark.parametrize("before, mentions", [
    (over(add(P(N1), sp.Integer(1))), ("diverges", "(-oo, oo)")),
    (over(add(mul(P(E1), x), neg(mu2)), HALF), ("diverges", "-mu2")),
    (over(add(x, neg(x), P(N1))), ("not known to converge", "integral of x over (-oo, oo)")),
    (over(add(mul(P(N1), x), mul(P(E1), x))), ("not known to converge", "over (-oo, oo)")),
    (over(add(mul(P(N1), sp.exp(x)), P(N1))), ("not known to converge", "exp(x)")),
], ids=["constant-over-the-line", "constant-over-a-half-line", "x-x-over-the-line", "density-of-another-support",
        "exponential-growth"])  # the last three: found by tests/rules/test_properties.py (int (x - x) became oo - oo)
def test_split_integral_refuses_a_term_whose_integral_diverges(before, mentions):
    assert_refuses(split_integral, before, NORMAL, *mentions)


# -- pull-constant -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("before, after, domain", [
    (over(mul(P(N1), log(mul(s2, sqrt_2pi())))), mul(log(mul(s2, sqrt_2pi())), over(P(N1))), NORMAL),
    (over(mul(-2, recip(mul(2, sp.Pow(s2, 2))), P(N1), mu2, x)),
     mul(-1, recip(sp.Pow(s2, 2)), mu2, over(mul(P(N1), x))), NORMAL),
    (over(mul(recip(mul(2, sp.Pow(s2, 2))), P(N1), sp.Pow(x, 2))),
     mul(recip(mul(2, sp.Pow(s2, 2))), over(mul(P(N1), sp.Pow(x, 2)))), NORMAL),
    (over(mul(sp.Rational(1, 2), P(N1), x)), mul(recip(sp.Integer(2)), over(mul(P(N1), x))), NORMAL),
    (over(mul(-1, l2, P(E1), x), HALF), mul(-1, l2, over(mul(P(E1), x), HALF)), EXPONENTIAL),
    (sp.Sum(mul(P(PO1), k, log(l1)), N0), mul(log(l1), sp.Sum(mul(P(PO1), k), N0)), POISSON),
    (over(mul(add(a1, -1), P(G1), log(x)), HALF), mul(add(a1, -1), over(mul(P(G1), log(x)), HALF)), G1.domain),
], ids=["log-constant", "numbers-cancel", "one-over-2-sigma-squared", "rational", "minus-sign", "sum",
        "bracket-kept"])
def test_pull_constant_matches(before, after, domain):
    assert_rewrites(pull_constant, before, after, domain)


@pytest.mark.parametrize("before", [
    over(mul(P(N1), x)),
    over(P(N1)),
    over(add(mul(2, P(N1)), P(N1))),
    mul(2, over(P(N1))),
    sp.Integral(mu2, (x, 0, 1)),
], ids=["nothing-constant", "density-alone", "sum-inside", "already-outside", "constant-on-a-finite-range"])
def test_pull_constant_does_not_match(before):
    assert_no_match(pull_constant, before, NORMAL)


@pytest.mark.parametrize("before", [over(mu2), sp.Integral(mul(2, mu2), HALF), sp.Sum(l1, N0)],
                         ids=["line", "half-line", "infinite-sum"])
def test_pull_constant_refuses_an_integral_of_a_constant_over_an_infinite_range(before):
    assert_refuses(pull_constant, before, NORMAL, "does not depend on", "diverges")


# -- known-moment ---------------------------------------------------------------------------------------------------

def moment_cases():
    fact_laplace = sp.Abs(mu2 - m1) + b1 * sp.exp(-sp.Abs(mu2 - m1) / b1)
    return [
        (over(P(N1)), sp.Integer(1), NORMAL),
        (over(mul(P(N1), x)), mu1, NORMAL),
        (over(mul(P(N1), sp.Pow(x, 2))), s1 ** 2 + mu1 ** 2, NORMAL),
        (over(mul(P(N2), x)), mu2, NORMAL),
        (over(mul(P(E1), x), HALF), 1 / l1, EXPONENTIAL),
        (over(mul(P(E1), sp.log(x)), HALF), -sp.EulerGamma - sp.log(l1), EXPONENTIAL),
        (over(mul(P(L1), sp.Abs(x - m1))), b1, L1.domain),
        (over(mul(P(L1), sp.Abs(x - mu2))), fact_laplace, LAPLACE),
        (over(mul(P(G1), sp.log(x)), HALF), sp.digamma(a1) - sp.log(b1), G1.domain),
        (sp.Sum(mul(P(PO1), k), N0), l1, POISSON),
        (sp.Sum(P(PO1), N0), sp.Integer(1), POISSON),
        (sp.Sum(mul(P(GE1), k), N0), (1 - p) / p, GEOMETRIC),
    ]


@pytest.mark.parametrize("before, after, domain", moment_cases(),
                         ids=["total-probability", "normal-mean", "normal-second-moment", "mean-of-Q",
                              "exponential-mean", "exponential-mean-log", "laplace-mean-absolute-deviation",
                              "laplace-distance-to-c", "gamma-mean-log", "poisson-mean", "poisson-total", "geometric-mean"])
def test_known_moment_matches_and_records_the_fact(before, after, domain):
    outcome = assert_rewrites(known_moment, before, after, domain)
    assert outcome.conditions == (sp.Eq(before, after, evaluate=False),)


@pytest.mark.parametrize("before", [
    over(mul(P(N1), sp.log(x))),
    sp.Sum(mul(P(PO1), sp.log(sp.factorial(k))), N0),
    over(mul(P(N1), P(N2))),
    over(x),
    mul(P(N1), x),
    over(mul(P(N1), CrossEntropy(N1, N2))),
    over(mul(Prob(N1, sp.Symbol("y", real=True)), x)),
], ids=["no-fact-for-log-x-under-a-normal", "no-fact-for-log-k!", "two-densities", "no-density", "no-integral",
        "a-measure-inside", "density-at-another-variable"])
def test_known_moment_does_not_match(before):
    assert_no_match(known_moment, before, NORMAL)


@pytest.mark.parametrize("before, mentions", [
    (over(mul(P(N1), x), HALF), ("(0, oo)", "support of P", "(-oo, oo)")),
    (sp.Integral(P(E1), (x, 1, sp.oo)), ("(1, oo)", "(0, oo)")),
    (sp.Sum(mul(P(PO1), k), (k, 1, sp.oo)), ("sum runs over (1, oo)",)),
], ids=["normal-over-a-half-line", "exponential-from-one", "poisson-from-one"])
def test_known_moment_refuses_outside_the_support(before, mentions):
    assert_refuses(known_moment, before, NORMAL, *mentions)


# -- collect-terms ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("before, latex", [
    (add(neg(log(l2)), mul(l2, recip(l1))), r"-\log(\lambda_{2}) + \frac{\lambda_{2}}{\lambda_{1}}"),
    (add(mul(a, sp.log(p)), mul(b, sp.log(p)), 1), r"1 + (a + b) \log(p)"),
    (add(mul(recip(mul(2, sp.Pow(s2, 2))), add(sp.Pow(mu1, 2), sp.Pow(s1, 2))),
         mul(-1, recip(sp.Pow(s2, 2)), mu2, mu1)),
     r"\frac{\mu_{1}^{2}}{2 \sigma_{2}^{2}} + \frac{\sigma_{1}^{2}}{2 \sigma_{2}^{2}} "
     r"- \frac{\mu_{1} \mu_{2}}{\sigma_{2}^{2}}"),
    (add(log(mul(2, b1)), mul(b1, recip(b1))), r"1 + \log(2) + \log(b_{1})"),
], ids=["exponential-cross-entropy", "two-logs-of-p", "normal-moments", "laplace-entropy"])
def test_collect_terms_matches(before, latex):
    after = layout(tidy(before))
    assert_rewrites(collect_terms, before, after, NORMAL.merge(Domain(((l1, sp.Interval.open(0, sp.oo)),
                                                                        (l2, sp.Interval.open(0, sp.oo)),
                                                                        (b1, sp.Interval.open(0, sp.oo)),
                                                                        (p, sp.Interval.open(0, 1))))))
    assert to_latex(after) == latex


@pytest.mark.parametrize("before", [
    Entropy(N1),
    sp.Eq(mu1, mu2, evaluate=False),
    add(mul(mu2, over(mul(P(N1), x))), mu1),
    mu1,
], ids=["measure", "equation", "pending-moment", "nothing-to-collect"])
def test_collect_terms_does_not_match(before):
    assert_no_match(collect_terms, before, NORMAL)
