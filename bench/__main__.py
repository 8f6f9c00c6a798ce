"""Run the benchmarks and print Markdown tables (for docs/performance.md).

    python -m bench                       # start-up, and 1,000 and 10,000 items
    python -m bench --sizes 1000,10000,100000,1000000 --repeat 5

Each figure is a fresh process, so start-up is included, as a user meets it; the median of the
repeats is reported with the spread (min–max) and the peak memory (VmHWM, Linux).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .generate import write_ledger

PEAK = (
    "import atexit, runpy, sys\n"
    "def peak():\n"
    "    status = open('/proc/self/status').read()\n"
    "    sys.stderr.write('PEAK ' + status.split('VmHWM:')[1].split()[0] + '\\n')\n"
    "atexit.register(peak)\n"
    "target = sys.argv[1]\n"
    "sys.argv = sys.argv[1:]\n"
    "if target == 'izumi':\n"
    "    from izumi_ledger.cli.main import main\n"
    "    main()\n"
    "else:\n"
    "    exec(compile(target, '<floor>', 'exec'))\n"
)
FLOOR = "import yaml, pydantic"


def measure(args: list[str], repeat: int) -> tuple[float, float, float, int]:
    """Median, min and max wall time in seconds, and the largest peak memory in bytes."""
    times, peaks = [], []
    environment = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80"}
    for _ in range(repeat):
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", PEAK, *args], capture_output=True, text=True, env=environment
        )
        times.append(time.perf_counter() - started)
        peaks.append(int(result.stderr.rsplit("PEAK ", 1)[1].split()[0]) * 1024)
    return statistics.median(times), min(times), max(times), max(peaks)


def start_up(repeat: int) -> None:
    floor = measure([FLOOR], repeat)
    print("| command | median | min–max | × floor | peak memory |")
    print("| --- | ---: | ---: | ---: | ---: |")
    print(
        f'| `python -c "{FLOOR}"` (floor) | {floor[0]:.3f} s | '
        f"{floor[1]:.3f}–{floor[2]:.3f} | 1.00 | {floor[3] / 2**20:.0f} MB |"
    )
    for command in (["--help"], ["check"], ["totals"], ["list", "--section", "地域振興課"]):
        median, low, high, peak = measure(["izumi", *command], repeat)
        print(
            f"| `izumi {' '.join(command)}` | {median:.3f} s | {low:.3f}–{high:.3f} | "
            f"{median / floor[0]:.2f} | {peak / 2**20:.0f} MB |"
        )


def scale(sizes: list[int], repeat: int) -> None:
    print("| items | file | command | median | min–max | per item | peak memory | per item |")
    print("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        for items in sizes:
            path = write_ledger(Path(folder) / f"ledger-{items}.yaml", items)
            size = path.stat().st_size
            runs = repeat if items <= 10_000 else max(1, repeat // 3)
            for command in ("check", "totals"):
                median, low, high, peak = measure(["izumi", command, "-l", str(path)], runs)
                print(
                    f"| {items:,} | {size / 2**20:.1f} MB | `{command}` | {median:.2f} s | "
                    f"{low:.2f}–{high:.2f} | {median / items * 1e6:.0f} µs | "
                    f"{peak / 2**20:.0f} MB | {peak / items / 1024:.1f} KB |"
                )
            path.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--sizes", default="1000,10000", help="item counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (default 5)")
    options = parser.parse_args(argv)
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()}\n"
    )
    print("### Start-up on the bundled ledger\n")
    start_up(options.repeat)
    print("\n### Generated ledgers\n")
    scale([int(size) for size in options.sizes.split(",")], options.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
