"""SymPy proofs of the facts of ``derive.distributions.positive`` that SymPy cannot integrate directly.

Each proof is still SymPy's, by a route it can take: a change of variables
(checked: the density times the Jacobian is the new density), then one
integral per case.  A fact that is ``oo`` off a condition (``E[X]`` under a
Pareto with ``alpha <= 1``) is proved on both sides: the finite value where
the condition holds (the parameter written as ``1 + t``, ``t > 0``), and a
divergent lower bound of the integrand where it fails.
"""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp

from derive.distributions.parametric import C, Fact, Parametric
from derive.distributions.continuous import Exponential, Gamma
from derive.distributions.positive import Chi, Chi2, InverseGamma, Pareto, Weibull

y = sp.Symbol("y", positive=True)
t = sp.Symbol("t", positive=True)
u = sp.Symbol("u", nonnegative=True)
w = sp.Symbol("w", nonnegative=True)


def _same(a: sp.Expr, b: sp.Expr) -> bool:
    return sp.simplify(a - b) == 0


def _holds(condition: sp.Basic) -> bool | None:
    """True or False when SymPy decides ``condition`` (a strict or weak inequality), else None."""
    if condition in (sp.true, sp.false):
        return bool(condition)
    gap = sp.simplify(condition.lhs - condition.rhs) if isinstance(condition, (sp.Gt, sp.Ge)) else None
    return None if gap is None else (gap.is_positive if isinstance(condition, sp.Gt) else gap.is_nonnegative)


def _finite_branch(rhs: sp.Expr) -> tuple[sp.Expr, sp.Basic]:
    """The value and the condition of a fact's ``Piecewise((value, condition), (oo, True))``."""
    assert isinstance(rhs, sp.Piecewise) and len(rhs.args) == 2
    (value, condition), (rest, _) = rhs.args
    assert rest == sp.oo
    return value, condition


def _diverges(f: sp.Expr, var: sp.Symbol, lo: sp.Expr, hi: sp.Expr, onto: sp.Expr) -> None:
    """``int_lo^hi f d var = oo`` for a positive ``f``: ``f >= 1/var`` there (``log(f var) >= 0`` at ``onto``, a map of
    ``w >= 0`` onto the range) and ``int_lo^hi 1/var = oo``."""
    log_ratio = sp.expand_log(sp.log(sp.powsimp(f * var, force=True)), force=True)
    assert sp.simplify(sp.expand_log(log_ratio.subs(var, onto), force=True)).is_nonnegative, f
    assert sp.integrate(1 / var, (var, lo, hi)) == sp.oo


def _weibull(d: Weibull, fact: Fact) -> None:
    """``Y = (X/scale)^k`` is exponential with rate 1; ``E[log X] = log scale + E[log Y]/k``, ``E[X^c] =
    scale^c E[Y^(c/k)]``: ``Gamma(1 + c/k)`` for ``c > -k`` and ``oo`` otherwise (``e^-y y^(c/k) >= y^(c/k)/e``
    on ``(0, 1]``, not integrable there)."""
    scale, k = sp.symbols("scale k", positive=True)
    x = d.variable
    back = scale * y ** (1 / k)
    assert _same(Weibull(scale, k).density(x).subs(x, back) * sp.diff(back, y), sp.exp(-y))
    rhs = fact.rhs.xreplace({d.scale: scale, d.concentration: k})
    body = sp.powsimp(sp.expand_power_base(fact.body.xreplace({d.scale: scale, d.concentration: k}).subs(x, back),
                                           force=True), force=True)
    if fact.name == "mean log":
        assert _same(sp.integrate(sp.expand_log(sp.exp(-y) * body, force=True), (y, 0, sp.oo)), rhs)
        return
    value, condition = _finite_branch(rhs)
    inside, outside = {C: k * (t - 1)}, {C: -k * (1 + u)}  # c > -k; c <= -k
    assert _holds(condition.xreplace(inside)) is True and _holds(condition.xreplace(outside)) is False
    got = sp.integrate(sp.exp(-y) * sp.powsimp(body.xreplace(inside), force=True), (y, 0, sp.oo), conds="none")
    assert _same(got, value.xreplace(inside))
    power = sp.powsimp(body.xreplace(outside) / scale ** C.xreplace(outside), force=True)
    _diverges(power, y, 0, 1, 1 / (1 + w))


