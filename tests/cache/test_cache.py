"""The cache: on by default, the same answers faster, and never a stale, forged or lost one."""

from __future__ import annotations

import json
import os
import pickle
import stat
import sys
from pathlib import Path

import pytest
from support import SMALL, LedgerWriter, izumi, run_cli, run_in_process

from izumi_ledger import check
from izumi_ledger.cache import MAX_ENTRIES, Cache, cache_wanted, default_directory, fingerprint
from izumi_ledger.errors import UsageError
from izumi_ledger.text import messages

# A program whose items add up to 90 under a program of 100: one item-sum error.
WRONG = SMALL.replace(
    "        sections: [地域振興課]\n",
    "        sections: [地域振興課]\n"
    "        items:\n"
    "          - {number: 1, name: 細事業, amount: 90}\n",
)


def cached(folder: Path) -> dict[str, str]:
    return {"IZUMI_CACHE": "1", "IZUMI_CACHE_DIR": str(folder)}


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.izumi-cache"))


def same(first: object, second: object) -> None:
    assert first == second


# -- the setting ---------------------------------------------------------------------------


def test_the_cache_is_on_unless_turned_off() -> None:
    for on in ("", "1", "true", "Yes", "ON"):
        assert cache_wanted({"IZUMI_CACHE": on})
    assert cache_wanted({})
    for off in ("0", "false", "No", "OFF", " off "):
        assert not cache_wanted({"IZUMI_CACHE": off})
    with pytest.raises(UsageError, match="maybe"):
        cache_wanted({"IZUMI_CACHE": "maybe"})


def test_an_unknown_setting_is_a_usage_error(ledger_file: LedgerWriter) -> None:
    result = run_cli("check", "-l", str(ledger_file(SMALL)), env={"IZUMI_CACHE": "maybe"})
    assert result.exit_code == 2
    assert "IZUMI_CACHE" in result.stderr and "'maybe'" in result.stderr
    assert result.stdout == ""


def test_no_cache_and_the_switch_write_nothing(ledger_file: LedgerWriter, tmp_path: Path) -> None:
    path = ledger_file(SMALL)
    folder = tmp_path / "cache"
    environment = {"IZUMI_CACHE_DIR": str(folder)}
    assert run_cli("check", "-l", str(path), "--no-cache", env=environment).exit_code == 0
    off = {**environment, "IZUMI_CACHE": "off"}
    assert run_cli("totals", "-l", str(path), env=off).exit_code == 0
    assert not folder.exists()
    assert run_cli("check", "-l", str(path), env=environment).exit_code == 0
    assert len(entries(folder)) == 1  # on by default


@pytest.mark.parametrize(
    "command",
    [["check"], ["totals"], ["list"], ["show", "1"], ["diff", "X", "X"], ["export"], ["import"]],
)
def test_every_command_that_reads_a_ledger_takes_no_cache(command: list[str]) -> None:
    assert "--no-cache" in run_cli(*command[:1], "--help").stdout


def test_default_directory_follows_the_platform_conventions(tmp_path: Path) -> None:
    assert default_directory({"IZUMI_CACHE_DIR": str(tmp_path)}) == tmp_path
    if sys.platform.startswith("linux"):
        assert default_directory({"XDG_CACHE_HOME": "/x"}) == Path("/x/izumi")
        assert default_directory({}) == Path.home() / ".cache" / "izumi"


def test_no_home_directory_is_a_quiet_miss(
    ledger_file: LedgerWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert default_directory({}) is None
    path = ledger_file(WRONG)
    fresh = run_cli("check", "-l", str(path), "--no-cache")
    environment = {"IZUMI_CACHE_DIR": "", "XDG_CACHE_HOME": ""}
    again = run_cli("check", "-l", str(path), env=environment)
    assert (again.exit_code, again.stdout, again.stderr) == (1, fresh.stdout, fresh.stderr)


# -- the same answer -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["check", "--format", "json"],
        ["check", "--format", "github"],
        ["check", "--format", "csv"],
        ["check", "--strict"],
        ["check", "--lang", "en"],
        ["totals"],
        ["totals", "--by", "section", "--format", "json"],
        ["list", "--format", "csv"],
        ["show", "1"],
        ["show", "1", "--format", "json"],
        ["export"],
    ],
)
@pytest.mark.parametrize("text", [SMALL, WRONG], ids=["valid", "sum-error"])
def test_a_cached_run_says_exactly_what_a_fresh_one_says(
    ledger_file: LedgerWriter, tmp_path: Path, command: list[str], text: str
) -> None:
    path = ledger_file(text)
    folder = tmp_path / "cache"
    fresh = run_cli(*command, "-l", str(path), "--no-cache")
    filling = run_cli(*command, "-l", str(path), env=cached(folder))
    assert len(entries(folder)) == 1
    from_cache = run_cli(*command, "-l", str(path), env=cached(folder))
    for run in (filling, from_cache):
        assert (run.exit_code, run.stdout, run.stderr) == (
            fresh.exit_code,
            fresh.stdout,
            fresh.stderr,
        )


