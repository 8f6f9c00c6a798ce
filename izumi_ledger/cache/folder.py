"""The cache's folder, opened so that no one else can slip a file or a link into its path.

The folder is opened one folder at a time from the root, never following a link, and each
folder is checked as it is opened: on the way it must belong to the user or to root and be
writable by no one else unless it is sticky (as /tmp is: then no one else can rename or remove
what the user made there); the cache's own folder must belong to the user and be writable by
the user alone. Entries are then opened relative to that folder's descriptor, so the path is
never resolved again.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from pathlib import Path
from typing import Final

from izumi_ledger.atomic import TEMPORARY_SUFFIX

ENTRY_SUFFIX: Final = ".izumi-cache"
ENTRY_NAME: Final = re.compile(r"[0-9a-f]{64}" + re.escape(ENTRY_SUFFIX))
FORMAT_SUFFIX: Final = ".izumi-format"
FORMAT_NAME: Final = re.compile(r"[0-9a-f]{64}" + re.escape(FORMAT_SUFFIX))
TEMPORARY_NAME: Final = re.compile(
    r"\.[0-9a-f]{64}\.izumi-(cache|format)\.[0-9a-f]{12}" + re.escape(TEMPORARY_SUFFIX)
)
ABANDONED_AFTER: Final = 3600  # seconds: a temporary file this old was left by a killed run
_NO_FOLLOW: Final = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY: Final = getattr(os, "O_DIRECTORY", 0)
_NO_WAIT: Final = getattr(os, "O_NONBLOCK", 0)
# Opening the folder step by step and its entries relative to it needs these (POSIX).
SAFE_OPEN: Final = bool(_NO_FOLLOW and _DIRECTORY and os.open in os.supports_dir_fd)


def open_folder(directory: Path, create: bool) -> int | None:
    """A descriptor of directory, checked at every step; None when it is missing (and not to
    be made) or not safe to use."""
    if not SAFE_OPEN:
        return None
    parts = directory.absolute().parts
    try:
        folder = os.open(parts[0], os.O_RDONLY | _DIRECTORY)
    except OSError:
        return None
    for depth, part in enumerate(parts[1:], 1):
        try:
            child = _open_child(folder, part, create)
        except OSError:
            child = None
        os.close(folder)
        if child is None:
            return None
        folder = child
        if not _trusted(os.fstat(folder), last=depth == len(parts) - 1):
            os.close(folder)
            return None
    return folder


def _open_child(folder: int, name: str, create: bool) -> int | None:
    flags = os.O_RDONLY | _DIRECTORY | _NO_FOLLOW
    try:
        return os.open(name, flags, dir_fd=folder)
    except FileNotFoundError:
        if not create:
            return None
    with contextlib.suppress(FileExistsError):
        os.mkdir(name, 0o700, dir_fd=folder)
    return os.open(name, flags, dir_fd=folder)


def _trusted(status: os.stat_result, last: bool) -> bool:
    """Whether no one but the user (or root, above the cache's own folder) can change what a
    folder holds."""
    user = os.getuid()
    if last:
        return status.st_uid == user and not status.st_mode & 0o022
    if status.st_uid not in (user, 0):
        return False
    return not status.st_mode & 0o022 or bool(status.st_mode & stat.S_ISVTX)


def read_own_file(folder: int, name: str, start: int = 0, size: int = -1) -> bytes | None:
    """Bytes of a regular file of the user's in folder (size bytes from start, or all);
    None for anything else (a link, a pipe, a folder, another user's file) or when it cannot
    be read."""
    try:
        handle = os.open(name, os.O_RDONLY | _NO_FOLLOW | _NO_WAIT, dir_fd=folder)
    except OSError:
        return None
    try:
        with os.fdopen(handle, "rb") as stream:
            status = os.fstat(stream.fileno())
            if not stat.S_ISREG(status.st_mode) or status.st_uid != os.getuid():
                return None
            stream.seek(start)
            return stream.read(size)
    except (OSError, ValueError, OverflowError):
        return None


# What pruning keeps of each kind of izumi's files: how many, and how the file must start.
Kept = tuple[re.Pattern[str], int, bytes]


def prune(folder: int, kinds: list[Kept]) -> None:
    """Remove the oldest files of each kind beyond the number kept, and temporary files that
    a killed run left behind: nothing but izumi's own files, known by their names and how
    they start."""
    found: dict[int, list[tuple[int, str]]] = {index: [] for index in range(len(kinds))}
    now = time.time()
    for name in os.listdir(folder):
        kind = next((i for i, (pattern, _, _) in enumerate(kinds) if pattern.fullmatch(name)), None)
        if kind is None and not TEMPORARY_NAME.fullmatch(name):
            continue
        with contextlib.suppress(OSError):
            status = os.stat(name, dir_fd=folder, follow_symlinks=False)
            if not stat.S_ISREG(status.st_mode) or status.st_uid != os.getuid():
                continue
            if kind is not None:
                found[kind].append((status.st_mtime_ns, name))
            elif now - status.st_mtime > ABANDONED_AFTER:
                os.unlink(name, dir_fd=folder)
    for index, (_, keep, magic) in enumerate(kinds):
        for _, name in sorted(found[index])[:-keep]:
            with contextlib.suppress(OSError):
                if _starts_with(folder, name, magic):
                    os.unlink(name, dir_fd=folder)


def _starts_with(folder: int, name: str, magic: bytes) -> bool:
    handle = os.open(name, os.O_RDONLY | _NO_FOLLOW | _NO_WAIT, dir_fd=folder)
    with os.fdopen(handle, "rb") as stream:
        return stream.read(len(magic)) == magic
