r"""Macros: a document's own (``\newcommand``, ``\DeclareMathOperator``, ``\def``) and those of sites that publish
derivations with their own (ProofWiki's ``\map {f} x``, ``\ds``, ``\rd``), expanded before a formula is read.

An argument is a brace group or one token (a command, or one character), as TeX
takes it; expansion repeats until nothing changes, at most :data:`MAX_PASSES`
times (a macro that expands into itself is an error, not a hang).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from derive.parse.adapter import ParseError
from derive.parse.lexer import COMMAND
from derive.parse.tokens import brace_end

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
    r"\bigintlimits": (3, r"\left[#1\right]_{#2}^{#3}"),
    r"\intlimits": (3, r"\left[#1\right]_{#2}^{#3}"),
    r"\Bigintlimits": (3, r"\left[#1\right]_{#2}^{#3}"),
}

#: Commands whose arguments TeX also takes unbraced (``\frac 1 {b - a}``, ``\sqrt 2``): braced before reading.
ARGUMENTS = {r"\frac": 2, r"\dfrac": 2, r"\tfrac": 2, r"\binom": 2, r"\sqrt": 1}

MAX_PASSES = 20
_NEWCOMMAND = re.compile(r"\\(?:re)?newcommand\*?\s*\{?\s*(\\[A-Za-z]+)\s*\}?\s*(?:\[(\d)\])?\s*\{")
_OPERATOR = re.compile(r"\\DeclareMathOperator\*?\s*\{\s*(\\[A-Za-z]+)\s*\}\s*\{([^{}]*)\}")
_DEF = re.compile(r"\\def\s*(\\[A-Za-z]+)\s*\{")


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
    arity = {name: count for name, (count, _) in macros.items()}

    def body(name: str, args: list[str]) -> str:
        text = macros[name][1]
        for n, arg in enumerate(args, 1):
            text = text.replace(f"#{n}", arg)
        return f" {text} " if text[:1].isalpha() or text[:1] == "\\" else text

    for _ in range(MAX_PASSES):
        if not any(name in tex for name in macros) or (expanded := _calls(tex, arity, body)) == tex:
            return angles(_braced(tex))
        tex = expanded
    raise ParseError(f"a macro still expands after {MAX_PASSES} passes (does one expand into itself?)")


_ANGLE = re.compile(r"(?:\\left\s*)?\\langle(?![A-Za-z])")
_ANGLES = re.compile(r"(?:\\left\s*)?\\langle(?![A-Za-z])|(?:\\right\s*)?\\rangle(?![A-Za-z])")


def angles(tex: str) -> str:
    r"""``\langle f \rangle_{p}`` as ``\mathbb{E}_{p}\left[f\right]``, and ``\langle f \rangle`` as
    ``\mathbb{E}\left[f\right]`` (physicists' and statisticians' expectation); an inner product
    ``\langle a, b \rangle`` (a comma outside brackets) is left as it is."""
    out, k = [], 0
    while (opening := _ANGLE.search(tex, k)) is not None:
        depth, j, close = 1, opening.end(), None
        while depth and (found := _ANGLES.search(tex, j)) is not None:
            depth += 1 if "langle" in found.group() else -1
            close = (found.start(), found.end()) if depth == 0 else None
            j = found.end()
        inside = tex[opening.end():close[0]] if close else ""
        if close is None or _top_level_comma(inside):
            out.append(tex[k:opening.end()])
            k = opening.end()
            continue
        after, under = close[1], ""
        script = re.match(r"\s*_", tex[after:])
        if script is not None and (group := _argument(tex, after + script.end())) is not None:
            under, after = f"_{{{group[0]}}}", group[1]
        out.append(f"{tex[k:opening.start()]}\\mathbb{{E}}{under}\\left[{angles(inside)}\\right]")
        k = after
    return "".join(out) + tex[k:]


def _top_level_comma(tex: str) -> bool:
    depth = 0
    for ch in tex:
        depth += ch in "([{" and 1 or ch in ")]}" and -1 or 0
        if ch == "," and depth == 0:
            return True
    return False


def _braced(tex: str) -> str:
    r"""``\frac 1 {b - a}`` as ``\frac{1}{b - a}``: each argument of :data:`ARGUMENTS` in braces."""
    if not any(name in tex for name in ARGUMENTS):
        return tex
    return _calls(tex, ARGUMENTS, lambda name, args: name + "".join(f"{{{_braced(arg)}}}" for arg in args))


def _calls(tex: str, arity: Mapping[str, int], emit: Callable[[str, list[str]], str]) -> str:
    """``tex`` with each command of ``arity`` and its arguments replaced by ``emit(command, arguments)``; one
    followed by an optional argument (``\\sqrt[3]{x}``) is left as written."""
    out: list[str] = []
    i = 0
    while i < len(tex):
        match = COMMAND.match(tex, i) if tex[i] == "\\" else None
        name = match.group() if match else tex[i]
        count = arity.get(name)
        if count is None or count and tex[i + len(name):].lstrip().startswith("["):
            out.append(name)
            i += len(name)
            continue
        args, k = [], i + len(name)
        for _ in range(count):
            found = _argument(tex, k)
            if found is None:
                raise ParseError(f"{name} at offset {i} wants {count} arguments")
            args.append(found[0])
            k = found[1]
        out.append(emit(name, args))
        i = k
    return "".join(out)


def _argument(tex: str, k: int) -> tuple[str, int] | None:
    """The argument starting at or after ``k`` (spaces skipped): a group's inside, or one token; and its end."""
    while k < len(tex) and tex[k].isspace():
        k += 1
    if k >= len(tex) or tex[k] in "}":
        return None
    if tex[k] == "{":
        return _group(tex, k)
    if tex[k] == "\\":
        match = COMMAND.match(tex, k)
        end = match.end()
        for _ in range(ARGUMENTS.get(match.group(), 0)):  # \sqrt \frac{a}{b}: the fraction, its arguments with it
            found = _argument(tex, end)
            if found is None:
                return None
            end = found[1]
        return tex[k:end], end
    return tex[k], k + 1


def _group(tex: str, k: int) -> tuple[str, int] | None:
    """The inside of the brace group opened at ``k`` and the offset after it; ``None`` if it is never closed."""
    try:
        end = brace_end(tex, k)
    except ParseError:
        return None
    return tex[k + 1:end - 1], end
