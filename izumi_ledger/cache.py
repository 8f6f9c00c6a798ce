"""An opt-in cache of checked ledgers, keyed by the content of the file.

Reading a large ledger takes seconds; loading what an earlier run found for the same bytes
takes milliseconds. An entry is found only under a key made from the file's exact bytes, the
name findings give it, the language of the messages and the version and code of izumi, so a
changed file, or a changed izumi, is simply read again. An entry that cannot be loaded is
ignored, and the file read again: the cache can only save time, never change an answer.

Each entry holds two pickles one after the other: the report (plain data: enough for `check`,
which then imports neither the YAML reader nor pydantic), then the validated ledger, one
policy at a time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final

from izumi_ledger import __version__
from izumi_ledger.checking import Report
from izumi_ledger.pause import cycle_collection_paused
from izumi_ledger.text.messages import current

if TYPE_CHECKING:
    from izumi_ledger.format.models import Ledger

ENABLE_VARIABLE: Final = "IZUMI_CACHE"
DIRECTORY_VARIABLE: Final = "IZUMI_CACHE_DIR"
# Entries beyond this many, the least recently written first, are removed.
MAX_ENTRIES: Final = 16
_FORMAT: Final = b"izumi-cache-1"
_SUFFIX: Final = ".pickle"
_ABANDONED_AFTER: Final = 3600  # seconds
_PACKAGE: Final = Path(__file__).resolve().parent


_OFF: Final = ("", "0", "false", "no", "off")


def cache_enabled(environment: Mapping[str, str] | None = None) -> bool:
    """Whether the user asked for the cache: IZUMI_CACHE set, and not to 0, false, no or off."""
    env = os.environ if environment is None else environment
    return env.get(ENABLE_VARIABLE, "").strip().lower() not in _OFF


def default_directory(environment: Mapping[str, str] | None = None) -> Path:
    """IZUMI_CACHE_DIR, else the platform's cache folder for user programs, + izumi."""
    env = os.environ if environment is None else environment
    if env.get(DIRECTORY_VARIABLE):
        return Path(env[DIRECTORY_VARIABLE])
    if sys.platform == "win32" and env.get("LOCALAPPDATA"):
        return Path(env["LOCALAPPDATA"]) / "izumi" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "izumi"
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "izumi"


def _code_fingerprint() -> bytes:
    # The version alone does not change while izumi itself is being edited: the size and
    # time of every module of the package do.
    digest = hashlib.sha256()
    for folder, subfolders, names in os.walk(_PACKAGE):
        subfolders.sort()
        for name in sorted(names):
            if name.endswith(".py"):
                status = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name}:{status.st_size}:{status.st_mtime_ns}\n".encode())
    return digest.digest()


class LedgerCache:
    """Checked ledgers kept in one folder; every failure to read or write one is a miss."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._fingerprint: bytes | None = None
        self._shared: bool | None = None

    def shared(self) -> bool:
        """Whether someone else could put entries in the folder: it belongs to another user, or
        others may write to it. Loading an entry can run code, so such a folder is not used."""
        if self._shared is None:
            self._shared = False
            if hasattr(os, "getuid"):  # POSIX; on Windows the user's own profile folder
                try:
                    status = os.stat(self.directory)
                except OSError:  # not there yet: it is made for this user alone
                    return False
                self._shared = status.st_uid != os.getuid() or bool(status.st_mode & 0o022)
        return self._shared

    def key(self, data: bytes, display: str) -> str:
        """The entry's name for these bytes, read under this name, in the current language."""
        if self._fingerprint is None:
            self._fingerprint = _code_fingerprint()
        digest = hashlib.sha256(_FORMAT)
        for part in (__version__.encode(), self._fingerprint, current().encode()):
            digest.update(len(part).to_bytes(8, "big") + part)
        name = display.encode("utf-8", "surrogatepass")
        digest.update(len(name).to_bytes(8, "big") + name)
        digest.update(data)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / (key + _SUFFIX)

    def report(self, key: str) -> Report | None:
        """The report kept under key, or None."""
        if self.shared():
            return None
        try:
            with open(self._path(key), "rb") as stream:
                report = pickle.load(stream)
        except Exception:  # a missing, partial or foreign entry is only a miss
            return None
        return report if isinstance(report, Report) else None

    def ledger(self, key: str) -> Ledger | None:
        """The validated ledger kept under key, or None."""
        from pydantic import VERSION

        from izumi_ledger.format.models import Ledger, Policy

        if self.shared():
            return None
        try:
            with open(self._path(key), "rb") as stream, cycle_collection_paused():
                pickle.load(stream)  # the report
                version, shell, count = pickle.load(stream)
                if version != VERSION or not isinstance(shell, Ledger):
                    return None  # a pickled model is only as good as the pydantic that wrote it
                policies = [pickle.load(stream) for _ in range(count)]
        except Exception:
            return None
        if not all(isinstance(policy, Policy) for policy in policies):
            return None
        return shell.model_copy(update={"policies": policies})

    def store(self, key: str, report: Report, ledger: Ledger | None) -> None:
        """Keep report and ledger under key; a cache that cannot be written is left alone."""
        if self.shared():
            return
        with contextlib.suppress(OSError, pickle.PicklingError, RecursionError):
            self._write(key, report, ledger)
            self._prune()

    def _write(self, key: str, report: Report, ledger: Ledger | None) -> None:
        import tempfile

        from pydantic import VERSION

        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(report, stream, protocol=pickle.HIGHEST_PROTOCOL)
                policies = ledger.policies if ledger is not None else []
                shell = ledger.model_copy(update={"policies": []}) if ledger else None
                pickle.dump((VERSION, shell, len(policies)), stream, pickle.HIGHEST_PROTOCOL)
                # One pickle per policy: a pickle remembers every object it has written, and
                # for a whole large ledger that memory would outgrow the ledger itself.
                for policy in policies:
                    pickle.dump(policy, stream, protocol=pickle.HIGHEST_PROTOCOL)
            # Readers see the whole entry or none: a run stopped halfway leaves no entry.
            os.replace(temporary, self._path(key))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise

    def _prune(self) -> None:
        entries = sorted(
            self.directory.glob("*" + _SUFFIX), key=lambda path: path.stat().st_mtime_ns
        )
        # A run killed while writing leaves its temporary file; one an hour old is abandoned.
        abandoned = [
            path
            for path in self.directory.glob("*.tmp")
            if time.time() - path.stat().st_mtime > _ABANDONED_AFTER
        ]
        for stale in [*entries[:-MAX_ENTRIES], *abandoned]:
            with contextlib.suppress(OSError):
                stale.unlink()


def cache_from_environment(environment: Mapping[str, str] | None = None) -> LedgerCache | None:
    """The cache the user asked for with IZUMI_CACHE, or None."""
    if not cache_enabled(environment):
        return None
    return LedgerCache(default_directory(environment))
