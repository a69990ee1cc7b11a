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

import re
from collections.abc import Callable, Mapping, Sequence

import sympy as sp

from derive.core.terms import bottom_up
from derive.distributions.base import Distribution
from derive.distributions.measures import ANY_BASE, UNITS, Measure
from derive.parse.adapter import ParseError
from derive.parse.aggregates import sum_scopes
from derive.parse.bare import bracketed_expectations
from derive.parse.calculus import by_cases, operator_derivatives, piecewise_of, split_cases, system_of
from derive.parse.densities import densities_at
from derive.parse.lexer import tokenize, unbraced_bodies
from derive.parse.lexicon import PRIMED
from derive.parse.reader import Reader


MAX_LENGTH = 100_000


def parse_latex(tex: str, distributions: Sequence[Distribution] = (), units: str = "nats",
                symbols: Sequence[sp.Symbol] = (), masses: bool = False,
                supports: Mapping[str, str] | None = None, ranges: Mapping[str, str] | None = None,
                families: Sequence[str] = (), special: bool = True,
                greek: frozenset[str] | None = None) -> sp.Basic:
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
    they take their values in (``{"A": "X"}``); ``ranges`` the number of terms of a sum
written without limits (``\\sum_j x_j``) by its index, ``""`` for any index
(:func:`derive.parse.aggregates.sample_ranges`); ``families`` the letters besides ``p`` and ``q`` the
text writes pmfs or densities with (``g`` of ``g_\\theta(x \\mid z)``).  With ``special`` (the default)
``\\Gamma(a)`` is the gamma function and ``\\psi(a)`` the digamma function; without, functions a text names
so.  ``greek`` names the Greek letters the text writes as values of variables (``theta`` of ``p(\\theta \\mid D)``),
where any other is a model's parameter (``q(z \\mid \\theta)``, ``q_\\theta(z)``); ``None``: any.  Also a
    relation ``a \\geq b`` or a ``cases`` system (:mod:`derive.parse.calculus`).
    Raises :class:`ParseError` with a one-line message on anything it cannot read.
    """
    if units not in UNITS and units != "any":
        raise ParseError(f"units must be one of {', '.join(UNITS)}, any, got {units!r}")
    expr = _exact_decimals(_parse(tex, distributions, units, tuple(symbols), masses, dict(supports or {}),
                                  dict(ranges or {}), frozenset(families), greek), tex)
    expr = special_functions(expr) if special else expr
    expr = sum_scopes(expr) if expr.has(sp.Sum) else expr  # \sum_n a_n + b_n: b_n is in the sum
    expr = operator_derivatives(expr, PRIMED, symbols)  # (u/v)': in the formula's one variable
    if units == "nats":
        return expr
    base = UNITS.get(units, ANY_BASE)
    return bottom_up(expr, lambda e: type(e)(*e.dists, base=base) if isinstance(e, Measure) else e)


#: Functions written by their usual letter, applied to one argument: \Gamma(a), \psi(a) (Gamma and digamma).
SPECIAL = {"Gamma": sp.gamma, "psi": sp.digamma}


def special_functions(expr: sp.Basic) -> sp.Basic:
    """``expr`` with ``\\Gamma(a)`` the gamma function and ``\\psi(a)`` the digamma function (each read first as a
    function of no known meaning)."""
    found = {f for f in expr.atoms(sp.core.function.AppliedUndef) if f.func.__name__ in SPECIAL and len(f.args) == 1}
    return expr.xreplace({f: SPECIAL[f.func.__name__](f.args[0]) for f in found}) if found else expr


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
           supports: Mapping[str, str] | None = None, ranges: Mapping[str, str] | None = None,
           families: frozenset[str] = frozenset(), greek: frozenset[str] | None = None) -> sp.Basic:
    if not isinstance(tex, str):
        raise ParseError(f"expected a LaTeX string, got {type(tex).__name__}")
    if len(tex) > MAX_LENGTH:
        raise ParseError(f"input of {len(tex)} characters is longer than the limit of {MAX_LENGTH}")
    if not tex.strip():
        raise ParseError("empty input")
    rows = split_cases(tex)  # \begin{cases} a = b \\ c = d \end{cases}: a System, row by row
    if rows is not None:
        def read(row: str) -> sp.Basic:
            return _parse(row, distributions, units, symbols, masses, supports, ranges, families, greek)

        if by_cases(rows):  # a value & its condition: a function by cases
            return piecewise_of(rows, read)
        return system_of([row.replace("&", " ") for row in rows], read)
    tex = handwritten(tex)
    if masses:  # E \log p(X): the expectation of the logarithm that follows
        tex = bracketed_expectations(tex)
    tex = _transposes(tex)
    tex = _SUBSCRIPTED_PARTIAL.sub(lambda m: rf"\frac{{\partial}}{{\partial {m.group(1).strip('{}')}}}", tex)
    tex = _primed_at(_examples(tex))
    tokens, partner, integrals, left_dots = tokenize(unbraced_bodies(tex))
    try:
        reader = Reader(tex, tokens, partner, integrals, distributions, left_dots)
        reader.declare(symbols, units)
        reader.masses, reader.rv_units, reader.supports = masses, units, dict(supports or {})
        reader.ranges, reader.mass_letters, reader.greek_values = dict(ranges or {}), families, greek
        return reader.expression(0, len(tokens), {}, top=True)
    except RecursionError:
        raise ParseError("the expression is nested too deeply to read") from None


#: A transpose: ``^T``, ``^{T}``, ``^\top``, ``^{\intercal}``, ``^\mathsf{T}``, ``^{\mathrm{T}}``.
TRANSPOSE = re.compile(r"\^\s*(?:\{\s*(?:T|\\top|\\intercal|\\math(?:sf|rm)\s*\{\s*T\s*\}|\\math(?:sf|rm)\s*T)\s*\}"
                       r"|T|\\top|\\intercal|\\math(?:sf|rm)\s*\{\s*T\s*\})")
#: The letter ``T`` as a symbol of its own (``N - T``, ``P(T)``).
_LETTER_T = re.compile(r"(?<![\\A-Za-z])T(?![A-Za-z])")
_PLAIN_T = re.compile(r"\^\s*(?:T|\{\s*T\s*\})")
_NUMBER_BASE = re.compile(r"(?:(?<![\\A-Za-z])e|\d|\\pi)\s*$")


def uses_t(tex: str) -> bool:
    """``tex`` writes the letter ``T`` other than as a superscript ``^T`` (a count of tails, a horizon)."""
    return bool(_LETTER_T.search(TRANSPOSE.sub(" ", tex)))


def t_as_power(tex: str) -> str:
    """``tex`` with each ``^T`` / ``^{T}`` a power ``T`` (the text uses ``T`` as a number)."""
    return _PLAIN_T.sub("^{(T)}", tex)


def _transposes(tex: str) -> str:
    r"""``p^H (1-p)^T`` beside ``N - T``: a power, ``T`` a number the formula uses; any other transpose (``w^T x``,
    ``X^\top``) is refused: derive reads numbers, and matrix algebra read as numbers proves false things
    (``X^T Y = Y^T X``)."""
    found = next((m for m in TRANSPOSE.finditer(tex) if not _NUMBER_BASE.search(tex, 0, m.start())), None)
    if found is None:  # e^T, 2^{T}: a number is never transposed
        return t_as_power(tex)
    if uses_t(tex) and all(_PLAIN_T.fullmatch(m.group(0)) for m in TRANSPOSE.finditer(tex)):
        return t_as_power(tex)
    raise ParseError(f"a transpose at offset {found.start()}: derive reads numbers, not vectors or matrices "
                     "(if T is a number, write ^{(T)})")


#: A superscript written before its subscript, ``\mu^2_1``: swapped (same length) so the subscript names the symbol.
#: ``\sum_{k=0}^{k=n}``: an upper limit that names the index again (``k=``), dropped.
_TOP_NAMED = re.compile(r"(\\(?:sum|prod)(?:\\limits)?\s*_\s*\{\s*([A-Za-z])\s*=[^{}]*\}\s*\^\s*\{)\s*\2\s*=")
#: ``a \cdot -b``, ``a * -b``: a product by a negative factor, as written by hand.
_TIMES_MINUS = re.compile(r"(\\cdot|\\times|\*)\s*-(?!\s*[=)}\]])")
#: ``/2\sigma^2`` ending a term: the denominator is the number times the power, as in ``a/2b``.
_OVER_POWER = re.compile(r"/\s*(\d+\s*(?:\\[A-Za-z]+|[A-Za-z])(?:_\{[^{}]*\}|_\w)?\s*\^\s*(?:\{[^{}]*\}|\w))"
                         r"(?=\s*(?:[})+\-=,]|\\right|$))")
#: ``1/32 \log(1/32)``: a ratio of two numbers before a function is that number, never 1 over (32 log ...).
_NUMBER_RATIO = re.compile(r"(?<![\w.^_}])(\d+)\s*/\s*(\d+)\s*(?=\\(?:log|ln|exp|sin|cos|tan|sqrt)(?![A-Za-z]))")
#: ``e^-x``, ``10^-3``: TeX sets a lone minus up top; the writer means ``e^{-x}``.
_SIGNED_SCRIPT = re.compile(r"\^\s*-\s*(\d+|[A-Za-z](?![A-Za-z])|\\[A-Za-z]+)")
#: ``\pi{\sigma}^2``: a group after the number pi is a factor, never its argument.
_CONSTANT_GROUP = re.compile(r"\\pi(?![A-Za-z])\s*(?=\{)")
#: ``a {+} b``, ``e{\cdot}2``: an operator in braces (set as an ordinary symbol) is the operator.
_BRACED_OPERATOR = re.compile(r"(?<![\^_\\}])\{\s*([+\-]|\\cdot|\\times)\s*\}")
#: ``\sum_j^C``, ``\prod_{i}^{n}``: an index with a top but no bottom runs from 1 (``\sum_{j=1}^{C}``).
_FROM_ONE = re.compile(r"(\\(?:sum|prod)(?:\\limits)?\s*_\s*)(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))(?=\s*\^)")


#: ``\partial_\mu f``, ``\nabla_{\theta} J``: the derivative in that one variable, as ``\frac{\partial}{\partial \mu} f``.
_SUBSCRIPTED_PARTIAL = re.compile(r"\\(?:partial|nabla)\s*_\s*(\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z])")


#: ``x^{(i)}``, ``x_j^{(i)}``, ``\sigma_j^{(i)2}``: the i-th example (of a sample), never a power (what follows the
#: label is one); ``f^{(n)}(x)`` is left alone.
_EXAMPLE = re.compile(r"((?<![\\A-Za-z])[A-Za-z]|\\[A-Za-z]+)(?:_(\{[^{}]*\}|[A-Za-z0-9]))?\^\{\s*\(\s*([a-z0-9])\s*\)"
                      r"([^{}()]*)\}(?!\s*\()")
#: ``f^{(2)}(x)``: the second derivative of ``f`` at ``x``, as ``f''(x)`` (up to the third).
_NTH_DERIVATIVE = re.compile(r"((?<![\\A-Za-z])[A-Za-z])\^\{\s*\(\s*([1-3])\s*\)\s*\}(?=\s*\()")


#: ``g'(0)``, ``f''(2x)``: a derivative at a point (an argument that is not one variable).
_PRIMED_AT = re.compile(r"(?<![\\A-Za-z])([A-Za-z])('{1,3})\s*\(([^()]+)\)")
_ONE_VARIABLE = re.compile(r"\s*(?:[A-Za-z]|\\[A-Za-z]+)\s*")


def _primed_at(tex: str) -> str:
    r"""``tex`` with each ``g'(0)`` written ``\left.\frac{d}{d\varsigma} g(\varsigma)\right|_{\varsigma=0}``: the
    derivative of ``g`` evaluated there (``f'(x)`` at one variable is read as it is)."""
    def at(match: re.Match) -> str:
        name, primes, argument = match.groups()
        if _ONE_VARIABLE.fullmatch(argument) or r"\varsigma" in argument:
            return match.group()
        order = f"^{{{len(primes)}}}" if len(primes) > 1 else ""
        return (rf"\left.\frac{{d{order}}}{{d\varsigma{order}}} {name}(\varsigma)\right|_{{\varsigma={argument}}}")

    return _PRIMED_AT.sub(at, tex) if "'" in tex else tex


def _examples(tex: str) -> str:
    r"""``tex`` with each ``x^{(i)}`` written ``x_{i}`` and each ``x_j^{(i)}`` written ``x_{i j}`` (the j-th entry of
    the i-th example), so that a sum over ``i`` runs over them; ``\sigma^{(i)2}`` is ``\sigma_{i}^{2}``, and
    ``f^{(2)}(x)`` is ``f''(x)``."""
    def entry(match: re.Match) -> str:
        base, sub, index, power = match.groups()
        power = f"^{{{power.strip()}}}" if power.strip() else ""
        return f"{base}_{{{index}{' ' + sub.strip('{}') if sub else ''}}}{power}"

    if "^{(" not in tex.replace(" ", ""):
        return tex
    return _EXAMPLE.sub(entry, _NTH_DERIVATIVE.sub(lambda m: m.group(1) + "'" * int(m.group(2)), tex))


_SCRIPTS_SWAPPED = re.compile(r"(\^(?:\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9]))(_(?:\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9]))")


def _braced(script: str) -> str:
    r"""``^\infty`` as ``^{\infty}``: a script moved before letters it was not written before keeps only itself."""
    return script if script[1] == "{" else f"{script[0]}{{{script[1:]}}}"


#: ``\lg x``: the binary logarithm (Knuth's, and information theory's), ``\log_2 x``.
_BINARY_LOG = re.compile(r"\\lg(?![A-Za-z])")
#: ``{\cal H}``, ``\cal H``: plain TeX's calligraphic letter, ``\mathcal{H}``.
_OLD_CALLIGRAPHIC = re.compile(r"\{\s*\\cal\s*([A-Za-z])\s*\}|\\cal\s*([A-Za-z])(?![A-Za-z])")
#: Decorations written over one letter (``\hat y``, ``\bar{x}``).
_DECORATION = r"(?:hat|bar|tilde|widehat|widetilde|overline|dot|ddot|check|breve|vec)"
#: ``\hat y_i``, ``\bar x_{k}``: the decoration is on the letter, the subscript on the decorated name.
_DECORATED_SUBSCRIPT = re.compile(rf"\\({_DECORATION})\s+([A-Za-z](?![A-Za-z])|\\[A-Za-z]+)(?=\s*_)")

#: ``\hat{y_i}``, ``\bar{x_{k}}``: the decorated letter with its subscript inside the braces, ``\hat{y}_i``.
_SUBSCRIPT_INSIDE = re.compile(rf"\\({_DECORATION})\s*\{{\s*([A-Za-z]|\\[A-Za-z]+)\s*_\s*"
                               r"(\{[^{}]*\}|[A-Za-z0-9])\s*\}")
#: ``u_1'``, ``m_2^{'}``: a primed name with a subscript (a raw moment ``\mu'_1``), the prime on the letter; a
#: subscripted function primed before its argument (``f_1'(x)``) is left alone.
_PRIMED_SUBSCRIPT = re.compile(r"((?<![\\A-Za-z])[A-Za-z]|\\[A-Za-z]+)_(\{[^{}]*\}|[A-Za-z0-9])\s*"
                               r"(?:\^\{\s*('+)\s*\}|('+))(?!\s*\()")
#: ``Loss``, ``LSR``, ``NLL``: a word typed in italics (a capital and two more letters, or three capitals) names one
#: quantity, as ``\mathrm{Loss}`` does, never a product of its letters; a word applied (``Cost(h, y)``), a subscript
#: (``\theta_{MLE}``) and the argument of a command (``\text{Loss}``) are left as they are.
_ITALIC_WORD = re.compile(r"(?<![\\A-Za-z])([A-Z][a-z]{2,}|[A-Z]{3,})(?![A-Za-z])(?!\s*(?:\(|\[|\\left|\\big|\\Big))")
_IN_COMMAND = re.compile(r"(?:[_^]|\\(?:text[a-z]*|math(?:rm|bf|it|sf|tt|cal|bb|frak)|operatorname\*?|mbox|label|tag|"
                         rf"ref|eqref|begin|end|color|textcolor|boldsymbol|bm|{_DECORATION}))\s*\{{[^{{}}]*\Z")


def _italic_word(match: re.Match) -> str:
    before = match.string[:match.start()]
    return match.group() if _IN_COMMAND.search(before) or before.rstrip().endswith(("_", "^")) else \
        rf"\mathrm{{{match.group()}}}"


#: What people write by hand, and what they mean, in the order it is rewritten.
#: ``\ast`` between factors: times (an asterisk typed as a command).
_ASTERISK = re.compile(r"\\ast(?![A-Za-z])")
#: ``\operatorname { Beta }``: a name set upright, with spaces inside its braces.
_SPACED_NAME = re.compile(r"\\(operatorname|mathrm|text|textrm|mathit)\s*\{\s+([A-Za-z]+)\s*\}|"
                          r"\\(operatorname|mathrm|text|textrm|mathit)\s*\{([A-Za-z]+)\s+\}")
#: ``f^{\prime}(y)``, ``f^\prime``, ``f^{\prime\prime}``: primes typed as commands.
_PRIME_COMMANDS = re.compile(r"\^\s*\{\s*((?:\\prime\s*)+)\}|\^\s*(\\prime)(?![A-Za-z])")
#: ``\mathbb{x}``, ``\mathbb{\theta}``, ``\mathbb{\hat{y}_i}``: a lower-case letter in blackboard bold, which has
#: none, is the bold of a vector (capitals keep it: ``\mathbb{E}``, ``\mathbb{R}``).
_LOWER_BLACKBOARD = re.compile(r"\\mathbb\s*\{\s*((?:\\(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|"
                               r"vartheta|iota|kappa|lambda|mu|nu|xi|pi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|"
                               r"omega)|[a-z])(?![A-Za-z]))\s*\}")
_DECORATED_BLACKBOARD = re.compile(r"\\mathbb\s*\{\s*(\\(?:hat|bar|tilde)\s*(?:\{\s*[a-z]\s*\}|[a-z])"
                                   r"(?:_(?:\{\w+\}|\w))?)\s*\}")
#: ``\sum_{x \in X}^{}``: an empty script, which sets nothing.
_EMPTY_SCRIPT = re.compile(r"(?<!\\)[_^]\s*\{\s*\}")
#: ``\ell '(\theta)``: a prime set apart from its letter by a space, as some editors write it.
_SPACED_PRIME = re.compile(r"((?<![\\A-Za-z])[A-Za-z]|\\[A-Za-z]+|\})[ \t]+(?=')")
#: ``\frac{\partial}{o_k}``: a partial derivative whose variable lost its ``\partial``; one name below.
_BARE_PARTIAL = re.compile(r"(\\[dt]?frac\s*\{\s*\\partial\s*\}\s*\{\s*)(?!\\partial)((?:\\[A-Za-z]+|[A-Za-z])"
                           r"(?:_\{?[A-Za-z0-9]+\}?)?\s*\})")
#: ``\sin^{-1}(x)``: the inverse function (arcsine), as without the brackets, never ``1/\sin(x)``.
_INVERSE_TRIG = re.compile(r"(\\(?:sin|cos|tan|sinh|cosh|tanh)\s*\^\s*(?:\{\s*-\s*1\s*\}|-\s*1))\s*"
                           r"((?:\\left\s*)?\((?:[^()]|\([^()]*\))*(?:\\right\s*)?\))")
#: ``\mathop{\mathbb{E}}``, ``\mathop{\text{JSD}}``: spacing as an operator, the same name.
_MATHOP = re.compile(r"\\mathop\s*\{((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)\}")
#: ``1\{k = i\}``, ``\mathbb{1}_{k=i}``, ``\mathbf{1}[k = i]``: the indicator that two indices are equal, the
#: Kronecker delta ``\delta_{k i}``.
_INDEX = r"\s*([a-z])\s*"
_INDICATOR = re.compile(r"(?:(?<![\w.\\])1\s*(?:\\left\s*)?\\\{" + _INDEX + "=" + _INDEX + r"(?:\\right\s*)?\\\}"
                        r"|\\(?:mathbb|mathbf|mathds|mathbbm)\s*\{\s*[1I]\s*\}\s*(?:_\s*\{|(?:\\left\s*)?\\\{|\[)"
                        + _INDEX + "=" + _INDEX + r"(?:\}|(?:\\right\s*)?\\\}|\]))")
#: ``\mathbb{D}_{\mathrm{KL}}``: the divergence's letter in another font, the same divergence.
_FONT_KL = re.compile(r"\\(?:mathbb|mathcal|mathrm|mathfrak)\s*\{\s*D\s*\}"
                      r"(?=\s*_\s*\{?\s*(?:\\(?:mathrm|text|operatorname)\s*\{\s*)?KL(?![A-Za-z]))")
#: ``\frac{\delta E}{\delta o_j}``: a rate written with deltas (a variation, an error signal), the derivative; never
#: a fraction whose letter delta cancels (``\delta_{ij}``, the Kronecker delta, has a subscript and is not read so).
_DELTA = r"\\delta(?![A-Za-z_^])\s*"
_DELTA_RATE = re.compile(r"(\\[dt]?frac\s*\{\s*)" + _DELTA + r"((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}\s*\{\s*)"
                         + _DELTA + r"(?=[^}\s])")
#: ``\int_{\mathbb{R}}``, ``\int_{x \in \mathbb{R}}``: over the whole real line.
_OVER_REALS = re.compile(r"(\\[io]?int)\s*_\s*(?:\{\s*(?:[A-Za-z]\s*\\in\s*)?\\mathbb\s*(?:\{\s*R\s*\}|R)\s*\}"
                         r"|\\mathbb\s*(?:\{\s*R\s*\}|R))")
#: One name, as a gradient's subscript or a function's argument: ``w``, ``\theta``, ``w_j``, ``\mathbf{w}``.
_ONE_NAME = (r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*(?:\\[A-Za-z]+|[A-Za-z])\s*\}|\\[A-Za-z]+|[A-Za-z])"
             r"(?:_\{?[A-Za-z0-9]+\}?)?")
