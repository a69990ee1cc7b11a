"""The verifier catches planted errors: every step of every shipped derivation, mutated.

For each step of the derivations the main job writes (``derive article --dist all --topic all``: the article's
relation for every pair in :data:`derive.api.DISTS`, and the minimization argument for
:data:`derive.api.MINIMIZATION_DISTS`), small errors are planted in the step's ``after``:

* ``sign``: one term's sign flipped (or the whole side's);
* ``coefficient``: a number changed by one, or a coefficient 2 put on a term written without one;
* ``swap``: the two distributions swapped with their parameters (``p`` and ``q``, ``mu_1`` and ``mu_2``),
  in the whole expression or at one place;
* ``log``: the argument of one logarithm inverted (``log a`` becomes ``log(1/a)``);
* ``drop``: one term of a sum dropped.

Mutants are drawn with a fixed seed, at most :data:`PER_OPERATOR` per operator and step.  Each mutant is
first judged by an independent check: the step's ``before`` and the mutant are evaluated with 30 digits
(integrals and infinite sums by quadrature) at :data:`POINTS` random points of the domain, drawn here and
not by derive.  A mutant that agrees at every point (keeps the step's order, for a bound) may still be true
(a swap in a symmetric place, a flipped sign on a zero term): it is excluded and counted as an identity.
Every other mutant must be **refuted** by :func:`derive.verify.check_step`, with a counterexample (at which,
for an equality, the two sides really differ), and is never proved.  Steps between equations (``iff``,
``implies``: solving a system) are not mutated; the count says how many.  The counts are printed at the end of
the test session (``tests/conftest.py``) and recorded as the test's properties.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import pytest
import sympy as sp

from derive import api
from derive.api import Options
from derive.core import Derivation, Status
from derive.core.constraints import Defined, IndexedSimplex, Member, Ordered, Simplex, Size
from derive.core.domain import Domain
from derive.core.functions import base_of, log_in
from derive.core.group import Group
from derive.core.terms import add, is_leaf, mul, neg, quotient, rebuild
from derive.distributions.base import Distribution
from derive.distributions.measures import Measure, OutcomeSum, Prob
from derive.distributions.semantics import denote
from derive.verify import check_equal, check_step
from tests.rules.strategies import close, tolerance_for, value

SEED = 20260401
PER_OPERATOR = 2
POINTS = 5
Path = tuple[int, ...]
Point = dict[sp.Basic, sp.Basic]


# -- where a mutation may go --------------------------------------------------------------------------------------

def places(expr: sp.Basic, path: Path = ()) -> Iterator[tuple[Path, sp.Basic]]:
    """Every node a mutation may change, with its path; distributions, probabilities, measures and the limits of
    sums and integrals are whole (their insides are not the step's mathematics)."""
    yield path, expr
    if is_leaf(expr) or isinstance(expr, (Prob, Measure, sp.Indexed)):
        return
    if isinstance(expr, (sp.Sum, sp.Integral, OutcomeSum)):
        yield from places(expr.args[0], path + (0,))
        return
    if isinstance(expr, Group):
        yield from places(expr.content, path + (0,))
        return
    for k, a in enumerate(expr.args):
        yield from places(a, path + (k,))


def put(expr: sp.Basic, path: Path, new: sp.Basic) -> sp.Basic:
    """``expr`` with the node at ``path`` replaced by ``new``, nothing else re-evaluated."""
    if not path:
        return new
    k, rest = path[0], path[1:]
    args = list(expr.args)
    args[k] = put(args[k], rest, new)
    if isinstance(expr, (sp.Sum, sp.Integral, OutcomeSum, Group)):
        return expr.func(*args)
    return rebuild(expr, args)


# -- the mutation operators ------------------------------------------------------------------------------------------

Mutants = list[sp.Basic]


def flip_sign(expr: sp.Basic, dists: tuple[Distribution, ...]) -> Mutants:
    out = [neg(expr)] if not isinstance(expr, sp.Equality) else []
    for path, node in places(expr):
        if isinstance(node, sp.Add):
            for j, t in enumerate(node.args):
                out.append(put(expr, path + (j,), neg(t)))
    return out


def change_coefficient(expr: sp.Basic, dists: tuple[Distribution, ...]) -> Mutants:
    out = []
    for path, node in places(expr):
        if isinstance(node, sp.Rational) and node.is_finite:
            out.append(put(expr, path, node + 1 if node + 1 != 0 else node - 1))
        elif isinstance(node, sp.Add):
            for j, t in enumerate(node.args):
                if not (isinstance(t, sp.Mul) and isinstance(t.args[0], sp.Number)):
                    out.append(put(expr, path + (j,), mul(sp.Integer(2), t)))
    return out


def swap_distributions(expr: sp.Basic, dists: tuple[Distribution, ...]) -> Mutants:
    P, Q = dists
    swap: dict[sp.Basic, sp.Basic] = {P: Q, Q: P}
    for a, b in zip(P.params, Q.params):
        if a != b:
            swap.update({a: b, b: a})
    out = [expr.xreplace(swap)]
    for path, node in places(expr):
        if node.has(*swap) and node != expr:
            out.append(put(expr, path, node.xreplace(swap)))
    return out


def invert_log(expr: sp.Basic, dists: tuple[Distribution, ...]) -> Mutants:
    out = []
    for path, node in places(expr):
        base = base_of(node)
        if base is not None:
            out.append(put(expr, path, log_in(quotient(sp.Integer(1), node.args[0]), base)))
    return out


def drop_term(expr: sp.Basic, dists: tuple[Distribution, ...]) -> Mutants:
    out = []
    for path, node in places(expr):
        if isinstance(node, sp.Add):
            for j in range(len(node.args)):
                out.append(put(expr, path, add(*(t for k, t in enumerate(node.args) if k != j))))
    return out


OPERATORS: dict[str, Callable[[sp.Basic, tuple[Distribution, ...]], Mutants]] = {
    "sign": flip_sign, "coefficient": change_coefficient, "swap": swap_distributions, "log": invert_log,
    "drop": drop_term,
}


# -- independent judgement: random points, high precision ------------------------------------------------------------

def random_points(domain: Domain, rng: random.Random, count: int, others: frozenset = frozenset()) -> list[Point]:
    """``count`` random rational points of ``domain``, drawn here (not by derive's own sampler); symbols the
    domain does not mention (``others``: a Lagrange multiplier) get values their assumptions allow."""
    points = [_random_point(domain, rng) for _ in range(count)]
    for point in points:
        for s in sorted(others - set(point), key=str):
            point[s] = _inside(_interval_of(s), rng)
    return points


def _interval_of(s: sp.Symbol) -> sp.Interval:
    """Where a symbol outside the domain lives: its assumptions' interval; with none, the positive numbers (as the
    verifier samples it)."""
    if s.is_negative:
        return sp.Interval.open(-sp.oo, 0)
    if s.is_real and not s.is_positive and not s.is_nonnegative:
        return sp.Interval.open(-sp.oo, sp.oo)
    return sp.Interval.open(0, sp.oo)


def free_symbols(derivation: Derivation) -> frozenset:
    """The symbols the derivation's steps depend on (bound variables of sums and integrals excluded)."""
    out: set = set()
    for step in derivation.steps:
        for side in (step.before, step.after):
            try:
                meaning = denote(side)
            except (ValueError, KeyError, TypeError):
                continue
            labels = {ix.base.label for ix in meaning.atoms(sp.Indexed)}  # p of p[i] is a name, not a number
            out |= {s for s in meaning.free_symbols if isinstance(s, sp.Symbol) and s not in labels}
    return frozenset(out)


def _random_point(domain: Domain, rng: random.Random) -> Point:
    point: Point = {}
    for s, interval in domain.intervals:
        point[s] = _inside(interval, rng)
    first = (Size, Simplex, Ordered)  # what the other constraints are sampled from
    for c in sorted(domain.constraints, key=lambda c: not isinstance(c, first)):
        if isinstance(c, Simplex):
            weights = [rng.randint(1, 30) for _ in range(len(c.symbols) + 1)]
            point.update({s: sp.Rational(w, sum(weights)) for s, w in zip(c.symbols, weights)})
        elif isinstance(c, Defined):
            point[c.symbol] = c.value.xreplace(point)
        elif isinstance(c, Size):
            point[c.n] = sp.Integer(rng.randint(2, 5))
        elif isinstance(c, Member):
            point[c.j] = sp.Integer(rng.randint(1, int(point[c.n])))
        elif isinstance(c, IndexedSimplex):
            weights = [rng.randint(1, 30) for _ in range(int(point[c.n]))]
            point.update({c.base[j + 1]: sp.Rational(w, sum(weights)) for j, w in enumerate(weights)})
        elif isinstance(c, Ordered):
            point[c.low] = _inside(sp.Interval.open(-3, 3), rng)
            point[c.high] = point[c.low] + _inside(sp.Interval.open(0, 3), rng)
        else:
            raise NotImplementedError(f"tests/test_mutation.py cannot sample the constraint {c!r}")
    return point


def _inside(interval: sp.Interval, rng: random.Random) -> sp.Rational:
    """A random rational inside ``interval``; infinite ends are cut at a few units (scales kept above 1/4)."""
    lo, hi = interval.start, interval.end
    if lo.is_infinite and hi.is_infinite:
        lo, hi = sp.Integer(-3), sp.Integer(3)
    elif hi.is_infinite:
        lo, hi = (sp.Rational(1, 4), sp.Integer(4)) if lo == 0 else (lo, lo + 4)
    elif lo.is_infinite:
        lo = hi - 4
    return lo + (hi - lo) * sp.Rational(rng.randint(10, 190), 200)  # away from the ends, where sums converge slowly


#: The bounds a step may state, and which way each points (``before <= after`` is 1).
ORDER = {"<=": 1, "<": 1, ">=": -1, ">": -1}


def still_holds(before: sp.Basic, mutant: sp.Basic, relation: str, points: list[Point], cache: dict) -> bool | None:
    """Whether the step with the mutant as its result may still be true: its two sides agree (or keep the
    step's order, for a bound) at every point.  False when one point shows it wrong beyond rounding; None when
    fewer than two points could be evaluated."""
    lhs, rhs = (mutant.lhs, mutant.rhs) if isinstance(mutant, sp.Equality) else (before, mutant)
    tolerance = tolerance_for(lhs, rhs) * 100
    judged = 0
    for k, point in enumerate(points):
        x = cache.setdefault((lhs, k), value(lhs, point))
        y = value(rhs, point)
        if x is None or y is None:
            continue
        judged += 1
        if relation == "=" and not close(x, y, tolerance):
            return False
        if relation in ORDER:
            gap = ORDER[relation] * (x.real - y.real)  # positive: the bound fails here
            if abs(x.imag) + abs(y.imag) > tolerance or gap > tolerance * max(1.0, abs(x), abs(y)):
                return False
    return True if judged >= 2 else None


# -- the derivations and the test --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Shipped:
    """The derivations of one topic for one pair of distributions, as the main job writes them."""

    topic: str
    dist: str

    @property
    def id(self) -> str:
        return f"{self.topic}-{self.dist}"

    def derivations(self) -> tuple[Derivation, ...]:
        return api.derivations(self.topic, self.dist, Options())


SHIPPED = [Shipped(topic, dist) for topic in api.TOPICS
           for dist in (api.DISTS if topic == "relation" else api.MINIMIZATION_DISTS)]


def mutable(step) -> bool:
    """An equality or a bound between expressions (not a relation between equations or systems)."""
    if step.relation not in ("=", *ORDER):
        return False
    return isinstance(step.after, sp.Equality) or (isinstance(step.after, sp.Expr) and not isinstance(step.after, sp.Rel))


@pytest.mark.parametrize("shipped", SHIPPED, ids=[s.id for s in SHIPPED])
def test_every_planted_error_is_refuted(shipped: Shipped, mutation_tally: Counter, record_property) -> None:
    tally: Counter = Counter()
    missed: list[str] = []
    for derivation in shipped.derivations():
        domain = derivation.domain
        others = free_symbols(derivation) - set(domain.symbols)
        for index, step in enumerate(derivation.steps):
            if not mutable(step):
                tally["steps not mutated (between equations)"] += 1
                continue
            rng = random.Random(f"{SEED}:{derivation.slug}:{index}")
            points = random_points(domain, rng, POINTS, others)
            cache: dict = {}
            for operator, mutate in OPERATORS.items():
                candidates = list(dict.fromkeys(m for m in mutate(step.after, derivation.distributions)
                                                if m != step.after))
                for mutant in rng.sample(candidates, min(PER_OPERATOR, len(candidates))):
                    tally["tried"] += 1
                    judged = still_holds(step.before, mutant, step.relation, points, cache)
                    if judged is None:
                        tally["not evaluable"] += 1
                        continue
                    if judged:
                        tally["identities"] += 1
                        continue
                    verdict = check_step(replace(step, after=mutant), domain)
                    where = (f"{derivation.slug} step {index + 1} ({step.rule}, {step.relation}), {operator}: "
                             f"{sp.sstr(mutant)[:160]}")
                    assert verdict.status is not Status.PROVED, f"the verifier proved a planted error: {where}"
                    if verdict.status is not Status.REFUTED:
                        missed.append(f"{where}: {verdict.status.value}: {verdict.reason}")
                        continue
                    assert verdict.counterexample or not _symbols(step.before, mutant), (
                        f"refuted without a counterexample: {where}")
                    if step.relation == "=":
                        assert_genuine(step.before, mutant, dict(verdict.counterexample), where)
                    tally["caught"] += 1
                    tally[f"caught by {operator}"] += 1
    mutation_tally.update(tally)
    for key, count in tally.items():
        record_property(key, count)
    print(f"\n{shipped.id}: {dict(tally)}")
    assert not missed, "planted errors the verifier did not refute:\n" + "\n".join(missed)
    assert tally["caught"] > 0 and tally["caught"] + tally["identities"] + tally["not evaluable"] == tally["tried"]


def _symbols(*exprs: sp.Basic) -> set[sp.Basic]:
    """The parameters the expressions depend on (a claim free of them is refuted at every point, with an empty one)."""
    return set().union(*(denote(e).free_symbols for e in exprs))


def assert_genuine(before: sp.Basic, mutant: sp.Basic, point: Point, where: str) -> None:
    """The counterexample is a point where the two sides differ (when this module can evaluate them there)."""
    lhs, rhs = (mutant.lhs, mutant.rhs) if isinstance(mutant, sp.Equality) else (before, mutant)
    x, y = value(lhs, point), value(rhs, point)
    if x is not None and y is not None:
        assert not close(x, y, tolerance_for(lhs, rhs)), f"the counterexample {point} is not one: {where}: {x} == {y}"


def test_the_operators_change_what_they_touch():
    p, q = sp.symbols("p q")
    from derive import Bernoulli
    P, Q = Bernoulli(p), Bernoulli(q, name="Q")
    expr = add(mul(p, sp.log(p)), neg(mul(p, sp.log(q))))
    assert add(mul(p, sp.log(p)), mul(p, sp.log(q))) in flip_sign(expr, (P, Q))
    assert add(mul(sp.Integer(2), p, sp.log(p)), neg(mul(p, sp.log(q)))) in change_coefficient(expr, (P, Q))
    assert add(mul(q, sp.log(q)), neg(mul(q, sp.log(p)))) in swap_distributions(expr, (P, Q))
    assert add(mul(p, log_in(quotient(sp.Integer(1), p), sp.E)), neg(mul(p, sp.log(q)))) in invert_log(expr, (P, Q))
    assert neg(mul(p, sp.log(q))) in drop_term(expr, (P, Q))


# -- what the mutants found in the verifier (regressions) ------------------------------------------------------------

def _coin_domain() -> tuple[sp.Symbol, Domain]:
    from derive import Bernoulli

    p = sp.Symbol("p")
    return p, Bernoulli(p).domain


def test_a_symbol_that_cancels_between_the_sides_is_still_sampled() -> None:
    """``lambda - p = p - lambda`` was unknown: the free symbols were read from ``a + b``, where lambda cancels."""
    p, domain = _coin_domain()
    lam = sp.Symbol("lambda")
    verdict = check_equal(lam - p, p - lam, domain)
    assert verdict.status is Status.REFUTED and dict(verdict.counterexample).keys() == {p, lam}


@pytest.mark.parametrize("after", [
    lambda p: p * sp.log(p) + (1 - p) * sp.log(-p - 1),
    lambda p: p * sp.log(p) - (1 - p) * sp.log(-p),
], ids=["log-of-a-negative-sum", "log-of-minus-p"])
def test_a_side_that_is_not_real_on_the_domain_is_refuted(after) -> None:
    """A planted sign inside a logarithm makes one side non-real everywhere: refuted, not unknown."""
    p, domain = _coin_domain()
    verdict = check_equal(p * sp.log(p) + (1 - p) * sp.log(1 - p), after(p), domain)
    assert verdict.status is Status.REFUTED and "not a real number" in verdict.reason
    assert verdict.counterexample
