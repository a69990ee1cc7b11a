"""Second batch: edited proof files (derive verify).  A statement or a step given a term that SymPy
folds away (0/(q - p), 0 log(p - q), (q - p)/(q - p)) but that has no value at p = q, a point of the
coins' domain; a statement about another divergence or another parameter; units changed under the
steps; logarithms of another base in one step; controls (a statement restated, scaled, reversed)."""

from . import C

RENUMBER = "\nfor k, s in enumerate(d['steps'], 1): s['index'] = k"


def bad(id, name, code, why):
    return C(id, "proof-file", "false", "verify", proof=name, edit=code, why=why, oracle="manual")


def good(id, name, code, why):
    return C(id, "proof-file", "true", "verify", proof=name, edit=code, why=why, oracle="manual")


def swap(i, field, old, new, also_before_of_next=True):
    """Replace ``old`` by ``new`` in step i's ``field`` (1-based) and, for ``after``, in the next step's ``before``."""
    code = (f"st = d['steps'][{i - 1}]; assert {old!r} in st[{field!r}], st[{field!r}]; "
            f"st[{field!r}] = st[{field!r}].replace({old!r}, {new!r}, 1)")
    if field == "after" and also_before_of_next:
        code += (f"\nnx = d['steps'][{i}]; assert {old!r} in nx['before'], nx['before']; "
                 f"nx['before'] = nx['before'].replace({old!r}, {new!r}, 1)")
    return code


CASES = [
    bad("pf2-gibbs-statement-zero-times-log", "gibbs-coin",
        "d['statement'] = r'KL(P \\Vert Q) \\geq 0 \\cdot \\log(p - q)'",
        "at p = q (inside the coins' domain) log(p - q) = log 0 has no value, so the right side has none; the "
        "statement is not KL >= 0"),
    bad("pf2-gibbs-last-step-zero-over-difference", "gibbs-coin",
        "st = d['steps'][17]; assert st['after'] == '0'; st['after'] = r'\\frac{0}{p - q}'",
        "step 18 ends at 0/(p - q), which has no value at p = q; the chain shows KL >= 0/(p - q), not KL >= 0"),
    bad("pf2-gibbs-last-step-zero-times-log", "gibbs-coin",
        "st = d['steps'][17]; assert st['after'] == '0'; st['after'] = r'0 \\cdot \\log(p - q)'",
        "step 18 ends at 0 log(p - q), no value at p = q"),
    bad("pf2-gibbs-unfolded-sum-cancelled-factor", "gibbs-coin",
        "st = d['steps'][10]; old = r'\\log\\left(\\frac{P(i)}{Q(i)}\\right)'; assert old in st['after']\n"
        "st['after'] = st['after'].replace(old, old + r' \\frac{q - p}{q - p}')\nd['steps'][11]['before'] = st['after']",
        "step 11 unfolds KL into a sum whose terms carry (q - p)/(q - p): no value at p = q, so the step is wrong "
        "there"),
    bad("pf2-kl-coin-statement-plus-zero-over-difference", "kl-cross-entropy-coin",
        "d['statement'] = r'H(P, Q) = KL(P \\Vert Q) + H(P) + \\frac{0}{q - p}'",
        "the right side has no value at q = p (0/0), a point of the domain"),
    bad("pf2-kl-coin-step3-cancelled-factor", "kl-cross-entropy-coin",
        swap(3, "after", "p \\log\\left(\\frac{p}{q}\\right) + (1 - p)",
             "\\frac{p (q - p)}{q - p} \\log\\left(\\frac{p}{q}\\right) + (1 - p)"),
        "step 3's result carries p (q - p)/(q - p), no value at p = q"),
    bad("pf2-kl-coin-step20-cancelled-factor", "kl-cross-entropy-coin",
        swap(20, "after", "+ p \\log(q)", "+ \\frac{q - p}{q - p} p \\log(q)"),
        "step 20's result carries (q - p)/(q - p), no value at p = q"),
    bad("pf2-gibbs-statement-other-divergence", "gibbs-coin", "d['statement'] = r'KL(Q \\Vert P) \\geq 0'",
        "the steps show KL(P || Q) >= 0; KL(Q || P) >= 0 is true but not what this file proves"),
    bad("pf2-min-statement-other-parameter", "minimization-coin",
        "d['statement'] = r'\\frac{\\partial}{\\partial p} H(P, Q) = \\frac{\\partial}{\\partial p} KL(P \\Vert Q)'",
        "d/dp H(P, Q) - d/dp KL = log((1 - p)/p) != 0 at p = 1/3: false"),
    bad("pf2-gibbs-units-bits", "gibbs-coin", "d['units'] = 'bits'",
        "in bits KL = sum P log_2(P/Q); step 11 writes the natural logarithm"),
    bad("pf2-kl-coin-step9-base-two", "kl-cross-entropy-coin",
        swap(9, "after", "-p \\log(q)", "-p \\log_2(q)", also_before_of_next=False),
        "step 9 writes log_2 q for log q: -P(H) log Q(H) != -p log_2 q"),
    bad("pf2-kl-coin-statement-doubled-entropy", "kl-cross-entropy-coin",
        "d['statement'] = r'H(P, Q) = KL(P \\Vert Q) + 2 H(P)'", "H(P, Q) = KL + H(P); adding another H(P) > 0 is false"),
    bad("pf2-gibbs-assumption-closed-at-zero", "gibbs-coin", "d['assumptions'] = [r'x \\geq 0']",
        "the lemma's steps divide by x and take log x: x = 0 is now allowed"),
    bad("pf2-catn-gibbs-statement-strict", "gibbs-categorical-n", "d['statement'] = r'KL(P \\Vert Q) > 0'",
        "KL(P || Q) = 0 at P = Q (and for n = 1 always)"),
    bad("pf2-logistic-statement-derivative-of-kl", "minimization-logistic",
        "d['statement'] = r'\\frac{\\partial}{\\partial z} H(P, Q) = -p'",
        "the derivative is sigma(z) - p, not -p (sigma(z) > 0)"),
    good("pf2-gibbs-statement-sides-reversed", "gibbs-coin", "d['statement'] = r'0 \\leq KL(P \\Vert Q)'",
         "the same inequality written the other way round"),
    good("pf2-gibbs-statement-negated", "gibbs-coin", "d['statement'] = r'-KL(P \\Vert Q) \\leq 0'",
         "KL >= 0 multiplied by -1"),
    good("pf2-gibbs-statement-scaled", "gibbs-coin", "d['statement'] = r'2 KL(P \\Vert Q) \\geq 0'",
         "KL >= 0 multiplied by 2"),
    good("pf2-gibbs-statement-no-break-space", "gibbs-coin", "d['statement'] = 'KL(P \\\\Vert Q)\\u00a0\\\\geq 0'",
         "a no-break space between tokens: the same statement"),
    good("pf2-logistic-assumption-narrowed", "minimization-logistic", "d['assumptions'] = [r'z > 0']",
         "every step holds for all real z, so also for z > 0"),
    good("pf2-kl-coin-statement-rearranged", "kl-cross-entropy-coin",
         "d['statement'] = r'H(P, Q) - KL(P \\Vert Q) = H(P)'", "the shown identity with KL moved across"),
]
