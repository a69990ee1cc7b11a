r"""``derive check``: every chain of equalities in a document, each link checked by derive's verifier.

**Definitions and claims.**  The first link of a chain (its subject on the
left) is a *definition* when

1. its left side is the probability of one outcome, ``P(H)``, ``Q(T)``,
   ``P(x_i)``, ``P(i)`` (one capital letter but ``H`` and ``E``): it declares
   the distribution (:mod:`derive.check.definitions`); the probability that
   sets a distribution is taken, any other one (``P(T) = 1 - p``) is checked;
2. its left side is such a letter and its right side a family or a vector of
   probabilities, ``P = \mathcal{N}(\mu_1, \sigma_1^2)``, ``Q \sim
   \mathrm{Bernoulli}(q)``, ``P = (p_1, \ldots, p_k)``: it declares the distribution;
3. its left side is a measure, ``H(P)``, ``H(P, Q)``, ``KL(P \| Q)`` (any
   notation the parser reads), not defined earlier in the document, and its
   right side has no measure in it or the link is written ``:=``
   (``\coloneqq``, ``\triangleq``, ``\stackrel{\text{def}}{=}``): it states
   derive's own definition and is **checked** against it, so a wrong
   definition (a cross-entropy without its minus sign) is refuted;
4. its left side is one symbol that no distribution, assumption or earlier
   definition gives a meaning (``L = -\sum_{i=1}^{k} p_i \log q_i``), or the
   link is written ``:=``: the symbol stands for its right side in every later link.
   A symbol set to a number (``p = 1/2``) is a definition only after "Let",
   "Set", "Given" or with ``:=``; written bare, it is a claim about the symbol.
   After "Suppose" (or "Assume", "If"), ``x = value`` is supposed: the rest of
   that sentence and the sentence of the next statement are checked with ``x``
   replaced by its value.

Every other link is a *claim*, and is checked: an equality by
:func:`derive.verify.check_equal`, an inequality (``<``, ``\le``, ``>``,
``\ge``) by :func:`derive.verify.check_relation`; ``\neq``,
``\approx``, ``\propto`` and ``\sim``, and prose (``\text{...}`` outside an
underbrace's label), are skipped, and so is an inequality with a side that
cannot be read.  A symbol that an earlier link used is not new: ``x = 2``
after ``x^2 - 4 = 0`` is a claim.

**Assumptions and bounds.**  A bound, a relation between numbers and symbols
only (``0 < p < 1``, ``x \in [0, 1]``, ``n \ge 1``), is an *assumption* only
when the prose makes it a hypothesis ("where", "with", "for", "Let",
"Assume", "If", ...: :mod:`derive.check.prose`), or when it comes from the
front matter or ``--assume``; ``z \in \mathbb{R}`` (which bounds nothing) is
always one.  An assumption applies from its statement on (a condition after
"if", "for", "when", ...: to the end of its sentence); the front matter's and
``--assume`` everywhere.  Assumptions that no value satisfies are a
:class:`~derive.check.errors.CheckError`.  Any other bound is a *claim*,
checked on the domain known where it stands: a symbol with an interval (or
none: it ranges over the reals) exactly, by inclusion of intervals, closed
ends included (``0 < a < 1`` with nothing bounding ``a`` is refuted at
``a = 0``); any other by :func:`derive.verify.check_relation`.  Bounds
joined by "or" are skipped.

**Suppositions and implications** (:mod:`derive.check.chains`).  A statement
introduced by "Suppose", "If", "Let", ... is *supposed*: reported, never
checked (after "Let", "Set" or "Given" it may still be a definition by rules
1 to 4; after the others only rules 1 and 2 apply).  A link ``\iff``,
``\implies`` (``\impliedby``) between two propositions, equations or
``cases`` systems, is checked by :func:`derive.verify.check_relation`
(kind ``implication``).  A claim followed by ``\text{if}`` and a condition
is skipped.

The variable of a declared family (``k`` of ``P = \mathrm{Poisson}(\lambda)``)
lies in its support wherever a link uses it, so ``P(k) = \frac{\lambda^k
e^{-\lambda}}{k!}`` is compared at the outcomes ``k = 0, 1, 2, ...`` only.

**Checking a chain.**  Each link compares its right side with the
expression before it, and is proved only so.  When that expression was itself
refuted (or could not be read), a link that is not proved is compared once
more with the last expression that was not refuted: agreeing with it makes
the link unknown ("agrees with line N, before the error"), never proved, so
a single wrong expression refutes a single link: the one that introduced it.

**Bounds.**  A document of more than :data:`MAX_CHARS` characters or
:data:`MAX_LINKS` links is refused before anything is parsed; spans nested
deeper than :data:`derive.check.chains.MAX_DEPTH` brackets are reported, not
parsed; each link gets at most ``timeout`` seconds (in any thread).
Nothing written in a document is ever evaluated as code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import sympy as sp
from sympy.core.function import AppliedUndef

from derive import randomvars
from derive.check import frontmatter
from derive.check.assume import (Bound, Contradiction, bounds_of, is_bound, parse_assumption, parse_assumption_item,
                                 restrict)
from derive.check.chains import (EQUALITIES, IMPLICATION, INEQUALITIES, SET, SUPPOSITION, SYSTEM, Chain, Link, Piece,
                                 Statement, chains, ranked, statements)
from derive.check.definitions import Declaration, Declared, declaration, declare, outcome_domain
from derive.check.document import Span, front_matter, kind_of, spans
from derive.check.errors import CheckError
from derive.check.prose import hypotheses, is_local
from derive.check.report import (ASSUMPTION, CLAIM, DEFINITION, IMPLICATION as IMPLIES, NOT_PARSED, PROVED, REFUTED,
                                 SKIPPED, SUPPOSED, SUPPOSITION as SUPPOSES, UNKNOWN, Entry, Result, point)
from derive.check.sums import has_data_sums, linear, products_as_sums, split_logs
from derive.check.variables import (family_bounds, given_data, given_sample, independent_blocks,
                                   prose_declarations, speaks_of_variables, value_sets)
from derive.errors import DeriveError
from derive.distributions.base import Distribution
from derive.domain import Count, Domain, IndexedSimplex
from derive.verify.limits import OutOfTime, settle, time_limit
from derive.verify.numeric import where

#: Largest document read, in characters (and in bytes on disk, times four).
MAX_CHARS = 1_000_000
#: Most links one document may have.
MAX_LINKS = 1000
#: Seconds one link may take to parse and check.
TIMEOUT = 30.0
_RELATION_NAMES = {"≈": r"\approx: an approximation", "∝": r"\propto: a proportionality", "~": r"\sim",
                   "≡": r"\equiv", "!=": r"\neq: an inequation", "<": "<: an inequality", ">": ">: an inequality",
                   "<=": r"\le: an inequality", ">=": r"\ge: an inequality", "∈": r"\in: a membership",
                   "→": r"\to: a limit or map", "⇒": "an implication", "⇔": "an equivalence",
                   "≪": r"\ll", "≫": r"\gg"}
_ELIDED = (r"\ldots", r"\dots", r"\cdots", r"\vdots")
#: ``\mathcal{L}`` written alone (not a family such as ``\mathcal{N}(...)``): a named symbol.
_CALLIGRAPHIC = re.compile(r"(?<!\\in)(?<!\\in )\\mathcal\s*\{\s*([A-MO-TV-Z])\s*\}(?!\s*\()")  # not x \in \mathcal{X}
#: A connective as derive.verify.check_relation takes it: (its name, whether the two sides swap).
_CONNECTIVE = {"⇔": ("iff", False), "⇒": ("implies", False), "⇐": ("implies", True)}
#: Supposing words after which a statement may still be a definition (a new symbol, a measure).
_DEFINING_WORDS = frozenset({"let", "set", "given"})


@dataclass(frozen=True)
class Options:
    """What a user adds to a document: assumptions, definitions, units, strictness and the time per link."""

    assume: tuple[object, ...] = ()
    define: tuple[str, ...] = ()
    units: str | None = None  # None: the front matter's, else nats
    strict: bool = False
    timeout: float | None = TIMEOUT


def check_file(path: str | Path, options: Options = Options()) -> Result:
    """Check the document at ``path`` (Markdown, or LaTeX by its suffix)."""
    path = Path(path)
    try:
        if path.is_dir():
            raise CheckError(f"{path} is a folder, not a document")
        size = path.stat().st_size
        if size > 4 * MAX_CHARS:
            raise CheckError(f"{path} has {size} bytes, more than derive check reads ({MAX_CHARS} characters)")
        data = path.read_bytes()
    except OSError as exc:
        raise CheckError(f"cannot read {path}: {exc.strerror or exc}") from None
    if b"\x00" in data:
        raise CheckError(f"{path} is not a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CheckError(f"{path} is not UTF-8 text (byte {exc.start})") from None
    return check_text(text, str(path), kind_of(path.name), options)


def check_text(text: str, file: str = "<text>", kind: str = "md", options: Options = Options()) -> Result:
    """Check the math of ``text``; ``kind`` is ``md`` or ``tex``; ``file`` names it in the report."""
    if len(text) > MAX_CHARS:
        raise CheckError(f"{file} has {len(text)} characters, more than derive check reads ({MAX_CHARS})")
    if "\x00" in text:
        raise CheckError(f"{file} is not a text file")
    settings = _settings(text, file) if kind == "md" else frontmatter.Settings()
    found = _expanded(spans(text, kind), macros_of(text))
    if not found:
        raise CheckError(f"{file}: no math found (no $...$, $$...$$, \\[...\\] or equation environment)")
    read: list[tuple[Span, list[Statement]]] = []
    count = 0
    for span in found:
        read.append((span, statements(span)))
        count += len(read[-1][1])
        if count > MAX_LINKS:
            raise CheckError(f"{file} has more than {MAX_LINKS} equations, more than derive check takes; split it")
    groups = hypotheses(read)
    document = ranked([s for group in groups for s in group])
    if not document:
        raise CheckError(f"{file}: no equation or relation in its {len(found)} math spans")
    defines = [(text_, "--define", k) for k, text_ in enumerate(options.define, 1)]
    defines += [(text_, file, line) for text_, line in settings.define]
    sources = [_Source(origin, _statements_of(text_, origin, line), True) for text_, origin, line in defines]
    sources.append(_Source(file, document, False))
    links = sum(len(c.expressions) - 1 for source in sources for c in chains(source.statements, is_bound))
    if links > MAX_LINKS:
        raise CheckError(f"{file} has {links} links, more than derive check takes ({MAX_LINKS}); split it")
    bounds = _option_bounds(options.assume) + _settings_bounds(settings, file)
    units = options.units or settings.units or "nats"
    checker = _Checker(sources, [s.tex for s in found] + [d[0] for d in defines], bounds, units, options.timeout)
    checker.independence, checker.supports = independent_blocks(text), value_sets(text)
    checker.prose_bounds = _prose_bounds(text)
    checker.prose_declared = prose_declarations(text)
    checker.given, checker.sample = frozenset(given_data(text)), given_sample(text)
    checker.headings = _headings(text)
    if not (options.units or settings.units):  # each display's measures in the base its logarithms are written in
        each = [span for (span, _), group in zip(read, groups) for _ in group]
        checker.written_units = {rank: found_units for rank, span in enumerate(each, 1)
                                 if (found_units := written_units(span.tex)) is not None}
    checker.earlier = _referring_back(read, groups)
    entries = checker.run()
    return Result(file, tuple(entries), options.strict)


#: The prose that hands the reader a name the math before it used: "using $\bar x = ...$", "where $\hat p$ is".
_BACK = re.compile(r"(?:^|[\s,;(])(?:using|where|with|here|in\s+which|whereby|we\s+(?:have\s+)?used|denoting|defining)"
                   r"\s*[:,]?\s*$", re.I)


def _referring_back(read: Sequence[tuple[Span, Sequence[Statement]]],
                    groups: Sequence[Sequence[Statement]]) -> dict[int, float]:
    r"""Statements that name what the math just before them used, by rank: where to read them (just before the
    first statement of that math), so that "$$L = p^{n \bar x}$$ using $\bar x = \frac{1}{n} \sum x_i$" reads
    ``\bar x`` as defined.  Only a lone ``name = ...`` right after such words (a short lead) moves."""
    out: dict[int, float] = {}
    first, previous = 1, None
    for (span, _), group in zip(read, groups):
        words = len(re.findall(r"[A-Za-z]+", span.lead))
        if group and previous is not None and words <= 4 and _BACK.search(" ".join(span.lead.split())) and \
                group[0].relations in (("=",), (":=",)) and not group[0].supposed:
            out[first] = previous - 0.5
        if group:
            previous = first
        first += len(group)
    return out


def macros_of(text: str) -> dict[str, tuple[int, str]]:
    r"""The macros a formula of ``text`` may use: ProofWiki's, and those ``text`` defines (``\newcommand``)."""
    from derive.parse.macros import PROOFWIKI, defined

    return {**PROOFWIKI, **defined(text)}


