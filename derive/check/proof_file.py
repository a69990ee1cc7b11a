r"""Re-checking a proof file from the file alone (``derive verify``): every step, then the statement.

The file is read strictly (:mod:`derive.render.proof_schema`), its LaTeX is parsed
back (never evaluated as Python), its distributions are rebuilt from their
families, and every field is read before anything is checked: a malformed file
is a :class:`ProofFileError` that says where.  Recorded verdicts are ignored.

**Steps.**  Each step is checked by the verifier: the rewrite ``before R after``
for the step's ``relation`` (``=`` when the file does not say; bounds and
``iff``/``implies`` by :func:`derive.verify.check_relation`), the displayed
equation ``subject = after`` while the chain is a chain of equalities, and
that each step starts where the previous one ended.  A verifier failure on a
step makes that step unknown, never proved.  Once a step of a chain is not
proved, each later step of that chain is judged in its own right: besides its
rewrite, what it displays (``subject R after``; for a supposed chain, that the
hypothesis implies ``after``) is checked directly, never through the failed step.

**Chains.**  A chain is a run of steps with the same ``section`` and
``subject``; a step marked ``"supposed"`` starts one from a hypothesis (its
``before``, an equation or a system, is assumed).  A chain whose steps are all
proved shows a fact: ``subject R last_after`` (``R`` the steps' relations
combined, :func:`derive.core.combine`); without a subject, the last ``after``
when the chain relates equations or inequalities (its first ``before`` must
then hold too), else ``first_before R last_after``.  A supposed chain shows
only ``hypothesis => last_after``.

**The statement** (an equation, an inequality, a system or a chain of
inequalities) is proved when each of its parts follows *formally* from an
unconditional fact (:mod:`derive.verify.establish`): ``lhs - rhs`` is a nonzero
rational multiple of the fact's difference, measures and derivatives being
opaque atoms, with a sign and strictness that keep the relation.  A ``null``
statement concludes nothing: the steps are checked and that is all.

The top-level ``assumptions`` (``z \in \mathbb{R}``, ``x > 0``, ``1 \leq j \leq n``)
are read by :func:`derive.parse.calculus.read_assumption` into the domain,
after the distributions' own; an interval it returns (open, closed or
half-open) goes to :class:`derive.core.domain.Domain` as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import sympy as sp

from derive.core import Status, Verdict, combine, relate, relation_of
from derive.core.domain import Domain, Member
from derive.core.system import System, equations_of
from derive.distributions.base import Distribution
from derive.distributions.registry import family
from derive.errors import DeriveError
from derive.render.proof_schema import (MAX_BYTES, DistributionEntry, ProofDocument, ProofFileError, StepEntry,
                                        read_document)
from derive.verify import check_equal, check_relation, establish
from derive.verify.defined import defined
from derive.verify.limits import OutOfTime, seconds_of, settle, time_limit

__all__ = ["MAX_BYTES", "Conclusion", "Fact", "ProofFileError", "ProofReport", "StepCheck", "check_proof_text",
           "conclude", "domain_of"]

_ORDERS = ("=", "<=", ">=", "<", ">")  # relations between expressions
_BETWEEN_STATEMENTS = ("=", "iff", "implies")


@dataclass(frozen=True)
class StepCheck:
    index: int
    rule: str
    verdict: Verdict


@dataclass(frozen=True)
class Fact:
    """What one chain shows: ``claim`` (a relation or a system), under ``hypothesis`` when it is supposed.

    ``failed`` names the chain's first step that is not proved (``"step 5 is refuted"``), or is empty.
    """

    claim: sp.Basic
    shown: str  # the claim as the file writes it, for messages
    steps: tuple[int, ...]
    failed: str = ""
    hypothesis: sp.Basic | None = None

    @property
    def where(self) -> str:
        first, last = self.steps[0], self.steps[-1]
        return f"step {first}" if first == last else f"steps {first}-{last}"


@dataclass(frozen=True)
class Conclusion:
    """Whether the statement is proved, why not (one line), and by which steps."""

    proved: bool
    reason: str
    steps: str = ""


@dataclass(frozen=True)
class ProofReport:
    steps: tuple[StepCheck, ...]
    statement: str | None
    conclusion: Conclusion

    @property
    def all_proved(self) -> bool:
        return all(c.verdict.proved for c in self.steps)

    @property
    def ok(self) -> bool:
        """Every step proved, and the statement with them (a proof without a statement concludes nothing)."""
        return self.all_proved and (self.statement is None or self.conclusion.proved)


def check_proof_text(text: str, source: str = "proof", timeout: float | None = None) -> ProofReport:
    """Check a proof file's text: every step (each in at most ``timeout`` seconds, default
    :data:`derive.verify.limits.DEFAULT_SECONDS`), then its statement; raises :class:`ProofFileError` when malformed."""
    document = read_document(text, source)
    proof = _read(document, source)
    checks, facts = _check_steps(proof, seconds_of(timeout))
    if proof.statement is None:
        conclusion = Conclusion(False, "no statement: steps checked, nothing concluded")
    else:
        conclusion = _guarded_conclusion(lambda: conclude(proof.statement, facts, proof.domain))
    return ProofReport(tuple(checks), document.statement, conclusion)


def _guarded_conclusion(decide: Callable[[], Conclusion]) -> Conclusion:
    """``decide()``; a failure while comparing the statement with the facts leaves it not proved (one line)."""
    try:
        return decide()
    except RecursionError:
        return Conclusion(False, "the statement could not be compared with the facts: nested too deeply")
    except Exception as exc:  # never a traceback, never proved
        return Conclusion(False, f"the statement could not be compared with the facts: {type(exc).__name__}: "
                                 f"{_one_line(exc)}")


# -- reading: every field parsed and its shape checked before anything is verified ---------------------------------
@dataclass(frozen=True)
class _Step:
    """A step's LaTeX, parsed: the raw entry keeps the text (continuity is checked on the text)."""

    entry: StepEntry
    subject: sp.Basic | None
    before: sp.Basic
    after: sp.Basic


