"""Hypothesis strategies and a numeric oracle for the rules' property tests (``test_properties.py``).

A *world* is a set of symbols, each with a kind that says where it lives: in the domain the rule is
told about (``(0, 1)``, ``(0, oo)``, the whole line, an interval that straddles zero, the negative
half-line), or outside it, known to SymPy only by its assumptions (``real=True``, ``positive=True``).
Points are drawn from the same places, so "equal at random points of the domain" and "the side
condition holds at random points of the domain" mean what they say.

The oracle (:func:`value`) gives an expression a number at a point.  It uses derive's
:func:`derive.distributions.semantics.denote` for what it does not know itself, but gives the measures, the sums
over outcomes and the probabilities of coins and categoricals their values on its own, and the
densities of parametric families through SciPy: otherwise the tests of ``unfold-definition``,
``expand-finite-sum`` and ``substitute`` would compare derive with itself.  Integrals and infinite
sums are evaluated numerically; one that does not converge has no value (``None``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import mpmath
import sympy as sp
from hypothesis import strategies as st
from sympy.core.symbol import Str

from derive import Bernoulli, Domain
from derive.core.functions import Log
from derive.core.group import Group
from derive.core.terms import add, mul, neg, quotient
from derive.distributions.categorical import Categorical
from derive.distributions.families import Exponential, Gamma, Geometric, Laplace, Normal, Parametric, Poisson
from derive.distributions.measures import KL, CrossEntropy, Entropy, Measure, OutcomeSum, Prob
from derive.distributions.semantics import denote
from derive.errors import DeriveError
from tests.distributions.scipy_families import SCIPY

Point = dict[sp.Basic, sp.Rational]  # symbols, and entries p[j] of indexed probabilities
oo = sp.oo

# -- worlds: symbols, the domain a rule is told, and where points are drawn -------------------------------------


@dataclass(frozen=True)
class Kind:
    """Where a symbol lives: its interval in the domain (``None``: outside the domain) and its sampling range."""

    interval: sp.Interval | None
    low: Fraction
    high: Fraction
    assumptions: tuple[tuple[str, bool], ...] = ()


KINDS: dict[str, Kind] = {
    "unit": Kind(sp.Interval.open(0, 1), Fraction(0), Fraction(1)),
    "positive": Kind(sp.Interval.open(0, oo), Fraction(0), Fraction(6)),
    "real": Kind(sp.Interval.open(-oo, oo), Fraction(-5), Fraction(5)),
    "straddle": Kind(sp.Interval.open(-2, 3), Fraction(-2), Fraction(3)),
    "negative": Kind(sp.Interval.open(-oo, 0), Fraction(-6), Fraction(0)),
    "free-real": Kind(None, Fraction(-5), Fraction(5), (("real", True),)),
    "free-positive": Kind(None, Fraction(0), Fraction(6), (("positive", True),)),
}
#: Kinds under which a symbol is provably positive (where a positivity side condition may be met).
POSITIVE_KINDS = frozenset({"unit", "positive", "free-positive"})


@dataclass(frozen=True)
class World:
    """Symbols with their kinds; ``domain`` is what a rule is told, ``kinds`` where points are drawn."""

    kinds: tuple[tuple[sp.Symbol, str], ...]
    extra: Domain = Domain()

    @property
    def symbols(self) -> tuple[sp.Symbol, ...]:
        return tuple(s for s, _ in self.kinds)

    @property
    def domain(self) -> Domain:
        placed = tuple((s, KINDS[k].interval) for s, k in self.kinds if k in KINDS and KINDS[k].interval is not None)
        return Domain(placed).merge(self.extra)

    def kind(self, symbol: sp.Symbol) -> str:
        return dict(self.kinds)[symbol]


def _symbol(name: str, kind: str) -> sp.Symbol:
    return sp.Symbol(name, **dict(KINDS[kind].assumptions))


@st.composite
def worlds(draw: st.DrawFn, names: Sequence[str] = ("a", "b", "c")) -> World:
    """Three domain symbols of random kinds, and two symbols the domain does not mention (``u`` real, ``v`` positive)."""
    placed = [draw(st.sampled_from(["unit", "positive", "real", "straddle", "negative"])) for _ in names]
    kinds = [(_symbol(n, k), k) for n, k in zip(names, placed)]
    kinds += [(_symbol("u", "free-real"), "free-real"), (_symbol("v", "free-positive"), "free-positive")]
    return World(tuple(kinds))


def _inside(low: Fraction, high: Fraction, step: int) -> sp.Rational:
    """A rational strictly inside ``(low, high)``: ``step`` of 64 equal steps, never exactly 0 (where SymPy's
    arithmetic with ``zoo`` gives ``a/log(0) = 0`` a value, and a rewrite of it would look unsound)."""
    f = low + (high - low) * Fraction(step, 64)
    if f == 0:
        f = low + (high - low) * Fraction(2 * step + 1, 128)
    return sp.Rational(f.numerator, f.denominator)


@st.composite
def points(draw: st.DrawFn, world: World, count: int = 3) -> list[Point]:
    """``count`` points of the world: every symbol at a rational inside its sampling range."""
    out = []
    for _ in range(count):
        out.append({s: _inside(KINDS[k].low, KINDS[k].high, draw(st.integers(1, 63))) for s, k in world.kinds})
    return out


# -- plain expressions ------------------------------------------------------------------------------------------

NUMBERS = [sp.Integer(n) for n in (-3, -2, -1, 0, 1, 2, 3)] + [sp.Rational(1, 2), sp.Rational(-1, 3), sp.Rational(5, 4)]


def leaves(symbols: Sequence[sp.Basic]) -> st.SearchStrategy[sp.Basic]:
    return st.one_of(st.sampled_from(list(symbols)), st.sampled_from(NUMBERS))


def _node(children: st.SearchStrategy[sp.Basic]) -> st.SearchStrategy[sp.Basic]:
    return st.one_of(
        st.lists(children, min_size=2, max_size=4).map(lambda ts: add(*ts)),
        st.lists(children, min_size=2, max_size=3).map(lambda fs: mul(*fs)),
        children.map(neg),
        st.tuples(children, children).map(lambda ab: quotient(*ab)),
        children.map(lambda e: sp.log(e, evaluate=False)),
        children.map(lambda e: Log(e, sp.Integer(2))),
        st.tuples(children, st.sampled_from([2, 3, -1, -2, sp.Rational(1, 2)])).map(
            lambda eb: sp.Pow(eb[0], eb[1], evaluate=False)),
    )


def expressions(symbols: Sequence[sp.Basic], max_leaves: int = 8) -> st.SearchStrategy[sp.Basic]:
    """Random unevaluated expressions: nested sums, products, quotients, powers and logarithms (of anything)."""
    return st.recursive(leaves(symbols), _node, max_leaves=max_leaves)


def positive_expressions(atoms: Sequence[sp.Basic], max_leaves: int = 6) -> st.SearchStrategy[sp.Basic]:
    """Sums, products, quotients and positive powers of positive atoms: positive, and provably so."""
    return st.recursive(st.sampled_from(list(atoms)), lambda children: st.one_of(
        st.lists(children, min_size=2, max_size=3).map(lambda ts: add(*ts)),
        st.lists(children, min_size=2, max_size=3).map(lambda fs: mul(*fs)),
        st.tuples(children, children).map(lambda ab: quotient(*ab)),
        children.map(lambda e: sp.Pow(e, 2, evaluate=False))), max_leaves=max_leaves)


def contexts(pattern: sp.Basic, other: st.SearchStrategy[sp.Basic]) -> st.SearchStrategy[sp.Basic]:
    """``pattern`` placed inside a larger expression, so traversals meet it below the root."""
    return st.one_of(
        other.map(lambda o: add(o, pattern)),
        other.map(lambda o: mul(o, pattern)),
        other.map(lambda o: add(mul(o, pattern), neg(o))),
        st.just(sp.log(add(pattern, sp.Integer(1)), evaluate=False)),
    )


# -- distributions ----------------------------------------------------------------------------------------------

COIN_PARAMETERS = [sp.Rational(1, 3), sp.Rational(3, 4), sp.Rational(1, 10), sp.Rational(1, 2)]


@st.composite
def finite_pair(draw: st.DrawFn) -> tuple[tuple, World]:
    """Two coins or two categoricals on the same outcomes, with symbolic or numeric probabilities, and their world."""
    kinds: list[tuple[sp.Symbol, str]] = []
    extra: list[Domain] = []
    dists = []
    if draw(st.booleans()):
        outcomes = draw(st.sampled_from([("H", "T"), ("Heads", "Tails"), ("T", "H")]))
        for name, param in (("P", "p"), ("Q", "q")):
            if draw(st.booleans()):
                s = sp.Symbol(param)
                kinds.append((s, "unit"))
                dists.append(Bernoulli(s, name=name, outcomes=outcomes))
            else:
                dists.append(Bernoulli(draw(st.sampled_from(COIN_PARAMETERS)), name=name, outcomes=outcomes))
    else:
        k = draw(st.integers(2, 4))
        for name, param in (("P", "p"), ("Q", "q")):
            if draw(st.booleans()):
                free = [sp.Symbol(f"{param}_{j}") for j in range(1, k)]
                d = Categorical(free + [1 - sp.Add(*free)], name=name)
                extra.append(d.domain)
                kinds += [(s, "simplex") for s in free]
            else:
                weights = [draw(st.integers(1, 9)) for _ in range(k)]
                d = Categorical([sp.Rational(w, sum(weights)) for w in weights], name=name)
            dists.append(d)
    world = World(tuple(kinds), Domain().merge(*extra))
    return tuple(dists), world


@st.composite
def simplex_points(draw: st.DrawFn, world: World, count: int = 3) -> list[Point]:
    """Points of a world whose ``simplex`` symbols come in groups ``x_1, ..., x_{k-1}`` (sum below 1)."""
    out = []
    for _ in range(count):
        point: Point = {}
        groups: dict[str, list[sp.Symbol]] = {}
        for s, k in world.kinds:
            if k == "simplex":
                groups.setdefault(s.name.split("_")[0], []).append(s)
            else:
                point[s] = _inside(KINDS[k].low, KINDS[k].high, draw(st.integers(1, 63)))
        for members in groups.values():
            weights = [draw(st.integers(1, 9)) for _ in range(len(members) + 1)]
            point.update({s: sp.Rational(w, sum(weights)) for s, w in zip(members, weights)})
        out.append(point)
    return out


def measures_of(P, Q) -> list[Measure]:
    return [m for base in (sp.E, sp.Integer(2)) for m in (Entropy(P, base), CrossEntropy(P, Q, base), KL(P, Q, base))]


#: Parametric families with the kinds of their parameters, for the rules on integrals and densities.
FAMILIES: dict[type[Parametric], tuple[str, ...]] = {
    Normal: ("mid", "scale"), Exponential: ("scale",), Laplace: ("mid", "scale"), Gamma: ("shape", "scale"),
    Poisson: ("scale",), Geometric: ("prob",),
}
#: Sampling ranges of parameters of densities (away from edges where quadrature loses digits).
PARAMETER_RANGES = {"mid": (Fraction(-2), Fraction(2)), "scale": (Fraction(1, 2), Fraction(3)),
                    "shape": (Fraction(1), Fraction(5)), "prob": (Fraction(1, 5), Fraction(4, 5))}


@st.composite
def parametric(draw: st.DrawFn, name: str = "P", index: int = 1) -> tuple[Parametric, dict[sp.Symbol, str]]:
    """A member of a family with symbolic parameters ``theta_{index}_j``, and the sampling kind of each."""
    cls = draw(st.sampled_from(list(FAMILIES)))
    symbols = [sp.Symbol(f"t_{index}{j}") for j in range(len(cls.parameters))]
    return cls(*symbols, name=name), dict(zip(symbols, FAMILIES[cls]))


@st.composite
def parameter_points(draw: st.DrawFn, kinds: dict[sp.Symbol, str], count: int = 2) -> list[Point]:
    return [{s: _inside(*PARAMETER_RANGES[k], draw(st.integers(1, 63))) for s, k in kinds.items()}
            for _ in range(count)]


# -- the oracle ---------------------------------------------------------------------------------------------------

PLAIN_TOLERANCE = 1e-9
AGGREGATE_TOLERANCE = 1e-6


def independent(expr: sp.Basic) -> sp.Basic:
    """Measures, sums over outcomes and probabilities of finite distributions given their values without derive's code."""
    if isinstance(expr, Measure) and all(d.outcomes for d in expr.dists):
        return _measure(expr)
    if isinstance(expr, OutcomeSum):
        return sp.Add(*(independent(expr.body.xreplace({expr.index: o})) for o in expr.outcomes))
    if isinstance(expr, Prob) and isinstance(expr.outcome, Str) and expr.dist.outcomes:
        return _probability(expr.dist, expr.outcome)
    if not expr.args or getattr(expr, "is_distribution", False):
        return expr
    return expr.func(*(independent(a) for a in expr.args))


