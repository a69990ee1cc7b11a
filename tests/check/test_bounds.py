"""Bounds: the assumptions the prose makes hypotheses, and the bounds a document claims, decided by inclusion of
intervals (closed ends included) or by the verifier; each document with the verdicts its bounds get."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from derive.check import CheckError, Options, check_text
from derive.check.bounds import written_statement

CATEGORICAL = "$P(i) = p_i$ with $n \\ge 2$"
#: A density defined, then bounds after "for" on its variable and on its parameter.
PARETO = ("$$f(x \\mid \\theta) = \\theta x^{-\\theta - 1}$$ for $x \\ge 1$ and $\\theta > 0$.\n\n"
          "$$\\log f(x \\mid \\theta) = \\log \\theta - (\\theta + 1) \\log x$$\n")


@dataclass(frozen=True)
class _Piece:
    tex: str


@dataclass(frozen=True)
class _Statement:
    pieces: tuple[_Piece, ...]
    relations: tuple[str, ...]


@pytest.mark.parametrize(("pieces", "relations", "written"), [
    (("0", "p", "1"), ("<", "<"), "0 < p < 1"),
    (("x", "1"), (">=",), "x >= 1"),
    (("x", "[0, 1]"), ("∈",), "x ∈ [0, 1]"),
    (("x",), (), "x"),  # a lone piece: as written
])
def test_a_statement_is_written_back_piece_relation_piece(pieces: tuple[str, ...], relations: tuple[str, ...],
                                                            written: str) -> None:
    assert written_statement(_Statement(tuple(_Piece(p) for p in pieces), relations)) == written


#: (document, status of the last entry, words of its reason, its counterexample): bounds claimed after "Then".
CLAIMED = [
    # inclusion of intervals: proved when the domain's interval lies inside the bound's
    ("Let $0 < p < 1$.\n\nThen $0 < p < 2$.\n", "proved", "", ()),
    ("Let $x > 1$.\n\nThen $x \\ge 1$.\n", "proved", "", ()),
    ("Let $x > 0$.\n\nThen $x \\in (0, \\infty)$.\n", "proved", "", ()),
    # ... else refuted at a point of the domain outside it: a closed end, a midpoint, or past a finite end
    ("Let $0 < p < 1$.\n\nThen $0 < p < 1/2$.\n", "refuted", "0 < p < 1 on the domain", (("p", "1/2"),)),
    ("Let $x \\ge 1$.\n\nThen $x > 1$.\n", "refuted", "x \\ge 1 on the domain", (("x", "1"),)),
    ("Let $x \\in [0, 1]$.\n\nThen $x < 1$.\n", "refuted", "0 \\le x \\le 1 on the domain", (("x", "1"),)),
    ("Let $x \\in [0, 1]$.\n\nThen $x > 2$.\n", "refuted", "0 \\le x \\le 1 on the domain", (("x", "0"),)),
    ("Let $x \\in (0, 1)$.\n\nThen $x > 1$.\n", "refuted", "0 < x < 1 on the domain", (("x", "1/2"),)),
    ("Let $x > 0$.\n\nThen $x \\in [0, 1]$.\n", "refuted", "x > 0 on the domain", (("x", "2"),)),
    ("Let $x < 0$.\n\nThen $x > 1$.\n", "refuted", "x < 0 on the domain", (("x", "-1"),)),
    ("Let $x \\le -2$.\n\nThen $x \\ge 1$.\n", "refuted", "x \\le -2 on the domain", (("x", "-2"),)),
    # the domain a distribution gives its parameter
    ("$P(H) = p$.\n\nThen $0 < p < 1$.\n", "proved", "", ()),
    ("$P(H) = p$.\n\nThen $p > 1$.\n", "refuted", "0 < p < 1 on the domain", (("p", "1/2"),)),
    # a number of outcomes is at least 2; any other bound on it goes to the verifier
    (f"{CATEGORICAL}.\n\nThen $n \\ge 2$.\n", "proved", "", ()),
    (f"{CATEGORICAL}.\n\nThen $n > 2$.\n", "refuted", "both sides equal", (("n", "2"),)),
    # a symbol defined as a value: the verifier, on that value
    ("Let $x = 2$.\n\nThen $x > 1$.\n", "proved", "", ()),
    ("Let $x = 2$.\n\nThen $x > 3$.\n", "refuted", "3.0000000 > 2.0000000", ()),
    # a symbol nothing bounds: the claim says where the author means it, never refuted
    ("Then $0 < a < 1$.\n", "unknown", "nothing bounds a: if this is an assumption, say so", ()),
    # false whatever the symbol is
    ("Then $0 < x < 0$.\n", "refuted", "no value of x satisfies both x > 0 and x < 0", ()),
    ("Then $2 < 1$.\n", "refuted", "is false: 2 is not below 1", ()),
    # no bound on one symbol: a relation between two expressions, checked as a claim
    ("Let $x > 0$.\n\nThen $x^2 + 1 > 0$.\n", "proved", "", ()),
    ("Let $x > 0$.\n\nThen $x^2 - 1 > 0$.\n", "refuted", "at x = 4/5", (("x", "4/5"),)),
    ("$$I(X; Y) \\ge 0$$\n", "proved", "", ()),
    # an index stated to be one of the outcomes
    (f"{CATEGORICAL} and $1 \\le j \\le n$.\n\nThen $j \\le n$.\n", "proved",
     "j is one of the n outcomes (stated above)", ()),
    # what no inclusion decides: skipped, with the relation named
    ("Let $x > 0$.\n\nThen $x \\in \\{1, 2\\}$.\n", "skipped", "\\in: a membership is not checked", ()),
    (f"{CATEGORICAL}.\n\nThen $1 \\le j \\le n$.\n", "skipped", "\\le: an inequality is not checked", ()),
    ("Then $x < 1$ or $x > 2$.\n", "skipped", "one of alternatives joined by \"or\": neither assumed nor checked", ()),
]


@pytest.mark.parametrize(("document", "status", "reason", "counterexample"), CLAIMED)
def test_a_bound_claimed_is_decided_on_the_domain_where_it_stands(document: str, status: str, reason: str,
                                                                   counterexample: tuple) -> None:
    entry = check_text(document).entries[-1]
    assert (entry.kind, entry.status) == ("claim", status), entry
    assert reason in entry.reason and (reason or not entry.reason), entry.reason
    assert entry.counterexample == counterexample


def test_a_bound_claimed_is_written_back_with_its_relation() -> None:
    entry = check_text("Let $0 < p < 1$.\n\nThen $0 < p < 1/2$.\n", "b.md").entries[-1]
    assert (entry.lhs, entry.rhs, entry.relation) == ("0 < p < 1/2", "", "<")
    assert entry.text() == "b.md:3: refuted: 0 < p < 1/2 fails at p=1/2 (0 < p < 1 on the domain)"


def test_a_bound_out_of_time_is_unknown() -> None:
    entry = check_text("Let $0 < p < 1$.\n\nThen $p(1-p) \\le 1/4$.\n", options=Options(timeout=1e-9)).entries[-1]
    assert (entry.status, entry.reason) == ("unknown", "gave up after 1e-09 s")


#: (document, [(line, kind, status)] of every entry, words of the reason of the entry marked by ``at``).
ASSUMED = [
    ("Let $0 < p < 1$.\n\n$$p = p$$\n", [(1, "assumption", "assumption"), (3, "claim", "proved")], 0, ""),
    ("Let $z \\in \\mathbb{R}$.\n\n$$z = z$$\n", [(1, "assumption", "assumption"), (3, "claim", "proved")], 0, ""),
    # a condition ("if") holds to the end of its sentence only
    ("If $0 < x < 1$ then $x^2 < x$.\n\nThen $x^2 < x$.\n",
     [(1, "assumption", "assumption"), (1, "claim", "proved"), (3, "claim", "refuted")], 0,
     "after \"if\": to the end of its sentence"),
    # a condition after its claim ("for every") applies from that claim on, to the end of its sentence
    ("We use $x^2 \\ge 1$ for every $x \\ge 1$.\n\nAnd $x^2 \\ge 1$.\n",
     [(1, "claim", "proved"), (1, "assumption", "assumption"), (3, "claim", "unknown")], 1,
     "after \"for every\": to the claim before it and the rest of its sentence"),
    # bounds after "for" on the parameters of a function just defined stand; on its variable, they are local
    (PARETO, [(1, "definition", "definition"), (1, "assumption", "assumption"), (1, "assumption", "assumption"),
     (3, "claim", "proved")], 1, "after \"for\": to the claim before it"),
    # alternatives are neither assumed nor checked
    ("Let $x < 1$ or $x > 2$.\n", [(1, "claim", "skipped"), (1, "claim", "skipped")], 0,
     "one of alternatives joined by \"or\""),
    # a bound the distributions' domain already implies, one it cannot take, one that is no bound
    (f"{CATEGORICAL}.\n", [(1, "definition", "definition"), (1, "assumption", "assumption")], 1,
     "already true on the distributions' domain"),
    (f"{CATEGORICAL}.\n\nLet $n \\ge 3$.\n",
     [(1, "definition", "definition"), (1, "assumption", "assumption"), (3, "assumption", "skipped")], 2,
     "n >= 3: not applied: n is constrained jointly with other parameters by its distribution"),
    ("Let $x \\in \\{1, 2\\}$.\n\nThen $x \\ge 1$.\n", [(1, "assumption", "skipped"), (3, "claim", "unknown")], 0,
     "\\in: a membership is not used as an assumption"),
    # an index bounded by the number of outcomes names one of them
    (f"{CATEGORICAL} and $1 \\le j \\le n$.\n",
     [(1, "definition", "definition"), (1, "assumption", "assumption"), (1, "assumption", "assumption")], 2,
     "j is one of the n outcomes"),
    # a statement that cannot be split is reported, not parsed
    ("$$" + "{" * 201 + "x" + "}" * 201 + " = 1$$\n", [(1, "claim", "not parsed")], 0,
     "brackets nested 201 deep (at most 200)"),
]


@pytest.mark.parametrize(("document", "expected", "at", "reason"), ASSUMED)
def test_an_assumption_applies_where_the_prose_says(document: str, expected: list[tuple[int, str, str]], at: int,
                                                    reason: str) -> None:
    entries = check_text(document).entries
    assert [(e.line, e.kind, e.status) for e in entries] == expected, entries
    assert reason in entries[at].reason and (reason or not entries[at].reason), entries[at].reason


def test_a_parameter_bound_after_for_stands_and_a_variable_bound_does_not() -> None:
    variable, parameter = check_text(PARETO).entries[1:3]
    assert (variable.lhs, parameter.lhs) == ("x >= 1", "\\theta > 0")
    assert variable.reason.startswith("after \"for\"") and parameter.reason == ""


@pytest.mark.parametrize(("document", "message"), [
    ("Let $x > 1$.\n\nAssume $x < 0$.\n\n$$x = x + 1$$\n",
     "<text>:3: contradictory assumption: the assumption x < 0 leaves no value for x (it was already x > 1)"),
    ("Let $0 < p < 1$ and $p > 2$.\n", "<text>:1: contradictory assumption: the assumption p > 2 leaves no value"),
    ("$P(H) = p$.\n\nLet $p > 1$.\n", "<text>:3: contradictory assumption: the assumption p > 1 leaves no value"),
], ids=["two-assumptions", "one-sentence", "against-a-distribution"])
def test_an_assumption_no_value_satisfies_is_refused(document: str, message: str) -> None:
    with pytest.raises(CheckError) as caught:
        check_text(document)
    assert str(caught.value).startswith(message)


def test_an_assumption_looser_than_a_distribution_s_domain_is_taken() -> None:
    entries = check_text("$P(H) = p$.\n\nLet $p < 2$.\n\n$$p = p$$\n").entries
    assert [(e.kind, e.status) for e in entries] == [("definition", "definition"), ("assumption", "assumption"),
                                                     ("claim", "proved")]
