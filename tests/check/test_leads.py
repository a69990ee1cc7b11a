"""What the prose before a span makes of its statements: suppositions, equations set to zero."""

from __future__ import annotations

import pytest

from derive.check.document import Span
from derive.check.leads import set_to_zero, suppose_first, supposing
from derive.check.statements import Piece, Statement
from derive.check.rows import statements


@pytest.mark.parametrize(("lead", "display", "word"), [
    ("Suppose", True, "suppose"),
    ("**Suppose** that", True, "suppose that"),
    ("Where is g flat? Assume:", True, "assume"),
    ("If", False, "if"),
    ("Let", True, "let"),
    ("We set", True, "set"),
    ("At a minimum the gradient vanishes:", True, "at a minimum"),
    ("At a minimum the gradient vanishes.", True, ""),
    ("At a minimum the gradient vanishes:", False, ""),
    ("Put in the gradient found above. _(rule `use-result`)_", True, ""),
    ("Put in the gradient found above. (rule \\texttt{use-result}).", True, ""),
    ("The result is", True, ""),
    ("", True, ""),
])
def test_supposing_words(lead: str, display: bool, word: str) -> None:
    assert supposing(lead, display) == word


@pytest.mark.parametrize(("lead", "tex", "relations"), [
    ("We find the maximum by solving", "\\frac{3}{p} - 1 = 0", ("=!",)),
    ("so the stationarity condition reads", "\\frac{3}{p} - 1 = 0", ("=!",)),
    ("The asker solves", "\\frac{dM}{dp} = 0 = \\frac{1}{p}", ("=!", "=")),  # the derivative is set to 0
    ("The estimate solves", "\\lambda = \\arg\\max l = 0", ("=", "=")),  # no E = 0 alone: a claim
    ("Note that", "\\frac{3}{p} - 1 = 0", ("=",)),
])
def test_prose_that_solves_sets_the_equation_after_it(lead: str, tex: str, relations: tuple) -> None:
    (statement,) = statements(Span(tex, 1, True, "$$"))
    assert set_to_zero(statement, lead).relations == relations


def _statement(*pieces: str, relations: tuple[str, ...] = ("=",), problem: str = "",
               supposed: str = "") -> Statement:
    return Statement(tuple(Piece(p, 1) for p in pieces), relations, True, problem=problem, supposed=supposed)


#: (lead, the first statement, the word it is supposed by afterwards)
SUPPOSE_FIRST = [
    ("Suppose", _statement("x", "1"), "suppose"),
    ("At", _statement("p", "1/2"), "at"),  # one name given a value: specialised
    ("With", _statement(r"\sigma_1", "1"), "with"),
    ("With", _statement(r"\sigma_1", r"\frac{1}{2}"), ""),  # letters in the value: no value given
    ("At", _statement("p", "q"), "at"),  # a name is a value
    ("we arrive at", _statement(r"\frac{a}{b}", "c"), ""),  # no name given a value: a claim
    ("At", _statement("p", "q", relations=("<",)), ""),  # no equation
    ("At", _statement("p", r"\log n"), ""),  # the value is a formula, not a value
    ("Suppose", _statement("x", "1", supposed="if"), "if"),  # already supposed: kept
    ("Suppose", _statement("x", "1", problem="unreadable"), ""),  # a problem is never supposed
    ("The result is", _statement("x", "1"), ""),
]


@pytest.mark.parametrize(("lead", "first", "word"), SUPPOSE_FIRST,
                         ids=[f"{lead}: {s.pieces[0].tex}" for lead, s, _ in SUPPOSE_FIRST])
def test_the_lead_supposes_only_the_first_statement(lead: str, first: Statement, word: str) -> None:
    second = _statement("y", "2")
    found = suppose_first([first, second], lead, True)
    assert [s.supposed for s in found] == [word, ""]


def test_no_statement_nothing_supposed() -> None:
    assert suppose_first([], "Suppose", True) == []


_SETTING = "Set the derivative equal to zero:"


@pytest.mark.parametrize(("lead", "immediate", "tex", "relations"), [
    ("Setting the derivative to zero gives", "", "f'(p) = 0", ("=!",)),
    ("Setting the derivative to zero gives", "", "0 = f'(p)", ("=!",)),
    ("", "", "\\frac{dl}{dp} = \\frac{k}{p} - 1 = 0", ("=", "=!")),  # a derivative heads a chain ending in 0
    (_SETTING, _SETTING, "\\frac{a}{p} = \\frac{b}{1 - p}", ("=!",)),  # no 0 written: rearranged
    (_SETTING, _SETTING, "\\hat p = \\frac{k}{n}", ("=",)),  # a solution, not the equation
    ("Hence", "", "f'(p) = 0", ("=",)),
])
def test_set_to_zero_by_the_prose_or_a_leading_derivative(lead: str, immediate: str, tex: str,
                                                           relations: tuple) -> None:
    (statement,) = statements(Span(tex, 1, True, "$$"))
    assert set_to_zero(statement, lead, immediate).relations == relations


def test_a_statement_with_no_relation_is_never_set() -> None:
    lone = Statement((Piece("x", 1),), (), True)
    assert set_to_zero(lone, "Setting it to zero") is lone
