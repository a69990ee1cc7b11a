"""derive.check.proof_statement: the statement concluded from the facts of the chains whose steps are all proved."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.check.proof_statement import Conclusion, conclude
from derive.check.proof_steps import Fact
from derive.core.domain import Domain

x, y = sp.symbols("x y")


def fact(claim: sp.Basic, steps: tuple[int, ...] = (1, 2), failed: str = "", hypothesis: sp.Basic | None = None):
    return Fact(claim, sp.sstr(claim), steps, failed, hypothesis)


SHOWN = fact(sp.Eq(y, x + 1))

#: (statement, facts, the conclusion).
CASES = [
    (sp.Eq(y, x + 1), [SHOWN], Conclusion(True, "", "steps 1-2")),
    (sp.Eq(2 * y, 2 * x + 2), [SHOWN], Conclusion(True, "", "steps 1-2")),
    (sp.Eq(x + 1, y), [SHOWN], Conclusion(True, "", "steps 1-2")),
    (sp.Ge(y, x), [fact(sp.Ge(y, x), (3,))], Conclusion(True, "", "step 3")),
    (sp.Ge(y, x), [fact(sp.Ge(y, x), (1,), "step 1 is refuted"), fact(sp.Ge(y, x), (3,))],
     Conclusion(True, "", "step 3")),
]


@pytest.mark.parametrize(("statement", "facts", "conclusion"), CASES,
                         ids=["as-shown", "scaled", "written-backwards", "a-bound", "a-later-chain"])
def test_a_statement_a_chain_shows_is_proved(statement, facts, conclusion) -> None:
    assert conclude(statement, facts) == conclusion


def test_each_part_of_a_system_needs_a_chain() -> None:
    from derive.core.system import System

    both = System(sp.Eq(y, x + 1), sp.Eq(x, 2))
    assert conclude(both, [SHOWN, fact(sp.Eq(x, 2), (5,))]) == Conclusion(True, "", "steps 1-2, step 5")
    assert not conclude(both, [SHOWN]).proved


#: (statement, facts, a fragment of the reason it is not proved).
REFUSED = [
    (sp.Eq(y, x + 2), [SHOWN], "no chain shows y = 2 + x"),
    (sp.Eq(y, x + 1), [], "no chain shows"),
    (sp.Eq(2 * x, x + x, evaluate=False), [SHOWN], "trivially true"),
    (sp.Eq(y, x + 1), [fact(sp.Eq(y, x + 1), failed="step 2 is refuted")], "rests on steps 1-2, and step 2 is refuted"),
    (sp.Eq(y, x + 1), [fact(sp.Eq(y, x + 1), hypothesis=sp.Eq(x, 1))],
     "only under the hypothesis supposed in steps 1-2, not unconditionally"),
    (sp.Gt(y, x), [fact(sp.Ge(y, x), (3,))], "step 3 shows only y >= x, which does not give y > x"),
    (sp.Le(y, x), [fact(sp.Ge(y, x), (3, 4, 5))], "steps 3-5 show only y >= x"),
]


@pytest.mark.parametrize(("statement", "facts", "reason"), REFUSED, ids=[
    "false", "no-facts", "trivial", "a-failed-chain", "under-a-hypothesis", "strengthened", "reversed"])
def test_a_statement_no_chain_shows_is_not_proved_and_says_why(statement, facts, reason) -> None:
    conclusion = conclude(statement, facts)
    assert not conclusion.proved and reason in conclusion.reason and conclusion.steps == ""


@pytest.mark.parametrize(("interval", "proved"), [(sp.Interval.open(0, sp.oo), True), (sp.Interval(-1, 1), False)],
                         ids=["positive", "through-zero"])
def test_a_statement_must_be_defined_on_the_domain(interval: sp.Interval, proved: bool) -> None:
    conclusion = conclude(sp.Eq(y, 1 / x), [fact(sp.Eq(y, 1 / x))], Domain(((x, interval),)))
    assert conclusion.proved is proved
    assert proved or "is not proved defined everywhere on the domain" in conclusion.reason
