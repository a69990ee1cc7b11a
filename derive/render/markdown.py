"""Markdown with ``$$`` display math: a Jekyll/MathJax page that also renders in KaTeX.

Two styles: ``article`` (sections, prose, one display per step, like a blog
post) and ``compact`` (one ``aligned`` block per derivation, rule names on the
right).
"""

from __future__ import annotations

from derive.core import Derivation, Report
from derive.render.printer import DEFAULT, RELATION_TEX, Notation, to_latex
from derive.render.text import (describe, display_lines, equation, family_name, step_prose,
                                verification_sentence, voice)


def render_markdown(d: Derivation, report: Report | None = None, notation: Notation = DEFAULT,
                    style: str = "article", front_matter: bool = True) -> str:
    """The derivation as a Markdown page: front matter, definitions, sections, steps, verification."""

    def math(e) -> str:
        return f"${to_latex(e, notation)}$"

    def display(tex: str) -> list[str]:
        return ["$$", tex, "$$", ""]

    say = voice(d, str, math)
    out = ["---", f'title: "{d.title}"', "math: true", "---", ""] if front_matter else [f"## {d.title}", ""]
    if style == "compact":
        out += display(aligned(d, notation))
    else:
        out += [say(d.intro), ""]
        if d.statement is not None:
            out += display(to_latex(d.statement, notation))
        out += ["### Definitions", ""]
        out += [f"* ${dist.name}$, {family_name(dist)}: {describe(dist, math)}." for dist in d.distributions]
        out += [f"* and {', '.join(math(a) for a in d.assumptions)}."] if d.assumptions else []
        out += ["", "---"]
        seen: set[tuple[int, int]] = set()
        for s, c, subject, step in display_lines(d):
            section = d.sections[s]
            if (s, -1) not in seen:
                seen.add((s, -1))
                out += ["", f"### {say(section.title)}", ""] + ([say(section.intro), ""] if section.intro else [])
            chain = section.chains[c]
            if (s, c) not in seen:
                seen.add((s, c))
                out += [say(chain.intro), ""] if chain.intro else []
                if chain.hypothesis:
                    out += ["Suppose", ""] + display(to_latex(chain.start, notation))
            out += [step_prose(step, say, math), ""]
            k = chain.steps.index(step)
            shown = to_latex(equation(subject, step, chain.relation_at(k + 1)), notation)
            if subject is None and step.relation != "=":
                shown = f"{RELATION_TEX[step.relation]} {shown}"
            out += display(f"{shown} {rule_tag(step.rule)}")
            if section.outro and c == len(section.chains) - 1 and step is chain.steps[-1]:
                out += [say(section.outro), ""]
    if report is not None:
        out += ["---", "", "### Verification", "", verification_sentence(report), ""]
        if style != "compact":
            out += ["| # | rule | verdict |", "|---|---|---|"]
            out += [f"| {k} | `{step.rule}` | {v.status.value} |" for k, (step, v) in enumerate(report.results, 1)]
    return "\n".join(out).rstrip("\n") + "\n"


def rule_tag(rule: str) -> str:
    """The rule's name at the right of its display, where an equation number would stand."""
    return rf"\tag*{{\small\texttt{{{rule}}}}}"


def aligned(d: Derivation, notation: Notation) -> str:
    """Every chain in one ``aligned`` environment, the rule's name at the right of each line."""
    rows = []
    for chain in d.chains:
        for k, step in enumerate(chain.steps):
            rule = rf"&& \text{{{step.rule}}}"
            rel = RELATION_TEX[step.relation]
            if chain.subject is None:
                if chain.hypothesis and k == 0:
                    rows.append(f"&{to_latex(chain.start, notation)} && \\text{{supposed}}")
                prefix = "" if step.relation == "=" else f"{rel} "
                rows.append(f"&{prefix}{to_latex(step.after, notation)} {rule}")
            else:
                lhs = to_latex(chain.subject, notation) if k == 0 else ""
                rows.append(f"{lhs} &{rel} {to_latex(step.after, notation)} {rule}")
    return "\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}"
