"""LibYAML and the pure-Python parser give the same values, positions and findings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support import REPO

from izumi_ledger.format.validate import keys_of
from izumi_ledger.source.reader import FAST_LOADER, PURE_LOADER, ParsedYaml, parse_yaml

FILES = sorted((REPO / "tests" / "bad").glob("*.yaml")) + [REPO / "data" / "programs.yaml"]


def summary(parsed: ParsedYaml) -> tuple[Any, ...]:
    positions = {}
    if isinstance(parsed.data, dict):
        for key in parsed.data:
            positions[key] = (parsed.source.key_position((key,)), parsed.source.position((key,)))
    findings = [(f.rule, f.line, f.column, f.path, f.message) for f in parsed.findings]
    return repr(parsed.data), positions, findings, sorted(map(str, parsed.refused_paths))


@pytest.mark.skipif(FAST_LOADER is PURE_LOADER, reason="PyYAML was built without LibYAML")
@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_both_parsers_agree_on_the_corpus(path: Path) -> None:
    data = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    fast = parse_yaml(data, path.name, keys_of, FAST_LOADER)
    pure = parse_yaml(data, path.name, keys_of, PURE_LOADER)
    if not any(f.rule == "yaml-syntax" for f in fast.findings):
        assert summary(fast) == summary(pure)
    else:  # both refuse; the parsers word a syntax error differently
        assert fast.data is None and pure.data is None
        assert {f.rule for f in fast.findings} == {f.rule for f in pure.findings}


@pytest.mark.skipif(FAST_LOADER is PURE_LOADER, reason="PyYAML was built without LibYAML")
def test_both_parsers_agree_on_generated_ledgers() -> None:
    import sys

    sys.path.insert(0, str(REPO))
    from bench.generate import ledger_text

    for items in (10, 333):
        data = ledger_text(items, seed=items).encode()
        fast = parse_yaml(data, "g.yaml", keys_of, FAST_LOADER)
        pure = parse_yaml(data, "g.yaml", keys_of, PURE_LOADER)
        assert fast.data == pure.data
        assert summary(fast) == summary(pure)
        program = ("policies", 0, "programs", 1, "items", 2, "amount")
        assert fast.source.position(program) == pure.source.position(program)