@dataclass(frozen=True)
class _Proof:
    domain: Domain
    statement: sp.Basic | None
    steps: tuple[_Step, ...]


def _read(document: ProofDocument, source: str) -> _Proof:
    assumptions = _assumptions(document.assumptions, source)
    symbols = tuple(a.symbol for a in assumptions)
    parameters = {tex for e in document.distributions for tex in e.parameters}
    for a in assumptions:
        if sp.latex(a.symbol) in parameters:
            raise ProofFileError(f"{source}: assumptions: {sp.latex(a.symbol)} is a distribution's parameter; "
                                 "its domain is its family's")
    dists = tuple(_distribution(d, f"{source}: distributions[{k}]", symbols)
                  for k, d in enumerate(document.distributions))
    domain = domain_of(assumptions, dists, f"{source}: assumptions")
    read = _reader(dists, document.units, symbols)
    statement = None
    if document.statement is not None:
        statement = read(document.statement, f"{source}: statement")
        if not all(establish.is_relation(p) and _sides_are_expressions(p) for p in establish.parts(statement)):
            raise ProofFileError(f"{source}: statement: expected an equation, an inequality (\\leq, \\geq, <, >) "
                                 "or a system of them")
    steps = tuple(_step(entry, read, source) for entry in document.steps)
    return _Proof(domain, statement, steps)


