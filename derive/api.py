"""Conveniences that tie the pieces together: the article's coins, display options, rendering."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp

from derive.core import Derivation, Report
from derive.distributions import Bernoulli, Distribution
from derive.distributions.categorical import Categorical
from derive.distributions.indexed import SymbolicCategorical
from derive.errors import DeriveError, RenderError
from derive.render.latex import render_latex
from derive.render.markdown import render_markdown
from derive.render.printer import Notation
from derive.render.proof import render_proof


@dataclass(frozen=True)
class Options:
    """What a reader may choose: units, log command, document style, and the names used."""

    units: str = "nats"
    log: str = "log"
    style: str = "article"
    names: tuple[str, str] = ("P", "Q")
    params: tuple[str, str] = ("p", "q")
    outcomes: tuple[str, str] = ("H", "T")

    @property
    def notation(self) -> Notation:
        return Notation(log="\\" + self.log)


def article_coins(options: Options = Options()) -> tuple[Bernoulli, Bernoulli]:
    """The article's two coins: P(H) = p (the truth) and Q(H) = q (the model), under the chosen names."""
    return tuple(Bernoulli(sp.Symbol(param), name=name, outcomes=options.outcomes)  # type: ignore[return-value]
                 for name, param in zip(options.names, options.params))


def categoricals(options: Options = Options(), k: int = 3) -> tuple[Distribution, Distribution]:
    """Two categorical distributions on ``k`` outcomes: probabilities ``p_1, ..., p_k`` and ``q_1, ..., q_k``."""
    return tuple(Categorical([sp.Symbol(f"{param}_{j}") for j in range(1, k + 1)], name=name)  # type: ignore
                 for name, param in zip(options.names, options.params))


def categoricals_n(options: Options = Options()) -> tuple[Distribution, Distribution]:
    """Two categorical distributions on a symbolic number ``n`` of outcomes."""
    n = sp.Symbol("n", integer=True, positive=True)
    return tuple(Categorical(n=n, name=name) if param == name.lower() else SymbolicCategorical(n, name, param)
                 for name, param in zip(options.names, options.params))  # type: ignore


def family_pair(family: str) -> "Callable[[Options], tuple[Distribution, Distribution]]":
    """Two members of a parametric family with symbolic parameters: ``mu_1, sigma_1`` and ``mu_2, sigma_2``."""

    def make(options: Options = Options()) -> tuple[Distribution, Distribution]:
        from derive.distributions.registry import family as lookup

        cls = lookup(family)
        names = [attribute for attribute, _, _ in cls.parameters]
        return tuple(cls(*(sp.Symbol(f"{_GREEK.get(a, a)}_{j}") for a in names), name=name)  # type: ignore
                     for j, name in enumerate(options.names, 1))

    return make


_GREEK = {"mu": "mu", "sigma": "sigma", "rate": "lambda", "loc": "mu", "scale": "b", "concentration": "alpha",
          "low": "a", "high": "b"}

#: The pairs of distributions ``derive article --dist NAME`` knows.
DISTS = {"coin": article_coins, "categorical": categoricals, "categorical-n": categoricals_n,
         **{name: family_pair(name) for name in ("normal", "exponential", "laplace", "poisson", "geometric")}}


def render(derivation: Derivation, fmt: str, report: Report | None = None, options: Options = Options()) -> str:
    """The derivation as a document in format ``md``, ``tex`` or ``json``."""
    if fmt == "md":
        return render_markdown(derivation, report, options.notation, options.style)
    if fmt == "tex":
        return render_latex(derivation, report, options.notation, options.style)
    if fmt == "json":
        return render_proof(derivation, report, options.notation)
    raise RenderError(f"unknown format {fmt!r}; choose from md, tex, json")


#: What ``derive article --topic NAME`` derives: the article's relation, or the minimization argument.
TOPICS = ("relation", "minimization")
#: The distributions the minimization topic covers.
MINIMIZATION_DISTS = ("coin", "categorical", "categorical-n", "normal")


def derivations(topic: str, dist: str, options: Options = Options()) -> tuple[Derivation, ...]:
    """The derivations of ``topic`` for the pair of distributions ``dist``."""
    from derive.derivations import gibbs, kl_cross_entropy, logistic, minimize

    if topic not in TOPICS:
        raise DeriveError(f"unknown topic {topic!r}; choose from {', '.join(TOPICS)}")
    known = DISTS if topic == "relation" else MINIMIZATION_DISTS
    if dist not in known:
        raise DeriveError(f"unknown distribution {dist!r} for the {topic} topic; choose from {', '.join(known)}")
    P, Q = DISTS[dist](options)
    units = options.units
    if topic == "relation":
        return (kl_cross_entropy(P, Q, units=units),)
    if dist == "coin":
        return minimize(P, Q, units), gibbs(P, Q, units), logistic(P, units)
    if dist in ("categorical", "categorical-n"):
        return minimize(P, Q, units), gibbs(P, Q, units)
    return (minimize(P, Q, units),)


def article_documents(formats: tuple[str, ...] = ("md", "tex", "json"), options: Options = Options(),
                      dist: str = "coin", topic: str = "relation") -> tuple[dict[str, str], Report]:
    """``{file name: text}`` for the derivations of ``topic`` on ``dist``, and their verification report."""
    documents: dict[str, str] = {}
    results: list = []
    for derivation in derivations(topic, dist, options):
        report = derivation.verify()
        results.extend(report.results)
        stem = derivation.slug + ("" if options.style == "article" else f"-{options.style}")
        documents.update({f"{stem}.{fmt}": render(derivation, fmt, report, options) for fmt in formats})
    return documents, Report(tuple(results))
