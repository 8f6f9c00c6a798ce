"""Finding programs: by section, tag, policy, amount, text, number or name."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Final, Literal

from izumi_ledger.errors import UsageError
from izumi_ledger.figures.totals import ProgramRef, programs_of
from izumi_ledger.format.values import TAGS

if TYPE_CHECKING:
    from izumi_ledger.format.models import Ledger, Program
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


def carries_tag(program: Program, tag: str) -> bool:
    """Whether the program, or one of its items, carries the tag."""
    return tag in program.tags or any(tag in item.tags for item in program.items)


# Where in a program a text was found: its own name, summary and notes, an item (1) and its
# details (1)ア, or a ○ line beside it.
Place = tuple[str, ...]


def text_places(program: Program) -> Iterator[tuple[Place, str]]:
    """Every text of a program, each with where it is."""
    yield ("name",), program.name
    if program.summary:
        yield ("summary",), program.summary
    for item in program.items:
        number = f"({item.number})"
        yield ("item", number), item.name
        if item.summary:
            yield ("item", number), item.summary
        for detail in item.details:
            for text in (detail.name, detail.text):
                if text:
                    yield ("detail", f"{number}{detail.label}"), text
    for related in program.related:
        for text in (related.name, related.funding, related.summary, *related.notes):
            if text:
                yield ("related", related.name), text
    for note in program.notes:
        yield ("note",), note


@dataclass(frozen=True)
class ProgramFilter:
    """What `izumi list` keeps. A repeated filter keeps what matches any of its values; the
    filters together keep what matches all of them. Empty means no restriction."""

    sections: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()  # the program or one of its items carries one
    policies: tuple[int, ...] = ()
    min_amount: int | Decimal | None = None  # in the ledger's unit
    grep: str | None = None  # in any text of the program: see text_places

    def keeps(self, ref: ProgramRef) -> bool:
        program = ref.program
        if self.sections and not any(name in program.sections for name in self.sections):
            return False
        if self.tags and not any(carries_tag(program, tag) for tag in self.tags):
            return False
        if self.policies and ref.policy.number not in self.policies:
            return False
        if self.min_amount is not None and program.amount < self.min_amount:
            return False
        return self.grep is None or bool(self.matches(program))

    def matches(self, program: Program) -> list[Place]:
        """Where --grep is found in the program, each place once, in document order."""
        if self.grep is None:
            return []
        wanted = fold(self.grep)
        places: list[Place] = []
        for place, text in text_places(program):
            if place not in places and wanted in fold(text):
                places.append(place)
        return places


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
