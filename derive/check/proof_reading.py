r"""Reading a proof file for ``derive verify``: every field parsed and its shape checked before anything is verified.

The file's LaTeX is parsed back (never evaluated as Python), its distributions
are rebuilt from their families, and a malformed field is a one-line
:class:`ProofFileError` that says where.  The top-level ``assumptions``
(``z \in \mathbb{R}``, ``x > 0``, ``1 \leq j \leq n``) are read by
:func:`derive.parse.assumptions.read_assumption` into the domain, after the
distributions' own; an interval it returns (open, closed or half-open) goes to
:class:`derive.core.domain.Domain` as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import sympy as sp

from derive.core.constraints import Member
from derive.core.domain import Domain
from derive.core.system import System, equations_of
from derive.distributions.base import Distribution
from derive.distributions.registry import family
from derive.errors import DeriveError
from derive.render.proof_schema import DistributionEntry, ProofDocument, ProofFileError, StepEntry
from derive.verify import establish

__all__ = ["ParsedProof", "ParsedStep", "domain_of", "kind_of", "one_line", "read_proof"]

_ORDERS = ("=", "<=", ">=", "<", ">")  # relations between expressions
_BETWEEN_STATEMENTS = ("=", "iff", "implies")


@dataclass(frozen=True)
class ParsedStep:
    """A step's LaTeX, parsed: the raw entry keeps the text (continuity is checked on the text)."""

    entry: StepEntry
    subject: sp.Basic | None
    before: sp.Basic
    after: sp.Basic


@dataclass(frozen=True)
class ParsedProof:
    """A proof file read: the domain of its distributions and assumptions, its statement (or none), its steps."""

    domain: Domain
    statement: sp.Basic | None
    steps: tuple[ParsedStep, ...]


def read_proof(document: ProofDocument, source: str) -> ParsedProof:
    """Every field of ``document`` parsed and its shape checked; raises :class:`ProofFileError` saying where."""
    assumptions = _assumptions(document.assumptions, source)
    symbols = tuple(a.symbol for a in assumptions)
    parameters = {tex for e in document.distributions for tex in e.parameters}
    for a in assumptions:
        if sp.latex(a.symbol) in parameters:
            raise ProofFileError(f"{source}: assumptions: {sp.latex(a.symbol)} is a distribution's parameter; "
                                 "its domain is its family's")
    dists = tuple(_distribution(d, f"{source}: distributions[{k}]", symbols)
                  for k, d in enumerate(document.distributions))
    domain = domain_of(assumptions, dists, f"{source}: assumptions")
    read = _reader(dists, document.units, symbols)
    statement = None
    if document.statement is not None:
        statement = read(document.statement, f"{source}: statement")
        if not all(establish.is_relation(p) and _sides_are_expressions(p) for p in establish.parts(statement)):
            raise ProofFileError(f"{source}: statement: expected an equation, an inequality (\\leq, \\geq, <, >) "
                                 "or a system of them")
    steps = tuple(_step(entry, read, source) for entry in document.steps)
    return ParsedProof(domain, statement, steps)


def _step(entry: StepEntry, read: Callable[[str, str], sp.Basic], source: str) -> ParsedStep:
    where = f"{source}: {entry.where}"
    subject = read(entry.subject, f"{where}.subject") if entry.subject is not None else None
    before, after = read(entry.before, f"{where}.before"), read(entry.after, f"{where}.after")
    kinds = {kind_of(before), kind_of(after)}
    if None in kinds:
        field = "before" if kind_of(before) is None else "after"
        raise ProofFileError(f"{where}.{field}: expected an expression, an equation, an inequality or a cases system")
    if subject is not None and kind_of(subject) != "expression":
        raise ProofFileError(f"{where}.subject: expected an expression, not a relation")
    if kinds == {"expression", "statement"}:
        raise ProofFileError(f"{where}: before and after must both be expressions or both be relations")
    if subject is not None and kinds != {"expression"}:
        raise ProofFileError(f"{where}: a chain with a subject relates expressions, not relations")
    if kinds == {"expression"} and entry.relation not in _ORDERS:
        raise ProofFileError(f"{where}.relation: {entry.relation} relates equations, not expressions")
    if kinds == {"statement"} and entry.relation not in _BETWEEN_STATEMENTS:
        raise ProofFileError(f"{where}.relation: between relations only =, iff and implies are understood")
    if entry.supposed and (subject is not None or equations_of(before) is None):
        raise ProofFileError(f"{where}.supposed: only an equation or a system of them can be supposed, "
                             "in a chain without a subject")
    return ParsedStep(entry, subject, before, after)