def _step(entry: StepEntry, read: Callable[[str, str], sp.Basic], source: str) -> _Step:
    where = f"{source}: {entry.where}"
    subject = read(entry.subject, f"{where}.subject") if entry.subject is not None else None
    before, after = read(entry.before, f"{where}.before"), read(entry.after, f"{where}.after")
    kinds = {_kind(before), _kind(after)}
    if None in kinds:
        field = "before" if _kind(before) is None else "after"
        raise ProofFileError(f"{where}.{field}: expected an expression, an equation, an inequality or a cases system")
    if subject is not None and _kind(subject) != "expression":
        raise ProofFileError(f"{where}.subject: expected an expression, not a relation")
    if kinds == {"expression", "statement"}:
        raise ProofFileError(f"{where}: before and after must both be expressions or both be relations")
    if subject is not None and kinds != {"expression"}:
        raise ProofFileError(f"{where}: a chain with a subject relates expressions, not relations")
    if kinds == {"expression"} and entry.relation not in _ORDERS:
        raise ProofFileError(f"{where}.relation: {entry.relation} relates equations, not expressions")
    if kinds == {"statement"} and entry.relation not in _BETWEEN_STATEMENTS:
        raise ProofFileError(f"{where}.relation: between relations only =, iff and implies are understood")
    if entry.supposed and (subject is not None or equations_of(before) is None):
        raise ProofFileError(f"{where}.supposed: only an equation or a system of them can be supposed, "
                             "in a chain without a subject")
    return _Step(entry, subject, before, after)


def _kind(e: sp.Basic) -> str | None:
    """``expression``, ``statement`` (an equation, a bound, a system), or ``None`` for anything else."""
    if isinstance(e, sp.Expr):
        return "expression"
    if isinstance(e, System) or (establish.is_relation(e) and _sides_are_expressions(e)):
        return "statement"
    return None


def _sides_are_expressions(relation: sp.Basic) -> bool:
    return all(isinstance(side, sp.Expr) for side in relation.args)


def _reader(dists: tuple[Distribution, ...], units: str,
            symbols: tuple[sp.Symbol, ...]) -> Callable[[str, str], sp.Basic]:
    """``read(tex, where)``: a LaTeX field parsed with the file's distributions, units and symbols."""
    def read(tex: str, where: str) -> sp.Basic:
        return _parsed(lambda: _parse_latex(tex, dists, units, symbols), where)
    return read


def _parse_latex(tex: str, dists: Sequence[Distribution], units: str, symbols: Sequence[sp.Symbol]) -> sp.Basic:
    from derive.parse import parse_latex

    return parse_latex(tex, dists, units, symbols)


def _parsed(parse: Callable[[], sp.Basic], where: str) -> sp.Basic:
    """``parse()``, any failure of it a one-line :class:`ProofFileError` naming ``where``."""
    try:
        return parse()
    except ProofFileError:
        raise
    except DeriveError as exc:
        raise ProofFileError(f"{where}: {_one_line(exc)}") from None
    except RecursionError:
        raise ProofFileError(f"{where}: nested too deeply to read") from None
    except Exception as exc:  # the parser's or SymPy's own failure on hostile text: the field cannot be read
        raise ProofFileError(f"{where}: cannot read it ({type(exc).__name__}: {_one_line(exc)})") from None


def _assumptions(entries: tuple[str, ...], source: str) -> list:
    """The file's ``assumptions``, each read by the small pattern reader (never the full parser)."""
    from derive.parse.calculus import read_assumption

    out = [_parsed(lambda tex=tex: read_assumption(tex), f"{source}: assumptions[{k}]")
           for k, tex in enumerate(entries)]
    names = [a.symbol.name for a in out]
    if len(set(names)) != len(names):
        raise ProofFileError(f"{source}: assumptions: a symbol is assumed twice")
    return out


def domain_of(assumptions: Sequence, dists: Sequence[Distribution], where: str = "assumptions") -> Domain:
    """The distributions' domains and the assumptions': an interval as given (open, closed or half-open), and
    ``1 <= j <= n`` with ``n`` a distribution's size."""
    intervals, constraints = [], []
    sizes = {s.name: s for d in dists for s in _symbols_of(d)}
    for a in assumptions:
        if a.interval is not None:
            intervals.append((a.symbol, a.interval))
        elif a.size in sizes:
            constraints.append(Member(a.symbol, sizes[a.size], a.every))
        else:
            raise ProofFileError(f"{where}: {a.size} in 1 <= {a.symbol} <= {a.size} is not the size of a distribution")
    try:
        return Domain().merge(*(d.domain for d in dists), Domain(tuple(intervals), tuple(constraints)))
    except DeriveError as exc:
        raise ProofFileError(f"{where}: {_one_line(exc)}") from None


