"""Writing files so that a failure never leaves a half-written or lost file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from izumi_ledger.text.messages import t


class WriteRefused(Exception):
    """The file exists and overwriting it was not asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__(t("write.refused", path=path))
        self.path = path


def _default_mode() -> int:
    # What open() would give a new file: 0o666 less the umask (read without changing it for
    # long: os.umask has no read-only form).
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(path: Path, content: bytes, *, force: bool = False) -> None:
    """Write content to path through a temporary file in the same folder and a rename.

    Readers see the old file or the new one, never a mixture; an existing file is replaced
    only with force, and keeps its permissions. If anything fails (a full disk, an
    interruption), the original is untouched and the temporary file is removed.
    """
    target = path.resolve() if path.is_symlink() else path
    if target.is_dir():
        raise IsADirectoryError(t("write.directory", path=path))
    exists = target.exists()
    if exists and not force:
        raise WriteRefused(path)
    mode = (target.stat().st_mode & 0o7777) if exists else _default_mode()
    folder = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
