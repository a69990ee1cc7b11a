"""Proofs of the bounded families' facts (and total mass) by routes SymPy can take; ``SPECIAL_PROOFS`` runs them.

Each proof takes the symbolic member and the fact (``None`` for the total mass) and asserts; every step is
SymPy's, and the one step taken by hand (a solution of Bessel's equation regular at 0 is a multiple of
``I_0``) is named where it is used.
"""

from __future__ import annotations

import sympy as sp

from derive.distributions.bounded import ContinuousBernoulli, VonMises
from derive.distributions.parametric import Fact


def _general(expr: sp.Expr) -> sp.Expr:
    """Every ``Piecewise`` replaced by its last branch (the formula away from ``lambda = 1/2``)."""
    return expr.replace(lambda e: isinstance(e, sp.Piecewise), lambda e: e.args[-1].expr)


def _aim(fact: Fact | None) -> tuple[sp.Expr, sp.Expr]:
    """``(g, E[g])``: the fact's body and value, or ``(1, 1)`` for the total mass."""
    return (sp.Integer(1), sp.Integer(1)) if fact is None else (fact.body, fact.rhs)


def continuous_bernoulli(d: ContinuousBernoulli, fact: Fact | None) -> None:
    """``E[g(X)]`` at ``lambda = 1/2`` (the density is 1) and away from it.

    Away from 1/2, write ``lambda = t / (1 + t)`` with ``t > 0``, ``t != 1`` (every such lambda once); then
    ``eta = log t`` and the density is ``eta e^(eta x) / (e^eta - 1)`` (checked), whose moments SymPy
    integrates with ``eta`` a nonzero real symbol.
    """
    lam, x = d.probs, d.variable
    body, rhs = _aim(fact)
    at_half = {lam: sp.Rational(1, 2)}
    assert sp.simplify(d.density(x).xreplace(at_half)) == 1
    assert sp.integrate(body, (x, 0, 1)) == rhs.xreplace(at_half)
    t, eta = sp.Symbol("t", positive=True), sp.Symbol("eta", real=True, nonzero=True)
    cover = {lam: t / (1 + t)}
    truncated = eta * sp.exp(eta * x) / (sp.exp(eta) - 1)
    density = _general(d.density(x)).xreplace(cover).rewrite(sp.log)
    assert sp.simplify(density / truncated.subs(eta, sp.log(t))) == 1
    value = sp.integrate(body * truncated, (x, 0, 1)).subs(eta, sp.log(t))
    assert sp.simplify(value - _general(rhs).xreplace(cover).rewrite(sp.log)) == 0


def von_mises(d: VonMises, fact: Fact | None) -> None:
    """``E[g(X)]`` for ``g`` a combination of ``1``, ``cos(x - c)``, ``sin(x - c)``.

    1. ``f(k) = (1/2pi) int_{-pi}^{pi} e^(k cos u) du`` solves Bessel's modified equation
       ``k^2 f'' + k f' - k^2 f = 0`` (under the integral sign the integrand is the derivative of the
       periodic ``k sin u e^(k cos u)``, checked), as ``I_0`` does (checked), and ``f(0) = 1 = I_0(0)``; ``f``
       is analytic at 0 and the equation's solutions analytic at 0 are the multiples of ``I_0`` (the other,
       ``K_0``, has a logarithm there), so ``f = I_0``.
    2. Hence ``(1/2pi) int cos u e^(k cos u) du = f'(k) = I_0'(k) = I_1(k)`` (checked), and
       ``int sin u e^(k cos u) du = 0`` (SymPy integrates it).
    3. The integrand is 2 pi periodic (checked), so the integral over ``[-pi, pi)`` is the one over
       ``[loc - pi, loc + pi)``; with ``x = u + loc``, ``g`` is ``alpha cos u + beta sin u + gamma`` (SymPy
       expands it) and ``E[g] = gamma + alpha I_1(k) / I_0(k)``.
    """
    x, u = d.variable, sp.Symbol("u", real=True)
    m, k = sp.Symbol("m", real=True), sp.Symbol("k", positive=True)
    body, rhs = (e.xreplace({d.loc: m, d.concentration: k}) for e in _aim(fact))
    density = d.density(x).xreplace({d.loc: m, d.concentration: k})
    i0 = sp.besseli(0, k)
    assert sp.simplify(density.subs(x, u + m) - sp.exp(k * sp.cos(u)) / (2 * sp.pi * i0)) == 0
    primitive = k * sp.sin(u) * sp.exp(k * sp.cos(u))
    bessel = sp.exp(k * sp.cos(u)) * (k ** 2 * sp.cos(u) ** 2 + k * sp.cos(u) - k ** 2)
    assert sp.simplify(primitive.diff(u) - bessel) == 0 and primitive.subs(u, sp.pi) == primitive.subs(u, -sp.pi)
    assert sp.simplify(k ** 2 * i0.diff(k, 2) + k * i0.diff(k) - k ** 2 * i0) == 0 and i0.subs(k, 0) == 1
    assert i0.diff(k) == sp.besseli(1, k)
    assert sp.integrate(sp.sin(u) * sp.exp(k * sp.cos(u)), (u, -sp.pi, sp.pi)) == 0
    integrand = density * body
    assert sp.simplify(integrand.subs(x, x + 2 * sp.pi) - integrand) == 0
    shifted = sp.expand(sp.expand_trig(body.subs(x, u + m)))
    alpha, beta = shifted.coeff(sp.cos(u)), shifted.coeff(sp.sin(u))
    gamma = sp.expand(shifted - alpha * sp.cos(u) - beta * sp.sin(u))
    assert not (alpha.has(u) or beta.has(u) or gamma.has(u)), shifted
    value = gamma + alpha * sp.besseli(1, k) / i0
    assert sp.simplify(sp.expand_trig(value - rhs)) == 0


def _proofs() -> dict[tuple[type, str], object]:
    table: dict[tuple[type, str], object] = {}
    for cls, proof in ((ContinuousBernoulli, continuous_bernoulli), (VonMises, von_mises)):
        names = [name for name, _, _ in cls.symbolic(1).expectations()]
        table.update({(cls, name): proof for name in [*names, "total mass"]})
    return table


#: ``(family, fact name)`` -> proof; ``"total mass"`` is the density's integral over the support.
SPECIAL_PROOFS = _proofs()
