"""Implications and inequalities in general: one direction only, both directions, extraneous roots
of squaring, cancelled factors, strict against non-strict, reversed bounds."""

from . import C

R = "x:real y:real"
P = "x y"


def imp(id, truth, hyp, concl, rel="implies", syms=R, cx=None, pts=(), why="", **kw):
    extra = {"cx": cx} if cx else {}
    return C(id, "implication", truth, "check_relation", syms=syms, lhs=hyp, rhs=concl, rel=rel, why=why,
             pts=list(pts), **extra, **kw)


def bound(id, truth, lhs, rel, rhs, cx=None, why="", syms=R, **kw):
    extra = {"cx": cx} if cx else {}
    return C(id, "relation", truth, "check_relation", syms=syms, lhs=lhs, rhs=rhs, rel=rel, why=why, **extra, **kw)


def docimp(id, truth, text, target, o_lhs, o_rhs, rel, over, cx=None, pts=(), why=""):
    extra = {"cx": cx} if cx else {}
    return C(id, "document", truth, "check", text=text, target=target, syms="x y", o_lhs=o_lhs, o_rhs=o_rhs,
             o_rel=rel, over=over, pts=list(pts), why=why, **extra)


CASES = [
    imp("imp-square-one-implies-one", "false", "Eq(x**2, 1)", "Eq(x, 1)", cx={"x": "-1"}, why="x = -1"),
    imp("imp-one-implies-square-one", "true", "Eq(x, 1)", "Eq(x**2, 1)", pts=[{"x": "1"}]),
    imp("imp-square-one-iff-one", "false", "Eq(x**2, 1)", "Eq(x, 1)", rel="iff", cx={"x": "-1"},
        why="x = -1 solves the first only"),
    imp("imp-square-one-iff-abs-one", "true", "Eq(x**2, 1)", "Eq(Abs(x), 1)", rel="iff",
        pts=[{"x": "1"}, {"x": "-1"}]),
    imp("imp-square-one-implies-one-positive", "true", "Eq(x**2, 1)", "Eq(x, 1)", syms=P,
        domain={"x": ("0", "oo")}, pts=[{"x": "1"}]),
    imp("imp-square-four-iff-two-from-minus-three", "false", "Eq(x**2, 4)", "Eq(x, 2)", rel="iff", syms=P,
        domain={"x": ("-3", "oo")}, cx={"x": "-2"}, why="x = -2 lies in (-3, oo)"),
    imp("imp-square-four-iff-two-positive", "true", "Eq(x**2, 4)", "Eq(x, 2)", rel="iff", syms=P,
        domain={"x": ("0", "oo")}, pts=[{"x": "2"}]),
    imp("imp-product-zero-implies-first", "false", "Eq(x*y, 0)", "Eq(x, 0)", cx={"x": "1", "y": "0"},
        why="x = 1, y = 0"),
    imp("imp-product-zero-implies-bigger-product", "true", "Eq(x*y, 0)", "Eq(x*y*(x + y), 0)",
        pts=[{"x": "0", "y": "3"}, {"x": "2", "y": "0"}]),
    imp("imp-sum-squares-zero-implies-zero", "true", "Eq(x**2 + y**2, 0)", "Eq(x, 0)", pts=[{"x": "0", "y": "0"}]),
    imp("imp-exp-one-implies-zero", "true", "Eq(exp(x), 1)", "Eq(x, 0)", pts=[{"x": "0"}]),
    imp("imp-sine-zero-implies-zero", "false", "Eq(sin(x), 0)", "Eq(x, 0)", cx={"x": "pi"}, why="x = pi"),
    imp("imp-sine-zero-implies-zero-near-origin", "true", "Eq(sin(x), 0)", "Eq(x, 0)", syms=P,
        domain={"x": ("-1", "1")}, pts=[{"x": "0"}]),
    imp("imp-log-zero-implies-one", "true", "Eq(log(x), 0)", "Eq(x, 1)", syms=P, domain={"x": ("0", "oo")},
        pts=[{"x": "1"}]),
    imp("imp-equal-implies-equal-squares", "true", "Eq(x, y)", "Eq(x**2, y**2)", pts=[{"x": "2", "y": "2"}]),
    imp("imp-equal-squares-implies-equal", "false", "Eq(x**2, y**2)", "Eq(x, y)", cx={"x": "1", "y": "-1"},
        why="x = 1, y = -1"),
    imp("imp-quotient-zero-implies-numerator", "true", "Eq(x/(x - 1), 0)", "Eq(x, 0)", pts=[{"x": "0"}]),
    imp("imp-difference-iff-complement", "false", "Eq(y - x, 0)", "Eq(y, 1 - x)", rel="iff", syms=P,
        domain={"x": ("0", "1"), "y": ("0", "1")}, cx={"x": "1/3", "y": "1/3"},
        why="x = y = 1/3: y - x = 0 but y != 1 - x"),
    imp("imp-square-equals-self-implies-one", "false", "Eq(x**2, x)", "Eq(x, 1)", cx={"x": "0"}, why="x = 0"),
    imp("imp-root-minus-one-implies-one", "true", "Eq(sqrt(x), -1)", "Eq(x, 1)", syms=P, domain={"x": ("0", "oo")},
        pts=[], oracle="manual", why="sqrt(x) >= 0 on (0, oo): the hypothesis never holds, the implication is vacuous"),
    imp("imp-one-implies-root-minus-one", "false", "Eq(x, 1)", "Eq(sqrt(x), -1)", syms=P,
        domain={"x": ("0", "oo")}, cx={"x": "1"}, why="x = 1: sqrt(1) = 1 != -1"),
    imp("imp-root-equation-extraneous-iff", "true", "Eq(sqrt(x), x - 2)", "Eq(x, 4)", rel="iff", syms=P,
        domain={"x": ("0", "oo")}, pts=[{"x": "4"}],
        why="squaring gives x = 1 too, but sqrt(1) = 1 != -1: x = 4 is the only solution"),
    imp("imp-abs-negative-vacuous", "true", "Eq(Abs(x), -1)", "Eq(x, 5)", oracle="manual",
        why="|x| = -1 has no real solution: vacuously true"),
    imp("imp-system-implies-first", "true", "derive.System(Eq(x + y, 2), Eq(x - y, 0))", "Eq(x, 1)",
        o_lhs="[Eq(x + y, 2), Eq(x - y, 0)]", o_rhs="Eq(x, 1)", pts=[{"x": "1", "y": "1"}]),
    imp("imp-system-implies-wrong", "false", "derive.System(Eq(x + y, 2), Eq(x - y, 0))", "Eq(x, 2)",
        o_lhs="[Eq(x + y, 2), Eq(x - y, 0)]", o_rhs="Eq(x, 2)", cx={"x": "1", "y": "1"},
        why="the system's only solution is x = y = 1"),
    imp("imp-one-equation-implies-system", "false", "Eq(x + y, 2)", "derive.System(Eq(x, 1), Eq(y, 1))",
        o_lhs="Eq(x + y, 2)", o_rhs="[Eq(x, 1), Eq(y, 1)]", cx={"x": "0", "y": "2"}, why="x = 0, y = 2"),
    bound("imp-x-lt-x", "false", "x", "<", "x", {"x": "0"}, "x < x never holds"),
    bound("imp-x-le-x", "true", "x", "<=", "x"),
    bound("imp-x-lt-successor", "true", "x", "<", "x + 1"),
    bound("imp-successor-le-x", "false", "x + 1", "<=", "x", {"x": "0"}, "1 <= 0 fails"),
    bound("imp-am-gm-strict", "false", "x**2 + 1", ">", "2*x", {"x": "1"}, "x = 1: 2 > 2 fails"),
    bound("imp-am-gm-non-strict", "true", "x**2 + 1", ">=", "2*x"),
    bound("imp-square-le-zero", "false", "x**2", "<=", "0", {"x": "1"}, "x = 1"),
    bound("imp-reversed-exp-bound", "false", "exp(x)", "<=", "1 + x", {"x": "1"}, "x = 1: e > 2"),
    bound("imp-cube-monotone-wrong-way", "false", "x**3", ">=", "x", {"x": "1/2"}, "x = 1/2: 1/8 < 1/2",
          syms=P, domain={"x": ("0", "oo")}),
    docimp("imp-doc-cancelled-factor-iff", "true",
           "Suppose\n\n$$\n\\frac{x^2 - x}{x - 1} = 0\n$$\n\n$$\n\\iff x = 0\n$$\n", "\\iff x = 0",
           "Eq((x**2 - x)/(x - 1), 0)", "Eq(x, 0)", "iff", {"x": "R"}, pts=[{"x": "0"}],
           why="x = 1 makes the quotient undefined; x = 0 is the only solution"),
    docimp("imp-doc-square-implies-root", "false", "Suppose\n\n$$\nx^2 = 4\n$$\n\n$$\n\\implies x = 2\n$$\n",
           "\\implies x = 2", "Eq(x**2, 4)", "Eq(x, 2)", "implies", {"x": "R"}, cx={"x": "-2"}, why="x = -2"),
    docimp("imp-doc-root-implies-square", "true", "Suppose\n\n$$\nx = 2\n$$\n\n$$\n\\implies x^2 = 4\n$$\n",
           "\\implies x^2 = 4", "Eq(x, 2)", "Eq(x**2, 4)", "implies", {"x": "R"}, pts=[{"x": "2"}]),
    docimp("imp-doc-square-iff-root", "false", "Suppose\n\n$$\nx^2 = 4\n$$\n\n$$\n\\iff x = 2\n$$\n",
           "\\iff x = 2", "Eq(x**2, 4)", "Eq(x, 2)", "iff", {"x": "R"}, cx={"x": "-2"}, why="x = -2"),
    docimp("imp-doc-root-equation-iff", "true",
           "Let $x > 0$. Suppose\n\n$$\n\\sqrt{x} = x - 2\n$$\n\n$$\n\\iff x = 4\n$$\n", "\\iff x = 4",
           "Eq(sqrt(x), x - 2)", "Eq(x, 4)", "iff", {"x": "(0, oo)"}, pts=[{"x": "4"}],
           why="x = 1 is extraneous (sqrt 1 = 1 != -1)"),
    docimp("imp-doc-therefore-wrong", "false", "Suppose\n\n$$\nx y = 0\n$$\n\n$$\n\\therefore x = 0\n$$\n",
           "\\therefore x = 0", "Eq(x*y, 0)", "Eq(x, 0)", "implies", {"x": "R", "y": "R"},
           cx={"x": "1", "y": "0"}, why="x = 1, y = 0"),
]
