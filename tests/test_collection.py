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
    # The source names its year: keep it true, so the only finding is the one a test makes;
    # and each year's prior is the year before's amount (the same ledger, year after year).
    text = text.replace("source: 令和3年度", f"source: {year}年度")
    text = text.replace("prior_amount: 23967", "prior_amount: 26397", 1)
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


def _with_prior(path: Path, year: int, policy_prior: int, program_prior: str = "") -> Path:
    """The bundled ledger of `year`, its policy's prior set, and program 3 given a prior."""
    _ledger(path, year)
    text = path.read_text(encoding="utf-8").replace(
        "prior_amount: 26397", f"prior_amount: {policy_prior}", 1
    )
    if program_prior:
        stated = "name: 商店街振興支援事業\n        amount: 1462\n"
        text = text.replace(stated, f"{stated}        prior_amount: {program_prior}\n", 1)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_prior_year_figure_is_held_to_the_year_befores_ledger(tmp_path: Path) -> None:
    before = _ledger(tmp_path / "2020.yaml", 2020)
    after = _with_prior(tmp_path / "2021.yaml", 2021, 26000, program_prior="1500")
    results = check_all([str(before), str(after)], use_cache=False, workers=1)
    assert results[0].findings == ()
    policy, program = results[1].findings
    assert (policy.rule, policy.file, policy.path) == (
        "prior-year",
        str(after),
        "policies[0].prior_amount",
    )
    assert str(before) in policy.message and "19行目" in policy.message
    assert (policy.expected, policy.actual, policy.difference) == (26397, 26000, -397)
    assert program.path == "policies[0].programs[2].prior_amount"
    assert (program.expected, program.actual) == (1462, 1500)
    assert (
        program.line
        == after.read_text(encoding="utf-8").splitlines().index("        prior_amount: 1500") + 1
    )


def test_figures_that_agree_or_have_no_year_before_give_nothing(tmp_path: Path) -> None:
    before = _ledger(tmp_path / "2020.yaml", 2020)
    agrees = _with_prior(tmp_path / "2021.yaml", 2021, 26397, program_prior="1462")
    far = _with_prior(tmp_path / "2023.yaml", 2023, 1)  # no 2022 in the collection
    results = check_all([str(before), str(agrees), str(far)], use_cache=False, workers=1)
    assert [checked.findings for checked in results] == [(), (), ()]


def test_a_year_before_in_another_unit_is_compared_in_yen(tmp_path: Path) -> None:
    before = _ledger(tmp_path / "2020.yaml", 2020)
    text = before.read_text(encoding="utf-8")
    # The same ledger in 円: every amount a thousand times larger.
    import re

    in_yen = re.sub(r"(amount: )(\d+)", lambda m: f"{m.group(1)}{int(m.group(2)) * 1000}", text)
    before.write_text(in_yen.replace("unit: 千円", "unit: 円"), encoding="utf-8")
    agrees = _with_prior(tmp_path / "2021.yaml", 2021, 26397)
    results = check_all([str(before), str(agrees)], use_cache=False, workers=1)
    assert results[1].findings == ()


def test_an_empty_name_is_the_default_ledger_alone_and_nothing_among_many(
    collection: Path,
) -> None:
    assert is_collection([""]) is False
    with pytest.raises(UsageError):
        expand(["", str(collection)])


def test_the_quick_command_line_reads_a_collection_too(collection: Path) -> None:
    # `izumi check -l folder/` as a user types it runs without typer (cli/main.py).
    from support import izumi

    run = izumi("check", "-l", str(collection), "-l", str(collection / "izumi"), cwd=collection)
    assert run.returncode == 0, run.stderr
    assert run.stdout.rstrip().splitlines()[-1].startswith("台帳 4 件")


def test_a_cached_check_reads_only_the_ledgers_a_rule_across_years_needs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IZUMI_CACHE_DIR", str(tmp_path / "cache"))
    wards = [_ledger(tmp_path / f"{ward}.yaml", 2021, ward) for ward in ("泉区", "栄区", "中区")]
    years = [_ledger(tmp_path / "years" / f"{y}.yaml", y, "戸塚区") for y in (2020, 2021)]
    paths = [str(path) for path in (*wards, *years)]
    first = check_all(paths, use_cache=True, workers=1)
    read: list[str] = []
    from izumi_ledger.cache import entry

    real = entry._ledger_from

    def counting(ledger_json: bytes, origin: object, name: str) -> object:
        read.append(name)
        return real(ledger_json, origin, name)  # type: ignore[arg-type]

    monkeypatch.setattr(entry, "_ledger_from", counting)
    again = check_all(paths, use_cache=True, workers=1)
    assert [checked.findings for checked in again] == [checked.findings for checked in first]
    # One year of three wards: no ledger read at all; two years of one: those two only.
    assert sorted(read) == sorted(str(path) for path in years)


def test_links_to_folders_are_not_followed_so_a_loop_ends(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path / "a" / "2021.yaml")
    (tmp_path / "a" / "up").symlink_to("..")
    (tmp_path / "other").symlink_to(REPO / "tests" / "fixtures" / "collection")
    assert expand([str(tmp_path)]) == [str(ledger)]
