"""LaTeX to tokens: commands resolved, layout dropped, brackets paired, relations and primes rewritten."""

from __future__ import annotations

import re
import unicodedata
import string

from derive.parse.adapter import ParseError
from derive.parse.checks import (check_numbers, check_scripts, check_words, derivative_ds, differentials_first,
                                 match_integrals)
from derive.parse.lexicon import CLOSERS, DECORATIONS, GREEK, MAX_DEPTH, OPAQUE, OPENERS, PRIMED, RELATIONS
from derive.parse.tokens import Token, after_space, after_space_back, brace_end, key_of, short, skip_spaces, unbalanced


_ALIASES = {r"\dfrac": r"\frac", r"\tfrac": r"\frac", r"\dbinom": r"\binom", r"\tbinom": r"\binom",
            r"\lbrace": r"\{", r"\rbrace": r"\}",
            r"\lbrack": "[", r"\rbrack": "]", r"\lvert": "|", r"\rvert": "|", r"\vert": "|",
            r"\mid": "|"}


_SIZING = {r"\left", r"\right", r"\middle", r"\big", r"\Big", r"\bigg", r"\Bigg", r"\bigl", r"\bigr", r"\Bigl",
           r"\Bigr", r"\biggl", r"\biggr", r"\Biggl", r"\Biggr"}


_SPACING = {r"\,", r"\;", r"\:", r"\!", "\\ ", r"\quad", r"\qquad", r"\displaystyle", r"\limits", r"\nolimits",
            r"\space", r"\enspace", r"\thinspace", r"\medspace", r"\thickspace", r"\negthinspace", r"\negmedspace",
            r"\negthickspace"}


#: Layout that changes how a formula looks, never what it says: dropped (``\boxed{x}`` keeps its group, as does a
#: term struck through to show that it cancels, ``\cancel{x} - \cancel{x}``).
_GROUPED = frozenset({r"\boxed", r"\cancel", r"\bcancel", r"\xcancel"})
_LAYOUT = {r"\Large", r"\large", r"\LARGE", r"\small", r"\normalsize", r"\huge", r"\Huge", r"\nonumber",
           r"\notag", r"\textstyle", r"\scriptstyle", *_GROUPED}


#: Layout with an argument that is no mathematics: dropped with it (``\color{red}``; ``\tag{3}``).
_LAYOUT_WITH_ARGUMENT = {r"\tag", r"\label", r"\require", r"\color", r"\textcolor", r"\hspace", r"\vspace",
                         r"\phantom", r"\hphantom", r"\vphantom", r"\cancelto"}
#: Of those, the ones whose second argument is the mathematics, read as a group: ``\textcolor{red}{a + b}``,
#: ``\cancelto{0}{E[\varepsilon]}`` (the term struck through, as written: what it cancels to is a remark).
_SECOND_ARGUMENT = frozenset({r"\textcolor", r"\cancelto"})


#: A curly brace a ``\left`` or ``\right`` sizes.
_CURLY = re.compile(r"\\\{|\\\}|\\lbrace(?![A-Za-z])|\\rbrace(?![A-Za-z])")


#: A bracket next, perhaps after a power: ``(x)``, ``^2(x)``, ``^{2} (x)``.
_BRACKET_NEXT = r"\s*(?:\^\s*(?:\{[^{}]*\}|\w))?\s*\("


#: Function names written as words: ``\text{log}``, ``\operatorname{ln}``, ``\mathrm{exp}``, ``\mathrm{tanh}``.
_WORD_FUNCTIONS = {"log": r"\log", "ln": r"\ln", "exp": r"\exp", "sigmoid": r"\sigma", "tanh": r"\tanh",
                   "sinh": r"\sinh", "cosh": r"\cosh", "sin": r"\sin", "cos": r"\cos", "tan": r"\tan",
                   "max": r"\max", "min": r"\min"}


