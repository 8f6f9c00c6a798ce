"""From a document's bytes to ledger data: decode, find the layout, read, assemble."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from izumi_ledger.findings import Finding, Severity, quoted_window
from izumi_ledger.format.amounts import UNIT_IN_YEN
from izumi_ledger.format.values import FORMAT_VERSION
from izumi_ledger.importer.accounts import Account, accounts
from izumi_ledger.importer.document import Reading
from izumi_ledger.importer.listing import looks_like_listing, read_listing
from izumi_ledger.importer.pdf_file import pdf_lines
from izumi_ledger.importer.pdf_text import looks_like_pdf_text, read_pdf_text
from izumi_ledger.importer.text import DocumentError, Line, decode, lines_of, number
from izumi_ledger.importer.web_page import declared_charset, looks_like_html, page_lines
from izumi_ledger.text.era import FULL_WIDTH_DIGITS, gregorian_year
from izumi_ledger.text.messages import t
from izumi_ledger.text.visible import has_hidden

Layout = Literal["pdf-text", "web", "listing"]
LAYOUTS: tuple[Layout, ...] = ("pdf-text", "web", "listing")
Source = Literal["text", "html", "pdf"]
# A title that names the budget's year: 令和3年度 泉区運営方針, 平成31年度 自主企画事業一覧.
_TITLE_WORDS = ("運営方針", "事業一覧", "主要事業", "事業のご案内", "事業の一覧")
_YEAR = re.compile(r"(令和|平成|昭和)\s*([0-9]{1,3}|元)\s*年度")


@dataclass(frozen=True)
class Metadata:
    """What a document's text does not say about itself; None where the user did not say."""

    city: str | None = None
    ward: str | None = None
    fiscal_year: int | None = None
    source: str = ""
    tolerance: int | None = None
    document: str = "文書.txt"  # the document's name, for the examples a refusal gives


def default_source(document_name: str) -> str:
    """What the ledger's source says when the user gives none (in the ledger's language)."""
    return f"{document_name} から取り込み"


@dataclass
class Imported:
    """The ledger data read from a document, with what the report needs to say about it."""

    data: dict[str, Any]
    reading: Reading
    encoding: str
    warnings: list[str] = field(default_factory=list)
    source: Source = "text"
    left_out: int = 0  # a web page's lines of navigation, headers and footers, not read
    lines: list[Line] = field(default_factory=list)  # the document's, as they were read

    @cached_property
    def accounts(self) -> list[Account]:
        """What each of the document's lines became (taken once, for every part of the report)."""
        return accounts(self.lines, self.reading)


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def document_lines(raw: bytes, encoding: str | None) -> tuple[list[Line], str, Source, int]:
    """A document's lines, the encoding they were read in, what the document is (text, a
    web page, a PDF) and how many of a web page's lines were its chrome."""
    # A PDF may have bytes before its header (a reader looks in its first kilobyte).
    if raw.lstrip()[:5] == b"%PDF-" or (b"%PDF-" in raw[:1024] and b"%%EOF" in raw[-2048:]):
        return pdf_lines(raw), "PDF", "pdf", 0
    if looks_like_html(raw):
        declared = None if encoding else declared_charset(raw)
        wrong = False  # the page says one encoding and is written in another
        if declared not in (None, "utf-8", "utf8") and not raw.isascii() and _is_utf8(raw):
            text, used = decode(raw, "utf-8")  # bytes that are UTF-8 are UTF-8
            wrong = True
        else:
            try:
                text, used = decode(raw, encoding or declared)
            except DocumentError:
                if declared is None:
                    raise
                # An encoding the page names but is not written in (or that does not exist):
                # read as its bytes are, and the report says so.
                text, used = decode(raw, None)
                wrong = True
        if wrong:
            used = t("import.charset_wrong", declared=declared, used=used)
        page = page_lines(text)
        return page.lines, used, "html", page.left_out
    text, used = decode(raw, encoding)
    return lines_of(text), used, "text", 0


