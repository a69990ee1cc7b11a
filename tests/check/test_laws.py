"""The laws an implication's premise names (derive/check/laws.py)."""

from __future__ import annotations

import pytest

from derive.check.chains import IMPLICATION, Chain
from derive.check.statements import Piece
from derive.check.laws import laws, premise_law

LAWS = [
    (r"x \sim \mathrm{Gam}(a,b)", "X", "gamma"),
    (r"X \sim \mathcal{N}(\mu, \sigma^2)", "X", "normal"),
    (r"Y\sim\mathrm{Poisson}(\lambda)", "Y", "poisson"),
    (r"X \sim \mathrm{Bin}(n, p)", "X", "binomial"),  # a symbolic number of trials
]
NO_LAW = [
    r"x \sim y",  # no family
    r"x = \mathrm{Gam}(a,b)",  # no \sim
    r"E \sim \mathrm{Exp}(\lambda)",  # E is the expectation
    r"x_1 \sim \mathrm{Exp}(\lambda)",  # one letter only
    r"X \sim \mathrm{Bin}(n, 2)",  # a probability outside (0, 1): no law
    r"X \sim \mathrm{Zipf}(s)",  # a family derive does not know
]


@pytest.mark.parametrize(("tex", "name", "family"), LAWS)
def test_a_premise_names_a_law(tex: str, name: str, family: str) -> None:
    dist = premise_law(tex, [tex])
    assert dist is not None and dist.name == name and dist.family == family


@pytest.mark.parametrize("tex", NO_LAW)
def test_other_premises_name_none(tex: str) -> None:
    assert premise_law(tex, [tex]) is None


def test_a_law_holds_from_its_implication_to_the_end_of_its_sentence() -> None:
    premise = Piece(r"x \sim \mathrm{Exp}(\lambda)", 3, 7)
    chain = Chain((premise, Piece(r"\langle x \rangle = 1/\lambda", 3, 7)), ("⇒",), True, IMPLICATION)
    other = Chain((Piece("a", 4, 8), Piece("b", 4, 8)), ("=",), True)
    (law,) = laws([chain, other], [premise.tex], lambda rank: {7: 2}.get(rank, 0))
    assert (law.rank, law.last, law.premise) == (7, 2, premise.tex)
    assert law.distribution.family == "exponential" and str(law.distribution.rate) == "lambda"
