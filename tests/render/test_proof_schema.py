"""derive.render.proof_schema: a proof document read strictly, field by field; anything else is a one-line
:class:`ProofFileError` that names the file and the field.

The same refusals reach the command line in tests/check/test_proof_file.py; here the reader is called directly and
every message is checked whole.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable

import pytest

from derive.errors import DeriveError
from derive.render.proof_schema import (FORMAT, MAX_BYTES, MAX_DIGITS, MAX_STEPS, VERSION, DistributionEntry,
                                        ProofDocument, ProofFileError, StepEntry, load_json, read_document)

#: The least a proof file must say: its format, its statement (here none), its distributions and one step.
MINIMAL = {"format": FORMAT, "version": VERSION, "statement": None, "distributions": [],
           "steps": [{"rule": "r", "before": "x", "after": "x"}]}
#: Every field filled in.
FULL = {"format": FORMAT, "version": VERSION, "title": "T", "units": "bits",
        "distributions": [{"name": "P", "family": "bernoulli", "parameters": ["p"], "outcomes": ["H", "T"],
                           "domain": ["0 < p < 1"]}],
        "assumptions": ["z > 0"], "statement": "P(H) = p",
        "steps": [{"index": 1, "section": "S", "rule": "substitute", "subject": "P(H)", "before": "P(H)",
                   "relation": "=", "after": "p", "conditions": ["p > 0"], "note": "n", "verdict": "proved"},
                  {"index": 2, "section": "S", "rule": "rearrange", "subject": None, "before": "P(H) = p",
                   "relation": "iff", "after": "p = P(H)", "supposed": True}]}


def read(document: dict | str) -> ProofDocument:
    return read_document(document if isinstance(document, str) else json.dumps(document), "f.json")


def test_a_full_document_is_read_field_by_field() -> None:
    assert read(FULL) == ProofDocument(
        units="bits",
        distributions=(DistributionEntry("P", "bernoulli", ("p",), ("H", "T"), ("0 < p < 1",)),),
        assumptions=("z > 0",), statement="P(H) = p",
        steps=(StepEntry("steps[0]", "S", "substitute", "P(H)", "P(H)", "=", "p", False),
               StepEntry("steps[1]", "S", "rearrange", None, "P(H) = p", "iff", "p = P(H)", True)))


def test_a_minimal_document_takes_the_defaults() -> None:
    assert read(MINIMAL) == ProofDocument(units="nats", distributions=(), assumptions=(), statement=None,
                                          steps=(StepEntry("steps[0]", None, "r", None, "x", "=", "x", False),))


def edited(*path: object, value: object = None, delete: bool = False) -> Callable[[dict], dict]:
    """A copy of a document with the field at ``path`` set to ``value`` (or removed)."""
    def edit(document: dict) -> dict:
        out = copy.deepcopy(document)
        target = out
        for key in path[:-1]:
            target = target[key]
        if delete:
            del target[path[-1]]
        else:
            target[path[-1]] = value
        return out
    return edit


#: (id, edit of FULL, the field read, its value): an optional field left out, or null, takes its default.
DEFAULTS = [
    ("no-units", edited("units", delete=True), lambda d: d.units, "nats"),
    ("null-units", edited("units"), lambda d: d.units, "nats"),
    ("no-assumptions", edited("assumptions", delete=True), lambda d: d.assumptions, ()),
    ("no-domain", edited("distributions", 0, "domain", delete=True), lambda d: d.distributions[0].domain, ()),
    ("no-relation", edited("steps", 1, "relation", delete=True), lambda d: d.steps[1].relation, "="),
    ("null-relation", edited("steps", 1, "relation"), lambda d: d.steps[1].relation, "="),
    ("no-supposed", edited("steps", 1, "supposed", delete=True), lambda d: d.steps[1].supposed, False),
    ("no-section", edited("steps", 0, "section", delete=True), lambda d: d.steps[0].section, None),
    ("no-subject", edited("steps", 0, "subject", delete=True), lambda d: d.steps[0].subject, None),
    ("no-index", edited("steps", 1, "index", delete=True), lambda d: d.steps[1].where, "steps[1]"),
]


@pytest.mark.parametrize(("edit", "field", "value"), [row[1:] for row in DEFAULTS], ids=[row[0] for row in DEFAULTS])
def test_an_optional_field_takes_its_default(edit: Callable[[dict], dict], field: Callable[[ProofDocument], object],
                                             value: object) -> None:
    assert field(read(edit(FULL))) == value


def refused(text: str) -> str:
    """The message of the :class:`ProofFileError` reading ``text`` raises, checked to be one line."""
    with pytest.raises(ProofFileError) as caught:
        read(text)
    message = str(caught.value)
    assert "\n" not in message and message.startswith("f.json")
    return message


def raw(text: str) -> Callable[[dict], str]:
    return lambda document: text


#: (id, edit of FULL or a text of one's own, the whole message).
REFUSED = [
    # JSON itself
    ("not-json", raw("{not json"), "f.json:1:2: not valid JSON: Expecting property name enclosed in double quotes"),
    ("empty", raw(""), "f.json:1:1: not valid JSON: Expecting value"),
    ("trailing-text", raw('{"format": 1} x'), "f.json:1:15: not valid JSON: Extra data"),
    ("duplicate-key", raw('{"format": "derive-proof", "format": "x"}'),
     "f.json: not valid JSON for a proof: the key 'format' appears twice in one object"),
    ("nested-duplicate-key", raw('{"steps": [{"rule": "a", "rule": "b"}]}'),
     "f.json: not valid JSON for a proof: the key 'rule' appears twice in one object"),
    ("nan", raw('{"version": NaN}'), "f.json: not valid JSON for a proof: NaN is not a number"),
    ("minus-infinity", raw("[-Infinity]"), "f.json: not valid JSON for a proof: -Infinity is not a number"),
    ("long-integer", raw("1" * (MAX_DIGITS + 1)), "f.json: not valid JSON for a proof: an integer of 31 digits"),
    ("nested-too-deeply", raw("[" * 100_000), "f.json: not valid JSON for a proof: nested too deeply"),
    ("too-large", raw(" " * (MAX_BYTES + 1)), "f.json: file is larger than 5000000 bytes"),
    # the top level
    ("top-level-a-list", raw("[]"), "f.json: top level: expected dict, got list"),
    ("unknown-field", edited("statment", value="x"), "f.json: top level: unknown field 'statment'"),
    ("unknown-long-field", edited("y" * 100, value=1), f"f.json: top level: unknown field '{'y' * 40}'"),
    ("other-format", edited("format", value="other"),
     "f.json: not a derive-proof version 1 file (format/version fields)"),
    ("version-2", edited("version", value=2), "f.json: not a derive-proof version 1 file (format/version fields)"),
    ("version-a-string", edited("version", value="1"),
     "f.json: not a derive-proof version 1 file (format/version fields)"),
    ("version-a-float", edited("version", value=1.0),
     "f.json: not a derive-proof version 1 file (format/version fields)"),
    ("title-a-number", edited("title", value=3), "f.json: title: expected str, got int"),
    ("units-unknown", edited("units", value="furlongs"),
     "f.json: units: expected one of nats, bits, any, got 'furlongs'"),
    ("no-statement", edited("statement", delete=True),
     "f.json: statement: missing (write null for a proof that concludes nothing)"),
    ("statement-a-bool", edited("statement", value=True), "f.json: statement: expected str, got bool"),
    ("no-distributions", edited("distributions", delete=True), "f.json: distributions: expected list, got null"),
    ("assumptions-a-string", edited("assumptions", value="z > 0"), "f.json: assumptions: expected list, got str"),
    ("assumption-a-number", edited("assumptions", value=["z > 0", 3]), "f.json: assumptions[1]: expected str, got int"),
    # a distribution
    ("distribution-a-string", edited("distributions", 0, value="P"),
     "f.json: distributions[0]: expected dict, got str"),
    ("distribution-unknown-field", edited("distributions", 0, "mean", value="p"),
     "f.json: distributions[0]: unknown field 'mean'"),
    ("distribution-no-name", edited("distributions", 0, "name", delete=True),
     "f.json: distributions[0].name: expected str, got null"),
    ("distribution-no-outcomes", edited("distributions", 0, "outcomes", delete=True),
     "f.json: distributions[0].outcomes: expected list, got null"),
    ("outcome-a-number", edited("distributions", 0, "outcomes", value=["H", 2]),
     "f.json: distributions[0].outcomes[1]: expected str, got int"),
    ("domain-a-dict", edited("distributions", 0, "domain", value={}),
     "f.json: distributions[0].domain: expected list, got dict"),
    # the steps
    ("no-steps", edited("steps", value=[]), "f.json: steps: the proof has no steps"),
    ("steps-a-dict", edited("steps", value={}), "f.json: steps: expected list, got dict"),
    ("too-many-steps", lambda d: {**d, "steps": [MINIMAL["steps"][0]] * (MAX_STEPS + 1)},
     "f.json: steps: 10001 steps, more than the limit of 10000"),
    ("step-a-list", edited("steps", 1, value=[]), "f.json: steps[1]: expected dict, got list"),
    ("step-unknown-field", edited("steps", 1, "proof", value="trust me"), "f.json: steps[1]: unknown field 'proof'"),
    ("step-no-rule", edited("steps", 0, "rule", delete=True), "f.json: steps[0].rule: expected str, got null"),
    ("step-no-before", edited("steps", 1, "before", delete=True), "f.json: steps[1].before: expected str, got null"),
    ("step-after-a-number", edited("steps", 1, "after", value=1.5), "f.json: steps[1].after: expected str, got number"),
    ("index-out-of-order", edited("steps", 1, "index", value=1),
     "f.json: steps[1].index: expected 2 (steps are numbered in order), got 1"),
    ("index-a-bool", edited("steps", 0, "index", value=True), "f.json: steps[0].index: expected int, got bool"),
    ("index-a-float", edited("steps", 0, "index", value=1.0), "f.json: steps[0].index: expected int, got number"),
    ("relation-unknown", edited("steps", 0, "relation", value="=="),
     "f.json: steps[0].relation: expected one of =, <=, >=, <, >, iff, implies, got '=='"),
    ("verdict-unknown", edited("steps", 0, "verdict", value="certain"),
     "f.json: steps[0].verdict: expected one of proved, refuted, unknown"),
    ("supposed-a-string", edited("steps", 1, "supposed", value="yes"),
     "f.json: steps[1].supposed: expected bool, got str"),
    ("conditions-a-string", edited("steps", 0, "conditions", value="p > 0"),
     "f.json: steps[0].conditions: expected list, got str"),
    ("condition-a-number", edited("steps", 0, "conditions", value=[0]),
     "f.json: steps[0].conditions[0]: expected str, got int"),
    ("note-a-list", edited("steps", 0, "note", value=["n"]), "f.json: steps[0].note: expected str, got list"),
    ("section-a-number", edited("steps", 0, "section", value=1), "f.json: steps[0].section: expected str, got int"),
    ("subject-a-dict", edited("steps", 0, "subject", value={}), "f.json: steps[0].subject: expected str, got dict"),
]


@pytest.mark.parametrize(("edit", "message"), [row[1:] for row in REFUSED], ids=[row[0] for row in REFUSED])
def test_a_malformed_document_is_refused_in_one_line_saying_where(edit: Callable[[dict], dict | str],
                                                                  message: str) -> None:
    document = edit(FULL)
    assert refused(document if isinstance(document, str) else json.dumps(document)) == message


def test_a_proof_file_error_is_a_derive_error() -> None:
    assert issubclass(ProofFileError, DeriveError)


#: (id, JSON text, value): what strict JSON still accepts.
ACCEPTED = [
    ("longest-integer", "9" * MAX_DIGITS, int("9" * MAX_DIGITS)),
    ("negative-integer", "-" + "9" * MAX_DIGITS, -int("9" * MAX_DIGITS)),
    ("same-key-in-two-objects", '[{"a": 1}, {"a": 2}]', [{"a": 1}, {"a": 2}]),
    ("nested", '{"a": {"b": [1, "x", null, true]}}', {"a": {"b": [1, "x", None, True]}}),
]


@pytest.mark.parametrize(("text", "value"), [row[1:] for row in ACCEPTED], ids=[row[0] for row in ACCEPTED])
def test_load_json_accepts(text: str, value: object) -> None:
    assert load_json(text, "f.json") == value
