"""The founding example: cross-entropy = KL divergence + entropy, for two coins (or any finite distributions).

The script replays the article's derivation in its order: (A) KL divergence
from its definition to two groups of terms, (B) cross-entropy and entropy from
theirs, (C) the groups recognised as those measures, the relation rearranged,
and a final chain that proves ``KL(P||Q) - H(P, Q) + H(P) = 0`` from scratch.
The prose is derive's own.
"""

from __future__ import annotations

import sympy as sp

from derive.core import Chain, Derivation, Section
from derive.core.domain import Domain
from derive.distributions.base import Distribution
from derive.core.prose import Text, say
from derive.distributions.measures import ANY_BASE, KL, UNITS, CrossEntropy, Entropy, Prob
from derive.errors import DeriveError
from derive.rules import (cancel, combine_sums, distribute, expand_finite_sum, fold_definition, log_quotient_split,
                          rearrange, recognise_definition, regroup, split_sum, substitute, sum_of_zero,
                          unfold_definition)
from derive.core.functions import base_of
from derive.core.terms import add, neg


def kl_cross_entropy(P: Distribution, Q: Distribution, units: str = "nats") -> Derivation:
    """Derive ``H(P, Q) = KL(P || Q) + H(P)`` step by step for two distributions on the same outcomes.

    ``units`` is ``"nats"`` (natural logarithms) or ``"bits"`` (logarithms in base 2).
    """
    if units not in UNITS and units != "any":
        raise DeriveError(f"units must be one of {', '.join(UNITS)}, any, got {units!r}")
    base = UNITS.get(units, ANY_BASE)
    _check_pair(P, Q)
    noun, plural = _NOUNS.get(P.family, (f"{P.family} distribution", f"{P.family} distributions"))
    domain = P.domain.merge(Q.domain)
    if units == "any":
        domain = domain.merge(Domain(((ANY_BASE, sp.Interval.open(1, sp.oo)),)))
    kl, ce, h = KL(P, Q, base), CrossEntropy(P, Q, base), Entropy(P, base)

    finite = bool(P.outcomes)

    def start(subject: sp.Basic, intro: str = "") -> Chain:
        return Chain(subject, intro=intro, domain=domain)

    def expand(chain: Chain, note: str) -> Chain:
        """Write a finite sum out; a sum over a symbolic range stays a sum."""
        return chain.then(expand_finite_sum, note) if finite else chain

    kl_chain = (
        start(kl, "KL divergence weighs, outcome by outcome, the log-ratio of the two distributions by the true probability.")
        .then(unfold_definition(KL), f"Start from the definition, a sum over the outcomes of the {noun}.")
    )
    kl_chain = (
        expand(kl_chain, f"There are {_count(P)} outcomes, so the sum has {_count(P)} terms.")
        .then(substitute, say("Put in the probabilities, ", *_values(P), " and ", *_values(Q), "."))
        .then(log_quotient_split, "The logarithm of a quotient is the difference of the logarithms; "
              "both the numerator and the denominator are positive here, so the split is valid.")
        .then(distribute, "Multiply each bracket out.")
    )
    if not finite:
        kl_chain = kl_chain.then(split_sum, "The sum of a difference is the difference of the sums.")
    kl_chain = (
        kl_chain.then(regroup(("Term 1", _logs_of(Q)), ("Term 2", _logs_of(P))),
              "Collect the terms with a logarithm of the model's probabilities in Term 1, "
              "and those with a logarithm of the true probabilities in Term 2.")
    )
    ce_chain = (
        start(ce, "Cross-entropy is the expected code length for outcomes of P under a code built for Q.")
        .then(unfold_definition(CrossEntropy), "Its definition is again a sum over the outcomes.")
    )
    ce_chain = (
        expand(ce_chain, "Write out one term per outcome.")
        .then(substitute, "Substitute the probabilities. The result is exactly Term 1 of the KL derivation.")
    )
    h_chain = (
        start(h, "Entropy is the same expectation when the code is built for P itself.")
        .then(unfold_definition(Entropy), "Its definition:")
    )
    h_chain = (
        expand(h_chain, "Write out one term per outcome.")
        .then(substitute, say("Substitute the probabilities. Term 2 of the KL derivation is this expression with "
                              "every sign flipped, that is, Term 2 is ", neg(h), "."))
    )
    link_chain, rearranged = connect(kl, ce, h, kl_chain.current, domain,
                                     "Return to the grouped form of the KL divergence from part A.")
    proof = (
        start(add(kl, neg(ce), h), "As a last check, prove the relation in one chain, from the definitions alone.")
        .then(unfold_definition(), "Unfold all three measures.")
    )
    proof = (
        expand(proof, "Write out every sum.")
        .then(substitute, "Substitute the probabilities.")
        .then(log_quotient_split, "Split the logarithms of quotients.")
        .then(distribute, "Multiply out every bracket.")
    )
    if finite:
        proof = proof.then(cancel, "Every term meets its negative, and the sum vanishes.")
    else:
        proof = (
            proof.then(combine_sums, "The three sums run over the same range; combine them into one.")
            .then(cancel, "Inside the sum every term meets its negative.", at="everywhere")
            .then(sum_of_zero, "What is left is a sum of zeros.")
        )
    return Derivation(
        title=f"KL divergence, cross-entropy and entropy of two {plural}",
        intro=_intro(P, Q, plural, units),
        sections=(
            Section("A. KL divergence, written out", (kl_chain,)),
            Section("B. Cross-entropy and entropy, written out", (ce_chain, h_chain)),
            Section("C. Putting the pieces together", (link_chain, rearranged, proof)),
        ),
        distributions=(P, Q),
        statement=sp.Eq(ce, add(kl, h), evaluate=False),
        slug=f"kl-cross-entropy-{_SLUG.get(P.family, P.family)}" + {"nats": "", "any": "-any-base"}.get(units, f"-{units}"),
        units=units,
    )


