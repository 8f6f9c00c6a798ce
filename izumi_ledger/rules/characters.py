"""Names hold only characters people can see: no controls, no invisible or blank names."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from izumi_ledger.findings import Finding, Path, Severity
from izumi_ledger.rules.context import Context
from izumi_ledger.text.messages import t
from izumi_ledger.text.visible import escaped_characters, has_hidden, quoted, visible


def names_of(context: Context) -> Iterator[tuple[Path, str, list[str]]]:
    """Every name in the ledger, in groups: where the group is (a list's path, or a name's
    own path and one name), the word for what it names, and the names."""
    ledger = context.ledger
    yield ("city",), "word.city", [ledger.city]
    yield ("ward",), "word.ward", [ledger.ward]
    yield ("sections",), "word.section", ledger.sections
    for path, policy in context.policies:
        yield (*path, "title"), "word.policy_title", [policy.title]
    for path, program in context.programs:
        yield (*path, "name"), "word.program_name", [program.name]
        yield (*path, "sections"), "word.section", program.sections
        for i_index, item in enumerate(program.items):
            yield (*path, "items", i_index, "name"), "word.item_name", [item.name]
            for d_index, detail in enumerate(item.details):
                if detail.name is not None:
                    detail_path = (*path, "items", i_index, "details", d_index, "name")
                    yield detail_path, "word.detail_name", [detail.name]
        for r_index, related in enumerate(program.related):
            yield (*path, "related", r_index, "name"), "word.related_name", [related.name]
            yield (*path, "related", r_index, "funding"), "word.funding", [related.funding]


def name_character(context: Context) -> Iterator[Finding]:
    """A name with a control or invisible character, only white space, or a lone mark."""
    # One look at all names together first, without their paths: the usual answer is that
    # none has a problem.
    every_name = list(_every_name(context))
    joined = "\n".join(every_name)
    if (
        not has_hidden(joined)
        and not any(_unassigned_or_private(char) for char in set(joined))
        and joined.count("\n") == len(every_name) - 1
        and not any(_starts_badly(name) for name in {name[:1] for name in every_name})
        and all(name.strip() for name in set(every_name))
    ):
        return
    for path, word, names in names_of(context):
        listed = len(path) > 0 and path[-1] == "sections"
        for index, name in enumerate(names):
            problem = _problem(t(word), name)
            if problem is None:
                continue
            message, hint = problem
            where = (*path, index) if listed else path
            yield context.finding(
                "name-character", Severity.ERROR, where, message, actual=visible(name), hint=hint
            )


def _every_name(context: Context) -> Iterator[str]:
    """The names of names_of, without where they are."""
    ledger = context.ledger
    yield ledger.city
    yield ledger.ward
    yield from ledger.sections
    for _, policy in context.policies:
        yield policy.title
    for _, program in context.programs:
        yield program.name
        yield from program.sections
        for item in program.items:
            yield item.name
            for detail in item.details:
                if detail.name is not None:
                    yield detail.name
        for related in program.related:
            yield related.name
            yield related.funding


def _unassigned_or_private(char: str) -> bool:
    return unicodedata.category(char) in ("Cn", "Co", "Cs")


def _starts_badly(first: str) -> bool:
    return not first or unicodedata.category(first).startswith("M")


def _problem(what: str, name: str) -> tuple[str, str] | None:
    shown = quoted(name)
    hidden = escaped_characters(name) or [char for char in name if _unassigned_or_private(char)]
    if hidden:
        char = hidden[0]
        code = f"U+{ord(char):04X}"
        char_name = unicodedata.name(char, "") or unicodedata.category(char)
        message = t("rule.name_character", what=what, value=shown, code=code, char_name=char_name)
        return message, t("rule.name_character.hint")
    if not name.strip():
        return t("rule.name_blank", what=what, value=shown), t("rule.name_blank.hint")
    if unicodedata.category(name[0]).startswith("M"):
        code = f"U+{ord(name[0]):04X}"
        return t("rule.name_combining", what=what, value=shown, code=code), t(
            "rule.name_blank.hint"
        )
    return None
