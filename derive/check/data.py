"""Claims about data: a refutation at data derive chose stands only where nothing but assumptions,
distributions and counts varies; a name on one side only is not every number."""

from __future__ import annotations

import re
from collections.abc import Iterable

import sympy as sp

from derive.core.constraints import Count, IndexedSimplex, Member
from derive.core.domain import Domain
from derive.distributions import randomvars
from derive.verify.numeric import at, estimate, where


def counts_of(domain, *exprs: sp.Basic) -> tuple:
    r"""A :class:`~derive.core.constraints.Count` for each symbol that ends a sum or product with an integer start:
    ``\sum_{i=1}^{n}`` has ``n >= 1`` terms, and ``n`` is an integer (sampled as one).  A symbol nothing places
    counts from the start; one an assumption bounds below only (``n \ge 2``) counts from that bound."""
    intervals = dict(domain.intervals)
    low: dict[sp.Symbol, int] = {}
    for e in exprs:
        for aggregate in e.atoms(sp.Sum, sp.Product):
            for _, start, end in aggregate.limits:
                if not isinstance(end, sp.Symbol) or not start.is_Integer or end.is_real is not None or \
                        end in aggregate.variables:  # \sum_n p_n runs over n
                    continue
                if end in domain.symbol_set:
                    stated = intervals.get(end)
                    if stated is None or stated.sup != sp.oo or not stated.inf.is_number:
                        continue
                    first = int(sp.floor(stated.inf)) + 1 if stated.left_open or not stated.inf.is_Integer \
                        else int(stated.inf)
                    low[end] = max(first, int(start))
                else:
                    low[end] = min(low.get(end, int(start)), int(start))
    return tuple(Count(n, k) for n, k in sorted(low.items(), key=lambda item: str(item[0])))


def free_indices(domain, counts: tuple, *exprs: sp.Basic) -> tuple:
    r"""A :class:`~derive.core.constraints.Member` for each free index of a family the link sums over: in
    ``\frac{\partial L}{\partial o_i} = p_i - y_i`` beside ``\sum_{k=1}^{n} y_k``, ``i`` names one of the ``n``
    entries (``y_i`` means nothing for another ``i``), so the claim is for ``1 \le i \le n``, ``i`` an integer.
    Only where every family the free symbol indexes is summed from 1 to one and the same counted ``n``."""
    counted_ = {c.n for c in counts} | {c.n for c in domain.constraints if isinstance(c, Count)}
    ranges: dict[sp.Basic, set] = {}
    free: dict[sp.Symbol, set] = {}
    for e in exprs:
        _walk(e, frozenset(), ranges, free)
    out = []
    for i, bases in sorted(free.items(), key=lambda item: str(item[0])):
        tops = {r for base in bases for r in ranges.get(base, {None})}
        if len(tops) != 1 or i in domain.symbol_set or i.is_real is not None or i in counted_:
            continue
        (top,) = tops
        if top is not None and top[0] == 1 and top[1] in counted_ and top[1] not in free:
            out.append(Member(i, top[1]))
    return tuple(out)


def _walk(e: sp.Basic, bound: frozenset, ranges: dict, free: dict) -> None:
    """Record in ``ranges`` each family summed over its index (base -> {(start, end)}), and in ``free`` each
    symbol that indexes a family outside any sum over it (symbol -> {base})."""
    if isinstance(e, (sp.Sum, sp.Product)):
        variables = {v: (lo, hi) for v, lo, hi in e.limits}
        for x in e.function.atoms(sp.Indexed):
            if len(x.indices) == 1 and x.indices[0] in variables:
                ranges.setdefault(x.base, set()).add(variables[x.indices[0]])
        for _, lo, hi in e.limits:
            _walk(lo, bound, ranges, free)
            _walk(hi, bound, ranges, free)
        _walk(e.function, bound | set(variables), ranges, free)
        return
    if isinstance(e, sp.Indexed) and len(e.indices) == 1 and isinstance(e.indices[0], sp.Symbol) and \
            e.indices[0] not in bound:
        free.setdefault(e.indices[0], set()).add(e.base)
    for arg in e.args:
        _walk(arg, bound, ranges, free)


def counted(domain, counts: tuple):
    """``domain`` with ``counts`` in place of the intervals an assumption gave the same symbols."""
    mine = {c.n for c in counts}
    kept = Domain(tuple((s, i) for s, i in domain.intervals if s not in mine), domain.constraints)
    return kept.merge(Domain(constraints=counts))


def unvaried(values: dict, *sides: sp.Basic) -> dict:
    r"""``values`` without the symbols the sides differentiate against: ``\frac{\partial}{\partial \hat p}`` after
    ``\hat p = k/n`` takes ``\hat p`` as a variable in that claim (a value given as a number is put in after the
    derivative is taken, by :func:`put_values`)."""
    varied = {v for side in sides for d in side.atoms(sp.Derivative) for v in d.variables}
    varied = {v for v in varied & values.keys() if not (isinstance(values[v], sp.Expr) and values[v].is_number)}
    return {x: value for x, value in values.items() if x not in varied} if varied else values