#: ``\nabla_\theta f``, ``\nabla^2_{w} f``: the gradient (the Hessian) in one variable, its (second) derivative.
_NABLA_IN = re.compile(r"\\nabla\s*(?:\^\s*\{?\s*2\s*\}?\s*)?_\s*(\{\s*" + _ONE_NAME + r"\s*\}|"
                       + _ONE_NAME + r")")
#: ``\nabla l(\theta)``: the gradient of a function of one variable, in that variable.
_NABLA_OF = re.compile(r"\\nabla\s*((?:\\ell|[A-Za-z])(?:_\{?[A-Za-z0-9]+\}?)?\s*(?:\\left\s*)?\(\s*(" + _ONE_NAME
                       + r")\s*(?:\\right\s*)?\))")


def _gradient(match: re.Match) -> str:
    """A gradient as ``\\frac{\\partial}{\\partial v}``; under ``\\nabla^2``, ``\\frac{\\partial^2}{\\partial v^2}``."""
    name = match.group(1).strip()
    name = name[1:-1].strip() if name.startswith("{") else name
    if re.match(r"\\nabla\s*\^", match.group(0)):
        return rf"\frac{{\partial^{{2}}}}{{\partial {{{name}}}^{{2}}}} "
    return rf"\frac{{\partial}}{{\partial {name}}} "


