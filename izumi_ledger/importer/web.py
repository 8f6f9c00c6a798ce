"""The layout of the budget pages Yokohama wards publish on the web.

    予算額は、1億1,888万7千円です。
    1 安心して暮らせるまちづくり【32,855千円】
    （text）
    (1)災害に強いまちづくり推進事業[20,110千円]
    （text）

Policies (施策) carry 【amount】, their programs (事業) [amount]; such pages name no sections.
"""

from __future__ import annotations

import re

from izumi_ledger.importer.document import Paragraphs, PolicyRecord, ProgramRecord, Reading
from izumi_ledger.importer.figures import FigureError, looks_like_figure, yen
from izumi_ledger.importer.text import Line, number

D = "[0-9０-９]"
# Each figure is what stands between fixed brackets or words, so no pattern backtracks far.
TOTAL = re.compile(r"予算額は[、,]?\s*([^円。]{1,60}円)\s*(?:です|。|$)")
POLICY = re.compile(rf"^({D}+)\s*[.．、]?\s*(.+?)\s*【([^【】]+)】$")
PROGRAM = re.compile(rf"^[（(]\s*({D}+)\s*[）)]\s*(.+?)\s*[\[［]([^\[\]［］]+)[\]］]$")


def looks_like_web(lines: list[Line]) -> bool:
    return any(PROGRAM.match(line.text) for line in lines) and any(
        POLICY.match(line.text) or TOTAL.search(line.text) for line in lines
    )


def read_web(lines: list[Line]) -> Reading:
    """Read a ward's web budget page (its text) into records; amounts in yen until the end."""
    reading = Reading("web")
    target: Paragraphs | None = None
    about_policy = Paragraphs()

    def close_policy() -> None:
        nonlocal about_policy
        if about_policy and reading.policies:
            reading.policies[-1].notes.append(about_policy.text())
        about_policy = Paragraphs()

    def figure(line: Line, text: str) -> int | None:
        try:
            return yen(text)
        except FigureError as error:  # left without an amount: the check names it too
            reading.refuse(line, str(error))
            return None

    for line in lines:
        total = TOTAL.search(line.text)
        policy = POLICY.match(line.text)
        program = PROGRAM.match(line.text)
        if total and looks_like_figure(total[1]) and reading.amount is None:
            reading.amount = figure(line, total[1])
        elif policy and looks_like_figure(policy[3]):
            close_policy()
            # A web page's spaces are its author's: kept, only runs of them made one.
            record = PolicyRecord(number(policy[1]), " ".join(policy[2].split()), line)
            record.amount = figure(line, policy[3])
            reading.policies.append(record)
            target = about_policy
        elif program and reading.policies and looks_like_figure(program[3]):
            close_policy()
            entry = ProgramRecord(number(program[1]), [program[2]], line, page=0, spaces_meant=True)
            entry.amount = figure(line, program[3])
            entry.amount_line = line
            reading.policies[-1].programs.append(entry)
            target = entry.summary
        elif target is not None:
            target.add(line.text)
        else:
            reading.unread.append(line)
    close_policy()
    return reading
