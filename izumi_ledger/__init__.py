"""izumi: a checked ledger of a Japanese ward budget.

    import izumi_ledger

    checked = izumi_ledger.check("data/programs.yaml")
    checked.findings          # () when every sum adds up; each Finding says where and why
    checked.summary.total     # 26397 (in checked.summary.unit, 千円)
    checked.ledger            # the validated Ledger: policies, programs, items …

`load` stops after validating the format; `Cache(folder).check` is `check` with a cache.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from izumi_ledger.cache import Cache
    from izumi_ledger.findings import Finding, Severity
    from izumi_ledger.format.models import Ledger
    from izumi_ledger.loading import Checked, Loaded, Summary, check, load

__all__ = [
    "Cache",
    "Checked",
    "Finding",
    "Ledger",
    "Loaded",
    "Severity",
    "Summary",
    "check",
    "load",
]

# Where each name of the face lives; each is imported when first asked for, so that
# `import izumi_ledger` (and `izumi --help`) stays quick.
_HOMES = {
    "Cache": "izumi_ledger.cache",
    "Checked": "izumi_ledger.loading",
    "Finding": "izumi_ledger.findings",
    "Ledger": "izumi_ledger.format.models",
    "Loaded": "izumi_ledger.loading",
    "Severity": "izumi_ledger.findings",
    "Summary": "izumi_ledger.loading",
    "check": "izumi_ledger.loading",
    "load": "izumi_ledger.loading",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'izumi_ledger' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(_HOMES[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])
