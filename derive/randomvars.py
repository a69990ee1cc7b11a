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

__all__ = ["conditional", "conditional_entropy", "cross_entropy", "entropy", "evaluate", "independent", "involved", "mass",
           "measure_of", "mutual_information", "owners", "reduce", "support", "variables_of"]

_MASS = re.compile(r"(?P<family>[A-Za-z]+)\[(?P<vars>[A-Za-z0-9_]+(?:,[A-Za-z0-9_]+)*)\]\Z")
_ENTROPY = re.compile(r"H\[(?P<vars>[A-Za-z0-9_]+(?:,[A-Za-z0-9_]+)*)\]\Z")
_SUPPORT = re.compile(r"N\[(?P<var>[A-Za-z0-9_]+)\]\Z")
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


def _mass_of(e: sp.Basic) -> tuple[str, tuple[str, ...]] | None:
    if isinstance(e, AppliedUndef) and (m := _MASS.fullmatch(e.func.__name__)) is not None:
        return m.group("family"), tuple(m.group("vars").split(","))
    return None


def _entropy_of(e: sp.Basic) -> tuple[str, ...] | None:
    if isinstance(e, sp.Symbol) and (m := _ENTROPY.fullmatch(e.name)) is not None:
        return tuple(m.group("vars").split(","))
    return None


def _cross_of(e: sp.Basic) -> tuple[str, ...] | None:
    if isinstance(e, sp.Symbol) and (m := _CROSS.fullmatch(e.name)) is not None:
        return tuple(m.group("vars").split(","))
    return None


def measure_of(e: sp.Basic) -> tuple[str, tuple[str, ...]] | None:
    """``("H", (X, Y))`` for the symbol ``H[X,Y]``, ``("C", (X,))`` for ``C[X]``; ``None`` for anything else."""
    if (found := _entropy_of(e)) is not None:
        return "H", found
    if (found := _cross_of(e)) is not None:
        return "C", found
    return None


def _support_of(e: sp.Basic) -> str | None:
    if isinstance(e, sp.Symbol) and (m := _SUPPORT.fullmatch(e.name)) is not None:
        return m.group("var")
    return None


def involved(*exprs: sp.Basic) -> bool:
    """Whether any of ``exprs`` speaks of these random variables (a mass, an entropy, a support)."""
    return any(_mass_of(e) or measure_of(e) or _support_of(e) for expr in exprs for e in sp.preorder_traversal(expr))


def variables_of(*exprs: sp.Basic) -> tuple[str, ...]:
    """The random variables ``exprs`` mention, by name."""
    found: set[str] = set()
    for expr in exprs:
        for e in sp.preorder_traversal(expr):
            found |= set((_mass_of(e) or ("", ()))[1]) | set((measure_of(e) or ("", ()))[1]) | {_support_of(e)} - {None}
    return tuple(sorted(found))


def owners(*exprs: sp.Basic) -> dict[sp.Symbol, str]:
    """Each symbol that a mass of ``exprs`` takes as the value of a variable, and that variable."""
    out: dict[sp.Symbol, str] = {}
    for expr in exprs:
        for e in sp.preorder_traversal(expr):
            found = _mass_of(e)
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
        found = _mass_of(e)
        if found is None or (parts := split(found[1])) is None:
            return e
        values = dict(zip(found[1], e.args))
        return sp.Mul(*(mass(found[0], {n: values[n] for n in part}) for part in parts))

    def entropies(e: sp.Basic) -> sp.Basic:
        found = _entropy_of(e)
        if found is None or (parts := split(found)) is None:
            return e
        return sp.Add(*(entropy(part) for part in parts))

    return expr.replace(lambda e: _mass_of(e) is not None, masses) \
        .replace(lambda e: _entropy_of(e) is not None, entropies)


# -- the normal form ---------------------------------------------------------------------------------------------
def _bound(variable: str) -> sp.Symbol:
    return sp.Symbol(f"{variable}~")


def _split_logs(expr: sp.Basic) -> sp.Basic:
    """``log`` of a product, quotient or power of masses (and positive numbers) as the sum of their logs."""
    def split(e: sp.log) -> sp.Basic:
        factors = sp.Mul.make_args(e.args[0])
        pieces = []
        for f in factors:
            base, power = f.as_base_exp()
            if _mass_of(base) is None and not (base.is_number and base.is_positive):
                return e
            pieces.append(power * sp.log(base))
        return sp.Add(*pieces)
    return expr.replace(lambda e: isinstance(e, sp.log) and _mass_of(e.args[0]) is None
                        and e.args[0].has(AppliedUndef), split)


