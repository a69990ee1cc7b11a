"""Checking a proof file's steps, chain by chain: each step's verdict, and the fact each chain shows.

Each step is checked by the verifier: the rewrite ``before R after`` for the
step's ``relation`` (``=`` when the file does not say; bounds and
``iff``/``implies`` by :func:`derive.verify.check_relation`), the displayed
equation ``subject = after`` while the chain is a chain of equalities, and
that each step starts where the previous one ended.  A verifier failure on a
step makes that step unknown, never proved.  Once a step of a chain is not
proved, each later step of that chain is judged in its own right: besides its
rewrite, what it displays (``subject R after``; for a supposed chain, that the
hypothesis implies ``after``) is checked directly, never through the failed step.

A chain is a run of steps with the same ``section`` and ``subject``; a step
marked ``"supposed"`` starts one from a hypothesis (its ``before``, an equation
or a system, is assumed).  A chain whose steps are all proved shows a fact:
``subject R last_after`` (``R`` the steps' relations combined,
:func:`derive.core.combine`); without a subject, the last ``after`` when the
chain relates equations or inequalities (its first ``before`` must then hold
too), else ``first_before R last_after``.  A supposed chain shows only
``hypothesis => last_after``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp

from derive.check.proof_reading import ParsedProof, ParsedStep, kind_of, one_line
from derive.core import Status, Verdict, combine, relate, relation_of
from derive.core.domain import Domain
from derive.core.system import equations_of
from derive.errors import DeriveError
from derive.verify import check_equal, check_relation
from derive.verify.limits import OutOfTime, settle, time_limit

__all__ = ["Fact", "StepCheck", "check_steps"]


@dataclass(frozen=True)
class StepCheck:
    """A step's number, its rule as the file names it, and its verdict."""

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
        """``step 3`` or ``steps 3-7``: the chain's steps, for messages."""
        first, last = self.steps[0], self.steps[-1]
        return f"step {first}" if first == last else f"steps {first}-{last}"


@dataclass(frozen=True)
class _Chain:
    """A chain so far: its first step, its steps' numbers, the relation of the last ``after`` to its origin."""

    first: ParsedStep
    numbers: tuple[int, ...]
    relation: str
    last: ParsedStep
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

    def continued(self, step: ParsedStep, number: int, relation: str, verdict: Verdict) -> "_Chain":
        failed = self.failed or ("" if verdict.proved else f"step {number} is {verdict.status.value}")
        return _Chain(self.first, self.numbers + (number,), relation, step, failed)

    def fact(self) -> Fact:
        first, last = self.first, self.last
        if self.subject is not None:
            claim = relate(self.subject, last.after, self.relation)
            shown = f"{first.entry.subject} {self.relation} {last.entry.after}"
        elif kind_of(last.after) == "statement":
            claim, shown = last.after, last.entry.after
        else:
            claim = relate(first.before, last.after, self.relation)
            shown = f"{first.entry.before} {self.relation} {last.entry.after}"
        return Fact(claim, shown, self.numbers, self.failed, first.before if self.supposed else None)


def check_steps(proof: ParsedProof, seconds: float) -> tuple[list[StepCheck], list[Fact]]:
    """Each step's check (each in at most ``seconds``), and the fact each chain shows."""
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
            verdict, so_far = Verdict(Status.REFUTED, one_line(exc)), chain.relation
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


def _judge(step: ParsedStep, chain: _Chain | None, so_far: str, domain: Domain) -> Verdict:
    """One step: its own rewrite, what it displays, and, after a failed step of its chain, its display directly."""
    entry = step.entry
    starts = chain is None
    verdict = _check(step, so_far, starts, entry.supposed if starts else chain.supposed, domain)
    if verdict.proved and starts and not entry.supposed and step.subject is None and \
            kind_of(step.before) == "statement":
        shown = _holds(step.before, domain)
        if not shown.proved:
            return _because(shown, "the chain starts from a relation that does not hold (is it supposed?)")
    if verdict.proved and chain is not None and chain.failed:
        origin = _from_origin(step, chain, so_far, domain)
        if not origin.proved:
            return _because(origin, f"judged on its own, since {chain.failed}")
    return verdict


def _check(step: ParsedStep, so_far: str, starts: bool, supposed: bool, domain: Domain) -> Verdict:
    """``before R after``; while the chain is all equalities, also the displayed ``subject = after``.

    A chain that starts with a bound away from its subject must start from
    something equal to it.  In a supposed chain, each relation follows from
    the one before (``=`` reads as ``implies``); elsewhere, ``=`` between
    relations says that ``after`` holds on its own.
    """

    entry, before, after, subject = step.entry, step.before, step.after, step.subject
    relation = entry.relation
    if kind_of(after) == "statement":
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


def _from_origin(step: ParsedStep, chain: _Chain, so_far: str, domain: Domain) -> Verdict:
    """What a step displays, checked from its chain's origin rather than from the previous (failed) step."""

    if chain.supposed:
        return check_relation(chain.first.before, step.after, "iff" if so_far == "iff" else "implies", domain)
    if kind_of(step.after) == "statement":
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
        return Verdict(Status.UNKNOWN, f"the verifier failed: {type(exc).__name__}: {one_line(exc)}")
    if not isinstance(verdict, Verdict):
        return Verdict(Status.UNKNOWN, "the verifier gave no verdict")
    return verdict


def _because(verdict: Verdict, why: str) -> Verdict:
    return Verdict(verdict.status, f"{why}: {verdict.reason}", verdict.counterexample)
