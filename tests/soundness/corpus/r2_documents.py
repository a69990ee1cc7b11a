"""Second batch: documents (derive check).  A wrong row in the middle of an align chain followed by a
row that is right against the first expression; TeX comments (% ...) inside Markdown math; a symbol
redefined mid-document; a condition whose sentence goes on to a general claim; two hypotheses in one
supposition; hypotheses written in ways the reader may not take as assumptions (or, x^2 > 0, -x < 0),
unrelated assumptions, and controls."""

from . import C

R = {"x": "R"}
POS = {"x": "(0, oo)"}
SQ = ("sqrt(x**2)", "=", "x")
COINS = {"p": "(0, 1)", "q": "(0, 1)"}
H = "(-p*log(p) - (1 - p)*log(1 - p))"
HPQ = "(-p*log(q) - (1 - p)*log(1 - q))"


def doc(id, truth, text, target, o, over, cx=None, why="", ext="md", syms="x y p q a", **kw):
    lhs, rel, rhs = o
    extra = {"cx": cx} if cx else {}
    return C(id, "document", truth, "check", text=text, target=target, ext=ext, syms=syms,
             o_lhs=lhs, o_rel=rel, o_rhs=rhs, over=over, why=why, **extra, **kw)


def manual(id, truth, text, target, why, ext="md", **kw):
    return C(id, "document", truth, "check", text=text, target=target, ext=ext, oracle="manual", why=why, **kw)


TEX = "\\documentclass{article}\n\\begin{document}\n%s\\end{document}\n"

