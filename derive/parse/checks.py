"""What the tokenizer refuses before anything is read: unknown commands, digits that read as no one
number, scripts without a base, integrals without their differential."""

from __future__ import annotations

from collections.abc import Set

from derive.parse.adapter import ParseError
from derive.parse.calculus import EXTRA_COMMANDS
from derive.parse.lexicon import (BRACES, CLOSERS, CONTEXT_ONLY, DIFFERENTIAL_ENTROPY_HEADS, EXPECTATIONS, GREEK,
                                  MAX_CHAIN, OPENERS, PROSE, RELATIONS, VARIANCES)
from derive.parse.named import named_call
from derive.parse.randomvars import MASS_HEADS
from derive.parse.tokens import Token, after_space, decorated_name, is_variable, scripts_after, short, subscript_word


_PREFIXES = frozenset({"+", "-", r"\ln", r"\log", r"\exp"})


_COMMANDS = GREEK | RELATIONS | CONTEXT_ONLY.keys() | {
    r"\frac", r"\sqrt", r"\exp", r"\log", r"\ln", r"\cdot", r"\times", r"\div", r"\infty", r"\sum", r"\prod", r"\int",
    r"\underbrace", r"\overbrace", r"\ell", r"\Pr", r"\binom", r"\lim", r"\to", r"\rightarrow", r"\longrightarrow",
    r"\tanh", r"\sinh", r"\cosh", r"\sin", r"\cos", r"\tan",
} | EXTRA_COMMANDS


#: What an integral's body cannot cross: its differential must come first.
_INTEGRAL_STOPS = RELATIONS | {"=", "<", ">", ","}


_DIFFERENTIALS = frozenset({"d", r"\mathrm{d}"})


_DIGIT_ARGUMENTS = frozenset({r"\frac", r"\sqrt", r"\binom"})


_KL_WORDS = frozenset({r"\mathrm{KL}", r"\text{KL}", r"\operatorname{KL}"})


def derivative_ds(tokens: list[Token], partner: dict[int, int]) -> set[int]:
    r"""The ``\mathrm{d}`` of ``\frac{\mathrm{d}}{\mathrm{d}x}``: the first token of a ``\frac``'s top and bottom
    when both are a ``d``."""
    found: set[int] = set()
    for k, token in enumerate(tokens):
        top = after_space(tokens, k + 1)
        if token.text != r"\frac" or top not in partner:
            continue
        bottom = after_space(tokens, partner[top] + 1)
        if bottom not in partner:
            continue
        ds = [after_space(tokens, top + 1), after_space(tokens, bottom + 1)]
        if all(tokens[d].text in _DIFFERENTIALS for d in ds):
            found.update(ds)
    return found


def differentials_first(tokens: list[Token], partner: dict[int, int]) -> bool:
    """``\\int dz\\, f(z)`` (the differential written first, as physicists do) put as ``\\int f(z) dz``: the
    integrand is the rest of the term, up to a sign, a relation, a comma or a closing bracket.  Tokens and
    ``partner`` change in place; whether one integral was moved (call again for the next)."""
    for k, token in enumerate(tokens):
        if token.text != r"\int":
            continue
        j = after_space(tokens, scripts_after(tokens, partner, k)[1])
        variable = after_space(tokens, j + 1)
        if j >= len(tokens) or tokens[j].text not in _DIFFERENTIALS or variable >= len(tokens) or \
                not is_variable(tokens[variable].text):
            continue
        start = after_space(tokens, variable + 1)
        end = start + (start < len(tokens) and tokens[start].text in ("+", "-"))
        while end < len(tokens) and tokens[end].text not in CLOSERS and tokens[end].text not in _INTEGRAL_STOPS \
                and tokens[end].text not in ("+", "-"):
            end = partner[end] + 1 if end in partner else end + 1
        if end == start:
            continue
        shift = variable + 1 - j
        tokens[j:end] = tokens[variable + 1:end] + tokens[j:variable + 1]
        moved = {o - shift if j < o < end else o: c - shift if j < c < end else c for o, c in partner.items()}
        partner.clear()
        partner.update(moved)
        return True
    return False


