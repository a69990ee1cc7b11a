r"""Proportionality claims, ``a \propto b``: the ratio of the two sides is free of the variables the chain's
subject is a function of (``p(\theta \mid x) \propto ...`` in θ, ``L(\mu) \propto ...`` in μ).

The ratio is constant in a variable v where ``a' b = a b'`` (derivatives in v), which the verifier checks as an
equality.  A subject that is no function (``e^{-x^2} \propto ...``) leaves the variable unsaid: not checked.
A conditional density read in the variable after its bar (a likelihood ``p(x \mid \theta) \propto \theta^n``)
is never refuted, only not proved.
"""

from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

from derive.check.chains import Chain, Link
from derive.check.report import CLAIM, PROVED, REFUTED, SKIPPED, UNKNOWN, Entry, point
from derive.check.shared import Failed, link_entry

#: ``name(before | after)``, ``name_{sub}(before; after)``, ``name(args)``: a function's arguments as written.
_APPLIED = re.compile(r"\s*(?:\\log\s*|\\ln\s*)?(?:\\[A-Za-z]+\s*\{\s*\w+\s*\}|\\?[A-Za-z]+)"
                      r"(?:_\{[^{}]*\}|_\\?[A-Za-z0-9]+)?\s*(?:\\left\s*)?\(\s*(?P<args>[^()]*?)\s*(?:\\right\s*)?\)\s*")
_BAR = re.compile(r"\\middle\s*\||\\mid(?![A-Za-z])|\||;")


def variables_written(subject: str) -> tuple[str, str] | None:
    r"""The arguments a proportionality's subject is a function of, and those after its bar or semicolon
    (``p(\theta \mid x)``: ``("\theta", "x")``); ``None`` when the subject is no function of anything."""
    match = _APPLIED.fullmatch(subject)
    if match is None or not match.group("args"):
        return None
    parts = _BAR.split(match.group("args"), maxsplit=1)
    return parts[0].strip(), parts[1].strip() if len(parts) > 1 else ""


class Proportions:
    """Proportionality links, mixed into :class:`~derive.check.checker.Checker`."""

    def _proportion(self, origin: str, link: Link, chain: Chain, values: list) -> tuple[Entry, bool]:
        k = link.position
        left, right = values[k - 1], values[k]
        if isinstance(left, Failed) or isinstance(right, Failed):
            failed = left if isinstance(left, Failed) else right
            return link_entry(origin, link, CLAIM, SKIPPED, f"a proportionality is not checked: {failed.reason}"), False
        written = variables_written(chain.expressions[0].tex)
        if written is None:
            return link_entry(origin, link, CLAIM, UNKNOWN, "a proportionality in which variable? its subject "
                                                            "is no function of one"), False
        sides = left.free_symbols | right.free_symbols
        before, after = (self._variables(text, sides) for text in written)
        variables, said = (before, written[0]) if before else (after, written[1])
        if not variables:
            return link_entry(origin, link, CLAIM, UNKNOWN, f"proportional in {written[0]}? neither side "
                                                            "depends on it"), False
        if any(isinstance(f, AppliedUndef) and f.free_symbols & variables for f in left.atoms(AppliedUndef)
               | right.atoms(AppliedUndef)):
            return link_entry(origin, link, CLAIM, UNKNOWN, f"a function of {said} the text does not define"), True
        own = self._free_of(variables, left, right)
        if own.proved:
            return link_entry(origin, link, CLAIM, PROVED, f"the ratio of the sides is free of {said}"), True
        if own.status.value == REFUTED:
            if variables is before and after and self._free_of(after, left, right).proved:
                return link_entry(origin, link, CLAIM, UNKNOWN, f"proportional in {written[1]}, not in "
                                                                f"{written[0]}"), True
            return Entry(origin, link.line, CLAIM, REFUTED, link.lhs.tex, link.rhs.tex,
                         f"the ratio of the sides changes with {said}", point(own.counterexample),
                         relation=link.relation), False
        return link_entry(origin, link, CLAIM, UNKNOWN, own.reason), True

    def _variables(self, written: str, sides: set) -> set:
        """The symbols of the arguments ``written`` (split at commas) that the sides depend on."""
        found: set = set()
        for part in (p for p in written.split(",") if p.strip()):
            read = self._parse(part)
            if isinstance(read, sp.Basic):
                found |= read.free_symbols
        return found & sides

    def _free_of(self, variables: set, left: sp.Basic, right: sp.Basic):
        """Whether ``left / right`` is free of ``variables``: ``a' b = a b'`` in each (a verdict)."""
        verdict = None
        for v in sorted(variables, key=str):
            verdict = self._verdict(sp.diff(left, v) * right, left * sp.diff(right, v))
            if not verdict.proved:
                return verdict
        return verdict
