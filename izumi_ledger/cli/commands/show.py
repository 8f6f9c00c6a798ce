"""`izumi show`: one program as a tree of items, details, related lines and notes."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.console import Group as RenderGroup
from rich.text import Text
from rich.tree import Tree

from izumi_ledger.cli.options import LanguageOption, LedgerOption, TextFormat, apply_language
from izumi_ledger.cli.render.figures import Figures
from izumi_ledger.cli.session import open_ledger
from izumi_ledger.cli.terminal import fail, stdout_console, write_data
from izumi_ledger.figures.query import close_program_names, find_programs
from izumi_ledger.figures.totals import ProgramRef
from izumi_ledger.text.messages import t


def show_command(
    program: Annotated[
        str, typer.Argument(metavar="PROGRAM", help="事業の番号、事業名、または事業名の一部。")
    ],
    ledger: LedgerOption = None,
    policy: Annotated[
        int | None,
        typer.Option(
            "--policy",
            "-p",
            show_default=False,
            help="施策の番号（番号や名前が複数の施策に当てはまるとき）。",
        ),
    ] = None,
    output: Annotated[
        TextFormat, typer.Option("--format", "-f", help="出力形式: text, json。")
    ] = TextFormat.text,
    lang: LanguageOption = None,
) -> None:
    """一つの事業を詳しく見る。

    概要、細事業と内訳（ア・イ…）、関連事業（○、予算額の外）、注記を木の形で示す。

    例: izumi show 1 / izumi show 地域力 / izumi show ＩＣＴ --format json
    """
    apply_language(lang)
    opened = open_ledger(ledger)
    matches = find_programs(opened.ledger, program, policy)
    if not matches:
        close = close_program_names(opened.ledger, program)
        fail(
            t("show.not_found", query=program),
            t("show.close", names="、".join(close)) if close else t("show.see_list"),
        )
    if len(matches) > 1:
        names = "、".join(
            t(
                "show.match",
                policy=ref.policy.number,
                number=ref.program.number,
                name=ref.program.name,
            )
            for ref in matches
        )
        fail(
            t("show.ambiguous", query=program, count=len(matches), names=names),
            t("show.ambiguous.hint"),
        )
    ref = matches[0]
    if output is TextFormat.json:
        write_data(json.dumps(_json(ref), ensure_ascii=False, indent=2) + "\n")
        return
    figures = Figures(opened.ledger.unit, None)
    console = stdout_console()
    console.print(Text(t("cli.ledger", ledger=opened.location.display)), soft_wrap=True)
    console.print(
        Text(t("show.policy", number=ref.policy.number, title=ref.policy.title)), soft_wrap=True
    )
    console.print(_tree(ref, figures))


def _json(ref: ProgramRef) -> dict[str, Any]:
    return {"policy": ref.policy.number, **ref.program.model_dump(mode="json", exclude_none=True)}


def _tree(ref: ProgramRef, figures: Figures) -> Tree:
    program = ref.program
    title = Text(
        t(
            "show.program",
            number=program.number,
            name=program.name,
            amount=figures.text(program.amount),
        ),
        style="bold",
    )
    if program.tags:
        title.append("  " + " ".join(f"[{tag}]" for tag in program.tags), style="")
    tree = Tree(title, guide_style="dim")
    tree.add(Text(t("show.sections", sections="、".join(program.sections) or t("show.none"))))
    if program.summary:
        tree.add(Text(t("show.summary", summary=program.summary)))
    if program.items:
        items_total = sum(item.amount for item in program.items)
        branch = tree.add(
            Text(t("show.items", count=len(program.items), amount=figures.text(items_total)))
        )
        for item in program.items:
            label = f"({item.number}) {item.name}  {figures.text(item.amount)}"
            if item.tags:
                label += "  " + " ".join(f"＜{tag}＞" for tag in item.tags)
            lines: list[Text] = [Text(label)]
            if item.summary:
                lines.append(Text(item.summary, style="dim"))
            node = branch.add(RenderGroup(*lines))
            for detail in item.details:
                head = f"{detail.label} {detail.name}" if detail.name else detail.label
                if detail.amount is not None:
                    head += f"  {figures.text(detail.amount)}"
                node.add(RenderGroup(Text(head), Text(detail.text, style="dim")))
    else:
        tree.add(Text(t("show.no_items")))
    if program.related:
        branch = tree.add(Text(t("show.related")))
        for related in program.related:
            head = f"○ {related.name}【{related.funding}】"
            if related.amount is not None:
                head += f"  {figures.text(related.amount)}"
            parts: list[Text] = [Text(head)]
            if related.summary:
                parts.append(Text(related.summary, style="dim"))
            parts.extend(Text(t("show.note", note=note), style="italic") for note in related.notes)
            branch.add(RenderGroup(*parts))
    if program.notes:
        branch = tree.add(Text(t("show.notes")))
        for note in program.notes:
            branch.add(Text(note))
    return tree
