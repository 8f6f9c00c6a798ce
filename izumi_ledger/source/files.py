"""Which ledger file is meant, and its bytes, or a finding that says why they cannot be read."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO, Final

from izumi_ledger.errors import UsageError
from izumi_ledger.findings import Finding, Severity
from izumi_ledger.text.messages import t
from izumi_ledger.text.oserrors import os_reason

LEDGER_VARIABLE: Final = "IZUMI_LEDGER"
READ_LIMIT_VARIABLE: Final = "IZUMI_MAX_BYTES"
# Far above any budget (the 100,000-item benchmark ledger is about 30 MB) and below what reading
# would take of a small machine's memory (about four times the file).
DEFAULT_READ_LIMIT: Final = 512 * 1024**2
_SIZE: Final = re.compile(r"([0-9]+)\s*([KMG]?)(?:i?B)?", re.IGNORECASE)
_SIZE_UNITS: Final = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}
_PIECE: Final = 1 << 20
_LARGEST_LIMIT: Final = 1 << 50  # a petabyte: any more is a typing mistake
_NO_WAIT: Final = getattr(os, "O_NONBLOCK", 0)
_NO_TERMINAL: Final = getattr(os, "O_NOCTTY", 0)
STANDARD_INPUT: Final = "-"
_UTF8_BOM = b"\xef\xbb\xbf"
_OTHER_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def bundled_ledger() -> Path:
    """The FY2021 Izumi ward ledger that ships inside the package."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "data" / "programs.yaml"
    if packaged.is_file():
        return packaged
    # Running from a source checkout (or an editable install): the repository's copy.
    return package.parent / "data" / "programs.yaml"


def locate_ledger(option: str | None, environment: Mapping[str, str] | None = None) -> str:
    """The ledger to read, in order: the option, IZUMI_LEDGER, the bundled ledger."""
    env = os.environ if environment is None else environment
    if option:
        return option
    if env.get(LEDGER_VARIABLE):
        return env[LEDGER_VARIABLE]
    return str(bundled_ledger())


def read_failure(display: str, message: str) -> Finding:
    """The finding of a file that cannot be read at all."""
    return Finding("read", Severity.ERROR, display, 0, 0, "", message)


def read_limit(environment: Mapping[str, str] | None = None) -> int:
    """The largest file izumi reads, in bytes: IZUMI_MAX_BYTES (as 500000000, 512M or 2G),
    else DEFAULT_READ_LIMIT. UsageError for a value that is not a size."""
    env = os.environ if environment is None else environment
    text = env.get(READ_LIMIT_VARIABLE, "").strip()
    if not text:
        return DEFAULT_READ_LIMIT
    match = _SIZE.fullmatch(text)
    if match is None or int(match[1]) * _SIZE_UNITS[match[2].upper()] > _LARGEST_LIMIT:
        raise UsageError(
            t("read.limit_setting", variable=READ_LIMIT_VARIABLE, value=text),
            t("read.limit_setting.hint", variable=READ_LIMIT_VARIABLE),
        )
    return int(match[1]) * _SIZE_UNITS[match[2].upper()]


def read_source(path: Path, display: str) -> tuple[bytes | None, list[Finding]]:
    """The file's bytes (a UTF-8 byte-order mark removed), or a finding saying why not.

    The file is opened without waiting (a pipe or a device swapped in for it cannot block),
    checked to be a regular file no larger than the limit before anything is read, and
    refused if it changes size while it is read."""

    def fail(message: str) -> tuple[None, list[Finding]]:
        return None, [read_failure(display, message)]

    limit = read_limit()
    try:
        handle = os.open(path, os.O_RDONLY | _NO_WAIT | _NO_TERMINAL)
    except FileNotFoundError:
        if path.is_symlink():
            return fail(t("read.broken_link"))
        return fail(t("read.missing"))
    except IsADirectoryError:
        return fail(t("read.directory"))
    except PermissionError:
        return fail(t("read.permission"))
    except OSError as error:
        return fail(t("read.failed", reason=os_reason(error)))
    try:
        status = os.fstat(handle)
        if stat.S_ISDIR(status.st_mode):
            return fail(t("read.directory"))
        if not stat.S_ISREG(status.st_mode):
            # A pipe or a device could block or never end.
            return fail(t("read.special"))
        if status.st_size > limit:
            return fail(_too_large(status.st_size, limit))
        data = _read_all(handle, status.st_size)
        if status.st_size == 0 and data:  # /proc and the like: no size, no end to trust
            return fail(t("read.special"))
        if len(data) != status.st_size or os.fstat(handle).st_size != status.st_size:
            return fail(t("read.changed"))
    except IsADirectoryError:
        return fail(t("read.directory"))
    except OSError as error:
        return fail(t("read.failed", reason=os_reason(error)))
    finally:
        os.close(handle)
    return without_bom(data, display)


def _read_all(handle: int, size: int) -> bytes:
    """What the file holds: its size, and one byte more if it has grown (so that is seen)."""
    parts = []
    wanted = size + 1
    while wanted > 0:
        part = os.read(handle, min(wanted, _PIECE))
        if not part:
            break
        parts.append(part)
        wanted -= len(part)
    return b"".join(parts)


def _too_large(size: int, limit: int) -> str:
    return t(
        "read.too_large",
        size=f"{size:,}",
        limit=f"{limit:,}",
        variable=READ_LIMIT_VARIABLE,
    )


def read_stream(stream: BinaryIO, display: str) -> tuple[bytes | None, list[Finding]]:
    """All bytes of an open stream (standard input), or a finding saying why not; a stream
    longer than the limit is refused as soon as it passes it."""
    limit = read_limit()
    parts: list[bytes] = []
    size = 0
    try:
        # In pieces: a read of the whole limit at once would set aside that much memory.
        while size <= limit and (part := stream.read(min(_PIECE, limit + 1 - size))):
            parts.append(part)
            size += len(part)
    except OSError as error:
        return None, [read_failure(display, t("read.failed", reason=os_reason(error)))]
    data = b"".join(parts)
    if len(data) > limit:
        message = t("read.stream_too_large", limit=f"{limit:,}", variable=READ_LIMIT_VARIABLE)
        return None, [read_failure(display, message)]
    return without_bom(data, display)


def without_bom(data: bytes, display: str) -> tuple[bytes | None, list[Finding]]:
    """The bytes without a UTF-8 byte-order mark; a UTF-16 or UTF-32 file is refused."""
    if data.startswith(_UTF8_BOM):
        return data[len(_UTF8_BOM) :], []
    if data.startswith(_OTHER_BOMS):
        return None, [read_failure(display, t("read.utf16"))]
    return data, []
