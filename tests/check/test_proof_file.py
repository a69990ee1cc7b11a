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
from tests.check.proof_helpers import OUTPUTS, shipped, shipped_proof, verify


def proof(dist: str = "coin", **options: object) -> dict:
    documents, _ = article_documents(("json",), Options(**options), dist)
    return json.loads(next(iter(documents.values())))


@pytest.mark.parametrize("name", sorted(p.name for p in OUTPUTS.glob("*.json")))
def test_every_shipped_proof_verifies(name: str, capsys: pytest.CaptureFixture[str]):
    assert main(["verify", str(OUTPUTS / name)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith(f"{OUTPUTS / name}: proved: "), out  # quiet: one line
    assert out[0].endswith("0 refuted, 0 unknown")


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


# -- the statement: proved only when a chain whose steps are all proved shows it, formally -----------------------------
def _statement(text: str | None):
    return lambda d: d.__setitem__("statement", text)


def _drop(rule: str, nth: int = 0):
    """Drop the ``nth`` step with ``rule`` and renumber the rest."""
    def edit(d: dict) -> None:
        step = [s for s in d["steps"] if s["rule"] == rule][nth]
        d["steps"].remove(step)
        for k, s in enumerate(d["steps"]):
            s["index"] = k + 1
    return edit


def _edit_step(rule: str, field: str, old: str, new: str):
    def edit(d: dict) -> None:
        step = next(s for s in d["steps"] if s["rule"] == rule)
        assert old in step[field], step[field]
        step[field] = step[field].replace(old, new, 1)
    return edit


#: (shipped proof, edit, a fragment of the one-line reason, why the file must not verify).
STATEMENT_EDITS = [
    ("kl-cross-entropy-coin", _statement(r"H(P, Q) = KL(P \Vert Q) - H(P)"), "no chain shows", "a false statement"),
    ("kl-cross-entropy-coin", _statement(r"H(P) = H(P)"), "trivially true", "H(P) = H(P)"),
    ("kl-cross-entropy-coin", _statement("1 = 1"), "trivially true", "1 = 1"),
    ("kl-cross-entropy-coin",
     _statement(r"KL(P \Vert Q) = \sum_{i \in \{H, T\}} P(i) \log\left(\frac{P(i)}{Q(i)}\right)"),
     "no chain shows", "a true identity the chains do not show"),
    ("kl-cross-entropy-coin", _statement(r"H(P, Q) \geq H(P)"), "no chain shows", "a true consequence, not shown"),
    ("gibbs-coin", _statement(r"KL(P \Vert Q) > 0"), r"show only \mathrm{KL}(P \Vert Q) >= 0", "strengthened to >"),
    ("gibbs-coin", _statement(r"KL(P \Vert Q) = 0"), r"show only \mathrm{KL}(P \Vert Q) >= 0",
     "an equality where >= is shown"),
    ("gibbs-coin", _statement(r"KL(P \Vert Q) \leq 0"), "does not give", "the bound reversed"),
    ("minimization-coin", _statement("q = p"), "only under the hypothesis supposed in steps 12-14",
     "a supposed chain's conclusion as the statement"),
    ("minimization-coin", _drop("derivative-of-constant"), "no chain shows",
     "the establishing chain's last step dropped"),
    ("gibbs-coin", _edit_step("log-le-linear", "after", r"-p (\frac{q}{p} - 1)", r"-p (\frac{q}{p} - 2)"),
     "rests on steps 11-18, and step 15 is refuted", "the establishing chain has a refuted step"),
    ("minimization-logistic",
     _edit_step("derivative-of-sigmoid", "after", r"\left[1 - \sigma(z)\right]", r"\left[1 + \sigma(z)\right]"),
     "rests on steps", "a refuted step in its chain"),
]


@pytest.mark.parametrize(("name", "edit", "reason", "why"), STATEMENT_EDITS, ids=[e[3] for e in STATEMENT_EDITS])
def test_a_statement_the_chains_do_not_prove_is_rejected(tmp_path, capsys, name, edit, reason, why):
    document = shipped_proof(name)
    edit(document)
    code, out, err = verify(tmp_path, document, capsys)
    assert code == 1, out + err
    last = out.strip().splitlines()[-1]
    assert "not proved: " in last and reason in last, last
    assert not err and "Traceback" not in out


@pytest.mark.parametrize(("name", "statement"), [
    ("kl-cross-entropy-coin", r"2 H(P, Q) = 2 KL(P \Vert Q) + 2 H(P)"),
    ("kl-cross-entropy-coin", r"KL(P \Vert Q) = H(P, Q) - H(P)"),
    ("gibbs-coin", r"0 \leq KL(P \Vert Q)"),
    ("gibbs-coin", r"-KL(P \Vert Q) \leq 0"),
    ("kl-cross-entropy-coin", r"\begin{cases} H(P, Q) = KL(P \Vert Q) + H(P) \\ "
                              r"H(P) = -p \log(p) - (1 - p) \log(1 - p) \end{cases}"),
], ids=["scaled", "rearranged", "written-backwards", "negated", "a-system-of-shown-facts"])
def test_a_statement_that_is_formally_what_a_chain_shows_is_proved(tmp_path, capsys, name, statement):
    document = shipped_proof(name)
    document["statement"] = statement
    code, out, _ = verify(tmp_path, document, capsys)
    assert code == 0, out
    assert out.strip().splitlines()[-1].startswith(f"{tmp_path / 'proof.json'}: proved: ")


def test_the_kl_identity_is_shown_by_more_than_one_chain(tmp_path, capsys):
    """The relation is shown by section C's first chain (rearranged) as well as by the last one; dropping the last
    step leaves a complete proof, dropping every chain that shows it does not."""
    document = shipped_proof("kl-cross-entropy-coin")
    document["steps"] = document["steps"][:-1]
    assert verify(tmp_path, document, capsys)[0] == 0
    document["steps"] = document["steps"][:12]  # sections A and B only
    code, out, _ = verify(tmp_path, document, capsys)
    assert code == 1 and "no chain shows H(P, Q) = \\mathrm{KL}(P \\Vert Q) + H(P)" in out


def test_a_proof_without_a_statement_concludes_nothing(tmp_path, capsys):
    document = shipped_proof("gibbs-coin")
    document["statement"] = None
    code, out, _ = verify(tmp_path, document, capsys)
    assert code == 0
    assert out.strip().splitlines() == [f"{tmp_path / 'proof.json'}: no statement: steps checked, nothing concluded; "
                                        "22 steps: 22 proved, 0 refuted, 0 unknown"]


def test_a_missing_statement_field_is_malformed(tmp_path, capsys):
    document = shipped_proof("gibbs-coin")
    del document["statement"]
    code, _, err = verify(tmp_path, document, capsys)
    assert code == 2 and "statement: missing (write null" in err


# -- after a failed step, later steps are judged in their own right ---------------------------------------------------
def test_a_supposed_chain_after_a_refuted_step_is_judged_from_its_hypothesis(tmp_path, capsys):
    document = shipped_proof("minimization-coin")
    steps = document["steps"]
    assert [s["rule"] for s in steps[11:14]] == ["use-result", "zero-quotient", "solve-for"]
    steps[11]["after"] = steps[12]["before"] = r"\frac{q - 2 p}{q (1 - q)} = 0"
    steps[12]["after"] = steps[13]["before"] = "q - 2 p = 0"
    steps[13]["after"] = "q = 2 p"
    code, out, _ = verify(tmp_path, document, capsys)
    assert code == 1
    for k in (12, 13, 14):
        line = next(line for line in out.splitlines() if f": step {k} (" in line)
        assert ": proved" not in line, line


# -- no tracebacks: malformed files exit 2 with one line that says where ----------------------------------------------
def _set_path(*path: object, value: object):
    def edit(d: dict) -> None:
        target = d
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return edit


def _raw(text: str):
    return lambda d: text


BAD_FILES = [
    ("nested-arrays", _raw("[" * 100_000), "nested too deeply"),
    ("nested-objects", _raw('{"a":' * 100_000), "nested too deeply"),
    ("nan", _raw('{"format": "derive-proof", "version": NaN}'), "NaN is not a number"),
    ("long-integer", _raw('{"format": "derive-proof", "version": ' + "9" * 5000 + "}"), "an integer of 5000 digits"),
    ("duplicate-key", _raw('{"format": "derive-proof", "format": "x"}'), "the key 'format' appears twice"),
    ("version-true", _set_path("version", value=True), "format/version"),
    ("version-1e300", _set_path("version", value=1e300), "format/version"),
    ("unknown-field", _set_path("statment", value="x"), "top level: unknown field 'statment'"),
    ("title-number", _set_path("title", value=3), "title: expected str, got int"),
    ("units-list", _set_path("units", value=[]), "units: expected str, got list"),
    ("statement-number", _set_path("statement", value=1e300), "statement: expected str, got number"),
    ("statement-list", _set_path("statement", value=["x"]), "statement: expected str, got list"),
    ("statement-bad-latex", _set_path("statement", value=r"\frac{"), "statement: unbalanced braces"),
    ("statement-unknown-command", _set_path("statement", value=r"\foo = 1"), r"statement: unknown command \foo"),
    ("statement-an-expression", _set_path("statement", value=r"KL(P \Vert Q)"), "statement: expected an equation"),
    ("statement-not-equal", _set_path("statement", value=r"KL(P \Vert Q) \neq 0"), "statement: expected an equation"),
    ("statement-too-long", _set_path("statement", value="x + " * 30_000 + "x = 0"), "statement: input of"),
    ("section-list", _set_path("steps", 0, "section", value=[1]), "steps[0].section: expected str, got list"),
    ("subject-number", _set_path("steps", 0, "subject", value=1e300), "steps[0].subject: expected str, got number"),
    ("subject-a-relation", _set_path("steps", 0, "subject", value="x = 1"), "steps[0].subject: expected an expression"),
    ("after-a-relation", _set_path("steps", 0, "after", value=r"x \geq 1"), "steps[0]: before and after must both"),
    ("before-a-chain", _set_path("steps", 0, "before", value="0 < x < 1"), "steps[0].before: expected an expression"),
    ("after-not-equal", _set_path("steps", 3, "after", value=r"p \neq q"), "steps[3].after: expected an expression"),
    ("iff-between-expressions", _set_path("steps", 0, "relation", value="iff"), "steps[0].relation: iff relates"),
    ("bound-between-equations", _set_path("steps", 5, "relation", value="<="), "steps[5].relation: between relations"),
    ("relation-number", _set_path("steps", 0, "relation", value=1e300), "steps[0].relation: expected str"),
    ("supposed-null-is-false", _set_path("steps", 0, "conditions", value="x"), "steps[0].conditions: expected list"),
    ("condition-number", _set_path("steps", 0, "conditions", value=[1]), "steps[0].conditions[0]: expected str"),
    ("index-out-of-order", _set_path("steps", 1, "index", value=7), "steps[1].index: expected 2"),
    ("index-bool", _set_path("steps", 0, "index", value=True), "steps[0].index: expected int, got bool"),
    ("verdict-unknown-word", _set_path("steps", 0, "verdict", value="certain"), "steps[0].verdict: expected one of"),
    ("step-unknown-field", _set_path("steps", 0, "proof", value="trust me"), "steps[0]: unknown field 'proof'"),
    ("parameter-number", _set_path("distributions", 0, "parameters", value=[1e300]),
     "distributions[0].parameters[0]: expected str, got number"),
    ("parameter-1e300", _set_path("distributions", 0, "parameters", value=["1e300"]), "distributions[0]:"),
    ("parameter-a-relation", _set_path("distributions", 0, "parameters", value=["p = 1"]),
     "distributions[0].parameters[0]: expected a parameter"),
    ("outcome-number", _set_path("distributions", 0, "outcomes", value=[1, 2]),
     "distributions[0].outcomes[0]: expected str, got int"),
    ("domain-number", _set_path("distributions", 0, "domain", value=1e300), "distributions[0].domain: expected list"),
    ("family-unknown", _set_path("distributions", 0, "family", value="zipf"),
     "distributions[0].family: unknown distribution family 'zipf'"),
    ("assumption-number", _set_path("assumptions", value=[3]), "assumptions[0]: expected str, got int"),
    ("too-many-steps", lambda d: d.__setitem__("steps", d["steps"] * 500), "steps: 11000 steps, more than the limit"),
]


@pytest.mark.parametrize(("edit", "where"), [row[1:] for row in BAD_FILES], ids=[row[0] for row in BAD_FILES])
def test_bad_files_exit_2_with_one_line_saying_where(tmp_path, capsys, edit, where):
    document = shipped_proof("gibbs-coin")
    content = edit(document)
    code, out, err = verify(tmp_path, document if content is None else content, capsys)
    assert code == 2, out + err
    assert where in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err


def test_non_utf8_and_oversized_files(tmp_path, capsys):
    path = tmp_path / "proof.json"
    path.write_bytes(b'{"format": "derive-proof", "title": "\xff\xfe"}')
    assert main(["verify", str(path)]) == 2
    assert "not UTF-8 (byte 37)" in capsys.readouterr().err
    path.write_bytes(b" " * 5_000_001)
    assert main(["verify", str(path)]) == 2
    assert "file is larger than 5000000 bytes" in capsys.readouterr().err


@pytest.mark.parametrize("failure", [RecursionError(), MemoryError(), KeyError("x")],
                         ids=["recursion", "memory", "key"])
def test_a_failure_while_reading_is_one_line_exit_2(tmp_path, capsys, monkeypatch, failure):
    import derive.check.proof_file

    def broken(*args: object, **kwargs: object):
        raise failure

    monkeypatch.setattr(derive.check.proof_file, "read_document", broken)
    code, out, err = verify(tmp_path, shipped_proof("gibbs-coin"), capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_huge_file_through_the_command(tmp_path):
    path = tmp_path / "proof.json"
    path.write_text("[" * 1_000_000)
    result = subprocess.run([sys.executable, "-m", "derive.cli", "verify", str(path)], capture_output=True, text=True)
    assert result.returncode == 2 and "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


# -- output: quiet on success ----------------------------------------------------------------------------------------
def test_success_is_one_line_and_verbose_lists_every_step(tmp_path, capsys):
    path = tmp_path / "proof.json"
    path.write_text(shipped("minimization-coin"))
    assert main(["verify", str(path)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    steps = len(json.loads(path.read_text())["steps"])
    assert out == [f"{path}: proved: \\frac{{\\partial}}{{\\partial q}} H(P, Q) = \\frac{{\\partial}}{{\\partial q}} "
                   f"\\mathrm{{KL}}(P \\Vert Q) (by steps 1-3); {steps} steps: {steps} proved, 0 refuted, 0 unknown"]
    assert main(["verify", "--verbose", str(path)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == steps + 1 and out[0] == f"{path}: step 1 (use-result): proved"


def test_a_failure_while_comparing_the_statement_leaves_it_not_proved(tmp_path, capsys, monkeypatch):
    import derive.verify.establish

    def broken(*args: object, **kwargs: object):
        raise TypeError("odd")

    monkeypatch.setattr(derive.verify.establish, "follows", broken)
    document = shipped_proof("gibbs-coin")
    code, out, err = verify(tmp_path, document, capsys)
    assert code == 1 and not err
    assert "not proved: the statement could not be compared with the facts: TypeError: odd" in out