#: A last column of an aligned row that holds only words: a comment on the row (``& & \text{by parts}``).
_COMMENT_COLUMN = re.compile(r"(?:&\s*)+\\(?:text|textrm|mbox)\{[^{}]*\}\s*(?=\\\\|$)")


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group())


def _expanded(found: list[Span], macros: dict[str, tuple[int, str]]) -> list[Span]:
    """Each span with its macros expanded (:mod:`derive.parse.macros`) and its comment columns blanked; one whose
    macros cannot be expanded is left as written, its formulas then reported where they are read."""
    from derive.parse import ParseError
    from derive.parse.macros import expand

    named = {m.group(1) for span in found for m in _NAMED.finditer(span.tex)}
    words = re.compile(r"\\text(?:rm)?\{\s*(" + "|".join(sorted(named)) + r")\s*\}") if named else None
    out = []
    for span in found:
        tex = words.sub(r"\\mathrm{\1}", span.tex) if words else span.tex  # \text{ELBO} := ...: a quantity's name
        try:
            out.append(replace(span, tex=_COMMENT_COLUMN.sub(_blank, expand(tex, macros))))
        except ParseError:
            out.append(replace(span, tex=tex))
    return out


#: ``\text{ELBO} \coloneqq ...`` (``:=``, ``\triangleq``, ``=``) at the start of a row: the document names a quantity.
_NAMED = re.compile(r"(?:^|\\\\|&|\\begin\{\w+\*?\})\s*\\text(?:rm)?\{\s*([A-Za-z]{2,})\s*\}\s*"
                    r"(?::=|\\coloneqq|\\triangleq|\\equiv|=(?!=))")


def _prose_bounds(text: str) -> list[Bound]:
    """The bounds the prose gives parameters by naming their family (:func:`~derive.check.variables.family_bounds`);
    one that cannot be read is left out."""
    out: list[Bound] = []
    for relation in family_bounds(text):
        try:
            out.extend(parse_assumption(relation))
        except CheckError:
            continue
    return out


def _settings(text: str, file: str) -> frontmatter.Settings:
    block, _ = front_matter(text)
    return frontmatter.read(block, 2, file) if block else frontmatter.Settings()


def _statements_of(text: str, origin: str, line: int) -> list[Statement]:
    if not isinstance(text, str):
        raise CheckError(f"a definition must be a string, got {type(text).__name__}")
    found = statements(Span(text, line, False, "define"))
    if not found or any(s.is_order for s in found):
        raise CheckError(f"{origin}:{line}: {text!r} is not a definition (like P(H) = p); bounds go in --assume")
    return found


def _option_bounds(assume: Sequence[object]) -> list[Bound]:
    from derive.check.assume import from_relations

    out: list[Bound] = []
    for item in assume:
        try:
            out.extend(from_relations([item]))
        except CheckError as exc:
            raise CheckError(f"--assume: {exc}") from None
    return out


def _settings_bounds(settings: frontmatter.Settings, file: str) -> list[Bound]:
    out: list[Bound] = []
    for text, line in settings.assume:
        try:
            out.extend(parse_assumption(text))
        except CheckError as exc:
            raise CheckError(f"{file}:{line}: {exc}") from None
    return out


@dataclass(frozen=True)
class _Source:
    """Statements from one place: the document, or one ``--define`` (or front matter ``define``) item."""

    origin: str
    statements: list[Statement]
    defines: bool


@dataclass(frozen=True)
class _Failed:
    """A piece that could not be read: skipped (prose, elided) or not parsed, and why."""

    status: str
    reason: str


