"""Many ledgers at once: the files a command line names (several paths, folders, globs),
each checked through the cache, in parallel on every core.

    paths = expand(["budgets/", "extra/*.yaml"])
    results = check_all(paths)           # one Checked per file, in the order of paths

Ledgers are told apart by city, ward and fiscal year: a second file with the same three is
an error on it, naming the first. A ledger whose ward's year before is in the collection
has its 前年度 figures held to that year's amounts (years.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from izumi_ledger.errors import UsageError
from izumi_ledger.findings import Finding, Severity
from izumi_ledger.loading import Checked
from izumi_ledger.text.messages import t
from izumi_ledger.years import YearFigures, figures_of

if TYPE_CHECKING:
    from izumi_ledger.export.database import Tabled
    from izumi_ledger.export.tables import CheckStatus
    from izumi_ledger.format.amounts import Unit

LEDGER_SUFFIXES = (".yaml", ".yml")
_GLOB_CHARACTERS = frozenset("*?[")
# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 4
_T = TypeVar("_T")


def is_collection(sources: Sequence[str]) -> bool:
    """Whether the sources name more than one ledger: several, a folder or a glob."""
    if len(sources) > 1:
        return True
    # An empty name is no folder (Path("") is the current one): it means the default ledger.
    return any(source and (_is_glob(source) or os.path.isdir(source)) for source in sources)


# os.path answers False for a name the system cannot look up (too long, in a folder that may
# not be searched): reading it then says why, as for any ledger that cannot be read.
def _is_glob(source: str) -> bool:
    return not os.path.lexists(source) and bool(_GLOB_CHARACTERS & set(source))


def _glob(pattern: str) -> list[str]:
    """The files a glob names; ** never goes into a link to a folder, so a loop of links
    cannot make it run forever (the glob module would follow them). As in a shell, names
    that begin with a dot (.hidden, macOS's ._x.yaml) are not matched."""
    path = Path(pattern)
    base = Path(path.anchor) if path.is_absolute() else Path()
    relative = str(path.relative_to(path.anchor)) if path.is_absolute() else pattern
    if relative.endswith("**"):  # every file below, as a shell's globstar gives
        relative += "/*"
    try:
        found = [entry for entry in base.glob(relative) if entry.is_file()]
    except ValueError:  # ** inside a name (a**.yaml): pathlib takes it only alone
        raise UsageError(t("collection.bad_glob", pattern=pattern)) from None
    except OSError:
        return []
    named = set(Path(relative).parts)  # a dot-name the pattern writes out is matched
    return sorted(str(entry) for entry in found if not _hidden(entry.relative_to(base), named))


def _hidden(path: Path, named: AbstractSet[str] = frozenset()) -> bool:
    return any(
        part.startswith(".") and part not in (".", "..") and part not in named
        for part in path.parts
    )


def expand(sources: Sequence[str]) -> list[str]:
    """The ledger files the sources name, each once, in the order given (a folder's and a
    glob's sorted by path); UsageError for a folder or glob with no ledger in it."""
    found: list[str] = []
    for source in sources:
        if source == "-":
            raise UsageError(t("collection.no_stdin"))
        if not source:
            raise UsageError(t("collection.empty_name"))
        if os.path.isdir(source):
            files = sorted(
                str(path)
                for path in Path(source).rglob("*")
                if path.suffix.lower() in LEDGER_SUFFIXES
                and path.is_file()
                and not _hidden(path.relative_to(source))
            )
            if not files:
                raise UsageError(t("collection.empty_folder", folder=source))
        elif _is_glob(source):
            files = _glob(source)
            if not files:
                raise UsageError(t("collection.no_match", pattern=source))
        else:
            files = [source]  # missing or unreadable: its check says so
        found.extend(files)
    seen: set[str] = set()
    unique = []
    for path in found:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


@dataclass(frozen=True)
class Result:
    """What a worker sends back: the check, who the ledger is and its figures (None when
    it cannot be read)."""

    checked: Checked
    identity: tuple[str, str, int] | None
    figures: YearFigures | None = None
    unit: str | None = None


def checked_file(path: str, use_cache: bool) -> Checked:
    """The file checked, through this process's cache unless use_cache is False."""
    from izumi_ledger.cache import default_cache
    from izumi_ledger.loading import check

    cache = default_cache() if use_cache else None
    return (cache.check if cache is not None else check)(path, name=path)


def _check_one(path: str, use_cache: bool) -> Result:
    checked = checked_file(path, use_cache)
    # The ledger stays in the worker, unread when the cache holds the check: the result
    # crosses processes with its findings and who the ledger is.
    summary = Checked(checked.name, checked.findings, checked.summary)
    about = checked.summary
    if about is None:
        return Result(summary, None)
    return Result(summary, (about.city, about.ward, about.fiscal_year), None, about.unit)


def _figures_one(path: str, use_cache: bool) -> YearFigures | None:
    """A ledger's figures for the rule across years (its ledger read, from the cache)."""
    ledger = checked_file(path, use_cache).ledger
    return None if ledger is None else figures_of(ledger)


def _in_parallel(
    work: Callable[[str, bool], _T], paths: Sequence[str], use_cache: bool, workers: int
) -> list[_T]:
    if workers > 1 and len(paths) >= PARALLEL_FROM:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(work, paths, [use_cache] * len(paths), chunksize=4))
    return [work(path, use_cache) for path in paths]


