r"""The notation layer: derive's way of writing probabilities and measures, read back from LaTeX.

``P`` and ``Q`` stand for the names of the distributions passed to
:func:`parse_latex`, ``H`` and ``T`` for their outcomes, ``i`` for a summation index,
``x`` (``k``) for the variable of a parametric family's density (mass).

======================================  ===================================================
LaTeX                                   SymPy
======================================  ===================================================
``P(H)``                                ``Prob(P, Str("H"))``
``P(i)``, inside a sum over ``i``       ``Prob(P, Symbol("i"))``
``H(P)``                                ``Entropy(P)``
``H(P, Q)``                             ``CrossEntropy(P, Q)``
``KL(P \Vert Q)``, also with ``\|``,    ``KL(P, Q)``
``||`` or ``\parallel``, and the heads
``D_{KL}``, ``D_{\mathrm{KL}}``,
``\mathrm{KL}``, ``\operatorname{KL}``
``\sum_{i \in \{H, T\}} BODY``          ``OutcomeSum(BODY, Symbol("i"), (Str("H"), Str("T")))``
``\sum_{i=1}^{n} BODY``                 ``Sum(BODY, (i, 1, n))``; ``i`` is a distribution's own
                                        index variable when one is named so, and ``P(i)`` is bound
                                        (``\sum_{k=0}^{\infty} P(k)``: a discrete family's ``k``)
``\int_{a}^{b} BODY \, dx``, also       ``Integral(BODY, (x, a, b))``; ``x`` is a density's own
``\,dx``, ``dx``, ``d x``,              variable (real) when one is named so, else
``\mathrm{d}x``, ``\int^{b}_{a}``,      ``Symbol("x", real=True)``; ``P(x)`` is bound.  Both
``\int_0^1``, ``\int\limits``           limits are required; an empty body is 1; an integral
                                        in an integral's body nests, which SymPy writes as one
                                        ``Integral`` with two limits
``\int BODY \, dx`` without limits,     the integral over the support of that density
``P(x)`` of a density ``P`` in BODY
``\sum_{i} BODY``, ``\sum_i BODY``      the first distribution's sum over all its outcomes; the
                                        index as written (``i``, ``x``) is its own
``P(x_i)``, inside a sum over ``i``     ``Prob(P, i)``
``\mathbb{E}_{x \sim P}[BODY]``, also   ``P``'s sum (or integral) of ``P(x) * BODY``; in BODY the
``\mathbb{E}_{P}``, ``\mathrm{E}``,     letter written (``x``, ``X``, either case) is ``P``'s own
``(BODY)``                              variable (``x``, ``k`` or ``i``)
``x``, free, a density's variable       that variable (real), as inside its integrals
``P(x)``, ``P`` a parametric family     ``Prob(P, x)``: its density (mass) at its own variable
                                        ``x`` (``k``), free or bound; ``P(2)`` at a number
``p_{i}``, ``p`` an indexed parameter   ``p[i]`` (``Indexed``), as for ``categorical-n``
``p``, ``\mu``, ``\sigma_{1}``, a       that parameter, with its assumptions (a subscripted
distribution's parameter                name is matched as the printer writes it)
``d``, outside a differential           the letter ``d`` (the grammar alone reads ``d x`` as ``dx``)
``\underbrace{X}_{label}``              ``X``; the label is not read
``\log(x)``, ``\ln(x)``                 ``log(x)``: the logarithm is natural
``\log_b(x)``                           ``log(x)/log(b)``
``\log x^2``, ``\log x y``, ``\log      ``log(x**2)``, ``log(x*y)``, ``log(2*pi*e*sigma**2)``: without
2 \pi e \sigma^2``                      brackets the argument is the product that follows
                                        (module docstring); ``\log [x] y`` is ``y*log(x)``
``\log^2 x``, ``\log^{2}(x)``,          ``log(x)**2``: a power on ``\log`` is the logarithm's;
``\log(x)^{2}``                         ``\log^{-1}`` is an error (a power or the inverse?)
``( )``, ``[ ]``, ``\left( \right)``    grouping (``\left``, ``\right``, ``\big`` are dropped)
``\cdot``, ``\times``, juxtaposition    multiplication: ``a x^{2}`` is ``a*x**2``, ``2(3)`` is 6
``p(x)``, ``q (1 - q)``, ``p`` a        the product ``p*x`` (``p(x)^{2}`` is ``p*x**2``); a number
number                                  is a distribution's parameter or variable, an index, a
                                        name in ``symbols``, ``\lambda``, ``e``, ``\pi``
``f(x)``, ``g(x + 1)``, ``h(x, y)``,    ``Function("f")(x)``: an undefined function applied, when
``f_1(x)``, ``\phi(x)``                 ``f`` is no number; an error (``ambiguous f(x) ...``) when
                                        the formula also writes ``f`` alone (``x(1 - x)``)
``x_1``, ``x_{10}``, ``\alpha_1``       the symbols ``x_1``, ``x_{10}``, ``alpha_1``
``\frac{1}{2}``                         ``Rational(1, 2)``, a factor: ``2 \frac{1}{2}`` is 1
``23``, ``2.5``                         numbers; ``2 3``, ``2\,3``, ``2~3``, ``1{,}000``, ``1,000``
                                        are errors (``ambiguous number '2 3'``): 23, 6, 5 or 1.5?
``I``, ``\gamma``, ``\Gamma``           plain symbols (not the imaginary unit or Euler's constant)
``e``, ``\pi``                          Euler's number and pi
``X(y)``, ``X`` an upper-case letter,   an error (unknown distribution ``X``)
``y`` a bare name
``\text{...}`` anywhere else            an error: prose is not mathematics
======================================  ===================================================

Derivatives, ``\sigma(z)``, ``\delta_{i j}``, ``\max``, ``\lambda``, ``\log_{b}`` in an
arbitrary base, ``cases`` systems and relations (``\geq``, ``>``) are read by
:mod:`derive.parse.calculus`, whose reader methods are mixed into this one.

Everything else (numbers, symbols with their case kept, greek letters, ``\frac``,
powers, ``\sqrt``, ``\exp``, ``e^{x}``, ``a = b``) is read by latex2sympy2_extended;
see :mod:`derive.parse.adapter`.

**How far the body of a sum extends.**  The body of ``\sum_{i \in \{H, T\}}`` is
the product that follows it: a leading ``+`` or ``-`` belongs to the body, and
the body ends before the first ``+``, ``-``, ``=``, ``<``, ``>``, ``,`` or
relation command at the sum's own bracket depth, before a bracket that closes
one opened before the sum, or at the end of the input.  Signs inside brackets
or right after ``^`` or ``_`` do not end it.  So
``\sum_{i \in \{H, T\}} -P(i) \log(Q(i)) + c`` is a sum plus ``c``, and a sum
whose body is itself a sum is written ``\sum_{i \in \{H, T\}} \left(a + b\right)``,
as derive's printer does.  The same rule cuts an expression into its summands,
which are parsed one by one (so ``\sum_{k=1}^{n}`` bodies end the same way).

**How far the argument of a logarithm extends.**  Without brackets,
``\log`` (``\ln``, ``\log_b``, ``\log^{2}``) takes the product that follows:
factors written side by side, each with its exponent and subscript, up to a
``+``, ``-``, relation, comma or closing bracket, or another ``\log``,
``\exp``, sum or integral.  So ``\log x^2`` is ``log(x**2)`` (the power binds
to ``x``, as in print), ``\log x^2 y`` is ``log(x**2*y)``, ``\log 2 \pi e
\sigma^2`` is the logarithm of the whole product, ``\log x \log y`` is a
product of two logarithms, and ``\log x + 1`` adds 1 to the logarithm.
``\cdot``, ``\times``, ``/`` right after such an argument (``\log x \cdot y``)
are an error: the reader cannot tell whether they are inside.

**How far the body of an integral extends.**  An integral is closed by its
differential, which pairs with it like a bracket: the body of
``\int_{a}^{b}`` is everything from after the limits to the first
differential (``d`` or ``\mathrm{d}`` followed by a letter other than ``d``
or by a greek letter) at the integral's own bracket depth that does not
close an integral opened inside the body.  Signs do not end it, so
``\int_0^1 x + 1 \, dx`` is the integral of ``x + 1`` (derive's printer
still brackets such bodies, ``\left[x + 1\right]``); a leading sign belongs
to it.  An integral whose differential does not come before a bracket that
closes one opened before the ``\int``, or before ``=``, ``<``, ``>``, ``,`` or a
relation at its depth, is an error.  Inside a body, ``d`` followed by such
a letter is therefore always read as a differential.  Sums' bodies and
summands never cut an integral: it is one factor, from ``\int`` to its
differential.

Bounds, checked before anything is parsed: at most :data:`MAX_LENGTH`
characters, :data:`MAX_DEPTH` nested brackets (and at most
:data:`derive.parse.adapter.PARSER_DEPTH` in any one piece handed to the
parser), and at most :data:`MAX_CHAIN` signs or logarithms in a row or sums
and integrals nested in sums and integrals.  The text is never evaluated: the
only parser is latex2sympy2_extended's ANTLR grammar.
"""

from __future__ import annotations

import bisect
import collections
import functools
import re
import string
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass

import sympy as sp
from sympy.core.symbol import Str

from derive.distributions.base import Distribution
from derive.distributions.parametric import Parametric
from derive.errors import DeriveError
from derive.terms import bottom_up
from derive.measures import ANY_BASE, KL, UNITS, CrossEntropy, Entropy, Measure, OutcomeSum, Prob
from derive.parse.adapter import ParseError, SyntaxFailure, to_sympy
from derive.parse.calculus import EXTRA_COMMANDS, CalculusForms, split_cases, system_of
from derive.parse.named import NamedFunctions, named_call
from derive.parse.randomvars import MASS_HEADS, RandomVariableForms
from derive.functions import Log, entry_of
from derive.terms import add, mul, quotient
from derive.system import System

MAX_LENGTH = 100_000
MAX_DEPTH = 200
#: Most signs or logarithms in a row (``- - x``, ``\log \log x``), and most sums nested in sums: the
#: parser's cost grows with the product of such a chain's length and the length of the input.
MAX_CHAIN = 8
_PREFIXES = frozenset({"+", "-", r"\ln", r"\log", r"\exp"})

_GREEK = frozenset("\\" + g for g in (
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi omicron pi "
    "varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega "
    "Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega").split())
_RELATIONS = frozenset({r"\leq", r"\geq", r"\neq", r"\le", r"\ge", r"\ne", r"\lt", r"\gt"})
_CONTEXT_ONLY = {r"\Vert": r"KL(P \Vert Q)", r"\|": r"KL(P \| Q)", r"\parallel": r"KL(P \parallel Q)",
                 r"\sim": r"\mathbb{E}_{x \sim P}[...]",
                 r"\{": r"\sum_{i \in \{H, T\}}", r"\}": r"\sum_{i \in \{H, T\}}", r"\in": r"\sum_{i \in \{H, T\}}"}
_COMMANDS = _GREEK | _RELATIONS | _CONTEXT_ONLY.keys() | {
    r"\frac", r"\sqrt", r"\exp", r"\log", r"\ln", r"\cdot", r"\times", r"\div", r"\infty", r"\sum", r"\prod", r"\int",
    r"\underbrace", r"\ell", r"\Pr", r"\binom", r"\tanh", r"\sinh", r"\cosh", r"\sin", r"\cos", r"\tan"} | EXTRA_COMMANDS
_ALIASES = {r"\dfrac": r"\frac", r"\tfrac": r"\frac", r"\dbinom": r"\binom", r"\tbinom": r"\binom",
            r"\lbrace": r"\{", r"\rbrace": r"\}",
            r"\lbrack": "[", r"\rbrack": "]", r"\lvert": "|", r"\rvert": "|", r"\vert": "|",
            r"\mid": "|"}
_SIZING = {r"\left", r"\right", r"\middle", r"\big", r"\Big", r"\bigg", r"\Bigg", r"\bigl", r"\bigr", r"\Bigl",
           r"\Bigr", r"\biggl", r"\biggr", r"\Biggl", r"\Biggr"}
_SPACING = {r"\,", r"\;", r"\:", r"\!", "\\ ", r"\quad", r"\qquad", r"\displaystyle", r"\limits", r"\nolimits",
            r"\space", r"\enspace", r"\thinspace", r"\medspace", r"\thickspace", r"\negthinspace", r"\negmedspace",
            r"\negthickspace"}
#: Layout that changes how a formula looks, never what it says: dropped (``\boxed{x}`` keeps its group).
_LAYOUT = {r"\Large", r"\large", r"\LARGE", r"\small", r"\normalsize", r"\huge", r"\Huge", r"\nonumber",
           r"\notag", r"\boxed", r"\textstyle", r"\scriptstyle"}
#: Layout with an argument that is no mathematics: dropped with it (``\color{red}``; ``\tag{3}``).
_LAYOUT_WITH_ARGUMENT = {r"\tag", r"\label", r"\color", r"\textcolor", r"\hspace", r"\vspace", r"\phantom",
                         r"\hphantom", r"\vphantom"}
#: Decorations that make a new symbol (``\hat\sigma`` is not ``\sigma``), named as SymPy prints them.
_DECORATIONS = {r"\hat": "hat", r"\widehat": "hat", r"\bar": "bar", r"\overline": "bar", r"\tilde": "tilde",
                r"\widetilde": "tilde", r"\vec": "vec", r"\dot": "dot", r"\ddot": "ddot", r"\boldsymbol": "bm",
                r"\bm": "bm", r"\mathbf": "bm", r"\prime": "prime", r"\mathcal": "cal", r"\mathscr": "scr"}
