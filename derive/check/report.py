"""What ``derive check`` found: one entry per link, and its text and JSON forms.

Text: one line per entry, ``FILE:LINE: STATUS[: REASON]``, then a summary
line.  JSON: ``{"file", "links": [...], "summary": {...}, "exit"}``, each
link with ``file``, ``line``, ``kind``, ``status``, ``lhs``, ``rhs`` (LaTeX as
written), ``relation`` (``=``, ``>=``, ``⇔``, ...), ``reason`` and
``counterexample`` (``{symbol: value}``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

PROVED, REFUTED, UNKNOWN = "proved", "refuted", "unknown"
NOT_PARSED, SKIPPED = "not parsed", "skipped"
DEFINITION, ASSUMPTION, SUPPOSED = "definition", "assumption", "supposed"
#: Every status, in the order the summary lists them.
STATUSES = (PROVED, REFUTED, UNKNOWN, NOT_PARSED, SKIPPED, DEFINITION, ASSUMPTION, SUPPOSED)
#: Kinds of entry: a claim is checked; a definition sets or is checked against a meaning; an assumption bounds;
#: an implication relates two propositions (``\iff``, ``\implies``); a supposition is a hypothesis, not checked.
CLAIM, IMPLICATION, SUPPOSITION = "claim", "implication", "supposition"
#: How a relation is written in a report line.
WRITTEN = {"=!": "=", "<=": r"\le", ">=": r"\ge", "⇔": r"\iff", "⇒": r"\implies", "⇐": r"\impliedby"}


@dataclass(frozen=True)
class Entry:
    """One link (or assumption) of a document and what became of it."""

    file: str
    line: int
    kind: str
    status: str
    lhs: str = ""
    rhs: str = ""
    reason: str = ""
    counterexample: tuple[tuple[str, str], ...] = ()
    checked: bool = False  # a definition whose value was verified (not merely taken)
    relation: str = ""  # of a link: "=", ":=", ">=", "⇔", ...; empty for an assumption or a lone statement

    def text(self) -> str:
        head = f"{self.file}:{self.line}: {self.status}"
        if self.status == PROVED:
            return head
        if self.status == REFUTED and (self.counterexample or self.relation not in ("", "=", ":=")):
            where = ", ".join(f"{k}={v}" for k, v in self.counterexample)
            extra = f" ({self.reason})" if self.reason else ""
            at = f" at {where}" if where else ""
            if self.relation in ("", "=", ":="):
                return f"{head}: {short(self.lhs)} != {short(self.rhs)}{at}{extra}"
            if not self.rhs:  # a whole statement, 0 < p < 1
                return f"{head}: {short(self.lhs)} fails{at}{extra}"
            written = WRITTEN.get(self.relation, self.relation)
            return f"{head}: {short(self.lhs)} {written} {short(self.rhs)} fails{at}{extra}"
        if self.status == SUPPOSED:
            written = WRITTEN.get(self.relation, self.relation) or "="
            statement = f"{short(self.lhs)} {written} {short(self.rhs)}" if self.rhs else short(self.lhs)
            return f"{head}: {statement}" + (f" ({self.reason})" if self.reason else "")
        if self.status in (DEFINITION, ASSUMPTION):
            statement = f"{short(self.lhs)} = {short(self.rhs)}" if self.rhs else short(self.lhs)
            return f"{head}: {statement}" + (f" ({self.reason})" if self.reason else "")
        return f"{head}: {self.reason}" if self.reason else head

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "kind": self.kind, "status": self.status,
                "lhs": self.lhs, "rhs": self.rhs, "relation": self.relation, "reason": self.reason,
                "counterexample": dict(self.counterexample) or None}


@dataclass(frozen=True)
class Result:
    """Every entry of one document, in order; ``strict`` makes unknown and unparsed links fail."""

    file: str
    entries: tuple[Entry, ...]
    strict: bool = False

    def count(self, status: str) -> int:
        return sum(e.status == status for e in self.entries)

    @property
    def checked(self) -> int:
        """Links whose truth was decided or attempted: proved, refuted, unknown, or definitions verified."""
        return sum(e.status in (PROVED, REFUTED, UNKNOWN) or e.checked for e in self.entries)

    @property
    def ok(self) -> bool:
        return self.exit_code == 0

    @property
    def exit_code(self) -> int:
        """0 every checked link proved; 1 any refuted (strict: also unknown or not parsed); 2 nothing checked."""
        if self.count(REFUTED) or (self.strict and (self.count(UNKNOWN) or self.count(NOT_PARSED))):
            return 1
        return 0 if self.checked else 2

    def failures(self) -> tuple[Entry, ...]:
        """The entries that make the result fail."""
        failing = (REFUTED, UNKNOWN, NOT_PARSED) if self.strict else (REFUTED,)
        return tuple(e for e in self.entries if e.status in failing)

    def summary(self) -> str:
        links = ", ".join(f"{self.count(s)} {s}" for s in STATUSES[:5])
        definitions = self.count(DEFINITION)
        verified = sum(e.checked for e in self.entries)
        supposed = self.count(SUPPOSED)
        return (f"{self.file}: {links}; {definitions} definition{'s' * (definitions != 1)} "
                f"({verified} checked), {self.count(ASSUMPTION)} assumption{'s' * (self.count(ASSUMPTION) != 1)}"
                + (f", {supposed} supposition{'s' * (supposed != 1)}" if supposed else ""))

    def text(self) -> str:
        return "\n".join([e.text() for e in self.entries] + [self.summary()]) + "\n"

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "links": [e.as_dict() for e in self.entries],
                "summary": {s: self.count(s) for s in STATUSES}, "exit": self.exit_code}

    def json(self) -> str:
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False) + "\n"


def short(tex: str, limit: int = 70) -> str:
    """LaTeX on one line, cut to ``limit`` characters."""
    text = " ".join(tex.split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def point(pairs: Sequence[tuple[object, object]]) -> tuple[tuple[str, str], ...]:
    """A counterexample as ``(name, value)`` strings, by name."""
    return tuple(sorted((str(k), str(v)) for k, v in pairs))