def _probability(dist, outcome: Str) -> sp.Expr:
    labels = list(dist.args[2])
    if outcome not in labels:
        raise KeyError(outcome)
    if isinstance(dist, Bernoulli):
        return dist.args[0] if labels.index(outcome) == 0 else 1 - dist.args[0]
    return dist.args[0][labels.index(outcome)]


def _measure(m: Measure) -> sp.Expr:
    """``-sum p log p``, ``-sum p log q``, ``sum p log(p/q)`` in the measure's base, from the probabilities alone."""
    P, Q = m.dists[0], m.dists[-1]
    total = sp.Integer(0)
    for o in P.outcomes:
        p, q = _probability(P, o), _probability(Q, o)
        term = {Entropy: -p * sp.log(p), CrossEntropy: -p * sp.log(q), KL: p * (sp.log(p) - sp.log(q))}[type(m)]
        total += term
    return total / sp.log(m.base)


def value(expr: sp.Basic, point: Point) -> complex | None:
    """``expr`` at ``point`` as a complex number, or ``None`` where it has no finite value (or cannot be evaluated)."""
    bound = {lim[0] for n in sp.preorder_traversal(expr) if isinstance(n, (sp.Sum, sp.Integral)) for lim in n.limits}
    scalars = {k: v for k, v in point.items() if not isinstance(k, sp.Indexed) and k not in bound}
    entries = {k: v for k, v in point.items() if isinstance(k, sp.Indexed)}
    try:
        e = independent(expr)
        if e.has(sp.Derivative):  # differentiate first: a derivative by p cannot be taken at p = 1/3
            for inner in e.atoms(sp.Derivative):  # ... but a derivative of what has no value (log 0) has none
                if value(inner.expr, point) is None and not inner.expr.free_symbols - set(scalars):
                    return None
            e = denote(e)
        try:
            e = denote(_densities_at_numbers(e.xreplace(scalars)))
        except DeriveError:  # a distribution that cannot hold numbers (n outcomes): give it its value first
            e = denote(e).xreplace(scalars)
        if entries:  # p_i of a categorical on n outcomes: write the sums out once n is a number, then fill in
            e = e.replace(lambda n: isinstance(n, sp.Sum) and all(x.is_Integer for x in n.limits[0][1:]),
                          lambda n: n.doit())
            e = e.xreplace(entries)
        e = _aggregates(e)
        if e is None:
            return None
        v = sp.N(e, 30)
    except (ValueError, TypeError, ZeroDivisionError, ArithmeticError, KeyError, RecursionError):
        return None
    if not v.is_number or v.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        return None
    try:
        c = complex(v)
    except TypeError:  # a number SymPy cannot evaluate (an unevaluated function of numbers)
        return None
    return c if math.isfinite(c.real) and math.isfinite(c.imag) else None


