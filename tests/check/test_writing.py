"""derive check on the ways people write derivations: each document with the verdict of every relation, in order.

These are the forms met in real derivations (tests/check/real): equations being
solved, functions defined by a formula, values given to a name, specialisations,
layout around relations, decimals rounded to the digits shown.
"""

from __future__ import annotations

import pytest

from derive.check import check_text

#: (document, [(line, status)] of every entry but the assumptions).
_BY_CASES = (r"Let $p(x) = \begin{cases} 1-r & x=0 \\ r & x=1 \end{cases}$ and "
             r"$q(x) = \begin{cases} 1-s & x=0 \\ s & x=1 \end{cases}$.")

DOCUMENTS = [
    # an equation set to zero is solved, not claimed; what follows is checked as its consequence
    ("Let $0 < p < 1$ and $n > 0$.\n\n$$\\ell(p) = k \\log p + (n-k) \\log(1-p)$$\n\n"
     "$$\\ell'(p) = \\frac{k}{p} - \\frac{n-k}{1-p} \\overset{\\text{set}}{=} 0$$\n\n"
     "$$\\frac{k}{p} = \\frac{n-k}{1-p}$$\n\n$$\\hat p = \\frac{k}{n}$$\n",
     [(3, "definition"), (5, "proved"), (5, "supposed"), (7, "proved"), (9, "proved")]),
    ("Let $0 < p < 1$ and $n > 0$.\n\n$$\\frac{k}{p} - \\frac{n-k}{1-p} \\overset{!}{=} 0$$\n\n$$\\hat p = \\frac{n}{k}$$\n",
     [(3, "supposed"), (5, "refuted")]),  # not the solution: refuted at a point where the equation holds
    ("Let $0 < p < 1$.\n\nSetting the derivative to zero gives\n\n$$\\frac{1}{p} - 2 = 0$$\n\nso\n\n$$p = \\frac{1}{2}$$\n",
     [(5, "supposed"), (9, "proved")]),
    ("Let $0 < p < 1$.\n\n$$\\frac{d}{dp}(p^2 - p) = 2p - 1 = 0 \\implies p = \\frac{1}{2}$$\n",
     [(3, "proved"), (3, "supposed"), (3, "proved")]),
    ("Let $0 < p < 1$.\n\n$$2p = 1 \\implies p = \\frac{1}{2} = 0.5$$\n", [(3, "proved"), (3, "proved")]),
    # a premise a = b = c claims both links and implies from b = c; one ending in a number (= 2) sets it
    ("Let $x > 0$.\n\n$$x^2 - 1 = (x - 1)(x + 1) = 3 \\implies x = 2$$\n",
     [(3, "proved"), (3, "supposed"), (3, "proved")]),
    ("Let $x > 0$.\n\n$$(x + 1)^2 = x^2 + 2x + 1 = x^2 + 1 + 2x \\implies (x + 1)^2 - 2x = x^2 + 1$$\n",
     [(3, "proved"), (3, "proved"), (3, "proved")]),
    ("Let $x > 0$.\n\n$$(x + 1)^2 = x^2 + 2x + 1 = x^2 + 1 \\implies (x + 1)^2 = x^2 + 1$$\n",
     [(3, "proved"), (3, "refuted"), (3, "proved")]),  # 2x = 0 implies 2x = 0
    # a display the prose draws from an implication before it ("expanding gives") goes on from its conclusion
    ("Let $0 < p < 1$.\n\n$$3p - 1 = 0 \\implies 3p(1 - p) = 1 - p$$\n\nand expanding gives\n\n"
     "$$3p - 3p^2 = 1 - p \\implies p = \\frac{1}{3}$$\n", [(3, "proved"), (7, "proved"), (7, "proved")]),
    ("Let $0 < p < 1$.\n\n$$3p - 1 = 0 \\implies 3p(1 - p) = 1 - p$$\n\nand expanding gives\n\n"
     "$$3p - 3p^2 = 1 + p \\implies p = \\frac{1}{3}$$\n", [(3, "proved"), (7, "refuted"), (7, "unknown")]),
    ("Let $0 < p < 1$.\n\n$$3p - 1 = 0 \\implies 3p(1 - p) = 1 - p$$\n\nNext,\n\n"
     "$$3p - 3p^2 = 1 + p \\implies p^2 = p^2$$\n", [(3, "proved"), (7, "proved")]),  # not drawn
    # a region under an integral, a density written with its parameters, a gradient by one variable: wrong values refuted
    ("Let $\\lambda > 0$.\n\n$$\\int_{x \\geq 0} \\lambda e^{-\\lambda x} dx = 2$$\n", [(3, "refuted")]),
    ("Let $\\lambda > 0$.\n\n$$\\int_{x \\geq 0} \\lambda e^{-\\lambda x} dx = 1$$\n", [(3, "proved")]),
    ("Let $\\sigma > 0$.\n\n$$\\int x^2 \\mathcal{N}(x; 0, \\sigma^2) dx = \\sigma$$\n", [(3, "refuted")]),
    ("Let $\\sigma > 0$.\n\n$$\\int x^2 \\mathcal{N}(x; 0, \\sigma^2) dx = \\sigma^2$$\n", [(3, "proved")]),
    ("Let $\\sigma > 0$.\n\n$$\\nabla_\\sigma \\sigma^3 = 2\\sigma^2$$\n", [(3, "refuted")]),
    ("Let $\\sigma > 0$.\n\n$$\\nabla_\\sigma \\sigma^3 = 3\\sigma^2$$\n", [(3, "proved")]),
    # p(x), f_X(x), p(z) of a declared random variable are its density; x \sim ... declares X by its value
    ("$$X \\sim \\mathcal{N}(\\mu, \\sigma^2)$$\n\n"
     "$$H(X) = -\\int p(x) \\log p(x) dx = \\frac{1}{2}\\log(2\\pi e \\sigma^2)$$\n",
     [(1, "definition"), (3, "definition"), (3, "proved")]),
    ("$$X \\sim \\mathcal{N}(\\mu, \\sigma^2)$$\n\n"
     "$$H(X) = -\\int f_X(x) \\log f_X(x) dx = \\frac{1}{2}\\log(2\\pi\\sigma^2)$$\n",
     [(1, "definition"), (3, "definition"), (3, "refuted")]),
    ("$$Z \\sim \\mathcal{N}(0, 1)$$\n\n$$\\int z^2 p(z) dz = 1$$\n", [(1, "definition"), (3, "proved")]),
    ("$$Z \\sim \\mathcal{N}(0, 1)$$\n\n$$\\int z^2 p(z) dz = 2$$\n", [(1, "definition"), (3, "refuted")]),
    ("$$X \\sim \\mathrm{Exp}(\\lambda)$$\n\n$$\\int x f(x) dx = \\frac{1}{\\lambda}$$\n",
     [(1, "definition"), (3, "proved")]),
    ("$$x \\sim \\mathcal{N}(\\mu, \\sigma^2)$$\n\n$$H(x) = \\frac{1}{2}\\log(2\\pi\\sigma^2) + \\frac{1}{2}$$\n",
     [(1, "definition"), (3, "definition")]),  # agrees with derive's entropy of X
    ("$$x \\sim \\mathcal{N}(\\mu, \\sigma^2)$$\n\n$$H(x) = \\frac{1}{2}\\log(2\\pi\\sigma^2)$$\n",
     [(1, "definition"), (3, "refuted")]),
    # ... but not in a model's text, where z is a latent value given x: there it draws one value, no law
    ("Sample $z \\sim \\mathcal{N}(0, 1)$.\n\n$$\\mathbb{E}_{q(z \\mid x)}\\left[\\log \\frac{q(z \\mid x)}{p(z)}\\right] = "
     "\\mathbb{E}_{q(z \\mid x)}[\\log q(z \\mid x)] - \\mathbb{E}_{q(z \\mid x)}[\\log p(z)]$$\n",
     [(1, "skipped"), (3, "proved")]),
    # bounds on a function's arguments after its definition, in its row, say where it is meant: assumptions
    ("$$f(x; \\theta) = \\frac{1}{\\theta} e^{-x / \\theta}, \\quad x \\geq 0, \\, \\theta > 0$$\n\n"
     "$$\\log f(x; \\theta) = -\\log \\theta - \\frac{x}{\\theta}$$\n", [(1, "definition"), (3, "proved")]),
    ("$$f(x; \\theta) = \\frac{1}{\\theta} e^{-x / \\theta}, \\quad x \\geq 0, \\, \\theta > 0$$\n\n"
     "$$\\log f(x; \\theta) = \\log \\theta - \\frac{x}{\\theta}$$\n", [(1, "definition"), (3, "refuted")]),
    # densities of values written as Greek letters, no one declaring them: the ELBO's identity for every one
    ("$$\\log p(D) = \\mathbb{E}_{q(\\theta)} \\left[ \\log \\frac{p(D, \\theta)}{q(\\theta)} \\right] + "
     "\\text{KL}(q(\\theta) \\| p(\\theta \\mid D))$$\n", [(1, "proved")]),
    ("$$\\log p(D) = \\mathbb{E}_{q(\\theta)} \\left[ \\log \\frac{p(D, \\theta)}{q(\\theta)} \\right] - "
     "\\text{KL}(q(\\theta) \\| p(\\theta \\mid D))$$\n", [(1, "refuted")]),
    # two entries of one vector at free indices: a claim for every pair holds when it holds in both cases
    ("$$\\frac{\\partial e^{t_i}}{\\partial t_j} = \\delta_{ij} e^{t_i}$$\n", [(1, "proved")]),
    ("$$\\frac{\\partial e^{t_i}}{\\partial t_j} = 2 \\delta_{ij} e^{t_i}$$\n", [(1, "unknown")]),  # one case's
    ("$$\\frac{\\partial e^{t_i}}{\\partial t_j} = e^{t_i}$$\n", [(1, "unknown")]),  # the case i = j, unsaid
    ("$$\\frac{\\partial e^{t_i}}{\\partial t_j} = 2 e^{t_i}$$\n", [(1, "refuted")]),  # false in both
    ("If $i = j$,\n\n$$\\frac{\\partial e^{t_i}}{\\partial t_j} = e^{t_i}$$\n", [(1, "supposed"), (3, "proved")]),
    ("If $i \\neq j$,\n\n$$\\frac{\\partial e^{t_i}}{\\partial t_j} = 0$$\n", [(1, "supposed"), (3, "proved")]),
    ("If $i \\neq j$,\n\n$$\\frac{\\partial e^{t_i}}{\\partial t_j} = e^{t_i}$$\n", [(1, "supposed"), (3, "refuted")]),
    ("$$\\frac{\\partial \\log \\sigma(t_i)}{\\partial t_j} = 1 - \\sigma(t_i)$$\n", [(1, "unknown")]),  # a softmax?
    # a Greek letter the text never writes as a density's value is a model's parameter: q(z | theta) is q_theta(z)
    ("$$D_{KL}(q(z|\\theta) \\| p(z|x)) = -\\mathbb E_q \\log\\frac{p(x, z)}{q(z|\\theta)} - "
     "\\mathbb E_q \\log\\frac{1}{p(x)}$$\n", [(1, "proved")]),
    ("$$D_{KL}(q(z|\\theta) \\| p(z|x)) = -\\mathbb E_q \\log\\frac{p(x, z)}{q(z|\\theta)} + "
     "\\mathbb E_q \\log\\frac{1}{p(x)}$$\n", [(1, "refuted")]),
    # never refuted for what the text leaves open: a name that must vary, a point outside where a root is real
    ("$$\\frac{\\partial}{\\partial \\theta} \\sigma(z) = \\sigma(z)(1 - \\sigma(z)) x$$\n", [(1, "unknown")]),
    ("$$\\frac{\\partial}{\\partial \\theta} \\sigma(z) = 0$$\n", [(1, "unknown")]),  # nor proved 0
    ("Let $0 < q < 1$.\n\n$$\\frac{d}{dq} (q^2 + 1) = 2q$$\n", [(3, "proved")]),
    ("$$\\ln(x) \\le \\sqrt{x - 1}$$\n", [(1, "unknown")]),
    ("Let $x \\ge 1$.\n\n$$\\ln(x) \\le \\sqrt{x - 1}$$\n", [(3, "unknown")]),
    ("Let $x \\le 0$.\n\n$$\\sqrt{x - 1} \\le 1$$\n", [(3, "refuted")]),  # not real where the text says x is
    # a condition written after a claim restricts it: applied when it is a bound, else the claim is never refuted
    ("We use $\\ln(x) \\le x - 1$ for every $x > 0$, and $x^2 - 1 \\ge 0$ for all $x \\ge 1$.\n",
     [(1, "proved"), (1, "proved")]),
    ("Clearly $x - 2 \\ge 0$ whenever $x \\ge 1$.\n", [(1, "refuted")]),  # false under the condition too
    ("Let $x > 0$. Note $x^2 - 1 \\ge 0$ for every $x \\ge 1$, and $x^2 + x - 2 \\ge 0$ too.\n\n"
     "And $x^2 + x - 2 \\ge 0$.\n", [(1, "proved"), (1, "proved"), (3, "refuted")]),  # to the end of its sentence
    ("Let $0 < x < 1$ and $g(x) = x - \\frac{1}{2}$. Then $g(x) < 0$ on $J = (0, \\frac{1}{2})$.\n",
     [(1, "definition"), (1, "unknown"), (1, "definition")]),  # J is not applied: unknown, never refuted
    ("Let $0 < x < 1$ and $g(x) = x - \\frac{1}{2}$. Then $g(x) < 0$ if $x$ is small.\n",
     [(1, "definition"), (1, "unknown")]),
    ("Let $0 < x < 1$ and $g(x) = x - \\frac{1}{2}$. Then $g(x) < 0$ for the coin.\n",
     [(1, "definition"), (1, "refuted")]),  # "for" and words: no condition
    # a name on both sides: an identity, an equation in it, or an update; never a definition
    ("Note $a = a$ and $b = 2b - b$ and $c = c^2$, and $d := d + 1$.\n",
     [(1, "proved"), (1, "proved"), (1, "unknown"), (1, "skipped")]),
    # relations inside a command derive does not know, or a braced block of rows: reported, never dropped
    ("\\[\n\\argmaxx{\\mu \\in \\R}{\n\\sigma > 0\n}\n\\]\n\nand $a = 1$.\n",
     [(2, "not parsed"), (3, "not parsed"), (7, "unknown")]),
    # \ln L = ... names L, so that its derivatives can be taken; sums without limits run as the text's do
    ("$$\\ln L = -n \\ln \\sigma - \\sum_{i=1}^n \\frac{(x_i - m)^2}{2\\sigma^2}$$\n\n"
     "$$\\frac{\\partial \\ln L}{\\partial m} = \\sum_{i=1}^n \\frac{x_i - m}{\\sigma^2}$$\n\n"
     "$$\\frac{\\partial \\ln L}{\\partial m} = \\sum_{i=1}^n \\frac{x_i + m}{\\sigma^2}$$\n",
     [(1, "definition"), (3, "proved"), (5, "refuted")]),
    ("$$\\sum_{j=1}^N \\left(\\frac{x_j}{\\lambda} - 1\\right) \\overset{!}{=} 0$$\n\n"
     "$$\\lambda = \\sum_j \\frac{x_j}{N}$$\n\n$$\\lambda = \\sum_j \\frac{x_j}{N + 1}$$\n",
     [(1, "supposed"), (3, "proved"), (5, "unknown")]),
    # a name given an interval and used as a set bounds its members; it is no distribution
    ("Given $I = (0, 1)$, for any $x \\in I$ we have $x (1 - x) > 0$ and $x^2 < x$.\n",
     [(1, "definition"), (1, "proved"), (1, "proved")]),
    # the variable of a function the text defines is a number: x(1 - x) is then a product
    ("Let $g(x) = x^2$.\n\n$$g(x) + x(1 - x) = x$$\n", [(1, "definition"), (3, "proved")]),
    # a value that is real only by complex parts cancelling (roots of negatives) refutes nothing
    ("$$p\\sqrt{\\frac{1}{p}-1} + (1-p)\\sqrt{\\frac{1}{1-p}-1} = 2\\sqrt{p \\cdot (1-p)}$$\n", [(1, "unknown")]),
    # a function named with a subscript in words or a parameter: H_{\mathrm b}(p), h_\theta(x)
    ("$$H_{\\mathrm b}(p) = -p \\log p$$\n\n$$H_{\\mathrm{b}}(q) = -q \\log q$$\n\n"
     "$$h_\\theta(x) = \\theta x$$\n\n$$h_\\theta(2) = 2 \\theta$$\n",
     [(1, "definition"), (3, "proved"), (5, "definition"), (7, "proved")]),
    # the same unknown derivative on both sides: the algebra around it is proved, whatever it means
    ("$$\\frac{\\partial \\sigma(x_i)}{\\partial\\theta} (a + b) = a \\frac{\\partial \\sigma(x_i)}{\\partial\\theta} + "
     "b \\frac{\\partial \\sigma(x_i)}{\\partial\\theta}$$\n\n"
     "$$\\frac{\\partial \\sigma(x_i)}{\\partial\\theta} (a + b) = a \\frac{\\partial \\sigma(x_i)}{\\partial\\theta}$$\n",
     [(1, "proved"), (3, "unknown")]),
    # x^{(i)}, the i-th example: an entry of a sum over i, never a power
    ("$$\\sum_{i=1}^{m} (x^{(i)} - 1) y^{(i)} = \\sum_{i=1}^{m} x_i y_i - \\sum_{i=1}^{m} y_i$$\n\n"
     "$$\\sum_{i=1}^{m} x^{(i)} = m$$\n", [(1, "proved"), (3, "unknown")]),  # data the text does not give
    # limits and evaluation bars
    ("$$\\lim_{x \\to 0^+} x \\log x = 0$$\n\n$$\\lim_{x \\to 0^+} x \\log x = 1$$\n\n"
     "$$\\lim_{h \\to 0} \\frac{(x+h)^2 - x^2}{h} = 2x$$\n\n$$\\lim_{x \\to 0} \\frac{1}{x} = 0$$\n",
     [(1, "proved"), (3, "refuted"), (5, "proved"), (7, "unknown")]),  # 1/x has no limit at 0: never proved
    ("Let $a < b$.\n\n$$\\int_a^b 2x \\, dx = \\left. x^2 \\right|_{a}^{b} = b^2 - a^2$$\n\n"
     "$$\\int_0^\\infty e^{-x} dx = \\Big[-e^{-x}\\Big]_0^\\infty = 1$$\n\n"
     "$$\\int_0^\\infty x e^{-x} dx = -x e^{-x} \\Big|_0^\\infty + \\int_0^\\infty e^{-x} dx = 2$$\n",
     [(3, "proved"), (3, "proved"), (5, "proved"), (5, "proved"), (7, "proved"), (7, "refuted")]),
    # N(mu, sigma) with a bare sigma: the standard deviation, by its name; with another letter, refused
    ("Let $p(x) = N(\\mu, \\sigma)$.\n\n$$\\int p(x) \\log p(x) dx = -\\frac{1}{2} (1 + \\log 2 \\pi \\sigma^2)$$\n",
     [(1, "definition"), (3, "proved")]),
    ("Let $p(x) = N(\\mu, \\sigma)$.\n\n$$\\int p(x) \\log p(x) dx = -\\frac{1}{2} (1 + \\log 2 \\pi \\sigma)$$\n",
     [(1, "definition"), (3, "refuted")]),
    ("Let $p(x) = N(\\mu, v)$.\n\n$$\\int p(x) \\log p(x) dx = -\\frac{1}{2} (1 + \\log 2 \\pi v)$$\n",
     [(1, "not parsed"), (3, "unknown")]),
    # a name given a formula, then differentiated in and solved for, is a variable from there on
    ("Let $n \\ge 1$ and $k > 0$.\n\nThe answer is $$\\hat p = \\frac{k}{n}$$\n\n"
     "$$\\frac{\\partial}{\\partial \\hat p} (k \\log \\hat p + (n - k) \\log(1 - \\hat p)) = "
     "\\frac{k}{\\hat p} - \\frac{2n - k}{1 - \\hat p} = 0 \\implies n \\hat p = k$$\n",
     [(3, "definition"), (5, "refuted"), (5, "supposed"), (5, "unknown")]),  # \hat p is no longer k/n: never proved
    # a function defined by a formula, and its derivative written with a prime; L(p) = ... of p is no outcome's
    ("$$L(p) = 2p^3(1-p)^3$$\n\n$$\\log L(p) = 3\\log (2p) + 3\\log (1-p)$$\n", [(1, "definition"), (3, "refuted")]),
    ("$$f(x) = x^2 + 1$$\n\n$$f'(x) = 2x$$\n\n$$f(2) = 5$$\n\n$$f(3) = 5$$\n",
     [(1, "definition"), (3, "proved"), (5, "proved"), (7, "refuted")]),
    # a specialisation: "at p = 1/2" gives the claim that follows its value
    ("$$H(p) = -p \\log_2 p - (1-p) \\log_2 (1-p)$$\n\nAt $p = 1/2$,\n\n$$H(p) = 1$$\n",
     [(1, "definition"), (3, "supposed"), (5, "proved")]),
    ("We arrive at\n\n$$x + x = 3x$$\n", [(3, "refuted")]),  # "at" gives no value here: a claim
    # an assumption restated after "i.e." is supposed
    ("$$K = \\mu^2 + \\sigma$$\n\nIf we assume a unit Gaussian, i.e. $\\mu = 0$ and $\\sigma = 1$, then $$K = 1$$\n",
     [(1, "definition"), (3, "supposed"), (3, "supposed"), (3, "proved")]),
    # a name nothing places is not refuted for not being every number
    ("$$\\hat p = 0.6$$\n", [(1, "unknown")]),
    ("We compute.\n\n$$x = 2$$\n\n$$x^2 = 4$$\n", [(3, "unknown"), (5, "unknown")]),  # x = 2 bare: no value given
    ("$$x + 1 = 2x$$\n\n$$\\bar x = \\frac{1}{n} \\sum_{i=1}^{n} x_i$$\n", [(1, "refuted"), (3, "definition")]),  # x stands on both sides
    ("$$c p = 2 p$$\n", [(1, "refuted")]),  # c and p: p stands on both sides
    # decimals are compared to the digits written
    ("$$\\log_2 7 = 2.807$$\n\n$$\\log_2 7 = 2.9$$\n\n$$e^{-6.6} \\approx 0.00136$$\n",
     [(1, "proved"), (3, "refuted"), (5, "proved")]),
    # layout around relations: environments inside $$, \boxed, \underline, \eqalign
    ("$$\\begin{align*} a + a &= 2a \\\\ &= a + a \\end{align*}$$\n\n$$\\boxed{b + b = 2b}$$\n\n"
     "$$\\underline{c + c = 2c}$$\n\n$$\\eqalign{ d + d &= 2d \\cr &= d + d }$$\n",
     [(1, "proved"), (1, "proved"), (3, "proved"), (5, "proved"), (7, "proved"), (7, "proved")]),
    # a partial derivative of a name no one defined is not 0
    ("$$\\frac{\\partial L}{\\partial z} = 0$$\n\nLet $L = z^2$.\n\n$$\\frac{\\partial L}{\\partial z} = 2z$$\n",
     [(1, "unknown"), (3, "definition"), (5, "proved")]),
    # x_i in a sum over i is the i-th x, never a constant
    ("$$\\sum_{i=1}^{n} x_i = n x_i$$\n", [(1, "unknown")]),
    # a distribution declared with \sim, in words or in \text
    ("Let $X \\sim \\text{Laplace}(\\mu, b)$.\n\n$$\\int_{-\\infty}^{\\infty} |x - \\mu| X(x) \\, dx = b$$\n",
     [(1, "definition"), (3, "proved")]),
    # each display's measures in the base its logarithms are written in
    ("Let $P(H) = p$ and $0 < p < 1$.\n\n$$H(P) = -p\\log_2 p - (1-p)\\log_2(1-p)$$\n\nIn nats,\n\n"
     "$$H(P) = -p \\ln p - (1-p)\\ln(1-p)$$\n", [(1, "definition"), (3, "definition"), (7, "proved")]),
    ("Let $P(H) = p$ and $0 < p < 1$.\n\n$$H(P) = -p\\log_2 p - (1-p)\\ln(1-p)$$\n",
     [(1, "definition"), (3, "refuted")]),  # mixed in one display: the document's units (nats)
    # sums over a sample, by linearity, and the estimate that solves the equation set to zero
    ("Let $0 < p < 1$.\n\n$$\\sum_{i=1}^{n} (x_i - p) = \\sum x_i - np$$\n\n"
     "$$\\ell(p) = \\sum_{i=1}^{n} \\left[x_i \\log p + (1 - x_i)\\log(1-p)\\right]$$\n\n"
     "$$\\frac{d\\ell}{dp} = \\frac{\\sum x_i}{p} - \\frac{n - \\sum x_i}{1-p} \\overset{!}{=} 0$$\n\n"
     "$$\\hat p = \\frac{1}{n}\\sum_{i=1}^n x_i$$\n\n$$\\hat p = \\frac{2}{n}\\sum_{i=1}^n x_i$$\n",
     [(3, "proved"), (5, "definition"), (7, "proved"), (7, "supposed"), (9, "proved"), (11, "unknown")]),
    ("$$\\sum_{i=1}^{n} (x_i + 1) = \\sum_{i=1}^{n} x_i + 2n$$\n", [(1, "refuted")]),  # whatever the x_i
    ("$$\\sum_{i=1}^{n} x_i^2 = \\left(\\sum_{i=1}^{n} x_i\\right)^2$$\n", [(1, "unknown")]),  # data alone vary
    # data derive chooses (0/1 and other values) refute a claim over every sample, never one about particular data
    ("$$\\frac{1}{n} \\sum_{i=1}^{n} x_i = 2.2$$\n", [(1, "unknown")]),
    ("Let $x_1 = 1.1$ and $\\theta > 0$.\n\n$$\\frac{\\theta}{n}\\sum_{i=1}^{n} x_i = 2.2 \\theta$$\n",
     [(1, "definition"), (3, "unknown")]),
    ("$$\\sum_{i=1}^{n} x_i^2 = \\sum_{i=1}^{n} x_i$$\n", [(1, "unknown")]),  # true of a Bernoulli sample
    ("Let $\\theta > 0$.\n\n$$\\frac{d}{d\\theta}\\left(-n \\log \\theta"
     " - \\frac{1}{\\theta}\\sum_{i=1}^{n} x_i\\right) = "
     "-\\frac{n}{\\theta} - \\frac{\\sum_{i=1}^{n} x_i}{\\theta^2}$$\n", [(3, "refuted")]),
    ("Let $\\theta > 0$.\n\n$$\\frac{d}{d\\theta}\\left(-n \\log \\theta"
     " - \\frac{1}{\\theta}\\sum_{i=1}^{n} x_i\\right) = "
     "-\\frac{n}{\\theta} + \\frac{\\sum_{i=1}^{n} x_i}{\\theta^2}$$\n", [(3, "proved")]),
    ("$$\\bar x \\sum_{i=1}^{n} x_i = n \\bar x^2$$\n", [(1, "proved")]),  # \\bar x beside x_1..x_n: their mean
    ("$$\\bar x \\sum_{i=1}^{n} x_i = n \\bar x^3$$\n", [(1, "unknown")]),  # false for the mean: never refuted
    # distributions declared in prose; p, q are the densities of P, Q where they name nothing else
    ("Let $P$ be $\\mathcal{N}(\\mu, \\sigma^2)$.\n\n"
     "$$-\\int p(x) \\log p(x) dx = \\frac{1}{2}\\log(2\\pi e \\sigma^2)$$\n",
     [(3, "proved")]),
    ("Take $P$ a $\\text{Laplace}(\\mu, b_1)$ and $Q$ a $\\text{Laplace}(\\mu, b_2)$ distribution.\n\n"
     "$$\\log\\frac{b_2}{b_1} - 1 + \\frac{b_1}{b_2} = D(p \\| q)$$\n\n"
     "$$\\log\\frac{b_2}{b_1} + 1 - \\frac{b_1}{b_2} = D(p \\| q)$$\n", [(3, "proved"), (5, "refuted")]),
    ("Let $X$ be $\\mathrm{Laplace}(\\mu, b)$ and $P$ be $\\mathcal{N}(0, 1)$.\n\n"
     "$$E[|X - \\mu|] = b$$\n\n$$E[P^2] = 2$$\n",
     [(3, "proved"), (5, "refuted")]),
    ("Let $Q$ be Poisson($\\lambda$).\n\n$$\\sum_{k=0}^{\\infty} k \\, q(k) = \\lambda$$\n", [(3, "proved")]),
    ("$P$ is not a $\\mathcal{N}(0, 1)$.\n\n$$\\int p(x) dx = 1$$\n", [(3, "unknown")]),
    ("Let $P = \\mathcal{N}(0, 1)$ and let $p = 0.3$.\n\n$$p(1-p) = 0.21$$\n",  # p defined: a number, not P's
     [(1, "definition"), (1, "definition"), (3, "proved")]),
    ("$$P: \\; X \\sim \\mathrm{Bern}(p_1) \\quad Q: \\; X \\sim \\mathrm{Bern}(p_2)$$\n\n"
     "$$\\mathrm{KL}[P \\| Q] = \\sum_{x \\in \\mathcal{X}} p(x) \\ln \\frac{p(x)}{q(x)} = "
     "\\sum_{x \\in \\left\\lbrace 0,1 \\right\\rbrace} p(x) \\, \\ln \\frac{p(x)}{q(x)} = "
     "p(X=0) \\ln \\frac{p(X=0)}{q(X=0)} + p(X=0) \\ln \\frac{p(X=0)}{q(X=0)}$$\n",
     [(1, "definition"), (1, "definition"), (3, "definition"), (3, "proved"), (3, "refuted")]),
    ("$P(x) = N(\\mu, \\sigma^2)$ and $Q(x) = N(0, 1)$.\n\n"
     "$$\\int x^2 P(x) dx = V(x) + E(x)^2 = \\sigma^2 + \\mu^2$$\n\n"
     "$$\\int x^2 P(x) dx = V(x) - E(x)^2$$\n", [(1, "definition"), (1, "definition"), (3, "proved"), (3, "proved"),
                                                (5, "refuted")]),
    # derivatives with respect to a square: d/d(s^2) = (d/ds) / (2s)
    ("Let $\\sigma > 0$.\n\n"
     "$$\\frac{\\partial}{\\partial \\sigma^2}\\left(-\\frac{1}{2\\sigma^2}\\right) = \\frac{1}{2\\sigma^4}$$\n\n"
     "$$\\frac{d}{d\\sigma^2} \\log \\sigma = \\frac{1}{\\sigma^2}$$\n", [(3, "proved"), (5, "refuted")]),
    # a function the text has since written otherwise, unproved, refutes nothing (the question's L, the answer's)
    ("Let $\\theta > 0$ and $L(\\theta) = \\theta^2$.\n\n$$\\log L(\\theta) = 3 \\log \\theta + C$$\n\n"
     "$$\\frac{d}{d\\theta} \\log L(\\theta) = \\frac{3}{\\theta}$$\n\n"
     "$$\\frac{d}{d\\theta} \\log L(\\theta) = \\frac{2}{\\theta}$$\n",
     [(1, "definition"), (3, "unknown"), (5, "unknown"), (7, "proved")]),
    # a sample the text gives whole: claims about those data are checked at them; others are not
    ("Let $x_1 = 1.1$, $x_2 = 2.2$ and $x_3 = 3.3$ be three observed values.\n\n"
     "$$\\frac{1}{n} \\sum_{i=1}^{n} x_i = 2.2$$\n\n$$\\frac{1}{n} \\sum_{i=1}^{n} x_i = 2.3$$\n\n"
     "$$\\theta \\sum_{i=1}^{n} x_i = 6.6 \\theta$$\n",
     [(1, "definition"), (1, "definition"), (1, "definition"), (3, "proved"), (5, "refuted"), (7, "proved")]),
    ("Let $x_1 = 1.1$, $x_2 = 2.2$ and $x_3 = 3.3$ be three observed values.\n\n"
     "$$\\theta \\sum_{i=1}^{n} x_i = 6.5 \\theta$$\n", [(1, "definition"), (1, "definition"), (1, "definition"),
                                                      (3, "unknown")]),  # theta varies freely: never refuted
    # data listed in prose, for the one label the sums run over; an equation being solved, in words
    ("The observations are 3, 7, 5.\n\n$$M = \\sum_{i=1}^{3} x_i^2 = 83$$\n\n$$\\prod_{i=1}^{3} x_i = 104$$\n",
     [(3, "definition"), (3, "proved"), (5, "refuted")]),
    ("Let $0 < p < 1$. We find the maximum by solving $$\\frac{3}{p} - \\frac{1}{1 - p} = 0$$ which gives "
     "$$p = \\frac{3}{4}$$\n", [(1, "supposed"), (1, "proved")]),
    # the count of the sample the text sums over is a number: n(n - 1) is a product
    ("$$\\sum_{i=1}^{i=n} 1 = n$$\n\n$$n(n-1) + n = n^2$$\n", [(1, "proved"), (3, "proved")]),
    # a case condition after a claim in its row (", \quad i = j") is supposed before it
    ("$$p_j = \\frac{e^{o_j}}{\\sum_k e^{o_k}}$$\n\n"
     "$$\\frac{\\partial p_j}{\\partial o_i} = p_i(1 - p_i),\\quad i = j$$\n\n"
     "$$\\frac{\\partial p_j}{\\partial o_i} = -p_i p_j,\\quad i \\neq j$$\n",
     [(1, "definition"), (3, "supposed"), (3, "proved"), (5, "supposed"), (5, "proved")]),
    # a variable that is 1 with probability p: its expectation and variance use the outcomes as numbers
    ("Let $X$ be 1 with probability $p$ and 0 otherwise, with $0 < p < 1$.\n\n"
     "$$\\mathbb{E}[X] = 1 \\cdot p + 0 \\cdot (1 - p) = p$$\n\n$$\\mathrm{Var}(X) = p(1 - p)$$\n\n"
     "$$\\mathbb{E}[X^2] = p^2$$\n",
     [(3, "proved"), (3, "proved"), (5, "proved"), (7, "refuted")]),
    ("Let $X \\sim \\mathrm{Bernoulli}(p)$.\n\n$$\\mathbb{E}[X^2] = p$$\n\n$$\\mathbb{E}[Y] = p$$\n",
     [(1, "definition"), (3, "proved"), (5, "not parsed")]),
    ("Let $P(H) = p$ and $P(T) = 1 - p$.\n\n$$\\mathbb{E}[X] = p$$\n",
     [(1, "definition"), (1, "definition"), (3, "unknown")]),  # the outcomes H, T are no numbers
    # false claims on the new paths are refuted: under a case condition, under a named interval, by \partial_x
    ("Let $g(i) = i^2$.\n\n$$g(i) - g(j) = 0, \\quad i = j$$\n\n$$g(i) - g(j) = 1, \\quad i = j$$\n",
     [(1, "definition"), (3, "supposed"), (3, "proved"), (5, "supposed"), (5, "refuted")]),
    ("Given $I = (0, 1)$, for any $x \\in I$ we have $x^2 > x$.\n", [(1, "definition"), (1, "refuted")]),
    ("Let $x > 0$.\n\n$$\\partial_x (x^2) = 2x$$\n\n$$\\nabla_x (x^2) = 3x$$\n", [(3, "proved"), (5, "refuted")]),
    # an unknown derivative held per term of a sum: never one value for all terms
    ("$$\\sum_{i=1}^n \\frac{\\partial \\sigma(x_i)}{\\partial\\theta} y_i = "
     "\\frac{\\partial \\sigma(x_1)}{\\partial\\theta} \\sum_{i=1}^n y_i$$\n", [(1, "unknown")]),
    # sets of integers
    ("Let $\\theta \\in \\{1, 2, 3, \\dots\\}$.\n\n$$\\log \\theta^2 = 2 \\log \\theta$$\n", [(3, "proved")]),
    ("Let $n \\in \\mathbb{N}$.\n\n$$\\frac{n (n + 1)}{2} \\geq 1$$\n", [(3, "proved")]),
    ("Let $n \\in \\mathbb{N}_0$.\n\n$$\\frac{n (n + 1)}{2} \\geq 1$$\n", [(3, "refuted")]),
    # binomial coefficients
    ("Let $n \\in \\mathbb{N}$.\n\n$$\\binom{n}{2} = \\frac{n (n - 1)}{2}$$\n\n"
     "$$\\binom{n}{2} = \\frac{n (n + 1)}{2}$$\n",
     [(3, "proved"), (5, "refuted")]),
    # E(x^2), V(x), \mathrm{Var}(X) under the one declared distribution; the author's V - E^2 is caught
    ("Let $P = \\mathcal{N}(\\mu, \\sigma^2)$.\n\n$$\\int x^2 P(x) dx = V(x) + E(x)^2 = \\sigma^2 + \\mu^2$$\n\n"
     "$$\\int x^2 P(x) dx = V(x)-E(x)^2$$\n\n$$\\mathrm{Var}(X) = E[(X - \\mu)^2] = \\sigma^2$$\n",
     [(1, "definition"), (3, "proved"), (3, "proved"), (5, "refuted"), (7, "proved"), (7, "proved")]),
    ("$$V(x) = E(x)$$\n", [(1, "definition")]),  # no distribution declared: V defined by the function E
    # identities that hold for every real value
    ("$$\\frac{e^u}{1+e^u} = \\frac{1}{1+e^{-u}}$$\n\n$$\\log(ab) = \\log a + \\log b$$\n",
     [(1, "proved"), (3, "unknown")]),
    # random variables no one declares: identities for every joint distribution, their slips refuted
    ("$$H(X, Y) = - \\sum_{x, y} p(x, y) \\log p(x, y) = - \\sum_{x, y} p(x, y) \\log p(x) "
     "- \\sum_{x, y} p(x, y) \\log p(y \\mid x) = H(X) + H(Y \\mid X)$$\n",
     [(1, "proved"), (1, "proved"), (1, "proved")]),
    ("$$I(X; Y) = \\sum_{x,y} p(x,y) \\log p(x,y) - \\sum_{x,y} p(x,y) \\log p(x) - \\sum_{x,y} p(x,y) \\log p(y)$$\n\n"
     "$$\\sum_{x,y} p(x,y) \\log p(x) = H(X)$$\n",
     [(1, "proved"), (3, "refuted")]),  # the second slips a sign: the sum is -H(X)
    ("Let $X$ and $Y$ be two coins with $H(X, Y) = 2$ bits.\n\n$$H(X, Y) \\leq H(X) + H(Y)$$\n\n"
     "$$H(X \\mid Y) \\leq H(X)$$\n",
     [(1, "unknown"), (3, "proved"), (5, "proved")]),  # a value of one distribution: not judged
    ("Take two independent random variables $X$ and $Y$.\n\n$$H(X, Y) = H(X) + H(Y)$$\n\n"
     "$$I(X; Y) = 0$$\n", [(3, "proved"), (5, "proved")]),  # under the independence the text declares
    ("$$\\sum\\limits_{x}{\\sum\\limits_{y}{p(x,y) \\log p(x) - \\sum\\limits_{x}{\\sum\\limits_{y}{p(x,y)}}}} "
     "= -H(X) - 1$$\n", [(1, "proved")]),  # braces are invisible: two double sums, as printed
    # a family named in prose bounds its parameters: log of a rate splits
    ("Counts are Poisson with parameter $\\lambda$.\n\n$$\\log(\\lambda^2) = 2 \\log \\lambda$$\n", [(3, "proved")]),
    ("Counts are many.\n\n$$\\log(\\lambda^2) = 2 \\log \\lambda$$\n", [(3, "unknown")]),  # false only for a negative lambda
    # a sigma nothing places is a standard deviation: positive; another letter is not
    ("$$\\sqrt{\\sigma^2} = \\sigma$$\n\n$$\\sqrt{a^2} = a$$\n", [(1, "proved"), (3, "unknown")]),
    # a sample sum without limits whose terms write x_{i}
    ("$$\\sum(x_{i}-\\mu)^{2} = \\sum x_i^2 - 2\\mu\\sum x_i + n\\mu^2$$\n", [(1, "proved")]),
    # an integral without limits runs over the whole real line; a dot before the differential joins it
    ("$$\\int e^{-x^2} \\cdot \\mathrm{d}x = \\sqrt{\\pi}$$\n", [(1, "proved")]),
    # an error carried along past an expression that cannot be read is not refuted again
    ("$$(x+1)^2 = x^2 + 2x + 2 = \\foo = x^2 + 2x + 2$$\n", [(1, "refuted"), (1, "not parsed"), (1, "not parsed")]),
    # macros: the document's own, and ProofWiki's; a comment column of an aligned row is no formula
    ("\\newcommand{\\half}{\\frac{1}{2}}\n\n$$\\half + \\half = 1$$\n", [(3, "proved")]),
    ("\\begin{align*}\n\\ds \\frac 1 {3 - 1} \\int_1^3 \\rd x & = \\map \\ln {e} "
     "& & \\text{by a primitive} \\\\\n& = 1\n\\end{align*}\n", [(2, "proved"), (3, "proved")]),
    # a logarithm of the same symbol on both sides: the claim means something only where it is positive
    ("$$\\sum_{i=1}^N (k_i \\ln\\lambda - \\lambda) = (\\ln\\lambda)\\sum_{i=1}^N k_i - N\\lambda$$\n",
     [(1, "proved")]),
    ("$$\\ln(\\lambda^2) = 2\\ln\\lambda$$\n", [(1, "unknown")]),  # false only at lambda < 0, where one side is no real number
    # a product of positive factors through its logarithms; of data of unknown sign, never
    ("Let $0 < p < 1$.\n\n$$\\ln \\prod_{i=1}^n p^{x_i}(1-p)^{1-x_i} = \\ln p \\sum_{i=1}^n x_i + "
     "\\ln(1-p) \\sum_{i=1}^n (1 - x_i)$$\n", [(3, "proved")]),
    ("$$\\ln \\prod_{i=1}^n x_i = \\sum_{i=1}^n \\ln x_i$$\n", [(1, "unknown")]),
    # a function defined through one nothing defines is defined again by the explicit form that follows
    ("$$L(\\theta) = \\prod_{i=1}^n f(x_i, \\theta)$$\n\n$$\\ln L(\\theta) = \\sum_{i=1}^n \\ln f(x_i, \\theta)$$\n\n"
     "The answer has\n\n$$L(\\theta) = \\theta^{-n} e^{-\\sum x_i / \\theta}$$\n\n"
     "$$\\frac{d}{d\\theta} \\ln L(\\theta) = -n \\theta + \\frac{\\sum x_i}{\\theta^2}$$\n",
     [(1, "definition"), (3, "unknown"), (7, "definition"), (9, "refuted")]),
    # the MLE of a Poisson rate: a likelihood defined through an expression derive cannot read takes the form
    # that follows, but proves nothing until it is restated (the unread step may drop a constant); l = \\ln L
    # applies L; the rate is positive in a text about a Poisson distribution; an equation the sentence sets to $0$
    # is solved; \\text{d} is a differential
    ("With $N$ counts from a Poisson distribution:\n\n$$L(\\lambda) = \\prod_{i=1}^N p(x = k_i | \\lambda) = "
     "\\prod_{i=1}^N \\frac{1}{k_i!}e^{-\\lambda}\\lambda^{k_i}$$\n\n"
     "$$l(\\lambda) = \\ln L(\\lambda) = \\sum_{i=1}^N \\left( -\\ln(k_i!) - \\lambda + k_i \\ln\\lambda \\right)$$\n\n"
     "Differentiate and set the result to $0$:\n\n"
     "$$\\frac{\\text{d}l(\\lambda)}{\\text{d}\\lambda} = -N + \\frac{1}{\\lambda}\\sum_{i=1}^N k_i = 0$$\n\n"
     "$$\\hat{\\lambda} = \\frac{1}{N}\\sum_{i=1}^N k_i$$\n",
     [(3, "not parsed"), (3, "definition"), (5, "definition"), (5, "unknown"), (9, "proved"), (9, "supposed"),
      (11, "proved")]),
    ("A Poisson count.\n\n$$\\ln \\prod_{i=1}^N \\frac{1}{k_i!}e^{-\\lambda}\\lambda^{k_i} = "
     "\\sum_{i=1}^N \\left( -\\ln(k_i!) + \\lambda + k_i \\ln\\lambda \\right)$$\n", [(3, "refuted")]),
    # a function of the variance: l(\\mu, \\sigma^2) is the same function when written l(\\mu, \\sigma); a derivative
    # that ends in = 0 is the condition of an optimum, solved
    ("$l(\\mu, \\sigma^2) = -\\frac{n}{2}\\ln(2\\pi\\sigma^2) - \\frac{1}{2\\sigma^2}\\sum(x_i - \\mu)^2$\n\n"
     "$$\\frac{dl(\\mu, \\sigma^2)}{d\\sigma} = -n\\sigma^{-1} + \\sum(x_i - \\mu)^2\\sigma^{-3} = 0$$\n\n"
     "$$-n\\sigma^2 + \\sum(x_i - \\mu)^2 = 0$$\n\n"
     "$$l(\\mu, \\sigma) = -\\frac{n}{2}\\ln(2\\pi) - \\frac{n}{2}\\ln(\\sigma^2) - "
     "\\frac{1}{2\\sigma^2}\\sum(x_i - \\mu)^2$$\n",
     [(1, "definition"), (3, "proved"), (3, "supposed"), (5, "proved"), (7, "proved")]),
    ("$$\\frac{d}{dp}(p^2 - p) = 2p - 2 = 0$$\n", [(1, "refuted"), (1, "supposed")]),
    # "If $i = k$," then a display: the display is what follows under the case, not a further case
    ("If $x = 2$,\n\n$$x^2 + x = 6$$\n\nIf $x = 3$,\n\n$$x^2 = 8$$\n",
     [(1, "supposed"), (3, "proved"), (5, "supposed"), (7, "refuted")]),
    ("If $x = 2$ and\n\n$$y = 3$$\n\nthen $x + y = 5$.\n", [(1, "supposed"), (3, "supposed"), (5, "proved")]),
    # an equation solved in one section is not supposed in the next (an answer does not solve the question's)
    ("## Attempt\n\n$$\\frac{d}{dp} p^2 = 2p = 0$$\n\n$$p^2 = 0$$\n\n## Answer\n\n$$p^2 = 0$$\n",
     [(3, "proved"), (3, "supposed"), (5, "proved"), (9, "unknown")]),
    # a symbol defined earlier and differentiated against is a variable there
    ("$$\\hat p = \\frac{k}{n}$$\n\n$$\\frac{\\partial}{\\partial \\hat p} (k \\hat p^2) = 2 k \\hat p$$\n",
     [(1, "definition"), (3, "proved")]),
    # a constant added on one side only is one the text leaves open: never refuted for every value of it
    ("$$x^2 + C = x^2 + 1$$\n\n$$x + y = x + 1$$\n", [(1, "unknown"), (3, "refuted")]),
    # a quantity the document names in words: \\text{ELBO} := ... is a symbol from there on
    ("$$\\text{ELBO} \\coloneqq x^2 - 1$$\n\n$$\\text{gap} := (x - 1)(x + 1) - \\text{ELBO}$$\n\n$$\\text{gap} = 0$$\n",
     [(1, "definition"), (3, "definition"), (5, "proved")]),
    # the softmax: o_k beside \\sum_j e^{o_j} is the k-th entry, the derivative by an entry takes the k-th term of
    # the sum; p_k is the member k of the family p_i defined; "If $i = k$" reaches o_i
    ("$$p_i = \\frac{\\exp(o_i)}{\\sum_j \\exp(o_j)}$$\n\n"
     "$$\\frac{\\partial}{\\partial o_k} \\frac{\\exp(o_k)}{\\sum_j \\exp(o_j)} = p_k (1 - p_k)$$\n\n"
     "$$\\frac{\\partial}{\\partial o_k} \\frac{\\exp(o_k)}{\\sum_j \\exp(o_j)} = p_k (1 + p_k)$$\n\n"
     "If $i = k$,\n\n$$\\frac{\\partial p_i}{\\partial o_k} = p_k - p_k^2$$\n\n"
     "$$- y_k (1 - p_k) + \\sum_{i \\neq k} y_i p_k = - y_k + \\sum_i y_i p_k$$\n",
     [(1, "definition"), (3, "proved"), (5, "unknown"), (7, "supposed"), (9, "proved"), (11, "proved")]),
    # "If $i \\neq k$,": the Kronecker delta of the two indices is 0 in what follows
    ("$$p_i = \\frac{\\exp(o_i)}{\\sum_j \\exp(o_j)}$$\n\nIf $i \\neq k$,\n\n"
     "$$\\frac{\\partial p_i}{\\partial o_k} = - p_k p_i.$$\n\nIn general\n\n"
     "$$\\frac{\\partial p_i}{\\partial o_k} = - p_k p_i$$\n",
     [(1, "definition"), (3, "supposed"), (5, "proved"), (9, "unknown")]),
    # a model's densities: the gap of the ELBO, and the ELBO bound
    ("The joint density of $x$ and $z$ is $p_\\theta(x, z)$.\n\n"
     "$$\\int q_\\phi(z) \\log \\frac{q_\\phi(z)}{p_\\theta(z|x)} dz "
     "= \\log p_\\theta(x) - E_{z \\sim q_\\phi}[\\log \\frac{p_\\theta(x, z)}{q_\\phi(z)}]$$\n\n"
     "$$\\log p_\\theta(x) \\geq E_{z \\sim q_\\phi}[\\log \\frac{p_\\theta(x, z)}{q_\\phi(z)}]$$\n",
     [(3, "proved"), (5, "proved")]),
    # a name the text defines just after the math that used it ("using", "where"): read as defined there too
    ("Let $0 < p < 1$ and $n \\geq 1$.\n\n$$L = p^{\\sum_{i=1}^n x_i} = p^{n \\bar x}$$\n\n"
     "using $\\bar x = \\frac{1}{n} \\sum_{i=1}^n x_i$.\n",
     [(3, "definition"), (3, "proved"), (5, "definition")]),
    ("Let $0 < p < 1$ and $n \\geq 1$.\n\n$$L = p^{\\sum_{i=1}^n x_i} = p^{n \\bar x}$$,\n\n"
     "where $\\bar x = \\frac{1}{n} \\sum_{i=1}^n x_i + 1$.\n",
     [(3, "definition"), (3, "refuted"), (5, "definition")]),  # defined wrongly: the step is wrong with it
    ("Let $0 < p < 1$ and $n \\geq 1$.\n\n$$L = p^{\\sum_{i=1}^n x_i} = p^{n \\bar x}$$\n\n"
     "Much later, in a separate section on something else, $\\bar x = \\frac{1}{n} \\sum_{i=1}^n x_i$.\n",
     [(3, "definition"), (3, "unknown"), (5, "unknown")]),  # not handed back: the step stays open
    # a symbol the claim differentiates in varies, even beside data: never taken for an estimate of the data
    ("Let $0 < p < 1$ and $n \\geq 1$.\n\n$$\\ell = \\sum_{i=1}^n x_i \\log \\hat p$$\n\n"
     "$$\\frac{\\partial \\ell}{\\partial \\hat p} = \\frac{2}{\\hat p} \\sum_{i=1}^n x_i$$\n",
     [(3, "definition"), (5, "refuted")]),
    # a pmf given in full fixes the masses and entropies of its variables; a general identity stays general
    ("Let $X$ be a random variable with $P(X=0) = 1/4$ and $P(X=1) = 3/4$.\n\n"
     "$$H(X) = -\\frac14 \\log \\frac14 - \\frac34 \\log \\frac34$$\n\n$$H(X) = \\log 2$$\n\n"
     "$$2 P(X=0) + P(X=1) = \\frac54$$\n\n$$H(X) = -\\sum_{x} p(x) \\log p(x)$$\n",
     [(1, "definition"), (1, "definition"), (3, "proved"), (5, "refuted"), (7, "proved"), (9, "proved")]),
    ("Let $X$ be a random variable with $P(X=0) = 1/4$ and $P(X=1) = 1/2$.\n\n"
     "$$H(X) = -\\frac14 \\log \\frac14 - \\frac12 \\log \\frac12$$\n",
     [(1, "unknown"), (1, "unknown"), (3, "unknown")]),  # 1/4 + 1/2: not a whole pmf, nothing is fixed
    ("Two bits: $P(X=0, Y=0) = 1/2$ and $P(X=1, Y=1) = 1/2$.\n\n$$I(X; Y) = \\log 2$$\n\n"
     "$$H(X, Y) = H(X) + H(Y)$$\n",
     [(1, "definition"), (1, "definition"), (3, "proved"), (5, "refuted")]),
    # densities declared with \sim, an expectation written E_p(...) or E_p|...|, D(P||Q) of the densities p, q
    ("Let $p(x) \\sim \\text{Laplace}(\\mu_1, b_1)$ and $q(x) \\sim \\text{Laplace}(\\mu_2, b_2)$.\n\n"
     "$$D(P||Q) = E_p(\\log p(x) - \\log q(x)) = \\log \\frac{b_2}{b_1} - \\frac{1}{b_1} E_p|x - \\mu_1| "
     "+ \\frac{1}{b_2} E_p|x - \\mu_2| = \\log \\frac{b_2}{b_1} - 1 + \\frac{b_1}{b_2}$$\n",
     [(1, "definition"), (1, "definition"), (3, "definition"), (3, "proved"), (3, "refuted")]),
    # Gibbs' inequality over distributions the prose puts on N elements, proved by Jensen's inequality
    ("Take a discrete distribution $P$ on $N$ elements and any other distribution $Q$.\n\n"
     "$$- \\sum_n p_n \\log p_n \\leq - \\sum_n p_n \\log q_n$$\n\n"
     "$$\\sum_n p_n \\log \\frac{q_n}{p_n} \\leq \\log \\sum_n p_n \\frac{q_n}{p_n} = \\log 1 = 0$$\n\n"
     "$$\\sum_n p_n \\log \\frac{q_n}{p_n} \\geq 0$$\n",
     [(3, "proved"), (5, "proved"), (5, "proved"), (5, "proved"), (7, "refuted")]),
    # logarithms in a base b left open: measures in that base, b above 1
    ("$X$ is a random variable with pmfs $p(x)$ and $q(x)$.\n\n"
     "$$- \\sum_{x \\in \\mathcal{X}} p(x) \\log_b p(x) \\leq - \\sum_{x \\in \\mathcal{X}} p(x) \\log_b q(x)$$\n\n"
     "$$\\log_b a = \\frac{\\ln a}{\\ln b}$$\n",
     [(3, "proved"), (5, "proved")]),
    # a density at the data x_i is not the density at i: never proved equal
    ("Let $P = \\mathcal{N}(\\mu, 1)$ and $n \\geq 1$.\n\n"
     "$$\\sum_{i=1}^n \\log P(x_i) = \\sum_{i=1}^n \\log P(i)$$\n\n"
     "$$\\sum_{i=1}^n \\log P(x_i) = -\\frac{n}{2} \\log(2\\pi) - \\frac{1}{2} \\sum_{i=1}^n (x_i - \\mu)^2$$\n",
     [(1, "definition"), (3, "refuted"), (5, "proved")]),  # n >= 1 ends a sum: an integer
    # a coin's P(x_i) over a sample is its value at the i-th datum, not at an i-th outcome it does not have
    ("Let $P(H) = p$, $P(T) = 1 - p$ and $0 < p < 1$.\n\n$$\\sum_{i=1}^n P(x_i) = \\sum_{i=1}^n P(i)$$\n",
     [(1, "definition"), (1, "definition"), (3, "unknown")]),
    ("Let $P = (0.2, 0.3, 0.5)$.\n\n$$\\sum_{i=1}^3 P(x_i) = 1$$\n", [(1, "definition"), (3, "proved")]),
    # a density by cases, applied to the text's own sample: the data lie where it is positive; claims about a
    # function of the parameter are checked at the sample, the parameter varying; an equation to solve is not
    ("Let $x_1 = 1.1, x_2 = 2.2$ and $x_3 = 3.3$ be three observed values from the density\n\n"
     "$$f(x, \\theta) = \\begin{cases} \\frac{1}{\\theta} e^{-x/\\theta} & x \\ge 0 \\\\ "
     "0 & \\text{otherwise} \\end{cases}$$\n\nwhere $\\theta > 0$.\n\n"
     "$$L(\\theta) = \\prod_{i=1}^{n} f(x_i, \\theta)$$\n\n"
     "$$\\ln L(\\theta) = -n \\ln \\theta - \\frac{\\sum x_i}{\\theta}$$\n\n"
     "$$\\frac{d}{d\\theta} \\ln L(\\theta) = n\\theta + \\frac{\\sum x_i}{\\theta^2}$$\n\n"
     "$$\\theta^3 = - \\frac{\\sum x_i}{n}$$\n",
     [(1, "definition"), (1, "definition"), (1, "definition"), (3, "definition"), (7, "definition"),
      (9, "proved"), (11, "refuted"), (13, "unknown")]),
    # functions named by words: one function each, defined by the text or known to everyone
    ("Let $x$ be real.\n\n$$\\operatorname{pdf}(x) = \\frac{1}{\\sqrt{2\\pi}} e^{-x^2/2}$$\n\n"
     "$$pdf(x) = \\frac{e^{-x^2/2}}{\\sqrt{2\\pi}}$$\n\n$$pdf(x) = e^{-x^2}$$\n",
     [(3, "definition"), (5, "proved"), (7, "refuted")]),
    ("Let $x$ be real.\n\n$$\\mathrm{ReLU}(x) - relu(-x) = x$$\n\n$$tanh(x) = 2 sigmoid(2x) - 1$$\n\n"
     "$$\\frac{d}{dx} \\tanh(x) = 1 - \\tanh^2(x)$$\n\n$$softmax(z) = softmax^2(z)$$\n",
     [(3, "proved"), (5, "proved"), (7, "proved"), (9, "unknown")]),
    # densities declared in a list, a mass at another letter than its own, a series shifted by one
    ("The distributions $p, q$ are Poisson with parameters $\\lambda_p, \\lambda_q$ respectively.\n\n"
     "$$\\sum_{x=0}^{\\infty} p(x) \\log \\frac{p(x)}{q(x)} = \\sum_{x=0}^{\\infty} p(x) "
     "(\\lambda_q - \\lambda_p + x \\log \\frac{\\lambda_p}{\\lambda_q})$$\n\n"
     "$$\\sum_{x=0}^{\\infty} x e^{-\\lambda_p} \\frac{\\lambda_p^x}{x!} = \\sum_{x=0}^{\\infty} e^{-\\lambda_p} "
     "\\frac{\\lambda_p^{x-1}}{(x-1)!} \\lambda_p = \\lambda_p$$\n\n"
     "$$\\sum_{x=0}^{\\infty} p(x) x = \\lambda_q$$\n",
     [(3, "proved"), (5, "proved"), (5, "proved"), (7, "refuted")]),
    # a free index of a family the text sums over is one of its entries; the chain rule through a defined family
    # takes the derivative in the family's own entry first (it was 0 once: a false proof)
    ("Let $$p_i = \\frac{\\exp(o_i)}{\\sum_j \\exp(o_j)}.$$\n\n"
     "$$\\sum_k y_k \\frac{\\partial \\log p_k}{\\partial o_i} = y_i - p_i \\sum_k y_k$$\n\n"
     "$$\\frac{\\partial}{\\partial o_k} \\sum_j o_j = 1 + \\sum_i y_i \\frac{\\partial \\log p_i}{\\partial p_i} "
     "\\frac{\\partial p_i}{\\partial o_k} - y_k + p_k \\sum_i y_i$$\n\n"
     "$$\\frac{\\partial}{\\partial o_k} \\sum_j o_j = 1 + \\sum_i y_i \\frac{\\partial \\log p_i}{\\partial p_i} "
     "\\frac{\\partial p_i}{\\partial o_k}$$\n\n"
     "$$\\sum_k y_k \\frac{\\partial \\log p_k}{\\partial o_i} = y_i - p_i$$\n\n$$\\sum_k \\delta_{ik} x_k = x_i$$\n",
     [(1, "definition"), (3, "proved"), (5, "proved"), (7, "unknown"), (9, "unknown"), (11, "proved")]),
    # matrix and vector algebra is not read as numbers (X^T Y = Y^T X, AB = BA were proved so once); T used as a
    # number in the text makes ^T a power
    ("$$X^T Y = Y^T X$$\n\n$$\\frac{\\partial (\\theta^\\top A \\theta)}{\\partial \\theta} = 2 A \\theta$$\n\n"
     "$$A = \\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}$$\n\n$$A B = B A$$\n\n$$A_1 B = B A_1$$\n\n"
     "Let $w \\in \\mathbb{R}^d$.\n\n$$w x = x w$$\n",
     [(1, "skipped"), (3, "skipped"), (5, "skipped"), (7, "skipped"), (9, "proved"), (13, "skipped")]),
    # "for" a parameter of the function just defined gives the family's parameter space, which stands (not a
    # condition of that sentence only); \bar{x} beside x_1, ..., x_n is their mean (used to prove, never to refute)
    ("The mass function is $$f(x \\mid \\theta) = \\frac{1}{\\theta}(1 - \\frac{1}{\\theta})^{x-1}$$ "
     "for $x \\ge 1$ and $\\theta > 1$.\n\n$$\\log(1 - \\frac{1}{\\theta}) = \\log(\\theta - 1) - \\log \\theta$$\n\n"
     "$$\\sum_{i=1}^n x_i = n \\bar{x}$$\n\n$$\\sum_{i=1}^n x_i = \\bar{x}$$\n",
     [(1, "definition"), (3, "proved"), (5, "proved"), (7, "unknown")]),
    # a divergence between conditionals is averaged over what they are given (the conditional relative entropy);
    # beside a side at a given x, as a VAE writes it, the reading is in doubt: never refuted
    ("$$\\int_{z} q(z|x) \\log \\left(\\frac{q(z|x)}{p(z|x)}\\right) dz = D_{KL}(q(z|x) || p(z|x))$$\n",
     [(1, "unknown")]),
    # inline math right after the comma of an "if" clause restates its condition: supposed, not a (wrong) definition
    ("A fair coin has $P(H) = 0.5$, $P(T) = 0.5$. If the coin always lands heads, $P(T) = 0$, and nothing is "
     "uncertain.\n",
     [(1, "definition"), (1, "definition"), (1, "supposed")]),
    # a worked example rounds its intermediate numbers: a link holds to the rounding of the decimals in it (0.556
    # stands for 5/9), and an error past that rounding is refuted; 0.5, one digit, is exact
    ("$$0.5 \\log \\frac{0.5}{0.9} = 0.5 \\cdot \\log(0.556) = 0.5 \\cdot (-0.5878) = -0.2939$$\n\n"
     "$$0.5 \\cdot \\log(5) = 0.5 \\cdot 1.709$$\n\n$$0.5 \\cdot 1.609 = 0.85$$\n",
     [(1, "proved"), (1, "proved"), (1, "proved"), (3, "refuted"), (5, "refuted")]),
    # a name is a vector from where the text says so to where it says it is one number (and before the first)
    ("If $\\theta \\in \\mathbb{R}^d$, then\n\n$$\\theta a = a \\theta$$\n\n"
     "In one dimension, let $\\theta \\in \\mathbb{R}$ and $a > 0$:\n\n$$\\theta a + \\theta = \\theta (a + 1)$$\n\n"
     "$$\\theta a + \\theta = \\theta a$$\n",
     [(3, "skipped"), (7, "proved"), (9, "refuted")]),
    ("Let $0 < p < 1$, with $H$ heads and $T = n - H$ tails.\n\n$$L(p) = p^H (1-p)^T$$\n\n"
     "$$\\log L(p) = H \\log p + T \\log(1-p)$$\n\n$$p^H(1-p)^T = p^H (1-p)$$\n",
     [(1, "definition"), (3, "definition"), (5, "proved"), (7, "refuted")]),
    # distributions the prose names with no family: categoricals on a number of outcomes, compared on them
    ("Take two distributions $$p$$ and $$q$$.\n\n$$H(p,q)=H(p)+D_{KL}(p||q)$$\n\n"
     "$$\\sum_x p(x) - \\sum_x q(x) = 0$$\n\n$$-\\sum_x p(x) \\log q(x) = -\\sum_x q(x) \\log p(x)$$\n\n"
     "$$D_{KL}(p||q) \\ge \\sum_x p(x) (1 - \\frac{q(x)}{p(x)})$$\n",
     [(3, "proved"), (5, "proved"), (7, "refuted"), (9, "proved")]),
    # a wide space of three \\ or more between relations separates them, as \quad does (two are spacing)
    ("$\\frac{d}{dx} x^2 = 2x\\ \\ \\ \\frac{d}{dx} x^3 = 3x^2 \\ \\ \\ \\frac{d}{dx} x^4 = 4x$ and $2\\ \\ x = 2x$\n",
     [(1, "proved"), (1, "proved"), (1, "refuted"), (1, "proved")]),
    # a name restated in a way derive cannot read (a series written with ...) may mean something else from there on:
    # a claim false with its first definition is not refuted
    ("Let $0 < p < 1$.\n\n$$S = \\sum_{k=1}^{\\infty} k p^k$$\n\n$$S = p + 2p^2 + 3p^3 + ...$$\n\n"
     "$$S (1 - p) = p$$\n\n$$S = \\frac{p}{(1-p)^2}$$\n",
     [(3, "definition"), (5, "skipped"), (7, "unknown"), (9, "proved")]),  # true with S as defined: proved
    ("Let $0 < p < 1$.\n\n$$S = \\sum_{k=1}^{\\infty} k p^k$$\n\n$$S (1 - p) = p$$\n",
     [(3, "definition"), (5, "refuted")]),  # nothing restated it: false with S as defined
    # a = ... = b: the steps left out are not checked, and a R b is, across them
    ("Let $x>0$. $$x^2 + 2x + 1 = (x+1)(x+1) = ... \\\\= (x+1)^2$$\n\n$$x^2 - 1 = \\ldots = (x-1)(x+2)$$\n"
     "\n$$x^2 - 1 \\le \\cdots = x^2$$\n",
     [(1, "proved"), (1, "skipped"), (1, "proved"), (3, "skipped"), (3, "refuted"), (5, "skipped"), (5, "proved")]),
    # a tilde written as text is \sim; a sum with no index written runs over the index under its terms, here the
    # outcomes of the categorical p
    ("Let $X \\texttt{~} Poisson(\\lambda)$ with $\\lambda > 0$.\n\n$$E[X] = \\lambda$$\n\n$$E[X] = 2\\lambda$$\n",
     [(1, "definition"), (3, "proved"), (5, "refuted")]),
    ("Let $\\phi(x) = x\\log x$ and $p=[p_1, p_2, \\ldots, p_N]$.\n\n$$S(p) = -\\sum \\phi(p_i)$$\n\n"
     "$$S(p) = H(p)$$\n\n$$\\sum p_i = 1$$\n\n$$\\sum p_i^2 = 1$$\n",
     [(1, "definition"), (1, "definition"), (3, "definition"), (5, "proved"), (7, "proved"), (9, "refuted")]),
    # the expectation of a variable no one declares: identities by linearity for every distribution of it; never
    # refuted (the text may mean a law it describes in words)
    ("$$Var(X)=E(X^2)-E^2(X)$$\n\n$$\\text{Var}(X)=E((X-E(X))^2)=E(X^2-2XE(X)+E^2(X))$$\n\n"
     "$$E(X^2)-2E(X)E(X)+E(E^2(X))=E(X^2)-E^2(X)$$\n\n$$Var(X) = E(X^2) + E^2(X)$$\n\n$$E(X) = \\frac{p}{1-p}$$\n",
     [(1, "proved"), (3, "proved"), (3, "proved"), (5, "proved"), (7, "unknown"), (9, "unknown")]),
    # E_p, \mathbb{E}_\theta: the expectation under the law of parameter p; under the one declared law when p is one
    # of its parameters, else for every law; a derivative inside is the body's own
    ("$$E_p\\left(\\frac{X^2}{p^2}\\right)=\\frac{E_p\\left(X^2\\right)}{p^2}$$\n\n"
     "$$-E_p\\left(\\frac{d^2}{dp^2}\\log p^X(1-p)^{1-X}\\right) = \\frac {E_p(X)}{p^2}+\\frac{E_p(1-X)}{(1-p)^2}$$\n\n"
     "$$E_p(X^2) = E_p(X)^2$$\n", [(1, "proved"), (3, "proved"), (5, "unknown")]),
    ("Let $X \\sim \\mathrm{Bern}(p)$.\n\n$$E_p(X^2)=0^2\\cdot (1-p)+1^2p=p$$\n\n$$E_p(X^2) = p^2$$\n\n"
     "$$\\mathbb{E}_p[X] = p$$\n", [(1, "definition"), (3, "proved"), (3, "proved"), (5, "refuted"), (7, "proved")]),
    # the variance of a function of the declared variable: E[f^2] - E[f]^2 under its law
    ("Let $X \\sim \\text{Ber}(p)$.\n\n$$\\text{var}\\left(\\frac{x}{p}-\\frac{1-x}{1-p}\\right) = "
     "\\frac{1}{p(1-p)}$$\n\n$$\\text{Var}(2X + 1) = 4 \\text{Var}(X)$$\n\n"
     "$$\\text{Var}(2X + 1) = 2 \\text{Var}(X)$$\n",
     [(1, "definition"), (3, "proved"), (5, "proved"), (7, "refuted")]),
    # a in A, the set X takes its values in: P(a) is X's pmf there, and the sum is over X's values
    ("Let $X$ be a random variable with values in a discrete set $A$.\n\n$$H(X) = - \\sum_{a\\in A} P(a) "
     "\\log P(a)$$\n\n$$- \\sum_{a\\in A} P(a) \\log_{2}(P(a)) = H(X)$$\n\n"
     "$$- \\sum_{a\\in A} P(a) \\log_{2}(P(a)) = 2 H(X)$$\n", [(3, "proved"), (5, "proved"), (7, "refuted")]),
    # a pmf given in full makes its entropies numbers: a value rounded to the decimals written is right
    ("- $P(X = 0, Y = 0) = 0.3$\n- $P(X = 0, Y = 1) = 0.2$\n- $P(X = 1, Y = 0) = 0.1$\n- $P(X = 1, Y = 1) = 0.4$\n\n"
     "$$H(Y) = -0.4 \\log_2 0.4 - 0.6 \\log_2 0.6 = 0.971$$\n\nCollecting:\n- $H(Y) = 0.971$ bits\n"
     "- $H(X, Y) \\approx 1.846$ bits\n- $H(Y) = 0.972$ bits\n",
     [(1, "definition"), (2, "definition"), (3, "definition"), (4, "definition"), (6, "proved"), (6, "proved"),
      (9, "proved"), (10, "proved"), (11, "refuted")]),
    # "at t = 0" after a derivative in t: the derivative's value there
    ("Let $M(t) = e^{2t}$.\n\nAt $t = 0$, we have\n\n$$\\frac{d}{dt}M(t) = 2$$\n\nAt $t = 0$, we have\n\n"
     "$$\\frac{d}{dt}M(t) = 3$$\n",
     [(1, "definition"), (3, "supposed"), (5, "proved"), (7, "supposed"), (9, "refuted")]),
    # an expectation under q(z|x) of the term after it, written without brackets; \mathbb{D}_{KL} is D_{KL}
    ("$$\\mathbb{D}_{\\mathrm{KL}}(q(z|x) \\Vert p(z)) = \\mathbb{E}_{q(z | x)} \\log q(z|x) - "
     "\\mathbb{E}_{q(z | x)} \\log p(z)$$\n\n"
     "$$\\mathbb{E}_{q(z | x)} \\log p(z|x) = \\mathbb{E}_{q(z | x)} \\log p(x,z) - \\mathbb{E}_{q(z | x)} "
     "\\left[ \\log p(x) \\right]$$\n\n$$\\mathbb{E}_{q(z | x)} \\log p(z|x) = \\mathbb{E}_{q(z | x)} \\log p(x,z)$$\n",
     [(1, "proved"), (3, "proved"), (5, "refuted")]),
    # a \neq b: the sides are not one expression, proved where they differ, refuted where they are equal
    ("Let $P(H) = p$ and $Q(H) = q$ with $0 < p, q < 1$.\n\nSo $D(P \\| Q) \\neq D(Q \\| P)$ in general.\n\n"
     "$$\\log(pq) \\neq \\log p + \\log q$$\n\n$$\\frac{d}{dp}\\log(1-p)\\neq \\frac{1}{1-p}$$\n",
     [(1, "definition"), (1, "definition"), (3, "proved"), (5, "refuted"), (7, "proved")]),
    ("For $\\sigma \\neq 0$ and $k \\neq i$,\n\n$$2 + 2 \\neq 5$$\n",  # a condition on a name is no claim
     [(1, "skipped"), (1, "skipped"), (3, "proved")]),
    # P's parameter p inside a variance is a number, not P's variable
    ("Let $P(1) = p$ and $P(0) = 1 - p$ with $0 < p < 1$.\n\n$$\\mathrm{Var}(p X) = p^2 \\mathrm{Var}(X)$$\n\n"
     "$$\\mathrm{Var}(X + p) = \\mathrm{Var}(X)$$\n\n$$\\mathrm{Var}(X + p) = 2\\mathrm{Var}(X)$$\n",
     [(1, "definition"), (1, "definition"), (3, "proved"), (5, "proved"), (7, "refuted")]),
    # a likelihood's product against its closed form: equal positive sides, by their logarithms
    ("Let $\\sigma > 0$.\n\n$$\\prod_{i=1}^n \\frac{1}{\\sqrt{2 \\pi \\sigma^2}} "
     "e^{-\\frac{(x_i - \\mu)^2}{2\\sigma^2}} = "
     "\\frac{1}{(2 \\pi \\sigma^2)^{n/2}} e^{-\\frac{1}{2\\sigma^2}\\sum_{i=1}^n (x_i - \\mu)^2}$$\n", [(3, "proved")]),
    # a = b = c with a wrong b: b = c is false as written too, even where c is right again
    ("Let $x > 0$.\n\n$$2x + 2x = 5x = 4x$$\n", [(3, "refuted"), (3, "refuted")]),
    # a name a relation ties down in a way derive does not take (p + q = 1) is never refuted for a value of its own
    ("Writing $p$ and $q$ for the two probabilities, so that $p + q = 1$ and $q = 1 - p$, one has\n\n"
     "$$-p \\log p - (1 - p) \\log (1 - p) = -p \\log p - q \\log q$$\n",
     [(1, "unknown"), (1, "unknown"), (3, "unknown")]),
    ("$$-p \\log p - (1 - p) \\log (1 - p) = -p \\log p - q \\log q$$\n", [(1, "refuted")]),
    # "the logarithms are base 2": \log is \log_2, units after a number are no factor; H(p) = a number is a value
    ("The results are in bits, so the logarithms are base 2.\n\n"
     "$$H(p) =\\frac{1}{2} \\log 2+\\frac{1}{4} \\log 4+\\frac{1}{4} \\log 4=1.5 \\mathrm{bits}$$\n\n"
     "$$H(q) =3 \\times \\frac{1}{3} \\log 3=1.58496 \\mathrm{bits}$$\n\n$$\\log 3 = 1.7 \\mathrm{bits}$$\n",
     [(3, "unknown"), (3, "proved"), (5, "unknown"), (5, "proved"), (7, "refuted")]),
    # between conditionals, D is the conditional relative entropy: averaged over p(x)
    ("For joint mass functions $p(x, y)$ and $q(x, y)$,\n\n$$D(p(y \\mid x) \\| q(y \\mid x)) =\\sum_x p(x) \\sum_y "
     "p(y \\mid x) \\log \\frac{p(y \\mid x)}{q(y \\mid x)}$$\n\n$$D(p(y \\mid x) \\| q(y \\mid x)) =\\sum_x "
     "\\sum_y p(y \\mid x) \\log \\frac{p(y \\mid x)}{q(y \\mid x)}$$\n",
     [(3, "proved"), (5, "refuted")]),
    # a sum without limits whose index is a value (x!, \mu^x), not an entry's: not a sample's sum, not read
    ("$$e^{-\\mu} \\sum_{x} \\frac{(e^\\theta \\mu)^x}{x!} = e^{-\\mu} e^{e^\\theta \\mu}$$\n", [(1, "not parsed")]),
    # a family in words with its parameter; \mathbb{E}_{p(x)} under P; a remark in words closing an expression
    ("Here $X$ is a Poisson random variable with parameter $\\lambda$.\n\n$$Var[X] = E[X^2] - E[X]^2 = E[X^2] - "
     "\\lambda^2 \\mbox{ (because of the LOTUS)}$$\n\n$$E[X] = 2\\lambda$$\n",
     [(3, "proved"), (3, "proved"), (5, "refuted")]),
    ("Let $P = \\mathcal{N}(\\mu, \\sigma^2)$.\n\n$$\\left\\langle (x - \\mu)^2 \\right\\rangle_{p(x)} = "
     "\\sigma^2$$\n\n$$\\mathbb{E}_{p(x)}[x] = 2\\mu$$\n",
     [(1, "definition"), (3, "proved"), (5, "refuted")]),
    # an expectation with no distribution written, of the masses of random variables: under their joint pmf
    ("$$H(X)-H(X \\mid Y) =\\mathbb{E}\\left[\\log \\frac{1}{p(X)}\\right]-\\mathbb{E}\\left[\\log "
     "\\frac{1}{p(X \\mid Y)}\\right]$$\n\n$$H(X)-H(X \\mid Y) =\\mathbb{E}\\left[\\log \\frac{p(X)}{p(X \\mid Y)}"
     "\\right]$$\n\n$$I(X; Y) = \\mathbb{E}\\left[\\log \\frac{p(X, Y)}{p(X) p(Y)}\\right]$$\n",
     [(1, "proved"), (3, "refuted"), (5, "proved")]),
    # $ x $ with spaces is math (MathJax and KaTeX render it); a base written in braces, \log_2{(p)}
    ("Let $ 0 < p < 1 $.\n\n$$\\log_{2}{(p)} + \\log_2{(1-p)} = \\log_{2}{(p(1-p))}$$\n", [(3, "proved")]),
    # Euler's D and a primed bracket: derivatives in the formula's one variable (the quotient rule the wrong way)
    ("$$D\\left(\\frac1{1+e^{-x}}\\right)=\\frac{(1+e^{-x}) D(1) - 1 \\cdot D(1+e^{-x})}{(1+e^{-x})^2}$$\n\n"
     "$$D\\left(\\frac1{1+e^{-x}}\\right)=\\frac{1 \\cdot D(1+e^{-x})-(1+e^{-x}) D(1)}{(1+e^{-x})^2}$$\n\n"
     "$${(1+e^{-x})^{-1}}'=-1(1+e^{-x})^{-2}\\cdot (-e^{-x})$$\n", [(1, "proved"), (3, "refuted"), (5, "proved")]),
    ("$$D(t) = t^2$$\n\n$$D(x) = x^2$$\n", [(1, "definition"), (3, "proved")]),  # a D of the text's own
    # a display wrapped in a colour or in braces that only group: its relations are read
    ("$$ \\color{blue} { H(X,Y) = H(Y|X) + H(X) } $$\n$$ {H(X,Y) = H(X) + H(X)} $$\n", [(1, "proved"), (2, "refuted")]),
    # "if ..., ...; if ..., ...": cases, each condition to the end of its clause (no contradiction)
    ("If $x > 1$, then $x^2 > 1$; if $x < 1$, then $x - 1 < 0$.\n", [(1, "proved"), (1, "proved")]),
    # a name given a value is a case, never an identity refuted for its other values
    ("Let $0 < p < 1$. The entropy is largest for $p = \\frac{1}{2}$.\n", [(1, "unknown")]),
    # a bound the text states that includes a point where a side is undefined: the claim is not refuted there
    ("For $x, w \\geq 0$ we have $\\frac{w x}{w} \\geq x - 1$.\n", [(1, "unknown")]),
    # masses at named values with the numbers of one distribution (a fair coin): not refuted by a drawn pmf
    ("$$H(X) = -\\sum_x p(x) \\log p(x) = 0.5 \\cdot (-\\log p(H)) + 0.5 \\cdot (-\\log p(T))$$\n",
     [(1, "proved"), (1, "unknown")]),
    ("$$H(X) = -\\sum_x p(x) \\log p(x) = -p(H) \\log p(H) + p(T) \\log p(T)$$\n", [(1, "proved"), (1, "refuted")]),
    # the differential written first: the integrand follows it
    ("$$p(x, z) = p(z \\mid x) p(x)$$\n\n$$\\int \\mathrm dz\\, p(x, z) = p(x)$$\n\n$$\\int \\mathrm dz\\, p(x, z) = p(z)$$\n",
     [(1, "proved"), (3, "proved"), (5, "refuted")]),
    # a subject written at a point by its variable, g'(t=0): the chain is at t = 0 (as the text substitutes it)
    ("Let $n > 0$ and $0 < p < 1$.\n\n$$g(t) = (pe^t + 1 - p)^n$$\n\n"
     "$$ g'(t=0) = npe^t(pe^t +1-p)^{n-1} = npe^0(pe^0 +1-p)^{n-1} = np $$\n\n$$ g'(0) = n $$\n",
     [(3, "definition"), (5, "proved"), (5, "proved"), (5, "proved"), (7, "refuted")]),
    # a name defined across a step derive cannot read is not used to prove (the step may drop a constant)
    ("Let $0 < p < 1$ and $a > 1$.\n\n$$\\ell(p) = \\ln P(p \\mid \\text{data}) = \\ln p^{a}$$\n\n"
     "$$\\ell(p) = a \\ln p$$\n", [(3, "skipped"), (3, "definition"), (5, "unknown")]),
    # a membership between names derive does not read is skipped, never a crash
    ("Here $y \\in R^d$ holds.\n\n$$y = y$$\n", [(1, "skipped"), (3, "proved")]),
    # a density written with a letter of the text's own (g(x | z)): a pmf of its variables; beside p, never refuted
    # for being another model's (g(x | z) p(z) may be the factors of one)
    ("A decoder $g_\\theta(x \\mid z)$.\n\n$$\\log g(x|z) = \\log g(x, z) - \\log g(z)$$\n\n"
     "$$\\log g(x|z) = \\log g(x, z) - \\log g(x)$$\n\n$$\\log g(x) = \\log \\int g(x|z) p(z) dz$$\n",
     [(3, "proved"), (5, "refuted"), (7, "unknown")]),
    # "set the derivative equal to zero" before an equation without 0 written: the equation to solve, rearranged
    ("Let $0 < p < 1$ and $a, b > 0$.\n\nSet the derivative equal to zero:\n\n$$\\frac{a}{p} = \\frac{b}{1 - p}$$\n\n"
     "$$a(1 - p) = b p$$\n\n$$a = (a + b) p$$\n\n$$a = (a - b) p$$\n",
     [(5, "supposed"), (7, "proved"), (9, "proved"), (11, "refuted")]),
    # a divergence from a conditional to what is not conditioned on its value: at that value (a VAE's KL term)
    ("$$D(q(z|x) \\| p(z)) = \\sum_z q(z|x) \\log \\frac{q(z|x)}{p(z)}$$\n\n"
     "$$D(q(z|x) \\| p(z)) = \\sum_z q(z|x) \\log \\frac{p(z)}{q(z|x)}$$\n\n"
     "$$D(q(z|x^{(i)}) \\| p(z)) = \\sum_z q(z|x) \\log \\frac{q(z|x)}{p(z)}$$\n",
     [(1, "proved"), (3, "refuted"), (5, "unknown")]),  # x^{(i)} beside x: one example, perhaps
    # a row break with its space (\\[1em]) is layout; "discrete uniform" is not derive's continuous Uniform
    ("$$\\begin{align*} s(x) &= \\frac{1}{1 + e^{-x}} \\\\[1em] \\frac{d}{dx} s(x) &= \\frac{e^{-x}}{(1 + e^{-x})^2}"
     " \\\\[-2pt] \\end{align*}$$\n", [(1, "definition"), (1, "proved")]),
    ("Let $X$ follow a discrete uniform distribution:\n\n$$X \\sim \\mathcal{U}(a,b)$$\n\n"
     "$$\\mathrm{H}(X) = \\ln(b-a+1)$$\n",
     [(3, "skipped"), (5, "unknown")]),
    # a function named again with another parameter (a second family, in another section) is defined anew; the
    # parameter given in terms of the data with no equation set is an estimate, not an identity
    ("Let $0 < p < 1$ and $\\lambda > 0$.\n\n$$f(x, p) = p(1 - p)^{x - 1}$$\n\n"
     "$$f(x;\\lambda) = \\lambda e^{-\\lambda x}$$\n\n$$f(1; 2) = 2 e^{-2}$$\n\n"
     "$$\\lambda = \\frac{n}{\\sum_{i=1}^n x_i}$$\n",
     [(3, "definition"), (5, "definition"), (7, "proved"), (9, "unknown")]),
    # "Equating this to zero, we have" after a display in the same sentence still sets the equation after it
    ("Let $0 < p < 1$. Taking the derivative, we have\n\n$$\\frac{d}{dp} (2 \\ln p + \\ln(1 - p)) = \\frac{2}{p} - "
     "\\frac{1}{1 - p}$$\n\nEquating this to zero, we have\n\n$$\\frac{2}{p} - \\frac{1}{1 - p} = 0$$\n\n"
     "Solving for $p$,\n\n$$p = \\frac{2}{3}$$\n", [(3, "proved"), (7, "supposed"), (11, "proved")]),
    # masses named by their variables under the head (P_X(x), P_{XY}(x, y), p_{Y|X}(y|x))
    ("$$H(Y|X) = -\\sum_{x,y} P_{XY}(x,y) \\log P_{Y|X}(y|x)$$\n\n"
     "$$H(Y|X) = -\\sum_{x,y} P_{XY}(x,y) \\log P_{X|Y}(x|y)$$\n", [(1, "proved"), (3, "refuted")]),
    # an expectation under a density written by its letter alone: as the text applies it
    ("We have $p(z \\mid x)$ and $q(z)$.\n\n$$\\mathbb{E}_q[\\log p(x, z)] = \\int q(z) \\log p(x, z) dz$$\n\n"
     "$$\\mathbb{E}_q[\\log p(x, z)] = \\int q(z) \\log p(x) dz$$\n", [(3, "proved"), (5, "refuted")]),
    # measures of pmfs named by their letters alone: of p and q as the text applies them (p(x), q(x))
    ("$$H(p) = -\\sum_x p(x) \\log p(x)$$\n\n$$H(p, q) = -\\sum_x p(x) \\log q(x)$$\n\n"
     "$$D_{KL}(p \\| q) = \\sum_x p(x) \\log \\frac{p(x)}{q(x)}$$\n\n$$H(p, q) = H(p) + D_{KL}(p \\| q)$$\n\n"
     "$$H(p, q) = H(p) - D_{KL}(p \\| q)$$\n\n$$H(q, p) = -\\sum_x p(x) \\log q(x)$$\n",
     [(1, "proved"), (3, "proved"), (5, "proved"), (7, "proved"), (9, "refuted"), (11, "refuted")]),
    ("$$\\mathrm{H}(p, q) = -\\int p(x) \\ln q(x) \\, dx = \\mathrm{H}(p) + \\mathrm{KL}[p \\| q]$$\n",
     [(1, "proved"), (1, "proved")]),
    # bold values of densities are their variables' values; \text{KL} is the measure; \vert is a bar
    ("We have $p(\\mathbf{z} \\vert \\mathbf{x})$ and $q(\\mathbf{z})$.\n\n"
     "$$\\text{KL}(q(\\mathbf{z}) \\| p(\\mathbf{z} \\vert \\mathbf{x})) = \\mathbb{E}_{q}[\\log q(\\boldsymbol{z})] "
     "- \\mathbb{E}_{q}[\\log p(\\boldsymbol{z} \\vert \\boldsymbol{x})]$$\n\n"
     "$$\\text{KL}(q(\\mathbf{z}) \\| p(\\mathbf{z} \\vert \\mathbf{x})) = \\mathbb{E}_{q}[\\log q(\\boldsymbol{z})] "
     "+ \\mathbb{E}_{q}[\\log p(\\boldsymbol{z} \\vert \\boldsymbol{x})]$$\n", [(3, "proved"), (5, "refuted")]),
    # a relation between the text's pmfs is a claim (marginalisation), never the definition of one of them
    ("We have $p(z \\mid x)$.\n\n$$p(x) = \\int p(x, z) \\, dz$$\n\n$$p(x) = \\int p(x \\mid z) \\, dz$$\n",
     [(3, "proved"), (5, "refuted")]),
    # an expectation written without brackets, as older texts do: of the logarithm term after it
    ("$$I(X;Y) = E \\log{p(X,Y) \\over p(X)\\,p(Y)} = H(X) + H(Y) - H(X, Y)$$\n\n"
     "$$I(X;Y) = E \\log{p(X) \\over p(X,Y)}$$\n", [(1, "proved"), (1, "proved"), (3, "refuted")]),
    ("- For $p(x), q(x)$ : probability mass functions\n\n$$D(p||q) = \\sum_{x} p(x)\\log\\frac{p(x)}{q(x)} = E_p \\log\\frac{p(x)}{q(x)}$$\n\n"
     "$$D(p||q) = E_p \\log\\frac{q(x)}{p(x)}$$\n", [(3, "proved"), (3, "proved"), (5, "refuted")]),
    # a list opened by "where:" names what the math before it used, one name per item, each read as defined
    ("$$L = -\\log \\hat{y}$$\n\nWhere:\n\n- $\\hat{y} = \\sigma(z)$ is the probability\n"
     "- $z = w x + b$ is the logit\n\n$$\\frac{\\partial L}{\\partial z} = \\hat{y} - 1$$\n",
     [(1, "definition"), (5, "definition"), (6, "definition"), (8, "proved")]),
    ("$$L = -\\log \\hat{y}$$\n\nWhere:\n\n- $\\hat{y} = \\sigma(z)$ is the probability\n"
     "- $z = w x + b$ is the logit\n\n$$\\frac{\\partial L}{\\partial z} = \\hat{y}$$\n",
     [(1, "definition"), (5, "definition"), (6, "definition"), (8, "refuted")]),
    ("$$L = -\\log \\hat{y}$$\n\nNote.\n\n- $\\hat{y} = \\sigma(z)$ is the probability\n",
     [(1, "definition"), (5, "unknown")]),  # no "where:": a claim about the y-hat the display used
    # a text whose results are in bits has its plain logarithms to base 2; one that never says so is not refuted
    # where its numbers hold in bits; a claim that holds at the value the text gave a name is a case, not refuted
    ("$$-\\frac{1}{2}\\log\\frac{1}{2} - \\frac{1}{2}\\log\\frac{1}{2} = 1$$ bit.\n", [(1, "proved")]),
    ("$$-\\frac{1}{2}\\log\\frac{1}{2} - \\frac{1}{2}\\log\\frac{1}{2} = 1$$\n", [(1, "unknown")]),
    ("$$-\\frac{1}{2}\\log\\frac{1}{2} - \\frac{1}{2}\\log\\frac{1}{2} = 2$$\n", [(1, "refuted")]),
    ("Let $0 < p < 1$. For a fair coin we take $p = 1/2$.\n\n"
     "$$\\frac{-p\\ln p - (1-p)\\ln(1-p)}{p} = 2\\ln 2$$\n", [(1, "unknown"), (3, "unknown")]),
    ("Let $0 < p < 1$. For a fair coin we take $p = 1/2$.\n\n"
     "$$\\frac{-p\\ln p - (1-p)\\ln(1-p)}{p} = 3\\ln 2$$\n", [(1, "unknown"), (3, "refuted")]),
    # measures of distributions named by capitals the text applies (P(x)): of the pmfs, never random variables
    ("$$H(P) = -\\sum_x P(x) \\log P(x)$$\n\n$$H(P, Q) = -\\sum_x P(x)\\log Q(x)$$\n\n"
     "$$H(P, Q) = -\\sum_x Q(x)\\log P(x)$$\n", [(1, "proved"), (3, "proved"), (5, "refuted")]),
    # two laws given by their values at a label's values (P(y=1) = 0.7): declared; the values the text gives for
    # their measures are rounded (to the decimals written, also inside a sum of rounded numbers), and a wrong digit
    # is refuted
    ("The true law has $P(y=1) = 0.7$ and $P(y=0) = 0.3$; the model has $Q(y=1) = 0.6$ and $Q(y=0) = 0.4$. "
     "Logarithms are base 2.\n\nEntropy $H(P) = 0.89$ and cross-entropy $H(P, Q) = 0.912454$.\n\n"
     "$$D_{KL}(P||Q) = 0.155675 + (-0.124511)$$\n$$D_{KL}(P||Q) = 0.031170$$\n\n"
     "$$H(P) + D_{KL}(P||Q) = 0.881291 + 0.031163 = 0.912454 = H(P, Q)$$\n\n"
     "$$H(P) + D_{KL}(P||Q) = 0.881291 + 0.031263 = 0.912554$$\n\n"
     "$$H(P, Q) = -\\sum_{x} P(x) \\log Q(x) = -[P(y=1) \\log Q(y=1) + P(y=0) \\log Q(y=0)]$$\n",
     [(1, "definition")] * 4 + [(3, "refuted"), (3, "proved"), (5, "proved"), (6, "refuted")] + [(8, "proved")] * 3
     + [(10, "refuted"), (10, "proved"), (12, "proved"), (12, "proved")]),
    # capitals the text never applies are the laws of the densities written in lower case, p(x) and q(x); a
    # data point p(x_i) or p(x_3) is a value of the same density
    ("We compare $p(x)$ with $q(x)$ at $x_3$: $p(x_3)$, $q(x_3)$.\n\n"
     "$$D_{KL}(P \\parallel Q) = \\sum_x p(x) \\log \\frac{p(x)}{q(x)}$$\n\n"
     "$$H(P, Q) = H(P) + D_{KL}(P \\parallel Q)$$\n\n$$H(P, Q) = H(P) - D_{KL}(P \\parallel Q)$$\n",
     [(3, "proved"), (5, "proved"), (7, "refuted")]),
    # "takes $k$ values": sums without limits run over k; a \cdot -b is a product by -b
    ("Let $k \\ge 1$. $X$ takes $k$ different values.\n\n"
     "$$-\\sum_i \\frac{1}{k} \\ln \\frac{1}{k} = k \\cdot -\\frac{1}{k} \\ln \\frac{1}{k} = \\ln k$$\n",
     [(3, "proved"), (3, "proved")]),
    # solved for a name the data may define (\bar x, never said): not refuted at data derive chose
    ("Let $\\lambda > 0$.\n\n$$\\sum_i x_i / \\lambda - n = 0 \\implies \\lambda = \\bar{x}$$\n", [(3, "unknown")]),
    # a function of x written bare inside an integral over x (the argument omitted for brevity) is applied to x
    ("$$P(x) = 2x$$\n\nWe omit the argument:\n\n$$\\int_0^1 P \\, dx = 1$$\n\n$$\\int_0^1 P \\, dx = 2$$\n",
     [(1, "definition"), (5, "proved"), (7, "refuted")]),
    ("$$P(x) = 2x$$\n\n$$\\int_0^1 P \\, dt = P$$\n", [(1, "definition"), (3, "proved")]),  # over t: P is P
    # "Define" defines; a relation of two pmfs' values is a model, not refuted; d f(x) is a differential
    ("Define $f(x) = x^2 + 1$. Then\n\n$$f(2) = 5$$\n", [(1, "definition"), (3, "proved")]),
    ("We have $p(z \\mid x)$ and $q(z \\mid x)$. Define $q(x, z) = p(x) q(z \\mid x)$.\n\n"
     "$$q(x, z) = p(x) q(z \\mid x)$$\n", [(1, "supposed"), (3, "proved")]),
    ("We have $p(z \\mid x)$ and $q(z \\mid x)$.\n\n$$q(x, z) = p(x) q(z \\mid x)$$\n\n"
     "$$p(x, z) = p(x) p(x \\mid z)$$\n", [(3, "unknown"), (5, "refuted")]),
    ("$$d \\sigma(x) = \\sigma(x)(1 - \\sigma(x))$$\n", [(1, "not parsed")]),
    # a name given a value, then the value written another way: a case, not an identity in p
    ("We see 55 heads, so we say $p = 55/100 = 0.55$.\n", [(1, "unknown"), (1, "proved")]),
    # a section may give a function another meaning; a restatement that follows is still proved, and within one
    # section another formula is a claim
    ("## Coin\n\n$$f(x) = 1$$\n\n## Gaussian\n\n$$f(x) = \\frac{1}{\\sqrt{2\\pi}}$$\n\n$$f(x) = 2$$\n",
     [(3, "definition"), (7, "definition"), (9, "refuted")]),
    ("## One\n\n$$f(x) = x^2$$\n\n## Two\n\n$$f(x) = x \\cdot x$$\n", [(3, "definition"), (7, "proved")]),
    ("$$f(x) = 1$$\n\n$$f(x) = 2$$\n", [(1, "definition"), (3, "refuted")]),
    # a definition sign of plain TeX (\isdef, \eqdef, \triangleq) defines
    ("Let $x > 0$.\n\n$$g(x) \\isdef x^2$$\n\n$$g(2) = 4$$\n", [(3, "definition"), (5, "proved")]),
    # math between two lines that hold only a $ is a display, never dropped
    ("Let $x > 0$.\n\n$\nx^2 - 1 = (x - 1)(x + 1)\n$\n", [(4, "proved")]),
    ("Let $x > 0$.\n\n$\nx^2 = x + 1\n$\n", [(4, "refuted")]),
    # braces around the exponent of \exp are a group (a conjugate prior's kernel)
    ("Let $\\sigma > 0$ and $M > 0$.\n\n$$\\pi(\\mu) \\propto \\exp\\left\\{-\\frac{M}{2 \\sigma^2} (\\mu - m)^2 "
     "\\right\\} \\propto \\exp\\left\\{-\\frac{M \\mu^2 - 2 M m \\mu}{2 \\sigma^2}\\right\\}$$\n",
     [(3, "unknown"), (3, "proved")]),
    ("Let $\\sigma > 0$ and $M > 0$.\n\n$$\\pi(\\mu) \\propto \\exp\\{-\\frac{M}{2 \\sigma^2} (\\mu - m)^2\\} "
     "\\propto \\exp\\{-\\frac{M \\mu^2 + 2 M m \\mu}{2 \\sigma^2}\\}$$\n", [(3, "unknown"), (3, "refuted")]),
    # relations only inside brackets are reported, never dropped; a label inside an application is no relation
    ("Define $$(y_1 = x_1 + x_2), (y_2 = x_3)$$ and go.\n", [(1, "not parsed")] * 2),
    ("Let $x > 0$. The chance $P(X = 1)$ is $$f(x) = x^2 = x \\cdot x$$\n", [(1, "definition"), (1, "proved")]),
    # the moments a sentence states for a sample are its variables' (by linearity, through sums over it); never
    # refuted, as the moments of one distribution are no independent numbers
    ("We draw $X_1, \\dots, X_n$, independent, from a distribution with mean $\\mu$ and variance $\\sigma^2$.\n\n"
     "$$E\\left[\\frac{1}{n} \\sum_{i=1}^n X_i\\right] = \\frac{1}{n} \\sum_{i=1}^n E[X_i] = \\mu$$\n\n"
     "$$E[X^2] = \\sigma^2 + \\mu^2$$\n\n$$E[X] = 2 \\mu$$\n",
     [(3, "proved"), (3, "proved"), (5, "proved"), (7, "unknown")]),
    ("$$\\frac{1}{n} \\sum_{i=1}^n E[X_i] = \\mu$$\n", [(1, "unknown")]),  # no mean stated
    # an integral of a function nothing defines has no value at a point: unknown, never an internal error
    ("$$\\int_a^b p(x)\\,dx = 1$$\n", [(1, "unknown")]),
    # a premise naming a law (x \\sim Gam(a, b) \\Rightarrow ...) holds for its conclusion and its sentence only
    ("$$\nx \\sim \\mathrm{Gam}(a,b) \\quad \\Rightarrow \\quad \\left\\langle x \\right\\rangle = \\frac{a}{b} "
     "\\quad \\text{and} \\\\\n\\left\\langle \\ln x \\right\\rangle = \\psi(a) - \\ln(b)\n$$\n",
     [(2, "proved"), (3, "proved")]),
    ("Recall $X \\sim \\mathrm{Poisson}(\\lambda) \\Rightarrow \\mathbb{E}[X^2] = \\lambda + \\lambda^2$.\n",
     [(1, "proved")]),
    ("Recall $X \\sim \\mathrm{Poisson}(\\lambda) \\Rightarrow \\mathbb{E}[X^2] = \\lambda^2$.\n", [(1, "refuted")]),
    # a family's moment facts hold with a symbolic number of trials
    ("Recall $X \\sim \\mathrm{Bin}(n,p) \\Rightarrow \\langle x \\rangle = n p$.\n", [(1, "proved")]),
    ("Recall $X \\sim \\mathrm{Bin}(n,p) \\Rightarrow \\langle x \\rangle = n$.\n", [(1, "refuted")]),
    ("Recall $x \\sim \\mathrm{Gam}(a,b) \\Rightarrow \\langle x \\rangle = a/b$.\n\nHere $\\langle x \\rangle = 2$.\n",
     [(1, "proved"), (3, "unknown")]),  # the law is the implication's alone: after it, x of no declared law
    # connectives padded with \\quad join the propositions they stand between
    ("Let $x > 0$.\n\n$$2x = 4 \\quad \\Rightarrow \\quad x = 2$$\n", [(3, "proved")]),
    ("Let $x > 0$.\n\n$$2x = 4 \\quad \\Rightarrow \\quad x = 3$$\n", [(3, "refuted")]),
    # bounds listed with commas (and thin spaces) are each an assumption; names sharing bounds stay one
    ("For $x>0,\\,a>0,\\,b>0$ we have $a x > 0$.\n",
     [(1, "proved")]),
    ("Let $0 < p, q < 1$. Then $p q < 1$.\n", [(1, "proved")]),
    # \\Gamma and \\psi are the gamma and digamma functions, unless the text gives them a meaning of its own
    ("Let $a > 0$.\n\n$$\\Gamma(a + 1) = a \\Gamma(a)$$\n", [(3, "proved")]),
    ("Let $a > 0$.\n\n$$\\Gamma(a + 1) = \\Gamma(a)$$\n", [(3, "refuted")]),
    ("Let $a > 0$ and $\\psi(x) = x^2$.\n\n$$\\psi(a + 1) = \\psi(a) + 2a + 1$$\n", [(1, "definition"), (3, "proved")]),
    # "\\forall" after a claim is a condition on it, as "for all" is: never refuted where the condition fails
    ("Let $x, y > 0$.\n\n$$\n\\log(px + (1 - p)y) \\ge p \\log(x) + (1 - p) \\log(y) "
     "\\quad \\forall p \\in [0, 1]\n$$\n", [(4, "skipped")]),
    # independence is not checked, and says so; a bracketed justification (\\because ...) is a claim of its own
    ("Since $X \\perp Y$, go on.\n\nLet $a > 0$.\n\n$$2a - a = a \\quad (\\because \\int_0^1 1 \\, dx = 1)$$\n",
     [(1, "skipped"), (5, "proved"), (5, "proved")]),
    # a decimal is exact: -0.5 log 0.5 is log(2)/2, and a value given as a decimal is no rounded float
    ("$$- 0.5 \\log 0.5 = \\frac{1}{2} \\log 2$$\n", [(1, "proved")]),
    ("Say $p(x) = 0.5$ and $q(x) = 0.5$; then $$- p(x) \\log q(x) = - 0.5 \\log 0.5$$\n",
     [(1, "definition"), (1, "definition"), (1, "proved")]),
    # a braced negative base ({-e}^{-x}) that only holds as displayed (-e^{-x}) is in doubt, never refuted
    ("Let $x > 0$.\n\n$$\\frac{d}{dx} (1 + e^{-x}) = {-e}^{-x}$$\n\n$$\\frac{d}{dx} (1 + e^{-x}) = {-e}^{-2x}$$\n",
     [(3, "unknown"), (5, "refuted")]),
    # an underscore escaped for Markdown (x\\_1) is a subscript, as the page shows it
    ("Let $x\\_1 > 0$.\n\n$$x\\_1 x\\_2 + x\\_{1} = x\\_1 (x\\_2 + 1)$$\n", [(3, "proved")]),
    # a comment column may hold math with braces; it is prose, never part of the row
    ("$$\n\\begin{align}\nJ & = (y - a)^2 \\\\\nJ & = (y - a)^2 &&\\text{notice $\\hat{y} = m x$}\\\\\n"
     "\\end{align}\n$$\n", [(3, "definition"), (4, "proved")]),
    # a statistic (\\overline{X}) is a random variable; a stated mean is a constant, its own expectation
    ("We draw $X_1, \\dots, X_n$ from a distribution with mean $\\mu$ and variance $\\sigma^2$, and let "
     "$\\overline{X} = \\frac{1}{n} \\sum_{i=1}^n X_i$.\n\n$$E[\\overline{X}] = \\frac{1}{n} \\sum_{i=1}^n E[X_i] = "
     "\\frac{1}{n} \\ast n \\mu$$\n\n$$E[X^2 - 2 X \\mu + \\mu^2] = E[X^2] - 2\\mu E[X] + E[\\mu^2]$$\n",
     [(1, "definition"), (3, "proved"), (3, "proved"), (5, "proved")]),
    # a calligraphic name applied is a function (a likelihood), never a product with its argument
    ("Let $0 < p < 1$.\n\n$$\\mathcal{L}(p) = p^{3}(1-p)^{2}$$\n\n"
     "$$\\ln(\\mathcal{L}(p)) = 3 \\ln p + 2 \\ln(1-p)$$\n\n$$\\ln \\mathcal{L}(p) = 3 \\ln p$$\n",
     [(3, "definition"), (5, "proved"), (7, "refuted")]),
    ("Let $\\lambda > 0$.\n\n$$\\mathcal{L}(\\lambda; x) = \\lambda e^{-\\lambda x}$$\n\n"
     "$$\\frac{d}{d\\lambda} \\log \\mathcal{L}(\\lambda; x) = \\frac{1}{\\lambda} - x$$\n",
     [(3, "definition"), (5, "proved")]),
    # equations set in one sentence are a system, solved together (not one replacing the other)
    ("Let $\\sigma > 0$. Setting both derivatives to zero gives\n\n"
     "$$-\\frac{n}{\\sigma} + \\sum_{i=1}^n \\frac{1}{\\sigma^3}(x_i - m)^2 = 0$$\n"
     "$$\\sum_{i=1}^n \\frac{1}{\\sigma^2}(x_i - m) = 0$$\n\nwhose solutions are\n"
     "$$m = \\frac{\\sum_{i=1}^n x_i}{n}$$\n"
     "$$\\sigma = \\sqrt{\\frac{\\sum_{i=1}^n (x_i - m)^2}{n}}$$\n"
     "$$\\sigma^2 = \\frac{\\sum_{i=1}^n (x_i - m)^2}{2 n}$$\n",
     [(3, "supposed"), (4, "supposed"), (7, "proved"), (8, "proved"), (9, "unknown")]),
    # "requiring it to vanish" sets an equation to be solved; a sum is no solution's name
    ("Let $0 < p < 1$.\n\nRequiring this derivative to vanish gives the condition\n\n"
     "$$\\sum_{n=1}^N \\frac{x_n}{p} = \\sum_{n=1}^N \\frac{1-x_n}{1-p}$$\n\nand solving it for $p$\n\n"
     "$$\\hat{p} = N^{-1} \\sum_{n=1}^N x_n$$\n", [(5, "supposed"), (9, "proved")]),
    # a function applied with its parameters written again, or with its data left out, is the one defined
    ("Let $b > 0$.\n\n$$f(x) = \\frac{1}{2b} \\exp(-\\frac{|x - \\mu|}{b})$$\n\n"
     "$$\\sum_{k=1}^{n} \\log f(x_{k}; \\mu, b) = \\sum_{k=1}^{n} \\log \\left( \\frac{1}{2b} "
     "\\exp \\left( -\\frac{|x_{k} - \\mu|}{b} \\right) \\right)$$\n", [(3, "definition"), (5, "proved")]),
    ("Let $0 < p < 1$.\n\n$$\\ell(p \\mid \\mathbf{x}) = \\sum_{n=1}^N x_n \\log p + (1 - x_n) \\log(1 - p)$$"
     "\n\n$$\\frac{d \\ell}{dp} = \\sum_{n=1}^N \\frac{x_n}{p} - \\frac{1 - x_n}{1-p}$$\n",
     [(3, "definition"), (5, "proved")]),
    # "should ... hold" supposes, never defines
    ("$$H = -\\sum_{i=1}^{n} p_i \\log p_i$$ assuming no $p_i$ vanishes. Should $p_{i} = 0$ hold for some "
     "$i$, the term is taken as zero.\n\n$$\\sum_{i=1}^{n} p_{i} (a - t_{i}) = a \\sum_{i=1}^{n} p_{i} - "
     "\\sum_{i=1}^{n} p_{i} t_{i}$$\n", [(1, "definition"), (1, "supposed"), (3, "proved")]),
    # independence spoken of without naming the variables: a claim that holds only so is not refuted
    ("The information of independent events adds up, like $H(X, Y)$:\n\n"
     "$$h(x, y) = -\\log p(x, y) = -\\log p(x) - \\log p(y)$$\n", [(3, "definition"), (3, "unknown")]),
    ("Like $H(X, Y)$:\n\n$$h(x, y) = -\\log p(x, y) = -\\log p(x) - \\log p(y)$$\n",
     [(3, "definition"), (3, "refuted")]),
    ("It is independent of the scale, like $H(X, Y)$:\n\n$$h(x, y) = -\\log p(x, y) = -\\log p(x) - \\log p(y)$$\n",
     [(3, "definition"), (3, "refuted")]),  # "independent of" is no independence of variables
    # \lg is the logarithm to base 2: a display written in it has its measures in bits
    ("$$H(p,q) = -\\sum_{x} p(x) \\lg(q(x))$$\n\n$$H(p,q) = -\\sum_{x} p(x) \\ln(q(x))$$\n",
     [(1, "proved"), (3, "proved")]),
    # a reason given beside a row (\because ...) is no link of the chain
    ("$$\n\\begin{aligned}\nf &= x^2 + 1 \\quad \\because x = y \\\\\n&= x^2 + 1\n\\end{aligned}\n$$\n",
     [(3, "definition"), (4, "proved")]),
    # a row that ends with its relation: the right side is the next row
    ("$$\n\\begin{aligned}\n(x+1)^2 = \\\\\nx^2 + 2x + 1 = x^2 + 2x + 2\n\\end{aligned}\n$$\n",
     [(4, "proved"), (4, "refuted")]),
    # a function differentiated alone by one of its parameters is its definition, its own variable kept
    ("The model is $h(x) = \\frac{1}{1 + e^{-a - b x}}$.\n\n"
     "$$\\frac{\\partial h}{\\partial a} = \\frac{e^{-a - b x}}{(1 + e^{-a - b x})^2}$$\n\n"
     "$$\\frac{\\partial h}{\\partial a} = \\frac{e^{-a - b x}}{1 + e^{-a - b x}}$$\n",
     [(1, "definition"), (3, "proved"), (5, "refuted")]),
    ("Let $h(x) = x^2$.\n\n$$\\frac{d}{dx} h = 2x$$\n\n$$\\frac{d}{dt} h(t) = 2t$$\n",
     [(1, "definition"), (3, "proved"), (5, "proved")]),
    # MathJax's \require{...} loads an extension: no mathematics
    ("$$\\require{cancel} (x+1)^2 = x^2 + 2x + 1$$\n", [(1, "proved")]),
    # a function defined at another function's value: a function of that value
    ("Let $g(x) = x^2 + 1$ and $\\text{Cost}(g(x), y) = y \\log g(x)$.\n\n"
     "$$\\text{Cost}(g(x), 2) = 2 \\log (x^2+1)$$\n\n$$\\text{Cost}(g(x), y) = y \\log (x^2+2)$$\n",
     [(1, "definition"), (1, "definition"), (3, "proved"), (5, "refuted")]),
    # a law declared in a later section: the sections before it may mean another variable by the same name
    ("# Bernoulli\n\n$$\\mathbb{E}(X) = p \\times 1 + (1-p) \\times 0$$\n\n# Poisson\n\n"
     "Let $X \\stackrel{iid}{\\sim} \\text{Poiss}(\\lambda)$.\n\n$$\\mathbb{E}(X) = \\lambda$$\n\n"
     "$$\\mathbb{E}(X) = 2\\lambda$$\n",
     [(3, "unknown"), (7, "definition"), (9, "proved"), (11, "refuted")]),
    ("Let $X \\sim \\text{Poisson}(\\lambda)$.\n\n# Mean\n\n$$\\mathbb{E}(X) = 2\\lambda$$\n",
     [(1, "definition"), (5, "refuted")]),
    ("# Mean\n\n$$\\mathbb{E}(X) = 2\\lambda$$\n\n# Setting\n\nLet $X \\sim \\text{Poisson}(\\lambda)$.\n",
     [(3, "refuted"), (7, "definition")]),  # the section before names no other family: the same X
    # inline math alone in its paragraph is laid out as a display: a row starting "=" goes on from the display
    # before it, not from inline math in a sentence between
    ("$$u = \\int_0^1 2x \\, dx$$\n\nSubstitute $t = x - 1$:\n\n$= 1$\n",
     [(1, "unknown"), (3, "definition"), (5, "proved")]),  # u = 1 is a claim on u; x - 1 = 1 is not claimed
    # "=&" at the end of a row: the right side is reported on the row it is written on
    ("$$\n\\begin{aligned}\n(x+1)^2 =&\n x^2 + 2x + 1 \\\\\n=& x^2 + 2x + 2\n\\end{aligned}\n$$\n",
     [(4, "proved"), (5, "refuted")]),
    ("$$\\text{Cost}(g(x), y) = x y$$\n\n$$\\text{Cost}(g(x), y) = y x$$\n",
     [(1, "unknown"), (3, "unknown")]),  # the body uses x outside g(x): no function of g(x)
    # a count an equation set to zero sums to is not tied down by it: "N = 4" gives the data's size
    ("Setting the derivative to zero gives\n\n$$\\sum_{i=1}^{N} (y_i - b) = 0$$\n\nWith four points,\n\n$$N = 4$$\n",
     [(3, "supposed"), (7, "unknown")]),
    ("Setting the derivative to zero gives\n\n$$\\sum_{i=1}^{N} (y_i - b) = 0$$\n\nso\n\n"
     "$$\\sum_{i=1}^{N} 1 = N + 1$$\n", [(3, "supposed"), (7, "refuted")]),  # false for every count
    # g^{-1}(x) of a function the text defines is its inverse, never (1/g) x; a definition taken across it is
    # the text's, but what fails with it may be that step's fault
    ("Let $g(t) = e^t$.\n\n$$g^{-1}(x) = -\\log x$$\n", [(1, "definition"), (3, "not parsed")]),
    ("Let $g(t) = e^t$.\n\n$$f(x) = g^{-1}(x) = -\\log x$$\n\n$$x f(x) - g(f(x)) = x \\log x - x$$\n",
     [(1, "definition"), (3, "not parsed"), (3, "definition"), (5, "unknown")]),
    # a name a definition uses besides its arguments stands for something: rewriting it is no claim for all values
    ("Let $G(\\theta) = e^\\theta$.\n\n$$F(x) = \\theta x - G(\\theta)$$\n\n$$\\theta x - G(\\theta) = x \\log x - x$$\n",
     [(1, "definition"), (3, "definition"), (5, "unknown")]),
    ("Let $G(t) = e^t$.\n\n$$F(x) = \\theta x - G(\\theta)$$\n\n$$\\theta x - G(\\theta) = x \\log x - x$$\n",
     [(1, "definition"), (3, "definition"), (5, "refuted")]),  # theta no argument of the text's: a parameter
    ("Let $G(t) = e^t$.\n\n$$F(x) = \\theta x - G(\\theta)$$\n\n$$\\theta x - G(\\theta) = 2 \\theta x$$\n",
     [(1, "definition"), (3, "definition"), (5, "refuted")]),  # on both sides: for every value
    ("Let $F(x) = \\theta x + 1$.\n\n$$\\log(e^{\\theta}) - \\theta + x = 2x$$\n",
     [(1, "definition"), (3, "refuted")]),  # false whatever theta stands for
    # an equation's label before it is no factor: each equation of the line is checked
    ("Let $x > 0$.\n\n$$\\text{(A)}\\;\\; (x+1)^2 = x^2 + 2x + 1, \\qquad \\text{(B)}\\;\\; x^2 = 2x$$\n",
     [(3, "proved"), (3, "refuted")]),
    ("Let $x > 0$.\n\n$$\n  (B1)\\qquad (x+1)^2 = x^2 + 2x + 1\n$$\n", [(4, "proved")]),  # on its own line
    # a density no one defines keeps its values unknown: linearity proves, nothing refutes
    ("$$\\int^\\infty_{-\\infty}x f(x)dx = \\int^\\infty_{-\\infty}(x-\\mu)f(x)dx+\\int^\\infty_{-\\infty}\\mu f(x)dx"
     " = \\int^\\infty_{-\\infty}(x-\\mu)f(x)dx+\\mu$$\n", [(1, "proved"), (1, "unknown")]),
    # an expectation or variance with no capital letter inside: every name in it random, by linearity alone
    ("$$\\mathrm{Var}(x) = \\mathbb{E}[x^2] - \\mathbb{E}[x]^2$$\n\n$$\\mathrm{Var}(a x) = a^2 \\mathrm{Var}(x)$$\n"
     "\n$$\\mathbb{E}[x^2] = \\mathbb{E}[x]^2$$\n", [(1, "proved"), (3, "unknown"), (5, "unknown")]),
    # a sum written out with dots is the sum; dots of no one pattern are skipped
    ("Let $\\lambda > 0$.\n\n$$\\frac{d}{d\\lambda} \\sum_{i=1}^n (x_i \\ln \\lambda - \\lambda) = "
     "\\frac{x_1+x_2+...+x_n}{\\lambda}-n$$\n", [(3, "proved")]),
    ("$$x_1 + x_2 + \\dots + x_n = \\sum_{i=1}^{n} x_i + 1$$\n", [(1, "refuted")]),
    ("$$e^x = 1 + x + \\frac{x^2}{2!} + \\cdots$$\n", [(1, "skipped")]),
    ("Let $0<p<1$.\n\n$$p_1 + p_2 + ... + p_n = np$$\n", [(3, "skipped")]),  # beside p: p each time?
    # a display that writes again a subject derive could not read only agrees with the line before
    ("Let $a > 0$.\n\n$$\\sum' = a + a$$\n\n$$\\sum' = 2a$$\n", [(3, "not parsed"), (5, "unknown")]),
    ("Let $a > 0$.\n\n$$\n\\begin{align*}\nS &= a + a \\\\\\\n&= 2a \\\\\\\n&= a + a + 0\n\\end{align*}\n$$\n",
     [(5, "definition"), (6, "not parsed"), (7, "proved")]),  # a stray \ after a row end (Hugo's \\\) is no subject
    # a derivative restated while it is supposed 0 is the identity written, never true because both sides are 0
    ("Let $\\sigma > 0$ and $\\ell(\\mu, \\sigma) = -n \\log \\sigma - \\frac{1}{2\\sigma^2}\\sum_{i=1}^n (x_i - \\mu)^2$.\n\n"
     "$$\\frac{\\partial}{\\partial\\sigma}\\ell(\\mu,\\sigma) = -\\frac{n}{\\sigma} + \\frac{1}{\\sigma^3}\\sum_{i=1}^n"
     "(x_i-\\mu)^2 = 0$$\n\n$$\\frac{\\partial}{\\partial\\sigma}\\ell(\\mu,\\sigma) = -n + \\frac{1}{\\sigma^2}"
     "\\sum_{i=1}^n(x_i-\\mu)^2 = 0$$\n",
     [(1, "definition"), (3, "proved"), (3, "supposed"), (5, "refuted"), (5, "supposed")]),
    # two expressions with the estimates in, both 0 where the supposition holds: its consequence, proved
    ("Let $\\sigma > 0$. Setting the derivative to zero gives\n\n$$\\sum_{i=1}^{n} (x_i - m) = 0$$\n\nso\n\n"
     "$$\\left(\\frac{-2\\sum_{i=1}^n (x_i-m)}{\\sigma^3}\\right)^2 = 4\\left(\\sum_{i=1}^n(x_i - m)\\right)^2$$\n",
     [(3, "supposed"), (7, "proved")]),
    # a rate written with deltas is a derivative: an undefined E_j's rates are unknown, never a cancelled fraction
    ("$$o_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$$\n\n$$\\frac{\\delta o_j}{\\delta z_j} = o_j(1 - o_j)$$\n\n"
     "$$\\frac{\\delta E_j}{\\delta z_j}=\\frac{\\delta E_j}{\\delta o_j}\\frac{\\delta o_j}{\\delta z_j}$$\n",
     [(1, "definition"), (3, "proved"), (5, "unknown")]),
    # an integral over a region written below it; from infinity to infinity is a slip, never 0 = 0 claims
    ("Let $\\lambda > 0$.\n\n$$\\int_{x \\geq 0} \\lambda e^{-\\lambda x} dx = 1$$\n\n"
     "$$\\int_{\\infty}^{\\infty} x e^{-x^2} dx = 0$$\n", [(3, "proved"), (5, "not parsed")]),
    # false only where a side is no real number, at values the text leaves open: the text means it where real
    ("$$\\log(z^{y}(1-z)^{1-y}) = y\\log(z) + (1-y)\\log(1-z)$$\n", [(1, "unknown")]),
    ("Let $0 < p < 1$.\n\n$$\\log(-p-1) = 0$$\n", [(3, "refuted")]),  # no real value where the text places p
    # the probability of an event of a variable declared with its law: its mass there, however P is written
    ("Let $X \\sim \\mathrm{Bernoulli}(p)$ with $0 < p < 1$.\n\n$$\\mathbb{P}(X = 1) = p$$\n\n$$\\Pr(X=0) = 1 - p$$\n\n"
     "$$P[X = 1] = 2p$$\n", [(1, "definition"), (3, "proved"), (5, "proved"), (7, "refuted")]),
    ("Let $X \\sim \\mathrm{Poisson}(\\lambda)$ with $\\lambda > 0$.\n\n$$P(X = 0) = e^{-\\lambda}$$\n\n"
     "$$p(X=2) = \\lambda^2 e^{-\\lambda}$$\n", [(1, "definition"), (3, "proved"), (5, "refuted")]),
    # an entry of data a definition sums over (y_k of L = -sum y_i log p_i) is one value of the text's data
    ("$$L = -\\sum_{i} y_i \\log(p_i)$$\n\n$$-y_k\\log(p_k) = -\\log(p_k)$$\n", [(1, "definition"), (3, "unknown")]),
    ("$$-y_k\\log(p_k) = -\\log(p_k)$$\n", [(1, "refuted")]),  # no data: y_k is any number
    # a definition whose own next step is refuted may be the slip: later claims are not refuted by it
    ("Let $a, b > 0$.\n\n$$B(a, b) = \\int_{0}^{1} t^{a}(1-t)^{b-1} \\, {\\rm d}t = \\frac{\\Gamma(a)\\Gamma(b)}"
     "{\\Gamma(a + b)}$$\n\n$$\\frac{B(a + 1, b)}{B(a, b)} = \\frac{a}{a + b}$$\n",
     [(3, "definition"), (3, "refuted"), (5, "unknown")]),
    # a pmf by cases over its outcomes declares its law (a Bernoulli here); names set to numbers alone (r = s = 1/2)
    # are the case the text considers, and a measure given a number there is a value in that case, no definition
    (_BY_CASES + "\n\n$$D(p||q) = (1-r)\\log\\frac{1-r}{1-s} + r\\log\\frac{r}{s}$$\n\n"
     "$$D(p||q) = (1-r)\\log\\frac{1-r}{1-s} + r\\log\\frac{s}{r}$$\n",
     [(1, "definition"), (1, "definition"), (3, "definition"), (5, "refuted")]),
    (_BY_CASES + "\n\n$$r = s = \\frac{1}{2}$$\n\n$$D(p||q) = D(q||p) = 0$$\n",
     [(1, "definition"), (1, "definition"), (3, "unknown"), (3, "unknown"), (5, "unknown"), (5, "unknown")]),
    (_BY_CASES + "\n\n$$D(p||q) = \\frac{1}{2}$$\n", [(1, "definition"), (1, "definition"), (3, "unknown")]),
    # after general statements about p(x), pmfs by cases are an example: the general statements stay general
    ("$$H(X) = -\\sum_x p(x) \\log p(x)$$\n\nFor example, " + _BY_CASES + "\n",
     [(1, "proved"), (3, "definition"), (3, "definition")]),
    # relations nested in a side that is not read get a verdict each, on their own lines: cases written by hand
    # with a brace never closed, a brace of cases set as a matrix
    ("$$f(x) = \\{e^{-x}, \\ x \\ge 0, \\ 0, \\ x < 0$$\n", [(1, "not parsed")] * 3),
    ("$$\n\\frac{\\partial s}{\\partial z} = \\left\\{\\begin{matrix}\ns(1-s) = s - s^2 \\qquad k = i \\\\\n"
     "-s t = -t s\n\\end{matrix}\\right.\n$$\n", [(2, "skipped"), (3, "skipped"), (3, "skipped"), (4, "skipped")]),
]


