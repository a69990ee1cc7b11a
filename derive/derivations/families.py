"""Cross-entropy = KL divergence + entropy for two members of a parametric family, with integrals (or infinite sums).

The script replays the article with integrals over the support instead of
finite sums (A: KL divergence written out and regrouped; B: the groups
recognised as cross-entropy and entropy, the relation rearranged), then takes
each measure to its closed form (C): the logarithm of the density is written
out term by term, the integral is split by linearity, constants come out, and
each remaining ``int P(x) g(x) dx`` is a named fact of P's family
(``E[X^2] = sigma^2 + mu^2``) or the total probability 1; named steps (combine the fractions and the
logarithms, complete the square, order the terms) then write each as references print it.  The closed
forms agree with :mod:`derive.closed_forms`, which computes them without any derivation.
"""

from __future__ import annotations

import sympy as sp

from derive.core import Chain, Derivation, Rewrite, Rule, Section
from derive.core.domain import Domain
from derive.core.functions import base_of
from derive.derivations.article import connect
from derive.distributions.measures import KL, UNITS, CrossEntropy, Entropy, Measure, Prob
from derive.distributions.parametric import Parametric
from derive.errors import DeriveError
from derive.core.strategies import TRAVERSALS
from derive.core.terms import add, factors_of, is_negative_term, neg, terms_of
from derive.rules import (absorb_constant, cancel, cancel_fraction, collect_terms, combine_fractions, combine_logs,
                          complete_the_square, distribute, expand_power, known_moment, log_density, log_quotient_split,
                          order_terms, pull_constant, regroup, split_integral, split_sum, unfold_definition)
from derive.rules.integrals import TOTAL, facts_used


def kl_closed_form(P: Parametric, Q: Parametric, units: str = "nats") -> Derivation:
    """Derive ``H(P, Q) = KL(P || Q) + H(P)`` for two members of one parametric family, then each measure's closed form.

    ``units`` is ``"nats"`` (natural logarithms) or ``"bits"`` (logarithms in base 2).
    """
    if units not in UNITS:
        raise DeriveError(f"units must be one of {', '.join(UNITS)}, got {units!r}")
    if not isinstance(P, Parametric) or type(Q) is not type(P):
        raise DeriveError(f"P and Q must belong to the same parametric family, got {type(P).__name__} "
                          f"and {type(Q).__name__}")
    if P.params == Q.params:
        raise DeriveError(f"{P.name} and {Q.name} are the same distribution ({P.family} with parameters "
                          f"{', '.join(sp.sstr(v) for v in P.params)}); their KL divergence is 0"
                          + (", and two uniform distributions on the same support are always the same"
                             if P.family == "uniform" else ""))
    if not P.same_outcomes(Q):
        raise DeriveError(f"{P.name} and {Q.name} must have the same support, got {P.support} and {Q.support}")
    base = UNITS[units]
    kl, ce, h = KL(P, Q, base), CrossEntropy(P, Q, base), Entropy(P, base)
    domain = P.domain.merge(Q.domain)
    inside = _with_support(domain, P)
    integral = "sum" if P.discrete else "integral"
    split = split_sum if P.discrete else split_integral
    where = f"for every {'k' if P.discrete else 'x'} in the support"

    kl_chain = (
        Chain(kl, intro="KL divergence weighs the log-ratio of the two densities by the true one."
              if not P.discrete else "KL divergence weighs the log-ratio of the two distributions by the true one.",
              domain=inside)
        .then(unfold_definition(KL), f"Start from the definition, an {integral} over the support of {P.name}."
              if integral == "integral" else f"Start from the definition, a sum over the support of {P.name}.")
        .then(log_quotient_split, "The logarithm of a quotient is the difference of the logarithms; "
              f"both {_kinds(P)} are positive {where}, so the split is valid.")
        .then(distribute, "Multiply the bracket out.")
        .then(split, f"The {integral} of a difference is the difference of the {integral}s.")
        .then(regroup(("Term 1", _logs_of(Q)), ("Term 2", _logs_of(P))),
              "Put the term with the logarithm of the model's density in Term 1 "
              "and the term with the logarithm of the true density in Term 2.")
    )
    link_chain, rearranged = connect(kl, ce, h, kl_chain.current, domain,
                                     "Compare the two terms with the definitions of cross-entropy and entropy.")

    ce_chain = _closed_form(ce, inside, P, f"Cross-entropy: the expected value, under {P.name}, of minus the "
                            f"logarithm of {Q.name}'s {_kind(Q)}.")
    h_chain = _closed_form(h, inside, P, f"Entropy: the same expectation with {P.name}'s own {_kind(P)}.")
    kl_closed = _closed_form(kl, inside, P, "KL divergence: the expected log-ratio, taken to its closed form the "
                             "same way.")
    noun, plural = _noun(P)
    return Derivation(
        title=f"KL divergence, cross-entropy and entropy of two {plural}",
        intro=(f"Two {plural}: {P.name} is the true one and {Q.name} the model's. "
               f"We derive, one checked step at a time, that cross-entropy equals KL divergence plus entropy, "
               f"with {integral}s over the support in place of the article's finite sums, and then take each "
               "measure to its closed form, using only named facts about the family "
               f"({_fact_list(P)}). Because the entropy of {P.name} does not depend on {Q.name}, "
               f"minimising cross-entropy over {Q.name} minimises the KL divergence."
               + (" Every logarithm here is in base 2, so the measures are in bits." if units == "bits" else "")),
        sections=(
            Section(f"A. KL divergence, written as an {integral}" if integral == "integral"
                    else "A. KL divergence, written as a sum", (kl_chain,)),
            Section("B. Putting the pieces together", (link_chain, rearranged)),
            Section("C. Closed forms", (ce_chain, h_chain, kl_closed),
                    intro=f"Each measure is an expectation under {P.name}. Writing the logarithm of the "
                          f"{_kind(P)} out turns it into a combination of expectations that the {noun} family "
                          "is known to have."),
        ),
        distributions=(P, Q),
        statement=sp.Eq(ce, add(kl, h), evaluate=False),
        slug=f"kl-cross-entropy-{P.family}" + ("" if units == "nats" else f"-{units}"),
        units=units,
    )


