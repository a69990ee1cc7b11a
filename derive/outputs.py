"""Writing files all-or-nothing: everything goes to temporary files first, then moves into place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from derive.errors import OutputError


def _umask() -> int:
    """The process's umask (read by setting it and putting it back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_folder(folder: Path) -> None:
    """Fail early, before any work, if ``folder`` cannot be created or written: its nearest existing ancestor
    must be a folder this process may write in (or ``folder`` itself an existing one)."""
    existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if existing is not None and not existing.is_dir():
        what = "it is a file" if existing == folder else f"{existing} is a file"
        raise OutputError(f"cannot create output folder {folder}: {what}")
    if existing is not None and not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write to {existing}: permission denied")


def write_all(folder: Path, files: dict[str, str]) -> list[Path]:
    """Write ``{name: text}`` into ``folder`` atomically; on any failure nothing is left half-written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {folder}: {exc.strerror or exc}") from None
    if not folder.is_dir():
        raise OutputError(f"output path {folder} is not a folder")
    staged: list[tuple[str, Path]] = []
    mode = 0o666 & ~_umask()  # what open() would give a new file: 0644 under the usual umask 022
    try:
        for name, text in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
            os.fchmod(fd, mode)  # mkstemp makes the file private (0600); a document is for readers
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
