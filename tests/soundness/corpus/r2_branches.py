"""Second batch: identities true on most of the domain but false on a small part (branch cuts of log,
sqrt and fractional powers with mixed signs, inverse trigonometric functions past their principal
range, poles inside the interval, floor and piecewise functions, thresholds no sample point reaches)
and numerically sneaky differences (e^-300, 10^-40 x, high frequencies vanishing at every small
denominator).  Controls on the part of the domain where the identity holds."""

from . import C

P = "x y a"  # plain symbols: the corpus reads them as real; each case states its intervals
R = "x:real y:real a:real"


def eq(id, truth, lhs, rhs, dom=None, cx=None, why="", syms=P, **kw):
    extra = {"cx": cx} if cx else {}
    return C(id, "identity", truth, "check_equal", syms=syms, lhs=lhs, rhs=rhs, domain=dom or {}, why=why,
             **extra, **kw)


NEG = ("-oo", "0")
POS = ("0", "oo")

CASES = [
    # --- logs and roots of quotients and products with mixed signs
    eq("br2-log-quotient-both-negative", "true", "log(x/y)", "log(x) - log(y)", {"x": NEG, "y": NEG}),
    eq("br2-log-quotient-positive-over-negative", "false", "log(x/y)", "log(x) - log(y)", {"x": POS, "y": NEG},
       {"x": "1", "y": "-1"}, "x = 1, y = -1: log(-1) = i pi, log 1 - log(-1) = -i pi"),
    eq("br2-log-quotient-negative-over-positive", "true", "log(x/y)", "log(x) - log(y)", {"x": NEG, "y": POS}),
    eq("br2-log-product-opposite-signs", "true", "log(x*y)", "log(x) + log(y)", {"x": POS, "y": NEG}),
    eq("br2-log-product-negatives-by-moduli", "true", "log(x*y)", "log(-x) + log(-y)", {"x": NEG, "y": NEG}),
    eq("br2-sqrt-quotient-positive-over-negative", "false", "sqrt(x/y)", "sqrt(x)/sqrt(y)", {"x": POS, "y": NEG},
       {"x": "1", "y": "-1"}, "x = 1, y = -1: sqrt(-1) = i, but 1/sqrt(-1) = -i"),
    eq("br2-sqrt-quotient-negatives", "true", "sqrt(x/y)", "sqrt(x)/sqrt(y)", {"x": NEG, "y": NEG}),
    eq("br2-sqrt-product-opposite-signs", "true", "sqrt(x*y)", "sqrt(x)*sqrt(y)", {"x": POS, "y": NEG}),
    eq("br2-fourth-root-of-square", "false", "(x**2)**Rational(1, 4)", "sqrt(x)", {"x": ("-1", "1")},
       {"x": "-1/2"}, "x = -1/2: the left side is real, sqrt(-1/2) is imaginary"),
    eq("br2-fourth-root-of-square-positive", "true", "(x**2)**Rational(1, 4)", "sqrt(x)", {"x": ("0", "1")}),
    eq("br2-root-of-sixth-power", "false", "sqrt(x**6)", "x**3", {"x": ("-5", "5")}, {"x": "-1"},
       "x = -1: sqrt(1) = 1 != -1"),
    eq("br2-root-of-sixth-power-abs", "true", "sqrt(x**6)", "Abs(x)**3", {"x": ("-5", "5")}),
    eq("br2-cube-root-of-sixth-power", "true", "(x**6)**Rational(1, 3)", "x**2", {"x": ("-5", "5")}),
    eq("br2-two-thirds-power-forms", "false", "x**Rational(2, 3)", "(x**2)**Rational(1, 3)", {"x": ("-1", "1")},
       {"x": "-1/2"}, "x = -1/2: the principal (-1/2)^(2/3) is not real, ((-1/2)^2)^(1/3) is"),
    eq("br2-two-thirds-power-forms-positive", "true", "x**Rational(2, 3)", "(x**2)**Rational(1, 3)",
       {"x": ("0", "1")}),
    # --- inverse trigonometric functions, atan2
    eq("br2-atan2-right-half-plane", "true", "atan2(y, x)", "atan(y/x)", {"x": ("0", "1"), "y": ("-1", "1")}),
    eq("br2-atan2-left-half-plane", "false", "atan2(y, x)", "atan(y/x)", {"x": ("-1", "0"), "y": ("0", "1")},
       {"x": "-1/2", "y": "1/2"}, "x = -1/2, y = 1/2: atan2 = 3 pi/4, atan(-1) = -pi/4"),
    eq("br2-asin-sin-just-past-half-pi", "false", "asin(sin(x))", "x", {"x": ("-3/2", "8/5")}, {"x": "79/50"},
       "x = 1.58 > pi/2 = 1.5708: asin(sin 1.58) = pi - 1.58 = 1.5616"),
    eq("br2-asin-sin-inside-half-pi", "true", "asin(sin(x))", "x", {"x": ("-3/2", "3/2")}),
    eq("br2-acos-cos-negative-half", "false", "acos(cos(x))", "x", {"x": ("-1", "1")}, {"x": "-1/2"},
       "x = -1/2: acos(cos(-1/2)) = 1/2"),
    eq("br2-acos-cos-is-abs", "true", "acos(cos(x))", "Abs(x)", {"x": ("-3", "3")}),
    eq("br2-half-angle-tangent-narrow", "true", "tan(x/2)", "sin(x)/(1 + cos(x))", {"x": ("-3", "3")}),
    eq("br2-half-angle-tangent-through-pi", "false", "tan(x/2)", "sin(x)/(1 + cos(x))", {"x": ("-4", "4")},
       oracle="manual", why="x = pi lies inside (-4, 4): tan(pi/2) has no value and sin(pi)/(1 + cos(pi)) = 0/0"),
    eq("br2-secant-tangent-through-pole", "false", "1/cos(x)**2", "1 + tan(x)**2", {"x": ("0", "2")},
       oracle="manual", why="x = pi/2 lies inside (0, 2): 1/cos(pi/2)^2 and tan(pi/2) have no value"),
    eq("br2-secant-tangent-before-pole", "true", "1/cos(x)**2", "1 + tan(x)**2", {"x": ("0", "3/2")}),
    # --- floor, piecewise, thresholds the sampler does not reach
    eq("br2-floor-sum-two-units", "false", "floor(x) + floor(-x)", "-1", {"x": ("0", "2")}, {"x": "1"},
       "x = 1: floor(1) + floor(-1) = 0"),
    eq("br2-floor-sum-unit", "true", "floor(x) + floor(-x)", "-1", {"x": ("0", "1")}),
    eq("br2-floor-reciprocal-above-one", "true", "floor(1/x)", "0", {"x": ("1", "oo")}),
    eq("br2-piecewise-tiny-jump", "false", "Piecewise((x, x < Rational(1, 3)), (x + Rational(1, 10**30), True))", "x",
       {"x": ("0", "1")}, {"x": "1/2"}, "x >= 1/3: the sides differ by 10^-30"),
    eq("br2-piecewise-one-point", "false", "Piecewise((1, Eq(x, Rational(2, 7))), (0, True))", "0",
       {"x": ("0", "1")}, {"x": "2/7"}, "x = 2/7: the left side is 1"),
    eq("br2-piecewise-threshold-near-end", "false", "Piecewise((0, x < 1 - Rational(1, 10**20)), (1, True))", "0",
       {"x": ("0", "1")}, {"x": "1 - Rational(1, 10**21)"}, "x = 1 - 10^-21 lies in (0, 1) past the threshold"),
    eq("br2-min-threshold-near-end", "false", "Min(x, 1 - Rational(1, 10**25))", "x", {"x": ("0", "1")},
       {"x": "1 - Rational(1, 10**26)"}, "x = 1 - 10^-26: the minimum is 1 - 10^-25"),
    eq("br2-sign-squared-straddling", "false", "sign(x)**2", "1", {"x": ("-1", "1")}, {"x": "0"},
       "x = 0: sign(0) = 0"),
    eq("br2-sign-squared-positive", "true", "sign(x)**2", "1", {"x": ("0", "1")}),
    eq("br2-abs-sum-constant-inside", "true", "Abs(x - 1) + Abs(x + 1)", "2", {"x": ("-1", "1")}),
    eq("br2-abs-on-window-below-zero", "false", "Abs(x)", "x", {"x": ("-1/10**30", "1")}, {"x": "-1/10**31"},
       "x = -10^-31 lies in the interval: |x| = -x != x"),
    eq("br2-floor-on-window-below-zero", "false", "floor(x)", "0", {"x": ("-1/10**30", "1")}, {"x": "-1/10**31"},
       "x = -10^-31: floor(x) = -1"),
    eq("br2-root-of-square-on-window-below-zero", "false", "sqrt(x**2)", "x", {"x": ("-1/10**30", "1")},
       {"x": "-1/10**31"}, "x = -10^-31: sqrt(x^2) = 10^-31 != x"),
    eq("br2-modulus-cubic-minus-n", "true", "Mod(k**3 - k, 6)", "0", syms="k:integer"),
    eq("br2-modulus-square-minus-one-any", "false", "Mod(k**2 - 1, 8)", "0", cx={"k": "2"}, why="k = 2: 3 mod 8",
       syms="k:integer"),
    eq("br2-modulus-square-minus-one-odd", "true", "Mod(k**2 - 1, 8)", "0", syms="k:odd"),
    eq("br2-odd-square-mod-eight", "true", "Mod(o**2, 8)", "1", syms="o:odd"),
    eq("br2-odd-shifted-square-mod-eight", "false", "Mod(o**2 + 2, 8)", "1", cx={"o": "1"},
       why="o = 1: 3 mod 8 = 3", syms="o:odd"),
    # --- tiny differences and frequencies tuned to the sample points
    eq("br2-exp-minus-300-over-x", "false", "x + exp(-300/x)", "x", {"x": ("0", "1")}, {"x": "1/2"},
       "the sides differ by e^(-300/x) > 0 (e^-600 at x = 1/2)"),
    eq("br2-tiny-relative-change", "false", "x + x/10**40", "x", {"x": ("0", "1")}, {"x": "1/2"},
       "the sides differ by x * 10^-40"),
    eq("br2-sine-squared-lcm-frequency", "false", "sin(2520*pi*x)**2", "0", {"x": ("0", "1")}, {"x": "1/11"},
       "2520 = lcm(1..10): zero at every k/m with m <= 10, but 2520/11 is no integer"),
    eq("br2-cosine-lcm-frequency", "false", "cos(5040*pi*x)", "1", {"x": ("0", "1")}, {"x": "1/11"},
       "5040 pi x is a multiple of 2 pi at every k/m with m <= 10, not at 1/11"),
    eq("br2-exp-difference-below-fifty-digits", "false", "exp(x) - exp(x - Rational(1, 10**60))",
       "exp(x)/10**60", {"x": ("0", "1")}, {"x": "1/2"},
       "e^x (1 - e^(-10^-60)) = e^x (10^-60 - 10^-120/2 + ...) != e^x 10^-60"),
    # --- integer-only identities at real points; special functions through their poles
    eq("br2-minus-one-even-power-real", "false", "(-1)**(2*x)", "1", cx={"x": "1/4"},
       why="x = 1/4 (x real): (-1)^(1/2) = i", syms=R),
    eq("br2-cos-pi-x-squared-real", "false", "cos(pi*x)**2", "1", cx={"x": "1/2"}, why="x = 1/2: cos(pi/2) = 0",
       syms=R),
    eq("br2-gamma-reflection-unit", "true", "gamma(x)*gamma(1 - x)", "pi/sin(pi*x)", {"x": ("0", "1")}),
    eq("br2-gamma-reflection-through-one", "false", "gamma(x)*gamma(1 - x)", "pi/sin(pi*x)", {"x": ("0", "2")},
       {"x": "1"}, "x = 1: gamma(0) has no value"),
    eq("br2-digamma-recurrence-through-zero", "false", "digamma(x + 1)", "digamma(x) + 1/x", {"x": ("-1", "1")},
       {"x": "0"}, "x = 0: digamma(0) and 1/0 have no value"),
    eq("br2-lambert-inverse-wide", "false", "LambertW(x*exp(x))", "x", {"x": ("-2", "oo")}, {"x": "-3/2"},
       "x = -3/2 < -1: the principal branch W0 returns the other preimage"),
    eq("br2-lambert-inverse-principal", "true", "LambertW(x*exp(x))", "x", {"x": ("-1", "oo")}),
    eq("br2-x-to-the-x", "true", "x**x", "exp(x*log(x))", {"x": POS}),
    C("br2-max-reciprocal-ge-one", "relation", "true", "check_relation", syms=P, lhs="Max(x, 1/x)", rhs="1",
      rel=">=", domain={"x": POS}),
    C("br2-max-reciprocal-gt-one", "relation", "false", "check_relation", syms=P, lhs="Max(x, 1/x)", rhs="1",
      rel=">", domain={"x": POS}, cx={"x": "1"}, why="x = 1: max(1, 1) = 1"),
]
