"""Bounds (``0 < p < 1``): assumptions the prose makes hypotheses, and bounds that are claims, checked by
inclusion of intervals or by the verifier."""

from __future__ import annotations

from collections.abc import Sequence

import sympy as sp

from derive.check.assume import Bound, Contradiction, bounds_of, parameters_written, parse_assumption_item, restrict
from derive.check.statements import Statement
from derive.check.errors import CheckError
from derive.check.prose import is_local
from derive.check.report import ASSUMPTION, CLAIM, NOT_PARSED, PROVED, REFUTED, SKIPPED, UNKNOWN, Entry, point
from derive.check.shared import Failed, relation_reason
from derive.errors import DeriveError
from derive.verify.limits import OutOfTime, settle, time_limit


def _inclusion(symbol: sp.Symbol, interval: sp.Interval, bound: Bound,
               where: str) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """``bound`` for ``symbol`` ranging over ``interval``, decided exactly: proved when the interval lies in the
    bound's, else refuted at a point of the interval outside it (a closed end when there is one)."""
    outside = sp.Complement(interval, bound.interval)
    if outside is sp.S.EmptySet:
        return PROVED, "", ()
    return REFUTED, where, ((str(symbol), str(_witness(outside))),)


def _witness(found: sp.Set) -> sp.Expr:
    """One number of a non-empty set of reals: an end it includes, a midpoint, or a point past its finite end."""
    if isinstance(found, sp.Union):
        found = found.args[0]
    if isinstance(found, sp.FiniteSet):
        return min(found)
    low, high = found.start, found.end
    if low.is_finite and not found.left_open:
        return low
    if high.is_finite and not found.right_open:
        return high
    if low.is_finite and high.is_finite:
        return (low + high) / 2
    if low.is_finite:
        return low + 1
    return high - 1 if high.is_finite else sp.Integer(0)


def written_statement(statement: Statement) -> str:
    parts = [statement.pieces[0].tex]
    for relation, piece in zip(statement.relations, statement.pieces[1:]):
        parts += [relation, piece.tex]
    return " ".join(parts)


