"""The bundled FY2021 ledger: installed intact, every figure as printed, every sum adding up."""

from __future__ import annotations

import re
import unicodedata

from support import REPO

from izumi_ledger.format.models import Ledger
from izumi_ledger.loading import load
from izumi_ledger.rules import apply_rules
from izumi_ledger.source.files import bundled_ledger

SEED = REPO / "tests" / "fixtures" / "izumi-fy2021-policy2.txt"


def bundled() -> Ledger:
    result = load(bundled_ledger())
    assert result.ledger is not None, result.findings
    return result.ledger


def number(text: str) -> int:
    return int(unicodedata.normalize("NFKC", text).replace(",", ""))


def test_the_installed_ledger_is_the_repository_file() -> None:
    installed = bundled_ledger()
    assert installed.read_bytes() == (REPO / "data" / "programs.yaml").read_bytes()


def test_every_number_adds_up() -> None:
    result = load(bundled_ledger())
    assert result.ledger is not None
    assert apply_rules(result.ledger, result.source) == []
    # The same sums, re-added here without the rules module.
    for policy in result.ledger.policies:
        assert policy.amount == sum(program.amount for program in policy.programs) == 26397
        assert policy.program_count == len(policy.programs) == 12
        for program in policy.programs:
            if program.items:
                assert program.amount == sum(item.amount for item in program.items)


def test_the_headline_figures_of_the_document() -> None:
    ledger = bundled()
    policy = ledger.policies[0]
    assert (policy.number, policy.title) == (2, "はぐくもう！地域の力")
    assert (policy.amount, policy.prior_amount, policy.program_count) == (26397, 23967, 12)
    assert sum(len(program.items) for program in policy.programs) == 27
    assert (ledger.unit, ledger.fiscal_year, ledger.city, ledger.ward) == (
        "千円",
        2021,
        "横浜市",
        "泉区",
    )


def test_program_amounts_and_sections_match_the_document() -> None:
    text = SEED.read_text(encoding="utf-8")
    amounts = [number(found) for found in re.findall(r"^【([０-９，]+)】", text, re.MULTILINE)]
    programs = bundled().policies[0].programs
    assert [program.amount for program in programs] == amounts
    bracketed = re.findall(r"^【([^】０-９]+課)】", text, re.MULTILINE)
    assert [s for program in programs for s in program.sections] == bracketed


def test_items_match_the_document_in_order() -> None:
    text = SEED.read_text(encoding="utf-8")
    printed = [
        (int(found[0]), found[1].strip(), number(found[2]))
        for found in re.findall(r"^\((\d+)\)\s*(.+?)（([０-９，]+)）", text, re.MULTILINE)
    ]
    ledger_items = [
        (item.number, item.name, item.amount)
        for program in bundled().policies[0].programs
        for item in program.items
    ]
    assert ledger_items == printed


def test_related_lines_match_the_document() -> None:
    text = SEED.read_text(encoding="utf-8")
    printed = sorted(
        (found[0].strip(), found[1], number(found[2]) if found[2] else None)
        for found in re.findall(r"^○ (.+?)【(.+?)】(?:（([０-９，]+)）)?", text, re.MULTILINE)
    )
    ledger_related = sorted(
        (related.name, related.funding, related.amount)
        for program in bundled().policies[0].programs
        for related in program.related
    )
    assert ledger_related == printed


def test_placements_that_were_judgments_say_why() -> None:
    programs = bundled().policies[0].programs
    expanded = [program for program in programs if "拡充" in program.tags]
    assert [program.number for program in expanded] == [10]
    assert any("拡充" in note for note in expanded[0].notes)
    displaced = {
        "商店街活性化イベント助成事業",
        "いずみ多文化共生コーナー",
        "地域活動推進費補助金交付事業",
        "自治会・町内会館整備費補助事業",
        "クリーンタウン横浜事業",
        "青少年指導員事業",
    }
    for program in programs:
        for related in program.related:
            if related.name in displaced:
                assert related.notes, related.name


def test_the_column_is_kept_as_a_policy_note() -> None:
    notes = bundled().policies[0].notes
    assert any(note.startswith("コラム③") for note in notes)


def test_tags_as_printed() -> None:
    tagged = {p.number: p.tags for p in bundled().policies[0].programs if p.tags}
    assert tagged == {1: ["重点"], 2: ["重点", "新規"], 10: ["拡充"]}
    new_items = [
        (p.number, i.number)
        for p in bundled().policies[0].programs
        for i in p.items
        if "新規" in i.tags
    ]
    assert new_items == [(1, 3)]
