"""Writing a ledger back as YAML that a person would write: block style, format order."""

from __future__ import annotations

from typing import Any

import yaml

from izumi_ledger.format.models import Ledger
from izumi_ledger.text.visible import escaped_characters, visible


class _LedgerDumper(yaml.SafeDumper):
    """Block style with indented lists, no anchors or aliases, Japanese left as it is."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # List items sit under their key, as people indent them, not level with it.
        super().increase_indent(flow, False)


def _text(dumper: _LedgerDumper, value: str) -> yaml.ScalarNode:
    # Text with a control, a break YAML alone sees (NEL, LS, PS) or an invisible character is
    # double-quoted, where dump_data writes each as its escape: the file shows what it holds.
    if any(char != "\n" for char in escaped_characters(value)):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    # Multi-line text as a literal block, so the line breaks a person sees stay where they are.
    if "\n" in value and value == value.strip():
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_LedgerDumper.add_representer(str, _text)


def ledger_data(ledger: Ledger) -> dict[str, Any]:
    """The ledger as plain values, in the format's key order, leaving out empty optional keys."""
    return ledger.model_dump(mode="python", exclude_defaults=True)


def dump_ledger(ledger: Ledger) -> str:
    """YAML text that loads back to the same ledger."""
    return dump_data(ledger_data(ledger))


def dump_data(data: dict[str, Any]) -> str:
    """YAML text for plain ledger values (as ledger_data gives them)."""
    text: str = yaml.dump(
        data,
        Dumper=_LedgerDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=10_000,
        indent=2,
    )
    # Only double-quoted scalars hold such characters (see _text), and there \x1b, \u202e …
    # are YAML's own escapes.
    return visible(text)
