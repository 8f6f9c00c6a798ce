"""The cache: `Cache.check` is `izumi_ledger.check` with the same call and the same result,
only faster.

Reading a large ledger takes seconds; reading what an earlier run found for the same bytes
takes milliseconds. An entry is found only under a key made from the file's exact bytes, the
name findings give it, the language of the messages, izumi's code and the versions of Python,
pydantic, pydantic-core and PyYAML (with its LibYAML build), so a changed file or a changed
program is simply read again. Entries are plain data (`entry`), kept in a folder opened so that
no one else can put anything in its way (`folder`). Whatever goes wrong is a miss: the cache can
only save time, never change an answer or stop a command.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final

from izumi_ledger.cache.entry import (
    HEAD_SIZE,
    MAGIC,
    LedgerPart,
    decode_report,
    encode,
    ledger_part,
    with_ledger,
)
from izumi_ledger.cache.fingerprint import environment_fingerprint
from izumi_ledger.cache.folder import (
    ENTRY_NAME,
    ENTRY_SUFFIX,
    FORMAT_NAME,
    FORMAT_SUFFIX,
    open_folder,
    prune,
    read_own_file,
)
from izumi_ledger.errors import UsageError
from izumi_ledger.loading import (
    Checked,
    Loaded,
    Source,
    checked_of,
    load_data,
    name_of,
    read_bytes,
)
from izumi_ledger.source.files import read_limit
from izumi_ledger.text.messages import current, t

if TYPE_CHECKING:
    from izumi_ledger.format.compiled import CompiledFormat
    from izumi_ledger.source.reader import Progress

ENABLE_VARIABLE: Final = "IZUMI_CACHE"
DIRECTORY_VARIABLE: Final = "IZUMI_CACHE_DIR"
# Entries beyond this many, the least recently written first, are removed: enough for the
# ledgers of every municipality of Japan (1,741) over two years.
MAX_ENTRIES: Final = 4096
# A process looks for entries to remove at most this often: listing a folder of thousands of
# entries after every one written would make checking a collection quadratic.
PRUNE_EVERY: Final = 1.0
_FORMAT_MAGIC: Final = b"izumi-format 1\n"
_CHUNK: Final = 1 << 20
_ON: Final = ("", "1", "true", "yes", "on")
_OFF: Final = ("0", "false", "no", "off")


def cache_wanted(environment: Mapping[str, str] | None = None) -> bool:
    """IZUMI_CACHE: on unless 0, false, no or off; any other unknown value is a usage error."""
    env = os.environ if environment is None else environment
    value = env.get(ENABLE_VARIABLE, "").strip().lower()
    if value in _ON:
        return True
    if value in _OFF:
        return False
    raise UsageError(t("cache.setting", value=env[ENABLE_VARIABLE]), t("cache.setting.hint"))


def default_directory(environment: Mapping[str, str] | None = None) -> Path | None:
    """IZUMI_CACHE_DIR, else the platform's cache folder for user programs + izumi; None
    when there is no home directory to put it in."""
    env = os.environ if environment is None else environment
    if env.get(DIRECTORY_VARIABLE):
        return Path(env[DIRECTORY_VARIABLE])
    try:
        if sys.platform == "win32":
            local = env.get("LOCALAPPDATA")
            return Path(local) / "izumi" / "Cache" if local else None
        if sys.platform == "darwin":
            return Path.home() / "Library" / "Caches" / "izumi"
        # A relative XDG_CACHE_HOME is ignored, as the XDG specification says.
        xdg = env.get("XDG_CACHE_HOME", "")
        base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
    except (RuntimeError, KeyError, OSError):  # no home directory
        return None
    return base / "izumi"


def default_cache(environment: Mapping[str, str] | None = None) -> Cache | None:
    """The cache the environment asks for (on by default), or None."""
    if not cache_wanted(environment):
        return None
    directory = default_directory(environment)
    if directory is None:
        return None
    # One per folder and process: a collection's worker checks many files through it.
    if str(directory) not in _OPENED:
        _OPENED[str(directory)] = Cache(directory)
    return _OPENED[str(directory)]


_OPENED: dict[str, Cache] = {}


class Cache:
    """Checked ledgers kept in one folder; every failure to read or write one is a miss."""

    def __init__(
        self,
        directory: str | os.PathLike[str],
        max_entries: int = MAX_ENTRIES,
        prune_every: float = PRUNE_EVERY,
    ) -> None:
        self.directory = Path(directory)
        self.max_entries = max_entries
        self.prune_every = prune_every
        self._environment: bytes | None = None
        self._pruned_at: float | None = None

    def check(
        self, source: Source | Loaded, *, name: str | None = None, progress: Progress | None = None
    ) -> Checked:
        """What `izumi_ledger.check` gives for source, from the cache when it holds it."""
        if isinstance(source, Loaded):  # already read: nothing left to save
            return checked_of(source)
        display = name_of(source, name)
        if isinstance(source, str | os.PathLike):
            found = self._found(self._streamed_key(Path(source), display), source)
            if found is not None:
                return found
        data, failures = read_bytes(source, display)
        if data is None:
            return Checked(display, tuple(failures), None)
        # The key of the bytes read (not of those streamed): the file may have just changed.
        key = self.key(data, display)
        if not isinstance(source, str | os.PathLike):
            found = self._found(key, data)
            if found is not None:
                return found
        checked, ledger_json = self._check_data(data, display, progress)
        if progress is not None:
            progress.stage("caching")
        self._store(key, encode(checked, ledger_json))
        return checked

    def _check_data(
        self, data: bytes, display: str, progress: Progress | None
    ) -> tuple[Checked, bytes]:
        """What check_data gives, validated with the compiled format (pydantic's models are
        imported only when a command asks for the ledger); and the ledger as JSON."""
        from izumi_ledger.format.compiled import CompiledFormat

        compiled = self._compiled_format()
        try:
            loaded = load_data(data, display, progress, compiled)
        except ValueError:  # a compiled format that does not give a ledger: the models decide
            compiled = None
            loaded = load_data(data, display, progress)
        if progress is not None and loaded.ledger is not None:
            progress.stage("checking")
        checked = checked_of(loaded)
        if loaded.ledger is None:
            return checked, b""
        if compiled is not None:
            ledger_json = compiled.to_json(loaded.ledger)
        else:
            ledger_json = CompiledFormat.json_of(loaded.ledger)
        return with_ledger(checked, lambda: ledger_json, data), ledger_json

    def _compiled_format(self) -> CompiledFormat | None:
        """The format compiled for pydantic-core, kept beside the entries; compiled (and kept)
        when it is not there yet; None when it cannot be had, and the models validate."""
        from pydantic_core import SchemaError

        from izumi_ledger.format.compiled import CompiledFormat, compile_format

        name = self._format_key() + FORMAT_SUFFIX
        folder = open_folder(self.directory, create=True)
        if folder is None:
            return None
        try:
            kept = read_own_file(folder, name)
            if kept is not None and kept.startswith(_FORMAT_MAGIC):
                checksum, _, body = kept[len(_FORMAT_MAGIC) :].partition(b"\n")
                if hashlib.sha256(body).hexdigest().encode() == checksum:
                    with contextlib.suppress(ValueError, KeyError, TypeError, SchemaError):
                        return CompiledFormat(body.decode("utf-8"))
            try:
                text = compile_format()
                compiled = CompiledFormat(text)
            except (ValueError, KeyError, TypeError, SchemaError):
                return None
            content = text.encode("utf-8")
            checksum = hashlib.sha256(content).hexdigest().encode()
            with contextlib.suppress(OSError):
                from izumi_ledger.atomic import replace_in_folder

                replace_in_folder(folder, name, _FORMAT_MAGIC + checksum + b"\n" + content)
            return compiled
        finally:
            os.close(folder)

    def _format_key(self) -> str:
        if self._environment is None:
            self._environment = environment_fingerprint()
        return hashlib.sha256(_FORMAT_MAGIC + self._environment).hexdigest()

    def key(self, data: bytes, display: str) -> str:
        """The entry's name for these bytes, read under this name, in the current language."""
        digest = self._hasher(display)
        digest.update(data)
        return digest.hexdigest()

    def _hasher(self, display: str) -> hashlib._Hash:
        if self._environment is None:
            self._environment = environment_fingerprint()
        digest = hashlib.sha256(MAGIC)
        for part in (self._environment, current().encode(), display.encode("utf-8", "replace")):
            digest.update(len(part).to_bytes(8, "big") + part)
        return digest

    def _streamed_key(self, path: Path, display: str) -> str | None:
        """The key of a file's bytes, read a piece at a time; None when it cannot be read
        (then reading it for real says why)."""
        digest = self._hasher(display)
        try:
            # Without blocking: a named pipe is not a ledger, and must not hang the command.
            handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            return None
        try:
            with os.fdopen(handle, "rb") as stream:
                status = os.fstat(stream.fileno())
                size = status.st_size
                if not stat.S_ISREG(status.st_mode) or not 0 < size <= read_limit():
                    return None  # reading it for real says why (or reads /proc as it must)
                # As many bytes as it had when opened: a file that grows is not followed.
                first = stream.read(min(_CHUNK, size)) or b""
                digest.update(first.removeprefix(b"\xef\xbb\xbf"))
                remaining = size - len(first)
                while remaining > 0:
                    piece = stream.read(min(_CHUNK, remaining))
                    if not piece:
                        return None
                    digest.update(piece)
                    remaining -= len(piece)
        except OSError:
            return None
        return digest.hexdigest()

    def _found(self, key: str | None, origin: Source | bytes) -> Checked | None:
        if key is None:
            return None
        name = key + ENTRY_SUFFIX

        def read(start: int, size: int) -> bytes | None:
            folder = open_folder(self.directory, create=False)
            if folder is None:
                return None
            try:
                return read_own_file(folder, name, start, size)
            finally:
                os.close(folder)

        head = read(0, HEAD_SIZE)
        found = None if head is None else decode_report(head, read)
        if found is None:
            return None
        checked, part = found

        def ledger_json(part: LedgerPart = part) -> bytes:
            return ledger_part(read(part[0], part[1]), part)

        return with_ledger(checked, ledger_json, origin)

    def _store(self, key: str, content: list[bytes]) -> None:
        """Keep an entry under key; a cache that cannot be written is left alone."""
        folder = open_folder(self.directory, create=True)
        if folder is None:
            return
        try:
            with contextlib.suppress(OSError):
                from izumi_ledger.atomic import replace_in_folder

                replace_in_folder(folder, key + ENTRY_SUFFIX, content, mode=0o600)
                now = time.monotonic()
                if self._pruned_at is None or now - self._pruned_at >= self.prune_every:
                    self._pruned_at = now
                    # The compiled format of this izumi and the one before it are kept.
                    kept = [(ENTRY_NAME, self.max_entries, MAGIC), (FORMAT_NAME, 2, _FORMAT_MAGIC)]
                    prune(folder, kept)
        finally:
            os.close(folder)
