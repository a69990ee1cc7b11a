"""Words with mathematics in them: a derivation's notes and intros, kept free of any markup.

A note is plain text, or a :class:`Prose`: text and SymPy expressions in reading order.  Renderers set
each expression in math mode in their own markup (``$P(H) = p$``, ``\\(...\\)``); ``str`` gives plain text
for logs and ``repr``.  So ``say("Put in ", Eq(Prob(P, H), p), ".")`` rather than ``"Put in P(H) = p."``,
whose ``=`` and ``-`` a document would print as words and hyphens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp


@dataclass(frozen=True)
class Prose:
    """Text and expressions in reading order."""

    parts: tuple[str | sp.Basic, ...]

    def __str__(self) -> str:
        return "".join(part if isinstance(part, str) else sp.sstr(part) for part in self.parts)

    def __bool__(self) -> bool:
        return bool(self.parts)


Text = str | Prose


def say(*parts: str | sp.Basic | Prose) -> Text:
    """Prose from text, expressions and prose (adjacent strings joined); plain text when there is no expression."""
    flat: list[str | sp.Basic] = []
    for part in parts:
        if isinstance(part, Prose):
            flat.extend(part.parts)
        elif isinstance(part, (str, sp.Basic)):
            flat.append(part)
        else:
            raise TypeError(f"prose is made of text and SymPy expressions, got {type(part).__name__}")
    merged: list[str | sp.Basic] = []
    for part in flat:
        if isinstance(part, str) and merged and isinstance(merged[-1], str):
            merged[-1] += part
        elif part != "":
            merged.append(part)
    if all(isinstance(part, str) for part in merged):
        return "".join(merged)  # type: ignore[arg-type]
    return Prose(tuple(merged))


def spell(text: Text, words: Callable[[str], str], math: Callable[[sp.Basic], str]) -> str:
    """``text`` in a renderer's markup: each run of words through ``words``, each expression through ``math``."""
    if isinstance(text, str):
        return words(text)
    return "".join(words(part) if isinstance(part, str) else math(part) for part in text.parts)


def joined(items: list[Text | sp.Basic], separator: str = ", ", last: str = " and ") -> Text:
    """``a, b and c`` of prose items (``say`` of the parts in between)."""
    if not items:
        return ""
    parts: list[Text | sp.Basic] = []
    for k, item in enumerate(items):
        if k:
            parts.append(last if k == len(items) - 1 else separator)
        parts.append(item)
    return say(*parts)
