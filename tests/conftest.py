"""Shared test configuration.

* Hypothesis: the ``derive`` profile (fixed seed, no deadline, no example database written into the working
  tree) is loaded unless ``HYPOTHESIS_PROFILE`` names another one.
* The grammar's prediction cache (``derive.parse.warm``) is off, so that tests never write to the user's
  cache folder; ``tests/parse/test_warm.py`` turns it on in a temporary folder.
* The quick loop: the tests the last measurement found slowest (``tests/slow.json``, written by
  ``python3 tests/durations.py``) are marked ``slow``, so ``python3 -m pytest -m "not slow"`` leaves them out.
* Mutation testing (``tests/test_mutation.py``): the ``mutation_tally`` fixture collects how many planted
  errors were tried, caught, and excluded as still-true identities; the counts are printed at the end of
  the run (``pytest_terminal_summary``), so they show in normal test output.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("DERIVE_CACHE", "off")

settings.register_profile("derive", derandomize=True, deadline=None, database=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "derive"))

_MUTATIONS = pytest.StashKey[Counter]()
_SLOW = Path(__file__).parent / "slow.json"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark ``slow`` the tests and modules ``tests/slow.json`` names (none while ``tests/durations.py`` measures)."""
    if os.environ.get("DERIVE_MEASURING") or not _SLOW.exists():
        return
    slow = json.loads(_SLOW.read_text(encoding="utf-8"))
    for item in items:
        group = item.get_closest_marker("xdist_group")
        nodeid = item.nodeid.removesuffix(f"@{group.args[0]}") if group and group.args else item.nodeid
        if nodeid in slow or nodeid.split("::")[0] in slow:  # a test, or a module sharing a long setup
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def mutation_tally(pytestconfig: pytest.Config) -> Counter:
    """Counts of planted errors, shared by the mutation tests and reported at the end of the session."""
    return pytestconfig.stash.setdefault(_MUTATIONS, Counter())


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    tally = config.stash.get(_MUTATIONS, None)
    if not tally:
        return
    terminalreporter.section("planted errors (tests/test_mutation.py)")
    tried, caught, identities = tally["tried"], tally["caught"], tally["identities"]
    terminalreporter.write_line(f"mutants tried: {tried}, caught (refuted with a counterexample): {caught}, "
                                f"still identities (excluded): {identities}, "
                                f"not evaluable: {tally['not evaluable']}")
    by = ", ".join(f"{k.removeprefix('caught by ')} {v}" for k, v in sorted(tally.items()) if k.startswith("caught by"))
    terminalreporter.write_line(f"caught by operator: {by}")
