"""Fixtures shared by the tests."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import REPO, LedgerWriter

from izumi_ledger.text import messages

# The browser for the report's tests (tests/browser/): started only by a test that asks.
pytest_plugins = ["browser_support"]


def pytest_configure(config: pytest.Config) -> None:
    # The cache is on by default: the tests use it as a user would, in a folder of their own
    # rather than the user's cache folder.
    os.environ["IZUMI_CACHE_DIR"] = tempfile.mkdtemp(prefix="izumi-test-cache-")


@pytest.fixture(autouse=True)
def japanese_by_default() -> Iterator[None]:
    """Each test starts in the default language, whatever an earlier --lang chose."""
    messages.reset()
    yield
    messages.reset()


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Run from the repository root so the bundled ledger is named data/programs.yaml."""
    monkeypatch.chdir(REPO)
    yield REPO


@pytest.fixture
def ledger_file(tmp_path: Path) -> LedgerWriter:
    """Write an inline ledger into a temporary folder."""
    return LedgerWriter(tmp_path)
