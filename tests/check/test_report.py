"""What ``derive check`` reports: one line per entry and a summary, the JSON form, and the exit code."""

from __future__ import annotations

import json

import pytest
import sympy as sp

from derive.check import Entry, Result, check_text
from derive.check.report import STATUSES, point, short

LONG = "a + " * 30 + "b"


@pytest.mark.parametrize(("entry", "line"), [
    # proved: the place only, whatever the reason
    (Entry("f.md", 3, "claim", "proved", "a", "b", "by algebra", relation="="), "f.md:3: proved"),
    # refuted: what differs, where, and why
    (Entry("f.md", 4, "claim", "refuted", "x + 1", "x", "sides differ", (("x", "0"),), relation="="),
     "f.md:4: refuted: x + 1 != x at x=0 (sides differ)"),
    (Entry("f.md", 4, "definition", "refuted", "H(P)", "p", "", (("p", "1/3"), ("q", "2/7")), relation=":="),
     "f.md:4: refuted: H(P) != p at p=1/3, q=2/7"),
    (Entry("f.md", 5, "claim", "refuted", "x^2", "1", "0 > 1", (("x", "0"),), relation=">="),
     "f.md:5: refuted: x^2 \\ge 1 fails at x=0 (0 > 1)"),
    (Entry("f.md", 5, "implication", "refuted", "x = 1", "x = 2", "", relation="⇔"),
     "f.md:5: refuted: x = 1 \\iff x = 2 fails"),
    (Entry("f.md", 5, "claim", "refuted", "0 < p < 1/2", "", "on the domain", (("p", "1/2"),), relation="<"),
     "f.md:5: refuted: 0 < p < 1/2 fails at p=1/2 (on the domain)"),  # a whole statement
    (Entry("f.md", 6, "claim", "refuted", "a", "b", "no point", relation="="),
     "f.md:6: refuted: no point"),  # an equation refuted with no point: its reason
    # supposed, definitions and assumptions: the statement (a relation written as LaTeX), then the reason
    (Entry("f.md", 7, "supposition", "supposed", "x", "2", "after \"if\"", relation="<="),
     "f.md:7: supposed: x \\le 2 (after \"if\")"),
    (Entry("f.md", 7, "supposition", "supposed", "x", "2"), "f.md:7: supposed: x = 2"),
    (Entry("f.md", 7, "supposition", "supposed", "x > 0"), "f.md:7: supposed: x > 0"),
    (Entry("f.md", 8, "definition", "definition", "P(H)", "p", "P is Bernoulli(p)", relation=":="),
     "f.md:8: definition: P(H) = p (P is Bernoulli(p))"),
    (Entry("f.md", 9, "assumption", "assumption", "0 < p < 1"), "f.md:9: assumption: 0 < p < 1"),
    # unknown, skipped, not parsed: the reason, if any
    (Entry("f.md", 10, "claim", "unknown", "a", "b", "gave up", relation="="), "f.md:10: unknown: gave up"),
    (Entry("f.md", 11, "claim", "skipped", "a", "b", relation="≈"), "f.md:11: skipped"),
    (Entry("f.md", 12, "claim", "not parsed", "a", "", "bad brace"), "f.md:12: not parsed: bad brace"),
    # long or broken LaTeX: on one line, cut
    (Entry("f.md", 13, "assumption", "assumption", "0 <\n  p < 1"), "f.md:13: assumption: 0 < p < 1"),
    (Entry("f.md", 14, "definition", "definition", "L", LONG), f"f.md:14: definition: L = {LONG[:67]}..."),
])
def test_an_entry_is_one_line(entry: Entry, line: str) -> None:
    assert entry.text() == line


def test_an_entry_as_a_dictionary() -> None:
    refuted = Entry("f.md", 4, "claim", "refuted", "a", "b", "why", (("p", "1/3"),), relation="=")
    assert refuted.as_dict() == {"file": "f.md", "line": 4, "kind": "claim", "status": "refuted", "lhs": "a",
                                 "rhs": "b", "relation": "=", "reason": "why", "counterexample": {"p": "1/3"}}
    assert Entry("f.md", 1, "assumption", "assumption", "x > 0").as_dict()["counterexample"] is None


def _entries(*statuses: str, checked: bool = False) -> tuple[Entry, ...]:
    return tuple(Entry("f.md", k, "claim", s, checked=checked) for k, s in enumerate(statuses, 1))