def match_integrals(tokens: list[Token], partner: dict[int, int]) -> dict[int, tuple[int, int]]:
    """Each ``\\int`` paired with the first differential (``d x``, ``\\mathrm{d} x``) that closes it.

    Integrals and differentials pair like brackets, at the bracket depth of
    the ``\\int``: a differential closes the innermost integral still open at
    its depth, and an integral still open at a closing bracket or at ``=``,
    ``<``, ``>``, ``,`` or a relation never closes.  Tokens are visited once
    (the limits are scanned as groups of their own).  Values are the token
    indices of the ``d`` and of the variable.
    """
    matched: dict[int, tuple[int, int]] = {}
    ranges = [(0, len(tokens))]
    while ranges:
        lo, hi = ranges.pop()
        frames: list[list[int]] = [[]]
        k = lo
        while k < hi:
            text = tokens[k].text
            if text == r"\int":
                scripts, after = scripts_after(tokens, partner, k)
                ranges.extend(r for r in scripts.values() if r[0] - 1 in partner)
                frames[-1].append(k)
                k = max(after, k + 1)
                continue
            if text in OPENERS:
                frames.append([])
            elif text in CLOSERS:
                frames.pop()
            elif text in _INTEGRAL_STOPS:
                frames[-1].clear()
            elif text in ("^", "_"):  # a one-token script (x^d) is never a differential
                script = after_space(tokens, k + 1)
                if script < hi and script not in partner:
                    k = script + 1
                    continue
            elif text in _DIFFERENTIALS and frames[-1]:
                variable = after_space(tokens, k + 1)
                power = after_space(tokens, variable + 1)  # \int t \, de^{-t^2}: the differential of a power
                if variable < hi and is_variable(tokens[variable].text) and \
                        not (power < hi and tokens[power].text == "^"):
                    matched[frames[-1].pop()] = (k, variable)
                    k = variable + 1
                    continue
            k += 1
    return matched


def check_words(tokens: list[Token], partner: dict[int, int], differentials: Set[int] = frozenset()) -> None:
    """Reject, first one first, unknown commands and prose outside the labels of under- and overbraces."""
    labels: set[int] = set()
    for i, token in enumerate(tokens):
        if token.text in BRACES and (group := after_space(tokens, i + 1)) in partner:
            under = after_space(tokens, partner[group] + 1)
            if under < len(tokens) and tokens[under].text == BRACES[token.text]:
                label = after_space(tokens, under + 1)
                labels.update(range(label, partner.get(label, label) + 1))
    run = 0
    for i, token in enumerate(tokens):
        text = token.text
        run = run + 1 if text in _PREFIXES else run if text == " " else 0
        if run > MAX_CHAIN:
            raise ParseError(f"more than {MAX_CHAIN} signs or logarithms in a row at offset {token.pos}")
        if subscript_word(tokens, i) is not None:  # \hat{t}_{\text{ML}}: part of a name
            continue
        if named_call(tokens, partner, i, after_space):  # \operatorname{softmax}(z): a function applied
            continue
        if i in labels or not text.startswith("\\") or text in _COMMANDS or text in _KL_WORDS or i in differentials \
                or text in EXPECTATIONS or decorated_name(text) is not None or text in DIFFERENTIAL_ENTROPY_HEADS \
                or text in VARIANCES or text in MASS_HEADS:
            continue
        if text == r"\mathrm{d}":
            raise ParseError(f"unknown command '{text}' at offset {token.pos}: a differential is only understood "
                             r"closing an integral, \int_{a}^{b} f \, dx")
        if text.startswith(tuple(PROSE)):
            raise ParseError(f"text {short(text)} at offset {token.pos} is prose, not part of an expression")
        raise ParseError(f"unknown command {short(text) if '{' in text else text} at offset {token.pos}")


