"""A self-contained HTML page per derivation: prose, sections and verification, every formula typeset by KaTeX.

The page needs no network: KaTeX's script and style sheet (version pinned in ``tools/katex``, vendored as
package data under ``derive/render/katex/`` by ``tools/katex/vendor.sh``) are inlined, its woff2 fonts as
``data:`` URIs. Each formula is the text of a ``.math`` element (HTML-escaped TeX), which a small script
hands to ``katex.render`` once the page is loaded; without script the TeX itself is shown. All prose is
escaped: notes and intros go through :func:`~derive.render.text.voice` (words escaped, expressions as inline
math), and the ``$...$`` that :func:`~derive.render.text.describe` writes becomes inline math.

Two styles, as in Markdown: ``article`` (sections, prose, one display per step, the rule as a tag at the
right) and ``compact`` (one ``aligned`` block per derivation).
"""

from __future__ import annotations

import base64
import functools
import html
import re
from importlib import resources

import sympy as sp

from derive.core import Derivation, Report
from derive.errors import RenderError
from derive.render.markdown import aligned
from derive.render.printer import DEFAULT, RELATION_TEX, Notation, to_latex
from derive.render.text import (describe, display_lines, equation, family_name, step_prose,
                                verification_sentence, voice)

#: ``src:`` of a KaTeX ``@font-face``: the woff2 file, then the woff and ttf alternatives the page drops.
_FONT_SRC = re.compile(r'src:url\(fonts/([\w-]+)\.woff2\) format\("woff2"\)(?:,url\([^)]*\) format\("\w+"\))*')
_INLINE_MATH = re.compile(r"\$([^$]+)\$")

PAGE_CSS = """
body { margin: 0; background: #fff; color: #1a1a1a; }
main { max-width: 52em; margin: 0 auto; padding: 2em 1.5em 4em;
       font: 17px/1.55 "Latin Modern Roman", "Computer Modern", Georgia, "Times New Roman", serif; }
h1 { font-size: 1.7em; line-height: 1.25; margin: 0 0 1em; }
h2 { font-size: 1.25em; margin: 2em 0 0.6em; }
.step { display: flex; flex-wrap: wrap; align-items: center; column-gap: 1.5em; }
.math.display { overflow-x: auto; overflow-y: hidden; }  /* a long line scrolls, the page does not */
.step > .math { flex: 1 1 auto; max-width: 100%; }
.tag { margin-left: auto; color: #555; font-size: 0.85em; text-align: right; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
.katex { font-size: 1.1em; }
.katex-display { margin: 0.6em 0; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border-bottom: 1px solid #ccc; padding: 0.25em 0.9em; text-align: left; }
.verdict { color: #14691f; }
.verdict.failed { color: #a11; font-weight: bold; }
"""

RENDER_SCRIPT = """
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".math").forEach(function (el) {
    katex.render(el.textContent, el, {displayMode: el.classList.contains("display"), throwOnError: false});
  });
});
"""


def render_html(d: Derivation, report: Report | None = None, notation: Notation = DEFAULT,
                style: str = "article") -> str:
    """The derivation as one HTML page that renders offline: title, prose, sections, steps, verification."""
    body = [f"<h1>{html.escape(d.title)}</h1>"]
    if style == "compact":
        body.append(display(aligned(d, notation)))
    else:
        body += _article(d, notation)
    if report is not None:
        body += ["<h2>Verification</h2>", f"<p>{prose(verification_sentence(report))}</p>"]
        body += [] if style == "compact" else _table(report)
    return page(d.title, body)


def page(title: str, body: list[str]) -> str:
    """A complete HTML document around ``body`` (lines of markup), KaTeX inlined in its head."""
    css, js = katex_assets()
    head = ['<!DOCTYPE html>', '<html lang="en">', "<head>", '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="derive">', f"<title>{html.escape(title)}</title>",
            f"<style>\n{css}\n</style>", f"<style>{PAGE_CSS}</style>",
            f"<script>\n{js}\n</script>", f"<script>{RENDER_SCRIPT}</script>", "</head>"]
    return "\n".join([*head, "<body>", "<main>", *body, "</main>", "</body>", "</html>", ""])


