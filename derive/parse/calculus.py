r"""The notation of the minimization derivations, read back: derivatives, functions, systems and relations.

Under ``\frac{d}{dx}`` a name no one declares, written alone (``\frac{d}{dx} f``,
``\frac{dy}{dx}``), is a function of ``x``: ``Derivative(f(x), x)``, never 0 by
accident; a declared one (a distribution's parameter, a bounded symbol) is a
constant.  ``\frac{\partial}{\partial q} X`` reads ``X`` as written (derive's
documents differentiate their parameters and the symbols they define).

The reader of :mod:`derive.parse.notation` mixes in :class:`CalculusForms`; this
module holds everything it learned for the minimization topic, so the two grow apart.

======================================  ===================================================
LaTeX                                   SymPy
======================================  ===================================================
``\frac{\partial}{\partial q} X``       ``Derivative(X, q)``, unevaluated; ``q`` may be an
``\frac{\partial^{2}}{\partial q^{2}}   entry ``q_{j}`` or a parameter ``\mu_{2}``.  ``X`` is
X``                                     one factor: a bracketed group (with its exponent), a
                                        call (``\log(q)``, ``H(P, Q)``, ``f(x)``), a logarithm
                                        with its argument, a sum with its body, a name or number
                                        with its scripts, another derivative; a sign before it
                                        belongs to it (``\frac{\partial}{\partial x} -1``).  A
                                        factor after an ``X`` not in brackets is an error
                                        (``\frac{d}{dx} 3x``: 3 or 3x?)
``\frac{d}{dx} X``, ``\frac{d}{d x}``,  the same derivative, never the fraction d/(d x); a
``\frac{\mathrm{d}}{\mathrm{d}x}``,     ``d`` declared a number (an assumption, a parameter)
``\frac{d^{2}}{dx^{2}}``                makes the italic forms an error (``ambiguous``)
``\frac{dy}{dx}``,                      ``Derivative(y, x)``: the operand written on top
``\frac{d^2 y}{dx^2}``
``\left.\frac{d}{dx} X\right|_{x=a}``   ``Subs(Derivative(X, x), x, a)``; the bar (also ``\Big|``
                                        without ``\left.``) must close the derivative alone
``\frac{d}{x}``, ``\frac{d}{2}``        fractions: ``d`` below must be followed by a variable
``\sigma(z)``                           ``Sigmoid(z)`` (unless ``\sigma`` is a parameter)
``\delta_{i j}``                        ``KroneckerDelta(i, j)``
``\max\left(a, b\right)``, ``\min``     ``Max(a, b)``, ``Min(a, b)``
``\log_{b}(x)``, ``b`` the arbitrary    ``Log(x, b)`` (``units="any"``); other bases read as
base of ``units="any"``                 ``log(x)/log(b)``
``\lambda``                             ``Symbol("lambda", real=True)``: the Lagrange
                                        multiplier (unless a distribution names a parameter so),
                                        with no sign: a domain states one (``\lambda > 0``)
a name in ``symbols``                   that symbol, with its assumptions (``z`` real, ...)
``\begin{cases} a = b \\ c = d          ``System(Eq(a, b), Eq(c, d))``: equations that hold
\end{cases}``                           together, in order
``a \geq b``, ``a > b``, ``\leq``,      ``Ge(a, b)``, ``Gt(a, b)``, ... unevaluated, at the
``<``, ``\neq``; ``a < b < c``          top level only; a chain of two is their ``And``
======================================  ===================================================

The assumptions of a proof file (``z \in \mathbb{R}``, ``x > 0``, ``x \geq 0``,
``b > 1``, ``y \leq 1``, ``0 < y < 1``, ``0 \leq y \leq 1``, ``1 \leq j \leq n``) are read by
:func:`read_assumption`, a small pattern reader of exactly these forms: a bound
gives a real symbol and an interval (closed at ``\leq``, ``\geq``), never a
positive symbol.  Nothing here evaluates text.
"""

from __future__ import annotations

import contextlib
import re
import string
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from fractions import Fraction

import sympy as sp

from derive.core.functions import Log, Sigmoid
from derive.core.system import System
from derive.distributions.measures import ANY_BASE
from derive.parse.adapter import ParseError
from derive.parse.lexicon import TENDS_TO

#: While set, a name differentiated alone (``\frac{\partial z}{\partial w}``) stays the plain symbol it is
#: elsewhere: the chain it is in says what it is a function of (:mod:`derive.check.leibniz`).
_LEIBNIZ: ContextVar[bool] = ContextVar("leibniz", default=False)
#: The words of the error for a name differentiated alone that the formula also writes alone.
ALSO_ALONE = "but also written alone"