def _terms(expr: sp.Basic) -> list[tuple[frozenset[str], sp.Expr]]:
    """``expr`` as a sum of terms, each (the variables summed over, the summand), sums distributed."""
    expr = sp.expand(expr)
    out: list[tuple[frozenset[str], sp.Expr]] = []
    for term in sp.Add.make_args(expr):
        sums = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.Sum)]
        rest = sp.Mul(*(f for f in sp.Mul.make_args(term) if not isinstance(f, sp.Sum)))
        pieces = [(frozenset(), rest)]
        for s in sums:
            inner = _sum_terms(s)
            if inner is None:
                pieces = [(b, t * s) for b, t in pieces]
                continue
            pieces = [(b | c, t * u) for b, t in pieces for c, u in inner if not b & c] \
                if all(not b & c for b, _ in pieces for c, _ in inner) else [(b, t * s) for b, t in pieces]
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
            elif len(holders) == 1 and (found := _mass_of(holders[0])) is not None and \
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
    logs = [f for f in factors if isinstance(f, sp.log) and _mass_of(f.args[0]) is not None]
    if len(logs) == 1:
        family, names = _mass_of(logs[0].args[0])
        symbols = {_bound(n) for n in names}
        rest = [f for f in factors if f is not logs[0]]
        weight = mass("p", {n: _bound(n) for n in names})
        if set(names) == bound and logs[0].args[0].args == tuple(_bound(n) for n in names) and \
                weight in rest and family in ("p", "q"):
            coefficient = sp.Mul(*(f for f in rest if f != weight))
            if not coefficient.free_symbols & symbols:
                return -coefficient * (entropy(names) if family == "p" else cross_entropy(names))
    limits = [(_bound(n), 1, support(n)) for n in sorted(bound)]
    return sp.Sum(term, *limits)


def reduce(expr: sp.Basic) -> sp.Expr:
    """The normal form of ``expr``: equal normal forms mean equal for every joint distribution."""
    expr = _split_logs(expr)
    return sp.expand(sp.Add(*(_fold(bound, term) for bound, term in _terms(_split_logs(sp.expand(expr))))))


# -- values under one distribution -----------------------------------------------------------------------------
def _table(names: Sequence[str], sizes: Mapping[str, int], seed: int,
           groups: Sequence[frozenset[str]]) -> dict[tuple[int, ...], sp.Rational]:
    """A joint pmf of ``names`` (each over ``1..size``), positive, independent across ``groups``."""
    blocks = [sorted(g & set(names)) for g in groups if g & set(names)]
    blocks += [[n] for n in names if not any(n in g for g in groups)] if len(groups) > 1 else []
    if len(groups) < 2:
        blocks = [list(names)]
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

    def marginal(of: Sequence[str], at: Sequence[sp.Basic], family: str = "p") -> sp.Rational:
        if not all(a.is_Integer and 1 <= int(a) <= sizes[n] for n, a in zip(of, at)):
            raise ValueError(f"the value {at} lies outside the support")
        if family not in joints:
            raise ValueError(f"no values for the pmf {family}")
        spots = [names.index(n) for n in of]
        return sum((q for cell, q in joints[family].items() if all(cell[k] == int(a) for k, a in zip(spots, at))),
                   sp.Integer(0))

    def h(kind: str, of: Sequence[str]) -> sp.Expr:
        cells = [[sp.Integer(v) for v in c] for c in itertools.product(*(range(1, sizes[n] + 1) for n in of))]
        return -sp.Add(*(marginal(of, c) * sp.log(marginal(of, c, "p" if kind == "H" else "q")) for c in cells))

    expr = expr.xreplace({support(n): sp.Integer(sizes[n]) for n in names}).subs(dict(values))  # bound x kept
    expr = expr.replace(lambda e: isinstance(e, sp.Sum), lambda e: e.doit())
    expr = expr.replace(lambda e: _mass_of(e) is not None, lambda e: marginal(_mass_of(e)[1], e.args, _mass_of(e)[0]))
    return expr.replace(lambda e: measure_of(e) is not None, lambda e: h(*measure_of(e)))
