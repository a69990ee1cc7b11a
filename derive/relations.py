"""The checker for steps that are not equalities: bounds (``a <= b``) and equations that imply one another.

A bound ``a <= b`` holds when ``b - a >= 0`` everywhere on the domain.  It is

1. refuted by a sample point where ``a - b`` is positive beyond any rounding
   (50-digit arithmetic, the same points as equalities), the point being the
   counterexample;
2. proved by one of
   * equality (``a == b`` proved by :func:`derive.verify.check_equal`), for ``<=``;
   * the sign of ``b - a``: interval bounds or an exact decision on the
     re-parametrised domain, looking through sums, products and ``sum_i``,
     and trading every ``c log u`` for the lower bound the lemmas
     ``log x <= x - 1`` and ``log x >= 1 - 1/x`` give it (:data:`LEMMAS`);
   * monotonicity: the two sides are the same expression except at some
     places, each of which moves the right way (a place under a positive
     factor keeps the direction, under a negative one reverses it; ``log`` and
     sums keep it), and at each place the lemma or the sign of the difference
     settles the local bound.
3. otherwise unknown, never proved.

Between equations, ``E1 implies E2`` is proved by solving ``E1`` for one of
its symbols (SymPy's ``solveset``, which returns every solution or says it
cannot) and checking ``E2`` at each solution; ``iff`` checks both ways.  A
solution of ``E1`` at which ``E2`` fails is the counterexample.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import sympy as sp

from derive.core import Status, Verdict
from derive.domain import Domain
from derive.functions import Log
from derive.group import Group
from derive.measures import OutcomeSum
from derive.semantics import denote
from derive.system import equations_of
from derive.terms import as_expr, is_leaf, terms_of

DIGITS = 50


@dataclass(frozen=True)
class Lemma:
    """A proved inequality ``small <= big`` for ``x > 0``, used by the checker."""

    name: str
    statement: str
    small: sp.Lambda
    big: sp.Lambda


_x = sp.Dummy("x", positive=True)
#: The inequalities the checker knows; each is proved in tests/test_relations.py (the sign of the derivative).
LEMMAS = (
    Lemma("log-le-linear", "log(x) <= x - 1 for x > 0, equality only at x = 1",
          sp.Lambda(_x, sp.log(_x)), sp.Lambda(_x, _x - 1)),
    Lemma("log-ge-reciprocal", "log(x) >= 1 - 1/x for x > 0, equality only at x = 1",
          sp.Lambda(_x, 1 - 1 / _x), sp.Lambda(_x, sp.log(_x))),
)


def check_relation(before: sp.Basic, after: sp.Basic, relation: str, domain: Domain) -> Verdict:
    """Decide ``before R after`` on ``domain`` for a bound or a relation between equations."""
    if relation in ("iff", "implies"):
        return _equations(before, after, relation, domain)
    if relation in ("<=", "<"):
        return check_order(before, after, domain, strict=relation == "<")
    if relation in (">=", ">"):
        return check_order(after, before, domain, strict=relation == ">")
    raise ValueError(f"not a bound or an implication: {relation!r}")


def check_order(small: sp.Basic, big: sp.Basic, domain: Domain, strict: bool = False) -> Verdict:
    """Decide ``small <= big`` (``<`` when ``strict``) everywhere on ``domain``."""
    from derive.verify import check_equal

    small, big = as_expr(small), as_expr(big)
    try:
        a, b = denote(small), denote(big)
    except (ValueError, KeyError) as exc:
        return Verdict(Status.UNKNOWN, f"cannot give the expression a value: {exc}")
    refuted = _refute_order(a, b, domain)
    if refuted is not None:
        return refuted
    if not strict and check_equal(small, big, domain).proved:
        return Verdict(Status.PROVED, "the two sides are equal")
    if _signed(b - a, domain, strict):
        return Verdict(Status.PROVED, f"the difference is {'positive' if strict else 'nonnegative'} on the domain")
    reason = None if strict else _monotone(small, big, domain, +1)  # the lemmas are not strict (equality at 1)
    if reason is not None:
        return Verdict(Status.PROVED, reason)
    return Verdict(Status.UNKNOWN, "holds at the sample points, but not proved")


def _refute_order(a: sp.Basic, b: sp.Basic, domain: Domain) -> Verdict | None:
    """A sample point where ``a > b`` beyond rounding (for a strict bound too: ``a = b`` cannot be told from it)."""
    from derive.verify import POINTS, _at, _estimate, _needed, _restrict, _with_free_symbols

    domain, loose = _with_free_symbols(domain, sp.Tuple(a, b))  # not a + b: a symbol may cancel there
    extra = Domain(tuple((s, sp.Interval.open(0, sp.oo)) for s in loose))
    needed = _needed(a, b)
    for point, more in zip(domain.sample_points(POINTS), extra.sample_points(POINTS)):
        point = _restrict(point, needed) | more
        estimates = [_estimate(_at(side, point)) for side in (a, b)]
        if estimates[0] is None or estimates[1] is None:
            continue
        (x, dx), (y, dy) = estimates
        tolerance = sp.Float(10) ** (10 - DIGITS) * max(1, abs(x), abs(y)) + 10 * (dx + dy)
        if x - y > tolerance:
            where = ", ".join(f"{s} = {v}" for s, v in point.items())
            return Verdict(Status.REFUTED, f"{sp.N(x, 8)} > {sp.N(y, 8)} at {where}", tuple(point.items()))
    return None


def _signed(expr: sp.Basic, domain: Domain, strict: bool) -> bool:
    """``expr >= 0`` (``> 0`` when strict) proved on the domain, looking inside sums and products."""
    if expr == 0:
        return not strict
    if domain.is_positive(expr) or (not strict and domain.is_nonnegative(expr)):
        return True
    if isinstance(expr, sp.Sum):  # a sum of n >= 1 terms, each of the sign of the summand
        (_, lo, hi), = expr.limits
        if _signed(expr.function, domain, strict) and (not strict or (lo == 1 and bool(hi.is_positive))):
            return True
        traded = None if strict else _trade_logs(sp.Add(expr.function, 0, evaluate=False), domain)
        if traded is None:
            return False
        bound = domain.reparametrize(sp.expand(sp.Sum(traded, *expr.limits).expand()))
        return bound == 0 or (not bound.has(sp.Sum) and _signed(bound, domain, False))
    if isinstance(expr, sp.Mul):
        negatives = [f for f in expr.args if f.is_number and f < 0]
        rest = [f for f in expr.args if not (f.is_number and f < 0)]
        return len(negatives) % 2 == 0 and all(_signed(f, domain, strict) for f in rest)
    if isinstance(expr, sp.Add):
        if all(_signed(t, domain, False) for t in expr.args):
            return not strict or any(_signed(t, domain, True) for t in expr.args)
        traded = None if strict else _trade_logs(expr, domain)
        return traded is not None and _signed(traded, domain, False)
    return False


def _trade_logs(expr: sp.Add, domain: Domain) -> sp.Basic | None:
    """A lower bound of ``expr``: each ``c log u`` (``u > 0``) replaced by what the lemmas allow.

    ``log u <= u - 1`` bounds ``c log u`` below by ``c (u - 1)`` when ``c <= 0``;
    ``log u >= 1 - 1/u`` bounds it below by ``c (1 - 1/u)`` when ``c >= 0``.
    ``None`` when no term can be traded.
    """
    out, traded = [], False
    for term in expr.args:
        logs = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.log)]
        if len(logs) == 1 and domain.is_positive(logs[0].args[0]):
            c = sp.Mul(*(f for f in sp.Mul.make_args(term) if f is not logs[0]))
            u = logs[0].args[0]
            if domain.is_nonnegative(-c):
                out.append(c * (u - 1))
                traded = True
                continue
            if domain.is_nonnegative(c):
                out.append(c * (1 - 1 / u))
                traded = True
                continue
        out.append(term)
    return sp.expand(sp.Add(*out)) if traded else None


def _monotone(small: sp.Basic, big: sp.Basic, domain: Domain, polarity: int) -> str | None:
    """Why ``small <= big`` (polarity +1; ``>=`` for -1) holds place by place, or ``None``."""
    places = list(_places(small, big, polarity, domain))
    if not places:
        return None
    reasons = []
    for x, y, sign in places:
        lo, hi = (x, y) if sign > 0 else (y, x)
        reason = _local(lo, hi, domain)
        if reason is None:
            return None
        reasons.append(reason)
    return f"{len(places)} place(s) differ, each in the right direction ({'; '.join(sorted(set(reasons)))})"


def _places(x: sp.Basic, y: sp.Basic, polarity: int, domain: Domain) -> Iterator[tuple[sp.Basic, sp.Basic, int]]:
    """The places where ``x`` and ``y`` differ, with the direction each must move (+1: ``x <= y``)."""
    if x == y:
        return
    if isinstance(x, Group):
        x = x.content
    if isinstance(y, Group):
        y = y.content
    same_kind = type(x) is type(y) and not is_leaf(x) and not is_leaf(y)
    if same_kind and isinstance(x, sp.Add) and len(x.args) == len(y.args):
        for a, b in zip(terms_of(x), terms_of(y)):
            yield from _places(a, b, polarity, domain)
        return
    if same_kind and isinstance(x, sp.Mul) and len(x.args) == len(y.args):
        differ = [k for k, (a, b) in enumerate(zip(x.args, y.args)) if a != b]
        if len(differ) == 1:
            k = differ[0]
            rest = denote(sp.Mul(*(a for j, a in enumerate(x.args) if j != k)))
            if domain.is_positive(rest):
                yield from _places(x.args[k], y.args[k], polarity, domain)
                return
            if domain.is_positive(-rest):
                yield from _places(x.args[k], y.args[k], -polarity, domain)
                return
        yield (x, y, polarity)
        return
    if same_kind and isinstance(x, (sp.Sum, OutcomeSum)) and x.args[1:] == y.args[1:]:
        yield from _places(x.args[0], y.args[0], polarity, domain)
        return
    if same_kind and isinstance(x, sp.Integral) and x.limits == y.limits and all(
            len(lim) == 3 and bool(lim[1] < lim[2]) for lim in x.limits):
        yield from _places(x.function, y.function, polarity, domain)
        return
    yield (x, y, polarity)


def _local(lo: sp.Basic, hi: sp.Basic, domain: Domain) -> str | None:
    """Why ``lo <= hi`` at one place: a lemma, or the sign of the difference."""
    for lemma in LEMMAS:
        if _matches(lemma, lo, hi, domain):
            return f"lemma {lemma.name}: {lemma.statement}"
    if _signed(sp.expand(denote(hi) - denote(lo)), domain, False):
        return "the difference has a known sign"
    return None


def _matches(lemma: Lemma, lo: sp.Basic, hi: sp.Basic, domain: Domain) -> bool:
    """``lo <= hi`` is an instance of ``lemma`` (up to a positive factor, the logarithm's base)."""
    from derive.verify import check_equal

    scale = sp.Integer(1)
    for side in (lo, hi):
        if isinstance(side, Log):
            scale = 1 / sp.log(side.base)
    logs = [s for s in (lo, hi) if isinstance(s, (sp.log, Log))]
    if len(logs) != 1:
        return False
    u = logs[0].args[0]
    if not domain.is_positive(denote(u)):
        return False
    want_lo, want_hi = lemma.small(u) * scale, lemma.big(u) * scale
    return check_equal(lo, want_lo, domain).proved and check_equal(hi, want_hi, domain).proved


def _equations(before: sp.Basic, after: sp.Basic, relation: str, domain: Domain) -> Verdict:
    """``before`` implies (or, for ``iff``, is equivalent to) ``after``: equations or systems of them."""
    from derive.verify import check_equal

    premises, conclusions = equations_of(before), equations_of(after)
    if premises is None or conclusions is None:
        return Verdict(Status.UNKNOWN, f"{relation} relates two equations")
    try:
        fs = [denote(e.lhs) - denote(e.rhs) for e in premises]
        gs = [denote(e.lhs) - denote(e.rhs) for e in conclusions]
    except (ValueError, KeyError) as exc:
        return Verdict(Status.UNKNOWN, f"cannot give the equations a value: {exc}")
    if len(fs) == len(gs) and all(check_equal(f, g, domain).proved for f, g in zip(fs, gs)):
        return Verdict(Status.PROVED, "the equations say the same: their sides are equal, one by one")
    directions = [(fs, gs, "the first implies the second")]
    if relation == "iff":
        directions.append((gs, fs, "the second implies the first"))
    preferred = [e.lhs for e in premises + conclusions if isinstance(e.lhs, (sp.Symbol, sp.Indexed))]
    for hypotheses, claims, what in directions:
        verdict = _implies(hypotheses, claims, domain, preferred)
        if not verdict.proved:
            return Verdict(verdict.status, f"{what}? {verdict.reason}", verdict.counterexample)
    return Verdict(Status.PROVED, "each side implies the other" if relation == "iff"
                   else "every solution of the first solves the second")


def _implies(hypotheses: list[sp.Basic], claims: list[sp.Basic], domain: Domain,
             preferred: list[sp.Basic] = ()) -> Verdict:
    """Every point of ``domain`` where each hypothesis is 0 makes each claim 0.

    The hypotheses are solved one at a time for an unknown with a unique
    solution, which is put into the rest (an entry ``q_j`` with ``j`` an
    arbitrary index stands for every entry); each claim, with the solutions
    put in, must then be 0 on the domain.  A claim that is not is refuted at
    a sample point, the solutions being the rest of the counterexample.
    """
    from derive.verify import check_equal

    solution: dict[sp.Basic, sp.Basic] = {}
    pending = list(hypotheses)
    while pending:
        for k, f in enumerate(pending):
            f = _put_all(f, solution)
            if check_equal(f, sp.Integer(0), domain).proved:
                del pending[k]
                break
            found = _solve_somehow(f, domain, solution, preferred)
            if found is not None:
                x, value = found
                solution = {y: _put_all(v, {x: value}) for y, v in solution.items()} | {x: value}
                del pending[k]
                break
        else:
            return Verdict(Status.UNKNOWN, "could not solve " + ", ".join(f"{sp.sstr(f)} = 0" for f in pending))
    solved = ", ".join(f"{x} = {sp.sstr(v)}" for x, v in solution.items()) or "nothing to solve"
    for g in claims:
        verdict = check_equal(_put_all(g, solution), sp.Integer(0), domain)
        if verdict.status is Status.REFUTED:
            where = ", ".join(f"{s} = {v}" for s, v in verdict.counterexample)
            return Verdict(Status.REFUTED, f"with {solved}, {sp.sstr(g)} = 0 fails at {where}",
                           verdict.counterexample)
        if not verdict.proved:
            return Verdict(Status.UNKNOWN, f"with {solved}, could not prove {sp.sstr(g)} = 0")
    return Verdict(Status.PROVED, f"solved: {solved}")


def _solve_somehow(f: sp.Basic, domain: Domain, known: dict,
                   preferred: list[sp.Basic] = ()) -> tuple[sp.Basic, sp.Basic] | None:
    """An unknown of ``f`` and its unique solution (the equations' lone left-hand sides first), or ``None``."""
    candidates = _unknowns(f, domain)
    for x in [c for c in preferred if c in candidates] + candidates:
        if x in known:
            continue
        solutions = solve(f, x, domain)
        if solutions is not None and len(solutions) == 1:
            return x, solutions[0]
    return None


def _put_all(expr: sp.Basic, solution: dict[sp.Basic, sp.Basic]) -> sp.Basic:
    """``expr`` with every solved unknown replaced; an entry ``q_j`` replaces every ``q_i``."""
    for x, value in solution.items():
        if isinstance(x, sp.Indexed) and not x.indices[0].is_number:
            j = x.indices[0]
            expr = expr.replace(lambda e, x=x: isinstance(e, sp.Indexed) and e.base == x.base,
                                lambda e, j=j, value=value: value.xreplace({j: e.indices[0]}))
        else:
            expr = expr.xreplace({x: value})
    return expr


def _unknowns(f: sp.Basic, domain: Domain) -> list[sp.Basic]:
    """Candidates to solve for: symbols outside the domain first (multipliers), then entries, then parameters."""
    labels = {ix.base.label for ix in f.atoms(sp.Indexed)}
    symbols = sorted(f.free_symbols - labels, key=str)
    entries = sorted(f.atoms(sp.Indexed), key=str)
    loose = [s for s in symbols if s not in domain.symbol_set and not s.is_integer]
    placed = [s for s in symbols if s in domain.symbol_set and not s.is_integer]
    return loose + entries + placed


def solve(f: sp.Basic, unknown: sp.Basic, domain: Domain | None = None) -> list[sp.Basic] | None:
    """Every complex solution of ``f = 0`` for ``unknown``, or ``None`` when SymPy cannot list them all.

    Sums that do not involve the unknown (after constant factors are taken
    out of them) are held fixed, as symbols, while solving.  With a domain,
    solutions proved to lie outside the unknown's interval are dropped.
    """
    x = sp.Dummy("x")
    expr = sp.factor_terms(f.xreplace({unknown: x}))
    held = {a: sp.Dummy("s") for a in expr.atoms(sp.Sum, sp.Integral) if not a.has(x)}
    expr = expr.xreplace(held)
    if expr.has(sp.Sum, sp.Integral, sp.Derivative) or not expr.has(x):
        return None
    try:
        solutions = sp.solveset(sp.together(expr), x, domain=sp.S.Complexes)
    except (NotImplementedError, ValueError, TypeError):
        return None
    if isinstance(solutions, sp.Complement) and isinstance(solutions.args[0], sp.FiniteSet):
        solutions = solutions.args[0]  # the points excluded (where a denominator vanishes) only shrink the set
    if not isinstance(solutions, sp.FiniteSet):
        return None
    back = {v: k for k, v in held.items()} | {x: unknown}
    found = [s.xreplace(back) for s in solutions]
    return found if domain is None else [s for s in found if not _outside(s, unknown, domain)]


def _outside(value: sp.Basic, unknown: sp.Basic, domain: Domain) -> bool:
    """``value`` is proved to lie outside the interval ``domain`` gives ``unknown`` (a bound on it fails)."""
    interval = dict(domain.intervals).get(unknown)
    if interval is None:
        return False
    lo, hi = interval.start, interval.end
    return bool((lo.is_finite and domain.is_nonnegative(lo - value)) or
                (hi.is_finite and domain.is_nonnegative(value - hi)))
