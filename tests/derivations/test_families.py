"""The article replayed with integrals (or infinite sums) for parametric families, down to the closed forms.

For every shipped family: the derivation verifies (every step proved, none unknown), its closed
forms are proved equal to :mod:`derive.closed_forms` by the verifier, the key steps print as a
reader expects, and planted errors (a flipped sign, swapped parameters) are refuted.  The
numbers behind refutation are tested too: integrals with a kink (Laplace) or an endpoint
singularity (Beta) are not refuted when they hold.
"""

from __future__ import annotations

import dataclasses
from functools import cache

import pytest
import sympy as sp

from derive import Bernoulli, DeriveError, Status, check_equal
from derive.closed_forms import cross_entropy_form as cross_entropy, entropy_form as entropy, kl_form as kl
from derive.core import Derivation, Step
from derive.derivations import kl_closed_form, kl_cross_entropy
from derive.distributions.families import (Beta, Binomial, Exponential, Gamma, Geometric, Laplace, Normal, Parametric,
                                           Poisson, Uniform)
from derive.core.terms import add, mul, neg, quotient, terms_of
from derive.distributions.measures import KL, CrossEntropy, Entropy
from derive.render.printer import to_latex
from derive.verify import check_step
from derive.verify.numeric import estimate as _estimate
from derive.verify.quadrature import kinks as _kinks

S = sp.Symbol
mu1, mu2, s1, s2 = S("mu_1"), S("mu_2"), S("sigma_1"), S("sigma_2")
l1, l2 = S("lambda_1"), S("lambda_2")
PAIRS = {
    "normal": lambda: (Normal(mu1, s1), Normal(mu2, s2, name="Q")),
    "exponential": lambda: (Exponential(l1), Exponential(l2, name="Q")),
    "gamma": lambda: (Gamma(S("alpha_1"), S("beta_1")), Gamma(S("alpha_2"), S("beta_2"), name="Q")),
    "laplace": lambda: (Laplace(mu1, S("b_1")), Laplace(mu2, S("b_2"), name="Q")),
    "poisson": lambda: (Poisson(l1), Poisson(l2, name="Q")),
    "geometric": lambda: (Geometric(S("p_1")), Geometric(S("p_2"), name="Q")),
    "beta": lambda: (Beta(S("a_1"), S("b_1")), Beta(S("a_2"), S("b_2"), name="Q")),
}
SHIPPED = list(PAIRS)


@cache
def derivation(family: str, units: str = "nats") -> Derivation:
    return kl_closed_form(*PAIRS[family](), units=units)


@cache
def report(family: str, units: str = "nats"):
    return derivation(family, units).verify()


def closing_chains(d: Derivation) -> dict[str, object]:
    """The three closed-form chains, by the measure they start from."""
    chains = d.sections[-1].chains
    return {type(c.subject).__name__: c for c in chains}


# -- it verifies, and ends where closed_forms does ------------------------------------------------------

@pytest.mark.parametrize("family", SHIPPED)
def test_every_step_is_proved(family):
    r = report(family)
    assert r.ok, [(s.rule, v.status.value, v.reason) for s, v in r.results if not v.proved]
    assert r.count(Status.UNKNOWN) == 0 and r.count(Status.REFUTED) == 0


@pytest.mark.parametrize("family", SHIPPED)
def test_closed_forms_are_those_of_derive_closed_forms(family):
    d = derivation(family)
    P, Q = d.distributions
    chains = closing_chains(d)
    for name, reference in (("CrossEntropy", cross_entropy(P, Q)), ("Entropy", entropy(P)), ("KL", kl(P, Q))):
        final = chains[name].current
        assert not final.has(sp.Integral), (name, final)
        verdict = check_equal(final, reference.value, d.domain)
        assert verdict.proved, (family, name, final, reference.value, verdict)


