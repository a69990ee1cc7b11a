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

Derivatives are read by :mod:`derive.parse.derivatives`; ``\sigma(z)``, ``\delta_{i j}``, ``\max``,
``\lambda``, ``\log_{b}`` in an arbitrary base and relations (``\geq``, ``>``) by
:mod:`derive.parse.calculus`, whose reader methods are mixed into the reader; ``cases``
environments by :mod:`derive.parse.cases`.  Before the source is tokenized, the forms people
write by hand are rewritten (:mod:`derive.parse.handwritten`, :mod:`derive.parse.rewrites`) and
transposes refused (:mod:`derive.parse.transposes`).

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
from collections.abc import Mapping, Sequence

import sympy as sp

from derive.core.terms import bottom_up
from derive.distributions.base import Distribution
from derive.distributions.measures import ANY_BASE, UNITS, Measure
from derive.parse.adapter import ParseError
from derive.parse.aggregates import sum_scopes
from derive.parse.bare import bracketed_expectations
from derive.parse.cases import by_cases, piecewise_of, split_cases, system_of
from derive.parse.derivatives import operator_derivatives
from derive.parse.handwritten import handwritten
from derive.parse.lexer import tokenize
from derive.parse.lexicon import PRIMED
from derive.parse.reader import Reader
from derive.parse.rewrites import (examples, polygammas, powered_functions, primed_at, subscripted_partials,
                                   unbraced_bodies)
from derive.parse.transposes import transposes


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
    relation ``a \\geq b`` or a ``cases`` system (:mod:`derive.parse.cases`).
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


#: Functions written by their usual letter, applied to one argument: \Gamma(a), \psi(a) (Gamma and digamma);
#: and the polygamma function of an order and an argument (``\psi^{(1)}(a)``, see
#: :func:`derive.parse.rewrites.polygammas`).
SPECIAL = {"Gamma": sp.gamma, "psi": sp.digamma}
SPECIAL_2 = {"polygamma": sp.polygamma}


def special_functions(expr: sp.Basic) -> sp.Basic:
    """``expr`` with ``\\Gamma(a)`` the gamma function and ``\\psi(a)`` the digamma function (each read first as a
    function of no known meaning)."""
    found = {f: SPECIAL[f.func.__name__](f.args[0]) for f in expr.atoms(sp.core.function.AppliedUndef)
             if f.func.__name__ in SPECIAL and len(f.args) == 1}
    found |= {f: SPECIAL_2[f.func.__name__](*f.args) for f in expr.atoms(sp.core.function.AppliedUndef)
              if f.func.__name__ in SPECIAL_2 and len(f.args) == 2}
    return expr.xreplace(found) if found else expr


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
    tex = transposes(tex)
    tex = subscripted_partials(tex)
    tex = primed_at(examples(powered_functions(polygammas(tex))))
    tokens, partner, integrals, left_dots = tokenize(unbraced_bodies(tex))
    try:
        reader = Reader(tex, tokens, partner, integrals, distributions, left_dots)
        reader.declare(symbols, units)
        reader.masses, reader.rv_units, reader.supports = masses, units, dict(supports or {})
        reader.ranges, reader.mass_letters, reader.greek_values = dict(ranges or {}), families, greek
        return reader.expression(0, len(tokens), {}, top=True)
    except RecursionError:
        raise ParseError("the expression is nested too deeply to read") from None

