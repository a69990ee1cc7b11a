"""Statements of a row that are conditions on the one before them: argument domains, index cases."""

from __future__ import annotations

import pytest

from derive.check.document import spans
from derive.check.statements import Piece, Statement
from derive.check.row_conditions import argument_domains, cases_first
from derive.check.rows import statements


def _statement(tex: str, *relations: str, joined: str = "", supposed: str = "") -> Statement:
    """``tex``'s pieces, split at `` ; `` (relations given apart)."""
    return Statement(tuple(Piece(p, 1) for p in tex.split(" ; ")), relations, True, joined=joined,
                     supposed=supposed)


def test_a_case_condition_after_a_claim_in_its_row_is_supposed_before_it() -> None:
    (span,) = spans("$$f_i = g_i, \\quad i = j$$")
    case, claim = statements(span)
    assert (case.pieces[0].tex.strip(), case.supposed) == ("i", "if") and claim.pieces[0].tex.strip() == "f_i"
    (span,) = spans("$$f_i = g_i, \\quad x = 2$$")  # no index: two claims, in order
    assert [s.pieces[0].tex.strip() for s in statements(span)] == ["f_i", "x"]


#: A display's equation and the bounds after it in its row: which bounds say where the function is meant.
ARGUMENT_DOMAINS = [
    (r"f(x; \theta) = \frac{1}{\theta} e^{-x / \theta}, \quad x \geq 0, \, \theta > 0", ["where", "where"]),
    (r"p(k) = \lambda^k e^{-\lambda} / k!, \quad k \ge 0", ["where"]),
    (r"f(x) = x^2, \quad 0 < x < 1", ["where"]),
    (r"f(x) = x^2, \quad y > 0", [""]),  # y is no argument of f: a claim
    (r"\hat p = \frac{k}{n}, \quad 0 \le \hat p \le 1", [""]),  # no function applied: a claim about its value
    (r"f(x) = x^2, \quad x^2 > 0", [""]),  # an expression bounded, no argument: a claim
    (r"f(x) \le x^2, \quad x > 0", [""]),  # no equation before it
]


@pytest.mark.parametrize(("tex", "words"), ARGUMENT_DOMAINS, ids=[t for t, _ in ARGUMENT_DOMAINS])
def test_bounds_on_a_functions_arguments_after_it_say_where_it_is_meant(tex: str, words: list[str]) -> None:
    (span,) = spans(f"$${tex}$$")
    assert [s.supposed for s in statements(span) if s.is_order][-len(words):] == words


#: (a row's statements, what each is supposed by after argument_domains)
DOMAINS = [
    ([_statement("f(x) ; x^2", "="), _statement("x ; 0", ">")], ["", "where"]),
    ([_statement(r"f(x, y) ; x y", "="), _statement("x ; 0", ">"), _statement("0 ; y ; 1", "<", "<")],
     ["", "where", "where"]),
    ([_statement("f(x) ; x^2", ":="), _statement(r"x ; \infty", "<")], ["", "where"]),
    ([_statement("f(x) ; x^2", "="), _statement("y ; 0", ">")], ["", ""]),  # no argument of f
    ([_statement("f(x) ; x^2", "="), _statement("x ; 0", ">", joined="and")], ["", ""]),  # a word between
    ([_statement("f(x) ; x^2", "="), _statement(r"x ; \mathbb{R}", "∈")], ["", ""]),  # a membership
    ([_statement("f(x) ; x^2", "<="), _statement("x ; 0", ">")], ["", ""]),  # no equation before it
    ([_statement("f(x) ; x^2", "="), _statement("y ; 0", ">"), _statement("x ; 0", ">")], ["", "", ""]),  # ends
    ([_statement(r"\hat p ; k", "="), _statement("p ; 0", ">")], ["", ""]),  # no function applied
]


@pytest.mark.parametrize(("found", "words"), DOMAINS, ids=[str(k) for k in range(len(DOMAINS))])
def test_argument_domains(found: list[Statement], words: list[str]) -> None:
    assert [s.supposed for s in argument_domains(found)] == words


#: (a row's statements, (supposed, joined, first piece) of each after cases_first)
CASES = [
    ([_statement("f_i ; g_i", "="), _statement("i ; j", "=")], [("if", "", "i"), ("", "then", "f_i")]),
    ([_statement("f_i ; g_i", "="), _statement("i ; j", "!=")], [("if", "", "i"), ("", "then", "f_i")]),
    ([_statement("f_i ; g_i", "=", joined="so"), _statement("i ; j", "=")], [("if", "", "i"), ("", "so", "f_i")]),
    ([_statement("f_i ; g_i", "="), _statement("x ; 2", "=")], [("", "", "f_i"), ("", "", "x")]),  # no index
    ([_statement("f_i ; g_i", "="), _statement("i ; j", "<")], [("", "", "f_i"), ("", "", "i")]),  # an order
    ([_statement("f_i ; g_i", "="), _statement("i ; j", "=", joined="and")],
     [("", "", "f_i"), ("", "and", "i")]),  # a word between
    ([_statement("f_i ; g_i", "=", supposed="if"), _statement("i ; j", "=")],
     [("if", "", "f_i"), ("", "", "i")]),  # no claim before it
]


@pytest.mark.parametrize(("found", "expected"), CASES, ids=[str(k) for k in range(len(CASES))])
def test_cases_first(found: list[Statement], expected: list[tuple[str, str, str]]) -> None:
    assert [(s.supposed, s.joined, s.pieces[0].tex) for s in cases_first(found)] == expected
