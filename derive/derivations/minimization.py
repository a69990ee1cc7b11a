"""The article's conclusion, proved: minimising cross-entropy over Q minimises KL, and the minimum is at Q = P.

For each family the script derives (A) that the gradients of cross-entropy
and KL divergence with respect to every parameter of Q are equal (H(P) does
not depend on Q), (B) the gradient itself, (C) its unique zero, (D) that the
zero is a minimum (a positive second derivative, or a Lagrange multiplier
for the categorical's constraint), and (E) that there KL = 0 and H(P, Q) =
H(P).  Gibbs' inequality (:func:`gibbs`) shows that no Q does better.
"""

from __future__ import annotations

import sympy as sp

from derive.core import Chain, Derivation, Section
from derive.core.constraints import Member
from derive.core.domain import Domain
from derive.core.functions import Sigmoid
from derive.distributions.base import Distribution
from derive.distributions.bernoulli import Bernoulli
from derive.distributions.measures import KL, UNITS, CrossEntropy, Entropy, Prob
from derive.errors import DeriveError
from derive.rules import (cancel_fraction, collect_terms, split_sum, sum_of_zero, total_probability, common_denominator, derivative_constant_factor,
                          derivative_of_constant, derivative_of_log, derivative_of_rational, derivative_of_sum,
                          derivative_twice, distribute, expand_finite_sum, fold_definition, flip_log_quotient, log_le_linear,
                          log_of_one, positive_terms, quotient_of_equals, solve_for, substitute, unfold_definition,
                          use_result, zero_quotient, derivative_of_sigmoid, log_sigmoid, stable_softplus,
                          absorb_into_max, derivative_under_sum, derivative_of_entry, sum_of_delta,
                          pull_constant, substitute_solution)
from derive.core.system import System
from derive.core.prose import joined, say
from derive.derivations.phrases import eq, in_bits, minus, names_equal, positive, unit_interval
from derive.core.terms import add, mul, neg, replace
from derive.rules.calculus import d


def _check_units(units: str) -> sp.Basic:
    if units not in UNITS:
        raise DeriveError(f"units must be one of {', '.join(UNITS)}, got {units!r}")
    return UNITS[units]


def _G(x: sp.Basic) -> sp.Basic:
    return sp.Function("g")(x)


def _tangent(x: sp.Basic) -> sp.Basic:
    """``log x <= x - 1``."""
    return sp.LessThan(sp.log(x, evaluate=False), minus(x, 1), evaluate=False)


def _entry(x: sp.Basic) -> sp.Basic:
    """``q_i`` of the family of the entry ``x = q_j``."""
    return x.base[sp.Symbol("i")] if isinstance(x, sp.Indexed) else x


def _indexeq(x: sp.Basic) -> sp.Basic:
    """``i = j`` for the entry ``x = q_j``."""
    return eq(sp.Symbol("i"), x.indices[0]) if isinstance(x, sp.Indexed) else eq(sp.Symbol("i"), x)


_a, _b = sp.symbols("a b", positive=True)
_FLIP = sp.Eq(sp.log(_a / _b, evaluate=False), sp.Mul(-1, sp.log(_b / _a, evaluate=False), evaluate=False),
              evaluate=False)  # log(a/b) = -log(b/a)
_ONE_LESS_ONE = sp.Eq(sp.Add(1, -1, evaluate=False), 0, evaluate=False)  # 1 - 1 = 0


def same_gradient(P: Distribution, Q: Distribution, x: sp.Basic, base: sp.Basic, domain: Domain) -> Chain:
    """``d/dx H(P, Q) = d/dx KL(P || Q)`` for a parameter ``x`` of ``Q``, from ``H(P, Q) = KL + H(P)``."""
    kl, ce, h = KL(P, Q, base), CrossEntropy(P, Q, base), Entropy(P, base)
    return (
        Chain(d(ce, x), intro=say("Differentiate both sides of the relation with respect to ", x, "."),
              domain=domain)
        .then(use_result(ce, add(kl, h)), "Cross-entropy is KL divergence plus entropy (the relation derived "
              "in the companion derivation).")
        .then(derivative_of_sum, "Differentiate term by term.")
        .then(derivative_of_constant, f"The entropy of {P.name} does not involve {Q.name}'s parameters, so its "
              "derivative is zero.")
    )


