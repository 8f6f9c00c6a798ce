"""The ledger as flat tables, one per level, with the keys that join them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final, Literal

from izumi_ledger.errors import IzumiError
from izumi_ledger.format.amounts import UNIT_IN_YEN
from izumi_ledger.format.models import Ledger
from izumi_ledger.text.messages import current, t

Cell = int | str | None
# The largest whole number every export keeps exact (JSON readers, Excel; SQLite's is 2**63).
EXACT_LIMIT: Final = 2**53


class ExportRefused(IzumiError):
    """A ledger an export format cannot hold as it is; the message says why and where."""


@dataclass(frozen=True)
class CheckStatus:
    """What `izumi check` said of the ledger, carried in the exports themselves."""

    errors: int
    warnings: int

    @property
    def ok(self) -> bool:
        return self.errors == 0

    def as_data(self) -> dict[str, object]:
        return {"ok": self.ok, "errors": self.errors, "warnings": self.warnings}


# The English of each Japanese title (and of the words in its brackets): the units stay.
_ENGLISH: Final[dict[str, str]] = {
    "年度": "fiscal year",
    "施策番号": "policy number",
    "事業番号": "program number",
    "細事業番号": "item number",
    "施策": "policies",
    "施策名": "policy title",
    "予算額": "amount",
    "前年度予算額": "prior-year amount",
    "事業数": "programs",
    "増減": "change",
    "文書": "as printed",
    "事業": "programs",
    "事業名": "program name",
    "担当課": "section",
    "タグ": "tags",
    "事業概要": "summary",
    "事業と担当課": "programs and sections",
    "共同": "shared",
    "担当課が複数なら 1": "1 when the program has several sections",
    "事業の予算額": "the program's amount",
    "共同は担当課ごとに全額": "a shared program in full for each section",
    "細事業": "items",
    "細事業名": "item name",
    "額": "amount",
    "説明": "text",
    "内訳": "details",
    "見出し": "heading",
    "本文": "text",
    "関連事業": "related programs",
    "○、合計の外": "○, outside every total",
    "順番": "position",
    "財源": "funding",
    "合計の外": "outside every total",
    "市区町村": "city",
    "区": "ward",
    "台帳": "ledgers",
    "金額の単位": "unit of the amounts",
    "出典": "source",
    "ファイル": "file",
    "検査": "check",
    "合っていれば 1": "1 when it passes",
    "検査のエラー": "check errors",
    "検査の警告": "check warnings",
}
_BRACKETED = re.compile(r"^(.*)（([^（）]*)）$")  # the last bracket: 額（共同…）（千円）


def in_english(title: str) -> str:
    """A Japanese title in English: 前年度予算額（千円） is prior-year amount (千円)."""
    if title in _ENGLISH:
        return _ENGLISH[title]
    found = _BRACKETED.match(title)
    if found is None:
        return title
    inside = "、".join(_ENGLISH.get(part, part) for part in found.group(2).split("、"))
    return f"{in_english(found.group(1))} ({inside.replace('、', ', ')})"


def shown_title(title: str) -> str:
    """A title in the language of the output."""
    return in_english(title) if current() == "en" else title


@dataclass(frozen=True)
class Column:
    name: str
    kind: Literal["integer", "string"]
    title: str  # Japanese, for people; shown_title gives it in the output's language
    required: bool = True
    # The Fiscal Data Package concept the column holds, where one fits.
    column_type: str | None = None
    money: bool = False  # an amount in the table's unit


@dataclass
class Table:
    name: str
    title: str
    columns: list[Column]
    primary_key: list[str]
    foreign_keys: list[tuple[list[str], str, list[str]]] = field(default_factory=list)
    rows: list[tuple[Cell, ...]] = field(default_factory=list)

    def column_index(self, name: str) -> int:
        return [column.name for column in self.columns].index(name)


def _amount(
    unit: str, title: str = "予算額", required: bool = True, summable: bool = True
) -> Column:
    # Only a column whose sum means something is a value (a measure) for open-data tools.
    return Column(
        "amount",
        "integer",
        f"{title}（{unit}）",
        required,
        "value" if summable else None,
        money=True,
    )


def _money(name: str, title: str) -> Column:
    return Column(name, "integer", title, required=False, money=True)


def smallest_unit(units: Iterable[str]) -> str:
    """The unit every one of these units is a whole multiple of: 千円 and 万円 are both
    whole in 千円, and every unit is whole in 円."""
    return min(units, key=UNIT_IN_YEN.__getitem__)


def exact_tables(ledger: Ledger, unit: str | None = None, keyed: bool = False) -> list[Table]:
    """The ledger's tables (keyed by city and ward too, amounts in unit, when asked);
    ExportRefused when a figure is too large for the exports to keep exactly."""
    tables = ledger_tables(ledger, unit, keyed)
    total = sum(policy.amount for policy in ledger.policies) * _scale(ledger.unit, unit)
    if total >= EXACT_LIMIT:
        raise ExportRefused(
            t("export.inexact", table="policies", column="amount (合計)", value=total),
            t("export.see_check"),
        )
    for table in tables:
        for row in table.rows:
            for column, cell in zip(table.columns, row, strict=True):
                if isinstance(cell, int) and cell >= EXACT_LIMIT:
                    raise ExportRefused(
                        t("export.inexact", table=table.name, column=column.name, value=cell),
                        t("export.see_check"),
                    )
    return tables


def refuse_repeated_keys(tables: list[Table]) -> None:
    """ExportRefused when two rows of a table have the same key (a number written twice):
    a database or a data package needs each once."""
    for table in tables:
        places = [table.column_index(name) for name in table.primary_key]
        seen: set[tuple[Cell, ...]] = set()
        for row in table.rows:
            key = tuple(row[place] for place in places)
            if key in seen:
                shown = ", ".join(f"{n}={v}" for n, v in zip(table.primary_key, key, strict=True))
                raise ExportRefused(
                    t("export.repeated_key", table=table.name, key=shown), t("export.see_check")
                )
            seen.add(key)


def _scale(own: str, unit: str | None) -> int:
    return 1 if unit is None else UNIT_IN_YEN[own] // UNIT_IN_YEN[unit]


# The keys a database of many ledgers tells them apart by, before the fiscal year.
PLACE_KEY: Final = ("city", "ward")


def ledger_tables(ledger: Ledger, unit: str | None = None, keyed: bool = False) -> list[Table]:
    """policies, programs, program_sections, items, details and related, in that order.

    With keyed, every table starts with the city and the ward, and its keys with them, so
    that the tables of many ledgers are one set of tables; with unit (one the ledger's unit
    is a whole multiple of), every amount is in it."""
    scale = _scale(ledger.unit, unit)
    unit = unit or ledger.unit

    def money(amount: int | None) -> int | None:
        return None if amount is None else amount * scale

    place: tuple[Cell, ...] = (ledger.city, ledger.ward) if keyed else ()
    year = Column("fiscal_year", "integer", "年度", column_type="date:fiscal-year")
    policy_key = Column(
        "policy", "integer", "施策番号", column_type="functional-classification:generic:level1:code"
    )
    program_key = Column(
        "program",
        "integer",
        "事業番号",
        column_type="functional-classification:generic:level2:code",
    )
    item_key = Column("item", "integer", "細事業番号")
    policies = Table(
        "policies",
        "施策",
        [
            year,
            policy_key,
            Column(
                "title",
                "string",
                "施策名",
                column_type="functional-classification:generic:level1:label",
            ),
            _amount(unit),
            _money("prior_amount", f"前年度予算額（{unit}）"),
            _money("change", f"増減（文書、{unit}）"),
            Column("program_count", "integer", "事業数（文書）", required=False),
        ],
        ["fiscal_year", "policy"],
    )
    programs = Table(
        "programs",
        "事業",
        [
            year,
            policy_key,
            program_key,
            Column(
                "name",
                "string",
                "事業名",
                column_type="functional-classification:generic:level2:label",
            ),
            _amount(unit),
            Column("sections", "string", "担当課", required=False),
            Column("tags", "string", "タグ", required=False),
            _money("prior_amount", f"前年度予算額（{unit}）"),
            _money("change", f"増減（文書、{unit}）"),
            Column("summary", "string", "事業概要", required=False),
        ],
        ["fiscal_year", "policy", "program"],
        [(["fiscal_year", "policy"], "policies", ["fiscal_year", "policy"])],
    )
    program_sections = Table(
        "program_sections",
        "事業と担当課",
        [
            year,
            policy_key,
            program_key,
            Column(
                "section",
                "string",
                "担当課",
                column_type="administrative-classification:generic:level1:label",
            ),
            Column("shared", "integer", "共同（担当課が複数なら 1）"),
            # A shared program is here once per section: the column's sum is not a total.
            _amount(unit, "事業の予算額（共同は担当課ごとに全額）", summable=False),
        ],
        ["fiscal_year", "policy", "program", "section"],
        [(["fiscal_year", "policy", "program"], "programs", ["fiscal_year", "policy", "program"])],
    )
    items = Table(
        "items",
        "細事業",
        [
            year,
            policy_key,
            program_key,
            item_key,
            Column("name", "string", "細事業名"),
            _amount(unit, "額"),
            Column("tags", "string", "タグ", required=False),
            Column("summary", "string", "説明", required=False),
        ],
        ["fiscal_year", "policy", "program", "item"],
        [(["fiscal_year", "policy", "program"], "programs", ["fiscal_year", "policy", "program"])],
    )
    details = Table(
        "details",
        "内訳",
        [
            year,
            policy_key,
            program_key,
            item_key,
            Column("label", "string", "内訳"),
            Column("name", "string", "見出し", required=False),
            Column("text", "string", "本文"),
            _amount(unit, "額", required=False),
        ],
        ["fiscal_year", "policy", "program", "item", "label"],
        [
            (
                ["fiscal_year", "policy", "program", "item"],
                "items",
                ["fiscal_year", "policy", "program", "item"],
            )
        ],
    )
    related = Table(
        "related",
        "関連事業（○、合計の外）",
        [
            year,
            policy_key,
            program_key,
            Column("position", "integer", "順番"),
            Column("name", "string", "事業名"),
            Column("funding", "string", "財源"),
            _money("amount", f"額（{unit}、合計の外）"),
            Column("summary", "string", "説明", required=False),
        ],
        ["fiscal_year", "policy", "program", "position"],
        [(["fiscal_year", "policy", "program"], "programs", ["fiscal_year", "policy", "program"])],
    )
    fy = ledger.fiscal_year
    for policy in ledger.policies:
        policies.rows.append(
            (
                *place,
                fy,
                policy.number,
                policy.title,
                money(policy.amount),
                money(policy.prior_amount),
                money(policy.change),
                policy.program_count,
            )
        )
        for program in policy.programs:
            key = (*place, fy, policy.number, program.number)
            programs.rows.append(
                (
                    *key,
                    program.name,
                    money(program.amount),
                    "、".join(program.sections),
                    " ".join(program.tags),
                    money(program.prior_amount),
                    money(program.change),
                    program.summary,
                )
            )
            shared = 1 if len(program.sections) > 1 else 0
            for section in program.sections:
                program_sections.rows.append((*key, section, shared, money(program.amount)))
            for item in program.items:
                items.rows.append(
                    (
                        *key,
                        item.number,
                        item.name,
                        money(item.amount),
                        " ".join(item.tags),
                        item.summary,
                    )
                )
                for detail in item.details:
                    details.rows.append(
                        (
                            *key,
                            item.number,
                            detail.label,
                            detail.name,
                            detail.text,
                            money(detail.amount),
                        )
                    )
            for position, entry in enumerate(program.related, 1):
                related.rows.append(
                    (*key, position, entry.name, entry.funding, money(entry.amount), entry.summary)
                )
    tables = [policies, programs, program_sections, items, details, related]
    return [_keyed(table) for table in tables] if keyed else tables


def ledgers_table(unit: str) -> Table:
    """Who each ledger is, where it came from and what its check said: one row per ledger."""
    return Table(
        "ledgers",
        "台帳",
        [
            Column("city", "string", "市区町村"),
            Column("ward", "string", "区"),
            Column("fiscal_year", "integer", "年度", column_type="date:fiscal-year"),
            Column("unit", "string", "金額の単位"),
            Column("source", "string", "出典"),
            Column("file", "string", "ファイル", required=False),
            Column("check_ok", "integer", "検査（合っていれば 1）", required=False),
            Column("check_errors", "integer", "検査のエラー", required=False),
            Column("check_warnings", "integer", "検査の警告", required=False),
        ],
        [*PLACE_KEY, "fiscal_year"],
    )


def _keyed(table: Table) -> Table:
    """The table with the city and the ward first, in its columns and in every key."""
    places = [Column("city", "string", "市区町村"), Column("ward", "string", "区")]
    table.columns[:0] = places
    table.primary_key[:0] = PLACE_KEY
    table.foreign_keys = [
        ([*PLACE_KEY, *own], target, [*PLACE_KEY, *theirs])
        for own, target, theirs in table.foreign_keys
    ]
    return table


TABLE_NAMES = ("policies", "programs", "program_sections", "items", "details", "related")
