"""The format compiled for pydantic-core validates exactly as the models do."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from support import REPO, run_in_process

from izumi_ledger.format import validate as models
from izumi_ledger.format.compiled import CompiledFormat, compile_format
from izumi_ledger.format.models import Ledger
from izumi_ledger.source.reader import parse_yaml

COMPILED = CompiledFormat(compile_format())
BAD = REPO / "tests" / "bad"


def _ledgers(folder: Path) -> list[Path]:
    sys.path.insert(0, str(REPO))
    from bench.generate import write_ledger

    generated = [write_ledger(folder / f"g{n}.yaml", n, seed=n) for n in (30, 300)]
    return [*sorted(BAD.glob("*.yaml")), *generated, REPO / "data" / "programs.yaml"]


def test_every_ledger_validates_the_same(tmp_path: Path) -> None:
    for path in _ledgers(tmp_path):
        data = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
        by_models = parse_yaml(data, path.name, keys=models.keys_of)
        by_compiled = parse_yaml(data, path.name, keys=COMPILED.keys_of)
        assert by_models.findings == by_compiled.findings, path.name
        if not isinstance(by_models.data, dict):
            continue
        ledger, findings = models.validate(by_models)
        nodes, compiled_findings = COMPILED.validate(by_compiled)
        assert findings == compiled_findings, path.name
        assert (ledger is None) == (nodes is None), path.name
        if ledger is not None and nodes is not None:
            assert Ledger.model_validate_json(COMPILED.to_json(nodes)) == ledger
            assert Ledger.model_validate_json(CompiledFormat.json_of(nodes)) == ledger


def test_the_compiled_format_is_plain_data_naming_only_known_functions() -> None:
    document = json.loads(compile_format())
    text = json.dumps(document)
    assert '"function": "amount"' in text and '"node": "Program"' in text
    named = {part.split('"')[0] for part in text.split('"function": "')[1:]}
    assert named <= {"amount", "change", "date", "detail_label", "list", "version"}


def test_a_compiled_format_cannot_name_other_code() -> None:
    text = compile_format().replace('"function": "amount"', '"function": "eval"', 1)
    with pytest.raises(KeyError):
        CompiledFormat(text)


def test_a_check_on_a_miss_does_not_import_the_models(tmp_path: Path) -> None:
    env = {"IZUMI_CACHE": "1", "IZUMI_CACHE_DIR": str(tmp_path / "cache")}
    ledger = tmp_path / "ledger.yaml"
    ledger.write_bytes((REPO / "data" / "programs.yaml").read_bytes())
    run_in_process(["check", "-l", str(ledger)], tmp_path, env)  # compiles the format
    ledger.write_bytes(ledger.read_bytes() + b"# edited\n")  # a miss
    result, modules = run_in_process(["check", "-l", str(ledger)], tmp_path, env)
    assert "エラー 0" in result.stdout
    assert "izumi_ledger.format.models" not in modules and "pydantic.main" not in modules
    assert "yaml" in modules  # the file was read again


def test_a_damaged_compiled_format_is_compiled_again(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    env = {"IZUMI_CACHE": "1", "IZUMI_CACHE_DIR": str(folder)}
    ledger = REPO / "tests" / "bad" / "item-sum.yaml"
    first, _ = run_in_process(["check", "-l", str(ledger)], tmp_path, env)
    (kept,) = folder.glob("*.izumi-format")
    kept.write_bytes(kept.read_bytes().replace(b'"amount"', b'"detail_label"', 1))
    for entry in folder.glob("*.izumi-cache"):
        entry.unlink()
    again, modules = run_in_process(["check", "-l", str(ledger)], tmp_path, env)
    assert again.stdout == first.stdout and "エラー 1" in again.stdout
    assert "izumi_ledger.format.models" in modules  # the damaged one was not used
    assert b'"amount"' in kept.read_bytes()


def test_a_compiled_format_that_gives_no_ledger_is_not_used(tmp_path: Path) -> None:
    import hashlib

    folder = tmp_path / "cache"
    env = {"IZUMI_CACHE": "1", "IZUMI_CACHE_DIR": str(folder)}
    ledger = REPO / "data" / "programs.yaml"
    first, _ = run_in_process(["check", "-l", str(ledger)], tmp_path, env)
    (kept,) = folder.glob("*.izumi-format")
    document = json.loads(kept.read_bytes().split(b"\n", 2)[2])
    document["schema"] = {"type": "any"}  # builds, but validates anything to a dict
    body = json.dumps(document).encode()
    kept.write_bytes(b"izumi-format 1\n" + hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    for entry in folder.glob("*.izumi-cache"):
        entry.unlink()
    again, _ = run_in_process(["check", "-l", str(ledger)], tmp_path, env)
    assert again.stdout == first.stdout and "想定外" not in again.stderr
