"""Closed bounds: with 0 <= x <= 1 (or x in [0, 1]) a claim must hold on the boundary too."""

from . import C


def doc(id, truth, assume, claim, o, over, cx=None, why="", style="let"):
    """A document whose one display is ``claim`` under the assumption ``assume`` (LaTeX)."""
    lhs, rel, rhs = o
    kw = dict(target=claim, syms="x p", o_lhs=lhs, o_rel=rel, o_rhs=rhs, over=over, why=why)
    if cx:
        kw["cx"] = cx
    if style == "let":
        text = f"Let ${assume}$.\n\n$$\n{claim}\n$$\n"
        return C(id, "document", truth, "check", text=text, **kw)
    if style == "front":
        text = f'---\nderive:\n  assume: ["{assume}"]\n---\n\n$$\n{claim}\n$$\n'
        return C(id, "document", truth, "check", text=text, **kw)
    return C(id, "document", truth, "check", text=f"$$\n{claim}\n$$\n", assume=[assume], **kw)


U = {"x": "[0, 1]"}
UL = "0 \\le x \\le 1"
XX = "Mul(x, Pow(x, -1), evaluate=False)"

CASES = [
    doc("cb-parabola-positive-closed", "false", UL, "x (1 - x) > 0", ("x*(1 - x)", ">", "0"), U, {"x": "0"},
        "x = 0: 0 > 0 fails"),
    doc("cb-parabola-nonneg-closed", "true", UL, "x (1 - x) \\ge 0", ("x*(1 - x)", ">=", "0"), U),
    doc("cb-square-le-x-closed", "true", UL, "x^2 \\le x", ("x**2", "<=", "x"), U),
    doc("cb-square-lt-x-closed", "false", UL, "x^2 < x", ("x**2", "<", "x"), U, {"x": "1"}, "x = 1: 1 < 1 fails"),
    doc("cb-parabola-positive-cli", "false", "0 <= x <= 1", "x (1 - x) > 0", ("x*(1 - x)", ">", "0"), U,
        {"x": "1"}, "x = 1: 0 > 0 fails", style="cli"),
    doc("cb-parabola-positive-front-matter", "false", "0 <= x <= 1", "x (1 - x) > 0", ("x*(1 - x)", ">", "0"), U,
        {"x": "0"}, "x = 0: 0 > 0 fails", style="front"),
    doc("cb-parabola-positive-interval-notation", "false", "x \\in [0, 1]", "x (1 - x) > 0",
        ("x*(1 - x)", ">", "0"), U, {"x": "0"}, "x = 0 is in [0, 1]"),
    doc("cb-parabola-nonneg-interval-notation", "true", "x \\in [0, 1]", "x (1 - x) \\ge 0",
        ("x*(1 - x)", ">=", "0"), U),
    doc("cb-parabola-positive-cli-interval", "false", "x \\in [0, 1]", "x (1 - x) > 0", ("x*(1 - x)", ">", "0"),
        U, {"x": "0"}, "x = 0 is in [0, 1]", style="cli"),
    doc("cb-one-minus-x-positive-closed", "false", "0 <= x <= 1", "1 - x > 0", ("1 - x", ">", "0"), U,
        {"x": "1"}, "x = 1: 0 > 0 fails", style="cli"),
    doc("cb-ratio-nonneg-closed-top", "false", UL, "\\frac{x}{1 - x} \\ge 0", ("x/(1 - x)", ">=", "0"), U,
        {"x": "1"}, "x = 1: x/(1 - x) is undefined"),
    doc("cb-log1p-lt-x-closed", "false", "x \\ge 0", "\\log(1 + x) < x", ("log(1 + x)", "<", "x"),
        {"x": "[0, oo)"}, {"x": "0"}, "x = 0: 0 < 0 fails"),
    doc("cb-log1p-lt-x-open", "true", "x > 0", "\\log(1 + x) < x", ("log(1 + x)", "<", "x"), {"x": "(0, oo)"}),
    doc("cb-log1p-lt-x-closed-cli", "false", "x >= 0", "\\log(1 + x) < x", ("log(1 + x)", "<", "x"),
        {"x": "[0, oo)"}, {"x": "0"}, "x = 0: 0 < 0 fails", style="cli"),
    doc("cb-reciprocal-ge-one-half-open", "true", "0 < x \\le 1", "\\frac{1}{x} \\ge 1", ("1/x", ">=", "1"),
        {"x": "(0, 1]"}),
    doc("cb-reciprocal-gt-one-half-open", "false", "0 < x \\le 1", "\\frac{1}{x} > 1", ("1/x", ">", "1"),
        {"x": "(0, 1]"}, {"x": "1"}, "x = 1: 1 > 1 fails"),
    doc("cb-square-lt-one-closed", "false", "-1 \\le x \\le 1", "x^2 < 1", ("x**2", "<", "1"), {"x": "[-1, 1]"},
        {"x": "-1"}, "x = -1: 1 < 1 fails"),
    doc("cb-square-le-one-closed", "true", "-1 \\le x \\le 1", "x^2 \\le 1", ("x**2", "<=", "1"), {"x": "[-1, 1]"}),
    doc("cb-shifted-square-positive", "false", "x \\ge 1", "(x - 1)^2 > 0", ("(x - 1)**2", ">", "0"),
        {"x": "[1, oo)"}, {"x": "1"}, "x = 1: 0 > 0 fails"),
    doc("cb-sinc-le-one-closed", "false", "x \\ge 0", "\\frac{\\sin x}{x} \\le 1", ("sin(x)/x", "<=", "1"),
        {"x": "[0, oo)"}, {"x": "0"}, "x = 0: sin(x)/x is undefined"),
    doc("cb-sinc-le-one-open", "true", "x > 0", "\\frac{\\sin x}{x} \\le 1", ("sin(x)/x", "<=", "1"),
        {"x": "(0, oo)"}),
    doc("cb-bernoulli-variance-le-quarter", "true", "0 \\le p \\le 1", "p (1 - p) \\le \\frac{1}{4}",
        ("p*(1 - p)", "<=", "Rational(1, 4)"), {"p": "[0, 1]"}),
    doc("cb-bernoulli-variance-lt-quarter", "false", "0 \\le p \\le 1", "p (1 - p) < \\frac{1}{4}",
        ("p*(1 - p)", "<", "Rational(1, 4)"), {"p": "[0, 1]"}, {"p": "1/2"}, "p = 1/2: 1/4 < 1/4 fails"),
    doc("cb-log-negative-half-open", "false", "0 < x \\le 1", "\\log x < 0", ("log(x)", "<", "0"), {"x": "(0, 1]"},
        {"x": "1"}, "x = 1: log 1 = 0"),
    doc("cb-log-nonpositive-half-open", "true", "0 < x \\le 1", "\\log x \\le 0", ("log(x)", "<=", "0"),
        {"x": "(0, 1]"}),
    doc("cb-exp-minus-lt-one-closed", "false", "x \\ge 0", "e^{-x} < 1", ("exp(-x)", "<", "1"), {"x": "[0, oo)"},
        {"x": "0"}, "x = 0: e^0 = 1"),
    doc("cb-exp-minus-lt-one-open", "true", "x > 0", "e^{-x} < 1", ("exp(-x)", "<", "1"), {"x": "(0, oo)"}),
    doc("cb-cube-gt-square-closed", "false", "x \\ge 1", "x^3 > x^2", ("x**3", ">", "x**2"), {"x": "[1, oo)"},
        {"x": "1"}, "x = 1: 1 > 1 fails"),
    doc("cb-cube-ge-square-closed", "true", "x \\ge 1", "x^3 \\ge x^2", ("x**3", ">=", "x**2"), {"x": "[1, oo)"}),
    doc("cb-reciprocal-shift-positive-closed", "false", "x \\ge 1", "\\frac{1}{x - 1} > 0", ("1/(x - 1)", ">", "0"),
        {"x": "[1, oo)"}, {"x": "1"}, "x = 1: 1/0 is undefined"),
    C("cb-x-over-x-closed-latex", "identity", "false", "assert_identity", latex=True, lhs="\\frac{x}{x}", rhs="1",
      assume=["0 <= x <= 1"], syms="x", o_lhs=XX, o_rhs="1", cx={"x": "0"}, why="x = 0: 0/0 is undefined"),
    C("cb-x-over-x-half-open-latex", "identity", "true", "assert_identity", latex=True, lhs="\\frac{x}{x}",
      rhs="1", assume=["0 < x <= 1"], syms="x", o_lhs=XX, o_rhs="1"),
    C("cb-x-over-x-closed-sympy", "identity", "false", "assert_identity", syms="x", lhs=XX, rhs="1",
      assume=["0 <= x <= 1"], cx={"x": "0"}, why="x = 0: 0/0 is undefined"),
    C("cb-x-over-x-closed-sympy-relation", "identity", "false", "assert_identity", syms="x", lhs=XX, rhs="1",
      assume=["py:x >= 0"], o_lhs=XX, o_rhs="1", over={"x": "[0, oo)"}, cx={"x": "0"},
      why="x = 0: 0/0 is undefined (assumption given as a SymPy relation)"),
    C("cb-sqrt-square-nonneg", "identity", "true", "assert_identity", latex=True, lhs="\\sqrt{x^2}", rhs="x",
      assume=["x >= 0"], syms="x", o_lhs="sqrt(x**2)", o_rhs="x"),
    C("cb-sqrt-square-from-minus-one", "identity", "false", "assert_identity", latex=True, lhs="\\sqrt{x^2}",
      rhs="x", assume=["x >= -1"], syms="x", o_lhs="sqrt(x**2)", o_rhs="x", cx={"x": "-1/2"},
      why="x = -1/2: sqrt(1/4) = 1/2"),
    C("cb-sqrt-shifted-square-from-one", "identity", "true", "assert_identity", latex=True,
      lhs="\\sqrt{(x - 1)^2}", rhs="x - 1", assume=["x >= 1"], syms="x", o_lhs="sqrt((x - 1)**2)", o_rhs="x - 1"),
    C("cb-sqrt-shifted-square-from-zero", "identity", "false", "assert_identity", latex=True,
      lhs="\\sqrt{(x - 1)^2}", rhs="x - 1", assume=["x >= 0"], syms="x", o_lhs="sqrt((x - 1)**2)",
      o_rhs="x - 1", cx={"x": "0"}, why="x = 0: 1 != -1"),
    C("cb-removable-singularity-closed", "identity", "false", "assert_identity", latex=True,
      lhs="\\frac{x^2 - 1}{x - 1}", rhs="x + 1", assume=["x >= 1"], syms="x", o_lhs="(x**2 - 1)/(x - 1)",
      o_rhs="x + 1", cx={"x": "1"}, why="x = 1: 0/0 is undefined"),
    C("cb-removable-singularity-open", "identity", "true", "assert_identity", latex=True,
      lhs="\\frac{x^2 - 1}{x - 1}", rhs="x + 1", assume=["x > 1"], syms="x", o_lhs="(x**2 - 1)/(x - 1)",
      o_rhs="x + 1"),
    C("cb-abs-over-x-closed", "identity", "false", "assert_identity", latex=True, lhs="\\frac{|x|}{x}", rhs="1",
      assume=["x >= 0"], syms="x", o_lhs="Abs(x)/x", o_rhs="1", cx={"x": "0"}, why="x = 0: 0/0 is undefined"),
    C("cb-abs-over-x-open", "identity", "true", "assert_identity", latex=True, lhs="\\frac{|x|}{x}", rhs="1",
      assume=["x > 0"], syms="x", o_lhs="Abs(x)/x", o_rhs="1"),
    C("cb-root-times-root-closed", "identity", "true", "assert_identity", latex=True, lhs="\\sqrt{x} \\sqrt{x}",
      rhs="x", assume=["x >= 0"], syms="x", o_lhs="sqrt(x)*sqrt(x)", o_rhs="x"),
    C("cb-log-ratio-closed-doc", "document", "false", "check", text="Let $0 \\le x \\le 1$.\n\n$$\n\\log(x) + \\log(1 - x) = \\log(x - x^2)\n$$\n",
      target="\\log(x) + ", syms="x", o_lhs="log(x) + log(1 - x)", o_rhs="log(x - x**2)", over=U, cx={"x": "0"},
      why="x = 0: log 0 is undefined"),
]
