"""The pre-commit hook ``derive-check`` (``.pre-commit-hooks.yaml``), run the way a user meets it: ``pre-commit
try-repo`` on a scratch git repository holding a correct document, a wrong one and a Markdown file with no math.

``try-repo`` installs this project into a fresh virtual environment (pip, from PyPI), so the test is ``slow``
(about 20 s per run here).  It runs on a committed snapshot of this working tree (tracked and untracked files,
ignored ones left out) rather than on the repository itself, because ``try-repo`` takes only the tracked files'
uncommitted changes: a new, not yet committed file (``.pre-commit-hooks.yaml`` itself, at first) would be missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pre_commit")

ROOT = Path(__file__).resolve().parents[1]
GIT = ("git", "-c", "user.name=derive tests", "-c", "user.email=tests@derive.invalid", "-c", "commit.gpgsign=false",
       "-c", "init.defaultBranch=main")

#: The scratch repository's files: a relation derive proves, the same relation with a flipped sign (refuted on
#: line 7), and prose with no math at all, which must not fail a commit.
DOCUMENTS = {
    "right.md": "# Logarithms\n\nLet $a > 0$ and $b > 0$.\n\n$$\\log(ab) = \\log a + \\log b$$\n",
    "wrong.md": "# Logarithms\n\nLet $a > 0$ and $b > 0$.\n\nThe product rule:\n\n$$\\log(ab) = \\log a - \\log b$$\n",
    "README.md": "# Notes\n\nNothing but prose here.\n",
    "notes.txt": "$$\\log(ab) = \\log a - \\log b$$\n",
}

#: (files handed to the hook, pre-commit's exit status, lines its output must hold, text it must not hold)
RUNS = [
    (["right.md", "README.md", "notes.txt"], 0,
     ["derive check....", "Passed"], ["refuted", "Failed"]),
    (["right.md", "wrong.md", "README.md"], 1,
     ["Failed", "- exit code: 1", "right.md:5: proved",
      "wrong.md:7: refuted: \\log(ab) != \\log a - \\log b", "README.md: no math found"], ["Traceback"]),
]


def clean_env() -> dict[str, str]:
    """This process's environment without git's repository variables (set when the tests run inside a git hook,
    they would point every git command at this repository) and without PYTHONPATH (the hook must run the
    installed copy)."""
    return {k: v for k, v in os.environ.items()
            if not k.startswith("GIT_") and k not in ("PYTHONPATH", "VIRTUAL_ENV")}


def git(*args: str, cwd: Path) -> str:
    """Run git in ``cwd`` with a fixed identity; its standard output."""
    return subprocess.run([*GIT, *args], cwd=cwd, env=clean_env(), check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-commit git repository holding this working tree's files as they are now."""
    if not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout")
    copy = tmp_path_factory.mktemp("derive-snapshot")
    names = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT).split("\0")
    for name in filter(None, names):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is left out
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    git("init", "-q", cwd=copy)
    git("add", "-A", cwd=copy)
    git("commit", "-q", "-m", "snapshot", cwd=copy)
    return copy


@pytest.fixture()
def scratch(tmp_path: Path) -> Path:
    """A user's repository with the documents staged."""
    repo = tmp_path / "user"
    repo.mkdir()
    for name, text in DOCUMENTS.items():
        (repo / name).write_text(text, encoding="utf-8")
    git("init", "-q", cwd=repo)
    git("add", *DOCUMENTS, cwd=repo)
    return repo


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
@pytest.mark.parametrize(("files", "status", "present", "absent"), RUNS, ids=["right-passes", "wrong-fails"])
def test_the_hook_fails_a_commit_only_on_a_refuted_relation(snapshot: Path, scratch: Path, tmp_path: Path,
                                                            files: list[str], status: int, present: list[str],
                                                            absent: list[str]) -> None:
    env = clean_env() | {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    result = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(snapshot), "derive-check",
                             "--ref", git("rev-parse", "HEAD", cwd=snapshot).strip(), "--files", *files],
                            cwd=scratch, env=env, capture_output=True, text=True, timeout=900)
    output = result.stdout + result.stderr
    assert result.returncode == status, output
    assert all(line in output for line in present), output
    assert not any(text in output for text in absent), output


#: The hook's manifest entries a user relies on: what runs, on which files, handed their names.
MANIFEST = {"id": "derive-check", "name": "derive check", "entry": "derive check --allow-empty",
            "language": "python", "files": r"\.(md|tex)$", "types": ["text"], "pass_filenames": True}


def test_the_manifest_declares_the_hook_the_readme_shows() -> None:
    import yaml  # pre-commit's own dependency

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {key: hook.get(key) for key in MANIFEST} == MANIFEST
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippet = readme.split("```yaml\n", 1)[1].split("```", 1)[0]
    (repo,) = yaml.safe_load(snippet)["repos"]
    assert [h["id"] for h in repo["hooks"]] == [hook["id"]] and {"repo", "rev"} <= set(repo)
