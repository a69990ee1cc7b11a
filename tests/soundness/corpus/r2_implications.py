"""Second batch: implications and equivalences -- dividing by something that may be zero (solving
a x = b for x when a may vanish, x = y giving x/y = 1 at 0), cancelling a common factor, quadratics
with a second root just inside the interval, systems that degenerate at one parameter value, squaring
and square roots, and the same in documents (suppositions of two equations at once)."""

from . import C

R = "x:real y:real a:real b:real"
P = "x y a b"


def imp(id, truth, hyp, concl, rel="implies", syms=R, cx=None, pts=(), why="", **kw):
    extra = {"cx": cx} if cx else {}
    return C(id, "implication", truth, "check_relation", syms=syms, lhs=hyp, rhs=concl, rel=rel, why=why,
             pts=list(pts), **extra, **kw)


def docimp(id, truth, text, target, o_lhs, o_rhs, rel, over, cx=None, pts=(), why="", syms="x y a b", **kw):
    extra = {"cx": cx} if cx else {}
    return C(id, "document", truth, "check", text=text, target=target, syms=syms, o_lhs=o_lhs, o_rhs=o_rhs,
             o_rel=rel, over=over, pts=list(pts), why=why, **extra, **kw)


XX = "Mul(x, Pow(x, -1), evaluate=False)"
X1 = "Mul(x - 1, Pow(x - 1, -1), evaluate=False)"
COIN = {"x": "(0, 1)", "y": "(0, 1)"}

