"""Names as people type them: one fold for matching, one 'did you mean …?'."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from typing import Final

from izumi_ledger.text.messages import t

# White space and the format characters (zero-width spaces, joiners, bidi marks, BOM) that a
# name may differ by without looking different. A test checks the class against unicodedata.
_SPACE_OR_FORMAT: Final = re.compile(
    "[\\s\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001-\U000e007f"
    "\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0"
    "\U000e0100-\U000e01ef]"
)
# How alike (difflib's ratio, after folding) a name must be to be suggested.
CLOSE_ENOUGH: Final = 0.5


def fold(text: str) -> str:
    """Normalise for matching: full-width ASCII, half-width kana and case do not matter."""
    return unicodedata.normalize("NFKC", text).casefold()


def look_alike_key(text: str) -> str:
    """What two names that people cannot tell apart have in common: the same text after
    width, compatibility forms, NFC/NFD, case, spaces and invisible characters are folded."""
    # Each step only where it changes something: most names are already plain text.
    if _SPACE_OR_FORMAT.search(text):
        text = _SPACE_OR_FORMAT.sub("", text)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    folded = text.casefold()
    if folded != text and not unicodedata.is_normalized("NFKC", folded):
        folded = unicodedata.normalize("NFKC", folded)
    return folded


def closest(name: str, known: Iterable[str], count: int = 1) -> list[str]:
    """Known names that look like name, best first: those that contain it, then alike ones."""
    by_fold = {fold(option): option for option in known}
    folded = fold(name)
    containing = [option for key, option in by_fold.items() if folded and folded in key]
    alike = difflib.get_close_matches(folded, list(by_fold), n=count, cutoff=CLOSE_ENOUGH)
    return list(dict.fromkeys([*(by_fold[key] for key in alike), *containing]))[:count]


def unknown_key_hint(key: str, allowed: Iterable[str]) -> str:
    """The hint for a key the format does not have."""
    options = list(allowed)
    close = closest(key, options)
    return (
        t("hint.did_you_mean", name=close[0])
        if close
        else t("hint.allowed_keys", keys=", ".join(options))
    )
