"""Fuzz the loader, the checks and the commands with mutated ledgers.

    python -m tests.fuzz --seconds 60 [--seed N]

Starts from the bundled ledger and the bad corpus, mutates bytes, lines and tokens, and feeds each
result to the loader, the rules, the totals, the YAML writer, every command, every exporter and
the writes; it also mutates the source document and feeds it to the importer, and makes up
figures for the importer's figure reading and command lines for the CLI's arguments. Anything
other than findings, a refusal and an exit status of 0, 1 or 2 is a crash: the input is saved as
tests/bad/fuzz-<hash>.yaml (to become a corpus case once fixed: add its expectation to
tests/bad/expected.json) or
tests/bad-documents/fuzz-<hash>.txt (to become a test in tests/test_import.py once fixed), and the
run exits 1.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from izumi_ledger.atomic import write_all_atomically
from izumi_ledger.cli.app import app
from izumi_ledger.errors import CannotWrite
from izumi_ledger.export.database import (
    Entry,
    datapackage_files,
    parquet_files,
    sqlite_bytes,
    tabled,
)
from izumi_ledger.export.tables import ExportRefused
from izumi_ledger.export.writers import csv_files, json_bytes
from izumi_ledger.export.xlsx import xlsx_bytes
from izumi_ledger.export.yaml import dump_data, dump_ledger
from izumi_ledger.figures.totals import GROUP_BY, group_totals
from izumi_ledger.importer.build import Metadata, import_document
from izumi_ledger.importer.figures import FigureError, yen
from izumi_ledger.importer.text import DocumentError
from izumi_ledger.loading import load
from izumi_ledger.report import report_html
from izumi_ledger.rules import apply_rules

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "bad"
BAD_DOCUMENTS = ROOT / "tests" / "bad-documents"
# Fragments that have tripped YAML readers and number parsers before.
TOKENS = [
    "0570",
    "1_000",
    "0x1A",
    "0o17",
    "1e3",
    "190:20",
    ".inf",
    "-.nan",
    "yes",
    "no",
    "on",
    "off",
    "~",
    "null",
    "&a",
    "*a",
    "<<: *a",
    "!!python/object:os.system",
    "!!binary",
    "!",
    "? ",
    "[",
    "]",
    "{",
    "}",
    "'",
    '"',
    "|",
    ">",
    "- ",
    ": ",
    "#",
    "\t",
    "\x00",
    "\r\n",
    "\ufeff",
    "１，０００",
    "６５８８",
    "△100",
    "-1",
    "1.5",
    "9" * 40,
    "",
    "　",
    "ア",
    "ン",
    "ヰ",
    "---",
    "...",
    "%YAML 1.2",
    "\\",
    "\u2028",
    "😀",
    "\udcff",
]
COMMANDS = [
    ["check"],
    ["check", "--format", "json", "--strict"],
    ["totals"],
    ["totals", "--by", "section"],
    ["totals", "--by", "tag", "--unit", "万円", "--format", "csv"],
    ["list", "--items"],
    ["list", "--format", "markdown", "--sort", "name"],
    ["show", "1"],
    ["show", "1", "-f", "json"],
    ["export", "--format", "json"],
    ["export", "--format", "csv", "--table", "details"],
    ["check", "--lang", "en", "--format", "github"],
    ["totals", "--lang", "en", "--by", "program"],
    ["report", "-o", "-"],
]


def seeds() -> list[bytes]:
    found = [(ROOT / "data" / "programs.yaml").read_bytes()]
    found.extend(path.read_bytes() for path in sorted(BAD.glob("*.yaml")))
    return found


def document_seeds() -> list[bytes]:
    found = [(ROOT / "tests" / "fixtures" / "izumi-fy2021-policy2.txt").read_bytes()]
    # Every layout family, the web page and the PDF among them.
    layouts = ROOT / "tests" / "fixtures" / "layouts"
    found.extend(path.read_bytes() for path in sorted(layouts.iterdir()) if path.suffix != ".json")
    found.extend(path.read_bytes() for path in sorted(BAD_DOCUMENTS.glob("*.txt")))
    return found


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to four random edits of bytes, lines or tokens."""
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(6)
        if kind == 0 and data:  # flip a byte
            index = rng.randrange(len(data))
            data = data[:index] + bytes([rng.randrange(256)]) + data[index + 1 :]
        elif kind == 1:  # insert a token
            index = rng.randrange(len(data) + 1)
            token = rng.choice(TOKENS).encode("utf-8", "surrogatepass")
            data = data[:index] + token + data[index:]
        elif kind == 2 and data:  # delete a span
            start = rng.randrange(len(data))
            data = data[:start] + data[start + rng.randint(1, 40) :]
        else:  # line edits: delete, duplicate, swap or re-indent a line
            lines = data.split(b"\n")
            index = rng.randrange(len(lines))
            choice = rng.randrange(4)
            if choice == 0:
                del lines[index]
            elif choice == 1:
                lines.insert(index, lines[index])
            elif choice == 2:
                other = rng.randrange(len(lines))
                lines[index], lines[other] = lines[other], lines[index]
            else:
                lines[index] = b" " * rng.randint(0, 12) + lines[index].lstrip()
            data = b"\n".join(lines)
    return data