CASES = [
    imp("im2-equal-implies-ratio-one", "false", "Eq(x, y)", "Eq(x/y, 1)", cx={"x": "0", "y": "0"},
        why="x = y = 0: x/y = 0/0 has no value"),
    imp("im2-ratio-one-iff-equal", "false", "Eq(x/y, 1)", "Eq(x, y)", rel="iff", cx={"x": "0", "y": "0"},
        why="x = y = 0 satisfies x = y but 0/0 = 1 is no equation that holds"),
    imp("im2-ratio-one-implies-equal", "true", "Eq(x/y, 1)", "Eq(x, y)", pts=[{"x": "2", "y": "2"}]),
    imp("im2-equal-implies-ratio-one-positive", "true", "Eq(x, y)", "Eq(x/y, 1)", syms=P,
        domain={"x": ("0", "oo"), "y": ("0", "oo")}, pts=[{"x": "3", "y": "3"}]),
    imp("im2-equal-implies-ratio-one-straddling", "false", "Eq(x, y)", "Eq(x/y, 1)", syms=P,
        domain={"y": ("-1", "1")}, cx={"x": "0", "y": "0"}, why="y = 0 lies inside (-1, 1)"),
    imp("im2-zero-implies-x-over-x", "false", "Eq(x, 0)", f"Eq({XX}, 1)", cx={"x": "0"},
        why="the only solution x = 0 makes x/x = 0/0"),
    imp("im2-one-implies-shifted-over-itself", "false", "Eq(x, 1)", f"Eq({X1}, 1)", cx={"x": "1"},
        why="the only solution x = 1 makes (x - 1)/(x - 1) = 0/0"),
    imp("im2-linear-solve-implies-straddling", "false", "Eq(a*x, b)", "Eq(x, b/a)", syms=P,
        domain={"a": ("-1", "1")}, cx={"a": "0", "b": "0", "x": "1"},
        why="a = 0 lies inside (-1, 1): 0 x = 0 holds but x = 0/0 has no value"),
    imp("im2-linear-solve-iff-straddling", "false", "Eq(a*x, b)", "Eq(x, b/a)", rel="iff", syms=P,
        domain={"a": ("-1", "1")}, cx={"a": "0", "b": "0", "x": "1"}, why="a = 0, b = 0: the first holds, the second has no value"),
    imp("im2-linear-solve-implies-positive", "true", "Eq(a*x, b)", "Eq(x, b/a)", syms=P, domain={"a": ("0", "1")},
        pts=[{"a": "1/2", "b": "1", "x": "2"}]),
    imp("im2-linear-solve-iff-positive", "true", "Eq(a*x, b)", "Eq(x, b/a)", rel="iff", syms=P,
        domain={"a": ("0", "1")}, pts=[{"a": "1/2", "b": "1", "x": "2"}]),
    imp("im2-cancel-common-factor-straddling", "false", "Eq(a*x, a*y)", "Eq(x, y)", syms=P, domain={"a": ("-1", "1")},
        cx={"a": "0", "x": "0", "y": "1"}, why="a = 0: 0 = 0 but x != y"),
    imp("im2-cancel-common-factor-positive", "true", "Eq(a*x, a*y)", "Eq(x, y)", syms=P, domain={"a": ("0", "oo")},
        pts=[{"a": "1", "x": "2", "y": "2"}]),
    imp("im2-quadratic-one-root-inside", "true", "Eq(x**2 - 3*x + 2, 0)", "Eq(x, 1)", rel="iff", syms=P,
        domain={"x": ("0", "3/2")}, pts=[{"x": "1"}]),
    imp("im2-quadratic-second-root-inside", "false", "Eq(x**2 - 3*x + 2, 0)", "Eq(x, 1)", rel="iff", syms=P,
        domain={"x": ("0", "5/2")}, cx={"x": "2"}, why="x = 2 is a second root inside (0, 5/2)"),
    imp("im2-perfect-square-iff", "true", "Eq((x - a)**2, 0)", "Eq(x, a)", rel="iff",
        pts=[{"x": "1", "a": "1"}, {"x": "-2", "a": "-2"}]),
    imp("im2-product-zero-iff-first-factor", "false", "Eq((x - a)*(x - b), 0)", "Eq(x, a)", rel="iff",
        cx={"x": "2", "a": "1", "b": "2"}, why="x = b = 2, a = 1"),
    imp("im2-system-degenerate-parameter", "false", "derive.System(Eq(x + a*y, 1), Eq(x + y, 1))", "Eq(y, 0)",
        syms=P, domain={"a": ("0", "2")}, o_lhs="[Eq(x + a*y, 1), Eq(x + y, 1)]", o_rhs="Eq(y, 0)",
        cx={"a": "1", "x": "0", "y": "1"}, why="a = 1: the two equations coincide, x = 0, y = 1 solves both"),
    imp("im2-system-parameter-away", "true", "derive.System(Eq(x + a*y, 1), Eq(x + y, 1))", "Eq(y, 0)", syms=P,
        domain={"a": ("2", "3")}, o_lhs="[Eq(x + a*y, 1), Eq(x + y, 1)]", o_rhs="Eq(y, 0)",
        pts=[{"a": "5/2", "x": "1", "y": "0"}]),
    imp("im2-root-implies-square", "true", "Eq(sqrt(x), y)", "Eq(x, y**2)", syms=P, domain={"x": ("0", "oo")},
        pts=[{"x": "4", "y": "2"}]),
    imp("im2-square-implies-root", "false", "Eq(x, y**2)", "Eq(sqrt(x), y)", syms=P, domain={"x": ("0", "oo")},
        cx={"x": "1", "y": "-1"}, why="y = -1: sqrt(1) = 1 != -1"),
    imp("im2-square-iff-root-positive", "true", "Eq(x, y**2)", "Eq(sqrt(x), y)", rel="iff", syms=P,
        domain={"x": ("0", "oo"), "y": ("0", "oo")}, pts=[{"x": "4", "y": "2"}]),
    imp("im2-cubic-iff-one-positive", "true", "Eq(x**3, x)", "Eq(x, 1)", rel="iff", syms=P,
        domain={"x": ("0", "oo")}, pts=[{"x": "1"}]),
    imp("im2-cubic-iff-one-wide", "false", "Eq(x**3, x)", "Eq(x, 1)", rel="iff", syms=P, domain={"x": ("-2", "oo")},
        cx={"x": "-1"}, why="x = -1 and x = 0 solve x^3 = x too"),
    imp("im2-divide-by-x-straddling", "false", "Eq(x**2, 2*x)", "Eq(x, 2)", syms=P, domain={"x": ("-1", "oo")},
        cx={"x": "0"}, why="x = 0 solves x^2 = 2x"),
    imp("im2-divide-by-x-positive", "true", "Eq(x**2, 2*x)", "Eq(x, 2)", syms=P, domain={"x": ("0", "oo")},
        pts=[{"x": "2"}]),
    imp("im2-coin-ratio-iff-equal", "true", "Eq(y/x, 1)", "Eq(y, x)", rel="iff", syms=P,
        domain={"x": ("0", "1"), "y": ("0", "1")}, pts=[{"x": "1/3", "y": "1/3"}]),
    imp("im2-vanishing-coefficient-iff", "false", "Eq((a - 1)*x, 0)", "Eq(x, 0)", rel="iff", syms=P,
        domain={"a": ("0", "2")}, cx={"a": "1", "x": "5"}, why="a = 1 lies in (0, 2): 0 x = 0 for every x"),
    imp("im2-vanishing-coefficient-away", "true", "Eq((a - 1)*x, 0)", "Eq(x, 0)", rel="iff", syms=P,
        domain={"a": ("1", "2")}, pts=[{"a": "3/2", "x": "0"}]),
    imp("im2-root-equation-positive-root", "true", "Eq(sqrt(x + a), x)", "Eq(x, (1 + sqrt(1 + 4*a))/2)", syms=P,
        domain={"a": ("0", "oo"), "x": ("0", "oo")}, pts=[{"a": "2", "x": "2"}],
        why="x^2 = x + a with x >= 0 leaves the positive root only"),
    imp("im2-root-equation-negative-root", "false", "Eq(sqrt(x + a), x)", "Eq(x, (1 - sqrt(1 + 4*a))/2)", syms=P,
        domain={"a": ("0", "oo"), "x": ("0", "oo")}, cx={"a": "2", "x": "2"},
        why="a = 2: sqrt(4) = 2 = x, but (1 - 3)/2 = -1"),
    imp("im2-reciprocal-equation-iff", "false", "Eq(1/x, 1/y)", "Eq(x, y)", rel="iff", cx={"x": "0", "y": "0"},
        why="x = y = 0 satisfies x = y, but 1/0 has no value"),
    # --- documents
    docimp("im2-doc-suppose-two-equations-one-display", "true",
           "Suppose\n\n$$\nx + y = 2, \\quad x - y = 0.\n$$\n\n$$\n\\implies x = 1\n$$\n", "\\implies x = 1",
           "[Eq(x + y, 2), Eq(x - y, 0)]", "Eq(x, 1)", "implies", {"x": "R", "y": "R"}, pts=[{"x": "1", "y": "1"}],
           why="both equations are supposed; together they give x = y = 1"),
    docimp("im2-doc-suppose-cases-system", "true",
           "Suppose\n\n$$\n\\begin{cases} x + y = 2 \\\\ x - y = 0 \\end{cases}\n$$\n\n$$\n\\implies x = 1\n$$\n",
           "\\implies x = 1", "[Eq(x + y, 2), Eq(x - y, 0)]", "Eq(x, 1)", "implies", {"x": "R", "y": "R"},
           pts=[{"x": "1", "y": "1"}]),
    docimp("im2-doc-equal-implies-ratio", "false", "Suppose\n\n$$\nx = 2y\n$$\n\n$$\n\\implies \\frac{x}{y} = 2\n$$\n",
           "\\implies \\frac{x}{y}", "Eq(x, 2*y)", "Eq(x/y, 2)", "implies", {"x": "R", "y": "R"},
           cx={"x": "0", "y": "0"}, why="x = y = 0 satisfies x = 2y but 0/0 = 2 does not hold"),
    docimp("im2-doc-ratio-implies-equal", "true", "Suppose\n\n$$\n\\frac{x}{y} = 2\n$$\n\n$$\n\\implies x = 2y\n$$\n",
           "\\implies x = 2y", "Eq(x/y, 2)", "Eq(x, 2*y)", "implies", {"x": "R", "y": "R"}, pts=[{"x": "2", "y": "1"}]),
    docimp("im2-doc-linear-solve-straddling", "false",
           "Let $-1 < a < 1$. Suppose\n\n$$\na x = b\n$$\n\n$$\n\\implies x = \\frac{b}{a}\n$$\n",
           "\\implies x = \\frac{b}{a}", "Eq(a*x, b)", "Eq(x, b/a)", "implies", {"a": "(-1, 1)", "b": "R", "x": "R"},
           cx={"a": "0", "b": "0", "x": "1"}, why="a = 0 satisfies -1 < a < 1; then x = 0/0 has no value"),
    docimp("im2-doc-cancel-nonneg-factor", "false", "Let $x \\geq 0$. Suppose\n\n$$\nx y = x\n$$\n\n$$\n\\implies y = 1\n$$\n",
           "\\implies y = 1", "Eq(x*y, x)", "Eq(y, 1)", "implies", {"x": "[0, oo)", "y": "R"},
           cx={"x": "0", "y": "2"}, why="x = 0 (allowed by x >= 0): 0 = 0 for every y"),
    docimp("im2-doc-cancel-positive-factor", "true", "Let $x > 0$. Suppose\n\n$$\nx y = x\n$$\n\n$$\n\\implies y = 1\n$$\n",
           "\\implies y = 1", "Eq(x*y, x)", "Eq(y, 1)", "implies", {"x": "(0, oo)", "y": "R"}, pts=[{"x": "2", "y": "1"}]),
    docimp("im2-doc-double-root-iff", "true", "Suppose\n\n$$\nx^2 - 2x + 1 = 0\n$$\n\n$$\n\\iff x = 1\n$$\n",
           "\\iff x = 1", "Eq(x**2 - 2*x + 1, 0)", "Eq(x, 1)", "iff", {"x": "R"}, pts=[{"x": "1"}]),
    docimp("im2-doc-coin-odds-iff", "true",
           "Let $P(H) = p$ and $Q(H) = q$. Suppose\n\n$$\n\\frac{p}{q} = \\frac{1-p}{1-q}\n$$\n\n$$\n\\iff q = p\n$$\n",
           "\\iff q = p", "Eq(p/q, (1 - p)/(1 - q))", "Eq(q, p)", "iff", {"p": "(0, 1)", "q": "(0, 1)"},
           pts=[{"p": "1/3", "q": "1/3"}], syms="p q"),
    docimp("im2-doc-coin-odds-iff-complement", "false",
           "Let $P(H) = p$ and $Q(H) = q$. Suppose\n\n$$\n\\frac{p}{q} = \\frac{1-p}{1-q}\n$$\n\n$$\n\\iff q = 1 - p\n$$\n",
           "\\iff q = 1 - p", "Eq(p/q, (1 - p)/(1 - q))", "Eq(q, 1 - p)", "iff", {"p": "(0, 1)", "q": "(0, 1)"},
           cx={"p": "1/3", "q": "1/3"}, why="p = q = 1/3 satisfies the first, not q = 1 - p", syms="p q"),
    docimp("im2-doc-impliedby-converse", "false", "$$\nx = 1 \\impliedby x^2 = 1\n$$\n", "\\impliedby",
           "Eq(x**2, 1)", "Eq(x, 1)", "implies", {"x": "R"}, cx={"x": "-1"},
           why="A <== B means B implies A: x^2 = 1 does not give x = 1 (x = -1)"),
    docimp("im2-doc-impliedby-true", "true", "$$\nx^2 = 1 \\impliedby x = 1\n$$\n", "\\impliedby",
           "Eq(x, 1)", "Eq(x**2, 1)", "implies", {"x": "R"}, pts=[{"x": "1"}]),
    docimp("im2-doc-leftarrow-chain", "false", "$$\nx^2 = 1 \\Leftarrow x = -1 \\Leftarrow x^2 = 1\n$$\n",
           "\\Leftarrow", "Eq(x**2, 1)", "Eq(x, -1)", "implies", {"x": "R"}, cx={"x": "1"},
           why="the second link says x^2 = 1 implies x = -1 (x = 1)"),
]
