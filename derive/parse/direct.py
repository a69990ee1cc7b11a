r"""A direct reader for plain fragments: the tree latex2sympy2_extended builds, without building its parser.

By the time text reaches :mod:`derive.parse.adapter`, the notation layer has reduced most of it to letters,
integers, placeholders (``(\text{derive3})``), ``+ - \cdot \times / ^``, ``\frac{..}{..}``, ``\ln``,
``\log`` and ``\exp`` of a parenthesised argument, and brackets.  Loading the library's ANTLR parser
costs a fresh process about 0.2 s, and parsing each fragment a few milliseconds more: on a short
document, most of ``derive check``'s own time.  :func:`read` builds, for that plain subset, the very
tree the library's converter builds (the same unevaluated ``Add``, ``Mul`` and ``Pow``, flattened where
it flattens, numbers negated where it negates them, its mixed-number reading of ``2 \frac{1}{2}`` kept),
and returns None for any other text, which then goes to the library.  ``tests/parse/test_direct.py``
compares the two on every fragment the corpus hands over and on random fragments of the subset.

The grammar it follows is the library's, restricted::

    expr     := mp (("+" | "-") mp)*              left to right
    mp       := unary (("\cdot" | "\times" | "*" | "/") unary)*
    unary    := ("+" | "-") unary | postfix+      juxtaposition: a product, right to left
    postfix  := base ("^" exponent)? "!"*
    base     := atom | number | \pi | group | \frac{expr}{expr} | (\ln | \log_n? | \exp) "(" expr ")"
"""

from __future__ import annotations

import re

import sympy as sp

#: Greek letters the library reads as the symbol of their name (``\gamma`` and ``\pi`` are constants there).
GREEK = frozenset("""alpha beta delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi rho sigma
tau upsilon phi varphi chi psi omega Delta Theta Lambda Xi Sigma Phi Psi Omega""".split())
#: Letters the library does not read as a plain symbol: e and E (Euler's number, exponent notation),
#: I (the imaginary unit), d (a differential).
_NOT_SYMBOLS = frozenset("deEI")

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | \\text\{(?P<placeholder>derive\d+)\}
  | \\(?P<command>[A-Za-z]+)
  | (?P<letter>[A-Za-z])
  | (?P<number>\d+)(?![\d.,])
  | (?P<sign>[-+*/^()\[\]{}_!])
