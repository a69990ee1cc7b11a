"""derive.api: the article's pairs of distributions, the registry's families as pairs, rendering, the documents."""

from __future__ import annotations

import sympy as sp
import pytest

from derive import api
from derive.distributions import Exponential, Gamma, Laplace, Normal
from derive.distributions.parametric import Parametric
from derive.distributions.registry import families, family
from derive.errors import DeriveError


def test_every_registered_parametric_family_is_a_pair():
    parametric = [name for name in families() if issubclass(family(name), Parametric)]
    assert set(parametric) <= set(api.pairs())
    assert list(api.pairs())[:len(api.DISTS)] == list(api.DISTS)  # the shipped pairs first, in their order


@pytest.mark.parametrize("name, cls, letters", [
    ("normal", Normal, ("mu_1", "sigma_1", "mu_2", "sigma_2")),
    ("exponential", Exponential, ("lambda_1", "lambda_2")),
    ("laplace", Laplace, ("mu_1", "b_1", "mu_2", "b_2")),
    ("gamma", Gamma, ("alpha_1", "lambda_1", "alpha_2", "lambda_2")),
])
def test_a_family_pair_uses_the_family_letters(name, cls, letters):
    P, Q = api.pairs()[name](api.Options())
    assert isinstance(P, cls) and (P.name, Q.name) == ("P", "Q")
    assert tuple(str(s) for s in (*P.params, *Q.params)) == letters


def test_the_names_of_the_options_name_the_pair():
    P, Q = api.pairs()["normal"](api.Options(names=("A", "B")))
    assert (P.name, Q.name) == ("A", "B")


def test_article_coins_follow_the_options():
    P, Q = api.article_coins(api.Options(names=("R", "S"), params=("r", "s"), outcomes=("1", "0")))
    assert (P.name, Q.name, P.params, [str(o) for o in P.outcomes]) == ("R", "S", (sp.Symbol("r"),), ["1", "0"])


@pytest.mark.parametrize("topic, dist, message", [
    ("nothing", "coin", "unknown topic 'nothing'; choose from relation, minimization"),
    ("relation", "nope", "unknown distribution 'nope' for the relation topic"),
    ("minimization", "laplace", "unknown distribution 'laplace' for the minimization topic"),
])
def test_derivations_refuse_what_they_do_not_know(topic, dist, message):
    with pytest.raises(DeriveError, match=message):
        api.derivations(topic, dist)


def test_a_registered_family_outside_the_shipped_pairs_is_derived():
    (d,) = api.derivations("relation", "gamma")
    assert d.slug == "kl-cross-entropy-gamma" and d.verify().ok


def test_article_documents_write_every_format_by_default():
    documents, report = api.article_documents()
    assert sorted(documents) == ["kl-cross-entropy-coin.json", "kl-cross-entropy-coin.md", "kl-cross-entropy-coin.tex"]
    assert report.ok
    compact, _ = api.article_documents(("md",), api.Options(style="compact"))
    assert list(compact) == ["kl-cross-entropy-coin-compact.md"]
