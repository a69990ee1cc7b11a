"""Symbols and entries (``p_i``, ``x_{\\text{ML}}``), functions applied (``f(x)``), and the names a
formula uses alone."""

from __future__ import annotations

import collections
import functools
import re
from collections.abc import Mapping

import sympy as sp

from derive.core.functions import entry_of
from derive.parse.adapter import ParseError
from derive.parse.lexicon import GREEK
from derive.parse.tokens import after_space_back, before_space, decorated_name, key_of, subscript_word, symbol_name


#: Commands whose arguments may be single digits written apart (``\frac 1 2``): not one spaced number.
_SUM_INDEX = re.compile(r"\\sum(?:\\limits)?_\{?\s*([a-z])")


_SUBSCRIPTED = re.compile(r"(?<![A-Za-z\\])([A-Za-z])_\{?([a-z])(?![A-Za-z])")

#: Marks where a function's bar falls in its name: ``f(x \mid \theta)`` is ``Function("f|1")(x, theta)``.
BAR = "|"


def written_name(function: object) -> str:
    """The name a function was written with, without the bar position :func:`Names.application` adds."""
    return str(function).split(BAR)[0]


class Names:
    """Symbols, entries and functions applied, mixed into :class:`~derive.parse.reader.Reader`."""

    def _subscript(self, i: int, hi: int) -> tuple[int, int, int] | None:
        """For ``\\sum_{...}`` at token ``i``: the subscript's ``{``, its ``}``, and its first token."""
        under = self._next(i + 1, hi)
        group = self._next(under + 1, hi)
        if self._at(under, hi) != "_" or self._at(group, hi) != "{":
            return None
        close = self.partner[group]
        return group, close, self._next(group + 1, close)

    def _index_with(self, i: int, hi: int, mark: str) -> tuple[int, int, str] | None:
        """For ``\\sum_{i MARK ...}`` at token ``i`` (``\\in``, ``=``): the subscript's ``}``, the mark's token and the
        index as written; ``None`` for another subscript."""
        found = self._subscript(i, hi)
        if found is None:
            return None
        _, close, index = found
        at = self._next(index + 1, close)
        return (close, at, self.tokens[index].text) if self._at(at, close) == mark else None

    # -- small forms the parser would misread ----------------------------------
    def subscripted(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        """``x_1``, ``x_{10}``, ``\\alpha_1``: one symbol (the grammar's fast mode fails on these).

        When ``p`` is a distribution's indexed parameter, ``p_{i}`` is ``p[i]``.
        """
        base = self.tokens[i].text
        if not self._is_symbol(base):
            return None
        under = self._next(i + 1, hi)
        sub = self._next(under + 1, hi)
        if under >= hi or self.tokens[under].text != "_" or sub >= hi:
            return None
        if self.tokens[sub].text == "{":
            close = self.partner[sub]
            label, end = self._key(sub + 1, close), close + 1
            inner = self._next(sub + 1, close)
            word = subscript_word(self.tokens, inner) if self._next(inner + 1, close) >= close else None
            label = word or label
        else:
            label, end = self.tokens[sub].text, sub + 1
        letters = [x for x in re.split(r"[\s,]*", label) if x]
        if len(letters) > 1 and all(len(x) == 1 and x.isalnum() for x in letters) and \
                any(x in indices for x in letters):  # x_{ij} in a sum over i: the (i, j) entry, never one symbol
            return sp.IndexedBase(symbol_name(base))[tuple(self._index(x, indices) for x in letters)], end
        if not label or not label.isalnum() or not label.isascii():
            return None
        if base in self.bases:
            index = self._index(label, indices)
            return self.bases[base][self.parameters.get(index, index)], end
        family = self.families.get(base.lstrip("\\")) if label in indices else None
        if family is not None and (entry := entry_of(base.lstrip("\\"), family)) is not None:
            return entry(indices[label]), end  # p_i over a bound i, P = (p_1, p_2, p_3)
        if label in indices and isinstance(indices[label], sp.Symbol) and base not in self.printed:
            return sp.IndexedBase(symbol_name(base))[indices[label]], end  # x_i in a sum over i: the i-th x
        symbol = sp.Symbol(symbol_name(base) + (f"_{label}" if len(label) == 1 else f"_{{{label}}}"))
        return self.printed.get(key_of(f"{base}_{{{label}}}")) or self.parameters.get(symbol, symbol), end

    @staticmethod
    def _index(letter: str, indices: Mapping[str, sp.Symbol]) -> sp.Basic:
        """One index of an entry as written: a bound index, a number, or a symbol."""
        return indices.get(letter) or (sp.Integer(int(letter)) if letter.isdigit() else sp.Symbol(letter))

    def application(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        """``f(x)``, ``g(x + 1)``, ``h(x, y)``, ``f_1(x)``: an undefined function applied, when ``f`` is no number.

        ``None`` (a product, ``p (1 - p)``) when the name is declared a number: a
        distribution's parameter or variable, a bound index, a symbol given to
        :func:`parse_latex`, ``\\lambda``, ``e``, ``\\pi``.  An undeclared name that the
        formula also uses alone is ambiguous (``f(x) + f``): an error, unless it stands alone only inside its own
        argument (``x(1 - x)``, ``\\sigma(1 - \\sigma)``: a product, as a function of a value of itself is none).
        """
        found = self._name(i, hi)
        if found is None or after_space_back(self.tokens, i) in ("_", "^"):  # \\log_b(x): b is the base; p^k (1-p):
            return None  # a one-token exponent, then a factor
        key, name, after = found
        opening = self._next(after, hi)
        if self._at(opening, hi) != "(" or (self._is_number(key, name, indices) and not self._density_pi(key, opening)):
            return None
        close = self.partner[opening]
        if self._alone_only_within(key, opening + 1, close):
            return None  # x(1 - x), \sigma(1 - \sigma): a function of a value of itself is none, this is a product
        if key in self.alone and not self._handed_over(key, opening, close):
            call = self._fragment(self.tokens[i].pos, self._offset(close + 1))[1:-1]
            raise ParseError(f"ambiguous {call} at offset {self.tokens[i].pos}: a function {key} or a product? "
                             f"{key} also stands alone in this formula; write {key} \\cdot (...) for a product, "
                             f"or declare {key} a number (an assumption such as 0 < {key} < 1)")
        parts = self._split(opening + 1, close, {","})
        halves = self._split(opening + 1, close, {"|", ";"})
        if len(halves) == 2 and all(self._next(a, b) < b for a, b in halves):
            # f(x | θ), f(x; θ): a density given its parameters, a function of all of them, but never the same
            # function as f(x, θ) (a joint density): its name says where the bar stands
            before = self._split(*halves[0], {","})
            parts, name = before + self._split(*halves[1], {","}), f"{name}{BAR}{len(before)}"
        if any(self._next(a, b) >= b for a, b in parts):
            raise ParseError(f"{self._fragment(self.tokens[i].pos, self._offset(close + 1))} at offset "
                             f"{self.tokens[i].pos} has an empty argument")
        return sp.Function(name)(*(self.expression(a, b, indices) for a, b in parts)), close + 1

    def _density_pi(self, key: str, opening: int) -> bool:
        r"""``\pi(\theta)``, ``\pi(\mu \mid x)``: a prior or a posterior density, never pi times one name (which
        is written ``\pi \theta``); ``\pi(x - \mu)`` stays a product."""
        if key != r"\pi":
            return False
        close = self.partner[opening]
        return len(self._split(opening + 1, close, {"|"})) == 2 or self._one_name(opening + 1, close)

    def _one_name(self, lo: int, hi: int) -> bool:
        """Tokens ``lo`` to ``hi`` hold one name and nothing else."""
        found = self._name(self._next(lo, hi), hi)
        return found is not None and self._next(found[2], hi) >= hi

    def _handed_over(self, key: str, opening: int, close: int) -> bool:
        r"""``p(x)`` beside ``J(p)``: applied to one variable here, and alone only as the one argument of another
        function (a functional, ``H(p)``, ``J(p)``), ``p`` is a function handed over, not a number."""
        return self._one_name(opening + 1, close) and self.alone_counts[key] == self._sole_arguments[key]

    @functools.cached_property
    def _sole_arguments(self) -> collections.Counter[str]:
        """How often each name is the one argument of a function applied (``p`` of ``J(p)``)."""
        out: collections.Counter[str] = collections.Counter()
        for opening, close in self.partner.items():
            if self.tokens[opening].text != "(" or not self._one_name(opening + 1, close):
                continue
            head = before_space(self.tokens, opening)
            if head >= 0 and (self.tokens[head].text == "}" or self._is_symbol(self.tokens[head].text)):
                out[self._name(self._next(opening + 1, close), close)[0]] += 1
        return out

    def _name(self, i: int, hi: int) -> tuple[str, str, int] | None:
        """A letter or greek letter at token ``i``, perhaps with a subscript: its key (``f_1``, ``\\phi``), the
        symbol's name (``f_1``, ``phi``) and the token after it; ``None`` for anything else."""
        base = self.tokens[i].text
        if not (self._is_symbol(base) or base in ("I", r"\gamma", r"\Gamma")):
            return None
        under = self._next(i + 1, hi)
        if self._at(under, hi) != "_":
            return base, symbol_name(base), i + 1
        sub = self._next(under + 1, hi)
        label, end = (self._key(sub + 1, self.partner[sub]), self.partner[sub] + 1) if self._at(sub, hi) == "{" \
            else (self._at(sub, hi), sub + 1)
        if self._at(sub, hi) == "{" and self._next(self._next(sub + 1, hi) + 1, hi) >= self.partner[sub]:
            label = subscript_word(self.tokens, self._next(sub + 1, hi)) or label  # H_{\mathrm{b}}(p): H_b
        if label in GREEK:  # h_\theta(x), q_{\phi}(z): a function the parameter indexes
            return key_of(f"{base}_{{{label}}}"), f"{base.lstrip(chr(92))}_{{{label}}}", end
        if not label or not label.isalnum() or not label.isascii():
            return None
        name = base.lstrip("\\") + (f"_{label}" if len(label) == 1 else f"_{{{label}}}")
        return key_of(f"{base}_{{{label}}}"), name, end

    def _is_number(self, key: str, name: str, indices: Mapping[str, sp.Symbol]) -> bool:
        """The name stands for a number here: declared by a distribution, an index, a given symbol, or a constant."""
        base = key.split("_", 1)[0]
        return key in indices or key in self.variables or key in self.printed or key in ("e", r"\pi") or \
            sp.Symbol(name) in self.parameters or (base in self.bases and "_" in key) or \
            (base in self.bases and key == base) or decorated_name(base) is not None or \
            ("_" in key and base in self.summed_bases)  # \bar x(1 - p), y_k (1 - p_k) beside \sum_i y_i: products

    @functools.cached_property
    def summed_bases(self) -> frozenset[str]:
        """The names this formula sums over by their subscript (``y`` of ``\\sum_i y_i``): ``y_k`` is an entry."""
        indices = set(_SUM_INDEX.findall(self.source))
        return frozenset(b for b, i in _SUBSCRIPTED.findall(self.source) if i in indices)

    @functools.cached_property
    def alone_counts(self) -> collections.Counter[str]:
        """How often the source uses each name (a key, as :meth:`_name` gives it) without ``(`` after it."""
        return self._alone(0, len(self.tokens))

    def _alone_only_within(self, key: str, lo: int, hi: int) -> bool:
        """The formula uses the name ``key`` alone, and only within tokens ``lo`` to ``hi`` (inside its own
        argument: ``x(1 - x)``)."""
        return 0 < self.alone_counts[key] == self._alone(lo, hi)[key]

    def _alone(self, lo: int, hi: int) -> collections.Counter[str]:
        out: collections.Counter[str] = collections.Counter()
        for k in range(lo, hi):
            if after_space_back(self.tokens, k) == "_":
                continue  # a subscript's label, part of another name
            found = self._name(k, hi)
            if found is not None and self._at(self._next(found[2], hi), hi) != "(":
                out[found[0]] += 1
        return out

    @property
    def alone(self) -> frozenset[str]:
        """The names the source uses without ``(`` after them."""
        return frozenset(self.alone_counts)

    def integer_fraction(self, i: int, hi: int) -> tuple[sp.Rational, int] | None:
        r"""``\frac{1}{2}`` as a Rational placeholder, so that ``2 \frac{1}{2}`` is not read as a mixed number."""
        if self.tokens[i].text != r"\frac":
            return None
        numerator = self._next(i + 1, hi)
        if numerator >= hi or self.tokens[numerator].text != "{":
            return None
        denominator = self._next(self.partner[numerator] + 1, hi)
        if denominator >= hi or self.tokens[denominator].text != "{":
            return None
        top = self._key(numerator + 1, self.partner[numerator])
        bottom = self._key(denominator + 1, self.partner[denominator])
        if not (top.isdigit() and bottom.isdigit() and top.isascii() and bottom.isascii()) or int(bottom) == 0:
            return None
        return sp.Rational(int(top), int(bottom)), self.partner[denominator] + 1
