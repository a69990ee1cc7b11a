"""derive.render.printer: terms and factors in stored order, derive's own notation, Notation options, escaped text."""

from __future__ import annotations

import pytest
import sympy as sp

from derive import Bernoulli
from derive.core import RELATIONS
from derive.core.constraints import EveryIndex
from derive.core.functions import Log, Sigmoid
from derive.core.group import Group
from derive.core.system import System
from derive.core.terms import add, mul, neg, quotient, sub
from derive.distributions.base import OutcomeSum
from derive.distributions.measures import KL, CrossEntropy, Entropy, Prob
from derive.render.printer import DEFAULT, RELATION_TEX, Notation, escape_text, latex_terms, to_latex

p, q, x, y, z, i, j, n = sp.symbols("p q x y z i j n")
P, Q = Bernoulli(p), Bernoulli(q, name="Q")
H, T = P.outcomes
a = sp.IndexedBase("a")
LN = Notation(log=r"\ln")


def unevaluated_log(e: sp.Basic) -> sp.Basic:
    return sp.log(e, evaluate=False)


#: (id, expression, its LaTeX with the default notation).
PRINTED = [
    # stored order: SymPy would print p + q, x y and 1 + x + y
    ("sum-in-stored-order", add(q, p), "q + p"),
    ("constant-last", add(y, x, 1), "y + x + 1"),
    ("product-in-stored-order", mul(y, x), "y x"),
    ("difference", sub(p, q), "p - q"),
    ("leading-minus", add(neg(p), q), "-p + q"),
    ("negative-coefficient", mul(-2, p, q), "-2 p q"),
    ("negative-factor-kept-in-place", sp.Mul(x, sp.Integer(-3), evaluate=False), "x (-3)"),
    ("negative-fraction-factor", sp.Mul(x, sp.Rational(-1, 3), evaluate=False), r"x (-\frac{1}{3})"),
    ("negated-sum", neg(add(p, q)), "-(p + q)"),
    ("minus-a-sum", add(p, neg(add(q, 1))), "p - (q + 1)"),
    ("minus-a-sum-with-a-function", add(p, neg(add(q, unevaluated_log(p)))), r"p - \left[q + \log(p)\right]"),
    ("sum-as-factor", mul(p, add(q, 1)), "p (q + 1)"),
    ("sum-over-range-as-factor", mul(p, sp.Sum(x, (x, 1, n))), r"p \left[\sum_{x=1}^{n} x\right]"),
    ("negated-sum-over-range", neg(sp.Sum(x, (x, 1, n))), r"-\left[\sum_{x=1}^{n} x\right]"),
    # quotients, powers, numbers
    ("quotient", quotient(p, q), r"\frac{p}{q}"),
    ("reciprocal", sp.Pow(p, -1, evaluate=False), r"\frac{1}{p}"),
    ("number-over-symbol", mul(2, sp.Pow(x, -1, evaluate=False)), r"\frac{2}{x}"),
    ("over-a-sum", mul(x, sp.Pow(add(y, 1), -1, evaluate=False)), r"\frac{x}{y + 1}"),
    ("square-root", sp.sqrt(p), r"\sqrt{p}"),
    ("power-of-a-sum", sp.Pow(add(p, q), 2, evaluate=False), r"\left(p + q\right)^{2}"),
    ("power-of-a-fraction", sp.Pow(sp.Rational(1, 2), x, evaluate=False), r"\left(\frac{1}{2}\right)^{x}"),
    ("power-of-a-negative", sp.Pow(sp.Integer(-2), x, evaluate=False), r"\left(-2\right)^{x}"),
    ("half", sp.Rational(1, 2), r"\frac{1}{2}"),
    ("negative-fraction", sp.Rational(-3, 4), r"-\frac{3}{4}"),
    ("integer", sp.Integer(2), "2"),
    ("float-apart-from-integer", sp.Float(2.0), "2.0"),
    ("infinity", sp.oo, r"\infty"),
    ("minus-infinity", -sp.oo, r"-\infty"),
    # functions
    ("log", unevaluated_log(p), r"\log(p)"),
    ("log-of-a-fraction", unevaluated_log(quotient(p, q)), r"\log\left(\frac{p}{q}\right)"),
    ("log-times", mul(p, unevaluated_log(q)), r"p \log(q)"),
    ("log-base-2", Log(x, 2), r"\log_{2}(x)"),
    ("log-base-2-of-a-fraction", Log(quotient(x, y), 2), r"\log_{2}\left(\frac{x}{y}\right)"),
    ("exp", sp.exp(add(x, y), evaluate=False), "e^{x + y}"),
    ("sigmoid", Sigmoid(z), r"\sigma(z)"),
    ("kronecker", sp.KroneckerDelta(i, j), r"\delta_{i j}"),
    ("derivative", sp.Derivative(unevaluated_log(q), q), r"\frac{\partial}{\partial q} \log(q)"),
    ("derivative-of-a-product", sp.Derivative(mul(p, q), q), r"\frac{\partial}{\partial q} \left(p q\right)"),
    ("second-derivative", sp.Derivative(q**3, (q, 2)), r"\frac{\partial^{2}}{\partial q^{2}} q^{3}"),
    ("fallback-to-sympy", sp.sin(x), sp.latex(sp.sin(x))),
    ("digamma", sp.polygamma(0, x), r"\psi\left(x\right)"),
    ("trigamma", sp.polygamma(1, x), r"\psi^{(1)}\left(x\right)"),
    ("bessel-i", sp.besseli(0, x), r"I_{0}\left(x\right)"),
    ("bessel-i-of-order-nu", sp.besseli(sp.Symbol("nu"), mul(2, x)), r"I_{\nu}\left(2 x\right)"),
    ("undefined-function", sp.Function("g")(x, y), "g(x, y)"),
    # derive's notation
    ("probability", Prob(P, H), "P(H)"),
    ("entropy", Entropy(P), "H(P)"),
    ("entropy-in-bits-looks-the-same", Entropy(P, base=2), "H(P)"),
    ("cross-entropy", CrossEntropy(P, Q), "H(P, Q)"),
    ("kl", KL(P, Q), r"\mathrm{KL}(P \Vert Q)"),
    ("outcome-sum", OutcomeSum(mul(Prob(P, i), unevaluated_log(Prob(P, i))), i, P.outcomes),
     r"\sum_{i \in \{H, T\}} P(i) \log(P(i))"),
    ("outcome-sum-of-a-sum", OutcomeSum(add(Prob(P, i), p), i, P.outcomes),
     r"\sum_{i \in \{H, T\}} \left(P(i) + p\right)"),
    ("log-of-an-outcome-sum", unevaluated_log(OutcomeSum(Prob(P, i), i, P.outcomes)),
     r"\log\left(\sum_{i \in \{H, T\}} P(i)\right)"),
    ("sum-over-range", sp.Sum(x**2, (x, 1, n)), r"\sum_{x=1}^{n} x^{2}"),
    ("integral-of-a-sum", sp.Integral(add(x, 1), (x, -sp.oo, sp.oo)),
     r"\int_{-\infty}^{\infty} \left[x + 1\right] \, dx"),
    ("indexed", a[i], "a_{i}"),
    ("doubly-indexed", a[i, j], "a_{i, j}"),
    ("every-index", EveryIndex(j, n), r"\forall j \in \{1, \ldots, n\}"),
    # relations
    ("equation", sp.Eq(p, q, evaluate=False), "p = q"),
    ("at-most", sp.Le(p, 1, evaluate=False), r"p \leq 1"),
    ("at-least", sp.Ge(p, q, evaluate=False), r"p \geq q"),
    ("unequal", sp.Ne(p, q), r"p \neq q"),
    ("strict", sp.Lt(x, y), "x < y"),
    ("interval-chained", sp.And(sp.Lt(0, p), sp.Lt(p, 1)), "0 < p < 1"),
    ("interval-chained-whatever-the-order", sp.And(sp.Lt(x, 1), sp.Lt(0, x)), "0 < x < 1"),
    ("system-in-stored-order", System(sp.Eq(y, 2, evaluate=False), sp.Eq(x, 1, evaluate=False)),
     r"\begin{cases} y = 2 \\ x = 1 \end{cases}"),
]


