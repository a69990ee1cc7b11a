"""The core types: steps, chains, sections and derivations (rules and their outcomes: :mod:`derive.core.rule`).

Everything here is an immutable value.  A rule is data plus a pure function; a
derivation is the record of rules applied one at a time; verification is done
elsewhere (:mod:`derive.verify`) and trusts none of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Protocol

import sympy as sp

from derive import hooks
from derive.core.domain import Domain
from derive.core.prose import Text
from derive.core.rule import RELATIONS, Refusal, Rewrite, Rule, Scope  # Refusal, Rewrite: re-exported with Rule
from derive.core.strategies import TRAVERSALS, apply_rule
from derive.errors import DeriveError, RuleError


class Distribution(Protocol):
    """What a derivation needs of a distribution (:class:`derive.distributions.base.Distribution` has it)."""

    @property
    def variable(self) -> sp.Symbol: ...

    @property
    def domain(self) -> Domain: ...

_RELATIONALS = {"=": sp.Eq, "<=": sp.Le, ">=": sp.Ge, "<": sp.Lt, ">": sp.Gt}


def relate(lhs: sp.Basic, rhs: sp.Basic, relation: str) -> sp.Basic:
    """``lhs R rhs`` as an unevaluated SymPy relation (for ``=``, ``<=``, ``>=``, ``<``, ``>``)."""
    if relation not in _RELATIONALS:
        raise DeriveError(f"{relation!r} relates equations, not expressions")
    return _RELATIONALS[relation](lhs, rhs, evaluate=False)


def relation_of(claim: sp.Basic) -> str | None:
    """The relation a SymPy relational states (``Ge`` gives ``>=``), or ``None``."""
    return next((r for r, cls in _RELATIONALS.items() if type(claim) is cls), None)


def combine(first: str, second: str) -> str:
    """The relation of ``a R1 b R2 c`` between ``a`` and ``c`` (``a <= b = c`` gives ``<=``)."""
    if first == "=" or first == second:
        return second
    if second == "=":
        return first
    for weak, strict in (("<=", "<"), (">=", ">"), ("implies", "iff")):
        if {first, second} == {weak, strict}:
            return weak if weak == "implies" else strict
    raise DeriveError(f"a chain cannot continue a {first!r} step with a {second!r} step")


@dataclass(frozen=True)
class Step:
    """One application of one rule: ``before`` rewritten to ``after``, related by ``relation``.

    ``relation`` is ``=`` for a rewrite that keeps the value, ``<=`` when
    ``before <= after`` (and so on), ``iff``/``implies`` between equations.
    """

    rule: str
    before: sp.Basic
    after: sp.Basic
    note: Text = ""
    conditions: tuple[sp.Basic, ...] = ()
    relation: str = "="

    def __str__(self) -> str:
        """``before = after  [rule]``, in SymPy's plain text."""
        return f"{sp.sstr(self.before)} {self.relation} {sp.sstr(self.after)}  [{self.rule}]"

    def __repr__(self) -> str:
        return f"<Step {self.rule}: {sp.sstr(self.before)} {self.relation} {sp.sstr(self.after)}>"


@dataclass(frozen=True)
class Chain:
    """A chain of equalities ``subject = after_1 = after_2 = ...``.

    ``start`` is where the first step begins when that is not ``subject``
    itself (a chain that continues an earlier result); ``subject`` is ``None``
    for a chain of equations, each shown on its own.  A ``hypothesis`` chain
    starts from an equation supposed, not derived (``the gradient is 0``):
    its start is shown and not checked, and its steps say what follows.
    """

    subject: sp.Basic | None
    start: sp.Basic | None = None
    steps: tuple[Step, ...] = ()
    intro: Text = ""
    domain: Domain = field(default_factory=Domain, compare=False, repr=False)
    hypothesis: bool = False

    @property
    def origin(self) -> sp.Basic:
        return self.subject if self.start is None else self.start

    @property
    def current(self) -> sp.Basic:
        return self.steps[-1].after if self.steps else self.origin

    @property
    def relation(self) -> str:
        """How the chain's last expression relates to its subject (``=``, ``>=``, ...)."""
        return self.relation_at(len(self.steps))

    def relation_at(self, k: int) -> str:
        """The relation between the subject and the result of the first ``k`` steps."""
        out = "="
        for step in self.steps[:k]:
            out = combine(out, step.relation)
        return out

    def then(self, rule: Rule, note: Text = "", at: Scope | None = None, relation: str | None = None) -> "Chain":
        """Apply ``rule`` (everywhere it matches, or at the root) and record the step.

        ``relation`` says how the result relates to the expression rewritten; it
        defaults to the rule's own, and must be given for a bound (a rule whose
        relation is not ``=``), whose direction depends on where it is used.
        The verifier checks the claimed relation, not the rule.  Raises
        :class:`RuleError` when the rule matches nowhere or refuses.
        """
        if relation is None and rule.relation in ("<=", "<", ">=", ">"):
            raise RuleError(f"rule {rule.name} is a bound: say which way it points here (relation='<=' or '>=')")
        relation = relation or rule.relation
        if relation not in RELATIONS:
            raise RuleError(f"relation {relation!r} is not one of {', '.join(RELATIONS)}")
        before = self.current
        rewrite = apply_rule(rule, before, self.domain, at or rule.scope)
        step = Step(rule.name, before, rewrite.expr, note or rule.prose, rewrite.conditions, relation)
        chain = replace(self, steps=self.steps + (step,))
        chain.relation  # a chain mixing <= and >= is an error now, not when it is printed
        return chain

    def maybe(self, rule: Rule, note: Text = "", relation: str | None = None) -> "Chain":
        """The chain with ``rule`` applied where it matches (as :meth:`then`), unchanged where it matches nowhere."""
        if TRAVERSALS[rule.scope](rule, self.current, self.domain) is None:
            return self
        return self.then(rule, note, relation=relation)