#: Letters and words set upright that mean what they do in math: Euler's ``\mathrm{e}``, mutual information's
#: ``\mathrm{I}(X; Y)``, ``\text{E}[X]``, ``\text{Var}(X)``, ``\text{KL}(p \| q)`` (``\mathrm{H}`` and ``\mathrm{d}`` have their own readings).
_UPRIGHT = {"e": "e", "I": "I", "E": r"\mathrm{E}", "Var": r"\mathrm{Var}", "var": r"\mathrm{Var}",
            "KL": r"\mathrm{KL}"}


#: The same words typed as plain letters (``ln(x)``): never a product of letters l and n.  Those after the
#: first four only before a bracket (``tanh(x)``, ``max(0, x)``).
_PLAIN_WORD = re.compile(r"(ln|log|exp|sigmoid)(?![A-Za-z])"
                         r"|(tanh|sinh|cosh|sin|cos|tan|max|min)(?=" + _BRACKET_NEXT + ")")


#: Functions typed as plain words before a bracket (``softmax(z)``, ``ReLU(x)``, ``pdf(x)``): one named
#: function, read as ``\operatorname{word}`` is (:meth:`Reader.named_function`), never a product of letters.
_PLAIN_NAMED = re.compile(r"(softmax|softplus|relu|pdf|cdf|pmf|logit|sign|sgn)(?=" + _BRACKET_NEXT + ")", re.I)


_CHARS = frozenset(string.ascii_letters + string.digits + "+-*/=<>()[]{}|^_,.!;")


COMMAND = re.compile(r"\\(?:[A-Za-z]+|.)", re.S)


