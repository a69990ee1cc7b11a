"""Second batch: information theory, derive's home field -- entropy, cross-entropy and KL of coins
and categoricals with swapped arguments, wrong signs, bits against nats, bounds that fail at one
distribution (n = 1 outcome, the uniform distribution), bases below one, and the logistic loss.
LaTeX through assert_identity(define=...), derive's measures through check_relation / check_equal."""

from . import C

COINS = ["P(H) = p", "Q(H) = q"]
COIN = {"p": "(0, 1)", "q": "(0, 1)"}
KL = "(p*log(p/q) + (1 - p)*log((1 - p)/(1 - q)))"
KLQP = "(q*log(q/p) + (1 - q)*log((1 - q)/(1 - p)))"
H = "(-p*log(p) - (1 - p)*log(1 - p))"
HQ = "(-q*log(q) - (1 - q)*log(1 - q))"
HPQ = "(-p*log(q) - (1 - p)*log(1 - q))"
HQP = "(-q*log(p) - (1 - q)*log(1 - p))"
COIN_SETUP = ('P = derive.Bernoulli(p, name="P"); Q = derive.Bernoulli(q, name="Q"); '
              'domain = P.domain.merge(Q.domain)')

NSYMS = "n:integer,positive i:integer p:IndexedBase q:IndexedBase"
NSETUP = ('P = derive.Categorical(n=n, name="P"); Q = derive.Categorical(n=n, name="Q"); '
          'domain = P.domain.merge(Q.domain)')
NOVER = {"n": "Z[2, 6]", "p": "simplex:n", "q": "simplex:n"}  # derive: n >= 2 outcomes
HN = "(-Sum(p[i]*log(p[i]), (i, 1, n)))"
HNPQ = "(-Sum(p[i]*log(q[i]), (i, 1, n)))"

F3 = "p_1 p_2 q_1 q_2"
SETUP3 = ('P = derive.Categorical([p_1, p_2, 1 - p_1 - p_2], name="P"); '
          'Q = derive.Categorical([q_1, q_2, 1 - q_1 - q_2], name="Q"); domain = P.domain.merge(Q.domain)')
OVER3 = {"p_1": "(0, 1)", "p_2": "(0, 1)", "q_1": "(0, 1)", "q_2": "(0, 1)",
         "cond": "p_1 + p_2 < 1 and q_1 + q_2 < 1"}
H3 = "(-p_1*log(p_1) - p_2*log(p_2) - (1 - p_1 - p_2)*log(1 - p_1 - p_2))"
KL3 = "(p_1*log(p_1/q_1) + p_2*log(p_2/q_2) + (1 - p_1 - p_2)*log((1 - p_1 - p_2)/(1 - q_1 - q_2)))"
KL3QP = "(q_1*log(q_1/p_1) + q_2*log(q_2/p_2) + (1 - q_1 - q_2)*log((1 - q_1 - q_2)/(1 - p_1 - p_2)))"


def tex(id, truth, lhs, rhs, o, cx=None, why="", define=COINS, over=COIN, syms="p q", **kw):
    extra = {"cx": cx} if cx else {}
    return C(id, "identity", truth, "assert_identity", latex=True, lhs=lhs, rhs=rhs, define=define, syms=syms,
             o_lhs=o[0], o_rhs=o[1], over=over, why=why, **extra, **kw)


def coin(id, truth, lhs, rel, rhs, o, cx=None, why=""):
    extra = {"cx": cx} if cx else {}
    via = "check_equal" if rel == "=" else "check_relation"
    return C(id, "identity" if rel == "=" else "relation", truth, via, syms="p q", setup=COIN_SETUP, lhs=lhs,
             rhs=rhs, rel=rel, o_lhs=o[0], o_rhs=o[1], over=COIN, why=why, **extra)


