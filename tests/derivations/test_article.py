"""The article's derivation, replayed: every display equation appears, in order, with its layout."""

from __future__ import annotations

import re

import sympy as sp

from derive import Bernoulli, DeriveError, Status
from derive.core import Step
from derive.derivations import kl_cross_entropy
from derive.render.printer import to_latex
from derive.render.text import display_lines, equation
from tests.article_source import article_text, display_equations

p, q = sp.symbols("p q")
P, Q = Bernoulli(p), Bernoulli(q, name="Q")


def normalise(tex: str) -> str:
    """Typography that does not change what a reader sees: spacing, \\left/\\right, \\cdot, || vs \\Vert, labels,
    an upright KL."""
    tex = re.sub(r"\\(left|right)(?=[\[\](|.])", "", tex)
    tex = tex.replace(r"\cdot", "").replace("||", r"\Vert").replace(r"\mathrm{KL}", "KL")
    tex = _drop_underbrace_labels(tex)
    return re.sub(r"\s+", "", tex)


def _drop_underbrace_labels(tex: str) -> str:
    out, k = "", 0
    while k < len(tex):
        if tex.startswith("}_{", k) and _in_underbrace(tex, k):
            depth, j = 1, k + 3
            while depth:
                depth += {"{": 1, "}": -1}.get(tex[j], 0)
                j += 1
            out += "}_{LABEL}"
            k = j
        else:
            out += tex[k]
            k += 1
    return out


def _in_underbrace(tex: str, close: int) -> bool:
    depth, j = 0, close
    while j >= 0:
        depth += {"}": 1, "{": -1}.get(tex[j], 0)
        if depth == 0:
            return tex[:j].endswith(r"\underbrace")
        j -= 1
    return False


def shown_equations() -> list[str]:
    d = kl_cross_entropy(P, Q)
    return [normalise(to_latex(equation(subject, step))) for _, _, subject, step in display_lines(d)]


def test_every_display_equation_of_the_article_appears_in_order():
    ours = shown_equations()
    derivation_displays = [t for t in display_equations(article_text()) if r"\text{Minimizing" not in t
                           and r"\text{Cross-Entropy}(" not in t]
    assert len(derivation_displays) == 13
    position = -1
    for tex in derivation_displays:
        wanted = normalise(tex)
        later = [k for k, mine in enumerate(ours) if mine == wanted and k > position]
        assert later, f"article equation not found after step {position}: {tex}"
        position = later[0]


def test_sections_follow_the_article():
    d = kl_cross_entropy(P, Q)
    assert [s.title[:2] for s in d.sections] == ["A.", "B.", "C."]
    assert [step.rule for step in d.sections[0].chains[0].steps] == [
        "unfold-definition", "expand-finite-sum", "substitute", "log-quotient-split", "distribute", "regroup"]


def test_the_last_chain_proves_kl_minus_cross_entropy_plus_entropy_is_zero():
    d = kl_cross_entropy(P, Q)
    last = d.chains[-1]
    assert to_latex(last.subject) == r"\mathrm{KL}(P \Vert Q) - H(P, Q) + H(P)"
    assert last.current == 0
    assert last.steps[-1].rule == "cancel"


def test_every_step_is_proved():
    report = kl_cross_entropy(P, Q).verify()
    assert report.ok, [(s.rule, v.reason) for s, v in report.results if not v.proved]
    assert report.count(Status.PROVED) == len(report.results) > 20


def test_log_split_records_the_conditions_it_used():
    step = next(s for s in kl_cross_entropy(P, Q).steps if s.rule == "log-quotient-split")
    assert [to_latex(c) for c in step.conditions] == ["p > 0", "q > 0", "1 - p > 0", "1 - q > 0"]


def test_notes_come_from_the_script():
    notes = [str(s.note) for s in kl_cross_entropy(P, Q).steps]
    assert any("Term 1" in n for n in notes) and all(notes)


def _with_step(d, index: int, after: sp.Basic):
    """A copy of the derivation's step ``index`` with another result, for planting errors."""
    step = d.steps[index]
    return Step(step.rule, step.before, after, step.note, step.conditions)


def test_a_planted_sign_error_is_refuted():
    from derive.verify import check_step
    d = kl_cross_entropy(P, Q)
    k = next(i for i, s in enumerate(d.steps) if s.rule == "substitute")
    wrong = _with_step(d, k, d.steps[k].after.func(*d.steps[k].after.args[:1], -d.steps[k].after.args[1]))
    verdict = check_step(wrong, d.domain)
    assert verdict.status is Status.REFUTED and verdict.counterexample


def test_swapping_p_and_q_is_refuted():
    from derive.verify import check_step
    d = kl_cross_entropy(P, Q)
    k = next(i for i, s in enumerate(d.steps) if s.rule == "distribute")
    swapped = d.steps[k].after.xreplace({p: q, q: p})
    verdict = check_step(_with_step(d, k, swapped), d.domain)
    assert verdict.status is Status.REFUTED
    assert all(0 < v < 1 for _, v in verdict.counterexample)


def test_a_coin_that_cannot_split_logs_fails_with_a_clear_error():
    with_zero = Bernoulli(0, name="Q")
    try:
        kl_cross_entropy(P, with_zero)
    except DeriveError as exc:
        assert "Q(H) = 0: the derivation takes the logarithm of every probability" in str(exc)  # names the zero
    else:  # pragma: no cover - the derivation must not silently succeed
        raise AssertionError("a coin with Q(H) = 0 must not yield a derivation")
