"""Lists the format says hold each name once: the ledger's sections, a program's sections, tags."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from izumi_ledger.findings import Finding, Path, Severity
from izumi_ledger.rules.context import Context
from izumi_ledger.text.messages import t


def repeated_name(context: Context) -> Iterator[Finding]:
    """A section or a tag written twice in one list."""
    section, tag = t("word.section"), t("word.tag")
    yield from _repeats(context, ("sections",), context.ledger.sections, section)
    for path, program in context.programs:
        # Told apart without a generator each: the usual answer is "none repeated".
        if len(set(program.sections)) != len(program.sections):
            yield from _repeats(context, (*path, "sections"), program.sections, section)
        if len(set(program.tags)) != len(program.tags):
            yield from _repeats(context, (*path, "tags"), program.tags, tag)
        for i_index, item in enumerate(program.items):
            if len(item.tags) > 1 and len(set(item.tags)) != len(item.tags):
                yield from _repeats(context, (*path, "items", i_index, "tags"), item.tags, tag)


def _repeats(context: Context, path: Path, names: Sequence[str], what: str) -> Iterator[Finding]:
    if len(set(names)) == len(names):
        return
    seen: set[str] = set()
    for index, name in enumerate(names):
        if name in seen:
            yield context.finding(
                "repeated-name",
                Severity.ERROR,
                (*path, index),
                t("rule.repeated_name", what=what, value=name),
                actual=name,
                hint=t("rule.repeated_name.hint"),
            )
        seen.add(name)
