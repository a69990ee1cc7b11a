r"""Discrete random variables with unnamed finite supports: ``X``, ``Y``, their joint pmf and Shannon's measures.

Texts on information theory write ``H(X)``, ``H(X, Y)``, ``H(Y \mid X)``,
``I(X; Y)``, ``p(x, y)``, ``p(y \mid x)`` and ``\sum_{x \in \mathcal{X}}``
without ever saying what ``X`` takes or what ``p`` is.  Their identities hold
for *every* joint distribution, and that is how they are read here:

* ``mass("p", {X: x, Y: y})`` is the joint pmf of ``X, Y`` at ``(x, y)``: the
  applied function ``p[X,Y](x, y)`` (arguments in the order of the variables'
  names), positive (every value of a support has positive probability: the
  convention under which ``log p(x)`` is defined);
* a conditional is a quotient of masses, ``p(y | x) = p[X,Y](x, y) / p[X](x)``;
* ``entropy({X, Y})`` is the joint entropy ``H[X,Y]`` (in nats), a symbol, and
  ``cross_entropy({X})`` is ``C[X] = -sum p(x) log q(x)`` for the text's second
  pmf ``q``;
  conditional entropies and mutual informations are the usual linear
  combinations of joint entropies (:func:`conditional_entropy`,
  :func:`mutual_information`);
* a sum over the values of ``X`` is ``Sum(body, (x, 1, N[X]))``: ``N[X]`` is
  the size of the support.

:func:`reduce` gives an expression a normal form by steps that are each an
identity for every joint distribution (logs of products of masses split,
sums distributed, a sum over a variable that only one mass mentions
marginalised, ``sum p log p`` folded into ``-H`` and ``sum p log q`` into ``-C``).  Two expressions with the
same normal form are equal for every distribution.  :func:`evaluate` gives an
expression its value under one concrete joint distribution: the sides'
values there differing refutes an identity.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence

import sympy as sp
from sympy.core.function import AppliedUndef

__all__ = ["as_sums", "conditional", "conditional_entropy", "cross_entropy", "entropy", "evaluate", "independent",
           "involved", "mass", "mass_of", "measure_of", "mutual_information", "owners", "reduce", "support",
           "variables_of"]

_MASS = re.compile(r"(?P<family>[A-Za-z]+)\[(?P<vars>[A-Za-z0-9_]+(?:,[A-Za-z0-9_]+)*)\]\Z")
_ENTROPY = re.compile(r"H\[(?P<vars>[A-Za-z0-9_]+(?:,[A-Za-z0-9_]+)*)\]\Z")
_SUPPORT = re.compile(r"N\[(?P<vars>[A-Za-z0-9_]+)\]\Z")
_CROSS = re.compile(r"C\[(?P<vars>[A-Za-z0-9_]+(?:,[A-Za-z0-9_]+)*)\]\Z")


def _names(variables: Iterable[str]) -> tuple[str, ...]:
    names = tuple(sorted(set(variables)))
    if not names or not all(re.fullmatch(r"[A-Za-z0-9_]+", n) for n in names):
        raise ValueError(f"random variables must be plain names, got {variables!r}")
    return names


def mass(family: str, values: Mapping[str, sp.Basic]) -> sp.Expr:
    """The joint pmf ``family`` of the variables of ``values`` at those values: ``p[X,Y](x, y)``."""
    names = _names(values)
    return sp.Function(f"{family}[{','.join(names)}]", positive=True)(*(values[n] for n in names))


def conditional(family: str, values: Mapping[str, sp.Basic], given: Mapping[str, sp.Basic]) -> sp.Expr:
    """``p(values | given)``: the joint mass of both over the mass of ``given`` (``values`` when nothing is given)."""
    if set(values) & set(given):
        raise ValueError(f"{', '.join(sorted(set(values) & set(given)))} both conditioned on and not")
    if not given:
        return mass(family, values)
    return mass(family, {**values, **given}) / mass(family, given)


def entropy(variables: Iterable[str]) -> sp.Expr:
    """The joint entropy of ``variables`` in nats (0 for none)."""
    names = tuple(sorted(set(variables)))
    return sp.Integer(0) if not names else sp.Symbol(f"H[{','.join(_names(names))}]", nonnegative=True)


def cross_entropy(variables: Iterable[str]) -> sp.Expr:
    """``-sum p log q`` over the values of ``variables``, ``q`` the text's second pmf (in nats): ``C[X]``."""
    return sp.Symbol(f"C[{','.join(_names(variables))}]", nonnegative=True)


def conditional_entropy(of: Iterable[str], given: Iterable[str]) -> sp.Expr:
    """``H(A | B) = H(A, B) - H(B)``."""
    a, b = set(of), set(given)
    return entropy(a | b) - entropy(b)


