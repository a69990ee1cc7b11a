"""The readings a claim is judged by (:mod:`derive.check.judging`): sums over data by linearity, the text's
suppositions, its own sample, and refutations only where a side is not real, undefined, or one entry of data."""

from __future__ import annotations

import pytest

from derive.check import check_text

SAMPLE = "Let $x_1 = 1.1$, $x_2 = 2.2$ and $x_3 = 3.3$ be three observed values.\n\n"
SUPPOSE = "Let $0 < p < 1$ and $0 < q < 1$.\n\nSuppose\n\n$$q - p = 0$$\n\n"

#: (document, [(line, status, a part of the reason)] of its claims, in order).
JUDGED = [
    # sums over data, by linearity, for every sample
    ("$$\\sum_{i=1}^{n} (x_i + 1) = \\sum_{i=1}^{n} x_i + n$$\n", [(1, "proved", "")]),
    ("$$\\sum_{i=1}^{n} (x_i + 1) = \\sum_{i=1}^{n} x_i + 2n$$\n", [(1, "refuted", "")]),
    ("$$\\sum_{i=1}^{n} (x_i - p) = \\sum x_i - np$$\n", [(1, "proved", "")]),
    # under a supposition: its consequences, refuted only where it holds
    (SUPPOSE + "$$q (1 - p) = p (1 - q)$$\n", [(7, "proved", "")]),
    (SUPPOSE + "$$p (1 - p) < 0$$\n", [(7, "refuted", "under the supposition -p + q = 0")]),
    (SUPPOSE + "$$\\frac{q}{p} = 2$$\n", [(7, "refuted", "under the supposition -p + q = 0")]),
    # a claim about the text's own sample is checked at its data
    (SAMPLE + "$$\\frac{1}{n} \\sum_{i=1}^{n} x_i = 2.2$$\n", [(3, "proved", "")]),
    (SAMPLE + "$$\\frac{1}{n} \\sum_{i=1}^{n} x_i = 2.3$$\n",
     [(3, "refuted", "on the text's sample (x_1 = 1.1, x_2 = 2.2, x_3 = 3.3)")]),
    (SAMPLE + "$$\\theta \\sum_{i=1}^{n} x_i = 6.5 \\theta$$\n", [(3, "unknown", "")]),  # theta varies freely
    # false only where a side is no real number, at values the text leaves open
    ("$$\\ln(\\lambda^2) = 2\\ln\\lambda$$\n", [(1, "unknown", "false only where a side is no real number")]),
    ("Let $0 < p < 1$.\n\n$$\\log(-p-1) = 0$$\n", [(3, "refuted", "")]),  # no real value where the text places p
    # undefined at a point the text's bounds include
    ("For $x, w \\geq 0$ we have $\\frac{w x}{w} \\geq x - 1$.\n",
     [(1, "unknown", "is undefined at w = 0, x = 4/3, which the text's bounds include")]),
    # an entry of data a definition sums over is one value of the text's data
    ("$$L = -\\sum_{i} y_i \\log(p_i)$$\n\n$$-y_k\\log(p_k) = -\\log(p_k)$$\n",
     [(3, "unknown", "an entry of data the text sums over elsewhere")]),
    ("$$-y_k\\log(p_k) = -\\log(p_k)$$\n", [(1, "refuted", "")]),  # no data: y_k is any number
]


@pytest.mark.parametrize(("document", "expected"), JUDGED, ids=[d[0][:60] for d in JUDGED])
def test_each_reading_and_its_verdict(document: str, expected: list[tuple[int, str, str]]) -> None:
    result = check_text(document, "j.md")
    claims = [e for e in result.entries if e.kind == "claim"]
    assert [(e.line, e.status) for e in claims] == [(line, status) for line, status, _ in expected], result.text()
    for entry, (_, _, reason) in zip(claims, expected):
        assert reason in entry.reason, result.text()


def test_a_refutation_under_a_supposition_is_at_a_point_where_it_holds() -> None:
    entry = [e for e in check_text(SUPPOSE + "$$p (1 - p) < 0$$\n", "j.md").entries if e.kind == "claim"][-1]
    point = dict(entry.counterexample)
    assert entry.status == "refuted" and point["p"] == point["q"]  # q - p = 0 there