@contextlib.contextmanager
def leibniz(on: bool = True) -> Iterator[None]:
    """Within the block, a name differentiated alone is not made a function of the variable (see ``_LEIBNIZ``)."""
    token = _LEIBNIZ.set(on)
    try:
        yield
    finally:
        _LEIBNIZ.reset(token)


def in_leibniz() -> bool:
    return _LEIBNIZ.get()


def implicit_function(name: str) -> type[sp.Function]:
    r"""The function a name differentiated alone is read as (``h`` in ``\frac{\partial h}{\partial a}``): marked
    apart from one the text applies itself, because it says only that ``h`` depends on ``a``, not that ``h`` is
    taken at ``a`` (after ``h(x) = 1/(1 + e^{-a - b x})`` it is that expression, ``x`` kept)."""
    return sp.Function(name, commutative=True)


def is_implicit(function: object) -> bool:
    """``function`` is one :func:`implicit_function` made."""
    return getattr(function, "_kwargs", {}).get("commutative") is True


#: Commands this module reads (added to the notation layer's known commands).
EXTRA_COMMANDS = frozenset({r"\partial", r"\max", r"\min"})
#: The Lagrange multiplier derive's categorical minimization uses: real; its sign is its domain's to state.
LAGRANGE = sp.Symbol("lambda", real=True)

_ORDER = {"<": sp.StrictLessThan, ">": sp.StrictGreaterThan, r"\lt": sp.StrictLessThan, r"\gt": sp.StrictGreaterThan,
          r"\leq": sp.LessThan, r"\le": sp.LessThan, r"\geq": sp.GreaterThan, r"\ge": sp.GreaterThan,
          r"\neq": sp.Unequality, r"\ne": sp.Unequality}
_CALLS = {r"\max": sp.Max, r"\min": sp.Min}
_GROUPS = {"(": ")", "[": "]", "{": "}"}
#: ``d`` (italic or upright) in ``\frac{d}{dx}``.
_D_OPERATORS = frozenset({"d", r"\mathrm{d}"})
#: What may follow a derivative's operand that is not in brackets: anything else is another factor, which the
#: reader could take as part of the operand (``\frac{d}{dx} 3x``).
_OPERAND_ENDS = frozenset({"+", "-", "=", "<", ">", ",", ")", "]", "}", r"\}", "&"}) | frozenset(_ORDER)
_ONE_CHAR_SUBSCRIPT = re.compile(r"_\{(\w)\}")  # x_{1} is named x_1, as in the notation layer
_CASES = re.compile(r"\s*\\begin\s*\{cases\}(?P<rows>.*)\\end\s*\{cases\}\s*\Z", re.S)


# -- systems: \begin{cases} ... \end{cases} -------------------------------------------------
def split_cases(tex: str) -> list[str] | None:
    r"""The rows of ``\begin{cases} a = b \\ c = d \end{cases}``, or ``None`` when ``tex`` is not one."""
    match = _CASES.match(tex)
    if match is None:
        if r"\begin" in tex or r"\end" in tex:
            raise ParseError(r"only \begin{cases} ... \end{cases}, around a whole statement, is understood")
        return None
    body, rows, depth, start, k = match.group("rows"), [], 0, 0, 0
    while k < len(body):
        if body.startswith("\\\\", k) and depth == 0:
            rows.append(body[start:k])
            k += 2
            start = k
            continue
        if body[k] == "\\":
            k += 2
            continue
        depth += {"{": 1, "}": -1}.get(body[k], 0)
        k += 1
    rows.append(body[start:])
    rows = [r.strip() for r in rows]
    if rows and not rows[-1]:
        rows.pop()  # a trailing \\ ends the last row
    if any(r"\begin" in r or r"\end" in r for r in rows):
        raise ParseError(r"\begin{cases} cannot be nested")
    return rows


def system_of(rows: Sequence[str], parse: Callable[[str], sp.Basic]) -> System:
    """The equations of a ``cases`` environment, each row parsed by ``parse``, as a :class:`System`."""
    equations = []
    for k, row in enumerate(rows, 1):
        if not row:
            raise ParseError(f"row {k} of the cases environment is empty")
        try:
            equation = parse(row)
        except ParseError as exc:
            raise ParseError(f"row {k} of the cases environment: {exc}") from None
        if not isinstance(equation, sp.Equality):
            raise ParseError(f"row {k} of the cases environment is not an equation")
        equations.append(equation)
    if len(equations) < 2:
        raise ParseError("a cases environment needs at least two equations")
    return System(*equations)