@pytest.mark.parametrize("family", ["normal", "exponential", "poisson"])
def test_closed_forms_agree_at_random_points(family):
    """Independently of the verifier: the final expressions evaluated at random parameters."""
    import random

    from derive.distributions.semantics import denote

    d = derivation(family)
    P, Q = d.distributions
    chains = closing_chains(d)
    rng = random.Random(4)
    for _ in range(3):
        point = {}
        for dist in (P, Q):
            for symbol, interval in dist.domain.intervals:
                lo = max(interval.start, -3) if interval.start != 0 else 0
                point[symbol] = sp.Rational(rng.randint(1, 40), 10) + lo
        for name, reference in (("CrossEntropy", cross_entropy(P, Q)), ("Entropy", entropy(P)), ("KL", kl(P, Q))):
            ours = sp.N(denote(chains[name].current).xreplace(point), 20)
            theirs = sp.N(reference.value.xreplace(point), 20)
            assert abs(ours - theirs) < 1e-12, (family, name, point, ours, theirs)


def test_the_kl_chain_of_a_poisson_cancels_the_open_sums():
    """E[log K!] has no closed form: cross-entropy and entropy keep it as a sum, KL does not."""
    chains = closing_chains(derivation("poisson"))
    assert chains["CrossEntropy"].current.has(sp.Sum) and chains["Entropy"].current.has(sp.Sum)
    assert not chains["KL"].current.has(sp.Sum)


def test_bits():
    d = derivation("exponential", "bits")
    assert d.slug == "kl-cross-entropy-exponential-bits" and d.units == "bits"
    assert report("exponential", "bits").ok
    P, Q = d.distributions
    assert check_equal(closing_chains(d)["KL"].current, kl(P, Q, "bits").value, d.domain).proved
    assert r"\log_{2}" in to_latex(d.steps[0].after)


# -- the last line of each chain is the textbook's -----------------------------------------------------------

b1, b2, p1, p2 = S("b_1"), S("b_2"), S("p_1"), S("p_2")
HALF = sp.Rational(1, 2)


def _log(x):
    return sp.log(x, evaluate=False)


def _root(*factors):
    return sp.Pow(mul(*factors), HALF, evaluate=False)


def _square(a, b):
    return sp.Pow(add(a, neg(b)), 2, evaluate=False)


def _one_minus(x):
    return add(sp.Integer(1), neg(x))


_NORMAL_QUADRATIC = quotient(add(s1 ** 2, _square(mu1, mu2)), 2 * s2 ** 2)
_LAPLACE_MEAN = (b1 * sp.exp(-sp.Abs(mu1 - mu2) / b1) + sp.Abs(mu1 - mu2)) / b2  # E|X - mu_2| / b_2, as the fact has it
TEXTBOOK = {
    ("normal", "KL"): add(_log(quotient(s2, s1)), _NORMAL_QUADRATIC, -HALF),
    ("normal", "CrossEntropy"): add(_log(mul(s2, _root(2, sp.pi))), _NORMAL_QUADRATIC),
    ("normal", "Entropy"): _log(mul(s1, _root(2, sp.pi, sp.E))),
    ("exponential", "KL"): add(_log(quotient(l1, l2)), quotient(l2, l1), sp.Integer(-1)),
    ("exponential", "CrossEntropy"): add(neg(_log(l2)), quotient(l2, l1)),
    ("exponential", "Entropy"): add(neg(_log(l1)), sp.Integer(1)),
    ("poisson", "KL"): add(mul(l1, _log(quotient(l1, l2))), l2, neg(l1)),
    ("geometric", "KL"): add(_log(quotient(p1, p2)),
                             mul(_one_minus(p1), _log(quotient(_one_minus(p1), _one_minus(p2))),
                                 sp.Pow(p1, -1, evaluate=False))),
    ("geometric", "CrossEntropy"): add(neg(_log(p2)), mul(-1, sp.Pow(p1, -1, evaluate=False), _one_minus(p1),
                                                          _log(_one_minus(p2)))),
    ("laplace", "KL"): add(_log(quotient(b2, b1)), _LAPLACE_MEAN, sp.Integer(-1)),
    ("laplace", "CrossEntropy"): add(_log(mul(2, b2)), _LAPLACE_MEAN),
    ("laplace", "Entropy"): _log(mul(2, b1, sp.E)),
}