def tokenize(source: str) -> tuple[list[Token], dict[int, int], dict[int, tuple[int, int]], frozenset[int]]:
    """The source as tokens, spacing and sizing commands dropped; ``partner`` maps each opening bracket to its closer.

    ``integrals`` maps each ``\\int`` to its differential: the tokens of the
    ``d`` and of the variable (:func:`match_integrals`); ``left_dots`` are the
    tokens right after a ``\\left.`` (which opens an evaluation bar).  Checks
    characters, commands, numbers and bracket balance and depth on the way.
    """
    tokens: list[Token] = []
    partner: dict[int, int] = {}
    stack: list[int] = []
    dots: list[int] = []
    parens: set[int] = set()  # offsets of braces read as parentheses (\boxed{...}, {\color{red} ...})
    over_top = False  # a \over outside any group: the whole input is its fraction
    bars: set[int] = set()  # offsets of the \right of each \left. ... \right| read as a group
    single: set[int] = set()  # offsets of a fraction's bottom written as one character (\frac{a}5)
    made: set[int] = set()  # the groups a \over made (a second \over in one is ambiguous)
    curly: list[bool] = []  # each \left\{ still open: read as a bracket (not a set after \in)?

    def push(token: Token) -> None:
        if token.text in OPENERS:
            if len(stack) >= MAX_DEPTH:
                raise ParseError(f"brackets nested deeper than {MAX_DEPTH} at offset {token.pos}")
            stack.append(len(tokens))
        elif token.text in CLOSERS:
            if not stack:
                raise ParseError(f"{unbalanced(token.text)}: {token.text!r} at offset {token.pos} closes nothing")
            k = stack.pop()
            opener = tokens[k]
            if OPENERS[opener.text] != token.text:
                raise ParseError(f"{unbalanced(opener.text)}: {opener.text!r} at offset {opener.pos} "
                                 f"is closed by {token.text!r} at offset {token.pos}")
            partner[k] = len(tokens)
        tokens.append(token)

    def insert(at: int, new: list[Token]) -> None:
        """Put ``new`` (no brackets) before token ``at``, moving the indices that follow."""
        shift = len(new)
        tokens[at:at] = new
        moved = {k + shift * (k >= at): v + shift * (v >= at) for k, v in partner.items()}
        partner.clear()
        partner.update(moved)
        stack[:] = [k + shift * (k >= at) for k in stack]

    source = bare_bars(source)
    i, n = 0, len(source)
    while i < n:
        char = source[i]
        if char in "'’′" or source.startswith("^\\prime", i) or source.startswith("^{\\prime}", i):
            if (opener := _primed_group(tokens, partner)) is not None and source[i] in "'’′":  # (u/v)'
                tokens[opener], tokens[-1] = Token("(", tokens[opener].pos), Token(")", tokens[-1].pos)
                order = len(re.match(r"['’′]+", source[i:]).group())
                insert(opener, [Token(rf"\operatorname{{{PRIMED * order}}}", i)])
                i += order
                continue
            i = _primed(source, i, tokens, push)
            continue
        if char == "\\":
            match = COMMAND.match(source, i)
            if match is None:
                raise ParseError(f"lone backslash at offset {i}")
            cmd, end = match.group(), match.end()
            if cmd in (r"\over", r"\choose"):  # {a \over b}: \frac{a}{b}, the group's parts ({n \choose k}: \binom)
                if stack and id(tokens[stack[-1]]) in made:
                    raise ParseError(f"{cmd} at offset {i}: two in one group (ambiguous)")
                name = r"\frac" if cmd == r"\over" else r"\binom"
                if stack and tokens[stack[-1]].text == "(" and source[tokens[stack[-1]].pos] == "{":
                    opening = tokens[stack[-1]].pos  # a brace read as a bracket: {a \over b} is a fraction's
                    tokens[stack[-1]] = Token("{", opening)
                    parens.discard(brace_end(source, opening) - 1)
                if stack and tokens[stack[-1]].text == "{":
                    insert(stack[-1], [Token(name, i)])
                else:
                    if stack:
                        raise ParseError(f"{cmd} at offset {i} must be inside {{...}}, as in {{a {cmd} b}}")
                    insert(0, [Token(name, i), Token("{", 0)])
                    stack.append(1)  # the new group opens at the start and closes at the end
                    made.add(id(tokens[1]))
                    over_top = True
                push(Token("}", i))
                push(opening := Token("{", i))
                made.add(id(opening))
                i = end
                continue
            if cmd in _SIZING:
                k = skip_spaces(source, end)
                brace = _CURLY.match(source, k) if cmd in (r"\left", r"\right") else None
                if brace is not None and (cmd == r"\left" or curly):  # \left\{ a + b \right\}: a bracket
                    before = next((t.text for t in reversed(tokens) if t.text != " "), "")
                    bracket = curly.pop() if cmd == r"\right" else before != r"\in"  # \in \left\{H, T\right\}: a set
                    if cmd == r"\left":
                        curly.append(bracket)
                    if bracket:
                        push(Token("(" if cmd == r"\left" else ")", i))
                        i = brace.end()
                        continue
                if cmd == r"\right" and i in bars:  # \left. ... \right|_{x=a}: the group the bar evaluates
                    push(Token(")", i))
                elif k < n and source[k] == "." and cmd == r"\left":
                    closing = _right_bar(source, k + 1)
                    if closing is not None:
                        bars.add(closing)
                        push(Token("(", i))
                    else:
                        dots.append(len(tokens))
                i = k + 1 if k < n and source[k] == "." else end
                continue
            if cmd in _SPACING:
                tokens.append(Token(" ", i))
                i = end
                continue
            if cmd in _LAYOUT:
                k = skip_spaces(source, end)
                if cmd in _GROUPED and k < n and source[k] == "{":  # \boxed{a + b}: its group is (a + b)
                    parens.update((k, brace_end(source, k) - 1))
                i = end
                continue
            if cmd in _LAYOUT_WITH_ARGUMENT:
                k = skip_spaces(source, end)
                k = skip_spaces(source, k + 1) if k < n and source[k] == "*" else k  # \tag*{3}
                if k >= n or source[k] != "{":
                    raise ParseError(f"{cmd} at offset {i} must be followed by {{...}}")
                i = brace_end(source, k)
                if cmd in _SECOND_ARGUMENT and (k := skip_spaces(source, i)) < n and source[k] == "{":
                    parens.update((k, brace_end(source, k) - 1))  # \textcolor{red}{a + b}: (a + b)
                elif cmd == r"\color" and stack and tokens[stack[-1]].text == "{":  # {\color{red} a + b}: (a + b)
                    opening = tokens[stack[-1]].pos
                    tokens[stack[-1]] = Token("(", opening)
                    parens.add(brace_end(source, opening) - 1)
                continue
            if cmd in (r"\overset", r"\stackrel", r"\underset"):  # \overset{\text{set}}{=}: the relation
                i = _labelled_relation(source, cmd, i, end, push)
                continue
            if cmd in DECORATIONS and cmd != r"\prime":
                token, i = _decorated(source, cmd, i, end)
                tokens.append(token)
                continue
            if cmd in (r"\frac", r"\dfrac", r"\tfrac") and _short_fraction(source, end):  # \frac12, \frac1{n}
                tokens.append(Token(r"\frac", i))
                k = skip_spaces(source, end)
                partner[len(tokens)] = len(tokens) + 2
                tokens.extend((Token("{", k), Token(source[k], k), Token("}", k)))
                i = skip_spaces(source, k + 1)
                if source[i] != "{":
                    single.add(i)  # \frac 1 2: the bottom is one character too
                continue
            if cmd in (r"\frac", r"\dfrac", r"\tfrac") and (k := skip_spaces(source, end)) < n and source[k] == "{":
                after = skip_spaces(source, brace_end(source, k))
                if after < n and source[after].isalnum() and source[after].isascii():
                    single.add(after)  # \frac{\bar x}5: the 5 is the bottom, as if braced
            if cmd == r"\sqrt" and (k := skip_spaces(source, end)) < n and source[k].isascii() and \
                    source[k].isalnum():
                single.add(k)  # \sqrt 2: the one character after it, as if braced
            if cmd in OPAQUE:
                k = skip_spaces(source, end)
                if k < n and source[k].isascii() and source[k].isalnum():  # \mathrm b: one character, as if braced
                    end, text = k + 1, f"{cmd}{{{source[k]}}}"
                elif k >= n or source[k] != "{":
                    raise ParseError(f"{cmd} at offset {i} must be followed by {{...}}")
                else:
                    end = brace_end(source, k)
                    text = cmd + source[k:end]
                word = _WORD_FUNCTIONS.get(text[len(cmd) + 1:-1].strip()) if cmd != r"\mathbb" else None
                word = word or (_UPRIGHT.get(text[len(cmd) + 1:-1].strip()) if cmd != r"\mathbb" else None)
                upright_d = key_of(text) in (r"\mathrm{d}", r"\text{d}", r"\operatorname{d}", r"\textrm{d}")
                tokens.append(Token(word or (r"\mathrm{d}" if upright_d else text), i))
                i = end
                continue
            token = Token(_ALIASES.get(cmd, cmd), i)  # unknown commands are reported by check_words
        elif char.isspace() or char == "~":
            token, end = Token(" ", i), i + 1
        elif char == "V" and source.startswith("Var", i) and re.match(r"Var\s*[(\[]", source[i:]) and \
                (i == 0 or not (source[i - 1].isalpha() or source[i - 1] == "\\")):  # Var(X) typed without \
            token, end = Token(r"\mathrm{Var}", i), i + 3
        elif char.isalpha() and (word := _PLAIN_WORD.match(source, i) or _PLAIN_NAMED.match(source, i)) and \
                (i == 0 or not (source[i - 1].isalpha() or source[i - 1] == "\\")):  # ln(x) typed without \
            known = _WORD_FUNCTIONS.get(word.group(word.lastindex))
            token, end = Token(known or rf"\operatorname{{{word.group(1)}}}", i), word.end(word.lastindex)
        elif i in single:
            for text in ("{", char, "}"):
                push(Token(text, i))
            i += 1
            continue
        elif char in _CHARS:
            if char == "{" and after_space_back(tokens, len(tokens)) in _BRACES_GROUP_AFTER:  # \log{x}, ({-x})
                parens.update((i, brace_end(source, i) - 1))
            token, end = Token({"{": "(", "}": ")"}.get(char, char) if i in parens else char, i), i + 1
        elif char in _UNICODE:  # typed as a character: − for -, · for \cdot
            token, end = Token(_UNICODE[char], i), i + 1
        elif char in _SUPERSCRIPTS:  # σ²: a power typed as a character
            for text in ("^", "{", _SUPERSCRIPTS[char], "}"):
                push(Token(text, i))
            i += 1
            continue
        else:
            raise ParseError(f"unexpected character {char!r} at offset {i}")
        push(token)
        i = end
    if over_top:
        push(Token("}", n))
    if stack:
        opener = tokens[stack[-1]]
        raise ParseError(f"{unbalanced(opener.text)}: {opener.text!r} at offset {opener.pos} is never closed")
    for _ in range(MAX_DEPTH):  # \int dz f(z): the differential after the integrand
        if not differentials_first(tokens, partner):
            break
    integrals = match_integrals(tokens, partner)
    check_words(tokens, partner, {d for d, _ in integrals.values()} | derivative_ds(tokens, partner))
    check_numbers(source, tokens)
    check_scripts(source, tokens)
    return tokens, partner, integrals, frozenset(after_space(tokens, k) for k in dots)


