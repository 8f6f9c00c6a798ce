"""Properties that hold for every ledger: generated ledgers from the models' own shape."""

from __future__ import annotations

import copy
import unicodedata
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import load_text

from izumi_ledger.export.yaml import dump_data, dump_ledger
from izumi_ledger.figures.totals import GROUP_BY, group_totals, ledger_total, programs_of
from izumi_ledger.findings import Finding
from izumi_ledger.format.models import DETAIL_LABELS, TAGS, Ledger
from izumi_ledger.rules import apply_rules
from izumi_ledger.text.visible import escaped_characters

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SECTION_POOL = ["総務課", "区政推進課", "地域振興課", "福祉保健課", "こども家庭支援課"]

# Text as people type it in a ledger: Japanese, ASCII, full-width forms, and awkward YAML words.
# Built a character at a time, so that almost nothing drawn is thrown away: a text begins and
# ends with a character that is not white space.
text_char = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"))
text_edge = text_char.filter(lambda char: not char.isspace())
# Names hold no invisible, private-use or unassigned character and begin with no combining
# mark (rule name-character).
name_char = st.characters(
    codec="utf-8", exclude_categories=("Cs", "Cc", "Cf", "Co", "Cn", "Zl", "Zp")
).filter(lambda char: not escaped_characters(char))
name_edge = name_char.filter(
    lambda char: not char.isspace() and not unicodedata.category(char).startswith("M")
)


def _bounded(edge: st.SearchStrategy[str], inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        edge,
        st.builds(
            lambda first, middle, last: first + middle + last,
            edge,
            st.text(inner, max_size=18),
            edge,
        ),
    )


name = st.one_of(
    _bounded(name_edge, name_char),
    st.sampled_from(["yes", "no", "0570", "1,000", "- 項目", "# 注", "null", "地域: 力", "'引用'"]),
)
text = st.one_of(
    _bounded(text_edge, text_char),
    st.sampled_from(["yes", "no", "0570", "1,000", "- 項目", "# 注", "null", "地域: 力", "'引用'"]),
)
amounts = st.integers(min_value=0, max_value=10**9)


@st.composite
def details(draw: st.DrawFn) -> list[dict[str, Any]]:
    count = draw(st.integers(0, 3))
    with_amounts = draw(st.booleans())
    result = []
    for index in range(count):
        detail: dict[str, Any] = {"label": DETAIL_LABELS[index], "text": draw(text)}
        if draw(st.booleans()):
            detail["name"] = draw(name)
        if with_amounts:
            detail["amount"] = draw(amounts)
        result.append(detail)
    return result


@st.composite
def items(draw: st.DrawFn) -> list[dict[str, Any]]:
    result = []
    for index in range(draw(st.integers(0, 3))):
        item_details = draw(details())
        amounts_given = [detail["amount"] for detail in item_details if "amount" in detail]
        # Told apart by their number: no two items of a program share a name (duplicate-name).
        item: dict[str, Any] = {"number": index + 1, "name": f"{draw(name)} ({index + 1})"}
        item["amount"] = sum(amounts_given) if amounts_given else draw(amounts)
        if draw(st.booleans()):
            item["tags"] = ["新規"]
        if draw(st.booleans()):
            item["summary"] = draw(text)
        if item_details:
            item["details"] = item_details
        result.append(item)
    return result


@st.composite
def ledgers(draw: st.DrawFn) -> dict[str, Any]:
    """A valid ledger as plain values: every sum adds up and every listed section is used."""
    used: list[str] = []
    policies = []
    first_policy = draw(st.integers(1, 5))
    for p_index in range(draw(st.integers(1, 3))):
        programs = []
        for g_index in range(draw(st.integers(0, 4))):
            program_items = draw(items())
            sections = draw(
                st.lists(st.sampled_from(SECTION_POOL), min_size=1, max_size=3, unique=True)
            )
            used.extend(section for section in sections if section not in used)
            program: dict[str, Any] = {
                "number": g_index + 1,
                # Told apart by their place, so that no two look alike (rule look-alike-name).
                "name": f"{draw(name)} {p_index}-{g_index}",
                "amount": sum(item["amount"] for item in program_items)
                if program_items
                else draw(amounts),
                "sections": sections,
            }
            tags = draw(st.lists(st.sampled_from(TAGS), unique=True, max_size=3))
            if tags:
                program["tags"] = tags
            if program_items:
                program["items"] = program_items
            if draw(st.booleans()):
                program["related"] = [
                    {"name": draw(name), "funding": draw(name), "amount": draw(amounts)}
                ]
            programs.append(program)
        policy: dict[str, Any] = {
            "number": first_policy + p_index,
            "title": f"{draw(name)} {p_index}",
            "amount": sum(program["amount"] for program in programs),
        }
        if draw(st.booleans()):
            policy["prior_amount"] = draw(amounts)
        if draw(st.booleans()):
            policy["program_count"] = len(programs)
        policy["programs"] = programs
        policies.append(policy)
    data: dict[str, Any] = {
        "ledger": 1,
        "city": draw(name),
        "ward": draw(name),
        "fiscal_year": draw(st.integers(1990, 2100)),
        "unit": draw(st.sampled_from(["千円", "円", "万円"])),
        "source": draw(text),
        "sections": used,
        "policies": policies,
    }
    if draw(st.booleans()):
        data["amount"] = sum(policy["amount"] for policy in policies)
    return data


def load(data: dict[str, Any]) -> tuple[Ledger, list[Finding]]:
    result = load_text(dump_data(data), "generated.yaml")
    assert result.ledger is not None, result.findings
    return result.ledger, apply_rules(result.ledger, result.source)


