"""derive.parse.macros: a document's macros and ProofWiki's, expanded before a formula is read."""

from __future__ import annotations

import pytest

from derive.parse import ParseError, parse_latex
from derive.parse.macros import PROOFWIKI, defined, expand

#: (LaTeX with ProofWiki's macros, what it expands to once spaces are squeezed).
PROOFWIKI_FORMS = [
    (r"\map f x", r"f\left(x\right)"),
    (r"\map \ln {\map {f_X} x}", r"\ln\left( f_X\left(x\right) \right)"),
    (r"\paren {b - a}", r"\left(b - a\right)"),
    (r"\ds \int_a^b \rd x", r"\displaystyle \int_a^b \mathrm{d} x"),
    (r"\frac 1 {b - a}", r"\frac{1}{b - a}"),  # an unbraced argument, as TeX takes it
    (r"\frac12", r"\frac{1}{2}"),
    (r"\sqrt[3]{x} + \sqrt 2", r"\sqrt[3]{x} + \sqrt{2}"),
    (r"\sqrt \frac{a}{b}", r"\sqrt{\frac{a}{b}}"),  # an argument that takes arguments of its own, with them
    (r"\left\langle \sqrt \frac{a}{b} \right\rangle_{p(x)}", r"\mathbb{E}_{p(x)}\left[ \sqrt{\frac{a}{b}} \right]"),
    (r"X \sim \ContinuousUniform a b", r"X \sim \mathcal{U}\left(a, b\right)"),
]


def squeezed(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("tex", "expected"), PROOFWIKI_FORMS, ids=[t for t, _ in PROOFWIKI_FORMS])
def test_proofwiki(tex: str, expected: str) -> None:
    assert squeezed(expand(tex, PROOFWIKI)) == squeezed(expected)


def test_expanded_formulas_read() -> None:
    assert parse_latex(expand(r"\map \ln {\paren {b - a} }", PROOFWIKI)) == parse_latex(r"\ln(b - a)")


DOCUMENT = r"""
\newcommand{\E}{\mathbb{E}}
\newcommand\KL[2]{D_{KL}(#1 \| #2)}
\DeclareMathOperator{\Var}{Var}
\def\half{\frac{1}{2}}
"""


def test_document_macros() -> None:
    macros = defined(DOCUMENT)
    assert macros == {r"\E": (0, r"\mathbb{E}"), r"\KL": (2, r"D_{KL}(#1 \| #2)"), r"\Var": (0, r"\operatorname{Var}"),
                      r"\half": (0, r"\frac{1}{2}")}
    assert squeezed(expand(r"\KL{P}{Q} + \half", macros)) == squeezed(r"D_{KL}(P \| Q) + \frac{1}{2}")
    assert expand(r"\Ex", macros) == r"\Ex"  # another command that starts alike is left alone


@pytest.mark.parametrize(("macros", "tex", "fragment"), [
    ({r"\loop": (0, r"\loop")}, r"\loop", "still expands"),
    ({r"\two": (2, r"#1 + #2")}, r"\two{a}", "wants 2 arguments"),
])
def test_refuses(macros: dict, tex: str, fragment: str) -> None:
    with pytest.raises(ParseError, match=fragment):
        expand(tex, macros)


#: (LaTeX, what it is written as): angle brackets are an expectation; an inner product is left as it is.
ANGLES = [
    (r"\langle x^2 \rangle - \langle x \rangle^2", r"\mathbb{E}\left[ x^2 \right] - \mathbb{E}\left[ x \right]^2"),
    (r"\langle f(x) \rangle_{p(x)} + 1", r"\mathbb{E}_{p(x)}\left[ f(x) \right] + 1"),
    (r"\left\langle \log q \right\rangle_p", r"\mathbb{E}_{p}\left[ \log q \right]"),
    (r"\langle \langle x \rangle \rangle", r"\mathbb{E}\left[ \mathbb{E}\left[ x \right] \right]"),
    (r"\langle a, b \rangle", r"\langle a, b \rangle"),
    (r"\langle x", r"\langle x"),  # never closed: left for the reader to report
]


@pytest.mark.parametrize(("tex", "expected"), ANGLES, ids=[t for t, _ in ANGLES])
def test_angle_brackets(tex: str, expected: str) -> None:
    assert expand(tex, {}) == expected


def test_angle_brackets_in_a_document() -> None:
    from derive.check import check_text

    text = "Let $P = \\mathcal{N}(\\mu, \\sigma^2)$.\n\n" \
           "$$\\langle x^2 \\rangle - \\langle x \\rangle^2 = \\sigma^2$$\n\n" \
           "$$\\langle x^2 \\rangle = \\sigma^2$$\n"
    got = [(e.line, e.status) for e in check_text(text, "a.md").entries if e.kind == "claim"]
    assert got == [(3, "proved"), (5, "refuted")]
