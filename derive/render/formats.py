"""The output formats: one table, so a new format is one module and one entry.

Every renderer has the same signature, ``(derivation, report, notation, style) -> str``: the derivation,
its verification report (or ``None``), how to print (:class:`~derive.render.printer.Notation`) and the
document style (``article`` or ``compact``; a format with one layout ignores it).  ``derive article
--format`` and :func:`derive.api.render` take their choices from :data:`RENDERERS`; ``--format all`` writes
the formats of :func:`in_all` (not HTML: each page carries KaTeX, about 650 KB).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from derive.core import Derivation, Report
from derive.errors import RenderError
from derive.render.html import render_html
from derive.render.latex import render_latex
from derive.render.markdown import render_markdown
from derive.render.printer import Notation
from derive.render.proof import render_proof

Render = Callable[[Derivation, Report | None, Notation, str], str]


@dataclass(frozen=True)
class Format:
    """An output format: its name (``--format NAME``), file suffix, what it is, its renderer, and whether
    ``--format all`` writes it."""

    name: str
    suffix: str
    summary: str
    render: Render
    in_all: bool = True


#: Every format derive writes, by name, in the order ``--format all`` writes those it includes.
RENDERERS: dict[str, Format] = {f.name: f for f in (
    Format("md", ".md", "Markdown with KaTeX/MathJax mathematics", render_markdown),
    Format("tex", ".tex", "a LaTeX document that compiles with pdflatex", render_latex),
    Format("json", ".json", "a JSON proof file that derive verify re-checks", render_proof),
    Format("html", ".html", "a self-contained HTML page (KaTeX inlined, no network needed)", render_html,
           in_all=False),
)}


def in_all() -> tuple[str, ...]:
    """The names of the formats ``--format all`` writes, in order: every format but the large ones (HTML)."""
    return tuple(name for name, f in RENDERERS.items() if f.in_all)


def output_format(name: str) -> Format:
    """The format called ``name``, or a :class:`~derive.errors.RenderError` naming the choices."""
    try:
        return RENDERERS[name]
    except KeyError:
        raise RenderError(f"unknown format {name!r}; choose from {', '.join(RENDERERS)}") from None
