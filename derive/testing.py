r"""Assertions for test suites: identities, derivations and documents, each checked by derive's verifier.

>>> from derive.testing import assert_identity
>>> verdict = assert_identity(r"KL(P \Vert Q)", r"H(P, Q) - H(P)", define=["P(H) = p", "Q(H) = q"])

* :func:`assert_identity` -- two sides, SymPy expressions or LaTeX strings.
  Distributions come from ``define`` (the language of ``derive check
  --define``: ``"P(H) = p"``, ``"P = \mathcal{N}(\mu_1, \sigma_1^2)"``,
  ``"P = (p_1, \ldots, p_k)"``), from ``distributions``, and from the SymPy
  sides themselves; ``assume`` bounds other symbols, as strings in the
  language of ``--assume`` (``"0 < a < 1"``, ``"a, b > 0"``) or as SymPy
  relations (``a > 0``, ``sp.And(a > 0, a < 1)``).
* :func:`assert_derivation` -- every step of a :class:`derive.Derivation`.
* :func:`assert_document` -- every link of a Markdown or LaTeX file, as
  ``derive check`` reads it; by default (``strict=True``) an unknown or
  unparsed link fails too.

Each raises :class:`AssertionError` unless everything is **proved**: a
refuted identity and an unknown one both fail.  The message names the
failing link, shows both sides, and gives the counterexample point.  The
pytest plugin (:mod:`derive.pytest_plugin`) offers the same as the
``derive_check`` fixture.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import sympy as sp

from derive.check import Options, Result, check_file
from derive.check.assume import from_relations, restrict
from derive.check.chains import chains, statements
from derive.check.document import Span
from derive.check.definitions import declaration, declare
from derive.check.errors import CheckError
from derive.core import Derivation, Report, Verdict
from derive.distributions.base import Distribution
from derive.domain import Domain

Side = sp.Basic | str

__all__ = ["DeriveCheck", "assert_derivation", "assert_document", "assert_identity"]


def assert_identity(lhs: Side, rhs: Side, *, assume: Sequence[object] = (), define: Sequence[str] = (),
                    distributions: Sequence[Distribution] = (), units: str = "nats") -> Verdict:
    """Pass when ``lhs == rhs`` is proved on the domain; return the verdict.  Refuted or unknown: AssertionError."""
    __tracebackhide__ = True  # pytest shows the caller's line, not this function's
    from derive.verify import check_equal

    dists = _distributions(define, distributions, (lhs, rhs))
    domain = _domain(dists, assume)
    numbers = tuple(s for s in domain.symbols if isinstance(s, sp.Symbol))  # what assume bounds reads as a number
    left, right = (_read(side, dists, units, numbers) for side in (lhs, rhs))
    verdict = check_equal(left, right, domain)
    if not verdict.proved:
        raise AssertionError(_identity_message(verdict, lhs, rhs, left, right))
    return verdict


def assert_derivation(derivation: Derivation) -> Report:
    """Pass when every step of ``derivation`` is proved; return its report."""
    __tracebackhide__ = True
    if not isinstance(derivation, Derivation):
        raise TypeError(f"assert_derivation takes a derive.Derivation, got {type(derivation).__name__}")
    report = derivation.verify()
    failing = [(k, step, verdict) for k, (step, verdict) in enumerate(report.results, 1) if not verdict.proved]
    if not report.results:
        raise AssertionError(f"derivation {derivation.title!r} has no steps to check")
    if failing:
        lines = [f"derivation {derivation.title!r}: {len(failing)} of {len(report.results)} steps not proved "
                 f"({report.summary()})"]
        for k, step, verdict in failing:
            lines.append(f"step {k} ({step.rule}): {verdict.status.value}")
            lines += _sides(_latex(step.before), _latex(step.after), verdict)
        raise AssertionError("\n".join(lines))
    return report


def assert_document(path: str | Path, *, assume: Sequence[object] = (), define: Sequence[str] = (),
                    units: str | None = None, strict: bool = True) -> Result:
    """Pass when every checked link of the document at ``path`` is proved (``strict``: nothing unknown or unparsed)."""
    __tracebackhide__ = True
    result = check_file(path, Options(tuple(assume), tuple(define), units, strict))
    if result.exit_code == 2:
        raise AssertionError(f"{path}: no link could be checked\n{result.text()}")
    if result.exit_code:
        lines = [f"{path}: {len(result.failures())} link(s) failed"]
        for entry in result.failures():
            lines.append(entry.text())
            if entry.status != "refuted":
                lines += [f"  lhs: {entry.lhs}", f"  rhs: {entry.rhs}"]
        lines.append(result.summary())
        raise AssertionError("\n".join(lines))
    return result


@dataclass(frozen=True)
class DeriveCheck:
    """The ``derive_check`` fixture: the three assertions, with assumptions and definitions shared by a test.

    ``derive_check.given(define=["P(H) = p"])`` returns a copy whose calls all
    use those definitions; ``identity``, ``derivation`` and ``document`` are
    :func:`assert_identity`, :func:`assert_derivation` and :func:`assert_document`.
    """

    assume: tuple[object, ...] = ()
    define: tuple[str, ...] = ()
    units: str = "nats"

    def given(self, *, assume: Sequence[object] = (), define: Sequence[str] = (),
              units: str | None = None) -> "DeriveCheck":
        return replace(self, assume=self.assume + tuple(assume), define=self.define + tuple(define),
                       units=units or self.units)

    def identity(self, lhs: Side, rhs: Side, *, assume: Sequence[object] = (), define: Sequence[str] = (),
                 distributions: Sequence[Distribution] = ()) -> Verdict:
        __tracebackhide__ = True
        return assert_identity(lhs, rhs, assume=self.assume + tuple(assume), define=self.define + tuple(define),
                               distributions=distributions, units=self.units)

    def derivation(self, derivation: Derivation) -> Report:
        __tracebackhide__ = True
        return assert_derivation(derivation)

    def document(self, path: str | Path, *, assume: Sequence[object] = (), define: Sequence[str] = (),
                 strict: bool = True) -> Result:
        __tracebackhide__ = True
        return assert_document(path, assume=self.assume + tuple(assume), define=self.define + tuple(define),
                               units=self.units, strict=strict)


def _distributions(define: Sequence[str], given: Sequence[Distribution], sides: Sequence[Side]) -> tuple:
    """Distributions from ``define``, then those given, then those the SymPy sides hold (each name once)."""
    if isinstance(define, str):
        define = [define]
    declarations = []
    for k, text in enumerate(define):
        if not isinstance(text, str):
            raise CheckError(f"define takes strings such as 'P(H) = p', got {type(text).__name__}")
        found = chains(statements(Span(text, 1, False, "define")))
        d = declaration(found[0].subject.tex, found[0].relations[0], found[0].expressions[1].tex, k) \
            if found and len(found[0].expressions) > 1 else None
        if d is None:
            raise CheckError(f"define {text!r} declares no distribution (like 'P(H) = p' or 'P = (p_1, \\ldots, p_k)')")
        declarations.append(d)
    texts = list(define) + [s for s in sides if isinstance(s, str)]
    declared = declare(declarations, texts)
    if declared.problems:
        raise CheckError(f"define: {next(iter(declared.problems.values()))}")
    out: dict[str, Distribution] = {}
    found_in_sides = [d for s in sides if isinstance(s, sp.Basic) for d in s.atoms(Distribution)]
    for dist in (*declared.distributions, *given, *sorted(found_in_sides, key=lambda d: d.name)):
        out.setdefault(dist.name, dist)
    return tuple(out.values())


def _domain(dists: Sequence[Distribution], assume: Sequence[object]) -> Domain:
    if isinstance(assume, (str, sp.Basic)):
        assume = [assume]
    return restrict(Domain().merge(*(d.domain for d in dists)), from_relations(list(assume)))


def _read(side: Side, dists: Sequence[Distribution], units: str, numbers: Sequence[sp.Symbol] = ()) -> sp.Basic:
    if isinstance(side, str):
        from derive.parse import parse_latex

        value = parse_latex(side, dists, units, numbers)
        if isinstance(value, sp.Equality):
            raise CheckError(f"a side of an identity must be an expression, got the equation {side!r}")
        return value
    if isinstance(side, (int, float)) and not isinstance(side, bool):
        return sp.Integer(side) if isinstance(side, int) else sp.Float(side)
    if not isinstance(side, sp.Basic):
        raise TypeError(f"a side must be a SymPy expression or a LaTeX string, got {type(side).__name__}")
    return side


def _latex(expr: sp.Basic) -> str:
    from derive.render.printer import to_latex

    try:
        return to_latex(expr)
    except Exception:  # a display problem must never hide the verdict
        return str(expr)


def _identity_message(verdict: Verdict, lhs: Side, rhs: Side, left: sp.Basic, right: sp.Basic) -> str:
    head = "the identity does not hold (refuted)" if verdict.status.value == "refuted" else \
        f"the identity is not proved ({verdict.status.value})"
    shown = [lhs if isinstance(lhs, str) else _latex(left), rhs if isinstance(rhs, str) else _latex(right)]
    return "\n".join([head, *_sides(*shown, verdict)])


def _sides(lhs: str, rhs: str, verdict: Verdict) -> list[str]:
    lines = [f"  lhs: {lhs}", f"  rhs: {rhs}"]
    if verdict.counterexample:
        point = sorted((str(k), str(v)) for k, v in verdict.counterexample)
        lines.append("  counterexample: " + ", ".join(f"{k} = {v}" for k, v in point))
    if verdict.reason:
        lines.append(f"  verifier: {verdict.reason}")
    return lines
