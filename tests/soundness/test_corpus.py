"""The adversarial corpus as regression tests: one class per module of ``tests/soundness/corpus``.

Every false claim must be refuted or unknown (never PROVED, never accepted unchecked), every true one
never refuted, and no case may end in a traceback or a hang.  The cases run in this process
(:func:`run_corpus.in_process`); ``python3 tests/soundness/run_corpus.py`` runs them in subprocesses
and prints the whole table.  Long: marked ``slow`` (``-m "not slow"`` leaves it out).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import MODULES, load  # noqa: E402
from run_corpus import classify, in_process, run_case  # noqa: E402

CASES = {cls: load(cls) for cls in MODULES}


@pytest.mark.slow
@pytest.mark.parametrize("cls", MODULES)
def test_no_false_proved_no_true_refuted_no_traceback(cls: str):
    failures = []
    for case in CASES[cls]:
        if case.cls != cls:
            continue
        result = run_case(case, 90.0, spawn=in_process)
        flags = classify(result)
        if flags:
            failures.append(f"{case.id}: {', '.join(flags)}: {result.get('answer')}: {str(result.get('reason'))[:160]}")
    assert not failures, f"{len(failures)} case(s) of {cls}:\n" + "\n".join(failures)