def _intro(P: Distribution, Q: Distribution, plural: str, units: str) -> Text:
    """What the derivation shows, and in which unit."""
    unit = {"bits": " Every logarithm here is in base 2, so the measures are in bits.",
            "any": (" Every logarithm here is in an arbitrary base ", sp.StrictGreaterThan(ANY_BASE, 1, evaluate=False),
                    ": the relation holds in every unit.")}.get(units, "")
    return say(f"Two {plural}: {P.name} is the true one and {Q.name} the model's. "
               "We derive, one checked step at a time, that cross-entropy equals KL divergence plus entropy. "
               f"Because the entropy of {P.name} does not depend on {Q.name}, minimising cross-entropy over "
               f"{Q.name} minimises the KL divergence.", *((unit,) if isinstance(unit, str) else unit))


def _check_pair(P: Distribution, Q: Distribution) -> None:
    """The derivation takes the logarithm of every probability and separates P's terms from Q's: it needs every
    probability strictly positive and two different distributions (the closed forms handle the rest)."""
    for d in (P, Q):
        for o in d.outcomes:
            if d.pmf(o).is_zero:
                raise DeriveError(f"{d.name}({o.name}) = 0: the derivation takes the logarithm of every probability, "
                                  "so each must lie strictly between 0 and 1; derive.entropy, derive.cross_entropy "
                                  "and derive.kl take boundary values (with 0 log 0 = 0)")
    if P.params == Q.params:
        raise DeriveError(f"{P.name} and {Q.name} are the same distribution (parameters "
                          f"{', '.join(sp.sstr(v) for v in P.params)}); their KL divergence is 0")


def connect(kl: KL, ce: CrossEntropy, h: Entropy, grouped: sp.Basic, domain, intro: str) -> tuple[Chain, Chain]:
    """From KL as Term 1 + Term 2 to ``KL = H(P, Q) - H(P)``, then ``H(P, Q) = KL + H(P)``."""
    link = (
        Chain(kl, start=grouped, domain=domain, intro=intro)
        .then(recognise_definition(ce, h), "Term 1 is the cross-entropy; Term 2, with a minus sign taken out, "
              "is the entropy.")
        .then(fold_definition(ce, h), "Fold each group back into the measure it spells out.")
    )
    rearranged = Chain(None, start=sp.Eq(kl, link.current, evaluate=False), domain=domain).then(
        rearrange, "Move the entropy to the left-hand side: cross-entropy is KL divergence plus entropy.")
    return link, rearranged


_NOUNS = {"bernoulli": ("coin", "coins"), "categorical": ("categorical distribution", "categorical distributions"),
          "categorical-n": ("categorical distribution", "categorical distributions with n outcomes")}
_SLUG = {"bernoulli": "coin"}
_NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def _count(d: Distribution) -> str:
    k = len(d.outcomes)
    return _NUMBERS.get(k, str(k))


def _values(d: Distribution) -> tuple[str | sp.Basic, ...]:
    """``P(H) = p, P(T) = 1 - p`` as prose parts."""
    outcomes = d.outcomes or (d.variable,)
    equations = [sp.Eq(Prob(d, o), d.pmf(o), evaluate=False) for o in outcomes]
    return tuple(part for k, e in enumerate(equations) for part in ((", ",) if k else ()) + (e,))


def _logs_of(d: Distribution):
    """A selector for terms with a logarithm of one of ``d``'s probabilities anywhere in them."""
    values = {d.pmf(o) for o in d.outcomes} if d.outcomes else {d.pmf(d.variable)}

    def accepts(term: sp.Basic) -> bool:
        return any(base_of(f) is not None and f.args[0] in values for f in sp.preorder_traversal(term))

    return accepts
