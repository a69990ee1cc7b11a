"""What the stages of ``derive check`` share: where a statement comes from, a piece that could not be read,
the entry of a link, values put for symbols, rounding, and functions the text defines."""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from derive.check.chains import Link
from derive.check.statements import Statement
from derive.check.report import Entry
from derive.parse.derivatives import is_implicit
from derive.parse.names import written_name


_RELATION_NAMES = {"≈": r"\approx: an approximation", "∝": r"\propto: a proportionality", "~": r"\sim",
                   "≡": r"\equiv", "!=": r"\neq: an inequation", "<": "<: an inequality", ">": ">: an inequality",
                   "<=": r"\le: an inequality", ">=": r"\ge: an inequality", "∈": r"\in: a membership",
                   "→": r"\to: a limit or map", "⇒": "an implication", "⇔": "an equivalence",
                   "≪": r"\ll", "≫": r"\gg", "⊥": r"\perp: an independence"}


@dataclass(frozen=True)
class Source:
    """Statements from one place: the document, or one ``--define`` (or front matter ``define``) item."""

    origin: str
    statements: list[Statement]
    defines: bool


@dataclass(frozen=True)
class Failed:
    """A piece that could not be read: skipped (prose, elided) or not parsed, and why."""

    status: str
    reason: str


#: The names of a standard deviation, positive when nothing else places them.
SCALE = re.compile(r"sigma(?:_\{?\w+\}?)?|sigma(?:hat|bar|tilde)")


def put_values(expr: sp.Basic, values: dict) -> sp.Basic:
    r"""``expr`` with ``values`` put in, and in what they put in (a name defined by another: ``\hat y`` by
    ``\sigma(z)``, ``z`` by ``w x + b``).  A derivative with respect to a name given a value is taken first, with
    that name a variable: ``\frac{d}{dp} \log p`` at ``p = 1/2`` is 2, not a derivative with respect to 1/2, and
    ``\frac{\partial L}{\partial \hat y}`` is taken in ``\hat y`` before ``\hat y`` is ``\sigma(z)``."""
    if not values:
        return expr
    names = {x for x in values if isinstance(x, sp.Symbol)}
    for _ in range(_DEPTH):
        expr = _put_once(expr, values)
        if not expr.free_symbols & names:
            break
    return expr


_DEPTH = 6  # names defined by names, at most this deep (a loop of definitions stops here)


def _put_once(expr: sp.Basic, values: dict) -> sp.Basic:
    if expr.has(AppliedUndef):  # L(z) of \frac{\partial L}{\partial z}, where L stands for an expression
        names = {x.name: value for x, value in values.items() if isinstance(x, sp.Symbol)}
        expr = expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ in names,
                            lambda e: names[e.func.__name__])
    given = {x for x, value in values.items() if isinstance(x, sp.Symbol) and isinstance(value, sp.Expr)}
    if given and expr.has(sp.Derivative):
        def taken(e: sp.Derivative) -> sp.Basic:
            inside = {x: value for x, value in values.items() if x not in e.variables}
            done = sp.Derivative(put_values(e.expr, inside), *e.variable_count).doit()
            numbers = all(values[v].is_number for v in e.variables if v in given)
            return done if numbers or not done.has(sp.Derivative) else e

        expr = expr.replace(lambda e: isinstance(e, sp.Derivative) and any(v in given for v in e.variables),
                            taken)
    bound = {v for e in expr.atoms(sp.Sum, sp.Integral, sp.Derivative) for v in e.variables}
    # a sum's own x is not the x given; a derivative in t at t = 0 is its value there (a Subs)
    return expr.subs(values) if bound & values.keys() else expr.xreplace(values)


def taken_expr(expr: sp.Basic) -> sp.Basic:
    """``expr`` with its derivatives (and their values at a point) taken where nothing undefined is left in them
    (of a sum, term by term: SymPy differentiates under the sum)."""
    if not expr.has(sp.Derivative, sp.Subs):
        return expr
    return expr.replace(lambda e: isinstance(e, (sp.Derivative, sp.Subs)) and not e.has(AppliedUndef),
                        lambda e: e.doit())


def squared(arg: sp.Basic) -> bool:
    r"""``\sigma^2`` as the argument of a function being defined: the square of a positive scale."""
    return isinstance(arg, sp.Pow) and arg.exp == 2 and isinstance(arg.base, sp.Symbol) and \
        (arg.base.is_positive or SCALE.fullmatch(arg.base.name) is not None)


@dataclass(frozen=True)
class OfSquares:
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


def with_functions(expr: sp.Basic, functions: dict[object, sp.Lambda]) -> sp.Basic:
    """``expr`` with each defined function applied: ``f(2)`` is ``4`` after ``f(x) = x^2``, and ``f'(x)``'s
    derivative is taken of the definition."""
    expr = _arguments_omitted(expr, functions)
    names = {written_name(f) for f in functions}
    if not any(expr.has(f) for f in functions) and \
            not any(written_name(e.func) in names for e in expr.atoms(AppliedUndef)):
        return expr
    out = expr
    for _ in range(len(functions)):  # l(x) = \ln L(x) after L(x) = ...: applied until none is left
        for f, meaning in functions.items():  # applied to as many arguments as it was defined with (E(t, o), not E(o))
            if isinstance(meaning, sp.Lambda):
                out = out.replace(lambda e, f=f, meaning=meaning: isinstance(e, AppliedUndef) and
                                  _same_function(e.func, f, functions) and _arguments(e, meaning) is not None,
                                  lambda e, meaning=meaning: meaning(*_arguments(e, meaning)))
            else:
                out = out.replace(f, meaning)
        if not any(out.has(f) for f in functions):
            break
    return taken_expr(in_support(out) if out.has(sp.Piecewise) else out)


