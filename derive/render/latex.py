"""A standalone LaTeX article: amsmath ``align*`` chains, rule names as tags.

Two styles: ``article`` (sections, prose between the lines as ``\\intertext``)
and ``compact`` (every chain in one ``align*``, no prose).
"""

from __future__ import annotations

import re

from derive.core import Chain, Derivation, Report
from derive.render.printer import DEFAULT, RELATION_TEX, Notation, escape_text, latex_terms, to_latex
from derive.render.text import describe, family_name, step_prose, verification_sentence, voice

PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage{amsmath,amssymb,graphicx}
\usepackage[margin=2cm]{geometry}
\allowdisplaybreaks
\sloppy
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.5\baselineskip}
"""

WIDTH = 75  # characters of visible mathematics per line, a conservative fit for 17 cm at 11 pt
STYLES = ("article", "compact")


def render_latex(d: Derivation, report: Report | None = None, notation: Notation = DEFAULT,
                 style: str = "article") -> str:
    """The derivation as a document that compiles with pdflatex."""

    def math(e) -> str:
        return f"${to_latex(e, notation)}$"

    text = escape_text
    say = voice(d, escape_text, math)
    out = [PREAMBLE, rf"\title{{{text(d.title)}}}", r"\date{}", r"\begin{document}", r"\maketitle", ""]
    if style == "compact":
        rows = [line for chain in d.chains for _, line in _rows(chain, notation, math, say)]
        out += [r"\begin{align*}", " \\\\[1ex]\n".join(rows), r"\end{align*}", ""]
    else:
        out += [say(d.intro), ""]
        if d.statement is not None:
            out += [r"\[", to_latex(d.statement, notation), r"\]", ""]
        out += [r"\section*{Definitions}", r"\begin{itemize}"]
        out += [rf"\item ${dist.name}$, {text(family_name(dist))}: {describe(dist, math)}." for dist in d.distributions]
        out += [rf"\item and {', '.join(math(a) for a in d.assumptions)}."] if d.assumptions else []
        out += [r"\end{itemize}", ""]
        for section in d.sections:
            out += [rf"\section*{{{say(section.title)}}}", ""] + ([say(section.intro), ""] if section.intro else [])
            for chain in section.chains:
                out += [say(chain.intro), ""] if chain.intro else []
                out += _align(_rows(chain, notation, math, say))
            out += [say(section.outro), ""] if section.outro else []
    if report is not None:
        out += [r"\section*{Verification}", text(verification_sentence(report)), ""]
    out += [r"\end{document}", ""]
    return "\n".join(out)


def _rows(chain: Chain, notation: Notation, math, say) -> list[tuple[str, str]]:
    """``(note, align rows)`` per step: ``subject &= after``, long sums wrapped, the rule as a tag."""
    rows = []
    subject = to_latex(chain.subject, notation) if chain.subject is not None else ""
    if chain.hypothesis:
        rows.append(("Suppose", "&" + _fit(to_latex(chain.start, notation), WIDTH)))
    for k, step in enumerate(chain.steps):
        note = step_prose(step, say, math)
        rel = RELATION_TEX[step.relation]
        if chain.subject is None:
            prefix = "" if step.relation == "=" else f"{rel} "
            lines = ["&" + prefix + _fit(to_latex(step.after, notation), WIDTH)]
        else:
            alone = _visible(subject) > WIDTH // 3  # a long subject gets a row of its own
            width = WIDTH - (4 if alone else _visible(subject))
            lines = [_fit(line, width) for line in _wrap(latex_terms(step.after, notation), width)]
            left = "" if k or alone else subject
            lines = [f"{left} &{rel} {lines[0]}"] + [rf"&\quad {more}" for more in lines[1:]]
            if alone and k == 0:
                lines.insert(0, f"&{_fit(subject, WIDTH - 4)}")
        lines[-1] += rf" \tag*{{\footnotesize\texttt{{{step.rule}}}}}"
        rows.append((note, " \\\\\n".join(lines)))
    return rows


def _wrap(terms: list[str], width: int) -> list[str]:
    """Pack a sum's terms greedily into lines of at most ``width`` visible characters."""
    lines: list[str] = []
    for term in terms:
        if lines and _visible(lines[-1]) + _visible(term) + 1 <= width:
            lines[-1] += " " + term
        else:
            lines.append(term)
    return lines


def _fit(line: str, width: int) -> str:
    """A single term too wide for a line (an integral of a long sum) is scaled to fit the page."""
    if _visible(line) <= width:
        return line
    share = max(0.3, round(0.8 * width / WIDTH, 2))
    return rf"\resizebox{{{share}\linewidth}}{{!}}{{$\displaystyle {line}$}}"


def _visible(tex: str) -> int:
    """A rough count of the glyphs ``tex`` prints (fractions count their wider part)."""
    tex = re.sub(r"\\(left|right)(?=[\[\](|.])", "", tex)
    tex = re.sub(r"\\frac\{([^{}]*)\}\{([^{}]*)\}", lambda m: "x" * max(len(m[1]), len(m[2])), tex)
    tex = re.sub(r"\\text\{([^{}]*)\}", lambda m: "x" * (len(m[1]) // 2), tex)
    tex = re.sub(r"\\[a-zA-Z]+", "xx", tex)
    return len(re.sub(r"[{}\s]", "", tex))


def _align(rows: list[tuple[str, str]]) -> list[str]:
    """The first note as a paragraph, later notes as ``\\intertext`` between lines."""
    out = [rows[0][0], r"\begin{align*}"]
    for k, (note, line) in enumerate(rows):
        if k:
            out.append(rf"\intertext{{{note}}}")
        out.append(line + (r" \\" if k < len(rows) - 1 else ""))
    return out + [r"\end{align*}", ""]
