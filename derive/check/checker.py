"""The checker of a document: its declarations and domain, then its statements in order
(:mod:`derive.check.run` builds it; each stage is a mixin of its own module)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import sympy as sp

from derive.check.assume import Bound, bounds_of, is_bound, restrict
from derive.check.bounds import Bounds, written_statement
from derive.check.chains import SUPPOSITION, Chain, chains
from derive.check.statements import Statement
from derive.check.claims import Claims
from derive.check.data import barred_subjects
from derive.check.definitions import Declaration, Declared, declaration, declare, formulas
from derive.check.domains import Domains
from derive.check.errors import CheckError
from derive.check.implied import Implications
from derive.check.judging import Judging
from derive.check.laws import laws
from derive.check.links import Links
from derive.check.proportions import Proportions
from derive.check.reading import Reading, dimension_marks, matrix_names
from derive.check.report import Entry
from derive.check.scope import Scopes, restrictions
from derive.check.shared import Failed, Source
from derive.check.tables import given_tables, giving, table_values
from derive.check.variables import conditioned, speaks_of_variables
from derive.check.verdicts import Verdicts
from derive.core.domain import Domain
from derive.distributions import moments
from derive.errors import DeriveError


def declared_letters(statements: Iterable[Statement]) -> frozenset[sp.Symbol]:
    """Letters the parser would read as constants that the document makes its own variables: ``e`` in
    ``Let $e := 3$``, ``Suppose $e = 2$``, ``$e > 0$`` (every ``e`` of the document is then that variable,
    never Euler's number)."""
    found = set()
    for statement in statements:
        first = statement.pieces[0].tex.strip() if statement.pieces else ""
        if first == "e" and statement.relations and (statement.relations[0] == ":=" or statement.supposed or
                                                     statement.is_order):
            found.add(sp.Symbol("e"))
    return frozenset(found)


def declares_real(statement: Statement) -> bool:
    """``z \\in \\mathbb{R}``: a statement that a symbol is real, which bounds nothing; always an assumption."""
    if statement.relations != ("∈",):
        return False
    try:
        return all(b.low == -sp.oo and b.high == sp.oo for b in bounds_of(statement, ""))
    except CheckError:
        return False


def _used_before(d: Declaration, grouped: list, declaring: set) -> bool:
    """A pmf given by cases (``p(x) = \\begin{cases} ... \\end{cases}``) after math that already applies its name
    or a pmf's usual name (``p(x)``, ``q(x)`` in general statements, then an example): the earlier use stays
    general, so no pmf by cases of that text declares anything (their own definitions, ``declaring``, aside)."""
    names = "|".join(dict.fromkeys((re.escape(d.name), "p", "q")))
    applied = re.compile(rf"(?<![A-Za-z\\])(?:{names})\s*(?:\\left\s*)?\(")
    return any(applied.search(e.tex) for n, _, found in grouped for k, c in enumerate(found)
               if (n, k) < d.key and (n, k) not in declaring for e in c.expressions)


def chain_declaration(key: tuple[int, int], chain: Chain) -> Declaration | None:
    if len(chain.expressions) < 2:
        return None
    return declaration(chain.subject.tex, chain.relations[0], chain.expressions[1].tex, key)


@dataclass
class Checker(Scopes, Bounds, Links, Claims, Implications, Verdicts, Judging, Proportions, Domains, Reading):
    """Walks the document in order: its assumptions, from where each is stated, and its chains, each link on the
    domain known at its statement, keeping what earlier links defined."""

    sources: list[Source]
    texts: list[str]
    bounds: list[Bound]
    units: str
    timeout: float | None
    cache: dict[str, sp.Basic | Failed] = field(default_factory=dict)
    measures: set[sp.Basic] = field(default_factory=set)
    symbols: dict[sp.Symbol, sp.Basic] = field(default_factory=dict)  # what symbols stand for at the current link
    defined: dict[sp.Symbol, sp.Basic] = field(default_factory=dict)  # symbols defined so far (rule 4)
    seen: set[str] = field(default_factory=set)  # names of the symbols of the links checked so far: not new
    functions: dict[object, sp.Lambda] = field(default_factory=dict)  # f -> its definition, f(x) = x^2
    function_lines: dict[object, int] = field(default_factory=dict)  # f -> the line that defined it
    #: f -> the interval of each of its variables where the text defined it (g(x) = ... for any x in I), or None
    function_domains: dict[object, tuple] = field(default_factory=dict)
    written_units: dict[int, str] = field(default_factory=dict)  # rank -> "bits" where a display writes \log_2
    earlier: dict[int, float] = field(default_factory=dict)  # rank -> where to read it: names defined after use
    solving: set[tuple[int, int]] = field(default_factory=set)  # (rank, last sentence) of the equation being solved
    independence: tuple[frozenset[str], ...] = ()  # random variables the prose says are independent
    independence_said: bool = False  # the prose speaks of independence without naming the variables
    stated_moments: dict = field(default_factory=dict)  # X -> (mu, sigma^2): "with mean $\\mu$ and variance ..."
    supports: dict[str, str] = field(default_factory=dict)  # A -> X: the prose says X takes its values in A
    ranges: dict[str, str] = field(default_factory=dict)  # j -> N: a sum without limits runs to N (\sum_{j=1}^N)
    sets: dict[str, str] = field(default_factory=dict)  # I -> (0, 1): a name given an interval, used as a set
    prose_bounds: list[Bound] = field(default_factory=list)  # "Poisson with parameter $\lambda$": 0 < lambda
    wrong: set[int] = field(default_factory=set)  # the positions of the refuted links of the chain being checked
    chain_functions: dict = field(default_factory=dict)  # L -> L(z(w)): the chain's names in Leibniz's way
    headings: tuple[int, ...] = ()  # the lines of the section headings: an equation being solved ends at the next
    prose_declared: list[tuple[str, str]] = field(default_factory=list)  # (name, family) the prose declares
    given: frozenset[str] = frozenset()  # labels of data the text gives values for (x_1 = 1.1: "x")
    sample: tuple[str, tuple[str, ...]] | None = None  # the text's own sample: ("x", ("1.1", "2.2", "3.3"))
    unverified: dict = field(default_factory=dict)  # names defined across an unread step, by the line of it
    doubted: set = field(default_factory=set)  # functions the text restated otherwise, unproved (L of log L = ...)
    base_two: bool = False  # the prose says its logarithms are to base 2: a plain \log is \log_2
    tied: set = field(default_factory=set)  # names a relation ties down that derive did not take (q of p + q = 1)
    table_links: frozenset[tuple[str, str]] = frozenset()  # (left, right) of links that give a pmf in full
    table_values: dict = field(default_factory=dict)  # p[X](0) -> 1/4, H[X] -> ...: what those pmfs fix
    discrete_uniform: bool = False  # the prose says "discrete uniform": \mathcal{U}(a, b) is not derive's Uniform
    context: str = ""  # the text of the chain being read (whose expectations a distribution it names is under)
    point: tuple[str, str] | None = None  # the chain's subject is evaluated there: g'(t=0) = ... is at t = 0
    cases: dict = field(default_factory=dict)  # p -> (1/2, line): a value the text gave a name as a case it considers
    laws: list = field(default_factory=list)  # the laws implications suppose (laws.py), where each is in force
    laws_now: tuple = ()  # the distributions of those in force at the current link
    dists_from: dict[str, tuple[int, str]] = field(default_factory=dict)  # name -> (its section's heading, family)
    section_families: dict[int, frozenset[str]] = field(default_factory=dict)  # heading -> families it names

    def run(self) -> list[Entry]:
        from derive.verify.entropic import INDEPENDENT

        token = INDEPENDENT.set(self.independence)
        try:
            with moments.stated(self.stated_moments):
                return self._run()
        finally:
            INDEPENDENT.reset(token)

    def _declared_from(self, grouped: list, declarations: list[Declaration]) -> dict[str, tuple[int, str]]:
        """For each distribution declared as a family in a text with headings: the line of the heading of the section
        that first declares it, and the family (a law declared under "Poisson" may not be the variable of the
        sections before it)."""
        if not self.headings:
            return {}
        lines = {(n, k): c.subject.line for n, source, found in grouped if not source.defines
                 for k, c in enumerate(found)}
        out: dict[str, tuple[int, str]] = {}
        for d in declarations:
            line = lines.get(d.key, 0)  # in the prose, an option, or the front matter: from the start
            start = self._section_of(line)
            if d.family and d.family != "vector" and start < out.get(d.name, (start + 1, ""))[0]:
                out[d.name] = (start, d.family)
        return out

    def _run(self) -> list[Entry]:
        grouped = [(n, source, chains(source.statements, is_bound, self.headings))
                   for n, source in enumerate(self.sources)]
        self.sentences = {s.pieces[0].rank: s.sentence for source in self.sources for s in source.statements
                          if s.pieces}
        self.laws = laws([c for _, _, found in grouped for c in found], self.texts, self._sentence_of)
        self.barred = barred_subjects(c.subject.tex for _, _, found in grouped for c in found)  # \bar{x} = ...
        self._declare(grouped, self._declarations(grouped))
        self._notation(grouped)
        self.base = self.domain = self._domain()
        self._start()
        out: list[Entry] = []
        for n, source, found in grouped:
            out.extend(self._source_entries(n, source, found))
        return out

    def _declarations(self, grouped: list[tuple[int, Source, list[Chain]]]) -> list[Declaration]:
        """What the chains and the prose declare: not a law an implication supposes, not a name given a set, no pmf
        by cases when the text applied one before (an example), no law of a variable the text conditions on."""
        supposing = {law.rank for law in self.laws}
        declarations = [d for n, source, found in grouped for k, c in enumerate(found)
                        if c.kind in ("equality", SUPPOSITION) and not (c.relations == ("~",) and c.subject.rank in
                                                                         supposing)  # a law supposed, not declared
                        and (d := chain_declaration((n, k), c)) is not None]
        declarations = formulas([d for d in declarations if d.name not in self.sets])  # I = (0, 1), x \in I: a set
        by_cases = [d for d in declarations if d.family == "cases"]
        if any(_used_before(d, grouped, {c.key for c in by_cases}) for d in by_cases):  # an example: all stay general
            declarations = [d for d in declarations if d not in by_cases]
        declarations = [d for d in declarations if not (d.by_value and conditioned(d.name.lower(), self.texts))]
        written = {d.name for d in declarations}  # in math; the prose ("$Q$ is Poisson($\\lambda$)") adds the others
        declarations += [d for k, (name, family) in enumerate(self.prose_declared) if name not in written
                         and (d := declaration(name, "~" if name.isupper() else "=", family, ("prose", k))) is not None]
        return declarations

    def _declare(self, grouped: list[tuple[int, Source, list[Chain]]], declarations: list[Declaration]) -> None:
        """The distributions declared, each with the section that first declares it; a discrete uniform one is a
        problem, not a law."""
        discrete = [d for d in declarations if d.family == "uniform" and self.discrete_uniform]
        declarations = [d for d in declarations if d not in discrete]
        self.declared: Declared = declare(declarations, self.texts)
        for d in discrete:  # "a discrete uniform distribution": not derive's Uniform, which is continuous
            self.declared.problems[d.key] = f"{d.name} has a discrete uniform distribution, the text says; derive's " \
                                            "Uniform is continuous, so its claims are not checked"
        self.declarations = {d.key: d for d in declarations}
        self.described = {text.split(" is ", 1)[0]: text for text in self.declared.made.values()}
        self.dists = self.declared.distributions
        self.dists_from = self._declared_from(grouped, declarations)

    def _notation(self, grouped: list[tuple[int, Source, list[Chain]]]) -> None:
        """How the document writes: pmfs of variables, its own letters, T as a number, matrices and their
        dimensions, and pmfs given in full by tables."""
        self.masses = not self.dists and speaks_of_variables(self.texts)  # p(x) is the pmf of X (variables.py)
        self.letters = declared_letters(s for source in self.sources for s in source.statements)
        from derive.parse.transposes import uses_t

        self.t_number = any(uses_t(text) for text in self.texts)  # N - T: ^T is a power, never a transpose
        self.matrices = matrix_names(self.texts)  # X = \begin{bmatrix} ...: formulas with X are not checked
        self.all_matrices = self.matrices
        said = ((s.pieces[0].rank, written_statement(s).replace("∈", r"\in"))  # as in the text: \in
                for source in self.sources for s in source.statements if s.pieces)
        self.dimensions = dimension_marks(said, self.matrices)
        if self.masses:  # P(X=0) = 1/4, P(X=1) = 3/4: a pmf given in full (tables.py)
            firsts = [(c.expressions[0].tex.strip(), c.expressions[1].tex.strip()) for _, _, found in grouped
                      for c in found if c.kind == "equality" and c.relations[:1] == ("=",)]
            tables = given_tables(firsts)
            self.table_links, self.table_values = giving(firsts, tables), table_values(tables)

    def _start(self) -> None:
        """The state of the walk through the document, before its first statement."""
        self.outcome_domains: dict[tuple, object] = {}
        self.steps: list[tuple[int, object]] = []  # (rank, the domain from just after that statement on)
        self.conditions: list[tuple[int, int, tuple[Bound, ...]]] = []  # (rank, sentence, bounds) of local ones
        self.members: list[tuple[int, sp.Symbol, sp.Symbol]] = []  # (rank, j, the index j stands for)
        self.supposed: list[tuple[int, int, sp.Basic, sp.Basic]] = []  # (rank, sentence, x, its supposed value)
        self.distinct: list[tuple[int, int, sp.Symbol, sp.Symbol]] = []  # (rank, sentence, i, k) of "If i != k"
        self.distinct_now: list[tuple[sp.Symbol, sp.Symbol]] = []
        self.equations: list[tuple[int, int, sp.Equality]] = []  # (rank, sentence, a supposed a = b, no x = value)
        self.hypotheses: tuple[sp.Equality, ...] = ()  # those that hold at the current link
        self.lines = {s.pieces[0].rank: s.pieces[0].line for source in self.sources for s in source.statements
                      if s.pieces and not source.defines}
        self.supposing = {s.pieces[0].rank for source in self.sources for s in source.statements
                          if s.pieces and s.supposed and s.supposed != "or"}
        self.local_domains: dict[tuple, object] = {}
        self.restricted, self.back = restrictions([s for source in self.sources if not source.defines
                                                   for s in source.statements])

    def _source_entries(self, n: int, source: Source, found: list[Chain]) -> list[Entry]:
        """The entries of one source: its assumptions, then its bounds and chains in the order of the text."""
        entries: list[tuple[int, Entry]] = []
        assumed = [s for s in source.statements
                   if s.problem or (is_bound(s) and (s.supposed or declares_real(s)))]
        for statement in assumed:
            entries.append((statement.pieces[0].rank, self._assume(source.origin, statement)))
        items = [(c.subject.rank if source.defines else self.earlier.get(c.subject.rank, c.subject.rank),
                  k, c) for k, c in enumerate(found)]
        taken = {id(s) for s in assumed}
        items += [(s.pieces[0].rank, -1, s) for s in source.statements if is_bound(s) and id(s) not in taken]
        for rank, k, item in sorted(items, key=lambda i: (i[0], i[1])):
            if isinstance(item, Statement):
                self._at(rank)
                entries.append((rank, self._restrained(self._bound_claim(source.origin, item), rank)))
            else:
                entries.extend(self._chain(source, (n, k), item))
        ordered = entries if source.defines else sorted(entries, key=lambda e: (e[1].line, e[0]))
        return [entry for _, entry in ordered]

    def _domain(self):
        try:
            domain = Domain().merge(*(d.domain for d in self.dists))
            stated = restrict(domain, self.bounds)
        except DeriveError as exc:
            raise CheckError(f"contradictory assumptions: {exc}") from None
        try:  # what the prose says of a family's parameters, unless it contradicts what is stated
            return restrict(stated, self.prose_bounds) if self.prose_bounds else stated
        except DeriveError:
            return stated