def _labelled_relation(source: str, cmd: str, start: int, end: int, push) -> int:
    r"""``\overset{label}{=}`` (``\stackrel``, ``\underset``): the relation's token pushed, the label dropped; the
    offset after it.  Anything but a relation under the label is an error."""
    k = skip_spaces(source, end)
    if k >= len(source) or source[k] != "{":
        raise ParseError(f"{cmd} at offset {start} must be followed by {{label}}{{relation}}")
    k = skip_spaces(source, brace_end(source, k))
    if k >= len(source) or source[k] != "{":
        raise ParseError(f"{cmd} at offset {start} must be followed by {{label}}{{relation}}")
    after = brace_end(source, k)
    inner = source[k + 1:after - 1].strip()
    if inner not in ("=", "<", ">") and inner not in RELATIONS:
        raise ParseError(f"{cmd} at offset {start} is read over a relation (=, \\le, ...), not {short(inner)!r}")
    push(Token(inner, k + 1))
    return after


#: Tokens after which a brace only groups, as a bracket does (``\log{s^2}``, ``({-x})``, ``= {a + b}``).
_BRACES_GROUP_AFTER = frozenset({r"\log", r"\ln", r"\exp", "(", "[", "+", "-", "=", ",", r"\cdot", r"\times", ""})


