"""English throughout with --lang en, Japanese throughout without: help screens, typer's usage
errors, and --lang before or after the command."""

from __future__ import annotations

import pytest
from support import run_cli

from izumi_ledger.cli.app import COMMANDS, app, load_command
from izumi_ledger.cli.helptext import ENGLISH
from izumi_ledger.cli.render.commandhelp import paragraphs


def _help_texts() -> list[str]:
    import typer

    group = typer.main.get_command(app)
    texts = [*paragraphs(group.help)]
    commands = [group, *(load_command(name) for name in COMMANDS)]
    for command in commands:
        texts.extend(paragraphs(command.help))
        for parameter in command.params:
            own = " ".join(paragraphs(getattr(parameter, "help", None)))
            if own and not own.isascii():
                texts.append(own)
    texts.extend(entry.help for entry in COMMANDS.values())
    return texts


def test_every_help_text_has_its_english() -> None:
    missing = [text for text in _help_texts() if text not in ENGLISH]
    assert missing == []


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_in_english_has_no_japanese_of_izumis_own(command: str) -> None:
    words = [command] if command else []
    shown = run_cli(*words, "--help", "--lang", "en").stdout
    assert "Usage:" in shown and "Options" in shown
    for text in _help_texts():
        if len(text) > 12:
            assert text not in shown, text
    japanese = run_cli(*words, "--help").stdout
    assert "使い方:" in japanese and "オプション" in japanese
    assert "Show this message and exit." not in japanese
    assert "この説明を表示して" in japanese


def test_defaults_and_required_are_said_in_the_screens_language() -> None:
    assert "[既定: number]" in run_cli("list", "--help").stdout
    assert "[default: number]" in run_cli("list", "--help", "--lang", "en").stdout
    assert "[必須]" in run_cli("show", "--help").stdout


# Each usage error typer raises, in Japanese and in English.
USAGE = [
    (["list", "--grp", "x"], "list: オプション --grp はありません", "there is no option --grp"),
    (["list", "-l"], "list: -l には値が必要です", "-l needs a value"),
    (["list", "--policy", "abc"], "値 'abc' は整数ではありません", "is not a whole number"),
    (["list", "--sort", "size"], "--sort に 'size' は選べません", "not a choice of --sort"),
    (["show"], "show: PROGRAM を指定してください", "PROGRAM is needed"),
    (["schema", "extra"], "余分な引数があります: extra", "arguments it does not take: extra"),
    (["chek"], "コマンド 'chek' はありません", "there is no command 'chek'"),
    (["list", "--items=yes"], "--items は値をとりません", "--items takes no value"),
    # The next option is not the value of one that needs a value.
    (
        ["list", "--section", "--grep", "x"],
        "list: --section には値が必要です",
        "list: --section needs a value",
    ),
]


@pytest.mark.parametrize(
    ("args", "japanese", "english"), USAGE, ids=[" ".join(u[0]) for u in USAGE]
)
def test_usage_errors_are_said_in_the_users_language(
    args: list[str], japanese: str, english: str
) -> None:
    in_japanese = run_cli(*args)
    assert in_japanese.exit_code == 2
    assert japanese in in_japanese.stderr, in_japanese.stderr
    assert "ヒント:" in in_japanese.stderr
    assert "╭" not in in_japanese.stderr + in_japanese.stdout  # no English box from typer
    in_english = run_cli("--lang", "en", *args)
    assert in_english.exit_code == 2
    assert english in in_english.stderr, in_english.stderr
    assert "hint:" in in_english.stderr


def test_the_did_you_mean_of_an_option() -> None:
    result = run_cli("list", "--grp", "x")
    assert "もしかして --grep？" in result.stderr


def test_lang_before_or_after_the_command() -> None:
    before = run_cli("--lang", "en", "check")
    after = run_cli("check", "--lang", "en")
    assert before.exit_code == after.exit_code == 0
    assert before.stdout == after.stdout
    assert "errors 0" in before.stdout
    assert "エラー 0" in run_cli("check").stdout


def test_installing_completion_says_where_in_the_users_language(tmp_path: object) -> None:
    home = str(tmp_path)
    japanese = run_cli("--install-completion", "bash", env={"HOME": home})
    assert japanese.exit_code == 0
    assert "bash の補完を" in japanese.stdout and "端末を開き直すと" in japanese.stdout
    english = run_cli("--lang", "en", "--install-completion", "bash", env={"HOME": home})
    assert "bash completion installed in" in english.stdout


def test_placeholders_and_types_are_said_in_japanese() -> None:
    shown = run_cli("list", "--help").stdout
    assert "使い方: izumi list [オプション]" in shown and "<文字列>" in shown
    assert "<str>" in run_cli("list", "--help", "--lang", "en").stdout


def test_english_text_keeps_a_japanese_name_whole() -> None:
    shown = run_cli("--lang", "en", "show", "--help", env={"COLUMNS": "40"}).stdout
    assert "地域力" in shown  # never 地 / 域力
    assert "ＩＣＴ" in shown
