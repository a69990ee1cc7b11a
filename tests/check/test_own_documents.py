"""derive check on derive's own articles: no false refutation, and a planted error is found on its line.

The documents are generated into a temporary folder (Markdown only) with
``derive article``: a representative subset, since all sixteen take well
over a minute to check: the coin's three topics and the logistic loss, the
categorical relation on n outcomes, the normal and Poisson relations, and
the categorical minimization and Gibbs' inequality.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from derive.check import check_file

#: Its tests share a module fixture: one worker runs them all (pytest-xdist, --dist loadgroup).
pytestmark = pytest.mark.xdist_group("own-documents")

#: (--dist, --topic) of each group of generated documents.
GROUPS = [("coin", "all"), ("categorical-n", "relation"), ("normal", "relation"), ("poisson", "relation"),
          ("categorical", "minimization")]
#: The fewest links each document proves today (a floor: a regression that stops proving fails the test).
PROVED = {
    "kl-cross-entropy-coin.md": 23, "minimization-coin.md": 26, "gibbs-coin.md": 26, "minimization-logistic.md": 16,
    "kl-cross-entropy-categorical-n.md": 20, "kl-cross-entropy-normal.md": 44, "kl-cross-entropy-poisson.md": 38,
    "minimization-categorical.md": 48, "gibbs-categorical.md": 30,
}


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from derive.cli import main

    out = tmp_path_factory.mktemp("articles")
    for dist, topic in GROUPS:
        assert main(["article", "--dist", dist, "--topic", topic, "--format", "md", "--out", str(out)]) == 0
    return out


def test_the_subset_is_generated(documents: Path) -> None:
    assert {p.name for p in documents.glob("*.md")} == set(PROVED)


@pytest.mark.parametrize("name", sorted(PROVED))
def test_no_false_refutation(documents: Path, name: str) -> None:
    result = check_file(documents / name)
    print(result.summary())
    assert result.count("refuted") == 0, result.text()
    assert result.count("not parsed") == 0, result.text()
    assert result.count("proved") >= PROVED[name], result.text()
    assert result.exit_code == 0


def test_a_stationary_point_is_supposed_and_its_implications_proved(documents: Path) -> None:
    result = check_file(documents / "minimization-coin.md")
    supposed = [e for e in result.entries if e.status == "supposed"]
    assert [(e.lhs, e.rhs) for e in supposed] == [(r"\frac{\partial}{\partial q} H(P, Q)", "0")]
    implications = [e for e in result.entries if e.kind == "implication"]
    assert [(e.rhs, e.status, e.relation) for e in implications] == [
        (r"\frac{q - p}{q (1 - q)} = 0", "proved", "⇔"), ("q - p = 0", "proved", "⇔"), ("q = p", "proved", "⇔")]
    assert implications[0].lhs == r"\frac{\partial}{\partial q} H(P, Q) = 0"
    second = [e for e in result.entries if e.relation == ">"]
    assert second and all(e.status == "proved" for e in second)  # the second derivative is positive


def test_a_system_is_supposed_and_solved_step_by_step(documents: Path) -> None:
    result = check_file(documents / "minimization-categorical.md")
    implications = [e for e in result.entries if e.kind == "implication"]
    assert len(implications) == 6 and all(e.status == "proved" for e in implications), result.text()
    assert all(e.rhs.startswith(r"\begin{cases}") for e in implications)


def test_gibbs_inequality_steps_are_checked(documents: Path) -> None:
    result = check_file(documents / "gibbs-coin.md")
    steps = [e for e in result.entries if e.relation == ">="]
    assert len(steps) >= 5 and all(e.status == "proved" for e in steps), result.text()


def test_a_poisson_mass_is_compared_at_its_outcomes(documents: Path) -> None:
    result = check_file(documents / "kl-cross-entropy-poisson.md")
    mass = [e for e in result.entries if e.lhs in ("P(k)", "Q(k)") and e.kind == "definition"]
    assert [e.status for e in mass] == ["definition", "definition"] and all(e.checked for e in mass)
    positive = [e for e in result.entries if e.lhs in ("P(k)", "Q(k)") and e.relation == ">"]
    assert positive and all(e.status == "proved" for e in positive)  # "valid since P(k) > 0": k is an outcome


def _planted(documents: Path, tmp_path: Path, name: str, before: str, after: str) -> tuple[int, object]:
    lines = (documents / name).read_text(encoding="utf-8").splitlines(keepends=True)
    (number,) = [k for k, line in enumerate(lines, 1) if line.rstrip("\n").split(r" \tag*")[0] == before or
                 (before.startswith("~") and before[1:] in line)]  # (a display ends with its rule's tag)
    lines[number - 1] = lines[number - 1].replace(before.lstrip("~"), after, 1)
    copy = tmp_path / name
    copy.write_text("".join(lines), encoding="utf-8")
    return number, check_file(copy)


def test_a_wrong_solution_refutes_its_implication(documents: Path, tmp_path: Path) -> None:
    number, result = _planted(documents, tmp_path, "minimization-coin.md", r"\iff q = p", r"\iff q = 1 - p")
    refuted = [e for e in result.entries if e.status == "refuted"]
    assert [(e.line, e.kind) for e in refuted] == [(number, "implication")], result.text()
    assert refuted[0].counterexample and result.exit_code == 1
    assert f"{number}: refuted: q - p = 0 \\iff q = 1 - p fails at p=" in result.text()


def test_a_flipped_inequality_is_refuted(documents: Path, tmp_path: Path) -> None:
    before = r"\mathrm{KL}(P \Vert Q) \geq -p (\frac{q}{p} - 1) - (1 - p) (\frac{1 - q}{1 - p} - 1)"
    number, result = _planted(documents, tmp_path, "gibbs-coin.md", before, before.replace(r"\geq", r"\leq"))
    refuted = [e for e in result.entries if e.status == "refuted"]
    assert [(e.line, e.relation) for e in refuted] == [(number, "<=")], result.text()
    assert " \\le " in result.text() and " fails at p=" in result.text()


def test_a_wrong_mass_is_refuted_at_an_outcome(documents: Path, tmp_path: Path) -> None:
    number, result = _planted(documents, tmp_path, "kl-cross-entropy-poisson.md", r"~\lambda_{1}^{k} e^{-\lambda_{1}}",
                              r"\lambda_{1}^{k + 1} e^{-\lambda_{1}}")
    (refuted,) = [e for e in result.entries if e.status == "refuted"]
    assert refuted.line == number and refuted.lhs == "P(k)", result.text()
    k = dict(refuted.counterexample)["k"]
    assert k.isdigit(), refuted.counterexample  # an outcome of the Poisson: 0, 1, 2, ...