@dataclass(frozen=True)
class Section:
    """A titled part of a derivation: prose and chains of equalities."""

    title: Text
    chains: tuple[Chain, ...]
    intro: Text = ""
    outro: Text = ""


class Status(Enum):
    PROVED = "proved"
    REFUTED = "refuted"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Verdict:
    """The checker's answer for one step; a counterexample accompanies REFUTED."""

    status: Status
    reason: str = ""
    counterexample: tuple[tuple[sp.Symbol, sp.Basic], ...] = ()

    @property
    def proved(self) -> bool:
        return self.status is Status.PROVED


@dataclass(frozen=True)
class Report:
    """Verdicts for every step of a derivation, in order."""

    results: tuple[tuple[Step, Verdict], ...]

    @property
    def ok(self) -> bool:
        return bool(self.results) and all(v.proved for _, v in self.results)

    def count(self, status: Status) -> int:
        return sum(v.status is status for _, v in self.results)

    def summary(self) -> str:
        return ", ".join(f"{self.count(s)} {s.value}" for s in Status)

    def __str__(self) -> str:
        """One line per step (``3. substitute: proved``, with the reason when not proved), then the summary."""
        lines = [f"{k}. {step.rule}: {v.status.value}" + ("" if v.proved or not v.reason else f" ({v.reason})")
                 for k, (step, v) in enumerate(self.results, 1)]
        return "\n".join([*lines, self.summary()])

    def __repr__(self) -> str:
        return f"<Report: {self.summary()}>"

    def _repr_markdown_(self) -> str:
        """Jupyter: the verification table."""
        return hooks.call(hooks.report, "report", self)


@dataclass(frozen=True)
class Derivation:
    """A titled sequence of sections whose chains establish ``statement``."""

    title: str
    sections: tuple[Section, ...]
    distributions: tuple[Distribution, ...]
    statement: sp.Basic | None = None
    intro: Text = ""
    slug: str = "derivation"
    units: str = "nats"

    @property
    def domain(self) -> Domain:
        """The distributions' parameter domains, and what the chains add (a logit ``z``, an index ``j``).

        A distribution's own variable (the ``x`` of a density) is bound by its
        sums and integrals: a chain may place it for its rules, the verifier never does.
        """
        bound = {d.variable for d in self.distributions}
        extra = [Domain(tuple((s, i) for s, i in c.domain.intervals if s not in bound), c.domain.constraints)
                 for c in self.chains]
        return Domain().merge(*(d.domain for d in self.distributions), *extra)

    @property
    def assumptions(self) -> tuple[sp.Basic, ...]:
        """The conditions of :attr:`domain` beyond the distributions' own (for display and proof files)."""
        own = Domain().merge(*(d.domain for d in self.distributions))
        extra = self.domain
        out: list[sp.Basic] = []
        for symbol, interval in extra.intervals:
            if symbol in own.symbol_set:
                continue
            if interval == sp.Interval.open(-sp.oo, sp.oo):
                out.append(sp.Contains(symbol, sp.Reals, evaluate=False))
            elif interval.end == sp.oo:
                above = sp.StrictGreaterThan if interval.left_open else sp.GreaterThan
                out.append(above(symbol, interval.start, evaluate=False))
            else:
                out.append(interval.as_relational(symbol))
        out.extend(r for c in extra.constraints if c not in own.constraints for r in c.conditions())
        return tuple(out)

    @property
    def chains(self) -> tuple[Chain, ...]:
        return tuple(c for s in self.sections for c in s.chains)

    @property
    def steps(self) -> tuple[Step, ...]:
        return tuple(step for c in self.chains for step in c.steps)

    @property
    def result(self) -> sp.Basic:
        """The last chain's conclusion, as an equation (or inequality)."""
        last = self.chains[-1]
        return last.current if last.subject is None else relate(last.subject, last.current, last.relation)

    def __str__(self) -> str:
        """The title, then each section's chains as ``subject = step  [rule]`` lines, in SymPy's plain text."""
        lines = [self.title]
        for section in self.sections:
            lines += ["", str(section.title)]
            for chain in section.chains:
                origin = chain.origin if chain.subject is None or chain.start is None else chain.subject
                lines.append(f"  {sp.sstr(origin)}" + ("  [supposed]" if chain.hypothesis else ""))
                lines += [f"    {step.relation} {sp.sstr(step.after)}  [{step.rule}]" for step in chain.steps]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"<Derivation {self.title!r}: {len(self.sections)} sections, {len(self.steps)} steps>"

    def verify(self) -> Report:
        """Check every step (:func:`derive.verify.verify_derivation`)."""
        return hooks.call(hooks.verify, "verify", self)

    def _repr_markdown_(self) -> str:
        """Jupyter: the derivation as Markdown, without front matter."""
        return hooks.call(hooks.markdown, "markdown", self)

    def _repr_latex_(self) -> str:
        """Jupyter: every chain as one ``aligned`` display."""
        return hooks.call(hooks.latex, "latex", self)
