"""Score ``derive check`` against real derivations whose links were judged by hand.

Each document ``NAME.md`` (or ``.tex``) here has a sidecar ``NAME.judged``:
one line per source line that holds relations, ``LINE VERDICT...`` with one
verdict per relation on that line, left to right, and ``#`` comments::

    # source: https://...
    12 true
    17 true false   # the author dropped a factor 1/2 in the second

A verdict is ``true`` (the relation holds), ``false`` (the author's error) or
``def`` (it introduces a name, an assumption or a supposition: it must not be
refuted, and it need not be proved).  Run as a script for the table::

    python3 tests/check/real/judge.py [NAME...]
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from derive.check import Entry, Result, check_file

HERE = Path(__file__).parent
VERDICTS = ("true", "false", "def")
#: Statuses that count as the verdict on a relation (an assumption bounds, it is no relation of the text's).
_JUDGED_KINDS = ("claim", "implication", "definition", "supposition")


def documents() -> list[Path]:
    return sorted(p for p in HERE.iterdir() if p.suffix in (".md", ".tex") and p.with_suffix(".judged").exists())


def judgments(path: Path) -> dict[int, list[str]]:
    """The sidecar's verdicts by line."""
    out: dict[int, list[str]] = {}
    for raw in path.with_suffix(".judged").read_text().splitlines():
        text = raw.split("#", 1)[0].split()
        if not text:
            continue
        line, *verdicts = text
        assert verdicts and all(v in VERDICTS for v in verdicts), f"{path.name}: bad judgment {raw!r}"
        out[int(line)] = verdicts
    return out


@dataclass
class Score:
    """What derive said about the judged relations of one or more documents."""

    tally: Counter[str] = field(default_factory=Counter)
    defects: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tally.update(other.tally)
        self.defects += other.defects
        self.notes += other.notes


def _said(entry: Entry) -> str:
    if entry.status == "definition":
        return "proved" if entry.checked else "taken"
    return entry.status


def score(path: Path, result: Result | None = None) -> Score:
    """Compare ``derive check`` on ``path`` with its sidecar."""
    result = result or check_file(path)
    judged = judgments(path)
    by_line: dict[int, list[Entry]] = {}
    for entry in result.entries:
        if entry.kind in _JUDGED_KINDS:
            by_line.setdefault(entry.line, []).append(entry)
    out = Score()
    for line, verdicts in sorted(judged.items()):
        entries = by_line.pop(line, [])
        if len(entries) != len(verdicts):
            out.notes.append(f"{path.name}:{line}: judged {len(verdicts)} relations, derive reported {len(entries)}")
        for i, verdict in enumerate(verdicts):
            said = _said(entries[i]) if i < len(entries) else "dropped"
            out.tally[f"{verdict}:{said}"] += 1
            where = f"{path.name}:{line}"
            if said == "dropped":
                out.defects.append(f"{where}: a {verdict} relation was dropped")
            elif verdict == "false" and said == "proved":
                out.defects.append(f"{where}: the author's error was PROVED")
            elif verdict in ("true", "def") and said == "refuted":
                out.defects.append(f"{where}: a true relation was refuted: {entries[i].text()}")
            elif said != "proved" and verdict == "true" or verdict == "false" and said != "refuted":
                out.notes.append(f"{where}: {verdict} relation {said}: {entries[i].text()}")
    for line, entries in sorted(by_line.items()):
        out.notes.append(f"{path.name}:{line}: {len(entries)} relation(s) reported but not judged")
    return out


def table(paths: list[Path]) -> Score:
    total = Score()
    for path in paths:
        one = score(path)
        t = one.tally
        true = sum(v for k, v in t.items() if k.startswith("true:"))
        false = sum(v for k, v in t.items() if k.startswith("false:"))
        print(f"{path.name:40} true {t['true:proved']}/{true} proved; false {t['false:refuted']}/{false} caught; "
              f"defects {len(one.defects)}")
        total.add(one)
    return total


def main(argv: list[str]) -> int:
    paths = [HERE / n if (HERE / n).exists() else next(p for p in documents() if p.stem == n) for n in argv] \
        or documents()
    total = table(paths)
    t = total.tally
    true = sum(v for k, v in t.items() if k.startswith("true:"))
    false = sum(v for k, v in t.items() if k.startswith("false:"))
    print(f"\nTOTAL true {t['true:proved']}/{true} proved; false {t['false:refuted']}/{false} caught")
    print("tally:", dict(sorted(t.items())))
    for line in total.defects:
        print("DEFECT", line)
    for line in total.notes:
        print("note", line)
    return 1 if total.defects else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