#: Characters typed for commands: the minus sign and dashes, dots and crosses for products.
_UNICODE = {"−": "-", "–": "-", "—": "-", "·": r"\cdot", "⋅": r"\cdot", "×": r"\times", "∞": r"\infty",
            "µ": r"\mu", "∑": r"\sum", "∏": r"\prod", "∫": r"\int", "∂": r"\partial", "∇": r"\nabla", "√": r"\sqrt", "ℓ": r"\ell",
            "≤": r"\le", "≥": r"\ge", "≠": r"\ne", "∈": r"\in", "±": r"\pm", "∓": r"\mp", "…": r"\ldots",
            "ϵ": r"\epsilon", "ε": r"\varepsilon", "ϑ": r"\vartheta", "ϕ": r"\phi", "φ": r"\varphi", "ϱ": r"\varrho",
            **{chr(c): "\\" + unicodedata.name(chr(c)).split()[-1].lower().replace("lamda", "lambda")
               for c in range(0x3B1, 0x3CA) if chr(c) not in "οεφς"},
            **{g: "\\" + name for g, name in zip("ΓΔΘΛΞΠΣΥΦΨΩ", ("Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma",
                                                              "Upsilon", "Phi", "Psi", "Omega"))}}

#: Superscript digits typed as characters: powers.
_SUPERSCRIPTS = {"²": "2", "³": "3", "⁴": "4"}


