"""Pausing Python's cycle collector while a ledger's values are built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Reading or unpickling a ledger creates millions of small objects and no reference
    cycles; the cycle collector would only walk them again and again as they pile up (a
    fifth of the reading time, most of the unpickling time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
