"""Writing files all-or-nothing: everything goes to temporary files first, then moves into place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from derive.errors import OutputError


def write_all(folder: Path, files: dict[str, str]) -> list[Path]:
    """Write ``{name: text}`` into ``folder`` atomically; on any failure nothing is left half-written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {folder}: {exc.strerror or exc}") from None
    if not folder.is_dir():
        raise OutputError(f"output path {folder} is not a folder")
    staged: list[tuple[str, Path]] = []
    try:
        for name, text in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            staged.append((name, Path(tmp)))
        for name, tmp in staged:
            os.replace(tmp, folder / name)
    except OSError as exc:
        for _, tmp in staged:
            tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write to {folder}: {exc.strerror or exc}") from None
    return [folder / name for name in files]
