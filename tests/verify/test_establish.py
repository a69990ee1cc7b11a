r"""derive.verify.establish: a statement follows from a fact formally (a rational multiple, atoms opaque), never by meaning."""

from __future__ import annotations

import time

import pytest
import sympy as sp

from derive import Bernoulli
from derive.core.group import Group
from derive.core.system import System
from derive.parse import parse_latex
from derive.verify.establish import MAX_TERMS, NotFormal, claim, follows, form, parts

P, Q = Bernoulli(sp.Symbol("p")), Bernoulli(sp.Symbol("q"), name="Q")
x, y = sp.symbols("x y")


def read(tex: str) -> sp.Basic:
    return parse_latex(tex, (P, Q))


#: (statement part, fact, does the part follow from the fact, why).
TABLE = [
    # the same fact, rearranged or scaled: accepted
    (r"H(P, Q) = KL(P \Vert Q) + H(P)", r"H(P, Q) = KL(P \Vert Q) + H(P)", True, "itself"),
    (r"H(P, Q) = KL(P \Vert Q) + H(P)", r"KL(P \Vert Q) = H(P, Q) - H(P)", True, "rearranged, c = -1"),
    (r"H(P, Q) = KL(P \Vert Q) + H(P)", r"KL(P \Vert Q) - H(P, Q) + H(P) = 0", True, "the article's last chain"),
    (r"2 H(P, Q) = 2 KL(P \Vert Q) + 2 H(P)", r"H(P, Q) = KL(P \Vert Q) + H(P)", True, "scaled by 2"),
    (r"\frac{1}{2} H(P) = \frac{1}{2} H(P, Q) - \frac{1}{2} KL(P \Vert Q)", r"H(P, Q) = KL(P \Vert Q) + H(P)", True,
     "scaled by -1/2"),
    (r"KL(P \Vert Q) \geq 0", r"KL(P \Vert Q) \geq 0", True, "Gibbs"),
    (r"0 \leq KL(P \Vert Q)", r"KL(P \Vert Q) \geq 0", True, "written the other way round"),
    (r"-KL(P \Vert Q) \leq 0", r"KL(P \Vert Q) \geq 0", True, "negated and reversed"),
    (r"3 KL(P \Vert Q) \geq 0", r"KL(P \Vert Q) \geq 0", True, "a positive multiple"),
    (r"KL(P \Vert Q) \geq 0", r"KL(P \Vert Q) > 0", True, "a strict fact gives the non-strict statement"),
    (r"KL(P \Vert Q) > 0", r"KL(P \Vert Q) > 0", True, "strict from strict"),
    (r"KL(P \Vert Q) \geq 0", r"KL(P \Vert Q) = 0", True, "an equality gives >="),
    (r"KL(P \Vert Q) \leq 0", r"KL(P \Vert Q) = 0", True, "an equality gives <="),
    (r"y = x + 1", r"x - y + 1 = 0", True, "plain symbols"),
    (r"x \cdot (y + 1) \geq 0", r"x y + x \geq 0", True, "products are expanded"),
    (r"(x + y)^{2} = 0", r"x^{2} + 2 x y + y^{2} = 0", True, "small powers are expanded"),
    (r"\frac{\partial}{\partial q} H(P, Q) = \frac{\partial}{\partial q} KL(P \Vert Q)",
     r"\frac{\partial}{\partial q} H(P, Q) = \frac{\partial}{\partial q} KL(P \Vert Q)", True, "derivatives as atoms"),
    # strengthened, weakened the wrong way, reversed: refused
    (r"KL(P \Vert Q) > 0", r"KL(P \Vert Q) \geq 0", False, "a strict statement needs a strict fact"),
    (r"KL(P \Vert Q) = 0", r"KL(P \Vert Q) \geq 0", False, "an equality needs an equality"),
    (r"KL(P \Vert Q) \leq 0", r"KL(P \Vert Q) \geq 0", False, "the reversed bound"),
    (r"-KL(P \Vert Q) \geq 0", r"KL(P \Vert Q) \geq 0", False, "a negative multiple of a bound"),
    (r"KL(P \Vert Q) > 0", r"KL(P \Vert Q) = 0", False, "an equality gives no strict bound"),
    (r"KL(P \Vert Q) \geq 1", r"KL(P \Vert Q) \geq 0", False, "another constant"),
    # false, or true but not what the fact says: refused (no meanings are compared)
    (r"H(P, Q) = KL(P \Vert Q) - H(P)", r"H(P, Q) = KL(P \Vert Q) + H(P)", False, "a flipped sign"),
    (r"H(P, Q) \geq H(P)", r"KL(P \Vert Q) \geq 0", False, "true, but another statement"),
    (r"KL(P \Vert Q) = \sum_{i \in \{H, T\}} P(i) \log\left(\frac{P(i)}{Q(i)}\right)",
     r"H(P, Q) = KL(P \Vert Q) + H(P)", False, "a true definition is not the fact"),
    (r"\frac{\partial}{\partial q} \left(KL(P \Vert Q) + H(P)\right) = \frac{\partial}{\partial q} KL(P \Vert Q) + "
     r"\frac{\partial}{\partial q} H(P)",
     r"\frac{\partial}{\partial q} H(P, Q) = \frac{\partial}{\partial q} KL(P \Vert Q)", False,
     "a derivative is not unfolded"),
    (r"\log(x y) = \log(x) + \log(y)", r"x = y", False, "logarithms are atoms"),
    (r"x^{2} = 1", r"x = 1", False, "not a multiple"),
    (r"x = 1", r"x^{2} = 1", False, "not a multiple either"),
    (r"\sqrt{2} x = 0", r"x = 0", False, "only rational multiples"),
    (r"x y = 0", r"x = 0", False, "a multiple by a symbol is not a rational multiple"),
    # trivial statements and facts say nothing
    (r"H(P) = H(P)", r"H(P) = H(P)", False, "a trivial statement"),
    (r"1 = 1", r"KL(P \Vert Q) \geq 0", False, "a trivial statement, whatever the fact"),
    (r"x - x = 0", r"x = 0", False, "formally trivial"),
    (r"KL(P \Vert Q) = 0", r"0 = 0", False, "a trivial fact"),
    # not finite, not a relation
    (r"KL(P \Vert Q) \geq -\infty", r"KL(P \Vert Q) \geq 0", False, "infinity is not a number here"),
    (r"KL(P \Vert Q) \neq 0", r"KL(P \Vert Q) > 0", False, "!= is not understood"),
]


