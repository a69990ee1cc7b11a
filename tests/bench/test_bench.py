"""The benchmark script runs (--quick) and writes its table and plot; timings are never asserted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

#: Its tests share a module fixture: one worker runs them all (pytest-xdist, --dist loadgroup).
pytestmark = pytest.mark.xdist_group("bench")

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "run.py"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path_factory.mktemp("bench")
    done = subprocess.run([sys.executable, str(SCRIPT), "--quick", "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    return done, out


def test_quick_run_exits_zero(quick_run):
    done, _ = quick_run
    assert done.returncode == 0, done.stderr


def test_results_table_has_its_sections_and_headers(quick_run):
    _, out = quick_run
    text = (out / "results.md").read_text(encoding="utf-8")
    for heading in ("## Targets", "## Against a baseline", "## Proving KL - CE + H = 0", "## KL closed forms",
                    "## Notes"):
        assert heading in text
    assert "| target | measured | goal | status |" in text
    assert "| measurement | derive | baseline | baseline time | ratio (derive / baseline) | notes |" in text
    assert "| k | derive: derivation + verify | expand_log floor | derive / floor | simplify |" in text
    for k in (2, 10):
        assert f"\n| {k} | " in text


def test_every_target_says_met_missed_or_not_measured(quick_run):
    _, out = quick_run
    text = (out / "results.md").read_text(encoding="utf-8")
    table = text.split("## Targets", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| ") and not line.startswith("| target")]
    assert len(rows) >= 7
    for row in rows:
        assert row.rstrip(" |").endswith(("met", "**missed**", "not measured")), row


def test_scaling_plot_is_a_png(quick_run):
    _, out = quick_run
    assert (out / "scaling.png").read_bytes()[:8] == PNG_SIGNATURE
