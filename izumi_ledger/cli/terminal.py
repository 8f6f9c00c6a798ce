"""One Terminal: data to stdout, messages to stderr, colour and width decided once.

Every byte izumi writes goes through here, so output failures are handled in one place: a
reader that closes the pipe early (`izumi check | head -1`) is not a failure, and the command
ends with the status it would have had; a full disk or a closed terminal is CannotWrite.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
from contextvars import ContextVar
from typing import IO, TYPE_CHECKING, Any, Final

from izumi_ledger.cli.messages import t
from izumi_ledger.errors import CannotWrite, IzumiError, UsageError
from izumi_ledger.text.oserrors import os_reason
from izumi_ledger.text.visible import visible

if TYPE_CHECKING:
    from rich.console import Console

# What rich shows differently from a plain write: tabs (expanded by cell width) and control
# characters (dropped). Lines with these go through rich, as styled lines do.
RICH_REWRITES = re.compile("[\t\a\b\v\f\r]")


# What a user may write as -o to mean standard output.
STDOUT_NAMES: Final = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})


def means_stdout(output: str | None) -> bool:
    """Whether an output option (or its absence) means standard output; UsageError for an
    empty name, which means nothing."""
    if output == "":
        raise UsageError(t("cli.empty_output"))
    return output is None or output in STDOUT_NAMES


def colour_allowed() -> bool:
    return not os.environ.get("NO_COLOR")


def colour_wanted(stream: object) -> bool:
    """Whether text is coloured, decided as rich decides: never with NO_COLOR or on a dumb
    terminal, always with FORCE_COLOR, otherwise on a terminal."""
    if not colour_allowed() or os.environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def terminal_width() -> int:
    """Columns of the terminal: COLUMNS when set, else the terminal's own, else 80."""
    return shutil.get_terminal_size().columns


class GuardedStream:
    """A text stream that turns write failures into the Terminal's handling of them."""

    def __init__(self, stream: IO[str] | None, terminal: Terminal, name: str) -> None:
        self.stream = stream  # None when the stream was closed before izumi started
        self.terminal = terminal
        self.name = name

    def write(self, text: str) -> int:
        if self.terminal.reader_gone and self.name == "stdout":
            return len(text)
        if self.stream is None:
            self.terminal.closed(self)
            return len(text)
        with self.terminal.guard(self):
            self.stream.write(text)
        return len(text)

    def write_bytes(self, data: bytes) -> None:
        if self.terminal.reader_gone:
            return
        if self.stream is None:
            self.terminal.closed(self)
            return
        with self.terminal.guard(self):
            self.stream.flush()
            buffer = getattr(self.stream, "buffer", None)
            if buffer is None:  # a text-only stream, such as a test's capture
                self.stream.write(data.decode("utf-8"))
            else:
                buffer.write(data)
                buffer.flush()

    def flush(self) -> None:
        if self.stream is not None and not (self.terminal.reader_gone and self.name == "stdout"):
            with self.terminal.guard(self):
                self.stream.flush()

    def isatty(self) -> bool:
        try:
            return self.stream is not None and self.stream.isatty()
        except ValueError:
            return False

    def fileno(self) -> int:
        if self.stream is None:
            raise OSError("closed")
        return self.stream.fileno()

    @property
    def encoding(self) -> str:
        return getattr(self.stream, "encoding", "utf-8") or "utf-8"


