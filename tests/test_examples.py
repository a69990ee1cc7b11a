"""The README's extension example: a family added in one module works with every part of derive."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import numpy as np
import pytest
import sympy as sp
from scipy import integrate, stats

import derive

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "rayleigh.py"


def load():
    spec = importlib.util.spec_from_file_location("rayleigh_example", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Rayleigh


def test_the_readme_shows_the_example_as_it_is():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"```python\n(# examples/rayleigh.py.*?)```", readme, flags=re.S)
    assert shown, "README must show examples/rayleigh.py"
    code = EXAMPLE.read_text(encoding="utf-8")
    body = code[code.index("import sympy"):code.index('if __name__')].strip()
    assert body in shown.group(1)


@pytest.mark.parametrize("s1, s2", [(1.0, 2.0), (0.7, 0.4), (2.5, 2.5)])
def test_closed_forms_match_numerical_integration(s1: float, s2: float):
    Rayleigh = load()
    P, Q = Rayleigh(sp.Rational(str(s1)), name="P"), Rayleigh(sp.Rational(str(s2)), name="Q")
    p, q = stats.rayleigh(scale=s1), stats.rayleigh(scale=s2)
    kl_numeric = integrate.quad(lambda x: p.pdf(x) * (p.logpdf(x) - q.logpdf(x)), 0, np.inf)[0]
    assert float(derive.kl(P, Q)) == pytest.approx(kl_numeric, rel=1e-7, abs=1e-12)
    assert float(derive.entropy(P)) == pytest.approx(p.entropy(), rel=1e-9)
    ce_numeric = integrate.quad(lambda x: -p.pdf(x) * q.logpdf(x), 0, np.inf)[0]
    assert float(derive.cross_entropy(P, Q)) == pytest.approx(ce_numeric, rel=1e-7)


def test_registered_and_rebuilt_by_name():
    Rayleigh = load()
    from derive.distributions.registry import family
    assert family("rayleigh") is Rayleigh
    s = sp.Symbol("s")
    P = Rayleigh(s)
    assert P.func(*P.args) == P and [str(c) for c in P.domain.conditions()] == ["(0 < s) & (s < oo)"]


def test_its_facts_hold():
    Rayleigh = load()
    s = sp.Symbol("s", positive=True)
    for fact in Rayleigh(s).moments:
        assert sp.simplify(fact.lhs.doit() - fact.rhs) == 0, fact.name


def test_bad_parameters_are_refused():
    Rayleigh = load()
    with pytest.raises(derive.DeriveError, match="Rayleigh scale"):
        Rayleigh(-1)


def test_the_whole_derivation_works_for_it():
    """The article's derivation replays for the user's family, every step proved, ending in its closed form."""
    from derive.derivations import kl_cross_entropy
    Rayleigh = load()
    s1, s2 = sp.symbols("s_1 s_2")
    P, Q = Rayleigh(s1, name="P"), Rayleigh(s2, name="Q")
    d = kl_cross_entropy(P, Q)
    report = d.verify()
    assert report.ok, [(s.rule, v.reason) for s, v in report.results if not v.proved]
    assert derive.check_equal(d.chains[-1].current, derive.kl(P, Q), d.domain).proved
