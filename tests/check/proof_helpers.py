"""What the tests of ``derive verify`` share: running the command on a proof file, the shipped proof files, and a
tiny proof about one symbol ``x > 0``."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from derive.cli import main

OUTPUTS = Path(__file__).resolve().parents[2] / "outputs"


def verify(tmp_path: Path, document: dict | str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``derive verify`` on ``document`` written to a file: the exit status, stdout and stderr."""
    path = tmp_path / "proof.json"
    path.write_text(document if isinstance(document, str) else json.dumps(document))
    code = main(["verify", str(path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@functools.cache
def shipped(name: str) -> str:
    """The text of the shipped proof file ``outputs/{name}.json``."""
    return (OUTPUTS / f"{name}.json").read_text()


def shipped_proof(name: str) -> dict:
    """A fresh copy of a shipped proof file, to edit."""
    return json.loads(shipped(name))


def tiny(steps: list[tuple], statement: str | None = None) -> dict:
    """A proof about a symbol ``x > 0`` alone, with ``steps`` given as (subject, before, relation, after)."""
    return {"format": "derive-proof", "version": 1, "units": "nats", "distributions": [], "assumptions": ["x > 0"],
            "statement": statement, "steps": [
                {"index": k + 1, "section": "S", "rule": f"r{k + 1}", "subject": s, "before": b, "relation": r,
                 "after": a} for k, (s, b, r, a) in enumerate(steps)]}
