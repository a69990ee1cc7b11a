"""derive.core.terms: expressions built without SymPy's reordering, signs written the way a person would."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.render.printer import to_latex
from derive.core.terms import (add, as_expr, bottom_up, factors_of, is_negative_term, mul, neg, neg_terms, quotient,
                          rebuild, replace, sub, terms_of)

a, b, c, x, y, z = sp.symbols("a b c x y z")
ZERO, ONE, MINUS_ONE = sp.Integer(0), sp.Integer(1), sp.Integer(-1)


def unevaluated_add(*args):
    return sp.Add(*args, evaluate=False)


def unevaluated_mul(*args):
    return sp.Mul(*args, evaluate=False)


# -- add ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("terms, expected_args", [
    ((y, x), (y, x)),
    ((z, y, x), (z, y, x)),
    ((sp.log(y), x, ONE), (sp.log(y), x, ONE)),
], ids=["two-reversed", "three-reversed", "function-first"])
def test_add_keeps_the_order_given(terms, expected_args):
    assert add(*terms).args == expected_args


@pytest.mark.parametrize("terms, expected_args", [
    ((unevaluated_add(z, y), x), (z, y, x)),
    ((x, unevaluated_add(z, y)), (x, z, y)),
    ((unevaluated_add(c, b), unevaluated_add(z, y)), (c, b, z, y)),
], ids=["nested-first", "nested-last", "two-nested"])
def test_add_flattens_nested_sums_in_place(terms, expected_args):
    assert add(*terms).args == expected_args


@pytest.mark.parametrize("terms, expected", [
    ((), ZERO),
    ((ZERO, ZERO), ZERO),
    ((x,), x),
    ((ZERO, x, ZERO), x),
], ids=["empty", "only-zeros", "single", "zeros-dropped"])
def test_add_degenerate_sums(terms, expected):
    assert add(*terms) == expected


def test_add_does_not_cancel():
    result = add(x, neg(x))
    assert isinstance(result, sp.Add) and result.args == (x, unevaluated_mul(MINUS_ONE, x))


# -- mul ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("factors, expected_args", [
    ((y, x), (y, x)),
    ((sp.log(x), x), (sp.log(x), x)),
    ((unevaluated_add(ONE, neg(x)), sp.log(y)), (unevaluated_add(ONE, neg(x)), sp.log(y))),
], ids=["symbols-reversed", "log-first", "bracket-first"])
def test_mul_keeps_the_order_given(factors, expected_args):
    assert mul(*factors).args == expected_args


@pytest.mark.parametrize("factors, expected_args", [
    ((unevaluated_mul(z, y), x), (z, y, x)),
    ((x, unevaluated_mul(z, y)), (x, z, y)),
], ids=["nested-first", "nested-last"])
def test_mul_flattens_nested_products_in_place(factors, expected_args):
    assert mul(*factors).args == expected_args


@pytest.mark.parametrize("factors, expected_args", [
    ((x, MINUS_ONE, y), (MINUS_ONE, x, y)),
    ((x, y, MINUS_ONE), (MINUS_ONE, x, y)),
    ((x, unevaluated_mul(MINUS_ONE, y)), (MINUS_ONE, x, y)),
], ids=["middle", "last", "inside-a-factor"])
def test_mul_gathers_a_minus_sign_in_front(factors, expected_args):
    assert mul(*factors).args == expected_args


@pytest.mark.parametrize("factors, expected", [
    ((MINUS_ONE, MINUS_ONE, x), x),
    ((MINUS_ONE, x, MINUS_ONE, y), unevaluated_mul(x, y)),
    ((ONE, x, ONE), x),
    ((), ONE),
    ((ONE, ONE), ONE),
    ((MINUS_ONE,), MINUS_ONE),
    ((x, ZERO, y), ZERO),
], ids=["two-signs-cancel", "two-signs-cancel-in-product", "ones-dropped", "empty", "only-ones", "only-sign",
        "zero"])
def test_mul_degenerate_products(factors, expected):
    assert mul(*factors) == expected


@pytest.mark.parametrize("factors", [
    (x, sp.Integer(-2)),
    (x, sp.Integer(-2), y),
    (sp.log(x), sp.Rational(-1, 2)),
], ids=["negative-number-last", "negative-number-middle", "negative-rational-last"])
def test_mul_gathers_the_sign_of_a_negative_number(factors):
    """'Signs are gathered in front': a negative coefficient is no exception (``x*(-2)`` reads ``-2 x``)."""
    result = mul(*factors)
    text = to_latex(result)
    assert is_negative_term(result), f"{sp.srepr(result)} does not start with its sign"
    assert text.startswith("-") and "(-" not in text, text
    assert sp.expand(result - sp.Mul(*factors)) == 0


def test_mul_of_a_negative_number_and_a_negated_term_is_positive():
    """``-2 * (-y)`` is ``2 y``; it must not print as ``-2 (-y)`` or start with a minus sign."""
    result = mul(sp.Integer(-2), unevaluated_mul(MINUS_ONE, y))
    assert not is_negative_term(result), sp.srepr(result)
    assert to_latex(result) == "2 y"


# -- neg, neg_terms, sub, is_negative_term ------------------------------------------------------

@pytest.mark.parametrize("expr, expected", [
    (x, unevaluated_mul(MINUS_ONE, x)),
    (unevaluated_mul(MINUS_ONE, x), x),
    (unevaluated_mul(MINUS_ONE, x, y), unevaluated_mul(x, y)),
    (unevaluated_mul(sp.Integer(-3), x), unevaluated_mul(sp.Integer(3), x)),
    (sp.Integer(2), sp.Integer(-2)),
    (sp.Rational(-1, 3), sp.Rational(1, 3)),
    (ZERO, ZERO),
    (unevaluated_add(x, y), unevaluated_mul(MINUS_ONE, unevaluated_add(x, y))),
    (sp.log(x), unevaluated_mul(MINUS_ONE, sp.log(x))),
], ids=["symbol", "negated-symbol", "negated-product", "negative-coefficient", "integer", "negative-rational",
        "zero", "sum-kept-whole", "function"])
def test_neg(expr, expected):
    assert neg(expr) == expected


@pytest.mark.parametrize("expr", [x, unevaluated_mul(x, y), unevaluated_add(x, y), sp.log(x), sp.Integer(5)],
                         ids=["symbol", "product", "sum", "log", "integer"])
def test_neg_twice_gives_back_the_same_tree(expr):
    assert neg(neg(expr)) == expr


def test_neg_twice_of_a_negative_coefficient_prints_the_same():
    expr = unevaluated_mul(sp.Integer(-3), x)
    assert to_latex(neg(expr)) == "3 x"
    assert to_latex(neg(neg(expr))) == "-3 x"


@pytest.mark.parametrize("expr, expected_latex", [
    (add(a, neg(b)), "-a + b"),
    (add(neg(a), b), "a - b"),
    (add(a, b, neg(c)), "-a - b + c"),
    (a, "-a"),
], ids=["a-minus-b", "minus-a-plus-b", "three-terms", "single-term"])
def test_neg_terms_pushes_the_sign_into_every_summand(expr, expected_latex):
    result = neg_terms(expr)
    assert to_latex(result) == expected_latex
    assert sp.expand(result + expr) == 0


def test_neg_terms_keeps_term_order():
    assert neg_terms(add(a, neg(b))).args == (unevaluated_mul(MINUS_ONE, a), b)


def test_sub_writes_a_minus_b_in_order():
    assert sub(b, a).args == (b, unevaluated_mul(MINUS_ONE, a))
    assert to_latex(sub(b, neg(a))) == "b + a"


@pytest.mark.parametrize("term, negative", [
    (unevaluated_mul(MINUS_ONE, x), True),
    (unevaluated_mul(sp.Integer(-2), x), True),
    (sp.Integer(-2), True),
    (sp.Rational(-1, 2), True),
    (x, False),
    (unevaluated_mul(x, y), False),
    (sp.Integer(2), False),
    (ZERO, False),
    (unevaluated_add(neg(x), y), False),
], ids=["minus-x", "minus-2x", "minus-2", "minus-half", "x", "xy", "two", "zero", "sum"])
def test_is_negative_term(term, negative):
    assert is_negative_term(term) is negative


# -- replace, rebuild, bottom_up, small helpers -------------------------------------------------

def test_replace_keeps_order_and_does_not_evaluate():
    expr = add(y, mul(x, z), neg(x))
    result = replace(expr, {x: z})
    assert result.args == (y, unevaluated_mul(z, z), unevaluated_mul(MINUS_ONE, z))
    cancelling = replace(add(x, neg(y)), {y: x})
    assert cancelling.args == (x, unevaluated_mul(MINUS_ONE, x)), "x - x must stay written, not collapse to 0"


def test_replace_whole_subtrees_only():
    expr = add(sp.log(add(ONE, neg(x))), x)
    assert replace(expr, {add(ONE, neg(x)): y}) == add(sp.log(y), x)
    assert replace(expr, {z: y}) is expr


def test_replace_inside_functions_and_powers():
    expr = sp.log(quotient(x, y))
    result = replace(expr, {y: add(ONE, neg(z))})
    assert to_latex(result) == r"\log\left(\frac{x}{1 - z}\right)"


def test_rebuild_keeps_sums_and_products_unevaluated():
    assert rebuild(add(x, y), (z, x)).args == (z, x)
    assert rebuild(mul(x, y), (z, x)).args == (z, x)
    assert rebuild(sp.Pow(x, -1, evaluate=False), (y, MINUS_ONE)) == sp.Pow(y, -1, evaluate=False)
    same = add(x, y)
    assert rebuild(same, same.args) is same


def test_bottom_up_visits_children_before_parents():
    seen = []

    def record(node):
        seen.append(node)
        return node

    expr = add(mul(x, y), z)
    assert bottom_up(expr, record) == expr
    assert seen == [x, y, mul(x, y), z, expr]


def test_quotient_is_an_unevaluated_reciprocal():
    result = quotient(x, y)
    assert result.args == (x, sp.Pow(y, -1, evaluate=False))
    assert to_latex(quotient(x, x)) == r"\frac{x}{x}"


def test_terms_and_factors_of():
    assert terms_of(add(y, x)) == (y, x)
    assert terms_of(x) == (x,)
    assert factors_of(mul(y, x)) == (y, x)
    assert factors_of(add(x, y)) == (add(x, y),)


@pytest.mark.parametrize("value, expected", [(3, sp.Integer(3)), (x, x), (sp.Rational(1, 2), sp.Rational(1, 2))],
                         ids=["int", "symbol", "rational"])
def test_as_expr_accepts_sympy_and_integers(value, expected):
    assert as_expr(value) == expected


@pytest.mark.parametrize("value", ["x", True, 0.5, None], ids=["string", "bool", "float", "none"])
def test_as_expr_refuses_other_values(value):
    with pytest.raises(TypeError):
        as_expr(value)
