"""Screenshots of the bundled ledger's report, as a desktop and a phone show its first screen.

    python -m bench.screenshot                 # docs/report-desktop.png, docs/report-phone.png
    python -m bench.screenshot --out /tmp/shots

The report is written by `izumi report` itself, in a fresh process, as a user would make it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.browser import chromium

REPO = Path(__file__).resolve().parent.parent
# (file, width, height): the first screen of each, at the device's own pixel density.
SHOTS = [("report-desktop.png", 1280, 800, 1), ("report-phone.png", 390, 844, 2)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.screenshot",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--out", type=Path, default=REPO / "docs", help="folder of the PNGs")
    parser.add_argument("--ledger", type=Path, default=REPO / "data" / "programs.yaml")
    options = parser.parse_args(argv)
    options.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / "report.html"
        subprocess.run(
            [sys.executable, "-m", "izumi_ledger", "report", "-l", str(options.ledger)]
            + ["-o", str(page_file)],
            check=True,
        )
        with chromium() as browser:
            for name, width, height, scale in SHOTS:
                context = browser.new_context(
                    viewport={"width": width, "height": height}, device_scale_factor=scale
                )
                page = context.new_page()
                page.goto(page_file.as_uri())
                page.screenshot(path=str(options.out / name))
                context.close()
                print(f"{options.out / name}: {width}×{height}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
