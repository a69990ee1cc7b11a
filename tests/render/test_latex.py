"""derive.render.latex: the document's structure, read as text (compiling it is tests/render/test_pdflatex.py's job)."""

from __future__ import annotations

import re

import pytest
import sympy as sp

from derive import Bernoulli
from derive.core import Chain, Derivation, Report, Section, Status, Step, Verdict
from derive.core.terms import add
from derive.derivations import kl_cross_entropy
from derive.distributions.measures import Prob
from derive.render.latex import PREAMBLE, STYLES, render_latex
from derive.render.printer import Notation

from tests.render.hand import hand

p, q, z = sp.symbols("p q z")
P = Bernoulli(p)
H = P.outcomes[0]
XS = sp.symbols("x_1:31")

HAND, REPORT = hand("Sums & logs_1", "At most one, 50% sure.")
SUBSTITUTE, BOUND = HAND.sections[0].chains[0].steps
(SWAP,) = HAND.sections[1].chains[0].steps


@pytest.fixture(scope="module")
def coins() -> Derivation:
    """The article's derivation for two coins: six chains, 21 steps."""
    return kl_cross_entropy(Bernoulli(p), Bernoulli(q, name="Q"))


def tags(text: str) -> list[str]:
    return re.findall(r"\\tag\*\{\\footnotesize\\texttt\{([^{}]*)\}\}", text)


@pytest.mark.parametrize("style", STYLES)
def test_the_document_frame(style: str) -> None:
    text = render_latex(HAND, style=style)
    assert text.startswith(PREAMBLE + "\n" + r"\title{Sums \& logs\_1}" + "\n" + r"\date{}")
    assert text.endswith("\\end{document}\n")
    frame = (r"\documentclass", r"\begin{document}", r"\maketitle", r"\end{document}")
    assert [text.count(command) for command in frame] == [1] * 4
    assert text.index(r"\begin{document}") < text.index(r"\begin{align*}") < text.index(r"\end{document}")


@pytest.mark.parametrize(("style", "aligns"), [("article", 2), ("compact", 1)])
def test_one_align_per_chain_or_one_for_all(style: str, aligns: int) -> None:
    text = render_latex(HAND, style=style)
    assert text.count(r"\begin{align*}") == text.count(r"\end{align*}") == aligns


@pytest.mark.parametrize("style", STYLES)
def test_every_step_is_tagged_with_its_rule_in_order(coins: Derivation, style: str) -> None:
    assert tags(render_latex(HAND, style=style)) == ["substitute", "bound", "rearrange"]
    assert tags(render_latex(coins, style=style)) == [step.rule for step in coins.steps]


def test_the_article_style_has_prose_sections_and_definitions() -> None:
    text = render_latex(HAND)
    order = ["Hello.", "\\[\nP(H) \\leq 1\n\\]", r"\section*{Definitions}",
             r"\item $P$, a coin (Bernoulli distribution): $P(H) = p$, $P(T) = 1 - p$, with $0 < p < 1$.",
             r"\item and $z > 0$.", r"\section*{A. One}", "Intro A.", "First chain.",
             "Put in P(H).\n\\begin{align*}",
             r"\intertext{At most one, 50\% sure. Valid since $p > 0$.}",
             "Outro A.", r"\section*{B. Two}", "Suppose\n\\begin{align*}",
             r"\intertext{Swap.}"]
    positions = [text.index(piece) for piece in order]
    assert positions == sorted(positions)
    for rule in ("substitute", "bound", "rearrange"):  # each named once, as its step's tag
        assert text.count(rule) == 1 and text.count(rf"\tag*{{\footnotesize\texttt{{{rule}}}}}") == 1


