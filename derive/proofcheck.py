"""Re-checking a proof file from the file alone (``derive verify``).

The file's LaTeX is parsed back (never evaluated as Python), its distributions
are rebuilt from their families, and every step is checked by the verifier:
the rewrite ``before = after``, the displayed equation ``subject = after``, and
that each step starts where the previous one ended.  Recorded verdicts are
ignored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import sympy as sp

from derive.core import Status, Verdict
from derive.distributions.base import Distribution
from derive.distributions.registry import family
from derive.domain import Domain
from derive.errors import DeriveError
from derive.measures import UNITS
from derive.render.proof import FORMAT, VERSION
from derive.verify import check_equal

MAX_BYTES = 5_000_000


class ProofFileError(DeriveError):
    """The proof file is not a well-formed derive proof; the message says where."""


@dataclass(frozen=True)
class StepCheck:
    index: int
    rule: str
    verdict: Verdict


def check_proof_text(text: str, source: str = "proof") -> list[StepCheck]:
    """Check every step of a proof file's text; raises :class:`ProofFileError` when it is malformed."""
    if len(text) > MAX_BYTES:
        raise ProofFileError(f"{source}: file is larger than {MAX_BYTES} bytes")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProofFileError(f"{source}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
    _expect(document, dict, f"{source}: top level")
    if document.get("format") != FORMAT or document.get("version") != VERSION:
        raise ProofFileError(f"{source}: not a {FORMAT} version {VERSION} file (format/version fields)")
    units = document.get("units", "nats")
    if units not in UNITS:
        raise ProofFileError(f"{source}: units: expected one of {', '.join(UNITS)}, got {units!r}")
    dists = tuple(_distribution(d, f"{source}: distributions[{k}]")
                  for k, d in enumerate(_expect(document.get("distributions"), list, f"{source}: distributions")))
    domain = Domain().merge(*(d.domain for d in dists))
    steps = _expect(document.get("steps"), list, f"{source}: steps")
    if not steps:
        raise ProofFileError(f"{source}: steps: the proof has no steps")
    reader = _Reader(dists, units, source)
    checks, previous = [], None
    for k, step in enumerate(steps):
        where = f"steps[{k}]"
        _expect(step, dict, f"{source}: {where}")
        rule = _expect(step.get("rule"), str, f"{source}: {where}.rule")
        before, after = reader.read(step, "before", where), reader.read(step, "after", where)
        subject = reader.read(step, "subject", where) if step.get("subject") is not None else None
        verdict = _check(before, after, subject, domain)
        if verdict.proved and previous is not None and step.get("subject") == previous[0] \
                and step.get("before") != previous[1]:
            verdict = Verdict(Status.REFUTED, "this step does not start where the previous step ended")
        checks.append(StepCheck(k + 1, rule, verdict))
        previous = (step.get("subject"), step.get("after"))
    return checks


def _check(before: sp.Basic, after: sp.Basic, subject: sp.Basic | None, domain: Domain) -> Verdict:
    if isinstance(after, sp.Equality):
        return check_equal(after.lhs, after.rhs, domain)
    verdict = check_equal(before, after, domain)
    if verdict.proved and subject is not None:
        shown = check_equal(subject, after, domain)
        if not shown.proved:
            return Verdict(shown.status, f"the displayed equation does not hold: {shown.reason}", shown.counterexample)
    return verdict


class _Reader:
    """Parses a step's LaTeX fields, giving measures the file's logarithm base."""

    def __init__(self, dists: tuple[Distribution, ...], units: str, source: str) -> None:
        self.dists, self.units, self.source = dists, units, source

    def read(self, step: dict, field: str, where: str) -> sp.Basic:
        from derive.parse import ParseError, parse_latex

        tex = _expect(step.get(field), str, f"{self.source}: {where}.{field}")
        try:
            return parse_latex(tex, self.dists, self.units)
        except ParseError as exc:
            raise ProofFileError(f"{self.source}: {where}.{field}: {exc}") from None


def _distribution(entry: object, where: str) -> Distribution:
    from derive.parse import ParseError, parse_latex
    from derive.render.printer import to_latex

    _expect(entry, dict, where)
    cls = family(_expect(entry.get("family"), str, f"{where}.family"))
    params = []
    for k, tex in enumerate(_expect(entry.get("parameters"), list, f"{where}.parameters")):
        try:
            value = parse_latex(_expect(tex, str, f"{where}.parameters[{k}]"))
        except ParseError as exc:
            raise ProofFileError(f"{where}.parameters[{k}]: {exc}") from None
        if isinstance(value, sp.Eq) or not isinstance(value, sp.Expr):
            raise ProofFileError(f"{where}.parameters[{k}]: expected a parameter, got {tex!r}")
        params.append(value)
    outcomes = tuple(_expect(entry.get("outcomes"), list, f"{where}.outcomes"))
    try:
        dist = cls.from_parameters(params, _expect(entry.get("name"), str, f"{where}.name"), outcomes)
    except (DeriveError, TypeError) as exc:
        raise ProofFileError(f"{where}: {exc}") from None
    recorded = entry.get("domain", [])
    expected = [to_latex(c) for c in dist.domain.conditions()]
    if recorded != expected:
        raise ProofFileError(f"{where}.domain: {recorded} is not the {dist.family} family's domain {expected}")
    return dist


def _expect(value: object, kind: type, where: str):
    if not isinstance(value, kind):
        raise ProofFileError(f"{where}: expected {kind.__name__}, got {type(value).__name__}")
    return value
