"""The messages of the core (findings, hints, errors) in Japanese and English, and the lookup.

The language is Japanese unless `use("en")` (the CLI's --lang) or IZUMI_LANG says otherwise.
Names from the ledger are never translated; only izumi's own words are.
"""

from __future__ import annotations

import os
from contextvars import ContextVar
from typing import Final, Literal

Language = Literal["ja", "en"]
LANGUAGES: Final[tuple[Language, ...]] = ("ja", "en")
LANGUAGE_VARIABLE: Final = "IZUMI_LANG"

_chosen: ContextVar[Language | None] = ContextVar("izumi_language", default=None)


def use(language: Language) -> None:
    """Show messages in this language from now on."""
    _chosen.set(language)


def reset() -> None:
    """Forget the language chosen with use(): IZUMI_LANG, else Japanese, applies again."""
    _chosen.set(None)


def current() -> Language:
    chosen = _chosen.get()
    if chosen is not None:
        return chosen
    from_environment = os.environ.get(LANGUAGE_VARIABLE, "")
    return "en" if from_environment.lower().startswith("en") else "ja"


def t(message: str, /, **fields: object) -> str:
    """The message in the current language, with its fields filled in."""
    return CATALOG[message][current()].format(**fields)


# key → {language → text}. Fields are str.format fields; both languages use the same ones.
CATALOG: Final[dict[str, dict[Language, str]]] = {
    # --- amounts -------------------------------------------------------------------------
    "amount.boolean": {
        "ja": "真偽値は金額になりません",
        "en": "a true/false value is not an amount",
    },
    "amount.boolean.hint": {"ja": "整数で書いてください", "en": "write a whole number"},
    "amount.too_large": {
        "ja": "金額が大きすぎます（{limit} 桁まで）",
        "en": "the amount is too large (at most {limit} digits)",
    },
    "amount.negative": {
        "ja": "負の金額は書けません: {value}",
        "en": "amounts cannot be negative: {value}",
    },
    "amount.fraction": {
        "ja": "小数は金額になりません: {value!r}",
        "en": "a fraction is not an amount: {value!r}",
    },
    "amount.fraction.hint": {
        "ja": "単位の整数で書いてください（または台帳の unit を小さい単位に）",
        "en": "write a whole number of the unit (or give the ledger a smaller unit)",
    },
    "amount.type": {
        "ja": "金額は整数か数字の文字列で書いてください",
        "en": "write an amount as a whole number or a string of digits",
    },
    "amount.commas": {
        "ja": "桁区切りのカンマの位置が違います: {text!r}",
        "en": "the thousands commas are misplaced: {text!r}",
    },
    "amount.commas.hint": {
        "ja": "3 桁ごとに {grouped} のように、またはカンマなしで書いてください",
        "en": "every three digits, as {grouped}, or no commas at all",
    },
    "amount.unit_written": {
        "ja": "金額に単位は書けません: {text!r}",
        "en": "an amount cannot carry its unit: {text!r}",
    },
    "amount.unit_written.hint": {
        "ja": "{digits} と数字だけを書いてください（単位は台帳の unit で決まります）",
        "en": "write {digits} alone (the ledger's unit gives the unit)",
    },
    "amount.text": {
        "ja": "金額として読めません: {text!r}",
        "en": "not an amount: {text!r}",
    },
    "amount.text.hint": {
        "ja": "数字と桁区切りのカンマだけで書いてください（単位は台帳の unit で決まります）",
        "en": "write digits and thousands commas only (the ledger's unit gives the unit)",
    },
    "label.not_katakana": {
        "ja": "ラベルはア・イ・ウ…のカタカナ 1 文字です: {value!r}",
        "en": "a label is one katakana character of ア, イ, ウ …: {value!r}",
    },
    # --- suggestions ---------------------------------------------------------------------
    "hint.did_you_mean": {"ja": "もしかして {name}？", "en": "did you mean {name}?"},
    "hint.allowed_keys": {"ja": "使えるキー: {keys}", "en": "keys allowed here: {keys}"},
    # --- reading files -------------------------------------------------------------------
    "read.directory": {
        "ja": "ディレクトリです（台帳の YAML ファイルを指定してください）",
        "en": "this is a directory (name the ledger's YAML file)",
    },
    "read.special": {
        "ja": "通常のファイルではありません（パイプや装置は読めません）",
        "en": "not a regular file (pipes and devices cannot be read)",
    },
    "read.broken_link": {
        "ja": "リンク先のないシンボリックリンクです",
        "en": "a symbolic link to nothing",
    },
    "read.missing": {"ja": "ファイルがありません", "en": "no such file"},
    "read.permission": {
        "ja": "読み取りの権限がありません",
        "en": "permission to read it is denied",
    },
    "read.failed": {"ja": "読み込めません: {reason}", "en": "cannot be read: {reason}"},
    "read.utf16": {
        "ja": "UTF-16 か UTF-32 のファイルです（UTF-8 で保存し直してください）",
        "en": "a UTF-16 or UTF-32 file (save it again as UTF-8)",
    },
    "read.not_utf8": {
        "ja": "UTF-8 のテキストではありません（Shift_JIS などは UTF-8 で保存し直してください）",
        "en": "not UTF-8 text (save Shift_JIS and other encodings again as UTF-8)",
    },
    "read.nul": {
        "ja": "NUL 文字を含んでいます（テキストファイルではありません）",
        "en": "it holds NUL characters (not a text file)",
    },
    "read.control": {
        "ja": "YAML では使えない制御文字 {code} があります",
        "en": "a control character YAML does not allow: {code}",
    },
    "read.empty": {
        "ja": "空の台帳です（YAML の値がありません）",
        "en": "an empty ledger (no YAML value)",
    },
    # --- YAML ----------------------------------------------------------------------------
    "yaml.unreadable": {
        "ja": "YAML として読めません: {detail}",
        "en": "not readable as YAML: {detail}",
    },
    "syntax.tab": {
        "ja": "タブで字下げされています（YAML の字下げに使えるのは半角スペースだけです）",
        "en": "the line is indented with a tab (YAML indents with spaces only)",
    },
    "syntax.tab.hint": {
        "ja": "タブではなく半角スペースで字下げしてください（上の行とそろえて）",
        "en": "indent with spaces instead of the tab, lined up with the lines above",
    },
    "syntax.full_width_space": {
        "ja": "全角スペースで字下げされています",
        "en": "the line is indented with a full-width space (U+3000)",
    },
    "syntax.full_width_space.hint": {
        "ja": "全角スペースを消し、半角スペースで字下げしてください",
        "en": "replace the full-width space with ordinary spaces",
    },
    "syntax.full_width_colon": {
        "ja": "{key} の後ろが全角の「：」になっています",
        "en": "{key} is followed by a full-width colon “：”",
    },
    "syntax.full_width_colon.hint": {
        "ja": "半角の「:」と半角スペースにしてください（{key}: …）",
        "en": "write an ordinary colon and a space: {key}: …",
    },
    "syntax.no_colon": {
        "ja": "{key} の後ろに「:」がありません",
        "en": "{key} has no colon after it",
    },
    "syntax.no_colon.hint": {
        "ja": "キーと値の間に「: 」を書いてください（{key}: {value}）",
        "en": "put “: ” between the key and its value: {key}: {value}",
    },
    "syntax.colon_in_value": {
        "ja": "{key} の値の中に「: 」があり、YAML が新しいキーと読んでいます",
        "en": "the value of {key} holds “: ”, which YAML reads as another key",
    },
    "syntax.colon_in_value.hint": {
        "ja": '値全体を引用符で囲んでください（{key}: "{value}: …"）、または「：」（全角）にしてください',
        "en": 'put the whole value in quotes ({key}: "{value}: …"), or use a full-width “：”',
    },
    "syntax.colon_in_value.hint_single": {
        "ja": "値全体を単引用符で囲んでください（{key}: '{value}: …'）、または「：」（全角）にしてください",
        "en": "put the whole value in single quotes ({key}: '{value}: …'), or use a full-width “：”",
    },
    "syntax.indentation": {
        "ja": "字下げがそろっていません（この行の字下げが上の行と合いません）",
        "en": "the indentation does not line up (this line's does not match the lines above)",
    },
    "syntax.indentation.hint": {
        "ja": "同じ階層の行は同じ数の半角スペースで字下げしてください（- の下は 2 つ深く）",
        "en": "indent lines of the same level with the same number of spaces (2 more under a -)",
    },
    "syntax.generic.hint": {
        "ja": "この行かその前の行の書き方を確かめてください（引用符・括弧の閉じ忘れ、字下げ）",
        "en": "check this line and the one before it (an unclosed quote or bracket, the indentation)",
    },
    "yamlword.block_mapping": {
        "ja": "キーと値の並びを読む途中",
        "en": "while parsing a block mapping",
    },
    "yamlword.block_collection": {
        "ja": "「- 」の並びを読む途中",
        "en": "while parsing a block collection",
    },
    "yamlword.flow_sequence": {"ja": "[ ] の中を読む途中", "en": "while parsing a flow sequence"},
    "yamlword.flow_mapping": {"ja": "{{ }} の中を読む途中", "en": "while parsing a flow mapping"},
    "yamlword.flow_node": {
        "ja": "[ ] か {{ }} の中の値を読む途中",
        "en": "while parsing a flow node",
    },
    "yamlword.block_node": {"ja": "値を読む途中", "en": "while parsing a block node"},
    "yamlword.quoted": {
        "ja": "引用符で始まる文字列を読む途中",
        "en": "while scanning a quoted scalar",
    },
    "yamlword.simple_key": {"ja": "キーを読む途中", "en": "while scanning a simple key"},
    "yamlword.plain": {"ja": "値を読む途中", "en": "while scanning a plain scalar"},
    "yamlword.no_key": {"ja": "キーがあるはずの所にありません", "en": "did not find expected key"},
    "yamlword.no_dash": {
        "ja": "「- 」があるはずの所にありません",
        "en": "did not find expected '-' indicator",
    },
    "yamlword.no_content": {
        "ja": "値があるはずの所にありません",
        "en": "did not find expected node content",
    },
    "yamlword.no_colon": {"ja": "「:」が見つかりません", "en": "could not find expected ':'"},
    "yamlword.end": {
        "ja": "閉じられないままファイルが終わっています",
        "en": "found unexpected end of stream",
    },
    "yamlword.colon_here": {
        "ja": "ここには「: 」を書けません",
        "en": "mapping values are not allowed here",
    },
    "yamlword.tab": {
        "ja": "字下げにタブがあります",
        "en": "found a tab character that violates indentation",
    },
    "oserror.not_found": {"ja": "ファイルかフォルダがありません", "en": "no such file or folder"},
    "oserror.denied": {"ja": "権限がありません", "en": "permission denied"},
    "oserror.full": {"ja": "ディスクがいっぱいです", "en": "the disk is full"},
    "oserror.read_only": {"ja": "読み取り専用の場所です", "en": "the place is read-only"},
    "oserror.is_folder": {"ja": "フォルダです", "en": "it is a folder"},
    "oserror.not_folder": {
        "ja": "途中の名前がフォルダではありません",
        "en": "a part of the path is not a folder",
    },
    "oserror.not_empty": {"ja": "フォルダが空ではありません", "en": "the folder is not empty"},
    "oserror.exists": {"ja": "すでにあります", "en": "it exists already"},
    "oserror.name_too_long": {"ja": "名前が長すぎます", "en": "the name is too long"},
    "yaml.see_line": {"ja": "（{line} 行目も参照）", "en": " (see also line {line})"},
    "yaml.quote_it": {
        "ja": '文字列なら引用符で囲んでください: "{text}"',
        "en": 'if it is text, put it in quotes: "{text}"',
    },
    "yaml.boolean": {
        "ja": "{text!r} は YAML では真偽値と読まれます",
        "en": "YAML reads {text!r} as true/false",
    },
    "yaml.ambiguous_int": {
        "ja": "{text!r} は数として曖昧です（YAML では 8 進数・16 進数・60 進数などと読まれます）",
        "en": "{text!r} is an ambiguous number (YAML reads it as octal, hexadecimal, base 60 …)",
    },
    "yaml.too_many_digits": {
        "ja": "数字が長すぎます（{digits} 桁、読めるのは {limit} 桁まで）",
        "en": "the number is too long ({digits} digits; at most {limit} can be read)",
    },
    "yaml.decimal_only": {
        "ja": '10 進の数字だけで書くか、文字列なら引用符で囲んでください: "{text}"',
        "en": 'write decimal digits only, or put text in quotes: "{text}"',
    },
    "yaml.ambiguous_float": {
        "ja": "{text!r} は数として曖昧です（YAML では無限大・非数・60 進数などと読まれます）",
        "en": "{text!r} is an ambiguous number (YAML reads it as infinity, not-a-number, base 60 …)",
    },
    "yaml.merge": {"ja": "マージキー（<<）は使えません", "en": "merge keys (<<) are not allowed"},
    "yaml.write_value": {"ja": "値をそのまま書いてください", "en": "write the value itself"},
    "yaml.too_many": {
        "ja": "問題が {count} 件に達したため、ここで読むのをやめました",
        "en": "reading stopped here after {count} problems",
    },
    "yaml.fix_first": {"ja": "まず上の問題を直してください", "en": "fix the problems above first"},
    "yaml.documents": {
        "ja": "文書が 2 つ以上あります（1 つのファイルに書ける台帳は 1 つです）",
        "en": "more than one document (a file holds one ledger)",
    },
    "yaml.not_mapping": {
        "ja": "台帳の最上位はマッピング（ledger: 1 などのキーと値）でなければなりません",
        "en": "the top of a ledger must be a mapping (keys and values such as ledger: 1)",
    },
    "yaml.alias": {
        "ja": "エイリアス（*名前）は使えません",
        "en": "aliases (*name) are not allowed",
    },
    "yaml.write_again": {
        "ja": "同じ内容をもう一度書いてください",
        "en": "write the same content again",
    },
    "yaml.anchor": {"ja": "アンカー（&名前）は使えません", "en": "anchors (&name) are not allowed"},
    "yaml.tag": {
        "ja": "明示的なタグ（!…）は使えません",
        "en": "explicit tags (!…) are not allowed",
    },
    "yaml.value_only": {"ja": "値だけを書いてください", "en": "write the value alone"},
    "yaml.too_deep": {
        "ja": "入れ子が深すぎます（{depth} 段まで）",
        "en": "nested too deeply (at most {depth} levels)",
    },
    "yaml.key_not_text": {"ja": "キーは文字列で書いてください", "en": "write keys as text"},
    "yaml.key_decorated": {
        "ja": "キーにアンカーやタグは使えません",
        "en": "keys cannot have anchors or tags",
    },
    "yaml.duplicate_key": {
        "ja": "キー {key!r} が重複しています（{first} 行目と {line} 行目）",
        "en": "key {key!r} is repeated (lines {first} and {line})",
    },
    "yaml.remove_one": {"ja": "どちらか一方を消してください", "en": "remove one of them"},
    # --- the format ----------------------------------------------------------------------
    "schema.unknown_key": {"ja": "不明なキー {key!r} です", "en": "unknown key {key!r}"},
    "schema.missing": {
        "ja": "必須のキー {key!r} がありません",
        "en": "required key {key!r} is missing",
    },
    "schema.add_key": {"ja": "{key}: を書き足してください", "en": "add {key}:"},
    "schema.text_was_number": {
        "ja": "文字列で書いてください（数として読まれました）",
        "en": "write text here (this was read as a number)",
    },
    "schema.quote": {
        "ja": '引用符で囲んでください: "{value}"',
        "en": 'put it in quotes: "{value}"',
    },
    "schema.text": {"ja": "文字列で書いてください", "en": "write text here"},
    "schema.int_was_text": {
        "ja": "整数で書いてください（{value!r} は文字列です）",
        "en": "write a whole number ({value!r} is text)",
    },
    "schema.era_year": {
        "ja": "和暦です: 西暦の {year} と書いてください（{era}年度は {year}年度）",
        "en": "that is a Japanese era year: write the western year {year} ({era} is {year})",
    },
    "schema.full_width_digits": {
        "ja": "全角の数字です: 半角で {digits} と書いてください",
        "en": "those are full-width digits: write {digits}",
    },
    "schema.write_digits": {
        "ja": "半角の数字だけで書いてください（例: 2021）",
        "en": "write digits only (for example 2021)",
    },
    "schema.unquote": {"ja": "引用符を外してください", "en": "remove the quotes"},
    "schema.int": {"ja": "整数で書いてください", "en": "write a whole number"},
    "schema.list": {
        "ja": "リスト（「- 」で始まる行）で書いてください",
        "en": "write a list (lines starting with '- ')",
    },
    "schema.mapping": {
        "ja": "マッピング（「キー: 値」の形）で書いてください",
        "en": "write a mapping ('key: value' lines)",
    },
    "schema.version": {
        "ja": "台帳の書式 {value!r} は読めません（この izumi が読めるのは 1 です）",
        "en": "ledger format {value!r} cannot be read (this izumi reads format 1)",
    },
    "schema.write_version": {"ja": "ledger: 1 と書いてください", "en": "write ledger: 1"},
    "schema.not_allowed": {"ja": "{value!r} は使えません", "en": "{value!r} is not allowed"},
    "schema.allowed": {"ja": "使える値: {values}", "en": "allowed: {values}"},
    "schema.at_least": {
        "ja": "{bound} 以上の整数で書いてください（{value!r}）",
        "en": "write a whole number of at least {bound} ({value!r})",
    },
    "schema.at_most": {
        "ja": "{bound} 以下の整数で書いてください（{value!r}）",
        "en": "write a whole number of at most {bound} ({value!r})",
    },
    "schema.empty": {"ja": "空にはできません", "en": "cannot be empty"},
    "rule.repeated_name": {
        "ja": "{what} {value!r} が重複しています",
        "en": "{what} {value!r} is repeated",
    },
    "rule.repeated_name.hint": {
        "ja": "重複した行を消してください",
        "en": "remove the repeated line",
    },
    "rule.amount_too_large": {
        "ja": "{amount} は大きすぎて書き出せません（{limit} 以上の数は JSON や Excel で正確に保てません）",
        "en": "{amount} is too large to export exactly (numbers from {limit} up are not exact in JSON or Excel)",
    },
    "rule.amount_too_large.hint": {
        "ja": "金額と unit を文書と照らし合わせてください（円なら千円に）",
        "en": "check the amount and the unit against the document (yen may be meant as thousands of yen)",
    },
    "rule.tolerance_too_large": {
        "ja": "tolerance {tolerance} が、それを使う合計のうち最も小さい {smallest} より大きいため、合計の検査が意味を持ちません",
        "en": "tolerance {tolerance} is larger than the smallest total it applies to, {smallest}, so that sum could never be checked",
    },
    "rule.tolerance_too_large.hint": {
        "ja": "tolerance は文書の丸めの幅（多くは 1）にしてください",
        "en": "make the tolerance the document's rounding (usually 1)",
    },
    "rule.name_character": {
        "ja": "{what} {value} に見えない文字・制御文字 {code}（{char_name}）があります",
        "en": "{what} {value} holds an invisible or control character, {code} ({char_name})",
    },
    "rule.name_character.hint": {
        "ja": "その文字を消してください（コピーした文書から紛れ込むことがあります）",
        "en": "delete that character (it often comes in with text copied from a document)",
    },
    "rule.name_blank": {
        "ja": "{what} {value} は空白だけです",
        "en": "{what} {value} is only white space",
    },
    "rule.name_combining": {
        "ja": "{what} {value} が結合文字 {code} で始まっています（前の文字がありません）",
        "en": "{what} {value} begins with a combining mark, {code}, that joins nothing",
    },
    "rule.name_blank.hint": {
        "ja": "文書に書かれている名前を書いてください",
        "en": "write the name the document gives",
    },
    "rule.look_alike": {
        "ja": "{what} {value} は {line} 行目の {other} と見分けがつきにくい別の名前です（全角・半角、大文字・小文字、濁点の合成、空白や見えない文字だけの違い）",
        "en": "{what} {value} is a different name from {other} on line {line}, though they look alike (they differ only in width, case, composed marks, spaces or invisible characters)",
    },
    "rule.look_alike.hint": {
        "ja": "同じものなら同じ書き方に揃え、別のものなら見てわかる名前にしてください",
        "en": "if they are the same, write them the same way; if not, give them names that look different",
    },
    "rule.duplicate_name": {
        "ja": "{what} {value} は {line} 行目と同じ名前です",
        "en": "{what} {value} is the same name as on line {line}",
    },
    "rule.duplicate_name.hint": {
        "ja": "写したまま直し忘れた名前か、同じものを二度書いていないか確かめてください",
        "en": "check that it was not copied without being renamed, or written twice",
    },
    "rule.name_spaces": {
        "ja": "{what} {value} の前か後ろに空白があります",
        "en": "{what} {value} has white space before or after it",
    },
    "rule.name_spaces.hint": {
        "ja": "空白を消してください: {name}",
        "en": "remove the white space: {name}",
    },
    "rule.change": {
        "ja": "{where}の増減が、予算額 − 前年度額と合いません",
        "en": "{where}: the printed change is not amount − prior_amount",
    },
    "rule.change.policy": {"ja": "施策 {number} ", "en": "policy {number}"},
    "rule.change.program": {
        "ja": "施策 {policy} の事業 {number} ",
        "en": "program {number} of policy {policy}",
    },
    "rule.change.hint": {
        "ja": "文書の増減・予算額・前年度額を照らし合わせてください（文書の誤りのこともあります）",
        "en": "compare the change, the amount and the prior amount with the document (the"
        " document itself may be wrong)",
    },
    "label.printed_change": {"ja": "記載の増減", "en": "printed change"},
    "label.computed_change": {"ja": "予算額 − 前年度額", "en": "amount − prior"},
    "rule.prior_sum": {
        "ja": "施策 {number} の前年度額 {stated} が、事業の前年度額の合計 {total} と合いません",
        "en": "policy {number}'s prior-year amount {stated} is not the sum of its programs' prior-year amounts, {total}",
    },
    "rule.prior_sum.hint": {
        "ja": "施策と各事業の prior_amount を文書と照らし合わせてください",
        "en": "compare the prior_amount of the policy and of each program with the document",
    },
    "rule.fiscal_year_source": {
        "ja": "fiscal_year は {year} ですが、source には「{text}」（{named}年度）とあります",
        "en": "fiscal_year is {year}, but the source says “{text}” ({named})",
    },
    "rule.fiscal_year_source.hint": {
        "ja": "どちらかが違います: 年度が {named} なら fiscal_year: {named}",
        "en": "one of them is wrong: if the year is {named}, write fiscal_year: {named}",
    },
    "word.section": {"ja": "担当課", "en": "section"},
    "word.policy_title": {"ja": "施策名", "en": "policy title"},
    "word.program_name": {"ja": "事業名", "en": "program name"},
    "word.item_name": {"ja": "細事業名", "en": "item name"},
    "word.detail_name": {"ja": "内訳名", "en": "detail name"},
    "word.related_name": {"ja": "関連事業名", "en": "related program name"},
    "word.funding": {"ja": "財源", "en": "funding"},
    "word.city": {"ja": "市", "en": "city"},
    "word.ward": {"ja": "区", "en": "ward"},
    "word.tag": {"ja": "タグ", "en": "tag"},
    # --- the rules -----------------------------------------------------------------------
    # How a finding's figures are named (expected, actual, their difference).
    "label.expected": {"ja": "期待値", "en": "expected"},
    "label.actual": {"ja": "実際", "en": "actual"},
    "label.difference": {"ja": "差", "en": "difference"},
    "label.more": {"ja": "（{label}が多い）", "en": " ({label} more)"},
    "label.less": {"ja": "（{label}が少ない）", "en": " ({label} less)"},
    "label.first_name": {"ja": "先に書かれた名前", "en": "first written"},
    "label.this_name": {"ja": "この名前", "en": "this name"},
    "label.smallest_total": {"ja": "最も小さい合計", "en": "smallest total"},
    "label.stated": {"ja": "文書の額", "en": "document says"},
    "label.items_total": {"ja": "細事業の合計", "en": "items add up to"},
    "label.details_total": {"ja": "内訳の合計", "en": "details add up to"},
    "label.programs_total": {"ja": "事業の合計", "en": "programs add up to"},
    "label.policies_total": {"ja": "施策の合計", "en": "policies add up to"},
    "label.stated_count": {"ja": "文書の事業数", "en": "document says"},
    "label.counted": {"ja": "台帳の事業数", "en": "ledger has"},
    "label.in_order": {"ja": "順番どおりなら", "en": "in order"},
    "label.written": {"ja": "書かれている番号", "en": "written"},
    "label.details": {"ja": "内訳の数", "en": "details"},
    "label.with_amount": {"ja": "額のある内訳", "en": "with an amount"},
    "rule.rounding": {
        "ja": "{message}（差 {difference} は許容差 {tolerance} 以内）",
        "en": "{message} (the difference {difference} is within the tolerance {tolerance})",
    },
    "rule.rounding.hint": {
        "ja": "文書の端数処理による差なら、このままで構いません",
        "en": "if the document rounds each figure, this can stay as it is",
    },
    "rule.item_sum": {
        "ja": "事業 {number}「{name}」の予算額が細事業の合計と合いません",
        "en": "program {number} \u201c{name}\u201d: its amount is not the sum of its items",
    },
    "rule.item_sum.hint": {
        "ja": "事業の amount と各細事業の amount を文書と照らし合わせてください",
        "en": "compare the program's amount and each item's amount with the document",
    },
    "rule.detail_sum": {
        "ja": "事業 {program} の細事業 ({number})「{name}」の額が内訳の合計と合いません",
        "en": "program {program}, item ({number}) \u201c{name}\u201d: its amount is not the sum of its details",
    },
    "rule.detail_sum.hint": {
        "ja": "細事業の amount と内訳（ア・イ…）の amount を文書と照らし合わせてください",
        "en": "compare the item's amount and its details' (ア, イ …) amounts with the document",
    },
    "rule.program_sum": {
        "ja": "施策 {number}「{title}」の予算額が事業の合計と合いません",
        "en": "policy {number} \u201c{title}\u201d: its amount is not the sum of its programs",
    },
    "rule.program_sum.hint": {
        "ja": "施策の amount と各事業の amount を文書と照らし合わせてください",
        "en": "compare the policy's amount and each program's amount with the document",
    },
    "rule.policy_sum": {
        "ja": "台帳の総額が施策の合計と合いません",
        "en": "the ledger's amount is not the sum of its policies",
    },
    "rule.policy_sum.hint": {
        "ja": "台帳の amount と各施策の amount を文書と照らし合わせてください",
        "en": "compare the ledger's amount and each policy's amount with the document",
    },
    "rule.program_count": {
        "ja": "施策 {number} の事業数が合いません",
        "en": "policy {number}: the number of programs differs",
    },
    "rule.program_count.hint": {
        "ja": "事業の書き漏れ・重複か、program_count の誤りです",
        "en": "a program is missing or repeated, or program_count is wrong",
    },
    "rule.policy_repeat": {
        "ja": "施策番号 {number} が重複しています（{first} 行目にもあります）",
        "en": "policy number {number} is repeated (also on line {first})",
    },
    "rule.policy_order": {
        "ja": "施策番号 {number} が {previous} の後にあります",
        "en": "policy number {number} comes after {previous}",
    },
    "rule.policy_order.hint": {
        "ja": "施策は番号の順に並べてください",
        "en": "put policies in the order of their numbers",
    },
    "rule.check_numbers": {
        "ja": "番号を文書と照らし合わせてください",
        "en": "compare the numbers with the document",
    },
    "rule.sequence_repeat": {
        "ja": "{what} {shown} が重複しています（{first} 行目にもあります）",
        "en": "{what} {shown} is repeated (also on line {first})",
    },
    "rule.sequence_gap": {
        "ja": "{what}は {wanted} のはずが {shown} です",
        "en": "{what} should be {wanted} but is {shown}",
    },
    "rule.sequence_gap.hint": {
        "ja": "抜けている項目がないか文書と照らし合わせてください",
        "en": "check the document for a missing entry",
    },
    "word.program_number": {"ja": "事業番号", "en": "program number"},
    "word.item_number": {"ja": "細事業の番号", "en": "item number"},
    "word.detail_label": {"ja": "内訳のラベル", "en": "detail label"},
    "rule.unknown_section": {
        "ja": "事業 {number}「{name}」の担当課 {section!r} が台帳の sections にありません",
        "en": "program {number} \u201c{name}\u201d: section {section!r} is not in the ledger's sections",
    },
    "rule.unknown_section.hint": {
        "ja": "台帳の sections に加えるか、名前を直してください",
        "en": "add it to the ledger's sections, or correct the name",
    },
    "rule.no_section": {
        "ja": "事業 {number}「{name}」に担当課がありません",
        "en": "program {number} \u201c{name}\u201d names no section",
    },
    "rule.no_section.hint": {
        "ja": "文書に担当課が書かれていれば sections に加えてください",
        "en": "if the document names its sections, add them to sections",
    },
    "rule.partial_details": {
        "ja": "事業 {program} の細事業 ({number}) の内訳 {count} 件のうち {with_amount} 件にしか額がありません",
        "en": "program {program}, item ({number}): only {with_amount} of its {count} details have an amount",
    },
    "rule.partial_details.hint": {
        "ja": "内訳の合計は、すべての内訳に額があるときだけ検査されます",
        "en": "details are added up only when every detail has an amount",
    },
    "rule.unused_section": {
        "ja": "担当課 {section!r} はどの事業にも使われていません",
        "en": "section {section!r} is not named by any program",
    },
    "rule.unused_sections": {
        "ja": "ここから後にも、どの事業にも使われていない担当課が {count} あります",
        "en": "{count} more sections from here on are not named by any program",
    },
    "rule.unused_section.hint": {
        "ja": "不要なら sections から消してください",
        "en": "if it is not needed, remove it from sections",
    },
    # --- list ----------------------------------------------------------------------------
    "list.unknown": {
        "ja": "{kind} {name!r} はこの台帳にありません",
        "en": "{kind} {name!r} is not in this ledger",
    },
    "list.close": {"ja": "近いもの: {names}", "en": "closest: {names}"},
    "list.ambiguous": {
        "ja": "{kind} {name!r} は、見た目の近い複数の名前に当てはまります: {names}",
        "en": "{kind} {name!r} matches several names that look alike: {names}",
    },
    "list.ambiguous.hint": {
        "ja": "台帳に書かれているとおりの名前で指定してください（izumi check が紛らわしい名前を知らせます）",
        "en": "give the name exactly as the ledger writes it (izumi check reports names that look alike)",
    },
    # --- export and writing files --------------------------------------------------------
    "export.needs_xlsxwriter": {
        "ja": "Excel 形式には XlsxWriter が要ります。{command} で入れてください",
        "en": "the Excel format needs XlsxWriter: install it with {command}",
    },
    "collection.too_large": {
        "ja": "この台帳の {amount} は、台帳の集まりの単位（{common}）では {value} になり、正確に扱える 2^53 を超えます",
        "en": "this ledger's {amount} is {value} in the collection's unit ({common}), beyond 2^53, the largest whole number kept exactly",
    },
    "collection.too_large.hint": {
        "ja": "この台帳は別に扱うか、単位の同じ台帳とだけ集めてください",
        "en": "take this ledger on its own, or only with ledgers in its unit",
    },
    "collection.bad_glob": {
        "ja": "glob {pattern!r} の ** はそれだけで一つの部分にしてください（例: folder/**/*.yaml）",
        "en": "in the glob {pattern!r}, ** must be a whole part of the path (folder/**/*.yaml)",
    },
    "collection.changed": {
        "ja": "{file} は検査の後に変わり、台帳として読めなくなりました",
        "en": "{file} changed after it was checked and is no longer a readable ledger",
    },
    "sql.not_utf8": {
        "ja": "SQL に UTF-8 でないバイトがあります",
        "en": "the SQL holds bytes that are not UTF-8",
    },
    "sql.empty": {"ja": "SQL の問い合わせが空です", "en": "the SQL query is empty"},
    "sql.tables": {
        "ja": "使える表とビュー: {names}（列は docs/sql.md）",
        "en": "tables and views: {names} (their columns: docs/sql.md)",
    },
    "sql.one_statement": {
        "ja": "SQL の文は一つだけにしてください（; で区切った二つめがあります）",
        "en": "give one SQL statement (there is a second after a ;)",
    },
    "sql.read_only": {
        "ja": "izumi sql は読むだけです: SELECT（と WITH）だけが使えます。書き込み・ATTACH・PRAGMA はできません",
        "en": "izumi sql only reads: SELECT (and WITH) only, no writing, ATTACH or PRAGMA",
    },
    "sql.failed": {"ja": "SQL を実行できません: {reason}", "en": "cannot run the SQL: {reason}"},
    "export.parquet_name_too_long": {
        "ja": "{file}: 市区町村か区の名前が長すぎて、Parquet のフォルダ名（255 バイトまで）になりません（{name}…）",
        "en": "{file}: the city's or ward's name is too long for a Parquet folder name (255 bytes at most): {name}…",
    },
    "export.needs_pyarrow": {
        "ja": "Parquet 形式には pyarrow が要ります。{command} で入れてください",
        "en": "the Parquet format needs pyarrow: install it with {command}",
    },
    "export.inexact": {
        "ja": "{table} の {column} に {value} があり、大きすぎて正確に書き出せません（2^53 未満まで）",
        "en": "{table}.{column} holds {value}, too large to export exactly (below 2^53 only)",
    },
    "export.repeated_key": {
        "ja": "{table} に同じ番号の行が二つあります（{key}）。データベースやデータパッケージには書き出せません",
        "en": "{table} has two rows with the same key ({key}): it cannot be a database or a data package",
    },
    "export.see_check": {
        "ja": "izumi check で台帳の誤りを確かめて直してください",
        "en": "izumi check shows the ledger's mistakes to fix",
    },
    "export.check_comment": {
        "ja": "# izumi check: エラー {errors} 件 — この台帳の数字は合計が合いません（izumi check で確かめてください）",
        "en": "# izumi check: {errors} errors — the figures of this ledger do not add up (see izumi check)",
    },
    "write.exists": {"ja": "{path} はすでにあります", "en": "{path} already exists"},
    "write.force": {
        "ja": "上書きするには --force を付けてください",
        "en": "add --force to replace it",
    },
    "write.not_a_file": {
        "ja": "{path} は普通のファイルではないので書き換えません（装置や名前付きパイプなど）",
        "en": "{path} is not a regular file, so it is not replaced (a device, a named pipe …)",
    },
    "write.use_stdout": {
        "ja": "標準出力に書くには -o - を使ってください",
        "en": "to write to standard output, use -o -",
    },
    "write.directory": {"ja": "{path} はディレクトリです", "en": "{path} is a directory"},
    "write.dangling_link": {
        "ja": "{path} は存在しない {target} を指すシンボリックリンクなので、たどって書きません",
        "en": "{path} is a symbolic link to {target}, which does not exist, so it is not followed",
    },
    "write.foreign_link": {
        "ja": "{path} はほかの利用者のシンボリックリンクなので、たどって書きません",
        "en": "{path} is a symbolic link owned by another user, so it is not followed",
    },
    "write.not_a_folder": {
        "ja": "{path} はフォルダではありません（ファイルかシンボリックリンクです）",
        "en": "{path} is not a folder (it is a file or a symbolic link)",
    },
    "write.folder_has_others": {
        "ja": "{path} には izumi が書くもの以外のファイル（{name} など）があるので、置き換えません。新しいフォルダを指定してください",
        "en": "{path} holds files izumi does not write ({name} …), so it is not replaced: give a new folder",
    },
    "write.failed": {
        "ja": "{path} に書き出せません: {reason}",
        "en": "cannot write {path}: {reason}",
    },
    # --- import --------------------------------------------------------------------------
    "read.hidden_break": {
        "ja": "{code}（{name}）があります。YAML は改行として読みますが、エディタには見えません。文字列の中なら二重引用符の中で {escape} と書き、要らなければ消してください",
        "en": "{code} ({name}) is here: YAML reads it as a line break that editors do not show. In a double-quoted string write {escape}; otherwise delete it",
    },
    "schema.too_many": {
        "ja": "書式に合わないところがほかに {count} 件あります（最初の 200 件だけを示しました）",
        "en": "{count} more places do not match the format (only the first 200 are shown)",
    },
    "read.lone_cr": {
        "ja": "改行の途中に CR（U+000D）だけがあります。YAML は改行として読みますが、多くのエディタでは同じ行です。改行を LF か CRLF に揃えてください",
        "en": "a lone CR (U+000D) is here: YAML reads it as a line break, most editors as part of the line. Make the line ends all LF or all CRLF",
    },
    "read.too_large": {
        "ja": "ファイルが大きすぎます（{size} バイト、読むのは {limit} バイトまで。{variable} で変えられます）",
        "en": "the file is too large ({size} bytes; izumi reads up to {limit}, which {variable} changes)",
    },
    "read.stream_too_large": {
        "ja": "入力が {limit} バイトを超えています（{variable} で変えられます）",
        "en": "the input is longer than {limit} bytes (which {variable} changes)",
    },
    "read.changed": {
        "ja": "読んでいる間にファイルが変わりました（書き込み中のファイルは読みません）。書き終えてからもう一度実行してください",
        "en": "the file changed while it was read (a file being written is not read): run again once it is complete",
    },
    "read.limit_setting": {
        "ja": "環境変数 {variable} の値 {value!r} は大きさとして読めません",
        "en": "{variable} has a value that is not a size: {value!r}",
    },
    "read.limit_setting.hint": {
        "ja": "バイト数か、512M・2G のように書いてください",
        "en": "write a number of bytes, or a size such as 512M or 2G",
    },
    "import.empty": {"ja": "空のファイルです", "en": "the file is empty"},
    "import.nul": {
        "ja": "NUL 文字を含んでいます（テキストではありません）",
        "en": "it holds NUL characters (not text)",
    },
    "import.encoding": {"ja": "{encoding} として読めません", "en": "cannot be read as {encoding}"},
    "import.no_encoding": {
        "ja": "UTF-8 でも Shift_JIS（CP932）でも EUC-JP でも読めません（テキストではないようです）",
        "en": "neither UTF-8 nor Shift_JIS (CP932) nor EUC-JP: it does not look like text",
    },
    "import.no_policy": {
        "ja": "予算の文書として読めるところがありません（施策の見出しが見つかりません）",
        "en": "nothing here reads as a budget (no policy heading was found)",
    },
    "import.no_year": {
        "ja": "文書から年度がわかりません。--fiscal-year 2021 のように指定してください",
        "en": "the document does not say its fiscal year: give it, as in --fiscal-year 2021",
    },
    "import.prior_other_year": {
        "ja": "文書の（{named}年度 {amount}）は {year}年度の前年度の額ではないため、prior_amount にしていません",
        "en": "the document's ({named}: {amount}) is not the year before {year}, so it is not taken as prior_amount",
    },
    "import.table_total_differs": {
        "ja": "表の計 {printed} が、その表の事業の和 {rows} と違います",
        "en": "the table's total {printed} is not the sum of its programs, {rows}",
    },
    "import.subtotal_differs": {
        "ja": "施策 {number} の見出しの額 {heading} と、小計・計の額 {subtotal} が違います（見出しの額を台帳に書きました）",
        "en": "policy {number}'s heading prints {heading} but its subtotal prints {subtotal} (the heading's is in the ledger)",
    },
    "import.line_too_long": {
        "ja": "行が {length} 文字あり、事業の行として読める長さ（{limit} 文字）を超えています",
        "en": "the line has {length} characters, more than a program's line can have ({limit})",
    },
    "schema.date": {
        "ja": "日付 {value} は YYYY-MM-DD の形の実在する日ではありません（例: 2021-01-01）",
        "en": "{value} is not a real day written YYYY-MM-DD (e.g. 2021-01-01)",
    },
    "import.cell_not_figure": {
        "ja": "表の欄「{cell}」は数字ですが、金額の形ではありません（空白や記号の入った数字、丸数字、通貨記号など）",
        "en": "the table's cell “{cell}” holds digits but is not the form of an amount (spaces or signs inside, circled digits, a currency sign)",
    },
    "import.figure_decimal": {
        "ja": "「{text}」は小数点のある額です。台帳の額は単位の整数なので、そのままは読めません",
        "en": "“{text}” has a decimal point; a ledger's amounts are whole numbers of its unit, so it is not read",
    },
    "import.figure_spaced": {
        "ja": "「{text}」は空白や読点で桁を区切っています。桁区切りはカンマ（,）だけが読めます",
        "en": "“{text}” groups its digits with a space or 、; only commas are read as thousands separators",
    },
    "import.figure_currency": {
        "ja": "「{text}」は通貨記号のついた額です。円・千円・万円で書かれた額だけを読みます",
        "en": "“{text}” carries a currency sign; only amounts written in yen units are read",
    },
    "import.no_figure_read": {
        "ja": "事業の行ですが、金額が読めません（数字ではない文字か、読めない形の数字です）",
        "en": "a program's line, but no amount can be read on it (a character that is no digit, or a figure in a form that is not read)",
    },
    "import.extra_figures": {
        "ja": "数字が {count} 個あり、表の見出しが示す列（{columns}）より多くあります",
        "en": "{count} figures, more than the columns the table's head names ({columns})",
    },
    "import.policy_sum_note": {
        "ja": "文書の見出しには額がないため、施策の額は事業の額の合計です",
        "en": "the document's heading prints no amount: the policy's amount is the sum of its programs",
    },
    "import.pdf_library": {
        "ja": "PDF を読むライブラリ pypdfium2 が読み込めません: {reason}",
        "en": "the PDF library pypdfium2 cannot be loaded: {reason}",
    },
    "import.pdf_broken": {
        "ja": "PDF として読めません（壊れているか、途中までしかありません）: {reason}",
        "en": "cannot be read as a PDF (damaged or cut short): {reason}",
    },
    "import.pdf_password": {
        "ja": "パスワードで保護された PDF です。開くパスワードがなければ読めません",
        "en": "the PDF is protected by a password: it cannot be read without it",
    },
    "import.pdf_password.hint": {
        "ja": "保護のない PDF を区から入手するか、PDF ビューアーで保護を外して保存してから取り込んでください",
        "en": "get an unprotected PDF from the ward, or save one without the protection from a PDF viewer first",
    },
    "import.charset_wrong": {
        "ja": "{used}（ページの meta charset は {declared} と書いていますが、そうは読めません）",
        "en": "{used} (the page's meta charset says {declared}, which it is not written in)",
    },
    "import.pdf_pages": {
        "ja": "PDF に {pages} ページあり、読める {limit} ページを超えています",
        "en": "the PDF has {pages} pages, more than the {limit} that are read",
    },
    "import.pdf_no_text": {
        "ja": "PDF に文字がありません（紙を読み取った画像だけの PDF のようです）",
        "en": "the PDF holds no text (it looks like a scan, pictures of pages only)",
    },
    "import.pdf_no_text.hint": {
        "ja": "文字のある PDF を区から入手するか、OCR で文字を付けてから取り込んでください",
        "en": "get a PDF with text from the ward, or add a text layer with OCR first",
    },
    "import.no_layout": {
        "ja": "予算の文書として読めるところがありません（金額のある事業の行も、施策の見出しも見つかりません）",
        "en": "nothing here reads as a budget (no program printed with an amount, no policy heading)",
    },
    "figure.character": {
        "ja": "{char!r}（{code}）は金額の数字として読めません（0〜9、カンマ、億・万・千・円のみ）",
        "en": "{char!r} ({code}) cannot be read in an amount (only the digits 0–9, commas and the unit words)",
    },
    "figure.no_digits": {
        "ja": "金額に数字がありません",
        "en": "the amount has no digits",
    },
    "figure.form": {
        "ja": "金額の形ではありません（数字がないか、億・万・千の順が違います）",
        "en": "not the form of an amount (its unit words are out of order)",
    },
    "figure.grouping": {
        "ja": "桁区切りのカンマの位置が違います: {part}（3 桁ごとに区切ります）",
        "en": "the thousands commas are misplaced: {part} (they separate groups of three digits)",
    },
    "figure.leading_zero": {
        "ja": "{part} は 0 で始まっています（桁が欠けているか、金額ではありません）",
        "en": "{part} begins with 0 (a digit is lost, or it is not an amount)",
    },
    "figure.mixed_units": {
        "ja": "億・万・千のあとに千円や万円は続きません（単位が二重です）",
        "en": "a unit word cannot follow another one (two units in one amount)",
    },
    "figure.part_too_large": {
        "ja": "{word}の前の {part} が大きすぎます（{limit} まで）",
        "en": "{part} before {word} is too large (at most {limit})",
    },
    "figure.rest_too_large": {
        "ja": "最後の {part} が大きすぎます（前の単位のあとは {limit} まで）",
        "en": "the last part {part} is too large (at most {limit} after the larger unit)",
    },
    "figure.too_large": {
        "ja": "金額が大きすぎます（{limit} 桁まで）",
        "en": "the amount is too large (at most {limit} digits)",
    },
    "figure.not_thousands": {
        "ja": "{value}円は千円単位の金額ではありません（千円未満の端数があります）",
        "en": "{value} yen is not a whole number of thousands of yen",
    },
    "import.item_unreadable": {
        "ja": "細事業の行のようですが読めません（次は ({number}) のはず）。括弧や番号、金額を確かめてください",
        "en": "this looks like an item line but cannot be read (the next is ({number})): check its brackets, number and amount",
    },
    "import.amount_unreadable": {
        "ja": "事業の予算額のあるべき行ですが、一つの金額として読めません（括弧の中を確かめてください）",
        "en": "this is where the program's amount belongs, but it is not one amount: check the brackets",
    },
    "import.line": {"ja": "{line} 行目: ", "en": "line {line}: "},
    "import.long_number": {
        "ja": "{digits} 桁の数字があります（予算の文書の数字は {limit} 桁まで）",
        "en": "a number of {digits} digits (numbers in a budget document have at most {limit})",
    },
    "xlsx.too_long": {
        "ja": "{sheet} シートの {cell} は {length} 文字あり、Excel のセル（{limit} 文字まで）に入りきりません",
        "en": "cell {cell} of sheet {sheet} holds {length} characters; an Excel cell holds {limit}",
    },
    "xlsx.too_many_digits": {
        "ja": "{sheet} シートの {cell} の {value} は、Excel が正確に持てる {digits} 桁を超えます",
        "en": "{value} in cell {cell} of sheet {sheet} has more digits than Excel keeps exactly ({digits})",
    },
    "xlsx.use_other": {
        "ja": "正確に書き出せる --format csv、json、sqlite を使ってください",
        "en": "use --format csv, json or sqlite, which keep it exactly",
    },
    "export.package_title": {
        "ja": "{city}{ward} {year}年度 予算",
        "en": "{city}{ward} budget, fiscal year {year}",
    },
    "export.collection_title": {
        "ja": "予算 台帳 {ledgers} 件",
        "en": "budgets: {ledgers} ledgers",
    },
    "export.sources": {
        "ja": "出典は ledgers 表の source 列",
        "en": "Each ledger's source is in the source column of the ledgers table",
    },
    "export.same_ledger": {
        "ja": "{file} は {city}{ward}の{year}年度の二つめの台帳です。一つのデータベースには一つしか入りません",
        "en": "{file} is a second ledger of {city} {ward}, fiscal year {year}: a database holds one",
    },
    "export.package_description": {
        "ja": "{source}。金額の単位は{unit}。関連事業（related）の額はどの合計にも入らない。",
        "en": "{source}. Amounts are in {unit}. The amounts of related programs (related) are outside every total.",
    },
    "xlsx.totals": {"ja": "合計", "en": "totals"},
    "xlsx.policy": {"ja": "施策", "en": "policy"},
    "xlsx.policy_title": {"ja": "施策名", "en": "policy title"},
    "xlsx.policy_amount": {"ja": "施策の予算額（{unit}）", "en": "policy amount ({unit})"},
    "xlsx.programs_sum": {"ja": "事業の合計", "en": "sum of its programs"},
    "xlsx.difference": {"ja": "差", "en": "difference"},
    "xlsx.total": {"ja": "合計", "en": "total"},
    "xlsx.section": {"ja": "担当課", "en": "section"},
    "xlsx.section_amount": {
        "ja": "担う事業の額（共同は全額）",
        "en": "amount of its programs (shared ones in full)",
    },
    "import.no_place": {
        "ja": "文書から読み取れないものがあります: {options} で指定してください",
        "en": "the document does not say everything a ledger needs: give {options}",
    },
    "import.contradicts": {
        "ja": "{option} {given} が指定されましたが、文書の見出しには {printed} とあります（{given} で書きました）",
        "en": "{option} {given} was given, but the document's heading says {printed} ({given} was written)",
    },
    "import.two_places": {
        "ja": "文書の見出しに名前が複数あります: {names}（どれの台帳かわかりません）",
        "en": "the document's headings name several: {names} (whose ledger it is cannot be told)",
    },
    "import.two_places.hint": {
        "ja": "{option} で指定してください",
        "en": "give it with {option}",
    },
    "import.no_place.hint": {
        "ja": "例: izumi import {document} {example}（台帳は区の名前なしには書きません）",
        "en": "for example: izumi import {document} {example} (a ledger is not written without its ward)",
    },
    "cache.setting": {
        "ja": "環境変数 IZUMI_CACHE の値 {value!r} がわかりません",
        "en": "IZUMI_CACHE has a value izumi does not know: {value!r}",
    },
    "cache.setting.hint": {
        "ja": "使うなら 1、使わないなら 0 と書いてください（true/false、yes/no、on/off も可）",
        "en": "write 1 to use the cache or 0 not to (true/false, yes/no and on/off also work)",
    },
    # --- report ----------------------------------------------------------------------------
    "report.title": {
        "ja": "{city}{ward} {year}予算",
        "en": "{ward}, {city}: budget for {year}",
    },
    "era.year_with_era": {"ja": "{era}（{year}年度）", "en": "fiscal {year} ({era})"},
    "era.year_only": {"ja": "{year}年度", "en": "fiscal {year}"},
    "report.policies_added": {"ja": "施策の合計", "en": "Policies added up"},
    "report.difference": {"ja": "差", "en": "Difference"},
    "report.printed_change": {"ja": "増減（文書の記載）", "en": "Change as printed"},
    "report.date": {"ja": "{year}年{month}月{day}日", "en": "{year}-{month:02}-{day:02}"},
    "report.yen": {"ja": "{amount}円", "en": "¥{amount}"},
    "report.under_a_yen": {"ja": "1円未満", "en": "under ¥1"},
    "report.residents": {"ja": "{count}人", "en": "{count}"},
    "report.source": {"ja": "出典: {source}", "en": "Source: {source}"},
    "report.total": {"ja": "総額", "en": "Total"},
    "report.prior": {"ja": "前年度", "en": "Prior year"},
    "report.change": {"ja": "増減", "en": "Change"},
    "report.amount": {"ja": "予算額", "en": "Budget"},
    "report.share": {"ja": "構成比", "en": "Share of total"},
    "report.change_and_ratio": {"ja": "{change}（{ratio}）", "en": "{change} ({ratio})"},
    "report.per_resident": {
        "ja": "区民1人あたり 年{year}・1日{day}",
        "en": "Per resident: {year} a year, {day} a day",
    },
    "report.population": {
        "ja": "人口 {count}（{as_of} 現在、出典: {source}）。1日あたりは年度の日数で割り、円未満を四捨五入。",
        "en": "Population {count} as of {as_of} (source: {source}). A day's figure divides by the fiscal year's days; yen are rounded half up.",
    },
    "report.status_heading": {"ja": "検査の結果", "en": "Check"},
    "report.status_ok": {
        "ja": "すべての数字が合っています（izumi check で誤りなし）。",
        "en": "Every figure adds up (izumi check found no error).",
    },
    "report.status_ok_warnings": {
        "ja": "すべての数字が合っています（izumi check で誤りなし、警告 {warnings} 件）。",
        "en": "Every figure adds up (izumi check found no error, {warnings} warnings).",
    },
    "report.status_failing": {
        "ja": "数字が合っていません: izumi check で誤り {errors} 件、警告 {warnings} 件。",
        "en": "The figures do not add up: izumi check found {errors} errors and {warnings} warnings.",
    },
    "report.banner": {
        "ja": "注意: この台帳は検査に通っていません。合わない数字があります（誤り {errors} 件）。",
        "en": "Warning: this ledger fails its check. Some of its figures do not add up ({errors} errors).",
    },
    "report.findings_below": {
        "ja": "見つかったことの一覧（図の後）",
        "en": "What the check found (after the chart)",
    },
    "report.findings_heading": {"ja": "検査で見つかったこと", "en": "What the check found"},
    "report.severity.error": {"ja": "誤り", "en": "error"},
    "report.severity.warning": {"ja": "警告", "en": "warning"},
    "report.line": {"ja": "{file} {line}行目", "en": "{file}, line {line}"},
    "report.contents": {"ja": "目次", "en": "Contents"},
    "report.chart_heading": {"ja": "予算の内訳", "en": "Where the budget goes"},
    "report.chart_label": {
        "ja": "予算の内訳の図（施策・事業・細事業）",
        "en": "Chart of the budget by policy, program and item",
    },
    "report.chart_explained": {
        "ja": "区画の面積は予算額に比例します。事業の区画の中の区切りは、その事業の細事業です（小さな事業の細事業と、合計の合わない内訳は図に描かず、下の一覧に載せています）。",
        "en": "Each rectangle's area is proportional to its budget. The parts inside a program are its items (those of small programs, and parts that do not add up, are not drawn: they are listed below).",
    },
    "report.chart_keys": {
        "ja": "区画を選ぶと（Tab キーでも選べます）、その事業の説明に移ります。",
        "en": "Select a rectangle (Tab reaches each one) to go to its program.",
    },
    "report.not_drawn": {
        "ja": "図にない事業（予算額が 0 か、この大きさの図では小さすぎるもの）: ",
        "en": "Programs not drawn (no budget, or too small for a chart of this size): ",
    },
    "report.policy_heading": {"ja": "施策{number} {title}", "en": "Policy {number}: {title}"},
    "report.program_heading": {"ja": "{number} {name}", "en": "{number} {name}"},
    "report.tile_program": {
        "ja": "事業 {heading} {amount}（総額の{share}）",
        "en": "Program {heading}: {amount} ({share} of the total)",
    },
    "report.tile_item": {
        "ja": "{program} の {item} {amount}",
        "en": "{program}, {item}: {amount}",
    },
    "report.overfull": {
        "ja": "{whole} は{parts}の合計 {added} が自身の額 {amount} を超えるため、中の区画は{parts}どうしの比で描いています。",
        "en": "{whole}: its {parts} add up to {added}, more than its own {amount}, so they share its area in proportion to one another.",
    },
    "report.programs_of": {"ja": "事業", "en": "programs"},
    "report.items_of": {"ja": "細事業", "en": "items"},
    "report.rest_of_policy": {"ja": "事業に分けられていない額", "en": "Not divided into programs"},
    "report.program_of_policy": {
        "ja": "施策{policy}・{number} {name}",
        "en": "policy {policy}, {number} {name}",
    },
    "report.rest": {"ja": "細事業に分けられていない額", "en": "Not divided into items"},
    "report.by_section": {"ja": "担当課別", "en": "By section"},
    "report.by_tag": {"ja": "タグ別", "en": "By tag"},
    "report.col_section": {"ja": "担当課", "en": "Section"},
    "report.col_tag": {"ja": "タグ", "en": "Tag"},
    "report.col_sole": {"ja": "単独", "en": "Alone"},
    "report.col_shared": {"ja": "共同", "en": "Shared"},
    "report.col_in_all": {"ja": "計", "en": "In all"},
    "report.col_share": {"ja": "構成比", "en": "Share"},
    "report.col_programs": {"ja": "対象の事業", "en": "Programs counted"},
    "report.col_item": {"ja": "細事業", "en": "Item"},
    "report.col_amount": {"ja": "予算額", "en": "Budget"},
    "report.section_explained": {
        "ja": "単独はその課だけが担当する事業の額、共同はほかの課と共に担当する事業の額です。共同の事業は担当する課それぞれに全額を数えるため、計の列を足すと総額を超えます。",
        "en": "Alone: programs only this section runs. Shared: programs it runs with other sections. A shared program counts in full for each of its sections, so the 'in all' column adds up to more than the total.",
    },
    "report.tag_explained": {
        "ja": "事業のタグはその事業の全額を、細事業のタグはその細事業の額を数えます。タグが複数ある額はそれぞれに全額を数えるため、計の列を足しても総額にはなりません。",
        "en": "A program's tag counts the whole program, an item's tag that item. An amount with several tags counts in full for each, so the 'in all' column does not add up to the total.",
    },
    "report.programs_heading": {"ja": "事業の一覧", "en": "Every program"},
    "report.trend_heading": {
        "ja": "年度ごとの推移（{first}〜{last}年度）",
        "en": "Over the years (fiscal {first}–{last})",
    },
    "report.trend_explained": {
        "ja": "各事業の予算額を年度ごとに並べています。事業は izumi diff と同じく年度をまたいで対応づけ（番号と名前、名前、似た名前の順）、名前が変わった事業には旧名を添えています。— はその年度の台帳にない事業です。棒は事業ごとの最大の年度を高さいっぱいにしています。",
        "en": "Each program's amount in every year. Programs are paired across the years as izumi diff pairs them (number and name, then name, then alike names); a renamed one shows its former names. — is a program not in that year's ledger. Each row's bars are scaled to its own largest year.",
    },
    "report.trend_year": {"ja": "{year}年度", "en": "FY{year}"},
    "report.trend_total": {"ja": "総額", "en": "Total"},
    "report.col_program": {"ja": "事業", "en": "Program"},
    "report.trend_formerly": {"ja": "（旧: {names}）", "en": " (formerly {names})"},
    "report.changes_heading": {
        "ja": "{year}年度に増減の大きい事業",
        "en": "The biggest changes into fiscal {year}",
    },
    "report.change_new": {
        "ja": "新規（{year}年度の台帳になし）",
        "en": "new (not in the fiscal {year} ledger)",
    },
    "report.change_gone": {"ja": "この年度の台帳になし", "en": "not in this year's ledger"},
    "report.program_sections": {"ja": "担当: {sections}", "en": "Run by: {sections}"},
    "report.no_items": {"ja": "細事業の内訳はありません。", "en": "No items are listed."},
    "report.related_heading": {
        "ja": "関連する事業（○ 印。どの合計にも含まれません）",
        "en": "Related budgets (marked ○; outside every total)",
    },
    "report.outside_totals": {"ja": "合計外", "en": "outside the totals"},
    "report.notes": {"ja": "注記", "en": "Notes"},
    "report.footer": {
        "ja": "この報告は izumi {version} が台帳 {ledger} から作りました。金額はすべて台帳のとおりです。",
        "en": "Made by izumi {version} from the ledger {ledger}. Every amount is as the ledger states it.",
    },
    # --- collections of ledgers -------------------------------------------------------------
    "collection.no_stdin": {
        "ja": "標準入力（-）は台帳一つのときだけ読めます",
        "en": "standard input (-) can be read only as the one ledger",
    },
    "collection.empty_name": {
        "ja": '台帳の名前が空です（-l ""）',
        "en": 'a ledger\'s name is empty (-l "")',
    },
    "collection.empty_folder": {
        "ja": "フォルダ {folder} に台帳（*.yaml）がありません",
        "en": "the folder {folder} holds no ledger (*.yaml)",
    },
    "collection.no_match": {
        "ja": "{pattern} に合うファイルがありません",
        "en": "no file matches {pattern}",
    },
    "collection.duplicate": {
        "ja": "{city}{ward} {year}年度の台帳が二つあります（もう一つは {other}）",
        "en": "a second ledger of {ward}, {city}, fiscal {year} (the first is {other})",
    },
    "collection.duplicate.hint": {
        "ja": "同じ区・年度の台帳は一つにしてください（版を比べるなら izumi diff）",
        "en": "keep one ledger per ward and year (to compare versions, use izumi diff)",
    },
    "years.policy": {"ja": "施策{number}「{title}」", "en": "policy {number} '{title}'"},
    "years.program": {"ja": "事業{number}「{name}」", "en": "program {number} '{name}'"},
    "years.disagree": {
        "ja": "{what} の前年度額 {prior} が、前年度の台帳 {other} {line}行目の予算額 {amount} と合いません",
        "en": "the prior-year amount of {what}, {prior}, is not the amount in the year before's ledger, {amount} ({other}, line {line})",
    },
    "years.disagree.hint": {
        "ja": "どちらかの写し間違いか、前年度の台帳が補正後の額です。文書と照らし合わせてください",
        "en": "one of the two is mistyped, or the year before's ledger holds a revised amount: compare them with the documents",
    },
    "years.label.before": {"ja": "前年度の台帳の額", "en": "in the year before's ledger"},
    "years.label.prior": {"ja": "記載の前年度額", "en": "prior year as stated"},
}
