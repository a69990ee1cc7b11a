"""derive.check.proof_steps: each step of a proof file checked chain by chain, and the fact each chain shows."""

from __future__ import annotations

import json

import pytest
import sympy as sp

from derive.check.proof_reading import read_proof
from derive.check.proof_steps import Fact, check_steps
from derive.render.proof_schema import read_document
from tests.check.proof_helpers import shipped_proof, tiny, verify


def checked(steps: list[tuple], supposed: tuple[int, ...] = ()) -> tuple[list, list[Fact]]:
    """The checks and facts of a tiny proof (``x > 0``); the steps numbered in ``supposed`` start supposed chains."""
    document = tiny(steps)
    for k in supposed:
        document["steps"][k - 1]["supposed"] = True
    return check_steps(read_proof(read_document(json.dumps(document), "t"), "t"), 20)


#: (steps, steps supposed, each step's status, a fragment of each step's reason).
STEPS = [
    ([("2 x", "2 x", "=", "x + x"), ("2 x", "x + x", "=", "x \\cdot 2")], (), ["proved", "proved"], ["", ""]),
    ([("x", "x", "=", "x + 2")], (), ["refuted"], ["!= 3.3333333 at x = 4/3"]),
    ([("x", "x", "=", "x + 2"), ("x", "x + 2", ">=", "x + 1")], (), ["refuted", "refuted"],
     ["", "judged on its own, since step 1 is refuted"]),
    ([("x", "x", "=", "x + 2"), ("x", "x + 2", ">=", "x")], (), ["refuted", "proved"], ["", ""]),
    ([(None, "2 x", "=", "x + x"), (None, "x + x + 1", "=", "1 + 2 x")], (), ["proved", "refuted"],
     ["", "this step does not start where the previous step ended"]),
    ([(None, "x^{2} + 2 x + 1", "=", "(x + 1)^{2}"), (None, "(x + 1)^{2}", ">", "0")], (), ["proved", "proved"],
     ["", ""]),
    ([(None, "x = 1", "=", "(x + 1)^{2} = x^{2} + 2 x + 1")], (), ["refuted"],
     ["the chain starts from a relation that does not hold (is it supposed?)"]),
    ([(None, "x = 1", "=", "x + 1 = 2")], (1,), ["proved"], [""]),
    ([(None, "2 x = 4", "implies", "x = 3")], (1,), ["refuted"], ["the first implies the second?"]),
    ([("x^{2}", "x^{2} + 1", ">", "x^{2}")], (), ["refuted"], ["the chain does not start from its subject"]),
    ([("x", "2 x", "=", "x + x")], (), ["refuted"], ["the displayed equation does not hold"]),
    ([("x", "x", "<", "x + 1"), ("x", "x + 1", ">", "x")], (), ["proved", "refuted"],
     ["", "a chain cannot continue a '<' step with a '>' step"]),
]


@pytest.mark.parametrize(("steps", "supposed", "statuses", "reasons"), STEPS, ids=[
    "equalities", "a-false-rewrite", "after-a-refuted-step", "display-holds-after-a-refuted-step", "discontinuous",
    "relations-without-subject", "a-false-start", "a-supposed-start", "a-false-implication", "bound-off-subject",
    "display-false", "bounds-that-do-not-combine"])
def test_each_step_gets_its_verdict(steps, supposed, statuses, reasons) -> None:
    checks, _ = checked(steps, supposed)
    assert [c.index for c in checks] == list(range(1, len(steps) + 1))
    assert [c.rule for c in checks] == [f"r{k}" for k in range(1, len(steps) + 1)]
    assert [c.verdict.status.value for c in checks] == statuses
    assert all(reason in c.verdict.reason for c, reason in zip(checks, reasons)), [c.verdict.reason for c in checks]


def test_a_chain_of_proved_steps_shows_its_subject_related_to_its_last_after() -> None:
    _, (fact,) = checked([("(x + 1)^{2}", "(x + 1)^{2}", "=", "x^{2} + 2 x + 1"),
                          ("(x + 1)^{2}", "x^{2} + 2 x + 1", ">", "2 x")])
    (x,) = fact.claim.free_symbols
    assert isinstance(fact.claim, sp.StrictGreaterThan) and fact.shown == "(x + 1)^{2} > 2 x"
    assert sp.expand(fact.claim.lhs - (x + 1) ** 2) == 0 and sp.expand(fact.claim.rhs - 2 * x) == 0
    assert (fact.steps, fact.failed, fact.hypothesis, fact.where) == ((1, 2), "", None, "steps 1-2")


