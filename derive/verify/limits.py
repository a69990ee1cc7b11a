"""Bounded checks: a time limit that works in any thread, and a size limit on expansion.

**Time.**  :func:`time_limit` runs a block under a deadline.  When the time is
up, a watchdog thread raises :class:`OutOfTime` *in the checking thread*
(CPython's ``PyThreadState_SetAsyncExc``), so the limit holds in the main
thread, in worker threads and under pytest alike, with no cost while the
check runs.  The exception is raised between two Python bytecodes; SymPy is
pure Python, so a long simplification or integration is interrupted.  It
derives from ``BaseException`` so that no ``except Exception`` on the way
swallows it.  Nested limits are allowed: the innermost deadline that expires
raises, and only the block that set it catches it.

**Size.**  :func:`expansion_size` estimates, without expanding, how many
terms ``sympy.expand`` would produce (``(a + b + c + d + f)^60`` has
635,376).  Proof paths that expand check it against :data:`MAX_TERMS` first
and give way to the numeric refutation instead.

**Numbers.**  :func:`simplify` is ``sympy.simplify`` kept from building
integers of millions of digits: with a coefficient such as ``8812909`` next to
``log(2)`` its ``logcombine`` writes ``log(2**8812909)``, and asking whether
that number is prime is one call into C that no time limit interrupts.
"""

from __future__ import annotations

import ctypes
import math
import threading
import time
from dataclasses import dataclass

import sympy as sp

#: The default time allowed for one identity, in seconds (the CLI's ``--timeout``).
DEFAULT_SECONDS = 30.0
#: Longest time limit accepted (a day): larger values are taken as this.
MAX_SECONDS = 86_400.0
#: Seconds between deliveries of the time-limit exception, once the time is up.
RETRY = 0.5
#: Terms an exact proof path may expand an expression into.
MAX_TERMS = 5_000
#: Bits of the numbers written in an expression past which :func:`simplify` keeps logarithms of numbers apart.
MAX_NUMBER_BITS = 12
#: Largest number :func:`simplify` factors to write a logarithm of it over logarithms of primes.
MAX_FACTORED = 10**12


class OutOfTime(BaseException):
    """Raised in a checking thread when its time limit is up (caught by :func:`time_limit`'s caller)."""


def seconds_of(value: object) -> float:
    """A time limit in seconds from user input (``None``: the default); ``ValueError`` when it is not one."""
    if value is None:
        return DEFAULT_SECONDS
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"a time limit is a number of seconds, got {value!r}")
    seconds = float(value)
    if math.isnan(seconds) or seconds <= 0:
        raise ValueError(f"a time limit must be a positive number of seconds, got {value!r}")
    return min(seconds, MAX_SECONDS)


class time_limit:  # noqa: N801 (used as a function: ``with time_limit(30) as expired``)
    """Run the block for at most ``seconds`` (``None``: no limit); past it, raise a fresh subclass of
    :class:`OutOfTime` in this thread.

    The subclass is what ``with`` gives, so a caller catches exactly its own deadline::

        try:
            with time_limit(30) as expired:
                ...
        except expired:
            ...

    One watchdog thread serves every limit.  It fires only while the block is
    armed: arming and disarming take its lock, so a delivery never lands in the
    middle of either; a delivery still pending when the block ends is withdrawn.
    A caller that catches the exception calls :func:`settle` with it, in case the
    block was left before it could disarm itself.
    """

    def __init__(self, seconds: float | None) -> None:
        self.seconds = None if seconds is None else min(max(float(seconds), 0.0), MAX_SECONDS)
        self.expired: type[OutOfTime] = type("OutOfTime", (OutOfTime,), {"seconds": self.seconds})

    def __enter__(self) -> type[OutOfTime]:
        if self.seconds is not None:
            _arm(self.expired, time.monotonic() + self.seconds)
        _LIMITS.depth = active() + 1
        return self.expired

    def __exit__(self, *exc: object) -> bool:
        while True:
            try:
                _LIMITS.depth = max(0, active() - 1)
                settle(self.expired)
                return False
            except OutOfTime:  # delivered while disarming: disarm again (the block is over either way)
                continue


@dataclass
class _Armed:
    deadline: float
    thread: int
    fired: bool = False
    next_fire: float = 0.0


def _arm(expired: type[OutOfTime], deadline: float) -> None:
    _start_watchdog()
    with _WAKE:
        _ARMED[expired] = _Armed(deadline, threading.get_ident(), next_fire=deadline)
        _WAKE.notify()


def settle(expired: type[OutOfTime] | BaseException) -> None:
    """Disarm the limit ``expired`` (its exception class, or the exception itself) and withdraw a pending delivery."""
    cls = expired if isinstance(expired, type) else type(expired)
    with _WAKE:
        entry = _ARMED.pop(cls, None)
        if entry is not None and entry.fired and entry.thread == threading.get_ident():
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(entry.thread), None)


