"""Shared pieces of the unit tests: the article's two coins, their domain, and rule assertions.

``assert_rewrites`` is the one check every rule table goes through: the rule applied at
the root gives exactly the expected expression (the same tree, and the same printed
order, since derive keeps the order terms were written in), and the verifier proves
that the rewrite did not change the value.
"""

from __future__ import annotations

import sympy as sp

from derive import Bernoulli, Domain, Refusal, Rewrite, Rule, Status
from derive.core.terms import add, neg
from derive.render.printer import to_latex
from derive.verify import check_equal

p, q = sp.symbols("p q")
P = Bernoulli(p)
Q = Bernoulli(q, name="Q")
#: The coins' domain: ``0 < p < 1`` and ``0 < q < 1``.
DOMAIN: Domain = P.domain.merge(Q.domain)
ONE = sp.Integer(1)
#: The bound index of the sums over a coin's outcomes (``sum_{i in {H, T}}``).
I = sp.Symbol("i")


def one_minus(x: sp.Basic) -> sp.Basic:
    """``1 - x`` as derive writes it (the value ``P(T)`` of a coin)."""
    return add(ONE, neg(x))


def same_equation(before: sp.Equality, after: sp.Equality, domain: Domain) -> bool:
    """Two equations say the same thing: ``lhs - rhs`` agrees up to sign, proved."""
    d_before = add(before.lhs, neg(before.rhs))
    d_after = add(after.lhs, neg(after.rhs))
    return any(check_equal(d_before, other, domain).status is Status.PROVED
               for other in (d_after, neg(d_after)))


def assert_rewrites(rule: Rule, before: sp.Basic, expected_after: sp.Basic, domain: Domain = DOMAIN) -> Rewrite:
    """``rule`` at the root rewrites ``before`` to exactly ``expected_after``, and the step is proved.

    Returns the :class:`Rewrite`, so a test can look at the conditions it recorded.
    """
    outcome = rule.apply(before, domain)
    assert isinstance(outcome, Rewrite), f"{rule.name} should rewrite {sp.sstr(before)}, got {outcome!r}"
    after = outcome.expr
    assert to_latex(after) == to_latex(expected_after), (
        f"{rule.name}: printed form differs\n  got      {to_latex(after)}\n  expected {to_latex(expected_after)}")
    assert after == expected_after, (
        f"{rule.name}: tree differs (same print)\n  got      {sp.srepr(after)}\n  expected {sp.srepr(expected_after)}")
    if isinstance(before, sp.Equality) or isinstance(after, sp.Equality):
        assert isinstance(before, sp.Equality) and isinstance(after, sp.Equality)
        assert same_equation(before, after, domain), f"{rule.name}: {before} and {after} are not the same equation"
    else:
        verdict = check_equal(before, after, domain)
        assert verdict.status is Status.PROVED, f"{rule.name}: {sp.sstr(before)} -> {sp.sstr(after)} is {verdict}"
    return outcome


def assert_no_match(rule: Rule, before: sp.Basic, domain: Domain = DOMAIN) -> None:
    """``rule`` does not match ``before`` at the root."""
    outcome = rule.apply(before, domain)
    assert outcome is None, f"{rule.name} should not match {sp.sstr(before)}, got {outcome!r}"


def assert_refuses(rule: Rule, before: sp.Basic, domain: Domain = DOMAIN, *mentions: str) -> Refusal:
    """``rule`` matches ``before`` but refuses, with a reason that mentions each of ``mentions``."""
    outcome = rule.apply(before, domain)
    assert isinstance(outcome, Refusal), f"{rule.name} should refuse {sp.sstr(before)}, got {outcome!r}"
    assert outcome.reason.strip(), "a refusal must say why"
    for text in mentions:
        assert text in outcome.reason, f"refusal {outcome.reason!r} should mention {text!r}"
    return outcome
