"""Steps that are not equalities: bounds (``a <= b``, ``a < b``) and equations that imply one another.

A bound ``a <= b`` holds when ``b - a >= 0`` everywhere on the domain, its
closed ends included.  It is

1. **refuted** at a sample point (inside the domain or on a closed face)
   where ``a - b`` is positive beyond any rounding; for a strict bound also
   where the two sides are exactly equal (``x(1 - x) > 0`` at ``x = 0`` when
   the domain says ``0 <= x``); and where a side is not a real number
   (``exp(I t) > 0``: no order compares non-real numbers);
2. **proved** by the first of

   * *equality* (``a == b`` proved), for ``<=`` only;
   * *signs* (:func:`signed`): ``b - a`` is non-negative (positive) by
     interval bounds or SymPy's assumptions on the re-parametrised domain
     (:mod:`derive.verify.signs`), looking through sums, products, ``sum_i``,
     and trading each ``c log u`` for the lower bound an inequality lemma
     gives it (:data:`derive.verify.lemmas.INEQUALITIES`: ``c (u - 1)`` when
     ``c <= 0``, ``c (1 - 1/u)`` when ``c >= 0``, ``u > 0`` proved);
   * *monotonicity* (:func:`monotone`), for ``<=`` only: the two sides are the
     same expression except at some places, each of which moves the right way
     (a place under a factor proved positive keeps the direction, under one
     proved negative reverses it; a sum's or an integral's body compared on a
     cover of its range, which must be proved in order), and at each place an
     inequality lemma, used with its side conditions proved (its argument
     positive, its scale — ``1/log b`` for a logarithm in base ``b`` —
     positive), or the sign of the difference settles the local bound.
     The lemmas hold with equality at 1, so they never prove a strict bound.
3. otherwise **unknown**, never proved.

Relations between equations (``iff``, ``implies``) are in :mod:`derive.verify.implications`.
"""

from __future__ import annotations

from collections.abc import Iterator

import sympy as sp

from derive.core import Status, Verdict
from derive.core.constraints import IndexedSimplex
from derive.core.domain import Domain
from derive.core.functions import Log
from derive.core.group import Group
from derive.core.terms import as_expr, is_leaf, terms_of
from derive.distributions import moments, randomvars
from derive.distributions.measures import OutcomeSum
from derive.distributions.semantics import denote
from derive.verify import entropic, numeric, signs
from derive.verify.binders import canonical, cover, ordered
from derive.verify.defined import danger, defined
from derive.verify.equality import equal, notation
from derive.verify.implications import equations
from derive.verify.lemmas import INEQUALITIES, Inequality


def relation(before: sp.Basic, after: sp.Basic, rel: str, domain: Domain) -> Verdict:
    """Decide ``before R after`` on ``domain`` for a bound or a relation between equations."""
    if rel in ("iff", "implies"):
        return equations(before, after, rel, domain)
    if rel in ("<=", "<"):
        return order(before, after, domain, strict=rel == "<")
    if rel in (">=", ">"):
        return order(after, before, domain, strict=rel == ">")
    return Verdict(Status.UNKNOWN, f"{rel!r} is not a relation derive checks (=, <=, >=, <, >, iff, implies)")


def order(small: sp.Basic, big: sp.Basic, domain: Domain, strict: bool = False) -> Verdict:
    """Decide ``small <= big`` (``<`` when ``strict``) everywhere on ``domain``."""
    small, big = as_expr(small), as_expr(big)
    for side in (small, big):
        if not isinstance(side, sp.Expr):
            return Verdict(Status.UNKNOWN, f"{sp.sstr(side)} is not an expression, so it cannot be compared")
    if randomvars.involved(small, big):  # I(X; Y) >= 0: for every joint distribution (entropic.py)
        return entropic.order(denote(small), denote(big), strict)
    if moments.involved(small, big):  # E(X^2) >= E^2(X) is no linearity: not checked
        return Verdict(Status.UNKNOWN, "a bound on the expectations of a variable whose distribution the text does "
                                       "not declare is not checked")
    try:
        a, b = canonical(denote(small), domain), canonical(denote(big), domain)
    except (ValueError, KeyError) as exc:
        return Verdict(Status.UNKNOWN, f"cannot give the expression a value: {exc}")
    placed, loose = numeric.place(domain, a, b)
    refuted = _refute(a, b, placed, loose, strict)
    if refuted is not None:
        return refuted
    if not all(defined(side, placed) for side in (small, big, a, b)):  # as written, and as valued
        hole = numeric.refute_at((a, b) if notation(small, big) else (small, big), placed,
                                 danger(small) + danger(big) + danger(a) + danger(b))
        return hole or Verdict(Status.UNKNOWN, "a side is not proved defined everywhere on the domain "
                                               "(a division by zero, a logarithm of 0?), so no order is proved")
    if not strict and equal(small, big, domain).proved:
        return Verdict(Status.PROVED, "the two sides are equal")
    if signed(b - a, placed, strict):
        return Verdict(Status.PROVED, f"the difference is {'positive' if strict else 'nonnegative'} on the domain")
    reason = None if strict else monotone(small, big, domain)  # the lemmas are not strict (equality at 1)
    if reason is not None:
        return Verdict(Status.PROVED, reason)
    return Verdict(Status.UNKNOWN, "holds at the sample points, but not proved")