def _symbols_of(dist: Distribution) -> list[sp.Symbol]:
    try:
        return [s for s in dist.params if isinstance(s, sp.Symbol)]
    except NotImplementedError:
        return []


def _distribution(entry: DistributionEntry, where: str, symbols: tuple[sp.Symbol, ...] = ()) -> Distribution:
    from derive.parse import parse_latex
    from derive.render.printer import to_latex

    cls = _parsed(lambda: family(entry.family), f"{where}.family")
    params = []
    for k, tex in enumerate(entry.parameters):
        value = _parsed(lambda: parse_latex(tex, symbols=symbols), f"{where}.parameters[{k}]")  # \sigma(z): z assumed
        if not isinstance(value, sp.Expr):
            raise ProofFileError(f"{where}.parameters[{k}]: expected a parameter, got {tex[:40]!r}")
        params.append(value)
    try:
        dist = cls.from_parameters(params, entry.name, entry.outcomes)
        expected = [to_latex(c) for c in dist.domain.conditions()]
    except (DeriveError, TypeError, ValueError) as exc:
        raise ProofFileError(f"{where}: {_one_line(exc)}") from None
    if list(entry.domain) != expected:
        shown = f"{list(entry.domain)}"[:200]
        raise ProofFileError(f"{where}.domain: {shown} is not the {dist.family} family's domain {expected}")
    return dist


# -- checking: each step, chain by chain ------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Chain:
    """A chain so far: its first step, its steps' numbers, the relation of the last ``after`` to its origin."""

    first: _Step
    numbers: tuple[int, ...]
    relation: str
    last: _Step
    failed: str = ""  # the first step that is not proved, as a phrase

    @property
    def key(self) -> tuple:
        return (self.first.entry.section, self.first.entry.subject)

    @property
    def supposed(self) -> bool:
        return self.first.entry.supposed

    @property
    def subject(self) -> sp.Basic | None:
        return self.first.subject

    def continued(self, step: _Step, number: int, relation: str, verdict: Verdict) -> "_Chain":
        failed = self.failed or ("" if verdict.proved else f"step {number} is {verdict.status.value}")
        return _Chain(self.first, self.numbers + (number,), relation, step, failed)

    def fact(self) -> Fact:
        first, last = self.first, self.last
        if self.subject is not None:
            claim = relate(self.subject, last.after, self.relation)
            shown = f"{first.entry.subject} {self.relation} {last.entry.after}"
        elif _kind(last.after) == "statement":
            claim, shown = last.after, last.entry.after
        else:
            claim = relate(first.before, last.after, self.relation)
            shown = f"{first.entry.before} {self.relation} {last.entry.after}"
        return Fact(claim, shown, self.numbers, self.failed, first.before if self.supposed else None)


def _check_steps(proof: _Proof, seconds: float) -> tuple[list[StepCheck], list[Fact]]:
    checks: list[StepCheck] = []
    chains: list[_Chain] = []
    for k, step in enumerate(proof.steps):
        number, entry = k + 1, step.entry
        chain = chains[-1] if chains else None
        continues = chain is not None and not entry.supposed and (entry.section, entry.subject) == chain.key
        if not continues:
            chain = None
        try:
            so_far = combine(chain.relation, entry.relation) if chain is not None else entry.relation
        except DeriveError as exc:
            verdict, so_far = Verdict(Status.REFUTED, _one_line(exc)), chain.relation
        else:
            verdict = _guarded(lambda: _judge(step, chain, so_far, proof.domain), seconds)
        if verdict.proved and chain is not None and entry.before != chain.last.entry.after:
            verdict = Verdict(Status.REFUTED, "this step does not start where the previous step ended")
        checks.append(StepCheck(number, entry.rule, verdict))
        if chain is None:
            failed = "" if verdict.proved else f"step {number} is {verdict.status.value}"
            chains.append(_Chain(step, (number,), so_far, step, failed))
        else:
            chains[-1] = chain.continued(step, number, so_far, verdict)
    return checks, [c.fact() for c in chains]