def _watch() -> None:
    """Deliver each expired limit's exception to its thread, again every :data:`RETRY` seconds until disarmed
    (a handler on the way, a garbage-collector callback or a bare except, may swallow one delivery)."""
    with _WAKE:
        while True:
            now = time.monotonic()
            wake = None
            for cls, entry in list(_ARMED.items()):
                if entry.next_fire <= now:
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(entry.thread), ctypes.py_object(cls))
                    entry.fired, entry.next_fire = True, now + RETRY
                wake = entry.next_fire if wake is None else min(wake, entry.next_fire)
            _WAKE.wait(None if wake is None else max(0.0, wake - now))


def _start_watchdog() -> None:
    global _WATCHDOG
    if _WATCHDOG is None:
        with _STARTING:
            if _WATCHDOG is None:
                thread = threading.Thread(target=_watch, daemon=True, name="derive-time-limits")
                thread.start()
                _WATCHDOG = thread


_WAKE = threading.Condition(threading.Lock())
_ARMED: dict[type, _Armed] = {}
_STARTING = threading.Lock()
_WATCHDOG: threading.Thread | None = None


def active() -> int:
    """How many time limits this thread runs under."""
    return getattr(_LIMITS, "depth", 0)


_LIMITS = threading.local()


class Clock:
    """Time left for one check, for loops that prefer to stop early rather than be interrupted."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        return self.end - time.monotonic()


def expansion_size(expr: sp.Basic, limit: int = MAX_TERMS) -> int:
    """An estimate (an upper bound for sums and powers) of the terms ``expand(expr)`` makes, capped at ``limit + 1``.

    A sum has the terms of its parts, a product their product, a power
    ``(t_1 + ... + t_k)^n`` at most ``C(n + k - 1, k - 1)`` times the terms of
    each ``t_i`` to the ``n``; a function counts as one term but its argument is
    expanded too, so the largest expansion anywhere inside counts.
    """
    cap = limit + 1
    seen: dict[sp.Basic, int] = {}

    def terms(e: sp.Basic) -> int:
        if not e.args:
            return 1
        found = seen.get(e)
        if found is not None:
            return found
        if isinstance(e, sp.Add):
            n = min(cap, sum(terms(a) for a in e.args))
        elif isinstance(e, sp.Mul):
            n = 1
            for a in e.args:
                n = min(cap, n * terms(a))
        elif isinstance(e, sp.Pow) and e.exp.is_Integer and isinstance(e.base, (sp.Add, sp.Mul)):
            k, power = terms(e.base), abs(int(e.exp))
            n = cap if power > 10 * cap else min(cap, math.comb(power + k - 1, k - 1) if k > 1 else 1)
            inside = max((terms(a) for a in e.base.args), default=1)
            n = min(cap, n * (inside ** min(power, 64) if inside > 1 else 1))
        else:
            n = 1
        inner = max((terms(a) for a in e.args), default=1)
        seen[e] = max(n, inner)
        return seen[e]

    return terms(expr)


def too_large(*exprs: sp.Basic, limit: int = MAX_TERMS) -> bool:
    """True when expanding any of ``exprs`` could make more than ``limit`` terms."""
    return any(expansion_size(e, limit) > limit for e in exprs)


def simplify(expr: sp.Basic) -> sp.Basic:
    """``sympy.simplify(expr)``, with each logarithm of a positive rational written over logarithms of primes held as
    independent positive symbols when the numbers written in ``expr`` could make ``logcombine`` raise one to a
    power of millions of digits (module docstring).  Independent symbols only lose relations, so a 0 it reaches
    is a 0 of ``expr``; the symbols are put back in the result."""
    logs = [a for a in expr.atoms(sp.log) if a.args[0].is_Rational and a.args[0].is_positive]
    if not logs or _number_bits(expr) <= MAX_NUMBER_BITS:
        return sp.simplify(expr)
    held: dict[sp.Integer, sp.Dummy] = {}
    written = {log: _over_primes(log.args[0], held) for log in logs}
    result = sp.simplify(expr.xreplace(written))
    return result.xreplace({symbol: sp.log(n, evaluate=False) for n, symbol in held.items()})


def _number_bits(expr: sp.Basic) -> int:
    """Bits of the numerators and denominators of the rationals written in ``expr``, summed."""
    return sum(int(r.p).bit_length() + int(r.q).bit_length() for r in expr.atoms(sp.Rational))


def _over_primes(r: sp.Rational, held: dict[sp.Integer, sp.Dummy]) -> sp.Expr:
    """``log(r)`` as a sum over the symbols of ``held`` (one per prime, or per factor too large to split)."""
    total = sp.Integer(0)
    for n, sign in ((int(r.p), 1), (int(r.q), -1)):
        factors = sp.factorint(n) if n <= MAX_FACTORED else {n: 1}
        for base, power in factors.items():
            symbol = held.setdefault(sp.Integer(base), sp.Dummy(f"log{base}", positive=True))
            total += sign * power * symbol
    return total