""", re.VERBOSE)
_OPERATORS = {"cdot": "*", "times": "*"}
_FUNCTIONS = frozenset({"ln", "log", "exp"})
_OPENERS = {"(": ")", "[": "]"}


class _Outside(Exception):
    """The text leaves the subset: the library reads it."""


def read(text: str) -> sp.Basic | None:
    """The expression latex2sympy2_extended would build from ``text``, or None when ``text`` is outside the subset."""
    tokens = _tokens(text)
    if tokens is None or not tokens:
        return None
    try:
        parser = _Parser(tokens)
        expr = parser.expr()
        if parser.at < len(tokens):
            return None
        return expr
    except (_Outside, RecursionError):  # too long a product for this reader: the library says what is wrong
        return None


def _tokens(text: str) -> list[tuple[str, str]] | None:
    """(kind, value) pairs: ``atom``, ``number``, ``frac``, ``function``, or a sign; None for anything else."""
    out, at = [], 0
    while at < len(text):
        match = _TOKEN.match(text, at)
        if match is None:
            return None
        at = match.end()
        kind = match.lastgroup
        value = match.group(kind)
        if kind == "space":
            continue
        if kind == "placeholder":
            out.append(("atom", value))
        elif kind == "letter":
            if value in _NOT_SYMBOLS:
                return None
            out.append(("atom", value))
        elif kind == "number":
            out.append(("number", value))
        elif kind == "command":
            if value in GREEK:
                out.append(("atom", value))
            elif value == "pi":
                out.append(("pi", value))
            elif value in _OPERATORS:
                out.append(("sign", _OPERATORS[value]))
            elif value == "frac":
                out.append(("frac", value))
            elif value in _FUNCTIONS:
                out.append(("function", value))
            else:
                return None
        else:
            out.append(("sign", value))
    return out


class _Parser:
    """Recursive descent over the tokens, building the tree as the library's converter does."""

    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.at = 0

    def peek(self) -> tuple[str, str]:
        return self.tokens[self.at] if self.at < len(self.tokens) else ("end", "")

    def take(self, sign: str) -> None:
        if self.peek() != ("sign", sign):
            raise _Outside
        self.at += 1

    def expr(self) -> sp.Basic:
        left = self.mp()
        while self.peek() in (("sign", "+"), ("sign", "-")):
            minus = self.peek()[1] == "-"
            self.at += 1
            right = self.mp()
            if minus:
                right = -right if right.func.is_Number else _mul_flat(sp.Integer(-1), right)
            left = _add_flat(left, right)
        return left

    def mp(self) -> sp.Basic:
        left = self.unary()
        while self.peek() in (("sign", "*"), ("sign", "/")):
            divide = self.peek()[1] == "/"
            self.at += 1
            right = self.unary()
            if not divide:
                left = _mul_flat(left, right)
            elif left.is_Integer and right.is_Integer:
                left = sp.Rational(left, right)
            else:
                left = sp.Mul(left, sp.Pow(right, -1, evaluate=False), evaluate=False)
        return left

    def unary(self) -> sp.Basic:
        kind, value = self.peek()
        if kind == "sign" and value in "+-" and value:
            self.at += 1
            inner = self.unary()
            if value == "+":
                return inner
            return -inner if inner.func.is_Number else _mul_flat(sp.Integer(-1), inner)
        items = [self.postfix()]
        while self._starts_postfix():
            items.append(self.postfix())
        return _juxtaposed(items)

    def _starts_postfix(self) -> bool:
        kind, value = self.peek()
        return kind in ("atom", "number", "frac", "function", "pi") or (kind == "sign" and value in _OPENERS)

    def postfix(self) -> sp.Basic:
        kind, value = self.peek()
        self.at += 1
        if kind == "atom":
            base: sp.Basic = _symbol(value)
        elif kind == "number":
            base = sp.Integer(int(value))
        elif kind == "pi":
            base = sp.pi
        elif kind == "frac":
            top = self.braced()
            bottom = self.braced()
            base = sp.Rational(top, bottom) if top.is_Integer and bottom.is_Integer else \
                sp.Mul(top, sp.Pow(bottom, -1, evaluate=False), evaluate=False)
        elif kind == "function":
            log_base = self._log_base() if value == "log" else None
            self.take("(")
            argument = self.expr()
            self.take(")")
            if self.peek() == ("sign", "^"):
                raise _Outside  # \ln(x)^2: left to the library
            base = sp.exp(argument, evaluate=False) if value == "exp" else \
                sp.log(argument, sp.E if value == "ln" else log_base, evaluate=False)
        elif kind == "sign" and value in _OPENERS:
            base = self.expr()
            self.take(_OPENERS[value])
        else:
            raise _Outside
        if self.peek() == ("sign", "^"):
            self.at += 1
            base = sp.Pow(base, self._exponent(), evaluate=False)
            if self.peek() == ("sign", "^"):
                raise _Outside  # a^b^c
        if kind in ("atom", "pi") and self.peek()[1] in _OPENERS and not self._sum_inside():
            raise _Outside  # p(x), q[a], x^{2} (y): the library reads a call
        while self.peek() == ("sign", "!"):
            self.at += 1
            base = sp.factorial(base, evaluate=False)
        return base

    def _log_base(self) -> sp.Basic:
        """The base of ``\\log``: 10 unless a digit or a braced number is subscripted (``\\log_2``, ``\\log_{10}``)."""
        if self.peek() != ("sign", "_"):
            return sp.Integer(10)
        self.at += 1
        kind, value = self.peek()
        if kind == "number" and len(value) == 1:
            self.at += 1
            return sp.Integer(int(value))
        self.take("{")
        kind, value = self.peek()
        if kind != "number":
            raise _Outside
        self.at += 1
        self.take("}")
        return sp.Integer(int(value))

    def _sum_inside(self) -> bool:
        """Whether the bracket opening at the next token holds a sum or difference at its own level (``p (1 - p)``):
        never the argument of a call, which the library reads only around one symbol or number (``p (x^2)``)."""
        depth = 0
        for kind, value in self.tokens[self.at:]:
            if kind != "sign":
                continue
            if value in "([{":
                depth += 1
            elif value in ")]}":
                depth -= 1
                if depth == 0:
                    return False
            elif depth == 1 and value in "+-":
                return True
        return False

    def _exponent(self) -> sp.Basic:
        kind, value = self.peek()
        if (kind, value) == ("sign", "{"):
            return self.braced()
        self.at += 1
        if kind == "atom" and len(value) == 1:
            return _symbol(value)
        if kind == "number" and len(value) == 1:
            return sp.Integer(int(value))
        raise _Outside  # x^23, x^\alpha: the library's reading differs from TeX's or is unsure

    def braced(self) -> sp.Basic:
        self.take("{")
        inner = self.expr()
        self.take("}")
        return inner


def _symbol(name: str) -> sp.Symbol:
    return sp.Symbol(name)


def _juxtaposed(items: list[sp.Basic]) -> sp.Basic:
    """``a b c`` as the library multiplies it: from the right, an integer before a positive fraction a mixed number."""
    first = items[0]
    if len(items) == 1:
        return first
    rest = _juxtaposed(items[1:])
    if first.is_Integer and rest.is_Rational and rest.p > 0 and rest.q > 0:
        whole = first * rest.q - rest.p if first < 0 else first * rest.q + rest.p
        return sp.Rational(whole, rest.q)
    return _mul_flat(first, rest)


def _add_flat(left: sp.Basic, right: sp.Basic) -> sp.Basic:
    return _flat(sp.Add, left, right)


def _mul_flat(left: sp.Basic, right: sp.Basic) -> sp.Basic:
    return _flat(sp.Mul, left, right)


def _flat(kind: type, left: sp.Basic, right: sp.Basic) -> sp.Basic:
    """``kind(left, right)`` unevaluated, with the arguments of either side that is already a ``kind`` taken in."""
    args = [*(left.args if isinstance(left, kind) else (left,)), *(right.args if isinstance(right, kind) else (right,))]
    return kind(*args, evaluate=False)
