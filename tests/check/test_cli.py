"""``derive check`` as a user runs it: output lines, exit codes, one-line errors, bounded time, no code run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.article_source import ARTICLE

COIN = "$P(H) = p$ and $Q(H) = q$.\n\n$$\nKL(P \\Vert Q) = H(P, Q) - H(P)\n$$\n"


def derive(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "derive.cli", "check", *args], capture_output=True, text=True,
                          timeout=timeout)


def _one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


def test_article() -> None:
    result = derive(str(ARTICLE))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith(f"{ARTICLE}: 10 proved, 0 refuted, 1 unknown")  # log(a/b): a, b > 0 unstated
    assert f"{ARTICLE}:64: proved" in lines and any(line.startswith(f"{ARTICLE}:18: skipped: prose") for line in lines)


def test_exit_codes_and_json(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.md", tmp_path / "bad.md"
    good.write_text(COIN)
    bad.write_text(COIN.replace("- H(P)", "+ H(P)"))
    assert derive(str(good)).returncode == 0
    wrong = derive(str(bad))
    assert wrong.returncode == 1
    assert f"{bad}:4: refuted: KL(P \\Vert Q) != H(P, Q) + H(P) at p=1/3, q=2/7" in wrong.stdout
    data = json.loads(derive(str(bad), "--format", "json").stdout)
    assert data["exit"] == 1 and data["links"][-1]["counterexample"] == {"p": "1/3", "q": "2/7"}


def test_options(tmp_path: Path) -> None:
    doc = tmp_path / "bare.md"
    doc.write_text("$$\\sqrt{a^{2}} \\sqrt{b^{2}} = a b$$\n")
    assert derive(str(doc)).returncode == 0
    assert derive(str(doc), "--strict").returncode == 1
    assert derive(str(doc), "--strict", "--assume", "a > 0", "--assume", "b > 0").returncode == 0
    kl = tmp_path / "kl.md"
    kl.write_text("$$KL(P \\Vert Q) = H(P, Q) - H(P)$$\n")
    defined = derive(str(kl), "--define", "P(H) = p", "--define", "Q(H) = q")
    assert defined.returncode == 0 and "--define:1: definition: P(H) = p" in defined.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["{tmp}/absent.md"], "cannot read"),
    (["{tmp}/doc.md", "--assume", "0 < p <"], "--assume: assumption '0 < p <' has an empty side"),
    (["{tmp}/doc.md", "--assume", "p < q"], "relates two symbols"),
    (["{tmp}/doc.md", "--define", "p + 1 = q"], "is not a definition"),
    (["{tmp}/prose.md"], "no math found"),
    (["{tmp}/doc.md", "--format", "pdf"], "invalid choice: 'pdf'"),
    (["{tmp}/doc.md", "--assume", "p > 1"], "contradictory assumptions: the assumption p > 1 leaves no value for p"),
    (["{tmp}/doc.md", "--assume", "x > 1", "--assume", "x < 0"], "contradictory assumptions"),
    (["{tmp}/contra.md"], "contra.md:3: contradictory assumption: the assumption x < 0 leaves no value for x"),
], ids=["missing", "assume-syntax", "assume-symbols", "define", "no-math", "format", "against-a-coin",
        "two-options", "in-the-text"])
def test_unusable_input_is_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "doc.md").write_text(COIN)
    (tmp_path / "prose.md").write_text("no mathematics at all\n")
    (tmp_path / "contra.md").write_text("Let $x > 1$.\n\nAssume $x < 0$.\n\n$$x = x + 1$$\n")
    assert message in _one_line_error(derive(*(a.replace("{tmp}", str(tmp_path)) for a in args)))


@pytest.mark.parametrize("content", [
    "$$" + "{" * 5000 + "x" + "}" * 5000 + " = 1$$\n",
    "$$ x = " + "(" * 3000 + "x" + ")" * 3000 + " $$\n",
    "$$x = 1$$\n" + "word " * 700_000,
    "$5 and " * 100_000 + "\n",
    "\\[ " * 200_000,
    "$$" + "{" * 100_000 + "x = 1" + "}" * 100_000 + "$$\n",  # groups opened around a relation: one pass
], ids=["deep-braces", "deep-parentheses", "megabytes", "many-dollars", "unclosed-brackets", "deep-relation"])
def test_hostile_documents_fail_cleanly_in_bounded_time(tmp_path: Path, content: str) -> None:
    doc = tmp_path / "hostile.md"
    doc.write_text(content)
    result = derive(str(doc), timeout=60)  # a generous guard: these take about a second
    _one_line_error(result)


def test_payloads_are_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    payload = f"__import__('os').system('touch {marker}')"
    doc = tmp_path / "doc.md"
    doc.write_text(COIN + f"$$ {payload} = 1 $$\n\n$$ \\text{{{payload}}} = x $$\n")
    derive(str(doc))
    derive(str(doc), "--assume", f"{payload} > 0")
    derive(str(doc), "--define", f"P = {payload}")
    front = tmp_path / "front.md"
    front.write_text(f"---\nderive:\n  define: [\"{payload}\"]\n---\n" + COIN)
    derive(str(front))
    assert not marker.exists()


def test_several_documents_in_one_process(tmp_path: Path) -> None:
    good, bad = tmp_path / "a" / "good.md", tmp_path / "a" / "b" / "bad.tex"
    bad.parent.mkdir(parents=True)
    good.write_text(COIN)
    bad.write_text(COIN.replace("- H(P)", "+ H(P)"))
    (tmp_path / "a" / "notes.txt").write_text("not a document")
    result = derive(str(tmp_path / "a"))  # a folder: its .md and .tex files, in name order
    assert result.returncode == 1, result.stderr
    assert result.stdout.index("bad.tex: 0 proved, 1 refuted") < result.stdout.index("good.md: 1 proved")
    listed = json.loads(derive(str(good), str(bad), "--format", "json").stdout)
    assert [r["file"] for r in listed] == [str(good), str(bad)] and [r["exit"] for r in listed] == [0, 1]
    missing = derive(str(good), str(tmp_path / "missing.md"))  # one unusable: reported, the others still checked
    assert missing.returncode == 2 and "good.md: 1 proved" in missing.stdout
    assert "cannot read" in missing.stderr and "Traceback" not in missing.stderr
    _one_line_error(derive(str(tmp_path / "a" / "b" / "empty")))
    (tmp_path / "none").mkdir()
    assert "no .md or .tex document" in _one_line_error(derive(str(tmp_path / "none")))
