"""`izumi report`: the budget as one HTML page, for people who would rather look than read."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from izumi_ledger.atomic import write_all_atomically
from izumi_ledger.cli.choices import apply_language
from izumi_ledger.cli.ledger import open_readable, shown_name
from izumi_ledger.cli.messages import t
from izumi_ledger.cli.options import (
    ForceOption,
    LanguageOption,
    LedgerArguments,
    LedgerOption,
    NoCacheOption,
    named_ledgers,
)
from izumi_ledger.cli.outputs import checked_output, target_suffix
from izumi_ledger.cli.terminal import means_stdout, terminal
from izumi_ledger.collection import is_collection
from izumi_ledger.errors import UsageError
from izumi_ledger.format.models import Ledger
from izumi_ledger.loading import Checked

# Names a page must not be written as: another format's file, or a ledger (whose bytes
# a --force would replace with HTML).
_OTHER_FORMATS = frozenset(
    {
        ".csv",
        ".tsv",
        ".json",
        ".xlsx",
        ".xls",
        ".sqlite",
        ".db",
        ".yaml",
        ".yml",
        ".pdf",
        ".png",
        ".svg",
        ".txt",
        ".md",
        ".zip",
        ".xhtml",  # read as XML, which an HTML page is not
        ".xml",
    }
)


def report_command(
    ledgers: LedgerArguments = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            show_default=False,
            help="書き出す HTML ファイル（- で標準出力）。端末に向けては省略できない。",
        ),
    ] = None,
    force: ForceOption = False,
    ledger: LedgerOption = None,
    no_cache: NoCacheOption = False,
    lang: LanguageOption = None,
) -> None:
    """台帳を一枚の HTML にする（図・担当課別・全事業・検査の結果）。

    CSS も図もファイルの中にあり、何も取りに行かないので、USB メモリからでも
    ウェブからでも同じに開ける。検査に通らない台帳には、合わないことを示す帯が付く。

    例: izumi report -o report.html
    """
    apply_language(lang)
    ledger = named_ledgers(ledger, ledgers)
    screen = terminal()
    to_stdout = means_stdout(output)
    if to_stdout and output is None and screen.out.isatty():
        raise UsageError(t("report.needs_output"), t("report.needs_output.hint"))
    earlier: list[Ledger] = []
    if ledger and is_collection(ledger):
        checked, earlier, read = _years_of_a_ward(ledger, no_cache)
    else:
        checked = open_readable(ledger, no_cache)
        read = [checked.name]
    target = None
    if not to_stdout:
        assert output is not None
        target = checked_output(output, read)
        if target.suffix.lower() in _OTHER_FORMATS:
            raise UsageError(t("report.not_html", path=output))
        if target_suffix(target) in _OTHER_FORMATS:
            raise UsageError(t("report.link_not_html", path=output, target=target.resolve()))
    book = checked.ledger
    assert book is not None
    from izumi_ledger.report import report_html

    # Each file's unit, for the figures of its findings (the oldest first, as read is).
    units = dict(zip(read, [*(each.unit for each in earlier), book.unit], strict=True))
    content = report_html(
        book, checked.findings, Path(shown_name(checked.name)).name, earlier, units
    )
    if target is None:
        screen.data_bytes(content)
        return
    write_all_atomically({target: content}, force=force)
    screen.message(t("write.done", path=output))


def _years_of_a_ward(sources: list[str], no_cache: bool) -> tuple[Checked, list[Ledger], list[str]]:
    """The latest year's checked ledger, the ward's earlier years (oldest first) and every
    file read; UsageError unless the ledgers are one ward's, each year once."""
    from izumi_ledger.cli.collection import open_collection
    from izumi_ledger.cli.commands.totals_years import one_ward

    collection = open_collection(sources, no_cache)
    years = sorted(collection.ledgers(), key=lambda entry: entry[0].fiscal_year)
    one_ward([(ledger, checked.name) for ledger, checked in years], "report.one_ward.hint")
    latest_ledger, latest = years[-1]
    # The page says what the check found in every year it shows, not in the latest alone.
    findings = tuple(finding for _, each in years for finding in each.findings)
    checked = Checked(latest.name, findings, latest.summary, latest_ledger)
    return checked, [ledger for ledger, _ in years[:-1]], [c.name for _, c in years]