#: ``2{(3)}``, ``2 {\left(x\right)}``: a number, then a group: the product TeX shows (never a mixed number, 2 + 3).
_NUMBER_GROUP = re.compile(r"(?<![\^_\\A-Za-z\d.])(\d+)\s*(?=\{\s*[^\d\s},.])")
#: ``y_ilog(z_i)``: TeX subscripts one character, then the word of a function written without its backslash.
_SCRIPT_WORD = re.compile(r"(?<=_)([A-Za-z0-9])(log|ln|exp)(?=\s*[({\\]|\s)")
#: ``{\rm d}x``, ``{\rm Beta}(a, b)``, ``{\bf x}``, ``{\cal N}``: plain TeX's font switches, LaTeX's fonts.
_FONT_SWITCH = re.compile(r"\{\s*\\(rm|bf|cal)(?![A-Za-z])\s*([^{}]*?)\s*\}|\\(rm|bf|cal)\s*(?=\{)")
_FONTS = {"rm": r"\mathrm", "bf": r"\mathbf", "cal": r"\mathcal"}


def _font(match: re.Match) -> str:
    """``{\\rm d}`` as ``\\mathrm{d}``; ``\\rm{KL}`` as ``\\mathrm{KL}``."""
    if match.group(1):
        return f"{_FONTS[match.group(1)]}{{{match.group(2)}}}"
    return _FONTS[match.group(3)]