def _pareto(d: Pareto, fact: Fact) -> None:
    """``X = scale * Y`` with ``Y`` a Pareto of scale 1: each fact as an integral over ``Y`` on ``[1, oo)``;
    ``E[X^m]`` diverges for ``alpha <= m`` (the integrand is ``alpha scale^m y^(m - alpha - 1)``)."""
    scale, alpha = sp.symbols("scale alpha", positive=True)
    x = d.variable
    density = Pareto(scale, alpha).density(scale * y) * scale
    assert _same(density, alpha * y ** (-alpha - 1))
    density = alpha * y ** (-alpha - 1)
    rhs = fact.rhs.xreplace({d.scale: scale, d.alpha: alpha})
    body = fact.body.subs(x, scale * y)
    if fact.name == "mean log":
        assert _same(sp.integrate(sp.expand_log(density * body, force=True), (y, 1, sp.oo)), rhs)
        return
    value, condition = _finite_branch(rhs)
    m = sp.degree(fact.body, x)
    inside, outside = {alpha: m + t}, {alpha: m / (1 + u)}  # alpha > m; 0 < alpha <= m
    assert _holds(condition.xreplace(inside)) is True and _holds(condition.xreplace(outside)) is False
    integrand = sp.powsimp(sp.expand(density * body), force=True)
    assert _same(sp.integrate(integrand.xreplace(inside), (y, 1, sp.oo)), value.xreplace(inside))
    _diverges(sp.powsimp(integrand.xreplace(outside) / (alpha * scale ** m).xreplace(outside), force=True),
              y, 1, sp.oo, 1 + w)


def _inverse_gamma_mean(d: InverseGamma, fact: Fact) -> None:
    """``E[X] = rate/(a - 1)`` for ``a > 1``; for ``a <= 1`` the integrand is at least ``rate^a x^(-a) / (e^(1/2)
    Gamma(a))`` on ``[2 rate, oo)``, whose integral diverges."""
    a, rate = sp.symbols("a rate", positive=True)
    x = sp.Symbol("x", positive=True)
    integrand = InverseGamma(a, rate).density(x) * x
    value, condition = _finite_branch(fact.rhs.xreplace({d.concentration: a, d.rate: rate}))
    inside, outside = {a: 1 + t}, {a: 1 / (1 + u)}  # a > 1; 0 < a <= 1
    assert _holds(condition.xreplace(inside)) is True and _holds(condition.xreplace(outside)) is False
    got = sp.integrate(integrand.xreplace(inside), (x, 0, sp.oo), conds="none")
    assert _same(got, value.xreplace(inside))
    constant = rate ** a * sp.exp(-sp.Rational(1, 2)) / sp.gamma(a)
    exponent = sp.Rational(1, 2) - rate / x
    assert _same(integrand / (constant * x ** (-a)), sp.exp(exponent))
    assert sp.simplify(exponent.subs(x, 2 * rate + w)).is_nonnegative  # the ratio is >= 1 on [2 rate, oo)
    _diverges((x ** (-a)).xreplace(outside), x, 2 * rate + 1, sp.oo, 2 * rate + 1 + w)


def _power_moment(d: Parametric, fact: Fact) -> None:
    """``E[X^c] = value`` for ``c > -m`` and ``oo`` otherwise, under a density ``K x^(m-1) e^(-h(x))`` on ``(0, oo)``
    with ``h`` increasing: the integral at ``c = t - m`` (``t > 0``); at ``c = -m - u`` (``u >= 0``) the integrand
    over ``x^(-1-u)`` decreases on ``(0, 1]``, so it is at least its positive value at 1 times ``x^(-1-u) >= 1/x``."""
    cover = d.domain.reparametrization
    x = sp.Symbol("x", positive=True)
    value, condition = _finite_branch(fact.rhs.xreplace(cover))
    gap = sp.expand(condition.gts - condition.lts)  # c > -m, however SymPy orders it: gap = c + m
    assert isinstance(condition, (sp.StrictGreaterThan, sp.StrictLessThan)) and gap.coeff(C) == 1
    threshold = gap.subs(C, 0)
    density = d.density(x).xreplace(cover)
    inside, outside = {C: t - threshold}, {C: -threshold - u}
    got = sp.integrate(sp.powsimp(density * x ** C.xreplace(inside), force=True), (x, 0, sp.oo), conds="none")
    assert _same(got, value.xreplace(inside))
    ratio = sp.powsimp(density * x ** C.xreplace(outside) * x ** (1 + u), force=True)
    assert sp.simplify(ratio.subs(x, 1)).is_positive
    slope = sp.diff(sp.expand_log(sp.log(ratio), force=True), x)
    assert sp.simplify(slope.subs(x, 1 / (1 + w))).is_nonpositive, slope
    _diverges(x ** (-1 - u), x, 0, 1, 1 / (1 + w))


#: ``(family, fact name)``: its proof, for ``SPECIAL_PROOFS`` in ``test_families.py``.
POSITIVE_PROOFS: dict[tuple[type[Parametric], str], Callable[[Parametric, Fact], None]] = {
    (Weibull, "mean log"): _weibull,
    (Weibull, "moment of order c"): _weibull,
    (Pareto, "mean log"): _pareto,
    (Pareto, "mean"): _pareto,
    (Pareto, "second moment"): _pareto,
    (InverseGamma, "mean"): _inverse_gamma_mean,
    (Chi2, "moment of order c"): _power_moment,
    (Chi, "moment of order c"): _power_moment,
    (Exponential, "moment of order c"): _power_moment,
    (Gamma, "moment of order c"): _power_moment,
}
