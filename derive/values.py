"""The public closed forms: ``derive.entropy(P)``, ``derive.cross_entropy(P, Q)``, ``derive.kl(P, Q)``.

Each returns a SymPy expression in the parameters.  An infinite result
(``oo``: Q gives no probability where P has some) or one with no closed form
(an unevaluated sum kept) comes with a :class:`derive.errors.DeriveWarning`
saying why; :mod:`derive.closed_forms` gives the full record.

Boundary values are accepted: a coin may have ``p = 0`` or ``p = 1`` and a
categorical may give an outcome probability 0.  Such an outcome contributes
nothing to ``H(P)``, ``H(P, Q)`` or ``KL(P || Q)`` (the convention
``0 log 0 = 0``, the limit of ``x log x`` as ``x -> 0``, silently); an outcome
that ``P`` produces and ``Q`` gives probability 0 makes ``H(P, Q)`` and
``KL(P || Q)`` infinite (``oo``, with the warning).  Derivations need every
probability strictly between 0 and 1 and refuse boundary values.
"""

from __future__ import annotations

import warnings

import sympy as sp

from derive import closed_forms
from derive.closed_forms import ClosedForm
from derive.distributions.base import Distribution
from derive.errors import DeriveWarning


def entropy(P: Distribution, units: str = "nats") -> sp.Expr:
    """``H(P)`` in closed form."""
    return _value(closed_forms.entropy(P, units), f"H({P.name})")


def cross_entropy(P: Distribution, Q: Distribution, units: str = "nats") -> sp.Expr:
    """``H(P, Q)`` in closed form; ``oo`` (with a warning) where Q misses outcomes of P."""
    return _value(closed_forms.cross_entropy(P, Q, units), f"H({P.name}, {Q.name})")


def kl(P: Distribution, Q: Distribution, units: str = "nats") -> sp.Expr:
    """``KL(P || Q)`` in closed form; ``oo`` (with a warning) where Q misses outcomes of P."""
    return _value(closed_forms.kl(P, Q, units), f"KL({P.name} || {Q.name})")


def _value(result: ClosedForm, what: str) -> sp.Expr:
    if result.reason:
        warnings.warn(f"{what}: {result.reason}", DeriveWarning, stacklevel=3)
    elif not result.closed:
        warnings.warn(f"{what} has no closed form; the unevaluated expression is kept", DeriveWarning, stacklevel=3)
    return result.value
