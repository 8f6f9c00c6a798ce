"""Comparing two ledgers (two years, or two revisions): added, removed, renamed, changed."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Final, Generic, Protocol, TypeVar

from izumi_ledger.figures.totals import ledger_total
from izumi_ledger.format.amounts import UNIT_IN_YEN, Unit
from izumi_ledger.format.models import Item, Ledger, Policy, Program

Entry = TypeVar("Entry", Program, Item)


class Named(Protocol):
    """What pairing entries of two years needs of each: its number and its name."""

    @property
    def number(self) -> int: ...
    @property
    def name(self) -> str: ...


Pairable = TypeVar("Pairable", bound=Named)
# Names this alike (difflib's ratio) are taken as one entry renamed.
RENAMED_AT: float = 0.5
# Looking for a renamed entry among entries of other numbers compares every pair left over:
# past this many pairs (a whole ledger renumbered and renamed) only entries of the same number
# are taken as renamed, and the comparison says so. Names are compared by their beginning.
ALIKE_PAIRS_AT_MOST: Final = 250_000
_NAME_COMPARED: Final = 200


class Status(StrEnum):
    SAME = "same"
    CHANGED = "changed"
    RENAMED = "renamed"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class Change:
    """One program or item in either ledger, and how it differs (amounts in the common unit)."""

    level: str  # "policy", "program" or "item"
    status: Status
    policy: int
    program: int | None  # for items: the program's number in the new ledger (else the old)
    number: int | None  # in the new ledger; None when removed
    old_number: int | None  # in the old ledger; None when added
    name: str
    old_name: str | None
    old_amount: int | None
    new_amount: int | None
    # What else differs between the two, figures aside: sections and tags gained and lost.
    sections_added: tuple[str, ...] = ()
    sections_removed: tuple[str, ...] = ()
    tags_added: tuple[str, ...] = ()
    tags_removed: tuple[str, ...] = ()

    @property
    def others_differ(self) -> bool:
        """Whether anything but the figures differs: the name, the number, sections, tags."""
        return bool(
            self.status is Status.RENAMED
            or (self.number is not None and self.old_number not in (None, self.number))
            or self.sections_added
            or self.sections_removed
            or self.tags_added
            or self.tags_removed
        )

    @property
    def differs(self) -> bool:
        return self.status is not Status.SAME or self.others_differ

    @property
    def change(self) -> int | None:
        if self.old_amount is None or self.new_amount is None:
            return None
        return self.new_amount - self.old_amount

    @property
    def change_ratio(self) -> Decimal | None:
        if self.change is None or not self.old_amount:
            return None
        return Decimal(self.change) / Decimal(self.old_amount)


@dataclass(frozen=True)
class TitleChange:
    """A policy whose title differs between the two ledgers."""

    policy: int
    old_title: str
    new_title: str


@dataclass(frozen=True)
class Comparison:
    unit: Unit
    old_total: int
    new_total: int
    changes: list[Change]
    # True when so many entries were left unmatched that renames were sought only among
    # entries of the same number (ALIKE_PAIRS_AT_MOST).
    renames_limited: bool = False
    # The sections the ledgers list, gained and lost.
    sections_added: tuple[str, ...] = ()
    sections_removed: tuple[str, ...] = ()

    @property
    def titles(self) -> list[TitleChange]:
        """The policies whose title differs: the policy rows renamed."""
        return [
            TitleChange(change.policy, change.old_name, change.name)
            for change in self.changes
            if change.level == "policy" and change.status is Status.RENAMED and change.old_name
        ]

    @property
    def anything_differs(self) -> bool:
        return (
            self.figures_differ
            or bool(self.sections_added or self.sections_removed)
            or any(c.differs for c in self.changes)
        )

    @property
    def figures_differ(self) -> bool:
        """Whether any amount changed or anything was added or removed."""
        return self.old_total != self.new_total or any(
            change.status in (Status.CHANGED, Status.ADDED, Status.REMOVED)
            or change.change not in (0, None)
            for change in self.changes
        )


@dataclass(frozen=True)
class _Pair(Generic[Pairable]):
    old: Pairable | None
    new: Pairable | None


def _pair(
    old: Sequence[Pairable],
    new: Sequence[Pairable],
    name: Callable[[Pairable], str],
    limited: list[bool] | None = None,
) -> list[_Pair[Pairable]]:
    """Match entries: same number and name, then same name, then alike names; the rest
    unmatched. limited, when given, is told whether the alike names were sought only among
    entries of the same number."""
    pairs: list[_Pair[Pairable]] = []
    left = dict.fromkeys(range(len(old)))  # indices not matched yet, in order
    right = dict.fromkeys(range(len(new)))

    def take(
        key: Callable[[Pairable], Hashable] | None, match: Callable[[Pairable, Pairable], bool]
    ) -> None:
        # Each old entry, in order, takes the first new one (in order) that matches; the new
        # ones are looked up by key (its number, its name) rather than every pair tried.
        candidates: dict[Hashable, list[int]] = {}
        for j in right:
            candidates.setdefault(key(new[j]) if key else None, []).append(j)
        for i in list(left):
            for j in candidates.get(key(old[i]) if key else None, ()):
                if j in right and match(old[i], new[j]):
                    pairs.append(_Pair(old[i], new[j]))
                    del left[i], right[j]
                    break

    take(lambda entry: (entry.number, name(entry)), lambda a, b: True)
    take(name, lambda a, b: True)
    take(lambda entry: entry.number, lambda a, b: _alike(name(a), name(b)))
    if len(left) * len(right) <= ALIKE_PAIRS_AT_MOST:
        take(None, lambda a, b: _alike(name(a), name(b)))
    elif limited is not None:
        limited.append(True)
    pairs.extend(_Pair(old[i], None) for i in left)
    pairs.extend(_Pair(None, new[j]) for j in right)
    return sorted(pairs, key=lambda pair: _order(pair.new, pair.old))


def matched(
    old: Sequence[Pairable], new: Sequence[Pairable]
) -> list[tuple[Pairable | None, Pairable | None]]:
    """Programs (or items) of two years paired as `izumi diff` pairs them: same number and
    name, then same name, then alike names; None on the side an entry is missing from."""
    return [(pair.old, pair.new) for pair in _pair(old, new, lambda entry: entry.name)]


def _alike(a: str, b: str) -> bool:
    matcher = difflib.SequenceMatcher(None, a[:_NAME_COMPARED], b[:_NAME_COMPARED])
    # The cheap upper bounds first: most pairs of a large ledger are told apart by them.
    return (
        matcher.real_quick_ratio() >= RENAMED_AT
        and matcher.quick_ratio() >= RENAMED_AT
        and matcher.ratio() >= RENAMED_AT
    )


def _status(old_name: str | None, new_name: str | None, old: int | None, new: int | None) -> Status:
    if old_name is None:
        return Status.ADDED
    if new_name is None:
        return Status.REMOVED
    if old_name != new_name:
        return Status.RENAMED
    return Status.SAME if old == new else Status.CHANGED


def compare(old: Ledger, new: Ledger) -> Comparison:
    """Every program and item of two ledgers, matched, with amounts in the finer of their units."""
    unit: Unit = min((old.unit, new.unit), key=lambda name: UNIT_IN_YEN[name])
    scales = (
        UNIT_IN_YEN[old.unit] // UNIT_IN_YEN[unit],
        UNIT_IN_YEN[new.unit] // UNIT_IN_YEN[unit],
    )
    changes: list[Change] = []
    limited: list[bool] = []
    old_policies = {policy.number: policy for policy in old.policies}
    new_policies = {policy.number: policy for policy in new.policies}
    for number in sorted(set(old_policies) | set(new_policies)):
        changes.append(_policy_change(old_policies.get(number), new_policies.get(number), scales))
        old_programs = old_policies[number].programs if number in old_policies else []
        new_programs = new_policies[number].programs if number in new_policies else []
        for pair in _pair(old_programs, new_programs, lambda program: program.name, limited):
            changes.append(_change("program", pair, number, None, scales))
            program_number = (pair.new or pair.old).number  # type: ignore[union-attr]
            old_items = pair.old.items if pair.old else []
            new_items = pair.new.items if pair.new else []
            changes.extend(
                _change("item", item_pair, number, program_number, scales)
                for item_pair in _pair(old_items, new_items, lambda item: item.name, limited)
            )
    return Comparison(
        unit,
        ledger_total(old) * scales[0],
        ledger_total(new) * scales[1],
        changes,
        bool(limited),
        _gained(old.sections, new.sections),
        _gained(new.sections, old.sections),
    )


def _policy_change(old: Policy | None, new: Policy | None, scales: tuple[int, int]) -> Change:
    """A policy as a change of its own: its title and its amount (its programs follow)."""
    either = new or old
    assert either is not None
    old_amount = old.amount * scales[0] if old else None
    new_amount = new.amount * scales[1] if new else None
    status = _status(old.title if old else None, new.title if new else None, old_amount, new_amount)
    return Change(
        "policy",
        status,
        either.number,
        None,
        new.number if new else None,
        old.number if old else None,
        either.title,
        old.title if status is Status.RENAMED and old else None,
        old_amount,
        new_amount,
    )


def _gained(old: Sequence[str], new: Sequence[str]) -> tuple[str, ...]:
    return tuple(name for name in new if name not in old)


def _change(
    level: str, pair: _Pair[Entry], policy: int, program: int | None, scales: tuple[int, int]
) -> Change:
    old_amount = pair.old.amount * scales[0] if pair.old else None
    new_amount = pair.new.amount * scales[1] if pair.new else None
    old_name = pair.old.name if pair.old else None
    new_name = pair.new.name if pair.new else None
    status = _status(old_name, new_name, old_amount, new_amount)
    old_sections: Sequence[str] = getattr(pair.old, "sections", ())
    new_sections: Sequence[str] = getattr(pair.new, "sections", ())
    old_tags: Sequence[str] = pair.old.tags if pair.old else ()
    new_tags: Sequence[str] = pair.new.tags if pair.new else ()
    both = pair.old is not None and pair.new is not None
    return Change(
        level,
        status,
        policy,
        program,
        pair.new.number if pair.new else None,
        pair.old.number if pair.old else None,
        new_name or old_name or "",
        old_name if status is Status.RENAMED else None,
        old_amount,
        new_amount,
        _gained(old_sections, new_sections) if both else (),
        _gained(new_sections, old_sections) if both else (),
        _gained(old_tags, new_tags) if both else (),
        _gained(new_tags, old_tags) if both else (),
    )


def _order(new: Named | None, old: Named | None) -> tuple[int, int]:
    # New entries in their new order; removed ones after, in their old order.
    if new is not None:
        return (0, new.number)
    assert old is not None
    return (1, old.number)
