r"""Proportionality claims (``\propto``): the ratio of the sides is free of the subject's variables."""

from __future__ import annotations

import pytest

from derive.check import check_text
from derive.check.proportions import variables_written

WRITTEN = [
    (r"p(\theta \mid x)", (r"\theta", "x")),
    (r"p(\theta | \mathcal{D})", (r"\theta", r"\mathcal{D}")),
    (r"L(\mu)", (r"\mu", "")),
    (r"L(\mu, \sigma^2)", (r"\mu, \sigma^2", "")),
    (r"f(x; \lambda)", ("x", r"\lambda")),
    (r"q_\phi(z \mid x)", ("z", "x")),
    (r"\pi\left(\theta \middle| y\right)", (r"\theta", "y")),
    (r"\log p(\theta \mid x)", (r"\theta", "x")),
    (r"e^{-x^2}", None),  # no function of anything: the variable is unsaid
    (r"p(x) q(x)", None),
    (r"f()", None),
]


@pytest.mark.parametrize(("subject", "expected"), WRITTEN)
def test_the_variables_are_the_subjects_arguments_before_its_bar(subject: str, expected) -> None:
    assert variables_written(subject) == expected


_BETA = "Let $0 < p < 1$ and $s, f > 0$.\n\n$$P(p) \\propto p^s (1 - p)^f \\cdot p^{a - 1} (1 - p)^{b - 1} "
DOCUMENTS = [
    (_BETA + "\\propto p^{s+a-1}(1-p)^{f+b-1}$$\n", [(3, "unknown"), (3, "proved")]),
    (_BETA + "\\propto p^{s+a}(1-p)^{f+b-1}$$\n", [(3, "unknown"), (3, "refuted")]),  # a factor p too many
    (_BETA + "= p^{s+a-1}(1-p)^{f+b-1}$$\n", [(3, "unknown"), (3, "proved")]),  # = after ∝ is an equality
    # a constant factor in the variable is dropped, one in another symbol is kept
    ("Let $\\sigma > 0$.\n\n$$L(\\mu) = e^{-(x-\\mu)^2/(2\\sigma^2)} \\propto e^{\\mu x/\\sigma^2 - \\mu^2/(2\\sigma^2)}$$\n",
     [(3, "definition"), (3, "proved")]),
    ("Let $\\sigma > 0$.\n\n$$L(\\mu) = e^{-(x-\\mu)^2/(2\\sigma^2)} \\propto e^{\\mu x - \\mu^2/(2\\sigma^2)}$$\n",
     [(3, "definition"), (3, "refuted")]),
    # a density in x written in terms of its parameter only: a likelihood in mu, not a density in x
    ("$$f(x \\mid \\mu) = e^{-(x-\\mu)^2/2} \\propto e^{\\mu x - \\mu^2/2}$$\n", [(1, "definition"), (1, "unknown")]),
    # a likelihood written as p(D | theta): in theta, as the sides hold no D
    ("Let $0 < t < 1$.\n\n$$g(\\mathcal{D} \\mid t) \\propto t^3 (1-t)^2 t \\propto t^4(1-t)^2$$\n",
     [(3, "unknown"), (3, "proved")]),
    ("Let $0 < t < 1$.\n\n$$g(\\mathcal{D} \\mid t) \\propto t^3 (1-t)^2 t \\propto t^4(1-t)$$\n",
     [(3, "unknown"), (3, "refuted")]),
    ("$$e^{-x^2} \\propto e^{-x^2 + 1}$$\n", [(1, "unknown")]),  # in which variable?
]


@pytest.mark.parametrize(("document", "expected"), DOCUMENTS)
def test_a_proportionality_is_checked_in_the_subjects_variable(document: str, expected) -> None:
    result = check_text(document, "w.md")
    got = [(e.line, e.status) for e in result.entries if e.kind != "assumption"]
    assert got == expected, result.text()


def test_a_refuted_proportionality_says_in_what() -> None:
    result = check_text(_BETA + "\\propto p^{s+a}(1-p)^{f+b-1}$$\n", "w.md")
    (entry,) = [e for e in result.entries if e.status == "refuted"]
    assert "changes with p" in entry.reason and entry.counterexample
