"""derive.verify.limits: a time limit that holds in any thread, and the size of an expansion told without expanding."""

from __future__ import annotations

import threading
import time

import pytest
import sympy as sp

from derive import Domain, Status
from derive.verify import check_equal
from derive.verify.limits import OutOfTime, expansion_size, seconds_of, simplify, time_limit, too_large

a, b, c, d, f = sp.symbols("a b c d f")


def _spin(seconds: float) -> float:
    """Busy Python work under a time limit, swallowing ordinary exceptions on the way; the time it took."""
    start = time.monotonic()
    try:
        with time_limit(seconds):
            while time.monotonic() - start < 30:
                try:
                    sum(range(1000))
                except Exception:  # noqa: BLE001 (a careless handler must not swallow the limit)
                    pass
    except OutOfTime:
        return time.monotonic() - start
    return float("inf")


def test_the_limit_interrupts_the_main_thread():
    assert _spin(0.3) < 3


def test_the_limit_interrupts_another_thread():
    took: list[float] = []
    worker = threading.Thread(target=lambda: took.append(_spin(0.3)))
    worker.start()
    worker.join(10)
    assert took and took[0] < 3


def test_nothing_is_raised_after_the_block_ends():
    with time_limit(0.05):
        pass
    time.sleep(0.3)  # a late delivery would raise here


def test_a_check_that_runs_out_of_time_is_unknown():
    x = sp.Symbol("x", positive=True)
    hard = sp.Integral(sp.exp(-x ** 3 + sp.sin(x) ** 5) * sp.log(1 + x ** sp.Rational(7, 3)), (x, 0, sp.oo))
    verdict = check_equal(hard, sp.Rational(1, 3), Domain(), timeout=0.5)
    assert verdict.status in (Status.UNKNOWN, Status.REFUTED)
    if verdict.status is Status.UNKNOWN:
        assert verdict.reason


@pytest.mark.parametrize("value, seconds", [(None, 30.0), (5, 5.0), (1e300, 86_400.0), (0.25, 0.25)])
def test_time_limits_from_input(value, seconds):
    assert seconds_of(value) == seconds


@pytest.mark.parametrize("value", [0, -1, float("nan"), "30", True])
def test_bad_time_limits_are_refused(value):
    with pytest.raises(ValueError):
        seconds_of(value)


@pytest.mark.parametrize("expr, terms", [
    (a + b, 2), ((a + b) ** 2, 3), ((a + b + c) * (a + b), 6), ((a + b + c + d + f) ** 60, 5001), (sp.log(a + b), 2),
    ((a + 1) ** 3 * (b + 1) ** 3, 16),
], ids=["a+b", "(a+b)^2", "(a+b+c)(a+b)", "5-terms^60", "log(a+b)", "product-of-cubes"])
def test_expansion_size_is_estimated_without_expanding(expr, terms):
    assert min(expansion_size(expr), 5001) == terms


def test_a_huge_expansion_is_refuted_by_numbers_in_under_a_second():
    claim = (a + b + c + d + f) ** 60
    assert too_large(claim)
    start = time.monotonic()
    verdict = check_equal(claim, sp.Integer(0), Domain())
    assert verdict.status is Status.REFUTED
    assert time.monotonic() - start < 1.5


H = sp.Symbol("H", nonnegative=True)


def _finished(expr: sp.Basic) -> sp.Basic | None:
    """``simplify(expr)`` in a daemon thread, or ``None`` when it is still running after two minutes (a number of
    millions of digits: the call the guard exists to avoid, which no time limit interrupts)."""
    out: list[sp.Basic] = []
    thread = threading.Thread(target=lambda: out.append(simplify(expr)), daemon=True)
    thread.start()
    thread.join(120)
    return out[0] if out else None


@pytest.mark.parametrize("expr, zero", [
    (H / sp.log(2) - sp.Rational(8812909, 10**7), False),  # logcombine would write log(2**8812909)
    (sp.Rational(8812909, 10**7) * (sp.log(6) - sp.log(2) - sp.log(3)), True),
    (sp.Rational(456227, 500000) * sp.log(12) - sp.Rational(912454, 500000) * sp.log(2)
     - sp.Rational(456227, 500000) * sp.log(3), True),
    (sp.Rational(7, 10) * sp.log(sp.Rational(7, 6)) - sp.Rational(123457, 10**6), False),
    (sp.log(8) - 3 * sp.log(2), True),  # few digits: plain sympy.simplify
    (a * sp.log(a) - sp.log(a ** a), False),
], ids=["bits-of-H", "logs-over-primes", "big-coefficients-cancel", "rounded-value", "small", "symbolic"])
def test_simplify_keeps_logarithms_of_numbers_from_huge_powers(expr, zero):
    result = _finished(expr)
    assert result is not None
    assert (result == 0) is zero
    assert all(abs(int(n.p)).bit_length() < 4096 for n in result.atoms(sp.Rational))
