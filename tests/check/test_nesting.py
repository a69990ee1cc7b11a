"""Relations nested inside groups: hidden from a span's rows, or nested in a side."""

from __future__ import annotations

import pytest

from derive.check.document import Span
from derive.check.nesting import hidden_relations, nested_relations, why_hidden
from derive.check.statements import Piece
from derive.check.rows import statements
from derive.check.depth_tokens import tokens


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




#: (LaTeX with no relation at depth 0, the command or group holding each relation inside it)
HIDDEN = [
    (r"\argmaxx{x \in A}{f(x) = 0}", [r"\argmaxx", r"\argmaxx"]),
    (r"\lbrace \newline a := b \newline \rbrace", [r"\lbrace..."]),
    ("(y_1 = x_1)", ["(...)"]),
    (r"\frac{a = b}{2}", []),  # a known command's argument
    (r"\text{where } a = b", []),  # text
    ("P(X = 0)", []),  # an application
    (r"\sum_{i=1}^n x_i", []),  # a script
    ("a = b", []),  # at depth 0: no hidden relation
]


@pytest.mark.parametrize(("tex", "commands"), HIDDEN, ids=[h[0] for h in HIDDEN])
def test_hidden_relations_name_the_group_holding_each(tex: str, commands: list[str]) -> None:
    toks, _ = tokens(tex)
    found = hidden_relations(toks)
    assert [command for command, _ in found] == commands
    assert all(tex[at] in "=:\\" for _, at in found)  # each offset is the relation's


@pytest.mark.parametrize(("command", "reason"), [
    (r"\lbrace...", "a braced block of rows is no formula"),
    ("(...)", "a bracketed relation is no formula (write it on its own)"),
    (r"\argmaxx", "derive does not know this command (define it with \\newcommand in the document)"),
])
def test_why_hidden_says_why_the_relation_is_not_read(command: str, reason: str) -> None:
    assert why_hidden(command) == reason
