"""A claim judged by each reading in turn: as written, for real values, on the natural domain of its logarithms,
by linearity of its sums over data, under the text's suppositions, on the text's own sample; a refutation kept
only where the text's bounds and data do not explain it."""

from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

from derive.check.statements import EQUALITIES
from derive.check.data import counts_of, free_indices, on_chosen_data, one_sided, put_sample, varying_symbols
from derive.check.domains import natural_verdict, where_logged
from derive.check.entries import ENTRY
from derive.check.report import PROVED, REFUTED, UNKNOWN
from derive.check.shared import taken_expr
from derive.check.sums import has_data_sums, linear, products_as_sums, split_logs
from derive.core import Status, Verdict
from derive.core.domain import Domain
from derive.core.terms import count_symbols
from derive.errors import DeriveError

#: How :mod:`derive.verify.numeric` says a side has a value that is not real (``\log(1 - z)`` at ``z = 7/2``).
_NOT_REAL = "(not a real number)"
#: A refutation only by a point where one side has no value (:mod:`derive.verify.numeric`): in a text, the claim
#: is meant where it is defined, and the bounds the text states are rarely written to leave such points out.
_UNDEFINED = re.compile(r"(the (?:left|right) side|\S.*?) is undefined at (.*?), "
                        r"(?:an end the domain includes|a point of the domain)")


