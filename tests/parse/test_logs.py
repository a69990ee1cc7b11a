r"""derive.parse.logs, through :func:`derive.parse.parse_latex`: a logarithm's base, its power, and where an argument
written without brackets ends (the product that follows, up to a sign, a relation, a comma or another logarithm).

``tests/parse/test_readings.py`` holds the first table of these readings; this one holds others.
"""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Bernoulli
from derive.core.functions import Log
from derive.distributions.measures import ANY_BASE, Prob
from derive.distributions.semantics import plain
from derive.parse import ParseError, parse_latex

x, y, b, c, sigma, I, N = sp.symbols("x y b c sigma i n")
log = sp.log
P = Bernoulli(sp.Symbol("p"))
H = P.outcomes[0]

#: (LaTeX, distributions, what it reads as)
READS = [
    # natural logarithms however they are written
    (r"\ln \sigma", (), log(sigma)),
    (r"\operatorname{ln}(x)", (), log(x)),
    (r"\ln\ln x", (), log(log(x))),
    # bases: a number, a letter, an expression; in braces, brackets or none
    (r"\log_2 8", (), log(8) / log(2)),
    (r"\log_{10}(x)", (), log(x) / log(10)),
    (r"\log_3(x) + \log_3 y", (), log(x) / log(3) + log(y) / log(3)),
    (r"\log_b x", (), log(x) / log(b)),
    (r"\log_{x+1} y", (), log(y) / log(x + 1)),
    (r"\log_2{(x)}", (), log(x) / log(2)),
    (r"\mathrm{log}_2 x", (), log(x) / log(2)),
    (r"\log_2 \log_2 x", (), log(log(x) / log(2)) / log(2)),
    (r"\log_{2} P(H)", (P,), log(Prob(P, H)) / log(2)),
    # brackets of every kind
    (r"\log[x]", (), log(x)),
    (r"\log{x}^2", (), log(x) ** 2),  # the braces are the argument: the power is the logarithm's
    (r"\log{x \over y}", (), log(x / y)),
    # without brackets: the product that follows, each factor with its scripts
    (r"\log x^2 y^3", (), log(x**2 * y**3)),
    (r"\log 2 x + 1", (), log(2 * x) + 1),
    (r"\log 2.5 x", (), log(sp.Rational(5, 2) * x)),
    (r"\log x -y", (), log(x) - y),  # a sign ends it
    (r"\log x + \log y", (), log(x) + log(y)),
    (r"\log |x| y", (), log(sp.Abs(x) * y)),
    (r"\log x!", (), log(sp.factorial(x))),
    (r"\log \frac{1}{2}", (), -log(2)),
    (r"\log \exp x", (), log(sp.exp(x))),
    (r"\log \max(x, y)", (), log(sp.Max(x, y))),
    (r"\log \sum_{i=1}^{n} x_i", (), log(sp.Sum(sp.IndexedBase("x")[I], (I, 1, N)))),
    (r"(\log -x)", (), log(-x)),  # a sign before the first factor belongs to it
    (r"\log P(H)", (P,), log(Prob(P, H))),
    # a positive integer power on \log is a power of the logarithm
    (r"\ln^2 x", (), log(x) ** 2),
    (r"\log^{3}(x)", (), log(x) ** 3),
    (r"\log^3(x)", (), log(x) ** 3),  # an unbraced digit before the bracket: still the logarithm's power
    (r"\ln^2(x + 1)", (), log(x + 1) ** 2),
    (r"\log^{2} |x|", (), log(sp.Abs(x)) ** 2),
    (r"\log(x)^{3}", (), log(x) ** 3),
]


@pytest.mark.parametrize(("tex", "dists", "expected"), READS, ids=[r[0] for r in READS])
def test_reads(tex: str, dists: tuple, expected: sp.Basic) -> None:
    parsed = parse_latex(tex, dists)
    assert plain(parsed) == plain(expected), f"{tex!r} read as {sp.srepr(parsed)}"


@pytest.mark.parametrize(("tex", "expected"), [
    (r"\log_b x", Log(x, ANY_BASE)),
    (r"\log_b(x)", Log(x, ANY_BASE)),
    (r"\log_{b} x^2", Log(x**2, ANY_BASE)),
    (r"\log_2 x", log(x) / log(2)),  # a number: the base it names
    (r"\log_c x", log(x) / log(c)),  # another letter: no declared base
    (r"\log x", log(x)),
], ids=["b", "b-brackets", "b-braced-power", "2", "c", "natural"])
def test_the_arbitrary_base(tex: str, expected: sp.Basic) -> None:
    """With ``units="any"``, ``b`` is the arbitrary base: derive's ``Log(x, b)``; elsewhere a letter like any."""
    assert plain(parse_latex(tex, units="any")) == plain(expected)
    assert plain(parse_latex(r"\log_b x")) == plain(log(x) / log(b))


#: (LaTeX, the start of the one-line error)
REFUSES = [
    (r"\log x^{2} \cdot y", r"ambiguous \log x^{2} \cdot y at offset 0: is \cdot inside the logarithm?"),
    (r"\log x \times y", r"ambiguous \log x \times y at offset 0: is \times inside the logarithm?"),
    (r"\log x \div y", r"ambiguous \log x \div y at offset 0: is \div inside the logarithm?"),
    (r"\log(x)^{n}", r"ambiguous power 'n' after the \log(...) at offset 0"),
    (r"\log_2{x}^{n}", r"ambiguous power after the \log{...} at offset 0"),  # braces after a base
    (r"\log^{n} x", r"ambiguous \log^{n} x at offset 0: a power or the inverse function?"),
    (r"\log^{0} x", r"ambiguous \log^{0} x at offset 0: a power or the inverse function?"),
    (r"\log + x", "the logarithm at offset 0 has no argument"),
    (r"y = \ln", "the logarithm at offset 4 has no argument"),
]


@pytest.mark.parametrize(("tex", "message"), REFUSES, ids=[r[0] for r in REFUSES])
def test_refuses(tex: str, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_latex(tex)
    assert str(caught.value).startswith(message), caught.value
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("tex", [r"\text{log}(x)", r"\operatorname{log} x", r"\mathrm{ln}(x)", r"log(x)", r"ln x"],
                         ids=["text", "operatorname", "mathrm", "plain-log", "plain-ln"])
def test_a_logarithm_written_as_a_word(tex: str) -> None:
    assert parse_latex(tex) == log(x)
