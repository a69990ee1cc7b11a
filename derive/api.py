"""Conveniences that tie the pieces together: the article's coins, display options, rendering."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp

from derive.core import Derivation, Report
from derive.distributions import Bernoulli, Distribution
from derive.distributions.categorical import Categorical
from derive.distributions.indexed import SymbolicCategorical
from derive.distributions.parametric import Parametric
from derive.distributions.registry import families
from derive.distributions.registry import family as lookup
from derive.errors import DeriveError
from derive.render.formats import in_all, output_format
from derive.render.printer import Notation


@dataclass(frozen=True)
class Options:
    """What a reader may choose: units, log command, document style, and the names used."""

    units: str = "nats"
    log: str = "log"
    style: str = "article"
    names: tuple[str, str] = ("P", "Q")
    params: tuple[str, str] = ("p", "q")
    outcomes: tuple[str, str] = ("H", "T")
    kl: str = "KL"

    @property
    def notation(self) -> Notation:
        return Notation(log="\\" + self.log, kl=KL_NAMES[self.kl])


#: How the KL divergence is written: ``\mathrm{KL}(P \Vert Q)`` or ``D_{\mathrm{KL}}(P \Vert Q)``.
KL_NAMES = {"KL": r"\mathrm{KL}", "D": r"D_{\mathrm{KL}}"}


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
    """Two members of a registered parametric family with symbolic parameters: ``mu_1, sigma_1`` and ``mu_2, sigma_2``.

    The letters are the family's (:attr:`~derive.distributions.parametric.Parametric.letters`: ``lambda`` for
    a rate, ``mu`` and ``b`` for the Laplace's location and scale, ...).
    """

    def make(options: Options = Options()) -> tuple[Distribution, Distribution]:
        cls = lookup(family)
        return tuple(cls.symbolic(j, name) for j, name in enumerate(options.names, 1))  # type: ignore

    return make


#: The pairs of distributions ``derive article --dist all`` writes (the documents in ``outputs/``).
DISTS = {"coin": article_coins, "categorical": categoricals, "categorical-n": categoricals_n,
         **{name: family_pair(name) for name in ("normal", "exponential", "laplace", "poisson", "geometric")}}


def pairs() -> dict[str, "Callable[[Options], tuple[Distribution, Distribution]]"]:
    """Every pair ``derive article --dist NAME`` knows: the shipped ones, then every registered parametric family."""
    return {**DISTS, **{name: family_pair(name) for name in families()
                        if name not in DISTS and issubclass(lookup(name), Parametric)}}


def render(derivation: Derivation, fmt: str, report: Report | None = None, options: Options = Options()) -> str:
    """The derivation as a document in the format called ``fmt`` (a key of ``derive.render.formats.RENDERERS``)."""
    return output_format(fmt).render(derivation, report, options.notation, options.style)


#: What ``derive article --topic NAME`` derives: the article's relation, or the minimization argument.
TOPICS = ("relation", "minimization")
#: The distributions the minimization topic covers.
MINIMIZATION_DISTS = ("coin", "categorical", "categorical-n", "normal")


def derivations(topic: str, dist: str, options: Options = Options()) -> tuple[Derivation, ...]:
    """The derivations of ``topic`` for the pair of distributions ``dist``."""
    from derive.derivations import gibbs, kl_cross_entropy, logistic, minimize

    if topic not in TOPICS:
        raise DeriveError(f"unknown topic {topic!r}; choose from {', '.join(TOPICS)}")
    known = pairs() if topic == "relation" else {name: DISTS[name] for name in MINIMIZATION_DISTS}
    if dist not in known:
        raise DeriveError(f"unknown distribution {dist!r} for the {topic} topic; choose from {', '.join(known)}")
    P, Q = known[dist](options)
    units = options.units
    if topic == "relation":
        return (kl_cross_entropy(P, Q, units=units),)
    if dist == "coin":
        return minimize(P, Q, units), gibbs(P, Q, units), logistic(P, units)
    if dist in ("categorical", "categorical-n"):
        return minimize(P, Q, units), gibbs(P, Q, units)
    return (minimize(P, Q, units),)


def article_documents(formats: tuple[str, ...] | None = None, options: Options = Options(),
                      dist: str = "coin", topic: str = "relation",
                      progress: Callable[[Derivation, Report], None] | None = None) -> tuple[dict[str, str], Report]:
    """``{file name: text}`` for the derivations of ``topic`` on ``dist`` (by default the formats ``--format all``
    writes), and their verification report; ``progress`` is told of each derivation as soon as it is verified."""
    formats = in_all() if formats is None else formats
    documents: dict[str, str] = {}
    results: list = []
    for derivation in derivations(topic, dist, options):
        report = derivation.verify()
        results.extend(report.results)
        if progress is not None:
            progress(derivation, report)
        stem = derivation.slug + ("" if options.style == "article" else f"-{options.style}")
        documents.update({stem + output_format(fmt).suffix: render(derivation, fmt, report, options)
                          for fmt in formats})
    return documents, Report(tuple(results))
