"""Measure how izumi refuses very large inputs that are not ledgers.

    python -m tests.stress [--megabytes 100]

Writes each kind of input to a temporary folder, runs `izumi check` on it in a fresh process,
and prints the exit status, the wall time and the peak memory (VmHWM, Linux) as a Markdown
table, for docs/reliability.md. Figures are reported, not asserted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

MB = 1024 * 1024
PEAK_REPORTER = (
    "import atexit, sys\n"
    "def peak():\n"
    "    status = open('/proc/self/status').read()\n"
    "    sys.stderr.write('PEAK ' + status.split('VmHWM:')[1].split()[0] + '\\n')\n"
    "atexit.register(peak)\n"
    "sys.argv = ['izumi', *sys.argv[1:]]\n"
    "from izumi_ledger.cli.main import main\n"
    "main()\n"
)


def inputs(size: int) -> dict[str, Callable[[], bytes]]:
    """The kinds of input, each about size bytes."""
    return {
        "one plain scalar (a single line)": lambda: b"a" * size,
        "a top-level list": lambda: b"- a\n" * (size // 4),
        "unknown keys": lambda: b"".join(b"k%d: v\n" % i for i in range(size // 10)),
        "one key repeated": lambda: b"a: b\n" * (size // 5),
        "random bytes": lambda: os.urandom(size),
        "NUL bytes": lambda: b"\x00" * size,
        "Shift_JIS text": lambda: ("ledger: 1\ncity: 横浜市\n" * (size // 20)).encode("cp932"),
    }


def measure(path: Path) -> tuple[int, float, int]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", PEAK_REPORTER, "check", "-l", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80", "NO_COLOR": "1"},
        timeout=600,
    )
    elapsed = time.perf_counter() - started
    peak_kb = int(result.stderr.rsplit("PEAK ", 1)[1].split()[0])
    return result.returncode, elapsed, peak_kb * 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.stress", description=__doc__)
    parser.add_argument("--megabytes", type=int, default=100)
    options = parser.parse_args(argv)
    size = options.megabytes * MB
    print(f"| input ({options.megabytes} MB) | exit | time | peak memory | × file size |")
    print("| --- | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        for name, make in inputs(size).items():
            path = Path(folder) / "input.yaml"
            path.write_bytes(make())
            actual = path.stat().st_size
            status, elapsed, peak = measure(path)
            print(
                f"| {name} | {status} | {elapsed:.2f} s | {peak / MB:.0f} MB "
                f"| {peak / actual:.1f} |"
            )
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
