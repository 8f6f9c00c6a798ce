"""Reading a YAML file into plain values while keeping the line and column of every value.

Only the parts of YAML a ledger needs are accepted. Anything PyYAML would silently turn into
a different value (YAML 1.1 octal, yes/no booleans, sexagesimal numbers), anything that can make
a small file expand (anchors, aliases, merge keys), explicit tags and duplicate keys are refused
with their line. The file is read as a stream of parser events, so memory stays a small multiple
of the file's size whatever the file holds, and positions are kept in compact arrays beside the
values rather than in one object per node.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final, Literal, Protocol

import yaml

from izumi_ledger.findings import Finding, Path, Position, Severity, format_path
from izumi_ledger.source.positions import SourceMap
from izumi_ledger.source.problems import hidden_break, syntax_error_place, unreadable_text
from izumi_ledger.source.scalars import REFUSED, resolve_scalar
from izumi_ledger.source.syntax import diagnose, key_mistake
from izumi_ledger.text.messages import t
from izumi_ledger.text.names import closest, unknown_key_hint

# LibYAML is several times faster; the pure-Python parser gives the same events and stays as
# the fallback where PyYAML was built without it.
FAST_LOADER: Final[type[Any]] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PURE_LOADER: Final[type[Any]] = yaml.SafeLoader

MAX_DEPTH: Final = 64
# Past this many problems the rest of the file is not read: the first ones are what to fix.
MAX_FINDINGS: Final = 200

# Given the path of a mapping, the keys it may have (None: any key, the schema decides).
KeysOf = Callable[[Path], "tuple[str, ...] | None"]


# After reading: validating against the format, applying the rules, keeping it in the cache.
Stage = Literal["validating", "checking", "caching"]


class Progress(Protocol):
    """What long work tells whoever shows its progress: how far reading has come, then what
    follows."""

    def reading(self, fraction: float) -> None:
        """How far reading has come, from 0 to 1."""

    def stage(self, stage: Stage) -> None:
        """Reading is done and this is what comes next."""


@dataclass
class ParsedYaml:
    """Plain values (dicts, lists, str, int, float, bool, None) or None when unreadable."""

    data: Any
    source: SourceMap
    findings: list[Finding]
    # Paths whose value was refused here; validation errors there would only repeat it.
    refused_paths: set[Path] = field(default_factory=set)
    # Keys an unknown key was most likely meant to be (ammount for amount): that such a key is
    # missing is the same mistake, already told with its did-you-mean.
    meant_keys: set[Path] = field(default_factory=set)


ReadingProgress = Callable[[float], None]
_PROGRESS_EVERY: Final = 4096  # events between two progress reports


def parse_yaml(
    data: bytes,
    display: str,
    keys: KeysOf | None = None,
    loader: type[Any] = FAST_LOADER,
    progress: ReadingProgress | None = None,
) -> ParsedYaml:
    """Parse UTF-8 YAML into plain values with positions, refusing what a ledger forbids.

    keys, when given, tells which keys a mapping at a path may have; others are reported at
    once and their values skipped, so a file of junk keys stops early instead of filling memory.
    loader chooses LibYAML (the default) or the pure-Python parser; both give the same result.
    progress, when given, is told now and then how far reading has come (0 to 1).
    """
    builder = _Builder(SourceMap(display, data), keys)
    not_text = False  # bytes that are not UTF-8 text YAML allows
    lines = data.count(b"\n") + 1 if progress is not None else 1
    parser = None
    try:
        parser = loader(data)  # the pure-Python reader may refuse the bytes at once
        # get_event gives None after the last event: the loop asks for each event once.
        for count, event in enumerate(iter(parser.get_event, None), 1):
            if builder.feed(event):
                break
            if progress is not None and count % _PROGRESS_EVERY == 0 and event.start_mark:
                progress(min(1.0, event.start_mark.line / lines))
    except yaml.reader.ReaderError:
        builder.findings.append(unreadable_text(data, display))
        builder.unreadable = not_text = True
    except yaml.MarkedYAMLError as error:
        line_count = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
        line, column, message = syntax_error_place(error, line_count)
        noticed = error.problem_mark.line + 1 if error.problem_mark else line
        what = f"{error.context or ''} {error.problem or ''}"
        since = error.context_mark.line + 1 if error.context_mark else None
        diagnosis = diagnose(builder.source.line_text, noticed, what, since) if noticed else None
        said = any(
            finding.rule == "yaml-syntax" and finding.line == getattr(diagnosis, "line", None)
            for finding in builder.findings
        )
        if said:  # the key that line made was already named as the same mistake
            builder.unreadable = True
        elif diagnosis is not None:  # a mistake people make: in their words, where it is
            builder.fatal(
                "yaml-syntax", diagnosis.line, diagnosis.column, diagnosis.message, diagnosis.hint
            )
        else:
            if line and not builder.source.line_text(line).strip():
                # Noticed past the end (an unclosed bracket on the last line): point at the
                # last line that has something on it.
                while line > 1 and not builder.source.line_text(line).strip():
                    line -= 1
                column = len(builder.source.line_text(line)) + 1
            builder.fatal("yaml-syntax", line, column, message, t("syntax.generic.hint"))
    except yaml.YAMLError as error:
        builder.fatal("yaml-syntax", 0, 0, t("yaml.unreadable", detail=error))
    finally:
        if parser is not None:
            parser.dispose()
    if not not_text:
        # Text, but with a line break YAML sees and editors do not: every line number after
        # it would be wrong, so it is the one thing said.
        hidden = hidden_break(data, display)
        if hidden is not None:
            return _Builder(SourceMap(display, data), keys).unreadable_with(hidden)
    return builder.result()


class _NotAsked:
    """What a mapping's allowed keys are before the format was asked."""


