"""derive.render.text: the words every renderer shares (steps in order, rule clauses, distributions, verdicts)."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Bernoulli, Categorical, Exponential, Normal, Poisson
from derive.core import Chain, Derivation, Report, Section, Status, Step, Verdict
from derive.derivations import kl_cross_entropy
from derive.distributions.base import Distribution
from derive.distributions.indexed import SymbolicCategorical
from derive.distributions.measures import Prob
from derive.render.printer import to_latex
from derive.core.prose import say
from derive.render.text import (chain_of, conditions_sentence, describe, display_lines, equation, family_name,
                                report_table, step_prose, verification_sentence, voice)

p, q, x = sp.symbols("p q x")
P = Bernoulli(p)
H = P.outcomes[0]


def math(e: sp.Basic) -> str:
    return f"${to_latex(e)}$"


@pytest.fixture(scope="module")
def coins() -> Derivation:
    """The article's derivation for two coins: three sections, six chains, 21 steps."""
    return kl_cross_entropy(Bernoulli(p), Bernoulli(q, name="Q"))


def test_display_lines_are_every_step_in_order_with_where_it_is(coins: Derivation) -> None:
    lines = display_lines(coins)
    assert [step for *_, step in lines] == list(coins.steps)
    for s, c, subject, step in lines:
        chain = chain_of(coins, s, c)
        assert chain is coins.sections[s].chains[c] and step in chain.steps and subject is chain.subject
    assert [(s, c) for s, c, *_ in lines] == sorted((s, c) for s, c, *_ in lines)


def test_display_lines_of_hand_built_sections() -> None:
    one, two, three = (Step(f"r{k}", p, p) for k in range(3))
    first, second = Chain(p, steps=(one, two)), Chain(None, steps=(three,))
    d = Derivation("T", (Section("A", (first,)), Section("B", ()), Section("C", (second,))), (P,))
    assert display_lines(d) == [(0, 0, p, one), (0, 0, p, two), (2, 0, None, three)]
    assert chain_of(d, 2, 0) is second


#: (id, subject, relation so far, what the step displays, given the step ``p -> 1``).
EQUATIONS = [
    ("no-subject", None, "=", sp.Integer(1)),
    ("equal", Prob(P, H), "=", sp.Eq(Prob(P, H), 1, evaluate=False)),
    ("at-most", Prob(P, H), "<=", sp.Le(Prob(P, H), 1, evaluate=False)),
    ("at-least", Prob(P, H), ">=", sp.Ge(Prob(P, H), 1, evaluate=False)),
    ("below", Prob(P, H), "<", sp.Lt(Prob(P, H), 1, evaluate=False)),
    ("above", Prob(P, H), ">", sp.Gt(Prob(P, H), 1, evaluate=False)),
]


@pytest.mark.parametrize(("subject", "relation", "shown"), [row[1:] for row in EQUATIONS],
                         ids=[row[0] for row in EQUATIONS])
def test_equation(subject: sp.Basic | None, relation: str, shown: sp.Basic) -> None:
    step = Step("r", p, sp.Integer(1))
    assert equation(subject, step, relation) == shown


def test_equation_relates_by_equality_unless_told() -> None:
    assert to_latex(equation(Prob(P, H), Step("r", P.pmf(H), p))) == "P(H) = p"


#: (id, step, the sentence of its side conditions, what a document says before its display).
PROSE = [
    ("no-conditions", Step("distribute", p, p, "Multiply out."), "", "Multiply out."),
    ("conditions", Step("split", p, p, "Split.", (sp.Gt(q, 0), sp.Gt(p, 0))), "Valid since $q > 0$, $p > 0$.",
     "Split. Valid since $q > 0$, $p > 0$."),
    ("no-note", Step("split", p, p, conditions=(sp.Gt(p, 0),)), "Valid since $p > 0$.", "Valid since $p > 0$."),
    ("prose-note", Step("substitute", p, q, say("Put in ", sp.Eq(p, q, evaluate=False), ".")), "",
     "Put in $p = q$."),
]


@pytest.mark.parametrize(("step", "sentence", "said"), [row[1:] for row in PROSE], ids=[row[0] for row in PROSE])
def test_a_step_s_prose_is_its_note_then_its_conditions_and_never_its_rule(step: Step, sentence: str,
                                                                           said: str) -> None:
    assert conditions_sentence(step, math) == sentence
    assert step_prose(step, lambda t: str(t) if isinstance(t, str) else "".join(
        w if isinstance(w, str) else math(w) for w in t.parts), math) == said
    assert step.rule not in said


#: (id, the distributions' names, prose, how a renderer with $...$ math and upper-casing words writes it).
VOICES = [
    ("names-as-words", ("P", "Q"), "P is true and Q's model, not PQ or P(H).",
     "$P$ IS TRUE AND $Q$'S MODEL, NOT PQ OR P(H)."),
    ("lower-case-names-left-alone", ("a", "b"), "a coin and b", "A COIN AND B"),
    ("longest-name-first", ("P", "Pr"), "Pr and P", "$Pr$ AND $P$"),
    ("prose-parts", ("P", "Q"), say("At ", sp.Eq(sp.Symbol("Q"), sp.Symbol("P"), evaluate=False), ", P wins"),
     "AT $Q = P$, $P$ WINS"),
]


