"""Conveniences that tie the pieces together: the article's coins, rendering by format name."""

from __future__ import annotations

import sympy as sp

from derive.core import Derivation, Report
from derive.distributions import Bernoulli
from derive.errors import RenderError
from derive.render.latex import render_latex
from derive.render.markdown import render_markdown
from derive.render.printer import DEFAULT, Notation

RENDERERS = {"md": render_markdown, "tex": render_latex}


def article_coins() -> tuple[Bernoulli, Bernoulli]:
    """The article's two coins: P(H) = p (the truth) and Q(H) = q (the model)."""
    p, q = sp.symbols("p q")
    return Bernoulli(p, name="P"), Bernoulli(q, name="Q")


def render(derivation: Derivation, fmt: str, report: Report | None = None, notation: Notation = DEFAULT) -> str:
    """The derivation as a document in format ``md`` or ``tex``."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise RenderError(f"unknown format {fmt!r}; choose from {', '.join(RENDERERS)}") from None
    return renderer(derivation, report, notation)


def article_documents(formats: tuple[str, ...] = ("md", "tex")) -> tuple[dict[str, str], Report]:
    """``{file name: text}`` for the article's derivation, and its verification report."""
    from derive.derivations import kl_cross_entropy

    derivation = kl_cross_entropy(*article_coins())
    report = derivation.verify()
    return {f"{derivation.slug}.{fmt}": render(derivation, fmt, report) for fmt in formats}, report