@pytest.mark.parametrize(("expr", "latex"), [row[1:] for row in PRINTED], ids=[row[0] for row in PRINTED])
def test_to_latex(expr: sp.Basic, latex: str) -> None:
    assert to_latex(expr) == latex


def test_stored_order_is_not_sympys() -> None:
    assert sp.latex(add(q, p)) == "p + q" and to_latex(add(q, p)) == "q + p"
    assert to_latex(add(q, p)) != to_latex(add(p, q))


#: (id, expression, notation, its LaTeX).
NOTATIONS = [
    ("ln", unevaluated_log(p), LN, r"\ln(p)"),
    ("ln-inside-a-product", mul(p, unevaluated_log(q)), LN, r"p \ln(q)"),
    ("ln-of-a-fraction", unevaluated_log(quotient(p, q)), LN, r"\ln\left(\frac{p}{q}\right)"),
    ("ln-inside-a-derivative", sp.Derivative(unevaluated_log(q), q), LN, r"\frac{\partial}{\partial q} \ln(q)"),
    ("ln-leaves-base-2-alone", Log(x, 2), LN, r"\log_{2}(x)"),
    ("kl-separator", KL(P, Q), Notation(kl_separator="||"), r"\mathrm{KL}(P || Q)"),
    ("kl-separator-in-a-group", Group(add(p, q), KL(P, Q)), Notation(kl_separator="||"),
     r"\underbrace{\left[ p + q \right]}_{\text{KL divergence } \mathrm{KL}(P || Q)}"),
    ("default-is-log-and-vert", add(unevaluated_log(p), KL(P, Q)), Notation(), r"\log(p) + \mathrm{KL}(P \Vert Q)"),
]


