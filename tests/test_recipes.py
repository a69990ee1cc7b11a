"""The README's recipes, followed to the letter: a rule, a notation and an output format added the way
"Extending derive" says, each run through the whole pipeline (the family recipe: tests/test_examples.py)."""

from __future__ import annotations

import json
from collections.abc import Mapping

import pytest
import sympy as sp

from derive import cli
from derive.api import Options, render
from derive.check import check_text
from derive.check.proof_file import check_proof_text
from derive.core import Chain, Derivation, Refusal, Rewrite, Rule, Section
from derive.core.domain import Domain
from derive.distributions import Bernoulli
from derive.errors import DeriveError
from derive.parse.reader import Reader
from derive.render.formats import RENDERERS, Format
from derive.render.printer import Notation, to_latex
from derive.verify.signs import is_positive

p = sp.Symbol("p")
COIN = Bernoulli(p)


# -- Adding a rule ---------------------------------------------------------------------------------------------

def _log_of_power(expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
    if not (isinstance(expr, sp.log) and isinstance(expr.args[0], sp.Pow)):
        return None
    base, exponent = expr.args[0].args
    if not is_positive(base, domain):
        return Refusal(f"cannot prove {base} > 0")
    return Rewrite(sp.Mul(exponent, sp.log(base), evaluate=False), (sp.StrictGreaterThan(base, 0, evaluate=False),))


LOG_OF_POWER = Rule("log-of-power", "log(a^n) -> n log(a)  if a>0", _log_of_power, requires=("a > 0",),
                    prose="Bring the power out of the logarithm.")


def test_a_new_rule_runs_through_the_whole_pipeline(tmp_path):
    chain = Chain(sp.log(p ** 3), domain=COIN.domain).then(LOG_OF_POWER)
    assert chain.steps[0].conditions == (sp.StrictGreaterThan(p, 0, evaluate=False),)
    d = Derivation("A power out of a logarithm", (Section("The step", (chain,)),), (COIN,), slug="log-of-power")
    report = d.verify()
    assert report.ok and [v.status.value for _, v in report.results] == ["proved"]
    documents = {name: render(d, name, report) for name in RENDERERS}
    assert "log-of-power" in documents["md"] and "log-of-power" in documents["tex"]
    assert json.loads(documents["json"])["steps"][0]["rule"] == "log-of-power"
    assert check_proof_text(documents["json"], "log-of-power.json").ok  # re-checked from the file alone


@pytest.mark.parametrize("expr, domain, outcome", [
    (sp.log(p ** 2), COIN.domain, Rewrite),
    (sp.log(sp.Symbol("x") ** 2), Domain(), Refusal),  # x may be negative: log(x^2) != 2 log(x)
    (sp.log(p), COIN.domain, type(None)),
    (p ** 2, COIN.domain, type(None)),
])
def test_the_new_rule_applies_and_refuses_as_its_identity_says(expr, domain, outcome):
    assert isinstance(LOG_OF_POWER.apply(expr, domain), outcome)


@pytest.mark.parametrize("name, identity, requires", [
    ("Log Of Power", "log(a^n) -> n log(a)", ()),  # not kebab-case
    ("log-of-power", "log(a^n) = n log(a)", ()),  # no '->'
    ("log-of-power", "log(a^n) -> n log(a)", ("b > 0",)),  # a condition on a letter the pattern does not bind
])
def test_a_rule_that_breaks_the_recipe_is_refused(name, identity, requires):
    with pytest.raises(DeriveError):
        Rule(name, identity, _log_of_power, requires=requires)


# -- Adding a notation -----------------------------------------------------------------------------------------

class LogSumExp:
    r"""``\operatorname{logsumexp}(a, b, ...)`` is ``log(e^a + e^b + ...)``: a mixin of the reader's forms."""

    def logsumexp_form(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        if self.tokens[i].text != r"\operatorname{logsumexp}":
            return None
        opening = self._next(i + 1, hi)
        if self._at(opening, hi) != "(":
            return None
        close = self.partner[opening]
        args = [self.expression(a, b, indices) for a, b in self._split(opening + 1, close, {","})]
        return sp.log(sp.Add(*(sp.exp(a) for a in args))), close + 1


DOCUMENT = r"""Let $x \in \mathbb{R}$.
$$\operatorname{logsumexp}(x, x) = \log(2 e^{x}) = x + \log 2$$
$$\operatorname{logsumexp}(x, 0) = x + \log 3$$
"""


@pytest.fixture
def with_logsumexp(monkeypatch):
    """The recipe's two edits: the form's method on the reader, its entry in ``Reader.FORMS`` (first: it wins)."""
    monkeypatch.setattr(Reader, "logsumexp_form", LogSumExp.logsumexp_form, raising=False)
    monkeypatch.setattr(Reader, "FORMS", (("logsumexp", "logsumexp_form"), *Reader.FORMS))


def test_without_the_notation_logsumexp_is_a_function_nothing_defines():
    unread = [(e.line, e.status) for e in check_text(DOCUMENT).entries if "logsumexp" in e.lhs]
    assert unread == [(2, "unknown"), (3, "unknown")]


def test_a_new_notation_is_read_and_checked_end_to_end(with_logsumexp):
    entries = [e for e in check_text(DOCUMENT).entries if e.kind != "assumption"]
    assert [(e.line, e.status) for e in entries] == [(2, "proved"), (2, "proved"), (3, "refuted")]


# -- Adding an output format -----------------------------------------------------------------------------------

def render_outline(d: Derivation, report, notation: Notation, style: str) -> str:
    """Plain text: the title, then each step's rule and result (words, and formulas from the printer)."""
    lines = [d.title]
    for section in d.sections:
        for chain in section.chains:
            lines += [f"  {step.rule}: {to_latex(step.after, notation)}" for step in chain.steps]
    return "\n".join(lines) + "\n"


@pytest.fixture
def with_outline(monkeypatch):
    """The recipe's one entry in the renderers' table."""
    monkeypatch.setitem(RENDERERS, "outline", Format("outline", ".txt", "an outline in plain text", render_outline))


def test_a_new_format_is_offered_by_the_command_and_the_api(with_outline, tmp_path, capsys):
    assert cli.main(["article", "--format", "outline", "--out", str(tmp_path)]) == 0
    written = (tmp_path / "kl-cross-entropy-coin.txt").read_text(encoding="utf-8")
    assert written.splitlines()[1].startswith("  unfold-definition: ")
    assert cli.main(["article", "--format", "all", "--out", str(tmp_path / "all")]) == 0
    assert sorted(f.suffix for f in (tmp_path / "all").iterdir()) == [".json", ".md", ".tex", ".txt"]
    d = Derivation("t", (Section("s", (Chain(sp.log(p ** 2), domain=COIN.domain).then(LOG_OF_POWER),)),), (COIN,))
    assert render(d, "outline", None, Options()) == "t\n  log-of-power: 2 \\log(p)\n"


def test_an_unknown_format_is_refused_with_the_choices(capsys):
    with pytest.raises(DeriveError, match="unknown format 'outline'; choose from md, tex, json"):
        render(Derivation("t", (), (COIN,)), "outline")
    assert cli.main(["article", "--format", "outline"]) == 2
    assert "invalid choice: 'outline'" in capsys.readouterr().err
