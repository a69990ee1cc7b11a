"""Logarithms in a fixed base, kept unevaluated so they print as ``\\log_2``."""

from __future__ import annotations

import sympy as sp

from derive.terms import unevaluated_function


class Log(sp.Function):
    """``Log(x, b)``: the logarithm of ``x`` in base ``b`` (``b`` a number other than e).

    SymPy would rewrite ``log(x, 2)`` as ``log(x)/log(2)``; keeping it whole lets
    derive print ``\\log_2(x)`` and apply its rules to it as to ``log``.  Its value
    (:func:`derive.semantics.denote`) is ``log(x)/log(b)``.
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

    Its value (:func:`derive.semantics.denote`) is the quotient; SymPy never rewrites it on its own.
    """

    nargs = 1

    def _eval_rewrite_as_exp(self, z: sp.Basic) -> sp.Basic:
        return 1 / (1 + sp.exp(-z))

    def _eval_evalf(self, prec: int) -> sp.Basic:
        return (1 / (1 + sp.exp(-self.args[0])))._eval_evalf(prec)

    def _eval_is_positive(self) -> bool | None:
        return True if self.args[0].is_real else None
