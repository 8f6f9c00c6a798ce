"""Which ledger file is meant, and its bytes, or a finding that says why they cannot be read."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO, Final

from izumi_ledger.findings import Finding, Severity
from izumi_ledger.text.messages import t

LEDGER_VARIABLE: Final = "IZUMI_LEDGER"
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


def read_source(path: Path, display: str) -> tuple[bytes | None, list[Finding]]:
    """The file's bytes (a UTF-8 byte-order mark removed), or a finding saying why not."""

    def fail(message: str) -> tuple[None, list[Finding]]:
        return None, [read_failure(display, message)]

    try:
        if path.is_dir():
            return fail(t("read.directory"))
        if path.exists() and not path.is_file():
            # A pipe or a device could block or never end.
            return fail(t("read.special"))
        data = path.read_bytes()
    except FileNotFoundError:
        if path.is_symlink():
            return fail(t("read.broken_link"))
        return fail(t("read.missing"))
    except IsADirectoryError:
        return fail(t("read.directory"))
    except PermissionError:
        return fail(t("read.permission"))
    except OSError as error:
        return fail(t("read.failed", reason=error.strerror or error))
    return without_bom(data, display)


def read_stream(stream: BinaryIO, display: str) -> tuple[bytes | None, list[Finding]]:
    """All bytes of an open stream (standard input), or a finding saying why not."""
    try:
        data = stream.read()
    except OSError as error:
        return None, [read_failure(display, t("read.failed", reason=error.strerror or error))]
    return without_bom(data, display)


def without_bom(data: bytes, display: str) -> tuple[bytes | None, list[Finding]]:
    """The bytes without a UTF-8 byte-order mark; a UTF-16 or UTF-32 file is refused."""
    if data.startswith(_UTF8_BOM):
        return data[len(_UTF8_BOM) :], []
    if data.startswith(_OTHER_BOMS):
        return None, [read_failure(display, t("read.utf16"))]
    return data, []
