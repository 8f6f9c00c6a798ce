"""Many ledgers at once: the files several paths, folders and globs name, each checked (in
parallel or not, the same), and no two ledgers of one city, ward and year."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import REPO, run_cli

from izumi_ledger.collection import check_all, expand, is_collection
from izumi_ledger.errors import UsageError

BUNDLED = (REPO / "data" / "programs.yaml").read_text(encoding="utf-8")


def _ledger(path: Path, year: int = 2021, ward: str = "泉区", wrong: bool = False) -> Path:
    text = BUNDLED.replace("fiscal_year: 2021", f"fiscal_year: {year}").replace(
        "ward: 泉区", f"ward: {ward}"
    )
    # The source names its year: keep it true, so the only finding is the one a test makes.
    text = text.replace("source: 令和3年度", f"source: {year}年度")
    if wrong:
        text = text.replace("amount: 570", "amount: 571", 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    """Three years of one ward, and a second ward of one of them."""
    _ledger(tmp_path / "izumi" / "2020.yaml", 2020)
    _ledger(tmp_path / "izumi" / "2021.yaml", 2021)
    _ledger(tmp_path / "izumi" / "later" / "2022.yml", 2022)
    _ledger(tmp_path / "sakae" / "2021.yaml", 2021, "栄区")
    (tmp_path / "izumi" / "notes.txt").write_text("not a ledger", encoding="utf-8")
    return tmp_path


def test_a_folder_names_every_ledger_in_it_and_below(collection: Path) -> None:
    found = expand([str(collection)])
    names = [Path(path).relative_to(collection).as_posix() for path in found]
    assert names == [
        "izumi/2020.yaml",
        "izumi/2021.yaml",
        "izumi/later/2022.yml",
        "sakae/2021.yaml",
    ]


def test_paths_and_globs_each_file_once(collection: Path) -> None:
    first = str(collection / "izumi" / "2020.yaml")
    found = expand([first, str(collection / "*" / "2021.yaml"), first])
    assert [Path(path).relative_to(collection).as_posix() for path in found] == [
        "izumi/2020.yaml",
        "izumi/2021.yaml",
        "sakae/2021.yaml",
    ]
    assert is_collection([first]) is False
    assert is_collection([first, first]) and is_collection([str(collection)])


def test_a_folder_or_glob_with_no_ledger_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        expand([str(tmp_path)])
    with pytest.raises(UsageError):
        expand([str(tmp_path / "*.yaml")])
    with pytest.raises(UsageError):
        expand(["-", str(tmp_path)])


@pytest.mark.parametrize("workers", [1, 2])
def test_each_file_is_checked_the_same_in_parallel_or_not(collection: Path, workers: int) -> None:
    _ledger(collection / "izumi" / "2021.yaml", 2021, wrong=True)
    results = check_all(expand([str(collection)]), use_cache=False, workers=workers)
    assert [checked.errors for checked in results] == [0, 1, 0, 0]
    assert [finding.rule for finding in results[1].findings] == ["item-sum"]


def test_two_ledgers_of_one_ward_and_year_are_an_error_naming_both(collection: Path) -> None:
    copy = _ledger(collection / "izumi" / "zz-copy.yaml", 2021)
    results = check_all(expand([str(collection)]), use_cache=False, workers=1)
    duplicate = next(checked for checked in results if checked.name == str(copy))
    (finding,) = duplicate.findings
    assert finding.rule == "collection-duplicate" and finding.file == str(copy)
    assert str(collection / "izumi" / "2021.yaml") in finding.message


def test_check_of_a_folder_says_each_file_and_exits_with_the_worst(collection: Path) -> None:
    assert run_cli("check", "-l", str(collection)).exit_code == 0
    _ledger(collection / "izumi" / "2021.yaml", 2021, wrong=True)
    result = run_cli("check", "-l", str(collection))
    assert result.exit_code == 1
    summaries = [line for line in result.stdout.splitlines() if line.startswith("26,397千円")]
    assert len(summaries) == 4
    assert result.stdout.rstrip().splitlines()[-1] == (
        "台帳 4 件（読めない 0 件、誤りのある 1 件） — エラー 1 · 警告 0"
    )
    (collection / "sakae" / "2021.yaml").write_text("ledger: [", encoding="utf-8")
    assert run_cli("check", "-l", str(collection)).exit_code == 2


def test_check_of_several_ledgers_as_json(collection: Path) -> None:
    result = run_cli(
        "check", "-l", str(collection / "izumi"), "-l", str(collection / "sakae"), "-f", "json"
    )
    document = json.loads(result.stdout)
    assert document["ok"] is True and len(document["ledgers"]) == 4
    assert [entry["ledger"] for entry in document["ledgers"]][-1].endswith("sakae/2021.yaml")
