"""The one call into latex2sympy2_extended, configured for derive.

The notation layer (:mod:`derive.parse.notation`) hands over plain LaTeX in
which derive's own notation has already been replaced by placeholder symbols;
this module parses it and puts the placeholders' objects back.

Choices and quirks of latex2sympy2_extended 1.11 handled here:

* The library is imported lazily: its ANTLR parser takes a noticeable time to load, and the plain
  fragments most text reduces to never need it (:mod:`derive.parse.direct` builds the same tree).
* No normalization pass (``normalization_config=None``): it rewrites text
  (``and``/``or`` to commas, ``inf`` to infinity, strips quotes); the notation
  layer does the little cleaning derive needs.
* ``lowercase_symbols=False`` keeps ``P``, ``Q``, ``H``, ``T``, ``p``, ``q`` apart.
* ``\\ln(x)`` comes back as the two-argument ``log(x, E)`` and ``\\log_2(x)`` as
  ``log(x, 2)``; both are rewritten to ``log(x)`` and ``log(x)/log(2)``.
* A letter before parentheses around one symbol or number (``p(x)``, ``p(2)``)
  is read as an undefined function, and an exponent after the parentheses
  applies to the whole call (``a (x)^{2}`` is ``(a*x)**2``).  The notation
  layer decides itself whether ``f(x)`` is a function applied or a product
  (:mod:`derive.parse.notation`) and writes ``\\cdot`` between a number's
  letter or digit and ``(``, so the grammar is never handed a call; turning
  one back into a product here is the fallback.
* The lexer reads ``d x`` and ``dx`` as one differential token, which becomes
  the symbol ``dx`` outside an integral and swallows the letter after ``d`` in
  ``x^d y``.  The notation layer reads integrals itself (``\\int`` never
  reaches the parser), reads ``\\frac{d}{dx}`` as a derivative, and writes
  every other ``d`` as a placeholder.
* ``interpret_as_mixed_fractions=False`` is not consulted by 1.11: an integer
  next to a number (``2 \\frac{1}{2}``, ``2 3``, ``2(3)``) is read as a mixed
  number (5/2, 5, 5), and ``1,000`` as 1000.  The notation layer protects
  ``\\frac`` of two integers, writes ``2 \\cdot (3)``, and refuses ``2 3``
  and ``1,000`` as ambiguous numbers.
* Parsing is tried first in ANTLR's fast SLL mode, which returns the same tree
  as full LL or fails.  It fails on ``x_1`` and ``x^{2}``, which the notation
  layer therefore writes as a placeholder and ``(x)^{2}``, so derive's own
  output never needs more.  Other text SLL rejects is re-parsed in LL mode
  only up to :data:`LL_DEPTH` nested brackets and :data:`LL_LENGTH` characters:
  full LL prediction grows steeply (twenty nested braces take seconds, forty minutes).
* Parsing is recursive and each level looks ahead through the rest of the
  input: text nested deeper than :data:`PARSER_DEPTH` brackets is refused
  before parsing (100 levels take about 3 s; near 120 Python's recursion limit
  is reached), and a sum of thousands of terms fails with a recursion error;
  both are reported as :class:`ParseError`.
"""

from __future__ import annotations

import re

import functools
from collections.abc import Callable, Mapping

import sympy as sp
from sympy.core.function import AppliedUndef

from derive.core.terms import mul, quotient, rebuild
from derive.errors import DeriveError
from derive.parse import direct

#: Deepest bracket nesting handed to the parser.
PARSER_DEPTH = 100
#: Largest magnitude of a numeric exponent, factorial or binomial argument (``p^{10^{10}}`` is refused).
MAX_NUMBER = 1000
#: Largest bracket depth and length of text for which the slow full-LL re-parse is tried.
LL_DEPTH, LL_LENGTH = 16, 2000


class ParseError(DeriveError, ValueError):
    """LaTeX that derive cannot read; the one-line message says what is wrong and where."""


class SyntaxFailure(Exception):
    """The grammar rejected the text at ``column`` (a position in the text it was given)."""

    def __init__(self, column: int, reason: str) -> None:
        reason = re.sub(r"\s*expecting \{.*", "", reason)  # the grammar's list of every token it would take
        super().__init__(reason)
        self.column = column
        self.reason = reason


def to_sympy(text: str, objects: Mapping[sp.Symbol, sp.Basic]) -> sp.Basic:
    """Parse plain LaTeX ``text``, then replace each placeholder symbol by its object in ``objects``.

    Raises :class:`SyntaxFailure` when the grammar rejects the text, and
    :class:`ParseError` when it is too deep or cannot be converted.
    """
    depth = _depth(text)
    if depth > PARSER_DEPTH:
        raise ParseError(f"brackets nested {depth} deep; the parser takes at most {PARSER_DEPTH}")
    expr = direct.read(text)
    if expr is not None:  # the plain subset: the library's tree without its parser
        return _finish(expr, objects)
    parse = _parser()
    try:
        try:
            expr = parse(text, True)
        except SyntaxFailure:
            if depth > LL_DEPTH or len(text) > LL_LENGTH:
                raise
            expr = parse(text, False)
    except SyntaxFailure:
        raise
    except RecursionError:
        raise ParseError("the expression is too long or too deeply nested for the parser") from None
    except Exception as exc:  # the library raises bare Exception (and SymPy errors) for what it cannot convert
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ParseError(f"cannot convert the expression: {reason}") from None
    if not isinstance(expr, sp.Basic):
        raise ParseError(f"the parser returned {type(expr).__name__}, not an expression")
    return _finish(expr, objects)


