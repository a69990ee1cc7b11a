"""Re-checking a proof file from the file alone (``derive verify``).

The file's LaTeX is parsed back (never evaluated as Python), its distributions
are rebuilt from their families, and every step is checked by the verifier:
the rewrite ``before R after`` for the step's ``relation`` (``=`` when the file
does not say; bounds and ``iff``/``implies`` by :func:`derive.verify.check_relation`),
the displayed equation ``subject = after`` while the chain is a chain of
equalities, and that each step starts where the previous one ended.  A step
marked ``"supposed"`` starts a chain from a hypothesis: its ``before`` is
assumed, not checked.  The top-level ``assumptions`` (``z \\in \\mathbb{R}``,
``x > 0``, ``1 \\leq j \\leq n``) are read by :func:`derive.parse.calculus.read_assumption`
into the domain, after the distributions' own.  Recorded verdicts are ignored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import sympy as sp

from derive.core import RELATIONS, Status, Verdict, combine, relation_of
from derive.distributions.base import Distribution
from derive.distributions.registry import family
from derive.domain import Domain, Member
from derive.errors import DeriveError
from derive.measures import UNITS
from derive.render.proof import FORMAT, VERSION
from derive.system import equations_of
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
    if units not in UNITS and units != "any":
        raise ProofFileError(f"{source}: units: expected one of {', '.join(UNITS)}, any, got {units!r}")
    assumptions = _assumptions(document.get("assumptions", []), source)
    symbols = tuple(a.symbol for a in assumptions)
    entries = _expect(document.get("distributions"), list, f"{source}: distributions")
    parameters = {tex for e in entries if isinstance(e, dict) and isinstance(e.get("parameters"), list)
                  for tex in e["parameters"] if isinstance(tex, str)}
    for a in assumptions:
        if sp.latex(a.symbol) in parameters:
            raise ProofFileError(f"{source}: assumptions: {sp.latex(a.symbol)} is a distribution's parameter; "
                                 "its domain is its family's")
    dists = tuple(_distribution(d, f"{source}: distributions[{k}]", symbols) for k, d in enumerate(entries))
    try:
        domain = Domain().merge(*(d.domain for d in dists), _assumed(assumptions, dists, source))
    except ProofFileError:
        raise
    except DeriveError as exc:
        raise ProofFileError(f"{source}: assumptions: {exc}") from None
    steps = _expect(document.get("steps"), list, f"{source}: steps")
    if not steps:
        raise ProofFileError(f"{source}: steps: the proof has no steps")
    reader = _Reader(dists, units, source, symbols)
    checks: list[StepCheck] = []
    previous: _Link | None = None
    for k, step in enumerate(steps):
        where = f"steps[{k}]"
        _expect(step, dict, f"{source}: {where}")
        rule = _expect(step.get("rule"), str, f"{source}: {where}.rule")
        relation = _expect(step.get("relation", "="), str, f"{source}: {where}.relation")
        if relation not in RELATIONS:
            raise ProofFileError(f"{source}: {where}.relation: expected one of {', '.join(RELATIONS)}, "
                                 f"got {relation!r}")
        supposed = _expect(step.get("supposed", False), bool, f"{source}: {where}.supposed")
        before, after = reader.read(step, "before", where), reader.read(step, "after", where)
        if supposed and equations_of(before) is None:
            raise ProofFileError(f"{source}: {where}.supposed: only an equation or a system of them can be supposed")
        subject = reader.read(step, "subject", where) if step.get("subject") is not None else None
        key = (step.get("section"), step.get("subject"))
        continues = previous is not None and not supposed and key == previous.key
        try:
            so_far = combine(previous.relation, relation) if continues else relation
        except DeriveError as exc:
            verdict, so_far = Verdict(Status.REFUTED, str(exc)), relation
        else:
            starts = not continues and step.get("subject") is not None and step.get("before") != step.get("subject")
            verdict = _check(before, after, subject, relation, so_far, starts, supposed, domain)
            if verdict.proved and not continues and not supposed and subject is None:
                verdict = _given(before, verdict, domain)
        if verdict.proved and continues and step.get("before") != previous.after:
            verdict = Verdict(Status.REFUTED, "this step does not start where the previous step ended")
        checks.append(StepCheck(k + 1, rule, verdict))
        previous = _Link(key, step.get("after"), so_far)
    return checks


@dataclass(frozen=True)
class _Link:
    """What the next step of a chain continues: its (section, subject), the last ``after``, the relation so far."""

    key: tuple
    after: object
    relation: str


def _check(before: sp.Basic, after: sp.Basic, subject: sp.Basic | None, relation: str, so_far: str,
           starts: bool, supposed: bool, domain: Domain) -> Verdict:
    """One step: ``before R after``; while the chain is all equalities, also the displayed ``subject = after``.

    ``so_far`` is how ``after`` relates to the chain's subject; once a bound
    has entered the chain, the displayed relation follows from the proved
    steps and the chain's continuity.  A chain that starts with a bound and
    does not start at its subject must start from something equal to it
    (``starts``).  A supposed ``before`` is a hypothesis: only what follows
    from it is checked.
    """
    from derive.verify import check_relation

    if relation in ("iff", "implies") or (supposed and relation == "="):
        return check_relation(before, after, "implies" if relation == "=" else relation, domain)
    if relation != "=":
        verdict = check_relation(before, after, relation, domain)
        if verdict.proved and starts and subject is not None:
            shown = check_equal(subject, before, domain)
            if not shown.proved:
                return Verdict(shown.status, f"the chain does not start from its subject: {shown.reason}",
                               shown.counterexample)
        return verdict
    if isinstance(after, sp.Equality):
        return check_equal(after.lhs, after.rhs, domain)
    if equations_of(after) is not None:  # a system: every equation must hold
        for equation in equations_of(after):
            verdict = check_equal(equation.lhs, equation.rhs, domain)
            if not verdict.proved:
                return verdict
        return verdict
    if isinstance(after, sp.Rel):  # a bound stated as a result: lhs R rhs
        stated = relation_of(after)
        if stated is None or stated == "=":
            return Verdict(Status.UNKNOWN, f"cannot check the relation {sp.sstr(after)}")
        return check_relation(after.lhs, after.rhs, stated, domain)
    verdict = check_equal(before, after, domain)
    if verdict.proved and subject is not None and so_far == "=":
        shown = check_equal(subject, after, domain)
        if not shown.proved:
            return Verdict(shown.status, f"the displayed equation does not hold: {shown.reason}", shown.counterexample)
    return verdict


def _given(before: sp.Basic, verdict: Verdict, domain: Domain) -> Verdict:
    """A chain of equations that is not supposed starts from one that holds: each of ``before``'s equations."""
    for equation in equations_of(before) or ():
        shown = check_equal(equation.lhs, equation.rhs, domain)
        if not shown.proved:
            return Verdict(shown.status, f"the chain starts from an equation that does not hold (is it supposed?): "
                                         f"{shown.reason}", shown.counterexample)
    return verdict


