r"""What people write by hand, and what they mean: each form of :data:`HANDWRITTEN` rewritten, in order, before
the source is tokenized (``{\rm d}x`` is ``\mathrm{d}x``, ``\lg x`` is ``\log_2 x``, ``e^-x`` is ``e^{-x}``, ...)."""

from __future__ import annotations

import re
from collections.abc import Callable

from derive.parse.braces import grouping_braces
from derive.parse.densities import densities_at


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
#: A superscript written before its subscript, ``\mu^2_1``: swapped (same length) so the subscript names the symbol.
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
