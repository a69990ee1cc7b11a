"""Sampling and numeric refutation: a point of the domain where a claim fails is a counterexample.

Numbers only ever refute; they never prove.  A claim is evaluated at

* rational points inside the domain (:meth:`derive.core.domain.Domain.sample_points`:
  integer symbols at integers, a simplex on the simplex), and
* points on each closed face (``p = 0`` when the domain says ``0 <= p``), and
  on the corners where two closed faces meet, since a claim on a closed set
  must hold there too.

Symbols the domain does not mention are placed by their SymPy assumptions
(:func:`place`): a ``positive`` symbol on ``(0, oo)``, a ``nonnegative`` one on
``[0, oo)``, an ``integer`` one at integers of either sign, a ``real`` one on
the real line.  A symbol with no assumptions at all is a complex number to
SymPy; it is sampled at positive points only (so no claim is refuted for a
value the author may not have meant), and no proof path may use a sign for it.

Plain expressions are evaluated with :data:`DIGITS` digits; integrals and
infinite sums by :mod:`derive.verify.quadrature`, with an error bound that
the difference must exceed :data:`QUAD_SAFETY` times over.  A point where a
side has no finite real value is skipped, except that a real number is never
equal to a number that is not real (``log(-p - 1)``), and on a closed face a
side that is undefined while the other is a real number refutes the claim.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import sympy as sp

from derive.core import Status, Verdict
from derive.core.domain import Domain
from derive.verify.quadrature import aggregate

DIGITS = 50
POINTS = 6
CONFIRM_POINTS = 2  # numeric confirmation of a step already proved symbolically
AGGREGATE_POINTS = 3  # points judged when a side has an integral or infinite sum (of at most POINTS tried)
FACE_POINTS = 2  # points on each closed face of the domain
QUAD_SAFETY = 10  # a difference must exceed the quadrature error bounds this many times over to refute
UNRELIABLE = sp.Float(10) ** -6  # a point whose error bounds exceed this (relative) is skipped, not judged
HUGE_POWER = 2000  # an integer power above this is evaluated in floating point, never exactly
MAX_EXPANDED_TERMS = 20000  # terms of a finite sum written out at a sample point
SHORT_SUM = 64  # a sum with integer limits and at most this many terms is written out before it is evaluated

Point = dict


def place(domain: Domain, *exprs: sp.Basic) -> tuple[Domain, tuple[sp.Symbol, ...]]:
    """The domain extended by the free symbols of ``exprs`` it does not mention, and the symbols left loose.

    A symbol is placed on the interval its SymPy assumptions give it
    (:func:`derive.core.intervals.admit`); one with no assumptions (a complex
    number to SymPy) is *loose*: it is sampled at positive points only.
    """
    labels = {ix.base.label for e in exprs for ix in e.atoms(sp.Indexed)}
    free = {s for e in exprs for s in e.free_symbols if isinstance(s, sp.Symbol)} - labels - domain.symbol_set
    if not free:
        return domain, ()
    placed, loose = [], []
    for s in sorted(free, key=str):
        if s.is_real or s.is_integer:
            placed.append((s, sp.Interval(-sp.oo, sp.oo)))  # the domain cuts it to the symbol's own set
        elif s.is_real is None:
            loose.append(s)
    return domain.merge(Domain(tuple(placed))), tuple(loose)


def points(domain: Domain, loose: tuple[sp.Symbol, ...], count: int) -> Iterator[tuple[Point, bool]]:
    """``(point, on_a_face)``: ``count`` interior points, then :data:`FACE_POINTS` on each closed face and corner."""
    extra = Domain(tuple((s, sp.Interval.open(0, sp.oo)) for s in loose))
    spare = extra.sample_points(count + FACE_POINTS * 8)
    for k, point in enumerate(domain.sample_points(count)):
        yield point | spare[k], False
    for k, point in enumerate(_face_points(domain, depth=2)):
        yield point | spare[(count + k) % len(spare)], True


def _face_points(domain: Domain, depth: int) -> Iterator[Point]:
    for symbol, end, rest in domain.faces():
        for point in rest.sample_points(FACE_POINTS):
            yield point | {symbol: end}
        if depth > 1:
            for point in _face_points(rest, depth - 1):
                yield point | {symbol: end}


def refute_equal(a: sp.Basic, b: sp.Basic, domain: Domain, loose: tuple[sp.Symbol, ...] = (),
                 count: int | None = None, mention: frozenset = frozenset()) -> Verdict | None:
    """A counterexample to ``a == b`` (REFUTED), ``None`` when none is found, UNKNOWN when nothing could be evaluated.

    Plain expressions must agree to ``10**(10 - DIGITS)`` relative to their
    size (a side holding a float, a number already rounded to its bits, only
    to those bits but 8).  With integrals and infinite sums the sides must also differ by more
    than ``QUAD_SAFETY`` times the sum of their error bounds, and a point whose
    bounds exceed ``UNRELIABLE`` (relative) is skipped: there the numbers
    cannot tell a true identity from a false one.  A skipped point never
    refutes and never counts.
    """
    aggregates = a.has(sp.Integral, sp.Sum) or b.has(sp.Integral, sp.Sum)
    wanted = count or (AGGREGATE_POINTS if aggregates else POINTS)
    tried = max(wanted, POINTS) if aggregates else wanted  # skipped (unreliable) points make room for others
    symbols, labels = needed(a, b)
    shown = (symbols | set(mention), labels)  # the counterexample names what the claim as written mentions
    evaluated = 0
    failed: dict[bool, Verdict] = {}  # by data kind, where derive chose the data (see with_data)
    defined: set[bool] = set()  # the data kinds at which both sides had a value
    floats = a.atoms(sp.Float) | b.atoms(sp.Float)
    precision = min((f._prec for f in floats), default=None)  # a number already rounded: no finer than its bits
    tolerance = sp.Float(10) ** (10 - DIGITS) if precision is None or precision >= 3.33 * DIGITS else \
        sp.Float(2) ** (8 - precision)
    for k, (point, on_face) in enumerate(points(domain, loose, tried)):
        if evaluated >= wanted and not on_face:
            continue
        point, binary, sides = with_data(restrict(point, shown), (a, b), k)
        estimates = [estimate(at(side, point)) for side in sides]
        if estimates[0] is None or estimates[1] is None:
            found = None if binary is not None else \
                _not_real((a, b), estimates, point) or (_undefined((a, b), estimates, point) if on_face else None)
            if found is not None:
                return found
            continue
        (x, dx), (y, dy) = estimates
        scale = max(1, abs(x), abs(y))
        if dx + dy > UNRELIABLE * scale:
            continue
        evaluated += 1
        defined.add(binary)
        if abs(x - y) > tolerance * scale + QUAD_SAFETY * (dx + dy):
            found = Verdict(Status.REFUTED, f"{short(x)} != {short(y)}" + (f" at {where(point)}" if point else ""),
                            tuple(point.items()))
            if binary is None:
                return found
            failed.setdefault(binary, found)
            if len(failed) == 2:
                return failed[True]
    if evaluated == 0:
        return Verdict(Status.UNKNOWN, "could not evaluate either side at any sample point")
    if len(failed) == 1 and len(defined) == 1:  # the other kind left a side undefined: it says nothing either way
        return next(iter(failed.values()))
    return None


def refute_at(sides: tuple[sp.Basic, sp.Basic], domain: Domain,
              candidates: list[tuple[sp.Symbol, sp.Basic]]) -> Verdict | None:
    """A counterexample at a chosen point (``x = 1``, where a denominator vanishes): one side undefined there and
    the other a real number.  Each candidate is tried inside the domain only, the other symbols at a sample point."""
    intervals = dict(domain.intervals)
    base = domain.sample_points(1)[0]
    for symbol, value in candidates:
        interval = intervals.get(symbol)
        if interval is None or interval.contains(value) is not sp.true:
            continue
        point = restrict(base | {symbol: value}, needed(*sides))
        values = [evaluated(at(side, point)) for side in sides]
        defined_ = [v is not None and v.is_number and not v.has(sp.nan, sp.zoo, sp.oo, -sp.oo) for v in values]
        if defined_[0] != defined_[1] and values[0] is not None and values[1] is not None:
            side = sides[0] if not defined_[0] else sides[1]
            return Verdict(Status.REFUTED, f"{_brief(side)} is undefined at {where(point)}, a point of the domain",
                           tuple(point.items()))
    return None


def _brief(e: sp.Basic) -> str:
    text = sp.sstr(e)
    return text if len(text) <= 60 else text[:57] + "..."


def where(point: Point) -> str:
    return ", ".join(f"{s} = {v}" for s, v in point.items())


def _not_real(sides: tuple[sp.Basic, sp.Basic], estimates: list, point: Point) -> Verdict | None:
    """A refutation when one side is a real number at ``point`` and the other a number that is not real
    (``log(-p - 1)`` on ``0 < p < 1``): no real number equals it.  ``None`` otherwise."""
    for k in (0, 1):
        if estimates[k] is None or estimates[1 - k] is not None or not _real_throughout(sides[k], point):
            continue  # a real value reached through roots of negatives (complex parts that cancel) judges nothing
        # SymPy's own evaluation, which allows complex values (the quadrature does not); for integrals
        # and sums the imaginary part must be far above what their quadrature could get wrong
        aggregates = sides[1 - k].has(sp.Integral, sp.Sum)
        value = evaluated(at(sides[1 - k], point))
        if value is None or value.free_symbols or value.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or not value.is_number \
                or value.has(sp.Sum, sp.Product, sp.Integral, sp.Function):
            return None  # a value left unevaluated (a sum over a range that is no range) is no number to judge
        tolerance = UNRELIABLE if aggregates else sp.Float(10) ** (10 - DIGITS)
        size, imaginary = abs(value), abs(sp.im(value))
        if not (size.is_comparable and imaginary.is_comparable):
            return None  # not evaluated to a number after all (a sum of entries no value names)
        if imaginary > tolerance * max(1, size):
            real, other = short(estimates[k][0]), short(value)
            shown = f"{real} != {other}" if k == 0 else f"{other} != {real}"
            return Verdict(Status.REFUTED, f"{shown} (not a real number) at {where(point)}", tuple(point.items()))
    return None


def _real_throughout(expr: sp.Basic, point: Point) -> bool:
    """Every root and logarithm in ``expr`` is of a number that is real and not negative at ``point`` (as far as
    SymPy can tell): the value of ``expr`` there is real as written, not by complex parts cancelling."""
    for e in expr.atoms(sp.Pow, sp.log):
        inner = e.args[0]
        if isinstance(e, sp.Pow) and (e.exp.is_integer or not e.exp.is_number):
            continue
        value = evaluated(at(inner, point))
        if value is None or not value.is_number or value.free_symbols:
            continue  # not a number here (a sum left as it is): nothing to say
        if value.has(sp.I) or (value.is_comparable and value < 0):
            return False
    return True


def _undefined(sides: tuple[sp.Basic, sp.Basic], estimates: list, point: Point) -> Verdict | None:
    """On a closed face: one side a real number, the other with no value at all (``x/x`` at ``x = 0``)."""
    for k in (0, 1):
        if estimates[k] is None or estimates[1 - k] is not None or sides[1 - k].has(sp.Integral, sp.Sum):
            continue
        value = evaluated(at(sides[1 - k], point))
        if value is not None and value.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
            side = "right" if k == 0 else "left"
            return Verdict(Status.REFUTED, f"the {side} side is undefined at {where(point)}, an end the domain includes",
                           tuple(point.items()))
    return None


def with_data(point: Point, sides: tuple[sp.Basic, sp.Basic],
               k: int) -> tuple[Point, bool | None, tuple[sp.Basic, ...]]:
    """``point`` with a value for each entry of data the sides name once their sums are written out (``x[2]`` of
    ``\\sum_{i=1}^{n} x_i`` at ``n = 3``), whether those values are 0 and 1 (``None``: no data chosen), and the
    sides to evaluate at it (written out at ``point`` when data were chosen, so that is done once).

    Points alternate between data of 0s and 1s (a Bernoulli sample) and data of other positive values; a claim
    about data is refuted only where it fails for both kinds (so an identity true of 0/1 data alone, ``x_i^2 =
    x_i``, is never refuted), or for the one kind at which it has a value (``\\prod 1/x_i`` is undefined at 0/1
    data), and data that leave a side undefined never refute it.
    """
    if not any(side.has(sp.Indexed) for side in sides):
        return point, None, sides
    given = {key for key in point if isinstance(key, sp.Indexed)}
    labels = {key.base.label for key in given}
    written = [at(side, point).replace(lambda e: isinstance(e, (sp.Sum, sp.Product)) and _integer_limits(e),
                                       write_out) for side in sides]
    entries = {ix for side in written for ix in side.atoms(sp.Indexed)
               if ix not in given and ix.base.label not in labels and all(i.is_Integer for i in ix.indices)}
    if not entries:
        return point, None, sides
    binary = k % 2 == 0
    values = {}
    for ix in sorted(entries, key=sp.default_sort_key):
        seed = sum(map(ord, str(ix.base.label))) + 7 * sum(int(i) for i in ix.indices) + 3 * k
        values[ix] = sp.Integer(seed % 2) if binary else sp.Rational(1 + seed % 11, 4)
    return point | values, binary, tuple(written)


def needed(a: sp.Basic, b: sp.Basic) -> tuple[set[sp.Basic], set[sp.Basic]]:
    """The symbols the two sides mention, and the labels of their indexed parameters."""
    labels = {ix.base.label for side in (a, b) for ix in side.atoms(sp.Indexed)}
    return a.free_symbols | b.free_symbols, labels


def restrict(point: Point, needed: tuple[set[sp.Basic], set[sp.Basic]]) -> Point:
    """The part of a sample point the sides use (so a counterexample names only what matters)."""
    symbols, labels = needed
    out = {s: point[s] for s in sorted(symbols, key=str) if s in point and s not in labels}  # x of x[i]: no number
    if labels:
        out.update({k: v for k, v in point.items() if isinstance(k, sp.Indexed) and k.base.label in labels})
        out.update({k: v for k, v in point.items() if isinstance(k, sp.Symbol) and k.is_integer})
    return out


def at(expr: sp.Basic, point: Point) -> sp.Basic:
    """``expr`` at a sample point: scalars first, then finite sums written out, then indexed entries.

    Huge integer powers (``x^{10^9}``) are evaluated in floating point (an exact
    rational to that power would not fit in memory).  Sums are written out with
    the empty-sum convention (no terms when the upper limit is below the lower).
    """
    scalars = {k: v for k, v in point.items() if not isinstance(k, sp.Indexed)}
    entries = {k: v for k, v in point.items() if isinstance(k, sp.Indexed)}
    if _has_huge_power(expr):
        scalars = {k: sp.Float(v, DIGITS + 10) for k, v in scalars.items()}
        entries = {k: sp.Float(v, DIGITS + 10) for k, v in entries.items()}
    expr = expr.xreplace(scalars)
    if entries:
        expr = expr.replace(lambda e: isinstance(e, (sp.Sum, sp.Product)) and _integer_limits(e), write_out)
        expr = expr.xreplace(entries)
    return expr


def write_out(e: sp.Sum | sp.Product) -> sp.Basic:
    """A sum (product) with integer limits written out: no terms (0, or 1) when the upper limit is below the lower."""
    body, combine = e.function, (sp.Mul if isinstance(e, sp.Product) else sp.Add)
    for var, lo, hi in e.limits:
        if hi < lo:
            return combine.identity
        if hi - lo >= MAX_EXPANDED_TERMS:
            return e
        body = combine(*(body.xreplace({var: k}) for k in range(int(lo), int(hi) + 1)))
    return body


def _terms(e: sp.Sum) -> int:
    count = 1
    for _, lo, hi in e.limits:
        count *= max(0, int(hi) - int(lo) + 1)
    return count


def _integer_limits(e: sp.Sum) -> bool:
    return all(len(lim) == 3 and lim[1].is_Integer and lim[2].is_Integer for lim in e.limits)


def _has_huge_power(expr: sp.Basic) -> bool:
    return any(isinstance(p, sp.Pow) and p.exp.is_Integer and abs(p.exp) > HUGE_POWER for p in expr.atoms(sp.Pow))


def number(expr: sp.Basic) -> sp.Float | sp.Expr | None:
    """``expr`` (free of symbols) as a real number, or ``None`` when it has no finite real value."""
    found = estimate(expr)
    return None if found is None else found[0]


def estimate(expr: sp.Basic) -> tuple[sp.Float, sp.Float] | None:
    """``(value, error)``: ``expr`` evaluated, with a bound on the error its integrals and sums may carry.

    Integrals and sums whose bodies are free of other aggregates are
    evaluated by :func:`derive.verify.quadrature.aggregate`; their errors are
    carried to the result by evaluating the rest of ``expr`` once more with
    each aggregate moved by its error.  Everything else is evaluated by SymPy
    with ``DIGITS`` digits (error 0).
    """
    if expr.has(sp.Product, sp.Sum):  # short sums written out: their terms may name entries (p_i at i = 2 is p_2)
        expr = expr.replace(lambda e: isinstance(e, sp.Product) and _integer_limits(e) or
                            isinstance(e, sp.Sum) and _integer_limits(e) and _terms(e) <= SHORT_SUM, write_out)
        if expr.has(sp.Product):
            return None  # SymPy's own evaluation of a product follows Karr's convention for reversed limits
    aggregates = [e for e in sp.preorder_traversal(expr) if isinstance(e, (sp.Integral, sp.Sum))]
    innermost = [e for e in dict.fromkeys(aggregates) if not e.function.has(sp.Integral, sp.Sum)]
    values: dict[sp.Basic, tuple[sp.Float, sp.Float]] = {}
    if len(innermost) == len(set(aggregates)):
        for e in innermost:
            found = _by_terms(e) if isinstance(e, sp.Integral) else aggregate(e)
            if found is None:
                break
            values[e] = found
        else:
            value = plain_number(expr.xreplace({e: v for e, (v, _) in values.items()}))
            if value is None:
                return None
            error = sp.Float(0)
            for e, (v, dv) in values.items():
                if not dv:
                    continue
                moved = plain_number(expr.xreplace({f: (w + dv if f == e else w) for f, (w, _) in values.items()}))
                if moved is None:
                    return None
                error += abs(moved - value)
            return value, error
    if any(isinstance(e, sp.Sum) for e in aggregates):
        return None  # SymPy's own evaluation of a sum would follow its Karr convention for reversed limits
    value = plain_number(expr)
    return None if value is None else (value, sp.Float(0))


def plain_number(expr: sp.Basic) -> sp.Float | None:
    """A real number with ``DIGITS`` digits, or ``None`` (not a number, infinite, or not real)."""
    value = evaluated(expr)
    if value is None or value.free_symbols or value.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or not value.is_number:
        return None
    real, imag = value.as_real_imag()
    large = abs(imag) > sp.Float(10) ** (10 - DIGITS)
    return real if large is sp.false and real.is_Number else None  # an unevaluated integral of f(x) has no value


@lru_cache(maxsize=4096)
def evaluated(expr: sp.Basic) -> sp.Basic | None:
    """``expr`` evaluated by SymPy with ``DIGITS`` digits (memoised: a value that is not real is asked for twice)."""
    try:
        return sp.N(expr, DIGITS)
    except (TypeError, ValueError, ZeroDivisionError, ArithmeticError, NotImplementedError, RecursionError):
        return None


def _by_terms(e: sp.Integral) -> tuple[sp.Float, sp.Float] | None:
    """An integral as the sum of the integrals of its terms ``c * g(x)``, each ``g`` evaluated once (memoised).

    Steps of a derivation rearrange the same few integrands (a density times
    ``x``, ``x^2``, ``log x``, ...), so at one sample point most integrals
    share their pieces.  The errors add up, each scaled by ``|c|``.  When a
    piece cannot be evaluated (it may diverge on its own), the whole integral
    is evaluated instead.
    """
    if len(e.limits) != 1 or len(e.limits[0]) != 3:
        return aggregate(e)
    var, lo, hi = e.limits[0]
    try:
        body = sp.expand(sp.expand_log(e.function), power_exp=False, log=False)
    except (TypeError, ValueError, ArithmeticError):
        return aggregate(e)
    pieces: dict[sp.Basic, sp.Basic] = {}
    for term in sp.Add.make_args(body):
        coeff, g = term.as_independent(var, as_Add=False)
        pieces[g] = pieces.get(g, sp.Integer(0)) + coeff
    if len(pieces) == 1 and next(iter(pieces.values())) == 1:
        return aggregate(e)
    value, error = sp.Float(0), sp.Float(0)
    for g, coeff in pieces.items():
        c = plain_number(coeff)
        found = aggregate(sp.Integral(g, (var, lo, hi))) if c is not None else None
        if found is None:
            return aggregate(e)
        value += c * found[0]
        error += abs(c) * found[1]
    return value, error


def short(x: sp.Basic) -> str:
    return sp.sstr(sp.N(x, 8))
