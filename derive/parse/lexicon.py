"""The words of the notation layer: the commands it knows, the layout it drops, the heads of measures and
the limits it keeps (:mod:`derive.parse.notation` documents what they mean)."""

from __future__ import annotations

import re


MAX_DEPTH = 200


#: Most signs or logarithms in a row (``- - x``, ``\log \log x``), and most sums nested in sums: the
#: parser's cost grows with the product of such a chain's length and the length of the input.
MAX_CHAIN = 8


GREEK = frozenset("\\" + g for g in (
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi omicron pi "
    "varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega "
    "Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega").split())


RELATIONS = frozenset({r"\leq", r"\geq", r"\neq", r"\le", r"\ge", r"\ne", r"\lt", r"\gt"})


CONTEXT_ONLY = {r"\Vert": r"KL(P \Vert Q)", r"\|": r"KL(P \| Q)", r"\parallel": r"KL(P \parallel Q)",
                 r"\sim": r"\mathbb{E}_{x \sim P}[...]",
                 r"\{": r"\sum_{i \in \{H, T\}}", r"\}": r"\sum_{i \in \{H, T\}}", r"\in": r"\sum_{i \in \{H, T\}}"}


#: Decorations that make a new symbol (``\hat\sigma`` is not ``\sigma``), named as SymPy prints them.
DECORATIONS = {r"\hat": "hat", r"\widehat": "hat", r"\bar": "bar", r"\overline": "bar", r"\tilde": "tilde",
                r"\widetilde": "tilde", r"\vec": "vec", r"\dot": "dot", r"\ddot": "ddot", r"\boldsymbol": "bm",
                r"\bm": "bm", r"\mathbf": "bm", r"\prime": "prime", r"\mathcal": "cal", r"\mathscr": "scr",
                r"\mathfrak": "frak"}


PROSE = {r"\text", r"\textrm", r"\textit", r"\textbf", r"\textnormal", r"\textsf", r"\texttt", r"\mbox"}


OPAQUE = PROSE | {r"\mathrm", r"\operatorname", r"\mathbb"}  # commands whose {argument} is one token, unread


OPENERS = {"(": ")", "[": "]", "{": "}", r"\{": r"\}"}


CLOSERS = frozenset(OPENERS.values())

#: The function a prime on a bracket stands for while reading (``(u/v)'``, ``{(1+e^{-x})^{-1}}'``): a derivative
#: in the formula's one variable (:func:`derive.parse.derivatives.operator_derivatives`).
PRIMED = "primed"


TERM_STOPS = RELATIONS | {"+", "-", "=", "<", ">", ","}


#: Big operators whose body runs to the end of the term: a sum, a product, a limit.
BIG_OPERATORS = frozenset({r"\sum", r"\prod", r"\lim"})
#: What stands between a limit's variable and its point: ``\lim_{x \to 0}``.
TENDS_TO = frozenset({r"\to", r"\rightarrow", r"\longrightarrow"})


KL_SEPARATORS = frozenset({r"\Vert", r"\|", r"\parallel"})


EXPECTATIONS = frozenset({r"\mathbb{E}", r"\mathrm{E}", r"\operatorname{E}", r"\operatorname{\mathbb{E}}",
                          r"\mathbf{E}", r"\boldsymbol{E}"})  # the bold E of some texts too


#: Heads of a variance: ``\mathrm{Var}(X)``, ``V(x)`` under the one declared distribution.
VARIANCES = frozenset({r"\mathrm{Var}", r"\operatorname{Var}", r"\text{Var}", r"\mathbb{V}", "V", r"\mathrm{V}"})


#: Heads of a differential entropy written apart from H: ``\mathrm{h}(X)``, ``h(X)`` of a declared distribution.
DIFFERENTIAL_ENTROPY_HEADS = frozenset({r"\mathrm{h}", "h", r"\mathrm{H}", r"\operatorname{H}"})


NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]|_\{[A-Za-z0-9]+\})?|\\[A-Za-z]+")

#: A brace under or over a group, and the script that labels it (``\underbrace{X}_{label}``): the group is read.
BRACES = {r"\underbrace": "_", r"\overbrace": "^"}
