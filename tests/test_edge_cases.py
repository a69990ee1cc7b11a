"""Edge cases of the mathematics: boundary probabilities, a model that misses an outcome, P = Q, numbers for symbols.

**Decision on boundary values.**  ``Bernoulli(0)``, ``Bernoulli(1)`` and categoricals with a zero probability
are *allowed* as numbers: the value functions ``derive.entropy``, ``derive.cross_entropy`` and ``derive.kl``
accept them with the convention ``0 log 0 = 0`` (an outcome P never produces contributes nothing; this is the
limit of ``x log x`` as ``x -> 0``, and SciPy's convention), stated in :mod:`derive.closed_forms`.  Where P produces an
outcome to which Q gives probability 0, cross-entropy and KL divergence are ``oo`` and a
:class:`derive.DeriveWarning` says which outcome.  The *derivations* keep the parameter domain ``0 < p < 1``: they
take the logarithm of every probability, so ``kl_cross_entropy`` refuses a boundary value, and refuses P = Q
(whose KL divergence is 0 and whose terms cannot be told apart), each with a one-line :class:`derive.DeriveError`
(the rows are in ``tests/test_bad_input.py``).

Every value is compared with SciPy's ``scipy.stats.entropy`` (entropy, and KL divergence with ``qk``), which
uses the same conventions.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence

import pytest
import sympy as sp
from scipy import stats

import derive
from derive import Bernoulli, Categorical, DeriveWarning

R = sp.Rational
p, q = sp.symbols("p q")


def coin(x: object, name: str = "P") -> Bernoulli:
    return Bernoulli(x, name=name)


def probabilities(d: derive.Distribution) -> list[float]:
    return [float(d.pmf(o)) for o in d.outcomes]


def value_of(expr: sp.Expr) -> float:
    return math.inf if expr == sp.oo else float(expr)


def computed(measure: str, P: derive.Distribution, Q: derive.Distribution, units: str) -> tuple[sp.Expr, list]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if measure == "entropy":
            value = derive.entropy(P, units=units)
        elif measure == "cross-entropy":
            value = derive.cross_entropy(P, Q, units=units)
        else:
            value = derive.kl(P, Q, units=units)
    return value, [w for w in caught if issubclass(w.category, DeriveWarning)]


def scipy_value(measure: str, P: derive.Distribution, Q: derive.Distribution, units: str) -> float:
    base = 2 if units == "bits" else math.e
    pk, qk = probabilities(P), probabilities(Q)
    if measure == "entropy":
        return float(stats.entropy(pk, base=base))
    kl = float(stats.entropy(pk, qk, base=base))
    return kl + float(stats.entropy(pk, base=base)) if measure == "cross-entropy" else kl


# measure, P, Q, units, expected value, a fragment of the warning (None: no warning)
CASES = [
    ("entropy", coin(0), coin(R(1, 2), "Q"), "nats", sp.Integer(0), None),
    ("entropy", coin(1), coin(R(1, 2), "Q"), "nats", sp.Integer(0), None),
    ("entropy", coin(R(1, 2)), coin(R(1, 2), "Q"), "bits", sp.Integer(1), None),
    ("entropy", coin(0.25), coin(R(1, 2), "Q"), "nats", -R(1, 4) * sp.log(R(1, 4)) - R(3, 4) * sp.log(R(3, 4)), None),
    ("kl", coin(R(1, 2)), coin(0, "Q"), "nats", sp.oo, "Q gives probability 0 to the outcome H, which P produces"),
    ("kl", coin(1), coin(0, "Q"), "bits", sp.oo, "Q gives probability 0 to the outcome H"),
    ("kl", coin(0), coin(R(1, 2), "Q"), "nats", sp.log(2), None),
    ("kl", coin(0), coin(0, "Q"), "nats", sp.Integer(0), None),
    ("kl", coin(1), coin(1, "Q"), "nats", sp.Integer(0), None),
    ("kl", coin(R(1, 3)), coin(R(1, 3), "Q"), "nats", sp.Integer(0), None),
    ("kl", coin(R(1, 2)), coin(R(1, 4), "Q"), "bits", R(1, 2) + R(1, 2) * sp.log(R(2, 3), 2), None),
    ("cross-entropy", coin(0), coin(1, "Q"), "nats", sp.oo, "Q gives probability 0 to the outcome T"),
    ("cross-entropy", coin(0), coin(0, "Q"), "nats", sp.Integer(0), None),
    ("cross-entropy", coin(R(1, 2)), coin(R(1, 2), "Q"), "bits", sp.Integer(1), None),
    ("entropy", Categorical([R(1, 2), 0, R(1, 2)]), Categorical([R(1, 3)] * 3, name="Q"), "bits", sp.Integer(1), None),
    ("kl", Categorical([R(1, 2), R(1, 2), 0]), Categorical([R(1, 2), 0, R(1, 2)], name="Q"), "nats", sp.oo,
     "Q gives probability 0 to the outcome 2"),
    ("kl", Categorical([R(1, 2), 0, R(1, 2)]), Categorical([R(1, 4), R(1, 2), R(1, 4)], name="Q"), "nats",
     sp.log(2), None),
    ("kl", Categorical([0, 1]), Categorical([R(1, 3), R(2, 3)], name="Q"), "nats", sp.log(R(3, 2)), None),
    ("cross-entropy", Categorical([R(1, 5), R(4, 5)]), Categorical([R(1, 5), R(4, 5)], name="Q"), "nats",
     -R(1, 5) * sp.log(R(1, 5)) - R(4, 5) * sp.log(R(4, 5)), None),
]
IDS = [f"{m}-{'-'.join(map(str, P.params))}-vs-{'-'.join(map(str, Q.params))}-{u}" for m, P, Q, u, _, _ in CASES]


@pytest.mark.parametrize("measure, P, Q, units, expected, warning", CASES, ids=IDS)
def test_boundary_values_are_correct_and_say_so(measure: str, P: derive.Distribution, Q: derive.Distribution,
                                                units: str, expected: sp.Expr, warning: str | None) -> None:
    value, warned = computed(measure, P, Q, units)
    assert sp.simplify(value - expected) == 0 if expected != sp.oo else value == sp.oo, value
    assert math.isclose(value_of(value), scipy_value(measure, P, Q, units), rel_tol=1e-12, abs_tol=1e-12)
    if warning is None:
        assert not warned, [str(w.message) for w in warned]
    else:
        assert len(warned) == 1 and warning in str(warned[0].message), [str(w.message) for w in warned]


@pytest.mark.parametrize("boundary, side", [(0, "+"), (1, "-")])
def test_the_convention_is_the_limit(boundary: int, side: str) -> None:
    """``H(Bernoulli(p))`` tends to the value derive gives at the boundary (0 log 0 = 0 is a limit, not a choice)."""
    symbolic = derive.entropy(Bernoulli(p))
    assert sp.limit(symbolic, p, boundary, side) == derive.entropy(Bernoulli(boundary)) == 0


def test_kl_tends_to_infinity_where_q_vanishes() -> None:
    symbolic = derive.kl(Bernoulli(R(1, 2)), Bernoulli(q, name="Q"))
    assert sp.limit(symbolic, q, 0, "+") == sp.oo
    with pytest.warns(DeriveWarning, match="Q gives probability 0"):
        assert derive.kl(Bernoulli(R(1, 2)), Bernoulli(0, name="Q")) == sp.oo


def test_kl_from_a_coin_that_never_lands_heads_to_a_symbolic_model() -> None:
    value = derive.kl(Bernoulli(0), Bernoulli(q, name="Q"))
    for b in (R(1, 7), R(1, 2), R(5, 6)):  # only tails: log(1 / (1 - q))
        assert math.isclose(float(value.subs(q, b)), -math.log(1 - float(b)), rel_tol=1e-14)


# -- P = Q: zero divergence -------------------------------------------------------------------------------------------

SAME = [
    (Bernoulli(p), Bernoulli(p, name="Q")),
    (Categorical([R(1, 6), R(1, 3), R(1, 2)]), Categorical([R(1, 6), R(1, 3), R(1, 2)], name="Q")),
    (Categorical([p, 1 - p]), Categorical([p, 1 - p], name="Q")),
    (derive.Normal(sp.Symbol("mu"), sp.Symbol("sigma")), derive.Normal(sp.Symbol("mu"), sp.Symbol("sigma"), name="Q")),
    (derive.Exponential(R(3, 2)), derive.Exponential(R(3, 2), name="Q")),
    (derive.Poisson(sp.Symbol("lambda")), derive.Poisson(sp.Symbol("lambda"), name="Q")),
]


@pytest.mark.parametrize("P, Q", SAME, ids=[f"{P.family}-{P.params}" for P, _ in SAME])
def test_the_divergence_of_a_distribution_from_itself_is_zero(P: derive.Distribution, Q: derive.Distribution) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeriveWarning)
        assert sp.simplify(derive.kl(P, Q)) == 0
    with warnings.catch_warnings():  # a Poisson's entropy keeps E[log K!], with a warning that says so
        warnings.simplefilter("ignore", DeriveWarning)
        assert sp.simplify(derive.cross_entropy(P, Q) - derive.entropy(P)) == 0


# -- numbers instead of symbols ---------------------------------------------------------------------------------------

POINTS = [(R(1, 3), R(1, 5)), (R(1, 2), R(9, 10)), (R(99, 100), R(1, 100))]


@pytest.mark.parametrize("a, b", POINTS)
def test_numbers_give_the_symbolic_value_at_that_point(a: sp.Rational, b: sp.Rational) -> None:
    symbolic = {m: f(Bernoulli(p), Bernoulli(q, name="Q")) for m, f in (("kl", derive.kl),
                                                                          ("ce", derive.cross_entropy))}
    numeric = {m: f(Bernoulli(a), Bernoulli(b, name="Q")) for m, f in (("kl", derive.kl),
                                                                        ("ce", derive.cross_entropy))}
    for m in symbolic:
        assert sp.simplify(symbolic[m].subs({p: a, q: b}) - numeric[m]) == 0
    assert math.isclose(float(numeric["kl"]), float(stats.entropy(_sequence([a, 1 - a]), _sequence([b, 1 - b]))),
                        rel_tol=1e-12)


def test_floats_are_read_as_the_exact_numbers_they_print() -> None:
    assert Bernoulli(0.1).p == R(1, 10)
    assert Categorical([0.2, 0.3, 0.5]).probs == (R(1, 5), R(3, 10), R(1, 2))


@pytest.mark.parametrize("a, b", [(R(1, 2), R(1, 3)), (R(1, 10), R(3, 4))])
def test_a_derivation_with_numbers_is_proved_and_agrees_with_the_value(a: sp.Rational, b: sp.Rational) -> None:
    from derive.derivations import kl_cross_entropy
    from derive.distributions.semantics import denote

    P, Q = Bernoulli(a), Bernoulli(b, name="Q")
    derivation = kl_cross_entropy(P, Q)
    assert derivation.verify().ok
    kl_chain = derivation.chains[0]
    assert sp.simplify(denote(kl_chain.current) - derive.kl(P, Q)) == 0


@pytest.mark.parametrize("P, Q", [
    (Bernoulli(0), Bernoulli(q, name="Q")),
    (Bernoulli(p), Bernoulli(1, name="Q")),
    (Categorical([R(1, 2), R(1, 2), 0]), Categorical([R(1, 3)] * 3, name="Q")),
], ids=["p-is-zero", "q-is-one", "categorical-with-a-zero"])
def test_derivations_keep_the_open_domain(P: derive.Distribution, Q: derive.Distribution) -> None:
    """A derivation refuses a boundary value (and names it); the value functions take it."""
    from derive.derivations import kl_cross_entropy

    with pytest.raises(derive.DeriveError, match=r"= 0: the derivation takes the logarithm of every probability"):
        kl_cross_entropy(P, Q)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeriveWarning)
        assert derive.kl(P, Q) is not None


def _sequence(values: Sequence[object]) -> list[float]:
    return [float(v) for v in values]


def test_a_categorical_with_a_zero_matches_scipy_in_both_directions() -> None:
    P = Categorical([R(1, 2), 0, R(1, 2)])
    Q = Categorical([R(1, 4), R(1, 2), R(1, 4)], name="Q")
    forward = derive.kl(P, Q)
    with pytest.warns(DeriveWarning, match="B gives probability 0 to the outcome 2, which A produces"):
        backward = derive.kl(Categorical(list(Q.probs), name="A"), Categorical(list(P.probs), name="B"))
    assert math.isclose(float(forward), float(stats.entropy(_sequence(P.probs), _sequence(Q.probs))))
    assert backward == sp.oo and math.isinf(stats.entropy(_sequence(Q.probs), _sequence(P.probs)))