@pytest.mark.parametrize("family, measure", list(TEXTBOOK), ids=[f"{f}-{m}" for f, m in TEXTBOOK])
def test_each_chain_ends_in_the_textbook_form(family, measure):
    """The last line is the reference's expression, term for term and in its order (the same tree, so the same print)."""
    final = closing_chains(derivation(family))[measure].current
    expected = TEXTBOOK[family, measure]
    assert to_latex(final) == to_latex(expected), (family, measure)
    assert final == expected, (family, measure, sp.srepr(final))


@pytest.mark.parametrize("family, rules", [
    ("normal", ["combine-fractions", "combine-logs", "complete-the-square", "order-terms"]),
    ("exponential", ["cancel-fraction", "combine-logs", "order-terms"]),
    ("poisson", ["cancel", "combine-logs", "order-terms"]),
    ("geometric", ["combine-logs"]),
    ("laplace", ["cancel-fraction", "combine-logs", "order-terms"]),
])
def test_the_kl_is_shaped_by_named_steps(family, rules):
    steps = closing_chains(derivation(family))["KL"].steps
    names = [s.rule for s in steps]
    assert names[names.index("known-moment") + 1:] == rules


def test_known_moment_writes_a_square_not_a_product():
    """``mu_1 * E[X]`` under a normal P becomes ``mu_1^2``, not ``mu_1 mu_1``."""
    step = next(s for s in closing_chains(derivation("normal"))["Entropy"].steps if s.rule == "known-moment")
    assert r"\mu_{1} \mu_{1}" not in to_latex(step.after) and step.after.has(mu1 ** 2)


@pytest.mark.parametrize("family", ["normal", "laplace", "poisson", "geometric", "gamma"])
def test_every_step_is_proved_in_bits(family):
    r = report(family, "bits")
    assert r.ok, [(s.rule, v.status.value, v.reason) for s, v in r.results if not v.proved]


# -- structure and print ---------------------------------------------------------------------------------

def test_the_article_is_replayed_with_integrals():
    d = derivation("normal")
    assert d.slug == "kl-cross-entropy-normal"
    assert d.title == "KL divergence, cross-entropy and entropy of two normal distributions"
    a = d.sections[0].chains[0]
    assert [s.rule for s in a.steps] == ["unfold-definition", "log-quotient-split", "distribute", "split-integral",
                                         "regroup"]
    split = a.steps[1]
    P, Q = d.distributions
    assert [to_latex(c) for c in split.conditions] == ["P(x) > 0", "Q(x) > 0"]
    link, rearranged = d.sections[1].chains
    assert [s.rule for s in link.steps] == ["recognise-definition", "fold-definition"]
    assert link.current == add(CrossEntropy(P, Q), neg(Entropy(P)))
    assert rearranged.current == sp.Eq(CrossEntropy(P, Q), add(KL(P, Q), Entropy(P)), evaluate=False)
    assert d.statement == sp.Eq(CrossEntropy(P, Q), add(KL(P, Q), Entropy(P)), evaluate=False)


