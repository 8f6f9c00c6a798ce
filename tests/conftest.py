"""Fixtures shared by the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support import REPO, LedgerWriter


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Run from the repository root so the bundled ledger is named data/programs.yaml."""
    monkeypatch.chdir(REPO)
    yield REPO


@pytest.fixture
def ledger_file(tmp_path: Path) -> LedgerWriter:
    """Write an inline ledger into a temporary folder."""
    return LedgerWriter(tmp_path)
