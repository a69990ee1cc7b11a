"""Display options change what a reader sees, and only that."""

from __future__ import annotations

import re

import pytest

from derive.api import Options, article_coins, article_documents, render
from derive.derivations import kl_cross_entropy


def markdown(**options: object) -> str:
    documents, report = article_documents(("md",), Options(**options))
    assert report.ok
    return next(iter(documents.values()))


def latex(**options: object) -> str:
    documents, _ = article_documents(("tex",), Options(**options))
    return next(iter(documents.values()))


def test_natural_log_by_default():
    text = markdown()
    assert r"\log(1 - q)" in text and r"\log_{2}" not in text and r"\ln" not in text


def test_ln_notation():
    text = markdown(log="ln")
    assert r"\ln(1 - q)" in text and r"\log" not in text


def test_bits_use_base_two_throughout():
    text = markdown(units="bits")
    maths = "\n".join(re.findall(r"\$\$(.*?)\$\$", text, flags=re.S))
    assert r"\log_{2}(1 - q)" in maths
    assert re.search(r"\\log(?!_\{2\})", maths) is None
    assert "bits" in text


def test_bits_derivation_is_proved_and_named_apart():
    documents, report = article_documents(("md", "tex", "json"), Options(units="bits"))
    assert report.ok
    assert sorted(documents) == ["kl-cross-entropy-coin-bits.json", "kl-cross-entropy-coin-bits.md",
                                 "kl-cross-entropy-coin-bits.tex"]


def test_names_of_distributions_parameters_and_outcomes():
    text = markdown(names=("A", "B"), params=("a", "b"), outcomes=("X", "Y"))
    assert r"\mathrm{KL}(A \Vert B) = a \log\left(\frac{a}{b}\right) + (1 - a) \log\left(\frac{1 - a}{1 - b}\right)" in text
    assert r"\sum_{i \in \{X, Y\}}" in text
    assert "P(" not in text and "Q(" not in text


def test_compact_style_is_one_aligned_chain_without_prose():
    text = markdown(style="compact")
    assert text.count("$$") == 2 and text.count(r"\begin{aligned}") == 1
    assert r"&& \text{log-quotient-split}" in text
    assert "### A." not in text and "Term 1 of the KL derivation" not in text


def test_compact_latex_is_one_align():
    text = latex(style="compact")
    assert text.count(r"\begin{align*}") == 1 and r"\intertext" not in text and r"\section*{A." not in text


def test_article_style_has_sections_and_prose():
    text = latex()
    assert text.count(r"\begin{align*}") == len(kl_cross_entropy(*article_coins()).chains) == 6
    assert r"\section*{A. KL divergence, written out}" in text and r"\intertext{" in text


def test_kl_separator_option():
    from derive.distributions.measures import KL
    from derive.render.printer import Notation, to_latex
    P, Q = article_coins()
    assert to_latex(KL(P, Q), Notation(kl_separator="||")) == r"\mathrm{KL}(P || Q)"


def test_notebook_display():
    d = kl_cross_entropy(*article_coins())
    md = d._repr_markdown_()
    assert md.startswith("## ") and "---\ntitle" not in md and "$$" in md
    tex = d._repr_latex_()
    assert tex.startswith("$$") and tex.rstrip().endswith("$$") and r"\begin{aligned}" in tex


def test_unknown_format_is_a_derive_error():
    from derive import DeriveError
    with pytest.raises(DeriveError, match="unknown format"):
        render(kl_cross_entropy(*article_coins()), "pdf")
