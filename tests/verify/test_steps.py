"""derive.verify.steps: a step holds by its relation (an equation step by its result), a large step part by part;
a derivation claims each chain's start, its steps, then its statement."""

from __future__ import annotations

import gc

import pytest
import sympy as sp

from derive import Domain
from derive.core import Chain, Derivation, Report, Status, Step, Verdict
from derive.core.derivation import Section
from derive.core.terms import add, mul, quotient, sub
from derive.verify.steps import LOCAL_ABOVE, fewer_collections, report, step_holds, steps_of
from tests.helpers import DOMAIN, P, Q, p, q

x, z = sp.symbols("x z")
log = sp.log
OPEN_UNIT = Domain(((x, sp.Interval.open(0, 1)),))
CLOSED_UNIT = Domain(((x, sp.Interval(0, 1)),))
PROVED, REFUTED, UNKNOWN = Status.PROVED, Status.REFUTED, Status.UNKNOWN

#: (step, domain, status, start of the verdict's reason or "")
STEPS = [
    (Step("r", p * log(p / q), p * log(p) - p * log(q)), DOMAIN, PROVED, "the difference cancels on the domain"),
    (Step("r", p * log(p / q), p * log(p) + p * log(q)), DOMAIN, REFUTED, ""),
    (Step("r", z, z + 1), DOMAIN, REFUTED, ""),
    (Step("r", p, p + 1, relation="<="), DOMAIN, PROVED, "the difference is nonnegative"),
    (Step("r", p, p + 1, relation=">="), DOMAIN, REFUTED, ""),
    (Step("r", p**2, p, relation="<="), DOMAIN, PROVED, ""),
    # an equation as the result: it must hold, whatever it came from
    (Step("r", sp.Eq(p, q), sp.Eq(2 * p, p + p, evaluate=False)), DOMAIN, PROVED, ""),
    (Step("r", sp.Eq(p, q), sp.Eq(p - q, 0)), DOMAIN, REFUTED, ""),
    (Step("r", p, sp.Le(p**2, p)), DOMAIN, PROVED, ""),  # a bound as the result: lhs R rhs
    (Step("r", p, sp.Ge(p**2, p)), DOMAIN, REFUTED, ""),
    (Step("r", p, sp.Lt(p, 1)), DOMAIN, PROVED, "the difference is positive"),
    (Step("r", x * (1 - x), x - x**2), OPEN_UNIT, PROVED, "the difference cancels on the domain"),
    (Step("r", x * (1 - x), x - x**2), CLOSED_UNIT, PROVED, "the difference cancels on the domain, its closed ends"),
]


@pytest.mark.parametrize(("step", "domain", "status", "reason"), STEPS,
                         ids=[f"{k}:{sp.sstr(s.before)} {s.relation} {sp.sstr(s.after)}" for k, (s, *_) in
                              enumerate(STEPS)])
def test_step_holds(step: Step, domain: Domain, status: Status, reason: str) -> None:
    verdict = step_holds(step, domain)
    assert verdict.status is status, verdict
    assert verdict.reason.startswith(reason), verdict.reason


def _sides(count: int, last_wrong: bool = False) -> tuple[sp.Basic, sp.Basic]:
    """``sum_k sin(a_k) log(p/q)`` and its logarithms split (the last one wrongly, if asked): a step of many
    nodes whose symbols ``a_k`` lie outside the domain, so that the proof by shape cannot take it whole."""
    a = sp.symbols(f"a0:{count}")
    before = add(*[mul(sp.sin(t), log(quotient(p, q))) for t in a])
    split = [mul(sp.sin(t), sub(log(p), log(q))) for t in a]
    if last_wrong:
        split[-1] = mul(sp.sin(a[-1]), add(log(p), log(q)))
    return before, add(*split)


def _nodes(*exprs: sp.Basic) -> int:
    return sum(1 for e in exprs for _ in sp.preorder_traversal(e))


def test_a_large_step_is_proved_part_by_part() -> None:
    before, after = _sides(50)
    verdict = step_holds(Step("r", before, after), DOMAIN)
    assert verdict.status is PROVED and verdict.reason == "each of the 50 rewritten parts is proved", verdict
    assert _nodes(before, after) > LOCAL_ABOVE


def test_a_small_step_is_checked_whole() -> None:
    before, after = _sides(3)
    verdict = step_holds(Step("r", before, after), DOMAIN)
    assert _nodes(before, after) < LOCAL_ABOVE
    assert verdict.status is PROVED and "rewritten parts" not in verdict.reason, verdict


def test_a_large_step_with_one_wrong_part_is_refuted() -> None:
    before, after = _sides(50, last_wrong=True)
    assert step_holds(Step("r", before, after), DOMAIN).status is REFUTED


def test_steps_of_lists_starts_steps_and_the_statement() -> None:
    first = Step("r", p, p)
    continued = Step("s", q, q)
    supposed = Step("h", sp.Eq(p, q), sp.Eq(q, p), relation="iff")
    chains = (
        Chain(p, steps=(first,)),  # starts from its subject: nothing to link
        Chain(p, start=q, steps=(continued,)),  # continues an earlier result: subject = start is claimed
        Chain(None, start=sp.Eq(p, q)),  # a chain of equations: its first equation is claimed
        Chain(p, start=sp.Eq(p, q), hypothesis=True, steps=(supposed,)),  # supposed: its start is not claimed
    )
    statement = sp.Eq(p + q, q + p, evaluate=False)
    found = steps_of(Derivation("t", (Section("s", chains),), (P, Q), statement=statement))
    assert [(s.rule, s.before, s.after) for s in found] == [
        ("r", p, p), ("given", p, q), ("s", q, q), ("given", sp.Eq(p, q), sp.Eq(p, q)), ("h", sp.Eq(p, q), sp.Eq(q, p)),
        ("statement", statement, statement)]


def test_steps_of_an_empty_derivation() -> None:
    assert steps_of(Derivation("t", (Section("s", ()),), (P,))) == []


@pytest.mark.parametrize(("statuses", "ok"), [
    ((PROVED, PROVED), True), ((PROVED, UNKNOWN), False), ((REFUTED,), False), ((), False),
], ids=["all-proved", "one-unknown", "refuted", "empty"])
def test_report(statuses: tuple[Status, ...], ok: bool) -> None:
    results = [(Step("r", p, p), Verdict(s)) for s in statuses]
    found = report(results)
    assert isinstance(found, Report) and found.results == tuple(results) and found.ok is ok


def test_fewer_collections_restores_the_thresholds() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold()[0] >= before[0]
    assert gc.get_threshold() == before
