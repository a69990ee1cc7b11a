r"""Macros: a document's own (``\newcommand``, ``\DeclareMathOperator``, ``\def``) and those of sites that publish
derivations with their own (ProofWiki's ``\map {f} x``, ``\ds``, ``\rd``), expanded before a formula is read.

An argument is a brace group or one token (a command, or one character), as TeX
takes it; expansion repeats until nothing changes, at most :data:`MAX_PASSES`
times (a macro that expands into itself is an error, not a hang).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from derive.parse.adapter import ParseError

__all__ = ["ARGUMENTS", "PROOFWIKI", "Macro", "defined", "expand"]

#: A macro: its number of arguments and its body, ``#1`` ... ``#9`` its arguments.
Macro = tuple[int, str]

#: ProofWiki's macros for what the usual commands write (https://proofwiki.org/wiki/Symbols:...).
PROOFWIKI: dict[str, Macro] = {
    r"\ds": (0, r"\displaystyle"),
    r"\rd": (0, r"\mathrm{d}"),
    r"\map": (2, r"#1\left(#2\right)"),
    r"\paren": (1, r"\left(#1\right)"),
    r"\sqbrk": (1, r"\left[#1\right]"),
    r"\size": (1, r"\left|#1\right|"),
    r"\expect": (1, r"\mathbb{E}\left[#1\right]"),
    r"\var": (1, r"\operatorname{Var}\left(#1\right)"),
    r"\dfrac": (2, r"\frac{#1}{#2}"),
    r"\ContinuousUniform": (2, r"\mathcal{U}\left(#1, #2\right)"),
    r"\Gaussian": (2, r"\mathcal{N}\left(#1, #2\right)"),
    r"\Poisson": (1, r"\mathrm{Poisson}\left(#1\right)"),
    r"\Binomial": (2, r"\mathrm{Bin}\left(#1, #2\right)"),
    r"\Bernoulli": (1, r"\mathrm{Bernoulli}\left(#1\right)"),
    r"\Geometric": (1, r"\mathrm{Geom}\left(#1\right)"),
    r"\R": (0, r"\mathbb{R}"),
}

#: Commands whose arguments TeX also takes unbraced (``\frac 1 {b - a}``, ``\sqrt 2``): braced before reading.
ARGUMENTS = {r"\frac": 2, r"\dfrac": 2, r"\tfrac": 2, r"\binom": 2, r"\sqrt": 1}

MAX_PASSES = 20
_NEWCOMMAND = re.compile(r"\\(?:re)?newcommand\*?\s*\{?\s*(\\[A-Za-z]+)\s*\}?\s*(?:\[(\d)\])?\s*\{")
_OPERATOR = re.compile(r"\\DeclareMathOperator\*?\s*\{\s*(\\[A-Za-z]+)\s*\}\s*\{([^{}]*)\}")
_DEF = re.compile(r"\\def\s*(\\[A-Za-z]+)\s*\{")
_COMMAND = re.compile(r"\\(?:[A-Za-z]+|.)")


def defined(text: str) -> dict[str, Macro]:
    r"""The macros ``text`` defines with ``\newcommand``, ``\renewcommand``, ``\def`` (no arguments) and
    ``\DeclareMathOperator``."""
    out: dict[str, Macro] = {}
    for match in _NEWCOMMAND.finditer(text):
        body = _group(text, match.end() - 1)
        if body is not None:
            out[match.group(1)] = (int(match.group(2) or 0), body[0])
    for match in _DEF.finditer(text):
        body = _group(text, match.end() - 1)
        if body is not None:
            out[match.group(1)] = (0, body[0])
    for match in _OPERATOR.finditer(text):
        out[match.group(1)] = (0, rf"\operatorname{{{match.group(2).strip()}}}")
    return out


def expand(tex: str, macros: Mapping[str, Macro]) -> str:
    """``tex`` with every use of ``macros`` replaced by its body, arguments put in, and the arguments of
    :data:`ARGUMENTS` braced."""
    if macros and any(name in tex for name in macros):
        for _ in range(MAX_PASSES):
            tex, changed = _once(tex, macros)
            if not changed:
                break
        else:
            raise ParseError(f"a macro still expands after {MAX_PASSES} passes (does one expand into itself?)")
    return _braced(tex) if any(name in tex for name in ARGUMENTS) else tex


def _braced(tex: str) -> str:
    """``\frac 1 {b - a}`` as ``\frac{1}{b - a}``: each argument of :data:`ARGUMENTS` in braces."""
    out: list[str] = []
    i = 0
    while i < len(tex):
        match = _COMMAND.match(tex, i) if tex[i] == "\\" else None
        if match is None:
            out.append(tex[i])
            i += 1
            continue
        out.append(match.group())
        i = match.end()
        count = ARGUMENTS.get(match.group(), 0)
        if tex[i:].lstrip().startswith("["):  # \sqrt[3]{x}: an optional argument first, left as written
            continue
        args = []
        for _ in range(count):
            found = _argument(tex, i)
            if found is None:
                break
            args.append(found)
            i = found[1]
        out.extend(f"{{{_braced(arg)}}}" for arg, _ in args)
    return "".join(out)


def _once(tex: str, macros: Mapping[str, Macro]) -> tuple[str, bool]:
    out: list[str] = []
    i, changed = 0, False
    while i < len(tex):
        match = _COMMAND.match(tex, i) if tex[i] == "\\" else None
        if match is None or match.group() not in macros:
            out.append(match.group() if match else tex[i])
            i = match.end() if match else i + 1
            continue
        count, body = macros[match.group()]
        k, args = match.end(), []
        for _ in range(count):
            found = _argument(tex, k)
            if found is None:
                raise ParseError(f"the macro {match.group()} at offset {i} wants {count} arguments")
            args.append(found[0])
            k = found[1]
        for n, arg in enumerate(args, 1):
            body = body.replace(f"#{n}", arg)
        out.append(f" {body} " if body[:1].isalpha() or body[:1] == "\\" else body)
        i, changed = k, True
    return "".join(out), changed


def _argument(tex: str, k: int) -> tuple[str, int] | None:
    """The argument starting at or after ``k`` (spaces skipped): a group's inside, or one token; and its end."""
    while k < len(tex) and tex[k].isspace():
        k += 1
    if k >= len(tex) or tex[k] in "}":
        return None
    if tex[k] == "{":
        return _group(tex, k)
    if tex[k] == "\\":
        match = _COMMAND.match(tex, k)
        return match.group(), match.end()
    return tex[k], k + 1


def _group(tex: str, k: int) -> tuple[str, int] | None:
    """The inside of the brace group opened at ``k`` and the offset after it; ``None`` if it is never closed."""
    depth = 0
    for j in range(k, len(tex)):
        if tex[j] == "{" and (j == 0 or tex[j - 1] != "\\"):
            depth += 1
        elif tex[j] == "}" and tex[j - 1] != "\\":
            depth -= 1
            if depth == 0:
                return tex[k + 1:j], j + 1
    return None
