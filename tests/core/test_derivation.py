"""derive.core.derivation: relations (relate, relation_of, combine), steps, chains, sections, derivations, reports."""

from __future__ import annotations

import dataclasses
import re

import pytest
import sympy as sp

from derive.core.constraints import Ordered
from derive.core.derivation import (Chain, Derivation, Report, Section, Status, Step, Verdict, combine, relate,
                                    relation_of)
from derive.core.domain import Domain
from derive.core.rule import Refusal, Rewrite, Rule
from derive.core.system import System
from derive.distributions import Bernoulli, Normal
from derive.errors import DeriveError, InvalidParameter, RuleError

x, y, z, p = sp.symbols("x y z p")
P = Bernoulli(p)
REALS = sp.Interval.open(-sp.oo, sp.oo)


def _double_x(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    return Rewrite(2 * x, (x > 0,)) if expr == x else None


def _refuse_x(expr: sp.Basic, domain: Domain) -> Refusal | None:
    return Refusal("x may be negative") if expr == x else None


def _grow(expr: sp.Basic, domain: Domain) -> Rewrite | None:
    return Rewrite(expr + 1) if expr.is_Symbol else None


def _same(got: sp.Basic, expected: sp.Basic) -> bool:
    """The same value (a rule's rewrite keeps the order terms were written in, so trees may differ)."""
    return sp.expand(got - expected) == 0


DOUBLE = Rule("double-x", "x -> 2 x", _double_x, prose="double it")
DOUBLE_AT_ROOT = Rule("double-x-at-root", "x -> 2 x", _double_x, scope="root")
REFUSE = Rule("refuse-x", "x -> x", _refuse_x)
GROW = Rule("add-one", "a -> a + 1", _grow, relation="<=")  # a bound: its direction is the script's to say


# -- relations ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("relation, cls", [
    ("=", sp.Equality), ("<=", sp.LessThan), (">=", sp.GreaterThan), ("<", sp.StrictLessThan),
    (">", sp.StrictGreaterThan),
])
def test_relate_builds_the_relation_unevaluated(relation, cls):
    one, two = sp.Integer(1), sp.Integer(2)
    claim = relate(one, two, relation)
    assert type(claim) is cls and claim.args == (one, two)
    assert relation_of(claim) == relation
    assert type(relate(x, x, relation)) is cls, "x R x stays a relation, never True or False"


@pytest.mark.parametrize("relation", ["iff", "implies", "==", "!=", "", "≤"])
def test_relate_refuses_what_is_not_a_relation_between_expressions(relation):
    with pytest.raises(DeriveError, match="relates equations, not expressions"):
        relate(x, y, relation)


@pytest.mark.parametrize("claim, relation", [
    (sp.Eq(x, y), "="), (sp.Le(x, y), "<="), (sp.Ge(x, y), ">="), (sp.Lt(x, y), "<"), (sp.Gt(x, y), ">"),
    (sp.Eq(x, x, evaluate=False), "="),
    (sp.Ne(x, y), None), (x + y, None), (sp.true, None), (sp.Eq(x, x), None), (sp.And(x < 1, y < 1), None),
    (System(sp.Eq(x, 1), sp.Eq(y, 2)), None),
], ids=["eq", "le", "ge", "lt", "gt", "unevaluated-eq", "ne", "expression", "true", "evaluated-eq", "and", "system"])
def test_relation_of(claim, relation):
    assert relation_of(claim) == relation


@pytest.mark.parametrize("first, second, combined", [
    ("=", "=", "="), ("=", "<=", "<="), ("=", ">", ">"), ("=", "iff", "iff"), ("=", "implies", "implies"),
    ("<=", "=", "<="), ("<=", "<=", "<="), ("<=", "<", "<"), ("<", "<=", "<"), ("<", "=", "<"),
    (">=", ">", ">"), (">", ">=", ">"), (">", ">", ">"),
    ("iff", "iff", "iff"), ("iff", "implies", "implies"), ("implies", "iff", "implies"), ("implies", "=", "implies"),
])
def test_combine(first, second, combined):
    assert combine(first, second) == combined


@pytest.mark.parametrize("first, second", [
    ("<=", ">="), ("<", ">"), (">=", "<"), (">", "<="), ("<=", "iff"), ("implies", "<"), ("iff", ">="),
])
def test_combine_refuses_steps_pointing_different_ways(first, second):
    with pytest.raises(DeriveError, match=f"cannot continue a {first!r} step with a {second!r} step"):
        combine(first, second)