def _same_function(written: object, defined: object, functions: dict) -> bool:
    r"""``written`` is the function ``defined``, or the same name written without the bar its definition has
    (``\frac{d\ell}{dp}`` after ``\ell(p \mid x) = ...``)."""
    return written == defined or (written not in functions and written_name(written) == written_name(defined))


def _arguments(applied: AppliedUndef, meaning: sp.Lambda) -> tuple | None:
    r"""The arguments to apply ``meaning`` to, for ``applied``: its own variables where ``applied`` only says the
    function depends on one of its parameters (``\frac{\partial h}{\partial a}`` after ``h(x) = 1/(1 + e^{-a -
    b x})``, see :func:`~derive.parse.derivatives.implicit_function`); else its arguments, as many as it was defined
    with; the first of them alone where the rest are its own variables, left out (``\ell(p)`` after ``\ell(p \mid
    x) = ...``); or, at its variables or at data, with its parameters written again after them (``f(x_k; \mu,
    b)`` after ``f(x) = ...`` in ``\mu`` and ``b``; not ``f(\mathbf{x}; \mu, b)``, the density of a whole
    sample); ``None`` otherwise."""
    args, variables, n = applied.args, meaning.variables, len(meaning.variables)
    if is_implicit(applied.func) and len(args) == 1 and args[0] not in variables and \
            args[0] in meaning.expr.free_symbols:
        return tuple(variables)
    if len(args) == n:
        return args
    if 0 < len(args) < n and tuple(args) == tuple(variables[:len(args)]):
        return tuple(variables)
    if len(args) > n and all(isinstance(a, sp.Symbol) and a in meaning.expr.free_symbols and a not in variables
                             for a in args[n:]) and \
            all(a == v or isinstance(a, sp.Indexed) for a, v in zip(args, variables)):  # a datum, not a vector
        return tuple(args[:n])
    return None


def _arguments_omitted(expr: sp.Basic, functions: dict[object, sp.Lambda]) -> sp.Basic:
    r"""``\int P \log P \, dx`` after ``P(x) = ...``: a function of one variable written bare inside an integral
    over a variable of that name is the function applied to it (texts omit the argument for brevity)."""
    if not expr.has(sp.Integral):
        return expr
    bare = {str(f): (f, meaning.variables[0].name) for f, meaning in functions.items()
            if isinstance(meaning, sp.Lambda) and len(meaning.variables) == 1}

    def applied(e: sp.Integral) -> sp.Integral:
        variable = e.variables[0]
        named = {x: bare[x.name][0](variable) for x in e.function.free_symbols
                 if isinstance(x, sp.Symbol) and x.name in bare and bare[x.name][1] == variable.name}
        return sp.Integral(e.function.xreplace(named), *e.limits) if named else e

    return expr.replace(lambda e: isinstance(e, sp.Integral) and len(e.variables) == 1, applied) if bare else expr


def in_support(expr: sp.Basic) -> sp.Basic:
    r"""``expr`` with each density defined by cases, applied to a datum (``f(x_i, \theta)``, the case ``x_i \ge 0``
    or 0 otherwise), taken where it is not 0: a sample lies where its density is positive."""
    def nonzero(e: sp.Piecewise) -> sp.Basic:
        values = [value for value, _ in e.args if value != 0]
        data = any(isinstance(x, sp.Indexed) for _, cond in e.args for x in cond.atoms(sp.Indexed))
        return values[0] if len(values) == 1 and len(e.args) > 1 and data else e

    return expr.replace(lambda e: isinstance(e, sp.Piecewise), nonzero)


#: A unit written after a number (``1.5 \mathrm{bits}``, ``0.08 \text{ nats}``): no factor of the formula.
UNIT_WORD = re.compile(r"(?:\\[,;:! ]|\s|~)*\\(?:mathrm|text|textrm|operatorname)\s*"
                       r"\{\s*(?:bits?|nats?|shannons?)\s*\}")


def link_entry(origin: str, link: Link, kind: str, status: str, reason: str,
           counterexample: tuple[tuple[str, str], ...] = (), checked: bool = False,
           relation: str | None = None) -> Entry:
    return Entry(origin, link.line, kind, status, link.lhs.tex, link.rhs.tex, reason, counterexample, checked,
                 link.relation if relation is None else relation)


def relation_reason(relation: str) -> str:
    return _RELATION_NAMES.get(relation, relation)


def arguments_placed(expr: sp.Basic, domains: dict) -> dict:
    """Each free plain symbol ``expr`` gives a function as its variable, where the text defined that function on
    an interval (``function_domains``): the interval (a symbol given two different ones is left out)."""
    found: dict = {}
    clash = set()
    free = expr.free_symbols
    for f in expr.atoms(AppliedUndef):
        for arg, interval in zip(f.args, domains.get(f.func, ())):
            if isinstance(arg, sp.Symbol) and interval is not None and arg in free:
                if found.get(arg, interval) != interval:
                    clash.add(arg)
                found[arg] = interval
    return {s: i for s, i in found.items() if s not in clash}
