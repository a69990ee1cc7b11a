"""Identities between the information measures of random variables no one declares (:mod:`derive.distributions.randomvars`).

The argument:

* **Proof.**  Each side is put in normal form by :func:`derive.distributions.randomvars.reduce`,
  whose every step is an identity for every joint pmf positive on its support.
  Equal normal forms (their difference expands to 0, or, with no sum left,
  simplifies to 0) prove the claim for every such distribution.
* **Refutation.**  The sides are evaluated exactly under concrete joint pmfs
  (each variable over two or three values, weights drawn from a fixed seed,
  independent blocks kept independent), the free values at every point of
  the supports.  Values that differ by more than rounding at 30 digits are a
  counterexample: that distribution is one the claim speaks of.
* A side with no measure or pmf in it (``H(X, Y) = 2``) speaks of the one
  distribution the text has in mind, not of every one: never refuted.
* Anything else is UNKNOWN: a free symbol that is no variable's value (a
  constant such as ``c``) is not given a value here.

Independence stated in the text reaches the check through :data:`INDEPENDENT`.
"""

from __future__ import annotations

import itertools
from contextvars import ContextVar

import sympy as sp
from sympy.core.function import AppliedUndef

from derive.core import Status, Verdict
from derive.distributions import randomvars as rv
from derive.verify.limits import simplify

#: Blocks of variables the text says are mutually independent (``X`` and ``Y``: ``({X}, {Y})``).
INDEPENDENT: ContextVar[tuple[frozenset[str], ...]] = ContextVar("independent", default=())

_SEEDS = (1, 2, 3)
_TOLERANCE = sp.Float("1e-20", 30)


def equal(lhs: sp.Basic, rhs: sp.Basic) -> Verdict:
    """Decide ``lhs == rhs`` for every joint distribution of the variables (module docstring)."""
    groups = INDEPENDENT.get()
    (lhs, _), (rhs, _) = rv.as_sums(lhs), rv.as_sums(rhs)
    lhs, rhs = rv.independent(lhs, groups), rv.independent(rhs, groups)
    under = f" (with {' and '.join(', '.join(sorted(g)) for g in groups)} independent)" if groups else ""
    a, b = rv.reduce(lhs), rv.reduce(rhs)
    difference = sp.expand(a - b)
    if difference == 0 or not difference.has(sp.Sum) and simplify(difference) == 0:
        return Verdict(Status.PROVED, f"equal for every joint distribution{under}: both sides are {sp.sstr(a)}")
    if difference.has(sp.nan, sp.zoo):  # 0 \log 0 written out: no value, nothing refuted
        return Verdict(Status.UNKNOWN, "a side has no value as written (0 log 0?), so nothing is refuted")
    if difference.is_number and not difference.has(AppliedUndef):  # sum_x p(x) = 2: false whatever the pmf
        return Verdict(Status.REFUTED, f"for every joint distribution{under}: the sides are {sp.sstr(a)} and "
                                       f"{sp.sstr(b)}")
    if not (rv.involved(lhs) and rv.involved(rhs)):  # H(X, Y) = 2: of the distribution the text has in mind
        value = sp.sstr(b if rv.involved(a) else a)
        return Verdict(Status.UNKNOWN, f"a value of the measures of one distribution ({value}), which derive does "
                                       "not know: only identities for every distribution are checked")
    refuted = _refute(lhs, rhs, groups)
    if refuted is not None and (pair := _same_value(lhs, rhs)):
        return Verdict(Status.UNKNOWN, f"{pair[0]} and {pair[1]} are values of one variable that the text may mean "
                                       "as the same (an example and its name): false where they differ")
    if refuted is not None and (numbers := _one_distributions(lhs, rhs)):
        values = ", ".join(sorted(map(sp.sstr, rv.owners(lhs, rhs))))
        return Verdict(Status.UNKNOWN, f"the values at {values} of one distribution, with the numbers "
                                       f"{', '.join(map(sp.sstr, numbers))}: false for some distributions, and "
                                       "derive does not know the one the text has in mind")
    if refuted is not None and (families := _model(lhs, rhs)):
        return Verdict(Status.UNKNOWN, f"relates the values of the pmfs {' and '.join(families)} pointwise: how the "
                                       "text builds one from the other (a model), not an identity of every pair")
    if refuted is not None:
        return refuted
    return Verdict(Status.UNKNOWN, f"not reduced to one form for every joint distribution{under} "
                                   f"({sp.sstr(a)} against {sp.sstr(b)})")


