"""A small derivation built by hand for the renderers' tests: two sections, a chain with a subject (an equality,
then a bound with a condition) and a supposed equation with its own assumption, and a report with one verdict
of each kind."""

from __future__ import annotations

import sympy as sp

from derive import Bernoulli
from derive.core import Chain, Derivation, Report, Section, Status, Step, Verdict
from derive.core.domain import Domain
from derive.distributions.measures import Prob

p, z = sp.symbols("p z")
P = Bernoulli(p)
H = P.outcomes[0]


def hand(title: str, bound_note: str = "At most one.") -> tuple[Derivation, Report]:
    """The derivation titled ``title`` (so a test can put LaTeX's special characters in it), and its report."""
    substitute = Step("substitute", Prob(P, H), p, "Put in P(H).")
    bound = Step("bound", p, sp.Integer(1), bound_note, (sp.Gt(p, 0),), "<=")
    swap = Step("rearrange", sp.Eq(Prob(P, H), p, evaluate=False), sp.Eq(p, Prob(P, H), evaluate=False), "Swap.")
    derivation = Derivation(
        title,
        (Section("A. One", (Chain(Prob(P, H), steps=(substitute, bound), intro="First chain."),),
                 intro="Intro A.", outro="Outro A."),
         Section("B. Two", (Chain(None, start=swap.before, steps=(swap,), hypothesis=True,
                                  domain=Domain(((z, sp.Interval.open(0, sp.oo)),))),))),
        (P,), statement=sp.Le(Prob(P, H), 1, evaluate=False), intro="Hello.", slug="hand")
    report = Report(((substitute, Verdict(Status.PROVED)), (bound, Verdict(Status.REFUTED)),
                     (swap, Verdict(Status.UNKNOWN))))
    return derivation, report
