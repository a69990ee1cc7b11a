"""derive.verify.cases: three cases cover the real line at a kink."""

from __future__ import annotations

import sympy as sp

from derive.verify.cases import split

z = sp.Symbol("z", real=True)
w = sp.Symbol("w", positive=True)


def test_a_kink_is_split_into_three_cases_covering_the_line():
    cases = split(sp.Abs(z - 1))
    assert cases is not None and len(cases) == 3
    assert cases[2] == 0
    assert all(c.is_nonnegative for c in cases)


def test_no_split_without_a_real_symbol_of_unknown_sign():
    assert split(sp.Abs(w)) is None
    assert split(sp.Abs(sp.Symbol("c"))) is None  # not known to be real: |c| may be a complex modulus
    assert split(z + 1) is None


def test_a_bound_variable_is_never_split():
    t = sp.Dummy("t", real=True)
    assert split(sp.Integral(sp.Abs(t), (t, -1, 1))) is None
