"""Second batch: notation read the way TeX and mathematicians read it.  A superscript or subscript
without braces takes one token (x^23 is x^2 3, e^2x is e^2 x), \\exp x^2 is exp(x^2) as \\log x^2 is
log(x^2), n!! is the double factorial, division and \\div go left to right.  assert_identity on LaTeX."""

from . import C


def tex(id, truth, lhs, rhs, o=None, cx=None, why="", syms="x y a b c", **kw):
    o_lhs, o_rhs = o if o else ("", "")
    extra = {"cx": cx} if cx else {}
    return C(id, "identity", truth, "assert_identity", latex=True, lhs=lhs, rhs=rhs, syms=syms,
             o_lhs=o_lhs, o_rhs=o_rhs, why=why, **extra, **kw)


CASES = [
    tex("nt2-superscript-two-digits-as-power", "false", "x^23", "x^{23}", oracle="manual",
        why="TeX gives a brace-less superscript one token: x^23 is x^{2} followed by 3 (it renders x²3), i.e. "
            "3x^2; x = 2 gives 12 != 8388608"),
    tex("nt2-superscript-letter-then-letter", "true", "e^2x", "x e^{2}", ("exp(2)*x", "x*exp(2)")),
    tex("nt2-superscript-letter-then-letter-misread", "false", "e^2x", "e^{2x}", ("exp(2)*x", "exp(2*x)"),
        {"x": "2"}, "e^2x is e^2 times x: at x = 2, 2e^2 != e^4"),
    tex("nt2-exp-of-square", "true", "\\exp x^2", "e^{x^2}", ("exp(x**2)", "exp(x**2)"),
        why="like \\log x^2 = log(x^2), \\exp x^2 is exp(x^2), not (exp x)^2"),
    tex("nt2-exp-of-square-as-square-of-exp", "false", "\\exp x^2", "e^{2x}", ("exp(x**2)", "exp(2*x)"), {"x": "1"},
        "\\exp x^2 = exp(x^2): at x = 1, e != e^2"),
    tex("nt2-exp-bracketed-squared", "true", "\\exp(x)^2", "e^{2x}", ("exp(x)**2", "exp(2*x)")),
    tex("nt2-double-factorial", "true", "3!!", "3", ("factorial2(3)", "3"), why="n!! is the double factorial: 3 * 1"),
    tex("nt2-double-factorial-as-iterated", "false", "3!!", "720", ("factorial2(3)", "720"),
        why="3!! = 3 (double factorial); (3!)! = 720 is written with brackets"),
    tex("nt2-double-factorial-five", "true", "5!!", "15", ("factorial2(5)", "15")),
    tex("nt2-iterated-factorial-bracketed", "true", "(3!)!", "720", ("factorial(factorial(3))", "720")),
    tex("nt2-power-tower", "true", "2^{3^2}", "512", ("2**9", "512")),
    tex("nt2-power-tower-left", "false", "2^{3^2}", "64", ("2**9", "64"), why="2^(3^2) = 2^9, not (2^3)^2"),
    tex("nt2-negative-square", "true", "-2^2", "-4", ("-4", "-4")),
    tex("nt2-negative-square-wrong", "false", "-2^2", "4", ("-4", "4"), why="-2^2 = -(2^2)"),
    tex("nt2-slash-chain", "true", "a / b / c", "\\frac{a}{b c}", ("a/b/c", "a/(b*c)"), assume=["b > 0", "c > 0"],
        over={"b": "(0, oo)", "c": "(0, oo)"}),
    tex("nt2-slash-chain-right-assoc", "false", "a / b / c", "\\frac{a c}{b}", ("a/b/c", "a*c/b"),
        {"a": "1", "b": "1", "c": "2"}, "a / b / c = (a/b)/c", assume=["b > 0", "c > 0"],
        over={"b": "(0, oo)", "c": "(0, oo)"}),
    tex("nt2-div-then-cdot", "true", "6 \\div 2 \\cdot 3", "9", ("9", "9")),
    tex("nt2-div-then-cdot-right-first", "false", "6 \\div 2 \\cdot 3", "1", ("9", "1"), why="left to right: 9"),
    tex("nt2-ln-e", "true", "\\ln e", "1", ("1", "1")),
    tex("nt2-log-base-half", "true", "\\log_{1/2} 8", "-3", ("log(8)/log(Rational(1, 2))", "-3")),
    tex("nt2-log-base-two-cube", "true", "\\log_2 x^3", "3\\log_2 x", ("log(x**3)/log(2)", "3*log(x)/log(2)"),
        assume=["x > 0"], over={"x": "(0, oo)"}),
    tex("nt2-log-base-two-cube-no-assumption", "false", "\\log_2 x^3", "3\\log_2 x",
        ("log(x**3)/log(2)", "3*log(x)/log(2)"), {"x": "0"}, "x = 0: log 0 has no value (x is unrestricted)"),
    tex("nt2-log-plus-one-not-grouped", "false", "\\log x + 1", "\\log(x + 1)", ("log(x) + 1", "log(x + 1)"),
        {"x": "1"}, "x = 1: 1 != log 2", assume=["x > 0"], over={"x": "(0, oo)"}),
    tex("nt2-second-derivative", "true", "\\frac{d^2}{dx^2} x^3", "6x", ("Derivative(x**3, x, 2)", "6*x")),
    tex("nt2-second-derivative-as-first", "false", "\\frac{d^2}{dx^2} x^3", "3x^2",
        ("Derivative(x**3, x, 2)", "3*x**2"), {"x": "1"}, "the second derivative is 6x"),
    tex("nt2-derivative-of-max-straddling", "false", "\\frac{d}{dx} \\max(x, 0)", "1",
        oracle="manual", why="for -1 < x < 0 the derivative of max(x, 0) is 0; at x = 0 it does not exist",
        assume=["x > -1"]),
    tex("nt2-derivative-x-to-x", "true", "\\frac{d}{dx} x^x", "x^x (\\log x + 1)",
        ("Derivative(x**x, x)", "x**x*(log(x) + 1)"), assume=["x > 0"], over={"x": "(0, oo)"}),
]
