"""`izumi schema`: the JSON Schema accepts the bundled ledger and refuses a broken one."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest
import yaml
from support import REPO, run_cli


def schema() -> dict[str, Any]:
    result = run_cli("schema")
    assert result.exit_code == 0
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def bundled() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((REPO / "data" / "programs.yaml").read_text("utf-8"))
    return data


def test_the_schema_is_draft_2020_12_and_itself_valid() -> None:
    document = schema()
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(document)


def test_the_bundled_ledger_is_valid() -> None:
    jsonschema.Draft202012Validator(schema()).validate(bundled())


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda d: d["policies"][0]["programs"][0].update(ammount=1), "ammount"),
        (lambda d: d["policies"][0]["programs"][0].update(amount="6,588円"), "6,588円"),
        (lambda d: d["policies"][0]["programs"][0].update(amount=-1), "-1"),
        (lambda d: d["policies"][0]["programs"][0].update(tags=["目玉"]), "目玉"),
        (lambda d: d.update(unit="ドル"), "ドル"),
        (
            lambda d: d["policies"][0]["programs"][1]["items"][0]["details"][0].update(label="あ"),
            "あ",
        ),
        (lambda d: d.pop("city"), "city"),
    ],
)
def test_a_broken_copy_is_refused(change: Any, complaint: str) -> None:
    broken = copy.deepcopy(bundled())
    change(broken)
    errors = list(jsonschema.Draft202012Validator(schema()).iter_errors(broken))
    assert errors
    assert any(complaint in error.message for error in errors)


def test_amounts_may_be_written_as_the_format_allows() -> None:
    data = bundled()
    data["policies"][0]["programs"][0]["amount"] = "６，５８８"
    jsonschema.Draft202012Validator(schema()).validate(data)


def test_every_field_is_described_in_japanese_and_english() -> None:
    document = schema()
    objects = [document, *document["$defs"].values()]
    for described in objects:
        for name, prop in described["properties"].items():
            japanese, english = prop["description"].split("\n\n")
            assert any(ord(char) > 0x3000 for char in japanese), name
            assert any(char.isascii() and char.isalpha() for char in english), name


def test_optional_lists_default_to_empty_and_are_not_shared() -> None:
    from izumi_ledger.format.models import Item

    definitions = schema()["$defs"]
    for model, field in [("Item", "details"), ("Program", "items"), ("Program", "notes")]:
        assert definitions[model]["properties"][field]["default"] == []
    first = Item.model_validate({"number": 1, "name": "一", "amount": 1})
    second = Item.model_validate({"number": 2, "name": "二", "amount": 2})
    first.tags.append("重点")
    assert second.tags == []