def mutual_information(a: Iterable[str], b: Iterable[str], given: Iterable[str] = ()) -> sp.Expr:
    """``I(A; B | C) = H(A, C) + H(B, C) - H(A, B, C) - H(C)``."""
    a, b, c = set(a), set(b), set(given)
    return entropy(a | c) + entropy(b | c) - entropy(a | b | c) - entropy(c)


def support(variable: str) -> sp.Symbol:
    """The number of values ``variable`` takes: ``N[X]``, a positive integer."""
    return sp.Symbol(f"N[{_names([variable])[0]}]", positive=True, integer=True)


def mass_of(e: sp.Basic) -> tuple[str, tuple[str, ...]] | None:
    """``("p", (X, Y))`` for the mass ``p[X,Y](x, y)``; ``None`` for anything else."""
    if isinstance(e, AppliedUndef) and (m := _MASS.fullmatch(e.func.__name__)) is not None:
        return m.group("family"), tuple(m.group("vars").split(","))
    return None


def _listed(e: sp.Basic, pattern: re.Pattern) -> tuple[str, ...] | None:
    """The variables a symbol named by ``pattern`` lists (``H[X,Y]`` -> ``(X, Y)``); ``None`` for anything else."""
    if isinstance(e, sp.Symbol) and (m := pattern.fullmatch(e.name)) is not None:
        return tuple(m.group("vars").split(","))
    return None


def _entropy_of(e: sp.Basic) -> tuple[str, ...] | None:
    return _listed(e, _ENTROPY)


def measure_of(e: sp.Basic) -> tuple[str, tuple[str, ...]] | None:
    """``("H", (X, Y))`` for the symbol ``H[X,Y]``, ``("C", (X,))`` for ``C[X]``; ``None`` for anything else."""
    for kind, pattern in (("H", _ENTROPY), ("C", _CROSS)):
        if (found := _listed(e, pattern)) is not None:
            return kind, found
    return None


def _support_of(e: sp.Basic) -> str | None:
    found = _listed(e, _SUPPORT)
    return found[0] if found else None


def involved(*exprs: sp.Basic) -> bool:
    """Whether any of ``exprs`` speaks of these random variables (a mass, an entropy, a support).  Every check
    asks, so only the free symbols and the applied functions are looked at (a support bounds a sum, free)."""
    return any(measure_of(x) or _support_of(x) for expr in exprs for x in expr.free_symbols) or \
        any(mass_of(f) for expr in exprs for f in expr.atoms(AppliedUndef))


def variables_of(*exprs: sp.Basic) -> tuple[str, ...]:
    """The random variables ``exprs`` mention, by name."""
    found: set[str] = set()
    for expr in exprs:
        for e in sp.preorder_traversal(expr):
            named = mass_of(e) or measure_of(e) or (("N", (support,)) if (support := _support_of(e)) else None)
            found.update(named[1] if named else ())
    return tuple(sorted(found))


def owners(*exprs: sp.Basic) -> dict[sp.Symbol, str]:
    """Each symbol that a mass of ``exprs`` takes as the value of a variable, and that variable."""
    out: dict[sp.Symbol, str] = {}
    for expr in exprs:
        for e in sp.preorder_traversal(expr):
            found = mass_of(e)
            if found is not None:
                for name, value in zip(found[1], e.args):
                    if isinstance(value, sp.Symbol):
                        out.setdefault(value, name)
    return out


def independent(expr: sp.Basic, groups: Sequence[frozenset[str]]) -> sp.Basic:
    """``expr`` where the blocks ``groups`` are mutually independent: a mass (an entropy) of variables drawn from
    the blocks alone is the product of the blocks' masses (the sum of their entropies)."""
    union = frozenset().union(*groups) if groups else frozenset()
    if len(groups) < 2:
        return expr

    def split(names: Sequence[str]) -> list[list[str]] | None:
        if not set(names) <= union:
            return None
        parts = [[n for n in names if n in g] for g in groups]
        parts = [p for p in parts if p]
        return parts if len(parts) > 1 else None

    def masses(e: sp.Basic) -> sp.Basic:
        found = mass_of(e)
        if found is None or (parts := split(found[1])) is None:
            return e
        values = dict(zip(found[1], e.args))
        return sp.Mul(*(mass(found[0], {n: values[n] for n in part}) for part in parts))

    def entropies(e: sp.Basic) -> sp.Basic:
        found = _entropy_of(e)
        if found is None or (parts := split(found)) is None:
            return e
        return sp.Add(*(entropy(part) for part in parts))

    return expr.replace(lambda e: mass_of(e) is not None, masses) \
        .replace(lambda e: _entropy_of(e) is not None, entropies)


