r"""A registered family's density at a point, as people write it: ``\mathcal{N}(x; \mu, \sigma^2)`` or
``\mathcal{N}(x \mid \mu, \sigma^2)`` is the normal density at ``x``, its parameters written as after the family's
name in a declaration (the normal's variance, not its scale).  The formula is the family's own
(:meth:`~derive.distributions.parametric.Parametric.density`), written out in LaTeX for the reader."""

from __future__ import annotations

import re
from functools import lru_cache

import sympy as sp

from derive.parse.tokens import closing, split_top

#: Placeholders for the point and the written parameters, printed by SymPy as they are named.
_POINT = "zzpointzz"
_PARAMETER = "zzparam{}zz"


@lru_cache(maxsize=None)
def _heads() -> tuple[tuple[re.Pattern, type], ...]:
    """Each family with a density: the pattern of its written name and bracket (``\\mathcal{N}(``), its class."""
    from derive.distributions.registry import families, family

    out = []
    for name in families():
        cls = family(name)
        if getattr(cls, "notation", "") and hasattr(cls, "density") and getattr(cls, "parameters", ()):
            head = re.escape(cls.notation).replace(r"\{", r"\s*\{\s*").replace(r"\}", r"\s*\}")
            out.append((re.compile(head + r"\s*(?:\\left\s*)?\("), cls))
    return tuple(out)


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


#: What marks a vector or a matrix (``\mathbf{z}``, ``I``, ``\Sigma``, ``\operatorname{diag}``): a multivariate law,
#: whose density this univariate formula is not.
_MULTIVARIATE = re.compile(r"\\(?:mathbf|boldsymbol|bm|vec|Sigma|operatorname\s*\{\s*diag|mathrm\s*\{\s*diag|text"
                           r"\s*\{\s*diag)|(?<![A-Za-z\\])(?:I|diag)(?![A-Za-z])|\^\s*\{?\s*T\b|\^\s*\{?\s*\\top")
_GIVEN = re.compile(r";|\\mid(?![A-Za-z])|\|")


def densities_at(tex: str) -> str:
    """``tex`` with each ``family(point; parameters)`` of a registered family written out as its density."""
    for pattern, cls in _heads():
        start = 0
        while (m := pattern.search(tex, start)) is not None:
            start = m.end()
            close = closing(tex, m.end() - 1, "()")
            pieces = split_top(re.sub(r"\\right\s*$", "", tex[m.end():close]), _GIVEN) if close is not None else []
            if len(pieces) != 2 or (template := _template(cls)) is None:
                continue
            point, parameters = pieces[0], split_top(pieces[1])
            if not point or len(parameters) != len(cls.parameters) or not all(parameters) or \
                    any(_MULTIVARIATE.search(p) for p in (point, *parameters)):
                continue
            written = template.replace(_POINT, rf"\left({point}\right)")
            for k, p in enumerate(parameters):
                written = written.replace(_PARAMETER.format(k), rf"\left({p}\right)")
            tex = f"{tex[:m.start()]}\\left({written}\\right){tex[close + 1:]}"
            start = m.start() + len(written)
    return tex