#: ``\mathbb{P}(X = 1)``, ``\Pr(X = 1)``: the probability of an event, written ``P(X = 1)``.
_PROBABILITY = re.compile(r"(?:\\mathbb\s*(?:\{\s*P\s*\}|P(?![A-Za-z]))|\\Pr(?![A-Za-z]))(?=\s*(?:\\left\s*)?\()")
HANDWRITTEN: tuple[tuple[re.Pattern, str | Callable[[re.Match], str]], ...] = (
    (_FONT_SWITCH, _font),  # {\rm d}x: \mathrm{d}x
    (_PROBABILITY, "P"),  # \mathbb{P}(X = 1), \Pr(X = 1): P(X = 1)
    (_FONT_KL, "D"),  # \mathbb{D}_{KL}: D_{KL}
    (_INDICATOR, lambda m: rf"\delta_{{{m.group(1) or m.group(3)} {m.group(2) or m.group(4)}}}"),  # 1\{k = i\}
    (_EMPTY_SCRIPT, ""),  # \sum_{x}^{} body: no upper limit written
    (_SPACED_PRIME, r"\1"),  # \ell '(\theta): \ell'(\theta)
    (_INVERSE_TRIG, r"\1{\2}"),  # \sin^{-1}(x): the arcsine of x
    (_MATHOP, r" \1 "),  # \mathop{\mathbb{E}}: \mathbb{E}
    (_SCRIPT_WORD, r"{\1} \\\2 "),  # y_ilog(z_i): y_i \log(z_i)
    (_NUMBER_GROUP, r"\1 \\cdot "),  # 2{(3)}: 2 times (3)
    (_NABLA_IN, _gradient),  # \nabla_\theta f: the derivative in theta
    (_NABLA_OF, r"\\frac{\\partial}{\\partial \2} \1"),  # \nabla l(\theta): the derivative of l in theta
    (_OVER_REALS, r"\1_{-\\infty}^{\\infty}"),  # \int_{\mathbb{R}}: from -infinity to infinity
    (_DELTA_RATE, r"\1\\partial \2\\partial "),  # \frac{\delta E}{\delta o}: \frac{\partial E}{\partial o}
    (_BARE_PARTIAL, r"\1\\partial \2"),  # \frac{\partial}{o_k}: \frac{\partial}{\partial o_k}
    (_ASTERISK, r" \\cdot "),  # \frac{1}{n} \ast n\mu: times
    (_LOWER_BLACKBOARD, r"\\mathbf{\1}"),  # \mathbb{x}: the vector x
    (_DECORATED_BLACKBOARD, r"\1"),  # \mathbb{\hat{y}_i}: \hat{y}_i
    (_SPACED_NAME, lambda m: rf"\{m.group(1) or m.group(3)}{{{m.group(2) or m.group(4)}}}"),  # \mathrm { KL }
    (_PRIME_COMMANDS, lambda m: "'" * (m.group(1) or m.group(2)).count(r"\prime")),  # f^{\prime\prime}: f''
    (_SCRIPTS_SWAPPED, lambda m: _braced(m.group(2)) + _braced(m.group(1))),  # \mu^2_1: the subscript names it
    (_TOP_NAMED, r"\1"),  # \sum_{k=0}^{k=n}: the top is n
    (_FROM_ONE, lambda m: f"{m.group(1)}{{{m.group(2) or m.group(3)}=1}}"),  # \sum_j^C: from j = 1
    (_SIGNED_SCRIPT, r"^{-\1}"),  # e^-x: a superscript of a lone minus is meant with what follows
    (_TIMES_MINUS, r"\1 (-1) \1 "),  # k \cdot -\frac{1}{k}: times minus the next factor
    (_OVER_POWER, r"/{\1}"),  # (x - \mu)^2/2\sigma^2: over 2 sigma^2, as a/2b is over 2b
    (_NUMBER_RATIO, r"\\frac{\1}{\2} "),  # 1/32 \log(1/32): the number 1/32 times the logarithm
    (_CONSTANT_GROUP, r"\\pi \\cdot "),  # \pi{\sigma}^2: pi times the group
    (_BRACED_OPERATOR, r" \1 "),  # a {+} b: plus
    (_BINARY_LOG, r"\\log_2 "),  # \lg x: log to base 2
    (_OLD_CALLIGRAPHIC, lambda m: rf"\mathcal{{{m.group(1) or m.group(2)}}}"),  # {\cal E}: \mathcal{E}
    (_DECORATED_SUBSCRIPT, r"\\\1{\2}"),  # \hat y_i: \hat{y}_i
    (_SUBSCRIPT_INSIDE, r"\\\1{\2}_\3"),  # \hat{y_i}: \hat{y}_i
    (_PRIMED_SUBSCRIPT, lambda m: f"{m.group(1)}{m.group(3) or m.group(4)}_{m.group(2)}"),  # u_1': u'_1
    (_ITALIC_WORD, _italic_word),  # Loss: one name
)


