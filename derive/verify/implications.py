"""Equations that imply one another: ``E1 implies E2`` and ``E1 iff E2``, for equations and systems of them.

**By solving.**  ``E1 implies E2`` is proved by solving ``E1`` for one of its
unknowns with SymPy's ``solveset`` over the complex numbers, which returns
every solution or says it cannot, keeping only a unique solution (after
dropping those proved outside the unknown's interval), and checking ``E2``
with it put in, on the whole domain.  Soundness: every point where ``E1``
holds has that unknown equal to the solution, so ``E2`` holds there if it
holds after substitution everywhere.  ``iff`` checks both ways.  A solution at
which ``E2`` fails is the counterexample.  Assumption: SymPy's solutions hold
for *every* value of the other symbols, which is true when ``E1``'s numerator
is a polynomial in the unknown with a leading coefficient proved non-zero
(:func:`_regular`); without that check ``x y = 0`` would imply ``x = 0``.  And
every equation concluded must be defined everywhere on the domain, as
written: solving substitutes, and SymPy then cancels (``x = y`` would imply
``x/y = 1`` where ``y = 0`` too).

A hypothesis about one entry ``q_j`` (``j`` an index the domain names, ``1 <= j
<= n``) says nothing about the other entries: its solution replaces ``q_j``
only.  It stands for every entry only when the domain declares ``j``
universal in hypotheses (:class:`derive.core.constraints.Member` with ``every=True``:
"for every j"), as a Lagrange condition does.  Dropping that distinction
would let ``q_j = p_j`` prove ``q_1 = p_1`` (tests/verify/test_implications.py).
"""

from __future__ import annotations

import sympy as sp

from derive.core import Status, Verdict
from derive.core.constraints import Member
from derive.core.domain import Domain
from derive.core.system import equations_of
from derive.distributions.semantics import denote
from derive.verify import signs
from derive.verify.defined import defined
from derive.verify.equality import equal
from derive.verify.numeric import place
from derive.verify.witness import witness