_OTHERWISE = re.compile(r"\s*(?:\\text\s*\{\s*)?(?:otherwise|else|elsewhere|sonst)\s*\}?\s*[.,;]?\s*\Z", re.I)
_CONDITION_WORD = re.compile(r"\s*(?:\\(?:text|mathrm|textrm)\s*\{\s*(?:if|for|when|where)\s*\}|if|for)"
                             r"\s*(?:\\[,;: ]\s*)*", re.I)
#: What an aligned row of equations continues with after its ``&``: a relation (``x &= 1``), never a condition.
_ALIGNED = re.compile(r"\s*(?:=|<|>|\\(?:le|ge|leq|geq|neq|ne|approx)(?![A-Za-z]))")


def by_cases(rows: Sequence[str]) -> bool:
    """Every row of a ``cases`` environment is a value ``&`` a condition (not an equation aligned at ``&=``)."""
    return all("&" in row and not _ALIGNED.match(row.partition("&")[2]) for row in rows)


def piecewise_of(rows: Sequence[str], parse: Callable[[str], sp.Basic]) -> sp.Piecewise:
    r"""The value of ``\begin{cases} a & x \ge 0 \\ 0 & \text{otherwise} \end{cases}``: each row a value and,
    after its ``&``, the condition it holds under ("if", "for" dropped); "otherwise" is every other point."""
    pieces = []
    for k, row in enumerate(rows, 1):
        value, _, condition = row.partition("&")
        if not value.strip() or not condition.strip():
            raise ParseError(f"row {k} of the cases environment needs a value & a condition")
        if _OTHERWISE.match(condition):
            pieces.append((parse(value), sp.true))
            continue
        cond = parse(_CONDITION_WORD.sub("", condition, count=1).strip().rstrip(".,;"))
        if not isinstance(cond, (sp.core.relational.Relational, sp.logic.boolalg.Boolean)) or \
                isinstance(cond, sp.Symbol):
            raise ParseError(f"row {k} of the cases environment: the condition is no relation")
        pieces.append((parse(value), cond))
    return sp.Piecewise(*pieces)


# -- the reader's additions -------------------------------------------------------------------
@dataclass(frozen=True)
class _Head:
    """``\\frac{\\partial^{k}}{\\partial x^{k}}``: the variable's tokens, the order, the token after the head."""

    lo: int
    hi: int
    order: int
    end: int
    operand: tuple[int, int] | None = None  # \frac{dy}{dx}: the operand's tokens on top
    square: bool = False  # \frac{\partial}{\partial \sigma^2}: with respect to sigma^2, f'(sigma) / (2 sigma)


