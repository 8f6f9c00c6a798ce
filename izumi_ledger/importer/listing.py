"""The reader of budget listings: headings, and rows that name a program and print its figures.

Most ward documents, whatever they look like, are one listing: headings (施策, 柱, 区分), some
with a figure, and under each one row per program — numbered (1, (1), 【1】, 施策1), bulleted
(◆ ■ ・ ●) or a table's row — that prints its name, its amount and maybe its prior year,
change, sections, tags and summary. This reader infers the hierarchy from the document itself:

- each line becomes an entry (its marker, number, name, figures, tags, sections, summary), a
  continuation of the entry above it (an amount or a name wrapped onto the next line, a
  担当： line, a tag or a (旧:…) on a line of its own), a table's head (which says what each
  column of figures is: 本年度, 前年度, 増減), a total (合計, 小計, 計) or plain text;
- the programs are the entries of the marker that most often prints an amount; every other
  entry is a heading, and a program's policy is the nearest heading above it (a heading with
  no programs of its own is a level above the policies);
- a policy's amount is the figure its heading prints, else its 小計 or 計 row, else the sum of
  its programs (said in its notes and in the report: the document prints none);
- the ward's total is a 合計 row, or the sentence that states it before the listing.

Figures are read exactly (figures.yen: 12,345 / 1億2,345万6千円 / 5千万円), in the unit the
document declares for bare figures (（単位：千円）), negative after △ ▲ −; numbers inside
names and sentences (区制70周年, 年3回, 5か所, P.12) are not figures.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Final

from izumi_ledger.format.values import TAGS
from izumi_ledger.importer.document import Paragraphs, PolicyRecord, ProgramRecord, Reading
from izumi_ledger.importer.figures import FigureError, yen
from izumi_ledger.importer.text import Line, number
from izumi_ledger.text.era import fiscal_years_named
from izumi_ledger.text.messages import t

_FOLD: Final = str.maketrans("０１２３４５６７８９，．：", "0123456789,.:")
_D = "[0-9]"
# A figure as printed: an optional 約 and sign, digits with commas, 億/万/千 parts, a unit.
_FIGURE = re.compile(
    r"(約\s*)?([△▲−\-+＋]\s*)?([0-9][0-9,]*+(?:[億万千][0-9,]*+)*+(?:[ \u3000]?(?:千円|万円|円))?)"
)
# What a number names when one of these follows it: a count, a date, a floor — no amount.
_COUNTERS = (
    "事業", "年", "月", "日", "回", "人", "か所", "ヶ所", "箇所", "館", "階", "番", "地区",
    "件", "歳", "才", "分", "時", "号", "章", "つ", "周年", "世帯", "校", "園", "台", "本",
    "枚", "部", "名", "室", "区", "丁目", "メートル", "キロ", "%", "％", "/", ".", ":", "-",
    "R", "倍", "割", "条", "期", "次", "位", "点", "種", "団体", "組", "戸", "棟", "便",
)  # fmt: skip
# The same, after a space: 区庁舎 3 階, 国道 246 号線 (a figure with its comma is an amount).
_SPACED_COUNTERS = (
    "階", "号", "番", "人", "回", "件", "か所", "ヶ所", "箇所", "年", "月", "日", "周年",
    "丁目", "歳", "才", "名", "館", "台", "枚", "世帯", "倍", "割", "%", "％", "つ",
)  # fmt: skip
# Where a bare number (without 円) may stand to be an amount: between these or the line's ends.
_BEFORE_FIGURE = " |（(【［[：:、〔<＜"
_AFTER_FIGURE = " |）)】］]（(、〕>＞"
_EMPTY_CELL = frozenset({"―", "－", "-", "—", "–", "ー", "…", "", "皆増", "皆減", "新規"})
# The same standing between a row's figures: a column with nothing in it.
_EMPTY_SLOT = re.compile(r"(?<=\s)(?:―|－|—|–|皆増|皆減)(?=\s|$)")

_MARKERS: Final = (
    ("施策N", re.compile(rf"^施策\s*({_D}+)\s*[.:、]?\s*")),
    ("【N】", re.compile(rf"^[【［\[]\s*({_D}+)\s*[】］\]]\s*")),
    ("(N)", re.compile(rf"^[(（]\s*({_D}+)\s*[)）]\s*")),
    ("N", re.compile(rf"^({_D}{{1,3}})(?![0-9,億万千円年月日/:.\-])\s*[.、]?\s*(?=\S)")),
    ("◆", re.compile(r"^[◆◇]\s*")),
    ("■", re.compile(r"^[■□]\s*")),
    ("●", re.compile(r"^[●]\s*")),
    ("・", re.compile(r"^[・･]\s*")),
)
_ROMAN: Final = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "Ⅵ": 6, "Ⅶ": 7, "Ⅷ": 8, "Ⅸ": 9, "Ⅹ": 10}
_TOTAL = re.compile(r"^(?:.*[\s　])?(合\s*計|総\s*計|小\s*計|計)$")
_FORMER = re.compile(r"\s*[(（]\s*旧\s*[:：]\s*([^()（）]+?)\s*[)）]")
_PRIOR = re.compile(
    r"[(（]\s*(前年度|(?:令和|平成)\s*(?:元|[0-9]+)\s*年度)\s*[:：]?\s*([^()（）]+?)\s*[)）]"
)
# The programs a heading counts: （3事業 …）, （12 事業）, or 7事業 standing as a word of its own.
_COUNT = re.compile(r"(?<=[（(])\s*([0-9]+)\s*事業|(?<![0-9])([0-9]+)事業(?=[\s\u3000）)、・]|$)")
_TAG_MARK = re.compile(r"[【＜<［\[]\s*([^【】＜＞<>\[\]［］\s]{1,4})\s*[】＞>］\]]")
_RESPONSIBLE = re.compile(r"^(?:担当(?:課|部署)?|所管課?)\s*[:：]\s*(.+)$")
_PAGE = re.compile(
    r"(?:^|\s)(?:[Pp]\.?\s*[0-9]+(?:-[0-9]+)?|[(（][Pp]\.?\s*[0-9]+[)）]|[0-9]+\s*頁|ページ\s*[0-9]+)(?=\s|$)"
)
_PAGE_LINE = re.compile(r"^(?:[-－―—–]\s*[0-9]+\s*[-－―—–]|[0-9]+\s*/\s*[0-9]+|[0-9]+)$")
_UNIT_WORDS = re.compile(
    r"単位\s*[:：]?\s*(百万円|億円|千円|万円|円)|[(（]\s*(百万円|億円|千円|万円|円)\s*[)）]"
)
_UNIT_LINE = re.compile(r"^[(（]?\s*(?:単位\s*[:：]?\s*)?(?:千円|万円|円)\s*[)）]?$")
_SECTION_END = ("課", "係", "室", "事務所", "センター", "所")
# The words of a table's head, and which figure each column is.
_AMOUNT_HEADS = ("本年度", "予算額", "当初予算", "金額", "事業費")
_PRIOR_HEADS = ("前年度",)
_CHANGE_HEADS = ("増減",)
_RATE_HEADS = ("増減率", "伸び率", "比率")
_YEAR_HEAD = re.compile(r"(?:令和|平成)\s*(?:元|[0-9]+)\s*年度")
# The sentence that states the ward's total before the listing.
_TOTAL_SENTENCE = re.compile(
    r"(総額|予算額|事業費|合計)(?:の総額)?\s*(?:は|が)?[、,]?\s*(約\s*)?([0-9][0-9,億万千]*円)"
)
# Words besides the format's tags that documents print as markers; kept as notes.
_OTHER_MARKERS = ("充実", "継続", "改善", "廃止", "統合", "移管")
_MAX_HEAD = 40  # a table head or a caption is short
# The longest line read as an entry: a program's row is a few hundred characters at most,
# and the figures' patterns take time that grows with a line's length squared.
MAX_ENTRY_LINE: Final = 2000
# A document that says its figures are rounded, each on its own.
_ROUNDED = re.compile(r"四捨五入|端数|未満を?切り|合わない(?:ところ|場合)")


@dataclass
class Figure:
    yen: int | None  # None for an empty cell (―), or a figure refused
    approximate: bool = False
    refused: bool = False  # printed, but not readable exactly: refused at its line


@dataclass
class Entry:
    line: Line
    style: str
    number: int | None
    name: str
    figures: list[Figure] = field(default_factory=list)
    prior: Figure | None = None
    count: int | None = None
    tags: list[str] = field(default_factory=list)
    markers: list[str] = field(default_factory=list)  # other marker words (充実)
    sections: list[str] = field(default_factory=list)
    summary: Paragraphs = field(default_factory=Paragraphs)
    former: str | None = None
    total: str = ""  # 合計, 小計 or 計 for a total row
    roles: tuple[str, ...] = ()  # what each figure is, from the table head above it
    paired: bool = False  # each head has two columns below it (総額 and 一財+市債)
    lines: list[Line] = field(default_factory=list)
    figure_line: Line | None = None  # where its figures are printed, when not on its own line
    prior_year: int | None = None  # the year a bracketed prior names (令和元年度), if it names one
    name_middle: list[str] = field(default_factory=list)  # lines of a name wrapped more than once
    # A name and amount taken from the next line: (the name before, the line's own entry).
    wrapped: tuple[str, Entry] | None = None

    @property
    def has_amount(self) -> bool:
        """Whether it prints an amount, read or refused: a program whose figure cannot be read
        is still a program (left without an amount, so the check names it)."""
        return any(figure.yen is not None or figure.refused for figure in self.figures)


@dataclass
class _State:
    reading: Reading
    bare_unit: str = "千円"
    entries: list[Entry] = field(default_factory=list)
    roles: tuple[str, ...] = ()
    paired: bool = False
    heading_roles: list[str] = field(default_factory=list)
    previous: Line | None = None
    previous_kind: str = ""  # "entry", "head", "text"
    captions: list[tuple[int, Line]] = field(default_factory=list)  # (entries so far, line)
    unit_counts: Counter[str] = field(default_factory=Counter)
    closed: list[tuple[Entry, dict[str, int | None]]] = field(default_factory=list)
    sentence_total: Line | None = None
    used_rows: set[int] = field(default_factory=set)  # summary rows read for a total
    covered: dict[int, int] = field(default_factory=dict)  # programs a policy's 計s cover
    summed: set[int] = field(default_factory=set)  # policies whose amount is their 計s' sum


def looks_like_listing(lines: list[Line]) -> bool:
    """Whether the lines hold at least one entry with an amount (a program to read)."""
    state = _State(Reading("listing"), _bare_unit(lines))
    for line in _rows_of_cells(lines[:5000]):
        if len(line.text) > MAX_ENTRY_LINE:
            continue
        entry = _entry(state, line)
        if entry is not None and entry.has_amount and not entry.total and entry.name:
            return True
    return False


def read_listing(lines: list[Line]) -> Reading:
    """Read a listing into records; amounts in yen until the ledger's unit is chosen."""
    reading = Reading("listing")
    state = _State(reading, _bare_unit(lines))
    for line in _rows_of_cells(lines, reading.joined):
        _read_line(state, line)
        if reading.rounding_line is None and _ROUNDED.search(line.text):
            reading.rounding_line = line
    _assemble(state)
    reading.unit_counts = dict(state.unit_counts)
    return reading


