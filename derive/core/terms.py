"""Unevaluated construction of expressions, so the author's term order survives.

SymPy sorts the arguments of ``Add`` and ``Mul`` when it evaluates them.  Every
rule builds its results with these helpers instead, which keep arguments in the
order given; the verifier evaluates the result before it compares anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import sympy as sp
from sympy.core.basic import Basic

Expr = sp.Expr

ONE = sp.Integer(1)
MINUS_ONE = sp.Integer(-1)


def as_expr(value: Basic | int) -> Basic:
    """A SymPy object as is, or a Python integer as a SymPy integer (never a string)."""
    if isinstance(value, Basic):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return sp.Integer(value)
    raise TypeError(f"expected a SymPy expression or an integer, got {type(value).__name__}")


def terms_of(expr: Basic) -> tuple[Basic, ...]:
    """The summands of ``expr`` in stored order (``expr`` itself when it is no sum)."""
    return tuple(expr.args) if isinstance(expr, sp.Add) else (expr,)


def factors_of(expr: Basic) -> tuple[Basic, ...]:
    """The factors of ``expr`` in stored order (``expr`` itself when it is no product)."""
    return tuple(expr.args) if isinstance(expr, sp.Mul) else (expr,)


def add(*terms: Basic) -> Basic:
    """A sum in the given order; nested sums are flattened, zeros dropped."""
    flat: list[Basic] = []
    for term in terms:
        flat.extend(t for t in terms_of(term) if t != 0)
    if not flat:
        return sp.Integer(0)
    if len(flat) == 1:
        return flat[0]
    return _unevaluated(sp.Add, flat)


def mul(*factors: Basic) -> Basic:
    """A product in the given order; numeric factors gathered into one leading coefficient."""
    coeff: sp.Number = ONE
    flat: list[Basic] = []
    for factor in factors:
        for f in factors_of(factor):
            if isinstance(f, sp.Number):
                coeff *= f
            else:
                flat.append(f)
    if coeff == 0:
        return sp.Integer(0)
    if coeff != ONE:
        flat.insert(0, coeff)
    if not flat:
        return ONE
    if len(flat) == 1:
        return flat[0]
    return _unevaluated(sp.Mul, flat)


def _unevaluated(cls: type, args: list[Basic]) -> Basic:
    """``cls(*args, evaluate=False)`` for ``Add`` or ``Mul``, built directly when every argument is an
    expression (SymPy's constructor would only check that, look the call up in its cache, and ask each
    argument whether it commutes, which for a new function node runs the assumptions system)."""
    if all(isinstance(a, sp.Expr) for a in args) and all(_commutes(a) for a in args):
        return cls._from_args(args, True)
    return cls(*args, evaluate=False)


def _commutes(e: Basic) -> bool:
    """True when ``e`` is known to commute; a function node commutes when its arguments do (as SymPy says)."""
    if isinstance(e, sp.Function) and "commutative" not in e._assumptions:
        return all(_commutes(a) for a in e.args)
    return e.is_commutative is True


def is_negative_term(term: Basic) -> bool:
    """True when ``term`` is written with a leading minus sign."""
    if isinstance(term, sp.Number):
        return bool(term < 0)
    return isinstance(term, sp.Mul) and isinstance(term.args[0], sp.Number) and bool(term.args[0] < 0)


def neg(expr: Basic) -> Basic:
    """``-expr`` written the way a person would: a leading sign added or removed."""
    if isinstance(expr, sp.Number):
        return -expr
    if isinstance(expr, sp.Mul) and expr.args[0] == MINUS_ONE:
        return mul(*expr.args[1:])
    if isinstance(expr, sp.Mul) and isinstance(expr.args[0], sp.Number) and expr.args[0] < 0:
        return mul(-expr.args[0], *expr.args[1:])
    return mul(MINUS_ONE, expr)


def neg_terms(expr: Basic) -> Basic:
    """``-expr`` with the sign pushed into every summand (``-(a - b)`` as ``-a + b``), and into sums' bodies."""
    if isinstance(expr, (sp.Sum, sp.Integral)):
        return expr.func(neg_terms(expr.function), *expr.limits)
    return add(*(neg(t) if not isinstance(t, (sp.Sum, sp.Integral)) else neg_terms(t) for t in terms_of(expr)))


def sub(a: Basic, b: Basic) -> Basic:
    """``a - b`` without reordering."""
    return add(a, neg(b))


def quotient(a: Basic, b: Basic) -> Basic:
    """``a / b`` as a product with ``b**-1``, unevaluated."""
    return sp.Mul(a, sp.Pow(b, -1, evaluate=False), evaluate=False)


def rebuild(expr: Basic, args: Iterable[Basic]) -> Basic:
    """``expr`` with new arguments, keeping sums and products unevaluated."""
    args = tuple(args)
    if len(args) == len(expr.args) and all(a is b for a, b in zip(args, expr.args)):
        return expr
    if isinstance(expr, sp.Add):
        return add(*args)
    if isinstance(expr, sp.Mul):
        return mul(*args)
    if isinstance(expr, sp.Function) and type(expr).__new__ in _FUNCTION_NEW and "nargs" in vars(expr):
        return unevaluated_function(type(expr), args, expr.nargs)
    if isinstance(expr, (sp.Pow, sp.Rel, sp.Function)):
        return expr.func(*args, evaluate=False)
    return expr.func(*args)


#: The constructors of SymPy's function classes (``Function``, and ``DefinedFunction`` where SymPy has it).
_FUNCTION_NEW = frozenset(c.__new__ for c in sp.log.__mro__ if issubclass(c, sp.Function) and "__new__" in vars(c))


def unevaluated_function(cls: type, args: tuple[Basic, ...], nargs: sp.Set) -> Basic:
    """``cls(*args, evaluate=False)`` for a function class without its own constructor, built directly.

    What SymPy's constructor does for it without evaluation (store the arguments, attach ``nargs``), minus
    its per-call canonicalisation of ``nargs``, which costs far more than the node itself.
    """
    obj = Basic.__new__(cls, *args)
    obj.nargs = nargs
    return obj


def is_leaf(expr: Basic) -> bool:
    """Nodes rules never look inside: atoms, and distributions (whose parameters may be many)."""
    return not expr.args or getattr(expr, "is_distribution", False)


def replace(expr: Basic, mapping: Mapping[Basic, Basic]) -> Basic:
    """Replace whole subtrees by ``mapping`` without re-evaluating what is around them."""
    if expr in mapping:
        return mapping[expr]
    if is_leaf(expr):
        return expr
    return rebuild(expr, (replace(a, mapping) for a in expr.args))


def bottom_up(expr: Basic, fn: Callable[[Basic], Basic]) -> Basic:
    """Apply ``fn`` to every node, children first, keeping the tree unevaluated."""
    if not is_leaf(expr):
        expr = rebuild(expr, (bottom_up(a, fn) for a in expr.args))
    return fn(expr)


def count_symbols(expr: Basic) -> set[Basic]:
    """The symbols that end the sums and products of ``expr`` (``n`` of ``\\sum_{i=1}^{n}``): counts, no values."""
    return {x for agg in expr.atoms(sp.Sum, sp.Product) for limit in agg.limits for end in limit[1:]
            for x in end.free_symbols}
