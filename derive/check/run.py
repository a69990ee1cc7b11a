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
checked on the domain known where it stands: a symbol with an interval
exactly, by inclusion of intervals, closed ends included; a symbol nothing
bounds is unknown (``0 < a < 1``: nothing says what ``a`` ranges over); any
other by :func:`derive.verify.check_relation`.  Bounds
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
deeper than :data:`derive.check.rows.MAX_DEPTH` brackets are reported, not
parsed; each link gets at most ``timeout`` seconds (in any thread).
Nothing written in a document is ever evaluated as code.
"""


from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from derive.check import frontmatter
from derive.check.assume import Bound, is_bound, named_intervals, parse_assumption
from derive.check.chains import chains, ranked
from derive.check.pieces import outside_cases
from derive.check.statements import Statement
from derive.check.rows import statements
from derive.check.definitions import FAMILY_NAMES
from derive.check.checker import Checker
from derive.check.document import Span, continued, front_matter, kind_of, spans
from derive.check.errors import CheckError, NothingToCheck
from derive.check.prose import hypotheses
from derive.check.report import Result
from derive.check.shared import Source
from derive.check.variables import (family_bounds, given_data, given_sample, independent_blocks,
                                    speaks_of_independence,
                                    logarithms_in_base_two, prose_declarations, stated_moments, value_sets)
from derive.parse import ParseError
from derive.parse.tokens import closing


#: Largest document read, in characters (and in bytes on disk, times four).
MAX_CHARS = 1_000_000


#: Most links one document may have.
MAX_LINKS = 1000


#: Seconds one link may take to parse and check.
TIMEOUT = 30.0


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
    found = continued(_expanded(spans(text, kind), macros_of(text)))
    if not found:
        raise NothingToCheck(f"{file}: no math found (no $...$, $$...$$, \\[...\\] or equation environment)")
    read: list[tuple[Span, list[Statement]]] = []
    count = 0
    for span in found:
        read.append((span, statements(span)))
        count += len(read[-1][1])
        if count > MAX_LINKS:
            raise CheckError(f"{file} has more than {MAX_LINKS} equations, more than derive check takes; split it")
    groups = hypotheses(read)
    earlier, named = _referring_back(read, groups)
    document = ranked([replace(s, relations=(":=",)) if k in named else s  # "where:" then items naming
                       for k, s in enumerate((s for group in groups for s in group), 1)])
    sets = named_intervals(document)  # I = (0, 1) and x \in I: x is in (0, 1)
    document = [_in_named(s, sets) for s in document] if sets else document
    if not document:
        raise NothingToCheck(f"{file}: no equation or relation in its {len(found)} math spans")
    defines = [(text_, "--define", k) for k, text_ in enumerate(options.define, 1)]
    defines += [(text_, file, line) for text_, line in settings.define]
    sources = [Source(origin, _statements_of(text_, origin, line), True) for text_, origin, line in defines]
    sources.append(Source(file, document, False))
    links = sum(len(c.expressions) - 1 for source in sources for c in chains(source.statements, is_bound))
    if links > MAX_LINKS:
        raise CheckError(f"{file} has {links} links, more than derive check takes ({MAX_LINKS}); split it")
    bounds = _option_bounds(options.assume) + _settings_bounds(settings, file)
    base_two = logarithms_in_base_two(text) and not options.units and not settings.units
    units = options.units or settings.units or ("bits" if base_two else "nats")
    checker = Checker(sources, [s.tex for s in found] + [d[0] for d in defines], bounds, units, options.timeout)
    checker.base_two = base_two
    checker.discrete_uniform = re.search(r"\bdiscrete\s+uniform\b", text, re.I) is not None
    checker.independence, checker.supports = independent_blocks(text), value_sets(text)
    checker.independence_said = speaks_of_independence(text)
    from derive.parse.aggregates import sample_ranges

    checker.ranges = sample_ranges(span.tex for span in found)
    if "" not in checker.ranges and (count := _VALUES_COUNT.search(text)) is not None:  # "takes $k$ values"
        checker.ranges[""] = count.group(1)
    checker.sets = sets
    checker.prose_bounds = _prose_bounds(text)
    checker.prose_declared = prose_declarations(text)
    checker.sample = given_sample(text)
    checker.given = frozenset(given_data(text)) | ({checker.sample[0]} if checker.sample else set())
    checker.headings = _headings(text)
    checker.section_families = section_families(text, checker.headings)
    checker.stated_moments = stated_moments(text)
    if not (options.units or settings.units):  # each display's measures in the base its logarithms are written in
        each = [span for (span, _), group in zip(read, groups) for _ in group]
        checker.written_units = {rank: found_units for rank, span in enumerate(each, 1)
                                 if (found_units := written_units(span.tex)) is not None}
    checker.earlier = earlier
    entries = checker.run()
    return Result(file, tuple(entries), options.strict)


def _in_named(statement: Statement, sets: dict[str, str]) -> Statement:
    """``x \\in I`` with ``I`` a named interval: ``x \\in`` that interval."""
    if statement.relations != ("∈",) or len(statement.pieces) != 2 or statement.pieces[1].tex.strip() not in sets:
        return statement
    member, name = statement.pieces
    return replace(statement, pieces=(member, replace(name, tex=sets[name.tex.strip()])))


#: The prose that says how many values a variable takes: "takes $k$ different values", "has $K$ outcomes".
_VALUES_COUNT = re.compile(r"\b(?:takes?(?:\s+on)?|has|with)\s+\$\s*([A-Za-z])\s*\$\s+"
                           r"(?:different\s+|distinct\s+|possible\s+)?(?:values|outcomes|states|categories|classes)\b")
#: The prose that hands the reader a name the math before it used: "using $\bar x = ...$", "where $\hat p$ is".
_BACK = re.compile(r"(?:^|[\s,;(])(?:using|where|with|here|in\s+which|whereby|we\s+(?:have\s+)?used|denoting|defining)"
                   r"\s*[:,]?\s*(?P<item>[-*+]\s*)?$", re.I)
#: The lead of the next item of a list: the words that ended the item before, then a bullet on a new line.
_NEXT_ITEM = re.compile(r"^[^$]*\s[-*+]\s*$")


def _referring_back(read: Sequence[tuple[Span, Sequence[Statement]]],
                    groups: Sequence[Sequence[Statement]]) -> tuple[dict[int, float], set[int]]:
    r"""Statements that name what the math just before them used, by rank: where to read them (just before the
    first statement of that math), so that "$$L = p^{n \bar x}$$ using $\bar x = \frac{1}{n} \sum x_i$" reads
    ``\bar x`` as defined.  Only a lone ``name = ...`` right after such words (a short lead) moves.  Also the
    ranks of the items of a list those words open ("where:" then "- $\hat y = \sigma(z)$", "- $z = w x + b$"):
    each names its symbol, even one an item before it used."""
    out: dict[int, float] = {}
    named: set[int] = set()
    first, previous = 1, None
    listed: float | None = None  # where the items of a list after "where:" are read, while the list goes on
    for (span, _), group in zip(read, groups):
        words = len(re.findall(r"[A-Za-z]+", span.lead))
        lone = bool(group) and group[0].relations in (("=",), (":=",)) and not group[0].supposed
        back = _BACK.search(" ".join(span.lead.split()))
        if listed is not None and group and _NEXT_ITEM.match(span.lead):  # "- $z = w x + b$ is the logit"
            if lone:
                listed += 0.01
                out[first] = listed
                named.add(first)
        elif group and previous is not None and words <= 4 and back:
            if lone:
                out[first] = previous - 0.5
            listed = previous - 0.5 if back.group("item") else None
            if lone and listed is not None:
                named.add(first)
        elif group:
            listed = None
        if group:
            previous = first
        first += len(group)
    return out, named


def macros_of(text: str) -> dict[str, tuple[int, str]]:
    r"""The macros a formula of ``text`` may use: ProofWiki's, and those ``text`` defines (``\newcommand``)."""
    from derive.parse.macros import PROOFWIKI, defined

    return {**PROOFWIKI, **defined(text)}


