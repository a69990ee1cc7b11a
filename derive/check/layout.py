r"""What only lays a display out, blanked so that its rows and relations are found and its offsets and lines
stay true: ``%`` comments, wrappers such as ``\begin{aligned}``, labels, tags, an equation's written label,
row spacing, a reason beside a row (``\because``), boxes, fonts, colours and grouping braces around a relation.
"""

from __future__ import annotations

import re

#: Wrappers inside a display that only lay it out; blanked out, their rows kept.
_WRAPPERS = re.compile(r"\\(?:begin|end)\{(?:aligned|alignedat|gathered|split|multlined|align|equation|gather|"
                       r"multline|flalign|alignat|eqnarray|array)\*?\}(?:\{[\d\w]+\})?"
                       r"|\\(?:nonumber|notag|displaystyle)\b"
                       r"|\\(?:label|tag\*?|require)\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}")  # \tag*{\small{x}}
#: An equation's label before it, set apart by space (blanked with the space): ``\text{(A)}\;\;`` anywhere,
#: ``(B1)\qquad`` or ``(\star)\quad`` at the start of a row or after a ``\qquad``.
_SPACE_AFTER = r"(?:\s*\\(?:[;,:! ]|q?quad)(?![A-Za-z]))+"
_EQUATION_LABEL = re.compile(r"\\text(?:rm|bf)?\s*\{\s*\(\s*(?=[A-Za-z\d])[A-Za-z]?\d*'?\s*\)\s*\}" + _SPACE_AFTER +
                             r"|(?:^|(?<=\n)|(?<=\\\\)|(?<=&)|(?<=\\quad)|(?<=\\qquad))\s*"
                             r"\((?:[A-Z]\d*'?|\d+|\\star|\\ast|\*|\\dagger)\)" + _SPACE_AFTER)
#: A row break with the space after it (``\\[1em]``, ``\\[-2pt]``): the space is layout.
_ROW_SPACE = re.compile(r"(\\\\)\s*\[\s*-?\d*\.?\d+\s*(?:em|ex|pt|mm|cm|in|mu|bp|pc)\s*\]")
#: A row that ends with its relation (``a = \\`` then ``b`` on the next row): the break is layout, the right side
#: the next row's.
_RELATION_BREAK = re.compile(r"(?<!\\)(=|\\(?:le|ge|leq|geq|approx|neq|propto|equiv)(?![A-Za-z]))(\s*&?\s*)"
                             r"\\\\(?!\s*\[)")
#: ``\because ...`` to the end of a row the next row goes on from: the reason for the step, beside the chain,
#: not a link of it (the next row's relation is the chain's, not the reason's); one in brackets is its own claim.
_BECAUSE = re.compile(r"(\(\s*)?\\because(?![A-Za-z])(?:[^\\&]|\\(?!\\)[A-Za-z]*|\\[^\\A-Za-z])*(?=\\\\)")
#: ``\resizebox{w}{h}{$`` and ``\scalebox{f}{$``: a box around math, blanked with the ``$}`` that closes it.
_BOX = re.compile(r"\\(?:resizebox\s*\{[^{}]*\}\s*\{[^{}]*\}|scalebox\s*\{[^{}]*\}(?:\[[^\]]*\])?)\s*\{\s*\$")
#: Commands whose one argument is shown as it is, boxed, underlined or in another font: blanked with their braces,
#: so that the relations inside are found (``\boxed{\hat p = \bar x}``, ``\eqalign{a &= b \cr ...}``).
_SHOWN = re.compile(r"\\(?:eqalign(?:no)?|displaylines|boxed|underline|sf|mathsf|mathnormal|fbox|large|Large|"
                    r"LARGE|huge|Huge|small|normalsize)\s*\{")
#: A font command and the one letter it applies to, written without braces: ``\mathcal N``, ``\mathbb E``.
_FONT_LETTER = re.compile(r"\\(mathcal|mathbb|mathrm|mathbf|boldsymbol|mathit|mathsf|mathscr|mathfrak|bm)\s+([A-Za-z])")
#: A colour switch with its colour (``\color{blue}``, ``\textcolor{red}``): blanked, its group read as written.
_COLOR = re.compile(r"\\(?:color|textcolor)\s*\{[^{}]*\}")
#: A relation, as the groups :func:`_open_groups` opens hold one.
RELATION = re.compile(r"=|<|>|\\(?:le|ge|leq|geq|neq|ne|approx|propto|sim|equiv)(?![A-Za-z])")
#: A tilde written as text (``X \texttt{~} Poisson(\lambda)``): the relation ``\sim``.
_TEXT_TILDE = re.compile(r"\\(?:texttt|text|mathtt|textrm|mathrm)\s*\{\s*(?:~|\\sim|\\textasciitilde)\s*\}")
#: An underscore escaped so that Markdown leaves it to the math: ``\hat{y}\_i``.
_ESCAPED_SCRIPT = re.compile(r"(?<!\\)\\_")


