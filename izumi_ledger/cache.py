"""The cache: `Cache.check` is `load.check` with the same call and the same result, only faster.

Reading a large ledger takes seconds; reading what an earlier run found for the same bytes
takes milliseconds. An entry is found only under a key made from the file's exact bytes, the
name findings give it, the language of the messages, izumi's code and the versions of Python,
pydantic, pydantic-core and PyYAML (with its LibYAML build), so a changed file or a changed
program is simply read again.

An entry is plain data: a header line, the report as JSON (findings and figures, read back
without importing pydantic, so that a cached `check` stays quick) and the ledger as JSON (read
back through pydantic's JSON validation when a command needs it), each with its SHA-256. An
entry that is damaged, foreign or unreadable is a miss, and the file is read again. The folder
is opened one step at a time without following links, and is used only when every folder on the
way belongs to the user or to root and no one else can replace what is in it; entries are opened
relative to that folder. Any folder that cannot be used is a quiet miss: the cache can only
save time, never change an answer or stop a command.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from izumi_ledger import __version__
from izumi_ledger.atomic import TEMPORARY_SUFFIX, replace_in_folder
from izumi_ledger.errors import UsageError
from izumi_ledger.findings import Finding, Severity
from izumi_ledger.load import Checked, Source, Summary, check_data, name_of, read_bytes
from izumi_ledger.text.messages import current, t

if TYPE_CHECKING:
    from izumi_ledger.format.models import Ledger
    from izumi_ledger.source.reader import Progress

ENABLE_VARIABLE: Final = "IZUMI_CACHE"
DIRECTORY_VARIABLE: Final = "IZUMI_CACHE_DIR"
# Entries beyond this many, the least recently written first, are removed.
MAX_ENTRIES: Final = 16
_MAGIC: Final = b"izumi-cache 2\n"
_SUFFIX: Final = ".izumi-cache"
_ENTRY_NAME: Final = re.compile(r"[0-9a-f]{64}\.izumi-cache")
_TEMPORARY_NAME: Final = re.compile(
    r"\.[0-9a-f]{64}\.izumi-cache\.[0-9a-f]{12}" + re.escape(TEMPORARY_SUFFIX)
)
_ABANDONED_AFTER: Final = 3600  # seconds: a temporary file this old was left by a killed run
_CHUNK: Final = 1 << 20
_PACKAGE: Final = Path(__file__).resolve().parent
_ON: Final = ("", "1", "true", "yes", "on")
_OFF: Final = ("0", "false", "no", "off")
_NO_FOLLOW: Final = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY: Final = getattr(os, "O_DIRECTORY", 0)
# Opening the folder step by step and its entries relative to it needs these (POSIX).
_SAFE_OPEN: Final = bool(_NO_FOLLOW and _DIRECTORY and os.open in os.supports_dir_fd)


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
            return (
                Path(env["LOCALAPPDATA"]) / "izumi" / "Cache" if env.get("LOCALAPPDATA") else None
            )
        if sys.platform == "darwin":
            return Path.home() / "Library" / "Caches" / "izumi"
        base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    except (RuntimeError, KeyError, OSError):  # no home directory
        return None
    return Path(base) / "izumi"


def default_cache(environment: Mapping[str, str] | None = None) -> Cache | None:
    """The cache the environment asks for (on by default), or None."""
    if not cache_wanted(environment):
        return None
    directory = default_directory(environment)
    return None if directory is None else Cache(directory)


class Cache:
    """Checked ledgers kept in one folder; every failure to read or write one is a miss."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._environment: bytes | None = None

    def check(
        self, source: Source, *, name: str | None = None, progress: Progress | None = None
    ) -> Checked:
        """What `izumi_ledger.check` gives for source, from the cache when it holds it."""
        display = name_of(source, name)
        if isinstance(source, str | os.PathLike):
            found = self._found(self._streamed_key(Path(source), display), source)
            if found is not None:
                return found
        data, failures = read_bytes(source, display)
        if data is None:
            return Checked(display, tuple(failures), None)
        key = self.key(data, display)
        if not isinstance(source, str | os.PathLike):
            found = self._found(key, data)
            if found is not None:
                return found
        checked = check_data(data, display, progress)
        if progress is not None:
            progress.stage("caching")
        self._store(key, checked)
        return checked

    # -- keys ------------------------------------------------------------------------------

    def _hasher(self, display: str) -> hashlib._Hash:
        if self._environment is None:
            self._environment = _environment_fingerprint()
        digest = hashlib.sha256(_MAGIC)
        for part in (self._environment, current().encode(), display.encode("utf-8", "replace")):
            digest.update(len(part).to_bytes(8, "big") + part)
        return digest

    def key(self, data: bytes, display: str) -> str:
        """The entry's name for these bytes, read under this name, in the current language."""
        digest = self._hasher(display)
        digest.update(data)
        return digest.hexdigest()

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
                if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                    return None
                first = stream.read(_CHUNK)
                digest.update(first.removeprefix(b"\xef\xbb\xbf"))
                while piece := stream.read(_CHUNK):
                    digest.update(piece)
        except OSError:
            return None
        return digest.hexdigest()

    # -- entries ---------------------------------------------------------------------------

    def _found(self, key: str | None, origin: Source | bytes) -> Checked | None:
        if key is None:
            return None
        entry = self._read_entry(key)
        if entry is None:
            return None
        checked = _report_from(entry[0])
        if checked is None:
            return None
        if checked.summary is None:
            return checked
        ledger_json = entry[1]
        return Checked(
            checked.name,
            checked.findings,
            checked.summary,
            lambda: _ledger_from(ledger_json, origin, checked.name),
        )

    def _read_entry(self, key: str) -> tuple[bytes, bytes] | None:
        folder = self._open_folder(create=False)
        if folder is None:
            return None
        try:
            handle = os.open(key + _SUFFIX, os.O_RDONLY | _NO_FOLLOW, dir_fd=folder)
        except OSError:
            return None
        finally:
            os.close(folder)
        try:
            with os.fdopen(handle, "rb") as stream:
                status = os.fstat(stream.fileno())
                if not stat.S_ISREG(status.st_mode) or status.st_uid != os.getuid():
                    return None
                if stream.read(len(_MAGIC)) != _MAGIC:
                    return None
                header = json.loads(stream.readline())
                (report_size, report_sum), (ledger_size, ledger_sum) = header
                report = stream.read(report_size)
                if hashlib.sha256(report).hexdigest() != report_sum:
                    return None
                ledger = stream.read(ledger_size)
                if len(ledger) != ledger_size or stream.read(1):
                    return None
        except (OSError, ValueError, TypeError):
            return None
        return report, ledger if hashlib.sha256(ledger).hexdigest() == ledger_sum else b""

    def _store(self, key: str, checked: Checked) -> None:
        """Keep checked under key; a cache that cannot be written is left alone."""
        if not checked.readable and not checked.findings:
            return
        ledger = checked.ledger
        report = json.dumps(_report_data(checked), ensure_ascii=False).encode("utf-8")
        ledger_json = ledger.model_dump_json().encode("utf-8") if ledger is not None else b""
        header = json.dumps(
            [
                [len(report), hashlib.sha256(report).hexdigest()],
                [len(ledger_json), hashlib.sha256(ledger_json).hexdigest()],
            ]
        ).encode()
        content = _MAGIC + header + b"\n" + report + ledger_json
        folder = self._open_folder(create=True)
        if folder is None:
            return
        try:
            with contextlib.suppress(OSError):
                replace_in_folder(folder, key + _SUFFIX, content, mode=0o600)
                self._prune(folder)
        finally:
            os.close(folder)

    def _prune(self, folder: int) -> None:
        """Remove the oldest entries beyond MAX_ENTRIES and temporary files that a killed run
        left behind; nothing but izumi's own files, by their names and header."""
        entries, now = [], time.time()
        for name in os.listdir(folder):
            if _ENTRY_NAME.fullmatch(name) or _TEMPORARY_NAME.fullmatch(name):
                with contextlib.suppress(OSError):
                    status = os.stat(name, dir_fd=folder, follow_symlinks=False)
                    if not stat.S_ISREG(status.st_mode) or status.st_uid != os.getuid():
                        continue
                    if _ENTRY_NAME.fullmatch(name):
                        entries.append((status.st_mtime_ns, name))
                    elif now - status.st_mtime > _ABANDONED_AFTER:
                        os.unlink(name, dir_fd=folder)
        entries.sort()
        for _, name in entries[:-MAX_ENTRIES]:
            with contextlib.suppress(OSError):
                if _starts_with_magic(folder, name):
                    os.unlink(name, dir_fd=folder)

    # -- the folder ------------------------------------------------------------------------

    def _open_folder(self, create: bool) -> int | None:
        """A descriptor of the cache folder, opened one folder at a time from the root without
        following links, each checked as it is opened; None when it is missing (and not to be
        made) or not safe to use."""
        if not _SAFE_OPEN:
            return None
        parts = self.directory.absolute().parts
        try:
            folder = os.open(parts[0], os.O_RDONLY | _DIRECTORY)
        except OSError:
            return None
        for depth, part in enumerate(parts[1:], 1):
            last = depth == len(parts) - 1
            try:
                child = _open_child(folder, part, create)
            except OSError:
                child = None
            os.close(folder)
            if child is None:
                return None
            folder = child
            if not _trusted(os.fstat(folder), last):
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
    """Whether no one but the user (or root, above the folder itself) can change what a
    folder holds. A folder others may write to is trusted on the way only when it is sticky
    (as /tmp is): then no one else can rename or remove what the user put in it."""
    user = os.getuid()
    if last:
        return status.st_uid == user and not status.st_mode & 0o022
    if status.st_uid not in (user, 0):
        return False
    return not status.st_mode & 0o022 or bool(status.st_mode & stat.S_ISVTX)