class Terminal:
    """The command's two streams: data (stdout) and messages (stderr)."""

    def __init__(self, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> None:
        self.reader_gone = False
        self.out = GuardedStream(stdout or sys.stdout, self, "stdout")
        self.err = GuardedStream(stderr or sys.stderr, self, "stderr")
        self.width = terminal_width()
        # Colour only where it is wanted: a terminal, never with NO_COLOR (decided per stream).
        self.colour = {"stdout": colour_wanted(self.out), "stderr": colour_wanted(self.err)}
        self._consoles: dict[str, Console] = {}

    @contextlib.contextmanager
    def guard(self, stream: GuardedStream) -> Any:
        try:
            yield
        except BrokenPipeError:
            if stream.name == "stdout":
                self._reader_left(stream)
            # A closed stderr: nowhere left to say anything.
        except OSError as error:
            if stream.name == "stderr":
                return
            where = t("cli.stdout")
            reason = os_reason(error)
            raise CannotWrite(where, t("write.failed", path=where, reason=reason)) from None

    def closed(self, stream: GuardedStream) -> None:
        """A stream closed before izumi started: data cannot go anywhere (CannotWrite);
        messages are dropped, and the status stays what it is."""
        if stream.name == "stdout":
            where = t("cli.stdout")
            raise CannotWrite(where, t("write.failed", path=where, reason=t("cli.closed")))

    def _reader_left(self, stream: GuardedStream) -> None:
        # The reader stopped early (izumi list | head): what is left is thrown away, and
        # stdout points at /dev/null so that flushing it at exit does not fail again.
        self.reader_gone = True
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)

    # -- data ------------------------------------------------------------------------------

    def data(self, text: str) -> None:
        """Pure data on stdout, never wrapped or styled (its maker has escaped what a person
        reads: tables, Markdown; JSON and CSV are data as they are)."""
        self.out.write(text)
        self.out.flush()

    def data_bytes(self, data: bytes) -> None:
        """Bytes on stdout exactly as given (a byte-order mark, CRLF line ends)."""
        self.out.write_bytes(data)

    def line(self, text: str = "", style: str | None = None) -> None:
        """A whole line for people on stdout, never wrapped."""
        self._line(self.out, text, style)

    def console(self) -> Console:
        """rich's console on stdout, for tables and trees."""
        return self._console(self.out)

    # -- messages --------------------------------------------------------------------------

    def message(self, text: str = "", style: str | None = None) -> None:
        """A whole line for people on stderr."""
        self._line(self.err, text, style)

    def failure(self, error: IzumiError) -> None:
        """Why the command cannot go on, with its hint."""
        self.message(f"izumi: {error.message}")
        if error.hint:
            self.message(t("cli.hint", hint=error.hint))

    def finish(self) -> None:
        self.out.flush()
        self.err.flush()

    # -- drawing ---------------------------------------------------------------------------

    def _line(self, stream: GuardedStream, text: str, style: str | None) -> None:
        # What a line quotes from a ledger or a document is shown, never obeyed: an escape
        # sequence in a name is written as \x1b…, not sent to the terminal.
        text = visible(text, one_line=True)
        # Plain lines are written directly, so that a command that only prints lines does not
        # load rich; a styled line, or one a terminal would show differently, goes through it.
        if (style and self.colour[stream.name]) or RICH_REWRITES.search(text):
            self._console(stream).print(text, markup=False, soft_wrap=True, style=style)
        else:
            stream.write(text + "\n")

    def _console(self, stream: GuardedStream) -> Console:
        if stream.name not in self._consoles:
            from rich.console import Console

            # With NO_COLOR no escape codes at all, not even bold: the output may be parsed.
            options: dict[str, Any] = {"highlight": False, "emoji": False, "width": self.width}
            if not self.colour[stream.name]:
                options |= {"no_color": True, "color_system": None}
            elif os.environ.get("FORCE_COLOR"):
                options |= {"force_terminal": True}
            self._consoles[stream.name] = Console(file=stream, **options)  # type: ignore[arg-type]
        return self._consoles[stream.name]


_current: ContextVar[Terminal | None] = ContextVar("izumi_terminal", default=None)


def terminal() -> Terminal:
    """The Terminal of the command being run (made on first use)."""
    found = _current.get()
    if found is None:
        found = Terminal()
        _current.set(found)
    return found


def start_terminal() -> Terminal:
    """A new Terminal on the current streams, for the command about to run."""
    made = Terminal()
    _current.set(made)
    return made