class Judging:
    """The readings a claim is judged by, mixed into :class:`~derive.check.checker.Checker`."""

    def _judged(self, a: sp.Basic, b: sp.Basic, relation: str, domain, written: tuple = ()):
        """The verdict on ``a R b`` (a claim with meanings put in), by each reading in turn."""
        from derive.verify import check_equal, check_relation

        verdict = check_equal(a, b, domain) if relation in EQUALITIES else check_relation(a, b, relation, domain)
        if not verdict.proved and (real := self._real(domain, a, b)) is not domain:  # proved for real values only
            on_reals = check_equal(a, b, real) if relation in EQUALITIES else check_relation(a, b, relation, real)
            verdict = on_reals if on_reals.proved else verdict
        if not verdict.proved and relation in EQUALITIES and (natural := where_logged(domain, a, b)) is not None:
            on_natural = check_equal(a, b, self._real(natural, a, b))
            verdict = natural_verdict(on_natural, natural, domain) if on_natural.proved else verdict
        if not verdict.proved and relation in EQUALITIES and (has_data_sums(a) or has_data_sums(b)):
            verdict = self._by_linearity(a, b, domain) or verdict
        if not verdict.proved and self.hypotheses and \
                ((under := self._under_hypotheses(a, b, relation, domain)).status.value != PROVED or
                 not self._both_vanish(a, b, relation, domain, written)):
            verdict = under
        if not verdict.proved and self.sample is not None and not self.hypotheses and \
                (on := self._on_sample(a, b, relation, written)) is not None:  # under a supposition: its consequence
            return on
        if verdict.status.value != REFUTED:
            return verdict
        if (entries := self._data_entries(verdict)):
            return Verdict(Status.UNKNOWN, f"false for some {entries} ({verdict.reason}), an entry of data the text "
                                           "sums over elsewhere: a statement about its particular data")
        loose = [x for x, _ in verdict.counterexample if isinstance(x, sp.Symbol) and x not in domain.symbol_set]
        if _NOT_REAL in verdict.reason and loose:
            real = self._real_refutation(a, b, relation, domain, loose)
            if real is None:
                return Verdict(Status.UNKNOWN, f"false only where a side is no real number ({verdict.reason}), at "
                                               "values the text does not exclude: does it hold where both sides are "
                                               "real?")
            verdict = real
        if (end := _UNDEFINED.search(verdict.reason)) is not None:  # x/x at x = 0 after "x >= 0": the bound's fault
            return Verdict(Status.UNKNOWN, f"{end.group(1)} is undefined at {end.group(2)}, which the text's bounds "
                                           "include: does it hold only where both sides are defined?")
        fixed = frozenset(x for e in self.hypotheses for x in e.free_symbols - count_symbols(e))  # a count: free
        counts = self._unstated_counts(a, b)
        placed = self.domain.merge(Domain(constraints=counts + free_indices(self.domain, counts, a, b)))
        varied = self._arguments(written)
        return one_sided(on_chosen_data(verdict, a, b, placed, self.given, varied), a, b, domain, fixed,
                         self._left_open())

    def _arguments(self, written: tuple) -> frozenset[sp.Symbol]:
        r"""The names a claim as written passes to a function the text defines (``\mu, \sigma`` of
        ``\ell(\mu, \sigma)``): variables of that function, never a value of the data."""
        return frozenset(x for side in written if isinstance(side, sp.Basic) for f in side.atoms(AppliedUndef)
                         if f.func in self.functions for x in f.args if isinstance(x, sp.Symbol))

    def _data_entries(self, verdict) -> str:
        """The names of a refutation's point written as an entry (``y_k``) of data a definition sums over
        (``L = -\\sum_i y_i \\log p_i``): one value of the text's data, which derive does not know; empty if none."""
        labels = {str(ix.base.label) for v in self.defined.values() if isinstance(v, sp.Basic)
                  for ix in v.atoms(sp.Indexed)}
        found = [x for x, _ in verdict.counterexample if isinstance(x, sp.Symbol) and
                 (m := ENTRY.fullmatch(x.name)) is not None and m.group(1) in labels]
        return ", ".join(sp.latex(x) for x in found)

    def _real_refutation(self, a: sp.Basic, b: sp.Basic, relation: str, domain, loose: list):
        """A refutation of ``a R b`` with ``loose`` (symbols nothing places) between 0 and 1, where both sides are
        real numbers; ``None`` when there is none (the claim fails only where a side is no real number)."""
        from derive.verify import check_equal, check_relation

        try:
            unit = domain.merge(Domain(tuple((x, sp.Interval.open(0, 1)) for x in sorted(set(loose), key=str))))
        except DeriveError:
            return None
        again = check_equal(a, b, unit) if relation in EQUALITIES else check_relation(a, b, relation, unit)
        return again if again.status.value == REFUTED and _NOT_REAL not in again.reason else None

    def _left_open(self) -> frozenset[sp.Symbol]:
        """The names a function's definition uses besides its arguments that are another definition's argument
        (``\\theta`` of ``F(x) = \\theta x - G(\\theta)`` beside ``G(\\theta) = e^\\theta``) and nothing defines or
        places: a value of that argument, which one left to the reader (never a parameter such as ``\\sigma``)."""
        said = {s for value in self.defined.values() for s in getattr(value, "free_symbols", ())}
        meanings = [getattr(made, "meaning", made) for made in self.functions.values()]
        arguments = {v for meaning in meanings for v in getattr(meaning, "variables", ())}
        return frozenset(s for meaning in meanings for s in meaning.free_symbols & arguments
                         if isinstance(s, sp.Symbol) and s not in said and s not in self.domain.symbol_set)

    def _unstated_counts(self, a: sp.Basic, b: sp.Basic) -> tuple:
        """The counts of ``a R b`` that no assumption states (``n`` of a sum where nothing says ``n \\ge 1``): what
        varies with the data, not a symbol the text lets vary on its own."""
        return tuple(c for c in counts_of(self.domain, a, b) if c.n not in self.domain.symbol_set)

    def _on_sample(self, a: sp.Basic, b: sp.Basic, relation: str, written: tuple = ()):
        """The verdict on a claim about the text's own sample (``L(1) = e^{-6.6}`` after ``x_1 = 1.1, x_2 = 2.2,
        x_3 = 3.3``, "three observed values"): nothing but its data, their count and parameters the text places
        vary in it, so it is checked at those values, with every count the sample's size and the parameters over
        their domain; ``None`` for any other claim."""
        from derive.verify import check_equal, check_relation

        label, values = self.sample
        if {str(ix.base.label) for side in (a, b) for ix in side.atoms(sp.Indexed)} != {label}:
            return None
        counts = {c.n for c in self._unstated_counts(a, b)}
        placed = self.domain.symbol_set if self._of_functions(written) else frozenset()
        free = varying_symbols(a, b) - counts - placed  # a parameter may vary in a claim about a function of it
        size = {n: sp.Integer(len(values)) for n in counts}
        a2, b2 = (put_sample(side.xreplace(size), label, values) for side in (a, b))
        if a2.has(sp.Indexed) or b2.has(sp.Indexed):
            return None
        domain = self.domain
        verdict = check_equal(a2, b2, domain) if relation in EQUALITIES else check_relation(a2, b2, relation, domain)
        if verdict.status.value == UNKNOWN or (free and not verdict.proved):  # for every value of the others: a proof
            return None
        shown = ", ".join(f"{label}_{k} = {v}" for k, v in enumerate(values, 1))
        return Verdict(verdict.status, f"{verdict.reason}, on the text's sample ({shown})", verdict.counterexample)

    def _of_functions(self, written: tuple) -> bool:
        """A side as read (``written``) applies a function the text defines or a derivative (``\\log L(\\theta) =
        ...``): an identity in its parameters, where ``\\theta^3 = ...`` may be an equation to solve for one."""
        return any(isinstance(e, sp.Derivative) or isinstance(e, AppliedUndef) and e.func in self.functions
                   for side in written for e in sp.preorder_traversal(side))

    def _by_linearity(self, a: sp.Basic, b: sp.Basic, domain, hypotheses: tuple[sp.Equality, ...] = ()):
        """``a = b`` proved with its sums over data written by linearity (:mod:`derive.check.sums`), under
        ``hypotheses`` when there are any; ``None`` when that proves nothing (never a refutation)."""
        from derive.verify import check_equal, check_given
        from derive.verify.signs import is_positive

        atoms: dict = {}
        real = self._real(domain, a, b, *hypotheses)

        def linear_(e: sp.Basic) -> sp.Basic:
            def positive(base: sp.Basic) -> bool:
                return is_positive(base, real)

            return linear(split_logs(products_as_sums(taken_expr(e), positive), positive), atoms)

        a2, b2 = linear_(a), linear_(b)
        given = tuple(sp.Eq(linear_(h.lhs), linear_(h.rhs), evaluate=False) for h in hypotheses)
        if not atoms or any(e.has(sp.Sum) for e in (a2, b2)):
            return None
        entries = {ix: sp.Dummy(f"{ix.base.label}_{ix.indices[0]}", real=True)  # o[k] outside the sums: a number
                   for e in (a2, b2, *given) for ix in e.atoms(sp.Indexed) if len(ix.indices) == 1}
        if entries:
            a2, b2 = a2.xreplace(entries), b2.xreplace(entries)
            given = tuple(h.xreplace(entries) for h in given)
            atoms.update({ix: d for ix, d in entries.items()})  # never a counterexample from them either
        counts = {c for key in atoms if isinstance(key, sp.Sum) for c in key.limits[0][2].free_symbols
                  if c not in domain.symbol_set}
        try:  # \sum_{i=1}^{n}: a sample of n >= 1 terms
            domain = domain.merge(Domain(tuple((c, sp.Interval(1, sp.oo)) for c in sorted(counts, key=str))))
        except DeriveError:
            return None
        real = self._real(domain, a2, b2, *given)
        verdict = check_given(given, a2, b2, "=", real) if given else check_equal(a2, b2, real)
        if not verdict.proved and not given and (natural := where_logged(domain, a2, b2)) is not None:
            verdict = check_equal(a2, b2, self._real(natural, a2, b2))
        if verdict.proved:
            return Verdict(Status.PROVED, "by linearity of the sums, over a sample of n >= 1 terms")
        if given or sp.expand(a2 - b2).has(*atoms.values()):
            return None  # the atoms are not independent: no counterexample from them
        whole = {c: sp.Symbol(c.name, integer=True, positive=True) for c in counts}  # a sample has n = 1, 2, ...
        a3, b3 = a2.xreplace(whole), b2.xreplace(whole)
        verdict = check_equal(a3, b3, self._real(domain, a3, b3))
        if verdict.status is Status.REFUTED:  # the difference holds no sum: it is the same for every sample
            dummies = set(atoms.values())
            return Verdict(Status.REFUTED, "by linearity of the sums, whatever the sample",
                           tuple((x, v) for x, v in verdict.counterexample if x not in dummies))
        return None

    def _both_vanish(self, a: sp.Basic, b: sp.Basic, relation: str, domain, written: tuple) -> bool:
        r"""A side written as a derivative, and each side of the equation, neither written 0, is 0 where the
        supposed equations hold (``\frac{\partial \ell}{\partial \sigma} = -n + \frac{S}{\sigma^2}`` after
        ``\frac{\partial \ell}{\partial \sigma} = 0``): the text restates the function the supposition fixes only at
        the solution, so the claim is the identity it writes, not the consequence ``0 = 0``.  (Two expressions with
        the estimates put in, both 0 there, are that consequence.)"""
        if relation not in EQUALITIES or a == 0 or b == 0 or \
                not any(isinstance(w, sp.Derivative) for w in written):
            return False
        return all(self._under_hypotheses(side, sp.Integer(0), "=", domain).proved for side in (a, b))

    def _under_hypotheses(self, a: sp.Basic, b: sp.Basic, relation: str, domain):
        """``a R b`` where supposed equations hold (``x + y = 2`` and ``x - y = 0``): decided with them as
        hypotheses; a refutation found without them would not count (its point may break them)."""
        from derive.verify import check_given

        said = ", ".join(f"{sp.sstr(e.lhs)} = {sp.sstr(e.rhs)}" for e in self.hypotheses)
        verdict = check_given(self.hypotheses, a, b, "=" if relation in EQUALITIES else relation,
                              self._dom(a, b, *self.hypotheses))
        if verdict.proved:
            return verdict
        if relation in EQUALITIES and any(has_data_sums(e) for e in (a, b, *self.hypotheses)):
            linear_verdict = self._by_linearity(a, b, self._dom(a, b, *self.hypotheses), self.hypotheses)
            if linear_verdict is not None:
                return linear_verdict
        return Verdict(verdict.status, f"under the supposition {said}: {verdict.reason}", verdict.counterexample)