def test_the_library_gives_the_same_result_with_and_without_it(tmp_path: Path) -> None:
    path = tmp_path / "ledger.yaml"
    path.write_text(WRONG, encoding="utf-8")
    fresh = check(path, name="ledger.yaml")
    cache = Cache(tmp_path / "cache")
    for _ in range(2):
        again = cache.check(path, name="ledger.yaml")
        assert again == fresh
        assert again.ledger == fresh.ledger and again.ledger is not None
    assert cache.check(path.read_bytes(), name="ledger.yaml") == fresh  # bytes, not a path


def test_unreadable_ledgers_are_reported_the_same_from_the_cache(
    ledger_file: LedgerWriter, tmp_path: Path
) -> None:
    path = ledger_file(SMALL.replace("amount: 100\n    programs", "amount: 0100\n    programs"))
    folder = tmp_path / "cache"
    fresh = run_cli("check", "-l", str(path), "--no-cache")
    assert fresh.exit_code == 2 and "0100" in fresh.stdout  # the quoted source line
    for _ in range(2):
        again = run_cli("check", "-l", str(path), env=cached(folder))
        assert (again.exit_code, again.stdout) == (fresh.exit_code, fresh.stdout)
    for _ in range(2):
        totals = run_cli("totals", "-l", str(path), env=cached(folder))
        assert totals.exit_code == 2 and "0100" in totals.stderr