def coin(P: Distribution, Q: Distribution, units: str = "nats") -> Derivation:
    """Minimising ``H(P, Q)`` over the model coin's ``q``: the same gradient as KL, a unique minimum at ``q = p``."""
    base = _check_units(units)
    (q,) = Q.params
    (p,) = P.params
    domain = P.domain.merge(Q.domain)
    kl, ce = KL(P, Q, base), CrossEntropy(P, Q, base)

    gradient = (
        Chain(d(ce, q), intro="Now compute the gradient itself, from the definition of cross-entropy.", domain=domain)
        .then(unfold_definition(CrossEntropy), "Write cross-entropy out from its definition.")
        .then(expand_finite_sum, "One term per outcome.")
        .then(substitute, say("Substitute ", eq(Prob(P, P.outcomes[0]), p), ", ", eq(Prob(Q, Q.outcomes[0]), q),
                              " and their complements."))
        .then(derivative_of_sum, "Differentiate term by term.")
        .then(derivative_constant_factor, say("The factors ", p, " and ", minus(1, p), " do not depend on ", q, "."))
        .then(derivative_of_log, "Differentiate each logarithm by the chain rule.")
        .then(derivative_of_rational, say("Differentiate ", q, " and ", minus(1, q), "."))
    )
    first = gradient.current
    gradient = gradient.then(common_denominator, say("Over a common denominator, the terms in ", mul(p, q),
                                                      " cancel."))
    stationary = (
        Chain(None, start=sp.Eq(d(ce, q), 0, evaluate=False), domain=domain, hypothesis=True,
              intro=say("At a minimum inside the interval ", unit_interval(q), " the gradient vanishes."))
        .then(use_result(d(ce, q), gradient.current), "Put in the gradient found above.", relation="iff")
        .then(zero_quotient, say("The denominator ", mul(q, minus(1, q)), " is positive, so only the numerator "
                                 "can vanish."))
        .then(solve_for(q), say("Solve for ", q, ": there is one solution."))
    )
    second = (
        Chain(sp.Derivative(ce, (q, 2)), domain=domain,
              intro="The second derivative decides whether the stationary point is a minimum.")
        .then(derivative_twice(first), "Differentiate the gradient once more.")
        .then(derivative_of_sum, "Term by term.")
        .then(derivative_constant_factor, "Constants come out.")
        .then(derivative_of_rational, "Differentiate the two quotients.")
        .then(positive_terms, say("Both terms are positive for every ", unit_interval(q), "."), relation=">")
    )
    return Derivation(
        title="Minimising cross-entropy over a model coin",
        intro=say(f"{P.name} is the true coin and {Q.name} the model. Training adjusts ", q, " to make the "
                  "cross-entropy ", ce, " small. Here we prove that this is the same as making the KL divergence "
                  "small, and that the best model is the truth itself, ", q, " equal to ", p, ", where the KL divergence "
                  "is 0.", in_bits(units)),
        sections=(
            Section("A. The same gradient", (same_gradient(P, Q, q, base, domain),),
                    outro="Any method that follows the gradient of cross-entropy therefore follows the gradient "
                          "of the KL divergence."),
            Section("B. The gradient", (gradient,)),
            Section("C. The stationary point", (stationary,)),
            Section("D. A minimum", (second,),
                    outro=say("The cross-entropy is strictly convex in ", q, " on the whole interval, so its only "
                              "stationary point is its unique minimum.")),
            Section("E. The value at the minimum", at_minimum(P, base, domain)),
        ),
        distributions=(P, Q),
        statement=sp.Eq(d(ce, q), d(kl, q), evaluate=False),
        slug="minimization-coin" + ("" if units == "nats" else f"-{units}"),
        units=units,
    )


