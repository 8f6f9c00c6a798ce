"""Writing files so that a failure never leaves a half-written or lost file behind.

The new bytes go to a temporary file in the same folder, which then replaces the target in one
rename: readers see the old file or the new one, never a mixture. Several files are written
all first and renamed only when every one is complete, so a full disk leaves the old set whole.
If anything fails, the targets are untouched and the temporary files are removed.
"""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from izumi_ledger.errors import CannotWrite
from izumi_ledger.text.messages import t

TEMPORARY_SUFFIX = ".izumi-tmp"
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
# A temporary name keeps this much of its target's name: with the rest it stays far below
# the 255 bytes most file systems allow, however long the target's name is.
_NAME_KEPT = 100


def _default_mode() -> int:
    # What open() would give a new file: 0o666 less the umask (read without changing it for
    # long: os.umask has no read-only form).
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@dataclass
class _Pending:
    shown: str
    folder: int
    name: str
    temporary: str


def write_atomically(path: Path, content: bytes, *, force: bool = False) -> None:
    """Write content to path; an existing file is replaced only with force, and keeps its
    permissions. CannotWrite, naming path, when it cannot be written."""
    write_all_atomically({path: content}, force=force)


def write_all_atomically(files: dict[Path, bytes], *, force: bool = False) -> None:
    """Write every file, or none: each goes to a temporary file first, and the renames happen
    only when all of them are written. Existing files are replaced only with force, and only
    when they are regular files (a device or a pipe is never replaced by a file)."""
    targets = {path: _target(path, force) for path in files}
    pending: list[_Pending] = []
    try:
        for path, content in files.items():
            target, mode = targets[path]
            pending.append(_prepared(str(path), target, content, mode))
        for item in pending:
            try:
                os.replace(
                    item.temporary, item.name, src_dir_fd=item.folder, dst_dir_fd=item.folder
                )
            except OSError as error:
                raise _failure(item.shown, error) from None
            item.temporary = ""
            with contextlib.suppress(OSError):
                os.fsync(item.folder)  # the rename itself, where the system allows it
    finally:
        for item in pending:
            if item.temporary:
                with contextlib.suppress(OSError):
                    os.unlink(item.temporary, dir_fd=item.folder)
            os.close(item.folder)


def _target(path: Path, force: bool) -> tuple[Path, int]:
    """The file to replace (a link's target) and the mode to give it; CannotWrite when it
    may not be replaced."""
    shown = str(path)
    target = path.resolve() if path.is_symlink() else path
    try:
        status = os.stat(target)
    except FileNotFoundError:
        return target, _default_mode()
    except OSError as error:
        raise _failure(shown, error) from None
    if stat.S_ISDIR(status.st_mode):
        raise CannotWrite(shown, t("write.directory", path=shown))
    if not stat.S_ISREG(status.st_mode):
        raise CannotWrite(shown, t("write.not_a_file", path=shown), t("write.use_stdout"))
    if not force:
        raise CannotWrite(shown, t("write.exists", path=shown), t("write.force"))
    return target, status.st_mode & 0o7777


def _prepared(shown: str, target: Path, content: bytes, mode: int) -> _Pending:
    try:
        folder = os.open(target.parent if str(target.parent) else ".", os.O_RDONLY | _DIRECTORY)
    except OSError as error:
        raise _failure(shown, error) from None
    item = _Pending(shown, folder, target.name, "")
    try:
        item.temporary = _write_temporary(folder, target.name, content, mode, durable=True)
    except OSError as error:
        os.close(folder)
        raise _failure(shown, error) from None
    except BaseException:
        os.close(folder)
        raise
    return item


def replace_in_folder(
    folder: int,
    name: str,
    content: bytes | list[bytes],
    *,
    mode: int = 0o600,
    durable: bool = False,
) -> None:
    """Write content as name in the open folder, through a temporary file of its own that
    is never a symbolic link; durable also syncs the data and the rename to the disk."""
    temporary = _write_temporary(folder, name, content, mode, durable)
    try:
        os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=folder)
        raise
    if durable:
        with contextlib.suppress(OSError):
            os.fsync(folder)


def _write_temporary(
    folder: int, name: str, content: bytes | list[bytes], mode: int, durable: bool
) -> str:
    temporary = f".{name[:_NAME_KEPT]}.{os.urandom(6).hex()}{TEMPORARY_SUFFIX}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW
    handle = os.open(temporary, flags, 0o600, dir_fd=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            # Parts are written one after another rather than joined: no copy of a large file.
            for part in content if isinstance(content, list) else [content]:
                stream.write(part)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        os.chmod(temporary, mode, dir_fd=folder)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=folder)
        raise
    return temporary


def _failure(shown: str, error: OSError) -> CannotWrite:
    reason = error.strerror or str(error)
    return CannotWrite(shown, t("write.failed", path=shown, reason=reason))
