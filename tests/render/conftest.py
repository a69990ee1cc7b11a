"""Shared pieces of the render tests: where derive's outputs live, and what to do when a tool is missing.

The test modules import these helpers with ``from .conftest import ...`` (this folder is a
package, so pytest and the import give the same module).

The render tests check derive's documents with the tools that publish them (KaTeX for the
Markdown, pdflatex for the LaTeX). Those tools are not Python packages, so a developer's
machine may lack them: there the tests skip and say why. Under CI (the ``CI`` environment
variable set, as CI services and ``.ci/run`` do) a missing tool is a failure instead, so a
broken CI image cannot turn the checks into silent skips.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parents[2]
OUTPUTS = ROOT / "outputs"


def in_ci() -> bool:
    """True when ``CI`` is set to anything but an explicit no (empty, ``0``, ``false``, ``no``)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def tool_missing(reason: str) -> NoReturn:
    """Fail under CI, skip elsewhere; ``reason`` says what is missing and how to get it."""
    if in_ci():
        pytest.fail(f"{reason} (CI is set, so this is a failure: .ci/run must install it)", pytrace=False)
    pytest.skip(reason)


def output_files(pattern: str) -> list[Path]:
    """derive's documents in ``outputs/`` matching ``pattern``, sorted by name."""
    return sorted(OUTPUTS.glob(pattern))


def shown(path: Path) -> str:
    """``path`` relative to the repository when it is inside it, for messages."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test that takes ``tex_output`` or ``md_output`` runs once per such file in ``outputs/``."""
    for name, pattern in (("tex_output", "*.tex"), ("md_output", "*.md")):
        if name in metafunc.fixturenames:
            files = output_files(pattern)
            metafunc.parametrize(name, files, ids=[f.name for f in files])