class Bounds:
    """Assumptions and bounds claimed, mixed into :class:`~derive.check.checker.Checker`."""

    # -- assumptions, bounds claimed, and reported problems -------------------------------------
    def _assume(self, origin: str, statement: Statement) -> Entry:
        """A bound the prose makes a hypothesis: applied from here on (a condition: to the end of its sentence),
        reported as an assumption (a contradiction is a :class:`CheckError`); or a problem, reported."""
        pieces = statement.pieces
        if statement.problem:
            return Entry(origin, statement.line, CLAIM, NOT_PARSED, pieces[0].tex, "", statement.problem)
        written = written_statement(statement)
        rank, word = pieces[0].rank, statement.supposed
        if word == "or":
            return Entry(origin, statement.line, CLAIM, SKIPPED, written, "",
                         "one of alternatives joined by \"or\": neither assumed nor checked",
                         relation=statement.relations[0])
        self._at(rank)
        try:
            bounds = bounds_of(statement, written)
        except Contradiction as exc:
            raise CheckError(f"{origin}:{statement.line}: contradictory assumption: {exc}") from None
        except CheckError:
            member = self._member(statement, rank)
            if member:
                return Entry(origin, statement.line, ASSUMPTION, ASSUMPTION, written, "", member)
            return Entry(origin, statement.line, ASSUMPTION, SKIPPED, written, "",
                         f"{relation_reason(statement.relations[0])} is not used as an assumption")
        try:
            restrict(self.domain, bounds)  # with the conditions in force here: a contradiction is an error
        except Contradiction as exc:
            raise CheckError(f"{origin}:{statement.line}: contradictory assumption: {exc}") from None
        except CheckError as exc:
            if self._holds(bounds):
                return Entry(origin, statement.line, ASSUMPTION, ASSUMPTION, written, "",
                             "already true on the distributions' domain")
            return Entry(origin, statement.line, ASSUMPTION, SKIPPED, written, "", f"{written}: not applied: {exc}")
        standing = word.startswith("for") and self._parameters_defined(rank, statement.sentence, bounds)
        if is_local(word) and not standing:
            self.conditions.append((rank, statement.sentence, bounds))
            reach = "the end of its sentence"
            if (claim := self.back.get(rank)) is not None:  # "A for every x >= 1": from the claim A on, in its sentence
                self.conditions.append((claim - 0.5, self._sentence_of(claim), bounds))
                self._applied(rank)
                reach = "the claim before it and the rest of its sentence"
            return Entry(origin, statement.line, ASSUMPTION, ASSUMPTION, written, "", f"after \"{word}\": to {reach}")
        self.steps.append((rank, restrict(self._global_at(rank), bounds)))
        return Entry(origin, statement.line, ASSUMPTION, ASSUMPTION, written)

    def _parameters_defined(self, rank: int, sentence: int, bounds: Sequence[Bound]) -> bool:
        """Whether ``bounds`` (after "for") bound the parameters of a function defined earlier in their sentence
        (``f(x \\mid \\theta) = ... for x >= 1 and \\theta >= 1``): the family's parameter space, which stands."""
        for source in self.sources:
            for s in source.statements:
                if not s.pieces or s.pieces[0].rank >= rank or s.sentence != sentence or s.relations[:1] != ("=",):
                    continue
                params = parameters_written(s.pieces[0].tex)
                if params and all(b.symbol.name in params for b in bounds):
                    return True
        return False

    def _member(self, statement: Statement, rank: int | None = None) -> str:
        """``1 \\le j \\le n`` with ``n`` the number of outcomes of a declared categorical: ``j`` names one of
        them (an integer, sampled in 1..n, and sums of Kronecker deltas pick its term) from ``rank`` on; ``j \\le
        n`` once that is stated (with no ``rank``: only that).  The reason to report, or empty when the statement
        is not such a bound."""
        from derive.core.constraints import Member, Size
        from derive.core.domain import Domain

        if not set(statement.relations) <= {"<", "<="}:
            return ""
        sides = [p.tex.strip() for p in statement.pieces]
        sizes = {c.n.name: c.n for c in self.domain.constraints if isinstance(c, Size)}
        members = {c.j.name for c in self.domain.constraints if isinstance(c, Member)}
        try:
            symbols = [parse_assumption_item(side) for side in sides]
        except CheckError:
            return ""
        if len(symbols) == 2 and isinstance(symbols[0], sp.Symbol) and symbols[0].name in members and \
                isinstance(symbols[1], sp.Symbol) and symbols[1].name in sizes:
            return f"{sp.latex(symbols[0])} is one of the {symbols[1]} outcomes (stated above)"
        if rank is None or len(symbols) != 3 or symbols[0] != 1 or not isinstance(symbols[1], sp.Symbol) or \
                not isinstance(symbols[2], sp.Symbol) or symbols[2].name not in sizes:
            return ""
        j, n = symbols[1], sizes[symbols[2].name]
        if j.name in members or j.name in {s.name for s in self.domain.symbols} or j in self.symbols:
            return ""
        index = sp.Symbol(j.name, integer=True, positive=True)
        try:
            self.steps.append((rank, self._global_at(rank).merge(Domain((), (Member(index, n),)))))
        except DeriveError:
            return ""
        self.members.append((rank, sp.Symbol(j.name), index))
        return f"{sp.latex(j)} is one of the {n} outcomes"

    def _holds(self, bounds: Sequence[Bound]) -> bool:
        """Every bound is proved on the domain (``p_1 > 0`` for a probability of a categorical)."""
        try:
            with time_limit(self.timeout):
                return all(self._bound_verdict(b)[0] == PROVED for b in bounds)
        except OutOfTime as exc:
            settle(exc)
            return False
        except Exception:  # noqa: BLE001 (an assumption that cannot be shown to hold is skipped)
            return False

    def _bound_claim(self, origin: str, statement: Statement) -> Entry:
        """A bound that no prose makes a hypothesis: checked, each of its parts on the domain known at its
        statement (``0 < a < 1`` about a symbol nothing bounds is unknown, never refuted)."""
        written, line = written_statement(statement), statement.line
        relation = statement.relations[0]
        try:
            bounds = bounds_of(statement, written)
        except Contradiction as exc:  # "0 < x < 0", "2 < 1": false whatever x is
            return Entry(origin, line, CLAIM, REFUTED, written, "", str(exc), relation=relation)
        except CheckError:
            member = self._member(statement)
            if member:
                return Entry(origin, line, CLAIM, PROVED, written, "", member, relation=relation)
            if (related := self._related_sides(statement)) is not None:  # I(X; Y) >= 0: a claim between expressions
                status, reason, counterexample = related
                return Entry(origin, line, CLAIM, status, written, "", reason, counterexample, relation=relation)
            return Entry(origin, line, CLAIM, SKIPPED, written, "", f"{relation_reason(relation)} is not checked",
                         relation=relation)
        self.seen |= {b.symbol.name for b in bounds}
        try:
            with time_limit(self.timeout):
                verdicts = [self._bound_verdict(b) for b in bounds]
        except OutOfTime as exc:
            settle(exc)
            verdicts = [(UNKNOWN, f"gave up after {self.timeout:g} s", ())]
        except Exception as exc:  # noqa: BLE001 (one claim's failure is reported on its line)
            verdicts = [(UNKNOWN, f"the check failed: {type(exc).__name__}", ())]
        for wanted in (REFUTED, UNKNOWN):
            for status, reason, counterexample in verdicts:
                if status == wanted:
                    return Entry(origin, line, CLAIM, status, written, "", reason, counterexample, relation=relation)
        return Entry(origin, line, CLAIM, PROVED, written, "", relation=relation)

    def _related_sides(self, statement: Statement) -> tuple[str, str, tuple[tuple[str, str], ...]] | None:
        """``a R b`` between two expressions that are no bound on a symbol, checked as a claim; ``None`` when a
        side cannot be read (or there are more than two)."""
        if len(statement.pieces) != 2 or len(statement.relations) != 1:
            return None
        left, right = (self._read(piece) for piece in statement.pieces)
        if isinstance(left, Failed) or isinstance(right, Failed):
            return None
        try:
            with time_limit(self.timeout):
                verdict = self._verdict(left, right, statement.relations[0])
        except OutOfTime as exc:
            settle(exc)
            return UNKNOWN, f"gave up after {self.timeout:g} s", ()
        except DeriveError:  # x \in \mathbb{R}^d: no relation between two numbers
            return None
        return verdict.status.value, verdict.reason, point(verdict.counterexample)

    def _bound_verdict(self, bound: Bound) -> tuple[str, str, tuple[tuple[str, str], ...]]:
        """Whether ``bound`` holds on the current domain: (status, reason, counterexample).

        A symbol with an interval (or none: a symbol nothing bounds ranges over
        the reals) is decided exactly, by inclusion of intervals, closed ends
        included; any other (a probability of a categorical, a family's
        variable, a symbol defined as an expression) by
        :func:`derive.verify.check_relation`, one end at a time.
        """
        from derive.core.constraints import Size
        from derive.core.intervals import admit
        from derive.verify import check_relation

        plain = sp.Symbol(bound.symbol.name)
        value = self.symbols.get(plain, plain)
        value, _ = self._unify(value, value)
        domain = self._dom(value)
        intervals = {s.name: (s, i) for s, i in domain.intervals}
        named = {s.name: s for s in domain.symbols if isinstance(s, sp.Symbol)}
        exact = isinstance(value, sp.Symbol) and not value.is_integer
        if exact and value.name not in named:
            try:
                reals = admit(value, sp.Interval(-sp.oo, sp.oo))
            except DeriveError:
                reals = sp.Interval(-sp.oo, sp.oo)
            status, reason, point_ = _inclusion(value, reals, bound, "")
            if status == REFUTED:  # a free symbol: the claim says where the author means it to lie
                return UNKNOWN, (f"nothing bounds {sp.latex(value)}: if this is an assumption, say so "
                                 f"(\"let\", \"where\", \"assume\")"), ()
            return status, reason, point_
        if exact and value.name in intervals and not intervals[value.name][0].is_integer:
            symbol, interval = intervals[value.name]
            stated = Bound(symbol, interval.start, interval.end, not interval.left_open, not interval.right_open)
            return _inclusion(symbol, interval, bound, f"{stated.text()} on the domain")
        target = named.get(value.name, value) if isinstance(value, sp.Symbol) else value
        if target in {c.n for c in domain.constraints if isinstance(c, Size)} and bound.low <= 2 \
                and not (bound.low == 2 and not bound.low_closed) and bound.high.is_infinite:
            return PROVED, "", ()  # n >= 2: a number of outcomes
        for end, relation in ((bound.low, ">=" if bound.low_closed else ">"),
                              (bound.high, "<=" if bound.high_closed else "<")):
            if end.is_finite:
                verdict = check_relation(target, end, relation, domain)
                if not verdict.proved:
                    return verdict.status.value, verdict.reason, point(verdict.counterexample)
        return PROVED, "", ()