@SETTINGS
@given(ledgers())
def test_valid_ledgers_pass_check(data: dict[str, Any]) -> None:
    _, findings = load(data)
    assert findings == []


@SETTINGS
@given(ledgers())
def test_load_dump_load_is_the_identity(data: dict[str, Any]) -> None:
    ledger, _ = load(data)
    again = load_text(dump_ledger(ledger), "again.yaml")
    assert again.ledger == ledger


def amount_paths(data: dict[str, Any]) -> list[tuple[str | int, ...]]:
    """Every stated amount that takes part in a sum (related amounts never do)."""
    paths: list[tuple[str | int, ...]] = [("amount",)] if "amount" in data else []
    for p, policy in enumerate(data["policies"]):
        paths.append(("policies", p, "amount"))
        for g, program in enumerate(policy["programs"]):
            paths.append(("policies", p, "programs", g, "amount"))
            for i, item in enumerate(program.get("items", [])):
                item_path = ("policies", p, "programs", g, "items", i)
                paths.append((*item_path, "amount"))
                for d, detail in enumerate(item.get("details", [])):
                    if "amount" in detail:
                        paths.append((*item_path, "details", d, "amount"))
    return paths


def get(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def dotted(path: tuple[str | int, ...]) -> str:
    return "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path).lstrip(
        "."
    )


def expected_findings(data: dict[str, Any]) -> set[tuple[str, str, int, int]]:
    """The sum findings of a ledger, computed here from plain values without the rules."""
    found = set()

    def compare(rule: str, path: tuple[str | int, ...], stated: int, parts: int) -> None:
        if stated != parts:
            found.add((rule, dotted(path), stated, parts))

    if "amount" in data:
        compare(
            "policy-sum",
            ("amount",),
            data["amount"],
            sum(policy["amount"] for policy in data["policies"]),
        )
    for p, policy in enumerate(data["policies"]):
        compare(
            "program-sum",
            ("policies", p, "amount"),
            policy["amount"],
            sum(program["amount"] for program in policy["programs"]),
        )
        for g, program in enumerate(policy["programs"]):
            if program.get("items"):
                compare(
                    "item-sum",
                    ("policies", p, "programs", g, "amount"),
                    program["amount"],
                    sum(item["amount"] for item in program["items"]),
                )
            for i, item in enumerate(program.get("items", [])):
                given_amounts = [d["amount"] for d in item.get("details", []) if "amount" in d]
                if item.get("details") and len(given_amounts) == len(item["details"]):
                    compare(
                        "detail-sum",
                        ("policies", p, "programs", g, "items", i, "amount"),
                        item["amount"],
                        sum(given_amounts),
                    )
    return found


@SETTINGS
@given(ledgers(), st.data())
def test_changing_one_amount_breaks_exactly_the_sums_it_is_part_of(
    data: dict[str, Any], draw: st.DataObject
) -> None:
    path = draw.draw(st.sampled_from(amount_paths(data)))
    changed = copy.deepcopy(data)
    parent = get(changed, path[:-1])
    old = parent["amount"]
    parent["amount"] = draw.draw(
        st.integers(0, 10**9).filter(lambda value: value != old), label="new amount"
    )
    _, findings = load(changed)
    actual = {(f.rule, f.path, f.expected, f.actual) for f in findings}
    expected = expected_findings(changed)
    assert actual == expected
    assert expected, "a changed amount always breaks at least one sum"
    for finding in findings:
        assert isinstance(finding.expected, int) and isinstance(finding.actual, int)
        assert finding.difference == finding.actual - finding.expected
        assert finding.line > 0


@SETTINGS
@given(ledgers())
def test_totals_equal_the_sum_of_the_leaves_under_every_grouping(data: dict[str, Any]) -> None:
    ledger, _ = load(data)
    leaves = 0
    for ref in programs_of(ledger):
        program = ref.program
        leaves += sum(item.amount for item in program.items) if program.items else program.amount
    assert ledger_total(ledger) == leaves
    for by in GROUP_BY:
        groups = group_totals(ledger, by)
        for group in groups:
            assert group.sole + group.shared == group.amount
        covered = {(ref.policy.number, ref.program.number) for g in groups for ref in g.programs}
        covered |= {(ref.policy.number, ref.program.number) for g in groups for ref, _ in g.items}
        assert covered == {(r.policy.number, r.program.number) for r in programs_of(ledger)}
        if by in ("program", "policy"):
            assert sum(group.amount for group in groups) == leaves
            continue
        # Each part of a program's amount counts in full under each of its k keys (alone
        # when k is 1): a tag on an item makes that item a part of its own.
        parts: list[tuple[int, int]] = []
        for ref in programs_of(ledger):
            program = ref.program
            tagged = [item for item in program.items if item.tags] if by == "tag" else []
            own = program.sections if by == "section" else program.tags
            for item in tagged:
                parts.append((item.amount, len(set(program.tags) | set(item.tags))))
            if not tagged or len(tagged) < len(program.items):
                rest = program.amount - sum(item.amount for item in tagged)
                parts.append((rest, len(own) or 1))
        assert sum(group.sole for group in groups) == sum(a for a, k in parts if k == 1)
        assert sum(group.shared for group in groups) == sum(a * k for a, k in parts if k > 1)


def test_the_benchmark_ledgers_are_valid() -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.generate import ledger_text

    result = load_text(ledger_text(250), "bench.yaml")
    assert result.ledger is not None, result.findings
    assert apply_rules(result.ledger, result.source) == []
    assert sum(len(ref.program.items) for ref in programs_of(result.ledger)) == 250
