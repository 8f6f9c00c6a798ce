"""Where each line of a document went: the account an import gives of every line it read.

Every line is one of: a record (a policy, a program, its amount, an item, a ○ line), the
continuation of the record above it (a summary, a wrapped name), text before the first
record, a line understood and left out (a heading above the policies, a table's head, a page
number), a figure refused, or a line not understood. Nothing is dropped without a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from izumi_ledger.importer.document import Reading
from izumi_ledger.importer.text import Line

# A figure that can only be an amount: grouped thousands, or a number with 円.
_AMOUNT_LIKE = re.compile(r"[0-9０-９][,，][0-9０-９]{3}|[0-9０-９]\s*(?:千円|万円|円)|[億万]円")


class Place(Enum):
    RECORD = "record"
    LEDGER = "ledger"  # the ward's total, the fiscal year: read for the ledger itself
    CONTINUED = "continued"
    PREAMBLE = "preamble"
    POSTAMBLE = "postamble"  # after the last record, with no amount: a page's foot
    LEFT_OUT = "left-out"
    REFUSED = "refused"
    UNREAD = "unread"


@dataclass(frozen=True)
class Account:
    line: Line
    place: Place
    record: tuple[int, ...]  # (policy, program, item) numbers of the record it is or follows


def accounts(lines: list[Line], reading: Reading) -> list[Account]:
    """One account for each line of the document, in its order."""
    records: dict[int, tuple[int, ...]] = {}
    for policy in reading.policies:
        records.setdefault(policy.line.number, (policy.number,))
        for program in policy.programs:
            key = (policy.number, program.number)
            records.setdefault(program.line.number, key)
            if program.amount_line is not None:
                records.setdefault(program.amount_line.number, key)
            for item in program.items:
                records.setdefault(item.line.number, (*key, item.number))
            for related in program.related:
                records.setdefault(related.line.number, key)
    unread = {line.number for line in reading.unread}
    refused = {line.number for line, _ in reading.refused}
    left_out = {line.number for line in reading.skipped}
    used = {line.number for line in reading.used}
    result: list[Account] = []
    current: tuple[int, ...] = ()
    last_record = max(records, default=0)
    for line in lines:
        # A cell of a table saved one cell a line is accounted as the row it was read in.
        number = reading.joined.get(line.number, line.number)
        if number in refused:
            place = Place.REFUSED
        elif number in records:
            current = records[number]
            place = Place.RECORD
        elif number in used:
            place = Place.LEDGER
        elif number in unread or number in left_out:
            after = number > last_record and not _AMOUNT_LIKE.search(line.text)
            place = (
                Place.POSTAMBLE if after else Place.UNREAD if number in unread else Place.LEFT_OUT
            )
        elif current:
            place = Place.CONTINUED
        else:
            place = Place.PREAMBLE
        result.append(Account(line, place, records.get(number, current)))
    return result


def certainty(found: list[Account]) -> tuple[int, int]:
    """How many of the lines that print an amount were read (placed, not refused or left
    not understood), of how many: how sure an import is that it read the document whole."""
    printing = [
        account
        for account in found
        if account.place is Place.RECORD or _AMOUNT_LIKE.search(account.line.text)
    ]
    read = [account for account in printing if account.place not in (Place.UNREAD, Place.REFUSED)]
    return len(read), len(printing)