def _refute(a: sp.Basic, b: sp.Basic, domain: Domain, loose: tuple[sp.Symbol, ...], strict: bool) -> Verdict | None:
    """A sample point where ``a > b`` beyond rounding, ``a == b`` exactly for a strict bound, or a side is not real."""
    needed = numeric.needed(a, b)
    for point, on_face in numeric.points(domain, loose, numeric.POINTS):
        point = numeric.restrict(point, needed)
        sides = [numeric.at(side, point) for side in (a, b)]
        estimates = [numeric.estimate(side) for side in sides]
        if estimates[0] is None or estimates[1] is None:
            found = _no_order(sides, estimates, point, on_face, loose)
            if found is not None:
                return found
            continue
        (x, dx), (y, dy) = estimates
        tolerance = sp.Float(10) ** (10 - numeric.DIGITS) * max(1, abs(x), abs(y)) + 10 * (dx + dy)
        if x - y > tolerance:
            at = f" at {numeric.where(point)}" if point else ""  # numbers alone: no point to name
            return Verdict(Status.REFUTED, f"{numeric.short(x)} > {numeric.short(y)}{at}", tuple(point.items()))
        if strict and not dx and not dy and _exactly_equal(*sides):
            at = f" at {numeric.where(point)}" if point else ""
            return Verdict(Status.REFUTED, f"both sides equal {numeric.short(x)}{at}, where the claim says they "
                                           "differ", tuple(point.items()))
    return None


def _exactly_equal(x: sp.Basic, y: sp.Basic) -> bool:
    """The two values (free of symbols) are equal exactly (``0 = 0``, ``log(1) = 0``), not just to 50 digits."""
    difference = x - y
    return difference == 0 or (not difference.has(sp.Integral, sp.Sum) and difference.is_zero is True)


def _no_order(sides: list[sp.Basic], estimates: list, point: numeric.Point, on_face: bool,
              loose: tuple[sp.Symbol, ...] = ()) -> Verdict | None:
    r"""A side with no real value at ``point``: not real (refutes), undefined on a closed face (refutes), else skip.
    A point that gives a symbol no stated domain (``loose``) a value refutes nothing this way: ``\sqrt{x - 1}``
    is not real at ``x = 0``, which only says the text means ``x >= 1``."""
    if any(x in loose for x in point):
        return None
    for k in (0, 1):
        if estimates[k] is not None or sides[k].has(sp.Integral, sp.Sum):
            continue
        value = numeric.evaluated(sides[k])
        if value is None or value.free_symbols or not value.is_number:
            continue
        side = "left" if k == 0 else "right"
        if value.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
            if on_face:
                return Verdict(Status.REFUTED, f"the {side} side is undefined at {numeric.where(point)}, an end the "
                                               "domain includes", tuple(point.items()))
            continue
        if abs(sp.im(value)) > sp.Float(10) ** (10 - numeric.DIGITS) * max(1, abs(value)):
            return Verdict(Status.REFUTED, f"the {side} side is {numeric.short(value)}, not a real number, at "
                                           f"{numeric.where(point)}: no order compares it", tuple(point.items()))
    return None


def signed(expr: sp.Basic, domain: Domain, strict: bool) -> bool:
    """``expr >= 0`` (``> 0`` when strict) proved on the domain, looking inside sums and products (gathered
    once: its sums over one range merged, :func:`gathered`)."""
    return _signed(gathered(expr, domain) if expr.has(sp.Sum) else expr, domain, strict)


def _signed(expr: sp.Basic, domain: Domain, strict: bool) -> bool:
    if expr == 0:
        return not strict
    if signs.is_positive(expr, domain) or (not strict and signs.is_nonnegative(expr, domain)):
        return True
    if isinstance(expr, sp.Sum) and len(expr.limits) == 1 and len(expr.limits[0]) == 3:
        return _signed_sum(expr, domain, strict)
    if isinstance(expr, sp.Mul):
        negatives = [f for f in expr.args if f.is_number and f.is_negative is True]
        rest = [f for f in expr.args if not (f.is_number and f.is_negative is True)]
        return len(negatives) % 2 == 0 and all(_signed(f, domain, strict) for f in rest)
    if isinstance(expr, sp.Add):
        if all(_signed(t, domain, False) for t in expr.args):
            return not strict or any(_signed(t, domain, True) for t in expr.args)
        traded = None if strict else _trade_logs(expr, domain)
        return traded is not None and _signed(traded, domain, False)
    return False


