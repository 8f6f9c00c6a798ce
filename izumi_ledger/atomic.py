"""Writing files so that a failure never leaves a half-written, lost or clobbered file behind.

The new bytes go to a temporary file in the same folder, which then takes the target's name in
one step: readers see the old file or the new one, never a mixture. A new name is taken with
a hard link, which fails if the name appeared meanwhile, so two runs racing for one new path
never both succeed; an existing file is replaced (with --force) by a rename. Several files are
written all first and named only when every one is complete. A folder (a CSV set, a data
package) is written whole beside the old one and swapped in with one rename. A temporary file
holds a lock while it is written: one left by a killed run has none, and the next run removes
it, if it is of izumi's naming and its owner's.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from izumi_ledger.errors import CannotWrite
from izumi_ledger.text.messages import t
from izumi_ledger.text.oserrors import os_reason

TEMPORARY_SUFFIX = ".izumi-tmp"
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
# A temporary name keeps this many bytes of its target's name: with the rest it stays far below
# the 255 bytes most file systems allow, however long the target's name is.
_NAME_KEPT = 100
_TEMPORARY: Final = re.compile(r"\.(?P<kept>.*)\.[0-9a-f]{12}" + re.escape(TEMPORARY_SUFFIX))
# renameat2's flags (Linux): take a name only if it is free; swap two names.
_NO_REPLACE: Final = 1
_EXCHANGE: Final = 2
# Errors that mean "this file system cannot do that", not "that failed".
_UNSUPPORTED: Final = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL, errno.EXDEV}


def _default_mode(base: int = 0o666) -> int:
    # What open() or mkdir() would give: base less the umask (read without changing it for
    # long: os.umask has no read-only form).
    umask = os.umask(0)
    os.umask(umask)
    return base & ~umask


@dataclass
class _Pending:
    shown: str
    folder: int
    name: str
    temporary: str
    replace: bool
    lock: int = -1


def write_atomically(path: Path, content: bytes, *, force: bool = False) -> None:
    """Write content to path; an existing file is replaced only with force, and keeps its
    permissions. CannotWrite, naming path, when it cannot be written."""
    write_all_atomically({path: content}, force=force)


def write_all_atomically(files: dict[Path, bytes], *, force: bool = False) -> None:
    """Write every file, or none: each goes to a temporary file first, and they take their
    names only when all of them are written. Existing files are replaced only with force, and
    only when they are regular files (a device, a pipe or a dangling link never is)."""
    targets = {path: _target(path, force) for path in files}
    pending: list[_Pending] = []
    named: list[_Pending] = []
    try:
        for path, content in files.items():
            target, mode, replace = targets[path]
            pending.append(_prepared(str(path), target, content, mode, replace))
        for item in pending:
            _take_name(item)
            named.append(item)
        for item in pending:
            with contextlib.suppress(OSError):
                os.fsync(item.folder)  # the new names themselves, where the system allows it
        named.clear()
    finally:
        for item in named:  # a later file failed: the new names taken so far are given back
            if not item.replace:
                with contextlib.suppress(OSError):
                    os.unlink(item.name, dir_fd=item.folder)
        for item in pending:
            _discard(item)


def _take_name(item: _Pending) -> None:
    try:
        if item.replace:
            os.replace(item.temporary, item.name, src_dir_fd=item.folder, dst_dir_fd=item.folder)
        else:
            _link_new(item.folder, item.temporary, item.name)
            os.unlink(item.temporary, dir_fd=item.folder)
    except FileExistsError:
        raise CannotWrite(
            item.shown, t("write.exists", path=item.shown), t("write.force")
        ) from None
    except OSError as error:
        raise _failure(item.shown, error) from None
    item.temporary = ""


def _link_new(folder: int, source: str, name: str) -> None:
    """Give the file source the new name too; FileExistsError if the name is taken."""
    try:
        os.link(source, name, src_dir_fd=folder, dst_dir_fd=folder, follow_symlinks=False)
    except OSError as error:
        if isinstance(error, FileExistsError) or error.errno not in _UNSUPPORTED:
            raise
        _rename_new(folder, source, name)  # a file system without hard links


def _rename_new(folder: int, source: str, name: str) -> None:
    """Rename source to name only if name is free (atomically where the system can)."""
    if _renameat2(folder, source, folder, name, _NO_REPLACE):
        return
    with contextlib.suppress(FileNotFoundError):
        os.lstat(name, dir_fd=folder)
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), name)
    os.rename(source, name, src_dir_fd=folder, dst_dir_fd=folder)


def _renameat2(old_folder: int, old: str, new_folder: int, new: str, flags: int) -> bool:
    """Linux's renameat2; False where the system or file system does not have it."""
    function = _libc_renameat2()
    if function is None:
        return False
    result = function(old_folder, os.fsencode(old), new_folder, os.fsencode(new), flags)
    if result == 0:
        return True
    import ctypes

    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), new)


