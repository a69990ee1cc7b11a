"""Derived formulas as numerical functions: NumPy, or PyTorch where it is installed.

>>> import sympy as sp
>>> from derive.core.functions import Sigmoid
>>> p, z = sp.symbols("p z")
>>> f = lambdify(Sigmoid(z) - p, (z, p))
>>> round(float(f(0.0, 0.25)), 6)
0.25
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence

import sympy as sp

from derive.core import Chain, Derivation
from derive.core.terms import as_expr
from derive.distributions.semantics import denote
from derive.errors import DeriveError

BACKENDS = ("numpy", "torch")


def lambdify(formula: sp.Basic | Chain | Derivation, args: Sequence[sp.Symbol] | None = None,
             backend: str = "numpy") -> Callable:
    """A function computing ``formula``'s value with ``backend``'s arrays (or tensors, for ``torch``).

    ``formula`` is an expression, an equation (its right-hand side is taken:
    ``d/dz H = sigma(z) - p`` exports ``sigma(z) - p``), a chain (its last
    expression) or a derivation (its result).  ``args`` fixes the order of the
    function's arguments; by default the free symbols sorted by name.  The
    function's value is derive's meaning of the formula (:func:`denote`), so
    measures and probabilities are unfolded before anything is computed.
    """
    expr = _expression(formula)
    value = denote(expr)
    free = sorted(value.free_symbols, key=lambda s: s.name)
    args = tuple(args) if args is not None else tuple(free)
    missing = [s for s in free if s not in args]
    if missing:
        raise DeriveError(f"the formula also depends on {', '.join(map(str, missing))}; pass them in args")
    if backend not in BACKENDS:
        raise DeriveError(f"backend must be one of {', '.join(BACKENDS)}, got {backend!r}")
    try:
        module = importlib.import_module(backend)
    except ImportError:
        raise DeriveError(f"{backend} is not installed; install it to export to {backend}") from None
    fn = sp.lambdify(args, value, modules=[module] if backend == "torch" else backend)
    fn.__doc__ = f"{sp.sstr(value)} as a function of {', '.join(map(str, args))} ({backend})."
    return fn


def _expression(formula: sp.Basic | Chain | Derivation) -> sp.Basic:
    if isinstance(formula, Derivation):
        formula = formula.result
    if isinstance(formula, Chain):
        return formula.current
    formula = as_expr(formula)
    if isinstance(formula, sp.Equality):
        return formula.rhs
    if isinstance(formula, sp.Rel):
        raise DeriveError("an inequality has no value to compute; export one of its sides")
    return formula