# -- lines ------------------------------------------------------------------------------------


def _bare_unit(lines: list[Line]) -> str:
    """The unit of figures printed without one, as the document declares it (千円 if not)."""
    for line in lines:
        found = _UNIT_WORDS.search(line.text.translate(_FOLD))
        if found:
            return found[1] or found[2]
    return "千円"


def _rows_of_cells(lines: list[Line], joined: dict[int, int] | None = None) -> list[Line]:
    """A table saved as text one cell a line ("4,320 |"): the cells of each row on one line.
    A row starts at a cell that is not a figure; figure cells after it belong to it."""
    out: list[Line] = []
    row_is_head = False  # whether the row being joined is a table's head (asked once a row)
    for line in lines:
        if line.cells or not line.text.endswith("|"):
            out.append(line)
            continue
        cells = tuple(cell.strip() for cell in line.text.split("|"))[:-1]
        if all(set(cell) <= set("-—― ") for cell in cells):  # ---|---| a rule under the head
            out.append(Line(line.number, line.text, line.blank_before, cells=("",), kind="rule"))
            continue
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.cells
            and previous.kind == ""
            and all(_is_figure_cell(cell) for cell in cells)
            and not row_is_head
        ):
            merged = previous.cells + cells
            out[-1] = Line(previous.number, " | ".join(merged), previous.blank_before, cells=merged)
            if joined is not None:  # the cell's own line is now part of its row's line
                joined[line.number] = previous.number
        else:
            out.append(Line(line.number, " | ".join(cells), line.blank_before, cells=cells))
            row_is_head = _is_head(out[-1].text)
    return out