def as_sums(expr: sp.Basic) -> tuple[sp.Basic, bool]:
    r"""``expr`` with each integral over the values of variables (``\int p(x, z) \, dz``, over the real line) as
    the sum over those values, and whether there was one.

    An identity of densities is one of pmfs: its integrals of expressions in the density's values become sums
    over a finite support, and any pmf is a density spread evenly over unit bins (its integrals are those sums),
    so an identity proved for every pmf by :func:`reduce` holds for every density as well, and a pmf where it
    fails is a density where it fails.  Bounds differ (a differential entropy may be negative, a density above 1):
    callers prove none of those when this says there was an integral.
    """
    found = False

    def summed(e: sp.Integral) -> sp.Basic:
        nonlocal found
        owned = owners(e.function)
        limits = []
        for limit in e.limits:
            if len(limit) != 3 or limit[1:] != (-sp.oo, sp.oo) or limit[0] not in owned:
                return e
            limits.append((limit[0], 1, support(owned[limit[0]])))
        found = True
        return sp.Sum(e.function, *limits)

    return expr.replace(lambda e: isinstance(e, sp.Integral), summed), found


# -- the normal form ---------------------------------------------------------------------------------------------
def _bound(variable: str) -> sp.Symbol:
    return sp.Symbol(f"{variable}~")


def _terms(expr: sp.Basic) -> list[tuple[frozenset[str], sp.Expr]]:
    """``expr`` as a sum of terms, each (the variables summed over, the summand), sums distributed.  SymPy's
    expansion also splits the log of a product or quotient of masses: they are positive."""
    expr = sp.expand(expr)
    out: list[tuple[frozenset[str], sp.Expr]] = []
    for term in sp.Add.make_args(expr):
        sums = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.Sum)]
        rest = sp.Mul(*(f for f in sp.Mul.make_args(term) if not isinstance(f, sp.Sum)))
        pieces = [(frozenset(), rest)]
        for s in sums:  # a product of sums over different variables is one sum over all of them
            inner = _sum_terms(s)
            if inner is None or any(b & c for b, _ in pieces for c, _ in inner):
                pieces = [(b, t * s) for b, t in pieces]
            else:
                pieces = [(b | c, t * u) for b, t in pieces for c, u in inner]
        out.extend(pieces)
    return out


def _sum_terms(s: sp.Sum) -> list[tuple[frozenset[str], sp.Expr]] | None:
    """The terms of the sum ``s`` over the values of random variables; ``None`` for any other sum."""
    body, names = s.function, []
    for value, low, high in reversed(s.limits):
        variable = _support_of(high)
        if variable is None or low != 1 or variable in names:
            return None
        body = body.xreplace({value: _bound(variable)})
        names.append(variable)
    out = []
    for bound, term in _terms(body):
        if bound & set(names):
            return None
        out.append((bound | frozenset(names), term))
    return out


def _fold(bound: frozenset[str], term: sp.Expr) -> sp.Expr:
    """One term summed over ``bound``: marginalised, folded into an entropy where it is ``sum p log p``."""
    bound, term = set(bound), sp.expand(term)
    if isinstance(term, sp.Add):
        return sp.Add(*(_fold(frozenset(bound), t) for t in term.args))
    changed = True
    while changed and bound:
        changed = False
        factors = list(sp.Mul.make_args(term))
        for variable in sorted(bound):
            symbol = _bound(variable)
            holders = [f for f in factors if f.has(symbol)]
            if not holders:  # the summand does not depend on it: N copies
                term, changed = term * support(variable), True
            elif len(holders) == 1 and (found := mass_of(holders[0])) is not None and \
                    dict(zip(found[1], holders[0].args)).get(variable) == symbol:
                values = {n: v for n, v in zip(found[1], holders[0].args) if n != variable}
                term = term.xreplace({holders[0]: mass(found[0], values) if values else sp.Integer(1)})
                changed = True
            else:
                continue
            bound.discard(variable)
            break
    if not bound:
        return term
    factors = list(sp.Mul.make_args(term))
    logs = [f for f in factors if isinstance(f, sp.log) and mass_of(f.args[0]) is not None]
    if len(logs) == 1:
        family, names = mass_of(logs[0].args[0])
        symbols = {_bound(n) for n in names}
        rest = [f for f in factors if f is not logs[0]]
        weight = mass("p", {n: _bound(n) for n in names})
        if set(names) == bound and logs[0].args[0].args == tuple(_bound(n) for n in names) and \
                weight in rest and family in ("p", "q"):
            coefficient = sp.Mul(*(f for f in rest if f != weight))
            if not coefficient.free_symbols & symbols:
                return -coefficient * (entropy(names) if family == "p" else cross_entropy(names))
    limits = [(_bound(n), 1, support(n)) for n in sorted(bound)]
    coefficient, summand = term.as_coeff_Mul()  # -sum f and sum -f are one term: they cancel sum f
    return coefficient * sp.Sum(summand, *limits)


