r"""Sums over data written by linearity, for derivations over a sample ``x_1, ..., x_n``.

``\sum_{i=1}^{n} (x_i - p)`` is ``S - n p`` with ``S`` standing for ``\sum_{i=1}^{n} x_i``: each sum over a
range ``lo..hi`` with a symbolic end is split term by term, a factor free of the index comes out, a term free
of it counts ``hi - lo + 1`` times, and what is left of each term is one *atom*, a sum of its own, named by a
fresh real symbol shared by every side and hypothesis that writes the same atom.

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
    """``expr`` holds a sum over a range with a symbolic end."""
    return any(_counted(s) is not None for s in expr.atoms(sp.Sum))


def linear(expr: sp.Basic, atoms: dict[sp.Basic, sp.Dummy]) -> sp.Basic:
    """``expr`` with each sum over a counted range written by linearity over ``atoms`` (filled as met); as it is
    when a sum's range depends on another sum's index (an atom would lose that dependence)."""
    sums = expr.atoms(sp.Sum)
    indices = {x for s in sums for x, *_ in s.limits}
    if any((lo.free_symbols | hi.free_symbols) & indices for s in sums for _, lo, hi in s.limits):
        return expr
    return expr.replace(lambda e: isinstance(e, sp.Sum) and _counted(e) is not None,
                        lambda e: _split(e, atoms))


def _counted(s: sp.Sum) -> tuple[sp.Symbol, sp.Basic, sp.Basic] | None:
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
        atom = atoms.setdefault(key, sp.Dummy(f"S{len(atoms) + 1}", real=True))
        total += free * atom
    return total
