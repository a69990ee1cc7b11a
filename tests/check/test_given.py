"""What derive check takes as given and what it checks: hypotheses against claims, their order, closed bounds,
no proof through a refuted expression, and contradictory assumptions refused."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.check import CheckError, Options, check_text

COIN = "$P(H) = p$ and $Q(H) = q$.\n\n"


def _bounds(result) -> list[tuple[str, str]]:
    """(kind, status) of every entry that is not a definition."""
    return [(e.kind, e.status) for e in result.entries if e.kind != "definition"]


# -- a bound is a claim unless the prose makes it a hypothesis ------------------------------------
#: (document, [(kind, status)] of its entries but definitions, a fragment of the report or "")
CLAIMS = [
    # a first mention of a name nothing bounds says where it lies: not refuted, not assumed either
    ("$0 < a < 1$.", [("claim", "unknown")], "unknown: nothing bounds a: if this is an assumption, say so"),
    ("We have $x > 0$.", [("claim", "unknown")], "nothing bounds x"),
    ("$x \\in [0, 1]$", [("claim", "unknown")], "nothing bounds x"),
    ("$n \\geq 1$", [("claim", "unknown")], "nothing bounds n"),
    ("$0 < a, b < 1$", [("claim", "unknown")], "nothing bounds a"),
    ("$$x^2 = 1$$ and $x > 0$.", [("claim", "unknown"), ("claim", "unknown")], "nothing bounds x"),
    ("Let $0 < a < 1$.", [("assumption", "assumption")], "assumption: 0 < a < 1"),
    ("where $x \\in [0, 1]$", [("assumption", "assumption")], ""),
    ("Assume $n \\geq 1$.", [("assumption", "assumption")], ""),
    ("for $x > 0$", [("assumption", "assumption")], 'after "for": to the end of its sentence'),
    ("$z \\in \\mathbb{R}$", [("assumption", "assumption")], ""),  # says z is real: bounds nothing
    # what the distributions already say is proved, what they contradict refuted
    (COIN + "$0 < p < 1$ and $p \\le 1$.", [("claim", "proved"), ("claim", "proved")], ""),
    (COIN + "$p < 1/2$", [("claim", "refuted")], "refuted: p < 1/2 fails at p=1/2 (0 < p < 1 on the domain)"),
    # alternatives are neither assumed nor checked
    ("where $x < 0$ or $x > 1$.", [("claim", "skipped"), ("claim", "skipped")], "neither assumed nor checked"),
    ("$x \\le 0$ or $x > 0$.", [("claim", "skipped"), ("claim", "skipped")], "neither assumed nor checked"),
    # an equation about a symbol used before is a claim, not a definition of it; a name nothing places is not
    # refuted for not being every number (x is an unknown here)
    ("$$x^2 - 4 = 0$$ so $x = 2$.", [("claim", "unknown"), ("claim", "unknown")], "what does x stand for?"),
    ("$x > 0$ and $x = 2$.", [("claim", "unknown"), ("claim", "unknown")], "nothing bounds x"),
    ("$$x + 1 = x$$", [("claim", "refuted")], ""),  # on both sides: refuted
]


@pytest.mark.parametrize(("document", "expected", "fragment"), CLAIMS, ids=[c[0][:40] for c in CLAIMS])
def test_a_bound_is_checked_unless_the_prose_assumes_it(document: str, expected: list, fragment: str) -> None:
    result = check_text(document, "c.md")
    assert _bounds(result) == expected, result.text()
    assert fragment in result.text()


def test_a_claimed_bound_about_nothing_bounded_never_passes() -> None:
    result = check_text("$0 < a < 1$\n\n$$\\sqrt{a^2} = a$$", "c.md", options=Options(strict=True))
    assert result.exit_code == 1 and result.count("proved") == 0, result.text()
    assert [e.status for e in result.failures()] == ["unknown", "unknown"]


def test_derives_own_domain_statements_are_marked_by_their_prose() -> None:
    document = ("* $P$, a coin: $P(H) = p$, $P(T) = 1 - p$, with $0 < p < 1$.\n* and $x > 0$.\n\n"
                "$$\\log(x) \\le x - 1$$\n\nvalid since $p > 0$, $1 - p > 0$.\n")
    result = check_text(document, "own.md")
    assert [(e.kind, e.status) for e in result.entries if e.kind != "definition"] == [
        ("assumption", "assumption"), ("assumption", "assumption"), ("claim", "proved"), ("claim", "proved"),
        ("claim", "proved")], result.text()


# -- order: an assumption applies from where it is stated ----------------------------------------
def test_an_assumption_after_a_claim_does_not_prove_it() -> None:
    claim = "$$\\sqrt{y^2} = y$$"
    result = check_text(f"{claim}\n\nwhere $y > 0$.\n\n{claim}\n", "o.md")
    assert [(e.line, e.kind, e.status) for e in result.entries] == [
        (1, "claim", "unknown"), (3, "assumption", "assumption"), (5, "claim", "proved")], result.text()


def test_an_assumption_after_a_claim_does_not_hide_its_refutation() -> None:
    result = check_text("Let $-1 < y < 1$.\n\n$$|y| = y$$\n\nwhere $y \\ge 0$.\n\n$$|y| = y$$\n", "o.md")
    assert [(e.line, e.status) for e in result.entries] == [(1, "assumption"), (3, "refuted"), (5, "assumption"),
                                                            (7, "proved")], result.text()


def test_a_claimed_bound_is_judged_where_it_stands() -> None:
    result = check_text("$x > -1$.\n\nLet $x > 0$.\n\n$x > -1$.\n", "o.md")
    assert [(e.line, e.status) for e in result.entries] == [(1, "unknown"), (3, "assumption"), (5, "proved")]


def test_a_condition_holds_to_the_end_of_its_sentence() -> None:
    result = check_text("If $x > 1$, then $x > 0$.\n\nBut $x > 0$ in general.\n", "o.md")
    assert [(e.line, e.kind, e.status) for e in result.entries] == [
        (1, "assumption", "assumption"), (1, "claim", "proved"), (3, "claim", "unknown")], result.text()
    assert "nothing bounds x" in result.text()


def test_a_condition_does_not_reach_a_new_paragraph() -> None:
    result = check_text("If $x > 1$, then\n\n$$x > 0$$\n\nNow consider\n\n$$\\sqrt{x^2} = x$$\n", "o.md")
    assert [(e.line, e.kind, e.status) for e in result.entries] == [
        (1, "assumption", "assumption"), (3, "claim", "proved"), (7, "claim", "unknown")], result.text()


def test_front_matter_and_options_hold_everywhere() -> None:
    front = '---\nderive:\n  assume: ["y > 0"]\n---\n$$\\sqrt{y^2} = y$$\n'
    assert check_text(front, "f.md").count("proved") == 1
    result = check_text("$$\\sqrt{y^2} = y$$\n", "o.md", options=Options(assume=("y > 0",)))
    assert [e.status for e in result.entries] == ["proved"]


def test_a_condition_in_a_row_makes_the_claim_before_it_conditional() -> None:
    result = check_text("$$\\sqrt{x^2} = x \\quad \\text{for } x > 0$$", "r.md")
    assert [(e.kind, e.status) for e in result.entries] == [("claim", "skipped"), ("assumption", "assumption")]


# -- closed bounds stay closed -------------------------------------------------------------------
@pytest.mark.parametrize(("document", "assume", "expected"), [
    ("$a < 1$", ("0 <= a <= 1",), "refuted: a < 1 fails at a=1 (0 \\le a \\le 1 on the domain)"),
    ("$a \\le 1$", ("0 <= a <= 1",), "proved"),
    ("$a > 0$", ("a \\in [0, 1)",), "refuted: a > 0 fails at a=0"),
    ("Let $x \\in [0, 1]$.\n\n$x < 1$", (), "refuted: x < 1 fails at x=1"),
    ("Let $p \\geq 0$.\n\n$p > 0$", (), "refuted: p > 0 fails at p=0"),
    ("Let $p \\geq 0$.\n\n$p \\geq 0$", (), "proved"),
], ids=["option-closed", "option-holds", "option-half-open", "in-closed", "geq", "geq-holds"])
def test_closed_ends_are_kept(document: str, assume: tuple, expected: str) -> None:
    result = check_text(document, "b.md", options=Options(assume=assume))
    assert expected in result.text(), result.text()


def test_the_verifier_is_given_the_closed_interval(monkeypatch: pytest.MonkeyPatch) -> None:
    import derive.verify

    seen = []
    real = derive.verify.check_equal

    def spy(a, b, domain, *args, **kwargs):
        seen.append(dict(domain.intervals))
        return real(a, b, domain, *args, **kwargs)

    monkeypatch.setattr(derive.verify, "check_equal", spy)
    check_text("Let $0 \\le a \\le 1$.\n\n$$a (1 - a) = a - a^2$$", "v.md")
    assert seen and all(d[sp.Symbol("a")] == sp.Interval(0, 1) for d in seen)


# -- no proof through a refuted expression ----------------------------------------------------------
def test_a_link_after_a_wrong_expression_is_not_proved_by_the_one_before_it() -> None:
    result = check_text(COIN + "$$p + q = 2 p + q = q + p$$", "a.md")  # a = b (wrong) = c (equal to a)
    links = [(e.status, e.lhs, e.rhs) for e in result.entries if e.kind == "claim"]
    # b = c is false as written (each relation against its neighbour); its reason says c is back on track
    assert links == [("refuted", "p + q", "2 p + q"), ("refuted", "2 p + q", "q + p")], result.text()
    assert "agrees with line 3, before the error" in result.entries[-1].reason
    assert result.exit_code == 1


def test_an_implication_after_a_wrong_one_is_not_proved_by_the_one_before_it() -> None:
    result = check_text(COIN + "Suppose $$q - p = 0$$\n\n$$\\iff q = 1 - p \\iff q = p$$", "i.md")
    links = [(e.status, e.rhs) for e in result.entries if e.kind == "implication"]
    assert links == [("refuted", "q = 1 - p"), ("unknown", "q = p")], result.text()
    assert "follows from line 3, before the error" in result.entries[-1].reason


def test_a_link_after_an_unread_expression_is_not_proved() -> None:
    result = check_text(COIN + "$$p + q = \\mystery(p) = q + p$$", "u.md")
    assert [e.status for e in result.entries if e.kind == "claim"] == ["not parsed", "not parsed"], result.text()
    assert "agrees with line 3" in result.entries[-1].reason


# -- contradictory assumptions are an error, never a vacuous proof -----------------------------------
@pytest.mark.parametrize(("document", "assume", "fragment"), [
    ("Let $0 < x < 0$.\n\n$$x = x + 1$$", (), "c.md:1: contradictory assumption: no value of x satisfies"),
    ("Let $x > 1$.\n\nAssume $x < 0$.\n\n$$x = x + 1$$", (), "c.md:3: contradictory assumption"),
    ("where $x > 1$ and $x < 0$.", (), "leaves no value for x"),
    ("If $x > 1$ and $x < 0$, then $x = 2$.", (), "contradictory assumption"),
    (COIN + "where $p > 2$.", (), "contradictory assumption"),
    ("$$x = x$$", ("x > 1", "x < 0"), "contradictory assumptions"),
    ('---\nderive:\n  assume: ["x > 1"]\n---\n$$x = x$$', ("x < 0",), "contradictory assumptions"),
    ("Let $x \\in [0, 1]$.", ("x > 2",), "contradictory assumption"),
], ids=["empty", "two", "list", "condition", "distribution", "options", "front-matter", "option-and-text"])
def test_contradictory_assumptions_are_an_error(document: str, assume: tuple, fragment: str) -> None:
    with pytest.raises(CheckError, match="contradictory assumption|leaves no value") as caught:
        check_text(document, "c.md", options=Options(assume=assume))
    message = str(caught.value)
    assert fragment in message and "\n" not in message
