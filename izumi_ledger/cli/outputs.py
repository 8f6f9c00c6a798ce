"""Where a command may write one file: never onto a file it reads, never a name that means
a folder or nothing."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from izumi_ledger.cli.messages import t
from izumi_ledger.errors import UsageError


def checked_output(output: str, reads: Iterable[str]) -> Path:
    """The path of a file to write, once it is neither a file the command reads (directly or
    through a link: --force would replace the ledger with the output), nor a folder's name
    (out/), nor blank; UsageError otherwise."""
    if not output.strip():
        raise UsageError(t("output.blank", path=output))
    if output.endswith(("/", os.sep)):
        raise UsageError(t("output.folder_name", path=output))
    path = Path(output)
    for read in reads:
        if read in ("", "-"):
            continue
        with contextlib.suppress(OSError, ValueError):
            if os.path.samefile(path, read):
                raise UsageError(t("output.is_input", path=output, input=read))
    return path


def target_suffix(path: Path) -> str:
    """The suffix of the file a path ends up at: through a link, the linked file's."""
    try:
        return path.resolve().suffix.lower()
    except (OSError, RuntimeError):  # a loop of links: the writer says so
        return path.suffix.lower()
