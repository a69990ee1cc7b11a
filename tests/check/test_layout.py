"""What only lays a display out, blanked with its offsets and lines kept (:mod:`derive.check.layout`)."""

from __future__ import annotations

import pytest

from derive.check.layout import RELATION, blank_comments, clean, unwrap

#: (display LaTeX, what is left of it once cleaned, with spaces collapsed).
CLEANED = [
    ("a &= b \\label{e1} \\nonumber", "a &= b"),
    ("\\begin{aligned} a &= b \\\\[1em] c \\end{aligned}", "a &= b \\\\ c"),  # the row's space is layout
    ("x = 1 % note", "x = 1"),
    ("a = b \\tag*{\\footnotesize\\texttt{rule}}", "a = b"),
    ("\\boxed{\\hat p = \\bar x}", "\\hat p = \\bar x"),
    ("a = \\\\ b", "a = b"),  # a row ending with its relation goes on in the next
    ("a = b \\because c \\\\ d", "a = b \\\\ d"),  # a reason beside the row
    ("a = b (\\because c) \\\\ d", "a = b (\\because c) \\\\ d"),  # one in brackets is its own claim
    ("\\resizebox{0.8\\linewidth}{!}{$q = p$}", "q = p"),
    ("\\text{(A)}\\;\\; a = b", "a = b"),  # an equation's written label
    ("(x)\\qquad = 1", "(x)\\qquad = 1"),  # a group that is a factor is kept
    ("X \\texttt{~} Poisson", "X \\sim Poisson"),
    ("\\color{blue}{ a = b }", "a = b"),
    ("x\\_i = 1", "x _i = 1"),
    ("\\frac{a}{b} = c", "\\frac{a}{b} = c"),  # braces that are arguments stay
]


@pytest.mark.parametrize(("tex", "left"), CLEANED, ids=[t for t, _ in CLEANED])
def test_clean_blanks_layout_and_keeps_offsets(tex: str, left: str) -> None:
    cleaned = clean(tex)
    assert " ".join(cleaned.split()) == left
    assert len(cleaned) == len(tex)


def test_clean_keeps_lines() -> None:
    tex = "a &= b \\label{x}\n\\text{(B)}\\; &= c % why\n\\end{aligned}"
    assert clean(tex).count("\n") == tex.count("\n")


@pytest.mark.parametrize(("tex", "read"), [
    ("\\boxed{a = b}", "       a = b "),
    ("\\underline{x} + 1", "           x  + 1"),
    ("{ H = K }", "  H = K  "),  # braces that only group a relation
    ("f_{x = 1}", "f_{x = 1}"),  # a script's braces stay
    ("\\mathbb E[x]", "\\mathbb{E}[x]"),  # a font's one letter braced, as TeX reads it
    ("\\boxed{a = b", "\\boxed{a = b"),  # never closed: left as it is
])
def test_unwrap(tex: str, read: str) -> None:
    assert unwrap(tex) == read


@pytest.mark.parametrize(("text", "blanked"), [
    ("a % c\nb", "a    \nb"),
    ("50\\% x", "50\\% x"),  # a percent sign
    ("% all\n% of it", "     \n       "),
])
def test_blank_comments(text: str, blanked: str) -> None:
    assert blank_comments(text) == blanked


@pytest.mark.parametrize(("tex", "found"), [
    ("a = b", "="), ("a \\le b", "\\le"), ("a \\approx b", "\\approx"), ("a \\sim b", "\\sim"),
    ("\\left( a \\right)", None),  # \left is no \le
    ("a + b", None),
])
def test_relation(tex: str, found: str | None) -> None:
    match = RELATION.search(tex)
    assert (match.group() if match else None) == found