def _judge(step: _Step, chain: _Chain | None, so_far: str, domain: Domain) -> Verdict:
    """One step: its own rewrite, what it displays, and, after a failed step of its chain, its display directly."""
    entry = step.entry
    starts = chain is None
    verdict = _check(step, so_far, starts, entry.supposed if starts else chain.supposed, domain)
    if verdict.proved and starts and not entry.supposed and step.subject is None and _kind(step.before) == "statement":
        shown = _holds(step.before, domain)
        if not shown.proved:
            return _because(shown, "the chain starts from a relation that does not hold (is it supposed?)")
    if verdict.proved and chain is not None and chain.failed:
        origin = _from_origin(step, chain, so_far, domain)
        if not origin.proved:
            return _because(origin, f"judged on its own, since {chain.failed}")
    return verdict


def _check(step: _Step, so_far: str, starts: bool, supposed: bool, domain: Domain) -> Verdict:
    """``before R after``; while the chain is all equalities, also the displayed ``subject = after``.

    A chain that starts with a bound away from its subject must start from
    something equal to it.  In a supposed chain, each relation follows from
    the one before (``=`` reads as ``implies``); elsewhere, ``=`` between
    relations says that ``after`` holds on its own.
    """

    entry, before, after, subject = step.entry, step.before, step.after, step.subject
    relation = entry.relation
    if _kind(after) == "statement":
        if relation in ("iff", "implies") or supposed:
            return check_relation(before, after, "implies" if relation == "=" else relation, domain)
        return _holds(after, domain)
    if relation != "=":
        verdict = check_relation(before, after, relation, domain)
        if verdict.proved and starts and subject is not None and entry.before != entry.subject:
            shown = check_equal(subject, before, domain)
            if not shown.proved:
                return _because(shown, "the chain does not start from its subject")
        return verdict
    verdict = check_equal(before, after, domain)
    if verdict.proved and subject is not None and so_far == "=":
        shown = check_equal(subject, after, domain)
        if not shown.proved:
            return _because(shown, "the displayed equation does not hold")
    return verdict


def _from_origin(step: _Step, chain: _Chain, so_far: str, domain: Domain) -> Verdict:
    """What a step displays, checked from its chain's origin rather than from the previous (failed) step."""

    if chain.supposed:
        return check_relation(chain.first.before, step.after, "iff" if so_far == "iff" else "implies", domain)
    if _kind(step.after) == "statement":
        return _holds(step.after, domain)
    origin = chain.subject if chain.subject is not None else chain.first.before
    if so_far == "=":
        return check_equal(origin, step.after, domain)
    return check_relation(origin, step.after, so_far, domain)


def _holds(statement: sp.Basic, domain: Domain) -> Verdict:
    """An equation, a system of them or a bound holds everywhere on ``domain``."""

    equations = equations_of(statement)
    if equations is not None:
        verdict = Verdict(Status.PROVED)
        for equation in equations:
            verdict = check_equal(equation.lhs, equation.rhs, domain)
            if not verdict.proved:
                return verdict
        return verdict
    relation = relation_of(statement)
    if relation in ("<=", ">=", "<", ">"):
        return check_relation(statement.lhs, statement.rhs, relation, domain)
    return Verdict(Status.UNKNOWN, f"cannot check {sp.sstr(statement)[:80]}")


