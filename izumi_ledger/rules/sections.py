"""The section rules: programs name only the ledger's sections, and every section is used."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from izumi_ledger.findings import Finding, Severity
from izumi_ledger.rules.context import Context
from izumi_ledger.text.messages import t
from izumi_ledger.text.names import closest

# Unused sections listed one by one; the rest are counted in one finding.
UNUSED_LISTED: Final = 100


def unknown_section(context: Context) -> Iterator[Finding]:
    """Every section a program names is in the ledger's sections."""
    known = context.ledger.sections
    for path, program in context.programs:
        for s_index, section in enumerate(program.sections):
            if section in known:
                continue
            close = closest(section, known)
            yield context.finding(
                "unknown-section",
                Severity.ERROR,
                (*path, "sections", s_index),
                t(
                    "rule.unknown_section",
                    number=program.number,
                    name=program.name,
                    section=section,
                ),
                actual=section,
                hint=t("hint.did_you_mean", name=close[0])
                if close
                else t("rule.unknown_section.hint"),
            )


def no_section(context: Context) -> Iterator[Finding]:
    """A program names no section."""
    for path, program in context.programs:
        if not program.sections:
            yield context.finding(
                "no-section",
                Severity.WARNING,
                (*path, "sections"),
                t("rule.no_section", number=program.number, name=program.name),
                hint=t("rule.no_section.hint"),
            )


def unused_section(context: Context) -> Iterator[Finding]:
    """A listed section that no program names: each of the first ones, then one finding for
    the rest (a list of a million sections nobody names is one problem, checked in seconds)."""
    named = {section for _, program in context.programs for section in program.sections}
    sections = context.ledger.sections
    unused = [index for index, section in enumerate(sections) if section not in named]
    hint = t("rule.unused_section.hint")
    for index in unused[:UNUSED_LISTED]:
        yield context.finding(
            "unused-section",
            Severity.WARNING,
            ("sections", index),
            t("rule.unused_section", section=sections[index]),
            hint=hint,
        )
    rest = unused[UNUSED_LISTED:]
    if rest:
        yield context.finding(
            "unused-section",
            Severity.WARNING,
            ("sections", rest[0]),
            t("rule.unused_sections", count=f"{len(rest):,}"),
            actual=len(rest),
            hint=hint,
        )
