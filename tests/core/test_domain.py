"""derive.core.domain: intervals (open or closed) and constraints, their faces and covers, sample points inside them."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import DeriveError, Domain
from derive.core.constraints import Ordered, Simplex
from derive.errors import InvalidParameter
from tests.helpers import DOMAIN, p, q

x = sp.Symbol("x")
UNIT = sp.Interval.open(0, 1)


@pytest.mark.parametrize("interval", [
    sp.Interval.open(0, 1), sp.Interval.open(2, 5), sp.Interval.open(-1, 1), sp.Interval.open(0, sp.oo),
    sp.Interval.open(3, sp.oo), sp.Interval.open(-sp.oo, 0), sp.Interval.open(-sp.oo, sp.oo),
], ids=["(0,1)", "(2,5)", "(-1,1)", "(0,oo)", "(3,oo)", "(-oo,0)", "reals"])
def test_sample_points_lie_inside_the_interval(interval):
    domain = Domain(((x, interval), (p, UNIT)))
    points = domain.sample_points(8)
    assert len(points) == 8
    for point in points:
        assert set(point) == {x, p}
        for symbol, value in point.items():
            assert isinstance(value, sp.Rational)
            assert value in dict(domain.intervals)[symbol], f"{symbol} = {value} is outside {interval}"


def test_sample_points_are_deterministic_and_varied():
    first, second = DOMAIN.sample_points(6), DOMAIN.sample_points(6)
    assert first == second
    assert len({pt[p] for pt in first}) == 6, "each point should move p"
    assert all(pt[p] != pt[q] for pt in first), "p and q should not be sampled at the same value"


def test_sample_points_without_parameters():
    assert Domain().sample_points(3) == [{}, {}, {}]


def test_merge_combines_domains_in_order():
    merged = Domain.of(p=UNIT).merge(Domain.of(q=UNIT), Domain.of(x=sp.Interval.open(0, sp.oo)))
    assert merged.symbols == (p, q, x)


def test_merge_accepts_the_same_interval_twice():
    assert Domain.of(p=UNIT).merge(Domain.of(p=UNIT)).intervals == ((p, UNIT),)


def test_merge_conflict_raises():
    with pytest.raises(DeriveError, match="two domains"):
        Domain.of(p=UNIT).merge(Domain.of(p=sp.Interval.open(0, 2)))


@pytest.mark.parametrize("interval, faces", [
    (sp.Interval(0, 1), {0, 1}), (sp.Interval.Lopen(0, 1), {1}), (sp.Interval.Ropen(0, 1), {0}),
    (sp.Interval(0, sp.oo), {0}), (sp.Interval.open(0, 1), set()),
], ids=["closed", "left-open-only", "right-open-only", "closed-at-zero", "open"])
def test_closed_ends_are_faces_of_the_domain(interval, faces):
    domain = Domain(((p, interval), (q, UNIT)))
    assert {end for _, end, _ in domain.faces()} == faces
    assert all(symbol == p and rest.symbols == (q,) for symbol, _, rest in domain.faces())
    assert all(i.left_open and i.right_open for _, i in domain.interior.intervals)


@pytest.mark.parametrize("symbol, interval, message", [
    (x, sp.Interval.open(0, 0), "no value of x"),
    (x, sp.Interval.open(2, 1), "no value of x"),
    (sp.Symbol("z", positive=True), sp.Interval.open(-2, -1), "own assumptions"),
    (sp.Symbol("z", positive=True), sp.Interval(-1, 0), "own assumptions"),
    (sp.Symbol("n", integer=True), sp.Interval.open(0, 1), "no integer value"),
    (sp.Symbol("w", imaginary=True), sp.Interval.open(0, 1), "non-real"),
    (x, sp.Interval(0, sp.Symbol("a")), "not a real number"),
], ids=["0<x<0", "2<x<1", "positive-below-zero", "positive-at-most-zero", "integer-in-(0,1)", "imaginary",
        "symbolic-end"])
def test_an_empty_or_contradictory_domain_is_an_error(symbol, interval, message):
    with pytest.raises(InvalidParameter, match=message):
        Domain(((symbol, interval),))


def test_a_symbols_own_assumptions_cut_its_interval():
    z = sp.Symbol("z", nonnegative=True)
    assert Domain(((z, sp.Interval.open(-1, 1)),)).intervals == ((z, sp.Interval.Ropen(0, 1)),)
    w = sp.Symbol("w", positive=True)
    assert Domain(((w, sp.Interval(-1, 1)),)).intervals == ((w, sp.Interval.Lopen(0, 1)),)


def test_integer_symbols_are_sampled_at_integers_inside_their_interval():
    n = sp.Symbol("n", integer=True)
    for interval in (sp.Interval(0, sp.oo), sp.Interval(-sp.oo, sp.oo), sp.Interval.open(-3, 2)):
        values = [pt[n] for pt in Domain(((n, interval),)).sample_points(8)]
        assert all(v.is_Integer and v in interval for v in values), values
        assert len(set(values)) > 1


def test_conditions_are_the_intervals_as_relations():
    conditions = DOMAIN.conditions()
    assert len(conditions) == 2
    for symbol, condition in zip((p, q), conditions):
        assert condition.free_symbols == {symbol}
        assert condition.subs(symbol, sp.Rational(1, 2)) is sp.true
        assert condition.subs(symbol, 0) is sp.false and condition.subs(symbol, 1) is sp.false


def test_reparametrization_covers_the_interval_with_a_positive_symbol():
    cover = DOMAIN.reparametrization[p]
    (t,) = cover.free_symbols
    assert t.is_positive
    assert sp.limit(cover, t, 0) == 0 and sp.limit(cover, t, sp.oo) == 1


@pytest.mark.parametrize(("build", "message"), [
    (lambda: Domain(((p, UNIT), (p, UNIT))), "parameter p is given two intervals"),
    (lambda: Domain.of(p=UNIT).merge(Domain(constraints=(Simplex((p, q)),))), "parameter p is constrained twice"),
    (lambda: Domain(constraints=(Simplex((p,)),)).merge(Domain(constraints=(Ordered(q, p),))),
     "parameter p is constrained twice"),
], ids=["two-intervals", "interval-and-constraint", "two-constraints"])
def test_a_symbol_constrained_twice_is_refused(build, message: str) -> None:
    with pytest.raises(InvalidParameter, match=message):
        build()


def test_a_constraint_merged_twice_is_kept_once() -> None:
    simplex = Domain(constraints=(Simplex((p, q)),))
    assert simplex.merge(simplex).constraints == (Simplex((p, q)),)
