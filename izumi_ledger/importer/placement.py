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
    # In the order they are written (then by the words themselves): never the set's order,
    # which changes from one run to the next.
    folded = _NOT_WORDS.sub("", unicodedata.normalize("NFKC", text))
    common = sorted(wanted & bigrams(best.all_text()), key=lambda word: (folded.find(word), word))
    return best, "、".join(common[:5])


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
