"""An order-preserving LaTeX printer for derive's expressions.

SymPy's own printer sorts the terms of sums and products; this one prints
arguments in the order they are stored, which is the order the rules built
them in.  It knows how derive writes things (``P(H)``, ``H(P, Q)``,
``\\mathrm{KL}(P \\Vert Q)``, underbraced groups, sums over outcomes) and falls back on
SymPy's printer for anything else.  It does no mathematics.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.core.symbol import Str

from derive.core.constraints import EveryIndex
from derive.core.group import Group
from derive.core.terms import factors_of, is_negative_term, neg, terms_of
from derive.distributions.measures import KL, CrossEntropy, Entropy, Measure, OutcomeSum, Prob


@dataclass(frozen=True)
class Notation:
    """Display choices: the logarithm's command, the KL divergence's name (upright, as references set it) and
    its separator."""

    log: str = r"\log"
    kl_separator: str = r"\Vert"
    kl: str = r"\mathrm{KL}"


DEFAULT = Notation()


def to_latex(expr: sp.Basic, notation: Notation = DEFAULT) -> str:
    """LaTeX for ``expr``, keeping the stored order of terms and factors."""
    return _Printer(notation).print(expr)


def latex_terms(expr: sp.Basic, notation: Notation = DEFAULT) -> list[str]:
    """The summands of ``expr`` as LaTeX, each after the first with its sign (``- p \\log(q)``).

    Renderers use this to break a long sum over several lines.
    """
    if not isinstance(expr, sp.Add):
        return [to_latex(expr, notation)]
    printer = _Printer(notation)
    out = []
    for k, term in enumerate(terms_of(expr)):
        if is_negative_term(term):
            out.append(("-" if k == 0 else "- ") + printer._negated(neg(term)))
        else:
            out.append(("" if k == 0 else "+ ") + printer.print(term))
    return out


class _Printer:
    def __init__(self, notation: Notation) -> None:
        self.n = notation

    def print(self, e: sp.Basic) -> str:
        return _printed(self.n, type(e), e)

    def _print(self, e: sp.Basic) -> str:
        method = getattr(self, "_" + type(e).__name__, None)
        if method is not None:
            return method(e)
        for base in type(e).__mro__[1:]:
            method = getattr(self, "_" + base.__name__, None)
            if method is not None and (base.__module__.startswith("derive") or base is sp.Rel):
                return method(e)
        return self._fallback(e)

    # -- derive's notation -------------------------------------------------
    def _Prob(self, e: Prob) -> str:
        return f"{self._name(e.dist.name)}({self._label(e.outcome)})"

    def _Entropy(self, e: Entropy) -> str:
        return f"H({self._name(e.dists[0].name)})"

    def _CrossEntropy(self, e: CrossEntropy) -> str:
        p, q = e.dists
        return f"H({self._name(p.name)}, {self._name(q.name)})"

    def _KL(self, e: KL) -> str:
        p, q = e.dists
        return f"{self.n.kl}({self._name(p.name)} {self.n.kl_separator} {self._name(q.name)})"

    def _OutcomeSum(self, e: OutcomeSum) -> str:
        outcomes = ", ".join(self._label(o) for o in e.outcomes)
        body = self.print(e.body)
        if isinstance(e.body, sp.Add):
            body = rf"\left({body}\right)"
        return rf"\sum_{{{self.print(e.index)} \in \{{{outcomes}\}}}} {body}"

    def _Sum(self, e: sp.Sum) -> str:
        (var, lo, hi), = e.limits
        return rf"\sum_{{{self.print(var)}={self.print(lo)}}}^{{{self.print(hi)}}} {self._body(e.function)}"

    def _Integral(self, e: sp.Integral) -> str:
        (var, lo, hi), = e.limits
        return rf"\int_{{{self.print(lo)}}}^{{{self.print(hi)}}} {self._body(e.function)} \, d{self.print(var)}"

    def _body(self, body: sp.Basic) -> str:
        text = self.print(body)
        return rf"\left[{text}\right]" if isinstance(body, sp.Add) else text

    def _Indexed(self, e: sp.Indexed) -> str:
        indices = ", ".join(self.print(i) for i in e.indices)
        return f"{self.print(e.base.label)}_{{{indices}}}"

    def _EveryIndex(self, e: EveryIndex) -> str:
        return rf"\forall {self.print(e.j)} \in \{{1, \ldots, {self.print(e.n)}\}}"

    def _Infinity(self, e: sp.Basic) -> str:
        return r"\infty"

    def _NegativeInfinity(self, e: sp.Basic) -> str:
        return r"-\infty"

    def _Group(self, e: Group) -> str:
        label = e.label
        if isinstance(label, Measure):
            text = rf"\text{{{label.title} }} {self.print(label)}"
        else:
            text = rf"\text{{{escape_text(label.name)}}}"
        return rf"\underbrace{{\left[ {self.print(e.content)} \right]}}_{{{text}}}"

    # -- arithmetic ---------------------------------------------------------
    def _Add(self, e: sp.Add) -> str:
        return " ".join(latex_terms(e, self.n))

    def _negated(self, term: sp.Basic) -> str:
        """What follows a minus sign: sums and sums over outcomes get brackets."""
        text = self.print(term)
        if isinstance(term, sp.Add):
            return rf"\left[{text}\right]" if _has_function(term) else f"({text})"
        return rf"\left[{text}\right]" if isinstance(term, _AGGREGATES) else text

    def _Mul(self, e: sp.Mul) -> str:
        if is_negative_term(e):
            positive = neg(e)
            return "-" + (self._Mul_positive(positive) if isinstance(positive, sp.Mul) else self._negated(positive))
        return self._Mul_positive(e)

    def _Mul_positive(self, e: sp.Basic) -> str:
        if not isinstance(e, sp.Mul):
            return self._factor(e, alone=True)
        num = [f for f in factors_of(e) if not _is_reciprocal(f)]
        den = [_reciprocal_base(f) for f in factors_of(e) if _is_reciprocal(f)]
        if den:
            top = self._product(num) if num else "1"
            return rf"\frac{{{top}}}{{{self._product(den)}}}"
        return self._product(num)

    def _product(self, factors: list[sp.Basic]) -> str:
        if len(factors) == 1:
            return self._factor(factors[0], alone=True)
        parts = [self._factor(f, alone=False) for f in factors]
        return " ".join(parts)

    def _factor(self, f: sp.Basic, alone: bool) -> str:
        text = self.print(f)
        if alone:
            return text
        if isinstance(f, sp.Add):
            return rf"\left[{text}\right]" if _has_function(f) else f"({text})"
        if isinstance(f, _AGGREGATES) or (isinstance(f, sp.Rational) and f < 0):
            return rf"\left[{text}\right]" if isinstance(f, _AGGREGATES) else f"({text})"
        return text

    def _Pow(self, e: sp.Pow) -> str:
        base, exp = e.args
        if exp == -1:
            return rf"\frac{{1}}{{{self.print(base)}}}"
        if exp == sp.Rational(1, 2):
            return rf"\sqrt{{{self.print(base)}}}"
        b = self.print(base)
        if isinstance(base, (sp.Add, sp.Mul, sp.Pow)) or (isinstance(base, sp.Rational) and not base.is_Integer) or (
                isinstance(base, sp.Number) and base < 0):
            b = rf"\left({b}\right)"
        return f"{b}^{{{self.print(exp)}}}"

    def _log(self, e: sp.log) -> str:
        arg = self.print(e.args[0])
        if r"\frac" in arg or r"\sum" in arg:
            return rf"{self.n.log}\left({arg}\right)"
        return f"{self.n.log}({arg})"

    def _polygamma(self, e: sp.polygamma) -> str:
        """``\\psi(a)`` (the digamma function), ``\\psi^{(1)}(a)`` (its derivatives), as references write them."""
        order, arg = e.args
        head = r"\psi" if order == 0 else rf"\psi^{{({self.print(order)})}}"
        return rf"{head}\left({self.print(arg)}\right)"

    def _besseli(self, e: sp.besseli) -> str:
        """``I_{\\nu}(x)``: the modified Bessel function of the first kind, as references write it."""
        order, arg = e.args
        return rf"I_{{{self.print(order)}}}\left({self.print(arg)}\right)"

    def _Log(self, e: sp.Basic) -> str:
        arg = self.print(e.args[0])
        command = rf"\log_{{{self.print(e.base)}}}"
        if r"\frac" in arg or r"\sum" in arg:
            return rf"{command}\left({arg}\right)"
        return f"{command}({arg})"

    def _exp(self, e: sp.exp) -> str:
        return f"e^{{{self.print(e.args[0])}}}"

    def _Derivative(self, e: sp.Derivative) -> str:
        """``\\frac{\\partial}{\\partial q} f``: partial, since every measure depends on more than one parameter."""
        (x, order), = e.variable_count
        var = self.print(x)
        top, bottom = (r"\partial", rf"\partial {var}") if order == 1 else (
            rf"\partial^{{{order}}}", rf"\partial {var}^{{{order}}}")
        body = self.print(e.expr)
        if isinstance(e.expr, (sp.Add, sp.Mul)) or (isinstance(e.expr, sp.Pow) and e.expr.exp == -1):
            body = rf"\left({body}\right)"
        return rf"\frac{{{top}}}{{{bottom}}} {body}"

    def _KroneckerDelta(self, e: sp.KroneckerDelta) -> str:
        return rf"\delta_{{{self.print(e.args[0])} {self.print(e.args[1])}}}"

    def _Sigmoid(self, e: sp.Basic) -> str:
        return rf"\sigma({self.print(e.args[0])})"

    def _System(self, e: sp.Basic) -> str:
        rows = r" \\ ".join(self.print(eq) for eq in e.args)
        return rf"\begin{{cases}} {rows} \end{{cases}}"

    def _Equality(self, e: sp.Equality) -> str:
        return f"{self.print(e.lhs)} = {self.print(e.rhs)}"

    def _And(self, e: sp.And) -> str:
        """``0 < p < 1`` for the pair ``0 < p``, ``p < 1``; otherwise the parts joined by commas."""
        parts = e.args
        if len(parts) == 2 and all(isinstance(r, (sp.StrictLessThan, sp.LessThan)) for r in parts):
            low, high = sorted(parts, key=lambda r: r.lhs.is_number is not True)
            if low.rhs == high.lhs:
                return (f"{self.print(low.lhs)} {_REL[low.rel_op]} {self.print(low.rhs)} "
                        f"{_REL[high.rel_op]} {self.print(high.rhs)}")
        return ", ".join(self.print(r) for r in parts)

    def _Relational(self, e: sp.Rel) -> str:
        return f"{self.print(e.lhs)} {_REL[e.rel_op]} {self.print(e.rhs)}"

    def _Rational(self, e: sp.Rational) -> str:
        if e.q == 1:
            return str(e.p)
        sign = "-" if e < 0 else ""
        return rf"{sign}\frac{{{abs(e.p)}}}{{{e.q}}}"

    def _Symbol(self, e: sp.Symbol) -> str:
        return sp.latex(e)

    def _Str(self, e: Str) -> str:
        return self._label(e)

    def _fallback(self, e: sp.Basic) -> str:
        if isinstance(e, AppliedUndef):  # g(x), not SymPy's g{\left(x \right)}
            return f"{self._name(e.func.__name__)}({', '.join(self.print(a) for a in e.args)})"
        return sp.latex(e)

    # -- names ----------------------------------------------------------------
    @staticmethod
    def _name(name: str) -> str:
        return _latex_name(name)

    def _label(self, outcome: sp.Basic) -> str:
        return self._name(outcome.name)


@lru_cache(maxsize=16384)
def _printed(notation: Notation, cls: type, e: sp.Basic) -> str:
    """``e`` printed, memoised: the documents of a derivation print the same subexpressions many times over
    (every step repeats most of the one before, and Markdown, LaTeX and the proof print each step).  The
    class is part of the key, so that equal numbers of different types (``2`` and ``2.0``) stay apart."""
    return _Printer(notation)._print(e)


@lru_cache(maxsize=1024)
def _latex_name(name: str) -> str:
    return sp.latex(sp.Symbol(name))


_AGGREGATES = (OutcomeSum, sp.Sum, sp.Integral)
_REL = {">": ">", "<": "<", ">=": r"\geq", "<=": r"\leq", "!=": r"\neq", "==": "="}
#: How a step's relation is written between two lines of a chain.
RELATION_TEX = {"=": "=", "<=": r"\leq", ">=": r"\geq", "<": "<", ">": ">", "iff": r"\iff", "implies": r"\implies"}


def _is_reciprocal(f: sp.Basic) -> bool:
    return isinstance(f, sp.Pow) and f.exp == -1


def _reciprocal_base(f: sp.Pow) -> sp.Basic:
    return f.base


def _has_function(e: sp.Basic) -> bool:
    return any(isinstance(a, (sp.Function, Measure, Prob, Group) + _AGGREGATES) for a in sp.preorder_traversal(e))


#: LaTeX's special characters in running text, each with what prints it.
_TEXT_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
                 "^": r"\^{}", "_": r"\_", "%": r"\%", "~": r"\~{}"}


def escape_text(text: str) -> str:
    """``text`` for LaTeX's running text: each special character replaced once (in one pass, so the braces of
    ``\textbackslash{}`` are not escaped again)."""
    return "".join(_TEXT_ESCAPES.get(char, char) for char in text)
