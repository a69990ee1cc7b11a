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

Misuse is an error with a one-line message, not a failure: a side that is a
relation or a truth value (``x > 0``, ``Eq(a, b)``, ``True``) or no
expression at all (:class:`~derive.check.errors.CheckError`, a
:class:`~derive.errors.DeriveError`), an object of another type
(:class:`TypeError`), an unreadable ``assume`` or ``define``, and
assumptions that no value satisfies (``0 < x < 0``, or ``z < 0`` for a ``z``
declared positive: a bound names the sides' symbol of its name).  One
assumption or definition may be given alone, as a string.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path

import sympy as sp

from derive.check import Options, Result, check_file
from derive.check.assume import from_relations, restrict
from derive.check.chains import chains
from derive.check.rows import statements
from derive.check.definitions import declaration, declare
from derive.check.document import Span
from derive.check.errors import CheckError
from derive.core import Derivation, Report, Verdict
from derive.core.domain import Domain
from derive.distributions.base import Distribution

Side = sp.Basic | str

__all__ = ["DeriveCheck", "assert_derivation", "assert_document", "assert_identity"]


def assert_identity(lhs: Side, rhs: Side, *, assume: Sequence[object] = (), define: Sequence[str] = (),
                    distributions: Sequence[Distribution] = (), units: str = "nats",
                    timeout: float | None = None) -> Verdict:
    """Pass when ``lhs == rhs`` is proved on the domain (within ``timeout`` seconds, default 30); return the
    verdict.  Refuted, unknown or out of time: AssertionError."""
    __tracebackhide__ = True  # pytest shows the caller's line, not this function's
    from derive.verify import check_equal

    units = _units(units)
    assume, define = _listed(assume, "assume"), _listed(define, "define")
    for side in (lhs, rhs):
        _side_type(side)
    given = _listed(distributions, "distributions")
    for dist in given:
        if not isinstance(dist, Distribution):
            raise TypeError(f"distributions takes derive distributions such as derive.Bernoulli(p), "
                            f"got {type(dist).__name__}")
    dists = _distributions(define, given, (lhs, rhs))
    numbers = _numbers(dists, assume)  # what the distributions and assume bound read as numbers: p(1 - p)
    left, right = (_read(side, dists, units, numbers) for side in (lhs, rhs))
    domain = _domain(dists, assume, (left, right))
    verdict = check_equal(left, right, domain, timeout=timeout)
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
    if not isinstance(path, (str, Path)):
        raise TypeError(f"assert_document takes the path of a document, got {type(path).__name__}")
    units = None if units is None else _units(units)
    result = check_file(path, Options(_listed(assume, "assume"), _listed(define, "define"), units, bool(strict)))
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
        return replace(self, assume=self.assume + _listed(assume, "assume"),
                       define=self.define + _listed(define, "define"), units=_units(units or self.units))

    def identity(self, lhs: Side, rhs: Side, *, assume: Sequence[object] = (), define: Sequence[str] = (),
                 distributions: Sequence[Distribution] = ()) -> Verdict:
        __tracebackhide__ = True
        return assert_identity(lhs, rhs, assume=self.assume + _listed(assume, "assume"),
                               define=self.define + _listed(define, "define"), distributions=distributions,
                               units=self.units)

    def derivation(self, derivation: Derivation) -> Report:
        __tracebackhide__ = True
        return assert_derivation(derivation)

    def document(self, path: str | Path, *, assume: Sequence[object] = (), define: Sequence[str] = (),
                 strict: bool = True) -> Result:
        __tracebackhide__ = True
        return assert_document(path, assume=self.assume + _listed(assume, "assume"),
                               define=self.define + _listed(define, "define"), units=self.units, strict=strict)


#: What ``assume``, ``define`` and ``distributions`` take, told in the error for anything else.
_TAKES = {"assume": "strings such as '0 < p < 1' or SymPy relations such as p > 0",
          "define": "strings such as 'P(H) = p'", "distributions": "derive distributions such as derive.Bernoulli(p)"}


def _listed(value: object, name: str) -> tuple:
    """``value`` as a tuple of items: one string (or SymPy relation, or distribution) alone is one item."""
    if value is None:
        return ()
    if isinstance(value, (str, sp.Basic, bool, Distribution)):
        return (value,)
    if isinstance(value, (list, tuple, set, frozenset)):
        return tuple(value)
    raise TypeError(f"{name} takes a list of {_TAKES[name]}, got {type(value).__name__}")


def _units(units: object) -> str:
    if units not in ("nats", "bits"):
        raise CheckError(f"units must be 'nats' or 'bits', got {units!r:.40}")
    return units  # type: ignore[return-value]


def _side_type(side: object) -> None:
    """Refuse, with one line, a side that is not a LaTeX string, a number or a SymPy expression."""
    if isinstance(side, bool) or (isinstance(side, sp.Basic) and not isinstance(side, sp.Expr)):
        what = "a truth value" if isinstance(side, (bool, sp.logic.boolalg.BooleanAtom)) else \
            f"the relation {_short(side)}" if isinstance(side, sp.logic.boolalg.Boolean) else type(side).__name__
        raise CheckError(f"a side of an identity must be an expression, got {what}")
    if not isinstance(side, (str, int, float, Fraction, sp.Expr)):
        raise TypeError(f"a side must be a SymPy expression or a LaTeX string, got {type(side).__name__}")


def _short(value: object, limit: int = 60) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _distributions(define: Sequence[str], given: Sequence[Distribution], sides: Sequence[Side]) -> tuple:
    """Distributions from ``define``, then those given, then those the SymPy sides hold (each name once)."""
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


def _numbers(dists: Sequence[Distribution], assume: Sequence[object]) -> tuple[sp.Symbol, ...]:
    """The symbols the distributions' domains and ``assume`` bound: numbers, so ``p(1 - p)`` is a product."""
    own = tuple(s for s in Domain().merge(*(d.domain for d in dists)).symbols if isinstance(s, sp.Symbol))
    return own + tuple(b.symbol for b in from_relations(list(assume)))


def _domain(dists: Sequence[Distribution], assume: Sequence[object], sides: Sequence[sp.Basic]) -> Domain:
    """The distributions' domain cut by ``assume``; a bound names the sides' symbol of its name, so ``z < 0`` for a
    ``z`` declared positive is a contradiction (:class:`derive.check.assume.Contradiction`), never ignored."""
    named = {s.name: s for side in sides for s in side.free_symbols if isinstance(s, sp.Symbol)}
    bounds = [replace(b, symbol=named.get(b.symbol.name, b.symbol)) for b in from_relations(list(assume))]
    return restrict(Domain().merge(*(d.domain for d in dists)), bounds)


def _read(side: Side, dists: Sequence[Distribution], units: str, numbers: Sequence[sp.Symbol] = ()) -> sp.Basic:
    if isinstance(side, str):
        from derive.parse import parse_latex

        value = parse_latex(side, dists, units, numbers)
        if not isinstance(value, sp.Expr):
            what = "the equation" if isinstance(value, sp.Equality) else "the relation"
            raise CheckError(f"a side of an identity must be an expression, got {what} {_short(side)!r}")
        return value
    if isinstance(side, Fraction):
        return sp.Rational(side.numerator, side.denominator)
    if isinstance(side, (int, float)):
        return sp.Integer(side) if isinstance(side, int) else sp.Float(side)
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