# A table's cell that is one figure: 3,000 / 3,000千円 / 300万円 / 約3,000 / (3,000) / △ 300.
# A footnote's mark after a figure (4,320 ※1, 3,000 *2, 980 注): the figure's, kept as a note.
_FOOTNOTE = r"(?:\s+(?:※|\*|注)\s*[0-9]?)"
_CELL_FIGURE = re.compile(
    r"(約\s*)?[(（]?\s*([△▲−\-+＋]\s*)?([0-9][0-9,]*(?:[億万千][0-9,]*)*(?:千円|万円|円)?)\s*[)）]?"
    rf"({_FOOTNOTE})?"
)
_RATE = re.compile(r"[△▲−\-]?\s*[0-9]+(?:[.][0-9]+)?\s*[%％]")


def _looks_numeric(text: str) -> bool:
    """Whether text holds a digit of any script or a currency sign: what a figure is made of."""
    return any(unicodedata.category(char) == "Nd" or char in "¥￥$＄" for char in text) or any(
        unicodedata.category(char) == "No" for char in text
    )


def _is_figure_cell(cell: str) -> bool:
    folded = cell.translate(_FOLD).strip()
    return folded in _EMPTY_CELL or bool(
        re.fullmatch(rf"[△▲−\-+＋]?\s*[0-9][0-9,.]*\s*[%％]?{_FOOTNOTE}?", folded)
    )


def _is_head(text: str) -> bool:
    """A table's head: short, no figures, and at least one column word."""
    folded = text.translate(_FOLD)
    if len(folded) > _MAX_HEAD * 2 or "。" in folded:
        return False
    words = [*_AMOUNT_HEADS, *_PRIOR_HEADS, *_CHANGE_HEADS, "事業名", "総額", "番号", "No."]
    plain = _YEAR_HEAD.sub("", folded)
    if any(found.group(3) for found in _FIGURE.finditer(plain) if _is_amount(plain, found)):
        return False
    return any(word in folded for word in words) or bool(_YEAR_HEAD.fullmatch(folded.strip(" |")))


def _head_roles(text: str, known: list[str] | None = None) -> list[str]:
    """The figure columns a head names, in order: amount, prior, change (a rate is no figure);
    known, the roles of the head's lines above (a head printed one cell a line)."""
    folded = text.translate(_FOLD)
    found: list[tuple[int, str]] = []
    for word in _RATE_HEADS:
        folded = folded.replace(word, "\0" * len(word))
    for words, role in (
        (_AMOUNT_HEADS, "amount"),
        (_PRIOR_HEADS, "prior"),
        (_CHANGE_HEADS, "change"),
    ):
        for word in words:
            found.extend((match.start(), role) for match in re.finditer(word, folded))
    for match in _YEAR_HEAD.finditer(folded):
        named_years = fiscal_years_named(match[0])
        if named_years:
            found.append((match.start(), f"year:{named_years[0][1]}"))
    roles = [role for _, role in sorted(found)]
    named: list[str] = list(known or [])
    for role in roles:
        if role not in named:
            named.append(role)
    return named[len(known or []) :]


def _years_as_roles(roles: list[str]) -> list[str]:
    """令和5年度 | 令和4年度 (in either order): the later year is this year's amount, the year
    before it the prior."""
    years = sorted({int(role[5:]) for role in roles if role.startswith("year:")}, reverse=True)
    meaning = {f"year:{years[0]}": "amount"} if years else {}
    if len(years) > 1 and years[1] == years[0] - 1:
        meaning[f"year:{years[1]}"] = "prior"
    return [meaning.get(role, role) for role in roles]