def _starts_with_magic(folder: int, name: str) -> bool:
    handle = os.open(name, os.O_RDONLY | _NO_FOLLOW, dir_fd=folder)
    with os.fdopen(handle, "rb") as stream:
        return stream.read(len(_MAGIC)) == _MAGIC


# -- what an entry holds ---------------------------------------------------------------------

_FINDING_FIELDS: Final = (
    "rule",
    "severity",
    "file",
    "line",
    "column",
    "path",
    "message",
    "expected",
    "actual",
    "difference",
    "hint",
    "labels",
    "source_line",
)
_SUMMARY_FIELDS: Final = ("unit", "total", "policies", "programs", "items")


def _report_data(checked: Checked) -> dict[str, Any]:
    summary = checked.summary
    return {
        "name": checked.name,
        "summary": None
        if summary is None
        else {field: getattr(summary, field) for field in _SUMMARY_FIELDS},
        "findings": [
            [getattr(finding, field) for field in _FINDING_FIELDS] for finding in checked.findings
        ],
    }


def _is_int(value: object) -> bool:
    return type(value) is int


def _is_figure(value: object) -> bool:
    return value is None or type(value) in (int, str)


def _report_from(data: bytes) -> Checked | None:
    """The report an entry holds, each value checked for its type; None when anything is off."""
    try:
        report = json.loads(data)
        name, summary_data, rows = report["name"], report["summary"], report["findings"]
        summary = None
        if summary_data is not None:
            unit, *numbers = (summary_data[field] for field in _SUMMARY_FIELDS)
            if unit not in ("円", "千円", "万円") or not all(_is_int(n) for n in numbers):
                return None
            summary = Summary(unit, *numbers)
        findings = tuple(_finding_from(row) for row in rows)
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(name, str) or any(finding is None for finding in findings):
        return None
    return Checked(name, findings, summary)  # type: ignore[arg-type]


