"""Finding programs: by section, tag, policy, amount, text, number or name."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal

from izumi_ledger.errors import UsageError
from izumi_ledger.figures.totals import ProgramRef, programs_of
from izumi_ledger.format.values import TAGS

if TYPE_CHECKING:
    from izumi_ledger.format.models import Ledger
from izumi_ledger.text.messages import t
from izumi_ledger.text.names import closest, fold

SortKey = Literal["number", "amount", "name"]
SORT_KEYS: Final[tuple[SortKey, ...]] = ("number", "amount", "name")


class UnknownName(UsageError):
    """A name the ledger does not know, with the closest ones it does."""

    def __init__(self, kind: str, name: str, suggestions: list[str]) -> None:
        super().__init__(
            t("list.unknown", kind=t(kind), name=name),
            t("list.close", names="、".join(suggestions)),
        )
        self.kind = kind
        self.name = name
        self.suggestions = suggestions


def known_sections(ledger: Ledger) -> list[str]:
    """The ledger's sections, then any a program names that the list lacks."""
    names = list(ledger.sections)
    for ref in programs_of(ledger):
        names.extend(name for name in ref.program.sections if name not in names)
    return names


def resolve_section(ledger: Ledger, name: str) -> str:
    """The section the user means: the one of exactly that name, else the one it folds to
    (ＩＣＴ for ICT); UsageError when it folds to several, UnknownName when to none."""
    sections = known_sections(ledger)
    if name in sections:
        return name
    folded = [section for section in sections if fold(section) == fold(name)]
    if len(folded) == 1:
        return folded[0]
    if folded:
        raise UsageError(
            t("list.ambiguous", kind=t("word.section"), name=name, names="、".join(folded)),
            t("list.ambiguous.hint"),
        )
    raise UnknownName("word.section", name, closest(name, sections, count=3) or sections)


def resolve_tag(name: str) -> str:
    """One of the format's tags (重点, 新規, 拡充), or UnknownName."""
    for tag in TAGS:
        if fold(tag) == fold(name):
            return tag
    raise UnknownName("word.tag", name, list(TAGS))


@dataclass(frozen=True)
class ProgramFilter:
    """What `izumi list` keeps; None means no restriction."""

    section: str | None = None
    tag: str | None = None
    policy: int | None = None
    min_amount: int | None = None
    grep: str | None = None

    def keeps(self, ref: ProgramRef) -> bool:
        program = ref.program
        if self.section is not None and self.section not in program.sections:
            return False
        if self.tag is not None and self.tag not in program.tags:
            return False
        if self.policy is not None and ref.policy.number != self.policy:
            return False
        if self.min_amount is not None and program.amount < self.min_amount:
            return False
        return self.grep is None or fold(self.grep) in fold(_searchable_text(ref))


def _searchable_text(ref: ProgramRef) -> str:
    program = ref.program
    parts = [program.name, program.summary or ""]
    for item in program.items:
        parts.extend([item.name, item.summary or ""])
    return "\n".join(parts)


def select_programs(
    ledger: Ledger, program_filter: ProgramFilter, sort: SortKey = "number"
) -> list[ProgramRef]:
    """The programs the filter keeps, sorted (amount: largest first)."""
    kept = [ref for ref in programs_of(ledger) if program_filter.keeps(ref)]
    return sort_programs(kept, sort)


def sort_programs(refs: Iterable[ProgramRef], sort: SortKey) -> list[ProgramRef]:
    if sort == "amount":
        return sorted(
            refs, key=lambda ref: (-ref.program.amount, ref.policy.number, ref.program.number)
        )
    if sort == "name":
        return sorted(refs, key=lambda ref: fold(ref.program.name))
    return sorted(refs, key=lambda ref: (ref.policy.number, ref.program.number))


def find_programs(ledger: Ledger, query: str, policy: int | None = None) -> list[ProgramRef]:
    """Programs a user means by a number, a whole name or a part of one."""
    refs = [ref for ref in programs_of(ledger) if policy is None or ref.policy.number == policy]
    as_written = [ref for ref in refs if ref.program.name == query]
    if as_written:  # the very name, even where another folds to it too
        return as_written
    text = fold(query).strip()
    if text.isascii() and text.isdigit():
        # No program is numbered past MAX_NUMBER: a longer number matches none (and is
        # never turned into an int of thousands of digits).
        digits = text.lstrip("0") or "0"
        number = int(digits) if len(digits) <= 9 else 0
        return [ref for ref in refs if ref.program.number == number]
    exact = [ref for ref in refs if fold(ref.program.name) == fold(text)]
    if exact:
        return exact
    return [ref for ref in refs if fold(text) in fold(ref.program.name)]


def close_program_names(ledger: Ledger, query: str) -> list[str]:
    """Program names that look like the query, for a 'did you mean'."""
    return closest(query, [ref.program.name for ref in programs_of(ledger)], count=3)
