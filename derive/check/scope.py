"""Where each assumption, supposition and equation being solved applies: the domain and the meanings of
the symbols at one statement."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import sympy as sp

from derive.check.assume import restrict
from derive.check.chains import Link
from derive.check.statements import Statement
from derive.check.reading import matrices_at
from derive.check.report import CLAIM, IMPLICATION, REFUTED, UNKNOWN, Entry
from derive.check.shared import put_values
from derive.errors import DeriveError


_FOREVER = 1 << 30  # the last sentence of a hypothesis that holds to the end (until replaced)


@dataclass
class Restriction:
    """The condition the prose puts after a claim (:attr:`Statement.restricted`): the ranks of its statements not
    applied yet, and of those applied as conditions of the claim (words apply none)."""

    condition: str
    pending: set[int]
    applied: set[int]

    @property
    def in_force(self) -> bool:
        """Every part of the condition is applied to the claim: a refutation under it stands."""
        return bool(self.applied) and not self.pending


def restrictions(statements: Sequence[Statement]) -> tuple[dict[int, Restriction], dict[int, int]]:
    """By rank, the restriction of each restricted statement; and by rank of each trailing condition, the first
    claim it restricts (it applies from there)."""
    out: dict[int, Restriction] = {}
    back: dict[int, int] = {}
    claims: list[int] = []
    for statement in statements:
        rank = statement.pieces[0].rank if statement.pieces else 0
        if statement.trailing and claims:
            back[rank] = claims[0]
            for claim in claims:
                out[claim].pending.add(rank)
        elif statement.restricted:
            claims = claims if claims and claims[-1] == rank - 1 else []
            claims.append(rank)
            out[rank] = Restriction(statement.restricted, set(), set())
        elif not statement.trailing:
            claims = []
    return out, back


class Scopes:
    """Where each assumption applies, mixed into :class:`~derive.check.checker.Checker`."""

    # -- where each assumption applies -----------------------------------------------------
    def _at(self, rank: int) -> None:
        """Set the domain and the symbols' meanings to those known at the statement ranked ``rank``."""
        self.domain = self._domain_at(rank)
        members = {j: index for r, j, index in self.members if r < rank}
        sentence = self._sentence_of(rank)
        supposed = {x: value for r, last, x, value in self.supposed if r < rank and sentence <= last}
        defined = {k: put_values(v, supposed) for k, v in self.defined.items()} if supposed else self.defined
        self.symbols = {**members, **supposed, **defined} if members or supposed else self.defined
        self.hypotheses = tuple(put_values(e, self.symbols) for r, last, e in self.equations
                                if r < rank and sentence <= last)
        self.supposed_now = supposed
        self.distinct_now = [(a, b) for r, last, a, b in self.distinct if r < rank and sentence <= last]
        self.plain = {**members, **self.defined} if members else self.defined  # without what is supposed
        self.matrices = matrices_at(self.all_matrices, self.dimensions, rank) if self.dimensions else self.all_matrices
        self.laws_now = tuple(law.distribution for law in self.laws if law.rank <= rank and sentence <= law.last)
        if self.laws_now:  # x \sim \mathrm{Gam}(a, b) \Rightarrow ...: its parameters are in their domain
            try:
                self.domain = self.domain.merge(*(d.domain for d in self.laws_now))
            except DeriveError:
                self.laws_now = ()

    def _restrained(self, entry: Entry, rank: int) -> Entry:
        """A refuted claim that the text restricts by a condition not applied, or that names a distribution only a
        later section declares (a section on the Bernoulli's mean before one that declares X Poisson): unknown,
        never refuted."""
        if entry.status == REFUTED and (later := self._declared_later(entry, rank)):
            return replace(entry, status=UNKNOWN, counterexample=(),
                           reason=f"false with {later} as the section at line {self.dists_from[later][0]} declares "
                                  "it, later in the text: this section, which names another family, may mean another")
        restriction = self.restricted.get(rank)
        if entry.status != REFUTED or entry.kind not in (CLAIM, IMPLICATION) or restriction is None or \
                restriction.in_force:
            return entry
        where = ", ".join(f"{k}={v}" for k, v in entry.counterexample)
        said = f" ({where})" if where else ""
        return replace(entry, status=UNKNOWN, counterexample=(),
                       reason=f"false on the domain as stated{said}, but the text restricts it "
                              f"(\"{restriction.condition}\") in a way derive does not apply")

    def _declared_later(self, entry: Entry, rank: int) -> str | None:
        """The name of a distribution ``entry`` writes that a section after ``rank``'s declares as a family, when
        ``rank``'s section names another family (its own variable by the same name)."""
        line = self.lines.get(rank)
        if not self.dists_from or line is None:
            return None
        named = self.section_families.get(self._section_of(line), frozenset())
        written = f"{entry.lhs} {entry.rhs}"
        return next((name for name, (start, family) in self.dists_from.items()
                     if start > line and named - {family} and
                     re.search(rf"(?<![A-Za-z\\]){name}(?![A-Za-z])", written)), None)

    def _section_of(self, line: int) -> int:
        """The line of the heading of the section ``line`` is in (0 before the first)."""
        return max((h for h in self.headings if h <= line), default=0)

    def _applied(self, rank: int) -> None:
        """The trailing condition at ``rank`` is applied: the claims it restricts are checked under it."""
        for restriction in self.restricted.values():
            if rank in restriction.pending:
                restriction.pending.discard(rank)
                restriction.applied.add(rank)

    def _sentence_of(self, rank: int) -> int:
        """The sentence of the statement at or just before ``rank``."""
        starts = [r for r in self.sentences if r <= rank]
        return self.sentences[max(starts)] if starts else 0

    def _suppose(self, link: Link, left: sp.Basic, right: sp.Basic) -> str:
        """A supposed equation ``x = value`` (a symbol or one entry ``q_j``): the rest of its sentence and the
        sentence of the next statement that is not supposed too are checked with ``x`` replaced by ``value``.
        The note to report."""
        if not isinstance(left, sp.Expr) or not isinstance(right, sp.Expr):
            return ""
        rank = link.lhs.rank
        last = self._scope(rank)
        written = f"{link.lhs.tex.strip()} = {link.rhs.tex.strip()}"
        if not isinstance(left, (sp.Symbol, sp.Indexed)) or right.has(left):
            self.equations.append((rank, last, sp.Eq(put_values(left, self.symbols), put_values(right, self.symbols),
                                                     evaluate=False)))
            return "; the rest of this sentence and the next statement's are checked as its consequences"
        self.supposed.append((rank, last, left, put_values(right, self.symbols)))
        return f"; the rest of this sentence and the next statement's are checked with {written}"

    def _scope(self, rank: int) -> int:
        """The last sentence a supposition at ``rank`` holds in: its own, and the next statement's."""
        after = [r for r in self.sentences if r > rank and r not in self.supposing]  # past "and y = 3"
        return self.sentences[min(after)] if after else self._sentence_of(rank)

    def _set(self, link: Link, left: sp.Basic, right: sp.Basic) -> None:
        """An equation set to be solved holds from here to the next one set (solving one equation at a time), or
        with the others set in the same sentence (a system: "differentiating gives two equations")."""
        rank, sentence = link.lhs.rank, self._sentence_of(link.lhs.rank)
        together = {(r, last) for r, last in self.solving if self._sentence_of(r) == sentence}  # a system set at once
        self.equations = [(r, min(last, sentence - 1) if (r, last) in self.solving - together else last, e)
                          for r, last, e in self.equations]
        last = self._section_end(link.line)
        self.solving = together | {(rank, last)}
        if isinstance(left, sp.Expr) and isinstance(right, sp.Expr):
            self.equations.append((rank, last, sp.Eq(put_values(left, self.symbols), put_values(right, self.symbols),
                                                     evaluate=False)))

    def _section_end(self, line: int) -> int:
        """The last sentence of the section of ``line`` (an answer after a question solves its own equations)."""
        after = [h for h in self.headings if h > line]
        if not after:
            return _FOREVER
        later = [self.sentences[r] for r, at in self.lines.items() if at > min(after) and r in self.sentences]
        return min(later) - 1 if later else _FOREVER

    def _solution(self, left: sp.Basic, right: sp.Basic):
        r"""``\hat p = \frac{k}{n}`` while solving for ``p``: the verdict on ``p = k/n`` given the equation set, or
        ``None`` when ``left`` names no estimate of an unknown of that equation."""
        if not self.hypotheses or not isinstance(left, sp.Symbol) or not isinstance(right, sp.Expr):
            return None
        unknowns = {x.name: x for e in self.hypotheses for x in e.free_symbols if isinstance(x, sp.Symbol)}
        name = re.sub(r"_\{?(?:MLE|ML|mle|ml|opt)\}?$", "", left.name)  # \hat\theta_{\text{MLE}}, \mu_{ML}
        candidates = (name[:-3] if name.endswith("hat") else "", name[:-4] if name.endswith("star") else "",
                      name if name != left.name else "")
        base = next((unknowns[c] for c in candidates if c in unknowns), None)
        return None if base is None else self._verdict(base, right)

    def _global_at(self, rank: int):
        """The base domain, cut by every standing assumption stated before ``rank``."""
        domain = self.base
        for step_rank, step in self.steps:
            if step_rank >= rank:
                break
            domain = step
        return domain

    def _domain_at(self, rank: int):
        """The domain known at ``rank``: standing assumptions before it, and conditions before it in its sentence."""
        domain = self._global_at(rank)
        sentence = self.sentences.get(rank)
        local = tuple(b for r, s, bounds in self.conditions if r < rank and s == sentence for b in bounds)
        if not local:
            return domain
        key = (domain, local)
        if key not in self.local_domains:
            self.local_domains[key] = restrict(domain, local)
        return self.local_domains[key]
