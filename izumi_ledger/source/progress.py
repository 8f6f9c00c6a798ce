"""What long work tells whoever shows its progress: how far reading has come, then what follows."""

from __future__ import annotations

from typing import Literal, Protocol

# After reading: validating against the format, applying the rules, keeping it in the cache.
Stage = Literal["validating", "checking", "caching"]


class Progress(Protocol):
    def reading(self, fraction: float) -> None:
        """How far reading has come, from 0 to 1."""

    def stage(self, stage: Stage) -> None:
        """Reading is done and this is what comes next."""