@pytest.mark.parametrize(("names", "text", "written"), [row[1:] for row in VOICES], ids=[row[0] for row in VOICES])
def test_voice_sets_expressions_and_the_distributions_names_in_math(names: tuple, text, written: str) -> None:
    d = Derivation("T", (), tuple(Bernoulli(sp.Symbol(f"t{k}"), name=n) for k, n in enumerate(names)))
    assert voice(d, str.upper, math)(text) == written


#: (id, distribution, its description, its family's name).
DISTRIBUTIONS = [
    ("coin", Bernoulli(p), "$P(H) = p$, $P(T) = 1 - p$, with $0 < p < 1$", "a coin (Bernoulli distribution)"),
    ("named-coin", Bernoulli(q, name="Q"), "$Q(H) = q$, $Q(T) = 1 - q$, with $0 < q < 1$",
     "a coin (Bernoulli distribution)"),
    ("categorical", Categorical(sp.symbols("a b c")),
     "$P(1) = a$, $P(2) = b$, $P(3) = c$, with $a > 0$, $b > 0$, $a + b < 1$, $c = 1 - a - b$",
     "a categorical distribution"),
    ("categorical-on-n", SymbolicCategorical(sp.Symbol("n", integer=True, positive=True)),
     r"$P(i) = p_{i}$ for every outcome $i$, with $n \geq 2$, $p_{i} > 0$, $\sum_{i=1}^{n} p_{i} = 1$",
     "a categorical distribution on n outcomes"),
    ("poisson-with-its-notation", Poisson(sp.Symbol("lambda")),
     r"$P = \mathrm{Poisson}(\lambda)$, that is $P(k) = \frac{\lambda^{k} e^{-\lambda}}{k!}$ for every outcome $k$,"
     r" with $0 < \lambda < \infty$", "a Poisson distribution"),
    ("exponential", Exponential(sp.Symbol("r")),
     r"$P = \mathrm{Exp}(r)$, that is $P(x) = r e^{-r x}$ for every outcome $x$, with $0 < r < \infty$",
     "an exponential distribution"),
]


@pytest.mark.parametrize(("dist", "description", "family"), [row[1:] for row in DISTRIBUTIONS],
                         ids=[row[0] for row in DISTRIBUTIONS])
def test_describe_and_family_name(dist: Distribution, description: str, family: str) -> None:
    assert describe(dist, math) == description
    assert family_name(dist) == family


def test_describe_a_normal_names_its_parameters_as_written() -> None:
    text = describe(Normal(sp.Symbol("mu"), sp.Symbol("sigma")), math)
    assert text.startswith(r"$P = \mathcal{N}(\mu, \sigma^{2})$, that is $P(x) = ")
    assert text.endswith(r"$ for every outcome $x$, with $-\infty < \mu < \infty$, $0 < \sigma < \infty$")


#: (id, verdicts, the sentence).
SENTENCES = [
    ("all-proved", (Status.PROVED, Status.PROVED), "2 proved, 0 refuted, 0 unknown; every step is proved."),
    ("one-refuted", (Status.PROVED, Status.REFUTED), "1 proved, 1 refuted, 0 unknown; some steps are not proved."),
    ("one-unknown", (Status.UNKNOWN,), "0 proved, 0 refuted, 1 unknown; some steps are not proved."),
    ("nothing-checked", (), "0 proved, 0 refuted, 0 unknown; some steps are not proved."),
]


@pytest.mark.parametrize(("statuses", "ending"), [row[1:] for row in SENTENCES], ids=[row[0] for row in SENTENCES])
def test_verification_sentence(statuses: tuple[Status, ...], ending: str) -> None:
    report = Report(tuple((Step(f"r{k}", p, p), Verdict(s)) for k, s in enumerate(statuses)))
    assert verification_sentence(report) == (
        f"Each step was checked by derive, independently of the rule that produced it: {ending}")


def test_report_table_lists_every_step_with_why_it_is_not_proved() -> None:
    steps = (Step("a", p, p), Step("b", p, q))
    report = Report(((steps[0], Verdict(Status.PROVED, "same")), (steps[1], Verdict(Status.REFUTED, "1 != 2 | x"))))
    table = report_table(report).splitlines()
    assert table[0] == verification_sentence(report) and table[2] == "| # | rule | verdict | why not |"
    assert table[4:] == ["| 1 | `a` | proved |  |", "| 2 | `b` | refuted | 1 != 2 \\| x |"]
    assert Report(((steps[0], Verdict(Status.PROVED)),))._repr_markdown_() == report_table(
        Report(((steps[0], Verdict(Status.PROVED)),)))