def test_key_steps_print_as_written_by_hand():
    d = derivation("normal")
    a = d.sections[0].chains[0]
    assert to_latex(a.steps[0].after) == \
        r"\int_{-\infty}^{\infty} P(x) \log\left(\frac{P(x)}{Q(x)}\right) \, dx"
    assert to_latex(a.steps[1].after) == \
        r"\int_{-\infty}^{\infty} P(x) \left[\log(P(x)) - \log(Q(x))\right] \, dx"
    ce = closing_chains(d)["CrossEntropy"]
    steps = {s.rule: s for s in ce.steps}
    assert to_latex(steps["log-density"].after) == (
        r"\int_{-\infty}^{\infty} -P(x) \left[-\log(\sigma_{2} \sqrt{2 \pi}) - "
        r"\frac{\left(x - \mu_{2}\right)^{2}}{2 \sigma_{2}^{2}}\right] \, dx")
    assert r"x^{2} - 2 \mu_{2} x + \mu_{2}^{2}" in to_latex(steps["expand-power"].after)
    assert r"\int_{-\infty}^{\infty} P(x) x^{2} \, dx" in to_latex(steps["pull-constant"].after)
    moment = steps["known-moment"]
    assert [to_latex(c) for c in moment.conditions] == [
        r"\int_{-\infty}^{\infty} P(x) \, dx = 1",
        r"\int_{-\infty}^{\infty} P(x) x^{2} \, dx = \mu_{1}^{2} + \sigma_{1}^{2}",
        r"\int_{-\infty}^{\infty} P(x) x \, dx = \mu_{1}"]
    assert "total probability" in moment.note and "normal second moment" in moment.note
    assert not to_latex(ce.current).count(r"\int")


@pytest.mark.parametrize("family, pieces", [
    ("exponential", [r"\int_{0}^{\infty}", r"\log(\lambda_{2}) - \lambda_{2} x"]),
    ("laplace", [r"-\log(2 b_{2})", r"\left|{\mu_{2} - x}\right|"]),
    ("gamma", [r"\log(\Gamma\left(\alpha_{2}\right))", r"(\alpha_{2} - 1) \log(x)"]),
    ("poisson", [r"\sum_{k=0}^{\infty}", r"k \log(\lambda_{2})", r"\log(k!)"]),
    ("geometric", [r"\sum_{k=0}^{\infty}", r"k \log(1 - p_{2})"]),
    ("beta", [r"\int_{0}^{1}", r"(b_{2} - 1) \log(1 - x)"]),
], ids=["exponential", "laplace", "gamma", "poisson", "geometric", "beta"])
def test_log_density_prints_term_by_term(family, pieces):
    step = next(s for s in closing_chains(derivation(family))["CrossEntropy"].steps if s.rule == "log-density")
    text = to_latex(step.after)
    for piece in pieces:
        assert piece in text, (piece, text)


def test_the_dispatch_sends_parametric_families_here_and_coins_to_the_article():
    P, Q = PAIRS["exponential"]()
    assert kl_cross_entropy(P, Q).slug == "kl-cross-entropy-exponential"
    p, q = sp.symbols("p q")
    assert kl_cross_entropy(Bernoulli(p), Bernoulli(q, name="Q")).slug == "kl-cross-entropy-coin"


@pytest.mark.parametrize("pair, message", [
    (lambda: (Normal(mu1, s1), Exponential(l2, name="Q")), "same parametric family"),
    (lambda: (Exponential(l1), Exponential(l1, name="Q")), "same distribution"),
    (lambda: (Uniform(S("a"), S("b")), Uniform(S("a"), S("b"), name="Q")), "uniform"),
    (lambda: (Bernoulli(S("p")), Bernoulli(S("q"), name="Q")), "parametric family"),
    (lambda: (Binomial(4, S("p_1")), Binomial(4, S("p_2"), name="Q")), "cannot prove"),
], ids=["two-families", "P-is-Q", "uniform", "coin", "binomial-positivity"])
def test_what_is_not_derived_says_why(pair, message):
    with pytest.raises(DeriveError, match=message):
        kl_closed_form(*pair())


# -- planted errors are refuted -------------------------------------------------------------------------------

