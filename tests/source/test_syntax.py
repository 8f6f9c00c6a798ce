"""YAML syntax errors in the user's words, at the line and column to edit, with a hint."""

from __future__ import annotations

import pytest
from support import SMALL, load_text

from izumi_ledger.text.messages import reset, use

CASES = {
    # name: (old text, new text, line, column, Japanese words, English words)
    "tab": ("    title:", "\ttitle:", "タブで字下げ", "indented with a tab"),
    "full-width space": ("    title:", "\u3000  title:", "全角スペースで字下げ", "full-width"),
    "full-width colon": ("    title: ", "    title：", "全角の「：」", "full-width colon"),
    "no colon": ("    title: ", "    title ", "「:」がありません", "has no colon"),
}


def _broken(old: str, new: str) -> str:
    assert old in SMALL
    return SMALL.replace(old, new, 1)


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("language", ["ja", "en"])
def test_each_mistake_is_named_in_the_users_language_at_its_own_line(
    name: str, language: str
) -> None:
    old, new, japanese, english = CASES[name]
    text = _broken(old, new)
    line = text[: text.index(new)].count("\n") + 1
    use("en" if language == "en" else "ja")
    try:
        findings = load_text(text, "ledger.yaml").findings
    finally:
        reset()
    assert findings, text
    finding = findings[0]
    assert finding.rule == "yaml-syntax"
    assert finding.line == line  # where the mistake is, not where the parser noticed it
    assert (english if language == "en" else japanese) in finding.message
    assert finding.hint


def test_a_colon_inside_a_text_is_told_with_quotes_to_add() -> None:
    text = SMALL.replace("    title: ", "    title: 目的: ", 1)
    (finding,) = load_text(text, "ledger.yaml").findings
    assert "値の中に「: 」" in finding.message
    assert '"' in finding.hint
    assert finding.line == 10
    assert finding.column == len("    title: 目的") + 1  # at the colon that breaks it


def test_an_unclosed_quote_keeps_the_general_message_with_a_hint() -> None:
    text = SMALL.replace("    title: ", '    title: "', 1)
    (finding,) = load_text(text, "ledger.yaml").findings
    assert "YAML として読めません" in finding.message
    assert "引用符" in finding.hint