def _read_line(state: _State, line: Line) -> None:
    reading = state.reading
    text = line.text.translate(_FOLD)
    last = state.entries[-1] if state.entries else None
    just_after = state.previous is not None and last is not None and state.previous_kind == "entry"

    def done(kind: str) -> None:
        state.previous, state.previous_kind = line, kind

    declared = _UNIT_WORDS.search(text)
    if declared:  # （単位：円）: figures printed without a unit are in it from here on
        state.bare_unit = declared[1] or declared[2]
    if len(text) > MAX_ENTRY_LINE:  # no program's row is this long; never read in part
        reading.refuse(line, t("import.line_too_long", length=len(text), limit=MAX_ENTRY_LINE))
        return done("text")
    if line.kind == "rule" or _PAGE_LINE.match(text.strip(" |")):
        reading.skipped.append(line)
        return done("text")
    if (
        line.kind in ("header", "caption")
        or (not line.cells and _is_head(text) and len(text) <= _MAX_HEAD)
        or (line.cells and _is_head(text) and not _entry_like(text))
    ):
        _caption_above(state)
        continued = state.previous_kind == "head"
        roles = _head_roles(text, state.heading_roles if continued else None)
        # 総額 and 一財+市債 under each of 本年度, 前年度, 増減: two figures to a head.
        paired = "一財" in text or text.count("総額") > 1
        if paired or not continued:
            state.paired = paired
        if continued and roles:
            state.heading_roles.extend(role for role in roles if role not in state.heading_roles)
        elif roles:
            state.heading_roles = roles
        if roles:
            state.roles = tuple(_years_as_roles(state.heading_roles))
        reading.skipped.append(line)
        return done("head" if roles or paired else "text")
    if _UNIT_LINE.match(text.strip()):
        reading.skipped.append(line)
        return done(state.previous_kind)
    responsible = _RESPONSIBLE.match(text)
    if responsible and last is not None:
        last.sections.extend(_sections(responsible[1]))
        last.lines.append(line)
        return done("entry")
    bare = text.strip()
    if last is not None and bare in TAGS:
        last.tags.append(bare)
        last.lines.append(line)
        return done("entry")
    tag_only = [found[1] for found in _TAG_MARK.finditer(bare)]
    if (
        last is not None
        and tag_only
        and _TAG_MARK.sub("", bare).strip() == ""
        and all(tag in TAGS for tag in tag_only)
    ):
        last.tags.extend(tag_only)
        last.lines.append(line)
        return done("entry")
    former = _FORMER.fullmatch(bare)
    if former and last is not None:
        last.former = former[1]
        last.lines.append(line)
        return done("entry")
    started = any(entry.style and entry.has_amount for entry in state.entries)
    if not started and state.sentence_total is None and _TOTAL_SENTENCE.search(text):
        state.sentence_total = line
        return done("text")
    entry = _entry(state, line)
    if entry is not None and "再掲" in line.text:
        # A program printed again under another heading (再掲): its amount is counted where
        # it stands first, never a second time.
        reading.skipped.append(line)
        reading.reprinted.append(line)
        return done("text")
    if line.kind == "heading" and entry is not None:
        entry.style = "heading"  # a web page's heading is never a program's row
    if entry is None:
        follows = last is not None and last.lines[-1] is state.previous
        if (
            last is not None
            and follows
            and state.previous_kind == "entry"
            and not line.blank_before
        ):
            if not last.has_amount and not last.summary and _may_be_name(bare):
                # A name wrapped over more lines than two: kept aside until the amount comes
                # (then it is the name's), or read as the summary if none does.
                last.name_middle.append(bare)
            else:
                last.summary.add(line.text)
            last.lines.append(line)
            return done("entry")
        if not line.cells and len(bare) <= _MAX_HEAD and "。" not in bare:
            state.captions.append((len(state.entries), line))
        elif last is not None:  # text before the first entry is the preamble (accounts.py)
            reading.unread.append(line)
        return done("text")
    # A figure that starts a line, under an entry that printed none: the entry's (wrapped).
    if (
        just_after
        and last is not None
        and not last.has_amount
        and not line.cells
        and entry.style == ""
        and (
            entry.name == ""
            or (entry.has_amount and "。" not in entry.name and len(entry.name) <= 30)
        )
    ):
        if entry.name and not last.name_middle:  # lines kept aside make it surely a name
            last.wrapped = (last.name, entry)  # undone if no entry of its kind is one line
        middle = "".join(last.name_middle)
        last.tags.extend(found[1] for found in _TAG_MARK.finditer(middle) if found[1] in TAGS)
        middle = _TAG_MARK.sub(lambda found: _without_tag(middle, found), middle).strip()
        last.name_middle = []
        if entry.name or middle:
            last.name = last.name + middle + entry.name
        last.figures = entry.figures
        last.figure_line = line
        last.prior = last.prior or entry.prior
        last.sections.extend(entry.sections)
        last.tags.extend(entry.tags)
        if entry.summary:
            last.summary.add(entry.summary.text())
        last.lines.append(line)
        return done("entry")
    entry.roles, entry.paired = state.roles, state.paired
    _columns_read(state, entry)
    if entry.total:
        state.entries.append(entry)
        return done("total")
    if not entry.name and entry.style == "":
        reading.unread.append(line)
        return done("text")
    state.entries.append(entry)
    done("entry")


def _columns_read(state: _State, entry: Entry) -> None:
    """An entry with more figures than the table's head has columns (or, without a head, more
    than one) is refused at its line: which figure is which would be a guess."""
    columns = max(len(entry.roles), 1) * (2 if entry.paired else 1)
    while len(entry.figures) > columns and entry.figures[-1] == Figure(None):
        entry.figures.pop()  # an empty cell at the row's end (the 担当課 of a 計 row)
    if len(entry.figures) > columns:
        names = "・".join(entry.roles) or "amount"
        state.reading.refuse(
            entry.line, t("import.extra_figures", count=len(entry.figures), columns=names)
        )
        entry.figures = [Figure(None, refused=True)]


def _unwrap(state: _State) -> None:
    """A heading followed by a program without a marker (1 安心のまち / 防災推進事業 2,000)
    reads like a name wrapped onto the next line. It was one only if entries of its kind
    print their amount on their own line too; if none does, each was a heading, and the
    next line its first program."""
    kinds: dict[str, list[Entry]] = {}
    for entry in state.entries:
        if entry.has_amount and not entry.total:
            kinds.setdefault(entry.style, []).append(entry)
    for entries in kinds.values():
        if not entries or any(entry.wrapped is None for entry in entries):
            continue
        for entry in entries:
            assert entry.wrapped is not None
            name, program = entry.wrapped
            index = state.entries.index(entry)
            entry.name, entry.figures, entry.wrapped = name, [], None
            entry.lines = [line for line in entry.lines if line is not program.line]
            entry.figure_line = None
            state.entries.insert(index + 1, program)


def _may_be_name(text: str) -> bool:
    """A short line with no sentence in it: it may be the middle of a wrapped name."""
    return len(text) <= 30 and "。" not in text and "、" not in text


def _caption_above(state: _State) -> None:
    """A short line right above a table's head, read as the summary of the entry above it,
    is the table's caption (the heading of the programs below): it is taken back."""
    last = state.entries[-1] if state.entries else None
    line = state.previous
    if last is None or line is None or state.previous_kind != "entry" or last.lines[-1] is not line:
        return
    paragraphs = last.summary.paragraphs
    text = line.text.strip()
    if len(last.lines) < 2 or not paragraphs or paragraphs[-1][-1:] != [line.text]:
        return
    if len(text) > _MAX_HEAD or "。" in text or _FIGURE.search(text.translate(_FOLD)):
        return
    paragraphs[-1].pop()
    if not paragraphs[-1]:
        paragraphs.pop()
    last.lines.pop()
    state.captions.append((len(state.entries), line))


def _entry_like(text: str) -> bool:
    return bool(re.match(rf"^\s*(?:{_D}+|施策)", text))


def _entry(state: _State, line: Line) -> Entry | None:
    """The entry a line prints, or None for a line of plain text (no marker, no figure)."""
    text = line.text.translate(_FOLD).strip()
    cells = [cell.translate(_FOLD).strip() for cell in line.cells] if line.cells else [text]
    head = cells[0]
    style, entry_number, head = _marker(head)
    entry = Entry(line, style, entry_number, "", lines=[line])
    # The first cell (or the whole line) holds the name, and maybe figures and the rest.
    rest_cells = cells[1:]
    _read_text(state, entry, head)
    total = _TOTAL.match(entry.name)
    if total and len(entry.name) <= 30:
        entry.total = total[1].replace(" ", "").replace("\u3000", "")
    for cell in rest_cells:
        printed = _CELL_FIGURE.fullmatch(cell)
        if cell in _EMPTY_CELL:
            entry.figures.append(Figure(None))
        elif _RATE.fullmatch(cell):
            continue  # a rate: a ratio, not an amount
        elif printed:
            sign = _sign(printed.group(2))
            figure = _figure(state, line, printed.group(3), sign, printed.group(1) is not None)
            entry.figures.append(figure)
            if printed.group(4):
                entry.markers.append(printed.group(4).strip())
        elif _looks_numeric(cell):  # ３ ０００, ¥3,000, ①: a figure, but not one read exactly
            state.reading.refuse(line, t("import.cell_not_figure", cell=cell))
            entry.figures.append(Figure(None, refused=True))
        elif cell and all(word.endswith(_SECTION_END) for word in cell.split()):
            entry.sections.extend(_sections(cell))
        elif cell:
            entry.summary.add(cell)
    if style == "" and not entry.has_amount and not entry.total and entry.prior is None:
        return None
    if entry.total and not entry.has_amount:
        return None if style == "" else entry
    return entry


