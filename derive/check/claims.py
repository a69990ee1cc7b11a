"""Claims and implications judged: each link against the expression before it, on the domain known at
its statement, with the text's hypotheses, its data and its sample."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

import sympy as sp
from sympy.core.function import AppliedUndef

from derive.check import indices, leibniz
from derive.check.chains import EQUALITIES, INEQUALITIES, Chain, Link
from derive.distributions import randomvars
from derive.check.data import (counts_of, free_indices, on_chosen_data, one_sided, put_sample, sample_means,
                               unvaried, varying_symbols)
from derive.check.domains import natural_verdict, where_logged
from derive.check.entries import ENTRY, families_of, family_entries, members_of
from derive.check.reading import ELIDED_STEPS
from derive.check.report import (CLAIM, IMPLICATION as IMPLIES, NOT_PARSED, PROVED, REFUTED, SKIPPED, UNKNOWN, Entry,
                                 point)
from derive.check.rounding import ROUNDED_INSIDE, rounded_entry, rounding_of, within_rounding
from derive.check.shared import Failed, arguments_placed, link_entry, put_values, relation_reason, squared, taken_expr
from derive.check.sums import has_data_sums, linear, products_as_sums, split_logs
from derive.check.tables import number, with_tables
from derive.core import Status, Verdict
from derive.core.domain import Domain
from derive.core.terms import count_symbols
from derive.distributions.measures import Measure
from derive.distributions.semantics import denote
from derive.errors import DeriveError
from derive.parse.tokens import bare_name


#: A connective as derive.verify.check_relation takes it: (its name, whether the two sides swap).
_CONNECTIVE = {"⇔": ("iff", False), "⇒": ("implies", False), "⇐": ("implies", True)}


def compose(relations: Sequence[str]) -> str | None:
    """The relation between the ends of links with ``relations``: ``=``, or one direction of inequality, or None."""
    found = {r for r in relations if r not in EQUALITIES}
    if not found:
        return "="
    for weak, strict in (("<=", "<"), (">=", ">")):
        if found <= {weak, strict}:
            return strict if strict in found else weak
    return None


def compose_connectives(relations: Sequence[str]) -> str | None:
    """The connective between the ends of implication links: ``⇔`` if all are, else one direction, or None."""
    found = set(relations) - {"⇔"}
    if not found:
        return "⇔"
    return found.pop() if len(found) == 1 else None


class _Judged(NamedTuple):
    """A verdict, the domain it was reached on, and whether it is final (on derivatives in variables their
    operands do not contain: no other reading applies)."""

    verdict: Verdict
    domain: object
    final: bool = False


class Claims:
    """Claims and implications, mixed into :class:`~derive.check.checker.Checker`."""

    def _claim(self, origin: str, link: Link, chain: Chain, values: list, anchor: int | None) -> tuple[Entry, bool]:
        """Check the right side against the expression before it; proved only so.

        When that expression was refuted (or could not be read), the right
        side is also compared with the anchor, the last expression not
        refuted, if the links between compose into one relation (equalities,
        inequalities one way): agreeing with it only explains the link (an
        unknown, "agrees with line N, before the error", so that one wrong
        expression refutes one link), disagreeing refutes it, unless a link
        between was refuted already (the error carried along is not a new one).
        """
        k = link.position
        left, right = values[k - 1], values[k]
        order = link.relation in INEQUALITIES
        if order and (isinstance(left, Failed) or isinstance(right, Failed)):
            failed = left if isinstance(left, Failed) else right
            return link_entry(origin, link, CLAIM, SKIPPED,
                          f"{relation_reason(link.relation)} is not checked: {failed.reason}"), False
        own = None if isinstance(left, Failed) else self._verdict(left, right, link.relation)
        if own is not None and own.status.value == REFUTED and (k == 1 or len(chain.expressions) == 2) and \
                (named := given_value(left, right)) is not None and \
                not any(h.has(named) for h in self.hypotheses):  # p = 55/100 = 0.55, no equation set in p
            value = right if left == named else left
            if isinstance(value, sp.Expr) and value.is_number:
                self.cases[named] = (value, link.line)
            own = Verdict(Status.UNKNOWN, f"a value of {sp.latex(named)} (a case the text considers, or an estimate "
                                          "from the data), not an identity in it: not checked")
        if own is not None and own.status.value == REFUTED and (last := _set_to(chain, values[:k + 1])) is not None \
                and not any(h.has(v) for h in self.hypotheses for v in values[:k + 1]):  # r = s = 1/2: a case
            names = [v for v in values[:k + 1] if isinstance(v, sp.Symbol)]
            self.cases.update({name: (last, link.line) for name in names})
            own = Verdict(Status.UNKNOWN, f"values of {', '.join(sp.latex(n) for n in names)} (a case the text "
                                          "considers), not an identity in them: not checked")
        shown = self._as_displayed(link, chain, values)
        if shown is not None:  # a display that writes its chain's subject again claims subject R right, here
            if shown.proved:
                return link_entry(origin, link, CLAIM, PROVED, ""), True
            if shown.status.value == REFUTED and (rounded := self._subject_rounding(link, chain, values)) and \
                    rounded[0] is not False:  # D = 0.031163 after D = 0.155675 - 0.124511: D's value, rounded
                return self._rounded(origin, link, chain, rounded)
            if own is not None and own.proved:
                own = shown
        if own is not None and own.proved and link.position in chain.restated and isinstance(values[0], Failed) and \
                re.search(r"[A-Za-z0-9]", chain.expressions[0].tex):  # \sum', not the stray \ of a \\\ row end
            return link_entry(origin, link, CLAIM, UNKNOWN, f"agrees with line {chain.expressions[k - 1].line}, which "
                          "writes the same subject, unread there: proved only if that line is right"), True
        if own is not None and own.proved:
            return link_entry(origin, link, CLAIM, PROVED, ""), True
        if link.position in chain.restated and own is not None and own.status.value == REFUTED:
            # the display claims subject R right side, not that the display before it ends in its right side
            if shown is None or shown.status.value != REFUTED:
                why = shown.reason if shown is not None else "its subject could not be read"
                return link_entry(origin, link, CLAIM, UNKNOWN, f"restates the subject of line "
                              f"{chain.expressions[0].line}: {why}"), True
            own = shown
        if own is not None and not order and own.status.value != REFUTED and _DIFFERENTIATED not in own.reason:
            natural = self._on_natural_domain(left, right)  # (a derivative taken as 0 there proves nothing)
            if natural is not None:  # no symbol is positive unless something says so: not proved
                return link_entry(origin, link, CLAIM, UNKNOWN, natural), True
        back = None
        if anchor is not None and anchor != k - 1 and (composed := compose(chain.relations[anchor:k])) is not None:
            back = (anchor, composed, self._verdict(values[anchor], right, composed))
        if back is not None and own is None and left.reason == ELIDED_STEPS:  # a = ... = b: a R b, across them
            status = {Status.PROVED: PROVED, Status.REFUTED: REFUTED}.get(back[2].status, UNKNOWN)
            return Entry(origin, link.line, CLAIM, status, chain.expressions[anchor].tex, link.rhs.tex,
                         "" if status == PROVED else back[2].reason, point(back[2].counterexample),
                         relation=back[1]), status != REFUTED
        if back is not None and back[2].proved:
            where = f"agrees with line {chain.expressions[anchor].line}, before the error"
            if own is None:
                return link_entry(origin, link, CLAIM, left.status, f"{left.reason}; this side {where}"), True
            if own.status.value == REFUTED:  # false as written, though it goes back to the text's right track
                return Entry(origin, link.line, CLAIM, REFUTED, link.lhs.tex, link.rhs.tex,
                             f"{own.reason}; the expression before it is wrong, and this side {where}",
                             point(own.counterexample), relation=link.relation), True
            return link_entry(origin, link, CLAIM, UNKNOWN,
                              f"not proved against the expression before it, which is wrong; this side {where}"), True
        if own is None and back is None:
            return link_entry(origin, link, CLAIM, NOT_PARSED, "the expression before it could not be read"), False
        if own is None and back[2].status.value == REFUTED and self.wrong & set(range(anchor + 1, k)):
            return link_entry(origin, link, CLAIM, left.status, f"{left.reason}; this side disagrees with line "
                          f"{chain.expressions[anchor].line}, but a link between was already wrong"), False
        if own is not None and own.status.value == REFUTED and (rounded := self._rounding(values, link)) is not None:
            return self._rounded(origin, link, chain, rounded)
        if own is not None and own.status.value == REFUTED and link.relation in EQUALITIES and \
                within_rounding((chain.expressions[k - 1].tex, link.rhs.tex), lambda t: self._tabled(self._parse(t))):
            return link_entry(origin, link, CLAIM, PROVED, ROUNDED_INSIDE), True
        index, relation, verdict = (k - 1, link.relation, own) if own is not None else back
        if shown is not None and verdict is shown:
            index = 0
        lhs = chain.expressions[index].tex
        if verdict.status.value == REFUTED and index == k - 1 and self._holds_in_bits(link, chain):
            return link_entry(origin, link, CLAIM, UNKNOWN, IN_BITS), True
        if verdict.status.value == REFUTED and index == k - 1 and self._holds_with_sign_outside(link, chain):
            return link_entry(origin, link, CLAIM, UNKNOWN, SIGN_OUTSIDE), True
        if verdict.status.value == REFUTED and index == k - 1 and \
                (given := _pointwise_elsewhere((chain.expressions[k - 1].tex, link.rhs.tex), (left, right))):
            return link_entry(origin, link, CLAIM, UNKNOWN, CONDITIONAL_DIVERGENCE.format(given)), True
        if verdict.status.value == REFUTED and index == k - 1 and (case := self._holds_in_case(left, right)):
            return link_entry(origin, link, CLAIM, UNKNOWN, case), True
        if verdict.status.value == REFUTED:
            reason = "" if relation in EQUALITIES and verdict.counterexample and \
                not verdict.reason.startswith(_IN_CASE) else verdict.reason
            return Entry(origin, link.line, CLAIM, REFUTED, lhs, link.rhs.tex, reason,
                         point(verdict.counterexample), relation=relation), False
        reason = self._why_unknown(verdict, values[index], right) if relation in EQUALITIES and \
            _DIFFERENTIATED not in verdict.reason else verdict.reason
        return Entry(origin, link.line, CLAIM, UNKNOWN, lhs, link.rhs.tex, reason, relation=relation), True

    def _holds_with_sign_outside(self, link: Link, chain: Chain) -> bool:
        r"""Whether a refuted link holds with each braced negative base's minus outside its power (``{-e}^{-x}`` read
        ``-e^{-x}``, as the braces display it): then the text's grouping is in doubt, and it is not refuted."""
        texts = (chain.expressions[link.position - 1].tex, link.rhs.tex)
        if not any(_SIGNED_BASE.search(t) for t in texts):
            return False
        left, right = (self._parse(_SIGNED_BASE.sub(r"-{\1}^", t)) for t in texts)
        return not isinstance(left, Failed) and not isinstance(right, Failed) and \
            self._verdict(left, right, link.relation).proved

    def _holds_in_case(self, left: sp.Basic, right: sp.Basic) -> str:
        """Why a refuted link is not refuted: it holds at the values the text gave its names as the case it
        considers (``p = 1/2`` for a fair coin, then ``H(p)/p = 2``); empty otherwise."""
        names = (left.free_symbols | right.free_symbols) & self.cases.keys() if isinstance(left, sp.Basic) and \
            isinstance(right, sp.Basic) else set()
        if not names:
            return ""
        values = {x: self.cases[x][0] for x in names}
        if not self._verdict(put_values(left, values), put_values(right, values)).proved:
            return ""
        given = ", ".join(f"{sp.latex(x)} = {sp.latex(v)} (line {self.cases[x][1]})" for x, v in values.items())
        return f"holds at {given}, the case the text gave; not for every value"

    def _rounded(self, origin: str, link: Link, chain: Chain, rounded: tuple[bool, int]) -> tuple[Entry, bool]:
        """The verdict on a link whose side is a rounded number: refuted by its rounding unless it holds in bits."""
        if not rounded[0] and self._holds_in_bits(link, chain):
            return link_entry(origin, link, CLAIM, UNKNOWN, IN_BITS), True
        return rounded_entry(origin, link, rounded)

    def _holds_in_bits(self, link: Link, chain: Chain) -> bool:
        r"""Whether a link refuted with its plain ``\log`` natural holds with it to base 2 (``D = 1 - \frac{\log
        3}{2}``, Cover and Thomas's convention where the text never says so): then it is not refuted."""
        texts = (chain.expressions[link.position - 1].tex, link.rhs.tex)
        if self.base_two or not any(_PLAIN_LOG.search(t) for t in texts):
            return False
        left, right = (self._parse(t, base_two=True) for t in texts)
        if isinstance(left, Failed) or isinstance(right, Failed):
            return False
        rounded = rounding_of([left, right], replace(link, position=1)) if link.relation == "≈" or \
            _DECIMAL_SIDE.search(link.rhs.tex) else None
        if rounded is not None:
            return rounded[0]
        return self._verdict(left, right, link.relation).proved

    def _inequation(self, origin: str, link: Link, values: list) -> tuple[Entry, bool]:
        """``a \\neq b``: the sides are not one expression (``D(P \\| Q) \\neq D(Q \\| P)``), proved by a point
        where they differ; refuted where they are proved equal everywhere."""
        left, right = values[link.position - 1], values[link.position]
        if isinstance(left, Failed) or isinstance(right, Failed):
            failed = left if isinstance(left, Failed) else right
            return link_entry(origin, link, CLAIM, SKIPPED, f"{relation_reason(link.relation)} is not checked: "
                                                            f"{failed.reason}"), False
        verdict = self._verdict(left, right, "=")
        if verdict.status.value == REFUTED:
            at = ", ".join(f"{k} = {v}" for k, v in point(verdict.counterexample))
            return link_entry(origin, link, CLAIM, PROVED, "the sides differ" + (f" at {at}" if at else "")), False
        if verdict.proved:
            return Entry(origin, link.line, CLAIM, REFUTED, link.lhs.tex, link.rhs.tex,
                         f"the sides are equal: {verdict.reason}", relation=link.relation), False
        return link_entry(origin, link, CLAIM, UNKNOWN, f"not shown to differ: {verdict.reason}"), False

    def _subject_rounding(self, link: Link, chain: Chain, values: list) -> tuple[bool | None, int] | None:
        """:meth:`_rounding` of a display's right side against its chain's subject, which it writes again."""
        subject = self._read(replace(chain.subject, rank=link.rhs.rank))
        if isinstance(subject, Failed):
            return None
        return rounding_of([self._tabled(subject), self._tabled(values[link.position])], replace(link, position=1))

    def _rounding(self, values: list, link: Link) -> tuple[bool | None, int] | None:
        """:func:`~derive.check.rounding.rounding_of` with the sides' table values put in (``H(Y) = 0.971``)."""
        return rounding_of([self._tabled(v) for v in values], link)

    def _tabled(self, side: object) -> object:
        """``side`` with the masses and entropies of a pmf the text gives in full put in, where that leaves a
        number (``H(Y)`` beside its table), or with the measures of declared distributions evaluated, where they
        are numbers; else as it is."""
        if isinstance(side, sp.Basic) and self.table_values and \
                (numbers := with_tables((side, side), self.table_values)) is not None:
            return numbers[0]
        if isinstance(side, sp.Basic) and side.has(Measure) and (value := denote(side)).is_number:
            return value  # H(P) of a distribution the text declares with numbers: a number
        return side

    def _verdict(self, left: sp.Basic, right: sp.Basic, relation: str = "="):
        if self.chain_functions and (chained := self._by_chain_rule(left, right, relation)) is not None:
            return chained
        a, b = self._sides(left, right)
        if self.table_values and (numbers := with_tables((a, b), self.table_values)) is not None:
            a, b = numbers  # H(X) of a pmf the text gives in full: a number
        cases = self._index_cases(a, b, left, right, relation)
        if cases is not None:
            return cases
        verdict, domain, final = self._direct(a, b, left, right, relation)
        if final:
            return verdict
        if not verdict.proved and relation in EQUALITIES and (means := sample_means(a, b, said=self.barred)):
            a2, b2 = a.xreplace(means), b.xreplace(means)
            if self._judged(a2, b2, relation, self._by_arguments(self._dom(a2, b2), left, right)).proved:
                names = ", ".join(sorted(sp.latex(x) for x in means))
                return Verdict(Status.PROVED, f"with {names} the mean of the sample")
        used = {f.func for side in (left, right) for f in side.atoms(AppliedUndef)} & self.functions.keys()
        used |= {x for side in (left, right) for x in side.free_symbols} & self.defined.keys()
        doubted = used & self.doubted
        if verdict.status.value == UNKNOWN and relation in EQUALITIES and isinstance(left, (AppliedUndef, sp.log)):
            restated = {f.func for f in left.atoms(AppliedUndef)
                        if all(isinstance(x, sp.Symbol) or squared(x) for x in f.args)}
            self.doubted.update(used & restated)  # log L(mu, s) = ... + C, unproved: which L is meant from here on?
        if verdict.status.value == UNKNOWN and relation in EQUALITIES and left in self.defined:
            self.doubted.add(left)  # S = ..., unproved: the text may mean S otherwise from here on
        if verdict.status.value == UNKNOWN and verdict.reason.startswith(_OPEN_NAME) and relation in EQUALITIES:
            self.tied.update(s for s in (left, right) if isinstance(s, sp.Symbol) and s not in domain.symbol_set
                             and s not in self.defined)  # q = 1 - p left open: q is tied down, what it is is said
        tied = {x for side in (left, right) for x in side.free_symbols} & self.tied
        if verdict.status.value == REFUTED and tied and verdict.counterexample and \
                {x for x, _ in verdict.counterexample} & tied:
            names = ", ".join(sorted(sp.latex(x) for x in tied))
            return Verdict(Status.UNKNOWN, f"false for some value of {names}, which the text ties to other names in "
                                           "a relation derive did not take: what does it stand for here?")
        unread = sorted((self.unverified[x], str(x)) for x in used if x in self.unverified)
        if verdict.proved and unread:  # l(p) = \ln P(p | data) = \ln[...]: l is the last, if the unread step holds
            names = ", ".join(name for _, name in unread)
            lines = ", ".join(str(line) for line, _ in unread)
            return Verdict(Status.UNKNOWN, f"holds with {names} as taken on line {lines}, across a step derive could "
                                           "not read there: proved only if that step is right")
        if verdict.status.value == REFUTED and unread:  # f(x) = g^{-1}(x) = -\log x, then false with -\log x
            names = ", ".join(name for _, name in unread)
            lines = ", ".join(str(line) for line, _ in unread)
            return Verdict(Status.UNKNOWN, f"false with {names} as taken on line {lines}, across a step derive could "
                                           "not read there: this step or that one is wrong")
        if verdict.status.value == REFUTED and self._if_independent(left, right, relation):
            return Verdict(Status.UNKNOWN, "false for some joint distribution, but it holds with the variables "
                                           "independent, which the text speaks of without saying which")
        if verdict.status.value == REFUTED and doubted:
            names = ", ".join(sorted(str(f) for f in doubted))
            return Verdict(Status.UNKNOWN, f"false with {names} as defined, but the text has since written {names} "
                                           "otherwise, unproved: which one does it mean here?")
        return verdict

    def _direct(self, a: sp.Basic, b: sp.Basic, left: sp.Basic, right: sp.Basic, relation: str,
                stated: frozenset = frozenset()) -> _Judged:
        """The verdict on ``a R b`` as read (``stated``: names known to be none of its derivatives' variables)."""
        domain = self._by_arguments(self._dom(a, b), left, right)
        still = _constant_derivatives(domain.symbol_set | stated, a, b)
        if still:
            held = _held_derivatives(domain.symbol_set | stated, a, b)  # the same unknown derivative on both sides
            if self._judged(a.xreplace(held), b.xreplace(held), relation, domain).proved:
                return _Judged(Verdict(Status.PROVED, f"whatever {still} stands for"), domain, True)
            return _Judged(Verdict(Status.UNKNOWN, f"{still} {_DIFFERENTIATED} as written: the text must mean it as "
                                                   "a function of that variable; say what it is"), domain, True)
        return _Judged(self._judged(a, b, relation, domain, (left, right)), domain)

    def _index_cases(self, a: sp.Basic, b: sp.Basic, left: sp.Basic, right: sp.Basic, relation: str):
        r"""The verdict on a claim in two entries of one vector at free indices (``t_i``, ``t_j``, or
        ``\delta_{ij}``), for every pair of indices: case by case, equal and distinct (:mod:`derive.check.indices`);
        ``None`` without such a pair, or where the text has already said which case it is."""
        pair = indices.index_pair(a, b)
        if pair is None or any(x in self.supposed_now for x in pair):
            return None
        i, j = pair
        apart = any(set(d) == set(pair) for d in self.distinct_now)  # "if i \neq j": that case only
        cases = {} if apart else {f"{i} = {j}": (indices.same_index(a, i, j), indices.same_index(b, i, j),
                                                   frozenset())}
        if indices.plain_rates(a, b):  # with i != j, t_i and t_j are two coordinates
            cases[f"{i} \\neq {j}"] = (indices.distinct_indices(a, i, j), indices.distinct_indices(b, i, j),
                                       indices.siblings(a, b))
        every = len(cases) == (1 if apart else 2)  # every case the claim is meant in is checked
        verdicts = {case: self._direct(a2, b2, left, right, relation, stated).verdict
                    for case, (a2, b2, stated) in cases.items()}
        if every and all(v.proved for v in verdicts.values()):
            return Verdict(Status.PROVED, "with " + " and with ".join(verdicts))
        refuted = [(case, v) for case, v in verdicts.items() if v.status.value == REFUTED]
        if every and len(refuted) == len(verdicts):  # false in every case: whichever is meant
            case, v = refuted[0]
            return Verdict(Status.REFUTED, f"{_IN_CASE}{case}" + (f": {v.reason}" if v.reason else ""),
                           v.counterexample)
        held = [case for case, v in verdicts.items() if v.proved]
        if refuted and held:  # a case's formula, its case said in prose derive did not tie to it
            return Verdict(Status.UNKNOWN, f"holds with {held[0]} only, false with {refuted[0][0]}: say which case "
                                           "this is (\\text{if } ...)")
        return None

    def _if_independent(self, left: sp.Basic, right: sp.Basic, relation: str) -> bool:
        """The prose speaks of independence without naming the variables, and the claim holds with every variable
        it involves independent of the others."""
        from derive.verify.entropic import INDEPENDENT

        names = randomvars.variables_of(left, right)
        if not self.independence_said or self.independence or INDEPENDENT.get() or len(names) < 2:
            return False
        token = INDEPENDENT.set(tuple(frozenset({n}) for n in names))
        try:
            return self._verdict(left, right, relation).proved
        finally:
            INDEPENDENT.reset(token)

    def _by_chain_rule(self, left: sp.Basic, right: sp.Basic, relation: str) -> Verdict | None:
        r"""The verdict on sides read in Leibniz's way (:mod:`derive.check.leibniz`), each function's derivatives
        and values numbers of their own: proved for every such function, or never refuted; ``None`` when no
        side holds such a function."""
        values = self.chain_functions
        functions = {v.func for v in values.values()}
        if not any(f.func in functions for side in (left, right) for f in side.atoms(AppliedUndef)):
            return None
        verdict = self._verdict(*leibniz.held((left, right), values), relation)
        names = leibniz.named(values)
        if verdict.proved:
            return Verdict(Status.PROVED, f"for any functions {names}, as the derivatives written take them")
        if verdict.status.value == REFUTED:
            return Verdict(Status.UNKNOWN, f"false for some functions {names} (as the derivatives written take "
                                           "them), maybe not for those the text means: say what they are")
        return verdict

    def _by_arguments(self, domain, left: sp.Basic, right: sp.Basic):
        """``domain`` with each symbol it does not place that the claim gives a function the text defined on an
        interval (``f(x)`` after "for any x in I let f(x) = ...") in that interval: the claim is about ``f``."""
        placed = {s: i for side in (left, right) for s, i in arguments_placed(side, self.function_domains).items()
                  if s not in domain.symbol_set}
        if not placed:
            return domain
        try:
            return domain.merge(Domain(tuple(sorted(placed.items(), key=lambda item: str(item[0])))))
        except DeriveError:
            return domain

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

    def _family_members(self, tex: str) -> tuple[sp.Symbol, ...]:
        """The names ``tex`` writes (``p_k``) that belong to a family defined so far (``p_i = ...``)."""
        bases = families_of(self.defined)
        if not bases:
            return ()
        written = re.findall(r"(?<![A-Za-z\\])([A-Za-z])_\{?([a-z])\}?", tex)
        return tuple(dict.fromkeys(sp.Symbol(f"{b}_{x}") for b, x in written if b in bases))

    def _sides(self, left: sp.Basic, right: sp.Basic) -> tuple[sp.Basic, sp.Basic]:
        """The two sides of a claim with what the symbols stand for put in (:func:`unvaried`) and unified."""
        values = members_of(unvaried(self.symbols, left, right), left, right)
        a, b = (family_entries(put_values(e, values), values) for e in (left, right))
        a, b = self._unify(a, b)
        cases = {x: v for x, v in self.supposed_now.items() if isinstance(x, sp.Symbol)}
        if cases and (a.has(sp.Indexed) or b.has(sp.Indexed)):  # i = k reaches o[i], which was o_i until now
            a, b = a.xreplace(cases), b.xreplace(cases)
        for x, v in cases.items():  # if i = j: t_j is t_i
            if isinstance(v, sp.Symbol) and len(x.name) == 1 and len(v.name) == 1:
                a, b = indices.same_index(a, v, x), indices.same_index(b, v, x)
        if self.distinct_now and (a.has(sp.KroneckerDelta) or b.has(sp.KroneckerDelta)):  # i != k: delta_ik = 0
            zero = {sp.KroneckerDelta(i, k): 0 for i, k in self.distinct_now}
            zero.update({sp.KroneckerDelta(k, i): 0 for i, k in self.distinct_now})
            a, b = a.xreplace(zero), b.xreplace(zero)
        return a, b

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


