"""derive.render.formats: the table of output formats, each entry rendering a derivation to a document of its kind."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
import sympy as sp

from derive import Bernoulli
from derive.core import Derivation, Report
from derive.derivations import kl_cross_entropy
from derive.errors import DeriveError, RenderError
from derive.render.formats import RENDERERS, Format, in_all, output_format
from derive.render.latex import STYLES
from derive.render.printer import DEFAULT, Notation


@pytest.fixture(scope="module")
def coins() -> Derivation:
    """The article's derivation for two coins: six chains, 21 steps."""
    return kl_cross_entropy(Bernoulli(sp.Symbol("p")), Bernoulli(sp.Symbol("q"), name="Q"))


@pytest.fixture(scope="module")
def report(coins: Derivation) -> Report:
    return coins.verify()


def is_markdown(text: str) -> bool:
    return text.startswith("---\ntitle: ") and text.count("$$") >= 2 and text.count("$$") % 2 == 0


def is_latex(text: str) -> bool:
    return text.startswith("\\documentclass") and text.rstrip().endswith("\\end{document}")


def is_proof(text: str) -> bool:
    return json.loads(text)["format"] == "derive-proof"


def is_html(text: str) -> bool:
    return text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")


#: What a document of each format looks like.
KINDS: dict[str, Callable[[str], bool]] = {"md": is_markdown, "tex": is_latex, "json": is_proof, "html": is_html}


def test_the_formats_in_the_order_all_writes_them() -> None:
    assert list(RENDERERS) == ["md", "tex", "json", "html"] == list(KINDS)
    assert in_all() == ("md", "tex", "json")  # not html: each page carries KaTeX


@pytest.mark.parametrize("name", list(RENDERERS))
def test_every_entry_is_named_by_its_key(name: str) -> None:
    entry = RENDERERS[name]
    assert isinstance(entry, Format) and entry.name == name
    assert entry.suffix == f".{name}" and entry.summary.strip() and callable(entry.render)


def test_the_suffixes_are_distinct_and_start_with_a_dot() -> None:
    suffixes = [f.suffix for f in RENDERERS.values()]
    assert len(set(suffixes)) == len(suffixes) and all(s.startswith(".") and len(s) > 1 for s in suffixes)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("with_report", [True, False], ids=["report", "no-report"])
@pytest.mark.parametrize("name", list(RENDERERS))
def test_every_entry_renders_a_document_of_its_kind(coins: Derivation, report: Report, name: str, with_report: bool,
                                                    style: str) -> None:
    text = RENDERERS[name].render(coins, report if with_report else None, DEFAULT, style)
    assert text.strip() and KINDS[name](text)
    assert ("proved" in text) == with_report  # the verdicts appear only with a report


@pytest.mark.parametrize("name", list(RENDERERS))
def test_every_entry_passes_the_notation_on(coins: Derivation, name: str) -> None:
    text = RENDERERS[name].render(coins, None, Notation(log=r"\ln"), "article")
    assert "ln(1 - q)" in text and "log(1 - q)" not in text


@pytest.mark.parametrize(("name", "styles_differ"), [("md", True), ("tex", True), ("json", False), ("html", True)])
def test_only_documents_with_two_layouts_follow_the_style(coins: Derivation, name: str, styles_differ: bool) -> None:
    article, compact = (RENDERERS[name].render(coins, None, DEFAULT, style) for style in STYLES)
    assert (article != compact) == styles_differ


@pytest.mark.parametrize("name", list(RENDERERS))
def test_output_format_finds_each_entry(name: str) -> None:
    assert output_format(name) is RENDERERS[name]


@pytest.mark.parametrize("name", ["pdf", "", "MD", ".md", "all", "markdown"])
def test_output_format_refuses_an_unknown_name_naming_the_choices(name: str) -> None:
    with pytest.raises(RenderError) as caught:
        output_format(name)
    assert str(caught.value) == f"unknown format {name!r}; choose from md, tex, json, html"
    assert isinstance(caught.value, DeriveError)
