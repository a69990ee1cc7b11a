"""The documents not kept in outputs/ meet the same bar: bits (minimization) and an arbitrary base b (relation).

They are written to a temporary folder by the command line, then compiled with pdflatex (no overfull box)
and rendered with KaTeX (every math span), exactly as outputs/ is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from derive.cli import main

from .test_katex import find_node, katex_problems
from .test_pdflatex import find_pdflatex, latex_problems

#: Its tests share a module fixture: one worker runs them all (pytest-xdist, --dist loadgroup).
pytestmark = pytest.mark.xdist_group("other-units")

RUNS = [["--topic", "minimization", "--units", "bits"], ["--topic", "relation", "--units", "any", "--dist", "coin"],
        ["--topic", "relation", "--units", "any", "--dist", "categorical-n"]]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("units")
    for run in RUNS:
        args = ["article", *run, "--out", str(out)] + ([] if "--dist" in run else ["--dist", "all"])
        assert main(args) == 0
    return out


def test_the_documents_are_written(written: Path) -> None:
    names = {p.name for p in written.iterdir()}
    assert {"minimization-coin-bits.tex", "gibbs-categorical-n-bits.md", "minimization-logistic-bits.json",
            "kl-cross-entropy-coin-any-base.tex", "kl-cross-entropy-categorical-n-any-base.md"} <= names


def test_they_compile_without_overfull_boxes(written: Path, tmp_path: Path) -> None:
    pdflatex = find_pdflatex()
    problems = [p for tex in sorted(written.glob("*.tex")) for p in latex_problems(pdflatex, tex, tmp_path / tex.stem)]
    assert not problems, "\n".join(problems)


def test_their_math_renders_with_katex(written: Path) -> None:
    count, problems = katex_problems(find_node(), sorted(written.glob("*.md")))
    assert count > 0 and not problems, "\n".join(problems)
