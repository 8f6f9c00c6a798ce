"""Help screens: Japanese folded at any width and never cut short, drawn without rich."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from hypothesis import example, given, settings
from hypothesis import strategies as st
from support import assert_golden, run_cli, run_in_process
from typer.main import get_command

from izumi_ledger.cli.app import COMMANDS, app, load_command
from izumi_ledger.cli.helptext import in_language
from izumi_ledger.cli.render.cells import join_lines, wrap
from izumi_ledger.cli.render.commandhelp import help_screen
from izumi_ledger.cli.render.help import HelpScreen, Panel, Row, render
from izumi_ledger.text.width import cell_width

BOX = re.compile(r"[\s│╭╮╰╯─]")


def squeezed(text: str) -> str:
    """text without spaces, line ends and box drawing: what a reader reads, in order."""
    return BOX.sub("", text)


# --- breaking lines ---------------------------------------------------------------------------


def test_japanese_breaks_between_characters_but_not_before_closing_punctuation() -> None:
    lines = wrap("台帳を検査する（合計・件数・番号・担当課）。", 10)
    # "計・" stays together, so the second line ends early; "（" opens the line's last word.
    assert lines == ["台帳を検査", "する（合", "計・件数・", "番号・担当", "課）。"]


def test_an_opening_bracket_never_ends_a_line() -> None:
    # From 8 cells up, the widest piece that may not break ("（GitHub") fits on a line.
    for width in range(8, 40):
        for line in wrap("出力形式: text, json, github（GitHub Actions の注釈）。", width):
            assert not line.endswith("（"), (width, line)
            assert not line.startswith(("、", "。", "）")), (width, line)


def test_english_breaks_at_spaces_and_choices_after_a_bar() -> None:
    assert wrap("Show this message and exit.", 12) == ["Show this", "message and", "exit."]
    assert wrap("<number|amount|name>", 10) == ["<number|", "amount|", "name>"]


def test_a_no_break_space_holds_a_note_together() -> None:
    assert wrap("並べ方 [default:\u00a0number]", 20) == ["並べ方", "[default: number]"]


def test_a_word_longer_than_the_line_is_folded() -> None:
    assert wrap("IZUMI_LEDGER", 5) == ["IZUMI", "_LEDG", "ER"]


def test_line_ends_in_the_text_are_kept() -> None:
    assert wrap("一行目\n二行目", 40) == ["一行目", "二行目"]


def test_lines_of_a_paragraph_join_as_their_language_does() -> None:
    assert (
        join_lines(["前・後・増減・増減率、", "追加・削除を示す。"])
        == "前・後・増減・増減率、追加・削除を示す。"
    )
    assert join_lines(["copy it", "or customize"]) == "copy it or customize"
    assert join_lines(["終了コード: 0", "誤りなし"]) == "終了コード: 0 誤りなし"


TEXT = st.text(
    st.sampled_from(list("台帳を検査する合計、。（）「」・ abcXYZ|-_:[]0123…")), max_size=80
)


@settings(max_examples=300, deadline=None)
@given(text=TEXT, width=st.integers(min_value=2, max_value=60))
def test_wrapping_keeps_every_character_and_the_width(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cell_width(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


# --- drawing a screen ---------------------------------------------------------------------------

NAME = st.text(st.sampled_from(list("-abcdefghlr")), min_size=1, max_size=12)
SHORT = st.sampled_from(["", "-a", "-l"])
METAVAR = st.sampled_from(["", "PATH", "<ja|en>", "AMOUNT"])


@st.composite
def screens(draw: st.DrawFn) -> HelpScreen:
    rows = draw(
        st.lists(
            st.builds(
                Row,
                st.tuples(NAME, SHORT, METAVAR),
                TEXT,
                st.lists(st.sampled_from(["[default: text]", "[required]"]), max_size=1).map(tuple),
            ),
            min_size=1,
            max_size=5,
        )
    )
    panel = Panel("Options", tuple(rows), ("1;36", "1;32", "1;33"))
    return HelpScreen("izumi check [OPTIONS]", (draw(TEXT), draw(TEXT)), (panel,))


def expected_reading(screen: HelpScreen) -> str:
    parts = [in_language("Usage:"), screen.usage, *screen.paragraphs]
    for panel in screen.panels:
        parts.append(panel.title)
        for row in panel.rows:
            parts += [*row.names, row.help, *row.notes]
    return squeezed("".join(parts))


@settings(max_examples=200, deadline=None)
@given(screen=screens(), width=st.integers(min_value=24, max_value=140))
# A name with no "|" is never folded to make room for its help: the help goes below it.
@example(
    screen=HelpScreen(
        "izumi check [OPTIONS]",
        ("", ""),
        (Panel("Options", (Row(("aaaaaaaaa", "", ""), "0", ()),), ("1;36", "1;32", "1;33")),),
    ),
    width=38,
)
def test_a_screen_fits_the_width_and_keeps_every_word_in_order(
    screen: HelpScreen, width: int
) -> None:
    drawn = render(screen, width)
    assert all(cell_width(line) <= width for line in drawn.splitlines())
    assert squeezed(drawn) == expected_reading(screen)


@settings(max_examples=50, deadline=None)
@given(screen=screens(), width=st.integers(min_value=24, max_value=140))
def test_colour_only_adds_escape_codes(screen: HelpScreen, width: int) -> None:
    coloured = render(screen, width, styled=True)
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == render(screen, width)


def test_narrow_terminals_are_drawn_at_the_narrowest_width() -> None:
    screen = HelpScreen("izumi", ("区の予算",), ())
    assert render(screen, 5) == render(screen, 24)


# --- the commands' own screens --------------------------------------------------------------


def _screen(name: str | None) -> HelpScreen:
    group = get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    root = typer.Context(group, info_name="izumi")
    if name is None:
        return help_screen(group, root, group)
    command = load_command(name)
    return help_screen(command, typer.Context(command, info_name=name, parent=root), None)


@pytest.mark.parametrize("name", [None, *COMMANDS])
@pytest.mark.parametrize("width", [24, 40, 60, 80, 120])
def test_every_help_screen_fits_and_cuts_nothing_short(name: str | None, width: int) -> None:
    screen = _screen(name)
    drawn = render(screen, width)
    assert all(cell_width(line) <= width for line in drawn.splitlines())
    # No "…" but those the texts themselves have.
    written = "".join([*screen.paragraphs, *(r.help for p in screen.panels for r in p.rows)])
    assert drawn.count("…") == written.count("…")


@pytest.mark.parametrize("name", [None, *COMMANDS])
@pytest.mark.parametrize("width", [24, 120])
def test_every_help_text_is_drawn_whole(name: str | None, width: int) -> None:
    # At 24 columns every row's help sits under its names, at 120 beside them on lines of
    # their own, so each help text reads on in order (between, a long list of choices may
    # fold beside it).
    screen = _screen(name)
    drawn = squeezed(render(screen, width))
    for paragraph in screen.paragraphs:
        assert squeezed(paragraph) in drawn
    for panel in screen.panels:
        for row in panel.rows:
            assert squeezed(" ".join([row.help, *row.notes])) in drawn


def test_arguments_show_their_names_in_the_usage_without_braces() -> None:
    screen = _screen("diff")
    assert screen.usage == "izumi diff [オプション] OLD NEW"
    arguments = screen.panels[0]
    assert [row.names for row in arguments.rows] == [("OLD",), ("NEW",)]
    assert all(row.notes == ("[必須]",) for row in arguments.rows)


def test_defaults_are_noted_after_the_help() -> None:
    screen = _screen("check")
    notes = {row.names[0]: row.notes for row in screen.panels[1].rows}
    assert notes["--format"] == ("[既定: text]",)
    assert notes["--strict"] == ()


@pytest.mark.parametrize(
    ("golden", "args"), [("help.txt", ["--help"]), ("help-list.txt", ["list", "-h"])]
)
def test_help_golden(golden: str, args: list[str]) -> None:
    result = run_cli(*args)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert_golden(golden, result.stdout)


def test_izumi_alone_shows_the_help_and_exits_2() -> None:
    result = run_cli()
    assert result.exit_code == 2
    assert result.stdout == run_cli("--help").stdout
    assert result.stderr == ""


def test_help_is_coloured_on_request_and_never_with_no_color() -> None:
    coloured = run_cli("--help", env={"NO_COLOR": "", "FORCE_COLOR": "1", "TERM": "xterm"})
    assert "\x1b[1;36mcheck\x1b[0m" in coloured.stdout
    plain = run_cli("--help", env={"NO_COLOR": "1", "FORCE_COLOR": "1", "TERM": "xterm"})
    assert "\x1b[" not in plain.stdout
    dumb = run_cli("--help", env={"NO_COLOR": "", "FORCE_COLOR": "1", "TERM": "dumb"})
    assert "\x1b[" not in dumb.stdout


def test_help_follows_the_terminal_width() -> None:
    for columns in (50, 100):
        lines = run_cli("check", "--help", env={"COLUMNS": str(columns)}).stdout.splitlines()
        assert max(cell_width(line) for line in lines) == columns


def test_help_imports_no_rich(tmp_path: Path) -> None:
    for args in (["--help"], ["check", "--help"]):
        result, modules = run_in_process(args, tmp_path, {})
        assert "使い方: izumi" in result.stdout
        assert not [module for module in modules if module.split(".")[0] == "rich"], args
