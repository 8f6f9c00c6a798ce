"""What a YAML syntax error means to the person who made it, and where they have to edit.

The parser says what it expected ("could not find expected ':'") where it noticed the
mistake, often a line after it. The mistakes people make in a ledger are few: a tab or a
full-width space for indentation, a full-width colon or none at all after a key, ": " inside
an unquoted text, a line indented wrongly. Each is recognised from the lines themselves and
told in the user's language, at the line and column of the mistake, with what to do.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from izumi_ledger.text.messages import t

# How far above the place the parser noticed it a mistake is looked for.
_LOOK_BACK: Final = 3
_INDENT = re.compile(r"[ \t\u3000]*")
# A key as ledgers write them (amount, prior_amount), maybe after a list's "- ".
_KEY = r"(?:-[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)"
_FULL_WIDTH_COLON = re.compile(rf"[ \t]*{_KEY}[ \t\u3000]*(：)")
_NO_COLON = re.compile(rf"[ \t]*{_KEY}[ \t\u3000]+([^:\s：#][^:]*)$")
# key: value with ": " again inside the value, which is not quoted.
_COLON_IN_VALUE = re.compile(rf"[ \t]*{_KEY}:[ \t]+([^\"'\s{{\[|>][^#]*?)(:[ \t])")


@dataclass(frozen=True)
class Diagnosis:
    line: int
    column: int
    message: str
    hint: str


def diagnose(lines: Callable[[int], str], line: int, problem: str) -> Diagnosis | None:
    """The mistake behind a syntax error the parser noticed at line (1-based), or None when
    it is none of the known ones. lines gives the text of a line ('' past the end)."""
    first = max(line - _LOOK_BACK, 1)
    candidates = [(number, lines(number)) for number in range(first, line + 1)]
    # The kinds are tried in turn over the nearby lines: an indentation of tabs or
    # full-width spaces is the cause wherever it is; a line's own mistake is sought nearest
    # the place the parser stopped, going back.
    for number, text in candidates:
        indent = _INDENT.match(text)
        assert indent is not None
        leading = indent.group()
        if "\t" in leading:
            return Diagnosis(number, leading.index("\t") + 1, t("syntax.tab"), t("syntax.tab.hint"))
        if "\u3000" in leading:
            return Diagnosis(
                number,
                leading.index("\u3000") + 1,
                t("syntax.full_width_space"),
                t("syntax.full_width_space.hint"),
            )
    for number, text in reversed(candidates):
        found = _FULL_WIDTH_COLON.match(text)
        if found:
            return Diagnosis(
                number,
                found.start(2) + 1,
                t("syntax.full_width_colon", key=found.group(1)),
                t("syntax.full_width_colon.hint", key=found.group(1)),
            )
        found = _COLON_IN_VALUE.match(text)
        if found and "mapping values" in problem:
            return Diagnosis(
                number,
                found.start(3) + 1,
                t("syntax.colon_in_value", key=found.group(1)),
                t("syntax.colon_in_value.hint", key=found.group(1), value=found.group(2)),
            )
        found = _NO_COLON.match(text)
        if found and number < line or (found and "expected ':'" in problem):
            return Diagnosis(
                number,
                found.end(1) + 1,
                t("syntax.no_colon", key=found.group(1)),
                t("syntax.no_colon.hint", key=found.group(1), value=found.group(2).strip()),
            )
    out_of_step = ("mapping values", "expected <block end>", "indentation", "expected '-'")
    if any(word in problem for word in out_of_step):
        text = lines(line)
        indent = _INDENT.match(text)
        assert indent is not None
        return Diagnosis(
            line, len(indent.group()) + 1, t("syntax.indentation"), t("syntax.indentation.hint")
        )
    return None


def key_mistake(key: str, allowed: tuple[str, ...]) -> tuple[str, str] | None:
    """The mistake that made an unknown key of a line YAML could read (a full-width space
    before a key, a full-width colon, a colon left out), as a message and a hint; None when
    the key is simply not one the format knows."""
    if key[:1].isspace():
        return t("syntax.full_width_space"), t("syntax.full_width_space.hint")
    head, colon, _ = key.partition("：")
    if colon and head.strip() in allowed:
        return (
            t("syntax.full_width_colon", key=head.strip()),
            t("syntax.full_width_colon.hint", key=head.strip()),
        )
    head, space, value = key.partition(" ")
    if space and head in allowed:
        return t("syntax.no_colon", key=head), t("syntax.no_colon.hint", key=head, value=value)
    return None
