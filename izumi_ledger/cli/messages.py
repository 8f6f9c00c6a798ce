"""The messages of the command line (screens, headings, columns) in Japanese and English.

`t` looks here first, then in the core's catalog, so that a command speaks with the same words
as the findings it shows; the core never sees these.
"""

from __future__ import annotations

from typing import Final

from izumi_ledger.text.messages import CATALOG as CORE
from izumi_ledger.text.messages import Language, current

CATALOG: Final[dict[str, dict[Language, str]]] = {
    # --- messages of every command ---------------------------------------------------------
    "cli.hint": {"ja": "  ヒント: {hint}", "en": "  hint: {hint}"},
    "import.option_empty": {
        "ja": "{option} の値が空です",
        "en": "{option} is empty",
    },
    "import.in_document": {
        "ja": "  文書では {document}:{line} 行目",
        "en": "  in the document: {document}:{line}",
    },
    "import.fiscal_year_option": {
        "ja": "--fiscal-year {value} は年度として読めません（西暦の 4 桁で、例: 2021）",
        "en": "--fiscal-year {value} is not a fiscal year (write the Gregorian year, e.g. 2021)",
    },
    "import.fiscal_year_option.hint": {
        "ja": "令和なら --fiscal-year {reiwa}、平成なら --fiscal-year {heisei}",
        "en": "a Reiwa year is --fiscal-year {reiwa}; a Heisei year, --fiscal-year {heisei}",
    },
    "completion.installed": {
        "ja": "{shell} の補完を {path} に入れました",
        "en": "{shell} completion installed in {path}",
    },
    "completion.restart": {
        "ja": "端末を開き直すと補完が効きます",
        "en": "completion takes effect once you restart the terminal",
    },
    "usage.see_help": {
        "ja": "使い方は {command} --help で",
        "en": "{command} --help shows how to use it",
    },
    "usage.did_you_mean": {"ja": "もしかして {name}？", "en": "did you mean {name}?"},
    "usage.no_such_option": {
        "ja": "{command}: オプション {option} はありません",
        "en": "{command}: there is no option {option}",
    },
    "usage.no_value": {
        "ja": "{command}: {option} は値をとりません",
        "en": "{command}: {option} takes no value",
    },
    "usage.needs_value": {
        "ja": "{command}: {option} には値が必要です",
        "en": "{command}: {option} needs a value",
    },
    "usage.missing": {
        "ja": "{command}: {name} を指定してください",
        "en": "{command}: {name} is needed",
    },
    "usage.bad_choice": {
        "ja": "{command}: {name} に {value} は選べません",
        "en": "{command}: {value} is not a choice of {name}",
    },
    "usage.choices": {"ja": "選べるもの: {choices}", "en": "the choices: {choices}"},
    "usage.bad_integer": {
        "ja": "{command}: {name} の値 {value} は整数ではありません",
        "en": "{command}: the value {value} of {name} is not a whole number",
    },
    "usage.write_integer": {
        "ja": "半角の数字で書いてください（例: 2）",
        "en": "write it in digits (for example 2)",
    },
    "usage.bad_value": {
        "ja": "{command}: {name} の値が正しくありません（{detail}）",
        "en": "{command}: the value of {name} is not right ({detail})",
    },
    "usage.no_such_command": {
        "ja": "izumi: コマンド {name} はありません",
        "en": "izumi: there is no command {name}",
    },
    "usage.commands": {"ja": "コマンド: {commands}", "en": "the commands: {commands}"},
    "usage.extra": {
        "ja": "{command}: 余分な引数があります: {arguments}",
        "en": "{command}: arguments it does not take: {arguments}",
    },
    "usage.other": {"ja": "{command}: {message}", "en": "{command}: {message}"},
    "cli.bundled": {"ja": "{name}（同梱の台帳）", "en": "{name} (bundled)"},
    "cli.ledger": {"ja": "台帳 {ledger}", "en": "ledger {ledger}"},
    # --- check ---------------------------------------------------------------------------
    "check.more_warnings": {
        "ja": "ほかに {rule} の警告が {count:,} 件あります（すべては --format json で）",
        "en": "{count:,} more {rule} warnings (--format json lists them all)",
    },
    "check.tally": {
        "ja": "エラー {errors} · 警告 {warnings}",
        "en": "errors {errors} · warnings {warnings}",
    },
    "check.collection": {
        "ja": "台帳 {ledgers} 件（読めない {unreadable} 件、誤りのある {failing} 件） — {tally}",
        "en": "{ledgers} ledgers ({unreadable} unreadable, {failing} with errors) — {tally}",
    },
    "check.unreadable": {
        "ja": "台帳を読めません — {tally}",
        "en": "the ledger cannot be read — {tally}",
    },
    "check.summary": {
        "ja": "{amount} · {policies} 施策 · {programs} 事業 · {items} 細事業 — {tally}",
        "en": "{amount} · policies {policies} · programs {programs} · items {items} — {tally}",
    },
    # --- table headers -------------------------------------------------------------------
    "col.policy": {"ja": "施策", "en": "policy"},
    "col.number": {"ja": "番号", "en": "no."},
    "col.program": {"ja": "事業名", "en": "program"},
    "col.city": {"ja": "市区町村", "en": "city"},
    "col.ward": {"ja": "区", "en": "ward"},
    "col.year": {"ja": "年度", "en": "year"},
    "list.unknown_in_any": {
        "ja": "{kind} {name!r} はどの台帳にもありません",
        "en": "no ledger has the {kind} {name!r}",
    },
    "list.collection": {
        "ja": "台帳 {ledgers} 件（{wards} 区、{years}年度）",
        "en": "{ledgers} ledgers ({wards} wards, fiscal {years})",
    },
    "col.policy_title": {"ja": "施策名", "en": "policy"},
    "col.item": {"ja": "細事業", "en": "item"},
    "col.amount": {"ja": "予算額", "en": "amount"},
    "col.share": {"ja": "構成比", "en": "share"},
    "col.programs": {"ja": "事業数", "en": "programs"},
    "col.sole": {"ja": "単独", "en": "alone"},
    "col.shared": {"ja": "共同", "en": "shared"},
    "col.in_all": {"ja": "計", "en": "in all"},
    "col.section": {"ja": "担当課", "en": "section"},
    "col.tag": {"ja": "タグ", "en": "tag"},
    "col.total": {"ja": "合計", "en": "total"},
    "col.before": {"ja": "前", "en": "before"},
    "col.after": {"ja": "後", "en": "after"},
    "col.change": {"ja": "増減", "en": "change"},
    "col.change_ratio": {"ja": "増減率", "en": "change %"},
    "col.status": {"ja": "状態", "en": "status"},
    "col.label": {"ja": "内訳", "en": "detail"},
    "col.name": {"ja": "名前", "en": "name"},
    "col.text": {"ja": "説明", "en": "text"},
    "col.rule": {"ja": "規則", "en": "rule"},
    "col.severity": {"ja": "重さ", "en": "severity"},
    "col.file": {"ja": "ファイル", "en": "file"},
    "col.line": {"ja": "行", "en": "line"},
    "col.column": {"ja": "列", "en": "column"},
    "col.path": {"ja": "場所", "en": "path"},
    "col.message": {"ja": "内容", "en": "message"},
    "col.expected": {"ja": "文書の値", "en": "expected"},
    "col.actual": {"ja": "実際の値", "en": "actual"},
    "col.hint": {"ja": "ヒント", "en": "hint"},
    "col.difference": {"ja": "差", "en": "difference"},
    # --- totals --------------------------------------------------------------------------
    "years.title": {
        "ja": "{city}{ward} {first}〜{last}年度の予算（台帳 {count} 年度分）",
        "en": "{ward}, {city}: budgets of fiscal {first}–{last} ({count} ledgers)",
    },
    "years.totals": {"ja": "総額 {totals}", "en": "total {totals}"},
    "years.col.year": {"ja": "{year}年度", "en": "FY{year}"},
    "years.col.change": {"ja": "増減{year}", "en": "change {year}"},
    "years.col.ratio": {"ja": "率{year}", "en": "% {year}"},
    "years.formerly": {"ja": "（旧: {names}）", "en": " (formerly {names})"},
    "years.note": {
        "ja": "事業は年度をまたいで izumi diff と同じく対応づけています（番号と名前、名前、似た名前の順）。増減と率は前の年度からのもの。空欄はその年度の台帳にない事業です。",
        "en": "Programs are paired across the years as izumi diff pairs them (number and name, then name, then alike names). Changes and % are from the year before; a blank is a program not in that year's ledger.",
    },
    "years.several_wards": {
        "ja": "区が複数あります（{wards}）。年度を並べるのは一つの区の台帳です",
        "en": "the ledgers are of several wards ({wards}); years are shown side by side for one ward",
    },
    "years.several_wards.hint": {
        "ja": "区を並べるなら --by ward、一つの区の年度を並べるならその区の台帳だけを -l で指定してください（区と担当課などを組み合わせるなら izumi sql）",
        "en": "use --by ward for the wards side by side, or give one ward's ledgers with -l (izumi sql combines wards with sections and the like)",
    },
    "wards.title": {
        "ja": "区ごとの予算 {years}年度（台帳 {count} 件、{wards} 区）",
        "en": "budgets by ward, fiscal {years} ({count} ledgers, {wards} wards)",
    },
    "wards.col.ward": {"ja": "区", "en": "ward"},
    "wards.note": {
        "ja": "各区の総額（施策の合計）。増減と率は同じ区の前の年度から。空欄はその年度の台帳がない区で、合計には入りません。",
        "en": "Each ward's total (the sum of its policies). Changes and % are from the same ward's year before; a blank is a ward with no ledger that year, left out of the total.",
    },
    "report.one_ward.hint": {
        "ja": "レポートは一つの区の台帳（その区の年度を並べるなら、その区の台帳すべて）を指定してください",
        "en": "give one ward's ledger (or every year of that ward, for the trend over them)",
    },
    "years.same_year": {
        "ja": "{year}年度の台帳が二つあります: {first} と {second}",
        "en": "two ledgers of fiscal {year}: {first} and {second}",
    },
    "years.same_year.hint": {
        "ja": "版を比べるなら izumi diff を使ってください",
        "en": "to compare two versions, use izumi diff",
    },
    "years.col.key_policy": {"ja": "施策", "en": "policy"},
    "totals.title": {
        "ja": "{city}{ward} {era}（{year}年度）予算 — 台帳 {ledger}",
        "en": "{city}{ward} budget, fiscal year {year} ({era}) — ledger {ledger}",
    },
    "totals.total": {"ja": "総額 {amount}", "en": "total {amount}"},
    "totals.total_stated": {
        "ja": "総額 {stated}（台帳の amount。施策の和は {added}、差 {difference}）",
        "en": "total {stated} (the ledger's amount; its policies add up to {added}, difference {difference})",
    },
    "totals.policy": {
        "ja": "施策{number} {title}  {amount}",
        "en": "policy {number} {title}  {amount}",
    },
    "totals.change": {
        "ja": "  前年度 {prior} · 増減 {change}（{ratio}）",
        "en": "  prior year {prior} · change {change} ({ratio})",
    },
    "totals.bar_basis": {
        "ja": "棒は最も大きい行を全幅とする長さ（構成比と同じ基準）。",
        "en": "bars: the largest row fills the width (the same basis as the shares).",
    },
    "totals.share_basis_only": {
        "ja": "構成比は総額 {amount}に対する割合。",
        "en": "share: of the total {amount}.",
    },
    "totals.item_tags": {
        "ja": "細事業にあるタグは、その細事業の額だけを数える（事業にあるタグは事業の全額）。",
        "en": "a tag on an item counts that item's amount (a tag on a program, the whole program).",
    },
    "col.items": {"ja": "細事業数", "en": "items"},
    "totals.sole_shared": {
        "ja": "単独: その{what}だけの事業、共同: ほかの{what}と共にもつ事業。",
        "en": "alone: programs only this {what} runs; shared: programs it runs with another {what}.",
    },
    "years.span": {"ja": "{first}〜{last}", "en": "{first}–{last}"},
    "years.not_additive": {
        "ja": "共同の事業は{what}ごとに全額を数えるため、{what}の額を足しても総額になりません。",
        "en": "A shared program counts in full for each {what}, so the {what} amounts do not add up to the total.",
    },
    "totals.not_additive": {
        "ja": "共同の事業は{what}ごとに全額を数えるため、計の列の合計は総額と一致しません。",
        "en": "A shared program counts in full for each {what}, so the 'in all' column does not add up to the total.",
    },
    # --- list ----------------------------------------------------------------------------
    "list.no_policy": {
        "ja": "施策 {policy} はこの台帳にありません",
        "en": "policy {policy} is not in this ledger",
    },
    "list.policies": {"ja": "ある施策: {numbers}", "en": "policies: {numbers}"},
    "list.by_section": {"ja": " · 担当課 {section}", "en": " · section {section}"},
    "list.by_tag": {"ja": " · タグ {tag}", "en": " · tag {tag}"},
    "list.by_policy": {"ja": " · 施策 {policy}", "en": " · policy {policy}"},
    "list.at_least": {"ja": " · {amount} 以上", "en": " · {amount} or more"},
    "list.none": {
        "ja": "izumi: 該当する事業はありません（{conditions}）",
        "en": "izumi: no program matches ({conditions})",
    },
    "list.too_many_decimals": {
        "ja": "小数は 9 桁までです: {text}",
        "en": "at most 9 decimal places: {text}",
    },
    "list.empty_grep": {
        "ja": "--grep に探す文字列がありません",
        "en": "--grep has no text to look for",
    },
    "list.place.separator": {"ja": "、", "en": ", "},
    "list.place.name": {"ja": "事業名", "en": "name"},
    "list.place.summary": {"ja": "概要", "en": "summary"},
    "list.place.note": {"ja": "注記", "en": "notes"},
    "list.place.related": {"ja": "関連「{name}」", "en": "related “{name}”"},
    "col.found": {"ja": "該当", "en": "found in"},
    "status.failing": {
        "ja": "注意: この台帳の数字は合っていません（エラー {count} 件。{command} で場所を確認）",
        "en": "note: the figures of this ledger do not add up (errors: {count}; {command} shows where)",
    },
    "status.errors": {
        "ja": "注意: この台帳には誤りが {count} 件あります（数字は合っています。{command} で確認）",
        "en": "note: errors in this ledger: {count}, though its figures add up ({command} shows them)",
    },
    "status.both": {
        "ja": "  記載の合計 {stated} · 各行の和 {added}（差 {difference}）",
        "en": "  stated total {stated} · sum of the rows {added} (difference {difference})",
    },
    "list.grep": {"ja": " · 「{text}」を含む", "en": " · containing “{text}”"},
    "list.total": {"ja": "合計 {count} 事業", "en": "total ({count})"},
    # --- show ----------------------------------------------------------------------------
    "show.not_found": {"ja": "事業 {query!r} は見つかりません", "en": "no program {query!r}"},
    "show.close": {"ja": "近い名前: {names}", "en": "names like it: {names}"},
    "show.see_list": {
        "ja": "izumi list で事業の一覧を見られます",
        "en": "izumi list shows every program",
    },
    "show.match": {"ja": "施策{policy}-{number} {name}", "en": "policy {policy}-{number} {name}"},
    "show.ambiguous": {
        "ja": "{query!r} に当てはまる事業が {count} 件あります: {names}",
        "en": "{query!r} matches {count} programs: {names}",
    },
    "show.ambiguous.hint": {
        "ja": "番号か、もっと長い名前で指定してください（施策は --policy で選べます）",
        "en": "give the number or more of the name (--policy chooses the policy)",
    },
    "show.policy": {"ja": "施策{number} {title}", "en": "policy {number} {title}"},
    "show.program": {
        "ja": "事業{number} {name}  {amount}",
        "en": "program {number} {name}  {amount}",
    },
    "show.sections": {"ja": "担当課 {sections}", "en": "sections: {sections}"},
    "show.none": {"ja": "（なし）", "en": "(none)"},
    "show.summary": {"ja": "概要：{summary}", "en": "summary: {summary}"},
    "show.items": {
        "ja": "細事業 {count} 件（計 {amount}）",
        "en": "{count} items (adding up to {amount})",
    },
    "show.no_items": {"ja": "細事業なし", "en": "no items"},
    "show.related": {
        "ja": "関連事業（○ 予算額の外、どの合計にも入らない）",
        "en": "related (○, outside the amount and every total)",
    },
    "show.note": {"ja": "注記：{note}", "en": "note: {note}"},
    "show.notes": {"ja": "注記", "en": "notes"},
    # --- diff --------------------------------------------------------------------------
    "col.others": {"ja": "ほかの変更", "en": "other changes"},
    "diff.none": {
        "ja": "差はありません（{programs} 事業、合計 {amount} がすべて同じ）",
        "en": "no differences ({programs} programs, total {amount}, all the same)",
    },
    "diff.omitted": {
        "ja": "変わらない施策・事業・細事業 {count} 件は省いています（--all ですべて表示）。",
        "en": "left out as unchanged: {count} policies, programs and items (--all shows them).",
    },
    "diff.renames_limited": {
        "ja": "対応のない事業が多いため、名称変更は同じ番号の事業の間でだけ探しました。",
        "en": "So many programs were left unmatched that renames were sought only between programs of the same number.",
    },
    "diff.ledger_sections": {
        "ja": "台帳の担当課: {sections}",
        "en": "the ledger's sections: {sections}",
    },
    "diff.policy_prefix": {"ja": "施策 ", "en": "policy "},
    "diff.renumbered": {"ja": "番号 {old}→{new}", "en": "number {old}→{new}"},
    "col.old_name": {"ja": "旧名", "en": "former name"},
    "diff.stdin_twice": {
        "ja": "標準入力（-）から読めるのは一つの台帳だけです",
        "en": "only one of the two ledgers can come from standard input (-)",
    },
    "diff.title": {
        "ja": "差分 {old} → {new}（単位 {unit}）",
        "en": "differences {old} → {new} (unit {unit})",
    },
    "diff.changed": {"ja": "変更", "en": "changed"},
    "diff.renamed": {"ja": "名称変更", "en": "renamed"},
    "diff.added": {"ja": "追加", "en": "added"},
    "diff.removed": {"ja": "削除", "en": "removed"},
    "diff.formerly": {"ja": "（旧: {name}）", "en": " (formerly {name})"},
    # --- export and writing files --------------------------------------------------------
    "export.csv_only": {
        "ja": "{option} は --format csv のときだけ使えます",
        "en": "{option} goes with --format csv only",
    },
    "export.name_of_other_format": {
        "ja": "{path} は {holds} のファイルの名前です（書き出すのは --format {format}）",
        "en": "{path} is the name of a {holds} file (the format written is {format})",
    },
    "export.not_a_folder": {
        "ja": "--format {format} はフォルダに書き出します: {path!r} はファイルの名前に見えます"
        "（フォルダ名を -o に）",
        "en": "--format {format} writes a folder: {path!r} looks like the name of a file "
        "(give -o a folder name)",
    },
    "export.csv_file_needs_table": {
        "ja": "{path} は 1 つの CSV ファイルの名前です: --table で表を選んでください"
        "（すべての表はフォルダに: -o フォルダ名）",
        "en": "{path} names one CSV file: choose its table with --table "
        "(every table goes to a folder: -o FOLDER)",
    },
    "export.no_table": {"ja": "表 {table!r} はありません", "en": "there is no table {table!r}"},
    "export.tables": {"ja": "ある表: {names}", "en": "tables: {names}"},
    "export.needs_file": {
        "ja": "--format {format} は -o でファイルを指定してください",
        "en": "--format {format} needs a file: give it with -o",
    },
    "export.needs_folder": {
        "ja": "--format {format} は表ごとのファイルを書くので、-o でフォルダを指定してください",
        "en": "--format {format} writes a file per table: give a folder with -o",
    },
    "output.blank": {
        "ja": "書き出す先の名前 {path!r} が空白だけか、空白で始まるか終わっています",
        "en": "the name to write to, {path!r}, is blank or begins or ends with a space",
    },
    "output.folder_name": {
        "ja": "{path} はフォルダの名前です（書き出すのはファイル一つ）",
        "en": "{path} names a folder (one file is written)",
    },
    "output.holds_cwd": {
        "ja": "{path} は今いるフォルダ（またはその上）です。置き換えると作業中のフォルダが消えます",
        "en": "{path} is the folder you are in (or above it): replacing it would take your working folder away",
    },
    "output.holds_input": {
        "ja": "{path} には読んでいるファイル {input} があります（置き換えると元が失われます）",
        "en": "{path} holds the file being read, {input} (replacing it would destroy what is read)",
    },
    "output.is_input": {
        "ja": "{path} は読んでいるファイル {input} そのものです（上書きすると元が失われます）",
        "en": "{path} is the file being read, {input} (writing it would destroy what is read)",
    },
    "report.needs_output": {
        "ja": "HTML を端末には書き出しません: -o でファイルを指定してください",
        "en": "the HTML is not written to a terminal: give a file with -o",
    },
    "report.needs_output.hint": {
        "ja": "izumi report -o report.html（標準出力へは -o -）",
        "en": "izumi report -o report.html (-o - for standard output)",
    },
    "report.link_not_html": {
        "ja": "{path} は HTML ではないファイル {target} へのリンクです（書き出すと、そのファイルが HTML に置き換わります）",
        "en": "{path} is a link to {target}, which is not an HTML file (writing would replace that file with HTML)",
    },
    "report.not_html": {
        "ja": "{path} は HTML の名前ではありません（report が書くのは HTML。.html で終わる名前にしてください）",
        "en": "{path} is not the name of an HTML file (report writes HTML: use a name ending in .html)",
    },
    "write.done": {"ja": "書き出しました: {path}", "en": "written: {path}"},
    "sql.about_one": {
        "ja": "台帳 {ledger} · 金額の単位: {unit}",
        "en": "ledger {ledger} · amounts in {unit}",
    },
    "sql.about_many": {
        "ja": "台帳 {ledgers} 件 · 金額の単位: {unit}",
        "en": "{ledgers} ledgers · amounts in {unit}",
    },
    "sql.no_rows": {"ja": "該当する行はありません", "en": "no rows"},
    "sql.floats": {
        "ja": "小数の値は SQLite の浮動小数点数のまま示しています（正確とは限りません。整数の計算は正確です）",
        "en": "decimal values are SQLite's floating-point numbers as they are (not always exact; whole numbers are)",
    },
    "write.parquet_done": {
        "ja": "書き出しました: {path}（Parquet ファイル {files} 個）",
        "en": "written: {path} ({files} Parquet files)",
    },
    "export.xlsx_one_ledger": {
        "ja": "Excel 形式は台帳一つだけです（シートの式が一つの台帳の行を指すため）",
        "en": "the Excel format holds one ledger (its sheets' formulas point at one ledger's rows)",
    },
    "export.xlsx_one_ledger.hint": {
        "ja": "複数の台帳は --format csv --excel（Excel で開ける）、sqlite、datapackage、parquet で書き出せます",
        "en": "write several with --format csv --excel (Excel opens it), sqlite, datapackage or parquet",
    },
    # --- import --------------------------------------------------------------------------
    "cli.out_of_memory": {
        "ja": "メモリが足りません（台帳が大きすぎるか、使えるメモリが制限されています）",
        "en": "out of memory (the ledger is too large, or the memory izumi may use is limited)",
    },
    "cli.empty_output": {
        "ja": "-o に空の名前が指定されています（標準出力なら -o -）",
        "en": "-o was given an empty name (for standard output, -o -)",
    },
    "import.option_not_utf8": {
        "ja": "{option} の値が UTF-8 の文字ではありません",
        "en": "the value of {option} is not UTF-8 text",
    },
    "import.stdout": {"ja": "<標準出力>", "en": "<standard output>"},
    "import.layout.pdf-text": {
        "ja": "施策・事業・細事業のブロック",
        "en": "blocks of policies, programs and items",
    },
    "import.layout.web": {"ja": "ウェブページ", "en": "web page"},
    "import.layout.listing": {"ja": "見出しと事業の一覧", "en": "headings and a list of programs"},
    "import.source.text": {"ja": "テキスト", "en": "text"},
    "import.source.html": {"ja": "ウェブページ（HTML）", "en": "web page (HTML)"},
    "import.source.pdf": {"ja": "PDF", "en": "PDF"},
    "import.marker": {"ja": "事業の行: {marker}", "en": "programs: {marker}"},
    "import.marker.N": {"ja": "番号（1, 2 …）", "en": "numbered 1, 2 …"},
    "import.marker.(N)": {"ja": "番号（(1), (2) …）", "en": "numbered (1), (2) …"},
    "import.marker.【N】": {"ja": "番号（【1】…）", "en": "numbered 【1】 …"},
    "import.marker.施策N": {"ja": "施策番号", "en": "numbered as policies"},
    "import.marker.◆": {"ja": "◆ の行", "en": "◆ lines"},
    "import.marker.■": {"ja": "■ の行", "en": "■ lines"},
    "import.marker.●": {"ja": "● の行", "en": "● lines"},
    "import.marker.・": {"ja": "・ の行", "en": "middle-dot lines"},
    "import.marker.Ⅰ": {"ja": "ローマ数字", "en": "Roman numerals"},
    "import.marker.row": {"ja": "表の行", "en": "a table's rows"},
    "import.columns": {"ja": "列: {columns}", "en": "columns: {columns}"},
    "import.column.joiner": {"ja": "・", "en": ", "},
    "import.column.amount": {"ja": "予算額", "en": "amount"},
    "import.column.prior": {"ja": "前年度", "en": "prior year"},
    "import.column.change": {"ja": "増減", "en": "change"},
    "import.how": {
        "ja": "  読み方: {parts} · 金額のある行 {printed} のうち {read} 行を読みました（確かさ: {sure}）",
        "en": "  read as: {parts} · {read} of the {printed} lines with amounts read (certainty: {sure})",
    },
    "import.sure.high": {"ja": "高い", "en": "high"},
    "import.sure.middle": {"ja": "中くらい", "en": "middle"},
    "import.sure.low": {
        "ja": "低い — 読めなかった行を確かめてください",
        "en": "low — check the lines not read",
    },
    "import.left_out": {
        "ja": "  ページのメニュー・ヘッダー・フッターなど {lines} 行は読みません",
        "en": "  {lines} lines of the page's menus, header and footer are not read",
    },
    "import.computed": {
        "ja": "  施策 {number}（文書 {line} 行目）の見出しには額がありません: 事業の合計を額とし、notes に書きました",
        "en": "  policy {number} (document line {line}) prints no amount: its programs' sum is its amount, as its notes say",
    },
    "import.rounded": {
        "ja": "文書は各額を丸めて載せていると書いています（{document}:{line} 行目）。差が丸めによるものなら、--tolerance {largest} で取り込めば警告 rounding になります",
        "en": "the document says it rounds each figure ({document}:{line}); if the differences are rounding, importing with --tolerance {largest} makes them rounding warnings",
    },
    "import.after_last": {
        "ja": "{document}: 最後の事業の後の {count} 行（金額なし）は読みません: {lines} 行目（--report-only で内容を示します）",
        "en": "{document}: {count} lines after the last program (no amount) are not read: lines {lines} (--report-only shows them)",
    },
    "import.ledger_note": {
        "ja": "  台帳の notes に書いたこと: {note}",
        "en": "  written in the ledger's notes: {note}",
    },
    "import.reprinted": {
        "ja": "  再掲の行は重ねて数えません: {lines} 行目",
        "en": "  rows printed again under another heading are not counted twice: lines {lines}",
    },
    "import.more_warnings": {
        "ja": "同じ警告 {rule} があと {count} 件あります（izumi check で全部を示します）",
        "en": "{count} more {rule} warnings like these (izumi check shows them all)",
    },
    "import.not_written": {"ja": "（書き出さない）", "en": "(not written)"},
    "import.line_account": {"ja": "{line}: [{place}] {text}", "en": "{line}: [{place}] {text}"},
    "import.place.record": {"ja": "{record}", "en": "{record}"},
    "import.place.continued": {"ja": "{record} の続き", "en": "{record}, continued"},
    "import.place.preamble": {"ja": "前書き", "en": "preamble"},
    "import.place.postamble": {
        "ja": "後書き（最後の事業の後、金額なし）",
        "en": "after the last program, no amount",
    },
    "import.place.ledger": {"ja": "合計・年度として", "en": "read as a total or the year"},
    "import.place.left-out": {"ja": "読み飛ばし", "en": "left out"},
    "import.place.refused": {"ja": "読めない数字", "en": "figure refused"},
    "import.place.unread": {"ja": "読み取れず", "en": "not understood"},
    "import.title": {
        "ja": "取り込み {document}（{layout}、{encoding}）→ {output}",
        "en": "import {document} ({layout}, {encoding}) → {output}",
    },
    "import.warning": {"ja": "  注意: {warning}", "en": "  note: {warning}"},
    "import.judgment": {
        "ja": "  判断して置いたもの: {what} → 事業{program}（理由は notes に）",
        "en": "  placed by judgment: {what} → program {program} (the reason is in its notes)",
    },
    "import.unread": {
        "ja": "{document}:{line}: 読み取れなかった行: {text}",
        "en": "{document}:{line}: line not understood: {text}",
    },
    "import.summary": {
        "ja": "{policies} 施策 · {programs} 事業 · {items} 細事業 — {tally} · 読み取れなかった行 {unread}",
        "en": "policies {policies} · programs {programs} · items {items} — {tally} · lines not understood {unread}",
    },
    "import.invalid": {
        "ja": "書き出した台帳は書式に合いません — エラー {errors} · 読み取れなかった行 {unread}",
        "en": "the ledger written does not match the format — errors {errors} · lines not understood {unread}",
    },
    "progress.reading": {"ja": "読み込み中", "en": "reading"},
    "progress.validating": {"ja": "書式を検証中…", "en": "validating…"},
    "progress.checking": {"ja": "合計を検査中…", "en": "checking the sums…"},
    "progress.caching": {"ja": "キャッシュに保存中…", "en": "saving to the cache…"},
    "cli.path": {"ja": "（{path}）", "en": " ({path})"},
    "cli.unreadable": {
        "ja": "台帳 {ledger} を読めません（問題 {count} 件）",
        "en": "cannot read the ledger {ledger} ({count} problems)",
    },
    "cli.one_ledger": {
        "ja": "台帳は 1 つだけ指定できます（--ledger が {ledgers} と複数あります）",
        "en": "a command reads one ledger (--ledger was given several: {ledgers})",
    },
    "cli.one_ledger.hint": {
        "ja": "2 つの台帳を比べるには izumi diff 古い.yaml 新しい.yaml",
        "en": "to compare two ledgers: izumi diff old.yaml new.yaml",
    },
    "collection.unreadable": {
        "ja": "読めない台帳が {count} 件あります（izumi check で一つずつ確かめられます）",
        "en": "{count} ledgers cannot be read (izumi check shows each one)",
    },
    "collection.sums_wrong": {
        "ja": "izumi: 注意: 台帳 {ledgers} 件に誤りが計 {count} 件あります（{command} で確認できます）",
        "en": "izumi: note: {ledgers} ledgers have errors, {count} in all (see {command})",
    },
    "cli.sums_wrong": {
        "ja": "izumi: 注意: この台帳には誤りが {count} 件あります（{command} で確認できます）",
        "en": "izumi: note: errors in this ledger: {count} (see {command})",
    },
    "cli.unexpected": {
        "ja": "izumi {version}: 想定外の失敗です。申し訳ありません。\n  --debug を付けて実行すると詳しい情報（トレースバック）が表示されます。",
        "en": "izumi {version}: an unexpected failure, sorry.\n  Run again with --debug to see the details (the traceback).",
    },
    "cli.stdout": {"ja": "標準出力", "en": "standard output"},
    "cli.closed": {"ja": "閉じられています", "en": "it is closed"},
    "cli.stdin_closed": {
        "ja": "標準入力が閉じられているので、台帳を読めません",
        "en": "standard input is closed: there is no ledger to read",
    },
    "cli.interrupted": {"ja": "izumi: 中断しました", "en": "izumi: interrupted"},
    "cli.bad_language": {
        "ja": "IZUMI_LANG は ja か en です（{value!r}） / IZUMI_LANG must be ja or en",
        "en": "IZUMI_LANG is ja or en ({value!r})",
    },
}


def t(message: str, /, **fields: object) -> str:
    """The message in the current language, with its fields filled in."""
    entry = CATALOG.get(message) or CORE[message]
    return entry[current()].format(**fields)
