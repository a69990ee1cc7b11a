"""derive.core.system: equations that hold together, in the author's order, and the equations a statement asserts."""

from __future__ import annotations

import re

import pytest
import sympy as sp

from derive.core.system import System, equations_of
from derive.errors import DeriveError

x, y, z = sp.symbols("x y z")
E1, E2, E3 = sp.Eq(x, 1), sp.Eq(y, 2), sp.Eq(z, x + y)


@pytest.mark.parametrize("equations", [(E2, E1), (E1, E2), (E3, E1, E2)], ids=["reversed", "sorted", "three"])
def test_a_system_keeps_its_order(equations):
    system = System(*equations)
    assert system.equations == equations
    assert System(*reversed(equations)) != system, "unlike And, the order is part of the value"


@pytest.mark.parametrize("equations, expected", [
    ((sp.true, E1), E1),
    ((E1, sp.true), E1),
    ((sp.true, sp.true), sp.true),
    ((sp.true, E1, E2), System(E1, E2)),
    ((E1, sp.true, E2, sp.true), System(E1, E2)),
], ids=["true-first", "true-last", "only-true", "true-and-two", "true-between"])
def test_equations_that_became_true_are_dropped(equations, expected):
    assert System(*equations) == expected


@pytest.mark.parametrize("equations, message", [
    ((), "a system needs at least two equations"),
    ((E1,), "a system needs at least two equations"),
    ((sp.true,), "a system holds equations, got True"),
    ((E1, x > 0), "a system holds equations, got x > 0"),
    ((E1, sp.Ne(x, 2)), "got Ne(x, 2)"),
    ((E1, x + y), "got x + y"),
    ((sp.false, E1), "got False"),
    ((sp.true, E1, x > 0), "got x > 0"),
    ((sp.true, x > 0), "got x > 0"),  # once the true equation is dropped, what is left is still checked
    ((sp.true, x), "got x"),
], ids=["none", "one", "only-true", "inequality", "not-equal", "expression", "false", "true-and-an-inequality",
        "true-then-an-inequality", "true-then-an-expression"])
def test_a_system_refuses_what_is_not_two_equations(equations, message):
    with pytest.raises(DeriveError, match=re.escape(message)):
        System(*equations)


def test_substituting_a_value_drops_the_equation_it_makes_true():
    assert System(E2, E1).subs(x, 1) == E2
    assert System(E1, E2, E3).subs(x, 1) == System(E2, sp.Eq(z, y + 1))
    assert System(E2, E1).free_symbols == {x, y}


@pytest.mark.parametrize("statement, equations", [
    (System(E2, E1), (E2, E1)),
    (E1, (E1,)),
    (sp.Eq(x, x, evaluate=False), (sp.Eq(x, x, evaluate=False),)),
    (x > 0, None),
    (sp.Ne(x, 1), None),
    (sp.And(E1, E2), None),
    (sp.true, None),
    (x + 1, None),
], ids=["system", "equation", "unevaluated", "inequality", "not-equal", "and", "true", "expression"])
def test_equations_of(statement, equations):
    assert equations_of(statement) == equations
