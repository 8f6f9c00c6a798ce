"""What a command shows, in the format asked for: each format is defined once.

A command describes its output as a View: rows (a table, CSV, Markdown), a JSON document, lines
of text, or GitHub annotations, each made only when that format is asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from izumi_ledger.cli.render.tables import Table, print_table, to_csv, to_markdown
from izumi_ledger.cli.terminal import Terminal


@dataclass(frozen=True)
class View:
    """The forms a command's output takes; a form left None is not offered by the command."""

    document: Callable[[], Any]
    rows: Callable[[str], Table] | None = None  # given the format: headings differ by format
    text: Callable[[Terminal], None] | None = None
    markdown: Callable[[], str] | None = None  # when the rows are not the Markdown form
    annotations: Callable[[], list[str]] | None = None


def render(view: View, output: str, screen: Terminal) -> None:
    """Write view to stdout in the format output names."""
    if output == "json":
        from izumi_ledger.export.json_text import json_text

        screen.data(json_text(view.document()))
    elif output == "github" and view.annotations is not None:
        screen.data("".join(line + "\n" for line in view.annotations()))
    elif output == "markdown" and view.markdown is not None:
        screen.data(view.markdown())
    elif output in ("csv", "markdown") and view.rows is not None:
        table = view.rows(output)
        screen.data(to_csv(table) if output == "csv" else to_markdown(table))
    elif output == "text" and view.text is not None:
        view.text(screen)
    elif view.rows is not None:
        print_table(view.rows(output), screen)
    else:  # not reached: each command offers only the formats its view has
        raise ValueError(output)
