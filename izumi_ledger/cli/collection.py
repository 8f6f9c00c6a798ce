"""The ledgers a command line names when it names several (folders, globs, -l more than
once): all checked first, in parallel, then read one at a time."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from izumi_ledger.cli.ledger import LedgerUnreadable
from izumi_ledger.cli.messages import t
from izumi_ledger.cli.terminal import terminal
from izumi_ledger.errors import UsageError

if TYPE_CHECKING:
    from izumi_ledger.collection import Result
    from izumi_ledger.export.database import Tabled
    from izumi_ledger.format.models import Ledger
    from izumi_ledger.loading import Checked


# Findings across files that no total, list, export or query of the collection can go past.
REFUSING = ("collection-duplicate", "collection-too-large")


@dataclass(frozen=True)
class Collection:
    """Every ledger named, checked and readable; no two of one city, ward and year."""

    results: list[Result]
    use_cache: bool

    @property
    def units(self) -> list[str]:
        return [result.unit for result in self.results if result.unit is not None]

    @property
    def identities(self) -> list[tuple[str, str, int]]:
        return [result.identity for result in self.results if result.identity is not None]

    def tabled(self, unit: str) -> Iterator[Tabled]:
        """Each ledger as a database holds it, made in worker processes."""
        from izumi_ledger.collection import tabled_files
        from izumi_ledger.export.tables import CheckStatus

        jobs = [
            (result.checked.name, CheckStatus(result.checked.errors, result.checked.warnings))
            for result in self.results
        ]
        return tabled_files(jobs, unit, self.use_cache)

    def ledgers(self) -> Iterator[tuple[Ledger, Checked]]:
        """Each ledger in turn, read again through the cache (a hit: it was just checked),
        with what its check said, rules across files included."""
        from izumi_ledger.collection import checked_file

        for result in self.results:
            name = result.checked.name
            read = checked_file(name, self.use_cache)
            if read.ledger is None:  # changed since it was checked a moment ago
                raise LedgerUnreadable(t("cli.unreadable", ledger=name, count=len(read.findings)))
            yield read.ledger, result.checked


def open_collection(sources: list[str], no_cache: bool) -> Collection:
    """The ledgers the sources name, checked; LedgerUnreadable, every reason shown on stderr,
    when any cannot be read; UsageError when two are of one city, ward and year. Errors in
    their figures are noted on stderr."""
    import os
    import shlex

    from izumi_ledger.cache import cache_wanted
    from izumi_ledger.cli.render.findings import finding_lines
    from izumi_ledger.collection import expand, survey

    use_cache = not no_cache and cache_wanted(os.environ)
    results = survey(expand(sources), use_cache)
    screen = terminal()
    unreadable = [result.checked for result in results if result.identity is None]
    for checked in unreadable:
        for finding in checked.findings:
            screen.message()
            for line in finding_lines(finding, None):
                screen.message(line)
    if unreadable:
        screen.message()
        raise LedgerUnreadable(
            t("cli.unreadable", ledger=unreadable[0].name, count=len(unreadable[0].findings)),
            t("collection.unreadable", count=len(unreadable)),
        )
    for result in results:
        for finding in result.checked.findings:
            if finding.rule in REFUSING:
                raise UsageError(f"{finding.file}: {finding.message}", finding.hint)
    failing = [result.checked for result in results if result.checked.errors]
    if failing:
        screen.message(
            t(
                "collection.sums_wrong",
                ledgers=len(failing),
                count=sum(checked.errors for checked in failing),
                command=" ".join(
                    ["izumi check", *(f"-l {shlex.quote(source)}" for source in sources)]
                ),
            )
        )
    return Collection(results, use_cache)