def clean(tex: str) -> str:
    """A display's LaTeX with ``%`` comments (KaTeX and MathJax skip them too), layout-only wrappers, labels, tags,
    an equation's written label (``\\text{(A)}``) and ``\\resizebox{..}{..}{$...$}`` blanked out."""
    tex = _WRAPPERS.sub(lambda m: " " * len(m.group()), blank_comments(tex))
    tex = _EQUATION_LABEL.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), tex)  # its lines kept
    tex = _ROW_SPACE.sub(lambda m: m.group(1) + " " * (len(m.group()) - 2), tex)  # \\[1em]: a row break
    tex = _RELATION_BREAK.sub(lambda m: m.group(1) + m.group(2) + "  ", tex)  # a = \\ b: one relation
    tex = _BECAUSE.sub(lambda m: m.group() if m.group(1) else " " * len(m.group()), tex)  # a reason beside a row
    tex = unwrap(tex)
    at = 0
    while (box := _BOX.search(tex, at)) is not None:
        close = re.compile(r"(?<!\\)\$\s*\}").search(tex, box.end())
        if close is None:
            break
        tex = (tex[:box.start()] + " " * (box.end() - box.start()) + tex[box.end():close.start()]
               + " " * (close.end() - close.start()) + tex[close.end():])
        at = close.end()
    return tex


def unwrap(tex: str) -> str:
    """``tex`` with each :data:`_SHOWN` command and the braces of its argument blanked, and a tilde written as
    text made ``\\sim`` (offsets kept); a font command's one letter written without braces is braced first
    (``\\mathcal N`` is ``\\mathcal{N}``, as TeX reads it)."""
    tex = _FONT_LETTER.sub(r"\\\1{\2}", tex)
    at = 0
    while (found := _SHOWN.search(tex, at)) is not None:
        depth, k = 0, found.end() - 1
        while k < len(tex):
            depth += {"{": 1, "}": -1}.get(tex[k], 0) if tex[k - 1] != "\\" else 0
            if depth == 0:
                break
            k += 1
        if k >= len(tex):
            break
        tex = tex[:found.start()] + " " * (found.end() - found.start()) + tex[found.end():k] + " " + tex[k + 1:]
        at = found.start()
    tex = _COLOR.sub(lambda m: " " * len(m.group()), tex)
    return _tilde(_open_groups(tex))


def _open_groups(tex: str) -> str:
    """``tex`` with the braces blanked of each group that only groups (after no command, script or other group)
    and holds a relation of its own (``{ H(X,Y) = H(Y|X) + H(X) }``, what was ``\\color{blue}{...}``).  One pass:
    each open group notes whether a relation stands at its own depth."""
    chars = list(tex)
    stack: list[list] = []  # [offset of the brace, whether a relation stands directly inside]
    for k, char in enumerate(tex):
        escaped = tex[k - 1:k] == "\\"
        if char == "{" and not escaped:
            stack.append([k, False])
        elif char == "}" and not escaped and stack:
            start, related = stack.pop()
            before = tex[max(0, start - 40):start].rstrip()
            if related and not before.endswith(("_", "^", "}", "]")) and not re.search(r"\\[A-Za-z]+$", before):
                chars[start] = chars[k] = " "
        elif stack and not stack[-1][1] and char in "=<>\\" and RELATION.match(tex, k):
            stack[-1][1] = True
    return "".join(chars)


def _tilde(tex: str) -> str:
    """``tex`` with each tilde written as text made ``\\sim`` (padded, so offsets are kept), and each underscore
    escaped for Markdown (``x\\_i``, which the page shows as ``x_i``) a subscript."""
    return _ESCAPED_SCRIPT.sub(" _", _TEXT_TILDE.sub(lambda m: r"\sim" + " " * (len(m.group()) - 4), tex))


def blank_comments(text: str) -> str:
    """LaTeX with every ``%`` comment replaced by spaces (``\\%`` is a percent sign)."""
    return re.sub(r"(?<!\\)%[^\n]*", lambda m: " " * len(m.group()), text)