def _signed_sum(expr: sp.Sum, domain: Domain, strict: bool) -> bool:
    """A sum of terms of one sign has that sign (an empty sum is 0: never positive, always non-negative).

    The body is judged on a cover of the range (``lo + m``, ``m`` a non-negative integer).
    """
    (var, lo, hi), = expr.limits
    where = cover(var, lo, hi, expr, domain)
    if where is None:
        return False
    body = expr.function.xreplace({var: where})
    if strict and not ordered(lo, hi, domain):
        return False  # possibly empty: 0 is not positive
    if _signed(body, domain, strict):
        return True
    traded = None if strict else _trade_logs(sp.Add(expr.function, 0, evaluate=False), domain)
    if traded is None:
        return False
    # the sum of the lower bounds, with what the domain knows of sums (a simplex's entries add up to 1)
    total = domain.reparametrize(sp.expand(sp.Sum(traded, *expr.limits).expand()))
    return total == 0 or (not total.has(sp.Sum) and signed(total, domain, False))


def _trade_logs(expr: sp.Add, domain: Domain) -> sp.Basic | None:
    """A lower bound of ``expr``: each ``c log u`` (``u > 0``) replaced by what the inequality lemmas allow.

    ``log u <= u - 1`` bounds ``c log u`` below by ``c (u - 1)`` when ``c <= 0``;
    ``log u >= 1 - 1/u`` bounds it below by ``c (1 - 1/u)`` when ``c >= 0``.
    ``None`` when no term can be traded.
    """
    out, traded = [], False
    for term in sp.Add.make_args(merged_logs(expr)):
        logs = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.log)]
        if len(logs) == 1 and signs.is_positive(logs[0].args[0], domain):
            c = sp.Mul(*(f for f in sp.Mul.make_args(term) if f is not logs[0]))
            u = logs[0].args[0]
            if signs.is_nonnegative(-c, domain):
                out.append(c * (u - 1))
                traded = True
                continue
            if signs.is_nonnegative(c, domain):
                out.append(c * (1 - 1 / u))
                traded = True
                continue
        out.append(term)
    return sp.expand(sp.Add(*out)) if traded else None


def gathered(expr: sp.Basic, domain: Domain) -> sp.Basic:
    """``expr`` with the sums over one range merged into one (their factors free of the index taken inside:
    ``-sum p log p + sum p log q`` is ``sum (p log q - p log p)``), and a simplex's entries summed to 1: each step
    an identity, so the sign of the result is that of ``expr``."""
    for c in domain.constraints:
        if isinstance(c, IndexedSimplex) and expr.has(c.base):
            expr = c.total(expr)
    rest: list[sp.Basic] = []
    bodies: dict[tuple[sp.Basic, sp.Basic], tuple[sp.Symbol, list[sp.Basic]]] = {}
    for term in sp.Add.make_args(sp.expand(expr, deep=False, log=False, power_exp=False, multinomial=False)):
        sums = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.Sum) and len(f.limits) == 1
                and len(f.limits[0]) == 3]
        if len(sums) != 1:
            rest.append(term)
            continue
        (v, lo, hi), = sums[0].limits
        c = sp.Mul(*(f for f in sp.Mul.make_args(term) if f is not sums[0]))
        v0 = bodies.get((lo, hi), (v, []))[0]
        if c.has(v) or c.has(v0) or v != v0 and sums[0].function.has(v0):  # never capture a free v0
            rest.append(term)
            continue
        bodies.setdefault((lo, hi), (v0, []))[1].append(c * sums[0].function.xreplace({v: v0}))
    merged = [sp.Sum(sp.Add(*fs), (v0, lo, hi)) for (lo, hi), (v0, fs) in bodies.items()]
    return sp.Add(*rest, *merged)


def merged_logs(expr: sp.Basic) -> sp.Basic:
    """``c log a - c log b`` as ``c log(a/b)``: the logarithms of each coefficient merged into one, so that a lower
    bound traded for it (:func:`_trade_logs`) loses nothing (``p log q - p log p`` is ``p log(q/p)``, whose bound
    ``p (q/p - 1)`` sums to 0 where those of its two halves do not)."""
    groups: dict[sp.Basic, list[sp.Basic]] = {}
    rest = []
    flat = sp.Add(*sp.Add.make_args(expr))  # an unevaluated Add(f, 0) taken apart; terms kept whole
    for term in sp.Add.make_args(flat):
        logs = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.log)]
        if len(logs) != 1:
            rest.append(term)
            continue
        c = sp.Mul(*(f for f in sp.Mul.make_args(term) if f is not logs[0]))
        sign, c = (-1, -c) if c.could_extract_minus_sign() else (1, c)
        groups.setdefault(c, []).append((logs[0].args[0] ** sign, term))
    merged = [c * sp.log(sp.Mul(*(u for u, _ in found))) if len(found) > 1 else found[0][1]
              for c, found in groups.items()]
    return sp.Add(*rest, *merged)