def at_minimum(P: Distribution, base: sp.Basic, domain: Domain) -> tuple[Chain, ...]:
    """At ``Q = P``: ``KL(P || P) = 0`` and ``H(P, P) = H(P)``."""
    kl = (
        Chain(KL(P, P, base), intro=f"Put {P.name} in place of the model: the KL divergence vanishes.", domain=domain)
        .then(unfold_definition(KL), "The definition.")
    )
    if P.outcomes:
        kl = kl.then(expand_finite_sum, "One term per outcome.")
    kl = (
        kl.then(quotient_of_equals, "Each ratio is a probability divided by itself.")
        .then(log_of_one, "The logarithm of 1 is 0.")
    )
    if not P.outcomes:
        kl = kl.then(sum_of_zero, "A sum of zeros.")
    ce = (
        Chain(CrossEntropy(P, P, base), intro=f"And the cross-entropy of {P.name} with itself is its entropy.",
              domain=domain)
        .then(unfold_definition(CrossEntropy), "The definition of cross-entropy, with the model equal to the truth,")
        .then(fold_definition(Entropy(P, base)), "is word for word the definition of entropy.")
    )
    return (kl, ce)


def gibbs(P: Distribution, Q: Distribution, units: str = "nats") -> Derivation:
    """Gibbs' inequality ``KL(P || Q) >= 0``, with equality only at ``Q = P``, from ``log x <= x - 1``."""
    base = _check_units(units)
    domain = P.domain.merge(Q.domain)
    kl = KL(P, Q, base)
    x = sp.Symbol("x", real=True)  # the lemma's domain says x > 0
    lemma = _tangent_lemma(x, domain)
    chain = (
        Chain(kl, intro="Start from the definition and turn every ratio upside down.", domain=domain)
        .then(unfold_definition(KL), "The definition of KL divergence.")
    )
    finite = bool(P.outcomes)
    if finite:
        chain = chain.then(expand_finite_sum, "One term per outcome.")
    chain = (
        chain.then(substitute, "Substitute the probabilities.")
        .then(flip_log_quotient, say(_FLIP, f": each term becomes minus a logarithm of {Q.name}'s "
                                     f"probability over {P.name}'s."))
        .then(log_le_linear, "By the lemma, each logarithm is at most its argument minus 1; under the minus sign "
              "the expression can only decrease.", relation=">=")
        .then(distribute, "Multiply the brackets out.")
        .then(cancel_fraction, f"{P.name}'s probability cancels in each ratio.")
    )
    if not finite:
        chain = chain.then(split_sum, "Split the sum.")
    if units != "nats":
        chain = chain.then(collect_terms if finite else pull_constant,
                           say("Take out the common factor ", sp.Pow(sp.log(2), -1, evaluate=False), "."))
    chain = chain.maybe(total_probability, "Each distribution's probabilities add up to 1.")
    if chain.current != 0:
        chain = chain.then(collect_terms, say(_ONE_LESS_ONE, "."))
    return Derivation(
        title=f"Gibbs' inequality: KL divergence is never negative ({_noun(P)})",
        intro=say(f"The KL divergence of {Q.name} from {P.name} is at least 0, and it is 0 only when ",
                  names_equal(Q, P),
                  ". So no model does better than the truth, and the minimum of cross-entropy over "
                  f"{Q.name}, ", sp.Eq(CrossEntropy(P, Q, base), add(kl, Entropy(P, base)), evaluate=False), ", is ",
                  Entropy(P, base), ", reached only at ", names_equal(Q, P), ".", in_bits(units)),
        sections=(
            Section(say("A. The lemma: ", _tangent(x)), lemma,
                    outro=say(sp.Symbol("g"), " is strictly convex with its only stationary point at ", eq(x, 1),
                              ", where it is 0: so ", sp.GreaterThan(_G(x), 0, evaluate=False), ", that is ",
                              _tangent(x), ", with equality only at ", eq(x, 1), ".")),
            Section("B. Gibbs' inequality", (chain,),
                    outro=say(f"Equality needs equality in every use of the lemma, that is every ratio of "
                              f"{Q.name}'s probability to {P.name}'s equal to 1: ", names_equal(Q, P), ".")),
            Section(say("C. Equality at ", names_equal(Q, P)), at_minimum(P, base, domain)[:1]),
        ),
        distributions=(P, Q),
        statement=sp.GreaterThan(kl, 0, evaluate=False),
        slug=f"gibbs-{_slug(P)}" + ("" if units == "nats" else f"-{units}"),
        units=units,
    )


