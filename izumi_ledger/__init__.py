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

from izumi_ledger.findings import Finding, Severity
from izumi_ledger.load import Checked, Loaded, Summary, check, load

if TYPE_CHECKING:
    from izumi_ledger.cache import Cache
    from izumi_ledger.format.models import Ledger

__version__ = "0.1.0"

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


def __getattr__(name: str) -> Any:
    # The models and the cache are imported when asked for: `import izumi_ledger` stays quick.
    if name == "Ledger":
        from izumi_ledger.format.models import Ledger

        return Ledger
    if name == "Cache":
        from izumi_ledger.cache import Cache

        return Cache
    raise AttributeError(f"module 'izumi_ledger' has no attribute {name!r}")
