"""The article's derivation replayed for categorical distributions: k explicit outcomes, and n symbolic ones."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import DeriveError, Status
from derive.core import Step
from derive.derivations import kl_cross_entropy
from derive.distributions.categorical import Categorical
from derive.distributions.measures import OutcomeSum
from derive.render.printer import to_latex
from derive.verify import check_step


def pair(k: int):
    P = Categorical(list(sp.symbols(f"p_1:{k + 1}")), name="P")
    Q = Categorical(list(sp.symbols(f"q_1:{k + 1}")), name="Q")
    return P, Q


@pytest.mark.parametrize("k", [2, 3, 5])
def test_explicit_k_replays_with_k_terms_and_is_proved(k: int):
    d = kl_cross_entropy(*pair(k))
    expanded = next(s for s in d.steps if s.rule == "expand-finite-sum")
    assert len(expanded.after.args) == k
    report = d.verify()
    assert report.ok, [(s.rule, v.reason) for s, v in report.results if not v.proved]
    assert d.chains[-1].current == 0


def test_numbers_replay_too():
    P = Categorical([sp.Symbol("p_1"), sp.Symbol("p_2"), sp.Symbol("p_3")])
    Q = Categorical([sp.Rational(1, 2), sp.Rational(1, 4), sp.Rational(1, 4)], name="Q")
    assert kl_cross_entropy(P, Q).verify().ok


def test_a_zero_in_q_stops_the_derivation_with_the_reason():
    P = Categorical(list(sp.symbols("p_1:4")))
    Q = Categorical([sp.Rational(1, 2), sp.Rational(1, 2), 0], name="Q")
    with pytest.raises(DeriveError, match=r"Q\(3\) = 0: the derivation takes the logarithm of every probability"):
        kl_cross_entropy(P, Q)


def symbolic():
    n = sp.Symbol("n")
    return kl_cross_entropy(Categorical(n=n, name="P"), Categorical(n=n, name="Q"))


def test_symbolic_n_never_expands_and_is_proved():
    d = symbolic()
    assert "expand-finite-sum" not in [s.rule for s in d.steps]
    assert not any(s.after.has(OutcomeSum) for s in d.steps)
    assert {"split-sum", "combine-sums", "sum-of-zero"} <= {s.rule for s in d.steps}
    report = d.verify()
    assert report.ok, [(s.rule, v.reason) for s, v in report.results if not v.proved]
    assert d.chains[-1].current == 0


def test_symbolic_n_keeps_the_articles_layout():
    regrouped = next(s for s in symbolic().steps if s.rule == "regroup")
    assert to_latex(regrouped.after) == (
        r"\underbrace{\left[ \sum_{i=1}^{n} -p_{i} \log(q_{i}) \right]}_{\text{Term 1}}"
        r" + \underbrace{\left[ \sum_{i=1}^{n} p_{i} \log(p_{i}) \right]}_{\text{Term 2}}")


def test_symbolic_n_split_records_conditions():
    split = next(s for s in symbolic().steps if s.rule == "log-quotient-split")
    assert [to_latex(c) for c in split.conditions] == ["p_{i} > 0", "q_{i} > 0"]


def test_a_planted_error_in_a_symbolic_sum_is_refuted_with_a_counterexample():
    d = symbolic()
    step = next(s for s in d.steps if s.rule == "distribute")
    wrong = step.after.xreplace({sp.IndexedBase("q"): sp.IndexedBase("p")})
    verdict = check_step(Step(step.rule, step.before, wrong), d.domain)
    assert verdict.status is Status.REFUTED
    point = dict(verdict.counterexample)
    n = point[sp.Symbol("n", integer=True, positive=True)]
    entries = [v for k, v in point.items() if isinstance(k, sp.Indexed) and str(k.base) == "p"]
    assert len(entries) == n and sum(entries) == 1
