"""The proof file: a JSON record of a derivation that anyone can re-check with ``derive verify``.

Every expression is stored as LaTeX (the form people read and edit); the
checker re-parses it and trusts none of the recorded verdicts.  The layout is
:mod:`derive.render.proof_schema`'s, shared with the checker.
"""

from __future__ import annotations

import json

import sympy as sp

from derive.core import Derivation, Report
from derive.core.prose import Text, spell
from derive.render.printer import DEFAULT, Notation, to_latex
from derive.render.proof_schema import FORMAT, VERSION
from derive.render.text import display_lines

__all__ = ["FORMAT", "VERSION", "render_proof"]


def render_proof(d: Derivation, report: Report | None = None, notation: Notation = DEFAULT,
                 style: str = "article") -> str:
    """The derivation as a JSON proof: distributions with domains, then every step (one layout, whatever
    ``style``: the argument is there so every renderer has the same signature)."""

    def tex(e: sp.Basic) -> str:
        return to_latex(e, notation)

    def words(text: Text) -> str:  # prose as Markdown people read: its mathematics between dollars
        return spell(text, str, lambda e: f"${tex(e)}$")

    verdicts = {id(step): v for step, v in report.results} if report is not None else {}
    steps = []
    for s, c, subject, step in display_lines(d):
        chain = d.sections[s].chains[c]
        entry = {
            "index": len(steps) + 1,
            "section": words(d.sections[s].title),
            "rule": step.rule,
            "subject": tex(subject) if subject is not None else None,
            "before": tex(step.before),
            "relation": step.relation,
            "after": tex(step.after),
            "conditions": [tex(cond) for cond in step.conditions],
            "note": words(step.note),
        }
        if chain.hypothesis and step is chain.steps[0]:
            entry["supposed"] = True  # ``before`` is a hypothesis: what follows from it is checked, not it
        if id(step) in verdicts:
            entry["verdict"] = verdicts[id(step)].status.value
        steps.append(entry)
    document = {
        "format": FORMAT,
        "version": VERSION,
        "title": d.title,
        "units": d.units,
        "distributions": [
            {"name": dist.name, "family": dist.family, "parameters": [tex(x) for x in dist.params],
             "outcomes": [o.name for o in dist.outcomes], "domain": [tex(c) for c in dist.domain.conditions()]}
            for dist in d.distributions
        ],
        "assumptions": [tex(a) for a in d.assumptions],
        "statement": tex(d.statement) if d.statement is not None else None,
        "steps": steps,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
