"""Names as people type them: one fold for matching, one 'did you mean …?'."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from typing import Final

from izumi_ledger.text.messages import t

# How alike (difflib's ratio, after folding) a name must be to be suggested.
CLOSE_ENOUGH: Final = 0.5


def fold(text: str) -> str:
    """Normalise for matching: full-width ASCII, half-width kana and case do not matter."""
    return unicodedata.normalize("NFKC", text).casefold()


def look_alike_key(text: str) -> str:
    """What two names that people cannot tell apart have in common: the same text after
    width, compatibility forms, NFC/NFD, case, spaces and invisible characters are folded."""
    kept = "".join(
        char for char in text if not char.isspace() and unicodedata.category(char) != "Cf"
    )
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", kept).casefold())


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