def _tangent_lemma(x: sp.Symbol, domain: Domain) -> tuple[Chain, ...]:
    """``g(x) = x - 1 - log x``: ``g' = 1 - 1/x`` vanishes only at 1, ``g'' = 1/x^2 > 0``, ``g(1) = 0``."""
    domain = domain.merge(Domain(((x, sp.Interval.open(0, sp.oo)),)))
    g = add(x, sp.Integer(-1), sp.Mul(-1, sp.log(x, evaluate=False), evaluate=False))
    slope = (
        Chain(d(g, x), intro=say("Let ", eq(_G(x), g), " for ", positive(x), ". Its derivative:"), domain=domain)
        .then(derivative_of_sum, "Term by term.")
        .then(derivative_of_constant, say("The constant ", sp.Integer(-1), " has derivative 0."))
        .then(derivative_constant_factor, say("The factor ", sp.Integer(-1), " comes out."))
        .then(derivative_of_log, "The chain rule for the logarithm.")
        .then(derivative_of_rational, say("Differentiate ", x, " and the constant."))
    )
    flat = (
        Chain(None, start=sp.Eq(slope.current, 0, evaluate=False), domain=domain, hypothesis=True,
              intro=say("Where is ", sp.Symbol("g"), " flat?"))
        .then(solve_for(x), say("Only at ", eq(x, 1), "."))
    )
    curve = (
        Chain(d(slope.current, x), intro=say("Its second derivative is positive, so ", sp.Symbol("g"),
                                             " is strictly convex:"), domain=domain)
        .then(derivative_of_rational, "Differentiate.")
        .then(positive_terms, say("Positive for every ", positive(x), "."), relation=">")
    )
    at_one = (
        Chain(replace(g, {x: sp.Integer(1)}), intro=say("And at ", eq(x, 1), ":"), domain=domain)
        .then(log_of_one, "The logarithm of 1 is 0.")
        .then(collect_terms, say(_ONE_LESS_ONE, "."))
    )
    return slope, flat, curve, at_one


def _noun(P: Distribution) -> str:
    return {"bernoulli": "coins", "categorical": "categorical distributions",
            "categorical-n": "categorical distributions on n outcomes"}.get(P.family, P.family)


def _slug(P: Distribution) -> str:
    return {"bernoulli": "coin"}.get(P.family, P.family)


