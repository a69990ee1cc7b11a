"""A claim's verdict: its sides with what their names stand for put in, judged case by case (indices, chained
functions, derivatives in names nothing states), then qualified by what the text leaves open or has written
otherwise since."""

from __future__ import annotations

import re
from typing import NamedTuple

import sympy as sp
from sympy.core.function import AppliedUndef

from derive.check import indices, leibniz
from derive.check.statements import EQUALITIES
from derive.check.data import sample_means, unvaried
from derive.check.entries import families_of, family_entries, members_of
from derive.check.report import REFUTED, UNKNOWN
from derive.check.shared import arguments_placed, put_values, squared
from derive.check.tables import with_tables
from derive.core import Status, Verdict
from derive.core.domain import Domain
from derive.distributions import randomvars
from derive.errors import DeriveError

#: How a verdict says a derivative is in a variable its operand does not contain (never a proof of 0).
DIFFERENTIATED = "is differentiated in a variable it does not contain"
#: How a refutation in one case of two indices says which (:meth:`Verdicts._index_cases`).
IN_CASE = "in the case "
#: How :func:`~derive.check.data.one_sided` says a relation names something it does not place.
_OPEN_NAME = "not for every value of"


class _Judged(NamedTuple):
    """A verdict, the domain it was reached on, and whether it is final (on derivatives in variables their
    operands do not contain: no other reading applies)."""

    verdict: Verdict
    domain: object
    final: bool = False


class Verdicts:
    """The verdict on a claim's two sides, mixed into :class:`~derive.check.checker.Checker`."""

    def _verdict(self, left: sp.Basic, right: sp.Basic, relation: str = "="):
        """The verdict on ``left R right`` as the text means it, each side with what its names stand for put in."""
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
        self._note_doubts(verdict, left, right, relation, used, domain)
        return self._qualified(verdict, left, right, relation, used, doubted)

    def _note_doubts(self, verdict: Verdict, left: sp.Basic, right: sp.Basic, relation: str, used: set,
                     domain) -> None:
        """Note what an unproved equation leaves in doubt from here on: a function or a name it writes again
        (which one does the text mean?), a name it ties to others without saying what it is."""
        if verdict.status.value == UNKNOWN and relation in EQUALITIES and isinstance(left, (AppliedUndef, sp.log)):
            restated = {f.func for f in left.atoms(AppliedUndef)
                        if all(isinstance(x, sp.Symbol) or squared(x) for x in f.args)}
            self.doubted.update(used & restated)  # log L(mu, s) = ... + C, unproved: which L is meant from here on?
        if verdict.status.value == UNKNOWN and relation in EQUALITIES and left in self.defined:
            self.doubted.add(left)  # S = ..., unproved: the text may mean S otherwise from here on
        if verdict.status.value == UNKNOWN and verdict.reason.startswith(_OPEN_NAME) and relation in EQUALITIES:
            self.tied.update(s for s in (left, right) if isinstance(s, sp.Symbol) and s not in domain.symbol_set
                             and s not in self.defined)  # q = 1 - p left open: q is tied down, what it is is said

    def _qualified(self, verdict: Verdict, left: sp.Basic, right: sp.Basic, relation: str, used: set,
                   doubted: set) -> Verdict:
        """``verdict`` made unknown where it rests on something the text left open: a name tied to others, a step
        derive could not read, independence said of no variables in particular, a name written otherwise since
        (``doubted``)."""
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
            return _Judged(Verdict(Status.UNKNOWN, f"{still} {DIFFERENTIATED} as written: the text must mean it as "
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
            return Verdict(Status.REFUTED, f"{IN_CASE}{case}" + (f": {v.reason}" if v.reason else ""),
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