_LEFT_RIGHT = re.compile(r"\\(left|right)(?![A-Za-z])")
#: An evaluation bar written without ``\left.``: ``F \Big|_{a}^{b}``, ``F |_{x=a}``.
_BARE_BAR = re.compile(r"(?<!\\right)(?<!\\right )(?:\\(?:big|Big|bigg|Bigg)r?\s*)?\|(?=\s*_\s*(?:\{[^{}]*=|[^{}]\s*\^|\{[^{}]*\}\s*\^))")
_TERM_BREAKS = frozenset("+-=,&")
_DERIVATIVE_TOP = re.compile(r"\\frac\s*\{\s*(?:d|\\mathrm\s*\{\s*d|\\text\s*\{\s*d|\\partial)")


def bare_bars(source: str) -> str:
    r"""``F \Big|_{a}^{b}`` (``F|_{x=a}``) written as ``\left. F \right|_{a}^{b}``: the bar evaluates the term
    before it, back to a sign, a relation or the bracket that holds it. A bar that closes an absolute value
    (an odd number of bars before it in the term) is left alone."""
    for match in reversed(list(_BARE_BAR.finditer(source))):
        start = _term_start(source, match.start())
        term = source[start:match.start()] if start is not None else ""
        if start is None or term.count("|") % 2 or _DERIVATIVE_TOP.search(term):
            continue  # an absolute value's closing bar; a derivative's bar, which the derivative reads
        source = source[:start] + r"\left. " + source[start:match.start()] + r"\right|" + source[match.end():]
    return source


def _term_start(source: str, end: int) -> int | None:
    """Where the term that ends at ``end`` starts (after a sign, a relation, a comma or an open bracket)."""
    depth, k = 0, end
    while k > 0:
        char = source[k - 1]
        if char in ")]}":
            depth += 1
        elif char in "([{":
            if depth == 0:
                return k
            depth -= 1
        elif depth == 0 and char in _TERM_BREAKS and not source[:k - 1].endswith("\\"):
            return k
        k -= 1
    return 0 if source[:end].strip() else None


def _right_bar(source: str, start: int) -> int | None:
    """The offset of the ``\\right`` that closes a ``\\left.`` ending at ``start``, when it is an evaluation bar
    (``\\right|_{...}``, ``\\right\\vert_``); else ``None``."""
    depth = 0
    for match in _LEFT_RIGHT.finditer(source, start):
        depth += 1 if match.group(1) == "left" else -1
        if depth < 0:
            rest = source[match.end():].lstrip()
            bar = rest[1:] if rest.startswith("|") else rest[5:] if rest.startswith(r"\vert") else None
            return match.start() if bar is not None and bar.lstrip().startswith("_") else None
    return None


_PRIME = re.compile(r"['’′]|\^\\prime(?![A-Za-z])|\^\{\s*\\prime\s*\}")


_PRIMED_ARGUMENT = re.compile(r"\(\s*(\\[A-Za-z]+|[A-Za-z])\s*\)")


#: What may stand before a bracket that a prime differentiates: nothing, an operator, a relation, an opener.
_BEFORE_PRIMED = frozenset({"", "+", "-", "=", ",", "(", "[", "{", r"\cdot", r"\times", "*", "/"}) | RELATIONS


def _primed_group(tokens: list[Token], partner: dict[int, int]) -> int | None:
    """The opener of the bracketed group just read, when a prime after it is the group's derivative
    (``(u/v)'``, ``{(1+e^{-x})^{-1}}'``): not an argument (``f(x)'``), a script or a command's group."""
    if not tokens or tokens[-1].text not in (")", "}"):
        return None
    opener = next(k for k, v in partner.items() if v == len(tokens) - 1)
    before = after_space_back(tokens, opener)
    return opener if before in _BEFORE_PRIMED or before.replace(".", "").isdigit() else None  # 2(x^3)'


