"""Markdown with ``$$`` display math: a Jekyll/MathJax page that also renders in KaTeX."""

from __future__ import annotations

from derive.core import Derivation, Report
from derive.render.printer import DEFAULT, Notation, to_latex
from derive.render.text import (describe, display_lines, equation, family_name, rule_clause,
                                verification_sentence)


def render_markdown(d: Derivation, report: Report | None = None, notation: Notation = DEFAULT) -> str:
    """The derivation as a Markdown page: front matter, definitions, sections, steps, verification."""

    def math(e) -> str:
        return f"${to_latex(e, notation)}$"

    def display(e) -> str:
        return f"$$\n{to_latex(e, notation)}\n$$"

    out = ["---", f'title: "{d.title}"', "math: true", "---", "", d.intro, ""]
    if d.statement is not None:
        out += [display(d.statement), ""]
    out += ["### Definitions", ""]
    out += [f"* {math_name(dist.name)}, {family_name(dist)}: {describe(dist, math)}." for dist in d.distributions]
    out += ["", "---"]
    lines = display_lines(d)
    seen: set[tuple[int, int]] = set()
    for s, c, subject, step in lines:
        section = d.sections[s]
        if (s, -1) not in seen:
            seen.add((s, -1))
            out += ["", f"### {section.title}", ""] + ([section.intro, ""] if section.intro else [])
        if (s, c) not in seen:
            seen.add((s, c))
            intro = section.chains[c].intro
            out += [intro, ""] if intro else []
        out += [f"{step.note} _({rule_clause(step, math, lambda r: f'`{r}`')})_", "", display(equation(subject, step)), ""]
    if report is not None:
        out += ["---", "", "### Verification", "", verification_sentence(report), "",
                "| # | rule | verdict |", "|---|---|---|"]
        out += [f"| {k} | `{step.rule}` | {verdict.status.value} |" for k, (step, verdict) in enumerate(report.results, 1)]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def math_name(name: str) -> str:
    return f"${name}$"