def _closed_form(measure: Measure, domain: Domain, P: Parametric, intro: str) -> Chain:
    """``measure`` from its definition to its closed form, skipping the rules that have nothing to do."""
    split = split_sum if P.discrete else split_integral
    integral = "sum" if P.discrete else "integral"
    chain = Chain(measure, intro=intro, domain=domain).then(unfold_definition(type(measure)), "Its definition:")
    if isinstance(measure, KL):
        chain = chain.then(log_quotient_split, "Split the logarithm of the quotient.")
    chain = chain.then(log_density, f"Write out the logarithm of each {_kind(P)} term by term.")
    chain = chain.maybe(expand_power, "Multiply out the square.")
    chain = chain.maybe(distribute, "Multiply every bracket out.")
    chain = chain.maybe(split, f"Split the {integral} into one {integral} per term.")
    chain = chain.maybe(pull_constant, f"Take the constants out of each {integral}.")
    names = [name if name == TOTAL else f"the {P.family} {name}" for name, _, _, _ in facts_used(chain.current)]
    chain = chain.then(known_moment, f"Replace each expectation under {P.name} by its known value: "
                       f"{_words(names)}.")
    if _brackets(chain.current):
        chain = chain.maybe(collect_terms, "Multiply the brackets out and collect the terms.")
        return _shaped(chain, _TIDY)
    return _shaped(chain, _SHAPING)


#: The steps that take the known values to the form references print, each taken only where it applies.
_SHAPING: tuple[tuple[Rule, str], ...] = (
    (cancel_fraction, "Cancel the common factors."),
    (combine_fractions, "Put the fractions over a common denominator and add up the numerators."),
    (cancel, "Cancel the terms that appear with opposite signs."),
    (combine_logs, "Combine the logarithms into the logarithm of a quotient."),
    (complete_the_square, "Complete the square."),
    (absorb_constant, "Write the constant as the logarithm of a power of e and combine the logarithms."),
    (order_terms, "Write the logarithms first and the constant last, as references do."),
)
#: After ``collect-terms`` (a family whose known values came in brackets): only what keeps it collected.
_TIDY: tuple[tuple[Rule, str], ...] = tuple((rule, note) for rule, note in _SHAPING
                                            if rule in (combine_logs, order_terms))


def _shaped(chain: Chain, rules: tuple[tuple[Rule, str], ...]) -> Chain:
    """``chain`` continued by each rule of ``rules`` that matches (and is not refused) in turn."""
    for rule, note in rules:
        if isinstance(TRAVERSALS[rule.scope](rule, chain.current, chain.domain), Rewrite):
            chain = chain.then(rule, note)
    return chain


def _brackets(expr: sp.Basic) -> bool:
    """True when a term of ``expr`` multiplies a bracket by something other than a fraction's denominator
    (``(alpha_1 - 1) [digamma(alpha_1) - log(beta_1)]``): such known values are multiplied out and collected."""
    for term in terms_of(expr):
        factors = factors_of(neg(term) if is_negative_term(term) else term)
        if any(isinstance(f, sp.Add) for f in factors) and not any(
                isinstance(f, sp.Pow) and f.exp.is_Number and f.exp < 0 for f in factors):
            return True
    return False


def _with_support(domain: Domain, P: Parametric) -> Domain:
    """``domain`` with the bound variable placed inside the support (for the rules' positivity proofs).

    Only the rules see this domain; the verifier checks every step on the
    parameters' domain alone, where the variable is bound by its integral.
    """
    if P.discrete:
        return domain
    lo, hi = P.bounds
    if not (lo.is_number and hi.is_number):
        return domain
    return domain.merge(Domain(((P.variable, sp.Interval.open(lo, hi)),)))


def _logs_of(d: Parametric):
    """A selector for terms with ``log d(x)`` in them."""

    def accepts(term: sp.Basic) -> bool:
        return any(base_of(f) is not None and isinstance(f.args[0], Prob) and f.args[0].dist == d
                   for f in sp.preorder_traversal(term))

    return accepts


def _words(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _fact_list(P: Parametric) -> str:
    return ", ".join(f.name for f in P.moments)


def _kinds(d: Parametric) -> str:
    return "mass functions" if d.discrete else "densities"


def _kind(d: Parametric) -> str:
    return "mass function" if d.discrete else "density"


def _noun(P: Parametric) -> tuple[str, str]:
    words = P.description.split(" ", 1)[1]  # "a normal distribution" -> "normal distribution"
    family = words.rsplit(" ", 1)[0]
    return family, words + "s"


__all__ = ["kl_closed_form"]
