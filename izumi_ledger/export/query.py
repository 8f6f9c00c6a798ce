"""One read-only SQL query over the tables of a database of ledgers (database.py).

The query runs in SQLite, from the standard library, on a database made in memory for it. It
may read every table and view, and use every function SQLite has; it may not write, attach a
file, change a setting or run more than one statement: each of those is refused by an
authorizer before it runs, so no query can touch a file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from izumi_ledger.errors import IzumiError
from izumi_ledger.export.database import VIEW_NAMES, Tabled, fill_database, scratch_database
from izumi_ledger.export.tables import TABLE_NAMES
from izumi_ledger.text.messages import t

SqlValue = int | float | str | bytes | None
QUERYABLE: Final = ("ledgers", *TABLE_NAMES, *VIEW_NAMES)

# What a read-only query needs: reading columns, SELECT itself, functions, recursive WITH.
_ALLOWED: Final = frozenset(
    {sqlite3.SQLITE_READ, sqlite3.SQLITE_SELECT, sqlite3.SQLITE_FUNCTION, sqlite3.SQLITE_RECURSIVE}
)
# The few functions that are not pure: none of them reads or writes a file, but a query over
# a budget has no need of them either.
_REFUSED_FUNCTIONS: Final = frozenset({"load_extension"})


class QueryRefused(IzumiError):
    """The query cannot be run: not SQL, not one statement, or not read-only."""


@dataclass(frozen=True)
class Answer:
    columns: list[str]
    rows: list[tuple[SqlValue, ...]]


def _authorize(action: int, first: str | None, *_: str | None) -> int:
    if action not in _ALLOWED:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_FUNCTION and (first or "").lower() in _REFUSED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def query_database(
    ledgers: Iterable[Tabled], unit: str, path: str = ":memory:"
) -> sqlite3.Connection:
    """A database holding the ledgers (in memory, or in a new file at path: a country's
    ledgers need not fit in memory), ready for read-only queries."""
    connection = scratch_database(path)
    fill_database(connection, ledgers, unit)
    connection.set_authorizer(_authorize)
    # Called every few thousand steps: a long query can then be stopped with Ctrl-C.
    connection.set_progress_handler(lambda: 0, 10_000)
    return connection


def run_query(connection: sqlite3.Connection, query: str) -> Answer:
    """The query's columns and rows; QueryRefused with SQLite's reason when it cannot run."""
    if not query.strip():
        raise QueryRefused(t("sql.empty"), t("sql.tables", names=", ".join(QUERYABLE)))
    try:
        query.encode("utf-8")
    except UnicodeEncodeError:  # bytes of the command line that are not UTF-8
        raise QueryRefused(t("sql.not_utf8")) from None
    try:
        cursor = connection.execute(query)
        rows = cursor.fetchall()
    except sqlite3.Warning:  # more than one statement (Python 3.12 and later)
        raise QueryRefused(t("sql.one_statement")) from None
    except sqlite3.ProgrammingError as error:
        if "one statement" in str(error):
            raise QueryRefused(t("sql.one_statement")) from None
        raise QueryRefused(t("sql.failed", reason=str(error))) from None
    except sqlite3.DatabaseError as error:
        reason = str(error)
        if reason == "interrupted":  # Ctrl-C, seen by the progress handler
            raise KeyboardInterrupt from None
        if "not authorized" in reason:
            raise QueryRefused(t("sql.read_only")) from None
        raise QueryRefused(
            t("sql.failed", reason=reason), t("sql.tables", names=", ".join(QUERYABLE))
        ) from None
    columns = [column[0] for column in cursor.description or ()]
    return Answer(columns, rows)
