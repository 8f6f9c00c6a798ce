"""One catalog for every message: each in both languages, and no message outside it."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from support import REPO, run_cli

from izumi_ledger.cli import messages as cli_messages
from izumi_ledger.format.amounts import UNITS
from izumi_ledger.format.models import DETAIL_LABELS, TAGS
from izumi_ledger.text import messages

PACKAGE = REPO / "izumi_ledger"
JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
# Files whose Japanese is data, not messages: the format's own words (units, tags, labels),
# era names, bilingual schema descriptions, spreadsheet and data-package headers, the patterns
# of Japanese documents, the notes the importer writes into a (Japanese) ledger, and the
# punctuation Japanese lines may not break around.
DATA_FILES = {
    "cli/render/cells.py",
    "text/messages.py",
    "cli/messages.py",
    "cli/helptext.py",
    "format/schema.py",
    "format/models.py",
    "format/values.py",
    "format/amounts.py",
    "text/era.py",
    "figures/totals.py",
    "export/tables.py",
    "export/writers.py",
    "export/xlsx.py",
    "importer/build.py",
    "importer/document.py",
    "importer/accounts.py",
    "importer/figures.py",
    "importer/pdf_file.py",
    "importer/listing.py",
    "importer/pdf_text.py",
    "importer/placement.py",
    "importer/text.py",
}


# The format's own words (units, tags) are the same in every language.
VOCABULARY = {*UNITS, *TAGS}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


BOTH = {**messages.CATALOG, **cli_messages.CATALOG}


def test_the_catalogs_split_by_layer_without_overlap() -> None:
    assert not set(messages.CATALOG) & set(cli_messages.CATALOG)
    # The core's messages are its own: no module outside the command line uses a CLI message.
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("cli/") or relative == "__main__.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert not [key for key in cli_messages.CATALOG if f'"{key}"' in text], relative
        assert "izumi_ledger.cli" not in text, relative


@pytest.mark.parametrize("key", sorted(BOTH))
def test_every_message_exists_in_both_languages_with_the_same_fields(key: str) -> None:
    entry = BOTH[key]
    assert set(entry) == set(messages.LANGUAGES), key
    assert all(entry[language].strip() for language in messages.LANGUAGES), key
    assert fields(entry["ja"]) == fields(entry["en"]), key
    # English may quote the format's own words: detail labels (ア, イ …) and 「未記入」.
    english = entry["en"].replace("「未記入」", "")
    assert not JAPANESE.search("".join(c for c in english if c not in DETAIL_LABELS)), key


def _help_and_docstrings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are help texts or docstrings (Japanese by design)."""
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                allowed.add(id(first.value))
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg == "help":
                    allowed.update(id(child) for child in ast.walk(keyword.value))
    return allowed


def test_no_message_is_written_outside_the_catalog() -> None:
    stray = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative in DATA_FILES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        allowed = _help_and_docstrings(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and JAPANESE.search(node.value)
                and id(node) not in allowed
                and node.value not in VOCABULARY
            ):
                stray.append(f"{relative}:{node.lineno}: {node.value!r}")
    assert stray == []


def test_every_catalog_message_is_used() -> None:
    source = "\n".join(
        p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py") if p.name != "messages.py"
    )
    unused = [
        key
        for key in BOTH
        if f'"{key}"' not in source
        and not key.startswith(
            (
                "diff.",
                "import.layout.",
                "import.source.",
                "import.marker.",
                "import.column.",
                "import.sure.",
                "import.place.",
            )
        )
    ]
    assert unused == []


def test_language_from_the_option_and_the_environment() -> None:
    japanese = run_cli("check")
    assert "エラー 0" in japanese.stdout
    assert "errors 0" in run_cli("check", "--lang", "en").stdout
    assert "errors 0" in run_cli("check", env={"IZUMI_LANG": "en"}).stdout
    assert "エラー 0" in run_cli("check", "--lang", "ja", env={"IZUMI_LANG": "en"}).stdout
    bad = run_cli("check", env={"IZUMI_LANG": "fr"})
    assert bad.exit_code == 2
    assert "IZUMI_LANG" in bad.stderr
    assert run_cli("check", "--lang", "fr").exit_code == 2


def test_names_stay_as_printed_in_english(tmp_path: Path) -> None:
    result = run_cli("show", "1", "--lang", "en")
    assert "program 1 地域力支援事業  6,588千円" in result.stdout
    assert "sections: 区政推進課、福祉保健課、地域振興課" in result.stdout


def test_the_core_never_imports_the_command_line_libraries() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import izumi_ledger.loading, izumi_ledger.rules\n"
        "import izumi_ledger.figures.totals, izumi_ledger.figures.query\n"
        "import izumi_ledger.export.yaml, izumi_ledger.format.schema\n"
        "import izumi_ledger.figures.compare, izumi_ledger.atomic\n"
        "import izumi_ledger.export.writers, izumi_ledger.export.xlsx\n"
        "import izumi_ledger.importer.build\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'click')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
