"""Symbolic proofs of the location-scale families' facts that SymPy cannot integrate as written.

Each proof is still SymPy's, by a route it can take: a change of variables that turns the integral into a
Gamma (or Gaussian) integral, or the residue theorem for a rational integrand.  ``LOCATION_SCALE_PROOFS``
maps ``(family, fact name)`` to a proof ``(member, fact) -> None`` that fails by assertion;
``tests/distributions/test_families.py`` uses it.
"""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp

from derive.distributions.location_scale import A, B, Cauchy, Gumbel, LogNormal, Moyal
from derive.distributions.parametric import C, Fact, Parametric

M = sp.Symbol("m", real=True)
S = sp.Symbol("s", positive=True)
U = sp.Symbol("u", positive=True)
Y = sp.Symbol("y", real=True)
W = sp.Symbol("w", positive=True)
V = sp.Symbol("v", nonnegative=True)


def _integral(f: sp.Expr, var: sp.Symbol, lo: sp.Expr, hi: sp.Expr) -> sp.Expr:
    """SymPy's integral of ``f``, term by term after expanding (each term is a Gamma or Gaussian integral)."""
    terms = sp.Add.make_args(sp.expand(sp.powsimp(sp.expand(f))))
    return sp.simplify(sp.Add(*(sp.integrate(t, (var, lo, hi), conds="none") for t in terms)))


def _plain(d: Parametric) -> dict[sp.Symbol, sp.Symbol]:
    """The member's parameters as a real location ``m`` and a positive scale ``s``."""
    return {d.loc: M, d.scale: S}


def _in_u(d: Parametric, body: sp.Expr) -> sp.Expr:
    """``density * body`` after ``x = m - s log u`` (``u = exp(-z)``), with ``|dx/du| = s / u``, on ``(0, oo)``."""
    x = d.variable
    f = (d.density(x) * body).xreplace(_plain(d))
    return sp.powsimp(sp.expand_log(f.subs(x, M - S * sp.log(U)) * S / U, force=True), force=True)


def _gamma_type(d: Parametric, fact: Fact) -> None:
    """Gumbel and Moyal: ``u = exp(-(x - loc)/scale)`` is Exponential(1) or chi-squared(1).

    The exponential moment is proved where it converges, at ``c = (k - w)/s`` for every ``w > 0`` (``k = 1`` for
    Gumbel, ``1/2`` for Moyal: exactly ``c s < k``); where ``c s >= k`` the integrand is at least a positive
    multiple of ``u^(-1-v) >= 1/u`` (``v >= 0``) near ``u = 0``, whose integral diverges.
    """
    assert sp.simplify(_integral(_in_u(d, sp.Integer(1)), U, 0, sp.oo)) == 1
    rhs = fact.rhs.xreplace(_plain(d))
    if not fact.free:
        assert sp.simplify(_integral(_in_u(d, fact.body), U, 0, sp.oo) - rhs) == 0
        return
    k = 1 if isinstance(d, Gumbel) else sp.Rational(1, 2)
    c = (k - W) / S
    value = _integral(_in_u(d, fact.body.xreplace({C: c})), U, 0, sp.oo)
    assert sp.simplify(value - rhs.xreplace({C: c})) == 0
    near_zero = sp.expand(sp.expand_power_exp(_in_u(d, fact.body.xreplace({C: (k + V) / S})) * U ** (1 + V)))
    near_zero = sp.powsimp(near_zero.replace(lambda e: isinstance(e, sp.exp) and e.has(sp.log),
                                             lambda e: e.rewrite(sp.Pow)), force=True)
    assert near_zero.subs(U, 0).is_positive, near_zero
    eps = sp.Symbol("epsilon", positive=True)  # u^(-1-v) >= 1/u on (0, 1], whose integral diverges at 0
    assert sp.limit(sp.integrate(1 / U, (U, eps, 1)), eps, 0, "+") == sp.oo
    assert rhs.xreplace({C: (k + V) / S}) == sp.oo


def _log_normal(d: LogNormal, fact: Fact | None) -> None:
    """LogNormal: ``x = exp(y)`` with ``y`` normal (``dx = exp(y) dy``); ``fact=None`` proves the total mass."""
    x = d.variable
    body, rhs = (sp.Integer(1), sp.Integer(1)) if fact is None else (fact.body, fact.rhs.xreplace(_plain(d)))
    f = (d.density(x) * body).xreplace(_plain(d)).subs(x, sp.exp(Y)) * sp.exp(Y)
    value = _integral(sp.expand_log(f, force=True), Y, -sp.oo, sp.oo)
    assert sp.simplify(value - rhs) == 0


def _cauchy_log(d: Cauchy, fact: Fact) -> None:
    """``E[log((X - a)^2 + b^2)] = log((loc - a)^2 + (scale + b)^2)`` for ``b > 0``.

    Both sides have the same derivative in ``b``: under the integral sign (dominated by ``2 / b``), it is the
    integral of a rational function that decays like ``x^-4``, which is ``2 pi i`` times the sum of its residues at
    its poles in the upper half-plane, ``loc + i scale`` and ``a + i b`` (simple when they differ; the identity
    extends to equal poles by continuity).  And both sides minus ``2 log b`` tend to 0 as ``b -> oo``: the left by
    monotone convergence (``log(1 + (X - a)^2 / b^2)`` decreases to 0 and is integrable at ``b = 1``), the right by
    SymPy's limit.
    """
    x, z = d.variable, sp.Symbol("z")
    rhs = fact.rhs.xreplace(_plain(d))
    integrand = sp.diff(fact.body, B) * d.density(x).xreplace(_plain(d))
    numerator, denominator = sp.fraction(sp.factor(integrand.subs(x, z)))
    assert sp.degree(denominator, z) - sp.degree(numerator, z) >= 2
    poles = [M + sp.I * S, A + sp.I * B]
    assert all(denominator.subs(z, p) == 0 or sp.expand(denominator.subs(z, p)) == 0 for p in poles)
    residues = sum(numerator.subs(z, p) / sp.diff(denominator, z).subs(z, p) for p in poles)
    assert sp.simplify(2 * sp.pi * sp.I * residues - sp.diff(rhs, B)) == 0
    assert sp.limit(rhs - 2 * sp.log(B), B, sp.oo) == 0


def _moyal_mass(d: Moyal, fact: Fact | None) -> None:
    """Moyal's total mass: ``u = exp(-z)`` gives the chi-squared(1) density."""
    assert sp.simplify(_integral(_in_u(d, sp.Integer(1)), U, 0, sp.oo)) == 1


LOCATION_SCALE_PROOFS: dict[tuple[type[Parametric], str], Callable[[Parametric, Fact | None], None]] = {
    (Cauchy, "mean log of a shifted square"): _cauchy_log,
    **{(cls, name): _gamma_type for cls in (Gumbel, Moyal) for name in ("mean", "second moment", "exponential moment")},
    **{(LogNormal, name): _log_normal for name in ("total mass", "mean log", "mean squared log", "mean",
                                                    "second moment")},
    (Moyal, "total mass"): _moyal_mass,
}
