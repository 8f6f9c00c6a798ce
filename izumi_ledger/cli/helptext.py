"""Help screens in either language: the English of each Japanese help text, and the Japanese
of the few texts typer writes itself (its completion and help options).

The Japanese text written beside each option is the key, so the two cannot drift apart
unnoticed: a test fails when a help text has no English here.
"""

from __future__ import annotations

from typing import Final

from izumi_ledger.text.messages import current

ENGLISH: Final[dict[str, str]] = {
    "区の予算を YAML の台帳で持ち、合計し、すべての部分が全体に合うことを確かめる。": (
        "Keeps a ward's budget as a YAML ledger, totals it, and proves that every part adds up to its whole."
    ),
    "台帳は --ledger/-l、環境変数 IZUMI_LEDGER、同梱の台帳（横浜市泉区 令和3年度 施策2）の順に探す。": (
        "The ledger is --ledger/-l, else the environment variable IZUMI_LEDGER, else the bundled one (Yokohama, Izumi ward, FY2021, policy 2)."
    ),
    "版を表示して終わる。": ("Show the version and exit."),
    "想定外の失敗のとき、トレースバックを表示する。": (
        "On an unexpected failure, show the traceback."
    ),
    "表示の言語: ja, en（省略時は環境変数 IZUMI_LANG、それもなければ ja）。": (
        "Language: ja, en (default: the environment variable IZUMI_LANG, else ja)."
    ),
    "台帳を検査する（合計・件数・番号・担当課）。": (
        "Check the ledger (sums, counts, numbers, sections)."
    ),
    "書式の規則をすべて確かめ、誤りがあればファイル・行・列と、文書の額・合計・差を示す。": (
        "Checks every rule of the format; for each mistake, the file, line and column, and the stated amount, the sum and the difference."
    ),
    "台帳が複数なら（-l を重ねる、フォルダ、glob）、並行してすべて検査し、台帳ごとの結果と全体の一行を示す。同じ区・年度の台帳が二つあれば誤り。": (
        "With several ledgers (-l more than once, a folder, a glob), checks them all in parallel and shows each one's result and a line for all. Two ledgers of one ward and year are an error."
    ),
    "終了コード: 0 誤りなし、1 誤りあり（--strict では警告も）、2 台帳を読めない。": (
        "Exit status: 0 no errors, 1 errors (with --strict, warnings too), 2 the ledger cannot be read."
    ),
    "例: izumi check --ledger data/programs.yaml / izumi check budgets/": (
        "Example: izumi check --ledger data/programs.yaml / izumi check budgets/"
    ),
    "読む台帳: ファイル、フォルダ（中の *.yaml すべて）、glob。--ledger と同じ。": (
        "Ledgers to read: files, folders (every *.yaml in them), globs. The same as --ledger."
    ),
    "読む台帳ファイル（- で標準入力）。省略時は環境変数 IZUMI_LEDGER、それもなければ同梱の台帳。": (
        "The ledger file to read (- for standard input). Default: the environment variable IZUMI_LEDGER, else the bundled ledger."
    ),
    "警告も失敗として扱う（終了コード 1）。": ("Treat warnings as failures too (exit status 1)."),
    "出力形式: text, json, github（GitHub Actions の注釈）, csv, markdown。": (
        "Output format: text, json, github (GitHub Actions annotations), csv, markdown."
    ),
    "キャッシュを使わずに台帳を読む（環境変数 IZUMI_CACHE=0 と同じ）。": (
        "Read the ledger without the cache (as the environment variable IZUMI_CACHE=0 does)."
    ),
    "予算を合計する（施策・事業・担当課・タグ別）。": (
        "Total the budget (by policy, program, section, tag)."
    ),
    "総額、施策ごとの前年度比、事業ごとの構成比を示す。--by で担当課・タグ別に集計する。": (
        "Shows the total, each policy against the prior year, and each program's share of the total. --by groups by section or tag."
    ),
    "台帳が複数なら（-l を重ねる、フォルダ、glob）、一つの区の年度を列に並べて各年度の増減と率を示す。区が複数なら区ごとの総額を並べる（--by ward）。": (
        "With several ledgers (-l more than once, a folder, a glob), one ward's years stand in columns, with each year's change and %. With several wards, each ward's total stands in a row (--by ward)."
    ),
    "例: izumi totals --by section --unit 万円": ("Example: izumi totals --by section --unit 万円"),
    "集計の単位: program, policy, section（担当課）, tag（タグ）, ward（区）。": (
        "Group by: program, policy, section, tag, ward."
    ),
    "SELECT 文（一つ）。表は ledgers, policies, programs など。": (
        "One SELECT statement. Tables: ledgers, policies, programs and more."
    ),
    "台帳の表に SQL で問い合わせる（読むだけ）。": (
        "Query the ledgers' tables with SQL (read only)."
    ),
    "表示の単位: 千円, 万円, 円（省略時は台帳の単位）。": (
        "Unit shown: 千円, 万円, 円 (default: the ledger's unit)."
    ),
    "出力形式: table, json, csv, markdown。": ("Output format: table, json, csv, markdown."),
    "事業を一覧する（担当課・タグ・金額・文字列で絞り込み）。": (
        "List the programs (filtered by section, tag, amount or text)."
    ),
    "施策、番号、事業名、予算額、担当課、タグの表と、その合計・事業数を示す。細事業にあるタグは (3)新規 のように細事業の番号をつけて示す。": (
        "Shows a table of policy, number, name, amount, sections and tags, with its total and count. A tag on an item is shown with the item's number, as (3)新規."
    ),
    "例: izumi list --section 地域振興課 --sort amount": (
        "Example: izumi list --section 地域振興課 --sort amount"
    ),
    "この担当課が担う事業だけ（全角・半角の違いは無視）。繰り返すと、どれかを担う事業。": (
        "Only the programs this section runs (full-width and half-width forms match). Repeated: the programs any of them runs."
    ),
    "このタグ（重点・新規・拡充）が事業か細事業にある事業だけ。繰り返すと、どれかがある事業。": (
        "Only the programs that carry this tag (重点, 新規, 拡充) themselves or on an item. Repeated: any of them."
    ),
    "この番号の施策の事業だけ。繰り返すと、どれかの施策の事業。": (
        "Only the programs of the policy of this number. Repeated: of any of them."
    ),
    "予算額がこれ以上の事業だけ（表示の単位、例: 1,000）。": (
        "Only the programs of at least this amount (in the unit shown, e.g. 1,000)."
    ),
    "事業の文（事業名・概要・細事業・内訳・関連・注記）のどこかにこの文字列を含む事業だけ。見つかった場所を示す。": (
        "Only the programs with this text anywhere in them (name, summary, items, details, related lines, notes); says where it was found."
    ),
    "並べ方: number（番号順）, amount（金額の大きい順）, name（名前順）。": (
        "Order: number, amount (largest first), name."
    ),
    "細事業も並べる。": ("List the items too."),
    "一つの事業を詳しく見る。": ("Show one program in full."),
    "概要、細事業と内訳（ア・イ…）、関連事業（○、予算額の外）、注記を木の形で示す。": (
        "Shows its summary, items and their details (ア, イ …), related lines (○, outside every total) and notes as a tree."
    ),
    "例: izumi show 1 / izumi show 地域力 / izumi show ＩＣＴ --format json": (
        "Example: izumi show 1 / izumi show 地域力 / izumi show ＩＣＴ --format json"
    ),
    "事業の番号、事業名、または事業名の一部。": (
        "The program's number, its name, or part of its name."
    ),
    "施策の番号（番号や名前が複数の施策に当てはまるとき）。": (
        "The policy's number (when the number or name fits programs of several policies)."
    ),
    "出力形式: text, json, markdown, csv（細事業と内訳の表）。": (
        "Output format: text, json, markdown, csv (the items and details as rows)."
    ),
    "予算の文書から台帳を作る。": ("Make a ledger from a budget document."),
    "予算の PDF、保存したウェブページ（HTML）、またはそのテキストを読み、台帳を書き出してすぐに検査する。文書の行はすべて、読んだか読まなかったかを報告する（--report-only で一行ずつ）。終了コードは izumi check と同じ。": (
        "Reads a budget PDF, a saved web page (HTML) or their text, writes the ledger and checks it at once. Every line of the document is accounted for: read, or reported (line by line with --report-only). The exit status is izumi check's."
    ),
    "取り込んだ台帳の tolerance（文書が各額を丸めて載せているときの、合計と部分の差の許容）。": (
        "The imported ledger's tolerance (how far a sum may differ from its total, for documents that round each figure)."
    ),
    "台帳を書き出さず、文書の各行を何として読んだかと検査の結果だけを示す。": (
        "Write no ledger: show what each line of the document was read as, and the check."
    ),
    "例: izumi import budget.pdf -o my-ledger.yaml --city 横浜市": (
        "Example: izumi import budget.pdf -o my-ledger.yaml --city 横浜市"
    ),
    "予算の文書: PDF、保存したウェブページ（HTML）、またはそのテキスト。": (
        "The budget document: a PDF, a saved web page (HTML), or their text."
    ),
    "書き出す台帳ファイル。省略時または - で標準出力（報告は標準エラー）。": (
        "The ledger file to write. Default, or -: standard output (the report goes to standard error)."
    ),
    "OUT がすでにあれば上書きする。": ("Replace OUT if it exists."),
    "書き出す形式: yaml, json。": ("Format to write: yaml, json."),
    "文字コード（省略時は判別: UTF-8、Shift_JIS、EUC-JP、meta charset）。": (
        "The document's encoding (default: UTF-8, Shift_JIS/CP932 or EUC-JP, detected;"
        " a web page's meta charset is followed)."
    ),
    "文書のレイアウト: pdf-text, web, listing（省略時は判別）。": (
        "The document's layout: pdf-text, web, listing (default: detected)."
    ),
    "読み取れなかった行や警告があれば失敗とする（終了コード 1）。": (
        "Fail on any line not read and on warnings (exit status 1)."
    ),
    "市の名前（省略時は文書の見出しから）。": (
        "The city's name (default: from the document's headings)."
    ),
    "区の名前（省略時は文書の見出しから）。": (
        "The ward's name (default: from the document's headings)."
    ),
    "年度（西暦、例: 2021）。文書の見出しにあれば省略できる。": (
        "The fiscal year (Gregorian, e.g. 2021); may be left out when a heading of the document gives it."
    ),
    "出典（省略時は文書のファイル名）。": ("The source (default: the document's file name)."),
    "二つの台帳を比べる（年度どうし、版どうし）。": (
        "Compare two ledgers (two years, or two revisions)."
    ),
    "事業と細事業を番号と名前で対応づけ（名前の似た事業は名称変更とみなす）、前・後・増減・増減率、追加・削除と、担当課・タグ・番号・名前の変更を示す。終了コード: 0 数字が同じ（名前などの変更だけのときも）、1 数字が違う、2 読めない。": (
        "Matches programs and items by number and name (alike names are taken as renamed) and shows before, after, change and change %, what was added and removed, and changes of sections, tags, numbers and names. Exit status: 0 the figures are the same (even if names changed), 1 they differ, 2 a ledger cannot be read."
    ),
    "例: izumi diff 2020.yaml 2021.yaml": ("Example: izumi diff 2020.yaml 2021.yaml"),
    "比べるもとの台帳（前年度など）。": ("The ledger to compare from (last year's, say)."),
    "比べる台帳（今年度など）。": ("The ledger to compare (this year's, say)."),
    "変わらない事業・細事業も表示する。": ("Show the programs and items that did not change too."),
    "台帳を一枚の HTML にする（図・担当課別・全事業・検査の結果）。": (
        "Make the ledger one HTML page (chart, by section, every program, the check)."
    ),
    "CSS も図もファイルの中にあり、何も取りに行かないので、USB メモリからでもウェブからでも同じに開ける。検査に通らない台帳には、合わないことを示す帯が付く。": (
        "Its CSS and charts are inside the file and it fetches nothing, so it opens the same from a USB stick or the web. A ledger that fails its check gets a banner saying so."
    ),
    "例: izumi report -o report.html": ("Example: izumi report -o report.html"),
    "書き出す HTML ファイル（- で標準出力）。端末に向けては省略できない。": (
        "The HTML file to write (- for standard output). Needed when standard output is a terminal."
    ),
    "台帳を他の道具に渡す（CSV・JSON・Excel・SQLite・データパッケージ）。": (
        "Hand the ledger to other tools (CSV, JSON, Excel, SQLite, data package)."
    ),
    "台帳が複数なら、どの表も市区町村・区・年度を鍵に持つ一組の表にする（Excel 以外）。 Parquet は年度・市区町村・区で分けたフォルダに書き、DuckDB や Spark がそのまま読める。": (
        "Several ledgers become one set of tables, every table keyed by city, ward and fiscal year (all formats but Excel). Parquet is written in folders by fiscal year, city and ward, which DuckDB and Spark read as they are."
    ),
    "台帳（複数なら全部）を export --format sqlite と同じ表にして、SELECT 文を一つ実行する。どの表も市区町村・区・年度を鍵に持ち、金額は一つの単位にそろえる。": (
        "Puts the ledger (or every ledger named) in the tables export --format sqlite writes, and runs one SELECT statement. Every table is keyed by city, ward and fiscal year, and every amount is in one unit."
    ),
    '例: izumi sql "SELECT section, SUM(amount) FROM program_sections GROUP BY section"': (
        'Example: izumi sql "SELECT section, SUM(amount) FROM program_sections GROUP BY section"'
    ),
    "書き出しは一時ファイルを経由するので、途中で止まっても元のファイルは残る。既存のファイルは --force がなければ上書きしない。": (
        "Files are written through a temporary file, so an interrupted export leaves the old file. An existing file is replaced only with --force."
    ),
    "例: izumi export --format xlsx -o 予算.xlsx": (
        "Example: izumi export --format xlsx -o budget.xlsx"
    ),
    "形式: csv, json, xlsx, sqlite, datapackage, parquet。": (
        "Format: csv, json, xlsx, sqlite, datapackage, parquet."
    ),
    "書き出す先。csv（--table なし）、datapackage と parquet ではフォルダ。json と --table つきの csv は省略すると標準出力。": (
        "Where to write: a folder for csv (without --table), datapackage and parquet. json, and csv with --table, go to standard output when it is left out."
    ),
    "すでにあるファイルを上書きする。": ("Replace a file that exists."),
    "csv で一つの表だけ: policies, programs, program_sections, items, details, related。": (
        "With csv, one table only: policies, programs, program_sections, items, details, related."
    ),
    "csv を Excel 向けに（BOM つき UTF-8、CRLF）。": (
        "csv for Excel (UTF-8 with a byte-order mark, CRLF)."
    ),
    "台帳の書式を JSON Schema（draft 2020-12）で出力する。": (
        "Print the ledger format as a JSON Schema (draft 2020-12)."
    ),
    "エディタ（YAML language server）で補完とその場の検査に使える。各項目に日本語と英語の説明つき。": (
        "Editors (the YAML language server) use it to complete and check as you type. Each field is described in Japanese and English."
    ),
    "例: izumi schema > izumi-ledger.schema.json": (
        "Example: izumi schema > izumi-ledger.schema.json"
    ),
}

# What typer writes in English on every help screen, in Japanese.
JAPANESE: Final[dict[str, str]] = {
    "Install completion for the current shell.": "いま使っているシェルに補完を入れる。",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "いま使っているシェルの補完を表示する（写して使うか、入れ方を変えるため）。"
    ),
    "Show this message and exit.": "この説明を表示して終わる。",
    "Arguments": "引数",
    "Options": "オプション",
    "Commands": "コマンド",
    "Usage:": "使い方:",
    "required": "必須",
    "default": "既定",
    "[OPTIONS]": "[オプション]",
    "COMMAND [ARGS]...": "コマンド [引数]...",
    "<str>": "<文字列>",
    "<int>": "<整数>",
}


def in_language(text: str) -> str:
    """text in the language of the screen: Japanese help in English with --lang en, typer's
    own English in Japanese otherwise; anything else as it is."""
    if current() == "en":
        return ENGLISH.get(text, text)
    return JAPANESE.get(text, text)
