"""One test per rule of the format's rule table: a small ledger that breaks it, and the finding."""

from __future__ import annotations

import pytest
from support import HEADER, REPO, load_text

from izumi_ledger.findings import Finding, Severity
from izumi_ledger.rules import RULE_NAMES, apply_rules

# Every figure adds up; each test changes one line. Line numbers are noted where tests use them.
BASE = (
    HEADER
    + """\
amount: 1000
sections: [地域振興課, 区政推進課]
policies:
  - number: 1
    title: 施策
    amount: 1000
    program_count: 2
    programs:
      - number: 1
        name: 事業A
        amount: 700
        sections: [地域振興課]
        items:
          - number: 1
            name: 細A
            amount: 400
            details:
              - {label: ア, text: 一, amount: 150}
              - {label: イ, text: 二, amount: 250}
          - number: 2
            name: 細B
            amount: 300
      - number: 2
        name: 事業B
        amount: 300
        sections: [区政推進課]
"""
)
#  7 amount: 1000 (ledger)       12 amount: 1000 (policy)     13 program_count: 2
# 15 - number: 1 (program 1)
# 17 amount: 700 (program 1)     18 sections (program 1)      22 amount: 400 (item 1)
# 24 detail ア                   25 detail イ                 26 - number: 2 (item 2)
# 28 amount: 300 (item 2)        29 - number: 2 (program 2)   31 amount: 300 (program 2)


def findings_of(text: str) -> list[Finding]:
    result = load_text(text, "t.yaml")
    assert result.ledger is not None, result.findings
    return apply_rules(result.ledger, result.source)


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, findings
    return findings[0]


def change(text: str, line: int, old: str, new: str) -> str:
    """Replace old by new on one line (1-based), failing loudly if the line lacks it."""
    lines = text.split("\n")
    assert old in lines[line - 1], (line, lines[line - 1])
    lines[line - 1] = lines[line - 1].replace(old, new)
    return "\n".join(lines)


def test_the_base_ledger_passes_every_rule() -> None:
    assert findings_of(BASE) == []


def test_item_sum() -> None:
    finding = only(findings_of(change(BASE, 28, "300", "310")))
    assert (finding.rule, finding.severity) == ("item-sum", Severity.ERROR)
    assert (finding.line, finding.column) == (17, 17)
    assert finding.path == "policies[0].programs[0].amount"
    assert (finding.expected, finding.actual, finding.difference) == (700, 710, 10)


def test_detail_sum() -> None:
    finding = only(findings_of(change(BASE, 25, "amount: 250", "amount: 240")))
    assert finding.rule == "detail-sum"
    assert finding.line == 22
    assert finding.path == "policies[0].programs[0].items[0].amount"
    assert (finding.expected, finding.actual, finding.difference) == (400, 390, -10)


def test_program_sum() -> None:
    text = change(change(BASE, 31, "300", "350"), 29, "number: 2", "number: 2")
    finding = only(findings_of(text))
    assert finding.rule == "program-sum"
    assert finding.line == 12
    assert finding.path == "policies[0].amount"
    assert (finding.expected, finding.actual, finding.difference) == (1000, 1050, 50)


def test_policy_sum() -> None:
    finding = only(findings_of(change(BASE, 7, "1000", "1200")))
    assert finding.rule == "policy-sum"
    assert (finding.line, finding.path) == (7, "amount")
    assert (finding.expected, finding.actual, finding.difference) == (1200, 1000, -200)


def test_policy_sum_is_skipped_without_a_ledger_amount() -> None:
    assert findings_of(BASE.replace("amount: 1000\nsections", "sections")) == []


def test_program_count() -> None:
    finding = only(findings_of(change(BASE, 13, "2", "12")))
    assert finding.rule == "program-count"
    assert finding.line == 13
    assert (finding.expected, finding.actual, finding.difference) == (12, 2, -10)


def test_numbering_gap_in_items() -> None:
    finding = only(findings_of(change(BASE, 26, "number: 2", "number: 3")))
    assert finding.rule == "numbering"
    assert finding.path == "policies[0].programs[0].items[1].number"
    assert (finding.line, finding.expected, finding.actual) == (26, "2", "3")


def test_numbering_repeat_in_programs() -> None:
    finding = only(findings_of(change(BASE, 29, "number: 2", "number: 1")))
    assert finding.rule == "numbering"
    assert finding.line == 29
    assert "重複" in finding.message and "15 行目" in finding.message


