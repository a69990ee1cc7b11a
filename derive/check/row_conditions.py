r"""Statements of a row that are conditions on the statement before them, with no word to say so.

A row's statements are claims unless a joining word makes them suppositions
(:mod:`derive.check.rows`).  Two layouts are conditions all the same:

* bounds after an equation whose left side applies a function, on that
  function's arguments (``f(x; \theta) = ..., \quad x \ge 0, \theta > 0``):
  where the function is meant, as "where $x \ge 0$"
  (:func:`argument_domains`);
* a condition between two indices after a claim (``... = p_i (1 - p_i),
  \quad i = j``): the case the claim holds in, as "If $i = j$, then ..."
  (:func:`cases_first`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from derive.check.statements import Statement

#: ``f(x; \theta)``, ``p_\lambda(k)``: a function applied to its arguments, as a definition's left side writes it.
_APPLIED = re.compile(r"\s*\\?[A-Za-z]+(?:_\{?[^{}()]*\}?)?\s*(?:\\left)?\((?P<args>[^()]*)(?:\\right)?\)\s*")
#: A bound's side: a number (``0``, ``-1``, ``\infty``) or one name (``x``, ``\theta``, ``\sigma_1``).
_BOUND_SIDE = re.compile(r"\s*(?:-?\s*(?:\d+(?:\.\d+)?|\\infty)|(?P<name>\\?[A-Za-z]+(?:_\{?\w+\}?)?))\s*")
#: An index, as a case condition names it: ``i``, ``j``, ``k_1``.
_INDEX = re.compile(r"\s*[a-z](?:_\{?\w\}?)?\s*")


def argument_domains(found: Sequence[Statement]) -> list[Statement]:
    r"""``f(x; \theta) = \frac{1}{\theta} e^{-x/\theta}, \quad x \ge 0, \theta > 0``: bounds that follow an
    equation in its row, with no word between, on arguments of the function its left side applies, say where
    that function is meant (as "where $x \ge 0$"): they are assumptions, not claims."""
    out = list(found)
    for k, equation in enumerate(found):
        applied = _APPLIED.fullmatch(equation.pieces[0].tex) if equation.pieces and \
            equation.relations and equation.relations[0] in ("=", ":=") and not equation.problem else None
        if applied is None:
            continue
        arguments = set(re.findall(r"\\?[A-Za-z]+(?:_\{?\w+\}?)?", applied.group("args")))
        for n in range(k + 1, len(out)):
            bound = out[n]
            sides = [_BOUND_SIDE.fullmatch(part) for piece in bound.pieces for part in piece.tex.split(",")]
            if not bound.is_order or bound.supposed or bound.joined or bound.problem or "∈" in bound.relations or \
                    not all(sides) or not any(m.group("name") for m in sides) or \
                    any(m.group("name") and m.group("name") not in arguments for m in sides):
                break
            out[n] = replace(bound, supposed="where")
    return out


def cases_first(found: Sequence[Statement]) -> list[Statement]:
    """``\\frac{\\partial p_j}{\\partial o_i} = p_i (1 - p_i), \\quad i = j``: a claim followed in its row by
    a condition between two indices (``i = j``, ``i \\neq j``) holds under it, as "If $i = j$, then ..."."""
    out = list(found)
    for k in range(len(out) - 1):
        claim, case = out[k], out[k + 1]
        if claim.relations and not claim.supposed and not claim.problem and not case.supposed and \
                not case.problem and case.relations in (("=",), ("!=",)) and not case.joined and \
                all(_INDEX.fullmatch(piece.tex) for piece in case.pieces):
            out[k], out[k + 1] = replace(case, supposed="if"), replace(claim, joined=claim.joined or "then")
    return out