def logistic(P: Distribution, z: sp.Symbol | None = None, units: str = "nats") -> Derivation:
    """Binary cross-entropy of a logistic model ``q = sigma(z)``: its gradient ``sigma(z) - p`` and a stable form."""
    base = _check_units(units)
    z = z if z is not None else sp.Symbol("z", real=True)
    Q = Bernoulli(Sigmoid(z), name="Q", outcomes=tuple(o.name for o in P.outcomes))
    domain = P.domain.merge(Domain(((z, sp.Interval.open(-sp.oo, sp.oo)),)))
    ce = CrossEntropy(P, Q, base)
    (p,) = P.params
    s, u = Sigmoid(z), sp.Symbol("u")  # (only named in the prose)
    soft = sp.log(add(1, sp.exp(neg(z), evaluate=False)), evaluate=False)  # log(1 + e^(-z))
    loss = (
        Chain(ce, intro=say("The model predicts ", eq(Prob(Q, Q.outcomes[0]), s), " from a logit ", z,
                            ": the loss is the cross-entropy."),
              domain=domain)
        .then(unfold_definition(CrossEntropy), "The definition of cross-entropy.")
        .then(expand_finite_sum, "One term per outcome.")
        .then(substitute, say("Substitute ", eq(Prob(P, P.outcomes[0]), p), " and ",
                              eq(Prob(Q, Q.outcomes[0]), s), "."))
    )
    gradient = (
        Chain(d(ce, z), intro=say("Its derivative with respect to the logit ", z, ":"), domain=domain)
        .then(use_result(ce, loss.current), "Use the loss written out above.")
        .then(derivative_of_sum, "Term by term.")
        .then(derivative_constant_factor, "Constants come out.")
        .then(derivative_of_log, "The chain rule for the logarithm.")
        .then(derivative_of_sum, say("The derivative of ", minus(1, s), " is that of 1 minus that of ", s, "."))
        .then(derivative_of_constant, "The constant 1 has derivative 0.")
        .then(derivative_constant_factor, "The sign comes out.")
        .then(derivative_of_sigmoid, say(eq(sp.Derivative(s, z), mul(s, minus(1, s))), "."))
        .then(cancel_fraction, say("Cancel ", s, " in the first term and ", minus(1, s), " in the second."))
        .then(collect_terms, say("Multiply out: the terms ", mul(p, s), " cancel, and the gradient is the "
                                 "prediction minus the target."))
    )
    if units == "nats":
        stable_chain = (
            Chain(ce, start=loss.current, intro=say("For computing, the logarithms of ", s, " are a trap: ", s,
                                                    " rounds to 0 or 1 for large ", sp.Abs(z), ". Rewrite the loss "
                                                    "through ", soft, "."), domain=domain)
            .then(log_sigmoid, say(eq(sp.log(s, evaluate=False), neg(soft)), " and ",
                                   eq(sp.log(minus(1, s), evaluate=False), add(neg(z), neg(soft))), "."))
            .then(distribute, "Multiply out.")
            .then(collect_terms, "Collect the two logarithms: their coefficients add up to 1.")
            .then(stable_softplus, say("Keep the exponent below 0 whatever the sign of ", z, "."))
            .then(absorb_into_max, say(eq(add(z, sp.Max(neg(z), 0)), sp.Max(z, 0)),
                                       ": the form deep-learning libraries compute."))
        )
        sections = (Section("C. A numerically stable form", (stable_chain,),
                            outro=say("Every exponential in the last line is at most 1, so nothing overflows, and ",
                                      sp.log(add(1, u), evaluate=False), " for small ", u,
                                      " can be computed with log1p.")),)
    else:
        sections = ()
    return Derivation(
        title="Binary cross-entropy of a logistic model",
        intro=say("A logistic model predicts the coin's probability of heads from a real score ", z, ", the logit, "
                  "through ", eq(s, sp.Pow(add(1, sp.exp(neg(z), evaluate=False)), -1, evaluate=False)),
                  ". Training minimises the cross-entropy between the true coin "
                  f"{P.name} and the prediction; its gradient with respect to the logit turns out to be the "
                  "prediction minus the truth.", in_bits(units)),
        sections=(Section("A. The loss", (loss,)), Section("B. The gradient", (gradient,))) + sections,
        distributions=(P, Q),
        statement=sp.Eq(d(ce, z), gradient.current, evaluate=False),
        slug="minimization-logistic" + ("" if units == "nats" else f"-{units}"),
        units=units,
    )