@pytest.mark.parametrize("part, fact, expected, why", TABLE, ids=[row[3] for row in TABLE])
def test_follows(part: str, fact: str, expected: bool, why: str) -> None:
    assert follows(read(part), read(fact)) is expected


def test_a_labelled_group_means_its_content() -> None:
    assert follows(sp.Eq(Group(x + y, "Term 1"), 0, evaluate=False), sp.Eq(x + y, 0, evaluate=False))


def test_parts_of_systems_and_chained_inequalities() -> None:
    system = System(sp.Eq(x, 1, evaluate=False), sp.Eq(y, 2, evaluate=False))
    assert parts(system) == system.equations
    assert len(parts(read(r"0 \leq x \leq 1"))) == 2
    assert parts(sp.Eq(x, 1, evaluate=False)) == (sp.Eq(x, 1, evaluate=False),)


@pytest.mark.parametrize("expr", [sp.zoo, sp.nan, sp.oo, -sp.oo, x + sp.zoo, sp.Eq(x, 1),
                                  sp.Pow(0, -1, evaluate=False), sp.Pow(0, x, evaluate=False)],
                         ids=["zoo", "nan", "oo", "-oo", "x+zoo", "relation", "1/0", "0^x"])
def test_no_form_for_infinities_and_non_expressions(expr: sp.Basic) -> None:
    with pytest.raises(NotFormal):
        form(expr)


def test_large_expansions_are_refused_quickly() -> None:
    a, b, c, d = sp.symbols("a b c d")
    start = time.perf_counter()
    with pytest.raises(NotFormal):
        form(sp.Pow(a + b + c + d, 60, evaluate=False))  # tens of thousands of monomials
    assert not follows(sp.Eq(sp.Pow(a + b + c + d, 60, evaluate=False), 0), sp.Eq(a, 0))
    assert time.perf_counter() - start < 30


def test_huge_powers_are_atoms() -> None:
    big = sp.Pow(x + 1, 10**6, evaluate=False)
    assert len(form(big)) == 1 and len(form(big + 1)) == 2 < MAX_TERMS


def test_claims_are_oriented() -> None:
    assert claim(read(r"x \leq 1")) == claim(read(r"1 \geq x"))
    assert claim(read(r"x < 1")).relation == ">"
    assert claim(read("x = x")).trivial


RELATIONS = {"=": sp.Eq, ">=": sp.Ge, ">": sp.Gt, "<=": sp.Le, "<": sp.Lt}
HOLDS = {"=": lambda v: v == 0, ">=": lambda v: v >= 0, ">": lambda v: v > 0, "<=": lambda v: v <= 0,
         "<": lambda v: v < 0}


@pytest.mark.parametrize("c", [2, -3, sp.Rational(1, 2)])
@pytest.mark.parametrize("stated", list(RELATIONS))
@pytest.mark.parametrize("shown", list(RELATIONS))
def test_the_relation_rule_is_exactly_what_the_numbers_allow(shown: str, stated: str, c: sp.Rational) -> None:
    """``c x R_s 0`` follows from ``x R_f 0`` exactly when it holds for every value of ``x`` the fact allows."""
    allowed = [v for v in (-1, 0, 1) if HOLDS[shown](v)]
    expected = all(HOLDS[stated](c * v) for v in allowed)
    fact = RELATIONS[shown](x, 0, evaluate=False)
    assert follows(RELATIONS[stated](c * x, 0, evaluate=False), fact) is expected
    assert follows(RELATIONS[stated](0, -c * x, evaluate=False), fact) is expected  # the sides written otherwise
