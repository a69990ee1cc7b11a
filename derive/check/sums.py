r"""Sums over data written by linearity, for derivations over a sample ``x_1, ..., x_n``.

``\sum_{i=1}^{n} (x_i - p)`` is ``S - n p`` with ``S`` standing for ``\sum_{i=1}^{n} x_i``: each sum over a
range ``lo..hi`` with a symbolic end is split term by term, a factor free of the index comes out, a term free
of it counts ``hi - lo + 1`` times, and what is left of each term is one *atom*, a sum of its own, named by a
fresh real symbol shared by every side and hypothesis that writes the same atom (positive for a sum of
exponentials, ``\sum_j e^{o_j}``, over its ``n >= 1`` terms of real exponents).

Why it is sound for proofs only: the rewriting is exact wherever ``hi - lo + 1 >= 0`` (a range of ``n >= 0``
terms; the checker reads ``\sum_{i=1}^{n}`` as over a sample of ``n >= 1``: an author who writes it counts
with ``n``), and an identity that holds for every real
value of the atoms holds in particular for the values the sums take.  The atoms are not independent (``S`` and
``\sum x_i^2`` are related), so a claim refuted with atoms is not refuted: callers use a proof, never a
counterexample.
"""

from __future__ import annotations

import sympy as sp

#: The index every atom is written with, so that ``\sum_i x_i`` and ``\sum_j x_j`` are one atom.
_INDEX = sp.Dummy("i", integer=True)


def has_data_sums(expr: sp.Basic) -> bool:
    """``expr`` holds a sum (or a product) over a range with a symbolic end."""
    return any(_counted(s) is not None for s in expr.atoms(sp.Sum, sp.Product))


def linear(expr: sp.Basic, atoms: dict[sp.Basic, sp.Dummy]) -> sp.Basic:
    """``expr`` with each sum over a counted range written by linearity over ``atoms`` (filled as met); as it is
    when a sum's range depends on another sum's index (an atom would lose that dependence)."""
    sums = expr.atoms(sp.Sum)
    indices = {x for s in sums for x, *_ in s.limits}
    if any((lo.free_symbols | hi.free_symbols) & indices for s in sums for _, lo, hi in s.limits):
        return expr
    return expr.replace(lambda e: isinstance(e, sp.Sum) and _counted(e) is not None,
                        lambda e: _split(e, atoms))


def _counted(s: sp.Sum | sp.Product) -> tuple[sp.Symbol, sp.Basic, sp.Basic] | None:
    """The one limit ``(i, lo, hi)`` of a sum whose range counts ``hi - lo + 1`` terms with a symbolic end:
    ``lo`` an integer, ``hi`` a symbol plus an integer; else ``None``."""
    if len(s.limits) != 1:
        return None
    index, lo, hi = s.limits[0]
    offset = hi.as_coeff_Add()
    if not (lo.is_Integer and isinstance(offset[1], sp.Symbol) and offset[0].is_Integer):
        return None
    return index, lo, hi


def _split(s: sp.Sum, atoms: dict[sp.Basic, sp.Dummy]) -> sp.Basic:
    index, lo, hi = _counted(s)
    total = sp.Integer(0)
    for term in sp.Add.make_args(sp.expand(s.function)):
        free, bound = term.as_independent(index, as_Add=False)
        if bound == 1:
            total += free * (hi - lo + 1)
            continue
        key = sp.Sum(bound.xreplace({index: _INDEX}), (_INDEX, lo, hi))
        positive = isinstance(bound, sp.exp) and bool(bound.args[0].is_real is not False)  # a sum of e^{o_j}
        atom = atoms.setdefault(key, sp.Dummy(f"S{len(atoms) + 1}", real=True, positive=positive or None))
        total += free * atom
    return total


def products_as_sums(expr: sp.Basic, positive) -> sp.Basic:
    r"""``expr`` with each product over a counted range of positive factors written through the sum of their
    logarithms: ``\log \prod_i f_i`` as ``\sum_i \log f_i``, any other ``\prod_i f_i`` as ``\exp \sum_i \log f_i``.

    Exact when every factor is positive, which ``positive(base)`` must prove for each base of a power in the
    body (an ``exp`` and a factorial, ``k!`` of a count, are positive); a product it cannot prove so is left
    as it is.  The logarithm of each factor is split (``\log(p^{x_i}) = x_i \log p``), which positive bases
    allow.
    """
    def logs(product: sp.Product) -> sp.Basic | None:
        if _counted(product) is None or not all(_positive_factor(f, positive) for f in _factors(product.function)):
            return None
        return sp.Sum(sp.expand_log(sp.log(product.function), force=True), product.limits[0])

    def as_sum(e: sp.log) -> sp.Basic:
        found = logs(e.args[0])
        return e if found is None else found

    def as_exp(e: sp.Product) -> sp.Basic:
        found = logs(e)
        return e if found is None else sp.exp(found)

    expr = expr.replace(lambda e: isinstance(e, sp.log) and isinstance(e.args[0], sp.Product), as_sum)
    return expr.replace(lambda e: isinstance(e, sp.Product), as_exp)


def split_logs(expr: sp.Basic, positive) -> sp.Basic:
    r"""``expr`` with the logarithm of each product of positive factors split into the sum of their logarithms
    (``\log(\lambda^{k_i} e^{-\lambda} / k_i!)`` as ``k_i \log\lambda - \lambda - \log k_i!``); a logarithm of a
    factor not proved positive (``positive``, as for :func:`products_as_sums`) is left as it is."""
    def split(e: sp.log) -> sp.Basic:
        if all(_positive_factor(f, positive) for f in _factors(e.args[0])):
            return sp.expand_log(e, force=True)
        return e

    return expr.replace(lambda e: isinstance(e, sp.log) and isinstance(e.args[0], (sp.Mul, sp.Pow)), split)


def _factors(body: sp.Basic) -> list[sp.Basic]:
    """The bases of ``body`` as a product of powers (``p^{x_i} (1 - p)^{1 - x_i}`` gives ``p``, ``1 - p``)."""
    return [f.base if isinstance(f, sp.Pow) else f for f in sp.Mul.make_args(body)]


def _positive_factor(base: sp.Basic, positive) -> bool:
    if isinstance(base, (sp.exp, sp.factorial)) or base.is_positive:
        return True
    if isinstance(base, sp.Pow):
        return _positive_factor(base.base, positive)
    return bool(positive(base))