def _same_value(lhs: sp.Basic, rhs: sp.Basic) -> tuple[str, str] | None:
    """Two values of one variable in a claim, one the other's name with a subscript (``q(z | x^{(i)})`` beside
    ``q(z | x)``): the text may mean one example by both; ``None`` otherwise."""
    owners = rv.owners(lhs, rhs)
    for a in owners:
        for b in owners:
            if owners[b].startswith(owners[a]) and b.name.startswith(a.name + "_"):  # x_i of X_i, beside x of X
                return sp.sstr(a), sp.sstr(b)
    return None


def _model(lhs: sp.Basic, rhs: sp.Basic) -> list[str]:
    """The pmfs of a claim that relates values of two (``q(x, z) = p(x) q(z | x)``), no sum, logarithm or measure
    in it: the text defines one by the other; ``[]`` otherwise."""
    sides = (lhs, rhs)
    if any(side.has(sp.Sum, sp.Integral, sp.log) or any(rv.measure_of(x) for x in side.free_symbols)
           for side in sides):
        return []
    families = {found[0] for side in sides for e in side.atoms(AppliedUndef) if (found := rv.mass_of(e))}
    return sorted(families) if len(families) > 1 else []


def _one_distributions(lhs: sp.Basic, rhs: sp.Basic) -> list[sp.Number]:
    """The fractions of a claim that evaluates masses at named values (``H(X) = 0.5 h(H) + 0.5 h(T)`` for a fair
    coin): numbers such a claim takes from one distribution, so no drawn pmf refutes it; ``[]`` otherwise."""
    if not rv.owners(lhs, rhs):
        return []
    return sorted({n for side in (lhs, rhs) for n in side.atoms(sp.Rational, sp.Float) if not n.is_integer})


def _refute(lhs: sp.Basic, rhs: sp.Basic, groups: tuple[frozenset[str], ...], bound: str = "!=") -> Verdict | None:
    """A distribution (and values) where ``lhs != rhs`` (``lhs > rhs`` for the ``bound`` ``>``)."""
    names = rv.variables_of(lhs, rhs)
    owners = rv.owners(lhs, rhs)
    free = (lhs.free_symbols | rhs.free_symbols) - {rv.support(n) for n in names}
    free -= {s for s in free if rv.measure_of(s)}
    if not names or not free <= set(owners):
        return None
    loose = sorted(free, key=sp.default_sort_key)
    for sizes in ({n: 2 for n in names}, {n: 3 for n in names}):
        for seed in _SEEDS:
            for point in itertools.product(*(range(1, sizes[owners[s]] + 1) for s in loose)):
                values = dict(zip(loose, point))
                try:
                    left, right = (rv.evaluate(side, sizes, seed, values, groups).evalf(30) for side in (lhs, rhs))
                except (ValueError, TypeError, ZeroDivisionError):
                    return None
                if not (left.is_number and right.is_number and left.is_real and right.is_real):
                    return None
                margin = _TOLERANCE * max(1, abs(left), abs(right))
                if abs(left - right) > margin if bound == "!=" else left - right > margin:
                    shown = ", ".join(f"{sp.sstr(s)} = {v}" for s, v in values.items())
                    at = f" at {shown}" if shown else ""
                    return Verdict(Status.REFUTED, f"for {', '.join(names)} over {_sizes(sizes)} values with a "
                                                   f"joint pmf drawn by seed {seed}{at}: left = {float(left):.6g}, "
                                                   f"right = {float(right):.6g}",
                                   tuple(values.items()))
    return None


