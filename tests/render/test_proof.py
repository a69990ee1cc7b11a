"""derive.render.proof: the JSON proof file, its keys, its numbered steps, its verdicts, and LaTeX that reads back."""

from __future__ import annotations

import json

import pytest
import sympy as sp

from derive import Bernoulli
from derive.core import Derivation, Report, Status, Verdict
from derive.core.group import Group
from derive.derivations import kl_cross_entropy
from derive.parse import parse_latex
from derive.render.printer import Notation
from derive.render.proof import FORMAT, VERSION, render_proof
from derive.render.proof_schema import read_document
from derive.render.text import display_lines
from derive.verify import check_equal

from tests.render.hand import hand

p, q, z = sp.symbols("p q z")
P = Bernoulli(p)
H = P.outcomes[0]

HAND, REPORT = hand("Sums & logs, café")
SUBSTITUTE, BOUND = HAND.sections[0].chains[0].steps
(SWAP,) = HAND.sections[1].chains[0].steps
TOP_KEYS = ["format", "version", "title", "units", "distributions", "assumptions", "statement", "steps"]
STEP_KEYS = ["index", "section", "rule", "subject", "before", "relation", "after", "conditions", "note"]


@pytest.fixture(scope="module")
def coins() -> Derivation:
    """The article's derivation for two coins: six chains, 21 steps, some of them grouped (underbraces)."""
    return kl_cross_entropy(Bernoulli(p), Bernoulli(q, name="Q"))


def proof(d: Derivation, report: Report | None = None, notation: Notation = Notation()) -> dict:
    text = render_proof(d, report, notation)
    assert text.endswith("}\n")
    return json.loads(text)


def test_the_document_as_written() -> None:
    document = proof(HAND, REPORT)
    assert list(document) == TOP_KEYS
    assert {k: document[k] for k in TOP_KEYS[:-1]} == {
        "format": FORMAT, "version": VERSION, "title": "Sums & logs, café", "units": "nats",
        "distributions": [{"name": "P", "family": "bernoulli", "parameters": ["p"], "outcomes": ["H", "T"],
                           "domain": ["0 < p < 1"]}],
        "assumptions": ["z > 0"], "statement": r"P(H) \leq 1"}
    assert document["steps"] == [
        {"index": 1, "section": "A. One", "rule": "substitute", "subject": "P(H)", "before": "P(H)", "relation": "=",
         "after": "p", "conditions": [], "note": "Put in P(H).", "verdict": "proved"},
        {"index": 2, "section": "A. One", "rule": "bound", "subject": "P(H)", "before": "p", "relation": "<=",
         "after": "1", "conditions": ["p > 0"], "note": "At most one.", "verdict": "refuted"},
        {"index": 3, "section": "B. Two", "rule": "rearrange", "subject": None, "before": "P(H) = p", "relation": "=",
         "after": "p = P(H)", "conditions": [], "note": "Swap.", "supposed": True, "verdict": "unknown"},
    ]


def test_text_is_written_as_is_not_escaped() -> None:
    assert '"title": "Sums & logs, café"' in render_proof(HAND)


@pytest.mark.parametrize("with_report", [True, False], ids=["report", "no-report"])
def test_steps_are_numbered_from_one_with_verdicts_only_from_a_report(coins: Derivation, with_report: bool) -> None:
    report = coins.verify() if with_report else None
    steps = proof(coins, report)["steps"]
    assert [s["index"] for s in steps] == list(range(1, len(coins.steps) + 1))
    assert [s["rule"] for s in steps] == [step.rule for step in coins.steps]
    for s in steps:
        assert list(s)[:len(STEP_KEYS)] == STEP_KEYS
        assert ("verdict" in s) == with_report
    if report is not None:
        verdicts = {id(step): v.status.value for step, v in report.results}
        assert [s["verdict"] for s in steps] == [verdicts[id(step)] for step in coins.steps]


def test_a_verdict_is_written_only_for_a_step_the_report_judged() -> None:
    steps = proof(HAND, Report(((BOUND, Verdict(Status.PROVED)),)))["steps"]
    assert [s.get("verdict") for s in steps] == [None, "proved", None]


@pytest.mark.parametrize(("d", "statement"), [
    (HAND, r"P(H) \leq 1"),
    (Derivation("T", HAND.sections[:1], (P,)), None),
], ids=["statement", "none"])
def test_the_statement_or_null(d: Derivation, statement: str | None) -> None:
    document = proof(d)
    assert document["statement"] == statement and "statement" in document


def test_the_notation_reaches_every_formula(coins: Derivation) -> None:
    text = render_proof(coins, notation=Notation(log=r"\ln"))
    assert r"\\ln(1 - q)" in text and r"\\log" not in text


def test_the_writer_follows_the_layout_its_reader_checks(coins: Derivation) -> None:
    document = read_document(render_proof(coins, coins.verify()), "coins.json")
    assert [s.rule for s in document.steps] == [step.rule for step in coins.steps]
    assert [d.name for d in document.distributions] == ["P", "Q"] and document.units == "nats"
    hand = read_document(render_proof(HAND, REPORT), "hand.json")
    assert [s.supposed for s in hand.steps] == [False, False, True] and hand.assumptions == ("z > 0",)


def test_every_formula_reads_back_as_written(coins: Derivation) -> None:
    """``parse_latex`` reads each step back to the same tree; an underbraced group reads as its content."""
    document = proof(coins)
    dists = coins.distributions
    assert parse_latex(document["statement"], dists) == coins.statement
    for (_, _, subject, step), entry in zip(display_lines(coins), document["steps"], strict=True):
        pairs = [(entry["before"], step.before), (entry["after"], step.after)]
        pairs += list(zip(entry["conditions"], step.conditions, strict=True))
        pairs += [(entry["subject"], subject)] if subject is not None else []
        for tex, expr in pairs:
            back = parse_latex(tex, dists)
            if expr.has(Group):
                assert check_equal(back, expr, coins.domain).status is Status.PROVED, tex
            else:
                assert back == expr, tex


def test_the_distributions_read_back(coins: Derivation) -> None:
    for entry, dist in zip(proof(coins)["distributions"], coins.distributions, strict=True):
        assert [parse_latex(t) for t in entry["parameters"]] == list(dist.params)
        assert [parse_latex(t) for t in entry["domain"]] == list(dist.domain.conditions())