# -- steps and chains ------------------------------------------------------------------------------------

def test_a_step_defaults_to_an_equality_without_conditions_and_is_frozen():
    step = Step("r", x, y)
    assert (step.note, step.conditions, step.relation) == ("", (), "=")
    with pytest.raises(dataclasses.FrozenInstanceError):
        step.after = z  # type: ignore[misc]


@pytest.mark.parametrize("chain, origin, current", [
    (Chain(x), x, x),
    (Chain(x, start=y), y, y),
    (Chain(None, start=sp.Eq(x, 1)), sp.Eq(x, 1), sp.Eq(x, 1)),
    (Chain(x, steps=(Step("r", x, y), Step("r", y, z))), x, z),
    (Chain(x, start=y, steps=(Step("r", y, z),)), y, z),
], ids=["subject", "start", "equations", "two-steps", "continued"])
def test_origin_and_current(chain, origin, current):
    assert chain.origin == origin and chain.current == current


@pytest.mark.parametrize("relations, expected", [
    ((), ["="]),
    (("=", "<=", "<", "="), ["=", "=", "<=", "<", "<"]),
    ((">=", "=", ">"), ["=", ">=", ">=", ">"]),
    (("iff", "implies"), ["=", "iff", "implies"]),
], ids=["none", "towards-less", "towards-greater", "equations"])
def test_relation_at_each_step(relations, expected):
    chain = Chain(x, steps=tuple(Step("r", x, x, relation=r) for r in relations))
    assert [chain.relation_at(k) for k in range(len(relations) + 1)] == expected
    assert chain.relation == expected[-1]


def test_a_chain_given_steps_pointing_both_ways_has_no_relation():
    chain = Chain(x, steps=(Step("r", x, y, relation="<="), Step("r", y, z, relation=">=")))
    assert chain.relation_at(1) == "<="
    with pytest.raises(DeriveError, match="cannot continue"):
        chain.relation


def test_then_records_the_step_and_leaves_the_chain_unchanged():
    chain = Chain(x + y)
    longer = chain.then(DOUBLE)
    assert chain.steps == () and chain.current == x + y
    (step,) = longer.steps
    assert (step.rule, step.before, step.note, step.conditions, step.relation) == \
        ("double-x", x + y, "double it", (x > 0,), "=")
    assert _same(step.after, 2 * x + y) and longer.current == step.after and longer.relation == "="
    assert longer.then(DOUBLE, note="again").steps[-1].note == "again"


@pytest.mark.parametrize("chain, rule, options, message", [
    (Chain(x), REFUSE, {}, "rule refuse-x refused: x may be negative"),
    (Chain(y), DOUBLE, {}, "rule double-x does not match y"),
    (Chain(x + y), DOUBLE_AT_ROOT, {}, "does not match x + y"),
    (Chain(x + y), DOUBLE, {"at": "root"}, "does not match x + y"),
    (Chain(x), GROW, {}, "rule add-one is a bound: say which way it points here"),
    (Chain(x), DOUBLE, {"relation": "~"}, "relation '~' is not one of =, <=, >=, <, >, iff, implies"),
    (Chain(x), DOUBLE, {"relation": "=="}, "is not one of"),
], ids=["refusal", "no-match", "root-scope", "at-root", "bound-without-direction", "unknown-relation", "double-equals"])
def test_then_refuses_with_a_rule_error(chain, rule, options, message):
    with pytest.raises(RuleError, match=re.escape(message)):
        chain.then(rule, **options)


@pytest.mark.parametrize("rule, options, current, relation", [
    (GROW, {"relation": "<="}, x + 1, "<="),
    (GROW, {"relation": ">"}, x + 1, ">"),
    (DOUBLE, {}, 2 * x, "="),
    (DOUBLE, {"relation": ">="}, 2 * x, ">="),
    (DOUBLE_AT_ROOT, {}, 2 * x, "="),
], ids=["bound-down", "bound-strict", "rule-relation", "given-relation", "root-scope-at-root"])
def test_then_takes_the_relation_given_or_the_rules_own(rule, options, current, relation):
    chain = Chain(x).then(rule, **options)
    assert chain.current == current and chain.steps[-1].relation == relation == chain.relation


def test_then_at_overrides_the_rules_scope():
    assert _same(Chain(x + y).then(DOUBLE_AT_ROOT, at="everywhere").current, 2 * x + y)


