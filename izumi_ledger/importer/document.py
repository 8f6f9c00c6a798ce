"""What an import reads from a document, before it becomes a ledger: plain records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from izumi_ledger.importer.text import Line, join


@dataclass
class Paragraphs:
    """Text that arrives line by line; a bullet (・) line starts a paragraph of its own."""

    paragraphs: list[list[str]] = field(default_factory=list)
    _break_next: bool = False

    def add(self, text: str) -> None:
        if not self.paragraphs or text.startswith("・") or self._break_next:
            self.paragraphs.append([])
        self.paragraphs[-1].append(text)
        # A bullet heading without a full stop is a heading: the text after it starts anew.
        self._break_next = text.startswith("・") and not text.endswith("。")

    def __bool__(self) -> bool:
        return bool(self.paragraphs)

    def text(self) -> str:
        return "\n".join(join(paragraph) for paragraph in self.paragraphs)


@dataclass
class DetailRecord:
    label: str
    first: str
    line: Line
    body: Paragraphs = field(default_factory=Paragraphs)

    def as_data(self) -> dict[str, Any]:
        # A short first line without punctuation, followed by text, is the detail's name.
        if self.body and len(self.first) <= 30 and not any(mark in self.first for mark in "、。"):
            return {"label": self.label, "name": join([self.first]), "text": self.body.text()}
        text = Paragraphs()
        text.add(self.first)
        for paragraph in self.body.paragraphs:
            for part in paragraph:
                text.add(part)
        return {"label": self.label, "text": text.text()}


@dataclass
class ItemRecord:
    number: int
    name: str
    amount: int | None
    tags: list[str]
    line: Line
    summary: Paragraphs = field(default_factory=Paragraphs)
    details: list[DetailRecord] = field(default_factory=list)

    def as_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"number": self.number, "name": self.name}
        if self.amount is not None:
            data["amount"] = self.amount
        if self.tags:
            data["tags"] = self.tags
        if self.summary:
            data["summary"] = self.summary.text()
        if self.details:
            data["details"] = [detail.as_data() for detail in self.details]
        return data


@dataclass
class RelatedRecord:
    name: str
    funding: str
    amount: int | None
    line: Line
    page: int
    after_program: int  # index of the program printed last before it
    summary: Paragraphs = field(default_factory=Paragraphs)
    notes: list[str] = field(default_factory=list)

    def as_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "funding": self.funding}
        if self.amount is not None:
            data["amount"] = self.amount
        if self.summary:
            data["summary"] = self.summary.text()
        if self.notes:
            data["notes"] = self.notes
        return data


@dataclass
class ProgramRecord:
    number: int
    name_parts: list[str]
    line: Line
    page: int
    amount: int | None = None
    amount_line: Line | None = None  # where its figure is printed, read or refused
    prior_amount: int | None = None
    change: int | None = None
    prior_year: int | None = None  # the year its printed prior names, when it names one
    sections: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    summary: Paragraphs = field(default_factory=Paragraphs)
    items: list[ItemRecord] = field(default_factory=list)
    related: list[RelatedRecord] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # A web page's spaces are meant (交通安全 無事故でカエル事業); a PDF's text puts spaces
    # between letters for its layout, and those go.
    spaces_meant: bool = False

    @property
    def name(self) -> str:
        if self.spaces_meant:
            return " ".join(" ".join(self.name_parts).split())
        return join(self.name_parts)

    def all_text(self) -> str:
        """Everything printed about the program, for deciding where a loose line belongs."""
        parts = [self.name, self.summary.text()]
        for item in self.items:
            parts.extend([item.name, item.summary.text()])
            parts.extend(detail.as_data()["text"] for detail in item.details)
        return "\n".join(parts)

    def as_data(self) -> dict[str, Any]:
        # A missing amount stays missing: the check then names the program, rather than
        # the ledger inventing a figure.
        data: dict[str, Any] = {"number": self.number, "name": self.name}
        if self.amount is not None:
            data["amount"] = self.amount
        data["sections"] = self.sections
        if self.prior_amount is not None:
            data["prior_amount"] = self.prior_amount
        if self.change is not None:
            data["change"] = self.change
        if self.tags:
            data["tags"] = self.tags
        if self.summary:
            data["summary"] = self.summary.text()
        if self.items:
            data["items"] = [item.as_data() for item in self.items]
        if self.related:
            data["related"] = [related.as_data() for related in self.related]
        if self.notes:
            data["notes"] = self.notes
        return data


@dataclass
class PolicyRecord:
    number: int
    title: str
    line: Line
    amount: int | None = None
    prior_amount: int | None = None
    change: int | None = None
    prior_year: int | None = None
    program_count: int | None = None
    programs: list[ProgramRecord] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"number": self.number, "title": self.title}
        if self.amount is not None:
            data["amount"] = self.amount
        if self.prior_amount is not None:
            data["prior_amount"] = self.prior_amount
        if self.change is not None:
            data["change"] = self.change
        if self.program_count is not None:
            data["program_count"] = self.program_count
        if self.notes:
            data["notes"] = self.notes
        data["programs"] = [program.as_data() for program in self.programs]
        return data


@dataclass
class Reading:
    """What a layout parser made of a document."""

    layout: str
    policies: list[PolicyRecord] = field(default_factory=list)
    amount: int | None = None  # the document's grand total, when it states one
    unread: list[Line] = field(default_factory=list)  # lines not understood
    # Lines with a figure that cannot be read exactly, and why: never guessed, never text.
    refused: list[tuple[Line, str]] = field(default_factory=list)
    skipped: list[Line] = field(default_factory=list)  # understood and left out (headers, ruby)
    used: list[Line] = field(default_factory=list)  # read for the ledger: its total, its year
    reprinted: list[Line] = field(default_factory=list)  # 再掲 rows: counted where they first stand
    # Placements decided from content: (what was placed, the program number it went to).
    judgments: list[tuple[str, int]] = field(default_factory=list)
    # How many figures were printed in each unit (千円, 万円, 円): the ledger's unit is the
    # one most printed, where every amount is a whole number of it.
    unit_counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # for the ledger's notes
    # Policies whose amount the document does not print: their programs' sum was taken.
    computed: list[PolicyRecord] = field(default_factory=list)
    # What a listing's programs are marked with (N, (N), ◆, a table's row …) and what its
    # columns of figures are (amount, prior, change), for the report.
    program_marker: str = ""
    columns: tuple[str, ...] = ()
    rounding_line: Line | None = None  # where the document says its figures are rounded
    # A table saved one cell a line: each cell's line → the line its row was read as.
    joined: dict[int, int] = field(default_factory=dict)

    def refuse(self, line: Line, reason: str) -> None:
        self.refused.append((line, reason))