_NOT_ASKED: Final = _NotAsked()


@dataclass
class _Frame:
    """A mapping or list being built, or a refused subtree being skipped (container None)."""

    container: dict[str, Any] | list[Any] | None
    path: Path
    start: Position
    positions: array[int] = field(default_factory=lambda: array("I"))
    # For mappings: the key waiting for its value, and where that key was written.
    key: str | None = None
    key_position: Position | None = None
    expecting_key: bool = True
    first_lines: dict[str, int] = field(default_factory=dict)
    # For mappings: the keys the format allows here (None: any), once asked.
    allowed: tuple[str, ...] | None | _NotAsked = _NOT_ASKED
    # For skipped subtrees: whether a REFUSED marker takes their place in the parent.
    attach: bool = False


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


class _Builder:
    """Turns parser events into plain values, positions and findings."""

    def __init__(self, source: SourceMap, keys: KeysOf | None) -> None:
        self.source = source
        self.keys_of = keys
        self.findings: list[Finding] = []
        self.refused_paths: set[Path] = set()
        self.meant_keys: set[Path] = set()
        self.stack: list[_Frame] = []
        self.documents = 0
        self.has_root = False
        self.stopped = False
        self.unreadable = False

    # -- findings ---------------------------------------------------------------------------

    def add(self, rule: str, mark: Any, path: Path, message: str, hint: str = "") -> None:
        position = _position(mark)
        self.findings.append(
            Finding(
                rule,
                Severity.ERROR,
                self.source.file,
                position.line,
                position.column,
                format_path(path),
                message,
                hint=hint,
            )
        )
        if len(self.findings) >= MAX_FINDINGS:
            self.stopped = True

    def refuse(self, mark: Any, path: Path, message: str, hint: str = "") -> None:
        self.add("yaml-strict", mark, path, message, hint)
        self.refused_paths.add(path)

    def fatal(self, rule: str, line: int, column: int, message: str, hint: str = "") -> None:
        self.findings.append(
            Finding(rule, Severity.ERROR, self.source.file, line, column, "", message, hint=hint)
        )
        self.unreadable = True

    def unreadable_with(self, finding: Finding) -> ParsedYaml:
        self.findings.append(finding)
        self.unreadable = True
        return self.result()

    def result(self) -> ParsedYaml:
        if self.stopped:
            last = self.findings[-1]
            self.findings.append(
                Finding(
                    "yaml-strict",
                    Severity.ERROR,
                    self.source.file,
                    last.line,
                    last.column,
                    "",
                    t("yaml.too_many", count=MAX_FINDINGS),
                    hint=t("yaml.fix_first"),
                )
            )
        if self.stopped or self.unreadable:
            return ParsedYaml(None, self.source, self.findings, self.refused_paths, self.meant_keys)
        if not self.has_root or self.source.root is None:  # no document, or an empty one
            self.findings.append(
                Finding(
                    "read",
                    Severity.ERROR,
                    self.source.file,
                    0,
                    0,
                    "",
                    t("read.empty"),
                )
            )
            return ParsedYaml(None, self.source, self.findings, self.refused_paths, self.meant_keys)
        return ParsedYaml(
            self.source.root, self.source, self.findings, self.refused_paths, self.meant_keys
        )

    # -- events -----------------------------------------------------------------------------

    def feed(self, event: yaml.Event) -> bool:
        """Take one event; True when reading should stop."""
        if isinstance(event, yaml.NodeEvent):
            frame = self.stack[-1] if self.stack else None
            if frame is not None and frame.expecting_key and type(frame.container) is dict:
                self.key(frame, event, isinstance(event, yaml.CollectionStartEvent))
            elif not (type(event) is yaml.ScalarEvent and self.plain_scalar(event)):
                self.node(event)
            return self.stopped or self.unreadable
        elif isinstance(event, yaml.CollectionEndEvent):
            frame = self.stack.pop()
            if frame.container is not None:
                source = self.source
                source.children[id(frame.container)] = len(source.positions)
                source.positions.extend(frame.positions)
                self.attach(frame.container, frame.start)
            elif frame.attach:
                self.attach(REFUSED, frame.start)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                position = _position(event.start_mark)
                self.fatal(
                    "yaml-strict",
                    position.line,
                    position.column,
                    t("yaml.documents"),
                )
                return True
        return self.stopped

    def plain_scalar(self, event: yaml.ScalarEvent) -> bool:
        """Most events of a ledger (keys are taken before this): a scalar value with no anchor
        or tag, in a list or after an accepted key, that the rules let through as it is. Takes
        it and says True; says False, having done nothing, for every other scalar (node() then
        decides)."""
        if not self.stack or event.anchor is not None or event.tag is not None:
            return False
        frame = self.stack[-1]
        container = frame.container
        if container is None or len(self.stack) >= MAX_DEPTH:
            return False
        if type(container) is dict and frame.key is None:  # the value of a refused key
            return False
        mark = event.start_mark
        value = resolve_scalar(event)[0]
        if value is REFUSED or mark is None:
            return False
        if isinstance(container, list):
            container.append(value)
            frame.positions.extend((mark.line + 1, mark.column + 1))
            return True
        key, key_at = frame.key, frame.key_position
        if key is None or key_at is None:  # not reached: a key is always set with its place
            return False
        container[key] = value
        frame.positions.extend((key_at.line, key_at.column, mark.line + 1, mark.column + 1))
        frame.expecting_key = True
        frame.key = None
        return True

    def next_path(self) -> Path | None:
        """The path of the value that comes next, or None inside a skipped subtree."""
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if frame.container is None:
            return None
        if isinstance(frame.container, list):
            return (*frame.path, len(frame.container))
        if frame.expecting_key:
            return frame.path
        return None if frame.key is None else (*frame.path, frame.key)

    def node(self, event: yaml.NodeEvent) -> None:
        mark = event.start_mark
        opens = isinstance(event, yaml.CollectionStartEvent)
        frame = self.stack[-1] if self.stack else None
        path = self.next_path()
        if path is None:  # inside a refused subtree, or the value of a refused key
            if opens:
                # attach: on closing, the parent learns the value is done (it stores nothing).
                self.stack.append(_Frame(None, (), _position(mark), attach=True))
            elif frame is not None and isinstance(frame.container, dict):
                frame.expecting_key = True
            return
        if (
            not self.stack
            and self.keys_of is not None
            and not isinstance(event, yaml.MappingStartEvent)
            and not (isinstance(event, yaml.ScalarEvent) and resolve_scalar(event)[0] is None)
        ):
            # Not a ledger at all: say so now rather than read the rest of a large file.
            self.add(
                "schema",
                mark,
                (),
                t("yaml.not_mapping"),
            )
            self.unreadable = True
            return
        if self.refused(event, path):
            if opens:
                self.stack.append(_Frame(None, path, _position(mark), attach=True))
            else:
                self.attach(REFUSED, _position(mark))
            return
        if isinstance(event, yaml.MappingStartEvent):
            self.stack.append(_Frame({}, path, _position(mark)))
        elif isinstance(event, yaml.SequenceStartEvent):
            self.stack.append(_Frame([], path, _position(mark)))
        elif isinstance(event, yaml.ScalarEvent):
            value, message, hint = resolve_scalar(event)
            if value is REFUSED:
                self.refuse(mark, path, message, hint)
            self.attach(value, _position(mark))

    def refused(self, event: yaml.NodeEvent, path: Path) -> bool:
        """Whether a node must be refused (alias, anchor, tag, depth); records the finding."""
        mark = event.start_mark
        if isinstance(event, yaml.AliasEvent):
            self.refuse(mark, path, t("yaml.alias"), t("yaml.write_again"))
        elif event.anchor is not None:
            self.refuse(mark, path, t("yaml.anchor"), t("yaml.write_value"))
        elif getattr(event, "tag", None) is not None:
            self.refuse(mark, path, t("yaml.tag"), t("yaml.value_only"))
        elif len(self.stack) >= MAX_DEPTH:
            self.refuse(mark, path, t("yaml.too_deep", depth=MAX_DEPTH))
        else:
            return False
        return True

    def key(self, frame: _Frame, event: yaml.NodeEvent, opens: bool) -> None:
        """A mapping key: plain text, not repeated; otherwise its value is skipped."""
        mark = event.start_mark
        frame.expecting_key = False
        frame.key = None
        if not isinstance(event, yaml.ScalarEvent):
            if opens:
                self.stack.append(_Frame(None, (), _position(mark)))
            self.add("yaml-strict", mark, frame.path, t("yaml.key_not_text"))
            return
        if event.anchor is not None or event.tag is not None:
            self.add("yaml-strict", mark, frame.path, t("yaml.key_decorated"))
            return
        # Keys repeat in every mapping of their kind: one shared string each saves memory.
        key: str = sys.intern(event.value)
        if not event.style and key == "<<":
            self.add(
                "yaml-strict",
                mark,
                frame.path,
                t("yaml.merge"),
                t("yaml.write_value"),
            )
            return
        position = _position(mark)
        line = position.line
        allowed = frame.allowed
        if isinstance(allowed, _NotAsked):  # asked once per mapping, not once per key
            allowed = self.keys_of(frame.path) if self.keys_of is not None else None
            frame.allowed = allowed
        if allowed is not None and key not in allowed:
            mistake = key_mistake(key, allowed)
            if mistake is not None:  # a line written wrong, not a key unknown
                message, hint, meant = mistake
                if meant:  # that the meant key is missing is the same mistake
                    self.meant_keys.add((*frame.path, meant))
                self.add("yaml-syntax", mark, (*frame.path, key), message, hint)
                return
            close = closest(key, allowed)
            if close:
                self.meant_keys.add((*frame.path, close[0]))
            self.add(
                "schema",
                mark,
                (*frame.path, key),
                t("schema.unknown_key", key=key),
                unknown_key_hint(key, allowed),
            )
            return
        if key in frame.first_lines:
            self.add(
                "yaml-strict",
                mark,
                (*frame.path, key),
                t("yaml.duplicate_key", key=key, first=frame.first_lines[key], line=line),
                t("yaml.remove_one"),
            )
            return
        frame.first_lines[key] = line
        frame.key = key
        frame.key_position = position

    def attach(self, value: Any, start: Position) -> None:
        """Put a finished value into the container being built, or make it the root."""
        if not self.stack:
            self.has_root = True
            self.source.root = value
            self.source.root_position = start
            return
        parent = self.stack[-1]
        if isinstance(parent.container, list):
            parent.container.append(value)
            parent.positions.extend((start.line, start.column))
        elif isinstance(parent.container, dict):
            if parent.key is not None and parent.key_position is not None:
                parent.container[parent.key] = value
                key_at = parent.key_position
                parent.positions.extend((key_at.line, key_at.column, start.line, start.column))
            parent.expecting_key = True
            parent.key = None