def check_all(
    paths: Sequence[str], use_cache: bool = True, workers: int | None = None
) -> list[Checked]:
    """Every file checked (through the cache unless use_cache is False), then the rules that
    span files: no two ledgers of one city, ward and year."""
    return [result.checked for result in survey(paths, use_cache, workers)]


def survey(
    paths: Sequence[str], use_cache: bool = True, workers: int | None = None
) -> list[Result]:
    """What check_all finds, with who each ledger is and its unit."""
    workers = workers or os.cpu_count() or 1
    results = _in_parallel(_check_one, paths, use_cache, workers)
    # Figures only of the ledgers with a year before or after them in the collection.
    present = {result.identity for result in results if result.identity is not None}
    paired = [
        index
        for index, result in enumerate(results)
        if result.identity is not None
        and {
            (result.identity[0], result.identity[1], result.identity[2] + step) for step in (-1, 1)
        }
        & present
    ]
    figures = _in_parallel(_figures_one, [paths[index] for index in paired], use_cache, workers)
    for index, found in zip(paired, figures, strict=True):
        results[index] = replace(results[index], figures=found)
    checked = _too_large(results, _prior_years(results, _duplicates(results)))
    return [replace(result, checked=each) for result, each in zip(results, checked, strict=True)]


def _too_large(results: list[Result], checked: list[Checked]) -> list[Checked]:
    """A ledger whose total, in the smallest unit of the collection (which every command
    of a collection uses), reaches 2^53: no export or JSON reader would keep it exactly."""
    from izumi_ledger.format.amounts import UNIT_IN_YEN
    from izumi_ledger.rules.limits import EXACT_LIMIT
    from izumi_ledger.text.numbers import format_amount

    units = [result.unit for result in results if result.unit is not None]
    if len(set(units)) < 2:
        return checked  # one unit: the ledgers' own rule (amount-too-large) holds each
    common = min(units, key=UNIT_IN_YEN.__getitem__)
    for index, result in enumerate(results):
        summary = result.checked.summary
        if summary is None:
            continue
        value = summary.largest * (UNIT_IN_YEN[summary.unit] // UNIT_IN_YEN[common])
        if value < EXACT_LIMIT or summary.largest >= EXACT_LIMIT:
            continue  # below the limit, or already an error of the ledger's own
        message = t(
            "collection.too_large",
            amount=format_amount(summary.largest, summary.unit),
            common=common,
            value=format_amount(value, cast("Unit", common)),
        )
        finding = _file_finding(
            "collection-too-large", result.checked.name, message, t("collection.too_large.hint")
        )
        checked[index] = replace(checked[index], findings=(*checked[index].findings, finding))
    return checked


def _prior_years(results: list[Result], checked: list[Checked]) -> list[Checked]:
    """Each ledger whose ward's year before is in the collection, held to it (years.py)."""
    from izumi_ledger.loading import load
    from izumi_ledger.years import any_disagree, prior_year_findings

    first: dict[tuple[str, str, int], int] = {}
    for index, result in enumerate(results):
        if result.identity is not None:
            first.setdefault(result.identity, index)
    for (city, ward, year), index in first.items():
        before = first.get((city, ward, year - 1))
        if before is None:
            continue
        old_figures, new_figures = results[before].figures, results[index].figures
        if old_figures is None or new_figures is None:
            continue
        if not any_disagree(old_figures, new_figures):
            continue
        # Read again, with the lines of every value: only ledgers with a year before.
        old, new = load(results[before].checked.name), load(results[index].checked.name)
        if old.ledger is None or new.ledger is None:
            continue
        found = tuple(prior_year_findings(old, new))
        if found:
            checked[index] = replace(checked[index], findings=(*checked[index].findings, *found))
    return checked


def _duplicates(results: list[Result]) -> list[Checked]:
    first: dict[tuple[str, str, int], str] = {}
    checked = []
    for result in results:
        identity = result.identity
        if identity is None:
            checked.append(result.checked)
            continue
        if identity not in first:
            first[identity] = result.checked.name
            checked.append(result.checked)
            continue
        city, ward, year = identity
        message = t("collection.duplicate", city=city, ward=ward, year=year, other=first[identity])
        finding = _file_finding(
            "collection-duplicate", result.checked.name, message, t("collection.duplicate.hint")
        )
        checked.append(replace(result.checked, findings=(*result.checked.findings, finding)))
    return checked


def tabled_files(
    jobs: Sequence[tuple[str, CheckStatus]],
    unit: str,
    use_cache: bool = True,
    workers: int | None = None,
) -> Iterator[Tabled]:
    """Each file's ledger as a database holds it (export/database.py), in order, made in
    worker processes on every core; ExportRefused as the first file refused says it."""
    workers = workers or os.cpu_count() or 1
    tasks = [(path, status.errors, status.warnings, unit, use_cache) for path, status in jobs]
    if workers > 1 and len(tasks) >= PARALLEL_FROM:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield from (_made(made) for made in pool.map(_tabled_one, tasks, chunksize=4))
    else:
        yield from (_made(_tabled_one(task)) for task in tasks)


def _made(made: Tabled | tuple[str, str]) -> Tabled:
    from izumi_ledger.export.tables import ExportRefused

    if isinstance(made, tuple):
        raise ExportRefused(*made)
    return made


def _tabled_one(task: tuple[str, int, int, str, bool]) -> Tabled | tuple[str, str]:
    from izumi_ledger.export.database import Entry, tabled
    from izumi_ledger.export.tables import CheckStatus, ExportRefused

    path, errors, warnings, unit, use_cache = task
    ledger = checked_file(path, use_cache).ledger
    if ledger is None:  # changed since it was checked a moment ago
        return t("collection.changed", file=path), ""
    try:
        return tabled(Entry(ledger, CheckStatus(errors, warnings), path), unit)
    except ExportRefused as refused:  # sent back as data: an exception's hint would be lost
        return f"{path}: {refused.message}", refused.hint


def _file_finding(rule: str, file: str, message: str, hint: str) -> Finding:
    """An error about a whole file, found by a rule across files."""
    return Finding(rule, Severity.ERROR, file, 0, 0, "", message, hint=hint)
