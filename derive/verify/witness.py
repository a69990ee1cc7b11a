r"""A witness against an implication: a point of the domain where the hypothesis holds and a claim fails.

When ``f = 0`` cannot be solved for every value of the other symbols (its
leading coefficient may vanish, ``(n - S) p + S (1 - p) = 0``), the
implication is not proved, but it may still be refuted: put sample values for
every symbol but one unknown ``x`` (data written out, as
:func:`derive.verify.numeric.refute_equal` does), and ``f`` becomes a rational
function of ``x`` alone.  Each real root of its numerator inside ``x``'s
interval, where its denominator does not vanish, is a point where the
hypothesis holds exactly; a claim whose value there is clearly not 0 is
refuted at that point.  Where derive chose the data, the claim must fail for
data of 0s and 1s and for other data alike: a Bernoulli sample's identities
are never refuted with other data, nor is an implication whose hypothesis no
sample of 0s and 1s satisfies (an author's slip in a derivative makes the
steps after it vacuous for the data meant, not wrong).  Roots are exact (:meth:`sympy.Poly.real_roots`), so
the hypothesis is never only nearly satisfied; claims are evaluated with
:data:`~derive.verify.numeric.DIGITS` digits.  Only unknowns no joint
constraint of the domain mentions are tried, so the point stays in the domain.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import sympy as sp

from derive.core import Status, Verdict
from derive.core.domain import Domain
from derive.verify.numeric import POINTS, Point, at, estimate, place, points, restrict, short, where, with_data

#: Largest degree of the hypothesis in its unknown whose real roots are looked for.
MAX_DEGREE = 8
#: A claim's value must exceed this (relative to 1 and its size) to refute it.
TOLERANCE = sp.Float(10) ** -20


def witness(hypotheses: Sequence[sp.Basic], claims: Sequence[sp.Basic], domain: Domain,
            unknowns: Sequence[sp.Basic]) -> Verdict | None:
    """REFUTED at a point where every hypothesis ``f = 0`` holds and some claim ``g = 0`` fails, or ``None``."""
    placed, loose = place(domain, *hypotheses, *claims)
    bound = {s for c in placed.constraints for s in c.symbols}
    spans = dict(placed.intervals) | {s: sp.Interval.open(0, sp.oo) for s in loose}
    for x in dict.fromkeys(unknowns):
        if not isinstance(x, sp.Symbol) or x in bound or x.is_integer or x not in spans:
            continue
        failed: dict[bool | None, Verdict] = {}  # by data kind, as refute_equal: data of 0s and 1s, and others
        for point, binary, value in _solutions(hypotheses, claims, placed, loose, x, spans[x]):
            shown = point | {x: value}
            for g in claims:
                found = estimate(at(g, shown))
                if found is not None and abs(found[0]) > TOLERANCE * max(1, abs(found[0])) + 10 * found[1]:
                    failed.setdefault(binary, Verdict(
                        Status.REFUTED, f"the hypothesis holds at {where(shown)} and there {sp.sstr(g)} = "
                                        f"{short(found[0])}, not 0", tuple(shown.items())))
            if None in failed or len(failed) == 2:  # no data chosen, or it fails for both kinds of data
                return failed.get(True, failed.get(None))
    return None


def _solutions(hypotheses: Sequence[sp.Basic], claims: Sequence[sp.Basic], domain: Domain,
               loose: tuple[sp.Symbol, ...], x: sp.Symbol,
               interval: sp.Interval) -> Iterator[tuple[Point, bool | None, sp.Basic]]:
    """Sample points of the other symbols, whether the data chosen are 0s and 1s (``None``: none chosen), and each
    root in ``interval`` of a hypothesis in ``x`` there (the first that has roots) at which every hypothesis is
    exactly 0."""
    sides = (sp.Tuple(*hypotheses), sp.Tuple(*claims))
    shown = (set().union(*(s.free_symbols for s in sides)) - {x},
             {ix.base.label for s in sides for ix in s.atoms(sp.Indexed)})
    for k, (point, on_face) in enumerate(points(domain, loose, POINTS)):
        if on_face:
            continue
        point, binary, _ = with_data(restrict({s: v for s, v in point.items() if s != x}, shown), sides, k)
        for data in (point, _scaled(point)) if binary is False else (point,):
            there = [at(h, data) for h in hypotheses]
            roots = next((found for h in there if (found := _roots(h, x, interval))), [])
            for r in roots:
                if all(_zero(h.xreplace({x: r})) for h in there):
                    yield data, binary, r


def _scaled(point: Point) -> Point:
    """``point`` with its data (other than 0s and 1s) a quarter as large: values in (0, 1) too, as a hypothesis
    about a proportion (``p = \\bar x``) may need to be satisfied."""
    return {k: v / 4 if isinstance(k, sp.Indexed) else v for k, v in point.items()}


def _roots(f: sp.Basic, x: sp.Symbol, interval: sp.Interval) -> list[sp.Basic]:
    """The real roots in ``interval`` of a rational function of ``x`` alone with rational coefficients, where its
    denominator does not vanish; none for anything else."""
    if f.free_symbols != {x} or f.has(sp.Sum, sp.Product, sp.Integral):
        return []
    numerator, denominator = sp.fraction(sp.together(f))
    try:
        poly = sp.Poly(numerator, x)
        if not 1 <= poly.degree() <= MAX_DEGREE or not (poly.domain.is_QQ or poly.domain.is_ZZ):
            return []
        roots = poly.real_roots()
    except (sp.PolynomialError, NotImplementedError, ValueError, TypeError):
        return []
    out = []
    for r in dict.fromkeys(roots):
        below = estimate(denominator.xreplace({x: r}))
        if interval.contains(r) is sp.true and below is not None and abs(below[0]) > 10 * below[1] + TOLERANCE:
            out.append(r)
    return out


def _zero(value: sp.Basic) -> bool:
    """``value`` (a number at a point) is exactly 0: rational arithmetic, or SymPy's simplification."""
    try:
        return value == 0 or value.is_number and sp.simplify(value) == 0
    except (TypeError, ValueError, NotImplementedError):
        return False
