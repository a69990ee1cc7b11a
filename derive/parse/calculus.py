r"""The notation of the minimization derivations, read back: sigmoid, Kronecker delta, max/min, limits, logarithms
in an arbitrary base, the Lagrange multiplier and relations.

The reader (:class:`derive.parse.reader.Reader`) mixes in :class:`CalculusForms`; derivatives are read by
:mod:`derive.parse.derivatives`, ``cases`` environments by :mod:`derive.parse.cases` and a proof file's
assumptions by :mod:`derive.parse.assumptions`.

======================================  ===================================================
LaTeX                                   SymPy
======================================  ===================================================
``\sigma(z)``                           ``Sigmoid(z)`` (unless ``\sigma`` is a parameter)
``\delta_{i j}``                        ``KroneckerDelta(i, j)``
``\max\left(a, b\right)``, ``\min``     ``Max(a, b)``, ``Min(a, b)``
``\lim_{x \to a} f``, ``a^+``, ``a^-``  ``Limit(f, x, a)``, of the rest of the term; from one
                                        side with ``a^+`` or ``a^-``
``\log_{b}(x)``, ``b`` the arbitrary    ``Log(x, b)`` (``units="any"``); other bases read as
base of ``units="any"``                 ``log(x)/log(b)``
``\lambda``                             ``Symbol("lambda", real=True)``: the Lagrange
                                        multiplier (unless a distribution names a parameter so),
                                        with no sign: a domain states one (``\lambda > 0``)
a name in ``symbols``                   that symbol, with its assumptions (``z`` real, ...)
``a \geq b``, ``a > b``, ``\leq``,      ``Ge(a, b)``, ``Gt(a, b)``, ... unevaluated, at the
``<``, ``\neq``; ``a < b < c``          top level only; a chain of two is their ``And``
======================================  ===================================================
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import sympy as sp

from derive.core.functions import Log, Sigmoid
from derive.distributions.measures import ANY_BASE
from derive.parse.adapter import ParseError
from derive.parse.lexicon import TENDS_TO

#: Commands this module reads (added to the notation layer's known commands).
EXTRA_COMMANDS = frozenset({r"\partial", r"\max", r"\min"})
#: The Lagrange multiplier derive's categorical minimization uses: real; its sign is its domain's to state.
LAGRANGE = sp.Symbol("lambda", real=True)

#: The order relations, by the command (or character) that writes them.
ORDER = {"<": sp.StrictLessThan, ">": sp.StrictGreaterThan, r"\lt": sp.StrictLessThan, r"\gt": sp.StrictGreaterThan,
         r"\leq": sp.LessThan, r"\le": sp.LessThan, r"\geq": sp.GreaterThan, r"\ge": sp.GreaterThan,
         r"\neq": sp.Unequality, r"\ne": sp.Unequality}
_CALLS = {r"\max": sp.Max, r"\min": sp.Min}
_ONE_CHAR_SUBSCRIPT = re.compile(r"_\{(\w)\}")  # x_{1} is named x_1, as in the notation layer


class CalculusForms:
    """Methods mixed into the reader (which supplies tokens, ``partner``, ``expression``, ...)."""

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
        """A sigmoid, Kronecker delta, max/min, limit or logarithm in base ``b`` at token ``i``, else ``None``."""
        text = self.tokens[i].text
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
        r"""``\lim_{x \to a} f`` (``\rightarrow``, ``a^+`` or ``a^-`` from one side): the limit of the rest of the
        term."""
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
            if self.tokens[k].text in ORDER:
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
        relations = [ORDER[self.tokens[m].text](sides[n], sides[n + 1], evaluate=False) for n, m in enumerate(marks)]
        return relations[0] if len(relations) == 1 else sp.And(*relations, evaluate=False)
