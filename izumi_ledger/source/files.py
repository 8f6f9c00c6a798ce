"""Reading a ledger file's bytes, or a finding that says why they cannot be read."""

from __future__ import annotations

from pathlib import Path as FilePath

from izumi_ledger.findings import Finding, Severity
from izumi_ledger.text.messages import t

_UTF8_BOM = b"\xef\xbb\xbf"
_OTHER_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def read_source(path: FilePath, display: str) -> tuple[bytes | None, list[Finding]]:
    """The file's bytes (a UTF-8 byte-order mark removed), or a finding saying why not."""

    def fail(message: str) -> tuple[None, list[Finding]]:
        return None, [Finding("read", Severity.ERROR, display, 0, 0, "", message)]

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
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    elif data.startswith(_OTHER_BOMS):
        return fail(t("read.utf16"))
    return data, []