def _marker(text: str) -> tuple[str, int | None, str]:
    for style, pattern in _MARKERS:
        found = pattern.match(text)
        if found:
            value = number(found[1]) if found.groups() else None
            return style, value, text[found.end() :]
    if text[:1] in _ROMAN:
        return "Ⅰ", _ROMAN[text[0]], text[1:].lstrip(" .．、")
    return "", None, text


def _sign(mark: str | None) -> int:
    """−1 for a decrease (△ 300, ▲300, −300), else 1 (+254 is a rise)."""
    return -1 if mark is not None and mark.strip() in ("△", "▲", "−", "-") else 1


def _figure(state: _State, line: Line, printed: str, sign: int, approximate: bool) -> Figure:
    unit = next((name for name in ("千円", "万円", "円") if printed.endswith(name)), "")
    notation = any(word in printed for word in "億万") or (
        "千" in printed[: len(printed) - len(unit)]
    )
    try:
        value = yen(printed, state.bare_unit)
    except FigureError as error:
        state.reading.refuse(line, str(error))
        return Figure(None, refused=True)
    if unit or notation:
        state.unit_counts[_largest_unit(value) if notation else unit] += 1
    else:
        state.unit_counts[state.bare_unit] += 1
    return Figure(sign * value, approximate)


def _largest_unit(value: int) -> str:
    return "万円" if value % 10000 == 0 else "千円" if value % 1000 == 0 else "円"


def _is_amount(text: str, found: re.Match[str]) -> bool:
    """Whether a number found in text is an amount: printed with 円 or 億/万, or standing
    between spaces, brackets or cells — not inside a word, a count, a date or a page."""
    start, end = found.start(), found.end()
    printed = found.group(3)
    before = text[start - 1] if start > 0 else ""
    after_text = text[end:]
    if found.group(2) and (before.isalnum() or before in "-−"):  # 012-345: a hyphen, no minus
        return False
    if printed.endswith("円") or any(word in printed for word in "億万"):
        return (
            not before.isalnum()
            or before in "はがで約"
            or found.group(1) is not None
            or (ord(before) > 0x3000)
        )
    if before and before not in _BEFORE_FIGURE and not (found.group(1) or found.group(2)):
        # Glued to the text before it: an amount only at the end, with its thousands comma
        # (…応じます。8,420, a cell that lost its border).
        return after_text.strip(" |") == "" and ("," in printed or before == "。")
    if (
        text[max(0, start - 5) : start]
        .strip()
        .upper()
        .endswith(("P", "P.", "NO", "NO.", "VER", "VER.", "第", "#", "№"))
    ):
        return False
    if (
        text[max(0, start - 8) : start]
        .rstrip(" :：")
        .endswith(("番号", "ID", "電話", "ファクス", "FAX", "〒"))
    ):
        return False
    spaced = after_text.lstrip(" \u3000")
    if after_text.startswith(_COUNTERS) or (after_text[:1] and after_text[0] not in _AFTER_FIGURE):
        return False
    if "," not in printed and spaced.startswith(_SPACED_COUNTERS):  # 3 階, 246 号線
        return False
    digits = printed.replace(",", "")
    return not (len(digits) > 1 and digits.startswith("0"))


def _read_text(state: _State, entry: Entry, text: str) -> None:
    """Name, figures, prior, count, tags, sections and summary from an entry's text."""
    former = _FORMER.search(text)
    if former:
        entry.former = former[1]
        text = text[: former.start()] + text[former.end() :]
    prior = _PRIOR.search(text)
    if prior:
        named = fiscal_years_named(prior[1])  # （令和元年度 …）: which year it is of
        entry.prior_year = named[0][1] if named else None
        printed = prior[2].strip()
        sign = -1 if printed[:1] in "△▲−" else 1
        entry.prior = _figure(
            state, entry.line, printed.lstrip("△▲− ").removeprefix("約"), sign, "約" in printed
        )
        text = text[: prior.start()] + " " + text[prior.end() :]
    for found in _TAG_MARK.finditer(text):
        word = found[1]
        if word in TAGS:
            entry.tags.append(word)
        elif word in _OTHER_MARKERS:
            entry.markers.append(word)
    text = _TAG_MARK.sub(lambda found: _without_tag(text, found), text)
    count = _COUNT.search(text)
    if count and text[count.end() : count.end() + 1] not in ("費", "所", "者"):
        entry.count = int(count[1] or count[2])
        before = text[count.start() - 1 : count.start()]
        if before in ("", " ", "\u3000"):  # 7事業 standing alone: a count, no part of the name
            text = text[: count.start()] + text[count.end() :]
    text = _PAGE.sub(" ", text)
    broken = _broken_figure(text, single_column=len(state.roles) <= 1)
    if broken is not None:  # a figure that is not read exactly: never a guess
        state.reading.refuse(entry.line, broken[1])
        entry.figures.append(Figure(None, refused=True))
        entry.name = _name(text[: broken[0]], entry)
        return
    figures = [found for found in _FIGURE.finditer(text) if _is_amount(text, found)]
    # A number in a name (区庁舎 3 階改修事業, 100円バス事業, 見守り【2】事業) is followed by
    # more of the name before the amount: only the figures after the name are the entry's.
    while len(figures) > 1 and "事業" in text[figures[0].end() : figures[1].start()]:
        figures.pop(0)
    if not figures:
        entry.name = _name(text, entry)
        return
    first, last = figures[0], figures[-1]
    entry.name = _name(text[: first.start()], entry)
    # ― or 皆増 among a row's figures is an empty column: it keeps the columns in their place.
    empty = [found for found in _EMPTY_SLOT.finditer(text) if first.start() < found.start()]
    empty = [found for found in empty if found.start() < last.end() or len(state.roles) > 1]
    slots = sorted([*figures, *empty], key=lambda found: found.start())
    for found in slots:
        if found in empty:
            entry.figures.append(Figure(None))
            continue
        sign = _sign(found.group(2))
        approximate = found.group(1) is not None or text[found.end() : found.end() + 1] == "余"
        entry.figures.append(_figure(state, entry.line, found.group(3), sign, approximate))
    between = " ".join(
        text[a.end() : b.start()] for a, b in zip(figures, figures[1:], strict=False)
    ).strip()
    rest = text[last.end() :].strip(" ）)】］]|、")
    if rest.startswith(("（", "(")) and rest.endswith(("）", ")")):
        rest = ""
    leftover = " ".join(part for part in (between, rest) if part.strip(" （）()【】［］|、"))
    if leftover:
        words = leftover.split()
        if all(word.endswith(_SECTION_END) for word in words):
            entry.sections.extend(words)
        else:
            entry.summary.add(leftover.strip())


