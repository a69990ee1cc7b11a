"""The proof file's layout, shared by its writer (:mod:`derive.render.proof`) and its checker
(:mod:`derive.check.proof_file`).

A proof file is JSON::

    {"format": "derive-proof", "version": 1, "title": str, "units": "nats" | "bits" | "any",
     "distributions": [{"name", "family", "parameters": [tex], "outcomes": [str], "domain": [tex]}],
     "assumptions": [tex], "statement": tex | null,
     "steps": [{"index", "section", "rule", "subject": tex | null, "before": tex, "relation", "after": tex,
                "conditions": [tex], "note", "supposed": bool, "verdict"}]}

:func:`read_document` checks every field's type and nothing else: the LaTeX is
read later, by the checker.  ``relation`` (``=`` when absent), ``assumptions``
(none), ``supposed`` (false), ``title``, ``section``, ``conditions``, ``note``,
``index`` and ``verdict`` may be left out; ``statement`` may not (``null``
says the proof concludes nothing).  ``conditions``, ``note`` and ``verdict``
are never trusted or read beyond their type.  Unknown fields are errors.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from derive.core import RELATIONS, Status
from derive.errors import DeriveError

FORMAT = "derive-proof"
VERSION = 1
UNITS = ("nats", "bits", "any")
MAX_BYTES = 5_000_000
MAX_DIGITS = 30  # of a JSON integer (only ``version`` and ``index`` are integers)
MAX_STEPS = 10_000


class ProofFileError(DeriveError):
    """The proof file is not a well-formed derive proof; the message says where."""


@dataclass(frozen=True)
class DistributionEntry:
    name: str
    family: str
    parameters: tuple[str, ...]
    outcomes: tuple[str, ...]
    domain: tuple[str, ...]


@dataclass(frozen=True)
class StepEntry:
    """One step as written; ``where`` names it in messages: ``steps[3]`` (counted from 0, as in the file)."""

    where: str
    section: str | None
    rule: str
    subject: str | None
    before: str
    relation: str
    after: str
    supposed: bool


@dataclass(frozen=True)
class ProofDocument:
    units: str
    distributions: tuple[DistributionEntry, ...]
    assumptions: tuple[str, ...]
    statement: str | None
    steps: tuple[StepEntry, ...]


_TOP = {"format", "version", "title", "units", "distributions", "assumptions", "statement", "steps"}
_DISTRIBUTION = {"name", "family", "parameters", "outcomes", "domain"}
_STEP = {"index", "section", "rule", "subject", "before", "relation", "after", "conditions", "note", "supposed",
         "verdict"}


def read_document(text: str, source: str) -> ProofDocument:
    """The proof file ``text`` as a :class:`ProofDocument`; :class:`ProofFileError` says where it is malformed."""
    if len(text) > MAX_BYTES:
        raise ProofFileError(f"{source}: file is larger than {MAX_BYTES} bytes")
    top = _object(load_json(text, source), _TOP, f"{source}: top level")
    if top.get("format") != FORMAT or type(top.get("version")) is not int or top["version"] != VERSION:
        raise ProofFileError(f"{source}: not a {FORMAT} version {VERSION} file (format/version fields)")
    _optional(top, "title", str, f"{source}: title")
    units = _optional(top, "units", str, f"{source}: units", "nats")
    if units not in UNITS:
        raise ProofFileError(f"{source}: units: expected one of {', '.join(UNITS)}, got {units[:40]!r}")
    if "statement" not in top:
        raise ProofFileError(f"{source}: statement: missing (write null for a proof that concludes nothing)")
    statement = _optional(top, "statement", str, f"{source}: statement")
    entries = _expect(top.get("distributions"), list, f"{source}: distributions")
    distributions = tuple(_distribution(e, f"{source}: distributions[{k}]") for k, e in enumerate(entries))
    assumptions = _strings(_optional(top, "assumptions", list, f"{source}: assumptions", []), f"{source}: assumptions")
    steps = _expect(top.get("steps"), list, f"{source}: steps")
    if not steps:
        raise ProofFileError(f"{source}: steps: the proof has no steps")
    if len(steps) > MAX_STEPS:
        raise ProofFileError(f"{source}: steps: {len(steps)} steps, more than the limit of {MAX_STEPS}")
    return ProofDocument(units, distributions, assumptions, statement,
                         tuple(_step(s, k, source) for k, s in enumerate(steps)))


def load_json(text: str, source: str) -> object:
    """Strict JSON: no duplicate keys, no ``NaN``/``Infinity``, no integer longer than :data:`MAX_DIGITS`."""
    try:
        return json.loads(text, object_pairs_hook=_unique, parse_constant=_no_constant, parse_int=_short_int)
    except json.JSONDecodeError as exc:
        raise ProofFileError(f"{source}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
    except _Refused as exc:
        raise ProofFileError(f"{source}: not valid JSON for a proof: {exc}") from None
    except RecursionError:
        raise ProofFileError(f"{source}: not valid JSON for a proof: nested too deeply") from None
    except ValueError as exc:
        raise ProofFileError(f"{source}: not valid JSON: {_line(exc)}") from None


class _Refused(ValueError):
    pass


def _unique(pairs: list[tuple[str, object]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(f"the key {key[:40]!r} appears twice in one object")
        out[key] = value
    return out


def _no_constant(name: str) -> object:
    raise _Refused(f"{name} is not a number")


def _short_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _Refused(f"an integer of {len(digits)} digits")
    return int(digits)


def _distribution(entry: object, where: str) -> DistributionEntry:
    d = _object(entry, _DISTRIBUTION, where)
    return DistributionEntry(
        _expect(d.get("name"), str, f"{where}.name"),
        _expect(d.get("family"), str, f"{where}.family"),
        _strings(_expect(d.get("parameters"), list, f"{where}.parameters"), f"{where}.parameters"),
        _strings(_expect(d.get("outcomes"), list, f"{where}.outcomes"), f"{where}.outcomes"),
        _strings(_optional(d, "domain", list, f"{where}.domain", []), f"{where}.domain"),
    )


def _step(entry: object, k: int, source: str) -> StepEntry:
    where = f"{source}: steps[{k}]"
    s = _object(entry, _STEP, where)
    index = _optional(s, "index", int, f"{where}.index", k + 1)
    if index != k + 1:
        raise ProofFileError(f"{where}.index: expected {k + 1} (steps are numbered in order), got {index!r}")
    relation = _optional(s, "relation", str, f"{where}.relation", "=")
    if relation not in RELATIONS:
        raise ProofFileError(f"{where}.relation: expected one of {', '.join(RELATIONS)}, got {relation[:40]!r}")
    verdict = _optional(s, "verdict", str, f"{where}.verdict")
    if verdict is not None and verdict not in {v.value for v in Status}:
        raise ProofFileError(f"{where}.verdict: expected one of {', '.join(v.value for v in Status)}")
    _strings(_optional(s, "conditions", list, f"{where}.conditions", []), f"{where}.conditions")
    _optional(s, "note", str, f"{where}.note")
    return StepEntry(f"steps[{k}]", _optional(s, "section", str, f"{where}.section"),
                     _expect(s.get("rule"), str, f"{where}.rule"), _optional(s, "subject", str, f"{where}.subject"),
                     _expect(s.get("before"), str, f"{where}.before"), relation,
                     _expect(s.get("after"), str, f"{where}.after"),
                     _optional(s, "supposed", bool, f"{where}.supposed", False))


def _object(value: object, fields: set[str], where: str) -> dict:
    _expect(value, dict, where)
    unknown = sorted(k for k in value if k not in fields)
    if unknown:
        raise ProofFileError(f"{where}: unknown field {unknown[0][:40]!r}")
    return value


def _optional(d: dict, key: str, kind: type, where: str, default: object = None):
    """``d[key]`` of type ``kind``; ``default`` when it is absent or null."""
    value = d.get(key)
    return default if value is None else _expect(value, kind, where)


def _strings(values: list, where: str) -> tuple[str, ...]:
    return tuple(_expect(v, str, f"{where}[{k}]") for k, v in enumerate(values))


def _expect(value: object, kind: type, where: str):
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        expected, got = _names.get(kind, kind.__name__), _names.get(type(value), type(value).__name__)
        raise ProofFileError(f"{where}: expected {expected}, got {got}")
    return value


_names = {str: "str", list: "list", dict: "dict", bool: "bool", int: "int", float: "number", type(None): "null"}


def _line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]