_DIFFERENTIATED = "is differentiated in a variable it does not contain"
#: How a refutation in one case of two indices says which (:meth:`Claims._index_cases`).
_IN_CASE = "in the case "


#: How :mod:`derive.verify.numeric` says a side has a value that is not real (``\log(1 - z)`` at ``z = 7/2``).
_NOT_REAL = "(not a real number)"
#: How :func:`~derive.check.data.one_sided` says a relation names something it does not place.
_OPEN_NAME = "not for every value of"
#: A refutation only by a point where one side has no value (:mod:`derive.verify.numeric`): in a text, the claim
#: is meant where it is defined, and the bounds the text states are rarely written to leave such points out.
_UNDEFINED = re.compile(r"(the (?:left|right) side|\S.*?) is undefined at (.*?), "
                        r"(?:an end the domain includes|a point of the domain)")


def _held_derivatives(stated: frozenset, *sides: sp.Basic) -> dict[sp.Basic, sp.Basic]:
    """Each derivative :func:`_constant_derivatives` finds, as a new symbol, or an entry ``D[i]`` when it holds the
    index ``i`` of a sum it is in (so that it may differ from term to term): an identity that holds whatever those
    values are holds whatever the derivatives mean.  Never used to refute (the text's meaning is one value of them)."""
    found = {d for side in sides if isinstance(side, sp.Basic) for d in side.atoms(sp.Derivative)
             if _unstated_rate(stated, d)}
    bound = {v for side in sides if isinstance(side, sp.Basic) for e in side.atoms(sp.Sum, sp.Product)
             for v in e.variables}

    def held(d: sp.Derivative, k: int) -> sp.Basic:
        indices = sorted(d.free_symbols & bound, key=str)
        return sp.IndexedBase(f"D_{k}")[tuple(indices)] if indices else sp.Symbol(f"D_{k}")

    return {d: held(d, k) for k, d in enumerate(sorted(found, key=str), 1)}


