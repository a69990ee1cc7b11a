"""What the stages of ``derive check`` share: values put in, derivatives taken, functions the text defines applied
(of a variance as of a scale), densities in their support, relations named, units, and a link's entry."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass

import pytest
import sympy as sp

from derive.check.shared import (SCALE, UNIT_WORD, Failed, OfSquares, arguments_placed, in_support, link_entry,
                                 put_values, relation_reason, squared, taken_expr, with_functions)

a, b, mu, p, x, y, z = sp.symbols("a b mu p x y z")
f, g, h, L = sp.Function("f"), sp.Function("g"), sp.Function("h"), sp.Function("L")
SIGMA = sp.Symbol("sigma", positive=True)
x_i = sp.IndexedBase("x")[sp.Symbol("i")]
UNIT = sp.Interval(0, 1)


@pytest.mark.parametrize(("name", "scale"), [
    ("sigma", True), ("sigma_1", True), ("sigma_{12}", True), ("sigmahat", True), ("sigmabar", True),
    ("sigmatilde", True), ("Sigma", False), ("sigma2", False), ("xsigma", False), ("s", False),
])
def test_scale_names_a_standard_deviation(name: str, scale: bool) -> None:
    assert (SCALE.fullmatch(name) is not None) == scale


@pytest.mark.parametrize(("text", "unit"), [
    (" \\mathrm{bits}", True), ("\\, \\text{ nats}", True), ("~\\text{bit}", True), ("\\operatorname{shannons}", True),
    ("\\textrm{nat}", True), ("\\text{meters}", False), ("bits", False),
])
def test_unit_word_is_a_unit_of_information_after_a_number(text: str, unit: bool) -> None:
    assert (UNIT_WORD.match(text) is not None) == unit


@pytest.mark.parametrize(("expr", "values", "expected"), [
    (x + y, {}, x + y),
    (x + y, {x: 2}, y + 2),
    (x, {x: y, y: z}, z),  # a name defined by another
    (sp.Sum(x, (x, 1, 3)) + x, {x: 5}, sp.Sum(x, (x, 1, 3)) + 5),  # a sum's own x is not the x given
    (L(z), {sp.Symbol("L"): z**2}, z**2),  # L(z) where L stands for an expression
    # a derivative with respect to a name given a value is taken first, with that name a variable
    (sp.Derivative(sp.log(p), p), {p: sp.Rational(1, 2)}, sp.Integer(2)),
    (sp.Derivative(sp.Symbol("c") * y, y), {y: z**2}, sp.Symbol("c")),
    (sp.Derivative(L(y), y), {y: sp.Function("sigma")(z)},
     sp.Derivative(L(sp.Function("sigma")(z)), sp.Function("sigma")(z))),  # in y, before y is sigma(z)
], ids=["nothing", "value", "chain", "bound", "function-name", "at-a-number", "taken", "kept"])
def test_put_values(expr: sp.Basic, values: dict, expected: sp.Basic) -> None:
    assert put_values(expr, values) == expected


def test_put_values_stops_in_a_loop_of_definitions() -> None:
    looped = put_values(x, {x: y + 1, y: x})
    assert looped.free_symbols in ({x}, {y})  # one of the two names, a number added at each round
    assert (looped - next(iter(looped.free_symbols))).is_Integer and looped.func is sp.Add


@pytest.mark.parametrize(("expr", "expected"), [
    (x**2, x**2),
    (sp.Derivative(x**2, x), 2 * x),
    (sp.Subs(sp.Derivative(x**3, x), x, 2), sp.Integer(12)),
    (sp.Derivative(f(x), x), sp.Derivative(f(x), x)),  # undefined: kept
])
def test_taken_expr(expr: sp.Basic, expected: sp.Basic) -> None:
    assert taken_expr(expr) == expected


@pytest.mark.parametrize(("arg", "expected"), [
    (sp.Symbol("sigma") ** 2, True), (sp.Symbol("sigma_1") ** 2, True), (sp.Symbol("s", positive=True) ** 2, True),
    (x**2, False), (sp.Symbol("sigma") ** 3, False), (sp.Symbol("sigma"), False), ((x + 1) ** 2, False),
])
def test_squared_is_the_square_of_a_positive_scale(arg: sp.Basic, expected: bool) -> None:
    assert squared(arg) is expected


#: ``l(\mu, \sigma^2) = \mu + (\sigma^2)^{3/2}``: its meaning, a function of the variance.
VARIANCE = sp.Dummy("sigma")
OF_VARIANCE = OfSquares(sp.Lambda((mu, VARIANCE), mu + VARIANCE ** sp.Rational(3, 2)), ((1, SIGMA),))


@pytest.mark.parametrize(("args", "expected"), [
    ((mu, SIGMA**2), mu + SIGMA**3),
    ((mu, SIGMA), mu + SIGMA**3),  # of the scale itself: the same
    ((mu, 4), mu + 8),
    ((mu, a), mu + a ** sp.Rational(3, 2)),
])
def test_a_function_of_a_square_applies_to_the_square_or_the_scale(args: tuple, expected: sp.Basic) -> None:
    assert OF_VARIANCE(*args) == expected
    assert OF_VARIANCE.expr == mu + VARIANCE ** sp.Rational(3, 2)


@pytest.mark.parametrize(("expr", "functions", "expected"), [
    (f(2), {f: sp.Lambda(x, x**2)}, sp.Integer(4)),
    (sp.Derivative(f(x), x), {f: sp.Lambda(x, x**3)}, 3 * x**2),
    (y + 1, {f: sp.Lambda(x, x**2)}, y + 1),
    (f(a, b), {f: sp.Lambda((a, b), a * b)}, a * b),
    (f(a), {f: sp.Lambda((a, b), a * b)}, a * b),  # its own variables left out
    (f(b), {f: sp.Lambda((a, b), a * b)}, f(b)),  # not its first variable: as written
    (f(2, 3), {f: sp.Lambda(x, x**2)}, f(2, 3)),  # more arguments, not its parameters
    (f(x, mu), {f: sp.Lambda(x, x + mu)}, x + mu),  # its parameters written again after its variable
    (f(x_i, mu), {f: sp.Lambda(x, x + mu)}, x_i + mu),  # ... after a datum
    (f(x, y), {f: sp.Lambda(x, x + mu)}, f(x, y)),
    (g(y), {f: sp.Lambda(x, x**2), g: sp.Lambda(x, f(x) + 1)}, y**2 + 1),  # one defined by another
    (sp.Integral(sp.Symbol("f") * x, x), {f: sp.Lambda(x, x**2)}, sp.Integral(x**3, x)),  # the argument omitted
    (sp.Integral(sp.Symbol("f") * y, y), {f: sp.Lambda(x, x**2)}, sp.Integral(sp.Symbol("f") * y, y)),
    (sp.Function("l")(mu, SIGMA) + sp.Function("l")(mu, SIGMA**2), {sp.Function("l"): OF_VARIANCE},
     2 * mu + 2 * SIGMA**3),
    (f(x_i), {f: sp.Lambda(x, sp.Piecewise((sp.exp(-x), x >= 0), (0, True)))}, sp.exp(-x_i)),  # in its support
], ids=["value", "derivative", "none", "two", "left-out", "not-first", "too-many", "parameters", "datum",
        "not-parameters", "nested", "omitted", "other-variable", "of-squares", "support"])
def test_with_functions(expr: sp.Basic, functions: dict, expected: sp.Basic) -> None:
    assert with_functions(expr, functions) == expected


@pytest.mark.parametrize(("expr", "expected"), [
    (sp.Piecewise((sp.exp(-x_i), x_i >= 0), (0, True)), sp.exp(-x_i)),  # at a datum: its support
    (sp.Piecewise((sp.exp(-x), x >= 0), (0, True)), sp.Piecewise((sp.exp(-x), x >= 0), (0, True))),
    (sp.Piecewise((1, x_i >= 0), (2, True)), sp.Piecewise((1, x_i >= 0), (2, True))),  # two nonzero values
])
def test_in_support(expr: sp.Basic, expected: sp.Basic) -> None:
    assert in_support(expr) == expected


@pytest.mark.parametrize(("relation", "reason"), [
    ("≈", "\\approx: an approximation"), ("<", "<: an inequality"), ("<=", "\\le: an inequality"),
    ("!=", "\\neq: an inequation"), ("⊥", "\\perp: an independence"), ("∈", "\\in: a membership"),
    ("⇔", "an equivalence"), ("=", "="), ("weird", "weird"),
])
def test_relation_reason(relation: str, reason: str) -> None:
    assert relation_reason(relation) == reason


@pytest.mark.parametrize(("expr", "domains", "expected"), [
    (f(x) + f(y), {f: (UNIT,)}, {x: UNIT, y: UNIT}),
    (f(x) + f(2), {f: (UNIT,)}, {x: UNIT}),
    (f(x, y), {f: (None, UNIT)}, {y: UNIT}),  # defined on an interval in its second argument only
    (f(x) + h(x), {f: (UNIT,), h: (UNIT,)}, {x: UNIT}),
    (f(x) + h(x), {f: (UNIT,), h: (sp.Interval(0, 2),)}, {}),  # two different intervals: left out
    (sp.Sum(f(x), (x, 1, 3)), {f: (UNIT,)}, {}),  # not free
    (f(x), {}, {}),
])
def test_arguments_placed(expr: sp.Basic, domains: dict, expected: dict) -> None:
    assert arguments_placed(expr, domains) == expected


@dataclass(frozen=True)
class _Piece:
    tex: str


@dataclass(frozen=True)
class _Link:
    lhs: _Piece
    rhs: _Piece
    relation: str
    line: int


@pytest.mark.parametrize(("relation", "expected"), [(None, ">="), ("⇔", "⇔")])
def test_link_entry(relation: str | None, expected: str) -> None:
    entry = link_entry("f.md", _Link(_Piece("x^2"), _Piece("0"), ">=", 7), "claim", "refuted", "why", (("x", "1"),),
                       relation=relation)
    assert (entry.file, entry.line, entry.kind, entry.status, entry.lhs, entry.rhs, entry.reason) == (
        "f.md", 7, "claim", "refuted", "x^2", "0", "why")
    assert (entry.counterexample, entry.checked, entry.relation) == ((("x", "1"),), False, expected)


def test_a_piece_not_read_is_frozen() -> None:
    failed = Failed("skipped", "prose")
    with pytest.raises(FrozenInstanceError):
        failed.reason = "other"  # type: ignore[misc]