#: A bracket next, perhaps after a power: ``(x)``, ``^2(x)``, ``^{2} (x)``.
_BRACKET_NEXT = r"\s*(?:\^\s*(?:\{[^{}]*\}|\w))?\s*\("
#: Function names written as words: ``\text{log}``, ``\operatorname{ln}``, ``\mathrm{exp}``, ``\mathrm{tanh}``.
_WORD_FUNCTIONS = {"log": r"\log", "ln": r"\ln", "exp": r"\exp", "sigmoid": r"\sigma", "tanh": r"\tanh",
                   "sinh": r"\sinh", "cosh": r"\cosh", "sin": r"\sin", "cos": r"\cos", "tan": r"\tan",
                   "max": r"\max", "min": r"\min"}
#: The same words typed as plain letters (``ln(x)``): never a product of letters l and n.  Those after the
#: first four only before a bracket (``tanh(x)``, ``max(0, x)``).
_PLAIN_WORD = re.compile(r"(ln|log|exp|sigmoid)(?![A-Za-z])|(tanh|sinh|cosh|sin|cos|tan|max|min)(?=" + _BRACKET_NEXT + ")")
#: Functions typed as plain words before a bracket (``softmax(z)``, ``ReLU(x)``, ``pdf(x)``): one named
#: function, read as ``\operatorname{word}`` is (:meth:`_Reader.named_function`), never a product of letters.
_PLAIN_NAMED = re.compile(r"(softmax|softplus|relu|pdf|cdf|pmf|logit|sign|sgn)(?=" + _BRACKET_NEXT + ")", re.I)
_PROSE = {r"\text", r"\textrm", r"\textit", r"\textbf", r"\textnormal", r"\textsf", r"\texttt", r"\mbox"}
_OPAQUE = _PROSE | {r"\mathrm", r"\operatorname", r"\mathbb"}  # commands whose {argument} is one token, unread
_CHARS = frozenset(string.ascii_letters + string.digits + "+-*/=<>()[]{}|^_,.!;")
_OPENERS = {"(": ")", "[": "]", "{": "}", r"\{": r"\}"}
_CLOSERS = frozenset(_OPENERS.values())
_TERM_STOPS = _RELATIONS | {"+", "-", "=", "<", ">", ","}
#: What ends the argument of a logarithm written without brackets, once it has a factor.
_NEW_FACTORS = frozenset({r"\log", r"\ln", r"\exp", r"\sum", r"\prod", r"\int", r"\max", r"\min"})
#: Big operators whose body runs to the end of the term: a sum, a product.
BIG_OPERATORS = frozenset({r"\sum", r"\prod"})
#: Products written with a sign, which a logarithm without brackets leaves ambiguous (``\log x \cdot y``).
_PRODUCT_SIGNS = frozenset({r"\cdot", r"\times", "/", r"\div"})
#: What an integral's body cannot cross: its differential must come first.
_INTEGRAL_STOPS = _RELATIONS | {"=", "<", ">", ","}
_DIFFERENTIALS = frozenset({"d", r"\mathrm{d}"})
#: Commands whose arguments may be single digits written apart (``\frac 1 2``): not one spaced number.
_SUM_INDEX = re.compile(r"\\sum(?:\\limits)?_\{?\s*([a-z])")
_SUBSCRIPTED = re.compile(r"(?<![A-Za-z\\])([A-Za-z])_\{?([a-z])(?![A-Za-z])")
_WORD = {sp.Sum: "sum", sp.Product: "product"}
#: A set named by one letter, as the support of a distribution (``\mathcal{X}``, ``\Omega``, ``S``).
_SET_NAME = re.compile(r"\\(?:mathcal|mathscr)\{[A-Z]\}|\\Omega|[A-Z]")
_HEAD = {sp.Sum: r"\sum", sp.Product: r"\prod"}
_DIGIT_ARGUMENTS = frozenset({r"\frac", r"\sqrt", r"\binom"})
_KL_SEPARATORS = frozenset({r"\Vert", r"\|", r"\parallel"})
_KL_WORDS = frozenset({r"\mathrm{KL}", r"\text{KL}", r"\operatorname{KL}"})
_EXPECTATIONS = frozenset({r"\mathbb{E}", r"\mathrm{E}", r"\operatorname{E}", r"\operatorname{\mathbb{E}}"})
_SUBSCRIPTED_INDEX = re.compile(r"[A-Za-z]_([A-Za-z])\Z")  # P(x_i): the outcome of index i
#: Heads of a variance: ``\mathrm{Var}(X)``, ``V(x)`` under the one declared distribution.
_VARIANCES = frozenset({r"\mathrm{Var}", r"\operatorname{Var}", r"\text{Var}", r"\mathbb{V}", "V", r"\mathrm{V}"})
#: Heads of a differential entropy written apart from H: ``\mathrm{h}(X)``, ``h(X)`` of a declared distribution.
_ENTROPY_HEADS = frozenset({r"\mathrm{h}", "h", r"\mathrm{H}", r"\operatorname{H}"})
_KL_HEADS = (("K", "L"), ("D", "_", "{", "K", "L", "}"), ("D", "_", "{", r"\mathrm{KL}", "}"),
             ("D", "_", "{", r"\text{KL}", "}"), ("D", "_", "{", r"\operatorname{KL}", "}"),
             (r"\mathrm{KL}",), (r"\operatorname{KL}",), ("D", "_", r"\text{KL}"), ("D", "_", r"\mathrm{KL}"),
             ("D", "_", "K", "L"), ("K", "L", "D"))
_COMMAND = re.compile(r"\\(?:[A-Za-z]+|.)", re.S)
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]|_\{[A-Za-z0-9]+\})?|\\[A-Za-z]+")
_ONE_CHAR_SUBSCRIPT = re.compile(r"_\{(\w)\}")
_PLACEHOLDER = re.compile(r"\s*\(?\\text\{derive\d+\}\)?\s*")


def parse_latex(tex: str, distributions: Sequence[Distribution] = (), units: str = "nats",
                symbols: Sequence[sp.Symbol] = (), masses: bool = False,
                supports: Mapping[str, str] | None = None) -> sp.Basic:
    """Read one LaTeX expression, or an equation ``a = b`` (as ``Eq(a, b, evaluate=False)``).

    ``distributions`` name the distributions (and through them the outcomes)
    that ``P(H)``, ``H(P)``, ``KL(P \\Vert Q)`` and sums over outcomes may use;
    ``units`` (``nats``, ``bits``, or ``any``: the arbitrary base ``b``) is the
    base of those measures, which their notation does not show.  ``symbols``
    are other symbols the text may name (``z`` real, ``x`` positive, an index
    ``j``): each name is read as that symbol, with its assumptions.  With
    ``masses`` the text is about random variables no one declares: ``p(x, y)``
    is their joint pmf and ``\\sum_x`` runs over the values of ``X``
    (:mod:`derive.parse.randomvars`); ``supports`` names the sets the text says
    they take their values in (``{"A": "X"}``).  Also a
    relation ``a \\geq b`` or a ``cases`` system (:mod:`derive.parse.calculus`).
    Raises :class:`ParseError` with a one-line message on anything it cannot read.
    """
    if units not in UNITS and units != "any":
        raise ParseError(f"units must be one of {', '.join(UNITS)}, any, got {units!r}")
    expr = _exact_decimals(_parse(tex, distributions, units, tuple(symbols), masses, dict(supports or {})), tex)
    if units == "nats":
        return expr
    base = UNITS.get(units, ANY_BASE)
    return bottom_up(expr, lambda e: type(e)(*e.dists, base=base) if isinstance(e, Measure) else e)


def _exact_decimals(expr: sp.Basic, tex: str) -> sp.Basic:
    """Decimals as the exact numbers written (``0.1`` is ``1/10``, never the nearest binary float).

    Each float of ``expr`` is matched with a decimal of ``tex`` it rounds; one with no match (none can be:
    every float comes from a decimal written) is left as it is.
    """
    floats = expr.atoms(sp.Float)
    if not floats:
        return expr
    written = [sp.Rational(text) for text in _DECIMAL.findall(tex)]
    exact = {}
    for f in floats:  # -1.81 is the decimal 1.81 after a minus sign
        match = next((r for r in written if abs(abs(f) - r) <= sp.Float(10) ** -12 * max(1, abs(r))), None)
        if match is not None:
            exact[f] = match if f >= 0 else -match
    return expr.xreplace(exact) if exact else expr


_DECIMAL = re.compile(r"(?<![\w.])\d*\.\d+")


def _parse(tex: str, distributions: Sequence[Distribution], units: str = "nats",
           symbols: tuple[sp.Symbol, ...] = (), masses: bool = False,
           supports: Mapping[str, str] | None = None) -> sp.Basic:
    if not isinstance(tex, str):
        raise ParseError(f"expected a LaTeX string, got {type(tex).__name__}")
    if len(tex) > MAX_LENGTH:
        raise ParseError(f"input of {len(tex)} characters is longer than the limit of {MAX_LENGTH}")
    if not tex.strip():
        raise ParseError("empty input")
    rows = split_cases(tex)  # \begin{cases} a = b \\ c = d \end{cases}: a System, row by row
    if rows is not None:
        return system_of(rows, lambda row: _parse(row, distributions, units, symbols, masses, supports))
    tokens, partner, integrals, left_dots = _tokenize(_unbraced_bodies(_SCRIPTS_SWAPPED.sub(r"\2\1", tex)))
    try:
        reader = _Reader(tex, tokens, partner, integrals, distributions, left_dots)
        reader.declare(symbols, units)
        reader.masses, reader.rv_units, reader.supports = masses, units, dict(supports or {})
        return reader.expression(0, len(tokens), {}, top=True)
    except RecursionError:
        raise ParseError("the expression is nested too deeply to read") from None


@dataclass(frozen=True)
class _Token:
    text: str
    pos: int  # offset of the token in the source


