"""The committed files in outputs/ are exactly what the program writes today."""

from __future__ import annotations

from pathlib import Path

import pytest

from derive.cli import main

OUTPUTS = Path(__file__).resolve().parents[1] / "outputs"


def test_outputs_are_regenerated_identically(tmp_path: Path):
    assert main(["article", "--dist", "all", "--topic", "all", "--out", str(tmp_path)]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    committed = sorted(p.name for p in OUTPUTS.iterdir() if not p.name.startswith("."))
    assert set(written) == set(committed), f"outputs/ differs from what the program writes: {set(written) ^ set(committed)}"
    for name in written:
        fresh = (tmp_path / name).read_text(encoding="utf-8")
        golden = (OUTPUTS / name).read_text(encoding="utf-8")
        assert fresh == golden, f"outputs/{name} is stale: run `derive article --dist all --topic all` and commit it"


@pytest.mark.parametrize("name", [f"{stem}.{x}" for stem in (
    "kl-cross-entropy-coin", "kl-cross-entropy-categorical", "kl-cross-entropy-categorical-n", "minimization-coin",
    "minimization-categorical", "minimization-categorical-n", "minimization-normal", "minimization-logistic",
    "gibbs-coin", "gibbs-categorical", "gibbs-categorical-n") for x in ("md", "tex", "json")])
def test_the_main_job_writes_the_article_documents(name: str):
    assert (OUTPUTS / name).is_file()