def test_a_supposed_chain_shows_its_conclusion_under_its_hypothesis() -> None:
    _, facts = checked([(None, "2 x = 4", "=", "x = 2")], (1,))
    (x,) = facts[0].claim.free_symbols
    assert [(f.claim, f.hypothesis, f.where) for f in facts] == [(sp.Eq(x, 2), sp.Eq(2 * x, 4), "step 1")]


def test_a_new_subject_or_a_supposed_step_starts_a_new_chain() -> None:
    _, facts = checked([("x", "x", "=", "x"), ("2 x", "2 x", "=", "x + x"), (None, "x = 1", "=", "x = 1")], (3,))
    assert [f.steps for f in facts] == [(1,), (2,), (3,)]
    assert [f.failed for f in facts] == ["", "", ""]


def test_a_failed_step_is_named_by_its_chains_fact() -> None:
    _, (fact,) = checked([("x", "x", "=", "x + 2"), ("x", "x + 2", ">=", "x")])
    assert fact.failed == "step 1 is refuted"


@pytest.mark.parametrize(("steps", "where"), [((4,), "step 4"), ((4, 5, 6), "steps 4-6")], ids=["one", "three"])
def test_where_a_fact_is_shown(steps: tuple[int, ...], where: str) -> None:
    assert Fact(sp.Eq(sp.Symbol("y"), 1), "y = 1", steps).where == where


def test_steps_after_a_refuted_step_are_not_proved_through_it(tmp_path, capsys):
    """x = x + 2 is refuted; x + 2 >= x + 1 and x + 1 = 1 + x are true rewrites, but what they display,
    x >= x + 1 and x >= 1 + x, is false: they must not be proved on the strength of the refuted x + 2."""
    document = tiny([("x", "x", "=", "x + 2"), ("x", "x + 2", ">=", "x + 1"), ("x", "x + 1", "=", "1 + x")],
                    r"x \geq x + 1")
    code, out, _ = verify(tmp_path, document, capsys)
    assert code == 1
    lines = out.strip().splitlines()
    assert [line.split(": ")[1] for line in lines[:-1]] == ["step 1 (r1)", "step 2 (r2)", "step 3 (r3)"]
    assert all("proved" not in line.split(": ")[2] for line in lines[:-1])
    assert "judged on its own, since step 1 is refuted" in lines[1]
    assert "rests on steps 1-3, and step 1 is refuted" in lines[-1]


def test_a_correct_step_after_a_refuted_one_is_still_proved_when_its_display_holds(tmp_path, capsys):
    document = tiny([("x", "x", "=", "x + 2"), ("x", "x + 2", "=", "x")])
    code, out, _ = verify(tmp_path, document, capsys)
    lines = out.strip().splitlines()
    assert code == 1 and len(lines) == 3 and "step 2 (r2): refuted" in lines[1]  # x + 2 = x is false on its own
    document = tiny([("x", "x", "=", "x + 2"), ("x", "x + 2", ">=", "x")])
    code, out, _ = verify(tmp_path, document, capsys)
    lines = out.strip().splitlines()
    assert code == 1 and len(lines) == 2 and "step 1 (r1): refuted" in lines[0]  # x + 2 >= x, and x >= x: proved


@pytest.mark.parametrize("failure", [ValueError("bad"), RecursionError(), MemoryError(), ZeroDivisionError()],
                         ids=["value-error", "recursion", "memory", "zero-division"])
def test_a_verifier_failure_is_an_unknown_step_never_a_proved_one(tmp_path, capsys, monkeypatch, failure):
    import derive.check.proof_steps

    def broken(*args: object, **kwargs: object):
        raise failure

    monkeypatch.setattr(derive.check.proof_steps, "check_equal", broken)
    document = shipped_proof("gibbs-coin")
    document["steps"] = document["steps"][:2]
    code, out, err = verify(tmp_path, document, capsys)
    assert code == 1 and not err
    lines = out.strip().splitlines()
    assert len(lines) == 3 and all(": unknown: the verifier failed" in line for line in lines[:2])


def test_a_step_out_of_time_is_unknown(monkeypatch) -> None:
    import derive.check.proof_steps
    from derive.verify.limits import OutOfTime

    def slow(*args: object, **kwargs: object):
        raise OutOfTime()

    monkeypatch.setattr(derive.check.proof_steps, "check_equal", slow)
    checks, _ = checked([("2 x", "2 x", "=", "x + x")])
    assert checks[0].verdict.status.value == "unknown" and "gave up after 20 s" in checks[0].verdict.reason