# Possessive quantifiers: a long run of digits and commas is tried once, never backtracked.
_DECIMAL = re.compile(
    r"(?<![0-9.])(?>[0-9][0-9,]*+[億万千])*+[0-9][0-9,]*+[.][0-9]++\s*+(?:億|万|千|円)"
)
_CURRENCY = re.compile(r"[¥￥$＄]\s*[0-9]")
_SPACED = re.compile(r"(?<![0-9,.])[0-9]{1,3}(?:[、\u2009\u202f\u00a0][0-9]{3})++(?![0-9])")
_SPACED_PLAIN = re.compile(r"(?<![0-9,.])[0-9]{1,3}(?: [0-9]{3})++(?:千円|万円|円)")


def _broken_figure(text: str, single_column: bool) -> tuple[int, str] | None:
    """Where text prints a figure in a form that is not read (1.5億円, ¥3,000, 2、000,
    1 000円), and why; None when it prints none. (Spaced digits without a unit are a
    broken figure only where one figure is expected: a table's columns are spaced too.)"""
    for pattern, key in (
        (_DECIMAL, "import.figure_decimal"),
        (_CURRENCY, "import.figure_currency"),
        (_SPACED, "import.figure_spaced"),
        (_SPACED_PLAIN, "import.figure_spaced"),
    ):
        found = pattern.search(text)
        if found:
            return found.start(), t(key, text=found[0].strip())
    if single_column:
        found = re.search(r"(?<![0-9,.])[0-9]{1,3}(?: 0[0-9]{2})++(?![0-9,])", text)
        if found:  # 1 000: a leading 0 after the space is no figure of its own
            return found.start(), t("import.figure_spaced", text=found[0])
    return None


def _without_tag(text: str, found: re.Match[str]) -> str:
    """A tag mark taken out of a text: a space where it parted two words, nothing where it
    stood inside a name (見守り【拡充】強化事業 is 見守り強化事業)."""
    if found[1] not in TAGS and found[1] not in _OTHER_MARKERS:
        return found[0]
    before = text[found.start() - 1 : found.start()]
    after = text[found.end() : found.end() + 1]
    inside = before.isalpha() and after.isalpha() and not (before.isdigit() or after.isdigit())
    return "" if inside else " "


# Marks some documents put before a name instead of a tag word.
_SYMBOL_MARKS = frozenset("★☆◎●◇◆■□※")
# 見守り事業（高齢・障害支援課）: the sections a name's last bracket names.
_SECTIONS_IN_BRACKETS = re.compile(r"[(（]([^()（）]+)[)）]$")
# A unit declared beside a title is the document's note on its figures, no part of the title.
_UNIT_NOTE = re.compile(r"\s*[(（]\s*(?:予算額の)?単位\s*[:：]\s*[^()（）]*[)）]")


def _name(text: str, entry: Entry) -> str:
    """A name as printed: without the brackets and colons around its figure, and without a
    summary glued to it (a name ends at its first 事業 when a sentence follows)."""
    name = _UNIT_NOTE.sub("", text).strip(" ：:　|【［[（(〔・")
    while name[:1] in _SYMBOL_MARKS:  # ★見守り事業: the document's mark, kept in its notes
        entry.markers.append(name[0])
        name = name[1:].lstrip()
    in_brackets = _SECTIONS_IN_BRACKETS.search(name)
    parts = in_brackets[1].replace("、", " ").split() if in_brackets else []
    if parts and all(part.endswith(_SECTION_END) for part in parts):
        entry.sections.extend(parts)
        name = name[: in_brackets.start()].rstrip() if in_brackets else name
    name = re.sub(r"\s*[(（][^()（）]*$", "", name).strip()
    words = name.split(" ")
    while words and words[-1] in TAGS:
        entry.tags.insert(0, words.pop())
    while words and words[-1] in _OTHER_MARKERS:
        entry.markers.insert(0, words.pop())
    # A table's 担当課 column between the name and the figures: 防災推進事業 総務課 2,000.
    while len(words) > 1 and words[-1].endswith(_SECTION_END) and words[-2].endswith("事業"):
        entry.sections.insert(0, words.pop())
    name = " ".join(words).strip()
    if "。" in name:
        end = name.find("事業")
        if 0 < end < name.find("。"):
            entry.summary.add(name[end + 2 :])
            name = name[: end + 2]
    return name


def _sections(text: str) -> list[str]:
    """Sections as printed: a path (区役所/部/課) is its last part; several are parted by spaces."""
    found: list[str] = []
    for word in text.replace("\u3000", " ").replace("、", " ").split():
        section = re.split(r"[/／＞>]", word)[-1].strip()
        if section and section not in found:
            found.append(section)
    return found


# -- the hierarchy ----------------------------------------------------------------------------


def _program_style(entries: list[Entry]) -> str | None:
    counts = Counter(
        entry.style for entry in entries if entry.has_amount and not entry.total and entry.name
    )
    if not counts:
        return None
    order = {entry.style: index for index, entry in reversed(list(enumerate(entries)))}
    return max(counts, key=lambda style: (counts[style], order[style]))


