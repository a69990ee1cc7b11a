"""tests/durations.py: reading pytest's --durations report and choosing what the quick loop leaves out."""

from __future__ import annotations

import pytest

from tests import durations

REPORT = """\
============================= slowest durations ==============================
63.61s setup    tests/bench/test_bench.py::test_table
0.50s call     tests/bench/test_bench.py::test_table
0.20s call     tests/bench/test_bench.py::test_plot
2.00s call     tests/a.py::test_one[x = 1]
0.30s setup    tests/a.py::test_one[x = 1]
1.00s call     tests/b.py::test_two@group
0.10s call     tests/b.py::test_three
"""


def test_a_report_is_read_per_test_and_a_long_shared_setup_per_module() -> None:
    assert durations.read(REPORT) == pytest.approx({"tests/bench/test_bench.py": 64.31, "tests/b.py::test_three": 0.1,
                                                    "tests/a.py::test_one[x = 1]": 2.3, "tests/b.py::test_two": 1.0})


def test_the_slowest_go_until_the_rest_fit_the_budget() -> None:
    seconds = {"a": 5.0, "b": 3.0, "c": 1.0, "d": 0.5}
    assert durations.slowest(seconds, budget=2.0) == {"a": 5.0, "b": 3.0}
    assert durations.slowest(seconds, budget=100.0) == {}
