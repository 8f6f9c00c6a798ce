"""JSON, written one way everywhere: UTF-8 as it is, indented; \\u escapes only for the
characters a terminal would obey or hide (controls, separators, bidi and format characters)."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from typing import Any

from izumi_ledger.text.visible import escaped_characters


def json_text(document: Any) -> str:
    """The document as the text every `--format json` writes; a Decimal is written as the
    exact number it is (9007199254740.991), never through a float."""
    exact: dict[str, str] = {}
    token = os.urandom(8).hex()

    def decimal(value: object) -> str:
        if not isinstance(value, Decimal):
            raise TypeError(f"{type(value).__name__} is not JSON")
        mark = f"{token}:{len(exact)}"
        exact[mark] = format(value, "f")
        return mark

    text = json.dumps(document, ensure_ascii=False, indent=2, default=decimal) + "\n"
    for mark, number in exact.items():
        text = text.replace(f'"{mark}"', number, 1)
    if not escaped_characters(text.replace("\n", "")):
        return text
    # Outside strings JSON has only spaces and line breaks, so each such character is inside
    # a string, where its \\u escape is the same text.
    return "".join(
        _json_escape(char) if char != "\n" and escaped_characters(char) else char for char in text
    )


def _json_escape(char: str) -> str:
    return json.dumps(char, ensure_ascii=True)[1:-1]