#: A logarithm written with no base, which a text in bits may mean to base 2.
_PLAIN_LOG = re.compile(r"\\log(?![A-Za-z])(?!\s*_)")
_DECIMAL_SIDE = re.compile(r"^\s*-?\d+\.\d+\s*$")
IN_BITS = "holds with its logarithms to base 2 (in bits), which the text never says: not checked in nats"
SIGN_OUTSIDE = ("false as written, where {-a}^{b} is (-a)^b; holds with the minus outside the power (-a^b), as the "
                "braces display it: write (-a)^b or -a^b")
CONDITIONAL_DIVERGENCE = ("false with the divergence between conditionals read as the conditional relative "
                          "entropy (averaged over {0}), while the other side is at a given {0}, as a VAE's KL is: "
                          "which does the text mean?")
#: A divergence between two conditionals: ``D_{KL}(q(z \mid x) \| p(z \mid x))``; the letters after the bars.
_CONDITIONAL_KL = re.compile(r"(?:D|KL|\\mathrm\s*\{\s*KL\s*\}|\\operatorname\s*\{\s*KL\s*\})[^(]{0,40}\(\s*"
                             r"[^()|]*\([^()|]*(?:\||\\mid)(?P<given>[^()]*)\)\s*(?:\|\||\\\||\\Vert|\\parallel)"
                             r"\s*[^()|]*\([^()|]*(?:\||\\mid)[^()]*\)\s*\)")


