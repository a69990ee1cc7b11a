"""LaTeX in: derive's notation read back into derive's SymPy objects.

>>> import sympy as sp, derive
>>> from derive.render.printer import to_latex
>>> P, Q = derive.Bernoulli(sp.Symbol("p")), derive.Bernoulli(sp.Symbol("q"), name="Q")
>>> to_latex(parse_latex(r"H(P, Q) = KL(P || Q) + H(P)", (P, Q)))
'H(P, Q) = KL(P \\\\Vert Q) + H(P)'

The notation is documented in :mod:`derive.parse.notation`, the parser's
configuration and quirks in :mod:`derive.parse.adapter`.
"""

from derive.parse.adapter import ParseError
from derive.parse.notation import parse_latex

__all__ = ["ParseError", "parse_latex"]
