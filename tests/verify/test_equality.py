"""derive.verify: every step proved, refuted with a counterexample, or left unknown -- never proved by mistake."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Bernoulli, Domain, Status, check_equal
from derive.core import Step
from derive.core.terms import add, mul, neg
from derive.derivations import kl_cross_entropy
from derive.distributions.measures import KL, CrossEntropy, Entropy, Prob
from derive.distributions.semantics import denote
from derive.verify import check_step
from tests.helpers import DOMAIN, I, P, Q, one_minus, p, q

x = sp.Symbol("x")
kl, ce, h = KL(P, Q), CrossEntropy(P, Q), Entropy(P)
THIRD = Bernoulli(sp.Rational(1, 3), name="R")


# -- PROVED -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs, domain", [
    (add(kl, neg(ce), h), sp.Integer(0), DOMAIN),
    (ce, add(kl, h), DOMAIN),
    (kl, add(ce, neg(h)), DOMAIN),
    (sp.log(p / q), sp.log(p) - sp.log(q), DOMAIN),
    (sp.log((1 - p) / (1 - q)), sp.log(1 - p) - sp.log(1 - q), DOMAIN),
    (Entropy(THIRD), add(neg(mul(sp.Rational(1, 3), sp.log(sp.Rational(1, 3)))),
                          neg(mul(sp.Rational(2, 3), sp.log(sp.Rational(2, 3))))), Domain()),
    (Entropy(P), -(p * sp.log(p) + (1 - p) * sp.log(1 - p)), DOMAIN),
    (add(p, one_minus(p)), sp.Integer(1), DOMAIN),
], ids=["KL-CE+H=0", "CE=KL+H", "KL=CE-H", "log(p/q)", "log((1-p)/(1-q))", "numeric-coin-entropy",
        "entropy-by-hand", "p+(1-p)"])
def test_proved(lhs, rhs, domain):
    verdict = check_equal(lhs, rhs, domain)
    assert verdict.status is Status.PROVED, verdict
    assert verdict.proved and verdict.counterexample == ()


def test_derive_proves_what_sympy_simplify_does_not():
    """The coin identity, handed to SymPy with p and q merely positive, does not simplify to 0."""
    pp, qq = sp.symbols("p q", positive=True)
    value = denote(add(kl, neg(ce), h)).xreplace({p: pp, q: qq})
    assert sp.simplify(value) != 0
    assert check_equal(add(kl, neg(ce), h), 0, DOMAIN).status is Status.PROVED


def test_the_article_derivation_verifies():
    report = kl_cross_entropy(P, Q).verify()
    assert report.ok, report.summary()
    assert report.count(Status.REFUTED) == 0 and report.count(Status.UNKNOWN) == 0


def test_an_equation_step_is_checked_by_its_result():
    good = Step("rearrange", sp.Eq(kl, add(ce, neg(h)), evaluate=False), sp.Eq(ce, add(kl, h), evaluate=False))
    bad = Step("rearrange", sp.Eq(kl, add(ce, neg(h)), evaluate=False), sp.Eq(ce, add(kl, neg(h)), evaluate=False))
    assert check_step(good, DOMAIN).status is Status.PROVED
    assert check_step(bad, DOMAIN).status is Status.REFUTED


# -- REFUTED ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (add(kl, ce, h), sp.Integer(0)),
    (ce, add(kl, neg(h))),
    (ce, add(KL(Q, P), h)),
    (CrossEntropy(Q, P), add(kl, h)),
    (sp.log(p / q), sp.log(q) - sp.log(p)),
    (Entropy(P), Entropy(Q)),
    (p, q),
], ids=["flipped-sign-KL+CE+H", "flipped-sign-CE=KL-H", "KL-arguments-swapped", "CE-arguments-swapped",
        "log-quotient-swapped", "entropy-of-the-other-coin", "p=q"])
def test_refuted_with_a_counterexample_inside_the_domain(lhs, rhs):
    verdict = check_equal(lhs, rhs, DOMAIN)
    assert verdict.status is Status.REFUTED, verdict
    point = dict(verdict.counterexample)
    assert set(point) == {p, q}
    assert all(isinstance(v, sp.Rational) and 0 < v < 1 for v in point.values()), point
    left, right = (sp.N(denote(side).xreplace(point), 30) for side in (lhs, rhs))
    assert abs(left - right) > 1e-6, "the counterexample must actually tell the sides apart"
    assert "!=" in verdict.reason


@pytest.mark.parametrize("lhs, rhs, domain", [
    (x + 1, x, Domain()),
    (x + 1, x, DOMAIN),
    (sp.log(x) + 1, sp.log(x), DOMAIN),
    (p * x + 1, p * x, DOMAIN),
], ids=["x+1=x-no-domain", "x+1=x-coin-domain", "log(x)+1=log(x)", "px+1=px"])
def test_refuted_when_an_undeclared_symbol_cancels_from_the_difference(lhs, rhs, domain):
    """``x + 1 = x`` is false for every x; the undeclared x must still be sampled, though x - x cancels."""
    verdict = check_equal(lhs, rhs, domain)
    assert verdict.status is Status.REFUTED, verdict


def test_refuted_with_an_undeclared_symbol_that_stays():
    verdict = check_equal(sp.log(x * p), sp.log(x), DOMAIN)
    assert verdict.status is Status.REFUTED
    assert dict(verdict.counterexample)[x] > 0, "undeclared symbols are sampled as positive reals"


# -- UNKNOWN ------------------------------------------------------------------------------------------

def test_unknown_for_an_undefined_function():
    f = sp.Function("f")
    verdict = check_equal(f(p), f(1 - p), DOMAIN)
    assert verdict.status is Status.UNKNOWN, verdict
    assert verdict.reason


_f, _t, _n = sp.Function("f"), sp.Symbol("t"), sp.Symbol("n", integer=True, positive=True)
_h, _i = sp.IndexedBase("h"), sp.Symbol("i", integer=True)
#: (lhs, rhs, status) where a function no one defines is never evaluated: proved whatever its values are, else
#: unknown (never refuted: a text may rely on what it says of the function, such as \int f = 1)
GENERIC = [
    (sp.Integral(_t * _f(_t), (_t, -sp.oo, sp.oo)),
     sp.Integral((_t - p) * _f(_t), (_t, -sp.oo, sp.oo)) + p * sp.Integral(_f(_t), (_t, -sp.oo, sp.oo)), Status.PROVED),
    (sp.Sum(_f(_h[_i]) * (1 - q) + q * _f(_h[_i]), (_i, 1, _n)), sp.Sum(_f(_h[_i]), (_i, 1, _n)), Status.PROVED),
    (sp.Integral(_t * _f(_t), (_t, -sp.oo, sp.oo)),
     sp.Integral((_t - p) * _f(_t), (_t, -sp.oo, sp.oo)) + 2 * p * sp.Integral(_f(_t), (_t, -sp.oo, sp.oo)),
     Status.UNKNOWN),
    (sp.Integral(p * _f(_t), (_t, -sp.oo, sp.oo)), p, Status.UNKNOWN),  # true of a density, not of every f
    (sp.Sum(_f(_h[_i]) * sp.log(1 / _f(_h[_i])), (_i, 1, _n)),
     -sp.Sum(_f(_h[_i]) * sp.log(_f(_h[_i])), (_i, 1, _n)), Status.UNKNOWN),  # needs f > 0: not known
]


@pytest.mark.parametrize(("lhs", "rhs", "status"), GENERIC, ids=[f"{g[0]} = {g[1]}" for g in GENERIC])
def test_a_function_no_one_defines_is_generic(lhs, rhs, status):
    assert check_equal(lhs, rhs, DOMAIN).status is status


def test_a_difference_below_the_sampling_precision_is_unknown_not_proved():
    verdict = check_equal(p + sp.Integer(10) ** -60, p, DOMAIN)
    assert verdict.status is Status.UNKNOWN, verdict


@pytest.mark.parametrize("tiny", [sp.Integer(10) ** -60, 10**-60, sp.Float("1e-60", 80), sp.exp(-200)],
                         ids=["rational", "python-float", "sympy-float", "exp(-200)"])
def test_a_tiny_nonzero_difference_is_never_proved(tiny):
    verdict = check_equal(p + tiny, p, DOMAIN)
    assert verdict.status is not Status.PROVED, verdict


def test_an_unbound_outcome_index_is_unknown():
    verdict = check_equal(Prob(P, I), p, DOMAIN)
    assert verdict.status is Status.UNKNOWN
    assert verdict.reason and verdict.counterexample == ()


def test_identical_sides_are_proved_without_sampling():
    verdict = check_equal(ce, ce, DOMAIN)
    assert verdict.status is Status.PROVED and "identical" in verdict.reason


def test_an_undeclared_negative_symbol_is_not_treated_as_positive():
    """``log(z**2) = 2 log(z)`` is false for every negative z (z = -1: 0 against 2*pi*i)."""
    z = sp.Symbol("z", negative=True)
    verdict = check_equal(sp.log(z**2), 2 * sp.log(z), Domain())
    assert verdict.status is not Status.PROVED, verdict


def test_notation_is_told_apart_from_functions_sympy_makes() -> None:
    from derive.core.functions import Log
    from derive.verify.equality import notation

    f = sp.Function("p")(x)  # a class SymPy makes at run time, of no module
    assert not notation(f)
    assert notation(Log(f, sp.Symbol("b")))
