"""Names said once: each list holds a name once, and no two names differ only invisibly."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from izumi_ledger.findings import Finding, Path, Severity
from izumi_ledger.rules.context import Context
from izumi_ledger.text.messages import t
from izumi_ledger.text.names import look_alike_key
from izumi_ledger.text.visible import quoted, visible


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


def look_alike_name(context: Context) -> Iterator[Finding]:
    """Two different names that people cannot tell apart: the ledger's sections, the policies'
    titles, the programs' names (ＩＣＴ推進課 and ICT推進課, 総務課 and 総務課 with a space)."""
    ledger = context.ledger
    yield from _look_alikes(
        context,
        ledger.sections,
        lambda index: ("sections", index),
        t("word.section"),
    )
    policies = context.policies
    yield from _look_alikes(
        context,
        [policy.title for _, policy in policies],
        lambda index: (*policies[index][0], "title"),
        t("word.policy_title"),
    )
    programs = context.programs
    yield from _look_alikes(
        context,
        [program.name for _, program in programs],
        lambda index: (*programs[index][0], "name"),
        t("word.program_name"),
    )


def _look_alikes(
    context: Context, names: list[str], path_of: Callable[[int], Path], what: str
) -> Iterator[Finding]:
    keys = [look_alike_key(name) for name in names]
    if len(set(keys)) == len(set(names)):
        return  # no two different names share a key: the usual answer, found in one pass
    first: dict[str, tuple[Path, str]] = {}
    reported: set[tuple[str, str]] = set()
    for index, (name, key) in enumerate(zip(names, keys, strict=True)):
        path = path_of(index)
        seen = first.setdefault(key, (path, name))
        if seen[1] == name or (seen[1], name) in reported:
            continue  # the same name twice is repeated-name's (or the numbering's) to report
        reported.add((seen[1], name))
        line = context.source.position(seen[0]).line
        yield context.finding(
            "look-alike-name",
            Severity.WARNING,
            path,
            t(
                "rule.look_alike",
                what=what,
                value=quoted(name),
                other=quoted(seen[1]),
                line=line,
            ),
            expected=visible(seen[1]),
            actual=visible(name),
            hint=t("rule.look_alike.hint"),
            labels=(t("label.first_name"), t("label.this_name")),
        )
