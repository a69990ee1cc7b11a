"""Claims judged: each link against the expression before it, on the domain known at its statement, with the
text's hypotheses, its data and its sample; then from the anchor, the last expression not refuted, when the one
before it is wrong or unread.  A refutation the text's own conventions explain (logarithms in bits, a minus in
braces, a case it considers, a divergence at a given value) is no refutation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import sympy as sp
from sympy.core.function import AppliedUndef

from derive.check.chains import Chain, Link
from derive.check.statements import EQUALITIES, INEQUALITIES
from derive.check.reading import ELIDED_STEPS
from derive.check.report import CLAIM, NOT_PARSED, PROVED, REFUTED, SKIPPED, UNKNOWN, Entry, point
from derive.check.rounding import ROUNDED_INSIDE, rounded_entry, rounding_of, within_rounding
from derive.check.shared import Failed, link_entry, put_values, relation_reason
from derive.check.tables import number, with_tables
from derive.check.verdicts import DIFFERENTIATED, IN_CASE
from derive.core import Status, Verdict
from derive.distributions.measures import Measure
from derive.distributions.semantics import denote
from derive.parse.tokens import bare_name

#: A link's entry, and whether its right side stays on the chain's track (it is not refuted).
Judgement = tuple[Entry, bool]
#: The anchor a link is also judged from: its index in the chain, the relation the links between compose into,
#: and the verdict on the link's right side against it.
Back = tuple[int, str, Verdict]


def compose(relations: Sequence[str]) -> str | None:
    """The relation between the ends of links with ``relations``: ``=``, or one direction of inequality, or None."""
    found = {r for r in relations if r not in EQUALITIES}
    if not found:
        return "="
    for weak, strict in (("<=", "<"), (">=", ">")):
        if found <= {weak, strict}:
            return strict if strict in found else weak
    return None


class Claims:
    """Claims, mixed into :class:`~derive.check.checker.Checker`."""

    def _claim(self, origin: str, link: Link, chain: Chain, values: list, anchor: int | None) -> Judgement:
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
        if link.relation in INEQUALITIES and (isinstance(left, Failed) or isinstance(right, Failed)):
            failed = left if isinstance(left, Failed) else right
            return link_entry(origin, link, CLAIM, SKIPPED,
                              f"{relation_reason(link.relation)} is not checked: {failed.reason}"), False
        own = None if isinstance(left, Failed) else self._own_verdict(link, chain, values)
        shown = self._as_displayed(link, chain, values)
        if shown is not None and (decided := self._by_display(origin, link, chain, values, shown)) is not None:
            return decided
        if shown is not None and own is not None and own.proved:
            own = shown
        if own is not None and \
                (decided := self._proved_or_restated(origin, link, chain, values, own, shown)) is not None:
            return decided
        if own is not None and own.status.value == REFUTED and k in chain.restated:
            own = shown  # refuted too: the display claims subject R right side, not that the one before ends in it
        if own is not None and (natural := self._natural_doubt(link, left, right, own)) is not None:
            return link_entry(origin, link, CLAIM, UNKNOWN, natural), True
        back = None
        if anchor is not None and anchor != k - 1 and (composed := compose(chain.relations[anchor:k])) is not None:
            back = (anchor, composed, self._verdict(values[anchor], right, composed))
        if (decided := self._from_anchor(origin, link, chain, left, own, back)) is not None:
            return decided
        if own is not None and own.status.value == REFUTED and \
                (decided := self._rounded_claim(origin, link, chain, values)) is not None:
            return decided
        index, relation, verdict = (k - 1, link.relation, own) if own is not None else back
        if shown is not None and verdict is shown:
            index = 0
        return self._judgement(origin, link, chain, values, (index, relation, verdict))

    def _own_verdict(self, link: Link, chain: Chain, values: list) -> Verdict:
        """The verdict on the link against the expression before it; where that refutes it, a value the text gives
        a name (``p = 55/100``), or names it sets to one number (``r = s = 1/2``), is a case it considers: noted in
        :attr:`cases`, not checked."""
        k = link.position
        left, right = values[k - 1], values[k]
        own = self._verdict(left, right, link.relation)
        if own.status.value == REFUTED and (k == 1 or len(chain.expressions) == 2) and \
                (named := given_value(left, right)) is not None and \
                not any(h.has(named) for h in self.hypotheses):  # p = 55/100 = 0.55, no equation set in p
            value = right if left == named else left
            if isinstance(value, sp.Expr) and value.is_number:
                self.cases[named] = (value, link.line)
            own = Verdict(Status.UNKNOWN, f"a value of {sp.latex(named)} (a case the text considers, or an estimate "
                                          "from the data), not an identity in it: not checked")
        if own.status.value == REFUTED and (last := _set_to(chain, values[:k + 1])) is not None \
                and not any(h.has(v) for h in self.hypotheses for v in values[:k + 1]):  # r = s = 1/2: a case
            names = [v for v in values[:k + 1] if isinstance(v, sp.Symbol)]
            self.cases.update({name: (last, link.line) for name in names})
            own = Verdict(Status.UNKNOWN, f"values of {', '.join(sp.latex(n) for n in names)} (a case the text "
                                          "considers), not an identity in them: not checked")
        return own

    def _by_display(self, origin: str, link: Link, chain: Chain, values: list, shown: Verdict) -> Judgement | None:
        """The judgement of a display that writes its chain's subject again, by what it claims (subject R right
        side, ``shown``): proved, or refuted by its rounding (``D = 0.031163`` after ``D = 0.155675 - 0.124511``);
        ``None`` otherwise."""
        if shown.proved:
            return link_entry(origin, link, CLAIM, PROVED, ""), True
        if shown.status.value == REFUTED and (rounded := self._subject_rounding(link, chain, values)) and \
                rounded[0] is not False:
            return self._rounded(origin, link, chain, rounded)
        return None

    def _proved_or_restated(self, origin: str, link: Link, chain: Chain, values: list, own: Verdict,
                            shown: Verdict | None) -> Judgement | None:
        """The judgement of a link proved against the expression before it (only explained when that writes the
        chain's subject again, unread), or of one refuted that restates the subject, which ``shown`` did not
        refute; ``None`` otherwise."""
        k = link.position
        if own.proved and k in chain.restated and isinstance(values[0], Failed) and \
                re.search(r"[A-Za-z0-9]", chain.expressions[0].tex):  # \sum', not the stray \ of a \\\ row end
            return link_entry(origin, link, CLAIM, UNKNOWN, f"agrees with line {chain.expressions[k - 1].line}, which "
                              "writes the same subject, unread there: proved only if that line is right"), True
        if own.proved:
            return link_entry(origin, link, CLAIM, PROVED, ""), True
        if k in chain.restated and own.status.value == REFUTED and (shown is None or shown.status.value != REFUTED):
            # the display claims subject R right side, not that the display before it ends in its right side
            why = shown.reason if shown is not None else "its subject could not be read"
            return link_entry(origin, link, CLAIM, UNKNOWN, f"restates the subject of line "
                              f"{chain.expressions[0].line}: {why}"), True
        return None

    def _natural_doubt(self, link: Link, left: sp.Basic, right: sp.Basic, own: Verdict) -> str | None:
        """Why an equation not refuted is not proved either: it holds only on the natural domain, where no symbol
        is positive unless something says so (a derivative taken as 0 there proves nothing); ``None`` otherwise."""
        if link.relation in INEQUALITIES or own.status.value == REFUTED or DIFFERENTIATED in own.reason:
            return None
        return self._on_natural_domain(left, right)

    def _from_anchor(self, origin: str, link: Link, chain: Chain, left: object, own: Verdict | None,
                     back: Back | None) -> Judgement | None:
        """The judgement of a link by the anchor (``back``), where the expression before it is elided, wrong or
        unread (``own`` is then its verdict, or ``None``); ``None`` where the link's own verdict decides."""
        if back is not None and own is None and left.reason == ELIDED_STEPS:  # a = ... = b: a R b, across them
            return _across_elided(origin, link, chain, back)
        if back is not None and back[2].proved:
            return _agreeing(origin, link, chain, left, own, back)
        if own is None and back is None:
            return link_entry(origin, link, CLAIM, NOT_PARSED, "the expression before it could not be read"), False
        if own is None and back[2].status.value == REFUTED and self.wrong & set(range(back[0] + 1, link.position)):
            return link_entry(origin, link, CLAIM, left.status, f"{left.reason}; this side disagrees with line "
                              f"{chain.expressions[back[0]].line}, but a link between was already wrong"), False
        return None

    def _rounded_claim(self, origin: str, link: Link, chain: Chain, values: list) -> Judgement | None:
        """The judgement of a refuted link whose sides are numbers rounded to the digits shown; ``None`` if not."""
        if (rounded := self._rounding(values, link)) is not None:
            return self._rounded(origin, link, chain, rounded)
        if link.relation in EQUALITIES and within_rounding((chain.expressions[link.position - 1].tex, link.rhs.tex),
                                                           lambda t: self._tabled(self._parse(t))):
            return link_entry(origin, link, CLAIM, PROVED, ROUNDED_INSIDE), True
        return None

    def _judgement(self, origin: str, link: Link, chain: Chain, values: list,
                   chosen: tuple[int, str, Verdict]) -> Judgement:
        """The entry of a link neither proved nor explained: the ``chosen`` verdict (against the expression at
        that index, by that relation), refuted unless a convention of the text explains it, else unknown."""
        index, relation, verdict = chosen
        k = link.position
        left, right = values[k - 1], values[k]
        lhs = chain.expressions[index].tex
        if verdict.status.value == REFUTED and index == k - 1 and \
                (doubt := self._refutation_doubt(link, chain, left, right)):
            return link_entry(origin, link, CLAIM, UNKNOWN, doubt), True
        if verdict.status.value == REFUTED:
            reason = sides_at(verdict.reason) if relation in EQUALITIES and verdict.counterexample and \
                not verdict.reason.startswith(IN_CASE) else verdict.reason
            return Entry(origin, link.line, CLAIM, REFUTED, lhs, link.rhs.tex, reason,
                         point(verdict.counterexample), relation=relation), False
        reason = self._why_unknown(verdict, values[index], right) if relation in EQUALITIES and \
            DIFFERENTIATED not in verdict.reason else verdict.reason
        return Entry(origin, link.line, CLAIM, UNKNOWN, lhs, link.rhs.tex, reason, relation=relation), True

    def _refutation_doubt(self, link: Link, chain: Chain, left: object, right: object) -> str:
        """Why a link refuted against the expression before it is not refuted: it holds with the text's
        logarithms in bits, with a braced minus outside its power, with a divergence at a given value, or in the
        case the text gave its names; empty if none of these."""
        if self._holds_in_bits(link, chain):
            return IN_BITS
        if self._holds_with_sign_outside(link, chain):
            return SIGN_OUTSIDE
        if given := _pointwise_elsewhere((chain.expressions[link.position - 1].tex, link.rhs.tex), (left, right)):
            return CONDITIONAL_DIVERGENCE.format(given)
        return self._holds_in_case(left, right)

    def _inequation(self, origin: str, link: Link, values: list) -> Judgement:
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

    def _rounded(self, origin: str, link: Link, chain: Chain, rounded: tuple[bool, int]) -> Judgement:
        """The verdict on a link whose side is a rounded number: refuted by its rounding unless it holds in bits."""
        if not rounded[0] and self._holds_in_bits(link, chain):
            return link_entry(origin, link, CLAIM, UNKNOWN, IN_BITS), True
        return rounded_entry(origin, link, rounded)

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


_VALUES = re.compile(r"(\S+) != (\S+)( \(not a real number\))? at ")


def sides_at(reason: str) -> str:
    """The two sides' values from the verifier's ``x != y at p = 1/3``, as ``the sides are x and y`` (the point
    is printed apart); empty when the reason gives no values."""
    found = _VALUES.match(reason)
    if found is None:
        return ""
    return f"the sides are {found.group(1)} and {found.group(2)}" + (" (not a real number)" if found.group(3) else "")


def _across_elided(origin: str, link: Link, chain: Chain, back: Back) -> Judgement:
    """The judgement of ``a = ... = b``: ``a R b`` across the steps left out, as the anchor's verdict says."""
    anchor, relation, verdict = back
    status = {Status.PROVED: PROVED, Status.REFUTED: REFUTED}.get(verdict.status, UNKNOWN)
    return Entry(origin, link.line, CLAIM, status, chain.expressions[anchor].tex, link.rhs.tex,
                 "" if status == PROVED else verdict.reason, point(verdict.counterexample),
                 relation=relation), status != REFUTED


def _agreeing(origin: str, link: Link, chain: Chain, left: object, own: Verdict | None, back: Back) -> Judgement:
    """The judgement of a link whose right side agrees with the anchor, the expression before it being wrong or
    unread (``own`` its verdict, or ``None``): explained, never proved; refuted if false as written."""
    where = f"agrees with line {chain.expressions[back[0]].line}, before the error"
    if own is None:
        return link_entry(origin, link, CLAIM, left.status, f"{left.reason}; this side {where}"), True
    if own.status.value == REFUTED:  # false as written, though it goes back to the text's right track
        return Entry(origin, link.line, CLAIM, REFUTED, link.lhs.tex, link.rhs.tex,
                     f"{own.reason}; the expression before it is wrong, and this side {where}",
                     point(own.counterexample), relation=link.relation), True
    return link_entry(origin, link, CLAIM, UNKNOWN,
                      f"not proved against the expression before it, which is wrong; this side {where}"), True


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
