"""A real browser for the report's tests: Debian's Chromium, driven by Playwright.

Without Chromium (or Playwright) these tests are skipped on a developer's machine and fail
under CI, which sets IZUMI_REQUIRE_BROWSER=1 after installing Chromium (.ci/run).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from support import REPO

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

# Chromium as the machine allows it (no sandbox as root, nothing fetched in the background),
# with the flags bench/browser.py gives it: the one browser of the tests and the screenshots,
# whose every request is the page's own.
sys.path.insert(0, str(REPO))
from bench.browser import FLAGS as CHROMIUM_FLAGS  # noqa: E402


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _missing(reason: str) -> None:
    if os.environ.get("IZUMI_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (IZUMI_REQUIRE_BROWSER=1: the browser tests must run)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    if executable is None:
        _missing("no Chromium on this machine (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        # Playwright starts each browser with a new, empty profile of its own.
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


Opener = Callable[..., "tuple[Page, list[str]]"]


@pytest.fixture(scope="session")
def open_page(browser: Browser) -> Iterator[Opener]:
    """open_page(path, width, height): the page loaded at that size, and every request it
    made. A page is loaded once and shared by the tests that only read it; fresh=True gives
    a test that types or scrolls a page of its own. All share one browser context, whose
    renderer keeps the fonts loaded: a page then loads in a fifth of a second, not one."""
    context = browser.new_context()
    opened: dict[tuple[Path, int, int], tuple[Page, list[str]]] = {}

    def opener(
        path: Path, width: int = 1280, height: int = 800, fresh: bool = False
    ) -> tuple[Page, list[str]]:
        key = (path, width, height)
        if key in opened and not fresh:
            return opened[key]
        page = context.new_page()
        page.set_viewport_size({"width": width, "height": height})
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(path.resolve().as_uri())
        if not fresh:
            opened[key] = (page, requests)
        return page, requests

    yield opener
    context.close()