def kind_of(e: sp.Basic) -> str | None:
    """``expression``, ``statement`` (an equation, a bound, a system), or ``None`` for anything else."""
    if isinstance(e, sp.Expr):
        return "expression"
    if isinstance(e, System) or (establish.is_relation(e) and _sides_are_expressions(e)):
        return "statement"
    return None


def _sides_are_expressions(relation: sp.Basic) -> bool:
    return all(isinstance(side, sp.Expr) for side in relation.args)


def _reader(dists: tuple[Distribution, ...], units: str,
            symbols: tuple[sp.Symbol, ...]) -> Callable[[str, str], sp.Basic]:
    """``read(tex, where)``: a LaTeX field parsed with the file's distributions, units and symbols."""
    def read(tex: str, where: str) -> sp.Basic:
        return _parsed(lambda: _parse_latex(tex, dists, units, symbols), where)
    return read


def _parse_latex(tex: str, dists: Sequence[Distribution], units: str, symbols: Sequence[sp.Symbol]) -> sp.Basic:
    from derive.parse import parse_latex

    return parse_latex(tex, dists, units, symbols)


def _parsed(parse: Callable[[], sp.Basic], where: str) -> sp.Basic:
    """``parse()``, any failure of it a one-line :class:`ProofFileError` naming ``where``."""
    try:
        return parse()
    except ProofFileError:
        raise
    except DeriveError as exc:
        raise ProofFileError(f"{where}: {one_line(exc)}") from None
    except RecursionError:
        raise ProofFileError(f"{where}: nested too deeply to read") from None
    except Exception as exc:  # the parser's or SymPy's own failure on hostile text: the field cannot be read
        raise ProofFileError(f"{where}: cannot read it ({type(exc).__name__}: {one_line(exc)})") from None


def _assumptions(entries: tuple[str, ...], source: str) -> list:
    """The file's ``assumptions``, each read by the small pattern reader (never the full parser)."""
    from derive.parse.assumptions import read_assumption

    out = [_parsed(lambda tex=tex: read_assumption(tex), f"{source}: assumptions[{k}]")
           for k, tex in enumerate(entries)]
    names = [a.symbol.name for a in out]
    if len(set(names)) != len(names):
        raise ProofFileError(f"{source}: assumptions: a symbol is assumed twice")
    return out


def domain_of(assumptions: Sequence, dists: Sequence[Distribution], where: str = "assumptions") -> Domain:
    """The distributions' domains and the assumptions': an interval as given (open, closed or half-open), and
    ``1 <= j <= n`` with ``n`` a distribution's size."""
    intervals, constraints = [], []
    sizes = {s.name: s for d in dists for s in _symbols_of(d)}
    for a in assumptions:
        if a.interval is not None:
            intervals.append((a.symbol, a.interval))
        elif a.size in sizes:
            constraints.append(Member(a.symbol, sizes[a.size], a.every))
        else:
            raise ProofFileError(f"{where}: {a.size} in 1 <= {a.symbol} <= {a.size} is not the size of a distribution")
    try:
        return Domain().merge(*(d.domain for d in dists), Domain(tuple(intervals), tuple(constraints)))
    except DeriveError as exc:
        raise ProofFileError(f"{where}: {one_line(exc)}") from None


def _symbols_of(dist: Distribution) -> list[sp.Symbol]:
    try:
        return [s for s in dist.params if isinstance(s, sp.Symbol)]
    except NotImplementedError:
        return []


def _distribution(entry: DistributionEntry, where: str, symbols: tuple[sp.Symbol, ...] = ()) -> Distribution:
    from derive.parse import parse_latex
    from derive.render.printer import to_latex

    cls = _parsed(lambda: family(entry.family), f"{where}.family")
    params = []
    for k, tex in enumerate(entry.parameters):
        value = _parsed(lambda: parse_latex(tex, symbols=symbols), f"{where}.parameters[{k}]")  # \sigma(z): z assumed
        if not isinstance(value, sp.Expr):
            raise ProofFileError(f"{where}.parameters[{k}]: expected a parameter, got {tex[:40]!r}")
        params.append(value)
    try:
        dist = cls.from_parameters(params, entry.name, entry.outcomes)
        expected = [to_latex(c) for c in dist.domain.conditions()]
    except (DeriveError, TypeError, ValueError) as exc:
        raise ProofFileError(f"{where}: {one_line(exc)}") from None
    if list(entry.domain) != expected:
        shown = f"{list(entry.domain)}"[:200]
        raise ProofFileError(f"{where}.domain: {shown} is not the {dist.family} family's domain {expected}")
    return dist


def one_line(exc: BaseException) -> str:
    """An exception's message on one line of at most 300 characters (its type's name when it has none)."""
    return " ".join(str(exc).split())[:300] or type(exc).__name__
