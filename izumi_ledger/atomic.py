"""Writing a file so that a failure never leaves a half-written or lost file behind.

The new bytes go to a temporary file in the same folder, which then replaces the target in one
rename: readers see the old file or the new one, never a mixture. If anything fails (a full
disk, an interruption), the target is untouched and the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from izumi_ledger.errors import CannotWrite
from izumi_ledger.text.messages import t

TEMPORARY_SUFFIX = ".izumi-tmp"
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)


def _default_mode() -> int:
    # What open() would give a new file: 0o666 less the umask (read without changing it for
    # long: os.umask has no read-only form).
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(path: Path, content: bytes, *, force: bool = False) -> None:
    """Write content to path; an existing file is replaced only with force, and keeps its
    permissions. CannotWrite, naming path, when it cannot be written."""
    shown = str(path)
    target = path.resolve() if path.is_symlink() else path
    if target.is_dir():
        raise CannotWrite(shown, t("write.directory", path=shown))
    exists = target.exists()
    if exists and not force:
        raise CannotWrite(shown, t("write.exists", path=shown), t("write.force"))
    try:
        mode = (target.stat().st_mode & 0o7777) if exists else _default_mode()
        folder = os.open(target.parent if str(target.parent) else ".", os.O_RDONLY | _DIRECTORY)
    except OSError as error:
        raise CannotWrite(shown, t("write.failed", path=shown, reason=_reason(error))) from None
    try:
        replace_in_folder(folder, target.name, content, mode=mode, durable=True)
    except OSError as error:
        raise CannotWrite(shown, t("write.failed", path=shown, reason=_reason(error))) from None
    finally:
        os.close(folder)


def replace_in_folder(
    folder: int, name: str, content: bytes, *, mode: int = 0o600, durable: bool = False
) -> None:
    """Write content as name in the open folder, through a temporary file of its own that
    is never a symbolic link; durable also syncs the data and the rename to the disk."""
    temporary = f".{name}.{secrets.token_hex(6)}{TEMPORARY_SUFFIX}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW
    handle = os.open(temporary, flags, 0o600, dir_fd=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        os.chmod(temporary, mode, dir_fd=folder)
        os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=folder)
        raise
    if durable:
        with contextlib.suppress(OSError):
            os.fsync(folder)  # the rename itself, where the system allows it


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
