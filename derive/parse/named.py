r"""Functions named by a word: ``\operatorname{softmax}(z)``, ``\mathrm{ReLU}(x)``, ``pdf(x)`` typed plainly.

A word of two letters or more in upright type (``\operatorname``, ``\mathrm``,
``\text``) right before a bracket is one function applied, never a product of
letters.  A few have a meaning everyone agrees on (:data:`MEANINGS`); any other
is a function the text may define (``\mathrm{pdf}(x) = ...``) and is otherwise
unknown to the verifier.  Words that head derive's own notation (``KL``,
``Var``, ``Pr``) are read by their own forms first and never reach this one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import sympy as sp

#: A function named by a word in upright type, ``\operatorname{pdf}``, ``\mathrm{MSE}``, ``\text{softmax}``.
NAMED_HEAD = re.compile(r"\\(?:operatorname|mathrm|textrm|text)\{([A-Za-z]{2,})\}")
#: Words that head derive's own notation (measures, moments, probability), never a function of that name.
NOT_NAMED = frozenset({"kl", "dkl", "var", "cov", "pr", "ce", "mi", "jsd", "js", "std", "sd", "corr", "ent"})
#: Words whose function every reader knows, by lower-case spelling.
MEANINGS: dict[str, Callable[[sp.Expr], sp.Expr]] = {
    "relu": lambda x: sp.Max(0, x),
    "softplus": lambda x: sp.log(1 + sp.exp(x)),
    "logit": lambda x: sp.log(x / (1 - x)),
    "sign": sp.sign,
    "sgn": sp.sign,
}


def named_word(text: str) -> str | None:
    """The word of a token that names a function (``\\operatorname{pdf}`` -> ``pdf``), else ``None``."""
    match = NAMED_HEAD.fullmatch(text)
    return match.group(1) if match is not None and match.group(1).lower() not in NOT_NAMED else None


#: Functions LaTeX has a command for, which may carry a power before their bracket (``\tanh^2(x)``).
COMMANDS: dict[str, Callable[[sp.Expr], sp.Expr]] = {
    r"\tanh": sp.tanh, r"\sinh": sp.sinh, r"\cosh": sp.cosh, r"\sin": sp.sin, r"\cos": sp.cos, r"\tan": sp.tan}


class NamedFunctions:
    """The forms mixed into the notation layer's reader (which supplies tokens, ``partner``, ``expression``, ...)."""

    def named_function(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        r"""``\operatorname{word}(a, ...)`` at token ``i``: its meaning, or the function ``word`` applied; with a
        power between name and bracket, ``\tanh^2(x)`` and ``\mathrm{softmax}^2(b)``, that power of the value."""
        text = self.tokens[i].text
        word = named_word(text)
        if word is None and text not in COMMANDS:
            return None
        opening, power = self._next(i + 1, hi), None
        if self._at(opening, hi) == "^":
            group = self._next(opening + 1, hi)
            end = self.partner[group] + 1 if self._at(group, hi) == "{" else group + 1
            opening = self._next(end, hi)
            if self._at(opening, hi) != "(":
                return None
            power = self.expression(group + 1, end - 1, indices) if end - 1 > group else \
                self.expression(group, end, indices)
        if self._at(opening, hi) != "(" or (word is None and power is None):
            return None
        close = self.partner[opening]
        args = [self.expression(a, b, indices) for a, b in self._split(opening + 1, close, {","})]
        meaning = COMMANDS.get(text) or MEANINGS.get((word or "").lower())
        value = meaning(args[0]) if meaning is not None and len(args) == 1 else sp.Function(word or text)(*args)
        return (value if power is None else value ** power), close + 1


def named_call(tokens: list, partner: Mapping[int, int], i: int, after: Callable[[list, int], int]) -> bool:
    """Token ``i`` names a function and a bracket follows it, perhaps after a power (``after`` skips spaces)."""
    if named_word(tokens[i].text) is None:
        return False
    k = after(tokens, i + 1)
    if k < len(tokens) and tokens[k].text == "^":
        group = after(tokens, k + 1)
        k = after(tokens, partner.get(group, group) + 1) if group < len(tokens) else group
    return k < len(tokens) and tokens[k].text == "(" and k in partner