class CalculusForms:
    """Methods mixed into the notation layer's reader (which supplies tokens, ``partner``, ``expression``, ...)."""

    log_bases: frozenset = frozenset()  # bases whose \log_{b}(x) reads as Log(x, b)

    def declare(self, symbols: Sequence[sp.Symbol], units: str) -> None:
        """Names the text may use for ``symbols`` (assumptions kept), ``\\lambda``, and ``b`` when ``units`` is any."""
        declared = list(symbols) + [LAGRANGE] + ([ANY_BASE] if units == "any" else [])
        for symbol in declared:
            if not isinstance(symbol, sp.Symbol):
                raise ParseError(f"symbols must be SymPy symbols, got {type(symbol).__name__}")
            self.parameters.setdefault(sp.Symbol(symbol.name), symbol)
            self.printed.setdefault(_ONE_CHAR_SUBSCRIPT.sub(r"_\1", re.sub(r"\s+", "", sp.latex(symbol))), symbol)
        if units == "any":
            self.log_bases = frozenset({self.parameters[sp.Symbol(ANY_BASE.name)]})
        for name in [k for k in self.lower if sp.Symbol(k) in self.parameters]:  # p a number of the text: not P's
            self.names.remove(((name,), self.lower.pop(name)))

    def calculus_form(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        """A derivative, sigmoid, Kronecker delta, max/min or logarithm in base ``b`` at token ``i``, else ``None``."""
        text = self.tokens[i].text
        if text == r"\frac":
            head = self.derivative_head(i, hi)
            return None if head is None else self.derivative(i, head, hi, indices)
        if text == r"\partial":
            raise ParseError(rf"\partial at offset {self.tokens[i].pos} is only understood in "
                             r"\frac{\partial}{\partial x} f")
        if text == r"\sigma" and sp.Symbol("sigma") not in self.parameters and self._at(i + 1, hi) == "(" and \
                not self._alone_only_within(r"\sigma", i + 2, self.partner[i + 1]):
            # \sigma(1 - \sigma): a product, as in x(1 - x)
            return Sigmoid(self._one_argument(i + 1, indices, r"\sigma")), self.partner[i + 1] + 1
        if text in _CALLS:
            opening = self._next(i + 1, hi)
            if self._at(opening, hi) != "(":
                raise ParseError(f"{text} at offset {self.tokens[i].pos} must be followed by (a, b, ...)")
            args = [self.expression(a, b, indices)
                    for a, b in self._split(opening + 1, self.partner[opening], {","})]
            return _CALLS[text](*args), self.partner[opening] + 1
        if text == r"\delta":
            return self.kronecker(i, hi, indices)
        if text == r"\lim":
            return self.limit(i, hi, indices)
        if text == r"\log" and self.log_bases:
            return self.log_in_base(i, hi, indices)
        return None

    def limit(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int]:
        r"""``\lim_{x \to a} f`` (``\rightarrow``, ``a^+`` or ``a^-`` from one side): the limit of the rest of the term."""
        pos = self.tokens[i].pos
        form = r"\lim_{x \to a} f"
        under = self._next(i + 1, hi)
        group = self._next(under + 1, hi)
        if self._at(under, hi) != "_" or self._at(group, hi) != "{":
            raise ParseError(f"the limit at offset {pos} must be written {form}")
        parts = self._split(group + 1, self.partner[group], TENDS_TO)
        if len(parts) != 2:
            raise ParseError(f"the limit at offset {pos} must be written {form}")
        variable = self.expression(*parts[0], indices)
        if not isinstance(variable, sp.Symbol):
            raise ParseError(f"the limit at offset {pos} must name one variable, not {sp.sstr(variable)}")
        lo, end = parts[1]
        side = "+-"
        last = [k for k in range(lo, end) if self.tokens[k].text not in (" ", "{", "}")]
        if len(last) >= 2 and self.tokens[last[-2]].text == "^" and self.tokens[last[-1]].text in ("+", "-"):
            side, end = self.tokens[last[-1]].text, last[-2]
        point = self.expression(lo, end, indices)
        if point in (sp.oo, -sp.oo):
            side = "-" if point == sp.oo else "+"
        body, stop = self.body(self.partner[group] + 1, hi, indices, pos, "limit")
        return sp.Limit(body, variable, point, side), stop

    def derivative_head(self, i: int, hi: int) -> _Head | None:
        r"""``\frac{\partial}{\partial x}``, ``\frac{d}{dx}`` (``\mathrm{d}``), with an order ``^{k}`` and
        perhaps the operand on top (``\frac{dy}{dx}``), at token ``i``; else ``None``.

        ``\frac{d}{x}`` and ``\frac{d}{d}`` are fractions: a ``d`` on top makes a derivative
        only over a ``d`` followed by a variable.
        """
        if self._at(i, hi) != r"\frac":
            return None
        top = self._next(i + 1, hi)
        if self._at(top, hi) != "{":
            return None
        bottom = self._next(self.partner[top] + 1, hi)
        if self._at(bottom, hi) != "{":
            return None
        above, close = self.partner[top], self.partner[bottom]
        first = self._next(top + 1, above)
        operator = self._at(first, above)
        lo = self._next(bottom + 1, close)
        if operator in _D_OPERATORS:
            if self._at(lo, close) not in _D_OPERATORS or self._next(lo + 1, close) >= close or \
                    self._at(self._next(lo + 1, close), close) == "^":
                return None  # \frac{d}{x}, \frac{d}{d}: a fraction
        elif operator != r"\partial":
            return None
        pos = self.tokens[i].pos
        form = r"\frac{\partial}{\partial x} f" if operator == r"\partial" else r"\frac{d}{dx} f"
        order, operand = self._top_order(first + 1, above, pos)
        if self._at(lo, close) != operator and not (operator in _D_OPERATORS and self._at(lo, close) in _D_OPERATORS):
            raise ParseError(rf"the derivative at offset {pos} must be written {form}")
        lo = self._next(lo + 1, close)
        caret = lo
        while caret < close and self.tokens[caret].text != "^":  # the order's ^ is outside the variable's scripts
            caret = self.partner.get(caret, caret) + 1
        below = self._order(caret, close, pos)
        square = order == 1 and below == 2  # \frac{\partial}{\partial \sigma^2}: with respect to the square
        if below != order and not square:
            raise ParseError(f"the derivative at offset {pos} has different orders above and below")
        if self._next(lo, caret) >= caret:
            raise ParseError(f"the derivative at offset {pos} names no variable")
        return _Head(lo, caret, order, close + 1, operand, square)

    def _unbraced(self, lo: int, hi: int) -> tuple[int, int]:
        r"""The tokens ``lo:hi`` without braces around them all (``\partial{w}``: a group, not a set)."""
        first = self._next(lo, hi)
        if self._at(first, hi) == "{" and self._next(self.partner[first] + 1, hi) >= hi:
            return first + 1, self.partner[first]
        return lo, hi

    def _top_order(self, k: int, hi: int, pos: int) -> tuple[int, tuple[int, int] | None]:
        """The order on top of a derivative (``^{2}`` after the operator, else 1) and the operand written after it."""
        k = self._next(k, hi)
        if self._at(k, hi) != "^":
            return 1, ((k, hi) if k < hi else None)
        script = self._next(k + 1, hi)
        end = self.partner.get(script, script) + 1
        rest = self._next(end, hi)
        return self._order(k, end, pos), ((rest, hi) if rest < hi else None)

    def _order(self, k: int, hi: int, pos: int) -> int:
        """The order written from token ``k`` to ``hi``: nothing (1) or ``^{2}``, ``^2``."""
        k = self._next(k, hi)
        if k >= hi:
            return 1
        script = self._next(k + 1, hi)
        text = self._key(script + 1, self.partner[script]) if script in self.partner else self._at(script, hi)
        end = self.partner.get(script, script) + 1
        if self.tokens[k].text != "^" or not text.isdigit() or not text.isascii() or self._next(end, hi) < hi \
                or int(text) < 1:
            raise ParseError(rf"the derivative at offset {pos} must be written "
                             rf"\frac{{\partial^{{2}}}}{{\partial x^{{2}}}}")
        return int(text)

    def derivative(self, i: int, head: _Head, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int]:
        """The derivative at token ``i``: of its operand (on top, or the factor after it), perhaps evaluated."""
        pos = self.tokens[i].pos
        top = self._next(i + 1, hi)
        bottom = self._next(self.partner[top] + 1, hi)
        italic = "d" in (self._at(self._next(top + 1, hi), hi), self._at(self._next(bottom + 1, hi), hi))
        if italic and ("d" in indices or sp.Symbol("d") in self.parameters):
            fragment = self._fragment(pos, self._offset(head.end))[1:-1]
            raise ParseError(rf"ambiguous {fragment} at offset {pos}: d is a number here; "
                             r"write \frac{\mathrm{d}}{\mathrm{d}x} for the derivative")
        variable = self.expression(*self._unbraced(head.lo, head.hi), indices)
        if not isinstance(variable, (sp.Symbol, sp.Indexed)):
            raise ParseError(f"the derivative at offset {pos} is with respect to {sp.sstr(variable)}, not a symbol")
        bracketed = head.operand is not None
        if head.operand is not None:
            operand, end = self.expression(*self._unbraced(*head.operand), indices), head.end
        else:
            start = self._next(head.end, hi)
            end = self.operand_end(start, hi)
            if end is None:
                raise ParseError(f"the derivative at offset {pos} has nothing to differentiate")
            operand = self.expression(start, end, indices)
            bracketed = self._at(self._next(start + (self._at(start, hi) in ("+", "-")), hi), hi) in _GROUPS
        if self._at(self._next(top + 1, hi), hi) in _D_OPERATORS | {r"\partial"}:
            written = self._unbraced(*head.operand) if head.operand is not None else (start, end)
            operand = self._dependent(operand, variable, written, pos, indices)
        value = sp.Derivative(operand, (variable, head.order), evaluate=False)
        if head.square:  # the chain rule: d/d(s^2) = (d/ds) / (2s), wherever s is not 0
            value = sp.Mul(value, sp.Pow(2 * variable, -1), evaluate=False)
        value, end = self._evaluated(i, value, variable, end, hi, indices)
        after = self._next(end, hi)
        if not bracketed and after < hi and self.tokens[after].text not in _OPERAND_ENDS:
            fragment = self._fragment(pos, self._offset(self._next(after + 1, hi)))[1:-1]
            raise ParseError(rf"ambiguous {fragment} at offset {pos}: does the derivative take more than "
                             f"{self._fragment(self._offset(self._next(head.end, hi)), self._offset(end))}? "
                             r"write \frac{d}{dx}\left(...\right)")
        return value, end

    def _dependent(self, operand: sp.Basic, variable: sp.Basic, tokens: tuple[int, int], pos: int,
                   indices: Mapping[str, sp.Symbol]) -> sp.Basic:
        r"""The operand of ``\frac{d}{dx}``: a name no one declared, alone (``\frac{d}{dx} f``, ``\frac{dy}{dx}``),
        is a function of ``x`` (``f(x)``), not a constant whose derivative would be 0; a declared name (a
        parameter, a bounded symbol) stays a constant, and a name the formula also writes elsewhere is an error."""
        lo, hi = self._next(tokens[0], tokens[1]), tokens[1]
        found = self._name(lo, hi)
        if _LEIBNIZ.get() or not isinstance(operand, sp.Symbol) or operand == variable or found is None or \
                self._next(found[2], hi) < hi:
            return operand
        key, name, _ = found
        if self._is_number(key, name, indices):
            return operand
        if self.alone_counts[key] > 1:
            raise ParseError(rf"ambiguous {self._fragment(pos, self._offset(hi))[1:-1]} at offset {pos}: {key} is "
                             f"differentiated as a function of {sp.sstr(variable)} {ALSO_ALONE}; write "
                             f"{key}({sp.sstr(variable)}) for the function, or declare {key} a number")
        return implicit_function(name)(variable)

    def _evaluated(self, i: int, value: sp.Basic, variable: sp.Basic, end: int, hi: int,
                   indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int]:
        r"""``value`` evaluated at the point of a bar ``\right|_{x=a}`` written at token ``end``, if there is one.

        The bar must close what ``\left.`` opens right before the derivative (or, without
        ``\left.`` anywhere, follow the derivative's operand): it applies to the derivative only.
        """
        bar = self._next(end, hi)
        under = self._next(bar + 1, hi)
        if self._at(bar, hi) != "|" or self._at(under, hi) != "_":
            return value, end
        pos = self.tokens[i].pos
        group = self._next(under + 1, hi)
        form = r"\left.\frac{d}{dx} f\right|_{x=a}"
        parts = self._split(group + 1, self.partner[group], {"="}) if self._at(group, hi) == "{" else []
        if len(parts) != 2:
            raise ParseError(f"the evaluation bar at offset {self.tokens[bar].pos} must be written {form}")
        if self.left_dots and i not in self.left_dots:
            raise ParseError(rf"the evaluation bar at offset {self.tokens[bar].pos} closes a \left. that is not "
                             f"right before the derivative at offset {pos}; write {form}")
        at, point = (self.expression(*part, indices) for part in parts)
        if at != variable:
            raise ParseError(f"the derivative at offset {pos} is with respect to {sp.sstr(variable)} but evaluated "
                             f"at {sp.sstr(at)} = {sp.sstr(point)}")
        return sp.Subs(value, variable, point), self.partner[group] + 1

    def operand_end(self, k: int, hi: int) -> int | None:
        """The token after the one factor starting at ``k`` (module docstring), or ``None`` if there is none."""
        k = self._next(k, hi)
        if k >= hi:
            return None
        text = self.tokens[k].text
        if text in ("+", "-"):
            return self.operand_end(k + 1, hi)
        if text in _GROUPS:
            return self._scripts_after(self.partner[k] + 1, hi)
        if text in (r"\sum", r"\prod"):
            return self._term_end(k, hi)
        if text == r"\int":
            return self.integrals[k][1] + 1 if k in self.integrals else None
        if text in (r"\log", r"\ln"):
            scripts, after = self.log_head(k)
            opening = self._next(after, hi)
            if self._at(opening, hi) in ("(", "["):
                return self._scripts_after(self.partner[opening] + 1, hi)
            return self._log_argument_end(opening, hi, self.tokens[k].pos)
        if text == r"\frac":
            head = self.derivative_head(k, hi)
            if head is not None:
                return head.end if head.operand is not None else self.operand_end(head.end, hi)
            end = k + 1
            for _ in range(2):
                group = self._next(end, hi)
                if self._at(group, hi) != "{":
                    return None
                end = self.partner[group] + 1
            return self._scripts_after(end, hi)
        if text == "|":
            close = next((m for m in range(k + 1, hi) if self.tokens[m].text == "|"), None)
            return None if close is None else self._scripts_after(close + 1, hi)
        if text.isdigit():
            end = k + 1
            while end < hi and (self.tokens[end].text.isdigit() or self.tokens[end].text == "."):
                end += 1
            return self._scripts_after(end, hi)
        if text.startswith("\\") or text in string.ascii_letters:
            end = k + 1
            while text in string.ascii_letters and end < hi and self.tokens[end].text in string.ascii_letters:
                end += 1  # KL: letters written together are one name
            while self._at(end, hi) == "_":
                script = self._next(end + 1, hi)
                if script >= hi:
                    return None
                end = self.partner.get(script, script) + 1
            if text == r"\sqrt" and self._at(end, hi) in ("[", "{"):
                end = self.partner[end] + 1
            if self._at(self._next(end, hi), hi) in ("(", "{") and self._next(end, hi) in self.partner:
                end = self.partner[self._next(end, hi)] + 1  # a call: \log(q), H(P, Q), f (x), \sqrt{x}
            return self._scripts_after(end, hi)
        return None

    def _scripts_after(self, k: int, hi: int) -> int:
        """Past the exponents written right after token ``k - 1`` (``(1 - q)^{2}``)."""
        while self._at(k, hi) == "^":
            script = self._next(k + 1, hi)
            if script >= hi:
                return k
            k = self.partner.get(script, script) + 1
        return k

    def _one_argument(self, opening: int, indices: Mapping[str, sp.Symbol], name: str) -> sp.Basic:
        close = self.partner[opening]
        if self._next(opening + 1, close) >= close or len(self._split(opening + 1, close, {","})) != 1:
            raise ParseError(f"{name}(...) at offset {self.tokens[opening].pos} takes one argument")
        return self.expression(opening + 1, close, indices)

    def kronecker(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        r"""``\delta_{i j}``: the Kronecker delta of two indices (``None`` for a plain ``\delta_{1}``)."""
        under = self._next(i + 1, hi)
        group = self._next(under + 1, hi)
        if self._at(under, hi) != "_" or self._at(group, hi) != "{":
            return None
        names = [self.tokens[k].text for k in range(group + 1, self.partner[group]) if self.tokens[k].text != " "]
        if len(names) != 2 or not all(self._is_symbol(n) for n in names):
            return None
        a, b = (indices.get(n) or self.parameters.get(sp.Symbol(n.lstrip("\\")), sp.Symbol(n.lstrip("\\")))
                for n in names)
        return sp.KroneckerDelta(a, b), self.partner[group] + 1

    def log_in_base(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        r"""``\log_{b}(x)`` as ``Log(x, b)`` when ``b`` is a declared base; ``None`` otherwise."""
        if (found := self._under(i, hi)) is None:
            return None
        lo, top, after = found
        name = self._key(lo, top)
        base = self.parameters.get(sp.Symbol(name)) if len(name) == 1 else None
        opening = self._next(after, hi)
        if base not in self.log_bases or self._at(opening, hi) != "(":
            return None
        return Log(self._one_argument(opening, indices, r"\log"), base), self.partner[opening] + 1

    def relation(self, lo: int, hi: int, indices: Mapping[str, sp.Symbol]) -> sp.Basic | None:
        """``a R b`` (or ``a R b R c``) for an order relation at bracket depth 0, unevaluated; else ``None``."""
        marks, equals, k = [], [], lo
        while k < hi:
            if k in self.partner:
                k = self.partner[k] + 1
                continue
            if self.tokens[k].text in _ORDER:
                marks.append(k)
            elif self.tokens[k].text == "=":
                equals.append(k)
            k += 1
        if not marks:
            return None
        if equals:
            raise ParseError(f"'=' at offset {self.tokens[equals[0]].pos} in an inequality is not understood")
        if len(marks) > 2:
            raise ParseError(f"more than two relations in a row at offset {self.tokens[marks[2]].pos}")
        bounds = [lo, *marks, hi]
        sides = [self.expression(bounds[n] + (n > 0), bounds[n + 1], indices) for n in range(len(bounds) - 1)]
        relations = [_ORDER[self.tokens[m].text](sides[n], sides[n + 1], evaluate=False) for n, m in enumerate(marks)]
        return relations[0] if len(relations) == 1 else sp.And(*relations, evaluate=False)


# -- a proof file's assumptions -------------------------------------------------------------
_SYMBOL = r"(?P<{0}>(?:[A-Za-z]|\\[A-Za-z]+)(?:_(?:[A-Za-z0-9]|\{{[A-Za-z0-9]+\}}))?)"
_NUMBER = r"(?P<{0}>-?\d+(?:\.\d+)?)"
_BELOW = r"(?P<{0}><|\\leq?\b)"  # < (open) or \le, \leq (closed)
_ABOVE = r"(?P<{0}>>|\\geq?\b)"  # > (open) or \ge, \geq (closed)
_FORMS = (
    ("real", re.compile(rf"\s*{_SYMBOL.format('s')}\s*\\in\s*\\mathbb\s*\{{\s*R\s*\}}\s*\Z")),
    ("index", re.compile(rf"\s*1\s*\\leq?\s*{_SYMBOL.format('s')}\s*\\leq?\s*{_SYMBOL.format('n')}\s*\Z")),
    ("above", re.compile(rf"\s*{_SYMBOL.format('s')}\s*{_ABOVE.format('r')}\s*{_NUMBER.format('a')}\s*\Z")),
    ("below", re.compile(rf"\s*{_SYMBOL.format('s')}\s*{_BELOW.format('r')}\s*{_NUMBER.format('b')}\s*\Z")),
    ("between", re.compile(rf"\s*{_NUMBER.format('a')}\s*{_BELOW.format('r')}\s*{_SYMBOL.format('s')}\s*"
                           rf"{_BELOW.format('t')}\s*{_NUMBER.format('b')}\s*\Z")),
    ("every", re.compile(rf"\s*\\forall\s*{_SYMBOL.format('s')}\s*\\in\s*\\{{\s*1\s*,\s*\\ldots\s*,\s*"
                         rf"{_SYMBOL.format('n')}\s*\\}}\s*\Z")),
)
#: The forms :func:`read_assumption` reads, for messages.
ASSUMPTION_FORMS = (r"z \in \mathbb{R}, x > 0, x \geq 0, y < 1, 0 < y \leq 1, 1 \leq j \leq n, "
                    r"\forall j \in \{1, \ldots, n\}")


@dataclass(frozen=True)
class Assumption:
    """A condition on a symbol that is not a distribution's parameter: an interval, or ``1 <= j <= n``."""

    symbol: sp.Symbol
    interval: sp.Interval | None = None
    size: str | None = None  # the name of n in 1 <= j <= n (the proof checker finds the distribution's n)
    every: bool = False  # "for every j": hypotheses about entry j hold for each entry


def read_assumption(tex: str) -> Assumption:
    r"""``z \in \mathbb{R}``, ``x > 0``, ``x \geq 0``, ``y < 1``, ``0 < y \leq 1`` or ``1 \leq j \leq n``.

    A bound makes a real symbol, with no sign of its own: the interval carries
    it (``>``, ``<`` an open end; ``\geq``, ``\leq`` a closed one).  ``1 \leq j
    \leq n`` makes a positive integer index (the condition states ``j >= 1``).
    Raises :class:`ParseError` for anything else.
    """
    if not isinstance(tex, str) or len(tex) > 200:
        raise ParseError(f"expected a short LaTeX condition ({ASSUMPTION_FORMS})")
    for kind, pattern in _FORMS:
        match = pattern.match(tex)
        if match is None:
            continue
        symbol = sp.Symbol(_symbol_name(match.group("s")), real=True)
        if kind == "real":
            return Assumption(symbol, sp.Interval.open(-sp.oo, sp.oo))
        if kind in ("index", "every"):
            return Assumption(sp.Symbol(symbol.name, integer=True, positive=True),
                              size=_symbol_name(match.group("n")), every=kind == "every")
        closed = [not match.group(g).startswith(("<", ">")) for g in ("r", "t") if g in match.groupdict()]
        low = _number(match.group("a")) if kind != "below" else -sp.oo
        high = _number(match.group("b")) if kind != "above" else sp.oo
        low_closed = kind in ("above", "between") and closed[0]
        high_closed = (kind == "below" and closed[0]) or (kind == "between" and closed[1])
        if not low < high:
            raise ParseError(f"{tex!r} is an empty interval")
        return Assumption(symbol, sp.Interval(low, high, not low_closed, not high_closed))
    raise ParseError(f"cannot read the condition {tex!r}; the forms understood are {ASSUMPTION_FORMS}")


def _symbol_name(text: str) -> str:
    """``x``, ``\\lambda`` -> ``lambda``, ``x_{1}`` -> ``x_1``, ``x_{10}`` -> ``x_{10}``: as the parser names them."""
    base, _, sub = text.partition("_")
    sub = sub.strip("{}")
    name = base.lstrip("\\")
    return name if not sub else f"{name}_{sub}" if len(sub) == 1 else f"{name}_{{{sub}}}"


def _number(text: str) -> sp.Rational:
    value = Fraction(text)
    return sp.Rational(value.numerator, value.denominator)


def operator_derivatives(expr: sp.Basic, name: str, numbers: Sequence[sp.Symbol] = ()) -> sp.Basic:
    r"""Each ``name(f)`` of ``expr`` (Euler's ``D(f)``, a primed bracket ``(f)'``; ``name`` twice over for
    ``(f)''``) as ``Derivative(f, x)``, ``x`` the one variable ``expr`` has beside ``numbers``; ``f`` constant
    needs none (``D(1)`` is 0 in any variable).  :class:`ParseError` when the variable is not one."""
    calls = {e: len(e.func.__name__) // len(name) for e in expr.atoms(sp.core.function.AppliedUndef)
             if len(e.args) == 1 and e.func.__name__ == name * (len(e.func.__name__) // len(name))}
    if not calls:
        return expr
    known = {s.name for s in numbers} | {ANY_BASE.name, LAGRANGE.name}
    free = sorted({s for s in expr.free_symbols if s.name not in known}, key=str)
    varying = [c for c in calls if c.args[0].free_symbols - set(numbers)]
    if len(free) > 1 and varying:
        raise ParseError(f"the derivative {name}({varying[0].args[0]}) is in which variable? the formula has "
                         f"{', '.join(map(str, free))}: write \\frac{{d}}{{dx}} for one")
    variable = free[0] if free else sp.Symbol("x")
    return expr.xreplace({c: sp.Derivative(c.args[0], (variable, order), evaluate=False)
                          for c, order in calls.items()})