def reduce(expr: sp.Basic) -> sp.Expr:
    r"""The normal form of ``expr``: equal normal forms mean equal for every joint distribution.  A sum inside a
    logarithm is put in normal form first (``\log \sum_z p(x, z)`` is ``\log p(x)``)."""
    expr = expr.replace(lambda e: isinstance(e, sp.log) and e.args[0].has(sp.Sum), lambda e: sp.log(reduce(e.args[0])))
    return sp.expand(sp.Add(*(_fold(bound, term) for bound, term in _terms(expr))))


# -- values under one distribution -----------------------------------------------------------------------------
def _table(names: Sequence[str], sizes: Mapping[str, int], seed: int,
           groups: Sequence[frozenset[str]]) -> dict[tuple[int, ...], sp.Rational]:
    """A joint pmf of ``names`` (each over ``1..size``), positive, independent across ``groups``."""
    if len(groups) < 2:
        blocks = [list(names)]
    else:  # each block its own table; a variable in no block is independent of the rest (one case allowed)
        blocks = [sorted(g & set(names)) for g in groups if g & set(names)]
        blocks += [[n] for n in names if not any(n in g for g in groups)]
    weights: dict[tuple[int, ...], sp.Rational] = {}
    state = seed * 7919 + 17
    block_tables = []
    for block in blocks:
        cells = list(itertools.product(*(range(1, sizes[n] + 1) for n in block)))
        raw = []
        for _ in cells:
            state = (state * 1103515245 + 12345) % 2**31
            raw.append((1 + state % 97) ** 3)  # skewed: far from independent, far from uniform
        total = sum(raw)
        block_tables.append((block, {c: sp.Rational(r, total) for c, r in zip(cells, raw)}))
    for combo in itertools.product(*(t.items() for _, t in block_tables)):
        assignment = {}
        value = sp.Integer(1)
        for (block, _), (cell, q) in zip(block_tables, combo):
            assignment.update(zip(block, cell))
            value *= q
        weights[tuple(assignment[n] for n in names)] = value
    return weights


def evaluate(expr: sp.Basic, sizes: Mapping[str, int], seed: int, values: Mapping[sp.Symbol, int],
             groups: Sequence[frozenset[str]] = ()) -> sp.Expr:
    """``expr``'s exact value when the variables take ``1..sizes[X]`` with a joint pmf drawn by ``seed`` (the
    blocks ``groups`` independent) and the free symbols ``values``."""
    names = tuple(sorted(sizes))
    joints = {"p": _table(names, sizes, seed, groups), "q": _table(names, sizes, seed + 1000, groups)}
    families = {found[0] for e in expr.atoms(AppliedUndef) if (found := mass_of(e)) is not None}
    if len(families) > 1 and families - set(joints):  # g(x | z) p(z): the text may mean the factors of one model
        raise ValueError(f"the pmfs {', '.join(sorted(families))} may be one model's")

    def marginal(of: Sequence[str], at: Sequence[sp.Basic], family: str = "p") -> sp.Rational:
        if not all(a.is_Integer and 1 <= int(a) <= sizes[n] for n, a in zip(of, at)):
            raise ValueError(f"the value {at} lies outside the support")
        if family not in joints:  # g of g(x | z): a pmf of its own
            joints[family] = _table(names, sizes, seed + 1000 * sum(map(ord, family)), groups)
        spots = [names.index(n) for n in of]
        return sum((q for cell, q in joints[family].items() if all(cell[k] == int(a) for k, a in zip(spots, at))),
                   sp.Integer(0))

    def h(kind: str, of: Sequence[str]) -> sp.Expr:
        cells = [[sp.Integer(v) for v in c] for c in itertools.product(*(range(1, sizes[n] + 1) for n in of))]
        inside = "p" if kind == "H" else "q"  # H: -sum p log p; C: -sum p log q
        return -sp.Add(*(weight * sp.log(marginal(of, c, inside) if inside == "q" else weight)
                         for c in cells if (weight := marginal(of, c))))

    expr = expr.xreplace({support(n): sp.Integer(sizes[n]) for n in names}).subs(dict(values))  # bound x kept
    expr = expr.replace(lambda e: isinstance(e, sp.Sum), lambda e: e.doit())
    expr = expr.replace(lambda e: mass_of(e) is not None, lambda e: marginal(mass_of(e)[1], e.args, mass_of(e)[0]))
    return expr.replace(lambda e: measure_of(e) is not None, lambda e: h(*measure_of(e)))
