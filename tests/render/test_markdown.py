"""derive.render.markdown: front matter, ``$$`` displays, the two styles, the verification table."""

from __future__ import annotations

import re

import pytest
import sympy as sp

from derive import Bernoulli
from derive.core import Chain, Derivation, Report, Section, Step
from derive.derivations import kl_cross_entropy
from derive.render.markdown import aligned, render_markdown
from derive.render.printer import DEFAULT, Notation

from tests.render.hand import hand

p, q, z = sp.symbols("p q z")
P = Bernoulli(p)
H = P.outcomes[0]

HAND, REPORT = hand("Sums & logs")
SUBSTITUTE, BOUND = HAND.sections[0].chains[0].steps
(SWAP,) = HAND.sections[1].chains[0].steps
STYLES = ("article", "compact")


@pytest.fixture(scope="module")
def coins() -> Derivation:
    """The article's derivation for two coins: six chains, 21 steps."""
    return kl_cross_entropy(Bernoulli(p), Bernoulli(q, name="Q"))


def displays(text: str) -> list[str]:
    """The bodies of the ``$$`` display blocks, each written as ``$$``, one or more lines, ``$$``."""
    return re.findall(r"^\$\$\n(.*?)\n\$\$$", text, flags=re.S | re.M)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize(("front_matter", "head"), [
    (True, '---\ntitle: "Sums & logs"\nmath: true\n---\n\n'),
    (False, "## Sums & logs\n\n"),
], ids=["front-matter", "heading"])
def test_the_page_starts_with_front_matter_or_a_heading(style: str, front_matter: bool, head: str) -> None:
    text = render_markdown(HAND, style=style, front_matter=front_matter)
    assert text.startswith(head)
    assert ("math: true" in text) == front_matter and ("## Sums & logs" in text) != front_matter


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("report", [None, REPORT], ids=["no-report", "report"])
def test_the_page_ends_with_one_newline_and_every_display_is_closed(style: str, report: Report | None) -> None:
    text = render_markdown(HAND, report, style=style)
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert text.count("$$") % 2 == 0 and text.count("$$") == 2 * len(displays(text))


def test_the_article_style_shows_each_step_with_its_subject_and_the_relation_so_far() -> None:
    assert displays(render_markdown(HAND)) == [
        r"P(H) \leq 1",  # the statement
        r"P(H) = p \tag*{\small\texttt{substitute}}",  # subject = after, the rule at the right
        r"P(H) \leq 1 \tag*{\small\texttt{bound}}",  # the chain's relation after an equality and a bound
        "P(H) = p",  # the supposed start
        r"p = P(H) \tag*{\small\texttt{rearrange}}",
    ]


def test_the_article_style_has_prose_in_order() -> None:
    text = render_markdown(HAND)
    order = ["Hello.", "### Definitions",
             "* $P$, a coin (Bernoulli distribution): $P(H) = p$, $P(T) = 1 - p$, with $0 < p < 1$.",
             "* and $z > 0$.", "### A. One", "Intro A.", "First chain.", "Put in P(H).\n",
             "At most one. Valid since $p > 0$.\n", "Outro A.", "### B. Two", "Suppose",
             "Swap.\n"]
    positions = [text.index(piece) for piece in order]
    assert positions == sorted(positions)
    assert all(text.count(rule) == 1 for rule in ("substitute", "bound", "rearrange"))  # once per step: its tag


def test_the_compact_style_is_one_aligned_display_without_prose() -> None:
    text = render_markdown(HAND, style="compact")
    assert displays(text) == [aligned(HAND, DEFAULT)]
    for prose in ("Hello.", "### Definitions", "### A. One", "Intro A.", "Put in P(H).", "Suppose"):
        assert prose not in text


def test_aligned_puts_each_rule_on_the_right_of_its_line() -> None:
    assert aligned(HAND, DEFAULT) == "\n".join([
        r"\begin{aligned}",
        r"P(H) &= p && \text{substitute} \\",
        r" &\leq 1 && \text{bound} \\",
        r"&P(H) = p && \text{supposed} \\",
        r"&p = P(H) && \text{rearrange}",
        r"\end{aligned}",
    ])


def test_aligned_has_a_line_per_step(coins: Derivation) -> None:
    rules = re.findall(r"&& \\text\{([^{}]*)\}(?: \\\\)?$", aligned(coins, DEFAULT), flags=re.M)
    assert rules == [step.rule for step in coins.steps]


@pytest.mark.parametrize(("step", "shown"), [
    (Step("r", sp.Eq(p, 1), sp.Eq(q, 1), relation="implies"), r"\implies q = 1"),
    (Step("r", sp.Eq(p, 1), sp.Eq(q, 1), relation="iff"), r"\iff q = 1"),
    (Step("r", sp.Eq(p, 1), sp.Eq(q, 1)), "q = 1"),
], ids=["implies", "iff", "equal"])
def test_an_equation_shows_how_it_follows(step: Step, shown: str) -> None:
    d = Derivation("T", (Section("S", (Chain(None, steps=(step,)),)),), (P,))
    assert displays(render_markdown(d)) == [shown + r" \tag*{\small\texttt{r}}"]
    assert aligned(d, DEFAULT) == f"\\begin{{aligned}}\n&{shown} && \\text{{r}}\n\\end{{aligned}}"


@pytest.mark.parametrize(("style", "table"), [("article", True), ("compact", False)])
def test_a_report_adds_the_verification_sentence_and_in_an_article_a_table(style: str, table: bool) -> None:
    text = render_markdown(HAND, REPORT, style=style)
    assert "### Verification" in text and "1 proved, 1 refuted, 1 unknown; some steps are not proved." in text
    rows = ["| 1 | `substitute` | proved |", "| 2 | `bound` | refuted |", "| 3 | `rearrange` | unknown |"]
    assert all((row in text) == table for row in rows)
    assert ("| # | rule | verdict |" in text) == table


@pytest.mark.parametrize("style", STYLES)
def test_no_report_no_verification(style: str) -> None:
    text = render_markdown(HAND, style=style)
    assert "Verification" not in text and "| # |" not in text


def test_the_verification_table_has_a_row_per_verdict(coins: Derivation) -> None:
    report = coins.verify()
    rows = re.findall(r"^\| (\d+) \| `([^`]*)` \| (\w+) \|$", render_markdown(coins, report), flags=re.M)
    assert rows == [(str(k), step.rule, v.status.value) for k, (step, v) in enumerate(report.results, 1)]


@pytest.mark.parametrize("style", STYLES)
def test_the_notation_reaches_every_formula(coins: Derivation, style: str) -> None:
    text = render_markdown(coins, notation=Notation(log=r"\ln"), style=style)
    assert r"\ln(1 - q)" in text and r"\log" not in text