def import_document(
    raw: bytes, metadata: Metadata, layout: Layout | None = None, encoding: str | None = None
) -> Imported:
    """Read a document; DocumentError when nothing in it can be read as a budget."""
    lines, used_encoding, source_kind, left_out = document_lines(raw, encoding)
    chosen = layout or _detect(lines)
    # The Yokohama ward pages (`web`) are a listing: their own reader is the listing's.
    readers = {"pdf-text": read_pdf_text, "web": read_listing, "listing": read_listing}
    reading = readers[chosen](lines)
    if not reading.policies:
        raise DocumentError(t("import.no_policy"))
    warnings: list[str] = []
    given = metadata.fiscal_year
    headed = _fiscal_year(lines, reading)
    year = given if given is not None else headed
    data: dict[str, Any] = {"ledger": FORMAT_VERSION}
    try:
        named_city, named_ward = _place_names(lines, reading)
    except PlaceError:
        if not (metadata.city and metadata.ward):
            raise
        named_city = named_ward = None  # given: which of the headings' names is not asked
    city, ward = metadata.city or named_city, metadata.ward or named_ward
    # What the user says wins, but never silently over what the document says.
    for option, said, printed in (
        ("--fiscal-year", given, headed),
        ("--city", metadata.city, named_city),
        ("--ward", metadata.ward, named_ward),
    ):
        if said is not None and printed is not None and said != printed:
            warnings.append(t("import.contradicts", option=option, given=said, printed=printed))
    # Every option the document leaves to the user, asked for at once.
    missing = [
        option
        for option, value in (("--city", city), ("--ward", ward), ("--fiscal-year", year))
        if not value
    ]
    if missing == ["--fiscal-year"]:
        raise DocumentError(t("import.no_year"))
    if missing:  # never written as a placeholder: a ledger names its ward
        raise DocumentError(
            t("import.no_place", options=" ".join(missing)),
            t(
                "import.no_place.hint",
                document=metadata.document,
                example=" ".join(f"{o} …" for o in missing),
            ),
        )
    data["city"], data["ward"] = city, ward
    data["fiscal_year"] = year
    if year is not None:
        warnings.extend(_priors_of_other_years(reading, year))
    policies = [policy.as_data() for policy in reading.policies]
    unit, scale = ("千円", 1) if chosen == "pdf-text" else _unit_for_yen(reading, policies)
    data["unit"] = unit
    data["source"] = metadata.source
    data["sections"] = _sections(policies)
    data["policies"] = [_scaled(policy, scale) for policy in policies]
    if reading.amount is not None:
        data["amount"] = reading.amount // scale
    if metadata.tolerance:
        data["tolerance"] = metadata.tolerance
    if reading.notes:
        data["notes"] = reading.notes
    return Imported(data, reading, used_encoding, warnings, source_kind, left_out, lines)


def _priors_of_other_years(reading: Reading, year: int) -> list[str]:
    """A prior printed with its year ((令和元年度 9,870万円)) that is not the year before the
    ledger's: it is no prior amount, so it is taken out, into the notes, and said."""
    said: list[str] = []
    records: list[Any] = [*reading.policies]
    records += [program for policy in reading.policies for program in policy.programs]
    for record in records:
        named = record.prior_year
        if named is None or named == year - 1 or record.prior_amount is None:
            continue
        note = t(
            "import.prior_other_year", named=named, year=year, amount=f"{record.prior_amount:,}円"
        )
        record.notes.append(note)
        record.prior_amount = None
        said.append(f"{record.line.where}: {note}")
    return said


def refused_findings(document: str, reading: Reading) -> list[Finding]:
    """Each figure the document prints that could not be read exactly, as an error."""
    return [
        Finding(
            rule="import-figure",
            severity=Severity.ERROR,
            file=document,
            line=line.number,
            column=1,
            path="",
            message=reason,
            source_line=quoted_window(line.text, 1)[0],
        )
        for line, reason in sorted(reading.refused, key=lambda refused: refused[0].number)
    ]


def _detect(lines: list[Any]) -> Layout:
    if looks_like_pdf_text(lines):
        return "pdf-text"
    if looks_like_listing(lines):
        return "listing"
    raise DocumentError(t("import.no_layout"))


def _fiscal_year(lines: list[Any], reading: Reading) -> int | None:
    """The fiscal year from a title line above the first policy (令和3年度 … 予算)."""
    first = _first_record_line(reading)
    for line in lines:
        if line.number >= first:
            break
        # Full-width digits are folded, nothing else: NFKC would read ³ or ㉑ as a year.
        match = _YEAR.search(line.text.translate(FULL_WIDTH_DIGITS))
        titled = any(word in line.text for word in _TITLE_WORDS)
        heading = len(line.text) <= _LONGEST_HEADING and "。" not in line.text
        if match and ("予算" in line.text or (titled and heading)):
            count = 1 if match[2] == "元" else number(match[2])
            if line in reading.unread:  # the title line is read: it gave the year
                reading.unread.remove(line)
            reading.used.append(line)
            return gregorian_year(match[1], count)
    return None


