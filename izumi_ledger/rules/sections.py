"""The section rules: programs name only the ledger's sections, and every section is used."""

from __future__ import annotations

from collections.abc import Iterator

from izumi_ledger.findings import Finding, Severity
from izumi_ledger.rules.context import Context
from izumi_ledger.text.messages import t
from izumi_ledger.text.names import closest


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
    """A listed section that no program names."""
    named = {section for _, program in context.programs for section in program.sections}
    for index, section in enumerate(context.ledger.sections):
        if section not in named:
            yield context.finding(
                "unused-section",
                Severity.WARNING,
                ("sections", index),
                t("rule.unused_section", section=section),
                hint=t("rule.unused_section.hint"),
            )
