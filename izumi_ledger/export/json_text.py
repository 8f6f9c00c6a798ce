"""JSON, written one way everywhere: UTF-8 as it is (never \\u escapes), indented."""

from __future__ import annotations

import json
from typing import Any


def json_text(document: Any) -> str:
    """The document as the text every `--format json` writes."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
