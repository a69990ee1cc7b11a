"""The domain a link is judged on: symbols positive where both sides take their logarithm, a family's variable in
its support, reals (a sigma positive) where nothing places a symbol, and what would settle an unknown link."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.check import Options, check_text
from derive.check.domains import natural_verdict, where_logged
from derive.core import Status, Verdict
from derive.core.domain import Domain

x, y, lam = sp.symbols("x y lambda")
POSITIVE = sp.Interval.open(0, sp.oo)
REAL = sp.Symbol("r", real=True)


@pytest.mark.parametrize(("domain", "a", "b", "expected"), [
    # a symbol whose logarithm both sides take: positive, the domain's other intervals kept
    (Domain(), y * sp.log(x), sp.log(x), {x: POSITIVE}),
    (Domain(), sp.log(REAL), 2 * sp.log(REAL), {REAL: POSITIVE}),
    (Domain.of(x=sp.Interval(-5, -1)), sp.log(y), sp.log(y), {x: sp.Interval(-5, -1), y: POSITIVE}),
    (Domain(), sp.log(x) * y, sp.log(x) + sp.log(y), {x: POSITIVE}),  # y's logarithm is on one side only
    # a logarithm on one side only, or of something other than a lone symbol: nothing
    (Domain(), sp.log(x / y), sp.log(x) - sp.log(y), None),
    (Domain(), sp.log(x) + sp.log(y), sp.log(x * y), None),
    (Domain(), sp.log(x + 1), sp.log(x + 1), None),
    (Domain(), sp.log(lam**2), 2 * sp.log(lam), None),
    # a symbol already positive, placed by the domain, bound by a sum, or never positive
    (Domain(), sp.log(sp.Symbol("a", positive=True)), sp.log(sp.Symbol("a", positive=True)), None),
    (Domain.of(x=sp.Interval(-5, 5)), sp.log(x), sp.log(x), None),
    (Domain(), sp.Sum(sp.log(x), (x, 1, 3)), sp.Sum(sp.log(x), (x, 1, 3)), None),
    (Domain(), sp.log(sp.Symbol("z", imaginary=True)), sp.log(sp.Symbol("z", imaginary=True)), None),
    (Domain(), sp.log(sp.Symbol("n", negative=True)), sp.log(sp.Symbol("n", negative=True)), None),
], ids=["loose", "real", "kept", "common", "one-side", "product", "shifted", "power", "positive",
        "placed", "bound", "imaginary", "negative"])
def test_where_logged_makes_positive_the_symbols_both_sides_log(domain: Domain, a: sp.Basic, b: sp.Basic,
                                                                expected: dict | None) -> None:
    found = where_logged(domain, a, b)
    assert (None if found is None else dict(found.intervals)) == expected


@pytest.mark.parametrize(("status", "natural", "domain", "reason"), [
    (Status.PROVED, Domain.of(x=POSITIVE), Domain(), "by algebra, wherever the sides are real numbers (x > 0)"),
    (Status.PROVED, Domain.of(x=POSITIVE, y=POSITIVE), Domain.of(y=POSITIVE),
     "by algebra, wherever the sides are real numbers (x > 0)"),  # only what the natural domain adds
    (Status.UNKNOWN, Domain.of(y=POSITIVE, x=POSITIVE), Domain(),
     "by algebra, wherever the sides are real numbers (x, y > 0)"),  # by name
])
def test_natural_verdict_says_where_the_proof_holds(status: Status, natural: Domain, domain: Domain,
                                                    reason: str) -> None:
    verdict = natural_verdict(Verdict(status, "by algebra"), natural, domain)
    assert (verdict.status, verdict.reason) == (status, reason)


#: (document, status of its last entry, its reason as written, or the words it starts or ends with: "..." marks
#: where the rest is cut).
DOCUMENTS = [
    # a logarithm of a lone symbol nothing places: the identity holds where it is positive, which nothing says
    ("$$\\log(a/b) = \\log a - \\log b$$\n", "unknown",
     "holds where a, b > 0 (each is the argument of a logarithm), which nothing states"),
    ("$$\\log(a^2) = 2 \\log a$$\n", "unknown",
     "holds where a > 0 (each is the argument of a logarithm), which nothing states"),
    ("Let $a > 0$.\n\n$$\\log(a b) = \\log a + \\log b$$\n", "unknown",
     "holds where b > 0 (each is the argument of a logarithm), which nothing states"),
    ("$$\\log(a/b) = \\log a + \\log b$$\n", "refuted", "the sides are ..."),  # never hides an error
    # both sides log the same symbol: proved wherever they are real numbers
    ("$$\\log \\lambda + \\log(\\lambda^3) = 4 \\log \\lambda$$\n", "proved", ""),
    ("$$\\log \\lambda + \\log(\\lambda^3) = 3 \\log \\lambda$$\n", "refuted", "the sides are ..."),
    # an identity that needs its loose symbols positive says so, and how to state it
    ("$$\\sqrt{a^2} = a$$\n", "unknown", "proved only if a > 0, which nothing states (add --assume \"a > 0\")"),
    ("$$(x^a)^b = x^{a b}$$\n", "unknown",
     "proved only if a, b, x > 0, which nothing states (add --assume \"a, b, x > 0\")"),
    ("$$\\sqrt{x_i^2} = x_i$$\n", "unknown", "proved only if x_{i} > 0, which nothing states..."),
    # ... and when positivity would not settle it, that the symbols have no domain
    ("$$\\sin(\\pi k) = 0$$\n", "unknown", "...; k has no stated domain"),
    ("$$\\log(a b) = \\log a + \\log b + c$$\n", "unknown", "...; a, b, c have no stated domain"),
    # the labels of data are no numbers: the verifier's reason alone
    ("$$\\sum_{i=1}^n \\sqrt{x_i^2} = \\sum_{i=1}^n x_i$$\n", "unknown",
     "equal at 6 sample points, but not proved symbolically"),
    # a symbol nothing places is real; a sigma is positive (a standard deviation)
    ("$$\\frac{e^u}{1 + e^u} = \\frac{1}{1 + e^{-u}}$$\n", "proved", ""),
    ("$$\\frac{e^u}{1 + e^u} = \\frac{1}{1 - e^{-u}}$$\n", "refuted", "the sides are ..."),
    ("$$\\sqrt{\\sigma^2} = \\sigma$$\n", "proved", ""),
    ("$$\\sqrt{\\sigma_1^2} = \\sigma_1$$\n", "proved", ""),
    ("$$\\sqrt{\\hat\\sigma^2} = \\hat\\sigma$$\n", "proved", ""),
    ("$$\\sqrt{\\sigma^2} = -\\sigma$$\n", "refuted", "the sides are ..."),
    ("$$\\sqrt{s^2} = s$$\n", "unknown", "proved only if s > 0..."),
    # the variable of a declared family, beside its pmf, lies in the family's support (k = 0, 1, 2, ...)
    ("$P = \\mathrm{Poisson}(\\lambda)$\n\n$$P(k) \\cos(\\pi k)^2 = P(k)$$\n", "proved", ""),
    ("$P = \\mathrm{Poisson}(\\lambda)$\n\n$$P(k) \\sin(\\pi k) = 0$$\n", "proved", ""),
    ("$P = \\mathrm{Poisson}(\\lambda)$\n\n$$\\cos(\\pi k)^2 = 1$$\n", "unknown", "...; k has no stated domain"),
]


@pytest.mark.parametrize(("document", "status", "reason"), DOCUMENTS)
def test_a_link_is_judged_on_the_domain_its_symbols_have(document: str, status: str, reason: str) -> None:
    entry = check_text(document).entries[-1]
    assert (entry.kind, entry.status) == ("claim", status), entry
    if reason.startswith("..."):
        assert entry.reason.endswith(reason[3:]), entry.reason
    elif reason.endswith("..."):
        assert entry.reason.startswith(reason[:-3]), entry.reason
    else:
        assert entry.reason == reason


def test_the_stated_positivity_settles_the_logarithm_rule() -> None:
    document = "$$\\log(a/b) = \\log a - \\log b$$\n"
    assert [e.status for e in check_text(document, options=Options(assume=("a, b > 0",))).entries] == ["proved"]
    assert [e.status for e in check_text(document, options=Options(assume=("a > 0",))).entries] == ["unknown"]


@pytest.mark.parametrize(("pmf", "status", "counterexample"), [
    ("\\frac{\\lambda^k e^{-\\lambda}}{k!}", "definition", ()),
    ("\\frac{\\lambda^k e^{-\\lambda}}{(k+1)!}", "refuted", (("k", "1"), ("lambda", "4/5"))),  # at an outcome
])
def test_a_plain_k_beside_p_of_k_is_the_family_s_variable(pmf: str, status: str, counterexample: tuple) -> None:
    entry = check_text(f"$P = \\mathrm{{Poisson}}(\\lambda)$\n\n$$P(k) = {pmf}$$\n").entries[-1]
    assert (entry.status, entry.counterexample) == (status, counterexample)
