"""derive.check.links: each link of a chain classified, through :func:`derive.check.check_text`.

A link is a definition (of a function, a symbol, an interval, a law), a claim
(judged: proved, refuted, unknown), a supposition (after a supposing word, an
equation set to be solved, two indices supposed different), or skipped (a
relation derive does not check, a claim under a condition, a system alone,
steps left out); a side that cannot be read makes its link not parsed.
"""

from __future__ import annotations

import pytest

from derive.check import check_text

#: (document, [(line, kind, status, a fragment of the reason)] of the links, assumptions left out).
LINKS = [
    # definitions
    ("Let $f(x) = x^2$.\n\n$$f(3) = 9$$\n\n$$f(2) = 5$$\n",
     [(1, "definition", "definition", "f(x) defines f from here on"), (3, "claim", "proved", ""),
      (5, "claim", "refuted", "4.0000000 != 5.0000000")]),
    ("Let $y = 3$.\n\n$$y + 1 = 4$$\n\n$$y + 1 = 5$$\n",
     [(1, "definition", "definition", "y stands for this from here on"), (3, "claim", "proved", ""),
      (5, "claim", "refuted", "")]),
    ("Given $I = (0, 1)$, for any $x \\in I$ we have $x^2 < x$.\n",
     [(1, "definition", "definition", "I is this interval"), (1, "claim", "proved", "")]),
    ("$$X \\sim \\mathcal{N}(\\mu, \\sigma^2)$$\n", [(1, "definition", "definition", "X is Normal(mu, sigma)")]),
    # claims
    ("$$x + x = 2x \\iff 2x = 2x$$\n", [(1, "implication", "proved", "")]),
    ("Let $x > 0$.\n\n$$x \\le x + 1 < x + 2$$\n", [(3, "claim", "proved", ""), (3, "claim", "proved", "")]),
    ("$$a = 1 \\neq 2$$\n",
     [(1, "claim", "unknown", "what does a stand for?"), (1, "claim", "proved", "the sides differ")]),
    ("$$a \\propto b$$\n", [(1, "claim", "unknown", "a proportionality in which variable?")]),
    ("$$b = c = \\frac{1}{2}$$\n",
     [(1, "definition", "definition", "b stands for this from here on"),
      (1, "claim", "unknown", "c has no stated domain")]),
    # suppositions
    ("If $x = 2$, then $x^2 = 4$.\n",
     [(1, "supposition", "supposed", "the rest of this sentence and the next statement's are checked with x = 2"),
      (1, "claim", "proved", "")]),
    ("If $i \\neq j$,\n\n$$\\frac{\\partial e^{t_i}}{\\partial t_j} = 0$$\n",
     [(1, "supposition", "supposed", "checked with the two indices different"), (3, "claim", "proved", "")]),
    ("Let $0 < p < 1$.\n\n$$\\frac{1}{p} - 2 \\overset{\\text{set}}{=} 0$$\n\n$$p = \\frac{1}{2}$$\n",
     [(3, "supposition", "supposed", "an equation set to be solved: what follows is checked as its consequence"),
      (5, "claim", "proved", "")]),
    ("Suppose $x = 1$ and $y = x + 1$.\n\n$$y = 2$$\n",
     [(1, "supposition", "supposed", "checked with x = 1"), (1, "supposition", "supposed", "checked with y = x + 1"),
      (3, "claim", "proved", "")]),
    ("Let $x = 2$ and suppose $x^2 \\ge 4$.\n",
     [(1, "definition", "definition", "x stands for this"), (1, "supposition", "supposed", "after \"suppose\"")]),
    # skipped
    ("$$a \\ll b$$\n\n$$x \\approx 1.41$$\n",
     [(1, "claim", "skipped", "\\ll is not checked"), (3, "claim", "skipped", "an approximation is not checked")]),
    ("$$a + a = 3a \\quad \\text{if } a = 0$$\n",
     [(1, "claim", "skipped", "a claim under the condition after it (if, for all, ...) is not checked"),
      (1, "supposition", "supposed", "after \"if\"")]),
    ("$$\\begin{cases} x + y = 1 \\\\ x - y = 0 \\end{cases}$$\n",
     [(1, "claim", "skipped", "a system of equations on its own is not checked")]),
    ("$$a + b = \\ldots = b + a$$\n",
     [(1, "claim", "skipped", "steps left out (...)"), (1, "claim", "proved", "")]),
    ("Let $x > 0$. We have $x^2 > 0$ if $x \\neq 0$.\n",
     [(1, "claim", "proved", ""), (1, "claim", "skipped", "an inequation is not checked")]),
    # sides that cannot be read
    ("$$a = \\frac{1}{ + 2$$\n", [(1, "claim", "not parsed", "unbalanced braces")]),
    ("$$S = \\frac{1}{ } = 2$$\n",
     [(1, "claim", "not parsed", "cannot read the LaTeX"), (1, "claim", "unknown", "what does S stand for?")]),
]

IDS = ["function", "symbol", "interval", "law", "implication", "bounds", "an-inequation", "proportion",
       "a-name-and-a-claim", "supposed-value", "distinct-indices", "set-to-be-solved", "two-suppositions",
       "a-supposed-bound", "not-checked-relations", "conditional", "system", "elided", "inequation-as-condition",
       "unbalanced", "unreadable-middle"]


@pytest.mark.parametrize(("document", "expected"), LINKS, ids=IDS)
def test_each_link_is_classified(document: str, expected: list) -> None:
    links = [e for e in check_text(document).entries if e.kind != "assumption"]
    assert [(e.line, e.kind, e.status) for e in links] == [row[:3] for row in expected]
    for entry, (*_, reason) in zip(links, expected):
        assert reason in entry.reason, (entry, reason)


def test_a_link_keeps_its_sides_and_relation_as_written() -> None:
    (link,) = check_text("$$a \\ll b$$\n").entries
    assert (link.lhs, link.relation, link.rhs) == ("a", "≪", "b")
    supposed, claim = check_text("If $x = 2$, then $x^2 = 4$.\n").entries
    assert (supposed.lhs, supposed.relation, supposed.rhs) == ("x", "=", "2")
    assert (claim.lhs, claim.relation, claim.rhs) == ("x^2", "=", "4")