def test_then_refuses_a_step_pointing_against_the_chain_when_it_is_taken():
    bounded = Chain(x).then(GROW, relation="<=")
    assert bounded.then(GROW, relation="<").relation == "<"
    with pytest.raises(DeriveError, match="cannot continue a '<=' step with a '>=' step"):
        bounded.then(GROW, relation=">=")


@pytest.mark.parametrize("chain, rule, current, changed", [
    (Chain(y), DOUBLE, y, False),
    (Chain(x + y), DOUBLE, 2 * x + y, True),
    (Chain(x + y), DOUBLE_AT_ROOT, x + y, False),
    (Chain(x), DOUBLE_AT_ROOT, 2 * x, True),
    (Chain(x), GROW, x, None),
], ids=["no-match", "match", "root-scope-below-root", "root-scope-at-root", "bound"])
def test_maybe(chain, rule, current, changed):
    if changed is None:  # a bound still needs its direction, matched or not
        with pytest.raises(RuleError, match="is a bound"):
            chain.maybe(rule)
        assert chain.maybe(rule, relation="<=").current == x + 1
        return
    after = chain.maybe(rule)
    assert _same(after.current, current)
    assert (after is not chain) is changed and len(after.steps) == len(chain.steps) + changed


def test_maybe_still_refuses_when_the_rule_refuses():
    with pytest.raises(RuleError, match="refused"):
        Chain(x).maybe(REFUSE)


def test_chains_compare_without_their_domain():
    assert Chain(x, domain=Domain(((x, REALS),))) == Chain(x)
    assert Chain(x) != Chain(x, hypothesis=True)


# -- sections, verdicts and reports ------------------------------------------------------------------------

def test_a_section_has_no_prose_by_default():
    section = Section("title", (Chain(x),))
    assert (section.intro, section.outro) == ("", "")


@pytest.mark.parametrize("status, proved", [(Status.PROVED, True), (Status.REFUTED, False), (Status.UNKNOWN, False)])
def test_verdict_proved(status, proved):
    assert Verdict(status).proved is proved
    assert Verdict(status).counterexample == () and Verdict(status).reason == ""


def _report(*statuses: Status) -> Report:
    return Report(tuple((Step("r", x, x), Verdict(s)) for s in statuses))


@pytest.mark.parametrize("report, ok, summary", [
    (_report(), False, "0 proved, 0 refuted, 0 unknown"),
    (_report(Status.PROVED), True, "1 proved, 0 refuted, 0 unknown"),
    (_report(Status.PROVED, Status.PROVED), True, "2 proved, 0 refuted, 0 unknown"),
    (_report(Status.PROVED, Status.UNKNOWN), False, "1 proved, 0 refuted, 1 unknown"),
    (_report(Status.REFUTED, Status.PROVED, Status.REFUTED), False, "1 proved, 2 refuted, 0 unknown"),
], ids=["empty", "one-proved", "all-proved", "one-unknown", "refuted"])
def test_report(report, ok, summary):
    assert report.ok is ok and report.summary() == summary
    assert sum(report.count(s) for s in Status) == len(report.results)


# -- derivations -----------------------------------------------------------------------------------------

def _derivation(*chains: Chain, distributions: tuple = (P,), **options) -> Derivation:
    return Derivation("t", (Section("s", chains),), distributions, **options)


def test_chains_and_steps_in_order_across_sections():
    first, second, third = Step("a", x, y), Step("b", y, z), Step("c", z, x)
    d = Derivation("t", (Section("one", (Chain(x, steps=(first, second)),)), Section("two", ()),
                         Section("three", (Chain(z, steps=(third,)),))), (P,))
    assert [c.origin for c in d.chains] == [x, z]
    assert d.steps == (first, second, third)
    assert (d.statement, d.intro, d.slug, d.units) == (None, "", "derivation", "nats")


@pytest.mark.parametrize("chain, result", [
    (Chain(x, steps=(Step("r", x, y),)), sp.Eq(x, y)),
    (Chain(x, steps=(Step("r", x, y, relation="<="), Step("r", y, z))), sp.Le(x, z)),
    (Chain(x), sp.Eq(x, x, evaluate=False)),
    (Chain(None, start=sp.Eq(x, 1), steps=(Step("r", sp.Eq(x, 1), sp.Eq(y, 2), relation="iff"),)), sp.Eq(y, 2)),
], ids=["equality", "bound", "no-steps", "equations"])
def test_result_is_the_last_chains_conclusion(chain, result):
    assert _derivation(Chain(z, steps=(Step("r", z, y),)), chain).result == result


