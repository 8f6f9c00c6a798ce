"""The ledger a command reads: named by --ledger, IZUMI_LEDGER or the bundle (- for standard
input), read and checked through the cache, its findings shown when it cannot be read."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from izumi_ledger.cli.messages import t
from izumi_ledger.cli.terminal import terminal
from izumi_ledger.errors import CannotRead, IzumiError

if TYPE_CHECKING:
    from izumi_ledger.format.models import Ledger
    from izumi_ledger.loading import Checked


class LedgerUnreadable(IzumiError):
    """The ledger a command needs cannot be read as one; its findings are already shown."""


def open_checked(option: str | None, no_cache: bool = False) -> Checked:
    """The ledger the command line names (--ledger, IZUMI_LEDGER, the bundled one; - for
    standard input), read and checked through the cache unless it is turned off."""
    from izumi_ledger.cache import default_cache
    from izumi_ledger.cli.progress import TerminalProgress
    from izumi_ledger.loading import Source, check
    from izumi_ledger.source.files import STANDARD_INPUT, locate_ledger

    located = locate_ledger(option)
    source: Source = located
    name = located
    if located == STANDARD_INPUT:
        if sys.stdin is None:
            raise CannotRead(t("cli.stdin_closed"))
        source, name = sys.stdin.buffer, "<stdin>"
    cache = None if no_cache else default_cache()
    progress = TerminalProgress(terminal().err)
    checker = check if cache is None else cache.check
    checked = checker(source, name=name, progress=progress)
    progress.finish()
    return checked


def open_ledger(option: str | None, no_cache: bool = False) -> tuple[Ledger, str]:
    """The validated ledger and its name; LedgerUnreadable, every reason shown on stderr,
    when it cannot be read."""
    checked = open_readable(option, no_cache)
    assert checked.ledger is not None
    return checked.ledger, checked.name


def open_readable(option: str | None, no_cache: bool = False) -> Checked:
    """The checked ledger, read; LedgerUnreadable, every reason shown on stderr, when it
    cannot be read. Errors in its figures are noted on stderr."""
    from izumi_ledger.cli.render.findings import finding_lines

    checked = open_checked(option, no_cache)
    screen = terminal()
    ledger = checked.ledger
    if ledger is None:
        for finding in checked.findings:
            screen.message()
            for line in finding_lines(finding, None):
                screen.message(line)
        screen.message()
        raise LedgerUnreadable(
            t("cli.unreadable", ledger=checked.name, count=len(checked.findings))
        )
    if checked.errors:
        screen.message(t("cli.sums_wrong", count=checked.errors, ledger=checked.name))
    return checked
