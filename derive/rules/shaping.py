"""Rules that put a closed form in the shape references print it in.

``combine-fractions`` writes the terms over one denominator as one fraction (its numerator collected),
``complete-the-square`` turns ``a^2 - 2ab + b^2`` inside a sum into ``(a - b)^2``, and ``order-terms``
writes a sum in the usual order: logarithms first, the constant last.  Each keeps the order the other
terms were written in, so a derivation's last line reads like the textbook's.
"""

from __future__ import annotations

import sympy as sp

from derive.core import Rewrite, Rule
from derive.core.domain import Domain
from derive.core.functions import base_of
from derive.core.terms import add, factors_of, is_negative_term, mul, neg, quotient, terms_of
from derive.distributions.measures import Measure
from derive.distributions.semantics import plain

_OPEN = (sp.Sum, sp.Integral, Measure)


# -- combine-fractions ------------------------------------------------------------------------------------

def _fraction_of(term: sp.Basic) -> tuple[sp.Expr, sp.Expr] | None:
    """``(numerator, denominator)`` of a term that is a fraction with a symbolic denominator, evaluated;
    ``None`` for a logarithm over a denominator (its place is with the other logarithms: ``combine-logs``)."""
    if term.has(*_OPEN):
        return None
    num, den = sp.fraction(plain(term))
    if den.is_number or num.has(sp.log):
        return None
    return num, den


def _combine_fractions(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    if not isinstance(expr, sp.Add):
        return None
    groups: dict[sp.Expr, list[int]] = {}
    fractions: dict[int, tuple[sp.Expr, sp.Expr]] = {}
    for k, term in enumerate(terms_of(expr)):
        found = _fraction_of(term)
        if found is not None:
            fractions[k] = found
            groups.setdefault(found[1].as_coeff_Mul()[1], []).append(k)
    shared = {key: members for key, members in groups.items() if len(members) > 1}
    if not shared:
        return None
    out: list[sp.Basic] = []
    placed: dict[int, sp.Basic] = {members[0]: _one_fraction([fractions[k] for k in members], key)
                                   for key, members in shared.items()}
    dropped = {k for members in shared.values() for k in members[1:]}
    for k, term in enumerate(terms_of(expr)):
        if k in placed:
            out.append(placed[k])
        elif k not in dropped:
            out.append(term)
    return Rewrite(add(*out))


def _one_fraction(members: list[tuple[sp.Expr, sp.Expr]], key: sp.Expr) -> sp.Basic:
    """The fractions ``members`` (over ``c_i * key``) as one: numerators over the least common denominator,
    like terms added in the order they first appear, the fraction reduced when its numerator allows."""
    scale = sp.ilcm(*(int(den.as_coeff_Mul()[0]) for _, den in members)) if all(
        den.as_coeff_Mul()[0].is_Integer for _, den in members) else 1
    den = sp.Integer(scale) * key if scale != 1 else key
    collected: dict[sp.Expr, sp.Expr] = {}
    for num, d in members:
        for monomial in sp.Add.make_args(sp.expand(num * sp.cancel(den / d))):
            coeff, rest = monomial.as_coeff_Mul()
            collected[rest] = collected.get(rest, sp.Integer(0)) + coeff
    numerator = [c * m for m, c in collected.items() if c != 0]
    if not numerator:
        return sp.Integer(0)
    total = sp.Add(*numerator)
    reduced = sp.cancel(total / den)
    top, bottom = sp.fraction(reduced)
    if sp.expand(bottom - den) != 0:
        return _written(sp.Add.make_args(top), bottom)
    return _written(numerator, den)


def _written(numerator: list[sp.Expr] | tuple[sp.Expr, ...], den: sp.Expr) -> sp.Basic:
    """``sum(numerator) / den`` with the sign in front when every term of the numerator is negative."""
    if all(is_negative_term(t) or t.could_extract_minus_sign() for t in numerator):
        return neg(_written([-t for t in numerator], den))
    top = add(*numerator)
    if den == 1:
        return top
    if top.is_Number:
        return sp.Rational(top) / den if den.is_Number else quotient(top, den)
    return quotient(top, den)


combine_fractions = Rule(
    "combine-fractions",
    "a/d + b/d -> (a + b)/d  (over the least common denominator; like terms of the numerator added)",
    _combine_fractions,
    prose="Put the fractions with the same denominator together.",
)


# -- complete-the-square --------------------------------------------------------------------------------------

def _complete_the_square(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    if not isinstance(expr, sp.Add) or len(expr.args) < 3 or expr.has(*_OPEN):
        return None
    terms = terms_of(expr)
    squares = [(k, t.base) for k, t in enumerate(terms) if isinstance(t, sp.Pow) and t.exp == 2]
    for i, (k, a) in enumerate(squares):
        for m, b in squares[i + 1:]:
            for n, t in enumerate(terms):
                if n in (k, m):
                    continue
                cross = sp.expand(plain(t))
                sign = 1 if sp.expand(cross - 2 * a * b) == 0 else -1 if sp.expand(cross + 2 * a * b) == 0 else 0
                if sign:
                    square = sp.Pow(add(a, b if sign == 1 else neg(b)), 2, evaluate=False)
                    last = max(k, m, n)
                    kept = [square if j == last else u for j, u in enumerate(terms) if j not in (k, m, n) or j == last]
                    return Rewrite(add(*kept))
    return None


complete_the_square = Rule(
    "complete-the-square",
    "a^2 - 2*a*b + b^2 -> (a - b)^2;  a^2 + 2*a*b + b^2 -> (a + b)^2  (three terms of a sum)",
    _complete_the_square,
    prose="Complete the square.",
)


# -- order-terms ----------------------------------------------------------------------------------------------

def _rank(term: sp.Basic) -> int:
    """0 for a logarithm term, 1 for another positive term, 2 for a negative one, 3 for a constant."""
    if not term.free_symbols:
        return 3
    body = neg(term) if is_negative_term(term) else term
    if any(base_of(f) is not None for f in factors_of(body)):
        return 0
    return 2 if is_negative_term(term) else 1


def _order_terms(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    if not isinstance(expr, sp.Add):
        return None
    terms = terms_of(expr)
    ordered = sorted(terms, key=_rank)
    if list(ordered) == list(terms):
        return None
    return Rewrite(add(*ordered))


order_terms = Rule(
    "order-terms",
    "c + b + a -> a + b + c  (logarithms first, then positive terms, then negative ones, the constant last)",
    _order_terms,
    scope="root",
    prose="Write the terms in the usual order: the logarithms first, the constant last.",
)

RULES = (combine_fractions, complete_the_square, order_terms)
