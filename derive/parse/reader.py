"""The reader of derive's notation over tokens: each form at a token (:meth:`Reader.form`), the rest
handed to latex2sympy2-extended with placeholders for what was read."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence, Set

import sympy as sp
from sympy.core.symbol import Str

from derive.distributions.base import Distribution
from derive.distributions.measures import CrossEntropy, Entropy
from derive.distributions.parametric import Parametric
from derive.parse.adapter import ParseError, SyntaxFailure, to_sympy
from derive.parse.aggregates import Aggregates
from derive.parse.calculus import CalculusForms
from derive.parse.derivatives import DerivativeForms
from derive.parse.lexer import name_tokens
from derive.parse.lexicon import (BIG_OPERATORS, BRACES, CLOSERS, CONTEXT_ONLY, DIFFERENTIAL_ENTROPY_HEADS, EXPECTATIONS,
                                  GREEK, KL_SEPARATORS, NAME, OPAQUE, PROSE, TERM_STOPS, VARIANCES)
from derive.core.system import System
from derive.core.terms import add
from derive.parse.logs import Logs
from derive.parse.measure_forms import MeasureForms, outcomes_of
from derive.parse.named import NamedFunctions
from derive.parse.names import Names
from derive.parse.output import Out
from derive.parse.randomvars import RandomVariableForms
from derive.parse.tokens import Token, decorated_name, is_function_argument, key_of, short, symbol_name


_KL_HEADS = (("K", "L"), ("D", "_", "{", "K", "L", "}"), ("D", "_", "{", r"\mathrm{KL}", "}"),
             ("D", "_", "{", r"\text{KL}", "}"), ("D", "_", "{", r"\operatorname{KL}", "}"),
             (r"\mathrm{KL}",), (r"\operatorname{KL}",), ("D", "_", r"\text{KL}"), ("D", "_", r"\mathrm{KL}"),
             ("D", "_", "K", "L"), ("K", "L", "D"))


_PLACEHOLDER = re.compile(r"\s*\(?\\text\{derive\d+\}\)?\s*")


_MEMBER = re.compile(r"(\\?[A-Za-z]+)_\{?(\d+)\}?")  # p_1, p_{10}: a member of the family p


def _parameters(dist: Distribution) -> tuple[sp.Basic, ...]:
    try:
        return tuple(dist.params)
    except NotImplementedError:
        return ()


#: Letters a text writes a random variable's values with, never its pmf: ``x`` beside ``X``.
_VALUE_LETTERS = frozenset("ijknxyz")


class Reader(DerivativeForms, CalculusForms, RandomVariableForms, NamedFunctions, Aggregates, MeasureForms,
             Names, Logs):
    """Reads one source: finds derive's notation, hands the rest to the parser, puts the pieces together."""

    def __init__(self, source: str, tokens: list[Token], partner: dict[int, int],
                 integrals: dict[int, tuple[int, int]], distributions: Sequence[Distribution],
                 left_dots: frozenset[int] = frozenset()) -> None:
        self.source, self.tokens, self.partner, self.integrals = source, tokens, partner, integrals
        self.left_dots = left_dots  # tokens right after a \left. (an evaluation bar's opening)
        self.objects: dict[sp.Symbol, sp.Basic] = {}
        self.sums = 0  # sums and integrals being read, one inside the other
        self.by_key: dict[str, Distribution] = {}
        self.lower: dict[str, Distribution] = {}  # p -> P, where p names nothing else (_lower_names)
        self.names: list[tuple[tuple[str, ...], Distribution]] = []
        self.outcomes: dict[str, Str] = {}
        self.parameters: dict[sp.Symbol, sp.Basic] = {}  # a plain symbol -> the distribution's own, same name
        self.printed: dict[str, sp.Symbol] = {}  # \mu_1 (a parameter as printed, key form) -> the parameter
        self.bases: dict[str, sp.IndexedBase] = {}  # p -> p, so that p_{i} reads as p[i]
        self.families: dict[str, dict[int, sp.Symbol]] = {}  # p -> {1: p_1, 2: p_2}: p_{i} over a bound i
        self.variables: dict[str, sp.Symbol] = {}  # i -> the bound variable of the distribution's sums
        self.real_variables: dict[str, sp.Symbol] = {}  # x -> the bound variable of a density's integrals
        for dist in distributions:
            if not isinstance(dist, Distribution):
                raise ParseError(f"distributions must be Distribution objects, got {type(dist).__name__}")
            printed = sp.latex(sp.Symbol(dist.name))
            if self.by_key.setdefault(key_of(printed), dist) != dist:
                raise ParseError(f"two different distributions are named {dist.name}")
            for variant in {printed, key_of(printed)}:
                self.names.append((name_tokens(variant), dist))
            for outcome in outcomes_of(dist):
                self.outcomes[key_of(sp.latex(sp.Symbol(outcome.name)))] = outcome
            for param in _parameters(dist):
                if isinstance(param, sp.IndexedBase):
                    self.bases[str(param.label)] = param
                elif isinstance(param, sp.Symbol):
                    self.parameters[sp.Symbol(param.name)] = param
                    self.printed.setdefault(key_of(sp.latex(param)), param)
                    if member := _MEMBER.fullmatch(param.name):
                        self.families.setdefault(member.group(1), {})[int(member.group(2))] = param
            self.variables[dist.variable.name] = dist.variable
            if isinstance(dist, Parametric) and not dist.discrete:
                self.real_variables[dist.variable.name] = dist.variable
                self.parameters.setdefault(sp.Symbol(dist.variable.name), dist.variable)  # a free x is the density's
        self._lower_names()
        self.names.sort(key=lambda entry: -len(entry[0]))

    def _lower_names(self) -> None:
        """``p`` names ``P`` (``p(x)``, its density or mass; ``\\mathbb{E}_p``) when ``p`` names nothing else: no
        distribution, parameter, outcome or variable is written so (Bernoulli(p)'s ``p`` stays the parameter)."""
        taken = {s.name for s in self.parameters} | set(self.bases) | set(self.variables) | set(self.outcomes)
        taken |= _VALUE_LETTERS  # X \sim \mathrm{Bin}(n, p): x is X's value (x (1 - p) a product), never its pmf
        for key, dist in self.by_key.items():
            lower = key.lower()
            if len(key) == 1 and key.isupper() and lower not in self.by_key and lower not in taken:
                self.lower[lower] = dist
                self.names.append(((lower,), dist))

    # -- whole expressions ---------------------------------------------------
    def expression(self, lo: int, hi: int, indices: Mapping[str, sp.Symbol], top: bool = False) -> sp.Basic:
        """Tokens ``lo:hi`` read as one expression (at the top, an equation is allowed too).

        An equation is read side by side and a sum summand by summand (the parser's
        recursion would fail on a few hundred summands); the rest goes to the parser whole.
        """
        start, end = self._offset(lo), self._offset(hi)
        if self._next(lo, hi) >= hi:
            raise ParseError(f"an expression is missing at offset {start}")
        if top and (relation := self.relation(lo, hi, indices)) is not None:  # a >= b, a < b < c
            return relation
        sides = self._split(lo, hi, {"="}) if top else [(lo, hi)]
        if len(sides) == 2:
            return sp.Eq(*(self.expression(a, b, indices) for a, b in sides), evaluate=False)
        if len(sides) > 2:  # a = b = 0: the system a = b, b = 0
            values = [self.expression(a, b, indices) for a, b in sides]
            return System(*(sp.Eq(x, y, evaluate=False) for x, y in zip(values, values[1:])))
        summands = self._summands(lo, hi) if len(sides) == 1 else [(lo, hi)]
        if len(summands) > 1:
            return add(*(self.expression(a, b, indices) for a, b in summands))
        out = Out()
        self.rewrite(lo, hi, indices, out)
        try:
            bound = {sp.Symbol(k.lstrip("\\")): v for k, v in indices.items()}  # \theta is the symbol theta
            expr = to_sympy(out.text(), {**self.parameters, **bound, **self.objects})
        except SyntaxFailure as failure:
            where = out.origin(failure.column)
            where = end if where is None else where
            place = "at the end of the input" if where >= len(self.source) else \
                f"at offset {where} (near {short(self.source[where:where + 20])})"
            reason = _PLACEHOLDER.sub(" ... ", failure.reason)
            raise ParseError(f"cannot read the LaTeX {place}: {reason}") from None
        except ParseError as exc:
            raise ParseError(f"{exc} (in {self._fragment(start, end)} at offset {start})") from None
        allowed = (sp.Expr, sp.Equality) if top else (sp.Expr,)
        if not isinstance(expr, allowed):
            what = "an expression or an equation" if top else "an expression"
            raise ParseError(f"{self._fragment(start, end)} at offset {start} is not {what} "
                             f"(it reads as {type(expr).__name__})")
        return expr

    def rewrite(self, lo: int, hi: int, indices: Mapping[str, sp.Symbol], out: Out) -> None:
        """Write tokens ``lo:hi`` for the parser, derive's notation replaced by placeholders."""
        i = lo
        while i < hi:
            token = self.tokens[i]
            text = token.text
            form = self.form(i, hi, indices)
            bar = self._bar(i, hi) if text in ("(", "[") and i in self.partner else None
            if bar is not None:  # \left. x^2 + 1 \right|_{x=2}, read as the group ( x^2 + 1 ) |_{x=2}
                i = self.placeholder(self._evaluated_at(i, bar, indices), token.pos, out, bar[2])
            elif form is not None:
                i = self.placeholder(form[0], token.pos, out, form[1])
            elif text in BRACES:
                i = self.underbrace(i, hi, indices, out)
            elif text in (r"\log", r"\ln"):
                i = self.logarithm(i, hi, indices, out)
            elif text in CONTEXT_ONLY:
                raise ParseError(f"{text} at offset {token.pos} is only understood in {CONTEXT_ONLY[text]}")
            elif text == "|" and self._at(self._next(i + 1, hi), hi) == "_":
                raise ParseError(f"the evaluation bar at offset {token.pos} is only understood right after a "
                                 r"derivative: \left.\frac{d}{dx} f\right|_{x=a}")
            elif text.startswith(tuple(PROSE)):
                raise ParseError(f"text {short(text)} at offset {token.pos} is prose, not part of an expression")
            elif text.startswith((r"\mathrm{", r"\operatorname{")) and decorated_name(text) is not None and \
                    self._at(self._next(i + 1, hi), hi) not in ("(", "["):  # \mathrm{ELBO}: a named quantity
                i = self.placeholder(sp.Symbol(decorated_name(text)), token.pos, out, i + 1)
            elif text.startswith(tuple(OPAQUE)):
                raise ParseError(f"unsupported command {short(text)} at offset {token.pos}")
            elif (call := self.application(i, hi, indices)) is not None:
                i = self.placeholder(call[0], token.pos, out, call[1])
            elif text in ("I", r"\gamma", r"\Gamma"):
                i = self.placeholder(sp.Symbol(text.lstrip("\\")), token.pos, out, i + 1)
            elif (symbol := self.subscripted(i, hi, indices)) is not None:
                i = self.placeholder(symbol[0], token.pos, out, symbol[1])
            elif text == "e" and (named := indices.get("e") or self.parameters.get(sp.Symbol("e"))) is not None:
                i = self.placeholder(named, token.pos, out, i + 1)  # e declared a symbol (e := 3): not Euler's number
            elif (fraction := self.integer_fraction(i, hi)) is not None:
                i = self.placeholder(fraction[0], token.pos, out, fraction[1])
            elif (decimal := self.decimal(i, hi)) is not None:  # 0.5: exactly 1/2, never a float the parser rounds
                i = self.placeholder(decimal[0], token.pos, out, decimal[1])
            elif text == "d":  # the grammar reads "d x" as the one symbol dx (its differential): d is kept a letter
                d, before = sp.Symbol("d"), i - 1
                while before >= lo and self.tokens[before].text == " ":
                    before -= 1
                script = before >= lo and self.tokens[before].text == "^"  # x^d: an exponent, braced for the grammar
                out.add("{" if script else "", token.pos)
                i = self.placeholder(indices.get("d") or self.parameters.get(d, d), token.pos, out, i + 1)
                out.add("}" if script else "", token.pos)
            elif decorated_name(text) is not None or text == r"\ell":  # \hat{\sigma}: the symbol sigmahat
                name = sp.Symbol(symbol_name(text))
                i = self.placeholder(self.parameters.get(name, name), token.pos, out, i + 1)
            elif self._is_symbol(text) and text != "e" and self._at(self._next(i + 1, hi), hi) == "^":
                out.add(f"({text})", token.pos)  # the grammar's fast mode fails on x^2 but reads (x)^2
                i += 1
            else:
                out.add(text + " " if text[0] == "\\" and text[-1].isalpha() else text, token.pos)
                i += 1

    def decimal(self, i: int, hi: int) -> tuple[sp.Rational, int] | None:
        """The decimal written from token ``i`` (``0.5``, ``.25``: digits and one point, unbroken) as the exact
        number, and the token after it; ``None`` for anything else (an integer is the parser's)."""
        if i > 0 and (self.tokens[i - 1].text.isdigit() or self.tokens[i - 1].text == ".") and \
                self.tokens[i - 1].pos + 1 == self.tokens[i].pos:
            return None  # inside a number: its first token reads it
        j, written = i, ""
        while j < hi and (self.tokens[j].text.isdigit() or self.tokens[j].text == ".") and \
                (j == i or self.tokens[j].pos == self.tokens[j - 1].pos + 1):
            written += self.tokens[j].text
            j += 1
        if not re.fullmatch(r"\d*\.\d+", written):
            return None
        return sp.Rational(written), j

    def placeholder(self, obj: sp.Basic, origin: int, out: Out, end: int) -> int:
        """Write a fresh placeholder symbol for ``obj``; return ``end`` (where reading resumes)."""
        name = f"derive{len(self.objects)}"
        self.objects[sp.Symbol(name)] = obj
        out.add(rf" (\text{{{name}}}) ", origin)
        return end

    # -- derive's notation ---------------------------------------------------
    #: derive's notation, tried in order at each token: (the form's name, the method that reads it or says ``None``).
    FORMS: tuple[tuple[str, str], ...] = (
        ("derivative", "derivative_form"),  # \frac{d}{dx} f, \frac{\partial y}{\partial x}
        ("calculus", "calculus_form"),  # sigmoid, Kronecker delta, max/min, limits, log in base b
        ("sum", "sum_form"),
        ("product", "product_form"),
        ("expectation", "expectation_form"),
        ("variance", "variance_form"),
        ("integral", "integral_form"),
        ("kl-divergence", "kl_form"),
        ("differential-entropy", "differential_entropy_form"),
        ("probability", "probability"),  # P(H), P(x_i), p(x) of a declared distribution
        ("named-function", "named_function"),  # \operatorname{pdf}(x), relu(x)
        ("random-variable-measure", "rv_measure"),  # H(X | Y), I(X; Y)
        ("random-variable-mass", "rv_mass"),  # p(y | x), \mathbb{P}[X = a]
        ("entropy", "entropy_form"),  # H(P), H(P, Q)
        ("unknown-distribution", "unknown_distribution"),
    )

    def form(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        """The notation starting at token ``i`` and the token after it, or ``None``: the first of :attr:`FORMS`
        that reads it."""
        for _, method in self.FORMS:
            if (found := getattr(self, method)(i, hi, indices)) is not None:
                return found
        return None

    def sum_form(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        if self.tokens[i].text != r"\sum":
            return None
        return self.rv_sum(i, hi, indices) or self.outcome_sum(i, hi, indices) or \
            self.range_sum(i, hi, indices) or self.plain_sum(i, hi, indices) or self.sample_sum(i, hi, indices)

    def product_form(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        if self.tokens[i].text != r"\prod":
            return None
        return self.range_sum(i, hi, indices, sp.Product) or self.sample_sum(i, hi, indices, sp.Product)

    def expectation_form(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        text = self.tokens[i].text
        if not self.by_key and (text in EXPECTATIONS or text == "E") and \
                (self.rv_expectation(i, hi, indices) if self.masses else None) is None and \
                (free := self.free_expectation(i, hi, indices)) is not None:  # E(X) of an X no one declares
            return free
        if not (text in EXPECTATIONS or text == "E" and self._written_expectation(i, hi)):
            return None
        return self.rv_expectation(i, hi, indices) or self.expectation(i, hi, indices)

    def variance_form(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        if self.tokens[i].text in VARIANCES and self._the_one() is not None and \
                self._at(self._next(i + 1, hi), hi) in ("(", "["):
            return self.variance(i, hi, indices)
        if self.tokens[i].text in VARIANCES:
            return self.free_variance(i, hi, indices)
        return None

    def integral_form(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        return self.integral(i, hi, indices) if self.tokens[i].text == r"\int" else None

    def kl_form(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        r"""``KL(P || Q)``, ``D_{KL}(P \| Q)``, ``\mathrm{KL}[P \| Q]``, ``D(P || Q)``."""
        pos = self.tokens[i].pos
        for head in _KL_HEADS:
            if (paren := self._call(i, hi, head, brackets=True)) is not None:
                return self.kl(pos, *paren, indices), paren[1] + 1
        if self.tokens[i].text == "D" and (paren := self._call(i, hi, ("D",))) is not None and \
                len(self._split(paren[0] + 1, paren[1], KL_SEPARATORS, double_bar=True)) == 2:
            return self.kl(pos, *paren, indices), paren[1] + 1
        return None

    def differential_entropy_form(self, i: int, hi: int,
                                  indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        r"""``\mathrm{h}(X)`` of a declared distribution."""
        text = self.tokens[i].text
        if text in DIFFERENTIAL_ENTROPY_HEADS and (paren := self._call(i, hi, (text,))) is not None and \
                self._key(paren[0] + 1, paren[1]) in self.by_key:
            return self._measure(Entropy, [self._dist(paren[0] + 1, paren[1])], self.tokens[i].pos), paren[1] + 1
        return None

    def entropy_form(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        """``H(P)``, ``H(P, Q)`` of declared distributions (``H(p)`` of a lower-case name is a function)."""
        if self.tokens[i].text != "H" or (paren := self._call(i, hi, ("H",))) is None:
            return None
        args = self._split(paren[0] + 1, paren[1], {","})
        keys = [self._key(a, b) for a, b in args]
        applied = all(is_function_argument(k) and k not in self.by_key and self.variable_by_value(k) is None
                      for k in keys)  # H(p): a function; H(x) of x \sim \mathcal{N}(...): X's entropy
        if not all(NAME.fullmatch(k) for k in keys) or applied:
            return None
        pos = self.tokens[i].pos
        if len(args) > 2:
            raise ParseError(f"H(...) at offset {pos} takes one or two distributions, got {len(args)}")
        dists = [self._dist(a, b) for a, b in args]
        return self._measure(Entropy if len(dists) == 1 else CrossEntropy, dists, pos), paren[1] + 1

    def unknown_distribution(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> None:
        """``R(X)`` with ``R`` no declared distribution: an error, never a guess."""
        text, pos = self.tokens[i].text, self.tokens[i].pos
        if len(text) == 1 and text in string.ascii_uppercase and (paren := self._call(i, hi, (text,))) is not None:
            key = self._key(paren[0] + 1, paren[1])
            if NAME.fullmatch(key) and not is_function_argument(key):
                call = self._fragment(pos, self._offset(paren[1] + 1))
                raise ParseError(f"unknown distribution name {text!r} in {call} at offset {pos}")
        return None

    # -- helpers ----------------------------------------------------------------
    @staticmethod
    def _is_symbol(text: str) -> bool:
        """A letter, a greek letter, ``\\ell`` or a decorated one (``\\hat{x}``): one symbol."""
        return (len(text) == 1 and text in string.ascii_letters) or text in GREEK or text == r"\ell" or \
            decorated_name(text) is not None

    def _at(self, i: int, hi: int) -> str:
        """The text of token ``i``, or ``""`` at or past ``hi``."""
        return self.tokens[i].text if i < hi else ""

    def _next(self, i: int, hi: int) -> int:
        """The first token at or after ``i`` that is not a space (``hi`` if none)."""
        while i < hi and self.tokens[i].text == " ":
            i += 1
        return i

    def _call(self, i: int, hi: int, head: tuple[str, ...], brackets: bool = False) -> tuple[int, int] | None:
        """The tokens from ``i`` spell ``head`` followed by ``(`` (or ``[`` with ``brackets``): the pair, else
        ``None``."""
        k = i
        for part in head:
            k = self._next(k, hi) if k > i else k
            if k >= hi or self.tokens[k].text != part:
                return None
            k += 1
        k = self._next(k, hi)
        if k >= hi or self.tokens[k].text not in (("(", "[") if brackets else ("(",)) or self.partner[k] >= hi:
            return None
        return k, self.partner[k]

    def _split(self, lo: int, hi: int, separators: Set[str], double_bar: bool = False) -> list[tuple[int, int]]:
        """Token ranges between separators at bracket depth 0; with ``double_bar``, ``||`` separates too."""
        parts, start, k = [], lo, lo
        while k < hi:
            if k in self.partner:
                k = self.partner[k] + 1
                continue
            bars = double_bar and self.tokens[k].text == "|" and k + 1 < hi and self.tokens[k + 1].text == "|"
            if self.tokens[k].text in separators or bars:
                parts.append((start, k))
                k += 2 if bars else 1
                start = k
            else:
                k += 1
        parts.append((start, hi))
        return parts

    def _term_end(self, lo: int, hi: int) -> int:
        """Where the signed product starting at ``lo`` ends: a summand, or a sum's body (module docstring)."""
        k = self._next(lo, hi)
        if self._at(k, hi) in ("+", "-"):
            k += 1
        while k < hi:
            text = self.tokens[k].text
            if k in self.partner:
                k = self.partner[k] + 1
            elif text in CLOSERS or text in TERM_STOPS:
                return k
            elif text in ("^", "_"):
                k = self._next(k + 1, hi)
                k += 1 if self._at(k, hi) in ("+", "-") else 0
            elif text == "|":  # |x - 1|: an absolute value is one factor, whatever signs it holds
                k = self._bar_close(k, hi) + 1
            elif text == r"\int" and k in self.integrals:  # up to its differential, whatever the body holds
                k = self.integrals[k][1] + 1
            elif text == r"\frac" and (head := self.derivative_head(k, hi)) is not None:
                k = self._next(head.end, hi)  # a derivative's operand, whose leading sign belongs to it
                k += 1 if self._at(k, hi) in ("+", "-") and head.operand is None else 0
            elif text in BIG_OPERATORS:  # its scripts, then its body, whose leading sign belongs to it
                k = self._next(k + 1, hi)
                while self._at(k, hi) in ("_", "^"):
                    script = self._next(k + 1, hi)
                    k = self._next(self.partner.get(script, script) + 1, hi)
                k += 1 if self._at(k, hi) in ("+", "-") else 0
            else:
                k += 1
        return hi

    def _bar_close(self, k: int, hi: int) -> int:
        """The ``|`` that closes the absolute value opened at token ``k`` (brackets skipped), or ``k`` if none."""
        j = k + 1
        while j < hi:
            if j in self.partner:
                j = self.partner[j] + 1
            elif self.tokens[j].text == "|":
                return j
            elif self.tokens[j].text in CLOSERS:
                return k
            else:
                j += 1
        return k

    def _summands(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The signed summands of tokens ``lo:hi``; the whole range if anything else stands between them."""
        parts, start = [], lo
        while self._next(start, hi) < hi:
            end = self._term_end(start, hi)
            if end < hi and self.tokens[end].text not in ("+", "-"):
                return [(lo, hi)]
            parts.append((start, end))
            start = end
        return parts or [(lo, hi)]

    def _key(self, lo: int, hi: int) -> str:
        return key_of("".join(t.text for t in self.tokens[lo:hi]))

    def _offset(self, i: int) -> int:
        return self.tokens[i].pos if i < len(self.tokens) else len(self.source)

    def _fragment(self, start: int, end: int) -> str:
        return short(self.source[start:end].strip())
