"""Tokens of LaTeX and the small helpers over them: spacing, brackets, names of symbols and scripts."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from derive.parse.adapter import ParseError
from derive.parse.lexicon import CLOSERS, DECORATIONS, GREEK, MAX_DEPTH


_ONE_CHAR_SUBSCRIPT = re.compile(r"_\{(\w)\}")


@dataclass(frozen=True)
class Token:
    text: str
    pos: int  # offset of the token in the source


def decorated_name(text: str) -> str | None:
    """The symbol name of a decorated token (``\\hat{\\sigma}`` -> ``sigmahat``, which SymPy prints as
    ``\\hat{\\sigma}``), of an upright word that names a quantity (``\\mathrm{ELBO}``, ``\\operatorname{MSE}``:
    ``ELBO``), or ``None`` for any other token."""
    match = _DECORATED.fullmatch(text)
    if match is not None and match.group(1) in ("mathrm", "operatorname") and _QUANTITY.fullmatch(match.group(2)) \
            and match.group(2).lower() not in _OPERATOR_WORDS:
        return match.group(2)
    if match is None or "\\" + match.group(1) not in DECORATIONS:
        return None
    return match.group(2).lstrip("\\") + DECORATIONS["\\" + match.group(1)]


#: An upright word that names a quantity: two letters or more (one letter is a function's name, ``\\mathrm{E}``).
_QUANTITY = re.compile(r"[A-Za-z]{2,}")


#: Upright words that are operators, never a quantity's name.
_OPERATOR_WORDS = frozenset("""kl var cov det tr diag softmax sigmoid argmax argmin max min sup inf lim sign sgn erf
    erfc beta gamma pr relu tanh sinh cosh sin cos tan arg exp log ln mod dim rank corr std sd cdf pdf pmf""".split())


def symbol_name(text: str) -> str:
    """The SymPy name of a symbol token: ``x``, ``sigma`` for ``\\sigma``, ``sigmahat`` for ``\\hat{\\sigma}``."""
    return decorated_name(text) or text.lstrip("\\")


_DECORATED = re.compile(r"\\([A-Za-z]+)\{(\\?[A-Za-z]+)\}")


def scripts_after(tokens: list[Token], partner: dict[int, int], i: int) -> tuple[dict[str, tuple[int, int]], int]:
    """The ``_`` and ``^`` scripts after token ``i`` (an ``\\int``) as token ranges, and the token after them.

    A script is a bracketed group (its content) or one token; a script
    without its token is left out.
    """
    found: dict[str, tuple[int, int]] = {}
    k = after_space(tokens, i + 1)
    while k < len(tokens) and tokens[k].text in ("_", "^") and tokens[k].text not in found:
        script = after_space(tokens, k + 1)
        if script >= len(tokens) or tokens[script].text in CLOSERS:
            break
        if script in partner:
            found[tokens[k].text] = (script + 1, partner[script])
            k = after_space(tokens, partner[script] + 1)
        else:
            found[tokens[k].text] = (script, script + 1)
            k = after_space(tokens, script + 1)
    return found, k


def is_variable(text: str) -> bool:
    """A letter other than ``d``, or a greek letter: what may follow the ``d`` of a differential."""
    return (len(text) == 1 and text in string.ascii_letters and text != "d") or text in GREEK


_WORD_IN_BRACES = re.compile(r"\\(?:text|mathrm|textrm|operatorname)\{\s*([A-Za-z]+)\s*\}")


def subscript_word(tokens: list[Token], i: int) -> str | None:
    """The word of ``\\text{ML}`` at token ``i`` when it is a whole subscript group (``x_{\\text{ML}}``), else
    ``None``."""
    match = _WORD_IN_BRACES.fullmatch(tokens[i].text) if i < len(tokens) else None
    if match is None or after_space_back(tokens, i) != "{" or after_space(tokens, i + 1) >= len(tokens) or \
            tokens[after_space(tokens, i + 1)].text != "}":
        return None
    opening = i - 1
    while opening >= 0 and tokens[opening].text == " ":
        opening -= 1
    return match.group(1) if after_space_back(tokens, opening) == "_" else None


def before_space(tokens: list[Token], i: int) -> int:
    """The last token before ``i`` that is not a space (-1 at the start)."""
    i -= 1
    while i >= 0 and tokens[i].text == " ":
        i -= 1
    return i


def after_space_back(tokens: list[Token], i: int) -> str:
    """The text of the last token before ``i`` that is not a space (``""`` at the start)."""
    i = before_space(tokens, i)
    return tokens[i].text if i >= 0 else ""


def after_space(tokens: list[Token], i: int) -> int:
    while i < len(tokens) and tokens[i].text == " ":
        i += 1
    return i


def skip_spaces(source: str, i: int) -> int:
    while i < len(source) and source[i].isspace():
        i += 1
    return i


def closing(source: str, start: int, pair: str = "{}") -> int | None:
    """The offset of the ``pair[1]`` that closes the ``pair[0]`` at ``start`` (escaped ones skipped), or None.

    Raises :class:`ParseError` past :data:`MAX_DEPTH` nested pairs."""
    depth, i = 0, start
    while i < len(source):
        if source[i] == "\\":
            i += 2
            continue
        depth += 1 if source[i] == pair[0] else -1 if source[i] == pair[1] else 0
        if depth == 0:
            return i
        if depth > MAX_DEPTH:
            raise ParseError(f"brackets {pair} nested deeper than {MAX_DEPTH} at offset {i}")
        i += 1
    return None


def split_top(tex: str, separator: str | re.Pattern = ",") -> list[str]:
    """``tex`` cut at each ``separator`` (a character, or a pattern: ``;`` or ``\\mid``) outside brackets, each
    part stripped."""
    pattern = separator if isinstance(separator, re.Pattern) else re.compile(re.escape(separator))
    parts, depth, start, k = [], 0, 0, 0
    while k < len(tex):
        if depth == 0 and (m := pattern.match(tex, k)) is not None and m.end() > k:
            parts.append(tex[start:k])
            start = k = m.end()
            continue
        depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(tex[k], 0)
        k += 1
    return [part.strip() for part in parts + [tex[start:]]]


def brace_end(source: str, start: int) -> int:
    """The offset just after the ``}`` that closes the ``{`` at ``start`` (escaped braces skipped)."""
    end = closing(source, start)
    if end is None:
        raise ParseError(f"unbalanced braces: '{{' at offset {start} is never closed")
    return end + 1


def unbalanced(bracket: str) -> str:
    return "unbalanced braces" if bracket in "{}" else "unbalanced brackets"


def bare_name(text: str) -> str:
    """A name without the bold, the braces, the backslashes and the spaces of its writing (``{\\boldsymbol{x}}``:
    ``x``, ``\\theta``: ``theta``): for comparing names however they are set."""
    return re.sub(r"\\(?:boldsymbol|mathbf|bm)|[{}\s\\]", "", text)


def key_of(text: str) -> str:
    """A name as written, spaces removed and ``x_{1}`` written ``x_1``, for comparing names."""
    return _ONE_CHAR_SUBSCRIPT.sub(r"_\1", re.sub(r"\s+", "", text))


def is_function_argument(key: str) -> bool:
    """A lower-case or greek name (``p``, ``x_1``, ``\\theta``): ``H(p)``, ``F(x)`` apply a function to it, while
    ``H(P)``, ``R(H)`` name a distribution or an outcome."""
    return key[:1].islower() or key.split("_")[0] in GREEK


def short(text: str, limit: int = 40) -> str:
    return "'" + (text if len(text) <= limit else text[:limit - 3] + "...") + "'"
