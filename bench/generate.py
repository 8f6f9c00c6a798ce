"""Write valid ledgers of any size: many policies of 12 programs of about 4 items each."""

from __future__ import annotations

import random
from pathlib import Path

SECTIONS = [
    "総務課",
    "区政推進課",
    "地域振興課",
    "福祉保健課",
    "高齢・障害支援課",
    "こども家庭支援課",
]
THEMES = [
    "地域力",
    "防災",
    "子育て",
    "商店街",
    "多文化共生",
    "スポーツ",
    "ごみ減量",
    "脱温暖化",
    "青少年",
    "窓口案内",
    "区民まつり",
    "高齢者見守り",
]
SUMMARY = (
    "持続可能な地域活動が行われるよう、活動の基盤となる自治会・町内会の役員や各種委嘱委員等の"
    "地域住民の支援に取り組むとともに、担い手不足の解消に向けた取組を進めます。"
)
ITEM_SUMMARY = (
    "泉区全体に関わる課題などに対する提言・提案、情報交換などを行う会議の運営を支援します。"
)


def ledger_text(
    items: int, seed: int = 0, city: str = "横浜市", ward: str = "泉区", fiscal_year: int = 2021
) -> str:
    """A ledger with about `items` items (rounded up to whole programs), every sum adding up."""
    rng = random.Random(seed)
    programs_needed = max(1, -(-items // 4))
    policies = max(1, -(-programs_needed // 12))
    lines = [
        "ledger: 1",
        f"city: {city}",
        f"ward: {ward}",
        f"fiscal_year: {fiscal_year}",
        "unit: 千円",
        "source: 生成した台帳（ベンチマーク用）",
        "sections:",
        *(f"  - {section}" for section in SECTIONS),
        "policies:",
    ]
    made = 0
    for policy in range(1, policies + 1):
        program_lines: list[str] = []
        policy_total = 0
        for program in range(1, 13):
            if made >= items:
                break
            count = min(4, items - made)
            amounts = [rng.randint(50, 3000) for _ in range(count)]
            made += count
            theme = THEMES[(program - 1) % len(THEMES)]
            sections = rng.sample(SECTIONS, rng.choice((1, 1, 1, 2)))
            program_lines += [
                f"      - number: {program}",
                f"        name: {theme}推進事業{policy}-{program}",
                f"        amount: {sum(amounts)}",
                f"        sections: [{', '.join(sections)}]",
                f"        summary: {SUMMARY}",
                "        items:",
            ]
            for number, amount in enumerate(amounts, 1):
                program_lines += [
                    f"          - number: {number}",
                    f"            name: {theme}の取組{number}",
                    f"            amount: {amount}",
                    f"            summary: {ITEM_SUMMARY}",
                ]
            policy_total += sum(amounts)
        if not program_lines:
            break
        lines += [
            f"  - number: {policy}",
            f"    title: 施策{policy} はぐくもう！地域の力",
            f"    amount: {policy_total}",
            "    programs:",
            *program_lines,
        ]
    return "\n".join(lines) + "\n"


def write_ledger(path: Path, items: int, seed: int = 0) -> Path:
    path.write_text(ledger_text(items, seed), encoding="utf-8")
    return path


# Japan has 1,741 municipalities (792 cities, 743 towns, 183 villages and Tokyo's 23 wards).
MUNICIPALITIES = 1741


def write_country(
    folder: Path, municipalities: int = MUNICIPALITIES, items: int = 300, fiscal_year: int = 2021
) -> list[Path]:
    """A country's budgets: one ledger of `items` items per municipality, 47 prefectures'
    folders of them, each ledger a different city."""
    paths = []
    for number in range(1, municipalities + 1):
        prefecture = folder / f"pref-{number % 47 + 1:02d}"
        prefecture.mkdir(parents=True, exist_ok=True)
        text = ledger_text(items, number, f"市{number:04d}", "全域", fiscal_year)
        path = prefecture / f"city-{number:04d}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