def equations(before: sp.Basic, after: sp.Basic, relation: str, domain: Domain) -> Verdict:
    """``before`` implies (or, for ``iff``, is equivalent to) ``after``: equations or systems of them."""
    premises, conclusions = equations_of(before), equations_of(after)
    if premises is None or conclusions is None:
        return Verdict(Status.UNKNOWN, f"{relation} relates two equations")
    try:
        fs = [denote(e.lhs) - denote(e.rhs) for e in premises]
        gs = [denote(e.lhs) - denote(e.rhs) for e in conclusions]
    except (ValueError, KeyError) as exc:
        return Verdict(Status.UNKNOWN, f"cannot give the equations a value: {exc}")
    placed, _ = place(domain, *fs, *gs)
    concluded = conclusions + (premises if relation == "iff" else ())
    preferred = [e.lhs for e in premises + conclusions if isinstance(e.lhs, (sp.Symbol, sp.Indexed))]
    if not all(defined(side, placed) for e in concluded for side in (e.lhs, e.rhs)):
        # solving puts values in and SymPy then cancels: x = y makes x/y = 1 "hold" where y = 0 too
        if (found := witness(fs, gs, domain, preferred + [x for f in fs for x in _unknowns(f, domain)])):
            return Verdict(found.status, f"the first implies the second? {found.reason}", found.counterexample)
        return Verdict(Status.UNKNOWN, "an equation concluded is not proved defined everywhere on the domain "
                                       "(a division by zero, a logarithm of 0?)")
    if len(fs) == len(gs) and all(equal(f, g, domain).proved for f, g in zip(fs, gs)):
        return Verdict(Status.PROVED, "the equations say the same: their sides are equal, one by one")
    directions = [(fs, gs, "the first implies the second")]
    if relation == "iff":
        directions.append((gs, fs, "the second implies the first"))
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
    solution, which is put into the rest (:func:`_put_all`); each claim, with
    the solutions put in, must then be 0 on the domain.  A claim that is not
    is refuted at a sample point, the solutions being the rest of the
    counterexample.
    """
    claims = [g for g in claims if not any(_restates(g, f) or _multiple(g, f, domain) for f in hypotheses)]
    if not claims:
        return Verdict(Status.PROVED, "each equation concluded restates a hypothesis, or is one times a factor that "
                                      "is never 0")
    solution, pending = eliminate(hypotheses, domain, preferred)
    if pending:  # what was solved (perhaps nothing) may be enough: the rest only narrows where all hold
        if all(equal(_put_all(g, solution, domain), sp.Integer(0), domain).proved for g in claims):
            solved = ", ".join(f"{x} = {sp.sstr(v)}" for x, v in solution.items())
            return Verdict(Status.PROVED, f"solved: {solved}" if solved else "holds everywhere on the domain")
        if (found := witness(hypotheses, claims, domain,
                             [*preferred, *solution, *(x for f in pending for x in _unknowns(f, domain))])):
            return found
        return Verdict(Status.UNKNOWN, "could not solve " + ", ".join(f"{sp.sstr(f)} = 0" for f in pending))
    solved = ", ".join(f"{x} = {sp.sstr(v)}" for x, v in solution.items()) or "nothing to solve"
    for g in claims:
        verdict = equal(_put_all(g, solution, domain), sp.Integer(0), domain)
        if verdict.status is Status.REFUTED:
            where = ", ".join(f"{s} = {v}" for s, v in verdict.counterexample)
            return Verdict(Status.REFUTED, f"with {solved}, {sp.sstr(g)} = 0 fails" + (f" at {where}" if where else ""),
                           verdict.counterexample)
        if not verdict.proved:
            return Verdict(Status.UNKNOWN, f"with {solved}, could not prove {sp.sstr(g)} = 0")
    return Verdict(Status.PROVED, f"solved: {solved}")


def _restates(g: sp.Basic, f: sp.Basic) -> bool:
    """``g = 0`` is the hypothesis ``f = 0`` written again, expanded or with its sides swapped (``g = ±f``)."""
    return sp.expand(g - f) == 0 or sp.expand(g + f) == 0


def _multiple(g: sp.Basic, f: sp.Basic, domain: Domain) -> bool:
    """``g`` is ``f`` times a factor proved positive (or negative) on the domain, sums and integrals taken whole:
    where ``f = 0``, ``g = 0`` (``\\frac{n}{\\sigma} - \\frac{S}{\\sigma^3} = 0`` gives ``\\sigma^2 = S/n``)."""
    held = {a: sp.Dummy("s") for a in (f.atoms(sp.Sum, sp.Integral) | g.atoms(sp.Sum, sp.Integral))}
    g, f = g.xreplace(held), f.xreplace(held)
    try:
        factor = sp.factor(sp.cancel(sp.together(g / f)))
        if factor.has(*held.values()) or factor.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or \
                not (signs.is_positive(factor, domain) or signs.is_positive(-factor, domain)):
            return False
        return sp.cancel(sp.together(g - factor * f)) == 0  # the same rational function: equal wherever defined
    except (sp.PolynomialError, NotImplementedError, ValueError, TypeError, ZeroDivisionError):
        return False


def eliminate(hypotheses: list[sp.Basic], domain: Domain,
              preferred: list[sp.Basic] = ()) -> tuple[dict[sp.Basic, sp.Basic], list[sp.Basic]]:
    """The hypotheses (each ``f = 0``) solved one at a time, each for an unknown with a unique solution that holds
    for every value of the others (:func:`_regular`), put into the rest: ``(solution, what could not be solved)``.
    Every point of ``domain`` where the hypotheses hold has each solved unknown equal to its solution there."""
    solution: dict[sp.Basic, sp.Basic] = {}
    pending = list(dict.fromkeys(hypotheses))  # one equation given twice is one hypothesis
    while pending:
        for k, f in enumerate(pending):
            f = _put_all(f, solution, domain)
            if equal(f, sp.Integer(0), domain).proved:
                del pending[k]
                break
            found = _solve_somehow(f, domain, solution, preferred)
            if found is not None:
                x, value = found
                solution = {y: _put_all(v, {x: value}, domain) for y, v in solution.items()} | {x: value}
                del pending[k]
                break
        else:
            return solution, pending
    return solution, []


def put_all(expr: sp.Basic, solution: dict[sp.Basic, sp.Basic], domain: Domain) -> sp.Basic:
    """``expr`` with every unknown that :func:`eliminate` solved replaced by its solution."""
    return _put_all(expr, solution, domain)


def _solve_somehow(f: sp.Basic, domain: Domain, known: dict,
                   preferred: list[sp.Basic] = ()) -> tuple[sp.Basic, sp.Basic] | None:
    """An unknown of ``f`` and its unique solution (the equations' lone left-hand sides first), or ``None``."""
    candidates = _unknowns(f, domain)
    for x in [c for c in preferred if c in candidates] + candidates:
        if x in known:
            continue
        if not _regular(f, x, domain):
            continue
        solutions = solve(f, x, domain)
        if solutions is not None and len(solutions) == 1:
            return x, solutions[0]
    return None


def _regular(f: sp.Basic, x: sp.Basic, domain: Domain) -> bool:
    """``f = 0`` has the same solutions in ``x`` for every value of the other symbols on the domain.

    SymPy solves for a generic value of the others: ``x y = 0`` gives ``x = 0``,
    which fails where ``y = 0`` (then every ``x`` solves it).  So the numerator
    of ``f`` must be a polynomial in ``x`` whose leading coefficient is proved
    non-zero on the domain; its roots are then all the solutions, everywhere.
    """
    t = sp.Dummy("x")
    f = _unknown_out_of_sums(f, x)
    held = {a: sp.Dummy("s") for a in f.atoms(sp.Sum, sp.Integral) if not a.has(x)}
    numerator = sp.numer(sp.together(sp.factor_terms(f.xreplace(held).xreplace({x: t}))))
    try:
        poly = sp.Poly(numerator, t)
    except (sp.PolynomialError, NotImplementedError, ValueError, TypeError):
        return False
    if poly.degree() < 1 or poly.LC().has(t):
        return False
    lead = poly.LC().xreplace({d: a for a, d in held.items()})
    return lead.is_number and lead != 0 or signs.is_positive(lead, domain) or signs.is_positive(-lead, domain)


def _put_all(expr: sp.Basic, solution: dict[sp.Basic, sp.Basic], domain: Domain) -> sp.Basic:
    """``expr`` with every solved unknown replaced.

    An entry ``q_j`` whose index the domain declares universal in hypotheses
    replaces every entry ``q_i`` (with ``i`` put for ``j`` in its value); any
    other solved entry replaces itself only.
    """
    universal = {c.j for c in domain.constraints if isinstance(c, Member) and c.every}
    for x, value in solution.items():
        if isinstance(x, sp.Indexed) and len(x.indices) == 1 and x.indices[0] in universal:
            j = x.indices[0]
            expr = expr.replace(lambda e, x=x: isinstance(e, sp.Indexed) and e.base == x.base,
                                lambda e, j=j, value=value: value.xreplace({j: e.indices[0]}))
        else:
            expr = expr.xreplace({x: value})
    return expr


def _unknowns(f: sp.Basic, domain: Domain) -> list[sp.Basic]:
    """Candidates to solve for: symbols outside the domain first (multipliers), then entries, then parameters."""
    labels = {ix.base.label for ix in f.atoms(sp.Indexed)}
    symbols = sorted((s for s in f.free_symbols - labels if isinstance(s, sp.Symbol)), key=str)
    bound = {v for node in sp.preorder_traversal(f) if isinstance(node, (sp.Sum, sp.Integral, sp.Product))
             for v in node.variables}
    entries = sorted((e for e in f.atoms(sp.Indexed) if not any(i.free_symbols & bound for i in e.indices)),
                     key=str)  # q_j, never the q_i of a sum over i
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
    expr = sp.factor_terms(_unknown_out_of_sums(f, unknown).xreplace({unknown: x}))
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


def _unknown_out_of_sums(f: sp.Basic, unknown: sp.Basic) -> sp.Basic:
    r"""``f`` with each sum over one index that holds ``unknown`` split term by term, the factors free of the index
    taken out: ``\sum_j (x_j / \lambda - 1)`` is ``(\sum_j x_j) / \lambda - \sum_j 1``.  Exact: a sum is linear
    (for any range, in SymPy's convention for sums whose upper end is below the lower)."""
    def split(s: sp.Sum) -> sp.Basic:
        index = s.limits[0][0]
        total = sp.Integer(0)
        for term in sp.Add.make_args(sp.expand(s.function)):
            free, bound = term.as_independent(index, as_Add=False)
            total += free * sp.Sum(bound, s.limits[0]).doit() if bound == 1 else free * sp.Sum(bound, s.limits[0])
        return total

    return f.replace(lambda e: isinstance(e, sp.Sum) and len(e.limits) == 1 and e.function.has(unknown)
                     and not any(lim.has(unknown) for lim in e.limits[0][1:]), split)


def _outside(value: sp.Basic, unknown: sp.Basic, domain: Domain) -> bool:
    """``value`` is proved to lie outside the interval ``domain`` gives ``unknown`` (a bound on it fails)."""
    interval = dict(domain.intervals).get(unknown)
    if interval is None:
        return False
    lo, hi = interval.start, interval.end
    below = lo - value  # > 0, or >= 0 at an open end, puts the value outside
    above = value - hi
    return bool((lo.is_finite and (signs.is_positive(below, domain) or
                                   (interval.left_open and signs.is_nonnegative(below, domain)))) or
                (hi.is_finite and (signs.is_positive(above, domain) or
                                   (interval.right_open and signs.is_nonnegative(above, domain)))))