def _guarded(check: Callable[[], Verdict], seconds: float) -> Verdict:
    """``check()`` in at most ``seconds``; running out of time, or a failure of the verifier itself, is an unknown
    step (one line), never a proved one."""
    try:
        with time_limit(seconds):
            verdict = check()
    except OutOfTime as exc:
        settle(exc)
        return Verdict(Status.UNKNOWN, f"gave up after {seconds:g} s (the time limit, --timeout)")
    except RecursionError:
        return Verdict(Status.UNKNOWN, "the verifier failed: the expression is nested too deeply")
    except MemoryError:
        return Verdict(Status.UNKNOWN, "the verifier failed: out of memory")
    except Exception as exc:  # the verifier's own error on this step: say so, and do not prove it
        return Verdict(Status.UNKNOWN, f"the verifier failed: {type(exc).__name__}: {_one_line(exc)}")
    if not isinstance(verdict, Verdict):
        return Verdict(Status.UNKNOWN, "the verifier gave no verdict")
    return verdict


def _because(verdict: Verdict, why: str) -> Verdict:
    return Verdict(verdict.status, f"{why}: {verdict.reason}", verdict.counterexample)


# -- the statement ----------------------------------------------------------------------------------------------------
def conclude(statement: sp.Basic, facts: Sequence[Fact], domain: Domain | None = None) -> Conclusion:
    """Is each part of ``statement`` formally one of the facts of the chains whose steps are all proved, and (with a
    domain) defined everywhere on it as written (``0 \\cdot \\log(p - q)`` has no value where ``p = q``)?"""
    used: list[str] = []
    for part in establish.parts(statement):
        if domain is not None and not all(defined(side, domain) for side in (part.lhs, part.rhs)):
            return Conclusion(False, f"{_show(part)} is not proved defined everywhere on the domain "
                                     "(a division by zero, a logarithm of 0?)")
        support = next((f for f in facts if not f.failed and f.hypothesis is None and _gives(f, part)), None)
        if support is None:
            return Conclusion(False, _why_not(part, facts))
        used.append(support.where)
    return Conclusion(True, "", ", ".join(dict.fromkeys(used)))


def _gives(fact: Fact, part: sp.Basic) -> bool:
    return any(establish.follows(part, p) for p in establish.parts(fact.claim) if establish.is_relation(p))


def _why_not(part: sp.Basic, facts: Sequence[Fact]) -> str:
    """Why no fact gives ``part``, the most telling reason first."""
    shown = _show(part)
    try:
        if establish.claim(part).trivial:
            return f"{shown} is trivially true (its sides are the same once expanded); it says nothing the chains show"
    except establish.NotFormal as exc:
        return f"{shown} cannot be compared with what the chains show ({exc})"
    for fact in facts:
        if fact.hypothesis is None and fact.failed and _gives(fact, part):
            return f"{shown} rests on {fact.where}, and {fact.failed}"
    for fact in facts:
        if fact.hypothesis is not None and _gives(fact, part):
            return f"{shown} is shown only under the hypothesis supposed in {fact.where}, not unconditionally"
    for fact in facts:
        if fact.hypothesis is None and _related(fact, part):
            verb = "shows" if len(fact.steps) == 1 else "show"
            return f"{fact.where} {verb} only {fact.shown}, which does not give {shown}"
    return f"no chain shows {shown}: the statement must be, side for side, a multiple of what a chain shows"


def _related(fact: Fact, part: sp.Basic) -> bool:
    """Some part of ``fact`` is a multiple of ``part`` whatever the relations (a weaker or reversed fact)."""
    try:
        target = establish.claim(part)
        return any(establish.ratio(establish.claim(p), target) is not None
                   for p in establish.parts(fact.claim) if establish.is_relation(p))
    except establish.NotFormal:
        return False


def _show(expr: sp.Basic) -> str:
    from derive.render.printer import to_latex

    try:
        text = to_latex(expr)
    except Exception:  # a message must never fail
        text = sp.sstr(expr)
    return text if len(text) <= 120 else text[:117] + "..."


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300] or type(exc).__name__