def _pointwise_elsewhere(texts: tuple[str, str], values: tuple) -> str:
    """The letters a divergence between conditionals on one side is given (``x`` of ``D(q(z|x) || p(z|x))``) where
    the other side leaves them free: there the text means it at a given value, and derive's reading, averaged
    over them, may not be; empty otherwise."""
    for k, text in enumerate(texts):
        other = values[1 - k]
        if not isinstance(other, sp.Basic):
            continue
        names = {bare_name(g) for m in _CONDITIONAL_KL.finditer(text) for g in m.group("given").split(",")}
        free = sorted(n for n in names if n in {str(x) for x in other.free_symbols})
        if free:
            return ", ".join(free)
    return ""


#: A negative base in braces before a power: ``{-e}^{-x}``, which displays as ``-e^{-x}``.
_SIGNED_BASE = re.compile(r"\{\s*-\s*([^{}]+?)\s*\}\s*\^")


def _set_to(chain: Chain, values: list) -> sp.Expr | None:
    """The number a chain of names ends with (``r = s = \\frac{1}{2}``), when every expression read so far is a name
    or that number: the chain sets the names to a case the text considers; ``None`` for any other chain."""
    if len(chain.expressions) < 3 or (last := number(chain.expressions[-1].tex)) is None:
        return None
    plain = all(isinstance(v, sp.Symbol) or isinstance(v, sp.Expr) and v == last for v in values)
    return last if plain and any(isinstance(v, sp.Symbol) for v in values) else None


