"""A country's budgets on one machine: `izumi check` of every municipality's ledger, cold (no
cache) and warm (one file changed), and `izumi sql` of a group-by over all of them.

    python -m bench --sizes '' --country 1741          # 1,741 ledgers of ~300 items each
    python -m bench --sizes '' --country 100 --country-items 300

Each figure is a fresh process, as a user meets it. Memory is the peak resident set of the
command's own process and, separately, of the largest of its worker processes: the first
must stay bounded by the largest ledger, not by the collection.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import write_country

# The command's own peak (VmHWM) and its largest child's (ru_maxrss of waited-for children).
PEAKS = (
    "import atexit, resource, sys\n"
    "def peaks():\n"
    "    own = open('/proc/self/status').read().split('VmHWM:')[1].split()[0]\n"
    "    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "    sys.stderr.write(f'PEAKS {own} {child}\\n')\n"
    "atexit.register(peaks)\n"
    "sys.argv = ['izumi', *sys.argv[1:]]\n"
    "from izumi_ledger.cli.main import main\n"
    "main()\n"
)
GROUP_BY = "SELECT city, SUM(amount) AS amount, COUNT(*) AS items FROM items GROUP BY city"


def _run(args: list[str], environment: dict[str, str]) -> tuple[float, int, int, int]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", PEAKS, *args], capture_output=True, text=True, env=environment
    )
    elapsed = time.perf_counter() - started
    own, child = result.stderr.rsplit("PEAKS ", 1)[1].split()[:2]
    return elapsed, int(own) * 1024, int(child) * 1024, result.returncode


def _row(what: str, runs: list[tuple[float, int, int, int]]) -> str:
    times = [run[0] for run in runs]
    own = max(run[1] for run in runs) / 2**20
    child = max(run[2] for run in runs) / 2**20
    status = ",".join(sorted({str(run[3]) for run in runs}))
    return (
        f"| {what} | {statistics.median(times):.2f} s | {min(times):.2f}–{max(times):.2f} "
        f"| {own:.0f} MB | {child:.0f} MB | {status} |"
    )


def country(municipalities: int, items: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        ledgers = Path(folder) / "ledgers"
        started = time.perf_counter()
        paths = write_country(ledgers, municipalities, items)
        written = time.perf_counter() - started
        size = sum(path.stat().st_size for path in paths)
        largest = max(path.stat().st_size for path in paths)
        print(
            f"{len(paths):,} ledgers of {items} items ({len(paths) * items:,} items, "
            f"{size / 2**20:.0f} MB, the largest {largest / 2**10:.0f} KB), "
            f"written in {written:.1f} s.\n"
        )
        environment = {
            **os.environ,
            "NO_COLOR": "1",
            "COLUMNS": "80",
            "IZUMI_CACHE": "1",
            "IZUMI_CACHE_DIR": str(Path(folder) / "cache"),
        }
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        check = ["check", str(ledgers)]
        print("| command | median | min–max | peak, command | peak, largest worker | exit |")
        print("| --- | ---: | ---: | ---: | ---: | --- |")
        print(_row("`izumi check` cold (cache empty)", [_run(check, environment)]))
        print(_row("`izumi check` warm (nothing changed)", [
            _run(check, environment) for _ in range(repeat)
        ]))  # fmt: skip
        changed = []
        for run in range(repeat):
            with paths[run % len(paths)].open("a", encoding="utf-8") as stream:
                stream.write(f"# changed {run}\n")
            changed.append(_run(check, environment))
        print(_row("`izumi check` warm (one file changed)", changed))
        query = ["sql", GROUP_BY, str(ledgers), "-f", "csv"]
        print(_row(f"`izumi sql` ({GROUP_BY})", [_run(query, environment) for _ in range(repeat)]))
