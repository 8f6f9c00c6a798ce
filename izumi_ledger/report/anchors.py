"""The id of each policy, program and item on the page: readable (#program-2-1), and unique
even where a failing ledger repeats a number, so every link lands where it says."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from izumi_ledger.format.models import Ledger


class Anchors:
    """Ids by the id() of each part of one ledger."""

    def __init__(self, ledger: Ledger) -> None:
        self._ids: dict[int, str] = {}
        taken: set[str] = set()

        def unique(wanted: str) -> str:
            found, count = wanted, 1
            while found in taken:
                count += 1
                found = f"{wanted}-{count}"
            taken.add(found)
            return found

        for policy in ledger.policies:
            self._ids[id(policy)] = unique(f"policy-{policy.number}")
            for program in policy.programs:
                anchor = unique(f"program-{policy.number}-{program.number}")
                self._ids[id(program)] = anchor
                for item in program.items:
                    self._ids[id(item)] = unique(f"{anchor}-item-{item.number}")

    def __getitem__(self, part: object) -> str:
        return self._ids[id(part)]
