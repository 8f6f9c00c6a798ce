"""The page's totals by section and by tag: the library's groups, each with the programs
(and items) it counts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal

from izumi_ledger.figures.totals import group_totals, programs_of, share
from izumi_ledger.report.chart import program_label
from izumi_ledger.report.view import Amounts, GroupRow, GroupTable, text_of
from izumi_ledger.text.messages import t
from izumi_ledger.text.numbers import percent_of

if TYPE_CHECKING:
    from izumi_ledger.figures.totals import Group, ProgramRef
    from izumi_ledger.format.models import Ledger
    from izumi_ledger.report.anchors import Anchors

GroupBy = Literal["section", "tag"]
# A group table's words: its heading, its key's column, what its amounts mean.
_WORDS: Final[dict[GroupBy, tuple[str, str, str]]] = {
    "section": ("report.by_section", "report.col_section", "report.section_explained"),
    "tag": ("report.by_tag", "report.col_tag", "report.tag_explained"),
}


def share_text(part: int, whole: int) -> str:
    """A share of the total for the page: two decimals of a percent (24.96%), rounded half
    up as the JSON's four-place fractions are."""
    return percent_of(share(part, whole), 2)


def group_tables(ledger: Ledger, total: int, anchors: Anchors) -> list[GroupTable]:
    """By section, and by tag when any program or item has one."""
    amounts = Amounts(ledger.unit)
    tables = [_table(ledger, "section", total, amounts, anchors)]
    if any(
        ref.program.tags or any(item.tags for item in ref.program.items)
        for ref in programs_of(ledger)
    ):
        tables.append(_table(ledger, "tag", total, amounts, anchors))
    return tables


def _table(
    ledger: Ledger, by: GroupBy, total: int, amounts: Amounts, anchors: Anchors
) -> GroupTable:
    heading, key_column, explained = _WORDS[by]
    return GroupTable(
        anchor=f"by-{by}",
        heading=t(heading),
        key_column=t(key_column),
        rows=[
            _row(group, total, amounts, anchors, len(ledger.policies) > 1)
            for group in group_totals(ledger, by)
        ],
        explained=[t(explained)],
    )


def _row(group: Group, total: int, amounts: Amounts, anchors: Anchors, policies: bool) -> GroupRow:
    # With several policies a program's number alone is ambiguous (1 of 施策1, 1 of 施策2).
    def named(ref: ProgramRef) -> str:
        if policies:
            return program_label(ref.policy, ref.program)
        return f"{ref.program.number} {text_of(ref.program.name)}"

    counted = [(anchors[ref.program], named(ref)) for ref in group.programs] + [
        (anchors[item], f"{named(ref)} ({item.number}) {text_of(item.name)}")
        for ref, item in group.items
    ]
    return GroupRow(
        key=text_of(group.key),
        sole=amounts.text(group.sole),
        shared=amounts.text(group.shared),
        amount=amounts.text(group.amount),
        share=share_text(group.amount, total),
        programs=counted,
    )