def test_the_compact_style_has_the_rows_alone() -> None:
    text = render_latex(HAND, style="compact")
    rows = text[text.index(r"\begin{align*}"):text.index(r"\end{align*}")]
    assert rows.count("\\\\[1ex]\n") == 3  # four rows: two steps, the supposed equation, one step
    for prose in (r"\section*", r"\intertext", "Hello.", "Intro A.", "Put in P(H).", "Definitions", "\\[\n"):
        assert prose not in text


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize(("report", "sentence"), [
    (None, None),
    (REPORT, "1 proved, 1 refuted, 1 unknown; some steps are not proved."),
    (Report(((SUBSTITUTE, Verdict(Status.PROVED)),)), "1 proved, 0 refuted, 0 unknown; every step is proved."),
], ids=["no-report", "not-proved", "proved"])
def test_a_verification_section_only_with_a_report(style: str, report: Report | None, sentence: str | None) -> None:
    text = render_latex(HAND, report, style=style)
    assert (r"\section*{Verification}" in text) == (report is not None)
    if sentence is not None:
        assert text.endswith(f"{sentence}\n\n\\end{{document}}\n")


def one_chain(chain: Chain) -> Derivation:
    return Derivation("T", (Section("S", (chain,)),), (P,))


#: (id, the only chain, rows of its ``align*`` that must appear, the same in both styles).
ROWS = [
    ("subject-then-relation", Chain(Prob(P, H), steps=(SUBSTITUTE, BOUND)),
     "P(H) &= p \\tag*{\\footnotesize\\texttt{substitute}}", " &\\leq 1 \\tag*{\\footnotesize\\texttt{bound}}"),
    ("equations-stand-alone", Chain(None, steps=(SWAP,)), "&p = P(H) \\tag*{\\footnotesize\\texttt{rearrange}}"),
    ("an-implication-shows-its-arrow", Chain(None, steps=(Step("r", sp.Eq(p, 1), sp.Eq(q, 1), relation="implies"),)),
     "&\\implies q = 1 \\tag*{\\footnotesize\\texttt{r}}"),
    ("a-supposed-start", Chain(None, start=SWAP.before, steps=(SWAP,), hypothesis=True), "&P(H) = p \\\\"),
    ("a-long-subject-gets-its-own-row", Chain(add(*XS[:8]), steps=(Step("r", add(*XS[:8]), p),)),
     "&x_{1} + x_{2} + x_{3} + x_{4} + x_{5} + x_{6} + x_{7} + x_{8} \\\\\n &= p \\tag*{\\footnotesize\\texttt{r}}"),
    ("a-long-sum-is-wrapped", Chain(p, steps=(Step("r", p, add(*XS)),)),
     "p &= x_{1} + x_{2}", " \\\\\n&\\quad + x_{", "+ x_{30} \\tag*{\\footnotesize\\texttt{r}}"),
    ("a-too-wide-term-is-scaled", Chain(p, steps=(Step("r", p, sp.log(add(*XS), evaluate=False)),)),
     "p &= \\resizebox{", "\\linewidth}{!}{$\\displaystyle \\log(x_{1} + x_{2}", "x_{30})$} \\tag*"),
]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize(("chain", "rows"), [(row[1], row[2:]) for row in ROWS], ids=[row[0] for row in ROWS])
def test_rows(chain: Chain, rows: tuple[str, ...], style: str) -> None:
    text = render_latex(one_chain(chain), style=style)
    block = text[text.index(r"\begin{align*}"):text.index(r"\end{align*}")]
    for row in rows:
        assert row in block


def test_a_long_sum_keeps_every_term_in_order() -> None:
    text = render_latex(one_chain(Chain(p, steps=(Step("r", p, add(*XS)),))))
    positions = [text.index(f"x_{{{k}}}") for k in range(1, 31)]
    assert positions == sorted(positions) and text.count(r"&\quad") >= 1


def test_the_notation_reaches_every_formula(coins: Derivation) -> None:
    text = render_latex(coins, notation=Notation(log=r"\ln"))
    assert r"\ln(1 - q)" in text and r"\log" not in text
    assert r"\ln" not in render_latex(coins)
