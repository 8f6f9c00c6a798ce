"""Every file in tests/bad/ is refused with the expected exit status, message and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import run_cli

BAD = Path(__file__).resolve().parent / "bad"
EXPECTED: dict[str, dict[str, object]] = json.loads(
    (BAD / "expected.json").read_text(encoding="utf-8")
)


def test_the_corpus_is_complete() -> None:
    on_disk = {path.name for path in BAD.iterdir() if path.name != "expected.json"}
    assert on_disk == set(EXPECTED)
    assert len(on_disk) >= 60


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_ledger(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = EXPECTED[name]
    monkeypatch.chdir(BAD)
    result = run_cli("check", "--ledger", name)
    assert result.exit_code == expected["exit"], result.stdout
    assert str(expected["message"]) in result.stdout
    place = f"{name}:{expected['line']}:" if expected["line"] else f"{name}: error"
    assert place in result.stdout, result.stdout
    for command in (["totals"], ["list"], ["show", "1"]):
        other = run_cli(*command, "--ledger", name)
        assert other.exit_code in (0, 2), (command, other.stderr)
        if expected["exit"] == 2:
            assert other.exit_code == 2
            assert place in other.stderr
