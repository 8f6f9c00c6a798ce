"""The one way out: a reader that stops early, a full disk, standard input, and every format
of every query command defined once."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from support import REPO, SMALL, LedgerWriter, run_cli

from izumi_ledger.cli.render.findings import github_annotation
from izumi_ledger.loading import check

# A ledger with one item-sum error, written out large enough that a pipe fills.
BIG_PROGRAMS = 3000


def _big_ledger(folder: Path, wrong: bool) -> Path:
    programs = "".join(
        f"      - {{number: {n}, name: 事業{n}, amount: 1, sections: [地域振興課]}}\n"
        for n in range(1, BIG_PROGRAMS + 1)
    )
    amount = BIG_PROGRAMS + (1 if wrong else 0)
    text = SMALL.split("policies:")[0] + (
        f"policies:\n  - number: 1\n    title: 施策\n    amount: {amount}\n    programs:\n"
        + programs
    )
    path = folder / ("wrong.yaml" if wrong else "right.yaml")
    path.write_text(text, encoding="utf-8")
    return path


def _through_head(arguments: str, cwd: Path) -> tuple[int, str]:
    """The exit status izumi gives when `head -n 1` stops reading after one line."""
    script = f"{sys.executable} -m izumi_ledger {arguments} | head -n 1; exit ${{PIPESTATUS[0]}}"
    run = subprocess.run(
        ["bash", "-c", script], cwd=cwd, capture_output=True, text=True, timeout=120
    )
    return run.returncode, run.stderr


@pytest.mark.parametrize(
    ("wrong", "command", "status"),
    [
        (False, "check --format github", 0),
        (False, "list", 0),
        (True, "check --format github", 1),
        (True, "check --format csv", 1),
        (False, "totals --format csv", 0),
    ],
)
def test_a_reader_that_stops_early_leaves_the_status_the_command_has(
    tmp_path: Path, wrong: bool, command: str, status: int
) -> None:
    path = _big_ledger(tmp_path, wrong)
    if command.startswith("check --format github") and not wrong:
        # A clean ledger has no annotations: make the output long some other way.
        command = "check --format json"
    code, stderr = _through_head(f"{command} -l {path}", tmp_path)
    assert code == status, stderr
    assert "Traceback" not in stderr and "想定外" not in stderr and "unexpected" not in stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["export"], ["totals", "--format", "json"], ["schema"]])
def test_a_full_disk_on_standard_output_is_exit_2_with_a_message(command: list[str]) -> None:
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "izumi_ledger", *command],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert run.returncode == 2, run.stderr
    assert "標準出力" in run.stderr and "Traceback" not in run.stderr


def test_a_full_disk_for_a_file_names_the_file_not_a_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    result = run_cli("export", "-o", str(target), "--no-cache")
    assert result.exit_code == 2
    assert str(target) in result.stderr and "ディスクがいっぱいです" in result.stderr
    assert ".izumi-tmp" not in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_output_in_a_folder_that_is_a_file_is_exit_2(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    result = run_cli("export", "-o", str(blocked / "out.json"))
    assert result.exit_code == 2
    assert str(blocked / "out.json") in result.stderr and "Traceback" not in result.stderr


def test_an_import_to_a_missing_folder_is_exit_2(tmp_path: Path) -> None:
    document = REPO / "tests" / "fixtures" / "izumi-fy2021-policy2.txt"
    target = tmp_path / "missing" / "ledger.yaml"
    result = run_cli(
        "import",
        str(document),
        "-o",
        str(target),
        "--fiscal-year",
        "2021",
        "--city",
        "横浜市",
        "--ward",
        "泉区",
    )
    assert result.exit_code == 2
    assert str(target) in result.stderr and "Traceback" not in result.stderr


def test_a_ledger_from_standard_input(ledger_file: LedgerWriter) -> None:
    text = ledger_file(SMALL).read_text(encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "izumi_ledger", "check", "-l", "-"],
        input=text,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("台帳 <stdin>\n")
    broken = subprocess.run(
        [sys.executable, "-m", "izumi_ledger", "check", "-l", "-"],
        input=text.replace("amount: 100\n    programs", "amount: 0100\n    programs"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert broken.returncode == 2 and "<stdin>:" in broken.stdout
    both = run_cli("diff", "-", "-")
    assert both.exit_code == 2 and "-" in both.stderr


def test_the_library_reads_paths_bytes_and_streams_alike(tmp_path: Path) -> None:
    path = tmp_path / "ledger.yaml"
    path.write_text(SMALL, encoding="utf-8")
    expected = check(path, name="x")
    assert check(str(path), name="x") == expected
    assert check(path.read_bytes(), name="x") == expected
    assert check(io.BytesIO(path.read_bytes()), name="x") == expected
    assert check(io.StringIO(SMALL), name="x") == expected
    with path.open("rb") as stream:
        assert check(stream, name="x") == expected
    assert check(path).name == str(path)


# -- every format of every query command ----------------------------------------------------


def test_check_takes_every_format_that_fits(ledger_file: LedgerWriter) -> None:
    path = ledger_file(SMALL.replace("amount: 100\n    programs", "amount: 90\n    programs"))
    document = json.loads(run_cli("check", "-l", str(path), "-f", "json").stdout)
    (finding,) = document["findings"]
    rows = list(csv.DictReader(io.StringIO(run_cli("check", "-l", str(path), "-f", "csv").stdout)))
    assert [row["rule"] for row in rows] == [finding["rule"]] == ["program-sum"]
    assert rows[0]["line"] == str(finding["line"]) and rows[0]["expected"] == "90"
    assert rows[0]["actual"] == "100" and rows[0]["difference"] == "10"
    markdown = run_cli("check", "-l", str(path), "-f", "markdown")
    assert markdown.exit_code == 1 and "| program-sum | error |" in markdown.stdout
    github = run_cli("check", "-l", str(path), "-f", "github").stdout
    assert github.startswith("::error file=")


def test_show_takes_markdown_and_csv() -> None:
    markdown = run_cli("show", "2", "-f", "markdown").stdout
    assert markdown.startswith("## 事業2 地域を支えるＩＣＴ活用推進事業  2,900千円\n")
    assert "  - (1) 地域向け支援  2,250千円" in markdown
    assert "    - ア 地域活動ＩＣＴ環境整備助成事業: " in markdown
    rows = list(csv.DictReader(io.StringIO(run_cli("show", "2", "-f", "csv").stdout)))
    assert rows[0]["item"] == "1" and rows[0]["amount"] == "2250"
    assert [row["label"] for row in rows if row["label"]][:2] == ["ア", "イ"]


def test_markdown_shows_names_as_text_never_as_markup(ledger_file: LedgerWriter) -> None:
    path = ledger_file(SMALL.replace("name: 事業", 'name: "<img src=x onerror=alert(1)> *x* | y"'))
    for command in (["show", "1"], ["list"]):
        out = run_cli(*command, "-l", str(path), "-f", "markdown").stdout
        assert not re.search(r"(?<!\\)<", out) and "\\<img src=x onerror=alert(1)\\>" in out
        assert "\\*x\\* \\| y" in out


def test_group_totals_have_one_shape_wherever_they_appear() -> None:
    totals = json.loads(run_cli("totals", "--by", "section", "-f", "json").stdout)["groups"]
    export = json.loads(run_cli("export").stdout)["totals"]["by_section"]
    assert totals == export
    assert set(totals[0]) == {
        "key",
        "amount",
        "sole",
        "shared",
        "programs",
        "program_refs",
        "item_refs",
    }


def test_json_is_written_one_way_everywhere() -> None:
    for command in (
        ["check", "-f", "json"],
        ["totals", "-f", "json"],
        ["list", "-f", "json"],
        ["show", "1", "-f", "json"],
        ["export"],
        ["schema"],
    ):
        out = run_cli(*command).stdout
        assert "\\u" not in out, command  # UTF-8 as it is
        assert out.endswith("}\n") or out.endswith("]\n"), command
        assert json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n" == out, command


def test_github_annotation_is_the_one_definition() -> None:
    finding = check(REPO / "tests" / "bad" / "item-sum.yaml").findings[0]
    assert github_annotation(finding).startswith("::error file=")


def test_piped_output_is_drawn_directly_without_no_color(tmp_path: Path) -> None:
    # Not a terminal: no colour, whether NO_COLOR is set or not, and the table is drawn
    # directly (rich's drawing of many rows takes seconds).
    environment = {
        k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")
    }
    plain = subprocess.run(
        [sys.executable, "-m", "izumi_ledger", "totals"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**environment, "COLUMNS": "80"},
    )
    no_color = subprocess.run(
        [sys.executable, "-m", "izumi_ledger", "totals"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**environment, "COLUMNS": "80", "NO_COLOR": "1"},
    )
    assert plain.stdout == no_color.stdout and "\x1b[" not in plain.stdout
    from support import run_in_process

    _, modules = run_in_process(["totals"], tmp_path, {"NO_COLOR": ""})
    assert "rich.table" not in modules


@pytest.mark.parametrize(
    ("redirect", "status"),
    [
        (">&-", 2),  # no standard output at all: the data cannot go anywhere
        ("2>&-", 0),  # no standard error: the messages are lost, the status is not
        ("-l tests/bad/item-sum.yaml 2>&-", 1),
        ("-l missing.yaml 2>&-", 2),
        ("-l - <&-", 2),
        ("--help >/dev/full", 2),
    ],
)
def test_closed_or_full_standard_streams_keep_the_status(redirect: str, status: int) -> None:
    run = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m izumi_ledger check {redirect}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == status, run.stderr
    assert "Traceback" not in run.stderr


def test_help_on_a_full_disk_is_exit_2() -> None:
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "izumi_ledger", "--help"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert run.returncode == 2 and "Traceback" not in run.stderr


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"ok\xff.yaml")
    (tmp_path / name).write_bytes((REPO / "data" / "programs.yaml").read_bytes())
    for _ in range(2):  # filling the cache, then from it
        run = subprocess.run(
            [sys.executable, "-m", "izumi_ledger", "list", "-l", name],
            cwd=tmp_path,
            capture_output=True,
            timeout=60,
        )
        assert run.returncode == 0, run.stderr
        assert b"ok\xff.yaml" in run.stdout


def test_a_device_or_pipe_is_never_replaced_by_a_file(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result = run_cli("export", "-o", str(pipe), "--force")
    assert result.exit_code == 2 and "-o -" in result.stderr
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


def test_a_folder_export_that_fails_leaves_the_old_files_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "csv"
    assert run_cli("export", "-f", "csv", "-o", str(folder)).exit_code == 0
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    calls = []

    def full_after_three(descriptor: int) -> None:
        calls.append(descriptor)
        if len(calls) > 3:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_after_three)
    other = REPO / "tests" / "fixtures" / "diff-old.yaml"
    result = run_cli("export", "-f", "csv", "-o", str(folder), "--force", "-l", str(other))
    assert result.exit_code == 2
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before
    fresh = tmp_path / "fresh"
    assert run_cli("export", "-f", "csv", "-o", str(fresh), "-l", str(other)).exit_code == 2
    assert not fresh.exists()


def test_a_long_output_name_is_written(tmp_path: Path) -> None:
    target = tmp_path / ("x" * 240 + ".json")
    assert run_cli("export", "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["totals"]["amount"] == 26397


def test_a_bad_cache_setting_stops_an_import_before_it_writes(tmp_path: Path) -> None:
    document = REPO / "tests" / "fixtures" / "izumi-fy2021-policy2.txt"
    target = tmp_path / "ledger.yaml"
    result = run_cli(
        "import", str(document), "-o", str(target), "--fiscal-year", "2021",
        env={"IZUMI_CACHE": "bogus"},
    )  # fmt: skip
    assert result.exit_code == 2 and not target.exists()
