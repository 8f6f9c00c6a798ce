"""What the attack corpus cannot show by exit status alone: cell types in a workbook, the data
package's validity over the corpus, a text's round trip, two writers racing, an escape for
every character a terminal would obey, and a folder that fails half-way."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import frictionless
import openpyxl
import pytest
import yaml
from support import REPO, load_text

from izumi_ledger import atomic
from izumi_ledger.atomic import write_all_atomically, write_folder_atomically
from izumi_ledger.errors import CannotWrite
from izumi_ledger.export.database import Entry, datapackage_files, sqlite_bytes, tabled
from izumi_ledger.export.json_text import json_text
from izumi_ledger.export.tables import CheckStatus, ExportRefused
from izumi_ledger.export.xlsx import xlsx_bytes
from izumi_ledger.export.yaml import dump_data, dump_ledger
from izumi_ledger.loading import check, load
from izumi_ledger.text.names import look_alike_key
from izumi_ledger.text.visible import visible

BUNDLED = (REPO / "data" / "programs.yaml").read_text(encoding="utf-8")
INJECTED = BUNDLED.replace(
    "name: 地域力支援事業\n", 'name: "=HYPERLINK(\\"http://x\\",\\"y\\")"\n', 1
)
INJECTED = INJECTED.replace("  - 総務課\n", '  - "総務*"\n  - 総務課\n', 1)
INJECTED = INJECTED.replace("sections: [総務課,", 'sections: ["総務*",', 1)
INJECTED = INJECTED.replace("title: はぐくもう！地域の力", 'title: "@SUM(A1)\\e[2J"', 1)


def test_no_name_becomes_a_formula_in_the_workbook() -> None:
    ledger = load_text(INJECTED).ledger
    assert ledger is not None
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(ledger)))
    formulas = [
        (sheet.title, cell.value)
        for sheet in book
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    # Only izumi's own totals are formulas, and none takes a name as a SUMIF pattern.
    assert formulas and all(sheet == "合計" for sheet, _ in formulas)
    assert not any("HYPERLINK" in str(value) or "@SUM" in str(value) for _, value in formulas)
    assert not any(
        "SUMIF" in str(value) and "program_sections" in str(value) for _, value in formulas
    )
    programs = book["programs"]
    assert programs["D2"].value.startswith("=HYPERLINK") and programs["D2"].data_type == "s"
    assert book["合計"]["B2"].value == "@SUM(A1)\\x1b[2J"  # the ESC a worksheet cannot hold


def test_a_failing_ledgers_exports_say_so() -> None:
    wrong = BUNDLED.replace("amount: 570\n", "amount: 575\n", 1)
    ledger = load_text(wrong).ledger
    assert ledger is not None
    status = CheckStatus(errors=1, warnings=0)
    database = Path("/dev/shm" if Path("/dev/shm").is_dir() else "/tmp") / "izumi-trust.sqlite"
    database.write_bytes(sqlite_bytes([tabled(Entry(ledger, status), ledger.unit)], ledger.unit))
    try:
        with sqlite3.connect(database) as connection:
            facts = connection.execute("SELECT check_ok, check_errors FROM ledgers").fetchall()
    finally:
        database.unlink()
    assert facts == [(0, 1)]
    summary = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(ledger, status)))["合計"]
    assert "izumi check: エラー 1 件" in str(summary.cell(summary.max_row, 1).value)


def _exportable_corpus() -> list[Path]:
    """The corpus ledgers that can be read, the bundled ledger among them."""
    paths = [REPO / "data" / "programs.yaml", *sorted((REPO / "tests" / "bad").glob("*.yaml"))]
    return [path for path in paths if load(path).ledger is not None]


@pytest.mark.parametrize("path", _exportable_corpus(), ids=lambda path: path.stem)
def test_every_data_package_validates_with_its_keys(path: Path, tmp_path: Path) -> None:
    checked = check(path)
    assert checked.ledger is not None
    ledger = checked.ledger
    writers: list[Callable[[], bytes]] = [
        lambda: sqlite_bytes([tabled(Entry(ledger), ledger.unit)], ledger.unit),
        lambda: xlsx_bytes(ledger),
    ]
    for writer in writers:  # bytes, or a refusal that says why
        try:
            assert writer()
        except ExportRefused as refused:
            assert refused.message
    try:
        status = CheckStatus(checked.errors, checked.warnings)
        files = datapackage_files([tabled(Entry(ledger, status), ledger.unit)], ledger.unit)
    except ExportRefused:  # repeated numbers: refused, never written as an invalid package
        assert any(finding.rule in ("numbering", "repeated-name") for finding in checked.findings)
        return
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "type", "note"])[:5]
    descriptor = yaml.safe_load(files["datapackage.json"])
    fields = {
        resource["name"]: {field["name"]: field for field in resource["schema"]["fields"]}
        for resource in descriptor["resources"]
    }
    assert "columnType" not in fields["program_sections"]["amount"]
    assert fields["programs"]["amount"]["currency"] == "JPY"
    assert fields["programs"]["amount"]["factor"] == 1000
    assert descriptor["izumi_check"]["ok"] is (checked.errors == 0)


AWKWARD = [
    "a\x85b",
    "x\u2028y\u2029z",
    "\u202eabc",
    "a\nb\x85c",
    "tab\there",
    "\x1b[2J",
    "a\rb",
    "a\r\nb\n",
    "\ufeffbom",
    "𠮷",
    "  spaces  ",
    "0570",
    "yes",
    "~",
    "\\N",
]


@pytest.mark.parametrize("value", AWKWARD, ids=[ascii(value) for value in AWKWARD])
def test_load_write_load_is_the_identity_for_every_text(value: str) -> None:
    data = yaml.safe_load(BUNDLED)
    data["policies"][0]["programs"][0]["summary"] = value
    data["policies"][0]["notes"].append(value)
    text = dump_data(data)
    assert not any(char in text for char in "\x85\u2028\u2029\x1b\u202e")
    first = load_text(text).ledger
    assert first is not None
    assert first.policies[0].programs[0].summary == value
    again = load_text(dump_ledger(first)).ledger
    assert again == first


def test_every_control_and_format_character_is_shown_escaped() -> None:
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") and char != "\n":
            assert visible(char) != char, f"U+{code:04X}"
            assert char not in json_text({"text": char}), f"U+{code:04X}"


def test_two_writers_racing_for_one_new_name_never_both_succeed(tmp_path: Path) -> None:
    for attempt in range(20):
        target = tmp_path / f"out{attempt}.json"
        outcomes: list[str] = []

        def write(content: bytes, target: Path = target, outcomes: list[str] = outcomes) -> None:
            try:
                write_all_atomically({target: content})
                outcomes.append("written")
            except CannotWrite:
                outcomes.append("refused")

        writers = [threading.Thread(target=write, args=(text,)) for text in (b"first", b"second")]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join()
        assert sorted(outcomes) == ["refused", "written"]
        assert target.read_bytes() in (b"first", b"second")
    assert not list(tmp_path.glob(".*izumi-tmp"))


def test_a_temporary_file_of_another_user_is_left_alone(tmp_path: Path) -> None:
    theirs = tmp_path / ".out.json.0123456789ab.izumi-tmp"
    theirs.write_bytes(b"theirs")
    try:
        os.chown(theirs, 65534, 65534)
    except PermissionError:
        pytest.skip("only root can give a file to another user")
    write_all_atomically({tmp_path / "out.json": b"mine"})
    assert theirs.read_bytes() == b"theirs"
    assert (tmp_path / "out.json").read_bytes() == b"mine"


def test_a_folder_that_fails_half_way_leaves_the_old_one_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    write_folder_atomically(folder, {"a.csv": b"old a", "b.csv": b"old b"})
    written = []
    real_fdopen = __import__("os").fdopen

    def failing(handle: int, mode: str = "r", *args: object, **kwargs: object) -> object:
        written.append(handle)
        if len(written) == 2:  # the second file of the new set
            raise OSError(28, "No space left on device")
        return real_fdopen(handle, mode, *args, **kwargs)

    monkeypatch.setattr("os.fdopen", failing)
    with pytest.raises(CannotWrite):
        write_folder_atomically(folder, {"a.csv": b"new a", "b.csv": b"new b"}, force=True)
    monkeypatch.undo()
    assert (folder / "a.csv").read_bytes() == b"old a"
    assert (folder / "b.csv").read_bytes() == b"old b"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]


def test_two_writers_of_one_empty_folder_never_both_succeed(tmp_path: Path) -> None:
    for attempt in range(10):
        folder = tmp_path / f"race{attempt}"
        folder.mkdir()
        outcomes: list[str] = []

        def write(name: str, folder: Path = folder, outcomes: list[str] = outcomes) -> None:
            try:
                write_folder_atomically(folder, {name: name.encode()})
                outcomes.append("written")
            except CannotWrite:
                outcomes.append("refused")

        writers = [threading.Thread(target=write, args=(name,)) for name in ("a.csv", "b.csv")]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join()
        assert sorted(outcomes) == ["refused", "written"]
        assert len(list(folder.iterdir())) == 1


def test_a_file_put_in_the_old_folder_meanwhile_is_kept(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    write_folder_atomically(folder, {"a.csv": b"old"})
    real_swap = atomic._swap_in

    def swap_after_someone_writes(*args: Any, **kwargs: Any) -> None:
        (folder / "notes.txt").write_bytes(b"mine")  # after the check, before the swap
        real_swap(*args, **kwargs)

    atomic._swap_in = swap_after_someone_writes
    try:
        write_folder_atomically(folder, {"a.csv": b"new"}, force=True)
    finally:
        atomic._swap_in = real_swap
    assert (folder / "a.csv").read_bytes() == b"new"
    kept = [path for path in tmp_path.iterdir() if ".izumi-old-" in path.name]
    assert [path.name for path in kept[0].iterdir()] == ["notes.txt"]


def test_an_option_or_a_file_name_that_is_not_utf8_is_refused_or_shown(tmp_path: Path) -> None:
    document = tmp_path / os.fsdecode(b"\x90\xf2\x8b\xe6.txt")
    document.write_bytes((REPO / "tests" / "fixtures" / "izumi-fy2021-policy2.txt").read_bytes())
    base = [sys.executable, "-m", "izumi_ledger", "import", str(document), "--fiscal-year", "2021"]
    base += ["--city", "横浜市", "--ward", "泉区"]
    refused = subprocess.run(
        [*base, "-o", "-", "--city", os.fsdecode(b"\xff")], capture_output=True
    )
    assert refused.returncode == 2 and b"UTF-8" in refused.stderr
    written = subprocess.run([*base, "-f", "json", "-o", "-"], capture_output=True)
    assert written.returncode == 0, written.stderr
    assert "\ufffd" in json.loads(written.stdout)["source"]


def test_look_alike_names_drop_every_space_and_format_character() -> None:
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) == "Cf" or char.isspace():
            assert look_alike_key(f"総務{char}課") == look_alike_key("総務課"), f"U+{code:04X}"
