r"""The source rewritten before it is tokenized: subscripted derivatives (``\partial_\mu f``), the i-th example
(``x^{(i)}``), the n-th derivative (``f^{(2)}(x)``), a derivative at a point (``g'(0)``) and the braces around a
sum's body (``\sum_x{A}``)."""

from __future__ import annotations

import re

from derive.parse.tokens import brace_end, closing


#: ``\partial_\mu f``, ``\nabla_{\theta} J``: the derivative in that one variable, as
#: ``\frac{\partial}{\partial \mu} f``.
_SUBSCRIPTED_PARTIAL = re.compile(r"\\(?:partial|nabla)\s*_\s*(\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z])")


def subscripted_partials(tex: str) -> str:
    r"""``tex`` with each ``\partial_\mu`` (``\nabla_{\theta}``) written ``\frac{\partial}{\partial \mu}``."""
    return _SUBSCRIPTED_PARTIAL.sub(lambda m: rf"\frac{{\partial}}{{\partial {m.group(1).strip('{}')}}}", tex)


#: ``x^{(i)}``, ``x_j^{(i)}``, ``\sigma_j^{(i)2}``: the i-th example (of a sample), never a power (what follows the
#: label is one); ``f^{(n)}(x)`` is left alone.
_EXAMPLE = re.compile(r"((?<![\\A-Za-z])[A-Za-z]|\\[A-Za-z]+)(?:_(\{[^{}]*\}|[A-Za-z0-9]))?\^\{\s*\(\s*([a-z0-9])\s*\)"
                      r"([^{}()]*)\}(?!\s*\()")
#: ``f^{(2)}(x)``: the second derivative of ``f`` at ``x``, as ``f''(x)`` (up to the third).
_NTH_DERIVATIVE = re.compile(r"((?<![\\A-Za-z])[A-Za-z])\^\{\s*\(\s*([1-3])\s*\)\s*\}(?=\s*\()")


#: ``g'(0)``, ``f''(2x)``: a derivative at a point (an argument that is not one variable).
_PRIMED_AT = re.compile(r"(?<![\\A-Za-z])([A-Za-z])('{1,3})\s*\(([^()]+)\)")
_ONE_VARIABLE = re.compile(r"\s*(?:[A-Za-z]|\\[A-Za-z]+)\s*")


def primed_at(tex: str) -> str:
    r"""``tex`` with each ``g'(0)`` written ``\left.\frac{d}{d\varsigma} g(\varsigma)\right|_{\varsigma=0}``: the
    derivative of ``g`` evaluated there (``f'(x)`` at one variable is read as it is)."""
    def at(match: re.Match) -> str:
        name, primes, argument = match.groups()
        if _ONE_VARIABLE.fullmatch(argument) or r"\varsigma" in argument:
            return match.group()
        order = f"^{{{len(primes)}}}" if len(primes) > 1 else ""
        return (rf"\left.\frac{{d{order}}}{{d\varsigma{order}}} {name}(\varsigma)\right|_{{\varsigma={argument}}}")

    return _PRIMED_AT.sub(at, tex) if "'" in tex else tex


#: ``\psi^{(1)}(a)``, ``\psi^{(n)}\left(a\right)``: the polygamma function of that order (``\psi`` alone is the
#: digamma, :data:`derive.parse.notation.SPECIAL`).
_POLYGAMMA = re.compile(r"\\psi\s*\^\s*\{\s*\(\s*([0-9]+|[A-Za-z])\s*\)\s*\}\s*(\\left\s*\(|\()")


def polygammas(tex: str) -> str:
    r"""``tex`` with each ``\psi^{(m)}(a)`` written ``\operatorname{polygamma}(m, a)``: the m-th derivative of the
    digamma function, never a power of a product."""
    return _POLYGAMMA.sub(lambda m: rf"\operatorname{{polygamma}}{m.group(2)}{m.group(1)}, ", tex) if r"\psi" in tex \
        else tex


#: ``\Gamma^2(a)``, ``\psi^{k}\left(a\right)``: a power of the function's value (as ``\log^2 x``), never of a
#: letter times a bracket.
_POWERED = re.compile(r"\\(Gamma|psi)\s*\^\s*(\{\s*[^{}(\s][^{}]*\}|[0-9])\s*(?=\\left\s*\(|\()")


def powered_functions(tex: str) -> str:
    r"""``tex`` with each ``\Gamma^k(a)`` (``\psi^k(a)``) written ``\left(\Gamma(a)\right)^{k}``; one whose
    bracket never closes is left as it is (the reader then says what is wrong)."""
    out, k = [], 0
    for m in _POWERED.finditer(tex):
        if m.start() < k:
            continue
        paren = tex.index("(", m.end())
        end = closing(tex, paren, "()")
        if end is None:
            continue
        power = m.group(2).strip("{} ")
        out += [tex[k:m.start()], rf"\left(\{m.group(1)}{tex[m.end():end + 1]}\right)^{{{power}}}"]
        k = end + 1
    return "".join(out) + tex[k:] if out else tex


def examples(tex: str) -> str:
    r"""``tex`` with each ``x^{(i)}`` written ``x_{i}`` and each ``x_j^{(i)}`` written ``x_{i j}`` (the j-th entry of
    the i-th example), so that a sum over ``i`` runs over them; ``\sigma^{(i)2}`` is ``\sigma_{i}^{2}``, and
    ``f^{(2)}(x)`` is ``f''(x)``."""
    def entry(match: re.Match) -> str:
        base, sub, index, power = match.groups()
        power = f"^{{{power.strip()}}}" if power.strip() else ""
        return f"{base}_{{{index}{' ' + sub.strip('{}') if sub else ''}}}{power}"

    if "^{(" not in tex.replace(" ", ""):
        return tex
    return _EXAMPLE.sub(entry, _NTH_DERIVATIVE.sub(lambda m: m.group(1) + "'" * int(m.group(2)), tex))


_SUM_HEAD = re.compile(r"\\(?:sum|prod)(?![A-Za-z])")


def unbraced_bodies(source: str) -> str:
    r"""``source`` with the braces around a sum's body blanked (same length): ``\sum_x{A - \sum_y{B}}`` is
    typeset, and read, as ``\sum_x A - \sum_y B`` (braces are invisible; a sum's body ends where its term does)."""
    chars = list(source)
    for match in _SUM_HEAD.finditer(source):
        i = match.end()
        while True:
            while i < len(source) and source[i].isspace():
                i += 1
            if source.startswith((r"\limits", r"\nolimits"), i):
                i = source.index("limits", i) + len("limits")
                continue
            if i < len(source) and source[i] in "_^":
                i += 1
                while i < len(source) and source[i].isspace():
                    i += 1
                if i < len(source) and source[i] == "{":
                    i = brace_end(source, i)
                elif i < len(source) and source[i] == "\\":
                    word = re.match(r"\\(?:[A-Za-z]+|.)", source[i:])
                    i += len(word.group()) if word else 1
                else:
                    i += 1
                continue
            break
        if i < len(source) and source[i] == "{":
            end = brace_end(source, i)
            chars[i] = chars[end - 1] = " "
    return "".join(chars)
