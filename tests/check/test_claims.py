"""Claims judged (:mod:`derive.check.claims`): each link against the expression before it, then from the anchor when
that one is wrong or elided; a refutation the text's own conventions explain is no refutation."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.check import check_text
from derive.check.claims import CONDITIONAL_DIVERGENCE, IN_BITS, SIGN_OUTSIDE, compose, given_value

X_POSITIVE = "Let $x > 0$.\n\n"

#: (document, [(line, status, a part of the reason)] of its claims, in order).
CLAIMS = [
    # proved against the expression before it, refuted with a point, an inequality too
    (X_POSITIVE + "$$(x + 1)^2 = x^2 + 2x + 1$$\n", [(3, "proved", "")]),
    (X_POSITIVE + "$$(x + 1)^2 = x^2 + 1$$\n", [(3, "refuted", "")]),
    (X_POSITIVE + "$$(x + 1)^2 = x^2 + 2x + 1 \\le x^2 + 4x + 1$$\n", [(3, "proved", ""), (3, "proved", "")]),
    (X_POSITIVE + "$$(x + 1)^2 = x^2 + 2x + 1 \\le x^2 + 1$$\n",
     [(3, "proved", ""), (3, "refuted", "5.4444444 > 2.7777778 at x = 4/3")]),
    # an inequality with a side derive cannot read is skipped, saying why
    (X_POSITIVE + "$$x^2 \\ge \\frac{\\lbrace}{2}$$\n", [(3, "skipped", "an inequality is not checked: unbalanced")]),
    # a \neq b: proved by a point where the sides differ, refuted where they are equal
    ("$$x^2 + 1 \\neq x^2$$\n", [(1, "proved", "the sides differ at x = 4/3")]),
    ("$$x + x \\neq 2x$$\n", [(1, "refuted", "the sides are equal")]),
    # after a wrong expression, the right side agreeing with the anchor is explained, never proved
    (X_POSITIVE + "$$2x + 2x = 5x = 4x$$\n",
     [(3, "refuted", ""), (3, "refuted", "the expression before it is wrong, and this side agrees with line 3")]),
    # steps left out: the expressions around them are compared
    (X_POSITIVE + "$$(x + 1)^2 = \\dots = x^2 + 2x + 1$$\n",
     [(3, "skipped", "steps left out"), (3, "proved", "")]),
    (X_POSITIVE + "$$(x + 1)^2 = \\dots = x^2 + 1$$\n",
     [(3, "skipped", "steps left out"), (3, "refuted", "at x = 4/3")]),
    # a value the text gives a name, or names it sets to one number, is a case it considers
    ("Let $0 < p < 1$.\n\nThe entropy is largest for\n\n$$p = \\frac{1}{2}$$\n",
     [(5, "unknown", "a value of p (a case the text considers")]),
    ("Let $0 < r < 1$ and $0 < s < 1$.\n\n$$r = s = \\frac{1}{2}$$\n",
     [(3, "unknown", "values of r, s (a case the text considers)"),
      (3, "unknown", "values of r, s (a case the text considers)")]),
    ("Let $0 < p < 1$. For a fair coin we take $p = 1/2$.\n\n$$\\frac{-p\\ln p - (1-p)\\ln(1-p)}{p} = 2\\ln 2$$\n",
     [(1, "unknown", "a value of p"), (3, "unknown", "holds at p = \\frac{1}{2} (line 1), the case the text gave")]),
    ("Let $0 < p < 1$. For a fair coin we take $p = 1/2$.\n\n$$\\frac{-p\\ln p - (1-p)\\ln(1-p)}{p} = 3\\ln 2$$\n",
     [(1, "unknown", "a value of p"), (3, "refuted", "")]),
    # numbers rounded to the digits written
    ("$$\\log_2 3 = 1.585$$\n", [(1, "proved", "to the 3 decimals written")]),
    ("$$\\log_2 3 = 1.5$$\n", [(1, "unknown", "cut to the 1 decimals written")]),
    # conventions of the text: logarithms in bits, a braced minus before a power, a divergence at a given value
    ("$$-\\frac{1}{2}\\log\\frac{1}{2} - \\frac{1}{2}\\log\\frac{1}{2} = 1$$\n", [(1, "unknown", IN_BITS)]),
    ("$$-\\frac{1}{2}\\log\\frac{1}{2} - \\frac{1}{2}\\log\\frac{1}{2} = 2$$\n", [(1, "refuted", "")]),
    (X_POSITIVE + "$$e^{-x} = {-e}^{-x} \\cdot (-1)$$\n", [(3, "unknown", SIGN_OUTSIDE)]),
    ("$$D_{KL}(q(z \\mid x) \\| p(z \\mid x)) = \\sum_z q(z \\mid x) \\log \\frac{q(z \\mid x)}{p(z \\mid x)}$$\n",
     [(1, "unknown", CONDITIONAL_DIVERGENCE.format("x"))]),
    # an equation proved only where its symbols are positive, which nothing says
    ("$$\\sqrt{x^2} = x$$\n", [(1, "unknown", "proved only if x > 0, which nothing states")]),
    (X_POSITIVE + "$$\\sqrt{x^2} = x$$\n", [(3, "proved", "")]),
]


@pytest.mark.parametrize(("document", "expected"), CLAIMS, ids=[d[0][:60] for d in CLAIMS])
def test_each_claim_has_its_verdict_and_reason(document: str, expected: list[tuple[int, str, str]]) -> None:
    result = check_text(document, "c.md")
    claims = [e for e in result.entries if e.kind == "claim"]
    assert [(e.line, e.status) for e in claims] == [(line, status) for line, status, _ in expected], result.text()
    for entry, (_, status, reason) in zip(claims, expected):
        assert reason in entry.reason, result.text()
        if status == "proved" and not reason:
            assert entry.reason == ""


#: (document, the (lhs, rhs, relation, counterexample) of its last claim).
REFUTED = [
    (X_POSITIVE + "$$(x + 1)^2 = x^2 + 1$$\n", ("(x + 1)^2", "x^2 + 1", "=", (("x", "4/3"),))),
    # across steps left out, the claim is the anchor's: the first expression against the last
    (X_POSITIVE + "$$(x + 1)^2 = \\dots = x^2 + 1$$\n", ("(x + 1)^2", "x^2 + 1", "=", (("x", "4/3"),))),
    (X_POSITIVE + "$$(x + 1)^2 = x^2 + 2x + 1 \\le x^2 + 1$$\n", ("x^2 + 2x + 1", "x^2 + 1", "<=", (("x", "4/3"),))),
]


@pytest.mark.parametrize(("document", "expected"), REFUTED, ids=[d[0][:60] for d in REFUTED])
def test_a_refuted_claim_names_its_sides_and_a_counterexample(document: str, expected: tuple) -> None:
    entry = [e for e in check_text(document, "c.md").entries if e.kind == "claim"][-1]
    assert entry.status == "refuted"
    assert (entry.lhs, entry.rhs, entry.relation, entry.counterexample) == expected


@pytest.mark.parametrize(("relations", "composed"), [
    ((), "="),
    (("=", "="), "="),
    (("=", ":="), "="),
    (("=", "<="), "<="),
    (("<=", "<", "="), "<"),
    ((">=", "="), ">="),
    ((">", ">="), ">"),
    (("<", ">"), None),  # no one direction
    (("<=", "≈"), None),  # not an equality
])
def test_compose(relations: tuple[str, ...], composed: str | None) -> None:
    assert compose(relations) == composed


p, q, lam, n = sp.symbols("p q lambda n")
x = sp.IndexedBase("x")
i = sp.Symbol("i", integer=True)


@pytest.mark.parametrize(("left", "right", "named"), [
    (p, sp.Rational(1, 2), p),
    (sp.Rational(1, 2), p, p),  # either way round
    (lam, n / sp.Sum(x[i], (i, 1, n)), lam),  # an estimate from the data
    (p, q, None),  # two names: no value
    (p, p + 1, None),  # the name on both sides
    (p, 1 - q, None),  # another name, not data
    (p + 1, sp.Integer(2), None),  # no name alone
    (p, sp.Integral(1, (q, 0, 1)), None),  # a number only once integrated
])
def test_given_value(left: sp.Basic, right: sp.Basic, named: sp.Symbol | None) -> None:
    assert given_value(left, right) == named


SIDES = [  # the verifier's reason for a refuted equality -> what the report says of the two sides
    ("-0.098612289 != -1.0986123 at p = 1/3", "the sides are -0.098612289 and -1.0986123"),
    ("1.5 != 2.0 (not a real number) at x = -1", "the sides are 1.5 and 2.0 (not a real number)"),
    ("under the supposition x = 1", ""),
    ("", ""),
]


@pytest.mark.parametrize("reason, said", SIDES)
def test_a_refutation_names_both_sides_values(reason: str, said: str) -> None:
    from derive.check.claims import sides_at

    assert sides_at(reason) == said
