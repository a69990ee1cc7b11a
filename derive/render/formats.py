"""The output formats: one table, so a new format is one module and one entry.

Every renderer has the same signature, ``(derivation, report, notation, style) -> str``: the derivation,
its verification report (or ``None``), how to print (:class:`~derive.render.printer.Notation`) and the
document style (``article`` or ``compact``; a format with one layout ignores it).  ``derive article
--format`` and :func:`derive.api.render` take their choices from :data:`RENDERERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from derive.core import Derivation, Report
from derive.errors import RenderError
from derive.render.latex import render_latex
from derive.render.markdown import render_markdown
from derive.render.printer import Notation
from derive.render.proof import render_proof

Render = Callable[[Derivation, Report | None, Notation, str], str]


@dataclass(frozen=True)
class Format:
    """An output format: its name (``--format NAME``), file suffix, what it is, and its renderer."""

    name: str
    suffix: str
    summary: str
    render: Render


#: Every format derive writes, by name, in the order ``--format all`` writes them.
RENDERERS: dict[str, Format] = {f.name: f for f in (
    Format("md", ".md", "Markdown with KaTeX/MathJax mathematics", render_markdown),
    Format("tex", ".tex", "a LaTeX document that compiles with pdflatex", render_latex),
    Format("json", ".json", "a JSON proof file that derive verify re-checks", render_proof),
)}


def output_format(name: str) -> Format:
    """The format called ``name``, or a :class:`~derive.errors.RenderError` naming the choices."""
    try:
        return RENDERERS[name]
    except KeyError:
        raise RenderError(f"unknown format {name!r}; choose from {', '.join(RENDERERS)}") from None