# The ward a title names: 横浜市泉区, 港北区の予算, 泉区運営方針; a name is a few letters
# of no punctuation (nor の, と, or a year) before 市 or 区.
# A name may hold の or と (みなと区, ときわ区) but never begins with one right after another
# name (泉区と戸塚区: the second ward is 戸塚区).
_NAME = r"[^\s、。，,.・「」『』（）()【】\[\]0-9０-９年度]"
_START = r"(?<![区市])"
_CITY_AND_WARD = re.compile(rf"{_START}({_NAME}{{1,5}}?市)({_NAME}{{1,5}}?区)")
_WARD = re.compile(
    rf"({_START}{_NAME}{{1,4}}?区)(?:の|役所|運営方針|予算|主要|関連|全体|と|、|\s|$)"
)
_GROUPED_FIGURE = re.compile(r"[0-9０-９][,，][0-9０-９]{3}")
_CITY = re.compile(rf"({_START}{_NAME}{{1,5}}?市)(?:の|役所|予算)")
_OTHER_WARD = _WARD
# Where a document names its ward: a title or a heading, not a sentence or a table's row.
_LONGEST_HEADING = 60
# Words ending in 区 that are not a ward's name.
_NOT_WARDS = frozenset({"地区", "学区", "選挙区", "区", "特区", "校区", "市区", "管区", "学校区"})


def _first_record_line(reading: Reading) -> int:
    """The line of the document's first program (or policy): a title is above it."""
    policy = reading.policies[0]
    lines = [policy.line.number] + [program.line.number for program in policy.programs[:1]]
    return max(lines)


class PlaceError(DocumentError):
    """A document that names two wards (or two cities): which one is its own is not told."""


def _place_names(lines: list[Any], reading: Reading) -> tuple[str | None, str | None]:
    """The city and the ward a document names above its first policy, each None when it
    names none; PlaceError when it names two different ones."""
    first = _first_record_line(reading)
    cities: list[str] = []
    wards: list[str] = []
    for line in lines:
        if line.number >= first:
            break
        if has_hidden(line.text):  # an invisible character would go into the name
            continue
        text = line.text
        if (
            len(text) > _LONGEST_HEADING
            or "。" in text
            or line.cells
            or _GROUPED_FIGURE.search(text)
        ):
            continue
        for both in _CITY_AND_WARD.finditer(line.text):
            cities.append(both[1])
            wards.append(both[2])
        wards.extend(found[1] for found in _WARD.finditer(line.text))
        cities.extend(found[1] for found in _CITY.finditer(line.text))
        # 泉区と戸塚区の予算: every ward-like name of a heading that names one counts.
        if wards:
            wards.extend(found[1] for found in _OTHER_WARD.finditer(line.text))
    # 横浜市泉区 read as a ward-like word is 泉区: the city is no part of the ward's name.
    wards = [ward.rpartition("市")[2] for ward in wards]
    city, ward = _one(cities, "--city"), _one([w for w in wards if w not in _NOT_WARDS], "--ward")
    return city, ward


def _one(names: list[str], option: str) -> str | None:
    """The one name a document gives; None for none; PlaceError for two."""
    distinct = list(dict.fromkeys(names))
    if len(distinct) > 1:
        raise PlaceError(
            t("import.two_places", names="、".join(distinct), option=option),
            t("import.two_places.hint", option=option),
        )
    return distinct[0] if distinct else None


def _sections(policies: list[dict[str, Any]]) -> list[str]:
    """Every section a program names, in the order they first appear."""
    found: list[str] = []
    for policy in policies:
        for program in policy["programs"]:
            found.extend(section for section in program["sections"] if section not in found)
    return found


_FIGURE_KEYS = ("amount", "prior_amount", "change")


def _amounts(value: Any) -> list[int]:
    if isinstance(value, dict):
        own = [value[key] for key in _FIGURE_KEYS if isinstance(value.get(key), int)]
        return own + [amount for child in value.values() for amount in _amounts(child)]
    if isinstance(value, list):
        return [amount for child in value for amount in _amounts(child)]
    return []


def _unit_for_yen(reading: Reading, policies: list[dict[str, Any]]) -> tuple[str, int]:
    """The unit the document prints most, when every amount is a whole number of it; else
    千円 when every amount is whole thousands, else 円: never a rounded figure."""
    amounts = _amounts(policies) + ([reading.amount] if reading.amount is not None else [])
    printed = sorted(
        (unit for unit in reading.unit_counts if unit in UNIT_IN_YEN),
        key=lambda unit: -reading.unit_counts[unit],
    )
    for unit in [*printed[:1], "千円", "円"]:
        if all(amount % UNIT_IN_YEN[unit] == 0 for amount in amounts):
            return unit, UNIT_IN_YEN[unit]
    return "円", 1


def _scaled(value: Any, scale: int) -> Any:
    if scale == 1:
        return value
    if isinstance(value, dict):
        return {
            key: child // scale
            if key in _FIGURE_KEYS and isinstance(child, int)
            else _scaled(child, scale)
            for key, child in value.items()
        }
    if isinstance(value, list):
        return [_scaled(child, scale) for child in value]
    return value
