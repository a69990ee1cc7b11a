"""Rows, statements and chains: how a span's LaTeX is cut into links."""

from __future__ import annotations

import pytest

from derive.check.chains import chains, same_text, statements
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
    ("$$KL = a$$ then $x = 1$ then $$KL = b$$", [["KL", "a", "b"], ["x", "1"]]),
    ("$$KL = a$$ $$H = c$$ $$KL = b$$", [["KL", "a"], ["H", "c"], ["KL", "b"]]),
    ("$$KL(P \\Vert Q) = a$$ $$KL(P || Q) = b$$", [[r"KL(P \Vert Q)", "a", "b"]]),
    ("$$KL = a$$ $$= b$$", [["KL", "a", "b"]]),
    ("$$= b$$", [["", "b"]]),
    ("$$0 < p < 1$$ $$a = b$$", [["a", "b"]]),
    ("$$a = b$$ $$0 < p < 1$$ $$a = c$$", [["a", "b", "c"]]),
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