#: A last column of an aligned row that holds only words: a comment on the row (``& & \text{by parts}``).
_COMMENT_COLUMN = re.compile(r"(?:&\s*)+\\(?:text|textrm|mbox)\{(?:[^{}]|\{[^{}]*\})*\}\s*(?=\\\\|$)")


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group())


def _blank_comments(tex: str) -> str:
    return _justifications(_COMMENT_COLUMN.sub(_blank, tex))


#: A justification in brackets: ``(\because \int q \, dz = 1)``, ``(\since a = b)``.
_JUSTIFICATION = re.compile(r"\((\s*\\(?:because|since)(?![A-Za-z]))")


def _justifications(tex: str) -> str:
    r"""``tex`` with each bracketed justification (``\quad (\because \int q = 1)``) unwrapped, so that the relation
    it gives is a statement of its own, checked (offsets kept: the brackets and the word become spaces)."""
    out, at = [], 0
    for match in _JUSTIFICATION.finditer(tex):
        if match.start() < at:
            continue
        try:
            close = closing(tex, match.start(), "()")
        except ParseError:  # nested past the reader's depth: left for the reader to report
            close = None
        if close is None:
            continue
        out += [tex[at:match.start()], " " * len(match.group()), tex[match.end():close], " "]
        at = close + 1
    return "".join(out) + tex[at:] if out else tex