def handwritten(tex: str) -> str:
    """``tex`` with each form of :data:`HANDWRITTEN` written as it is meant, and braces that group a function's
    argument read as brackets."""
    if ";" in tex or "|" in tex or r"\mid" in tex:
        tex = densities_at(tex)  # \mathcal{N}(x; \mu, \sigma^2): the family's density at x
    for pattern, meant in HANDWRITTEN:
        tex = pattern.sub(meant, tex)
    return grouping_braces(tex) if r"\{" in tex else tex


#: A function whose argument people often put in braces: ``\exp\{-\frac{x^2}{2}\}``, ``\exp\left\{...\right\}``.
_BRACED_FUNCTION = re.compile(r"(\\(?:exp|log|ln)(?:_\{?[0-9]+\}?)?|\\(?:text|mathrm|operatorname)\{\s*exp\s*\})\s*"
                              r"(\\(?:left|[Bb]igg?l?)\s*)?\\\{")
_BRACE_OR_SEPARATOR = re.compile(r"\\[{}]|\\mid(?![A-Za-z])|[,|:;]")
#: Sized braces that may group a sum: ``\frac{1}{n}\left\{ \sum x_i^2 - n \bar{x}^2 \right\}``.
_SIZED_BRACE = re.compile(r"(\\(?:left|[Bb]igg?l?)\s*)\\\{")
#: What makes braces a set or an event, never a group: a relation.
_RELATION_INSIDE = re.compile(r"[=<>]|\\(?:in|le|ge|leq|geq|ne|neq|subset|subseteq|to)(?![A-Za-z])")


