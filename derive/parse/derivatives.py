r"""Derivatives read back: ``\frac{\partial}{\partial x} f``, ``\frac{d}{dx} f``, ``\frac{dy}{dx}``, at a point.

Under ``\frac{d}{dx}`` a name no one declares, written alone (``\frac{d}{dx} f``,
``\frac{dy}{dx}``), is a function of ``x``: ``Derivative(f(x), x)``, never 0 by
accident; a declared one (a distribution's parameter, a bounded symbol) is a
constant.  ``\frac{\partial}{\partial q} X`` reads ``X`` as written (derive's
documents differentiate their parameters and the symbols they define).

The reader (:class:`derive.parse.reader.Reader`) mixes in :class:`DerivativeForms`.

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
``D(f)``, ``(f)'`` (after reading)      ``Derivative(f, x)`` in the formula's one variable
                                        (:func:`operator_derivatives`)
======================================  ===================================================
"""

from __future__ import annotations

import contextlib
import string
from collections.abc import Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass

import sympy as sp

from derive.distributions.measures import ANY_BASE
from derive.parse.adapter import ParseError
from derive.parse.calculus import LAGRANGE, ORDER

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
    """A :func:`leibniz` block is in force."""
    return _LEIBNIZ.get()


def implicit_function(name: str) -> type[sp.Function]:
    r"""The function a name differentiated alone is read as (``h`` in ``\frac{\partial h}{\partial a}``): marked
    apart from one the text applies itself, because it says only that ``h`` depends on ``a``, not that ``h`` is
    taken at ``a`` (after ``h(x) = 1/(1 + e^{-a - b x})`` it is that expression, ``x`` kept)."""
    return sp.Function(name, commutative=True)


def is_implicit(function: object) -> bool:
    """``function`` is one :func:`implicit_function` made."""
    return getattr(function, "_kwargs", {}).get("commutative") is True


_GROUPS = {"(": ")", "[": "]", "{": "}"}
#: ``d`` (italic or upright) in ``\frac{d}{dx}``.
_D_OPERATORS = frozenset({"d", r"\mathrm{d}"})
#: What may follow a derivative's operand that is not in brackets: anything else is another factor, which the
#: reader could take as part of the operand (``\frac{d}{dx} 3x``).
_OPERAND_ENDS = frozenset({"+", "-", "=", "<", ">", ",", ")", "]", "}", r"\}", "&"}) | frozenset(ORDER)


@dataclass(frozen=True)
class _Head:
    """``\\frac{\\partial^{k}}{\\partial x^{k}}``: the variable's tokens, the order, the token after the head."""

    lo: int
    hi: int
    order: int
    end: int
    operand: tuple[int, int] | None = None  # \frac{dy}{dx}: the operand's tokens on top
    square: bool = False  # \frac{\partial}{\partial \sigma^2}: with respect to sigma^2, f'(sigma) / (2 sigma)


class DerivativeForms:
    """Methods mixed into the reader (which supplies tokens, ``partner``, ``expression``, ...)."""

    def derivative_form(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        r"""The derivative at token ``i`` and the token after it, else ``None``; a ``\partial`` outside one is an
        error."""
        text = self.tokens[i].text
        if text == r"\frac":
            head = self.derivative_head(i, hi)
            return None if head is None else self.derivative(i, head, hi, indices)
        if text == r"\partial":
            raise ParseError(rf"\partial at offset {self.tokens[i].pos} is only understood in "
                             r"\frac{\partial}{\partial x} f")
        return None

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
