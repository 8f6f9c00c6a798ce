"""Totals of a ledger: per policy and program, and grouped by program, policy, section or tag."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Final, Literal

from izumi_ledger.format.values import TAGS

if TYPE_CHECKING:
    from izumi_ledger.format.models import Item, Ledger, Policy, Program

GroupBy = Literal["program", "policy", "section", "tag"]
GROUP_BY: Final[tuple[GroupBy, ...]] = ("program", "policy", "section", "tag")
NO_SECTION: Final = "（担当課なし）"
NO_TAG: Final = "（タグなし）"


@dataclass(frozen=True)
class ProgramRef:
    """A program together with the policy it belongs to."""

    policy: Policy
    program: Program


def programs_of(ledger: Ledger) -> Iterator[ProgramRef]:
    """Every program of the ledger in document order."""
    for policy in ledger.policies:
        for program in policy.programs:
            yield ProgramRef(policy, program)


def ledger_total(ledger: Ledger) -> int:
    """The whole budget: the sum of the policies' amounts."""
    return sum(policy.amount for policy in ledger.policies)


def share(part: int, whole: int) -> Decimal | None:
    """part / whole as an exact fraction, None when whole is zero."""
    return None if whole == 0 else Decimal(part) / Decimal(whole)


@dataclass(frozen=True)
class PolicyTotal:
    policy: Policy
    change: int | None  # amount − prior_amount

    @property
    def change_ratio(self) -> Decimal | None:
        prior = self.policy.prior_amount
        if self.change is None or not prior:
            return None
        return Decimal(self.change) / Decimal(prior)


def policy_totals(ledger: Ledger) -> list[PolicyTotal]:
    """Each policy with its change from the prior year when the document gives one."""
    return [
        PolicyTotal(
            policy, None if policy.prior_amount is None else policy.amount - policy.prior_amount
        )
        for policy in ledger.policies
    ]


@dataclass
class Group:
    """Amounts that share a key. sole: amounts counted under this key only; shared: amounts
    counted under other keys too. items: the items counted by themselves, because the key (a
    tag) is on the item and not on its program."""

    key: str
    sole: int = 0
    shared: int = 0
    programs: list[ProgramRef] = field(default_factory=list)
    items: list[tuple[ProgramRef, Item]] = field(default_factory=list)

    @property
    def amount(self) -> int:
        return self.sole + self.shared


def group_data(group: Group, number: Callable[[int], object] = int) -> dict[str, object]:
    """A group as data, the one shape of group totals wherever they appear (totals --format
    json, export --format json); number shows an amount (a conversion of unit, or none)."""
    return {
        "key": group.key,
        "amount": number(group.amount),
        "sole": number(group.sole),
        "shared": number(group.shared),
        "programs": [ref.program.number for ref in group.programs],
        "program_refs": [
            {"policy": ref.policy.number, "number": ref.program.number} for ref in group.programs
        ],
        "item_refs": [
            {"policy": ref.policy.number, "program": ref.program.number, "item": item.number}
            for ref, item in group.items
        ],
    }


@dataclass(frozen=True)
class _Part:
    """A part of a program's amount and the keys it counts under; item when the part is one
    item, counted by itself because it carries a tag of its own."""

    keys: tuple[str, ...]
    amount: int
    item: Item | None = None


def _parts(ref: ProgramRef, by: GroupBy) -> list[_Part]:
    program = ref.program
    if by == "section":
        return [_Part(tuple(program.sections), program.amount)]
    tagged = [item for item in program.items if item.tags]
    if not tagged:
        return [_Part(tuple(program.tags), program.amount)]
    # An item's own tag counts that item's amount, and the program's tags apply to it too;
    # the rest of the program (its other items) counts under the program's tags.
    parts = [
        _Part(tuple(dict.fromkeys([*program.tags, *item.tags])), item.amount, item)
        for item in tagged
    ]
    rest = program.amount - sum(item.amount for item in tagged)
    if rest or len(tagged) < len(program.items):
        parts.append(_Part(tuple(program.tags), rest))
    return parts


def group_totals(ledger: Ledger, by: GroupBy) -> list[Group]:
    """Totals per key. An amount with several sections (or tags) counts in full for each; a
    tag on an item counts that item's amount, a tag on a program the whole program."""
    if by == "program":
        return [
            Group(ref.program.name, ref.program.amount, 0, [ref]) for ref in programs_of(ledger)
        ]
    if by == "policy":
        return [
            Group(
                policy.title,
                policy.amount,
                0,
                [ProgramRef(policy, program) for program in policy.programs],
            )
            for policy in ledger.policies
        ]
    order = list(ledger.sections) if by == "section" else list(TAGS)
    groups: dict[str, Group] = {key: Group(key) for key in order}
    unnamed = NO_SECTION if by == "section" else NO_TAG
    for ref in programs_of(ledger):
        for part in _parts(ref, by):
            keys = part.keys or (unnamed,)
            for key in keys:
                group = groups.setdefault(key, Group(key))
                if len(keys) == 1:
                    group.sole += part.amount
                else:
                    group.shared += part.amount
                # An item counts as itself under its own tags; under a tag its program
                # carries, it is a part of that program.
                own = part.item is not None and key not in ref.program.tags
                if own and part.item is not None:
                    group.items.append((ref, part.item))
                elif not group.programs or group.programs[-1] is not ref:
                    group.programs.append(ref)
    found = [group for group in groups.values() if group.programs or group.items]
    # Largest first, as the question is usually "who spends the most"; the unnamed group last.
    return sorted(found, key=lambda group: (group.key in (NO_SECTION, NO_TAG), -group.amount))


@dataclass(frozen=True)
class Counts:
    policies: int
    programs: int
    items: int


def counts(ledger: Ledger) -> Counts:
    """How many policies, programs and items the ledger holds."""
    programs = [ref.program for ref in programs_of(ledger)]
    return Counts(
        len(ledger.policies), len(programs), sum(len(program.items) for program in programs)
    )
