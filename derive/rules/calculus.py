"""Rules of differentiation: linearity, constants, the logarithm, rational functions, entries of a vector.

Derivatives are SymPy's unevaluated ``Derivative(f, x)`` (first order; a
second derivative is the derivative of a derived first one).  Whether ``f``
depends on ``x`` is decided on its value (:func:`derive.distributions.semantics.denote`),
so ``H(P)`` is a constant for ``d/dq`` while ``H(P, Q)`` is not.
"""

from __future__ import annotations

import sympy as sp

from derive.core import Refusal, Rewrite, Rule
from derive.core.constraints import Member
from derive.core.domain import Domain
from derive.core.functions import Log, Sigmoid
from derive.core.terms import MINUS_ONE, add, factors_of, mul, quotient, terms_of
from derive.distributions.semantics import denote


def derivative_of(expr: sp.Basic) -> tuple[sp.Basic, sp.Basic] | None:
    """``(f, x)`` for a first derivative ``d/dx f``, else ``None``."""
    if not isinstance(expr, sp.Derivative) or len(expr.variable_count) != 1:
        return None
    (x, order), = expr.variable_count
    return (expr.expr, x) if order == 1 else None


def d(f: sp.Basic, x: sp.Basic) -> sp.Derivative:
    """``d/dx f``, unevaluated."""
    return sp.Derivative(f, x, evaluate=False)


def depends(expr: sp.Basic, x: sp.Basic) -> bool:
    """Whether the value of ``expr`` can change with ``x`` (an entry ``q_j`` changes every ``q_i``)."""
    value = denote(expr)
    if isinstance(x, sp.Indexed):
        return value.has(x.base)
    return x in value.free_symbols


