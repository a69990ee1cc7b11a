"""A claim's verdict (:mod:`derive.check.verdicts`): judged case by case for free indices, whatever an unstated
derivative stands for, and made unknown where it rests on what the text leaves open."""

from __future__ import annotations

import pytest

from derive.check import check_text
from derive.check.verdicts import DIFFERENTIATED, IN_CASE

RATE = "\\frac{\\partial e^{t_i}}{\\partial t_j}"
SIGMOID_RATE = "\\frac{\\partial \\sigma(x_i)}{\\partial\\theta}"

#: (document, [(line, status, a part of the reason)] of its claims, in order).
VERDICTS = [
    # two entries of one vector at free indices: both cases, i = j and i != j
    (f"$${RATE} = \\delta_{{ij}} e^{{t_i}}$$\n", [(1, "proved", "")]),
    (f"$${RATE} = e^{{t_i}}$$\n", [(1, "unknown", "holds with i = j only, false with i \\neq j: say which case")]),
    (f"$${RATE} = 2 e^{{t_i}}$$\n", [(1, "refuted", f"{IN_CASE}i = j: ")]),
    (f"If $i \\neq j$,\n\n$${RATE} = 0$$\n", [(3, "proved", "")]),  # the case the text says
    (f"If $i \\neq j$,\n\n$${RATE} = e^{{t_i}}$$\n", [(3, "refuted", "")]),
    # a derivative in a variable its operand does not contain: the algebra around it, whatever it stands for
    (f"$${SIGMOID_RATE} (a + b) = a {SIGMOID_RATE} + b {SIGMOID_RATE}$$\n", [(1, "proved", "")]),
    (f"$${SIGMOID_RATE} (a + b) = a {SIGMOID_RATE}$$\n", [(1, "unknown", DIFFERENTIATED)]),
    # independence spoken of without naming the variables
    ("The information of independent events adds up, like $H(X, Y)$:\n\n"
     "$$h(x, y) = -\\log p(x, y) = -\\log p(x) - \\log p(y)$$\n",
     [(3, "unknown", "but it holds with the variables independent, which the text speaks of without saying which")]),
    ("Like $H(X, Y)$:\n\n$$h(x, y) = -\\log p(x, y) = -\\log p(x) - \\log p(y)$$\n", [(3, "refuted", "")]),
    # a name a relation derive did not take ties to others
    ("Writing $p$ and $q$ for the two probabilities, so that $p + q = 1$ and $q = 1 - p$, one has\n\n"
     "$$-p \\log p - (1 - p) \\log (1 - p) = -p \\log p - q \\log q$$\n",
     [(1, "unknown", "not for every value of p, q"), (1, "unknown", "not for every value of p, q"),
      (3, "unknown", "false for some value of q, which the text ties to other names")]),
    ("$$-p \\log p - (1 - p) \\log (1 - p) = -p \\log p - q \\log q$$\n", [(1, "refuted", "")]),
    # a name defined across a step derive could not read: neither proved nor refuted through it
    ("Let $0 < p < 1$ and $a > 1$.\n\n$$\\ell(p) = \\ln P(p \\mid \\text{data}) = \\ln p^{a}$$\n\n"
     "$$\\ell(p) = a \\ln p$$\n",
     [(3, "skipped", "prose"), (5, "unknown", "holds with ell as taken on line 3, across a step derive could not")]),
    ("Let $g(t) = e^t$.\n\n$$f(x) = g^{-1}(x) = -\\log x$$\n\n$$x f(x) - g(f(x)) = x \\log x - x$$\n",
     [(3, "not parsed", "the inverse of the function g"),
      (5, "unknown", "false with f as taken on line 3, across a step derive could not read there")]),
]


@pytest.mark.parametrize(("document", "expected"), VERDICTS, ids=[d[0][:60] for d in VERDICTS])
def test_each_verdict_and_its_reason(document: str, expected: list[tuple[int, str, str]]) -> None:
    result = check_text(document, "v.md")
    claims = [e for e in result.entries if e.kind == "claim"]
    assert [(e.line, e.status) for e in claims] == [(line, status) for line, status, _ in expected], result.text()
    for entry, (_, _, reason) in zip(claims, expected):
        assert reason in entry.reason, result.text()


def test_a_refutation_in_both_index_cases_has_its_point() -> None:
    (entry,) = check_text(f"$${RATE} = 2 e^{{t_i}}$$\n", "v.md").entries
    assert entry.status == "refuted" and entry.counterexample == (("t_i", "4/3"),)
    assert entry.reason.startswith(IN_CASE)  # which case the point is in is kept, beside the point