@dataclass
class _Checker:
    """Walks the document in order: its assumptions, from where each is stated, and its chains, each link on the
    domain known at its statement, keeping what earlier links defined."""

    sources: list[_Source]
    texts: list[str]
    bounds: list[Bound]
    units: str
    timeout: float | None
    cache: dict[str, sp.Basic | _Failed] = field(default_factory=dict)
    measures: set[sp.Basic] = field(default_factory=set)
    symbols: dict[sp.Symbol, sp.Basic] = field(default_factory=dict)  # what symbols stand for at the current link
    defined: dict[sp.Symbol, sp.Basic] = field(default_factory=dict)  # symbols defined so far (rule 4)
    seen: set[str] = field(default_factory=set)  # names of the symbols of the links checked so far: not new
    functions: dict[object, sp.Lambda] = field(default_factory=dict)  # f -> its definition, f(x) = x^2
    written_units: dict[int, str] = field(default_factory=dict)  # rank -> "bits" where a display writes \log_2
    earlier: dict[int, float] = field(default_factory=dict)  # rank -> where to read it: names defined after use
    solving: set[tuple[int, int]] = field(default_factory=set)  # (rank, last sentence) of the equation being solved
    independence: tuple[frozenset[str], ...] = ()  # random variables the prose says are independent
    supports: dict[str, str] = field(default_factory=dict)  # A -> X: the prose says X takes its values in A
    prose_bounds: list[Bound] = field(default_factory=list)  # "Poisson with parameter $\lambda$": 0 < lambda
    wrong: set[int] = field(default_factory=set)  # the positions of the refuted links of the chain being checked
    headings: tuple[int, ...] = ()  # the lines of the section headings: an equation being solved ends at the next
    prose_declared: list[tuple[str, str]] = field(default_factory=list)  # (name, family) the prose declares
    given: frozenset[str] = frozenset()  # labels of data the text gives values for (x_1 = 1.1: "x")
    sample: tuple[str, tuple[str, ...]] | None = None  # the text's own sample: ("x", ("1.1", "2.2", "3.3"))
    doubted: set = field(default_factory=set)  # functions the text restated otherwise, unproved (L of log L = ...)
    context: str = ""  # the text of the chain being read (whose expectations a distribution it names is under)

    def run(self) -> list[Entry]:
        from derive.verify.entropic import INDEPENDENT

        token = INDEPENDENT.set(self.independence)
        try:
            return self._run()
        finally:
            INDEPENDENT.reset(token)

    def _run(self) -> list[Entry]:
        grouped = [(n, source, chains(source.statements, is_bound)) for n, source in enumerate(self.sources)]
        declarations = [d for n, source, found in grouped for k, c in enumerate(found)
                        if c.kind in ("equality", SUPPOSITION) and (d := _declaration((n, k), c)) is not None]
        written = {d.name for d in declarations}  # in math; the prose ("$Q$ is Poisson($\\lambda$)") adds the others
        declarations += [d for k, (name, family) in enumerate(self.prose_declared) if name not in written
                         and (d := declaration(name, "~" if name.isupper() else "=", family, ("prose", k))) is not None]
        self.declared: Declared = declare(declarations, self.texts)
        self.declarations = {d.key: d for d in declarations}
        self.described = {text.split(" is ", 1)[0]: text for text in self.declared.made.values()}
        self.dists = self.declared.distributions
        self.masses = not self.dists and speaks_of_variables(self.texts)  # p(x) is the pmf of X (variables.py)
        self.letters = _declared_letters(s for source in self.sources for s in source.statements)
        self.base = self.domain = self._domain()
        self.outcome_domains: dict[tuple, object] = {}
        self.steps: list[tuple[int, object]] = []  # (rank, the domain from just after that statement on)
        self.conditions: list[tuple[int, int, tuple[Bound, ...]]] = []  # (rank, sentence, bounds) of local ones
        self.members: list[tuple[int, sp.Symbol, sp.Symbol]] = []  # (rank, j, the index j stands for)
        self.supposed: list[tuple[int, int, sp.Basic, sp.Basic]] = []  # (rank, sentence, x, its supposed value)
        self.distinct: list[tuple[int, int, sp.Symbol, sp.Symbol]] = []  # (rank, sentence, i, k) of "If i != k"
        self.distinct_now: list[tuple[sp.Symbol, sp.Symbol]] = []
        self.equations: list[tuple[int, int, sp.Equality]] = []  # (rank, sentence, a supposed a = b, no x = value)
        self.hypotheses: tuple[sp.Equality, ...] = ()  # those that hold at the current link
        self.sentences = {s.pieces[0].rank: s.sentence for source in self.sources for s in source.statements
                          if s.pieces}
        self.lines = {s.pieces[0].rank: s.pieces[0].line for source in self.sources for s in source.statements
                      if s.pieces and not source.defines}
        self.supposing = {s.pieces[0].rank for source in self.sources for s in source.statements
                          if s.pieces and s.supposed and s.supposed != "or"}
        self.local_domains: dict[tuple, object] = {}
        out: list[Entry] = []
        for n, source, found in grouped:
            entries: list[tuple[int, Entry]] = []
            assumed = [s for s in source.statements
                       if s.problem or (is_bound(s) and (s.supposed or _declares_real(s)))]
            for statement in assumed:
                entries.append((statement.pieces[0].rank, self._assume(source.origin, statement)))
            items = [(c.subject.rank if source.defines else self.earlier.get(c.subject.rank, c.subject.rank),
                      k, c) for k, c in enumerate(found)]
            taken = {id(s) for s in assumed}
            items += [(s.pieces[0].rank, -1, s) for s in source.statements if is_bound(s) and id(s) not in taken]
            for rank, k, item in sorted(items, key=lambda i: (i[0], i[1])):
                if isinstance(item, Statement):
                    self._at(rank)
                    entries.append((rank, self._bound_claim(source.origin, item)))
                else:
                    entries.extend(self._chain(source, (n, k), item))
            ordered = entries if source.defines else sorted(entries, key=lambda e: (e[1].line, e[0]))
            out.extend(entry for _, entry in ordered)
        return out

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

    # -- where each assumption applies -----------------------------------------------------
    def _at(self, rank: int) -> None:
        """Set the domain and the symbols' meanings to those known at the statement ranked ``rank``."""
        self.domain = self._domain_at(rank)
        members = {j: index for r, j, index in self.members if r < rank}
        sentence = self._sentence_of(rank)
        supposed = {x: value for r, last, x, value in self.supposed if r < rank and sentence <= last}
        defined = {k: _put(v, supposed) for k, v in self.defined.items()} if supposed else self.defined
        self.symbols = {**members, **supposed, **defined} if members or supposed else self.defined
        self.hypotheses = tuple(_put(e, self.symbols) for r, last, e in self.equations
                                if r < rank and sentence <= last)
        self.supposed_now = supposed
        self.distinct_now = [(a, b) for r, last, a, b in self.distinct if r < rank and sentence <= last]
        self.plain = {**members, **self.defined} if members else self.defined  # without what is supposed

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
            self.equations.append((rank, last, sp.Eq(_put(left, self.symbols), _put(right, self.symbols),
                                                     evaluate=False)))
            return "; the rest of this sentence and the next statement's are checked as its consequences"
        self.supposed.append((rank, last, left, _put(right, self.symbols)))
        return f"; the rest of this sentence and the next statement's are checked with {written}"

    def _scope(self, rank: int) -> int:
        """The last sentence a supposition at ``rank`` holds in: its own, and the next statement's."""
        after = [r for r in self.sentences if r > rank and r not in self.supposing]  # past "and y = 3"
        return self.sentences[min(after)] if after else self._sentence_of(rank)

    def _set(self, link: Link, left: sp.Basic, right: sp.Basic) -> None:
        """An equation set to be solved holds from here to the next one set (solving one equation at a time)."""
        rank, sentence = link.lhs.rank, self._sentence_of(link.lhs.rank)
        self.equations = [(r, min(last, sentence - 1) if (r, last) in self.solving else last, e)
                          for r, last, e in self.equations]
        last = self._section_end(link.line)
        self.solving = {(rank, last)}
        if isinstance(left, sp.Expr) and isinstance(right, sp.Expr):
            self.equations.append((rank, last, sp.Eq(_put(left, self.symbols), _put(right, self.symbols),
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

    # -- assumptions, bounds claimed, and reported problems -------------------------------------
    def _assume(self, origin: str, statement: Statement) -> Entry:
        """A bound the prose makes a hypothesis: applied from here on (a condition: to the end of its sentence),
        reported as an assumption (a contradiction is a :class:`CheckError`); or a problem, reported."""
        pieces = statement.pieces
        if statement.problem:
            return Entry(origin, statement.line, CLAIM, NOT_PARSED, pieces[0].tex, "", statement.problem)
        written = _written(statement)
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
                         f"{_relation_reason(statement.relations[0])} is not used as an assumption")
        try:
            restrict(self.domain, bounds)  # with the conditions in force here: a contradiction is an error
        except Contradiction as exc:
            raise CheckError(f"{origin}:{statement.line}: contradictory assumption: {exc}") from None
        except CheckError as exc:
            if self._holds(bounds):
                return Entry(origin, statement.line, ASSUMPTION, ASSUMPTION, written, "",
                             "already true on the distributions' domain")
            return Entry(origin, statement.line, ASSUMPTION, SKIPPED, written, "", f"{written}: not applied: {exc}")
        if is_local(word):
            self.conditions.append((rank, statement.sentence, bounds))
            return Entry(origin, statement.line, ASSUMPTION, ASSUMPTION, written, "",
                         f"after \"{word}\": to the end of its sentence")
        self.steps.append((rank, restrict(self._global_at(rank), bounds)))
        return Entry(origin, statement.line, ASSUMPTION, ASSUMPTION, written)

    def _member(self, statement: Statement, rank: int | None = None) -> str:
        """``1 \\le j \\le n`` with ``n`` the number of outcomes of a declared categorical: ``j`` names one of
        them (an integer, sampled in 1..n, and sums of Kronecker deltas pick its term) from ``rank`` on; ``j \\le
        n`` once that is stated (with no ``rank``: only that).  The reason to report, or empty when the statement
        is not such a bound."""
        from derive.domain import Domain, Member, Size

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
        statement (``0 < p < 1`` about a symbol nothing bounds is refuted)."""
        written, line = _written(statement), statement.line
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
            return Entry(origin, line, CLAIM, SKIPPED, written, "", f"{_relation_reason(relation)} is not checked",
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
        if isinstance(left, _Failed) or isinstance(right, _Failed):
            return None
        try:
            with time_limit(self.timeout):
                verdict = self._verdict(left, right, statement.relations[0])
        except OutOfTime as exc:
            settle(exc)
            return UNKNOWN, f"gave up after {self.timeout:g} s", ()
        return verdict.status.value, verdict.reason, point(verdict.counterexample)

    def _bound_verdict(self, bound: Bound) -> tuple[str, str, tuple[tuple[str, str], ...]]:
        """Whether ``bound`` holds on the current domain: (status, reason, counterexample).

        A symbol with an interval (or none: a symbol nothing bounds ranges over
        the reals) is decided exactly, by inclusion of intervals, closed ends
        included; any other (a probability of a categorical, a family's
        variable, a symbol defined as an expression) by
        :func:`derive.verify.check_relation`, one end at a time.
        """
        from derive.domain import Size, admit
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

    # -- chains ---------------------------------------------------------------------------
    def _chain(self, source: _Source, key: tuple[int, int], chain: Chain) -> list[tuple[int, Entry]]:
        """The entries of a chain's links, each with the rank of its statement."""
        origin, piece = source.origin, chain.subject
        if chain.kind == SYSTEM:
            return [(piece.rank, Entry(origin, piece.line, CLAIM, SKIPPED, piece.tex, "",
                                       "a system of equations on its own is not checked (it may start an "
                                       "implication)"))]
        if chain.kind == SUPPOSITION and len(chain.expressions) == 1:
            return [(piece.rank, Entry(origin, piece.line, SUPPOSES, SUPPOSED, piece.tex, "",
                                       f"after \"{chain.supposed}\""))]
        out: list[tuple[int, Entry]] = []
        anchor: int | None = None  # the last expression not refuted
        values: list[sp.Basic | _Failed] = []
        self.wrong.clear()
        self.context = " ".join(p.tex for p in chain.expressions)
        for link in chain.links(key[1]):
            k = link.position
            self._at(link.rhs.rank)
            try:
                with time_limit(self.timeout):
                    read = self._proposition if chain.kind == IMPLICATION else self._read
                    if k == 1:
                        values.append(read(chain.subject))
                        anchor = 0 if not isinstance(values[0], _Failed) else None
                    values.append(read(link.rhs))
                    entry, good = self._link(origin, key, link, values, anchor, chain)
            except OutOfTime as exc:
                settle(exc)
                entry, good = _entry(origin, link, CLAIM, UNKNOWN, f"gave up after {self.timeout:g} s"), False
            except Exception as exc:  # one link's failure is reported on its line, never as a traceback
                reason = f"the check failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
                kind = IMPLIES if chain.kind == IMPLICATION else CLAIM
                entry, good = _entry(origin, link, kind, UNKNOWN, reason), False
            while len(values) <= k:
                values.append(_Failed(UNKNOWN, "not read"))
            self.seen |= {s.name for v in values[k - 1:k + 1] if isinstance(v, sp.Basic)
                          for s in v.free_symbols if isinstance(s, sp.Symbol)}
            if source.defines and entry.kind == CLAIM:
                raise CheckError(f"{origin}:{link.line}: {_written_link(link)!r} is not a definition: a definition "
                                 "gives a probability (P(H) = p), a distribution (P = ...), a measure (H(P) = ...) "
                                 "or a new symbol")
            out.append((link.rhs.rank, entry))
            if entry.status == REFUTED:
                self.wrong.add(k)
            if good:
                anchor = k
        return out

    def _link(self, origin: str, key: tuple[int, int], link: Link, values: list, anchor: int | None,
              chain: Chain) -> tuple[Entry, bool]:
        """The entry for one link, and whether its right side may anchor later links."""
        k = link.position
        if chain.kind == IMPLICATION:
            return self._implication(origin, link, chain, values, anchor)
        if chain.conditional:
            reason = "a claim under a condition (\\text{if} ...) is not checked"
            return _entry(origin, link, CLAIM, SKIPPED, reason), False
        supposed = _entry(origin, link, SUPPOSES, SUPPOSED, f"after \"{chain.supposed}\""), True
        if link.relation == SET:
            if not isinstance(values[k - 1], _Failed) and not isinstance(values[k], _Failed):
                self._set(link, values[k - 1], values[k])
            return _entry(origin, link, SUPPOSES, SUPPOSED, "an equation set to be solved: what follows is "
                                                            "checked as its consequence"), True
        if link.relation in INEQUALITIES:
            return supposed if chain.kind == SUPPOSITION else self._claim(origin, link, chain, values, anchor)
        if k == 1 and key in self.declared.made:  # P = \mathcal{N}(...), X \sim \mathrm{Laplace}(\mu, b)
            return _entry(origin, link, DEFINITION, DEFINITION, self.declared.made[key]), True
        if link.relation == "!=" and chain.kind == SUPPOSITION and len(chain.expressions) == 2 and \
                all(isinstance(v, sp.Symbol) and v.name.isalpha() and len(v.name) == 1 for v in values[:2]):
            self.distinct.append((link.lhs.rank, self._scope(link.lhs.rank), values[0], values[1]))
            return _entry(origin, link, SUPPOSES, SUPPOSED, f"after \"{chain.supposed}\"; the rest of this sentence "
                                                            "and the next statement's are checked with the two "
                                                            "indices different"), True
        if link.relation not in EQUALITIES:
            if link.relation == "≈" and (rounded := _rounded(values, link)) is not None:
                return rounded_entry(origin, link, rounded)
            return _entry(origin, link, CLAIM, SKIPPED, f"{_relation_reason(link.relation)} is not checked"), False
        if k == 1 and key in self.declared.problems:
            return _entry(origin, link, DEFINITION, NOT_PARSED, self.declared.problems[key]), False
        left, right = values[k - 1], values[k]
        defining = chain.kind != SUPPOSITION or chain.supposed in _DEFINING_WORDS
        if chain.kind == SUPPOSITION and (k > 1 or not defining or isinstance(left, _Failed) or
                                          isinstance(right, _Failed)):
            if k == 1 and len(chain.expressions) == 2 and not isinstance(left, _Failed) and \
                    not isinstance(right, _Failed) and link.relation == "=":
                note = self._suppose(link, left, right)
                return _entry(origin, link, SUPPOSES, SUPPOSED, f"after \"{chain.supposed}\"{note}"), True
            return supposed
        if k == 1 and isinstance(left, _Failed):
            return _entry(origin, link, CLAIM, left.status, left.reason), False
        if isinstance(right, _Failed):
            return _entry(origin, link, CLAIM, right.status, right.reason), False
        if k == 1 or not isinstance(values[0], _Failed) and all(isinstance(v, _Failed) for v in values[1:k]):
            # f(x) = [unreadable] = RHS defines f by RHS, as f(x) = RHS would
            subject = link if k == 1 else replace(link, lhs=chain.expressions[0])
            special = self._definition(origin, subject, values[0], right, key, chain.kind == SUPPOSITION)
            if special is not None:
                return special
        if chain.kind == SUPPOSITION:
            if len(chain.expressions) == 2 and link.relation == "=":
                note = self._suppose(link, left, right)
                return _entry(origin, link, SUPPOSES, SUPPOSED, f"after \"{chain.supposed}\"{note}"), True
            return supposed
        return self._claim(origin, link, chain, values, anchor)

    def _definition(self, origin: str, link: Link, left: sp.Basic, right: sp.Basic,
                    key: object, supposed: bool = False) -> tuple[Entry, bool] | None:
        """Rules 1, 3 and 4 of the module docstring; ``None`` for a claim."""
        from derive.measures import Measure
        from derive.render.printer import to_latex

        if key in self.declarations:  # P(T) = 1 - p, given after P(H) = p set the coin
            described = self.described.get(self.declarations[key].name, "")
            return self._checked_definition(origin, link, left, right, f"agrees with: {described}", described)
        supposing = any(x in self.symbols for _, _, x, _ in self.supposed)
        if isinstance(left, Measure) and left not in self.measures and not supposing and \
                (link.relation == ":=" or not right.has(Measure)):
            self.measures.add(left)
            title = left.title if left.title.startswith("KL") else left.title.lower()
            derive_says = f"derive's {title} is {to_latex(left)} = {to_latex(left.definition())}"
            return self._checked_definition(origin, link, left, right, f"agrees with derive's {title}", derive_says)
        if link.relation == "=" and (solved := self._solution(left, right)) is not None:
            if solved.proved:
                return _entry(origin, link, CLAIM, PROVED, ""), True
            status = REFUTED if solved.status.value == REFUTED else UNKNOWN
            return Entry(origin, link.line, CLAIM, status, link.lhs.tex, link.rhs.tex, solved.reason,
                         point(solved.counterexample), relation="="), status != REFUTED
        if (made := self._function_definition(left, right)) is not None:
            self.functions[left.func] = made
            self.doubted.discard(left.func)  # defined anew: this is what it means from here on
            return _entry(origin, link, DEFINITION, DEFINITION,
                          f"{link.lhs.tex} defines {left.func} from here on"), True
        value = isinstance(right, sp.Expr) and right.is_number  # x = 2: a claim, unless "Let" or := says otherwise
        named = isinstance(left, sp.Symbol) and not randomvars.involved(left)  # H[X] is a measure, no name
        if named and (link.relation == ":=" or (self._is_new(left) and (supposed or not value))):
            self.defined[left] = self.symbols[left] = _put(right, self.symbols)
            return _entry(origin, link, DEFINITION, DEFINITION, f"{link.lhs.tex} stands for this from here on"), True
        return None

    def _function_definition(self, left: sp.Basic, right: sp.Basic) -> sp.Lambda | None:
        r"""``f(x) = x^2`` (``H(p) = ...``, ``\ell(\lambda) = ...``): a function not defined yet, applied to distinct
        plain symbols, equal to an expression that does not use it: ``Lambda((x,), x**2)``; else ``None``."""
        if not isinstance(left, AppliedUndef) or right.has(left.func):
            return None
        if left.func in self.functions and not (self._rests_on_unknown(self.functions[left.func].expr)
                                                and not self._rests_on_unknown(right)):
            return None  # defined, and not merely through a function nothing defines: a claim
        args = left.args
        if not args or len(set(args)) != len(args) or not all(isinstance(a, sp.Symbol) or _squared(a) for a in args):
            return None
        body = _put(right, self.symbols)
        if not any(_squared(a) for a in args):
            return sp.Lambda(args, body)
        slots = tuple(sp.Dummy(a.base.name) if _squared(a) else a for a in args)
        for a, slot in zip(args, slots):
            if slot is not a:  # l(\mu, \sigma^2): a function of the variance; sigma = sqrt of the slot
                body = body.xreplace({a: slot}).xreplace({a.base: sp.sqrt(slot)})
        return _OfSquares(sp.Lambda(slots, body), tuple((k, a.base) for k, a in enumerate(args) if _squared(a)))

    def _rests_on_unknown(self, expr: sp.Basic) -> bool:
        r"""``expr`` applies a function nothing defines (``\prod_i f(x_i, \theta)`` before ``f`` is given)."""
        return any(f.func not in self.functions for f in expr.atoms(AppliedUndef) if randomvars.mass_of(f) is None)

    def _is_new(self, symbol: sp.Symbol) -> bool:
        names = {s.name for s in self.domain.symbols if isinstance(s, sp.Symbol)}
        names |= {s.name for d in self.dists for s in d.free_symbols if isinstance(s, sp.Symbol)}
        names |= {d.variable.name for d in self.dists} | self.seen
        return symbol.name not in names and symbol not in self.symbols

    def _checked_definition(self, origin: str, link: Link, left: sp.Basic, right: sp.Basic, agrees: str,
                            otherwise: str) -> tuple[Entry, bool]:
        from derive.verify import check_equal

        a, b = self._unify(left, _put(right, self.symbols))
        verdict = check_equal(a, b, self._dom(a, b))
        if verdict.proved:
            return _entry(origin, link, DEFINITION, DEFINITION, agrees, checked=True), True
        if verdict.status.value == REFUTED:
            reason = "a wrong definition" + (f": {otherwise}" if otherwise else "")
            return _entry(origin, link, DEFINITION, REFUTED, reason, point(verdict.counterexample)), False
        return _entry(origin, link, DEFINITION, UNKNOWN, verdict.reason), True

    def _as_displayed(self, link: Link, chain: Chain, values: list):
        """For a link that starts a later display of the chain (``KL(P || Q) >= ...`` after ``KL(P || Q) = ...``):
        the verdict on what that display shows, the subject against the right side, under what holds there
        (a supposition or a condition of the earlier display may not); ``None`` for any other link."""
        k = link.position
        if k not in chain.restated or isinstance(values[k], _Failed):
            return None
        subject = self._read(replace(chain.subject, rank=link.rhs.rank))  # in that display's units
        if isinstance(subject, _Failed):
            return None
        return self._verdict(subject, values[k], link.relation)  # what it shows: subject R right side

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
        if order and (isinstance(left, _Failed) or isinstance(right, _Failed)):
            failed = left if isinstance(left, _Failed) else right
            return _entry(origin, link, CLAIM, SKIPPED,
                          f"{_relation_reason(link.relation)} is not checked: {failed.reason}"), False
        own = None if isinstance(left, _Failed) else self._verdict(left, right, link.relation)
        shown = self._as_displayed(link, chain, values)
        if shown is not None:  # a display that writes its chain's subject again claims subject R right, here
            if shown.proved:
                return _entry(origin, link, CLAIM, PROVED, ""), True
            if own is not None and own.proved:
                own = shown
        if own is not None and own.proved:
            return _entry(origin, link, CLAIM, PROVED, ""), True
        if link.position in chain.restated and own is not None and own.status.value == REFUTED:
            # the display claims subject R right side, not that the display before it ends in its right side
            if shown is None or shown.status.value != REFUTED:
                why = shown.reason if shown is not None else "its subject could not be read"
                return _entry(origin, link, CLAIM, UNKNOWN, f"restates the subject of line "
                              f"{chain.expressions[0].line}: {why}"), True
            own = shown
        if own is not None and not order and own.status.value != REFUTED:
            natural = self._on_natural_domain(left, right)
            if natural is not None:  # no symbol is positive unless something says so: not proved
                return _entry(origin, link, CLAIM, UNKNOWN, natural), True
        back = None
        if anchor is not None and anchor != k - 1 and (composed := _compose(chain.relations[anchor:k])) is not None:
            back = (anchor, composed, self._verdict(values[anchor], right, composed))
        if back is not None and back[2].proved:
            where = f"agrees with line {chain.expressions[anchor].line}, before the error"
            if own is None:
                return _entry(origin, link, CLAIM, left.status, f"{left.reason}; this side {where}"), True
            before = "refuted" if own.status.value == REFUTED else "not proved"
            return _entry(origin, link, CLAIM, UNKNOWN,
                          f"{before} against the expression before it, which is wrong; this side {where}"), True
        if own is None and back is None:
            return _entry(origin, link, CLAIM, NOT_PARSED, "the expression before it could not be read"), False
        if own is None and back[2].status.value == REFUTED and self.wrong & set(range(anchor + 1, k)):
            return _entry(origin, link, CLAIM, left.status, f"{left.reason}; this side disagrees with line "
                          f"{chain.expressions[anchor].line}, but a link between was already wrong"), False
        if own is not None and own.status.value == REFUTED and (rounded := _rounded(values, link)) is not None:
            return rounded_entry(origin, link, rounded)
        index, relation, verdict = (k - 1, link.relation, own) if own is not None else back
        if shown is not None and verdict is shown:
            index = 0
        lhs = chain.expressions[index].tex
        if verdict.status.value == REFUTED:
            reason = "" if relation in EQUALITIES and verdict.counterexample else verdict.reason
            return Entry(origin, link.line, CLAIM, REFUTED, lhs, link.rhs.tex, reason,
                         point(verdict.counterexample), relation=relation), False
        reason = self._why_unknown(verdict, values[index], right) if relation in EQUALITIES else verdict.reason
        return Entry(origin, link.line, CLAIM, UNKNOWN, lhs, link.rhs.tex, reason, relation=relation), True

    def _verdict(self, left: sp.Basic, right: sp.Basic, relation: str = "="):
        a, b = self._sides(left, right)
        domain = self._dom(a, b)
        verdict = self._judged(a, b, relation, domain)
        used = {f.func for side in (left, right) for f in side.atoms(AppliedUndef)} & self.functions.keys()
        doubted = used & self.doubted
        if verdict.status.value == UNKNOWN and relation in EQUALITIES and isinstance(left, (AppliedUndef, sp.log)):
            restated = {f.func for f in left.atoms(AppliedUndef)
                        if all(isinstance(x, sp.Symbol) or _squared(x) for x in f.args)}
            self.doubted.update(used & restated)  # log L(mu, s) = ... + C, unproved: which L is meant from here on?
        if verdict.status.value == REFUTED and doubted:
            from derive.core import Status, Verdict

            names = ", ".join(sorted(str(f) for f in doubted))
            return Verdict(Status.UNKNOWN, f"false with {names} as defined, but the text has since written {names} "
                                           "otherwise, unproved: which one does it mean here?")
        return verdict

    def _judged(self, a: sp.Basic, b: sp.Basic, relation: str, domain):
        """The verdict on ``a R b`` (a claim with meanings put in), by each reading in turn."""
        from derive.verify import check_equal, check_relation

        verdict = check_equal(a, b, domain) if relation in EQUALITIES else check_relation(a, b, relation, domain)
        if not verdict.proved and (real := self._real(domain, a, b)) is not domain:  # proved for real values only
            on_reals = check_equal(a, b, real) if relation in EQUALITIES else check_relation(a, b, relation, real)
            verdict = on_reals if on_reals.proved else verdict
        if not verdict.proved and relation in EQUALITIES and (natural := _where_logged(domain, a, b)) is not None:
            on_natural = check_equal(a, b, self._real(natural, a, b))
            verdict = _natural_verdict(on_natural, natural, domain) if on_natural.proved else verdict
        if not verdict.proved and relation in EQUALITIES and (has_data_sums(a) or has_data_sums(b)):
            verdict = self._by_linearity(a, b, domain) or verdict
        if not verdict.proved and self.hypotheses:
            verdict = self._under_hypotheses(a, b, relation, domain)
        if not verdict.proved and self.sample is not None and (on := self._on_sample(a, b, relation)) is not None:
            return on
        if verdict.status.value != REFUTED:
            return verdict
        fixed = frozenset(x for e in self.hypotheses for x in e.free_symbols)  # what supposed equations tie down
        placed = self.domain.merge(Domain(constraints=_counts(self.domain, a, b)))
        return _one_sided(_on_chosen_data(verdict, a, b, placed, self.given), a, b, domain, fixed)

    def _on_sample(self, a: sp.Basic, b: sp.Basic, relation: str):
        """The verdict on a claim about the text's own sample (``L(1) = e^{-6.6}`` after ``x_1 = 1.1, x_2 = 2.2,
        x_3 = 3.3``, "three observed values"): nothing but its data and their count varies in it, so it is checked
        at those values, with every count the sample's size; ``None`` for any other claim."""
        from derive.verify import check_equal, check_relation

        label, values = self.sample
        if {str(ix.base.label) for side in (a, b) for ix in side.atoms(sp.Indexed)} != {label}:
            return None
        counts = {c.n for c in _counts(self.domain, a, b)}
        if _varying(a, b) - counts:
            return None
        size = {n: sp.Integer(len(values)) for n in counts}
        data = {k: sp.Rational(v) for k, v in enumerate(values, 1)}

        def at_sample(e: sp.Basic) -> sp.Basic:
            e = e.xreplace(size).replace(lambda x: isinstance(x, (sp.Sum, sp.Product)) and x.limits[0][2].is_Integer,
                                         lambda x: x.doit())
            return e.xreplace({ix: data[int(ix.indices[0])] for ix in e.atoms(sp.Indexed)
                               if len(ix.indices) == 1 and ix.indices[0].is_Integer and int(ix.indices[0]) in data})

        a2, b2 = at_sample(a), at_sample(b)
        if a2.has(sp.Indexed) or b2.has(sp.Indexed):
            return None
        domain = self.domain
        verdict = check_equal(a2, b2, domain) if relation in EQUALITIES else check_relation(a2, b2, relation, domain)
        if verdict.status.value == UNKNOWN:
            return None
        from derive.core import Verdict

        shown = ", ".join(f"{label}_{k} = {v}" for k, v in enumerate(values, 1))
        return Verdict(verdict.status, f"{verdict.reason}, on the text's sample ({shown})", verdict.counterexample)

    def _family_members(self, tex: str) -> tuple[sp.Symbol, ...]:
        """The names ``tex`` writes (``p_k``) that belong to a family defined so far (``p_i = ...``)."""
        bases = _families(self.defined)
        if not bases:
            return ()
        written = re.findall(r"(?<![A-Za-z\\])([A-Za-z])_\{?([a-z])\}?", tex)
        return tuple(dict.fromkeys(sp.Symbol(f"{b}_{x}") for b, x in written if b in bases))

    def _sides(self, left: sp.Basic, right: sp.Basic) -> tuple[sp.Basic, sp.Basic]:
        """The two sides of a claim with what the symbols stand for put in (:func:`_unvaried`) and unified."""
        values = _members(_unvaried(self.symbols, left, right), left, right)
        a, b = (_family_entries(_put(e, values), values) for e in (left, right))
        a, b = self._unify(a, b)
        cases = {x: v for x, v in self.supposed_now.items() if isinstance(x, sp.Symbol)}
        if cases and (a.has(sp.Indexed) or b.has(sp.Indexed)):  # i = k reaches o[i], which was o_i until now
            a, b = a.xreplace(cases), b.xreplace(cases)
        if self.distinct_now and (a.has(sp.KroneckerDelta) or b.has(sp.KroneckerDelta)):  # i != k: delta_ik = 0
            zero = {sp.KroneckerDelta(i, k): 0 for i, k in self.distinct_now}
            zero.update({sp.KroneckerDelta(k, i): 0 for i, k in self.distinct_now})
            a, b = a.xreplace(zero), b.xreplace(zero)
        return a, b

    def _by_linearity(self, a: sp.Basic, b: sp.Basic, domain, hypotheses: tuple[sp.Equality, ...] = ()):
        """``a = b`` proved with its sums over data written by linearity (:mod:`derive.check.sums`), under
        ``hypotheses`` when there are any; ``None`` when that proves nothing (never a refutation)."""
        from derive.core import Status, Verdict
        from derive.verify import check_equal, check_given
        from derive.verify.signs import is_positive

        atoms: dict = {}
        real = self._real(domain, a, b, *hypotheses)

        def linear_(e: sp.Basic) -> sp.Basic:
            def positive(base: sp.Basic) -> bool:
                return is_positive(base, real)

            return linear(split_logs(products_as_sums(_taken(e), positive), positive), atoms)

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
        if not verdict.proved and not given and (natural := _where_logged(domain, a2, b2)) is not None:
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

    def _under_hypotheses(self, a: sp.Basic, b: sp.Basic, relation: str, domain):
        """``a R b`` where supposed equations hold (``x + y = 2`` and ``x - y = 0``): decided with them as
        hypotheses; a refutation found without them would not count (its point may break them)."""
        from derive.core import Verdict
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
        if isinstance(right, _Failed):
            return _entry(origin, link, IMPLIES, right.status, right.reason, relation=link.relation), False
        candidates = [] if isinstance(left, _Failed) else [(k - 1, link.relation)]
        if anchor is not None and anchor != k - 1:
            composed = _compose_connectives(chain.relations[anchor:k])
            if composed is not None:
                candidates.append((anchor, composed))
        if not candidates:
            reason = ("nothing before it to relate it to: an implication needs an equation or a system before it"
                      if link.lhs.empty else left.reason)
            status = NOT_PARSED if link.lhs.empty else left.status
            return _entry(origin, link, IMPLIES, status, reason, relation=link.relation), False
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
                    return _entry(origin, link, IMPLIES, left.status, f"{left.reason}; this statement {where}",
                                  relation=link.relation), True
                return _entry(origin, link, IMPLIES, UNKNOWN, f"{own.status.value} from the statement before it, "
                              f"which is wrong; this statement {where}", relation=link.relation), True
        index, relation, verdict = verdicts[0]
        status = verdict.status.value
        return Entry(origin, link.line, IMPLIES, status, chain.expressions[index].tex, link.rhs.tex, verdict.reason,
                     point(verdict.counterexample), relation=relation), status != REFUTED

    def _related(self, before: sp.Basic, after: sp.Basic, connective: str):
        from derive.verify import check_relation

        name, swap = _CONNECTIVE[connective]
        if not self.hypotheses and not self.supposed_now:
            a, b = self._unify(_put(before, self.symbols), _put(after, self.symbols))
            a, b = (b, a) if swap else (a, b)
            return check_relation(a, b, name, self._dom(a, b))
        a, b = self._unify(_put(before, self.plain), _put(after, self.plain))
        a, b = (b, a) if swap else (a, b)
        supposed = [sp.Eq(x, v, evaluate=False) for x, v in self.supposed_now.items()]
        return self._implied(a, b, name, (*supposed, *self.hypotheses))

    def _implied(self, a: sp.Basic, b: sp.Basic, name: str, hypotheses: tuple[sp.Equality, ...]):
        r"""``a \implies b`` (both ways for ``iff``) where supposed equations hold: each with them as premises
        (``Suppose $q = p$. $$\iff q - p = 0$$`` relates the supposition itself, which no substitution may
        turn into ``p = p``)."""
        from derive.core import Status, Verdict
        from derive.system import System, equations_of
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

    def _unify(self, a: sp.Basic, b: sp.Basic) -> tuple[sp.Basic, sp.Basic]:
        """A plain symbol named like a family's variable that the link uses (``k`` beside ``P(k)``) is that variable."""
        if self.functions:
            a, b = _applied(a, self.functions), _applied(b, self.functions)
        a, b = _entries(a, b)
        variables = {d.variable for d in self.dists if d.variable in a.free_symbols | b.free_symbols}
        plain = {sp.Symbol(v.name): v for v in variables if isinstance(v, sp.Symbol) and v != sp.Symbol(v.name)}
        return (a.xreplace(plain), b.xreplace(plain)) if plain else (a, b)

    def _dom(self, *exprs: sp.Basic):
        """The domain, with each family's variable that ``exprs`` use placed in the family's support."""
        used = frozenset(v for v in (d.variable for d in self.dists)
                         if any(v in e.free_symbols for e in exprs))
        counts = _counts(self.domain, *exprs)
        if not used and not counts:
            return self.domain
        key = (used, counts, self.domain)
        if key not in self.outcome_domains:
            try:
                domain = self.domain.merge(Domain(constraints=counts))
            except DeriveError:
                domain = self.domain
            try:
                self.outcome_domains[key] = domain.merge(outcome_domain(self.dists, set(used))) if used else domain
            except DeriveError:
                self.outcome_domains[key] = domain
        return self.outcome_domains[key]

    def _real(self, domain, *exprs: sp.Basic):
        r"""``domain`` with every symbol of ``exprs`` that nothing places taken real: people write about real
        numbers (``e^u / (1 + e^u) = 1 / (1 + e^{-u})`` holds for every real ``u``); a ``\sigma`` (``\sigma_1``,
        ``\hat\sigma``) positive: it names a standard deviation."""
        loose = frozenset(s for e in exprs for s in e.free_symbols if isinstance(s, sp.Symbol)
                          and s.is_real is None and s not in domain.symbol_set)
        if not loose:
            return domain
        key = ("real", domain, loose)
        if key not in self.outcome_domains:
            reals = Domain(intervals=tuple((s, sp.Interval.open(0, sp.oo) if _SCALE.fullmatch(s.name) else
                                            sp.Interval(-sp.oo, sp.oo)) for s in sorted(loose, key=str)))
            try:
                self.outcome_domains[key] = domain.merge(reals)
            except DeriveError:
                self.outcome_domains[key] = domain
        return self.outcome_domains[key]

    def _on_natural_domain(self, left: sp.Basic, right: sp.Basic) -> str | None:
        """Why an identity is unknown when it holds wherever both sides are real, else ``None``.

        A symbol no assumption places, that stands alone inside a logarithm
        (``log(a)``), must be positive for that side to be a real number: such
        an identity (the rule ``log(a/b) = log(a) - log(b)`` stated in prose)
        holds there, but no symbol is positive unless something says so, so it
        is reported unknown, with what would settle it.
        """
        from derive.verify import check_equal

        a, b = self._sides(left, right)
        domain = self._dom(a, b)
        loose = sorted((s for s in a.free_symbols | b.free_symbols if isinstance(s, sp.Symbol)
                        and s not in domain.symbol_set and s.is_real is None), key=str)
        inside_logs = {f.args[0] for side in (a, b) for f in side.atoms(sp.log)}
        if not loose or not all(s in inside_logs for s in loose):
            return None
        positive = restrict(domain, [Bound(s, sp.Integer(0)) for s in loose])
        if not check_equal(a, b, positive).proved:
            return None
        names = ", ".join(sp.latex(s) for s in loose)
        return f"holds where {names} > 0 (each is the argument of a logarithm), which nothing states"

    def _why_unknown(self, verdict, left: sp.Basic, right: sp.Basic) -> str:
        """The verifier's reason, and whether symbols nothing bounds would settle it if positive."""
        from derive.verify import check_equal

        a, b = self._sides(left, right)
        domain = self._dom(a, b)
        loose = sorted((s for s in a.free_symbols | b.free_symbols if isinstance(s, sp.Symbol)
                        and s not in domain.symbol_set and s.is_real is None), key=str)
        if not loose:
            return verdict.reason
        names = ", ".join(sp.latex(s) for s in loose)
        positive = restrict(domain, [Bound(s, sp.Integer(0)) for s in loose])
        if check_equal(a, b, positive).proved:
            return f"proved only if {names} > 0, which nothing states (add --assume \"{names} > 0\")"
        return f"{verdict.reason}; {names} {'has' if len(loose) == 1 else 'have'} no stated domain"

    # -- reading pieces -------------------------------------------------------------------
    def _read(self, piece: Piece) -> sp.Basic | _Failed:
        units = self.written_units.get(piece.rank, self.units)  # a display written in \log_2 is in bits
        key = piece.tex if units == self.units else f"\0{units}\0{piece.tex}"
        if key not in self.cache:
            self.cache[key] = self._parse(piece.tex, units=units)
        return self.cache[key]

    def _proposition(self, piece: Piece) -> sp.Basic | _Failed:
        """An equation or a ``cases`` system, as written (cached apart from expressions)."""
        key = "\0proposition\0" + piece.tex
        if key not in self.cache:
            self.cache[key] = self._parse(piece.tex, proposition=True)
        return self.cache[key]

    def _applied_in_context(self) -> Distribution | None:
        """The one declared distribution the chain being read applies (``P(x)``, ``p(x)``), if only one: an
        expectation or variance written without a subscript there is under it."""
        applied = [d for d in self.dists if re.search(rf"(?<![A-Za-z\\]){re.escape(d.name)}\s*\(", self.context,
                                                      re.I if len(d.name) == 1 else 0)]
        return applied[0] if len(applied) == 1 else None

    def _reading(self, tex: str, units: str) -> sp.Basic:
        """``tex`` read with what the text has declared so far (``ParseError`` when it cannot be read).

        The document's numbers are passed as such, so ``p(1 - p)`` is a product; an expectation or variance
        without a subscript among several distributions is read under the one the chain applies.
        """
        from derive.parse import ParseError, parse_latex

        numbers = tuple(s for s in self.domain.symbols if isinstance(s, sp.Symbol))  # p(1 - p): a product
        numbers += tuple(s for s in self.letters if s not in numbers)
        numbers += self._family_members(tex)  # p_k (1 - p_k) after p_i = ...: a product
        names = {d.name for d in self.dists}  # p = 0.3 defined beside a declared P: p is that number, not P's
        numbers += tuple(x for x in self.defined if isinstance(x, sp.Symbol) and x.name.upper() in names
                         and x.name.islower() and x not in numbers)

        def read(dists: Sequence[Distribution]) -> sp.Basic:
            return parse_latex(tex, dists, units, numbers, masses=self.masses, supports=self.supports)

        try:
            value = read(self.dists)
        except ParseError as exc:  # an expectation without a subscript
            if "must name its distribution" not in str(exc) or (one := self._applied_in_context()) is None:
                raise
            return read((one,))
        unscripted = _UNSCRIPTED.intersection(e.func.__name__ for e in value.atoms(AppliedUndef))
        if unscripted and len(self.dists) > 1 and (one := self._applied_in_context()) is not None:
            return read((one,))  # E(x^2) beside \int x^2 P(x) dx: under P
        return value

    def _parse(self, tex: str, proposition: bool = False, units: str | None = None) -> sp.Basic | _Failed:
        from derive.parse import ParseError

        if not tex.strip():
            if proposition:
                return _Failed(NOT_PARSED, "nothing before it to relate it to: an implication needs an equation "
                                           "or a system before it")
            return _Failed(NOT_PARSED, "an empty side: nothing before it to continue")
        if any(dots in tex for dots in _ELIDED):
            return _Failed(SKIPPED, "an elided expression (\\ldots) is not checked")
        named = {}
        if r"\mathcal" in tex:  # \mathcal{L}, a Lagrangian: one symbol (the parser reads \mathcal{N}(...) only)
            def placeholder(match: re.Match) -> str:
                named[sp.Symbol(f"{match.group(1)}_{{mathcal}}")] = sp.Symbol(f"\\mathcal{{{match.group(1)}}}")
                return f" {match.group(1)}_{{mathcal}} "
            tex = _CALLIGRAPHIC.sub(placeholder, tex)
        try:
            value = self._reading(tex, units or self.units)
            if named:  # the symbol, and the function of \frac{\partial \mathcal{L}}{\partial q}
                value = value.xreplace(named).replace(
                    lambda e: isinstance(e, AppliedUndef) and sp.Symbol(e.func.__name__) in named,
                    lambda e: sp.Function(named[sp.Symbol(e.func.__name__)].name)(*e.args))
        except ParseError as exc:
            message = str(exc)
            if "is prose" in message:
                return _Failed(SKIPPED, f"prose: {message.split(' at offset')[0].removeprefix('text ')}")
            if "unknown distribution name" in message and not self.dists:
                message += " (declare it: $P(H) = p$ in the document, or --define \"P(H) = p\")"
            return _Failed(NOT_PARSED, message)
        if proposition:
            from derive.system import System

            if isinstance(value, (sp.Equality, System)):
                return value
            if isinstance(value, sp.core.relational.Relational):
                return _Failed(SKIPPED, "an implication between inequalities is not checked")
            return _Failed(NOT_PARSED, f"{tex[:40]!r} is not an equation or a system of equations")
        if isinstance(value, sp.Equality) or not isinstance(value, sp.Expr):
            return _Failed(NOT_PARSED, f"{tex[:40]!r} is not an expression")
        return self._entries_in_sums(value)

    def _entries_in_sums(self, value: sp.Basic) -> sp.Basic:
        """Finite categoricals written by their entries: ``\\sum_{i=1}^{3}`` over the outcomes 1, 2, 3 of a
        declared categorical is the sum over its outcomes, and in a sum over ``i``, ``p_i`` is ``P(i)`` when
        ``P = (p_1, p_2, p_3)`` (its probabilities are the symbols ``p_1``, ... named by its outcomes)."""
        from derive.functions import entry_family
        from derive.measures import OutcomeSum, Prob

        if not value.has(sp.Sum, OutcomeSum):
            return value
        by_outcomes, entries = {}, {}
        for dist in self.dists:
            try:
                labels = tuple(o.name for o in dist.outcomes)
                params = dist.params
            except (NotImplementedError, AttributeError):
                continue
            if not labels:
                continue
            by_outcomes.setdefault(labels, dist)
            if len(params) == len(labels) and all(isinstance(v, sp.Symbol) for v in params):
                bases = {v.name[:-len(label) - 1] for v, label in zip(params, labels)
                         if v.name.endswith(f"_{label}")}
                if len(bases) == 1 and all(v.name.endswith(f"_{label}") for v, label in zip(params, labels)):
                    entries.setdefault(bases.pop(), dist)
        if not by_outcomes:
            return value

        def entries_of(body: sp.Basic, index: sp.Symbol) -> sp.Basic:
            body = body.replace(lambda e: entry_family(e) in entries and e.args[0] == index,
                                lambda e: Prob(entries[entry_family(e)], index))
            return body.xreplace({sp.Symbol(f"{base}_{index.name}"): Prob(dist, index)
                                  for base, dist in entries.items()})

        def rewrite(e: sp.Basic) -> sp.Basic:
            if isinstance(e, OutcomeSum):
                return OutcomeSum(entries_of(e.body, e.index), e.index, e.outcomes)
            index, low, high = e.limits[0]
            labels = tuple(str(n) for n in range(1, int(high) + 1)) if high.is_Integer and low == 1 else ()
            if len(e.limits) != 1 or labels not in by_outcomes:
                return e
            return OutcomeSum(entries_of(e.function, index), index, tuple(by_outcomes[labels].outcomes))

        return value.replace(lambda e: isinstance(e, OutcomeSum) or (isinstance(e, sp.Sum) and len(e.limits) == 1
                                                                      and e.limits[0][2].is_Integer), rewrite)


_LOGS = re.compile(r"\\log\s*_\s*(?:\{\s*(\w+)\s*\}|(\d+|[A-Za-z]))|\\(?:log|ln)(?![A-Za-z])"
                   r"|\\operatorname\{(?:log|ln)\}")


def written_units(tex: str) -> str | None:
    """``bits`` for a display whose every logarithm is written ``\\log_2``; ``None`` (the document's units) for
    any other, natural, mixed or without logarithms."""
    bases = {m.group(1) or m.group(2) for m in _LOGS.finditer(tex)}
    return "bits" if bases == {"2"} else None


def _counts(domain, *exprs: sp.Basic) -> tuple:
    r"""A :class:`~derive.domain.Count` for each symbol nothing places that ends a sum or product with an integer
    start: ``\sum_{i=1}^{n}`` has ``n >= 1`` terms, and ``n`` is an integer (sampled as one)."""
    low: dict[sp.Symbol, int] = {}
    for e in exprs:
        for aggregate in e.atoms(sp.Sum, sp.Product):
            for _, start, end in aggregate.limits:
                if isinstance(end, sp.Symbol) and start.is_Integer and end not in domain.symbol_set \
                        and end.is_real is None and end not in aggregate.variables:  # \sum_n p_n runs over n
                    low[end] = min(low.get(end, int(start)), int(start))
    return tuple(Count(n, k) for n, k in sorted(low.items(), key=lambda item: str(item[0])))


def _where_logged(domain, a: sp.Basic, b: sp.Basic):
    r"""``domain`` with each symbol positive whose logarithm both sides take (``\log\lambda`` on each side), or
    ``None`` when there is none.

    Where such a symbol is 0 or negative neither side is a real number, so the claim says nothing there: an
    identity proved for positive values holds wherever it means something.  A logarithm on one side only
    (``\log(a/b) = \log a - \log b``) gives nothing: there the sides are defined on different sets.
    """
    bound = {x for side in (a, b) for e in side.atoms(sp.Sum, sp.Integral, sp.Product) for x in e.variables}
    logged = [{f.args[0] for f in side.atoms(sp.log) if isinstance(f.args[0], sp.Symbol)} for side in (a, b)]
    symbols = sorted((s for s in logged[0] & logged[1] if s in a.free_symbols and s in b.free_symbols
                      and s not in bound and s not in domain.symbol_set and not s.is_positive
                      and s.is_real is not False), key=str)
    if not symbols:
        return None
    try:
        return restrict(domain, [Bound(s, sp.Integer(0)) for s in symbols])
    except DeriveError:
        return None


def _natural_verdict(verdict, natural, domain):
    """A proof on ``natural``, where both sides are real numbers, saying so."""
    from derive.core import Verdict

    names = ", ".join(sp.sstr(s) for s in sorted(natural.symbol_set - domain.symbol_set, key=str))
    return Verdict(verdict.status, f"{verdict.reason}, wherever the sides are real numbers ({names} > 0)")


_UNSCRIPTED = frozenset({"E", "V"})  # an expectation, a variance, read as functions where no distribution is named
#: The names of a standard deviation, positive when nothing else places them.
_SCALE = re.compile(r"sigma(?:_\{?\w+\}?)?|sigma(?:hat|bar|tilde)")
_FOREVER = 1 << 30  # the last sentence of a hypothesis that holds to the end (until replaced)


def _put(expr: sp.Basic, values: dict) -> sp.Basic:
    r"""``expr`` with ``values`` put in; a derivative with respect to a symbol given a value is taken first
    (``\frac{d}{dp} \log p`` at ``p = 1/2`` is 2, not a derivative with respect to 1/2)."""
    if not values:
        return expr
    if expr.has(AppliedUndef):  # L(z) of \frac{\partial L}{\partial z}, where L stands for an expression
        names = {x.name: value for x, value in values.items() if isinstance(x, sp.Symbol)}
        expr = expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ in names,
                            lambda e: names[e.func.__name__])
    numbers = {x for x, value in values.items() if isinstance(value, sp.Expr) and value.is_number}
    if numbers and expr.has(sp.Derivative):
        def taken(e: sp.Derivative) -> sp.Basic:
            inside = {x: value for x, value in values.items() if x not in e.variables}
            return sp.Derivative(_put(e.expr, inside), *e.variable_count).doit()

        expr = expr.replace(lambda e: isinstance(e, sp.Derivative) and any(v in numbers for v in e.variables),
                            taken)
    bound = {v for e in expr.atoms(sp.Sum, sp.Integral) for v in e.variables}
    return expr.subs(values) if bound & values.keys() else expr.xreplace(values)  # a sum's own x is not the x given


def _unvaried(values: dict, *sides: sp.Basic) -> dict:
    r"""``values`` without the symbols the sides differentiate against: ``\frac{\partial}{\partial \hat p}`` after
    ``\hat p = k/n`` takes ``\hat p`` as a variable in that claim (a value given as a number is put in after the
    derivative is taken, by :func:`_put`)."""
    varied = {v for side in sides for d in side.atoms(sp.Derivative) for v in d.variables}
    varied = {v for v in varied & values.keys() if not (isinstance(values[v], sp.Expr) and values[v].is_number)}
    return {x: value for x, value in values.items() if x not in varied} if varied else values


def _taken(expr: sp.Basic) -> sp.Basic:
    """``expr`` with its derivatives (and their values at a point) taken where nothing undefined is left in them
    (of a sum, term by term: SymPy differentiates under the sum)."""
    if not expr.has(sp.Derivative, sp.Subs):
        return expr
    return expr.replace(lambda e: isinstance(e, (sp.Derivative, sp.Subs)) and not e.has(AppliedUndef),
                        lambda e: e.doit())


_HEADING = re.compile(r"[ ]{0,3}#{1,6}\s|\s*\\(?:sub)*section\*?\{|\s*\\(?:chapter|paragraph)\*?\{")


def _headings(text: str) -> tuple[int, ...]:
    """The lines (from 1) of a Markdown heading or a LaTeX sectioning command."""
    return tuple(k for k, line in enumerate(text.splitlines(), 1) if _HEADING.match(line))


_ENTRY = re.compile(r"([A-Za-z])_\{?([a-z])\}?")


def _entries(*sides: sp.Basic) -> tuple[sp.Basic, ...]:
    r"""The sides with ``o_k`` read as the entry ``o[k]`` where they also sum over entries of ``o``
    (``\frac{\partial}{\partial o_k} \sum_j e^{o_j}``), and derivatives with respect to an entry taken: a sum
    of ``\delta_{jk} f(j)`` over ``j`` is ``f(k)``, ``k`` being one of the indices of ``o`` (it names an entry)."""
    bases = {ix.base.label.name: ix.base for side in sides for ix in side.atoms(sp.Indexed)
             if isinstance(ix.base.label, sp.Symbol)}
    if not bases:
        return sides
    found = {}
    for side in sides:
        for symbol in side.atoms(sp.Symbol):  # \partial o_k: a derivative's variable is no free symbol
            if (m := _ENTRY.fullmatch(symbol.name)) and m.group(1) in bases:
                found[symbol] = bases[m.group(1)][sp.Symbol(m.group(2))]
    if not found:
        return sides
    out = []
    for side in sides:
        side = side.xreplace(found)
        side = side.replace(lambda e: isinstance(e, sp.Derivative) and not e.has(AppliedUndef) and
                            any(isinstance(v, sp.Indexed) for v in e.variables), lambda e: e.doit())
        out.append(side.replace(lambda e: isinstance(e, sp.Sum) and e.has(sp.KroneckerDelta), _delta_sum))
    return tuple(out)


def _families(values: dict) -> dict[str, tuple[str, sp.Symbol]]:
    """Each family ``values`` defines by one member (``p_i = ...``): ``p -> (i, p_i)``."""
    return {m.group(1): (m.group(2), symbol) for symbol in values if isinstance(symbol, sp.Symbol)
            and (m := _ENTRY.fullmatch(symbol.name))}


def _member(value: sp.Basic, index: str, other: str) -> sp.Basic:
    """A family's definition at ``index`` made the member at ``other``: every name subscripted ``index`` (and
    ``index`` itself) subscripted ``other``."""
    renamed = {s: sp.Symbol(f"{n.group(1)}_{other}", **s.assumptions0) for s in value.free_symbols
               if isinstance(s, sp.Symbol) and (n := _ENTRY.fullmatch(s.name)) and n.group(2) == index}
    return value.xreplace({**renamed, sp.Symbol(index): sp.Symbol(other)})


def _members(values: dict, *sides: sp.Basic) -> dict:
    r"""``values`` with each member of a family defined by one of them: after ``p_i = e^{o_i} / \sum_j e^{o_j}``,
    ``p_k`` is ``e^{o_k} / \sum_j e^{o_j}``."""
    families = _families(values)
    if not families:
        return values
    out = dict(values)
    for side in sides:
        for symbol in side.free_symbols:
            m = _ENTRY.fullmatch(symbol.name) if isinstance(symbol, sp.Symbol) else None
            if m is not None and symbol not in values and m.group(1) in families:
                index, defined = families[m.group(1)]
                out[symbol] = _member(values[defined], index, m.group(2))
    return out


def _family_entries(expr: sp.Basic, values: dict) -> sp.Basic:
    r"""``expr`` with each entry ``p[i]`` of a family defined as ``p_j = ...`` (read ``p[i]`` inside a sum over
    ``i``) given that definition with ``j`` made ``i``; not where ``p_i`` is itself a variable (``\partial p_i``)."""
    if not expr.has(sp.Indexed):
        return expr
    varied = {str(v.base.label) for d in expr.atoms(sp.Derivative) for v in d.variables if isinstance(v, sp.Indexed)}
    families = {name: found for name, found in _families(values).items() if name not in varied}
    if not families:
        return expr

    def member(e: sp.Indexed) -> sp.Basic:
        name = str(e.base.label)
        if name not in families or len(e.indices) != 1 or not isinstance(e.indices[0], sp.Symbol):
            return e
        index, defined = families[name]
        return _member(values[defined], index, e.indices[0].name)

    return expr.replace(lambda e: isinstance(e, sp.Indexed), member)


def _delta_sum(e: sp.Sum) -> sp.Basic:
    """``Sum(f(j) * KroneckerDelta(j, k), (j, lo, hi))`` as ``f(k)``; any other sum as it is."""
    if len(e.limits) != 1:
        return e
    j = e.limits[0][0]
    for factor in sp.Mul.make_args(e.function):
        if isinstance(factor, sp.KroneckerDelta) and j in factor.args:
            k = factor.args[1] if factor.args[0] == j else factor.args[0]
            if j not in k.free_symbols:
                return (e.function / factor).xreplace({j: k})
    return e


def _squared(arg: sp.Basic) -> bool:
    r"""``\sigma^2`` as the argument of a function being defined: the square of a positive scale."""
    return isinstance(arg, sp.Pow) and arg.exp == 2 and isinstance(arg.base, sp.Symbol) and \
        (arg.base.is_positive or _SCALE.fullmatch(arg.base.name) is not None)


@dataclass(frozen=True)
class _OfSquares:
    r"""A function defined with a square among its arguments (``l(\mu, \sigma^2) = ...``).  Applied to the
    square it gives the definition; applied to the scale itself (``l(\mu, \sigma)``, as people write the same
    function of either) it gives the same, for that is what the author means; to anything else, the value with
    the scale the square root of what is put in."""

    meaning: sp.Lambda
    squares: tuple[tuple[int, sp.Symbol], ...]

    @property
    def expr(self) -> sp.Basic:
        return self.meaning.expr

    def __call__(self, *args: sp.Basic) -> sp.Basic:
        args = list(args)
        for k, scale in self.squares:
            if k < len(args) and args[k] == scale:
                args[k] = scale**2
        return self.meaning(*args)


def _applied(expr: sp.Basic, functions: dict[object, sp.Lambda]) -> sp.Basic:
    """``expr`` with each defined function applied: ``f(2)`` is ``4`` after ``f(x) = x^2``, and ``f'(x)``'s
    derivative is taken of the definition."""
    if not any(expr.has(f) for f in functions):
        return expr
    out = expr
    for _ in range(len(functions)):  # l(x) = \ln L(x) after L(x) = ...: applied until none is left
        for f, meaning in functions.items():
            out = out.replace(f, meaning)
        if not any(out.has(f) for f in functions):
            break
    return _taken(out)


def _declared_letters(statements: Iterable[Statement]) -> frozenset[sp.Symbol]:
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


def _declares_real(statement: Statement) -> bool:
    """``z \\in \\mathbb{R}``: a statement that a symbol is real, which bounds nothing; always an assumption."""
    if statement.relations != ("∈",):
        return False
    try:
        return all(b.low == -sp.oo and b.high == sp.oo for b in bounds_of(statement, ""))
    except CheckError:
        return False


_DECIMAL = re.compile(r"\s*-?\s*\d*\.(\d+)\s*")


def _rounded(values: list, link: Link) -> tuple[bool, int] | None:
    r"""A number written as a decimal beside an exact one (``\log_2 7 = 2.807``, ``\approx 0.0014``): whether
    they agree to the decimals written (rounded or cut), and how many; ``None`` when it is not that."""
    k = link.position
    left, right = values[k - 1], values[k]
    if isinstance(left, _Failed) or isinstance(right, _Failed):
        return None
    for written, value, other in ((link.rhs.tex, right, left), (link.lhs.tex, left, right)):
        match = _DECIMAL.fullmatch(written)
        if match is None or not isinstance(other, sp.Expr) or not other.is_number:
            continue
        digits = len(match.group(1))
        try:
            exact = sp.N(other, 30)
        except (TypeError, ValueError):
            return None
        if not exact.is_real:
            return None
        scaled, shown = abs(exact) * 10 ** digits, abs(value) * 10 ** digits  # shown: an integer
        agrees = sp.sign(exact) == sp.sign(value) and shown in (sp.floor(scaled), sp.floor(scaled + sp.Rational(1, 2)))
        return bool(agrees), digits
    return None


def rounded_entry(origin: str, link: Link, rounded: tuple[bool, int]) -> tuple[Entry, bool]:
    agrees, digits = rounded
    if agrees:
        return _entry(origin, link, CLAIM, PROVED, f"to the {digits} decimals written"), True
    return Entry(origin, link.line, CLAIM, REFUTED, link.lhs.tex, link.rhs.tex,
                 f"differs in the {digits} decimals written", relation=link.relation), False


def _on_chosen_data(verdict, a: sp.Basic, b: sp.Basic, domain, given: frozenset[str]):
    """A refutation at data derive chose (``x[1] = 1`` for ``\\sum_i x_i``) stands only for a claim over every
    sample whose other symbols all vary apart from the data: each is placed by an assumption, a distribution or a
    sum's count.  It is UNKNOWN where the text gives its own data (``x_1 = 1.1``), where nothing but data and
    counts varies (``\\hat\\theta = 2.2``, ``L(1) = e^{-6.6}``: a statement about particular data), and where a
    symbol nothing places may stand for something of the data (``\\bar x``, an estimate ``\\sigma^2``), unless the
    claim differentiates in it (``\\partial / \\partial \\hat p``: then it is a variable)."""
    from derive.core import Status, Verdict

    owned = {str(c.base.label) for c in domain.constraints if isinstance(c, IndexedSimplex)}  # p_i of a categorical
    chosen = {str(x.base.label) for x, _ in verdict.counterexample if isinstance(x, sp.Indexed)} - owned
    if verdict.status is not Status.REFUTED or not chosen:
        return verdict
    if chosen & given:
        return Verdict(Status.UNKNOWN, f"false for some data, but the text gives its own values of "
                                       f"{', '.join(sorted(chosen & given))}, which derive does not use here")
    counts = {s for c in domain.constraints if isinstance(c, Count) for s in c.symbols}
    varying = _varying(a, b)
    if not varying - counts:
        return Verdict(Status.UNKNOWN, "a statement about particular data, which the text does not give: "
                                       f"false for some ({where(dict(verdict.counterexample))})")
    differentiated = {v for side in (a, b) for d in side.atoms(sp.Derivative) for v in d.variables}  # varies
    loose = sorted(varying - domain.symbol_set - differentiated, key=str)
    if loose:
        names = ", ".join(sp.latex(s) for s in loose)
        return Verdict(Status.UNKNOWN, f"false for some data ({where(dict(verdict.counterexample))}), unless {names} "
                                       "stand for something of the data (a mean, an estimate), which nothing says")
    return verdict


def _varying(a: sp.Basic, b: sp.Basic) -> set[sp.Symbol]:
    """The symbols of ``a R b`` other than the labels of its data (``x`` of ``x_i``) and its bound variables."""
    labels = {ix.base.label for side in (a, b) for ix in side.atoms(sp.Indexed)}
    bound = {x for side in (a, b) for e in side.atoms(sp.Sum, sp.Product) for x in e.variables}
    return {s for side in (a, b) for s in side.free_symbols if isinstance(s, sp.Symbol)} - labels - bound


def _one_sided(verdict, a: sp.Basic, b: sp.Basic, domain, fixed: frozenset = frozenset()):
    r"""A refutation of ``a R b`` that only says a name is not every number is UNKNOWN: one side made only of symbols
    nothing places that the other side does not use (``\hat p = 0.6``, ``\bar x = \frac{1}{n} \sum x_i``,
    ``KL_{loss} = ...``), or a constant side facing such a symbol (``\frac{3}{p} - \frac{3}{1 - p} = 0``, an
    equation to solve).  Such a symbol names something (an estimate, a definition derive could not read, an
    unknown), and no one means the relation for all of its values.  ``c p = 2 p`` is still refuted."""
    from derive.core import Status, Verdict

    if verdict.status is not Status.REFUTED:
        return verdict
    labels = {ix.base.label for side in (a, b) for ix in side.atoms(sp.Indexed)}

    def names(e: sp.Basic) -> set[sp.Symbol]:  # H[X]: an entropy, fixed by the distribution, names nothing
        return {s for s in e.free_symbols if isinstance(s, sp.Symbol) and s not in labels and not s.is_integer
                and not randomvars.involved(s)}

    left, right = names(a), names(b)
    placed = domain.symbol_set | fixed | set(randomvars.owners(a, b))  # x in p(x): over the values of X
    alone = {s for s in left ^ right if s not in placed}
    named = [side for side in (left, right) if side and side <= alone]
    solving = any(not side and other & alone for side, other in ((left, right), (right, left)))
    renamed = bool(left & alone) and bool(right & alone)  # each side names what the other does not: z = wx + b?
    constant = sorted((c for c in alone if _CONSTANT.fullmatch(c.name) and _added(c, a if c in left else b)), key=str)
    if constant:
        shown = ", ".join(sp.latex(c) for c in constant)
        return Verdict(Status.UNKNOWN, f"{shown} is added on one side only: a constant the text leaves open, not "
                                       "every number")
    if not named and not solving and not renamed:
        return verdict
    shown = ", ".join(sp.latex(s) for s in sorted(alone, key=str))
    return Verdict(Status.UNKNOWN, f"not for every value of {shown}, which nothing places and which stands on one "
                                   f"side only: what does {shown} stand for?")


#: Names people give a constant they leave open (``+ C``, ``+ \text{const}``).
_CONSTANT = re.compile(r"[CcK](?:_\{?\w+\}?)?|const")


def _added(symbol: sp.Symbol, side: sp.Basic) -> bool:
    """``symbol`` is a term of ``side`` (times a number) and appears nowhere else in it."""
    expanded = sp.expand(side)
    slope = expanded.coeff(symbol)
    return slope.is_number and slope != 0 and symbol not in (expanded - slope * symbol).free_symbols


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


def _declaration(key: tuple[int, int], chain: Chain) -> Declaration | None:
    if len(chain.expressions) < 2:
        return None
    return declaration(chain.subject.tex, chain.relations[0], chain.expressions[1].tex, key)


def _entry(origin: str, link: Link, kind: str, status: str, reason: str,
           counterexample: tuple[tuple[str, str], ...] = (), checked: bool = False,
           relation: str | None = None) -> Entry:
    return Entry(origin, link.line, kind, status, link.lhs.tex, link.rhs.tex, reason, counterexample, checked,
                 link.relation if relation is None else relation)


def _compose(relations: Sequence[str]) -> str | None:
    """The relation between the ends of links with ``relations``: ``=``, or one direction of inequality, or None."""
    found = {r for r in relations if r not in EQUALITIES}
    if not found:
        return "="
    for weak, strict in (("<=", "<"), (">=", ">")):
        if found <= {weak, strict}:
            return strict if strict in found else weak
    return None


def _compose_connectives(relations: Sequence[str]) -> str | None:
    """The connective between the ends of implication links: ``⇔`` if all are, else one direction, or None."""
    found = set(relations) - {"⇔"}
    if not found:
        return "⇔"
    return found.pop() if len(found) == 1 else None


def _relation_reason(relation: str) -> str:
    return _RELATION_NAMES.get(relation, relation)


def _written(statement: Statement) -> str:
    parts = [statement.pieces[0].tex]
    for relation, piece in zip(statement.relations, statement.pieces[1:]):
        parts += [relation, piece.tex]
    return " ".join(parts)


def _written_link(link: Link) -> str:
    return f"{link.lhs.tex} {link.relation} {link.rhs.tex}"
