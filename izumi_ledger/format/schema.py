"""The format as JSON Schema (draft 2020-12), with Japanese and English on every field."""

from __future__ import annotations

from typing import Any, Final

from pydantic import BaseModel

from izumi_ledger.format.models import Detail, Item, Ledger, Policy, Population, Program, Related

# (Japanese, English) for each model and each field: what an editor shows on hover.
DESCRIPTIONS: Final[dict[type[BaseModel], dict[str, tuple[str, str]]]] = {
    Ledger: {
        "": ("区の予算台帳（1 年度分）", "A ward's budget ledger for one fiscal year"),
        "ledger": ("台帳の書式のバージョン。1 と書く", "Format version; write 1"),
        "city": ("市の名前", "The city"),
        "ward": ("区の名前", "The ward"),
        "fiscal_year": (
            "年度が始まる西暦年（令和3年度なら 2021）",
            "Gregorian year in which the fiscal year starts (2021 for FY2021)",
        ),
        "unit": ("すべての金額の単位", "The unit of every amount"),
        "source": ("数字の出典", "Where the figures come from"),
        "sections": ("区の担当課（課）の一覧。重複なし", "The ward's sections, each once"),
        "policies": ("施策の一覧", "The policies"),
        "amount": (
            "区の総額（書けば施策の合計と照合する）",
            "The ward total; checked against the policies when given",
        ),
        "tolerance": (
            "合計と部分の差として許す端数（既定 0）。範囲内の差は警告 rounding",
            "How far a sum may differ from its total (default 0); reported as a warning",
        ),
        "population": (
            "区の人口（区民1人あたり・1日あたりの額のため）",
            "The ward's population, for figures per resident and per day",
        ),
        "notes": ("注記", "Notes for readers"),
    },
    Population: {
        "": ("区の人口", "The residents the budget serves"),
        "count": ("人口（人）", "The number of residents"),
        "as_of": ("人口の基準日（例: 2021-01-01）", "The day the count is of (e.g. 2021-01-01)"),
        "source": ("人口の出典", "Where the count comes from"),
    },
    Policy: {
        "": ("施策", "A policy, made of programs"),
        "number": ("施策の番号（台帳の中で重複なし）", "Policy number, unique in the ledger"),
        "title": ("施策名", "Policy title"),
        "amount": ("施策の予算額", "The policy's budget"),
        "prior_amount": ("前年度の予算額", "The previous year's budget"),
        "change": (
            "文書に書かれた増減（負は減額）。amount − prior_amount と照合する",
            "The change the document prints (negative for a decrease); checked against"
            " amount − prior_amount",
        ),
        "program_count": ("文書に書かれた事業数", "The number of programs the document states"),
        "notes": ("注記（コラムや判断の理由など）", "Notes, such as a column or a judgment"),
        "programs": ("事業の一覧", "The programs"),
    },
    Program: {
        "": ("事業", "A program, run by one or more sections"),
        "number": ("事業番号（施策の中で 1, 2, 3 …）", "Program number within its policy"),
        "name": ("事業名（文書のとおり）", "Program name, as printed"),
        "amount": ("事業の予算額", "The program's budget"),
        "sections": ("担当課（台帳の sections にあるもの）", "Sections that run it"),
        "tags": ("重点・新規・拡充", "Markers: 重点 priority, 新規 new, 拡充 expanded"),
        "prior_amount": ("前年度の予算額", "The previous year's budget"),
        "change": (
            "文書に書かれた増減（負は減額）。amount − prior_amount と照合する",
            "The change the document prints (negative for a decrease); checked against"
            " amount − prior_amount",
        ),
        "summary": ("事業概要", "What the program does"),
        "items": ("細事業 (1), (2) …", "Items (1), (2) …"),
        "related": (
            "関連事業（○ の行）。どの合計にも入らない",
            "Related city-bureau budgets (○ lines); never part of any total",
        ),
        "notes": ("注記（置き場所の判断の理由など）", "Notes, such as why a placement was decided"),
    },
    Item: {
        "": ("細事業 (1), (2) …", "An item of a program"),
        "number": ("細事業の番号", "Item number, the document's (n)"),
        "name": ("細事業名", "Item name"),
        "amount": ("細事業の額", "The item's amount"),
        "tags": ("＜新規＞ などの印", "Markers such as ＜新規＞"),
        "summary": ("説明", "What the item does"),
        "details": ("内訳 ア, イ, ウ …", "Details ア, イ, ウ …"),
    },
    Detail: {
        "": ("内訳 ア, イ, ウ …", "A detail of an item"),
        "label": ("ア・イ・ウ…のカタカナ 1 文字", "One katakana label in the order ア, イ, ウ …"),
        "name": ("見出し（文書にあれば）", "A heading, when printed"),
        "text": ("本文", "The text"),
        "amount": ("額（文書にあれば）", "An amount, when printed"),
    },
    Related: {
        "": ("関連事業（○ の行）", "A related line (○), outside every total"),
        "name": ("事業名", "Name"),
        "funding": ("財源（市民局区配、統合事業費 など）", "Funding source in brackets"),
        "amount": ("額（印刷されていれば）。合計には入らない", "Amount when printed; not totalled"),
        "summary": ("説明", "What it does"),
        "notes": ("注記", "Notes"),
    },
}


def _describe(pair: tuple[str, str]) -> str:
    return f"{pair[0]}\n\n{pair[1]}"


def ledger_json_schema() -> dict[str, Any]:
    """The JSON Schema of a ledger file, for editors and other tools."""
    schema = Ledger.model_json_schema()
    definitions = schema.get("$defs", {})
    for model, fields in DESCRIPTIONS.items():
        target = schema if model is Ledger else definitions[model.__name__]
        target["description"] = _describe(fields[""])
        for name, prop in target["properties"].items():
            prop["description"] = _describe(fields[name])
            prop.pop("title", None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "izumi ledger, format 1",
    }
