"""The verifier: is a claim true everywhere on its domain?  PROVED, REFUTED (with a counterexample) or UNKNOWN.

It trusts neither the rule that made a step nor the script that chose it, and
imports no rule.  Its public face:

* :func:`check_equal` -- ``lhs == rhs`` on a domain;
* :func:`check_relation` -- a bound (``<=``, ``<``, ``>=``, ``>``) or a relation
  between equations (``iff``, ``implies``);
* :func:`check_step` -- one step of a derivation, by its relation;
* :func:`verify_derivation` -- every step, each chain's start, the statement.

Each call runs under a time limit (:data:`derive.verify.limits.DEFAULT_SECONDS`
seconds unless ``timeout`` says otherwise, enforced in any thread), and an
internal error or an exhausted limit is UNKNOWN with a one-line reason: never
a traceback, never PROVED.

The parts, one job each (each module states the argument for its soundness
and the assumptions it needs):

========================  ================================================
``numeric``, ``quadrature``  sample points (inside, on closed faces), numbers
                          that refute
``binders``               bound variables, empty sums, covers of a range
``signs``                 interval bounds and positivity on a domain
``shape``                 proof by shape (term templates)
``exact``                 proof by re-parametrisation, aggregates, lemmas,
                          evaluation, cases (``cases``)
``lemmas``                integral lemmas and inequality lemmas
``equality``              the order of work for ``lhs == rhs``; closed faces
``relations``             bounds: refutation, signs, monotonicity
``implications``          equations implying equations, by solving
``parts``, ``steps``      a step checked part by part; a derivation's steps
``limits``                time and size limits
========================  ================================================
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

import sympy as sp

from derive.core import Derivation, Report, Status, Step, Verdict
from derive.core.allocation import fewer_collections
from derive.core.domain import Domain
from derive.core.system import System
from derive.distributions.semantics import denote
from derive.errors import DeriveError
from derive.verify import implications
from derive.verify.equality import equal
from derive.verify.limits import DEFAULT_SECONDS, OutOfTime, active, seconds_of, settle, simplify, time_limit
from derive.verify.relations import relation
from derive.verify.steps import step_holds, steps_of

__all__ = ["DEFAULT_SECONDS", "check_equal", "check_given", "check_relation", "check_step", "verify_derivation"]

_ACTIVE = threading.local()


def check_equal(lhs: sp.Basic, rhs: sp.Basic, domain: Domain, *, timeout: float | None = None) -> Verdict:
    """Decide ``lhs == rhs`` for every point of ``domain`` (its closed ends included)."""
    _expect_domain(domain)
    lhs, rhs = _expect_side(lhs), _expect_side(rhs)
    return _guarded(lambda: equal(lhs, rhs, domain), timeout)


def check_relation(before: sp.Basic, after: sp.Basic, relation_: str, domain: Domain, *,
                   timeout: float | None = None) -> Verdict:
    """Decide ``before R after`` on ``domain``: ``R`` is ``<=``, ``<``, ``>=``, ``>``, ``iff`` or ``implies``."""
    _expect_domain(domain)
    if relation_ not in ("<=", "<", ">=", ">", "iff", "implies"):
        raise DeriveError(f"not a bound or an implication: {relation_!r} (use <=, <, >=, >, iff or implies)")
    before, after = _expect_side(before), _expect_side(after)
    return _guarded(lambda: relation(before, after, relation_, domain), timeout)


def check_given(hypotheses: Sequence[sp.Equality], lhs: sp.Basic, rhs: sp.Basic, relation_: str, domain: Domain, *,
                timeout: float | None = None) -> Verdict:
    """Decide ``lhs R rhs`` (``R`` one of ``=``, ``<=``, ``<``, ``>=``, ``>``) at the points of ``domain`` where every
    equation of ``hypotheses`` holds: "Suppose $x + y = 2$ and $x - y = 0$. Then $x = 1$".

    An equality is an implication (:func:`derive.verify.implications.equations`).  A bound is decided after the
    hypotheses are solved for unknowns they fix everywhere (:func:`derive.verify.implications.eliminate`) and
    the solutions put in: sound because at every point where they hold those unknowns have those values.
    Hypotheses that cannot all be solved so leave the bound UNKNOWN (a refutation found without them could
    break them).
    """
    _expect_domain(domain)
    if relation_ not in ("=", "<=", "<", ">=", ">"):
        raise DeriveError(f"not an equality or a bound: {relation_!r} (use =, <=, <, >= or >)")
    if not all(isinstance(h, sp.Equality) for h in hypotheses):
        raise DeriveError("hypotheses must be SymPy equations")
    lhs, rhs = _expect_side(lhs), _expect_side(rhs)
    if not hypotheses:
        return check_equal(lhs, rhs, domain, timeout=timeout) if relation_ == "=" else \
            check_relation(lhs, rhs, relation_, domain, timeout=timeout)
    return _guarded(lambda: _given(tuple(hypotheses), lhs, rhs, relation_, domain), timeout)


def _given(hypotheses: tuple[sp.Equality, ...], lhs: sp.Basic, rhs: sp.Basic, relation_: str,
           domain: Domain) -> Verdict:
    if relation_ == "=":
        premise = System(*hypotheses) if len(hypotheses) > 1 else hypotheses[0]
        return implications.equations(premise, sp.Eq(lhs, rhs, evaluate=False), "implies", domain)
    try:
        fs = [denote(h.lhs) - denote(h.rhs) for h in hypotheses]
    except (ValueError, KeyError) as exc:
        return Verdict(Status.UNKNOWN, f"cannot give the hypotheses a value: {exc}")
    solution, pending = implications.eliminate(fs, domain, [h.lhs for h in hypotheses])
    if pending:
        return Verdict(Status.UNKNOWN, "could not solve the hypotheses " +
                       ", ".join(f"{sp.sstr(f)} = 0" for f in pending))
    a, b = (implications.put_all(denote(side), solution, domain) for side in (lhs, rhs))
    verdict = relation(a, b, relation_, domain)
    solved = ", ".join(f"{x} = {sp.sstr(v)}" for x, v in solution.items())
    if verdict.status is Status.REFUTED:
        point = dict(verdict.counterexample)
        values = {x: simplify(v.xreplace(point)) for x, v in solution.items()}
        spans = dict(domain.intervals)
        if not all(x not in spans or spans[x].contains(v) is sp.true for x, v in values.items()):
            return Verdict(Status.UNKNOWN, f"refuted with {solved}, but there the solved values leave the domain")
        verdict = Verdict(Status.REFUTED, verdict.reason, verdict.counterexample +
                          tuple((x, v) for x, v in values.items() if x in spans))
    return Verdict(verdict.status, f"with {solved}: {verdict.reason}" if solved else verdict.reason,
                   verdict.counterexample)


def check_step(step: Step, domain: Domain, *, timeout: float | None = None) -> Verdict:
    """One step: ``before R after`` for the step's relation (an equation step: its equation holds)."""
    _expect_domain(domain)
    return _guarded(lambda: step_holds(step, domain), timeout)