def on_chosen_data(verdict, a: sp.Basic, b: sp.Basic, domain, given: frozenset[str],
                   varied: frozenset = frozenset()):
    """A refutation at data derive chose (``x[1] = 1`` for ``\\sum_i x_i``) stands only for a claim over every
    sample whose other symbols all vary apart from the data: each is placed by an assumption, a distribution or a
    sum's count.  It is UNKNOWN where the text gives its own data (``x_1 = 1.1``), where it chose two families
    whose names differ in case only (``X_i`` and ``x_i``: a sample and its values, written two ways), where
    nothing but data and counts varies (``\\hat\\theta = 2.2``, ``L(1) = e^{-6.6}``: a statement about particular
    data), and where a symbol nothing places may stand for something of the data (``\\bar x``, an estimate
    ``\\sigma^2``), unless the claim differentiates in it (``\\partial / \\partial \\hat p``: then it is a
    variable) or ``varied`` holds it (an argument of a function the text defines)."""
    from derive.core import Status, Verdict

    owned = {str(c.base.label) for c in domain.constraints if isinstance(c, IndexedSimplex)}  # p_i of a categorical
    chosen = {str(x.base.label) for x, _ in verdict.counterexample if isinstance(x, sp.Indexed)} - owned
    if verdict.status is not Status.REFUTED or not chosen:
        return verdict
    if chosen & given:
        return Verdict(Status.UNKNOWN, f"false for some data, but the text gives its own values of "
                                       f"{', '.join(sorted(chosen & given))}, which derive does not use here")
    if len({name.lower() for name in chosen}) < len(chosen):  # X_i beside x_i: one sample, written two ways?
        twice = sorted(name for name in chosen if name.swapcase() in chosen)
        return Verdict(Status.UNKNOWN, f"false for some data ({where(dict(verdict.counterexample))}) where "
                                       f"{' and '.join(twice)} differ, but they may be one sample written two ways")
    counts = {s for c in domain.constraints if isinstance(c, (Count, Member)) for s in c.symbols}  # n, and i of y_i
    varying = varying_symbols(a, b)
    if not varying - counts:
        return Verdict(Status.UNKNOWN, "a statement about particular data, which the text does not give: "
                                       f"false for some ({where(dict(verdict.counterexample))})")
    differentiated = {v for side in (a, b) for d in side.atoms(sp.Derivative) for v in d.variables}  # varies
    loose = sorted(varying - domain.symbol_set - differentiated - varied, key=str)
    if loose:
        names = ", ".join(sp.latex(s) for s in loose)
        return Verdict(Status.UNKNOWN, f"false for some data ({where(dict(verdict.counterexample))}), unless {names} "
                                       "stand for something of the data (a mean, an estimate), which nothing says")
    return verdict


def varying_symbols(a: sp.Basic, b: sp.Basic) -> set[sp.Symbol]:
    """The symbols of ``a R b`` other than the labels of its data (``x`` of ``x_i``) and its bound variables."""
    labels = {ix.base.label for side in (a, b) for ix in side.atoms(sp.Indexed)}
    bound = {x for side in (a, b) for e in side.atoms(sp.Sum, sp.Product) for x in e.variables}
    return {s for side in (a, b) for s in side.free_symbols if isinstance(s, sp.Symbol)} - labels - bound


def one_sided(verdict, a: sp.Basic, b: sp.Basic, domain, fixed: frozenset = frozenset(),
              left_open: frozenset = frozenset()):
    r"""A refutation of ``a R b`` that only says a name is not every number is UNKNOWN: one side made only of symbols
    nothing places that the other side does not use (``\hat p = 0.6``, ``\bar x = \frac{1}{n} \sum x_i``,
    ``KL_{loss} = ...``), or a constant side facing such a symbol (``\frac{3}{p} - \frac{3}{1 - p} = 0``, an
    equation to solve), or a name a function's definition uses besides its arguments (``\\theta`` of ``F(x) =
    \\theta x - G(\\theta)``, ``left_open``) on one side only.  Such a symbol names something (an estimate, a
    definition derive could not read, an unknown), and no one means the relation for all of its values.  ``c p =
    2 p`` is still refuted."""
    from derive.core import Status, Verdict

    if verdict.status is not Status.REFUTED:
        return verdict
    labels = {ix.base.label for side in (a, b) for ix in side.atoms(sp.Indexed)}

    def names(e: sp.Basic) -> set[sp.Symbol]:  # H[X]: an entropy, fixed by the distribution, names nothing
        return {s for s in e.free_symbols if isinstance(s, sp.Symbol) and s not in labels and not s.is_integer
                and not randomvars.involved(s)}

    left, right = names(a), names(b)
    placed = domain.symbol_set | fixed | set(randomvars.owners(a, b))  # x in p(x): over the values of X
    alone = {s for s in left ^ right if s not in placed}
    named = [side for side in (left, right) if side and side <= alone]
    solving = any(not side and other & alone for side, other in ((left, right), (right, left)))
    renamed = bool(left & alone) and bool(right & alone)  # each side names what the other does not: z = wx + b?
    constant = sorted((c for c in alone if _CONSTANT.fullmatch(c.name) and _added(c, a if c in left else b)), key=str)
    if constant:
        shown = ", ".join(sp.latex(c) for c in constant)
        return Verdict(Status.UNKNOWN, f"{shown} is added on one side only: a constant the text leaves open, not "
                                       "every number")
    opened = alone & left_open and _matters(verdict, a - b, alone & left_open)
    if not named and not solving and not renamed and not opened:
        return verdict
    shown = ", ".join(sp.latex(s) for s in sorted(alone, key=str))
    return Verdict(Status.UNKNOWN, f"not for every value of {shown}, which nothing places and which stands on one "
                                   f"side only: what does {shown} stand for?")


