"""`izumi show`: one program as a tree of items, details, related lines and notes."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from izumi_ledger.cli.choices import ShowFormat, apply_language
from izumi_ledger.cli.ledger import open_ledger, shown_name
from izumi_ledger.cli.messages import t
from izumi_ledger.cli.options import (
    LanguageOption,
    LedgerArguments,
    LedgerOption,
    NoCacheOption,
    named_ledgers,
)
from izumi_ledger.cli.render.cells import fold_line
from izumi_ledger.cli.render.figures import Figures
from izumi_ledger.cli.render.tables import Cell, Column, Decorated, Table, markdown_text
from izumi_ledger.cli.render.tree import Node, tree_lines
from izumi_ledger.cli.render.view import View, render
from izumi_ledger.cli.terminal import Terminal, terminal
from izumi_ledger.collection import is_collection
from izumi_ledger.errors import UsageError
from izumi_ledger.figures.query import close_program_names, find_programs
from izumi_ledger.figures.totals import ProgramRef
from izumi_ledger.format.amounts import UNIT_IN_YEN
from izumi_ledger.format.models import Ledger


def show_command(
    program: Annotated[
        str, typer.Argument(metavar="PROGRAM", help="事業の番号、事業名、または事業名の一部。")
    ],
    ledgers: LedgerArguments = None,
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
        ShowFormat,
        typer.Option(
            "--format", "-f", help="出力形式: text, json, markdown, csv（細事業と内訳の表）。"
        ),
    ] = "text",
    no_cache: NoCacheOption = False,
    lang: LanguageOption = None,
) -> None:
    """一つの事業を詳しく見る。

    概要、細事業と内訳（ア・イ…）、関連事業（○、予算額の外）、注記を木の形で示す。

    例: izumi show 1 / izumi show 地域力 / izumi show ＩＣＴ --format json
    """
    apply_language(lang)
    ledger = named_ledgers(ledger, ledgers)
    if ledger and is_collection(ledger):
        _show_in_each(ledger, no_cache, program, policy, output)
        return
    book, name = open_ledger(ledger, no_cache)
    ref = _the_program(book, program, policy)
    figures = Figures(book.unit, None)
    view = View(
        document=lambda: _json(ref),
        rows=lambda _: _rows(ref, figures),
        text=lambda screen: _text(screen, name, ref, figures),
        markdown=lambda: _markdown(ref, figures),
    )
    render(view, output, terminal())


def _text(screen: Terminal, name: str, ref: ProgramRef, figures: Figures) -> None:
    for line in (
        t("cli.ledger", ledger=shown_name(name)),
        t("show.policy", number=ref.policy.number, title=ref.policy.title),
    ):
        for part in fold_line(line, screen.width):
            screen.line(part)
    for line, style in tree_lines(_tree(ref, figures), screen.width):
        screen.line(line, style)


def _show_in_each(
    sources: list[str], no_cache: bool, query: str, policy: int | None, output: str
) -> None:
    """The program in each ledger that has it (a ward's years: the program year by year);
    UsageError when none has it, or when one has several that match."""
    from izumi_ledger.cli.collection import open_collection

    found: list[tuple[Ledger, str, ProgramRef]] = []
    books = list(open_collection(sources, no_cache).ledgers())
    for book, checked in books:
        if find_programs(book, query, policy):
            try:
                found.append((book, checked.name, _the_program(book, query, policy)))
            except UsageError as error:  # several match: say in which ledger
                raise UsageError(f"{checked.name}: {error.message}", error.hint) from None
    if not found:
        _the_program(books[0][0], query, policy)  # says it is not there, and what is close
    shown = [(name, ref, Figures(book.unit, None)) for book, name, ref in found]

    def text(screen: Terminal) -> None:
        for index, (name, ref, figures) in enumerate(shown):
            if index:
                screen.line()
            _text(screen, name, ref, figures)

    def rows(_: str) -> Table:
        # One unit for every row: the smallest of the ledgers', each amount exact in it.
        unit = min((book.unit for book, _, _ in found), key=UNIT_IN_YEN.__getitem__)
        table = _rows(found[0][2], Figures(unit, None))
        table.columns[:0] = [
            Column("ledger", t("col.file"), in_table=False),
            Column("city", t("col.city"), in_table=False),
            Column("ward", t("col.ward"), in_table=False),
            Column("fiscal_year", t("col.year"), "right", no_wrap=True),
        ]
        table.rows = []
        for book, name, ref in found:
            scale = UNIT_IN_YEN[book.unit] // UNIT_IN_YEN[unit]
            for row in _rows(ref, Figures(book.unit, None)).rows:
                amount = row.get("amount")
                if isinstance(amount, int):
                    row["amount"] = amount * scale
                place: dict[str, Cell] = {
                    "city": book.city,
                    "ward": book.ward,
                    "fiscal_year": book.fiscal_year,
                }
                table.rows.append({"ledger": name, **place, **row})
        return table

    view = View(
        document=lambda: [
            {
                "ledger": name,
                "city": book.city,
                "ward": book.ward,
                "fiscal_year": book.fiscal_year,
                "unit": book.unit,
                **_json(ref),
            }
            for book, name, ref in found
        ],
        rows=rows,
        text=text,
        markdown=lambda: "\n".join(
            f"# {markdown_text(shown_name(name))}\n\n" + _markdown(ref, figures)
            for name, ref, figures in shown
        ),
    )
    render(view, output, terminal())


def _the_program(book: Ledger, query: str, policy: int | None) -> ProgramRef:
    """The one program query means; UsageError naming the close or the several matches."""
    matches = find_programs(book, query, policy)
    if not matches:
        close = close_program_names(book, query)
        raise UsageError(
            t("show.not_found", query=query),
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
        raise UsageError(
            t("show.ambiguous", query=query, count=len(matches), names=names),
            t("show.ambiguous.hint"),
        )
    return matches[0]


def _json(ref: ProgramRef) -> dict[str, Any]:
    return {"policy": ref.policy.number, **ref.program.model_dump(mode="json", exclude_none=True)}


def _tree(ref: ProgramRef, figures: Figures) -> Node:
    program = ref.program
    tags = " ".join(f"[{tag}]" for tag in program.tags)
    title = t("show.program", number=program.number, name=program.name, amount="").rstrip()
    tree = Node(title, figures.text(program.amount), style="bold", tags=tags)
    sections = "、".join(program.sections) or t("show.none")
    tree.add(Node(t("show.sections", sections=sections), separator="、"))
    if program.summary:
        tree.add(Node(t("show.summary", summary=program.summary)))
    if program.items:
        items_total = sum(item.amount for item in program.items)
        branch = tree.add(
            Node(t("show.items", count=len(program.items), amount=figures.text(items_total)))
        )
        for item in program.items:
            item_tags = " ".join(f"＜{tag}＞" for tag in item.tags)
            node = branch.add(
                Node(f"({item.number}) {item.name}", figures.text(item.amount), tags=item_tags)
            )
            if item.summary:
                node.body.append((item.summary, "dim"))
            for detail in item.details:
                head = f"{detail.label} {detail.name}" if detail.name else detail.label
                amount = figures.text(detail.amount) if detail.amount is not None else ""
                node.add(Node(head, amount, body=[(detail.text, "dim")]))
    else:
        tree.add(Node(t("show.no_items")))
    if program.related:
        branch = tree.add(Node(t("show.related")))
        for related in program.related:
            amount = figures.text(related.amount) if related.amount is not None else ""
            node = branch.add(Node(f"○ {related.name}【{related.funding}】", amount))
            if related.summary:
                node.body.append((related.summary, "dim"))
            node.body.extend((t("show.note", note=note), "italic") for note in related.notes)
    if program.notes:
        branch = tree.add(Node(t("show.notes")))
        for note in program.notes:
            branch.add(Node(note))
    return tree


def _rows(ref: ProgramRef, figures: Figures) -> Table:
    """The program's items, each followed by its details, as rows."""
    table = Table(
        unit=figures.unit,
        columns=[
            Column("policy", t("col.policy"), "right", no_wrap=True),
            Column("program", t("col.number"), "right", no_wrap=True),
            Column("item", t("col.item"), "right", no_wrap=True),
            Column("label", t("col.label"), no_wrap=True),
            Column("name", t("col.name")),
            Column("amount", t("col.amount"), "right", figures.text, figures.number, no_wrap=True),
            Column("tags", t("col.tag"), min_width=4, separator=" "),
            Column("text", t("col.text")),
        ],
    )
    program = ref.program
    key = {"policy": ref.policy.number, "program": program.number}
    for item in program.items:
        table.rows.append(
            {
                **key,
                "item": item.number,
                "name": item.name,
                "amount": item.amount,
                "tags": " ".join(item.tags),
                "text": item.summary,
            }
        )
        for detail in item.details:
            table.rows.append(
                {
                    **key,
                    "item": item.number,
                    "label": detail.label,
                    "name": Decorated(detail.name or "", "　"),
                    "amount": detail.amount,
                    "text": detail.text,
                }
            )
    return table


def _markdown(ref: ProgramRef, figures: Figures) -> str:
    """The program as Markdown: a heading, its facts, the items as a nested list."""
    program = ref.program

    clean = markdown_text
    title = t(
        "show.program",
        number=program.number,
        name=clean(program.name),
        amount=figures.text(program.amount),
    )
    lines = [
        f"## {title}",
        "",
        f"- {t('show.policy', number=ref.policy.number, title=clean(ref.policy.title))}",
        f"- {t('show.sections', sections=clean('、'.join(program.sections)) or t('show.none'))}",
    ]
    if program.tags:
        lines.append(f"- {' '.join(f'[{tag}]' for tag in program.tags)}")
    if program.summary:
        lines.append(f"- {t('show.summary', summary=clean(program.summary))}")
    if program.items:
        items_total = sum(item.amount for item in program.items)
        heading = t("show.items", count=len(program.items), amount=figures.text(items_total))
        lines.append(f"- {heading}")
        for item in program.items:
            tags = "".join(f" ＜{tag}＞" for tag in item.tags)
            amount = figures.text(item.amount)
            lines.append(f"  - ({item.number}) {clean(item.name)}  {amount}{tags}")
            if item.summary:
                lines.append(f"    - {clean(item.summary)}")
            for detail in item.details:
                head = f"{detail.label} {clean(detail.name)}" if detail.name else detail.label
                if detail.amount is not None:
                    head += f"  {figures.text(detail.amount)}"
                lines.append(f"    - {head}: {clean(detail.text)}")
    else:
        lines.append(f"- {t('show.no_items')}")
    if program.related:
        lines.append(f"- {t('show.related')}")
        for related in program.related:
            head = f"○ {clean(related.name)}【{clean(related.funding)}】"
            if related.amount is not None:
                head += f"  {figures.text(related.amount)}"
            lines.append(f"  - {head}")
    if program.notes:
        lines.append(f"- {t('show.notes')}")
        lines.extend(f"  - {clean(note)}" for note in program.notes)
    return "\n".join(lines) + "\n"