def _tokenize(source: str) -> tuple[list[_Token], dict[int, int], dict[int, tuple[int, int]], frozenset[int]]:
    """The source as tokens, spacing and sizing commands dropped; ``partner`` maps each opening bracket to its closer.

    ``integrals`` maps each ``\\int`` to its differential: the tokens of the
    ``d`` and of the variable (:func:`_match_integrals`); ``left_dots`` are the
    tokens right after a ``\\left.`` (which opens an evaluation bar).  Checks
    characters, commands, numbers and bracket balance and depth on the way.
    """
    tokens: list[_Token] = []
    partner: dict[int, int] = {}
    stack: list[int] = []
    dots: list[int] = []
    parens: set[int] = set()  # offsets of braces read as parentheses (\boxed{...}, {\color{red} ...})
    over_top = False  # a \over outside any group: the whole input is its fraction
    bars: set[int] = set()  # offsets of the \right of each \left. ... \right| read as a group
    single: set[int] = set()  # offsets of a fraction's bottom written as one character (\frac{a}5)
    made: set[int] = set()  # the groups a \over made (a second \over in one is ambiguous)

    def push(token: _Token) -> None:
        if token.text in _OPENERS:
            if len(stack) >= MAX_DEPTH:
                raise ParseError(f"brackets nested deeper than {MAX_DEPTH} at offset {token.pos}")
            stack.append(len(tokens))
        elif token.text in _CLOSERS:
            if not stack:
                raise ParseError(f"{_unbalanced(token.text)}: {token.text!r} at offset {token.pos} closes nothing")
            k = stack.pop()
            opener = tokens[k]
            if _OPENERS[opener.text] != token.text:
                raise ParseError(f"{_unbalanced(opener.text)}: {opener.text!r} at offset {opener.pos} "
                                 f"is closed by {token.text!r} at offset {token.pos}")
            partner[k] = len(tokens)
        tokens.append(token)

    def insert(at: int, new: list[_Token]) -> None:
        """Put ``new`` (no brackets) before token ``at``, moving the indices that follow."""
        shift = len(new)
        tokens[at:at] = new
        moved = {k + shift * (k >= at): v + shift * (v >= at) for k, v in partner.items()}
        partner.clear()
        partner.update(moved)
        stack[:] = [k + shift * (k >= at) for k in stack]

    i, n = 0, len(source)
    while i < n:
        char = source[i]
        if char in "'’′" or source.startswith("^\\prime", i) or source.startswith("^{\\prime}", i):
            i = _primed(source, i, tokens, push)
            continue
        if char == "\\":
            match = _COMMAND.match(source, i)
            if match is None:
                raise ParseError(f"lone backslash at offset {i}")
            cmd, end = match.group(), match.end()
            if cmd in (r"\over", r"\choose"):  # {a \over b}: \frac{a}{b}, the group's parts ({n \choose k}: \binom)
                if stack and id(tokens[stack[-1]]) in made:
                    raise ParseError(f"{cmd} at offset {i}: two in one group (ambiguous)")
                name = r"\frac" if cmd == r"\over" else r"\binom"
                if stack and tokens[stack[-1]].text == "(" and source[tokens[stack[-1]].pos] == "{":
                    opening = tokens[stack[-1]].pos  # a brace read as a bracket: {a \over b} is a fraction's
                    tokens[stack[-1]] = _Token("{", opening)
                    parens.discard(_brace_end(source, opening) - 1)
                if stack and tokens[stack[-1]].text == "{":
                    insert(stack[-1], [_Token(name, i)])
                else:
                    if stack:
                        raise ParseError(f"{cmd} at offset {i} must be inside {{...}}, as in {{a {cmd} b}}")
                    insert(0, [_Token(name, i), _Token("{", 0)])
                    stack.append(1)  # the new group opens at the start and closes at the end
                    made.add(id(tokens[1]))
                    over_top = True
                push(_Token("}", i))
                push(opening := _Token("{", i))
                made.add(id(opening))
                i = end
                continue
            if cmd in _SIZING:
                k = _skip_spaces(source, end)
                if cmd == r"\right" and i in bars:  # \left. ... \right|_{x=a}: the group the bar evaluates
                    push(_Token(")", i))
                elif k < n and source[k] == "." and cmd == r"\left":
                    closing = _right_bar(source, k + 1)
                    if closing is not None:
                        bars.add(closing)
                        push(_Token("(", i))
                    else:
                        dots.append(len(tokens))
                i = k + 1 if k < n and source[k] == "." else end
                continue
            if cmd in _SPACING:
                tokens.append(_Token(" ", i))
                i = end
                continue
            if cmd in _LAYOUT:
                k = _skip_spaces(source, end)
                if cmd == r"\boxed" and k < n and source[k] == "{":  # \boxed{a + b}: its group is (a + b)
                    parens.update((k, _brace_end(source, k) - 1))
                i = end
                continue
            if cmd in _LAYOUT_WITH_ARGUMENT:
                k = _skip_spaces(source, end)
                k = _skip_spaces(source, k + 1) if k < n and source[k] == "*" else k  # \tag*{3}
                if k >= n or source[k] != "{":
                    raise ParseError(f"{cmd} at offset {i} must be followed by {{...}}")
                i = _brace_end(source, k)
                if cmd == r"\textcolor" and (k := _skip_spaces(source, i)) < n and source[k] == "{":
                    parens.update((k, _brace_end(source, k) - 1))  # \textcolor{red}{a + b}: (a + b)
                elif cmd == r"\color" and stack and tokens[stack[-1]].text == "{":  # {\color{red} a + b}: (a + b)
                    opening = tokens[stack[-1]].pos
                    tokens[stack[-1]] = _Token("(", opening)
                    parens.add(_brace_end(source, opening) - 1)
                continue
            if cmd in (r"\overset", r"\stackrel", r"\underset"):  # \overset{\text{set}}{=}: the relation
                i = _labelled_relation(source, cmd, i, end, push)
                continue
            if cmd in _DECORATIONS and cmd != r"\prime":
                token, i = _decorated(source, cmd, i, end)
                tokens.append(token)
                continue
            if cmd in (r"\frac", r"\dfrac", r"\tfrac") and _short_fraction(source, end):  # \frac12
                tokens.append(_Token(r"\frac", i))
                k = _skip_spaces(source, end)
                for char in source[k:k + 2]:
                    partner[len(tokens)] = len(tokens) + 2
                    tokens.extend((_Token("{", k), _Token(char, k), _Token("}", k)))
                    k += 1
                i = k
                continue
            if cmd in (r"\frac", r"\dfrac", r"\tfrac") and (k := _skip_spaces(source, end)) < n and source[k] == "{":
                after = _skip_spaces(source, _brace_end(source, k))
                if after < n and source[after].isalnum() and source[after].isascii():
                    single.add(after)  # \frac{\bar x}5: the 5 is the bottom, as if braced
            if cmd in _OPAQUE:
                k = _skip_spaces(source, end)
                if k >= n or source[k] != "{":
                    raise ParseError(f"{cmd} at offset {i} must be followed by {{...}}")
                end = _brace_end(source, k)
                text = cmd + source[k:end]
                word = _WORD_FUNCTIONS.get(source[k + 1:end - 1].strip()) if cmd != r"\mathbb" else None
                upright_d = _key_of(text) in (r"\mathrm{d}", r"\text{d}", r"\operatorname{d}", r"\textrm{d}")
                tokens.append(_Token(word or (r"\mathrm{d}" if upright_d else text), i))
                i = end
                continue
            token = _Token(_ALIASES.get(cmd, cmd), i)  # unknown commands are reported by _check_words
        elif char.isspace() or char == "~":
            token, end = _Token(" ", i), i + 1
        elif char.isalpha() and (word := _PLAIN_WORD.match(source, i) or _PLAIN_NAMED.match(source, i)) and \
                (i == 0 or not (source[i - 1].isalpha() or source[i - 1] == "\\")):  # ln(x) typed without \
            known = _WORD_FUNCTIONS.get(word.group(word.lastindex))
            token, end = _Token(known or rf"\operatorname{{{word.group(1)}}}", i), word.end(word.lastindex)
        elif i in single:
            for text in ("{", char, "}"):
                push(_Token(text, i))
            i += 1
            continue
        elif char in _CHARS:
            if char == "{" and _after_space_back(tokens, len(tokens)) in _BRACES_GROUP_AFTER:  # \log{x}, ({-x})
                parens.update((i, _brace_end(source, i) - 1))
            token, end = _Token({"{": "(", "}": ")"}.get(char, char) if i in parens else char, i), i + 1
        elif char in _UNICODE:  # typed as a character: − for -, · for \cdot
            token, end = _Token(_UNICODE[char], i), i + 1
        else:
            raise ParseError(f"unexpected character {char!r} at offset {i}")
        push(token)
        i = end
    if over_top:
        push(_Token("}", n))
    if stack:
        opener = tokens[stack[-1]]
        raise ParseError(f"{_unbalanced(opener.text)}: {opener.text!r} at offset {opener.pos} is never closed")
    integrals = _match_integrals(tokens, partner)
    _check_words(tokens, partner, {d for d, _ in integrals.values()} | _derivative_ds(tokens, partner))
    _check_numbers(source, tokens)
    _check_scripts(source, tokens)
    return tokens, partner, integrals, frozenset(_after_space(tokens, k) for k in dots)


def _labelled_relation(source: str, cmd: str, start: int, end: int, push) -> int:
    r"""``\overset{label}{=}`` (``\stackrel``, ``\underset``): the relation's token pushed, the label dropped; the
    offset after it.  Anything but a relation under the label is an error."""
    k = _skip_spaces(source, end)
    if k >= len(source) or source[k] != "{":
        raise ParseError(f"{cmd} at offset {start} must be followed by {{label}}{{relation}}")
    k = _skip_spaces(source, _brace_end(source, k))
    if k >= len(source) or source[k] != "{":
        raise ParseError(f"{cmd} at offset {start} must be followed by {{label}}{{relation}}")
    after = _brace_end(source, k)
    inner = source[k + 1:after - 1].strip()
    if inner not in ("=", "<", ">") and inner not in _RELATIONS:
        raise ParseError(f"{cmd} at offset {start} is read over a relation (=, \\le, ...), not {_short(inner)!r}")
    push(_Token(inner, k + 1))
    return after


#: Tokens after which a brace only groups, as a bracket does (``\log{s^2}``, ``({-x})``, ``= {a + b}``).
_BRACES_GROUP_AFTER = frozenset({r"\log", r"\ln", r"\exp", "(", "[", "+", "-", "=", ",", r"\cdot", r"\times", ""})
#: A superscript written before its subscript, ``\mu^2_1``: swapped (same length) so the subscript names the symbol.
_SCRIPTS_SWAPPED = re.compile(r"(\^(?:\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9]))(_(?:\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9]))")
#: Characters typed for commands: the minus sign and dashes, dots and crosses for products.
_UNICODE = {"−": "-", "–": "-", "—": "-", "·": r"\cdot", "⋅": r"\cdot", "×": r"\times", "∞": r"\infty",
            "π": r"\pi"}
#: The upper limit of a formula's first ``\sum_{i=1}^{N}``: the size of the sample its other sums run over.
_SAMPLE_SIZE = re.compile(r"\\sum(?:\\limits)?_\{?\s*[a-z]\s*=\s*1\s*\}?\s*\^\s*\{?\s*([A-Za-z])\s*\}?")
_LEFT_RIGHT = re.compile(r"\\(left|right)(?![A-Za-z])")


def _right_bar(source: str, start: int) -> int | None:
    """The offset of the ``\\right`` that closes a ``\\left.`` ending at ``start``, when it is an evaluation bar
    (``\\right|_{...}``, ``\\right\\vert_``); else ``None``."""
    depth = 0
    for match in _LEFT_RIGHT.finditer(source, start):
        depth += 1 if match.group(1) == "left" else -1
        if depth < 0:
            rest = source[match.end():].lstrip()
            bar = rest[1:] if rest.startswith("|") else rest[5:] if rest.startswith(r"\vert") else None
            return match.start() if bar is not None and bar.lstrip().startswith("_") else None
    return None


_PRIME = re.compile(r"['’′]|\^\\prime(?![A-Za-z])|\^\{\s*\\prime\s*\}")
_PRIMED_ARGUMENT = re.compile(r"\(\s*(\\[A-Za-z]+|[A-Za-z])\s*\)")


def _primed(source: str, start: int, tokens: list[_Token], push) -> int:
    r"""Primes on the letter just read: ``f'(x)`` (``f''(x)``, ``f^{\prime}(x)``) is ``\frac{d}{dx} f(x)``,
    tokens pushed in its place; a bare ``x'`` is a symbol of its own (``xprime``).  The offset after the primes."""
    count, i = 0, start
    while (match := _PRIME.match(source, i)) is not None:
        count, i = count + 1, match.end()
    name = tokens[-1] if tokens else None
    if name is None or not (len(name.text) == 1 and name.text.isalpha() and name.text.isascii()
                            or name.text in _GREEK or name.text == r"\ell"):
        raise ParseError(f"a prime at offset {start} must follow a letter, as in f'(x) or x'")
    k = _skip_spaces(source, i)
    if k < len(source) and source[k] == "(":
        argument = _PRIMED_ARGUMENT.match(source, k)
        variable = argument.group(1) if argument else ""
        if not (len(variable) == 1 or variable in _GREEK):
            raise ParseError(f"{name.text}' at offset {name.pos} is read on one variable, as in f'(x); "
                             f"write \\frac{{d}}{{dx}} {name.text}(...) for more")
        tokens.pop()
        order = [_Token("^", start), _Token("{", start), _Token(str(count), start), _Token("}", start)]
        order = order if count > 1 else []
        for token in [_Token(r"\frac", start), _Token("{", start), _Token("d", start), *order, _Token("}", start),
                      _Token("{", start), _Token("d", start), _Token(variable, start), *order, _Token("}", start),
                      name]:
            push(token)
        return k
    if count > 1:
        raise ParseError(f"{count} primes on {name.text} at offset {start} without an argument: write it as "
                         f"a derivative, {name.text}''(x)")
    tokens[-1] = _Token(f"\\prime{{{name.text}}}", name.pos)
    return i


def _decorated(source: str, cmd: str, start: int, end: int) -> tuple[_Token, int]:
    """``\\hat\\sigma``, ``\\bar{x}``, ``\\boldsymbol{\\theta}``: one token ``\\hat{\\sigma}`` (a symbol of its own,
    named ``sigmahat``: :func:`decorated_name`), and the offset after it."""
    k = _skip_spaces(source, end)
    inner, after = "", k
    if k < len(source) and source[k] == "{":
        after = _brace_end(source, k)
        inner = source[k + 1:after - 1].strip()
    elif k < len(source) and source[k] == "\\":
        match = _COMMAND.match(source, k)
        inner, after = match.group(), match.end()
    elif k < len(source) and source[k].isalpha():
        inner, after = source[k], k + 1
    if not (len(inner) == 1 and inner.isalpha() and inner.isascii() or inner in _GREEK or inner == r"\ell"):
        raise ParseError(f"{cmd} at offset {start} decorates one letter or greek letter, not {inner or 'nothing'!r}")
    return _Token(f"{cmd}{{{inner}}}", start), after


def decorated_name(text: str) -> str | None:
    """The symbol name of a decorated token (``\\hat{\\sigma}`` -> ``sigmahat``, which SymPy prints as
    ``\\hat{\\sigma}``), of an upright word that names a quantity (``\\mathrm{ELBO}``, ``\\operatorname{MSE}``:
    ``ELBO``), or ``None`` for any other token."""
    match = _DECORATED.fullmatch(text)
    if match is not None and match.group(1) in ("mathrm", "operatorname") and _QUANTITY.fullmatch(match.group(2)) \
            and match.group(2).lower() not in _OPERATOR_WORDS:
        return match.group(2)
    if match is None or "\\" + match.group(1) not in _DECORATIONS:
        return None
    return match.group(2).lstrip("\\") + _DECORATIONS["\\" + match.group(1)]


#: An upright word that names a quantity: two letters or more (one letter is a function's name, ``\\mathrm{E}``).
_QUANTITY = re.compile(r"[A-Za-z]{2,}")
#: Upright words that are operators, never a quantity's name.
_OPERATOR_WORDS = frozenset("""kl var cov det tr diag softmax sigmoid argmax argmin max min sup inf lim sign sgn erf
    erfc beta gamma pr relu tanh sinh cosh sin cos tan arg exp log ln mod dim rank corr std sd cdf pdf pmf""".split())


def _symbol_name(text: str) -> str:
    """The SymPy name of a symbol token: ``x``, ``sigma`` for ``\\sigma``, ``sigmahat`` for ``\\hat{\\sigma}``."""
    return decorated_name(text) or text.lstrip("\\")


_DECORATED = re.compile(r"\\([A-Za-z]+)\{(\\?[A-Za-z]+)\}")


def _short_fraction(source: str, end: int) -> bool:
    """``\\frac12``: two single digits (or letters) as the fraction's top and bottom, without braces."""
    k = _skip_spaces(source, end)
    return k + 1 < len(source) and all(c.isalnum() and c.isascii() for c in source[k:k + 2])


