"""Hypotheses about one index: q_j = p_j for a generic index j says nothing about the other entries.
Claims about entry j follow; claims about all entries (sums, KL, another index) do not."""

from . import C

NSYMS = "n:integer,positive i:integer j:integer p:IndexedBase q:IndexedBase"
SETUP = ('P = derive.Categorical(n=n, name="P"); Q = derive.Categorical(n=n, name="Q"); '
         'domain = P.domain.merge(Q.domain)')
OVER = {"n": "Z[2, 6]", "j": "Z[1, 6]", "i": "Z[1, 6]", "cond": "j <= n and i <= n",
        "p": "simplex:n", "q": "simplex:n"}
# a point where q_2 = p_2 and every other entry differs
CX = {"n": "3", "j": "2", "i": "1", "p": ["1/2", "1/4", "1/4"], "q": ["1/3", "1/4", "5/12"]}
PTS = [CX, {"n": "4", "j": "1", "i": "3", "p": ["1/5", "1/5", "1/5", "2/5"], "q": ["1/5", "1/10", "3/10", "2/5"]}]
HYP = "Eq(q[j], p[j])"

F3 = "p_1 p_2 q_1 q_2"
SETUP3 = ('P = derive.Categorical([p_1, p_2, 1 - p_1 - p_2], name="P"); '
          'Q = derive.Categorical([q_1, q_2, 1 - q_1 - q_2], name="Q"); domain = P.domain.merge(Q.domain)')
OVER3 = {"p_1": "(0, 1)", "p_2": "(0, 1)", "q_1": "(0, 1)", "q_2": "(0, 1)",
         "cond": "p_1 + p_2 < 1 and q_1 + q_2 < 1"}

DOC_HEAD = ("Let $P = (p_1, \\ldots, p_n)$ and $Q = (q_1, \\ldots, q_n)$ be categorical distributions on "
            "$n$ outcomes, and let $1 \\le j \\le n$.\n\nSuppose $q_j = p_j$.\n\n")


def doc(id, truth, body, target, o_rhs, why="", **kw):
    return C(id, "document", truth, "check", text=DOC_HEAD + body + "\n", target=target, syms=NSYMS,
             o_lhs=HYP, o_rhs=o_rhs, o_rel="implies", over=OVER, why=why,
             **({"cx": CX} if truth == "false" else {"pts": PTS}), **kw)