def _article(d: Derivation, notation: Notation) -> list[str]:
    """Intro, statement, definitions and the sections of an ``article`` page."""

    def math(e: sp.Basic) -> str:  # for describe, which writes $...$ (see prose)
        return f"${to_latex(e, notation)}$"

    def typeset(e: sp.Basic) -> str:
        return inline(to_latex(e, notation))

    say = voice(d, html.escape, typeset)

    def paragraph(text: str) -> list[str]:
        return [f"<p>{text}</p>"] if text else []

    out = paragraph(say(d.intro))
    if d.statement is not None:
        out.append(display(to_latex(d.statement, notation)))
    out += ["<h2>Definitions</h2>", "<ul>"]
    out += [f"<li>{inline(dist.name)}, {prose(family_name(dist))}: {prose(describe(dist, math))}.</li>"
            for dist in d.distributions]
    out += [f"<li>and {', '.join(typeset(a) for a in d.assumptions)}.</li>"] if d.assumptions else []
    out.append("</ul>")
    seen: set[tuple[int, int]] = set()
    for s, c, subject, step in display_lines(d):
        section, chain = d.sections[s], d.sections[s].chains[c]
        if (s, -1) not in seen:
            seen.add((s, -1))
            out += [f"<h2>{say(section.title)}</h2>"] + paragraph(say(section.intro))
        if (s, c) not in seen:
            seen.add((s, c))
            out += paragraph(say(chain.intro))
            out += ["<p>Suppose</p>", display(to_latex(chain.start, notation))] if chain.hypothesis else []
        k = chain.steps.index(step)
        shown = to_latex(equation(subject, step, chain.relation_at(k + 1)), notation)
        if subject is None and step.relation != "=":
            shown = f"{RELATION_TEX[step.relation]} {shown}"
        out += paragraph(step_prose(step, say, typeset)) + [_step(shown, step.rule)]
        if section.outro and c == len(section.chains) - 1 and step is chain.steps[-1]:
            out += paragraph(say(section.outro))
    return out


def _step(tex: str, rule: str) -> str:
    """A step's display, the name of its rule as a tag at the right (below, when the line is full)."""
    return f'<div class="step">{display(tex)}<div class="tag"><code>{html.escape(rule)}</code></div></div>'


def _table(report: Report) -> list[str]:
    """The verification table: step number, rule, verdict."""
    rows = [f'<tr><td>{k}</td><td><code>{html.escape(step.rule)}</code></td>'
            f'<td class="verdict{"" if v.proved else " failed"}">{html.escape(v.status.value)}</td></tr>'
            for k, (step, v) in enumerate(report.results, 1)]
    return ["<table>", "<thead><tr><th>#</th><th>rule</th><th>verdict</th></tr></thead>", "<tbody>", *rows,
            "</tbody>", "</table>"]


def prose(text: str) -> str:
    """Running text, HTML-escaped, with each ``$tex$`` span made inline math."""
    parts = _INLINE_MATH.split(text)
    return "".join(inline(part) if k % 2 else html.escape(part) for k, part in enumerate(parts))


def inline(tex: str) -> str:
    """Inline math: TeX that KaTeX renders in the running text."""
    return f'<span class="math inline">{html.escape(tex)}</span>'


def display(tex: str) -> str:
    """Display math: TeX that KaTeX renders as a block of its own."""
    return f'<div class="math display">{html.escape(tex)}</div>'


@functools.lru_cache(maxsize=1)
def katex_assets() -> tuple[str, str]:
    """KaTeX's style sheet, its fonts as ``data:`` URIs, and its script, read once from the package data."""
    root = resources.files("derive.render") / "katex"
    try:
        css = (root / "katex.min.css").read_text(encoding="utf-8")
        js = (root / "katex.min.js").read_text(encoding="utf-8")
        fonts = {m[1]: (root / "fonts" / f"{m[1]}.woff2").read_bytes() for m in _FONT_SRC.finditer(css)}
    except OSError as error:
        raise RenderError(f"KaTeX is missing from derive's package data ({error}); run tools/katex/vendor.sh") from None
    css = _FONT_SRC.sub(lambda m: f'src:url(data:font/woff2;base64,{_base64(fonts[m[1]])}) format("woff2")', css)
    if "url(fonts/" in css or "</style" in css.lower() or "</script" in js.lower():
        raise RenderError("the vendored KaTeX cannot be inlined: an unexpected font reference or closing tag")
    return css, js


def _base64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
