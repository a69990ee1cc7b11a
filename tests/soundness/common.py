"""Shared by the oracle and the runner: symbols and SymPy sources of a case, read the same way."""

from __future__ import annotations

import sympy as sp


def symbols(spec: str) -> dict[str, object]:
    """``"x y:real n:integer,nonnegative p:IndexedBase f:Function"`` -> {name: object}."""
    out: dict[str, object] = {}
    for item in spec.split():
        name, _, flags = item.partition(":")
        if flags == "IndexedBase":
            out[name] = sp.IndexedBase(name)
        elif flags == "Function":
            out[name] = sp.Function(name)
        else:
            assumptions = {f: True for f in flags.split(",") if f}
            out[name] = sp.Symbol(name, **assumptions)
    return out


def namespace(spec: str) -> dict[str, object]:
    ns: dict[str, object] = {name: getattr(sp, name) for name in dir(sp) if not name.startswith("_")}
    # the corpus's sources name SymPy's constructors, the case's symbols and a few harmless builtins, nothing else
    ns["__builtins__"] = {"range": range, "reversed": reversed, "len": len, "list": list, "tuple": tuple,
                          "sum": sum, "min": min, "max": max, "abs": abs, "int": int, "str": str}
    ns.update(symbols(spec))
    return ns


def value(source: str, ns: dict[str, object]):
    return eval(source, ns)  # the corpus's own sources, never derive output
