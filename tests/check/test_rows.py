"""Rows and statements: how a span's LaTeX is cut into rows, and rows into statements."""

from __future__ import annotations

import pytest

from derive.check.document import Span, spans
from derive.check.rows import MAX_DEPTH, statements


#: (display LaTeX, [(pieces, relations)])
STATEMENTS = [
    ("a = b = c", [(("a", "b", "c"), ("=", "="))]),
    (r"a &= b \\ &= c", [(("a", "b"), ("=",)), (("", "c"), ("=",))]),
    (r"P(H) = p, \quad P(T) = 1 - p", [(("P(H)", "p"), ("=",)), (("P(T)", "1 - p"), ("=",))]),
    (r"P(H) = p, P(T) = 1 - p", [(("P(H)", "p"), ("=",)), (("P(T)", "1 - p"), ("=",))]),
    (r"x = 1 \text{ and } y = 2", [(("x", "1"), ("=",)), (("y", "2"), ("=",))]),
    ("0 < p, q < 1", [(("0", "p, q", "1"), ("<", "<"))]),
    (r"0 \le p \leq 1", [(("0", "p", "1"), ("<=", "<="))]),
    (r"p \in (0, 1)", [(("p", "(0, 1)"), ("∈",))]),
    ("a := b", [(("a", "b"), (":=",))]),
    (r"a \coloneqq b", [(("a", "b"), (":=",))]),
    (r"a \stackrel{\text{def}}{=} b", [(("a", "b"), (":=",))]),
    (r"a \overset{(1)}{=} b", [(("a", "b"), ("=",))]),
    (r"x \approx y \propto z", [(("x", "y", "z"), ("≈", "∝"))]),
    (r"\sum_{i=1}^{n} x_i = H(P, Q)", [((r"\sum_{i=1}^{n} x_i", "H(P, Q)"), ("=",))]),
    (r"f = \begin{cases} 1 \\ 2 \end{cases}", [(("f", r"\begin{cases} 1 \\ 2 \end{cases}"), ("=",))]),
    (r"a = b \quad \text{(by Jensen)}", [(("a", "b"), ("=",))]),
    ("H(P) = x.", [(("H(P)", "x"), ("=",))]),
    (r"\left( a = b \right)", []),
    ("no relation here", []),
]


@pytest.mark.parametrize(("tex", "expected"), STATEMENTS, ids=[s[0] for s in STATEMENTS])
def test_statements(tex: str, expected: list) -> None:
    found = [(tuple(p.tex for p in s.pieces), s.relations) for s in statements(Span(tex, 1, True, "$$"))]
    assert found == expected


def test_each_piece_has_its_line() -> None:
    (span,) = spans("$$\nKL = a \\\\\n  &= b\n  \\\\ &= c\n$$")
    found = statements(span)
    assert [[p.line for p in s.pieces] for s in found] == [[2, 2], [3, 3], [4, 4]]


def test_deep_nesting_is_reported_not_split() -> None:
    (statement,) = statements(Span("{" * 300 + "x" + "}" * 300 + " = 1", 7, True, "$$"))
    assert statement.problem == "brackets nested 300 deep (at most 200)" and statement.line == 7


#: (display LaTeX, [(pieces, relations, propositions, supposed, conditional)])
PROPOSITIONS = [
    (r"\iff q = p", [(("", "q = p"), ("⇔",), True, "", False)]),
    (r"\Leftrightarrow q = p", [(("", "q = p"), ("⇔",), True, "", False)]),
    (r"\implies q = p, \lambda = 1", [(("", r"q = p, \lambda = 1"), ("⇒",), True, "", False)]),
    (r"\therefore q = p", [(("", "q = p"), ("⇒",), True, "", False)]),
    (r"q = p \impliedby q - p = 0", [(("q = p", "q - p = 0"), ("⇐",), True, "", False)]),
    (r"a = 0 \iff b = 0 \iff c = 0", [(("a = 0", "b = 0", "c = 0"), ("⇔", "⇔"), True, "", False)]),
    (r"\iff \begin{cases} a = b \\ c = d \end{cases}",
     [(("", r"\begin{cases} a = b \\ c = d \end{cases}"), ("⇔",), True, "", False)]),
    (r"\begin{cases} a = b \\ c = d \end{cases}",
     [((r"\begin{cases} a = b \\ c = d \end{cases}",), (), True, "", False)]),
    (r"\text{if } x = 1", [(("x", "1"), ("=",), False, "if", False)]),
    (r"f = 0 \quad \text{if} \quad x = 1",
     [(("f", "0"), ("=",), False, "", True), (("x", "1"), ("=",), False, "if", False)]),
    (r"f = 0 \text{ for } x = 1", [(("f", "0"), ("=",), False, "", False), (("x", "1"), ("=",), False, "", False)]),
    # an order statement after "for", "where", "with", ... in a row is a condition on the statement before it
    (r"f = 1 \quad \text{for } x > 0",
     [(("f", "1"), ("=",), False, "", True), (("x", "0"), (">",), False, "for", False)]),
    (r"f = 1 \quad \text{for all } x > 0",
     [(("f", "1"), ("=",), False, "", True), (("x", "0"), (">",), False, "for all", False)]),
    (r"f = 1 \text{ where } 0 < p < 1", [(("f", "1"), ("=",), False, "", True),
                                         (("0", "p", "1"), ("<", "<"), False, "where", False)]),
    (r"a = b \geq c = d", [(("a", "b", "c", "d"), ("=", ">=", "="), False, "", False)]),
    (r"a &= b + c \\ &\quad - d \\ &= e", [(("a", "b + c           - d"), ("=",), False, "", False),
                                           (("", "e"), ("=",), False, "", False)]),
    (r"&f(x) \\ &= g(x)", [(("f(x)", "g(x)"), ("=",), False, "", False)]),
    (r"a &= b \\ \text{(by Jensen)}", [(("a", "b"), ("=",), False, "", False)]),
    (r"a &= b \\ &\text{(by Jensen)} \\ &= c", [(("a", "b"), ("=",), False, "", False),
                                                  (("", "c"), ("=",), False, "", False)]),
]


@pytest.mark.parametrize(("tex", "expected"), PROPOSITIONS, ids=[p[0] for p in PROPOSITIONS])
def test_propositions_and_suppositions(tex: str, expected: list) -> None:
    found = [(tuple(p.tex for p in s.pieces), s.relations, s.propositions, s.supposed, s.conditional)
             for s in statements(Span(tex, 1, True, "$$"))]
    assert found == expected


def test_nesting_up_to_the_deepest_allowed_is_split() -> None:
    tex = "{" * MAX_DEPTH + "x" + "}" * MAX_DEPTH + " = 1"
    (statement,) = statements(Span(tex, 7, True, "$$"))
    assert not statement.problem and statement.relations == ("=",) and statement.pieces[1].tex == "1"


#: (lead, display LaTeX, what the first statement is supposed by)
LEADS = [
    ("Suppose", "x = 1", "suppose"),
    ("At", "p = 1/2", "at"),  # a specialising word gives the name a value
    ("we arrive at", r"rac{a}{b} = c", ""),  # no value given: a claim
    ("The result is", "x = 1", ""),
]


@pytest.mark.parametrize(("lead", "tex", "word"), LEADS, ids=[f"{lead}: {tex}" for lead, tex, _ in LEADS])
def test_the_lead_before_a_span_supposes_its_first_statement(lead: str, tex: str, word: str) -> None:
    found = statements(Span(tex, 1, True, "$$", lead=lead))
    assert found[0].supposed == word
