"""Inputs no ledger should be: each refused quickly, in bounded memory, never with a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from stress import PEAK_REPORTER
from support import run_cli

from izumi_ledger.loading import load

MB = 1024 * 1024


def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "locked.yaml"
    path.write_text("ledger: 1\n")
    path.chmod(0)
    opened = os.open

    def refuse(name: object, *args: object, **kwargs: object) -> int:
        # Root reads anything, so the file is refused the way the system would refuse it.
        if name == path:
            raise PermissionError(13, "Permission denied")
        return opened(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    return path


def broken_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "gone.yaml")
    return link


def pipe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)  # reading it would block forever
    return fifo


def missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return tmp_path / "nowhere" / "ledger.yaml"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (locked, "読み取りの権限がありません"),
        (broken_link, "リンク先のないシンボリックリンク"),
        (pipe, "通常のファイルではありません"),
        (lambda tmp_path, monkeypatch: Path("/dev/zero"), "通常のファイルではありません"),
        (lambda tmp_path, monkeypatch: tmp_path, "ディレクトリです"),
        (missing, "ファイルがありません"),
    ],
    ids=["unreadable", "broken-symlink", "named-pipe", "device", "directory", "missing"],
)
def test_paths_that_are_not_readable_files(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make: Callable[[Path, pytest.MonkeyPatch], Path],
    message: str,
) -> None:
    path = make(tmp_path, monkeypatch)
    checked = run_cli("check", "-l", str(path))
    if path.is_dir():  # check and totals read a folder as a collection: this one has none
        expected, said = "台帳（*.yaml）がありません", checked.stderr
    else:
        expected, said = message, checked.stdout
    assert (checked.exit_code, expected in said) == (2, True), checked.stdout
    totals = run_cli("totals", "-l", str(path))
    assert (totals.exit_code, expected in totals.stderr) == (2, True), totals.stderr


def test_a_one_megabyte_line(tmp_path: Path) -> None:
    path = tmp_path / "line.yaml"
    path.write_text("ledger: 1\ncity: " + "泉" * MB + "\n", encoding="utf-8")
    result = load(path)
    assert result.ledger is None
    assert {finding.rule for finding in result.findings} == {"schema"}  # missing keys, no crash


def test_long_lines_are_shown_as_a_window(tmp_path: Path) -> None:
    path = tmp_path / "line.yaml"
    path.write_text("ledger: 1\nwards: " + "泉" * MB + "\n", encoding="utf-8")
    result = run_cli("check", "-l", str(path))
    assert result.exit_code == 2
    assert max(len(line) for line in result.stdout.splitlines()) < 300


def test_deep_nesting(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("ledger: 1\nnotes: " + "[" * 50_000 + "]" * 50_000 + "\n")
    finding = load(path).findings[0]
    assert finding.rule in ("yaml-syntax", "yaml-strict")


def test_output_cut_short_by_the_reader_is_not_a_failure(tmp_path: Path) -> None:
    reader = subprocess.Popen(
        f"{sys.executable} -m izumi_ledger list --items | head -n 1",
        shell=True,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    stdout, stderr = reader.communicate(timeout=60)
    assert stdout.strip()
    assert "Traceback" not in stderr and "想定外" not in stderr


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("one-scalar", b"a" * (20 * MB)),
        ("a-list", b"- a\n" * (5 * MB)),
        ("junk-keys", b"".join(b"k%d: v\n" % index for index in range(2 * MB))),
        ("random-bytes", os.urandom(20 * MB)),
    ],
)
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_large_non_ledgers_are_refused_in_bounded_memory(
    tmp_path: Path, name: str, content: bytes
) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-c", PEAK_REPORTER, "check", "-l", str(path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "80", "NO_COLOR": "1"},
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    peak = int(result.stderr.rsplit("PEAK ", 1)[1].split()[0]) * 1024
    # Python and the libraries take about 50 MB; the file may cost a few times its size.
    assert peak < 80 * MB + 4 * len(content), f"peak {peak / MB:.0f} MB"
