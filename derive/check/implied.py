"""Implications judged: ``before \\iff after`` (``\\implies``, ``\\impliedby``) between equations or systems, under
the text's suppositions and hypotheses, and a conclusion a named law implies."""

from __future__ import annotations

from collections.abc import Sequence

import sympy as sp

from derive.check.chains import Chain, Link
from derive.check.data import on_chosen_data
from derive.check.report import IMPLICATION as IMPLIES, NOT_PARSED, PROVED, REFUTED, UNKNOWN, Entry, point
from derive.check.shared import Failed, link_entry, put_values
from derive.core import Status, Verdict

#: A connective as derive.verify.check_relation takes it: (its name, whether the two sides swap).
_CONNECTIVE = {"⇔": ("iff", False), "⇒": ("implies", False), "⇐": ("implies", True)}


def compose_connectives(relations: Sequence[str]) -> str | None:
    """The connective between the ends of implication links: ``⇔`` if all are, else one direction, or None."""
    found = set(relations) - {"⇔"}
    if not found:
        return "⇔"
    return found.pop() if len(found) == 1 else None


class Implications:
    """Implications, mixed into :class:`~derive.check.checker.Checker`."""

    def _implication(self, origin: str, link: Link, chain: Chain, values: list,
                     anchor: int | None) -> tuple[Entry, bool]:
        """``before \\iff after`` (``\\implies``, ``\\impliedby``) between equations or systems; then from the
        anchor, when the link before was refuted."""
        k = link.position
        left, right = values[k - 1], values[k]
        if isinstance(right, Failed):
            return link_entry(origin, link, IMPLIES, right.status, right.reason, relation=link.relation), False
        if k == 1 and any(law.rank == link.lhs.rank and law.premise == link.lhs.tex.strip() for law in self.laws):
            return self._under_premise(origin, link, right)
        candidates = [] if isinstance(left, Failed) else [(k - 1, link.relation)]
        if anchor is not None and anchor != k - 1:
            composed = compose_connectives(chain.relations[anchor:k])
            if composed is not None:
                candidates.append((anchor, composed))
        if not candidates:
            reason = ("nothing before it to relate it to: an implication needs an equation or a system before it"
                      if link.lhs.empty else left.reason)
            status = NOT_PARSED if link.lhs.empty else left.status
            return link_entry(origin, link, IMPLIES, status, reason, relation=link.relation), False
        verdicts = [(index, relation, self._related(values[index], right, relation))
                    for index, relation in candidates]
        own = verdicts[0][2] if verdicts[0][0] == k - 1 else None
        if own is not None and own.proved:
            return Entry(origin, link.line, IMPLIES, PROVED, link.lhs.tex, link.rhs.tex, "",
                         relation=link.relation), True
        if len(verdicts) > 1 or own is None:
            index, relation, back = verdicts[-1]
            if back.proved:  # explains the link, never proves it: the statement before it is wrong or unread
                where = f"follows from line {chain.expressions[index].line}, before the error"
                if own is None:
                    return link_entry(origin, link, IMPLIES, left.status, f"{left.reason}; this statement {where}",
                                  relation=link.relation), True
                return link_entry(origin, link, IMPLIES, UNKNOWN, f"{own.status.value} from the statement before it, "
                              f"which is wrong; this statement {where}", relation=link.relation), True
        index, relation, verdict = verdicts[0]
        status = verdict.status.value
        return Entry(origin, link.line, IMPLIES, status, chain.expressions[index].tex, link.rhs.tex, verdict.reason,
                     point(verdict.counterexample), relation=relation), status != REFUTED

    def _under_premise(self, origin: str, link: Link, conclusion: sp.Basic) -> tuple[Entry, bool]:
        """``x \\sim \\mathrm{Gam}(a, b) \\Rightarrow \\langle x \\rangle = a/b``: the conclusion, read under the law
        the premise names (:mod:`derive.check.laws`), holds or not; a conclusion other than an equation is not
        checked."""
        if link.relation != "⇒" or not isinstance(conclusion, sp.Equality):
            return link_entry(origin, link, IMPLIES, UNKNOWN, "only an equation that a law implies is checked",
                              relation=link.relation), False
        verdict = self._verdict(conclusion.lhs, conclusion.rhs)
        status = verdict.status.value
        return Entry(origin, link.line, IMPLIES, status, link.lhs.tex, link.rhs.tex, verdict.reason,
                     point(verdict.counterexample), relation=link.relation), status != REFUTED

    def _related(self, before: sp.Basic, after: sp.Basic, connective: str):
        from derive.verify import check_relation

        name, swap = _CONNECTIVE[connective]
        if not self.hypotheses and not self.supposed_now:
            a, b = self._unify(put_values(before, self.symbols), put_values(after, self.symbols))
            a, b = (b, a) if swap else (a, b)
            domain = self._dom(a, b)  # refuted at data derive chose: as for a claim (\bar x, an estimate?)
            return on_chosen_data(check_relation(a, b, name, domain), a, b, domain, self.given)
        a, b = self._unify(put_values(before, self.plain), put_values(after, self.plain))
        a, b = (b, a) if swap else (a, b)
        supposed = [sp.Eq(x, v, evaluate=False) for x, v in self.supposed_now.items()]
        return on_chosen_data(self._implied(a, b, name, (*supposed, *self.hypotheses)), a, b, self._dom(a, b),
                              self.given)

    def _implied(self, a: sp.Basic, b: sp.Basic, name: str, hypotheses: tuple[sp.Equality, ...]):
        r"""``a \implies b`` (both ways for ``iff``) where supposed equations hold: each with them as premises
        (``Suppose $q = p$. $$\iff q - p = 0$$`` relates the supposition itself, which no substitution may
        turn into ``p = p``)."""
        from derive.core.system import System, equations_of
        from derive.verify import check_relation

        verdict = Verdict(Status.PROVED, "")
        for premise, conclusion in [(a, b)] + ([(b, a)] if name == "iff" else []):
            premises = equations_of(premise)
            if premises is None:
                return Verdict(Status.UNKNOWN, "an implication relates equations")
            together = System(*premises, *hypotheses) if hypotheses else premise
            verdict = check_relation(together, conclusion, "implies", self._dom(together, conclusion))
            if not verdict.proved:
                return verdict
        return verdict
