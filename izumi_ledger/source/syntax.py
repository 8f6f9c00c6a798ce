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

# How far above the place the parser noticed it a mistake is looked for (from the line the
# parser says it was reading, when that is earlier, but never further than this).
_LOOK_BACK: Final = 3
_LOOK_BACK_AT_MOST: Final = 20
# What a line of the ledger's structure begins with, once indented: a key or a list's "- ".
_STRUCTURE = re.compile(r"-(?:[ \t]|$)|[A-Za-z_][A-Za-z0-9_]*[ \t\u3000]*[:：]")
_SHOWN_AT_MOST: Final = 30  # characters of a value a hint repeats
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


def _known_keys() -> frozenset[str]:
    """Every key of the format: a word before a value is only taken for a key missing its
    colon when it is one of these (never the first word of a note)."""
    from izumi_ledger.format import models

    return frozenset(
        name
        for model in (
            models.Ledger,
            models.Policy,
            models.Program,
            models.Item,
            models.Detail,
            models.Related,
        )
        for name in model.model_fields
    )


def _short(text: str) -> str:
    return text if len(text) <= _SHOWN_AT_MOST else text[:_SHOWN_AT_MOST] + "…"


def diagnose(
    lines: Callable[[int], str], line: int, problem: str, since: int | None = None
) -> Diagnosis | None:
    """The mistake behind a syntax error the parser noticed at line (1-based), or None when
    it is none of the known ones; since is the line the parser was reading from, when it
    says. lines gives the text of a line ('' past the end)."""
    first = max(line - _LOOK_BACK, 1)
    if since is not None and since < first:
        first = max(since, line - _LOOK_BACK_AT_MOST, 1)
    candidates = [(number, lines(number)) for number in range(first, line + 1)]
    # The kinds are tried in turn over the nearby lines: an indentation of tabs or
    # full-width spaces is the cause wherever it is; a line's own mistake is sought nearest
    # the place the parser stopped, going back.
    for number, text in candidates:
        indent = _INDENT.match(text)
        assert indent is not None
        leading = indent.group()
        if not _STRUCTURE.match(text, len(leading)):
            continue  # a line inside a text (a quoted or block value) may hold any space
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
            value = _short(found.group(2))
            quoted_hint = (
                "syntax.colon_in_value.hint_single"
                if '"' in value
                else ("syntax.colon_in_value.hint")
            )
            return Diagnosis(
                number,
                found.start(3) + 1,
                t("syntax.colon_in_value", key=found.group(1)),
                t(quoted_hint, key=found.group(1), value=value),
            )
        found = _NO_COLON.match(text)
        if (
            found
            and found.group(1) in _known_keys()
            and (number < line or "expected ':'" in problem)
        ):
            return Diagnosis(
                number,
                found.end(1) + 1,
                t("syntax.no_colon", key=found.group(1)),
                t(
                    "syntax.no_colon.hint",
                    key=found.group(1),
                    value=_short(found.group(2).strip()),
                ),
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


def key_mistake(key: str, allowed: tuple[str, ...]) -> tuple[str, str, str] | None:
    """The mistake that made an unknown key of a line YAML could read (a full-width space
    before a key, a full-width colon, a colon left out): a message, a hint and the key that
    was meant ('' when it cannot be told); None when the key is simply not one the format
    knows."""
    if key[:1].isspace():
        meant = key.strip().partition("：")[0].strip()
        return (
            t("syntax.full_width_space"),
            t("syntax.full_width_space.hint"),
            meant if meant in allowed else "",
        )
    head, colon, _ = key.partition("：")
    if colon and head.strip() in allowed:
        return (
            t("syntax.full_width_colon", key=head.strip()),
            t("syntax.full_width_colon.hint", key=head.strip()),
            head.strip(),
        )
    head, space, value = key.partition(" ")
    if space and head in allowed:
        hint = t("syntax.no_colon.hint", key=head, value=_short(value))
        return t("syntax.no_colon", key=head), hint, head
    return None
