r"""A registered family's density at a point, as people write it: ``\mathcal{N}(x; \mu, \sigma^2)`` or
``\mathcal{N}(x \mid \mu, \sigma^2)`` is the normal density at ``x``, its parameters written as after the family's
name in a declaration (the normal's variance, not its scale).  The formula is the family's own
(:meth:`~derive.distributions.parametric.Parametric.density`), written out in LaTeX for the reader."""

from __future__ import annotations

import re
from functools import lru_cache

import sympy as sp

#: Placeholders for the point and the written parameters, printed by SymPy as they are named.
_POINT = "zzpointzz"
_PARAMETER = "zzparam{}zz"


@lru_cache(maxsize=None)
def _heads() -> dict[str, type]:
    """Each family's written name (``\\mathcal{N}``) -> its class, for the families with a density."""
    from derive.distributions.registry import families, family

    out = {}
    for name in families():
        cls = family(name)
        if getattr(cls, "notation", "") and hasattr(cls, "density") and getattr(cls, "parameters", ()):
            out[cls.notation] = cls
    return out


@lru_cache(maxsize=None)
def _template(cls: type) -> str | None:
    """The family's density in LaTeX with placeholders for the point and the written parameters, or ``None``
    when the written parameters do not give the family's own (:attr:`shown_params` not solvable)."""
    written = [sp.Symbol(_PARAMETER.format(k), positive=True) for k in range(len(cls.parameters))]
    own = [sp.Symbol(f"zzown{k}zz", positive=True) for k in range(len(cls.parameters))]
    try:
        shown = cls.from_parameters(own, "P").shown_params
        solved = sp.solve([s - w for s, w in zip(shown, written)], own, dict=True)
        if len(solved) != 1:
            return None
        member = cls.from_parameters([solved[0].get(o, o) for o in own], "P")
        return sp.latex(member.density(sp.Symbol(_POINT)))
    except Exception:  # noqa: BLE001 (a family this cannot write out is left as written)
        return None


def _closing(tex: str, opening: int) -> int:
    """The offset of the bracket closing the one at ``opening``, or -1."""
    depth = 0
    for k in range(opening, len(tex)):
        depth += {"(": 1, "{": 1, "[": 1, ")": -1, "}": -1, "]": -1}.get(tex[k], 0)
        if depth == 0:
            return k
    return -1


def _top_split(inner: str, separators: re.Pattern) -> list[str]:
    """``inner`` cut at the separators outside brackets."""
    parts, depth, start = [], 0, 0
    for k, char in enumerate(inner):
        depth += {"(": 1, "{": 1, "[": 1, ")": -1, "}": -1, "]": -1}.get(char, 0)
        if depth == 0 and (m := separators.match(inner, k)) is not None and k >= start:
            parts.append(inner[start:k])
            start = m.end()
    return parts + [inner[start:]]


#: What marks a vector or a matrix (``\mathbf{z}``, ``I``, ``\Sigma``, ``\operatorname{diag}``): a multivariate law,
#: whose density this univariate formula is not.
_MULTIVARIATE = re.compile(r"\\(?:mathbf|boldsymbol|bm|vec|Sigma|operatorname\s*\{\s*diag|mathrm\s*\{\s*diag|text"
                           r"\s*\{\s*diag)|(?<![A-Za-z\\])(?:I|diag)(?![A-Za-z])|\^\s*\{?\s*T\b|\^\s*\{?\s*\\top")
_GIVEN = re.compile(r";|\\mid(?![A-Za-z])|\|")


def densities_at(tex: str) -> str:
    """``tex`` with each ``family(point; parameters)`` of a registered family written out as its density."""
    for head, cls in _heads().items():
        pattern = re.compile(re.escape(head).replace(r"\{", r"\s*\{\s*").replace(r"\}", r"\s*\}") +
                             r"\s*(?:\\left\s*)?\(")
        start = 0
        while (m := pattern.search(tex, start)) is not None:
            opening = m.end() - 1
            close = _closing(tex, opening)
            inner = tex[opening + 1:close] if close > 0 else ""
            inner = re.sub(r"\\right\s*$", "", inner)
            pieces = _top_split(inner, _GIVEN)
            template = _template(cls)
            if len(pieces) != 2 or template is None:
                start = m.end()
                continue
            point, parameters = pieces[0].strip(), _top_split(pieces[1], re.compile(","))
            if not point or len(parameters) != len(cls.parameters) or not all(p.strip() for p in parameters) or \
                    any(_MULTIVARIATE.search(p) for p in (point, *parameters)):
                start = m.end()
                continue
            written = template.replace(_POINT, rf"\left({point}\right)")
            for k, p in enumerate(parameters):
                written = written.replace(_PARAMETER.format(k), rf"\left({p.strip()}\right)")
            tex = f"{tex[:m.start()]}\\left({written}\\right){tex[close + 1:]}"
            start = m.start() + len(written)
    return tex