def _sizes(sizes: dict[str, int]) -> str:
    return " ".join(sorted({str(v) for v in sizes.values()}))


def order(small: sp.Basic, big: sp.Basic, strict: bool = False) -> Verdict:
    """Decide ``small <= big`` (``<`` when ``strict``) for every joint distribution of the variables.

    Proved when ``big - small`` reduces to a combination of joint entropies that is a nonnegative combination
    of Shannon's elemental inequalities (``H(X_i | rest) >= 0``, ``I(X_i; X_j | K) >= 0``), found by exact
    linear programming; refuted by a distribution where ``small`` exceeds ``big`` (equals it, when strict).
    """
    groups = INDEPENDENT.get()
    (small, densities), (big, integrated) = rv.as_sums(small), rv.as_sums(big)
    discrete = not (densities or integrated)  # a density may exceed 1, a differential entropy be negative
    small, big = rv.independent(small, groups), rv.independent(big, groups)
    gap = sp.expand(rv.reduce(big) - rv.reduce(small))
    if discrete and _probability_bound(gap) and (not strict or not isinstance(gap, sp.Add)):
        return Verdict(Status.PROVED, f"a probability lies in (0, 1]: the gap is {sp.sstr(gap)}")
    if not strict and _shannon(gap, discrete):
        return Verdict(Status.PROVED, f"a sum of Shannon's inequalities for every joint distribution: "
                                      f"the gap is {sp.sstr(gap)}")
    if not strict and _gibbs(gap):
        return Verdict(Status.PROVED, f"Gibbs' inequality: the gap {sp.sstr(gap)} is a divergence between two "
                                      "distributions of the summed values")
    if not (rv.involved(small) and rv.involved(big)):  # H(X) <= 2: of one distribution, unless proved
        return Verdict(Status.UNKNOWN, f"not a sum of Shannon's inequalities (the gap {sp.sstr(gap)}), and a bound "
                                       "by a number is about one distribution, which derive does not know")
    refuted = _refute(small, big, groups, bound=">")  # small = big exactly is not told from rounding
    if refuted is not None:
        return refuted
    return Verdict(Status.UNKNOWN, f"not a sum of Shannon's inequalities (the gap {sp.sstr(gap)})")


def _shannon(gap: sp.Expr, discrete: bool = True) -> bool:
    """``gap`` (a combination of joint entropies and cross-entropies) is a nonnegative combination of elemental
    inequalities: Shannon's, and Gibbs' ``C[T] - H[T] >= 0`` for each cross-entropy present.  Of densities
    (not ``discrete``) only those that hold for them: ``I(X_i; X_j | K) >= 0`` and Gibbs', not ``H(X | Y) >= 0``."""
    from sympy.solvers.simplex import InfeasibleLPError, linprog

    gap = _unscaled(gap)
    symbols = gap.free_symbols
    measures = {s: rv.measure_of(s) for s in symbols}
    if not symbols or None in measures.values() or not gap.is_polynomial(*symbols) or \
            sp.Poly(gap, *symbols).total_degree() > 1:
        return gap.is_number and bool(gap >= 0)
    names = sorted(set().union(*(found[1] for found in measures.values())))
    if len(names) > 4:
        return False
    every = frozenset(names)
    elemental = [rv.entropy(every) - rv.entropy(every - {n}) for n in names] if discrete else []
    for a, b in itertools.combinations(names, 2):
        rest = sorted(every - {a, b})
        for k in range(len(rest) + 1):
            for given in itertools.combinations(rest, k):
                elemental.append(rv.mutual_information({a}, {b}, given))
    crosses = [s for s, (kind, _) in measures.items() if kind == "C"]
    elemental += [c - rv.entropy(measures[c][1]) for c in crosses]  # Gibbs: KL(p || q) >= 0
    if not elemental:
        return False
    coordinates = [rv.entropy(c) for k in range(1, len(names) + 1) for c in itertools.combinations(names, k)]
    coordinates += crosses
    if gap.subs({s: 0 for s in coordinates}) != 0:
        return False
    matrix = sp.Matrix([[sp.expand(e).coeff(s) for e in elemental] for s in coordinates])
    target = sp.Matrix([sp.expand(gap).coeff(s) for s in coordinates])
    width = len(elemental)
    try:  # a zero row of inequalities: sympy's linprog wants one beside the equations
        linprog(sp.zeros(1, width), A=sp.zeros(1, width), b=sp.Matrix([0]), A_eq=matrix, b_eq=target)
    except InfeasibleLPError:
        return False
    return True