def _assemble(state: _State) -> None:
    reading = state.reading
    _unwrap(state)
    for entry in state.entries:  # no amount came: the lines kept aside were its text
        for text in entry.name_middle:
            entry.summary.add(text)
    style = _program_style(state.entries)
    if style is None:
        reading.unread.extend(line for entry in state.entries for line in entry.lines)
        return
    reading.program_marker = style or "row"
    reading.columns = next(
        (entry.roles for entry in state.entries if _is_program(entry, style) and entry.roles), ()
    )
    headings: list[Entry] = []
    policy: PolicyRecord | None = None
    heading_of: dict[int, Entry] = {}
    caption_at = dict(state.captions)
    plain_rows = [
        entry
        for entry in state.entries
        if entry.style == "" and not entry.total and not _is_program(entry, style)
    ]
    used = state.used_rows
    for index, entry in enumerate(state.entries):
        is_program = _is_program(entry, style) and not _heads_programs(state.entries, index)
        if entry.total:
            _close_with_total(state, policy, entry)
            continue
        following = state.entries[index + 1] if index + 1 < len(state.entries) else None
        if (
            not is_program
            and policy is not None
            and _program_unread(entry, style, policy, following)
        ):
            # Numbered as the next program (or bulleted as the programs are), with no amount
            # that can be read: a program, left without an amount so that the check names it.
            reading.refuse(entry.line, t("import.no_figure_read"))
            record = _program(entry, len(policy.programs) + 1)
            record.amount = None
            policy.programs.append(record)
            continue
        if not is_program:
            if entry.style == "" and entry.name:
                continue  # a row of a summary table: found by its heading's title below
            headings.append(entry)
            policy = None
            continue
        caption = caption_at.get(index)
        if caption is not None:
            headings.append(Entry(caption, "caption", None, _title(caption.text), lines=[caption]))
            policy = None
        if policy is None:
            above = headings[-1] if headings else None
            policy = _policy(reading, above, len(reading.policies) + 1, plain_rows, used)
            if above is not None:
                heading_of[id(policy)] = above
            reading.policies.append(policy)
        policy.programs.append(_program(entry, len(policy.programs) + 1))
    # A heading with no programs under it is a level above the policies, or a chapter.
    placed = {id(entry) for entry in heading_of.values()}
    for heading in headings:
        if id(heading) not in placed and heading.style != "caption":
            reading.skipped.extend(heading.lines)
    _number(reading)
    _ledger_total(state)
    for entry in plain_rows:
        if id(entry) not in used:
            reading.unread.extend(entry.lines)
    heading_lines = {id(line) for entry in headings if id(entry) in placed for line in entry.lines}
    for _, line in state.captions:
        if id(line) not in heading_lines:
            reading.skipped.append(line)
    _sum_where_none_is_printed(reading)


def _sum_where_none_is_printed(reading: Reading) -> None:
    """A policy whose heading prints no amount (nor a 小計) gets its programs' sum, said in
    its notes: the ledger needs a figure, and this one is computed, never read."""
    for policy in reading.policies:
        amounts = [program.amount for program in policy.programs]
        if policy.amount is None and amounts and None not in amounts:
            policy.amount = sum(amount for amount in amounts if amount is not None)
            policy.notes.append(t("import.policy_sum_note"))
            reading.computed.append(policy)


def _program_unread(
    entry: Entry, style: str, policy: PolicyRecord, following: Entry | None
) -> bool:
    """Whether an entry that prints no amount is a program all the same: marked as the
    programs are, and numbered as the next one (or bulleted, as they are) — unless the
    programs after it start again from 1, which makes it the next heading."""
    if entry.style != style or style == "" or entry.total or not policy.programs:
        return False
    restarts = (
        following is not None
        and following.style == style
        and following.number is not None
        and entry.number is not None
        and following.number <= entry.number
    )
    if entry.number is None:
        return True
    return entry.number == policy.programs[-1].number + 1 and not restarts


def _heads_programs(entries: list[Entry], index: int) -> bool:
    """A numbered entry followed by one numbered 1 of its kind heads it (1 港と歩む 12,620 /
    1 みなと魅力発信事業 4,860): programs restart their numbers under each heading."""
    entry = entries[index]
    following = entries[index + 1] if index + 1 < len(entries) else None
    return (
        entry.number is not None
        and following is not None
        and following.style == entry.style
        and following.number == 1
        and following.has_amount
        and not following.total
        # right under it: a caption or a table's head between would head the programs instead
        and following.line.number - following.line.blank_before - entry.lines[-1].number == 1
    )


def _is_program(entry: Entry, style: str) -> bool:
    return entry.style == style and entry.has_amount and not entry.total and bool(entry.name)


def _title(text: str) -> str:
    """A policy title from a document's own title line: without its year, ward and 一覧."""
    title = _YEAR_HEAD.sub("", text.translate(_FOLD))
    title = re.sub(r"\S+区\s", "", title)
    title = re.sub(r"(一覧|一覧表|の概要)$", "", title.strip())
    return " ".join(title.split()) or text


def _policy(
    reading: Reading, heading: Entry | None, position: int, rows: list[Entry], used: set[int]
) -> PolicyRecord:
    if heading is None:
        first_line = Line(0, "", 0)
        return PolicyRecord(position, "", first_line)
    title = heading.name
    record = PolicyRecord(heading.number or position, title, heading.line)
    if heading.former:
        record.notes.append(f"旧: {heading.former}")
    amounts = [figure for figure in heading.figures if figure.yen is not None]
    if amounts:
        record.amount = amounts[0].yen
    elif title:
        # A summary row elsewhere that starts with the title prints the heading's amount.
        for row in rows:
            if row.name.startswith(title) and row.has_amount and id(row) not in used:
                record.amount = next((f.yen for f in row.figures if f.yen is not None), None)
                used.add(id(row))
                reading.used.extend(row.lines)
                break
    if heading.prior is not None:
        record.prior_amount = heading.prior.yen
        record.prior_year = heading.prior_year
    record.program_count = heading.count
    if heading.summary:
        record.notes.append(heading.summary.text())
    return record


