"""derive verify: a proof file re-checked from the file alone, trusting none of its verdicts."""

from __future__ import annotations

import functools
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


# -- the minimization topic and the relation in an arbitrary base: bounds, implications, assumptions ----
#: Every proof file of ``derive article --topic minimization`` (nats and bits) and of ``--units any``.
MINIMIZATION_PROOFS = [f"{slug}{suffix}" for slug in (
    "minimization-coin", "gibbs-coin", "minimization-logistic", "minimization-categorical", "gibbs-categorical",
    "minimization-categorical-n", "gibbs-categorical-n", "minimization-normal") for suffix in ("", "-bits")] + [
    f"kl-cross-entropy-{dist}-any-base" for dist in ("coin", "categorical", "categorical-n")]


@functools.cache
def _minimization_proofs() -> dict[str, str]:
    """``{slug: proof file}``, rendered without verifying (the checker must not need the recorded verdicts)."""
    from derive.api import MINIMIZATION_DISTS, derivations, render

    built = [d for dist in MINIMIZATION_DISTS for units in ("nats", "bits")
             for d in derivations("minimization", dist, Options(units=units))]
    built += [d for dist in ("coin", "categorical", "categorical-n")
              for d in derivations("relation", dist, Options(units="any"))]
    return {d.slug: render(d, "json") for d in built}


def minimization_proof(slug: str) -> dict:
    return json.loads(_minimization_proofs()[slug])


def test_the_list_of_minimization_proofs_is_complete():
    assert sorted(_minimization_proofs()) == sorted(MINIMIZATION_PROOFS)


@pytest.mark.parametrize("slug", MINIMIZATION_PROOFS)
def test_every_minimization_and_any_base_proof_verifies(tmp_path: Path, capsys: pytest.CaptureFixture[str], slug: str):
    code, out, err = verify(tmp_path, minimization_proof(slug), capsys)
    assert code == 0, out + err
    assert out.strip().splitlines()[-1].endswith("0 refuted, 0 unknown")


def test_old_files_without_relations_default_to_equality(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    document = proof()
    for step in document["steps"]:
        step.pop("relation", None)
    document.pop("assumptions", None)
    assert verify(tmp_path, document, capsys)[0] == 0


def _step(rule: str, nth: int = 0):
    """An edit of the ``nth`` step with ``rule``: ``change(step)`` edits it; the edit returns the step's rule."""
    def edit(document: dict, change) -> str:
        step = [s for s in document["steps"] if s["rule"] == rule][nth]
        change(step)
        return rule
    return edit


def _set(field: str, value: object):
    return lambda step: step.__setitem__(field, value)


def _replace(old: str, new: str, field: str = "after"):
    def change(step: dict) -> None:
        assert old in step[field], step[field]
        step[field] = step[field].replace(old, new, 1)
    return change


#: (proof, which step, the edit, why it must fail).
EDITS = [
    ("gibbs-coin", _step("log-le-linear"), _set("relation", "<="), "a >= bound flipped to <="),
    ("gibbs-categorical-bits", _step("log-le-linear"), _set("relation", "<="), "a >= bound flipped to <=, bits"),
    ("gibbs-categorical-n", _step("log-le-linear"), _set("relation", "<="), "a >= bound flipped, symbolic n"),
    ("minimization-coin", _step("positive-terms"), _set("relation", "<"), "a positive second derivative made negative"),
    ("minimization-coin", _step("solve-for"), _replace("q = p", "q = 1 - p"), "the solution q = p changed"),
    ("minimization-coin-bits", _step("solve-for"), _replace("q = p", "q = 1 - p"), "the solution changed, bits"),
    ("minimization-coin", _step("use-result", 1), lambda step: step.pop("supposed"),
     "a hypothesis no longer marked supposed"),
    ("minimization-categorical", _step("substitute-solution", 1), _replace("q_{2} = p_{2}", "q_{2} = p_{1}"),
     "a categorical solution changed"),
    ("minimization-categorical-n", _step("substitute-solution", 1), _replace("q_{j} = p_{j}", "q_{j} = 2 p_{j}"),
     "the categorical-n solution changed"),
    ("minimization-categorical-n", _step("solve-for", 1), _replace(r"\lambda = \sum", r"\lambda = 2 \sum"),
     "the multiplier's solution changed"),
    ("minimization-normal", _step("solve-for"), _replace(r"\mu_{2} = \mu_{1}", r"\mu_{2} = 2 \mu_{1}"),
     "the Normal's solution changed"),
    ("minimization-logistic", _step("derivative-of-sigmoid"), _replace(r"\left[1 - \sigma(z)\right]",
                                                                      r"\left[1 + \sigma(z)\right]"),
     "the sigmoid's derivative changed"),
    ("minimization-coin", _step("derivative-of-log"), _replace(r"{q}", r"{1 - q}"), "a derivative's quotient changed"),
    ("kl-cross-entropy-coin-any-base", _step("log-quotient-split"), _replace(r"\log_{b}", r"\log_{2}"),
     "a logarithm's base changed"),
]


@pytest.mark.parametrize(("slug", "where", "change", "why"), EDITS, ids=[e[3] for e in EDITS])
def test_an_edited_minimization_step_is_refuted(tmp_path, capsys, slug, where, change, why):
    document = minimization_proof(slug)
    rule = where(document, change)
    code, out, _ = verify(tmp_path, document, capsys)
    assert code == 1, out
    failed = [line for line in out.splitlines() if "refuted" in line and "steps:" not in line]
    assert failed and f"({rule}): refuted" in failed[0], out


@pytest.mark.parametrize("edit, where", [
    (lambda d: d["steps"][0].__setitem__("relation", "~"), "steps[0].relation"),
    (lambda d: d["steps"][0].__setitem__("supposed", "yes"), "steps[0].supposed: expected bool"),
    (lambda d: d["steps"][0].__setitem__("supposed", True), "steps[0].supposed: only an equation"),
    (lambda d: d.__setitem__("assumptions", [r"z \in \mathbb{C}"]), "assumptions[0]"),
    (lambda d: d.__setitem__("assumptions", "z"), "assumptions: expected list"),
    (lambda d: d.__setitem__("assumptions", [r"1 \leq j \leq m"]), "is not the size of a distribution"),
    (lambda d: d.__setitem__("assumptions", [r"p > 0"]), "assumptions: p is a distribution's parameter"),
    (lambda d: d.__setitem__("assumptions", [r"x > 0", r"x \in \mathbb{R}"]), "a symbol is assumed twice"),
    (lambda d: d.__setitem__("units", "any-base"), "units"),
], ids=["relation", "supposed-type", "supposed-expression", "assumption", "assumptions-type", "index-size",
        "assumption-clash", "assumed-twice", "units"])
def test_malformed_minimization_files_exit_2(tmp_path, capsys, edit, where):
    document = minimization_proof("minimization-coin")
    edit(document)
    code, out, err = verify(tmp_path, document, capsys)
    assert code == 2, out
    assert where in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