@pytest.mark.parametrize(("entries", "strict", "exit_code", "failing"), [
    (_entries("proved", "unknown", "not parsed", "skipped"), False, 0, ()),
    (_entries("proved", "refuted", "unknown"), False, 1, ("refuted",)),
    (_entries("proved", "unknown"), True, 1, ("unknown",)),
    (_entries("proved", "not parsed"), True, 1, ("not parsed",)),
    (_entries("proved", "skipped", "supposed"), True, 0, ()),
    (_entries("unknown"), False, 0, ()),  # checked, though not decided
    # nothing checked: exit 2, unless a definition was verified
    (_entries("skipped", "not parsed", "assumption", "supposed"), False, 2, ()),
    (_entries("definition"), False, 2, ()),
    (_entries("definition", checked=True), False, 0, ()),
    ((), False, 2, ()),
])
def test_the_exit_code_and_the_failures(entries: tuple[Entry, ...], strict: bool, exit_code: int,
                                        failing: tuple[str, ...]) -> None:
    result = Result("f.md", entries, strict)
    assert (result.exit_code, result.ok) == (exit_code, exit_code == 0)
    assert tuple(e.status for e in result.failures()) == failing


@pytest.mark.parametrize(("entries", "summary"), [
    ((), "f.md: 0 proved, 0 refuted, 0 unknown, 0 not parsed, 0 skipped; 0 definitions (0 checked), 0 assumptions"),
    (_entries("proved", "proved", "refuted", "unknown", "not parsed", "skipped", "assumption") +
     _entries("definition", checked=True),
     "f.md: 2 proved, 1 refuted, 1 unknown, 1 not parsed, 1 skipped; 1 definition (1 checked), 1 assumption"),
    (_entries("definition", "definition", "assumption", "assumption", "supposed"),
     "f.md: 0 proved, 0 refuted, 0 unknown, 0 not parsed, 0 skipped; 2 definitions (0 checked), 2 assumptions, "
     "1 supposition"),
    (_entries("supposed", "supposed"),
     "f.md: 0 proved, 0 refuted, 0 unknown, 0 not parsed, 0 skipped; 0 definitions (0 checked), 0 assumptions, "
     "2 suppositions"),
])
def test_the_summary_counts_every_status(entries: tuple[Entry, ...], summary: str) -> None:
    result = Result("f.md", entries)
    assert result.summary() == summary
    assert result.text() == "".join(f"{e.text()}\n" for e in entries) + summary + "\n"


def test_checked_counts_decided_links_and_verified_definitions() -> None:
    result = Result("f.md", _entries("proved", "refuted", "unknown", "skipped", "definition")
                    + _entries("definition", checked=True))
    assert result.checked == 4 and result.count("definition") == 2 and result.count("supposed") == 0


def test_the_json_report() -> None:
    entries = (Entry("f.md", 1, "implication", "refuted", "x = 1", "x = 2", "", (("x", "1"),), relation="⇔"),
               Entry("f.md", 2, "claim", "proved", "a", "a", relation="="))
    data = json.loads(Result("f.md", entries).json())
    assert list(data) == ["file", "links", "summary", "exit"]
    assert data["file"] == "f.md" and data["exit"] == 1
    assert data["summary"] == {s: int(s in ("proved", "refuted")) for s in STATUSES}
    assert data["links"] == [e.as_dict() for e in entries]
    assert "⇔" in Result("f.md", entries).json()  # not escaped


def test_a_document_s_report() -> None:
    result = check_text("Let $x > 0$.\n\n$$x + x = 2x$$\n\n$$x^2 = x$$\n", "d.md")
    assert result.text().splitlines() == [
        "d.md:1: assumption: x > 0", "d.md:3: proved",
        "d.md:5: refuted: x^2 != x at x=4/3 (the sides are 1.7777778 and 1.3333333)",
        "d.md: 1 proved, 1 refuted, 0 unknown, 0 not parsed, 0 skipped; 0 definitions (0 checked), 1 assumption"]
    assert result.exit_code == 1 and json.loads(result.json())["summary"]["assumption"] == 1


@pytest.mark.parametrize(("tex", "limit", "expected"), [
    ("a +  b", 70, "a + b"),
    ("  a\n\t+ b  ", 70, "a + b"),
    ("abcdefghij", 10, "abcdefghij"),
    ("abcdefghijk", 10, "abcdefg..."),
    ("", 70, ""),
])
def test_short(tex: str, limit: int, expected: str) -> None:
    assert short(tex, limit) == expected


@pytest.mark.parametrize(("pairs", "expected"), [
    ([(sp.Symbol("q"), sp.Rational(2, 7)), (sp.Symbol("p"), sp.Rational(1, 3))], (("p", "1/3"), ("q", "2/7"))),
    ([("x", 0)], (("x", "0"),)),
    ([], ()),
])
def test_point(pairs: list, expected: tuple[tuple[str, str], ...]) -> None:
    assert point(pairs) == expected