_RENAMEAT2: list[Callable[..., int] | None] = []


def _libc_renameat2() -> Callable[..., int] | None:
    if not _RENAMEAT2:
        import ctypes  # here, not at the top: a cache hit writes nothing and should not pay for it

        function: Callable[..., int] | None = None
        with contextlib.suppress(OSError, AttributeError):
            found = ctypes.CDLL(None, use_errno=True).renameat2
            found.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
            found.argtypes += [ctypes.c_uint]
            found.restype = ctypes.c_int
            function = found
        _RENAMEAT2.append(function)
    return _RENAMEAT2[0]


def _target(path: Path, force: bool) -> tuple[Path, int, bool]:
    """The file to write (a link's target), the mode to give it and whether it replaces a
    file; CannotWrite when it may not be written."""
    shown = str(path)
    _refuse_foreign_links(path.parent, shown)
    target = path
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        return target, _default_mode(), False
    except OSError as error:
        raise _failure(shown, error) from None
    if stat.S_ISLNK(link.st_mode):
        # Followed only when it is the user's own (or root's) and leads to a file, as the
        # system's protected_symlinks does in shared folders.
        if link.st_uid not in (os.getuid(), 0):
            raise CannotWrite(shown, t("write.foreign_link", path=shown))
        try:
            target = path.resolve(strict=False)
        except (RuntimeError, OSError):  # links that lead to each other
            raise CannotWrite(shown, t("write.dangling_link", path=shown, target=path)) from None
        if not target.exists():
            raise CannotWrite(shown, t("write.dangling_link", path=shown, target=target))
    try:
        status = os.stat(target)
    except OSError as error:
        raise _failure(shown, error) from None
    if stat.S_ISDIR(status.st_mode):
        raise CannotWrite(shown, t("write.directory", path=shown))
    if not stat.S_ISREG(status.st_mode):
        raise CannotWrite(shown, t("write.not_a_file", path=shown), t("write.use_stdout"))
    if not force:
        raise CannotWrite(shown, t("write.exists", path=shown), t("write.force"))
    # The permissions are kept, but never set-user or set-group ID: the new file is the
    # writer's, and would run as the writer.
    return target, status.st_mode & 0o1777, True


def _refuse_foreign_links(folder: Path, shown: str) -> None:
    """CannotWrite when a folder on the way is a symbolic link of another user: writing
    through it would write where that user chose (a link in /tmp to the victim's home)."""
    current = Path(os.path.abspath(folder))
    for step in [current, *current.parents]:
        try:
            status = os.lstat(step)
        except OSError:
            continue  # a missing folder: creating the file there fails and says so
        if stat.S_ISLNK(status.st_mode) and status.st_uid not in (os.getuid(), 0):
            raise CannotWrite(shown, t("write.foreign_link", path=step))


def _open_folder(path: Path, shown: str) -> int:
    try:
        return os.open(path if str(path) else ".", os.O_RDONLY | _DIRECTORY)
    except OSError as error:
        raise _failure(shown, error) from None


def _prepared(shown: str, target: Path, content: bytes, mode: int, replace: bool) -> _Pending:
    folder = _open_folder(target.parent, shown)
    item = _Pending(shown, folder, target.name, "", replace)
    try:
        remove_abandoned(folder, target.name)
        item.temporary, item.lock = _write_temporary(
            folder, target.name, content, mode, durable=True, keep_lock=True
        )
    except OSError as error:
        _discard(item)
        raise _failure(shown, error) from None
    except BaseException:
        _discard(item)
        raise
    return item


def _discard(item: _Pending) -> None:
    if item.temporary:
        with contextlib.suppress(OSError):
            os.unlink(item.temporary, dir_fd=item.folder)
        item.temporary = ""
    if item.lock >= 0:
        os.close(item.lock)
        item.lock = -1
    if item.folder >= 0:
        os.close(item.folder)
        item.folder = -1


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
    temporary, _ = _write_temporary(folder, name, content, mode, durable)
    try:
        os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=folder)
        raise
    if durable:
        with contextlib.suppress(OSError):
            os.fsync(folder)


def temporary_name(name: str) -> str:
    """A new temporary name beside name: .NAME.<12 hex>.izumi-tmp, NAME cut to 100 bytes."""
    kept = os.fsencode(name)[:_NAME_KEPT].decode("utf-8", "ignore") if name else ""
    return f".{kept}.{os.urandom(6).hex()}{TEMPORARY_SUFFIX}"


