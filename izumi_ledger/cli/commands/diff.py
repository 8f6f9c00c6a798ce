"""`izumi diff`: two ledgers side by side, program by program."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

import typer

from izumi_ledger.cli.choices import apply_language
from izumi_ledger.cli.ledger import open_ledger
from izumi_ledger.cli.messages import t
from izumi_ledger.cli.options import LanguageOption, NoCacheOption, RowFormatOption
from izumi_ledger.cli.render.figures import Figures, percent_text, ratio_number
from izumi_ledger.cli.render.tables import Column, Decorated, Table
from izumi_ledger.cli.render.view import View, render
from izumi_ledger.cli.terminal import terminal
from izumi_ledger.errors import UsageError
from izumi_ledger.figures.compare import Change, Comparison, Status, compare


def status_label(status: Status) -> str:
    return "" if status is Status.SAME else t(f"diff.{status.value}")


def diff_command(
    old: Annotated[str, typer.Argument(metavar="OLD", help="比べるもとの台帳（前年度など）。")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="比べる台帳（今年度など）。")],
    everything: Annotated[
        bool,
        typer.Option("--all", "-a", help="変わらない事業・細事業も表示する。"),
    ] = False,
    output: RowFormatOption = "table",
    no_cache: NoCacheOption = False,
    lang: LanguageOption = None,
) -> int:
    """二つの台帳を比べる（年度どうし、版どうし）。

    事業と細事業を番号と名前で対応づけ（名前の似た事業は名称変更とみなす）、前・後・増減・増減率、
    追加・削除と、担当課・タグ・番号・名前の変更を示す。
    終了コード: 0 数字が同じ（名前などの変更だけのときも）、1 数字が違う、2 読めない。

    例: izumi diff 2020.yaml 2021.yaml
    """
    apply_language(lang)
    if old == new == "-":
        raise UsageError(t("diff.stdin_twice"))
    (before, _), (after, _) = open_ledger(old, no_cache), open_ledger(new, no_cache)
    comparison = compare(before, after)
    shown = [change for change in comparison.changes if everything or change.differs]
    figures = Figures(comparison.unit, None)

    def rows(output: str) -> Table:
        table = _table(comparison, shown, figures)
        table.unit = comparison.unit
        if output != "csv":
            table.heading = [t("diff.title", old=old, new=new, unit=comparison.unit)]
            if comparison.sections_added or comparison.sections_removed:
                listed = "".join(f" +{name}" for name in comparison.sections_added)
                listed += "".join(f" −{name}" for name in comparison.sections_removed)
                table.heading.append(t("diff.ledger_sections", sections=listed.strip()))
            if not comparison.anything_differs:
                table.heading.append(_no_differences(comparison, figures))
            if comparison.renames_limited:
                table.notes.append(t("diff.renames_limited"))
            omitted = len(comparison.changes) - len(shown)
            if omitted and comparison.anything_differs:
                table.notes.append(t("diff.omitted", count=omitted))
        return table

    view = View(document=lambda: _json(comparison, old, new, figures), rows=rows)
    render(view, output, terminal())
    return 1 if comparison.figures_differ else 0


def _no_differences(comparison: Comparison, figures: Figures) -> str:
    programs = sum(1 for change in comparison.changes if change.level == "program")
    return t("diff.none", programs=programs, amount=figures.text(comparison.new_total))


def others_text(change: Change) -> str:
    """What differs besides the figures: 担当課 +総務課 −区政推進課 · タグ +新規 · 番号 2→3."""
    parts = []
    if change.sections_added or change.sections_removed:
        parts.append(
            t("word.section")
            + "".join(f" +{name}" for name in change.sections_added)
            + "".join(f" −{name}" for name in change.sections_removed)
        )
    if change.tags_added or change.tags_removed:
        parts.append(
            t("word.tag")
            + "".join(f" +{name}" for name in change.tags_added)
            + "".join(f" −{name}" for name in change.tags_removed)
        )
    if change.number is not None and change.old_number not in (None, change.number):
        parts.append(t("diff.renumbered", old=change.old_number, new=change.number))
    return " · ".join(parts)


def _table(comparison: Comparison, shown: list[Change], figures: Figures) -> Table:
    table = Table(
        columns=[
            Column("level", "", in_table=False),
            Column("policy", t("col.policy"), "right", no_wrap=True),
            Column("program_number", t("col.number"), "right", no_wrap=True, in_data=False),
            Column("number", t("col.number"), "right", in_table=False),
            Column("old_number", t("col.number"), "right", in_table=False),
            Column("program", t("col.program"), "right", in_table=False),
            Column("name", t("col.program")),
            Column(
                "old_amount", t("col.before"), "right", figures.text, figures.number, no_wrap=True
            ),
            Column(
                "new_amount", t("col.after"), "right", figures.text, figures.number, no_wrap=True
            ),
            Column(
                "change",
                t("col.change"),
                "right",
                figures.change_text,
                figures.number,
                no_wrap=True,
            ),
            Column(
                "change_ratio",
                t("col.change_ratio"),
                "right",
                lambda r: percent_text(r, signed=True),
                ratio_number,
                no_wrap=True,
            ),
            Column("status", t("col.status"), show=lambda s: status_label(Status(s)), no_wrap=True),
            *(
                [Column("others", t("col.others"), min_width=8, in_data=False)]
                if any(others_text(change) for change in shown)
                else []
            ),
            Column("old_name", t("col.old_name"), in_table=False),
            Column("sections_added", "", in_table=False),
            Column("sections_removed", "", in_table=False),
            Column("tags_added", "", in_table=False),
            Column("tags_removed", "", in_table=False),
        ]
    )
    if not comparison.anything_differs:
        return table
    for change in shown:
        number = change.number if change.number is not None else change.old_number
        name = Decorated(change.name)
        if change.level == "item":
            name = Decorated(change.name, f"　({number})")
        if change.level == "policy":
            name = Decorated(change.name, t("diff.policy_prefix"))
        if change.old_name:
            name = Decorated(change.name, name.prefix, t("diff.formerly", name=change.old_name))
        table.rows.append(
            {
                "level": change.level,
                "policy": change.policy,
                # On screen the program's number on both rows (the item's is in its name); in
                # data a row's own number, and an item's program.
                "program_number": {"program": number, "item": change.program}.get(change.level),
                "number": number,
                "old_number": change.old_number,
                "program": change.program,
                "name": name,
                "old_amount": change.old_amount,
                "new_amount": change.new_amount,
                "change": change.change,
                "change_ratio": change.change_ratio,
                "status": change.status.value,
                "others": others_text(change),
                "old_name": change.old_name,
                "sections_added": "、".join(change.sections_added),
                "sections_removed": "、".join(change.sections_removed),
                "tags_added": " ".join(change.tags_added),
                "tags_removed": " ".join(change.tags_removed),
            }
        )
    total_change = comparison.new_total - comparison.old_total
    table.total = {
        "name": t("col.total"),
        "old_amount": comparison.old_total,
        "new_amount": comparison.new_total,
        "change": total_change,
        "change_ratio": Decimal(total_change) / Decimal(comparison.old_total)
        if comparison.old_total
        else None,
    }
    return table


def _json(comparison: Comparison, old: str, new: str, figures: Figures) -> dict[str, Any]:
    total_change = comparison.new_total - comparison.old_total
    return {
        "old": old,
        "new": new,
        "unit": comparison.unit,
        "differences": comparison.anything_differs,
        "renames_limited": comparison.renames_limited,
        "sections_added": list(comparison.sections_added),
        "sections_removed": list(comparison.sections_removed),
        "figures_differ": comparison.figures_differ,
        "titles": [
            {"policy": c.policy, "old_title": c.old_title, "new_title": c.new_title}
            for c in comparison.titles
        ],
        "total": {
            "old": figures.number(comparison.old_total),
            "new": figures.number(comparison.new_total),
            "change": figures.number(total_change),
        },
        "changes": [
            {
                "level": change.level,
                "status": change.status.value,
                "policy": change.policy,
                "program": change.program,
                "number": change.number,
                "old_number": change.old_number,
                "name": change.name,
                "old_name": change.old_name,
                "old_amount": figures.number(change.old_amount),
                "new_amount": figures.number(change.new_amount),
                "change": figures.number(change.change),
                "change_ratio": ratio_number(change.change_ratio),
                "sections_added": list(change.sections_added),
                "sections_removed": list(change.sections_removed),
                "tags_added": list(change.tags_added),
                "tags_removed": list(change.tags_removed),
            }
            for change in comparison.changes
        ],
    }
