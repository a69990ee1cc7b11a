"""Fourth batch: notation read this session (polygamma orders and powers of special functions, index-less sums
over random variables' values, evaluation brackets without their variable, ``p(x)`` naming a declared law).  Each
false claim is one a wrong reading would prove; each true one, one a wrong reading would refute."""

from .r2_documents import manual

RV = "Let $X$ and $Y$ be random variables with joint probability function $p(x, y)$.\n\n"

CASES = [
    manual("rd4-psi-power-is-not-a-product", "false", "Let $a > 0$.\n\n$$\\psi^2(a) = a \\psi^2$$\n",
           "\\psi^2(a) = a \\psi^2", why="psi^2(a) is the digamma's square; read as a * psi^2 it equals the right"),
    manual("rd4-gamma-power-is-a-power-of-the-value", "true", "$$\\Gamma^2(1/2) = \\pi$$\n",
           "\\Gamma^2(1/2) = \\pi", why="Gamma(1/2) = sqrt(pi)"),
    manual("rd4-trigamma-is-not-digamma", "false", "Let $a > 0$.\n\n$$\\psi^{(1)}(a) = \\psi(a)$$\n",
           "\\psi^{(1)}(a) = \\psi(a)", why="the trigamma is the digamma's derivative, not the digamma"),
    manual("rd4-trigamma-is-the-derivative", "true", "Let $a > 0$.\n\n$$\\frac{d}{da}\\psi(a) = \\psi^{(1)}(a)$$\n",
           "\\frac{d}{da}\\psi(a) = \\psi^{(1)}(a)", why="the definition of the trigamma"),
    manual("rd4-bare-sum-joint-true", "true", RV + "$$I(X; Y) = -\\sum p(x, y) \\log p(x) + \\sum p(x, y) \\log "
           "p(x|y)$$\n", "I(X; Y) = -\\sum", why="I = H(X) - H(X|Y)"),
    manual("rd4-bare-sum-conditional-not-summed", "false", RV + "$$H(Y|X) = -\\sum p(y|x) \\log p(y|x)$$\n",
           "H(Y|X) = -\\sum", why="the right side is H(Y | X = x), not weighted by p(x)"),
    manual("rd4-bare-sum-wrong-sign", "false", RV + "$$I(X; Y) = \\sum p(x, y) \\log p(x) + \\sum p(x, y) \\log "
           "p(x|y)$$\n", "I(X; Y) = \\sum", why="H(X) enters with a minus"),
    manual("rd4-bracket-variable-from-the-limits", "true",
           "Let $0 < a < b$.\n\n$$\\left[ x \\ln(b-a) \\right]_a^b = (b - a) \\ln(b - a)$$\n",
           "\\left[ x \\ln(b-a) \\right]_a^b", why="x is the only symbol not in the limits"),
    manual("rd4-bracket-variable-wrong-value", "false",
           "Let $0 < a < b$.\n\n$$\\left[ x \\ln(b-a) \\right]_a^b = b \\ln(b - a)$$\n",
           "\\left[ x \\ln(b-a) \\right]_a^b", why="the bracket is (b - a) ln(b - a)"),
    manual("rd4-declared-mass-mean-wrong", "false",
           "Let $X \\sim \\mathrm{Bin}(n, p)$.\n\n$$\\mathbb{E}_{p(x)}[x] = n$$\n", "\\mathbb{E}_{p(x)}[x] = n",
           why="the binomial mean is n p"),
]
