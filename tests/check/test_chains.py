"""Rows, statements and chains: how a span's LaTeX is cut into links."""

from __future__ import annotations

import pytest

from derive.check.assume import is_bound
from derive.check.chains import Piece, chains, nested_relations, ranked, same_text, statements, supposing
from derive.check.document import Span, spans

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


@pytest.mark.parametrize(("tex", "problem", "lines"), [
    ("\\argmaxx{x \\in A}{f(x) = 0}", "relations inside \\argmaxx are not read", [3, 3]),
    ("\\argmaxx{x \\in A}{f(x)}{\n x > 0 \\\\\n}", "relations inside \\argmaxx are not read", [3, 4]),
    ("Repeat \\lbrace \\newline \\theta := \\theta - g \\newline \\rbrace", "a braced block of rows is no formula",
     [3]),
    ("(y_1 = x_1 x_2), \\ldots, (y_N = x_{N-1} x_N)", "a bracketed relation is no formula", [3, 3]),
])
def test_relations_hidden_inside_an_unknown_command_are_reported_each(tex: str, problem: str,
                                                                      lines: list[int]) -> None:
    found = statements(Span(tex, 3, True, "$$"))
    assert all(problem in s.problem and not s.relations for s in found)
    assert [s.line for s in found] == lines


@pytest.mark.parametrize("tex", ["\\sum_{i=1}^n x_i", "\\frac{a = b}{2}", "\\text{where } a = b",
                                 "\\{x : x > 0\\}", "P(X = 0)"])
def test_no_hidden_relation_in_scripts_fractions_text_or_sets(tex: str) -> None:
    assert all(not s.problem for s in statements(Span(tex, 3, False, "$")))


#: (a side as written, the lines of the relations nested in it that are claims of their own)
NESTED = [
    ("\\left\\{\\begin{matrix}\na = b = c \\qquad k = i \\\\\nd = e\n\\end{matrix}\\right.", (2, 2, 2, 3)),
    ("\\{e^{-x}, x \\ge 0, \\ 0, x < 0", (1, 1)),  # a brace never closed: cases written by hand
    ("\\exp\\left(-\\frac{x^2}{2}\n= g(x)", (2,)),  # a bracket a comment left open runs into the next row
    ("(y_1 = x_1)", (1,)),
    ("\\sum_{i=1}^{n} x_i", ()),  # a script
    ("P(X = 0) + \\mathbb{E}[X \\mid Y = y]", ()),  # applications
    ("\\Pr\\{X = 1\\} \\cdot \\frac{a}{b}", ()),
    ("f\\left(x \\mid y = 1\\right)", ()),  # sized, still applied
    ("\\underbrace{a + b}_{= c}", ()),
]


@pytest.mark.parametrize(("tex", "lines"), NESTED, ids=[n[0][:30] for n in NESTED])
def test_relations_nested_in_a_side_are_found_on_their_lines(tex: str, lines: tuple[int, ...]) -> None:
    assert nested_relations(Piece(tex, 1)) == lines


def test_deep_nesting_is_reported_not_split() -> None:
    (statement,) = statements(Span("{" * 300 + "x" + "}" * 300 + " = 1", 7, True, "$$"))
    assert statement.problem == "brackets nested 300 deep (at most 200)" and statement.line == 7


def _chains(markdown: str) -> list[list[str]]:
    found = [s for span in spans(markdown) for s in statements(span)]
    return [[p.tex for p in c.expressions] for c in chains(found)]


#: (document, the expressions of each chain)
CHAINS = [
    ("$$a = b = c$$", [["a", "b", "c"]]),
    ("$$KL = a$$\n\n$$KL = b$$", [["KL", "a", "b"]]),
    # a statement between (here x = 1, which may define x) ends the chain: the later display is its own claim
    ("$$KL = a$$ then $x = 1$ then $$KL = b$$", [["KL", "a"], ["x", "1"], ["KL", "b"]]),
    ("$$KL = a$$ $$H = c$$ $$KL = b$$", [["KL", "a"], ["H", "c"], ["KL", "b"]]),
    ("$$KL(P \\Vert Q) = a$$ $$KL(P || Q) = b$$", [[r"KL(P \Vert Q)", "a", "b"]]),
    ("$$KL = a$$ $$= b$$", [["KL", "a", "b"]]),
    ("$$= b$$", [["", "b"]]),
    # a relation left open at the end of a display is closed by the next display's first expression
    ("$$KL = a =$$ so $$= b$$", [["KL", "a", "b", "b"]]),
    ("$$KL = a =$$ so $$= b = c$$", [["KL", "a", "b", "b", "c"]]),
    ("$$KL = a =$$", [["KL", "a", ""]]),  # nothing closes it: an empty side, reported
    ("$$0 < p < 1$$ $$a = b$$", [["a", "b"]]),
    ("$$a = b$$ $$0 < p < 1$$ $$a = c$$", [["a", "b"], ["a", "c"]]),  # a bound between ends the chain
]