def _primed(source: str, start: int, tokens: list[Token], push) -> int:
    r"""Primes on the letter just read: ``f'(x)`` (``f''(x)``, ``f^{\prime}(x)``) is ``\frac{d}{dx} f(x)``,
    tokens pushed in its place; a bare ``x'`` is a symbol of its own (``xprime``).  The offset after the primes."""
    count, i = 0, start
    while (match := _PRIME.match(source, i)) is not None:
        count, i = count + 1, match.end()
    name = tokens[-1] if tokens else None
    if name is None or not (len(name.text) == 1 and name.text.isalpha() and name.text.isascii()
                            or name.text in GREEK or name.text == r"\ell"):
        raise ParseError(f"a prime at offset {start} must follow a letter, as in f'(x) or x'")
    k = skip_spaces(source, i)
    if k < len(source) and source[k] == "(":
        argument = _PRIMED_ARGUMENT.match(source, k)
        variable = argument.group(1) if argument else ""
        if not (len(variable) == 1 or variable in GREEK):
            raise ParseError(f"{name.text}' at offset {name.pos} is read on one variable, as in f'(x); "
                             f"write \\frac{{d}}{{dx}} {name.text}(...) for more")
        tokens.pop()
        order = [Token("^", start), Token("{", start), Token(str(count), start), Token("}", start)]
        order = order if count > 1 else []
        for token in [Token(r"\frac", start), Token("{", start), Token("d", start), *order, Token("}", start),
                      Token("{", start), Token("d", start), Token(variable, start), *order, Token("}", start),
                      name]:
            push(token)
        return k
    if count > 1:
        raise ParseError(f"{count} primes on {name.text} at offset {start} without an argument: write it as "
                         f"a derivative, {name.text}''(x)")
    tokens[-1] = Token(f"\\prime{{{name.text}}}", name.pos)
    return i


def _decorated(source: str, cmd: str, start: int, end: int) -> tuple[Token, int]:
    """``\\hat\\sigma``, ``\\bar{x}``, ``\\boldsymbol{\\theta}``: one token ``\\hat{\\sigma}`` (a symbol of its own,
    named ``sigmahat``: :func:`decorated_name`), and the offset after it."""
    k = skip_spaces(source, end)
    inner, after = "", k
    if k < len(source) and source[k] == "{":
        after = brace_end(source, k)
        inner = source[k + 1:after - 1].strip()
    elif k < len(source) and source[k] == "\\":
        match = COMMAND.match(source, k)
        inner, after = match.group(), match.end()
    elif k < len(source) and (source[k].isalpha() or source[k] in _UNICODE):
        inner, after = source[k], k + 1
    if len(inner) == 1 and _UNICODE.get(inner, "").startswith("\\"):  # \hat θ: the greek letter typed
        inner = _UNICODE[inner]
    if not (len(inner) == 1 and inner.isalpha() and inner.isascii() or inner in GREEK or inner == r"\ell"):
        raise ParseError(f"{cmd} at offset {start} decorates one letter or greek letter, not {inner or 'nothing'!r}")
    return Token(f"{cmd}{{{inner}}}", start), after


def _short_fraction(source: str, end: int) -> bool:
    """``\\frac12``, ``\\frac 1 2``, ``\\frac1{n}``: one digit (or letter) as the fraction's top, without braces,
    and one character or a braced group as its bottom."""
    k = skip_spaces(source, end)
    j = skip_spaces(source, k + 1)
    return j < len(source) and _one_character(source[k]) and (_one_character(source[j]) or source[j] == "{")


def _one_character(char: str) -> bool:
    return char.isalnum() and char.isascii()


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


def name_tokens(latex: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenize(latex)[0] if t.text != " ")