def categorical(P: Distribution, Q: Distribution, units: str = "nats") -> Derivation:
    """Minimising ``H(P, Q)`` over ``Q``'s probabilities under the constraint that they sum to 1 (a Lagrange multiplier).

    Works for an explicit number of outcomes (one gradient per ``q_i``) and for
    a symbolic ``n`` (the gradient with respect to a generic entry ``q_j``).
    """
    base = _check_units(units)
    lam = sp.Symbol("lambda", real=True)  # no sign of its own: the domain of its chains says lambda > 0
    ce = CrossEntropy(P, Q, base)
    finite = bool(Q.outcomes)
    if finite:
        qs = tuple(Q.pmf(o) for o in Q.outcomes)
        total = add(*qs)
        domain = P.domain.merge(Q.domain)
        entries = qs
    else:
        j = sp.Symbol("j", integer=True, positive=True)
        i = Q.variable
        qs = (Q.base[j],)
        total = sp.Sum(Q.base[i], (i, 1, Q.n))
        domain = P.domain.merge(Q.domain, Domain(constraints=(Member(j, Q.n, every=True),)))
        entries = qs
    lagrangian = add(ce, mul(lam, add(total, sp.Integer(-1))))
    same = tuple(same_gradient(P, Q, x, base, domain) for x in entries)
    multiplier = domain.merge(Domain(((lam, sp.Interval.open(0, sp.oo)),)))
    gradients = tuple(_lagrangian_gradient(lagrangian, x, finite, multiplier) for x in entries)
    system = System(*(sp.Eq(d(lagrangian, x), 0, evaluate=False) for x in entries),
                    sp.Eq(total, 1, evaluate=False))
    stationary = (
        Chain(None, start=system, domain=multiplier, hypothesis=True,
              intro="At a minimum under the constraint, every partial derivative of the Lagrangian vanishes and "
                    "the constraint holds.")
        .then(use_result(*((c.subject, c.current) for c in gradients)), "Put in the gradients found above.", relation="iff")
        .then(solve_for(*entries), "Solve each for the model's probability.")
        .then(substitute_solution(*entries), say("Put the solutions into the constraint", *(
            ("; an entry ", Q.base[j], " stands for every ", Q.base[i], ", since ", j, " is any index.")
            if not finite else (".",))))
    )
    if not finite:
        stationary = stationary.then(pull_constant, say("Take ", sp.Pow(lam, -1, evaluate=False),
                                                        " out of the sum."), relation="iff")
    stationary = (
        stationary.then(solve_for(lam), "Solve for the multiplier.")
        .then(total_probability, f"{P.name}'s probabilities sum to 1.", relation="iff")
        .then(substitute_solution(lam), say("Put ", eq(lam, 1), " back: the model's probabilities are the "
                                            "true ones."))
    )
    which = ("every ", *joined(list(entries)).parts) if finite else \
        ("a generic entry ", Q.base[j], " (", j, " is any of ", sp.Integer(1), ", ..., ", Q.n, ")")
    return Derivation(
        title=f"Minimising cross-entropy over a categorical model{'' if finite else ' with n outcomes'}",
        intro=say(f"{P.name} is the true distribution and {Q.name} the model. Training adjusts {Q.name}'s "
                  "probabilities to make the cross-entropy small, but they must stay a distribution: they sum to 1. "
                  "We show that cross-entropy and KL divergence have the same gradient, and, with a Lagrange "
                  "multiplier ", lam, " for the constraint, that the only stationary point is ", names_equal(Q, P), ".",
                  in_bits(units)),
        sections=(
            Section("A. The same gradient", same,
                    intro=say("For ", *which, ", differentiate the relation ",
                              sp.Eq(ce, add(KL(P, Q, base), Entropy(P, base)), evaluate=False), ".")),
            Section("B. The gradient of the Lagrangian", gradients,
                    intro=say("The Lagrangian adds ", lam, " times the constraint to the cross-entropy.")),
            Section("C. The stationary point", (stationary,),
                    outro=say("Gibbs' inequality (", sp.GreaterThan(KL(P, Q, base), 0, evaluate=False),
                              ", with equality only at ", names_equal(Q, P), ") shows that this stationary point "
                              "is the "
                              "minimum: there the KL divergence is 0, and nowhere is it less.")),
            Section("D. The value at the minimum", at_minimum(P, base, domain)),
        ),
        distributions=(P, Q),
        statement=sp.Eq(d(ce, entries[0]), d(KL(P, Q, base), entries[0]), evaluate=False),
        slug=f"minimization-{_slug(P)}" + ("" if units == "nats" else f"-{units}"),
        units=units,
    )


def _lagrangian_gradient(lagrangian: sp.Basic, x: sp.Basic, finite: bool, domain: Domain) -> Chain:
    """``d/dx`` of ``H(P, Q) + lambda (sum q - 1)``, down to ``-p_x/q_x + lambda``."""
    chain = (
        Chain(d(lagrangian, x), domain=domain)
        .then(unfold_definition(CrossEntropy), "Write the cross-entropy out.")
    )
    if finite:
        chain = chain.then(expand_finite_sum, "One term per outcome.").then(substitute, "Substitute the probabilities.")
        return (
            chain.then(derivative_of_sum, "Differentiate term by term.")
            .then(derivative_of_constant, say("Only the terms with ", x, " depend on it."))
            .then(derivative_constant_factor, "Constants come out.")
            .then(derivative_of_log, "The chain rule for the logarithm.")
            .then(derivative_of_rational, say("The derivative of ", x, " is 1."))
        )
    return (
        chain.then(substitute, "Substitute the probabilities.")
        .then(derivative_of_sum, "Differentiate term by term.")
        .then(derivative_constant_factor, "Constants come out.")
        .then(derivative_of_sum, "Again term by term.")
        .then(derivative_of_constant, say("The constant ", sp.Integer(-1), " has derivative 0."))
        .then(derivative_under_sum, "Differentiate each sum term by term.")
        .then(derivative_constant_factor, "Constants come out.")
        .then(derivative_of_log, "The chain rule for the logarithm.")
        .then(derivative_of_entry, say(_entry(x), " changes with ", x, " only when ", _indexeq(x), "."))
        .then(sum_of_delta, say("Only the term ", _indexeq(x), " is left in each sum."))
    )