@pytest.mark.parametrize(("document", "expected"), DOCUMENTS, ids=[d[0][:50] for d in DOCUMENTS])
def test_each_relation_has_its_verdict(document: str, expected: list[tuple[int, str]]) -> None:
    result = check_text(document, "w.md")
    got = [(e.line, e.status) for e in result.entries if e.kind != "assumption"]
    assert got == expected, result.text()


def test_a_specialisation_is_reported_with_its_value() -> None:
    result = check_text("$$g(p) = p^2$$\n\nAt $p = 1/2$,\n\n$$g(p) = \\frac{1}{4}$$\n", "w.md")
    assert "checked with p = 1/2" in result.text()


def test_an_equation_to_solve_says_so() -> None:
    result = check_text("Let $0 < p < 1$.\n\n$$\\frac{1}{p} - 2 \\overset{\\text{set}}{=} 0$$\n", "w.md")
    (entry,) = [e for e in result.entries if e.status == "supposed"]
    assert "an equation set to be solved" in entry.reason


@pytest.mark.parametrize(("written", "bounds"), [
    ("$x>0,\\,a>0,\\,b>0$", ["x > 0", "a > 0", "b > 0"]),  # listed, with thin spaces
    ("$x > 0, a > 0$", ["x > 0", "a > 0"]),
    ("$0 < p, q < 1$", ["0 < p, q < 1"]),  # names that share their bounds: one assumption
    ("$0 < a < 1, b > 2$", ["0 < a < 1", "b > 2"]),
])
def test_listed_bounds_are_each_an_assumption(written: str, bounds: list[str]) -> None:
    result = check_text(f"Let {written}. Then $1 = 1$.\n", "w.md")
    assert [e.lhs for e in result.entries if e.kind == "assumption"] == bounds, result.text()


def test_a_derivative_of_a_function_no_one_defines_at_a_point_supposed_is_read() -> None:
    """At $t = 0$, d/dt M_X(t) of an undefined M_X is its value there (a Subs), not a failed check."""
    result = check_text("At $t = 0$, we have\n\n$$\\frac{d}{dt}M_X(t) = E(X)$$\n", "w.md")
    entry = [e for e in result.entries if e.line == 3][0]
    assert entry.status == "unknown" and "failed" not in entry.reason, result.text()
