"""Logarithms: their base, and where an argument written without brackets ends."""

from __future__ import annotations

from collections.abc import Mapping

import sympy as sp

from derive.core.functions import Log
from derive.core.terms import quotient
from derive.parse.adapter import ParseError
from derive.parse.lexicon import BIG_OPERATORS, CLOSERS, TERM_STOPS
from derive.parse.output import Out
from derive.parse.tokens import scripts_after, short


#: What ends the argument of a logarithm written without brackets, once it has a factor.
_NEW_FACTORS = frozenset({r"\log", r"\ln", r"\exp", r"\sum", r"\prod", r"\int", r"\max", r"\min"})


#: Products written with a sign, which a logarithm without brackets leaves ambiguous (``\log x \cdot y``).
_PRODUCT_SIGNS = frozenset({r"\cdot", r"\times", "/", r"\div"})


class Logs:
    """Logarithms and their arguments, mixed into :class:`~derive.parse.reader.Reader`."""

    def logarithm(self, i: int, hi: int, indices: Mapping[str, sp.Symbol], out: Out) -> int:
        r"""``\log`` at token ``i``, written for the parser or read here; returns the token after what it took.

        ``\log(x)`` (with its scripts, ``\log_2(x)``, ``\log^{2}(x)``, ``\log(x)^{2}``) is left
        to the parser.  ``\log[x]`` is the same with square brackets, ``\log_2{(x)}`` with braces.  Without brackets the
        argument is the product that follows (module docstring): ``\log x^2`` is ``log(x**2)``.
        """
        pos = self.tokens[i].pos
        scripts, start = self.log_head(i)
        opening = self._next(start, hi)
        if self._at(opening, hi) == "(":
            caret = self._next(self.partner[opening] + 1, hi)
            if self._at(caret, hi) == "^" and (power := self._next(caret + 1, hi)) < hi:
                written = self._key(power + 1, self.partner[power]) if power in self.partner else \
                    self.tokens[power].text
                if not written.isdigit():  # \log(x)^{1/2}: of the logarithm, or of x as \log x^{1/2} would be?
                    raise ParseError(f"ambiguous power {short(written)} after the \\log(...) at offset {pos}: "
                                     r"write \log\left(x^{r}\right) or \left(\log x\right)^{r}")
            out.add(r"\log " if "_" in scripts else r"\ln ", pos)
            return i + 1
        if self._at(opening, hi) in ("[", "{") and opening in self.partner:  # \log[x], \log_2{(p)}: its inside
            if self._at(self._next(self.partner[opening] + 1, hi), hi) == "^" and self._at(opening, hi) == "{":
                raise ParseError(f"ambiguous power after the \\log{{...}} at offset {pos}: write "
                                 r"\log\left(x^{r}\right) or \left(\log x\right)^{r}")
            arg, end = self.expression(opening + 1, self.partner[opening], indices), self.partner[opening] + 1
        elif (over := self._over_group(opening, hi)) is not None:  # \log{a \over b} c: the group, as braces show
            arg, end = self.expression(opening, over, indices), over
        else:
            end = self._log_argument_end(opening, hi, pos)
            arg = self.expression(opening, end, indices)
        value = self._log_in_base(arg, scripts.get("_"), indices)
        if "^" in scripts:
            power = self.expression(*scripts["^"], indices)
            if not (power.is_Integer and power > 0):
                fragment = self._fragment(pos, self._offset(end))[1:-1]
                raise ParseError(f"ambiguous {fragment} at offset {pos}: a power or the inverse function? "
                                 r"write (\log x)^{k} with a positive integer k")
            value = sp.Pow(value, power)
        return self.placeholder(value, pos, out, end)

    def _over_group(self, k: int, hi: int) -> int | None:
        r"""The token after the fraction at token ``k`` when it was written ``{a \over b}`` (a group of its own,
        which the lexer made ``\frac{a}{b}``); ``None`` for anything else."""
        if self._at(k, hi) != r"\frac" or not self.source.startswith(r"\over", self.tokens[k].pos):
            return None
        top = self._next(k + 1, hi)
        bottom = self._next(self.partner.get(top, hi) + 1, hi)
        return self.partner[bottom] + 1 if bottom in self.partner else None

    def log_head(self, i: int) -> tuple[dict[str, tuple[int, int]], int]:
        """The scripts of the ``\\log`` at token ``i`` (``_`` its base, ``^`` its power) and the token after them."""
        return scripts_after(self.tokens, self.partner, i)

    def _log_in_base(self, arg: sp.Basic, base: tuple[int, int] | None, indices: Mapping[str, sp.Symbol]) -> sp.Basic:
        """``log(arg)`` in the base written in tokens ``base`` (natural without one), as the parser would build it."""
        if base is None:
            return sp.log(arg)
        b = self.expression(*base, indices)
        if b in self.log_bases:
            return Log(arg, b)
        return quotient(sp.log(arg), sp.log(b))

    def _log_argument_end(self, k: int, hi: int, pos: int) -> int:
        r"""Where the argument of a logarithm without brackets, starting at token ``k``, ends.

        It is the product that follows: factors written side by side (``\log 2 \pi e \sigma^{2}``,
        ``\log x^2 y``), each with its scripts, up to a sign, a relation, a comma, a closing
        bracket, or another logarithm, sum or integral (``\log x \log y`` is a product of two
        logarithms).  ``\cdot``, ``\times``, ``/`` after it leave the reader guessing whether they
        are inside: an error.
        """
        k = self._next(k, hi)
        if self._at(k, hi) in ("+", "-"):
            k += 1
        seen = False
        while k < hi:
            text = self.tokens[k].text
            if text == " ":
                k += 1
                continue
            if text in CLOSERS or text in TERM_STOPS or text == "&" or \
                    (text == "." and not self._at(k + 1, hi).isdigit()):
                break
            if seen and text in _NEW_FACTORS:
                break
            if text in _PRODUCT_SIGNS:
                if not seen:
                    break
                fragment = self._fragment(pos, self._offset(self._next(k + 1, hi) + 1))[1:-1]
                raise ParseError(f"ambiguous {fragment} at offset {pos}: is {text} inside the logarithm? "
                                 r"write \log(...) with brackets")
            seen = True
            if k in self.partner:
                k = self.partner[k] + 1
            elif text in ("^", "_"):
                script = self._next(k + 1, hi)
                k = self.partner.get(script, script) + 1
            elif text == r"\int" and k in self.integrals:
                k = self.integrals[k][1] + 1
            elif text in BIG_OPERATORS:
                return self._term_end(k, hi)
            elif text in (r"\log", r"\ln"):
                scripts, after = scripts_after(self.tokens, self.partner, k)
                opening = self._next(after, hi)
                k = self.partner[opening] + 1 if self._at(opening, hi) in ("(", "[") else \
                    self._log_argument_end(opening, hi, self.tokens[k].pos)
            elif text == "|":
                close = next((m for m in range(k + 1, hi) if self.tokens[m].text == "|"), hi - 1)
                k = close + 1
            else:
                k += 1
        if not seen:
            raise ParseError(rf"the logarithm at offset {pos} has no argument")
        return k