#: A placeholder the grammar took into a name (``x_{0.5}``: the subscript's decimal was derive's to read).
_INSIDE_NAME = re.compile(r"\(?\\text\{(derive\d+)\}\)?")


def _finish(expr: sp.Basic, objects: Mapping[sp.Symbol, sp.Basic]) -> sp.Basic:
    """Placeholders replaced, logarithms made natural, sums and products left unevaluated."""
    if isinstance(expr, sp.Symbol):
        return objects[expr] if expr in objects else _named(expr, objects)
    if not expr.args:
        return expr
    args = tuple(_finish(a, objects) for a in expr.args)
    if isinstance(expr, (sp.Pow, sp.factorial, sp.binomial)):
        _check_size(expr, args)
    if isinstance(expr, sp.log) and len(args) == 2:
        arg, base = args
        return sp.log(arg) if base == sp.E else quotient(sp.log(arg), sp.log(base))
    if isinstance(expr, AppliedUndef):
        name = expr.func.__name__.removeprefix("\\")
        if len(args) != 1 or not name.isalpha() or not name.isascii():
            raise ParseError(f"{expr.func.__name__}(...) with {len(args)} arguments is not derive notation")
        return mul(sp.Symbol(name), args[0])
    if isinstance(expr, sp.Mul) and any(a == 0 for a in args) and not all(map(_total, args)):
        return sp.Mul(*args, evaluate=False)  # 0 \cdot \log(p - q) as written: undefined where p = q
    return rebuild(expr, args)


def _total(expr: sp.Basic) -> bool:
    """Defined at every real point: built from symbols and numbers by sums, products and natural powers."""
    return all(isinstance(e, (sp.Symbol, sp.Number, sp.Add, sp.Mul)) or
               (isinstance(e, sp.Pow) and e.exp.is_Integer and e.exp >= 0) for e in sp.preorder_traversal(expr))


def _named(symbol: sp.Symbol, objects: Mapping[sp.Symbol, sp.Basic]) -> sp.Symbol:
    r"""``symbol`` with each placeholder inside its name written back as the number or name it stands for
    (``x_{0.5}`` is the name ``x_{1/2}``, ``x_{0.7}`` another; ``\theta_{\mathrm{ML}}`` is ``theta_{ML}``); any
    other object inside a name is refused, never left as a placeholder that two different subscripts share."""

    def number(match: re.Match) -> str:
        value = objects.get(sp.Symbol(match.group(1)))
        if not isinstance(value, (sp.Rational, sp.Symbol)):
            raise ParseError(f"cannot read derive's notation inside the name {_INSIDE_NAME.sub('...', symbol.name)}")
        return value.name if isinstance(value, sp.Symbol) else sp.sstr(value)

    name = _INSIDE_NAME.sub(number, symbol.name)
    return symbol if name == symbol.name else sp.Symbol(name, **symbol.assumptions0)


def _check_size(expr: sp.Basic, args: tuple[sp.Basic, ...]) -> None:
    """Refuse a numeric exponent, factorial or binomial beyond :data:`MAX_NUMBER` (``p^{10^{10}}``, ``(10^{6})!``):
    SymPy would compute such a number digit by digit (hours, or all memory) as soon as it is used."""
    numbers = [args[1]] if isinstance(expr, sp.Pow) else list(args)
    for n in numbers:
        if not n.is_number:
            continue
        try:
            size = abs(sp.N(n, 15))
        except (TypeError, ValueError, ArithmeticError):
            continue
        if size.is_number and size > MAX_NUMBER:
            what = "exponent" if isinstance(expr, sp.Pow) else f"argument of {type(expr).__name__}"
            raise ParseError(f"the {what} {sp.sstr(n)} is too large (at most {MAX_NUMBER}): "
                             "its value would have too many digits to compute")


def _depth(text: str) -> int:
    depth = deepest = 0
    for char in text:
        if char in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")]}":
            depth -= 1
    return deepest


@functools.cache
def _parser() -> Callable[[str, bool], sp.Basic]:
    """``parse(text, sll)``: a latex2sympy2_extended converter that raises :class:`SyntaxFailure`.

    It subclasses the library's ``_Latex2Sympy`` (what its ``latex2sympy`` function
    builds) to choose the prediction mode and the error listener.
    """
    from antlr4.atn.PredictionMode import PredictionMode
    from antlr4.error.ErrorListener import ErrorListener
    from latex2sympy2_extended import latex2sympy2 as l2s

    from derive.parse import warm

    warm.load()
    config = l2s.ConversionConfig(lowercase_symbols=False, interpret_as_mixed_fractions=False)

    class Listener(ErrorListener):
        def syntaxError(self, recognizer, offendingSymbol, line, column, msg, e):  # noqa: N802 (ANTLR's name)
            raise SyntaxFailure(column, msg)

    class Converter(l2s._Latex2Sympy):
        def __init__(self, sll: bool) -> None:
            super().__init__(config=config)
            self.sll = sll

        def create_parser(self, latex_str: str):
            parser = super().create_parser(latex_str)
            for recognizer in (parser, parser.getTokenStream().tokenSource):
                recognizer.removeErrorListeners()
                recognizer.addErrorListener(Listener())
            parser._interp.predictionMode = PredictionMode.SLL if self.sll else PredictionMode.LL
            return parser

    return lambda text, sll: Converter(sll).parse(text)
