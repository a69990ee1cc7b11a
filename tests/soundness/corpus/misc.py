"""Anything else a skeptical user would try: claims true at the "nice" sample points (1/2, 1/3,
1/k, small integers) but false elsewhere; identities true on part of the domain only; tiny
differences; branch cuts of inverse functions."""

import sympy as _sp

from . import C

R = "x:real y:real a:real b:real"
P = "x y"


def eq(id, truth, lhs, rhs, cx=None, why="", syms=R, **kw):
    extra = {"cx": cx} if cx else {}
    return C(id, "identity", truth, "check_equal", syms=syms, lhs=lhs, rhs=rhs, why=why, **extra, **kw)


# a polynomial vanishing at every k/m with 2 <= m <= 12 in (0, 1)
_ROOTS = sorted({_sp.Rational(k, m) for m in range(2, 13) for k in range(1, m)})
NICE_POLY = "*".join(f"(x - Rational({r.p}, {r.q}))" for r in _ROOTS)

CASES = [
    eq("misc-vanishes-at-small-denominators", "false", NICE_POLY, "0", {"x": "1/13"},
       f"a product of (x - k/m) over {len(_ROOTS)} small-denominator rationals; x = 1/13 is not a root",
       syms=P, domain={"x": ("0", "1")}),
    eq("misc-sine-of-pi-over-x", "false", "sin(pi/x)", "0", {"x": "2/3"},
       "zero at x = 1/k only; x = 2/3 gives sin(3 pi/2) = -1", syms=P, domain={"x": ("0", "1")}),
    eq("misc-sine-of-thousand-pi-x", "false", "sin(2000*pi*x)", "0", {"x": "1/3000"},
       "zero at every x = k/2000; x = 1/3000 gives sin(2 pi/3)", syms=P, domain={"x": ("0", "1")}),
    eq("misc-fractional-part-zero", "false", "x - floor(x)", "0", {"x": "1/2"}, "x = 1/2"),
    eq("misc-abs-sine-is-sine", "false", "Abs(sin(x))", "sin(x)", {"x": "7/2"}, "x = 3.5: sin < 0",
       syms=P, domain={"x": ("0", "4")}),
    eq("misc-abs-sine-is-sine-first-lobe", "true", "Abs(sin(x))", "sin(x)", syms=P, domain={"x": ("0", "3")}),
    eq("misc-exp-minus-inverse-square", "false", "exp(-1/x**2)", "0", {"x": "1"}, "x = 1: e^-1",
       syms=P, domain={"x": ("0", "oo")}),
    eq("misc-tiny-perturbation", "false", "x + exp(-500)*sin(x)", "x", {"x": "1"},
       "the sides differ by e^-500 sin x, nonzero at x = 1"),
    eq("misc-expanded-binomial-twenty", "true", "(x + 1)**20", str(_sp.expand((_sp.Symbol("x") + 1) ** 20))),
    eq("misc-expanded-binomial-twenty-one-coefficient-off", "false", "(x + 1)**20",
       str(_sp.expand((_sp.Symbol("x") + 1) ** 20) + _sp.Symbol("x") ** 10), {"x": "1"},
       "one coefficient off by one: x^10 differs at x = 1"),
    eq("misc-asin-sin-wide", "false", "asin(sin(x))", "x", {"x": "19/10"}, "x = 1.9 > pi/2",
       syms=P, domain={"x": ("-2", "2")}),
    eq("misc-asin-sin-narrow", "true", "asin(sin(x))", "x", syms=P, domain={"x": ("-1", "1")}),
    eq("misc-atan-reciprocal-positive", "true", "atan(x) + atan(1/x)", "pi/2", syms=P, domain={"x": ("0", "oo")}),
    eq("misc-atan-reciprocal-straddling", "false", "atan(x) + atan(1/x)", "pi/2", {"x": "-1/2"},
       "x = -1/2: the sum is -pi/2", syms=P, domain={"x": ("-1", "1")}),
    eq("misc-atan-tan", "false", "atan(tan(x))", "x", {"x": "2"}, "x = 2: atan(tan 2) = 2 - pi",
       syms=P, domain={"x": ("0", "3")}),
    eq("misc-acos-cos-principal", "true", "acos(cos(x))", "x", syms=P, domain={"x": ("0", "3")}),
    eq("misc-acos-cos-past-pi", "false", "acos(cos(x))", "x", {"x": "7/2"}, "x = 3.5 > pi",
       syms=P, domain={"x": ("0", "4")}),
    eq("misc-pythagorean-root-wide", "false", "sqrt(1 - sin(x)**2)", "cos(x)", {"x": "2"}, "x = 2: cos 2 < 0",
       syms=P, domain={"x": ("0", "3")}),
    eq("misc-pythagorean-root-narrow", "true", "sqrt(1 - sin(x)**2)", "cos(x)", syms=P,
       domain={"x": ("-3/2", "3/2")}),
    eq("misc-log-product-negatives", "false", "log(x*y)", "log(x) + log(y)", {"x": "-1", "y": "-1"},
       "x = y = -1: 0 != 2 i pi", syms=P, domain={"x": ("-oo", "0"), "y": ("-oo", "0")}),
    eq("misc-log-product-positives", "true", "log(x*y)", "log(x) + log(y)", syms=P,
       domain={"x": ("0", "oo"), "y": ("0", "oo")}),
    eq("misc-power-of-power-positive-base", "true", "(x**a)**b", "x**(a*b)", syms="x a:real b:real",
       domain={"x": ("0", "oo")}),
    eq("misc-power-of-power-any-base", "false", "(x**a)**b", "x**(a*b)", {"x": "-1", "a": "2", "b": "1/2"},
       "x = -1, a = 2, b = 1/2: 1 != i", syms="x a:real b:real"),
    eq("misc-exp-sum", "true", "exp(a)*exp(b)", "exp(a + b)"),
    eq("misc-gamma-recurrence", "true", "gamma(x + 1)", "x*gamma(x)", syms=P, domain={"x": ("0", "oo")}),
    C("misc-triangle-inequality", "relation", "true", "check_relation", syms=R, lhs="Abs(x + y)",
      rhs="Abs(x) + Abs(y)", rel="<="),
    eq("misc-abs-additive", "false", "Abs(x + y)", "Abs(x) + Abs(y)", {"x": "1", "y": "-1"}, "x = 1, y = -1"),
    eq("misc-max-plus-min", "true", "Max(x, y) + Min(x, y)", "x + y"),
    eq("misc-max-formula", "true", "Max(x, y)", "(x + y + Abs(x - y))/2"),
    eq("misc-max-formula-sign-wrong", "false", "Max(x, y)", "(x + y - Abs(x - y))/2", {"x": "1", "y": "0"},
       "that is the minimum: x = 1, y = 0"),
    eq("misc-piecewise-abs", "true", "Piecewise((x, x > 0), (-x, True))", "Abs(x)"),
    eq("misc-piecewise-ramp-is-x", "false", "Piecewise((x, x > 0), (0, True))", "x", {"x": "-1"}, "x = -1"),
    eq("misc-sign-times-abs", "true", "sign(x)*Abs(x)", "x"),
    eq("misc-heaviside-ramp", "true", "Heaviside(x)*x", "Max(x, 0)"),
    eq("misc-ceiling-floor", "false", "ceiling(x)", "floor(x) + 1", {"x": "1"}, "x = 1: ceiling 1 = floor 1"),
    eq("misc-ceiling-floor-noninteger", "true", "ceiling(x)", "floor(x) + 1", syms=P, domain={"x": ("0", "1")}),
    eq("misc-cos-double-angle", "true", "cos(2*x)", "1 - 2*sin(x)**2"),
    eq("misc-cos-double-angle-wrong", "false", "cos(2*x)", "2*cos(x)", {"x": "0"}, "x = 0: 1 != 2"),
    eq("misc-sqrt-of-square-sum", "false", "sqrt(x**2 + y**2)", "x + y", {"x": "1", "y": "1"},
       "x = y = 1: sqrt 2 != 2"),
    eq("misc-rational-function-cancel", "true", "(x**3 - 1)/(x - 1)", "x**2 + x + 1", syms=P,
       domain={"x": ("1", "oo")}),
    eq("misc-rational-function-cancel-through-hole", "false", "(x**3 - 1)/(x - 1)", "x**2 + x + 1", {"x": "1"},
       "x = 1: 0/0 is undefined", syms=P, domain={"x": ("0", "2")}),
    C("misc-exp-grows-faster", "relation", "false", "check_relation", syms=P, lhs="x**10", rhs="exp(x)", rel="<=",
      domain={"x": ("0", "oo")}, cx={"x": "10"}, why="x = 10: 10^10 > e^10 (false on a middle stretch only)"),
    C("misc-log-below-sqrt", "relation", "true", "check_relation", syms=P, lhs="log(x)", rhs="sqrt(x)", rel="<",
      domain={"x": ("0", "oo")}),
]