CASES = [
    # --- a wrong row, then a row that agrees with the expression before the error
    doc("doc2-align-row-after-error-back-to-start", "false",
        "\\begin{align}\n(x + 1)^2 &= x^2 + 2x + 1 \\\\\n&= x^2 + 1 \\\\\n&= 1 + 2x + x^2\n\\end{align}\n",
        "&= 1 + 2x + x^2", ("x**2 + 1", "=", "1 + 2*x + x**2"), R, {"x": "1"},
        "the row claims x^2 + 1 = 1 + 2x + x^2 (the row before it), false at x = 1"),
    doc("doc2-align-row-after-error-right-link", "true",
        "\\begin{align}\n(x + 1)^2 &= x^2 + 2x + 1 \\\\\n&= x^2 + 1 \\\\\n&= (x + 1)^2 - 2x\n\\end{align}\n",
        "&= (x + 1)^2 - 2x", ("x**2 + 1", "=", "(x + 1)**2 - 2*x"), R,
        why="the row's link x^2 + 1 = (x + 1)^2 - 2x holds; the error is the row before (one wrong expression "
            "refutes one link)"),
    doc("doc2-kl-chain-sign-slip-then-measures", "false",
        "Let $P(H) = p$ and $Q(H) = q$.\n\n\\begin{align}\nKL(P \\| Q) &= p \\log \\frac{p}{q} + (1 - p) \\log \\frac{1 - p}{1 - q} \\\\\n"
        "&= p \\log p - p \\log q + (1 - p) \\log (1 - p) - (1 - p) \\log (1 - q) \\\\\n"
        "&= p \\log p + p \\log q + (1 - p) \\log (1 - p) - (1 - p) \\log (1 - q) \\\\\n&= -H(P) + H(P, Q)\n\\end{align}\n",
        "&= -H(P) + H(P, Q)", ("p*log(p) + p*log(q) + (1 - p)*log(1 - p) - (1 - p)*log(1 - q)", "=", f"-{H} + {HPQ}"),
        COINS, {"p": "1/3", "q": "2/7"}, "the row before has +p log q; the link differs by 2 p log q != 0"),
    doc("doc2-aligned-in-display-row-after-error", "false",
        "$$\n\\begin{aligned}\n(x - 1)^2 &= x^2 - 2x + 1 \\\\\n&= x^2 - 1 \\\\\n&= 1 - 2x + x^2\n\\end{aligned}\n$$\n",
        "&= 1 - 2x + x^2", ("x**2 - 1", "=", "1 - 2*x + x**2"), R, {"x": "0"},
        "the row claims x^2 - 1 = x^2 - 2x + 1, false at x = 0"),
    doc("doc2-tex-align-row-after-error", "false",
        TEX % "\\begin{align}\nx^2 - 1 &= (x - 1)(x + 1) \\\\\n&= (x - 1)^2 \\\\\n&= (x + 1)(x - 1)\n\\end{align}\n",
        "&= (x + 1)(x - 1)", ("(x - 1)**2", "=", "(x + 1)*(x - 1)"), R, {"x": "0"},
        "the row claims (x - 1)^2 = (x + 1)(x - 1), false at x = 0", ext="tex"),
    # --- TeX comments
    doc("doc2-md-percent-comment-equation", "true", "$$\n(x + 1)^2 = x^2 + 2x + 1 % = x^2 + 1\n$$\n",
        "(x + 1)^2 = x^2 + 2x + 1 %", ("(x + 1)**2", "=", "x**2 + 2*x + 1"), R,
        why="in TeX math (KaTeX and MathJax too) % starts a comment: the claim is (x + 1)^2 = x^2 + 2x + 1"),
    doc("doc2-md-percent-comment-bound", "true", "$$\nx^2 \\geq 0 % x^2 > 0\n$$\n", "x^2 \\geq 0",
        ("x**2", ">=", "0"), R, why="% starts a comment: the claim is x^2 >= 0"),
    doc("doc2-tex-percent-comment-equation", "true",
        TEX % "\\begin{equation}\n(x + 1)^2 = x^2 + 2x + 1 % = x^2 + 1\n\\end{equation}\n",
        "(x + 1)^2 = x^2 + 2x + 1 %", ("(x + 1)**2", "=", "x**2 + 2*x + 1"), R, ext="tex"),
    doc("doc2-tex-commented-row", "true",
        TEX % "\\begin{align}\n(x + 1)^2 &= x^2 + 2x + 1 \\\\\n% &= x^2 + 1 \\\\\n&= 1 + 2x + x^2\n\\end{align}\n",
        "&= 1 + 2x + x^2", ("x**2 + 2*x + 1", "=", "1 + 2*x + x**2"), R, ext="tex"),
    doc("doc2-tex-commented-out-equation", "true",
        TEX % "% \\begin{equation}\n% (x + 1)^2 = x^2 + 1\n% \\end{equation}\n\\begin{equation}\nx^2 \\geq 0\n\\end{equation}\n",
        "x^2 \\geq 0", ("x**2", ">=", "0"), R, ext="tex"),
    # --- a symbol defined twice
    manual("doc2-redefined-colon-equals", "false",
           "Let $a := 2$.\n\n$$\na + a = 4\n$$\n\nSet $a := 5$. Then\n\n$$\n2 a = 4\n$$\n", "2 a = 4",
           "after a := 5 the claim 2a = 4 reads 10 = 4"),
    manual("doc2-redefined-let", "false",
           "Let $a := 2$.\n\n$$\na^2 = 4\n$$\n\nLet $a := 3$.\n\n$$\na \\cdot a = 4\n$$\n", "a \\cdot a = 4",
           "after a := 3 the claim a * a = 4 reads 9 = 4"),
    manual("doc2-redefined-same-left-side", "false",
           "Let $a := 2$.\n\n$$\na + a = 4\n$$\n\nSet $a := 5$. Then\n\n$$\na + a = 4.\n$$\n", "a + a = 4.",
           "after a := 5 the second display claims 5 + 5 = 4; merging it into the first display's chain as "
           "'4 = 4' does not make it true"),
    manual("doc2-supposition-leaks-through-merged-chain", "false",
           "Let $P(H) = p$ and $Q(H) = q$.\n\nSuppose $q = p$.\n\n$$\nKL(P \\| Q) = 0\n$$\n\n"
           "Remove the supposition; for every $q$,\n\n$$\nKL(P \\| Q) \\geq 0\n$$\n\n$$\nKL(P \\| Q) = 0.\n$$\n",
           "KL(P \\| Q) = 0.",
           "the last display claims KL(P || Q) = 0 for every q (the supposition q = p held for one statement): "
           "false at p = 1/3, q = 2/7"),
    doc("doc2-supposition-then-general-claim", "false",
        "Suppose $x = 1$. Then\n\n$$\nx^2 = 1\n$$\n\nIn general, however,\n\n$$\nx^2 = 1.\n$$\n", "x^2 = 1.",
        ("x**2", "=", "1"), R, {"x": "2"}, "the second display is not under the supposition: x = 2"),
    manual("doc2-let-e-colon-equals-three", "true", "Let $e := 3$.\n\n$$\ne^2 = 9\n$$\n", "e^2 = 9",
           "the document defines e := 3 (rule 4: any a := ... is a definition), so e^2 = 9"),
    manual("doc2-let-e-colon-equals-three-euler", "false", "Let $e := 3$.\n\n$$\ne^2 = \\exp(2)\n$$\n",
           "e^2 = \\exp(2)", "with e := 3 the claim reads 9 = e^2 (Euler's number), false"),
    # --- a condition whose sentence continues into a general claim
    doc("doc2-if-then-in-general", "false",
        "If $y > 0$ then $\\sqrt{y^2} = y$, and in general\n\n$$\n\\sqrt{y^2} = y.\n$$\n", "= y.",
        ("sqrt(y**2)", "=", "y"), {"y": "R"}, {"y": "-1"},
        "'in general' drops the condition (the display is a separate, unconditional claim): y = -1"),
    doc("doc2-if-condition-then-for-every", "false",
        "If $y > 0$, then $\\sqrt{y^2} = y$; for every real $y$, however,\n\n$$\n|y| \\cdot 1 = y\n$$\n",
        "|y| \\cdot 1 = y", ("Abs(y)", "=", "y"), {"y": "R"}, {"y": "-1"}, "y = -1: 1 != -1"),
    # --- two hypotheses in one sentence
    manual("doc2-suppose-that-two-equations-then", "true",
           "Suppose that $x + y = 2$ and $x - y = 0$. Then\n\n$$\nx = 1\n$$\n", "x = 1",
           "under both hypotheses (x + y = 2 and x - y = 0) x = 1 follows; refuting it refutes a valid step"),
    manual("doc2-suppose-second-hypothesis-refuted", "true",
           "Suppose $x + y = 2$ and $x - y = 0$.\n", "x - y = 0",
           "x - y = 0 follows 'Suppose ... and': a hypothesis, not a claim to refute"),
    # --- hypotheses written in less usual forms
    doc("doc2-let-minus-x-negative", "true", "Let $-x < 0$.\n\n$$\n\\sqrt{x^2} = x\n$$\n", "\\sqrt{x^2}", SQ, POS,
        why="-x < 0 is x > 0"),
    doc("doc2-let-square-positive", "false", "Let $x^2 > 0$.\n\n$$\n\\sqrt{x^2} = x\n$$\n", "\\sqrt{x^2}", SQ,
        {"x": "R", "cond": "x != 0"}, {"x": "-1"}, "x^2 > 0 allows x = -1"),
    doc("doc2-let-either-sign", "false", "Let $x > 0$ or $x < -5$.\n\n$$\n\\sqrt{x^2} = x\n$$\n", "\\sqrt{x^2}", SQ,
        {"x": "R", "cond": "x > 0 or x < -5"}, {"x": "-6"}, "x = -6 is allowed"),
    doc("doc2-unrelated-epsilon", "false", "Given $\\epsilon > 0$, we have\n\n$$\n\\sqrt{y^2} = y\n$$\n", "\\sqrt{y^2}",
        ("sqrt(y**2)", "=", "y"), {"y": "R"}, {"y": "-1"}, "the hypothesis is about epsilon; y = -1"),
    doc("doc2-take-bound-below-zero", "false", "Take $x \\geq -1$. Then\n\n$$\n\\sqrt{x^2} = x\n$$\n", "\\sqrt{x^2}",
        SQ, {"x": "[-1, oo)"}, {"x": "-1"}, "x = -1 is allowed: 1 != -1"),
    doc("doc2-for-all-reals-tagged", "false", "For all $x \\in \\mathbb{R}$,\n\n$$\n\\sqrt{x^2} = x \\tag{1}\n$$\n",
        "\\sqrt{x^2}", SQ, R, {"x": "-1"}, "x = -1"),
    doc("doc2-parenthesised-condition", "true", "$$\n\\sqrt{x^2} = x \\qquad (x > 0)\n$$\n", "\\sqrt{x^2}", SQ, POS,
        why="the claim carries its condition x > 0"),
    doc("doc2-two-claims-and", "false", "$$\nx^2 \\geq 0 \\quad \\text{and} \\quad x^2 + 1 = x\n$$\n",
        "\\text{and}", ("x**2 + 1", "=", "x"), R, {"x": "0"}, "x^2 + 1 = x has no real solution"),
    doc("doc2-question-mark-equals", "false", "$$\n(x + 1)^2 \\overset{?}{=} x^2 + 1\n$$\n", "\\overset",
        ("(x + 1)**2", "=", "x**2 + 1"), R, {"x": "1"}, "x = 1: 4 != 2"),
    # --- an n-outcome categorical
    doc("doc2-catn-entropy-positive", "true",  # derive's categorical on n outcomes has n >= 2 (its stated domain)
        "Let $P = (p_1, \\ldots, p_n)$ be a categorical distribution on $n$ outcomes.\n\n$$\nH(P) > 0\n$$\n",
        "H(P) > 0", ("-Sum(p[i]*log(p[i]), (i, 1, n))", ">", "0"), {"n": "Z[2, 6]", "p": "simplex:n"},
        syms="n:integer,positive i:integer p:IndexedBase"),
    doc("doc2-cat3-kl-after-definitions", "true",
        "Let $P = (p_1, p_2, p_3)$ and $Q = (q_1, q_2, q_3)$.\n\n$$\nKL(P \\| Q) = H(P, Q) - H(P)\n$$\n\n"
        "$$\nH(P, Q) - H(P) = \\sum_{i=1}^{3} p_i \\log \\frac{p_i}{q_i}\n$$\n", "H(P, Q) - H(P) = \\sum",
        ("", "=", ""), {}, oracle="manual", why="both sides are KL(P || Q) for three outcomes"),
    doc("doc2-coin-bits-entropy-bound", "true",
        "Let $P(H) = p$ and $Q(H) = q$.\n\n$$\nH(P) \\le 1\n$$\n", "H(P) \\le 1", (H, "<=", "log(2)"), COINS,
        why="in bits H(P) <= 1, i.e. in nats H(P) <= log 2", args=["--units", "bits"]),
    doc("doc2-coin-bits-entropy-strict", "false",
        "Let $P(H) = p$ and $Q(H) = q$.\n\n$$\nH(P) < 1\n$$\n", "H(P) < 1", (H, "<", "log(2)"), COINS,
        {"p": "1/2", "q": "1/2"}, "in bits H(P) = 1 at p = 1/2", args=["--units", "bits"]),
]
