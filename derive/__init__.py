"""derive: step-by-step derivations of information-theory identities, every step proved.

>>> import sympy as sp, derive
>>> P, Q = derive.Bernoulli(sp.Symbol("p")), derive.Bernoulli(sp.Symbol("q"), name="Q")
>>> derive.derivations.kl_cross_entropy(P, Q).verify().ok
True

Names are imported on first use (PEP 562), so ``import derive`` and the
``derive`` command start about as fast as SymPy itself.
"""

from __future__ import annotations

import importlib
from typing import Any

from derive import hooks
from derive.errors import DeriveError, DeriveWarning

_LAZY = {
    "Chain": "derive.core", "Derivation": "derive.core", "Refusal": "derive.core", "Report": "derive.core",
    "Rewrite": "derive.core", "Rule": "derive.core", "Section": "derive.core", "Status": "derive.core",
    "Step": "derive.core", "Verdict": "derive.core",
    "Distribution": "derive.distributions", "Bernoulli": "derive.distributions", "Beta": "derive.distributions",
    "Binomial": "derive.distributions", "Exponential": "derive.distributions", "Gamma": "derive.distributions",
    "Geometric": "derive.distributions", "Laplace": "derive.distributions", "Normal": "derive.distributions",
    "Poisson": "derive.distributions", "Uniform": "derive.distributions",
    "Chi": "derive.distributions", "Chi2": "derive.distributions", "InverseGamma": "derive.distributions",
    "Pareto": "derive.distributions", "Weibull": "derive.distributions",
    "ContinuousBernoulli": "derive.distributions", "VonMises": "derive.distributions",
    "Cauchy": "derive.distributions", "Gumbel": "derive.distributions", "HalfNormal": "derive.distributions",
    "LogNormal": "derive.distributions", "Moyal": "derive.distributions",
    "Categorical": "derive.distributions.categorical", "register": "derive.distributions.registry",
    "Domain": "derive.core.domain", "Group": "derive.core.group",
    "KL": "derive.distributions.measures", "CrossEntropy": "derive.distributions.measures",
    "Entropy": "derive.distributions.measures", "Prob": "derive.distributions.measures",
    "entropy": "derive.closed_forms", "cross_entropy": "derive.closed_forms", "kl": "derive.closed_forms",
    "check_equal": "derive.verify", "check_relation": "derive.verify", "lambdify": "derive.render.export",
    "Sigmoid": "derive.core.functions", "System": "derive.core.system",
}
_SUBMODULES = ("derivations", "testing", "closed_forms", "api", "check")

__all__ = sorted([*_LAZY, "DeriveError", "DeriveWarning", "derivations"])
__version__ = "0.1.0"


def _verify(derivation: Any) -> Any:
    from derive.verify import verify_derivation

    return verify_derivation(derivation)


def _markdown(derivation: Any) -> str:
    from derive.render.markdown import render_markdown

    return render_markdown(derivation, front_matter=False)


def _latex(derivation: Any) -> str:
    from derive.render.markdown import aligned
    from derive.render.printer import DEFAULT

    return f"$$\n{aligned(derivation, DEFAULT)}\n$$"


def _report(report: Any) -> str:
    from derive.render.text import report_table

    return report_table(report)


hooks.verify, hooks.markdown, hooks.latex, hooks.report = _verify, _markdown, _latex, _report


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f"derive.{name}")
    else:
        raise AttributeError(f"module 'derive' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | set(_SUBMODULES))