def _write_temporary(
    folder: int,
    name: str,
    content: bytes | list[bytes],
    mode: int,
    durable: bool,
    keep_lock: bool = False,
) -> tuple[str, int]:
    temporary = temporary_name(name)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW
    handle = os.open(temporary, flags, 0o600, dir_fd=folder)
    lock = -1
    try:
        if keep_lock:  # held until the file has its name: a run that finds it locked waits
            lock = os.dup(handle)
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
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
        if lock >= 0:
            os.close(lock)
        raise
    return temporary, lock


def remove_abandoned(folder: int, name: str) -> None:
    """Remove the temporary files (and folders) a killed run left for name: only those of
    izumi's naming, owned by this user, and locked by no run still writing them."""
    kept = temporary_name(name)[: -len(TEMPORARY_SUFFIX) - 13]
    try:
        entries = os.listdir(folder)
    except OSError:
        return
    for entry in entries:
        match = _TEMPORARY.fullmatch(entry)
        if not match or f".{match['kept']}" != kept:
            continue
        with contextlib.suppress(OSError):
            _remove_if_abandoned(folder, entry)


def _remove_if_abandoned(folder: int, entry: str) -> None:
    status = os.lstat(entry, dir_fd=folder)
    if status.st_uid != os.getuid():
        return
    if not (stat.S_ISREG(status.st_mode) or stat.S_ISDIR(status.st_mode)):
        return
    is_folder = stat.S_ISDIR(status.st_mode)
    handle = os.open(
        entry, os.O_RDONLY | _NO_FOLLOW | (_DIRECTORY if is_folder else 0), dir_fd=folder
    )
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return  # another run is writing it
        if is_folder:
            for inner in os.listdir(handle):
                os.unlink(inner, dir_fd=handle)
            os.rmdir(entry, dir_fd=folder)
        else:
            os.unlink(entry, dir_fd=folder)
    finally:
        os.close(handle)


# -- folders -----------------------------------------------------------------------------------


def write_folder_atomically(
    folder: Path,
    files: dict[str, bytes],
    *,
    force: bool = False,
    ours: Callable[[str], bool] | None = None,
) -> None:
    """Write files as the whole content of folder: all are written into a new folder beside
    it, which then takes its name in one rename (or swaps with the old one, with force). A
    failure anywhere leaves the old folder as it was. An existing folder is replaced only
    with force, or when empty, and only if it holds nothing but files izumi writes: those
    of these names, or those ours says are of its naming. A name may hold folders
    (a/b/c.parquet), each made inside the new folder."""
    shown = str(folder)
    _refuse_foreign_links(folder.parent, shown)
    names = set(files)
    is_ours = ours or names.__contains__
    existing = _existing_folder(folder, is_ours, force)
    parent = _open_folder(folder.parent, shown)
    temporary = temporary_name(folder.name)
    made: int = -1
    try:
        remove_abandoned(parent, folder.name)
        try:
            os.mkdir(temporary, 0o700, dir_fd=parent)
            made = os.open(temporary, os.O_RDONLY | _DIRECTORY | _NO_FOLLOW, dir_fd=parent)
            fcntl.flock(made, fcntl.LOCK_EX | fcntl.LOCK_NB)
            for name, content in files.items():
                mode = _default_mode()
                place, _, base = name.rpartition("/")
                inner = _inner_folder(made, place)
                try:
                    handle = os.open(
                        base, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW, mode, dir_fd=inner
                    )
                finally:
                    if inner != made:
                        os.close(inner)
                with os.fdopen(handle, "wb") as stream:
                    stream.write(content)
                    stream.flush()
                    os.fsync(stream.fileno())
            for *_, inner in os.fwalk(".", dir_fd=made, follow_symlinks=False):
                os.fsync(inner)
            os.chmod(
                temporary, existing if existing is not None else _default_mode(0o777), dir_fd=parent
            )
        except OSError as error:
            raise _failure(shown, error) from None
        _swap_in(
            parent,
            temporary,
            folder.name,
            shown,
            is_ours,
            replace=existing is not None and force,
        )
        temporary = ""
    finally:
        if temporary:
            _remove_folder(parent, temporary)
        if made >= 0:
            os.close(made)
        os.close(parent)


def _inner_folder(top: int, place: str) -> int:
    """The folder at place (a/b) inside the open folder top, made where it is not yet; open,
    for the caller to close unless it is top."""
    handle = top
    for name in place.split("/") if place else ():
        with contextlib.suppress(FileExistsError):
            os.mkdir(name, _default_mode(0o777), dir_fd=handle)
        try:
            inner = os.open(name, os.O_RDONLY | _DIRECTORY | _NO_FOLLOW, dir_fd=handle)
        finally:
            if handle != top:
                os.close(handle)
        handle = inner
    return handle