def _matters(verdict, difference: sp.Basic, names: set) -> bool:
    """Some of ``names`` changes ``difference`` at the counterexample (moved by one): what they stand for may
    make the relation hold.  True when that cannot be told."""
    point = dict(verdict.counterexample)
    if not names <= point.keys():
        return True
    here = estimate(at(difference, point))
    if here is None:
        return True
    for name in names:
        there = estimate(at(difference, {**point, name: point[name] + 1}))
        if there is None or abs(here[0] - there[0]) > 1e-9 * max(1, abs(here[0])) + here[1] + there[1]:
            return True
    return False


#: Names people give a constant they leave open (``+ C``, ``+ \text{const}``).
_CONSTANT = re.compile(r"[CcK](?:_\{?\w+\}?)?|const")


def _added(symbol: sp.Symbol, side: sp.Basic) -> bool:
    """``symbol`` is a term of ``side`` (times a number) and appears nowhere else in it."""
    expanded = sp.expand(side)
    slope = expanded.coeff(symbol)
    return slope.is_number and slope != 0 and symbol not in (expanded - slope * symbol).free_symbols


def put_sample(expr: sp.Basic, label: str, values: tuple[str, ...]) -> sp.Basic:
    """``expr`` with the text's own sample put in: each sum or product over exactly its entries (``1`` to the
    sample's size, over ``label``) written out, and each entry ``label_k`` its value (decimals exact)."""
    data = {k: sp.Rational(v) for k, v in enumerate(values, 1)}

    def over_sample(e: sp.Basic) -> bool:
        return isinstance(e, (sp.Sum, sp.Product)) and len(e.limits) == 1 and e.limits[0][1] == 1 and \
            e.limits[0][2] == len(values) and any(str(ix.base.label) == label for ix in e.atoms(sp.Indexed))

    expr = expr.replace(over_sample, lambda e: e.doit())
    return expr.xreplace({ix: data[int(ix.indices[0])] for ix in expr.atoms(sp.Indexed)
                          if str(ix.base.label) == label and len(ix.indices) == 1 and ix.indices[0].is_Integer
                          and int(ix.indices[0]) in data})


def sample_means(*sides: sp.Basic, said: frozenset[str] = frozenset()) -> dict[sp.Symbol, sp.Basic]:
    r"""``\bar{x}`` (``xbar``) as the mean of the sample ``x_1, ..., x_n`` the sides sum or multiply over
    (``\sum_{i=1}^{n} x_i``): the universal reading of a bar over a sample's letter, for a text that never
    says otherwise (``said``: the names it says what they are). Empty when no barred name has such a sample
    beside it (or its samples run differently)."""
    ranges: dict[str, set] = {}
    for side in sides:
        for aggregate in side.atoms(sp.Sum, sp.Product):
            for index, start, end in aggregate.limits:
                for x in aggregate.function.atoms(sp.Indexed):
                    if x.indices == (index,) and start == 1:
                        ranges.setdefault(str(x.base), set()).add((index, end, x.base))
    out = {}
    for bar in {s for side in sides for s in side.free_symbols if s.name.endswith("bar") and s.name not in said}:
        found = ranges.get(bar.name.removesuffix("bar"), set())
        if len({end for _, end, _ in found}) != 1:
            continue
        index, end, base = next(iter(found))
        j = sp.Dummy(str(index))
        out[bar] = sp.Sum(base[j], (j, 1, end)) / end
    return out


_BARRED = re.compile(r"\s*\\(?:bar|overline)\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))\s*")


def barred_subjects(subjects: Iterable[str]) -> frozenset[str]:
    r"""The barred names (``xbar``) that some relation of the text has as its subject (``\bar{x} = ...``): the text
    says what they are, so they are never read as a sample's mean by convention."""
    return frozenset(f"{m.group(1) or m.group(2)}bar" for tex in subjects if (m := _BARRED.fullmatch(tex)))
