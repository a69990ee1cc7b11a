"""Measure the test suite and choose which tests the quick loop leaves out (``tests/slow.json``).

    python3 tests/durations.py [--budget SECONDS]

Runs every test not marked ``slow`` by hand (with ``DERIVE_MEASURING=1``, so ``tests/conftest.py`` marks none
from the last measurement), reads pytest's ``--durations`` report, and writes ``tests/slow.json``: the slowest
tests (or modules whose tests share a long setup), one by one, until the rest take at most ``--budget``
seconds of one core.  ``tests/conftest.py`` marks those ``slow``, so ``python3 -m pytest -m "not slow"`` runs
the rest.  A test added since the last measurement runs in the quick loop until the next one.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "slow.json"
#: CPU seconds the quick loop may take (two workers share them).
BUDGET = 60.0
#: A setup longer than this is a fixture shared by its module (a benchmark run, a folder checked): the module goes.
SHARED_SETUP = 2.0
_LINE = re.compile(r"^\s*(?P<seconds>\d+(?:\.\d+)?)s\s+(?P<phase>setup|call|teardown)\s+(?P<nodeid>\S.*?)"
                   r"(?:@[\w-]+)?\s*$")  # the test's xdist group, if any, after its id


def measure() -> dict[str, float]:
    """Seconds per test (setup, call and teardown together) of every test not marked slow by hand; a module
    whose setup alone is long is one entry (its path), as its tests share that setup."""
    command = [sys.executable, "-m", "pytest", "-m", "not slow", "-q", "--durations=0", "--durations-min=0",
               "-p", "no:cacheprovider"]
    run = subprocess.run(command, cwd=HERE.parent, capture_output=True, text=True,
                         env=os.environ | {"DERIVE_MEASURING": "1"}, check=False)
    if run.returncode != 0:
        sys.exit(f"the suite failed; measure a passing one:\n{run.stdout[-2000:]}")
    return read(run.stdout)


def read(report: str) -> dict[str, float]:
    """Seconds per test from pytest's ``--durations`` report, a module with a long shared setup as one entry."""
    seconds: dict[str, float] = defaultdict(float)
    shared: set[str] = set()
    for line in report.splitlines():
        if (m := _LINE.match(line)) is not None:
            seconds[m.group("nodeid")] += float(m.group("seconds"))
            if m.group("phase") == "setup" and float(m.group("seconds")) > SHARED_SETUP:
                shared.add(m.group("nodeid").split("::")[0])
    out: dict[str, float] = defaultdict(float)
    for nodeid, took in seconds.items():
        module = nodeid.split("::")[0]
        out[module if module in shared else nodeid] += took
    return dict(out)


def slowest(seconds: dict[str, float], budget: float) -> dict[str, float]:
    """The slowest tests, until the others add up to at most ``budget`` seconds."""
    ordered = sorted(seconds.items(), key=lambda item: -item[1])
    total, chosen = sum(seconds.values()), {}
    for nodeid, took in ordered:
        if total <= budget:
            break
        chosen[nodeid] = round(took, 2)
        total -= took
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--budget", type=float, default=BUDGET, help="CPU seconds the quick loop may take")
    args = parser.parse_args()
    seconds = measure()
    chosen = slowest(seconds, args.budget)
    OUT.write_text(json.dumps(dict(sorted(chosen.items())), indent=0) + "\n", encoding="utf-8")
    rest = sum(seconds.values()) - sum(chosen.values())
    print(f"{len(seconds)} tests, {sum(seconds.values()):.0f} s; {len(chosen)} marked slow, "
          f"{len(seconds) - len(chosen)} left in the quick loop ({rest:.0f} s of one core)")


if __name__ == "__main__":
    main()