def test_numbering_of_detail_labels() -> None:
    finding = only(findings_of(change(BASE, 25, "label: イ", "label: ウ")))
    assert finding.rule == "numbering"
    assert finding.path == "policies[0].programs[0].items[0].details[1].label"
    assert (finding.expected, finding.actual) == ("イ", "ウ")


def test_policies_may_be_an_excerpt_but_not_repeat() -> None:
    assert findings_of(BASE.replace("  - number: 1\n    title", "  - number: 2\n    title")) == []
    policy = BASE[BASE.index("  - number: 1\n    title") :]
    twice = BASE + policy.replace("title: 施策", "title: 施策2", 1)
    twice = twice.replace("amount: 1000\nsections", "amount: 2000\nsections")
    finding = only(findings_of(twice))
    assert finding.rule == "numbering"
    assert "施策番号 1 が重複" in finding.message


def test_unknown_section_suggests_the_closest_name() -> None:
    findings = findings_of(change(BASE, 18, "地域振興課", "地域振興果"))
    # The misspelt name also leaves the real section unused.
    assert [f.rule for f in findings] == ["unused-section", "unknown-section"]
    finding = findings[1]
    assert finding.path == "policies[0].programs[0].sections[0]"
    assert finding.actual == "地域振興果"
    assert finding.hint == "もしかして 地域振興課？"


def test_no_section_is_a_warning() -> None:
    findings = findings_of(change(BASE, 18, "[地域振興課]", "[]"))
    assert {(f.rule, f.severity) for f in findings} == {
        ("no-section", Severity.WARNING),
        ("unused-section", Severity.WARNING),
    }
    no_section = next(f for f in findings if f.rule == "no-section")
    assert no_section.path == "policies[0].programs[0].sections"


def test_partial_details_is_a_warning_and_skips_detail_sum() -> None:
    finding = only(findings_of(change(BASE, 25, ", amount: 250", "")))
    assert (finding.rule, finding.severity) == ("partial-details", Severity.WARNING)
    assert (finding.expected, finding.actual) == (2, 1)


def test_unused_section() -> None:
    text = BASE.replace(
        "sections: [地域振興課, 区政推進課]", "sections: [地域振興課, 区政推進課, 総務課]"
    )
    finding = only(findings_of(text))
    assert (finding.rule, finding.severity) == ("unused-section", Severity.WARNING)
    assert (finding.path, finding.line) == ("sections[2]", 8)


def test_rounding_within_tolerance_is_a_warning() -> None:
    text = change(BASE, 28, "300", "301").replace(
        "amount: 1000\nsections", "amount: 1000\ntolerance: 1\nsections"
    )
    finding = only(findings_of(text))
    assert (finding.rule, finding.severity) == ("rounding", Severity.WARNING)
    assert (finding.expected, finding.actual, finding.difference) == (700, 701, 1)


def test_beyond_tolerance_is_still_an_error() -> None:
    text = change(BASE, 28, "300", "302").replace(
        "amount: 1000\nsections", "amount: 1000\ntolerance: 1\nsections"
    )
    assert only(findings_of(text)).rule == "item-sum"


def test_repeated_names() -> None:
    text = BASE.replace(
        "sections: [地域振興課, 区政推進課]", "sections: [地域振興課, 区政推進課, 地域振興課]"
    )
    finding = only(findings_of(text))
    assert (finding.rule, finding.severity, finding.line) == ("repeated-name", Severity.ERROR, 8)
    assert finding.path == "sections[2]" and "'地域振興課' が重複" in finding.message
    tagged = BASE.replace(
        "        sections: [区政推進課]\n",
        "        sections: [区政推進課]\n        tags: [重点, 新規, 重点]\n",
    )
    finding = only(findings_of(tagged))
    assert (finding.rule, finding.path) == ("repeated-name", "policies[0].programs[1].tags[2]")
    assert "タグ '重点' が重複" in finding.message


def test_the_rules_are_the_rows_of_the_format_table() -> None:
    text = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    table = text.split("## The rules of `izumi check`", 1)[1].split("\n\n")[2]
    named = {row.split("|")[1].strip().strip("`") for row in table.splitlines()[2:]}
    assert set(RULE_NAMES) == named


def test_each_rule_is_a_function_named_as_its_rule() -> None:
    from izumi_ledger.rules import RULES

    for name, rule in RULES.items():
        assert rule.__name__ == name.replace("-", "_")