def planted(family: str):
    """``(step, wrong after)`` pairs: a sign flipped or the parameters swapped, at several stages."""
    d = derivation(family)
    P, Q = d.distributions
    swap = dict(zip(P.params, Q.params)) | dict(zip(Q.params, P.params))
    chains = closing_chains(d)
    out = []
    for chain in (chains["CrossEntropy"], chains["KL"]):
        for step in chain.steps:
            last = step is chain.steps[-1]
            if step.rule in ("split-integral", "known-moment") or last:
                terms = terms_of(step.after)
                flipped = add(neg(terms[0]), *terms[1:])
                out.append((step, flipped))
            if step.rule == "known-moment" or last:
                out.append((step, step.after.xreplace(swap)))
    return out


@pytest.mark.parametrize("family, count", [("normal", 10), ("exponential", 8)])
def test_planted_errors_are_refuted(family, count):
    domain = derivation(family).domain
    cases = planted(family)
    assert len(cases) == count
    for step, wrong in cases:
        verdict = check_step(Step(step.rule, step.before, wrong), domain)
        assert verdict.status is Status.REFUTED, (step.rule, sp.sstr(wrong), verdict)
        assert verdict.counterexample and "!=" in verdict.reason


def test_a_planted_step_fails_the_whole_derivation():
    d = derivation("exponential")
    section = d.sections[-1]
    chain = section.chains[0]
    k = next(i for i, s in enumerate(chain.steps) if s.rule == "known-moment")
    step = chain.steps[k]
    wrong = dataclasses.replace(step, after=step.after.xreplace({l1: l2, l2: l1}))
    bad_chain = dataclasses.replace(chain, steps=chain.steps[:k] + (wrong,) + chain.steps[k + 1:])
    bad = dataclasses.replace(d, sections=d.sections[:-1] + (
        dataclasses.replace(section, chains=(bad_chain,) + section.chains[1:]),))
    r = bad.verify()
    assert not r.ok and r.count(Status.REFUTED) >= 1
    assert any(s is wrong for s, v in r.results if v.status is Status.REFUTED)


# -- the numbers: kinks and endpoint singularities ---------------------------------------------------------------

X = Normal.variable.fget(Normal(0, 1))  # the bound variable x of densities


def test_an_integral_with_a_kink_is_split_there():
    """E|X - 1| under Laplace(0, 1/2): the kinks at 0 and 1 are cut points of the quadrature."""
    L = Laplace(0, sp.Rational(1, 2))
    integral = sp.Integral(L.density(X) * sp.Abs(X - 1), (X, -sp.oo, sp.oo))
    assert _kinks(integral.function, X) == {0, 1}
    value, error = _estimate(integral)
    exact = 1 + sp.exp(-2) / 2
    assert abs(value - sp.N(exact, 30)) <= 10 * error and error < 1e-10


def test_laplace_facts_hold_and_a_wrong_one_is_refuted():
    P, Q = PAIRS["laplace"]()
    domain = P.domain.merge(Q.domain)
    integral = P.expectation(sp.Abs(X - mu2))
    right = sp.Abs(mu2 - mu1) + S("b_1") * sp.exp(-sp.Abs(mu2 - mu1) / S("b_1"))
    assert check_equal(integral, right, domain).proved
    assert check_equal(integral, sp.Abs(mu2 - mu1) + S("b_1"), domain).status is Status.REFUTED


def test_beta_log_moments_hold_and_a_slightly_wrong_one_is_refuted():
    """Endpoint singularities (a < 1 at some sample points) must not cause a false refutation."""
    P, _ = PAIRS["beta"]()
    a, b = P.params
    integral = P.expectation(sp.log(X))
    right = sp.digamma(a) - sp.digamma(a + b)
    verdict = check_equal(integral, right, P.domain)
    assert verdict.proved, verdict
    assert check_equal(integral, right + sp.Rational(1, 1000), P.domain).status is Status.REFUTED


@pytest.mark.parametrize("family", SHIPPED)
def test_parameters_of_the_pair_are_the_domain(family):
    d = derivation(family)
    assert set(d.domain.symbols) == {s for dist in d.distributions for s in dist.params if isinstance(s, sp.Symbol)}
    assert all(isinstance(dist, Parametric) for dist in d.distributions)
