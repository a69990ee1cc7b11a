"""Assumptions against claims in documents (derive check on Markdown / LaTeX): a display that is not
introduced by "Let", "Suppose", "Assume", "where", front matter or --assume is a claim; an assumption
stated after the claim that needs it does not prove it."""

from . import C

R = {"x": "R"}
POS = {"x": "(0, oo)"}
SQ = ("sqrt(x**2)", "=", "x")
COINS = ["P(H) = p", "Q(H) = q"]
KL = "p*log(p/q) + (1 - p)*log((1 - p)/(1 - q))"
H = "-p*log(p) - (1 - p)*log(1 - p)"


def doc(id, truth, text, target, o, over, cx=None, why="", ext="md", **kw):
    lhs, rel, rhs = o
    extra = {"cx": cx} if cx else {}
    return C(id, "document", truth, "check", text=text, target=target, ext=ext, syms="x p q y",
             o_lhs=lhs, o_rel=rel, o_rhs=rhs, over=over, why=why, **extra, **kw)


SQRT = "$$\n\\sqrt{x^2} = x\n$$\n"

CASES = [
    doc("doc-display-gt-is-claim", "false", "$$\nx > 0\n$$\n\n" + SQRT, "\\sqrt{x^2}", SQ, R, {"x": "-1"},
        "a bare display x > 0 is a claim, not an assumption: x = -1"),
    doc("doc-display-gt-itself", "false", "# Notes\n\n$$\nx > 0\n$$\n", "x > 0", ("x", ">", "0"), R, {"x": "-1"},
        "x > 0 is claimed for a real x nothing constrains: x = -1"),
    doc("doc-display-interval-is-claim", "false", "$$\n0 < p < 1\n$$\n\n$$\n\\log p < 0\n$$\n", "\\log p < 0",
        ("log(p)", "<", "0"), {"p": "(0, oo)"}, {"p": "2"},
        "the display 0 < p < 1 is a claim; p = 2 gives log 2 > 0"),
    doc("doc-display-value-is-claim", "false", "$$\np = \\frac{1}{2}\n$$\n\n$$\np (1 - p) = \\frac{1}{4}\n$$\n",
        "p (1 - p)", ("p*(1 - p)", "=", "Rational(1, 4)"), {"p": "R"}, {"p": "0"},
        "p = 1/2 displayed without Let is a claim; p = 0 gives 0"),
    doc("doc-display-x-equals-two", "false", "We compute.\n\n$$\nx = 2\n$$\n\n$$\nx^2 = 4\n$$\n", "x^2 = 4",
        ("x**2", "=", "4"), R, {"x": "0"}, "x = 2 is a claim, not a definition of x; x = 0"),
    doc("doc-assumption-after-claim", "false", SQRT + "\nAssume $x > 0$.\n", "\\sqrt{x^2}", SQ, R, {"x": "-1"},
        "the assumption comes after the claim that needs it"),
    doc("doc-assumption-after-claim-display", "false", SQRT + "\nAssume\n\n$$\nx > 0.\n$$\n", "\\sqrt{x^2}", SQ, R,
        {"x": "-1"}, "the assumption comes after the claim"),
    doc("doc-let-before-claim", "true", "Let $x > 0$.\n\n" + SQRT, "\\sqrt{x^2}", SQ, POS),
    doc("doc-suppose-before-claim", "true", "Suppose $x > 0$.\n\n" + SQRT, "\\sqrt{x^2}", SQ, POS),
    doc("doc-assume-display-before-claim", "true", "Assume\n\n$$\nx > 0.\n$$\n\n" + SQRT, "\\sqrt{x^2}", SQ, POS),
    doc("doc-where-after-display", "true", "$$\n\\sqrt{x^2} = x,\n$$\nwhere $x > 0$.\n", "\\sqrt{x^2}", SQ, POS),
    doc("doc-front-matter-assume", "true", '---\nderive:\n  assume: ["x > 0"]\n---\n\n' + SQRT, "\\sqrt{x^2}", SQ,
        POS),
    doc("doc-cli-assume", "true", SQRT, "\\sqrt{x^2}", SQ, POS, assume=["x > 0"]),
    doc("doc-no-assumption", "false", "Note.\n\n" + SQRT, "\\sqrt{x^2}", SQ, R, {"x": "-3"}, "x = -3: 3 != -3"),
    doc("doc-inline-no-assumption", "false", "Clearly $\\sqrt{x^2} = x$ for the record.\n", "\\sqrt{x^2}", SQ, R,
        {"x": "-1"}, "x = -1"),
    doc("doc-inline-factor", "true", "We have $x^2 - 1 = (x - 1)(x + 1)$.\n", "x^2 - 1",
        ("x**2 - 1", "=", "(x - 1)*(x + 1)"), R),
    doc("doc-claim-gt-then-abs", "false", "$$\nx \\geq 0\n$$\n\n$$\n|x| = x\n$$\n", "|x| = x",
        ("Abs(x)", "=", "x"), R, {"x": "-1"}, "x >= 0 displayed is a claim; x = -1"),
    doc("doc-if-inline-then-abs", "true", "If $x > 0$ then\n\n$$\n|x| = x\n$$\n", "|x| = x", ("Abs(x)", "=", "x"),
        POS),
    doc("doc-let-value", "true", "Let $p = \\frac{1}{2}$.\n\n$$\np (1 - p) = \\frac{1}{4}\n$$\n", "p (1 - p)",
        ("p*(1 - p)", "=", "Rational(1, 4)"), {"p": "[1/2, 1/2]"}),
    doc("doc-suppose-value", "true", "Suppose $p = \\frac{1}{2}$. Then\n\n$$\np (1 - p) = \\frac{1}{4}\n$$\n",
        "p (1 - p)", ("p*(1 - p)", "=", "Rational(1, 4)"), {"p": "[1/2, 1/2]"}),
    doc("doc-chain-second-link-wrong", "false", "$$\n(x + 1)^2 = x^2 + 2x + 1 = x^2 + 1\n$$\n", "(x + 1)^2",
        ("x**2 + 2*x + 1", "=", "x**2 + 1"), R, {"x": "1"}, "the second link drops 2x: x = 1 gives 4 != 2"),
    doc("doc-align-second-row-wrong", "false",
        "\\begin{align}\n(a + b)^2 &= a^2 + 2ab + b^2 \\\\\n&= a^2 + b^2\n\\end{align}\n", "&= a^2 + b^2",
        ("(y + 1)**2", "=", "y**2 + 1"), {"y": "R"}, {"y": "1"}, "(a + b)^2 = a^2 + b^2 fails at a = b = 1"),
    doc("doc-square-positive", "false", "For real $x$:\n\n$$\nx^2 > 0\n$$\n", "x^2 > 0", ("x**2", ">", "0"), R,
        {"x": "0"}, "x = 0"),
    doc("doc-square-nonneg", "true", "For real $x$:\n\n$$\nx^2 \\geq 0\n$$\n", "x^2 \\geq 0", ("x**2", ">=", "0"), R),
    doc("doc-coin-entropy-le-log2", "true", "$$\nH(P) \\le \\log 2\n$$\n", "H(P)", (H, "<=", "log(2)"),
        {"p": "(0, 1)"}, define=COINS),
    doc("doc-coin-entropy-lt-log2", "false", "$$\nH(P) < \\log 2\n$$\n", "H(P)", (H, "<", "log(2)"),
        {"p": "(0, 1)"}, {"p": "1/2"}, "p = 1/2: H(P) = log 2", define=COINS),
    doc("doc-coin-kl-zero", "false", "$$\nKL(P \\| Q) = 0\n$$\n", "KL(P", (KL, "=", "0"),
        {"p": "(0, 1)", "q": "(0, 1)"}, {"p": "1/2", "q": "1/4"}, "p != q: KL > 0", define=COINS),
    doc("doc-coin-kl-nonneg", "true", "$$\nKL(P \\| Q) \\geq 0\n$$\n", "KL(P", (KL, ">=", "0"),
        {"p": "(0, 1)", "q": "(0, 1)"}, define=COINS),
    doc("doc-coin-kl-zero-when-equal", "true", "Suppose $q = p$.\n\n$$\nKL(P \\| Q) = 0\n$$\n", "KL(P",
        ("p*log(p/p) + (1 - p)*log((1 - p)/(1 - p))", "=", "0"), {"p": "(0, 1)"}, define=COINS),
    doc("doc-coin-kl-zero-supposition-later", "false", "$$\nKL(P \\| Q) = 0\n$$\n\nSuppose $q = p$.\n", "KL(P",
        (KL, "=", "0"), {"p": "(0, 1)", "q": "(0, 1)"}, {"p": "1/2", "q": "1/4"},
        "the supposition comes after the claim", define=COINS),
    doc("doc-tex-equation-no-assumption", "false",
        "\\documentclass{article}\n\\begin{document}\n\\begin{equation}\n\\sqrt{x^2} = x\n\\end{equation}\n"
        "\\end{document}\n", "\\sqrt{x^2}", SQ, R, {"x": "-1"}, "x = -1", ext="tex"),
    doc("doc-tex-align-claim-then-use", "false",
        "\\documentclass{article}\n\\begin{document}\n\\begin{align*}\nx &> 0\n\\end{align*}\n"
        "\\begin{equation}\n|x| = x\n\\end{equation}\n\\end{document}\n", "|x| = x", ("Abs(x)", "=", "x"), R,
        {"x": "-1"}, "x > 0 inside align* is a claim; x = -1", ext="tex"),
    doc("doc-tex-let-inline", "true",
        "\\documentclass{article}\n\\begin{document}\nLet $x > 0$.\n\\begin{equation}\n|x| = x\n\\end{equation}\n"
        "\\end{document}\n", "|x| = x", ("Abs(x)", "=", "x"), POS, ext="tex"),
    doc("doc-derivative-leibniz", "true", "$$\n\\frac{d}{dx} x^2 = 2x\n$$\n", "\\frac{d}{dx}",
        ("Derivative(x**2, x)", "=", "2*x"), R),
    doc("doc-derivative-leibniz-wrong", "false", "$$\n\\frac{d}{dx} x^2 = x\n$$\n", "\\frac{d}{dx}",
        ("Derivative(x**2, x)", "=", "x"), R, {"x": "1"}, "d/dx x^2 = 2x, not x"),
    doc("doc-log-square-no-assumption", "false", "$$\n\\log x^2 = 2 \\log x\n$$\n", "\\log x^2",
        ("log(x**2)", "=", "2*log(x)"), R, {"x": "-1"}, "x = -1: log 1 = 0, 2 log(-1) = 2 i pi"),
    doc("doc-suppose-nonneg-then-strict", "false", "Suppose $x \\geq 0$.\n\n$$\nx^2 + x > 0\n$$\n", "x^2 + x",
        ("x**2 + x", ">", "0"), {"x": "[0, oo)"}, {"x": "0"}, "x = 0: 0 > 0 fails"),
    doc("doc-front-matter-closed-strict", "false", '---\nderive:\n  assume: ["0 <= p <= 1"]\n---\n\n'
        "$$\np^2 < p\n$$\n", "p^2 < p", ("p**2", "<", "p"), {"p": "[0, 1]"}, {"p": "0"}, "p = 0: 0 < 0 fails"),
]
