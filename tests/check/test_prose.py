"""Which bounds the prose makes hypotheses: the words before them, the clause they are in, lists, "or", sentences."""

from __future__ import annotations

import pytest

from derive.check.assume import is_bound
from derive.check.rows import statements
from derive.check.document import spans
from derive.check.prose import CLAIMS, HYPOTHESES, LOCAL, OPENERS, hypotheses, is_local, tokens_of


def _marked(document: str) -> list[tuple[str, str, int]]:
    """(the bound's pieces, its hypothesis word or "", its sentence) for every bound of ``document``."""
    found = spans(document)
    read = hypotheses([(span, statements(span)) for span in found])
    return [(" ".join(p.tex for p in s.pieces), s.supposed, s.sentence) for group in read for s in group
            if is_bound(s)]


#: (document, [(bound, hypothesis word or "" for a claim)])
WORDS = [
    ("$0 < p < 1$", [("0 p 1", "")]),
    ("We have $0 < p < 1$.", [("0 p 1", "")]),
    ("Let $0 < p < 1$.", [("0 p 1", "let")]),
    ("where $0 < p < 1$", [("0 p 1", "where")]),
    ("with $x \\in [0, 1]$", [("x [0, 1]", "with")]),
    ("for all real $x > 0$", [("x 0", "for all")]),
    ("Assume that $n \\geq 1$.", [("n 1", "assume that")]),
    ("Take $\\epsilon > 0$.", [("\\epsilon 0", "take")]),
    ("such that $0 < q < 1$", [("0 q 1", "such that")]),
    # an opener's clause runs on through other words, to a claim word or a comma after them
    ("Let $P$ be a coin whose bias satisfies $0 < p < 1$.", [("0 p 1", "let")]),
    ("Let $P$ be a coin with bias $p$, so $0 < p < 1$.", [("0 p 1", "")]),
    ("Given the data, the estimate satisfies $x > 0$.", [("x 0", "")]),
    ("If $x > 0$, then $x > -1$.", [("x 0", "if"), ("x -1", "")]),
    # "where", "with", "for" govern only what follows them
    ("For the coin above, the bias satisfies $0 < p < 1$.", [("0 p 1", "")]),
    ("where $p$ is the bias and $0 < p < 1$.", [("0 p 1", "")]),
    ("Let's see: $x > 0$.", [("x 0", "")]),
    ("Assume for contradiction that $x < 0$.", [("x 0", "assume")]),  # back to the opener's clause
    ("Let us show that $x > 0$.", [("x 0", "")]),
    # justifications and consequences are claims
    ("valid since $p > 0$, $q > 0$", [("p 0", ""), ("q 0", "")]),
    ("i.e. $x > 0$", [("x 0", "")]),
    ("Assume $x > 0$. Then $x > 1$.", [("x 0", "assume"), ("x 1", "")]),
    # lists: commas, "and", a list item that opens with "and"; an equation in the list keeps it going
    ("with $n \\geq 1$, $p_i > 0$, $\\sum_i p_i = 1$ and $x > 0$.", [("n 1", "with"), ("p_i 0", "with"),
                                                                    ("x 0", "with")]),
    ("* a coin, with $0 < q < 1$.\n* and $x > 0$.", [("0 q 1", "with"), ("x 0", "with")]),
    ("* a coin, with $0 < q < 1$.\n* $x > 0$.", [("0 q 1", "with"), ("x 0", "")]),
    ("Assume\n$$0 < p < 1 \\quad 0 < q < 1$$", [("0 p 1", "assume"), ("0 q 1", "assume")]),
    # alternatives: neither is assumed
    ("where $x < 0$ or $x > 1$.", [("x 0", "or"), ("x 1", "or")]),
    # a condition in a display row
    ("$$f(x) = 1 \\quad \\text{for } x > 0$$", [("x 0", "for")]),
    # a derivation that goes on ends the supposition's clause
    ("Suppose\n\n$$q - p = 0$$\n\n$$\\iff q = p$$\n\n$$x > 0$$", [("x 0", "")]),
    ("Suppose that\n\n$$0 < p < 1$$", [("0 p 1", "suppose that")]),
    # a new paragraph is a new sentence
    ("Let $x > 0$ and\n\n$y > 0$.", [("x 0", "let"), ("y 0", "")]),
]


@pytest.mark.parametrize(("document", "expected"), WORDS, ids=[w[0][:50] for w in WORDS])
def test_which_bounds_are_hypotheses(document: str, expected: list[tuple[str, str]]) -> None:
    assert [(bound, word) for bound, word, _ in _marked(document)] == expected


def test_sentences_are_numbered_across_spans() -> None:
    marked = _marked("If $x > 0$ and $y > 0$, then $$x y > 0.$$ Now $z > 0$, and $w > 0$.")
    assert [(bound, sentence) for bound, _, sentence in marked] == [("x 0", 1), ("y 0", 1), ("z 0", 2),
                                                                    ("w 0", 2)]


def test_a_condition_holds_to_the_end_of_its_sentence_only() -> None:
    assert {w for w in HYPOTHESES if is_local(w)} == {"if", "when", "whenever", "for", "for all", "for every",
                                                      "for each", "for any", "provided", "on", "over", "should"}
    assert not is_local("where") and not is_local("let") and "provided that" in LOCAL


def test_the_word_lists_are_disjoint() -> None:
    assert OPENERS <= HYPOTHESES and not HYPOTHESES & CLAIMS


def test_tokens_drop_markup_and_keep_bullets_and_sentence_ends() -> None:
    assert tokens_of("_(rule `log-split`; valid since") == ["rule", "log", "split", ";", "valid", "since"]
    assert tokens_of("with.\n* and") == ["with", ".", "*", "and"]
    assert tokens_of("i.e. the bias") == ["ie", "the", "bias"]


def _restricted(document: str) -> list[tuple[str, str, bool]]:
    """(the statement's pieces, the condition put after it, whether it is a trailing condition) of ``document``."""
    found = spans(document)
    read = hypotheses([(span, statements(span)) for span in found])
    return [(" ".join(p.tex for p in s.pieces), s.restricted, s.trailing) for group in read for s in group]


@pytest.mark.parametrize(("document", "expected"), [
    ("$f(x) > 0$ for every $x > 1$.", [("f(x) 0", "for every $x > 1$", False), ("x 1", "", True)]),
    ("$f(x) > 0$, for all real $x > 1$.", [("f(x) 0", ", for all real $x > 1$", False), ("x 1", "", True)]),
    ("$g(x) > 0$ on the open interval $(0, 1)$.", [("g(x) 0", "on the open interval $(0, 1)$", False)]),
    ("$H(X) = 0$ if X is constant. Next $y = 1$.", [("H(X) 0", "if x is constant", False), ("y 1", "", False)]),
    ("$a = b$ for the coin, and $c = d$.", [("a b", "", False), ("c d", "", False)]),  # no condition
    ("$a = b$. For every $x > 1$, $c = d$.", [("a b", "", False), ("x 1", "", False), ("c d", "", False)]),
])
def test_a_condition_after_a_claim_restricts_it(document: str, expected: list) -> None:
    assert _restricted(document) == expected