def monotone(small: sp.Basic, big: sp.Basic, domain: Domain) -> str | None:
    """Why ``small <= big`` holds place by place, or ``None``."""
    places = list(_places(as_expr(small), as_expr(big), +1, domain))
    if not places:
        return None
    reasons = []
    for x, y, sign, where in places:
        lo, hi = (x, y) if sign > 0 else (y, x)
        reason = _local(lo, hi, where)
        if reason is None:
            return None
        reasons.append(reason)
    return f"{len(places)} place(s) differ, each in the right direction ({'; '.join(sorted(set(reasons)))})"


def _places(x: sp.Basic, y: sp.Basic, polarity: int,
            domain: Domain) -> Iterator[tuple[sp.Basic, sp.Basic, int, Domain]]:
    """The places where ``x`` and ``y`` differ, the direction each must move (+1: ``x <= y``), and the domain there."""
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
            rest = _value(sp.Mul(*(a for j, a in enumerate(x.args) if j != k)))
            if rest is not None and signs.is_positive(rest, domain):
                yield from _places(x.args[k], y.args[k], polarity, domain)
                return
            if rest is not None and signs.is_positive(-rest, domain):
                yield from _places(x.args[k], y.args[k], -polarity, domain)
                return
        yield (x, y, polarity, domain)
        return
    if same_kind and isinstance(x, (sp.Sum, sp.Integral)) and x.limits == y.limits and len(x.limits) == 1:
        inside = _inside(x, y, domain)
        if inside is not None:
            yield from _places(*inside, polarity, domain)
            return
    if same_kind and isinstance(x, OutcomeSum) and x.args[1:] == y.args[1:]:
        for outcome in x.outcomes:  # one place per outcome: the index takes each value
            yield from _places(_at_outcome(x, outcome), _at_outcome(y, outcome), polarity, domain)
        return
    yield (x, y, polarity, domain)


def _inside(x: sp.Sum | sp.Integral, y: sp.Sum | sp.Integral, domain: Domain) -> tuple[sp.Basic, sp.Basic] | None:
    """The two bodies on a cover of the common range, or ``None`` (range of unknown order, or not a plain range).

    A body bound pointwise on the whole range bounds the aggregate the same way
    (an empty sum is 0 on both sides); an integral needs ``lo <= hi``.
    """
    (var, *ends), = x.limits
    if len(ends) != 2:
        return None
    lo, hi = ends
    if isinstance(x, sp.Integral) and not ordered(lo, hi, domain):
        return None
    where = cover(var, lo, hi, x, domain)
    if where is None:
        return None
    return x.function.xreplace({var: where}), y.function.xreplace({var: where})


def _at_outcome(e: OutcomeSum, outcome: sp.Basic) -> sp.Basic:
    from derive.core.terms import replace

    return replace(e.body, {e.index: outcome})


def _value(expr: sp.Basic) -> sp.Basic | None:
    try:
        return denote(expr)
    except (ValueError, KeyError):
        return None


def _local(lo: sp.Basic, hi: sp.Basic, domain: Domain) -> str | None:
    """Why ``lo <= hi`` at one place: an inequality lemma, or the sign of the difference."""
    for lemma in INEQUALITIES:
        if _matches(lemma, lo, hi, domain):
            return f"lemma {lemma.name}: {lemma.statement}"
    low, high = _value(lo), _value(hi)
    if low is None or high is None:
        return None
    if signed(sp.expand(high - low), domain, False):
        return "the difference has a known sign"
    return None


def _matches(lemma: Inequality, lo: sp.Basic, hi: sp.Basic, domain: Domain) -> bool:
    """``lo <= hi`` is an instance of ``lemma``, its side conditions proved on the domain.

    The argument ``u`` must be positive; a logarithm in base ``b`` scales the
    lemma by ``1/log b``, which must be proved positive (``b > 1``), or the
    bound would turn round.
    """
    logs = [s for s in (lo, hi) if isinstance(s, (sp.log, Log))]
    if len(logs) != 1:
        return False
    log = logs[0]
    scale = 1 / sp.log(log.base) if isinstance(log, Log) else sp.Integer(1)
    if scale != 1 and not signs.is_positive(sp.log(log.base), domain):
        return False
    u = _value(log.args[0])
    if u is None or not signs.is_positive(u, domain):
        return False
    return equal(lo, lemma.small(log.args[0]) * scale, domain).proved and \
        equal(hi, lemma.big(log.args[0]) * scale, domain).proved
