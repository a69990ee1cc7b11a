"""derive.check.proof_reading: a proof file's fields parsed and their shapes checked before anything is verified."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sympy as sp

from derive.check.proof_reading import domain_of, kind_of, one_line, read_proof
from derive.core.constraints import Member
from derive.core.system import System
from derive.parse.assumptions import Assumption
from derive.render.proof_schema import ProofFileError, read_document
from tests.check.proof_helpers import tiny, verify

x, y = sp.Symbol("x"), sp.Symbol("y")


def read(steps: list[tuple], statement: str | None = None, **fields: object):
    """A tiny proof (``x > 0``) read, with top-level ``fields`` replaced."""
    document = {**tiny(steps, statement), **fields}
    return read_proof(read_document(json.dumps(document), "t"), "t")


@pytest.mark.parametrize(("expr", "kind"), [
    (x + 1, "expression"), (sp.Eq(x, 1), "statement"), (sp.Le(x, 1), "statement"), (sp.Gt(x, y), "statement"),
    (System(sp.Eq(x, 1), sp.Eq(y, 2)), "statement"), (sp.Ne(x, 1), None), (sp.And(x < 1, x > 0), None),
    (sp.true, None),
], ids=["expression", "equation", "bound", "strict-bound", "system", "inequation", "conjunction", "true"])
def test_kind_of(expr: sp.Basic, kind: str | None) -> None:
    assert kind_of(expr) == kind


@pytest.mark.parametrize(("exc", "line"), [
    (ValueError("a\n   b"), "a b"), (ValueError(""), "ValueError"), (KeyError("k"), "'k'"),
    (ValueError("x" * 400), "x" * 300),
], ids=["folded", "empty", "key", "cut"])
def test_one_line(exc: BaseException, line: str) -> None:
    assert one_line(exc) == line


def test_a_well_formed_proof_is_read_field_by_field() -> None:
    proof = read([("y", "y", "=", "x + 1"), ("y", "x + 1", ">", "x")], r"y > x")
    assert [s.entry.rule for s in proof.steps] == ["r1", "r2"]
    assert proof.steps[0].subject == sp.Symbol("y") and proof.steps[1].after.free_symbols == {proof.domain.symbols[0]}
    assert proof.statement is not None and kind_of(proof.statement) == "statement"
    assert [s.name for s in proof.domain.symbols] == ["x"]
    assert proof.domain.intervals[0][1] == sp.Interval.open(0, sp.oo)


def test_a_proof_without_a_statement_has_none() -> None:
    assert read([("x", "x", "=", "x")]).statement is None


#: (steps, statement, top-level fields, a fragment of the error).
REFUSED = [
    ([("x = 1", "x", "=", "x")], None, {}, "steps[0].subject: expected an expression, not a relation"),
    ([(None, "x", "=", r"x \geq 1")], None, {}, "steps[0]: before and after must both be expressions"),
    ([(None, "x", "iff", "x")], None, {}, "steps[0].relation: iff relates equations, not expressions"),
    ([(None, "x = 1", "<=", "x = 1")], None, {}, "steps[0].relation: between relations only"),
    ([("x", "x = 1", "=", "x = 1")], None, {}, "a chain with a subject relates expressions, not relations"),
    ([(None, r"\frac{1}{", "=", "x")], None, {}, "steps[0].before: unbalanced braces"),
    ([(None, "0 < x < 1", "=", "x")], None, {}, "steps[0].before: expected an expression, an equation"),
    ([("x", "x", "=", "x")], "x + 1", {}, "statement: expected an equation, an inequality"),
    ([("x", "x", "=", "x")], None, {"assumptions": ["x > 0", "x < 1"]}, "a symbol is assumed twice"),
    ([("x", "x", "=", "x")], None, {"assumptions": [r"1 \leq j \leq n"]}, "is not the size of a distribution"),
]


@pytest.mark.parametrize(("steps", "statement", "fields", "error"), REFUSED, ids=[
    "subject-a-relation", "expression-and-relation", "iff-between-expressions", "bound-between-relations",
    "subject-with-relations", "bad-latex", "a-chain-of-bounds", "statement-an-expression", "assumed-twice",
    "index-without-size"])
def test_a_malformed_field_is_refused_saying_where(steps, statement, fields, error) -> None:
    with pytest.raises(ProofFileError, match="^t: ") as caught:
        read(steps, statement, **fields)
    assert error in str(caught.value) and "\n" not in str(caught.value)


def test_only_an_equation_without_a_subject_can_be_supposed() -> None:
    document = tiny([("x", "x", "=", "x")])
    document["steps"][0]["supposed"] = True
    with pytest.raises(ProofFileError, match=r"steps\[0\].supposed: only an equation"):
        read_proof(read_document(json.dumps(document), "t"), "t")


# -- assumptions: intervals reach the domain as they are (closed ends too) --------------------------------------------
@pytest.mark.parametrize("interval", [sp.Interval(0, sp.oo), sp.Interval(0, 1), sp.Interval.Lopen(0, 1),
                                      sp.Interval.open(-sp.oo, sp.oo)], ids=["[0, oo)", "[0, 1]", "(0, 1]", "R"])
def test_assumed_intervals_reach_the_domain_unchanged(interval):
    x = sp.Symbol("x", real=True)
    domain = domain_of([Assumption(x, interval)], ())
    assert dict(domain.intervals)[x] == interval


def test_an_index_assumption_is_a_member_of_a_distributions_size() -> None:
    from derive.distributions.indexed import SymbolicCategorical

    dist = SymbolicCategorical(sp.Symbol("n", integer=True, positive=True))
    n, j = dist.n, sp.Symbol("j")
    domain = domain_of([Assumption(j, None, "n")], (dist,))
    assert Member(j, n) in domain.constraints


@pytest.mark.parametrize(("assumptions", "error"), [
    ([Assumption(sp.Symbol("j"), None, "m")], "m in 1 <= j <= m is not the size of a distribution"),
    ([Assumption(sp.Symbol("z", positive=True), sp.Interval(-2, -1))], "here: no value of z"),
], ids=["unknown-size", "empty-interval"])
def test_a_domain_that_cannot_be_is_refused(assumptions: list, error: str) -> None:
    with pytest.raises(ProofFileError, match=error):
        domain_of(assumptions, (), "here")


def test_a_closed_assumption_from_the_reader_is_used(tmp_path, capsys, monkeypatch):
    """If the assumption reader gives x >= 0 a closed interval, the step is checked at x = 0 too."""
    import derive.parse.assumptions as assumptions

    x = sp.Symbol("x", real=True)
    monkeypatch.setattr(assumptions, "read_assumption", lambda tex: Assumption(x, sp.Interval(0, sp.oo)))
    document = tiny([("x^{2}", "x^{2}", ">=", "0")], r"x^{2} \geq 0")
    assert verify(tmp_path, document, capsys)[0] == 0
    document = tiny([("x^{2}", "x^{2}", ">", "0")], r"x^{2} > 0")  # false at x = 0
    assert verify(tmp_path, document, capsys)[0] == 1


def test_reading_never_runs_text(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    with pytest.raises(ProofFileError):
        read([(None, f"__import__('os').system('touch {marker}')", "=", "x")])
    assert not marker.exists()
