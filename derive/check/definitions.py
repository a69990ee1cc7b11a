r"""Definitions that declare distributions, and the distributions they make.

Three forms declare a distribution (its name is one capital letter other
than ``H`` and ``E``, which are the entropy and the expectation):

=====================================================  ===========================================
written                                                 makes
=====================================================  ===========================================
``P(H) = p`` (and ``P(T) = 1 - p``)                     ``Bernoulli(p, name="P", outcomes=(H, T))``
``P(y=1) = 0.7`` (and ``P(y=0) = 0.3``)                 the same, the outcomes named by the label's values
``P(a) = p_a``, ``P(b) = p_b``, ``P(c) = 1 - p_a - p_b``  ``Categorical([...], outcomes=(a, b, c))``
``P(x_i) = p_i`` or ``P(i) = p_i``                       a categorical on ``n`` outcomes, ``P(i) = p_i``
``P = (p_1, \ldots, p_k)``                              the same, on ``k`` outcomes
``P = (p_1, p_2, p_3)``                                 ``Categorical([p_1, p_2, p_3])``
``P = \mathcal{N}(\mu_1, \sigma_1^2)``                  ``Normal(mu_1, sigma_1)``; also ``\sim``
``P = \mathrm{Exp}(\lambda)``, ``\mathrm{Bernoulli}``,   the family of that name, its parameters in
``\mathrm{Poisson}``, ``\mathrm{Laplace}``,               derive's order
``\mathrm{Geom}``, ``\mathrm{Gamma}``, ``\mathrm{Beta}``,
``\mathcal{U}``, ``\mathrm{Bin}``
=====================================================  ===========================================

Distributions with named outcomes share one list of outcomes: every label
given a probability, then every label of a sum ``\sum_{i \in \{H, T\}}``, in
the order they first appear; a lone ``H`` is a coin's, with ``T`` its other
outcome (a lone ``1``, with ``0``).  The first probability of a coin that is a
bare symbol (or a number) sets it; the other probabilities of the same
distribution are definitions that are *checked* against it.  The number of
outcomes of ``P(x_i) = p_i`` is the upper limit of the first
``\sum_{i=1}^{k}`` in the document (``n`` if there is none).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import sympy as sp

from derive.distributions.base import Distribution
from derive.errors import DeriveError
from derive.parse.tokens import split_top

#: A distribution's name: one capital letter but E (an expectation) and H (an entropy).
DISTRIBUTION_NAME = r"[A-DF-GI-Z]"
_LABEL = r"[A-Za-z0-9]+"
#: Lower-case names a distribution may have when the document declares it as a family or a vector.
_LOWER_NAME = re.compile(r"([pqr])")
#: ``P(x)`` or ``p(x)`` equal to a family: the distribution written as its density.
_FUNCTION = re.compile(r"([A-DF-GI-Zpqr])\(([A-Za-z])\)")
_PROBABILITY = re.compile(rf"({DISTRIBUTION_NAME})\((?:(?:[a-z]=)?({_LABEL})|([A-Za-z])_\{{?([a-z])\}}?)\)\Z")
_INDEXED_VALUE = re.compile(r"([A-Za-z])_\{?([a-z])\}?\Z")
_HEAD = re.compile(r"\\(?:mathcal|mathrm|text|textrm|operatorname|mathsf|mathbf|mathit)\{([A-Za-z]+)\}|([A-Za-z]+)")
_DOTS = re.compile(r"\\(?:ldots|dots|cdots|dotsc)")
_VECTOR_ENTRY = re.compile(r"([A-Za-z])_\{?([A-Za-z0-9]+)\}?\Z")
_OUTCOME_SUM = re.compile(r"\\sum_\{\s*[A-Za-z]\s*\\in\s*(?:\\left\s*)?(?:\\\{|\\lbrace)([^{}]*?)"
                          r"(?:\\right\s*)?(?:\\\}|\\rbrace)\s*\}")
_RANGE_SUM = re.compile(r"\\sum(?:\\limits)?_\{\s*[a-z]\s*=\s*1\s*\}\^\{?\s*([A-Za-z])\s*\}?")
_OTHER_SIDE = {"H": "T", "1": "0"}  # a coin's second outcome, when only the first is named
_SPACING = re.compile(r"\\(?:left|right|big|Big|bigg|Bigg)[lr]?\b|\\[,;:! ]|\s+")
#: Family names as written (lower case) -> derive's family.
FAMILY_NAMES = {
    "n": "normal", "normal": "normal", "gaussian": "normal", "exp": "exponential", "expo": "exponential",
    "exponential": "exponential", "bernoulli": "bernoulli", "ber": "bernoulli", "bern": "bernoulli",
    "poisson": "poisson", "pois": "poisson", "poi": "poisson", "laplace": "laplace", "geom": "geometric",
    "geometric": "geometric", "gamma": "gamma", "gam": "gamma", "beta": "beta", "u": "uniform", "unif": "uniform",
    "uniform": "uniform", "bin": "binomial", "binomial": "binomial", "binom": "binomial", "poiss": "poisson",
    "norm": "normal", "expon": "exponential", "geo": "geometric",
}


@dataclass(frozen=True)
class Declaration:
    """One definition that declares (part of) distribution ``name``; ``key`` identifies where it was written."""

    name: str
    value: str  # the right side, as written
    key: object
    outcome: str | None = None  # P(H) = p: "H"
    index: str | None = None  # P(x_i) = p_i: "i"
    family: str | None = None  # P = \mathcal{N}(...): "normal"; P = (p_1, ..., p_k): "vector"
    arguments: tuple[str, ...] = ()
    by_value: bool = False  # x \sim \mathcal{N}(...): the variable X written by its value
    cases: tuple[tuple[str, str], ...] = ()  # p(x) = \begin{cases} 1-r & x=0 \\ r & x=1 \end{cases}: (label, value)


@dataclass(frozen=True)
class Declared:
    """The distributions, and for each declaration: what it set (``made``) or why it is unusable (``problems``).

    A declaration in neither mapping is checked like a claim (``P(T) = 1 - p``).
    """

    distributions: tuple[Distribution, ...]
    made: Mapping[object, str] = field(default_factory=dict)
    problems: Mapping[object, str] = field(default_factory=dict)


def compact(tex: str) -> str:
    """LaTeX without spaces and sizing commands, for matching the forms above."""
    return _SPACING.sub("", tex)


def declaration(lhs: str, relation: str, rhs: str, key: object) -> Declaration | None:
    """The declaration ``lhs relation rhs`` makes, or ``None`` when it declares no distribution."""
    left, right = compact(lhs), compact(rhs)
    written = _LOWER_NAME.fullmatch(left) or _FUNCTION.fullmatch(left)
    if written is not None and written.re is _FUNCTION and relation in ("=", ":=") and \
            (cases := mass_cases(rhs, written.group(2))):
        return Declaration(written.group(1), rhs, key, family="cases", cases=cases)
    if written is not None and relation in ("=", ":=", "~"):  # p = \mathcal{N}(...), p(x) \sim \mathcal{N}(...)
        found = _family(right)
        if found is not None and (found[0] != "vector" or _entries_of(found[1], written.group(1))):
            return Declaration(written.group(1), rhs, key, family=found[0], arguments=found[1])
    match = _PROBABILITY.match(left)
    if match is not None and relation in ("=", ":=") and not (match.group(1) not in "PQR" and
                                                              (_uses(rhs, match.group(2)) or
                                                               _number(match.group(2)))):
        name, label, _, index = match.groups()
        value = _INDEXED_VALUE.match(right)
        if index is None and label is not None and len(label) == 1 and label.islower() and value and \
                value.group(2) == label:
            index, label = label, None  # P(i) = p_i
        if index is not None:
            return Declaration(name, rhs, key, index=index) if value and value.group(2) == index else None
        return Declaration(name, rhs, key, outcome=label)
    if relation == "~" and re.fullmatch(r"[a-df-gi-os-z]", left) and (found := _family(right)) is not None and \
            found[0] != "vector":  # x \sim \mathcal{N}(\mu, \sigma^2): the random variable X, its value x
        return Declaration(left.upper(), rhs, key, family=found[0], arguments=found[1], by_value=True)
    named = re.fullmatch(rf"({DISTRIBUTION_NAME}):[A-Z]", left)  # P: X \sim \mathrm{Bern}(p_1): X's is P
    if (re.fullmatch(DISTRIBUTION_NAME, left) or named) and relation in ("=", ":=", "~"):
        found = _family(right)
        if found is not None and (named is None or relation == "~"):
            return Declaration(named.group(1) if named else left, rhs, key, family=found[0], arguments=found[1])
    return None


_CASES = re.compile(r"\\begin\s*\{cases\}(?P<rows>.*?)\\end\s*\{cases\}\s*[.,]?", re.S)
_CASE_CONDITION = re.compile(r"(?:\\(?:text|mbox|textrm)\{(?:if|for|when)\}|if|for|when)?(?P<var>[a-z])=(?P<label>"
                             rf"{_LABEL})[.,;]?")


def mass_cases(right: str, variable: str) -> tuple[tuple[str, str], ...]:
    r"""``\begin{cases} 1-r & x=0 \\ r & x=1 \end{cases}`` for the variable ``x``: each outcome's label and value
    (compact), ``(("0", "1-r"), ("1", "r"))``; empty unless every row's condition sets ``x`` to one label (an
    "otherwise" row leaves the support open) and the labels differ."""
    found = _CASES.fullmatch(right.strip())
    if found is None:
        return ()
    out = []
    for row in found.group("rows").split("\\\\"):
        if not row.strip():
            continue
        value, _, condition = (compact(part) for part in row.partition("&"))
        m = _CASE_CONDITION.fullmatch(condition)
        if m is None or m.group("var") != variable or not value:
            return ()
        out.append((m.group("label"), value))
    labels = [label for label, _ in out]
    return tuple(out) if len(out) >= 2 and len(set(labels)) == len(labels) else ()


def formulas(declarations: Sequence[Declaration]) -> list[Declaration]:
    """The declarations without ``P(x) = (1 - p)^{x - 1} p`` where nothing else declares ``P``: a pmf given by its
    formula in ``x`` (a function of it, defined as any other), not the probability of an outcome named ``x``."""
    families = {d.name for d in declarations if d.family}
    return [d for d in declarations
            if not (d.outcome and d.name not in families and _uses(d.value, d.outcome))]


def _number(label: str | None) -> bool:
    """``L(1) = e^{-6.6}``: a name other than ``P``, ``Q``, ``R`` at a number is a function's value (a likelihood
    at a candidate), not the probability of an outcome."""
    return bool(label) and re.fullmatch(r"-?\d+(?:\.\d+)?", label) is not None


def _uses(right: str, label: str | None) -> bool:
    """``L(p) = 2 p^3 (1 - p)^3``: the right side uses the lower-case letter in the brackets (not as a
    subscript), so a name other than ``P``, ``Q``, ``R`` defines a function of it, not the probability of an
    outcome named so (for those, see :func:`formulas`)."""
    return bool(label) and len(label) == 1 and label.islower() and \
        re.search(rf"(?<![A-Za-z\\_])(?<!_{{){label}(?![A-Za-z])", right) is not None  # not p_x, p_{x}


def _entries_of(entries: Sequence[str], letter: str) -> bool:
    """``(p_1, \\ldots, p_k)`` for the name ``p``: every entry (but the dots) is ``letter`` with a subscript."""
    return all(_DOTS.fullmatch(compact(e)) or ((m := _VECTOR_ENTRY.match(compact(e))) and m.group(1) == letter)
               for e in entries)


def _family(right: str) -> tuple[str, tuple[str, ...]] | None:
    """``\\mathcal{N}(a, b)`` -> ("normal", (a, b)); ``(p_1, \\ldots, p_k)`` -> ("vector", entries)."""
    head = _HEAD.match(right)
    if head is not None and right[head.end():head.end() + 1] == "(" and right.endswith(")"):
        name = (head.group(1) or head.group(2)).lower()
        if name in FAMILY_NAMES:
            inner = right[head.end() + 1:-1]
            inner = inner.replace(r"\mid", "|").split(";", 1)[-1].split("|", 1)[-1]  # N(x; mu, s^2), N(x | mu, s^2)
            return FAMILY_NAMES[name], tuple(split_top(inner))
    if len(right) > 2 and right[0] in "([" and right[-1] in ")]":
        entries = tuple(split_top(right[1:-1]))
        if len(entries) >= 2:
            return "vector", entries
    return None


def family_of(tex: str) -> tuple[str, tuple[str, ...]] | None:
    """The family and arguments ``tex`` names (``\\mathcal{N}(a, b)``), never a vector; ``None`` for anything else."""
    found = _family(compact(tex))
    return None if found is None or found[0] == "vector" else found


def outcome_labels(declarations: Sequence[Declaration], texts: Sequence[str]) -> tuple[str, ...]:
    """The shared outcomes: labels given a probability, then labels of sums over outcomes, first seen first.

    A lone ``H`` (or ``1``) is a coin's: its other outcome is ``T`` (or ``0``).
    """
    labels = [d.outcome for d in declarations if d.outcome is not None]
    for tex in texts:
        for match in _OUTCOME_SUM.finditer(tex):
            labels.extend(compact(x) for x in match.group(1).split(","))
    found = tuple(dict.fromkeys(label for label in labels if re.fullmatch(_LABEL, label)))
    return found + (_OTHER_SIDE[found[0]],) if len(found) == 1 and found[0] in _OTHER_SIDE else found


def size_symbol(texts: Sequence[str]) -> str:
    """The number of outcomes of an indexed categorical: the first ``\\sum_{i=1}^{k}``'s ``k``, else ``n``."""
    for tex in texts:
        match = _RANGE_SUM.search(tex)
        if match is not None:
            return match.group(1)
    return "n"