@pytest.mark.parametrize("rule", sorted(set(RULE_NAMES) - {"rounding"}))
def test_each_rule_has_a_docstring(rule: str) -> None:
    from izumi_ledger.rules import RULES

    assert RULES[rule].__doc__


# --- mistakes that break no sum ---------------------------------------------------------------


def test_duplicate_name_of_two_programs_or_two_items() -> None:
    finding = only(findings_of(change(BASE, 30, "事業B", "事業A")))
    assert (finding.rule, finding.severity) == ("duplicate-name", Severity.WARNING)
    assert (finding.line, finding.path) == (30, "policies[0].programs[1].name")
    assert "16 行目と同じ名前" in finding.message
    finding = only(findings_of(change(BASE, 27, "細B", "細A")))
    assert (finding.rule, finding.path) == (
        "duplicate-name",
        "policies[0].programs[0].items[1].name",
    )


def test_name_spaces_before_or_after_a_name() -> None:
    finding = only(findings_of(change(BASE, 16, "name: 事業A", 'name: "事業A "')))
    assert (finding.rule, finding.severity, finding.line) == ("name-spaces", Severity.WARNING, 16)
    assert "空白を消してください: 事業A" in finding.hint
    full_width = findings_of(change(BASE, 16, "name: 事業A", "name: \u3000事業A"))
    assert [f.rule for f in full_width] == ["name-spaces"]


def test_prior_sum_when_every_program_has_a_prior_amount() -> None:
    text = change(BASE, 12, "amount: 1000", "amount: 1000\n    prior_amount: 900")
    text = text.replace("        amount: 700\n", "        amount: 700\n        prior_amount: 600\n")
    text = text.replace(
        "        amount: 300\n        sections",
        "        amount: 300\n        prior_amount: 250\n        sections",
    )
    finding = only(findings_of(text))
    assert (finding.rule, finding.severity) == ("prior-sum", Severity.WARNING)
    assert (finding.expected, finding.actual, finding.difference) == (900, 850, -50)
    # One program without a prior amount: the sum says nothing, and nothing is found.
    partial = text.replace("        prior_amount: 250\n", "")
    assert findings_of(partial) == []
    assert findings_of(text.replace("prior_amount: 900", "prior_amount: 850")) == []


def test_fiscal_year_source_an_era_that_says_another_year() -> None:
    text = BASE.replace("source: テスト", "source: 令和3年度 泉区運営方針")
    assert findings_of(text) == []  # 令和3年度 is 2021
    finding = only(findings_of(text.replace("fiscal_year: 2021", "fiscal_year: 2022")))
    assert (finding.rule, finding.severity, finding.line) == (
        "fiscal-year-source",
        Severity.WARNING,
        4,
    )
    assert (finding.expected, finding.actual) == (2021, 2022)
    assert findings_of(text.replace("令和3年度", "2021年度")) == []
    assert only(findings_of(text.replace("令和3年度", "2020年度"))).expected == 2020


@pytest.mark.parametrize("written", ["-50", '"-50"', '"△50"', '"▲５０"'])
def test_change_holds_a_decrease_written_as_the_document_prints_it(written: str) -> None:
    text = change(
        BASE, 12, "amount: 1000", f"amount: 1000\n    prior_amount: 1050\n    change: {written}"
    )
    assert findings_of(text) == []


def test_change_that_is_not_amount_minus_prior_names_both_figures() -> None:
    text = change(
        BASE, 17, "amount: 700", "amount: 700\n        prior_amount: 600\n        change: 200"
    )
    finding = only(findings_of(text))
    assert (finding.rule, finding.severity, finding.path) == (
        "change",
        Severity.ERROR,
        "policies[0].programs[0].change",
    )
    assert (finding.expected, finding.actual, finding.difference) == (200, 100, -100)
    assert finding.line == 19
    # Without a prior amount the printed change says nothing that can be checked.
    assert findings_of(text.replace("        prior_amount: 600\n", "")) == []


@pytest.mark.parametrize("written", ["1.5", '"50千円"', "true", '"△-5"'])
def test_change_is_read_exactly_or_refused(written: str) -> None:
    text = change(
        BASE, 12, "amount: 1000", f"amount: 1000\n    prior_amount: 950\n    change: {written}"
    )
    result = load_text(text, "t.yaml")
    assert result.ledger is None
    assert any("change" in finding.path for finding in result.findings)
