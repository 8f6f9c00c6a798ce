"""The report as one HTML file: the page's content through its template, CSS inline.

Autoescaping is on for every value, so a name is always text: `<script>` and `{{ }}` in a
ledger show as themselves. The page loads nothing: its Content-Security-Policy forbids every
fetch and every script, so even markup that slipped through could not reach the network.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2
    import markupsafe

    from izumi_ledger.report.view import Page

TEMPLATE = "page.html.j2"
STYLESHEET = "page.css"
# Nothing fetched, nothing run: styles are the page's own, images only data: URLs.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


def css_string(text: str) -> markupsafe.Markup:
    """text as a CSS string: every ASCII character but letters and digits written as its
    escape, so no quote, backslash or `</style>` can end the string or the sheet. (Spaces
    too: a space right after an escape would be read as the escape's end and dropped.)"""
    import markupsafe

    written = "".join(
        char if char.isalnum() or not char.isascii() else f"\\{ord(char):06x}" for char in text
    )
    return markupsafe.Markup(f'"{written}"')


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    import jinja2

    folder = resources.files("izumi_ledger.report")
    environment = jinja2.Environment(
        loader=jinja2.DictLoader({TEMPLATE: (folder / TEMPLATE).read_text(encoding="utf-8")}),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["css_string"] = css_string
    return environment


def render_page(page: Page) -> str:
    """The whole HTML document of a page."""
    stylesheet = (resources.files("izumi_ledger.report") / STYLESHEET).read_text(encoding="utf-8")
    template = _environment().get_template(TEMPLATE)
    return template.render(page=page, stylesheet=stylesheet, policy=CONTENT_SECURITY_POLICY)
