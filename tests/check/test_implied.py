"""Implications judged (:mod:`derive.check.implied`): ``\\iff``, ``\\implies``, ``\\impliedby`` between
equations, from the anchor after a wrong one, and conclusions a named law implies."""

from __future__ import annotations

import pytest

from derive.check import check_text
from derive.check.implied import compose_connectives

P_BOUNDED = "Let $0 < p < 1$.\n\n"
GAMMA = "Let $a > 0$ and $b > 0$.\n\n$$x \\sim \\mathrm{Gam}(a, b) "

#: (document, [(line, status, a part of the reason)] of its implications, in order).
IMPLICATIONS = [
    (P_BOUNDED + "$$2p = 1 \\implies p = \\frac{1}{2}$$\n", [(3, "proved", "")]),
    (P_BOUNDED + "$$2p = 1 \\implies p = \\frac{1}{3}$$\n",
     [(3, "refuted", "the first implies the second? with p = 1/2")]),
    (P_BOUNDED + "$$p = \\frac{1}{2} \\impliedby 2p = 1$$\n", [(3, "proved", "")]),  # the sides swap
    ("Let $x > 0$.\n\n$$x^2 = 4 \\iff x = 2$$\n", [(3, "proved", "")]),
    # nothing before it to imply from
    ("Let $x > 0$.\n\n$$\\implies x = 2$$\n", [(3, "not parsed", "nothing before it to relate it to")]),
    # after a wrong statement, one that follows from the anchor is explained, never proved
    (P_BOUNDED + "$$2p = 1 \\implies p = \\frac{1}{3} \\implies 4p = 2$$\n",
     [(3, "refuted", ""), (3, "unknown", "this statement follows from line 3, before the error")]),
    # a premise that names a law: its conclusion holds under that law or not
    (GAMMA + "\\Rightarrow \\langle x \\rangle = a/b$$\n", [(3, "proved", "")]),
    (GAMMA + "\\Rightarrow \\langle x \\rangle = 2a/b$$\n", [(3, "refuted", "at a = 4/3, b = 8/7")]),
    (GAMMA + "\\Rightarrow \\langle x \\rangle > 0$$\n", [(3, "skipped", "between inequalities is not checked")]),
]


@pytest.mark.parametrize(("document", "expected"), IMPLICATIONS, ids=[d[0][:60] for d in IMPLICATIONS])
def test_each_implication_has_its_verdict(document: str, expected: list[tuple[int, str, str]]) -> None:
    result = check_text(document, "i.md")
    found = [e for e in result.entries if e.kind == "implication"]
    assert [(e.line, e.status) for e in found] == [(line, status) for line, status, _ in expected], result.text()
    for entry, (_, _, reason) in zip(found, expected):
        assert reason in entry.reason, result.text()


def test_a_refuted_implication_keeps_its_connective_and_sides() -> None:
    (entry,) = [e for e in check_text(P_BOUNDED + "$$2p = 1 \\implies p = \\frac{1}{3}$$\n", "i.md").entries
                if e.kind == "implication"]
    assert (entry.lhs, entry.rhs, entry.relation) == ("2p = 1", "p = \\frac{1}{3}", "⇒")


@pytest.mark.parametrize(("relations", "composed"), [
    ((), "⇔"),
    (("⇔", "⇔"), "⇔"),
    (("⇔", "⇒"), "⇒"),
    (("⇐", "⇔", "⇐"), "⇐"),
    (("⇒", "⇐"), None),  # no one direction
])
def test_compose_connectives(relations: tuple[str, ...], composed: str | None) -> None:
    assert compose_connectives(relations) == composed
