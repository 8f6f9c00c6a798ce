"""`izumi report` on the command line: where the page goes, what it refuses, and what it
says; the page of the bundled ledger pinned whole."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from support import REPO, assert_golden, izumi, run_cli

HOSTILE = "tests/fixtures/report/hostile.yaml"


def test_the_bundled_ledgers_page_is_pinned(in_repo: Path) -> None:
    result = run_cli("report", "-o", "-", "--ledger", "data/programs.yaml")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert_golden("report.html", result.stdout)


def test_the_page_is_small(in_repo: Path) -> None:
    result = run_cli("report", "-o", "-")
    assert len(result.stdout.encode("utf-8")) < 200_000


def test_report_writes_the_file_and_says_where(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = run_cli("report", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert str(target) in result.stderr
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'lang="ja"' in page


def test_an_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("mine", encoding="utf-8")
    result = run_cli("report", "-o", str(target))
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == "mine"
    assert run_cli("report", "-o", str(target), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("name", ["report.csv", "programs.yaml", "out.json", "chart.PNG"])
def test_a_name_of_another_kind_of_file_is_refused(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    result = run_cli("report", "-o", str(target), "--force")
    assert result.exit_code == 2
    assert "HTML" in result.stderr
    assert not target.exists()


def test_the_ledger_itself_is_never_written_over(tmp_path: Path) -> None:
    ledger = tmp_path / "programs.yaml"
    ledger.write_bytes((REPO / "data" / "programs.yaml").read_bytes())
    before = ledger.read_bytes()
    result = run_cli("report", "-l", str(ledger), "-o", str(ledger), "--force")
    assert result.exit_code == 2
    assert ledger.read_bytes() == before


def test_a_terminal_is_not_sent_html(tmp_path: Path) -> None:
    # Run with stdout on a pseudo-terminal, as a user typing `izumi report` would.
    main, secondary = pty.openpty()
    try:
        run = subprocess.run(
            [sys.executable, "-m", "izumi_ledger", "report"],
            stdout=secondary,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            text=True,
            timeout=60,
            env={**os.environ, "NO_COLOR": "1"},
        )
    finally:
        os.close(secondary)
        os.close(main)
    assert run.returncode == 2
    assert "-o" in run.stderr and "Traceback" not in run.stderr


def test_a_failing_ledger_is_reported_with_its_banner_and_a_note(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = run_cli("report", "-l", str(REPO / HOSTILE), "-o", str(target))
    assert result.exit_code == 0
    assert "誤り" in result.stderr  # the note that its figures do not add up
    page = target.read_text(encoding="utf-8")
    assert 'class="banner" role="alert"' in page


def test_an_unreadable_ledger_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = run_cli("report", "-l", str(tmp_path / "missing.yaml"), "-o", str(target))
    assert result.exit_code == 2
    assert not target.exists()


@pytest.mark.parametrize("where", ["missing/report.html", "a-file/report.html", "."])
def test_an_output_that_cannot_be_written_is_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("report", "-o", where)
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith("izumi: ")


def test_the_page_in_english(tmp_path: Path) -> None:
    result = run_cli("report", "-o", "-", "--lang", "en")
    assert result.exit_code == 0
    assert '<html lang="en">' in result.stdout
    assert "Every figure adds up" in result.stdout


def test_a_reader_that_stops_early_is_no_failure(tmp_path: Path) -> None:
    run = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m izumi_ledger report -o - | head -c 10"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.stdout == "<!DOCTYPE "
    assert "Traceback" not in run.stderr and "想定外" not in run.stderr


def test_a_link_to_the_ledger_is_never_written_through(tmp_path: Path) -> None:
    ledger = tmp_path / "programs.yaml"
    ledger.write_bytes((REPO / "data" / "programs.yaml").read_bytes())
    before = ledger.read_bytes()
    (tmp_path / "report.html").symlink_to(ledger)
    (tmp_path / "budget").write_bytes(before)
    (tmp_path / "out.json").symlink_to(ledger)
    (tmp_path / "o.xlsx").symlink_to(ledger)
    cases = [
        ("report", "-l", str(ledger), "-o", str(tmp_path / "report.html"), "--force"),
        ("report", "-l", str(tmp_path / "budget"), "-o", str(tmp_path / "budget"), "--force"),
        ("export", "-l", str(ledger), "-o", str(tmp_path / "out.json"), "--force"),
        ("export", "-l", str(ledger), "-f", "xlsx", "-o", str(tmp_path / "o.xlsx"), "--force"),
    ]
    for args in cases:
        result = run_cli(*args)
        assert result.exit_code == 2, args
        assert "読んでいるファイル" in result.stderr or "yaml のファイル" in result.stderr
    assert ledger.read_bytes() == before and (tmp_path / "budget").read_bytes() == before


def test_an_import_never_writes_over_its_document(tmp_path: Path) -> None:
    document = tmp_path / "budget.txt"
    document.write_bytes((REPO / "tests" / "fixtures" / "izumi-fy2021-policy2.txt").read_bytes())
    before = document.read_bytes()
    result = run_cli(
        "import", str(document), "--city", "横浜市", "--ward", "泉区", "--fiscal-year", "2021",
        "-o", str(document), "--force",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "読んでいるファイル" in result.stderr
    assert document.read_bytes() == before


@pytest.mark.parametrize("name", ["newdir/", " ", "\t"])
def test_a_name_of_a_folder_or_of_nothing_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("report", "-o", name)
    assert result.exit_code == 2, result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_ledger_whose_name_is_not_utf8_is_reported(tmp_path: Path) -> None:
    name = os.fsdecode(b"\xff\xfe.yaml")
    (tmp_path / name).write_bytes((REPO / "data" / "programs.yaml").read_bytes())
    run = izumi("report", "-l", name, "-o", "report.html", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "\\udcff\\udcfe.yaml" in page


def test_a_folder_export_never_takes_the_ledger_or_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "dp"
    folder.mkdir()
    ledger = folder / "datapackage.json"
    ledger.write_bytes((REPO / "data" / "programs.yaml").read_bytes())
    result = run_cli("export", "-l", str(ledger), "-f", "datapackage", "-o", str(folder), "--force")
    assert result.exit_code == 2 and "読んでいるファイル" in result.stderr
    assert ledger.exists()
    monkeypatch.chdir(folder)
    for where in (".", str(folder), str(tmp_path)):
        result = run_cli("export", "-f", "csv", "-o", where, "--force")
        assert result.exit_code == 2, where
        assert "今いるフォルダ" in result.stderr
    assert ledger.exists()


@pytest.mark.parametrize("name", ["report.html ", " report.html", "report.xhtml"])
def test_a_name_a_browser_would_not_open_as_html_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("report", "-o", name)
    assert result.exit_code == 2
    assert list(tmp_path.iterdir()) == []
