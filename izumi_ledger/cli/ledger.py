"""The ledger a command reads: named by --ledger, IZUMI_LEDGER or the bundle (- for standard
input), read and checked through the cache, its findings shown when it cannot be read."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from izumi_ledger.cli.messages import t
from izumi_ledger.cli.terminal import terminal
from izumi_ledger.errors import CannotRead, IzumiError, UsageError

if TYPE_CHECKING:
    from izumi_ledger.format.models import Ledger
    from izumi_ledger.loading import Checked


def check_command(name: str) -> str:
    """The command that checks the ledger of this name, as a person would type it."""
    import shlex

    if name == "<stdin>":
        return "izumi check -l -"
    if shown_name(name) != name:  # the bundled ledger: the one izumi check reads by default
        return "izumi check"
    return f"izumi check -l {shlex.quote(name)}"


def shown_name(name: str) -> str:
    """A ledger's name as a heading shows it: the bundled ledger, read because no other was
    named, by its name only, never the path of the installed package (which a Markdown
    report would carry along); a ledger the user named, as they named it."""
    from izumi_ledger.source.files import bundled_ledger

    bundled = bundled_ledger()
    return t("cli.bundled", name=bundled.name) if name == str(bundled) else name


class LedgerUnreadable(IzumiError):
    """The ledger a command needs cannot be read as one; its findings are already shown."""


# One path (an argument), or --ledger as many times as it was given.
LedgerChoice = str | Sequence[str] | None


def one_ledger(option: LedgerChoice) -> str | None:
    """The one ledger a command reads; UsageError when --ledger is given more than once (a
    command reads one ledger, and taking the last of several would be a guess)."""
    if option is None or isinstance(option, str):
        return option
    if len(option) > 1:
        raise UsageError(t("cli.one_ledger", ledgers="、".join(option)), t("cli.one_ledger.hint"))
    return next(iter(option), None)


def open_checked(option: LedgerChoice, no_cache: bool = False) -> Checked:
    """The ledger the command line names (--ledger, IZUMI_LEDGER, the bundled one; - for
    standard input), read and checked through the cache unless it is turned off."""
    from izumi_ledger.cache import default_cache
    from izumi_ledger.cli.progress import TerminalProgress
    from izumi_ledger.loading import Source, check
    from izumi_ledger.source.files import STANDARD_INPUT, locate_ledger

    located = locate_ledger(one_ledger(option))
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


def open_ledger(option: LedgerChoice, no_cache: bool = False) -> tuple[Ledger, str]:
    """The validated ledger and its name; LedgerUnreadable, every reason shown on stderr,
    when it cannot be read."""
    checked = open_readable(option, no_cache)
    assert checked.ledger is not None
    return checked.ledger, checked.name


def open_readable(option: LedgerChoice, no_cache: bool = False) -> Checked:
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
        screen.message(
            t("cli.sums_wrong", count=checked.errors, command=check_command(checked.name))
        )
    return checked
