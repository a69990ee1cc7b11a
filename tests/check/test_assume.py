"""Assumptions: the small language of bounds, SymPy relations, and how they narrow a domain."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Bernoulli
from derive.check.assume import Bound, Contradiction, from_relations, parse_assumption, restrict
from derive.check.errors import CheckError
from derive.core.domain import Domain
from derive.distributions.categorical import Categorical

p, q, a, b = sp.symbols("p q a b")
sigma_1, mu = sp.symbols("sigma_1 mu")
oo = sp.oo

#: (assumption, {symbol: (low, high)})
GOOD = [
    ("0 < p < 1", {p: (0, 1)}),
    ("0 < p, q < 1", {p: (0, 1), q: (0, 1)}),
    ("a, b > 0", {a: (0, oo), b: (0, oo)}),
    (r"\sigma_1 > 0", {sigma_1: (0, oo)}),
    (r"1 \ge p \geq 0", {p: (0, 1)}),
    ("0 <= p <= 1", {p: (0, 1)}),
    ("0 ≤ p ≤ 1", {p: (0, 1)}),
    (r"0 \lt p \lt \frac{1}{2}", {p: (0, sp.Rational(1, 2))}),
    ("p > 0.25", {p: (sp.Rational(1, 4), oo)}),
    ("-1 < a", {a: (-1, oo)}),
    (r"a < \infty", {a: (-oo, oo)}),
    (r"p \in (0, 1)", {p: (0, 1)}),
    (r"p \in \left[0, 1\right]", {p: (0, 1)}),
    (r"\mu \in \mathbb{R}", {mu: (-oo, oo)}),
    (r"a \in \mathbb{R}_{>0}", {a: (0, oo)}),
    ("0 < p < 1 < 2", {p: (0, 1)}),
]

BAD = [
    ("p < q", "relates two symbols"),
    ("0 < p > 1", "mixes < and >"),
    ("p = 1", "is not a chain of <, <=, >, >="),
    ("p + 1 > 0", "'p + 1' is neither a number nor a symbol"),
    ("0 <", "has an empty side"),
    ("1 < p < 0", "no value of p satisfies"),
    ("0 < p < 1 < 0", "is false: 1 is not below 0"),
    ("0, 1 < p", "a bound must be one number"),
    (r"p \in (1, 0)", "is not an interval"),
    (r"p \in \mathbb{Q}", "is not an interval"),
    ("__import__('os').system('true') > 0", "assumption"),
    ("x" * 1001, "longer than the limit of 1000"),
]


def _as_dict(bounds: tuple[Bound, ...]) -> dict[sp.Symbol, tuple[sp.Expr, sp.Expr]]:
    return {bound.symbol: (bound.low, bound.high) for bound in bounds}


@pytest.mark.parametrize(("text", "expected"), GOOD, ids=[g[0] for g in GOOD])
def test_reads(text: str, expected: dict) -> None:
    assert _as_dict(parse_assumption(text)) == expected


@pytest.mark.parametrize(("text", "fragment"), BAD, ids=[b[0][:30] for b in BAD])
def test_refuses(text: str, fragment: str) -> None:
    with pytest.raises(CheckError) as caught:
        parse_assumption(text)
    assert fragment in str(caught.value) and "\n" not in str(caught.value)


def test_sympy_relations_and_strings_mix() -> None:
    bounds = from_relations([p > 0, sp.And(p < sp.Rational(1, 2), q >= 1), "0 < a < 3"])
    assert _as_dict(bounds) == {p: (0, sp.Rational(1, 2)), q: (1, oo), a: (0, 3)}


def test_other_objects_are_refused() -> None:
    with pytest.raises(CheckError, match="a string or a SymPy relation"):
        from_relations([sp.Eq(p, 1)])


def test_restrict_narrows_a_parameter_and_adds_new_symbols() -> None:
    domain = restrict(Bernoulli(p).domain, parse_assumption("0 < p < 1/2") + parse_assumption("a > 0"))
    assert dict(domain.intervals) == {p: sp.Interval.open(0, sp.Rational(1, 2)), a: sp.Interval.open(0, oo)}


def test_restrict_finds_a_parameter_by_name() -> None:
    positive = sp.Symbol("sigma_1", positive=True)
    domain = restrict(Domain(((positive, sp.Interval.open(0, oo)),)), parse_assumption(r"\sigma_1 < 2"))
    assert dict(domain.intervals) == {positive: sp.Interval.open(0, 2)}


@pytest.mark.parametrize(("assumption", "fragment"), [
    ("p > 2", "leaves no value for p"),
    ("p_1 < 1/2", "constrained jointly"),
])
def test_restrict_refuses(assumption: str, fragment: str) -> None:
    p_1, p_2 = sp.symbols("p_1 p_2")
    domain = Bernoulli(p).domain.merge(Categorical([p_1, p_2], name="Q").domain)
    with pytest.raises(CheckError, match=fragment):
        restrict(domain, parse_assumption(assumption))


# -- closed ends, and contradictions told apart from what derive cannot use ---------------------------
@pytest.mark.parametrize(("given", "interval"), [
    ("0 <= a <= 1", sp.Interval(0, 1)),
    (r"a \in [0, 1)", sp.Interval.Ropen(0, 1)),
    (r"a \geq 0", sp.Interval(0, oo)),
    (a >= 0, sp.Interval(0, oo)),
    (sp.And(a >= 0, a < 1), sp.Interval.Ropen(0, 1)),
    ("0 < a <= 1", sp.Interval.Lopen(0, 1)),
], ids=["text", "half-open", "geq", "sympy", "sympy-and", "lopen"])
def test_closed_ends_stay_closed_into_the_domain(given: object, interval: sp.Interval) -> None:
    (bound,) = from_relations([given])
    assert bound.interval == interval
    assert dict(restrict(Domain(), (bound,)).intervals) == {a: interval}


@pytest.mark.parametrize(("given", "fragment"), [
    (["1 < p < 0"], "no value of p satisfies"),
    (["0 < a < 0"], "no value of a satisfies both a > 0 and a < 0"),
    (["a > 1", "a < 0"], "no value of a satisfies both a > 1 and a < 0"),
    (["0 < 1 < 0"], "is false"),
    ([sp.false], "an assumption is False"),
    ([sp.Symbol("z", positive=True) < 0], "an assumption is False"),
], ids=["reversed", "empty", "two", "numbers", "false", "positive-z"])
def test_contradictions_are_their_own_error(given: list, fragment: str) -> None:
    with pytest.raises(Contradiction, match=fragment):
        from_relations(given)


def test_a_bound_outside_the_domain_or_the_symbols_own_assumptions_is_a_contradiction() -> None:
    with pytest.raises(Contradiction, match="leaves no value for p"):
        restrict(Bernoulli(p).domain, parse_assumption("p > 2"))
    z = sp.Symbol("z", positive=True)
    with pytest.raises(Contradiction, match="no value of z"):
        restrict(Domain(), (Bound(z, high=sp.Integer(0)),))


def test_what_derive_cannot_use_is_not_a_contradiction() -> None:
    p_1, p_2 = sp.symbols("p_1 p_2")
    domain = Categorical([p_1, p_2], name="Q").domain
    with pytest.raises(CheckError) as caught:
        restrict(domain, parse_assumption("p_1 < 1/2"))
    assert not isinstance(caught.value, Contradiction)
    with pytest.raises(CheckError, match="one value") as pinned:
        from_relations(["a >= 0", "a <= 0"])
    assert not isinstance(pinned.value, Contradiction)
    assert from_relations([sp.true, True]) == ()


#: (assumption, least member) -- sets of every integer from some one on
INTEGER_SETS = [
    (r"n \in \mathbb{N}", 1),
    (r"n \in \mathbb{N}_0", 0),
    (r"n \in \mathbb{Z}^+", 1),
    (r"n \in \mathbb{Z}_{\geq 0}", 0),
    (r"n \in \{1, 2, 3, \dots\}", 1),
    (r"n \in \{1,2,3…\}", 1),
    (r"n \in \left\{0, 1, 2, \ldots\right\}", 0),
]


@pytest.mark.parametrize(("text", "least"), INTEGER_SETS, ids=[t for t, _ in INTEGER_SETS])
def test_a_set_of_integers_is_a_count(text: str, least: int) -> None:
    from derive.core.constraints import Count

    (bound,) = parse_assumption(text)
    assert bound.integer and (bound.low, bound.high) == (least, oo)
    domain = restrict(Domain(), (bound,))
    assert domain.intervals == () and domain.constraints == (Count(sp.Symbol("n"), least),)
    assert {point[sp.Symbol("n")] for point in domain.sample_points(8)} <= set(range(least, least + 6))


@pytest.mark.parametrize("text", [r"n \in \{1, 3, 4, \dots\}", r"n \in \{1, 2, 3\}", r"n \in \mathbb{Q}"])
def test_other_sets_are_no_count(text: str) -> None:
    with pytest.raises(CheckError, match="is not an interval"):
        parse_assumption(text)


def test_a_count_and_an_interval_on_one_symbol_keep_the_interval() -> None:
    bounds = parse_assumption(r"n \in \mathbb{N}") + parse_assumption("n < 10")
    domain = restrict(Domain(), bounds)
    assert dict(domain.intervals) == {sp.Symbol("n"): sp.Interval.Ropen(1, 10)} and domain.constraints == ()


def test_two_sets_of_integers_on_one_symbol_are_the_smaller() -> None:
    from derive.core.constraints import Count

    domain = restrict(Domain(), parse_assumption(r"n \in \mathbb{N}_0") + parse_assumption(r"n \in \mathbb{N}"))
    assert domain.constraints == (Count(sp.Symbol("n"), 1),)


def test_a_name_given_an_interval_and_used_as_a_set_is_that_interval() -> None:
    from derive.check.assume import named_intervals
    from derive.check.rows import statements
    from derive.check.document import spans

    def read(document: str) -> list:
        return [s for span in spans(document) for s in statements(span)]

    assert named_intervals(read("Let $I = (0, 1)$ and $x \\in I$.")) == {"I": "(0, 1)"}
    assert named_intervals(read("Let $P = (0.2, 0.8)$ and $x > 0$.")) == {}  # not a set: a pmf, perhaps
    assert named_intervals(read("Let $I = (a, b)$ and $x \\in I$.")) == {}  # no numbers: no interval