def declare(declarations: Sequence[Declaration], texts: Sequence[str]) -> Declared:
    """Build every declared distribution; ``texts`` are the document's math, for outcomes and sizes."""
    outcomes = outcome_labels(declarations, texts)
    size = size_symbol(texts)
    by_name: dict[str, list[Declaration]] = {}
    for d in declarations:
        by_name.setdefault(d.name, []).append(d)
    dists: list[Distribution] = []
    made: dict[object, str] = {}
    problems: dict[object, str] = {}
    for name, group in by_name.items():
        try:
            dist, setting = _build(name, group, outcomes, size)
        except (DeriveError, ValueError, TypeError) as exc:
            for d in group:
                problems[d.key] = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            continue
        dists.append(dist)
        for d in setting:
            made[d.key] = f"{name} is {_describe(dist)}" + _reading_note(d)
    return Declared(tuple(dists), made, problems)


def _build(name: str, group: list[Declaration], outcomes: tuple[str, ...],
           size: str) -> tuple[Distribution, list[Declaration]]:
    """The distribution ``name`` and the declarations that set it (the others are checked against it)."""
    families = [d for d in group if d.family is not None]
    if families:
        return _from_family(name, families[0], outcomes, size), [families[0]]
    indexed = [d for d in group if d.index is not None]
    if indexed:
        base = _INDEXED_VALUE.match(compact(indexed[0].value)).group(1)  # type: ignore[union-attr]
        return _symbolic_categorical(name, size, base), [indexed[0]]
    return _from_probabilities(name, group, outcomes)