def catn(id, truth, lhs, rel, rhs, o, cx=None, why=""):
    extra = {"cx": cx} if cx else {}
    via = "check_equal" if rel == "=" else "check_relation"
    return C(id, "identity" if rel == "=" else "relation", truth, via, syms=NSYMS, setup=NSETUP, lhs=lhs,
             rhs=rhs, rel=rel, o_lhs=o[0], o_rhs=o[1], over=NOVER, why=why, **extra)


def cat3(id, truth, lhs, rel, rhs, o, cx=None, why=""):
    extra = {"cx": cx} if cx else {}
    via = "check_equal" if rel == "=" else "check_relation"
    return C(id, "identity" if rel == "=" else "relation", truth, via, syms=F3, setup=SETUP3, lhs=lhs,
             rhs=rhs, rel=rel, o_lhs=o[0], o_rhs=o[1], over=OVER3, why=why, **extra)


PQ = {"p": "1/3", "q": "2/7"}

CASES = [
    # --- coins in LaTeX
    tex("it2-kl-symmetric", "false", "KL(P \\Vert Q)", "KL(Q \\Vert P)", (KL, KLQP), PQ, "KL is not symmetric"),
    tex("it2-kl-roles-swapped", "false", "KL(P \\Vert Q)", "H(Q, P) - H(Q)", (KL, f"{HQP} - {HQ}"), PQ,
        "H(Q, P) - H(Q) is KL(Q || P)"),
    tex("it2-cross-entropy-symmetric", "false", "H(P, Q)", "H(Q, P)", (HPQ, HQP), PQ, "cross-entropy is not symmetric"),
    tex("it2-entropy-in-bits", "false", "H(P)", "-p \\log_2(p) - (1-p)\\log_2(1-p)",
        (H, "(-p*log(p) - (1 - p)*log(1 - p))/log(2)"), PQ, "H is in nats; the right side is in bits"),
    tex("it2-entropy-reciprocal-form", "true", "H(P)", "p \\log\\frac{1}{p} + (1-p)\\log\\frac{1}{1-p}",
        (H, "p*log(1/p) + (1 - p)*log(1/(1 - p))")),
    tex("it2-kl-negated-flipped-quotients", "true", "KL(P \\Vert Q)",
        "-p \\log\\frac{q}{p} - (1 - p)\\log\\frac{1 - q}{1 - p}", (KL, "-p*log(q/p) - (1 - p)*log((1 - q)/(1 - p))")),
    tex("it2-kl-flipped-quotients", "false", "KL(P \\Vert Q)",
        "p \\log\\frac{q}{p} + (1 - p)\\log\\frac{1 - q}{1 - p}", (KL, "p*log(q/p) + (1 - p)*log((1 - q)/(1 - p))"),
        PQ, "the flipped quotients give -KL"),
    tex("it2-cross-entropy-parameters-swapped", "false", "H(P, Q)", "-q \\log p - (1 - q) \\log(1 - p)", (HPQ, HQP),
        PQ, "that is H(Q, P)"),
    tex("it2-kl-self", "true", "KL(P \\Vert P)", "0", ("p*log(p/p) + (1 - p)*log((1 - p)/(1 - p))", "0")),
    tex("it2-cross-entropy-self", "true", "H(P, P)", "H(P)", ("-p*log(p) - (1 - p)*log(1 - p)", H)),
    tex("it2-kl-bits-formula", "false", "KL(P \\Vert Q)",
        "p \\log_2\\frac{p}{q} + (1 - p)\\log_2\\frac{1 - p}{1 - q}", (KL, f"{KL}/log(2)"), PQ,
        "KL is in nats; the right side is KL / log 2"),
    tex("it2-kl-plus-entropy", "false", "KL(P \\Vert Q)", "H(P, Q) + H(P)", (KL, f"{HPQ} + {H}"), PQ,
        "KL = H(P, Q) - H(P)"),
    tex("it2-entropy-derivative", "true", "\\frac{\\partial}{\\partial p} H(P)", "\\log\\frac{1-p}{p}",
        (f"Derivative({H}, p)", "log((1 - p)/p)")),
    tex("it2-entropy-derivative-inverted", "false", "\\frac{\\partial}{\\partial p} H(P)", "\\log\\frac{p}{1-p}",
        (f"Derivative({H}, p)", "log(p/(1 - p))"), PQ, "the derivative is log((1 - p)/p)"),
    tex("it2-kl-and-cross-entropy-p-derivatives", "false", "\\frac{\\partial}{\\partial p} KL(P \\Vert Q)",
        "\\frac{\\partial}{\\partial p} H(P, Q)", (f"Derivative({KL}, p)", f"Derivative({HPQ}, p)"), PQ,
        "they differ by -d/dp H(P) = log(p/(1 - p)), nonzero at p = 1/3"),
    tex("it2-entropy-q-derivative", "true", "\\frac{\\partial}{\\partial q} H(P)", "0", (f"Derivative({H}, q)", "0")),
    # --- coins through derive's measures
    coin("it2-cross-entropy-ge-entropy-of-model", "false", "derive.CrossEntropy(P, Q)", ">=", "derive.Entropy(Q)",
         (HPQ, HQ), {"p": "9/10", "q": "3/5"},
         "H(P, Q) - H(Q) = (q - p)(log q - log(1 - q)) < 0 at p = 9/10, q = 3/5"),
    coin("it2-cross-entropy-ge-kl", "true", "derive.CrossEntropy(P, Q)", ">=", "derive.KL(P, Q)", (HPQ, KL)),
    coin("it2-cross-entropy-gt-kl", "true", "derive.CrossEntropy(P, Q)", ">", "derive.KL(P, Q)", (HPQ, KL)),
    coin("it2-coin-entropy-positive", "true", "derive.Entropy(P)", ">", "0", (H, "0")),
    coin("it2-symmetrised-kl", "true", "derive.KL(P, Q) + derive.KL(Q, P)", "=", "(p - q)*log(p*(1 - q)/(q*(1 - p)))",
         (f"{KL} + {KLQP}", "(p - q)*log(p*(1 - q)/(q*(1 - p)))")),
    coin("it2-kl-le-chi-square", "true", "derive.KL(P, Q)", "<=", "(p - q)**2/(q*(1 - q))",
         (KL, "(p - q)**2/(q*(1 - q))")),
    coin("it2-pinsker", "true", "derive.KL(P, Q)", ">=", "2*(p - q)**2", (KL, "2*(p - q)**2")),
    coin("it2-pinsker-constant-too-big", "false", "derive.KL(P, Q)", ">=", "3*(p - q)**2", (KL, "3*(p - q)**2"),
         PQ, "p = 1/3, q = 2/7: KL = 0.00539 < 3/441 = 0.0068"),
    coin("it2-kl-bounded-by-log-reciprocals", "true", "derive.KL(P, Q)", "<=", "-log(q) - log(1 - q)",
         (KL, "-log(q) - log(1 - q)")),
    C("it2-kl-base-below-one", "relation", "false", "check_relation", syms="p q b", lhs=f"{KL}/log(b)", rhs="0",
      rel=">=", domain={"p": ("0", "1"), "q": ("0", "1"), "b": ("0", "1")}, cx={"p": "1/3", "q": "2/7", "b": "1/2"},
      why="a base below one makes every logarithm negative: KL / log(1/2) < 0"),
    C("it2-kl-base-above-one", "relation", "true", "check_relation", syms="p q b", lhs=f"{KL}/log(b)", rhs="0",
      rel=">=", domain={"p": ("0", "1"), "q": ("0", "1"), "b": ("1", "oo")}),
    C("it2-gibbs-base-straddling-one", "relation", "false", "check_relation", syms="p q b", lhs=f"{HPQ}/log(b)",
      rhs=f"{H}/log(b)", rel=">=", domain={"p": ("0", "1"), "q": ("0", "1"), "b": ("0", "2")},
      cx={"p": "1/3", "q": "2/7", "b": "1/2"}, why="b = 1/2 reverses Gibbs' inequality (and b = 1 divides by 0)"),
    # --- categoricals: three explicit outcomes, n outcomes (n = 1 allowed)
    cat3("it2-cat3-entropy-le-log-two", "false", "derive.Entropy(P)", "<=", "log(2)", (H3, "log(2)"),
         {"p_1": "1/3", "p_2": "1/3", "q_1": "1/3", "q_2": "1/3"}, "the uniform distribution on 3 outcomes has entropy log 3"),
    cat3("it2-cat3-entropy-lt-log-three", "false", "derive.Entropy(P)", "<", "log(3)", (H3, "log(3)"),
         {"p_1": "1/3", "p_2": "1/3", "q_1": "1/3", "q_2": "1/3"}, "equality at the uniform distribution"),
    cat3("it2-cat3-entropy-le-log-three", "true", "derive.Entropy(P)", "<=", "log(3)", (H3, "log(3)")),
    cat3("it2-cat3-kl-symmetric", "false", "derive.KL(P, Q)", "=", "derive.KL(Q, P)", (KL3, KL3QP),
         {"p_1": "1/2", "p_2": "1/3", "q_1": "1/3", "q_2": "1/3"}, "KL is not symmetric"),
    # derive's Categorical(n=n) counts n >= 2 outcomes (its stated domain): a point mass (n = 1) is none of them
    catn("it2-catn-entropy-positive", "true", "derive.Entropy(P)", ">", "0", (HN, "0"),
         why="n >= 2 and every p_i in (0, 1): each -p_i log p_i > 0"),
    catn("it2-catn-cross-entropy-positive", "true", "derive.CrossEntropy(P, Q)", ">", "0", (HNPQ, "0"),
         why="n >= 2: every q_i < 1"),
    catn("it2-catn-first-entry-below-one", "true", "p[1]", "<", "1", ("p[1]", "1"), why="n >= 2: p_2 > 0"),
    catn("it2-catn-entropy-nonneg", "true", "derive.Entropy(P)", ">=", "0", (HN, "0")),
    catn("it2-catn-entropy-le-log-n", "true", "derive.Entropy(P)", "<=", "log(n)", (HN, "log(n)")),
    catn("it2-catn-entropy-lt-log-n", "false", "derive.Entropy(P)", "<", "log(n)", (HN, "log(n)"),
         {"n": "2", "p": ["1/2", "1/2"], "q": ["1/2", "1/2"]}, "equality at the uniform distribution"),
    catn("it2-catn-kl-roles-swapped", "false", "derive.KL(P, Q)", "=",
         "derive.CrossEntropy(Q, P) - derive.Entropy(Q)",
         ("Sum(p[i]*log(p[i]/q[i]), (i, 1, n))", "Sum(q[i]*log(q[i]/p[i]), (i, 1, n))"),
         {"n": "2", "p": ["1/2", "1/2"], "q": ["1/4", "3/4"]}, "the right side is KL(Q || P)"),
    catn("it2-catn-tail-sum-positive", "true", "Sum(p[i], (i, 1, n - 1))", ">", "0",
         ("Sum(p[i], (i, 1, n - 1))", "0"), why="n >= 2: the sum over 1..n-1 has a term"),
    # --- categorical definitions through LaTeX (the document reader accepts these, see README)
    C("it2-cat3-kl-defined-by-sum", "identity", "true", "assert_identity", latex=True, lhs="KL(P \\Vert Q)",
      rhs="\\sum_{i=1}^{3} p_i \\log \\frac{p_i}{q_i}", define=["P = (p_1, p_2, p_3)", "Q = (q_1, q_2, q_3)"],
      oracle="manual", why="with P = (p_1, p_2, p_3) and Q = (q_1, q_2, q_3) this sum is KL's definition"),
    C("it2-cat3-entropy-defined-by-sum", "identity", "true", "assert_identity", latex=True, lhs="H(P)",
      rhs="-\\sum_{i=1}^{3} p_i \\log p_i", define=["P = (p_1, p_2, p_3)"], oracle="manual",
      why="with P = (p_1, p_2, p_3) this sum is the entropy's definition"),
    C("it2-cat3-entropy-two-terms", "identity", "false", "assert_identity", latex=True, lhs="H(P)",
      rhs="-\\sum_{i=1}^{2} p_i \\log p_i", define=["P = (p_1, p_2, p_3)"], oracle="manual",
      why="the term -p_3 log p_3 > 0 is missing"),
    C("it2-cat3-cross-entropy-swapped-sum", "identity", "false", "assert_identity", latex=True, lhs="H(P, Q)",
      rhs="-\\sum_{i=1}^{3} q_i \\log p_i", define=["P = (p_1, p_2, p_3)", "Q = (q_1, q_2, q_3)"],
      oracle="manual", why="that sum is H(Q, P); p = (1/2, 1/3, 1/6), q = (1/3, 1/3, 1/3): log 3 != (2/3) log 6"),
    C("it2-catn-entropy-short-range", "identity", "false", "assert_identity", latex=True, lhs="H(P)",
      rhs="-\\sum_{i=1}^{n-1} p_i \\log p_i", define=["P = (p_1, \\ldots, p_n)"], syms=NSYMS,
      o_lhs=HN, o_rhs="-Sum(p[i]*log(p[i]), (i, 1, n - 1))", over={"n": "Z[1, 6]", "p": "simplex:n"},
      cx={"n": "2", "p": ["1/2", "1/2"]}, why="the last term -p_n log p_n is missing"),
    # --- densities: differential entropy may be negative, closed forms with swapped parameters
    C("it2-normal-entropy-nonneg", "relation", "false", "check_relation", syms="mu_1 sigma_1",
      setup='P = derive.Normal(mu_1, sigma_1, name="P"); domain = P.domain', lhs="derive.Entropy(P)", rhs="0",
      rel=">=", o_lhs="log(2*pi*E*sigma_1**2)/2", o_rhs="0", over={"mu_1": "R", "sigma_1": "(0, oo)"},
      cx={"mu_1": "0", "sigma_1": "1/10"}, why="differential entropy: sigma = 1/10 gives log(2 pi e/100)/2 < 0"),
    C("it2-normal-kl-sigmas-swapped", "identity", "false", "check_equal", syms="mu_1 mu_2 sigma_1 sigma_2",
      setup='P = derive.Normal(mu_1, sigma_1, name="P"); Q = derive.Normal(mu_2, sigma_2, name="Q"); '
            'domain = P.domain.merge(Q.domain)', lhs="derive.KL(P, Q)",
      rhs="log(sigma_1/sigma_2) + (sigma_2**2 + (mu_1 - mu_2)**2)/(2*sigma_1**2) - Rational(1, 2)",
      o_lhs="log(sigma_2/sigma_1) + (sigma_1**2 + (mu_1 - mu_2)**2)/(2*sigma_2**2) - Rational(1, 2)",
      o_rhs="log(sigma_1/sigma_2) + (sigma_2**2 + (mu_1 - mu_2)**2)/(2*sigma_1**2) - Rational(1, 2)",
      over={"mu_1": "R", "mu_2": "R", "sigma_1": "(0, oo)", "sigma_2": "(0, oo)"},
      cx={"mu_1": "0", "mu_2": "1", "sigma_1": "1", "sigma_2": "2"}, why="that is KL(Q || P)"),
    C("it2-exponential-kl", "identity", "true", "check_equal", syms="lambda_1 lambda_2",
      setup='P = derive.Exponential(lambda_1, name="P"); Q = derive.Exponential(lambda_2, name="Q"); '
            'domain = P.domain.merge(Q.domain)', lhs="derive.KL(P, Q)",
      rhs="log(lambda_1/lambda_2) + lambda_2/lambda_1 - 1",
      o_lhs="log(lambda_1/lambda_2) + lambda_2/lambda_1 - 1", o_rhs="log(lambda_1/lambda_2) + lambda_2/lambda_1 - 1",
      over={"lambda_1": "(0, oo)", "lambda_2": "(0, oo)"}),
    C("it2-exponential-entropy-nonneg", "relation", "false", "check_relation", syms="lambda_1",
      setup='P = derive.Exponential(lambda_1, name="P"); domain = P.domain', lhs="derive.Entropy(P)", rhs="0",
      rel=">=", o_lhs="1 - log(lambda_1)", o_rhs="0", over={"lambda_1": "(0, oo)"}, cx={"lambda_1": "3"},
      why="rate 3: 1 - log 3 < 0"),
    C("it2-normal-kl-positive", "relation", "false", "check_relation", syms="mu_1 mu_2 sigma_1 sigma_2",
      setup='P = derive.Normal(mu_1, sigma_1, name="P"); Q = derive.Normal(mu_2, sigma_2, name="Q"); '
            'domain = P.domain.merge(Q.domain)', lhs="derive.KL(P, Q)", rhs="0", rel=">",
      o_lhs="log(sigma_2/sigma_1) + (sigma_1**2 + (mu_1 - mu_2)**2)/(2*sigma_2**2) - Rational(1, 2)", o_rhs="0",
      over={"mu_1": "R", "mu_2": "R", "sigma_1": "(0, oo)", "sigma_2": "(0, oo)"},
      cx={"mu_1": "0", "mu_2": "0", "sigma_1": "1", "sigma_2": "1"}, why="P = Q: KL = 0"),
    # --- the logistic loss
    C("it2-softplus-stable", "identity", "true", "assert_identity", latex=True, lhs="\\log(1 + e^{z})",
      rhs="\\max(z, 0) + \\log(1 + e^{-|z|})", syms="z", o_lhs="log(1 + exp(z))",
      o_rhs="Max(z, 0) + log(1 + exp(-Abs(z)))"),
    C("it2-softplus-unstable-wrong", "identity", "false", "assert_identity", latex=True, lhs="\\log(1 + e^{z})",
      rhs="\\max(z, 0) + \\log(1 + e^{-z})", syms="z", o_lhs="log(1 + exp(z))",
      o_rhs="Max(z, 0) + log(1 + exp(-z))", cx={"z": "-1"}, why="z = -1: log(1 + e^-1) != log(1 + e)"),
    C("it2-log-sigmoid", "identity", "true", "assert_identity", latex=True, lhs="\\log \\sigma(z)",
      rhs="-\\log(1 + e^{-z})", syms="z", o_lhs="log(1/(1 + exp(-z)))", o_rhs="-log(1 + exp(-z))"),
    C("it2-sigmoid-derivative", "identity", "true", "assert_identity", latex=True,
      lhs="\\frac{d}{dz} \\sigma(z)", rhs="\\sigma(z) (1 - \\sigma(z))", syms="z",
      o_lhs="Derivative(1/(1 + exp(-z)), z)", o_rhs="1/(1 + exp(-z))*(1 - 1/(1 + exp(-z)))"),
    C("it2-sigmoid-derivative-wrong", "identity", "false", "assert_identity", latex=True,
      lhs="\\frac{d}{dz} \\sigma(z)", rhs="\\sigma(z) (1 - \\sigma(-z))", syms="z",
      o_lhs="Derivative(1/(1 + exp(-z)), z)", o_rhs="1/(1 + exp(-z))*(1 - 1/(1 + exp(z)))", cx={"z": "1"},
      why="1 - sigma(-z) = sigma(z): the right side is sigma(z)^2"),
]
