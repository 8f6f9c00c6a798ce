"""Run the benchmarks and print Markdown tables (for docs/performance.md).

    python -m bench                       # start-up, and 1,000 and 10,000 items
    python -m bench --sizes 1000,10000,100000,1000000 --repeat 5
    python -m bench --sizes '' --repeat 21   # start-up only
    python -m bench --sizes '' --import-pages 600   # izumi import of a 600-page document
    python -m bench --sizes '' --report-programs 1000   # izumi report, and its page in Chromium
    python -m bench --sizes '' --country 1741   # check and sql of a country's 1,741 ledgers

Each figure is a fresh process, so start-up is included, as a user meets it; the median of the
repeats is reported with the spread (min–max) and the peak memory (VmHWM, Linux). Every command
that reads a ledger is measured three ways: without the cache (IZUMI_CACHE=0), on a miss (as
after the file was edited: no entry for its bytes, so the file is read and the entry written;
the format compiled by an earlier run is there) and on a hit (the entry written by an earlier
run of the same file).
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
from dataclasses import dataclass
from pathlib import Path

from bench import documents
from bench.generate import write_ledger

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


@dataclass(frozen=True)
class Figure:
    median: float
    low: float
    high: float
    peak: int  # bytes

    def row(self, per: int | None = None) -> str:
        text = f"{self.median:.3f} s | {self.low:.3f}–{self.high:.3f}"
        if per is None:
            return text
        each = self.median / per * 1e6
        return text + (f" | {each:.0f} µs" if each >= 10 else f" | {each:.1f} µs")


Mode = str  # "off", "miss" or "hit"; "" for a command that reads no ledger


def measure(args: list[str], repeat: int, mode: Mode = "", warm_up: bool = True) -> Figure:
    """Wall time of `repeat` fresh processes and the largest peak memory among them, after
    a run that compiles what is not compiled yet (and, for a hit, fills the cache)."""
    environment = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80", "IZUMI_CACHE": "0"}
    # Byte code is kept, as it is for any installed package (pip compiles it on install):
    # otherwise a source checkout would pay for compiling izumi on every start.
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder)
        if mode in ("miss", "hit"):
            environment |= {"IZUMI_CACHE": "1", "IZUMI_CACHE_DIR": str(cache)}
        command = [sys.executable, "-c", PEAK, *args]
        if warm_up or mode in ("hit", "miss"):
            subprocess.run(command, capture_output=True, env=environment)
        times, peaks = [], []
        for _ in range(repeat):
            if mode == "miss":  # the entries go; the compiled format, written once, stays
                for entry in cache.glob("*.izumi-cache"):
                    entry.unlink()
            started = time.perf_counter()
            result = subprocess.run(command, capture_output=True, text=True, env=environment)
            times.append(time.perf_counter() - started)
            peaks.append(int(result.stderr.rsplit("PEAK ", 1)[1].split()[0]) * 1024)
    return Figure(statistics.median(times), min(times), max(times), max(peaks))


MODES: tuple[Mode, ...] = ("off", "miss", "hit")


def start_up(repeat: int) -> None:
    floor = measure([FLOOR], repeat)
    print("| command | cache | median | min–max | × floor | peak memory |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    print(
        f'| `python -c "{FLOOR}"` (floor) | | {floor.row()} | 1.00 | {floor.peak / 2**20:.0f} MB |'
    )
    for command in (["--help"], ["check"], ["totals"], ["list", "--section", "地域振興課"]):
        # Help reads no ledger, so the cache has nothing to say about it.
        for mode in ("",) if command == ["--help"] else MODES:
            figure = measure(["izumi", *command], repeat, mode)
            print(
                f"| `izumi {' '.join(command)}` | {mode} | "
                f"{figure.row()} | {figure.median / floor.median:.2f} | "
                f"{figure.peak / 2**20:.0f} MB |"
            )


def scale(sizes: list[int], repeat: int) -> None:
    print(
        "| items | file | command | cache | median | min–max | per item "
        "| peak memory | per item | × file |"
    )
    print("| ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        for items in sizes:
            path = write_ledger(Path(folder) / f"ledger-{items}.yaml", items)
            size = path.stat().st_size
            runs = repeat if items <= 10_000 else max(1, repeat // 3)
            for command in ("check", "totals"):
                for mode in MODES:
                    args = ["izumi", command, "-l", str(path)]
                    # Reading afresh costs the same the first time: no run to spare.
                    figure = measure(args, runs, mode, warm_up=False)
                    print(
                        f"| {items:,} | {size / 2**20:.1f} MB | `{command}` | {mode} | "
                        f"{figure.row(items)} | "
                        f"{figure.peak / 2**20:.0f} MB | {figure.peak / items / 1024:.1f} KB | "
                        f"{figure.peak / size:.1f} |"
                    )
            path.unlink()


def imports(pages: int, repeat: int) -> None:
    """izumi import of documents of `pages` pages: read (or refused) and checked."""
    print("| document | size | exit | median | min–max | peak memory |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        text = documents.pdf_text(base / "pdf-text.txt", pages)
        size = text.stat().st_size
        made = [
            (f"the ward PDF's text, {pages} pages", text),
            ("a listing of the same size", documents.listing(base / "listing.txt", size)),
            ("prose of the same size (refused)", documents.prose(base / "prose.txt", size)),
            (f"a two-column PDF, {pages} pages", documents.pdf(base / "budget.pdf", pages)),
        ]
        for label, path in made:
            args = ["izumi", "import", str(path), "--city", "架空市", "--ward", "架空区"]
            args += ["--fiscal-year", "2024", "-o", str(base / "out.yaml"), "--force"]
            figure = measure(args, repeat, warm_up=True)
            status = subprocess.run(
                [sys.executable, "-m", "izumi_ledger", *args[1:]], capture_output=True
            ).returncode
            print(
                f"| {label} | {path.stat().st_size / 2**20:.2f} MB | {status} | {figure.row()} "
                f"| {figure.peak / 2**20:.0f} MB |"
            )


# Resolves once the page is laid out (its full height known) and a frame is drawn.
FRAME = "() => new Promise(r => requestAnimationFrame(() => r(document.body.offsetHeight)))"


def reports(programs: int, repeat: int) -> None:
    """izumi report of a ledger of `programs` programs, and the page rendered in Chromium."""
    from bench.browser import chromium

    print("| programs | items | command | median | min–max | page | peak memory |")
    print("| ---: | ---: | --- | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        ledger = write_ledger(base / "ledger.yaml", programs * 4)
        page = base / "report.html"
        args = ["izumi", "report", "-l", str(ledger), "-o", str(page), "--force"]
        figure = measure(args, repeat, "hit")
        size = page.stat().st_size
        print(
            f"| {programs:,} | {programs * 4:,} | `izumi report` | {figure.row()} "
            f"| {size / 2**10:,.0f} KB | {figure.peak / 2**20:.0f} MB |"
        )
        loads, paints = [], []
        with chromium() as browser:
            for _ in range(repeat + 1):  # the first load warms the browser's caches
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                tab = context.new_page()
                started = time.perf_counter()
                tab.goto(page.as_uri())
                # Laid out and painted: the page's full height is known, a frame is drawn.
                tab.evaluate(FRAME)
                loads.append(time.perf_counter() - started)
                paints.append(
                    tab.evaluate(
                        "() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime"
                    )
                    / 1000
                )
                context.close()
        loads, paints = loads[1:], paints[1:]
        print(
            f"| {programs:,} | {programs * 4:,} | Chromium: load, layout and a frame | "
            f"{statistics.median(loads):.3f} s | {min(loads):.3f}–{max(loads):.3f} | | |"
        )
        print(
            f"| {programs:,} | {programs * 4:,} | Chromium: first contentful paint | "
            f"{statistics.median(paints):.3f} s | {min(paints):.3f}–{max(paints):.3f} | | |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--sizes", default="1000,10000", help="item counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument(
        "--import-pages", type=int, default=0, help="measure izumi import of this many pages"
    )
    parser.add_argument(
        "--report-programs",
        type=int,
        default=0,
        help="measure izumi report of this many programs, and its page in Chromium",
    )
    parser.add_argument(
        "--country",
        type=int,
        default=0,
        help="measure check and sql of this many municipalities' ledgers (1741: Japan's)",
    )
    parser.add_argument(
        "--country-items", type=int, default=300, help="items in each of those ledgers"
    )
    options = parser.parse_args(argv)
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()}\n"
    )
    print("### Start-up on the bundled ledger\n")
    start_up(options.repeat)
    if options.sizes:
        print("\n### Generated ledgers\n")
        sizes = [int(size) for size in options.sizes.split(",")]
        scale(sizes, options.repeat)
    if options.import_pages:
        print(f"\n### izumi import of {options.import_pages} pages\n")
        imports(options.import_pages, options.repeat)
    if options.report_programs:
        print(f"\n### izumi report of {options.report_programs:,} programs\n")
        reports(options.report_programs, options.repeat)
    if options.country:
        from bench.country import country

        print(f"\n### A country: {options.country:,} ledgers\n")
        country(options.country, options.country_items, min(options.repeat, 3))
    return 0


if __name__ == "__main__":
    sys.exit(main())