def test_a_changed_file_is_read_again(ledger_file: LedgerWriter, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    path = ledger_file(SMALL)
    assert run_cli("check", "-l", str(path), env=cached(folder)).exit_code == 0
    ledger_file(WRONG)  # same name, new content
    after = run_cli("check", "-l", str(path), env=cached(folder))
    assert after.exit_code == 1
    assert "item-sum" in after.stdout
    assert len(entries(folder)) == 2


def test_names_and_languages_are_kept_apart(ledger_file: LedgerWriter, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    first = ledger_file(WRONG, "a.yaml")
    second = ledger_file(WRONG, "b.yaml")
    run_cli("check", "-l", str(first), env=cached(folder))
    renamed = run_cli("check", "-l", str(second), env=cached(folder))
    assert f"{second}:" in renamed.stdout and f"{first}:" not in renamed.stdout
    english = run_cli("check", "-l", str(first), "--lang", "en", env=cached(folder))
    assert "errors" in english.stdout.lower() and "エラー" not in english.stdout


def test_the_key_depends_on_every_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Cache(tmp_path)
    base = cache.key(b"a", "x.yaml")
    assert base == cache.key(b"a", "x.yaml")
    assert base != cache.key(b"b", "x.yaml")
    assert base != cache.key(b"a", "y.yaml")
    messages.use("en")
    assert base != cache.key(b"a", "x.yaml")
    messages.use("ja")
    assert base == Cache(tmp_path).key(b"a", "x.yaml")
    real = fingerprint._library_version
    for library in ("pydantic", "pydantic_core", "yaml"):

        def upgraded(module: str, library: str = library) -> str:
            return real(module) + ("+1" if module == library else "")

        monkeypatch.setattr(fingerprint, "_library_version", upgraded)
        assert Cache(tmp_path).key(b"a", "x.yaml") != base, library
        monkeypatch.setattr(fingerprint, "_library_version", real)
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    assert Cache(tmp_path).key(b"a", "x.yaml") != base


def test_the_key_names_the_versions_it_was_made_from() -> None:
    made_from = fingerprint.environment_fingerprint().decode()
    import pydantic
    import pydantic_core
    import yaml

    assert f"pydantic {pydantic.VERSION}" in made_from
    assert f"pydantic_core {pydantic_core.__version__}" in made_from
    assert f"yaml {yaml.__version__}" in made_from
    assert sys.version in made_from


def test_a_streamed_key_equals_the_key_of_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    data = SMALL.encode() + b"# " + b"x" * (3 << 20) + b"\n"
    path.write_bytes(b"\xef\xbb\xbf" + data)  # a byte-order mark is not part of the ledger
    cache = Cache(tmp_path / "cache")
    assert cache._streamed_key(path, "big.yaml") == cache.key(data, "big.yaml")


# -- damage and forgery --------------------------------------------------------------------


def _fill(ledger_file: LedgerWriter, folder: Path, text: str = WRONG) -> tuple[Path, Path]:
    path = ledger_file(text)
    run_cli("check", "-l", str(path), env=cached(folder))
    (entry,) = entries(folder)
    return path, entry


def test_every_flipped_byte_is_a_miss(ledger_file: LedgerWriter, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    path, entry = _fill(ledger_file, folder)
    good = entry.read_bytes()
    fresh_check = run_cli("check", "-l", str(path), "--no-cache")
    fresh_export = run_cli("export", "-l", str(path), "--no-cache")
    cache = Cache(folder)
    for offset in range(0, len(good), max(1, len(good) // 97)):
        damaged = bytearray(good)
        damaged[offset] ^= 0x01
        entry.write_bytes(bytes(damaged))
        found = cache._found(cache.key(path.read_bytes(), str(path)), path)
        # A damaged report is a miss; a damaged ledger part is read from the file again.
        assert found is None or found.ledger == check(path).ledger, offset
        for command, fresh in (("check", fresh_check), ("export", fresh_export)):
            entry.write_bytes(bytes(damaged))
            again = run_cli(command, "-l", str(path), env=cached(folder))
            assert (again.exit_code, again.stdout) == (fresh.exit_code, fresh.stdout), offset


def test_a_changed_figure_in_an_entry_is_never_shown(
    ledger_file: LedgerWriter, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    path, entry = _fill(ledger_file, folder, SMALL)
    good = entry.read_bytes()
    assert b'"amount":100' in good
    entry.write_bytes(good.replace(b'"amount":100', b'"amount":900'))
    totals = run_cli("totals", "-l", str(path), env=cached(folder))
    assert totals.exit_code == 0 and "900" not in totals.stdout and "100千円" in totals.stdout


@pytest.mark.parametrize("damage", [b"", b"izumi-cache 5\n", b"not an entry", b"\x80\x05K\x01."])
def test_a_damaged_entry_is_a_miss_and_is_replaced(
    ledger_file: LedgerWriter, tmp_path: Path, damage: bytes
) -> None:
    folder = tmp_path / "cache"
    path, entry = _fill(ledger_file, folder)
    fresh = run_cli("check", "-l", str(path), "--no-cache")
    entry.write_bytes(damage)
    again = run_cli("check", "-l", str(path), env=cached(folder))
    assert (again.exit_code, again.stdout) == (fresh.exit_code, fresh.stdout)
    assert entry.read_bytes() != damage


class _Trap:
    """A pickle that creates a file when it is loaded."""

    def __init__(self, mark: Path) -> None:
        self.mark = mark

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.touch, (self.mark,))


def test_a_planted_pickle_is_never_run(ledger_file: LedgerWriter, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    path, entry = _fill(ledger_file, folder)
    mark = tmp_path / "ran"
    entry.write_bytes(pickle.dumps(_Trap(mark)))
    for command in ("check", "totals", "list"):
        run_cli(command, "-l", str(path), env=cached(folder))
    assert not mark.exists()


def test_an_entry_is_plain_data(ledger_file: LedgerWriter, tmp_path: Path) -> None:
    _, entry = _fill(ledger_file, tmp_path / "cache")
    magic, header, rest = entry.read_bytes().split(b"\n", 2)
    assert magic == b"izumi-cache 5"
    (report_size, _), (ledger_size, _) = json.loads(header)
    report = json.loads(rest[:report_size])
    assert report["summary"]["total"] == 100 and report["findings"][0][0] == "item-sum"
    assert json.loads(rest[report_size:])["policies"][0]["amount"] == 100
    assert len(rest) == report_size + ledger_size
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600


# -- the folder ----------------------------------------------------------------------------


def _unchanged_without_entries(ledger_file: LedgerWriter, folder: Path, written: Path) -> None:
    path = ledger_file(WRONG)
    fresh = run_cli("check", "-l", str(path), "--no-cache")
    for _ in range(2):
        again = run_cli("check", "-l", str(path), env=cached(folder))
        assert (again.exit_code, again.stdout, again.stderr) == (
            fresh.exit_code,
            fresh.stdout,
            fresh.stderr,
        )
    assert entries(written) == []


def test_a_cache_that_cannot_be_written_changes_nothing(
    ledger_file: LedgerWriter, tmp_path: Path
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    _unchanged_without_entries(ledger_file, blocked / "cache", tmp_path)


def test_a_symlinked_folder_is_not_used(ledger_file: LedgerWriter, tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    (tmp_path / "link").symlink_to(real)
    _unchanged_without_entries(ledger_file, tmp_path / "link", real)
    # Nor a link anywhere above it: the path is opened one folder at a time.
    (real / "izumi").mkdir(mode=0o700)
    _unchanged_without_entries(ledger_file, tmp_path / "link" / "izumi", real / "izumi")


def test_a_folder_others_can_write_to_is_not_used(
    ledger_file: LedgerWriter, tmp_path: Path
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    _unchanged_without_entries(ledger_file, folder, folder)


def test_a_folder_of_another_user_is_not_used(
    ledger_file: LedgerWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "theirs"
    folder.mkdir(mode=0o700)
    # Seen from another user, every folder here belongs to someone else.
    real_uid = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real_uid + 4242)
    _unchanged_without_entries(ledger_file, folder, folder)


def test_a_parent_others_can_write_to_is_not_trusted_unless_sticky(
    ledger_file: LedgerWriter, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)  # anyone could swap the folder below for their own
    _unchanged_without_entries(ledger_file, shared / "izumi", shared / "izumi")
    shared.chmod(0o777 | stat.S_ISVTX)  # as /tmp: no one can replace what the user made
    path = ledger_file(SMALL)
    assert run_cli("check", "-l", str(path), env=cached(shared / "mine")).exit_code == 0
    assert len(entries(shared / "mine")) == 1
    assert stat.S_IMODE((shared / "mine").stat().st_mode) == 0o700


def test_an_entry_that_is_a_link_is_not_read(ledger_file: LedgerWriter, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    path, entry = _fill(ledger_file, folder)
    elsewhere = tmp_path / "elsewhere"
    entry.rename(elsewhere)
    entry.symlink_to(elsewhere)
    cache = Cache(folder)
    assert cache._found(entry.name.removesuffix(".izumi-cache"), path) is None
    entry.unlink()
    os.mkfifo(entry)  # nor a named pipe: it must not block
    assert cache._found(entry.name.removesuffix(".izumi-cache"), path) is None


KEPT = 16


def test_a_cache_keeps_enough_entries_for_a_countrys_ledgers() -> None:
    assert MAX_ENTRIES >= 2 * 1741


def test_only_the_newest_entries_are_kept_and_nothing_else_is_removed(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    cache = Cache(folder, max_entries=KEPT, prune_every=0)
    path = tmp_path / "ledger.yaml"
    own = ["notes.txt", "old.pickle", "old.tmp", "a" * 64 + ".izumi-cache.bak"]
    for number in range(KEPT + 3):
        path.write_text(SMALL.replace("source: テスト", f"source: テスト{number}"), "utf-8")
        cache.check(path, name="ledger.yaml")
        if number == 0:
            for name in own:  # the user's own files, old ones among them
                (folder / name).write_bytes(b"mine")
                os.utime(folder / name, (0, 0))
            # A temporary file of izumi's that a killed run left, and one being written now.
            abandoned = folder / f".{'b' * 64}.izumi-cache.{'c' * 12}.izumi-tmp"
            abandoned.write_bytes(b"")
            os.utime(abandoned, (0, 0))
            (folder / f".{'d' * 64}.izumi-cache.{'e' * 12}.izumi-tmp").write_bytes(b"")
            # A file named like an entry that izumi did not write.
            (folder / ("f" * 64 + ".izumi-cache")).write_bytes(b"mine")
            os.utime(folder / ("f" * 64 + ".izumi-cache"), (0, 0))
    kept = entries(folder)
    assert not abandoned.exists()
    assert (folder / f".{'d' * 64}.izumi-cache.{'e' * 12}.izumi-tmp").exists()
    for name in own:
        assert (folder / name).read_bytes() == b"mine", name
    assert (folder / ("f" * 64 + ".izumi-cache")).read_bytes() == b"mine"
    assert len([entry for entry in kept if entry.read_bytes() != b"mine"]) == KEPT
    newest = cache.key(path.read_bytes(), "ledger.yaml")
    assert folder / f"{newest}.izumi-cache" in kept


# -- speed and reach -----------------------------------------------------------------------


def test_a_cached_check_imports_neither_yaml_nor_pydantic_nor_rich(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    heavy = {"yaml", "pydantic", "rich", "izumi_ledger.format.models"}
    runs, imported = [], []
    for _ in range(2):
        result, modules = run_in_process(["check", "--format", "json"], tmp_path, cached(folder))
        runs.append(result)
        imported.append(heavy.intersection(modules))
    assert json.loads(runs[0].stdout) == json.loads(runs[1].stdout)
    assert json.loads(runs[1].stdout)["ok"] is True
    assert "pydantic" in imported[0]  # the first run reads and validates the file
    assert imported[1] == set()


def test_two_runs_at_once_agree(tmp_path: Path) -> None:
    import subprocess

    folder = tmp_path / "cache"
    environment = {**os.environ, **cached(folder), "NO_COLOR": "1", "COLUMNS": "80"}
    command = [sys.executable, "-m", "izumi_ledger", "check", "--format", "json"]
    runs = [
        subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, cwd=tmp_path)
        for _ in range(4)
    ]
    outputs = [run.communicate(timeout=60)[0] for run in runs]
    assert all(run.returncode == 0 for run in runs)
    assert len(set(outputs)) == 1
    assert len(entries(folder)) == 1
    assert [p.name for p in folder.iterdir() if p.name.endswith(".izumi-tmp")] == []


def test_the_installed_command_uses_it(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    first = izumi("check", cwd=tmp_path, env=cached(folder))
    second = izumi("check", cwd=tmp_path, env=cached(folder))
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout
    assert len(entries(folder)) == 1


def test_the_library_takes_a_folder_as_text_and_a_loaded_ledger(tmp_path: Path) -> None:
    from izumi_ledger import load

    path = tmp_path / "ledger.yaml"
    path.write_text(WRONG, encoding="utf-8")
    cache = Cache(str(tmp_path / "cache"))
    assert cache.check(str(path)) == check(path)
    assert cache.check(load(path)) == check(load(path)) == check(path)


def test_a_text_stream_partly_read_is_read_from_where_it_stands(tmp_path: Path) -> None:
    path = tmp_path / "ledger.yaml"
    path.write_text("# a comment line\n" + SMALL, encoding="utf-8")
    with path.open(encoding="utf-8") as stream:
        stream.readline()
        assert check(stream, name="x") == check(SMALL.encode(), name="x")


def test_a_relative_xdg_cache_home_is_ignored() -> None:
    if sys.platform.startswith("linux"):
        assert default_directory({"XDG_CACHE_HOME": "relative"}) == Path.home() / ".cache" / "izumi"


@pytest.mark.parametrize("header", [b"[" * 100_000, b"[[100000000000000000000,1],[1,1]]"])
def test_a_forged_header_is_a_miss(
    ledger_file: LedgerWriter, tmp_path: Path, header: bytes
) -> None:
    folder = tmp_path / "cache"
    path, entry = _fill(ledger_file, folder)
    entry.write_bytes(b"izumi-cache 5\n" + header + b"\n")
    fresh = run_cli("check", "-l", str(path), "--no-cache")
    again = run_cli("check", "-l", str(path), env=cached(folder))
    assert (again.exit_code, again.stdout) == (fresh.exit_code, fresh.stdout)
