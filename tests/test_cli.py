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
    assert out.startswith("---\n") and r"\mathrm{KL}(P \Vert Q)" in out


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


PREFIXED = [
    (["article", "--format", "pdf"], "derive article: error: argument --format"),
    (["article", "--dist", "nowhere"], "derive article: error: argument --dist"),
    (["verify", "missing.json"], "derive verify: error: cannot read missing.json"),
    (["verify", "--timeout", "0", "x.json"], "derive verify: error: argument --timeout"),
    (["check", "missing.md"], "derive check: error: cannot read missing.md"),
    (["check", "--units", "furlongs", "x.md"], "derive check: error: argument --units"),
    (["frobnicate"], "derive: error: argument COMMAND"),
]


@pytest.mark.parametrize("args, prefix", PREFIXED, ids=[" ".join(a) for a, _ in PREFIXED])
def test_every_error_names_its_subcommand_in_one_style(tmp_path: Path, args: list[str], prefix: str):
    result = subprocess.run([sys.executable, "-m", "derive.cli", *args], capture_output=True, text=True,
                            timeout=120, cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(prefix) and len(result.stderr.splitlines()) == 1, result.stderr


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


@pytest.mark.parametrize("quiet", [False, True], ids=["progress", "quiet"])
def test_article_reports_each_derivation_as_it_is_verified_unless_quiet(tmp_path: Path, capsys, quiet: bool):
    assert main(["article", "--topic", "all", "--out", str(tmp_path)] + (["-q"] if quiet else [])) == 0
    out, err = capsys.readouterr()
    slugs = sorted(p.stem for p in tmp_path.glob("*.md"))
    lines = [line for line in err.splitlines() if line.startswith("verified ")]
    if quiet:
        assert (out, err) == ("", "")
    else:
        assert sorted(line.split(":")[0].removeprefix("verified ") for line in lines) == slugs and len(slugs) >= 2
        assert all(line.endswith("0 refuted, 0 unknown") for line in lines)
        assert err.splitlines()[-1].startswith("verification: ") and out.count("wrote ") == 3 * len(slugs)


#: check --allow-empty (the pre-commit hook's option): (documents, flags, exit status, in standard output, in
#: standard error, "" for none).  Nothing to check passes; a refuted link and an unreadable file still fail.
ALLOW_EMPTY_DOCUMENTS = {
    "prose.md": "# Notes\n\nNo mathematics here.\n",
    "inline.md": "Sorting takes $O(n \\log n)$ steps.\n",
    "bounds.md": "Let $n \\geq 1$.\n",
    "unparsed.md": "$$\\mathrm{foo} \\star y = \\heartsuit$$\n",
    "right.md": "Let $a > 0$ and $b > 0$.\n\n$$\\log(ab) = \\log a + \\log b$$\n",
    "wrong.md": "Let $a > 0$ and $b > 0$.\n\n$$\\log(ab) = \\log a - \\log b$$\n",
    "latin.md": "$$x = \u00e9$$\n",
}
ALLOW_EMPTY = [
    (["prose.md"], [], 2, "", "prose.md: no math found"),
    (["prose.md"], ["--allow-empty"], 0, "prose.md: no math found (no $...$, $$...$$, \\[...\\] or equation "
                                         "environment): nothing to check", ""),
    (["inline.md"], ["--allow-empty"], 0, "inline.md: no equation or relation in its 1 math spans: nothing", ""),
    (["bounds.md"], [], 2, "bounds.md:1: assumption: n >= 1", "bounds.md: no link could be checked"),
    (["bounds.md"], ["--allow-empty"], 0, "bounds.md: 0 proved, 0 refuted, 0 unknown", ""),
    (["unparsed.md"], ["--allow-empty"], 0, "unparsed.md:1: not parsed", ""),
    (["unparsed.md"], ["--allow-empty", "--strict"], 1, "unparsed.md:1: not parsed", ""),
    (["prose.md", "right.md"], ["--allow-empty"], 0, "right.md:3: proved", ""),
    (["prose.md", "right.md", "wrong.md"], ["--allow-empty"], 1, "wrong.md:3: refuted", ""),
    (["prose.md", "latin.md"], ["--allow-empty"], 2, "prose.md: no math found", "latin.md is not UTF-8 text"),
    (["prose.md"], ["--allow-empty", "--format", "json"], 0, "", ""),
]


@pytest.mark.parametrize("names, flags, status, out_has, err_has", ALLOW_EMPTY,
                         ids=[" ".join(flags + names) for names, flags, *_ in ALLOW_EMPTY])
def test_check_allow_empty_passes_documents_with_nothing_to_check(tmp_path: Path, capsys, names: list[str],
                                                                 flags: list[str], status: int, out_has: str,
                                                                 err_has: str):
    for name, text in ALLOW_EMPTY_DOCUMENTS.items():
        (tmp_path / name).write_bytes(text.encode("latin-1" if name == "latin.md" else "utf-8"))
    assert main(["check", *flags, *(str(tmp_path / name) for name in names)]) == status
    out, err = capsys.readouterr()
    assert out_has in out and (out_has or out == "") and "Traceback" not in err
    assert err_has in err if err_has else err == ""
