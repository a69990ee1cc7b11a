"""Second batch of crash probes: unusual SymPy objects as sides (Lambda, an undefined function class,
Subs, Limit, KroneckerDelta, DiracDelta, integrals without limits or with one, several limits in one
Integral), domains that are not intervals, odd assumptions and definitions, time limits, and odd
documents and proof files (CR line ends, a byte-order mark, NUL bytes, macros, long lines, deep
fractions, duplicated steps).  Any verdict is fine; no traceback, no hang, exit 0/1/2."""

from . import C


def api(id, code, syms="x y k:integer f:Function"):
    return C(id, "crash", "crash-probe", "python", code=code, syms=syms)


def doc(id, text="", make="", args=(), ext="md", assume=(), define=()):
    return C(id, "crash", "crash-probe", "check", text=text, make=make, args=list(args), ext=ext,
             assume=list(assume), define=list(define))


def proof(id, edit="", base="gibbs-coin", make=""):
    return C(id, "crash", "crash-probe", "verify", proof=base if not make else "", edit=edit, make=make)


D = "derive.check_equal"
SQ = "Let $x > 0$.\n\n$$\n\\sqrt{x^2} = x\n$$\n"

CASES = [
    # --- the Python API
    api("cr2-lambda-sides", f"result = {D}(Lambda(x, x**2), Lambda(y, y**2), Domain())"),
    api("cr2-function-class-side", f"result = {D}(f, f, Domain())"),
    api("cr2-applied-function-other-argument", f"result = {D}(f(x), f(y), Domain())"),
    api("cr2-derivative-unknown-function", f"result = {D}(Derivative(f(x)**2, x), 2*f(x)*Derivative(f(x), x), Domain())"),
    api("cr2-integral-without-limits", f"result = {D}(Integral(x, x), x**2/2, Domain())"),
    api("cr2-integral-one-limit", f"result = {D}(Integral(x, (x, 1)), Rational(1, 2), Domain())"),
    api("cr2-integral-three-limits-one-object", f"result = {D}(Integral(x*y*k, (x, 0, 1), (y, 0, 1)), k/4, Domain())"),
    api("cr2-subs-object", f"result = {D}(Subs(x**2, x, 2), 4, Domain())"),
    api("cr2-limit-object", f"result = {D}(Limit(sin(x)/x, x, 0), 1, Domain())"),
    api("cr2-limit-one-sided-infinite", f"result = {D}(Limit(1/x, x, 0, '-'), -oo, Domain())"),
    api("cr2-kronecker-delta", f"result = {D}(KroneckerDelta(k, 1), 0, Domain(((k, Interval.open(1, 3)),)))"),
    api("cr2-dirac-delta-integral", f"result = {D}(Integral(DiracDelta(x), (x, -1, 1)), 1, Domain())"),
    api("cr2-piecewise-without-otherwise", f"result = {D}(Piecewise((x, x > 0)), x, Domain(((x, Interval.open(-1, 1)),)))"),
    api("cr2-derivative-of-abs", f"result = {D}(Derivative(Abs(x), x), sign(x), Domain(((x, Interval.open(-1, 1)),)))"),
    api("cr2-domain-finite-set", f"result = {D}(x**2, x, Domain(((x, FiniteSet(0, 1)),)))"),
    api("cr2-domain-union", f"result = {D}(sqrt(x**2), x, Domain(((x, Union(Interval.open(0, 1), Interval.open(2, 3))),)))"),
    api("cr2-domain-integers", f"result = {D}(cos(pi*x), (-1)**x, Domain(((x, S.Integers),)))"),
    api("cr2-domain-single-point", f"result = {D}(x, 1, Domain(((x, Interval(1, 1)),)))"),
    api("cr2-domain-reals-set", f"result = {D}(sqrt(x**2), x, Domain(((x, S.Reals),)))"),
    api("cr2-relation-bool-hypothesis", "result = derive.check_relation(S.true, Eq(x, 1), 'implies', Domain())"),
    api("cr2-relation-iff-expressions", "result = derive.check_relation(x, y, 'iff', Domain())"),
    api("cr2-system-of-none", "result = derive.check_relation(derive.System(), Eq(x, 1), 'implies', Domain())"),
    api("cr2-timeout-tiny", f"result = {D}(sin(x)**2 + cos(x)**2, 1, Domain(), timeout=1e-9)"),
    api("cr2-timeout-nan", f"result = {D}(sin(x)**2 + cos(x)**2, 1, Domain(), timeout=1e309 - 1e309)"),
    api("cr2-timeout-infinite", f"result = {D}(sin(x)**2 + cos(x)**2, 1, Domain(), timeout=1e309)"),
    api("cr2-sum-huge-power", f"result = {D}(Sum(k**(10**6), (k, 1, y)), y, Domain())"),
    api("cr2-product-long-range", f"result = {D}(Product(1 + 1/k**2, (k, 1, 10**5)), sinh(pi)/pi, Domain())"),
    api("cr2-assert-define-conflicting",
        "assert_identity('P(H)', 'p', define=['P(H) = p', 'P(H) = q'])\n"
        "result = None"),
    api("cr2-assert-assume-or", "assert_identity('\\\\sqrt{x^2}', 'x', assume=[Or(x > 0, x < -1)])\nresult = None"),
    api("cr2-assert-assume-ne", "assert_identity('\\\\frac{x}{x}', '1', assume=[Ne(x, 0)])\nresult = None"),
    api("cr2-assert-symbol-clash", "assert_identity(sqrt(Symbol('z', positive=True)**2), Symbol('z'))\nresult = None"),
    api("cr2-mixed-assumption-same-name", f"result = {D}(sqrt(Symbol('z', real=True)**2), Symbol('z', positive=True), Domain())"),
    # --- derive check
    doc("cr2-doc-crlf", SQ.replace("\n", "\r\n")),
    doc("cr2-doc-cr-only", SQ.replace("\n", "\r")),
    doc("cr2-doc-bom", make="'\\ufeff$$\\n(x+1)^2 = x^2 + 1\\n$$\\n'.encode('utf-8')"),
    doc("cr2-doc-nul-byte", make="b'$$\\nx = x\\n$$\\n\\x00\\n$$\\ny = y\\n$$\\n'"),
    doc("cr2-doc-newcommand", "\\newcommand{\\two}{2}\n\n$$\n\\two + \\two = 4\n$$\n"),
    doc("cr2-doc-renewcommand-tex", "\\documentclass{article}\n\\renewcommand{\\log}{\\exp}\n\\begin{document}\n"
        "\\begin{equation}\n\\log(0) = 1\n\\end{equation}\n\\end{document}\n", ext="tex"),
    doc("cr2-doc-unbalanced-dollars", "$$ x = 1 $ y = 2 $$$\n"),
    doc("cr2-doc-nested-environments", "\\begin{equation}\n\\begin{align}\nx &= x\n\\end{align}\n\\end{equation}\n"),
    doc("cr2-doc-long-line", make="'$$\\n' + ' + '.join(['x'] * 20000) + ' = 20000 x\\n$$\\n'"),
    doc("cr2-doc-deep-fractions", make="'$$\\n' + '\\\\frac{1}{' * 150 + 'x' + '}' * 150 + ' = x\\n$$\\n'"),
    doc("cr2-doc-many-suppositions", make="''.join(f'Suppose $x_{{{i}}} = {i}$.\\n\\n$$\\nx_{{{i}}}^2 = {i * i}\\n$$\\n\\n' for i in range(300))"),
    doc("cr2-doc-cases-unterminated", "$$\n\\begin{cases} x = 1 \\\\ y = 2\n$$\n"),
    doc("cr2-doc-empty-align-rows", "\\begin{align}\n\\\\\n&= \\\\\n&=\n\\end{align}\n"),
    doc("cr2-doc-only-relations", "$$\n= = = \\leq \\geq\n$$\n"),
    doc("cr2-doc-define-categorical-cli", "$$\nH(P) = -\\sum_{i=1}^{3} p_i \\log p_i\n$$\n",
        define=["P = (p_1, p_2, p_3)"]),
    doc("cr2-doc-assume-huge-interval", SQ, assume=["-1e400 < x < 1e400"]),
    doc("cr2-doc-define-self-reference", "$$\na = a + 1\n$$\n", define=["a := a + 1"]),
    # --- derive verify
    proof("cr2-pf-duplicate-step", "d['steps'].insert(3, dict(d['steps'][3]))"),
    proof("cr2-pf-statement-zero-width-space", "d['statement'] = 'KL(P \\\\Vert Q) \\\\geq 0\\u200b'"),
    proof("cr2-pf-statement-cyrillic-o", "d['statement'] = 'KL(P \\\\Vert Q) \\\\geq \\u041e'"),
    proof("cr2-pf-statement-tag", "d['statement'] = r'KL(P \\Vert Q) \\geq 0 \\tag{1}'"),
    proof("cr2-pf-statement-cases-of-bounds",
          "d['statement'] = r'\\begin{cases} KL(P \\Vert Q) \\geq 0 \\\\ KL(P \\Vert P) = 0 \\end{cases}'"),
    proof("cr2-pf-before-huge-tower", "d['steps'][9]['before'] = r'10^{10^{10^{10}}}'"),
    proof("cr2-pf-relation-iff-between-expressions", "d['steps'][12]['relation'] = 'iff'"),
    proof("cr2-pf-supposed-bound", "d['steps'][14]['supposed'] = True"),
    proof("cr2-pf-family-parameter-count", "d['distributions'][0]['parameters'] = ['p', 'q']"),
    proof("cr2-pf-normal-domain-widened", "d['distributions'][1]['domain'] = "
          "[r'-\\infty < \\mu_{2} < \\infty', r'-\\infty < \\sigma_{2} < \\infty']", base="kl-cross-entropy-normal"),
]
