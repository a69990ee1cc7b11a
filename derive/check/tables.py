r"""Distributions a text gives in full: ``P(X=0) = 1/4`` and ``P(X=1) = 3/4``, values of one random variable (or
of several jointly, ``P(X=0, Y=1) = 1/8``) that add up to 1, make the pmf known, and with it every mass and every
entropy of those variables (``H(X)``, ``H(X, Y)``, ``I(X; Y)``).

A table is read only from the first links of chains, a probability written with its variables' values set to
labels (digits or letters) equal to a plain number; values given twice must agree, each must lie in (0, 1], and
they must add up to exactly 1 (decimals read as the decimals written).  Anything else gives no table: the
text's relations stay claims for every distribution.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping

import sympy as sp

from derive.distributions import randomvars

_HEAD = r"(?:P|p|\\Pr|\\mathbb\s*\{\s*P\s*\}|\\operatorname\s*\{\s*P\s*\}|\\mathrm\s*\{\s*P\s*\})"
_SETTING = r"[A-Za-z]\s*=\s*[A-Za-z0-9]+"  # P(Y = 1), or P(y = 1) with the value's letter
_MASS = re.compile(rf"\s*{_HEAD}\s*(?:\\left\s*)?[(\[]\s*(?P<settings>{_SETTING}(?:\s*,\s*{_SETTING})*)\s*"
                   rf"(?:\\right\s*)?[)\]]\s*")
_FRACTION = re.compile(r"\s*\\[dt]?frac\s*(?:\{\s*(\d+)\s*\}|(\d))\s*(?:\{\s*(\d+)\s*\}|(\d))\s*")
_SLASH = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")
_DECIMAL = re.compile(r"\s*(\d*\.\d+|\d+)\s*")

Table = dict[tuple[str, ...], sp.Rational]


def number(tex: str) -> sp.Rational | None:
    r"""The plain number ``tex`` writes (``\frac{3}{8}``, ``\frac12``, ``3/8``, ``.175``, ``1``), else ``None``."""
    if (m := _FRACTION.fullmatch(tex)) is not None:
        top, bottom = int(m.group(1) or m.group(2)), int(m.group(3) or m.group(4))
        return sp.Rational(top, bottom) if bottom else None
    if (m := _SLASH.fullmatch(tex)) is not None:
        return sp.Rational(int(m.group(1)), int(m.group(2))) if int(m.group(2)) else None
    if (m := _DECIMAL.fullmatch(tex)) is not None:
        return sp.Rational(m.group(1))
    return None


def _entry(left: str, right: str) -> tuple[tuple[str, ...], tuple[str, ...], sp.Rational] | None:
    """``P(X=0, Y=1) = 1/8`` as ``(("X", "Y"), ("0", "1"), 1/8)``; ``None`` for anything else."""
    m, value = _MASS.fullmatch(left), number(right)
    if m is None or value is None:
        return None
    settings = sorted((name.upper(), label) for name, label in (part.replace(" ", "").split("=")
                                                                for part in m.group("settings").split(",")))
    names = tuple(name for name, _ in settings)
    return None if len(set(names)) != len(names) else (names, tuple(label for _, label in settings), value)


def given_tables(links: Iterable[tuple[str, str]]) -> dict[tuple[str, ...], Table]:
    """The joint pmfs ``links`` (``(left, right)`` LaTeX of first links) give in full, by their variables."""
    found: dict[tuple[str, ...], Table] = {}
    clashes: set[tuple[str, ...]] = set()
    for left, right in links:
        if (entry := _entry(left, right)) is None:
            continue
        names, labels, value = entry
        table = found.setdefault(names, {})
        if table.get(labels, value) != value or not 0 < value <= 1:
            clashes.add(names)  # given twice otherwise, or no probability of a value in the support
        table[labels] = value
    return {names: table for names, table in found.items() if names not in clashes and sum(table.values()) == 1}


def giving(links: Iterable[tuple[str, str]], tables: Mapping[tuple[str, ...], Table]) -> frozenset[tuple[str, str]]:
    """The links that give a value of one of ``tables``."""
    return frozenset(link for link in links if (entry := _entry(*link)) is not None and entry[0] in tables)


def _label(text: str) -> sp.Basic:
    return sp.Integer(int(text)) if text.isdigit() else sp.Symbol(text)


def table_values(tables: Mapping[tuple[str, ...], Table]) -> dict[sp.Basic, sp.Basic]:
    """Each mass and each joint entropy the tables fix, marginals included: ``p[X](0) -> 1/4``, ``H[X] -> ...``
    (in nats, as :mod:`derive.distributions.randomvars` writes it)."""
    out: dict[sp.Basic, sp.Basic] = {}
    for names, table in tables.items():
        for size in range(1, len(names) + 1):
            for kept in itertools.combinations(range(len(names)), size):
                marginal: dict[tuple[str, ...], sp.Rational] = {}
                for labels, value in table.items():
                    key = tuple(labels[k] for k in kept)
                    marginal[key] = marginal.get(key, sp.Integer(0)) + value
                sub = tuple(names[k] for k in kept)
                for labels, value in marginal.items():
                    out[randomvars.mass("p", dict(zip(sub, map(_label, labels))))] = value
                out[randomvars.entropy(sub)] = -sp.Add(*(v * sp.log(v) for v in marginal.values()))
    return out


def with_tables(sides: tuple[sp.Basic, sp.Basic],
                values: Mapping[sp.Basic, sp.Basic]) -> tuple[sp.Basic, sp.Basic] | None:
    """The sides with the given masses and entropies put in, when that leaves nothing of the random variables
    (numbers to compare); else ``None``, and the claim is one for every distribution."""
    if not values or not randomvars.involved(*sides):
        return None
    put = tuple(side.xreplace(dict(values)) for side in sides)
    return None if randomvars.involved(*put) else (put[0], put[1])
