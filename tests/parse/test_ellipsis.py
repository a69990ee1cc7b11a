"""derive.parse.ellipsis: a finite sum written out with dots, read as the sum; anything else left as written."""

from __future__ import annotations

import pytest

from derive.parse.ellipsis import as_sums

#: (written, read): the run around the dots as a sum, with an index letter the formula does not use.
SUMS = [
    (r"x_1+x_2+...+x_n", r"\sum_{k=1}^{n} \left(x_k\right)"),
    (r"x_1 + \cdots + x_n", r"\sum_{k=1}^{n} \left(x_k\right)"),  # the term before the dots alone
    (r"\frac{x_1+x_2+\dots+x_n}{\lambda}-n", r"\frac{\sum_{k=1}^{n} \left(x_k\right)}{\lambda}-n"),
    (r"-Y_1\log(\sigma(A_1)) -Y_2\log(\sigma(A_2))-...-Y_C\log(\sigma(A_C))",
     r"- \sum_{k=1}^{C} \left(Y_k\log(\sigma(A_k))\right)"),  # every term signed alike
    (r"c + a_1 b_1 + \cdots + a_{K-1} b_{K-1}", r"c + \sum_{k=1}^{K - 1} \left(a_k b_k\right)"),
    (r"1 - (\pi_1 + \ldots + \pi_{K-1})", r"1 - (\sum_{k=1}^{K - 1} \left(\pi_k\right))"),  # inside its brackets
    (r"1 \cdot x_1 + 2 \cdot x_2 + \ldots + n \cdot x_n", r"\sum_{k=1}^{n} \left(k \cdot x_k\right)"),
    (r"2x_1 + 2x_2 + \dots + 2x_n", r"\sum_{k=1}^{n} \left(2x_k\right)"),  # the coefficient 2 is no index
    (r"(1-p_1) + (1 - p_2) + \dots + (1-p_n)", r"\sum_{k=1}^{n} \left((1 - p_k)\right)"),
    (r"x_0 + x_1 + \cdots + x_{n-1} + 2", r"\sum_{k=0}^{n - 1} \left(x_k\right) + 2"),
    (r"x^1 + x^2 + \cdots + x^n", r"\sum_{k=1}^{n} \left(x^k\right)"),
    (r"a_1 + a_2 + \cdots + a_{10} = k", r"\sum_{j=1}^{10} \left(a_j\right) = k"),  # k is used: another letter
]

#: Dots that are no finite sum of one pattern: left as written.
KEPT = [
    r"1 + x + \frac{x^2}{2!} + \cdots",  # no last term
    r"f(x_1, \ldots, x_n)",  # an argument list
    r"x_1 x_2 \cdots x_n",  # a product
    r"x_1 - x_2 + \cdots + x_n",  # signs differ
    r"p_iy_1 + p_iy_2 + \dots + p_i + \dots + p_i y_n",  # two runs of dots around a term
    r"x_1 + x_2 + \dots + x_1",  # the last term comes before the others
    r"a + b + \cdots + z",  # no index
    r"x_1 + y_2 + \cdots + x_n",  # the terms differ elsewhere
    r"0 +(1-p)+2(1-p)^2+3(1-p)^3 ....",
    r"k_1 + j_2 + k_2 + j_3 + \dots + k_n + j_{n+1}",  # two patterns interleaved
]


@pytest.mark.parametrize(("written", "read"), SUMS, ids=[s[0] for s in SUMS])
def test_a_run_with_dots_is_a_sum(written: str, read: str) -> None:
    assert as_sums(written) == read


@pytest.mark.parametrize("written", KEPT)
def test_dots_of_no_sum_are_kept(written: str) -> None:
    assert as_sums(written) == written


def test_entries_of_a_name_used_as_one_number_are_kept() -> None:
    assert as_sums(r"p_1 + p_2 + \dots + p_n", frozenset({"p"})) == r"p_1 + p_2 + \dots + p_n"  # p each time?
    assert as_sums(r"\sigma_{1} + \dots + \sigma_{n}", frozenset({"sigma"})) == r"\sigma_{1} + \dots + \sigma_{n}"
    assert as_sums(r"p_1 + p_2 + \dots + p_n", frozenset({"q"})) == r"\sum_{k=1}^{n} \left(p_k\right)"