def _expanded(found: list[Span], macros: dict[str, tuple[int, str]]) -> list[Span]:
    """Each span with its macros expanded (:mod:`derive.parse.macros`) and its comment columns blanked; one whose
    macros cannot be expanded is left as written, its formulas then reported where they are read."""
    from derive.parse.macros import expand

    named = {m.group(1) for span in found for m in _NAMED.finditer(span.tex)}
    words = re.compile(r"\\text(?:rm)?\{\s*(" + "|".join(sorted(named)) + r")\s*\}") if named else None
    out = []
    for span in found:
        tex = words.sub(r"\\mathrm{\1}", span.tex) if words else span.tex  # \text{ELBO} := ...: a quantity's name
        try:
            out.append(replace(span, tex=outside_cases(expand(tex, macros), _blank_comments)))
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


_LOGS = re.compile(r"(?:\\|(?<![A-Za-z\\]))log\s*_\s*(?:\{\s*(\w+)\s*\}|(\d+|[A-Za-z]))|\\(?:log|ln)(?![A-Za-z])"
                   r"|\\operatorname\{(?:log|ln)\}|\\(lg)(?![A-Za-z])")


def written_units(tex: str) -> str | None:
    """``bits`` for a display whose every logarithm is written ``\\log_2`` (or ``\\lg``), ``any`` for ``\\log_b``
    (a base left open, above 1); ``None`` (the document's units) for any other, natural, mixed or without
    logarithms."""
    bases = {m.group(1) or m.group(2) or ("2" if m.group(3) else None) for m in _LOGS.finditer(tex)}  # \lg: log_2
    return "bits" if bases == {"2"} else "any" if bases == {"b"} else None


_HEADING = re.compile(r"[ ]{0,3}#{1,6}\s|\s*\\(?:sub)*section\*?\{|\s*\\(?:chapter|paragraph)\*?\{")


#: A title on a line of its own, as text copied from a web page keeps it ("Exponential Distribution") or as Markdown
#: sets it in bold (``**Posterior**``): a few words, the first capitalised, no sentence's punctuation, no math.
_TITLE = re.compile(r"\s*(?:\*\*[A-Z][^*$]{0,60}\*\*|[A-Z][A-Za-z'-]*(?:[ \t]+[A-Za-z][A-Za-z'-]*){1,7})\s*")


#: A family's name in a section's words or formulas (``Bernoulli``, ``\text{Poiss}``, ``Gaussian``).
_FAMILY_WORD = re.compile(r"(?<![\\A-Za-z])(" + "|".join(sorted((n for n in FAMILY_NAMES if len(n) >= 4), key=len,
                                                                  reverse=True)) + r")s?(?![A-Za-z])", re.I)


def section_families(text: str, headings: Sequence[int]) -> dict[int, frozenset[str]]:
    """The families each section names, by the line of its heading (0 before the first)."""
    lines = text.splitlines()
    out = {}
    for start, end in zip((0, *headings), (*headings, len(lines) + 1)):
        words = "\n".join(lines[max(start - 1, 0):end - 1])
        out[start] = frozenset(FAMILY_NAMES[m.group(1).lower()] for m in _FAMILY_WORD.finditer(words))
    return out


def _headings(text: str) -> tuple[int, ...]:
    """The lines (from 1) of a Markdown heading, a LaTeX sectioning command, or a title on a line of its own
    after a blank line and before a sentence (not before a display, nor a sentence going on: "So we have")."""
    lines = text.splitlines()

    def titled(k: int, line: str) -> bool:
        after = lines[k] if k < len(lines) else ""
        return bool(_TITLE.fullmatch(line)) and (k == 1 or not lines[k - 2].strip()) and after.strip()[:1].isupper()

    return tuple(k for k, line in enumerate(lines, 1) if _HEADING.match(line) or titled(k, line))