def _derivative_ds(tokens: list[_Token], partner: dict[int, int]) -> set[int]:
    r"""The ``\mathrm{d}`` of ``\frac{\mathrm{d}}{\mathrm{d}x}``: the first token of a ``\frac``'s top and bottom
    when both are a ``d``."""
    found: set[int] = set()
    for k, token in enumerate(tokens):
        top = _after_space(tokens, k + 1)
        if token.text != r"\frac" or top not in partner:
            continue
        bottom = _after_space(tokens, partner[top] + 1)
        if bottom not in partner:
            continue
        ds = [_after_space(tokens, top + 1), _after_space(tokens, bottom + 1)]
        if all(tokens[d].text in _DIFFERENTIALS for d in ds):
            found.update(ds)
    return found


def _scripts(tokens: list[_Token], partner: dict[int, int], i: int) -> tuple[dict[str, tuple[int, int]], int]:
    """The ``_`` and ``^`` scripts after token ``i`` (an ``\\int``) as token ranges, and the token after them.

    A script is a bracketed group (its content) or one token; a script
    without its token is left out.
    """
    found: dict[str, tuple[int, int]] = {}
    k = _after_space(tokens, i + 1)
    while k < len(tokens) and tokens[k].text in ("_", "^") and tokens[k].text not in found:
        script = _after_space(tokens, k + 1)
        if script >= len(tokens) or tokens[script].text in _CLOSERS:
            break
        if script in partner:
            found[tokens[k].text] = (script + 1, partner[script])
            k = _after_space(tokens, partner[script] + 1)
        else:
            found[tokens[k].text] = (script, script + 1)
            k = _after_space(tokens, script + 1)
    return found, k


def _is_variable(text: str) -> bool:
    """A letter other than ``d``, or a greek letter: what may follow the ``d`` of a differential."""
    return (len(text) == 1 and text in string.ascii_letters and text != "d") or text in _GREEK


def _match_integrals(tokens: list[_Token], partner: dict[int, int]) -> dict[int, tuple[int, int]]:
    """Each ``\\int`` paired with the first differential (``d x``, ``\\mathrm{d} x``) that closes it.

    Integrals and differentials pair like brackets, at the bracket depth of
    the ``\\int``: a differential closes the innermost integral still open at
    its depth, and an integral still open at a closing bracket or at ``=``,
    ``<``, ``>``, ``,`` or a relation never closes.  Tokens are visited once
    (the limits are scanned as groups of their own).  Values are the token
    indices of the ``d`` and of the variable.
    """
    matched: dict[int, tuple[int, int]] = {}
    ranges = [(0, len(tokens))]
    while ranges:
        lo, hi = ranges.pop()
        frames: list[list[int]] = [[]]
        k = lo
        while k < hi:
            text = tokens[k].text
            if text == r"\int":
                scripts, after = _scripts(tokens, partner, k)
                ranges.extend(r for r in scripts.values() if r[0] - 1 in partner)
                frames[-1].append(k)
                k = max(after, k + 1)
                continue
            if text in _OPENERS:
                frames.append([])
            elif text in _CLOSERS:
                frames.pop()
            elif text in _INTEGRAL_STOPS:
                frames[-1].clear()
            elif text in ("^", "_"):  # a one-token script (x^d) is never a differential
                script = _after_space(tokens, k + 1)
                if script < hi and script not in partner:
                    k = script + 1
                    continue
            elif text in _DIFFERENTIALS and frames[-1]:
                variable = _after_space(tokens, k + 1)
                if variable < hi and _is_variable(tokens[variable].text):
                    matched[frames[-1].pop()] = (k, variable)
                    k = variable + 1
                    continue
            k += 1
    return matched


def _check_words(tokens: list[_Token], partner: dict[int, int], differentials: Set[int] = frozenset()) -> None:
    """Reject, first one first, unknown commands and prose outside the labels of underbraces."""
    labels: set[int] = set()
    for i, token in enumerate(tokens):
        if token.text == r"\underbrace" and (group := _after_space(tokens, i + 1)) in partner:
            under = _after_space(tokens, partner[group] + 1)
            if under < len(tokens) and tokens[under].text == "_":
                label = _after_space(tokens, under + 1)
                labels.update(range(label, partner.get(label, label) + 1))
    run = 0
    for i, token in enumerate(tokens):
        text = token.text
        run = run + 1 if text in _PREFIXES else run if text == " " else 0
        if run > MAX_CHAIN:
            raise ParseError(f"more than {MAX_CHAIN} signs or logarithms in a row at offset {token.pos}")
        if _subscript_word(tokens, i) is not None:  # \hat{t}_{\text{ML}}: part of a name
            continue
        if named_call(tokens, partner, i, _after_space):  # \operatorname{softmax}(z): a function applied
            continue
        if i in labels or not text.startswith("\\") or text in _COMMANDS or text in _KL_WORDS or i in differentials \
                or text in _EXPECTATIONS or decorated_name(text) is not None or text in _ENTROPY_HEADS \
                or text in _VARIANCES or text in MASS_HEADS:
            continue
        if text == r"\mathrm{d}":
            raise ParseError(f"unknown command '{text}' at offset {token.pos}: a differential is only understood "
                             r"closing an integral, \int_{a}^{b} f \, dx")
        if text.startswith(tuple(_PROSE)):
            raise ParseError(f"text {_short(text)} at offset {token.pos} is prose, not part of an expression")
        raise ParseError(f"unknown command {_short(text) if '{' in text else text} at offset {token.pos}")


_WORD_IN_BRACES = re.compile(r"\\(?:text|mathrm|textrm|operatorname)\{\s*([A-Za-z]+)\s*\}")


def _subscript_word(tokens: list[_Token], i: int) -> str | None:
    """The word of ``\\text{ML}`` at token ``i`` when it is a whole subscript group (``x_{\\text{ML}}``), else
    ``None``."""
    match = _WORD_IN_BRACES.fullmatch(tokens[i].text) if i < len(tokens) else None
    if match is None or _after_space_back(tokens, i) != "{" or _after_space(tokens, i + 1) >= len(tokens) or \
            tokens[_after_space(tokens, i + 1)].text != "}":
        return None
    opening = i - 1
    while opening >= 0 and tokens[opening].text == " ":
        opening -= 1
    return match.group(1) if _after_space_back(tokens, opening) == "_" else None


def _check_numbers(source: str, tokens: list[_Token]) -> None:
    r"""Refuse digits that read as no one number: ``2 3`` (also ``2\,3``, ``2~3``), ``1{,}000``, ``1,000``.

    The parser would read ``2 3`` as the mixed number 5 and ``1,000`` as 1000,
    where a reader may see 23, 6, or a decimal comma; ``2 \cdot 3``, ``23`` are
    not touched.  A one-digit exponent or subscript (``x^2 3``) and the
    arguments of ``\frac 1 2`` are not a number's digits.
    """
    def digit(k: int) -> bool:
        return 0 <= k < len(tokens) and tokens[k].text.isdigit() and tokens[k].text.isascii()

    for k in range(len(tokens) - 1):
        if not digit(k):
            continue
        start = k
        while start > 0 and (digit(start - 1) or tokens[start - 1].text == "."):
            start -= 1
        previous = start - 1
        while previous >= 0 and tokens[previous].text == " ":
            previous -= 1
        before = tokens[previous].text if previous >= 0 else ""
        script = before in ("^", "_") and start == k and previous == start - 1
        after = _after_space(tokens, k + 1)
        spaced = after > k + 1 and digit(after) and not script and before not in _DIGIT_ARGUMENTS
        braced = [t.text for t in tokens[k + 1:k + 4]] == ["{", ",", "}"] and digit(k + 4)
        grouped = tokens[k + 1].text == "," and all(digit(m) for m in range(k + 2, k + 5)) and not digit(k + 5) \
            and not script
        if spaced or braced or grouped:
            last = after if spaced else k + 4
            while digit(last + 1):
                last += 1
            end = tokens[last].pos + len(tokens[last].text)
            text = " ".join(source[tokens[start].pos:end].split())
            raise ParseError(f"ambiguous number '{text}' at offset {tokens[start].pos}: "
                             + ("one number is written without a space, a product with \\cdot" if spaced else
                                "a thousands separator or a decimal comma? write the digits together, or a "
                                "decimal point"))


def _check_scripts(source: str, tokens: list[_Token]) -> None:
    r"""Refuse what TeX typesets one way and a reader may mean another: ``x^23`` (TeX raises to 2 only, then
    writes 3), ``\exp x^2`` (``exp(x^2)`` in print, ``(exp x)^2`` to a parser), ``3!!`` (a double factorial,
    or ``(3!)!``)."""
    for k, token in enumerate(tokens):
        text = token.text
        if text == "^" and k + 2 < len(tokens) and tokens[k + 1].text.isdigit() and tokens[k + 2].text.isdigit():
            raise ParseError(f"ambiguous power at offset {token.pos}: TeX raises to {tokens[k + 1].text} only; "
                             f"write ^{{{tokens[k + 1].text}{tokens[k + 2].text}}} for the whole number")
        if text == r"\exp":
            a = _after_space(tokens, k + 1)
            if a + 1 < len(tokens) and tokens[a].text not in ("(", "{", r"\left", "[") and tokens[a + 1].text == "^":
                raise ParseError(rf"ambiguous \exp at offset {token.pos}: the exponential of a power, or a power of "
                                 r"the exponential? write \exp(x^2) or (\exp x)^2")
        if text == "!" and k + 1 < len(tokens) and tokens[k + 1].text == "!":
            raise ParseError(f"ambiguous '!!' at offset {token.pos}: a double factorial, or the factorial of a "
                             "factorial? derive reads neither; write it out")


def _after_space_back(tokens: list[_Token], i: int) -> str:
    """The text of the last token before ``i`` that is not a space (``""`` at the start)."""
    i -= 1
    while i >= 0 and tokens[i].text == " ":
        i -= 1
    return tokens[i].text if i >= 0 else ""


def _after_space(tokens: list[_Token], i: int) -> int:
    while i < len(tokens) and tokens[i].text == " ":
        i += 1
    return i


def _skip_spaces(source: str, i: int) -> int:
    while i < len(source) and source[i].isspace():
        i += 1
    return i


def _brace_end(source: str, start: int) -> int:
    """The offset just after the ``}`` that closes the ``{`` at ``start`` (escaped braces skipped)."""
    depth, i = 0, start
    while i < len(source):
        if source[i] == "\\":
            i += 2
            continue
        depth += {"{": 1, "}": -1}.get(source[i], 0)
        if depth == 0:
            return i + 1
        if depth > MAX_DEPTH:
            raise ParseError(f"braces nested deeper than {MAX_DEPTH} at offset {i}")
        i += 1
    raise ParseError(f"unbalanced braces: '{{' at offset {start} is never closed")


_SUM_HEAD = re.compile(r"\\(?:sum|prod)(?![A-Za-z])")


def _unbraced_bodies(source: str) -> str:
    r"""``source`` with the braces around a sum's body blanked (same length): ``\sum_x{A - \sum_y{B}}`` is
    typeset, and read, as ``\sum_x A - \sum_y B`` (braces are invisible; a sum's body ends where its term does)."""
    chars = list(source)
    for match in _SUM_HEAD.finditer(source):
        i = match.end()
        while True:
            while i < len(source) and source[i].isspace():
                i += 1
            if source.startswith((r"\limits", r"\nolimits"), i):
                i = source.index("limits", i) + len("limits")
                continue
            if i < len(source) and source[i] in "_^":
                i += 1
                while i < len(source) and source[i].isspace():
                    i += 1
                if i < len(source) and source[i] == "{":
                    i = _brace_end(source, i)
                elif i < len(source) and source[i] == "\\":
                    word = re.match(r"\\(?:[A-Za-z]+|.)", source[i:])
                    i += len(word.group()) if word else 1
                else:
                    i += 1
                continue
            break
        if i < len(source) and source[i] == "{":
            end = _brace_end(source, i)
            chars[i] = chars[end - 1] = " "
    return "".join(chars)


def _unbalanced(bracket: str) -> str:
    return "unbalanced braces" if bracket in "{}" else "unbalanced brackets"


def _key_of(text: str) -> str:
    """A name as written, spaces removed and ``x_{1}`` written ``x_1``, for comparing names."""
    return _ONE_CHAR_SUBSCRIPT.sub(r"_\1", re.sub(r"\s+", "", text))


def _name_tokens(latex: str) -> tuple[str, ...]:
    return tuple(t.text for t in _tokenize(latex)[0] if t.text != " ")


