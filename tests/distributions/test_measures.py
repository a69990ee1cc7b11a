"""Entropy, cross-entropy and KL divergence: definitions as sums over outcomes, free symbols, validation."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Bernoulli, DeriveError
from derive.core.terms import add, mul, neg, quotient
from derive.distributions.measures import KL, CrossEntropy, Entropy, OutcomeSum, Prob, expand_outcome_sum
from derive.distributions.semantics import denote
from derive.render.printer import to_latex
from tests.helpers import I, P, Q, p, q

i = I
H, T = P.outcomes
R = Bernoulli(sp.Rational(1, 3), name="R")
C = Bernoulli(sp.Symbol("c"), name="C", outcomes=("Up", "Down"))


@pytest.mark.parametrize("measure, body, latex", [
    (Entropy(P), mul(-1, Prob(P, i), sp.log(Prob(P, i))), r"\sum_{i \in \{H, T\}} -P(i) \log(P(i))"),
    (CrossEntropy(P, Q), mul(-1, Prob(P, i), sp.log(Prob(Q, i))), r"\sum_{i \in \{H, T\}} -P(i) \log(Q(i))"),
    (KL(P, Q), mul(Prob(P, i), sp.log(quotient(Prob(P, i), Prob(Q, i)))),
     r"\sum_{i \in \{H, T\}} P(i) \log\left(\frac{P(i)}{Q(i)}\right)"),
    (Entropy(C), mul(-1, Prob(C, i), sp.log(Prob(C, i))), r"\sum_{i \in \{Up, Down\}} -C(i) \log(C(i))"),
], ids=["H(P)", "H(P,Q)", "KL(P||Q)", "named-outcomes"])
def test_definition_is_a_sum_over_the_first_distributions_outcomes(measure, body, latex):
    definition = measure.definition()
    assert isinstance(definition, OutcomeSum)
    assert definition == OutcomeSum(body, i, measure.dists[0].outcomes)
    assert definition.index == i and definition.body == body
    assert to_latex(definition) == latex


@pytest.mark.parametrize("measure, value", [
    (Entropy(P), -p * sp.log(p) - (1 - p) * sp.log(1 - p)),
    (CrossEntropy(P, Q), -p * sp.log(q) - (1 - p) * sp.log(1 - q)),
    (KL(P, Q), p * sp.log(p / q) + (1 - p) * sp.log((1 - p) / (1 - q))),
    (Entropy(R), -sp.Rational(1, 3) * sp.log(sp.Rational(1, 3)) - sp.Rational(2, 3) * sp.log(sp.Rational(2, 3))),
], ids=["H(P)", "H(P,Q)", "KL(P||Q)", "numeric-coin"])
def test_definition_value(measure, value):
    assert sp.expand(denote(measure) - value) == 0


def test_expand_outcome_sum_writes_one_term_per_outcome_in_order():
    expanded = expand_outcome_sum(CrossEntropy(P, Q).definition())
    assert expanded == add(mul(-1, Prob(P, H), sp.log(Prob(Q, H))), mul(-1, Prob(P, T), sp.log(Prob(Q, T))))


@pytest.mark.parametrize("measure, symbols", [
    (Entropy(P), {p}),
    (Entropy(Q), {q}),
    (CrossEntropy(P, Q), {p, q}),
    (KL(P, Q), {p, q}),
    (KL(P, R), {p}),
    (Entropy(R), set()),
], ids=["H(P)", "H(Q)", "H(P,Q)", "KL(P||Q)", "KL-with-numeric-coin", "numeric-coin"])
def test_free_symbols_are_the_parameters(measure, symbols):
    assert measure.free_symbols == symbols
    assert i not in measure.free_symbols


@pytest.mark.parametrize("measure", [Entropy(P), CrossEntropy(P, Q), KL(P, Q)], ids=["H(P)", "H(P,Q)", "KL(P||Q)"])
def test_unfolding_a_definition_keeps_the_free_symbols(measure):
    """The definition means the measure, so it depends on the same parameters (and not on the bound index)."""
    assert measure.definition().free_symbols == measure.free_symbols
    assert expand_outcome_sum(measure.definition()).free_symbols == measure.free_symbols


@pytest.mark.parametrize("prob, symbols", [
    (Prob(P, H), {p}),
    (Prob(Q, T), {q}),
    (Prob(R, H), set()),
    (Prob(P, i), {p, i}),
], ids=["P(H)", "Q(T)", "numeric-coin", "indexed"])
def test_a_probability_depends_on_its_distributions_parameters(prob, symbols):
    assert prob.free_symbols == symbols


def test_a_probability_is_not_a_constant_in_its_parameter():
    """P(H) = p, so d/dp P(H) is not 0 (SymPy reads dependence from free_symbols)."""
    assert sp.diff(Prob(P, H), p) != 0
    assert not Prob(P, H).is_constant(p)


def test_prob_parts():
    prob = Prob(Q, T)
    assert prob.dist == Q and prob.outcome == T


@pytest.mark.parametrize("build", [
    lambda: KL(P, C),
    lambda: CrossEntropy(C, Q),
    lambda: KL(P, Bernoulli(q, name="Q", outcomes=("T", "H"))),
], ids=["KL", "cross-entropy", "same-labels-other-order"])
def test_different_outcomes_raise(build):
    with pytest.raises(DeriveError, match="different outcomes"):
        build()


@pytest.mark.parametrize("build", [
    lambda: Entropy(p),
    lambda: KL(P, q),
    lambda: CrossEntropy("P", Q),
], ids=["entropy-of-a-symbol", "kl-with-a-symbol", "string"])
def test_measures_take_distributions(build):
    with pytest.raises(DeriveError, match="takes distributions"):
        build()


def test_measures_are_values_equal_by_arguments():
    assert Entropy(P) == Entropy(P)
    assert KL(P, Q) != KL(Q, P)
    assert CrossEntropy(P, Q) != CrossEntropy(Q, P)
    assert Entropy(P) != Entropy(Q)
    assert KL(P, Q).dists == (P, Q) and Entropy(Q).dists == (Q,)


def test_a_measure_of_a_coin_with_itself():
    assert sp.expand(denote(KL(P, P))) == 0 or sp.simplify(denote(KL(P, P))) == 0
    assert sp.expand(denote(add(CrossEntropy(P, P), neg(Entropy(P))))) == 0


_p, _q = sp.symbols("p q")
_P, _Q = Bernoulli(_p), Bernoulli(_q, name="Q")
_H = _P.outcomes[0]

#: (expression, its plain text: readable mathematics, never a dump of derive's classes).
PLAIN = [
    (Prob(_P, _H), "P(H)"),
    (Entropy(_P), "H(P)"),
    (CrossEntropy(_P, _Q), "H(P, Q)"),
    (KL(_P, _Q), "KL(P || Q)"),
    (KL(_P, _Q, 2), "KL_2(P || Q)"),
    (Entropy(_P, 2), "H_2(P)"),
    (mul(Prob(_P, _H), sp.log(Prob(_Q, _H))), "log(Q(H))*P(H)"),
    (OutcomeSum(Prob(_P, sp.Symbol("i")), sp.Symbol("i"), _P.outcomes), "Sum(P(i), (i, {H, T}))"),
]


@pytest.mark.parametrize("expr, text", PLAIN, ids=[t for _, t in PLAIN])
def test_str_is_readable_mathematics(expr: sp.Basic, text: str) -> None:
    assert str(expr) == text and sp.sstr(expr) == text