def parametric(P: Distribution, Q: Distribution, units: str = "nats") -> Derivation:
    """Minimising ``H(P, Q)`` over the parameters of ``Q`` for a parametric family (the Normal: mean and scale)."""
    from derive.derivations.families import kl_closed_form

    base = _check_units(units)
    domain = P.domain.merge(Q.domain)
    ce, kl = CrossEntropy(P, Q, base), KL(P, Q, base)
    closed = kl_closed_form(P, Q, units).sections[2].chains[0].current
    params = Q.params
    same = tuple(same_gradient(P, Q, x, base, domain) for x in params)
    gradients = tuple(_closed_gradient(ce, closed, x, domain) for x in params)
    stationary = (
        Chain(None, start=System(*(sp.Eq(d(ce, x), 0, evaluate=False) for x in params)), domain=domain,
              hypothesis=True, intro="At a minimum every partial derivative vanishes.")
        .then(use_result(*((c.subject, c.current) for c in gradients)), "Put in the gradients found above.", relation="iff")
        .then(zero_quotient, "The denominators are positive, so only the numerators can vanish.")
        .then(solve_for(params[0]), say("The first equation gives ", params[0], "."))
        .then(substitute_solution(params[0]), "Put it into the second.")
        .then(solve_for(params[1]), say(params[1], " is positive, so only the positive root is left."))
    )
    noun = {"normal": "Gaussian"}.get(P.family, P.family)
    return Derivation(
        title=f"Minimising cross-entropy over a {noun} model",
        intro=say(f"{P.name} is the true {noun} and {Q.name} the model, with parameters ", joined(list(params)),
                  ". We show that cross-entropy and KL divergence have the same "
                  f"gradient with respect to every parameter of {Q.name}, and that the only stationary point is ",
                  names_equal(Q, P), ", where the KL divergence is 0. The cross-entropy's closed form comes from the "
                  "companion derivation, where every step from the integral to it is checked.", in_bits(units)),
        sections=(
            Section("A. The same gradient", same),
            Section("B. The gradient", gradients),
            Section("C. The stationary point", (stationary,),
                    outro="Since the KL divergence is never negative (Gibbs' inequality) and is 0 at this point, the "
                          "stationary point is the minimum."),
            Section("D. The value at the minimum", at_minimum(P, base, domain)),
        ),
        distributions=(P, Q),
        statement=sp.Eq(d(ce, params[0]), d(kl, params[0]), evaluate=False),
        slug=f"minimization-{P.family}" + ("" if units == "nats" else f"-{units}"),
        units=units,
    )


def _closed_gradient(ce: sp.Basic, closed: sp.Basic, x: sp.Basic, domain: Domain) -> Chain:
    """``d/dx H(P, Q)`` through the closed form of the cross-entropy."""
    chain = (
        Chain(d(ce, x), domain=domain, intro=say("With respect to ", x, ":"))
        .then(use_result(ce, closed), "The closed form of the cross-entropy.")
        .then(derivative_of_sum, "Term by term.")
        .maybe(derivative_of_constant, say("The terms without ", x, " drop out."))
    )
    for rule, note in ((derivative_of_log, "The derivative of the logarithm."),
                       (derivative_of_rational, "Differentiate each quotient."),
                       (common_denominator, "Over a common denominator.")):
        chain = chain.maybe(rule, note)
    return chain
