"""Which ledger a command reads: --ledger, else $IZUMI_LEDGER, else the bundled one."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

ENVIRONMENT_VARIABLE = "IZUMI_LEDGER"
Origin = Literal["option", "environment", "bundled"]


@dataclass(frozen=True)
class LedgerLocation:
    path: Path
    origin: Origin

    @property
    def display(self) -> str:
        """How messages name the file: as the user wrote it, or in full when bundled."""
        return str(self.path)


def bundled_ledger() -> Path:
    """The FY2021 Izumi ward ledger that ships inside the package."""
    packaged = Path(__file__).resolve().parent.parent / "data" / "programs.yaml"
    if packaged.is_file():
        return packaged
    # Running from a source checkout (or an editable install): the repository's copy.
    return Path(__file__).resolve().parent.parent.parent / "data" / "programs.yaml"


def locate_ledger(option: str | None, environment: dict[str, str] | None = None) -> LedgerLocation:
    """Resolve the ledger to read, in order: the option, the environment variable, the bundle."""
    env = os.environ if environment is None else environment
    if option:
        return LedgerLocation(Path(option), "option")
    if env.get(ENVIRONMENT_VARIABLE):
        return LedgerLocation(Path(env[ENVIRONMENT_VARIABLE]), "environment")
    return LedgerLocation(bundled_ledger(), "bundled")