def check_numbers(source: str, tokens: list[Token]) -> None:
    r"""Refuse digits that read as no one number: ``2 3`` (also ``2\,3``, ``2~3``), ``1{,}000``, ``1,000``.

    The parser would read ``2 3`` as the mixed number 5 and ``1,000`` as 1000,
    where a reader may see 23, 6, or a decimal comma; ``2 \cdot 3``, ``23`` are
    not touched.  A one-digit exponent or subscript (``x^2 3``) and the
    arguments of ``\frac 1 2`` are not a number's digits.
    """
    def digit(k: int) -> bool:
        return 0 <= k < len(tokens) and tokens[k].text.isdigit() and tokens[k].text.isascii()

    for k in range(len(tokens) - 1):
        if not digit(k):
            continue
        start = k
        while start > 0 and (digit(start - 1) or tokens[start - 1].text == "."):
            start -= 1
        previous = start - 1
        while previous >= 0 and tokens[previous].text == " ":
            previous -= 1
        before = tokens[previous].text if previous >= 0 else ""
        script = before in ("^", "_") and start == k and previous == start - 1
        after = after_space(tokens, k + 1)
        spaced = after > k + 1 and digit(after) and not script and before not in _DIGIT_ARGUMENTS
        braced = [t.text for t in tokens[k + 1:k + 4]] == ["{", ",", "}"] and digit(k + 4)
        grouped = tokens[k + 1].text == "," and all(digit(m) for m in range(k + 2, k + 5)) and not digit(k + 5) \
            and not script
        inside = after_space(tokens, k + 2)
        glued = tokens[k + 1].text == "{" and digit(inside) and not script and before not in _DIGIT_ARGUMENTS
        if glued:  # 2{3}: TeX shows 23, a reader may add (5) or multiply (6)
            text = " ".join(source[tokens[start].pos:tokens[inside].pos + len(tokens[inside].text)].split())
            raise ParseError(f"ambiguous number '{text}' at offset {tokens[start].pos}: a brace after a number "
                             "shows the digits together; write one number, or a product with \\cdot")
        if spaced or braced or grouped:
            last = after if spaced else k + 4
            while digit(last + 1):
                last += 1
            end = tokens[last].pos + len(tokens[last].text)
            text = " ".join(source[tokens[start].pos:end].split())
            raise ParseError(f"ambiguous number '{text}' at offset {tokens[start].pos}: "
                             + ("one number is written without a space, a product with \\cdot" if spaced else
                                "a thousands separator or a decimal comma? write the digits together, or a "
                                "decimal point"))


def check_scripts(source: str, tokens: list[Token]) -> None:
    r"""Refuse what TeX typesets one way and a reader may mean another: ``x^23`` (TeX raises to 2 only, then
    writes 3), ``\exp x^2`` (``exp(x^2)`` in print, ``(exp x)^2`` to a parser), ``3!!`` (a double factorial,
    or ``(3!)!``)."""
    for k, token in enumerate(tokens):
        text = token.text
        if text == "^" and k + 2 < len(tokens) and tokens[k + 1].text.isdigit() and tokens[k + 2].text.isdigit():
            raise ParseError(f"ambiguous power at offset {token.pos}: TeX raises to {tokens[k + 1].text} only; "
                             f"write ^{{{tokens[k + 1].text}{tokens[k + 2].text}}} for the whole number")
        if text == r"\exp":
            a = after_space(tokens, k + 1)
            if a + 1 < len(tokens) and tokens[a].text not in ("(", "{", r"\left", "[") and tokens[a + 1].text == "^":
                raise ParseError(rf"ambiguous \exp at offset {token.pos}: the exponential of a power, or a power of "
                                 r"the exponential? write \exp(x^2) or (\exp x)^2")
        if text == "!" and k + 1 < len(tokens) and tokens[k + 1].text == "!":
            raise ParseError(f"ambiguous '!!' at offset {token.pos}: a double factorial, or the factorial of a "
                             "factorial? derive reads neither; write it out")