def _from_family(name: str, d: Declaration, outcomes: tuple[str, ...], size: str) -> Distribution:
    from derive.distributions.bernoulli import Bernoulli
    from derive.distributions.categorical import Categorical
    from derive.distributions.registry import family

    if d.family == "vector":
        if any(_DOTS.search(a) for a in d.arguments):
            first, last = (_VECTOR_ENTRY.match(compact(a)) for a in (d.arguments[0], d.arguments[-1]))
            if first is None or last is None or first.group(1) != last.group(1):
                raise DeriveError(f"{name} = (p_1, \\ldots, p_k) must list one letter with subscripts")
            return _symbolic_categorical(name, last.group(2) if last.group(2).isalpha() else size, first.group(1))
        values = [_number_or_symbol(a) for a in d.arguments]
        labels = outcomes if len(outcomes) == len(values) else None
        return Categorical(values, name=name, outcomes=labels)
    if d.family == "cases":
        return _from_cases(name, d.cases)
    args = [_number_or_symbol(a) for a in d.arguments]
    if d.family == "bernoulli":
        if len(args) != 1:
            raise DeriveError(f"Bernoulli takes one parameter, got {len(args)}")
        default = ("1", "0") if name.isupper() and name not in "PQR" else ("H", "T")  # X ~ Bernoulli(p): 1 or 0
        return Bernoulli(args[0], name=name, outcomes=outcomes if len(outcomes) == 2 else default)
    if d.family == "normal" and len(args) == 2:
        args[1] = _scale_of_variance(args[1], d.arguments[1])
    return family(d.family).from_parameters(args, name)


