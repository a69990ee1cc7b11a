"""The kinds of tokens the lexer (:mod:`derive.parse.lexer`) tells apart: commands that size, space or lay out a
formula, words typed as functions, and characters typed for commands."""

from __future__ import annotations

import re
import string
import unicodedata

#: Commands written for others: ``\dfrac`` is ``\frac``, ``\mid`` a bar.
ALIASES = {r"\dfrac": r"\frac", r"\tfrac": r"\frac", r"\dbinom": r"\binom", r"\tbinom": r"\binom",
           r"\lbrace": r"\{", r"\rbrace": r"\}",
           r"\lbrack": "[", r"\rbrack": "]", r"\lvert": "|", r"\rvert": "|", r"\vert": "|",
           r"\mid": "|"}

#: Commands that size a bracket: dropped (``\left\{`` sizing a curly brace reads it as a bracket).
SIZING = {r"\left", r"\right", r"\middle", r"\big", r"\Big", r"\bigg", r"\Bigg", r"\bigl", r"\bigr", r"\Bigl",
          r"\Bigr", r"\biggl", r"\biggr", r"\Biggl", r"\Biggr"}

#: Spacing: one space token.
SPACING = {r"\,", r"\;", r"\:", r"\!", "\\ ", r"\quad", r"\qquad", r"\displaystyle", r"\limits", r"\nolimits",
           r"\space", r"\enspace", r"\thinspace", r"\medspace", r"\thickspace", r"\negthinspace", r"\negmedspace",
           r"\negthickspace"}


#: Layout that changes how a formula looks, never what it says: dropped (``\boxed{x}`` keeps its group, as does a
#: term struck through to show that it cancels, ``\cancel{x} - \cancel{x}``).
GROUPED = frozenset({r"\boxed", r"\cancel", r"\bcancel", r"\xcancel"})
LAYOUT = {r"\Large", r"\large", r"\LARGE", r"\small", r"\normalsize", r"\huge", r"\Huge", r"\nonumber",
          r"\notag", r"\textstyle", r"\scriptstyle", *GROUPED}


#: Layout with an argument that is no mathematics: dropped with it (``\color{red}``; ``\tag{3}``).
LAYOUT_WITH_ARGUMENT = {r"\tag", r"\label", r"\require", r"\color", r"\textcolor", r"\hspace", r"\vspace",
                        r"\phantom", r"\hphantom", r"\vphantom", r"\cancelto"}
#: Of those, the ones whose second argument is the mathematics, read as a group: ``\textcolor{red}{a + b}``,
#: ``\cancelto{0}{E[\varepsilon]}`` (the term struck through, as written: what it cancels to is a remark).
SECOND_ARGUMENT = frozenset({r"\textcolor", r"\cancelto"})


#: A curly brace a ``\left`` or ``\right`` sizes.
CURLY = re.compile(r"\\\{|\\\}|\\lbrace(?![A-Za-z])|\\rbrace(?![A-Za-z])")


#: A bracket next, perhaps after a power: ``(x)``, ``^2(x)``, ``^{2} (x)``.
_BRACKET_NEXT = r"\s*(?:\^\s*(?:\{[^{}]*\}|\w))?\s*\("


#: Function names written as words: ``\text{log}``, ``\operatorname{ln}``, ``\mathrm{exp}``, ``\mathrm{tanh}``.
WORD_FUNCTIONS = {"log": r"\log", "ln": r"\ln", "exp": r"\exp", "sigmoid": r"\sigma", "tanh": r"\tanh",
                  "sinh": r"\sinh", "cosh": r"\cosh", "sin": r"\sin", "cos": r"\cos", "tan": r"\tan",
                  "max": r"\max", "min": r"\min"}


#: Letters and words set upright that mean what they do in math: Euler's ``\mathrm{e}``, mutual information's
#: ``\mathrm{I}(X; Y)``, ``\text{E}[X]``, ``\text{Var}(X)``, ``\text{KL}(p \| q)`` (``\mathrm{H}`` and ``\mathrm{d}``
#: have their own readings).
UPRIGHT = {"e": "e", "I": "I", "E": r"\mathrm{E}", "Var": r"\mathrm{Var}", "var": r"\mathrm{Var}",
           "KL": r"\mathrm{KL}"}


#: The same words typed as plain letters (``ln(x)``): never a product of letters l and n.  Those after the
#: first four only before a bracket (``tanh(x)``, ``max(0, x)``).
PLAIN_WORD = re.compile(r"(ln|log|exp|sigmoid)(?![A-Za-z])"
                        r"|(tanh|sinh|cosh|sin|cos|tan|max|min)(?=" + _BRACKET_NEXT + ")")


#: Functions typed as plain words before a bracket (``softmax(z)``, ``ReLU(x)``, ``pdf(x)``): one named
#: function, read as ``\operatorname{word}`` is (:meth:`Reader.named_function`), never a product of letters.
PLAIN_NAMED = re.compile(r"(softmax|softplus|relu|pdf|cdf|pmf|logit|sign|sgn)(?=" + _BRACKET_NEXT + ")", re.I)


#: The characters read as themselves (a letter, a digit, an operator, a bracket).
CHARS = frozenset(string.ascii_letters + string.digits + "+-*/=<>()[]{}|^_,.!;")


#: Tokens after which a brace only groups, as a bracket does (``\log{s^2}``, ``({-x})``, ``= {a + b}``).
BRACES_GROUP_AFTER = frozenset({r"\log", r"\ln", r"\exp", "(", "[", "+", "-", "=", ",", r"\cdot", r"\times", ""})


#: Characters typed for commands: the minus sign and dashes, dots and crosses for products.
UNICODE = {"−": "-", "–": "-", "—": "-", "·": r"\cdot", "⋅": r"\cdot", "×": r"\times", "∞": r"\infty",
           "µ": r"\mu", "∑": r"\sum", "∏": r"\prod", "∫": r"\int", "∂": r"\partial", "∇": r"\nabla", "√": r"\sqrt",
           "ℓ": r"\ell",
           "≤": r"\le", "≥": r"\ge", "≠": r"\ne", "∈": r"\in", "±": r"\pm", "∓": r"\mp", "…": r"\ldots",
           "ϵ": r"\epsilon", "ε": r"\varepsilon", "ϑ": r"\vartheta", "ϕ": r"\phi", "φ": r"\varphi", "ϱ": r"\varrho",
           **{chr(c): "\\" + unicodedata.name(chr(c)).split()[-1].lower().replace("lamda", "lambda")
              for c in range(0x3B1, 0x3CA) if chr(c) not in "οεφς"},
           **{g: "\\" + name for g, name in zip("ΓΔΘΛΞΠΣΥΦΨΩ", ("Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi",
                                                             "Sigma", "Upsilon", "Phi", "Psi", "Omega"))}}

#: Superscript digits typed as characters: powers.
SUPERSCRIPTS = {"²": "2", "³": "3", "⁴": "4"}