def verify_derivation(derivation: Derivation, *, timeout: float | None = None) -> Report:
    """Check every step, each chain's starting point, and the stated identity (each under its own time limit)."""
    domain = derivation.domain
    with fewer_collections():
        return Report(tuple((s, check_step(s, domain, timeout=timeout)) for s in steps_of(derivation)))


def _expect_side(side: object) -> sp.Basic:
    """A SymPy object (or a Python integer); anything else is a :class:`DeriveError` saying what to pass."""
    if isinstance(side, bool) or not isinstance(side, (sp.Basic, int)):
        hint = " (LaTeX text goes to derive.testing.assert_identity)" if isinstance(side, str) else \
            " (write exact numbers: sympy.Rational(3, 10), not 0.3)" if isinstance(side, float) else ""
        raise DeriveError(f"a side must be a SymPy expression, got {type(side).__name__}{hint}")
    return sp.Integer(side) if isinstance(side, int) else side


def _expect_domain(domain: object) -> None:
    if not isinstance(domain, Domain):
        raise DeriveError(f"expected a derive.Domain, got {type(domain).__name__}")


def _guarded(check: Callable[[], Verdict], timeout: float | None) -> Verdict:
    """``check()`` under a time limit; an internal error or the limit is UNKNOWN.

    A call made inside another public call shares its limit; a call made under a
    caller's own :func:`~derive.verify.limits.time_limit` (``derive check``'s
    per-link limit) runs under that one unless ``timeout`` is given.  Only this
    call's own deadline is caught here; a caller's passes through to the caller.
    """
    if getattr(_ACTIVE, "on", False):
        return check()
    try:
        seconds = seconds_of(timeout) if timeout is not None or not active() else None
    except ValueError as exc:
        raise DeriveError(str(exc)) from None
    _ACTIVE.on = True
    expired: type[OutOfTime] | None = None
    try:
        if seconds is None:
            return check()
        with time_limit(seconds) as expired:
            return check()
    except OutOfTime as exc:
        if expired is not None and isinstance(exc, expired):
            settle(exc)
            return Verdict(Status.UNKNOWN, f"gave up after {seconds:g} s (the time limit)")
        raise
    except RecursionError:
        return Verdict(Status.UNKNOWN, "the expression is nested too deeply to check")
    except DeriveError as exc:  # what derive refuses to give a value, said as it is
        return Verdict(Status.UNKNOWN, _one_line(exc))
    except Exception as exc:  # noqa: BLE001 (an internal error is reported, never a traceback or a proof)
        return Verdict(Status.UNKNOWN, f"internal error: {type(exc).__name__}: {_one_line(exc)}")
    finally:
        _ACTIVE.on = False


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 200 else text[:197] + "..."
