r"""Primes read as derivatives: ``f'(x)`` is ``\frac{d}{dx} f(x)`` (:func:`primed`), and a prime on a bracketed group
(``(u/v)'``) is the group's derivative (:func:`primed_group` finds the group)."""

from __future__ import annotations

import re
from collections.abc import Callable

from derive.parse.adapter import ParseError
from derive.parse.lexicon import GREEK, RELATIONS
from derive.parse.tokens import Token, after_space_back, skip_spaces


_PRIME = re.compile(r"['’′]|\^\\prime(?![A-Za-z])|\^\{\s*\\prime\s*\}")


_PRIMED_ARGUMENT = re.compile(r"\(\s*(\\[A-Za-z]+|[A-Za-z])\s*\)")


#: What may stand before a bracket that a prime differentiates: nothing, an operator, a relation, an opener.
_BEFORE_PRIMED = frozenset({"", "+", "-", "=", ",", "(", "[", "{", r"\cdot", r"\times", "*", "/"}) | RELATIONS


def primed_group(tokens: list[Token], partner: dict[int, int]) -> int | None:
    """The opener of the bracketed group just read, when a prime after it is the group's derivative
    (``(u/v)'``, ``{(1+e^{-x})^{-1}}'``): not an argument (``f(x)'``), a script or a command's group."""
    if not tokens or tokens[-1].text not in (")", "}"):
        return None
    opener = next(k for k, v in partner.items() if v == len(tokens) - 1)
    before = after_space_back(tokens, opener)
    return opener if before in _BEFORE_PRIMED or before.replace(".", "").isdigit() else None  # 2(x^3)'


def primed(source: str, start: int, tokens: list[Token], push: Callable[[Token], None]) -> int:
    r"""Primes on the letter just read: ``f'(x)`` (``f''(x)``, ``f^{\prime}(x)``) is ``\frac{d}{dx} f(x)``,
    tokens pushed in its place; a bare ``x'`` is a symbol of its own (``xprime``).  The offset after the primes."""
    count, i = 0, start
    while (match := _PRIME.match(source, i)) is not None:
        count, i = count + 1, match.end()
    name = tokens[-1] if tokens else None
    if name is None or not (len(name.text) == 1 and name.text.isalpha() and name.text.isascii()
                            or name.text in GREEK or name.text == r"\ell"):
        raise ParseError(f"a prime at offset {start} must follow a letter, as in f'(x) or x'")
    k = skip_spaces(source, i)
    if k < len(source) and source[k] == "(":
        argument = _PRIMED_ARGUMENT.match(source, k)
        variable = argument.group(1) if argument else ""
        if not (len(variable) == 1 or variable in GREEK):
            raise ParseError(f"{name.text}' at offset {name.pos} is read on one variable, as in f'(x); "
                             f"write \\frac{{d}}{{dx}} {name.text}(...) for more")
        tokens.pop()
        order = [Token("^", start), Token("{", start), Token(str(count), start), Token("}", start)]
        order = order if count > 1 else []
        for token in [Token(r"\frac", start), Token("{", start), Token("d", start), *order, Token("}", start),
                      Token("{", start), Token("d", start), Token(variable, start), *order, Token("}", start),
                      name]:
            push(token)
        return k
    if count > 1:
        raise ParseError(f"{count} primes on {name.text} at offset {start} without an argument: write it as "
                         f"a derivative, {name.text}''(x)")
    tokens[-1] = Token(f"\\prime{{{name.text}}}", name.pos)
    return i