def _densities_at_numbers(e: sp.Basic) -> sp.Basic:
    """``P(x)`` of a parametric family with numeric parameters, at a number: SciPy's density or mass."""

    def scipy_value(node: Prob) -> sp.Basic:
        d = node.dist
        frozen = SCIPY[type(d)](*(float(v) for v in d.params))
        x = float(node.outcome)
        return sp.Float(frozen.pmf(x) if d.discrete else frozen.pdf(x), 17)

    return e.replace(lambda n: isinstance(n, Prob) and isinstance(n.dist, Parametric) and n.outcome.is_number
                     and not n.dist.free_symbols, scipy_value)


def _aggregates(e: sp.Basic) -> sp.Basic | None:
    """Every integral and sum replaced by its numeric value (innermost first); ``None`` if one has none."""
    while True:
        inner = [n for n in sp.preorder_traversal(e) if isinstance(n, (sp.Integral, sp.Sum))
                 and not n.function.has(sp.Integral, sp.Sum)]
        if not inner:
            return e
        node = inner[0]
        number = _integral(node) if isinstance(node, sp.Integral) else _sum(node)
        if number is None:
            return None
        e = e.xreplace({node: sp.Float(number.real, 17) + sp.I * sp.Float(number.imag, 17)})


_FP = {name: getattr(mpmath.fp, name) for name in dir(mpmath.fp) if not name.startswith("_")} | {"mpf": float}
#: Two windows of different widths: an integral over an infinite range has a value only when both agree.
WINDOWS = ((-60, 80), (-100, 110))


