r"""Operators written without their brackets: ``E \log p(X)`` is ``E[\log p(X)]``."""

from __future__ import annotations

import pytest

from derive.parse.bare import bracketed_expectations

CASES = [
    (r"E \log{p(X,Y) \over p(X)\,p(Y)}", r"E[\log{p(X,Y) \over p(X)\,p(Y)}]"),
    (r"= E \log{p(X) \over p(X) p(X)} \\", r"= E[\log{p(X) \over p(X) p(X)}] \\"),
    (r"\mathbb{E} -\log p(X) + 1", r"\mathbb{E}[-\log p(X)] + 1"),  # the term ends at the sign
    (r"E\log\left(\frac{p(X)}{q(X)}\right) = 2", r"E[\log\left(\frac{p(X)}{q(X)}\right)] = 2"),
    (r"E \log \frac{p(X)}{q(X)} - 1", r"E[\log \frac{p(X)}{q(X)}] - 1"),
    (r"\mathrm{E} \ln q_1(Z)", r"\mathrm{E}[\ln q_1(Z)]"),
    (r"E_p \log\frac{p(x)}{q(x)}", r"E_p[\log\frac{p(x)}{q(x)}]"),  # under the law its subscript names
    (r"\mathbb{E}_{p(x)} \log \frac{p(x)}{q(x)} + 1", r"\mathbb{E}_{p(x)}[\log \frac{p(x)}{q(x)}] + 1"),
    (r"E_{x \sim p} -\log q(x)", r"E_{x \sim p}[-\log q(x)]"),
    # left alone: a bracket already there, no logarithm next, a number's logarithm, a word ending in E
    (r"E[\log p(X)]", r"E[\log p(X)]"),
    (r"E(X) \log 2", r"E(X) \log 2"),
    (r"E \log 2", r"E \log 2"),
    (r"E_p \log 2", r"E_p \log 2"),
    (r"\mathit{SE} \log p(X)", r"\mathit{SE} \log p(X)"),
    (r"E \log \frac{p(X)}", r"E \log \frac{p(X)}"),  # an unfinished fraction: not guessed
]


@pytest.mark.parametrize(("tex", "expected"), CASES)
def test_a_bare_expectation_takes_the_logarithm_term_after_it(tex: str, expected: str) -> None:
    assert bracketed_expectations(tex) == expected
