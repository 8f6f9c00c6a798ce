"""The layout of a ward's budget PDF, as its text comes out: policy, programs, items, ○ lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from izumi_ledger.format.values import DETAIL_LABELS, TAGS
from izumi_ledger.importer.document import (
    DetailRecord,
    ItemRecord,
    Paragraphs,
    PolicyRecord,
    ProgramRecord,
    Reading,
    RelatedRecord,
)
from izumi_ledger.importer.figures import FigureError, looks_like_figure, thousand_yen
from izumi_ledger.importer.placement import closest_program, marker_program, page_span
from izumi_ledger.importer.text import Line, number, tidy
from izumi_ledger.text.messages import t

D = "[0-9０-９]"
POLICY = re.compile(rf"^施策\s*({D}+)\s*(.+?)\s*[（(]\s*({D}+)\s*事業\s*[）)]$")
POLICY_AMOUNTS = re.compile(r"^([^（(]*千円)\s*[（(]前年度\s*([^（()）]*千円)\s*[）)]$")
PROGRAM = re.compile(rf"^({D}+)\s+(\S.*)$")
BRACKETED = re.compile(r"^【([^【】]*)】$")  # an amount or a section, by its content
ITEM = re.compile(
    rf"^[（(]\s*({D}+)\s*[）)]\s*(.+?)\s*[（(]([^（()）]*)[）)]\s*((?:＜[^＜＞]*＞\s*)*)$"
)
# What an item line looks like even when it cannot be read: its number in brackets at the
# start, or a figure in brackets at its end (the bracket of `(1 商店街…（１，４６２）` is lost).
ITEM_LIKE = re.compile(rf"^[（(]\s*{D}+\s*[）)]")
DIGITS_IN_BRACKETS = re.compile(r"[【\[［][^【】\[\]［］]*[0-9０-９][^【】\[\]［］]*[】\]］]")
ENDS_WITH_FIGURE = re.compile(r"[（(]([^（()）]*)[）)]\s*(?:＜[^＜＞]*＞\s*)*$")
ITEM_START = re.compile(rf"^[（(]\s*({D}+)\s*[）)]\s*(.+)$")
DETAIL = re.compile(r"^([ァ-ン])[\s\u3000]+(\S.*)$")
MARKERS = re.compile(r"^(?:重点|新規|拡充)(?:[\s\u3000]+(?:重点|新規|拡充))*$")
RELATED = re.compile(r"^○\s*(.+?)\s*【([^【】]+)】\s*(?:[（(]([^（()）]*)[）)])?\s*$")
COLUMN = re.compile(r"^コラム")
RUBY = re.compile(r"^[ァ-ヶー](?:[\s\u3000]+[ァ-ヶー])+$")
TABLE_HEADER = re.compile(r"^事\s*業\s*項\s*目\s*事\s*業\s*概\s*要$")
# A page's number at its foot: ― ７ ―, - 12 -.
PAGE_NUMBER = re.compile(rf"^[-－―—–]\s*{D}+\s*[-－―—–]$")


@dataclass
class _Marker:
    tags: list[str]
    line: Line
    policy: int
    page: int
    after_program: int


@dataclass
class PdfTextParser:
    """Reads the lines in order; a small state says what the next text line continues."""

    reading: Reading = field(default_factory=lambda: Reading("pdf-text"))
    target: Paragraphs | None = None
    column: list[str] | None = None
    in_header: bool = False  # between a program's number and its summary
    pending_item: tuple[Line, str, str] | None = None
    markers: list[_Marker] = field(default_factory=list)
    page: int = 0

    # -- where we are --------------------------------------------------------------------------

    @property
    def policy(self) -> PolicyRecord | None:
        return self.reading.policies[-1] if self.reading.policies else None

    @property
    def program(self) -> ProgramRecord | None:
        policy = self.policy
        return policy.programs[-1] if policy and policy.programs else None

    @property
    def item(self) -> ItemRecord | None:
        program = self.program
        return program.items[-1] if program and program.items else None

    # -- reading ------------------------------------------------------------------------------

    def read(self, lines: list[Line]) -> Reading:
        for line in lines:
            self.line(line)
        self.finish()
        return self.reading

    def line(self, line: Line) -> None:
        text = line.text
        if self.pending_item is not None:
            start, item_number, name = self.pending_item
            self.pending_item = None
            if self.item_line(Line(start.number, f"({item_number}) {name}{text}", 0), start):
                return
            self.lost_item(start)
        for handler in (
            self.policy_line,
            self.policy_amounts_line,
            self.skipped_line,
            self.program_line,
            self.program_header_line,
            self.item_line,
            self.detail_line,
            self.marker_line,
            self.related_line,
            self.column_line,
        ):
            if handler(line):
                return
        self.text_line(line)

    def policy_line(self, line: Line) -> bool:
        match = POLICY.match(line.text)
        if not match:
            return False
        self.close_column()
        self.reading.policies.append(
            PolicyRecord(number(match[1]), tidy(match[2]), line, program_count=number(match[3]))
        )
        self.target = None
        return True

    def policy_amounts_line(self, line: Line) -> bool:
        match = POLICY_AMOUNTS.match(line.text)
        if not match or self.policy is None or self.policy.programs:
            return False
        try:
            amount, prior = thousand_yen(match[1]), thousand_yen(match[2])
        except FigureError as error:
            self.reading.refuse(line, str(error))
            return True
        self.policy.amount, self.policy.prior_amount = amount, prior
        return True

    def skipped_line(self, line: Line) -> bool:
        if TABLE_HEADER.match(line.text) or RUBY.match(line.text) or PAGE_NUMBER.match(line.text):
            self.reading.skipped.append(line)
            return True
        return False

    def program_line(self, line: Line) -> bool:
        match = PROGRAM.match(line.text)
        policy = self.policy
        if not match or policy is None:
            return False
        expected = policy.programs[-1].number + 1 if policy.programs else 1
        if number(match[1]) != expected:
            return False
        self.close_column()
        if not policy.programs or line.blank_before >= 2:
            self.page += 1
        policy.programs.append(ProgramRecord(expected, [match[2]], line, self.page))
        self.in_header = True
        self.target = None
        return True

    def program_header_line(self, line: Line) -> bool:
        program = self.program
        if not self.in_header or program is None:
            return False
        bracketed = BRACKETED.match(line.text)
        if bracketed and looks_like_figure(bracketed[1]):
            if program.amount_line is not None:
                return False
            program.amount_line = line
            try:
                program.amount = thousand_yen(bracketed[1])
            except FigureError as error:  # left without an amount: the check names it too
                self.reading.refuse(line, str(error))
            return True
        if bracketed and program.amount_line is not None and bracketed[1].strip():
            program.sections.append(tidy(bracketed[1]))
            return True
        if program.sections and MARKERS.match(line.text):
            # A marker printed under the program's own sections (a two-column page's left
            # column) is the program's, not a page's floating marker.
            program.tags.extend(tag for tag in line.text.split() if tag not in program.tags)
            return True
        if program.amount_line is None and DIGITS_IN_BRACKETS.search(line.text):
            # Where the amount belongs, a bracket with digits that is not one amount: refused
            # at its line, never taken into the name (with every line after it).
            program.amount_line = line
            self.reading.refuse(line, t("import.amount_unreadable"))
            return True
        if program.amount_line is None and not program.sections:
            program.name_parts.append(line.text)  # the name goes on over a line break
            return True
        self.in_header = False
        self.target = program.summary  # what follows the sections is the summary
        return False

    def item_line(self, line: Line, start: Line | None = None) -> bool:
        program = self.program
        if program is None or self.column is not None:
            return False
        expected = program.items[-1].number + 1 if program.items else 1
        match = ITEM.match(line.text)
        if match and not looks_like_figure(match[3]):
            match = None
        if match and number(match[1]) == expected:
            amount: int | None = None
            try:
                amount = thousand_yen(match[3])
            except FigureError as error:  # kept without an amount, so the check names it
                self.reading.refuse(start or line, str(error))
            tags = [tag for tag in re.findall(r"＜([^＞]*)＞", match[4]) if tag in TAGS]
            name = tidy(match[2])
            item = ItemRecord(expected, name, amount, tags, start or line)
            program.items.append(item)
            self.in_header = False
            self.target = item.summary
            return True
        started = ITEM_START.match(line.text)
        if started and start is None and number(started[1]) == expected:
            self.pending_item = (line, started[1], started[2])  # the amount is on the next line
            return True
        return False

    def detail_line(self, line: Line) -> bool:
        item = self.item
        match = DETAIL.match(line.text)
        if item is None or not match or self.target is None:
            return False
        expected = (
            DETAIL_LABELS[len(item.details)] if len(item.details) < len(DETAIL_LABELS) else ""
        )
        if match[1] != expected:
            return False
        detail = DetailRecord(match[1], match[2], line)
        item.details.append(detail)
        self.target = detail.body
        return True

    def marker_line(self, line: Line) -> bool:
        if not MARKERS.match(line.text) or self.program is None:
            return False
        tags = line.text.split()
        assert self.policy is not None
        policy_index = len(self.reading.policies) - 1
        after = len(self.policy.programs) - 1
        self.markers.append(_Marker(tags, line, policy_index, self.page, after))
        self.target = None
        return True

    def related_line(self, line: Line) -> bool:
        match = RELATED.match(line.text)
        if not match or self.program is None:
            return False
        if match[3] is not None and not looks_like_figure(match[3]):
            return False
        amount: int | None = None
        if match[3] is not None:
            try:
                amount = thousand_yen(match[3])
            except FigureError as error:
                self.reading.refuse(line, str(error))
        self.close_column()
        assert self.policy is not None
        related = RelatedRecord(
            tidy(match[1]),
            tidy(match[2]),
            amount,
            line,
            self.page,
            len(self.policy.programs) - 1,
        )
        self.program.related.append(related)  # placed for real in finish()
        self.target = related.summary
        return True

    def column_line(self, line: Line) -> bool:
        if not COLUMN.match(line.text) or self.policy is None:
            return False
        self.close_column()
        self.column = [tidy(line.text)]
        self.target = None
        return True

    def text_line(self, line: Line) -> None:
        if self.item_like(line):
            return
        if self.column is not None:
            self.column.append(tidy(line.text))
        elif self.target is not None:
            self.target.add(line.text)
        else:
            self.reading.unread.append(line)

    def item_like(self, line: Line) -> bool:
        """A line of a program that looks like an item but was not read as one: refused,
        never folded into the text before it, where its figure would vanish."""
        program = self.program
        if program is None or self.column is not None:
            return False
        ending = ENDS_WITH_FIGURE.search(line.text)
        if not ITEM_LIKE.match(line.text) and not (ending and looks_like_figure(ending[1])):
            return False
        self.lost_item(line)
        return True

    def lost_item(self, line: Line) -> None:
        program = self.program
        if program is not None:
            expected = program.items[-1].number + 1 if program.items else 1
            self.reading.refuse(line, t("import.item_unreadable", number=expected))
            # Kept as an item without an amount, named by its whole line: the ledger then
            # fails its check until someone reads the figure from the document.
            item = ItemRecord(expected, tidy(line.text), None, [], line)
            program.items.append(item)
            self.in_header = False
            self.target = item.summary

    def close_column(self) -> None:
        if self.column is not None and self.policy is not None:
            self.policy.notes.append("\n".join(self.column))
        self.column = None

    # -- placing what the layout displaced ----------------------------------------------------

    def finish(self) -> None:
        if self.pending_item is not None:
            self.lost_item(self.pending_item[0])
        self.close_column()
        for index, policy in enumerate(self.reading.policies):
            self.place_related(policy)
            self.place_markers(policy, [m for m in self.markers if m.policy == index])

    def page_programs(self, policy: PolicyRecord, page: int) -> list[ProgramRecord]:
        return [program for program in policy.programs if program.page == page]

    def place_related(self, policy: PolicyRecord) -> None:
        loose = [related for program in policy.programs for related in program.related]
        for program in policy.programs:
            program.related = []
        for related in loose:
            after = policy.programs[related.after_program]
            on_page = self.page_programs(policy, related.page)
            if len(on_page) == 1 or after is not on_page[-1]:
                # Printed right after its program, with more of the page still to come.
                after.related.append(related)
                continue
            chosen, shared = closest_program(f"{related.name}\n{related.summary.text()}", on_page)
            note = (
                f"文書では{page_span(on_page)} のページ末尾、"
                f"事業{after.number} の後に印刷されている。"
                f"内容（{shared}）が最も近い事業{chosen.number} に置いた。"
            )
            related.notes.append(note)
            self.reading.judgments.append((f"○ {related.name}", chosen.number))
            chosen.related.append(related)

    def place_markers(self, policy: PolicyRecord, markers: list[_Marker]) -> None:
        for marker in markers:
            after = policy.programs[marker.after_program]
            on_page = self.page_programs(policy, marker.page)
            for tag in marker.tags:
                if len(on_page) == 1 or after is not on_page[-1]:
                    chosen, reason = after, ""
                else:
                    chosen, reason = marker_program(tag, on_page)
                if tag not in chosen.tags:
                    chosen.tags.append(tag)
                if reason:
                    chosen.notes.append(
                        f"{tag} は{page_span(on_page)} のページ末尾に、どの事業のものか書かれずに"
                        f"印刷されている。{reason}。"
                    )
                    self.reading.judgments.append((tag, chosen.number))
        for program in policy.programs:
            program.tags.sort(key=TAGS.index)


def read_pdf_text(lines: list[Line]) -> Reading:
    """Read the text of a budget PDF (the izumi ward layout) into records."""
    return PdfTextParser().read(lines)


def looks_like_pdf_text(lines: list[Line]) -> bool:
    return any(POLICY.match(line.text) for line in lines) and any(
        (bracketed := BRACKETED.match(line.text)) and looks_like_figure(bracketed[1])
        for line in lines
    )