def _function(node: sp.Basic, modules: object = None) -> tuple[Callable, sp.Symbol, sp.Basic, sp.Basic] | None:
    """The body as a function of the bound variable (double precision unless ``modules`` says otherwise)."""
    if len(node.limits) != 1 or len(node.limits[0]) != 3:
        return None
    var, lo, hi = node.limits[0]
    if node.function.free_symbols - {var} or not (lo.is_number and hi.is_number):
        return None
    # log(c * exp(u)) -> log(c) + u where SymPy knows it is sound, so densities far out do not give log(0)
    body = sp.expand_log(node.function) if isinstance(node, sp.Integral) else node.function
    return sp.lambdify(var, body, modules=modules or [_FP, "mpmath"]), var, lo, hi


@lru_cache(maxsize=100_000)
def _integral(node: sp.Integral) -> complex | None:
    found = _function(node)
    if found is None:
        return None
    f, var, lo, hi = found
    values = []
    kinks = [float(c) for c in _kinks(node.function, var)]
    for left, right in (WINDOWS if (lo.is_infinite or hi.is_infinite) else ((None, None),)):
        a = float(lo) if lo.is_finite else float(left)
        b = float(hi) if hi.is_finite else float(right)
        breaks = [a] + sorted(t for t in {-20.0, -5.0, 0.0, 5.0, 20.0, *kinks} if a < t < b) + [b]
        try:
            v, err = mpmath.fp.quad(f, breaks, error=True)
        except (ValueError, TypeError, ZeroDivisionError, ArithmeticError, OverflowError):
            return None
        if not (math.isfinite(abs(v)) and abs(err) <= 1e-8 * max(1.0, abs(v))):
            return None
        values.append(complex(v))
    if any(abs(v - values[0]) > AGGREGATE_TOLERANCE * max(1.0, abs(values[0])) / 10 for v in values):
        return None
    return values[-1]


