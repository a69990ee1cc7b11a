"""derive verify: a proof file re-checked from the file alone, trusting none of its verdicts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from derive.api import Options, article_documents
from derive.cli import main

OUTPUTS = Path(__file__).resolve().parents[1] / "outputs"


def proof(dist: str = "coin", **options: object) -> dict:
    documents, _ = article_documents(("json",), Options(**options), dist)
    return json.loads(next(iter(documents.values())))


def verify(tmp_path: Path, document: dict | str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    path = tmp_path / "proof.json"
    path.write_text(document if isinstance(document, str) else json.dumps(document))
    code = main(["verify", str(path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("name", sorted(p.name for p in OUTPUTS.glob("*.json")))
def test_every_shipped_proof_verifies(name: str, capsys: pytest.CaptureFixture[str]):
    assert main(["verify", str(OUTPUTS / name)]) == 0
    out = capsys.readouterr().out
    assert "refuted" not in out.replace("0 refuted", "") and "unknown" not in out.replace("0 unknown", "")
    assert out.strip().splitlines()[-1].endswith("0 refuted, 0 unknown")


def test_bits_proof_verifies(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    code, out, _ = verify(tmp_path, proof(units="bits"), capsys)
    assert code == 0, out


def test_recorded_verdicts_are_ignored(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    document = proof()
    step = next(s for s in document["steps"] if s["rule"] == "distribute")
    step["after"] = step["after"].replace("+ (1 - p)", "- (1 - p)", 1)
    step["verdict"] = "proved"
    code, out, _ = verify(tmp_path, document, capsys)
    assert code == 1
    assert f"step {step['index']} (distribute): refuted" in out


@pytest.mark.parametrize("rule", ["substitute", "log-quotient-split", "regroup", "rearrange", "cancel"])
def test_a_flipped_sign_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str], rule: str):
    document = proof()
    step = next(s for s in document["steps"] if s["rule"] == rule)
    field = "after"
    text = step[field]
    step[field] = text.replace(" + ", " - ", 1) if " + " in text else text.replace(" - ", " + ", 1) if " - " in text \
        else "1"
    code, out, _ = verify(tmp_path, document, capsys)
    assert code == 1
    lines = [line for line in out.splitlines() if "refuted" in line and "steps:" not in line]
    assert lines and f"step {step['index']} ({rule})" in lines[0]


def test_a_consistently_edited_step_still_fails_its_displayed_equation(tmp_path, capsys):
    document = proof()
    step = next(s for s in document["steps"] if s["rule"] == "expand-finite-sum")
    step["before"] = step["after"] = "P(H) + P(T)"
    code, out, _ = verify(tmp_path, document, capsys)
    assert code == 1 and f"step {step['index']} (expand-finite-sum): refuted" in out


@pytest.mark.parametrize("edit, where", [
    (lambda d: "{not json", "not valid JSON"),
    (lambda d: {**d, "format": "other"}, "format/version"),
    (lambda d: {**d, "steps": []}, "steps: the proof has no steps"),
    (lambda d: {**d, "steps": "x"}, "steps: expected list"),
    (lambda d: {**d, "units": "furlongs"}, "units"),
    (lambda d: {**d, "distributions": [{**d["distributions"][0], "family": "zipf"}] + d["distributions"][1:]},
     "unknown distribution family 'zipf'"),
    (lambda d: {**d, "distributions": [{**d["distributions"][0], "domain": ["0 < p < 2"]}] + d["distributions"][1:]},
     "distributions[0].domain"),
    (lambda d: {**d, "steps": [{**d["steps"][0], "after": r"\frac{1}{"}] + d["steps"][1:]}, "steps[0].after"),
    (lambda d: {**d, "steps": [{**d["steps"][0], "rule": 3}] + d["steps"][1:]}, "steps[0].rule: expected str"),
], ids=["json", "format", "empty", "steps-type", "units", "family", "domain", "latex", "rule-type"])
def test_malformed_files_exit_2_saying_where(tmp_path, capsys, edit, where):
    code, out, err = verify(tmp_path, edit(proof()), capsys)
    assert code == 2
    assert where in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_missing_file(capsys):
    assert main(["verify", "/nonexistent/proof.json"]) == 2
    assert "cannot read /nonexistent/proof.json" in capsys.readouterr().err


def test_text_in_a_proof_is_never_run(tmp_path: Path):
    marker = tmp_path / "pwned"
    document = proof()
    document["steps"][0]["after"] = f"__import__('os').system('touch {marker}')"
    document["distributions"][0]["parameters"] = [f"__import__('os').system('touch {marker}')"]
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(document))
    result = subprocess.run([sys.executable, "-m", "derive.cli", "verify", str(path)], capture_output=True, text=True)
    assert result.returncode == 2 and not marker.exists()
    assert "Traceback" not in result.stderr
