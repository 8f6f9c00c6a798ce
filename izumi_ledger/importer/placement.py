"""Deciding which program a loose line belongs to, from what the lines say.

A PDF's text puts some things where the page layout, not the meaning, put them: ○ lines after
the last program of a page, and the 重点/新規/拡充 markers at the foot of a page. When a page
holds several programs, the line goes to the program whose text it shares most with, and the
decision is written into the entry's notes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from izumi_ledger.importer.document import ProgramRecord

_NOT_WORDS = re.compile(r"[\s、。・「」『』（）()【】，,．.：:！!？?\-ー〜～0-9]")
# Words that say an activity grows: what a 拡充 (expansion) marker points at.
_GROWTH = ("拡充", "拡大", "充実", "強化", "促進", "増やし", "広げ")
_NEW = ("新た", "新規", "新しく", "初めて", "開始")


def bigrams(text: str) -> set[str]:
    folded = _NOT_WORDS.sub("", unicodedata.normalize("NFKC", text))
    return {folded[index : index + 2] for index in range(len(folded) - 1)}


def closest_program(text: str, candidates: Sequence[ProgramRecord]) -> tuple[ProgramRecord, str]:
    """The candidate whose text shares the most two-character words with text, and why."""
    wanted = bigrams(text)

    def shared(program: ProgramRecord) -> int:
        return len(wanted & bigrams(program.all_text()))

    best = max(candidates, key=shared)  # max keeps the first of equals: the earlier program
    return best, "、".join(shared_words(text, best.all_text()))


# Where a word ends: spaces, punctuation, brackets, digits (a long vowel mark is in words).
_BETWEEN_WORDS = re.compile(r"[\s、。・「」『』（）()【】，,．.：:！!？?\-〜～0-9]+")
_KANA_EDGES = re.compile(r"^[ぁ-んー]+|[ぁ-ん]+$")


def shared_words(text: str, other: str, count: int = 5) -> list[str]:
    """The words of text that other has too, whole (商店街, never 商店、店街) and without the
    particles around them, longest first and then in the order text writes them."""
    theirs = {
        piece[index : index + 2]
        for piece in _BETWEEN_WORDS.split(unicodedata.normalize("NFKC", other))
        for index in range(len(piece) - 1)
    }
    first: dict[str, int] = {}
    position = 0
    for piece in _BETWEEN_WORDS.split(unicodedata.normalize("NFKC", text)):
        start = None
        for index in range(len(piece)):
            inside = piece[index : index + 2] in theirs
            if inside and start is None:
                start = index
            if not inside and start is not None:
                word = _KANA_EDGES.sub("", piece[start : index + 1])
                if len(word) >= 2:
                    first.setdefault(word, position + start)
                start = None
        position += len(piece) + 1
    kept: list[str] = []
    for word in sorted(first, key=lambda word: (-len(word), first[word])):
        if not any(word in longer for longer in kept):  # 商店街 is said by 商店街活性化
            kept.append(word)
    return sorted(kept[:count], key=lambda word: first[word])


def marker_program(tag: str, candidates: Sequence[ProgramRecord]) -> tuple[ProgramRecord, str]:
    """The program a page-foot marker most likely belongs to, and why."""
    words = _GROWTH if tag == "拡充" else _NEW if tag == "新規" else ()
    hits = [program for program in candidates if any(word in program.all_text() for word in words)]
    if len(hits) == 1:
        found = next(word for word in words if word in hits[0].all_text())
        return hits[0], f"このページの事業で「{found}」など{tag}を示す語があるのはこの事業だけ"
    return candidates[0], "内容から決められないため、ページの最初の事業に付けた"


def page_span(candidates: Sequence[ProgramRecord]) -> str:
    """'事業10〜12' for the programs of a page."""
    first, last = candidates[0].number, candidates[-1].number
    return f"事業{first}" if first == last else f"事業{first}〜{last}"
