"""Logarithms in a fixed base, kept unevaluated so they print as ``\\log_2``."""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp

from derive.core.terms import unevaluated_function


class Log(sp.Function):
    """``Log(x, b)``: the logarithm of ``x`` in base ``b`` (``b`` a number other than e).

    SymPy would rewrite ``log(x, 2)`` as ``log(x)/log(2)``; keeping it whole lets
    derive print ``\\log_2(x)`` and apply its rules to it as to ``log``.  Its value
    (:func:`derive.distributions.semantics.denote`) is ``log(x)/log(b)``.
    """

    nargs = 2

    @property
    def base(self) -> sp.Basic:
        return self.args[1]


def log_in(x: sp.Basic, base: sp.Basic) -> sp.Basic:
    """The logarithm of ``x`` in ``base``: SymPy's natural ``log`` when the base is e.

    Unevaluated, so ``log(1/2)`` stays as written instead of becoming ``-log(2)``.
    """
    if base == sp.E:
        # sp.log(x, evaluate=False), built directly (SymPy's constructor re-canonicalises nargs on every call)
        return unevaluated_function(sp.log, (x,), _LOG_NARGS) if isinstance(x, sp.Expr) else sp.log(x, evaluate=False)
    return Log(x, base)


_LOG_NARGS = sp.log(sp.Symbol("x"), evaluate=False).nargs


def base_of(expr: sp.Basic) -> sp.Basic | None:
    """The base of a logarithm (``E`` for ``log``), or ``None`` for anything else."""
    if isinstance(expr, sp.log):
        return sp.E
    if isinstance(expr, Log):
        return expr.base
    return None


class Sigmoid(sp.Function):
    """``sigma(z) = 1 / (1 + exp(-z))``, the logistic function, kept whole so it prints as ``\\sigma(z)``.

    Its value (:func:`derive.distributions.semantics.denote`) is the quotient; SymPy never rewrites it on its own.
    """

    nargs = 1

    def _eval_rewrite_as_exp(self, z: sp.Basic) -> sp.Basic:
        return 1 / (1 + sp.exp(-z))

    def _eval_evalf(self, prec: int) -> sp.Basic:
        return (1 / (1 + sp.exp(-self.args[0])))._eval_evalf(prec)

    def _eval_is_positive(self) -> bool | None:
        return True if self.args[0].is_real else None


_ENTRY_CLASSES: dict[str, type] = {}


def entry_of(name: str, members: dict[int, sp.Symbol]) -> Callable[[sp.Basic], sp.Basic] | None:
    """``p_i`` for a family of symbols ``p_1, ..., p_k``: a function of the index that *is* ``p_2`` at ``i = 2``.

    Returns a builder ``index -> entry``, or ``None`` when the subscripts are not consecutive.  A sum
    ``\\sum_{i=1}^{3} p_i`` over a categorical whose entries are the symbols ``p_1, p_2, p_3`` reads its
    summand through this entry, so writing the sum out gives the entries themselves.  The members are
    the entry's arguments, so a value given to ``p_1`` reaches it; at an index that names no member
    (``p_7``, ``p_n``) it stays unevaluated: a value nothing can be proved about.
    """
    first = min(members)
    if sorted(members) != list(range(first, first + len(members))):
        return None
    if name not in _ENTRY_CLASSES:
        def eval_(cls, k: sp.Basic, start: sp.Basic, *entries: sp.Basic) -> sp.Basic | None:
            at = int(k - start) if isinstance(k, sp.Integer) and isinstance(start, sp.Integer) else -1
            return entries[at] if 0 <= at < len(entries) else None

        def latex_(self, printer) -> str:
            return f"{sp.latex(sp.Symbol(name))}_{{{printer._print(self.args[0])}}}"

        _ENTRY_CLASSES[name] = type(name, (sp.Function,), {"eval": classmethod(eval_), "_latex": latex_,
                                                           "is_number": False, "__module__": __name__})
    family, entries = _ENTRY_CLASSES[name], [members[k] for k in sorted(members)]
    return lambda index: family(index, sp.Integer(first), *entries)


def entry_family(expr: sp.Basic) -> str | None:
    """The family's name when ``expr`` is an entry ``p_i`` built by :func:`entry_of`, else ``None``."""
    name = type(expr).__name__
    return name if _ENTRY_CLASSES.get(name) is type(expr) else None
