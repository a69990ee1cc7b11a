"""derive.check.checker: the run over a document, through :func:`derive.check.check_text`.

The checker declares what the document declares (distributions in math and in
prose, pmfs by cases, tables of a pmf; not a discrete uniform law), learns how
it writes (matrices), applies each assumption from where it is stated, and
gives every statement an entry in the order of the text, ``--define`` items first.
"""

from __future__ import annotations

import pytest

from derive.check import CheckError, Options, check_text

#: (document, --define items, [(line, kind, status, a fragment of the reason)] of every entry, in order).
RUNS = [
    # an assumption holds from where it is stated: a bound before it is not proved, after it is
    ("$$x + 1 > 1$$\n\nLet $x > 0$.\n\n$$x + 1 > 1$$\n", (),
     [(1, "claim", "unknown", "holds at the sample points, but not proved"), (3, "assumption", "assumption", ""),
      (5, "claim", "proved", "")]),
    ("Let $x > 0$.\n\n$$x^2 \\ge 0$$\n\n$$x - 2 \\ge 0$$\n", (),
     [(1, "assumption", "assumption", ""), (3, "claim", "proved", ""), (5, "claim", "refuted", "at x = 4/3")]),
    ("Let $x \\in \\mathbb{R}$.\n\n$$x^2 \\ge 0$$\n", (),
     [(1, "assumption", "assumption", ""), (3, "claim", "proved", "")]),
    ("Let $x > 0$.\n\nSuppose $x \\le 1$.\n\n$$x^2 \\le 1$$\n", (),
     [(1, "assumption", "assumption", ""), (3, "assumption", "assumption", ""), (5, "claim", "proved", "")]),
    ("$$2 \\le 3$$\n", (), [(1, "claim", "proved", "")]),  # a bound on numbers alone is a claim
    ("Let $a < b$ and $c > 0$.\n\n$$a + c < b + c$$\n", (),
     [(1, "assumption", "skipped", "an inequality is not used as an assumption"), (1, "assumption", "assumption", ""),
      (3, "claim", "unknown", "which nothing places")]),
    # --define items come first, and the document is checked with them
    ("$$g(2) = 5$$\n", ("g(x) = x^2 + 1",),
     [(1, "definition", "definition", "g(x) defines g from here on"), (1, "claim", "proved", "")]),
    ("$$g(2) = 6$$\n", ("g(x) = x^2 + 1",),
     [(1, "definition", "definition", "g(x) defines g from here on"),
      (1, "claim", "refuted", "5.0000000 != 6.0000000")]),
    # declarations: in math, in prose, by cases, by a table; a discrete uniform law is not derive's Uniform
    ("Let $X \\sim \\mathrm{Uniform}(0, 1)$ and $Y \\sim \\mathrm{Bernoulli}(p)$.\n", (),
     [(1, "definition", "definition", "X is Uniform(0, 1)"), (1, "definition", "definition", "Y is Bernoulli(p)")]),
    ("The roll is discrete uniform: $P = \\mathrm{Uniform}(1, 6)$.\n\n$$a + a = 2a$$\n", (),
     [(1, "definition", "not parsed", "P has a discrete uniform distribution, the text says; derive's Uniform is "
                                      "continuous"), (3, "claim", "proved", "")]),
    ("Let $0 < r < 1$. Let $p(x) = \\begin{cases} 1-r & x=0 \\\\ r & x=1 \\end{cases}$.\n\n$$\\sum_x p(x) = 1$$\n", (),
     [(1, "assumption", "assumption", ""), (1, "definition", "definition", "p is Bernoulli(r) on 1, 0"),
      (3, "claim", "proved", "")]),
    ("Let $0 < r < 1$. In general $p(x) \\ge 0$.\n\nLet $p(x) = \\begin{cases} 1-r & x=0 \\\\ r & x=1 \\end{cases}$.\n",
     (), [(1, "assumption", "assumption", ""), (1, "claim", "unknown", ""),
          (3, "definition", "definition", "p(x) defines p from here on")]),  # p applied before: an example
    ("$$P(X=0) = \\frac{1}{4}, \\quad P(X=1) = \\frac{3}{4}$$\n", (),
     [(1, "definition", "definition", "a value of a pmf the text gives in full")] * 2),
    ("Let $\\mathbb{E}[X] = \\mu$ with $X \\sim \\mathcal{N}(\\mu, 1)$.\n", (),
     [(1, "supposition", "supposed", "after \"let\""), (1, "definition", "definition", "X is Normal(mu, 1)")]),
    # how the document writes: a matrix it names is not a number
    ("Let $A = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$.\n\n$$A + A = 2A$$\n", (),
     [(1, "supposition", "supposed", "after \"let\""),
      (3, "claim", "skipped", "A is a matrix or a vector: vector and matrix algebra is not checked")]),
]

IDS = ["assumed-after-use", "a-bound-refuted", "real", "a-supposed-bound", "numbers", "an-inequality-between-names",
       "define", "define-refuted", "declared", "discrete-uniform", "pmf-by-cases", "pmf-by-cases-after-use",
       "pmf-table", "supposed-moment", "matrix"]


@pytest.mark.parametrize(("document", "define", "expected"), RUNS, ids=IDS)
def test_every_statement_gets_an_entry_in_order(document: str, define: tuple[str, ...], expected: list) -> None:
    entries = check_text(document, options=Options(define=define)).entries
    assert [(e.line, e.kind, e.status) for e in entries] == [row[:3] for row in expected]
    for entry, (*_, reason) in zip(entries, expected):
        assert reason in entry.reason, (entry, reason)


def test_entries_name_the_file_and_the_written_sides() -> None:
    (assumption, claim) = check_text("Let $x > 0$.\n\n$$x^2 \\ge 0$$\n", file="doc.md").entries
    assert (assumption.file, assumption.lhs, assumption.rhs) == ("doc.md", "x > 0", "")
    assert (claim.file, claim.lhs, claim.relation, claim.rhs) == ("doc.md", "x^2", ">=", "0")


@pytest.mark.parametrize(("document", "message"), [
    ("No math here.\n", "no math found"),
    ("Just $x$ and $y$.\n", "no equation or relation in its 2 math spans"),
    ("$x = 1$\x00", "is not a text file"),
], ids=["no-math", "no-relation", "binary"])
def test_a_document_without_relations_is_refused(document: str, message: str) -> None:
    with pytest.raises(CheckError, match=message):
        check_text(document)
