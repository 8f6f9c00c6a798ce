"""The corpus of attacks: each file in tests/attacks/ is one thing a careless user or an
adversary did, with what izumi must answer (docs/reliability.md lists the classes).

A case names its command line, the files it starts from (written into a fresh folder), how
that folder is set up (links, pipes, folders nobody may write), the environment, and what
must come back: the exit status, fragments of stdout and stderr, files that must or must not
be there afterwards. Cases run through izumi's own entry point (in a process of their own
where they need one); no case may end in exit 3 or a traceback, and none may write a raw
control character where a person reads.
"""

from __future__ import annotations

import gc
import io
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from support import REPO

from izumi_ledger.cli.main import main

ATTACKS = Path(__file__).resolve().parent / "attacks"
CASES = sorted(ATTACKS.glob("*.json"))
BUNDLED = (REPO / "data" / "programs.yaml").read_text(encoding="utf-8")
SEED = (REPO / "tests" / "fixtures" / "izumi-fy2021-policy2.txt").read_text(encoding="utf-8")
BASES = {"bundled": BUNDLED, "seed": SEED}
CLASSES = range(1, 9)
# What a terminal would obey: ESC, the C1 controls, bidi overrides, NUL, DEL.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _case(path: Path) -> dict[str, Any]:
    case: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return case


def _content(spec: dict[str, Any]) -> bytes:
    if "hex" in spec:
        return bytes.fromhex(spec["hex"])
    text = BASES[spec["base"]] if "base" in spec else spec.get("text", "")
    for old, new in spec.get("replace", []):
        assert old in text, f"{old!r} is not in the base text"
        text = text.replace(old, new, 1)
    text += spec.get("append", "")
    text = text.replace("\n", {"cr": "\r", "crlf": "\r\n"}.get(spec.get("crlf", ""), "\n"))
    encoded: bytes = text.encode(spec.get("encoding", "utf-8"), "surrogatepass")
    return encoded


def _set_up(folder: Path, case: dict[str, Any]) -> None:
    for name, spec in case.get("files", {}).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_content(spec))
    for step in case.get("setup", []):
        action, name, *rest = step
        path = folder / name
        if action == "symlink":
            path.symlink_to(rest[0])
        elif action == "fifo":
            os.mkfifo(path)
        elif action == "mkdir":
            path.mkdir(parents=True, exist_ok=True)
        elif action == "chmod":
            path.chmod(int(rest[0], 8))
        elif action == "lchown":  # a link of another user (only root can make one)
            try:
                os.lchown(path, int(rest[0]), int(rest[0]))
            except PermissionError:
                pytest.skip("only root can give a link to another user")
        elif action == "sparse":  # a file that large on no disk at all
            with path.open("wb") as stream:
                stream.truncate(int(rest[0]))
        else:  # pragma: no cover - a case naming an unknown step is itself wrong
            raise AssertionError(f"unknown setup step {action}")


def _environment(folder: Path, case: dict[str, Any]) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("IZUMI_")}
    environment |= {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb", "LC_ALL": "C.UTF-8"}
    environment["IZUMI_CACHE_DIR"] = str(folder / ".cache")
    environment |= case.get("env", {})
    return environment


def _run(folder: Path, case: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> Outcome:
    """The case's command, in its own process where it says so (an encoding, a closed
    stream), else in this one through the same entry point, which is much faster."""
    stdin = _content(case["stdin"]) if "stdin" in case else b""
    environment = _environment(folder, case)
    if case.get("process"):
        command = [sys.executable, "-m", "izumi_ledger", *case["args"]]
        if case.get("close_stdout"):  # the shell's >&-
            command = ["sh", "-c", 'exec "$@" >&-', "sh", *command]
        done = subprocess.run(
            command,
            cwd=folder,
            env=environment,
            input=stdin,
            stdout=None if case.get("close_stdout") else subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=case.get("timeout", 60),
        )
        return Outcome(done.returncode, done.stdout or b"", done.stderr)
    for key in list(os.environ):
        monkeypatch.delenv(key)
    for key, value in environment.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(folder)
    out, err = io.BytesIO(), io.BytesIO()
    streams = {
        name: io.TextIOWrapper(buffer, encoding="utf-8", write_through=True)
        for name, buffer in (("stdout", out), ("stderr", err))
    }
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    monkeypatch.setattr(sys, "stdout", streams["stdout"])
    monkeypatch.setattr(sys, "stderr", streams["stderr"])
    monkeypatch.setattr(sys, "argv", ["izumi", *case["args"]])
    status = 0
    try:
        main()
    except SystemExit as done:
        status = done.code if isinstance(done.code, int) else 0
    finally:
        gc.enable()  # main() turns the collector off for the rest of its (one) run
        for stream in streams.values():
            stream.flush()
    return Outcome(status, out.getvalue(), err.getvalue())


@dataclass(frozen=True)
class Outcome:
    returncode: int
    stdout: bytes
    stderr: bytes


def test_the_corpus_covers_every_class_with_eighty_cases() -> None:
    classes = {_case(path)["class"] for path in CASES}
    assert classes == set(CLASSES)
    assert len(CASES) >= 80


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_attack(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = _case(path)
    _set_up(tmp_path, case)
    result = _run(tmp_path, case, monkeypatch)
    stdout = result.stdout.decode("utf-8", "replace")
    stderr = result.stderr.decode("utf-8", "replace")
    shown = f"exit {result.returncode}\n--- stdout\n{stdout[:3000]}\n--- stderr\n{stderr[:3000]}"
    assert result.returncode == case["exit"], shown
    assert "Traceback" not in stderr, shown
    for fragment in _fragments(case, "stderr"):
        assert fragment in stderr, shown
    for fragment in _fragments(case, "stdout"):
        assert fragment in stdout, shown
    for fragment in _fragments(case, "not_in_output"):
        assert fragment not in stdout + stderr, shown
    if not case.get("data_on_stdout"):
        assert not RAW_CONTROL.search(stdout), shown
    assert not RAW_CONTROL.search(stderr), shown
    for name, wanted in case.get("after", {}).items():
        path_after = tmp_path / name
        if wanted is None:
            assert not path_after.exists() and not path_after.is_symlink(), name
        else:
            text = path_after.read_bytes().decode("utf-8", "replace")
            for fragment in [wanted] if isinstance(wanted, str) else wanted:
                assert fragment in text, name
    leftovers = [p.name for p in tmp_path.rglob("*.izumi-tmp")]
    assert leftovers == [], leftovers


def _fragments(case: dict[str, Any], key: str) -> list[str]:
    value = case.get(key, [])
    return [value] if isinstance(value, str) else list(value)
