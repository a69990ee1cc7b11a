"""LaTeX in: every notation form, the errors, derive's own printed derivation, and the article."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp
from sympy.core.symbol import Str

from derive import KL, Bernoulli, CrossEntropy, DeriveError, Entropy, Exponential, Normal, Poisson, Prob, Status
from derive.derivations import kl_cross_entropy
from derive.distributions.indexed import SymbolicCategorical
from derive.distributions.parametric import Parametric
from derive.functions import Log
from derive.group import Group
from derive.measures import OutcomeSum
from derive.parse import ParseError, parse_latex
from derive.render.printer import to_latex
from derive.semantics import denote, plain
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
    (r"p(x)", p * x),
    # a letter before "(" is a factor, never a call: the exponent binds to what it follows
    (r"a x^{2}", a * x**2),
    (r"2 a\,b^{2} x", 2 * a * b**2 * x),
    (r"p(x)^{2}", p * x**2),
    (r"(p(x))^{2}", (p * x) ** 2),
    (r"q P(H)^{2}", q * prob(P, H) ** 2),
    (r"a x_{1}^{2}", a * sp.Symbol("x_1") ** 2),
    (r"\alpha (x)^{2}", sp.Symbol("alpha") * x**2),
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
    (r"KL(P, Q)", "KL needs two distribution names"),
    (r"P(x)", "'x' at offset 2 is not an outcome of P"),
    (r"P(i)", "not an outcome of P (H, T) nor a summation index"),
    (r"\sum_{i \in \{H, X\}} P(i)", "unknown outcome 'X'"),
    (r"\sum_{i \in \{H, T\}}", "has no body"),
    (r"\text{Cross-Entropy}(P, Q)", r"text '\text{Cross-Entropy}' at offset 0 is prose"),
    (r"x + \text{KL}", "is prose"),
    (r"\Vert", r"only understood in KL(P \Vert Q)"),
    (r"\{H\}", "only understood in"),
    (r"\underbrace x", "must be followed by"),
    (r"x +", "at the end of the input"),
    (r"x $", "unexpected character '$' at offset 2"),
    (r"__import__('os')", "unexpected character"),
    ("\\", "lone backslash"),
    (r"a = b = c", "not an expression or an equation"),
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


# -- derive's own output, printed and read back -------------------------------------------
def _printed_steps(dists: tuple, family: str, units: str = "nats") -> list[tuple[str, tuple, sp.Basic, str]]:
    derivation = kl_cross_entropy(*dists, units=units)
    out = []
    for section in derivation.sections:
        for chain in section.chains:
            for k, step in enumerate(chain.steps):
                out += [(f"{family}-{section.title[:2]}{step.rule}-{k}-{side}", dists, expr, units)
                        for side, expr in (("before", step.before), ("after", step.after))]
    return out


def _shipped() -> list[tuple[str, tuple, sp.Basic, str]]:
    """Every step of every derivation ``derive article --dist NAME`` ships, in nats and in bits."""
    from derive.api import DISTS as SHIPPED, Options

    out = []
    for name, make in SHIPPED.items():
        for units in ("nats", "bits"):
            out += _printed_steps(make(Options()), f"{name}-{units}", units)
    return out


STEPS = _shipped()


@pytest.mark.parametrize(("label", "dists", "original", "units"), STEPS, ids=[s[0] for s in STEPS])
def test_round_trip(label: str, dists: tuple, original: sp.Basic, units: str) -> None:
    parsed = parse_latex(to_latex(original), dists, units)
    # An underbrace's label is not read back; \log_{2} reads as log/log(2); \frac{b}{a} stores b/a whatever
    # order the printer's factors had (the families' steps have such quotients).
    if not original.has(Group, Log) and not isinstance(dists[0], Parametric):
        assert parsed == original
    if isinstance(original, sp.Equality):
        assert isinstance(parsed, sp.Equality)
        pairs = [(parsed.lhs, original.lhs), (parsed.rhs, original.rhs)]
    else:
        pairs = [(parsed, original)]
    domain = dists[0].domain.merge(dists[1].domain)
    for got, want in pairs:
        assert check_equal(got, want, domain).status is Status.PROVED
        assert sp.expand(denote(got)) == sp.expand(denote(want))


# -- the founding article -------------------------------------------------------------------
ARTICLE = Path(__file__).resolve().parents[2].parent / "shared" / "article.md"
DISPLAYS = ([m.strip() for m in re.findall(r"\$\$(.*?)\$\$", ARTICLE.read_text(encoding="utf-8"), flags=re.S)]
            if ARTICLE.exists() else [])
PROSE = (r"\text{Cross-Entropy}", r"\text{Minimizing")


def _is_prose(display: str) -> bool:
    return any(display.startswith(marker) for marker in PROSE)


@pytest.mark.parametrize("display", DISPLAYS or [pytest.param("", marks=pytest.mark.skip(
    reason=f"the article is not at {ARTICLE}"))], ids=[d[:50] for d in DISPLAYS] or ["absent"])
def test_article_display(display: str) -> None:
    if _is_prose(display):
        with pytest.raises(ParseError, match="is prose"):
            parse_latex(display, DISTS)
        return
    parsed = parse_latex(display, DISTS)
    assert isinstance(parsed, sp.Equality)
    assert check_equal(parsed.lhs, parsed.rhs, DOMAIN).status is Status.PROVED


def test_article_has_two_prose_displays() -> None:
    if not DISPLAYS:
        pytest.skip(f"the article is not at {ARTICLE}")
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
    (r"\int x \, dx", "must be written \\int_{a}^{b} f \\, dx, with both limits"),
    (r"\int_{0} x \, dx", "with both limits"),
    (r"\mathrm{d}x", "a differential is only understood closing an integral"),
    (r"P(y)", "'y' at offset 2 is not P's variable x"),
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
    from derive.measures import UNITS

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
    moments = [f.lhs for f in P.moments]
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
