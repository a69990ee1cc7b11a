"""LaTeX in: every notation form, the errors, derive's own printed derivation, and the article."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import sympy as sp
from sympy.core.symbol import Str

from derive import KL, Bernoulli, CrossEntropy, DeriveError, Entropy, Exponential, Normal, Poisson, Prob, Status
from derive.core import Derivation
from derive.core.domain import Domain
from derive.core.functions import Log, Sigmoid
from derive.core.group import Group
from derive.derivations import kl_cross_entropy
from derive.distributions.indexed import SymbolicCategorical
from derive.distributions.measures import ANY_BASE, OutcomeSum
from derive.distributions.parametric import Parametric
from derive.parse import ParseError, parse_latex
from derive.parse.assumptions import read_assumption
from derive.parse.calculus import LAGRANGE
from tests.article_source import article_text, display_equations
from derive.core.system import System
from derive.distributions.semantics import denote, plain
from derive.render.printer import to_latex
from derive.verify import check_equal

p, q, x, y, a, b = sp.symbols("p q x y a b")
P = Bernoulli(p)
Q = Bernoulli(q, name="Q")
DISTS = (P, Q)
DOMAIN = P.domain.merge(Q.domain)
i, j = sp.Symbol("i"), sp.Symbol("j")
H, T = Str("H"), Str("T")
HT = (H, T)
log = sp.log


PN, QN = SymbolicCategorical(sp.Symbol("n"), name="P"), SymbolicCategorical(sp.Symbol("n"), name="Q")
K, N = PN.variable, PN.n  # the categorical-n index (an integer i >= 1) and its size n


def prob(d: Bernoulli, outcome: sp.Basic) -> Prob:
    return Prob(d, outcome)


def ce_summand(d1: Bernoulli, d2: Bernoulli) -> sp.Expr:
    return -prob(d1, i) * log(prob(d2, i))


GOOD = [
    # the logarithm is natural
    (r"\log(x)", log(x)),
    (r"\log\left(x\right)", log(x)),
    (r"\ln(x)", log(x)),
    (r"\log x", log(x)),
    (r"\log_2(x)", log(x) / log(2)),
    (r"\log_{10}\left(x\right)", log(x) / log(10)),
    # case is kept
    (r"P Q H T p q", sp.Mul(*sp.symbols("P Q H T p q"))),
    (r"P + p - Q - q", sp.Symbol("P") + p - sp.Symbol("Q") - q),
    # probabilities
    (r"P(H)", prob(P, H)),
    (r"Q(T)", prob(Q, T)),
    (r"P\left(T\right)", prob(P, T)),
    (r"1 - P(H)", 1 - prob(P, H)),
    (r"P(H)^{2}", prob(P, H) ** 2),
    (r"p P(H) (1 - q)", p * prob(P, H) * (1 - q)),
    # measures
    (r"H(P)", Entropy(P)),
    (r"H(P, Q)", CrossEntropy(P, Q)),
    (r"H(Q,P)", CrossEntropy(Q, P)),
    (r"KL(P \Vert Q)", KL(P, Q)),
    (r"KL(P || Q)", KL(P, Q)),
    (r"KL(P \| Q)", KL(P, Q)),
    (r"KL(Q \Vert P)", KL(Q, P)),
    (r"D_{KL}(P \Vert Q)", KL(P, Q)),
    (r"D_{\mathrm{KL}}(P \parallel Q)", KL(P, Q)),
    (r"KL\left(P \,\Vert\, Q\right)", KL(P, Q)),
    (r"H(P, Q) = KL(P \Vert Q) + H(P)", sp.Eq(CrossEntropy(P, Q), KL(P, Q) + Entropy(P), evaluate=False)),
    # grouping, underbraces, products
    (r"\underbrace{\left[ x + 1 \right]}_{\text{Term 1}} - 2", x - 1),
    (r"\underbrace{a}_{\text{Cross-entropy } H(P, Q)} \cdot b", a * b),
    (r"p [\log(p) - \log(q)]", p * (log(p) - log(q))),
    (r"p \left[\log(p) - \log(q)\right]", p * (log(p) - log(q))),
    (r"(1 - p) \left(x + y\right)", (1 - p) * (x + y)),
    (r"a \cdot b \times x", a * b * x),
    (r"p(x)", p * x),  # p is P's parameter: a number
    # a number before "(" is a factor, never a call: the exponent binds to what it follows
    (r"a x^{2}", a * x**2),
    (r"2 a\,b^{2} x", 2 * a * b**2 * x),
    (r"p(x)^{2}", p * x**2),
    (r"(p(x))^{2}", (p * x) ** 2),
    (r"q P(H)^{2}", q * prob(P, H) ** 2),
    (r"a x_{1}^{2}", a * sp.Symbol("x_1") ** 2),
    (r"\alpha (x)^{2}", sp.Function("alpha")(x) ** 2),  # alpha declares no number: a function applied
    (r"\log_b(x) + \log_{b} (x)", 2 * log(x) / log(b)),
    # sums over outcomes: the body is the signed product that follows
    (r"\sum_{i \in \{H, T\}} P(i) \log\left(\frac{P(i)}{Q(i)}\right)",
     OutcomeSum(prob(P, i) * log(prob(P, i) / prob(Q, i)), i, HT)),
    (r"\sum_{i \in \{H, T\}} -P(i) \log(Q(i))", OutcomeSum(ce_summand(P, Q), i, HT)),
    (r"\sum_{i \in \{H, T\}} -P(i) \log(Q(i)) + 1", OutcomeSum(ce_summand(P, Q), i, HT) + 1),
    (r"- \left[\sum_{i \in \{H, T\}} -P(i) \log(Q(i))\right] + \sum_{i \in \{H, T\}} -P(i) \log(P(i))",
     -OutcomeSum(ce_summand(P, Q), i, HT) + OutcomeSum(ce_summand(P, P), i, HT)),
    (r"\sum_{i \in \{H, T\}} \left(P(i) + Q(i)\right)", OutcomeSum(prob(P, i) + prob(Q, i), i, HT)),
    (r"\sum_{j \in \{H, T\}} P(j) P(H)", OutcomeSum(prob(P, j) * prob(P, H), j, HT)),
    (r"2 \sum_{i \in \{T\}} Q(i) = 1", sp.Eq(2 * OutcomeSum(prob(Q, i), i, (T,)), 1, evaluate=False)),
    (r"\sum_{k=1}^{n} k^{2} - 1", sp.Sum(sp.Symbol("k") ** 2, (sp.Symbol("k"), 1, sp.Symbol("n"))) - 1),
    # everything else, as latex2sympy2_extended reads it
    (r"\frac{a}{b}", a / b),
    (r"\dfrac{1 - p}{1 - q}", (1 - p) / (1 - q)),
    (r"x^{2} + x^2", 2 * x**2),
    (r"\sqrt{x}", sp.sqrt(x)),
    (r"\exp(x) + e^{y}", sp.exp(x) + sp.exp(y)),
    (r"\alpha + \beta + \pi", sp.Symbol("alpha") + sp.Symbol("beta") + sp.pi),
    (r"\gamma I", sp.Symbol("gamma") * sp.Symbol("I")),
    (r"x_1 + x_{10} + \alpha_{1}", sp.Symbol("x_1") + sp.Symbol("x_{10}") + sp.Symbol("alpha_1")),
    (r"2 \frac{1}{2}", sp.Integer(1)),
    (r"-\frac{3}{4} x", -sp.Rational(3, 4) * x),
    (r"a = b", sp.Eq(a, b, evaluate=False)),
]

#: With ``categorical-n`` distributions: their index, size and indexed probabilities.
INDEXED = [
    (r"\sum_{i=1}^{n} P(i) \log\left(\frac{P(i)}{Q(i)}\right)",
     sp.Sum(Prob(PN, K) * log(Prob(PN, K) / Prob(QN, K)), (K, 1, N))),
    (r"\sum_{i=1}^{n} -p_{i} \log(q_{i}) + p_{1}", sp.Sum(-PN.base[K] * log(QN.base[K]), (K, 1, N)) + PN.base[1]),
    (r"n", N),
]

BAD = [
    ("", "empty input"),
    ("   ", "empty input"),
    (r"{x", "unbalanced braces: '{' at offset 0 is never closed"),
    (r"x}", "unbalanced braces: '}' at offset 1"),
    (r"\frac{1}{2", "unbalanced braces: '{' at offset 8"),
    (r"(x]", "unbalanced brackets: '(' at offset 0 is closed by ']' at offset 2"),
    (r"\foo x", r"unknown command \foo at offset 0"),
    (r"x \propto y", r"unknown command \propto at offset 2"),
    (r"\mathrm{d} x", r"unknown command '\mathrm{d}'"),
    (r"H(R)", "unknown distribution name 'R' at offset 2"),
    (r"R(H)", "unknown distribution name 'R'"),
    (r"KL(P \Vert R)", "unknown distribution name 'R' at offset 11"),
    (r"H(P, Q, P)", "takes one or two distributions"),
    (r"KL(P, Q, P)", "KL needs two distribution names"),
    (r"P(x)", "'x' at offset 2 is not an outcome of P"),
    (r"P(i)", "not an outcome of P (H, T) nor a summation index"),
    (r"\sum_{i \in \{H, X\}} P(i)", "unknown outcome 'X'"),
    (r"\sum_{i \in \{H, T\}}", "has no body"),
    (r"\text{Cross-Entropy}(P, Q)", r"text '\text{Cross-Entropy}' at offset 0 is prose"),
    (r"x + \text{loss}", "is prose"),
    (r"\Vert", r"only understood in KL(P \Vert Q)"),
    (r"\{H\}", "only understood in"),
    (r"\underbrace x", "must be followed by"),
    (r"x +", "at the end of the input"),
    (r"x $", "unexpected character '$' at offset 2"),
    (r"__import__('os')", "a prime at offset 11 must follow a letter"),
    ("\\", "lone backslash"),
    (r"x, y", "not an expression or an equation"),
    ("- " * 9 + "x", "in a row"),
    ("(" * 101 + "x" + ")" * 101, "the parser takes at most 100"),
    ("(" * 201 + "x" + ")" * 201, "nested deeper than 200"),
    ("x" * 100_001, "longer than the limit of 100000"),
]


def same(parsed: sp.Basic, expected: sp.Basic) -> bool:
    """The same expression once SymPy has evaluated sums and products (notation kept)."""
    if isinstance(expected, sp.Equality):
        return isinstance(parsed, sp.Equality) and same(parsed.lhs, expected.lhs) and same(parsed.rhs, expected.rhs)
    return plain(parsed) == plain(expected)


@pytest.mark.parametrize(("tex", "expected"), GOOD, ids=[t for t, _ in GOOD])
def test_reads(tex: str, expected: sp.Basic) -> None:
    parsed = parse_latex(tex, DISTS)
    assert same(parsed, expected), f"{tex!r} read as {parsed!r}"


@pytest.mark.parametrize(("tex", "fragment"), BAD, ids=[t[:40] for t, _ in BAD])
def test_refuses(tex: str, fragment: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_latex(tex, DISTS)
    message = str(caught.value)
    assert fragment in message
    assert "\n" not in message


@pytest.mark.parametrize(("tex", "expected"), INDEXED, ids=[t for t, _ in INDEXED])
def test_reads_indexed_distributions(tex: str, expected: sp.Basic) -> None:
    assert same(parse_latex(tex, (PN, QN)), expected)


def test_parameters_keep_their_assumptions() -> None:
    r = sp.Symbol("r", positive=True)
    assert parse_latex("r + 1", (Bernoulli(r, name="R"),)).free_symbols == {r}


def test_equations_stay_unevaluated() -> None:
    parsed = parse_latex("x = x")
    assert isinstance(parsed, sp.Equality) and parsed.lhs == parsed.rhs == x


def test_without_distributions_the_notation_is_refused() -> None:
    with pytest.raises(ParseError, match="unknown distribution name 'P'"):
        parse_latex("H(P)")
    with pytest.raises(ParseError, match="unknown distribution name 'P'"):
        parse_latex("P(H)")


def test_parse_error_is_a_derive_error() -> None:
    assert issubclass(ParseError, DeriveError)
    with pytest.raises(ParseError, match="expected a LaTeX string"):
        parse_latex(b"x")  # type: ignore[arg-type]


def test_importing_derive_does_not_load_the_parser() -> None:
    code = "import sys, derive, derive.parse; print('latex2sympy2_extended' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert run.stdout.strip() == "False"


# -- the minimization topic's notation: derivatives, functions, systems, relations -----------
z, xp = sp.Symbol("z", real=True), sp.Symbol("x", positive=True)  # as the logistic and Gibbs derivations declare them
jn = sp.Symbol("j", integer=True, positive=True)
d = sp.Derivative


def eq(lhs: sp.Basic, rhs: sp.Basic) -> sp.Equality:
    return sp.Eq(lhs, rhs, evaluate=False)


#: (LaTeX, the symbols declared, what it reads as), with the coins P and Q.
CALCULUS = [
    (r"\frac{\partial}{\partial q} H(P, Q)", (), d(CrossEntropy(P, Q), q)),
    (r"\frac{\partial}{\partial q} KL(P \Vert Q) + \frac{\partial}{\partial q} H(P)", (),
     d(KL(P, Q), q) + d(Entropy(P), q)),
    (r"\frac{\partial^{2}}{\partial q^{2}} H(P, Q)", (), d(CrossEntropy(P, Q), (q, 2))),
    (r"\frac{\partial}{\partial q} \left(KL(P \Vert Q) + H(P)\right)", (), d(KL(P, Q) + Entropy(P), q)),
    (r"\frac{\partial}{\partial q} \sum_{i \in \{H, T\}} -P(i) \log(Q(i))", (),
     d(OutcomeSum(ce_summand(P, Q), i, HT), q)),
    (r"-p \frac{\partial}{\partial q} \log(q) - (1 - p) \frac{\partial}{\partial q} \log(1 - q)", (),
     -p * d(log(q), q) - (1 - p) * d(log(1 - q), q)),
    (r"-\frac{p \frac{\partial}{\partial q} q}{q}", (), -p * d(q, q) / q),
    (r"\frac{\partial}{\partial q} \left(\frac{1}{q}\right)", (), d(1 / q, q)),
    (r"\frac{\partial}{\partial q} \left(1 - q\right)^{2} r", (), d((1 - q) ** 2, q) * sp.Symbol("r")),
    (r"\frac{\partial}{\partial x} x + \frac{\partial}{\partial x} -1", (xp,), d(xp, xp) + d(sp.Integer(-1), xp)),
    (r"\left[\frac{\partial}{\partial x} -1 + 2\right]", (xp,), d(sp.Integer(-1), xp) + 2),
    (r"\frac{\partial}{\partial z} \sigma(z)", (z,), d(Sigmoid(z), z)),
    (r"\sigma(z) \left[1 - \sigma(z)\right]", (z,), Sigmoid(z) * (1 - Sigmoid(z))),
    (r"\log(1 + e^{-z})", (z,), log(1 + sp.exp(-z))),
    (r"\max\left(0, - z\right) + \log(1 + e^{-\left|{z}\right|})", (z,), sp.Max(0, -z) + log(1 + sp.exp(-sp.Abs(z)))),
    (r"\max\left(0, z\right) - p z", (z,), sp.Max(0, z) - p * z),
    (r"\lambda \frac{\partial}{\partial q} \left(q - 1\right)", (), LAGRANGE * d(q - 1, q)),
    (r"\delta_{i j}", (jn,), sp.KroneckerDelta(i, jn)),
    (r"1 - \frac{1}{x}", (xp,), 1 - 1 / xp),
    # statements: equations that hold together, bounds
    (r"\begin{cases} q = p \\ \lambda = 1 \end{cases}", (), System(eq(q, p), eq(LAGRANGE, 1))),
    (r"\begin{cases} \frac{\partial}{\partial q} H(P, Q) = 0 \\ q + p = 1 \\ \end{cases}", (),
     System(eq(d(CrossEntropy(P, Q), q), 0), eq(q + p, 1))),
    (r"KL(P \Vert Q) \geq 0", (), sp.Ge(KL(P, Q), 0, evaluate=False)),
    (r"\frac{p}{q^{2}} > 0", (), sp.Gt(p / q**2, 0, evaluate=False)),
    (r"q (1 - q) \neq 0", (), sp.Ne(q * (1 - q), 0, evaluate=False)),
    (r"x \leq 1", (xp,), sp.Le(xp, 1, evaluate=False)),
    (r"0 < p < 1", (), sp.And(sp.Lt(0, p, evaluate=False), sp.Lt(p, 1, evaluate=False), evaluate=False)),
]


def same_statement(parsed: sp.Basic, expected: sp.Basic) -> bool:
    """:func:`same`, looking inside systems and bounds."""
    if isinstance(expected, (System, sp.Rel, sp.And)) and not isinstance(expected, sp.Equality):
        return type(parsed) is type(expected) and len(parsed.args) == len(expected.args) and \
            all(same_statement(a, b) for a, b in zip(parsed.args, expected.args))
    return same(parsed, expected)


@pytest.mark.parametrize(("tex", "symbols", "expected"), CALCULUS, ids=[t for t, _, _ in CALCULUS])
def test_reads_calculus_and_statements(tex: str, symbols: tuple, expected: sp.Basic) -> None:
    parsed = parse_latex(tex, DISTS, symbols=symbols)
    assert same_statement(parsed, expected), f"{tex!r} read as {parsed!r}"


def test_declared_symbols_keep_their_assumptions() -> None:
    parsed = parse_latex(r"\frac{\partial}{\partial z} \sigma(z) + x + \lambda", symbols=(z, xp))
    assert parsed.free_symbols == {z, xp, LAGRANGE}
    assert parse_latex("z").free_symbols == {sp.Symbol("z")}  # undeclared, a plain symbol


def test_entries_and_deltas_of_categorical_n() -> None:
    tex = (r"\sum_{i=1}^{n} -\frac{p_{i} \delta_{i j}}{q_{i}} "
           r"+ \lambda \left[\sum_{i=1}^{n} \frac{\partial}{\partial q_{j}} q_{i}\right]")
    expected = (sp.Sum(-PN.base[K] * sp.KroneckerDelta(K, jn) / QN.base[K], (K, 1, N))
                + LAGRANGE * sp.Sum(d(QN.base[K], QN.base[jn]), (K, 1, N)))
    assert same(parse_latex(tex, (PN, QN), symbols=(jn,)), expected)


def test_any_base_reads_log_b_as_derives_log() -> None:
    tex = r"\sum_{i \in \{H, T\}} P(i) \log_{b}\left(\frac{P(i)}{Q(i)}\right) = KL(P \Vert Q)"
    parsed = parse_latex(tex, DISTS, "any")
    kl = KL(P, Q, ANY_BASE)
    assert parsed == eq(kl.definition(), kl) and {e.base for e in parsed.lhs.atoms(Log)} == {ANY_BASE}
    assert same(parse_latex(r"\log_{b}(x)"), log(x) / log(b))  # b is only the arbitrary base with units="any"


CALCULUS_BAD = [
    (r"\frac{\partial}{\partial q}", "has nothing to differentiate"),
    (r"\frac{\partial}{\partial q} = 1", "has nothing to differentiate"),
    (r"\frac{\partial^{2}}{\partial q} H(P)", "different orders above and below"),
    (r"\frac{\partial}{\partial 2} q", "is with respect to 2, not a symbol"),
    (r"\frac{\partial}{q + r} q", r"must be written \frac{\partial}{\partial x} f"),  # one name below, or none
    (r"\frac{\partial}{2 q} q", r"must be written \frac{\partial}{\partial x} f"),
    (r"\partial q", r"\partial at offset 0 is only understood in"),
    (r"\max x", r"\max at offset 0 must be followed by"),
    (r"\sigma(p, q)", "takes one argument"),
    (r"\begin{cases} q \\ p = 1 \end{cases}", "row 1 of the cases environment is not an equation"),
    (r"\begin{cases} q = 1 \end{cases}", "needs at least two equations"),
    (r"\begin{cases} q = 1 \\ H(R) = 0 \end{cases}", "row 2 of the cases environment: unknown distribution name 'R'"),
    (r"\begin{matrix} a \end{matrix}", r"only \begin{cases}"),
    (r"a < b < c < d", "more than two relations in a row"),
    (r"a = b \geq c", "in an inequality is not understood"),
]


@pytest.mark.parametrize(("tex", "fragment"), CALCULUS_BAD, ids=[t[:40] for t, _ in CALCULUS_BAD])
def test_refuses_calculus(tex: str, fragment: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_latex(tex, DISTS)
    assert fragment in str(caught.value) and "\n" not in str(caught.value)


ASSUMPTIONS = [
    (r"z \in \mathbb{R}", sp.Symbol("z", real=True), sp.Interval.open(-sp.oo, sp.oo), None),
    (r"x > 0", sp.Symbol("x", real=True), sp.Interval.open(0, sp.oo), None),
    (r"x \geq 0", sp.Symbol("x", real=True), sp.Interval(0, sp.oo), None),
    (r"x \ge 0", sp.Symbol("x", real=True), sp.Interval(0, sp.oo), None),
    (r"b > 1", ANY_BASE, sp.Interval.open(1, sp.oo), None),
    (r"y > -2", sp.Symbol("y", real=True), sp.Interval.open(-2, sp.oo), None),
    (r"y < 1", sp.Symbol("y", real=True), sp.Interval.open(-sp.oo, 1), None),
    (r"y \leq 1", sp.Symbol("y", real=True), sp.Interval(-sp.oo, 1), None),
    (r"0 < y < 1", sp.Symbol("y", real=True), sp.Interval.open(0, 1), None),
    (r"0 \leq y \leq 1", sp.Symbol("y", real=True), sp.Interval(0, 1), None),
    (r"0 < y \le 1", sp.Symbol("y", real=True), sp.Interval.Lopen(0, 1), None),
    (r"-1 \le y < 0.5", sp.Symbol("y", real=True), sp.Interval.Ropen(-1, sp.Rational(1, 2)), None),
    (r"\lambda > 0", LAGRANGE, sp.Interval.open(0, sp.oo), None),
    (r"1 \leq j \leq n", jn, None, "n"),
    (r"1 \le k_{1} \le m", sp.Symbol("k_1", integer=True, positive=True), None, "m"),
]


@pytest.mark.parametrize(("tex", "symbol", "interval", "size"), ASSUMPTIONS, ids=[a[0] for a in ASSUMPTIONS])
def test_reads_assumptions(tex: str, symbol: sp.Symbol, interval: sp.Interval | None, size: str | None) -> None:
    read = read_assumption(tex)
    assert (read.symbol, read.interval, read.size) == (symbol, interval, size)
    if interval is not None:  # a bound never makes a signed symbol: the interval carries the sign
        assert read.symbol.is_positive is None and read.symbol.is_nonnegative is None


@pytest.mark.parametrize("tex", [r"z \in \mathbb{C}", r"x > y", r"2 \leq j \leq n", r"x > 1 > 0",
                                 r"1 < x < 0", r"1 \leq x \leq 1", r"0 < x > 1", r"x \gt 0",
                                 r"__import__('os') > 0", "", r"x > 0" + " " * 300])
def test_refuses_other_assumptions(tex: str) -> None:
    with pytest.raises(ParseError):
        read_assumption(tex)


# -- derive's own output, printed and read back -------------------------------------------
def _printed_steps(dists: tuple, family: str, units: str = "nats") -> list[tuple[str, tuple, sp.Basic, str]]:
    derivation = kl_cross_entropy(*dists, units=units)
    out = []
    for section in derivation.sections:
        for chain in section.chains:
            for k, step in enumerate(chain.steps):
                out += [(f"{family}-{str(section.title)[:2]}{step.rule}-{k}-{side}", dists, expr, units)
                        for side, expr in (("before", step.before), ("after", step.after))]
    return out


@dataclass(frozen=True)
class Reading:
    """How a derivation's printed steps are read back: its distributions, units, assumed symbols and domain.

    ``exact``: the printed form reads back to the very tree derive built (the article's relation; the
    minimization steps hold quotients and unevaluated products that SymPy's parser rebuilds its own way).
    """

    dists: tuple
    units: str
    symbols: tuple = ()
    domain: Domain | None = None
    exact: bool = True


def _steps_of(derivation: Derivation, label: str, units: str, exact: bool) -> list[tuple[str, sp.Basic, Reading]]:
    """Every step's ``before`` and ``after``; the symbols come from the derivation's assumptions, as printed
    in its proof file and read by :func:`derive.parse.assumptions.read_assumption`."""
    symbols = tuple(read_assumption(to_latex(a)).symbol for a in derivation.assumptions)
    reading = Reading(derivation.distributions, units, symbols, derivation.domain, exact)
    out = []
    for section in derivation.sections:
        for c, chain in enumerate(section.chains):
            for k, step in enumerate(chain.steps):
                out += [(f"{label}-{str(section.title)[:2]}{c}-{step.rule}-{k}-{side}", expr, reading)
                        for side, expr in (("before", step.before), ("after", step.after))]
    return out


def _shipped() -> list[tuple[str, sp.Basic, Reading]]:
    """Every step of every derivation ``derive article`` ships: the relation for every ``--dist``, in nats
    and in bits; the minimization topic for every distribution it covers, in nats and in bits; and the
    relation in an arbitrary base (``--units any``)."""
    from derive.api import DISTS as SHIPPED
    from derive.api import MINIMIZATION_DISTS, Options, derivations

    out = []
    for name, make in SHIPPED.items():
        for units in ("nats", "bits"):
            out += _steps_of(kl_cross_entropy(*make(Options()), units=units), f"{name}-{units}", units, exact=True)
    for name in MINIMIZATION_DISTS:
        for units in ("nats", "bits"):
            for derivation in derivations("minimization", name, Options(units=units)):
                out += _steps_of(derivation, derivation.slug, units, exact=False)
    for name in ("coin", "categorical", "categorical-n"):
        for derivation in derivations("relation", name, Options(units="any")):
            out += _steps_of(derivation, derivation.slug, "any", exact=True)
    return out


STEPS = _shipped()


def _sides(parsed: sp.Basic, original: sp.Basic) -> list[tuple[sp.Basic, sp.Basic]]:
    """The pairs of expressions to prove equal: a statement (equation, system, bound) must be the same
    statement, side by side; an expression is its own pair."""
    if isinstance(original, System):
        assert isinstance(parsed, System) and len(parsed.args) == len(original.args)
        return [pair for got, want in zip(parsed.args, original.args) for pair in _sides(got, want)]
    if isinstance(original, sp.Rel):
        assert type(parsed) is type(original)
        return [(parsed.lhs, original.lhs), (parsed.rhs, original.rhs)]
    return [(parsed, original)]


@pytest.mark.parametrize(("label", "original", "reading"), STEPS, ids=[s[0] for s in STEPS])
def test_round_trip(label: str, original: sp.Basic, reading: Reading) -> None:
    dists = reading.dists
    parsed = parse_latex(to_latex(original), dists, reading.units, reading.symbols)
    # An underbrace's label is not read back; \log_{2} reads as log/log(2); \frac{b}{a} stores b/a whatever
    # order the printer's factors had (the families' steps have such quotients).
    if reading.exact and not original.has(Group) and not (reading.units == "bits" and original.has(Log)) \
            and not isinstance(dists[0], Parametric):
        assert parsed == original
    domain = reading.domain or dists[0].domain.merge(dists[1].domain)
    for got, want in _sides(parsed, original):
        assert check_equal(got, want, domain).status is Status.PROVED
        assert sp.expand(denote(got)) == sp.expand(denote(want))


# -- the founding article -------------------------------------------------------------------
DISPLAYS = display_equations(article_text())
PROSE = (r"\text{Cross-Entropy}", r"\text{Minimizing")


def _is_prose(display: str) -> bool:
    return any(display.startswith(marker) for marker in PROSE)


@pytest.mark.parametrize("display", DISPLAYS, ids=[d[:50] for d in DISPLAYS])
def test_article_display(display: str) -> None:
    if _is_prose(display):
        with pytest.raises(ParseError, match="is prose"):
            parse_latex(display, DISTS)
        return
    parsed = parse_latex(display, DISTS)
    assert isinstance(parsed, sp.Equality)
    assert check_equal(parsed.lhs, parsed.rhs, DOMAIN).status is Status.PROVED


def test_article_has_two_prose_displays() -> None:
    assert sum(_is_prose(d) for d in DISPLAYS) == 2
    assert len(DISPLAYS) > 2


# -- integrals, infinite sums and the densities of parametric families ---------------------
mu_1, mu_2 = sp.symbols("mu_1 mu_2", real=True)
sigma_1, sigma_2 = sp.symbols("sigma_1 sigma_2", positive=True)
lam_1, lam_2 = sp.symbols("lambda_1 lambda_2", positive=True)
r_1, r_2 = sp.symbols("r_1 r_2", positive=True)
NORMALS = (Normal(mu_1, sigma_1), Normal(mu_2, sigma_2, name="Q"))
EXPONENTIALS = (Exponential(lam_1), Exponential(lam_2, name="Q"))
POISSONS = (Poisson(r_1), Poisson(r_2, name="Q"))
FAMILIES = {"normal": NORMALS, "exponential": EXPONENTIALS, "poisson": POISSONS}
NP, NQ = NORMALS
XV, KV = NP.variable, POISSONS[0].variable  # x (real) and k (a nonnegative integer)
t_real, x_real, y_real = sp.symbols("t x y", real=True)  # integration variables no distribution owns
oo = sp.oo
WHOLE_LINE = (XV, -oo, oo)
normal_mass = sp.Integral(Prob(NP, XV), WHOLE_LINE)

FAMILY_GOOD = [
    # every way of writing the differential
    (r"\int_{-\infty}^{\infty} P(x) \, dx", NORMALS, normal_mass),
    (r"\int_{-\infty}^{\infty} P(x)\,dx", NORMALS, normal_mass),
    (r"\int_{-\infty}^{\infty} P(x) dx", NORMALS, normal_mass),
    (r"\int_{-\infty}^{\infty} P(x) \, d x", NORMALS, normal_mass),
    (r"\int_{-\infty}^{\infty} P(x) \mathrm{d}x", NORMALS, normal_mass),
    (r"\int_{-\infty}^{\infty} P(x) \, \mathrm{d} x", NORMALS, normal_mass),
    (r"\int^{\infty}_{-\infty} P(x) \, dx", NORMALS, normal_mass),
    (r"\int\limits_{-\infty}^{\infty} P(x) \, dx", NORMALS, normal_mass),
    (r"\int_{-\infty}^\infty P(x) \, dx", NORMALS, normal_mass),
    (r"\int_0^1 t \, dt", (), sp.Integral(t_real, (t_real, 0, 1))),
    (r"\int_{0}^{1} \, dx", (), sp.Integral(1, (x_real, 0, 1))),
    (r"P(y)", NORMALS, Prob(NORMALS[0], sp.Symbol("y"))),  # the density at another point, y
    # the body: a signed product or, up to the differential, a sum; the integral is one factor
    (r"\int_{-\infty}^{\infty} -P(x) \log(Q(x)) \, dx", NORMALS,
     sp.Integral(-Prob(NP, XV) * log(Prob(NQ, XV)), WHOLE_LINE)),
    (r"\int_{-\infty}^{\infty} P(x) \left[\log(P(x)) - \log(Q(x))\right] \, dx", NORMALS,
     sp.Integral(Prob(NP, XV) * (log(Prob(NP, XV)) - log(Prob(NQ, XV))), WHOLE_LINE)),
    (r"\int_{0}^{1} x + 1 \, dx", (), sp.Integral(x_real + 1, (x_real, 0, 1))),
    (r"\int_{0}^{1} x \, dx + 1", (), sp.Integral(x_real, (x_real, 0, 1)) + 1),
    (r"1 - \int_{0}^{1} x \, dx", (), 1 - sp.Integral(x_real, (x_real, 0, 1))),
    (r"\int_{-\infty}^{\infty} P(x) x \, dx - \int_{-\infty}^{\infty} Q(x) x \, dx", NORMALS,
     sp.Integral(Prob(NP, XV) * XV, WHOLE_LINE) - sp.Integral(Prob(NQ, XV) * XV, WHOLE_LINE)),
    (r"\frac{\int_{-\infty}^{\infty} P(x) x^{2} \, dx}{2 \sigma_{1}^{2}}", NORMALS,
     sp.Integral(Prob(NP, XV) * XV**2, WHOLE_LINE) / (2 * sigma_1**2)),
    (r"-\mu_{1} \left[\int_{-\infty}^{\infty} P(x) x \, dx\right]", NORMALS,
     -mu_1 * sp.Integral(Prob(NP, XV) * XV, WHOLE_LINE)),
    (r"\int_{\mu_{1}}^{\sigma_{2}} x \, dx", NORMALS, sp.Integral(XV, (XV, mu_1, sigma_2))),
    (r"\int_{0}^{1} \int_{0}^{1} x y \, dy \, dx", (),
     sp.Integral(sp.Integral(x_real * y_real, (y_real, 0, 1)), (x_real, 0, 1))),
    (r"\int_{0}^{1} \sum_{k=0}^{n} x^{k} + 1 \, dx", (),
     sp.Integral(sp.Sum(x_real ** sp.Symbol("k"), (sp.Symbol("k"), 0, sp.Symbol("n"))) + 1, (x_real, 0, 1))),
    (r"\sum_{k=0}^{n} \int_{0}^{1} x^{k} + k \, dx + 1", (),
     sp.Sum(sp.Integral(x_real ** sp.Symbol("k") + sp.Symbol("k"), (x_real, 0, 1)),
            (sp.Symbol("k"), 0, sp.Symbol("n"))) + 1),
    (r"\int_{0}^{\infty} P(x) \log(Q(x)) \, dx", EXPONENTIALS,
     sp.Integral(Prob(EXPONENTIALS[0], XV) * log(Prob(EXPONENTIALS[1], XV)), (XV, 0, oo))),
    # d is a letter outside differentials (the grammar alone reads "d x" as one symbol dx)
    (r"a d x", (), a * sp.Symbol("d") * x),
    (r"x^d y", (), x ** sp.Symbol("d") * y),
    (r"\int_{0}^{1} x^d y \, dy", (), sp.Integral(x ** sp.Symbol("d") * y_real, (y_real, 0, 1))),
    (r"\int_{0}^{1} a \, d \, dx", (), sp.Integral(a * sp.Symbol("d"), (x_real, 0, 1))),
    (r"\int_{0}^{1} \theta \, d\theta", (), sp.Integral(sp.Symbol("theta", real=True),
                                                         (sp.Symbol("theta", real=True), 0, 1))),
    # discrete families: k is the family's own integer variable
    (r"\sum_{k=0}^{\infty} P(k) \log(k!)", POISSONS,
     sp.Sum(Prob(POISSONS[0], KV) * log(sp.factorial(KV)), (KV, 0, oo))),
    (r"\sum_{k=0}^{\infty} -P(k) \log(Q(k)) + r_{2}", POISSONS,
     sp.Sum(-Prob(POISSONS[0], KV) * log(Prob(POISSONS[1], KV)), (KV, 0, oo)) + r_2),
    (r"P(0)", POISSONS, Prob(POISSONS[0], sp.Integer(0))),
    (r"P(k)", POISSONS, Prob(POISSONS[0], KV)),
    # a density at its own (free) variable; measures and parameters as for coins
    (r"\log(P(x))", NORMALS, log(Prob(NP, XV))),
    (r"H(P)", NORMALS, Entropy(NP)),
    (r"H(P, Q)", NORMALS, CrossEntropy(NP, NQ)),
    (r"KL(P \Vert Q)", NORMALS, KL(NP, NQ)),
    (r"D_{KL}(Q \| P)", EXPONENTIALS, KL(EXPONENTIALS[1], EXPONENTIALS[0])),
    (r"H(P, Q) = KL(P \Vert Q) + H(P)", POISSONS,
     sp.Eq(CrossEntropy(*POISSONS), KL(*POISSONS) + Entropy(POISSONS[0]), evaluate=False)),
    (r"\mu_{1} + \mu_2 - \sigma_{2}^{-2} + \lambda_{1}", NORMALS + (Exponential(lam_1, name="R"),),
     mu_1 + mu_2 - sigma_2**-2 + lam_1),
]

FAMILY_BAD = [
    (r"\int_{0}^{1} x", "the integral at offset 0 has no differential"),
    (r"\int_{0}^{1} x = 1 \, dx", "has no differential"),
    (r"\int_{0}^{1} x, dx", "has no differential"),
    (r"\left(\int_{0}^{1} x\right) dx", "the integral at offset 6 has no differential"),
    (r"\int^1 x \, dx", "must be written \\int_{a}^{b} f \\, dx, with both limits"),  # one limit
    (r"\int_{0} x \, dx", "with both limits"),
    (r"\mathrm{d}x", "a differential is only understood closing an integral"),
    (r"P(x_1)", "'x_1' at offset 2 is not P's variable x"),
    (r"P(H)", "'H' at offset 2 is not P's variable x"),
    (r"KL(P \Vert R)", "unknown distribution name 'R'"),
    ("".join(r"\int_{0}^{1} " for _ in range(9)) + "x" + "".join(r" \, dx" for _ in range(9)),
     "sums and integrals nested more than 8 deep"),
]


@pytest.mark.parametrize(("tex", "dists", "expected"), FAMILY_GOOD, ids=[t for t, _, _ in FAMILY_GOOD])
def test_reads_integrals_and_families(tex: str, dists: tuple, expected: sp.Basic) -> None:
    parsed = parse_latex(tex, dists)
    assert same(parsed, expected), f"{tex!r} read as {sp.srepr(parsed)}"


@pytest.mark.parametrize(("tex", "fragment"), FAMILY_BAD, ids=[t[:40] for t, _ in FAMILY_BAD])
def test_refuses_integrals(tex: str, fragment: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_latex(tex, NORMALS)
    assert fragment in str(caught.value)
    assert "\n" not in str(caught.value)


def test_mixed_families_are_refused() -> None:
    with pytest.raises(ParseError, match="different outcomes"):
        parse_latex(r"KL(P \Vert Q)", (NP, EXPONENTIALS[1]))


def test_family_parameters_keep_their_assumptions() -> None:
    sigma_P = sp.Symbol("sigma_P", positive=True)
    parsed = parse_latex(r"\mu_{1} \sigma_{P} + \int_{-\infty}^{\infty} P(x) \, dx", (Normal(mu_1, sigma_P),))
    assert parsed.free_symbols == {mu_1, sigma_P}
    assert parse_latex(r"\mu_{1}").free_symbols == {sp.Symbol("mu_1")}  # undeclared: a plain symbol


def test_the_bound_variable_is_the_familys_own() -> None:
    integral = parse_latex(r"\int_{-\infty}^{\infty} P(x) \log(P(x)) \, dx", NORMALS)
    assert integral.limits[0][0] is XV and XV.is_real
    assert parse_latex(r"\int_{0}^{1} x \, dx").limits[0][0].is_real  # no density declared: a real x
    total = parse_latex(r"\sum_{k=0}^{\infty} P(k)", POISSONS)
    assert total.limits[0][0] is KV and KV.is_integer and KV.is_nonnegative


def test_long_chains_of_integrals_stay_fast() -> None:
    """Many integrals side by side, and one body holding many: each differential is found once."""
    tex = " + ".join(r"\int_{0}^{1} x \, dx" for _ in range(200))
    assert plain(parse_latex(tex)) == 200 * sp.Integral(x_real, (x_real, 0, 1))
    body = " + ".join(["x"] * 2000)
    assert plain(parse_latex(rf"\int_{{0}}^{{1}} {body} \, dx")) == sp.Integral(2000 * x_real, (x_real, 0, 1))


def _by_hand(P: Parametric, Q: Parametric, units: str) -> list[sp.Basic]:
    """The expressions of the families' derivation, built without it: definitions, the split log, the density."""
    from derive.distributions.measures import UNITS

    base = UNITS[units]
    v = P.variable
    lo, hi = P.bounds
    over = (sp.Sum if P.discrete else sp.Integral)
    kl, ce, h = KL(P, Q, base), CrossEntropy(P, Q, base), Entropy(P, base)
    p, q = Prob(P, v), Prob(Q, v)
    split = over(sp.Mul(p, sp.Add(kl.log(p), -kl.log(q), evaluate=False), evaluate=False), (v, lo, hi))
    apart = sp.Add(over(sp.Mul(p, kl.log(p), evaluate=False), (v, lo, hi)),
                   over(sp.Mul(-1, p, kl.log(q), evaluate=False), (v, lo, hi)), evaluate=False)
    density = over(sp.Mul(p, sp.Add(P.log_pmf(v), -Q.log_pmf(v), evaluate=False), evaluate=False), (v, lo, hi))
    # a free constant (the c of E|X - c|) reads back as a symbol with no assumptions
    moments = [f.lhs.xreplace({s: sp.Symbol(s.name) for s in f.free}) for f in P.moments]
    return [kl.definition(), ce.definition(), h.definition(), split, apart, density, *moments,
            sp.Eq(ce, kl + h, evaluate=False)]


def _family_cases() -> list[tuple[str, tuple, sp.Basic, str]]:
    """The families' expressions printed by derive: every step of their derivation (in nats; building
    one takes a second) when ``kl_cross_entropy`` accepts them, and the hand-built ones always, in nats
    and in bits; each printed form once."""
    out, seen = [], set()
    for family, dists in FAMILIES.items():
        for units in ("nats", "bits"):
            cases = [(f"{family}-{units}-hand-{k}", dists, e, units) for k, e in enumerate(_by_hand(*dists, units))]
            try:
                cases += _printed_steps(dists, f"{family}-{units}", units) if units == "nats" else []
            except (DeriveError, TypeError, NotImplementedError):
                pass
            for case in cases:
                key = (family, units, to_latex(case[2]))
                if key not in seen:
                    seen.add(key)
                    out.append(case)
    return out


FAMILY_STEPS = _family_cases()


@pytest.mark.parametrize(("label", "dists", "original", "units"), FAMILY_STEPS, ids=[s[0] for s in FAMILY_STEPS])
def test_family_round_trip(label: str, dists: tuple, original: sp.Basic, units: str) -> None:
    parsed = parse_latex(to_latex(original), dists, units)
    if isinstance(original, sp.Equality):
        assert isinstance(parsed, sp.Equality)
        pairs = [(parsed.lhs, original.lhs), (parsed.rhs, original.rhs)]
    else:
        pairs = [(parsed, original)]
    domain = dists[0].domain.merge(dists[1].domain)
    for got, want in pairs:
        assert sp.expand(denote(got)) == sp.expand(denote(want))
        assert check_equal(got, want, domain).proved


@pytest.mark.parametrize("tex, name", [
    (r"x_{0.5}", "x_{1/2}"),  # a decimal derive reads exactly, inside a subscript: its value names the symbol
    (r"x_{.50}", "x_{1/2}"),
    (r"x_{0.7}", "x_{7/10}"),
    (r"x_{\hat i}", "x_{ihat}"),
])
def test_what_derive_reads_inside_a_subscript_names_the_symbol(tex: str, name: str):
    assert parse_latex(tex, DISTS) == sp.Symbol(name)


def test_two_subscripts_derive_reads_are_never_one_symbol():
    assert parse_latex(r"x_{0.5} - x_{0.7}", DISTS) != 0
    with pytest.raises(ParseError, match=r"cannot read derive's notation inside the name x_\{\.\.\.\}"):
        parse_latex(r"x_{\log 2}", DISTS)
