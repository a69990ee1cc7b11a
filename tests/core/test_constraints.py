"""derive.core.constraints: joint constraints on a domain's parameters, their covers, samples and conditions."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Domain
from derive.core.constraints import Count, Defined, EveryIndex, IndexedSimplex, Member, Ordered, Simplex, Size

a, b, c, lo, hi = sp.symbols("a b c lo hi")
n, j = sp.Symbol("n", integer=True, positive=True), sp.Symbol("j", integer=True, positive=True)
P = sp.IndexedBase("P")

#: (the domain's constraints, the symbols the last one fixes, its conditions as text).
CONSTRAINTS = [
    ((Simplex((a, b)),), (a, b), ["a > 0", "b > 0", "a + b < 1"]),
    ((Ordered(lo, hi),), (lo, hi), ["lo < hi"]),
    ((Simplex((a, b)), Defined(c, 1 - a - b)), (c,), ["Eq(c, -a - b + 1)"]),
    ((Size(n),), (n,), ["n >= 2"]),
    ((Count(n, 0),), (n,), ["n >= 0"]),
    ((Size(n), Member(j, n)), (j,), ["(1 <= j) & (j <= n)"]),
    ((Size(n), IndexedSimplex(P, n)), (), ["P[i] > 0", "Eq(Sum(P[i], (i, 1, n)), 1)"]),
]
IDS = ["simplex", "ordered", "defined", "size", "count", "member", "indexed-simplex"]


@pytest.mark.parametrize(("constraints", "symbols", "conditions"), CONSTRAINTS, ids=IDS)
def test_a_constraint_names_its_symbols_and_states_itself(constraints, symbols, conditions) -> None:
    last = constraints[-1]
    assert last.symbols == symbols
    assert [sp.sstr(r) for r in last.conditions()] == conditions


@pytest.mark.parametrize(("constraints", "symbols", "conditions"), CONSTRAINTS[:-1], ids=IDS[:-1])
def test_every_sample_point_satisfies_the_conditions(constraints, symbols, conditions) -> None:
    domain = Domain(constraints=constraints)
    points = domain.sample_points(8)
    assert len(points) == 8 and len({tuple(sorted(map(str, p.values()))) for p in points}) > 1
    for point in points:
        for condition in domain.conditions():
            assert condition.xreplace(point) is sp.true, (condition, point)


def test_the_entries_of_an_indexed_simplex_are_sampled_on_the_simplex() -> None:
    for point in Domain(constraints=(Size(n), IndexedSimplex(P, n))).sample_points(8):
        entries = [point[P[k]] for k in range(1, int(point[n]) + 1)]
        assert sum(entries) == 1 and all(0 < e < 1 for e in entries)
        assert len(set(entries)) > 1  # distinct weights: equal probabilities would hide a swap


@pytest.mark.parametrize(("constraints", "positive"), [
    ((Simplex((a, b)),), [a, b, 1 - a - b]),
    ((Ordered(lo, hi),), [hi - lo]),
    ((Simplex((a, b)), Defined(c, 1 - a - b)), [c, 1 - c]),
    ((Count(n, 2),), [n - 1]),
], ids=["simplex", "ordered", "defined", "count"])
def test_a_cover_lets_sympy_see_the_constraint(constraints, positive) -> None:
    domain = Domain(constraints=constraints)
    assert all(sp.simplify(domain.reparametrize(e)).is_positive for e in positive)


@pytest.mark.parametrize("constraint", [Size(n), Member(j, n)], ids=["size", "member"])
def test_sizes_and_indices_are_not_covered(constraint) -> None:
    assert constraint.cover({}) == {}


def test_an_index_is_sampled_among_the_outcomes() -> None:
    member = Member(j, n)
    assert [member.sample(k, {n: sp.Integer(3)})[j] for k in range(4)] == [1, 2, 3, 1]


def test_an_index_for_every_entry_states_so() -> None:
    (condition,) = Member(j, n, every=True).conditions()
    assert isinstance(condition, EveryIndex) and (condition.j, condition.n) == (j, n)


def test_an_indexed_simplex_totals_its_sums_and_covers_its_entries() -> None:
    i = sp.Symbol("i", integer=True, positive=True)
    simplex = IndexedSimplex(P, n)
    assert simplex.total(3 * sp.Sum(2 * P[i], (i, 1, n)) + a) == 6 + a
    assert simplex.total(sp.Sum(P[i], (i, 1, n - 1))) == sp.Sum(P[i], (i, 1, n - 1))  # not the whole simplex
    assert simplex.total(a + 1) == a + 1
    entry = simplex.cover_entry(i)
    t = sp.fraction(entry)[0]
    assert t.is_positive and entry == t / (1 + t)  # a bijection of (0, oo) onto (0, 1)
    assert simplex.cover_entry(j).free_symbols != entry.free_symbols and simplex.cover_entry(i) == entry


@pytest.mark.parametrize("low", [0, 1, 3])
def test_a_count_is_sampled_at_integers_from_its_least_and_covered_by_every_one(low: int) -> None:
    n = sp.Symbol("n")
    domain = Domain(constraints=(Count(n, low),))
    values = [point[n] for point in domain.sample_points(8)]
    assert all(v.is_Integer and v >= low for v in values) and low in values and len(set(values)) >= 4
    covered = domain.reparametrize(n)
    assert covered.is_integer and (covered - low).is_nonnegative and covered != n
    assert domain.conditions() == (sp.GreaterThan(n, low, evaluate=False),)