def _kinks(body: sp.Basic, var: sp.Symbol) -> set[sp.Basic]:
    """Where an ``|u|`` with ``u`` linear in ``var`` changes sign (quadrature needs a break point there)."""
    out = set()
    for node in sp.preorder_traversal(body):
        if isinstance(node, sp.Abs):
            u = sp.expand(node.args[0])
            slope = sp.diff(u, var)
            if slope.is_number and slope != 0 and sp.diff(u, var, 2) == 0:
                root = -u.subs(var, 0) / slope
                if root.is_real:
                    out.add(root)
    return out


@lru_cache(maxsize=100_000)
def _sum(node: sp.Sum) -> complex | None:
    found = _function(node, "mpmath")
    if found is None:
        return None
    f, _, lo, hi = found
    if not lo.is_Integer or not (hi.is_Integer or hi == oo):
        return None
    last = int(hi) if hi.is_Integer else int(lo) + 3000
    total, small = mpmath.mpc(0), 0
    with mpmath.workdps(30):
        for k in range(int(lo), last + 1):
            try:
                term = mpmath.mpc(f(mpmath.mpf(k)))
            except (ValueError, TypeError, ZeroDivisionError, ArithmeticError, OverflowError):
                return None
            total += term
            if hi.is_Integer:
                continue
            small = small + 1 if abs(term) < mpmath.mpf(10) ** -25 * max(1, abs(total)) else 0
            if small >= 5 and k > 10:
                return complex(total)
    # a finite sum is done; an infinite one whose terms did not become negligible diverges (or is too slow to trust)
    return complex(total) if hi.is_Integer else None


def close(x: complex, y: complex, tolerance: float = PLAIN_TOLERANCE) -> bool:
    return abs(x - y) <= tolerance * max(1.0, abs(x), abs(y))


def tolerance_for(*exprs: sp.Basic) -> float:
    return AGGREGATE_TOLERANCE if any(e.has(sp.Integral, sp.Sum) or _has_density(e) for e in exprs) \
        else PLAIN_TOLERANCE


def _has_density(e: sp.Basic) -> bool:
    return any(isinstance(n, Prob) and isinstance(n.dist, Parametric) for n in sp.preorder_traversal(e))
