"""Derived formulas exported to NumPy (and PyTorch where installed), checked against finite differences."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from derive.api import article_coins
from derive.derivations.minimization import coin, logistic
from derive.errors import DeriveError
from derive.render.export import lambdify

z = sp.Symbol("z", real=True)
P, Q = article_coins()
p, q = sp.Symbol("p"), sp.Symbol("q")
D = logistic(P, z)
LOSS, GRADIENT, STABLE = D.sections[0].chains[0], D.sections[1].chains[0], D.sections[2].chains[0]
POINTS = [(pv, zv) for pv in (0.1, 0.5, 0.83) for zv in (-3.0, -0.2, 0.0, 1.7, 4.0)]


@pytest.mark.parametrize("pv, zv", POINTS)
def test_the_derived_gradient_matches_a_finite_difference_of_the_loss(pv, zv):
    loss, grad = lambdify(LOSS, (p, z)), lambdify(GRADIENT, (p, z))
    h = 1e-6
    numeric = (loss(pv, zv + h) - loss(pv, zv - h)) / (2 * h)
    assert grad(pv, zv) == pytest.approx(numeric, rel=1e-6, abs=1e-8)


def test_the_stable_form_agrees_and_does_not_overflow():
    naive, stable = lambdify(LOSS, (p, z)), lambdify(STABLE, (p, z))
    zs = np.linspace(-10, 10, 41)
    assert np.allclose(stable(0.3, zs), naive(0.3, zs), rtol=1e-9)
    exact = 0.7 * 30 + np.log1p(np.exp(-30.0))  # at z = 30 the naive form has already lost digits
    assert stable(0.3, 30.0) == pytest.approx(exact, rel=1e-15)
    assert abs(naive(0.3, 30.0) - exact) > 1e-6
    with np.errstate(all="ignore"):
        assert not np.all(np.isfinite(naive(0.3, np.array([-800.0, 800.0]))))
    big = stable(0.3, np.array([-800.0, 800.0]))
    assert np.all(np.isfinite(big)) and big == pytest.approx([0.3 * 800, 0.7 * 800])


def test_the_coin_gradient_matches_a_finite_difference_of_cross_entropy():
    d = coin(P, Q)
    grad = lambdify(d.sections[1].chains[0], (p, q))
    ce = lambdify(d.sections[1].chains[0].steps[2].after.expr, (p, q))  # the cross-entropy written out
    h = 1e-6
    for pv, qv in [(0.2, 0.7), (0.5, 0.5), (0.9, 0.1)]:
        assert grad(pv, qv) == pytest.approx((ce(pv, qv + h) - ce(pv, qv - h)) / (2 * h), rel=1e-6, abs=1e-8)


def test_torch_export_where_installed():
    torch = pytest.importorskip("torch")
    grad = lambdify(GRADIENT, (p, z), backend="torch")
    value = grad(torch.tensor(0.3), torch.tensor(0.0))
    assert float(value) == pytest.approx(0.2)


@pytest.mark.parametrize("args, backend, message", [
    ((z,), "numpy", "depends on p"),
    ((p, z), "tensorflow-lite", "backend"),
], ids=["missing-argument", "unknown-backend"])
def test_export_errors(args, backend, message):
    with pytest.raises(DeriveError, match=message):
        lambdify(GRADIENT, args, backend=backend)


def test_an_inequality_has_nothing_to_export():
    with pytest.raises(DeriveError, match="inequality"):
        lambdify(sp.GreaterThan(q, 0, evaluate=False))
