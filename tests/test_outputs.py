"""The committed files in outputs/ are exactly what the program writes today."""

from __future__ import annotations

from pathlib import Path

import pytest

from derive.cli import main

OUTPUTS = Path(__file__).resolve().parents[1] / "outputs"


def test_outputs_are_regenerated_identically(tmp_path: Path):
    assert main(["article", "--dist", "all", "--topic", "all", "--out", str(tmp_path)]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    committed = sorted(p.name for p in OUTPUTS.iterdir() if not p.name.startswith("."))
    assert set(written) == set(committed), f"outputs/ differs from what the program writes: {set(written) ^ set(committed)}"
    for name in written:
        fresh = (tmp_path / name).read_text(encoding="utf-8")
        golden = (OUTPUTS / name).read_text(encoding="utf-8")
        assert fresh == golden, f"outputs/{name} is stale: run `derive article --dist all --topic all` and commit it"


@pytest.mark.parametrize("name", [f"{stem}.{x}" for stem in (
    "kl-cross-entropy-coin", "kl-cross-entropy-categorical", "kl-cross-entropy-categorical-n", "minimization-coin",
    "minimization-categorical", "minimization-categorical-n", "minimization-normal", "minimization-logistic",
    "gibbs-coin", "gibbs-categorical", "gibbs-categorical-n") for x in ("md", "tex", "json")])
def test_the_main_job_writes_the_article_documents(name: str):
    assert (OUTPUTS / name).is_file()


def _blocked(tmp_path: Path) -> Path:
    (tmp_path / "file").write_text("not a folder")
    return tmp_path / "file"


FOLDERS = [  # (how to build the path from tmp_path, the message's fragment, or None when it may be written)
    (lambda t: t, None),
    (lambda t: t / "new" / "deeper", None),
    (lambda t: _blocked(t), "cannot create output folder .*: it is a file"),
    (lambda t: _blocked(t) / "sub", "cannot create output folder .*/sub: .*file is a file"),
]


@pytest.mark.parametrize("build, fragment", FOLDERS, ids=["existing", "new", "a file", "under a file"])
def test_check_folder_refuses_early_what_cannot_be_written(tmp_path: Path, build, fragment: str | None):
    from derive.errors import OutputError
    from derive.outputs import check_folder

    folder = build(tmp_path)
    if fragment is None:
        check_folder(folder)
        assert not (tmp_path / "new").exists()  # checking creates nothing
    else:
        with pytest.raises(OutputError, match=fragment):
            check_folder(folder)


def test_written_files_get_the_mode_open_would_give_them(tmp_path: Path) -> None:
    import os

    from derive.outputs import write_all

    mask = os.umask(0o022)
    try:
        (written,) = write_all(tmp_path, {"a.md": "text"})
    finally:
        os.umask(mask)
    assert written.stat().st_mode & 0o777 == 0o644
