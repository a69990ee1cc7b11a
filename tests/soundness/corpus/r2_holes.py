"""Second batch: holes written into a claim and cancelled by SymPy's automatic evaluation.

``x/x``, ``(x - 1)/(x - 1)``, ``x (x - 1)/(x - 1)``, ``0/x``, ``0 log(p - q)``, ``log_b b``: SymPy
builds each of them as its "value" (1, x, 0, ...), but as written each side has no value at one
point of the stated domain (an interior point of an open interval, or a point of the whole real
line), so the claim fails there.  Controls: the same quotients on domains that avoid the hole.
"""

from . import C

XX = "Mul(x, Pow(x, -1), evaluate=False)"
X1 = "Mul(x - 1, Pow(x - 1, -1), evaluate=False)"
COINS = ["P(H) = p", "Q(H) = q"]
KL = "(p*log(p/q) + (1 - p)*log((1 - p)/(1 - q)))"
H = "(-p*log(p) - (1 - p)*log(1 - p))"
HPQ = "(-p*log(q) - (1 - p)*log(1 - q))"
COIN_OVER = {"p": "(0, 1)", "q": "(0, 1)"}


def eq(id, truth, lhs, rhs, cx=None, why="", syms="x", **kw):
    extra = {"cx": cx} if cx else {}
    return C(id, "identity", truth, "check_equal", syms=syms, lhs=lhs, rhs=rhs, why=why, **extra, **kw)


def tex(id, truth, lhs, rhs, o, cx=None, why="", syms="x y b", **kw):
    extra = {"cx": cx} if cx else {}
    return C(id, "identity", truth, "assert_identity", latex=True, lhs=lhs, rhs=rhs, syms=syms,
             o_lhs=o[0], o_rhs=o[1], why=why, **extra, **kw)


def doc(id, truth, text, target, o, over, cx=None, why="", **kw):
    extra = {"cx": cx} if cx else {}
    return C(id, "document", truth, "check", text=text, target=target, syms="x p q", o_lhs=o[0], o_rel=o[1],
             o_rhs=o[2], over=over, why=why, **extra, **kw)