def _assumptions(entries: object, source: str) -> list:
    """The file's ``assumptions``, each read by the small pattern reader (never the full parser)."""
    from derive.parse import ParseError
    from derive.parse.calculus import read_assumption

    out = []
    for k, tex in enumerate(_expect(entries, list, f"{source}: assumptions")):
        try:
            out.append(read_assumption(_expect(tex, str, f"{source}: assumptions[{k}]")))
        except ParseError as exc:
            raise ProofFileError(f"{source}: assumptions[{k}]: {exc}") from None
    names = [a.symbol.name for a in out]
    if len(set(names)) != len(names):
        raise ProofFileError(f"{source}: assumptions: a symbol is assumed twice")
    return out


def _assumed(assumptions: list, dists: tuple[Distribution, ...], source: str) -> Domain:
    """The assumptions as a domain: intervals, and ``1 <= j <= n`` with ``n`` a distribution's size."""
    intervals, constraints = [], []
    sizes = {s.name: s for d in dists for s in _symbols_of(d)}
    for a in assumptions:
        if a.interval is not None:
            intervals.append((a.symbol, a.interval))
        elif a.size in sizes:
            constraints.append(Member(a.symbol, sizes[a.size]))
        else:
            raise ProofFileError(f"{source}: assumptions: {a.size} in 1 <= {a.symbol} <= {a.size} is not the size "
                                 "of a distribution")
    try:
        return Domain(tuple(intervals), tuple(constraints))
    except DeriveError as exc:
        raise ProofFileError(f"{source}: assumptions: {exc}") from None


def _symbols_of(dist: Distribution) -> list[sp.Symbol]:
    try:
        return [s for s in dist.params if isinstance(s, sp.Symbol)]
    except NotImplementedError:
        return []


class _Reader:
    """Parses a step's LaTeX fields, giving measures the file's logarithm base."""

    def __init__(self, dists: tuple[Distribution, ...], units: str, source: str,
                 symbols: tuple[sp.Symbol, ...] = ()) -> None:
        self.dists, self.units, self.source, self.symbols = dists, units, source, symbols

    def read(self, step: dict, field: str, where: str) -> sp.Basic:
        from derive.parse import ParseError, parse_latex

        tex = _expect(step.get(field), str, f"{self.source}: {where}.{field}")
        try:
            return parse_latex(tex, self.dists, self.units, self.symbols)
        except ParseError as exc:
            raise ProofFileError(f"{self.source}: {where}.{field}: {exc}") from None


def _distribution(entry: object, where: str, symbols: tuple[sp.Symbol, ...] = ()) -> Distribution:
    from derive.parse import ParseError, parse_latex
    from derive.render.printer import to_latex

    _expect(entry, dict, where)
    cls = family(_expect(entry.get("family"), str, f"{where}.family"))
    params = []
    for k, tex in enumerate(_expect(entry.get("parameters"), list, f"{where}.parameters")):
        try:
            value = parse_latex(_expect(tex, str, f"{where}.parameters[{k}]"), symbols=symbols)  # \sigma(z): z assumed
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
