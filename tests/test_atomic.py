"""Writes never lose data: refused without --force, atomic, permissions kept, failures clean
and named by the file the user gave, never a temporary one."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from izumi_ledger.atomic import TEMPORARY_SUFFIX, write_atomically
from izumi_ledger.errors import CannotWrite


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(TEMPORARY_SUFFIX))


def test_a_new_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    write_atomically(target, "新しい台帳\n".encode())
    assert target.read_text(encoding="utf-8") == "新しい台帳\n"
    assert leftovers(tmp_path) == []


def test_an_existing_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    target.write_bytes(b"original")
    with pytest.raises(CannotWrite) as refused:
        write_atomically(target, b"new")
    assert "--force" in refused.value.hint and refused.value.path == str(target)
    assert target.read_bytes() == b"original"


def test_force_overwrites_and_keeps_the_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    target.write_bytes(b"original")
    target.chmod(0o640)
    write_atomically(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        write_atomically(tmp_path / "out.yaml", b"x")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "out.yaml").stat().st_mode) == 0o644


@pytest.mark.parametrize(
    "failure",
    [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()],
    ids=["disk-full", "interrupted"],
)
def test_a_failed_write_leaves_the_original_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    target = tmp_path / "out.yaml"
    target.write_bytes(b"original")

    def fail(descriptor: int) -> None:
        raise failure

    monkeypatch.setattr(os, "fsync", fail)  # fails after part of the data went out
    expected = CannotWrite if isinstance(failure, OSError) else type(failure)
    with pytest.raises(expected) as raised:
        write_atomically(target, b"new content" * 1000, force=True)
    if isinstance(raised.value, CannotWrite):  # the user's file, not the temporary one
        assert raised.value.path == str(target)
        assert str(target) in raised.value.message and TEMPORARY_SUFFIX not in raised.value.message
    assert target.read_bytes() == b"original"
    assert leftovers(tmp_path) == []


def test_a_failed_rename_leaves_the_original_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.yaml"
    target.write_bytes(b"original")

    def fail(source: str, destination: object, **folders: object) -> None:
        raise OSError(errno.EXDEV, "rename failed")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(CannotWrite):
        write_atomically(target, b"new", force=True)
    assert target.read_bytes() == b"original"
    assert leftovers(tmp_path) == []


def test_writing_through_a_symlink_replaces_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_bytes(b"original")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    write_atomically(link, b"new", force=True)
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CannotWrite):
        write_atomically(tmp_path, b"x", force=True)


def test_a_folder_filled_by_another_run_meanwhile_is_said_to_exist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from izumi_ledger import atomic
    from izumi_ledger.atomic import write_folder_atomically
    from izumi_ledger.errors import CannotWrite

    target = tmp_path / "out"
    real = atomic._swap_in

    def racing(parent: int, temporary: str, name: str, *args: object, **kwargs: object) -> None:
        target.mkdir()
        (target / "theirs.csv").write_bytes(b"other run")  # the other run won the name
        real(parent, temporary, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic, "_swap_in", racing)
    with pytest.raises(CannotWrite) as refused:
        write_folder_atomically(target, {"a.csv": b"mine"})
    assert "すでにあります" in refused.value.message
    assert (target / "theirs.csv").read_bytes() == b"other run"
