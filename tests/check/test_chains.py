"""Chains of relations: how a document's statements are joined into chains and links."""

from __future__ import annotations

import pytest

from derive.check.assume import is_bound
from derive.check.chains import EQUALITY, IMPLICATION, SYSTEM, Chain, chains, proposition, ranked, same_text
from derive.check.document import Span, spans
from derive.check.statements import Piece
from derive.check.rows import statements


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


def _chain(kind: str, *parts: str) -> Chain:
    """A chain of ``kind`` from ``expression relation expression ...``."""
    return Chain(tuple(Piece(p, 1) for p in parts[::2]), parts[1::2], True, kind)


#: (a chain, what it states as one proposition; None when it states none)
PROPOSITIONS = [
    (_chain(EQUALITY, "a", "=", "b", "=", "c"), "a = c"),
    (_chain(EQUALITY, "a", ":=", "b"), "a = b"),
    (_chain(EQUALITY, "x", "~", r"\mathrm{Gam}(a, b)"), r"x \sim \mathrm{Gam}(a, b)"),  # a law
    (_chain(IMPLICATION, "a = 0", "⇔", "b = 0"), "b = 0"),  # the last proposition
    (_chain(SYSTEM, r"\begin{cases} a = b \end{cases}"), r"\begin{cases} a = b \end{cases}"),
    (_chain(EQUALITY, "a", "<", "b"), None),  # an inequality states no equation
    (_chain(EQUALITY, "", "=", "b"), None),  # no subject
    (_chain(EQUALITY, "a", "=", ""), None),  # no last expression
]


@pytest.mark.parametrize(("chain", "stated"), PROPOSITIONS, ids=[str(k) for k in range(len(PROPOSITIONS))])
def test_proposition_of_a_chain(chain: Chain, stated: str | None) -> None:
    found = proposition(chain)
    assert (found.tex if found is not None else None) == stated