def _finding_from(row: list[Any]) -> Finding | None:
    if not isinstance(row, list) or len(row) != len(_FINDING_FIELDS):
        return None
    rule, severity, file, line, column, path, message, expected, actual, difference = row[:10]
    hint, labels, source_line = row[10:]
    texts = (rule, file, path, message, hint, source_line)
    if not all(isinstance(text, str) for text in texts) or severity not in ("error", "warning"):
        return None
    if not (_is_int(line) and _is_int(column) and _is_figure(expected) and _is_figure(actual)):
        return None
    if not (difference is None or _is_int(difference)) or not isinstance(labels, list):
        return None
    if not all(isinstance(label, str) for label in labels):
        return None
    return Finding(
        rule,
        Severity(severity),
        file,
        line,
        column,
        path,
        message,
        expected,
        actual,
        difference,
        hint,
        tuple(labels),
        source_line,
    )


def _ledger_from(ledger_json: bytes, origin: Source | bytes, name: str) -> Ledger | None:
    """The ledger an entry holds, through pydantic's JSON validation; read from its origin
    again when the entry's copy is damaged."""
    from pydantic import ValidationError

    from izumi_ledger.format.models import Ledger
    from izumi_ledger.load import load

    if ledger_json:
        with contextlib.suppress(ValidationError, ValueError):
            return Ledger.model_validate_json(ledger_json)
    return load(origin, name=name).ledger


# -- what could change an answer -------------------------------------------------------------


def _environment_fingerprint() -> bytes:
    """izumi's version and code, Python's version, and the versions of the libraries that
    read and validate a ledger (found without importing them: that is the slow part)."""
    parts = [
        __version__,
        sys.version,
        sys.implementation.cache_tag or "",
        _code_fingerprint(),
        *(_library_version(name) for name in ("pydantic", "pydantic_core", "yaml")),
        _extension_fingerprint("yaml"),  # the LibYAML that PyYAML was built with
    ]
    return "\n".join(parts).encode("utf-8", "replace")


def _code_fingerprint() -> str:
    # The version alone does not change while izumi itself is being edited: the size and
    # time of every module of the package do.
    digest = hashlib.sha256()
    for folder, subfolders, names in os.walk(_PACKAGE):
        subfolders.sort()
        for name in sorted(names):
            if name.endswith(".py"):
                status = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name}:{status.st_size}:{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _package_folder(module: str) -> Path | None:
    from importlib.util import find_spec

    try:
        spec = find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent


def _library_version(module: str) -> str:
    """The version in the dist-info folder beside a package, else its files' sizes and times."""
    folder = _package_folder(module)
    if folder is None:
        return f"{module}: none"
    wanted = {"yaml": "pyyaml"}.get(module, module).replace("-", "_").lower()
    with contextlib.suppress(OSError):
        for entry in os.listdir(folder.parent):
            if entry.endswith(".dist-info"):
                distribution, _, version = entry.removesuffix(".dist-info").partition("-")
                if distribution.replace("-", "_").replace(".", "_").lower() == wanted:
                    return f"{module} {version}"
    return f"{module} {_extension_fingerprint(module)}"


def _extension_fingerprint(module: str) -> str:
    folder = _package_folder(module)
    if folder is None:
        return ""
    digest = hashlib.sha256()
    with contextlib.suppress(OSError):
        for name in sorted(os.listdir(folder)):
            if name.endswith((".so", ".pyd", ".py")):
                status = os.stat(folder / name)
                digest.update(f"{name}:{status.st_size}:{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()
