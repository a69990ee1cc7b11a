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
from collections.abc import Callable

import sympy as sp

from derive.allocation import fewer_collections
from derive.core import Derivation, Report, Status, Step, Verdict
from derive.domain import Domain
from derive.errors import DeriveError
from derive.verify.equality import equal
from derive.verify.limits import DEFAULT_SECONDS, OutOfTime, active, seconds_of, settle, time_limit
from derive.verify.relations import relation
from derive.verify.steps import step_holds, steps_of

__all__ = ["DEFAULT_SECONDS", "check_equal", "check_relation", "check_step", "verify_derivation"]

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
    except Exception as exc:  # noqa: BLE001 (an internal error is reported, never a traceback or a proof)
        return Verdict(Status.UNKNOWN, f"internal error: {type(exc).__name__}: {_one_line(exc)}")
    finally:
        _ACTIVE.on = False


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 200 else text[:197] + "..."
