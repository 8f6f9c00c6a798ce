"""The commands as a user meets them: exit statuses, streams, which ledger, filters, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from support import REPO, SMALL, LedgerWriter, izumi, run_cli

from izumi_ledger.source.files import bundled_ledger

BROKEN_SUM = (
    SMALL
    + """\
        items:
          - {number: 1, name: 細, amount: 90}
"""
)


# --- check -------------------------------------------------------------------------------------


def test_check_passes_on_the_bundled_ledger_with_the_summary_line() -> None:
    result = run_cli("check")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == (
        "26,397千円 · 1 施策 · 12 事業 · 27 細事業 — エラー 0 · 警告 0"
    )


def test_check_reports_a_sum_error_in_hledger_style(ledger_file: LedgerWriter) -> None:
    path = ledger_file(BROKEN_SUM)
    result = run_cli("check", "--ledger", str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert f"{path}:15:17: error[item-sum]" in lines
    start = lines.index(f"{path}:15:17: error[item-sum]")
    assert lines[start + 1 : start + 8] == [
        "   |",
        "15 |         amount: 100",
        "   |                 ^^^",
        "  事業 1「事業」の予算額が細事業の合計と合いません（policies[0].programs[0].amount）",
        "  文書の額      100千円",
        "  細事業の合計  90千円",
        "  差            △10千円（細事業の合計が少ない）",
    ]
    assert lines[start + 8].startswith("  ヒント: ")
    assert lines[-1] == "100千円 · 1 施策 · 1 事業 · 1 細事業 — エラー 1 · 警告 0"


def test_check_json_has_the_documented_shape(ledger_file: LedgerWriter) -> None:
    path = ledger_file(BROKEN_SUM)
    result = run_cli("check", "-l", str(path), "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert list(document) == ["ledger", "ok", "errors", "warnings", "findings"]
    assert (document["ledger"], document["ok"], document["errors"]) == (str(path), False, 1)
    assert document["findings"] == [
        {
            "rule": "item-sum",
            "severity": "error",
            "file": str(path),
            "line": 15,
            "column": 17,
            "path": "policies[0].programs[0].amount",
            "message": "事業 1「事業」の予算額が細事業の合計と合いません",
            "hint": "事業の amount と各細事業の amount を文書と照らし合わせてください",
            "expected": 100,
            "actual": 90,
            "difference": -10,
        }
    ]


def test_json_findings_of_the_whole_file_have_no_line() -> None:
    document = json.loads(
        run_cli("check", "-l", str(REPO / "tests/bad/empty.yaml"), "-f", "json").stdout
    )
    (finding,) = document["findings"]
    assert (finding["line"], finding["column"]) == (None, None)


def test_warnings_pass_unless_strict(ledger_file: LedgerWriter) -> None:
    path = ledger_file(
        BROKEN_SUM.replace("[地域振興課]\npolicies", "[地域振興課, 総務課]\npolicies").replace(
            "amount: 90", "amount: 100"
        )
    )
    assert run_cli("check", "-l", str(path)).exit_code == 0
    strict = run_cli("check", "-l", str(path), "--strict", "--format", "json")
    assert strict.exit_code == 1
    assert json.loads(strict.stdout)["ok"] is False
    assert json.loads(strict.stdout)["warnings"] == 1


def test_a_ledger_that_does_not_match_the_format_exits_2(ledger_file: LedgerWriter) -> None:
    path = ledger_file(BROKEN_SUM.replace("name: 事業", "nmae: 事業"))
    result = run_cli("check", "-l", str(path))
    assert result.exit_code == 2
    assert f"{path}:14:9: error[schema]" in result.stdout
    assert "もしかして name？" in result.stdout
    document = json.loads(run_cli("check", "-l", str(path), "-f", "json").stdout)
    assert document["ok"] is False
    assert {finding["rule"] for finding in document["findings"]} == {"schema"}


@pytest.mark.parametrize("command", [["totals"], ["list"], ["show", "1"]])
def test_other_commands_refuse_an_unreadable_ledger_on_stderr(
    ledger_file: LedgerWriter, command: list[str]
) -> None:
    path = ledger_file("ledger: 1\ncity: [\n")
    result = run_cli(*command, "-l", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{path}:" in result.stderr and "error[yaml-syntax]" in result.stderr


def test_other_commands_warn_when_the_sums_are_wrong(ledger_file: LedgerWriter) -> None:
    result = run_cli("totals", "-l", str(ledger_file(BROKEN_SUM)))
    assert result.exit_code == 0
    assert "誤りが 1 件" in result.stderr


def test_missing_file_exits_2() -> None:
    result = run_cli("totals", "-l", "no/such/file.yaml")
    assert result.exit_code == 2
    assert "ファイルがありません" in result.stderr


# --- which ledger ------------------------------------------------------------------------------


def test_option_beats_environment_beats_bundled(ledger_file: LedgerWriter) -> None:
    small = ledger_file(BROKEN_SUM.replace("amount: 90", "amount: 100"))
    # The bundled ledger by its name: the installed package's path is nobody's business.
    assert "台帳 programs.yaml（同梱の台帳）" in run_cli("check").stdout
    assert str(bundled_ledger()) not in run_cli("list", "-f", "markdown").stdout
    from_env = run_cli("check", env={"IZUMI_LEDGER": str(small)})
    assert f"台帳 {small}" in from_env.stdout
    other = ledger_file(BROKEN_SUM, "other.yaml")
    both = run_cli("check", "-l", str(other), env={"IZUMI_LEDGER": str(small)})
    assert f"台帳 {other}" in both.stdout


def test_json_output_names_the_ledger(in_repo: Path) -> None:
    for command in (["totals"], ["check"]):
        document = json.loads(run_cli(*command, "-l", "data/programs.yaml", "-f", "json").stdout)
        assert document["ledger"] == "data/programs.yaml"


# --- totals ------------------------------------------------------------------------------------


def test_totals_by_section_counts_shared_programs_for_each_section() -> None:
    document = json.loads(run_cli("totals", "--by", "section", "-f", "json").stdout)
    groups = {group["key"]: group for group in document["groups"]}
    assert groups["地域振興課"]["sole"] == 1462 + 643 + 2449 + 1748 + 2424 + 796 + 3000
    assert groups["地域振興課"]["shared"] == 6588 + 2608
    assert groups["地域振興課"]["programs"] == [1, 3, 4, 5, 6, 7, 8, 10, 12]
    assert groups["総務課"] == {
        "key": "総務課",
        "amount": 2900,
        "sole": 0,
        "shared": 2900,
        "programs": [2],
        "program_refs": [{"policy": 2, "number": 2}],
        "item_refs": [],
    }
    assert sum(group["amount"] for group in groups.values()) > document["amount"]


def test_totals_by_section_says_the_column_does_not_add_up() -> None:
    assert "計の列の合計は総額と一致しません" in run_cli("totals", "--by", "section").stdout


@pytest.mark.parametrize(("unit", "amount"), [("千円", 26397), ("円", 26397000), ("万円", 2639.7)])
def test_totals_units(unit: str, amount: float) -> None:
    document = json.loads(run_cli("totals", "--unit", unit, "-f", "json").stdout)
    assert (document["unit"], document["amount"]) == (unit, amount)


def test_totals_change_uses_triangle_for_a_decrease(ledger_file: LedgerWriter) -> None:
    text = BROKEN_SUM.replace("amount: 90", "amount: 100").replace(
        "    amount: 100\n    programs", "    amount: 100\n    prior_amount: 125\n    programs"
    )
    result = run_cli("totals", "-l", str(ledger_file(text)))
    assert "増減 △25千円（△20.0%）" in result.stdout
    document = json.loads(run_cli("totals", "-l", str(ledger_file(text)), "-f", "json").stdout)
    assert document["policies"][0]["change"] == -25


def test_totals_by_every_grouping_adds_the_program_amounts() -> None:
    for by in ("program", "policy"):
        document = json.loads(run_cli("totals", "--by", by, "-f", "json").stdout)
        assert sum(group["amount"] for group in document["groups"]) == 26397


# --- list --------------------------------------------------------------------------------------


def test_list_section_headline_use() -> None:
    result = run_cli("list", "--section", "地域振興課", "-f", "json")
    rows = json.loads(result.stdout)
    assert [row["number"] for row in rows] == [1, 3, 4, 5, 6, 7, 8, 10, 12]
    assert sum(row["amount"] for row in rows) == 21718
    table = run_cli("list", "--section", "地域振興課").stdout
    assert "合計 9 事業" in table and "21,718千円" in table


def test_list_section_matches_after_nfkc() -> None:
    rows = json.loads(run_cli("list", "--section", "高齢･障害支援課", "-f", "json").stdout)
    assert [row["number"] for row in rows] == [2]


def test_list_unknown_section_exits_2_naming_the_closest() -> None:
    result = run_cli("list", "--section", "地域振興")
    assert result.exit_code == 2
    assert "地域振興課" in result.stderr
    assert result.stdout == ""


def test_list_filters_combine() -> None:
    def numbers(*args: str) -> list[int]:
        return [row["number"] for row in json.loads(run_cli("list", *args, "-f", "json").stdout)]

    assert numbers("--tag", "重点") == [1, 2]
    # Program 1's item (3) is 新規: the program matches through its item.
    assert numbers("--tag", "新規") == [1, 2]
    assert numbers("--min-amount", "２，５００") == [1, 2, 4, 12]
    assert numbers("--grep", "ict") == [2]
    assert numbers("--grep", "カレー") == [3]
    assert numbers("--policy", "2", "--section", "区政推進課", "--sort", "amount") == [1, 2, 11, 9]
    assert numbers("--sort", "amount")[:3] == [1, 12, 2]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tag", "目玉"], "タグ '目玉'"),
        (["--policy", "9"], "施策 9"),
        (["--min-amount", "1,5,0"], "--min-amount"),
        (["--sort", "size"], "size"),
    ],
)
def test_list_bad_options_exit_2(args: list[str], message: str) -> None:
    result = run_cli("list", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_list_items_nests_items_in_json() -> None:
    rows = json.loads(run_cli("list", "--items", "--tag", "新規", "-f", "json").stdout)
    assert [item["amount"] for item in rows[1]["items"]] == [2250, 250, 400]
    assert rows[0]["item_tags"] == [{"item": 3, "tags": ["新規"]}]


# --- show --------------------------------------------------------------------------------------


def test_show_by_number_name_or_part() -> None:
    for query in ("12", "泉区民ふれあいまつり支援事業", "ふれあい"):
        document = json.loads(run_cli("show", query, "-f", "json").stdout)
        assert document["number"] == 12


def test_show_marks_related_lines_as_outside_the_total() -> None:
    result = run_cli("show", "7")
    assert "予算額の外" in result.stdout
    assert "○ スポーツ推進委員支援事業【統合事業費】  3,324千円" in result.stdout


def test_show_ambiguous_or_unknown_exits_2() -> None:
    ambiguous = run_cli("show", "地域")
    assert ambiguous.exit_code == 2
    assert "2 件" in ambiguous.stderr
    unknown = run_cli("show", "地域力支援事")
    assert unknown.exit_code == 0
    missing = run_cli("show", "存在しない事業")
    assert missing.exit_code == 2
    assert run_cli("show", "99").exit_code == 2


def test_show_policy_option_narrows(ledger_file: LedgerWriter) -> None:
    assert run_cli("show", "1", "--policy", "3").exit_code == 2
    assert run_cli("show", "1", "--policy", "2").exit_code == 0


# --- help, usage, colour -----------------------------------------------------------------------


def test_every_command_has_help_with_an_example() -> None:
    from izumi_ledger.cli.app import COMMANDS

    commands = list(COMMANDS)
    reads_a_ledger = {"check", "totals", "list", "show", "export", "report", "sql"}
    ledger_arguments = {"diff"}
    assert set(commands) == reads_a_ledger | ledger_arguments | {"import", "schema"}
    for command in commands:
        result = run_cli(str(command), "--help")
        assert result.exit_code == 0
        assert "例: izumi " in result.stdout
        # Every command that reads a ledger can be pointed at one.
        assert ("--ledger" in result.stdout) == (command in reads_a_ledger)


def test_usage_errors_exit_2() -> None:
    assert run_cli("totals", "--by", "colour").exit_code == 2
    assert run_cli("nonsense").exit_code == 2
    assert run_cli("check", "--format", "xml").exit_code == 2


def test_no_colour_with_no_color_even_when_forced() -> None:
    coloured = run_cli("show", "1", env={"NO_COLOR": "", "FORCE_COLOR": "1", "TERM": "xterm"})
    assert "\x1b[" in coloured.stdout
    plain = run_cli("show", "1", env={"NO_COLOR": "1", "FORCE_COLOR": "1", "TERM": "xterm"})
    assert "\x1b[" not in plain.stdout


# --- as installed, from another directory -----------------------------------------------------


def test_runs_from_another_directory_with_the_bundled_ledger(tmp_path: Path) -> None:
    result = izumi("totals", "--by", "section", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "地域振興課" in result.stdout
    assert izumi("check", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe\x00\x00",
        b"- a\n",
        b"ledger: [\n",
        b"a: *b\n",
        b"!!python/object:os.system x\n",
        b"ledger: 1\nledger: 1\n",
        ("x: " + "[" * 5000).encode(),
    ],
)
def test_no_traceback_for_bad_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    # One real process (what reaches a user's terminal), the other commands in this one:
    # run_cli raises anything that is not an exit.
    result = izumi("check", "-l", str(path), cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    for command in (["totals"], ["list"], ["show", "1"]):
        assert run_cli(*command, "-l", str(path)).exit_code == 2, command


def test_unexpected_failures_apologise_without_a_traceback(tmp_path: Path) -> None:
    script = (
        "import sys, izumi_ledger.rules as rules\n"
        "def boom(*a, **k):\n    raise RuntimeError('boom')\n"
        "rules.apply_rules = boom\n"
        "from izumi_ledger.cli.main import main\n"
        "sys.argv = ['izumi'] + sys.argv[1:]\n"
        "main()\n"
    )
    plain = subprocess.run(
        [sys.executable, "-c", script, "check", "--no-cache"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert plain.returncode == 3
    assert "Traceback" not in plain.stderr and "--debug" in plain.stderr
    debug = subprocess.run(
        [sys.executable, "-c", script, "--debug", "check", "--no-cache"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert debug.returncode == 3
    assert "Traceback" in debug.stderr and "RuntimeError: boom" in debug.stderr


def test_repository_ledger_is_the_documented_path() -> None:
    assert (REPO / "data" / "programs.yaml").is_file()


def test_check_github_annotations(ledger_file: LedgerWriter) -> None:
    path = ledger_file(
        BROKEN_SUM.replace("[地域振興課]\npolicies", "[地域振興課, 総務課]\npolicies")
    )
    result = run_cli("check", "-l", str(path), "--format", "github")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"::warning file={path},line=7,col=19,title=unused-section::"
        "担当課 '総務課' はどの事業にも使われていません（sections[1]）%0A"
        "不要なら sections から消してください",
        f"::error file={path},line=15,col=17,title=item-sum::"
        "事業 1「事業」の予算額が細事業の合計と合いません（policies[0].programs[0].amount）"
        " 文書の額 100 / 細事業の合計 90 / 差 -10%0A"
        "事業の amount と各細事業の amount を文書と照らし合わせてください",
    ]


def test_github_annotations_escape_what_would_break_them() -> None:
    from izumi_ledger.cli.render.findings import github_annotation
    from izumi_ledger.findings import Finding, Severity

    finding = Finding("schema", Severity.ERROR, "a,b:c.yaml", 3, 4, "", "100% 確認\n次")
    assert github_annotation(finding) == (
        "::error file=a%2Cb%3Ac.yaml,line=3,col=4,title=schema::100%25 確認%0A次"
    )


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("izumi list --section 地", ["地域振興課"]),
        ("izumi list --section ｺ", []),  # half-width katakana is folded, and matches nothing here
        ("izumi list --section 高齢", ["高齢・障害支援課"]),
        ("izumi list --tag ", ["重点", "新規", "拡充"]),
        ("izumi totals --by s", ["section"]),
        ("izumi ch", ["check"]),
    ],
)
def test_shell_completion(tmp_path: Path, words: str, expected: list[str]) -> None:
    environment = {
        "_IZUMI_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split(" ")) - 1),
    }
    result = izumi(cwd=tmp_path, env=environment)
    assert result.returncode == 0
    assert result.stdout.split() == expected
