"""The derive command: the main job, its options, and one-line errors with exit status 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from derive.cli import main


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "derive.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_article_writes_markdown_and_latex(tmp_path: Path):
    result = run("article", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "kl-cross-entropy-coin.json", "kl-cross-entropy-coin.md", "kl-cross-entropy-coin.tex"]
    assert "0 refuted, 0 unknown" in result.stderr


def test_article_defaults_to_outputs_in_the_current_folder(tmp_path: Path):
    assert run("article", cwd=tmp_path).returncode == 0
    assert (tmp_path / "outputs" / "kl-cross-entropy-coin.md").is_file()


@pytest.mark.parametrize("fmt, suffix", [("md", ".md"), ("tex", ".tex"), ("json", ".json")])
def test_one_format(tmp_path: Path, fmt: str, suffix: str):
    assert main(["article", "--format", fmt, "--out", str(tmp_path)]) == 0
    assert [p.suffix for p in tmp_path.iterdir()] == [suffix]


def test_standard_output(capsys: pytest.CaptureFixture[str]):
    assert main(["article", "--format", "md", "--out", "-"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("---\n") and r"KL(P \Vert Q)" in out


BAD = [
    (["article", "--format", "pdf"], "invalid choice: 'pdf'"),
    (["article", "--colour"], "unrecognized arguments: --colour"),
    (["--colour"], "required: COMMAND"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    (["article", "--outcomes", "1,1"], "expected two different labels of letters or digits like H,T or 1,0"),
    (["article", "--outcomes", "1,0,2"], "expected two different labels"),
]


@pytest.mark.parametrize("args, message", BAD, ids=["format", "option", "no-command", "command", "same-outcomes",
                                                   "three-outcomes"])
def test_bad_arguments_give_one_line_and_exit_2(args: list[str], message: str):
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_bare_derive_prints_the_usage_and_the_commands():
    result = run()
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("usage: derive") and "Traceback" not in result.stderr
    assert all(command in result.stderr for command in ("article", "verify", "check"))


def test_version(capsys: pytest.CaptureFixture[str]):
    from derive import __version__

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out == f"derive {__version__}\n"


def test_outcomes_written_as_digits(tmp_path: Path):
    assert main(["article", "--outcomes", "1,0", "--format", "md", "--out", str(tmp_path)]) == 0
    assert "$P(1) = p$, $P(0) = 1 - p$" in (tmp_path / "kl-cross-entropy-coin.md").read_text(encoding="utf-8")


def test_several_documents_on_standard_output_are_each_headed_by_their_name(capsys: pytest.CaptureFixture[str]):
    assert main(["article", "--out", "-"]) == 0
    out = capsys.readouterr().out
    heads = [line for line in out.splitlines() if line.startswith("==> ")]
    assert heads == [f"==> kl-cross-entropy-coin.{fmt} <==" for fmt in ("md", "tex", "json")]
    assert out.split("==> kl-cross-entropy-coin.tex <==\n")[1].startswith("\\documentclass")


def test_unwritable_output_folder(tmp_path: Path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    result = run("article", "--out", str(blocked / "sub"))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert blocked.read_text() == "not a folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only folder")
def test_read_only_folder_keeps_existing_files(tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "kl-cross-entropy-coin.md").write_text("old")
    out.chmod(0o500)
    try:
        result = run("article", "--out", str(out))
    finally:
        out.chmod(0o700)
    assert result.returncode == 2
    assert (out / "kl-cross-entropy-coin.md").read_text() == "old"
    assert [p.name for p in out.iterdir()] == ["kl-cross-entropy-coin.md"]


def test_the_minimization_topic_writes_its_documents(tmp_path):
    from derive.cli import main

    assert main(["article", "--topic", "minimization", "--dist", "coin", "--format", "md", "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gibbs-coin.md", "minimization-coin.md",
                                                          "minimization-logistic.md"]


@pytest.mark.parametrize("args, message", [
    (["--topic", "minimization", "--dist", "poisson"], "unknown distribution 'poisson'"),
    (["--topic", "minimization", "--units", "any"], "units"),
    (["--topic", "everything"], "invalid choice"),
], ids=["no-minimization-for-poisson", "any-base-is-for-the-relation", "unknown-topic"])
def test_topic_errors(tmp_path, capsys, args, message):
    from derive.cli import main

    assert main(["article", *args, "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not any(tmp_path.iterdir())