def exercise_library(data: bytes, folder: Path) -> None:
    """The library path: load from a file, check, total, write back and load again."""
    path = folder / "input.yaml"
    path.write_bytes(data)
    result = load(path)
    if result.ledger is None:
        assert result.findings, "an unreadable ledger must say why"
        return
    findings = apply_rules(result.ledger, result.source)
    for by in GROUP_BY:
        group_totals(result.ledger, by)
    page = report_html(result.ledger, tuple(findings), "input.yaml").decode("utf-8")
    assert "<script" not in page.lower(), "a name became markup in the report"
    again = load(dump_ledger(result.ledger).encode("utf-8"), name="<text>")
    assert again.ledger == result.ledger, "writing and reading back changed the ledger"


def exercise_import(data: bytes) -> None:
    """The import path: a document becomes ledger data that loads (or is refused clearly)."""
    try:
        imported = import_document(data, Metadata("横浜市", "泉区", 2021, "fuzz"))
    except DocumentError as error:
        assert str(error), "a refused document must say why"
        return
    load(dump_data(imported.data).encode("utf-8"))


def exercise_commands(data: bytes, folder: Path, rng: random.Random) -> None:
    path = folder / "input.yaml"
    path.write_bytes(data)
    command = rng.choice(COMMANDS)
    result = CliRunner().invoke(
        app, [*command, "--ledger", str(path)], env={"COLUMNS": "80", "NO_COLOR": "1"}
    )
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in (0, 1, 2), f"{command}: exit {result.exit_code}"


FIGURE_PARTS = [
    "1",
    "23",
    "456",
    ",",
    "，",
    "０",
    "９",
    "億",
    "万",
    "千",
    "円",
    "千円",
    "万円",
    " ",
    "²",
    "①",
    "٣",
    "𝟗",
    "△",
    ".",
    "",
]


def exercise_figures(rng: random.Random) -> None:
    """The importer's figure reading: a value, exactly, or FigureError with a reason."""
    text = "".join(rng.choice(FIGURE_PARTS) for _ in range(rng.randint(0, 12)))
    try:
        value = yen(text)
    except FigureError as error:
        assert str(error), f"{text!r}: a refused figure must say why"
        return
    assert isinstance(value, int) and value >= 0, text
    plain = text.translate(str.maketrans("０１２３４５６７８９，", "0123456789,", " "))
    if plain.replace(",", "").isascii() and plain.replace(",", "").isdigit():
        assert value == int(plain.replace(",", "")) * 1000, f"{text!r} read as {value}"


ARGUMENT_PARTS = [
    "check",
    "totals",
    "list",
    "show",
    "diff",
    "export",
    "import",
    "schema",
    "--format",
    "json",
    "csv",
    "markdown",
    "xlsx",
    "sqlite",
    "--by",
    "section",
    "tag",
    "--section",
    "総務課",
    "ＩＣＴ",
    "--tag",
    "新規",
    "--policy",
    "2",
    "--min-amount",
    "1,000",
    "--grep",
    "地域",
    "--unit",
    "万円",
    "--sort",
    "amount",
    "-o",
    "-",
    "/dev/stdout",
    "",
    "--force",
    "--lang",
    "en",
    "--strict",
    "--items",
    "--all",
    "9" * 5000,
    "0" * 50 + "1",
    "-1",
    "\x1b[2J",
    "]0;t",
    "--no-cache",
    "--table",
    "programs",
    "data/programs.yaml",
    "--ledger",
    "1",
    "=1+1",
    "\u202e",
]


