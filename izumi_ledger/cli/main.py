"""The `izumi` command's entry point and its one error boundary.

Commands return their exit status; expected failures (IzumiError) become a message on stderr
and their status here, in one place; output failures are the Terminal's. Anything else is a
defect: a short apology and exit 3 (the traceback with --debug).

`izumi check`, the command run most often (by editors and CI), is run here without typer when
its command line is one the quick reading below understands exactly; any other goes to typer,
which gives the same result (a test compares them). Importing typer is a fifth of a cached check.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable

from izumi_ledger import __version__
from izumi_ledger.cli.messages import t
from izumi_ledger.cli.terminal import start_terminal
from izumi_ledger.errors import IzumiError
from izumi_ledger.text.oserrors import os_reason


def bounded(command: Callable[[], int | None]) -> int:
    """Run a command; its exit status, or its failure's, said on stderr."""
    screen = start_terminal()
    try:
        status = command() or 0
    except IzumiError as error:
        screen.failure(error)
        status = error.exit_status
    try:
        screen.finish()
    except IzumiError as error:  # the last of the output could not be written
        screen.failure(error)
        status = error.exit_status
    return status


def _quickly(arguments: list[str]) -> int | None:
    """The exit status of `izumi check` run without typer, or None when the command line is
    not one the quick reading takes."""
    if not arguments or arguments[0] != "check":
        return None
    from izumi_ledger.cli.commands import check

    options = check.quick_options(arguments[1:])
    if options is None:
        return None
    return bounded(lambda: check.run(**options))


def main() -> None:
    """Run izumi; an unexpected failure prints a short apology (the traceback with --debug)."""
    # izumi validates with no pydantic plugins: looking for them imports importlib.metadata
    # (about 14 ms of a 0.25 s check), and none should run inside izumi unasked.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # A run reads one ledger, writes, and ends; what it builds has no cycles worth collecting,
    # and the collector would only walk it again and again (docs/performance.md: 5 % of a
    # `totals` at start-up, a third of reading a large ledger). The library leaves it alone.
    gc.disable()
    # A terminal that cannot show Japanese (PYTHONIOENCODING=ascii) gets \u escapes for what
    # it cannot hold, rather than a failure in the middle of a line.
    for stream in (sys.stdout, sys.stderr):
        encoding = str(getattr(stream, "encoding", "utf-8") or "utf-8")
        if not encoding.lower().replace("-", "").startswith("utf"):
            with contextlib.suppress(AttributeError, ValueError):
                stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    try:
        status = _quickly(sys.argv[1:])
        if status is not None:
            sys.exit(status)
        from izumi_ledger.cli.app import app

        app(prog_name="izumi")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        _say(t("cli.interrupted"))
        sys.exit(130)
    except BrokenPipeError:
        # The reader of a help screen stopped early (izumi --help | head): not a failure.
        # stdout points at /dev/null so that flushing it at exit does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        with contextlib.suppress(OSError):
            os.dup2(devnull, 1)
        sys.exit(0)
    except MemoryError:
        # Dropped first, so that the message itself has room.
        gc.collect()
        _say("izumi: " + t("cli.out_of_memory"))
        sys.exit(2)
    except OSError as error:  # a help screen or a usage message that could not be written
        where = t("cli.stdout")
        _say("izumi: " + t("write.failed", path=where, reason=os_reason(error)))
        sys.exit(2)
    except Exception:
        if "--debug" in sys.argv[1:] or os.environ.get("IZUMI_DEBUG"):
            import traceback

            traceback.print_exc()
        else:
            _say(t("cli.unexpected", version=__version__))
        sys.exit(3)


def _say(message: str) -> None:
    """A last message on stderr, if there is a stderr to write it to."""
    with contextlib.suppress(OSError, AttributeError, ValueError):
        sys.stderr.write(message + "\n")
        sys.stderr.flush()
