r"""Operators written without their brackets, as older texts write them: ``E \log p(X)`` is
``E[\log p(X)]`` (the expectation of the logarithm term that follows, up to the end of that term), and
``E_p \log \frac{p(x)}{q(x)}`` is ``E_p[\log \frac{p(x)}{q(x)}]``."""

from __future__ import annotations

import re

#: An expectation operator written right before a logarithm, no bracket between: ``E \log``, ``\mathbb{E} -\log``,
#: ``E_p \log``, ``\mathbb{E}_{p(x)} \log``.
_BARE_E = re.compile(r"(?<![A-Za-z\\])(?P<op>E|\\mathbb\s*\{\s*E\s*\}|\\mathbb\s*E|\\mathrm\s*\{\s*E\s*\})"
                     r"(?P<sub>\s*_\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\w))?"
                     r"(?P<space>\s*)(?P<sign>-\s*)?(?=\\(?:log|ln)(?![A-Za-z]))")
_OPENERS = {"{": "}", "(": ")", "[": "]"}


def bracketed_expectations(tex: str) -> str:
    r"""``tex`` with each ``E \log X`` written ``E[\log X]``, ``X`` the logarithm's argument as TeX groups it:
    a braced group, a fraction, a bracket (``\left( ... \right)`` too), or a name with its arguments."""
    out, at = [], 0
    for match in _BARE_E.finditer(tex):
        if match.start() < at:
            continue
        start = match.end()
        command = re.match(r"\\(?:log|ln)", tex[start:])
        end = _argument_end(tex, start + command.end())
        if end is None:
            continue
        out.append(tex[at:match.start()] + f"{match.group('op')}{match.group('sub') or ''}"
                                           f"[{match.group('sign') or ''}{tex[start:end]}]")
        at = end
    return "".join(out) + tex[at:]


def _argument_end(tex: str, i: int) -> int | None:
    """Where the argument of a logarithm written from ``i`` ends; ``None`` where it is not one of the forms."""
    while i < len(tex) and tex[i].isspace():
        i += 1
    if i >= len(tex):
        return None
    if tex[i] in _OPENERS:
        return _close(tex, i)
    if tex.startswith(r"\left", i):
        depth, k = 0, i
        while k < len(tex):
            if tex.startswith(r"\left", k):
                depth, k = depth + 1, k + 5
            elif tex.startswith(r"\right", k):
                depth, k = depth - 1, k + 6
                if depth == 0:
                    delimiter = re.match(r"\s*(?:\\[A-Za-z]+|\\.|.)", tex[k:])
                    return k + delimiter.end() if delimiter else None
            else:
                k += 1
        return None
    if tex.startswith(r"\frac", i) or tex.startswith(r"\dfrac", i):
        k = i + (5 if tex.startswith(r"\frac", i) else 6)
        for _ in range(2):
            while k < len(tex) and tex[k].isspace():
                k += 1
            if k >= len(tex) or tex[k] != "{":
                return None
            k = _close(tex, k)
            if k is None:
                return None
        return k
    name = re.match(r"[A-Za-z](?:_\{[^{}]*\}|_\w)?\s*", tex[i:])
    if name is None:
        return None
    k = i + name.end()
    return _close(tex, k) if k < len(tex) and tex[k] == "(" else None


def _close(tex: str, i: int) -> int | None:
    """The index after the bracket that closes the one at ``i``."""
    opening, closing, depth = tex[i], _OPENERS[tex[i]], 0
    for k in range(i, len(tex)):
        if tex[k] == opening and (k == 0 or tex[k - 1] != "\\"):
            depth += 1
        elif tex[k] == closing and (k == 0 or tex[k - 1] != "\\"):
            depth -= 1
            if depth == 0:
                return k + 1
    return None