class _Out:
    """LaTeX being written for the parser, remembering where in the source each piece came from."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.origins: list[int] = []
        self.size = 0

    def add(self, text: str, origin: int) -> None:
        if text.lstrip().startswith("(") and self._before_call():
            self._append(r" \cdot ", origin)  # a letter before "(" would be a call: a (x)^{2} is a*x^2, not (a*x)^2
        self._append(text, origin)

    def _append(self, text: str, origin: int) -> None:
        self.parts.append(text)
        self.starts.append(self.size)
        self.origins.append(origin)
        self.size += len(text)

    def _before_call(self) -> bool:
        """The last piece written is a letter (``a``, ``\\alpha``) or a digit that is not the base of a
        logarithm (``\\log_b``, ``\\log_2``): the grammar would read ``a(x)`` as a call, ``2(3)`` as 2 3 (5)."""
        written: list[str] = []
        for part in reversed(self.parts):
            if part.strip():
                written.append(part.strip())
                if len(written) == 2:
                    break
        if not written or not (_is_variable(written[0]) or written[0] == "d" or written[0][-1:].isdigit()):
            return False
        return len(written) < 2 or written[1] != "_"

    def text(self) -> str:
        return "".join(self.parts)

    def origin(self, column: int) -> int | None:
        """The source offset of the piece holding ``column``; ``None`` past the end."""
        if not 0 <= column < self.size:
            return None
        return self.origins[bisect.bisect_right(self.starts, column) - 1]


class _Reader(CalculusForms, RandomVariableForms, NamedFunctions):
    """Reads one source: finds derive's notation, hands the rest to the parser, puts the pieces together."""

    def __init__(self, source: str, tokens: list[_Token], partner: dict[int, int],
                 integrals: dict[int, tuple[int, int]], distributions: Sequence[Distribution],
                 left_dots: frozenset[int] = frozenset()) -> None:
        self.source, self.tokens, self.partner, self.integrals = source, tokens, partner, integrals
        self.left_dots = left_dots  # tokens right after a \left. (an evaluation bar's opening)
        self.objects: dict[sp.Symbol, sp.Basic] = {}
        self.sums = 0  # sums and integrals being read, one inside the other
        self.by_key: dict[str, Distribution] = {}
        self.lower: dict[str, Distribution] = {}  # p -> P, where p names nothing else (_lower_names)
        self.names: list[tuple[tuple[str, ...], Distribution]] = []
        self.outcomes: dict[str, Str] = {}
        self.parameters: dict[sp.Symbol, sp.Basic] = {}  # a plain symbol -> the distribution's own, same name
        self.printed: dict[str, sp.Symbol] = {}  # \mu_1 (a parameter as printed, key form) -> the parameter
        self.bases: dict[str, sp.IndexedBase] = {}  # p -> p, so that p_{i} reads as p[i]
        self.families: dict[str, dict[int, sp.Symbol]] = {}  # p -> {1: p_1, 2: p_2}: p_{i} over a bound i
        self.variables: dict[str, sp.Symbol] = {}  # i -> the bound variable of the distribution's sums
        self.real_variables: dict[str, sp.Symbol] = {}  # x -> the bound variable of a density's integrals
        for dist in distributions:
            if not isinstance(dist, Distribution):
                raise ParseError(f"distributions must be Distribution objects, got {type(dist).__name__}")
            printed = sp.latex(sp.Symbol(dist.name))
            if self.by_key.setdefault(_key_of(printed), dist) != dist:
                raise ParseError(f"two different distributions are named {dist.name}")
            for variant in {printed, _key_of(printed)}:
                self.names.append((_name_tokens(variant), dist))
            for outcome in _outcomes(dist):
                self.outcomes[_key_of(sp.latex(sp.Symbol(outcome.name)))] = outcome
            for param in _parameters(dist):
                if isinstance(param, sp.IndexedBase):
                    self.bases[str(param.label)] = param
                elif isinstance(param, sp.Symbol):
                    self.parameters[sp.Symbol(param.name)] = param
                    self.printed.setdefault(_key_of(sp.latex(param)), param)
                    if member := _MEMBER.fullmatch(param.name):
                        self.families.setdefault(member.group(1), {})[int(member.group(2))] = param
            self.variables[dist.variable.name] = dist.variable
            if isinstance(dist, Parametric) and not dist.discrete:
                self.real_variables[dist.variable.name] = dist.variable
                self.parameters.setdefault(sp.Symbol(dist.variable.name), dist.variable)  # a free x is the density's
        self._lower_names()
        self.names.sort(key=lambda entry: -len(entry[0]))

    def _lower_names(self) -> None:
        """``p`` names ``P`` (``p(x)``, its density or mass; ``\\mathbb{E}_p``) when ``p`` names nothing else: no
        distribution, parameter, outcome or variable is written so (Bernoulli(p)'s ``p`` stays the parameter)."""
        taken = {s.name for s in self.parameters} | set(self.bases) | set(self.variables) | set(self.outcomes)
        for key, dist in self.by_key.items():
            lower = key.lower()
            if len(key) == 1 and key.isupper() and lower not in self.by_key and lower not in taken:
                self.lower[lower] = dist
                self.names.append(((lower,), dist))

    # -- whole expressions ---------------------------------------------------
    def expression(self, lo: int, hi: int, indices: Mapping[str, sp.Symbol], top: bool = False) -> sp.Basic:
        """Tokens ``lo:hi`` read as one expression (at the top, an equation is allowed too).

        An equation is read side by side and a sum summand by summand (the parser's
        recursion would fail on a few hundred summands); the rest goes to the parser whole.
        """
        start, end = self._offset(lo), self._offset(hi)
        if self._next(lo, hi) >= hi:
            raise ParseError(f"an expression is missing at offset {start}")
        if top and (relation := self.relation(lo, hi, indices)) is not None:  # a >= b, a < b < c
            return relation
        sides = self._split(lo, hi, {"="}) if top else [(lo, hi)]
        if len(sides) == 2:
            return sp.Eq(*(self.expression(a, b, indices) for a, b in sides), evaluate=False)
        if len(sides) > 2:  # a = b = 0: the system a = b, b = 0
            values = [self.expression(a, b, indices) for a, b in sides]
            return System(*(sp.Eq(x, y, evaluate=False) for x, y in zip(values, values[1:])))
        summands = self._summands(lo, hi) if len(sides) == 1 else [(lo, hi)]
        if len(summands) > 1:
            return add(*(self.expression(a, b, indices) for a, b in summands))
        out = _Out()
        self.rewrite(lo, hi, indices, out)
        try:
            bound = {sp.Symbol(k.lstrip("\\")): v for k, v in indices.items()}  # \theta is the symbol theta
            expr = to_sympy(out.text(), {**self.parameters, **bound, **self.objects})
        except SyntaxFailure as failure:
            where = out.origin(failure.column)
            where = end if where is None else where
            place = "at the end of the input" if where >= len(self.source) else \
                f"at offset {where} (near {_short(self.source[where:where + 20])})"
            reason = _PLACEHOLDER.sub(" ... ", failure.reason)
            raise ParseError(f"cannot read the LaTeX {place}: {reason}") from None
        except ParseError as exc:
            raise ParseError(f"{exc} (in {self._fragment(start, end)} at offset {start})") from None
        allowed = (sp.Expr, sp.Equality) if top else (sp.Expr,)
        if not isinstance(expr, allowed):
            what = "an expression or an equation" if top else "an expression"
            raise ParseError(f"{self._fragment(start, end)} at offset {start} is not {what} "
                             f"(it reads as {type(expr).__name__})")
        return expr

    def rewrite(self, lo: int, hi: int, indices: Mapping[str, sp.Symbol], out: _Out) -> None:
        """Write tokens ``lo:hi`` for the parser, derive's notation replaced by placeholders."""
        i = lo
        while i < hi:
            token = self.tokens[i]
            text = token.text
            form = self.form(i, hi, indices)
            bar = self._bar(i, hi) if text == "(" and i in self.partner else None
            if bar is not None:  # \left. x^2 + 1 \right|_{x=2}, read as the group ( x^2 + 1 ) |_{x=2}
                i = self.placeholder(self._evaluated_at(i, bar, indices), token.pos, out, bar[1])
            elif form is not None:
                i = self.placeholder(form[0], token.pos, out, form[1])
            elif text == r"\underbrace":
                i = self.underbrace(i, hi, indices, out)
            elif text in (r"\log", r"\ln"):
                i = self.logarithm(i, hi, indices, out)
            elif text in _CONTEXT_ONLY:
                raise ParseError(f"{text} at offset {token.pos} is only understood in {_CONTEXT_ONLY[text]}")
            elif text == "|" and self._at(self._next(i + 1, hi), hi) == "_":
                raise ParseError(f"the evaluation bar at offset {token.pos} is only understood right after a "
                                 r"derivative: \left.\frac{d}{dx} f\right|_{x=a}")
            elif text.startswith(tuple(_PROSE)):
                raise ParseError(f"text {_short(text)} at offset {token.pos} is prose, not part of an expression")
            elif text.startswith((r"\mathrm{", r"\operatorname{")) and decorated_name(text) is not None and \
                    self._at(self._next(i + 1, hi), hi) not in ("(", "["):  # \mathrm{ELBO}: a named quantity
                i = self.placeholder(sp.Symbol(decorated_name(text)), token.pos, out, i + 1)
            elif text.startswith(tuple(_OPAQUE)):
                raise ParseError(f"unsupported command {_short(text)} at offset {token.pos}")
            elif (call := self.application(i, hi, indices)) is not None:
                i = self.placeholder(call[0], token.pos, out, call[1])
            elif text in ("I", r"\gamma", r"\Gamma"):
                i = self.placeholder(sp.Symbol(text.lstrip("\\")), token.pos, out, i + 1)
            elif (symbol := self.subscripted(i, hi, indices)) is not None:
                i = self.placeholder(symbol[0], token.pos, out, symbol[1])
            elif text == "e" and (named := indices.get("e") or self.parameters.get(sp.Symbol("e"))) is not None:
                i = self.placeholder(named, token.pos, out, i + 1)  # e declared a symbol (e := 3): not Euler's number
            elif (fraction := self.integer_fraction(i, hi)) is not None:
                i = self.placeholder(fraction[0], token.pos, out, fraction[1])
            elif text == "d":  # the grammar reads "d x" as the one symbol dx (its differential): d is kept a letter
                d, before = sp.Symbol("d"), i - 1
                while before >= lo and self.tokens[before].text == " ":
                    before -= 1
                script = before >= lo and self.tokens[before].text == "^"  # x^d: an exponent, braced for the grammar
                out.add("{" if script else "", token.pos)
                i = self.placeholder(indices.get("d") or self.parameters.get(d, d), token.pos, out, i + 1)
                out.add("}" if script else "", token.pos)
            elif decorated_name(text) is not None or text == r"\ell":  # \hat{\sigma}: the symbol sigmahat
                name = sp.Symbol(_symbol_name(text))
                i = self.placeholder(self.parameters.get(name, name), token.pos, out, i + 1)
            elif self._is_symbol(text) and text != "e" and self._at(self._next(i + 1, hi), hi) == "^":
                out.add(f"({text})", token.pos)  # the grammar's fast mode fails on x^2 but reads (x)^2
                i += 1
            else:
                out.add(text + " " if text[0] == "\\" and text[-1].isalpha() else text, token.pos)
                i += 1

    def logarithm(self, i: int, hi: int, indices: Mapping[str, sp.Symbol], out: _Out) -> int:
        r"""``\log`` at token ``i``, written for the parser or read here; returns the token after what it took.

        ``\log(x)`` (with its scripts, ``\log_2(x)``, ``\log^{2}(x)``, ``\log(x)^{2}``) is left
        to the parser.  ``\log[x]`` is the same with square brackets.  Without brackets the
        argument is the product that follows (module docstring): ``\log x^2`` is ``log(x**2)``.
        """
        pos = self.tokens[i].pos
        scripts, start = self.log_head(i)
        opening = self._next(start, hi)
        if self._at(opening, hi) == "(":
            caret = self._next(self.partner[opening] + 1, hi)
            if self._at(caret, hi) == "^" and (power := self._next(caret + 1, hi)) < hi:
                written = self._key(power + 1, self.partner[power]) if power in self.partner else \
                    self.tokens[power].text
                if not written.isdigit():  # \log(x)^{1/2}: of the logarithm, or of x as \log x^{1/2} would be?
                    raise ParseError(f"ambiguous power {_short(written)} after the \\log(...) at offset {pos}: "
                                     r"write \log\left(x^{r}\right) or \left(\log x\right)^{r}")
            out.add(r"\log " if "_" in scripts else r"\ln ", pos)
            return i + 1
        if self._at(opening, hi) == "[":
            arg, end = self.expression(opening + 1, self.partner[opening], indices), self.partner[opening] + 1
        else:
            end = self._log_argument_end(opening, hi, pos)
            arg = self.expression(opening, end, indices)
        value = self._log_in_base(arg, scripts.get("_"), indices)
        if "^" in scripts:
            power = self.expression(*scripts["^"], indices)
            if not (power.is_Integer and power > 0):
                fragment = self._fragment(pos, self._offset(end))[1:-1]
                raise ParseError(f"ambiguous {fragment} at offset {pos}: a power or the inverse function? "
                                 r"write (\log x)^{k} with a positive integer k")
            value = sp.Pow(value, power)
        return self.placeholder(value, pos, out, end)

    def log_head(self, i: int) -> tuple[dict[str, tuple[int, int]], int]:
        """The scripts of the ``\\log`` at token ``i`` (``_`` its base, ``^`` its power) and the token after them."""
        return _scripts(self.tokens, self.partner, i)

    def _log_in_base(self, arg: sp.Basic, base: tuple[int, int] | None, indices: Mapping[str, sp.Symbol]) -> sp.Basic:
        """``log(arg)`` in the base written in tokens ``base`` (natural without one), as the parser would build it."""
        if base is None:
            return sp.log(arg)
        b = self.expression(*base, indices)
        if b in self.log_bases:
            return Log(arg, b)
        return quotient(sp.log(arg), sp.log(b))

    def _log_argument_end(self, k: int, hi: int, pos: int) -> int:
        r"""Where the argument of a logarithm without brackets, starting at token ``k``, ends.

        It is the product that follows: factors written side by side (``\log 2 \pi e \sigma^{2}``,
        ``\log x^2 y``), each with its scripts, up to a sign, a relation, a comma, a closing
        bracket, or another logarithm, sum or integral (``\log x \log y`` is a product of two
        logarithms).  ``\cdot``, ``\times``, ``/`` after it leave the reader guessing whether they
        are inside: an error.
        """
        k = self._next(k, hi)
        if self._at(k, hi) in ("+", "-"):
            k += 1
        seen = False
        while k < hi:
            text = self.tokens[k].text
            if text == " ":
                k += 1
                continue
            if text in _CLOSERS or text in _TERM_STOPS or text == "&" or \
                    (text == "." and not self._at(k + 1, hi).isdigit()):
                break
            if seen and text in _NEW_FACTORS:
                break
            if text in _PRODUCT_SIGNS:
                if not seen:
                    break
                fragment = self._fragment(pos, self._offset(self._next(k + 1, hi) + 1))[1:-1]
                raise ParseError(f"ambiguous {fragment} at offset {pos}: is {text} inside the logarithm? "
                                 r"write \log(...) with brackets")
            seen = True
            if k in self.partner:
                k = self.partner[k] + 1
            elif text in ("^", "_"):
                script = self._next(k + 1, hi)
                k = self.partner.get(script, script) + 1
            elif text == r"\int" and k in self.integrals:
                k = self.integrals[k][1] + 1
            elif text in BIG_OPERATORS:
                return self._term_end(k, hi)
            elif text in (r"\log", r"\ln"):
                scripts, after = _scripts(self.tokens, self.partner, k)
                opening = self._next(after, hi)
                k = self.partner[opening] + 1 if self._at(opening, hi) in ("(", "[") else \
                    self._log_argument_end(opening, hi, self.tokens[k].pos)
            elif text == "|":
                close = next((m for m in range(k + 1, hi) if self.tokens[m].text == "|"), hi - 1)
                k = close + 1
            else:
                k += 1
        if not seen:
            raise ParseError(rf"the logarithm at offset {pos} has no argument")
        return k

    def placeholder(self, obj: sp.Basic, origin: int, out: _Out, end: int) -> int:
        """Write a fresh placeholder symbol for ``obj``; return ``end`` (where reading resumes)."""
        name = f"derive{len(self.objects)}"
        self.objects[sp.Symbol(name)] = obj
        out.add(rf" (\text{{{name}}}) ", origin)
        return end

    # -- derive's notation ---------------------------------------------------
    def form(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        """The notation starting at token ``i`` and the token after it, or ``None``."""
        text, pos = self.tokens[i].text, self.tokens[i].pos
        if (calculus := self.calculus_form(i, hi, indices)) is not None:  # derivatives, sigma, delta, max, log_b
            return calculus
        if text == r"\sum":
            return self.rv_sum(i, hi, indices) or self.outcome_sum(i, hi, indices) or \
                self.range_sum(i, hi, indices) or self.plain_sum(i, hi, indices) or self.sample_sum(i, hi, indices)
        if text == r"\prod":
            return self.range_sum(i, hi, indices, sp.Product) or self.sample_sum(i, hi, indices, sp.Product)
        if text in _EXPECTATIONS or text == "E" and self._written_expectation(i, hi):
            return self.rv_expectation(i, hi, indices) or self.expectation(i, hi, indices)
        if text in _VARIANCES and self._the_one() is not None and self._at(self._next(i + 1, hi), hi) in ("(", "["):
            return self.variance(i, hi, indices)
        if text == r"\int":
            return self.integral(i, hi, indices)
        for head in _KL_HEADS:
            if (paren := self._call(i, hi, head, brackets=True)) is not None:
                return self.kl(pos, *paren, indices), paren[1] + 1
        if text == "D" and (paren := self._call(i, hi, ("D",))) is not None and \
                len(self._split(paren[0] + 1, paren[1], _KL_SEPARATORS, double_bar=True)) == 2:
            return self.kl(pos, *paren, indices), paren[1] + 1  # D(P || Q)
        if text in _ENTROPY_HEADS and (paren := self._call(i, hi, (text,))) is not None and \
                self._key(paren[0] + 1, paren[1]) in self.by_key:  # \mathrm{h}(X): differential entropy
            return self._measure(Entropy, [self._dist(paren[0] + 1, paren[1])], pos), paren[1] + 1
        for head, dist in self.names:
            if (paren := self._call(i, hi, head)) is not None:
                arg = self._key(paren[0] + 1, paren[1])
                if (value := re.fullmatch(r"[A-Z]=(.+)", arg)) is not None:  # P(X = 0): the outcome 0
                    arg = value.group(1)
                if isinstance(dist, Parametric) and arg == dist.variable.name.upper() and len(arg) == 1:
                    arg = dist.variable.name  # \int P(X) dx: the random variable's value, x
                if arg in indices:
                    return Prob(dist, indices[arg]), paren[1] + 1
                if (sub := _SUBSCRIPTED_INDEX.match(arg)) is not None and sub.group(1) in indices:
                    return Prob(dist, indices[sub.group(1)]), paren[1] + 1  # P(x_i) in a sum over i
                if arg in self.outcomes and self.outcomes[arg] in _outcomes(dist):
                    return Prob(dist, self.outcomes[arg]), paren[1] + 1
                if isinstance(dist, Parametric) and arg == dist.variable.name:
                    return Prob(dist, dist.variable), paren[1] + 1
                if isinstance(dist, Parametric) and arg.isdigit() and arg.isascii():
                    return Prob(dist, sp.Integer(int(arg))), paren[1] + 1
                if isinstance(dist, Parametric) and (point := self._free_point(arg, dist)) is not None:
                    return Prob(dist, point), paren[1] + 1  # p(x) of a mass in k: its value at the point x
                if isinstance(dist, Parametric) and text != "H":
                    where = self._offset(self._next(paren[0] + 1, paren[1]))
                    raise ParseError(f"{arg!r} at offset {where} is not {dist.name}'s variable "
                                     f"{dist.variable.name}, a number, nor a bound variable")
                if text != "H":
                    names = ", ".join(o.name for o in _outcomes(dist))
                    where = self._offset(self._next(paren[0] + 1, paren[1]))
                    raise ParseError(f"{arg!r} at offset {where} is not an outcome of {dist.name} ({names}) "
                                     "nor a summation index")
        if (named := self.named_function(i, hi, indices)) is not None:  # \operatorname{pdf}(x), relu(x)
            return named
        if (measure := self.rv_measure(i, hi, indices)) is not None:  # H(X | Y), I(X; Y): random variables
            return measure
        if (pmf := self.rv_mass(i, hi, indices)) is not None:  # p(y | x), \mathbb{P}[X = a]
            return pmf
        if text == "H" and (paren := self._call(i, hi, ("H",))) is not None:
            args = self._split(paren[0] + 1, paren[1], {","})
            keys = [self._key(a, b) for a, b in args]
            applied = all(_is_function_argument(k) and k not in self.by_key for k in keys)  # H(p): a function
            if all(_NAME.fullmatch(k) for k in keys) and not applied:
                if len(args) > 2:
                    raise ParseError(f"H(...) at offset {pos} takes one or two distributions, got {len(args)}")
                dists = [self._dist(a, b) for a, b in args]
                return self._measure(Entropy if len(dists) == 1 else CrossEntropy, dists, pos), paren[1] + 1
        if len(text) == 1 and text in string.ascii_uppercase and (paren := self._call(i, hi, (text,))) is not None:
            key = self._key(paren[0] + 1, paren[1])
            if _NAME.fullmatch(key) and not _is_function_argument(key):
                call = self._fragment(pos, self._offset(paren[1] + 1))
                raise ParseError(f"unknown distribution name {text!r} in {call} at offset {pos}")
        return None

    def _free_point(self, arg: str, dist: Parametric) -> sp.Symbol | None:
        """A lower-case letter the text uses as the point of ``dist``'s density (``p(x)`` for a mass in ``k``):
        no parameter, variable or outcome of the text's, no letter of ``dist``'s parameters; else ``None``."""
        if len(arg) != 1 or not ("a" <= arg <= "z") or arg in self.variables or arg in self.outcomes or \
                arg in self.bases or any(s.name == arg for s in dist.free_symbols):
            return None
        symbol = sp.Symbol(arg)
        return self.parameters.get(symbol, symbol)

    def _bar(self, i: int, hi: int) -> tuple[int, int] | None:
        """For the group opened at token ``i``, an evaluation bar ``|_{x=a}`` right after it: (the bar's token, the
        token after its subscript); else ``None``."""
        bar = self._next(self.partner[i] + 1, hi)
        under = self._next(bar + 1, hi)
        group = self._next(under + 1, hi)
        if self._at(bar, hi) == "|" and self._at(under, hi) == "_" and self._at(group, hi) == "{":
            return bar, self.partner[group] + 1
        return None

    def _evaluated_at(self, i: int, bar: tuple[int, int], indices: Mapping[str, sp.Symbol]) -> sp.Basic:
        """The expression from token ``i`` to the bar, at the point its subscript ``{x=a}`` names."""
        under = self._next(bar[0] + 1, bar[1])
        group = self._next(under + 1, bar[1])
        parts = self._split(group + 1, self.partner[group], {"="})
        if len(parts) != 2:
            raise ParseError(f"the evaluation bar at offset {self.tokens[bar[0]].pos} must be written "
                             r"\left. f(x) \right|_{x=a}")
        at, point = (self.expression(*part, indices) for part in parts)
        if not isinstance(at, sp.Symbol):
            raise ParseError(f"the evaluation bar at offset {self.tokens[bar[0]].pos} must name one variable, "
                             f"not {sp.sstr(at)}")
        return sp.Subs(self.expression(i + 1, self.partner[i], indices), at, point)

    def kl(self, pos: int, open_: int, close: int, indices: Mapping[str, sp.Symbol] | None = None) -> sp.Basic:
        sides = self._split(open_ + 1, close, _KL_SEPARATORS, double_bar=True)
        if len(sides) == 1:  # KL(p, q)
            sides = self._split(open_ + 1, close, {","})
        if (divergence := self.rv_divergence(sides, indices or {})) is not None:  # D(p(x, y) || p(x) p(y))
            return divergence
        sides = [self._named(a, b) for a, b in sides]  # KL(P(x) || Q(x)): the distributions
        if len(sides) != 2 or not all(_NAME.fullmatch(self._key(a, b)) for a, b in sides):
            raise ParseError(f"{self._fragment(pos, self._offset(close + 1))} at offset {pos}: KL needs two "
                             r"distribution names separated by \Vert, \| or ||")
        return self._measure(KL, [self._dist(a, b) for a, b in sides], pos)

    def _named(self, lo: int, hi: int) -> tuple[int, int]:
        """Tokens ``lo:hi`` without a trailing ``(x)`` when they are a declared distribution's density at its
        variable (``P(x)``), else as they are."""
        first = self._next(lo, hi)
        opening = self._next(first + 1, hi)
        if self._at(opening, hi) == "(" and self.partner.get(opening) == hi - 1 or \
                self._at(opening, hi) == "(" and self._next(self.partner.get(opening, hi) + 1, hi) >= hi:
            name = self._key(first, first + 1)
            dist = self.by_key.get(name)
            if dist is not None and isinstance(dist, Parametric) and \
                    self._key(opening + 1, self.partner[opening]) == dist.variable.name:
                return first, first + 1
        return lo, hi

    def _subscript(self, i: int, hi: int) -> tuple[int, int, int] | None:
        """For ``\\sum_{...}`` at token ``i``: the subscript's ``{``, its ``}``, and its first token."""
        under = self._next(i + 1, hi)
        group = self._next(under + 1, hi)
        if self._at(under, hi) != "_" or self._at(group, hi) != "{":
            return None
        close = self.partner[group]
        return group, close, self._next(group + 1, close)

    def outcome_sum(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[OutcomeSum, int] | None:
        r"""``\sum_{i \in \{H, T\}} body``; ``None`` for other sums, which latex2sympy2_extended reads."""
        pos = self.tokens[i].pos
        found = self._subscript(i, hi)
        if found is None:
            return None
        group, close, index = found
        member = self._next(index + 1, close)
        if self._at(member, close) != r"\in":
            return None
        name = self.tokens[index].text
        opening = self._next(member + 1, close)
        whole = self._next(opening + 1, close) == close and self.outcomes and \
            _SET_NAME.fullmatch(self.tokens[opening].text) is not None
        if len(name) == 1 and name in string.ascii_letters and whole:  # \sum_{x \in \mathcal{X}}: every outcome
            symbol = sp.Symbol(name)
            body, end = self.body(close + 1, hi, {**indices, name: symbol}, pos)
            return OutcomeSum(body, symbol, tuple(dict.fromkeys(self.outcomes.values()))), end
        if len(name) != 1 or name not in string.ascii_letters or self._at(opening, close) != r"\{" or \
                self._next(self.partner[opening] + 1, close) != close:
            raise ParseError(rf"the sum at offset {pos} must be written \sum_{{i \in \{{H, T\}}}}")
        outcomes = []
        for a, b in self._split(opening + 1, self.partner[opening], {","}):
            label = self._key(a, b)
            if label not in self.outcomes:
                raise ParseError(f"unknown outcome {label!r} in the sum at offset {pos}")
            outcomes.append(self.outcomes[label])
        symbol = sp.Symbol(name)
        body, end = self.body(close + 1, hi, {**indices, name: symbol}, pos)
        return OutcomeSum(body, symbol, tuple(outcomes)), end

    def range_sum(self, i: int, hi: int, indices: Mapping[str, sp.Symbol],
                  kind: type = sp.Sum) -> tuple[sp.Sum | sp.Product, int] | None:
        r"""``\sum_{i=a}^{b} body`` as ``Sum`` (``\prod`` as ``Product``); a declared distribution's index
        (``i``) is its own variable."""
        pos = self.tokens[i].pos
        found = self._subscript(i, hi)
        if found is None:
            return None
        group, close, index = found
        equals = self._next(index + 1, close)
        if self._at(equals, close) != "=":
            return None
        name = self.tokens[index].text
        caret = self._next(close + 1, hi)
        top = self._next(caret + 1, hi)
        if len(name) != 1 or name not in string.ascii_letters or self._at(caret, hi) != "^" or top >= hi:
            raise ParseError(f"the {_WORD[kind]} at offset {pos} must be written {_HEAD[kind]}_{{i=a}}^{{b}}")
        limits = (self.expression(equals + 1, close, indices),
                  self.expression(top + 1, self.partner[top], indices) if top in self.partner
                  else self.expression(top, top + 1, indices))
        variable = self.variables.get(name, sp.Symbol(name))
        body, end = self.body(self.partner.get(top, top) + 1, hi, {**indices, name: variable}, pos)
        return kind(body, (variable, *limits)), end

    def integral(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Integral, int]:
        r"""``\int_{a}^{b} body \, dx`` as ``Integral(body, (x, a, b))``; the body ends at the differential.

        ``x`` is a declared density's own variable when one is named so, else a
        real symbol; inside the body ``P(x)`` is the density of ``P`` at ``x``.  Without
        limits it runs over the support of the declared density inside, else over the
        whole real line (``\int e^{-x^2} dx = \sqrt{\pi}``).
        """
        pos = self.tokens[i].pos
        form = r"\int_{a}^{b} f \, dx"
        if i not in self.integrals or self.integrals[i][1] >= hi:
            raise ParseError(f"the integral at offset {pos} has no differential (dx) before the end of its "
                             f"expression; write {form}")
        d, var = self.integrals[i]
        scripts, start = _scripts(self.tokens, self.partner, i)
        name = self.tokens[var].text
        density = self._density_in(start, d, name) if not scripts else None
        if density is not None:  # \int P(x) ... dx: over the support of P
            lower, upper = density.bounds
        elif not scripts and start <= d:  # \int f(x) dx, no density declared inside: over the whole real line
            lower, upper = -sp.oo, sp.oo
        elif set(scripts) != {"_", "^"} or start > d:
            raise ParseError(f"the integral at offset {pos} must be written {form}, with both limits")
        else:
            lower, upper = (self.expression(*scripts[s], indices) for s in ("_", "^"))
        variable = self.real_variables.get(name) or sp.Symbol(name.lstrip("\\"), real=True)
        last = d - 1
        while last >= start and self.tokens[last].text in (" ", r"\cdot", r"\times"):
            last -= 1  # e^{-x^2} \cdot dx: the dot joins the differential, no factor
        if self._next(start, last + 1) > last:
            return sp.Integral(sp.Integer(1), (variable, lower, upper)), var + 1
        body, _ = self.body(start, last + 1, {**indices, name: variable}, pos, "integral", end=last + 1)
        return sp.Integral(body, (variable, lower, upper)), var + 1

    def _density_in(self, lo: int, hi: int, name: str) -> Parametric | None:
        """The first declared density ``P`` whose ``P(x)`` (``x`` the variable ``name``) is in tokens ``lo:hi``."""
        if name not in self.real_variables:
            return None
        for k in range(lo, hi):
            for head, dist in self.names:
                if isinstance(dist, Parametric) and dist.variable.name == name and \
                        (paren := self._call(k, hi, head)) is not None and self._key(paren[0] + 1, paren[1]) == name:
                    return dist
        return None

    def plain_sum(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        r"""``\sum_{i} body`` or ``\sum_i body``: over every outcome of the first declared distribution.

        The index as written (``i``, ``j``, ``x``) stands for that distribution's own;
        ``None`` without a declared distribution with outcomes, or with an upper limit.
        """
        dist = next(iter(self.by_key.values()), None)
        under = self._next(i + 1, hi)
        script = self._next(under + 1, hi)
        if dist is None or self._at(under, hi) != "_" or script >= hi:
            return None
        if self.tokens[script].text == "{":
            inside = [k for k in range(script + 1, self.partner[script]) if self.tokens[k].text != " "]
            name, end = (self.tokens[inside[0]].text if len(inside) == 1 else ""), self.partner[script] + 1
        else:
            name, end = self.tokens[script].text, script + 1
        if len(name) != 1 or name not in string.ascii_letters or self._at(self._next(end, hi), hi) == "^":
            return None
        if isinstance(dist, Parametric) and not dist.discrete:
            raise ParseError(rf"the sum at offset {self.tokens[i].pos} is over a density's values; write an integral")
        body, stop = self.body(end, hi, {**indices, name: dist.variable}, self.tokens[i].pos)
        return dist.sum_over(body, dist.variable), stop

    def sample_sum(self, i: int, hi: int, indices: Mapping[str, sp.Symbol],
                   kind: type = sp.Sum) -> tuple[sp.Basic, int] | None:
        r"""``\sum_i x_i``, ``\sum x_i``, with no distribution declared: the sum over a sample, ``i`` from 1 to the
        upper limit of the formula's first ``\sum_{i=1}^{N}`` (else ``n``).  Without a written index it is the
        one letter the body puts under a ``_``; ``None`` when there is none or several."""
        if self.by_key:
            return None
        under = self._next(i + 1, hi)
        if self._at(under, hi) == "^":
            return None
        left_out = None  # \sum_{i \neq k}: every term but the k-th
        if self._at(under, hi) == "_":
            script = self._next(under + 1, hi)
            name = self._key(script + 1, self.partner[script]) if script in self.partner else self._at(script, hi)
            start = self.partner.get(script, script) + 1
            parts = self._split(script + 1, self.partner[script], {r"\neq", r"\ne"}) if script in self.partner else []
            if len(parts) == 2 and kind is sp.Sum:
                name, left_out = self._key(*parts[0]), self.expression(*parts[1], indices)
        else:
            start = under
            end = self._term_end(start, hi)
            found = {self._subscript_letter(k, end) for k in range(start, end)
                     if self.tokens[k].text == "_" and _after_space_back(self.tokens, k) not in (r"\sum", r"\prod")}
            found = {f for f in found if len(f) == 1 and f.isalpha() and f.islower() and f not in indices}
            if len(found) != 1:
                raise ParseError(f"the {_WORD[kind]} at offset {self.tokens[i].pos} has no limits and no one index "
                                 rf"under its terms (x_i): write {_HEAD[kind]}_{{i=1}}^{{n}}")
            (name,) = found
        if len(name) != 1 or name not in string.ascii_letters:
            return None
        size = _SAMPLE_SIZE.search(self.source)
        top = sp.Symbol(size.group(1).lstrip("\\")) if size else sp.Symbol("n")
        variable = sp.Symbol(name)
        body, stop = self.body(start, hi, {**indices, name: variable}, self.tokens[i].pos)
        if left_out is not None:
            return kind(body, (variable, 1, top)) - body.xreplace({variable: left_out}), stop
        return kind(body, (variable, 1, top)), stop

    def _subscript_letter(self, k: int, hi: int) -> str:
        """What the ``_`` at token ``k`` puts below: ``x_i`` and ``x_{i}`` alike give ``i``."""
        found = self._under(k - 1, hi)
        return self._key(*found[:2]) if found else ""

    def _under(self, i: int, hi: int) -> tuple[int, int, int] | None:
        """The subscript right after token ``i`` (``\\log_{b}``, ``\\sum_x``): its tokens ``lo:top`` (a group's
        inside, or one token) and the token after it; ``None`` without one."""
        under = self._next(i + 1, hi)
        script = self._next(under + 1, hi)
        if self._at(under, hi) != "_" or script >= hi:
            return None
        if script in self.partner:
            return script + 1, self.partner[script], self.partner[script] + 1
        return script, script + 1, script + 1

    def expectation(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int]:
        r"""``\mathbb{E}_{x \sim P}[body]`` or ``\mathbb{E}_{P}[body]``: the sum or integral of ``P(x) body``.

        Inside the brackets the variable as written, in either case (``x``,
        ``X``), is ``P``'s own (``x`` for a density, ``i`` for outcomes).
        """
        pos = self.tokens[i].pos
        form = r"\mathbb{E}_{x \sim P}\left[...\right]"
        under = self._next(i + 1, hi)
        script = self._next(under + 1, hi)
        inside = self._written_inside(under, hi) if len(self.by_key) > 1 else None
        if inside is not None:  # \mathbb{E}[|X - \mu|] among several: X's, the one named inside
            dist, written, opening = self.by_key[inside], inside, under
        elif self._at(under, hi) in ("[", "(") and (one := self._the_one()) is not None:  # \mathbb{E}[X]
            dist, written, opening = one, "x", under
        elif self._at(under, hi) != "_" or script >= hi:
            raise ParseError(f"the expectation at offset {pos} must name its distribution: {form}")
        else:
            lo, top = (script + 1, self.partner[script]) if script in self.partner else (script, script + 1)
            parts = self._split(lo, top, {r"\sim"})
            dist = self._dist(*parts[-1])
            written = self._key(*parts[0]) if len(parts) == 2 else dist.variable.name
            opening = self._next(self.partner.get(script, script) + 1, hi)
        if len(written) != 1 or written not in string.ascii_letters or self._at(opening, hi) not in ("[", "(") or \
                self._at(under, hi) == "_" and len(self._split(lo, top, {r"\sim"})) > 2:
            raise ParseError(f"the expectation at offset {pos} must be written {form}")
        if self.sums >= MAX_CHAIN:
            raise ParseError(f"sums and integrals nested more than {MAX_CHAIN} deep at offset {pos}")
        self.sums += 1
        try:
            bound = {written.lower(): dist.variable, written.upper(): dist.variable}
            body = self.expression(opening + 1, self.partner[opening], {**indices, **bound})
        finally:
            self.sums -= 1
        return dist.sum_over(mul(Prob(dist, dist.variable), body), dist.variable), self.partner[opening] + 1

    def _the_one(self) -> Distribution | None:
        """The distribution an expectation or variance without a subscript is under: the only one declared, or
        among several the only one this formula applies (``\\int x^2 P(x) dx = E(x^2)`` beside a declared ``Q``)."""
        if len(self.by_key) == 1:
            return next(iter(self.by_key.values()))
        applied = {id(dist): dist for head, dist in self.names for k in range(len(self.tokens))
                   if self._call(k, len(self.tokens), head) is not None}
        return next(iter(applied.values())) if len(applied) == 1 else None

    def _written_inside(self, opening: int, hi: int) -> str | None:
        """The one declared distribution's name (``X``) written as a variable inside the brackets at ``opening``."""
        if self._at(opening, hi) not in ("[", "(") or opening not in self.partner:
            return None
        named = {t.text for t in self.tokens[opening + 1:self.partner[opening]]
                 if len(t.text) == 1 and t.text.isupper() and t.text in self.by_key}
        return named.pop() if len(named) == 1 else None

    def variance(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int]:
        r"""``\mathrm{Var}(X)`` (``V(x)``, ``\operatorname{Var}[X]``) under the one declared distribution:
        ``E[x^2] - E[x]^2``, each the sum or integral of ``P(x)`` times the power of its variable."""
        dist = self._the_one()
        opening = self._next(i + 1, hi)
        written = self._key(opening + 1, self.partner[opening])
        if len(written) != 1 or written not in string.ascii_letters:
            raise ParseError(f"the variance at offset {self.tokens[i].pos} is read of the variable only: "
                             r"\mathrm{Var}(X)")
        x = dist.variable  # E[x^2] - E[x]^2: no integral inside another's body
        square, mean = (dist.sum_over(mul(Prob(dist, x), x**k), x) for k in (2, 1))
        return square - mean**2, self.partner[opening] + 1

    def _written_expectation(self, i: int, hi: int) -> bool:
        """A plain ``E`` at token ``i`` that opens an expectation: ``E[X]``, ``E_{p}[...]``, ``E_{x \\sim p}(...)``."""
        after = self._next(i + 1, hi)
        if self._at(after, hi) == "[" or self._at(after, hi) == "(" and self._the_one() is not None:  # E(x^2)
            return True
        script = self._next(after + 1, hi)
        if self._at(after, hi) != "_" or script >= hi:
            return False
        return self._at(self._next(self.partner.get(script, script) + 1, hi), hi) == "["

    def body(self, lo: int, hi: int, indices: Mapping[str, sp.Symbol], pos: int, what: str = "sum",
             end: int | None = None) -> tuple[sp.Basic, int]:
        """The body of the sum (or the integral, up to ``end``) at ``pos`` from token ``lo``, and the token after it."""
        end = self._term_end(lo, hi) if end is None else end
        if not self._key(lo, end):
            raise ParseError(f"the {what} at offset {pos} has no body")
        if self.sums >= MAX_CHAIN:
            raise ParseError(f"sums and integrals nested more than {MAX_CHAIN} deep at offset {pos}")
        self.sums += 1
        try:
            return self.expression(lo, end, indices), end
        finally:
            self.sums -= 1

    def underbrace(self, i: int, hi: int, indices: Mapping[str, sp.Symbol], out: _Out) -> int:
        r"""``\underbrace{X}_{label}`` written as ``(X)``; returns the token after the label."""
        pos = self.tokens[i].pos
        group = self._next(i + 1, hi)
        if group >= hi or self.tokens[group].text != "{":
            raise ParseError(rf"\underbrace at offset {pos} must be followed by {{...}}")
        close = self.partner[group]
        out.add(" (", pos)
        self.rewrite(group + 1, close, indices, out)
        out.add(") ", self.tokens[close].pos)
        under = self._next(close + 1, hi)
        if under >= hi or self.tokens[under].text != "_":
            return close + 1
        label = self._next(under + 1, hi)
        if label >= hi:
            raise ParseError(rf"the \underbrace at offset {pos} has a '_' but no label")
        return self.partner.get(label, label) + 1

    # -- small forms the parser would misread ----------------------------------
    def subscripted(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        """``x_1``, ``x_{10}``, ``\\alpha_1``: one symbol (the grammar's fast mode fails on these).

        When ``p`` is a distribution's indexed parameter, ``p_{i}`` is ``p[i]``.
        """
        base = self.tokens[i].text
        if not self._is_symbol(base):
            return None
        under = self._next(i + 1, hi)
        sub = self._next(under + 1, hi)
        if under >= hi or self.tokens[under].text != "_" or sub >= hi:
            return None
        if self.tokens[sub].text == "{":
            close = self.partner[sub]
            label, end = self._key(sub + 1, close), close + 1
            inner = self._next(sub + 1, close)
            word = _subscript_word(self.tokens, inner) if self._next(inner + 1, close) >= close else None
            label = word or label
        else:
            label, end = self.tokens[sub].text, sub + 1
        if not label or not label.isalnum() or not label.isascii():
            return None
        if base in self.bases:
            index = indices.get(label) or (sp.Integer(int(label)) if label.isdigit() else sp.Symbol(label))
            return self.bases[base][self.parameters.get(index, index)], end
        family = self.families.get(base.lstrip("\\")) if label in indices else None
        if family is not None and (entry := entry_of(base.lstrip("\\"), family)) is not None:
            return entry(indices[label]), end  # p_i over a bound i, P = (p_1, p_2, p_3)
        if label in indices and isinstance(indices[label], sp.Symbol) and base not in self.printed:
            return sp.IndexedBase(_symbol_name(base))[indices[label]], end  # x_i in a sum over i: the i-th x
        symbol = sp.Symbol(_symbol_name(base) + (f"_{label}" if len(label) == 1 else f"_{{{label}}}"))
        return self.printed.get(_key_of(f"{base}_{{{label}}}")) or self.parameters.get(symbol, symbol), end

    def application(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        """``f(x)``, ``g(x + 1)``, ``h(x, y)``, ``f_1(x)``: an undefined function applied, when ``f`` is no number.

        ``None`` (a product, ``p (1 - p)``) when the name is declared a number: a
        distribution's parameter or variable, a bound index, a symbol given to
        :func:`parse_latex`, ``\\lambda``, ``e``, ``\\pi``.  An undeclared name that the
        formula also uses alone (``x(1 - x)``) is ambiguous: an error.
        """
        found = self._name(i, hi)
        if found is None or _after_space_back(self.tokens, i) in ("_", "^"):  # \\log_b(x): b is the base; p^k (1-p):
            return None  # a one-token exponent, then a factor
        key, name, after = found
        opening = self._next(after, hi)
        if self._at(opening, hi) != "(" or self._is_number(key, name, indices):
            return None
        close = self.partner[opening]
        if key in self.alone:
            call = self._fragment(self.tokens[i].pos, self._offset(close + 1))[1:-1]
            raise ParseError(f"ambiguous {call} at offset {self.tokens[i].pos}: a function {key} or a product? "
                             f"{key} also stands alone in this formula; write {key} \\cdot (...) for a product, "
                             f"or declare {key} a number (an assumption such as 0 < {key} < 1)")
        parts = self._split(opening + 1, close, {","})
        if any(self._next(a, b) >= b for a, b in parts):
            raise ParseError(f"{self._fragment(self.tokens[i].pos, self._offset(close + 1))} at offset "
                             f"{self.tokens[i].pos} has an empty argument")
        return sp.Function(name)(*(self.expression(a, b, indices) for a, b in parts)), close + 1

    def _name(self, i: int, hi: int) -> tuple[str, str, int] | None:
        """A letter or greek letter at token ``i``, perhaps with a subscript: its key (``f_1``, ``\\phi``), the
        symbol's name (``f_1``, ``phi``) and the token after it; ``None`` for anything else."""
        base = self.tokens[i].text
        if not (self._is_symbol(base) or base in ("I", r"\gamma", r"\Gamma")):
            return None
        under = self._next(i + 1, hi)
        if self._at(under, hi) != "_":
            return base, _symbol_name(base), i + 1
        sub = self._next(under + 1, hi)
        label, end = (self._key(sub + 1, self.partner[sub]), self.partner[sub] + 1) if self._at(sub, hi) == "{" \
            else (self._at(sub, hi), sub + 1)
        if not label or not label.isalnum() or not label.isascii():
            return None
        name = base.lstrip("\\") + (f"_{label}" if len(label) == 1 else f"_{{{label}}}")
        return _key_of(f"{base}_{{{label}}}"), name, end

    def _is_number(self, key: str, name: str, indices: Mapping[str, sp.Symbol]) -> bool:
        """The name stands for a number here: declared by a distribution, an index, a given symbol, or a constant."""
        base = key.split("_", 1)[0]
        return key in indices or key in self.variables or key in self.printed or key in ("e", r"\pi") or \
            sp.Symbol(name) in self.parameters or (base in self.bases and "_" in key) or \
            (base in self.bases and key == base) or decorated_name(base) is not None or \
            ("_" in key and base in self.summed_bases)  # \bar x(1 - p), y_k (1 - p_k) beside \sum_i y_i: products

    @functools.cached_property
    def summed_bases(self) -> frozenset[str]:
        """The names this formula sums over by their subscript (``y`` of ``\\sum_i y_i``): ``y_k`` is an entry."""
        indices = set(_SUM_INDEX.findall(self.source))
        return frozenset(b for b, i in _SUBSCRIPTED.findall(self.source) if i in indices)

    @functools.cached_property
    def alone_counts(self) -> collections.Counter[str]:
        """How often the source uses each name (a key, as :meth:`_name` gives it) without ``(`` after it."""
        out: collections.Counter[str] = collections.Counter()
        n = len(self.tokens)
        for k in range(n):
            if _after_space_back(self.tokens, k) == "_":
                continue  # a subscript's label, part of another name
            found = self._name(k, n)
            if found is not None and self._at(self._next(found[2], n), n) != "(":
                out[found[0]] += 1
        return out

    @property
    def alone(self) -> frozenset[str]:
        """The names the source uses without ``(`` after them."""
        return frozenset(self.alone_counts)

    def integer_fraction(self, i: int, hi: int) -> tuple[sp.Rational, int] | None:
        r"""``\frac{1}{2}`` as a Rational placeholder, so that ``2 \frac{1}{2}`` is not read as a mixed number."""
        if self.tokens[i].text != r"\frac":
            return None
        numerator = self._next(i + 1, hi)
        if numerator >= hi or self.tokens[numerator].text != "{":
            return None
        denominator = self._next(self.partner[numerator] + 1, hi)
        if denominator >= hi or self.tokens[denominator].text != "{":
            return None
        top = self._key(numerator + 1, self.partner[numerator])
        bottom = self._key(denominator + 1, self.partner[denominator])
        if not (top.isdigit() and bottom.isdigit() and top.isascii() and bottom.isascii()) or int(bottom) == 0:
            return None
        return sp.Rational(int(top), int(bottom)), self.partner[denominator] + 1

    # -- helpers ----------------------------------------------------------------
    @staticmethod
    def _is_symbol(text: str) -> bool:
        """A letter, a greek letter, ``\\ell`` or a decorated one (``\\hat{x}``): one symbol."""
        return (len(text) == 1 and text in string.ascii_letters) or text in _GREEK or text == r"\ell" or \
            decorated_name(text) is not None

    def _at(self, i: int, hi: int) -> str:
        """The text of token ``i``, or ``""`` at or past ``hi``."""
        return self.tokens[i].text if i < hi else ""

    def _next(self, i: int, hi: int) -> int:
        """The first token at or after ``i`` that is not a space (``hi`` if none)."""
        while i < hi and self.tokens[i].text == " ":
            i += 1
        return i

    def _call(self, i: int, hi: int, head: tuple[str, ...], brackets: bool = False) -> tuple[int, int] | None:
        """The tokens from ``i`` spell ``head`` followed by ``(`` (or ``[`` with ``brackets``): the pair, else
        ``None``."""
        k = i
        for part in head:
            k = self._next(k, hi) if k > i else k
            if k >= hi or self.tokens[k].text != part:
                return None
            k += 1
        k = self._next(k, hi)
        if k >= hi or self.tokens[k].text not in (("(", "[") if brackets else ("(",)) or self.partner[k] >= hi:
            return None
        return k, self.partner[k]

    def _split(self, lo: int, hi: int, separators: Set[str], double_bar: bool = False) -> list[tuple[int, int]]:
        """Token ranges between separators at bracket depth 0; with ``double_bar``, ``||`` separates too."""
        parts, start, k = [], lo, lo
        while k < hi:
            if k in self.partner:
                k = self.partner[k] + 1
                continue
            bars = double_bar and self.tokens[k].text == "|" and k + 1 < hi and self.tokens[k + 1].text == "|"
            if self.tokens[k].text in separators or bars:
                parts.append((start, k))
                k += 2 if bars else 1
                start = k
            else:
                k += 1
        parts.append((start, hi))
        return parts

    def _term_end(self, lo: int, hi: int) -> int:
        """Where the signed product starting at ``lo`` ends: a summand, or a sum's body (module docstring)."""
        k = self._next(lo, hi)
        if self._at(k, hi) in ("+", "-"):
            k += 1
        while k < hi:
            text = self.tokens[k].text
            if k in self.partner:
                k = self.partner[k] + 1
            elif text in _CLOSERS or text in _TERM_STOPS:
                return k
            elif text in ("^", "_"):
                k = self._next(k + 1, hi)
                k += 1 if self._at(k, hi) in ("+", "-") else 0
            elif text == "|":  # |x - 1|: an absolute value is one factor, whatever signs it holds
                k = self._bar_close(k, hi) + 1
            elif text == r"\int" and k in self.integrals:  # up to its differential, whatever the body holds
                k = self.integrals[k][1] + 1
            elif text == r"\frac" and (head := self.derivative_head(k, hi)) is not None:
                k = self._next(head.end, hi)  # a derivative's operand, whose leading sign belongs to it
                k += 1 if self._at(k, hi) in ("+", "-") and head.operand is None else 0
            elif text in BIG_OPERATORS:  # its scripts, then its body, whose leading sign belongs to it
                k = self._next(k + 1, hi)
                while self._at(k, hi) in ("_", "^"):
                    script = self._next(k + 1, hi)
                    k = self._next(self.partner.get(script, script) + 1, hi)
                k += 1 if self._at(k, hi) in ("+", "-") else 0
            else:
                k += 1
        return hi

    def _bar_close(self, k: int, hi: int) -> int:
        """The ``|`` that closes the absolute value opened at token ``k`` (brackets skipped), or ``k`` if none."""
        j = k + 1
        while j < hi:
            if j in self.partner:
                j = self.partner[j] + 1
            elif self.tokens[j].text == "|":
                return j
            elif self.tokens[j].text in _CLOSERS:
                return k
            else:
                j += 1
        return k

    def _summands(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The signed summands of tokens ``lo:hi``; the whole range if anything else stands between them."""
        parts, start = [], lo
        while self._next(start, hi) < hi:
            end = self._term_end(start, hi)
            if end < hi and self.tokens[end].text not in ("+", "-"):
                return [(lo, hi)]
            parts.append((start, end))
            start = end
        return parts or [(lo, hi)]

    def _key(self, lo: int, hi: int) -> str:
        return _key_of("".join(t.text for t in self.tokens[lo:hi]))

    def _dist(self, lo: int, hi: int) -> Distribution:
        """The distribution named by tokens ``lo:hi``; ``p`` names ``P`` (its density or mass) when no ``p`` is
        declared: ``D(p \\| q)``, ``\\mathbb{E}_p[...]``."""
        key, pos = self._key(lo, hi), self._offset(self._next(lo, hi))
        if key in self.lower:
            return self.lower[key]
        if key not in self.by_key:
            known = ", ".join(sorted(d.name for d in self.by_key.values())) or "none given"
            raise ParseError(f"unknown distribution name {key!r} at offset {pos} (known: {known})")
        return self.by_key[key]

    @staticmethod
    def _measure(cls: type, dists: list[Distribution], pos: int) -> sp.Basic:
        try:
            return cls(*dists)
        except DeriveError as exc:
            raise ParseError(f"at offset {pos}: {exc}") from None

    def _offset(self, i: int) -> int:
        return self.tokens[i].pos if i < len(self.tokens) else len(self.source)

    def _fragment(self, start: int, end: int) -> str:
        return _short(self.source[start:end].strip())


_MEMBER = re.compile(r"(\\?[A-Za-z]+)_\{?(\d+)\}?")  # p_1, p_{10}: a member of the family p


def _is_function_argument(key: str) -> bool:
    """A lower-case or greek name (``p``, ``x_1``, ``\\theta``): ``H(p)``, ``F(x)`` apply a function to it, while
    ``H(P)``, ``R(H)`` name a distribution or an outcome."""
    return key[:1].islower() or key.split("_")[0] in _GREEK


def _parameters(dist: Distribution) -> tuple[sp.Basic, ...]:
    try:
        return tuple(dist.params)
    except NotImplementedError:
        return ()


def _outcomes(dist: Distribution) -> tuple[Str, ...]:
    """The named outcomes of ``dist``; none for distributions without them (densities, symbolic sizes)."""
    try:
        return tuple(dist.outcomes)
    except NotImplementedError:
        return ()


def _short(text: str, limit: int = 40) -> str:
    return "'" + (text if len(text) <= limit else text[:limit - 3] + "...") + "'"