def _sum(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    found = derivative_of(expr)
    if found is None or not isinstance(found[0], sp.Add):
        return None
    f, x = found
    return Rewrite(add(*(d(t, x) for t in terms_of(f))))


derivative_of_sum = Rule(
    "derivative-of-sum",
    "diff(a + b, x) -> diff(a, x) + diff(b, x)",
    _sum,
    prose="The derivative of a sum is the sum of the derivatives.",
)


def _constant_factor(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    found = derivative_of(expr)
    if found is None or not isinstance(found[0], sp.Mul):
        return None
    f, x = found
    constant = [c for c in factors_of(f) if not depends(c, x)]
    varying = [c for c in factors_of(f) if depends(c, x)]
    if not constant or not varying:
        return None
    return Rewrite(mul(*constant, d(mul(*varying), x)))


derivative_constant_factor = Rule(
    "derivative-constant-factor",
    "diff(c*f, x) -> c*diff(f, x)  if c does not depend on x",
    _constant_factor,
    requires=("c does not depend on x",),
    prose="A factor that does not depend on the variable comes out of the derivative.",
)


def _constant(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    found = derivative_of(expr)
    if found is None or depends(found[0], found[1]):
        return None
    return Rewrite(sp.Integer(0))


derivative_of_constant = Rule(
    "derivative-of-constant",
    "diff(c, x) -> 0  if c does not depend on x",
    _constant,
    requires=("c does not depend on x",),
    prose="What does not depend on the variable has derivative zero.",
)


def _log(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    found = derivative_of(expr)
    if found is None or not isinstance(found[0], (sp.log, Log)):
        return None
    f, x = found
    u = f.args[0]
    if isinstance(f, sp.log):
        return Rewrite(quotient(d(u, x), u))
    return Rewrite(mul(quotient(d(u, x), u), sp.Pow(sp.log(f.base, evaluate=False), -1, evaluate=False)))


derivative_of_log = Rule(
    "derivative-of-log",
    "diff(log(u), x) -> diff(u, x)/u",
    _log,
    prose="The chain rule for the logarithm: the derivative of the inside, over the inside.",
)


def _rational(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    found = derivative_of(expr)
    if found is None:
        return None
    f, x = found
    value = denote(f)
    if value.has(sp.Sum, sp.Integral, sp.Derivative) or not depends(f, x) or any(
            g.has(x) for g in value.atoms(sp.Function)):
        return None
    t = sp.Dummy("t")
    if not value.xreplace({x: t}).is_rational_function(t):
        return None
    return Rewrite(readable(sp.diff(value, x)))


def readable(expr: sp.Basic) -> sp.Basic:
    """A sum of quotients as a person writes it: ``p/q**2`` as a fraction, a leading minus outside."""
    out = []
    for term in sp.Add.make_args(expr):
        num, den = sp.fraction(term)
        if den == 1:
            out.append(term)
            continue
        sign = num.could_extract_minus_sign()
        fraction = quotient(-num if sign else num, den)
        out.append(mul(MINUS_ONE, fraction) if sign else fraction)
    return add(*out)


derivative_of_rational = Rule(
    "derivative-of-rational",
    "diff(r(x), x) -> r'(x)  for a rational function r (power and quotient rules)",
    _rational,
    prose="Differentiate the rational function.",
)


def _under_sum(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    found = derivative_of(expr)
    if found is None or not isinstance(found[0], sp.Sum):
        return None
    f, x = found
    if any(depends(bound, x) for lim in f.limits for bound in lim[1:]):
        return None
    return Rewrite(sp.Sum(d(f.function, x), *f.limits))


derivative_under_sum = Rule(
    "derivative-under-sum",
    "diff(sum_i f_i, x) -> sum_i diff(f_i, x)  if the range does not depend on x",
    _under_sum,
    prose="Differentiate the sum term by term.",
)


def _entry(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    found = derivative_of(expr)
    if found is None:
        return None
    f, x = found
    if not (isinstance(f, sp.Indexed) and isinstance(x, sp.Indexed) and f.base == x.base and f != x):
        return None
    return Rewrite(sp.KroneckerDelta(f.indices[0], x.indices[0], evaluate=False))


derivative_of_entry = Rule(
    "derivative-of-entry",
    "diff(q_i, q_j) -> delta(i, j)",
    _entry,
    prose="An entry of the vector changes with q_j only when it is q_j itself.",
)


def _delta(expr: sp.Basic, domain: Domain) -> Rewrite | Refusal | None:
    if not isinstance(expr, sp.Sum) or len(expr.limits) != 1:
        return None
    i, lo, hi = expr.limits[0]
    deltas = [f for f in factors_of(expr.function) if isinstance(f, sp.KroneckerDelta) and i in f.args]
    if len(deltas) != 1:
        return None
    (delta,) = deltas
    j = delta.args[1] if delta.args[0] == i else delta.args[0]
    if lo != 1 or not any(isinstance(c, Member) and (c.j, c.n) == (j, hi) for c in domain.constraints):
        return Refusal(f"{j} is not known to lie between {lo} and {hi}")
    rest = mul(*(f for f in factors_of(expr.function) if f is not delta))
    return Rewrite(rest.xreplace({i: j}), (sp.LessThan(j, hi, evaluate=False),))


sum_of_delta = Rule(
    "sum-of-delta",
    "sum_{i=1}^n delta(i, j) f_i -> f_j  if 1 <= j <= n",
    _delta,
    requires=("1 <= j <= n",),
    prose="Only the term with i = j survives.",
)


def _sigmoid(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    found = derivative_of(expr)
    if found is None or not isinstance(found[0], Sigmoid) or found[0].args[0] != found[1]:
        return None
    s = found[0]
    return Rewrite(mul(s, add(sp.Integer(1), mul(MINUS_ONE, s))))


derivative_of_sigmoid = Rule(
    "derivative-of-sigmoid",
    "diff(sigma(z), z) -> sigma(z)*(1 - sigma(z))",
    _sigmoid,
    prose="The logistic function's derivative is itself times its complement.",
)

def derivative_twice(first: sp.Basic) -> Rule:
    """``d^2/dx^2 f -> d/dx g`` for the first derivative ``g = d/dx f`` derived earlier (the checker re-proves it)."""

    def apply(expr: sp.Basic, domain: Domain) -> Rewrite | None:
        if not isinstance(expr, sp.Derivative) or len(expr.variable_count) != 1:
            return None
        (x, order), = expr.variable_count
        if order != 2:
            return None
        return Rewrite(d(first, x))

    return Rule(
        "derivative-twice",
        "diff(f, x, 2) -> diff(g, x)  where g = diff(f, x) was derived earlier",
        apply,
        prose="The second derivative is the derivative of the first, found above.",
    )


RULES = (derivative_twice(sp.Dummy('g')), derivative_of_sum, derivative_constant_factor, derivative_of_constant, derivative_of_log,
         derivative_of_rational, derivative_under_sum, derivative_of_entry, sum_of_delta, derivative_of_sigmoid)
