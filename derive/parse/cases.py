r"""Environments of rows: ``\begin{cases} a = b \\ c = d \end{cases}`` (a system of equations) and
``\begin{cases} a & x \ge 0 \\ 0 & \text{otherwise} \end{cases}`` (a function by cases).

======================================  ===================================================
LaTeX                                   SymPy
======================================  ===================================================
``\begin{cases} a = b \\ c = d          ``System(Eq(a, b), Eq(c, d))``: equations that hold
\end{cases}``                           together, in order (also aligned, ``a &= b``)
``\begin{cases} a & x \ge 0 \\ 0 &      ``Piecewise((a, x >= 0), (0, True))``: a value and the
\text{otherwise} \end{cases}``          condition it holds under ("if", "for" dropped)
======================================  ===================================================

Any other environment, or a nested one, is an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import sympy as sp

from derive.core.system import System
from derive.parse.adapter import ParseError

_CASES = re.compile(r"\s*\\begin\s*\{cases\}(?P<rows>.*)\\end\s*\{cases\}\s*\Z", re.S)


# -- systems: \begin{cases} ... \end{cases} -------------------------------------------------
def split_cases(tex: str) -> list[str] | None:
    r"""The rows of ``\begin{cases} a = b \\ c = d \end{cases}``, or ``None`` when ``tex`` is not one."""
    match = _CASES.match(tex)
    if match is None:
        if r"\begin" in tex or r"\end" in tex:
            raise ParseError(r"only \begin{cases} ... \end{cases}, around a whole statement, is understood")
        return None
    body, rows, depth, start, k = match.group("rows"), [], 0, 0, 0
    while k < len(body):
        if body.startswith("\\\\", k) and depth == 0:
            rows.append(body[start:k])
            k += 2
            start = k
            continue
        if body[k] == "\\":
            k += 2
            continue
        depth += {"{": 1, "}": -1}.get(body[k], 0)
        k += 1
    rows.append(body[start:])
    rows = [r.strip() for r in rows]
    if rows and not rows[-1]:
        rows.pop()  # a trailing \\ ends the last row
    if any(r"\begin" in r or r"\end" in r for r in rows):
        raise ParseError(r"\begin{cases} cannot be nested")
    return rows


def system_of(rows: Sequence[str], parse: Callable[[str], sp.Basic]) -> System:
    """The equations of a ``cases`` environment, each row parsed by ``parse``, as a :class:`System`."""
    equations = []
    for k, row in enumerate(rows, 1):
        if not row:
            raise ParseError(f"row {k} of the cases environment is empty")
        try:
            equation = parse(row)
        except ParseError as exc:
            raise ParseError(f"row {k} of the cases environment: {exc}") from None
        if not isinstance(equation, sp.Equality):
            raise ParseError(f"row {k} of the cases environment is not an equation")
        equations.append(equation)
    if len(equations) < 2:
        raise ParseError("a cases environment needs at least two equations")
    return System(*equations)


_OTHERWISE = re.compile(r"\s*(?:\\text\s*\{\s*)?(?:otherwise|else|elsewhere|sonst)\s*\}?\s*[.,;]?\s*\Z", re.I)
_CONDITION_WORD = re.compile(r"\s*(?:\\(?:text|mathrm|textrm)\s*\{\s*(?:if|for|when|where)\s*\}|if|for)"
                             r"\s*(?:\\[,;: ]\s*)*", re.I)
#: What an aligned row of equations continues with after its ``&``: a relation (``x &= 1``), never a condition.
_ALIGNED = re.compile(r"\s*(?:=|<|>|\\(?:le|ge|leq|geq|neq|ne|approx)(?![A-Za-z]))")


def by_cases(rows: Sequence[str]) -> bool:
    """Every row of a ``cases`` environment is a value ``&`` a condition (not an equation aligned at ``&=``)."""
    return all("&" in row and not _ALIGNED.match(row.partition("&")[2]) for row in rows)


def piecewise_of(rows: Sequence[str], parse: Callable[[str], sp.Basic]) -> sp.Piecewise:
    r"""The value of ``\begin{cases} a & x \ge 0 \\ 0 & \text{otherwise} \end{cases}``: each row a value and,
    after its ``&``, the condition it holds under ("if", "for" dropped); "otherwise" is every other point."""
    pieces = []
    for k, row in enumerate(rows, 1):
        value, _, condition = row.partition("&")
        if not value.strip() or not condition.strip():
            raise ParseError(f"row {k} of the cases environment needs a value & a condition")
        if _OTHERWISE.match(condition):
            pieces.append((parse(value), sp.true))
            continue
        cond = parse(_CONDITION_WORD.sub("", condition, count=1).strip().rstrip(".,;"))
        if not isinstance(cond, (sp.core.relational.Relational, sp.logic.boolalg.Boolean)) or \
                isinstance(cond, sp.Symbol):
            raise ParseError(f"row {k} of the cases environment: the condition is no relation")
        pieces.append((parse(value), cond))
    return sp.Piecewise(*pieces)
