"""derive.testing and its pytest plugin: assertions that pass only on proof, and the README's user test file."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp

import derive
from derive.check import CheckError
from derive.core import Chain, Derivation, Section, Step
from derive.testing import DeriveCheck, assert_derivation, assert_document, assert_identity

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "test_user_identities.py"
COINS = ["P(H) = p", "Q(H) = q"]
p, q, a, b = sp.symbols("p q a b")


#: (lhs, rhs, keyword arguments): identities that hold
HOLDS = [
    (r"KL(P \Vert Q)", r"H(P, Q) - H(P)", {"define": COINS}),
    (r"H(P)", r"-p \log(p) - (1 - p) \log(1 - p)", {"define": ["P(H) = p"]}),
    (r"\log\left(\frac{a}{b}\right)", r"\log(a) - \log(b)", {"assume": ["a, b > 0"]}),
    (r"\log(a b)", r"\log(a) + \log(b)", {"assume": [a > 0, sp.And(b > 0, b < 1)]}),
    (r"D_{KL}(P \| Q)", r"\sum_{i=1}^{k} p_i \log \frac{p_i}{q_i}", {"define": ["P(x_i) = p_i", "Q(x_i) = q_i"]}),
    (r"\mathbb{E}_{P}\left[(x - \mu_1)^2\right]", r"\sigma_1^2", {"define": [r"P = \mathcal{N}(\mu_1, \sigma_1^2)"]}),
    (derive.Entropy(derive.Bernoulli(p)), -p * sp.log(p) - (1 - p) * sp.log(1 - p), {}),
    (r"H(P, Q)", derive.CrossEntropy(derive.Bernoulli(p), derive.Bernoulli(q, name="Q")), {}),
]


@pytest.mark.parametrize(("lhs", "rhs", "options"), HOLDS, ids=[str(h[0])[:40] for h in HOLDS])
def test_assert_identity_passes_when_proved(lhs, rhs, options: dict) -> None:
    assert assert_identity(lhs, rhs, **options).proved


#: (lhs, rhs, keyword arguments, lines the message must hold)
FAILS = [
    (r"KL(P \Vert Q)", r"H(P, Q) + H(P)", {"define": COINS},  # text comes back as the user wrote it
     ["the identity does not hold (refuted)", r"lhs: KL(P \Vert Q)", "rhs: H(P, Q) + H(P)",
      "counterexample: p = 1/3, q = 2/7"]),
    (derive.KL(derive.Bernoulli(p), derive.Bernoulli(q, name="Q")), sp.Integer(0), {},
     ["the identity does not hold (refuted)", r"lhs: \mathrm{KL}(P \Vert Q)", "rhs: 0", "counterexample: "]),
    (r"\log(a b)", r"\log(a) + \log(b)", {},  # true only for positive a, b: unknown never passes
     ["the identity is not proved (unknown)", r"lhs: \log(a b)"]),
]


@pytest.mark.parametrize(("lhs", "rhs", "options", "lines"), FAILS, ids=[str(f[1])[:40] for f in FAILS])
def test_assert_identity_fails_with_both_sides_and_the_point(lhs, rhs, options: dict, lines: list[str]) -> None:
    with pytest.raises(AssertionError) as caught:
        assert_identity(lhs, rhs, **options)
    message = str(caught.value)
    for line in lines:
        assert line in message, message


z = sp.Symbol("z", positive=True)

#: (call, the error it raises, a fragment of its one-line message)
MISUSE = [
    (lambda: assert_identity("x", "x", define=["p + 1 = q"]), CheckError, "declares no distribution"),
    (lambda: assert_identity("x", "x", assume=["p < q"]), CheckError, "relates two symbols"),
    (lambda: assert_identity("a = b", "a"), CheckError, "must be an expression, got the equation 'a = b'"),
    (lambda: assert_identity("a > 0", "a"), CheckError, "must be an expression, got the relation 'a > 0'"),
    (lambda: assert_identity(a > 0, a), CheckError, "must be an expression, got the relation a > 0"),
    (lambda: assert_identity(sp.Eq(a, b), a), CheckError, "must be an expression, got the relation Eq(a, b)"),
    (lambda: assert_identity(sp.true, a), CheckError, "must be an expression, got a truth value"),
    (lambda: assert_identity(a, True), CheckError, "must be an expression, got a truth value"),
    (lambda: assert_identity(sp.Interval(0, 1), a), CheckError, "must be an expression, got Interval"),
    (lambda: assert_identity(object(), "a"), TypeError, "a SymPy expression or a LaTeX string, got object"),
    (lambda: assert_identity([a], a), TypeError, "a SymPy expression or a LaTeX string, got list"),
    (lambda: assert_identity(a, a, assume=5), TypeError, "assume takes a list of strings such as '0 < p < 1'"),
    (lambda: assert_identity(a, a, assume=[{"a": 1}]), CheckError, "a string or a SymPy relation"),
    (lambda: assert_identity(a, a, assume=[sp.Eq(a, 1)]), CheckError, "got Equality 'Eq(a, 1)'"),
    (lambda: assert_identity(a, a, define=5), TypeError, "define takes a list of strings such as 'P(H) = p'"),
    (lambda: assert_identity(a, a, define=[5]), CheckError, "define takes strings"),
    (lambda: assert_identity(a, a, distributions=[5]), TypeError, "distributions takes derive distributions"),
    (lambda: assert_identity(a, a, units="furlongs"), CheckError, "units must be 'nats' or 'bits'"),
    (lambda: assert_identity(r"\frac{", a), derive.DeriveError, "never closed"),
    # contradictory assumptions: an error, never a vacuous proof
    (lambda: assert_identity(z, -z, assume=["z < 0"]), CheckError, "no value of z"),
    (lambda: assert_identity(z, -z, assume=[z < 0]), CheckError, "an assumption is False"),
    (lambda: assert_identity(a, a + 1, assume=["0 < a < 0"]), CheckError, "no value of a satisfies"),
    (lambda: assert_identity(a, a + 1, assume=["a > 1", a < 0]), CheckError, "no value of a satisfies"),
    (lambda: assert_document(5), TypeError, "takes the path of a document"),
    (lambda: assert_derivation("not one"), TypeError, "takes a derive.Derivation"),
]


@pytest.mark.parametrize(("call", "error", "fragment"), MISUSE, ids=[str(k) for k in range(len(MISUSE))])
def test_misuse_is_an_error_not_a_failure(call, error: type, fragment: str) -> None:
    with pytest.raises(error, match=re.escape(fragment)) as caught:
        call()
    assert "\n" not in str(caught.value)


def test_one_assumption_or_definition_may_be_given_alone() -> None:
    assert assert_identity(r"\sqrt{a^2}", "a", assume="a >= 0").proved
    assert assert_identity(r"H(P)", r"-p \log(p) - (1 - p) \log(1 - p)", define="P(H) = p").proved
    assert DeriveCheck().given(assume="a > 0").assume == ("a > 0",)


def test_sympy_bounds_are_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    import derive.verify

    seen = []
    real = derive.verify.check_equal

    def spy(left, right, domain, *args, **kwargs):
        seen.append(dict(domain.intervals))
        return real(left, right, domain, *args, **kwargs)

    monkeypatch.setattr(derive.verify, "check_equal", spy)
    assert_identity(sp.sqrt(a**2), a, assume=[a >= 0, sp.And(b >= 0, b <= 1)])
    assert seen == [{a: sp.Interval(0, sp.oo), b: sp.Interval(0, 1)}]


def test_a_bound_names_the_symbol_of_the_sides() -> None:
    positive = sp.Symbol("a", positive=True)
    assert assert_identity(sp.Abs(positive - 1), 1 - positive, assume=["a < 1"]).proved


def _coins() -> tuple:
    return derive.Bernoulli(p), derive.Bernoulli(q, name="Q")


def test_assert_derivation() -> None:
    assert assert_derivation(derive.derivations.kl_cross_entropy(*_coins())).ok
    P, _ = _coins()
    wrong = Step("cancel", derive.Entropy(P), -p * sp.log(p), "a term went missing")
    derivation = Derivation("broken", (Section("only", (Chain(derive.Entropy(P), steps=(wrong,)),)),), (P,))
    with pytest.raises(AssertionError) as caught:
        assert_derivation(derivation)
    message = str(caught.value)
    assert "derivation 'broken': 1 of 1 steps not proved" in message
    assert "step 1 (cancel): refuted" in message and "lhs: H(P)" in message and "counterexample: p = " in message
    with pytest.raises(AssertionError, match="has no steps"):
        assert_derivation(Derivation("empty", (), (P,)))


def test_assert_document(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text("$P(H) = p$, $Q(H) = q$\n\n$$KL(P \\Vert Q) = H(P, Q) - H(P)$$\n")
    assert assert_document(good).ok
    unknown = tmp_path / "unknown.md"
    unknown.write_text("$$\\sqrt{a^{2}} = a$$\n")
    with pytest.raises(AssertionError, match="unknown: proved only if a > 0"):
        assert_document(unknown)
    assert assert_document(unknown, strict=False).ok
    assert assert_document(unknown, assume=["a > 0"]).ok
    bad = tmp_path / "bad.md"
    bad.write_text(good.read_text().replace("- H(P)", "+ H(P)"))
    with pytest.raises(AssertionError, match=re.escape(f"{bad}:3: refuted: KL(P \\Vert Q) != H(P, Q) + H(P) at p=")):
        assert_document(bad)


def test_derive_check_fixture_object_shares_its_setting() -> None:
    check = DeriveCheck().given(define=COINS).given(assume=["a > 0"])
    assert check.define == tuple(COINS) and check.assume == ("a > 0",)
    assert check.identity(r"KL(P \Vert Q) + \log(a)", r"H(P, Q) - H(P) + \log(a)").proved
    with pytest.raises(AssertionError, match="refuted"):
        check.identity(r"KL(P \Vert Q)", r"H(P)")


def test_the_plugin_is_registered_for_pytest() -> None:
    from importlib.metadata import entry_points

    (plugin,) = [e for e in entry_points(group="pytest11") if e.name == "derive"]
    assert plugin.value == "derive.pytest_plugin"


def test_derive_check_fixture_needs_no_import(derive_check) -> None:
    assert isinstance(derive_check, DeriveCheck)


# -- the user's test file the README shows ----------------------------------------------------
def _pytest(path: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pytest", str(path), "-q", "-p", "no:cacheprovider"],
                          capture_output=True, text=True, cwd=cwd, timeout=300)


def test_the_readme_shows_the_example_file_verbatim() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"```python\n{EXAMPLE.read_text(encoding='utf-8')}```" in readme


def test_the_example_file_passes_in_a_project_of_its_own(tmp_path: Path) -> None:
    copy = tmp_path / EXAMPLE.name
    copy.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = _pytest(copy, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b6 passed\b", result.stdout), result.stdout


def test_a_wrong_identity_in_a_copy_fails_with_its_counterexample(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert r'r"H(P, Q) - H(P)"' in text
    copy = tmp_path / "test_wrong.py"
    copy.write_text(text.replace(r'r"H(P, Q) - H(P)"', r'r"H(P, Q) + H(P)"', 1), encoding="utf-8")
    result = _pytest(copy, tmp_path)
    assert result.returncode == 1
    assert "1 failed, 5 passed" in result.stdout
    assert "the identity does not hold (refuted)" in result.stdout
    assert "counterexample: p = 1/3, q = 2/7" in result.stdout