def _from_cases(name: str, cases: tuple[tuple[str, str], ...]) -> Distribution:
    """A pmf given by cases over its outcomes: a Bernoulli law (two, its parameter the outcome whose value is a
    plain symbol if one is) or a categorical; its values must add up to 1."""
    from derive.distributions.bernoulli import Bernoulli
    from derive.distributions.categorical import Categorical

    labels = tuple(label for label, _ in cases)
    values = [_number_or_symbol(value) for _, value in cases]
    if sp.simplify(sp.Add(*values) - 1) != 0:
        raise DeriveError(f"the values of {name} by cases ({', '.join(v for _, v in cases)}) do not add up to 1")
    if len(values) == 2:
        first = 1 if isinstance(values[1], sp.Symbol) and not isinstance(values[0], sp.Symbol) else 0
        return Bernoulli(values[first], name=name, outcomes=(labels[first], labels[1 - first]))
    return Categorical(values, name=name, outcomes=labels)


def _scale_of_variance(variance: sp.Expr, written: str) -> sp.Expr:
    """``sigma^2`` -> ``sigma``: a normal is written with its variance, derive's Normal takes the scale; a bare
    ``sigma`` is the scale itself (:func:`_sd_written`), a square number a variance."""
    if isinstance(variance, sp.Pow) and variance.exp == 2 and isinstance(variance.base, sp.Symbol):
        return variance.base
    if _sd_written(variance):
        return variance
    if variance.is_Rational and variance > 0 and sp.sqrt(variance).is_Rational:
        return sp.sqrt(variance)
    raise DeriveError(f"the variance {written} of a normal must be written as a square (\\sigma^2) or a square number")


