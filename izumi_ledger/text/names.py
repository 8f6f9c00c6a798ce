"""'Did you mean …?': the closest known names to one a person typed."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

from izumi_ledger.text.messages import t


def closest(name: str, known: Iterable[str], count: int = 1, cutoff: float = 0.6) -> list[str]:
    """Known names that look like name, best first; width and case forms do not matter."""
    by_fold = {unicodedata.normalize("NFKC", option).casefold(): option for option in known}
    folded = unicodedata.normalize("NFKC", name).casefold()
    matches = difflib.get_close_matches(folded, list(by_fold), n=count, cutoff=cutoff)
    return [by_fold[match] for match in matches]


def unknown_key_hint(key: str, allowed: Iterable[str]) -> str:
    """The hint for a key the format does not have."""
    options = list(allowed)
    close = closest(key, options)
    return (
        t("hint.did_you_mean", name=close[0])
        if close
        else t("hint.allowed_keys", keys=", ".join(options))
    )