CASES = [
    C("oi-entry-j-implies-entry-i", "implication", "false", "check_relation", syms=NSYMS, setup=SETUP,
      lhs=HYP, rhs="Eq(q[i], p[i])", rel="implies", over=OVER, cx=CX,
      why="n = 3, j = 2, i = 1: q_2 = p_2 = 1/4 but q_1 = 1/3 != p_1 = 1/2"),
    C("oi-entry-j-implies-first-entry", "implication", "false", "check_relation", syms=NSYMS, setup=SETUP,
      lhs=HYP, rhs="Eq(q[1], p[1])", rel="implies", over=OVER, cx=CX, why="j = 2: entry 1 is not constrained"),
    C("oi-entry-j-implies-log-entry-j", "implication", "true", "check_relation", syms=NSYMS, setup=SETUP,
      lhs=HYP, rhs="Eq(log(q[j]), log(p[j]))", rel="implies", over=OVER, pts=PTS),
    C("oi-entry-j-implies-ratio-one", "implication", "true", "check_relation", syms=NSYMS, setup=SETUP,
      lhs=HYP, rhs="Eq(p[j]/q[j], 1)", rel="implies", over=OVER, pts=PTS),
    C("oi-entry-j-implies-term-j", "implication", "true", "check_relation", syms=NSYMS, setup=SETUP,
      lhs=HYP, rhs="Eq(p[j]*log(p[j]/q[j]), 0)", rel="implies", over=OVER, pts=PTS),
    C("oi-entry-j-implies-cross-sum", "implication", "false", "check_relation", syms=NSYMS, setup=SETUP,
      lhs=HYP, rhs="Eq(Sum(p[i]*log(q[i]), (i, 1, n)), Sum(p[i]*log(p[i]), (i, 1, n)))", rel="implies",
      over=OVER, cx=CX, why="only entry j is equal: the sums differ at n = 3, j = 2"),
    C("oi-entry-j-implies-kl-zero", "implication", "false", "check_relation", syms=NSYMS, setup=SETUP,
      lhs=HYP, rhs="Eq(Sum(p[i]*log(p[i]/q[i]), (i, 1, n)), 0)", rel="implies", over=OVER, cx=CX,
      why="KL(P||Q) = 0 needs every entry equal"),
    C("oi-entry-j-iff-shift", "implication", "true", "check_relation", syms=NSYMS, setup=SETUP,
      lhs=HYP, rhs="Eq(q[j] + 1, p[j] + 1)", rel="iff", over=OVER, pts=PTS),
    C("oi-three-first-implies-second", "implication", "false", "check_relation", syms=F3, setup=SETUP3,
      lhs="Eq(q_1, p_1)", rhs="Eq(q_2, p_2)", rel="implies", over=OVER3,
      cx={"p_1": "1/2", "p_2": "1/4", "q_1": "1/2", "q_2": "1/3"}, why="p = (1/2, 1/4, 1/4), q = (1/2, 1/3, 1/6)"),
    C("oi-three-two-entries-imply-third", "implication", "true", "check_relation", syms=F3, setup=SETUP3,
      lhs="derive.System(Eq(q_1, p_1), Eq(q_2, p_2))", rhs="Eq(1 - q_1 - q_2, 1 - p_1 - p_2)", rel="implies",
      o_lhs="[Eq(q_1, p_1), Eq(q_2, p_2)]", o_rhs="Eq(1 - q_1 - q_2, 1 - p_1 - p_2)", over=OVER3,
      pts=[{"p_1": "1/2", "p_2": "1/4", "q_1": "1/2", "q_2": "1/4"}, {"p_1": "1/7", "p_2": "3/7", "q_1": "1/7", "q_2": "3/7"}]),
    C("oi-three-one-entry-implies-kl-zero", "implication", "false", "check_relation", syms=F3, setup=SETUP3,
      lhs="Eq(q_1, p_1)", rhs="Eq(derive.KL(P, Q), 0)", rel="implies", over=OVER3,
      o_lhs="Eq(q_1, p_1)", o_rhs="Eq(p_1*log(p_1/q_1) + p_2*log(p_2/q_2) + (1-p_1-p_2)*log((1-p_1-p_2)/(1-q_1-q_2)), 0)",
      cx={"p_1": "1/2", "p_2": "1/4", "q_1": "1/2", "q_2": "1/3"}, why="entries 2 and 3 differ: KL > 0"),
    doc("oi-doc-ratio-of-entry-j", "true", "$$\n\\frac{p_j}{q_j} = 1\n$$", "\\frac{p_j}{q_j}", "Eq(p[j]/q[j], 1)"),
    doc("oi-doc-log-of-entry-j", "true", "$$\n\\log q_j = \\log p_j\n$$", "\\log q_j", "Eq(log(q[j]), log(p[j]))"),
    doc("oi-doc-cross-sum", "false", "$$\n\\sum_{i=1}^{n} p_i \\log q_i = \\sum_{i=1}^{n} p_i \\log p_i\n$$",
        "\\sum_{i=1}^{n} p_i \\log q_i", "Eq(Sum(p[i]*log(q[i]), (i, 1, n)), Sum(p[i]*log(p[i]), (i, 1, n)))",
        why="only entry j is assumed equal; at n = 3, j = 2 the sums differ"),
    doc("oi-doc-kl-zero", "false", "$$\nKL(P \\| Q) = 0\n$$", "KL(P", "Eq(Sum(p[i]*log(p[i]/q[i]), (i, 1, n)), 0)",
        why="KL = 0 needs all entries equal; n = 3, j = 2 gives KL > 0"),
    doc("oi-doc-first-entry", "false", "$$\nq_1 = p_1\n$$", "q_1 = p_1", "Eq(q[1], p[1])",
        why="j = 2: nothing is said about entry 1"),
    doc("oi-doc-implies-other-entry", "false", "$$\n\\implies q_i = p_i\n$$", "\\implies", "Eq(q[i], p[i])",
        why="q_j = p_j does not give q_i = p_i for i != j"),
    doc("oi-doc-implies-log-entry", "true", "$$\n\\implies \\log q_j = \\log p_j\n$$", "\\implies",
        "Eq(log(q[j]), log(p[j]))"),
]
