"""Proof files (derive verify): the shipped proofs in outputs/*.json, unedited (true: exit 0) and
edited (false: exit 1, or 2 when malformed).  An edited file is false when it no longer proves its
statement: the statement is false or stronger than the steps show, a step's relation or result is
wrong, the steps no longer chain, or a supposition carries an unconditional statement."""

from . import C

COIN = {"p": "(0, 1)", "q": "(0, 1)"}
KL = "p*log(p/q) + (1 - p)*log((1 - p)/(1 - q))"
RENUMBER = "\nfor k, s in enumerate(d['steps'], 1): s['index'] = k"


def orig(name):
    return C(f"pf-original-{name}", "proof-file", "true", "verify", proof=name, oracle="manual",
             why="the unedited shipped proof")


def edit(id, name, code, why, **kw):
    return C(id, "proof-file", "false", "verify", proof=name, edit=code, why=why, **kw)


def step(i, field, old, new):
    """Replace ``old`` by ``new`` in one field of step i (1-based); the edit must change something."""
    return (f"st = d['steps'][{i - 1}]; assert {old!r} in st[{field!r}], st[{field!r}]; "
            f"st[{field!r}] = st[{field!r}].replace({old!r}, {new!r})")


CASES = [
    *(orig(n) for n in ("gibbs-coin", "gibbs-categorical", "gibbs-categorical-n", "kl-cross-entropy-coin",
                        "kl-cross-entropy-categorical-n", "kl-cross-entropy-normal", "kl-cross-entropy-poisson",
                        "minimization-coin", "minimization-categorical-n", "minimization-logistic")),
    C("pf-original-verdicts-flipped", "proof-file", "true", "verify", proof="gibbs-coin",
      edit="for s in d['steps']: s['verdict'] = 'refuted'", oracle="manual",
      why="recorded verdicts are ignored by design; the proof is unchanged"),
    C("pf-original-title-and-notes", "proof-file", "true", "verify", proof="kl-cross-entropy-coin",
      edit="d['title'] = 'Anything'\nfor s in d['steps']: s['note'] = 'prose'", oracle="manual",
      why="title and notes are prose"),
    edit("pf-gibbs-statement-strict", "gibbs-coin", "d['statement'] = r'KL(P \\Vert Q) > 0'",
         "KL(P||Q) > 0 fails at P = Q", syms="p q", o_lhs=KL, o_rel=">", o_rhs="0", over=COIN,
         cx={"p": "1/2", "q": "1/2"}),
    edit("pf-gibbs-statement-reversed", "gibbs-coin", "d['statement'] = r'KL(P \\Vert Q) \\leq 0'",
         "KL(P||Q) <= 0 fails at p = 1/2, q = 1/4", syms="p q", o_lhs=KL, o_rel="<=", o_rhs="0", over=COIN,
         cx={"p": "1/2", "q": "1/4"}),
    edit("pf-gibbs-statement-zero", "gibbs-coin", "d['statement'] = r'KL(P \\Vert Q) = 0'",
         "KL(P||Q) = 0 fails at p = 1/2, q = 1/4", syms="p q", o_lhs=KL, o_rel="=", o_rhs="0", over=COIN,
         cx={"p": "1/2", "q": "1/4"}),
    edit("pf-gibbs-statement-at-least-one", "gibbs-coin", "d['statement'] = r'KL(P \\Vert Q) \\geq 1'",
         "KL(P||Q) >= 1 fails at P = Q", syms="p q", o_lhs=KL, o_rel=">=", o_rhs="1", over=COIN,
         cx={"p": "1/3", "q": "1/3"}),
    edit("pf-gibbs-statement-unrelated-true", "gibbs-coin", "d['statement'] = r'H(P, Q) = KL(P \\Vert Q) + H(P)'",
         "the steps prove Gibbs' inequality, not the stated identity (true, but not what the file proves)",
         oracle="manual"),
    edit("pf-gibbs-section-b-dropped", "gibbs-coin",
         "d['steps'] = [s for s in d['steps'] if not 11 <= s['index'] <= 18]" + RENUMBER,
         "the chain that proves KL >= 0 is removed; the lemma and KL(P||P) = 0 remain", oracle="manual"),
    edit("pf-gibbs-supposition-as-statement", "gibbs-coin", "d['statement'] = r'x = 1'",
         "x = 1 holds only under the supposition 1 - 1/x = 0 (step 6); x = 2 > 0 is a counterexample",
         syms="x", o_lhs="x", o_rhs="1", over={"x": "(0, oo)"}, cx={"x": "2"}),
    edit("pf-gibbs-bound-strict", "gibbs-coin", "d['steps'][14]['relation'] = '>'",
         "step 15 (log x <= x - 1 under a minus sign) is an equality at p = q",
         syms="p q", o_lhs=KL, o_rel=">", o_rhs="0", over=COIN, cx={"p": "1/2", "q": "1/2"}),
    edit("pf-gibbs-bound-reversed", "gibbs-coin", "d['steps'][14]['relation'] = '<='",
         "step 15 reversed: KL <= its linear bound fails at p = 1/2, q = 1/4", oracle="manual"),
    edit("pf-gibbs-bound-sides-swapped", "gibbs-coin",
         "st = d['steps'][14]; st['before'], st['after'] = st['after'], st['before']",
         "step 15 with its sides swapped claims the linear bound is >= the logarithm; chain broken too",
         oracle="manual"),
    edit("pf-gibbs-lemma-derivative-wrong", "gibbs-coin",
         step(7, "after", "\\frac{1}{x^{2}}", "\\frac{2}{x^{2}}") + "\n" +
         step(8, "before", "\\frac{1}{x^{2}}", "\\frac{2}{x^{2}}"),
         "d/dx (1 - 1/x) = 1/x^2, not 2/x^2 (x = 1: 1 != 2)", syms="x", o_lhs="Derivative(1 - 1/x, x)",
         o_rhs="2/x**2", over={"x": "(0, oo)"}, cx={"x": "1"}),
    edit("pf-gibbs-domain-widened", "gibbs-coin", "d['assumptions'] = ['x > -1']",
         "with x > -1 the lemma's steps (log x, 1/x^2 > 0) fail at x = 0 and x < 0", oracle="manual"),
    edit("pf-gibbs-coin-domain-beyond-one", "gibbs-coin",
         "d['distributions'][1]['domain'] = ['0 < q < 2']",
         "q in (0, 2): log(1 - q) is not real for q > 1, KL >= 0 has no meaning there", oracle="manual"),
    edit("pf-kl-statement-sign", "kl-cross-entropy-coin",
         "d['statement'] = r'H(P, Q) = KL(P \\Vert Q) - H(P)'",
         "H(P, Q) = KL - H(P) fails wherever H(P) != 0 (p = 1/2, q = 1/4)", syms="p q",
         o_lhs="-p*log(q) - (1 - p)*log(1 - q)", o_rhs=KL + " + p*log(p) + (1 - p)*log(1 - p)", over=COIN,
         cx={"p": "1/2", "q": "1/4"}),
    edit("pf-kl-statement-entropy-only", "kl-cross-entropy-coin", "d['statement'] = r'H(P, Q) = H(P)'",
         "H(P, Q) = H(P) only when P = Q", syms="p q", o_lhs="-p*log(q) - (1 - p)*log(1 - q)",
         o_rhs="-p*log(p) - (1 - p)*log(1 - p)", over=COIN, cx={"p": "1/2", "q": "1/4"}),
    edit("pf-kl-step-sign-flipped", "kl-cross-entropy-coin",
         step(5, "after", "p \\log(p) - p \\log(q)", "p \\log(p) + p \\log(q)") + "\n" +
         step(6, "before", "p \\log(p) - p \\log(q)", "p \\log(p) + p \\log(q)"),
         "step 5: p[log p - log q] != p log p + p log q (q != 1)", oracle="manual"),
    edit("pf-kl-steps-reordered", "kl-cross-entropy-coin",
         "d['steps'][1], d['steps'][2] = d['steps'][2], d['steps'][1]" + RENUMBER,
         "steps 2 and 3 swapped: step 2 no longer starts where step 1 ended", oracle="manual"),
    edit("pf-kl-supposed-under-unconditional", "kl-cross-entropy-coin",
         "d['statement'] = r'KL(P \\Vert Q) = 0'\n"
         "d['steps'].insert(0, {'index': 0, 'section': 'S', 'rule': 'substitute', 'subject': None, "
         "'before': 'q = p', 'relation': 'implies', 'after': 'KL(P \\\\Vert Q) = 0', 'conditions': [], "
         "'note': 'Suppose q = p.', 'supposed': True, 'verdict': 'proved'})" + RENUMBER,
         "KL = 0 only under the supposition q = p; the statement is unconditional (p = 1/2, q = 1/4)",
         syms="p q", o_lhs=KL, o_rhs="0", over=COIN, cx={"p": "1/2", "q": "1/4"}),
    edit("pf-min-statement-is-solution", "minimization-coin", "d['statement'] = r'q = p'",
         "q = p follows only from the supposition that the gradient is 0 (steps 12-14)", syms="p q",
         o_lhs="q", o_rhs="p", over=COIN, cx={"p": "1/2", "q": "1/4"}),
    edit("pf-min-statement-gradient-zero", "minimization-coin",
         "d['statement'] = r'\\frac{\\partial}{\\partial q} H(P, Q) = 0'",
         "the gradient (q - p)/(q(1 - q)) is not 0 for q != p", syms="p q",
         o_lhs="Derivative(-p*log(q) - (1 - p)*log(1 - q), q)", o_rhs="0", over=COIN, cx={"p": "1/2", "q": "1/4"}),
    edit("pf-min-changed-solution", "minimization-coin", step(14, "after", "q = p", "q = 1 - p"),
         "q - p = 0 does not give q = 1 - p (p = 1/3)", syms="p q", o_lhs="Eq(q - p, 0)",
         o_rhs="Eq(q, 1 - p)", o_rel="iff", over=COIN, cx={"p": "1/3", "q": "1/3"}),
    edit("pf-min-common-denominator-sign", "minimization-coin",
         step(11, "after", "\\frac{q - p}{q (1 - q)}", "\\frac{p - q}{q (1 - q)}"),
         "-p/q + (1 - p)/(1 - q) = (q - p)/(q(1 - q)), not (p - q)/(...)", syms="p q",
         o_lhs="-p/q + (1 - p)/(1 - q)", o_rhs="(p - q)/(q*(1 - q))", over=COIN, cx={"p": "1/2", "q": "1/4"}),
    edit("pf-min-second-derivative-negative", "minimization-coin", "d['steps'][18]['relation'] = '<'",
         "p/q^2 + (1 - p)/(1 - q)^2 < 0 is false", syms="p q", o_lhs="p/q**2 + (1 - p)/(1 - q)**2", o_rel="<",
         o_rhs="0", over=COIN, cx={"p": "1/2", "q": "1/2"}),
    edit("pf-logistic-statement-sign", "minimization-logistic",
         "d['statement'] = r'\\frac{\\partial}{\\partial z} H(P, Q) = p - \\sigma(z)'",
         "the gradient is sigma(z) - p; p - sigma(z) differs unless sigma(z) = p", syms="p z",
         o_lhs="1/(1 + exp(-z)) - p", o_rhs="p - 1/(1 + exp(-z))", over={"p": "(0, 1)", "z": "R"},
         cx={"p": "1/2", "z": "1"}),
    edit("pf-logistic-derivative-chain-dropped", "minimization-logistic",
         "d['steps'] = [s for s in d['steps'] if not 4 <= s['index'] <= 13]" + RENUMBER,
         "the steps that compute the derivative are removed; nothing proves the statement", oracle="manual"),
    edit("pf-logistic-max-wrong", "minimization-logistic",
         step(18, "after", "\\max\\left(0, z\\right)", "\\max\\left(0, - z\\right)"),
         "z + max(-z, 0) = max(z, 0), not max(-z, 0) (z = 1: 1 != 0)", oracle="manual"),
    edit("pf-catn-index-assumption-removed", "minimization-categorical-n", "d['assumptions'] = []",
         "without 1 <= j <= n, sum_{i=1}^{n} delta_ij f_i = f_j fails (j = 0 gives 0 != f_0)", oracle="manual"),
    edit("pf-catn-delta-picks-wrong-entry", "minimization-categorical-n",
         step(14, "after", "-\\frac{p_{j}}{q_{j}}", "-\\frac{p_{1}}{q_{1}}"),
         "sum_i delta_ij p_i/q_i = p_j/q_j, not p_1/q_1", oracle="manual"),
    edit("pf-version-unknown", "gibbs-coin", "d['version'] = 99",
         "an unknown format version must not be verified as if it were version 1", oracle="manual"),
    edit("pf-steps-empty", "gibbs-coin", "d['steps'] = []",
         "no steps: nothing proves KL >= 0", oracle="manual"),
]
