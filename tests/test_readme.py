"""Docs that run: the README's commands and Python example are exercised as written."""

from __future__ import annotations

import re
from pathlib import Path

from derive.rules import ALL

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def test_readme_starts_with_the_main_job_and_the_test_command():
    main_job, tests = blocks("sh")[:2]
    assert main_job.strip().endswith("derive article --dist all --topic all")
    assert tests.strip() == "python3 -m pip install -e '.[test]' && python3 -m pytest"


def test_ci_runs_the_readme_test_command():
    test_command = blocks("sh")[1].strip().split(" && ")
    assert all(part in CI for part in test_command)


def test_python_example_runs():
    namespace: dict[str, object] = {}
    exec(compile(blocks("python")[0], "README.md", "exec"), namespace)  # our own documentation, not user input
    assert namespace["report"].ok


def test_rule_table_lists_every_rule():
    listed = re.findall(r"^\| `([a-z-]+)` \|", README, flags=re.M)
    assert listed == [r.name for r in ALL]


def test_export_example_runs(capsys):
    (block,) = [b for b in blocks("python") if "lambdify" in b]
    exec(compile(block, "README.md", "exec"), {})  # our own documentation, not user input
    assert capsys.readouterr().out.split() == ["0.2", "560.0"]


def test_the_family_recipe_runs_as_shown(capsys):
    """The Rayleigh module and the line after it, run together as a reader would paste them."""
    family, use = [b for b in blocks("python") if "class Rayleigh" in b or "Rayleigh(s1)" in b]
    namespace: dict[str, object] = {}
    exec(compile(family + use, "README.md", "exec"), namespace)  # our own documentation, not user input
    shown = use.split("# ", 1)[1].strip()
    assert capsys.readouterr().out.strip() == shown


def test_the_check_example_prints_what_the_readme_shows(capsys, monkeypatch):
    from derive import cli

    monkeypatch.chdir(ROOT)
    section = README.split("## Checking your own derivations", 1)[1]
    command = re.search(r"```sh\n(derive check [^\n]+)\n```", section).group(1)
    shown = re.search(r"```\n(" + re.escape(command.split()[-1]) + r".*?)```", section, flags=re.S).group(1)
    assert cli.main(command.split()[1:]) == 0
    printed = capsys.readouterr().out.splitlines()
    head, tail = shown.split("...\n")
    assert printed[:len(head.splitlines())] == head.splitlines()
    assert printed[-1] == tail.strip()


def test_the_flipped_sign_is_refuted_as_the_readme_says(tmp_path, capsys):
    from derive import cli

    claim = re.search(r"With one sign flipped on line (\d+) the same command prints\n`([^`]*)`\nand exits with "
                      r"status (\d)", README)
    line, shown, status = int(claim.group(1)), claim.group(2), int(claim.group(3))
    lines = (ROOT / "tests/check/fixtures/categorical.md").read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[line - 1].strip() == r"&= H(P, Q) - H(P)."
    lines[line - 1] = lines[line - 1].replace("- H(P)", "+ H(P)")
    (tmp_path / "categorical.md").write_text("".join(lines), encoding="utf-8")
    assert cli.main(["check", str(tmp_path / "categorical.md")]) == status
    (printed,) = [out for out in capsys.readouterr().out.splitlines() if f"categorical.md:{line}: refuted" in out]
    for piece in shown.split("..."):  # what the README elides stands between the pieces
        assert piece.strip(" ,") in printed, piece


def test_the_front_matter_example_reads_as_described():
    from derive.check.frontmatter import read

    block = re.search(r"```\n---\n(derive:\n.*?)---\n```", README, flags=re.S).group(1)
    settings = read(block, 2, "README.md")
    assert [a for a, _ in settings.assume] == ["0 < p < 1/2"]
    assert [d for d, _ in settings.define] == ["P(H) = p", "Q(H) = q"]
    assert settings.units == "nats"
