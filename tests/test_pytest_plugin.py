"""derive.pytest_plugin: the ``derive_check`` fixture in a project that imports nothing, assertion rewriting for
derive.testing, and ``-p no:derive`` turning the fixture off (each run in a pytester project of its own).

``tests/test_testing.py`` checks the entry point and the fixture's type in this session; the rows here run
pytest on small files.
"""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

USES_THE_FIXTURE = """
def test_proved(derive_check):
    derive_check.identity(r"\\log(a b)", r"\\log(a) + \\log(b)", assume=["a, b > 0"])

def test_each_test_gets_its_own(derive_check):
    assert derive_check.assume == () and derive_check.define == ()
    assert derive_check.given(assume=["a > 0"]).assume == ("a > 0",)

def test_refuted(derive_check):
    derive_check.identity("a + b", "a - b")
"""


#: (pytest's options, how it runs, the outcomes, lines of its output).  With the plugin, pytest runs in a
#: process of its own: an in-process run drops the modules it imported, and derive caches some of them.
RUNS = [
    ((), "subprocess", {"passed": 2, "failed": 1},
     ["*the identity does not hold (refuted)*", "*lhs: a + b*", "*counterexample: *"]),
    (("-p", "no:derive"), "inprocess", {"errors": 3}, ["*fixture 'derive_check' not found*"]),
]


@pytest.mark.parametrize("args, method, outcomes, lines", RUNS, ids=["plugin", "disabled"])
def test_the_fixture(pytester, args, method, outcomes, lines):
    pytester.makepyfile(test_user=USES_THE_FIXTURE)
    run = pytester.runpytest_subprocess if method == "subprocess" else pytester.runpytest_inprocess
    result = run("-p", "no:cacheprovider", "-p", "no:benchmark", *args)  # no:benchmark: its warning about xdist
    result.assert_outcomes(**outcomes)
    result.stdout.fnmatch_lines(lines)


def test_derive_testing_is_rewritten_in_this_session():
    """The plugin registered derive.testing before this session imported it: its module carries pytest's names."""
    import derive.testing

    assert "@py_builtins" in vars(derive.testing)
