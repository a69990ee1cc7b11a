"""Every LaTeX document derive writes compiles with pdflatex, without a line running into the margin.

Each ``outputs/*.tex`` is copied into a temporary folder and compiled there
(``-halt-on-error -interaction=nonstopmode``), so no .aux, .log or .pdf is ever left in
``outputs/``. The compile must exit 0, produce a PDF, and its log must have no
``Overfull \\hbox`` or ``Overfull \\vbox``: derive breaks long equations itself, and an
overfull box means a line of mathematics sticks out of the text block.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .conftest import output_files, shown, tool_missing

# kpathsea reads texmf.cnf variables from the environment: keep each log message on one line.
_LOG_ENV = {"max_print_line": "10000", "error_line": "254", "half_error_line": "238"}
_OVERFULL = re.compile(r"^Overfull \\[hv]box\b")
_ERROR = re.compile(r"^(! |.*:\d+: )")


@dataclass(frozen=True)
class Compilation:
    returncode: int
    pdf: Path | None
    log: list[str]


def find_pdflatex() -> str:
    pdflatex = shutil.which("pdflatex")
    if pdflatex is None:
        tool_missing("pdflatex is not installed (Debian: texlive-latex-base texlive-latex-recommended)")
    return pdflatex


def compile_tex(pdflatex: str, source: Path, workdir: Path) -> Compilation:
    """Compile a copy of ``source`` inside ``workdir``; ``source``'s own folder is not touched."""
    workdir.mkdir(parents=True, exist_ok=True)
    copy = workdir / source.name
    shutil.copyfile(source, copy)
    proc = subprocess.run(
        [pdflatex, "-halt-on-error", "-interaction=nonstopmode", "-file-line-error", "-no-shell-escape",
         copy.name],
        cwd=workdir, stdin=subprocess.DEVNULL, capture_output=True, timeout=300, check=False,
        env={**os.environ, **_LOG_ENV},
    )
    log_file = copy.with_suffix(".log")
    # TeX logs are bytes in whatever encoding the input had; latin-1 never fails to decode.
    log = log_file.read_text(encoding="latin-1").splitlines() if log_file.is_file() else \
        proc.stdout.decode("latin-1").splitlines()
    pdf = copy.with_suffix(".pdf")
    return Compilation(proc.returncode, pdf if pdf.is_file() and pdf.stat().st_size else None, log)


def _with_context(log: list[str], k: int, after: int, width: int = 240) -> str:
    """Log line ``k`` and up to ``after`` non-empty lines after it, each cut to ``width`` characters."""
    lines = [log[k]] + [line for line in log[k + 1 : k + 1 + after] if line.strip()]
    return "\n    ".join(line if len(line) <= width else line[: width - 3] + "..." for line in lines)


def latex_problems(pdflatex: str, source: Path, workdir: Path) -> list[str]:
    """Everything wrong with compiling ``source``: errors, a missing PDF, overfull boxes (with log lines)."""
    result = compile_tex(pdflatex, source, workdir)
    name = shown(source)
    problems = []
    if result.returncode != 0:
        errors = [_with_context(result.log, k, 3) for k, line in enumerate(result.log) if _ERROR.match(line)]
        problems.append(f"{name}: pdflatex exited with status {result.returncode}:\n  "
                        + ("\n  ".join(errors) if errors else "\n  ".join(result.log[-20:])))
    if result.pdf is None:
        problems.append(f"{name}: no PDF was produced")
    problems += [f"{name}: {_with_context(result.log, k, 2)}"
                 for k, line in enumerate(result.log) if _OVERFULL.match(line)]
    return problems


def test_there_are_latex_outputs() -> None:
    assert output_files("*.tex"), "no outputs/*.tex: run `derive article`"


def test_latex_output_compiles_without_overfull_boxes(tex_output: Path, tmp_path: Path) -> None:
    pdflatex = find_pdflatex()
    before = sorted(p.name for p in tex_output.parent.iterdir())
    problems = latex_problems(pdflatex, tex_output, tmp_path)
    assert not problems, "\n".join(problems)
    assert sorted(p.name for p in tex_output.parent.iterdir()) == before, "compiling left files in outputs/"


# --- the checker can fail ----------------------------------------------------------------

_DOCUMENT = "\\documentclass[11pt]{article}\n\\usepackage{amsmath}\n\\begin{document}\n%s\n\\end{document}\n"


def test_a_too_wide_equation_is_reported_with_its_log_lines(tmp_path: Path) -> None:
    pdflatex = find_pdflatex()
    wide = " + ".join(f"x_{{{k}}}" for k in range(1, 61))
    source = tmp_path / "src" / "wide.tex"
    source.parent.mkdir()
    source.write_text(_DOCUMENT % f"Some text.\n\\[\n{wide}\n\\]\n", encoding="utf-8")
    problems = latex_problems(pdflatex, source, tmp_path / "build")
    assert len(problems) == 1, problems
    assert re.match(rf"{re.escape(str(source))}: Overfull \\hbox \(\d+\.\d+pt too wide\) detected at line 7",
                    problems[0]), problems[0]
    assert sorted(p.name for p in source.parent.iterdir()) == ["wide.tex"]


def test_a_latex_error_is_reported_with_its_line(tmp_path: Path) -> None:
    pdflatex = find_pdflatex()
    source = tmp_path / "src" / "error.tex"
    source.parent.mkdir()
    source.write_text(_DOCUMENT % "Fine.\n\n$\\undefinedmacro{x}$\n", encoding="utf-8")
    problems = latex_problems(pdflatex, source, tmp_path / "build")
    assert len(problems) == 2, problems
    assert "pdflatex exited with status 1" in problems[0]
    assert "./error.tex:6: Undefined control sequence." in problems[0]
    assert problems[1].endswith("no PDF was produced")