CASES = [
    # --- the Python API, a hole built unevaluated
    eq("h2-x-over-x-real-line", "false", XX, "1", {"x": "0"}, "x = 0: 0/0 has no value", syms="x:real"),
    eq("h2-x-over-x-open-straddling", "false", XX, "1", {"x": "0"}, "x = 0 lies inside (-1, 1): 0/0",
       domain={"x": ("-1", "1")}),
    eq("h2-shifted-over-itself", "false", X1, "1", {"x": "1"}, "x = 1 lies inside (0, 2): 0/0",
       domain={"x": ("0", "2")}),
    eq("h2-shifted-over-itself-away", "true", X1, "1", domain={"x": ("1", "3")}),
    eq("h2-zero-over-x", "false", "Mul(0, Pow(x, -1), evaluate=False)", "0", {"x": "0"},
       "x = 0: 0/0 has no value", domain={"x": ("-1", "1")}),
    eq("h2-square-over-x", "false", "Mul(x**2, Pow(x, -1), evaluate=False)", "x", {"x": "0"},
       "x = 0: 0/0", domain={"x": ("-1", "1")}),
    eq("h2-square-over-x-positive", "true", "Mul(x**2, Pow(x, -1), evaluate=False)", "x",
       domain={"x": ("0", "2")}),
    eq("h2-log-minus-log-real-line", "false", "Add(log(x), -log(x), evaluate=False)", "0", {"x": "0"},
       "x = 0: log 0 has no value, so neither has log 0 - log 0", syms="x:real"),
    eq("h2-log-minus-log-positive", "true", "Add(log(x), -log(x), evaluate=False)", "0",
       domain={"x": ("0", "oo")}),
    eq("h2-sine-over-sine", "false", "Mul(sin(x), Pow(sin(x), -1), evaluate=False)", "1", oracle="manual",
       why="x = pi lies inside (0, 4): sin(pi)/sin(pi) = 0/0 (mpmath's sin(pi) is 1e-50, not 0, so numbers "
           "cannot show it)", domain={"x": ("0", "4")}),
    eq("h2-sine-over-sine-first-lobe", "true", "Mul(sin(x), Pow(sin(x), -1), evaluate=False)", "1",
       domain={"x": ("0", "3")}),
    eq("h2-reciprocal-of-reciprocal", "false", "Pow(Pow(x, -1, evaluate=False), -1, evaluate=False)", "x",
       oracle="manual", why="x = 0 lies inside (-1, 1): 1/(1/0) has no value (mpmath's 1/inf = 0 hides it)",
       domain={"x": ("-1", "1")}),
    eq("h2-product-over-factor", "false", "Mul(x, x - 1, Pow(x - 1, -1), evaluate=False)", "x", {"x": "1"},
       "x = 1: 1 * 0/0", domain={"x": ("0", "2")}),
    eq("h2-cubic-over-quadratic-away", "true", "(x**3 - x)/(x**2 - 1)", "x", domain={"x": ("2", "5")}),
    C("h2-rel-product-over-factor-nonneg", "relation", "false", "check_relation", syms="x",
      lhs="Mul(x, x - 1, Pow(x - 1, -1), evaluate=False)", rhs="0", rel=">", domain={"x": ("0", "2")},
      cx={"x": "1"}, why="x = 1: the left side is 1 * 0/0, no value to compare"),
    C("h2-rel-square-over-x-positive", "relation", "true", "check_relation", syms="x",
      lhs="Mul(x**2, Pow(x, -1), evaluate=False)", rhs="0", rel=">", domain={"x": ("0", "1")}),
    # --- LaTeX through assert_identity: the parser builds the cancelled value
    tex("h2-tex-x-over-x", "false", "\\frac{x}{x}", "1", (XX, "1"), {"x": "0"},
        "x is real and unrestricted: x = 0 gives 0/0"),
    tex("h2-tex-x-over-x-open", "false", "\\frac{x}{x}", "1", (XX, "1"), {"x": "0"},
        "x = 0 lies inside (-1, 1)", assume=["-1 < x < 1"]),
    tex("h2-tex-x-over-x-above-minus-one", "false", "\\frac{x}{x}", "1", (XX, "1"), {"x": "0"},
        "x = 0 satisfies x > -1", assume=["x > -1"]),
    tex("h2-tex-product-over-factor", "false", "\\frac{x (x - 1)}{x - 1}", "x",
        ("Mul(x, x - 1, Pow(x - 1, -1), evaluate=False)", "x"), {"x": "1"}, "x = 1 lies inside (0, 2): 0/0",
        assume=["0 < x < 2"]),
    tex("h2-tex-square-over-factor", "false", "\\frac{(x - 1)^2}{x - 1}", "x - 1",
        ("Mul((x - 1)**2, Pow(x - 1, -1), evaluate=False)", "x - 1"), {"x": "1"}, "x = 1: 0/0",
        assume=["0 < x < 2"]),
    tex("h2-tex-twice-x-over-x", "false", "\\frac{2x}{x}", "2", ("Mul(2*x, Pow(x, -1), evaluate=False)", "2"),
        {"x": "0"}, "x = 0: 0/0", assume=["-1 < x < 1"]),
    tex("h2-tex-x-over-twice-x", "false", "\\frac{x}{2x}", "\\frac{1}{2}",
        ("Mul(x, Pow(2*x, -1), evaluate=False)", "Rational(1, 2)"), {"x": "0"}, "x = 0: 0/0",
        assume=["-1 < x < 1"]),
    tex("h2-tex-xy-over-y", "false", "\\frac{x y}{y}", "x", ("Mul(x*y, Pow(y, -1), evaluate=False)", "x"),
        {"x": "1", "y": "0"}, "y = 0: x*0/0 has no value"),
    tex("h2-tex-log-over-log", "false", "\\frac{\\log(x)}{\\log(x)}", "1",
        ("Mul(log(x), Pow(log(x), -1), evaluate=False)", "1"), {"x": "1"}, "x = 1: log 1 / log 1 = 0/0",
        assume=["0 < x < 2"]),
    tex("h2-tex-log-base-b-of-b", "false", "\\log_b b", "1", ("Mul(log(b), Pow(log(b), -1), evaluate=False)", "1"),
        {"b": "1"}, "b = 1 lies inside (0, 2): log_1 1 = 0/0 (no logarithm has base 1)", assume=["0 < b < 2"]),
    tex("h2-tex-log-base-b-of-b-above-one", "true", "\\log_b b", "1",
        ("Mul(log(b), Pow(log(b), -1), evaluate=False)", "1"), assume=["b > 1"]),
    tex("h2-tex-x-times-reciprocal", "false", "x \\cdot \\frac{1}{x}", "1", (XX, "1"), {"x": "0"}, "x = 0"),
    tex("h2-tex-zero-over-x", "false", "\\frac{0}{x}", "0", ("Mul(0, Pow(x, -1), evaluate=False)", "0"),
        {"x": "0"}, "x = 0: 0/0"),
    C("h2-tex-reciprocal-of-reciprocal", "identity", "false", "assert_identity", latex=True,
      lhs="\\frac{1}{\\frac{1}{x}}", rhs="x", syms="x", oracle="manual",
      why="x is real and unrestricted: at x = 0, 1/(1/0) has no value (mpmath's 1/inf = 0 hides it)"),
    tex("h2-tex-shifted-over-itself-plus", "false", "\\frac{x + 1}{x + 1}", "1",
        ("Mul(x + 1, Pow(x + 1, -1), evaluate=False)", "1"), {"x": "-1"}, "x = -1: 0/0"),
    C("h2-tex-exp-log", "identity", "false", "assert_identity", latex=True, lhs="\\exp(\\log x)", rhs="x",
      syms="x", oracle="manual",
      why="x is real and unrestricted: at x = 0 log 0 has no value, so exp(log 0) has none (mpmath's "
          "exp(-inf) = 0 hides it; SymPy folds exp(log x) to x on construction)"),
    # --- documents
    doc("h2-doc-x-over-x", "false", "We note\n\n$$\n\\frac{x}{x} = 1\n$$\n", "\\frac{x}{x}", (XX, "=", "1"),
        {"x": "R"}, {"x": "0"}, "x = 0: 0/0"),
    doc("h2-doc-x-over-x-nonzero", "true", "Let $x \\neq 0$.\n\n$$\n\\frac{x}{x} = 1\n$$\n", "\\frac{x}{x}",
        (XX, "=", "1"), {"x": "R", "cond": "x != 0"}),
    doc("h2-doc-shifted-over-itself", "false", "Let $0 < x < 2$.\n\n$$\n\\frac{x - 1}{x - 1} = 1\n$$\n",
        "\\frac{x - 1}{x - 1}", (X1, "=", "1"), {"x": "(0, 2)"}, {"x": "1"}, "x = 1: 0/0"),
    doc("h2-doc-product-over-factor", "false", "Let $0 < x < 2$.\n\n$$\n\\frac{x (x - 1)}{x - 1} = x\n$$\n",
        "\\frac{x (x - 1)}", ("Mul(x, x - 1, Pow(x - 1, -1), evaluate=False)", "=", "x"), {"x": "(0, 2)"},
        {"x": "1"}, "x = 1: 0/0"),
    doc("h2-doc-kl-over-kl", "false", "Let $P(H) = p$ and $Q(H) = q$.\n\n$$\n\\frac{KL(P \\| Q)}{KL(P \\| Q)} = 1\n$$\n",
        "\\frac{KL", (f"Mul({KL}, Pow({KL}, -1), evaluate=False)", "=", "1"), COIN_OVER, {"p": "1/3", "q": "1/3"},
        "p = q: KL = 0 and 0/0 has no value"),
    doc("h2-doc-difference-factor-entropy", "false",
        "Let $P(H) = p$ and $Q(H) = q$.\n\n$$\n\\frac{p - q}{p - q} H(P) = H(P)\n$$\n", "\\frac{p - q}{p - q}",
        (f"Mul(p - q, Pow(p - q, -1), {H}, evaluate=False)", "=", H), COIN_OVER, {"p": "1/3", "q": "1/3"},
        "p = q: 0/0 times H(P)"),
    doc("h2-doc-zero-times-log-difference", "false",
        "Let $P(H) = p$ and $Q(H) = q$.\n\n$$\nKL(P \\| Q) = H(P, Q) - H(P) + 0 \\cdot \\log(p - q)\n$$\n",
        "0 \\cdot \\log(p - q)", ("", "=", ""), COIN_OVER, oracle="manual",
        why="p = q (inside the coins' domain): log 0 has no value, so neither has 0 * log 0; the right side is "
            "undefined there (SymPy folds 0 * log(p - q) to 0)"),
    doc("h2-doc-log-q-over-q", "true",
        "Let $P(H) = p$ and $Q(H) = q$.\n\n$$\nKL(P \\| Q) = H(P, Q) - H(P) + \\log\\frac{q}{q}\n$$\n",
        "\\log\\frac{q}{q}", (KL, "=", f"{HPQ} - {H} + log(Mul(q, Pow(q, -1), evaluate=False))"), COIN_OVER),
]
