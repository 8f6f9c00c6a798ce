"""`izumi schema`: the ledger format as JSON Schema, for editors and validators."""

from __future__ import annotations

from izumi_ledger.cli.choices import apply_language
from izumi_ledger.cli.options import LanguageOption
from izumi_ledger.cli.terminal import terminal
from izumi_ledger.export.json_text import json_text
from izumi_ledger.format.schema import ledger_json_schema


def schema_command(
    lang: LanguageOption = None,
) -> None:
    """台帳の書式を JSON Schema（draft 2020-12）で出力する。

    エディタ（YAML language server）で補完とその場の検査に使える。各項目に日本語と英語の説明つき。

    例: izumi schema > izumi-ledger.schema.json
    """
    apply_language(lang)
    terminal().data(json_text(ledger_json_schema()))
