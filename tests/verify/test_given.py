"""check_given: a claim decided where supposed equations hold (solving them, never ignoring them)."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Domain, Status
from derive.errors import DeriveError
from derive.verify import check_given

x, y, p, q = sp.symbols("x y p q")
REALS = Domain(((x, sp.Interval(-sp.oo, sp.oo)), (y, sp.Interval(-sp.oo, sp.oo))))
UNIT = Domain(((p, sp.Interval.open(0, 1)), (q, sp.Interval.open(0, 1))))
BOTH = (sp.Eq(x + y, 2), sp.Eq(x - y, 0))


@pytest.mark.parametrize("hypotheses, lhs, rhs, relation, domain, status", [
    (BOTH, x, 1, "=", REALS, Status.PROVED),
    (BOTH, x * y, 1, ">=", REALS, Status.PROVED),
    (BOTH, x * y, 1, ">", REALS, Status.REFUTED),  # x = y = 1: equal
    (BOTH[:1], x * y, 1, "<=", REALS, Status.PROVED),  # x (2 - x) <= 1
    (BOTH[:1], x * y, 0, ">=", REALS, Status.REFUTED),
    (BOTH[:1], x, 1, "=", REALS, Status.REFUTED),
    ((sp.Eq(q - p, 0),), p * (1 - p), 0, "<", UNIT, Status.REFUTED),
    # no point of the domain satisfies q = p + 1: nothing may be refuted (nor proved) there
    ((sp.Eq(q, p + 1),), p, sp.Rational(1, 2), "<", UNIT, Status.UNKNOWN),
    # x y = 0 does not fix x (y = 0 leaves it free): x >= 0 is not refuted by solving x = 0
    ((sp.Eq(x * y, 0),), x, 0, ">=", REALS, Status.UNKNOWN),
])
def test_decided_under_the_hypotheses(hypotheses, lhs, rhs, relation, domain, status):
    verdict = check_given(hypotheses, lhs, rhs, relation, domain)
    assert verdict.status is status, verdict


def test_a_counterexample_satisfies_the_hypotheses():
    verdict = check_given((sp.Eq(q - p, 0),), p * (1 - p), 0, "<", UNIT)
    point = dict(verdict.counterexample)
    assert point[p] == point[q] and 0 < point[p] < 1


@pytest.mark.parametrize("hypotheses, relation", [((x > 0,), "="), (BOTH, "iff"), (BOTH, "!=")])
def test_refuses_what_is_not_an_equation_or_a_bound(hypotheses, relation):
    with pytest.raises(DeriveError):
        check_given(hypotheses, x, 1, relation, REALS)