def given_value(left: sp.Basic, right: sp.Basic) -> sp.Symbol | None:
    """The name ``p = 1/2`` (either way round) gives a value, outside any equation being solved: the text
    considers that case ("largest for $p = 1/2$"); it never means ``p`` is 1/2 whatever it is.  So does a name
    given in terms of the data (``lambda = n / sum x_i``, an estimate reached with no equation set)."""
    for side, other in ((left, right), (right, left)):
        if not isinstance(side, sp.Symbol) or not isinstance(other, sp.Expr) or other.has(side):
            continue
        if other.is_number and not other.has(AppliedUndef, sp.Subs, sp.Derivative, sp.Integral, sp.Sum):
            return side
        if other.has(sp.Indexed) and not other.has(AppliedUndef, sp.Derivative, sp.Integral):  # lambda = n/sum x_i
            return side
    return None


def _constant_derivatives(stated: frozenset, *sides: sp.Basic) -> str:
    r"""The first derivative in a variable of an expression that does not contain it but holds a name nothing
    states (``\frac{\partial}{\partial \theta} \sigma(z)`` with ``z`` never given in ``\theta``), written, or
    empty: the text must mean that name to vary, so such a claim is neither proved (0) nor refuted."""
    for side in sides:
        for d in side.atoms(sp.Derivative) if isinstance(side, sp.Basic) else ():
            if _unstated_rate(stated, d):
                return sp.sstr(d)
    return ""


def _unstated_rate(stated: frozenset, d: sp.Derivative) -> bool:
    """``d`` is in a variable its operand does not contain, and the operand holds a name nothing states."""
    inside = {s for s in d.expr.free_symbols if isinstance(s, sp.Symbol)}
    return bool(inside - stated) and any(v not in inside and not isinstance(v, sp.Indexed) for v in d.variables)