def _sd_written(argument: sp.Expr) -> bool:
    """``N(\\mu, \\sigma)``: a bare sigma is a standard deviation by its name (a variance is written squared)."""
    return isinstance(argument, sp.Symbol) and argument.name.split("_")[0] == "sigma"


def _symbolic_categorical(name: str, size: str, base: str) -> Distribution:
    from derive.distributions.indexed import SymbolicCategorical

    return SymbolicCategorical(sp.Symbol(size), name=name, probs=base)


def _from_probabilities(name: str, group: list[Declaration],
                        outcomes: tuple[str, ...]) -> tuple[Distribution, list[Declaration]]:
    from derive.distributions.bernoulli import Bernoulli
    from derive.distributions.categorical import Categorical

    values: dict[str, Declaration] = {}
    for d in group:
        if d.outcome is not None:
            values.setdefault(d.outcome, d)  # the first value given sets; a later one is checked
    if len(outcomes) < 2:
        raise DeriveError(f"{name} has only the outcome {', '.join(outcomes) or '?'}; give another "
                          f"(like {name}(T) = 1 - p) or sum over them (\\sum_{{i \\in \\{{H, T\\}}}})")
    if len(outcomes) == 2:
        first = values.get(outcomes[0])
        if first is None:
            raise DeriveError(f"{name}({outcomes[0]}), the first outcome's probability, is not given")
        return Bernoulli(_number_or_symbol(first.value), name=name, outcomes=outcomes), [first]
    given = [values.get(o) for o in outcomes]
    if any(v is None for v in given[:-1]):
        missing = [o for o, v in zip(outcomes, given) if v is None]
        raise DeriveError(f"the probabilities of {name} at {', '.join(missing)} are not given")
    probs = [_number_or_symbol(v.value) if v else None for v in given]
    if probs[-1] is None:
        probs[-1] = 1 - sp.Add(*probs[:-1])
    return Categorical(probs, name=name, outcomes=outcomes), [v for v in given if v is not None]


