"""Nothing a user writes is evaluated as code: a lint over the package, and payloads through every door."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "derive"
RISKY = re.compile(r"\b(eval|exec|sympify|parse_expr|S)\(")


def test_no_call_that_evaluates_strings_without_a_reviewed_marker():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if RISKY.search(code) and "# safe:" not in line:
                found.append(f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}")
    assert not found, "calls that can evaluate a string as code:\n" + "\n".join(found)


@pytest.mark.parametrize("args", [
    ["article", "--names", "__import__('os').system('touch {m}'),Q"],
    ["article", "--params", "p,__import__('os').system('touch {m}')"],
    ["article", "--outcomes", "H,T;touch {m}"],
    ["article", "--dist", "__import__('os').system('touch {m}')"],
    ["verify", "{m}.json"],
], ids=["names", "params", "outcomes", "dist", "verify-missing"])
def test_payloads_in_arguments_never_run(tmp_path: Path, args: list[str]):
    marker = tmp_path / "pwned"
    argv = [a.replace("{m}", str(marker)) for a in args] + ["--out", str(tmp_path / "out")] * (args[0] == "article")
    result = subprocess.run([sys.executable, "-m", "derive.cli", *argv], capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    assert not marker.exists()
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_parser_payloads_are_refused_not_run(tmp_path: Path):
    from derive.parse import ParseError, parse_latex
    marker = tmp_path / "pwned"
    for payload in (f"__import__('os').system('touch {marker}')", r"\text{" + f"__import__('os').system('touch {marker}')" + "}",
                    "lambda: 1", "().__class__"):
        with pytest.raises(ParseError):
            parse_latex(payload)
    assert not marker.exists()
