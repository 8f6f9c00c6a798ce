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
    if not output.strip() or output != output.strip():
        # " " names nothing, and "report.html " a file no one will find by its name.
        raise UsageError(t("output.blank", path=output))
    if output.endswith(("/", os.sep)) or output in (".", ".."):
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


def checked_folder(folder: Path, reads: Iterable[str]) -> None:
    """UsageError when replacing folder would take with it a file the command reads, or the
    folder the command runs in (a shell left in a folder that is gone)."""
    try:
        target = folder.resolve()
        here = Path.cwd().resolve()
    except (OSError, RuntimeError):
        return  # the writer says why it cannot write there
    if here == target or target in here.parents:
        raise UsageError(t("output.holds_cwd", path=folder))
    for read in reads:
        if read in ("", "-"):
            continue
        with contextlib.suppress(OSError, RuntimeError):
            if target in Path(read).resolve().parents:
                raise UsageError(t("output.holds_input", path=folder, input=read))