def exercise_arguments(rng: random.Random, folder: Path) -> list[str]:
    """The command line: any words in any order end in an exit status of 0, 1 or 2."""
    arguments = [rng.choice(ARGUMENT_PARTS) for _ in range(rng.randint(1, 6))]
    if "-o" in arguments:  # writes stay in the fuzzer's folder
        arguments = [str(folder / "out") if word == "-o" else word for word in arguments]
        arguments.insert(arguments.index(str(folder / "out")), "-o")
    result = CliRunner().invoke(app, arguments, env={"COLUMNS": "80", "NO_COLOR": "1"})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"izumi {arguments}") from result.exception
    assert result.exit_code in (0, 1, 2), f"{arguments}: exit {result.exit_code}"
    return arguments


def exercise_exporters(data: bytes, folder: Path) -> None:
    """Every exporter on a ledger that loads: its bytes, or ExportRefused saying why."""
    ledger = load(data, name="<fuzz>").ledger
    if ledger is None:
        return
    writers: list[Callable[[], object]] = [
        lambda: json_bytes(ledger),
        lambda: csv_files(ledger),
        lambda: sqlite_bytes([tabled(Entry(ledger), ledger.unit)], ledger.unit),
        lambda: datapackage_files([tabled(Entry(ledger), ledger.unit)], ledger.unit),
        lambda: list(parquet_files([tabled(Entry(ledger), ledger.unit)], ledger.unit)),
        lambda: xlsx_bytes(ledger),
    ]
    for writer in writers:
        try:
            writer()
        except ExportRefused as error:
            assert error.message, "a refused export must say why"
    target = folder / "written" / (ledger.city[:200].replace("/", "_") or "x")
    target.parent.mkdir(exist_ok=True)
    try:
        write_all_atomically({target: data}, force=True)
    except CannotWrite as error:
        assert error.message, "a refused write must say why"
    assert not list(target.parent.glob(".*izumi-tmp")), "a write left a temporary file"


def save_crash(data: bytes, document: bool = False) -> Path:
    digest = hashlib.sha256(data).hexdigest()[:10]
    folder, suffix = (BAD_DOCUMENTS, ".txt") if document else (BAD, ".yaml")
    folder.mkdir(exist_ok=True)
    path = folder / f"fuzz-{digest}{suffix}"
    path.write_bytes(data)
    return path


def run(seconds: float, seed: int, report: Callable[[str], None]) -> int:
    rng = random.Random(seed)
    corpus = seeds()
    documents = document_seeds()
    tried = crashes = 0
    deadline = time.monotonic() + seconds
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        while time.monotonic() < deadline:
            document = tried % 3 == 2
            data = mutate(rng.choice(documents if document else corpus), rng)
            tried += 1
            try:
                if tried % 7 == 3:
                    exercise_figures(rng)
                    exercise_arguments(rng, folder)
                elif document:
                    exercise_import(data)
                else:
                    exercise_library(data, folder)
                    if tried % 5 == 0:
                        exercise_commands(data, folder, rng)
                    if tried % 5 == 1:
                        exercise_exporters(data, folder)
            except Exception:
                crashes += 1
                saved = save_crash(data, document)
                report(f"crash #{crashes}: saved as {saved.relative_to(ROOT)}")
                report(traceback.format_exc())
    report(f"fuzz: {tried} inputs in {seconds:g} s (seed {seed}), {crashes} crashes")
    return 1 if crashes else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__)
    parser.add_argument("--seconds", type=float, default=60.0, help="time budget (default 60)")
    parser.add_argument(
        "--seed",
        type=int,
        default=int(os.environ.get("IZUMI_FUZZ_SEED", "0")),
        help="random seed, for a run that can be repeated (default 0)",
    )
    options = parser.parse_args(argv)
    return run(options.seconds, options.seed, lambda line: print(line, file=sys.stderr))


if __name__ == "__main__":
    sys.exit(main())
