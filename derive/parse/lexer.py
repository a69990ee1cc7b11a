"""LaTeX to tokens: commands resolved, layout dropped, brackets paired, relations and primes rewritten.

:func:`tokenize` runs a :class:`Scanner` over the source: at each offset the kind of what starts there (a prime,
a command, a character) picks the method that reads it, and each command's kind (:mod:`derive.parse.token_kinds`)
the method that reads the command.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from derive.parse.adapter import ParseError
from derive.parse.bars import bare_bars, right_bar
from derive.parse.checks import (check_numbers, check_scripts, check_words, derivative_ds, differentials_first,
                                 match_integrals)
from derive.parse.lexicon import CLOSERS, DECORATIONS, GREEK, MAX_DEPTH, OPAQUE, OPENERS, PRIMED, RELATIONS
from derive.parse.primes import primed, primed_group
from derive.parse.token_kinds import (ALIASES, BRACES_GROUP_AFTER, CHARS, CURLY, GROUPED, LAYOUT, LAYOUT_WITH_ARGUMENT,
                                      PLAIN_NAMED, PLAIN_WORD, SECOND_ARGUMENT, SIZING, SPACING, SUPERSCRIPTS, UNICODE,
                                      UPRIGHT, WORD_FUNCTIONS)
from derive.parse.tokens import Token, after_space, after_space_back, brace_end, key_of, short, skip_spaces, unbalanced

COMMAND = re.compile(r"\\(?:[A-Za-z]+|.)", re.S)

#: What the tokenizer returns: the tokens, ``partner``, ``integrals`` and ``left_dots`` (:func:`tokenize`).
Tokenized = tuple[list[Token], dict[int, int], dict[int, tuple[int, int]], frozenset[int]]

_PRIME_CHARACTERS = "'’′"
_PRIME_COMMANDS = ("^\\prime", "^{\\prime}")
_FRACTIONS = (r"\frac", r"\dfrac", r"\tfrac")
_UPRIGHT_D = (r"\mathrm{d}", r"\text{d}", r"\operatorname{d}", r"\textrm{d}")


def tokenize(source: str) -> Tokenized:
    """The source as tokens, spacing and sizing commands dropped; ``partner`` maps each opening bracket to its closer.

    ``integrals`` maps each ``\\int`` to its differential: the tokens of the
    ``d`` and of the variable (:func:`match_integrals`); ``left_dots`` are the
    tokens right after a ``\\left.`` (which opens an evaluation bar).  Checks
    characters, commands, numbers and bracket balance and depth on the way.
    """
    scanner = Scanner(bare_bars(source))
    scanner.scan()
    return scanner.finish()


def name_tokens(latex: str) -> tuple[str, ...]:
    """The texts of the tokens of ``latex`` (a name as printed), spaces left out."""
    return tuple(t.text for t in tokenize(latex)[0] if t.text != " ")


class Scanner:
    """One source being tokenized: the tokens so far, the brackets still open, and what earlier tokens marked for
    later characters (braces read as parentheses, one-character arguments, evaluation bars)."""

    def __init__(self, source: str) -> None:
        self.source, self.n = source, len(source)
        self.tokens: list[Token] = []
        self.partner: dict[int, int] = {}
        self.stack: list[int] = []
        self.dots: list[int] = []  # the tokens right after a \left. that no \right| closes as a group
        self.parens: set[int] = set()  # offsets of braces read as parentheses (\boxed{...}, {\color{red} ...})
        self.over_top = False  # a \over outside any group: the whole input is its fraction
        self.bars: set[int] = set()  # offsets of the \right of each \left. ... \right| read as a group
        self.single: set[int] = set()  # offsets of a fraction's bottom written as one character (\frac{a}5)
        self.made: set[int] = set()  # the groups a \over made (a second \over in one is ambiguous)
        self.curly: list[bool] = []  # each \left\{ still open: read as a bracket (not a set after \in)?

    # -- the tokens and their brackets --------------------------------------------------------------------------
    def push(self, token: Token) -> None:
        """Append ``token``, pairing a closing bracket with its opener (errors for unbalanced or too deep ones)."""
        tokens, stack = self.tokens, self.stack
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
            self.partner[k] = len(tokens)
        tokens.append(token)

    def insert(self, at: int, new: list[Token]) -> None:
        """Put ``new`` (no brackets) before token ``at``, moving the indices that follow."""
        shift = len(new)
        self.tokens[at:at] = new
        moved = {k + shift * (k >= at): v + shift * (v >= at) for k, v in self.partner.items()}
        self.partner.clear()
        self.partner.update(moved)
        self.stack[:] = [k + shift * (k >= at) for k in self.stack]

    def open_brace(self) -> bool:
        """The innermost open bracket is a brace ``{``."""
        return bool(self.stack) and self.tokens[self.stack[-1]].text == "{"

    # -- the source, offset by offset ---------------------------------------------------------------------------
    def scan(self) -> None:
        """Read the whole source: each offset by the kind of what starts there."""
        source, n, i = self.source, self.n, 0
        while i < n:
            char = source[i]
            if char in _PRIME_CHARACTERS or char == "^" and source.startswith(_PRIME_COMMANDS, i):
                i = self.prime(i)
            elif char == "\\":
                i = self.command(i)
            else:
                i = self.character(i, char)

    def prime(self, i: int) -> int:
        """Primes at offset ``i``: on a bracketed group, its derivative ``(u/v)'``; else on the letter before
        (:func:`primed`).  The offset after them."""
        source, tokens = self.source, self.tokens
        if (opener := primed_group(tokens, self.partner)) is not None and source[i] in _PRIME_CHARACTERS:  # (u/v)'
            tokens[opener], tokens[-1] = Token("(", tokens[opener].pos), Token(")", tokens[-1].pos)
            order = len(re.match(r"['’′]+", source[i:]).group())
            self.insert(opener, [Token(rf"\operatorname{{{PRIMED * order}}}", i)])
            return i + order
        return primed(source, i, tokens, self.push)

    def character(self, i: int, char: str) -> int:
        """The character at offset ``i`` (not a backslash or a prime) read as its token; the offset after it."""
        source = self.source
        if char.isspace() or char == "~":
            token, end = Token(" ", i), i + 1
        elif char == "V" and source.startswith("Var", i) and re.match(r"Var\s*[(\[]", source[i:]) and \
                (i == 0 or not (source[i - 1].isalpha() or source[i - 1] == "\\")):  # Var(X) typed without \
            token, end = Token(r"\mathrm{Var}", i), i + 3
        elif char.isalpha() and (word := PLAIN_WORD.match(source, i) or PLAIN_NAMED.match(source, i)) and \
                (i == 0 or not (source[i - 1].isalpha() or source[i - 1] == "\\")):  # ln(x) typed without \
            known = WORD_FUNCTIONS.get(word.group(word.lastindex))
            token, end = Token(known or rf"\operatorname{{{word.group(1)}}}", i), word.end(word.lastindex)
        elif i in self.single:
            for text in ("{", char, "}"):
                self.push(Token(text, i))
            return i + 1
        elif char in CHARS:
            if char == "{" and after_space_back(self.tokens, len(self.tokens)) in BRACES_GROUP_AFTER:  # \log{x}, ({-x})
                self.parens.update((i, brace_end(source, i) - 1))
            token, end = Token({"{": "(", "}": ")"}.get(char, char) if i in self.parens else char, i), i + 1
        elif char in UNICODE:  # typed as a character: − for -, · for \cdot
            token, end = Token(UNICODE[char], i), i + 1
        elif char in SUPERSCRIPTS:  # σ²: a power typed as a character
            for text in ("^", "{", SUPERSCRIPTS[char], "}"):
                self.push(Token(text, i))
            return i + 1
        else:
            raise ParseError(f"unexpected character {char!r} at offset {i}")
        self.push(token)
        return end

    def command(self, i: int) -> int:
        """The command at offset ``i``, read by the method of its kind (:data:`_COMMAND_KINDS`); the offset after
        what it read."""
        match = COMMAND.match(self.source, i)
        if match is None:
            raise ParseError(f"lone backslash at offset {i}")
        cmd, end = match.group(), match.end()
        kind = _COMMAND_KINDS.get(cmd)
        return self.plain(i, cmd, end) if kind is None else kind(self, i, cmd, end)

    # -- one method per kind of command -------------------------------------------------------------------------
    def plain(self, i: int, cmd: str, end: int) -> int:
        """A command read as itself (or its alias: ``\\dfrac`` is ``\\frac``); unknown ones are reported by
        :func:`check_words`."""
        self.push(Token(ALIASES.get(cmd, cmd), i))
        return end

    def over(self, i: int, cmd: str, end: int) -> int:
        """``{a \\over b}``: ``\\frac{a}{b}``, the group's parts (``{n \\choose k}``: ``\\binom``)."""
        tokens, stack, source = self.tokens, self.stack, self.source
        if stack and id(tokens[stack[-1]]) in self.made:
            raise ParseError(f"{cmd} at offset {i}: two in one group (ambiguous)")
        name = r"\frac" if cmd == r"\over" else r"\binom"
        if stack and tokens[stack[-1]].text == "(" and source[tokens[stack[-1]].pos] == "{":
            opening = tokens[stack[-1]].pos  # a brace read as a bracket: {a \over b} is a fraction's
            tokens[stack[-1]] = Token("{", opening)
            self.parens.discard(brace_end(source, opening) - 1)
        if self.open_brace():
            self.insert(stack[-1], [Token(name, i)])
        else:
            if stack:
                raise ParseError(f"{cmd} at offset {i} must be inside {{...}}, as in {{a {cmd} b}}")
            self.insert(0, [Token(name, i), Token("{", 0)])
            stack.append(1)  # the new group opens at the start and closes at the end
            self.made.add(id(tokens[1]))
            self.over_top = True
        self.push(Token("}", i))
        self.push(opening := Token("{", i))
        self.made.add(id(opening))
        return end

    def sizing(self, i: int, cmd: str, end: int) -> int:
        """``\\left``, ``\\big``, ...: dropped; a sized curly brace is a bracket (not a set after ``\\in``), and
        ``\\left. ... \\right|_{x=a}`` a group the bar evaluates."""
        source, n = self.source, self.n
        k = skip_spaces(source, end)
        brace = CURLY.match(source, k) if cmd in (r"\left", r"\right") else None
        if brace is not None and (cmd == r"\left" or self.curly):  # \left\{ a + b \right\}: a bracket
            before = next((t.text for t in reversed(self.tokens) if t.text != " "), "")
            bracket = self.curly.pop() if cmd == r"\right" else before != r"\in"  # \in \left\{H, T\right\}: a set
            if cmd == r"\left":
                self.curly.append(bracket)
            if bracket:
                self.push(Token("(" if cmd == r"\left" else ")", i))
                return brace.end()
        if cmd == r"\right" and i in self.bars:  # \left. ... \right|_{x=a}: the group the bar evaluates
            self.push(Token(")", i))
        elif k < n and source[k] == "." and cmd == r"\left":
            closing = right_bar(source, k + 1)
            if closing is not None:
                self.bars.add(closing)
                self.push(Token("(", i))
            else:
                self.dots.append(len(self.tokens))
        return k + 1 if k < n and source[k] == "." else end

    def spacing(self, i: int, cmd: str, end: int) -> int:
        """``\\,``, ``\\quad``, ...: one space token."""
        self.tokens.append(Token(" ", i))
        return end

    def layout(self, i: int, cmd: str, end: int) -> int:
        """``\\large``, ``\\boxed``, ...: dropped; the group of ``\\boxed{a + b}`` is ``(a + b)``."""
        k = skip_spaces(self.source, end)
        if cmd in GROUPED and k < self.n and self.source[k] == "{":  # \boxed{a + b}: its group is (a + b)
            self.parens.update((k, brace_end(self.source, k) - 1))
        return end

    def layout_argument(self, i: int, cmd: str, end: int) -> int:
        """``\\tag{3}``, ``\\color{red}``: dropped with their argument; the mathematics ``\\textcolor{red}{a + b}``
        and ``{\\color{red} a + b}`` colour is a group."""
        source, n = self.source, self.n
        k = skip_spaces(source, end)
        k = skip_spaces(source, k + 1) if k < n and source[k] == "*" else k  # \tag*{3}
        if k >= n or source[k] != "{":
            raise ParseError(f"{cmd} at offset {i} must be followed by {{...}}")
        after = brace_end(source, k)
        if cmd in SECOND_ARGUMENT and (k := skip_spaces(source, after)) < n and source[k] == "{":
            self.parens.update((k, brace_end(source, k) - 1))  # \textcolor{red}{a + b}: (a + b)
        elif cmd == r"\color" and self.open_brace():  # {\color{red} a + b}: (a + b)
            opening = self.tokens[self.stack[-1]].pos
            self.tokens[self.stack[-1]] = Token("(", opening)
            self.parens.add(brace_end(source, opening) - 1)
        return after

    def labelled(self, i: int, cmd: str, end: int) -> int:
        r"""``\overset{label}{=}`` (``\stackrel``, ``\underset``): the relation's token pushed, the label dropped.
        Anything but a relation under the label is an error."""
        source = self.source
        k = skip_spaces(source, end)
        if k >= self.n or source[k] != "{":
            raise ParseError(f"{cmd} at offset {i} must be followed by {{label}}{{relation}}")
        k = skip_spaces(source, brace_end(source, k))
        if k >= self.n or source[k] != "{":
            raise ParseError(f"{cmd} at offset {i} must be followed by {{label}}{{relation}}")
        after = brace_end(source, k)
        inner = source[k + 1:after - 1].strip()
        if inner not in ("=", "<", ">") and inner not in RELATIONS:
            raise ParseError(f"{cmd} at offset {i} is read over a relation (=, \\le, ...), not {short(inner)!r}")
        self.push(Token(inner, k + 1))
        return after

    def decorated(self, i: int, cmd: str, end: int) -> int:
        """``\\hat\\sigma``, ``\\bar{x}``, ``\\boldsymbol{\\theta}``: one token ``\\hat{\\sigma}`` (a symbol of its own,
        named ``sigmahat``: :func:`decorated_name`)."""
        source, n = self.source, self.n
        k = skip_spaces(source, end)
        inner, after = "", k
        if k < n and source[k] == "{":
            after = brace_end(source, k)
            inner = source[k + 1:after - 1].strip()
        elif k < n and source[k] == "\\":
            match = COMMAND.match(source, k)
            inner, after = match.group(), match.end()
        elif k < n and (source[k].isalpha() or source[k] in UNICODE):
            inner, after = source[k], k + 1
        if len(inner) == 1 and UNICODE.get(inner, "").startswith("\\"):  # \hat θ: the greek letter typed
            inner = UNICODE[inner]
        if not (len(inner) == 1 and inner.isalpha() and inner.isascii() or inner in GREEK or inner == r"\ell"):
            raise ParseError(f"{cmd} at offset {i} decorates one letter or greek letter, not {inner or 'nothing'!r}")
        self.tokens.append(Token(f"{cmd}{{{inner}}}", i))
        return after

    def fraction(self, i: int, cmd: str, end: int) -> int:
        """``\\frac``: ``\\frac12`` and ``\\frac 1 2`` with their one-character parts braced; a one-character bottom
        after a braced top (``\\frac{\\bar x}5``) marked to be braced when it is read."""
        source, n = self.source, self.n
        if _short_fraction(source, end):  # \frac12, \frac1{n}
            self.tokens.append(Token(r"\frac", i))
            k = skip_spaces(source, end)
            self.partner[len(self.tokens)] = len(self.tokens) + 2
            self.tokens.extend((Token("{", k), Token(source[k], k), Token("}", k)))
            after = skip_spaces(source, k + 1)
            if source[after] != "{":
                self.single.add(after)  # \frac 1 2: the bottom is one character too
            return after
        if (k := skip_spaces(source, end)) < n and source[k] == "{":
            after = skip_spaces(source, brace_end(source, k))
            if after < n and source[after].isalnum() and source[after].isascii():
                self.single.add(after)  # \frac{\bar x}5: the 5 is the bottom, as if braced
        return self.plain(i, cmd, end)

    def root(self, i: int, cmd: str, end: int) -> int:
        """``\\sqrt``: ``\\sqrt 2`` takes the one character after it, as if braced."""
        if (k := skip_spaces(self.source, end)) < self.n and self.source[k].isascii() and self.source[k].isalnum():
            self.single.add(k)  # \sqrt 2: the one character after it, as if braced
        return self.plain(i, cmd, end)

    def opaque(self, i: int, cmd: str, end: int) -> int:
        """``\\mathrm{d}``, ``\\text{log}``, ``\\mathbb{E}``: one token with its argument (``\\mathrm b`` as if
        braced); a word that names a function, or an upright letter with a meaning, is that token."""
        source = self.source
        k = skip_spaces(source, end)
        if k < self.n and source[k].isascii() and source[k].isalnum():  # \mathrm b: one character, as if braced
            end, text = k + 1, f"{cmd}{{{source[k]}}}"
        elif k >= self.n or source[k] != "{":
            raise ParseError(f"{cmd} at offset {i} must be followed by {{...}}")
        else:
            end = brace_end(source, k)
            text = cmd + source[k:end]
        word = WORD_FUNCTIONS.get(text[len(cmd) + 1:-1].strip()) if cmd != r"\mathbb" else None
        word = word or (UPRIGHT.get(text[len(cmd) + 1:-1].strip()) if cmd != r"\mathbb" else None)
        upright_d = key_of(text) in _UPRIGHT_D
        self.tokens.append(Token(word or (r"\mathrm{d}" if upright_d else text), i))
        return end

    # -- the end of the source ----------------------------------------------------------------------------------
    def finish(self) -> Tokenized:
        """Close what ``\\over`` opened at the top, check balance, place differentials and check the tokens."""
        tokens, partner = self.tokens, self.partner
        if self.over_top:
            self.push(Token("}", self.n))
        if self.stack:
            opener = tokens[self.stack[-1]]
            raise ParseError(f"{unbalanced(opener.text)}: {opener.text!r} at offset {opener.pos} is never closed")
        for _ in range(MAX_DEPTH):  # \int dz f(z): the differential after the integrand
            if not differentials_first(tokens, partner):
                break
        integrals = match_integrals(tokens, partner)
        check_words(tokens, partner, {d for d, _ in integrals.values()} | derivative_ds(tokens, partner))
        check_numbers(self.source, tokens)
        check_scripts(self.source, tokens)
        return tokens, partner, integrals, frozenset(after_space(tokens, k) for k in self.dots)


def _short_fraction(source: str, end: int) -> bool:
    """``\\frac12``, ``\\frac 1 2``, ``\\frac1{n}``: one digit (or letter) as the fraction's top, without braces,
    and one character or a braced group as its bottom."""
    k = skip_spaces(source, end)
    j = skip_spaces(source, k + 1)
    return j < len(source) and _one_character(source[k]) and (_one_character(source[j]) or source[j] == "{")


def _one_character(char: str) -> bool:
    return char.isalnum() and char.isascii()


def _kinds() -> dict[str, Callable[[Scanner, int, str, int], int]]:
    """Each command the scanner reads other than as itself, and the method that reads it."""
    kinds: dict[str, Callable[[Scanner, int, str, int], int]] = {}
    for commands, method in ((OPAQUE, Scanner.opaque), ({r"\sqrt"}, Scanner.root), (_FRACTIONS, Scanner.fraction),
                             (set(DECORATIONS) - {r"\prime"}, Scanner.decorated),
                             ({r"\overset", r"\stackrel", r"\underset"}, Scanner.labelled),
                             (LAYOUT_WITH_ARGUMENT, Scanner.layout_argument), (LAYOUT, Scanner.layout),
                             (SPACING, Scanner.spacing), (SIZING, Scanner.sizing),
                             ({r"\over", r"\choose"}, Scanner.over)):
        kinds.update(dict.fromkeys(commands, method))  # a command of two kinds would be read by the later one
    return kinds


#: Each command the scanner reads other than as itself, and the method that reads it.
_COMMAND_KINDS = _kinds()