@pytest.mark.parametrize(("expr", "notation", "latex"), [row[1:] for row in NOTATIONS],
                         ids=[row[0] for row in NOTATIONS])
def test_notation(expr: sp.Basic, notation: Notation, latex: str) -> None:
    assert to_latex(expr, notation) == latex


def test_default_notation() -> None:
    assert DEFAULT == Notation() and (DEFAULT.log, DEFAULT.kl_separator) == (r"\log", r"\Vert")


def test_printing_with_one_notation_does_not_change_another() -> None:
    """Printed forms are memoised; the notation is part of what is remembered."""
    expr = mul(p, unevaluated_log(q))
    assert [to_latex(expr), to_latex(expr, LN), to_latex(expr)] == [r"p \log(q)", r"p \ln(q)", r"p \log(q)"]


#: (id, group, its LaTeX): the content in brackets, the label under the brace.
GROUPS = [
    ("named", Group(add(p, q), "Term 1"), r"\underbrace{\left[ p + q \right]}_{\text{Term 1}}"),
    ("name-escaped", Group(add(p, q), "a_b & 50%"), r"\underbrace{\left[ p + q \right]}_{\text{a\_b \& 50\%}}"),
    ("a-measure", Group(add(p, q), KL(P, Q)),
     r"\underbrace{\left[ p + q \right]}_{\text{KL divergence } \mathrm{KL}(P \Vert Q)}"),
    ("cross-entropy", Group(neg(mul(p, unevaluated_log(q))), CrossEntropy(P, Q)),
     r"\underbrace{\left[ -p \log(q) \right]}_{\text{Cross-entropy } H(P, Q)}"),
    ("groups-in-stored-order", add(Group(q, "B"), Group(p, "A")),
     r"\underbrace{\left[ q \right]}_{\text{B}} + \underbrace{\left[ p \right]}_{\text{A}}"),
    ("minus-a-group-needs-no-more-brackets", add(p, neg(Group(add(p, q), "G"))),
     r"p - \underbrace{\left[ p + q \right]}_{\text{G}}"),
]


@pytest.mark.parametrize(("group", "latex"), [row[1:] for row in GROUPS], ids=[row[0] for row in GROUPS])
def test_group(group: sp.Basic, latex: str) -> None:
    assert to_latex(group) == latex


#: (id, expression, notation, its summands as LaTeX): each after the first carries its sign.
TERMS = [
    ("not-a-sum", mul(p, q), DEFAULT, ["p q"]),
    ("symbol", p, DEFAULT, ["p"]),
    ("signs", add(p, neg(q), mul(-2, x)), DEFAULT, ["p", "- q", "- 2 x"]),
    ("leading-minus", add(neg(p), q), DEFAULT, ["-p", "+ q"]),
    ("stored-order", add(y, x, 1), DEFAULT, ["y", "+ x", "+ 1"]),
    ("minus-a-sum", add(p, neg(add(q, 1))), DEFAULT, ["p", "- (q + 1)"]),
    ("minus-an-outcome-sum", add(p, neg(OutcomeSum(Prob(P, i), i, P.outcomes))), DEFAULT,
     ["p", r"- \left[\sum_{i \in \{H, T\}} P(i)\right]"]),
    ("ln", add(unevaluated_log(p), neg(unevaluated_log(q))), LN, [r"\ln(p)", r"- \ln(q)"]),
]


@pytest.mark.parametrize(("expr", "notation", "terms"), [row[1:] for row in TERMS], ids=[row[0] for row in TERMS])
def test_latex_terms(expr: sp.Basic, notation: Notation, terms: list[str]) -> None:
    assert latex_terms(expr, notation) == terms
    assert " ".join(terms) == to_latex(expr, notation)  # the terms put back together are the whole sum


#: (text, escaped): every character LaTeX treats specially in text is escaped, nothing else is touched.
ESCAPED = [
    ("plain words, 1 < 2.", "plain words, 1 < 2."),
    ("a_b", r"a\_b"),
    ("Sums & logs", r"Sums \& logs"),
    ("50%", r"50\%"),
    ("$5", r"\$5"),
    ("#1", r"\#1"),
    ("x^2", r"x\^{}2"),
    ("a~b", r"a\~{}b"),
    ("{x}", r"\{x\}"),
    ("P(H) = p", "P(H) = p"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "escaped"), ESCAPED, ids=[repr(t) for t, _ in ESCAPED])
def test_escape_text(text: str, escaped: str) -> None:
    assert escape_text(text) == escaped


def test_escape_text_backslash() -> None:
    assert escape_text("a\\b") == r"a\textbackslash{}b"


def test_relation_tex_covers_every_relation() -> None:
    assert set(RELATION_TEX) == set(RELATIONS)
    assert [RELATION_TEX[r] for r in RELATIONS] == ["=", r"\leq", r"\geq", "<", ">", r"\iff", r"\implies"]