def _gibbs(gap: sp.Expr) -> bool:
    r"""``gap`` is ``\sum_z A \log(A / B)`` for a pmf (or density) ``A`` of the summed values and a ``B`` whose
    sum is 1: Gibbs' inequality, ``D(A \| B) >= 0``.

    The gap's sums must run over the same values; each pmf ``A`` of exactly those values that sums to 1 is
    tried: the gap is ``\sum_z A g`` (a term outside the sums times ``\sum_z A = 1``), so ``B = A e^{-g}``,
    which must be free of ``exp`` and sum to 1 (``p(x, z) / p(x)`` over ``z``).
    """
    terms = [_inside(t) for t in sp.Add.make_args(sp.expand(gap))]
    sums = [t for t in terms if isinstance(t, sp.Sum)]
    if not sums or len({s.limits for s in sums}) != 1:
        return False
    limits = sums[0].limits
    bound = {limit[0] for limit in limits}
    outside = sp.Add(*(t for t in terms if not isinstance(t, sp.Sum)))
    if outside.free_symbols & bound:
        return False
    weights = {f for s in sums for f in s.function.atoms(AppliedUndef)
               if rv.mass_of(f) is not None and set(f.args) == bound and len(f.args) == len(bound)}
    for weight in weights:
        if simplify(rv.reduce(sp.Sum(weight, *limits)) - 1) != 0:
            continue
        g = sp.expand(sp.Add(*(s.function for s in sums)) / weight + outside)
        other = simplify(sp.powsimp(sp.expand_log(weight * sp.exp(-g), force=True)))
        if other.has(sp.exp, sp.log) or not rv.owners(other):
            continue
        if simplify(rv.reduce(sp.Sum(other, *limits)) - 1) == 0:
            return True
    return False


def _inside(term: sp.Expr) -> sp.Expr:
    """``c * Sum(f, ...)`` as ``Sum(c * f, ...)`` for a number ``c``; any other term as it is."""
    coefficient, rest = term.as_coeff_Mul()
    return sp.Sum(coefficient * rest.function, *rest.limits) if isinstance(rest, sp.Sum) else term


def _unscaled(gap: sp.Expr) -> sp.Expr:
    """``gap`` without a positive factor: ``(C - H) / log(b)`` is ``C - H`` (a logarithm's base is above 1)."""
    from derive.distributions.measures import ANY_BASE

    top, bottom = sp.fraction(sp.factor_terms(gap))
    positive = all(f.is_positive or f.as_base_exp()[0] == sp.log(ANY_BASE) for f in sp.Mul.make_args(bottom))
    return sp.expand(top) if positive and bottom != 1 else gap


def _probability_bound(gap: sp.Expr) -> bool:
    """``gap`` is a mass (positive), one minus a mass (a probability is at most 1), or a nonnegative multiple."""
    coefficient, rest = gap.as_coeff_Mul()
    if not coefficient.is_nonnegative:
        return False
    if rv.owners(rest) and isinstance(rest, AppliedUndef):
        return True
    one, minus = rest.as_coeff_Add()
    return coefficient > 0 and one == 1 and isinstance(-minus, AppliedUndef) and bool(rv.owners(-minus))