def _files_below(folder: Path) -> list[str] | None:
    """Every entry below folder that is not a folder, by its path inside it (a/b.parquet);
    None when a link to a folder is among them."""
    found: list[str] = []
    for place, folders, names in os.walk(folder):
        inside = Path(place).relative_to(folder)
        for name in folders:
            if (Path(place) / name).is_symlink():
                return None
        found.extend((inside / name).as_posix() for name in names)
    return found


def _existing_folder(folder: Path, ours: Callable[[str], bool], force: bool) -> int | None:
    """The mode of the folder to replace, None when there is none; CannotWrite when it may
    not be replaced."""
    shown = str(folder)
    try:
        status = os.lstat(folder)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _failure(shown, error) from None
    if stat.S_ISLNK(status.st_mode) or not stat.S_ISDIR(status.st_mode):
        raise CannotWrite(shown, t("write.not_a_folder", path=shown))
    try:
        inside = _files_below(folder)
    except OSError as error:
        raise _failure(shown, error) from None
    if inside is None:
        raise CannotWrite(shown, t("write.folder_has_others", path=shown, name="→"))
    others = sorted(name for name in inside if not ours(name))
    if others:
        raise CannotWrite(shown, t("write.folder_has_others", path=shown, name=others[0]))
    if inside and not force:
        raise CannotWrite(shown, t("write.exists", path=shown), t("write.force"))
    return status.st_mode & 0o7777


def _swap_in(
    parent: int,
    temporary: str,
    name: str,
    shown: str,
    written: Callable[[str], bool],
    *,
    replace: bool,
) -> None:
    try:
        if not replace:
            # An empty folder in the way goes first (rmdir fails if anything is in it now),
            # then the name is taken only if free: of two runs, one wins.
            try:
                os.rmdir(name, dir_fd=parent)
            except (FileNotFoundError, NotADirectoryError):
                pass
            except OSError as error:  # filled meanwhile (another run): the name is taken
                if error.errno not in (errno.ENOTEMPTY, errno.EEXIST):
                    raise
            _rename_new(parent, temporary, name)
        elif _renameat2(parent, temporary, parent, name, _EXCHANGE):
            _remove_folder(parent, temporary, written)  # the old folder, under the temporary name
        else:  # no atomic swap here: the old folder steps aside for as short a time as can be
            old = temporary_name(name)
            os.rename(name, old, src_dir_fd=parent, dst_dir_fd=parent)
            try:
                os.rename(temporary, name, src_dir_fd=parent, dst_dir_fd=parent)
            except OSError:
                os.rename(old, name, src_dir_fd=parent, dst_dir_fd=parent)
                raise
            _remove_folder(parent, old, written)
    except FileExistsError:
        raise CannotWrite(shown, t("write.exists", path=shown), t("write.force")) from None
    except OSError as error:
        raise _failure(shown, error) from None
    with contextlib.suppress(OSError):
        os.fsync(parent)


def _remove_folder(parent: int, name: str, written: Callable[[str], bool] | None = None) -> None:
    """Remove a folder izumi made or replaced: of a replaced one only the files of the names
    izumi writes. Anything else (a file someone put there meanwhile) keeps the folder, renamed
    so that no run removes it: NAME.izumi-old-<hex>."""
    with contextlib.suppress(OSError):
        _empty_folder(parent, name, "", written)
        try:
            os.rmdir(name, dir_fd=parent)
        except OSError:
            kept = f"{name.split('.izumi-tmp')[0].lstrip('.')}.izumi-old-{os.urandom(4).hex()}"
            os.rename(name, kept[-200:], src_dir_fd=parent, dst_dir_fd=parent)


def _empty_folder(
    parent: int, name: str, place: str, written: Callable[[str], bool] | None
) -> None:
    """Remove from the folder what izumi wrote, folders inside it first (links never
    followed); what is not izumi's stays, and so do the folders holding it."""
    handle = os.open(name, os.O_RDONLY | _DIRECTORY | _NO_FOLLOW, dir_fd=parent)
    try:
        for inner in os.listdir(handle):
            path = f"{place}{inner}"
            if stat.S_ISDIR(os.lstat(inner, dir_fd=handle).st_mode):
                with contextlib.suppress(OSError):
                    _empty_folder(handle, inner, f"{path}/", written)
                    os.rmdir(inner, dir_fd=handle)
            elif written is None or written(path):
                with contextlib.suppress(OSError):
                    os.unlink(inner, dir_fd=handle)
    finally:
        os.close(handle)


def _failure(shown: str, error: OSError) -> CannotWrite:
    reason = os_reason(error)
    return CannotWrite(shown, t("write.failed", path=shown, reason=reason))
