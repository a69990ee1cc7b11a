"""A test file a derive user writes: their own identities, a derivation and a note, each proved by derive.

pytest finds derive's plugin by itself, so the ``derive_check`` fixture needs no import.
"""

import sympy as sp

import derive
from derive.testing import assert_identity

COINS = ["P(H) = p", "Q(H) = q"]


def test_kl_is_cross_entropy_minus_entropy():
    assert_identity(r"KL(P \Vert Q)", r"H(P, Q) - H(P)", define=COINS)


def test_entropy_of_a_coin(derive_check):
    derive_check.identity(r"H(P)", r"-p \log(p) - (1 - p) \log(1 - p)", define=COINS)


def test_a_log_rule_with_its_assumptions(derive_check):
    derive_check.identity(r"\log\left(\frac{a}{b}\right)", r"\log(a) - \log(b)", assume=["a, b > 0"])


def test_kl_of_two_normals(derive_check):
    mu_1, mu_2, sigma_1, sigma_2 = sp.symbols("mu_1 mu_2 sigma_1 sigma_2")
    P, Q = derive.Normal(mu_1, sigma_1), derive.Normal(mu_2, sigma_2, name="Q")
    closed_form = sp.log(sigma_2 / sigma_1) + (sigma_1**2 + (mu_1 - mu_2)**2) / (2 * sigma_2**2) - sp.Rational(1, 2)
    derive_check.identity(derive.KL(P, Q), closed_form)


def test_the_whole_derivation(derive_check):
    P, Q = derive.Bernoulli(sp.Symbol("p")), derive.Bernoulli(sp.Symbol("q"), name="Q")
    derive_check.derivation(derive.derivations.kl_cross_entropy(P, Q))


def test_my_notes(derive_check, tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("Let $P(H) = p$ and $P(T) = 1 - p$.\n\n$$\nH(P) = -p \\log(p) - (1 - p) \\log(1 - p)\n$$\n")
    derive_check.document(notes)
