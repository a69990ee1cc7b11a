"""Integer and non-negative symbols: identities true only at integers must not be refuted at
non-integer points; their near misses must not be proved."""

from . import C

N = "n:integer"
K = "k:integer,nonnegative"
M = "m:integer,positive"
Y = "y:nonnegative"


def eq(id, truth, syms, lhs, rhs, cx=None, why="", **kw):
    return C(id, "identity", truth, "check_equal", syms=syms, lhs=lhs, rhs=rhs, why=why,
             **({"cx": cx} if cx else {}), **kw)


def rel(id, truth, syms, lhs, r, rhs, cx=None, why="", **kw):
    return C(id, "relation", truth, "check_relation", syms=syms, lhs=lhs, rhs=rhs, rel=r, why=why,
             **({"cx": cx} if cx else {}), **kw)


CASES = [
    eq("int-cos-pi-n", "true", N, "cos(pi*n)", "(-1)**n"),
    eq("int-sin-pi-n", "true", N, "sin(pi*n)", "0"),
    eq("int-minus-one-even-power", "true", N, "(-1)**(2*n)", "1"),
    eq("int-exp-two-pi-i-n", "true", N, "exp(2*pi*I*n)", "1"),
    eq("int-minus-one-square-exponent", "true", N, "(-1)**(n**2)", "(-1)**n"),
    eq("int-cos-pi-n-squared", "true", N, "cos(pi*n)**2", "1"),
    eq("int-sin-half-pi-n-squared", "true", N, "sin(pi*n/2)**2", "(1 - (-1)**n)/2"),
    eq("int-minus-one-shift", "true", N, "(-1)**(n + 1)", "-(-1)**n"),
    eq("int-floor-of-integer", "true", N, "floor(n)", "n"),
    eq("int-consecutive-product-even", "true", N, "Mod(n*(n + 1), 2)", "0"),
    eq("int-cos-pi-n-is-one", "false", N, "cos(pi*n)", "1", {"n": "1"}, "n = 1: cos(pi) = -1"),
    eq("int-sin-half-pi-n", "false", N, "sin(pi*n/2)", "0", {"n": "1"}, "n = 1: sin(pi/2) = 1"),
    eq("int-minus-one-power-is-one", "false", N, "(-1)**n", "1", {"n": "1"}, "n = 1"),
    eq("int-n-even", "false", N, "Mod(n, 2)", "0", {"n": "1"}, "n = 1 is odd"),
    eq("int-cos-real-x", "false", "x", "cos(pi*x)", "(-1)**x", {"x": "1/2"},
       "x = 1/2 (x real, not integer): 0 vs i"),
    eq("int-sin-pi-real-x", "false", "x", "sin(pi*x)", "0", {"x": "1/2"}, "x = 1/2: sin(pi/2) = 1"),
    eq("int-factorial-recurrence", "true", K, "factorial(k + 1)", "(k + 1)*factorial(k)"),
    eq("int-binomial-two", "true", K, "binomial(k, 2)", "k*(k - 1)/2"),
    eq("int-gamma-factorial", "true", K, "gamma(k + 1)", "factorial(k)"),
    eq("int-factorial-any-integer", "false", N, "factorial(n + 1)", "(n + 1)*factorial(n)", {"n": "-1"},
       "n = -1: 0! = 1, but 0 * (-1)! has no value"),
    rel("int-two-power-ge-successor", "true", K, "2**k", ">=", "k + 1"),
    rel("int-two-power-gt-successor", "false", K, "2**k", ">", "k + 1", {"k": "1"}, "k = 1: 2 > 2 fails"),
    rel("int-square-ge-self", "true", N, "n**2", ">=", "n"),
    rel("int-square-gt-self", "false", M, "m**2", ">", "m", {"m": "1"}, "m = 1: 1 > 1 fails"),
    rel("int-reciprocal-le-one", "true", M, "1/m", "<=", "1"),
    rel("int-reciprocal-lt-one", "false", M, "1/m", "<", "1", {"m": "1"}, "m = 1"),
    rel("int-square-ge-self-real", "false", "x", "x**2", ">=", "x", {"x": "1/2"}, "x = 1/2: 1/4 < 1/2"),
    rel("int-minus-one-power-positive", "false", N, "(-1)**n", ">", "0", {"n": "1"}, "n = 1"),
    rel("int-minus-one-even-power-positive", "true", N, "(-1)**(2*n)", ">", "0"),
    eq("int-nonneg-sqrt-square", "true", Y, "sqrt(y**2)", "y"),
    eq("int-nonneg-abs", "true", Y, "Abs(y)", "y"),
    rel("int-nonneg-ratio-lt-one", "true", Y, "y/(1 + y)", "<", "1"),
    rel("int-nonneg-positive", "false", Y, "y", ">", "0", {"y": "0"}, "y = 0 is non-negative"),
    rel("int-nonneg-exp-gt-one", "false", Y, "exp(y)", ">", "1", {"y": "0"}, "y = 0: e^0 = 1"),
    rel("int-in-open-interval-below-four", "false", N, "n", "<", "4", {"n": "4"},
        "n = 4 is an integer in (0, 5)", domain={"n": ("0", "5")}),
    rel("int-in-open-interval-square", "true", N, "n**2", "<", "25", domain={"n": ("0", "5")}),
    eq("int-even-power-one", "true", "e:even", "(-1)**e", "1"),
    eq("int-even-cos-half", "false", "e:even", "cos(pi*e/2)", "1", {"e": "2"}, "e = 2: cos(pi) = -1"),
    eq("int-odd-power-minus-one", "true", "o:odd", "(-1)**o", "-1"),
    eq("int-odd-sin-half", "false", "o:odd", "sin(pi*o/2)", "1", {"o": "3"}, "o = 3: sin(3 pi/2) = -1"),
    C("int-latex-cos-pi-n-no-integer", "identity", "false", "assert_identity", latex=True, lhs="\\cos(\\pi n)",
      rhs="(-1)^n", syms="n", o_lhs="cos(pi*n)", o_rhs="(-1)**n", cx={"n": "1/2"},
      why="n is not declared an integer in LaTeX: n = 1/2 gives 0 vs i"),
]
