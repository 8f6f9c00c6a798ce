"""Reading a YAML file into plain values while keeping the line and column of every node.

Only the parts of YAML a ledger needs are accepted. Anything PyYAML would silently turn into
a different value (YAML 1.1 octal, yes/no booleans, sexagesimal numbers), anything that can make
a small file expand (anchors, aliases, merge keys) and explicit tags are refused with their line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

import yaml

from .findings import Finding, Path, Position, Severity, format_path

try:  # LibYAML is several times faster; the pure-Python loader gives the same nodes.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64

_TAG = "tag:yaml.org,2002:"
_DECIMAL_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_DECIMAL_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")
_BOOLEAN_WORDS = {
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}


@dataclass
class SourceMap:
    """The text of a ledger file and where each of its values sits in it."""

    file: str
    lines: list[str] = field(default_factory=list)
    value_positions: dict[Path, Position] = field(default_factory=dict)
    key_positions: dict[Path, Position] = field(default_factory=dict)

    def position(self, path: Path) -> Position:
        """Where the value at path starts; the nearest enclosing value when it is absent."""
        for length in range(len(path), -1, -1):
            found = self.value_positions.get(path[:length])
            if found is not None:
                return found
        return Position(1, 1)

    def key_position(self, path: Path) -> Position:
        """Where the key of the mapping entry at path starts (falls back to its value)."""
        return self.key_positions.get(path) or self.position(path)

    def line_text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""


@dataclass
class ParsedYaml:
    """Plain values (dicts, lists, str, int, float, None) or None when nothing could be read."""

    data: Any
    source: SourceMap
    findings: list[Finding]
    # Paths whose value was refused here; validation errors there would only repeat it.
    refused_paths: set[Path] = field(default_factory=set)


class _Refused:
    """Stands in for a refused scalar so the rest of the tree can still be checked."""

    def __repr__(self) -> str:
        return "<refused>"


REFUSED = _Refused()


def read_text(path: FilePath, display: str) -> tuple[str | None, list[Finding]]:
    """The file's text, or a finding saying why it cannot be read as UTF-8 text."""

    def fail(message: str, line: int = 0, column: int = 0) -> tuple[None, list[Finding]]:
        return None, [Finding("read", Severity.ERROR, display, line, column, "", message)]

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if path.is_symlink():
            return fail("リンク先のないシンボリックリンクです")
        return fail("ファイルがありません")
    except IsADirectoryError:
        return fail("ディレクトリです（台帳の YAML ファイルを指定してください）")
    except PermissionError:
        return fail("読み取りの権限がありません")
    except OSError as error:
        return fail(f"読み込めません: {error.strerror or error}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return fail(
            "UTF-8 のテキストではありません（Shift_JIS などは UTF-8 で保存し直してください）",
            line,
            column,
        )
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return fail("NUL 文字を含んでいます（テキストファイルではありません）", line, 1)
    return text, []


def parse_yaml(text: str, display: str) -> ParsedYaml:
    """Compose the YAML text and convert it to plain values with positions."""
    source = SourceMap(display, text.splitlines())
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        detail = "; ".join(part for part in (error.context, error.problem) if part)
        message = f"YAML として読めません: {detail}"
        return ParsedYaml(
            None, source, [_finding("yaml-syntax", display, line, column, (), message)]
        )
    except yaml.YAMLError as error:
        return ParsedYaml(
            None,
            source,
            [_finding("yaml-syntax", display, 0, 0, (), f"YAML として読めません: {error}")],
        )
    except RecursionError:
        return ParsedYaml(
            None, source, [_finding("yaml-syntax", display, 0, 0, (), "入れ子が深すぎて読めません")]
        )
    if root is None:
        return ParsedYaml(
            None,
            source,
            [_finding("read", display, 0, 0, (), "空の台帳です（YAML の値がありません）")],
        )
    converter = _Converter(source)
    data = converter.convert(root, ())
    return ParsedYaml(data, source, converter.findings, converter.refused_paths)