def _number_or_symbol(tex: str) -> sp.Expr:
    """A parameter as written: a symbol, an exact number, or ``1 - ...`` (read by derive's parser)."""
    from fractions import Fraction

    from derive.parse import parse_latex

    value = parse_latex(tex)
    if isinstance(value, sp.Float):
        fraction = Fraction(str(float(value)))
        return sp.Rational(fraction.numerator, fraction.denominator)
    if not isinstance(value, sp.Expr) or isinstance(value, sp.Equality):
        raise DeriveError(f"{tex} is not a parameter")
    return value


def _reading_note(d: Declaration) -> str:
    """What the declaration was read as, where the notation has two conventions."""
    if d.family == "normal" and len(d.arguments) == 2 and _sd_written(_number_or_symbol(d.arguments[1])):
        return f", with {d.arguments[1].strip()} read as the standard deviation (a variance is written squared)"
    return ""


def _describe(dist: Distribution) -> str:
    """``Bernoulli(p) on H, T``, ``Normal(mu_1, sigma_1)``, ``a categorical on k outcomes with P(i) = p_i``."""
    from derive.distributions.indexed import SymbolicCategorical

    if isinstance(dist, SymbolicCategorical):
        return f"a categorical distribution on {dist.n} outcomes, {dist.name}(i) = {dist.base}_i"
    params = ", ".join(str(p) for p in dist.params)
    try:
        labels = ", ".join(o.name for o in dist.outcomes)
    except NotImplementedError:
        labels = ""
    return f"{type(dist).__name__}({params})" + (f" on {labels}" if labels else "")


@dataclass(frozen=True)
class Outcome:
    """A discrete family's outcome variable ``k``: an integer of its support ``low..high``, sampled there.

    A domain constraint (the shape of those of :mod:`derive.core.domain`): a
    counterexample to ``P(k) = ...`` is then an outcome the family can take,
    never ``k = -18/11``; proofs keep ``k`` as it is (an integer, and
    nonnegative when the support is).
    """

    variable: sp.Symbol
    low: sp.Expr
    high: sp.Expr

    @property
    def symbols(self) -> tuple[sp.Symbol, ...]:
        return (self.variable,)

    def cover(self, _: dict[sp.Symbol, sp.Expr]) -> dict[sp.Symbol, sp.Expr]:
        return {}

    def sample(self, k: int, _: dict[sp.Basic, sp.Rational]) -> dict[sp.Basic, sp.Rational]:
        step = (0, 1, 2, 3, 5, 4, 7, 10)[k % 8]
        if self.high.is_finite:
            step %= int(self.high - self.low) + 1
        return {self.variable: self.low + step}

    def conditions(self) -> tuple[sp.Basic, ...]:
        out = (sp.GreaterThan(self.variable, self.low, evaluate=False),)
        return out + ((sp.LessThan(self.variable, self.high, evaluate=False),) if self.high.is_finite else ())


def outcome_domain(dists: Sequence[Distribution], variables: set[sp.Basic]):
    """A domain that places each of ``variables`` that is a family's variable inside that family's support.

    A discrete family's variable gets an :class:`Outcome` constraint, a
    continuous one's the open interval of its support (when its ends are
    numbers); the first family to name a variable decides.
    """
    from derive.core.domain import Domain
    from derive.distributions.parametric import Parametric

    intervals: dict[sp.Symbol, sp.Interval] = {}
    constraints: dict[sp.Symbol, Outcome] = {}
    for dist in dists:
        if not isinstance(dist, Parametric) or dist.variable not in variables:
            continue
        var = dist.variable
        if var in intervals or var in constraints:
            continue
        try:
            low, high = dist.bounds
        except (NotImplementedError, AttributeError, TypeError, ValueError):
            continue
        if not (low.is_number and high.is_number) or low.is_infinite and dist.discrete:
            continue
        if dist.discrete:
            constraints[var] = Outcome(var, sp.Integer(low), high if high.is_infinite else sp.Integer(high))
        else:
            intervals[var] = sp.Interval.open(low, high)
    return Domain(tuple(intervals.items()), tuple(constraints.values()))