def grouping_braces(tex: str) -> str:
    r"""``tex`` with each ``\{...\}`` that holds the argument of ``\exp`` (``\log``, ``\ln``) written ``(...)``: a
    group, not a set, when nothing in it separates elements (a comma, a bar, a colon)."""
    out, at = [], 0
    for match in _BRACED_FUNCTION.finditer(tex):
        if match.start() < at:
            continue
        close = _closing_brace(tex, match.end())
        if close is None:
            continue
        sizing = match.group(2) or ""
        closer = re.search(r"(\\(?:right|[Bb]igg?r?)\s*)?\\\}\Z", tex[:close + 2])
        out += [tex[at:match.start()], match.group(1), sizing, "(", tex[match.end():closer.start()],
                r"\right)" if sizing.startswith(r"\left") else ")"]
        at = close + 2
    tex = "".join(out) + tex[at:] if out else tex
    return _grouped_sums(tex) if r"\{" in tex else tex


def _grouped_sums(tex: str) -> str:
    r"""``tex`` with each sized ``\left\{...\right\}`` that holds a sum and nothing that separates elements or
    relates them written ``\left(...\right)``: a group of terms, as older texts bracket them."""
    out, at = [], 0
    for match in _SIZED_BRACE.finditer(tex):
        if match.start() < at or (close := _closing_brace(tex, match.end())) is None:
            continue
        inside = tex[match.end():close]
        closer = re.search(r"(\\(?:right|[Bb]igg?r?)\s*)?\\\}\Z", tex[:close + 2])
        if not _top_level_sum(inside) or _RELATION_INSIDE.search(inside) or not closer.group(1):
            continue
        out += [tex[at:match.start()], match.group(1), "(", inside, closer.group(1), ")"]
        at = close + 2
    return "".join(out) + tex[at:] if out else tex


def _top_level_sum(text: str) -> bool:
    """``text`` has a plus or minus between terms outside every bracket."""
    depth = 0
    for k, char in enumerate(text):
        depth += char in "([{" and 1 or char in ")]}" and -1 or 0
        if char in "+-" and depth == 0 and text[:k].strip():
            return True
    return False


def _closing_brace(tex: str, start: int) -> int | None:
    r"""The offset of the ``\}`` that closes a ``\{`` ending at ``start``, if nothing at depth 0 separates elements."""
    depth = 0
    for match in _BRACE_OR_SEPARATOR.finditer(tex, start):
        text = match.group()
        if text == r"\{":
            depth += 1
        elif text == r"\}":
            if depth == 0:
                return match.start()
            depth -= 1
        elif depth == 0 and _balanced(tex[start:match.start()]):
            return None  # \exp\{a, b\}: elements of a set
    return None


def _balanced(text: str) -> bool:
    """Every bracket ``text`` opens it closes: a separator after it is not inside one."""
    return all(text.count(a) == text.count(b) for a, b in ("{}", "()", "[]"))
