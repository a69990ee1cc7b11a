"""A family derive does not ship, added in one short module: the Rayleigh distribution.

Run it (``python examples/rayleigh.py``) or import it; the README shows it and
``tests/test_examples.py`` runs it.
"""

import sympy as sp

import derive
from derive.distributions.parametric import POSITIVE, X, Parametric


@derive.register
class Rayleigh(Parametric):
    """Scale ``sigma``: density ``x / sigma^2 * exp(-x^2 / (2 sigma^2))`` on ``[0, oo)``."""

    family = "rayleigh"
    description = "a Rayleigh distribution"
    parameters = (("sigma", "Rayleigh scale", POSITIVE),)

    @property
    def support(self) -> sp.Set:
        return sp.Interval(0, sp.oo)

    def density(self, x: sp.Expr) -> sp.Expr:
        sigma = self.args[0]
        return x / sigma**2 * sp.exp(-x**2 / (2 * sigma**2))

    def expectations(self):
        """The moments derive may use, each ``(name, g(X), E[g(X)])``; tests prove them."""
        sigma = self.args[0]
        return (("second moment", X**2, 2 * sigma**2),
                ("mean log", sp.log(X), sp.log(sigma) + (sp.log(2) - sp.EulerGamma) / 2))


if __name__ == "__main__":
    s1, s2 = sp.symbols("sigma_1 sigma_2", positive=True)
    P, Q = Rayleigh(s1, name="P"), Rayleigh(s2, name="Q")
    print("KL(P || Q) =", sp.simplify(derive.kl(P, Q)))
    print("H(P)       =", sp.simplify(derive.entropy(P)))
