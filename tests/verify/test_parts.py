"""The differences between two expressions are the parts a step rewrote, found by comparing trees."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.core.group import Group
from derive.core.terms import add, mul, neg, quotient, sub
from derive.distributions.measures import KL, Prob
from derive.verify.parts import differences
from tests.helpers import DOMAIN, P, Q, p, q

H, T = P.outcomes

x, y, z = sp.symbols("x y z")
log = sp.log


@pytest.mark.parametrize("a, b, expected", [
    (add(x, y), add(x, y), []),
    (add(x, y), add(y, x), []),
    (add(Group(add(x, y), "Term 1"), z), add(z, y, x), []),
    (add(neg(Group(add(neg(x), neg(y)), "Term 2")), z), add(x, y, z), []),
    (mul(p, log(quotient(p, q))), mul(p, sub(log(p), log(q))), [(log(quotient(p, q)), sub(log(p), log(q)))]),
    (add(mul(p, log(Prob(P, H))), x), add(mul(p, log(p)), x), [(Prob(P, H), p)]),
    (add(mul(x, add(y, z)), mul(y, add(x, z))), add(mul(x, y), mul(x, z), mul(y, x), mul(y, z)),
     [(mul(x, add(y, z)), add(mul(x, y), mul(x, z))), (mul(y, add(x, z)), add(mul(y, x), mul(y, z)))]),
    (KL(P, Q), add(x, y), [(KL(P, Q), add(x, y))]),
    (add(x, y, z), sp.Integer(0), [(add(x, y, z), sp.Integer(0))]),
    (add(x, y), add(x, z), [(y, z)]),
], ids=["same", "reordered", "group-opened", "negated-group", "inside-a-product", "a-leaf", "distribute-chunks",
        "a-measure", "cancel", "one-term"])
def test_differences(a, b, expected):
    assert differences(a, b) == expected


def test_binders_are_compared_whole():
    i = sp.Symbol("i")
    a, b = sp.Sum(x * i, (i, 1, 3)), sp.Sum(y * i, (i, 1, 3))
    assert differences(a, b) == [(a, b)]


def test_parts_are_sound_for_the_verifier():
    """Every pair found on the coin's log split is itself an identity the verifier proves."""
    from derive.verify import check_equal
    a = add(mul(p, log(quotient(p, q))), mul(add(1, neg(p)), log(quotient(add(1, neg(p)), add(1, neg(q))))))
    b = add(mul(p, sub(log(p), log(q))), mul(add(1, neg(p)), sub(log(add(1, neg(p))), log(add(1, neg(q))))))
    pairs = differences(a, b)
    assert len(pairs) == 2 and all(check_equal(u, v, DOMAIN).proved for u, v in pairs)