def test_a_statement_is_kept_as_given():
    statement = sp.Eq(x, y)
    assert _derivation(Chain(x), statement=statement).statement is statement


@pytest.mark.parametrize("interval, assumption", [
    (REALS, sp.Contains(z, sp.Reals, evaluate=False)),
    (sp.Interval.open(0, sp.oo), sp.StrictGreaterThan(z, 0, evaluate=False)),
    (sp.Interval(0, sp.oo), sp.GreaterThan(z, 0, evaluate=False)),
    (sp.Interval.open(0, 1), sp.Interval.open(0, 1).as_relational(z)),
    (sp.Interval(-1, 2), sp.Interval(-1, 2).as_relational(z)),
], ids=["real", "positive", "nonnegative", "unit", "closed"])
def test_what_a_chain_adds_to_the_domain_is_an_assumption(interval, assumption):
    d = _derivation(Chain(z, domain=Domain(((z, interval),))))
    assert d.domain.intervals == ((p, sp.Interval.open(0, 1)), (z, interval))
    assert d.assumptions == (assumption,)


def test_the_distributions_own_domain_is_no_assumption():
    d = _derivation(Chain(p, domain=P.domain))
    assert d.domain == P.domain and d.assumptions == ()


def test_a_chains_constraint_is_an_assumption():
    a, b = sp.symbols("a b")
    d = _derivation(Chain(a, domain=Domain(constraints=(Ordered(a, b),))))
    assert d.domain.constraints == (Ordered(a, b),)
    assert d.assumptions == (sp.StrictLessThan(a, b, evaluate=False),)


def test_the_variable_of_a_density_stays_bound():
    mu, sigma = sp.symbols("mu sigma")
    normal = Normal(mu, sigma)
    placed = Domain(((normal.variable, REALS), (z, sp.Interval.open(0, sp.oo))))
    d = _derivation(Chain(normal.variable, domain=placed), distributions=(normal,))
    assert d.domain.symbols == (mu, sigma, z)
    assert d.assumptions == (sp.StrictGreaterThan(z, 0, evaluate=False),)


def test_a_chain_cannot_give_a_parameter_another_domain():
    d = _derivation(Chain(p, domain=Domain(((p, sp.Interval.open(0, 2)),))))
    with pytest.raises(InvalidParameter, match="parameter p has two domains"):
        d.domain


def test_verify_checks_every_step():
    good, bad = Step("r", p * (1 - p), p - p ** 2), Step("r", p * (1 - p), p + p ** 2)
    report = _derivation(Chain(p * (1 - p), steps=(good,)), Chain(p * (1 - p), steps=(bad,))).verify()
    assert [step for step, _ in report.results] == [good, bad]
    assert [v.status for _, v in report.results] == [Status.PROVED, Status.REFUTED]
    assert not report.ok and report.results[1][1].counterexample


_x, _y = sp.symbols("x y")
_STEP = Step("distribute", _x * (_x + _y), _x**2 + _x * _y)
_BOUND = Step("bound", _x**2, _x**2 + 1, relation="<=")


@pytest.mark.parametrize("step, text, shown", [
    (_STEP, "x*(x + y) = x**2 + x*y  [distribute]", "<Step distribute: x*(x + y) = x**2 + x*y>"),
    (_BOUND, "x**2 <= x**2 + 1  [bound]", "<Step bound: x**2 <= x**2 + 1>"),
], ids=["equal", "bound"])
def test_a_step_prints_as_mathematics(step: Step, text: str, shown: str) -> None:
    assert (str(step), repr(step)) == (text, shown)


def test_a_derivation_prints_its_sections_and_chains() -> None:
    chain = Chain(_x * (_x + _y), steps=(_STEP,))
    d = Derivation("Demo", (Section("A. Expand", (chain,)),), ())
    assert str(d) == "Demo\n\nA. Expand\n  x*(x + y)\n    = x**2 + x*y  [distribute]"
    assert repr(d) == "<Derivation 'Demo': 1 sections, 1 steps>"


def test_a_report_prints_each_step_and_the_summary() -> None:
    report = Report(((_STEP, Verdict(Status.PROVED, "cancels")), (_BOUND, Verdict(Status.UNKNOWN, "no proof"))))
    assert str(report) == "1. distribute: proved\n2. bound: unknown (no proof)\n1 proved, 0 refuted, 1 unknown"
    assert repr(report) == "<Report: 1 proved, 0 refuted, 1 unknown>"