def _finding(
    rule: str, file: str, line: int, column: int, path: Path, message: str, hint: str = ""
) -> Finding:
    return Finding(rule, Severity.ERROR, file, line, column, format_path(path), message, hint=hint)


class _Converter:
    def __init__(self, source: SourceMap) -> None:
        self.source = source
        self.findings: list[Finding] = []
        self.refused_paths: set[Path] = set()
        self.seen: set[int] = set()

    def refuse(self, node: yaml.Node, path: Path, message: str, hint: str = "") -> _Refused:
        self.findings.append(
            _finding(
                "yaml-strict",
                self.source.file,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                path,
                message,
                hint,
            )
        )
        self.refused_paths.add(path)
        return REFUSED

    def convert(self, node: yaml.Node, path: Path, depth: int = 0) -> Any:
        self.source.value_positions[path] = Position(
            node.start_mark.line + 1, node.start_mark.column + 1
        )
        if id(node) in self.seen:
            return self.refuse(
                node, path, "エイリアス（*名前）は使えません", "同じ内容をもう一度書いてください"
            )
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            return self.refuse(node, path, f"入れ子が深すぎます（{MAX_DEPTH} 段まで）")
        lead = self.source.line_text(node.start_mark.line + 1)[node.start_mark.column :][:1]
        if lead == "&":
            return self.refuse(
                node, path, "アンカー（&名前）は使えません", "台帳では値をそのまま書いてください"
            )
        if lead == "!":
            return self.refuse(
                node, path, "明示的なタグ（!…）は使えません", "値だけを書いてください"
            )
        if isinstance(node, yaml.MappingNode):
            return self.convert_mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [
                self.convert(child, (*path, index), depth + 1)
                for index, child in enumerate(node.value)
            ]
        assert isinstance(node, yaml.ScalarNode)
        return self.convert_scalar(node, path)

    def convert_mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> Any:
        result: dict[str, Any] = {}
        first_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                self.refuse(key_node, path, "マージキー（<<）は使えません")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.refuse(key_node, path, "キーは文字列で書いてください")
                continue
            key = key_node.value
            child_path = (*path, key)
            key_line = key_node.start_mark.line + 1
            if key in first_lines:
                self.findings.append(
                    _finding(
                        "yaml-strict",
                        self.source.file,
                        key_line,
                        key_node.start_mark.column + 1,
                        child_path,
                        f"キー {key!r} が重複しています"
                        f"（{first_lines[key]} 行目と {key_line} 行目）",
                        "どちらか一方を消してください",
                    )
                )
                continue
            first_lines[key] = key_line
            self.source.key_positions[child_path] = Position(
                key_line, key_node.start_mark.column + 1
            )
            result[key] = self.convert(value_node, child_path, depth + 1)
        return result

    def convert_scalar(self, node: yaml.ScalarNode, path: Path) -> Any:
        text: str = node.value
        if node.style:  # quoted or block scalars are always text (plain is None or "")
            return text
        tag = node.tag.removeprefix(_TAG)
        if tag == "null":
            return None
        if tag == "bool":
            if text in _BOOLEAN_WORDS:
                return _BOOLEAN_WORDS[text]
            return self.refuse(
                node,
                path,
                f"{text!r} は YAML では真偽値と読まれます",
                f'文字列なら引用符で囲んでください: "{text}"',
            )
        if tag == "int":
            if _DECIMAL_INT.fullmatch(text):
                return int(text)
            return self.refuse(
                node,
                path,
                f"{text!r} は数として曖昧です"
                "（YAML では 8 進数・16 進数・60 進数などと読まれます）",
                f'金額は 10 進の数字だけで書き、文字列なら引用符で囲んでください: "{text}"',
            )
        if tag == "float":
            if _DECIMAL_FLOAT.fullmatch(text):
                return float(text)
            return self.refuse(
                node,
                path,
                f"{text!r} は数として曖昧です（YAML では無限大・非数・60 進数などと読まれます）",
                f'文字列なら引用符で囲んでください: "{text}"',
            )
        return text
