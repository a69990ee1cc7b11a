"""Crash probes: any verdict is fine, but no traceback, no hang, CLI exit code 0, 1 or 2.
A few are also false claims (huge powers, NaN) and must not be PROVED."""

from . import C

DIGITS400 = "0." + "1234567890" * 40
SQ_DOC = "$$\nx^2 \\geq 0\n$$\n"


def probe(id, via, **kw):
    kind = {"check": "crash", "verify": "crash"}.get(via, "crash")
    return C(id, kind, "crash-probe", via, **kw)


def doc(id, text="", make="", args=(), ext="md", assume=()):
    return probe(id, "check", text=text, make=make, args=list(args), ext=ext, assume=list(assume))


def proof(id, make="", edit="", base="gibbs-coin"):
    return probe(id, "verify", make=make, edit=edit, proof=base if not make else "")


def api(id, code, syms="x y k"):
    return probe(id, "python", code=code, syms=syms)


CASES = [
    # --- the Python API, misused
    probe("cr-assert-identity-relation-sides", "assert_identity", syms="x", lhs="x > 0", rhs="S.true"),
    probe("cr-assert-identity-eq-sides", "assert_identity", syms="x y", lhs="Eq(x, y)", rhs="Eq(y, x)"),
    probe("cr-assert-identity-true-sides", "assert_identity", syms="", lhs="S.true", rhs="S.true"),
    probe("cr-assert-identity-latex-relation", "assert_identity", latex=True, lhs="x > 0", rhs="1"),
    probe("cr-assert-identity-empty-strings", "assert_identity", latex=True, lhs="", rhs=""),
    probe("cr-assert-identity-empty-rhs", "assert_identity", latex=True, lhs="x", rhs=""),
    probe("cr-assert-identity-unicode-superscript", "assert_identity", latex=True, lhs="x²", rhs="x x"),
    probe("cr-assert-identity-greek-unicode", "assert_identity", latex=True, lhs="α + β", rhs="β + α"),
    probe("cr-assert-identity-python-text", "assert_identity", latex=True, lhs="__import__('os').getcwd()", rhs="0"),
    probe("cr-assert-identity-latex-input", "assert_identity", latex=True, lhs="\\input{/etc/passwd}", rhs="0"),
    probe("cr-assert-identity-deep-parens", "assert_identity", latex=True, lhs="(" * 5000 + "x" + ")" * 5000, rhs="x"),
    probe("cr-assert-identity-assume-garbage", "assert_identity", latex=True, lhs="x", rhs="x", assume=["x >>> 0"]),
    probe("cr-assert-identity-define-garbage", "assert_identity", latex=True, lhs="x", rhs="x", define=["P(H) = "]),
    probe("cr-ten-tower", "assert_identity", latex=True, lhs="10^{10^{100}}", rhs="0"),
    api("cr-check-relation-bad-name", "result = derive.check_relation(x, x, '!=', Domain())"),
    api("cr-check-equal-strings", "result = derive.check_equal('x', 'x', Domain())"),
    api("cr-check-equal-no-domain", "result = derive.check_equal(x, x, None)"),
    api("cr-check-equal-matrices", "result = derive.check_equal(Matrix([x, 1]), Matrix([x, 1]), Domain())"),
    api("cr-check-equal-python-floats", "result = derive.check_equal(0.1 + 0.2, 0.3, Domain())"),
    api("cr-domain-closed-interval", "result = derive.check_equal(x, x, Domain(((x, Interval(0, 1)),)))"),
    api("cr-check-equal-oo", "result = derive.check_equal(oo, oo, Domain())"),
    api("cr-check-equal-zoo", "result = derive.check_equal(zoo, zoo, Domain())"),
    api("cr-check-relation-oo", "result = derive.check_relation(oo, 0, '>', Domain())"),
    api("cr-check-relation-nan", "result = derive.check_relation(nan, 0, '>=', Domain())"),
    api("cr-check-relation-complex-order", "result = derive.check_relation(1 + I, 1, '>', Domain())"),
    api("cr-divergent-harmonic", "result = derive.check_equal(Sum(1/k, (k, 1, oo)), oo, Domain())"),
    api("cr-oscillatory-integral", "result = derive.check_equal(Integral(sin(x)/x, (x, 0, oo)), pi/2, Domain())"),
    api("cr-limit-equals-bound-variable", "result = derive.check_equal(Sum(k, (k, 1, k)), k*(k + 1)/2, Domain())"),
    api("cr-shadowed-integration-variable",
        "result = derive.check_equal(Integral(Integral(1, (x, 0, x)), (x, 0, 1)), Rational(1, 2), Domain())"),
    api("cr-deeply-nested-sine", "e = x\nwith evaluate(False):\n    for _ in range(3000): e = sin(e)\n"
        "result = derive.check_equal(e, e, Domain())"),  # unevaluated: SymPy cannot build it otherwise
    api("cr-two-thousand-terms", "s = symbols('s0:2000')\nresult = derive.check_equal(Add(*[v**2 for v in s]), "
        "Add(*[v**2 for v in reversed(s)]), Domain())"),
    api("cr-check-equal-boolean", "result = derive.check_equal(S.true, S.false, Domain())"),
    C("cr-nan-equals-nan", "identity", "false", "check_equal", syms="", lhs="nan", rhs="nan", oracle="manual",
      why="NaN is not a number: 'nan = nan' is not a true statement"),
    C("cr-oo-minus-oo-zero", "identity", "false", "check_equal", syms="", lhs="Add(oo, -oo, evaluate=False)",
      rhs="0", oracle="manual", why="oo - oo is undefined"),
    C("cr-power-sixty-latex", "identity", "false", "assert_identity", latex=True, lhs="(a+b+c+d+f)^{60}", rhs="0",
      syms="a b c d f", o_lhs="(a + b + c + d + f)**60", o_rhs="0", cx={"a": "1", "b": "0", "c": "0", "d": "0", "f": "0"},
      why="a = 1, others 0: 1 != 0 (should be refuted in well under a second)"),
    C("cr-power-sixty-sympy", "identity", "false", "check_equal", syms="a b c d f", lhs="(a + b + c + d + f)**60",
      rhs="0", cx={"a": "1", "b": "0", "c": "0", "d": "0", "f": "0"}, why="a = 1, others 0: 1 != 0"),
    C("cr-huge-exponent", "identity", "false", "assert_identity", latex=True, lhs="x^{10^{10}}", rhs="x", syms="x",
      o_lhs="x**(10**10)", o_rhs="x", cx={"x": "2"}, why="x = 2: 2^(10^10) != 2"),
    C("cr-power-tower", "identity", "false", "assert_identity", latex=True, lhs="2^{2^{2^{2^{2}}}}", rhs="0",
      syms="", o_lhs="2**65536", o_rhs="0", why="2^65536 != 0"),
    C("cr-binomial-ten-thousand", "identity", "false", "check_equal", syms="x", lhs="(x + 1)**10000 - x**10000",
      rhs="0", cx={"x": "0"}, why="x = 0: 1 != 0"),
    C("cr-basel", "identity", "true", "check_equal", syms="k:integer", lhs="Sum(1/k**2, (k, 1, oo))", rhs="pi**2/6"),
    # --- derive check
    doc("cr-doc-empty-file"),
    doc("cr-doc-binary", make="bytes(range(256)) * 10"),
    doc("cr-doc-not-utf8", make="'$$x = x$$'.encode() + b'\\xff\\xfe\\xfd'"),
    doc("cr-doc-over-a-million-chars", make="'$$x = x$$\\n' * 120000"),
    doc("cr-doc-thousand-and-one-equations", make="''.join(f'$$x_{{{i}}} = x_{{{i}}}$$\\n\\n' for i in range(1001))"),
    doc("cr-doc-brackets-300-deep", make="'$$' + '(' * 300 + 'x' + ')' * 300 + ' = x$$\\n'"),
    doc("cr-doc-braces-100000-deep", make="'$$' + '{' * 100000 + 'x' + '}' * 100000 + ' = x$$\\n'"),
    doc("cr-doc-empty-display", "$$\n$$\n"),
    doc("cr-doc-unicode-greek", "$$\nα + β = β + α\n$$\n"),
    doc("cr-doc-emoji", "$$\n😀 = 😀\n$$\n"),
    doc("cr-doc-dangling-equals", "$$\nx =\n$$\n"),
    doc("cr-doc-one-over-zero", "$$\n\\frac{1}{0} = \\infty\n$$\n"),
    doc("cr-doc-zero-to-zero", "$$\n0^0 = 1\n$$\n"),
    doc("cr-doc-latex-input", "$$\n\\input{/etc/passwd} = 0\n$$\n"),
    doc("cr-doc-tex-unterminated", "\\begin{equation}\nx = x\n", ext="tex"),
    doc("cr-doc-nan-literal", "$$\n\\mathrm{NaN} = \\mathrm{NaN}\n$$\n"),
    doc("cr-doc-power-sixty", "$$\n(a+b+c+d+f)^{60} = 0\n$$\n"),
    doc("cr-cli-assume-400-digits", SQ_DOC, assume=[f"x > {DIGITS400}"]),
    doc("cr-cli-assume-400-digit-interval", SQ_DOC, assume=[f"{DIGITS400} < x < 1"]),
    doc("cr-cli-timeout-1e300", SQ_DOC, args=["--timeout", "1e300"]),
    doc("cr-cli-timeout-zero", SQ_DOC, args=["--timeout", "0"]),
    doc("cr-cli-timeout-negative", SQ_DOC, args=["--timeout", "-1"]),
    doc("cr-cli-timeout-nan", SQ_DOC, args=["--timeout", "nan"]),
    doc("cr-cli-timeout-inf", SQ_DOC, args=["--timeout", "inf"]),
    doc("cr-cli-assume-empty", SQ_DOC, assume=[""]),
    doc("cr-cli-assume-two-symbols", SQ_DOC, assume=["x > y"]),
    doc("cr-cli-assume-python", SQ_DOC, assume=["__import__('os').getcwd() > 0"]),
    doc("cr-cli-assume-unicode", SQ_DOC, assume=["x ≥ 0"]),
    doc("cr-cli-assume-nan", SQ_DOC, assume=["x > nan"]),
    doc("cr-cli-define-garbage", SQ_DOC, args=["--define", "P(H) = "]),
    doc("cr-cli-units-bits-plain", SQ_DOC, args=["--units", "bits", "--strict"]),
    # --- derive verify
    proof("cr-pf-nested-arrays-100000", make="'[' * 100000 + ']' * 100000"),
    proof("cr-pf-nested-objects-100000", make="'{\"a\":' * 100000 + '1' + '}' * 100000"),
    proof("cr-pf-not-json", make="'not json at all'"),
    proof("cr-pf-empty", make="''"),
    proof("cr-pf-null", make="'null'"),
    proof("cr-pf-empty-object", make="'{}'"),
    proof("cr-pf-nan-version", make="'{\"format\": \"derive-proof\", \"version\": NaN, \"steps\": []}'"),
    proof("cr-pf-binary", make="bytes(range(256))"),
    proof("cr-pf-steps-string", edit="d['steps'] = 'abc'"),
    proof("cr-pf-step-null", edit="d['steps'][0] = None"),
    proof("cr-pf-before-deep-braces", edit="d['steps'][0]['before'] = '{' * 100000 + 'x' + '}' * 100000"),
    proof("cr-pf-before-unterminated", edit="d['steps'][0]['before'] = '\\\\frac{'"),
    proof("cr-pf-before-huge-power", edit="d['steps'][0]['before'] = '10^{10^{10}}'"),
    proof("cr-pf-step-missing-before", edit="del d['steps'][0]['before']"),
    proof("cr-pf-relation-unknown", edit="d['steps'][0]['relation'] = '≈'"),
    proof("cr-pf-statement-unicode", edit="d['statement'] = '∀x: x = x'"),
    proof("cr-pf-statement-removed", edit="del d['statement']"),
    proof("cr-pf-family-unknown", edit="d['distributions'][0]['family'] = 'cauchy'"),
    proof("cr-pf-index-strings", edit="for s in d['steps']: s['index'] = 'one'"),
    proof("cr-pf-assumption-400-digits", edit=f"d['assumptions'] = ['x > {DIGITS400}']"),
    proof("cr-pf-timeout-arg", edit="", base="kl-cross-entropy-coin"),
]