@pytest.mark.parametrize(("markdown", "expected"), CHAINS, ids=[c[0] for c in CHAINS])
def test_chains(markdown: str, expected: list[list[str]]) -> None:
    assert _chains(markdown) == expected


def test_links_of_a_chain() -> None:
    (chain,) = chains(statements(Span("a = b = c", 1, True, "$$")))
    assert [(link.lhs.tex, link.rhs.tex, link.position) for link in chain.links(0)] == [("a", "b", 1), ("b", "c", 2)]


@pytest.mark.parametrize(("a", "b", "same"), [
    (r"KL(P \Vert Q)", "KL(P || Q)", True),
    (r"\left( x \right)", "(x)", True),
    ("H(P)", "H(Q)", False),
])
def test_same_text(a: str, b: str, same: bool) -> None:
    assert same_text(a, b) is same


# -- propositions, suppositions, inequalities -------------------------------------------------
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


def _kinds(markdown: str) -> list[tuple[str, list[str], tuple[str, ...]]]:
    found = [s for span in spans(markdown) for s in statements(span)]
    return [(c.kind, [p.tex for p in c.expressions], c.relations) for c in chains(found, is_bound)]


#: (document, [(kind, expressions, relations)])
KINDS = [
    ("$$f = a$$\n\nSuppose\n\n$$f = 0$$\n\n$$\\iff a = 0$$\n\n$$\\iff b = 0$$",
     [("equality", ["f", "a"], ("=",)), ("supposition", ["f", "0"], ("=",)),
      ("implication", ["f = 0", "a = 0", "b = 0"], ("⇔", "⇔"))]),
    ("Suppose\n\n$$\\begin{cases} a = b \\\\ c = d \\end{cases}$$\n\n$$\\implies a = b$$",
     [("supposition", [r"\begin{cases} a = b \\ c = d \end{cases}"], ()),
      ("implication", [r"\begin{cases} a = b \\ c = d \end{cases}", "a = b"], ("⇒",))]),
    ("$$a = b$$\n\n$$\\iff c = d$$", [("equality", ["a", "b"], ("=",)), ("implication", ["a = b", "c = d"], ("⇔",))]),
    ("$$\\iff c = d$$", [("implication", ["", "c = d"], ("⇔",))]),
    ("$$\\begin{cases} a = b \\\\ c = d \\end{cases}$$",
     [("system", [r"\begin{cases} a = b \\ c = d \end{cases}"], ())]),
    ("$$KL = a$$\n\n$$KL \\geq b$$\n\n$$KL \\geq c$$", [("equality", ["KL", "a", "b", "c"], ("=", ">=", ">="))]),
    ("$$f'' = a$$\n\n$$f'' > 0$$\n\nwith $0 < p < 1$ and $\\frac{p}{q} > 0$",
     [("equality", ["f''", "a", "0"], ("=", ">")), ("equality", [r"\frac{p}{q}", "0"], (">",))]),
    ("Suppose\n\n$$KL = 0$$\n\n$$KL = a$$", [("supposition", ["KL", "0"], ("=",)), ("equality", ["KL", "a"], ("=",))]),
]


@pytest.mark.parametrize(("markdown", "expected"), KINDS, ids=[k[0][:40] for k in KINDS])
def test_chain_kinds(markdown: str, expected: list) -> None:
    assert _kinds(markdown) == expected


def test_ranked_statements_give_each_piece_its_position() -> None:
    found = ranked(statements(Span(r"a = b \quad c = d", 1, True, "$$")), 5)
    assert [[p.rank for p in s.pieces] for s in found] == [[5, 5], [6, 6]]
    assert [s.joined for s in statements(Span(r"a = b \quad \text{then} \quad c = d", 1, True, "$$"))] == ["", "then"]



@pytest.mark.parametrize(("lead", "tex", "relations"), [
    ("We find the maximum by solving", "\\frac{3}{p} - 1 = 0", ("=!",)),
    ("so the stationarity condition reads", "\\frac{3}{p} - 1 = 0", ("=!",)),
    ("The asker solves", "\\frac{dM}{dp} = 0 = \\frac{1}{p}", ("=!", "=")),  # the derivative is set to 0
    ("The estimate solves", "\\lambda = \\arg\\max l = 0", ("=", "=")),  # no E = 0 alone: a claim
    ("Note that", "\\frac{3}{p} - 1 = 0", ("=",)),
])
def test_prose_that_solves_sets_the_equation_after_it(lead: str, tex: str, relations: tuple) -> None:
    from derive.check.chains import set_to_zero

    (statement,) = statements(Span(tex, 1, True, "$$"))
    assert set_to_zero(statement, lead).relations == relations



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