def _close_with_total(state: _State, policy: PolicyRecord | None, total: Entry) -> None:
    """A 小計 or 計 row closes the policy above it; a 合計 row is the ward's (or the one
    policy's, when the document has no headings)."""
    figures = _roles(total)
    state.closed.append((total, figures))
    state.reading.used.extend(total.lines)
    if total.total in ("小計", "計") and policy is not None and policy.programs:
        printed = figures.get("amount")
        # Two tables under one heading, each with its 計: a 計 covers the programs since the
        # last one, and the policy's amount is their 計s together.
        covered = state.covered.get(id(policy), 0)
        state.covered[id(policy)] = len(policy.programs)
        if covered and id(policy) in state.summed:
            rows = [program.amount for program in policy.programs[covered:]]
            if printed is not None and policy.amount is not None:
                policy.amount += printed
            if printed is not None and None not in rows and sum(r for r in rows if r) != printed:
                state.reading.refuse(
                    total.line,
                    t(
                        "import.table_total_differs",
                        printed=f"{printed:,}円",
                        rows=f"{sum(r for r in rows if r):,}円",
                    ),
                )
            return
        if covered:  # the heading printed the amount: the tables' 計s are its parts
            return
        if policy.amount is None:
            state.summed.add(id(policy))
        if policy.amount is not None and printed is not None and printed != policy.amount:
            state.reading.refuse(
                total.line,
                t(
                    "import.subtotal_differs",
                    number=policy.number,
                    heading=f"{policy.amount:,}円",
                    subtotal=f"{printed:,}円",
                ),
            )
        if policy.amount is None:
            policy.amount = figures.get("amount")
        if policy.prior_amount is None:
            policy.prior_amount = figures.get("prior")
        if policy.change is None:
            policy.change = figures.get("change")


def _roles(entry: Entry) -> dict[str, int | None]:
    """What each of an entry's figures is: by the table head above it, else the first is the
    amount (a prior year printed in brackets is the prior)."""
    figures = entry.figures
    roles = list(entry.roles) or ["amount"]
    if entry.paired and len(figures) == 2 * len(roles):
        figures = figures[0::2]  # 総額 and 一財 under each head: the first is the total
    out: dict[str, int | None] = {}
    for role, figure in zip(roles, figures, strict=False):
        out.setdefault(role, figure.yen)
    if entry.prior is not None and out.get("prior") is None:
        out["prior"] = entry.prior.yen
    if "amount" not in out and figures:
        out["amount"] = figures[0].yen
    return out


def _program(entry: Entry, position: int) -> ProgramRecord:
    figures = _roles(entry)
    record = ProgramRecord(
        entry.number or position, [entry.name], entry.line, page=entry.line.page, spaces_meant=True
    )
    record.amount = figures.get("amount")
    record.amount_line = entry.figure_line or entry.line
    record.prior_amount = figures.get("prior")
    if entry.prior is not None and figures.get("prior") == entry.prior.yen:
        record.prior_year = entry.prior_year
    record.change = figures.get("change")
    record.sections = list(dict.fromkeys(entry.sections))
    record.tags = [tag for tag in TAGS if tag in entry.tags]
    if entry.summary:
        record.summary = entry.summary
    if entry.former:
        record.notes.append(f"旧名称: {entry.former}")
    for marker in entry.markers:
        record.notes.append(f"文書の印: {marker}")
    if any(figure.approximate for figure in entry.figures):
        record.notes.append("文書では「約」や「余」のついた額")
    if entry.prior is not None and entry.prior.approximate:
        record.notes.append("文書では前年度額に「約」がついています")
    return record


def _number(reading: Reading) -> None:
    """Policies keep the numbers their headings print, unless two print the same (or none
    is printed): then they are numbered 1, 2, 3 … in order. Programs keep theirs (a gap is
    the document's, and the check names it); unnumbered ones were numbered in order."""
    numbers = [policy.number for policy in reading.policies]
    if len(set(numbers)) != len(numbers):
        printed = [policy.line.number for policy in reading.policies]
        for position, policy in enumerate(reading.policies, 1):
            policy.number = position
        if any(line for line in printed):  # headings printed the same number: said, not hidden
            reading.notes.append(
                "施策の番号が文書では重なっているため、1, 2, 3 … と順に振り直しました"
                f"（文書の見出し: {'、'.join(f'{line} 行目' for line in printed if line)}）"
            )


def _ledger_total(state: _State) -> None:
    reading = state.reading
    first_program = reading.policies[0].programs[0].line.number if reading.policies else 0
    closing = [
        figures
        for entry, figures in state.closed
        if entry.total in ("合計", "総計") and entry.line.number > first_program
    ]
    grand = closing or [
        figures for entry, figures in state.closed if entry.total in ("合計", "総計")
    ]
    single = len(reading.policies) == 1
    above = _total_of_a_heading_above(state)
    if above is not None and not closing:
        reading.amount = above
        return
    if grand and grand[-1].get("amount") is not None:
        figures = grand[-1]
        if single:
            policy = reading.policies[0]
            policy.amount = policy.amount if policy.amount is not None else figures.get("amount")
            policy.prior_amount = (
                policy.prior_amount if policy.prior_amount is not None else figures.get("prior")
            )
            policy.change = policy.change if policy.change is not None else figures.get("change")
        reading.amount = figures.get("amount")
        if any(
            entry.total in ("合計", "総計") and _approximate(entry) for entry, _ in state.closed
        ):
            reading.notes.append(_APPROXIMATE_TOTAL)
        return
    for line in [state.sentence_total] if state.sentence_total else []:
        found = _TOTAL_SENTENCE.search(line.text.translate(_FOLD))
        if found:
            try:
                reading.amount = yen(found[3], state.bare_unit)
            except FigureError as error:
                reading.refuse(line, str(error))
            if found[2]:  # 約: the document says the total is not exact
                reading.notes.append(_APPROXIMATE_TOTAL)
            reading.used.append(line)
            return


_APPROXIMATE_TOTAL = (
    "文書では総額に「約」がついています（台帳の amount は文書に書かれた数字のとおり）"
)


def _approximate(entry: Entry) -> bool:
    return any(figure.approximate for figure in entry.figures)


def _total_of_a_heading_above(state: _State) -> int | None:
    """The amount of a heading with no programs of its own (自主企画事業費, above the
    区分), printed in a summary row that begins with its title: the part of a summary table
    that the listing breaks down is the ledger's total."""
    reading = state.reading
    titles = {policy.title for policy in reading.policies}
    placed = {policy.line.number for policy in reading.policies}
    for entry in state.entries:
        if entry.style in ("", "caption") or entry.total or entry.has_amount:
            continue
        if entry.line.number in placed or entry.name in titles or len(entry.name) < 2:
            continue
        for row in state.entries:
            if (
                row.style == ""
                and not row.total
                and row.name.startswith(entry.name)
                and (row.has_amount and row.name != entry.name)
            ):
                state.used_rows.add(id(row))
                state.reading.used.extend(row.lines)
                return next((f.yen for f in row.figures if f.yen is not None), None)
    return None
